"""The whole brief from a case and its scenarios: evaluate, compare, draw, compose.

>>> from argmap.io.casefile import load
>>> doc = build_brief(load("examples/ad_tool_dispute.yaml"), audience="analyst")
>>> doc.audience, doc.sections[0].title
('analyst', 'Summary')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.brief.compose import compose
from argmap.brief.document import Document
from argmap.brief.figures import charts, overview_svg
from argmap.model.as_of import at_date
from argmap.scenario.apply import apply_scenario
from argmap.scenario.audit import audit, headline_claims
from argmap.scenario.runner import compare
from argmap.semantics.evaluate import evaluate

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model import Case
    from argmap.scenario.audit import Audit
    from argmap.scenario.comparison import Comparison
    from argmap.scenario.model import Scenario
    from argmap.scenario.timeline import Timeline
    from argmap.semantics.compile import Framework
    from argmap.semantics.evaluation import Evaluation

__all__ = ["brief_of", "build_brief"]


def brief_of(
    case: Case,
    evaluation: Evaluation,
    comparison: Comparison | None,
    scenarios: Sequence[Scenario] = (),
    *,
    audience: str = "reader",
    paper: str = "letter",
    theme: str = "briefing",
    audit: Audit | None = None,
    compiled: Framework | None = None,
    timeline: Timeline | None = None,
) -> Document:
    """The brief of ``case`` (read as of its evaluation's date) from results already
    made: the overview is drawn for ``audience``, the rest composed; ``compiled`` and
    ``timeline`` (the case compiled, its strength timeline) feed the charts."""
    texts: dict[str, str] = {}
    assumed: dict[str, tuple[str, ...]] = {}
    known = {node.id for node in case.iter_nodes()}
    for scenario in scenarios:  # what each scenario adds to the record
        changed = apply_scenario(case, scenario)
        texts |= {c.id: c.text for c in changed.claims}
        added = [node for node in changed.iter_nodes() if node.id not in known]
        assumed[scenario.name] = tuple(_described(node) for node in added)
    return compose(
        case,
        evaluation,
        comparison,
        overview_svg=overview_svg(case, evaluation, audience, theme),
        audience=audience,
        paper=paper,
        claim_texts=texts,
        assumed=assumed,
        audit=audit,
        charts=charts(
            case,
            audience,
            [c.claim for c in audit.claims] if audit else [],
            compiled=compiled,
            timeline=timeline,
        ),
    )


def _described(node: object) -> str:
    """A node a scenario adds, in words: its text (a source: outlet and title)."""
    text = getattr(node, "text", None) or getattr(node, "name", None)
    if text is None:
        text = f"{getattr(node, 'outlet', '')}: {getattr(node, 'title', '')}"
    return f"{getattr(node, 'kind', 'item')}: {text}"


def build_brief(
    case: Case,
    scenarios: Sequence[Scenario] = (),
    *,
    audience: str = "reader",
    paper: str = "letter",
    as_of: dt.date | None = None,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    samples: int | None = None,
    seed: int | None = None,
    theme: str = "briefing",
) -> Document:
    """Evaluate ``case`` as of ``as_of`` (else its own date), run ``scenarios``
    against it, and compose the brief."""
    dated = at_date(case, as_of)
    evaluation = evaluate(dated, semantics, gradual)
    comparison = None
    if scenarios:
        comparison = compare(
            case,
            list(scenarios),
            semantics,
            gradual,
            samples=samples,
            seed=seed,
            progress=False,
            keep_samples=False,
            as_of=as_of,
        )
    decided = audit(
        dated,
        headline_claims(dated),
        semantics=semantics,
        gradual=gradual,
        samples=0,  # the scenarios' Monte Carlo speaks to uncertainty
        weights=False,  # exact thresholds take seconds per claim: `argmap audit` has them
        progress=False,
    )
    return brief_of(
        dated,
        evaluation,
        comparison,
        scenarios,
        audience=audience,
        paper=paper,
        theme=theme,
        audit=decided,
    )
