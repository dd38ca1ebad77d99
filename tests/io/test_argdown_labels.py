"""Argdown titles become node labels and come back as titles; the round trip
Argdown -> case -> Argdown keeps statements, titles and relations of the real files.

The real files are the argdown.org examples in ``../shared/examples/argdown`` (see
``../shared/examples/PROVENANCE.md``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.errors import CaseError
from argmap.io.argdown import dumps_argdown, parse_argdown, read_argdown
from argmap.io.argdown_parse import ArgdownSyntax
from argmap.io.casefile import dumps, loads
from argmap.model import Argument, Case, Claim
from tests.model.strategies import cases

ARGDOWN_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "argdown"
ARGDOWN_FILES = sorted(ARGDOWN_DIR.glob("*.argdown"))


def test_titles_become_labels_on_a_real_file() -> None:
    case = read_argdown(ARGDOWN_DIR / "semmelweis_betz.argdown")
    h1 = case.node("Epidemic_Influence_Hypothesis")
    assert h1.label == "Epidemic Influence Hypothesis"  # type: ignore[union-attr]
    arg = case.node("Medical_Students_Skillfull")
    assert isinstance(arg, Argument) and arg.label == "Medical Students Skillfull"
    # anonymous premises have no title, hence no label
    assert case.node("Epidemic_Variations_2").label is None  # type: ignore[union-attr]


def test_a_title_that_is_already_an_id_gives_no_label() -> None:
    case = parse_argdown("[C1]: a claim\n  + <IRC-legislation>: an argument\n")
    assert [c.label for c in case.claims] == [None, None]


def test_export_writes_the_title_not_the_id() -> None:
    case = read_argdown(ARGDOWN_DIR / "semmelweis_betz.argdown")
    text = dumps_argdown(case)
    assert "[Epidemic Influence Hypothesis]: The outbreak" in text
    assert "<Medical Students Skillfull>: Medical students" in text
    assert "Epidemic_Influence_Hypothesis" not in text
    assert "{id:" not in text and "label:" not in text  # the titles say it all


def test_labels_of_an_argmap_case_survive_argdown() -> None:
    case = Case(
        title="t",
        claims=[
            Claim(id="C1", label="Principled stance", text="a"),
            Claim(id="C2", label="C1", text="b"),  # another node's id: cannot be a title
            Claim(id="C3", label="Principled stance", text="c"),  # taken by C1
            Claim(id="C4", label="C4", text="d"),  # its own id
            Claim(id="C5", label="- a dash [and] #hash {x}", text="e"),
        ],
        arguments=[
            Argument(id="A1", label="+ plus first", premises=["C1"], conclusion="C2"),
            Argument(id="A2", label="From principle", premises=["C3"], conclusion="C4"),
        ],
    )
    text = dumps_argdown(case)
    assert "[Principled stance]: a {id: C1}" in text
    assert "[C2]: b {label: C1}" in text
    assert "<From principle> {id: A2}" in text
    assert "<A1> {label: + plus first}" in text  # "<+ ...>" would read as a relation
    assert parse_argdown(text) == case


def test_labels_survive_case_files() -> None:
    case = Case(title="t", claims=[Claim(id="C1", label="A short title", text="a")])
    for fmt in ("yaml", "json"):
        text = dumps(case, fmt)
        assert "A short title" in text
        assert loads(text, fmt) == case


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("two\nlines", "a label is one line of text"),
        ("tab\there", "a label is one line of text"),
        ("next\x85line", "a label is one line of text"),
        ("line\u2028separator", "a label is one line of text"),
        ("x" * 121, "at most 120 characters"),
    ],
)
def test_a_label_is_one_short_line(bad: str, message: str) -> None:
    assert Claim(id="C1", label="x" * 120, text="a").label == "x" * 120
    with pytest.raises(ValueError, match=message):
        Claim(id="C1", label=bad, text="a")


_LABELS = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), max_codepoint=0x2FFF),
        min_size=1,
        max_size=30,
    ).filter(lambda s: s.strip() == s),
    st.sampled_from(["C1", "A", "- x", "+", "_y", "[z]", "#t", "a: b", "x // y", "<!-- c -->"]),
)


@st.composite
def labelled_cases(draw: st.DrawFn) -> Case:
    """Random cases whose nodes carry labels: free text, syntax characters, other
    nodes' ids, their own id, and the same label twice."""
    case = draw(cases(max_nodes=6))
    ids = [n.id for n in case.iter_nodes()]
    labels = st.one_of(st.none(), _LABELS, st.sampled_from(ids) if ids else st.none())
    updates = {
        section: [n.model_copy(update={"label": draw(labels)}) for n in getattr(case, section)]
        for section in ("claims", "evidence", "events", "precedents", "arguments")
    }
    return Case.model_validate(
        {
            **case.model_dump(by_alias=True),
            **{k: [n.model_dump(by_alias=True) for n in v] for k, v in updates.items()},
        }
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(labelled_cases())
def test_random_labelled_case_round_trips(case: Case) -> None:
    texts = [case.title, case.description or ""] + [
        f"{getattr(n, 'text', '')}{getattr(n, 'label', '')}" for n in case.iter_nodes()
    ]
    assume(not any("\ue000" <= ch <= "\ue0ff" for t in texts for ch in t))
    assert parse_argdown(dumps_argdown(case)) == case


# -- 4. Argdown -> case -> Argdown on the real files ---------------------------------------


def _syntax(text: str) -> ArgdownSyntax:
    return ArgdownSyntax().parse(text)


def _titled(syntax: ArgdownSyntax) -> dict[tuple[str, str], tuple[str | None, list[str]]]:
    """Titled statements and arguments: (kind, title) -> (text, tags)."""
    return {
        ref: (info.text, info.tags)
        for ref, info in syntax.infos.items()
        if not ref[1].startswith("\x00")
    }


def _titled_relations(syntax: ArgdownSyntax) -> set[tuple[bool, str, str]]:
    """Relations between titled elements: (is support, from title, to title)."""
    return {
        (kind == "support", a[1], b[1])
        for kind, a, b, _ in syntax.relations
        if not a[1].startswith("\x00") and not b[1].startswith("\x00")
    }


@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=lambda p: p.name)
def test_real_file_argdown_case_argdown_keeps_statements_titles_relations(path: Path) -> None:
    original = _syntax(path.read_text("utf-8"))
    written = dumps_argdown(read_argdown(path))
    again = _syntax(written)
    before, after = _titled(original), _titled(again)
    # every titled statement keeps its title, text and tags; every argument its title
    for (kind, title), (text, tags) in before.items():
        if kind == "s":
            assert after[("s", title)] == (text, tags), title
        else:
            assert ("a", title) in after, title
            if text is not None and original.infos[(kind, title)].pcs is None:
                assert after[("a", title)][0] == text  # a sketched argument's gist
    # every relation between titled elements is still there, in its direction
    assert _titled_relations(original) <= _titled_relations(again)
    # and the case read back is the same case
    assert parse_argdown(written) == read_argdown(path)


