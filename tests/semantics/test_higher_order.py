"""Attacks on attacks: ../shared/ground-truth/higher_order.yaml, and brute-force references.

The EAF reference below decides reinstatement sets by an explicit search over sets of
S-defeats (not the greatest fixed point the module uses) and tries every subset of the
arguments; the AFRA reference applies the AFRA definitions to every subset of arguments
and attacks (not the flattening the module uses).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import SolverError
from argmap.semantics.dung import AF, extensions
from argmap.semantics.higher_order import (
    ExtendedAF,
    HigherOrderAF,
    afra_extensions,
    eaf_extensions,
)

GROUND = Path(__file__).resolve().parents[2].parent / "shared" / "ground-truth"
SEMANTICS = ("grounded", "complete", "preferred", "stable")


def _cases() -> list[dict[str, Any]]:
    with (GROUND / "higher_order.yaml").open(encoding="utf-8") as handle:
        cases: list[dict[str, Any]] = yaml.safe_load(handle)
    return cases


CASES = _cases()
RUNS = [(case, sem) for case in CASES for sem in SEMANTICS]


def _framework(case: dict[str, Any]) -> HigherOrderAF:
    return HigherOrderAF.from_triples(
        case["arguments"], [(a["id"], a["source"], a["target"]) for a in case["attacks"]]
    )


def _solve(hf: HigherOrderAF, formalism: str, semantics: str) -> list[Any]:
    if formalism == "eaf":
        return [sorted(e) for e in eaf_extensions(hf, semantics)]
    return [
        {"arguments": sorted(e.arguments), "attacks": sorted(e.attacks)}
        for e in afra_extensions(hf, semantics)
    ]


def test_both_formalisms_are_covered() -> None:
    assert {case["formalism"] for case in CASES} == {"eaf", "afra"}
    for case in CASES:
        assert set(case["extensions"]) == set(SEMANTICS), case["name"]


@pytest.mark.parametrize(("case", "semantics"), RUNS, ids=[f"{c['name']}-{s}" for c, s in RUNS])
def test_ground_truth(case: dict[str, Any], semantics: str) -> None:
    hf = _framework(case)
    assert _solve(hf, case["formalism"], semantics) == case["extensions"][semantics]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_ground_truth_against_the_references(case: dict[str, Any]) -> None:
    hf = _framework(case)
    reference = EafReference(hf) if case["formalism"] == "eaf" else AfraReference(hf)
    for semantics in SEMANTICS:
        assert _solve(hf, case["formalism"], semantics) == reference.named(semantics)
    if case["formalism"] == "eaf":
        # the README: on every case the least fixed point is the least complete extension
        (grounded,) = reference.semantics("grounded")
        complete = reference.semantics("complete")
        assert grounded in complete and all(grounded <= c for c in complete)


def test_eaf_grounded_is_the_fixed_point_even_when_not_conflict_free() -> None:
    # x attacks itself and y attacks that self-attack: x is acceptable w.r.t. {y}, so
    # the iteration reaches {x, y}, although Modgil's conflict-freeness rules out any
    # set holding a self-attacker; there is then no complete extension at all
    hf = HigherOrderAF.from_triples("xy", [("r0", "x", "x"), ("r1", "y", "r0")])
    assert [sorted(e) for e in eaf_extensions(hf, "grounded")] == [["x", "y"]]
    assert eaf_extensions(hf, "complete") == []
    assert eaf_extensions(hf, "preferred") == [frozenset({"y"})]


# --- references written from the definitions (README-second-families.md, section 3) ---


class EafReference:
    """Modgil's EAF semantics, by enumerating subsets and sets of S-defeats."""

    def __init__(self, hf: HigherOrderAF) -> None:
        n = hf.n
        self.hf = hf
        self.R = {(int(s), int(t)) for s, t in zip(hf.source, hf.target, strict=True) if t < n}
        self.D = set()
        for s, t in zip(hf.source, hf.target, strict=True):
            if t >= n:
                k = int(t) - n
                self.D.add((int(s), (int(hf.source[k]), int(hf.target[k]))))

    def defeats(self, S: frozenset[int]) -> set[tuple[int, int]]:
        return {(a, b) for a, b in self.R if not any((c, (a, b)) in self.D for c in S)}

    def conflict_free(self, S: frozenset[int]) -> bool:
        return all(
            (b, a) not in self.R and any((c, (a, b)) in self.D for c in S)
            for a, b in self.R
            if a in S and b in S
        )

    def has_reinstatement_set(self, S: frozenset[int], c: int, b: int) -> bool:
        pool = sorted((x, y) for x, y in self.defeats(S) if x in S)
        for size in range(1, len(pool) + 1):
            for rs in itertools.combinations(pool, size):
                if (c, b) not in rs:
                    continue
                if all(
                    any((x2, y2) in rs for x2 in S)
                    for x, y in rs
                    for y2, attacked in self.D
                    if attacked == (x, y)
                ):
                    return True
        return False

    def acceptable(self, a: int, S: frozenset[int]) -> bool:
        defeats = self.defeats(S)
        return all(
            any((c, b) in defeats and self.has_reinstatement_set(S, c, b) for c in S)
            for b, target in defeats
            if target == a
        )

    def semantics(self, name: str) -> list[frozenset[int]]:
        n = self.hf.n
        subsets = [frozenset(c) for k in range(n + 1) for c in itertools.combinations(range(n), k)]

        def admissible(S: frozenset[int]) -> bool:
            return self.conflict_free(S) and all(self.acceptable(a, S) for a in S)

        def accepted(S: frozenset[int]) -> frozenset[int]:
            return frozenset(a for a in range(n) if self.acceptable(a, S))

        if name == "grounded":
            S: frozenset[int] = frozenset()
            while accepted(S) != S:
                S = accepted(S)
            return [S]
        if name == "complete":
            return [S for S in subsets if admissible(S) and accepted(S) <= S]
        if name == "stable":
            return [
                S
                for S in subsets
                if self.conflict_free(S)
                and all(any((x, y) in self.defeats(S) for x in S) for y in set(range(n)) - S)
            ]
        adm = [S for S in subsets if admissible(S)]
        return [S for S in adm if not any(S < T for T in adm)]

    def named(self, name: str) -> list[list[str]]:
        return sorted(sorted(self.hf.arguments[i] for i in S) for S in self.semantics(name))


