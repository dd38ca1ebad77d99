"""A framework of 10^5 attacks goes through compile and evaluation in seconds, and
drawing it whole is refused with a typed error instead of an endless layout.

The framework is the "admbuster" family of the ICCMA benchmarks, generated as in
``../shared/examples/iccma/admbuster_1000.af`` (``large_frameworks.py``), scaled
to 66,668 arguments and 100,000 attacks. No time is asserted: the test is fast because
the code is linear, and would take minutes if a quadratic step came back.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from argmap.errors import MapTooLargeError
from argmap.io.iccma_case import af_to_case
from argmap.maps import render
from argmap.semantics.compile import compile_case
from argmap.semantics.dung.af import AF
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Label
from tests.semantics.large_frameworks import admbuster, write_af_text

SHARED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "iccma"


def test_generator_matches_the_shipped_benchmark_file() -> None:
    shipped = (SHARED / "admbuster_1000.af").read_text()
    assert write_af_text(*admbuster(1000)) == shipped


@pytest.fixture(scope="module")
def large_af() -> AF:
    names, attacks = admbuster(66_668)
    assert len(attacks) == 100_000
    labels = [str(i) for i in range(1, len(names) + 1)]
    return AF.from_pairs(labels, [(labels[s - 1], labels[d - 1]) for s, d in attacks])


def test_compile_and_evaluate_10_5_attacks(large_af: AF) -> None:
    case = af_to_case(large_af)
    framework = compile_case(case)
    assert framework.n == large_af.n
    assert framework.att_src.size == 100_000
    evaluation = evaluate(case, "grounded", "dfquad")
    assert len(evaluation.nodes) == large_af.n
    labels = {k: r.label for k, r in evaluation.nodes.items()}
    # a grounded labelling is complete: in iff every attacker is out, out iff an
    # attacker is in; the last argument is unattacked, so it is in
    ids = list(evaluation.nodes)
    attackers: list[list[int]] = [[] for _ in ids]
    for s, d in zip(large_af.src.tolist(), large_af.dst.tolist(), strict=True):
        attackers[d].append(s)
    for j, node in enumerate(ids):
        seen = {labels[ids[a]] for a in attackers[j]}
        if labels[node] is Label.IN:
            assert seen <= {Label.OUT}
        elif labels[node] is Label.OUT:
            assert Label.IN in seen
        else:
            assert Label.IN not in seen and Label.UNDEC in seen
    assert labels[ids[-1]] is Label.IN
    strengths = np.array([r.strength for r in evaluation.nodes.values()])
    assert np.all((strengths >= 0) & (strengths <= 1))
    with pytest.raises(MapTooLargeError) as info:
        render(case, evaluation).pipe("svg")
    assert info.value.nodes > info.value.node_limit
    assert "--focus" in str(info.value)
