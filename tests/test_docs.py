"""The examples and figures printed in README.md and docs/*.md are produced by argmap.

The project rule: a number in the documentation comes from running the code, so it
cannot drift. This module finds every example and runs it.

Console examples
    A fenced block marked ``console``. Each line starting with ``$ `` is a command; the
    lines after it, up to the next command, are what it prints (standard output and
    standard error interleaved, as on a terminal). A command that is meant to fail ends
    its output with a line ``[exit N]`` giving its exit code; without one the exit code
    must be 0. ``argmap ...`` runs in this process through :func:`argmap.cli.main`;
    ``mkdir -p`` and ``head -N`` are the only other commands, done in Python. Shell
    globs (``scenarios/*.yaml``) expand in sorted order; ``# ...`` ends a command line.

Python examples
    A fenced ``python`` block followed directly by a ``text`` block: the code is run
    and what it prints must be the text block.

Files shown in a document
    A fenced block (``yaml``, or plain for an ICCMA file) whose first line is
    ``# file: NAME`` is written to NAME
    (comment line included, so line numbers in messages match what the reader sees)
    before that document's commands run. A doc that shows a case and then runs it thus
    runs exactly the file it shows.

Where the commands run
    In a fresh temporary folder per document holding copies of ``seeds/``,
    ``scenarios/``, ``examples/`` and ``tests/scenario/broken/`` and a link
    ``../shared`` to the shared folder beside the checkout; commands never write into
    the repository. One document's
    commands run in order in one folder (``mkdir -p out`` then ``-o out/x.csv``).

What may differ
    Only what the document marks, visibly: a line that is just ``...`` stands for any
    number of lines (the output is shortened there), and ``...`` inside a line for any
    text within that line (a timing, a temporary path), as doctest's ELLIPSIS does.
    Trailing spaces are ignored. Nothing else is skipped: every ``$ `` line in any
    fenced block must be in a ``console`` block, so no example escapes the check.

Tables of figures
    Tables in the docs whose figures come from code or from the shipped case (the proof
    standards' thresholds, the worked case's parameters) are checked against it below.
    The benchmark tables in bench/README.md and the layout timings in docs/rendering.md
    are measured figures, not computed ones, and are exempt.
"""

from __future__ import annotations

import contextlib
import glob
import io
import itertools
import os
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from argmap.cli import main as argmap_main

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
COPIED = ("seeds", "scenarios", "examples", "tests/scenario/broken")

_FENCE = re.compile(r"^```(\S*)\s*$")
_FILE_MARK = re.compile(r"^# file: (\S+)\s*$")
_EXIT = re.compile(r"^\[exit (\d+)\]$")


@dataclass
class Block:
    """One fenced block: its info string, the line of its first content line, its lines."""

    lang: str
    line: int
    lines: list[str]


@dataclass
class Command:
    """One ``$ `` line of a console block with the output and exit code it shows."""

    doc: str
    line: int
    text: str
    expected: list[str] = field(default_factory=list)
    exit_code: int = 0


def fenced_blocks(path: Path) -> list[Block]:
    """Every fenced block of a Markdown file, in order."""
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = _FENCE.match(line)
        if current is None and match:
            current = Block(match.group(1), number + 1, [])
        elif current is not None and line.rstrip() == "```":
            blocks.append(current)
            current = None
        elif current is not None:
            current.lines.append(line)
    assert current is None, f"{path.name}: unclosed fenced block from line {current.line}"
    return blocks


def console_commands(path: Path, block: Block) -> list[Command]:
    """Split a console block into commands with their expected output and exit code."""
    commands: list[Command] = []
    for offset, line in enumerate(block.lines):
        if line.startswith("$ "):
            commands.append(Command(path.name, block.line + offset, line[2:]))
        else:
            assert commands, f"{path.name}:{block.line}: console block must start with '$ '"
            commands[-1].expected.append(line)
    for command in commands:
        if command.expected and (code := _EXIT.match(command.expected[-1])):
            command.exit_code = int(code.group(1))
            command.expected.pop()
    return commands


def shown_files(blocks: list[Block]) -> dict[str, str]:
    """The files a document shows with a ``# file: NAME`` first line."""
    files: dict[str, str] = {}
    for block in blocks:
        if block.lines and (mark := _FILE_MARK.match(block.lines[0])):
            files[mark.group(1)] = "\n".join(block.lines) + "\n"
    return files


def python_examples(blocks: list[Block]) -> list[tuple[Block, Block]]:
    """Python blocks directly followed by a ``text`` block holding what they print."""
    return [
        (code, out)
        for code, out in itertools.pairwise(blocks)
        if code.lang == "python" and out.lang == "text"
    ]


