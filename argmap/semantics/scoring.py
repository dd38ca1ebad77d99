"""The engine's codes for edge kinds, and the reading of a score or weight.

Kept apart from :mod:`argmap.semantics.compile` so that the steps of compilation (the
nodes and edges of :mod:`argmap.semantics.compile.case`, the implicit undercutters of
:mod:`argmap.semantics.compile.questions`) and the framework share them without an
import circle.

>>> ATTACK_KINDS.index("contrary") == len(ATTACK_KINDS) - 1
True
>>> score("w * 2", {"w": 0.7})
1.0
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.errors import CaseError, Problem
from argmap.model import parse_expression
from argmap.model.definedness import undefined_at
from argmap.vocabulary import ATTACK_KINDS as RELATION_ATTACKS

__all__ = ["ATTACK_KINDS", "SUPPORT_KINDS", "score"]

ATTACK_KINDS = (*RELATION_ATTACKS, "con", "contrary")
"""Codes of ``Framework.att_kind``: the relation kind, ``con`` for a con argument, or
``contrary`` for the attack of a declared contrary on the claim it excludes."""
SUPPORT_KINDS = ("support", "premise", "pro", "precedent")
"""Codes of ``Framework.sup_kind``: a support relation, premise -> argument, pro
argument -> conclusion, precedent -> argument from precedent."""


def score(expr: float | str, values: Mapping[str, float], path: str | None = None) -> float:
    """A score or weight (a number or an expression over the parameters) at ``values``,
    clipped to [0, 1]; an expression undefined there is a :class:`CaseError` naming
    ``path`` (the caller adds the file and line)."""
    if not isinstance(expr, str):
        return min(max(float(expr), 0.0), 1.0)
    expression = parse_expression(expr)
    reason = undefined_at(expression, values)
    if reason is not None:
        # name the field: the caller adds the file and line the case was read from
        raise CaseError(Problem(path or "", reason))
    return min(max(expression.evaluate(values), 0.0), 1.0)
