"""Collapse a case graph onto its claims: what the overview of a case draws.

A briefing reader first needs the claims and how they bear on one another; the
evidence, arguments, precedents and events under each claim matter as *how much* and
*which way*, not one box each. This module reduces the drawable graph
(:func:`argmap.maps.graph.case_graph`) to

- a :class:`ClaimSummary` per claim: the arguments for and against it, and the
  evidence, precedents and events those arguments (or direct relations) bring, each
  counted for or against; and
- :class:`ClaimLink` edges between claims: a direct relation between two claims, a
  premise claim to the conclusion of its argument (``support`` for a pro argument,
  ``rebut`` for a con one), and a claim that attacks an argument to that argument's
  conclusion (``undercut``: it weakens an argument bearing on that claim).

This is the usual "claim-level" projection of a structured argument graph (premises
folded into the inference they feed, as in Carneades' argument graphs, Gordon, Prakken
and Walton 2007, drawn without the argument nodes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.maps.graph import Edge, GraphNode
from argmap.model import Argument, Stance
from argmap.vocabulary import ATTACK_KINDS

__all__ = ["ClaimLink", "ClaimSummary", "collapse", "count_line"]

_ATTACKS = frozenset(ATTACK_KINDS)


@dataclass
class ClaimSummary:
    """What stands behind one claim, by id and side."""

    claim: str
    arguments_for: list[str] = field(default_factory=list)
    arguments_against: list[str] = field(default_factory=list)
    evidence_for: list[str] = field(default_factory=list)
    evidence_against: list[str] = field(default_factory=list)
    precedents_for: list[str] = field(default_factory=list)
    precedents_against: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    @property
    def evidence(self) -> list[str]:
        """Every item of evidence bearing on the claim, either way (no repeats)."""
        return list(dict.fromkeys([*self.evidence_for, *self.evidence_against]))

    @property
    def precedents(self) -> list[str]:
        """Every precedent cited for or against the claim (no repeats)."""
        return list(dict.fromkeys([*self.precedents_for, *self.precedents_against]))


@dataclass(frozen=True)
class ClaimLink:
    """A claim-to-claim edge; ``via`` names the arguments it passes through."""

    tail: str
    head: str
    kind: str
    weight: float | None = None
    via: tuple[str, ...] = ()


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def count_line(summary: ClaimSummary) -> tuple[str, str]:
    """The two count lines of a claim in the overview.

    >>> s = ClaimSummary("C", ["A1", "A2"], ["A3"], ["E1", "E2"], ["E3"], ["P1"])
    >>> count_line(s)
    ('2 arguments for, 1 against', '3 evidence (1 against) · 1 precedent')
    """
    n_for, n_against = len(summary.arguments_for), len(summary.arguments_against)
    if n_for and n_against:
        arguments = f"{_plural(n_for, 'argument')} for, {n_against} against"
    elif n_for:
        arguments = f"{_plural(n_for, 'argument')} for"
    elif n_against:
        arguments = f"{_plural(n_against, 'argument')} against"
    else:
        arguments = "no arguments"
    bits = []
    evidence, against = summary.evidence, set(summary.evidence_against)
    if evidence:
        bits.append(f"{len(evidence)} evidence" + (f" ({len(against)} against)" if against else ""))
    precedents, p_against = summary.precedents, set(summary.precedents_against)
    if precedents:
        bits.append(
            _plural(len(precedents), "precedent")
            + (f" ({len(p_against)} against)" if p_against else "")
        )
    if summary.events:
        bits.append(_plural(len(summary.events), "event"))
    return arguments, " · ".join(bits) or "no evidence"


def collapse(
    nodes: dict[str, GraphNode], edges: Iterable[Edge]
) -> tuple[dict[str, ClaimSummary], list[ClaimLink]]:
    """Per-claim summaries and claim-to-claim links of a drawable graph.

    Parameters
    ----------
    nodes, edges
        The graph from :func:`argmap.maps.graph.case_graph` (or a selection of it).

    Returns
    -------
    summaries
        One :class:`ClaimSummary` per claim, in ``nodes`` order.
    links
        Claim-to-claim links, merged per (tail, head, kind): the ``via`` arguments are
        pooled and the largest weight kept. Links from a claim to itself are dropped.
    """
    edges = list(edges)
    kind_of = {n: item.kind for n, item in nodes.items()}
    summaries = {n: ClaimSummary(n) for n, kind in kind_of.items() if kind == "claim"}
    # which claim each argument concludes, and whether it argues for it
    conclusion: dict[str, tuple[str, bool]] = {}
    for item in nodes.values():
        node = item.node
        if isinstance(node, Argument) and node.conclusion in summaries:
            conclusion[item.id] = (node.conclusion, node.stance is Stance.PRO)
    for arg_id, (claim, pro) in conclusion.items():
        s = summaries[claim]
        _add(s.arguments_for if pro else s.arguments_against, arg_id)
    for e in edges:
        tail_kind = kind_of.get(e.tail)
        own = conclusion.get(e.tail, ("", True))[0]
        if e.head in summaries and tail_kind == "argument" and e.head != own:
            # an argument that attacks (or supports) a claim other than its conclusion
            s = summaries[e.head]
            _add(s.arguments_against if e.kind in _ATTACKS else s.arguments_for, e.tail)
    for e in edges:
        tail_kind = kind_of.get(e.tail)
        if e.head in summaries:
            _bring(summaries[e.head], e.tail, tail_kind, e.kind not in _ATTACKS)
        elif e.head in conclusion:
            claim, pro = conclusion[e.head]
            helps = e.kind not in _ATTACKS  # premise, support, cites
            _bring(summaries[claim], e.tail, tail_kind, helps == pro)
    return summaries, _links(edges, kind_of, summaries, conclusion)


def _bring(s: ClaimSummary, item: str, kind: str | None, for_claim: bool) -> None:
    """Count ``item`` (of ``kind``) under ``s`` on the side it takes."""
    if kind == "evidence":
        _add(s.evidence_for if for_claim else s.evidence_against, item)
    elif kind == "precedent":
        _add(s.precedents_for if for_claim else s.precedents_against, item)
    elif kind == "event":
        _add(s.events, item)


def _links(
    edges: list[Edge],
    kind_of: dict[str, str],
    summaries: dict[str, ClaimSummary],
    conclusion: dict[str, tuple[str, bool]],
) -> list[ClaimLink]:
    merged: dict[tuple[str, str, str], tuple[float | None, list[str]]] = {}

    def put(tail: str, head: str, kind: str, weight: float | None, via: str | None) -> None:
        if tail == head:
            return
        old_weight, old_via = merged.get((tail, head, kind), (None, []))
        if weight is not None and (old_weight is None or weight > old_weight):
            old_weight = weight
        if via is not None and via not in old_via:
            old_via.append(via)
        merged[(tail, head, kind)] = (old_weight, old_via)

    weights = {e.tail: e.weight for e in edges if e.tail in conclusion and e.kind != "premise"}
    for e in edges:
        if kind_of.get(e.tail) != "claim":
            continue
        if e.head in summaries:
            put(e.tail, e.head, e.kind, e.weight, None)
        elif e.head in conclusion:
            claim, pro = conclusion[e.head]
            if e.kind in ("premise", "support", "cites"):
                put(e.tail, claim, "support" if pro else "rebut", weights.get(e.head), e.head)
            else:
                put(e.tail, claim, "undercut", e.weight, e.head)
    return [
        ClaimLink(tail, head, kind, weight, tuple(via))
        for (tail, head, kind), (weight, via) in merged.items()
    ]
