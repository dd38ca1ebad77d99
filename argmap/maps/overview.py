"""The overview (a one-page briefing figure) and the per-issue pages.

- ``overview``: claims only, boxed by issue under the issue's question and proof
  standard. Each claim shows its status, strength and standard badge and two count
  lines (arguments for and against; evidence, precedents and events behind them), and
  claims are joined where one bears on another directly or through an argument
  (:mod:`argmap.maps.collapse`). A claim's supporters and attackers sit below it
  (``TB``, the default) or after it in the direction given, so the issue's main claims
  lead each box and the issues stand side by side.
- ``issue``: one issue's claims with everything that argues for or against them: the
  arguments and their premises, the precedents they cite, the evidence and claims that
  support, attack or undercut them, and what undermines that evidence. Claims of other
  issues that take part appear in their own issue's box without their own support.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import Any

from argmap.errors import RenderError
from argmap.maps.builder import (
    Drawing,
    cluster_attrs,
    edge_attrs,
    graph_defaults,
    legend_of,
    node_attrs,
    open_title,
)
from argmap.maps.collapse import ClaimLink, ClaimSummary, collapse, count_line
from argmap.maps.dot import DotWriter, Html
from argmap.maps.engine import LaidOutDot, check_layout_size, dot_size, lay_out, read_json0
from argmap.maps.escape import html_lines, html_text
from argmap.maps.graph import Edge, GraphNode
from argmap.maps.labels import contested_note, standard_name, status_line
from argmap.maps.layers import arrange
from argmap.maps.legend import LegendSpec, footer
from argmap.maps.theme import Theme
from argmap.model import Argument, Case, Claim
from argmap.semantics.compile import issue_burden
from argmap.semantics.evaluation import Evaluation, NodeResult
from argmap.vocabulary import ATTACK_KINDS

__all__ = [
    "CLAIM_WIDTH",
    "ORDER_TRIES",
    "OVERVIEW_NOTE",
    "SLOTS",
    "issue_selection",
    "link_length",
    "overview_dot",
]

ORDER_TRIES = 6
"""Orders of the issue boxes tried for the shortest links (one layout each)."""
SLOTS = 7
"""Claims side by side across the overview: about 1,200 pt, a landscape page at 0.65."""
CLAIM_WIDTH = 1.85
"""Width of a claim box in the overview, in inches (a wider text widens it)."""
_TEXT_WRAP = 23
"""Characters per line of a claim's text in the overview (narrower than the map's)."""
_TEXT_LIMIT = 160
"""Longest claim text shown in the overview; the tooltip has more."""
_TITLE_WRAP = 22
"""Characters of an issue's question per claim the issue's box is wide."""
_ONE_LINE = 31
"""Count lines up to this many characters together go on one line."""
_ORDERING = frozenset({"support", "undercut", "undermine"})
"""Links that put the claim argued about above the other (rebutting rivals sit level)."""

OVERVIEW_NOTE = (
    "Each claim counts the arguments, evidence, precedents and events behind it "
    "(against: attacking the claim or undercutting its arguments). An arrow between "
    "claims is a direct relation or runs through an argument, from a premise to the "
    "argument's conclusion; an undercut points at the claim whose argument it weakens. "
    "The issue pages and the full map show every item with its source."
)


def _font(text: str, size: float, color: str) -> str:
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{color}">{text}</FONT>'


def claim_card(
    item: GraphNode,
    theme: Theme,
    result: NodeResult | None,
    summary: ClaimSummary,
    issue_standard: str | None,
    issue_burden: str | None = None,
) -> Html:
    """The overview label of one claim: id, text, status and badge, the counts."""
    claim = item.node
    if not isinstance(claim, Claim):  # pragma: no cover - the overview draws claims only
        raise TypeError(type(claim).__name__)
    cell = '<TR><TD ALIGN="LEFT" BALIGN="LEFT">{}</TD></TR>'
    rows = (
        [cell.format(_font(html_text(item.id), theme.small, theme.muted))] if theme.show_ids else []
    )
    rows.append(cell.format(html_lines(claim.text, _TEXT_WRAP, _TEXT_LIMIT)))
    if result is not None:
        line = status_line(result, theme)
        # the box title gives the issue's standard; name it only where the claim differs
        name = "standard" if result.standard == issue_standard else None
        name = name or standard_name(result.standard)
        if result.standard_met is True:
            # "contested" needs room: the box title already names the standard
            note = contested_note(result)
            badge = html_text(f"√ met{note}" if note else f"√ {name} met")
            line += "  " + _font(f"<B>{badge}</B>", theme.small, theme.badge)
        elif result.standard_met is False:
            line += "  " + _font(html_text(f"{name} not met"), theme.small, theme.muted)
        rows.append(cell.format(line))
        if result.burden is not None and result.burden != issue_burden:
            # the box title names the issue's bearer; a claim says so only where it differs
            burden = html_text(f"burden: {result.burden}")
            rows.append(cell.format(_font(burden, theme.small, theme.muted)))
    arguments, items = count_line(summary)
    counts = (
        [f"{arguments} · {items}"]
        if len(arguments) + len(items) <= _ONE_LINE
        else [arguments, items]
    )
    for text in counts:
        rows.append(cell.format(_font(html_text(text), theme.small, theme.muted)))
    return Html(
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>"
    )


def _link_edge(link: ClaimLink) -> Edge:
    note = None
    if link.via:
        note = "through " + ", ".join(link.via)
    return Edge(link.tail, link.head, link.kind, link.weight, note)


def overview_dot(
    case: Case,
    nodes: dict[str, GraphNode],
    edges: list[Edge],
    evaluation: Evaluation | None,
    theme: Theme,
    *,
    direction: str,
    title: str,
    spec: LegendSpec,
    tries: int = ORDER_TRIES,
    engine: str | None = None,
) -> LaidOutDot:
    """The DOT source of the overview of ``case`` (see the module docstring), with its
    SVG when it was laid out to choose it.

    ``tries`` orders of the issue boxes are laid out with ``engine`` and the one with
    the shortest links kept (:func:`_shortest`).
    """
    summaries, links = collapse(nodes, edges)
    claims = [item for item in nodes.values() if item.kind == "claim"]
    if not claims:
        raise RenderError("the overview draws claims; this case has none (draw the map)")
    drawing = Drawing(
        nodes=claims, edges=[_link_edge(link) for link in links], evaluation=evaluation
    )
    standards = {i.id: i.proof_standard.name.value for i in case.issues}
    bearers = {i.id: issue_burden(i) for i in case.issues}
    statements: dict[str | None, list[tuple[str, dict[str, str | float | Html | None]]]] = {}
    for item in claims:
        claim = item.node
        issue = claim.issue if isinstance(claim, Claim) else None
        result = evaluation.nodes.get(item.id) if evaluation else None
        card = claim_card(
            item,
            theme,
            result,
            summaries[item.id],
            standards.get(issue or ""),
            bearers.get(issue or ""),
        )
        attrs = node_attrs(item, drawing, theme, {}, label=card)
        statements.setdefault(issue if issue in standards else None, []).append((item.id, attrs))
    link_attrs = [
        (link, edge_attrs(edge, drawing, theme))
        for link, edge in zip(links, drawing.edges, strict=True)
    ]
    spec = legend_of(drawing, spec)
    spec.notes.append(OVERVIEW_NOTE)
    n_items = sum(1 for item in nodes.values() if item.kind != "claim")
    n_issues = len(case.issues)
    caption = (
        f"Overview of {len(claims)} claim{'s' if len(claims) != 1 else ''} in {n_issues} "
        f"issue{'s' if n_issues != 1 else ''}; the {n_items} arguments, items of evidence, "
        "precedents and events behind them are counted on each claim"
    )
    above = [(link.head, link.tail) for link in links if link.kind in _ORDERING]
    plan = arrange(
        {key: [n for n, _ in members] for key, members in statements.items()}, above, SLOTS
    )
    # the note is wrapped to about the figure's width (some 28 characters per claim)
    widest = max((sum(plan.widths[k] for k in row) for row in plan.rows), default=1)
    spec.note_width = max(90, min(190, 28 * widest))
    footer_label = footer(spec, case, [], theme)

    def write(order: Sequence[str | None]) -> str:
        w = DotWriter()
        graph_defaults(w, theme, direction, footer_label)
        w.defaults("graph", {"nodesep": 0.15, "ranksep": 0.28})
        open_title(w, theme, title, caption)
        for key in order:
            if key is not None:
                wrap = _TITLE_WRAP * max(1, plan.widths[key])
                w.open(
                    f"cluster_issue_{key}",
                    {**cluster_attrs(case, key, "issue", theme, wrap), "margin": 10},
                )
            for node_id, attrs in statements[key]:
                w.node(node_id, {**attrs, "width": CLAIM_WIDTH, "margin": "0.09,0.05"})
            if key is not None:
                w.close()
        w.close()
        _write_layers(w, plan.layer, plan.layers)
        for link, attrs in link_attrs:
            # every edge is written from the upper claim to the lower one, so that it
            # agrees with the layers; dir=back keeps the arrow pointing at the claim
            # argued about
            if plan.layer[link.head] < plan.layer[link.tail]:
                back = {**attrs, "dir": "back", "arrowtail": attrs["arrowhead"], "arrowhead": None}
                w.edge(link.head, link.tail, back)
            else:
                w.edge(link.tail, link.head, attrs)
        return w.source()

    return _shortest(write, list(statements), tries, engine)


def _write_layers(w: DotWriter, layer: dict[str, int], layers: int) -> None:
    """Hold the layers chosen by :func:`arrange` with an invisible spine of points
    ("@" starts no case id), each in ``rank=same`` with its layer's claims."""
    spine = [f"@layer-{i}" for i in range(layers)]
    for name in spine:
        w.node(name, {"shape": "point", "style": "invis", "width": 0.01, "label": ""})
    for upper, lower in itertools.pairwise(spine):
        w.edge(upper, lower, {"style": "invis"})
    by_layer: dict[int, list[str]] = {}
    for node_id, at in layer.items():
        by_layer.setdefault(at, []).append(node_id)
    for at, ids in sorted(by_layer.items()):
        w.same_rank([spine[at], *ids])


