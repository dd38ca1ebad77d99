"""Large abstract frameworks for the scaling tests and ``bench/bench_large.py``.

- :func:`admbuster`: the "admbuster" family of the ICCMA benchmarks, as in
  ``../shared/examples/iccma/admbuster_1000.af`` (provenance in
  ``../shared/examples/PROVENANCE.md``): an argument ``a`` attacked by ``b1`` and
  ``c1``; ``b(i+1)`` attacks ``b(i)`` and ``c(i+1)`` attacks ``c(i)``, crosswise too
  (``b(i+1) -> c(i)``, ``c(i+1) -> b(i)``) at every even ``i``; a last argument ``d``
  attacks ``b(k)`` and ``c(k)``. About 1.5 attacks per argument, a long chain.
- :func:`dense_random`: ``m`` distinct random attacks among ``n`` arguments (self
  attacks allowed), like the dense ICCMA instances.

Arguments are numbered from 1 as in the ICCMA ``af`` format.
"""

from __future__ import annotations

import random

__all__ = ["admbuster", "dense_random", "write_af_text"]


def admbuster(n: int) -> tuple[list[str], list[tuple[int, int]]]:
    """Names and attacks ``(attacker, attacked)`` of the admbuster framework of about
    ``n`` arguments (``2k + 2`` with ``k = (n - 2) // 2``)."""
    k = max(1, (n - 2) // 2)
    names = ["a"] + [x for i in range(1, k + 1) for x in (f"b{i}", f"c{i}")] + ["d"]
    last = len(names)
    attacks = [(2, 1), (3, 1)]
    for i in range(1, k):
        b, c, b_next, c_next = 2 * i, 2 * i + 1, 2 * i + 2, 2 * i + 3
        attacks += [(b_next, b), (c_next, c)]
        if i % 2 == 0:
            attacks += [(b_next, c), (c_next, b)]
    attacks += [(last, 2 * k), (last, 2 * k + 1)]
    return names, attacks


def dense_random(n: int, m: int, seed: int = 1) -> tuple[list[str], list[tuple[int, int]]]:
    """``n`` arguments and ``m`` distinct random attacks among them, sorted."""
    if m > n * n:
        raise ValueError(f"at most {n * n} attacks among {n} arguments")
    rng = random.Random(seed)
    attacks: set[tuple[int, int]] = set()
    while len(attacks) < m:
        attacks.add((rng.randint(1, n), rng.randint(1, n)))
    return [str(i) for i in range(1, n + 1)], sorted(attacks)


def write_af_text(names: list[str], attacks: list[tuple[int, int]]) -> str:
    """The framework in the ICCMA ``af`` format, each argument's name as a comment."""
    lines = [f"p af {len(names)}", *(f"# {x}" for x in names)]
    lines += [f"{s} {d}" for s, d in attacks]
    return "\n".join(lines) + "\n"
