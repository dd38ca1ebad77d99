"""Extensions of a framework under each Dung semantics: enumerate, pick one, count.

Semantics (names as used throughout argmap):

* ``grounded`` - least complete extension (Dung 1995);
* ``complete`` - admissible sets containing every argument they defend (Dung 1995);
* ``preferred`` - subset-maximal admissible sets (Dung 1995);
* ``stable`` - conflict-free sets attacking every outsider (Dung 1995);
* ``semi-stable`` - complete sets with subset-maximal range (Caminada 2006);
* ``ideal`` - largest admissible set inside every preferred one (Dung, Mancarella
  and Toni 2007);
* ``stage`` - conflict-free sets with subset-maximal range (Verheij 1996).

Everything but stage is computed on the undecided core left by the grounded
labelling, split into independent components (see :mod:`.reduce`); stage is split into
components only, because a stage extension need not contain the grounded one. When the
core is small, complete, preferred and stable extensions come from a bit-set search
(:mod:`.small`) instead of the SAT solver, which would cost more to set up than the
search takes.
"""

from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Callable, Iterator

import numpy as np

from argmap.errors import SolverError
from argmap.semantics.dung.af import AF, IntArray
from argmap.semantics.dung.bitsearch import SearchBudgetExceeded
from argmap.semantics.dung.encoding import Mask
from argmap.semantics.dung.ideal import ideal_extension
from argmap.semantics.dung.labelling import grounded_extension, grounded_labelling
from argmap.semantics.dung.reduce import components, undecided_core
from argmap.semantics.dung.search import (
    complete_sets,
    preferred_sets,
    range_maximal_sets,
    stable_sets,
)
from argmap.semantics.dung.small import SMALL_SEMANTICS, SmallCore, small_core
from argmap.vocabulary import DUNG_SEMANTICS, check_dung

__all__ = [
    "SEMANTICS",
    "check_semantics",
    "count_extensions",
    "extensions",
    "some_extension",
]

SEMANTICS: tuple[str, ...] = DUNG_SEMANTICS
"""The semantics :func:`extensions` knows (:data:`argmap.vocabulary.DUNG_SEMANTICS`)."""

check_semantics = check_dung
"""The canonical name of a Dung semantics, aliases accepted
(:func:`argmap.vocabulary.check_dung`)."""

# Above this many components they are grouped: each group is still independent of
# the others, and it bounds the per-part overhead on frameworks with many tiny parts.
_MAX_PARTS = 32
# Below this size splitting costs more than it saves.
_SMALL = 128

_SEARCH: dict[str, Callable[[AF], Iterator[Mask]]] = {
    "complete": complete_sets,
    "preferred": preferred_sets,
    "stable": stable_sets,
    "semi-stable": lambda af: range_maximal_sets(af, "complete"),
    "stage": lambda af: range_maximal_sets(af, "conflict-free"),
}


def _parts(af: AF) -> list[IntArray]:
    """Independent parts of ``af``: components, grouped if there are very many."""
    if af.n < _SMALL:
        return [np.arange(af.n, dtype=np.int32)]
    comps = components(af)
    if len(comps) <= _MAX_PARTS:
        return comps
    groups: list[list[IntArray]] = [[] for _ in range(_MAX_PARTS)]
    for k, comp in enumerate(sorted(comps, key=len, reverse=True)):
        groups[k % _MAX_PARTS].append(comp)
    return [np.sort(np.concatenate(g)).astype(np.int32) for g in groups]


def extensions(af: AF, semantics: str, limit: int | None = None) -> Iterator[frozenset[int]]:
    """Yield the extensions of ``af`` under ``semantics`` (each once, in no fixed order).

    Parameters
    ----------
    af : AF
        The framework.
    semantics : str
        One of :data:`SEMANTICS`.
    limit : int, optional
        Stop after this many extensions.

    Raises
    ------
    SolverError
        If the semantics is unknown or ``limit`` is negative.

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> sorted(sorted(e) for e in extensions(af, "preferred"))
    [[0], [1]]
    >>> list(extensions(AF.from_pairs("a", [("a", "a")]), "stable"))
    []
    """
    semantics = check_semantics(semantics)
    if limit is not None and limit < 0:
        raise SolverError(f"limit must be >= 0, not {limit}")
    produced = _extensions(af, semantics)
    yield from produced if limit is None else itertools.islice(produced, limit)