def output_pattern(expected: list[str]) -> re.Pattern[str]:
    """A regex for the expected lines; ``...`` (a line, or within one) is the only wildcard."""
    parts: list[str] = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            pieces = [re.escape(piece) for piece in line.rstrip().split("...")]
            parts.append(r"[^\n]*?".join(pieces) + r"\n")
    return re.compile("".join(parts))


def normalise(text: str) -> str:
    """Output with trailing spaces dropped and one final newline (none if empty)."""
    lines = [line.rstrip() for line in text.splitlines()]
    return "".join(line + "\n" for line in lines)


def run_command(text: str) -> tuple[str, int]:
    """Run one documented command in the current folder; its output and exit code."""
    argv = shlex.split(text, comments=True)
    expanded: list[str] = []
    for arg in argv:
        matches = sorted(glob.glob(arg)) if any(c in arg for c in "*?[") else []
        expanded.extend(matches or [arg])
    program, args = expanded[0], expanded[1:]
    buffer = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        if program == "argmap":
            try:
                code = argmap_main(args)
            except SystemExit as exc:  # argparse usage errors and --version
                code = exc.code if isinstance(exc.code, int) else 2
        elif program == "mkdir" and args[:1] == ["-p"]:
            for folder in args[1:]:
                Path(folder).mkdir(parents=True, exist_ok=True)
        elif program == "head" and len(args) == 2 and re.fullmatch(r"-\d+", args[0]):
            lines = Path(args[1]).read_text(encoding="utf-8").splitlines(keepends=True)
            buffer.write("".join(lines[: int(args[0][1:])]))
        else:
            raise AssertionError(f"documented command not supported by the doc check: {text}")
    return buffer.getvalue(), code


def workspace(root: Path, files: dict[str, str]) -> Path:
    """A copy of the repository's case folders, the shared folder beside it, shown files."""
    repo = root / "repo"
    repo.mkdir()
    for name in COPIED:
        shutil.copytree(REPO / name, repo / name)
    (root / "shared").symlink_to(SHARED, target_is_directory=True)
    for name, content in files.items():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return repo


def _doc_id(path: Path) -> str:
    return str(path.relative_to(REPO))


@pytest.mark.parametrize("doc", DOCS, ids=_doc_id)
def test_every_prompt_is_in_a_console_block(doc: Path) -> None:
    """A ``$ `` line outside a console block would escape the check: there are none."""
    stray = [
        f"{doc.name}:{block.line + offset}: {line}"
        for block in fenced_blocks(doc)
        if block.lang != "console"
        for offset, line in enumerate(block.lines)
        if line.startswith("$ ")
    ]
    assert not stray, "mark these blocks ```console:\n" + "\n".join(stray)


@pytest.mark.parametrize("doc", DOCS, ids=_doc_id)
def test_examples_print_what_the_doc_shows(doc: Path, tmp_path: Path) -> None:
    """Every console and Python example of the document, run, prints what it shows."""
    blocks = fenced_blocks(doc)
    commands = [c for b in blocks if b.lang == "console" for c in console_commands(doc, b)]
    pythons = python_examples(blocks)
    if not commands and not pythons:
        pytest.skip(f"{doc.name} has no runnable examples")
    repo = workspace(tmp_path, shown_files(blocks))
    failures: list[str] = []
    with contextlib.chdir(repo):
        for command in commands:
            output, code = run_command(command.text)
            actual = normalise(output)
            if code != command.exit_code or not output_pattern(command.expected).fullmatch(actual):
                failures.append(
                    f"{command.doc}:{command.line}: $ {command.text}\n"
                    f"exit {code} (doc: {command.exit_code}); printed:\n{actual}"
                )
        for code_block, out_block in pythons:
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile("\n".join(code_block.lines), doc.name, "exec"), {})
            actual = normalise(buffer.getvalue())
            if not output_pattern(out_block.lines).fullmatch(actual):
                failures.append(f"{doc.name}:{code_block.line}: python example printed:\n{actual}")
    assert not failures, "\n\n".join(failures)


def test_doc_commands_leave_the_repository_alone() -> None:
    """The workspace is a copy: no documented command resolves inside the checkout."""
    assert all(not (REPO / name).is_symlink() for name in COPIED)
    assert os.path.realpath(SHARED) != os.path.realpath(REPO)


def test_output_pattern_is_exact_but_for_marked_ellipses() -> None:
    """The matcher itself: a changed digit fails, ``...`` lines and tokens match."""
    pattern = output_pattern(["C1 in 0.680", "...", "done in ... s"])
    assert pattern.fullmatch("C1 in 0.680\nC2 out\nC3 out\ndone in 6.1 s\n")
    assert pattern.fullmatch("C1 in 0.680\ndone in 6.1 s\n")
    assert not pattern.fullmatch("C1 in 0.920\ndone in 6.1 s\n")
    assert not pattern.fullmatch("C1 in 0.680\ndone in 6.1 s\nextra\n")
    assert not output_pattern(["a ... b"]).fullmatch("a x\ny b\n")


