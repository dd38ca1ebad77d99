"""What the interactive brief shows, computed once: every node's text, result and
explanation, every scenario's results, the strength timeline, the quotes in their
source passages. The page's script only reads this; it computes nothing.

>>> from argmap.io.casefile import load
>>> data = brief_data(load("examples/ad_tool_dispute.yaml"))
>>> sorted(data)[:4]
['claims', 'gradual', 'nodes', 'scenarios']
>>> data["scenarios"][0]["name"]
'baseline'
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError, SolverError
from argmap.html.passages import passage
from argmap.io.provenance import _read_source
from argmap.model import Argument, Evidence, Precedent
from argmap.model.as_of import at_date, standing
from argmap.scenario.runner import ScenarioRun, run
from argmap.scenario.timeline import Timeline, timeline_if_dated
from argmap.semantics.compile import Framework, compile_case
from argmap.semantics.critical_questions import open_questions
from argmap.semantics.defeat import check_defeat, defeat_mask
from argmap.semantics.evaluate import evaluate
from argmap.semantics.explain import explain_label, grounded_rounds, strength_contributions

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model import Case
    from argmap.scenario.model import Scenario
    from argmap.semantics.evaluation import Evaluation, NodeResult

__all__ = ["brief_data", "node_text"]

BASELINE = "baseline"


def node_text(node: Any) -> str:
    """The words a node is shown with: its text, else its name or question, else its id."""
    for attr in ("text", "name", "question", "label"):
        value = getattr(node, attr, None)
        if value:
            return str(value)
    return str(node.id)


def _result(result: NodeResult) -> dict[str, Any]:
    return {
        "label": result.label.value,
        "strength": round(result.strength, 4),
        "verdict": result.verdict.value,
        "met": result.standard_met,
    }


def _reasons(
    case: Case,
    evaluation: Evaluation,
    with_strength: bool,
    gradual: str,
    framework: Framework | None = None,
) -> dict[str, list[str]]:
    """Per node, the lines saying why it stands or falls: its grounded label's reason
    (:func:`~argmap.semantics.explain.explain_label`), and for claims what their
    strength rests on most (:func:`~argmap.semantics.explain.strength_contributions`,
    the slow part, left out when ``with_strength`` is false); ``framework`` is the
    case compiled, when the caller has it."""
    fw = framework if framework is not None else compile_case(case)
    af = fw.abstract(defeat_mask(fw, check_defeat(None, None, None, default=fw.defeat)))
    labels, rounds = grounded_rounds(af)
    out: dict[str, list[str]] = {}
    for node in evaluation.nodes:
        if node not in fw.index:
            continue
        lines = str(explain_label(af, labels, fw.index[node], "grounded", rounds)).splitlines()
        if with_strength and evaluation.nodes[node].kind == "claim":
            for x in strength_contributions(fw, node, gradual)[:5]:
                if abs(x.impact) < 1e-9 and abs(x.derivative) < 1e-9:
                    break
                removal = f", removing it: {-x.removal:+.3f}" if x.removal is not None else ""
                lines.append(f"rests on {x.name} ({x.kind}): slope {x.derivative:+.3f}{removal}")
        out[node] = lines
    return out


def _sources(case: Case, sources_dir: str | os.PathLike[str] | None) -> dict[str, str]:
    """Source id -> its text, for the sources whose file can be read."""
    if sources_dir is None:
        return {}
    texts = {}
    for source in case.sources:
        if source.file is not None:
            text, _ = _read_source(Path(sources_dir), source.file)
            if text is not None:
                texts[source.id] = text
    return texts


def _quote(case: Case, evidence: Evidence, texts: dict[str, str]) -> dict[str, Any]:
    source = case.node(evidence.source)
    out: dict[str, Any] = {
        "source": evidence.source,
        "outlet": getattr(source, "outlet", ""),
        "title": getattr(source, "title", ""),
        "quote": evidence.quote or "",
        "found": False,
    }
    text = texts.get(evidence.source)
    if evidence.quote and text is not None:
        found = passage(text, evidence.quote)
        if found is not None:
            out.update(before=found.before, quote=found.quote, after=found.after, found=True)
    return out


def _precedent(case: Case, precedent: Precedent, on: dt.date | None) -> dict[str, Any]:
    return {
        "name": precedent.name,
        "citation": precedent.citation or "",
        "court": precedent.court,
        "year": precedent.year,
        "standing": standing(precedent, on).describe(precedent),
    }


def brief_data(
    case: Case,
    scenarios: Sequence[Scenario] = (),
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    with_strength: bool = True,
    with_timeline: bool = True,
    as_of: dt.date | None = None,
    evaluation: Evaluation | None = None,
    runs: Sequence[ScenarioRun] | None = None,
    framework: Framework | None = None,
    timeline: Timeline | None = None,
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data.

    Parameters
    ----------
    case, scenarios
        The case and its what-if scenarios (each evaluated once, without Monte Carlo).
    sources_dir
        The folder of the source files (``Source.file``), to show each quote in its
        passage; without it quotes are shown alone.
    with_strength
        Also say what each claim's strength rests on (a few seconds on a large case;
        ``argmap watch`` leaves it out to re-render fast), and ``with_timeline`` each
        claim's strength on every date of the case (one evaluation per date).
    evaluation
        The case's evaluation as of ``as_of``, when the caller already has it.
    runs
        The scenarios already applied and evaluated (a report's
        :attr:`~argmap.scenario.comparison.Comparison.runs`), used instead of running
        ``scenarios`` again; the baseline's run among them is skipped.
    framework
        The case as of ``as_of`` compiled, when the caller has it (not compiled again).
    timeline
        The case's strength timeline, when the caller has it (not computed again).
    """
    full = case
    case = at_date(case, as_of)
    if evaluation is None:
        evaluation = evaluate(case, semantics, gradual)
    reasons = _reasons(case, evaluation, with_strength, gradual, framework)
    texts = _sources(case, sources_dir)
    questions: dict[str, list[str]] = {}
    for q in open_questions(case):
        result = evaluation.nodes.get(q.argument)
        if result is not None and q.question in result.open_questions:
            questions.setdefault(q.argument, []).append(f"{q.question} ({q.scheme}): {q.text}")
    nodes: dict[str, Any] = {}
    for node in case.iter_nodes():
        result = evaluation.nodes.get(node.id)
        if result is None:
            continue
        item: dict[str, Any] = {
            "kind": result.kind,
            "text": node_text(node),
            "issue": getattr(node, "issue", None),
            "standard": result.standard,
            "burden": result.burden,
            "why": reasons.get(node.id, []),
            "questions": questions.get(node.id, []),
            **_result(result),
        }
        if isinstance(node, Evidence) and node.quote:
            item["evidence"] = _quote(case, node, texts)
        if isinstance(node, Argument) and node.precedent is not None:
            item["precedent"] = _precedent(case, case.node(node.precedent), evaluation.as_of)  # type: ignore[arg-type]
            item["weight"] = evaluation.precedent_weights.get(node.id, "")
        if isinstance(node, Precedent):
            item["precedent"] = _precedent(case, node, evaluation.as_of)
        nodes[node.id] = item
    pages = [
        {
            "name": BASELINE,
            "question": "the case as it stands",
            "nodes": {n: _result(r) for n, r in evaluation.nodes.items() if n in nodes},
        }
    ]
    for name, question, outcome in _scenario_results(full, scenarios, runs, semantics, gradual):
        pages.append(
            {
                "name": name,
                "question": question,
                "nodes": {n: _result(r) for n, r in outcome.nodes.items() if n in nodes},
            }
        )
    return {
        "title": case.title,
        "semantics": evaluation.semantics,
        "gradual": evaluation.gradual,
        "nodes": nodes,
        "claims": [c.id for c in case.claims if c.id in nodes],
        "scenarios": pages,
        "timeline": _timeline(case, semantics, gradual, timeline)
        if with_timeline
        else {"dates": [], "claims": {}},
    }


