"""The bit-set search for small undecided cores, against brute force and the SAT path.

Frameworks up to a dozen arguments have small cores, so the public functions answer
them with the bit-set search by default; here each answer is also produced with the
small path forced off (SAT) and checked against the definitions (brute force), the
search's own entry points are checked one by one, and a tiny node budget forces the
fall back to SAT at every point of a search.
"""

from __future__ import annotations

import doctest
import importlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.semantics.dung import (
    AF,
    count_extensions,
    credulous_witness,
    credulously_accepted,
    extensions,
    grounded_labelling,
    skeptical_counterexample,
    skeptically_accepted,
    some_extension,
)
from argmap.semantics.dung.bitsearch import BitSearch, SearchBudgetExceeded, members_of
from argmap.semantics.dung.small import SMALL_CORE, SMALL_SEMANTICS, small_core
from tests.semantics.dung.brute import Brute
from tests.semantics.dung.strategies import frameworks

pytestmark = pytest.mark.slow  # brute force over every subset: half the suite's time

SMALL = importlib.import_module("argmap.semantics.dung.small")
BITS = importlib.import_module("argmap.semantics.dung.bitsearch")
EXTENSIONS = importlib.import_module("argmap.semantics.dung.extensions")
ACCEPTANCE = importlib.import_module("argmap.semantics.dung.acceptance")

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEMANTICS = sorted(SMALL_SEMANTICS)

# (n, attacks) corner cases: empty, self-attacks only, even and odd cycles, a
# self-attacker reinstated by nobody, a self-attacker attacking a 2-cycle
CORNERS: list[tuple[int, list[tuple[int, int]]]] = [
    (0, []),
    (1, [(0, 0)]),
    (3, [(0, 0), (1, 1), (2, 2)]),
    (2, [(0, 1), (1, 0)]),
    (3, [(0, 1), (1, 2), (2, 0)]),
    (4, [(0, 1), (1, 2), (2, 3), (3, 0)]),
    (3, [(0, 0), (0, 1), (1, 2), (2, 1)]),
    (4, [(0, 1), (1, 0), (2, 2), (2, 0), (3, 3), (1, 3)]),
]


def _pairs(af: AF) -> list[tuple[int, int]]:
    return list(zip(af.src.tolist(), af.dst.tolist(), strict=True))


def _sets(masks: Iterable[int]) -> list[frozenset[int]]:
    return [frozenset(members_of(m)) for m in masks]


def _corner(index: int) -> tuple[AF, Brute]:
    n, pairs = CORNERS[index]
    return AF.from_arrays(n, [a for a, _ in pairs], [b for _, b in pairs]), Brute(n, pairs)


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("the SAT path was used")


@contextmanager
def _path(name: str) -> Iterator[None]:
    """Answer with the bit-set search only (``small``; SAT made to fail) or SAT only."""
    with pytest.MonkeyPatch.context() as patch:
        if name == "small":
            patch.setattr(SMALL, "SMALL_CORE", 10**6)
            patch.setattr(EXTENSIONS, "_SEARCH", {})
            patch.setattr(ACCEPTANCE, "SatFramework", _refuse)
        else:
            patch.setattr(SMALL, "SMALL_CORE", -1)
        yield


def _check_public_api(af: AF, semantics: str, expected: set[frozenset[int]]) -> None:
    """Every public function on ``af`` agrees with the ``expected`` extensions."""
    found = list(extensions(af, semantics))
    assert len(found) == len(set(found)), "an extension was reported twice"
    assert set(found) == expected
    assert count_extensions(af, semantics) == len(expected)
    assert list(extensions(af, semantics, limit=1)) == found[:1]
    one = some_extension(af, semantics)
    assert (one is None) if not expected else (one in expected)
    for arg in range(af.n):
        cred = any(arg in e for e in expected)
        skep = all(arg in e for e in expected)
        assert credulously_accepted(af, arg, semantics) == cred, (arg, "credulous")
        assert skeptically_accepted(af, arg, semantics) == skep, (arg, "skeptical")
        witness = credulous_witness(af, arg, semantics)
        assert (witness is not None) == cred
        assert witness is None or (witness in expected and arg in witness)
        counter = skeptical_counterexample(af, arg, semantics)
        assert (counter is None) == skep
        assert counter is None or (counter in expected and arg not in counter)


@pytest.mark.parametrize("path", ["small", "sat"])
@pytest.mark.parametrize("semantics", SEMANTICS)
@SETTINGS
@given(case=frameworks())
@example(case=_corner(0))
@example(case=_corner(1))
@example(case=_corner(2))
@example(case=_corner(6))
@example(case=_corner(7))
def test_each_path_matches_brute_force(case: tuple[AF, Brute], semantics: str, path: str) -> None:
    af, brute = case
    with _path(path):
        assert (small_core(af, grounded_labelling(af)) is None) == (path == "sat")
        _check_public_api(af, semantics, brute.semantics(semantics))


@pytest.mark.parametrize("budget", [1, 2, 5, 20])
@pytest.mark.parametrize("semantics", SEMANTICS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=frameworks())
def test_running_out_of_budget_falls_back_to_sat(
    case: tuple[AF, Brute], semantics: str, budget: int
) -> None:
    """With a tiny node budget the search gives up anywhere (also between two
    extensions it has already reported); the SAT path must finish the job."""
    af, brute = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BITS, "NODE_BUDGET", budget)
        _check_public_api(af, semantics, brute.semantics(semantics))


