"""The what-if scenarios shipped in ``scenarios/``: each loads, applies and runs, and
moves the claims its question is about in the direction the question implies.

Expectations are directions (up, down, a standard gained or lost, a label won), read
from the comparison against the baseline; no strength is written down here, so the
tests follow the worked case as it is refined and fail only when a scenario stops
saying what its question asks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from argmap.io.casefile import load
from argmap.model import Case
from argmap.scenario import (
    Comparison,
    Scenario,
    apply_scenario,
    compare,
    load_scenario,
    load_scenarios,
    run,
)
from argmap.scenario.files import base_case_path
from argmap.scenario.model import DropSource, SetStandard

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"
CASE = REPO / "seeds" / "musk_v_microsoft.yaml"
FILES = sorted(SCENARIOS.glob("*.yaml"))

# A strength "moves" when it changes by more than the comparison's own noise floor.
EPS = 1e-9

Check = tuple[str, str]
"""(claim, expectation): up, down, not-up, not-down, gained, lost, in."""

EXPECTED: dict[str, list[Check]] = {
    "01_hiq_public_data.yaml": [("C_lawful", "up"), ("C_illegal", "down")],
    "02_licence_surfaces.yaml": [
        ("C_licensed", "up"),
        ("C_licensed", "gained"),
        ("C_tos", "down"),
        ("C_lawful", "up"),
        ("C_illegal", "down"),
    ],
    "03_x_bright_data_tos.yaml": [
        ("C_tos_weak", "up"),
        ("C_users_own", "up"),
        ("C_tos", "down"),
        ("C_illegal", "down"),
    ],
    "04_nyt_for_plaintiff.yaml": [
        ("C_illegal", "up"),
        ("C_lawful", "down"),
        ("C_fair_use", "down"),
        ("C_copyright", "up"),
    ],
    "05_nyt_for_defendant.yaml": [
        ("C_illegal", "down"),
        ("C_lawful", "up"),
        ("C_fair_use", "up"),
        ("C_copyright", "down"),
    ],
    "06_ms_cost_reason.yaml": [
        ("C_cost", "up"),
        ("C_retaliation", "down"),
        ("C_fees_cause", "not-down"),
    ],
    "07_tweet_discounted.yaml": [("C_tos", "down"), ("C_illegal", "down")],
    # the standard scenario and the Monte Carlo have their own tests below
    "08_clear_and_convincing.yaml": [],
    "09_monte_carlo.yaml": [],
    "10_drop_blog.yaml": [("C_retaliation", "down")],
    "11_suit_filed.yaml": [("C_suit", "up"), ("C_suit", "gained"), ("C_suit", "in")],
    "12_ross_reversed.yaml": [
        ("C_fair_use", "up"),
        ("C_copyright", "down"),
        ("C_lawful", "not-down"),
        ("C_illegal", "not-up"),
    ],
}


@pytest.fixture(scope="module")
def case() -> Case:
    return load(CASE)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    base, scenarios = load_scenarios(FILES)
    return compare(base, scenarios)


def _scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / name)


def test_every_shipped_scenario_has_expectations() -> None:
    assert len(FILES) >= 9
    assert sorted(p.name for p in FILES) == sorted(EXPECTED)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_scenario_loads_applies_and_runs(path: Path, case: Case) -> None:
    scenario = load_scenario(path)
    assert base_case_path(scenario).resolve() == CASE.resolve()
    assert scenario.question.endswith("?") and "\n" not in scenario.question
    assert scenario.interventions, "a what-if changes something"
    changed = apply_scenario(case, scenario)
    assert changed is not case
    result = run(case, scenario, samples=0)
    assert result.name == scenario.name
    assert [r.id for r in result.evaluation.claims()] == [c.id for c in changed.claims]
    assert result.evaluation.converged


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_hypothetical_material_is_marked(path: Path, case: Case) -> None:
    """Anything a scenario invents says so: its source's outlet and its text."""
    changed = apply_scenario(case, load_scenario(path))
    known = {s.id for s in case.sources}
    added = [s for s in changed.sources if s.id not in known]
    for source in added:
        assert "HYPOTHETICAL" in source.outlet, source.id
        assert source.file is None, "a hypothetical source has no seed file"
    invented = {s.id for s in added}
    for item in changed.evidence:
        if item.source in invented:
            assert item.text.startswith("HYPOTHETICAL"), item.id
            assert item.quote is None, "nothing invented is quoted"
    known_precedents = {p.id for p in case.precedents}
    for precedent in changed.precedents:
        if precedent.id not in known_precedents:
            assert precedent.name.startswith("HYPOTHETICAL"), precedent.id
            assert set(precedent.sources) <= invented, precedent.id


def _moves(comparison: Comparison, scenario: str, claim: str) -> Callable[[str], bool]:
    row = comparison.row(claim, scenario)
    base = comparison.row(claim, "baseline")
    assert row.strength is not None and base.strength is not None
    delta = row.strength - base.strength
    tests: dict[str, Callable[[], bool]] = {
        "up": lambda: delta > EPS,
        "down": lambda: delta < -EPS,
        "not-up": lambda: delta <= EPS,
        "not-down": lambda: delta >= -EPS,
        "gained": lambda: row.standard_flip == "gained",
        "lost": lambda: row.standard_flip == "lost",
        "in": lambda: row.label == "in",
    }
    return lambda expectation: tests[expectation]()


