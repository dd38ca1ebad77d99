"""Every framework in ../shared/ground-truth/dung.yaml, every semantics, every task."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.semantics.dung import (
    AF,
    SEMANTICS,
    count_extensions,
    credulously_accepted,
    extensions,
    skeptically_accepted,
    some_extension,
)

REPO = Path(__file__).resolve().parents[3]
GROUND_TRUTH = REPO / ".." / "shared" / "ground-truth" / "dung.yaml"


def _cases() -> list[dict[str, Any]]:
    with GROUND_TRUTH.open(encoding="utf-8") as handle:
        cases: list[dict[str, Any]] = yaml.safe_load(handle)
    return cases


CASES = _cases()
PAIRS = [(case, sem) for case in CASES for sem in SEMANTICS]


def test_every_semantics_is_covered() -> None:
    assert CASES, "no ground-truth cases found"
    for case in CASES:
        assert set(case["extensions"]) == set(SEMANTICS), case["name"]


def _af(case: dict[str, Any]) -> AF:
    return AF.from_pairs(case["arguments"], [tuple(p) for p in case["attacks"]])


def _named(af: AF, ext: frozenset[int]) -> frozenset[str]:
    return frozenset(af.names[i] for i in ext)


@pytest.mark.parametrize(("case", "semantics"), PAIRS, ids=[f"{c['name']}-{s}" for c, s in PAIRS])
def test_extensions(case: dict[str, Any], semantics: str) -> None:
    af = _af(case)
    expected = {frozenset(e) for e in case["extensions"][semantics]}
    found = [_named(af, e) for e in extensions(af, semantics)]
    assert len(found) == len(set(found))
    assert set(found) == expected
    assert count_extensions(af, semantics) == len(expected)
    one = some_extension(af, semantics)
    assert (one is None) if not expected else (_named(af, one) in expected)


@pytest.mark.parametrize(("case", "semantics"), PAIRS, ids=[f"{c['name']}-{s}" for c, s in PAIRS])
def test_acceptance(case: dict[str, Any], semantics: str) -> None:
    af = _af(case)
    expected = [frozenset(e) for e in case["extensions"][semantics]]
    for i, name in enumerate(af.names):
        assert credulously_accepted(af, i, semantics) == any(name in e for e in expected)
        assert skeptically_accepted(af, i, semantics) == all(name in e for e in expected)
