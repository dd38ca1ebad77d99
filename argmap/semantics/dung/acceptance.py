"""Credulous and skeptical acceptance of one argument under each Dung semantics.

An argument is *credulously* accepted if some extension contains it and
*skeptically* accepted if every extension does (so, vacuously, every argument is
skeptically accepted under stable semantics when there is no stable extension; this is
the ICCMA convention for DS-ST).

Shortcuts before any SAT call: the grounded labelling decides every argument it
labels ``in`` or ``out`` for all complete-based semantics, and, when no certificate is
asked for, only the independent component of the undecided core that holds the
argument is searched. A small undecided core is answered by the bit-set search of
:mod:`.small` (complete, preferred and stable; the same questions, without a solver).
Otherwise:

* complete / preferred credulous: one SAT call for a complete extension containing it
  (credulous acceptance is the same under admissible, complete and preferred
  semantics; Dung 1995), grown to a preferred one when a certificate is wanted;
* preferred skeptical: grow complete extensions that leave the argument out to
  preferred ones (the CEGARTIX-style loop of Dvorak, Jarvisalo, Wallner and Woltran
  2014), blocking each preferred extension that does contain it;
* stable: one SAT call each way;
* semi-stable and stage: walk the subset-maximal ranges, one SAT call per range.

:func:`credulous_witness` and :func:`skeptical_counterexample` return the extension
that proves the answer (the certificates ICCMA 2023 asks for).

References
----------
W. Dvorak, M. Jarvisalo, J. P. Wallner, S. Woltran. Complexity-sensitive decision
procedures for abstract argumentation. Artificial Intelligence 206, 2014.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from argmap.errors import SolverError
from argmap.semantics.dung.af import AF
from argmap.semantics.dung.bitsearch import SearchBudgetExceeded
from argmap.semantics.dung.encoding import Mask, SatFramework
from argmap.semantics.dung.extensions import _SMALL, check_semantics, some_extension
from argmap.semantics.dung.ideal import ideal_extension
from argmap.semantics.dung.labelling import IN, OUT, grounded_extension, grounded_labelling
from argmap.semantics.dung.reduce import components, undecided_core
from argmap.semantics.dung.search import has_stable, maximal_ranges
from argmap.semantics.dung.small import SMALL_SEMANTICS, SmallCore, small_core

__all__ = [
    "credulous_witness",
    "credulously_accepted",
    "skeptical_counterexample",
    "skeptically_accepted",
]

Lift = Callable[[Mask], frozenset[int]]
_FOUND = frozenset({-1})  # "some extension exists" when no certificate is needed


def credulously_accepted(af: AF, arg: int, semantics: str) -> bool:
    """Whether some extension of ``af`` under ``semantics`` contains argument ``arg``.

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> credulously_accepted(af, 0, "preferred"), credulously_accepted(af, 0, "grounded")
    (True, False)
    """
    return _find(af, arg, semantics, member=True, certify=False) is not None


def skeptically_accepted(af: AF, arg: int, semantics: str) -> bool:
    """Whether every extension of ``af`` under ``semantics`` contains argument ``arg``.

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")])
    >>> skeptically_accepted(af, 2, "preferred")
    False
    """
    return _find(af, arg, semantics, member=False, certify=False) is None


def credulous_witness(af: AF, arg: int, semantics: str) -> frozenset[int] | None:
    """An extension under ``semantics`` that contains ``arg``, or ``None``."""
    return _find(af, arg, semantics, member=True, certify=True)


def skeptical_counterexample(af: AF, arg: int, semantics: str) -> frozenset[int] | None:
    """An extension under ``semantics`` that lacks ``arg``, or ``None`` if none does."""
    return _find(af, arg, semantics, member=False, certify=True)


def _find(
    af: AF, arg: int, semantics: str, *, member: bool, certify: bool
) -> frozenset[int] | None:
    """An extension that has (``member``) or lacks ``arg``; ``_FOUND`` if not certifying."""
    semantics = check_semantics(semantics)
    if not 0 <= arg < af.n:
        raise SolverError(f"argument index {arg} out of range 0..{af.n - 1}")
    if semantics in ("grounded", "ideal"):
        unique = grounded_extension(af) if semantics == "grounded" else ideal_extension(af)
        return unique if (arg in unique) == member else None
    if semantics == "stage":
        target, pos, lift = _part(af, arg, frozenset(), np.arange(af.n), certify)
        return _range_walk(target, pos, "conflict-free", member, lift)
    labels = grounded_labelling(af)
    label = int(labels[arg])
    if semantics == "complete" and label != 0:
        # the grounded extension is complete: it proves "lacks" for every non-in arg
        if (label == IN) != member:
            return None
        return frozenset(np.flatnonzero(labels == IN).tolist()) if certify else _FOUND
    if label != 0 and semantics != "stable":
        if (label == IN) != member:
            return None
        return some_extension(af, semantics) if certify else _FOUND
    if semantics == "stable" and label == (OUT if member else IN):
        return None
    small = small_core(af, labels) if semantics in SMALL_SEMANTICS else None
    if small is not None:
        try:
            answer = _small_find(small, arg, semantics, member=member, certify=certify)
        except SearchBudgetExceeded:
            pass  # a hard core after all: the SAT path takes over
        else:
            if answer is None:
                return None
            return small.lift(answer) if certify else _FOUND
    core = undecided_core(af, labels)
    if semantics == "stable":
        if core.af.n == 0:
            return core.grounded  # every argument decided: grounded is stable
        where = int(np.searchsorted(core.index, arg)) if label == 0 else -1
        with SatFramework(core.af, "stable") as sat:
            lits = [] if where < 0 else [sat.x(where) if member else -sat.x(where)]
            found = sat.solve(lits)
        return None if found is None else core.lift(found[0])
    where = int(np.searchsorted(core.index, arg))
    target, pos, lift = _part(core.af, where, core.grounded, core.index, certify)
    if semantics == "semi-stable":
        return _range_walk(target, pos, "complete", member, lift)
    with SatFramework(target, "complete") as sat:
        if semantics == "preferred":
            sat.prefer_members()  # large models need fewer rounds to grow
        if member:
            found = sat.solve([sat.x(pos)])
            if found is None:
                return None
            if semantics == "preferred" and certify:
                found = sat.maximise(found)
            return lift(found[0])
        if semantics == "complete":  # pragma: no cover - decided by the label above
            return core.grounded
        return _preferred_lacking(sat, pos, lift)


def _small_find(
    small: SmallCore, arg: int, semantics: str, *, member: bool, certify: bool
) -> int | None:
    """The bit-set search's answer for :func:`_find` (core bit set, or None).

    ``arg`` is undecided by the grounded labelling, except under stable semantics,
    where any argument can be asked about (the question is then whether a stable
    extension exists at all).
    """
    search = small.search
    pos = small.position(arg)
    bit = 1 << pos if pos >= 0 else 0
    if semantics == "stable":
        found = search.stable(must=bit) if member else search.stable(forbid=bit)
        return next(found, None)
    if not member:
        if semantics == "complete":
            return 0  # the grounded extension lacks every undecided argument
        return search.preferred_lacking(pos)
    start = search.find_admissible(must=bit)
    if start is None or not certify:
        return start
    return search.grow(start) if semantics == "preferred" else search.closure(start)


def _part(
    af: AF, arg: int, base: frozenset[int], index: np.ndarray, certify: bool
) -> tuple[AF, int, Lift]:
    """Where to search: all of ``af`` (for a certificate) or ``arg``'s component."""
    if certify:
        return af, arg, lambda mask: base | frozenset(index[mask].tolist())
    if af.n < _SMALL:  # splitting costs more than it saves
        return af, arg, lambda mask: _FOUND
    for part in components(af):
        pos = int(np.searchsorted(part, arg))
        if pos < part.size and part[pos] == arg:
            sub, _ = af.restrict(part)
            return sub, pos, lambda mask: _FOUND
    raise AssertionError("every argument lies in a component")  # pragma: no cover


