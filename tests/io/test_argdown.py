"""Argdown: the real argdown.org examples import, evaluate and render; syntax; round trips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.errors import CaseError
from argmap.io.argdown import SKETCHED_TAG, dumps_argdown, parse_argdown, read_argdown
from argmap.io.casefile import load
from argmap.model import Argument, Case
from tests.model.strategies import cases

REPO = Path(__file__).resolve().parents[2]
ARGDOWN_DIR = REPO.parent / "shared" / "examples" / "argdown"
ARGDOWN_FILES = sorted(ARGDOWN_DIR.glob("*.argdown"))
BROKEN = Path(__file__).parent / "broken"


def _rels(case: Case) -> list[tuple[str, str, str]]:
    return [(r.kind.value, r.origin, r.target) for r in case.relations]


def test_the_real_files_are_there() -> None:
    assert len(ARGDOWN_FILES) >= 3


@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=lambda p: p.name)
def test_real_file_imports_evaluates_and_renders(path: Path) -> None:
    from argmap.maps import render
    from argmap.semantics.evaluate import evaluate

    text = path.read_text("utf-8")
    case = read_argdown(path)
    Case.model_validate(case.model_dump(by_alias=True))
    # every titled statement and argument of the file is a node of the case
    titles = set(re.findall(r"\[([^\]\n]+)\]", text)) | set(re.findall(r"<([^>\n]+)>", text))
    titles = {" ".join(t.split()) for t in titles if t[:1].isalpha()}  # not {uses: [1,2]}
    ids = {re.sub(r"[^A-Za-z0-9_.\-]+", "_", t).strip("_") for t in titles}
    missing = {i for i in ids if not case.has(i)}
    assert not missing
    result = evaluate(case)
    assert len(result.claims()) == len(case.claims)
    assert render(case, result).dot.startswith(("digraph", "strict digraph"))


def test_state_censorship_structures() -> None:
    case = read_argdown(ARGDOWN_DIR / "state-censorship.argdown")
    assert case.title == "Censorship from the State"
    speech = case.node("Argument_from_Freedom_of_Speech")
    assert isinstance(speech, Argument)
    # {uses: [1,2,3]} and the rule "Specification, Modus ponens"
    assert speech.premises[0] == "Absolute_Freedom_of_Speech"
    assert len(speech.premises) == 3
    assert speech.scheme.startswith("Specification, Modus ponens")
    assert speech.text is not None and speech.text.startswith("Censorship is wrong")
    # (4) -> [Censorship]: the conclusion attacks the claim
    assert ("rebut", speech.conclusion, "Censorship") in _rels(case)
    # a two-step structure is two arguments, the second resting on the first's conclusion
    first = case.node("Importance_of_inclusive_public_debate_step1")
    last = case.node("Importance_of_inclusive_public_debate")
    assert isinstance(first, Argument) and isinstance(last, Argument)
    assert first.conclusion in last.premises
    # an attack on a statement that is some argument's premise is an undermine
    assert ("undermine", last.conclusion, "IRC-legislation") in _rels(case)
    racial = case.node("Argument_from_racial_hatred")
    assert isinstance(racial, Argument) and racial.conclusion == "Censorship"


def test_legalisation_tree_of_sketched_arguments() -> None:
    case = read_argdown(ARGDOWN_DIR / "legalisation-softdrugs.argdown")
    assert not case.arguments  # no premise-conclusion structures in this file
    harmful = case.node("Soft_drugs_are_harmful")
    assert SKETCHED_TAG in harmful.tags and "con" in harmful.tags  # type: ignore[union-attr]
    rels = _rels(case)
    assert ("support", "No_harm_no_ban", "Legalisation_of_Soft_Drugs") in rels
    assert ("rebut", "Law_must_protect", "Legalisation_of_Soft_Drugs") in rels
    assert ("rebut", "Soft_drugs_are_harmful", "No_harm_no_ban") in rels  # outgoing ->
    assert ("support", "Soft_drugs_are_harmful", "Minimize_destructive_activity") in rels
    undercut = next(r for r in case.relations if r.origin == "Poor_reason")
    assert undercut.target == "Alcohol_and_tobacco_analogy"
    assert undercut.note and "undercut" in undercut.note
    # the trailing // comment is not part of the text
    poor = case.node("Poor_reason")
    assert "undercuts" not in poor.text  # type: ignore[union-attr]


def test_semmelweis_contradictions_and_headings() -> None:
    case = read_argdown(ARGDOWN_DIR / "semmelweis_betz.argdown")
    rels = _rels(case)
    skillful = case.node("Medical_Students_Skillfull")
    assert isinstance(skillful, Argument)
    # >< is an attack both ways
    assert any(o == skillful.conclusion and t == "More_Injuries" for _, o, t in rels)
    assert any(o == "More_Injuries" and t == skillful.conclusion for _, o, t in rels)
    assert case.node("Epidemic_Influence_Hypothesis").tags == ["H1"]  # type: ignore[union-attr]
    assert not any(c.text.startswith("#") for c in case.claims)


def test_relation_markers_in_both_directions() -> None:
    text = """
