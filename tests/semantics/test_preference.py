"""Preference-based frameworks: ../shared/ground-truth/preference.yaml and properties.

Every case, every reduction: the defeats and the grounded, complete, preferred and stable
extensions. The properties compare the vectorised reductions with the pairwise formulas of
Kaci, van der Torre, Vesic and Villata written out directly, and the Dung extensions of the
defeat graph with a brute force over all subsets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import SolverError
from argmap.semantics.dung import AF, extensions
from argmap.semantics.preference import (
    REDUCTIONS,
    Preference,
    defeats,
    preference_extensions,
)
from tests.semantics.dung.brute import Brute

GROUND = Path(__file__).resolve().parents[2].parent / "shared" / "ground-truth"
DUNG_SEMANTICS = ("grounded", "complete", "preferred", "stable")


def _cases() -> list[dict[str, Any]]:
    with (GROUND / "preference.yaml").open(encoding="utf-8") as handle:
        cases: list[dict[str, Any]] = yaml.safe_load(handle)
    return cases


CASES = _cases()
RUNS = [(case, r) for case in CASES for r in REDUCTIONS]


def _framework(case: dict[str, Any]) -> tuple[AF, Preference]:
    af = AF.from_pairs(case["arguments"], [tuple(p) for p in case["attacks"]])
    if "weights" in case:
        return af, Preference.from_weights(af.names, case["weights"])
    return af, Preference.from_pairs(af.names, [tuple(p) for p in case.get("preferences", [])])


def _pairs(af: AF) -> list[list[str]]:
    return sorted([af.names[s], af.names[t]] for s, t in zip(af.src, af.dst, strict=True))


def test_every_case_has_every_reduction_and_semantics() -> None:
    assert len(CASES) >= 10
    for case in CASES:
        assert set(case["reductions"]) == set(REDUCTIONS), case["name"]
        for expected in case["reductions"].values():
            assert set(expected["extensions"]) == set(DUNG_SEMANTICS), case["name"]


@pytest.mark.parametrize(("case", "reduction"), RUNS, ids=[f"{c['name']}-{r}" for c, r in RUNS])
def test_ground_truth(case: dict[str, Any], reduction: str) -> None:
    af, preference = _framework(case)
    expected = case["reductions"][reduction]
    defeat = defeats(af, preference, reduction)
    assert _pairs(defeat) == expected["defeats"]
    for semantics in DUNG_SEMANTICS:
        found = sorted(
            sorted(af.names[i] for i in ext)
            for ext in preference_extensions(af, preference, semantics, reduction)
        )
        assert found == expected["extensions"][semantics], semantics


# --- properties against the pairwise formulas -------------------------------------------


def _pairwise(n: int, attacks: set[tuple[int, int]], better: set[tuple[int, int]], r: str) -> set:
    """R' straight from the pairwise definitions (``better`` holds (x, y) for x > y)."""
    out = set()
    for a in range(n):
        for b in range(n):
            ab, ba = (a, b) in attacks, (b, a) in attacks
            r1 = ab and (b, a) not in better
            if r == "r1":
                hit = r1
            elif r == "r2":
                hit = r1 or (ba and (a, b) in better)
            elif r == "r3":
                hit = r1 or (ab and not ba)
            else:
                hit = r1 or (ba and not ab and (a, b) in better) or (ab and not ba)
            if hit:
                out.add((a, b))
    return out


