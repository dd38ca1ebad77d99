"""The small-core path: frameworks whose undecided core is a few dozen arguments at most.

After grounded preprocessing (:mod:`.reduce`) the complete, preferred and stable
extensions are the grounded extension plus those of the undecided core. When the core
has at most :data:`SMALL_CORE` arguments, building it as an :class:`AF` and loading a
SAT solver costs far more than answering the question: a bit-set search
(:mod:`.bitsearch`) runs directly on the core's attacks, picked out of the original
arrays with no sub-framework built.

The cut-off :data:`SMALL_CORE` was measured on random cores (uniform attacks, half
and fully symmetric ones, 1.5 to 6 attacks per argument; grids) of 16 to 40 undecided
arguments, for preferred and stable enumeration and credulous and skeptical preferred
acceptance. Up to 32 undecided arguments the search took at most 0.75 of the SAT
path's time on every instance (0.1 to 0.45 on average, depending on task and family);
at 40, preferred enumeration on some uniform random cores took 1.4 times as long. Each
search also has a node budget, and callers fall back to SAT when it runs out, so an
unusually hard small core costs a bounded detour (a few milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from argmap.semantics.dung.af import AF
from argmap.semantics.dung.bitsearch import BitSearch, members_of
from argmap.semantics.dung.labelling import IN, UNDEC, Labelling

__all__ = ["SMALL_CORE", "SMALL_SEMANTICS", "SmallCore", "small_core"]

# Largest undecided core that goes to the bit-set search instead of SAT (measured,
# see the module docs).
SMALL_CORE = 32

# The semantics the bit-set search serves (the others are range- or
# intersection-based and stay on the SAT path).
SMALL_SEMANTICS = frozenset({"complete", "preferred", "stable"})


@dataclass(frozen=True)
class SmallCore:
    """The undecided core of a framework, ready for the bit-set search.

    Attributes
    ----------
    search : BitSearch
        The searches over the core (its arguments numbered ``0 .. k-1``).
    index : list of int
        ``index[j]`` is the original index of the core's argument ``j``.
    grounded : frozenset of int
        The grounded extension (original indices), part of every extension.
    """

    search: BitSearch
    index: list[int]
    grounded: frozenset[int]

    def lift(self, members: int) -> frozenset[int]:
        """The extension of the whole framework for a bit set of core arguments."""
        index = self.index
        return self.grounded.union([index[j] for j in members_of(members)])

    def position(self, arg: int) -> int:
        """The core's number for original argument ``arg`` (-1 if it is decided)."""
        try:
            return self.index.index(arg)
        except ValueError:
            return -1


def small_core(af: AF, labels: Labelling) -> SmallCore | None:
    """The undecided core of ``af`` as a :class:`SmallCore`, or None if it is too big.

    ``labels`` is the grounded labelling of ``af``.
    """
    undecided = np.flatnonzero(labels == UNDEC)
    k = int(undecided.size)
    if k > SMALL_CORE:
        return None
    grounded = frozenset(np.flatnonzero(labels == IN).tolist())
    if k == 0:
        return SmallCore(BitSearch(0, ()), [], grounded)
    if k == af.n:
        attacks = zip(af.src.tolist(), af.dst.tolist(), strict=True)
        return SmallCore(BitSearch(k, attacks), list(range(k)), grounded)
    local = np.full(af.n, -1, dtype=np.int64)
    local[undecided] = np.arange(k)
    src, dst = local[af.src], local[af.dst]
    inside = (src >= 0) & (dst >= 0)
    attacks = zip(src[inside].tolist(), dst[inside].tolist(), strict=True)
    return SmallCore(BitSearch(k, attacks), undecided.tolist(), grounded)
