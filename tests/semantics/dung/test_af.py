"""The AF class: constructors, CSR views, restriction, errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics.dung import AF


def test_from_pairs_builds_both_csr_views() -> None:
    af = AF.from_pairs(["a", "b", "c"], [("a", "b"), ("c", "b"), ("b", "c"), ("a", "b")])
    assert af.n == 3 and af.n_attacks == 3  # the duplicate attack is dropped
    assert af.names == ("a", "b", "c")
    assert af.attackers(1).tolist() == [0, 2]
    assert af.targets(0).tolist() == [1]
    assert af.attackers(0).tolist() == []
    assert af.src.dtype == np.int32 and af.dst.dtype == np.int32
    assert af.attackers_indptr.tolist() == [0, 0, 2, 3]
    assert not af.src.flags.writeable


def test_numeric_names_and_self_attacks() -> None:
    af = AF.from_arrays(3, [0, 2], [0, 1])
    assert af.names == ("1", "2", "3")
    assert af.self_attacking().tolist() == [True, False, False]
    assert af.index_of("3") == 2
    with pytest.raises(KeyError):
        af.index_of("4")


@pytest.mark.parametrize(
    ("names", "pairs", "message"),
    [
        (["a", "a"], [], "unique"),
        (["a"], [("a", "b")], "unknown"),
    ],
)
def test_from_pairs_errors(names: list[str], pairs: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        AF.from_pairs(names, pairs)


def test_from_arrays_errors() -> None:
    with pytest.raises(ValueError, match="out of range"):
        AF.from_arrays(2, [0], [2])
    with pytest.raises(ValueError, match="out of range"):
        AF.from_arrays(2, [-1], [0])
    with pytest.raises(ValueError, match="length"):
        AF.from_arrays(2, [0, 1], [0])


def test_restrict_and_equality() -> None:
    af = AF.from_pairs("abcd", [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])
    sub, index = af.restrict([3, 1, 2])
    assert index.tolist() == [1, 2, 3]
    assert sub.names == ("b", "c", "d")
    assert list(zip(sub.src.tolist(), sub.dst.tolist(), strict=True)) == [(0, 1), (1, 2)]
    same = AF.from_pairs("abcd", [("d", "a"), ("c", "d"), ("b", "c"), ("a", "b")])
    assert af == same and hash(af) == hash(same)
    assert af != sub


@settings(max_examples=50, deadline=None)
@given(
    st.integers(1, 30).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))
        )
    )
)
def test_csr_views_agree_with_the_pairs(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, pairs = case
    af = AF.from_arrays(n, [a for a, _ in pairs], [b for _, b in pairs])
    expected = set(pairs)
    assert set(zip(af.src.tolist(), af.dst.tolist(), strict=True)) == expected
    for j in range(n):
        assert sorted(af.attackers(j).tolist()) == sorted(a for a, b in expected if b == j)
        assert sorted(af.targets(j).tolist()) == sorted(b for a, b in expected if a == j)
