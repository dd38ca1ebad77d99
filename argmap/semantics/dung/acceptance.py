"""Credulous and skeptical acceptance of one argument under each Dung semantics.

An argument is *credulously* accepted if some extension contains it and
*skeptically* accepted if every extension does (so, vacuously, every argument is
skeptically accepted under stable semantics when there is no stable extension; this is
the ICCMA convention for DS-ST).

Shortcuts before any SAT call: the grounded labelling decides every argument it
labels ``in`` or ``out`` for all complete-based semantics, and only the independent
component of the undecided core that holds the argument is searched. Then:

* complete / preferred credulous: one SAT call for a complete extension containing it
  (credulous acceptance is the same under admissible, complete and preferred
  semantics; Dung 1995);
* preferred skeptical: grow complete extensions that leave the argument out to
  preferred ones (the CEGARTIX-style loop of Dvorak, Jarvisalo, Wallner and Woltran
  2014), blocking each preferred extension that does contain it;
* stable: one SAT call each way;
* semi-stable and stage: walk the subset-maximal ranges, asking one SAT call per range.

References
----------
W. Dvorak, M. Jarvisalo, J. P. Wallner, S. Woltran. Complexity-sensitive decision
procedures for abstract argumentation. Artificial Intelligence 206, 2014.
"""

from __future__ import annotations

import numpy as np

from argmap.errors import SolverError
from argmap.semantics.dung.af import AF
from argmap.semantics.dung.encoding import SatFramework
from argmap.semantics.dung.extensions import check_semantics
from argmap.semantics.dung.grounded import IN, OUT, grounded_labelling
from argmap.semantics.dung.ideal import ideal_extension
from argmap.semantics.dung.reduce import components, undecided_core
from argmap.semantics.dung.search import has_stable, maximal_ranges

__all__ = ["credulously_accepted", "skeptically_accepted"]


def _check_arg(af: AF, arg: int) -> int:
    if not 0 <= arg < af.n:
        raise SolverError(f"argument index {arg} out of range 0..{af.n - 1}")
    return int(arg)


def _local(af: AF, arg: int) -> tuple[AF, int]:
    """The component of ``af`` holding ``arg`` and ``arg``'s index in it."""
    for part in components(af):
        pos = int(np.searchsorted(part, arg))
        if pos < part.size and part[pos] == arg:
            sub, _ = af.restrict(part)
            return sub, pos
    raise AssertionError("every argument lies in a component")  # pragma: no cover


def _core_component(af: AF, arg: int) -> tuple[int | None, AF, int]:
    """The grounded label of ``arg`` if decided, else its component of the core."""
    core = undecided_core(af)
    label = int(core.labels[arg])
    if label != 0:
        return label, core.af, -1
    where = int(np.searchsorted(core.index, arg))
    sub, pos = _local(core.af, where)
    return None, sub, pos


def credulously_accepted(af: AF, arg: int, semantics: str) -> bool:
    """Whether some extension of ``af`` under ``semantics`` contains argument ``arg``.

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> credulously_accepted(af, 0, "preferred"), credulously_accepted(af, 0, "grounded")
    (True, False)
    """
    check_semantics(semantics)
    arg = _check_arg(af, arg)
    if semantics == "grounded":
        return bool(grounded_labelling(af)[arg] == IN)
    if semantics == "ideal":
        return arg in ideal_extension(af)
    if semantics == "stable":
        return _stable_with(af, arg, member=True)
    if semantics == "stage":
        sub, pos = _local(af, arg)
        return _range_walk(sub, pos, "conflict-free", member=True)
    label, sub, pos = _core_component(af, arg)
    if label is not None:
        return label == IN
    if semantics == "semi-stable":
        return _range_walk(sub, pos, "complete", member=True)
    with SatFramework(sub, "complete") as sat:
        return sat.solve([sat.x(pos)]) is not None


def skeptically_accepted(af: AF, arg: int, semantics: str) -> bool:
    """Whether every extension of ``af`` under ``semantics`` contains argument ``arg``.

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")])
    >>> skeptically_accepted(af, 2, "preferred")
    False
    """
    check_semantics(semantics)
    arg = _check_arg(af, arg)
    if semantics in ("grounded", "complete"):
        return bool(grounded_labelling(af)[arg] == IN)
    if semantics == "ideal":
        return arg in ideal_extension(af)
    if semantics == "stable":
        return not _stable_with(af, arg, member=False)
    if semantics == "stage":
        sub, pos = _local(af, arg)
        return not _range_walk(sub, pos, "conflict-free", member=False)
    label, sub, pos = _core_component(af, arg)
    if label is not None:
        return label == IN
    if semantics == "semi-stable":
        return not _range_walk(sub, pos, "complete", member=False)
    return _preferred_skeptical(sub, pos)


def _stable_with(af: AF, arg: int, *, member: bool) -> bool:
    """Whether some stable extension has (``member``) or lacks ``arg``."""
    labels = grounded_labelling(af)
    if labels[arg] == (OUT if member else IN):
        return False
    core = undecided_core(af)
    if core.af.n == 0:
        return True  # the grounded extension is stable
    with SatFramework(core.af, "stable") as sat:
        if labels[arg] != 0:
            return sat.solve() is not None
        pos = int(np.searchsorted(core.index, arg))
        lit = sat.x(pos)
        return sat.solve([lit if member else -lit]) is not None


def _range_walk(af: AF, arg: int, base: str, *, member: bool) -> bool:
    """Whether some range-maximal ``base`` set has (``member``) or lacks ``arg``."""
    if has_stable(af):
        with SatFramework(af, "stable") as sat:
            lit = sat.x(arg)
            return sat.solve([lit if member else -lit]) is not None
    with SatFramework(af, base, with_range=True) as probe:
        lit = probe.x(arg) if member else -probe.x(arg)
        for rng, _ in maximal_ranges(af, base):
            exact = probe.literals(rng, kind="r") + probe.literals(~rng, kind="r", positive=False)
            if probe.solve([*exact, lit]) is not None:
                return True
    return False


def _preferred_skeptical(af: AF, arg: int) -> bool:
    """Whether ``arg`` lies in every preferred extension of ``af``."""
    with SatFramework(af, "complete") as sat:
        while True:
            found = sat.solve([-sat.x(arg)])
            if found is None:
                return True
            grown = sat.maximise(found)[0]
            if not grown[arg]:
                return False
            # a preferred extension containing arg: look for others beyond it
            sat.add(sat.literals(~grown))
