"""Weakly connected components (the numpy union-find) against a breadth-first search."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics.dung import AF
from argmap.semantics.dung.reduce import components


def bfs_components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    seen = [False] * n
    parts = []
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        todo, part = [start], []
        while todo:
            a = todo.pop()
            part.append(a)
            for b in neighbours[a]:
                if not seen[b]:
                    seen[b] = True
                    todo.append(b)
        parts.append(sorted(part))
    return parts


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 60).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=80),
        )
    )
)
def test_components_match_bfs(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, pairs = case
    af = AF.from_arrays(n, [a for a, _ in pairs], [b for _, b in pairs])
    assert [c.tolist() for c in components(af)] == bfs_components(n, pairs)


def test_long_shuffled_path_is_one_component() -> None:
    # a path visiting the arguments in random order: the worst case for label spreading
    order = np.random.default_rng(5).permutation(20_000)
    af = AF.from_arrays(20_000, order[:-1], order[1:])
    parts = components(af)
    assert len(parts) == 1 and parts[0].tolist() == list(range(20_000))


def test_empty_framework_has_no_components() -> None:
    assert components(AF.from_arrays(0, [], [])) == []
