"""One display mechanism for Case, Evaluation and Comparison in Jupyter, text escaped."""

from __future__ import annotations

import pytest

from argmap.display import Displayable, DisplayTable, register_svg
from argmap.model import Case, Claim
from argmap.scenario import compare, load_scenarios
from argmap.semantics.evaluate import evaluate

HOSTILE = "<script>alert(1)</script> | **x** & y"


@pytest.fixture(scope="module")
def shown() -> list[Displayable]:
    case = Case(title=HOSTILE, claims=[Claim(id="C1", text="t")])
    base, scenarios = load_scenarios(["scenarios/04_nyt_for_plaintiff.yaml"])
    return [case, evaluate(case), compare(base, scenarios)]


def test_the_three_share_the_one_mechanism(shown: list[Displayable]) -> None:
    for item in shown:
        assert isinstance(item, Displayable)
        for hook in ("_repr_html_", "_repr_markdown_", "_repr_mimebundle_"):
            assert getattr(type(item), hook) is getattr(Displayable, hook), (type(item), hook)


def test_html_and_markdown_escape_every_text(shown: list[Displayable]) -> None:
    for item in shown[:2]:
        page = item._repr_html_()
        assert "<script>" not in page and "&lt;script&gt;" in page
        markdown = item._repr_markdown_()
        assert "<script>" not in markdown and "\\| \\*\\*x\\*\\*" in markdown


def test_the_tables_say_what_each_holds(shown: list[Displayable]) -> None:
    case, evaluation, comparison = shown
    assert "| claims | 1 |" in case._repr_markdown_()
    assert "| C1 | " in evaluation._repr_markdown_()
    first = comparison._repr_markdown_().splitlines()[2]
    assert first.startswith("| claim | baseline |")


def test_the_bundle_follows_include_and_exclude(shown: list[Displayable]) -> None:
    comparison = shown[2]
    assert set(comparison._repr_mimebundle_()) == {"text/html", "text/markdown"}
    assert set(comparison._repr_mimebundle_(include=["text/markdown"])) == {"text/markdown"}
    assert set(comparison._repr_mimebundle_(exclude=["text/html"])) == {"text/markdown"}


class _Pictured(Displayable):
    def _display_table(self) -> DisplayTable:
        return DisplayTable("p", ("a",), [(1,)])


def test_a_registered_picture_joins_the_bundle_and_the_html() -> None:
    svg = '<?xml version="1.0"?><!DOCTYPE svg><svg><text>map</text></svg>'
    register_svg(_Pictured, lambda item: svg)
    bundle = _Pictured()._repr_mimebundle_()
    assert bundle["image/svg+xml"] == svg
    assert bundle["text/html"].startswith("<div><svg><text>map</text></svg></div><table")
    register_svg(_Pictured, lambda item: None)  # cannot draw: the table alone
    assert "image/svg+xml" not in _Pictured()._repr_mimebundle_()
    assert _Pictured()._repr_html_().startswith("<table")
