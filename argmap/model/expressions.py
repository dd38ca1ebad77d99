"""Weights and scores as expressions: argmap's own restricted arithmetic.

A weight in a case file may be a number or a short formula over the case's declared
parameters, such as ``0.6 * w_licence + 0.1`` or ``clip(w_hiq * authority_9th, 0, 1)``.
The text is parsed with Python's :mod:`ast` in ``eval`` mode and then checked against a
whitelist: numbers, parameter names, ``+ - * / **``, unary minus, parentheses and the
functions in :data:`FUNCTIONS`. Nothing else is accepted (attributes, subscripts, other
calls, keywords, lambdas, strings, comparisons, dunder names), and the text is never
handed to ``eval``, ``sympify`` or ``parse_expr``: the checked tree is converted into
sympy node by node, so file text cannot reach an interpreter.

Size is bounded (characters, nodes, nesting) and so are exponents, so hostile input such
as ``9**9**9`` or ten thousand nested parentheses is refused quickly.

>>> expr = parse_expression("0.6 * w_licence + 0.1")
>>> sorted(expr.names)
['w_licence']
>>> expr.evaluate({"w_licence": 0.5})
0.4
"""

from __future__ import annotations

import ast
import math
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from argmap.errors import ExpressionError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import sympy

__all__ = [
    "CACHE_SIZE",
    "FUNCTIONS",
    "MAX_EXPONENT",
    "MAX_LENGTH",
    "MAX_NESTING",
    "MAX_NODES",
    "Expression",
    "parse_expression",
]

MAX_LENGTH = 500
"""Most characters an expression may have."""
MAX_NODES = 200
"""Most syntax-tree nodes an expression may have."""
MAX_NESTING = 32
"""Deepest nesting of parentheses and calls."""
MAX_EXPONENT = 16
"""Largest absolute value of a numeric exponent; symbolic exponents are parameters only."""
CACHE_SIZE = 4096
"""Most parsed expressions (and, separately, vectorized functions) kept in memory."""

FUNCTIONS: dict[str, int | tuple[int, int]] = {
    "min": (2, 8),
    "max": (2, 8),
    "clip": 3,
    "abs": 1,
    "exp": 1,
    "log": 1,
    "sqrt": 1,
    "logistic": 1,
}
"""The named functions and how many arguments each takes (a count or a range)."""

_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
_UNARY = {ast.USub: "-", ast.UAdd: "+"}


@dataclass(frozen=True)
class Expression:
    """A checked expression: its source text, its tree and the parameter names it uses.

    Equality and hashing go by the text, so a case holding expressions compares and
    round-trips by what the user wrote.
    """

    text: str
    tree: ast.expr = field(compare=False, repr=False)
    names: frozenset[str] = field(compare=False)

    def evaluate(self, values: Mapping[str, float]) -> float:
        """The value for one assignment of parameters (plain floats, no sympy)."""
        return float(_evaluate_float(self.tree, values))

    @cached_property
    def sympy(self) -> sympy.Expr:
        """The expression as sympy, built node by node from the checked tree."""
        return _to_sympy(self.tree)

    def vectorized(self, order: tuple[str, ...]) -> Callable[..., np.ndarray]:
        """A numpy function of the parameters in ``order``: element by element, with
        NaN wherever :meth:`evaluate` would refuse the same values
        (:func:`argmap.model.vectorized.evaluate_array`). Made once per expression
        and order (a bounded cache, :data:`CACHE_SIZE`)."""
        return _vectorized(self, order)

    def __str__(self) -> str:
        return self.text


def parse_expression(text: str, known: Mapping[str, object] | None = None) -> Expression:
    """Parse and check ``text``; with ``known``, every name must be one of its keys.

    A text is parsed once: the checked :class:`Expression` is kept in a bounded cache
    keyed on the text without surrounding blanks (:data:`CACHE_SIZE` entries), so a
    case compiled for every scenario and every Monte Carlo chunk does not parse its
    weights again. Expressions are immutable, so sharing them is safe.

    Raises
    ------
    ExpressionError
        The text is not restricted arithmetic, is too large, or names an unknown
        parameter. The message says which part is wrong.

    >>> parse_expression(" w + 1") is parse_expression("w + 1")
    True
    >>> parse_expression("().__class__")
    Traceback (most recent call last):
    ...
    argmap.errors.ExpressionError: not allowed in an expression: attribute access
    """
    if not isinstance(text, str):
        raise ExpressionError("an expression must be text")
    expression = _parse_text(text.strip())
    if known is not None:
        unknown = sorted(expression.names - set(known))
        if unknown:
            raise ExpressionError(
                "unknown parameter"
                + ("s " if len(unknown) > 1 else " ")
                + ", ".join(repr(n) for n in unknown)
            )
    return expression


