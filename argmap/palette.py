"""The colours of argmap, defined once: the maps (:mod:`argmap.maps.theme`) and the
charts (:mod:`argmap.plot`) both read them from here.

The base is the Okabe-Ito palette, whose eight colours stay distinguishable under the
common forms of colour blindness (Okabe and Ito, *Color Universal Design*, 2002). The
maps add four neutral or darker shades (greys, an attack red, an evidence yellow);
each colour-coded distinction on a map is also coded by shape, line style or glyph,
and on a chart by position, hatching or line style, so a greyscale copy still reads.

>>> VERDICT_COLOURS["proved"] == STATUS_IN
True
>>> len(SERIES)
8
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "ATTACK",
    "BLACK",
    "BLUE",
    "BLUISH_GREEN",
    "EVIDENCE_YELLOW",
    "GREY",
    "INK",
    "LINK_GREY",
    "ORANGE",
    "REDDISH_PURPLE",
    "SERIES",
    "SKY_BLUE",
    "STATUS_IN",
    "STATUS_OUT",
    "STATUS_UNDEC",
    "SUPPORT_INK",
    "VERDICT_COLOURS",
    "VERDICT_HATCHES",
    "VERMILLION",
    "YELLOW",
]

# -- Okabe-Ito ----------------------------------------------------------------------
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#999999"

# -- shades the maps add ------------------------------------------------------------
INK = "#222222"
"""Text and outlines."""
STATUS_IN = BLUISH_GREEN
"""An argument that stands (label in)."""
STATUS_OUT = VERMILLION
"""An argument defeated (label out)."""
STATUS_UNDEC = "#8a8a8a"
"""An argument left undecided: a neutral grey, darker than the event fill."""
ATTACK = "#C0392B"
"""Attack edges: a dark red that also differs from supports in line style."""
SUPPORT_INK = "#3d3d3d"
"""Support edges."""
LINK_GREY = "#9a9a9a"
"""Premise and citation links."""
EVIDENCE_YELLOW = "#E6C229"
"""The evidence fill: Okabe-Ito's yellow, deepened so it shows as a pale fill."""

# -- charts -------------------------------------------------------------------------
VERDICT_COLOURS: Mapping[str, str] = {
    "proved": STATUS_IN,
    "accepted": SKY_BLUE,
    "unproven": REDDISH_PURPLE,
    "contested": ORANGE,
    "undecided": STATUS_UNDEC,
    "defeated": STATUS_OUT,
}
"""One colour per verdict (:class:`argmap.vocabulary.Verdict`): proved and defeated in
the maps' in and out colours, undecided in their undecided grey. Six colours cannot all
stay apart for every colour-blind eye, so charts add :data:`VERDICT_HATCHES`."""

VERDICT_HATCHES: Mapping[str, str | None] = {
    "proved": None,
    "accepted": "..",
    "unproven": "//",
    "contested": "xx",
    "undecided": "--",
    "defeated": "\\\\",
}
"""A hatch per verdict, so verdicts close in colour (proved and undecided for a
deuteranope) still read apart, and in greyscale."""

SERIES: tuple[str, ...] = (
    BLUE,
    ORANGE,
    BLUISH_GREEN,
    VERMILLION,
    REDDISH_PURPLE,
    SKY_BLUE,
    BLACK,
    GREY,
)
"""Colours for lines and runs drawn side by side, in order (Okabe-Ito, yellow left out:
too pale for a thin line on white)."""