@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=lambda p: p.name)
def test_real_file_statements_keep_their_texts_through_the_case(path: Path) -> None:
    original = _syntax(path.read_text("utf-8"))
    case = read_argdown(path)
    by_label = {n.label or n.id: n for n in case.iter_nodes() if hasattr(n, "label")}
    for (kind, title), info in original.infos.items():
        if kind == "s" and not title.startswith("\x00"):
            node = by_label[title]
            assert getattr(node, "text", None) == info.text


def test_ids_and_labels_given_as_data() -> None:
    text = "[Long title]: a {id: C1}\n  + [B]: b {label: Bee}\n  - untitled {id: X1}\n"
    case = parse_argdown(text)
    assert [(c.id, c.label) for c in case.claims] == [
        ("C1", "Long title"),
        ("B", "Bee"),
        ("X1", None),
    ]
    assert [(r.origin, r.target) for r in case.relations] == [("B", "C1"), ("X1", "C1")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[A]: a {id: 5}\n", "1: the id in the data of [A] is not text"),
        ("[A]: a {id: X}\n\n[B]: b {id: X}\n", "3: id 'X' is given to two elements"),
        ("[A]: a {id: 9x}\n", "1: claims[0].id: '9x' is not a valid id"),
    ],
)
def test_bad_ids_in_data_are_located(text: str, message: str) -> None:
    with pytest.raises(CaseError) as info:
        parse_argdown(text, "d.argdown")
    assert str(info.value).startswith(f"d.argdown:{message}")


def test_a_very_long_title_gives_a_cut_label_and_a_warning() -> None:
    title = "A title " * 20
    warnings: list[str] = []
    case = parse_argdown(f"[{title.strip()}]: text\n", "t.argdown", warnings=warnings)
    label = case.claims[0].label
    assert label is not None and len(label) == 120 and label.endswith("\u2026")
    assert warnings and warnings[0].startswith("t.argdown:1: the title [A title")


def test_titles_survive_argdown_to_case_file_to_argdown(tmp_path: Path) -> None:
    from argmap.io.convert import convert

    source = ARGDOWN_DIR / "state-censorship.argdown"
    warnings = convert(source, tmp_path / "case.yaml")
    assert len(warnings) == 1 and "tags dropped from 7 argument(s)" in warnings[0]
    assert "label: Argument from Freedom of Speech" in (tmp_path / "case.yaml").read_text("utf-8")
    assert convert(tmp_path / "case.yaml", tmp_path / "back.argdown") == []
    back = (tmp_path / "back.argdown").read_text("utf-8")
    assert "<Argument from Freedom of Speech>: Censorship is wrong" in back
    assert "[Absolute Freedom of Speech]: Freedom of speech" in back
    assert read_argdown(tmp_path / "back.argdown") == read_argdown(source)
