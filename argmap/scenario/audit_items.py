"""The items an audit may change in a case, and what each does to the compiled arrays.

An item (:class:`Item`) is an evidence node, a precedent, an open critical question
(a framework node of kind ``question``) or one relation; it is removed, or, for a
rebut drawn one way between two claims, reversed. :func:`catalogue` lists a case's
items with their :class:`Effect` on a compiled framework to which the reversal twins
have been added (:func:`with_twins`), and :func:`cone` says which nodes and edges can
reach a claim, so the search (:mod:`argmap.scenario.audit`) tries only those items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt

from argmap.model import Case, RelationKind
from argmap.semantics.compile import ATTACK_KINDS, Framework
from argmap.vocabulary import ATTACK_KINDS as RELATION_ATTACKS

__all__ = [
    "Action",
    "Catalogue",
    "Effect",
    "Item",
    "ItemKind",
    "catalogue",
    "cone",
    "relation_edges",
    "with_twins",
]


class ItemKind(StrEnum):
    """What an audit may take out of a case (module docstring)."""

    EVIDENCE = "evidence"
    PRECEDENT = "precedent"
    RELATION = "relation"
    QUESTION = "question"


class Action(StrEnum):
    """What is done to an item: taken out, or (a rebut between claims) turned round."""

    REMOVE = "remove"
    REVERSE = "reverse"


@dataclass(frozen=True, order=True)
class Item:
    """One thing an audit may change, and how.

    ``id`` is the node id, or for a relation its ``id`` when it has one and else its
    place ``relations[i]``; ``what`` says what it is in words (``rebut C1 → C2``).
    """

    kind: ItemKind
    id: str
    action: Action = Action.REMOVE
    what: str = ""

    def __str__(self) -> str:
        """``remove evidence E1``, ``reverse rebut C_a → C_b (relations[3])``,
        ``answer question A?trustworthy`` (taking an open question away answers it)."""
        if self.kind is ItemKind.RELATION:
            return f"{self.action.value} {self.what} ({self.id})"
        if self.kind is ItemKind.QUESTION:
            return f"answer question {self.id}"
        return f"{self.action.value} {self.kind.value} {self.id}"


@dataclass
class Effect:
    """What one item does to the (augmented) framework's arrays."""

    nodes: list[int] = field(default_factory=list)
    """Nodes whose base score goes to 0."""
    edges_off: list[int] = field(default_factory=list)
    """Edge columns (attacks then supports) whose weight goes to 0."""
    edges_on: list[tuple[int, int]] = field(default_factory=list)
    """(twin column, original column): the twin takes the original's weight."""
    hoa_off: list[int] = field(default_factory=list)
    """Undercuts of relations taken out (structural: rows are grouped by them)."""


@dataclass
class Catalogue:
    """The items of a case, their effects, and which nodes and edges each touches."""

    items: list[Item]
    effects: list[Effect]
    touches: list[tuple[set[int], set[int]]]
    """Per item, (nodes, edge columns of ``framework``) whose being upstream of a claim
    makes the item relevant to it."""
    framework: Framework
    """The compiled framework with the reversal twins appended to the attacks."""


def relation_edges(case: Case, fw: Framework) -> dict[int, tuple[str, int]]:
    """Relation index -> ('att' | 'sup' | 'hoa', position) in ``fw``: each relation is
    matched to the first unclaimed edge with its ends and polarity (compile keeps the
    relations' order, so duplicates pair up in order)."""
    claimed: set[tuple[str, int]] = set()
    edges: dict[int, tuple[str, int]] = {}
    placed: dict[str, tuple[str, int]] = {}
    contrary = ATTACK_KINDS.index("contrary")
    relation_kinds = {ATTACK_KINDS.index(k) for k in RELATION_ATTACKS}
    pending: list[tuple[int, Any]] = []
    for r, rel in enumerate(case.relations):
        if rel.origin not in fw.index:
            continue
        if rel.target not in fw.index:
            pending.append((r, rel))  # an undercut of a relation (or a dropped target)
            continue
        o, t = fw.index[rel.origin], fw.index[rel.target]
        if rel.kind is RelationKind.SUPPORT:
            hits = np.flatnonzero((fw.sup_src == o) & (fw.sup_dst == t) & (fw.sup_kind == 0))
            tag = "sup"
        else:
            kinds = relation_kinds | {contrary}
            hits = np.flatnonzero(
                (fw.att_src == o) & (fw.att_dst == t) & np.isin(fw.att_kind, list(kinds))
            )
            tag = "att"
        for k in hits.tolist():
            if (tag, k) not in claimed:
                claimed.add((tag, k))
                edges[r] = (tag, k)
                if rel.id is not None:
                    placed[rel.id] = (tag, k)
                break
    for r, rel in pending:
        target = placed.get(rel.target)
        if target is None:
            continue
        o = fw.index[rel.origin]
        on_att = fw.hoa_att if target[0] == "att" else fw.hoa_sup
        for h in np.flatnonzero((fw.hoa_src == o) & (on_att == target[1])).tolist():
            if ("hoa", h) not in claimed:
                claimed.add(("hoa", h))
                edges[r] = ("hoa", h)
                break
    return edges


