"""Premises cap their argument by the weakest link (argmap.semantics.gradual.links)."""

from __future__ import annotations

import numpy as np
import pytest

from argmap.model import Case
from argmap.semantics.compile import compile_case
from argmap.semantics.gradual import GRADUAL, gradual_strengths


def _case(weight: float, reliabilities: tuple[float, ...], undermine: float = 0.0) -> Case:
    evidence = [
        {"id": f"E{i}", "text": "e", "source": "S", "status": "fact", "reliability": r}
        for i, r in enumerate(reliabilities)
    ]
    relations = []
    if undermine:
        evidence.append(
            {"id": "X", "text": "x", "source": "S", "status": "report", "reliability": 1.0}
        )
        relations.append({"kind": "undermine", "from": "X", "to": "E0", "weight": undermine})
    return Case.model_validate(
        {
            "title": "t",
            "sources": [{"id": "S", "outlet": "o", "title": "t"}],
            "claims": [{"id": "C", "text": "c"}],
            "evidence": evidence,
            "arguments": [
                {
                    "id": "A",
                    "conclusion": "C",
                    "premises": [f"E{i}" for i in range(len(reliabilities))],
                    "weight": weight,
                }
            ],
            "relations": relations,
        }
    )


def _strength(case: Case, node: str, gradual: str = "dfquad") -> float:
    fw = compile_case(case)
    return float(gradual_strengths(fw, gradual).strengths[fw.index[node]])


@pytest.mark.parametrize("gradual", sorted(GRADUAL))
def test_a_strong_premise_never_lifts_a_weak_inference(gradual: str) -> None:
    # weight 0.05 on a 0.9 premise: 0.05 * 0.9, whatever the semantics (no attacks)
    assert _strength(_case(0.05, (0.9,)), "A", gradual) == pytest.approx(0.045)


def test_the_weakest_premise_decides() -> None:
    assert _strength(_case(0.8, (0.9, 0.3, 0.6)), "A") == pytest.approx(0.8 * 0.3)
    assert _strength(_case(0.8, (1.0,)), "A") == pytest.approx(0.8)


def test_undermining_a_premise_weakens_the_argument() -> None:
    plain = _strength(_case(1.0, (0.9,)), "A")
    undermined = _strength(_case(1.0, (0.9,), undermine=0.5), "A")
    # DF-QuAD: E0 = 0.9 - 0.9 * 0.5 = 0.45, and A = 1.0 * 0.45
    assert plain == pytest.approx(0.9) and undermined == pytest.approx(0.45)


def test_samples_and_single_runs_agree() -> None:
    case = _case(0.7, (0.9, 0.4), undermine=0.3)
    fw = compile_case(case)
    rng = np.random.default_rng(5)
    base = np.tile(fw.base, (50, 1))
    base[:, fw.index["E1"]] = rng.uniform(0, 1, 50)
    many = gradual_strengths(fw, "dfquad", base).strengths
    for row in range(50):
        one = gradual_strengths(fw, "dfquad", base[row]).strengths
        assert np.allclose(many[row], one, atol=1e-15)
    a = fw.index["A"]
    expected = 0.7 * np.minimum(0.9 - 0.9 * 0.3, base[:, fw.index["E1"]])
    assert np.allclose(many[:, a], expected, atol=1e-12)
