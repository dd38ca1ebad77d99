"""The page without a browser: quotes located in their sources, hostile text escaped
into the markup and the embedded data, the command's errors and the report's copy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.html.page import build_html, embed_json
from argmap.html.passages import locate, passage
from argmap.io.casefile import load
from argmap.io.provenance import normalise

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"
HOSTILE = "</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> & \u2028"


def test_locate_forgives_typography_only() -> None:
    text = "He wrote \u201cThey\u00a0trained  illegally\u201d \u2014 then left."
    start, end = locate(text, '"They trained illegally" - then') or (0, 0)
    assert text[start:end] == "\u201cThey\u00a0trained  illegally\u201d \u2014 then"
    assert locate(text, "they trained illegally") is None  # case matters
    assert passage(text, "nowhere") is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "b", " ", "\u00a0", "\u201c", "\u2014", "\n", "."]), max_size=40
    ),
    st.integers(0, 40),
    st.integers(1, 12),
)
def test_a_located_quote_folds_to_the_quote(chars: list[str], at: int, size: int) -> None:
    text = "".join(chars)
    quote = text[at : at + size]
    found = locate(text, quote)
    if not normalise(quote):
        assert found is None
        return
    assert found is not None  # a slice of the text is always found
    assert normalise(text[found[0] : found[1]]) == normalise(quote)


def test_embedded_json_cannot_end_its_script_block() -> None:
    data = {"text": HOSTILE}
    embedded = embed_json(data)
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert json.loads(embedded) == data


def test_hostile_case_text_is_escaped_everywhere(tmp_path: Path) -> None:
    yaml_text = EXAMPLE.read_text("utf-8").replace(
        "title: Why Microsoft dropped Twitter from its ad tool (April 2023)",
        f"title: {json.dumps(HOSTILE)}",
    )
    yaml_text = yaml_text.replace(
        "text: Microsoft dropped Twitter to retaliate against Musk",
        f"text: {json.dumps(HOSTILE)}",
    )
    case_file = tmp_path / "case.yaml"
    case_file.write_text(yaml_text, "utf-8")
    case = load(case_file)
    page = build_html(case, with_strength=False)
    assert page.count("<script") == 2  # the data and the page's script, nothing else
    assert "<img" not in page and "<!-- <img" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page  # shown as text
    data = re.search(r'id="argmap-data">(.*?)</script>', page, re.S)
    assert data is not None
    assert json.loads(data.group(1))["title"] == case.title
    assert case.title.startswith("</script><script>alert(1)")


def test_html_command_refuses_a_bad_case_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ntitle: t\nclaims:\n  - {id: C1}\n", "utf-8")
    out = tmp_path / "b.html"
    assert main(["html", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and err[0].startswith(f"{bad}:4: claims[0].text")
    assert not out.exists()


def test_html_command_refuses_a_missing_sources_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["html", str(EXAMPLE), "--sources", str(tmp_path / "no"), "-o", str(tmp_path / "b")]
    )
    assert code == 2
    assert "--sources" in capsys.readouterr().err


def test_report_writes_the_interactive_brief(tmp_path: Path) -> None:
    out = tmp_path / "out"
    seeds = REPO.parent / "shared" / "seeds"
    assert main(["report", str(EXAMPLE), "--sources", str(seeds), "-o", str(out)]) == 0
    page = (out / "brief.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<mark>" in page  # a quote shown in its source passage
    assert "brief.html" in json.loads((out / ".argmap-report").read_text("utf-8"))["files"]