def _scenario_results(
    case: Case,
    scenarios: Sequence[Scenario],
    runs: Sequence[ScenarioRun] | None,
    semantics: str,
    gradual: str,
) -> Iterator[tuple[str, str, Evaluation]]:
    """Each scenario's name, question and evaluation: from ``runs`` when the caller
    has them (no case state is compiled twice), else by running each scenario."""
    if runs is not None:
        for done in runs:
            if done.scenario is not None:
                yield done.name, done.question or "", done.evaluation
        return
    for scenario in scenarios:
        try:
            outcome = run(case, scenario, semantics=semantics, gradual=gradual, samples=0)
        except (SolverError, ArgmapError) as exc:
            raise ArgmapError(f"scenario {scenario.name}: {exc}") from None
        yield scenario.name, scenario.question or "", outcome.evaluation


def _timeline(
    case: Case, semantics: str, gradual: str, timeline: Timeline | None = None
) -> dict[str, Any]:
    """Each claim's strength and verdict on every date of the case (none: empty)."""
    if timeline is None:
        timeline = timeline_if_dated(case, semantics, gradual)
    if timeline is None or not case.claims:
        return {"dates": [], "claims": {}}
    dates = list(dict.fromkeys(r.date.isoformat() for r in timeline.rows))
    claims: dict[str, list[list[Any]]] = {}
    for row in timeline.rows:
        claims.setdefault(row.claim, []).append([round(row.strength, 4), row.verdict])
    return {"dates": dates, "claims": claims}
