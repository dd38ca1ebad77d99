"""Reading every claim's standard in one pass gives what the per-claim reading gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from argmap.io.casefile import load
from argmap.model import Case
from argmap.semantics.compile import (
    claim_standards,
    compile_case,
    rivals_of,
    standard_of,
    threshold_of,
)
from argmap.semantics.evaluate import dung_labels
from argmap.semantics.gradual import gradual_strengths
from argmap.semantics.standards import (
    claim_weights,
    meets_many,
    read_standard,
    standard_outcomes,
)
from tests.render.synthetic import synthetic_case

REPO = Path(__file__).resolve().parents[2]


def _cases() -> list[Case]:
    worked = load(REPO / "seeds" / "musk_v_microsoft.yaml")
    # weight 0 on some relations: a relation of weight 0 counts as absent
    data = synthetic_case(300, seed=3).model_dump()
    for i, relation in enumerate(data["relations"]):
        if i % 3 == 0:
            relation["weight"] = 0.0
    # the standards that count arguments, where an absent one changes the verdict
    for i, issue in enumerate(data["issues"]):
        issue["proof_standard"] = {"name": ("dialectical_validity", "scintilla")[i % 2]}
    return [worked, synthetic_case(300, seed=2), Case.model_validate(data)]


@pytest.mark.parametrize("case", _cases(), ids=["worked", "synthetic", "zero-weights"])
def test_one_pass_matches_claim_by_claim(case: Case) -> None:
    fw = compile_case(case)
    strengths = gradual_strengths(fw, "dfquad").strengths
    labels = dung_labels(fw.abstract(), "grounded")[0]
    for lab in (None, labels):
        got = standard_outcomes(fw, strengths, lab)
        expected = {}
        for claim in case.claims:
            standard = standard_of(case, claim.id)
            if standard is None or claim.id not in fw.index:
                continue
            pro, con = claim_weights(fw, claim.id, strengths, lab)
            rivals = [fw.index[r] for r in rivals_of(case, claim.id) if r in fw.index]
            expected[claim.id] = bool(
                read_standard(
                    case.proof.reading,
                    meets_many(standard, pro, con),
                    strengths[[fw.index[claim.id]]],
                    threshold_of(case, standard),
                    strengths[None, rivals],
                )[0]
            )
        assert got == expected
        assert expected  # the cases have claims with standards
    samples = np.vstack([strengths, strengths * 0.5])
    many = standard_outcomes(fw, samples)
    assert set(many) == set(got)
    assert all(v.shape == (2,) for v in many.values())  # type: ignore[union-attr]


def test_claim_standards_index_matches_standard_of() -> None:
    case = load(REPO / "seeds" / "musk_v_microsoft.yaml")
    index = claim_standards(case)
    for claim in case.claims:
        assert index.get(claim.id) == standard_of(case, claim.id)
    assert any(claim.issue is None for claim in case.claims) or len(index) == len(case.claims)
