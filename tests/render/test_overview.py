"""The overview (briefing figure) and the issue pages: structure of the DOT they make."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.errors import RenderError
from argmap.io.casefile import load
from argmap.maps import render
from argmap.maps.graph import case_graph
from argmap.model import Case
from argmap.semantics.evaluate import evaluate
from tests.render.helpers import (
    EXAMPLE,
    REPO,
    clusters,
    dot_json,
    edges,
    nodes_by_name,
    svg_texts,
)

WORKED = REPO / "seeds" / "musk_v_microsoft.yaml"

SMALL = {
    "title": "Small dispute",
    "sources": [{"id": "S1", "outlet": "Wire", "title": "Report"}],
    "issues": [
        {"id": "I1", "question": "Was it lawful?", "proof_standard": "preponderance"},
        {"id": "I2", "question": "Was it used?", "proof_standard": "clear_and_convincing"},
    ],
    "claims": [
        {"id": "C_top", "text": "It was unlawful", "issue": "I1"},
        {"id": "C_rival", "text": "It was lawful", "issue": "I1"},
        {"id": "C_prem", "text": "The terms were breached", "issue": "I1"},
        {"id": "C_cut", "text": "The terms do not bind", "issue": "I1"},
        {"id": "C_used", "text": "The data was used", "issue": "I2"},
    ],
    "evidence": [
        {"id": "E1", "text": "A report", "source": "S1", "status": "report"},
        {"id": "E2", "text": "Another report", "source": "S1", "status": "report"},
        {"id": "E3", "text": "A denial", "source": "S1", "status": "report"},
    ],
    "precedents": [
        {
            "id": "P1",
            "name": "A v. B",
            "court": "9th Cir.",
            "year": 2022,
            "jurisdiction": "US",
            "status": "decided",
            "outcome": "defendant",
        }
    ],
    "arguments": [
        {"id": "A_via", "premises": ["C_used", "C_prem"], "conclusion": "C_top"},
        {"id": "A_ev", "premises": ["E1", "E2"], "conclusion": "C_used"},
        {"id": "A_prec", "precedent": "P1", "conclusion": "C_top", "stance": "con"},
    ],
    "relations": [
        {"kind": "rebut", "from": "C_rival", "to": "C_top"},
        {"kind": "undercut", "from": "C_cut", "to": "A_via"},
        {"kind": "undermine", "from": "E3", "to": "C_used"},
    ],
}


@pytest.fixture(scope="module")
def small() -> Case:
    return Case.model_validate(SMALL)


@pytest.fixture(scope="module")
def worked() -> Case:
    return load(WORKED)


def _edge_set(graph: dict[str, Any]) -> set[tuple[str, str, str]]:
    """(claim the arrow starts from, claim it points at, relation) of every drawn link."""
    out = set()
    for tail, head, attrs in edges(graph):
        if tail.startswith("@"):
            continue
        if attrs.get("dir") == "back":
            tail, head = head, tail
        out.add((tail, head, attrs["class"]))
    return out


def test_overview_draws_claims_only_in_issue_boxes(small: Case) -> None:
    graph = dot_json(render(small, evaluate(small), view="overview").dot)
    drawn = {n for n in nodes_by_name(graph) if not n.startswith("@")}
    assert drawn == {"C_top", "C_rival", "C_prem", "C_cut", "C_used"}
    boxes = clusters(graph)
    assert {"cluster_issue_I1", "cluster_issue_I2"} <= set(boxes)
    assert "Was it lawful?" in boxes["cluster_issue_I1"]["label"]
    assert "clear and convincing" in boxes["cluster_issue_I2"]["label"]


def test_overview_links_claims_directly_and_through_arguments(small: Case) -> None:
    links = _edge_set(dot_json(render(small, view="overview").dot))
    assert links == {
        ("C_used", "C_top", "support"),  # premise claim -> conclusion of A_via
        ("C_prem", "C_top", "support"),
        ("C_rival", "C_top", "rebut"),  # direct relation kept
        ("C_cut", "C_top", "undercut"),  # undercuts A_via, an argument for C_top
    }


def test_overview_arrow_points_at_the_claim_argued_about(small: Case) -> None:
    graph = dot_json(render(small, view="overview").dot)
    for tail, head, attrs in edges(graph):
        if (tail, head) == ("C_top", "C_prem"):  # written top-down for the layout
            assert attrs["dir"] == "back" and attrs["arrowtail"] == "normal"
            assert "C_prem supports C_top" in attrs["tooltip"]
            assert "through A_via" in attrs["tooltip"]
            break
    else:
        pytest.fail("no edge between C_top and C_prem")


def test_overview_counts_what_stands_behind_each_claim(small: Case) -> None:
    texts = svg_texts(render(small, evaluate(small), view="overview").svg())
    # C_top: A_via for, A_prec (con, citing P1) against; too long for one line
    at, counts = texts.index("It was unlawful"), texts.index("1 argument for, 1 against")
    assert at < counts < texts.index("It was lawful")
    assert texts[counts + 1] == "1 precedent (1 against)"
    # C_used: A_ev's two premises for, E3 undermining it
    assert "3 evidence (1 against)" in texts
    assert texts.count("no arguments · no evidence") == 3  # short: one line


def test_overview_places_claims_above_their_supporters(small: Case) -> None:
    nodes = nodes_by_name(dot_json(render(small, view="overview").dot))

    def y(name: str) -> float:
        return float(nodes[name]["pos"].split(",")[1])

    # Graphviz's y grows upwards: the conclusion sits higher than its premises
    assert y("C_top") > y("C_prem")
    assert y("C_top") > y("C_cut")
    # rivals stand level
    assert y("C_top") == y("C_rival")


def test_overview_legend_lists_only_what_is_used(small: Case) -> None:
    dot = render(small, evaluate(small), view="overview").dot
    assert "claim (rounded box)" in dot
    for absent in ("evidence (note)", "argument (cut corners)", "premise of", "precedent for"):
        assert absent not in dot
    assert "undercuts" in dot and "rebuts" in dot
    assert "Each claim counts the arguments" in dot
    assert "Overview of 5 claims in 2 issues; the 7 arguments" in dot
    assert "grounded semantics" in dot


def test_overview_badge_names_a_standard_only_where_it_differs(small: Case) -> None:
    ev = evaluate(small)
    dot = render(small, ev, view="overview").dot
    met = [r for r in ev.nodes.values() if r.kind == "claim" and r.standard_met is not None]
    assert met, "the small case has claims under a standard"
    assert "standard met" in dot or "standard not met" in dot
    assert "preponderance met" not in dot and "preponderance not met" not in dot


def test_overview_print_theme_is_black_and_white(small: Case) -> None:
    dot = render(small, evaluate(small), view="overview", theme="print").dot
    for colour in ("#009E73", "#D55E00", "#C0392B", "#56B4E9"):
        assert colour not in dot


def test_overview_cannot_be_focused(small: Case) -> None:
    with pytest.raises(RenderError, match="overview view cannot be focused"):
        render(small, view="overview", focus="C_top")


def test_overview_without_issues_or_claims() -> None:
    plain = Case.model_validate(
        {
            "title": "No issues",
            "claims": [{"id": "A", "text": "a"}, {"id": "B", "text": "b"}],
            "relations": [{"kind": "rebut", "from": "A", "to": "B"}],
        }
    )
    graph = dot_json(render(plain, view="overview").dot)
    assert {n for n in nodes_by_name(graph) if not n.startswith("@")} == {"A", "B"}
    assert {k for k in clusters(graph) if k.startswith("cluster")} == {"cluster__title"}
    empty = Case.model_validate({"title": "Nothing claimed"})
    with pytest.raises(RenderError, match="this case has none"):
        render(empty, view="overview")


def test_worked_case_overview_fits_a_landscape_page(worked: Case) -> None:
    """The briefing figure: every claim, legible on one landscape page (11 x 8.5 in)
    printed at 60 % or more, i.e. a layout of at most 1,320 x 1,020 pt."""
    m = render(worked, evaluate(worked), view="overview")
    graph = dot_json(m.dot)
    _, _, width, height = (float(v) for v in graph["bb"].split(","))
    assert width <= 1320 and height <= 1020, (width, height)
    drawn = {n for n in nodes_by_name(graph) if not n.startswith("@")}
    assert drawn == {c.id for c in worked.claims}
    assert {f"cluster_issue_{i.id}" for i in worked.issues} <= set(clusters(graph))


def test_worked_case_overview_keeps_every_claim_link(worked: Case) -> None:
    from argmap.maps.collapse import collapse

    _, links = collapse(*case_graph(worked))
    drawn = _edge_set(dot_json(render(worked, view="overview").dot))
    assert drawn == {(link.tail, link.head, link.kind) for link in links}
    assert ("C_used", "C_illegal", "support") in drawn


# -- issue pages ------------------------------------------------------------------


def test_issue_page_draws_the_issue_in_full(small: Case) -> None:
    graph = dot_json(render(small, evaluate(small), view="issue", focus="I1").dot)
    nodes = set(nodes_by_name(graph))
    # the issue's claims, the arguments for and against them, their premises and the
    # precedent cited; C_used (issue I2) takes part as a premise but brings no support
    assert nodes == {"C_top", "C_rival", "C_prem", "C_cut", "A_via", "A_prec", "P1", "C_used"}
    assert "Issue I1: Was it lawful?" in clusters(graph)["cluster__title"]["label"]


def test_issue_page_of_the_other_issue(small: Case) -> None:
    nodes = set(nodes_by_name(dot_json(render(small, view="issue", focus="I2").dot)))
    assert nodes == {"C_used", "A_ev", "E1", "E2", "E3"}


def test_issue_page_reaches_what_undercuts_its_arguments(worked: Case) -> None:
    graph = dot_json(render(worked, view="issue", focus="I_motive").dot)
    nodes = set(nodes_by_name(graph))
    motive = {c.id for c in worked.claims if c.issue == "I_motive"}
    assert motive <= nodes
    args = {a.id for a in worked.arguments if a.conclusion in motive}
    assert args <= nodes
    _, all_edges = case_graph(worked)
    for e in all_edges:
        if e.head in args and e.kind in ("premise", "undercut", "cites"):
            assert e.tail in nodes, e
    # claims of other issues are not drawn unless they bear on this one
    assert "C_illegal" not in nodes


@pytest.mark.parametrize(
    ("focus", "message"),
    [("NOPE", "no issue 'NOPE'"), ("C_top", "no issue 'C_top'"), (None, "needs an issue id")],
)
def test_issue_page_errors(small: Case, focus: str | None, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        render(small, view="issue", focus=focus)


def test_issue_without_claims_is_refused() -> None:
    data = {**SMALL, "issues": [*SMALL["issues"], {"id": "I3", "question": "Empty?"}]}
    with pytest.raises(RenderError, match="has no claims"):
        render(Case.model_validate(data), view="issue", focus="I3")


def test_sample_case_overview_and_issue_page_render(tmp_path: Path) -> None:
    case = load(EXAMPLE)
    ev = evaluate(case)
    out = render(case, ev, view="overview").save(tmp_path / "o.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    out = render(case, ev, view="issue", focus="I_motive").save(tmp_path / "i.png")
    assert out.read_bytes().startswith(b"\x89PNG")


def test_box_order_with_the_shortest_links_is_kept(
    worked: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.maps import overview
    from argmap.maps.engine import LaidOutDot, pipe
    from argmap.maps.legend import LegendSpec
    from argmap.maps.theme import BRIEFING

    nodes, all_edges = case_graph(worked)

    def dot(tries: int) -> LaidOutDot:
        spec = LegendSpec()
        return overview.overview_dot(
            worked,
            nodes,
            all_edges,
            None,
            BRIEFING,
            direction="TB",
            title="t",
            spec=spec,
            tries=tries,
        )

    given, best = dot(1), dot(overview.ORDER_TRIES)
    assert given.layouts == {}  # one order: nothing laid out to choose it
    assert overview.link_length(dot_json(best.dot)) <= overview.link_length(dot_json(given.dot))
    # same claims, links and layers whatever the order
    assert sorted(given.dot.splitlines()) == sorted(best.dot.splitlines())
    # the SVG of the order kept, from the layout that measured it, is the map's SVG
    assert best.layouts["svg"] == pipe(best.dot, "svg")

    def no_renderer(source: str, formats: object, engine: str | None = None) -> dict[str, Any]:
        raise RenderError("no Graphviz renderer found")

    monkeypatch.setattr(overview, "lay_out", no_renderer)
    assert dot(overview.ORDER_TRIES) == given  # without a renderer: the given order
