"""Expressions are parsed once per text and vectorized once per expression and order,
in bounded caches."""

from __future__ import annotations

import numpy as np
import pytest

from argmap.errors import ExpressionError
from argmap.model.expressions import CACHE_SIZE, _parse_text, _vectorized, parse_expression


def test_a_text_is_parsed_once() -> None:
    before = _parse_text.cache_info()
    first = parse_expression("0.25 * w_cache_probe + 0.5")
    again = parse_expression("  0.25 * w_cache_probe + 0.5 ")  # the same text, blanks aside
    assert again is first
    after = _parse_text.cache_info()
    assert after.misses - before.misses <= 1 and after.hits - before.hits >= 1


def test_the_caches_are_bounded() -> None:
    assert _parse_text.cache_info().maxsize == CACHE_SIZE
    assert _vectorized.cache_info().maxsize == CACHE_SIZE


def test_known_names_are_checked_on_a_cached_expression() -> None:
    parse_expression("w_known_probe * 2", {"w_known_probe": 1.0})
    with pytest.raises(ExpressionError, match="unknown parameter 'w_known_probe'"):
        parse_expression("w_known_probe * 2", {"other": 1.0})


def test_a_bad_text_is_refused_every_time() -> None:
    for _ in range(2):
        with pytest.raises(ExpressionError):
            parse_expression("().__class__")


def test_the_vectorized_function_is_made_once() -> None:
    expr = parse_expression("sqrt(w_vector_probe)")
    func = expr.vectorized(("w_vector_probe",))
    assert expr.vectorized(("w_vector_probe",)) is func
    out = func(np.array([4.0, -1.0]))
    assert out[0] == 2.0 and np.isnan(out[1])