def catalogue(case: Case, fw: Framework) -> Catalogue:
    """Every item of ``case`` (compiled as ``fw``) with its effect and what it touches.

    Evidence, precedents and questions come in framework order, then the relations in
    file order, each rebut between two claims drawn one way followed by its reversal.

    Examples
    --------
    >>> from argmap.model import Case
    >>> from argmap.semantics.compile import compile_case
    >>> case = Case.model_validate({"title": "t",
    ...     "sources": [{"id": "S", "outlet": "o", "title": "t"}],
    ...     "claims": [{"id": "A", "text": "a"}, {"id": "B", "text": "b"}],
    ...     "evidence": [{"id": "E", "text": "e", "source": "S", "status": "fact"}],
    ...     "relations": [{"kind": "support", "from": "E", "to": "A"},
    ...                   {"kind": "rebut", "from": "A", "to": "B"}]})
    >>> [str(item) for item in catalogue(case, compile_case(case)).items]
    ['remove evidence E', 'remove support E → A (relations[0])', \
'remove rebut A → B (relations[1])', 'reverse rebut A → B (relations[1])']
    """
    n_att = fw.att_src.size
    relation_at = relation_edges(case, fw)
    rebut = ATTACK_KINDS.index("rebut")
    # the reversible rebuts: between two claims, drawn one way only
    reversible: list[tuple[int, int]] = []  # (relation index, attack edge)
    for r, (tag, k) in sorted(relation_at.items()):
        rel = case.relations[r]
        if tag != "att" or fw.att_kind[k] != rebut or rel.kind is not RelationKind.REBUT:
            continue
        s, d = int(fw.att_src[k]), int(fw.att_dst[k])
        mirrored = np.any((fw.att_src == d) & (fw.att_dst == s))
        if fw.kinds[s] == "claim" and fw.kinds[d] == "claim" and not mirrored:
            reversible.append((r, k))
    twins = {k: n_att + t for t, (_, k) in enumerate(reversible)}
    # the twins go after the attacks, so support columns move right by their count
    aug, copied = with_twins(fw, [k for _, k in reversible])
    entries = {h: [h] for h in range(fw.hoa_src.size)}  # undercut -> its entries in aug
    for j, h in enumerate(copied):
        entries[h].append(fw.hoa_src.size + j)

    def column(tag: str, k: int) -> int:
        return k if tag == "att" else aug.att_src.size + k

    necessary = fw.sup_necessary
    out_att: dict[int, list[int]] = {}
    out_sup: dict[int, list[int]] = {}
    for k, s in enumerate(fw.att_src.tolist()):
        out_att.setdefault(s, []).append(k)
    for k, s in enumerate(fw.sup_src.tolist()):
        out_sup.setdefault(s, []).append(k)

    def node_effect(i: int) -> Effect:
        effect = Effect(nodes=[i])
        gone = [i]
        # an argument needing the node (premise, precedent) goes with it
        gone += [int(fw.sup_dst[k]) for k in out_sup.get(i, []) if necessary[k]]
        for g in gone:
            effect.nodes.append(g)
            effect.edges_off += [column("att", k) for k in out_att.get(g, [])]
            effect.edges_off += [column("sup", k) for k in out_sup.get(g, [])]
            effect.hoa_off += np.flatnonzero(aug.hoa_src == g).tolist()
        return effect

    items: list[Item] = []
    effects: list[Effect] = []
    touches: list[tuple[set[int], set[int]]] = []
    kinds = {"evidence": ItemKind.EVIDENCE, "precedent": ItemKind.PRECEDENT}
    kinds["question"] = ItemKind.QUESTION
    for i, (node_id, kind) in enumerate(zip(fw.ids, fw.kinds, strict=True)):
        if kind in kinds:
            items.append(Item(kinds[kind], node_id))
            effects.append(node_effect(i))
            touches.append(({i}, set()))
    for r, (tag, k) in sorted(relation_at.items()):
        rel = case.relations[r]
        name = rel.id or f"relations[{r}]"
        what = f"{rel.kind.value} {rel.origin} → {rel.target}"
        if tag == "hoa":
            edge = int(fw.hoa_att[k]) if fw.hoa_att[k] >= 0 else column("sup", int(fw.hoa_sup[k]))
            effect = Effect(hoa_off=entries[k])
            touched: tuple[set[int], set[int]] = (set(), {edge, twins.get(edge, edge)})
        else:
            effect = Effect(edges_off=[column(tag, k)])
            touched = (set(), {column(tag, k)})
        items.append(Item(ItemKind.RELATION, name, Action.REMOVE, what))
        effects.append(effect)
        touches.append(touched)
        if tag == "att" and k in twins:
            items.append(Item(ItemKind.RELATION, name, Action.REVERSE, what))
            effects.append(Effect(edges_off=[k], edges_on=[(twins[k], k)]))
            touches.append((set(), {k, twins[k]}))
    return Catalogue(items, effects, touches, aug)


