"""The renderer beside the interpreter is looked for in a fixed order, and a folder
that cannot be read is skipped instead of crashing render and report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.maps import engine


def _fake_interpreter(tmp_path: Path) -> tuple[Path, Path]:
    """``venv/python`` linking to ``real/python``, each folder holding a ``prog``."""
    venv, real = tmp_path / "venv", tmp_path / "real"
    for folder in (venv, real):
        folder.mkdir()
        prog = folder / "prog"
        prog.write_text("#!/bin/sh\n")
        prog.chmod(0o755)
    (real / "python").write_text("")
    (venv / "python").symlink_to(real / "python")
    return venv, real


def test_folder_beside_the_interpreter_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    venv, _ = _fake_interpreter(tmp_path)
    monkeypatch.setattr(sys, "executable", str(venv / "python"))
    assert engine._beside_python("prog") == str(venv / "prog")


@pytest.mark.parametrize("unreadable", ["venv", "real"])
def test_an_unreadable_folder_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unreadable: str
) -> None:
    venv, real = _fake_interpreter(tmp_path)
    monkeypatch.setattr(sys, "executable", str(venv / "python"))
    is_file = Path.is_file

    def guarded(path: Path) -> bool:
        if path.parent.name == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return is_file(path)

    monkeypatch.setattr(Path, "is_file", guarded)
    other = real if unreadable == "venv" else venv
    assert engine._beside_python("prog") == str(other / "prog")


def test_nothing_readable_means_not_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    venv, _ = _fake_interpreter(tmp_path)
    monkeypatch.setattr(sys, "executable", str(venv / "python"))

    def denied(path: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "is_file", denied)
    assert engine._beside_python("prog") is None


def test_same_choice_whatever_the_hash_seed(tmp_path: Path) -> None:
    venv, _ = _fake_interpreter(tmp_path)
    script = (
        "import sys; sys.executable = sys.argv[1]\n"
        "from argmap.maps.engine import _beside_python\n"
        "print(_beside_python('prog'))\n"
    )
    found = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(venv / "python")],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        found.add(done.stdout.strip())
    assert found == {str(venv / "prog")}
