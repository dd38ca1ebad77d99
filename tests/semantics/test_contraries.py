"""Declared contraries: contradictories rebut both ways, contraries always defeat, and
no verdict depends on the direction an author drew a rebut between contradictories."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import CaseError
from argmap.maps.graph import case_graph
from argmap.model import Case, Claim, Exclusion, Issue, Relation
from argmap.model.contraries import one_way_rebuts
from argmap.semantics.compile import ATTACK_KINDS, compile_case
from argmap.semantics.defeat import defeat_mask
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Label
from tests.model.strategies import cases

REPO = Path(__file__).resolve().parents[2]
WORKED = REPO / "seeds" / "musk_v_microsoft.yaml"


def _pair(
    a: float, b: float, kind: str, rebuts: list[tuple[str, str]], weight: float | None = None
) -> Case:
    return Case(
        title="t",
        issues=[Issue(id="I", question="q?")],
        claims=[
            Claim(id="A", text="a", base_score=a, issue="I"),
            Claim(id="B", text="b", base_score=b, issue="I"),
        ],
        relations=[Relation(kind="rebut", origin=o, target=t, weight=weight) for o, t in rebuts],
        contraries=[Exclusion(kind=kind, claims=("A", "B"))],
    )


def _attacks(case: Case) -> set[tuple[str, str, str, float]]:
    fw = compile_case(case)
    return {
        (fw.ids[s], fw.ids[d], ATTACK_KINDS[k], float(w))
        for s, d, k, w in zip(fw.att_src, fw.att_dst, fw.att_kind, fw.att_w, strict=True)
    }


@pytest.mark.parametrize("drawn", [[], [("A", "B")], [("B", "A")], [("A", "B"), ("B", "A")]])
def test_contradictories_rebut_each_other_however_drawn(drawn: list[tuple[str, str]]) -> None:
    case = _pair(0.7, 0.4, "contradictory", drawn, weight=None)
    assert _attacks(case) == {("A", "B", "rebut", 1.0), ("B", "A", "rebut", 1.0)}
    result = evaluate(case)
    assert (result["A"].label, result["B"].label) == (Label.IN, Label.OUT)


def test_the_mirror_keeps_the_drawn_weight() -> None:
    case = _pair(0.7, 0.4, "contradictory", [("B", "A")], weight=0.6)
    assert _attacks(case) == {("A", "B", "rebut", 0.6), ("B", "A", "rebut", 0.6)}


def test_equal_contradictories_stay_undecided() -> None:
    result = evaluate(_pair(0.5, 0.5, "contradictory", []))
    assert (result["A"].label, result["B"].label) == (Label.UNDEC, Label.UNDEC)


def test_a_contrary_defeats_a_stronger_claim() -> None:
    case = _pair(0.3, 0.9, "contrary", [])
    assert _attacks(case) == {("A", "B", "contrary", 1.0)}
    fw = compile_case(case)
    assert defeat_mask(fw).tolist() == [True]
    assert evaluate(case)["B"].label is Label.OUT
    # the same arrow as a plain rebut fails: B is strictly preferred
    plain = case.model_copy(update={"contraries": []})
    plain = plain.model_copy(update={"relations": [Relation(kind="rebut", origin="A", target="B")]})
    assert evaluate(plain)["B"].label is Label.IN


def test_a_rebut_drawn_along_a_contrary_is_not_doubled() -> None:
    case = _pair(0.3, 0.9, "contrary", [("A", "B")], weight=0.8)
    assert _attacks(case) == {("A", "B", "contrary", 0.8)}


def test_bad_declarations_are_refused() -> None:
    with pytest.raises(CaseError) as err:
        Case(
            title="t",
            claims=[Claim(id="A", text="a")],
            contraries=[
                Exclusion(kind="contradictory", claims=("A", "A")),
                Exclusion(kind="contrary", claims=("A", "Z")),
                Exclusion(kind="contrary", claims=("Z", "A")),
            ],
        )
    text = str(err.value)
    assert "contraries[0].claims: a claim cannot exclude itself" in text
    assert "contraries[1].claims[1]" in text and "'Z'" in text
    assert "contraries[2].claims" in text


def test_one_way_rebuts_within_an_issue_are_found() -> None:
    case = _pair(0.5, 0.5, "contradictory", [("A", "B")]).model_copy(update={"contraries": []})
    assert [p.path for p in one_way_rebuts(case)] == ["relations[0]"]
    assert one_way_rebuts(_pair(0.5, 0.5, "contradictory", [("A", "B")])) == []


def test_maps_draw_contradictories_once_and_both_ways() -> None:
    _, edges = case_graph(_pair(0.5, 0.5, "contradictory", [("A", "B"), ("B", "A")]))
    assert [(e.tail, e.head, e.kind) for e in edges] == [("A", "B", "contradicts")]
    _, edges = case_graph(_pair(0.5, 0.5, "contrary", []))
    assert [(e.tail, e.head, e.kind) for e in edges] == [("A", "B", "contrary")]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(max_nodes=6), st.data())
def test_the_direction_of_a_rebut_between_contradictories_does_not_matter(
    case: Case, data: st.DataObject
) -> None:
    claims = [c.id for c in case.claims]
    if len(claims) < 2:
        return
    a, b = data.draw(st.lists(st.sampled_from(claims), min_size=2, max_size=2, unique=True))
    others = [
        r
        for r in case.relations
        if not (r.kind.value == "rebut" and {r.origin, r.target} == {a, b})
    ]
    declared = [Exclusion(kind="contradictory", claims=(a, b))]

    def outcome(origin: str, target: str) -> dict[str, tuple[Label, float]]:
        rel = Relation(kind="rebut", origin=origin, target=target, weight=0.7)
        drawn = case.model_copy(update={"relations": [*others, rel], "contraries": declared})
        drawn = Case.model_validate(drawn.model_dump(by_alias=True))
        return {r.id: (r.label, round(r.strength, 9)) for r in evaluate(drawn)}

    assert outcome(a, b) == outcome(b, a)


def test_worked_case_keeps_loading_with_a_declared_pair() -> None:
    worked = argmap.load(WORKED)
    declared = worked.model_copy(
        update={"contraries": [Exclusion(kind="contradictory", claims=("C_illegal", "C_lawful"))]}
    )
    forward = evaluate(declared)
    rels = [
        r.model_copy(update={"origin": r.target, "target": r.origin})
        if (r.origin, r.target, r.kind.value) == ("C_lawful", "C_illegal", "rebut")
        else r
        for r in declared.relations
    ]
    backward = evaluate(declared.model_copy(update={"relations": rels}))
    assert {r.id: r.verdict for r in forward} == {r.id: r.verdict for r in backward}


def test_validate_warns_about_a_one_way_rebut_and_still_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    path = tmp_path / "case.yaml"
    argmap.save(
        _pair(0.5, 0.5, "contradictory", [("A", "B")]).model_copy(update={"contraries": []}), path
    )
    assert main(["validate", str(path)]) == 0
    err = capsys.readouterr().err
    # located like every validate warning: file, line of the relation, path
    line = next(
        n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if "rebut" in text
    )
    assert f"{path}:{line}: relations[0]: warning: rebut A -> B within issue I is one-way" in err
    argmap.save(_pair(0.5, 0.5, "contradictory", [("A", "B")]), path)
    assert main(["validate", str(path)]) == 0
    assert "warning" not in capsys.readouterr().err
