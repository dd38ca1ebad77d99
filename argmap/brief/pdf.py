"""The brief as PDF, typeset by Typst (the ``typst`` package: compiler and fonts in
its wheel, no system library, no network).

The Document goes to the template ``templates/brief.typ`` as one JSON string, so
no case text is ever read as Typst markup. Only the fonts inside the compiler are
used (Libertinus Serif for text, figures included), and embedded; the PDF carries
no date, so the same brief gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from argmap.brief.document import Document, Figure, Section, as_dict
from argmap.errors import ArgmapError

__all__ = ["SUFFIX", "TEMPLATE", "figure_pages", "render_pdf", "svg_to_png"]

SUFFIX = ".pdf"
TEMPLATE = Path(__file__).with_name("templates") / "brief.typ"

_PAPER = {"letter": "us-letter", "a4": "a4"}


def _compile(
    source: Path,
    inputs: dict[str, str],
    fmt: Literal["pdf", "png"] = "pdf",
    ppi: float | None = None,
) -> bytes:
    import typst  # heavy: the compiler is loaded only to typeset

    try:
        out = typst.compile(
            str(source), format=fmt, ppi=ppi, ignore_system_fonts=True, sys_inputs=inputs
        )
    except RuntimeError as exc:  # pragma: no cover - the template and data are ours
        raise ArgmapError(f"typesetting failed: {str(exc).splitlines()[0]}") from None
    if not isinstance(out, bytes):  # pragma: no cover - one page asked, one page made
        raise ArgmapError("typesetting made more than one image")
    return out


def render_pdf(document: Document) -> bytes:
    """The brief as PDF bytes (Letter or A4, fonts embedded, no creation date).

    >>> from argmap.brief.document import Paragraph, Section
    >>> pdf = render_pdf(Document("A", sections=(Section("S", (Paragraph("x"),)),)))
    >>> pdf[:5], pdf == render_pdf(Document("A", sections=(Section("S", (Paragraph("x"),)),)))
    (b'%PDF-', True)
    """
    data = as_dict(document)
    data["paper"] = _PAPER[document.paper]
    return _compile(TEMPLATE, {"brief": json.dumps(data)})


def figure_pages(figures: Sequence[Figure], paper: str = "letter") -> bytes:
    """Figures alone, one a page (each page turned as its figure needs), numbered:
    ``argmap render --paper``.

    >>> svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>'
    >>> figure_pages([Figure(svg, 9, 9, "A dot")])[:5]
    b'%PDF-'
    """
    document = Document("", sections=(Section("", tuple(figures)),), paper=paper)
    data = as_dict(document)
    data["paper"] = _PAPER[paper]
    return _compile(_PAGES, {"brief": json.dumps(data)})


_PAGES = Path(__file__).with_name("templates") / "pages.typ"
_PICTURE = Path(__file__).with_name("templates") / "picture.typ"


def svg_to_png(svg: bytes, ppi: float = 150.0) -> bytes:
    """An SVG as PNG through the same compiler and fonts (for Word, which takes no SVG)."""
    return _compile(_PICTURE, {"svg": svg.decode("utf-8")}, "png", ppi)
