"""Compile a Case into a Framework: integer ids, weighted edge arrays, base scores.

Every semantics works on the compiled form, never on pydantic objects. The projection
below is argmap's reading of the typed argument graph; it is written down here and in
``docs/semantics.md`` because results depend on it.

Nodes
    Claims, evidence, arguments, precedents and events, in case order (parties,
    sources, issues and factors are context, not arguments). Base scores: a claim's
    ``base_score``, evidence ``reliability``, an argument's ``weight`` (1.0 when
    unset; for an argument from precedent, its similarity, which the weakest link
    below multiplies by the precedent's authority), a precedent's ``authority``, and 1.0
    for an event (a dated happening is taken to have happened; doubt about it is
    written as an undermining relation). Expressions are evaluated with the case's
    parameter values, overridden by ``values``, and clipped to [0, 1].

Quantitative bipolar edges (QBAF; Baroni, Rago and Toni 2018)
    - ``support X -> T``: support edge, the relation's weight (default 1);
    - ``rebut``, ``undermine``, ``undercut X -> T``: attack edge on ``T``;
    - each premise ``P`` of argument ``A``, and the precedent an argument from
      precedent relies on: a *necessary* support edge ``P -> A`` of weight 1. The
      gradual semantics read necessary edges by the weakest link
      (:mod:`argmap.semantics.gradual.links`): the argument's base is its weight times
      its weakest premise's strength, so a weak or undermined premise weakens the
      argument, and a strong one never lifts it above its own weight;
    - argument ``A`` with stance ``pro``: support ``A -> conclusion``; stance ``con``:
      attack ``A -> conclusion`` (a Carneades con argument rebuts). The argument's
      own weight is its base score, so these edges have weight 1.
    An argument from precedent that does not apply (``applies_if`` does not match the
    precedent's decided outcome, see :func:`~argmap.semantics.precedent.is_applicable`)
    is left out of the framework altogether and listed in ``Framework.dropped``.

Dung attacks (:meth:`Framework.abstract`; Dung 1995)
    The direct attacks above (rebut, undermine, undercut, con arguments), plus the
    *secondary attacks* of bipolar argumentation under the necessary-support reading
    (Cayrol and Lagasquie-Schiex 2005, 2013; Nouioua and Risch 2010): premises are
    conjunctive, so each premise (and the precedent) is necessary for its argument,
    and whoever attacks a premise also attacks every argument that rests on it.
    Other supports (relation ``support``, pro argument to conclusion) add no attack:
    they are evidential, they make a claim stronger but a claim with no attacker is
    not defeated for lack of them; their force shows in the gradual strengths and in
    the proof standards. The supported attacks of the deductive reading are not
    added, because evidence supporting a defeated claim should not defeat what that
    claim attacks. Attacks of weight 0 are dropped (no attack at all).

References
----------
P. M. Dung. On the acceptability of arguments ... Artificial Intelligence 77, 1995.

C. Cayrol, M.-C. Lagasquie-Schiex. On the acceptability of arguments in bipolar
argumentation frameworks. ECSQARU 2005. And: Bipolarity in argumentation graphs:
towards a better understanding. IJAR 54(7), 2013.

F. Nouioua, V. Risch. Bipolar argumentation frameworks with specialized supports.
ICTAI 2010.

P. Baroni, A. Rago, F. Toni. How many properties do we need for gradual
argumentation? AAAI 2018.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from argmap.errors import CaseError, SolverError
from argmap.model import Argument, Case, ExclusionKind, RelationKind, Stance, parse_expression
from argmap.model.origins import locate
from argmap.semantics.critical_questions import add_open_questions
from argmap.semantics.dung.af import AF
from argmap.semantics.gradual.qbaf import schedule
from argmap.semantics.precedent import compare_factors, is_applicable
from argmap.semantics.scoring import ATTACK_KINDS, SUPPORT_KINDS
from argmap.semantics.scoring import score as _score
from argmap.vocabulary import GRAPH_KINDS, SCORE_FIELD, SECTION_OF_KIND

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.dung.af import AF

__all__ = ["ATTACK_KINDS", "SUPPORT_KINDS", "Framework", "compile_case"]

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]


_SECTIONS = tuple((SECTION_OF_KIND[kind], kind) for kind in GRAPH_KINDS)
"""The case-file sections whose nodes become arguments, each with its kind."""


@dataclass(frozen=True, eq=False)
class Framework:
    """A case compiled to arrays (see the module docstring for the projection).

    Attributes
    ----------
    ids, kinds : tuple of str
        Node ids and kinds (claim, evidence, argument, precedent, event).
    index : dict
        Node id -> position.
    base : ndarray (N,)
        Base scores at the compiled parameter values.
    att_src, att_dst, att_w, att_kind : ndarray
        Attack edges, weights and kind codes (:data:`ATTACK_KINDS`).
    sup_src, sup_dst, sup_w, sup_kind : ndarray
        Support edges likewise (:data:`SUPPORT_KINDS`).
    base_expressions, edge_expressions : tuple
        What each base score and edge weight (attacks, then supports) was written as:
        a number, or expression text.
    values : dict
        The parameter values the scores were computed with.
    dropped : dict
        Arguments left out (inapplicable precedent arguments) -> reason.
    hoa_src, hoa_att, hoa_sup, hoa_w : ndarray
        Undercuts of relations (attacks on attacks): the undercutting node, the attack
        edge or the support edge it targets (the other is -1), its weight
        (:mod:`argmap.semantics.recursive`).
    defeat : tuple of str
        The case's defeat rule, ordering and set comparison
        (:mod:`argmap.semantics.defeat`), the default of every evaluation.
    """

    ids: tuple[str, ...]
    kinds: tuple[str, ...]
    index: dict[str, int]
    base: FloatArray
    att_src: IntArray
    att_dst: IntArray
    att_w: FloatArray
    att_kind: npt.NDArray[np.int8]
    sup_src: IntArray
    sup_dst: IntArray
    sup_w: FloatArray
    sup_kind: npt.NDArray[np.int8]
    base_expressions: tuple[str | float, ...]
    edge_expressions: tuple[str | float, ...]
    values: dict[str, float]
    dropped: dict[str, str] = field(default_factory=dict)
    defeat: tuple[str, str, str] = ("preference", "weakest-link", "elitist")
    hoa_src: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    hoa_att: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    hoa_sup: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    hoa_w: FloatArray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))

    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.ids)

    @property
    def parameters(self) -> tuple[str, ...]:
        """Names of the parameters any score or weight uses, sorted."""
        names: set[str] = set()
        for expr in (*self.base_expressions, *self.edge_expressions):
            if isinstance(expr, str):
                names |= parse_expression(expr).names
        return tuple(sorted(names))

    def _matrix(
        self, exprs: tuple[str | float, ...], samples: Mapping[str, npt.ArrayLike]
    ) -> FloatArray:
        arrays = {k: np.asarray(v, dtype=np.float64).ravel() for k, v in samples.items()}
        sizes = {a.size for a in arrays.values()}
        if len(sizes) > 1:
            raise ValueError("every sampled parameter needs the same number of samples")
        rows = sizes.pop() if sizes else 1
        out = np.empty((rows, len(exprs)))
        for j, expr in enumerate(exprs):
            if not isinstance(expr, str):
                out[:, j] = expr
                continue
            parsed = parse_expression(expr)
            order = tuple(sorted(parsed.names))
            args = [arrays.get(name, np.full(rows, self.values[name])) for name in order]
            out[:, j] = np.broadcast_to(parsed.vectorized(order)(*args), (rows,))
        # a draw where an expression has no value (sqrt of a negative, log 0, overflow)
        # is NaN (Expression.vectorized) and stays NaN through the clip, so the caller
        # can count it as undefined rather than as a score
        np.clip(out, 0.0, 1.0, out=out)
        return out

    def base_matrix(self, samples: Mapping[str, npt.ArrayLike]) -> FloatArray:
        """Base scores ``(S, N)`` with parameters set to ``S`` sampled values each.

        Parameters not in ``samples`` keep their compiled value. Results are clipped
        to [0, 1]; a score whose expression has no value for a sample (or overflows)
        is NaN.
        """
        return self._matrix(self.base_expressions, samples)

    def edge_weight_matrix(self, samples: Mapping[str, npt.ArrayLike]) -> FloatArray:
        """Edge weights ``(S, E)``: the attacks, then the supports (as
        ``edge_weights`` of the gradual semantics expects them)."""
        return self._matrix(self.edge_expressions, samples)

    def attacks_of(self, node: str) -> list[tuple[str, float, str]]:
        """``(attacker id, weight, kind)`` for every attack edge on ``node``."""
        j = self.index[node]
        return [
            (self.ids[self.att_src[k]], float(self.att_w[k]), ATTACK_KINDS[self.att_kind[k]])
            for k in np.flatnonzero(self.att_dst == j)
        ]

    def supports_of(self, node: str) -> list[tuple[str, float, str]]:
        """``(supporter id, weight, kind)`` for every support edge into ``node``."""
        j = self.index[node]
        return [
            (self.ids[self.sup_src[k]], float(self.sup_w[k]), SUPPORT_KINDS[self.sup_kind[k]])
            for k in np.flatnonzero(self.sup_dst == j)
        ]

    @property
    def sup_necessary(self) -> npt.NDArray[np.bool_]:
        """Which support edges are *necessary* (conjunctive): premise -> argument and
        precedent -> argument from precedent. The gradual semantics read them by the
        weakest link, the Dung projection turns attacks on them into secondary attacks
        (module docstring)."""
        mask: npt.NDArray[np.bool_] = np.isin(
            self.sup_kind, (SUPPORT_KINDS.index("premise"), SUPPORT_KINDS.index("precedent"))
        )
        return mask

    def dung_attacks(self, defeats: npt.ArrayLike | None = None) -> tuple[IntArray, IntArray]:
        """Direct attacks plus secondary attacks through necessary supports.

        ``defeats`` is a mask over the attack edges saying which succeed
        (:func:`~argmap.semantics.defeat.defeat_mask`); default: every attack of
        positive weight. A secondary attack succeeds with the direct one it comes from.
        """
        live = self.att_w > 0 if defeats is None else np.asarray(defeats, dtype=bool)
        src, dst, origin = self.dung_edges()
        keep = live[origin]
        return src[keep], dst[keep]

    def dung_edges(self) -> tuple[IntArray, IntArray, IntArray]:
        """Every attack of the Dung projection whatever its weight, direct ones first
        and then the secondary ones, with the attack edge each comes from
        (``origin``): a defeat mask over attack edges, indexed by ``origin``, says
        which of them succeed (:meth:`dung_attacks`, and per sample
        :func:`~argmap.semantics.dung.labelling.grounded_labels_batch`). Computed
        once per framework."""
        return self._dung_edges

    @cached_property
    def _dung_edges(self) -> tuple[IntArray, IntArray, IntArray]:
        necessary = self.sup_necessary
        n_src, n_dst = self.sup_src[necessary], self.sup_dst[necessary]
        # attacker X of premise P, P necessary for A  =>  X attacks A
        order = np.argsort(self.att_dst, kind="stable")
        s_dst = self.att_dst[order]
        lo = np.searchsorted(s_dst, n_src, side="left")
        hi = np.searchsorted(s_dst, n_src, side="right")
        counts = hi - lo
        idx = np.repeat(lo - np.cumsum(np.r_[0, counts[:-1]]), counts) + np.arange(counts.sum())
        secondary = order[idx]
        src = np.concatenate([self.att_src, self.att_src[secondary]]).astype(np.int32)
        dst = np.concatenate([self.att_dst, np.repeat(n_dst, counts)]).astype(np.int32)
        origin = np.concatenate([np.arange(self.att_src.size), secondary]).astype(np.int32)
        for arr in (src, dst, origin):
            arr.setflags(write=False)
        return src, dst, origin

    def abstract(self, defeats: npt.ArrayLike | None = None) -> AF:
        """The Dung projection (see the module docstring) as an
        :class:`~argmap.semantics.dung.af.AF` with the same node order and names,
        over the attack edges that ``defeats`` marks (default: all of positive
        weight)."""

        src, dst = self.dung_attacks(defeats)
        return AF.from_arrays(self.ids, src, dst)

    def find_cycle(self) -> list[str] | None:
        """Ids along one directed cycle of attacks and supports, or None if acyclic."""

        plan = schedule(self)
        if plan.cyclic is None:
            return None
        inside = set(plan.cyclic.nodes.tolist())
        succ: dict[int, set[int]] = {}
        pairs = zip(
            np.r_[self.att_src, self.sup_src].tolist(),
            np.r_[self.att_dst, self.sup_dst].tolist(),
            strict=True,
        )
        for s, d in pairs:
            if s in inside and d in inside:
                succ.setdefault(s, set()).add(d)
        # prune nodes merely downstream of a cycle: then every node left has a
        # successor left, and following successors must come back round
        changed = True
        while changed:
            changed = False
            for node in list(inside):
                if not succ.get(node, set()) & inside:
                    inside.discard(node)
                    changed = True
        node = min(inside)
        seen: dict[int, int] = {}
        path: list[int] = []
        while node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = min(succ[node] & inside)
        return [self.ids[i] for i in path[seen[node] :]]


def compile_case(case: Case, values: Mapping[str, float] | None = None) -> Framework:
    """Compile ``case`` into a :class:`Framework` at the given parameter values.

    Parameters
    ----------
    case : Case
        A validated case.
    values : mapping, optional
        Parameter values overriding the case's own ``value`` fields.

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

    params = dict(case.parameter_values)
    if values:
        unknown = sorted(set(values) - set(params))
        if unknown:
            raise SolverError("unknown parameter(s): " + ", ".join(unknown))
        params.update({k: float(v) for k, v in values.items()})
    dropped: dict[str, str] = {}
    precedents = {p.id: p for p in case.precedents}
    for arg in case.arguments:
        if arg.precedent is not None and not is_applicable(arg, precedents[arg.precedent]):
            p = precedents[arg.precedent]
            state = p.outcome.value if p.outcome is not None else p.status.value
            dropped[arg.id] = (
                f"applies only if {p.id} is decided for the "
                f"{arg.applies_if.value if arg.applies_if else '?'}; it is {state}"
            )
    ids: list[str] = []
    kinds: list[str] = []
    exprs: list[str | float] = []
    paths: list[str] = []  # where each expression is written, for error messages
    for section, kind in _SECTIONS:
        for i, node in enumerate(getattr(case, section)):
            if node.id in dropped:
                continue
            ids.append(node.id)
            kinds.append(kind)
            paths.append(f"{section}[{i}].{SCORE_FIELD.get(kind, 'weight')}")
            if kind == "claim":
                exprs.append(node.base_score)
            elif kind == "evidence":
                exprs.append(node.reliability)
            elif kind == "precedent":
                exprs.append(node.authority)
            elif kind == "event":
                exprs.append(1.0)
            elif node.weight is not None:
                exprs.append(node.weight)
            elif node.precedent is not None:
                exprs.append(_precedent_weight_expr(case, node))
            else:
                exprs.append(1.0)
    index = {name: i for i, name in enumerate(ids)}
    att: list[tuple[int, int, str | float, int]] = []
    sup: list[tuple[int, int, str | float, int]] = []
    contraries = _contrary_pairs(case)
    # (src, dst, is support, kind code) -> where the relation's weight is written
    edge_paths: dict[tuple[int, int, bool, int], str] = {}
    named = {rel.id for rel in case.relations if rel.id is not None}
    placed: dict[str, tuple[bool, int]] = {}  # relation id -> (is support, edge index)
    higher: list[tuple[int, str, str | float, int]] = []  # (origin, target id, weight, r)
    for r, rel in enumerate(case.relations):
        if rel.origin in dropped or rel.target in dropped:
            continue
        w: str | float = 1.0 if rel.weight is None else rel.weight
        if rel.target in named and rel.target not in index:
            higher.append((index[rel.origin], rel.target, w, r))
            continue
        edge = (index[rel.origin], index[rel.target], w)
        support = rel.kind is RelationKind.SUPPORT
        if support:
            code = 0
        elif rel.kind is RelationKind.REBUT and (rel.origin, rel.target) in contraries:
            code = ATTACK_KINDS.index("contrary")
        else:
            code = ATTACK_KINDS.index(rel.kind.value)
        edge_paths[(edge[0], edge[1], support, code)] = f"relations[{r}].weight"
        if rel.id is not None:
            placed[rel.id] = (support, len(sup) if support else len(att))
        (sup if support else att).append((*edge, code))
    att += _exclusion_attacks(case, index)
    for arg in case.arguments:
        if arg.id in dropped:
            continue
        a = index[arg.id]
        for premise in arg.premises:
            sup.append((index[premise], a, 1.0, 1))
        if arg.precedent is not None:
            sup.append((index[arg.precedent], a, 1.0, 3))
        if arg.stance is Stance.PRO:
            sup.append((a, index[arg.conclusion], 1.0, 2))
        else:
            att.append((a, index[arg.conclusion], 1.0, 3))

    def arrays(
        edges: list[tuple[int, int, str | float, int]], support: bool
    ) -> tuple[IntArray, IntArray, FloatArray, npt.NDArray[np.int8]]:
        src = np.array([e[0] for e in edges], dtype=np.int32)
        dst = np.array([e[1] for e in edges], dtype=np.int32)
        w = np.array(
            [_score(e[2], params, edge_paths.get((e[0], e[1], support, e[3]))) for e in edges],
            dtype=np.float64,
        )
        kind = np.array([e[3] for e in edges], dtype=np.int8)
        for arr in (src, dst, w, kind):
            arr.setflags(write=False)
        return src, dst, w, kind

    try:
        a_src, a_dst, a_w, a_kind = arrays(att, False)
        s_src, s_dst, s_w, s_kind = arrays(sup, True)
        base = np.array([_score(e, params, p) for e, p in zip(exprs, paths, strict=True)])
        kept = [h for h in higher if h[1] in placed]  # a dropped target takes its undercut
        hoa_w = np.array(
            [_score(h[2], params, f"relations[{h[3]}].weight") for h in kept], dtype=np.float64
        )
    except CaseError as exc:
        raise CaseError(locate(case, exc.problems)) from None
    hoa_src = np.array([h[0] for h in kept], dtype=np.int32)
    hoa_att = np.array([-1 if placed[h[1]][0] else placed[h[1]][1] for h in kept], np.int32)
    hoa_sup = np.array([placed[h[1]][1] if placed[h[1]][0] else -1 for h in kept], np.int32)
    base.setflags(write=False)
    framework = Framework(
        ids=tuple(ids),
        kinds=tuple(kinds),
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
        base_expressions=tuple(exprs),
        edge_expressions=tuple(e[2] for e in att) + tuple(e[2] for e in sup),
        values=params,
        dropped=dropped,
        defeat=(case.defeat.rule, case.defeat.ordering, case.defeat.comparison),
        hoa_src=hoa_src,
        hoa_att=hoa_att,
        hoa_sup=hoa_sup,
        hoa_w=hoa_w,
    )
    return add_open_questions(case, framework, params)


