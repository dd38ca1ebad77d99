"""Carneades proof standards, and how a claim's pro and con weights are read.

The standards are those of Gordon, Prakken and Walton (2007), with ``pro`` and ``con``
the weights of the applicable arguments for and against a statement (strict
inequalities throughout, as in the paper):

- scintilla: at least one applicable pro argument, whatever its weight;
- preponderance: scintilla, and max pro > max con;
- clear and convincing: max pro > alpha and max pro - max con > beta;
- beyond reasonable doubt: clear and convincing, and max con < gamma;
- dialectical validity: at least one applicable pro argument and no applicable con
  argument, whatever its weight (a con of weight 0 still blocks it).

An empty list has maximum 0. Scintilla and dialectical validity count arguments, not
weights: an argument is applicable when it is listed, and its weight does not matter.
The thresholds come from the claim's issue (:class:`~argmap.model.ProofStandard`,
defaults alpha = 0.5, beta = 0.3, gamma = 0.2).

**Reading the evaluated graph** (:func:`standard_outcomes`). For a claim C, the pro
weights are, for every support edge ``X -> C`` of the compiled framework (a support
relation, or a pro argument for C), ``strength(X) * weight(edge)``; the con weights
are the same over the attack edges into C (rebutters, underminers, con arguments).
The strength is the gradual strength, so an argument with weak premises or strong
undercutters counts for little. When Dung labels are given, an argument or supporter
labelled ``out`` is not *applicable* (Carneades: its premises do not hold or it is
defeated) and contributes nothing. A claim without an issue has no standard.

**Burdens** (:func:`~argmap.semantics.compile.claim_burdens`). An issue, or a claim,
says who bears the burden of persuasion (``burden``) and, where it differs, of
production (``production``). The bearer of persuasion must meet the standard; a claim
with a burden but no issue is held to preponderance. The burden of production is met
when at least one applicable argument for the claim was brought forward; without one
the standard is not met whatever the claim's strength, so the claim is not accepted
(Prakken and Sartor 2009).

References
----------
H. Prakken, G. Sartor. A logical analysis of burdens of proof. In Legal Evidence and
Proof: Statistics, Stories, Logic, Ashgate 2009.

T. F. Gordon, H. Prakken, D. Walton. The Carneades model of argument and burden of
proof. Artificial Intelligence 171(10-15), 875-896, 2007.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import numpy.typing as npt

from argmap.vocabulary import ProofReading, StandardName

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model import ProofStandard
    from argmap.semantics.compile import Framework

__all__ = [
    "Burden",
    "claim_weights",
    "meets",
    "meets_many",
    "read_standard",
    "standard_outcomes",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def meets(standard: ProofStandard, pro: Sequence[float], con: Sequence[float]) -> bool:
    """Whether applicable weights ``pro`` and ``con`` meet ``standard``.

    Examples
    --------
    >>> from argmap.model import ProofStandard
    >>> meets(ProofStandard(name="preponderance"), [0.6], [0.4])
    True
    >>> meets(ProofStandard(name="dialectical_validity"), [0.6], [0.4])
    False
    >>> meets(ProofStandard(name="dialectical_validity"), [0.6], [0.0])  # a con blocks it
    False
    """
    result = meets_many(
        standard,
        np.asarray([list(pro)], dtype=float).reshape(1, -1),
        np.asarray([list(con)], dtype=float).reshape(1, -1),
    )
    return bool(result[0])


def meets_many(standard: ProofStandard, pro: npt.ArrayLike, con: npt.ArrayLike) -> BoolArray:
    """Vectorized :func:`meets`: ``pro`` is ``(S, k)``, ``con`` is ``(S, m)``; one
    verdict per row. Columns may be zero (no argument on that side), and a NaN entry
    is an argument that is not applicable in that row (it does not count, not even
    for scintilla or dialectical validity).

    Examples
    --------
    >>> import numpy as np
    >>> from argmap.model import ProofStandard
    >>> dv = ProofStandard(name="dialectical_validity")
    >>> meets_many(dv, [[0.6], [0.6]], [[0.0], [np.nan]]).tolist()
    [False, True]
    """
    p = np.atleast_2d(np.asarray(pro, dtype=np.float64))
    c = np.atleast_2d(np.asarray(con, dtype=np.float64))
    rows = max(p.shape[0], c.shape[0])
    p_live, c_live = ~np.isnan(p), ~np.isnan(c)
    max_pro = np.where(p_live, p, 0.0).max(axis=1, initial=0.0)
    max_con = np.where(c_live, c, 0.0).max(axis=1, initial=0.0)
    any_pro, any_con = p_live.any(axis=1), c_live.any(axis=1)
    name = standard.name
    if name is StandardName.SCINTILLA:
        out = any_pro
    elif name is StandardName.PREPONDERANCE:
        out = any_pro & (max_pro > max_con)
    elif name is StandardName.DIALECTICAL_VALIDITY:
        out = any_pro & ~any_con
    else:
        out = any_pro & (max_pro > standard.alpha) & (max_pro - max_con > standard.beta)
        if name is StandardName.BEYOND_REASONABLE_DOUBT:
            out &= max_con < standard.gamma
    result: BoolArray = np.broadcast_to(out, (rows,)).copy()
    return result


@dataclass(frozen=True)
class Burden:
    """Who bears the burdens on one claim: ``persuasion`` (must meet the proof
    standard) and ``production`` (must bring forward at least one applicable argument
    for it); each a side (``plaintiff`` / ``defendant``) or None."""

    persuasion: str | None = None
    production: str | None = None

    def __str__(self) -> str:
        if self.persuasion is None and self.production is None:
            return "-"
        if self.production in (None, self.persuasion):
            return str(self.persuasion)
        return f"{self.persuasion or '-'} (production: {self.production})"


class _Incoming:
    """The edges into each node, grouped once (a stable sort by target), so reading the
    pro and con weights of every claim costs the edges into it, not all edges."""

    def __init__(self, dst: npt.NDArray[np.int32], n: int) -> None:
        self.order = np.argsort(dst, kind="stable")
        self.starts = np.searchsorted(dst[self.order], np.arange(n + 1))

    def edges(self, j: int) -> npt.NDArray[np.intp]:
        """Indices of the edges into node ``j``, ascending."""
        out: npt.NDArray[np.intp] = self.order[self.starts[j] : self.starts[j + 1]]
        return out


class _Side(NamedTuple):
    """One side (pro or con) of a claim over every edge into it: ``values`` is
    ``strength(source) * weight`` ``(S, k)``, ``applicable`` says per row whether the
    edge counts (its source not labelled out, its weight positive) ``(S or 1, k)``."""

    values: FloatArray
    applicable: BoolArray

    def with_gaps(self) -> FloatArray:
        """The values with NaN where the edge is not applicable (as :func:`meets_many`
        reads them)."""
        shape = np.broadcast_shapes(self.values.shape, self.applicable.shape)
        out: FloatArray = np.where(self.applicable, self.values, np.nan)
        return np.broadcast_to(out, shape)


def _side(
    src: npt.NDArray[np.int32],
    weights: FloatArray,
    edges: npt.NDArray[np.intp],
    s: FloatArray,
    live: BoolArray,
) -> _Side:
    """The reading of one side (module docstring): ``weights`` ``(S or 1, E)``,
    ``s`` strengths ``(S, N)``, ``live`` ``(S or 1, N)`` nodes not labelled out."""
    w = weights[:, edges]
    sources = src[edges]
    # a relation of weight 0 is no relation (module docstring)
    return _Side(s[:, sources] * w, live[:, sources] & (w > 0))


def _live(framework: Framework, labels: npt.ArrayLike | None) -> BoolArray:
    """Nodes not labelled out, ``(1, N)`` or ``(S, N)`` for per-sample labels."""
    if labels is None:
        return np.ones((1, framework.n), dtype=bool)
    live: BoolArray = np.atleast_2d(np.asarray(labels) != -1)
    return live


def _edge_weights(
    framework: Framework, edge_weights: npt.ArrayLike | None
) -> tuple[FloatArray, FloatArray]:
    """Attack and support weights ``(S or 1, A)``, ``(S or 1, U)``: the compiled
    ones, or per-sample ``edge_weights`` (attacks, then supports)."""
    if edge_weights is None:
        return framework.att_w[np.newaxis, :], framework.sup_w[np.newaxis, :]
    w = np.atleast_2d(np.asarray(edge_weights, dtype=np.float64))
    n_att = framework.att_src.size
    return w[:, :n_att], w[:, n_att:]


def read_standard(
    reading: ProofReading,
    by_arguments: npt.ArrayLike,
    strength: npt.ArrayLike,
    threshold: float | None,
    rival_strengths: npt.ArrayLike | None = None,
    produced: npt.ArrayLike | None = None,
) -> BoolArray:
    """Whether a claim meets its standard under the case's ``reading``, one verdict
    per sample.

    ``produced``, given when someone bears the burden of production on the claim,
    says per sample whether some applicable argument for it was brought forward;
    without one the burden is not met, and neither is the standard.

    ``by_arguments`` is the Carneades verdict over argument weights (:func:`meets_many`),
    ``strength`` the claim's final strength ``(S,)``, ``rival_strengths`` those of the
    claims that exclude it ``(S, k)``. Under either reading a claim must be stronger
    than ``threshold`` (when there is one) and than every rival; under ``carneades``
    the argument test must hold as well; dialectical validity (no threshold) is always
    the argument test.

    Examples
    --------
    >>> read_standard(ProofReading.STRENGTH, [True, True], [0.4, 0.6], 0.5).tolist()
    [False, True]
    >>> read_standard(ProofReading.CARNEADES, [False, True], [0.9, 0.9], 0.5).tolist()
    [False, True]
    >>> read_standard(ProofReading.STRENGTH, [True], [0.6], 0.5, [[0.7]]).tolist()
    [False]
    """
    carneades = np.atleast_1d(np.asarray(by_arguments, dtype=bool))
    s = np.atleast_1d(np.asarray(strength, dtype=np.float64))
    strong = np.ones(s.shape, dtype=bool) if threshold is None else s > threshold
    if rival_strengths is not None:
        rivals = np.asarray(rival_strengths, dtype=np.float64).reshape(s.shape[0], -1)
        if rivals.shape[1]:
            strong &= s > rivals.max(axis=1)
    if threshold is None:
        out: BoolArray = carneades & strong
    elif reading is ProofReading.CARNEADES:
        out = carneades & strong
    else:
        out = np.broadcast_to(strong, carneades.shape).copy()
    if produced is not None:
        out &= np.asarray(produced, dtype=bool)
    return out


def claim_weights(
    framework: Framework,
    claim_id: str,
    strengths: npt.ArrayLike,
    labels: npt.ArrayLike | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Applicable pro and con weights of one claim, ``(S, k)`` and ``(S, m)``.

    ``strengths`` is ``(N,)`` or ``(S, N)``; ``labels`` (1 in, -1 out, 0 undec per
    node) marks nodes labelled out as not applicable (module docstring). An edge of
    weight 0 is no argument at all: it is left out, as if the relation were absent.

    Examples
    --------
    >>> from argmap.model import Case, Claim, Relation
    >>> from argmap.semantics.compile import compile_case
    >>> fw = compile_case(Case(title="t", claims=[
    ...     Claim(id="A", text="a"), Claim(id="B", text="b"), Claim(id="C", text="c")],
    ...     relations=[Relation(kind="support", origin="A", target="C", weight=0.5),
    ...                Relation(kind="rebut", origin="B", target="C")]))
    >>> pro, con = claim_weights(fw, "C", [0.8, 0.4, 0.5])
    >>> pro.tolist(), con.tolist()
    ([[0.4]], [[0.4]])
    """
    s = np.atleast_2d(np.asarray(strengths, dtype=np.float64))
    j = framework.index[claim_id]
    live = _live(framework, labels)[:1]
    att_w, sup_w = _edge_weights(framework, None)
    pro = _side(framework.sup_src, sup_w, np.flatnonzero(framework.sup_dst == j), s, live)
    con = _side(framework.att_src, att_w, np.flatnonzero(framework.att_dst == j), s, live)
    return pro.values[:, pro.applicable[0]], con.values[:, con.applicable[0]]


