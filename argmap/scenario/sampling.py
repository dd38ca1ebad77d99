"""Drawing parameter values from their distributions, and their quantiles.

Draws come from a :class:`numpy.random.Generator` handed in by the caller, so a run is
reproducible from its seed. Parameters are drawn in the case's order, each as one
vector, which keeps a chunk's draws independent of how many parameters follow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from argmap.model import Beta, Choice, Parameter, Triangular, TruncatedNormal, Uniform
from argmap.model.parameters import Distribution

__all__ = ["draw", "draw_parameters", "quantile"]


def draw(distribution: Distribution, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` independent values from ``distribution``.

    >>> rng = np.random.default_rng(0)
    >>> values = draw(Uniform(low=0.2, high=0.4), 1000, rng)
    >>> bool(values.min() >= 0.2 and values.max() <= 0.4)
    True
    """
    if isinstance(distribution, Uniform):
        return rng.uniform(distribution.low, distribution.high, n)
    if isinstance(distribution, Triangular):
        return rng.triangular(distribution.low, distribution.mode, distribution.high, n)
    if isinstance(distribution, Beta):
        return rng.beta(distribution.a, distribution.b, n)
    if isinstance(distribution, TruncatedNormal):
        # inverse CDF of the truncated normal: exact in the tails, one uniform per draw
        return _truncnorm_ppf(distribution, rng.random(n))
    if isinstance(distribution, Choice):
        values = np.asarray(distribution.values, dtype=np.float64)
        return rng.choice(values, size=n, p=distribution.probabilities)
    raise TypeError(f"unknown distribution {distribution!r}")  # pragma: no cover


def draw_parameters(
    parameters: Iterable[Parameter], n: int, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """A vector of ``n`` draws for each parameter that has a distribution."""
    return {p.id: draw(p.distribution, n, rng) for p in parameters if p.distribution is not None}


def quantile(distribution: Distribution, q: float) -> float:
    """The ``q``-quantile of ``distribution`` (0 <= q <= 1).

    >>> quantile(Uniform(low=0.0, high=2.0), 0.25)
    0.5
    """
    if not 0.0 <= q <= 1.0:
        raise ValueError("q must be in [0, 1]")
    if isinstance(distribution, Uniform):
        return distribution.low + q * (distribution.high - distribution.low)
    if isinstance(distribution, Triangular):
        low, mode, high = distribution.low, distribution.mode, distribution.high
        split = (mode - low) / (high - low)
        if q <= split:
            return float(low + np.sqrt(q * (high - low) * (mode - low)))
        return float(high - np.sqrt((1 - q) * (high - low) * (high - mode)))
    if isinstance(distribution, Beta):
        from scipy.stats import beta

        return float(beta.ppf(q, distribution.a, distribution.b))
    if isinstance(distribution, TruncatedNormal):
        return float(_truncnorm_ppf(distribution, np.array([q]))[0])
    if isinstance(distribution, Choice):
        values = np.asarray(distribution.values, dtype=np.float64)
        probs = np.asarray(
            distribution.probabilities or [1.0 / len(values)] * len(values), dtype=np.float64
        )
        order = np.argsort(values, kind="stable")
        cdf = np.cumsum(probs[order])
        k = int(np.searchsorted(cdf, q - 1e-12, side="left"))
        return float(values[order][min(k, len(values) - 1)])
    raise TypeError(f"unknown distribution {distribution!r}")  # pragma: no cover


def _truncnorm_ppf(d: TruncatedNormal, u: np.ndarray) -> np.ndarray:
    from scipy.stats import truncnorm

    a = (d.low - d.mean) / d.sd
    b = (d.high - d.mean) / d.sd
    return np.asarray(truncnorm.ppf(u, a, b, loc=d.mean, scale=d.sd), dtype=np.float64)


def ranges(
    parameters: Iterable[Parameter], low: float = 0.05, high: float = 0.95
) -> Mapping[str, tuple[float, float]]:
    """The ``[low, high]`` quantile range of each parameter that has a distribution."""
    return {
        p.id: (quantile(p.distribution, low), quantile(p.distribution, high))
        for p in parameters
        if p.distribution is not None
    }
