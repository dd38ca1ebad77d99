"""Argument maps for briefings and notebooks, drawn with Graphviz.

>>> import argmap
>>> case = argmap.load("examples/ad_tool_dispute.yaml")      # doctest: +SKIP
>>> m = argmap.render(case, argmap.evaluate(case))            # doctest: +SKIP
>>> m.save("map.svg")                                         # doctest: +SKIP

Modules: :mod:`~argmap.render.escape` (the only DOT escaping), :mod:`~argmap.render.engine`
(finding and running a renderer), :mod:`~argmap.render.theme`, :mod:`~argmap.render.graph`,
:mod:`~argmap.render.builder`, :mod:`~argmap.render.views`, :mod:`~argmap.render.legend`,
:mod:`~argmap.render.map` and :mod:`~argmap.render.notebook`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.render.map import Map

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model import Case
    from argmap.render.theme import Theme
    from argmap.semantics.evaluation import Evaluation

__all__ = ["Map", "register_ipython_formatters", "render"]


def render(
    case: Case,
    evaluation: Evaluation | None = None,
    *,
    baseline: Evaluation | None = None,
    view: str = "map",
    focus: str | None = None,
    depth: int = 2,
    theme: str | Theme = "briefing",
    direction: str = "LR",
    title: str | None = None,
    cluster: str | None = "issue",
    engine: str | None = None,
) -> Map:
    """Draw ``case`` (with ``evaluation``'s statuses and strengths) as a :class:`Map`.

    Parameters
    ----------
    case
        The case to draw.
    evaluation
        Results to show (status border and glyph, strength as fill, standard badge).
    baseline
        For ``view="diff"``: the evaluation to compare ``evaluation`` against.
    view
        ``map`` (everything), ``focus`` (around ``focus``), ``diff`` or ``timeline``.
    focus, depth
        Draw only the nodes within ``depth`` steps of ``focus`` (both directions).
    theme
        ``briefing`` (colour) or ``print`` (black and white), or a Theme.
    direction
        Layout direction: ``LR``, ``TB``, ``RL`` or ``BT``.
    title
        Title over the map (default: the case's title).
    cluster
        Group nodes by ``issue``, by ``party``, or ``none``.
    engine
        Renderer: ``auto`` (system dot if present), ``dot`` or ``graphviz-pure``.

    Raises
    ------
    RenderError
        Unknown view, theme, direction or focus node, or a view that needs what was not
        given (a diff without a baseline, a timeline of a case with no dates).
    """
    from argmap.render.theme import get_theme
    from argmap.render.views import build_dot

    dot = build_dot(
        case,
        evaluation,
        baseline,
        view=view,
        focus=focus,
        depth=depth,
        theme=get_theme(theme),
        direction=direction,
        title=title,
        cluster=cluster,
    )
    nodes = dot.count("\n") // 2  # an upper bound is enough for the display cap
    return Map(dot, nodes=nodes, engine=engine)


def register_ipython_formatters() -> bool:
    """See :func:`argmap.render.notebook.register_ipython_formatters`."""
    from argmap.render.notebook import register_ipython_formatters as register

    return register()
