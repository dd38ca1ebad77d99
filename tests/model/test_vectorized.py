"""Array evaluation agrees with scalar evaluation, undefined values included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ExpressionError
from argmap.model.expressions import parse_expression
from argmap.model.vectorized import evaluate_array

RISKY = [
    "clip(1 / (w - 0.5), 0, 1)",
    "1 / (1 / (w - 0.5))",
    "exp(-exp(1000 * w))",
    "logistic(exp(800 * w)) * v",
    "min(log(w), 1) + max(sqrt(v - 0.5), 0)",
    "(w - 0.5) ** 0.5 + (v - 0.5) ** -1",
    "w ** v - abs(w - v) ** 3",
    "clip(1e12 * w * 1e12 * v * 1e12 * 1e12 * 1e12 * 1e12 * 1e12 * 1e12 * 1e12, 0, 1)",
]
POINTS = st.sampled_from([0.0, 0.5, 1.0, -0.25, 0.75, 1e-300])


@settings(max_examples=80, deadline=None)
@given(text=st.sampled_from(RISKY), w=st.lists(POINTS, min_size=4, max_size=4), v=POINTS)
def test_nan_exactly_where_scalar_evaluation_refuses(text: str, w: list[float], v: float) -> None:
    expression = parse_expression(text)
    got = evaluate_array(expression, {"w": np.array(w), "v": np.full(len(w), v)})
    for x, value in zip(w, got.tolist(), strict=True):
        try:
            want = expression.evaluate({"w": x, "v": v})
        except ExpressionError:
            assert np.isnan(value), (text, x, v)
        else:
            assert value == pytest.approx(want, rel=1e-12, abs=1e-300), (text, x, v)


def test_an_infinity_hidden_by_clip_still_counts_as_undefined() -> None:
    expression = parse_expression("clip(1 / (w - 0.5), 0, 1)")
    got = evaluate_array(expression, {"w": np.array([0.5, 0.75])})
    assert np.isnan(got[0]) and got[1] == 1.0


def test_the_result_is_never_the_callers_array() -> None:
    column = np.array([0.1, 0.2])
    out = evaluate_array(parse_expression("w"), {"w": column})
    out[0] = 9.0
    assert column[0] == 0.1
