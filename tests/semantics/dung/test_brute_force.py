"""Every semantics and task against brute force on random small frameworks."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.semantics.dung import (
    AF,
    IN,
    OUT,
    SEMANTICS,
    count_extensions,
    credulous_witness,
    credulously_accepted,
    extensions,
    grounded_labelling,
    labelling_of,
    skeptical_counterexample,
    skeptically_accepted,
    some_extension,
)
from tests.semantics.dung.brute import Brute
from tests.semantics.dung.strategies import frameworks

pytestmark = pytest.mark.slow  # brute force over every subset: half the suite's time

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("semantics", SEMANTICS)
@SETTINGS
@given(case=frameworks())
def test_extensions_match_brute_force(case: tuple[AF, Brute], semantics: str) -> None:
    af, brute = case
    expected = brute.semantics(semantics)
    found = list(extensions(af, semantics))
    assert len(found) == len(set(found)), "an extension was reported twice"
    assert set(found) == expected
    assert count_extensions(af, semantics) == len(expected)
    one = some_extension(af, semantics)
    assert (one is None) if not expected else (one in expected)


@SETTINGS
@given(frameworks(), st.sampled_from(SEMANTICS), st.integers(0, 3))
def test_limit_gives_first_k(case: tuple[AF, Brute], semantics: str, k: int) -> None:
    af, brute = case
    expected = brute.semantics(semantics)
    found = list(extensions(af, semantics, limit=k))
    assert len(found) == min(k, len(expected))
    assert set(found) <= expected


@pytest.mark.parametrize("semantics", SEMANTICS)
@SETTINGS
@given(case=frameworks())
def test_acceptance_matches_brute_force(case: tuple[AF, Brute], semantics: str) -> None:
    af, brute = case
    expected = brute.semantics(semantics)
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


@SETTINGS
@given(frameworks())
def test_grounded_labelling_is_the_complete_labelling_of_grounded(
    case: tuple[AF, Brute],
) -> None:
    af, brute = case
    (grounded,) = brute.semantics("grounded")
    label = grounded_labelling(af)
    assert set(np.flatnonzero(label == IN).tolist()) == grounded
    assert np.array_equal(label, labelling_of(af, grounded))
    # Caminada 2006: out iff some attacker is in; in iff every attacker is out
    for j in range(af.n):
        attackers = af.attackers(j)
        if label[j] == OUT:
            assert (label[attackers] == IN).any()
        if label[j] == IN:
            assert (label[attackers] == OUT).all()


@st.composite
def disjoint_unions(draw: st.DrawFn) -> tuple[AF, Brute]:
    """Two to four small frameworks side by side (so splitting into parts matters)."""
    pieces = draw(st.lists(frameworks(max_n=4), min_size=2, max_size=4))
    offset, pairs = 0, []
    for af, _ in pieces:
        pairs += [(a + offset, b + offset) for a, b in zip(af.src, af.dst, strict=True)]
        offset += af.n
    src = [int(a) for a, _ in pairs]
    dst = [int(b) for _, b in pairs]
    return AF.from_arrays(offset, src, dst), Brute(offset, [(int(a), int(b)) for a, b in pairs])


@pytest.mark.parametrize("max_parts", [2, 32])
@pytest.mark.parametrize("semantics", SEMANTICS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=disjoint_unions())
def test_split_into_parts_matches_brute_force(
    case: tuple[AF, Brute], semantics: str, max_parts: int
) -> None:
    """With the size cut-offs off, every framework goes to SAT and is split (and parts
    grouped): the bit-set search for small cores is switched off too."""
    module = importlib.import_module("argmap.semantics.dung.extensions")
    af, brute = case
    expected = brute.semantics(semantics)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importlib.import_module("argmap.semantics.dung.small"), "SMALL_CORE", -1)
        patch.setattr(module, "_SMALL", 0)
        patch.setattr(module, "_MAX_PARTS", max_parts)
        patch.setattr(importlib.import_module("argmap.semantics.dung.acceptance"), "_SMALL", 0)
        found = list(module.extensions(af, semantics))
        assert len(found) == len(set(found))
        assert set(found) == expected
        assert module.count_extensions(af, semantics) == len(expected)
        assert list(module.extensions(af, semantics, limit=1)) == found[:1]
        for arg in range(af.n):
            cred = any(arg in e for e in expected)
            skep = all(arg in e for e in expected)
            assert credulously_accepted(af, arg, semantics) == cred
            assert skeptically_accepted(af, arg, semantics) == skep
