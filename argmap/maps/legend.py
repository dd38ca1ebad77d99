"""The legend and the list of sources printed under a map.

Both go into one HTML-like table used as the graph's bottom label, so they never take
part in the layout (a legend node would be pulled around by the ranks). The legend lists
only what the map uses: the node kinds drawn, the statuses that occur, the relations
present, the badge if any claim meets its standard, and the diff cues in a diff view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.maps.dot import Html
from argmap.maps.escape import html_lines, html_text
from argmap.maps.labels import day
from argmap.maps.theme import Theme
from argmap.model import Case
from argmap.vocabulary import GRAPH_KINDS

__all__ = ["LegendSpec", "footer"]


@dataclass
class LegendSpec:
    """What a map used, collected while it was built."""

    kinds: set[str] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    edges: set[str] = field(default_factory=set)
    badge: bool = False
    strength: bool = False
    diff: bool = False
    focus: str | None = None
    semantics: str | None = None
    notes: list[str] = field(default_factory=list)
    note_width: int = 130
    """Characters per line of a note (a wide figure can take longer lines)."""


_PER_ROW = 5
"""Legend entries per row."""
_EDGE_ORDER = (
    "premise",
    "cites",
    "support",
    "rebut",
    "contradicts",
    "contrary",
    "undermine",
    "undercut",
)
_KIND_ORDER = GRAPH_KINDS
_STATUS_ORDER = ("in", "undec", "out")
_SHAPE_WORD = {
    "claim": "rounded box",
    "evidence": "note",
    "argument": "cut corners",
    "precedent": "folder",
    "event": "arrow box",
}
_BORDER_WORD = {"solid": "solid border", "dashed": "dashed border", "dotted": "dotted border"}


def _cell(text: str, theme: Theme, color: str | None = None, bold: bool = False) -> str:
    body = f"<B>{text}</B>" if bold else text
    c = f' COLOR="{color}"' if color else ""
    return f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{theme.small + 0.5:g}"{c}>{body}</FONT></TD>'


def _item(glyph: str, text: str, theme: Theme, color: str | None = None, bold: bool = False) -> str:
    body = f"<B>{glyph}</B>" if bold else glyph
    c = f' COLOR="{color}"' if color else ""
    # a minimum width keeps a narrow glyph (√, ×) clear of the text before it when a
    # wider font than the layout's replaces it (PDF)
    font = f'<FONT POINT-SIZE="{theme.fontsize:g}"{c}>{body}</FONT>'
    sample = f'<TD ALIGN="CENTER" WIDTH="24">{font}</TD>'
    return sample + _cell(text, theme)


def _legend_items(spec: LegendSpec, theme: Theme) -> list[list[str]]:
    """Legend entries in groups (kinds, statuses, relations, diff); each entry is two
    cells: a sample and what it means."""
    groups: list[list[str]] = []
    items: list[str] = []
    for kind in _KIND_ORDER:
        if kind in spec.kinds:
            style = theme.kinds[kind]
            swatch = (
                f'<TD WIDTH="18" HEIGHT="12" FIXEDSIZE="TRUE" BGCOLOR="{theme.fill(kind, 0.6)}"'
                f' BORDER="1" COLOR="{theme.border}"></TD>'
            )
            text = f"{style.title} ({_SHAPE_WORD.get(kind, style.shape)})"
            items.append(swatch + _cell(html_text(text), theme))
    groups.append(items)
    items = []
    for status in _STATUS_ORDER:
        if status in spec.statuses:
            st = theme.status[status]
            what = f"{st.word} ({_BORDER_WORD.get(st.border, st.border)})"
            items.append(_item(html_text(st.glyph), html_text(what), theme, st.color, bold=True))
    if spec.strength:
        items.append(_item("0.72", "strength: deeper fill = stronger", theme))
    if spec.badge:
        items.append(
            _item(
                "√",
                "proof standard met: the strength clears the standard's threshold "
                "(contested: met, yet a defeat of the claim stands)",
                theme,
                theme.badge,
                bold=True,
            )
        )
    groups.append(items)
    items = []
    for kind in _EDGE_ORDER:
        if kind in spec.edges:
            e = theme.edges[kind]
            items.append(_item(html_text(e.sample), e.verb, theme, e.color, bold=e.bold))
    if spec.diff:
        items.append(_item("▬", "changed from the baseline", theme, theme.highlight, bold=True))
        items.append(_item("▫", "unchanged (faded)", theme, theme.faded))
    groups.append(items)
    return [g for g in groups if g]


def _source_rows(case: Case, cited: Iterable[str], theme: Theme) -> list[str]:
    wanted = set(cited)
    rows = []
    for src in case.sources:
        if src.id not in wanted:
            continue
        text = f"{src.outlet}, “{src.title}”"
        if src.author:
            text += f", {src.author}"
        if src.date is not None:
            text += f", {day(src.date)}"
        rows.append(
            "<TR>"
            + _cell(html_text(f"[{src.id}]"), theme, bold=True)
            + f'<TD ALIGN="LEFT" BALIGN="LEFT" COLSPAN="{2 * _PER_ROW - 1}">'
            + f'<FONT POINT-SIZE="{theme.small + 0.5:g}">{html_lines(text, 90, 400)}</FONT></TD>'
            + "</TR>"
        )
    return rows


def footer(spec: LegendSpec, case: Case, cited: Iterable[str], theme: Theme) -> Html | None:
    """The bottom label: the legend in rows of a few entries, then notes, then sources
    (``None`` if there is nothing to show).

    One flat table, so rows line up and nothing is stretched.
    """
    items = _legend_items(spec, theme)
    sources = _source_rows(case, cited, theme)
    # notes are wrapped so that a long one does not widen the whole legend
    notes = [html_lines(n, spec.note_width, 1000) for n in spec.notes]
    if spec.semantics:
        notes.insert(0, html_text(spec.semantics))
    if spec.focus:
        notes.insert(0, html_text(spec.focus))
    width = 2 * _PER_ROW
    head = (
        f'<TR><TD COLSPAN="{width}" ALIGN="LEFT"><FONT POINT-SIZE="{theme.small + 1.5:g}"'
        f' COLOR="{theme.ink}"><B>{{}}</B></FONT></TD></TR>'
    )
    rows: list[str] = []
    if items:
        rows.append(head.format("Legend"))
    for chunk in _rows_of(items):
        pad = "<TD></TD><TD></TD>" * (_PER_ROW - len(chunk))
        rows.append("<TR>" + "".join(chunk) + pad + "</TR>")
    for note in notes:
        rows.append(
            f'<TR><TD COLSPAN="{width}" ALIGN="LEFT" BALIGN="LEFT">'
            f"{_font_small(note, theme)}</TD></TR>"
        )
    if sources:
        rows.append(head.format("Sources"))
        rows.extend(sources)
    if not rows:
        return None
    return Html('<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">' + "".join(rows) + "</TABLE>")


def _rows_of(groups: list[list[str]]) -> list[list[str]]:
    """Legend rows: each group starts a row, unless it fits whole after the one before
    (a lone "claim" swatch shares the statuses' row)."""
    rows: list[list[str]] = []
    for group in groups:
        if rows and len(rows[-1]) + len(group) <= _PER_ROW:
            rows[-1] = rows[-1] + group
            continue
        rows.extend(group[i : i + _PER_ROW] for i in range(0, len(group), _PER_ROW))
    return rows


def _font_small(text: str, theme: Theme) -> str:
    return f'<FONT POINT-SIZE="{theme.small + 0.5:g}" COLOR="{theme.muted}">{text}</FONT>'
