"""The executor switch: parsing, the serial and process paths, a missing dask."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.scale.executor import Where, open_pool

REPO = Path(__file__).resolve().parents[2]
CASE = REPO / "examples" / "ad_tool_dispute.yaml"


def add(shared: int, item: int) -> int:
    return shared + item


@pytest.mark.parametrize("value", ["local:0", "local:x", "http://h:1", "tcp://", "host:8786"])
def test_a_bad_cluster_address_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["batch", str(CASE), "-o", str(tmp_path / "r.csv"), "--cluster", value])
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a scheduler address (tcp://HOST:PORT) or local:N" in err[0]


def test_local_and_cluster_exclude_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["batch", str(CASE), "-o", str(tmp_path / "r.csv"), "--local", "--cluster", "local:1"])
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize("where", [Where("local", workers=1), Where("local", workers=2)])
def test_every_task_comes_back_with_its_number(where: Where) -> None:
    items = [(n, n * 10) for n in range(7)]
    with open_pool(where) as pool:
        assert sorted(pool.results(add, 1, items)) == [(n, n * 10 + 1) for n in range(7)]


def test_cluster_without_dask_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if absent
    with (
        pytest.raises(ArgmapError, match=r"install argmap's scale extra"),
        open_pool(Where("cluster", workers=1)),
    ):
        pass
    code = main(["batch", str(CASE), "-o", str(tmp_path / "r.csv"), "--cluster", "local:1"])
    assert code == 2
    assert capsys.readouterr().err == (
        "argmap: error: --cluster needs dask.distributed: install argmap's scale extra "
        "(argmap[scale])\n"
    )
    assert sorted(tmp_path.iterdir()) == []  # no table, no parts folder


def test_tables_without_pyarrow_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code = main(["batch", str(CASE), "-o", str(tmp_path / "r.parquet"), "--local", "1"])
    assert code == 2
    assert capsys.readouterr().err == (
        "argmap: error: writing results needs pyarrow: install argmap's scale extra "
        "(argmap[scale])\n"
    )
