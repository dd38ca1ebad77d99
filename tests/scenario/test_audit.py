"""The audit's smallest flipping sets, checked against editing and re-evaluating the
case itself (brute force over every set of items), and its weights and stability."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.io.casefile import load
from argmap.model import Case
from argmap.scenario.audit import Action, Item, ItemKind, audit, headline_claims
from argmap.scenario.audit_items import catalogue
from argmap.scenario.audit_text import audit_json, audit_markdown
from argmap.semantics.compile import compile_case
from argmap.semantics.evaluate import evaluate

REPO = Path(__file__).resolve().parents[2]
WORKED = REPO / "seeds" / "musk_v_microsoft.yaml"


def _edited(case: Case, chosen: tuple[Item, ...]) -> Case:
    """``case`` with the items taken out (or rebuts turned round) in its own data:
    the reference the audit's array masks must agree with."""
    data: dict[str, Any] = case.model_dump(mode="python", by_alias=True)
    data.pop("expect", None)
    for item in chosen:  # an open critical question taken away is answered
        if item.kind is ItemKind.QUESTION:
            argument, question = item.id.split("?")
            for arg in data["arguments"]:
                if arg["id"] == argument:
                    arg["questions"] = {**(arg.get("questions") or {}), question: "conceded"}
    gone = {i.id for i in chosen if i.kind not in (ItemKind.RELATION, ItemKind.QUESTION)}
    # an argument needing a removed premise goes with it (module docstring)
    args = [a for a in data["arguments"] if not set(a["premises"]) & gone]
    gone |= {a["id"] for a in data["arguments"]} - {a["id"] for a in args}
    data["arguments"] = args
    data["evidence"] = [e for e in data["evidence"] if e["id"] not in gone]
    data["precedents"] = [p for p in data["precedents"] if p["id"] not in gone]
    relations = []
    for r, rel in enumerate(data["relations"]):
        name = rel.get("id") or f"relations[{r}]"
        acts = {i.action for i in chosen if i.kind is ItemKind.RELATION and i.id == name}
        if Action.REMOVE in acts or rel["from"] in gone or rel["to"] in gone:
            gone.add(name)  # and an undercut of it goes with it
            continue
        if Action.REVERSE in acts:
            rel = {**rel, "from": rel["to"], "to": rel["from"]}
        relations.append(rel)
    data["relations"] = relations
    return Case.model_validate(data)


@st.composite
def small_cases(draw: st.DrawFn) -> Case:
    """Two or three claims of one issue, a few evidence items, an argument, random
    supports, rebuts and undermines between them, and an undercut of a relation."""
    n_claims = draw(st.integers(2, 3))
    n_ev = draw(st.integers(1, 3))
    score = st.sampled_from([0.1, 0.3, 0.45, 0.55, 0.7, 0.9])
    claims = [
        {"id": f"C{i}", "text": "c", "issue": "I", "base_score": draw(score)}
        for i in range(n_claims)
    ]
    evidence = [
        {"id": f"E{i}", "text": "e", "source": "S", "status": "fact", "reliability": draw(score)}
        for i in range(n_ev)
    ]
    pairs = [(f"E{e}", f"C{c}", "support") for e in range(n_ev) for c in range(n_claims)]
    pairs += [
        (f"C{a}", f"C{b}", "rebut") for a in range(n_claims) for b in range(n_claims) if a != b
    ]
    pairs += [(f"E{e}", f"C{c}", "rebut") for e in range(n_ev) for c in range(n_claims)]
    pairs += [(f"E{a}", f"E{b}", "undermine") for a in range(n_ev) for b in range(n_ev) if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=4, unique=True))
    relations = [
        {"kind": k, "from": o, "to": t, "weight": draw(st.sampled_from([0.4, 0.8, 1.0]))}
        for o, t, k in chosen
    ]
    if draw(st.booleans()):  # an undercut of a relation (attacks on attacks)
        relations[0]["id"] = "R0"
        origin = draw(st.sampled_from([e["id"] for e in evidence]))
        if origin != relations[0]["from"]:
            relations.append({"kind": "undercut", "from": origin, "to": "R0"})
    arguments = []
    if draw(st.booleans()):
        arguments.append(
            {
                "id": "A",
                "text": "a",
                "premises": ["E0"],
                "conclusion": f"C{n_claims - 1}",
                "stance": draw(st.sampled_from(["pro", "con"])),
                "weight": draw(score),
            }
        )
    return Case.model_validate(
        {
            "title": "t",
            "sources": [{"id": "S", "outlet": "o", "title": "t"}],
            "issues": [{"id": "I", "question": "q"}],
            "claims": claims,
            "evidence": evidence,
            "arguments": arguments,
            "relations": relations,
        }
    )


