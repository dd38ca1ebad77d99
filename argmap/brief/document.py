"""The brief's content model: what a brief says, independent of its file format.

A :class:`Document` is sections of blocks (paragraphs, tables, figures), all plain
text (no markup: each format escapes or places it itself). :func:`argmap.brief.compose`
makes one from a case and its results; each format module (``markdown``, ``pdf``,
``docx``) renders the same Document.

>>> doc = Document("A case", sections=(Section("Summary", (Paragraph("Text."),)),))
>>> [s.title for s in doc.sections], doc.paper
(['Summary'], 'letter')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.safe_text import UNSAFE_CONTROLS

__all__ = ["Block", "Document", "Figure", "Paragraph", "Section", "Table", "as_dict", "shown"]


def shown(text: str) -> str:
    """``text`` with its unsafe control characters as U+FFFD: visible, never acting
    (and never refused by a format that cannot hold them, as Word's XML).

    >>> shown("a\x1b]0;b")
    'a\ufffd]0;b'
    """
    return UNSAFE_CONTROLS.sub("\ufffd", text)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text; ``style`` is ``body``, ``note`` (smaller, muted),
    ``quote`` (a quoted passage) or ``hypothetical`` (a scenario's material, set
    apart from the record)."""

    text: str
    style: str = "body"
    lead: str = ""
    """Words set in bold before the text (a summary's question)."""


@dataclass(frozen=True)
class Table:
    """A table of plain-text cells; ``hypothetical`` holds the indexes of rows that
    are a scenario's material rather than the record; ``widths`` are relative."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    widths: tuple[float, ...] = ()
    hypothetical: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Figure:
    """One page's figure: an SVG drawn ``width_pt`` x ``height_pt`` when printed, a
    PNG of it for formats without SVG, and for a tile of a larger map the locator
    sketch (:func:`argmap.maps.paper.locator`)."""

    svg: bytes
    width_pt: float
    height_pt: float
    caption: str
    landscape: bool = False
    png: bytes = b""
    locator: bytes = b""


Block = Paragraph | Table | Figure


@dataclass(frozen=True)
class Section:
    """A titled run of blocks; ``level`` 1 is a chapter, 2 a part of one."""

    title: str
    blocks: tuple[Block, ...] = ()
    level: int = 1


@dataclass(frozen=True)
class Document:
    """A whole brief: title block, running header, sections, paper."""

    title: str
    subtitle: str = ""
    as_of: str = ""
    note: tuple[str, ...] = ()
    header: str = ""
    sections: tuple[Section, ...] = field(default_factory=tuple)
    paper: str = "letter"
    audience: str = "reader"

    @property
    def long(self) -> bool:
        """Long enough to need a contents list (more than four chapters)."""
        return sum(1 for s in self.sections if s.level == 1) > 4


def as_dict(document: Document) -> dict[str, object]:
    """The Document as JSON-ready data (each block with its ``type``; SVGs as text).

    >>> as_dict(Document("T"))["title"]
    'T'
    """

    def block(b: Block) -> dict[str, object]:
        if isinstance(b, Paragraph):
            return {
                "type": "paragraph",
                "text": shown(b.text),
                "style": b.style,
                "lead": shown(b.lead),
            }
        if isinstance(b, Table):
            return {
                "type": "table",
                "header": [shown(h) for h in b.header],
                "rows": [[shown(c) for c in r] for r in b.rows],
                "caption": shown(b.caption),
                "widths": list(b.widths),
                "hypothetical": sorted(b.hypothetical),
            }
        return {
            "type": "figure",
            "svg": b.svg.decode("utf-8"),
            "width": round(b.width_pt, 2),
            "height": round(b.height_pt, 2),
            "caption": shown(b.caption),
            "landscape": b.landscape,
            "locator": b.locator.decode("utf-8"),
        }

    return {
        "title": shown(document.title),
        "subtitle": document.subtitle,
        "as_of": document.as_of,
        "note": [shown(n) for n in document.note],
        "header": shown(document.header),
        "paper": document.paper,
        "audience": document.audience,
        "long": document.long,
        "sections": [
            {"title": shown(s.title), "level": s.level, "blocks": [block(b) for b in s.blocks]}
            for s in document.sections
        ],
    }
