"""The vectorized evaluation loop shared by every gradual semantics.

Each semantics in :mod:`argmap.semantics.gradual.models` is written in the *modular*
form of Mossakowski and Neuhaus (2018): an **aggregation** folds the strengths of a
node's attackers and supporters into one number, and an **influence** function turns
the node's base score and that number into its strength. Given those two pieces, this
module computes strengths for ``S`` samples at once (arrays of shape ``(S, N)``):

- on an acyclic graph, exactly, level by level in topological order: every node of a
  level is updated in one vectorized step (``numpy.ufunc.reduceat`` over the level's
  incoming edges, grouped by target);
- on the nodes that lie on a cycle (or between two cycles), by Jacobi iteration of
  the same update until the largest change is below ``tol``. If plain iteration has
  not settled after a few rounds (it can oscillate, see Potyka 2018, Sec. 4), it
  integrates Potyka's continuous model ``ds/dt = f(s) - s``, which has the same fixed
  points, by Runge-Kutta steps, halving the step while progress stalls. It stops after
  ``max_iter`` rounds in any case and reports whether it converged
  (``max |f(s) - s| <= tol``). The nodes merely downstream of a cycle are then
  computed exactly, level by level, from the strengths the iteration settled on.

Edge weights multiply the strength that flows along the edge: an attacker of strength
``s`` over an edge of weight ``w`` counts as an attacker of strength ``w * s``. The
necessary supports of a compiled case (premises) are read by the weakest link instead
(:mod:`argmap.semantics.gradual.links`): they cap their argument's base score.

References
----------
T. Mossakowski, F. Neuhaus. Modular semantics and characteristics for bipolar weighted
argumentation graphs. arXiv:1807.06685, 2018.

N. Potyka. Continuous dynamical systems for weighted bipolar argumentation. KR 2018.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from argmap.semantics.gradual.links import WeakestLink
from argmap.semantics.gradual.qbaf import BipolarGraph, Block, Schedule, schedule

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


def _gathered(
    block: Block, t: FloatArray, weights: FloatArray | None, how: Aggregation
) -> FloatArray:
    """Aggregate of every node of ``block``: support minus attack (sum) or DF-QuAD's
    ``prod(1 - attack) - prod(1 - support)`` (product), one row per node.

    The strengths flowing in are gathered and each target's run is reduced in place
    by ``reduceat``. ``t`` is ``(N,)`` for one sample or node-major ``(N, S)``, so a
    node's samples are one contiguous row; ``weights`` are per edge, ``(E,)``,
    ``(E, S)`` or ``(E, 1)``, with the attacks negated for a sum (so one ``reduceat``
    folds supports and attacks together), or None for a product whose weights are
    all 1.
    """
    if how == "sum":
        flow = t[block.origins]
        if weights is not None:
            flow *= weights[block.edges]
        total: FloatArray = np.add.reduceat(flow, block.indptr[:-1], axis=0)
        return total
    # one product per run of block.bounds (supports, then attacks, of each node); a
    # spare last factor of 1 keeps an empty last run's index in range
    count = block.edges.size
    keep = np.empty((count + 1, *t.shape[1:]))
    np.take(t, block.origins, axis=0, out=keep[:count], mode="clip")  # valid indices
    if weights is not None:
        keep[:count] *= weights[block.edges]
    keep[count] = 0.0
    np.subtract(1.0, keep, out=keep)
    products = np.multiply.reduceat(keep, block.bounds[:-1], axis=0)
    products[block.empty_runs] = 1.0  # reduceat copies a value for an empty run
    # (1 - prod(1 - sup)) - (1 - prod(1 - att)); run 2i holds supports, 2i + 1 attacks
    diff: FloatArray = products[1::2] - products[0::2]
    return diff


_SPARSE_FROM = 4096
"""Blocks with fewer (incoming edges x samples) are aggregated by gathering: building
a sparse matrix costs more than gathering a few edges (measured in
bench/bench_gradual.py)."""
_SPARSE_SAMPLES = 16
"""DF-QuAD's products go through logarithms only from this many samples on; fewer
are gathered and multiplied exactly."""


def _log_keep_of_inputs(plan: Schedule, t: FloatArray) -> FloatArray:
    """``log(1 - t)`` for the nodes no level computes (nodes without inputs, cyclic
    nodes); each level's rows are written by :meth:`_Aggregator.update` once the
    level is done, before any later level reads them, so they are not computed
    twice."""
    given = np.ones(t.shape[0], dtype=bool)
    for block in (*plan.levels, *plan.after):
        given[block.nodes] = False
    out = np.empty_like(t)
    out[given] = np.log1p(-t[given])
    return out


class _Aggregator:
    """Aggregates for one call of :func:`propagate`.

    Sums with edge weights shared by every sample (the usual case: only base scores
    are sampled) are sparse matrix products: a block is already a CSR matrix (rows
    its nodes, columns the origins) holding ``+w`` for supports and ``-w`` for
    attacks, so ``M @ t`` gathers, weighs and adds in one compiled pass, for one
    sample or many. With many samples and every weight 1, DF-QuAD's products are
    ``exp(M @ log(1 - t))`` with one row per node and kind. Small blocks, other
    products, and weights that vary per sample are gathered and reduced with
    ``reduceat`` (:func:`_gathered`).
    """

    def __init__(
        self, g: BipolarGraph, plan: Schedule, t: FloatArray, wt: FloatArray, how: Aggregation
    ) -> None:
        self.n, self.how = len(g.ids), how
        shared = wt.ndim == 1 or wt.shape[1] == 1
        self.weights: FloatArray | None
        if how == "sum":
            self.weights = wt.copy()
            self.weights[: g.att_src.size] *= -1.0  # attacks count against
            self.sparse = shared
        else:
            plain = bool(np.all(wt == 1.0))
            self.weights = None if plain else wt
            self.sparse = plain and t.ndim == 2 and t.shape[1] >= _SPARSE_SAMPLES
        self.log_keep: FloatArray | None = None
        if self.sparse and how == "product":
            self.log_keep = _log_keep_of_inputs(plan, t)
        self._cache: dict[int, Any] = {}

    def _matrix(self, block: Block) -> Any:
        """A block's aggregation matrix, one row per node (sum) or per node and kind
        (product), columns the origins: the block's arrays as they are."""
        from scipy.sparse import csr_array

        key = id(block)
        if key not in self._cache:
            width, count = block.nodes.size, block.edges.size
            if self.weights is not None:  # sums: one row per node
                data = self.weights[block.edges].reshape(count)
                indptr, shape = block.indptr, (width, self.n)
            else:  # products: supports in row 2i, attacks in row 2i + 1
                data, indptr, shape = np.ones(count), block.bounds, (2 * width, self.n)
            self._cache[key] = csr_array((data, block.origins, indptr), shape=shape)
        return self._cache[key]

    def __call__(self, block: Block, t: FloatArray) -> FloatArray:
        samples = t.shape[1] if t.ndim == 2 else 1
        if not self.sparse or block.edges.size * samples < _SPARSE_FROM:
            return _gathered(block, t, self.weights, self.how)
        matrix = self._matrix(block)
        if self.log_keep is None:
            out: FloatArray = np.asarray(matrix @ t)
            return out
        keep = np.exp(np.asarray(matrix @ self.log_keep))
        diff: FloatArray = keep[1::2] - keep[0::2]
        return diff

    def localized(self, inputs: npt.NDArray[np.intp], block: Block) -> _Aggregator:
        """This aggregator for :func:`_compact`'s copy of ``block``: node ``inputs[i]``
        becomes node ``i`` and the block's edges ``0 .. E - 1``; values are unchanged,
        so every aggregate is the same, bit for bit."""
        local = copy.copy(self)
        local.n, local._cache = inputs.size, {}
        if self.weights is not None:
            local.weights = self.weights[block.edges]
        if self.log_keep is not None:
            local.log_keep = self.log_keep[inputs]
        return local

    def update(self, nodes: npt.NDArray[np.intp], t: FloatArray) -> None:
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
    # one sample: work on 1-D views, numpy's per-row overhead is then gone
    one = t.shape[1] == 1
    state, base_of = (t[:, 0], bt[:, 0]) if one else (t, bt)
    weights = wt[:, 0] if one else wt
    # premises (necessary supports) cap their argument's base instead of adding to it
    links = WeakestLink.of(g, weights)
    if links is not None:
        weights = links.aggregation_weights
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        aggregate = _Aggregator(g, plan, state, weights, how)
        _exactly(plan.levels, state, base_of, aggregate, influence, links)
        converged, rounds, residual = True, 0, 0.0
        if plan.cyclic is not None:
            if links is None:
                converged, rounds, residual = _compact(
                    plan.cyclic, state, base_of, aggregate, influence, tol, max_iter
                )
            else:  # the weakest link reads premises by their global numbers
                converged, rounds, residual = _iterate(
                    plan.cyclic, state, base_of, aggregate, influence, tol, max_iter, links
                )
        # downstream of the cyclic block: exact, from its (converged) strengths
        _exactly(plan.after, state, base_of, aggregate, influence, links)
    s = t.T  # (S, N), Fortran-ordered: a copy would cost as much as a level
    return GradualResult(s[0] if single else s, converged, rounds, residual)


