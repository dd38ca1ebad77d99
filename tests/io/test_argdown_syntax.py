"""Argdown syntax that real files use: HTML comments, Markdown lists, statements by
number, structures under relations, tags inside sentences, empty files.

The constructs are those of the argdown.org primer and of argdown-core's test files
(``intro.argdown``, ``lexer-comment.argdown``, ``lexer-lists.argdown``,
``lexer-statements-by-number.argdown`` in christianvoigt/argdown); the inputs here are
small ones written for these tests. The real files of ``../shared/examples/argdown``
are read where they show the construct.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.errors import CaseError
from argmap.io.argdown import dumps_argdown, parse_argdown, read_argdown
from argmap.model import Argument, Case

ARGDOWN_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "argdown"


def _rels(case: Case) -> list[tuple[str, str, str]]:
    return [(r.kind.value, r.origin, r.target) for r in case.relations]


def _texts(case: Case) -> dict[str, str]:
    return {c.id: c.text for c in case.claims}


# -- 1. comments ----------------------------------------------------------------------


def test_html_comment_after_a_relation_keeps_the_relation() -> None:
    # as in intro.argdown: a multi-line comment right under a relation line
    text = """[S1]: one

[S2]: two
  - <Y>: a sketched argument
    -> [S1]
    <!--
    In the line above, @<Y> attacks @[S1].
    -->

<A>

(1) p
----
(2) c
  +> <B>
  <!--
  a second comment, with [brackets] and <angles>
  -->
  -> [S1]
"""
    case = parse_argdown(text)
    assert ("rebut", "Y", "S1") in _rels(case)
    assert ("support", "A_2", "B") in _rels(case)
    assert ("rebut", "A_2", "S1") in _rels(case)
    assert not any("<!--" in c.text or "comment" in c.text for c in case.claims)
    assert {c.id for c in case.claims} == {"S1", "S2", "Y", "A_1", "A_2", "B"}


def test_inline_html_comments_are_dropped_from_text() -> None:
    case = parse_argdown("Another <!-- **Comment** --> statement <!-- [Comment] -->\n")
    assert [c.text for c in case.claims] == ["Another statement"]


def test_html_comment_inside_an_element_does_not_split_it() -> None:
    text = "[A]: first line\n<!-- a comment line -->\ncontinues here\n  + [B]: b\n"
    case = parse_argdown(text)
    assert _texts(case)["A"] == "first line continues here"
    assert _rels(case) == [("support", "B", "A")]


def test_html_comment_in_a_structure_and_an_inference_rule() -> None:
    text = """<A>

(1) p <!-- not part of p -->
<!--
(2) a commented-out premise
-->
(2) q
--
modus ponens <!-- a note on the rule -->
--
(3) c
"""
    case = parse_argdown(text)
    arg = case.node("A")
    assert isinstance(arg, Argument)
    assert arg.premises == ["A_1", "A_2"] and arg.scheme == "modus ponens"
    assert _texts(case)["A_1"] == "p" and _texts(case)["A_2"] == "q"


def test_lines_after_a_multi_line_comment_keep_their_numbers() -> None:
    text = "<!--\n\none\n\ntwo\n-->\n[A]: a\n\n[B]: b {base_score: 2}\n"
    with pytest.raises(CaseError, match=r"^m\.argdown:9: claims\[1\]\.base_score"):
        parse_argdown(text, "m.argdown")


def test_unclosed_html_comment_names_its_line() -> None:
    with pytest.raises(CaseError, match=r"^m\.argdown:3: comment opened with <!-- is never"):
        parse_argdown("[A]: a\n\n<!-- open\n[B]: b\n", "m.argdown")


def test_escaped_html_comment_is_text_and_survives_export() -> None:
    case = parse_argdown(r"[A]: a \<!-- not a comment --\>" + "\n")
    assert case.claims[0].text == "a <!-- not a comment -->"
    assert parse_argdown(dumps_argdown(case)) == case


def test_slash_comments_in_the_real_files() -> None:
    # legalisation-softdrugs: "#con // undercuts the analogy" after a relation's text;
    # semmelweis: "/* ... */" blocks between elements and "// H1 and H2 are contrary"
    legal = read_argdown(ARGDOWN_DIR / "legalisation-softdrugs.argdown")
    assert not any("undercuts" in c.text for c in legal.claims)
    semmel = read_argdown(ARGDOWN_DIR / "semmelweis_betz.argdown")
    assert not any("contrary" in c.text or "Semmelweis and his" in c.text for c in semmel.claims)
    ends = {(o, t) for _, o, t in _rels(semmel)}
    assert ("Epidemic_Influence_Hypothesis", "Cadavric_Substance_Hypothesis") in ends
    assert ("Rough_Examination_Hypothesis", "Cadavric_Substance_Hypothesis") in ends


# -- 3. lists, statements by number, nested structures, tags, empty files -----------------


def test_list_items_are_statements_of_their_own() -> None:
    text = """Argdown is a syntax, inspired by Markdown.

  * With Argdown, pros and cons
    are easy to write.
  * Logical reconstructions too.
    * a nested item
1. an ordered item
2. [T]: a titled item
  + [U]: supports the titled item