def _shortest(
    write: Callable[[Sequence[str | None]], str],
    boxes: list[str | None],
    tries: int,
    engine: str | None,
) -> LaidOutDot:
    """The DOT, among up to ``tries`` orders of the issue boxes, whose drawn links
    between claims are shortest in total, with the SVG its measuring layout gave.

    Graphviz orders clusters within a rank partly by the order they are written in, so
    an issue box can land far from the claims it links to; a few orders (as given,
    reversed, rotated) are laid out (milliseconds each at this size) and the best kept.
    Each is laid out once, to ``json0`` (to measure) and SVG together, so the map drawn
    from the order kept is not laid out again. Without a renderer, or with ``tries`` of
    1, the given order is used (and nothing is laid out).
    """
    orders: list[list[str | None]] = [boxes, boxes[::-1]]
    orders += [boxes[i:] + boxes[:i] for i in range(1, len(boxes))]
    unique = list({tuple(o): o for o in orders}.values())[: max(1, tries)]
    sources = [write(order) for order in unique]
    if len(sources) == 1:
        return LaidOutDot(sources[0])
    try:
        check_layout_size(*dot_size(sources[0]))  # too big to try: keep the given order
        layouts = [lay_out(source, ("json0", "svg"), engine) for source in sources]
        lengths = [link_length(read_json0(layout["json0"])) for layout in layouts]
    except RenderError:
        return LaidOutDot(sources[0])
    best = lengths.index(min(lengths))
    return LaidOutDot(sources[best], {"svg": layouts[best]["svg"]})


