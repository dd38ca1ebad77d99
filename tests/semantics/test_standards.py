"""Carneades proof standards: the ground-truth file and the pro/con reading."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from argmap.model import Case, Claim, Issue, ProofSettings, ProofStandard, Relation
from argmap.semantics.compile import compile_case
from argmap.semantics.gradual import dfquad
from argmap.semantics.standards import claim_weights, meets, meets_many, standard_outcomes

GROUND = Path(__file__).resolve().parents[2].parent / "shared" / "ground-truth"
_CASES = yaml.safe_load((GROUND / "carneades.yaml").read_text()) if GROUND.is_dir() else []
_ROWS = [(c, name) for c in _CASES for name in c["meets"]]


@pytest.mark.parametrize("case,name", _ROWS, ids=[f"{c['name']}-{n}" for c, n in _ROWS])
def test_ground_truth(case: dict[str, Any], name: str) -> None:
    standard = ProofStandard(name=name, alpha=case["alpha"], beta=case["beta"], gamma=case["gamma"])
    got = meets(standard, case["applicable_pro_weights"], case["applicable_con_weights"])
    assert got is case["meets"][name]


def test_ground_truth_file_is_there() -> None:
    assert len(_ROWS) >= 25


def test_vectorized_matches_scalar() -> None:
    rng = np.random.default_rng(3)
    pro, con = rng.random((200, 3)), rng.random((200, 2))
    for name in (
        "scintilla",
        "preponderance",
        "clear_and_convincing",
        "beyond_reasonable_doubt",
        "dialectical_validity",
    ):
        standard = ProofStandard(name=name)
        many = meets_many(standard, pro, con)
        assert many.tolist() == [meets(standard, p, c) for p, c in zip(pro, con, strict=True)]


def test_no_pro_meets_nothing_and_thresholds_are_read() -> None:
    for name in ("scintilla", "preponderance", "dialectical_validity"):
        assert not meets(ProofStandard(name=name), [], [])
    assert meets(ProofStandard(name="clear_and_convincing", alpha=0.6, beta=0.1), [0.7], [0.5])
    assert not meets(ProofStandard(name="clear_and_convincing", alpha=0.8), [0.7], [0.1])


def _case(standard: str, reading: str = "carneades") -> Case:
    return Case(
        title="t",
        proof=ProofSettings(reading=reading),
        issues=[Issue(id="I", question="q?", proof_standard=ProofStandard(name=standard))],
        claims=[
            Claim(id="C", text="c", issue="I"),
            Claim(id="P", text="p", base_score=0.9),
            Claim(id="K", text="k", base_score=0.4),
            Claim(id="F", text="free, no issue"),
        ],
        relations=[
            Relation(kind="support", origin="P", target="C", weight=0.5),
            Relation(kind="rebut", origin="K", target="C"),
        ],
    )


def test_weights_are_strength_times_edge_weight_and_out_nodes_do_not_apply() -> None:
    case = _case("preponderance")
    fw = compile_case(case)
    s = dfquad(fw).strengths
    pro, con = claim_weights(fw, "C", s)
    assert pro.tolist() == [[pytest.approx(0.45)]] and con.tolist() == [[pytest.approx(0.4)]]
    assert standard_outcomes(fw, s) == {"C": True}
    labels = np.zeros(fw.n, dtype=np.int8)
    labels[fw.index["P"]] = -1
    pro, _ = claim_weights(fw, "C", s, labels)
    assert pro.shape == (1, 0)
    assert standard_outcomes(fw, s, labels) == {"C": False}


def test_many_samples_give_one_verdict_each() -> None:
    case = _case("preponderance")
    fw = compile_case(case)
    base = np.tile(fw.base, (3, 1))
    base[:, fw.index["K"]] = [0.1, 0.5, 0.9]
    out = standard_outcomes(fw, dfquad(fw, base).strengths)
    assert list(out) == ["C"] and out["C"].tolist() == [True, False, False]
