"""The brief as one Markdown file: figures inline as SVG data, every text escaped."""

from __future__ import annotations

import base64

from argmap.brief.document import Document, Figure, Paragraph, Table
from argmap.safe_text import markdown_text

__all__ = ["SUFFIX", "render_markdown"]

SUFFIX = ".md"


def _table(table: Table) -> list[str]:
    def row(cells: tuple[str, ...], italic: bool = False) -> str:
        shown = [markdown_text(c) for c in cells]
        if italic:
            shown = [f"*{c}*" if c else c for c in shown]
        return "| " + " | ".join(shown) + " |"

    lines = [row(table.header), "|" + "---|" * len(table.header)]
    lines += [row(r, i in table.hypothetical) for i, r in enumerate(table.rows)]
    if table.caption:
        lines += ["", markdown_text(table.caption)]
    return [*lines, ""]


def render_markdown(document: Document) -> bytes:
    """The brief as Markdown (UTF-8).

    >>> from argmap.brief.document import Section
    >>> print(render_markdown(Document("A *case*", sections=(Section("S"),))).decode())
    # A \\*case\\*
    <BLANKLINE>
    *On the record as filed*
    <BLANKLINE>
    ## S
    <BLANKLINE>
    """
    out = [f"# {markdown_text(document.title)}", ""]
    out += [f"*{markdown_text(document.as_of or 'On the record as filed')}*", ""]
    for note in document.note:
        out += [markdown_text(note, line_start=True), ""]
    for section in document.sections:
        out += [f"{'#' * (section.level + 1)} {markdown_text(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                text = markdown_text(block.text, line_start=True)
                if block.lead:
                    text = f"**{markdown_text(block.lead)}** {markdown_text(block.text)}"
                if block.style == "quote":
                    text = "> " + text
                elif block.style in ("note", "hypothetical"):
                    text = f"*{text}*"
                out += [text, ""]
            elif isinstance(block, Table):
                out += _table(block)
            elif isinstance(block, Figure):
                data = base64.b64encode(block.svg).decode("ascii")
                out += [f"![{markdown_text(block.caption)}](data:image/svg+xml;base64,{data})", ""]
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")
