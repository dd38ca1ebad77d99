"""evaluate(): labels, strengths and standards on the shipped example and hand cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import SolverError
from argmap.io.casefile import load
from argmap.model import Case, Claim, Issue, Relation
from argmap.semantics.evaluate import DUNG_SEMANTICS, evaluate
from argmap.semantics.evaluation import Label, NodeResult, Verdict
from argmap.semantics.gradual import GRADUAL

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ad_tool_dispute.yaml"
WORKED = EXAMPLE.parents[1] / "seeds" / "musk_v_microsoft.yaml"


@pytest.mark.parametrize("semantics", DUNG_SEMANTICS)
def test_example_case(semantics: str) -> None:
    ev = evaluate(load(EXAMPLE), semantics=semantics)
    assert [r.id for r in ev.claims()] == ["C_principled", "C_retaliation"]
    # C_principled rebuts C_retaliation and is unattacked: in under every semantics
    assert ev["C_principled"].label is Label.IN
    assert ev["C_retaliation"].label is Label.OUT
    assert ev["C_principled"].standard == "preponderance"
    assert ev["C_principled"].standard_met is True
    assert ev["C_retaliation"].standard_met is False
    assert ev.converged and ev.iterations == 0
    assert ev["E_drop"].standard_met is None


@pytest.mark.parametrize("gradual", GRADUAL)
def test_gradual_choice_changes_strengths_not_labels(gradual: str) -> None:
    ev = evaluate(load(EXAMPLE), gradual=gradual)
    assert ev.gradual == gradual
    assert 0 <= ev["C_retaliation"].strength < ev["C_principled"].strength <= 1


def test_values_override_parameters() -> None:
    low = evaluate(load(EXAMPLE), gradual="quadratic_energy", values={"w_silence": 0.0})
    high = evaluate(load(EXAMPLE), gradual="quadratic_energy", values={"w_silence": 1.0})
    assert low["E_no_reason"].strength == 0.0 and high["E_no_reason"].strength == 1.0
    assert low["C_retaliation"].strength < high["C_retaliation"].strength


def _odd_cycle() -> Case:
    return Case(
        title="odd",
        issues=[Issue(id="I", question="q?")],
        claims=[Claim(id=c, text=c, issue="I") for c in "abc"] + [Claim(id="d", text="d")],
        relations=[Relation(kind="rebut", origin=x, target=y) for x, y in ("ab", "bc", "ca", "cd")],
    )


def test_multi_extension_labels_and_no_extension_note() -> None:
    assert {r.label for r in evaluate(_odd_cycle(), "preferred")} == {Label.UNDEC}
    ev = evaluate(_odd_cycle(), "stable")
    assert {r.label for r in ev} == {Label.UNDEC}
    assert any("no stable extension" in n for n in ev.notes)
    ev = evaluate(_odd_cycle(), "grounded", gradual="euler_based")
    assert ev.converged and ev.iterations > 0


def test_even_cycle_skeptical_labels() -> None:
    case = Case(
        title="even",
        claims=[Claim(id=c, text=c) for c in "abc"],
        relations=[
            Relation(kind="rebut", origin="a", target="b"),
            Relation(kind="rebut", origin="b", target="a"),
            Relation(kind="rebut", origin="b", target="c"),
            Relation(kind="rebut", origin="a", target="c"),
        ],
    )
    # c is out in both preferred extensions {a} and {b}, though neither a nor b is in both
    ev = evaluate(case, "preferred")
    assert [ev[x].label for x in "abc"] == [Label.UNDEC, Label.UNDEC, Label.OUT]
    assert evaluate(case, "grounded")["c"].label is Label.UNDEC


def test_unknown_semantics() -> None:
    with pytest.raises(SolverError, match="unknown semantics 'nope'"):
        evaluate(load(EXAMPLE), semantics="nope")
    with pytest.raises(SolverError, match="unknown gradual semantics"):
        evaluate(load(EXAMPLE), gradual="nope")


def test_worked_case_evaluates_with_inapplicable_precedent_arguments_out() -> None:
    seeds = EXAMPLE.parents[1] / "seeds" / "musk_v_microsoft.yaml"
    case = load(seeds)
    ev = evaluate(case, "preferred", "quadratic_energy")
    kinds = ("claims", "evidence", "arguments", "precedents", "events")
    assert {r.id for r in ev} == {n.id for k in kinds for n in getattr(case, k)}
    assert len(ev.claims()) == len(case.claims)
    for note in ev.notes:
        node_id = note.split()[0]
        assert ev[node_id].label is Label.OUT and ev[node_id].strength == 0.0
    for r in ev.claims():
        assert 0.0 <= r.strength <= 1.0


@pytest.mark.parametrize(
    ("label", "met", "verdict"),
    [
        (Label.IN, True, Verdict.PROVED),
        (Label.IN, None, Verdict.ACCEPTED),
        (Label.IN, False, Verdict.UNPROVEN),
        (Label.OUT, True, Verdict.CONTESTED),
        (Label.UNDEC, True, Verdict.CONTESTED),
        (Label.UNDEC, False, Verdict.UNDECIDED),
        (Label.UNDEC, None, Verdict.UNDECIDED),
        (Label.OUT, False, Verdict.DEFEATED),
        (Label.OUT, None, Verdict.DEFEATED),
    ],
)
def test_verdict_reads_label_and_standard_together(
    label: Label, met: bool | None, verdict: Verdict
) -> None:
    result = NodeResult("C", "claim", label, 0.5, "preponderance", met)
    assert result.verdict is verdict
    assert verdict.meaning


def test_worked_case_has_contested_claims_under_plain_attacks() -> None:
    # the worked case's C_fair_use: its arguments from precedent outweigh those
    # against; under plain attacks the weight-0 con argument still stands unanswered,
    # so grounded labels it out (preference-based defeat: tests/semantics/test_defeat.py)
    result = evaluate(load(WORKED), defeat="attack")["C_fair_use"]
    assert (result.label, result.standard_met) == (Label.OUT, True)
    assert result.verdict is Verdict.CONTESTED