def with_twins(fw: Framework, edges: Sequence[int]) -> tuple[Framework, list[int]]:
    """``fw`` with, for each attack edge in ``edges``, a twin edge the other way of
    weight 0 appended to the attacks (inert until a row gives it a weight); and the
    undercuts of relations copied onto the twins, in the order of their copies (copy
    ``j`` is undercut ``fw.hoa_src.size + j`` of the result)."""
    if not edges:
        return fw, []
    idx = np.asarray(edges, dtype=np.int64)
    n_att = fw.att_src.size

    def joined(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> npt.NDArray[Any]:
        out = np.concatenate([a, b]).astype(a.dtype)
        out.setflags(write=False)
        return out

    # an undercut of a reversed relation undercuts it still: each undercut of an edge
    # in ``edges`` gets a copy on the twin (inert while the twin weighs 0)
    twin_of = {int(k): n_att + t for t, k in enumerate(idx.tolist())}
    copies = [h for h, att in enumerate(fw.hoa_att.tolist()) if att in twin_of]
    exprs = fw.edge_expressions
    aug = replace(
        fw,
        att_src=joined(fw.att_src, fw.att_dst[idx]),
        att_dst=joined(fw.att_dst, fw.att_src[idx]),
        att_w=joined(fw.att_w, np.zeros(idx.size)),
        att_kind=joined(fw.att_kind, fw.att_kind[idx]),
        edge_expressions=exprs[:n_att] + (0.0,) * idx.size + exprs[n_att:],
        hoa_src=joined(fw.hoa_src, fw.hoa_src[copies]),
        hoa_att=joined(
            fw.hoa_att, np.array([twin_of[int(fw.hoa_att[h])] for h in copies], dtype=np.int32)
        ),
        hoa_sup=joined(fw.hoa_sup, np.full(len(copies), -1, dtype=np.int32)),
        hoa_w=joined(fw.hoa_w, fw.hoa_w[copies]),
    )
    return aug, copies


def cone(fw: Framework, node: int) -> tuple[set[int], set[int]]:
    """The nodes and edge columns (attacks then supports) upstream of ``node`` in
    ``fw``, undercuts of relations included: whatever no path reaches cannot change
    the node's verdict. ``fw`` carries the reversal twins, so the cone holds every
    item that matters in any edited state too (an edit only takes edges away or
    switches a twin on)."""
    n_att = fw.att_src.size
    into: dict[int, list[tuple[int, int]]] = {}
    pairs = zip(
        np.r_[fw.att_src, fw.sup_src].tolist(), np.r_[fw.att_dst, fw.sup_dst].tolist(), strict=True
    )
    for col, (s, d) in enumerate(pairs):
        into.setdefault(d, []).append((s, col))
    undercut_by: dict[int, list[int]] = {}
    for src, att, sup in zip(
        fw.hoa_src.tolist(), fw.hoa_att.tolist(), fw.hoa_sup.tolist(), strict=True
    ):
        undercut_by.setdefault(att if att >= 0 else n_att + sup, []).append(src)
    nodes, edges = {node}, set()
    stack = [node]
    while stack:
        for s, col in into.get(stack.pop(), ()):
            edges.add(col)
            for nxt in (s, *undercut_by.get(col, ())):
                if nxt not in nodes:
                    nodes.add(nxt)
                    stack.append(nxt)
    return nodes, edges