[A]: a
  + [B]: b
  - [C]: c
  <+ [D]: d
  <- [E]: e
  +> [F]: f
  -> [G]: g
  >< [H]: h

<Arg>: gist

(1) [Q]: q
----
(2) [Z]: z
  _ <U>: an undercutter without structure
  <_ [V]: v
"""
    case = parse_argdown(text)
    rels = _rels(case)
    assert ("support", "B", "A") in rels
    assert ("rebut", "C", "A") in rels
    assert ("support", "D", "A") in rels
    assert ("rebut", "E", "A") in rels
    assert ("support", "A", "F") in rels
    assert ("rebut", "A", "G") in rels
    assert ("rebut", "H", "A") in rels and ("rebut", "A", "H") in rels
    # _ under a statement of a structure: the undercut targets the statement (a rebut)
    assert ("rebut", "U", "Z") in rels and ("rebut", "V", "Z") in rels


def test_undercut_of_an_argument_with_a_structure() -> None:
    case = parse_argdown("<A>\n\n(1) p\n----\n(2) q\n\n<A>\n  _ [X]: x\n  - [Y]: y\n")
    rels = _rels(case)
    assert ("undercut", "X", "A") in rels and ("undercut", "Y", "A") in rels
    arg = case.node("A")
    assert isinstance(arg, Argument) and arg.premises == ["A_1"] and arg.conclusion == "A_2"


def test_comments_escapes_tags_data_and_front_matter() -> None:
    text = r"""===
title: Front matter title
subTitle: used as the description
===

// a line comment
[A]: see http://example.org // but this is a comment
  + [B]: costs \#1 and uses \{braces\} #fact #(a long tag) {base_score: 0.3}

/* a block
   comment */ [C]: after the comment
"""
    case = parse_argdown(text)
    assert case.title == "Front matter title"
    assert case.description == "used as the description"
    a, b, c = case.claims
    assert a.text == "see http://example.org"
    assert b.text == "costs #1 and uses {braces}"
    assert b.tags == ["fact", "a long tag"] and b.base_score == 0.3
    assert c.text == "after the comment"


def test_evidence_events_and_precedents_from_data() -> None:
    text = """===
argmap:
  sources:
  - {id: S1, outlet: O, title: T, date: '2023-04-20'}
===

[E1]: a report {kind: evidence, source: S1, status: report, reliability: 0.7}

[V1]: it happened {kind: event, date: '2023-04-25'}

[C1]: a claim
  + [E1]
  - [V1]
