"""Monte Carlo memory stays bounded: draws are folded chunk by chunk into fixed-size
per-claim totals, so ten times the samples takes no more memory; the summaries read
from those totals agree with the exact ones; one sample cap everywhere."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from argmap.errors import SolverError
from argmap.io.casefile import load
from argmap.scenario.comparison import Comparison
from argmap.scenario.limits import MAX_SAMPLES
from argmap.scenario.runner import compare
from argmap.scenario.uncertainty import monte_carlo

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"


def _peak_bytes(samples: int) -> int:
    case = load(SAMPLE)
    tracemalloc.start()
    try:
        comparison: Comparison = compare(
            case, [], samples=samples, seed=3, progress=False, keep_samples=False
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert comparison.samples == samples
    return peak


def test_ten_times_the_samples_takes_no_more_memory() -> None:
    _peak_bytes(1000)  # imports and caches out of the way
    small, large = _peak_bytes(30_000), _peak_bytes(300_000)
    # kept per-sample arrays would add 270,000 x 2 claims x 9 bytes (~4.6 MiB) and a
    # copy when stacked; folded totals add nothing
    assert large < small + 1024 * 1024, (small, large)


def test_summaries_from_the_totals_match_the_exact_ones() -> None:
    case = load(SAMPLE)
    kept = monte_carlo(case, 20_000, seed=5, progress=False, keep_samples=True)
    folded = monte_carlo(case, 20_000, seed=5, progress=False, keep_samples=False)
    assert folded.strengths is None and folded.met is None
    assert kept.strengths is not None and kept.met is not None
    for j, claim in enumerate(kept.claims):
        column = kept.strengths[:, j]
        summary = folded.summary(claim)
        exact = np.quantile(column, (0.05, 0.5, 0.95))
        assert [summary.q05, summary.q50, summary.q95] == pytest.approx(exact, abs=1e-4)
        assert summary.mean == pytest.approx(float(column.mean()), abs=1e-12)
        if kept.has_standard[j]:
            assert summary.p_standard == float(kept.met[:, j].mean())
        assert kept.summary(claim) == summary


def test_the_library_keeps_the_same_cap() -> None:
    with pytest.raises(SolverError, match="samples: must be a whole number from 1 to 10,000,000"):
        monte_carlo(load(SAMPLE), MAX_SAMPLES + 1, seed=1, progress=False)
