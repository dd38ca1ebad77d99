"""Is every weight and score expression of a case defined where it will be evaluated?

Two checks, one rule: an expression argmap would evaluate and cannot is an error;
one that only *may* fail, for some draws, is a warning.

- :func:`undefined_at_values` evaluates each expression at the parameters' declared
  values. A failure there (``w / (w - w)``, ``log(0)``) would stop every evaluation of
  the case, so it is an error of the document.
- :func:`may_be_undefined` bounds each expression by interval arithmetic
  (:mod:`argmap.model.intervals`) with every parameter over the support of its
  distribution (its value when it has none). A possible failure there affects only
  some Monte Carlo draws, which are counted as undefined, so it is a warning.

>>> from argmap.model import Case, Claim, Parameter, Uniform
>>> case = Case(title="t", claims=[Claim(id="C", text="c", base_score="sqrt(w - 0.3)")],
...             parameters=[Parameter(id="w", value=0.5, distribution=Uniform(low=0, high=1))])
>>> [str(p) for p in may_be_undefined(case)]  # doctest: +NORMALIZE_WHITESPACE
['claims[0].base_score: warning: may be undefined for some draws: sqrt of a value that
  can be as low as -0.3 (with w from 0 to 1)']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from argmap.errors import ExpressionError, Problem
from argmap.model.expressions import Expression, parse_expression
from argmap.model.intervals import MaybeUndefined, interval_of
from argmap.model.parameters import support

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model.case import Case

__all__ = ["expressions_of", "may_be_undefined", "undefined_at", "undefined_at_values"]


def expressions_of(case: Case) -> Iterator[tuple[str, float | str | None]]:
    """Every score and weight of ``case`` with its path (``claims[0].base_score``)."""
    for i, c in enumerate(case.claims):
        yield f"claims[{i}].base_score", c.base_score
    for i, e in enumerate(case.evidence):
        yield f"evidence[{i}].reliability", e.reliability
    for i, a in enumerate(case.arguments):
        yield f"arguments[{i}].weight", a.weight
    for i, p in enumerate(case.precedents):
        yield f"precedents[{i}].authority", p.authority
    for i, r in enumerate(case.relations):
        yield f"relations[{i}].weight", r.weight
    for i, a in enumerate(case.arguments):
        for question, state in a.questions.items():
            yield f"arguments[{i}].questions.{question}.weight", state.weight
    yield "critical_questions.weight", case.critical_questions.weight


def _parsed(case: Case) -> Iterator[tuple[str, Expression]]:
    known = {p.id for p in case.parameters}
    for path, value in expressions_of(case):
        if isinstance(value, str):
            try:
                expression = parse_expression(value)
            except ExpressionError:
                continue  # reported by the syntax check
            if expression.names <= known:
                yield path, expression


def undefined_at(expression: Expression, values: Mapping[str, float]) -> str | None:
    """Why ``expression`` has no value at ``values``, or None when it has one.

    >>> undefined_at(parse_expression("log(w - w)"), {"w": 0.5})
    'undefined at w=0.5: cannot evaluate log(0): log needs a number above 0'
    """
    try:
        expression.evaluate(values)
    except ExpressionError as exc:
        at = ", ".join(f"{name}={values[name]:g}" for name in sorted(expression.names))
        return f"undefined at {at}: {exc}" if at else str(exc)
    return None


def undefined_at_values(case: Case) -> list[Problem]:
    """An error for each expression without a value at the declared parameter values."""
    values = case.parameter_values
    found = []
    for path, expression in _parsed(case):
        reason = undefined_at(expression, values)
        if reason is not None:
            found.append(Problem(path, reason))
    return found


def may_be_undefined(case: Case) -> list[Problem]:
    """A warning for each expression that may have no value for some draws.

    Expressions already undefined at the declared values are left to
    :func:`undefined_at_values`.
    """
    ranges: dict[str, tuple[float, float]] = {}
    for p in case.parameters:
        ranges[p.id] = (p.value, p.value) if p.distribution is None else support(p.distribution)
    values = case.parameter_values
    found = []
    for path, expression in _parsed(case):
        if undefined_at(expression, values) is not None:
            continue
        try:
            interval_of(expression, ranges)
        except MaybeUndefined as exc:
            varied = [n for n in sorted(expression.names) if ranges[n][0] != ranges[n][1]]
            spans = ", ".join(f"{n} from {ranges[n][0]:g} to {ranges[n][1]:g}" for n in varied)
            message = f"warning: may be undefined for some draws: {exc}"
            found.append(Problem(path, message + (f" (with {spans})" if spans else "")))
    return found
