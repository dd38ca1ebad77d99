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

**Theories.** A factor may name the legal theory it bears on (``theory``: an issue id
or a name such as ``CFAA access``), and a precedent names the theory it decided.
Coverage, distinctions and forcing are counted *within that theory*: a factor of
another theory is neither shared nor a distinction (a copyright factor does not
distinguish a computer-access ruling). A factor without a theory, or a precedent
without one, is in every theory's scope, so a case that names no theories reads as
before.

**Consistency** (Horty and Bench-Capon 2012). A case base is inconsistent when one
precedent, decided for s, forces the other side a fortiori on another precedent's
facts in the same theory: that second decision is one the first forbids.
:func:`a_fortiori_conflicts` lists every such pair, and every theory in which the
case base forces both outcomes for the case at hand; a scenario that adds or decides a
precedent is checked the same way.

**Status by date.** A precedent's subsequent history is a list of dated events
(affirmed, reversed, vacated, remanded, pending appeal, settled). :func:`standing`
reads it as of a date: from a reversal or vacatur on, the decision has no authority.

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

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from argmap.errors import Problem
from argmap.model import Argument, Case, Precedent, Side, parse_expression
from argmap.model.as_of import Standing, standing

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


def other_side(side: Side) -> Side:
    """The opponent of ``side``."""
    return Side.DEFENDANT if side is Side.PLAINTIFF else Side.PLAINTIFF


def in_scope(factor_theory: str | None, decided_theory: str | None) -> bool:
    """Whether a factor of ``factor_theory`` counts for a precedent that decided
    ``decided_theory`` (module docstring: ``None`` on either side is every theory).

    >>> in_scope("CFAA access", "copyright: fair use"), in_scope(None, "CFAA access")
    (False, True)
    """
    return factor_theory is None or decided_theory is None or factor_theory == decided_theory


class _Decided(Protocol):
    @property
    def factors(self) -> list[str] | frozenset[str] | tuple[str, ...]: ...
    @property
    def reason(self) -> list[str] | frozenset[str] | tuple[str, ...]: ...
    @property
    def outcome(self) -> Side | None: ...
    @property
    def theory(self) -> str | None: ...


@dataclass(frozen=True)
class ReasonCase:
    """A precedent as the reason model sees it: (factors, reason, outcome), and the
    theory it decided (``None``: every theory)."""

    factors: frozenset[str]
    reason: frozenset[str]
    outcome: Side
    theory: str | None = None


