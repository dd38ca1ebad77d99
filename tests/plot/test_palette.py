"""The shared palette: where a colour-blind reader may not tell two map colours apart
(simulated protanopia, deuteranopia, tritanopia; Machado, Oliveira and Fernandes 2009),
the map must say the difference another way (border style and glyph, shape)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from argmap.maps.theme import BRIEFING, mix
from argmap.palette import SERIES, VERDICT_COLOURS, VERDICT_HATCHES

# Machado et al. (2009), severity 1.0, on linear RGB
_SIMULATION = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}  # fmt: skip

CLOSE = 20.0
"""CIE76 colour difference under which two colours are taken as hard to tell apart."""


def _linear(colour: str) -> np.ndarray:
    c = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    x = xyz @ np.clip(linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(x > 0.008856, np.cbrt(x), 7.787 * x + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def worst_difference(a: str, b: str) -> float:
    """The smallest colour difference of ``a`` and ``b`` to normal or dichromat eyes."""
    la, lb = _linear(a), _linear(b)
    pairs = [(la, lb)] + [(np.array(m) @ la, np.array(m) @ lb) for m in _SIMULATION.values()]
    return min(float(np.linalg.norm(_lab(x) - _lab(y))) for x, y in pairs)


def test_the_simulation_can_tell_red_from_green_only_with_normal_eyes() -> None:
    # the check can fail: pure red and green of equal lightness collapse for a deuteranope
    assert worst_difference("#d00000", "#6a8a00") < CLOSE
    assert worst_difference("#000000", "#ffffff") > 90


def test_statuses_close_in_colour_differ_in_border_and_glyph() -> None:
    for (a, sa), (b, sb) in itertools.combinations(BRIEFING.status.items(), 2):
        if worst_difference(sa.color, sb.color) < CLOSE:
            assert sa.border != sb.border and sa.glyph != sb.glyph, (a, b)


def test_node_kinds_close_in_colour_differ_in_shape_or_style() -> None:
    kinds = BRIEFING.kinds.items()
    for (a, ka), (b, kb) in itertools.combinations(kinds, 2):
        if worst_difference(mix(ka.hue, 0.3), mix(kb.hue, 0.3)) < CLOSE:
            assert (ka.shape, ka.style) != (kb.shape, kb.style), (a, b)


def test_attacks_and_supports_differ_in_colour_for_every_eye() -> None:
    attack, support = BRIEFING.edges["rebut"].color, BRIEFING.edges["support"].color
    assert worst_difference(attack, support) > CLOSE


def test_verdicts_close_in_colour_differ_in_hatch() -> None:
    for a, b in itertools.combinations(VERDICT_COLOURS, 2):
        if worst_difference(VERDICT_COLOURS[a], VERDICT_COLOURS[b]) < CLOSE:
            assert VERDICT_HATCHES[a] != VERDICT_HATCHES[b], (a, b)


@pytest.mark.parametrize(("a", "b"), [("proved", "defeated"), ("contested", "undecided")])
def test_the_verdicts_in_the_maps_status_colours_read_apart(a: str, b: str) -> None:
    assert worst_difference(VERDICT_COLOURS[a], VERDICT_COLOURS[b]) > CLOSE


def test_chart_lines_after_the_first_three_carry_a_marker_too() -> None:
    # colours alone cannot keep eight lines apart; curves.py gives each a marker
    from argmap.plot.curves import _STYLES

    assert len(set(_STYLES)) >= len(SERIES)
