"""Monte Carlo counts each claim's Dung label and verdict draw by draw: the counts
match evaluate on every reconstructed draw, the streamed totals match the kept
per-sample arrays, undefined draws are left out, and the counts reach the summaries,
the tables, the exports and the brief."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.model import Case
from argmap.scenario.distributed import plan_chunks
from argmap.scenario.files import load_scenarios
from argmap.scenario.model import Scenario
from argmap.scenario.results import LABELS, VERDICTS, MonteCarloResult, verdict_codes
from argmap.scenario.runner import compare, run
from argmap.scenario.sampling import draw_parameters
from argmap.scenario.uncertainty import monte_carlo
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Label, Verdict
from tests.model.strategies import cases

REPO = Path(__file__).resolve().parents[2]
WORKED = REPO / "scenarios" / "09_monte_carlo.yaml"
CODE = {Label.IN: 1, Label.OUT: -1, Label.UNDEC: 0}


def _draws(case: Case, samples: int, seed: int, chunk: int) -> list[dict[str, float]]:
    """The parameter values of every draw of ``monte_carlo(case, samples, seed,
    chunk_size=chunk)``, rebuilt from the seeded chunk plan as the run makes them."""
    chosen = [p for p in case.parameters if p.distribution is not None]
    plan = plan_chunks(samples, seed, chunk)
    rows: list[dict[str, float]] = []
    for size, child in zip(plan.sizes, plan.seeds, strict=True):
        drawn = dict(draw_parameters(chosen, size, np.random.default_rng(child)))
        rows += [{name: float(np.asarray(v)[i]) for name, v in drawn.items()} for i in range(size)]
    return rows


def _expected_counts(
    case: Case, result: MonteCarloResult, rows: list[dict[str, float]]
) -> tuple[np.ndarray, np.ndarray]:
    labels = np.zeros((len(result.claims), len(LABELS)), dtype=np.int64)
    verdicts = np.zeros((len(result.claims), len(VERDICTS)), dtype=np.int64)
    for values in rows:
        point = evaluate(case, values=values)
        for j, claim in enumerate(result.claims):
            labels[j, LABELS.index(point[claim].label)] += 1
            verdicts[j, VERDICTS.index(point[claim].verdict)] += 1
    return labels, verdicts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(max_nodes=5), st.integers(0, 2**32 - 1))
def test_label_and_verdict_counts_follow_evaluate_draw_by_draw(case: Case, seed: int) -> None:
    if not any(p.distribution is not None for p in case.parameters):
        return
    samples, chunk = 23, 10
    kept = monte_carlo(case, samples, seed, chunk_size=chunk, progress=False)
    streamed = monte_carlo(
        case, samples, seed, chunk_size=chunk, progress=False, keep_samples=False
    )
    rows = _draws(case, samples, seed, chunk)
    assert kept.labels is not None and kept.undefined is not None
    assert not kept.undefined.any()  # the strategy's scores are clipped, always defined
    labels, verdicts = _expected_counts(case, kept, rows)
    for result in (kept, streamed):
        assert np.array_equal(result.tally.labels, labels)
        assert np.array_equal(result.tally.verdicts, verdicts)
    # the kept arrays say the same draw by draw
    codes = kept.verdicts()
    assert codes is not None
    for i, values in enumerate(rows):
        point = evaluate(case, values=values)
        for j, claim in enumerate(kept.claims):
            assert kept.labels[i, j] == CODE[point[claim].label]
            assert VERDICTS[codes[i, j]] is point[claim].verdict
    for j, claim in enumerate(kept.claims):
        summary = streamed.summary(claim)
        assert summary == kept.summary(claim)
        assert summary.p_in == labels[j, 0] / samples
        assert summary.p_defeated == verdicts[j, VERDICTS.index(Verdict.DEFEATED)] / samples


def test_verdict_codes_agree_with_verdict_of() -> None:
    combos = [
        (label, met, std) for label in Label for met in (False, True) for std in (False, True)
    ]
    labels = np.array([[CODE[label] for label, _, _ in combos]], dtype=np.int8)
    met = np.array([[m for _, m, _ in combos]])
    has_standard = np.array([s for _, _, s in combos])
    codes = verdict_codes(labels, met, has_standard)[0]
    for (label, m, s), code in zip(combos, codes.tolist(), strict=True):
        assert VERDICTS[code] is Verdict.of(label, m if s else None)


def _flipping_case(high: float = 1.0) -> Case:
    """C2 rebuts C1 and defeats it only where C1's score sqrt(w - 0.2) is not above
    C2's 0.5, i.e. for w in [0.2, 0.45]; below 0.2 C1 has no value (undefined)."""
    return Case.model_validate(
        {
            "title": "labels that depend on the draw",
            "parameters": [
                {
                    "id": "w",
                    "value": 0.5,
                    "distribution": {"kind": "uniform", "low": 0, "high": high},
                }
            ],
            "issues": [{"id": "I1", "question": "q?", "proof_standard": "scintilla"}],
            "claims": [
                {"id": "C1", "text": "c1", "issue": "I1", "base_score": "sqrt(w - 0.2)"},
                {"id": "C2", "text": "c2", "base_score": 0.5},
            ],
            "relations": [{"kind": "rebut", "from": "C2", "to": "C1"}],
        }
    )


