"""Experimental designs: which combinations of factor levels and parameter values to run.

- :func:`full_factorial`: every combination of every factor's levels.
- :func:`fractional_iv`: a two-level fractional factorial of resolution IV (no main
  effect is aliased with another main effect or with any two-factor interaction;
  two-factor interactions may be aliased with each other), in ``2**m`` runs for ``k``
  factors with ``m`` the smallest number such that ``2**(m-1) >= k``. The generator:
  the first ``m`` factors are the base factors of a full ``2**m`` design; each further
  factor is the product of an odd number (3, 5, ...) of base factors, taken by size
  then in lexicographic order (``F = ABC``, ``G = ABD``, ...). A product of three such
  odd words has odd length, so it is never the identity: no defining word has length 3
  or less, which is resolution IV (the "even design" construction; for 12 factors it
  gives the 32-run minimum, ``2**(12-7)``).
- :func:`latin_hypercube`: ``n`` points in ``[0, 1)**d``, one in each of the ``n``
  strata of every dimension (McKay, Beckman & Conover 1979), seeded.

>>> design, generators = fractional_iv(5)
>>> design.shape, generators
((16, 5), ('E = ABC',))
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["fractional_iv", "full_factorial", "latin_hypercube"]

IntArray = npt.NDArray[np.int64]


def full_factorial(levels: Sequence[int]) -> IntArray:
    """Every combination of level indices, the last factor changing fastest.

    >>> full_factorial([2, 3]).tolist()
    [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]
    """
    if any(n < 1 for n in levels):
        raise ValueError("every factor needs at least one level")
    rows = list(itertools.product(*(range(n) for n in levels)))
    return np.array(rows, dtype=np.int64).reshape(len(rows), len(levels))


def fractional_iv(k: int) -> tuple[IntArray, tuple[str, ...]]:
    """A resolution-IV two-level design for ``k`` factors (0 = low, 1 = high) and its
    generators (``"F = ABC"``; none when the design is the full factorial).

    The first row has every factor low: the baseline is always one of the runs.
    """
    if not 1 <= k <= 2**15:
        raise ValueError("a fractional design needs 1 to 32768 factors")
    m = 1
    while 2 ** (m - 1) < k and m < k:
        m += 1
    if m >= k:
        return full_factorial([2] * k), ()
    base = full_factorial([2] * m)
    signs = 1 - 2 * base  # low -> +1 ... flipped below so the first row is all low
    words = [
        combo for size in range(3, m + 1, 2) for combo in itertools.combinations(range(m), size)
    ][: k - m]
    columns = [signs[:, j] for j in range(m)]
    columns += [np.prod(signs[:, list(word)], axis=1) for word in words]
    design = (1 - np.stack(columns, axis=1)) // 2  # +1 -> 0 (low), -1 -> 1 (high)
    names = _names(k)
    generators = tuple(
        f"{names[m + i]} = {''.join(names[j] for j in word)}" for i, word in enumerate(words)
    )
    return design.astype(np.int64), generators


def _names(k: int) -> list[str]:
    letters = string.ascii_uppercase
    if k <= len(letters):
        return list(letters[:k])
    return [f"X{i + 1}" for i in range(k)]


def latin_hypercube(n: int, d: int, seed: int) -> npt.NDArray[np.float64]:
    """``n`` points in ``[0, 1)**d``: each dimension has one point per stratum
    ``[i/n, (i+1)/n)``, the strata paired at random across dimensions.

    >>> points = latin_hypercube(4, 2, seed=0)
    >>> sorted((points[:, 0] * 4).astype(int).tolist())
    [0, 1, 2, 3]
    """
    if n < 1 or d < 0:
        raise ValueError("a Latin hypercube needs n >= 1 points")
    rng = np.random.default_rng(seed)
    strata = np.stack([rng.permutation(n) for _ in range(d)], axis=1) if d else np.zeros((n, 0))
    return (strata + rng.random((n, d))) / n
