"""The brief as a Word file (python-docx): the same sections, tables and figures,
figures as PNG at 150 ppi made by the PDF's compiler from the same SVGs."""

from __future__ import annotations

import io

from argmap.brief.document import Document, Figure, Paragraph, Table, shown
from argmap.brief.pdf import svg_to_png
from argmap.maps.paper import MARGIN_PT, PAPERS

__all__ = ["SUFFIX", "render_docx"]

SUFFIX = ".docx"

_HYPOTHETICAL = (0x00, 0x72, 0xB2)


def render_docx(document: Document) -> bytes:
    """The brief as DOCX bytes: page numbers in the footer, the case in the header,
    landscape sections for landscape figures; fixed dates, so the same brief gives
    the same bytes."""
    import datetime as dt

    import docx  # heavy: python-docx is loaded only to write Word
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    word = docx.Document()
    width, height = PAPERS[document.paper]
    style = word.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10.5)

    def page_setup(section: object, landscape: bool) -> None:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
        w, h = (height, width) if landscape else (width, height)
        section.page_width, section.page_height = Pt(w), Pt(h)  # type: ignore[attr-defined]
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Pt(MARGIN_PT))

    first = word.sections[0]
    page_setup(first, False)
    first.header.paragraphs[0].text = shown(f"{document.header}    {document.as_of}")
    footer = first.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.text = text
            run._r.append(instruction)

    word.add_paragraph(document.subtitle.upper())
    word.add_heading(shown(document.title), level=0)
    word.add_paragraph(document.as_of).runs[0].italic = True
    for note in document.note:
        word.add_paragraph(shown(note)).runs[0].italic = True
    landscape = False
    for section in document.sections:
        word.add_heading(shown(section.title), level=section.level)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                paragraph = word.add_paragraph()
                if block.lead:
                    paragraph.add_run(shown(block.lead) + " ").bold = True
                run = paragraph.add_run(shown(block.text))
                if block.style in ("quote", "hypothetical"):
                    run.italic = True
                if block.style == "hypothetical":
                    run.font.color.rgb = RGBColor(*_HYPOTHETICAL)
                if block.style == "note":
                    run.font.size = Pt(9)
            elif isinstance(block, Table):
                table = word.add_table(rows=1, cols=len(block.header))
                table.style = "Table Grid"
                for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                    cell.text = ""
                    cell.paragraphs[0].add_run(shown(text)).bold = True
                for i, row in enumerate(block.rows):
                    cells = table.add_row().cells
                    for cell, text in zip(cells, row, strict=True):
                        cell.text = ""
                        run = cell.paragraphs[0].add_run(shown(text))
                        run.font.size = Pt(9)
                        if i in block.hypothetical:
                            run.italic = True
                            run.font.color.rgb = RGBColor(*_HYPOTHETICAL)
                if block.caption:
                    word.add_paragraph(shown(block.caption))
            elif isinstance(block, Figure):
                if block.landscape != landscape:
                    landscape = block.landscape
                    page_setup(word.add_section(), landscape)
                if block.locator:
                    word.add_picture(io.BytesIO(svg_to_png(block.locator)), width=Pt(72))
                word.add_picture(io.BytesIO(svg_to_png(block.svg)), width=Pt(block.width_pt))
                caption = word.add_paragraph()
                caption.add_run(shown(block.caption)).font.size = Pt(9)
        if landscape:
            landscape = False
            page_setup(word.add_section(), False)
    properties = word.core_properties
    properties.title = shown(document.title)
    properties.author = "argmap"
    fixed = dt.datetime(2000, 1, 1)
    properties.created = properties.modified = fixed
    properties.last_modified_by = "argmap"
    properties.revision = 1
    buffer = io.BytesIO()
    word.save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(package: bytes) -> bytes:
    """The same Word package with every part dated 1980-01-01: the zip otherwise
    records when it was written, and the same brief would differ byte for byte."""
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
