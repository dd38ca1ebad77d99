"""The charts draw the analyses' own numbers, the same bytes every time, in plain
words for readers, with legible type."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from argmap import plot
from argmap.io.casefile import load
from argmap.maps.theme import BRIEFING
from argmap.palette import VERDICT_COLOURS
from argmap.plot.style import MIN_FONT_SIZE, figure_bytes
from argmap.scenario.analysis import tornado as tornado_bars
from argmap.scenario.results import VERDICTS
from argmap.scenario.timeline import strength_timeline
from argmap.scenario.uncertainty import monte_carlo
from argmap.scenario.uncertainty import sweep as sweep_claims

ROOT = Path(__file__).resolve().parents[2]
CASE = load(ROOT / "seeds" / "musk_v_microsoft.yaml")


def _by_gid(figure, prefix):  # type: ignore[no-untyped-def]
    return [
        a for ax in figure.axes for a in ax.get_children() if (a.get_gid() or "").startswith(prefix)
    ]


def _texts(figure):  # type: ignore[no-untyped-def]
    from matplotlib.text import Text

    return [t for t in figure.findobj(Text) if t.get_text().strip()]


def test_tornado_bars_are_the_analysis() -> None:
    bars = tornado_bars(CASE, "C_tos")
    figure = plot.tornado(CASE, "C_tos")
    drawn = {p.get_gid().split(":", 1)[1]: p for p in _by_gid(figure, "bar:")}
    moving = [b for b in bars if b.swing > 0]
    assert set(drawn) == {b.parameter for b in moving}
    for bar in moving:
        patch = drawn[bar.parameter]
        lo, hi = sorted((bar.strength_low, bar.strength_high))
        assert patch.get_x() == pytest.approx(lo, abs=1e-12)
        assert patch.get_width() == pytest.approx(hi - lo, abs=1e-12)


def test_a_bar_that_flips_the_standard_is_vermillion_and_hatched() -> None:
    from matplotlib.colors import to_rgb

    from argmap.palette import BLUE, VERMILLION
    from argmap.scenario.analysis import TornadoBar

    given = [
        TornadoBar("w_licence", 0.1, 0.7, 0.2, 0.6, False, True),
        TornadoBar("w_silence", 0.1, 0.7, 0.3, 0.35, False, False),
    ]
    figure = plot.tornado(CASE, "C_tos", bars={"C_tos": given})
    drawn = {p.get_gid(): p for p in _by_gid(figure, "bar:")}
    assert drawn["bar:w_licence"].get_facecolor()[:3] == to_rgb(VERMILLION)
    assert drawn["bar:w_licence"].get_hatch() == "//"
    assert drawn["bar:w_silence"].get_facecolor()[:3] == to_rgb(BLUE)
    assert drawn["bar:w_silence"].get_hatch() is None
    legend = " ".join(t.get_text() for t in figure.legends[0].get_texts())
    assert "flips" in legend


def test_distribution_draws_the_run() -> None:
    run = monte_carlo(CASE, 400, 3, claims=["C_tos"], progress=False)
    figure = plot.distribution(CASE, "C_tos", runs=run)
    shares = run.summary("C_tos").verdict_probabilities
    assert shares is not None
    bars = {p.get_gid().split(":")[-1]: p.get_width() for p in _by_gid(figure, "verdict:")}
    assert bars == pytest.approx({v.value: s for v, s in shares.items() if s > 0})
    heights = sum(
        np.array([p.get_height() for p in c.patches])
        for c in figure.axes[0].containers
        if len(c.patches) == 40
    )
    # the stacked histogram's top is the share of draws in each bin
    counts, _ = np.histogram(run.strengths[:, 0], bins=plot.uncertainty.BINS)  # type: ignore[index]
    top = np.array([p.get_height() for p in figure.axes[0].containers[-1].patches])
    top = top + np.array([p.get_y() for p in figure.axes[0].containers[-1].patches])
    assert np.allclose(top, counts / run.samples)
    assert heights is not None
    colours = {p.get_facecolor()[:3] for c in figure.axes[0].containers for p in c.patches}
    from matplotlib.colors import to_rgb

    assert colours <= {to_rgb(VERDICT_COLOURS[v.value]) for v in VERDICTS}


def test_sweep_lines_are_the_sweep() -> None:
    values = np.linspace(0, 1, 21)
    result = sweep_claims(CASE, "w_licence", values, claims=["C_tos", "C_licensed"], progress=False)
    figure = plot.sweep(CASE, "w_licence", ["C_tos", "C_licensed"], values=values)
    for j, claim in enumerate(result.claims):
        (met,) = _by_gid(figure, f"met:{claim}")
        (unmet,) = _by_gid(figure, f"unmet:{claim}")
        drawn = np.where(np.isnan(met.get_ydata()), unmet.get_ydata(), met.get_ydata())
        assert np.array_equal(met.get_xdata(), values)
        assert np.allclose(drawn, result.strengths[:, j])
        # solid exactly where the standard is met
        assert np.array_equal(~np.isnan(met.get_ydata()), result.met[:, j])


def test_timeline_steps_are_the_timeline() -> None:
    from matplotlib.dates import num2date

    timeline = strength_timeline(CASE, claims=["C_illegal"])
    figure = plot.timeline_strength(CASE, "C_illegal")
    (line,) = _by_gid(figure, "timeline:C_illegal")
    rows = [r for r in timeline.rows if r.claim == "C_illegal"]
    assert [num2date(x).date() for x in line.get_xdata()] == [r.date for r in rows]
    assert np.allclose(line.get_ydata(), [r.strength for r in rows])


@pytest.mark.parametrize("fmt", ["svg", "pdf", "png"])
def test_the_same_chart_gives_the_same_bytes(fmt: str) -> None:
    first = figure_bytes(plot.tornado(CASE, "C_tos"), fmt)
    second = figure_bytes(plot.tornado(CASE, "C_tos"), fmt)
    assert first == second
    assert b"CreationDate" not in first and b"<dc:date>" not in first


def test_readers_see_words_analysts_ids() -> None:
    reader = " ".join(t.get_text() for t in _texts(plot.tornado(CASE, "C_tos")))
    analyst = " ".join(
        t.get_text() for t in _texts(plot.tornado(CASE, "C_tos", audience="analyst"))
    )
    assert "C_tos" not in reader and "w_musk_claim" not in reader and "dfquad" not in reader
    assert "terms" in reader and "credibility of Musk" in reader
    assert "C_tos" in analyst and "w_musk_claim" in analyst and "dfquad" in analyst


def test_every_text_is_legible() -> None:
    for figure in (
        plot.tornado(CASE, ["C_tos", "C_fair_use"]),
        plot.sweep(CASE, "w_licence", "C_tos"),
        plot.timeline_strength(CASE, "C_illegal"),
    ):
        sizes = [t.get_fontsize() for t in _texts(figure)]
        assert sizes and min(sizes) >= MIN_FONT_SIZE


def test_dollar_signs_stay_text() -> None:
    first = CASE.claims[0].model_copy(update={"text": "Fees of $42,000 a month and $x$ are costs"})
    case = CASE.model_copy(update={"claims": [first, *CASE.claims[1:]]})
    figure = plot.timeline_strength(case, case.claims[0].id)
    figure_bytes(figure, "png")  # mathtext would fail or eat the dollars
    texts = [t.get_text() for t in _texts(figure)]
    assert any(r"\$42,000" in t for t in texts)


def test_maps_and_charts_share_the_palette() -> None:
    assert BRIEFING.status["in"].color == VERDICT_COLOURS["proved"]
    assert BRIEFING.status["out"].color == VERDICT_COLOURS["defeated"]