def forced_outcomes(
    case_base: Iterable[_Decided],
    new_facts: Collection[str],
    favours: Mapping[str, Side],
    theories: Mapping[str, str | None] | None = None,
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
    theories : mapping, optional
        The theory each factor bears on; a precedent then compares only the factors in
        its theory's scope (:func:`in_scope`). Without it every factor counts.

    Examples
    --------
    >>> P, D = Side.PLAINTIFF, Side.DEFENDANT
    >>> fav = {"p1": P, "d1": D, "d2": D}
    >>> c1 = ReasonCase(frozenset({"p1", "d1"}), frozenset({"p1"}), P)
    >>> forced_outcomes([c1], {"p1", "d1"}, fav) == {P}
    True
    >>> forced_outcomes([c1], {"p1", "d1", "d2"}, fav)
    set()

    A distinction from another theory does not block the a fortiori step:

    >>> c2 = ReasonCase(frozenset({"p1", "d1"}), frozenset({"p1"}), P, theory="contract")
    >>> forced_outcomes([c2], {"p1", "d1", "d2"}, fav, {"d2": "copyright"}) == {P}
    True
    """
    theory_of = theories or {}
    out: set[Side] = set()
    for precedent in case_base:
        side = precedent.outcome
        if side is None:
            continue
        if side in _forced_by(precedent, new_facts, favours, theory_of):
            out.add(side)
    return out


def _forced_by(
    precedent: _Decided,
    new_facts: Collection[str],
    favours: Mapping[str, Side],
    theory_of: Mapping[str, str | None],
) -> set[Side]:
    """{outcome} if ``precedent`` forces its outcome on ``new_facts``, else empty."""
    side = precedent.outcome
    if side is None:
        return set()
    other = other_side(side)

    def scoped(factors: Iterable[str]) -> set[str]:
        return {f for f in factors if in_scope(theory_of.get(f), precedent.theory)}

    f_other = {f for f in scoped(precedent.factors) if favours[f] is other}
    x_other = {f for f in scoped(new_facts) if favours[f] is other}
    return {side} if set(precedent.reason) <= set(new_facts) and x_other <= f_other else set()


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
    ignored : frozenset
        Present factors of another theory than the one the precedent decided: not
        counted either way.
    """

    side: Side | None
    shared_plaintiff: frozenset[str]
    shared_defendant: frozenset[str]
    distinguishing_current: frozenset[str]
    distinguishing_precedent: frozenset[str]
    missing_reason: frozenset[str]
    similarity: float
    forces: bool
    ignored: frozenset[str] = frozenset()


def compare_factors(case: Case, precedent: Precedent, side: Side | None = None) -> FactorComparison:
    """Compare the present factors of ``case`` with ``precedent`` (module docstring),
    within the theory the precedent decided.

    ``side`` defaults to the precedent's outcome; for a precedent with neither, the
    comparison is made for the plaintiff (shared factors do not depend on it).
    """
    favours = {f.id: f.favours for f in case.factors}
    # the court's reason is checked as recorded; every other factor only within scope
    present_all = frozenset(f.id for f in case.factors if f.present)
    scope = frozenset(f.id for f in case.factors if in_scope(f.theory, precedent.theory))
    present = present_all & scope
    theirs = frozenset(precedent.factors) & scope
    cited_for = side if side is not None else precedent.outcome
    s = cited_for if cited_for is not None else Side.PLAINTIFF
    o = other_side(s)
    shared = present & theirs
    reason = frozenset(precedent.reason) or frozenset(f for f in theirs if favours[f] is s)
    missing = reason - present_all
    coverage = 1.0 if not reason else (len(reason) - len(missing)) / len(reason)
    new_other = frozenset(f for f in present - theirs if favours[f] is o)
    lost_own = frozenset(f for f in theirs - present if favours[f] is s)
    similarity = coverage / (1.0 + len(new_other))
    forces = (
        cited_for is not None
        and precedent.outcome is cited_for
        and not (frozenset(precedent.reason) - present_all)
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
        ignored=present_all - scope,
    )


def is_applicable(argument: Argument, precedent: Precedent, assumed: Side | None = None) -> bool:
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
    case: Case, argument: Argument, values: Mapping[str, float] | None = None
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
    precedent = case.node(argument.precedent)
    if not isinstance(precedent, Precedent):  # pragma: no cover - validated by Case
        raise TypeError(f"{argument.precedent!r} is not a precedent")
    similarity = compare_factors(case, precedent, side=argument.applies_if).similarity
    return _value(precedent.authority, params) * similarity


def _value(expr: float | str, params: Mapping[str, float]) -> float:
    value = parse_expression(expr).evaluate(params) if isinstance(expr, str) else float(expr)
    return min(max(value, 0.0), 1.0)


@dataclass(frozen=True)
class Conflict:
    """A decision the case base forbids a fortiori (Horty and Bench-Capon 2012).

    ``forbidden`` is the precedent whose outcome ``by`` forbids (``None``: the case at
    hand, which the case base forces both ways in ``theory``).
    """

    forbidden: str | None
    by: tuple[str, ...]
    theory: str | None
    outcome: Side | None

    def __str__(self) -> str:
        scope = f" in theory {self.theory!r}" if self.theory is not None else ""
        if self.forbidden is None:
            return (
                f"the case base forces both outcomes for the case at hand{scope} "
                f"({', '.join(self.by)}): it is inconsistent there"
            )
        assert self.outcome is not None  # a precedent that conflicts has an outcome
        return (
            f"{self.forbidden} is decided for the {self.outcome.value}, but "
            f"{', '.join(self.by)} forces the {other_side(self.outcome).value} a fortiori "
            f"on its factors{scope}: the case base is inconsistent"
        )


def a_fortiori_conflicts(case: Case) -> list[Conflict]:
    """Decisions in ``case`` that its case base forbids a fortiori (module docstring).

    Two precedents constrain each other only if they decided the same theory (or
    either names none); factors are scoped to that theory (:func:`in_scope`). Only
    precedents with an outcome and in force (:func:`standing`) take part.

    Examples
    --------
    >>> from argmap.model import Case, Factor, Precedent
    >>> fs = [Factor(id="p1", text="t", favours="plaintiff", present=True),
    ...       Factor(id="p2", text="t", favours="plaintiff"),
    ...       Factor(id="d1", text="t", favours="defendant")]
    >>> def prec(pid, factors, reason, outcome):
    ...     return Precedent(id=pid, name=pid, court="c", year=2020, jurisdiction="j",
    ...                      status="decided", outcome=outcome, factors=factors,
    ...                      reason=reason)
    >>> case = Case(title="t", factors=fs, precedents=[
    ...     prec("A", ["p1", "p2", "d1"], ["p1"], "plaintiff"),
    ...     prec("B", ["p1", "d1"], ["d1"], "defendant")])
    >>> [str(c) for c in a_fortiori_conflicts(case)]  # doctest: +NORMALIZE_WHITESPACE
    ['B is decided for the defendant, but A forces the plaintiff a fortiori on its
      factors: the case base is inconsistent']
    """
    favours = {f.id: f.favours for f in case.factors}
    theory_of = {f.id: f.theory for f in case.factors}
    base = [p for p in case.precedents if p.outcome is not None and standing(p).in_force]
    out: list[Conflict] = []
    for p in base:
        assert p.outcome is not None
        against = other_side(p.outcome)
        by = tuple(
            q.id
            for q in base
            if q.id != p.id
            and q.outcome is against
            and _same_theory(p.theory, q.theory)
            and _forced_by(q, p.factors, favours, theory_of)
        )
        if by:
            out.append(Conflict(p.id, by, p.theory, p.outcome))
    present = [f.id for f in case.factors if f.present]
    named = sorted({p.theory for p in base if p.theory is not None})
    theories: list[str | None] = [*named] if named else [None]
    for theory in theories:
        # a precedent that names no theory is in every theory's scope
        scoped = [p for p in base if p.theory in (theory, None)]
        forcing = [p for p in scoped if _forced_by(p, present, favours, theory_of)]
        if len({p.outcome for p in forcing}) > 1:
            out.append(Conflict(None, tuple(p.id for p in forcing), theory, None))
    return out


def conflict_warnings(case: Case) -> list[Problem]:
    """:func:`a_fortiori_conflicts` as warnings at the forbidden precedent's path (the
    case at hand's: at ``factors``), for ``argmap validate``."""
    where = {p.id: i for i, p in enumerate(case.precedents)}
    return [
        Problem(
            "factors" if c.forbidden is None else f"precedents[{where[c.forbidden]}]",
            f"warning: {c}",
        )
        for c in a_fortiori_conflicts(case)
    ]


def theory_warnings(case: Case) -> list[Problem]:
    """A factor's ``theory`` that no precedent decided and that is no issue id: most
    likely a typo, and the factor then counts for no precedent that names a theory.

    >>> from argmap.model import Case, Factor
    >>> case = Case(title="t", factors=[Factor(id="F", text="t", favours="plaintiff",
    ...                                        theory="CFAA acess")])
    >>> print(theory_warnings(case)[0])
    factors[0].theory: warning: no precedent decided theory 'CFAA acess', and no issue has that id
    """
    named = {p.theory for p in case.precedents} | {i.id for i in case.issues}
    return [
        Problem(
            f"factors[{i}].theory",
            f"warning: no precedent decided theory {f.theory!r}, and no issue has that id",
        )
        for i, f in enumerate(case.factors)
        if f.theory is not None and f.theory not in named
    ]


def _same_theory(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def describe_weight(
    case: Case,
    argument: Argument,
    values: Mapping[str, float] | None = None,
    on: dt.date | None = None,
) -> str:
    """An argument from precedent's weight in words and numbers.

    ``authority 0.8 x on point 0.5 = 0.40: shares F_public; distinguished by
    F_contract``, then what else bears on it (reason factors missing, factors of
    another theory left out, the precedent's status as of ``on``). An explicit
    ``weight`` is said to be one; an argument without a precedent gets ``""``.

    Examples
    --------
    >>> from argmap.model import Argument, Case, Claim, Factor, Precedent
    >>> case = Case(title="t", claims=[Claim(id="C", text="c")],
    ...     factors=[Factor(id="F_public", text="t", favours="defendant", present=True),
    ...              Factor(id="F_contract", text="t", favours="plaintiff", present=True)],
    ...     precedents=[Precedent(id="P", name="n", court="c", year=2019,
    ...                 jurisdiction="j", status="decided", outcome="defendant",
    ...                 factors=["F_public"], reason=["F_public"], authority=0.8)],
    ...     arguments=[Argument(id="A", conclusion="C", precedent="P")])
    >>> print(describe_weight(case, case.arguments[0]))  # doctest: +NORMALIZE_WHITESPACE
    authority 0.8 x on point 0.5 = 0.40: shares F_public; distinguished by F_contract;
    decided 2019 for the defendant
    """
    if argument.precedent is None:
        return ""
    precedent = case.node(argument.precedent)
    if not isinstance(precedent, Precedent):  # pragma: no cover - validated by Case
        raise TypeError(f"{argument.precedent!r} is not a precedent")
    params = {**case.parameter_values, **(values or {})}
    status = standing(precedent, on).describe(precedent)
    if argument.weight is not None:
        return f"weight {_value(argument.weight, params):.2g} (set by hand); {status}"
    cmp = compare_factors(case, precedent, side=argument.applies_if)
    authority = _value(precedent.authority, params)
    head = (
        f"authority {authority:.2g} x on point {cmp.similarity:.2g} = "
        f"{authority * cmp.similarity:.2f}"
    )
    shared = sorted(cmp.shared_plaintiff | cmp.shared_defendant)
    parts = [f"shares {', '.join(shared)}" if shared else "shares no factor"]
    if cmp.distinguishing_current:
        parts.append(f"distinguished by {', '.join(sorted(cmp.distinguishing_current))}")
    if cmp.missing_reason:
        parts.append(f"its reason lacks {', '.join(sorted(cmp.missing_reason))}")
    if cmp.ignored:
        parts.append(f"{', '.join(sorted(cmp.ignored))} not counted (not {precedent.theory!r})")
    return f"{head}: " + "; ".join([*parts, status])
