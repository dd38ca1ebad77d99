"""The one small hierarchy of errors that argmap raises on purpose.

This module is a leaf of argmap's import graph: it imports nothing of argmap, so every
layer can raise these errors (the contracts in ``pyproject.toml`` keep it so).

Anything derived from :class:`ArgmapError` is the user's input being wrong (a bad file,
a bad expression, a format that cannot be made); the command line turns it into one line
on stderr and exit code 2. Any other exception is a bug in argmap and exits with 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ArgmapError",
    "CaseError",
    "ExpressionError",
    "MapTooLargeError",
    "Problem",
    "RenderError",
    "RendererNotFoundError",
    "ScenarioError",
    "SolverError",
    "line_for",
]


class ArgmapError(Exception):
    """Base of every error caused by input rather than by a bug."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document.

    ``path`` is a dotted path into the document (``evidence[3].source``); ``file`` and
    ``line`` are known when the document came from a file.
    """

    path: str
    message: str
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        path = f"{self.path}: " if self.path else ""
        return f"{where}{path}{self.message}"


class CaseError(ArgmapError):
    """A case (or scenario) document is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def located(self, file: str, lines: dict[str, int] | None = None) -> CaseError:
        """The same problems, each tagged with ``file`` and its line from ``lines``."""
        out = []
        for p in self.problems:
            line = p.line if p.line is not None else line_for(lines or {}, p.path)
            out.append(Problem(p.path, p.message, p.file or file, line))
        return CaseError(out)


_LAST_STEP = re.compile(r"\[\d+\]$|\.[^.\[]+$|^[^.\[]+$")


def line_for(lines: dict[str, int], path: str) -> int | None:
    """The line of ``path``, or of its nearest ancestor that has one.

    ``lines`` maps dotted paths into a document to the line they start on (as
    :func:`argmap.io.locations.load_with_lines` records them); the whole document's
    line is under ``""``. It lives here, beside :class:`Problem`, so that locating a
    problem needs nothing above this module.

    >>> line_for({"": 1, "claims[0]": 4}, "claims[0].text")
    4
    """
    while path:
        if path in lines:
            return lines[path]
        match = _LAST_STEP.search(path)
        if match is None:
            break
        path = path[: match.start()]
    return lines.get("")


class ScenarioError(CaseError):
    """A scenario document is invalid or cannot be applied to its case."""


class ExpressionError(ArgmapError):
    """A weight or score expression is not the restricted arithmetic argmap accepts."""


class RenderError(ArgmapError):
    """A map cannot be rendered in the requested format (names the fix)."""


class RendererNotFoundError(RenderError):
    """The program or library a format needs to be drawn is not installed.

    Like the ``graphviz`` package's ``ExecutableNotFound``: raised when a map is laid
    out or converted, never when it is built, so the DOT source stays available.
    ``renderer`` names what is missing (``'dot'``, ``'graphviz-pure'``, ``'cairosvg'``,
    or ``'dot or graphviz-pure'`` when neither layout program is there) and ``fix`` says
    how to install it; the message carries both.

    >>> err = RendererNotFoundError("dot", "install Graphviz")
    >>> isinstance(err, RenderError), err.renderer
    (True, 'dot')
    >>> print(err)
    the renderer 'dot' was not found; install Graphviz
    """

    def __init__(self, renderer: str, fix: str, what: str | None = None) -> None:
        self.renderer, self.fix = renderer, fix
        what = what or f"the renderer {renderer!r} was not found"
        super().__init__(f"{what}; {fix}")


class MapTooLargeError(RenderError):
    """A map has more nodes or edges than a layout can draw in reasonable time.

    Raised before the renderer is started, so refusing costs nothing; ``nodes`` and
    ``edges`` are the map's (``edges`` None when only a lower bound on the nodes was
    counted, before the map was built), ``node_limit`` and ``edge_limit`` the limits.
    """

    def __init__(self, nodes: int, edges: int | None, node_limit: int, edge_limit: int) -> None:
        self.nodes, self.edges = nodes, edges
        self.node_limit, self.edge_limit = node_limit, edge_limit
        super().__init__(
            f"the map has {self.size}, more than a layout can draw in reasonable time "
            f"(limits: {node_limit:,} nodes, {edge_limit:,} edges, 4 edges per node); "
            "draw a part of it "
            "(--focus ID --depth K, --issue ID, or --view overview), or pass --force to "
            "lay it out anyway"
        )

    @property
    def size(self) -> str:
        """The map's size in words: ``'890 nodes and 37,125 edges'``."""
        if self.edges is None:
            return f"at least {self.nodes:,} nodes (its claims)"
        return f"{self.nodes:,} nodes and {self.edges:,} edges"


class SolverError(ArgmapError):
    """A semantics or solver task cannot be run on this input."""
