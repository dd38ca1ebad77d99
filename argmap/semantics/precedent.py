"""Precedent: Horty's reason model of constraint, factor comparison and weights.

**Forcing** (Horty 2011; Horty and Bench-Capon 2012; Prakken 2021). A decided
precedent is a triple (F, R, s): its factors F, the reason R (a subset of F's factors
for the winner s) and its outcome s. For a new fact situation X it *forces* s when

- R is a subset of X (the court's reason is present), and
- X's factors for the other side are a subset of F's factors for the other side
  (the new case is at least as strong for s as the precedent was: a fortiori).

**Similarity.** For a precedent cited for side s against the case at hand X, argmap
uses ``similarity = coverage / (1 + distinctions)`` where

- ``coverage = |R ∩ X| / |R|`` is the share of the court's reason present in X (with
  no recorded reason, the precedent's factors for s stand in for it; with none of
  those either, coverage is 1: nothing to compare, so no discount);
- ``distinctions = |X^other \\ F^other|`` counts the factors for the other side in X
  that the precedent did not face, the distinctions that block an a fortiori step.

So similarity is 1 exactly when the reason model says the precedent forces s for X,
and falls with every missing reason factor and every distinguishing factor, which is
how a lawyer's "on all fours" / "distinguishable" reads on a scale of 0 to 1.

**Argument weight** = authority x similarity: how much the citing court must heed the
precedent (binding, persuasive, foreign) times how closely it fits.

**Applicability.** An argument from precedent with ``applies_if: s`` applies only if
the precedent's recorded outcome is s (decided, or settled after a ruling), or, when
no outcome is recorded, the caller assumes s (a what-if on a pending case); an
argument with no ``applies_if`` always applies.

References
----------
J. Horty. Rules and reasons in the theory of precedent. Legal Theory 17, 2011.

J. Horty, T. Bench-Capon. A factor-based definition of precedential constraint.
Artificial Intelligence and Law 20, 2012.

H. Prakken. A formal analysis of some factor- and precedent-based accounts of
precedential constraint. Artificial Intelligence and Law 29, 2021.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from argmap.model import Side, parse_expression

__all__ = [
    "FactorComparison",
    "ReasonCase",
    "argument_weight",
    "compare_factors",
    "forced_outcomes",
    "is_applicable",
    "other_side",
]


def other_side(side: Side) -> Side:
    """The opponent of ``side``."""
    return Side.DEFENDANT if side is Side.PLAINTIFF else Side.PLAINTIFF


# What the functions below read of a case, a precedent and an argument, written as
# protocols: the pydantic models (argmap.model) have these fields, and the semantics
# never import the pydantic case (only argmap.semantics.compile reads it).


class _Factor(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def favours(self) -> Side: ...
    @property
    def present(self) -> bool: ...


class _FactorBase(Protocol):
    @property
    def factors(self) -> Sequence[_Factor]: ...


class _Precedent(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def factors(self) -> Sequence[str]: ...
    @property
    def reason(self) -> Sequence[str]: ...
    @property
    def outcome(self) -> Side | None: ...
    @property
    def authority(self) -> float | str: ...


class _Argument(Protocol):
    @property
    def applies_if(self) -> Side | None: ...
    @property
    def precedent(self) -> str | None: ...
    @property
    def weight(self) -> float | str | None: ...


class _Case(_FactorBase, Protocol):
    @property
    def parameter_values(self) -> dict[str, float]: ...
    @property
    def precedents(self) -> Sequence[_Precedent]: ...


class _Decided(Protocol):
    @property
    def factors(self) -> list[str] | frozenset[str] | tuple[str, ...]: ...
    @property
    def reason(self) -> list[str] | frozenset[str] | tuple[str, ...]: ...
    @property
    def outcome(self) -> Side | None: ...


@dataclass(frozen=True)
class ReasonCase:
    """A precedent as the reason model sees it: (factors, reason, outcome)."""

    factors: frozenset[str]
    reason: frozenset[str]
    outcome: Side


def forced_outcomes(
    case_base: Iterable[_Decided],
    new_facts: Collection[str],
    favours: Mapping[str, Side],
) -> set[Side]:
    """The outcomes the case base forces for ``new_facts`` (Horty's reason model).

    Parameters
    ----------
    case_base : iterable
        Precedents with ``factors``, ``reason`` and ``outcome`` (e.g.
        :class:`~argmap.model.Precedent` or :class:`ReasonCase`); those without an
        outcome (pending, settled) force nothing.
    new_facts : collection of str
        The factors of the new fact situation.
    favours : mapping
        The side each factor favours.

    Examples
    --------
    >>> P, D = Side.PLAINTIFF, Side.DEFENDANT
    >>> fav = {"p1": P, "d1": D, "d2": D}
    >>> c1 = ReasonCase(frozenset({"p1", "d1"}), frozenset({"p1"}), P)
    >>> forced_outcomes([c1], {"p1", "d1"}, fav) == {P}
    True
    >>> forced_outcomes([c1], {"p1", "d1", "d2"}, fav)
    set()
    """
    x = set(new_facts)
    out: set[Side] = set()
    for precedent in case_base:
        side = precedent.outcome
        if side is None:
            continue
        other = other_side(side)
        f_other = {f for f in precedent.factors if favours[f] is other}
        x_other = {f for f in x if favours[f] is other}
        if set(precedent.reason) <= x and x_other <= f_other:
            out.add(side)
    return out


@dataclass(frozen=True)
class FactorComparison:
    """How the case at hand compares with one precedent, for one side.

    Attributes
    ----------
    side : Side or None
        The side the precedent is cited for (its outcome unless given).
    shared_plaintiff, shared_defendant : frozenset
        Factors present in both, by the side they favour.
    distinguishing_current : frozenset
        Factors for the other side present now but absent from the precedent (they
        make the case at hand weaker for ``side``; they block forcing).
    distinguishing_precedent : frozenset
        Factors for ``side`` the precedent had that are absent now (the precedent was
        stronger for ``side``; under the reason model they matter only if in R).
    missing_reason : frozenset
        Factors of the precedent's reason that are absent now.
    similarity : float
        ``coverage / (1 + len(distinguishing_current))`` (module docstring).
    forces : bool
        Whether the precedent forces ``side`` for the case at hand.
    """

    side: Side | None
    shared_plaintiff: frozenset[str]
    shared_defendant: frozenset[str]
    distinguishing_current: frozenset[str]
    distinguishing_precedent: frozenset[str]
    missing_reason: frozenset[str]
    similarity: float
    forces: bool


def compare_factors(
    case: _FactorBase, precedent: _Precedent, side: Side | None = None
) -> FactorComparison:
    """Compare the present factors of ``case`` with ``precedent`` (module docstring).

    ``side`` defaults to the precedent's outcome; for a precedent with neither, the
    comparison is made for the plaintiff (shared factors do not depend on it).
    """
    favours = {f.id: f.favours for f in case.factors}
    present = frozenset(f.id for f in case.factors if f.present)
    theirs = frozenset(precedent.factors)
    cited_for = side if side is not None else precedent.outcome
    s = cited_for if cited_for is not None else Side.PLAINTIFF
    o = other_side(s)
    shared = present & theirs
    reason = frozenset(precedent.reason) or frozenset(f for f in theirs if favours[f] is s)
    missing = reason - present
    coverage = 1.0 if not reason else (len(reason) - len(missing)) / len(reason)
    new_other = frozenset(f for f in present - theirs if favours[f] is o)
    lost_own = frozenset(f for f in theirs - present if favours[f] is s)
    similarity = coverage / (1.0 + len(new_other))
    forces = (
        cited_for is not None
        and precedent.outcome is cited_for
        and not (frozenset(precedent.reason) - present)
        and not new_other
    )
    return FactorComparison(
        side=cited_for,
        shared_plaintiff=frozenset(f for f in shared if favours[f] is Side.PLAINTIFF),
        shared_defendant=frozenset(f for f in shared if favours[f] is Side.DEFENDANT),
        distinguishing_current=new_other,
        distinguishing_precedent=lost_own,
        missing_reason=missing,
        similarity=similarity,
        forces=forces,
    )


def is_applicable(argument: _Argument, precedent: _Precedent, assumed: Side | None = None) -> bool:
    """Whether an argument from ``precedent`` applies (module docstring).

    A precedent with a recorded outcome (decided, or settled after a ruling) applies
    when that outcome is the argument's ``applies_if``; ``assumed`` is an outcome
    assumed for a precedent without one (a what-if on a pending case) and is ignored
    when the outcome is a matter of record.
    """
    if argument.applies_if is None:
        return True
    if precedent.outcome is not None:
        return precedent.outcome is argument.applies_if
    return assumed is argument.applies_if


def argument_weight(
    case: _Case, argument: _Argument, values: Mapping[str, float] | None = None
) -> float:
    """The weight of an argument from precedent: authority x similarity.

    An explicit ``argument.weight`` wins. Authority expressions are evaluated with the
    case's parameter values (overridden by ``values``). Similarity is computed for the
    side the argument needs (``applies_if``, else the precedent's outcome).
    """
    params = {**case.parameter_values, **(values or {})}
    if argument.weight is not None:
        return _value(argument.weight, params)
    if argument.precedent is None:
        return 1.0
    found = [p for p in case.precedents if p.id == argument.precedent]
    if not found:  # pragma: no cover - validated by Case
        raise TypeError(f"{argument.precedent!r} is not a precedent")
    precedent = found[0]
    similarity = compare_factors(case, precedent, side=argument.applies_if).similarity
    return _value(precedent.authority, params) * similarity


def _value(expr: float | str, params: Mapping[str, float]) -> float:
    value = parse_expression(expr).evaluate(params) if isinstance(expr, str) else float(expr)
    return min(max(value, 0.0), 1.0)
