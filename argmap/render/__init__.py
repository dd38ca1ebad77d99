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

import sys
import types
from typing import TYPE_CHECKING, Any

from argmap.errors import MapTooLargeError
from argmap.render.engine import LaidOutDot, check_layout_size, dot_size
from argmap.render.map import Map
from argmap.render.notebook import register_ipython_formatters as register
from argmap.render.theme import get_theme
from argmap.render.views import build_dot

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
    direction: str | None = None,
    title: str | None = None,
    cluster: str | None = "issue",
    engine: str | None = None,
    force: bool = False,
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
        ``map`` (everything), ``overview`` (claims only, by issue: the one-page
        briefing figure), ``issue`` (one issue in full; ``focus`` is its id),
        ``focus`` (around ``focus``), ``diff`` or ``timeline``.
    focus, depth
        Draw only the nodes within ``depth`` steps of ``focus`` (both directions); for
        ``view="issue"``, the issue to draw.
    theme
        ``briefing`` (colour) or ``print`` (black and white), or a Theme.
    direction
        Layout direction: ``LR``, ``TB``, ``RL`` or ``BT``; by default ``TB`` for the
        overview (claims above their supporters) and ``LR`` for the other views.
    title
        Title over the map (default: the case's title).
    cluster
        Group nodes by ``issue``, by ``party``, or ``none`` (the overview always groups
        its claims by issue).
    engine
        Renderer: ``auto`` (system dot if present), ``dot`` or ``graphviz-pure``.
    force
        Lay the map out even when it is larger than
        :data:`~argmap.render.engine.LAYOUT_NODE_LIMIT` nodes or
        :data:`~argmap.render.engine.LAYOUT_EDGE_LIMIT` edges; otherwise rendering
        such a map (``pipe``, ``save``) raises
        :class:`~argmap.errors.MapTooLargeError` at once. Its DOT is always available.

    Raises
    ------
    RenderError
        Unknown view, theme, direction or focus node, or a view that needs what was not
        given (a diff without a baseline, a timeline of a case with no dates).

    Notes
    -----
    The whole map and the overview draw every claim: for a case with more claims than
    :data:`~argmap.render.engine.LAYOUT_NODE_LIMIT` (and no ``force``) the DOT is built
    only when ``.dot`` is read, and ``pipe``/``save`` raise
    :class:`~argmap.errors.MapTooLargeError` at once.
    """

    def build() -> LaidOutDot:
        return build_dot(
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
            engine=engine,
        )

    if view in ("map", "overview") and focus is None and not force:
        # both draw every claim: with more claims than a layout can take, the map is
        # refused when laid out, and its DOT (seconds at 10^5 nodes) built only if asked
        try:
            check_layout_size(len(case.claims), None)
        except MapTooLargeError:
            get_theme(theme)  # an unknown theme is still reported at once
            return Map.deferred(lambda: build().dot, at_least=len(case.claims), engine=engine)
    built = build()
    nodes, edges = dot_size(built.dot)
    return Map(
        built.dot, nodes=nodes, edges=edges, engine=engine, force=force, layouts=built.layouts
    )


def register_ipython_formatters() -> bool:
    """See :func:`argmap.render.notebook.register_ipython_formatters`."""

    return register()


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`render`.

    ``argmap.render`` is meant to be the function, but importing any submodule
    (``argmap.render.theme``) makes Python set the package attribute ``argmap.render``
    to this module; calling the module therefore has to draw the map too.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Map:
        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

# inside IPython/Jupyter (already imported, so this costs nothing elsewhere), Cases and
# Evaluations display as maps from the moment rendering is first used
if "IPython" in sys.modules:  # pragma: no cover - depends on the host
    register_ipython_formatters()
