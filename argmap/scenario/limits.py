"""The bounds on Monte Carlo settings, one rule for scenario files and the command line.

A scenario file's ``samples:`` and ``seed:`` and the command line's ``--samples`` and
``--seed`` are checked by the same functions here, so the same value is accepted or
refused the same way, with the same words, wherever it is written.

``MAX_SAMPLES`` keeps a run's memory and time bounded: draws are evaluated in chunks,
so working memory does not grow with the sample count, and the per-claim summaries a
comparison keeps grow only with the claims (see :mod:`argmap.scenario.uncertainty`).

>>> check_samples(1000)
1000
>>> check_seed(-1)
Traceback (most recent call last):
...
ValueError: must be a whole number from 0 to 9223372036854775807 (got -1)
"""

from __future__ import annotations

__all__ = ["MAX_SAMPLES", "MAX_SEED", "check_samples", "check_seed"]

MAX_SAMPLES = 10_000_000
"""The most Monte Carlo samples one run may draw."""

MAX_SEED = 2**63 - 1
"""The largest seed (numpy's SeedSequence takes any non-negative integer; 63 bits keep
it exact in JSON readers that use signed 64-bit integers)."""


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number (got {value!r})")
    return value


def check_samples(value: object) -> int:
    """``value`` if it is a sample count from 1 to :data:`MAX_SAMPLES`, else ValueError."""
    n = _whole(value)
    if not 1 <= n <= MAX_SAMPLES:
        raise ValueError(f"must be a whole number from 1 to {MAX_SAMPLES:,} (got {n})")
    return n


def check_seed(value: object) -> int:
    """``value`` if it is a seed from 0 to :data:`MAX_SEED`, else ValueError."""
    n = _whole(value)
    if not 0 <= n <= MAX_SEED:
        raise ValueError(f"must be a whole number from 0 to {MAX_SEED} (got {n})")
    return n
