"""Explanations: why a node has its Dung label, and what its gradual strength rests on.

**Labels.** Under grounded semantics the labelling is built in rounds (Caminada 2006;
Modgil and Caminada 2009): round 1 labels ``in`` the unattacked nodes; a node becomes
``out`` in the round its first attacker becomes ``in``, and ``in`` in the round after
its last attacker became ``out``. :func:`grounded_rounds` records those rounds, and
:func:`explain_label` uses them for a *well-founded* minimal reason: an ``out`` node is
defeated by its attacker that became ``in`` earliest; an ``in`` node is defended
against each attacker by that attacker's earliest ``in`` attacker, whose own reason is
strictly earlier, so the chain of reasons always ends at unattacked nodes. An
``undec`` node has no ``in`` attacker but some attacker that is not ``out``. For the
other semantics the labels are the skeptical ones of :mod:`argmap.semantics.evaluate`
and the reason lists the attackers by label.

**Strengths.** :func:`strength_contributions` ranks what a node's gradual strength
depends on, computed in one vectorized call per kind: the partial derivative with
respect to every node's base score and every parameter (central finite differences,
one-sided at the ends of [0, 1]), and for every node the *removal impact*: how much
the strength drops when that node is taken out of the graph (its base and its
outgoing edges set to 0). Removal impact is the attribution of Delobelle and
Villata (2019) and Cyras et al. (2022) reduced to single removals.

References
----------
M. Caminada. On the issue of reinstatement in argumentation. JELIA 2006.

S. Modgil, M. Caminada. Proof theories and algorithms for abstract argumentation
frameworks. In Argumentation in Artificial Intelligence, Springer 2009.

J. Delobelle, S. Villata. Interpretability of gradual semantics in abstract
argumentation. ECSQARU 2019.

K. Cyras, T. Kampik, Q. Weng. Dispute trees as explanations in quantitative
(bipolar) argumentation. ArgXAI 2022.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from argmap.errors import SolverError
from argmap.semantics.compile import Compilable, framework_of
from argmap.semantics.defeat import check_defeat, defeat_mask
from argmap.semantics.evaluate import check_dung, dung_labels
from argmap.semantics.evaluation import Label
from argmap.semantics.gradual import gradual_strengths

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.compile import Framework
    from argmap.semantics.dung.af import AF

__all__ = [
    "Contribution",
    "Explanation",
    "LabelReason",
    "explain",
    "explain_label",
    "grounded_rounds",
    "strength_contributions",
]

_LABEL = {1: Label.IN, -1: Label.OUT, 0: Label.UNDEC}


def grounded_rounds(af: AF) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int64]]:
    """The grounded labelling and the round in which each label was fixed (0 = undec).

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> labels, rounds = grounded_rounds(AF.from_pairs("abc", [("a", "b"), ("b", "c")]))
    >>> labels.tolist(), rounds.tolist()
    ([1, -1, 1], [1, 1, 2])
    """
    n = af.n
    labels = np.zeros(n, dtype=np.int8)
    rounds = np.zeros(n, dtype=np.int64)
    src, dst = af.src.astype(np.int64), af.dst.astype(np.int64)
    k = 0
    while True:
        k += 1
        live = labels[src] != -1  # attacks from nodes not yet out
        blocked = np.bincount(dst[live], minlength=n) > 0
        new_in = (labels == 0) & ~blocked
        if not new_in.any():
            break
        labels[new_in] = 1
        rounds[new_in] = k
        hit = np.zeros(n, dtype=bool)
        hit[dst[new_in[src]]] = True
        new_out = hit & (labels == 0)
        labels[new_out] = -1
        rounds[new_out] = k
    return labels, rounds


@dataclass(frozen=True)
class LabelReason:
    """Why ``node`` has ``label``.

    ``defeaters`` are attackers labelled in (for grounded ``out``: the earliest one
    first); ``defenders`` maps each attacker of an ``in`` node to the nodes that defeat
    it; ``undecided`` are attackers labelled undec; ``chain`` is the well-founded
    justification, one line per step (grounded only).
    """

    node: str
    label: Label
    semantics: str
    defeaters: tuple[str, ...] = ()
    defenders: dict[str, tuple[str, ...]] = field(default_factory=dict)
    undecided: tuple[str, ...] = ()
    chain: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "\n".join(self.chain) if self.chain else _summary(self)


def _summary(r: LabelReason) -> str:
    if r.label is Label.OUT:
        who = ", ".join(r.defeaters) or "an attacker in every extension"
        return f"{r.node} is out: attacked by {who} ({r.semantics})"
    if r.label is Label.IN:
        if not r.defenders:
            return f"{r.node} is in: nothing attacks it"
        parts = [
            f"{a} (defeated by {', '.join(d) or 'each extension'})" for a, d in r.defenders.items()
        ]
        return f"{r.node} is in: every attacker is out: " + "; ".join(parts)
    return f"{r.node} is undec: attackers {', '.join(r.undecided)} are neither in nor out"


def explain_label(
    af: AF,
    labels: npt.ArrayLike,
    node: int,
    semantics: str = "grounded",
    rounds: npt.ArrayLike | None = None,
) -> LabelReason:
    """The reason for ``node``'s label (module docstring). With grounded ``rounds``
    (from :func:`grounded_rounds`) the reason is minimal and well-founded."""
    lab = np.asarray(labels)
    attackers = [int(a) for a in af.attackers(node)]
    name = af.names
    label = _LABEL[int(lab[node])]
    r = None if rounds is None else np.asarray(rounds)

    def by_round(nodes: list[int]) -> list[int]:
        return sorted(nodes, key=lambda x: (int(r[x]), x)) if r is not None else nodes

    ins = by_round([a for a in attackers if lab[a] == 1])
    defenders = (
        {
            name[a]: tuple(
                name[d] for d in by_round([int(d) for d in af.attackers(a) if lab[d] == 1])
            )
            for a in attackers
            if lab[a] == -1
        }
        if label is Label.IN
        else {}
    )
    undecided = tuple(name[a] for a in attackers if lab[a] == 0)
    chain: tuple[str, ...] = ()
    if r is not None:
        chain = tuple(_chain(af, lab, r, node))
    return LabelReason(
        name[node], label, semantics, tuple(name[a] for a in ins), defenders, undecided, chain
    )


def _chain(
    af: AF, lab: npt.NDArray[np.int8], r: npt.NDArray[np.int64], node: int, limit: int = 50
) -> list[str]:
    """Well-founded justification lines, depth first, each node explained once."""
    lines: list[str] = []
    done: set[int] = set()

    def earliest_in(x: int) -> int:
        return min((int(a) for a in af.attackers(x) if lab[a] == 1), key=lambda a: (int(r[a]), a))

    def visit(x: int, depth: int) -> None:
        if x in done or len(lines) >= limit:
            return
        done.add(x)
        pad = "  " * depth
        nm = af.names[x]
        if lab[x] == 1:
            atts = [int(a) for a in af.attackers(x)]
            if not atts:
                lines.append(f"{pad}{nm} is in: nothing attacks it")
                return
            lines.append(f"{pad}{nm} is in (round {r[x]}): each attacker is out")
            for a in atts:
                visit(a, depth + 1)
        elif lab[x] == -1:
            d = earliest_in(x)
            lines.append(f"{pad}{nm} is out (round {r[x]}): defeated by {af.names[d]}")
            visit(d, depth + 1)
        else:
            undec = [af.names[a] for a in af.attackers(x) if lab[a] == 0]
            lines.append(
                f"{pad}{nm} is undec: no attacker is in, and {', '.join(undec)} cannot be decided"
            )

    visit(node, 0)
    return lines


@dataclass(frozen=True)
class Contribution:
    """How much one input matters to a strength.

    ``derivative`` is d strength / d input; ``removal`` (nodes only) is the strength
    lost when the node is removed (negative when removing it raises the strength).
    """

    name: str
    kind: str
    value: float
    derivative: float
    removal: float | None = None

    @property
    def impact(self) -> float:
        """The ranking key: removal impact for nodes, derivative x value for parameters."""
        return self.removal if self.removal is not None else self.derivative * self.value


def strength_contributions(
    fw: Framework, node: str, gradual: str = "dfquad", h: float = 1e-6
) -> list[Contribution]:
    """Every node's and parameter's contribution to ``node``'s strength, ranked by
    absolute impact (largest first); see the module docstring."""

    c = fw.index[node]
    n = fw.n
    full = float(gradual_strengths(fw, gradual).strengths[c])
    # nodes: finite differences of base scores, all in one call
    up = np.minimum(fw.base + h, 1.0)
    down = np.maximum(fw.base - h, 0.0)
    base = np.tile(fw.base, (2 * n, 1))
    base[np.arange(n), np.arange(n)] = up
    base[n + np.arange(n), np.arange(n)] = down
    s = gradual_strengths(fw, gradual, base).strengths[:, c]
    deriv = (s[:n] - s[n:]) / (up - down)
    # removal: base 0 and outgoing edges 0, one row per node
    w = np.tile(np.concatenate([fw.att_w, fw.sup_w]), (n, 1))
    src = np.concatenate([fw.att_src, fw.sup_src])
    w[src, np.arange(src.size)] = 0.0
    gone = np.tile(fw.base, (n, 1))
    gone[np.arange(n), np.arange(n)] = 0.0
    removed = gradual_strengths(fw, gradual, gone, edge_weights=w).strengths[:, c]
    out = [
        Contribution(
            fw.ids[j],
            fw.kinds[j],
            float(fw.base[j]),
            float(deriv[j]),
            None if j == c else full - float(removed[j]),
        )
        for j in range(n)
    ]
    params = fw.parameters
    if params:
        p = len(params)
        samples = {name: np.full(2 * p, fw.values[name]) for name in params}
        for k, name in enumerate(params):
            samples[name][k] += h
            samples[name][p + k] -= h
        sp = gradual_strengths(
            fw, gradual, fw.base_matrix(samples), edge_weights=fw.edge_weight_matrix(samples)
        ).strengths[:, c]
        for k, name in enumerate(params):
            out.append(
                Contribution(
                    name, "parameter", fw.values[name], float((sp[k] - sp[p + k]) / (2 * h))
                )
            )
    return sorted(out, key=lambda x: (-abs(x.impact), -abs(x.derivative), x.name))


@dataclass(frozen=True)
class Explanation:
    """Why a node stands where it does: its label's reason and its strength's inputs."""

    node: str
    label: Label
    strength: float
    reason: LabelReason
    contributions: tuple[Contribution, ...]
    precedents: tuple[str, ...] = ()
    """For each argument from precedent on the node: ``id: its weight in words and
    numbers`` (:func:`~argmap.semantics.precedent.describe_weight`)."""
    open_questions: tuple[str, ...] = ()
    """One line per open critical question of the node (an argument) or of the
    arguments for and against it (a claim): each undercuts its argument."""

    def __str__(self) -> str:
        lines = [str(self.reason), *self.open_questions]
        lines.append(f"strength {self.strength:.3f}; what matters most:")
        for x in self.contributions[:8]:
            if abs(x.impact) < 1e-12 and abs(x.derivative) < 1e-12:
                break
            extra = f", removal {x.removal:+.3f}" if x.removal is not None else ""
            lines.append(f"  {x.name} ({x.kind}): slope {x.derivative:+.3f}{extra}")
        if self.precedents:
            lines.append("arguments from precedent:")
            lines += [f"  {line}" for line in self.precedents]
        return "\n".join(lines)


def explain(
    case: Compilable,
    claim_id: str,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    values: Mapping[str, float] | None = None,
    *,
    defeat: str | None = None,
    ordering: str | None = None,
    comparison: str | None = None,
    as_of: dt.date | None = None,
) -> Explanation:
    """Explain ``claim_id`` (any compiled node id works) under the two semantics,
    with attacks turned into defeats as :func:`~argmap.semantics.evaluate.evaluate`
    does, on the case as of ``as_of`` (:func:`argmap.model.as_of.at_date`). ``case``
    is a case or its compiled :class:`~argmap.semantics.compile.Framework` (read as
    of its own date)."""

    semantics = check_dung(semantics)
    fw = framework_of(case, values, as_of)
    if claim_id not in fw.index:
        why = fw.dropped.get(claim_id, "no such node")
        raise SolverError(f"cannot explain {claim_id!r}: {why}")
    rule = check_defeat(defeat, ordering, comparison, default=fw.defeat)
    af = fw.abstract(defeat_mask(fw, rule))
    j = fw.index[claim_id]
    if semantics == "grounded":
        labels, rounds = grounded_rounds(af)
        reason = explain_label(af, labels, j, semantics, rounds)
    else:
        labels, _ = dung_labels(af, semantics)
        reason = explain_label(af, labels, j, semantics)
    strength = float(gradual_strengths(fw, gradual).strengths[j])
    contributions = tuple(strength_contributions(fw, claim_id, gradual))
    precedents = tuple(
        f"{a}: {weight}"
        for a, weight in fw.precedent_weights.items()
        if fw.conclusions[a] == claim_id and a in fw.index
    )
    questions = tuple(_open_question_lines(fw, claim_id))
    return Explanation(
        claim_id, reason.label, strength, reason, contributions, precedents, questions
    )


def _open_question_lines(fw: Framework, node: str) -> list[str]:
    """The open critical questions that bear on ``node``, one line each."""
    concluding = {a for a, conclusion in fw.conclusions.items() if conclusion == node}
    return [
        f"open critical question {q.question} of {q.argument} ({q.scheme}, weight "
        f"{q.weight if isinstance(q.weight, str) else format(q.weight, 'g')}): {q.text}"
        for q in fw.questions
        if not q.disabled and (q.argument == node or q.argument in concluding)
    ]
