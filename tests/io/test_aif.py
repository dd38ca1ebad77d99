"""AIF: the real AIFdb exports import, evaluate and render; round trips keep structure."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import CaseError
from argmap.io.aif import AifDocument, dumps_aif, parse_aif, read_aif, to_aif
from argmap.io.casefile import load
from argmap.model import Case, Stance
from tests.model.strategies import cases

REPO = Path(__file__).resolve().parents[2]
AIF_DIR = REPO.parent / "shared" / "examples" / "aif"
AIF_FILES = sorted(AIF_DIR.glob("*.json"))


def _raw(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def test_the_real_files_are_there() -> None:
    assert len(AIF_FILES) >= 2


@pytest.mark.parametrize("path", AIF_FILES, ids=lambda p: p.name)
def test_real_file_imports_as_a_valid_case(path: Path) -> None:
    raw = _raw(path)
    doc = read_aif(path)
    case = Case.model_validate(doc.case.model_dump(by_alias=True))  # validates again
    i_nodes = [n for n in raw["nodes"] if n["type"] == "I"]
    assert [c.text for c in case.claims] == [n["text"] for n in i_nodes]
    assert all(c.id == f"I{n['nodeID']}" for c, n in zip(case.claims, i_nodes, strict=True))
    # every inference with I premises and one I conclusion is an argument
    by_id = {n["nodeID"]: n for n in raw["nodes"]}
    for ra in (n for n in raw["nodes"] if n["type"] == "RA"):
        ins = [e["fromID"] for e in raw["edges"] if e["toID"] == ra["nodeID"]]
        outs = [e["toID"] for e in raw["edges"] if e["fromID"] == ra["nodeID"]]
        premises = [f"I{x}" for x in ins if by_id[x]["type"] == "I"]
        conclusions = [f"I{x}" for x in outs if by_id[x]["type"] == "I"]
        arg = case.node(f"RA{ra['nodeID']}")
        assert sorted(arg.premises) == sorted(premises)  # type: ignore[union-attr]
        assert [arg.conclusion] == conclusions  # type: ignore[union-attr]
    # nothing of the dialogue layer is lost
    kept = Counter(n["type"] for n in doc.dialogue_nodes)
    for kind in ("L", "YA", "TA"):
        assert kept[kind] == sum(1 for n in raw["nodes"] if n["type"] == kind)
    assert list(doc.locutions) == raw["locutions"]


def test_conflict_on_a_premise_is_an_undermine() -> None:
    path = AIF_DIR / "nodeset21145.json"
    raw = _raw(path)
    case = read_aif(path).case
    ca = [n for n in raw["nodes"] if n["type"] == "CA"]
    assert ca, "the file has a conflict node"
    premises = {p for a in case.arguments for p in a.premises}
    for node in ca:
        attacker = next(e["fromID"] for e in raw["edges"] if e["toID"] == node["nodeID"])
        target = next(e["toID"] for e in raw["edges"] if e["fromID"] == node["nodeID"])
        rel = next(r for r in case.relations if r.note and node["nodeID"] in r.note)
        assert (rel.origin, rel.target) == (f"I{attacker}", f"I{target}")
        expected = "undermine" if rel.target in premises else "rebut"
        assert rel.kind.value == expected


@pytest.mark.parametrize("path", AIF_FILES, ids=lambda p: p.name)
def test_real_file_evaluates_and_renders(path: Path) -> None:
    from argmap.maps import render
    from argmap.semantics.evaluate import evaluate

    case = read_aif(path).case
    result = evaluate(case)
    assert {r.id for r in result.claims()} == {c.id for c in case.claims}
    dot = render(case, result).dot
    assert all(f'"{c.id}"' in dot or c.id in dot for c in case.claims)


def _edge_set(data: dict[str, Any]) -> Counter[tuple[str, str]]:
    return Counter((str(e["fromID"]), str(e["toID"])) for e in data["edges"])


def _node_set(data: dict[str, Any]) -> Counter[str]:
    return Counter(json.dumps(n, sort_keys=True) for n in data["nodes"])


@pytest.mark.parametrize("path", AIF_FILES, ids=lambda p: p.name)
def test_import_export_restores_every_node_edge_and_locution(path: Path) -> None:
    raw = _raw(path)
    out = to_aif(read_aif(path))
    assert _node_set(out) == _node_set(raw)
    assert _edge_set(out) == _edge_set(raw)
    assert out["locutions"] == raw["locutions"]


@pytest.mark.parametrize("path", AIF_FILES, ids=lambda p: p.name)
def test_import_export_import_is_stable(path: Path) -> None:
    first = read_aif(path)
    again = parse_aif(dumps_aif(first), "again.json", title=first.case.title)
    assert again.case == first.case
    assert again.dialogue_nodes == first.dialogue_nodes
    assert again.locutions == first.locutions
    assert Counter(json.dumps(e, sort_keys=True) for e in again.dialogue_edges) == Counter(
        json.dumps(e, sort_keys=True) for e in first.dialogue_edges
    )


def test_multi_attacker_conflict_and_rephrase_come_back_as_one_node_each() -> None:
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "text": "a", "type": "I"},
                {"nodeID": "2", "text": "b", "type": "I"},
                {"nodeID": "3", "text": "c", "type": "I"},
                {"nodeID": "4", "text": "Default Conflict", "type": "CA"},
                {"nodeID": "5", "text": "Default Rephrase", "type": "MA"},
                {"nodeID": "6", "text": "Default Inference", "type": "RA"},
                {"nodeID": "7", "text": "Default Conflict", "type": "CA"},
                {"nodeID": "8", "text": "d", "type": "I"},
            ],
            "edges": [
                {"edgeID": "1", "fromID": "1", "toID": "4"},
                {"edgeID": "2", "fromID": "2", "toID": "4"},
                {"edgeID": "3", "fromID": "4", "toID": "3"},
                {"edgeID": "4", "fromID": "3", "toID": "5"},
                {"edgeID": "5", "fromID": "5", "toID": "8"},
                {"edgeID": "6", "fromID": "8", "toID": "6"},
                {"edgeID": "7", "fromID": "6", "toID": "1"},
                {"edgeID": "8", "fromID": "2", "toID": "7"},
                {"edgeID": "9", "fromID": "7", "toID": "6"},
            ],
            "locutions": [],
        }
    )
    doc = parse_aif(text)
    kinds = sorted((r.kind.value, r.origin, r.target) for r in doc.case.relations)
    assert kinds == [
        ("rebut", "I1", "I3"),
        ("rebut", "I2", "I3"),
        ("support", "I3", "I8"),
        ("undercut", "I2", "RA6"),
    ]
    out = to_aif(doc)
    assert Counter(n["type"] for n in out["nodes"]) == Counter({"I": 4, "CA": 2, "MA": 1, "RA": 1})
    assert _edge_set(out) == _edge_set(json.loads(text))


def test_rephrase_of_a_premise_keeps_the_argument() -> None:
    doc = parse_aif(
        json.dumps(
            {
                "nodes": [
                    {"nodeID": 10, "text": "x", "type": "I"},
                    {"nodeID": 11, "text": "y", "type": "I"},
                    {"nodeID": 12, "text": "RA", "type": "RA"},
                    {"nodeID": 13, "text": "", "type": "RA"},
                ],
                "edges": [
                    {"fromID": 10, "toID": 12},
                    {"fromID": 12, "toID": 11},
                    {"fromID": 13, "toID": 11},
                ],
            }
        )
    )
    assert [(a.id, a.premises, a.conclusion) for a in doc.case.arguments] == [
        ("RA12", ["I10"], "I11")
    ]
    # the RA with no premise cannot be an argument: it stays, verbatim, in the dialogue layer
    assert [n["nodeID"] for n in doc.dialogue_nodes] == [13]
    assert [(e["fromID"], e["toID"]) for e in doc.dialogue_edges] == [(13, 11)]
    out = to_aif(doc)
    assert sorted(n["nodeID"] for n in out["nodes"]) == [10, 11, 12, 13]


def _pro_only(case: Case) -> Case:
    """AIF has no con arguments; compare on cases whose arguments are all pro."""
    args = [a.model_copy(update={"stance": Stance.PRO}) for a in case.arguments]
    return case.model_copy(update={"arguments": args})


def _shape(data: dict[str, Any]) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Nodes as (type, text) and edges as pairs of those: the graph up to node ids."""
    label = {str(n["nodeID"]): (n["type"], n["text"]) for n in data["nodes"]}
    nodes = Counter(label.values())
    edges = Counter(
        (repr(label[str(e["fromID"])]), repr(label[str(e["toID"])])) for e in data["edges"]
    )
    return nodes, edges


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_case_to_aif_to_case_keeps_what_aif_holds(case: Case) -> None:
    case = _pro_only(case)
    exported = to_aif(case)
    back = parse_aif(json.dumps(exported))
    i_level = [*case.claims, *case.evidence, *case.events]
    assert [c.text for c in back.case.claims] == [n.text for n in i_level]
    # a support between statements is a one-premise inference in AIF
    statement_supports = [
        r
        for r in case.relations
        if r.kind.value == "support"
        and type(case.node(r.origin)).__name__ != "Argument"
        and type(case.node(r.target)).__name__ != "Argument"
    ]
    assert len(back.case.arguments) == len(case.arguments) + len(statement_supports)
    # AIF does not tell a rebut from an undermine: a pair of ends keeps one attack
    attacks = {(r.origin, r.target) for r in case.relations if r.is_attack}
    assert sum(r.is_attack for r in back.case.relations) == len(attacks)
    # exporting again gives the same graph
    assert _shape(to_aif(back)) == _shape(exported)


