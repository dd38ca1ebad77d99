"""Node labels and tooltips: what a reader sees inside each box.

A label is an HTML-like table: a small header with the kind and id, the node's short
title (its ``label``, such as an Argdown title) in bold when it has one, the node's text
wrapped to the theme's width (it gives up as many characters as the title takes, so
titled boxes stay about as tall as untitled ones), a line of particulars (source marker,
status and date for evidence; scheme for arguments; court and year for precedents), and,
when the case has been evaluated, the status glyph, the strength and a proof-standard
badge (and, on an argument with open critical questions, a small badge counting
them). Every piece of case text passes through :mod:`argmap.maps.escape`.
"""

from __future__ import annotations

import datetime as dt

from argmap.maps.dot import Html
from argmap.maps.escape import clean, html_lines, html_text, truncate
from argmap.maps.graph import GraphNode
from argmap.maps.theme import Theme
from argmap.model import Argument, Claim, Event, Evidence, Precedent
from argmap.semantics.evaluation import Label, NodeResult, Verdict

__all__ = [
    "day",
    "label_of",
    "node_label",
    "node_tooltip",
    "question_badge",
    "standard_name",
    "status_line",
]


def label_of(result: NodeResult) -> str:
    """The result's label as text (``in``, ``out``, ``undec``), also when a hand-made
    result carries a plain string rather than a :class:`Label`."""
    return Label(result.label).value


def day(date: dt.date) -> str:
    """A date as a briefing writes it: ``20 Apr 2023``."""
    return f"{date.day} {date:%b %Y}"


def contested_note(result: NodeResult) -> str:
    """`` · contested`` when the claim meets its standard yet is out or undec (an
    attack on it is unanswered), so the badge never reads as a plain win."""
    return " · contested" if result.verdict is Verdict.CONTESTED else ""


def standard_name(name: str | None) -> str:
    """``clear_and_convincing`` -> ``clear and convincing``."""
    return (name or "").replace("_", " ")


def _font(text: str, theme: Theme, size: float | None = None, color: str | None = None) -> str:
    attrs = []
    if size is not None:
        attrs.append(f'POINT-SIZE="{size:g}"')
    if color is not None:
        attrs.append(f'COLOR="{color}"')
    return f"<FONT {' '.join(attrs)}>{text}</FONT>" if attrs else text


def _row(content: str, bgcolor: str | None = None) -> str:
    bg = f' BGCOLOR="{bgcolor}"' if bgcolor else ""
    return f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{bg}>{content}</TD></TR>'


def _sources(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]" if ids else ""


def _particulars(item: GraphNode) -> tuple[str, str]:
    """The node's main text and its line of particulars (both unescaped)."""
    node = item.node
    if isinstance(node, Claim):
        return node.text, ""
    if isinstance(node, Evidence):
        bits = [f"[{node.source}]", node.status.value]
        if node.date is not None:
            bits.append(day(node.date))
        return node.text, " · ".join(bits)
    if isinstance(node, Argument):
        text = node.text or f"{node.scheme} (to {node.conclusion})"
        return text, f"{node.stance.value} · {node.scheme}"
    if isinstance(node, Precedent):
        where = f"{node.court}, {node.year}"
        status = node.status.value
        if node.outcome is not None:
            status += f" for {node.outcome.value}"
        bits = [where, status]
        if node.sources:
            bits.append(_sources(node.sources))
        return node.name, " · ".join(bits)
    if isinstance(node, Event):
        bits = [day(node.date)]
        if node.sources:
            bits.append(_sources(node.sources))
        return node.text, " · ".join(bits)
    raise TypeError(type(node).__name__)  # pragma: no cover - DRAWN_KINDS only


def question_badge(result: NodeResult, theme: Theme) -> str:
    """``? 2 open questions`` in the undecided colour (escaped HTML): an argument's
    open critical questions, each an implicit undercutter.

    >>> from argmap.maps.theme import get_theme
    >>> result = NodeResult("A", "argument", Label.OUT, 0.3, open_questions=("q",))
    >>> "? 1 open question<" in question_badge(result, get_theme("briefing"))
    True
    """
    count = len(result.open_questions)
    text = f"? {count} open question{'s' if count != 1 else ''}"
    return _font(f"<B>{html_text(text)}</B>", theme, theme.small, theme.status["undec"].color)


