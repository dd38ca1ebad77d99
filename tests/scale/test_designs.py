"""Designs: the fractional factorial is resolution IV, the Latin hypercube stratified."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.scale.designs import fractional_iv, full_factorial, latin_hypercube


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=20))
def test_fractional_design_is_resolution_iv(k: int) -> None:
    design, generators = fractional_iv(k)
    x = 1 - 2 * design  # +1 low, -1 high
    runs = x.shape[0]
    assert design.shape[1] == k and (design[0] == 0).all()  # the baseline is a run
    assert len(generators) == (0 if runs == 2**k else k - int(np.log2(runs)))
    assert runs == 2 ** int(np.ceil(np.log2(2 * k)))  # the fewest runs resolution IV allows
    for i, j in itertools.combinations(range(k), 2):
        assert x[:, i] @ x[:, j] == 0  # main effects clear of each other
    for i in range(k):
        assert x[:, i].sum() == 0  # balanced
        for a, b in itertools.combinations([f for f in range(k) if f != i], 2):
            assert x[:, i] @ (x[:, a] * x[:, b]) == 0  # ... and of every interaction


def test_twelve_toggles_take_thirty_two_runs_with_named_generators() -> None:
    design, generators = fractional_iv(12)
    assert design.shape == (32, 12)
    assert generators[:2] == ("F = ABC", "G = ABD")
    # a design of resolution V would clear interactions of each other too: this is IV
    x = 1 - 2 * design
    pairs = [x[:, a] * x[:, b] for a, b in itertools.combinations(range(12), 2)]
    assert any(abs(p @ q) == 32 for p, q in itertools.combinations(pairs, 2))


def test_full_factorial_counts_every_combination() -> None:
    design = full_factorial([2, 3, 2])
    assert design.shape == (12, 3)
    assert len({tuple(r) for r in design.tolist()}) == 12


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=1, max_value=5))
def test_latin_hypercube_has_one_point_per_stratum(n: int, d: int) -> None:
    points = latin_hypercube(n, d, seed=n * 7 + d)
    assert points.shape == (n, d) and ((points >= 0) & (points < 1)).all()
    for column in points.T:
        assert sorted(np.floor(column * n).astype(int).tolist()) == list(range(n))
    assert (latin_hypercube(n, d, seed=n * 7 + d) == points).all()