def _all_items(case: Case) -> list[Item]:
    return catalogue(case, compile_case(case)).items


def _brute_smallest(case: Case, claim: str, items: list[Item]) -> list[frozenset[Item]]:
    """Every smallest set of items whose edit (on the case itself) flips ``claim``."""
    verdict = evaluate(case)[claim].verdict
    smallest: list[frozenset[Item]] = []
    for size in range(1, len(items) + 1):
        for chosen in itertools.combinations(items, size):
            ids = [i.id for i in chosen if i.kind is ItemKind.RELATION]
            if len(ids) != len(set(ids)):
                continue  # a relation is removed or reversed, not both
            if evaluate(_edited(case, chosen))[claim].verdict is not verdict:
                smallest.append(frozenset(chosen))
        if smallest:
            break
    return smallest


def _agrees_with_brute_force(case: Case) -> None:
    items = _all_items(case)
    result = audit(case, samples=0, weights=False, progress=False, max_size=len(items))
    for row in result.claims:
        assert row.exact
        smallest = _brute_smallest(case, row.claim, items)
        found = {frozenset(s) for s in row.deciding}
        assert row.found == len(smallest)
        assert found <= set(smallest) and len(found) == min(len(smallest), 12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_cases())
def test_smallest_sets_match_brute_force(case: Case) -> None:
    _agrees_with_brute_force(case)


def test_undercuts_of_relations_match_brute_force() -> None:
    case = Case.model_validate(
        {
            "title": "t",
            "sources": [{"id": "S", "outlet": "o", "title": "t"}],
            "issues": [{"id": "I", "question": "q"}],
            "claims": [
                {"id": "C0", "text": "c", "issue": "I", "base_score": 0.45},
                {"id": "C1", "text": "c", "issue": "I", "base_score": 0.55},
            ],
            "evidence": [
                {"id": "E0", "text": "e", "source": "S", "status": "fact", "reliability": 0.7},
                {"id": "E1", "text": "e", "source": "S", "status": "fact", "reliability": 0.9},
            ],
            "relations": [
                {"kind": "rebut", "from": "C1", "to": "C0", "id": "R_rebut"},
                {"kind": "support", "from": "E0", "to": "C0", "weight": 0.8},
                {"kind": "undercut", "from": "E1", "to": "R_rebut"},
            ],
        }
    )
    assert evaluate(case)["C0"].label.value == "in"  # the undercut takes the rebut away
    row = audit(case, ["C0"], samples=0, weights=False, progress=False)["C0"]
    assert any(i.id == "E1" for s in row.deciding for i in s)
    _agrees_with_brute_force(case)


def test_one_rebut_decides_the_worked_headline() -> None:
    # the issue's complaint: one arrow, not the evidence, settles C_illegal
    row = audit(load(WORKED), ["C_illegal"], samples=0, weights=False, progress=False)["C_illegal"]
    assert row.verdict.value == "defeated" and row.exact and row.size == 1
    shown = {str(s[0]) for s in row.deciding}
    assert shown == {
        "remove rebut C_lawful → C_illegal (relations[0])",
        "reverse rebut C_lawful → C_illegal (relations[0])",
    }


def test_reversal_and_cascade_on_a_small_case() -> None:
    case = Case.model_validate(
        {
            "title": "t",
            "sources": [{"id": "S", "outlet": "o", "title": "t"}],
            "issues": [{"id": "I", "question": "q"}],
            "claims": [
                {"id": "A", "text": "a", "issue": "I", "base_score": 0.4},
                {"id": "B", "text": "b", "issue": "I", "base_score": 0.3},
            ],
            "evidence": [{"id": "E", "text": "e", "source": "S", "status": "fact"}],
            "arguments": [
                {"id": "X", "text": "x", "premises": ["E"], "conclusion": "A", "weight": 0.9}
            ],
            "relations": [{"kind": "rebut", "from": "A", "to": "B"}],
        }
    )
    result = audit(case, samples=0, weights=False, progress=False)
    assert result["B"].verdict.value == "defeated"
    assert {str(s[0]) for s in result["B"].deciding} == {
        "remove rebut A → B (relations[0])",
        "reverse rebut A → B (relations[0])",
    }
    # the evidence is the argument's only premise: without it the argument goes, and A
    # falls back to its base score, short of the standard
    assert result["A"].verdict.value == "proved"
    assert {str(s[0]) for s in result["A"].deciding} >= {"remove evidence E"}
    assert {v.value for v in result["A"].flipped_to} >= {"unproven"}


