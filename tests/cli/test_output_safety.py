"""Every command that writes ``-o`` refuses, in one line and exit 2, an output that
is one of its inputs (by name, symbolic or hard link) or that cannot be written
(missing folder, a file used as a folder, a folder given as the file), and leaves
every input byte for byte as it was."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"

SCENARIO = """schema_version: 1
name: press trusted
question: What if the press is right?
case: case.yaml
interventions:
  - {op: set_parameter, parameter: w_press, value: 0.9}
"""


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with the sample case (``case.yaml``) and a scenario of it (``s.yaml``)."""
    shutil.copy(SAMPLE, tmp_path / "case.yaml")
    # render tells its format by the suffix: a case named like a map, to write onto
    shutil.copy(SAMPLE, tmp_path / "case.svg")
    (tmp_path / "s.yaml").write_text(SCENARIO, encoding="utf-8")
    return tmp_path


# each command as a function of (work folder, output path) -> argv
Command = Callable[[Path, str], list[str]]
COMMANDS: dict[str, Command] = {
    "evaluate": lambda w, o: ["evaluate", str(w / "case.yaml"), "-o", o],
    "render": lambda w, o: ["render", str(w / "case.svg"), "--plain", "-o", o],
    "scenario run": lambda w, o: ["scenario", "run", str(w / "s.yaml"), "-o", o],
    "scenario sweep": lambda w, o: [
        "scenario",
        "sweep",
        str(w / "case.yaml"),
        "--param",
        "w_press",
        "--values",
        "0:1:3",
        "-o",
        o,
    ],
    "scenario threshold": lambda w, o: [
        "scenario",
        "threshold",
        str(w / "s.yaml"),
        "C_principled",
        "--param",
        "w_press",
        "-o",
        o,
    ],
    "scenario tornado": lambda w, o: [
        "scenario",
        "tornado",
        str(w / "case.yaml"),
        "C_principled",
        "-o",
        o,
    ],
    "convert": lambda w, o: ["convert", str(w / "case.yaml"), o, "--to", "json"],
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("how", ["same name", "symbolic link", "hard link", "dot path"])
def test_output_that_is_an_input_is_refused(
    command: str, how: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = ".svg" if command == "render" else ".yaml"
    case = work / f"case{suffix}"
    if how == "same name":
        output = str(case)
    elif how == "symbolic link":
        os.symlink(case, work / f"link{suffix}")
        output = str(work / f"link{suffix}")
    elif how == "hard link":
        os.link(case, work / f"hard{suffix}")
        output = str(work / f"hard{suffix}")
    else:
        output = str(work / "." / "sub" / ".." / case.name)
        (work / "sub").mkdir()
    before = _snapshot(work)
    err = _refused(COMMANDS[command](work, output), capsys)
    assert "the output is an input" in err and output in err
    assert _snapshot(work) == before


@pytest.mark.parametrize("command", ["scenario run", "scenario threshold"])
def test_scenario_output_onto_its_file_or_base_case_is_refused(
    command: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(work)
    for target in ("s.yaml", "case.yaml"):
        err = _refused(COMMANDS[command](work, str(work / target)), capsys)
        assert "the output is an input" in err
    assert _snapshot(work) == before


def test_convert_onto_itself_is_refused(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = work / "case.yaml"
    before = case.read_bytes()
    _refused(["convert", str(case), str(case)], capsys)
    assert case.read_bytes() == before


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("where", ["missing folder", "file as folder", "folder as file"])
def test_unwritable_output_is_one_line_naming_the_path(
    command: str, where: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = ".json" if command in ("convert",) else (".svg" if command == "render" else ".txt")
    if where == "missing folder":
        output = work / "nope" / f"out{suffix}"
        expected = f"folder '{work / 'nope'}' does not exist"
    elif where == "file as folder":
        # a path whose parent is a regular file cannot be created, even by root
        output = work / "case.yaml" / f"out{suffix}"
        expected = f"'{work / 'case.yaml'}' is a file, not a folder"
    else:
        output = work / f"dir{suffix}"
        output.mkdir()
        expected = "is a folder; give a file name"
    before = _snapshot(work)
    err = _refused(COMMANDS[command](work, str(output)), capsys)
    assert str(output) in err and expected in err
    assert _snapshot(work) == before


def test_a_failing_write_is_one_line_and_leaves_no_file(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a read-only folder cannot be tested as root (root writes anyway): make the final
    # rename fail as it would there
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    before = _snapshot(work)
    err = _refused(COMMANDS["scenario sweep"](work, str(work / "out.txt")), capsys)
    assert f"{work / 'out.txt'}: cannot write: Permission denied" in err
    assert _snapshot(work) == before


def test_report_refuses_a_folder_holding_its_case(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(work)
    err = _refused(["report", str(work / "case.yaml"), "-o", str(work)], capsys)
    assert "holds an input" in err
    assert _snapshot(work) == before
    err = _refused(["report", str(work / "case.yaml"), "-o", str(work / "case.yaml")], capsys)
    assert "the output is an input" in err
    (work / "plain.txt").write_text("not a folder")
    err = _refused(["report", str(work / "case.yaml"), "-o", str(work / "plain.txt")], capsys)
    assert "is a file, not a folder" in err
    assert (work / "plain.txt").read_text() == "not a folder"


@pytest.mark.parametrize("where", ["missing parent", "file as parent"])
def test_report_into_an_unwritable_place_is_one_line(
    where: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = work / "nope" if where == "missing parent" else work / "case.yaml"
    err = _refused(["report", str(work / "case.yaml"), "-o", str(parent / "out")], capsys)
    assert str(parent / "out") in err


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["scenario", "run", "{s}", "--seed", "-1"], "--seed"),
        (["report", "{case}", "--scenarios", "{s}", "--seed", "-5", "-o", "{out}"], "--seed"),
        (["scenario", "run", "{s}", "--samples", "1000000000"], "--samples"),
        (["report", "{case}", "--samples", "10000001", "-o", "{out}"], "--samples"),
        (["scenario", "run", "{s}", "--seed", "x"], "--seed"),
    ],
)
def test_seed_and_samples_follow_the_scenario_file_rule(
    argv: list[str], option: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = {"s": str(work / "s.yaml"), "case": str(work / "case.yaml"), "out": str(work / "o")}
    with pytest.raises(SystemExit) as info:
        main([a.format(**names) for a in argv])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"argument {option}: must be a whole number" in err
    assert not (work / "o").exists()


def test_cli_and_file_give_the_same_words(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = work / "s.yaml"
    scenario.write_text(SCENARIO + "seed: -1\nsamples: 20000000\n", encoding="utf-8")
    assert main(["scenario", "run", str(scenario)]) == 2
    from_file = capsys.readouterr().err.splitlines()
    assert f"{scenario}:7: seed: must be a whole number from 0 to {2**63 - 1} (got -1)" in from_file
    assert f"{scenario}:8: samples: must be a whole number from 1 to 10,000,000 (got 20000000)" in (
        from_file
    )
    for option, value in (("--seed", "-1"), ("--samples", "20000000")):
        with pytest.raises(SystemExit):
            main(["scenario", "run", str(scenario), option, value])
        from_cli = capsys.readouterr().err
        words = from_cli.split(f"argument {option}: ", 1)[1].strip()
        assert any(line.endswith(words) for line in from_file)


def test_a_device_is_refused_and_a_link_is_written_through(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(COMMANDS["evaluate"](work, "/dev/null"), capsys)
    assert "/dev/null: is not a regular file" in err
    target = work / "real.txt"
    target.write_text("old")
    os.symlink(target, work / "link.txt")
    assert main(COMMANDS["evaluate"](work, str(work / "link.txt"))) == 0
    assert (work / "link.txt").is_symlink()
    assert target.read_text("utf-8").startswith("Why Microsoft dropped Twitter")
