"""Abstract frameworks to and from cases: the projection round trip and its semantics."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.io.casefile import load
from argmap.io.iccma import read_af
from argmap.io.iccma_case import af_to_case, case_to_af, claim_ids
from argmap.model import Case
from argmap.semantics.dung import grounded_labelling, skeptically_accepted
from argmap.semantics.dung.af import AF
from argmap.semantics.evaluate import evaluate

REPO = Path(__file__).resolve().parents[2]
ICCMA_DIR = REPO.parent / "shared" / "examples" / "iccma"
ICCMA_FILES = sorted(p for p in ICCMA_DIR.iterdir() if p.suffix in {".af", ".apx", ".tgf"})


@st.composite
def frameworks(draw: st.DrawFn, max_n: int = 7) -> AF:
    n = draw(st.integers(1, max_n))
    numeric = draw(st.booleans())
    names = [str(i + 1) if numeric else f"x{i}" for i in range(n)]
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
    return AF.from_pairs(names, [(names[a], names[b]) for a, b in pairs])


def _renamed(af: AF) -> AF:
    """``af`` with its arguments named as :func:`af_to_case` names the claims."""
    return AF.from_arrays(claim_ids(af.names), af.src, af.dst)


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_af_to_case_to_af_is_the_identity(af: AF) -> None:
    case = af_to_case(af)
    Case.model_validate(case.model_dump(by_alias=True))  # a valid case, checked in full
    assert [c.text for c in case.claims] == list(af.names)
    assert case_to_af(case) == _renamed(af)


@settings(max_examples=100, deadline=None)
@given(frameworks())
def test_the_case_evaluates_like_the_framework(af: AF) -> None:
    case = af_to_case(af)
    ids = claim_ids(af.names)
    grounded = evaluate(case, semantics="grounded")
    expected = {1: "in", -1: "out", 0: "undec"}
    labels = grounded_labelling(af).tolist()
    assert [grounded[i].label.value for i in ids] == [expected[x] for x in labels]
    preferred = evaluate(case, semantics="preferred")
    for k, i in enumerate(ids):
        assert (preferred[i].label.value == "in") == skeptically_accepted(af, k, "preferred")


def test_claim_ids_are_valid_and_unique() -> None:
    ids = claim_ids(("1", "a", "a_2", "a", "x y"))
    assert ids == ["a1", "a", "a_2", "a_3", "ax_y"]
    assert claim_ids(("", "a")) == ["a", "a_2"]
    assert len(set(claim_ids(tuple(str(i) for i in range(100))))) == 100


# the 7346-argument benchmark takes a few seconds to evaluate (gradual strengths) and render
REAL = [
    pytest.param(p, id=p.name, marks=[pytest.mark.slow] if p.stat().st_size > 100_000 else [])
    for p in ICCMA_FILES
]


@pytest.mark.parametrize("path", REAL)
def test_real_frameworks_become_cases_evaluate_render_and_come_back(path: Path) -> None:
    from argmap.maps import render

    af = read_af(path)
    case = af_to_case(af, title=path.stem)
    assert len(case.claims) == af.n and len(case.relations) == af.n_attacks
    assert all(r.kind.value == "rebut" for r in case.relations)
    assert case_to_af(case) == _renamed(af)
    result = evaluate(case)
    labels = grounded_labelling(af)
    ins = {claim_ids(af.names)[i] for i in np.flatnonzero(labels == 1).tolist()}
    assert {r.id for r in result.claims() if r.label.value == "in"} == ins
    dot = render(case, result).dot
    assert dot.count("->") >= af.n_attacks


def test_case_to_af_is_the_documented_projection() -> None:
    case = load(REPO / "examples" / "ad_tool_dispute.yaml")
    af = case_to_af(case)
    kinds = {
        n.id
        for n in case.iter_nodes()
        if type(n).__name__ in {"Claim", "Evidence", "Argument", "Precedent", "Event"}
    }
    assert set(af.names) == kinds
    attacks = {
        (af.names[s], af.names[d]) for s, d in zip(af.src.tolist(), af.dst.tolist(), strict=True)
    }
    for rel in case.relations:
        if rel.is_attack:
            assert (rel.origin, rel.target) in attacks
        else:
            assert (rel.origin, rel.target) not in attacks
    # whoever attacks a premise attacks the arguments resting on it (necessary support)
    for rel in case.relations:
        if rel.kind.value == "undermine":
            for arg in case.arguments:
                if rel.target in arg.premises:
                    assert (rel.origin, arg.id) in attacks
