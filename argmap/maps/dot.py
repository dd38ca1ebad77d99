"""A small DOT writer: statements in, DOT source out, every value escaped.

The ``graphviz`` package's quoting keeps escString backslashes live on purpose (a user
of that package may want ``\\l``); case text is untrusted, so argmap writes statements
itself and routes every value through :mod:`argmap.maps.escape`. HTML-like labels are
marked with :class:`Html` so that only text built from escaped pieces is written
between ``<`` and ``>``.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.maps.escape import node_name, quoted

__all__ = ["Attrs", "DotWriter", "Html"]


class Html(str):
    """The inside of an HTML-like label, assembled from escaped text only."""

    __slots__ = ()


Attrs = Mapping[str, "str | float | int | Html | None"]


_TOOLTIPS = frozenset({"tooltip", "edgetooltip", "labeltooltip", "headtooltip", "tailtooltip"})


def _value(value: str | float | int | Html, key: str = "") -> str:
    if isinstance(value, Html):
        return f"<{value}>"
    if isinstance(value, bool):  # pragma: no cover - guarded by types
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:.4g}"
    return quoted(value, passes=2 if key in _TOOLTIPS else 1)


def _attr_list(attrs: Attrs) -> str:
    parts = [f"{key}={_value(val, key)}" for key, val in attrs.items() if val is not None]
    return f" [{' '.join(parts)}]" if parts else ""


class DotWriter:
    """Collects DOT statements for one directed graph.

    >>> w = DotWriter()
    >>> w.node("a", {"label": 'say "hi"'})
    >>> print(w.source(), end="")
    digraph "argmap" {
      "a" [label="say \\"hi\\""]
    }
    """

    def __init__(self, name: str = "argmap") -> None:
        self._name = name
        self._lines: list[str] = []
        self._depth = 1

    def _emit(self, text: str) -> None:
        self._lines.append("  " * self._depth + text)

    def defaults(self, what: str, attrs: Attrs) -> None:
        """Default attributes for ``graph``, ``node`` or ``edge``."""
        if what not in ("graph", "node", "edge"):
            raise ValueError(what)
        self._emit(f"{what}{_attr_list(attrs)}")

    def node(self, node_id: str, attrs: Attrs) -> None:
        """A node named by a case id (quoted, never read as a port)."""
        self._emit(f"{node_name(node_id)}{_attr_list(attrs)}")

    def edge(self, tail: str, head: str, attrs: Attrs) -> None:
        """An edge between two case ids."""
        self._emit(f"{node_name(tail)} -> {node_name(head)}{_attr_list(attrs)}")

    def open(self, name: str, attrs: Attrs) -> None:
        """Start a subgraph (a ``cluster_`` name draws a box); close it with :meth:`close`."""
        self._emit(f"subgraph {quoted(name)} {{")
        self._depth += 1
        for key, val in attrs.items():
            if val is not None:
                self._emit(f"{key}={_value(val, key)}")

    def same_rank(self, ids: list[str]) -> None:
        """Keep ``ids`` on one rank (one row or column)."""
        self._emit("{rank=same; " + "; ".join(node_name(i) for i in ids) + "}")

    def close(self) -> None:
        """End the innermost open subgraph."""
        if self._depth <= 1:
            raise ValueError("no open subgraph")
        self._depth -= 1
        self._emit("}")

    def source(self) -> str:
        """The DOT text."""
        if self._depth != 1:
            raise ValueError("a subgraph is still open")
        return "\n".join([f"digraph {quoted(self._name)} {{", *self._lines, "}"]) + "\n"