def _range_walk(af: AF, arg: int, base: str, member: bool, lift: Lift) -> frozenset[int] | None:
    """A range-maximal ``base`` set that has (``member``) or lacks ``arg``, lifted."""
    if has_stable(af):
        with SatFramework(af, "stable") as sat:
            lit = sat.x(arg)
            found = sat.solve([lit if member else -lit])
        return None if found is None else lift(found[0])
    with SatFramework(af, base, with_range=True) as probe:
        lit = probe.x(arg) if member else -probe.x(arg)
        for rng, _ in maximal_ranges(af, base):
            exact = probe.literals(rng, kind="r") + probe.literals(~rng, kind="r", positive=False)
            found = probe.solve([*exact, lit])
            if found is not None:
                return lift(found[0])
    return None


def _preferred_lacking(sat: SatFramework, arg: int, lift: Lift) -> frozenset[int] | None:
    """A preferred extension without ``arg`` (``sat`` holds the complete encoding)."""
    while True:
        found = sat.solve([-sat.x(arg)])
        if found is None:
            return None
        grown = sat.maximise(found)[0]
        if not grown[arg]:
            return lift(grown)
        if sat.exhausted:
            return None  # every complete extension lies inside this one, arg included
        # a preferred extension containing arg: look beyond it
        sat.add(sat.literals(~grown))