def status_line(result: NodeResult, theme: Theme) -> str:
    """``● in · 0.72`` in the status colour (escaped HTML)."""
    style = theme.status[label_of(result)]
    text = f"{style.glyph} {style.word} · {result.strength:.2f}"
    return _font(html_text(text), theme, theme.small + 0.5, style.color)


def node_label(
    item: GraphNode,
    theme: Theme,
    result: NodeResult | None,
    *,
    before: NodeResult | None = None,
    changed: bool = False,
    faded: bool = False,
) -> Html:
    """The HTML-like label of one node."""
    text, particulars = _particulars(item)
    muted = theme.faded if faded else theme.muted
    ink = theme.faded if faded else theme.ink
    header = theme.kinds[item.kind].title.upper() + (f"  {item.id}" if theme.show_ids else "")
    rows = [_row(_font(html_text(header), theme, theme.small, muted))]
    limit = theme.label_limit
    title = getattr(item.node, "label", None)
    if title:  # the short title as a bold heading; the text gives up as much room
        heading = html_lines(title, theme.wrap_width, limit)
        rows.append(_row(_font(f"<B>{heading}</B>", theme, None, ink if faded else None)))
        limit = max(limit - len(title), 40)
    body = html_lines(text, theme.wrap_width, limit)
    rows.append(_row(_font(body, theme, None, ink if faded else None)))
    if particulars:
        line = html_lines(particulars, theme.wrap_width + 8, theme.label_limit)
        rows.append(_row(_font(line, theme, theme.small, muted)))
    if isinstance(item.node, Event):
        for other in item.node.disputed_dates:
            note = f"disputed: [{other.source}] gives {day(other.date)}"
            color = theme.faded if faded else theme.status["out"].color
            rows.append(
                _row(_font(html_lines(note, theme.wrap_width + 8, 200), theme, theme.small, color))
            )
    if result is not None and not faded:
        rows.append(_row(status_line(result, theme)))
        if result.standard_met is True:
            badge = html_text(f"√ {standard_name(result.standard)} met{contested_note(result)}")
            rows.append(_row(_font(f"<B>{badge}</B>", theme, theme.small, theme.badge)))
        elif result.standard_met is False:
            note = html_text(f"{standard_name(result.standard)} not met")
            rows.append(_row(_font(note, theme, theme.small, theme.muted)))
        if result.burden is not None:
            note = html_text(f"burden: {result.burden}")
            rows.append(_row(_font(note, theme, theme.small, theme.muted)))
        if result.open_questions:
            rows.append(_row(question_badge(result, theme)))
    if changed:
        if before is None:
            was = "new in this scenario"
        else:
            was = f"was {theme.status[label_of(before)].word} · {before.strength:.2f}"
            if (
                before.standard_met is not None
                and result is not None
                and before.standard_met != result.standard_met
            ):
                was += " · standard " + ("met" if before.standard_met else "not met")
        rows.append(_row(_font(html_text(was), theme, theme.small, theme.highlight)))
    table = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>"
    )
    return Html(table)


def node_tooltip(
    item: GraphNode, theme: Theme, result: NodeResult | None, weight_note: str = ""
) -> str:
    """Plain text shown on hover: more of the text than the label holds, and details.

    ``weight_note`` is how an argument from precedent got its weight, in words and
    numbers (:func:`argmap.semantics.precedent.describe_weight`)."""
    text, particulars = _particulars(item)
    parts = [f"{item.id} ({item.kind})", clean(text)]
    title = getattr(item.node, "label", None)
    if title:
        parts.insert(1, clean(title))
    if particulars:
        parts.append(particulars)
    node = item.node
    if isinstance(node, Evidence) and node.quote:
        parts.append(f"“{clean(node.quote)}”")
    if isinstance(node, Precedent) and node.holding:
        parts.append(clean(node.holding))
    if isinstance(node, Event):
        for other in node.disputed_dates:
            extra = f" ({clean(other.note)})" if other.note else ""
            parts.append(f"[{other.source}] gives {day(other.date)}{extra}")
    if result is not None:
        parts.append(f"{label_of(result)}, strength {result.strength:.3f}")
        if result.open_questions:
            parts.append("open critical questions: " + ", ".join(result.open_questions))
    if weight_note:
        parts.append("weight: " + clean(weight_note))
    return truncate("\n".join(parts), theme.tooltip_limit)
