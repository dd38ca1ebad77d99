"""The Case model: construction in Python, lookups, and whole-document integrity."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from argmap.errors import CaseError
from argmap.model import (
    Argument,
    Case,
    Claim,
    Event,
    Evidence,
    Factor,
    Issue,
    Parameter,
    Party,
    Precedent,
    ProofStandard,
    Relation,
    RelationKind,
    Source,
    StandardName,
    Uniform,
)


def small_case(**extra: object) -> Case:
    doc: dict[str, object] = {
        "title": "t",
        "parameters": [Parameter(id="w", value=0.4, distribution=Uniform(low=0.1, high=0.9))],
        "parties": [Party(id="musk", name="Elon Musk", side="plaintiff")],
        "sources": [Source(id="S1", outlet="Outlet", title="Headline")],
        "issues": [Issue(id="I1", question="Was it illegal?", proof_standard="preponderance")],
        "claims": [
            Claim(id="C1", text="Training was illegal", issue="I1", asserted_by="musk"),
            Claim(id="C2", text="The data was public", base_score="0.5 * w + 0.2"),
        ],
        "evidence": [Evidence(id="E1", text="A tweet", source="S1", status="allegation")],
        "arguments": [Argument(id="A1", premises=["E1"], conclusion="C1", weight="w")],
        "relations": [Relation(kind="rebut", origin="C2", target="C1")],
    }
    doc.update(extra)
    return Case(**doc)  # type: ignore[arg-type]


def test_built_in_python_and_looked_up() -> None:
    case = small_case()
    assert case.node("C2").text == "The data was public"
    assert case.has("A1") and not case.has("nope")
    assert case.parameter_values == {"w": 0.4}
    assert case.counts()["claims"] == 2
    assert [n.id for n in case.iter_nodes()][:3] == ["musk", "S1", "I1"]
    assert case.issues[0].proof_standard == ProofStandard(name=StandardName.PREPONDERANCE)


def test_models_are_immutable() -> None:
    case = small_case()
    with pytest.raises(ValidationError):
        case.claims[0].text = "changed"  # type: ignore[misc]


def test_relation_aliases_and_attack_flag() -> None:
    rel = Relation.model_validate({"kind": "undercut", "from": "E1", "to": "A1"})
    assert (rel.origin, rel.target, rel.is_attack) == ("E1", "A1", True)
    assert not Relation(kind=RelationKind.SUPPORT, origin="a", target="b").is_attack


def test_all_integrity_problems_reported_at_once() -> None:
    with pytest.raises(CaseError) as info:
        small_case(
            claims=[Claim(id="C1", text="x", issue="I9"), Claim(id="C1", text="y")],
            relations=[
                Relation(kind="undercut", origin="C1", target="E1"),
                Relation(kind="support", origin="Z", target="C1"),
            ],
        )
    paths = sorted(p.path for p in info.value.problems)
    assert paths == ["claims[0].issue", "claims[1].id", "relations[0].to", "relations[1].from"]
    messages = "\n".join(str(p) for p in info.value.problems)
    assert "duplicate id 'C1'" in messages
    assert "unknown issue 'I9'" in messages
    assert "'E1' is an evidence, but undercut target must be an argument" in messages
    assert "unknown origin 'Z'" in messages


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"events": [Event(id="V1", text="x", date="2023-04-19", sources=["S7"])]},
            "unknown source 'S7'",
        ),
        (
            {"events": [Event(id="V1", text="x", date="2023-04-19", party="S1")]},
            "'S1' is a source, but party must be a party",
        ),
        (
            {"arguments": [Argument(id="A1", premises=["C1"], conclusion="C1")]},
            "an argument cannot conclude its premise",
        ),
        (
            {"arguments": [Argument(id="A1", premises=["E1"], conclusion="C1", precedent="E1")]},
            "'E1' is an evidence, but precedent must be a precedent",
        ),
        ({"claims": [Claim(id="C1", text="x", base_score="w2")]}, "unknown parameter 'w2'"),
        (
            {
                "precedents": [
                    Precedent(
                        id="P1",
                        name="A v. B",
                        court="c",
                        year=2020,
                        jurisdiction="US",
                        status="decided",
                        outcome="plaintiff",
                        factors=["f1"],
                        reason=["f1"],
                    )
                ],
                "factors": [Factor(id="f1", text="public data", favours="defendant")],
                "relations": [Relation(kind="support", origin="P1", target="C2")],
            },
            None,
        ),
    ],
)
def test_integrity_checks(change: dict[str, object], message: str | None) -> None:
    if message is None:
        small_case(**change)
        return
    with pytest.raises(CaseError, match=message.replace("(", r"\(")):
        small_case(**change)


@pytest.mark.parametrize(
    "bad",
    [
        {"base_score": 1.01},
        {"base_score": -0.1},
        {"base_score": float("nan")},
        {"base_score": True},
        {"base_score": "os.system"},
        {"id": "has space"},
        {"id": ""},
        {"text": ""},
        {"unknown": 1},
    ],
)
def test_claim_field_validation(bad: dict[str, object]) -> None:
    fields: dict[str, object] = {"id": "C1", "text": "x"}
    fields.update(bad)
    with pytest.raises(ValidationError):
        Claim(**fields)  # type: ignore[arg-type]


def test_argument_shape_rules() -> None:
    with pytest.raises(ValidationError, match="premises or a precedent"):
        Argument(id="A", conclusion="C")
    with pytest.raises(ValidationError, match="more than once"):
        Argument(id="A", conclusion="C", premises=["E", "E"])
    assert Argument(id="A", conclusion="C", precedent="P", applies_if="defendant").premises == []


def test_distribution_rules() -> None:
    from argmap.model import Choice, Triangular, TruncatedNormal

    with pytest.raises(ValidationError):
        Triangular(low=0.5, mode=0.2, high=0.9)
    with pytest.raises(ValidationError):
        Choice(values=[0.1, 0.2], probabilities=[0.5])
    with pytest.raises(ValidationError):
        Choice(values=[0.1, 0.2], probabilities=[0.5, 0.6])
    with pytest.raises(ValidationError):
        TruncatedNormal(mean=0.5, sd=0)
    assert Uniform(low=0, high=1).model_dump()["kind"] == "uniform"
