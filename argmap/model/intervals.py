"""Interval arithmetic over argmap's expression trees: where can an expression fail?

Given a range ``[low, high]`` for each parameter, :func:`interval_of` walks the checked
tree of an :class:`~argmap.model.expressions.Expression` (never its text) and returns
an interval that contains every value the expression takes over those ranges, or the
first reason it may have no value somewhere in them: a division by an interval that
contains 0, ``log`` of an interval reaching 0 or below, ``sqrt`` of one reaching below
0, a negative base under a fractional power, or a result too large for a float.

The enclosure is conservative (each occurrence of a parameter varies on its own, so
``w - w`` spans ``[low - high, high - low]``): an expression reported as possibly
undefined may in fact be fine, but one reported as defined is defined over the whole
box. Validation uses it for warnings; a definite error comes from evaluating at the
declared values.

>>> from argmap.model.expressions import parse_expression
>>> interval_of(parse_expression("2 * w + 1"), {"w": (0.0, 1.0)})
Interval(low=1.0, high=3.0)
>>> interval_of(parse_expression("sqrt(w - 0.3)"), {"w": (0.0, 1.0)})
Traceback (most recent call last):
...
argmap.model.intervals.MaybeUndefined: sqrt of a value that can be as low as -0.3
"""

from __future__ import annotations

import ast
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from argmap.errors import ExpressionError
from argmap.model.expressions import Expression

__all__ = ["Interval", "MaybeUndefined", "interval_of"]

_EXP_LIMIT = math.log(sys.float_info.max)


class MaybeUndefined(ExpressionError):
    """The expression may have no value somewhere in the parameters' ranges."""


@dataclass(frozen=True)
class Interval:
    """The closed interval ``[low, high]`` of real numbers (``low <= high``)."""

    low: float
    high: float

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies in the interval."""
        return self.low <= x <= self.high


def interval_of(expression: Expression, ranges: Mapping[str, tuple[float, float]]) -> Interval:
    """An interval holding every value of ``expression`` with each parameter in its range.

    Parameters
    ----------
    expression : Expression
        A checked expression.
    ranges : mapping
        Parameter name -> ``(low, high)``; a point is ``(v, v)``.

    Raises
    ------
    MaybeUndefined
        Some assignment in the ranges may leave the expression without a value; the
        message names the first operation at fault.
    ExpressionError
        A parameter has no range.
    """
    return _check_finite(_walk(expression.tree, ranges))


def _check_finite(x: Interval) -> Interval:
    if not (math.isfinite(x.low) and math.isfinite(x.high)):
        raise MaybeUndefined("the result can be too large for a number")
    return x


def _walk(node: ast.expr, ranges: Mapping[str, tuple[float, float]]) -> Interval:
    if isinstance(node, ast.Constant):
        value = float(node.value)  # type: ignore[arg-type]  # checked to be a number
        return Interval(value, value)
    if isinstance(node, ast.Name):
        if node.id not in ranges:
            raise ExpressionError(f"no range for parameter {node.id!r}")
        low, high = ranges[node.id]
        return Interval(float(low), float(high))
    if isinstance(node, ast.UnaryOp):
        inner = _walk(node.operand, ranges)
        return Interval(-inner.high, -inner.low) if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left = _check_finite(_walk(node.left, ranges))
        right = _check_finite(_walk(node.right, ranges))
        return _check_finite(_binary(node.op, left, right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        args = [_check_finite(_walk(a, ranges)) for a in node.args]
        return _check_finite(_call(node.func.id, args))
    raise ExpressionError(f"cannot bound {type(node).__name__}")  # pragma: no cover


def _hull(*values: float) -> Interval:
    # nan arises only from inf * 0, which _check_finite rules out before it can happen
    return Interval(min(values), max(values))


def _products(a: Interval, b: Interval) -> Interval:
    return _hull(a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high)


def _binary(op: ast.operator, a: Interval, b: Interval) -> Interval:
    if isinstance(op, ast.Add):
        return Interval(a.low + b.low, a.high + b.high)
    if isinstance(op, ast.Sub):
        return Interval(a.low - b.high, a.high - b.low)
    if isinstance(op, ast.Mult):
        return _products(a, b)
    if isinstance(op, ast.Div):
        if b.contains(0.0):
            raise MaybeUndefined(
                f"division by a value that can be 0 (from {b.low:g} to {b.high:g})"
            )
        return _products(a, Interval(1.0 / b.high, 1.0 / b.low))
    return _power(a, b)


def _power(base: Interval, exponent: Interval) -> Interval:
    """``base ** exponent``: the exponent is a number or a parameter's range."""
    whole = exponent.low == exponent.high and exponent.low.is_integer()
    if base.low < 0.0 and not whole:
        raise MaybeUndefined(
            f"a base that can be negative (as low as {base.low:g}) to a fractional power"
        )
    if base.contains(0.0) and exponent.low < 0.0:
        raise MaybeUndefined("0 to a negative power (the base can be 0)")
    try:
        if whole:
            n = int(exponent.low)
            ends = [base.low**n, base.high**n]
            if base.contains(0.0):
                ends.append(0.0)  # an even power dips to 0 inside the interval
            return _hull(*(float(e) for e in ends))
        # base >= 0 here; x ** y is monotone in each argument on each side of 1, so
        # its extremes lie at the corners of the box
        corners = [
            float(x**y) for x in (base.low, base.high) for y in (exponent.low, exponent.high)
        ]
        return _hull(*corners)
    except OverflowError:
        raise MaybeUndefined("a power can be too large for a number") from None
    except ZeroDivisionError:  # pragma: no cover - 0 ** negative is refused above
        raise MaybeUndefined("0 to a negative power (the base can be 0)") from None


def _logistic(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _call(name: str, args: list[Interval]) -> Interval:
    x = args[0]
    if name == "min":
        return Interval(min(a.low for a in args), min(a.high for a in args))
    if name == "max":
        return Interval(max(a.low for a in args), max(a.high for a in args))
    if name == "clip":
        lo, hi = args[1], args[2]
        return Interval(min(max(x.low, lo.low), hi.low), min(max(x.high, lo.high), hi.high))
    if name == "abs":
        if x.contains(0.0):
            return Interval(0.0, max(-x.low, x.high))
        return _hull(abs(x.low), abs(x.high))
    if name == "exp":
        if x.high > _EXP_LIMIT:
            raise MaybeUndefined(
                f"exp of a value that can reach {x.high:g}, too large for a number"
            )
        return Interval(math.exp(x.low), math.exp(x.high))
    if name == "log":
        if x.low <= 0.0:
            raise MaybeUndefined(f"log of a value that can be as low as {x.low:g}")
        return Interval(math.log(x.low), math.log(x.high))
    if name == "sqrt":
        if x.low < 0.0:
            raise MaybeUndefined(f"sqrt of a value that can be as low as {x.low:g}")
        return Interval(math.sqrt(x.low), math.sqrt(x.high))
    if name == "logistic":
        return Interval(_logistic(x.low), _logistic(x.high))
    raise ExpressionError(f"cannot bound {name}()")  # pragma: no cover
