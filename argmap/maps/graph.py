"""The drawable graph of a case: which nodes a map shows and which edges join them.

A case's relations are only part of what a reader needs to see: an argument also joins
its premises to its conclusion, and an argument from precedent leans on its precedent.
This module lists all of those as typed edges, once, so that every view (whole map,
focus, diff) works over the same small structure.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.errors import ArgmapError, RenderError
from argmap.model import Argument, Case, Claim, Event, Evidence, Precedent, Relation
from argmap.model.expressions import parse_expression
from argmap.model.projection import CaseGraph, project
from argmap.vocabulary import GRAPH_KINDS

__all__ = ["DRAWN_KINDS", "Edge", "GraphNode", "case_graph", "neighbourhood", "number"]

DRAWN_KINDS = GRAPH_KINDS
"""The node kinds a map draws (parties, sources, issues and factors are shown otherwise:
as clusters, the source list and labels)."""

_DRAWN_EDGE = {"premise": "premise", "precedent": "cites", "pro": "support", "con": "rebut"}
"""How each link an argument makes is drawn (:class:`~argmap.model.projection.ArgumentLink`)."""


@dataclass(frozen=True)
class GraphNode:
    """One drawable node: its id, kind and the model object."""

    id: str
    kind: str
    node: Claim | Evidence | Argument | Precedent | Event | Relation


@dataclass(frozen=True)
class Edge:
    """A drawn edge: ``kind`` is a relation kind or ``premise`` / ``cites``."""

    tail: str
    head: str
    kind: str
    weight: float | None = None
    note: str | None = None
    arrow: bool = True
    """False for the first half of a relation drawn through a junction (the point an
    undercut of the relation aims at)."""


def number(value: float | str | None, values: dict[str, float]) -> float | None:
    """A weight or score as a number: expressions evaluated at the parameters' values."""
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return min(max(parse_expression(value, values).evaluate(values), 0.0), 1.0)
    except (ArgmapError, ArithmeticError, ValueError):
        return None


def case_graph(case: Case) -> tuple[dict[str, GraphNode], list[Edge]]:
    """Every drawable node of ``case`` (in file order) and every edge between them.

    Events are included only when something connects to them; all of them appear in
    the timeline view. The graph is read by :func:`argmap.model.projection.project`,
    as the compiled framework reads it.
    """
    values = case.parameter_values
    graph = project(case)
    nodes: dict[str, GraphNode] = {}
    for item in graph.of_kind("claim", "evidence", "argument", "precedent"):
        nodes[item.id] = GraphNode(item.id, item.kind, item.node)
    edges: list[Edge] = []
    for link in graph.argument_links:
        weight = number(link.argument.weight, values) if link.kind in ("pro", "con") else None
        edges.append(Edge(link.origin, link.target, _DRAWN_EDGE[link.kind], weight))
    edges += _relation_edges(case, graph, values)
    for rid, rel in graph.undercut_targets.items():
        nodes[rid] = GraphNode(rid, "junction", rel)
    linked = {e.tail for e in edges} | {e.head for e in edges}
    for event in graph.of_kind("event"):
        if event.id in linked:
            nodes[event.id] = GraphNode(event.id, "event", event.node)
    edges = [e for e in edges if e.tail in nodes and e.head in nodes]
    return nodes, edges


def _relation_edges(case: Case, graph: CaseGraph, values: dict[str, float]) -> list[Edge]:
    """The relations, with declared contraries (:mod:`argmap.model.contraries`) drawn as
    what they are: two contradictories as one double-headed edge (along a rebut drawn
    between them, or on its own), a contrary as an edge of its own kind."""
    kind_of: dict[tuple[str, str], str] = {}
    for exclusion in case.contraries:
        a, b = exclusion.claims
        kind_of[(a, b)] = "contradicts" if exclusion.symmetric else "contrary"
        if exclusion.symmetric:
            kind_of[(b, a)] = "contradicts"
    edges: list[Edge] = []
    drawn: set[frozenset[str]] = set()
    junctions = graph.undercut_targets
    for link in graph.relations:
        rel = link.relation
        kind = rel.kind.value
        pair = (rel.origin, rel.target)
        weight = number(rel.weight, values)
        if link.on_relation:
            # an undercut of a relation aims at the junction on that relation's edge
            edges.append(Edge(rel.origin, rel.target, "undercut", weight, rel.note))
            continue
        if rel.id is not None and rel.id in junctions:
            edges.append(Edge(rel.origin, rel.id, kind, weight, rel.note, arrow=False))
            edges.append(Edge(rel.id, rel.target, kind, weight, rel.note))
            continue
        if rel.kind.value == "rebut" and pair in kind_of:
            kind = kind_of[pair]
            if kind == "contradicts":
                if frozenset(pair) in drawn:
                    continue  # the mirror rebut is the same double-headed edge
                drawn.add(frozenset(pair))
        edges.append(Edge(rel.origin, rel.target, kind, weight, rel.note))
    for exclusion in case.contraries:
        a, b = exclusion.claims
        if exclusion.symmetric and frozenset((a, b)) not in drawn:
            edges.append(Edge(a, b, "contradicts", None, exclusion.note))
        elif not exclusion.symmetric and not any(
            r.kind.value == "rebut" and (r.origin, r.target) == (a, b) for r in case.relations
        ):
            edges.append(Edge(a, b, "contrary", None, exclusion.note))
    return edges


def undercut_relations(case: Case) -> dict[str, Relation]:
    """The relations that an undercut targets, by id: each is drawn through a junction
    point named by its id, where the undercut arrives."""
    return project(case).undercut_targets


def without_junctions(
    nodes: dict[str, GraphNode], edges: list[Edge]
) -> tuple[dict[str, GraphNode], list[Edge]]:
    """The graph with each relation drawn through a junction joined back into one
    edge, and the undercuts of relations left out (the overview, which counts what
    stands behind each claim, has no place for them)."""
    junctions = {n for n, item in nodes.items() if item.kind == "junction"}
    if not junctions:
        return nodes, edges
    into = {e.head: e for e in edges if e.head in junctions and not e.arrow}
    kept: list[Edge] = []
    for e in edges:
        if e.head in junctions:
            continue
        if e.tail in junctions:
            first = into.get(e.tail)
            if first is not None:
                kept.append(Edge(first.tail, e.head, e.kind, e.weight, e.note))
            continue
        kept.append(e)
    return {n: item for n, item in nodes.items() if n not in junctions}, kept


def neighbourhood(
    nodes: dict[str, GraphNode], edges: Iterable[Edge], centre: str, depth: int
) -> set[str]:
    """The ids within ``depth`` steps of ``centre``, following edges both ways.

    Raises
    ------
    RenderError
        ``centre`` is not a node on the map, or ``depth`` is negative.
    """
    if centre not in nodes:
        known = ", ".join(sorted(nodes)[:12]) + (" ..." if len(nodes) > 12 else "")
        raise RenderError(f"cannot focus on {centre!r}: no such node on the map (known: {known})")
    if depth < 0:
        raise RenderError(f"focus depth must be 0 or more, got {depth}")
    around: dict[str, set[str]] = {n: set() for n in nodes}
    for e in edges:
        around[e.tail].add(e.head)
        around[e.head].add(e.tail)
    seen = {centre}
    queue = deque([(centre, 0)])
    while queue:
        here, dist = queue.popleft()
        if dist == depth:
            continue
        for other in around[here]:
            if other not in seen:
                seen.add(other)
                queue.append((other, dist + 1))
    return seen
