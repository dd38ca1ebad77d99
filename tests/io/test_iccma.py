"""ICCMA files: the real examples in ../shared, round trips, and broken input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import CaseError
from argmap.io.iccma import format_of, parse_af, read_af, write_af
from argmap.semantics.dung import AF

EXAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "iccma"


def test_apx_example_keeps_capitalised_names() -> None:
    af = read_af(EXAMPLES / "a.apx")
    assert af.names == ("A", "B", "C", "D")
    pairs = {(af.names[a], af.names[b]) for a, b in zip(af.src, af.dst, strict=True)}
    assert pairs == {("A", "B"), ("B", "A"), ("B", "C"), ("C", "D"), ("D", "C")}


def test_tgf_example() -> None:
    af = read_af(EXAMPLES / "b.tgf")
    assert af.names == ("a", "b", "c", "d", "e", "f", "x", "j")
    assert af.n_attacks == 11
    assert list(af.targets(af.index_of("f"))) == [af.index_of(x) for x in ("e", "x", "j")]


@pytest.mark.parametrize(
    ("name", "n"), [("admbuster_1000.af", 1000), ("a1210993_20150717_0403.gml.80.af", 7346)]
)
def test_numeric_examples_match_a_line_by_line_reading(name: str, n: int) -> None:
    path = EXAMPLES / name
    af = read_af(path)
    assert af.n == n
    expected = set()
    for line in path.read_text().splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            a, b = line.split()
            expected.add((int(a) - 1, int(b) - 1))
    assert set(zip(af.src.tolist(), af.dst.tolist(), strict=True)) == expected


def test_format_from_suffix_and_content(tmp_path: Path) -> None:
    assert format_of("x.i23") == "af" and format_of("x.APX") == "apx"
    assert format_of("x.txt", b"# c\np af 2\n") == "af"
    assert format_of("x", b"arg(a).\n") == "apx"
    assert format_of("x", b"a\nb\n#\n") == "tgf"
    sniffed = tmp_path / "framework"
    sniffed.write_text("arg(a).\narg(b).\natt(a,b).\n")
    assert read_af(sniffed).names == ("a", "b")


@st.composite
def named_frameworks(draw: st.DrawFn) -> AF:
    names = draw(
        st.lists(
            st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,6}", fullmatch=True),
            unique=True,
            max_size=12,
        )
    )
    if not names:
        return AF.from_arrays([], [], [])
    arg = st.sampled_from(names)
    pairs = draw(st.lists(st.tuples(arg, arg), max_size=30))
    return AF.from_pairs(names, pairs)


@settings(max_examples=60, deadline=None)
@given(named_frameworks(), st.sampled_from(["af", "apx", "tgf"]))
def test_round_trip(af: AF, fmt: str) -> None:
    back = parse_af(write_af(af, fmt), fmt)
    if fmt == "af":
        assert back.n == af.n
        assert np.array_equal(back.src, af.src) and np.array_equal(back.dst, af.dst)
    else:
        assert back == af


BROKEN = [
    ("", "af", 1, "the file is empty"),
    (" \n", "apx", 1, "the file is empty"),
    ("", "tgf", 1, "the file is empty"),
    ("# only a comment\n", "af", 1, "no 'p af N' header"),
    ("p af x\n1 2\n", "af", 1, "expected the header"),
    ("1 2\np af 2\n", "af", 1, "expected the header"),
    ("p af 3\n1 2\n2 4\n", "af", 3, "argument 4, which is not in 1..3"),
    ("p af 3\n0 1\n", "af", 2, "argument 0, which is not in 1..3"),
    ("p af 3\n1 2 3\n", "af", 2, "expected an attack"),
    ("p af 3\n# c\n1\n2 3\n", "af", 3, "expected an attack"),
    ("p af 3\n1 2\n2 3 1 2\n", "af", 3, "expected an attack"),
    ("p af 3\n1 2\nattack 2 3\n", "af", 3, "expected an attack"),
    ("p af 3\n1 -2\n", "af", 2, "expected an attack"),
    ("arg(a).\natt(a,b).\n", "apx", 2, "undeclared argument 'b'"),
    ("arg(a).\narg(a).\n", "apx", 2, "declared twice"),
    ("arg(a).\nargument(b).\n", "apx", 2, "expected 'arg(a).'"),
    ("arg(a)\n", "apx", 1, "expected 'arg(a).'"),
    ("a\n#\na b\n", "tgf", 3, "undeclared argument 'b'"),
    ("a b\n#\n", "tgf", 1, "one argument name"),
    ("a\nb\n#\na b c\n", "tgf", 4, "an attack 'a b'"),
    ("a\n#\n#\n", "tgf", 3, "second '#'"),
]


@pytest.mark.parametrize(("text", "fmt", "line", "message"), BROKEN)
def test_broken_input_names_file_and_line(
    text: str, fmt: str, line: int | None, message: str
) -> None:
    with pytest.raises(CaseError) as info:
        parse_af(text, fmt, "bad." + fmt)
    (problem,) = info.value.problems
    assert problem.file == "bad." + fmt
    assert problem.line == line
    assert message in problem.message


def test_read_errors(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="no such file"):
        read_af(tmp_path / "missing.af")
    with pytest.raises(CaseError, match="not a regular file"):
        read_af(tmp_path)
    binary = tmp_path / "x.apx"
    binary.write_bytes(b"arg(a).\n\xff\xfe\n")
    with pytest.raises(CaseError, match="UTF-8"):
        read_af(binary)


def test_names_that_a_format_cannot_hold() -> None:
    af = AF.from_pairs(["a b", "c"], [("a b", "c")])
    with pytest.raises(CaseError, match="cannot be written as apx"):
        write_af(af, "apx")
    with pytest.raises(CaseError, match="cannot be written as tgf"):
        write_af(af, "tgf")
    assert write_af(af, "af") == "p af 2\n1 2\n"
    with pytest.raises(CaseError, match="unknown ICCMA format"):
        write_af(af, "gml")