def test_streamed_counts_equal_the_kept_arrays_and_leave_undefined_draws_out() -> None:
    kept = monte_carlo(_flipping_case(), 3000, seed=4, chunk_size=700, progress=False)
    streamed = monte_carlo(
        _flipping_case(), 3000, seed=4, chunk_size=700, progress=False, keep_samples=False
    )
    assert streamed.labels is None and streamed.verdicts() is None
    assert kept.labels is not None and kept.undefined is not None and kept.met is not None
    assert kept.labels.dtype == np.int8 and kept.labels.shape == (3000, 2)
    codes = kept.verdicts()
    assert codes is not None
    for j, claim in enumerate(kept.claims):
        defined = ~kept.undefined[:, j]
        by_label = [int(np.sum(kept.labels[defined, j] == CODE[label])) for label in LABELS]
        by_verdict = [int(np.sum(codes[defined, j] == k)) for k in range(len(VERDICTS))]
        assert streamed.tally.labels[j].tolist() == by_label
        assert streamed.tally.verdicts[j].tolist() == by_verdict
        assert sum(by_label) == sum(by_verdict) == int(defined.sum())
        assert streamed.summary(claim) == kept.summary(claim)
    c1 = streamed.summary("C1")
    assert c1.undefined > 0 and c1.p_in is not None
    # over the defined draws (w >= 0.2), C1 is defeated for w <= 0.45: about 31 %
    assert 0.2 < (c1.p_out or 0.0) < 0.42 and c1.p_in == pytest.approx(1 - (c1.p_out or 0.0))
    assert c1.p_undec == 0.0
    assert (c1.p_proved or 0.0) + (c1.p_defeated or 0.0) + (c1.p_contested or 0.0) == (
        pytest.approx(1.0)
    )
    # C1 is the only attacked claim: C2 stays in and, without a standard, accepted
    assert streamed.summary("C2").p_in == streamed.summary("C2").p_accepted == 1.0


def test_a_claim_never_defined_has_no_label_shares() -> None:
    result = monte_carlo(_flipping_case(high=0.1), 200, seed=1, progress=False)
    c1 = result.summary("C1")
    assert c1.undefined == 200
    assert c1.p_in is None and c1.p_proved is None and c1.modal_verdict is None


@pytest.fixture(scope="module")
def worked_runs() -> tuple[Case, list[Scenario]]:
    case, scenarios = load_scenarios([str(WORKED)])
    return case, scenarios


def test_the_worked_case_leaves_some_label_open(worked_runs: tuple[Case, list[Scenario]]) -> None:
    # seeds/musk_v_microsoft.yaml under its Monte Carlo scenario: the drawn weights
    # decide some defeats, so at least one claim is in for some draws and not others
    case, (scenario,) = worked_runs
    result = run(case, scenario, samples=1000, keep_samples=False).uncertainty
    assert result is not None and result.samples == 1000
    open_labels = [s.claim for s in result.summaries() if s.p_in is not None and 0.0 < s.p_in < 1.0]
    assert open_labels, "no claim's label varies over the draws"
    for s in result.summaries():
        shares = s.label_probabilities
        assert shares is not None and sum(shares.values()) == pytest.approx(1.0)
        verdicts = s.verdict_probabilities
        assert verdicts is not None and sum(verdicts.values()) == pytest.approx(1.0)


def test_the_comparison_shows_p_in_and_the_modal_verdict(
    worked_runs: tuple[Case, list[Scenario]],
) -> None:
    case, scenarios = worked_runs
    comparison = compare(case, scenarios, samples=600, seed=7, keep_samples=False)
    table = comparison.table()
    assert "p(in)=" in table and "mostly " in table and "p(in) = share labelled in" in table
    rows = json.loads(comparison.to_json())["rows"]
    for row in rows:
        shares = [row[f"p_{label.value}"] for label in LABELS]
        assert sum(shares) == pytest.approx(1.0)
        verdicts = {v.value: row[f"p_{v.value}"] for v in VERDICTS}
        assert row["modal_verdict"] == max(verdicts, key=lambda v: verdicts[v])
        assert row["p_modal_verdict"] == max(verdicts.values())
    header = comparison.to_csv().splitlines()[0].split(",")
    assert {"p_in", "p_out", "p_undec", "p_contested", "modal_verdict"} <= set(header)
    # without draws, the Monte Carlo columns stay out of the exports
    drawless = [s.model_copy(update={"samples": None}) for s in scenarios]
    plain = compare(case, drawless)
    assert "p_in" not in plain.to_csv().splitlines()[0]


def test_the_brief_names_claims_whose_label_the_draws_leave_open(
    worked_runs: tuple[Case, list[Scenario]],
) -> None:
    from argmap.report import _baseline_uncertainty

    case, scenarios = worked_runs
    comparison = compare(case, scenarios, samples=600, seed=7, keep_samples=False)
    _, sentence = _baseline_uncertainty(comparison)
    baseline = [r.draws for r in comparison.rows if r.scenario == comparison.scenarios[0]]
    split = [
        (s.claim, modal)
        for s in baseline
        if s is not None and (modal := s.modal_verdict) is not None and modal[1] < 0.98
    ]
    assert split
    for claim, (verdict, share) in split:
        assert f"{claim} (" in sentence
        assert f"{verdict.value} {share:.0%}" in sentence
