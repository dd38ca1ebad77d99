"""Proof standards read over strength: thresholds, rivals, the Carneades reading kept,
and what-if analysis that finds the threshold's crossing."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

from argmap.model import DEFAULT_THRESHOLDS, Case, ProofStandard, StandardName
from argmap.scenario.analysis import threshold
from argmap.semantics.compile import threshold_of
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Label, Verdict
from argmap.semantics.standards import read_standard
from tests.model.strategies import cases


def _one_claim(score: float | str, standard: Any = "preponderance", **extra: Any) -> Case:
    return Case.model_validate(
        {
            "title": "t",
            "parameters": [{"id": "w", "value": 0.3}],
            "issues": [{"id": "I", "question": "q?", "proof_standard": standard}],
            "claims": [{"id": "C", "text": "c", "issue": "I", "base_score": score}],
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("scintilla", 0.0),
        ("preponderance", 0.5),
        ("clear_and_convincing", 0.75),
        ("beyond_reasonable_doubt", 0.9),
    ],
)
def test_each_standard_is_a_strict_threshold_over_strength(name: str, limit: float) -> None:
    assert DEFAULT_THRESHOLDS[StandardName(name)] == limit
    assert evaluate(_one_claim(limit, name))["C"].standard_met is False  # strict
    above = min(limit + 0.01, 1.0)
    assert evaluate(_one_claim(above, name))["C"].standard_met is True


def test_thresholds_are_set_per_case_and_per_issue() -> None:
    per_case = _one_claim(0.6, proof={"thresholds": {"preponderance": 0.65}})
    assert threshold_of(per_case, per_case.issues[0].proof_standard) == 0.65
    assert evaluate(per_case)["C"].standard_met is False
    per_issue = _one_claim(
        0.6,
        {"name": "preponderance", "threshold": 0.55},
        proof={"thresholds": {"preponderance": 0.65}},
    )
    assert evaluate(per_issue)["C"].standard_met is True  # the issue's own wins
    with pytest.raises(ValidationError):
        _one_claim(0.6, proof={"thresholds": {"preponderance": 1.5}})


def test_a_claim_must_be_stronger_than_the_claims_that_exclude_it() -> None:
    case = Case.model_validate(
        {
            "title": "t",
            "issues": [{"id": "I", "question": "q?"}],
            "claims": [
                {"id": "A", "text": "a", "issue": "I", "base_score": 0.9},
                {"id": "B", "text": "b", "issue": "I", "base_score": 0.8},
            ],
            "relations": [{"kind": "rebut", "from": "A", "to": "B", "weight": 0.1}],
            "contraries": [{"kind": "contradictory", "claims": ["A", "B"]}],
        }
    )
    result = evaluate(case)
    # both clear 0.5 and stand (the light rebuts defeat neither), but only the
    # stronger of two contradictories meets the standard
    assert result["A"].strength > result["B"].strength > 0.5
    assert result["A"].label is result["B"].label is Label.IN
    assert result["A"].standard_met is True and result["B"].standard_met is False


def test_the_carneades_reading_is_kept_but_never_proves_below_the_threshold() -> None:
    weak = Case.model_validate(
        {
            "title": "t",
            "proof": {"reading": "carneades"},
            "issues": [{"id": "I", "question": "q?"}],
            "claims": [
                {"id": "C", "text": "c", "issue": "I", "base_score": 0.05},
                {"id": "P", "text": "p", "base_score": 0.1},
            ],
            "relations": [{"kind": "support", "from": "P", "to": "C", "weight": 0.2}],
        }
    )
    # Carneades alone: one applicable pro argument and no con meets preponderance
    assert read_standard(weak.proof.reading, [True], [0.07], None).tolist() == [True]
    result = evaluate(weak)["C"]
    assert result.strength < 0.5
    assert result.standard_met is False and result.verdict is not Verdict.PROVED


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(max_nodes=6))
def test_proved_is_never_reported_below_the_threshold(case: Case) -> None:
    for reading in ("strength", "carneades"):
        variant = case.model_copy(
            update={"proof": case.proof.model_copy(update={"reading": reading})}
        )
        result = evaluate(variant)
        for claim in variant.claims:
            node = result[claim.id]
            if node.verdict is not Verdict.PROVED or claim.issue is None:
                continue
            issue = next(i for i in variant.issues if i.id == claim.issue)
            limit = threshold_of(variant, issue.proof_standard)
            assert limit is None or node.strength > limit


def test_a_threshold_analysis_finds_where_the_strength_crosses() -> None:
    t = threshold(_one_claim("w"), "C", "w", low=0.0, high=1.0)
    assert t.boundaries == (0.5,)
    assert t.intervals == ((0.5, 1.0),)


def test_dialectical_validity_has_no_strength_threshold() -> None:
    standard = ProofStandard(name="dialectical_validity")
    assert threshold_of(_one_claim(0.9), standard) is None
