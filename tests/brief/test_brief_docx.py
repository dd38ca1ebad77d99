"""The worked case's brief.docx opened with python-docx and checked."""

from __future__ import annotations

import io
import re

import docx
from docx.shared import Pt

from argmap.maps.paper import PAPERS
from tests.brief.conftest import Made


def _all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return re.sub(r"\s+", " ", " ".join(parts))


def test_docx_paper_text_tables_and_pictures(worked: Made) -> None:
    document = docx.Document(io.BytesIO(worked.docx))
    width, height = PAPERS["letter"]
    for section in document.sections:
        size = sorted((section.page_width, section.page_height))
        assert size == sorted((Pt(width), Pt(height)))
    text = _all_text(document)
    assert worked.case.title in text
    for precedent in worked.case.precedents:
        assert precedent.citation is None or precedent.citation in text
    for claim in worked.case.claims:
        assert claim.text in text
    assert len(document.inline_shapes) >= len(worked.case.issues)  # the figures, as PNG
    assert any(
        "PAGE" in run._r.xml for p in document.sections[0].footer.paragraphs for run in p.runs
    )


def test_docx_reader_mode_shows_no_coded_id(worked: Made) -> None:
    text = _all_text(docx.Document(io.BytesIO(worked.docx)))
    coded = [n.id for n in worked.case.iter_nodes() if "_" in n.id]
    assert [i for i in coded if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)] == []


def test_docx_hypothetical_material_is_set_apart(worked: Made) -> None:
    document = docx.Document(io.BytesIO(worked.docx))
    runs = [r for p in document.paragraphs for r in p.runs if r.text.startswith("Hypothetical")]
    assert runs and all(r.italic and r.font.color.rgb is not None for r in runs)
