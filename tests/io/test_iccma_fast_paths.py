"""apx and tgf: the whole-text fast readers agree with the line-by-line readers.

The fast readers accept only plainly well-formed files and hand everything else to the
line-by-line readers, so on any text the result (framework or error line) must be the
same as the line-by-line reading alone.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import CaseError
from argmap.io import iccma, iccma_bytes
from argmap.io.iccma import parse_af
from argmap.semantics.dung import AF

NAME = st.sampled_from(["a", "b", "B", "c1", "x.y", "n_2", "é", "#", "a b", "("])
BLANK = st.sampled_from(["", " ", "\t", "\r", "\x0b", "\u2028", "\xa0"])


def _outcome(read: object, text: str) -> AF | int | None:
    try:
        return read(text, "f")  # type: ignore[operator]
    except CaseError as exc:
        return exc.problems[0].line


@st.composite
def apx_texts(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["arg", "arg", "att", "att", "comment", "blank", "junk"]))
        pad = draw(BLANK)
        if kind == "arg":
            lines.append(f"{pad}arg({draw(NAME)}).{draw(BLANK)}")
        elif kind == "att":
            lines.append(f"{pad}att({draw(NAME)},{draw(BLANK)}{draw(NAME)}).")
        elif kind == "comment":
            lines.append(f"{pad}{draw(st.sampled_from(['%', '#']))} note")
        elif kind == "blank":
            lines.append(pad)
        else:
            lines.append(draw(st.sampled_from(["arg(a)", "att(a).", "arg(a). arg(b).", "x"])))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + draw(st.sampled_from(["", "\n"]))


@st.composite
def tgf_texts(draw: st.DrawFn) -> str:
    names = [f"{draw(BLANK)}{draw(NAME)}{draw(BLANK)}" for _ in range(draw(st.integers(0, 6)))]
    lines = [*names, draw(st.sampled_from(["#", " # ", "#\t", "# x"]))]
    for _ in range(draw(st.integers(0, 8))):
        count = draw(st.sampled_from([2, 2, 2, 0, 1, 3]))
        lines.append(draw(BLANK).join(draw(NAME) for _ in range(count)))
    if draw(st.booleans()):
        lines.append("#")
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@settings(max_examples=300, deadline=None)
@given(apx_texts())
def test_apx_fast_reader_agrees_with_lines(text: str) -> None:
    assert _outcome(iccma._parse_apx, text) == _outcome(iccma._parse_apx_lines, text)


@settings(max_examples=300, deadline=None)
@given(tgf_texts())
def test_tgf_fast_reader_agrees_with_lines(text: str) -> None:
    assert _outcome(iccma._parse_tgf, text) == _outcome(iccma._parse_tgf_lines, text)


@pytest.mark.parametrize("fmt", ["apx", "tgf"])
def test_well_formed_files_take_the_fast_path(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(11)
    n = 2_000
    pairs = rng.integers(0, n, (6_000, 2))
    names = [f"a{i}" for i in range(n)]
    af = AF.from_arrays(names, pairs[:, 0], pairs[:, 1])
    text = iccma.write_af(af, fmt)
    slow = getattr(iccma, f"_parse_{fmt}_lines")

    def refuse(text: str, file: str | None) -> AF:
        raise AssertionError("the line-by-line reader was used")

    assert slow(text, None) == af
    monkeypatch.setattr(iccma, f"_parse_{fmt}_lines", refuse)
    assert parse_af(text, fmt) == af


def test_a_no_break_space_takes_the_line_reader() -> None:
    # found by hypothesis: '#\xa0' is a separator for str.split, not for the fast path
    text = "#\xa0\n#"
    assert _outcome(iccma._parse_tgf, text) == _outcome(iccma._parse_tgf_lines, text) == 2
    apx = "arg(a).\n\xa0att(a,a).\n"
    assert str(_outcome(iccma._parse_apx, apx)) == str(_outcome(iccma._parse_apx_lines, apx))


PLAIN_NAME = st.sampled_from(
    ["a", "b", "B", "c1", "a1", "x_y", "x.y", "A-1", "abcdefgh1", "abcdefgh2", "é", "a" * 70]
)


@st.composite
def canonical_apx_texts(draw: st.DrawFn) -> str:
    """Mostly canonical apx files: repeated and undeclared names, long names, a stray
    blank or comma, a missing final newline."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["arg", "arg", "att", "att", "att", "odd"]))
        if kind == "arg":
            lines.append(f"arg({draw(PLAIN_NAME)}).")
        elif kind == "att":
            lines.append(f"att({draw(PLAIN_NAME)},{draw(PLAIN_NAME)}).")
        else:
            lines.append(
                draw(st.sampled_from(["", "att(a,b,c).", "arg(a,b).", "arg().", "att(,a)."]))
            )
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@st.composite
def canonical_tgf_texts(draw: st.DrawFn) -> str:
    lines = [draw(PLAIN_NAME) for _ in range(draw(st.integers(0, 6)))]
    lines.append("#")
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["pair", "pair", "pair", "odd"]))
        if kind == "pair":
            lines.append(f"{draw(PLAIN_NAME)} {draw(PLAIN_NAME)}")
        else:
            lines.append(draw(st.sampled_from(["", "a", "a b c", " a", "a  b"])))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def _read_bytes(fmt: str) -> object:
    return lambda text, file: parse_af(text.encode(), fmt, file)


@pytest.mark.parametrize("hash_join_from", [0, iccma_bytes._HASH_JOIN_FROM])
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(canonical_apx_texts(), apx_texts()))
def test_apx_byte_reader_agrees_with_lines(hash_join_from: int, text: str) -> None:
    if not text.strip():
        return  # the empty file is refused before either reader
    with pytest.MonkeyPatch.context() as patch:  # both joins: sorted keys, hash table
        patch.setattr(iccma_bytes, "_HASH_JOIN_FROM", hash_join_from)
        assert _outcome(_read_bytes("apx"), text) == _outcome(iccma._parse_apx_lines, text)


@pytest.mark.parametrize("hash_join_from", [0, iccma_bytes._HASH_JOIN_FROM])
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(canonical_tgf_texts(), tgf_texts()))
def test_tgf_byte_reader_agrees_with_lines(hash_join_from: int, text: str) -> None:
    if not text.strip():
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(iccma_bytes, "_HASH_JOIN_FROM", hash_join_from)
        assert _outcome(_read_bytes("tgf"), text) == _outcome(iccma._parse_tgf_lines, text)


@pytest.mark.parametrize("fmt", ["apx", "tgf"])
def test_generated_files_take_the_byte_reader(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(12)
    names = [f"arg_{i}" for i in range(500)]
    pairs = rng.integers(0, len(names), (1_500, 2))
    af = AF.from_arrays(names, pairs[:, 0], pairs[:, 1])
    text = iccma.write_af(af, fmt)

    def refuse(text: str, file: str | None) -> AF:
        raise AssertionError("a text reader was used")

    monkeypatch.setattr(iccma, f"_parse_{fmt}", refuse)
    assert parse_af(text, fmt) == af
