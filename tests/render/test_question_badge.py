"""Maps: an argument with open critical questions carries a small badge counting them."""

from __future__ import annotations

from argmap.io.casefile import loads
from argmap.maps import render
from argmap.maps.graph import GraphNode
from argmap.maps.labels import node_label, node_tooltip
from argmap.maps.theme import get_theme
from argmap.model import Argument
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Label, NodeResult
from tests.render.helpers import svg_texts

THEME = get_theme("briefing")
ARG = Argument(id="A", conclusion="C", premises=["P"], scheme="sign")


def _label(questions: tuple[str, ...]) -> str:
    result = NodeResult("A", "argument", Label.OUT, 0.3, open_questions=questions)
    return str(node_label(GraphNode("A", "argument", ARG), THEME, result))


def test_the_badge_counts_open_questions() -> None:
    assert "? 2 open questions" in _label(("strength", "other_cause"))
    assert "? 1 open question<" in _label(("strength",))
    assert "open question" not in _label(())


def test_the_tooltip_names_them() -> None:
    result = NodeResult("A", "argument", Label.OUT, 0.3, open_questions=("strength",))
    tip = node_tooltip(GraphNode("A", "argument", ARG), THEME, result)
    assert "open critical questions: strength" in tip


def test_an_evaluated_map_shows_the_badge() -> None:
    case = loads(
        "title: t\n"
        "claims: [{id: C, text: The firm knew}, {id: P, text: It recalled the part}]\n"
        "arguments: [{id: A, conclusion: C, premises: [P], scheme: sign, "
        "questions: {strength: conceded}}]\n"
    )
    texts = svg_texts(render(case, evaluate(case)).svg())
    assert "? 1 open question" in texts