def test_example_case_exports_attacks_as_conflicts() -> None:
    case = load(REPO / "examples" / "ad_tool_dispute.yaml")
    data = to_aif(case)
    kinds = Counter(n["type"] for n in data["nodes"])
    assert kinds["I"] == len(case.claims) + len(case.evidence)
    assert kinds["RA"] == len(case.arguments) + sum(
        1 for r in case.relations if r.kind.value == "support"
    )
    assert kinds["CA"] == sum(1 for r in case.relations if r.is_attack)
    ids = {n["nodeID"] for n in data["nodes"]}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in data["edges"])
    assert data["locutions"] == []
    assert isinstance(AifDocument(case=case).case, Case)


BROKEN = Path(__file__).parent / "broken"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("aif_bad_json.aif.json", "broken/aif_bad_json.aif.json:5: JSON: Expecting"),
        (
            "aif_no_node_id.aif.json",
            "broken/aif_no_node_id.aif.json:4: nodes[1]: node has no 'nodeID'",
        ),
        (
            "aif_duplicate_node.aif.json",
            "broken/aif_duplicate_node.aif.json:4: nodes[1].nodeID: duplicate nodeID '1'",
        ),
        (
            "aif_unknown_edge_end.aif.json",
            "broken/aif_unknown_edge_end.aif.json:8: edges[0].toID: unknown node '9'",
        ),
        (
            "aif_nodes_not_list.aif.json",
            "broken/aif_nodes_not_list.aif.json:2: nodes: 'nodes' must be a list",
        ),
    ],
)
def test_malformed_aif_names_file_and_line(name: str, message: str) -> None:
    with pytest.raises(CaseError) as info:
        read_aif(BROKEN / name)
    text = str(info.value)
    assert len(text.splitlines()) == 1
    assert text.replace(str(BROKEN.parent) + "/", "").startswith(message), text


