"""Themes: the visual language of a map, as data.

A theme says how each node kind looks (shape, hue), how an evaluation status is shown
(border colour, border style and a glyph, so that it reads without colour too), how each
relation is drawn, and the fonts and sizes. ``briefing`` is the calm colour theme for
screens and slides; ``print`` is black and white for paper and photocopies.

Colours come from :mod:`argmap.palette` (shared with the charts of :mod:`argmap.plot`);
status colours are from the Okabe-Ito palette, which stays distinguishable under the
common forms of colour blindness (Okabe and Ito, *Color Universal Design*, 2002). Every
status also differs in border style and glyph, so a greyscale copy still reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import RenderError
from argmap.palette import (
    ATTACK,
    BLUE,
    EVIDENCE_YELLOW,
    GREY,
    INK,
    LINK_GREY,
    REDDISH_PURPLE,
    SKY_BLUE,
    STATUS_IN,
    STATUS_OUT,
    STATUS_UNDEC,
    SUPPORT_INK,
)

__all__ = ["THEMES", "EdgeStyle", "KindStyle", "StatusStyle", "Theme", "get_theme", "mix"]


@dataclass(frozen=True)
class KindStyle:
    """How one node kind is drawn: a Graphviz shape, a hue (for the fill) and a name."""

    shape: str
    hue: str
    title: str
    style: str = "filled"
    margin: str | None = None


@dataclass(frozen=True)
class StatusStyle:
    """How an evaluation status is drawn: border colour and style, a glyph, a word."""

    color: str
    border: str
    glyph: str
    word: str
    penwidth: float = 2.2


@dataclass(frozen=True)
class EdgeStyle:
    """How one relation is drawn."""

    color: str
    style: str
    arrowhead: str
    verb: str
    bold: bool = False
    sample: str = "——►"
    both_ways: bool = False


def mix(hue: str, amount: float, base: str = "#ffffff") -> str:
    """The colour ``amount`` of the way from ``base`` to ``hue`` (both ``#rrggbb``).

    Used for strength as fill intensity: a strong node is filled deeper.

    >>> mix("#000000", 0.5)
    '#808080'
    """
    amount = min(max(amount, 0.0), 1.0)
    a = [int(base[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(hue[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class Theme:
    """Everything the builder needs to know about looks."""

    name: str
    kinds: dict[str, KindStyle]
    status: dict[str, StatusStyle]
    edges: dict[str, EdgeStyle]
    font: str = "Helvetica"
    fontsize: float = 11.0
    small: float = 8.5
    title_size: float = 18.0
    ink: str = INK
    muted: str = "#6b6b6b"
    faded: str = "#c8c8c8"
    border: str = "#7a7a7a"
    background: str = "#ffffff"
    cluster_fill: str = "#f6f6f3"
    cluster_border: str = "#d8d8d0"
    highlight: str = BLUE
    badge: str = "#006b4f"
    fill_low: float = 0.12
    fill_high: float = 0.55
    fill_plain: float = 0.3
    wrap_width: int = 30
    label_limit: int = 240
    tooltip_limit: int = 1500
    show_ids: bool = True
    """Print each node's and issue's id on the map (off for readers: the brief)."""

    def fill(self, kind: str, strength: float | None) -> str:
        """The fill for a node of ``kind``; deeper for a higher strength."""
        hue = self.kinds[kind].hue
        if strength is None:
            return mix(hue, self.fill_plain)
        return mix(hue, self.fill_low + (self.fill_high - self.fill_low) * strength)


# Okabe-Ito: bluish green, vermillion, and a neutral grey for "undecided"
_STATUS = {
    "in": StatusStyle(STATUS_IN, "solid", "●", "in", 2.4),
    "out": StatusStyle(STATUS_OUT, "dashed", "×", "out", 2.2),
    "undec": StatusStyle(STATUS_UNDEC, "dotted", "◊", "undecided", 2.2),
}

_EDGES = {
    "support": EdgeStyle(SUPPORT_INK, "solid", "normal", "supports", sample="——►"),
    "rebut": EdgeStyle(ATTACK, "bold", "normal", "rebuts", True, "▬▬►"),
    "undermine": EdgeStyle(ATTACK, "dashed", "normal", "undermines", sample="- - ►"),
    "undercut": EdgeStyle(ATTACK, "dotted", "tee", "undercuts", sample="·····|"),
    "contradicts": EdgeStyle(
        ATTACK, "bold", "normal", "contradict each other", True, "◄▬▬►", both_ways=True
    ),
    "contrary": EdgeStyle(ATTACK, "bold", "dot", "excludes (always defeats)", True, "▬▬●"),
    "premise": EdgeStyle(LINK_GREY, "solid", "none", "premise of", sample="———"),
    "cites": EdgeStyle(LINK_GREY, "solid", "odot", "precedent for", sample="——○"),
}

BRIEFING = Theme(
    name="briefing",
    kinds={
        "claim": KindStyle("box", SKY_BLUE, "claim", "filled,rounded"),
        "evidence": KindStyle("note", EVIDENCE_YELLOW, "evidence"),
        "argument": KindStyle("box", REDDISH_PURPLE, "argument", "filled,rounded,diagonals"),
        "precedent": KindStyle("folder", BLUE, "precedent"),
        "event": KindStyle("cds", GREY, "event", margin="0.22,0.08"),
    },
    status=_STATUS,
    edges=_EDGES,
)

PRINT = Theme(
    name="print",
    kinds={
        "claim": KindStyle("box", "#000000", "claim", "filled,rounded"),
        "evidence": KindStyle("note", "#000000", "evidence"),
        "argument": KindStyle("box", "#000000", "argument", "filled,rounded,diagonals"),
        "precedent": KindStyle("folder", "#000000", "precedent"),
        "event": KindStyle("cds", "#000000", "event", margin="0.22,0.08"),
    },
    status={
        "in": StatusStyle("#000000", "solid", "●", "in", 2.6),
        "out": StatusStyle("#000000", "dashed", "×", "out", 1.6),
        "undec": StatusStyle("#000000", "dotted", "◊", "undecided", 1.6),
    },
    edges={
        name: EdgeStyle("#000000", e.style, e.arrowhead, e.verb, e.bold, e.sample, e.both_ways)
        for name, e in _EDGES.items()
    },
    ink="#000000",
    muted="#333333",
    faded="#bbbbbb",
    border="#000000",
    cluster_fill="#f4f4f4",
    cluster_border="#555555",
    highlight="#000000",
    badge="#000000",
    fill_low=0.0,
    fill_high=0.22,
    fill_plain=0.0,
)

THEMES: dict[str, Theme] = {"briefing": BRIEFING, "print": PRINT}


def get_theme(theme: str | Theme) -> Theme:
    """The theme called ``theme`` (or ``theme`` itself if it is a Theme)."""
    if isinstance(theme, Theme):
        return theme
    try:
        return THEMES[theme]
    except KeyError:
        known = ", ".join(sorted(THEMES))
        raise RenderError(f"unknown theme {theme!r} (choose one of: {known})") from None