def test_budget_is_enforced() -> None:
    # a 12-cycle of mutual attacks: many preferred extensions, far more than 5 nodes
    pairs = [(i, (i + 1) % 12) for i in range(12)] + [((i + 1) % 12, i) for i in range(12)]
    with pytest.raises(SearchBudgetExceeded):
        list(BitSearch(12, pairs, budget=5).preferred())
    found = _sets(BitSearch(12, pairs).preferred())
    assert set(found) == Brute(12, pairs).semantics("preferred")
    assert len(found) == 29  # maximal independent sets of a 12-cycle: Perrin number P(12)


@SETTINGS
@given(case=frameworks())
@example(case=_corner(0))
@example(case=_corner(1))
@example(case=_corner(4))
def test_bit_search_enumerates_like_brute_force(case: tuple[AF, Brute]) -> None:
    af, brute = case
    search = BitSearch(af.n, _pairs(af))
    for semantics, masks in (
        ("complete", search.complete()),
        ("preferred", search.preferred()),
        ("stable", search.stable()),
    ):
        found = _sets(masks)
        assert len(found) == len(set(found)), semantics
        assert set(found) == brute.semantics(semantics), semantics


@SETTINGS
@given(case=frameworks(), data=st.data())
@example(case=_corner(0), data=None)
@example(case=_corner(3), data=None)
def test_bit_search_queries_match_brute_force(case: tuple[AF, Brute], data: Any) -> None:
    af, brute = case
    n, full = af.n, brute.full
    search = BitSearch(n, _pairs(af))
    admissible = [s for s in brute.subsets if brute.admissible(s)]
    complete = [s for s in brute.subsets if brute.complete(s)]
    preferred = brute.semantics("preferred")
    stable = brute.semantics("stable")
    # a random admissible-set question: members, non-members, sets to meet
    if data is not None and n:
        arg = st.integers(0, n - 1)
        must = sum({1 << i for i in data.draw(st.sets(arg, max_size=2))})
        forbid = sum({1 << i for i in data.draw(st.sets(arg, max_size=2))})
        hits = data.draw(st.lists(st.integers(0, full), max_size=3))
        ok = [
            s
            for s in admissible
            if s & must == must and not s & forbid and all(s & h for h in hits)
        ]
        found = search.find_admissible(must, forbid, hits)
        assert (found is None) == (not ok)
        assert found is None or found in ok
    for arg in range(n):
        bit = 1 << arg
        start = search.find_admissible(must=bit)
        assert (start is None) == all(arg not in p for p in preferred)
        if start is not None:
            assert start in admissible and start & bit
            grown = search.grow(start)
            assert frozenset(members_of(grown)) in preferred and grown & start == start
            closed = search.closure(start)
            above = [c for c in complete if c & start == start]
            assert closed in above and all(closed & c == closed for c in above)
        lacking = search.preferred_lacking(arg)
        assert (lacking is None) == all(arg in p for p in preferred)
        assert lacking is None or (
            frozenset(members_of(lacking)) in preferred and not lacking & bit
        )
        for member in (True, False):
            masks = search.stable(must=bit) if member else search.stable(forbid=bit)
            got = set(_sets(masks))
            assert got == {e for e in stable if (arg in e) == member}


@st.composite
def framed(draw: st.DrawFn) -> AF:
    """A small framework inside a larger one: extra arguments ``n .. n+f-1`` attacked
    only by earlier extra arguments (so grounded decides most of them) attack the core
    and each other, and a few core arguments attack back."""
    core, _ = draw(frameworks(max_n=10))
    n = core.n
    f = draw(st.integers(0, 30))
    pairs = _pairs(core)
    for i in range(n, n + f):
        if n:
            pairs += [(i, t) for t in draw(st.sets(st.integers(0, n - 1), max_size=2))]
        if i + 1 < n + f:
            pairs += [(i, t) for t in draw(st.sets(st.integers(i + 1, n + f - 1), max_size=2))]
    if n and f:
        back = st.tuples(st.integers(0, n - 1), st.integers(n, n + f - 1))
        pairs += draw(st.lists(back, max_size=2))
    return AF.from_arrays(n + f, [a for a, _ in pairs], [b for _, b in pairs])


@pytest.mark.parametrize("semantics", SEMANTICS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(af=framed())
def test_small_core_of_a_larger_framework_matches_sat(af: AF, semantics: str) -> None:
    """Mapping the core's arguments back and adding the grounded extension."""
    with _path("sat"):
        expected = set(extensions(af, semantics))
    with _path("small"):
        _check_public_api(af, semantics, expected)


def test_cut_off_is_on_the_undecided_core() -> None:
    def cycle(k: int, tail: int) -> AF:
        # an even cycle (all undecided) behind a chain that grounded decides
        src = [i for i in range(k)] + [k + j for j in range(tail)]
        dst = [(i + 1) % k for i in range(k)] + [
            k + j + 1 if j + 1 < tail else 0 for j in range(tail)
        ]
        return AF.from_arrays(k + tail, src, dst)

    af = cycle(SMALL_CORE, 0)
    assert small_core(af, grounded_labelling(af)) is not None
    af = cycle(SMALL_CORE + 1, 0)
    assert small_core(af, grounded_labelling(af)) is None
    # many arguments, small core: the chain's last argument is out, the cycle undecided
    af = cycle(4, 200)
    core = small_core(af, grounded_labelling(af))
    assert core is not None and core.search.n <= 4


@pytest.mark.parametrize("name", ["argmap.semantics.dung.bitsearch", "argmap.semantics.dung.small"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
