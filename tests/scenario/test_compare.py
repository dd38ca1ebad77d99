"""Comparisons: one row per claim and scenario, changes against the baseline, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from argmap.errors import ScenarioError
from argmap.io.casefile import load
from argmap.model import Case
from argmap.scenario import Scenario, compare, run
from argmap.semantics.evaluate import evaluate
from tests.scenario import cases

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ad_tool_dispute.yaml"


@pytest.fixture(scope="module")
def example() -> Case:
    return load(EXAMPLE)


def scenario(name: str, *interventions: dict[str, object], **extra: object) -> Scenario:
    return Scenario.model_validate(
        {
            "name": name,
            "question": f"what if {name}?",
            "interventions": list(interventions),
            **extra,
        }
    )


TRUST = scenario("press trusted", {"op": "set_parameter", "parameter": "w_press", "value": 0.95})
DROP = scenario("no S1", {"op": "drop_source", "source": "S1"})
NEW = scenario(
    "new claim",
    {"op": "remove_node", "node": "C_retaliation"},
    {
        "op": "add_node",
        "node": {"kind": "claim", "id": "C_cost", "text": "cost cutting", "issue": "I_motive"},
    },
)


def test_rows_cover_every_claim_and_scenario(example: Case) -> None:
    comparison = compare(example, [TRUST, DROP])
    assert comparison.scenarios == ("baseline", "press trusted", "no S1")
    assert len(comparison.rows) == 2 * 3
    base = evaluate(example)
    row = comparison.row("C_retaliation", "baseline")
    assert row.strength == base["C_retaliation"].strength and row.strength_delta == 0.0
    dropped = comparison.row("C_retaliation", "no S1")
    after = evaluate(run(example, DROP).case)["C_retaliation"].strength
    assert dropped.strength_delta == pytest.approx(after - base["C_retaliation"].strength)
    assert comparison.changes()


def test_removed_and_added_claims(example: Case) -> None:
    comparison = compare(example, [NEW])
    gone = comparison.row("C_retaliation", "new claim")
    assert gone.label is None and gone.strength is None and gone.baseline_label == "out"
    assert gone.label_changed
    added = comparison.row("C_cost", "new claim")
    assert added.label == "in" and added.baseline_label is None and added.strength_delta is None
    assert "absent" in comparison.table()


def test_standard_flip_is_reported() -> None:
    case = cases.licence_case()
    lose = scenario(
        "licence found", {"op": "set_parameter", "parameter": "w_licence", "value": 0.9}
    )
    row = compare(case, [lose]).row("C1", "licence found")
    assert row.standard_flip == "lost" and row.standard_met is False
    assert compare(case, [lose]).row("C1", "baseline").standard_met is True


def test_exports_have_the_same_rows(example: Case) -> None:
    comparison = compare(example, [TRUST, DROP])
    frame = comparison.to_frame()
    assert frame.shape == (6, 11)
    assert list(frame.columns[:4]) == ["claim", "scenario", "label", "strength"]
    assert frame["verdict"].tolist()[:2] == [r.verdict for r in comparison.rows[:2]]
    payload = json.loads(comparison.to_json())
    assert payload["semantics"] == "grounded" and payload["gradual"] == "dfquad"
    assert len(payload["rows"]) == 6
    assert payload["scenarios"][1] == {
        "name": "press trusted",
        "question": "what if press trusted?",
        "forced_outcomes": [],
    }
    rows = list(csv.DictReader(io.StringIO(comparison.to_csv())))
    assert len(rows) == 6 and rows[0]["claim"] == "C_principled"
    markdown = comparison.to_markdown()
    assert markdown.splitlines()[0] == "| claim | baseline | press trusted | no S1 |"
    assert "<table" in comparison._repr_html_()


def test_monte_carlo_columns_and_common_random_numbers(example: Case) -> None:
    comparison = compare(example, [TRUST], samples=800, seed=3)
    frame = comparison.to_frame()
    assert {"p_standard", "q05", "q50", "q95"} <= set(frame.columns)
    draws = comparison.row("C_retaliation", "press trusted").draws
    assert draws is not None and draws.q05 <= draws.q50 <= draws.q95
    again = compare(example, [TRUST], samples=800, seed=3)
    assert again.rows == comparison.rows
    assert "p = share of 800 samples" in comparison.table()


def test_settings_come_from_scenarios_when_agreed(example: Case) -> None:
    a = scenario("a", gradual="euler_based", samples=100, seed=1)
    b = scenario("b", gradual="euler_based")
    comparison = compare(example, [a, b], gradual=None)
    assert comparison.gradual == "euler_based" and comparison.samples == 100
    c = scenario("c", gradual="quadratic_energy")
    with pytest.raises(ScenarioError, match="different gradual"):
        compare(example, [a, c], gradual=None)


def test_duplicate_names_are_refused(example: Case) -> None:
    with pytest.raises(ScenarioError, match="used twice"):
        compare(example, [TRUST, TRUST])
    with pytest.raises(ScenarioError, match="reserved"):
        compare(example, [scenario("baseline")])


def test_lazy_exports() -> None:
    import argmap

    assert argmap.Scenario is Scenario and argmap.compare is compare


def test_precedent_constraint_follows_the_factors() -> None:
    from tests.scenario.test_apply import hand_case

    case = hand_case()
    public = scenario(
        "only public data",
        {"op": "set_factor", "factor": "p1", "present": False},
        {"op": "set_factor", "factor": "d1", "present": True},
    )
    # hiQ (reason d1, for the defendant) binds once d1 holds and no plaintiff factor does
    pending = scenario(
        "NYT for plaintiff",
        {"op": "decide_precedent", "precedent": "P_pending", "outcome": "plaintiff"},
    )
    comparison = compare(case, [public, pending])
    # the decided NYT case gave no reason (an empty reason is always satisfied) and has
    # no defendant factor the new facts could add: it forces the plaintiff's side
    assert comparison.forced == {
        "baseline": (),
        "only public data": ("defendant",),
        "NYT for plaintiff": ("plaintiff",),
    }
    assert "only public data: defendant" in comparison.table()
    payload = json.loads(comparison.to_json())
    assert payload["scenarios"][1]["forced_outcomes"] == ["defendant"]
    # deciding the pending case switches on its argument for the plaintiff
    before, after = comparison.runs[0].evaluation, comparison.runs[2].evaluation
    assert before["A_nyt_p"].label == "out" and before["A_nyt_p"].strength == 0.0
    # its strength is authority (0.5) x similarity (1.0), and nothing attacks it
    assert after["A_nyt_p"].label == "in"
    assert after["A_nyt_p"].strength == pytest.approx(0.5)
