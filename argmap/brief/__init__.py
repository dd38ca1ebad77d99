"""The brief a partner reads: one content model, one module per file format.

:func:`compose` turns a case and its results into a :class:`Document` (sections of
paragraphs, tables and figures); a format module renders it. :data:`FORMATS` maps a
file suffix to its renderer: ``.md`` (:mod:`~argmap.brief.markdown`), ``.pdf``
(:mod:`~argmap.brief.pdf`, Typst), ``.docx`` (:mod:`~argmap.brief.docx`). A new
format is one module with a ``render_*(Document) -> bytes`` registered here.

>>> sorted(FORMATS)
['.docx', '.md', '.pdf']
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.brief.compose import AUDIENCES, compose
from argmap.brief.document import Document, Figure, Paragraph, Section, Table
from argmap.brief.docx import render_docx
from argmap.brief.markdown import render_markdown
from argmap.brief.pdf import render_pdf
from argmap.errors import ArgmapError

__all__ = [
    "AUDIENCES",
    "FORMATS",
    "Document",
    "Figure",
    "Paragraph",
    "Section",
    "Table",
    "compose",
    "renderer_for",
]

FORMATS: dict[str, Callable[[Document], bytes]] = {
    ".md": render_markdown,
    ".pdf": render_pdf,
    ".docx": render_docx,
}
"""File suffix -> renderer of a Document to that format's bytes."""


def renderer_for(path: str) -> Callable[[Document], bytes]:
    """The renderer for ``path``'s suffix.

    Raises
    ------
    ArgmapError
        The suffix is not a brief format.
    """
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ArgmapError(f"{path}: a brief is written as {known}") from None
