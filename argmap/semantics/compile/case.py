"""compile_case: a validated case to a :class:`~argmap.semantics.compile.Framework`.

The projection is documented in :mod:`argmap.semantics.compile`; each step below is
one part of it: the parameter values, the arguments left out, the nodes and their
score expressions, the edges of the relations, the contraries and the arguments, the
undercuts of relations, and the proof settings by claim. Expressions are scored in
one place (:func:`_score`), so an expression without a value is reported with the
file and line it was written on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from argmap.errors import CaseError, SolverError
from argmap.model import Argument, Case, ExclusionKind, RelationKind
from argmap.model.as_of import at_date
from argmap.model.origins import locate
from argmap.model.projection import CaseGraph, project
from argmap.semantics.compile.framework import (
    ATTACK_KINDS,
    SUPPORT_KINDS,
    FloatArray,
    Framework,
    IntArray,
)
from argmap.semantics.compile.precedents import (
    a_fortiori_conflicts,
    compare_factors,
    describe_weight,
    is_applicable,
)
from argmap.semantics.compile.questions import add_open_questions
from argmap.semantics.compile.standards import (
    claim_burdens,
    claim_standards,
    claim_thresholds,
    rivals_of,
)
from argmap.semantics.scoring import score as _score
from argmap.vocabulary import GRAPH_KINDS, SCORE_FIELD, SECTION_OF_KIND

__all__ = ["compile_case"]

_SUPPORT = SUPPORT_KINDS.index("support")
_CON = ATTACK_KINDS.index("con")
_REBUT = ATTACK_KINDS.index("rebut")
_CONTRARY = ATTACK_KINDS.index("contrary")

_DATED = tuple(SECTION_OF_KIND[kind] for kind in GRAPH_KINDS if kind != "claim")
"""The sections of the graph whose nodes may be unknown as of a date (claims have no
date: they are always in the case)."""

Edge = tuple[int, int, str | float, int]
"""(source, target, weight as written, kind code)."""


@dataclass
class _Nodes:
    """The compiled nodes: ids, kinds, score expressions and where each is written."""

    ids: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    exprs: list[str | float] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


@dataclass
class _Edges:
    """The edges gathered so far, and what the relations' undercuts need."""

    att: list[Edge] = field(default_factory=list)
    sup: list[Edge] = field(default_factory=list)
    paths: dict[tuple[int, int, bool, int], str] = field(default_factory=dict)
    """(src, dst, is support, kind code) -> where the relation's weight is written."""
    placed: dict[str, tuple[bool, int]] = field(default_factory=dict)
    """Relation id -> (is support, edge index)."""
    higher: list[tuple[int, str, str | float, int]] = field(default_factory=list)
    """Undercuts of relations: (origin, target relation id, weight, relation index)."""


def compile_case(
    case: Case, values: Mapping[str, float] | None = None, *, as_of: dt.date | None = None
) -> Framework:
    """Compile ``case`` into a :class:`Framework` at the given parameter values.

    Parameters
    ----------
    case : Case
        A validated case.
    values : mapping, optional
        Parameter values overriding the case's own ``value`` fields.
    as_of : datetime.date, optional
        Read the case with only what was known on that date, each precedent as it
        stood then (:func:`argmap.model.as_of.at_date`; default: the case's own
        ``as_of``, else everything). The nodes left out are listed in
        ``Framework.unknown``.

    Raises
    ------
    SolverError
        ``values`` names a parameter the case does not declare.
    CaseError
        A score or weight has no value at these parameter values (with file and line).

    Examples
    --------
    >>> from argmap.model import Case, Claim, Evidence, Source, Relation
    >>> case = Case(title="t", sources=[Source(id="S", outlet="o", title="t")],
    ...             claims=[Claim(id="C", text="c")],
    ...             evidence=[Evidence(id="E", text="e", source="S", status="fact")],
    ...             relations=[Relation(kind="rebut", origin="E", target="C")])
    >>> fw = compile_case(case)
    >>> fw.ids, fw.att_src.tolist(), fw.att_dst.tolist()
    (('C', 'E'), [1], [0])
    """
    full = case
    case = at_date(full, as_of)
    params = _parameter_values(case, values)
    graph = project(case)
    dropped = _inapplicable_arguments(case)
    nodes = _nodes(case, graph, dropped)
    index = {name: i for i, name in enumerate(nodes.ids)}
    edges = _relation_edges(case, graph, index, dropped)
    edges.att += _exclusion_attacks(case, index)
    _argument_edges(graph, index, dropped, edges)
    try:
        a_src, a_dst, a_w, a_kind = _edge_arrays(edges.att, False, params, edges.paths)
        s_src, s_dst, s_w, s_kind = _edge_arrays(edges.sup, True, params, edges.paths)
        base = np.array(
            [_score(e, params, p) for e, p in zip(nodes.exprs, nodes.paths, strict=True)]
        )
        hoa_src, hoa_att, hoa_sup, hoa_w = _relation_undercuts(edges, params)
    except CaseError as exc:
        raise CaseError(locate(case, exc.problems)) from None
    base.setflags(write=False)
    standards = claim_standards(case)
    framework = Framework(
        ids=tuple(nodes.ids),
        kinds=tuple(nodes.kinds),
        index=index,
        base=base,
        att_src=a_src,
        att_dst=a_dst,
        att_w=a_w,
        att_kind=a_kind,
        sup_src=s_src,
        sup_dst=s_dst,
        sup_w=s_w,
        sup_kind=s_kind,
        base_expressions=tuple(nodes.exprs),
        edge_expressions=tuple(e[2] for e in edges.att) + tuple(e[2] for e in edges.sup),
        values=params,
        dropped=dropped,
        defeat=(case.defeat.rule, case.defeat.ordering, case.defeat.comparison),
        hoa_src=hoa_src,
        hoa_att=hoa_att,
        hoa_sup=hoa_sup,
        hoa_w=hoa_w,
        title=case.title,
        order=tuple(node.id for node in full.iter_nodes()),
        claims=tuple(claim.id for claim in case.claims),
        standards=standards,
        burdens=claim_burdens(case),
        thresholds=claim_thresholds(case),
        rivals={claim: tuple(rivals_of(case, claim)) for claim in standards},
        reading=case.proof.reading,
        declared=tuple(case.parameters),
        as_of=case.as_of,
        conflicts=tuple(str(c) for c in a_fortiori_conflicts(case)),
        precedent_weights={
            a.id: describe_weight(case, a, params, case.as_of)
            for a in case.arguments
            if a.precedent is not None
        },
        conclusions={a.id: a.conclusion for a in case.arguments},
    )
    framework = add_open_questions(case, framework, params)
    return replace(framework, unknown=_not_yet_known(full, framework))


