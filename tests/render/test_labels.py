"""A node's label (its short title) is the heading of its box in the map."""

from __future__ import annotations

from pathlib import Path

from argmap.io.argdown import read_argdown
from argmap.maps import render
from argmap.maps.graph import GraphNode
from argmap.maps.labels import node_label, node_tooltip
from argmap.maps.theme import get_theme
from argmap.model import Argument, Claim
from tests.render.helpers import svg_texts

ARGDOWN_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "argdown"
THEME = get_theme("briefing")


def test_the_label_is_a_bold_heading_above_the_text() -> None:
    claim = Claim(id="C1", label="Principled stance", text="The company acted on principle.")
    html = str(node_label(GraphNode("C1", "claim", claim), THEME, None))
    heading = html.index("<B>Principled stance</B>")
    assert html.index("C1") < heading < html.index("The company acted")


def test_no_label_no_heading() -> None:
    claim = Claim(id="C1", text="The company acted on principle.")
    assert "<B>" not in str(node_label(GraphNode("C1", "claim", claim), THEME, None))


def test_the_label_is_escaped() -> None:
    claim = Claim(id="C1", label='<b>"A" & B</b> \\N', text="t")
    html = str(node_label(GraphNode("C1", "claim", claim), THEME, None))
    assert "&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt; \\\\N" in html
    assert "<b>" not in html


def test_a_labelled_box_is_no_longer_than_an_unlabelled_one() -> None:
    text = "word " * 200
    plain = Claim(id="C1", text=text)
    titled = Claim(id="C1", label="A fairly long title for the claim", text=text)
    rows = [
        str(node_label(GraphNode("C1", "claim", c), THEME, None)).count("<br/>")
        for c in (plain, titled)
    ]
    assert rows[1] <= rows[0] + 1


def test_tooltip_names_the_label() -> None:
    arg = Argument(id="A1", label="From principle", premises=["C1"], conclusion="C2")
    assert "From principle" in node_tooltip(GraphNode("A1", "argument", arg), THEME, None)


def test_a_real_argdown_map_shows_its_titles() -> None:
    case = read_argdown(ARGDOWN_DIR / "semmelweis_betz.argdown")
    svg = render(case, engine="graphviz-pure").pipe("svg")
    shown = " ".join(svg_texts(svg))
    assert "Epidemic Influence Hypothesis" in shown
    assert "Medical Students Skillfull" in shown


def test_an_argument_from_precedent_explains_its_weight_on_hover() -> None:
    from argmap.model import Case, Factor, Precedent
    from argmap.semantics.evaluate import evaluate

    case = Case(
        title="t",
        claims=[Claim(id="C", text="c")],
        factors=[
            Factor(id="F_public", text="public", favours="defendant", present=True),
            Factor(id="F_contract", text="contract", favours="plaintiff", present=True),
        ],
        precedents=[
            Precedent(
                id="P",
                name="n",
                court="c",
                year=2019,
                jurisdiction="j",
                status="decided",
                outcome="defendant",
                factors=["F_public"],
                reason=["F_public"],
                authority=0.8,
            )
        ],
        arguments=[Argument(id="A", conclusion="C", precedent="P")],
    )
    dot = render(case, evaluate(case), view="map").dot
    assert "weight: authority 0.8 x on point 0.5 = 0.40: shares F_public" in dot
    assert "weight: authority" not in render(case, view="map").dot  # no evaluation, no weight
