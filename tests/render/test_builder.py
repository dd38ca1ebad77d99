"""The DOT of small cases, checked structurally through graphviz-pure's parser."""

from __future__ import annotations

import dataclasses

import pytest

from argmap.io.casefile import load
from argmap.maps import render
from argmap.maps.theme import BRIEFING, PRINT
from argmap.model import Case
from tests.render.helpers import (
    EXAMPLE,
    clusters,
    dot_json,
    edges,
    hand_evaluation,
    nodes_by_name,
)


@pytest.fixture(scope="module")
def case() -> Case:
    return load(EXAMPLE)


def test_every_drawable_node_and_edge_is_drawn(case: Case) -> None:
    graph = dot_json(render(case).dot)
    nodes = nodes_by_name(graph)
    drawable = [n.id for n in case.claims] + [n.id for n in case.evidence]
    drawable += [n.id for n in case.arguments]
    assert set(drawable) <= set(nodes)
    drawn = {(t, h, e["class"]) for t, h, e in edges(graph)}
    for rel in case.relations:
        assert (rel.origin, rel.target, rel.kind.value) in drawn
    for arg in case.arguments:
        assert (arg.id, arg.conclusion, "support") in drawn
        for premise in arg.premises:
            assert (premise, arg.id, "premise") in drawn


def test_shapes_and_fills_follow_kind(case: Case) -> None:
    nodes = nodes_by_name(dot_json(render(case).dot))
    assert nodes["C_principled"]["shape"] == BRIEFING.kinds["claim"].shape
    assert "rounded" in nodes["C_principled"]["style"]
    assert nodes["E_drop"]["shape"] == "note"
    assert "diagonals" in nodes["A_fees"]["style"]
    assert nodes["E_drop"]["fillcolor"] != nodes["C_principled"]["fillcolor"]


def test_edge_styles_follow_relation(case: Case) -> None:
    by_class = {e["class"]: e for _, _, e in edges(dot_json(render(case).dot))}
    assert by_class["undercut"]["style"] == "dotted"
    assert by_class["undercut"]["arrowhead"] == "tee"
    assert by_class["rebut"]["color"] != by_class["support"]["color"]
    assert float(by_class["rebut"]["penwidth"]) > float(by_class["premise"]["penwidth"])


def test_width_follows_weight(case: Case) -> None:
    support = {(t, h): float(e["penwidth"]) for t, h, e in edges(dot_json(render(case).dot))}
    # A_fees has weight 0.8, A_silence 0.4
    assert support[("A_fees", "C_principled")] > support[("A_silence", "C_retaliation")]


def test_status_shows_as_colour_border_and_glyph(case: Case) -> None:
    ev = hand_evaluation(case, {"C_principled": "in", "C_retaliation": "out"})
    nodes = nodes_by_name(dot_json(render(case, ev).dot))
    inn, out, und = nodes["C_principled"], nodes["C_retaliation"], nodes["E_drop"]
    assert inn["color"] == BRIEFING.status["in"].color
    assert out["color"] == BRIEFING.status["out"].color
    assert "dashed" in out["style"] and "dotted" in und["style"]
    assert "dashed" not in inn["style"] and "dotted" not in inn["style"]
    assert "●" in inn["label"] and "×" in out["label"] and "◊" in und["label"]
    assert "preponderance met" in inn["label"]
    assert "preponderance not met" in out["label"]
    assert inn["class"] == "claim in"


def test_a_contested_claim_says_so_next_to_its_badge(case: Case) -> None:
    ev = hand_evaluation(case, {"C_principled": "in", "C_retaliation": "out"})
    won = dataclasses.replace(ev.nodes["C_retaliation"], standard_met=True)
    ev = dataclasses.replace(ev, nodes={**ev.nodes, "C_retaliation": won})
    nodes = nodes_by_name(dot_json(render(case, ev).dot))
    assert "preponderance met · contested" in nodes["C_retaliation"]["label"]
    assert "contested" not in nodes["C_principled"]["label"]


