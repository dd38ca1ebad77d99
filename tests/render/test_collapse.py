"""Collapsing a case graph onto its claims: what the overview counts and links."""

from __future__ import annotations

from argmap.maps.collapse import ClaimSummary, collapse, count_line
from argmap.maps.graph import case_graph
from argmap.model import Case

CASE = {
    "title": "Collapse",
    "sources": [{"id": "S1", "outlet": "Wire", "title": "Report"}],
    "claims": [
        {"id": "C", "text": "conclusion"},
        {"id": "P", "text": "premise claim"},
        {"id": "Q", "text": "premise of a con argument"},
        {"id": "U", "text": "undercutter"},
    ],
    "evidence": [
        {"id": f"E{i}", "text": f"item {i}", "source": "S1", "status": "report"}
        for i in range(1, 5)
    ],
    "events": [{"id": "T1", "text": "it happened", "date": "2023-04-19", "sources": ["S1"]}],
    "precedents": [
        {
            "id": "PR",
            "name": "A v. B",
            "court": "9th Cir.",
            "year": 2022,
            "jurisdiction": "US",
            "status": "decided",
            "outcome": "defendant",
        }
    ],
    "arguments": [
        {"id": "A1", "premises": ["P", "E1", "T1"], "conclusion": "C", "weight": 0.4},
        {"id": "A2", "premises": ["P", "E2"], "conclusion": "C", "weight": 0.7},
        {"id": "A3", "premises": ["Q"], "conclusion": "C", "stance": "con"},
        {"id": "A4", "precedent": "PR", "conclusion": "C", "stance": "con"},
    ],
    "relations": [
        {"kind": "undercut", "from": "U", "to": "A1"},
        {"kind": "undercut", "from": "E3", "to": "A2"},
        {"kind": "support", "from": "E4", "to": "C"},
        {"kind": "undermine", "from": "E4", "to": "P"},
    ],
}


def _collapsed() -> tuple[dict[str, ClaimSummary], dict[tuple[str, str, str], object]]:
    summaries, links = collapse(*case_graph(Case.model_validate(CASE)))
    return summaries, {(k.tail, k.head, k.kind): k for k in links}


def test_summary_counts_each_side() -> None:
    summaries, _ = _collapsed()
    c = summaries["C"]
    assert c.arguments_for == ["A1", "A2"]
    assert c.arguments_against == ["A3", "A4"]
    # premises of pro arguments and direct support are for; an undercutter of a pro
    # argument is against; the precedent cited by a con argument is against
    assert c.evidence_for == ["E1", "E2", "E4"]
    assert c.evidence_against == ["E3"]
    assert c.precedents_against == ["PR"] and c.precedents_for == []
    assert c.events == ["T1"]
    assert count_line(c) == (
        "2 arguments for, 2 against",
        "4 evidence (1 against) · 1 precedent (1 against) · 1 event",
    )
    # P is undermined by E4
    assert summaries["P"].evidence_against == ["E4"]


def test_links_through_arguments_are_merged() -> None:
    _, links = _collapsed()
    assert set(links) == {("P", "C", "support"), ("Q", "C", "rebut"), ("U", "C", "undercut")}
    p = links[("P", "C", "support")]
    assert p.via == ("A1", "A2")  # type: ignore[attr-defined]
    assert p.weight == 0.7  # type: ignore[attr-defined]  # the strongest argument's weight
    assert links[("U", "C", "undercut")].via == ("A1",)  # type: ignore[attr-defined]


def test_count_line_wording() -> None:
    assert count_line(ClaimSummary("X")) == ("no arguments", "no evidence")
    only_against = ClaimSummary("X", arguments_against=["A"], events=["T1", "T2"])
    assert count_line(only_against) == ("1 argument against", "2 events")
