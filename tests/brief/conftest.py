"""The worked case's brief, made once per test session (PDF, Word, its Document)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from argmap.brief.build import build_brief
from argmap.brief.document import Document
from argmap.brief.docx import render_docx
from argmap.brief.pdf import render_pdf
from argmap.io.casefile import load
from argmap.model import Case
from argmap.scenario.files import load_scenario

REPO = Path(__file__).resolve().parents[2]
WORKED = REPO / "seeds" / "musk_v_microsoft.yaml"
SCENARIOS = ("02_licence_surfaces.yaml", "11_suit_filed.yaml")
"""Two of the shipped scenarios: one adds evidence and arguments (hypothetical
material), one moves a verdict (a change to list first)."""


@dataclass(frozen=True)
class Made:
    case: Case
    document: Document
    pdf: bytes
    docx: bytes


@pytest.fixture(scope="session")
def worked() -> Made:
    case = load(WORKED)
    scenarios = [load_scenario(REPO / "scenarios" / name) for name in SCENARIOS]
    document = build_brief(case, scenarios)
    return Made(case, document, render_pdf(document), render_docx(document))


@pytest.fixture(scope="session")
def worked_pages(worked: Made) -> list[object]:
    """Every page of the worked case's brief rendered at 100 % (72 ppi x 100/72)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(io.BytesIO(worked.pdf))
    return [pdf[i].render(scale=100 / 72).to_pil() for i in range(len(pdf))]


@pytest.fixture(scope="session")
def worked_overview(worked: Made) -> bytes:
    """The worked case's overview, drawn for readers."""
    from argmap.brief.figures import overview_svg
    from argmap.semantics.evaluate import evaluate

    return overview_svg(worked.case, evaluate(worked.case), "reader")