@pytest.mark.parametrize(
    ("file", "claim", "expectation"),
    [(f, c, e) for f, checks in EXPECTED.items() for c, e in checks],
)
def test_scenario_moves_claims_as_its_question_implies(
    comparison: Comparison, file: str, claim: str, expectation: str
) -> None:
    name = _scenario(file).name
    row = comparison.row(claim, name)
    base = comparison.row(claim, "baseline")
    assert _moves(comparison, name, claim)(expectation), (
        f"{file}: {claim} expected {expectation}; baseline {base.label} "
        f"{base.strength:.6f} (met={base.standard_met}), scenario {row.label} "
        f"{row.strength:.6f} (met={row.standard_met})"
    )


def test_raising_the_standard_only_takes_claims_below_it(comparison: Comparison) -> None:
    scenario = _scenario("08_clear_and_convincing.yaml")
    step = scenario.interventions[0]
    assert isinstance(step, SetStandard)
    issue = step.issue
    changed = apply_scenario(load(CASE), scenario)
    on_issue = [c.id for c in changed.claims if c.issue == issue]
    assert on_issue
    flips = []
    for claim in on_issue:
        row = comparison.row(claim, scenario.name)
        base = comparison.row(claim, "baseline")
        assert row.standard == "clear_and_convincing"
        assert row.strength == pytest.approx(base.strength, abs=1e-12)
        assert row.standard_flip != "gained", claim
        flips.append(row.standard_flip)
    assert "lost" in flips, "a stricter standard should cost the weaker claims"
    for claim in comparison.claims:
        if claim not in on_issue:
            assert not comparison.row(claim, scenario.name).changed, claim


def test_monte_carlo_scenario_is_seeded_and_widens_fair_use(case: Case) -> None:
    scenario = _scenario("09_monte_carlo.yaml")
    assert scenario.samples and scenario.seed is not None
    first = run(case, scenario)
    again = run(case, scenario)
    assert first.uncertainty is not None and again.uncertainty is not None
    assert first.uncertainty.samples == scenario.samples
    assert first.uncertainty.seed == scenario.seed
    np.testing.assert_array_equal(first.uncertainty.strengths, again.uncertainty.strengths)
    # only a distribution changed: the point evaluation is the baseline's
    baseline = run(case, None, samples=scenario.samples, seed=scenario.seed)
    for node, result in baseline.evaluation.nodes.items():
        assert first.evaluation.nodes[node].strength == pytest.approx(result.strength)
    # every uncertain parameter of the case is sampled
    uncertain = {p.id for p in case.parameters if p.distribution is not None}
    assert set(first.uncertainty.parameters) == uncertain
    # a wider fair-use distribution spreads the fair-use claim's strength
    widened = first.uncertainty.summary("C_fair_use")
    assert baseline.uncertainty is not None
    before = baseline.uncertainty.summary("C_fair_use")
    assert widened.q95 - widened.q05 > before.q95 - before.q05
    for summary in first.uncertainty.summaries():
        assert summary.q05 <= summary.q50 <= summary.q95
        assert summary.p_standard is None or 0.0 <= summary.p_standard <= 1.0


def test_comparison_of_all_scenarios_exports(comparison: Comparison) -> None:
    assert comparison.scenarios[0] == "baseline"
    assert len(comparison.scenarios) == len(FILES) + 1
    markdown = comparison.to_markdown()
    for path in FILES:
        assert load_scenario(path).question in markdown
    assert comparison.samples == _scenario("09_monte_carlo.yaml").samples
    assert len(comparison.to_csv().splitlines()) == len(comparison.rows) + 1


def test_dropping_the_blog_removes_its_evidence(case: Case) -> None:
    scenario = _scenario("10_drop_blog.yaml")
    step = scenario.interventions[0]
    assert isinstance(step, DropSource)
    dropped = step.source
    changed = apply_scenario(case, scenario)
    assert any(e.source == dropped for e in case.evidence)
    assert not any(e.source == dropped for e in changed.evidence)


def test_command_line_runs_every_shipped_scenario(
    comparison: Comparison, capsys: pytest.CaptureFixture[str]
) -> None:
    """``argmap scenario run scenarios/*.yaml`` agrees with the library comparison."""
    import json

    from argmap.cli import main

    assert main(["scenario", "run", *map(str, FILES), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in payload["scenarios"]] == list(comparison.scenarios)
    assert payload["samples"] == comparison.samples and payload["seed"] == comparison.seed
    rows = {(r["claim"], r["scenario"]): r for r in payload["rows"]}
    for row in comparison.rows:
        printed = rows[(row.claim, row.scenario)]
        assert printed["label"] == row.label
        assert printed["standard_flip"] == row.standard_flip
        assert printed["strength"] == pytest.approx(row.strength, abs=1e-6)
