"""One layout per map: how often the renderer runs for a report, and for what."""

from __future__ import annotations

from collections import Counter

import pytest

from argmap.io.casefile import load
from argmap.maps import engine, render
from argmap.maps.engine import Renderer
from argmap.report import build_report
from tests.render.helpers import REPO

Run = tuple[str, tuple[str, ...], float | None]
WORKED = REPO / "seeds" / "musk_v_microsoft.yaml"


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[Run]:
    """Every renderer run from here on: (DOT source, formats written, dpi)."""
    seen: list[Run] = []
    real = engine._invoke

    def counting(
        renderer: Renderer, source: str, formats: tuple[str, ...], dpi: float | None = None
    ) -> dict[str, bytes]:
        seen.append((source, tuple(formats), dpi))
        return real(renderer, source, formats, dpi)

    monkeypatch.setattr(engine, "_invoke", counting)
    return seen


def test_report_lays_each_map_out_once(runs: list[Run]) -> None:
    case = load(WORKED)
    report = build_report(case)
    layouts = Counter(source for source, formats, _ in runs if "png" not in formats)
    rasters = Counter(source for source, formats, _ in runs if "png" in formats)
    # each DOT source, the overview's candidate orders included, is laid out once
    assert set(layouts.values()) == {1}
    # every SVG and PDF written comes from those layouts: one per map
    svgs = [name for name in report.files if name.endswith(".svg")]
    drawn = {source for source, formats, _ in runs if "svg" in formats}
    assert len(drawn) == len(layouts) and len(svgs) <= len(drawn)
    # the overview's candidates are measured and drawn in the same run; the SVG of the
    # one kept is written, the others are not
    measured = [formats for _, formats, _ in runs if "json0" in formats]
    assert len(measured) > 1 and set(measured) == {("json0", "svg")}
    assert len(layouts) - len(svgs) == len(measured) - 1
    # a PNG is a raster run of its own (its dpi would change the SVG), one per file
    pngs = [name for name in report.files if name.endswith(".png")]
    assert sum(rasters.values()) == len(pngs) and set(rasters.values()) == {1}
    assert all(dpi == engine.PNG_DPI for _, formats, dpi in runs if "png" in formats)


def test_overview_svg_and_pdf_need_no_layout_after_its_order_search(runs: list[Run]) -> None:
    case = load(WORKED)
    m = render(case, view="overview")
    searched = len(runs)
    assert searched > 1  # the candidate orders were laid out
    m.pipe("svg")
    m.pipe("pdf")
    assert len(runs) == searched  # the order kept was laid out in the search already
