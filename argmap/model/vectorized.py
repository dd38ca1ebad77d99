"""Expressions over arrays of parameter values, with NaN wherever one has no value.

Monte Carlo and sweeps evaluate each score expression on whole columns of draws.
:func:`evaluate_array` walks the same checked tree as the scalar evaluator
(:meth:`argmap.model.expressions.Expression.evaluate`) with numpy, and applies the
same rule element by element: a division by 0, ``log`` of a number at or below 0,
``sqrt`` of a negative number, a negative base under a fractional power, 0 under a
negative power, or any intermediate result too large for a float leaves that element
without a value, marked NaN. So a draw is undefined exactly when the scalar evaluator
would refuse the same values, even where a later ``clip`` or ``min`` would have hidden
an infinity.

>>> import numpy as np
>>> from argmap.model.expressions import parse_expression
>>> expression = parse_expression("clip(1 / (w - 0.3), 0, 1)")
>>> evaluate_array(expression, {"w": np.array([0.3, 0.5, 2.0])}).tolist()
[nan, 1.0, 0.5882352941176471]
"""

from __future__ import annotations

import ast
import math
import sys
from collections.abc import Mapping
from functools import reduce
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from argmap.errors import ExpressionError

if TYPE_CHECKING:  # pragma: no cover - the expression is only read, never built here
    from argmap.model.expressions import Expression

__all__ = ["evaluate_array"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
_Value = tuple[FloatArray, BoolArray]

_EXP_LIMIT = math.log(sys.float_info.max)


def evaluate_array(expression: Expression, arrays: Mapping[str, npt.ArrayLike]) -> FloatArray:
    """``expression`` element by element over ``arrays`` (one array per parameter, all
    of one length or broadcastable); NaN where it has no value.

    Raises
    ------
    ExpressionError
        A parameter the expression uses has no array.
    """
    columns = {name: np.asarray(a, dtype=np.float64) for name, a in arrays.items()}
    with np.errstate(all="ignore"):  # every failure is in the mask instead
        values, bad = _walk(expression.tree, columns)
    # a fresh array: the caller may write into it, so a bare parameter is copied
    fresh = values.ndim and not any(values is column for column in columns.values())
    out = values if fresh else np.array(values, dtype=np.float64)
    finite = np.isfinite(out)
    if bad.any() or not finite.all():  # the common case, all defined, costs one pass
        out[np.broadcast_to(bad, out.shape) | ~finite] = np.nan
    return out


_NEVER: BoolArray = np.asarray(False)


def _finite_inputs(bad: BoolArray, *inputs: FloatArray) -> BoolArray:
    """``bad``, plus every element where an input is already infinite or NaN.

    + - * keep a non-finite input non-finite (inf - inf and inf * 0 are NaN), so they
    are checked once, at the end; division, powers and functions can turn one into a
    plain number (1 / inf, exp(-inf), clip(inf, 0, 1)), so their inputs are checked.
    """
    for values in inputs:
        if values.ndim or not np.isfinite(values):
            bad = bad | ~np.isfinite(values)
    return bad


def _walk(node: ast.expr, arrays: Mapping[str, FloatArray]) -> _Value:
    if isinstance(node, ast.Constant):
        return np.asarray(float(node.value), dtype=np.float64), _NEVER  # type: ignore[arg-type]
    if isinstance(node, ast.Name):
        try:
            column = arrays[node.id]
        except KeyError:
            raise ExpressionError(f"no values for parameter {node.id!r}") from None
        return column, _NEVER
    if isinstance(node, ast.UnaryOp):
        values, bad = _walk(node.operand, arrays)
        return (-values if isinstance(node.op, ast.USub) else values), bad
    if isinstance(node, ast.BinOp):
        left, left_bad = _walk(node.left, arrays)
        right, right_bad = _walk(node.right, arrays)
        return _binary(node.op, left, right, left_bad | right_bad)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        args = [_walk(a, arrays) for a in node.args]
        bad = reduce(np.logical_or, (b for _, b in args))
        return _call(node.func.id, [v for v, _ in args], bad)
    raise ExpressionError(
        f"not allowed in an expression: {type(node).__name__}"
    )  # pragma: no cover


def _binary(op: ast.operator, left: FloatArray, right: FloatArray, bad: BoolArray) -> _Value:
    if isinstance(op, ast.Add):
        return left + right, bad
    if isinstance(op, ast.Sub):
        return left - right, bad
    if isinstance(op, ast.Mult):
        return left * right, bad
    bad = _finite_inputs(bad, left, right)
    if isinstance(op, ast.Div):
        zero = right == 0.0
        return left / np.where(zero, 1.0, right), bad | zero
    refused = ((left < 0.0) & (right != np.floor(right))) | ((left == 0.0) & (right < 0.0))
    return np.power(np.where(refused, 1.0, left), right), bad | refused


def _call(name: str, args: list[FloatArray], bad: BoolArray) -> _Value:
    x = args[0]
    bad = _finite_inputs(bad, *args)
    if name == "min":
        return reduce(np.minimum, args), bad
    if name == "max":
        return reduce(np.maximum, args), bad
    if name == "clip":
        return np.minimum(np.maximum(x, args[1]), args[2]), bad
    if name == "abs":
        return np.abs(x), bad
    if name == "exp":
        over = x > _EXP_LIMIT
        return np.exp(np.where(over, 0.0, x)), bad | over
    if name == "log":
        low = x <= 0.0
        return np.log(np.where(low, 1.0, x)), bad | low
    if name == "sqrt":
        low = x < 0.0
        return np.sqrt(np.where(low, 0.0, x)), bad | low
    if name == "logistic":
        # the scalar evaluator's formula on each side of 0: never overflows
        e = np.exp(-np.abs(x))
        return np.where(x >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e)), bad
    raise ExpressionError(f"unknown function {name}()")  # pragma: no cover
