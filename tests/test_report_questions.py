"""The brief lists the critical questions still open, and only when there are some."""

from __future__ import annotations

from pathlib import Path

from argmap.cli import main

CASE = """\
schema_version: 1
title: Did the firm know?
claims:
  - {id: C_knew, text: The firm knew of the defect}
  - {id: C_recall, text: The firm quietly recalled the part}
arguments:
  - id: A_sign
    conclusion: C_knew
    premises: [C_recall]
    scheme: sign
    roles: {sign: C_recall}
    questions:
"""


def _brief(tmp_path: Path, questions: str) -> str:
    case = tmp_path / "case.yaml"
    case.write_text(CASE + questions, "utf-8")
    out = tmp_path / "out"
    assert main(["report", str(case), "-o", str(out)]) == 0
    return (out / "brief.md").read_text("utf-8")


def test_the_brief_lists_open_questions(tmp_path: Path) -> None:
    brief = _brief(tmp_path, "      strength: conceded\n      other_cause: {weight: 0.25}\n")
    assert "## Open critical questions" in brief
    assert (
        "| A_sign | sign | other_cause | Could something else explain the finding? | 0.25 |"
        in brief
    )
    assert "| strength |" not in brief


def test_no_section_when_every_question_is_closed(tmp_path: Path) -> None:
    brief = _brief(
        tmp_path, "      strength: conceded\n      other_cause: {status: answered, by: C_recall}\n"
    )
    assert "Open critical questions" not in brief