def _not_yet_known(full: Case, fw: Framework) -> dict[str, str]:
    """Nodes of ``full`` (the case before its as-of reading) that ``fw`` neither
    compiled nor left out as inapplicable -> their kind: those not known yet."""
    return {
        node.id: node.kind
        for section in _DATED
        for node in getattr(full, section)
        if node.id not in fw.index and node.id not in fw.dropped
    }


def _parameter_values(case: Case, values: Mapping[str, float] | None) -> dict[str, float]:
    """The case's parameter values, overridden by ``values`` (every name declared)."""
    params = dict(case.parameter_values)
    if values:
        unknown = sorted(set(values) - set(params))
        if unknown:
            raise SolverError("unknown parameter(s): " + ", ".join(unknown))
        params.update({k: float(v) for k, v in values.items()})
    return params


def _inapplicable_arguments(case: Case) -> dict[str, str]:
    """Arguments from precedent that do not apply (module docstring) -> why."""
    dropped: dict[str, str] = {}
    precedents = {p.id: p for p in case.precedents}
    for arg in case.arguments:
        if arg.precedent is None:
            continue
        p = precedents[arg.precedent]
        if not is_applicable(arg, p):
            state = p.outcome.value if p.outcome is not None else p.status.value
            dropped[arg.id] = (
                f"applies only if {p.id} is decided for the "
                f"{arg.applies_if.value if arg.applies_if else '?'}; it is {state}"
            )
    return dropped


def _nodes(case: Case, graph: CaseGraph, dropped: Mapping[str, str]) -> _Nodes:
    """The nodes in case order with their score expressions (module docstring)."""
    nodes = _Nodes()
    for node in graph.nodes:
        if node.id in dropped:
            continue
        nodes.ids.append(node.id)
        nodes.kinds.append(node.kind)
        nodes.paths.append(f"{node.path}.{SCORE_FIELD.get(node.kind, 'weight')}")
        nodes.exprs.append(_base_expression(case, node.kind, node.node))
    return nodes


def _base_expression(case: Case, kind: str, node: object) -> str | float:
    """What one node's base score is written as (module docstring)."""
    if kind == "event":
        return 1.0
    if kind in SCORE_FIELD:
        score: str | float = getattr(node, SCORE_FIELD[kind])
        return score
    assert isinstance(node, Argument)
    if node.weight is not None:
        return node.weight
    if node.precedent is not None:
        return _precedent_weight_expr(case, node)
    return 1.0


def _relation_edges(
    case: Case, graph: CaseGraph, index: Mapping[str, int], dropped: Mapping[str, str]
) -> _Edges:
    """The edges the case's relations draw; undercuts of relations are set aside."""
    edges = _Edges()
    contraries = _contrary_pairs(case)
    for link in graph.relations:
        rel = link.relation
        if rel.origin in dropped or rel.target in dropped:
            continue
        w: str | float = 1.0 if rel.weight is None else rel.weight
        if link.on_relation:
            edges.higher.append((index[rel.origin], rel.target, w, link.position))
            continue
        src, dst = index[rel.origin], index[rel.target]
        support = rel.kind is RelationKind.SUPPORT
        if support:
            code = _SUPPORT
        elif rel.kind is RelationKind.REBUT and (rel.origin, rel.target) in contraries:
            code = _CONTRARY
        else:
            code = ATTACK_KINDS.index(rel.kind.value)
        edges.paths[(src, dst, support, code)] = f"{link.path}.weight"
        target = edges.sup if support else edges.att
        if rel.id is not None:
            edges.placed[rel.id] = (support, len(target))
        target.append((src, dst, w, code))
    return edges


