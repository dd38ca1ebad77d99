"""Hostile case text (HTML, Markdown, NUL, ESC sequences, bidi overrides) is shown,
never obeyed: inert in every Markdown output, escaped in everything printed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.safe_text import UNSAFE_CONTROLS, markdown_text, terminal_text

HOSTILE = Path(__file__).parent / "io" / "hostile"
CASE = str(HOSTILE / "case.yaml")
SCENARIO = str(HOSTILE / "scenario.yaml")

# raw HTML tags, and a Markdown link or image whose bracket is not escaped
ACTIVE_MARKUP = re.compile(r"<(script|img|iframe|b)\b|(?<!\\)\]\(javascript|!\[img")


def _assert_inert_markdown(text: str, name: str) -> None:
    assert not UNSAFE_CONTROLS.search(text), f"{name}: a control character got through"
    found = ACTIVE_MARKUP.search(text)
    assert found is None, f"{name}: active markup {found.group(0)!r}"


def _assert_terminal_safe(text: str) -> None:
    assert not UNSAFE_CONTROLS.search(text), repr(text)


def test_report_markdown_is_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["report", CASE, "--scenarios", SCENARIO, "-o", str(out)]) == 0
    captured = capsys.readouterr()
    _assert_terminal_safe(captured.out + captured.err)
    for name in ("brief.md", "evaluation.md", "scenarios.md"):
        _assert_inert_markdown((out / name).read_text("utf-8"), name)
    brief = (out / "brief.md").read_text("utf-8").splitlines()
    # the description cannot add a heading or a list to the brief
    assert "\\# Fake heading" in brief
    assert not any(line.startswith(("# Fake", "- [click]")) for line in brief)
    assert sum(line.startswith("# ") for line in brief) == 1
    # the title is shown, escaped, with the controls visible as U+FFFD
    assert brief[0].startswith("# Brief: &lt;script&gt;alert('t')&lt;/script&gt; \ufffd\\]0;pwned")
    # pipes in case text cannot add table columns
    evaluation = (out / "evaluation.md").read_text("utf-8")
    lines = evaluation.splitlines()
    row = next(line for line in lines if line.startswith("| C_a "))
    header = next(line for line in lines if line.startswith("| claim "))
    assert row.count(" | ") == header.count(" | ")  # as many columns as the header


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", CASE],
        ["evaluate", CASE],
        ["evaluate", CASE, "--format", "json"],
        ["evaluate", CASE, "--format", "csv"],
        ["scenario", "run", SCENARIO],
        ["scenario", "run", SCENARIO, "--format", "markdown"],
        ["scenario", "run", SCENARIO, "--format", "json"],
    ],
)
def test_terminal_output_shows_controls_escaped(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    captured = capsys.readouterr()
    _assert_terminal_safe(captured.out + captured.err)
    if argv[0] in ("validate", "evaluate") and "csv" not in argv:
        # the escape sequence is there to read, not to act
        assert "\\u001b]0;pwned\\u0007" in captured.out


def test_markdown_written_with_o_is_inert(tmp_path: Path) -> None:
    out = tmp_path / "scenarios.md"
    assert main(["scenario", "run", SCENARIO, "--format", "markdown", "-o", str(out)]) == 0
    _assert_inert_markdown(out.read_text("utf-8"), "scenarios.md")


def test_errors_naming_hostile_paths_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "\x1b]0;title\x07.yaml"
    assert main(["evaluate", str(missing)]) == 2
    err = capsys.readouterr().err
    _assert_terminal_safe(err)
    assert "\\u001b]0;title\\u0007.yaml: no such file" in err


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a <b> & c", "a &lt;b&gt; &amp; c"),
        ("C_principled", "C_principled"),
        ("_under_ *star* `tick` ~del~", "\\_under\\_ \\*star\\* \\`tick\\` \\~del\\~"),
        ("x\x00y\x1bz\u202e", "x\ufffdy\ufffdz\ufffd"),
        ("one\ntwo\r\nthree", "one two three"),
        ("&lt;", "&amp;lt;"),
    ],
)
def test_markdown_text(text: str, shown: str) -> None:
    assert markdown_text(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("> quote", "&gt; quote"),
        ("=== ", "\\==="),
        ("plain", "plain"),
    ],
)
def test_markdown_text_at_a_line_start(text: str, shown: str) -> None:
    assert markdown_text(text, line_start=True) == shown


def test_terminal_text_keeps_tabs_and_newlines_only() -> None:
    assert terminal_text("a\tb\nc") == "a\tb\nc"
    assert terminal_text("\x1b[2J\r\x00\x85\u2028") == "\\u001b[2J\\u000d\\u0000\\u0085\\u2028"
