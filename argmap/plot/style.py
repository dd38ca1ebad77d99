"""How argmap's charts look and how they are saved, byte for byte the same each time.

Every chart is a :class:`matplotlib.figure.Figure` made by :func:`new_figure` (no
pyplot, so no global state and no display backend), sized for a page's text width
(6.5 inches) with fonts of at least 8 points at that size, in DejaVu Sans, the font
matplotlib ships, so a chart looks the same on every machine. :func:`figure_bytes`
and :func:`save` write PNG, SVG or PDF with no date in the metadata and a fixed SVG
id salt, so the same input gives the same file. matplotlib is imported on first use.

>>> sorted(FORMATS)
['pdf', 'png', 'svg']
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError
from argmap.io.outputs import PathLike, write_output
from argmap.palette import INK, SERIES
from argmap.safe_text import terminal_text

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = [
    "FORMATS",
    "MIN_FONT_SIZE",
    "PAGE_WIDTH",
    "RC",
    "figure_bytes",
    "format_of",
    "new_figure",
    "plain",
    "save",
    "settings",
    "wrap",
]

PAGE_WIDTH = 6.5
"""Inches: the text width of a Letter or A4 page with one-inch margins."""

MIN_FONT_SIZE = 8.0
"""Points: the smallest text on a chart at its own size (legible when printed)."""

FORMATS = {"png": "png", "svg": "svg", "pdf": "pdf"}
"""File suffix (without the dot) -> matplotlib format."""

RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "axes.titlesize": 10.0,
    "axes.labelsize": 9.0,
    "xtick.labelsize": MIN_FONT_SIZE,
    "ytick.labelsize": MIN_FONT_SIZE,
    "legend.fontsize": MIN_FONT_SIZE,
    "figure.titlesize": 11.0,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.prop_cycle": None,  # set in _rc (needs matplotlib's cycler)
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "hatch.linewidth": 0.5,
    "text.usetex": False,
    "svg.hashsalt": "argmap",  # ids in the SVG from a fixed salt, not a random one
    "svg.fonttype": "path",  # glyphs as paths: the SVG needs no installed font
    "pdf.fonttype": 42,  # TrueType embedded in the PDF
    "savefig.dpi": 150,
}
"""matplotlib settings every chart is made and saved under."""


def _rc() -> dict[str, Any]:
    from cycler import cycler

    return {**RC, "axes.prop_cycle": cycler(color=list(SERIES))}


@contextmanager
def settings() -> Iterator[None]:
    """matplotlib under :data:`RC` inside the ``with`` block (charts are drawn there)."""
    import matplotlib

    with matplotlib.rc_context(_rc()):  # type: ignore[arg-type]
        yield


def new_figure(width: float, height: float) -> Figure:
    """An empty figure ``width`` x ``height`` inches in argmap's style (constrained
    layout, so labels are not cut off).

    >>> new_figure(6.5, 3).get_size_inches().tolist()
    [6.5, 3.0]
    """
    from matplotlib.figure import Figure

    with settings():
        return Figure(figsize=(width, height), layout="constrained")


def format_of(path: PathLike) -> str:
    """The image format of ``path`` from its suffix.

    Raises
    ------
    ArgmapError
        A suffix other than ``.png``, ``.svg`` or ``.pdf``.

    >>> format_of("tornado.SVG")
    'svg'
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ArgmapError(f"{path}: cannot tell the image format (use .png, .svg or .pdf)")
    return FORMATS[suffix]


_METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def figure_bytes(figure: Figure, fmt: str) -> bytes:
    """``figure`` as a PNG, SVG or PDF file's bytes: no date or software version in
    the metadata, a fixed salt for SVG ids, so the same figure gives the same bytes.

    >>> figure_bytes(new_figure(2, 1), "svg")[:5]
    b'<?xml'
    """
    if fmt not in _METADATA:
        raise ArgmapError(f"unknown image format {fmt!r} (use png, svg or pdf)")
    buffer = io.BytesIO()
    with settings():
        figure.savefig(buffer, format=fmt, metadata=_METADATA[fmt])
    return buffer.getvalue()


def save(figure: Figure, path: PathLike, inputs: tuple[PathLike, ...] = ()) -> Path:
    """Write ``figure`` to ``path`` (format from the suffix) atomically: the file is
    either the whole chart or left as it was (:func:`argmap.io.outputs.write_output`).

    Raises
    ------
    ArgmapError
        An unknown suffix, an output that is one of ``inputs``, or an unwritable folder.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "empty.svg"
    >>> save(new_figure(2, 1), path).read_bytes() == figure_bytes(new_figure(2, 1), "svg")
    True
    """
    return write_output(path, figure_bytes(figure, format_of(path)), inputs)


def plain(text: str) -> str:
    """``text`` as matplotlib shows it literally: ``$`` would start mathematics, and a
    control character (no font has a glyph for it) is shown as its ``\\uXXXX`` escape,
    as on the terminal (:func:`argmap.safe_text.terminal_text`).

    >>> plain("costs $5")
    'costs \\\\$5'
    >>> plain("a\\x00b")
    'a\\\\u0000b'
    """
    return terminal_text(text).replace("$", r"\$")


def wrap(text: str, width: int, limit: int = 160) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis) and wrapped at ``width``.

    >>> wrap("one two three four", 9)
    'one two\\nthree\\nfour'
    """
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return "\n".join(textwrap.wrap(plain(text), width)) or plain(text)
