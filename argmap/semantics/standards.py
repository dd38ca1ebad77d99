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

**Burdens** (:func:`claim_burdens`). An issue, or a claim, says who bears the burden
of persuasion (``burden``) and, where it differs, of production (``production``). The
bearer of persuasion must meet the standard; a claim with a burden but no issue is
held to preponderance. The burden of production is met when at least one applicable
argument for the claim was brought forward; without one the standard is not met
whatever the claim's strength, so the claim is not accepted (Prakken and Sartor 2009).

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
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from argmap.model import (
    DEFAULT_THRESHOLDS,
    Case,
    Issue,
    ProofReading,
    ProofStandard,
    StandardName,
)

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.compile import Framework

__all__ = [
    "Burden",
    "claim_burdens",
    "claim_standards",
    "claim_weights",
    "issue_burden",
    "meets",
    "meets_many",
    "read_standard",
    "rivals_of",
    "standard_of",
    "standard_outcomes",
    "threshold_of",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def meets(standard: ProofStandard, pro: Sequence[float], con: Sequence[float]) -> bool:
    """Whether applicable weights ``pro`` and ``con`` meet ``standard``.

    Examples
    --------
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


def standard_of(case: Case, claim_id: str) -> ProofStandard | None:
    """The proof standard of the claim's issue, or None when it has no issue.

    One look-up walks the case; to ask for many claims use :func:`claim_standards`,
    which walks it once.
    """
    return claim_standards(case).get(claim_id)


def claim_standards(case: Case) -> dict[str, ProofStandard]:
    """The proof standard of every claim that has an issue, by claim id.

    Built in one pass over the issues and the claims, so evaluating a case with many
    claims stays linear (a per-claim search of the case was quadratic). The first of
    two nodes sharing an id wins, as in a search from the top of the file.

    Examples
    --------
    >>> from argmap.model import Claim, Issue
    >>> case = Case(
    ...     title="demo",
    ...     issues=[Issue(id="I1", question="Lawful?")],
    ...     claims=[Claim(id="C1", text="Yes", issue="I1"), Claim(id="C2", text="No")],
    ... )
    >>> {k: v.name.value for k, v in claim_standards(case).items()}
    {'C1': 'preponderance'}
    """
    by_issue: dict[str, ProofStandard] = {}
    for issue in case.issues:
        by_issue.setdefault(issue.id, issue.proof_standard)
    out: dict[str, ProofStandard] = {}
    seen: set[str] = set()
    for claim in case.claims:
        if claim.id in seen:
            continue
        seen.add(claim.id)
        if claim.issue is not None:
            out[claim.id] = by_issue[claim.issue]
        elif claim.burden is not None or claim.production is not None:
            # a burden without an issue: the claim must still be made out, more
            # likely than not
            out[claim.id] = ProofStandard()
    return out


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


def issue_burden(issue: Issue) -> str | None:
    """Who bears an issue's burdens, as :class:`Burden` writes it (None: nobody)."""
    persuasion = issue.burden.value if issue.burden is not None else None
    production = issue.production.value if issue.production is not None else persuasion
    if persuasion is None and production is None:
        return None
    return str(Burden(persuasion, production))


def claim_burdens(case: Case) -> dict[str, Burden]:
    """Who bears each claim's burdens, by claim id (claims with no burden left out).

    A claim's own ``burden`` / ``production`` win over its issue's; production falls
    to whoever bears persuasion unless it is said otherwise (Prakken and Sartor 2009).

    Examples
    --------
    >>> from argmap.model import Claim, Issue
    >>> case = Case(
    ...     title="demo",
    ...     issues=[Issue(id="I", question="Lawful?", burden="plaintiff")],
    ...     claims=[Claim(id="C", text="Unlawful", issue="I"),
    ...             Claim(id="F", text="Fair use", issue="I", burden="defendant")],
    ... )
    >>> {k: str(v) for k, v in claim_burdens(case).items()}
    {'C': 'plaintiff', 'F': 'defendant'}
    """
    issues = {i.id: i for i in case.issues}
    out: dict[str, Burden] = {}
    for claim in case.claims:
        issue = issues.get(claim.issue) if claim.issue is not None else None
        persuasion = claim.burden or (issue.burden if issue is not None else None)
        production = claim.production or (issue.production if issue is not None else None)
        production = production or persuasion
        if persuasion is None and production is None:
            continue
        out.setdefault(
            claim.id,
            Burden(
                persuasion.value if persuasion is not None else None,
                production.value if production is not None else None,
            ),
        )
    return out


class _Incoming:
    """The edges into each node, grouped once (a stable sort by target), so reading the
    pro and con weights of every claim costs the edges into it, not all edges."""

    def __init__(
        self, src: npt.NDArray[np.int32], dst: npt.NDArray[np.int32], w: FloatArray, n: int
    ) -> None:
        self.src = src
        self.positive = w > 0  # a relation of weight 0 is no relation (module docstring)
        self.order = np.argsort(dst, kind="stable")
        self.starts = np.searchsorted(dst[self.order], np.arange(n + 1))

    def edges(self, j: int, live: BoolArray) -> npt.NDArray[np.intp]:
        """Indices of the edges into node ``j`` of positive weight whose source is
        live, ascending (as :func:`claim_weights` picks them)."""
        edges = self.order[self.starts[j] : self.starts[j + 1]]
        out: npt.NDArray[np.intp] = edges[live[self.src[edges]] & self.positive[edges]]
        return out


def threshold_of(case: Case, standard: ProofStandard) -> float | None:
    """The strength a claim must exceed under ``standard``: the issue's own
    ``threshold``, else the case's (``proof.thresholds``), else the default
    (:data:`~argmap.model.DEFAULT_THRESHOLDS`); None for dialectical validity."""
    if standard.threshold is not None:
        return standard.threshold
    own = case.proof.thresholds.get(standard.name)
    return own if own is not None else DEFAULT_THRESHOLDS.get(standard.name)


def rivals_of(case: Case, claim_id: str) -> list[str]:
    """The claims declared to exclude ``claim_id``: its contradictories, and the
    contraries of which it is the excluded claim (:mod:`argmap.model.contraries`)."""
    found: list[str] = []
    for exclusion in case.contraries:
        first, second = exclusion.claims
        if second == claim_id:
            found.append(first)
        elif exclusion.symmetric and first == claim_id:
            found.append(second)
    return found


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
    """
    s = np.atleast_2d(np.asarray(strengths, dtype=np.float64))
    j = framework.index[claim_id]
    live = _live(framework, labels)

    def side(src: npt.NDArray[np.int32], dst: npt.NDArray[np.int32], w: FloatArray) -> FloatArray:
        edges = np.flatnonzero((dst == j) & live[src] & (w > 0))
        out: FloatArray = s[:, src[edges]] * w[edges]
        return out

    return (
        side(framework.sup_src, framework.sup_dst, framework.sup_w),
        side(framework.att_src, framework.att_dst, framework.att_w),
    )


def _live(framework: Framework, labels: npt.ArrayLike | None) -> BoolArray:
    if labels is None:
        return np.ones(framework.n, dtype=bool)
    live: BoolArray = np.asarray(labels).ravel() != -1
    return live


def standard_outcomes(
    case: Case,
    framework: Framework,
    strengths: npt.ArrayLike,
    labels: npt.ArrayLike | None = None,
) -> dict[str, bool] | dict[str, BoolArray]:
    """Whether each claim with an issue meets that issue's proof standard.

    With ``strengths`` of shape ``(N,)`` the values are bools; with ``(S, N)`` they
    are boolean arrays of length ``S`` (one verdict per sample). The same weights as
    :func:`claim_weights`, read for all claims in one pass over the edges.
    """
    single = np.asarray(strengths).ndim == 1
    s = np.atleast_2d(np.asarray(strengths, dtype=np.float64))
    live = _live(framework, labels)
    standards = claim_standards(case)
    burdens = {k for k, b in claim_burdens(case).items() if b.production is not None}
    supports = _Incoming(framework.sup_src, framework.sup_dst, framework.sup_w, framework.n)
    attacks = _Incoming(framework.att_src, framework.att_dst, framework.att_w, framework.n)
    flat: dict[str, bool] = {}
    many: dict[str, BoolArray] = {}
    for claim in case.claims:
        standard = standards.get(claim.id)
        if standard is None or claim.id not in framework.index:
            continue
        j = framework.index[claim.id]
        sup, att = supports.edges(j, live), attacks.edges(j, live)
        pro = s[:, framework.sup_src[sup]] * framework.sup_w[sup]
        con = s[:, framework.att_src[att]] * framework.att_w[att]
        rivals = [framework.index[r] for r in rivals_of(case, claim.id) if r in framework.index]
        verdict = read_standard(
            case.proof.reading,
            meets_many(standard, pro, con),
            s[:, j],
            threshold_of(case, standard),
            s[:, rivals],
            np.full(s.shape[0], pro.shape[1] > 0) if claim.id in burdens else None,
        )
        if single:
            flat[claim.id] = bool(verdict[0])
        else:
            many[claim.id] = verdict
    return flat if single else many
