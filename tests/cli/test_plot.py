"""``argmap plot``: a chart file, the same bytes twice, one-line errors and no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main

ROOT = Path(__file__).resolve().parents[2]
CASE = str(ROOT / "seeds" / "musk_v_microsoft.yaml")


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("tornado", ["--claim", "C_tos"]),
        ("distribution", ["--claim", "C_tos", "--samples", "200", "--seed", "1"]),
        ("sweep", ["--claim", "C_tos", "--param", "w_licence"]),
        ("timeline", ["--claim", "C_illegal"]),
    ],
)
def test_each_kind_writes_the_same_svg_twice(kind: str, extra: list[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    assert main(["plot", kind, CASE, *extra, "-o", str(a)]) == 0
    assert main(["plot", kind, CASE, *extra, "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tornado", CASE, "--claim", "C_nope"], "no such claim: C_nope"),
        (["sweep", CASE, "--claim", "C_tos"], "give the parameter"),
        (["sweep", CASE, "--param", "w_nope"], "no such parameter: w_nope"),
        (["tornado", CASE, "--param", "w_licence"], "only the sweep chart"),
        (["timeline", CASE, "--scenarios", "scenarios"], "only the distribution chart"),
        (["tornado", "missing.yaml"], "missing.yaml"),
    ],
)
def test_bad_input_is_one_line_and_no_file(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chart.png"
    assert main(["plot", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_an_unknown_suffix_or_the_case_itself_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plot", "tornado", CASE, "-o", str(tmp_path / "chart.gif")]) == 2
    assert "use .png, .svg or .pdf" in capsys.readouterr().err
    before = Path(CASE).read_bytes()
    assert main(["plot", "tornado", CASE, "-o", CASE.replace(".yaml", ".yaml")]) == 2
    assert Path(CASE).read_bytes() == before


def test_scenarios_of_another_case_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.yaml"
    other.write_bytes(Path(CASE).read_bytes())
    out = tmp_path / "d.png"
    args = ["plot", "distribution", str(other), "--scenarios", str(ROOT / "scenarios")]
    assert main([*args, "--samples", "100", "-o", str(out)]) == 2
    assert "its base case is" in capsys.readouterr().err
    assert not out.exists()


def test_an_existing_chart_is_kept_when_drawing_fails(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    out.write_bytes(b"old")
    assert main(["plot", "tornado", CASE, "--claim", "C_nope", "-o", str(out)]) == 2
    assert out.read_bytes() == b"old"
