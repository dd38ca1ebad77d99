"""Each intervention on the shipped example and on small hand cases; the base stays as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ScenarioError
from argmap.io.casefile import dumps, load
from argmap.model import Case
from argmap.scenario.apply import apply_scenario
from argmap.scenario.files import loads_scenario
from argmap.scenario.model import Scenario

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"


@pytest.fixture(scope="module")
def example() -> Case:
    return load(EXAMPLE)


def scenario(*interventions: dict[str, Any]) -> Scenario:
    return Scenario(name="s", question="what if?", interventions=list(interventions))


def applied(case: Case, *interventions: dict[str, Any]) -> Case:
    before = dumps(case)
    out = apply_scenario(case, scenario(*interventions))
    assert dumps(case) == before, "the base case must not change"
    assert out is not case
    return out


def hand_case() -> Case:
    """Two claims, a pending and a decided precedent with arguments, a factor."""
    return Case.model_validate(
        {
            "title": "hand",
            "parameters": [{"id": "w", "value": 0.5}],
            "sources": [
                {"id": "S1", "outlet": "o", "title": "t"},
                {"id": "S2", "outlet": "o", "title": "u"},
            ],
            "issues": [{"id": "I1", "question": "q?", "proof_standard": "preponderance"}],
            "factors": [
                {"id": "p1", "text": "scraped", "favours": "plaintiff", "present": True},
                {"id": "d1", "text": "public", "favours": "defendant"},
            ],
            "claims": [
                {"id": "C1", "text": "unlawful", "issue": "I1"},
                {"id": "C2", "text": "lawful", "issue": "I1"},
            ],
            "evidence": [
                {"id": "E1", "text": "a", "source": "S1", "status": "fact"},
                {"id": "E2", "text": "b", "source": "S2", "status": "report"},
                {"id": "E3", "text": "c", "source": "S1", "status": "report"},
            ],
            "precedents": [
                {
                    "id": "P_pending",
                    "name": "NYT v. OpenAI",
                    "court": "SDNY",
                    "year": 2024,
                    "jurisdiction": "US",
                    "status": "pending",
                    "factors": ["p1"],
                },
                {
                    "id": "P_hiq",
                    "name": "hiQ v. LinkedIn",
                    "court": "9th Cir.",
                    "year": 2022,
                    "jurisdiction": "US",
                    "status": "decided",
                    "outcome": "defendant",
                    "factors": ["d1"],
                    "reason": ["d1"],
                },
            ],
            "arguments": [
                {"id": "A1", "conclusion": "C1", "premises": ["E1", "E2"], "weight": "w"},
                {"id": "A2", "conclusion": "C1", "premises": ["E2"]},
                {
                    "id": "A_nyt_p",
                    "conclusion": "C1",
                    "precedent": "P_pending",
                    "applies_if": "plaintiff",
                },
                {
                    "id": "A_nyt_d",
                    "conclusion": "C2",
                    "premises": ["E3"],
                    "precedent": "P_pending",
                    "applies_if": "defendant",
                },
            ],
            "relations": [
                {"kind": "rebut", "from": "C2", "to": "C1"},
                {"kind": "undercut", "from": "E3", "to": "A2", "weight": 0.5},
                {"kind": "support", "from": "E2", "to": "C2"},
            ],
        }
    )


def ids(case: Case, section: str) -> list[str]:
    return [node.id for node in getattr(case, section)]


def test_set_parameter_value_and_distribution(example: Case) -> None:
    out = applied(
        example,
        {"op": "set_parameter", "parameter": "w_press", "value": 0.25},
        {
            "op": "set_parameter",
            "parameter": "w_silence",
            "distribution": {"kind": "uniform", "low": 0.1, "high": 0.2},
        },
    )
    assert out.parameter_values == {"w_press": 0.25, "w_silence": 0.3}
    silence = out.parameters[1].distribution
    assert silence is not None and silence.kind == "uniform"
    assert example.parameter_values["w_press"] == 0.6


def test_set_weight_on_argument_and_relation(example: Case) -> None:
    out = applied(
        example,
        {"op": "set_weight", "node": "A_fees", "value": "0.5 * w_press"},
        {"op": "set_weight", "relation": {"from": "E_api_fees", "to": "A_silence"}, "value": 0.1},
    )
    assert out.node("A_fees").weight == "0.5 * w_press"  # type: ignore[union-attr]
    undercut = [r for r in out.relations if r.kind == "undercut"]
    assert [r.weight for r in undercut] == [0.1]


def test_set_score_on_each_scored_kind() -> None:
    out = applied(
        hand_case(),
        {"op": "set_score", "node": "C1", "value": 0.9},
        {"op": "set_score", "node": "E1", "value": "w"},
        {"op": "set_score", "node": "P_hiq", "value": 0.8},
    )
    assert out.node("C1").base_score == 0.9  # type: ignore[union-attr]
    assert out.node("E1").reliability == "w"  # type: ignore[union-attr]
    assert out.node("P_hiq").authority == 0.8  # type: ignore[union-attr]


def test_add_node_of_each_kind() -> None:
    out = applied(
        hand_case(),
        {"op": "add_node", "node": {"kind": "party", "id": "X", "name": "X Corp"}},
        {"op": "add_node", "node": {"kind": "source", "id": "S9", "outlet": "o", "title": "t"}},
        {"op": "add_node", "node": {"kind": "issue", "id": "I9", "question": "q?"}},
        {"op": "add_node", "node": {"kind": "claim", "id": "C9", "text": "t", "issue": "I9"}},
        {
            "op": "add_node",
            "node": {"kind": "evidence", "id": "E9", "text": "t", "source": "S9", "status": "fact"},
        },
        {
            "op": "add_node",
            "node": {"kind": "argument", "id": "A9", "conclusion": "C9", "premises": ["E9"]},
        },
        {
            "op": "add_node",
            "node": {"kind": "factor", "id": "f9", "text": "t", "favours": "plaintiff"},
        },
        {
            "op": "add_node",
            "node": {"kind": "event", "id": "V9", "text": "t", "date": "2023-04-19"},
        },
        {
            "op": "add_node",
            "node": {
                "kind": "precedent",
                "id": "P9",
                "name": "n",
                "court": "c",
                "year": 2020,
                "jurisdiction": "US",
                "status": "pending",
            },
        },
    )
    for node_id in ("X", "S9", "I9", "C9", "E9", "A9", "f9", "V9", "P9"):
        assert out.has(node_id)
    assert str(out.node("V9").date) == "2023-04-19"  # type: ignore[union-attr]


def test_remove_premise_only_evidence_cascades(example: Case) -> None:
    out = applied(example, {"op": "remove_node", "node": "E_no_reason"})
    # A_silence rested on E_no_reason alone: it goes, with the undercut aimed at it
    assert not out.has("E_no_reason") and not out.has("A_silence")
    assert all(r.target != "A_silence" for r in out.relations)
    assert len(out.relations) == len(example.relations) - 1


def test_remove_one_premise_keeps_the_argument(example: Case) -> None:
    out = applied(example, {"op": "remove_node", "node": "E_price"})
    assert out.node("A_fees").premises == ["E_drop", "E_api_fees"]  # type: ignore[union-attr]


def test_remove_claim_takes_its_arguments_and_relations() -> None:
    out = applied(hand_case(), {"op": "remove_node", "node": "C2"})
    assert ids(out, "claims") == ["C1"]
    assert "A_nyt_d" not in ids(out, "arguments")
    assert all("C2" not in (r.origin, r.target) for r in out.relations)


def test_remove_precedent_clears_its_arguments() -> None:
    out = applied(hand_case(), {"op": "remove_node", "node": "P_pending"})
    # A_nyt_p had no premises: gone; A_nyt_d keeps its premise, loses the precedent
    assert ids(out, "arguments") == ["A1", "A2", "A_nyt_d"]
    kept = out.node("A_nyt_d")
    assert kept.precedent is None and kept.applies_if is None  # type: ignore[union-attr]


def test_remove_factor_and_issue_clear_references() -> None:
    out = applied(
        hand_case(),
        {"op": "remove_node", "node": "d1"},
        {"op": "remove_node", "node": "I1"},
    )
    hiq = out.node("P_hiq")
    assert hiq.factors == [] and hiq.reason == []  # type: ignore[union-attr]
    assert all(c.issue is None for c in out.claims)


def test_add_and_remove_relation(example: Case) -> None:
    out = applied(
        example,
        {
            "op": "add_relation",
            "relation": {
                "kind": "undermine",
                "from": "E_refusal",
                "to": "E_no_reason",
                "weight": 0.4,
            },
        },
        {
            "op": "remove_relation",
            "relation": {"kind": "support", "from": "E_refusal", "to": "C_principled"},
        },
    )
    kinds = [(r.kind.value, r.origin, r.target) for r in out.relations]
    assert ("undermine", "E_refusal", "E_no_reason") in kinds
    assert ("support", "E_refusal", "C_principled") not in kinds


def test_decide_precedent() -> None:
    out = applied(
        hand_case(), {"op": "decide_precedent", "precedent": "P_pending", "outcome": "plaintiff"}
    )
    decided = out.node("P_pending")
    assert decided.status == "decided" and decided.outcome == "plaintiff"  # type: ignore[union-attr]
    with pytest.raises(ScenarioError, match="already decided"):
        apply_scenario(
            out,
            scenario({"op": "decide_precedent", "precedent": "P_pending", "outcome": "defendant"}),
        )


def test_add_precedent_with_factors_and_arguments() -> None:
    out = applied(
        hand_case(),
        {
            "op": "add_precedent",
            "precedent": {
                "id": "P_new",
                "name": "Hypo v. Thetical",
                "court": "9th Cir.",
                "year": 2025,
                "jurisdiction": "US",
                "status": "decided",
                "outcome": "plaintiff",
                "factors": ["p1", "p9"],
                "reason": ["p9"],
            },
            "factors": [{"id": "p9", "text": "paywalled", "favours": "plaintiff", "present": True}],
            "arguments": [
                {"id": "A_new", "conclusion": "C1", "precedent": "P_new", "applies_if": "plaintiff"}
            ],
        },
    )
    assert out.has("P_new") and out.has("p9") and out.has("A_new")


def test_set_standard_and_factor(example: Case) -> None:
    out = applied(
        example,
        {
            "op": "set_standard",
            "issue": "I_motive",
            "standard": {"name": "clear_and_convincing", "alpha": 0.6},
        },
    )
    standard = out.issues[0].proof_standard
    assert standard.name == "clear_and_convincing" and standard.alpha == 0.6
    by_name = applied(example, {"op": "set_standard", "issue": "I_motive", "standard": "scintilla"})
    assert by_name.issues[0].proof_standard.name == "scintilla"
    factor = applied(hand_case(), {"op": "set_factor", "factor": "d1", "present": True})
    assert factor.node("d1").present is True  # type: ignore[union-attr]


def test_drop_source_takes_its_evidence(example: Case) -> None:
    out = applied(example, {"op": "drop_source", "source": "S3"})
    assert ids(out, "sources") == ["S1"]
    assert ids(out, "evidence") == ["E_drop", "E_no_reason", "E_api_fees"]
    assert out.node("A_fees").premises == ["E_drop", "E_api_fees"]  # type: ignore[union-attr]
    assert all(r.origin != "E_refusal" for r in out.relations)


def test_interventions_apply_in_order() -> None:
    out = applied(
        hand_case(),
        {"op": "add_node", "node": {"kind": "claim", "id": "C3", "text": "t"}},
        {"op": "add_relation", "relation": {"kind": "rebut", "from": "C3", "to": "C1"}},
        {"op": "remove_node", "node": "C3"},
    )
    assert not out.has("C3") and all(r.origin != "C3" for r in out.relations)


def test_invalid_result_blames_the_intervention() -> None:
    s = loads_scenario(
        "name: s\nquestion: q\ninterventions:\n"
        "  - op: add_node\n    node: {kind: claim, id: C3, text: t}\n"
        "  - op: add_node\n    node: {kind: claim, id: C4, text: t, asserted_by: C3}\n",
        file="s.yaml",
    )
    with pytest.raises(ScenarioError) as info:
        apply_scenario(hand_case(), s)
    assert str(info.value) == (
        "s.yaml:7: interventions[1].node.asserted_by: 'C3' is a claim, but party must be a party"
    )


def test_scenario_round_trips_through_yaml() -> None:
    s = scenario(
        {
            "op": "set_parameter",
            "parameter": "w",
            "value": 0.2,
            "distribution": {"kind": "beta", "a": 2, "b": 3},
        },
        {"op": "remove_relation", "relation": {"from": "C2", "to": "C1"}},
        {"op": "add_node", "node": {"kind": "claim", "id": "C9", "text": "t"}},
        {"op": "set_standard", "issue": "I1", "standard": "scintilla"},
    )
    again = loads_scenario(dumps(s))
    assert again.model_dump() == s.model_dump()
    assert again.file == "<string>" and s.file is None


@settings(max_examples=40, deadline=None)
@given(
    st.sets(
        st.sampled_from(
            [
                "C1",
                "C2",
                "E1",
                "E2",
                "E3",
                "S1",
                "S2",
                "P_pending",
                "P_hiq",
                "A1",
                "A2",
                "p1",
                "d1",
                "I1",
            ]
        ),
        max_size=6,
    )
)
def test_any_removal_leaves_a_valid_case(removed: set[str]) -> None:
    base = hand_case()
    out = applied(base, *({"op": "remove_node", "node": n} for n in sorted(removed)))
    for node_id in removed:
        assert not out.has(node_id)
    for relation in out.relations:
        assert out.has(relation.origin) and out.has(relation.target)
    for argument in out.arguments:
        assert argument.premises or argument.precedent


@st.composite
def case_and_ops(draw: st.DrawFn) -> tuple[Case, list[dict[str, Any]]]:
    from tests.model.strategies import cases

    case = draw(cases())
    nodes = [n.id for n in case.iter_nodes()]
    ops: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 4))):
        if not nodes:
            break
        node = draw(st.sampled_from(nodes))
        kind = draw(st.sampled_from(["remove_node", "set_score", "drop_source"]))
        if kind == "remove_node":
            ops.append({"op": "remove_node", "node": node})
            nodes.remove(node)
        elif kind == "set_score":
            ops.append({"op": "set_score", "node": node, "value": 0.25})
        elif case.sources:
            ops.append({"op": "drop_source", "source": draw(st.sampled_from(case.sources)).id})
    return case, ops


@settings(max_examples=60, deadline=None)
@given(case_and_ops())
def test_random_interventions_give_valid_cases_or_located_errors(
    drawn: tuple[Case, list[dict[str, Any]]],
) -> None:
    case, ops = drawn
    before = dumps(case)
    try:
        out = apply_scenario(case, scenario(*ops))
    except ScenarioError as exc:
        # only the documented refusals: a score on an unscored kind, or a node gone already
        for problem in exc.problems:
            assert problem.path.startswith("interventions[")
            assert "unknown" in problem.message or ", not a" in problem.message
    else:
        assert Case.model_validate(out.model_dump(by_alias=True)) == out
    assert dumps(case) == before
