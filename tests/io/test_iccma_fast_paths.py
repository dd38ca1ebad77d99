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
from argmap.io import iccma
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
