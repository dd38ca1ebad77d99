"""``render``: a view of a case drawn as a :class:`~argmap.maps.map.Map`.

The one entry point of the package, also offered as ``argmap.render`` and
``argmap.maps.render``. Its own module (not the package's ``__init__``) so that the
notebook display can import it at the top without an import circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.errors import MapTooLargeError
from argmap.maps.engine import LaidOutDot, check_layout_size, dot_size
from argmap.maps.map import Map
from argmap.maps.theme import get_theme
from argmap.maps.views import build_dot

if TYPE_CHECKING:  # pragma: no cover
    from argmap.maps.theme import Theme
    from argmap.model import Case
    from argmap.semantics.evaluation import Evaluation

__all__ = ["render"]


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
        :data:`~argmap.maps.engine.LAYOUT_NODE_LIMIT` nodes or
        :data:`~argmap.maps.engine.LAYOUT_EDGE_LIMIT` edges; otherwise rendering
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
    :data:`~argmap.maps.engine.LAYOUT_NODE_LIMIT` (and no ``force``) the DOT is built
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
