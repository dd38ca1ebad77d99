"""Precedent: Horty's reason model (ground truth), factor comparison, weights."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.model import Argument, Case, Claim, Factor, Precedent, Side
from argmap.semantics.compile import compile_case
from argmap.semantics.gradual import gradual_strengths
from argmap.semantics.precedent import (
    ReasonCase,
    argument_weight,
    compare_factors,
    forced_outcomes,
    is_applicable,
)

GROUND = Path(__file__).resolve().parents[2].parent / "shared" / "ground-truth"
_CASES = yaml.safe_load((GROUND / "precedent.yaml").read_text()) if GROUND.is_dir() else []
_SIDE = {"p": Side.PLAINTIFF, "d": Side.DEFENDANT}


@pytest.mark.parametrize("case", _CASES, ids=[c["name"] for c in _CASES])
def test_reason_model_ground_truth(case: dict[str, Any]) -> None:
    base = [
        ReasonCase(frozenset(c["factors"]), frozenset(c["reason"]), _SIDE[c["outcome"]])
        for c in case["case_base"]
    ]
    names = {f for c in case["case_base"] for f in c["factors"]} | set(case["new_case"])
    favours = {f: _SIDE[f[0]] for f in names}
    got = forced_outcomes(base, case["new_case"], favours)
    assert got == {_SIDE[s] for s in case["forced_outcomes"]}


def test_ground_truth_file_is_there() -> None:
    assert len(_CASES) >= 5


def _case(present: set[str], **arg: Any) -> Case:
    factors = [
        Factor(id=f, text=f, favours=_SIDE[f[0]], present=f in present)
        for f in ("p1", "p2", "p3", "d1", "d2")
    ]
    prec = Precedent(
        id="hiq",
        name="hiQ v. LinkedIn",
        court="9th Cir.",
        year=2022,
        jurisdiction="US",
        status="decided",
        outcome="defendant",
        factors=["p1", "d1", "d2"],
        reason=["d1"],
        authority=0.8,
    )
    pending = Precedent(
        id="nyt",
        name="NYT v. OpenAI",
        court="S.D.N.Y.",
        year=2023,
        jurisdiction="US",
        status="pending",
        authority="a_nyt",
    )
    return Case(
        title="t",
        parameters=[{"id": "a_nyt", "value": 0.5}],
        factors=factors,
        precedents=[prec, pending],
        claims=[Claim(id="C", text="c")],
        arguments=[
            Argument(id="A", conclusion="C", precedent="hiq", **arg),
            Argument(id="B", conclusion="C", precedent="nyt", applies_if="plaintiff"),
        ],
    )


def test_forcing_precedent_is_fully_similar() -> None:
    case = _case({"d1", "p1"})
    cmp = compare_factors(case, case.precedents[0])
    assert cmp.side is Side.DEFENDANT and cmp.forces and cmp.similarity == 1.0
    assert cmp.shared_plaintiff == {"p1"} and cmp.shared_defendant == {"d1"}
    assert cmp.distinguishing_precedent == {"d2"}


def test_distinctions_and_missing_reason_lower_similarity() -> None:
    case = _case({"d1", "p1", "p2", "p3"})
    cmp = compare_factors(case, case.precedents[0])
    assert cmp.distinguishing_current == {"p2", "p3"} and not cmp.forces
    assert cmp.similarity == pytest.approx(1 / 3)
    cmp = compare_factors(_case({"p1"}), case.precedents[0])
    assert cmp.missing_reason == {"d1"} and cmp.similarity == 0.0


def test_argument_weight_is_authority_times_similarity() -> None:
    case = _case({"d1", "p1", "p2"})
    arg = case.arguments[0]
    assert argument_weight(case, arg) == pytest.approx(0.8 * 0.5)
    fw = compile_case(case)
    # compiled: base = similarity; the precedent's authority joins by the weakest link
    assert fw.base[fw.index["A"]] == pytest.approx(0.5)
    assert not fw.attacks_of("A") and not fw.attacks_of("hiq")
    strengths = gradual_strengths(fw, "dfquad").strengths
    assert strengths[fw.index["A"]] == pytest.approx(0.8 * 0.5)
    explicit = _case({"d1"}, weight=0.3)
    assert argument_weight(explicit, explicit.arguments[0]) == 0.3


def test_applicability_follows_outcome_or_assumption() -> None:
    case = _case({"d1"}, applies_if="plaintiff")
    hiq, nyt = case.precedents
    a, b = case.arguments
    assert not is_applicable(a, hiq)
    assert not is_applicable(a, hiq, assumed=Side.PLAINTIFF)  # a decided case is on record
    assert not is_applicable(b, nyt) and is_applicable(b, nyt, assumed=Side.PLAINTIFF)
    fw = compile_case(case)
    assert set(fw.dropped) == {"A", "B"} and "A" not in fw.index
    ok = _case({"d1"}, applies_if="defendant")
    fw = compile_case(ok)
    assert set(fw.dropped) == {"B"} and "A" in fw.index


def test_settled_precedent_with_a_ruling_applies_by_its_outcome() -> None:
    settled = Precedent(
        id="s",
        name="s",
        court="c",
        year=2022,
        jurisdiction="US",
        status="settled",
        outcome="plaintiff",
    )
    arg = Argument(id="A", conclusion="C", precedent="s", applies_if="plaintiff")
    assert is_applicable(arg, settled)
    assert not is_applicable(arg.model_copy(update={"applies_if": Side.DEFENDANT}), settled)
    assert is_applicable(Argument(id="B", conclusion="C", precedent="s"), settled)
