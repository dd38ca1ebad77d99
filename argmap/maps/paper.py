"""Fit a drawn map to paper: one page when legible, else split by issue, then tiles.

Works from the SVG alone (the layout is done): the size comes from the root
``viewBox``, the body text size from the most common ``font-size`` of its texts, the
issues from Graphviz's ``cluster_issue_<ID>`` groups. A figure is *legible* on a page
when its body text prints at :data:`MIN_BODY_PT` or more. A figure too large for that
is cut into overlapping tiles (each a crop of the same SVG by ``viewBox``) and every
tile carries a locator: a small sketch of the whole figure with the tile marked.

>>> svg = b'<svg viewBox="0 0 1200 400"><text font-size="11.00">x</text></svg>'
>>> plan = fit(svg, "letter")
>>> plan.landscape, len(plan.tiles), plan.scale >= MIN_BODY_PT / 11
(False, 2, True)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from argmap.errors import RenderError

__all__ = [
    "MARGIN_PT",
    "MIN_BODY_PT",
    "PAPERS",
    "Box",
    "Plan",
    "Tile",
    "body_size",
    "crop",
    "fit",
    "issue_boxes",
    "locator",
    "svg_box",
]

PAPERS: dict[str, tuple[float, float]] = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}
"""Portrait page sizes in points (1/72 inch)."""

MARGIN_PT = 54.0
"""Page margin on every side (3/4 inch): what a printer reaches and a binder leaves."""

MIN_BODY_PT = 8.0
"""The smallest printed size of a figure's body text that stays legible."""

RESERVED_PT = 96.0
"""Height kept free on a figure page for its heading, caption and locator."""

OVERLAP = 0.08
"""Share of a tile's width and height repeated on its neighbour, so no box is lost
at a cut."""


@dataclass(frozen=True)
class Box:
    """A rectangle in SVG user units: left, top, width, height."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tile:
    """One page's part of a figure: its box in the figure, its row and column."""

    box: Box
    row: int
    column: int


@dataclass(frozen=True)
class Plan:
    """How a figure goes on paper: orientation, scale (points per SVG unit), tiles."""

    paper: str
    landscape: bool
    scale: float
    body_pt: float
    whole: Box
    tiles: tuple[Tile, ...]

    @property
    def printed_body_pt(self) -> float:
        """The printed size of the figure's body text."""
        return self.body_pt * self.scale


_NUMBER = r"-?[0-9.]+(?:e-?[0-9]+)?"
_VIEWBOX = re.compile(
    rb'viewBox="(' + _NUMBER.encode() + rb"(?:[ ,]+" + _NUMBER.encode() + rb'){3})"'
)
_FONT_SIZE = re.compile(rb'font-size="([0-9.]+)')
_CLUSTER = re.compile(
    rb'<g id="[^"]*" class="cluster">\s*<title>cluster_issue_([^<]+)</title>\s*'
    rb'<(?:path|polygon)[^>]*?(?:d|points)="([^"]+)"'
)


def svg_box(svg: bytes) -> Box:
    """The figure's extent from its root ``viewBox``.

    Raises
    ------
    RenderError
        The SVG has no ``viewBox`` (argmap's maps always have one).
    """
    match = _VIEWBOX.search(svg)
    if match is None:
        raise RenderError("the SVG has no viewBox: cannot fit it to paper")
    x, y, w, h = (float(v) for v in re.split(rb"[ ,]+", match.group(1).strip()))
    return Box(x, y, w, h)


def body_size(svg: bytes) -> float:
    """The most common text size in the SVG (its body text), in SVG units; 11 if none.

    >>> body_size(b'<text font-size="9"/><text font-size="11"/><text font-size="11"/>')
    11.0
    """
    sizes = Counter(float(v) for v in _FONT_SIZE.findall(svg))
    if not sizes:
        return 11.0
    return max(sizes.items(), key=lambda item: (item[1], item[0]))[0]


def issue_boxes(svg: bytes, pad: float = 6.0) -> dict[str, Box]:
    """The box of each issue's cluster (``cluster_issue_<ID>``) in figure units.

    Graphviz draws a cluster translated by the root group's ``translate``; the box
    returned is in the viewBox's frame, so :func:`crop` can use it directly.
    """
    dx, dy = _shift(svg)
    boxes: dict[str, Box] = {}
    for name, data in _CLUSTER.findall(svg):
        numbers = [float(v) for v in re.findall(_NUMBER.encode(), data)]
        xs, ys = numbers[0::2], numbers[1::2]
        if not xs or not ys:
            continue
        left, top = min(xs) + dx - pad, min(ys) + dy - pad
        boxes[name.decode()] = Box(
            left, top, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
        )
    return boxes


