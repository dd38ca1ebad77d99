"""Hypothesis strategies for random Dung frameworks (tests only)."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.semantics.dung import AF
from tests.semantics.dung.brute import Brute


@st.composite
def frameworks(draw: st.DrawFn, max_n: int = 12) -> tuple[AF, Brute]:
    """Random frameworks, biased towards mutual attacks and self-attacks.

    Those are what separate the semantics (ideal from grounded, semi-stable from
    preferred, stage from stable); uniform random graphs rarely have them.
    """
    n = draw(st.integers(0, max_n))
    if n == 0:
        return AF.from_arrays(0, [], []), Brute(0, [])
    size = draw(st.sampled_from([0.1, 0.2, 0.35])) * n * n
    arg = st.integers(0, n - 1)
    pairs = draw(st.lists(st.tuples(arg, arg), max_size=max(1, int(size))))
    flips = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs)))
    pairs += [(b, a) for (a, b), flip in zip(pairs, flips, strict=True) if flip]
    pairs += [(a, a) for a in draw(st.sets(arg, max_size=max(1, n // 4)))]
    src = [a for a, _ in pairs]
    dst = [b for _, b in pairs]
    return AF.from_arrays(n, src, dst), Brute(n, pairs)