class AfraReference:
    """AFRA's definitions over all subsets of elements (arguments, then attacks)."""

    def __init__(self, hf: HigherOrderAF) -> None:
        self.hf = hf
        n, m = hf.n, hf.m
        self.size = n + m
        src = [int(s) for s in hf.source]
        trg = [int(t) for t in hf.target]
        self.defeat = {
            (n + k, w)
            for k in range(m)
            for w in range(self.size)
            if trg[k] == w or (w >= n and trg[k] == src[w - n])
        }

    def semantics(self, name: str) -> list[frozenset[int]]:
        elems = range(self.size)
        subsets = [
            frozenset(c) for k in range(self.size + 1) for c in itertools.combinations(elems, k)
        ]

        def cf(S: frozenset[int]) -> bool:
            return not any((a, b) in self.defeat for a in S for b in S)

        def acceptable(w: int, S: frozenset[int]) -> bool:
            return all(any((s, a) in self.defeat for s in S) for a, t in self.defeat if t == w)

        def admissible(S: frozenset[int]) -> bool:
            return cf(S) and all(acceptable(w, S) for w in S)

        complete = [
            S for S in subsets if admissible(S) and all(w in S for w in elems if acceptable(w, S))
        ]
        if name == "complete":
            return complete
        if name == "grounded":
            least = [S for S in complete if all(S <= C for C in complete)]
            assert len(least) == 1
            return least
        if name == "stable":
            return [
                S
                for S in subsets
                if cf(S) and all(any((s, w) in self.defeat for s in S) for w in set(elems) - S)
            ]
        adm = [S for S in subsets if admissible(S)]
        return [S for S in adm if not any(S < T for T in adm)]

    def named(self, name: str) -> list[dict[str, list[str]]]:
        n = self.hf.n
        out = [
            {
                "arguments": sorted(self.hf.arguments[i] for i in S if i < n),
                "attacks": sorted(self.hf.attack_ids[i - n] for i in S if i >= n),
            }
            for S in self.semantics(name)
        ]
        return sorted(out, key=lambda e: (e["arguments"], e["attacks"]))


