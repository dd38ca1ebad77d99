"""Focus, diff and timeline views, and the errors of each."""

from __future__ import annotations

import dataclasses

import pytest

from argmap.errors import RenderError
from argmap.io.casefile import load
from argmap.maps import render
from argmap.maps.theme import BRIEFING
from argmap.maps.views import changed_nodes
from argmap.model import Case
from tests.render.helpers import (
    EXAMPLE,
    clusters,
    dot_json,
    edges,
    hand_evaluation,
    nodes_by_name,
)
from tests.render.synthetic import synthetic_case


@pytest.fixture(scope="module")
def case() -> Case:
    return load(EXAMPLE)


def test_focus_depth_zero_is_the_node_alone(case: Case) -> None:
    nodes = nodes_by_name(dot_json(render(case, focus="A_silence", depth=0).dot))
    assert set(nodes) == {"A_silence"}


def test_focus_goes_both_directions(case: Case) -> None:
    nodes = set(nodes_by_name(dot_json(render(case, focus="A_silence", depth=1).dot)))
    # premise and undercutter (in), conclusion (out)
    assert nodes == {"A_silence", "E_no_reason", "E_api_fees", "C_retaliation"}


def test_focus_depth_two_reaches_further(case: Case) -> None:
    nodes = set(nodes_by_name(dot_json(render(case, focus="A_silence", depth=2).dot)))
    assert {"C_principled", "A_fees"} <= nodes
    assert "E_price" not in nodes


def test_focus_node_is_marked_and_captioned(case: Case) -> None:
    graph = dot_json(render(case, focus="C_principled", depth=1).dot)
    assert nodes_by_name(graph)["C_principled"]["peripheries"] == "2"
    assert "Focus on C_principled" in clusters(graph)["cluster__title"]["label"]


@pytest.mark.parametrize("bad", ["NOPE", "I_motive", "S1", "microsoft"])
def test_focus_on_unknown_or_undrawn_node_fails(case: Case, bad: str) -> None:
    with pytest.raises(RenderError, match="no such node on the map"):
        render(case, focus=bad)


def test_focus_view_needs_a_node(case: Case) -> None:
    with pytest.raises(RenderError, match="needs a node id"):
        render(case, view="focus")
    with pytest.raises(RenderError, match="depth"):
        render(case, focus="C_principled", depth=-1)


def test_changed_nodes() -> None:
    case = load(EXAMPLE)
    base = hand_evaluation(case, {"C_principled": "in"}, 0.5)
    same = hand_evaluation(case, {"C_principled": "in"}, 0.5)
    assert changed_nodes(same, base) == frozenset()
    flipped = hand_evaluation(case, {"C_principled": "out"}, 0.5)
    assert changed_nodes(flipped, base) == {"C_principled"}
    nodes = dict(base.nodes)
    nodes["E_drop"] = dataclasses.replace(nodes["E_drop"], strength=0.7)
    assert changed_nodes(dataclasses.replace(base, nodes=nodes), base) == {"E_drop"}


def test_diff_highlights_changes_and_fades_the_rest(case: Case) -> None:
    base = hand_evaluation(case, {"C_principled": "in", "C_retaliation": "out"})
    now = hand_evaluation(case, {"C_principled": "out", "C_retaliation": "in"})
    graph = dot_json(render(case, now, baseline=base, view="diff").dot)
    nodes = nodes_by_name(graph)
    for changed in ("C_principled", "C_retaliation"):
        assert nodes[changed]["color"] == BRIEFING.highlight
        assert "changed" in nodes[changed]["class"]
    assert "was in · 0.50" in nodes["C_principled"]["label"]
    assert nodes["E_drop"]["color"] == BRIEFING.faded
    faded_edges = [e for t, h, e in edges(graph) if t == "E_drop" and h == "A_fees"]
    assert faded_edges[0]["color"] == BRIEFING.faded
    assert "changed from the baseline" in graph["label"]
    assert "2 node(s) changed" in clusters(graph)["cluster__title"]["label"]


def test_diff_marks_new_nodes_and_lists_removed_ones(case: Case) -> None:
    base = hand_evaluation(case, {})
    nodes = {k: v for k, v in base.nodes.items() if k != "E_refusal"}
    nodes["X_gone"] = dataclasses.replace(base.nodes["E_drop"], id="X_gone")
    old = dataclasses.replace(base, nodes=nodes)
    graph = dot_json(render(case, base, baseline=old, view="diff").dot)
    assert "new in this scenario" in nodes_by_name(graph)["E_refusal"]["label"]
    assert "removed in this scenario: X_gone" in graph["label"]


def test_diff_needs_both_evaluations(case: Case) -> None:
    with pytest.raises(RenderError, match="baseline"):
        render(case, hand_evaluation(case, {}), view="diff")


def test_timeline_orders_dates_and_shows_disputes() -> None:
    case = synthetic_case(60)
    graph = dot_json(render(case, view="timeline").dot)
    nodes = nodes_by_name(graph)
    dates = [n for n in nodes if n.startswith("@")]
    assert dates == sorted(dates)
    assert {e.id for e in case.events} <= set(nodes)
    disputed = next(e for e in case.events if e.disputed_dates)
    assert "disputed: [S2] gives" in nodes[disputed.id]["label"]
    other = "@" + disputed.disputed_dates[0].date.isoformat()
    assert (disputed.id, other) in {(t, h) for t, h, _ in edges(graph)}
    axis = [(t, h) for t, h, _ in edges(graph) if t.startswith("@") and h.startswith("@")]
    assert len(axis) == len(dates) - 1


def test_timeline_of_undated_case_fails() -> None:
    case = Case.model_validate({"title": "t", "claims": [{"id": "C1", "text": "c"}]})
    with pytest.raises(RenderError, match="dated events"):
        render(case, view="timeline")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"view": "sideways"}, "unknown view"),
        ({"theme": "neon"}, "unknown theme"),
        ({"direction": "UP"}, "unknown direction"),
        ({"cluster": "colour"}, "unknown clustering"),
        ({"view": "timeline", "focus": "C_principled"}, "cannot be focused"),
    ],
)
def test_bad_requests(case: Case, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(RenderError, match=message):
        render(case, **kwargs)  # type: ignore[arg-type]


def test_events_joined_to_the_map_are_drawn() -> None:
    case = synthetic_case(60)
    nodes = nodes_by_name(dot_json(render(case).dot))
    linked = {r.origin for r in case.relations} | {r.target for r in case.relations}
    for event in case.events:
        assert (event.id in nodes) == (event.id in linked)