def _area(paper: str, landscape: bool) -> tuple[float, float]:
    try:
        width, height = PAPERS[paper]
    except KeyError:
        raise RenderError(f"unknown paper {paper!r} (choose one of: letter, a4)") from None
    if landscape:
        width, height = height, width
    return width - 2 * MARGIN_PT, height - 2 * MARGIN_PT - RESERVED_PT


def fit(svg: bytes, paper: str, box: Box | None = None, *, shrink: bool = False) -> Plan:
    """Plan ``svg`` (or its part ``box``) on ``paper``: never enlarged, and shrunk
    only as far as its body text stays :data:`MIN_BODY_PT`; past that, tiles.

    The orientation is the one that needs fewer tiles (portrait on a tie). With
    ``shrink`` the figure goes on one page whatever its printed text size.
    """
    whole = box or svg_box(svg)
    body = body_size(svg)
    least = MIN_BODY_PT / body
    best: Plan | None = None
    for landscape in (False, True):
        width, height = _area(paper, landscape)
        one_page = min(1.0, width / whole.width, height / whole.height)
        if one_page >= least or shrink:
            plan = Plan(paper, landscape, one_page, body, whole, (Tile(whole, 0, 0),))
        else:
            plan = Plan(
                paper, landscape, least, body, whole, _tiles(whole, width / least, height / least)
            )
        if best is None or (len(plan.tiles), -plan.scale) < (len(best.tiles), -best.scale):
            best = plan
    assert best is not None
    return best


def _tiles(whole: Box, width: float, height: float) -> tuple[Tile, ...]:
    """Cut ``whole`` into tiles at most ``width`` x ``height`` that overlap by
    :data:`OVERLAP`, rows top to bottom, evenly spread."""

    def starts(total: float, span: float) -> list[float]:
        if total <= span:
            return [0.0]
        step = span * (1 - OVERLAP)
        count = math.ceil((total - span) / step) + 1
        gap = (total - span) / (count - 1)
        return [i * gap for i in range(count)]

    columns = starts(whole.width, width)
    rows = starts(whole.height, height)
    w, h = min(width, whole.width), min(height, whole.height)
    return tuple(
        Tile(Box(whole.x + left, whole.y + top, w, h), r, c)
        for r, top in enumerate(rows)
        for c, left in enumerate(columns)
    )


def crop(svg: bytes, box: Box, scale: float = 1.0, *, edges_within: bool = False) -> bytes:
    """The same SVG showing only ``box``, sized ``scale`` points per unit; with
    ``edges_within``, the edges that leave the box are left out (a part of a map
    cut by issue shows the relations inside the issue, not stubs of the others).

    >>> crop(b'<svg width="10pt" height="10pt" viewBox="0 0 10 10"/>', Box(0, 0, 5, 5), 2)
    b'<svg width="10pt" height="10pt" viewBox="0 0 5 5"/>'
    """
    if box != svg_box(svg):  # a part: leave out what lies wholly outside it
        svg = _outside_dropped(svg, box)
    if edges_within:
        svg = _edges_within(svg, box)
    text = _VIEWBOX.sub(
        f'viewBox="{box.x:g} {box.y:g} {box.width:g} {box.height:g}"'.encode(), svg, 1
    )
    size = f'width="{box.width * scale:.2f}pt" height="{box.height * scale:.2f}pt"'.encode()
    text = re.sub(rb'width="[^"]*" height="[^"]*"', size, text, count=1)
    return text.replace(b".00pt", b"pt")


_EDGE = re.compile(rb'<g id="[^"]*" class="edge[^"]*">.*?(?=\n<!--|\n</g>\n</svg>)', re.DOTALL)
_PATH = re.compile(rb'<path[^>]* d="([^"]+)"')


def _shift(svg: bytes) -> tuple[float, float]:
    """The root group's ``translate``: graph coordinates -> viewBox coordinates."""
    found = re.search(
        rb'class="graph" transform="[^"]*translate\(('
        + _NUMBER.encode()
        + rb") ("
        + _NUMBER.encode()
        + rb")\)",
        svg,
    )
    return (float(found.group(1)), float(found.group(2))) if found else (0.0, 0.0)


