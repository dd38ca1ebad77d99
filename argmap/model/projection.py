"""The case read as a graph, once: its nodes with their kinds, and every link between them.

A case lists its graph in several places: the node sections, the relations, and the
arguments, whose premises, precedent and conclusion are links as well. Both the
compiled framework (:mod:`argmap.semantics.compile`) and the maps
(:mod:`argmap.maps.graph`) need that graph; :func:`project` reads it in one place,
so they agree on which nodes there are, of which kind, and which links join them.
What each makes of it differs and stays with them: the framework turns links into
weighted attack and support edges, the maps into drawn edges.

>>> from argmap.model import Argument, Case, Claim, Relation
>>> case = Case(title="t", claims=[Claim(id="A", text="a"), Claim(id="B", text="b")],
...             arguments=[Argument(id="R", conclusion="B", premises=["A"])],
...             relations=[Relation(kind="rebut", origin="B", target="A")])
>>> graph = project(case)
>>> [(n.id, n.kind) for n in graph.nodes]
[('A', 'claim'), ('B', 'claim'), ('R', 'argument')]
>>> [(link.origin, link.target, link.kind) for link in graph.argument_links]
[('A', 'R', 'premise'), ('R', 'B', 'pro')]
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model.case import Case
from argmap.model.nodes import Argument, Claim, Event, Evidence, Precedent, Stance
from argmap.model.relations import Relation
from argmap.vocabulary import GRAPH_KINDS, SECTION_OF_KIND

__all__ = ["GRAPH_SECTIONS", "ArgumentLink", "CaseGraph", "GraphNode", "RelationLink", "project"]

GRAPH_SECTIONS = tuple((SECTION_OF_KIND[kind], kind) for kind in GRAPH_KINDS)
"""The case sections whose items are nodes of the argument graph, in case order, with
their kind. Parties, sources, issues and factors are context, not nodes of the graph."""


@dataclass(frozen=True)
class GraphNode:
    """One node of the graph: its id, kind, section and place in that section, and the
    model object."""

    id: str
    kind: str
    section: str
    position: int
    node: Claim | Evidence | Argument | Precedent | Event

    @property
    def path(self) -> str:
        """Where the node is written, as error messages name it (``claims[2]``)."""
        return f"{self.section}[{self.position}]"


@dataclass(frozen=True)
class RelationLink:
    """One relation of the case, with its place in ``relations`` and whether it
    undercuts another relation (its target is a relation id, not a node)."""

    position: int
    relation: Relation
    on_relation: bool

    @property
    def path(self) -> str:
        """Where the relation is written (``relations[3]``)."""
        return f"relations[{self.position}]"


@dataclass(frozen=True)
class ArgumentLink:
    """A link an argument makes: ``premise`` (premise -> argument), ``precedent``
    (precedent -> argument from precedent), ``pro`` or ``con`` (argument -> its
    conclusion, by its stance)."""

    origin: str
    target: str
    kind: str
    argument: Argument


@dataclass(frozen=True)
class CaseGraph:
    """The graph of one case (:func:`project`).

    Attributes
    ----------
    nodes : tuple of GraphNode
        Claims, evidence, arguments, precedents and events, in case order.
    relations : tuple of RelationLink
        Every relation, in case order.
    argument_links : tuple of ArgumentLink
        For each argument in case order: its premises, its precedent, its conclusion.
    undercut_targets : dict
        The relations some relation undercuts, by their id.
    """

    nodes: tuple[GraphNode, ...]
    relations: tuple[RelationLink, ...]
    argument_links: tuple[ArgumentLink, ...]
    undercut_targets: dict[str, Relation]

    def of_kind(self, *kinds: str) -> list[GraphNode]:
        """The nodes of these kinds, in case order."""
        return [node for node in self.nodes if node.kind in kinds]


def project(case: Case) -> CaseGraph:
    """The graph of ``case``: nodes with their kinds, relations, argument links.

    A relation whose target is the id of another relation (and no node) undercuts that
    relation (attacks on attacks); the relations so targeted are listed by id.
    """
    nodes = tuple(
        GraphNode(item.id, kind, section, i, item)
        for section, kind in GRAPH_SECTIONS
        for i, item in enumerate(getattr(case, section))
    )
    named = {rel.id: rel for rel in case.relations if rel.id is not None}
    relations = tuple(
        RelationLink(r, rel, rel.target in named and not case.has(rel.target))
        for r, rel in enumerate(case.relations)
    )
    targets = {
        link.relation.target: named[link.relation.target] for link in relations if link.on_relation
    }
    return CaseGraph(nodes, relations, tuple(_argument_links(case)), targets)


def _argument_links(case: Case) -> list[ArgumentLink]:
    links: list[ArgumentLink] = []
    for arg in case.arguments:
        links += [ArgumentLink(premise, arg.id, "premise", arg) for premise in arg.premises]
        if arg.precedent is not None:
            links.append(ArgumentLink(arg.precedent, arg.id, "precedent", arg))
        stance = "pro" if arg.stance is Stance.PRO else "con"
        links.append(ArgumentLink(arg.id, arg.conclusion, stance, arg))
    return links