def test_best_first_beyond_the_budget_finds_flipping_sets() -> None:
    case = load(WORKED)
    exact = audit(case, ["C_rivalry"], samples=0, weights=False, progress=False)["C_rivalry"]
    assert exact.exact and exact.complete and exact.size == 4 and exact.found == 24
    for max_sets in (20, 200):
        # 200: sizes 1 to 3 exhaustively (129 sets), size 4 best-first; 20: only size 1
        bounded = audit(
            case, ["C_rivalry"], samples=0, weights=False, progress=False, max_sets=max_sets
        )["C_rivalry"]
        assert not bounded.complete and bounded.searched <= max_sets
        # a size is proven smallest only when every smaller set was tried; with 20 sets
        # the best-first search runs out before it reaches four items
        assert bounded.exact is (max_sets == 200)
        assert bounded.size == (4 if max_sets == 200 else None)
        for chosen in bounded.deciding:
            assert evaluate(_edited(case, chosen))["C_rivalry"].verdict is not exact.verdict


def test_a_budget_below_the_single_items_still_checks_them() -> None:
    # 7 items bear on C_suit; with 3 sets only the best-first search runs, from the
    # singletons, and a flipping singleton is the smallest there can be
    row = audit(load(WORKED), ["C_suit"], samples=0, weights=False, progress=False, max_sets=3)[
        "C_suit"
    ]
    assert row.searched == 3 and row.size == 1 and row.exact and not row.complete


LICENCE = {
    "title": "t",
    "parameters": [
        {"id": "w", "value": 0.4, "distribution": {"kind": "uniform", "low": 0.2, "high": 0.6}}
    ],
    "sources": [{"id": "S", "outlet": "o", "title": "t"}],
    "issues": [{"id": "I", "question": "q"}],
    "claims": [
        {"id": "C1", "text": "c", "issue": "I"},
        {"id": "C2", "text": "c", "base_score": "0.6 * w + 0.1"},
    ],
    "evidence": [
        {"id": "E1", "text": "e", "source": "S", "status": "allegation", "reliability": 0.3}
    ],
    "relations": [
        {"kind": "support", "from": "E1", "to": "C1"},
        {"kind": "rebut", "from": "C2", "to": "C1"},
    ],
}


def test_weights_structure_and_stability() -> None:
    case = Case.model_validate(LICENCE)
    result = audit(case, samples=2000, seed=3, progress=False)
    c1, c2 = result["C1"], result["C2"]
    (w,) = c1.thresholds
    # C2's attack defeats C1 once 0.6 w + 0.1 reaches C1's base 0.5: at w = 2/3, out of
    # range; below, C1's strength against preponderance flips at w = 1/3
    assert w.flips == pytest.approx((1 / 3,), abs=1e-9)
    assert [v.value for _, _, v in w.pieces] == ["proved", "unproven"]
    for x, want in ((0.3, "proved"), (0.36, "unproven")):
        assert evaluate(case, values={"w": x})["C1"].verdict.value == want
    # a uniform draw on [0.2, 0.6] keeps C1 unproven with chance (0.6 - 1/3) / 0.4
    assert not c1.fixed_by_structure
    assert c1.stability == pytest.approx((0.6 - 1 / 3) / 0.4, abs=0.03)
    assert c2.fixed_by_structure and c2.stability == 1.0
    skipped = audit(case, samples=0, weights=False, progress=False)
    assert skipped["C1"].fixed_by_structure is None and skipped["C1"].stability is None


def test_worked_case_suit_is_fixed_by_structure() -> None:
    row = audit(load(WORKED), ["C_suit"], samples=200, seed=1, progress=False)["C_suit"]
    assert row.fixed_by_structure and row.stability == 1.0
    assert [t.parameter for t in row.thresholds] == ["w_opinion"]


