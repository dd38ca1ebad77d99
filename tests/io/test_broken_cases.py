"""Every file of the broken-case corpus fails validation with exactly its expected errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from argmap.cli import main

CORPUS = Path(__file__).parent / "broken_cases"
EXPECTED: dict[str, list[str]] = yaml.safe_load((CORPUS / "EXPECTED.yaml").read_text("utf-8"))


def test_corpus_is_large_and_fully_described() -> None:
    files = sorted(p.name for p in CORPUS.iterdir() if p.suffix in {".yaml", ".json"})
    files.remove("EXPECTED.yaml")
    assert len(files) >= 30
    assert sorted(EXPECTED) == files


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_case_is_rejected_with_its_message(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(CORPUS / name)
    code = main(["validate", path])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.splitlines() == [line.format(file=path) for line in EXPECTED[name]]
    assert "Traceback" not in captured.err
