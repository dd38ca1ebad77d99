"""Preference-based defeat: definitions on small cases, continuity and monotonicity on
random cases (hypothesis), and what it changes on the worked case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import SolverError
from argmap.model import Case, Claim, Evidence, Relation, Source
from argmap.semantics.compile import compile_case
from argmap.semantics.defeat import (
    DefeatRule,
    attack_forces,
    check_defeat,
    defeat_mask,
    preference_strengths,
)
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Label
from tests.model.strategies import cases

REPO = Path(__file__).resolve().parents[2]
WORKED = REPO / "seeds" / "musk_v_microsoft.yaml"
RANK = {Label.OUT: 0, Label.UNDEC: 1, Label.IN: 2}
SEMANTICS = ("grounded", "preferred", "stable", "complete")


def _two_claims(a: float, b: float, kind: str = "rebut", weight: float | None = None) -> Case:
    return Case(
        title="t",
        claims=[Claim(id="A", text="a", base_score=a), Claim(id="B", text="b", base_score=b)],
        relations=[Relation(kind=kind, origin="A", target="B", weight=weight)],
    )


# -- the definitions on small cases ---------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "defeats"),
    [(0.34, 0.48, False), (0.48, 0.34, True), (0.5, 0.5, True), (0.0, 0.0, False)],
)
def test_a_rebut_defeats_unless_its_target_is_strictly_stronger(
    a: float, b: float, defeats: bool
) -> None:
    fw = compile_case(_two_claims(a, b))
    assert defeat_mask(fw).tolist() == [defeats]
    label = evaluate(_two_claims(a, b))["B"].label
    assert label is (Label.OUT if defeats else Label.IN)


def test_an_undercut_defeats_whatever_the_preference() -> None:
    case = Case(
        title="t",
        sources=[Source(id="S", outlet="o", title="t")],
        claims=[Claim(id="C", text="c"), Claim(id="U", text="u", base_score=0.1)],
        evidence=[Evidence(id="E", text="e", source="S", status="fact", reliability=0.9)],
        arguments=[{"id": "A", "text": "a", "premises": ["E"], "conclusion": "C"}],
        relations=[Relation(kind="undercut", origin="U", target="A")],
    )
    fw = compile_case(case)
    assert defeat_mask(fw).tolist() == [True]
    assert evaluate(case)["A"].label is Label.OUT


def test_weakest_link_reads_premises_last_link_does_not() -> None:
    case = Case(
        title="t",
        sources=[Source(id="S", outlet="o", title="t")],
        claims=[Claim(id="C", text="c", base_score=0.1), Claim(id="K", text="k", base_score=0.5)],
        evidence=[Evidence(id="E", text="e", source="S", status="fact", reliability=0.2)],
        arguments=[{"id": "A", "text": "a", "premises": ["E"], "conclusion": "C", "weight": 0.9}],
        relations=[Relation(kind="rebut", origin="K", target="C", weight=0.5)],
    )
    fw = compile_case(case)
    i = fw.index
    weakest = preference_strengths(fw)
    last = preference_strengths(fw, ordering="last-link")
    democratic = preference_strengths(fw, comparison="democratic")
    assert weakest[i["A"]] == 0.2 and weakest[i["C"]] == 0.2  # min(0.9, 0.2)
    assert last[i["A"]] == 0.9 and last[i["C"]] == 0.9  # the last rule only
    assert democratic[i["A"]] == 0.9  # max of {0.9, 0.2}
    # the rebut (rule weight 0.5, from K of 0.5) defeats C under weakest link (0.2)
    # but not under last link (0.9)
    assert defeat_mask(fw).tolist() == [True]
    assert defeat_mask(fw, DefeatRule(ordering="last-link")).tolist() == [False]


def test_a_relation_weight_enters_the_attackers_force() -> None:
    fw = compile_case(_two_claims(0.9, 0.6, weight=0.5))
    p = preference_strengths(fw)
    assert attack_forces(fw, p).tolist() == [0.5]  # min(0.5, 0.9) < 0.6: no defeat
    assert defeat_mask(fw).tolist() == [False]
    assert attack_forces(fw, p, ordering="last-link").tolist() == [0.5]


def test_samples_give_one_mask_per_row() -> None:
    fw = compile_case(_two_claims(0.5, 0.5))
    base = np.array([[0.2, 0.5], [0.7, 0.5], [0.5, 0.5]])
    assert defeat_mask(fw, base=base).tolist() == [[False], [True], [True]]


def test_a_support_cycle_cannot_lift_itself() -> None:
    case = Case(
        title="t",
        claims=[Claim(id="A", text="a", base_score=0.2), Claim(id="B", text="b", base_score=0.3)],
        relations=[
            Relation(kind="support", origin="A", target="B"),
            Relation(kind="support", origin="B", target="A"),
        ],
    )
    assert preference_strengths(compile_case(case)).tolist() == [0.3, 0.3]


def test_unknown_names_are_refused() -> None:
    with pytest.raises(SolverError, match="ordering"):
        check_defeat("preference", "first-link")
    with pytest.raises(SolverError, match="defeat rule"):
        evaluate(_two_claims(0.5, 0.5), defeat="sometimes")
    assert check_defeat("Preference", "LAST_LINK", "Democratic") == DefeatRule(
        "preference", "last-link", "democratic"
    )


# -- continuity and monotonicity on random cases -------------------------------------


def _outcome(case: Case, semantics: str) -> dict[str, Any]:
    result = evaluate(case, semantics)
    return {r.id: (r.label, round(r.strength, 9), r.standard_met) for r in result}


def _with_relations(case: Case, relations: list[Relation]) -> Case:
    return case.model_copy(update={"relations": relations})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(max_nodes=6), st.data())
def test_a_relation_of_weight_zero_is_as_if_absent(case: Case, data: st.DataObject) -> None:
    if not case.relations:
        return
    k = data.draw(st.integers(0, len(case.relations) - 1))
    semantics = data.draw(st.sampled_from(SEMANTICS))
    zero = [
        r.model_copy(update={"weight": 0.0}) if j == k else r for j, r in enumerate(case.relations)
    ]
    absent = [r for j, r in enumerate(case.relations) if j != k]
    assert _outcome(_with_relations(case, zero), semantics) == _outcome(
        _with_relations(case, absent), semantics
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(max_nodes=6), st.data())
def test_a_heavier_attack_never_lifts_its_target(case: Case, data: st.DataObject) -> None:
    attacks = [j for j, r in enumerate(case.relations) if r.kind.value != "support"]
    if not attacks:
        return
    k = data.draw(st.sampled_from(attacks))
    low, high = sorted(data.draw(st.lists(st.floats(0, 1), min_size=2, max_size=2)))
    target = case.relations[k].target

    def at(weight: float) -> Any:
        rels = [
            r.model_copy(update={"weight": weight}) if j == k else r
            for j, r in enumerate(case.relations)
        ]
        return evaluate(_with_relations(case, rels))[target]

    light, heavy = at(low), at(high)
    assert RANK[heavy.label] <= RANK[light.label]
    assert heavy.strength <= light.strength + 1e-12


# -- the worked case -------------------------------------------------------------------


@pytest.fixture(scope="module")
def worked() -> Case:
    return argmap.load(WORKED)


def test_a_con_argument_of_weight_zero_does_not_defeat_fair_use(worked: Case) -> None:
    # AP_bartz_piracy argues against C_fair_use with weight 0 (its precedent's factors
    # share nothing with this case): it is no defeat, so fair use is no longer out
    fw = compile_case(worked)
    i = fw.index["AP_bartz_piracy"]
    assert preference_strengths(fw)[i] == 0.0
    edges = np.flatnonzero(fw.att_src == i)
    assert not defeat_mask(fw)[edges].any()
    assert evaluate(worked)["C_fair_use"].label is Label.IN
    assert evaluate(worked, defeat="attack")["C_fair_use"].label is Label.OUT


def test_the_weaker_side_of_a_one_way_rebut_cannot_defeat(worked: Case) -> None:
    # C_lawful rebuts C_illegal; drawn the other way round, the weaker C_illegal no
    # longer defeats C_lawful, which stays in (it was out under plain attacks)
    rels = [
        r.model_copy(update={"origin": r.target, "target": r.origin})
        if (r.origin, r.target, r.kind.value) == ("C_lawful", "C_illegal", "rebut")
        else r
        for r in worked.relations
    ]
    assert rels != list(worked.relations)
    reversed_case = _with_relations(worked, rels)
    assert evaluate(reversed_case)["C_lawful"].label is Label.IN
    assert evaluate(reversed_case, defeat="attack")["C_lawful"].label is Label.OUT


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(max_nodes=5))
def test_sampled_verdicts_follow_each_samples_defeats(case: Case) -> None:
    # a sweep labels every grid point on its own defeats, exactly as evaluate does there
    from argmap.scenario.uncertainty import sweep

    if not case.parameters:
        return
    name = case.parameters[0].id
    grid = np.linspace(0.0, 1.0, 5)
    claims = [c.id for c in case.claims]
    result = sweep(case, name, grid, claims=claims, progress=False)
    for row, x in enumerate(grid):
        point = evaluate(case, values={name: float(x)})
        for col, claim in enumerate(claims):
            assert result.strengths[row, col] == pytest.approx(point[claim].strength, abs=1e-9)
            if point[claim].standard_met is not None:
                assert bool(result.met[row, col]) == point[claim].standard_met


def test_the_readme_example_no_longer_lets_the_weaker_claim_defeat(tmp_path: Path) -> None:
    # the case printed in README.md ("Writing a case"), read from the README itself
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "readme.yaml"
    path.write_text(block, encoding="utf-8")
    case = argmap.load(path)
    result = evaluate(case)
    assert result["C2"].strength < result["C1"].strength
    assert result["C1"].label is Label.IN  # C2's rebut is weaker than C1: no defeat
    assert evaluate(case, defeat="attack")["C1"].label is Label.OUT


def test_a_threshold_finds_the_point_where_a_preference_flips() -> None:
    # S (0.6) supports B; A (base w) undermines S. A defeats S iff w >= 0.6, and then
    # S no longer applies, so B's preponderance over argument weights (the Carneades
    # reading; B's strength stays above 0.5 throughout) holds iff w < 0.6: a boundary
    # that only the preference makes (the strengths move smoothly through it)
    from argmap.scenario.analysis import threshold

    case = Case.model_validate(
        {
            "title": "t",
            "proof": {"reading": "carneades"},
            "parameters": [{"id": "w", "value": 0.3}],
            "issues": [{"id": "I", "question": "q?"}],
            "claims": [
                {"id": "B", "text": "b", "issue": "I", "base_score": 0.6},
                {"id": "S", "text": "s", "base_score": 0.6},
                {"id": "A", "text": "a", "base_score": "w"},
            ],
            "relations": [
                {"kind": "support", "from": "S", "to": "B"},
                {"kind": "undermine", "from": "A", "to": "S"},
            ],
        }
    )
    t = threshold(case, "B", "w", low=0.0, high=1.0)
    assert t.boundaries == (0.6,)
    assert t.intervals == ((0.0, 0.6),)
    assert evaluate(case, values={"w": 0.59})["B"].standard_met is True
    assert evaluate(case, values={"w": 0.6})["B"].standard_met is False


def test_a_case_chooses_its_own_defeat_rule_and_a_call_can_override_it() -> None:
    from argmap.scenario.uncertainty import sample_labels

    data = _two_claims(0.34, 0.48).model_dump(by_alias=True)
    data["parameters"] = [{"id": "w", "value": 0.34}]
    data["claims"][0]["base_score"] = "w"
    plain = Case.model_validate({**data, "defeat": {"rule": "attack"}})
    assert compile_case(plain).defeat == ("attack", "weakest-link", "elitist")
    assert evaluate(plain)["B"].label is Label.OUT  # the case's own rule
    assert evaluate(plain, defeat="preference")["B"].label is Label.IN  # the call's
    # sampled runs follow the case's rule too: A (w = 0.2) defeats B only by attack
    draws = {"w": np.array([0.2, 0.6])}
    for case, b_labels in ((plain, [-1, -1]), (Case.model_validate(data), [1, -1])):
        fw = compile_case(case)
        base = fw.base_matrix(draws)
        labels = sample_labels(fw, "grounded", base, fw.edge_weight_matrix(draws))
        assert labels[:, fw.index["B"]].tolist() == b_labels
    last = Case.model_validate({**data, "defeat": {"ordering": "last-link"}})
    assert evaluate(last).defeat == "preference, last-link, elitist"


def test_on_the_worked_case_a_relation_of_weight_zero_changes_nothing(worked: Case) -> None:
    # every relation in turn set to weight 0 gives what removing it gives
    for k in range(0, len(worked.relations), 7):
        zero = [
            r.model_copy(update={"weight": 0.0}) if j == k else r
            for j, r in enumerate(worked.relations)
        ]
        absent = [r for j, r in enumerate(worked.relations) if j != k]
        assert _outcome(_with_relations(worked, zero), "grounded") == _outcome(
            _with_relations(worked, absent), "grounded"
        )
