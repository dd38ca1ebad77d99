"""The compiled form of a case: what every semantics reads, and nothing else.

A :class:`Framework` is built once per case state by
:func:`~argmap.semantics.compile.compile_case` (the projection is written down in
:mod:`argmap.semantics.compile` and ``docs/semantics.md``) and handed to evaluation,
explanations, Monte Carlo and thresholds. It holds plain arrays, ids and the few
validated values the semantics need (proof standards, burdens, thresholds, rivals,
parameter distributions), so it pickles cheaply for worker processes and no
semantics module has to read the pydantic case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from argmap.model import Parameter, ProofReading, ProofStandard, parse_expression
from argmap.semantics.dung.af import AF
from argmap.semantics.gradual.qbaf import schedule
from argmap.semantics.scoring import ATTACK_KINDS, SUPPORT_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.compile.questions import OpenQuestion
    from argmap.semantics.standards import Burden

__all__ = ["ATTACK_KINDS", "SUPPORT_KINDS", "FloatArray", "Framework", "IntArray"]

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Framework:
    """A case compiled to arrays (see the module docstring for the projection).

    Attributes
    ----------
    ids, kinds : tuple of str
        Node ids and kinds (claim, evidence, argument, precedent, event, and
        ``question`` for the implicit undercutter of an open critical question,
        :mod:`argmap.semantics.critical_questions`).
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
    title : str
        The case's title (evaluations carry it).
    order : tuple of str
        Every node id of the case in file order, dropped arguments included: the
        order results are listed in.
    claims : tuple of str
        The case's claim ids in file order (compiled or not).
    standards : dict
        Claim id -> the proof standard it must meet (its issue's; preponderance for a
        claim with a burden but no issue), for claims that have one.
    burdens : dict
        Claim id -> who bears its burdens (:class:`~argmap.semantics.standards.Burden`),
        for claims with a burden.
    thresholds : dict
        Claim id -> the strength it must exceed under its standard, or None (claims
        with a standard only; :func:`~argmap.semantics.compile.threshold_of`).
    rivals : dict
        Claim id -> the claims declared to exclude it (claims with a standard only).
    reading : ProofReading
        How proof standards are read (``proof.reading``).
    declared : tuple of Parameter
        The case's parameters as declared, with their distributions (what Monte Carlo
        draws from).
    as_of : datetime.date or None
        The date the case was read as of (:func:`argmap.model.as_of.at_date`), if any.
    unknown : dict
        Node id -> kind of the nodes of the case not yet known on ``as_of`` (left out
        of the framework; an evaluation lists them ``out`` with strength 0).
    conflicts : tuple of str
        The decisions the case base forbids a fortiori, in words
        (:func:`~argmap.semantics.precedent.a_fortiori_conflicts`).
    precedent_weights : dict
        Argument from precedent -> its weight in words and numbers
        (:func:`~argmap.semantics.precedent.describe_weight`), in case order.
    conclusions : dict
        Argument id -> the claim it concludes (compiled or not).
    questions : tuple of OpenQuestion
        Every open critical question of the case's arguments, in file order, those
        of weight 0 included (:func:`~argmap.semantics.critical_questions.open_questions`).
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
    title: str = ""
    order: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    standards: dict[str, ProofStandard] = field(default_factory=dict)
    burdens: dict[str, Burden] = field(default_factory=dict)
    thresholds: dict[str, float | None] = field(default_factory=dict)
    rivals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reading: ProofReading = ProofReading.STRENGTH
    declared: tuple[Parameter, ...] = ()
    as_of: dt.date | None = None
    unknown: dict[str, str] = field(default_factory=dict)
    conflicts: tuple[str, ...] = ()
    precedent_weights: dict[str, str] = field(default_factory=dict)
    conclusions: dict[str, str] = field(default_factory=dict)
    questions: tuple[OpenQuestion, ...] = ()

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
