"""Shrinking a framework before search: grounded core and independent components.

Two facts make the NP-hard semantics cheaper in practice.

* Every complete extension contains the grounded extension G and excludes what G
  attacks (Dung 1995). Removing G and its targets leaves the *undecided core*; the
  complete extensions of the framework are exactly ``G | E`` for the complete
  extensions E of the core, and the same holds for preferred, stable, semi-stable and
  ideal extensions (a special case of the SCC-recursive scheme of Baroni, Giacomin
  and Guida 2005, and of Baumann's splitting, 2011). The grounded-only parts thus never
  reach the SAT solver.
* Arguments in different weakly connected components do not interact: the
  extensions of a disjoint union are the products of the components' extensions for
  every semantics here (range-based ones included, since the range splits too).

References
----------
P. Baroni, M. Giacomin, G. Guida. SCC-recursiveness: a general schema for
argumentation semantics. Artificial Intelligence 168(1-2), 2005.

R. Baumann. Splitting an argumentation framework. LPNMR 2011.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from argmap.semantics.dung.af import AF, IntArray
from argmap.semantics.dung.grounded import IN, UNDEC, Labelling, grounded_labelling

__all__ = ["Core", "components", "undecided_core"]


@dataclass(frozen=True)
class Core:
    """The undecided core of a framework and how to map back.

    Attributes
    ----------
    grounded : frozenset of int
        The grounded extension (in the original indices).
    labels : ndarray of int8
        The grounded labelling.
    af : AF
        The sub-framework induced by the undecided arguments.
    index : ndarray of int32
        ``index[k]`` is the original index of the core's argument ``k``.
    """

    grounded: frozenset[int]
    labels: np.ndarray
    af: AF
    index: IntArray

    def lift(self, members: np.ndarray) -> frozenset[int]:
        """Map a boolean mask (or index array) over the core back, adding G."""
        arr = np.asarray(members)
        picked = self.index[arr] if arr.dtype == bool else self.index[arr.astype(np.int64)]
        return self.grounded | frozenset(picked.tolist())


def undecided_core(af: AF, labels: Labelling | None = None) -> Core:
    """Split ``af`` into its grounded extension and its undecided core.

    ``labels``, if given, is the grounded labelling of ``af`` (saves computing it again).
    """
    if labels is None:
        labels = grounded_labelling(af)
    grounded = frozenset(np.flatnonzero(labels == IN).tolist())
    sub, index = af.restrict(np.flatnonzero(labels == UNDEC))
    return Core(grounded, labels, sub, index)


def components(af: AF) -> list[IntArray]:
    """The weakly connected components of ``af`` as sorted index arrays.

    Components are listed by their smallest argument.
    """
    if af.n == 0:
        return []
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(af.n_attacks, dtype=np.int8), (af.src, af.dst)), shape=(af.n, af.n))
    count, which = connected_components(graph, directed=True, connection="weak")
    order = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[order], np.arange(count + 1))
    parts = [order[bounds[k] : bounds[k + 1]].astype(np.int32) for k in range(count)]
    parts.sort(key=lambda p: int(p[0]))
    return parts
