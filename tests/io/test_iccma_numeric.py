"""The vectorized ``p af N`` reader against a plain line-by-line reading, and its limits.

The reference below reads a file the way the ICCMA 2023 rules describe it, one line at
a time with ``str.split``; the vectorized scan must give the same framework on every
good file and fail on the same line on every bad one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import CaseError
from argmap.io import iccma
from argmap.io.iccma import max_arguments, parse_af, read_af
from argmap.io.iccma_numeric import format_numbers
from argmap.semantics.dung import AF


def reference(text: str) -> AF | int:
    """The framework a ``p af N`` text holds, or the 1-based line of its first error."""
    n = None
    src: list[int] = []
    dst: list[int] = []
    for line_no, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip(" \t\r")
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if n is None:
            if len(parts) != 3 or parts[:2] != ["p", "af"] or not parts[2].isdigit():
                return line_no
            n = int(parts[2])
            continue
        if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
            return line_no
        a, b = int(parts[0]), int(parts[1])
        if not (1 <= a <= n and 1 <= b <= n):
            return line_no
        src.append(a - 1)
        dst.append(b - 1)
    if n is None:
        return -1
    return AF.from_arrays(n, src, dst)


BLANK = st.sampled_from(["", " ", "\t", "  ", "\r"])


@st.composite
def numeric_files(draw: st.DrawFn) -> str:
    """``p af N`` texts, mostly good, with blank and comment lines, CRLF, odd spacing,
    and now and then a broken line (three numbers, one number, a letter, an argument
    out of range, leading zeros)."""
    n = draw(st.integers(1, 30))
    number = st.integers(1, n).map(str)
    lines = [draw(st.sampled_from(["", "# a comment", "  "]))] if draw(st.booleans()) else []
    lines.append(f"p af {n}{draw(BLANK)}")
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.sampled_from(["attack"] * 8 + ["blank", "comment", "broken"]))
        if kind == "attack":
            lines.append(f"{draw(BLANK)}{draw(number)} {draw(BLANK)}{draw(number)}{draw(BLANK)}")
        elif kind == "blank":
            lines.append(draw(BLANK))
        elif kind == "comment":
            lines.append(f"{draw(BLANK)}# c {draw(number)} {draw(number)}")
        else:
            lines.append(
                draw(
                    st.sampled_from(
                        [
                            f"{draw(number)} {draw(number)} {draw(number)}",
                            draw(number),
                            f"{draw(number)} x",
                            f"{draw(number)} {n + draw(st.integers(1, 5))}",
                            f"0 {draw(number)}",
                            f"00{draw(number)} {draw(number)}",
                            f"{draw(number)}-{draw(number)}",
                        ]
                    )
                )
            )
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


@settings(max_examples=300, deadline=None)
@given(numeric_files())
def test_same_result_as_a_line_by_line_reading(text: str) -> None:
    expected = reference(text)
    if isinstance(expected, AF):
        assert parse_af(text, "af") == expected
    else:
        with pytest.raises(CaseError) as info:
            parse_af(text, "af", "f.af")
        assert info.value.problems[0].line == expected


def test_a_million_attacks_match_numpy_text_reading(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    n, m = 50_000, 1_000_000
    pairs = rng.integers(1, n + 1, (m, 2))
    path = tmp_path / "big.af"
    with path.open("w") as out:
        out.write(f"p af {n}\n")
        np.savetxt(out, pairs, fmt="%d", delimiter=" ")
    af = read_af(path)
    assert af == AF.from_arrays(n, pairs[:, 0] - 1, pairs[:, 1] - 1)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("p af\n", 1, "expected the header"),
        ("p af -3\n", 1, "expected the header"),
        ("p af 3 4\n", 1, "expected the header"),
        ("p af x\n", 1, "expected the header"),
        ("# only a comment\n\np af 3\n1 2 3\n", 4, "expected an attack"),
        ("p af 3\n1 2\n3\n", 3, "expected an attack"),
        ("p af 3\n1 2\n2 4\n", 3, "argument 4, which is not in 1..3"),
        ("p af 3\n1 2\n5 1\n", 3, "argument 5, which is not in 1..3"),
        ("p af 3\n1 2\n2 123456789012345678901234\n", 3, "not in 1..3"),
    ],
)
def test_malformed_headers_and_lines(text: str, line: int, message: str) -> None:
    with pytest.raises(CaseError, match=message) as info:
        parse_af(text, "af", "f.af")
    assert info.value.problems[0].line == line


@pytest.mark.parametrize("digits", ["12345678901234567890", "9" * 400, str(2**31)])
def test_huge_n_is_refused_at_the_header(digits: str) -> None:
    with pytest.raises(CaseError, match="more than argmap can hold") as info:
        parse_af(f"# c\np af {digits}\n", "af", "f.af")
    problem = info.value.problems[0]
    assert (problem.file, problem.line) == ("f.af", 2)
    assert len(str(problem)) < 200


def test_n_is_capped_by_available_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(iccma, "_available_memory", lambda: 64 * 1000)
    assert max_arguments() == 1000
    assert parse_af("p af 1000\n", "af").n == 1000
    with pytest.raises(CaseError, match="at most 1,000"):
        parse_af("p af 1001\n", "af", "f.af")
    monkeypatch.setattr(iccma, "_available_memory", lambda: None)
    assert max_arguments() == 2**31 - 1


def test_huge_header_from_the_command_line_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.af"
    path.write_text("p af 12345678901234567890\n")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "solve", "-p", "SE-GR", "-f", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}:1: ")


def test_numbered_names_are_made_only_when_asked_for() -> None:
    af = parse_af("p af 5\n1 2\n", "af")
    assert af.given_names is None
    assert af.name(4) == "5" and af.index_of("5") == 4
    for missing in ("0", "6", "05", "x", "٣"):
        with pytest.raises(KeyError):
            af.index_of(missing)
    assert af.names == ("1", "2", "3", "4", "5")
    assert af == AF.from_arrays(["1", "2", "3", "4", "5"], [0], [1])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 2**40), max_size=50))
def test_format_numbers_is_str_join(values: list[int]) -> None:
    expected = "".join(f"{v} " for v in values).encode()
    assert format_numbers(np.array(values, dtype=np.int64)) == expected
