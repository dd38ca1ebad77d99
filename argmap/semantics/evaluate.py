"""Evaluate a case: Dung labels, gradual strengths and proof standards per node.

:func:`evaluate` compiles the case (:func:`~argmap.semantics.compile.compile_case`),
labels the Dung projection under one extension semantics, computes gradual strengths
under one gradual semantics, and checks each claim's issue's proof standard
(:mod:`argmap.semantics.standards`).

**Labels under semantics with several extensions** (complete, preferred, stable,
semi-stable, stage): a node is ``in`` when it belongs to every extension (skeptical
acceptance), ``out`` when every extension attacks it (it is out in each extension's
labelling, Caminada 2006), and ``undec`` otherwise
(:func:`~argmap.semantics.dung.skeptical.dung_labels`). When there is no extension at
all (stable semantics on an odd cycle) every node is ``undec`` and a note says why.
Grounded and ideal semantics have exactly one extension, whose labelling is used.

References
----------
M. Caminada. On the issue of reinstatement in argumentation. JELIA 2006.

P. Baroni, M. Caminada, M. Giacomin. An introduction to argumentation semantics.
The Knowledge Engineering Review 26(4), 2011.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from argmap.semantics.compile import Compilable, framework_of
from argmap.semantics.critical_questions import QUESTION_KIND, questions_by_argument
from argmap.semantics.defeat import check_defeat, defeat_mask
from argmap.semantics.dung.skeptical import ENUMERATION_LIMIT, dung_labels
from argmap.semantics.evaluation import Evaluation, Label, NodeResult
from argmap.semantics.gradual import gradual_strengths
from argmap.semantics.gradual.models import canonical_name
from argmap.semantics.recursive import has_recursive_attacks, recursive_labels
from argmap.semantics.standards import standard_outcomes
from argmap.vocabulary import DUNG_SEMANTICS, check_dung

__all__ = ["DUNG_SEMANTICS", "ENUMERATION_LIMIT", "check_dung", "dung_labels", "evaluate"]

_LABEL = {1: Label.IN, -1: Label.OUT, 0: Label.UNDEC}


def evaluate(
    case: Compilable,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    values: Mapping[str, float] | None = None,
    *,
    defeat: str | None = None,
    ordering: str | None = None,
    comparison: str | None = None,
    as_of: dt.date | None = None,
) -> Evaluation:
    """Evaluate ``case`` under a Dung and a gradual semantics.

    Parameters
    ----------
    case : Case or Framework
        The case, or what it was compiled to (:func:`~argmap.semantics.compile.compile_case`):
        a scenario run compiles each case state once and hands the framework on.
    semantics : str
        One of :data:`DUNG_SEMANTICS`.
    gradual : str
        One of :data:`argmap.semantics.gradual.GRADUAL` (or an alias).
    values : mapping, optional
        Parameter values overriding the case's (a case only: a framework has its own).
    defeat, ordering, comparison : str, optional
        Which attacks succeed as defeats before the Dung semantics run
        (:mod:`argmap.semantics.defeat`): ``preference`` (an attack on a strictly
        stronger target fails, undercuts always succeed) or ``attack`` (every attack
        of positive weight); the ASPIC+ ordering ``weakest-link`` or ``last-link``;
        the set comparison ``elitist`` or ``democratic``. Each defaults to the case's
        own ``defeat`` settings (preference, weakest-link, elitist unless it says).
    as_of : datetime.date, optional
        Read the case with only what was known on that date, each precedent as it
        stood then (:func:`argmap.model.as_of.at_date`; default: the case's own
        ``as_of``, else everything, with each precedent's whole history). Items not
        yet known get label ``out``, strength 0 and a note. Compilation reads the date
        (:func:`~argmap.semantics.compile.compile_case`); a framework was read as of
        its own date already.

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
        Unknown semantics or parameter; values or another date given with a framework.
    """

    semantics = check_dung(semantics)
    gradual = canonical_name(gradual)
    fw = framework_of(case, values, as_of)
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
    met = standard_outcomes(fw, result.strengths, labels)
    standards = fw.standards
    burdens = fw.burdens
    asked = questions_by_argument(fw)
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
    unknown = fw.unknown
    for node_id, kind in unknown.items():
        nodes[node_id] = NodeResult(node_id, kind, Label.OUT, 0.0)
    if unknown and fw.as_of is not None:
        shown = ", ".join(list(unknown)[:8]) + (", ..." if len(unknown) > 8 else "")
        notes.append(f"as of {fw.as_of.isoformat()}, {len(unknown)} not yet known: {shown}")
    notes += [f"warning: {c}" for c in fw.conflicts]
    order = {node_id: k for k, node_id in enumerate(fw.order)}
    return Evaluation(
        title=fw.title,
        semantics=semantics,
        gradual=gradual,
        nodes=dict(sorted(nodes.items(), key=lambda kv: order[kv[0]])),
        converged=result.converged,
        iterations=result.iterations,
        notes=tuple(notes),
        defeat=rule.rule
        if rule.rule == "attack"
        else ", ".join((rule.rule, rule.ordering, rule.comparison)),
        as_of=fw.as_of,
        conflicts=fw.conflicts,
        precedent_weights=dict(fw.precedent_weights),
    )
