"""Explanations: grounded rounds and reasons, strength contributions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import SolverError
from argmap.io.casefile import load
from argmap.model import Case, Claim, Relation
from argmap.semantics.compile import compile_case
from argmap.semantics.dung.af import AF
from argmap.semantics.evaluation import Label
from argmap.semantics.explain import (
    explain,
    explain_label,
    grounded_rounds,
    strength_contributions,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ad_tool_dispute.yaml"


@st.composite
def afs(draw: Any) -> AF:
    n = draw(st.integers(1, 10))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=25))
    return AF.from_arrays(n, [p[0] for p in pairs], [p[1] for p in pairs])


def _grounded_fixpoint(af: AF) -> list[int]:
    """Least fixed point of Dung's characteristic function, by plain iteration."""
    ext: set[int] = set()
    while True:
        out = {b for a in ext for b in af.targets(a).tolist()}
        new = {x for x in range(af.n) if all(a in out for a in af.attackers(x).tolist())}
        if new == ext:
            break
        ext = new
    out = {b for a in ext for b in af.targets(a).tolist()}
    return [1 if x in ext else -1 if x in out else 0 for x in range(af.n)]


@given(af=afs())
@settings(max_examples=150, deadline=None)
def test_rounds_give_the_grounded_labelling_and_well_founded_reasons(af: AF) -> None:
    labels, rounds = grounded_rounds(af)
    assert labels.tolist() == _grounded_fixpoint(af)
    for x in range(af.n):
        reason = explain_label(af, labels, x, "grounded", rounds)
        assert reason.label is {1: Label.IN, -1: Label.OUT, 0: Label.UNDEC}[int(labels[x])]
        if labels[x] == -1:
            first = af.index_of(reason.defeaters[0])
            assert labels[first] == 1 and rounds[first] == rounds[x]
        if labels[x] == 1:
            for attacker, defenders in reason.defenders.items():
                assert defenders, attacker
                assert rounds[af.index_of(defenders[0])] < rounds[x]
        if labels[x] == 0:
            assert reason.undecided and not reason.defeaters
        assert reason.chain and reason.chain[0].startswith(af.names[x])


def test_reinstatement_chain() -> None:
    af = AF.from_pairs("abc", [("a", "b"), ("b", "c")])
    labels, rounds = grounded_rounds(af)
    reason = explain_label(af, labels, 2, "grounded", rounds)
    assert reason.defenders == {"b": ("a",)}
    assert reason.chain == (
        "c is in (round 2): each attacker is out",
        "  b is out (round 1): defeated by a",
        "    a is in: nothing attacks it",
    )


def _pair() -> Case:
    return Case(
        title="t",
        parameters=[{"id": "k", "value": 0.5}],
        claims=[Claim(id="a", text="a", base_score=0.6), Claim(id="b", text="b", base_score="k")],
        relations=[Relation(kind="rebut", origin="b", target="a")],
    )


def test_contributions_match_the_closed_form() -> None:
    # DF-QuAD single attack: s_a = b_a (1 - b_b)
    fw = compile_case(_pair())
    got = {c.name: c for c in strength_contributions(fw, "a", "dfquad")}
    assert got["b"].derivative == pytest.approx(-0.6, abs=1e-6)
    assert got["a"].derivative == pytest.approx(0.5, abs=1e-6)
    assert got["b"].removal == pytest.approx(0.3 - 0.6, abs=1e-12)
    assert got["k"].derivative == pytest.approx(-0.6, abs=1e-6)
    assert got["a"].removal is None


def test_explain_the_example() -> None:
    ex = explain(load(EXAMPLE), "C_retaliation")
    assert ex.label is Label.OUT and ex.reason.defeaters == ("C_principled",)
    ranked = [c.name for c in ex.contributions]
    assert ranked[0] == "C_principled"  # removing its rebutter helps it most
    assert {"w_press", "w_silence"} <= set(ranked)
    assert "defeated by C_principled" in str(ex)
    pref = explain(load(EXAMPLE), "C_principled", semantics="preferred", gradual="euler")
    assert pref.label is Label.IN and "nothing attacks it" in str(pref)
    assert 0 < pref.strength < 1
    with pytest.raises(SolverError, match="no such node"):
        explain(load(EXAMPLE), "nope")


def test_strengths_are_not_changed_by_explaining() -> None:
    fw = compile_case(load(EXAMPLE))
    before = fw.base.copy()
    strength_contributions(fw, "C_principled", "quadratic_energy")
    assert np.array_equal(before, fw.base)
