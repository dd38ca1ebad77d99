"""The drawings a brief shows: the overview map, drawn for its audience.

For readers the map carries no ids and says ``stands`` / ``defeated`` /
``undecided`` instead of the semantics' ``in`` / ``out`` / ``undec``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from argmap.brief.compose import STATUS_WORDS
from argmap.errors import ArgmapError, MapTooLargeError
from argmap.maps import render
from argmap.maps.theme import Theme, get_theme
from argmap.plot import distribution, figure_bytes, timeline_strength, tornado
from argmap.scenario.uncertainty import monte_carlo

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model import Case
    from argmap.scenario.timeline import Timeline
    from argmap.semantics.compile import Framework
    from argmap.semantics.evaluation import Evaluation

__all__ = ["audience_theme", "charts", "overview_svg"]

_XML_INVALID = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Bytes no XML document may hold (tab, newline and carriage return aside)."""


def audience_theme(theme: str | Theme, audience: str) -> Theme:
    """``theme`` as ``audience`` sees it: for ``reader``, no ids and plain status words.

    >>> t = audience_theme("briefing", "reader")
    >>> t.show_ids, t.status["in"].word
    (False, 'stands')
    """
    base = get_theme(theme)
    if audience != "reader":
        return base
    status = {
        key: replace(style, word=STATUS_WORDS.get(key, style.word))
        for key, style in base.status.items()
    }
    return replace(base, show_ids=False, status=status)


def overview_svg(
    case: Case, evaluation: Evaluation, audience: str, theme: str = "briefing"
) -> bytes:
    """The overview map (claims by issue) as SVG; empty when the case has no claims,
    or too many to lay out (:class:`~argmap.errors.MapTooLargeError`: the brief then
    says so and gives its tables)."""
    if not case.claims:
        return b""
    try:
        drawing = render(case, evaluation, view="overview", theme=audience_theme(theme, audience))
        return drawing.pipe("svg")
    except MapTooLargeError:
        return b""


def charts(
    case: Case,
    audience: str,
    headline: list[str],
    *,
    compiled: Framework | None = None,
    timeline: Timeline | None = None,
) -> list[tuple[str, bytes]]:
    """The brief's charts (:mod:`argmap.plot`) as (caption, SVG): for the claim each
    of the first three issues turns on, the tornado of its uncertain weights and the
    Monte Carlo spread of its strength and verdict; and the strength timeline when the
    case has dated events. A chart the case gives nothing to draw is left out.
    ``compiled`` (the case compiled) and ``timeline`` (its strength timeline) are
    used when the caller has them, rather than made again."""
    issue_of = {c.id: c.issue for c in case.claims}
    chosen: list[str] = []
    for claim in headline or [c.id for c in case.claims]:
        if claim in issue_of and issue_of[claim] not in {issue_of[c] for c in chosen}:
            chosen.append(claim)
    chosen = chosen[:3]
    drawn: list[tuple[str, bytes]] = []
    who: Any = audience  # checked by the command: reader or analyst
    made: tuple[tuple[str, Callable[[], Any]], ...] = (
        (
            "How much each uncertain weight moves the strength of the claim each issue "
            "turns on (largest swings first)",
            lambda: tornado(case, chosen, top=6, audience=who, compiled=compiled),
        ),
        (
            "How the strengths and verdicts of those claims spread over 500 draws of the "
            "uncertain weights",
            lambda: distribution(
                case,
                chosen,
                runs=monte_carlo(
                    compiled if compiled is not None else case,
                    500,
                    0,
                    claims=chosen,
                    progress=False,
                ),
                audience=who,
            ),
        ),
        (
            "The strength of those claims as the case stood on each of its dates",
            lambda: timeline_strength(case, chosen, timeline=timeline, audience=who),
        ),
    )
    if not chosen:
        return drawn
    for caption, draw in made:
        try:
            svg = figure_bytes(draw(), "svg")
        except ArgmapError:  # nothing to draw (no uncertain weight, no dates)
            continue
        # case text with control characters reaches the SVG's comments: not XML
        drawn.append((caption, _XML_INVALID.sub(b"", svg)))
    return drawn