def test_odd_but_legal_input_round_trips_verbatim() -> None:
    source = {
        "nodes": [
            {"nodeID": "1", "text": "  ", "type": "I"},
            {"nodeID": "2", "text": " padded ", "type": "I"},
            {"nodeID": 3, "type": "XX"},
        ],
        "edges": [{"fromID": "1", "toID": 2}, {"fromID": 1, "toID": 3}],
        "locutions": [1, "x"],
        "participants": [{"participantID": 1}],
    }
    doc = parse_aif(json.dumps(source))
    assert [c.text for c in doc.case.claims] == ["(no text)", "padded"]
    assert doc.warnings == ("node 1: empty text replaced by '(no text)'",)
    assert to_aif(doc) == source


def test_an_edited_case_exports_no_dangling_edges() -> None:
    import dataclasses

    doc = read_aif(AIF_DIR / "6064-original.json")
    dropped = doc.case.claims[0].id
    case = doc.case.model_copy(
        update={
            "claims": doc.case.claims[1:],
            "arguments": [
                a for a in doc.case.arguments if dropped not in [*a.premises, a.conclusion]
            ],
        }
    )
    out = to_aif(dataclasses.replace(doc, case=Case.model_validate(case.model_dump(by_alias=True))))
    ids = {str(n["nodeID"]) for n in out["nodes"]}
    assert dropped[1:] not in ids
    assert all(str(e["fromID"]) in ids and str(e["toID"]) in ids for e in out["edges"])
    assert len(out["edges"]) < len(_raw(AIF_DIR / "6064-original.json")["edges"])


@st.composite
def aif_graphs(draw: st.DrawFn) -> dict[str, Any]:
    """Arbitrary (often odd) AIF graphs: any types, ids of any form, repeated edges."""
    n = draw(st.integers(1, 10))
    types = ["I", "I", "I", "RA", "CA", "MA", "PA", "L", "YA", "TA"]
    nodes = [
        {
            "nodeID": draw(st.sampled_from([str(i + 1), i + 1, f"n{i}", f"x y{i}", f'q"{i})'])),
            "text": draw(st.sampled_from(["a", "b", "", " c ", "RA", "Default Conflict"])),
            "type": draw(st.sampled_from(types)),
        }
        for i in range(n)
    ]
    ids = [node["nodeID"] for node in nodes]
    edges = [
        {"edgeID": str(k), "fromID": draw(st.sampled_from(ids)), "toID": draw(st.sampled_from(ids))}
        for k in range(draw(st.integers(0, 15)))
    ]
    return {"nodes": nodes, "edges": edges, "locutions": []}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(aif_graphs())
def test_any_aif_graph_comes_back_node_for_node_and_edge_for_edge(graph: dict[str, Any]) -> None:
    doc = parse_aif(json.dumps(graph))
    out = to_aif(doc)
    label = {str(n["nodeID"]): json.dumps(n, sort_keys=True) for n in graph["nodes"]}
    label_out = {str(n["nodeID"]): json.dumps(n, sort_keys=True) for n in out["nodes"]}
    assert Counter(label_out.values()) == Counter(label.values())
    assert Counter(
        (label_out[str(e["fromID"])], label_out[str(e["toID"])]) for e in out["edges"]
    ) == Counter((label[str(e["fromID"])], label[str(e["toID"])]) for e in graph["edges"])
    assert parse_aif(json.dumps(out)).case == doc.case