def standard_outcomes(
    framework: Framework,
    strengths: npt.ArrayLike,
    labels: npt.ArrayLike | None = None,
    *,
    edge_weights: npt.ArrayLike | None = None,
    claims: Sequence[str] | None = None,
) -> dict[str, bool] | dict[str, BoolArray]:
    """Whether each claim with a proof standard meets it.

    With ``strengths`` of shape ``(N,)`` the values are bools; with ``(S, N)`` they
    are boolean arrays of length ``S`` (one verdict per sample). ``labels`` are one
    labelling ``(N,)`` or one per sample ``(S, N)``; ``edge_weights`` per-sample edge
    weights ``(S, E)`` (attacks, then supports; default the compiled ones). The pro and
    con weights are those of :func:`claim_weights`, read for all ``claims`` (default:
    every claim of the case, in file order) in one pass over the edges; everything
    else (standards, thresholds, rivals, burdens, the reading) comes compiled in
    ``framework``.

    Examples
    --------
    >>> from argmap.model import Case, Claim, Issue, Relation
    >>> from argmap.semantics.compile import compile_case
    >>> fw = compile_case(Case(title="t", issues=[Issue(id="I", question="q")],
    ...     claims=[Claim(id="C", text="c", issue="I", burden="plaintiff"),
    ...             Claim(id="D", text="d")],
    ...     relations=[Relation(kind="support", origin="D", target="C")]))
    >>> standard_outcomes(fw, [0.6, 0.5])
    {'C': True}
    >>> standard_outcomes(fw, [0.6, 0.5], [1, -1])  # out: no argument produced for C
    {'C': False}
    """
    single = np.asarray(strengths).ndim == 1
    s = np.atleast_2d(np.asarray(strengths, dtype=np.float64))
    live = _live(framework, labels)
    att_w, sup_w = _edge_weights(framework, edge_weights)
    supports = _Incoming(framework.sup_dst, framework.n)
    attacks = _Incoming(framework.att_dst, framework.n)
    producing = {k for k, b in framework.burdens.items() if b.production is not None}
    out: dict[str, BoolArray] = {}
    for claim in framework.claims if claims is None else claims:
        standard = framework.standards.get(claim)
        if standard is None or claim in out or claim not in framework.index:
            continue
        j = framework.index[claim]
        pro = _side(framework.sup_src, sup_w, supports.edges(j), s, live)
        con = _side(framework.att_src, att_w, attacks.edges(j), s, live)
        pro_gaps = pro.with_gaps()
        rivals = [
            framework.index[r] for r in framework.rivals.get(claim, ()) if r in framework.index
        ]
        produced = ~np.isnan(pro_gaps).all(axis=1) if claim in producing else None
        out[claim] = read_standard(
            framework.reading,
            meets_many(standard, pro_gaps, con.with_gaps()),
            s[:, j],
            framework.thresholds.get(claim),
            s[:, rivals],
            produced,
        )
    if single:
        return {claim: bool(verdict[0]) for claim, verdict in out.items()}
    return out