def _exactly(
    levels: tuple[Block, ...],
    state: FloatArray,
    base_of: FloatArray,
    aggregate: _Aggregator,
    influence: Influence,
    links: WeakestLink | None,
) -> None:
    """Compute the strengths of ``levels`` in order, each level once from the
    strengths of the levels before it."""
    for block in levels:
        nodes = block.nodes
        b = base_of[nodes] if links is None else links.capped(nodes, base_of, state)
        state[nodes] = influence(b, aggregate(block, state))
        aggregate.update(nodes, state)


def _compact(
    block: Block,
    t: FloatArray,
    bt: FloatArray,
    aggregate: _Aggregator,
    influence: Influence,
    tol: float,
    max_iter: int,
) -> tuple[bool, int, float]:
    """:func:`_iterate` on a compact copy of the cyclic block: only its nodes and the
    nodes that feed it, renumbered ``0 .. k - 1``, then the results written back.

    Every round gathers the strengths of the block's origins; from the whole state
    (megabytes on a large graph) nearly every read misses the cache, from the compact
    copy far fewer do. The values gathered and the order of every operation are the
    same, so the results are identical.
    """
    inputs = np.unique(np.concatenate([block.origins, block.nodes]))
    local = Block(
        np.searchsorted(inputs, block.nodes),
        np.arange(block.edges.size),
        np.searchsorted(inputs, block.origins),
        block.indptr,
        block.attacks_from,
    )
    t_local = t[inputs]
    outcome = _iterate(
        local, t_local, bt[inputs], aggregate.localized(inputs, block), influence, tol, max_iter
    )
    t[block.nodes] = t_local[local.nodes]
    aggregate.update(block.nodes, t)
    return outcome


