"""``argmap render --paper/--fit``: a map on pages of Letter or A4."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from argmap.cli import main
from tests.brief.conftest import REPO

SMALL = REPO / "examples" / "ad_tool_dispute.yaml"


def _sizes(path: Path) -> list[tuple[int, int]]:
    return [
        tuple(sorted((round(float(p.mediabox.width)), round(float(p.mediabox.height)))))  # type: ignore[misc]
        for p in pypdf.PdfReader(path).pages
    ]


def test_paper_pages_and_fit_on_one(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    assert (
        main(["render", str(SMALL), "-o", str(out), "--paper", "a4", "--audience", "reader"]) == 0
    )
    assert set(_sizes(out)) == {(595, 842)}
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "C_principled" not in text and "I_motive" not in text  # reader: no ids
    fitted = tmp_path / "fit.pdf"
    assert main(["render", str(SMALL), "-o", str(fitted), "--paper", "letter", "--fit"]) == 0
    assert _sizes(fitted) == [(612, 792)]


@pytest.mark.parametrize(
    ("extra", "output"),
    [(["--paper", "letter"], "map.svg"), (["--fit"], "map.pdf")],
)
def test_paper_needs_pdf_and_fit_needs_paper(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], output: str
) -> None:
    out = tmp_path / output
    assert main(["render", str(SMALL), "-o", str(out), *extra]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not out.exists()