_PART = re.compile(
    rb'<g id="[^"]*" class="(?:node|cluster)[^"]*">.*?(?=\n<!--|\n</g>\n</svg>)', re.DOTALL
)
_COORDINATES = re.compile(rb'(?:points|d)="([^"]+)"|\b(x|y)="(' + _NUMBER.encode() + rb')"')


_ELEMENT = re.compile(
    rb"<(?:polygon|path|polyline|ellipse|image)\b[^>]*/>|<text\b[^>]*>.*?</text>", re.DOTALL
)


def _outside_dropped(svg: bytes, box: Box) -> bytes:
    """``svg`` without the nodes, clusters and single shapes or texts that lie wholly
    outside ``box``: a crop then carries (and a PDF extracts) only what it shows."""
    dx, dy = _shift(svg)

    def keep(match: re.Match[bytes]) -> bytes:
        xs: list[float] = []
        ys: list[float] = []
        for shape, axis, value in _COORDINATES.findall(match.group(0)):
            if shape:
                numbers = [float(v) for v in re.findall(_NUMBER.encode(), shape)]
                xs += numbers[0::2]
                ys += numbers[1::2]
            elif axis == b"x":
                xs.append(float(value))
            else:
                ys.append(float(value))
        if not xs or not ys:
            return match.group(0)
        overlaps = (
            min(xs) + dx <= box.x + box.width
            and max(xs) + dx >= box.x
            and min(ys) + dy <= box.y + box.height
            and max(ys) + dy >= box.y
        )
        return match.group(0) if overlaps else b""

    # shapes defined once and used elsewhere (<defs>: glyphs, markers) stay as they are
    pieces = re.split(rb"(<defs>.*?</defs>)", svg, flags=re.DOTALL)
    return b"".join(
        piece if piece.startswith(b"<defs>") else _ELEMENT.sub(keep, _PART.sub(keep, piece))
        for piece in pieces
    )


def _edges_within(svg: bytes, box: Box) -> bytes:
    """``svg`` without the edges (Graphviz ``class="edge"`` groups) whose path
    starts or ends outside ``box``."""
    dx, dy = _shift(svg)

    def inside(x: float, y: float) -> bool:
        return box.x <= x + dx <= box.x + box.width and box.y <= y + dy <= box.y + box.height

    def keep(match: re.Match[bytes]) -> bytes:
        path = _PATH.search(match.group(0))
        if path is None:
            return match.group(0)
        numbers = [float(v) for v in re.findall(_NUMBER.encode(), path.group(1))]
        if len(numbers) < 4:
            return match.group(0)
        ends = inside(numbers[0], numbers[1]) and inside(numbers[-2], numbers[-1])
        return match.group(0) if ends else b""

    return _EDGE.sub(keep, svg)


def locator(whole: Box, tiles: tuple[Tile, ...], current: Tile, side_pt: float = 64.0) -> bytes:
    """A small sketch of the whole figure (its longer side ``side_pt``) with every
    tile outlined and ``current`` filled: where on the big map this page is."""
    scale = side_pt / max(whole.width, whole.height)
    width_pt, height_pt = whole.width * scale, whole.height * scale
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width_pt:.1f}pt" '
        f'height="{height_pt:.1f}pt" viewBox="0 0 {width_pt:.1f} {height_pt:.1f}">',
        f'<rect x="0.5" y="0.5" width="{width_pt - 1:.1f}" height="{height_pt - 1:.1f}" '
        'fill="#f6f6f3" stroke="#7a7a7a" stroke-width="1"/>',
    ]
    for tile in tiles:
        b = tile.box
        mine = tile == current
        parts.append(
            f'<rect x="{(b.x - whole.x) * scale:.1f}" y="{(b.y - whole.y) * scale:.1f}" '
            f'width="{b.width * scale:.1f}" height="{b.height * scale:.1f}" '
            + (
                'fill="#0072B2" fill-opacity="0.45" stroke="#0072B2" stroke-width="1.2"/>'
                if mine
                else 'fill="none" stroke="#7a7a7a" stroke-width="0.6"/>'
            )
        )
    parts.append("</svg>")
    return "".join(parts).encode()
