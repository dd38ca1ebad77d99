"""The Map: a rendered view of a case that users hold, save and display.

A Map keeps its DOT source and renders lazily: ``pipe("svg")`` lays it out once (cached
per format), ``save(path)`` picks the format from the suffix and writes atomically, and
in Jupyter it shows itself as SVG through ``_repr_mimebundle_`` (the hook the
``graphviz`` package uses), with a size cap so a huge map does not freeze the page.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, RenderError
from argmap.io.atomic import write_atomic
from argmap.maps.engine import FORMATS, check_layout_size, dot_size, pipe, render_png, svg_to_pdf

__all__ = ["DISPLAY_NODE_LIMIT", "Map"]

DISPLAY_NODE_LIMIT = 400
"""Largest map (in nodes) a notebook lays out inline; bigger ones show a hint instead."""


class Map:
    """A map of a case: DOT source plus rendering, saving and notebook display.

    Parameters
    ----------
    dot
        The DOT source (already escaped; built by :func:`argmap.maps.render`).
    nodes, edges
        How many nodes and edges the map draws (for the display cap and the layout
        limits).
    engine
        Renderer to use (``auto``, ``dot``, ``graphviz-pure``); ``None`` follows
        ``$ARGMAP_RENDERER``.
    force
        Lay out a map beyond the layout limits anyway (see
        :func:`argmap.maps.engine.check_layout_size`).
    layouts
        Renderings of ``dot`` already made (format -> bytes), such as the SVG the
        overview was laid out to while its arrangement was chosen: used, not redone.
    """

    def __init__(
        self,
        dot: str,
        *,
        nodes: int = 0,
        edges: int = 0,
        engine: str | None = None,
        force: bool = False,
        layouts: Mapping[str, bytes] | None = None,
    ) -> None:
        self._dot: str | None = dot
        self._build: Callable[[], str] | None = None
        self._nodes, self._edges = nodes, edges
        self._at_least = nodes
        self.engine = engine
        self.force = force
        self._cache: dict[str, bytes] = dict(layouts or {})
        self._lock = threading.Lock()

    @classmethod
    def deferred(cls, build: Callable[[], str], *, at_least: int, engine: str | None = None) -> Map:
        """A map whose DOT is built by ``build`` only when first asked for.

        For a map known to be beyond the layout limits (it draws at least ``at_least``
        nodes): laying it out is refused at once, without building a DOT of tens of
        thousands of nodes first, while ``.dot`` still gives it on demand.
        """
        m = cls("", engine=engine)
        m._dot, m._build, m._at_least = None, build, at_least
        return m

    def check_layout(self) -> None:
        """Refuse, at once, to lay out a map beyond the layout limits (unless ``force``).

        Raises
        ------
        MapTooLargeError
            See :func:`argmap.maps.engine.check_layout_size`.
        """
        if self.force:
            return
        if self._dot is None:  # deferred: known too large without building it
            check_layout_size(self._at_least, None)
        check_layout_size(self.nodes, self.edges)

    def _built(self) -> str:
        if self._dot is None:
            assert self._build is not None
            self._dot = self._build()
            self._nodes, self._edges = dot_size(self._dot)
            self._build = None
        return self._dot

    @property
    def dot(self) -> str:
        """The DOT source (built now if it was deferred)."""
        return self._built()

    @property
    def nodes(self) -> int:
        """How many nodes the map draws."""
        self._built()
        return self._nodes

    @property
    def edges(self) -> int:
        """How many edges the map draws."""
        self._built()
        return self._edges

    def __repr__(self) -> str:
        if self._dot is None:
            return f"<argmap.Map: at least {self._at_least} nodes, DOT not built yet>"
        return f"<argmap.Map: {self._nodes} nodes, {len(self._dot)} chars of DOT>"

    def pipe(self, fmt: str = "svg") -> bytes:
        """The map rendered as ``fmt`` (svg, png, pdf or dot).

        The layout is done once: PDF is converted from the cached SVG, and a PNG that
        needs the map's size first reads it from there too. Safe to call from several
        threads (one map renders one format at a time).

        Raises
        ------
        MapTooLargeError
            The map is beyond the layout limits and ``force`` was not given (``dot``,
            which needs no layout, is always written).
        """
        fmt = fmt.lower().lstrip(".")
        if fmt != "dot":
            self.check_layout()
        with self._lock:
            if fmt not in self._cache:
                if fmt == "pdf":
                    self._cache[fmt] = svg_to_pdf(self._svg_locked())
                elif fmt == "png":
                    self._cache[fmt] = render_png(self.dot, self.engine, self._svg_locked)
                else:
                    self._cache[fmt] = pipe(self.dot, fmt, self.engine)
            return self._cache[fmt]

    def _svg_locked(self) -> bytes:
        if "svg" not in self._cache:
            self._cache["svg"] = pipe(self.dot, "svg", self.engine)
        return self._cache["svg"]

    def to_graphviz(self) -> Any:
        """The map as a ``graphviz.Source``, for the ``graphviz`` package's own tools
        (other layout engines, ``unflatten``, its ``render``)."""
        import graphviz

        return graphviz.Source(self.dot)

    def svg(self) -> str:
        """The map as SVG text."""
        return self.pipe("svg").decode("utf-8")

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the map to ``path``; the format comes from the suffix. Atomic: a failure
        leaves no file behind.

        Raises
        ------
        RenderError
            Unsupported suffix, missing folder, or a rendering failure.
        """

        target = Path(path)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            wanted = ", ".join(f".{f}" for f in FORMATS)
            raise RenderError(f"{target}: cannot tell the format from the suffix (use {wanted})")
        if not target.parent.is_dir():
            raise RenderError(f"{target}: folder {str(target.parent)!r} does not exist")
        data = self.pipe(fmt)
        try:
            return write_atomic(target, data)
        except OSError as exc:
            raise RenderError(f"{target}: cannot write: {exc.strerror or exc}") from None

    # -- notebook display ------------------------------------------------------------

    def _too_big(self) -> str | None:
        nodes = self._at_least if self._dot is None else self._nodes
        if nodes > DISPLAY_NODE_LIMIT:
            return (
                f"argmap map of {nodes} nodes: too big to lay out inline (limit "
                f"{DISPLAY_NODE_LIMIT}); use render(..., focus=ID, depth=K) or .save('map.svg')"
            )
        return None

    def _repr_svg_(self) -> str | None:
        if self._too_big():
            return None
        try:
            return self.svg()
        except ArgmapError:
            return None

    def _repr_mimebundle_(
        self,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        **_: Any,
    ) -> dict[str, Any]:
        """SVG for Jupyter (PNG on request); a plain-text note when too big or failing."""
        wanted = set(include) if include is not None else {"image/svg+xml", "text/plain"}
        wanted -= set(exclude or ())
        note = self._too_big()
        if note is not None:
            return {"text/plain": note} if "text/plain" in wanted or not wanted else {}
        out: dict[str, Any] = {}
        try:
            if "image/svg+xml" in wanted:
                out["image/svg+xml"] = self.svg()
            if "image/png" in wanted:
                out["image/png"] = self.pipe("png")
        except ArgmapError as exc:
            return {"text/plain": f"argmap map could not be rendered: {exc}"}
        if "text/plain" in wanted:
            out["text/plain"] = repr(self)
        return out
