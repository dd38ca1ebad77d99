"""The vectorized evaluation loop shared by every gradual semantics.

Each semantics in :mod:`argmap.semantics.gradual.models` is written in the *modular*
form of Mossakowski and Neuhaus (2018): an **aggregation** folds the strengths of a
node's attackers and supporters into one number, and an **influence** function turns
the node's base score and that number into its strength. Given those two pieces, this
module computes strengths for ``S`` samples at once (arrays of shape ``(S, N)``):

- on an acyclic graph, exactly, level by level in topological order: every node of a
  level is updated in one vectorized step (``numpy.ufunc.reduceat`` over the level's
  incoming edges, grouped by target);
- on the nodes that lie on or below a cycle, by Jacobi iteration of the same update
  until the largest change is below ``tol``. If plain iteration has not settled after
  ``max_iter // 4`` rounds (it can oscillate, see Potyka 2018, Sec. 4), it switches to
  damped steps ``s <- s + 1/2 (f(s) - s)``, i.e. explicit Euler steps of Potyka's
  continuous model ``ds/dt = f(s) - s``, which has the same fixed points. It stops
  after ``max_iter`` rounds in any case and reports whether it converged.

Edge weights multiply the strength that flows along the edge: an attacker of strength
``s`` over an edge of weight ``w`` counts as an attacker of strength ``w * s``.

References
----------
T. Mossakowski, F. Neuhaus. Modular semantics and characteristics for bipolar weighted
argumentation graphs. arXiv:1807.06685, 2018.

N. Potyka. Continuous dynamical systems for weighted bipolar argumentation. KR 2018.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from argmap.semantics.gradual.qbaf import BipolarGraph, Block, schedule

__all__ = ["Aggregation", "GradualResult", "Influence", "propagate"]

FloatArray = npt.NDArray[np.float64]
Influence = Callable[[FloatArray, FloatArray], FloatArray]
"""``influence(base, aggregate) -> strength``, elementwise on equal shapes."""
Aggregation = Literal["sum", "product"]


@dataclass(frozen=True, eq=False)
class GradualResult:
    """Strengths under a gradual semantics.

    Attributes
    ----------
    strengths : ndarray
        ``(N,)`` for one base vector, ``(S, N)`` for ``S`` samples.
    converged : bool
        True when every strength is a fixed point to within ``tol`` (always on an
        acyclic graph).
    iterations : int
        Rounds of fixed-point iteration spent on cyclic nodes (0 when the graph is
        acyclic and every strength was computed exactly in topological order).
    residual : float
        The largest change in the last round (0.0 on acyclic graphs).
    """

    strengths: FloatArray
    converged: bool
    iterations: int
    residual: float = 0.0

    @property
    def exact(self) -> bool:
        """True when the graph was acyclic and no iteration was needed."""
        return self.iterations == 0 and self.converged


def _as_matrix(values: npt.ArrayLike, width: int, what: str) -> tuple[FloatArray, bool]:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim == 1:
        if arr.shape[0] != width:
            raise ValueError(f"{what} has {arr.shape[0]} entries, expected {width}")
        return arr[None, :], True
    if arr.ndim == 2 and arr.shape[1] == width:
        return arr, False
    raise ValueError(f"{what} must have shape ({width},) or (S, {width}), got {arr.shape}")


def _aggregate(
    block: Block,
    t: FloatArray,
    g: BipolarGraph,
    att_w: FloatArray | None,
    sup_w: FloatArray | None,
    how: Aggregation,
) -> FloatArray:
    """Support minus attack for every node of ``block`` (sum) or DF-QuAD's
    ``prod(1 - attack) - prod(1 - support)`` (product), shape ``(len(nodes), S)``.

    ``t`` holds strengths node-major, ``(N, S)``, so gathering a node's samples reads
    one contiguous row; ``att_w``/``sup_w`` are ``(E, S)`` or ``(E, 1)`` edge weights,
    or None when every weight is 1.
    """
    width = block.nodes.size
    shape = (width, *t.shape[1:])
    if t.ndim == 2 and t.shape[1] == 1:
        # one sample: 1-D gathers and reductions avoid numpy's per-row overhead
        return _aggregate(
            block,
            t[:, 0],
            g,
            None if att_w is None else att_w[:, 0],
            None if sup_w is None else sup_w[:, 0],
            how,
        ).reshape(width, 1)
    parts = (
        (block.sup_edges, block.sup_from, block.sup_starts, block.sup_pos, sup_w),
        (block.att_edges, block.att_from, block.att_starts, block.att_pos, att_w),
    )
    if how == "sum":
        out = np.zeros(shape)
        for sign, (edges, origin, starts, pos, w) in zip((1.0, -1.0), parts, strict=True):
            if not edges.size:
                continue
            flow = t[origin]
            if w is not None:
                flow *= w[edges]
            total = np.add.reduceat(flow, starts, axis=0)
            if sign > 0:
                out[pos] += total
            else:
                out[pos] -= total
        return out
    keep = [np.ones(shape), np.ones(shape)]
    for k, (edges, origin, starts, pos, w) in enumerate(parts):
        if not edges.size:
            continue
        flow = t[origin]
        if w is not None:
            flow *= w[edges]
        np.subtract(1.0, flow, out=flow)
        keep[k][pos] = np.multiply.reduceat(flow, starts, axis=0)
    # (1 - prod(1 - sup)) - (1 - prod(1 - att))
    diff: FloatArray = keep[1] - keep[0]
    return diff


_SPARSE_FROM = 4096
"""Blocks with fewer (incoming edges x samples) are aggregated by gathering, not by
sparse products."""
_SPARSE_SAMPLES = 16
"""With fewer samples gathering is faster anyway (measured in bench/bench_gradual.py)."""


class _Aggregator:
    """Aggregates for one call of :func:`propagate`.

    When every sample shares the edge weights (the usual case: only base scores are
    sampled), each block's aggregate is a sparse matrix product: the sum of weighted
    strengths is ``M @ t`` with ``M`` holding ``+w`` for supports and ``-w`` for
    attacks, and DF-QuAD's products (all weights 1) are ``exp(M @ log(1 - t))``. One
    compiled sparse-times-dense pass per block beats gathering every edge's samples.
    Otherwise (weights vary per sample) edges are gathered and reduced with
    ``reduceat`` (:func:`_aggregate`).
    """

    def __init__(
        self,
        g: BipolarGraph,
        t: FloatArray,
        wt: FloatArray,
        how: Aggregation,
    ) -> None:
        self.g, self.how = g, how
        n_att = g.att_src.size
        plain = bool(np.all(wt == 1.0))
        self.att_w = None if plain else wt[:n_att]
        self.sup_w = None if plain else wt[n_att:]
        self.sparse = wt.shape[1] == 1 and (how == "sum" or plain)
        self.weights = wt[:, 0]
        self.log_keep: FloatArray | None = None
        if self.sparse and how == "product":
            self.log_keep = np.log1p(-t)
        self._cache: dict[int, tuple[Any, Any]] = {}

    def _matrices(self, block: Block) -> tuple[Any, Any]:
        """(attack, support) matrices of a block, rows = the block's nodes.

        The block's edges are already grouped by target in node order, so the CSR
        arrays are written directly, with no sorting.
        """
        from scipy.sparse import csr_matrix

        key = id(block)
        if key not in self._cache:
            g, n = self.g, len(self.g.ids)
            width = block.nodes.size
            n_att = g.att_src.size
            mats = []
            for edges, origin, starts, pos, offset in (
                (block.att_edges, block.att_from, block.att_starts, block.att_pos, 0),
                (block.sup_edges, block.sup_from, block.sup_starts, block.sup_pos, n_att),
            ):
                counts = np.zeros(width, dtype=np.int64)
                counts[pos] = np.diff(np.r_[starts, edges.size])
                indptr = np.zeros(width + 1, dtype=np.int64)
                np.cumsum(counts, out=indptr[1:])
                mats.append(
                    csr_matrix((self.weights[offset + edges], origin, indptr), shape=(width, n))
                )
            self._cache[key] = (mats[0], mats[1])
        return self._cache[key]

    def __call__(self, block: Block, t: FloatArray) -> FloatArray:
        # building two sparse matrices costs more than gathering a few edges
        work = (block.att_edges.size + block.sup_edges.size) * t.shape[1]
        if not self.sparse or t.shape[1] < _SPARSE_SAMPLES or work < _SPARSE_FROM:
            return _aggregate(block, t, self.g, self.att_w, self.sup_w, self.how)
        m_att, m_sup = self._matrices(block)
        if self.log_keep is None:
            out: FloatArray = np.asarray(m_sup @ t)
            out -= m_att @ t
            return out
        keep_att = np.exp(np.asarray(m_att @ self.log_keep))
        keep_sup = np.exp(np.asarray(m_sup @ self.log_keep))
        diff: FloatArray = keep_att - keep_sup
        return diff

    def update(self, nodes: npt.NDArray[np.int32], t: FloatArray) -> None:
        """Record new strengths of ``nodes`` (for the log form of the products)."""
        if self.log_keep is not None:
            self.log_keep[nodes] = np.log1p(-t[nodes])


def propagate(
    g: BipolarGraph,
    influence: Influence,
    how: Aggregation,
    base: npt.ArrayLike | None = None,
    *,
    edge_weights: npt.ArrayLike | None = None,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> GradualResult:
    """Strengths of every node of ``g`` under ``(how, influence)``.

    Parameters
    ----------
    g : BipolarGraph
        A :class:`~argmap.semantics.gradual.qbaf.QBAF` or compiled Framework.
    influence, how
        The semantics (see :mod:`argmap.semantics.gradual.models`).
    base : array_like, optional
        Base scores, ``(N,)`` or ``(S, N)``; default ``g.base``.
    edge_weights : array_like, optional
        Weights of the attacks then the supports, ``(E,)`` or ``(S, E)`` with
        ``E = len(att_src) + len(sup_src)``; default the graph's own weights.
    tol, max_iter
        Stopping rule for cyclic parts (largest change per round, most rounds).
    """
    if tol <= 0 or max_iter < 1:
        raise ValueError("tol must be positive and max_iter at least 1")
    n = len(g.ids)
    b, single = _as_matrix(g.base if base is None else base, n, "base")
    n_att = g.att_src.size
    if edge_weights is None:
        w = np.concatenate([g.att_w, g.sup_w])[None, :]
    else:
        w, _ = _as_matrix(edge_weights, n_att + g.sup_src.size, "edge_weights")
    if w.shape[0] not in (1, b.shape[0]):
        if b.shape[0] != 1:
            raise ValueError("base and edge_weights have different numbers of samples")
        b = np.broadcast_to(b, (w.shape[0], n))
        single = False
    # node-major layout (N, S): a node's samples are contiguous for the gathers below
    wt = np.ascontiguousarray(w.T)
    plan = schedule(g)
    bt = np.ascontiguousarray(b.T)
    t = bt.copy()
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        aggregate = _Aggregator(g, t, wt, how)
        for block in plan.levels:
            t[block.nodes] = influence(bt[block.nodes], aggregate(block, t))
            aggregate.update(block.nodes, t)
        converged, rounds, residual = True, 0, 0.0
        if plan.cyclic is not None:
            converged, rounds, residual = _iterate(
                plan.cyclic, t, bt, aggregate, influence, tol, max_iter
            )
    s = t.T  # (S, N), Fortran-ordered: a copy would cost as much as a level
    return GradualResult(s[0] if single else s, converged, rounds, residual)


def _iterate(
    block: Block,
    t: FloatArray,
    bt: FloatArray,
    aggregate: _Aggregator,
    influence: Influence,
    tol: float,
    max_iter: int,
) -> tuple[bool, int, float]:
    nodes = block.nodes
    base = bt[nodes]
    damp_after = max(1, max_iter // 4)
    residual = float("inf")
    for k in range(1, max_iter + 1):
        target = influence(base, aggregate(block, t))
        step = target - t[nodes]
        residual = float(np.max(np.abs(step))) if step.size else 0.0
        if k > damp_after:
            step *= 0.5
        t[nodes] += step
        aggregate.update(nodes, t)
        if not np.isfinite(residual):
            return False, k, residual
        if residual <= tol:
            return True, k, residual
    return False, max_iter, residual
