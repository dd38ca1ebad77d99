"""``argmap brief`` and the report's brief files; hostile case text stays text."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from argmap.brief import FORMATS, renderer_for
from argmap.brief.build import build_brief
from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.io.casefile import load
from tests.brief.conftest import REPO

SMALL = REPO / "examples" / "ad_tool_dispute.yaml"


def test_brief_markdown_and_a4_pdf_from_the_command(tmp_path: Path) -> None:
    md = tmp_path / "brief.md"
    assert main(["brief", str(SMALL), "-o", str(md), "--audience", "analyst"]) == 0
    text = md.read_text("utf-8")
    case = load(SMALL)
    assert case.claims[0].id in text  # analysts see the ids
    assert "grounded" in text and "data:image/svg+xml;base64," in text
    pdf = tmp_path / "brief.pdf"
    assert main(["brief", str(SMALL), "-o", str(pdf), "--paper", "a4"]) == 0
    page = pypdf.PdfReader(pdf).pages[0]
    assert round(float(page.mediabox.width)) == 595


def test_unknown_suffix_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.txt"
    assert main(["brief", str(SMALL), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "brief.txt" in err[0] and ".pdf" in err[0]
    assert not out.exists()


def test_renderer_for_knows_each_format() -> None:
    for suffix, render in FORMATS.items():
        assert renderer_for(f"x/brief{suffix.upper()}") is render
    with pytest.raises(ArgmapError):
        renderer_for("brief")


def test_hostile_text_is_typeset_as_written() -> None:
    case = load(SMALL)
    title = '#panic("no") ] [ *bold* $x^2$ \\ // comment <b>tag</b> "quoted"'
    hostile = case.model_copy(update={"title": title, "description": "#set page(width: 1pt)"})
    pdf = FORMATS[".pdf"](build_brief(hostile))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(p.extract_text() for p in reader.pages)
    text = text.translate(str.maketrans("“”", '""'))
    assert '#panic("no")' in text and "*bold*" in text and "$x^2$" in text
    assert "#set page(width: 1pt)" in text
    assert round(float(reader.pages[0].mediabox.width)) == 612


def test_report_writes_the_brief_beside_its_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["report", str(SMALL), "-o", str(out), "--paper", "a4"]) == 0
    pdf = pypdf.PdfReader(out / "brief.pdf")
    assert round(float(pdf.pages[0].mediabox.width)) == 595
    assert (out / "brief.docx").read_bytes()[:2] == b"PK"


def test_brief_html_is_the_interactive_page(tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    case = REPO / "examples" / "ad_tool_dispute.yaml"
    assert main(["brief", str(case), "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert f"<title>Brief: {load(case).title}" in page  # the page of `argmap html`
    assert 'id="scenario"' in page and "<svg" in page
