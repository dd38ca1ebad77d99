"""Plain-text and Markdown tables without extra dependencies.

Markdown cells go through :func:`argmap.safe_text.markdown_text` (pipes, newlines,
HTML and Markdown punctuation made inert), and the terminal table pads to
the widest cell per column, so results read well in a terminal and in a briefing.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.safe_text import markdown_text

__all__ = ["markdown_table", "text_table"]

Cell = str | int | float | bool | None


def cell(value: Cell, digits: int = 3) -> str:
    """How a value is shown in a table: floats rounded, ``None`` as a dash."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """A GitHub-flavoured Markdown table (numbers right-aligned).

    >>> print(markdown_table(["a", "b"], [["x|y", 0.5]]))
    | a | b |
    | --- | ---: |
    | x\\|y | 0.500 |
    """

    numeric = [
        bool(rows)
        and all(
            isinstance(r[i], int | float) and not isinstance(r[i], bool)
            for r in rows
            if r[i] is not None
        )
        for i in range(len(header))
    ]
    lines = ["| " + " | ".join(markdown_text(h) for h in header) + " |"]
    lines.append("| " + " | ".join("---:" if n else "---" for n in numeric) + " |")
    for row in rows:
        lines.append("| " + " | ".join(markdown_text(cell(v)) for v in row) + " |")
    return "\n".join(lines)


def text_table(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """An aligned plain-text table for terminals.

    >>> print(text_table(["claim", "p"], [["C1", 0.25]]))
    claim  p
    -----  -----
    C1     0.250
    """
    shown = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in shown)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in shown:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
