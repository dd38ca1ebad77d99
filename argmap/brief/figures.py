"""The drawings a brief shows: the overview map, drawn for its audience.

For readers the map carries no ids and says ``stands`` / ``defeated`` /
``undecided`` instead of the semantics' ``in`` / ``out`` / ``undec``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.brief.compose import STATUS_WORDS
from argmap.errors import MapTooLargeError
from argmap.maps import render
from argmap.maps.theme import Theme, get_theme

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model import Case
    from argmap.semantics.evaluation import Evaluation

__all__ = ["audience_theme", "overview_svg"]


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