@lru_cache(maxsize=CACHE_SIZE)
def _parse_text(stripped: str) -> Expression:
    """Parse and check one expression text (already stripped); errors are not cached."""
    if not stripped:
        raise ExpressionError("empty expression")
    if len(stripped) > MAX_LENGTH:
        raise ExpressionError(f"expression longer than {MAX_LENGTH} characters")
    _check_nesting(stripped)
    try:
        tree = ast.parse(stripped, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"not a valid expression: {exc.msg}") from None
    except (ValueError, MemoryError, RecursionError):
        raise ExpressionError("not a valid expression") from None
    nodes = sum(1 for _ in ast.walk(tree))
    if nodes > MAX_NODES:
        raise ExpressionError(f"expression has more than {MAX_NODES} parts")
    names: set[str] = set()
    _check(tree.body, names)
    return Expression(stripped, tree.body, frozenset(names))


@lru_cache(maxsize=CACHE_SIZE)
def _vectorized(expression: Expression, order: tuple[str, ...]) -> Callable[..., np.ndarray]:
    """The numpy function of :meth:`Expression.vectorized`, made once per key."""
    # lazy: vectorized brings numpy, which validating a case does not need
    from argmap.model.vectorized import evaluate_array

    def func(*arrays: Any) -> np.ndarray:
        return evaluate_array(expression, dict(zip(order, arrays, strict=True)))

    return func


def _check_nesting(text: str) -> None:
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
            if depth > MAX_NESTING:
                raise ExpressionError(f"expression nested deeper than {MAX_NESTING} levels")
        elif char == ")":
            depth -= 1


def _check(node: ast.AST, names: set[str]) -> None:
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ExpressionError(f"only numbers may appear as constants, not {value!r}")
        # compare ints as ints: a 400-digit literal does not fit in a float
        if isinstance(value, int) and abs(value) > 10**12:
            raise ExpressionError(f"number out of range: {_short(value)}")
        if not math.isfinite(value) or abs(value) > 1e12:
            raise ExpressionError(f"number out of range: {value!r}")
        return
    if isinstance(node, ast.Name):
        if node.id.startswith("_"):
            raise ExpressionError(f"names may not start with an underscore: {node.id!r}")
        if node.id in FUNCTIONS:
            raise ExpressionError(f"{node.id!r} is a function and must be called")
        names.add(node.id)
        return
    if isinstance(node, ast.UnaryOp):
        if type(node.op) not in _UNARY:
            raise ExpressionError("only unary + and - are allowed")
        _check(node.operand, names)
        return
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise ExpressionError("only + - * / ** are allowed")
        _check(node.left, names)
        _check(node.right, names)
        if isinstance(node.op, ast.Pow):
            _check_exponent(node.right)
        return
    if isinstance(node, ast.Call):
        _check_call(node, names)
        return
    raise ExpressionError(f"not allowed in an expression: {_describe(node)}")


def _short(value: int) -> str:
    """An integer for a message: in full when short, else by its digit count."""
    digits = str(abs(value))  # at most MAX_LENGTH digits, far below Python's limit
    return repr(value) if len(digits) <= 20 else f"an integer of {len(digits)} digits"


def _check_exponent(node: ast.expr) -> None:
    value = _numeric_literal(node)
    if value is not None:
        if abs(value) > MAX_EXPONENT:
            raise ExpressionError(f"exponent larger than {MAX_EXPONENT}: {value!r}")
        return
    if isinstance(node, ast.Name):
        return
    raise ExpressionError("an exponent must be a number or a single parameter")


def _numeric_literal(node: ast.expr) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        if isinstance(node.value, bool):
            return None
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        inner = _numeric_literal(node.operand)
        if inner is None:
            return None
        return -inner if isinstance(node.op, ast.USub) else inner
    return None


def _check_call(node: ast.Call, names: set[str]) -> None:
    allowed = ", ".join(FUNCTIONS)
    if not isinstance(node.func, ast.Name):
        raise ExpressionError(f"only {allowed} may be called, not {_describe(node.func)}")
    name = node.func.id
    if name not in FUNCTIONS:
        raise ExpressionError(f"only {allowed} may be called, not {name!r}")
    if node.keywords:
        raise ExpressionError(f"{name}() takes no keyword arguments")
    if any(isinstance(a, ast.Starred) for a in node.args):
        raise ExpressionError(f"{name}() takes no starred arguments")
    arity = FUNCTIONS[name]
    low, high = (arity, arity) if isinstance(arity, int) else arity
    if not low <= len(node.args) <= high:
        want = str(low) if low == high else f"{low} to {high}"
        raise ExpressionError(f"{name}() takes {want} arguments, got {len(node.args)}")
    for arg in node.args:
        _check(arg, names)