# --- random frameworks -------------------------------------------------------------------


@st.composite
def higher_order(draw: st.DrawFn, max_args: int = 5, eaf: bool = False) -> HigherOrderAF:
    n = draw(st.integers(1, max_args))
    names = [f"x{i}" for i in range(n)]
    arg = st.integers(0, n - 1)
    pairs = sorted(set(draw(st.lists(st.tuples(arg, arg), max_size=2 * n))))
    triples = [(f"r{k}", names[s], names[t]) for k, (s, t) in enumerate(pairs)]
    if triples:
        first_order = len(triples)
        on_attacks = draw(st.lists(st.tuples(arg, st.integers(0, first_order - 1)), max_size=3))
        for s, k in on_attacks:
            target_pool = first_order if eaf else len(triples)
            triples.append((f"r{len(triples)}", names[s], f"r{k % target_pool}"))
    return HigherOrderAF.from_triples(names, triples)


@settings(max_examples=40, deadline=None)
@given(higher_order(max_args=4, eaf=True))
def test_eaf_matches_the_reference(hf: HigherOrderAF) -> None:
    reference = EafReference(hf)
    for semantics in SEMANTICS:
        assert [sorted(e) for e in eaf_extensions(hf, semantics)] == reference.named(semantics)


@settings(max_examples=40, deadline=None)
@given(higher_order(max_args=4))
def test_afra_matches_the_reference(hf: HigherOrderAF) -> None:
    if hf.n + hf.m > 11:
        return  # the reference enumerates 2^(n+m) sets
    reference = AfraReference(hf)
    for semantics in SEMANTICS:
        got = [
            {"arguments": sorted(e.arguments), "attacks": sorted(e.attacks)}
            for e in afra_extensions(hf, semantics)
        ]
        assert got == reference.named(semantics)


@st.composite
def first_order(draw: st.DrawFn) -> tuple[HigherOrderAF, AF]:
    n = draw(st.integers(1, 7))
    names = [f"x{i}" for i in range(n)]
    arg = st.integers(0, n - 1)
    pairs = sorted(set(draw(st.lists(st.tuples(arg, arg), max_size=2 * n))))
    hf = HigherOrderAF.from_triples(
        names, [(f"r{k}", names[s], names[t]) for k, (s, t) in enumerate(pairs)]
    )
    return hf, AF.from_pairs(names, [(names[s], names[t]) for s, t in pairs])


@settings(max_examples=60, deadline=None)
@given(first_order())
def test_without_attacks_on_attacks_both_are_dung(drawn: tuple[HigherOrderAF, AF]) -> None:
    hf, af = drawn
    for semantics in SEMANTICS:
        dung = sorted(sorted(af.names[i] for i in e) for e in extensions(af, semantics))
        assert [sorted(e) for e in eaf_extensions(hf, semantics)] == dung
        afra = afra_extensions(hf, semantics)
        assert sorted(sorted(e.arguments) for e in afra) == dung
        for e in afra:
            # an attack is accepted exactly when its source is
            expected = {
                hf.attack_ids[k] for k in range(hf.m) if hf.arguments[hf.source[k]] in e.arguments
            }
            assert e.attacks == expected