def _extensions(af: AF, semantics: str) -> Iterator[frozenset[int]]:
    if semantics == "grounded":
        yield grounded_extension(af)
        return
    if semantics == "ideal":
        yield ideal_extension(af)
        return
    if semantics == "stage":
        yield from _sat_extensions(af, semantics, frozenset(), np.arange(af.n, dtype=np.int32))
        return
    labels = grounded_labelling(af)
    small = small_core(af, labels) if semantics in SMALL_SEMANTICS else None
    seen: set[frozenset[int]] = set()
    if small is not None:
        try:
            for members in _small_search(small, semantics):
                extension = small.lift(members)
                seen.add(extension)
                yield extension
            return
        except SearchBudgetExceeded:
            pass  # a hard core after all: the SAT path takes over
    core = undecided_core(af, labels)
    for extension in _sat_extensions(core.af, semantics, core.grounded, core.index):
        if extension not in seen:
            yield extension


def _small_search(small: SmallCore, semantics: str) -> Iterator[int]:
    """The bit-set search for ``semantics`` over a small core (bit sets of members)."""
    search = small.search
    if semantics == "preferred":
        return search.preferred()
    if semantics == "stable":
        return search.stable()
    return search.complete()


def _sat_extensions(
    target: AF, semantics: str, base: frozenset[int], index: IntArray
) -> Iterator[frozenset[int]]:
    """The extensions of ``target`` by SAT, each lifted by ``index`` and joined to ``base``."""
    search = _SEARCH[semantics]
    if target.n == 0:
        yield base
        return
    parts = _parts(target)
    subs = [(target, p) if p.size == target.n else target.restrict(p) for p in parts]
    if len(subs) == 1:
        sub, local = subs[0]
        for members in search(sub):
            yield base | frozenset(index[local[members]].tolist())
        return
    # the parts' extensions combine as a product, built lazily so that the first
    # few combinations need only the first few extensions of each part
    lifted = [_Cached(_lift(search(sub), index[local])) for sub, local in subs]
    for combo in _product(lifted, 0):
        yield base.union(*combo)


def _lift(masks: Iterator[Mask], index: IntArray) -> Iterator[frozenset[int]]:
    for members in masks:
        yield frozenset(index[members].tolist())


class _Cached:
    """An iterable over a generator that can be walked again, computing on demand."""

    def __init__(self, source: Iterator[frozenset[int]]) -> None:
        self._source = source
        self._seen: list[frozenset[int]] = []
        self._done = False

    def __iter__(self) -> Iterator[frozenset[int]]:
        k = 0
        while True:
            if k < len(self._seen):
                yield self._seen[k]
            elif self._done:
                return
            else:
                item = next(self._source, None)
                if item is None:
                    self._done = True
                    return
                self._seen.append(item)
                yield item
            k += 1


def _product(parts: list[_Cached], i: int) -> Iterator[tuple[frozenset[int], ...]]:
    """The Cartesian product of ``parts[i:]``, first factor slowest."""
    if i == len(parts):
        yield ()
        return
    for head in parts[i]:
        produced = False
        for tail in _product(parts, i + 1):
            produced = True
            yield (head, *tail)
        if not produced:
            return  # a later part has no extension at all


def some_extension(af: AF, semantics: str) -> frozenset[int] | None:
    """One extension of ``af`` under ``semantics``, or ``None`` if there is none.

    Only stable semantics can have none (an odd attack cycle, for instance).
    """
    return next(extensions(af, semantics, limit=1), None)


def count_extensions(af: AF, semantics: str) -> int:
    """The number of extensions, multiplied out over independent parts.

    Counting a product of parts does not list the product, so this can be far faster
    than ``len(list(extensions(...)))``.
    """
    semantics = check_semantics(semantics)
    if semantics in ("grounded", "ideal"):
        return 1
    if semantics == "stage":
        target = af
    else:
        labels = grounded_labelling(af)
        small = small_core(af, labels) if semantics in SMALL_SEMANTICS else None
        if small is not None:
            with contextlib.suppress(SearchBudgetExceeded):
                return sum(1 for _ in _small_search(small, semantics))
        target = undecided_core(af, labels).af
    search = _SEARCH[semantics]
    if target.n == 0:
        return 1
    total = 1
    for part in _parts(target):
        sub = target if part.size == target.n else target.restrict(part)[0]
        count = sum(1 for _ in search(sub))
        if count == 0:
            return 0
        total = math.prod((total, count))
    return total