def test_strength_deepens_the_fill(case: Case) -> None:
    weak = nodes_by_name(dot_json(render(case, hand_evaluation(case, {}, 0.1)).dot))
    strong = nodes_by_name(dot_json(render(case, hand_evaluation(case, {}, 0.9)).dot))

    def lum(colour: str) -> int:
        return sum(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    assert lum(strong["C_principled"]["fillcolor"]) < lum(weak["C_principled"]["fillcolor"])


def test_clusters_by_issue_and_by_party(case: Case) -> None:
    by_issue = clusters(dot_json(render(case).dot))
    assert "cluster_issue_I_motive" in by_issue
    assert "Why did Microsoft" in by_issue["cluster_issue_I_motive"]["label"]
    by_party = clusters(dot_json(render(case, cluster="party").dot))
    assert {"cluster_party_microsoft", "cluster_party_twitter"} <= set(by_party)
    flat = clusters(dot_json(render(case, cluster="none").dot))
    assert set(flat) == {"cluster__title"}


def test_title_legend_and_sources(case: Case) -> None:
    graph = dot_json(render(case, title="Briefing <draft>").dot)
    title = clusters(graph)["cluster__title"]["label"]
    assert "Briefing &lt;draft&gt;" in title
    footer = graph["label"]
    assert "Legend" in footer and "Sources" in footer
    assert "[S1]" in footer and "The Epoch Times" in footer and "20 Apr 2023" in footer
    # only what is used: no precedent or event in this case, no rebut-free claim
    assert "precedent" not in footer and "event" not in footer and "undermines" not in footer
    assert "undercuts" in footer and "rebuts" in footer
    # without an evaluation the legend has no statuses
    assert "dashed border" not in footer


def test_evidence_carries_its_source_marker(case: Case) -> None:
    nodes = nodes_by_name(dot_json(render(case).dot))
    assert "[S3]" in nodes["E_price"]["label"]
    assert "between $42,000" in nodes["E_price"]["tooltip"]


def test_print_theme_is_black_and_white(case: Case) -> None:
    ev = hand_evaluation(case, {"C_principled": "in", "C_retaliation": "out"})
    dot = render(case, ev, theme="print").dot
    nodes = nodes_by_name(dot_json(dot))
    assert nodes["C_principled"]["color"] == PRINT.status["in"].color == "#000000"
    assert "dashed" in nodes["C_retaliation"]["style"]
    colours = {c.lower() for c in __import__("re").findall(r"#[0-9a-fA-F]{6}", dot)}
    for colour in colours:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert r == g == b, colour


def test_direction(case: Case) -> None:
    assert dot_json(render(case, direction="TB").dot)["rankdir"] == "TB"


def test_source_urls_are_links_only_when_safe() -> None:
    data = {
        "title": "t",
        "sources": [
            {"id": "S1", "outlet": "o", "title": "a", "url": "https://example.org/x?a=1&b=2"},
            {"id": "S2", "outlet": "o", "title": "b", "url": "javascript:alert(1)"},
        ],
        "claims": [{"id": "C1", "text": "c"}],
        "evidence": [
            {"id": "E1", "text": "e1", "source": "S1", "status": "fact"},
            {"id": "E2", "text": "e2", "source": "S2", "status": "fact"},
        ],
    }
    svg = render(Case.model_validate(data)).pipe("svg").decode()
    assert "https://example.org/x?a=1&amp;b=2" in svg
    assert "javascript:" not in svg


def test_precedent_and_con_argument_edges() -> None:
    data = {
        "title": "t",
        "claims": [{"id": "C1", "text": "c"}],
        "evidence": [],
        "precedents": [
            {
                "id": "P1",
                "name": "hiQ v. LinkedIn",
                "court": "9th Cir.",
                "year": 2022,
                "jurisdiction": "US",
                "status": "decided",
                "outcome": "defendant",
            }
        ],
        "arguments": [
            {"id": "A1", "precedent": "P1", "conclusion": "C1", "stance": "con", "weight": 0.5}
        ],
    }
    graph = dot_json(render(Case.model_validate(data)).dot)
    kinds = {(t, h): e["class"] for t, h, e in edges(graph)}
    assert kinds[("P1", "A1")] == "cites"
    assert kinds[("A1", "C1")] == "rebut"
    label = nodes_by_name(graph)["P1"]["label"]
    assert "9th Cir., 2022" in label and "decided for defendant" in label
    assert nodes_by_name(graph)["P1"]["shape"] == "folder"
    assert "con · defeasible inference" in nodes_by_name(graph)["A1"]["label"]
    assert "precedent for" in graph["label"]


def test_drawing_leaves_the_legend_spec_alone_and_the_legend_follows_the_drawing(
    case: Case,
) -> None:
    from argmap.maps.builder import Drawing, draw, legend_of
    from argmap.maps.graph import case_graph
    from argmap.maps.legend import LegendSpec
    from argmap.semantics.evaluate import evaluate

    nodes, all_edges = case_graph(case)
    ev = evaluate(case)
    everything = Drawing(nodes=list(nodes.values()), edges=all_edges, evaluation=ev)
    claims = Drawing(
        nodes=[n for n in nodes.values() if n.kind == "claim"], edges=[], evaluation=ev
    )

    def dot(drawing: Drawing, spec: LegendSpec) -> str:
        return draw(case, drawing, BRIEFING, direction="LR", title="t", cluster="none", spec=spec)

    spec = LegendSpec(notes=["a note"])
    dot(everything, spec)
    assert spec == LegendSpec(notes=["a note"])  # drawing filled nothing in
    # so a second map drawn with the same spec lists only what it draws itself
    assert dot(claims, spec) == dot(claims, LegendSpec(notes=["a note"]))
    legend = legend_of(claims, spec)
    assert legend.kinds == {"claim"} and legend.edges == set() and legend.strength
    assert legend_of(everything, spec).kinds == {n.kind for n in case_graph(case)[0].values()}
    faded = dataclasses.replace(claims, faded=frozenset(n.id for n in claims.nodes))
    assert legend_of(faded, spec).statuses == set() and not legend_of(faded, spec).strength
