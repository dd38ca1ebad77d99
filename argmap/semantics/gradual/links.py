"""Weakest link: an argument is no stronger than its weakest necessary premise.

A compiled case marks some support edges as *necessary*
(:attr:`~argmap.semantics.compile.Framework.sup_necessary`): premise -> argument, and
precedent -> argument from precedent. Read as ordinary supports, a strong premise
would *lift* an argument above its own weight (DF-QuAD gives ``w + (1 - w) * s`` for
an argument of weight ``w`` with one premise of strength ``s``), so an inference an
analyst rates at 0.05 on a reliable quote would still come out near 0.9. Instead,
necessary edges cap the argument's base score:

    base'(A) = weight(A) * min over necessary edges P -> A of (w(P -> A) * strength(P))

and they take no part in the aggregation of supports and attacks, which then works
on ``base'``. This is the *weakest link* principle of Pollock (1995) and of ASPIC+'s
weakest-link ordering (Modgil and Prakken 2013): a chain of reasoning is as strong as
its weakest step. Strengths stay monotone in every base score and edge weight, and
an argument with no premises keeps its weight.

References
----------
J. L. Pollock. Cognitive Carpentry. MIT Press, 1995.

S. Modgil, H. Prakken. A general account of argumentation with preferences.
Artificial Intelligence 195, 2013.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["WeakestLink"]

FloatArray = npt.NDArray[np.float64]


class WeakestLink:
    """The necessary edges of one graph, with their weights for one evaluation.

    ``weights`` are the edge weights the engine uses, attacks then supports, node
    major: ``(E,)`` for one sample or ``(E, S)``. :attr:`aggregation_weights` is a copy
    with the necessary edges set to 0, so the aggregation ignores them (a support of
    weight 0 adds nothing to a sum and multiplies a product by 1).
    """

    def __init__(self, src: npt.NDArray[Any], dst: npt.NDArray[Any], weights: FloatArray, n: int):
        order = np.argsort(dst, kind="stable")
        self.src = src[order]
        self.weights = weights[order]
        sorted_dst = dst[order]
        self.targets, self.starts = np.unique(sorted_dst, return_index=True)
        self.slot = np.full(n, -1, dtype=np.int64)
        self.slot[self.targets] = np.arange(self.targets.size)
        self.aggregation_weights: FloatArray

    @classmethod
    def of(cls, graph: Any, weights: FloatArray) -> WeakestLink | None:
        """The weakest-link reading of ``graph``, or None when it has no necessary edge
        (a plain QBAF, or a case without premises)."""
        mask = getattr(graph, "sup_necessary", None)
        if mask is None or not np.any(mask):
            return None
        n_att = graph.att_src.size
        rows = n_att + np.flatnonzero(mask)
        link = cls(graph.sup_src[mask], graph.sup_dst[mask], weights[rows], len(graph.ids))
        link.aggregation_weights = weights.copy()
        link.aggregation_weights[rows] = 0.0
        return link

    def capped(
        self, nodes: npt.NDArray[Any], base: FloatArray, strengths: FloatArray
    ) -> FloatArray:
        """Base scores of ``nodes`` (rows of ``base``, node major) capped by their
        weakest necessary premise, read from ``strengths``; premises must be final."""
        out: FloatArray = base[nodes]
        slots = self.slot[nodes]
        has = slots >= 0
        if not has.any():
            return out
        flows = self.weights * strengths[self.src]
        weakest: FloatArray = np.minimum.reduceat(flows, self.starts, axis=0)
        capped: FloatArray = out.copy()
        capped[has] *= weakest[slots[has]]
        return capped
