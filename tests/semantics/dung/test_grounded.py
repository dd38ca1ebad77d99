"""Grounded labelling on larger frameworks against the characteristic function."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics.dung import (
    AF,
    IN,
    OUT,
    UNDEC,
    extensions,
    grounded_extension,
    grounded_labelling,
)
from argmap.semantics.dung.af import IntArray
from argmap.semantics.dung.labelling import grounded_labels_batch
from tests.semantics.dung.strategies import frameworks


def _least_fixpoint(af: AF) -> set[int]:
    """Iterate Dung's characteristic function from the empty set (the definition)."""
    members = np.zeros(af.n, dtype=bool)
    while True:
        attacked = np.zeros(af.n, dtype=bool)
        attacked[af.dst[members[af.src]]] = True
        undefended = np.zeros(af.n, dtype=bool)
        undefended[af.dst[~attacked[af.src]]] = True
        nxt = ~undefended
        if np.array_equal(nxt, members):
            return set(np.flatnonzero(members).tolist())
        members = nxt


def _random(n: int, m: int, seed: int) -> AF:
    rng = np.random.default_rng(seed)
    return AF.from_arrays(n, rng.integers(0, n, m), rng.integers(0, n, m))


def _chain(n: int) -> tuple[IntArray, IntArray]:
    src = np.arange(n - 1, dtype=np.int32)
    return src, src + 1


@pytest.mark.parametrize(("n", "m", "seed"), [(50, 40, 0), (2000, 1500, 1), (3000, 9000, 2)])
def test_random_frameworks_match_fixpoint(n: int, m: int, seed: int) -> None:
    af = _random(n, m, seed)
    assert grounded_extension(af) == _least_fixpoint(af)


def test_long_chain_alternates() -> None:
    # many narrow waves: the list-based path
    src, dst = _chain(10_001)
    label = grounded_labelling(AF.from_arrays(10_001, src, dst))
    assert (label[0::2] == IN).all() and (label[1::2] == OUT).all()


def test_many_chains_in_parallel_then_a_narrow_tail() -> None:
    # 100 parallel chains (wide waves, numpy path) feeding one long chain (narrow)
    width, length, tail = 100, 30, 501
    src: list[int] = []
    dst: list[int] = []
    for c in range(width):
        base = c * length
        src += list(range(base, base + length - 1))
        dst += list(range(base + 1, base + length))
    start = width * length
    for c in range(width):
        src.append(c * length + length - 1)
        dst.append(start)
    src += list(range(start, start + tail - 1))
    dst += list(range(start + 1, start + tail))
    af = AF.from_arrays(start + tail, src, dst)
    assert grounded_extension(af) == _least_fixpoint(af)


def test_cycles_stay_undecided() -> None:
    af = AF.from_pairs("abcde", [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "e")])
    assert grounded_labelling(af).tolist() == [UNDEC] * 5
    assert grounded_extension(AF.from_arrays(0, [], [])) == frozenset()


@pytest.mark.parametrize(
    ("n", "m", "seed"), [(0, 0, 3), (1, 1, 4), (60, 45, 5), (500, 1500, 6), (3000, 9000, 7)]
)
def test_plain_list_and_numpy_paths_agree(
    n: int, m: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small frameworks are labelled on plain lists, large ones with numpy waves."""
    import argmap.semantics.dung.labelling as module

    af = _random(n, m, seed)
    monkeypatch.setattr(module, "_LISTS_UP_TO", 10**9)
    on_lists = grounded_labelling(af)
    monkeypatch.setattr(module, "_LISTS_UP_TO", -1)
    with_numpy = grounded_labelling(af)
    assert on_lists.dtype == with_numpy.dtype == np.int8
    assert np.array_equal(on_lists, with_numpy)
    assert set(np.flatnonzero(on_lists == IN).tolist()) == _least_fixpoint(af)


def test_narrow_and_wide_phases_alternate() -> None:
    # a chain (narrow, worklist) fans out to 5,000 arguments (wide, numpy), each of
    # which feeds a chain of its own that ends in one long chain again (narrow)
    from argmap.semantics.dung.labelling import _labelling_on_lists

    rng = np.random.default_rng(7)
    head = 3_000
    src = list(range(head - 1))
    dst = list(range(1, head))
    fan = np.arange(head, head + 5_000)
    src += [head - 1] * fan.size
    dst += fan.tolist()
    tail = head + 5_000
    src += fan.tolist()
    dst += (tail + rng.integers(0, 50, fan.size)).tolist()
    src += list(range(tail, tail + 3_000))
    dst += list(range(tail + 1, tail + 3_001))
    af = AF.from_arrays(tail + 3_001, src, dst)
    assert np.array_equal(grounded_labelling(af), _labelling_on_lists(af))


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_batched_grounded_labels_match_one_framework_at_a_time(data: st.DataObject) -> None:
    # many samples of one set of attacks, each sample with its own active subset
    n = data.draw(st.integers(1, 9))
    pairs = data.draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=20)
    )
    src = np.array([a for a, _ in pairs], dtype=np.int32)
    dst = np.array([b for _, b in pairs], dtype=np.int32)
    samples = data.draw(st.integers(1, 6))
    active = np.array(
        [[data.draw(st.booleans()) for _ in pairs] for _ in range(samples)], dtype=bool
    ).reshape(samples, len(pairs))
    batch = grounded_labels_batch(n, src, dst, active)
    for s in range(samples):
        one = AF.from_arrays([str(i) for i in range(n)], src[active[s]], dst[active[s]])
        assert batch[s].tolist() == list(grounded_labelling(one))


@settings(max_examples=40, deadline=None)
@given(frameworks(max_n=8))
def test_one_function_per_semantics_agrees_with_the_dispatch(fb: tuple[AF, Any]) -> None:
    from argmap.semantics import dung

    af, _ = fb
    assert dung.grounded(af) == frozenset(grounded_extension(af))
    assert dung.ideal(af) == frozenset(next(iter(extensions(af, "ideal"))))
    for name, function in (
        ("complete", dung.complete),
        ("preferred", dung.preferred),
        ("stable", dung.stable),
        ("semi-stable", dung.semi_stable),
        ("stage", dung.stage),
    ):
        found = function(af)
        assert found == sorted(found, key=sorted)
        assert set(found) == set(extensions(af, name))
