"""``argmap report`` replaces its output folder whole: a failure or a kill half-way
leaves the previous report as it was, never a brief beside maps of another run; a
folder argmap did not write is refused, never overwritten."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.report import MANIFEST, Report, write_report

REPO = Path(__file__).resolve().parents[1]
SAMPLE = str(REPO / "examples" / "ad_tool_dispute.yaml")


def _report(tag: str, names: tuple[str, ...] = ("brief.md", "map.svg", "evaluation.csv")) -> Report:
    # write_report only reads the files; the evaluation is not needed to write them
    return Report(evaluation=None, comparison=None, files={n: f"{tag} {n}".encode() for n in names})  # type: ignore[arg-type]


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


def test_report_folder_has_a_manifest_and_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_report(_report("one", ("brief.md", "map.svg", "scenarios.md")), out)
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert manifest["files"] == ["brief.md", "map.svg", "scenarios.md"]
    write_report(_report("two"), out)
    # the old run's scenarios.md is gone: nothing of run one stays beside run two
    assert _contents(out) == {
        MANIFEST: (out / MANIFEST).read_bytes(),
        "brief.md": b"two brief.md",
        "evaluation.csv": b"two evaluation.csv",
        "map.svg": b"two map.svg",
    }
    assert _siblings(out) == []


def test_a_failure_half_way_leaves_the_old_folder_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_report(_report("old"), out)
    before = _contents(out)
    written: list[str] = []

    def fail_on_second(path: Path, data: bytes) -> None:
        if written:
            raise OSError(28, "No space left on device")
        path.write_bytes(data)
        written.append(path.name)

    with pytest.raises(ArgmapError, match="No space left on device"):
        write_report(_report("new"), out, write=fail_on_second)
    assert written == ["brief.md"]
    assert _contents(out) == before
    assert _siblings(out) == []  # the half-written temporary folder is removed


KILLED = """
import os, signal, sys
from pathlib import Path
from argmap.report import Report, write_report

count = []
def kill_on_third(path, data):
    if len(count) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    path.write_bytes(data)
    count.append(path)

files = {n: b"new" for n in ("brief.md", "map.svg", "map.pdf", "evaluation.csv")}
write_report(Report(evaluation=None, comparison=None, files=files), sys.argv[1],
             write=kill_on_third)
"""


def test_a_kill_half_way_leaves_the_old_folder_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_report(_report("old"), out)
    before = _contents(out)
    done = subprocess.run([sys.executable, "-c", KILLED, str(out)], check=False, timeout=120)
    assert done.returncode == -9  # really killed in the middle of writing
    assert _contents(out) == before
    # what a kill leaves is a hidden temporary sibling, never a mixed folder
    assert all(name.startswith(".out.") for name in _siblings(out))


def test_a_folder_argmap_did_not_write_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    assert main(["report", SAMPLE, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "argmap did not write it" in err
    assert _contents(out) == {"thesis.docx": b"years of work"}


def test_a_foreign_file_in_a_report_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    write_report(_report("old"), out)
    (out / "notes.txt").write_text("mine")
    before = _contents(out)
    assert main(["report", SAMPLE, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'notes.txt', which argmap did not write" in err
    assert _contents(out) == before


def test_an_empty_folder_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    write_report(_report("new"), out)
    assert (out / "brief.md").read_bytes() == b"new brief.md"
