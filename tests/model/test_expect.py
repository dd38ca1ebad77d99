"""The ``expect:`` block of a case: its forms, and the errors a bad one gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import CaseError
from argmap.io.casefile import load
from argmap.model import Case
from argmap.model.expect import Expectation


@pytest.mark.parametrize(
    ("written", "verdict", "label", "strength"),
    [
        ("proved", "proved", None, None),
        ("undec", None, "undec", None),
        ({"label": "out", "strength": [0.1, 0.2]}, None, "out", (0.1, 0.2)),
    ],
)
def test_forms(written: object, verdict: str | None, label: str | None, strength: object) -> None:
    e = Expectation.model_validate(written)
    assert (e.verdict, e.label, e.strength) == (verdict, label, strength)  # StrEnum == str


def _case(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(
        "schema_version: 1\ntitle: t\nissues: [{id: I, question: q}]\n"
        "claims:\n  - {id: A, text: a, issue: I}\n" + block,
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("block", "line", "message"),
    [
        (
            "expect:\n  baseline:\n    A: nonsense\n",
            8,
            "expect.baseline.A.verdict: Input should be",
        ),
        ("expect:\n  baseline:\n    A: {strength: [0.5, 0.2]}\n", 8, "is empty"),
        ("expect:\n  baseline:\n    A: {}\n", 8, "expect a verdict, a label or a strength"),
        ("expect:\n  baseline:\n    B: proved\n", 8, "expect.baseline.B: unknown claim 'B'"),
    ],
)
def test_bad_blocks_are_located(tmp_path: Path, block: str, line: int, message: str) -> None:
    path = _case(tmp_path, block)
    with pytest.raises(CaseError) as info:
        load(path)
    shown = [str(p) for p in info.value.problems]
    assert any(s.startswith(f"{path}:{line}:") and message in s for s in shown), shown


def test_scenarios_leave_the_block_behind() -> None:
    from argmap.scenario.apply import apply_scenario
    from argmap.scenario.model import Scenario

    case = Case.model_validate(
        {
            "title": "t",
            "claims": [{"id": "A", "text": "a"}, {"id": "B", "text": "b"}],
            "expect": {"baseline": {"B": "accepted"}},
        }
    )
    scenario = Scenario(name="s", question="q?", interventions=[{"op": "remove_node", "node": "B"}])
    assert apply_scenario(case, scenario).expect == {}


def test_other_formats_say_they_drop_the_block() -> None:
    from argmap.io.convert import lost_in

    case = Case.model_validate(
        {
            "title": "t",
            "claims": [{"id": "A", "text": "a"}, {"id": "B", "text": "b"}],
            "expect": {"baseline": {"A": "accepted", "B": "accepted"}, "s": {"A": "in"}},
        }
    )
    for fmt in ("aif", "carneades", "apx"):
        assert "expect (3)" in " ".join(lost_in(case, fmt)), fmt
    assert lost_in(case, "case") == []