def _describe(node: ast.AST) -> str:
    kinds = {
        ast.Attribute: "attribute access",
        ast.Subscript: "subscripts",
        ast.Lambda: "lambda",
        ast.Compare: "comparisons",
        ast.BoolOp: "and/or",
        ast.IfExp: "if/else",
        ast.JoinedStr: "f-strings",
        ast.List: "lists",
        ast.Tuple: "tuples",
        ast.Dict: "dicts",
        ast.Set: "sets",
        ast.ListComp: "comprehensions",
        ast.GeneratorExp: "generators",
        ast.NamedExpr: "assignment",
        ast.Await: "await",
    }
    return kinds.get(type(node), type(node).__name__)


def _logistic(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


_FLOAT_FUNCTIONS: dict[str, Callable[..., float]] = {
    "min": min,
    "max": max,
    "clip": lambda x, lo, hi: min(max(x, lo), hi),
    "abs": abs,
    "exp": math.exp,
    "log": math.log,
    "sqrt": math.sqrt,
    "logistic": _logistic,
}


def _evaluate_float(node: ast.expr, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)  # type: ignore[arg-type]  # _check admitted numbers only
    if isinstance(node, ast.Name):
        try:
            return float(values[node.id])
        except KeyError:
            raise ExpressionError(f"no value for parameter {node.id!r}") from None
    if isinstance(node, ast.UnaryOp):
        inner = _evaluate_float(node.operand, values)
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left = _evaluate_float(node.left, values)
        right = _evaluate_float(node.right, values)
        return _finite(_binary(node.op, left, right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        args = [_evaluate_float(a, values) for a in node.args]
        return _finite(_call(node.func.id, args))
    raise ExpressionError(f"not allowed in an expression: {_describe(node)}")  # pragma: no cover


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ExpressionError("cannot evaluate: the result is too large for a number")
    return value


def _binary(op: ast.operator, left: float, right: float) -> float:
    """``left op right``, refusing what has no real value with the reason why."""
    if isinstance(op, ast.Add):
        return left + right
    if isinstance(op, ast.Sub):
        return left - right
    if isinstance(op, ast.Mult):
        return left * right
    if isinstance(op, ast.Div):
        if right == 0.0:
            raise ExpressionError(f"cannot evaluate: division by zero ({left:g} / 0)")
        return left / right
    if left < 0.0 and not right.is_integer():
        raise ExpressionError(
            f"cannot evaluate: a negative number to a fractional power (({left:g}) ** {right:g})"
        )
    if left == 0.0 and right < 0.0:
        raise ExpressionError(f"cannot evaluate: 0 to a negative power (0 ** {right:g})")
    try:
        return float(left**right)
    except OverflowError:
        raise ExpressionError(
            f"cannot evaluate: {left:g} ** {right:g} is too large for a number"
        ) from None


_EXP_LIMIT = math.log(sys.float_info.max)
"""The largest x whose exp(x) is a finite float (about 709.78)."""


def _call(name: str, args: list[float]) -> float:
    """The function ``name`` at ``args``, refusing arguments outside its domain."""
    x = args[0]
    if name == "log" and x <= 0.0:
        raise ExpressionError(f"cannot evaluate log({x:g}): log needs a number above 0")
    if name == "sqrt" and x < 0.0:
        raise ExpressionError(f"cannot evaluate sqrt({x:g}): sqrt needs a number of at least 0")
    if name == "exp" and x > _EXP_LIMIT:
        raise ExpressionError(f"cannot evaluate exp({x:g}): too large for a number")
    return float(_FLOAT_FUNCTIONS[name](*args))


def _to_sympy(node: ast.expr) -> Any:
    import sympy

    if isinstance(node, ast.Constant):
        value = node.value
        return sympy.Integer(value) if isinstance(value, int) else sympy.Float(repr(value))
    if isinstance(node, ast.Name):
        return sympy.Symbol(node.id, real=True)
    if isinstance(node, ast.UnaryOp):
        inner = _to_sympy(node.operand)
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left, right = _to_sympy(node.left), _to_sympy(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if isinstance(node.op, ast.Div):
            return left / right
        return left**right
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        args = [_to_sympy(a) for a in node.args]
        name = node.func.id
        if name == "min":
            return sympy.Min(*args)
        if name == "max":
            return sympy.Max(*args)
        if name == "clip":
            return sympy.Min(sympy.Max(args[0], args[1]), args[2])
        if name == "abs":
            return sympy.Abs(args[0])
        if name == "exp":
            return sympy.exp(args[0])
        if name == "log":
            return sympy.log(args[0])
        if name == "sqrt":
            return sympy.sqrt(args[0])
        return 1 / (1 + sympy.exp(-args[0]))
    raise ExpressionError(f"not allowed in an expression: {_describe(node)}")  # pragma: no cover
