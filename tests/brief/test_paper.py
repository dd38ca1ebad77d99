"""Fitting a drawn map to paper (argmap.maps.paper): one page when legible,
else tiles that cover the whole figure and overlap; crops keep only their part."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.maps.paper import (
    MIN_BODY_PT,
    PAPERS,
    Box,
    _area,
    body_size,
    crop,
    fit,
    issue_boxes,
    svg_box,
)


def _svg(width: float, height: float, font: float = 11.0) -> bytes:
    return (
        f'<svg width="{width}pt" height="{height}pt" viewBox="0 0 {width} {height}">'
        f'<text x="1" y="1" font-size="{font}">x</text></svg>'
    ).encode()


def test_a_small_figure_goes_on_one_page_unscaled() -> None:
    plan = fit(_svg(300, 200), "letter")
    assert (len(plan.tiles), plan.scale, plan.landscape) == (1, 1.0, False)


def test_a_wide_figure_turns_the_page_rather_than_tile() -> None:
    plan = fit(_svg(900, 380), "a4")
    assert plan.landscape and len(plan.tiles) == 1 and plan.printed_body_pt >= MIN_BODY_PT


def test_shrink_puts_any_figure_on_one_page() -> None:
    plan = fit(_svg(5000, 9000), "letter", shrink=True)
    assert len(plan.tiles) == 1 and plan.printed_body_pt < MIN_BODY_PT


@settings(max_examples=60, deadline=None)
@given(
    width=st.floats(50, 6000),
    height=st.floats(50, 9000),
    font=st.floats(6, 20),
    paper=st.sampled_from(sorted(PAPERS)),
)
def test_tiles_cover_the_figure_fit_the_page_and_keep_text_legible(
    width: float, height: float, font: float, paper: str
) -> None:
    plan = fit(_svg(width, height, font), paper)
    page_w, page_h = _area(paper, plan.landscape)
    assert plan.printed_body_pt >= min(MIN_BODY_PT, font) - 1e-9
    for tile in plan.tiles:
        assert tile.box.width * plan.scale <= page_w + 1e-6
        assert tile.box.height * plan.scale <= page_h + 1e-6
    # every point of the figure lies in some tile: check the tile edges meet
    xs = sorted({(t.box.x, t.box.x + t.box.width) for t in plan.tiles})
    ys = sorted({(t.box.y, t.box.y + t.box.height) for t in plan.tiles})
    for spans, total in ((xs, width), (ys, height)):
        assert spans[0][0] == 0 and abs(spans[-1][1] - total) < 1e-6
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert start < end  # neighbours overlap


def test_body_size_is_the_most_common_text_size() -> None:
    svg = b'<text font-size="8"/><text font-size="11"/><text font-size="11"/>'
    assert body_size(svg) == 11.0


def test_crop_sets_the_view_and_drops_what_lies_outside() -> None:
    svg = (
        b'<svg width="100pt" height="100pt" viewBox="0 0 100 100">'
        b'<text x="10" y="10" font-size="11">inside</text>'
        b'<text x="90" y="90" font-size="11">outside</text></svg>'
    )
    out = crop(svg, Box(0, 0, 50, 50), 2.0)
    assert b'viewBox="0 0 50 50"' in out and b'width="100pt"' in out
    assert b"inside" in out and b"outside" not in out
    assert svg_box(out) == Box(0, 0, 50, 50)


def test_issue_boxes_of_the_worked_overview(worked_overview: bytes) -> None:
    from argmap.io.casefile import load
    from tests.brief.conftest import WORKED

    case = load(WORKED)
    boxes = issue_boxes(worked_overview)
    assert set(boxes) == {i.id for i in case.issues if any(c.issue == i.id for c in case.claims)}
    whole = svg_box(worked_overview)
    for box in boxes.values():
        assert whole.x <= box.x and box.x + box.width <= whole.x + whole.width + 1
        # the issue's crop holds its question and leaves the others out
    first = next(iter(case.issues))
    part = crop(worked_overview, boxes[first.id], edges_within=True)
    words = first.question.split()[0].encode()
    assert words in part


def test_crop_keeps_definitions_and_a_whole_figure_as_drawn() -> None:
    svg = (
        b'<svg width="100pt" height="100pt" viewBox="0 0 100 100"><defs>'
        b'<path id="glyph" d="M 500 -700 L 900 -700"/></defs>'
        b'<use xlink:href="#glyph" x="10" y="10"/>'
        b'<path d="M 2000 2000 L 2100 2100"/></svg>'
    )
    part = crop(svg, Box(0, 0, 50, 50))
    assert b'id="glyph"' in part  # a glyph's outline is not a shape on the page
    assert b"M 2000 2000" not in part
    whole = crop(svg, Box(0, 0, 100, 100))
    assert b"M 2000 2000" in whole  # the whole figure: nothing is judged outside