def test_reinstatement_needs_the_whole_chain() -> None:
    # c defends a against b, d attacks that defence: without e the defence has no
    # reinstatement set, so a is not acceptable w.r.t. {c, d}
    triples = [("r1", "b", "a"), ("r2", "c", "b"), ("r3", "d", "r2")]
    eaf = ExtendedAF(HigherOrderAF.from_triples("abcd", triples))
    cd = 0b1100
    assert eaf.reinstated(cd) == []
    assert not eaf.acceptable(cd) & 0b0001
    with_e = ExtendedAF(HigherOrderAF.from_triples("abcde", [*triples, ("r4", "e", "d")]))
    ce = 0b10100
    assert with_e.reinstated(ce) == [1, 2]  # c -> b (e hits d) and e -> d itself
    assert with_e.acceptable(ce) & 0b00001


@pytest.mark.parametrize(
    ("arguments", "triples", "message"),
    [
        ("ab", [("r1", "a", "b"), ("a", "b", "a")], "already used"),
        ("ab", [("r1", "r0", "b")], "not an argument"),
        ("ab", [("r1", "a", "zz")], "not an argument or attack"),
        ("aa", [], "listed twice"),
    ],
)
def test_bad_frameworks_are_refused(
    arguments: str, triples: list[tuple[str, str, str]], message: str
) -> None:
    with pytest.raises(SolverError, match=message):
        HigherOrderAF.from_triples(list(arguments), triples)


def test_eaf_refuses_what_it_does_not_define() -> None:
    nested = HigherOrderAF.from_triples(
        "abc", [("r1", "a", "b"), ("r2", "c", "r1"), ("r3", "a", "r2")]
    )
    with pytest.raises(SolverError, match="not an attack between arguments"):
        eaf_extensions(nested, "grounded")
    twice = HigherOrderAF.from_triples("ab", [("r1", "a", "b"), ("r2", "a", "b")])
    with pytest.raises(SolverError, match="both go from"):
        eaf_extensions(twice, "grounded")
    with pytest.raises(SolverError, match="unknown EAF semantics"):
        eaf_extensions(twice, "ideal")
    # eight mutually attacking pairs: 2^8 stable extensions, more than 100 steps
    names = [f"x{i}" for i in range(16)]
    pairs = [(f"r{i}", names[i], names[i ^ 1]) for i in range(16)]
    big = HigherOrderAF.from_triples(names, pairs)
    assert len(eaf_extensions(big, "stable")) == 256
    with pytest.raises(SolverError, match="exceeds 100 search steps"):
        eaf_extensions(big, "stable", max_steps=100)


@settings(max_examples=60, deadline=None)
@given(higher_order(max_args=8, eaf=True))
def test_eaf_search_prunes_only_what_cannot_qualify(hf: HigherOrderAF) -> None:
    eaf = ExtendedAF(hf)
    everything = range(1 << hf.n)
    assert sorted(eaf.candidates()) == [s for s in everything if eaf.conflict_free(s)]
    assert sorted(eaf.candidates(stable=True)) == [s for s in everything if eaf.stable(s)]
    defended = sorted(eaf.candidates(defended=True))
    assert all(eaf.conflict_free(s) for s in defended)
    assert [s for s in defended if eaf.admissible(s)] == [
        s for s in everything if eaf.admissible(s)
    ]
    complete = sorted(eaf.candidates(defended=True, complete=True))
    # a maximality search may skip subsets of what it has found, never a maximal set
    kept: list[int] = []
    for s in eaf.candidates(defended=True, within=kept):
        if eaf.admissible(s):
            kept.append(s)
    adm = [s for s in everything if eaf.admissible(s)]
    maximal = [s for s in adm if not any(s & t == s and s != t for t in adm)]
    assert set(maximal) <= set(kept) <= set(adm)
    assert [s for s in complete if eaf.complete(s)] == [s for s in everything if eaf.complete(s)]