# Tables of figures that come from code or from the shipped case -------------------


def markdown_table(doc: Path, header: str) -> list[list[str]]:
    """The body rows of the table whose header row starts with ``header``."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows: list[list[str]] = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_semantics_threshold_table_is_the_code_default() -> None:
    from argmap.model.standards import DEFAULT_THRESHOLDS, StandardName

    rows = markdown_table(REPO / "docs" / "semantics.md", "| standard | threshold |")
    shown = {row[0].strip("`"): row[1] for row in rows}
    expected = {name.value: f"{value:g}" for name, value in DEFAULT_THRESHOLDS.items()}
    without = [n.value for n in StandardName if n not in DEFAULT_THRESHOLDS]
    assert {k: v for k, v in shown.items() if k not in without} == expected
    assert set(shown) == {n.value for n in StandardName}


def _distribution_text(spec: dict[str, object]) -> str:
    kind = spec["kind"]
    keys = {"beta": ("a", "b"), "uniform": ("low", "high"), "triangular": ("low", "mode", "high")}
    return f"{kind}({', '.join(f'{spec[k]:g}' for k in keys[str(kind)])})"  # type: ignore[str-format]


def test_worked_case_parameter_table_is_the_seed() -> None:
    seed = yaml.safe_load((REPO / "seeds" / "musk_v_microsoft.yaml").read_text(encoding="utf-8"))
    expected = [
        [f"`{p['id']}`", f"{p['value']:g}", _distribution_text(p["distribution"])]
        for p in seed["parameters"]
    ]
    rows = markdown_table(REPO / "docs" / "worked-case.md", "| Parameter | Value |")
    assert [row[:3] for row in rows] == expected


def test_rendering_limit_table_is_the_code() -> None:
    from argmap.maps import engine

    rows = markdown_table(REPO / "docs" / "rendering.md", "| limit | value |")
    shown = {row[1].split("`")[1]: int(row[1].split()[0].replace(",", "")) for row in rows}
    assert shown == {
        "LAYOUT_NODE_LIMIT": engine.LAYOUT_NODE_LIMIT,
        "LAYOUT_EDGE_LIMIT": engine.LAYOUT_EDGE_LIMIT,
        "LAYOUT_EDGES_PER_NODE": engine.LAYOUT_EDGES_PER_NODE,
    }


def test_worked_case_factor_table_is_the_seed() -> None:
    seed = yaml.safe_load((REPO / "seeds" / "musk_v_microsoft.yaml").read_text(encoding="utf-8"))
    factors = {f["id"]: f for f in seed["factors"]}
    rows = markdown_table(REPO / "docs" / "worked-case.md", "| Factor | Favours |")
    shown: dict[str, tuple[str, str]] = {}
    for row in rows:
        for factor in re.findall(r"`(F_\w+)`", row[0]):
            shown[factor] = (row[1], row[2])
    expected = {fid: (f["favours"], "yes" if f["present"] else "no") for fid, f in factors.items()}
    assert shown == expected


def test_worked_case_precedent_table_is_the_seed() -> None:
    """Each precedent's status and outcome, and its authority a value of the scale."""
    seed = yaml.safe_load((REPO / "seeds" / "musk_v_microsoft.yaml").read_text(encoding="utf-8"))
    doc = REPO / "docs" / "worked-case.md"
    scale = {float(row[1]) for row in markdown_table(doc, "| Court | Authority |")}
    rows = {row[0].strip("`"): row[3] for row in markdown_table(doc, "| Id | Case |")}
    for precedent in seed["precedents"]:
        status = ", ".join(filter(None, [precedent["status"], precedent.get("outcome")]))
        assert rows.pop(precedent["id"]).startswith(status), precedent["id"]
        assert precedent["authority"] in scale, precedent["id"]
    assert not rows, f"precedents in the doc but not in the seed: {sorted(rows)}"


def test_user_guide_monte_carlo_limits_are_the_code() -> None:
    """The sample and seed bounds and the histogram size quoted in the prose."""
    from argmap.scenario.limits import MAX_SAMPLES, MAX_SEED
    from argmap.scenario.results import TALLY_BINS

    text = " ".join((REPO / "docs" / "user-guide.md").read_text(encoding="utf-8").split())
    assert f"N is a whole number from 1 to {MAX_SAMPLES:,}" in text
    assert MAX_SEED == 2**63 - 1 and "S one from 0 to 2^63 − 1" in text
    assert f"{TALLY_BINS:,}-bin histogram, to within {1 / TALLY_BINS:.1e}" in text.replace(
        "1.5·10⁻⁵", "1.5e-05"
    )
