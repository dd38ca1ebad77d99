"""Scenarios on arguments that use schemes: removals keep roles and answers sound."""

from __future__ import annotations

from typing import Any

from argmap.io.casefile import validate_strictly
from argmap.model import Case
from argmap.scenario.apply import apply_scenario
from argmap.scenario.model import Scenario
from argmap.semantics.evaluate import evaluate


def _case() -> Case:
    data: dict[str, Any] = {
        "title": "Expert",
        "sources": [
            {"id": "S1", "outlet": "Record", "title": "Transcript"},
            {"id": "S2", "outlet": "Report", "title": "Peer review"},
        ],
        "claims": [{"id": "C", "text": "The part failed"}],
        "evidence": [
            {"id": "E_expert", "text": "Smith is an engineer", "source": "S1", "status": "fact"},
            {"id": "E_says", "text": "Smith says it failed", "source": "S1", "status": "fact"},
            {"id": "E_note", "text": "Smith's lab notes", "source": "S1", "status": "fact"},
            {"id": "E_peer", "text": "Two engineers agree", "source": "S2", "status": "fact"},
        ],
        "arguments": [
            {
                "id": "A",
                "conclusion": "C",
                "premises": ["E_expert", "E_says", "E_note"],
                "scheme": "expert_opinion",
                "roles": {"expertise": "E_expert", "assertion": "E_says", "domain": "E_note"},
                "questions": {
                    "expertise": "conceded",
                    "field": "conceded",
                    "what_said": "conceded",
                    "trustworthy": "conceded",
                    "consistency": {"status": "answered", "by": "E_peer"},
                    "backup": {"status": "answered", "by": "E_peer"},
                },
            }
        ],
    }
    return validate_strictly(Case, data)


def _apply(case: Case, *ops: dict[str, Any]) -> Case:
    return apply_scenario(case, Scenario(name="s", question="q?", interventions=list(ops)))


def test_removing_a_premise_frees_its_role() -> None:
    after = _apply(_case(), {"op": "remove_node", "node": "E_note"})
    argument = after.arguments[0]
    assert argument.premises == ["E_expert", "E_says"]
    assert argument.roles == {"expertise": "E_expert", "assertion": "E_says"}


def test_dropping_the_answer_reopens_the_questions_it_answered() -> None:
    base = _case()
    assert evaluate(base)["A"].open_questions == ()
    after = _apply(base, {"op": "drop_source", "source": "S2"})
    questions = after.arguments[0].questions
    assert questions["consistency"].status == "open" and questions["consistency"].by is None
    assert evaluate(after)["A"].open_questions == ("consistency", "backup")
    assert evaluate(after)["A"].label == "out"
