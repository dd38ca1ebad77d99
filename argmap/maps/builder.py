"""Case (+ evaluation) -> DOT for the map-like views: whole map, focus and diff.

The builder draws a selection of the case graph (:mod:`argmap.maps.graph`) with a
theme: shape and hue by node kind, status as border colour + border style + glyph,
strength as fill depth, relation as edge colour + style + arrowhead with width by
weight, clusters by issue or party, the title on top and the legend and sources under
the map. Which nodes are drawn, and which are emphasised or faded, is the view's call.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from argmap.maps.dot import DotWriter, Html
from argmap.maps.escape import html_lines, html_text, safe_url
from argmap.maps.graph import Edge, GraphNode
from argmap.maps.labels import label_of, node_label, node_tooltip, standard_name
from argmap.maps.legend import LegendSpec, footer
from argmap.maps.theme import Theme, mix
from argmap.model import Argument, Case, Claim, Event, Evidence, Issue, Party, Precedent
from argmap.semantics.compile import issue_burden
from argmap.semantics.evaluation import Evaluation

__all__ = [
    "CLUSTERS",
    "Drawing",
    "cluster_attrs",
    "cluster_label",
    "draw",
    "edge_attrs",
    "graph_defaults",
    "legend_of",
    "node_attrs",
    "open_title",
]

CLUSTERS = ("issue", "party", "none")


@dataclass(frozen=True)
class Drawing:
    """What to draw: nodes (in order), edges, and the emphasis of each node."""

    nodes: list[GraphNode]
    edges: list[Edge]
    evaluation: Evaluation | None = None
    baseline: Evaluation | None = None
    changed: frozenset[str] = frozenset()
    faded: frozenset[str] = frozenset()
    focus: str | None = None
    caption: str | None = None


def graph_defaults(w: DotWriter, theme: Theme, direction: str, footer_label: Html | None) -> None:
    """Graph-wide attributes shared by every view."""
    w.defaults(
        "graph",
        {
            "rankdir": direction,
            "fontname": theme.font,
            "fontsize": theme.fontsize,
            "bgcolor": theme.background,
            "pad": 0.3,
            "nodesep": 0.3,
            "ranksep": 0.55,
            "splines": "true",
            "outputorder": "edgesfirst",
            "newrank": "true",
            "labelloc": "b",
            "labeljust": "l",
            "label": footer_label,
        },
    )
    w.defaults(
        "node",
        {
            "fontname": theme.font,
            "fontsize": theme.fontsize,
            "fontcolor": theme.ink,
            "margin": "0.10,0.06",
        },
    )
    w.defaults(
        "edge",
        {"fontname": theme.font, "fontsize": theme.small, "color": theme.border, "arrowsize": 0.7},
    )


def open_title(w: DotWriter, theme: Theme, title: str, caption: str | None) -> None:
    """Open the outer cluster that carries the title (close it with ``w.close()``).

    The title sits on an invisible cluster so that the graph's own label is free for
    the legend and sources under the map.
    """
    left = '<BR ALIGN="LEFT"/>'
    lines = html_lines(title, 90, 300).replace("<br/>", left)
    label = (
        f'<FONT POINT-SIZE="{theme.title_size:g}" COLOR="{theme.ink}"><B>{lines}</B></FONT>{left}'
    )
    if caption:
        label += (
            f'<FONT POINT-SIZE="{theme.small + 1:g}" COLOR="{theme.muted}">'
            f"{html_text(caption)}</FONT>{left}"
        )
    w.open(
        "cluster__title",
        {
            "label": Html(label),
            "labelloc": "t",
            "labeljust": "l",
            "color": theme.background,
            "penwidth": 0,
            "margin": 12,
        },
    )


def legend_of(drawing: Drawing, spec: LegendSpec) -> LegendSpec:
    """``spec`` (the view's notes and cues) with the entries for what ``drawing``
    draws: its node kinds, the statuses of the nodes not faded (and their strength and
    badge), its relations.

    The legend follows from the drawing rather than from the attributes written, so
    that :func:`node_attrs` and :func:`edge_attrs` only compute attributes.

    Examples
    --------
    >>> from argmap.maps.graph import Edge, GraphNode
    >>> from argmap.model import Claim
    >>> a = GraphNode("a", "claim", Claim(id="a", text="A"))
    >>> spec = legend_of(Drawing(nodes=[a], edges=[Edge("b", "a", "support")]), LegendSpec())
    >>> sorted(spec.kinds), sorted(spec.edges), spec.strength
    (['claim'], ['support'], False)
    """
    results = [
        drawing.evaluation.nodes.get(item.id) if drawing.evaluation else None
        for item in drawing.nodes
        if item.kind != "junction" and item.id not in drawing.faded
    ]
    shown = [r for r in results if r is not None]
    return replace(
        spec,
        kinds=spec.kinds | {item.kind for item in drawing.nodes if item.kind != "junction"},
        statuses=spec.statuses | {label_of(r) for r in shown},
        edges=spec.edges | {e.kind for e in drawing.edges},
        strength=spec.strength or bool(shown),
        badge=spec.badge or any(r.standard_met is True for r in shown),
        notes=list(spec.notes),
    )


def node_attrs(
    item: GraphNode,
    drawing: Drawing,
    theme: Theme,
    urls: dict[str, str],
    label: Html | None = None,
) -> dict[str, str | float | Html | None]:
    """Attributes of one node: shape and fill by kind, status as border and glyph,
    emphasis by the view; ``label`` replaces the usual label (the overview's).

    Pure: the legend entries it calls for come from :func:`legend_of`."""
    if item.kind == "junction":  # a point on a relation's edge, where an undercut arrives
        return {
            "shape": "point",
            "width": 0.09,
            "color": theme.edges["undercut"].color,
            "label": "",
            "tooltip": f"relation {item.id}: undercut here",
            "id": f"node-{item.id}",
            "class": "junction",
        }
    kind = theme.kinds[item.kind]
    result = drawing.evaluation.nodes.get(item.id) if drawing.evaluation else None
    before = drawing.baseline.nodes.get(item.id) if drawing.baseline else None
    faded = item.id in drawing.faded
    changed = item.id in drawing.changed
    styles = [kind.style]
    color, penwidth = theme.border, 1.0
    if result is not None and not faded:
        status = theme.status[label_of(result)]
        color, penwidth = status.color, status.penwidth
        if status.border != "solid":
            styles.append(status.border)
    fill = theme.fill(item.kind, result.strength if result is not None else None)
    if faded:
        fill, color, penwidth = mix(fill, 0.35), theme.faded, 0.8
    if changed:
        penwidth = max(penwidth, 2.0) + 1.6
        color = theme.highlight
    if item.id == drawing.focus:
        penwidth += 1.0
    url = None
    node = item.node
    if isinstance(node, Evidence):
        url = safe_url(urls.get(node.source))
    classes = [item.kind]
    if result is not None:
        classes.append(label_of(result))
    if changed:
        classes.append("changed")
    return {
        "shape": kind.shape,
        "margin": kind.margin,
        "style": ",".join(styles),
        "fillcolor": fill,
        "color": color,
        "penwidth": penwidth,
        "peripheries": 2 if item.id == drawing.focus else None,
        "label": label
        or node_label(item, theme, result, before=before, changed=changed, faded=faded),
        "tooltip": node_tooltip(item, theme, result, _weight_note(drawing, item.id)),
        "id": f"node-{item.id}",
        "class": " ".join(classes),
        "URL": url,
        "target": "_blank" if url else None,
    }


def edge_attrs(edge: Edge, drawing: Drawing, theme: Theme) -> dict[str, str | float | None]:
    """Attributes of one edge: colour, style and head by relation, width by weight."""
    style = theme.edges[edge.kind]
    faded = edge.tail in drawing.faded and edge.head in drawing.faded
    weight = 1.0 if edge.weight is None else edge.weight
    base = 1.0 if edge.kind in ("premise", "cites") else 1.1 + 1.8 * weight
    if style.bold:
        base += 0.8
    tip = f"{edge.tail} {style.verb} {edge.head}"
    if edge.weight is not None:
        tip += f" (weight {edge.weight:.2f})"
    if edge.note:
        tip += f": {edge.note}"
    return {
        "color": theme.faded if faded else style.color,
        "style": "solid" if style.style == "bold" else style.style,
        "arrowhead": style.arrowhead if edge.arrow else "none",
        "penwidth": 0.8 if faded else base,
        "arrowsize": 0.9 if edge.kind == "undercut" else None,
        "dir": "both" if style.both_ways else None,
        "arrowtail": style.arrowhead if style.both_ways else None,
        "tooltip": tip,
        "class": edge.kind,
    }


def _cluster_of(item: GraphNode, case: Case, cluster: str) -> str | None:
    node = item.node
    if cluster == "issue":
        if isinstance(node, Claim):
            return node.issue
        if isinstance(node, Argument) and case.has(node.conclusion):
            target = case.node(node.conclusion)
            return target.issue if isinstance(target, Claim) else None
        return None
    if cluster == "party":
        if isinstance(node, Claim | Evidence | Argument):
            return node.asserted_by
        if isinstance(node, Event):
            return node.party
        return None
    return None


def cluster_label(case: Case, key: str, cluster: str, theme: Theme, wrap: int = 60) -> Html:
    """The title of an issue's (question and proof standard) or party's cluster."""
    target = case.node(key)
    if isinstance(target, Issue):
        text = target.question
        named = f"issue {key} · " if theme.show_ids else ""
        sub = f"{named}standard: {standard_name(target.proof_standard.name.value)}"
        bearer = issue_burden(target)
        if bearer is not None:
            sub += f" · burden: {bearer}"
    elif isinstance(target, Party):
        text = target.name
        sub = (f"party {key}" if theme.show_ids else "party") + (
            f" · {target.side.value}" if target.side is not None else ""
        )
    else:
        text, sub = key, ""
    lines = html_lines(text, wrap, 200).replace("<br/>", '<BR ALIGN="LEFT"/>')
    return Html(
        f'<FONT POINT-SIZE="{theme.fontsize + 1:g}" COLOR="{theme.ink}"><B>'
        f'{lines}</B></FONT><BR ALIGN="LEFT"/>'
        f'<FONT POINT-SIZE="{theme.small:g}" COLOR="{theme.muted}">{html_text(sub)}</FONT>'
        '<BR ALIGN="LEFT"/>'
    )


def cluster_attrs(
    case: Case, key: str, cluster: str, theme: Theme, wrap: int = 60
) -> dict[str, str | float | Html]:
    """Attributes of the box around one issue's (or party's) nodes; the title is
    wrapped to ``wrap`` characters."""
    return {
        "label": cluster_label(case, key, cluster, theme, wrap),
        "labeljust": "l",
        "labelloc": "t",
        "style": "rounded,filled",
        "fillcolor": theme.cluster_fill,
        "color": theme.cluster_border,
        "pencolor": theme.cluster_border,
        # set, not inherited: the invisible title cluster has penwidth 0
        "penwidth": 1,
        "margin": 14,
    }


def _cited(nodes: Collection[GraphNode]) -> list[str]:
    out: list[str] = []
    for item in nodes:
        node = item.node
        if isinstance(node, Evidence):
            out.append(node.source)
        elif isinstance(node, Precedent | Event):
            out.extend(node.sources)
    return out


def draw(
    case: Case,
    drawing: Drawing,
    theme: Theme,
    *,
    direction: str,
    title: str,
    cluster: str,
    spec: LegendSpec,
) -> str:
    """The DOT source of ``drawing``; ``spec`` carries the view's notes for the legend,
    whose entries follow from the drawing (:func:`legend_of`)."""
    urls = {s.id: s.url for s in case.sources if s.url}
    w = DotWriter()
    node_statements: list[tuple[str | None, str, dict[str, str | float | Html | None]]] = []
    for item in drawing.nodes:
        attrs = node_attrs(item, drawing, theme, urls)
        node_statements.append((_cluster_of(item, case, cluster), item.id, attrs))
    edge_statements = [(e, edge_attrs(e, drawing, theme)) for e in drawing.edges]
    legend = footer(legend_of(drawing, spec), case, _cited(drawing.nodes), theme)
    graph_defaults(w, theme, direction, legend)
    open_title(w, theme, title, drawing.caption)
    groups: dict[str | None, list[tuple[str, dict[str, str | float | Html | None]]]] = {}
    for key, node_id, attrs in node_statements:
        groups.setdefault(key if key and case.has(key) else None, []).append((node_id, attrs))
    for key, members in groups.items():
        if key is not None:
            w.open(f"cluster_{cluster}_{key}", cluster_attrs(case, key, cluster, theme))
        for node_id, attrs in members:
            w.node(node_id, attrs)
        if key is not None:
            w.close()
    w.close()
    stagger = _stagger(drawing.edges)
    for edge, eattrs in edge_statements:
        if edge.tail in stagger:
            eattrs = {**eattrs, "minlen": stagger[edge.tail]}
        w.edge(edge.tail, edge.head, eattrs)
    return w.source()


STAGGER_FROM = 16
"""Leaf count from which leaves are spread over several ranks."""


def _stagger(edges: Collection[Edge]) -> dict[str, int]:
    """Spread leaf nodes (no incoming edge) over up to three ranks, as Graphviz's
    ``unflatten -l`` does, so a case with many items of evidence is not one very long
    column (or row) of them; returns a ``minlen`` per leaf to stagger."""
    heads = {e.head for e in edges}
    leaves = list(dict.fromkeys(e.tail for e in edges if e.tail not in heads))
    if len(leaves) < STAGGER_FROM:
        return {}
    depth = min(3, 1 + len(leaves) // STAGGER_FROM)
    return {leaf: 1 + i % depth for i, leaf in enumerate(leaves) if i % depth}


def _weight_note(drawing: Drawing, node_id: str) -> str:
    """How an argument from precedent got its weight, when the map is evaluated."""
    if drawing.evaluation is None:
        return ""
    return drawing.evaluation.precedent_weights.get(node_id, "")
