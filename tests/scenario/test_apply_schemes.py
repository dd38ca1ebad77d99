"""Scenarios on arguments that use schemes: removals keep roles and answers sound."""

from __future__ import annotations

from typing import Any

import pytest

from argmap.errors import ScenarioError
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


def test_set_question_answers_concedes_and_reopens() -> None:
    base = _case()
    reopened = _apply(base, {"op": "set_question", "argument": "A", "question": "trustworthy",
                             "status": "open", "weight": 0.5})  # fmt: skip
    assert evaluate(reopened)["A"].open_questions == ("trustworthy",)
    assert evaluate(reopened)["A"].strength < evaluate(base)["A"].strength
    answered = _apply(
        reopened,
        {"op": "set_question", "argument": "A", "question": "trustworthy",
         "status": "answered", "by": "E_peer"},
    )  # fmt: skip
    assert evaluate(answered)["A"].open_questions == ()
    assert answered.arguments[0].questions["trustworthy"].by == "E_peer"


@pytest.mark.parametrize(
    ("op", "message"),
    [
        ({"argument": "C", "question": "field", "status": "open"},
         "interventions[0].argument: 'C' is a claim, not an argument"),
        ({"argument": "A", "question": "vibes", "status": "open"},
         "interventions[0]: scheme expert_opinion has no critical question 'vibes' (its "
            "questions: expertise, field, what_said, trustworthy, consistency, backup)"),
        ({"argument": "A", "question": "field", "status": "answered", "by": "E_gone"},
         "interventions[0].by: unknown answer 'E_gone'"),
        ({"argument": "A", "question": "field", "status": "answered"},
         "interventions[0]: an answered question names what answers it in 'by'"),
    ],
)  # fmt: skip
def test_set_question_errors_name_the_intervention(op: dict[str, Any], message: str) -> None:
    with pytest.raises(ScenarioError) as info:
        _apply(_case(), {"op": "set_question", **op})
    assert str(info.value) == message
