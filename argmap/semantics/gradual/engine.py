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
from typing import Literal

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
    s: FloatArray,
    g: BipolarGraph,
    att_w: FloatArray,
    sup_w: FloatArray,
    how: Aggregation,
) -> FloatArray:
    """Support minus attack for every node of ``block`` (sum) or DF-QuAD's
    ``prod(1 - attack) - prod(1 - support)`` (product), shape ``(S, len(nodes))``."""
    rows = s.shape[0]
    width = block.nodes.size
    if how == "sum":
        out = np.zeros((rows, width))
        if block.sup_edges.size:
            flow = s[:, g.sup_src[block.sup_edges]] * sup_w[:, block.sup_edges]
            out[:, block.sup_pos] += np.add.reduceat(flow, block.sup_starts, axis=1)
        if block.att_edges.size:
            flow = s[:, g.att_src[block.att_edges]] * att_w[:, block.att_edges]
            out[:, block.att_pos] -= np.add.reduceat(flow, block.att_starts, axis=1)
        return out
    keep_att = np.ones((rows, width))
    keep_sup = np.ones((rows, width))
    if block.att_edges.size:
        flow = 1.0 - s[:, g.att_src[block.att_edges]] * att_w[:, block.att_edges]
        keep_att[:, block.att_pos] = np.multiply.reduceat(flow, block.att_starts, axis=1)
    if block.sup_edges.size:
        flow = 1.0 - s[:, g.sup_src[block.sup_edges]] * sup_w[:, block.sup_edges]
        keep_sup[:, block.sup_pos] = np.multiply.reduceat(flow, block.sup_starts, axis=1)
    # (1 - prod(1 - sup)) - (1 - prod(1 - att))
    diff: FloatArray = keep_att - keep_sup
    return diff


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
    att_w, sup_w = w[:, :n_att], w[:, n_att:]
    if w.shape[0] not in (1, b.shape[0]):
        if b.shape[0] != 1:
            raise ValueError("base and edge_weights have different numbers of samples")
        b = np.broadcast_to(b, (w.shape[0], n))
        single = False
    plan = schedule(g)
    s = np.array(b, dtype=np.float64, copy=True)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        for block in plan.levels:
            agg = _aggregate(block, s, g, att_w, sup_w, how)
            s[:, block.nodes] = influence(b[:, block.nodes], agg)
        converged, rounds, residual = True, 0, 0.0
        if plan.cyclic is not None:
            converged, rounds, residual = _iterate(
                plan.cyclic, s, b, g, att_w, sup_w, how, influence, tol, max_iter
            )
    return GradualResult(s[0] if single else s, converged, rounds, residual)


def _iterate(
    block: Block,
    s: FloatArray,
    b: FloatArray,
    g: BipolarGraph,
    att_w: FloatArray,
    sup_w: FloatArray,
    how: Aggregation,
    influence: Influence,
    tol: float,
    max_iter: int,
) -> tuple[bool, int, float]:
    nodes = block.nodes
    base = b[:, nodes]
    damp_after = max(1, max_iter // 4)
    residual = float("inf")
    for k in range(1, max_iter + 1):
        target = influence(base, _aggregate(block, s, g, att_w, sup_w, how))
        step = target - s[:, nodes]
        residual = float(np.max(np.abs(step))) if step.size else 0.0
        if k > damp_after:
            step *= 0.5
        s[:, nodes] += step
        if not np.isfinite(residual):
            return False, k, residual
        if residual <= tol:
            return True, k, residual
    return False, max_iter, residual