"""
    case = parse_argdown(text)
    assert [e.id for e in case.evidence] == ["E1"] and case.evidence[0].reliability == 0.7
    assert [v.id for v in case.events] == ["V1"]
    assert _rels(case) == [("support", "E1", "C1"), ("rebut", "V1", "C1")]


def test_example_case_round_trips_exactly() -> None:
    case = load(REPO / "examples" / "ad_tool_dispute.yaml")
    text = dumps_argdown(case)
    assert "[C_principled]:" in text and "<A_fees>" in text
    assert parse_argdown(text) == case


def test_worked_case_round_trips_exactly() -> None:
    case = load(REPO / "seeds" / "musk_v_microsoft.yaml")
    assert parse_argdown(dumps_argdown(case)) == case


@pytest.mark.parametrize(
    "data",
    ["{a: [" * 3000 + "}", "{a: " * 3000 + "1" + "}" * 3000, "{a: &x [1, 2], b: *x}"],
    ids=["unbalanced", "deep", "alias"],
)
def test_hostile_data_is_refused(data: str) -> None:
    with pytest.raises(CaseError, match=r"<string>:1: data in \{...\} is not a valid YAML"):
        parse_argdown(f"[A]: text {data}")


@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=lambda p: p.name)
def test_real_file_round_trips_through_argmap_argdown(path: Path) -> None:
    case = read_argdown(path)
    assert parse_argdown(dumps_argdown(case)) == case


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_random_case_round_trips(case: Case) -> None:
    texts = [case.title, case.description or ""] + [
        str(getattr(n, "text", "")) for n in case.iter_nodes()
    ]
    assume(not any("\ue000" <= ch <= "\ue0ff" for t in texts for ch in t))
    assert parse_argdown(dumps_argdown(case)) == case


@st.composite
def tagged_cases(draw: st.DrawFn) -> Case:
    """Random cases whose claims carry tags, sketched-argument among them."""
    case = draw(cases(max_nodes=5))
    pool = [SKETCHED_TAG, "pro", "con", "a long tag", "x-y", "H1"]
    claims = [
        c.model_copy(update={"tags": draw(st.lists(st.sampled_from(pool), unique=True))})
        for c in case.claims
    ]
    return case.model_copy(update={"claims": claims})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tagged_cases())
def test_random_tagged_case_round_trips(case: Case) -> None:
    texts = [case.title, case.description or ""] + [
        str(getattr(n, "text", "")) for n in case.iter_nodes()
    ]
    assume(not any("\ue000" <= ch <= "\ue0ff" for t in texts for ch in t))
    assert parse_argdown(dumps_argdown(case)) == case


def test_escaped_text_survives() -> None:
    from argmap.model import Claim

    nasty = r"a [b] <c> #d {e: 1} // f /* g */ \ h"
    case = Case(title="t", claims=[Claim(id="C1", text=nasty)])
    assert parse_argdown(dumps_argdown(case)).claims[0].text == nasty


EXPECTED = {
    "ad_after_conclusion.argdown": "6: (3) follows the final conclusion of <A>",
    "ad_bad_data.argdown": "3: data in {...} is not a valid YAML mapping",
    "ad_bad_front_matter.argdown": (
        "3: YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence started on line 2)"
    ),
    "ad_bad_source_date.argdown": "7: sources[0].date: Input should be a valid date",
    "ad_concludes_its_premise.argdown": "5: (2) is also a premise of its own inference",
    "ad_evidence_unknown_source.argdown": "3: evidence[0].source: unknown source 'S9'",
    "ad_no_inference_line.argdown": "3: argument <A> has premises but no inference line",
    "ad_not_utf8.argdown": "3: not UTF-8 text",
    "ad_relation_without_parent.argdown": "3: relation '+' has no statement or argument above",
    "ad_score_out_of_range.argdown": "7: claims[1].base_score: must be between 0 and 1, got 2",
    "ad_unclosed_comment.argdown": "3: comment opened with /* is never closed",
    "ad_unclosed_front_matter.argdown": "1: front matter opened with === is never closed",
    "ad_unclosed_html_comment.argdown": "4: comment opened with <!-- is never closed",
    "ad_empty.argdown": "1: the file is empty",
    "ad_by_number_no_statement.argdown": "9: <A> has no statement (4)",
    "ad_unclosed_rule.argdown": "4: inference rule opened with -- is never closed",
    "ad_unknown_argmap_key.argdown": "3: unknown key(s) under argmap: tables",
    "ad_unknown_issue.argdown": "3: claims[1].issue: unknown issue 'I9'",
    "ad_uses_unknown_premise.argdown": "5: uses names (5), which is not above it",
}


def test_every_broken_file_is_listed() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.argdown")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_argdown_names_file_and_line(name: str) -> None:
    path = BROKEN / name
    with pytest.raises(CaseError) as info:
        read_argdown(path)
    assert len(info.value.problems) == 1
    assert str(info.value).startswith(f"{path}:{EXPECTED[name]}"), str(info.value)


def test_what_is_not_kept_is_reported() -> None:
    warnings: list[str] = []
    text = "[A]: one\n\n[A]: two\n\n<B>: gist #pro\n\n(1) [A]\n----\n(2) c\n"
    case = parse_argdown(text, "map.argdown", warnings=warnings)
    assert case.node("A").text == "one"  # type: ignore[union-attr]
    assert warnings == [
        "map.argdown:3: [A] has another text at line 1; the first is kept",
        "map.argdown: tags dropped from 1 argument(s) with a premise-conclusion structure "
        "(argmap arguments have no tags): <B> (line 5)",
    ]


def test_bom_and_crlf_are_accepted() -> None:
    raw = "\ufeff[A]: a\r\n  + [B]: b\r\n\r\n[C]: c {base_score: x}\r\n".encode()
    with pytest.raises(CaseError, match=r"^f\.argdown:4: claims\[2\]\.base_score"):
        parse_argdown(raw, "f.argdown")
    case = parse_argdown(raw.replace(b"x}", b"0.2}"), "f.argdown")
    assert _rels(case) == [("support", "B", "A")] and case.claims[2].base_score == 0.2


_TOKENS = [
    "[A]",
    "[B]: b",
    "<X>",
    "<Y>: y",
    "(1)",
    "(2)",
    "(3)",
    "----",
    "--",
    "-- r --",
    "+",
    "-",
    "_",
    "<+",
    "<-",
    "<_",
    "+>",
    "->",
    "_>",
    "><",
    "#t",
    "#(t t)",
    "{a: 1}",
    "{uses: [1]}",
    "{uses: [9]}",
    "{kind: evidence}",
    "{base_score: 0.3}",
    "//",
    "/*",
    "*/",
    "===",
    "title: x",
    "#",
    "##",
    "text",
    ":",
    "\\",
    "\\#",
    "{",
    "}",
    "[",
    "]",
    "<",
    ">",
    "@[A]",
    "{stance: con}",
    "{kind: event, date: '2020-01-01'}",
    "{precedent: A}",
    "<!--",
    "-->",
    "*",
    "1.",
    "<X>(1)",
    "<X>(2):",
    "[A B]",
    "<Y z>:",
    "{id: A}",
    "{label: L}",
]


@st.composite
def argdown_soup(draw: st.DrawFn) -> str:
    """Lines of Argdown tokens in any order: mostly invalid, sometimes not."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4]))
        lines.append(indent + " ".join(draw(st.lists(st.sampled_from(_TOKENS), max_size=4))))
    return "\n".join(lines)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argdown_soup())
def test_any_input_gives_a_case_or_a_located_error(text: str) -> None:
    try:
        case = parse_argdown(text, "soup.argdown")
    except CaseError as exc:
        assert all(p.file == "soup.argdown" for p in exc.problems)
        return
    assert parse_argdown(dumps_argdown(case)) == case