@st.composite
def preference_frameworks(draw: st.DrawFn) -> tuple[int, set, list[int]]:
    n = draw(st.integers(1, 7))
    arg = st.integers(0, n - 1)
    attacks = set(draw(st.lists(st.tuples(arg, arg), max_size=n * n // 2)))
    # ranks with ties make a strict weak order; that covers ties and incomparability
    ranks = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    return n, attacks, ranks


@settings(max_examples=80, deadline=None)
@given(preference_frameworks(), st.sampled_from(REDUCTIONS), st.booleans())
def test_reductions_match_pairwise_formulas(
    drawn: tuple[int, set, list[int]], reduction: str, as_pairs: bool
) -> None:
    n, attacks, ranks = drawn
    names = [f"x{i}" for i in range(n)]
    better = {(a, b) for a in range(n) for b in range(n) if ranks[a] > ranks[b]}
    af = AF.from_arrays(names, [a for a, _ in attacks], [b for _, b in attacks])
    if as_pairs:
        # a random subset of the rank order, not closed: from_pairs must close it
        given_pairs = [(a, b) for a, b in sorted(better) if (a * 7 + b * 3 + n) % 3 != 0]
        preference = Preference.from_pairs(names, [(names[a], names[b]) for a, b in given_pairs])
        better = _closure(set(given_pairs))
    else:
        preference = Preference.from_weights(names, {names[i]: ranks[i] for i in range(n)})
    got = defeats(af, preference, reduction)
    got_pairs = set(zip(got.src.tolist(), got.dst.tolist(), strict=True))
    assert got_pairs == _pairwise(n, attacks, better, reduction)
    brute = Brute(n, sorted(got_pairs))
    for semantics in DUNG_SEMANTICS:
        assert set(extensions(got, semantics)) == brute.semantics(semantics), semantics


def _closure(pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    closed = set(pairs)
    while True:
        extra = {(a, d) for a, b in closed for c, d in closed if b == c} - closed
        if not extra:
            return closed
        closed |= extra


@settings(max_examples=40, deadline=None)
@given(preference_frameworks(), st.sampled_from(REDUCTIONS))
def test_no_preference_gives_the_attacks_back(
    drawn: tuple[int, set, list[int]], reduction: str
) -> None:
    n, attacks, _ = drawn
    af = AF.from_arrays(n, [a for a, _ in attacks], [b for _, b in attacks])
    assert defeats(af, Preference.none(n), reduction) == af
    same = Preference.from_weights(af.names, dict.fromkeys(af.names, 1.0))
    assert defeats(af, same, reduction) == af


def test_self_attack_is_never_removed() -> None:
    af = AF.from_pairs("ab", [("a", "a"), ("a", "b")])
    pref = Preference.from_pairs("ab", [("b", "a")])
    for reduction in REDUCTIONS:
        assert ("a", "a") in {tuple(p) for p in _pairs(defeats(af, pref, reduction))}


def test_hundreds_of_arguments_in_one_pass() -> None:
    n = 600
    src = [i for i in range(n) for k in (1, 2, 3)]
    dst = [(i + k) % n for i in range(n) for k in (1, 2, 3)]
    af = AF.from_arrays(n, src + dst, dst + src)
    pref = Preference.from_indices(n, [(i, i + 1) for i in range(n - 1)])
    assert pref.keys.size == n * (n - 1) // 2
    d1 = defeats(af, pref, "r1")
    # every mutual attack between comparable arguments keeps only the stronger's half
    assert d1.n_attacks == af.n_attacks // 2
    assert defeats(af, pref, "r3") == d1  # no one-way attacks here
    assert defeats(af, pref, "r2") == d1  # the reversed halves are already there


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([("a", "a")], "reflexive"),
        ([("a", "b"), ("b", "a")], "cyclic"),
        ([("a", "b"), ("b", "c"), ("c", "a")], "cyclic"),
        ([("a", "z")], "unknown argument 'z'"),
    ],
)
def test_bad_preferences_are_refused(pairs: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(SolverError, match=message):
        Preference.from_pairs("abc", pairs)


def test_bad_weights_and_mismatches_are_refused() -> None:
    with pytest.raises(SolverError, match="no weight"):
        Preference.from_weights("ab", {"a": 1})
    with pytest.raises(SolverError, match="unknown argument"):
        Preference.from_weights("ab", {"a": 1, "b": 2, "c": 3})
    with pytest.raises(SolverError, match="finite number"):
        Preference.from_weights("ab", {"a": 1, "b": float("nan")})
    af = AF.from_pairs("ab", [("a", "b")])
    with pytest.raises(SolverError, match="unknown reduction"):
        defeats(af, Preference.none(2), "r5")
    with pytest.raises(SolverError, match="3 arguments"):
        defeats(af, Preference.none(3), "r1")
