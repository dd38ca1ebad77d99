"""Evaluate a case: Dung labels, gradual strengths and proof standards per node.

:func:`evaluate` compiles the case (:func:`~argmap.semantics.compile.compile_case`),
labels the Dung projection under one extension semantics, computes gradual strengths
under one gradual semantics, and checks each claim's issue's proof standard
(:mod:`argmap.semantics.standards`).

**Labels under semantics with several extensions** (complete, preferred, stable,
semi-stable, stage): a node is ``in`` when it belongs to every extension (skeptical
acceptance), ``out`` when every extension attacks it (it is out in each extension's
labelling, Caminada 2006), and ``undec`` otherwise. When there is no extension at all
(stable semantics on an odd cycle) every node is ``undec`` and a note says why.
Grounded and ideal semantics have exactly one extension, whose labelling is used.

References
----------
M. Caminada. On the issue of reinstatement in argumentation. JELIA 2006.

P. Baroni, M. Caminada, M. Giacomin. An introduction to argumentation semantics.
The Knowledge Engineering Review 26(4), 2011.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from argmap.errors import SolverError
from argmap.model import Case
from argmap.semantics.critical_questions import QUESTION_KIND, questions_by_argument
from argmap.semantics.evaluation import Evaluation, Label, NodeResult

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.dung.af import AF

__all__ = ["DUNG_SEMANTICS", "ENUMERATION_LIMIT", "dung_labels", "evaluate"]

DUNG_SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal", "stage")
"""The extension semantics :func:`evaluate` accepts."""

ENUMERATION_LIMIT = 10_000
"""Most extensions enumerated before falling back to per-node acceptance queries."""

_LABEL = {1: Label.IN, -1: Label.OUT, 0: Label.UNDEC}


def check_dung(semantics: str) -> str:
    """The canonical name of a Dung semantics; SolverError for an unknown one."""
    key = semantics.strip().lower().replace("_", "-")
    key = {"semistable": "semi-stable"}.get(key, key)
    if key not in DUNG_SEMANTICS:
        raise SolverError(
            f"unknown semantics {semantics!r} (choose from {', '.join(DUNG_SEMANTICS)})"
        )
    return key


def dung_labels(af: AF, semantics: str) -> tuple[npt.NDArray[np.int8], list[str]]:
    """Labels (1 in, -1 out, 0 undec) under ``semantics`` as defined in the module
    docstring, with notes (no extension, enumeration cut short)."""
    from argmap.semantics.dung import extensions, grounded_labelling, labelling_of

    semantics = check_dung(semantics)
    if semantics == "grounded":
        return np.asarray(grounded_labelling(af), dtype=np.int8), []
    all_in = np.ones(af.n, dtype=bool)
    all_out = np.ones(af.n, dtype=bool)
    count = 0
    for ext in extensions(af, semantics, limit=ENUMERATION_LIMIT + 1):
        count += 1
        if count > ENUMERATION_LIMIT:
            return _by_queries(af, semantics)
        lab = np.asarray(labelling_of(af, ext))
        all_in &= lab == 1
        all_out &= lab == -1
    if count == 0:
        note = f"no {semantics} extension exists; every node is labelled undec"
        return np.zeros(af.n, dtype=np.int8), [note]
    labels = np.where(all_in, 1, np.where(all_out, -1, 0)).astype(np.int8)
    return labels, []


def _by_queries(af: AF, semantics: str) -> tuple[npt.NDArray[np.int8], list[str]]:
    from argmap.semantics.dung import skeptically_accepted

    accepted = np.array([skeptically_accepted(af, i, semantics) for i in range(af.n)], dtype=bool)
    attacked = np.zeros(af.n, dtype=bool)
    attacked[af.dst[accepted[af.src]]] = True
    labels = np.where(accepted, 1, np.where(attacked, -1, 0)).astype(np.int8)
    note = (
        f"more than {ENUMERATION_LIMIT} {semantics} extensions: in = skeptically accepted, "
        "out = attacked by a skeptically accepted node (a lower bound on out)"
    )
    return labels, [note]


def evaluate(
    case: Case,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    values: Mapping[str, float] | None = None,
    *,
    defeat: str | None = None,
    ordering: str | None = None,
    comparison: str | None = None,
) -> Evaluation:
    """Evaluate ``case`` under a Dung and a gradual semantics.

    Parameters
    ----------
    case : Case
    semantics : str
        One of :data:`DUNG_SEMANTICS`.
    gradual : str
        One of :data:`argmap.semantics.gradual.GRADUAL` (or an alias).
    values : mapping, optional
        Parameter values overriding the case's.
    defeat, ordering, comparison : str, optional
        Which attacks succeed as defeats before the Dung semantics run
        (:mod:`argmap.semantics.defeat`): ``preference`` (an attack on a strictly
        stronger target fails, undercuts always succeed) or ``attack`` (every attack
        of positive weight); the ASPIC+ ordering ``weakest-link`` or ``last-link``;
        the set comparison ``elitist`` or ``democratic``. Each defaults to the case's
        own ``defeat`` settings (preference, weakest-link, elitist unless it says).

    Examples
    --------
    >>> from argmap.model import Case, Claim, Relation
    >>> case = Case(title="t", claims=[Claim(id="A", text="a", base_score=0.34),
    ...                                Claim(id="B", text="b", base_score=0.48)],
    ...             relations=[Relation(kind="rebut", origin="A", target="B")])
    >>> str(evaluate(case)["B"].label)  # the weaker claim's attack does not defeat
    'in'
    >>> str(evaluate(case, defeat="attack")["B"].label)
    'out'

    Raises
    ------
    SolverError
        Unknown semantics or parameter.
    """
    from argmap.semantics.compile import compile_case
    from argmap.semantics.defeat import check_defeat, defeat_mask
    from argmap.semantics.gradual import gradual_strengths
    from argmap.semantics.gradual.models import canonical_name
    from argmap.semantics.recursive import has_recursive_attacks, recursive_labels
    from argmap.semantics.standards import claim_burdens, claim_standards, standard_outcomes

    semantics = check_dung(semantics)
    gradual = canonical_name(gradual)
    fw = compile_case(case, values)
    rule = check_defeat(defeat, ordering, comparison, default=fw.defeat)
    defeats = defeat_mask(fw, rule)
    if has_recursive_attacks(fw):
        # undercuts of relations: the AFRA reading, and edges that lost their force
        # weigh 0 in the strengths and the standards (argmap.semantics.recursive)
        labels, lost_att, lost_sup = recursive_labels(fw, defeats, semantics)
        notes: list[str] = []
        fw = replace(
            fw,
            att_w=np.where(lost_att, 0.0, fw.att_w),
            sup_w=np.where(lost_sup, 0.0, fw.sup_w),
        )
    else:
        labels, notes = dung_labels(fw.abstract(defeats), semantics)
    result = gradual_strengths(fw, gradual)
    if not result.converged:
        notes.append(
            f"{gradual} did not converge on a cycle after {result.iterations} rounds "
            f"(last change {result.residual:.2e}); strengths are the last iterate"
        )
    met = standard_outcomes(case, fw, result.strengths, labels)
    standards = claim_standards(case)
    burdens = claim_burdens(case)
    asked = questions_by_argument(case, fw)
    notes += [
        f"{a} is undercut by open critical questions: {', '.join(q)}" for a, q in asked.items()
    ]
    nodes: dict[str, NodeResult] = {}
    for i, node_id in enumerate(fw.ids):
        if fw.kinds[i] == QUESTION_KIND:
            continue  # an open question's implicit undercutter is no node of the case
        standard = standards.get(node_id) if fw.kinds[i] == "claim" else None
        verdict = met.get(node_id)
        nodes[node_id] = NodeResult(
            id=node_id,
            kind=fw.kinds[i],
            label=_LABEL[int(labels[i])],
            strength=float(result.strengths[i]),
            standard=standard.name.value if standard is not None else None,
            standard_met=bool(verdict) if verdict is not None else None,
            burden=str(burdens[node_id]) if node_id in burdens else None,
            open_questions=asked.get(node_id, ()),
        )
    for node_id, reason in fw.dropped.items():
        nodes[node_id] = NodeResult(node_id, "argument", Label.OUT, 0.0)
        notes.append(f"{node_id} does not apply: {reason}")
    order = {n.id: k for k, n in enumerate(case.iter_nodes())}
    return Evaluation(
        title=case.title,
        semantics=semantics,
        gradual=gradual,
        nodes=dict(sorted(nodes.items(), key=lambda kv: order[kv[0]])),
        converged=result.converged,
        iterations=result.iterations,
        notes=tuple(notes),
        defeat=rule.rule
        if rule.rule == "attack"
        else ", ".join((rule.rule, rule.ordering, rule.comparison)),
    )