"""
    case = parse_argdown(text)
    texts = [c.text for c in case.claims]
    assert texts == [
        "Argdown is a syntax, inspired by Markdown.",
        "With Argdown, pros and cons are easy to write.",
        "Logical reconstructions too.",
        "a nested item",
        "an ordered item",
        "a titled item",
        "supports the titled item",
    ]
    assert _rels(case) == [("support", "U", "T")]


def test_dash_items_without_a_parent_are_list_items_but_dash_under_an_element_attacks() -> None:
    text = "- first point\n- second point\n  + a reason for it\n\n[A]: a\n  - [B]: b\n"
    case = parse_argdown(text)
    texts = _texts(case)
    assert sorted(texts.values()) == ["a", "a reason for it", "b", "first point", "second point"]
    second = next(i for i, t in texts.items() if t == "second point")
    reason = next(i for i, t in texts.items() if t == "a reason for it")
    assert ("support", reason, second) in _rels(case)
    assert ("rebut", "B", "A") in _rels(case)


def test_a_plus_without_a_parent_is_still_an_error() -> None:
    with pytest.raises(CaseError, match=r"relation '\+' has no statement or argument above"):
        parse_argdown("+ not a list item\n")


def test_statement_by_number_refers_to_that_statement() -> None:
    text = """<A>: gist

(1) [P]: p
(2) q
----
(3) c

<A>(2): q, said again
  - [X]: x attacks the second premise

[Y]: y
  -> <A>(3)
"""
    warnings: list[str] = []
    case = parse_argdown(text, warnings=warnings)
    assert ("undermine", "X", "A_2") in _rels(case)
    assert ("rebut", "Y", "A_3") in _rels(case)
    assert not any("<A>" in c.text for c in case.claims)
    assert warnings == ["<string>:8: <A>(2) has another text at line 4; the first is kept"]


def test_statement_by_number_before_its_structure_and_as_a_premise() -> None:
    text = "[Z]: z\n  + <B>(1)\n\n<B>\n\n(1) b1\n----\n(2) b2\n\n<C>\n\n(1) <B>(2)\n----\n(2) c\n"
    case = parse_argdown(text)
    assert ("support", "B_1", "Z") in _rels(case)
    c = case.node("C")
    assert isinstance(c, Argument) and c.premises == ["B_2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[A]\n  + <B>(1)\n", "2: <B>(1) refers to an argument without a premise-conclusion"),
        ("<B>\n\n(1) p\n----\n(2) q\n\n[A]\n  + <B>(7)\n", "8: <B> has no statement (7)"),
    ],
)
def test_statement_by_number_that_points_nowhere(text: str, message: str) -> None:
    with pytest.raises(CaseError, match="^" + re.escape(f"n.argdown:{message}")):
        parse_argdown(text, "n.argdown")


def test_structure_under_a_relation_belongs_to_that_argument() -> None:
    text = """[Claim]: c
  <- <Arg>: against the claim
    (1) p
    (2) q
    ----
    (3) not c
"""
    case = parse_argdown(text)
    arg = case.node("Arg")
    assert isinstance(arg, Argument)
    assert arg.premises == ["Arg_1", "Arg_2"] and arg.conclusion == "Arg_3"
    assert arg.text == "against the claim"
    assert ("undercut", "Arg", "Claim") not in _rels(case)
    assert not any(a.id.startswith("argument at") for a in case.arguments)
    assert len(case.arguments) == 1


def test_tags_inside_a_sentence_keep_their_word() -> None:
    text = "This is a #tag and a #(long tag) in a sentence. #end #(two words)\n"
    case = parse_argdown(text)
    claim = case.claims[0]
    assert claim.text == "This is a tag and a long tag in a sentence."
    assert claim.tags == ["tag", "long tag", "end", "two words"]
    assert parse_argdown(dumps_argdown(case)) == case


def test_remove_tags_from_text_as_argdown_does() -> None:
    text = "===\nmodel:\n  removeTagsFromText: true\n===\n\nA #tag inside. #end\n"
    claim = parse_argdown(text).claims[0]
    assert claim.text == "A inside." and claim.tags == ["tag", "end"]


def test_trailing_tags_of_the_real_files_are_tags_not_text() -> None:
    semmel = read_argdown(ARGDOWN_DIR / "semmelweis_betz.argdown")
    exposure = semmel.node("Difference_in_Exposure")
    assert exposure.tags == ["H1", "aux"]  # type: ignore[union-attr]
    assert exposure.text.endswith("or in the Second Division.")  # type: ignore[union-attr]
    assert not any("#" in c.text for c in semmel.claims)


@pytest.mark.parametrize("text", ["", "\n\n", "  \n\t\n", "\ufeff"])
def test_an_empty_file_is_refused(text: str) -> None:
    with pytest.raises(CaseError, match=r"^e\.argdown:1: the file is empty$"):
        parse_argdown(text.encode(), "e.argdown")


def test_a_file_without_elements_warns() -> None:
    warnings: list[str] = []
    text = "===\ntitle: Only a title\n===\n\n# A heading\n\n// a comment\n<!-- another -->\n"
    case = parse_argdown(text, "h.argdown", warnings=warnings)
    assert case.title == "Only a title" and not list(case.iter_nodes())
    assert warnings == ["h.argdown: no statements or arguments, so the case is empty"]
