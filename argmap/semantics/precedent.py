"""Precedent: Horty's reason model of constraint, factor comparison and weights.

The reason model, the factor comparison, theories, a fortiori consistency, standing by
date and argument weights are written in :mod:`argmap.semantics.compile.precedents`
(its docstring sets them out): they read the case's factors and precedents, so they
live with the one package that reads the pydantic case, and compilation carries what
the engine needs of them into the :class:`~argmap.semantics.compile.Framework` (the
weight of an argument from precedent, the applicable arguments, each precedent
argument's weight in words, the a fortiori conflicts). This module is their public
name, for validation, scenarios and users.

>>> from argmap.model import Side
>>> P, D = Side.PLAINTIFF, Side.DEFENDANT
>>> c1 = ReasonCase(frozenset({"p1", "d1"}), frozenset({"p1"}), P)
>>> forced_outcomes([c1], {"p1", "d1"}, {"p1": P, "d1": D}) == {P}
True
"""

from __future__ import annotations

from argmap.semantics.compile.precedents import (
    Conflict,
    FactorComparison,
    ReasonCase,
    Standing,
    a_fortiori_conflicts,
    argument_weight,
    compare_factors,
    conflict_warnings,
    describe_weight,
    forced_outcomes,
    in_scope,
    is_applicable,
    other_side,
    standing,
    theory_warnings,
)

__all__ = [
    "Conflict",
    "FactorComparison",
    "ReasonCase",
    "Standing",
    "a_fortiori_conflicts",
    "argument_weight",
    "compare_factors",
    "conflict_warnings",
    "describe_weight",
    "forced_outcomes",
    "in_scope",
    "is_applicable",
    "other_side",
    "standing",
    "theory_warnings",
]
