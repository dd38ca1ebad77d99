"""Closed forms against the numeric engine; thresholds against bisection; derivatives
against finite differences."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.errors import SolverError
from argmap.io.casefile import load
from argmap.model import Case
from argmap.scenario.analysis import sensitivities, threshold, tornado
from argmap.scenario.symbolic import compile_symbolic, evaluate_at, strength_expression, symbol
from argmap.semantics.compile import compile_case
from argmap.semantics.evaluate import evaluate
from argmap.semantics.gradual import GRADUAL, gradual_strengths
from tests.scenario import cases

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ad_tool_dispute.yaml"
POINT = st.floats(0.0, 1.0, allow_nan=False)


def numeric(case: Case, values: dict[str, float], gradual: str) -> dict[str, float]:
    fw = compile_case(case, values)
    strengths = gradual_strengths(fw, gradual).strengths
    return {node: float(strengths[i]) for node, i in fw.index.items()}


@settings(max_examples=60, deadline=None)
@given(cases.acyclic_cases(), POINT, POINT, st.sampled_from(GRADUAL))
def test_closed_form_equals_engine(case: Case, p0: float, p1: float, gradual: str) -> None:
    claims = [c.id for c in case.claims]
    exprs = compile_symbolic(case, claims, ["p0", "p1"], gradual=gradual)
    point = {symbol("p0"): p0, symbol("p1"): p1}
    want = numeric(case, {"p0": p0, "p1": p1}, gradual)
    for claim in claims:
        got = evaluate_at(exprs[claim], point)
        assert got == pytest.approx(want[claim], abs=1e-9), claim


@settings(max_examples=30, deadline=None)
@given(cases.acyclic_cases(), POINT)
def test_fixed_parameters_keep_their_value(case: Case, p0: float) -> None:
    expr = strength_expression(case, "C0", ["p0"])
    assert expr.free_symbols <= {symbol("p0")}
    got = evaluate_at(expr, {symbol("p0"): p0})
    assert got == pytest.approx(numeric(case, {"p0": p0}, "dfquad")["C0"], abs=1e-9)


def test_example_closed_form_matches_evaluate() -> None:
    case = load(EXAMPLE)
    result = evaluate(case)
    for claim in ("C_principled", "C_retaliation"):
        value = float(
            strength_expression(case, claim).xreplace(
                {symbol(p.id): sympy.Float(p.value) for p in case.parameters}
            )
        )
        assert value == pytest.approx(result[claim].strength, abs=1e-12)


def test_cycle_is_refused() -> None:
    case = Case.model_validate(
        {
            "title": "cycle",
            "parameters": [{"id": "w", "value": 0.5}],
            "claims": [{"id": "A", "text": "a", "base_score": "w"}, {"id": "B", "text": "b"}],
            "relations": [
                {"kind": "rebut", "from": "A", "to": "B"},
                {"kind": "rebut", "from": "B", "to": "A"},
            ],
        }
    )
    with pytest.raises(SolverError, match="acyclic graph; cycle: "):
        strength_expression(case, "A", ["w"])


def test_unknown_names_are_refused() -> None:
    case = cases.licence_case()
    with pytest.raises(SolverError, match="unknown parameter 'nope'"):
        strength_expression(case, "C1", ["nope"])
    with pytest.raises(SolverError, match="unknown node 'C9'"):
        strength_expression(case, "C9", ["w_licence"])


def verdict(case: Case, claim: str, parameter: str, x: float) -> bool:
    other = {p.id: p.value for p in case.parameters}
    other[parameter] = x
    result = evaluate(case, values=other)
    met = result[claim].standard_met
    assert met is not None
    return met


def bisect(case: Case, claim: str, parameter: str, lo: float, hi: float) -> float:
    left = verdict(case, claim, parameter, lo)
    assert verdict(case, claim, parameter, hi) != left
    for _ in range(60):
        mid = (lo + hi) / 2
        if verdict(case, claim, parameter, mid) == left:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def test_threshold_is_exact_and_agrees_with_bisection() -> None:
    case = cases.licence_case()
    t = threshold(case, "C1", "w_licence")
    assert t.boundaries == pytest.approx((4 / 9,), abs=1e-12)
    assert t.intervals == ((0.0, pytest.approx(4 / 9, abs=1e-12)),)
    assert bisect(case, "C1", "w_licence", 0.0, 1.0) == pytest.approx(4 / 9, abs=1e-9)
    assert t.met_now is True and t.value == 0.3
    assert str(t) == (
        "C1 meets clear_and_convincing iff w_licence < 0.4444 (for w_licence in [0, 1])"
    )


def test_threshold_on_a_strength_level() -> None:
    case = load(EXAMPLE)
    t = threshold(case, "C_retaliation", "w_press", level=0.08)
    (b,) = t.boundaries
    assert bisect_level(case, "C_retaliation", "w_press", 0.08, 0.4, 0.8) == pytest.approx(
        b, abs=1e-9
    )
    assert str(t).startswith("C_retaliation meets strength > 0.08 iff w_press < 0.59")


def bisect_level(case: Case, claim: str, p: str, level: float, lo: float, hi: float) -> float:
    def above(x: float) -> bool:
        return evaluate(case, values={p: x})[claim].strength > level

    left = above(lo)
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if above(mid) == left else (lo, mid)
    return (lo + hi) / 2


@settings(max_examples=25, deadline=None)
@given(
    cases.acyclic_cases(max_claims=5),
    st.sampled_from(["p0", "p1"]),
    st.lists(POINT, min_size=5, max_size=5),
)
def test_threshold_matches_engine_everywhere(case: Case, p: str, xs: list[float]) -> None:
    t = threshold(case, "C0", p, low=0.0, high=1.0, grid=801)
    for x in xs:
        # a boundary may sit at an end of the range, where the engine's arithmetic
        # meets an exact tie a rounding away (found: pro 0.2 p1 = con 0.2 (0.5 p0 + 0.2)
        # at p0 = 1 - 1e-16); points that close to any boundary or end are not compared
        ends = (0.0, 1.0, *t.boundaries)
        if any(abs(x - b) < 1e-6 for b in ends):
            continue
        assert t.met_at(x) == verdict(case, "C0", p, x)
    for b in t.boundaries:
        assert 0.0 < b < 1.0


@settings(max_examples=40, deadline=None)
@given(cases.acyclic_cases(max_claims=5), POINT, POINT)
def test_derivatives_match_finite_differences(case: Case, p0: float, p1: float) -> None:
    assume(0.01 < p0 < 0.99 and 0.01 < p1 < 0.99)
    case = case.model_copy(
        update={
            "parameters": [
                case.parameters[0].model_copy(update={"value": p0}),
                case.parameters[1].model_copy(update={"value": p1}),
            ]
        }
    )
    exact = sensitivities(case, "C0")
    h = 1e-6
    for name, at in (("p0", p0), ("p1", p1)):
        base = {"p0": p0, "p1": p1}
        up = numeric(case, {**base, name: at + h}, "dfquad")["C0"]
        down = numeric(case, {**base, name: at - h}, "dfquad")["C0"]
        mid = numeric(case, base, "dfquad")["C0"]
        right, left = (up - mid) / h, (mid - down) / h
        assume(abs(right - left) < 1e-4)  # not at a kink
        assert exact[name] == pytest.approx((up - down) / (2 * h), abs=1e-5)


def test_tornado_ranks_by_swing() -> None:
    case = load(EXAMPLE)
    bars = tornado(case, "C_retaliation")
    assert [b.parameter for b in bars] == ["w_silence", "w_press"]
    assert bars[0].swing >= bars[1].swing > 0
    press = bars[1]
    assert press.low == pytest.approx(0.42) and press.high == pytest.approx(0.78)
    at_low = evaluate(case, values={"w_press": 0.42})["C_retaliation"].strength
    assert press.strength_low == pytest.approx(at_low, abs=1e-12)
    assert np.isclose(
        tornado(case, "C_retaliation", ["w_press"], ranges={"w_press": (0.0, 1.0)})[0].high, 1.0
    )
