"""Argdown: an argument keeps the scheme its source gives, with its roles and questions."""

from __future__ import annotations

from typing import Any

from argmap.io.argdown import dumps_argdown, parse_argdown
from argmap.io.casefile import validate_strictly
from argmap.model import Case

SOURCE = """
[Failed]: The part failed.

<Smith>: Dr Smith's testimony.

(1) [Engineer]: Dr Smith is an engineer.
(2) [Says]: Dr Smith says the part failed.
--
Argument from expert opinion
--
(3) [Failed]

<Witness> {scheme: witness_testimony, roles: {testimony: Saw}, questions: {biased: conceded}}

(1) [Saw]: A bystander saw the part fail.
-- Some rule of thumb --
(2) [Failed]
"""


def test_a_rule_naming_a_catalogue_scheme_is_that_scheme() -> None:
    case = parse_argdown(SOURCE)
    assert case.node("Smith").scheme == "expert_opinion"  # type: ignore[union-attr]


def test_scheme_roles_and_questions_in_the_data_are_kept() -> None:
    witness = parse_argdown(SOURCE).node("Witness")
    assert witness.scheme == "witness_testimony"  # type: ignore[union-attr]
    assert witness.roles == {"testimony": "Saw"}  # type: ignore[union-attr]
    assert witness.questions["biased"].status == "conceded"  # type: ignore[union-attr]


def test_a_case_with_schemes_round_trips_exactly() -> None:
    data: dict[str, Any] = {
        "title": "Schemes in Argdown",
        "critical_questions": {"weight": 0.1},
        "schemes": [
            {
                "id": "own_rule",
                "name": "Our house rule",
                "roles": [{"id": "fact", "text": "The fact holds"}],
                "questions": [{"id": "really", "text": "Does it really?", "weight": 0.3}],
            }
        ],
        "claims": [
            {"id": "C", "text": "The part failed"},
            {"id": "P1", "text": "Smith is an engineer"},
            {"id": "P2", "text": "Smith says so"},
        ],
        "arguments": [
            {
                "id": "A1",
                "conclusion": "C",
                "premises": ["P1", "P2"],
                "scheme": "expert_opinion",
                "roles": {"expertise": "P1", "assertion": "P2"},
                "questions": {
                    "backup": {"status": "answered", "by": "P2"},
                    "trustworthy": {"weight": 0.4},
                },
            },
            {"id": "A2", "conclusion": "C", "premises": ["P1"], "scheme": "own_rule"},
        ],
    }
    case = validate_strictly(Case, data)
    text = dumps_argdown(case)
    assert "Argument from expert opinion" in text
    assert parse_argdown(text) == case
