"""Every output is byte-reproducible: two renders (or reports) of one case, made at
different times, give identical bytes; a PDF's date follows SOURCE_DATE_EPOCH."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = str(REPO / "examples" / "ad_tool_dispute.yaml")


@pytest.mark.parametrize("fmt", ["pdf", "svg", "png"])
def test_two_renders_give_identical_bytes(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    assert main(["render", SAMPLE, "-o", str(first)]) == 0
    time.sleep(1.1)  # cairo's time stamp has one-second resolution
    assert main(["render", SAMPLE, "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_pdf_date_follows_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "map.pdf"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main(["render", SAMPLE, "-o", str(out)]) == 0
    assert b"/CreationDate (D:20231114221320Z)" in out.read_bytes()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert main(["render", SAMPLE, "-o", str(out)]) == 0
    assert b"/CreationDate" not in out.read_bytes()


def test_two_reports_give_identical_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["report", SAMPLE, "-o", str(first)]) == 0
    time.sleep(1.1)
    assert main(["report", SAMPLE, "-o", str(second)]) == 0
    capsys.readouterr()
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert "map.pdf" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