def _exclusion_attacks(
    case: Case, index: Mapping[str, int]
) -> list[tuple[int, int, str | float, int]]:
    """The attacks that declared contraries add (:mod:`argmap.model.contraries`).

    Two contradictories rebut each other: a rebut drawn one way gets its mirror with
    the same weight, and when none is drawn both get weight 1. A contrary attacks the
    claim it excludes with weight 1 unless a rebut is drawn along it (the relation loop
    gives that rebut the kind ``contrary`` instead, see :func:`_contrary_pairs`)."""
    rebut, contrary = ATTACK_KINDS.index("rebut"), ATTACK_KINDS.index("contrary")
    drawn = {
        (rel.origin, rel.target): (1.0 if rel.weight is None else rel.weight)
        for rel in case.relations
        if rel.kind is RelationKind.REBUT
    }
    added: list[tuple[int, int, str | float, int]] = []
    for exclusion in case.contraries:
        a, b = exclusion.claims
        if a not in index or b not in index:
            continue
        if exclusion.kind is ExclusionKind.CONTRARY:
            if (a, b) not in drawn:
                added.append((index[a], index[b], 1.0, contrary))
            continue
        forward, backward = drawn.get((a, b)), drawn.get((b, a))
        if forward is None and backward is None:
            added += [(index[a], index[b], 1.0, rebut), (index[b], index[a], 1.0, rebut)]
        elif forward is None and backward is not None:
            added.append((index[a], index[b], backward, rebut))
        elif backward is None and forward is not None:
            added.append((index[b], index[a], forward, rebut))
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
