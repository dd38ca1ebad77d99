"""The worked case's brief.pdf opened and checked: paper, text, fonts, figures,
authorities, no internal ids for readers, legible figures, same bytes each time."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from argmap.brief.document import Figure
from argmap.brief.pdf import render_pdf
from argmap.maps.paper import MIN_BODY_PT, PAPERS, body_size, svg_box
from tests.brief.conftest import Made


def _flat(text: str) -> str:
    """Whitespace collapsed, typographic quotes (the typesetter's) as typed, and no
    line break after a hyphen (where a narrow column breaks ``613-SB``)."""
    text = text.translate(str.maketrans("’‘“”", "''\"\""))
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return _flat(" ".join(page.extract_text() for page in reader.pages))


def test_every_page_is_letter_portrait_or_landscape(worked: Made) -> None:
    reader = pypdf.PdfReader(io.BytesIO(worked.pdf))
    width, height = PAPERS["letter"]
    assert len(reader.pages) >= 5
    for page in reader.pages:
        size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        assert size == pytest.approx(sorted((width, height)), abs=0.5)


def test_a4_pages(worked: Made) -> None:
    from dataclasses import replace

    pdf = render_pdf(replace(worked.document, paper="a4"))
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        assert size == pytest.approx(sorted(PAPERS["a4"]), abs=0.5)


def test_title_issues_claims_and_sources_are_in_the_text(worked: Made) -> None:
    text = _text(worked.pdf)
    assert _flat(worked.case.title) in text
    for issue in worked.case.issues:
        assert _flat(issue.question) in text
    for claim in worked.case.claims:
        assert _flat(claim.text)[:40] in text
    for source in worked.case.sources:
        assert _flat(source.title)[:40] in text
    assert "Table of authorities" in text and "What the scenarios change" in text
    assert "What would change the outcome" in text  # from the audit
    assert re.search(r"\b1 of \d+\b", text)  # page numbers


def test_every_precedent_is_listed_with_its_full_citation(worked: Made) -> None:
    text = _text(worked.pdf)
    assert worked.case.precedents
    for precedent in worked.case.precedents:
        assert _flat(precedent.name) in text
        if precedent.citation:
            assert _flat(precedent.citation) in text, precedent.citation


def test_no_internal_id_in_reader_mode(worked: Made) -> None:
    text = _text(worked.pdf)
    ids = [node.id for node in worked.case.iter_nodes()]
    ids += [p.id for p in worked.case.parameters]
    # ids that read as words (party ``musk``) are names too; the others are codes
    coded = [i for i in ids if "_" in i or re.search(r"\d|[A-Z]{2}", i)]
    assert len(coded) > 50
    shown = [i for i in coded if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
    assert shown == []
    for jargon in ("grounded", "dfquad", " undec "):
        assert jargon not in text


def test_fonts_are_embedded(worked: Made) -> None:
    reader = pypdf.PdfReader(io.BytesIO(worked.pdf))
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font
                seen += 1
    assert seen > 0


def test_figures_show_every_claim_with_its_status(worked: Made) -> None:
    figures = [b for s in worked.document.sections for b in s.blocks if isinstance(b, Figure)]
    assert len(figures) >= len(worked.case.issues)
    # the figures are vector drawings whose texts stay text: each claim's box shows
    # its status in words with its strength
    text = _text(worked.pdf)
    statuses = re.findall(r"[●×◊] (?:stands|defeated|undecided) · \d\.\d\d", text)
    assert len(statuses) >= len(worked.case.claims)


def test_every_figure_prints_its_body_text_legibly(worked: Made) -> None:
    figures = [b for s in worked.document.sections for b in s.blocks if isinstance(b, Figure)]
    for figure in figures:
        scale = figure.width_pt / svg_box(figure.svg).width
        assert body_size(figure.svg) * scale >= MIN_BODY_PT - 1e-6, figure.caption


def test_same_document_same_bytes_and_no_date(worked: Made) -> None:
    assert render_pdf(worked.document) == worked.pdf
    info = pypdf.PdfReader(io.BytesIO(worked.pdf)).metadata or {}
    assert "/CreationDate" not in info and "/ModDate" not in info


def test_every_page_renders_with_ink_and_margins(worked_pages: list[object]) -> None:
    for number, image in enumerate(worked_pages, 1):
        grey = image.convert("L")  # type: ignore[attr-defined]
        width, height = grey.size
        assert grey.histogram()[:200].count(0) < 200, f"page {number} is (nearly) blank"
        assert sum(grey.histogram()[:200]) > 500, f"page {number} is (nearly) blank"
        # nothing printed in the outer 1/4 inch: the margins hold
        edge = 25
        for box in ((0, 0, width, edge), (0, height - edge, width, height)):
            assert grey.crop(box).getextrema()[0] > 200, f"page {number} prints into the margin"


def test_the_charts_are_in_the_brief(worked: Made) -> None:
    charts = next(s for s in worked.document.sections if s.title == "Charts")
    figures = [b for b in charts.blocks if isinstance(b, Figure)]
    assert len(figures) >= 2  # the tornado and the Monte Carlo spread at least
    assert "Charts" in _text(worked.pdf)
