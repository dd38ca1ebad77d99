"""The views a map can show: the whole map, a focus, a diff, a timeline, the overview
and the issue pages.

- ``map``: every drawable node and edge of the case.
- ``overview``: claims only, by issue, with what stands behind each counted on it
  and claim-to-claim links (:mod:`argmap.maps.overview`); the briefing figure.
- ``issue``: one issue (``focus=ISSUE_ID``) with its full supporting and attacking
  structure.
- ``focus``: one node and everything within ``depth`` steps of it, both directions.
- ``diff``: a scenario's evaluation against the baseline's; nodes whose status,
  strength or standard changed (or that are new) are highlighted with what they were,
  the rest faded.
- ``timeline``: dated events (and dated evidence) in date order, with any other date a
  source gives for an event drawn as a dashed link to that date.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from argmap.errors import RenderError
from argmap.maps.builder import CLUSTERS, Drawing, draw, graph_defaults, open_title
from argmap.maps.dot import DotWriter, Html
from argmap.maps.engine import LaidOutDot
from argmap.maps.escape import html_text
from argmap.maps.graph import GraphNode, case_graph, neighbourhood, without_junctions
from argmap.maps.labels import day, node_label, node_tooltip
from argmap.maps.legend import LegendSpec, footer
from argmap.maps.overview import issue_selection, overview_dot
from argmap.maps.theme import Theme
from argmap.model import Case, Event, Evidence, Issue
from argmap.semantics.evaluation import Evaluation

__all__ = ["DIRECTIONS", "STRENGTH_CHANGE", "VIEWS", "build_dot", "changed_nodes"]

VIEWS = ("map", "overview", "issue", "focus", "diff", "timeline")
DIRECTIONS = ("LR", "TB", "RL", "BT")
STRENGTH_CHANGE = 0.01
"""Smallest change of strength the diff view calls a change."""


@dataclass(frozen=True)
class ViewRequest:
    """A checked request for one view."""

    view: str
    focus: str | None
    depth: int
    direction: str
    cluster: str


def changed_nodes(evaluation: Evaluation, baseline: Evaluation) -> frozenset[str]:
    """Ids whose label, standard or strength (by :data:`STRENGTH_CHANGE`) differ, or that
    the baseline does not have."""
    out = set()
    for node_id, now in evaluation.nodes.items():
        was = baseline.nodes.get(node_id)
        if (
            was is None
            or was.label != now.label
            or was.standard_met != now.standard_met
            or abs(was.strength - now.strength) >= STRENGTH_CHANGE
        ):
            out.add(node_id)
    return frozenset(out)


def _check(
    view: str, focus: str | None, depth: int, direction: str | None, cluster: str | None
) -> ViewRequest:
    if view not in VIEWS:
        raise RenderError(f"unknown view {view!r} (choose one of: {', '.join(VIEWS)})")
    # the overview reads top-down (claims above their supporters); the others across
    direction = direction or ("TB" if view == "overview" else "LR")
    if direction not in DIRECTIONS:
        raise RenderError(
            f"unknown direction {direction!r} (choose one of: {', '.join(DIRECTIONS)})"
        )
    cluster = cluster or "none"
    if cluster not in CLUSTERS:
        raise RenderError(f"unknown clustering {cluster!r} (choose one of: {', '.join(CLUSTERS)})")
    if view == "focus" and focus is None:
        raise RenderError("the focus view needs a node id to focus on")
    if view in ("timeline", "overview") and focus is not None:
        raise RenderError(f"the {view} view cannot be focused")
    if view == "issue" and focus is None:
        raise RenderError("the issue view needs an issue id (focus=ISSUE_ID)")
    effective = "focus" if view == "map" and focus is not None else view
    return ViewRequest(effective, focus, depth, direction, cluster)


def _semantics_note(evaluation: Evaluation | None) -> str | None:
    if evaluation is None:
        return None
    return (
        f"status: {evaluation.semantics} semantics; strength: {evaluation.gradual}"
        + ("" if evaluation.converged else " (did not converge)")
        + f"; defeat: {evaluation.defeat}"
    )


def build_dot(
    case: Case,
    evaluation: Evaluation | None,
    baseline: Evaluation | None,
    *,
    view: str,
    focus: str | None,
    depth: int,
    theme: Theme,
    direction: str | None,
    title: str | None,
    cluster: str | None,
    engine: str | None = None,
) -> LaidOutDot:
    """The DOT source of one view of ``case``, with any layout of it already made
    (``engine`` lays out the candidate arrangements of the overview, and the SVG of the
    one kept comes with it)."""
    req = _check(view, focus, depth, direction, cluster)
    title = title or case.title
    if req.view == "timeline":
        return LaidOutDot(_timeline(case, theme, req.direction, title))
    nodes, edges = case_graph(case)
    spec = LegendSpec(semantics=_semantics_note(evaluation))
    if req.view == "overview":
        plain_nodes, plain_edges = without_junctions(nodes, edges)
        return overview_dot(
            case,
            plain_nodes,
            plain_edges,
            evaluation,
            theme,
            direction=req.direction,
            title=title,
            spec=spec,
            engine=engine,
        )
    keep = set(nodes)
    caption = None
    if req.view == "issue" and req.focus is not None:
        keep = issue_selection(case, nodes, edges, req.focus)
        issue = case.node(req.focus)
        question = issue.question if isinstance(issue, Issue) else req.focus
        caption = f"Issue {req.focus}: {question}"
    elif req.focus is not None:
        keep = neighbourhood(nodes, edges, req.focus, req.depth)
        caption = f"Focus on {req.focus}, {req.depth} step{'s' if req.depth != 1 else ''} around it"
    changed: frozenset[str] = frozenset()
    faded: frozenset[str] = frozenset()
    if req.view == "diff":
        if evaluation is None or baseline is None:
            raise RenderError("the diff view needs an evaluation and a baseline evaluation")
        changed = changed_nodes(evaluation, baseline) & frozenset(keep)
        faded = frozenset(keep) - changed
        spec.diff = True
        gone = sorted(set(baseline.nodes) - set(evaluation.nodes))
        if gone:
            spec.notes.append("removed in this scenario: " + ", ".join(gone[:20]))
        caption = f"Difference from the baseline: {len(changed)} node(s) changed"
    drawing = Drawing(
        nodes=[n for n in nodes.values() if n.id in keep],
        edges=[e for e in edges if e.tail in keep and e.head in keep],
        evaluation=evaluation,
        baseline=baseline if req.view == "diff" else None,
        changed=changed,
        faded=faded,
        focus=req.focus if req.view != "issue" else None,
        caption=caption,
    )
    return LaidOutDot(
        draw(
            case,
            drawing,
            theme,
            direction=req.direction,
            title=title,
            cluster=req.cluster,
            spec=spec,
        )
    )


def _timeline(case: Case, theme: Theme, direction: str, title: str) -> str:
    items: list[tuple[dt.date, str, Event | Evidence]] = [(e.date, e.id, e) for e in case.events]
    items += [(e.date, e.id, e) for e in case.evidence if e.date is not None]
    if not items:
        raise RenderError(
            "the timeline view needs dated events or dated evidence; this case has none"
        )
    items.sort(key=lambda t: (t[0], t[1]))
    dates = {d for d, _, _ in items}
    for _, _, item in items:
        if isinstance(item, Event):
            dates.update(other.date for other in item.disputed_dates)
    ordered = sorted(dates)
    w = DotWriter("timeline")
    spec = LegendSpec(kinds={"event"} if case.events else set())
    if any(isinstance(i, Evidence) for _, _, i in items):
        spec.kinds.add("evidence")
    cited = [s for _, _, i in items for s in (i.sources if isinstance(i, Event) else [i.source])]
    # time runs down the page; each date's items sit in a row beside it
    graph_defaults(
        w, theme, "TB" if direction in ("LR", "RL") else "LR", footer(spec, case, cited, theme)
    )
    w.defaults("graph", {"ranksep": 0.35})
    open_title(w, theme, title, "Timeline of dated events and evidence")
    # "@" cannot start a case id, so date nodes never collide with case nodes
    date_ids = {d: f"@{d.isoformat()}" for d in ordered}
    for d in ordered:
        w.node(
            date_ids[d],
            {
                "shape": "plaintext",
                "label": Html(f"<B>{html_text(day(d))}</B>"),
                "fontsize": theme.fontsize + 1,
            },
        )
    for a, b in itertools.pairwise(ordered):
        w.edge(
            date_ids[a], date_ids[b], {"color": theme.border, "penwidth": 2, "arrowhead": "none"}
        )
    rows: dict[dt.date, list[str]] = {}
    for d, node_id, item in items:
        kind = "event" if isinstance(item, Event) else "evidence"
        style = theme.kinds[kind]
        w.node(
            node_id,
            {
                "shape": style.shape,
                "margin": style.margin,
                "style": style.style,
                "fillcolor": theme.fill(kind, None),
                "color": theme.border,
                "label": node_label(GraphNode(node_id, kind, item), theme, None),
                "tooltip": node_tooltip(GraphNode(node_id, kind, item), theme, None),
                "id": f"node-{node_id}",
                "class": kind,
            },
        )
        w.edge(date_ids[d], node_id, {"style": "invis"})
        if isinstance(item, Event):
            for other in item.disputed_dates:
                w.edge(
                    node_id,
                    date_ids[other.date],
                    {
                        "style": "dashed",
                        "color": theme.status["out"].color,
                        "constraint": "false",
                        "tooltip": f"[{other.source}] gives {day(other.date)}",
                    },
                )
        rows.setdefault(d, []).append(node_id)
    for d, ids in rows.items():
        w.same_rank([date_ids[d], *ids])
    w.close()
    return w.source()
