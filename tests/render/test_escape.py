"""DOT escaping: unit cases and the property that any text renders and shows."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.maps import render
from argmap.maps.dot import DotWriter, Html
from argmap.maps.escape import (
    clean,
    html_lines,
    html_text,
    node_name,
    quoted,
    safe_url,
    truncate,
    wrap,
)
from argmap.maps.theme import get_theme
from argmap.model import Case
from tests.render.helpers import dot_json, nodes_by_name, svg_texts, svg_titles


def test_html_text_escapes_markup_and_quotes() -> None:
    assert html_text("<b>\"x\" & 'y'</b>") == ("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;")


def test_html_text_drops_controls_and_joins_lines() -> None:
    assert html_text("a\x00b\x1bc\x7f\nd\ufffe") == "abc d"


def test_quoted_makes_escstring_sequences_literal() -> None:
    assert quoted("\\N \\G \\l") == '"\\\\N \\\\G \\\\l"'
    assert quoted('a"b') == '"a\\"b"'
    assert quoted("line1\nline2") == '"line1\\nline2"'
    assert quoted("ends with \\") == '"ends with \\\\"'


def test_node_name_never_makes_a_port() -> None:
    assert node_name("a:b") == '"a_b"'
    assert node_name("node") == '"node"'


def test_truncate_and_wrap() -> None:
    assert truncate("x" * 10, 5) == "xxxx…"
    assert truncate("short", 5) == "short"
    lines = wrap("y" * 100, 30)
    assert max(len(line) for line in lines) <= 30
    assert "".join(lines) == "y" * 100
    assert wrap("one\n\ntwo", 30) == ["one", "two"]


def test_safe_url_refuses_scripts() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url('https://x.org/"onmouseover') is None
    assert safe_url(None) is None


def test_clean_keeps_unicode() -> None:
    assert clean("  Musk  v.\tMicrosoft — «AI» 日本 ") == "Musk v. Microsoft — «AI» 日本"


def test_writer_output_parses_with_hostile_names_and_values() -> None:
    w = DotWriter()
    hostile = 'x"] ; evil [shape=box label="pwned'
    w.node("a", {"label": hostile, "tooltip": "\\N\\G"})
    w.node("b", {"label": Html(html_text("</TABLE>> ]; evil2 [ <"))})
    w.edge("a", "b", {"tooltip": hostile})
    graph = dot_json(w.source())
    nodes = nodes_by_name(graph)
    assert set(nodes) == {"a", "b"}
    assert nodes["a"]["label"] == hostile
    svg = render_source(w.source())
    assert "\\N\\G" in svg_titles(svg)
    assert "</TABLE>> ]; evil2 [ <" in svg_texts(svg)


# the characters most likely to break DOT, HTML-like labels or SVG, plus any unicode
_NASTY = st.sampled_from(
    [
        '"',
        "\\",
        "{",
        "}",
        "<",
        ">",
        "<b>",
        "</TD>",
        "&",
        "&amp;",
        "\n",
        "]",
        "[",
        ";",
        "'",
        "\\N",
        "\\l",
        "-->",
        "<!--",
        "é",
        "日本",
        "🙂",
        "\u200b",
        "\x00",
        "\x7f",
        "%",
    ]
)
_TEXT = st.lists(st.one_of(_NASTY, st.text(max_size=20)), max_size=40).map("".join)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _case_with(text: str) -> Case:
    return Case.model_validate(
        {
            "title": "t",
            "sources": [{"id": "S1", "outlet": "o", "title": "s"}],
            "claims": [{"id": "C1", "text": text}],
            "evidence": [{"id": "E1", "text": "e", "source": "S1", "status": "fact"}],
            "relations": [{"kind": "support", "from": "E1", "to": "C1", "note": text[:1000]}],
        }
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT.filter(lambda t: clean(t).strip() != ""))
def test_any_claim_text_renders_and_shows(text: str) -> None:
    theme = get_theme("briefing")
    case = _case_with(text)
    svg = render(case, engine="graphviz-pure").pipe("svg")
    shown = _norm("".join(svg_texts(svg)))
    visible = truncate(clean(case.claims[0].text), theme.label_limit)
    assert _norm(visible) in shown
    tips = "".join(svg_titles(svg))
    assert _norm(clean(case.claims[0].text)[:200]) in _norm(tips)


def test_five_thousand_characters_render_truncated_with_full_tooltip() -> None:
    text = ('"quote" \\back {brace} <b>bold</b> & more\n' * 120)[:5000]
    w = DotWriter()
    w.node(
        "n",
        {"label": Html(html_lines(text, 40, 5000)), "tooltip": text, "shape": "box"},
    )
    svg = render_source(w.source())
    shown = _norm("".join(svg_texts(svg)))
    assert _norm(clean(text)) == shown
    assert _norm(text) in _norm("".join(svg_titles(svg)))


def test_long_claim_label_ends_in_ellipsis() -> None:
    case = _case_with("word " * 800)
    svg = render(case).pipe("svg")
    assert any(t.endswith("…") for t in svg_texts(svg))


def render_source(dot: str) -> bytes:
    from argmap.maps.engine import pipe

    return pipe(dot, "svg", "graphviz-pure")


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
        HealthCheck.data_too_large,
    ],
)
@given(_TEXT.filter(lambda t: len(t) > 0).map(lambda t: (t * (5000 // len(t) + 1))[:5000]))
def test_any_five_thousand_characters_render(text: str) -> None:
    w = DotWriter()
    w.node("n", {"label": Html(html_lines(text, 60, 600)), "tooltip": text, "shape": "box"})
    svg = render_source(w.source())
    shown = _norm("".join(svg_texts(svg)))
    assert _norm(truncate(clean(text), 600)) == shown or not clean(text)
    assert _norm(_without_invalid(text)) == _norm("".join(svg_titles(svg)))


def _without_invalid(text: str) -> str:
    from argmap.maps.escape import _INVALID

    return _INVALID.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def test_ids_with_dots_and_dashes() -> None:
    case = Case.model_validate(
        {
            "title": "t",
            "claims": [{"id": "c.one-1", "text": "a"}, {"id": "node", "text": "b"}],
            "relations": [{"kind": "rebut", "from": "c.one-1", "to": "node"}],
        }
    )
    graph = dot_json(render(case).dot)
    assert {"c.one-1", "node"} <= set(nodes_by_name(graph))