def _iterate(
    block: Block,
    t: FloatArray,
    bt: FloatArray,
    aggregate: _Aggregator,
    influence: Influence,
    tol: float,
    max_iter: int,
    links: WeakestLink | None = None,
) -> tuple[bool, int, float]:
    """Fixed point of ``s = f(s)`` on the cyclic nodes; returns (converged, rounds,
    residual), where a round is one evaluation of ``f`` and the residual is
    ``max |f(s) - s|``, the distance from a fixed point, so ``converged`` is honest.

    Plain Jacobi iteration ``s <- f(s)`` comes first: it is the fastest when ``f``
    contracts, as it does on most graphs. When a window of rounds fails to lower the
    residual (it oscillates, Potyka 2018, Sec. 4), the fixed point is taken as the
    limit of Potyka's continuous model ``ds/dt = f(s) - s`` instead, integrated by
    classical Runge-Kutta steps (as Uncertainpy does) whose length halves whenever a
    window of steps makes no progress. Both have the same fixed points.
    """
    nodes = block.nodes

    def drift() -> FloatArray:
        base = bt[nodes] if links is None else links.capped(nodes, bt, t)
        out: FloatArray = influence(base, aggregate(block, t)) - t[nodes]
        return out

    def move_to(values: FloatArray) -> None:
        t[nodes] = values
        aggregate.update(nodes, t)

    progress = _Progress()
    rounds, residual = 0, float("inf")
    while rounds < max_iter:  # Jacobi: s <- s + (f(s) - s)
        step = drift()
        rounds += 1
        residual = _largest(step)
        if not np.isfinite(residual) or residual <= tol:
            return residual <= tol, rounds, residual
        if progress.stalled(residual):
            break
        move_to(t[nodes] + step)
    h, progress = 1.0, _Progress()
    while rounds < max_iter:  # Runge-Kutta 4 on ds/dt = f(s) - s
        s0 = t[nodes].copy()
        k1 = drift()
        residual = _largest(k1)
        if not np.isfinite(residual) or residual <= tol:
            return residual <= tol, rounds + 1, residual
        move_to(s0 + 0.5 * h * k1)
        k2 = drift()
        move_to(s0 + 0.5 * h * k2)
        k3 = drift()
        move_to(s0 + h * k3)
        k4 = drift()
        rounds += 4
        move_to(s0 + (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4))
        if progress.stalled(residual) and h > _MIN_STEP:
            h *= 0.5
    return False, rounds, residual


def _largest(step: FloatArray) -> float:
    return float(np.max(np.abs(step))) if step.size else 0.0


_STEP_WINDOW = 16
"""Rounds (or Runge-Kutta steps) between two checks of progress."""
_MIN_STEP = 1.0 / 1024
"""The shortest Runge-Kutta step tried."""


class _Progress:
    """Tells whether a window's largest residual failed to fall below the previous
    window's: judged on the largest value, so an oscillation inside a window does
    not pass for progress or for a stall."""

    def __init__(self) -> None:
        self.count, self.worst, self.previous = 0, 0.0, float("inf")

    def stalled(self, residual: float) -> bool:
        self.count += 1
        self.worst = max(self.worst, residual)
        if self.count % _STEP_WINDOW:
            return False
        stalled = self.worst >= self.previous
        self.previous, self.worst = self.worst, 0.0
        return stalled
