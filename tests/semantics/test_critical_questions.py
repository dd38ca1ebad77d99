"""Argumentation schemes and critical questions: open questions as implicit undercutters.

The worked example is Carneades' argument from expert opinion (Gordon and Walton 2006;
Gordon, Prakken and Walton 2007): an expert's testimony supports a claim; while a
critical question is open the argument is not applicable, and the claim is not
proved under the Carneades reading of the proof standards; once every question is
answered or conceded it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import CaseError
from argmap.io.casefile import loads, validate_strictly
from argmap.model import Case
from argmap.model.catalogue import catalogue, scheme_named, schemes_of
from argmap.scenario.uncertainty import monte_carlo
from argmap.semantics.compile import compile_case
from argmap.semantics.critical_questions import open_questions
from argmap.semantics.evaluate import evaluate
from argmap.semantics.explain import explain

EXPERT_QUESTIONS = ("expertise", "field", "what_said", "trustworthy", "consistency", "backup")


def expert_case(questions: dict[str, Any] | None = None, **extra: Any) -> Case:
    """Dr Smith, an engineer, testifies that the product was defective."""
    data: dict[str, Any] = {
        "title": "Was the product defective?",
        "proof": {"reading": "carneades"},
        "sources": [{"id": "S1", "outlet": "Trial record", "title": "Transcript"}],
        "issues": [{"id": "I1", "question": "Defective?", "proof_standard": "preponderance"}],
        "claims": [{"id": "C_defect", "text": "The product was defective", "issue": "I1"}],
        "evidence": [
            {
                "id": "E_expert",
                "text": "Smith is an engineer",
                "source": "S1",
                "status": "fact",
                "reliability": 0.9,
            },
            {
                "id": "E_says",
                "text": "Smith says it was defective",
                "source": "S1",
                "status": "fact",
                "reliability": 0.9,
            },
            {
                "id": "E_peer",
                "text": "Two other engineers agree",
                "source": "S1",
                "status": "fact",
                "reliability": 0.8,
            },
        ],
        "arguments": [
            {
                "id": "A_expert",
                "conclusion": "C_defect",
                "premises": ["E_expert", "E_says"],
                "scheme": "expert_opinion",
                "roles": {"expertise": "E_expert", "assertion": "E_says"},
                "questions": questions or {},
            }
        ],
        **extra,
    }
    return validate_strictly(Case, data)


ALL_CLOSED: dict[str, Any] = {q: "conceded" for q in EXPERT_QUESTIONS} | {
    "consistency": {"status": "answered", "by": "E_peer"}
}


def test_the_catalogue_has_the_schemes_the_issue_names() -> None:
    wanted = {
        "expert_opinion", "witness_testimony", "position_to_know", "popular_opinion", "sign",
        "cause_to_effect", "correlation_to_cause", "analogy", "precedent", "established_rule",
        "verbal_classification", "practical_reasoning", "ad_hominem_circumstantial",
    }  # fmt: skip
    shipped = catalogue()
    assert wanted <= set(shipped)
    for scheme in shipped.values():
        assert scheme.roles and scheme.questions, scheme.id
        assert all(0 < q.weight <= 1 for q in scheme.questions)


def test_expert_opinion_carries_carneades_questions() -> None:
    scheme = catalogue()["expert_opinion"]
    assert [r.id for r in scheme.roles] == ["expertise", "assertion", "domain"]
    assert tuple(q.id for q in scheme.questions) == EXPERT_QUESTIONS
    assert scheme_named("Argument From Expert Opinion") is scheme


def test_an_open_question_makes_the_argument_inapplicable() -> None:
    """Carneades: with a question open the expert's argument does not carry the claim;
    with every question answered or conceded it does."""
    open_one = ALL_CLOSED | {"trustworthy": "open"}
    result = evaluate(expert_case(open_one))
    assert result["A_expert"].label == "out"
    assert result["C_defect"].standard_met is False
    closed = evaluate(expert_case(ALL_CLOSED))
    assert closed["A_expert"].label == "in"
    assert closed["C_defect"].standard_met is True
    assert closed["A_expert"].strength > result["A_expert"].strength


def test_an_open_question_weighs_its_default_in_the_strengths() -> None:
    # DF-QuAD: one undercutter of strength w scales the argument's base by (1 - w)
    closed = evaluate(expert_case(ALL_CLOSED))["A_expert"].strength
    one_open = evaluate(expert_case(ALL_CLOSED | {"trustworthy": "open"}))["A_expert"].strength
    assert one_open == pytest.approx(closed * (1 - 0.2))


def test_weight_zero_disables_per_question_and_per_case() -> None:
    per_question = ALL_CLOSED | {"trustworthy": {"weight": 0}}
    assert evaluate(expert_case(per_question))["A_expert"].label == "in"
    per_case = expert_case(critical_questions={"weight": 0})
    assert evaluate(per_case)["A_expert"].label == "in"
    assert compile_case(per_case).n == compile_case(expert_case(ALL_CLOSED)).n
    # the argument's own weight wins over the case's
    mixed = expert_case({"backup": {"weight": 0.5}}, critical_questions={"weight": 0})
    assert [q.node for q in open_questions(mixed) if not q.disabled] == ["A_expert?backup"]


def explicit_undercut_case(weights: list[float]) -> Case:
    """The same argument with every question closed and one explicit undercutter of
    reliability ``w`` per weight: the reference reading of an open question."""
    case = expert_case(ALL_CLOSED)
    data = case.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    data["evidence"] += [
        {"id": f"U{k}", "text": "doubt", "source": "S1", "status": "opinion", "reliability": w}
        for k, w in enumerate(weights)
    ]
    data["relations"] = [
        {"kind": "undercut", "from": f"U{k}", "to": "A_expert"} for k in range(len(weights))
    ]
    return validate_strictly(Case, data)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(EXPERT_QUESTIONS), min_size=1, max_size=6, unique=True),
    st.sampled_from(["dfquad", "qe", "euler"]),
    st.sampled_from(["grounded", "preferred"]),
)
def test_open_questions_act_exactly_as_explicit_undercutters(
    opened: list[str], gradual: str, semantics: str
) -> None:
    defaults = {q.id: q.weight for q in catalogue()["expert_opinion"].questions}
    implicit = evaluate(
        expert_case({q: s for q, s in ALL_CLOSED.items() if q not in opened}),
        semantics,
        gradual,
    )
    explicit = evaluate(explicit_undercut_case([defaults[q] for q in opened]), semantics, gradual)
    for node in ("A_expert", "C_defect"):
        assert implicit[node].label == explicit[node].label
        assert implicit[node].strength == pytest.approx(explicit[node].strength, abs=1e-9)
        assert implicit[node].standard_met == explicit[node].standard_met


def test_monte_carlo_varies_a_question_weight_given_as_an_expression() -> None:
    case = expert_case(
        ALL_CLOSED | {"backup": {"status": "open", "weight": "w_doubt"}},
        parameters=[
            {"id": "w_doubt", "value": 0.0, "distribution": {"kind": "choice", "values": [0, 0.5]}}
        ],
    )
    assert evaluate(case)["A_expert"].label == "in"  # weight 0 at the declared value
    result = monte_carlo(case, samples=200, seed=3, claims=["C_defect"], progress=False)
    assert result.met is not None
    met = np.asarray(result.met)[:, 0]
    assert 0 < met.mean() < 1  # proved exactly in the draws where the doubt weighs 0


def test_explanations_name_the_open_question() -> None:
    text = str(explain(expert_case(ALL_CLOSED | {"trustworthy": "open"}), "A_expert"))
    assert "A_expert?trustworthy" in text
    assert "open critical question trustworthy" in text


def test_a_case_adds_and_overrides_schemes() -> None:
    own = {
        "id": "sign",
        "name": "Sign, as this court reads it",
        "roles": [{"id": "mark", "text": "A mark is seen"}],
        "questions": [{"id": "forged", "text": "Could the mark be forged?", "weight": 0.4}],
    }
    case = expert_case(ALL_CLOSED, schemes=[own])
    assert schemes_of(case)["sign"].name == "Sign, as this court reads it"
    assert "expert_opinion" in schemes_of(case)


ROLE_ERRORS = [
    ({"roles": {"bogus": "E_expert"}}, "roles.bogus: scheme expert_opinion has no role 'bogus'"),
    ({"roles": {"assertion": "E_peer"}}, "'E_peer' is not one of this argument's premises"),
    ({"questions": {"nope": "open"}}, "has no critical question 'nope'"),
    ({"questions": {"backup": {"status": "answered", "by": "S1"}}}, "must be evidence or a claim"),
    ({"questions": {"backup": {"status": "answered"}}}, "names what answers it in 'by'"),
    ({"scheme": "from sign", "roles": {"sign": "E_says"}}, "'from sign' is not a scheme id"),
    ({"questions": {"backup": {"weight": "w_nope"}}}, "backup.weight: unknown parameter 'w_nope'"),
]


@pytest.mark.parametrize(("change", "message"), ROLE_ERRORS)
def test_bad_roles_and_questions_are_located_errors(change: dict[str, Any], message: str) -> None:
    lines = [
        "title: t",
        "sources: [{id: S1, outlet: o, title: t}]",
        "claims: [{id: C, text: c}]",
        "evidence:",
        "  - {id: E_expert, text: e, source: S1, status: fact}",
        "  - {id: E_says, text: e, source: S1, status: fact}",
        "  - {id: E_peer, text: e, source: S1, status: fact}",
        "arguments:",
        "  - id: A",
        "    conclusion: C",
        "    premises: [E_expert, E_says]",
        f"    scheme: {change.get('scheme', 'expert_opinion')}",
    ]
    for key in ("roles", "questions"):
        if key in change:
            lines.append(f"    {key}:")
            for name, value in change[key].items():
                lines.append(f"      {name}: {value!r}".replace("'", ""))
    with pytest.raises(CaseError) as info:
        loads("\n".join(lines) + "\n", "yaml", "bad.yaml")
    text = str(info.value)
    assert message.replace("'", "") in text.replace("'", "")
    assert text.startswith("bad.yaml:1") and ":" in text.split()[0]


def test_a_case_scheme_brings_its_own_questions() -> None:
    own = {
        "id": "house_rule",
        "name": "Our house rule",
        "roles": [{"id": "fact", "text": "The fact holds"}],
        "questions": [{"id": "stale", "text": "Is the rule out of date?", "weight": 0.4}],
    }
    case = expert_case(ALL_CLOSED, schemes=[own])
    data = case.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    data["arguments"][0] |= {"scheme": "house_rule", "roles": {"fact": "E_says"}, "questions": {}}
    result = evaluate(validate_strictly(Case, data))
    assert result["A_expert"].open_questions == ("stale",)
    assert result["A_expert"].label == "out"


def test_schemes_roles_and_questions_survive_yaml_and_json() -> None:
    from argmap.io.casefile import dumps

    case = expert_case(
        ALL_CLOSED | {"backup": {"weight": 0.3, "note": "no data shown"}},
        critical_questions={"weight": 0.1},
    )
    for fmt in ("yaml", "json"):
        assert loads(dumps(case, fmt), fmt) == case


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "schemes:\n  - id: s\n    name: S\n    questions:\n"
            "      - {id: q, text: Q?}\n      - {id: q, text: Again?}\n",
            "cat.yaml:2: schemes[0]: critical question 'q' is listed more than once",
        ),
        ("schemes: !!python/object:os.system {}\n", "cat.yaml:1:"),
        (
            "schemes:\n  - id: s\n    name: S\n    questions: [{id: q, text: Q?, weight: 2}]\n",
            "cat.yaml:4: schemes[0].questions[0].weight:",
        ),
    ],
)
def test_a_catalogue_file_is_read_safely_and_checked(text: str, message: str) -> None:
    from argmap.io.casefile import load_model
    from argmap.io.locations import load_with_lines
    from argmap.model.catalogue import Catalogue

    with pytest.raises(CaseError) as info:
        data, lines = load_with_lines(text.encode(), "cat.yaml")
        load_model(Catalogue, data, "cat.yaml", lines)
    assert str(info.value).startswith(message)
