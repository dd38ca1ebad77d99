"""The brief's "What would change the outcome" section, from the audit."""

from __future__ import annotations

from pathlib import Path

from argmap.io.casefile import load
from argmap.model import Case
from argmap.report import build_report

REPO = Path(__file__).resolve().parents[1]


def test_brief_names_the_deciding_arrow() -> None:
    report = build_report(load(REPO / "examples" / "ad_tool_dispute.yaml"), formats=("svg",))
    brief = report.files["brief.md"].decode()
    section = brief[brief.index("## What would change the outcome") :]
    section = section[: section.index("\n## ", 3)]
    assert report.audit is not None and [r.claim for r in report.audit.claims] == ["C_retaliation"]
    assert "**C_retaliation** is defeated; it becomes unproven if one item goes" in section
    assert "remove rebut C_principled → C_retaliation (relations\\[1\\])" in section


def test_brief_says_when_nothing_flips_a_verdict() -> None:
    case = Case.model_validate(
        {
            "title": "t",
            "issues": [{"id": "I", "question": "q"}],
            "claims": [{"id": "C", "text": "c", "issue": "I", "base_score": 0.7}],
        }
    )
    brief = build_report(case, formats=("svg",)).files["brief.md"].decode()
    assert "- **C** is proved; no evidence, precedent or relation bears on it." in brief
