"""Preference-based defeat on a compiled case: which attacks succeed.

An attack is not yet a defeat. Following ASPIC+ (Modgil and Prakken 2013) and the
preference-based frameworks of Amgoud and Cayrol (2002), a rebut or an undermine
succeeds only when the attacker is *not strictly weaker* than what it attacks, while
an undercut succeeds whatever the preference. The Dung semantics then run on the
defeats (:meth:`~argmap.semantics.compile.Framework.abstract`), so labels,
extensions and explanations answer to the weights of the case.

**Preference strength.** Every node of a compiled case stands for the arguments
that conclude it, and gets a *preference strength* ``P`` in [0, 1] from the weights
the case already has (base scores: claim ``base_score``, evidence ``reliability``,
argument ``weight``, precedent ``authority``; relation weights). It is static: it
does not depend on attacks, as in ASPIC+, where the argument ordering is given
before defeat is decided. Two orderings (Modgil and Prakken 2013, Def. 19-21):

- ``weakest-link`` (default): an argument is compared on *all* its defeasible
  rules and ordinary premises. Its set holds its own weight and, through each
  premise (and the precedent an argument from precedent relies on), the set of the
  best argument for that premise. A support relation ``X -> C`` of weight ``w`` is
  the defeasible rule ``X => C``: its argument's set is ``{w}`` with X's set.
- ``last-link``: an argument is compared on its last defeasible rules only: an
  argument node on its own weight, a support relation on its weight ``w``, a node
  without supporters (a premise) on its base score.

Sets of weights are compared as ASPIC+ compares sets (strict forms of the
tutorial, Modgil and Prakken 2014): ``elitist`` (default), ``G < H`` iff some
element of G is below every element of H, which on numbers is ``min G < min H``;
``democratic``, ``G < H`` iff every element of G is below some element of H, i.e.
``max G < max H``. So a set is summarised by its minimum (elitist) or maximum
(democratic), and the summaries compose along a chain of premises. A node with
several arguments for it (its own base score as a premise argument, supporting
relations, pro arguments) is as strong as the strongest of them.

**Defeat.** An attack edge ``X -> Y`` with weight ``w`` is the argument for X
extended by the defeasible rule "X, so not Y" of weight ``w`` (a con argument's
edge carries no rule of its own: the argument is the attacker). Its force ``F`` is
that argument's summary under the ordering. The attack defeats iff ``F > 0`` and
either it is an undercut, or the attack of a declared contrary
(:mod:`argmap.model.contraries`), or ``F >= P(Y)`` (Y is not strictly preferred). A relation
of weight 0, or an attacker of strength 0, therefore defeats nothing: it is exactly
as if it were absent. An attack on a premise defeats the arguments resting on it
(secondary attacks) iff it defeats the premise, as ASPIC+ compares the attacker
with the attacked sub-argument.

With ``rule="attack"`` every attack with positive weight is a defeat: the reading
of argmap before preferences (kept for comparison).

References
----------
L. Amgoud, C. Cayrol. A reasoning model based on the production of acceptable
arguments. Annals of Mathematics and Artificial Intelligence 34, 2002.

S. Modgil, H. Prakken. A general account of argumentation with preferences.
Artificial Intelligence 195, 2013.

S. Modgil, H. Prakken. The ASPIC+ framework for structured argumentation: a
tutorial. Argument & Computation 5(1), 2014.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from argmap.errors import SolverError

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.compile import Framework

__all__ = [
    "COMPARISONS",
    "DEFEAT_RULES",
    "ORDERINGS",
    "DefeatRule",
    "attack_forces",
    "check_defeat",
    "defeat_mask",
    "preference_strengths",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

ORDERINGS = ("weakest-link", "last-link")
"""Argument orderings of ASPIC+, the first the default."""
COMPARISONS = ("elitist", "democratic")
"""Set comparisons of ASPIC+, the first the default."""
DEFEAT_RULES = ("preference", "attack")
"""``preference``: attacks succeed as the preferences allow (default); ``attack``:
every attack of positive weight defeats."""


@dataclass(frozen=True)
class DefeatRule:
    """How attacks become defeats: the rule, the ordering and the set comparison.

    Examples
    --------
    >>> DefeatRule()
    DefeatRule(rule='preference', ordering='weakest-link', comparison='elitist')
    >>> check_defeat("attack")
    DefeatRule(rule='attack', ordering='weakest-link', comparison='elitist')
    """

    rule: Literal["preference", "attack"] = "preference"
    ordering: Literal["weakest-link", "last-link"] = "weakest-link"
    comparison: Literal["elitist", "democratic"] = "elitist"

    def __post_init__(self) -> None:
        for value, allowed, what in (
            (self.rule, DEFEAT_RULES, "defeat rule"),
            (self.ordering, ORDERINGS, "ordering"),
            (self.comparison, COMPARISONS, "set comparison"),
        ):
            if value not in allowed:
                raise SolverError(f"unknown {what} {value!r} (choose from {', '.join(allowed)})")


def check_defeat(
    rule: str | None = "preference",
    ordering: str | None = "weakest-link",
    comparison: str | None = "elitist",
    *,
    default: tuple[str, str, str] = ("preference", "weakest-link", "elitist"),
) -> DefeatRule:
    """A :class:`DefeatRule` from user text (case and ``_`` or ``-`` ignored), each
    part that is None taken from ``default`` (a case's own settings);
    SolverError for an unknown name."""

    def norm(text: str | None, fallback: str) -> str:
        return (fallback if text is None else text).strip().lower().replace("_", "-")

    return DefeatRule(
        norm(rule, default[0]),  # type: ignore[arg-type]
        norm(ordering, default[1]),  # type: ignore[arg-type]
        norm(comparison, default[2]),  # type: ignore[arg-type]
    )


def _node_major(values: npt.ArrayLike, width: int) -> tuple[FloatArray, bool]:
    """``(width, S)`` from ``(width,)`` or ``(S, width)``; True when it was 1-D."""
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim == 1:
        return arr[:, None], True
    return np.ascontiguousarray(arr.T), False


class _ByTarget:
    """Edges grouped by target once, for repeated reductions with a ufunc."""

    def __init__(self, dst: npt.NDArray[np.int32], keep: BoolArray) -> None:
        self.edges = np.flatnonzero(keep)
        order = np.argsort(dst[self.edges], kind="stable")
        self.edges = self.edges[order]
        targets = dst[self.edges]
        self.targets, self.starts = np.unique(targets, return_index=True)

    def reduce(self, values: FloatArray, ufunc: np.ufunc) -> FloatArray:
        """``ufunc``-reduction of ``values`` (one row per edge of this group, in
        :attr:`edges` order) per target: one row per :attr:`targets`."""
        out: FloatArray = ufunc.reduceat(values, self.starts, axis=0)
        return out


def preference_strengths(
    fw: Framework,
    base: npt.ArrayLike | None = None,
    sup_weights: npt.ArrayLike | None = None,
    ordering: str = "weakest-link",
    comparison: str = "elitist",
) -> FloatArray:
    """The preference strength ``P`` of every node (module docstring).

    Parameters
    ----------
    fw : Framework
        A compiled case.
    base : array_like, optional
        Base scores, ``(N,)`` or ``(S, N)`` for ``S`` samples; default ``fw.base``.
    sup_weights : array_like, optional
        Support edge weights, ``(E_sup,)`` or ``(S, E_sup)``; default ``fw.sup_w``.
    ordering, comparison : str
        See :data:`ORDERINGS` and :data:`COMPARISONS`.

    Returns
    -------
    ndarray
        ``(N,)`` or ``(S, N)``, like ``base``.

    Notes
    -----
    ``P`` is the least fixed point of its defining equations, reached by iteration
    from 0: every value is a base score or a weight, so it ends after at most one
    round per distinct value and node; a cycle of supports cannot lift itself.

    Examples
    --------
    >>> from argmap.model import Case, Claim, Evidence, Source, Relation
    >>> case = Case(title="t", sources=[Source(id="S", outlet="o", title="t")],
    ...             claims=[Claim(id="C", text="c", base_score=0.2)],
    ...             evidence=[Evidence(id="E", text="e", source="S", status="fact",
    ...                                reliability=0.7)],
    ...             relations=[Relation(kind="support", origin="E", target="C", weight=0.9)])
    >>> from argmap.semantics.compile import compile_case
    >>> preference_strengths(compile_case(case)).tolist()  # C: max(0.2, min(0.9, 0.7))
    [0.7, 0.7]
    >>> preference_strengths(compile_case(case), ordering="last-link").tolist()
    [0.9, 0.7]
    """
    spec = check_defeat("preference", ordering, comparison)
    b, single = _node_major(fw.base if base is None else base, fw.n)
    w, _ = _node_major(fw.sup_w if sup_weights is None else sup_weights, fw.sup_src.size)
    samples = max(b.shape[1], w.shape[1])
    b = np.broadcast_to(b, (b.shape[0], samples))
    w = np.broadcast_to(w, (w.shape[0], samples))
    single = single and samples == 1
    chain: np.ufunc = np.minimum if spec.comparison == "elitist" else np.maximum
    weakest = spec.ordering == "weakest-link"
    necessary = fw.sup_necessary
    is_pro = fw.sup_kind == 2  # the pro argument *is* the argument for its conclusion
    premises = _ByTarget(fw.sup_dst, necessary)
    alternatives = _ByTarget(fw.sup_dst, ~necessary)
    rule_w = w[alternatives.edges]
    pro_edge = is_pro[alternatives.edges][:, None]
    strengths = np.zeros_like(b)
    for _ in range(2 * fw.n + 2):
        own = b.copy()
        if weakest and premises.edges.size:
            through = premises.reduce(strengths[fw.sup_src[premises.edges]], chain)
            own[premises.targets] = chain(own[premises.targets], through)
        new = own
        if alternatives.edges.size:
            origin = strengths[fw.sup_src[alternatives.edges]]
            if weakest:
                argument = np.where(pro_edge, origin, chain(rule_w, origin))
            else:  # last link: the rule's own weight, or the pro argument's weight
                argument = np.where(pro_edge, b[fw.sup_src[alternatives.edges]], rule_w)
            best = alternatives.reduce(argument, np.maximum)
            new = own.copy()
            new[alternatives.targets] = np.maximum(new[alternatives.targets], best)
        if np.array_equal(new, strengths):
            break
        strengths = new
    out: FloatArray = strengths[:, 0] if single else strengths.T
    return out


def attack_forces(
    fw: Framework,
    strengths: npt.ArrayLike,
    att_weights: npt.ArrayLike | None = None,
    ordering: str = "weakest-link",
    comparison: str = "elitist",
) -> FloatArray:
    """The force of every attack edge: the summary of the attacking argument, i.e.
    the attacker's set with the attack's own rule of weight ``w`` (a con argument's
    edge adds no rule). ``strengths`` from :func:`preference_strengths`; shapes
    ``(E_att,)`` or ``(S, E_att)``."""
    spec = check_defeat("preference", ordering, comparison)
    p, single = _node_major(strengths, fw.n)
    w, _ = _node_major(fw.att_w if att_weights is None else att_weights, fw.att_src.size)
    origin = p[fw.att_src]
    con = (fw.att_kind == 3)[:, None]
    chain: np.ufunc = np.minimum if spec.comparison == "elitist" else np.maximum
    if spec.ordering == "weakest-link":
        rule = chain(w, origin)
    else:
        rule = np.broadcast_to(w, np.broadcast_shapes(w.shape, origin.shape))
    force = np.where(con, origin * (w > 0), rule)
    # a zero anywhere on the attacker's side is no attack at all
    force = np.where((w > 0) & (origin > 0), force, 0.0)
    out: FloatArray = force[:, 0] if single and force.shape[1] == 1 else force.T
    return out


def defeat_mask(
    fw: Framework,
    rule: DefeatRule | None = None,
    base: npt.ArrayLike | None = None,
    att_weights: npt.ArrayLike | None = None,
    sup_weights: npt.ArrayLike | None = None,
) -> BoolArray:
    """Which attack edges of ``fw`` are defeats: ``(E_att,)``, or ``(S, E_att)`` when
    ``base`` or the weights have a sample axis.

    Examples
    --------
    >>> from argmap.model import Case, Claim, Relation
    >>> case = Case(title="t", claims=[Claim(id="A", text="a", base_score=0.3),
    ...                                Claim(id="B", text="b", base_score=0.8)],
    ...             relations=[Relation(kind="rebut", origin="A", target="B")])
    >>> from argmap.semantics.compile import compile_case
    >>> fw = compile_case(case)
    >>> defeat_mask(fw).tolist()  # A (0.3) is weaker than B (0.8): no defeat
    [False]
    >>> defeat_mask(fw, DefeatRule(rule="attack")).tolist()
    [True]
    """
    rule = rule or DefeatRule(*fw.defeat)  # type: ignore[arg-type]
    if rule.rule == "attack":
        w = np.asarray(fw.att_w if att_weights is None else att_weights, dtype=np.float64)
        if base is not None and np.ndim(base) == 2 and w.ndim == 1:
            w = np.broadcast_to(w, (np.shape(base)[0], w.size))
        attack: BoolArray = w > 0
        return attack
    p = preference_strengths(fw, base, sup_weights, rule.ordering, rule.comparison)
    force = attack_forces(fw, p, att_weights, rule.ordering, rule.comparison)
    target = p[..., fw.att_dst]
    always = (fw.att_kind == 2) | (fw.att_kind == 4)  # undercuts, declared contraries
    mask: BoolArray = (force > 0) & (always | (force >= target))
    return mask
