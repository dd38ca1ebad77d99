"""``argmap batch``: evaluate a corpus of cases and interchange files into one table.

Each input (a file, or every file under a folder whose extension a reader knows: case
YAML/JSON, AIF, xAIF, Carneades, Argdown, ICCMA) is one task. It is read with
:func:`argmap.io.convert.read_case` and evaluated under each Dung semantics asked
for, giving one tidy row per (file, claim, semantics): the claim's label, gradual
strength, whether its proof standard is met, its verdict, the seconds the evaluation
took, and ``error``. A file that cannot be read, or a semantics that fails on it, is a
row whose ``error`` says why (one line, file and line named where known) and whose
claim is empty: one bad file never stops a run.

Workers read the files themselves: on a cluster of several machines they need the
same paths (a shared file system), as dask workers usually have.

>>> rows = evaluate_file(Settings(("grounded",), "dfquad"), (0, "examples/ad_tool_dispute.yaml"))
>>> rows[0]["file"], rows[0]["semantics"], rows[0]["error"]
('examples/ad_tool_dispute.yaml', 'grounded', None)
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, CaseError
from argmap.io.convert import format_of, read_case
from argmap.semantics.evaluate import evaluate

__all__ = ["COLUMNS", "Settings", "evaluate_file", "find_inputs", "fingerprint"]

COLUMNS = {
    "task": "int64",
    "file": "string",
    "format": "string",
    "claim": "string",
    "semantics": "string",
    "gradual": "string",
    "label": "string",
    "strength": "float64",
    "standard_met": "bool",
    "verdict": "string",
    "seconds": "float64",
    "error": "string",
}
"""The table's columns and their Arrow types; ``seconds`` is the only one that varies
between runs of the same inputs (it is wall-clock time)."""


@dataclass(frozen=True)
class Settings:
    """What every file is evaluated under (sent once to each worker)."""

    semantics: tuple[str, ...]
    gradual: str


def _known(path: Path) -> bool:
    try:
        format_of(path)
    except ArgmapError:
        return False
    return True


def find_inputs(inputs: Iterable[str]) -> list[str]:
    """The files named, and the files under each folder named whose extension a
    reader knows (sorted, hidden files and folders skipped); a name that does not
    exist is kept, to become an error row.

    >>> find_inputs(["examples"])
    ['examples/ad_tool_dispute.yaml']
    """
    found: list[str] = []
    for given in inputs:
        path = Path(given)
        if not path.is_dir():
            found.append(given)
            continue
        for root, folders, files in os.walk(path):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                child = Path(root) / name
                if not name.startswith(".") and _known(child):
                    found.append(str(child))
    return found


def fingerprint(files: Sequence[str], settings: Settings) -> str:
    """Names the run for ``--resume``: the files' names and contents, and the settings."""
    digest = hashlib.sha256()
    digest.update(json.dumps([list(settings.semantics), settings.gradual]).encode())
    for name in files:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(hashlib.sha256(Path(name).read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


def _one_line(exc: BaseException, given: str, absolute: str) -> str:
    if isinstance(exc, CaseError):
        text = "; ".join(str(p) for p in exc.problems)
    elif isinstance(exc, ArgmapError):
        text = str(exc)
    else:  # a reader's bug must not stop the corpus: name it and go on
        text = f"{type(exc).__name__}: {exc}"
    return " ".join(text.replace(absolute, given).split())


def evaluate_file(settings: Settings, item: tuple[int, str]) -> list[dict[str, Any]]:
    """The rows of one input: one per claim and semantics, or error rows."""

    number, given = item
    absolute = os.path.abspath(given)
    base = {"task": number, "file": given, "gradual": settings.gradual}
    try:
        case, fmt, _ = read_case(absolute)
    except Exception as exc:
        error = _one_line(exc, given, absolute)
        return [_row(base, semantics=s, error=error) for s in settings.semantics]
    rows: list[dict[str, Any]] = []
    for semantics in settings.semantics:
        start = time.perf_counter()
        try:
            evaluation = evaluate(case, semantics, settings.gradual)
        except Exception as exc:
            rows.append(
                _row(base, format=fmt, semantics=semantics, error=_one_line(exc, given, absolute))
            )
            continue
        seconds = time.perf_counter() - start
        claims = evaluation.claims()
        if not claims:
            rows.append(_row(base, format=fmt, semantics=semantics, seconds=seconds))
        for result in claims:
            rows.append(
                _row(
                    base,
                    format=fmt,
                    claim=result.id,
                    semantics=semantics,
                    label=str(result.label),
                    strength=result.strength,
                    standard_met=result.standard_met,
                    verdict=str(result.verdict),
                    seconds=seconds,
                )
            )
    return rows


def _row(base: dict[str, Any], **values: Any) -> dict[str, Any]:
    row = dict.fromkeys(COLUMNS)
    row.update(base)
    row.update(values)
    return row
