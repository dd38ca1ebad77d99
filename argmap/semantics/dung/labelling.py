"""Grounded labelling in linear time (Dung 1995; Caminada 2006 labellings).

The grounded extension is the least fixed point of Dung's characteristic function.
Its labelling (Caminada 2006) is found by unit propagation: an argument is ``in`` once
every attacker is ``out``, and ``out`` once some attacker is ``in``; what is left is
``undec``. Each argument keeps a counter of attackers not yet ``out``; every attack is
looked at a constant number of times, so the run is linear in arguments plus attacks.

Wide frontiers (random graphs, where most of the work happens in a few waves) are
processed with numpy gathers over the CSR arrays; narrow frontiers (long chains, where
there are as many waves as arguments) fall back to a worklist loop over memoryviews of
the same arrays, because a numpy call per wave would cost more than the wave itself
(and copying the arrays into lists for the loop cost more than the loop on a 50,000
argument chain); the loop hands back to numpy when a wave gets wide. Frameworks of up
to :data:`_LISTS_UP_TO` arguments are labelled on plain lists from start to finish: at
that size the numpy calls (and numpy scalar access) cost more than the whole run.

References
----------
P. M. Dung. On the acceptability of arguments and its fundamental role in nonmonotonic
reasoning, logic programming and n-person games. Artificial Intelligence 77(2), 1995.

M. Caminada. On the issue of reinstatement in argumentation. JELIA 2006, LNCS 4160.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from argmap.semantics.dung.af import AF, IntArray

__all__ = [
    "IN",
    "OUT",
    "UNDEC",
    "grounded_extension",
    "grounded_labelling",
    "grounded_labels_batch",
    "labelling_of",
]

IN: int = 1
OUT: int = -1
UNDEC: int = 0

Labelling = npt.NDArray[np.int8]

# Below this many arguments in a wave the list-based loop beats numpy's call overhead.
_NARROW = 48
# Up to this many arguments the whole labelling runs on plain lists (measured on the
# bench frameworks: about twice as fast at 100 and 1,000 arguments; numpy wins on wide
# random frameworks from about 4,000).
_LISTS_UP_TO = 2048


def _gather(indptr: IntArray, indices: IntArray, rows: IntArray) -> IntArray:
    """Concatenate ``indices[indptr[r]:indptr[r+1]]`` over ``rows`` without a loop."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    total = int(lengths.sum(dtype=np.int64))
    if total == 0:
        return np.empty(0, dtype=np.int32)
    starts = starts.astype(np.int64)
    lengths = lengths.astype(np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return indices[offsets + np.arange(total, dtype=np.int64)]


def grounded_labelling(af: AF) -> Labelling:
    """The grounded labelling of ``af``: 1 = in, -1 = out, 0 = undec, per argument.

    Runs in time linear in the number of arguments and attacks.

    Parameters
    ----------
    af : AF
        The framework.

    Returns
    -------
    ndarray of int8, shape (n,)

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> af = AF.from_pairs("abcd", [("a", "b"), ("b", "c"), ("d", "d")])
    >>> grounded_labelling(af).tolist()
    [1, -1, 1, 0]

    References
    ----------
    Dung 1995 (grounded extension); Caminada 2006 (labellings).
    """
    n = af.n
    if n <= _LISTS_UP_TO:
        return _labelling_on_lists(af)
    label = np.zeros(n, dtype=np.int8)
    t_ptr, t_idx = af.targets_indptr, af.targets_indices
    # live[j] = attackers of j that are not yet out
    live = np.diff(af.attackers_indptr)
    frontier: IntArray = np.flatnonzero(live == 0).astype(np.int32)
    while frontier.size:
        # an argument can become ready for ``in`` and be beaten to ``out`` in one wave
        frontier = frontier[label[frontier] == UNDEC]
        if frontier.size >= _NARROW:
            label[frontier] = IN
            hit = _gather(t_ptr, t_idx, frontier)
            hit = hit[label[hit] == UNDEC]
            if hit.size == 0:
                break
            new_out = np.unique(hit)
            label[new_out] = OUT
            reached = _gather(t_ptr, t_idx, new_out)
            if reached.size == 0:
                break
            nodes, counts = np.unique(reached, return_counts=True)
            live[nodes] -= counts
            frontier = nodes[(live[nodes] == 0) & (label[nodes] == UNDEC)]
        else:
            frontier = _narrow_waves(frontier.tolist(), t_ptr, t_idx, label, live, n >> 6)
    return label


def _labelling_on_lists(af: AF) -> Labelling:
    """The same propagation as a worklist alone (:func:`_narrow_waves` with no wave
    ever wide enough to hand back to numpy), for small frameworks."""
    label = np.zeros(af.n, dtype=np.int8)
    live = np.diff(af.attackers_indptr)
    frontier = np.flatnonzero(live == 0).tolist()
    _narrow_waves(frontier, af.targets_indptr, af.targets_indices, label, live, af.n + 1)
    return label


def _narrow_waves(
    frontier: list[int],
    t_ptr: IntArray,
    t_idx: IntArray,
    label: Labelling,
    live: IntArray,
    wide: int,
) -> IntArray:
    """Propagate from ``frontier`` argument by argument until a wave gets wide.

    A worklist over memoryviews of the arrays: reading and writing them element by
    element costs what a Python list does, without copying them into lists (tens of
    bytes per element) and back. Returns the next wave once it holds ``wide`` or more
    arguments (numpy's turn again), or an empty array when propagation is over.
    """
    ptr, idx = t_ptr.data, t_idx.data
    lab, cnt = label.data, live.data
    wide = max(wide, _NARROW)
    while frontier and len(frontier) < wide:
        next_in: list[int] = []
        for a in frontier:
            if lab[a] != UNDEC:
                continue
            lab[a] = IN
            for k in range(ptr[a], ptr[a + 1]):
                b = idx[k]
                if lab[b] != UNDEC:
                    continue
                lab[b] = OUT
                for m in range(ptr[b], ptr[b + 1]):
                    c = idx[m]
                    cnt[c] -= 1
                    if cnt[c] == 0 and lab[c] == UNDEC:
                        next_in.append(c)
        frontier = next_in
    return np.asarray(frontier, dtype=np.int32)


def grounded_extension(af: AF) -> frozenset[int]:
    """The grounded extension (Dung 1995): the arguments labelled ``in``.

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> sorted(grounded_extension(AF.from_pairs("abc", [("a", "b"), ("b", "c")])))
    [0, 2]
    """
    return frozenset(np.flatnonzero(grounded_labelling(af) == IN).tolist())


def labelling_of(af: AF, extension: frozenset[int] | set[int]) -> Labelling:
    """The labelling that a set of arguments induces (Caminada 2006, Ext2Lab).

    Members are ``in``; arguments attacked by a member are ``out``; the rest ``undec``.
    For a complete extension this is its complete labelling.
    """
    label = np.zeros(af.n, dtype=np.int8)
    members = np.fromiter(extension, dtype=np.int32, count=len(extension))
    if members.size:
        inside = np.zeros(af.n, dtype=bool)
        inside[members] = True
        label[af.dst[inside[af.src]]] = OUT
        label[members] = IN
    return label


def grounded_labels_batch(
    n: int,
    src: npt.NDArray[np.int32],
    dst: npt.NDArray[np.int32],
    active: npt.NDArray[np.bool_],
) -> npt.NDArray[np.int8]:
    """Grounded labellings of many frameworks over the same ``n`` nodes at once.

    Sample ``s`` has the attacks ``src[e] -> dst[e]`` where ``active[s, e]``. The
    labelling is built in rounds for every sample together (Caminada 2006): a node
    becomes ``in`` (1) once no active attacker of it is other than ``out``, and
    ``out`` (-1) once an active attacker is ``in``; what is left is ``undec`` (0). Each
    round costs one pass over ``active``; there are at most as many rounds as the
    longest chain of the labelling, so many small frameworks (Monte Carlo samples of
    one case, each with its own defeats) cost far less than one call each.

    Examples
    --------
    >>> import numpy as np
    >>> src, dst = np.array([0, 1], np.int32), np.array([1, 2], np.int32)
    >>> grounded_labels_batch(3, src, dst, np.array([[True, True], [False, True]])).tolist()
    [[1, -1, 1], [1, 1, -1]]
    """
    samples = active.shape[0]
    labels = np.zeros((samples, n), dtype=np.int8)
    order = np.argsort(dst, kind="stable")
    s_src, s_dst, on = src[order], dst[order], active[:, order]
    attacked = np.zeros(n, dtype=bool)
    attacked[s_dst] = True
    labels[:, ~attacked] = 1
    if s_dst.size == 0:
        return labels
    targets, starts = np.unique(s_dst, return_index=True)
    while True:
        origin = labels[:, s_src]
        some_in = np.logical_or.reduceat(on & (origin == 1), starts, axis=1)
        some_live = np.logical_or.reduceat(on & (origin != -1), starts, axis=1)
        current = labels[:, targets]
        undecided = current == 0
        updated = current.copy()
        updated[undecided & some_in] = -1
        updated[undecided & ~some_live] = 1
        if np.array_equal(updated, current):
            return labels
        labels[:, targets] = updated
