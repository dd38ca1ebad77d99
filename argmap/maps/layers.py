"""Arrange the overview's issue boxes on a page: layers within a box, boxes in rows.

Graphviz ranks nodes by the longest path, which puts every supporter of a claim on one
rank: an issue with ten premises for one conclusion becomes a row ten boxes wide, and
boxes of unrelated issues line up side by side until the figure is several pages wide.
For a one-page figure argmap chooses the ranks itself and hands them to Graphviz
(``rank=same`` groups on an invisible spine):

1. Within each issue, claims are layered so that a claim sits above those that support,
   undercut or undermine it, with at most ``cap`` claims per layer (the Coffman-Graham
   idea of layering under a width bound: Coffman and Graham, "Optimal scheduling for
   two-processor systems", *Acta Informatica* 1, 1972; here as a greedy list
   schedule). A rebuttal between two claims does not order them: rivals stand side by
   side.
2. The issue boxes are packed into rows of at most ``slots`` claims' width, widest
   first (first-fit decreasing, the classic shelf-packing heuristic), and the rows are
   stacked, each starting on the layer after the previous row's last.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Arrangement", "arrange", "width_cap"]

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Arrangement(Generic[K]):
    """Where each claim goes: its global layer, which boxes share each row, how many
    layers there are and how many claims wide each box is."""

    layer: dict[str, int]
    rows: list[list[K]]
    layers: int
    widths: dict[K, int]


def width_cap(n: int, slots: int) -> int:
    """Most claims side by side in a box of ``n`` claims: about ``sqrt(2n)``, so a big
    box is roughly twice as wide as tall (claim boxes are wider than high), and never
    more than a row holds.

    >>> [width_cap(n, 7) for n in (1, 3, 4, 13, 40)]
    [1, 3, 3, 6, 7]
    """
    return max(1, min(slots, n, math.ceil(math.sqrt(2 * n))))


def _acyclic(members: Sequence[str], above: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """``parents[x]``: the members that must sit above ``x``; edges closing a cycle are
    dropped (the first-listed edge of a cycle wins)."""
    inside = set(members)
    parents: dict[str, list[str]] = {m: [] for m in members}
    children: dict[str, list[str]] = {m: [] for m in members}

    def reaches(start: str, goal: str) -> bool:
        stack, seen = [start], {start}
        while stack:
            here = stack.pop()
            if here == goal:
                return True
            for nxt in children[here]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return False

    for upper, lower in above:
        if upper not in inside or lower not in inside or upper == lower:
            continue
        if lower in parents and upper in parents[lower]:
            continue
        if reaches(lower, upper):  # would close a cycle
            continue
        parents[lower].append(upper)
        children[upper].append(lower)
    return parents


def _layer_box(
    members: Sequence[str], above: Sequence[tuple[str, str]], cap: int
) -> dict[str, int]:
    parents = _acyclic(members, above)
    depth: dict[str, int] = {}

    def longest(node: str) -> int:
        if node not in depth:
            depth[node] = 1 + max((longest(p) for p in parents[node]), default=-1)
        return depth[node]

    for m in members:
        longest(m)
    position = {m: i for i, m in enumerate(members)}
    layer: dict[str, int] = {}
    filled: dict[int, int] = {}
    for node in sorted(members, key=lambda m: (depth[m], position[m])):
        at = 1 + max((layer[p] for p in parents[node]), default=-1)
        while filled.get(at, 0) >= cap:
            at += 1
        layer[node] = at
        filled[at] = filled.get(at, 0) + 1
    return layer


def arrange(
    boxes: Mapping[K, Sequence[str]], above: Sequence[tuple[str, str]], slots: int
) -> Arrangement[K]:
    """Layer every box's claims and pack the boxes in rows.

    Parameters
    ----------
    boxes
        Claim ids per box (issue), in the order to prefer.
    above
        ``(upper, lower)`` pairs: ``upper`` should sit above ``lower`` (used only when
        both are in one box).
    slots
        How many claims fit side by side across the page.

    >>> a = arrange({"I": ["c", "p1", "p2", "p3"], "J": ["d"]},
    ...             [("c", "p1"), ("c", "p2"), ("c", "p3")], slots=2)
    >>> a.layer, a.rows, a.layers
    ({'c': 0, 'p1': 1, 'p2': 1, 'p3': 2, 'd': 3}, [['I'], ['J']], 4)
    """
    local: dict[K, dict[str, int]] = {}
    size: dict[K, tuple[int, int]] = {}
    for key, members in boxes.items():
        if not members:
            continue
        layer = _layer_box(members, above, width_cap(len(members), slots))
        counts: dict[int, int] = {}
        for at in layer.values():
            counts[at] = counts.get(at, 0) + 1
        local[key] = layer
        size[key] = (max(counts.values()), max(layer.values()) + 1)
    capacity = max([slots, *(w for w, _ in size.values())])
    index = {key: i for i, key in enumerate(boxes)}
    order = sorted(local, key=lambda k: (-size[k][0], -size[k][1], index[k]))
    rows: list[list[K]] = []
    room: list[int] = []
    for key in order:
        width = size[key][0]
        for i, left in enumerate(room):
            if width <= left:
                rows[i].append(key)
                room[i] -= width
                break
        else:
            rows.append([key])
            room.append(capacity - width)
    offset = 0
    result: dict[str, int] = {}
    for row in rows:
        for key in row:
            for node, at in local[key].items():
                result[node] = offset + at
        offset += max(size[key][1] for key in row)
    # keep the caller's box order within each row
    rows = [sorted(row, key=index.__getitem__) for row in rows]
    return Arrangement(result, rows, offset, {key: w for key, (w, _) in size.items()})
