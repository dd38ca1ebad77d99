"""Interval bounds of expressions, and the errors and warnings validation draws from them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import CaseError, ExpressionError
from argmap.io.casefile import load
from argmap.model.expressions import parse_expression
from argmap.model.intervals import Interval, MaybeUndefined, interval_of
from argmap.semantics.evaluate import evaluate

UNIT = {"w": (0.0, 1.0), "v": (0.2, 0.6)}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("2 * w + 1", 1.0, 3.0),
        ("w - v", -0.6, 0.8),
        ("(w - 0.5) ** 2", 0.0, 0.25),
        ("(w - 0.5) ** 3", -0.125, 0.125),
        ("1 / (v + 1)", 1 / 1.6, 1 / 1.2),
        ("clip(3 * w - 1, 0, 1)", 0.0, 1.0),
        ("abs(w - 0.25)", 0.0, 0.75),
        ("min(w, v)", 0.0, 0.6),
        ("max(w, v)", 0.2, 1.0),
        ("log(v)", math.log(0.2), math.log(0.6)),
        ("sqrt(w)", 0.0, 1.0),
        ("exp(w)", 1.0, math.e),
        ("v ** w", 0.2, 1.0),
    ],
)
def test_bounds_enclose_the_expression(text: str, low: float, high: float) -> None:
    bound = interval_of(parse_expression(text), UNIT)
    assert bound.low == pytest.approx(low) and bound.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("sqrt(w - 0.3)", "sqrt of a value that can be as low as -0.3"),
        ("log(w)", "log of a value that can be as low as 0"),
        ("v / (w - 0.5)", "division by a value that can be 0 (from -0.5 to 0.5)"),
        ("w / (w - w)", "division by a value that can be 0 (from -1 to 1)"),
        ("exp(1000 * w)", "exp of a value that can reach 1000, too large for a number"),
        ("(w - 0.5) ** 0.5", "a base that can be negative (as low as -0.5) to a fractional power"),
        ("(w - 0.5) ** -2", "0 to a negative power (the base can be 0)"),
        ("(1e12 * w) ** 16 * 1e12 ** 16", "the result can be too large for a number"),
    ],
)
def test_possible_failures_are_named(text: str, reason: str) -> None:
    with pytest.raises(MaybeUndefined) as info:
        interval_of(parse_expression(text), UNIT)
    assert str(info.value) == reason


def test_a_parameter_without_a_range_is_an_error() -> None:
    with pytest.raises(ExpressionError, match="no range for parameter 'u'"):
        interval_of(parse_expression("u + 1"), UNIT)


_EXPRESSIONS = [
    "w * v - 0.3",
    "(w - v) ** 2 + 1 / (v + 0.1)",
    "sqrt(w) * log(v + 1) - exp(-w)",
    "clip(w / v, 0, 1) + abs(w - v) ** 3",
    "logistic(4 * w - 2) * max(w, v, 0.3) - min(v, 0.5)",
    "v ** w - w ** 2",
]


@settings(max_examples=60, deadline=None)
@given(
    text=st.sampled_from(_EXPRESSIONS),
    w=st.floats(0.0, 1.0),
    v=st.floats(0.2, 0.6),
)
def test_every_value_in_the_box_lies_in_the_bound(text: str, w: float, v: float) -> None:
    expression = parse_expression(text)
    bound = interval_of(expression, UNIT)
    value = expression.evaluate({"w": w, "v": v})
    assert isinstance(bound, Interval)
    assert bound.low - 1e-9 <= value <= bound.high + 1e-9


# -- validation: an error at the declared values, a warning over the draws ---------------


def _case(tmp_path: Path, score: str, distribution: str = "") -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(
        "schema_version: 1\ntitle: t\nparameters:\n  - id: w_a\n    value: 0.5\n"
        + (f"    distribution: {distribution}\n" if distribution else "")
        + f"claims:\n  - id: C1\n    text: c\n    base_score: {score}\n"
    )
    return path


def test_validate_warns_about_draws_that_may_be_undefined(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _case(tmp_path, "sqrt(w_a - 0.3)", "{kind: uniform, low: 0, high: 1}")
    assert main(["validate", "-q", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:10: claims[0].base_score: warning: may be undefined for some draws: "
        "sqrt of a value that can be as low as -0.3 (with w_a from 0 to 1)"
    ]


def test_no_warning_when_the_support_keeps_the_expression_defined(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _case(tmp_path, "sqrt(w_a - 0.3)", "{kind: uniform, low: 0.35, high: 1}")
    assert main(["validate", "-q", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_evaluation_at_other_values_names_file_line_and_field(tmp_path: Path) -> None:
    case = load(_case(tmp_path, "w_a / (w_a - 0.25)"))
    with pytest.raises(CaseError) as info:
        evaluate(case, values={"w_a": 0.25})
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path / 'case.yaml'}:9: claims[0].base_score: undefined at w_a=0.25: "
        "cannot evaluate: division by zero (0.25 / 0)"
    ]


def test_a_relation_weight_that_fails_names_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(
        "schema_version: 1\ntitle: t\nparameters:\n  - {id: w, value: 0.5}\n"
        "claims:\n  - {id: C1, text: a}\n  - {id: C2, text: b}\nrelations:\n"
        "  - {kind: rebut, from: C1, to: C2}\n"
        "  - {kind: undermine, from: C2, to: C1, weight: 'log(w - 0.25)'}\n"
    )
    with pytest.raises(CaseError) as info:
        evaluate(load(path), values={"w": 0.25})
    assert [str(p) for p in info.value.problems] == [
        f"{path}:10: relations[1].weight: undefined at w=0.25: "
        "cannot evaluate log(0): log needs a number above 0"
    ]


def test_a_rebut_along_a_declared_contrary_names_its_own_line(tmp_path: Path) -> None:
    # the rebut is compiled as a contrary attack: its weight's location follows it
    path = tmp_path / "case.yaml"
    path.write_text(
        "schema_version: 1\ntitle: t\nparameters:\n  - {id: w, value: 0.5}\n"
        "claims:\n  - {id: C1, text: a}\n  - {id: C2, text: b}\n"
        "contraries:\n  - {kind: contrary, claims: [C1, C2]}\nrelations:\n"
        "  - {kind: support, from: C1, to: C2, weight: 0.5}\n"
        "  - {kind: rebut, from: C1, to: C2, weight: 'sqrt(w - 0.3)'}\n"
    )
    with pytest.raises(CaseError) as info:
        evaluate(load(path), values={"w": 0.1})
    assert [str(p) for p in info.value.problems] == [
        f"{path}:12: relations[1].weight: undefined at w=0.1: "
        "cannot evaluate sqrt(-0.2): sqrt needs a number of at least 0"
    ]