def test_headline_claims_of_the_worked_case() -> None:
    heads = headline_claims(load(WORKED))
    assert "C_illegal" in heads and "C_suit" in heads and "C_lawful" not in heads


def test_claims_rebutting_each_other_are_both_headline() -> None:
    case = Case.model_validate(
        {
            "title": "t",
            "issues": [{"id": "I", "question": "q"}],
            "claims": [
                {"id": "A", "text": "a", "issue": "I"},
                {"id": "B", "text": "b", "issue": "I"},
                {"id": "R", "text": "r", "issue": "I"},
            ],
            "relations": [
                {"kind": "rebut", "from": "A", "to": "B"},
                {"kind": "rebut", "from": "B", "to": "A"},
                {"kind": "support", "from": "R", "to": "A"},
            ],
        }
    )
    assert headline_claims(case) == ["A", "B"]


def test_markdown_escapes_and_json_round_trips() -> None:
    case = Case.model_validate(
        {
            "title": "t <b>*x*</b>",
            "sources": [{"id": "S", "outlet": "o", "title": "t"}],
            "issues": [{"id": "I", "question": "q"}],
            "claims": [{"id": "C", "text": "a | b <script>", "issue": "I"}],
            "evidence": [{"id": "E", "text": "e", "source": "S", "status": "fact"}],
            "relations": [{"kind": "support", "from": "E", "to": "C"}],
        }
    )
    result = audit(case, samples=0, progress=False)
    md = audit_markdown(result)
    assert "<script>" not in md and "<b>" not in md and "a \\| b" in md
    import json

    doc = json.loads(audit_json([result]))
    assert doc["audits"][0]["claims"][0]["text"] == "a | b <script>"
    assert doc["audits"][0]["claims"][0]["deciding"][0]["items"][0]["id"] == "E"


def test_unknown_claim_is_an_error() -> None:
    from argmap.errors import SolverError

    with pytest.raises(SolverError, match="unknown claim"):
        audit(load(WORKED), ["C_nope"], progress=False)


def test_open_critical_questions_are_items() -> None:
    case = Case.model_validate(
        {
            "title": "t",
            "proof": {"reading": "carneades"},
            "sources": [{"id": "S", "outlet": "o", "title": "t"}],
            "issues": [{"id": "I", "question": "q"}],
            "claims": [{"id": "C", "text": "c", "issue": "I"}],
            "evidence": [
                {"id": "E1", "text": "e", "source": "S", "status": "fact", "reliability": 0.9},
                {"id": "E2", "text": "e", "source": "S", "status": "fact", "reliability": 0.9},
            ],
            "arguments": [
                {
                    "id": "A",
                    "text": "a",
                    "conclusion": "C",
                    "premises": ["E1", "E2"],
                    "scheme": "expert_opinion",
                    "roles": {"expertise": "E1", "assertion": "E2"},
                    "questions": {
                        "expertise": "conceded",
                        "field": "conceded",
                        "what_said": "conceded",
                        "consistency": "conceded",
                        "backup": "conceded",
                    },
                }
            ],
        }
    )
    row = audit(case, samples=0, weights=False, progress=False)["C"]
    assert row.verdict.value == "unproven"
    assert [str(s[0]) for s in row.deciding] == ["answer question A?trustworthy"]
    _agrees_with_brute_force(case)


def test_as_of_reads_the_case_as_evaluate_does() -> None:
    import datetime as dt

    case = Case.model_validate(
        {
            "title": "t",
            "sources": [{"id": "S", "outlet": "o", "title": "t", "date": "2024-05-01"}],
            "issues": [{"id": "I", "question": "q"}],
            "claims": [{"id": "C", "text": "c", "issue": "I"}],
            "evidence": [{"id": "E", "text": "e", "source": "S", "status": "fact"}],
            "relations": [{"kind": "support", "from": "E", "to": "C"}],
        }
    )
    now = audit(case, samples=0, progress=False)["C"]
    assert now.verdict.value == "proved" and str(now.deciding[0][0]) == "remove evidence E"
    then = audit(case, samples=0, progress=False, as_of=dt.date(2023, 1, 1))["C"]
    assert then.verdict is evaluate(case, as_of=dt.date(2023, 1, 1))["C"].verdict
    assert then.verdict.value == "unproven" and then.items == 0