def _argument_edges(
    graph: CaseGraph, index: Mapping[str, int], dropped: Mapping[str, str], edges: _Edges
) -> None:
    """Add each argument's edges: its premises and precedent (necessary supports), and
    its own support (pro) or attack (con) on its conclusion, all of weight 1."""
    for link in graph.argument_links:
        if link.argument.id in dropped:
            continue
        edge = (index[link.origin], index[link.target], 1.0)
        if link.kind == "con":
            edges.att.append((*edge, _CON))
        else:
            edges.sup.append((*edge, SUPPORT_KINDS.index(link.kind)))


def _edge_arrays(
    edges: list[Edge],
    support: bool,
    params: Mapping[str, float],
    paths: Mapping[tuple[int, int, bool, int], str],
) -> tuple[IntArray, IntArray, FloatArray, npt.NDArray[np.int8]]:
    """Read-only source, target, weight and kind arrays of one edge list."""
    src = np.array([e[0] for e in edges], dtype=np.int32)
    dst = np.array([e[1] for e in edges], dtype=np.int32)
    w = np.array(
        [_score(e[2], params, paths.get((e[0], e[1], support, e[3]))) for e in edges],
        dtype=np.float64,
    )
    kind = np.array([e[3] for e in edges], dtype=np.int8)
    for arr in (src, dst, w, kind):
        arr.setflags(write=False)
    return src, dst, w, kind


def _relation_undercuts(
    edges: _Edges, params: Mapping[str, float]
) -> tuple[IntArray, IntArray, IntArray, FloatArray]:
    """The undercuts of relations: undercutting node, the attack or support edge it
    targets (the other -1) and its weight. An undercut of a relation that was left
    out (its argument does not apply) goes with it."""
    kept = [h for h in edges.higher if h[1] in edges.placed]
    hoa_w = np.array(
        [_score(h[2], params, f"relations[{h[3]}].weight") for h in kept], dtype=np.float64
    )
    placed = edges.placed
    hoa_src = np.array([h[0] for h in kept], dtype=np.int32)
    hoa_att = np.array([-1 if placed[h[1]][0] else placed[h[1]][1] for h in kept], np.int32)
    hoa_sup = np.array([placed[h[1]][1] if placed[h[1]][0] else -1 for h in kept], np.int32)
    return hoa_src, hoa_att, hoa_sup, hoa_w


def _exclusion_attacks(case: Case, index: Mapping[str, int]) -> list[Edge]:
    """The attacks that declared contraries add (:mod:`argmap.model.contraries`).

    Two contradictories rebut each other: a rebut drawn one way gets its mirror with
    the same weight, and when none is drawn both get weight 1. A contrary attacks the
    claim it excludes with weight 1 unless a rebut is drawn along it (the relation loop
    gives that rebut the kind ``contrary`` instead, see :func:`_contrary_pairs`)."""
    drawn = {
        (rel.origin, rel.target): (1.0 if rel.weight is None else rel.weight)
        for rel in case.relations
        if rel.kind is RelationKind.REBUT
    }
    added: list[Edge] = []
    for exclusion in case.contraries:
        a, b = exclusion.claims
        if a not in index or b not in index:
            continue
        if exclusion.kind is ExclusionKind.CONTRARY:
            if (a, b) not in drawn:
                added.append((index[a], index[b], 1.0, _CONTRARY))
            continue
        forward, backward = drawn.get((a, b)), drawn.get((b, a))
        if forward is None and backward is None:
            added += [(index[a], index[b], 1.0, _REBUT), (index[b], index[a], 1.0, _REBUT)]
        elif forward is None and backward is not None:
            added.append((index[a], index[b], backward, _REBUT))
        elif backward is None and forward is not None:
            added.append((index[b], index[a], forward, _REBUT))
    return added


def _contrary_pairs(case: Case) -> set[tuple[str, str]]:
    """(contrary, excluded claim) pairs: a rebut drawn along one always succeeds."""
    return {(e.claims[0], e.claims[1]) for e in case.contraries if e.kind is ExclusionKind.CONTRARY}


def _precedent_weight_expr(case: Case, arg: Argument) -> float:
    """The base score of an argument from precedent without an explicit weight: its
    similarity. The precedent's authority joins through the weakest link (the
    precedent -> argument edge is necessary, and an unattacked precedent's strength is
    its authority), so the argument's effective weight is
    :func:`~argmap.semantics.precedent.argument_weight`, authority x similarity, and
    falls when the precedent itself is undermined."""
    precedent = next(p for p in case.precedents if p.id == arg.precedent)
    return compare_factors(case, precedent, side=arg.applies_if).similarity