def link_length(graph: dict[str, Any]) -> float:
    """Total straight-line length (in points) of the links between claims in a laid
    out overview (Graphviz ``json0``), the spine excluded."""
    names = {o["_gvid"]: o["name"] for o in graph.get("objects", []) if "nodes" not in o}
    where = {
        o["name"]: [float(v) for v in o["pos"].split(",")]
        for o in graph.get("objects", [])
        if "pos" in o
    }
    total = 0.0
    for e in graph.get("edges", []):
        tail, head = names[e["tail"]], names[e["head"]]
        if tail.startswith("@") or tail not in where or head not in where:
            continue
        total += math.dist(where[tail], where[head])
    return total


def issue_selection(
    case: Case, nodes: dict[str, GraphNode], edges: list[Edge], issue_id: str
) -> set[str]:
    """The ids an issue page draws: the issue's claims, the arguments for and against
    them with their premises and cited precedents, whatever supports or attacks those
    claims and arguments, and whatever attacks the evidence so drawn.

    Raises
    ------
    RenderError
        ``issue_id`` is not an issue of the case, or no claim belongs to it.
    """
    known = [i.id for i in case.issues]
    if issue_id not in known:
        raise RenderError(
            f"no issue {issue_id!r} in the case (issues: {', '.join(known) or 'none'})"
        )
    claims = {
        n
        for n, item in nodes.items()
        if isinstance(item.node, Claim) and item.node.issue == issue_id
    }
    if not claims:
        raise RenderError(f"issue {issue_id!r} has no claims to draw")
    arguments = {
        n
        for n, item in nodes.items()
        if isinstance(item.node, Argument) and item.node.conclusion in claims
    }
    nodes_claims = {n for n, item in nodes.items() if item.kind == "claim"}
    core = claims | arguments
    keep = set(core)
    for e in edges:
        if e.head in core:
            keep.add(e.tail)
    # one more step for what undermines or undercuts the evidence and arguments drawn
    attacks = ATTACK_KINDS
    for e in edges:
        if (
            e.head in keep
            and e.kind in attacks
            and (e.head in claims or e.head not in nodes_claims)
        ):
            keep.add(e.tail)
    # a drawn argument's own premises and precedent (an argument attacking a claim here)
    for e in edges:
        if e.head in keep and nodes[e.head].kind == "argument" and e.kind in ("premise", "cites"):
            keep.add(e.tail)
    return keep
