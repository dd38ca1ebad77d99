"""``argmap solve`` runs once per query in ICCMA-style use: it must not pay for imports
the task does not need (scipy.sparse.csgraph alone took 0.3 to 1 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Run the command line in a child interpreter, then report which heavy modules it
# loaded (sys.modules at exit).
PROBE = """
import contextlib, io, sys
from argmap.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m == "scipy" or m.startswith("scipy."))
print(code, ",".join(heavy))
"""


def _ring(path: Path, n: int) -> Path:
    """An odd cycle: nothing is decided by the grounded labelling, so the whole
    framework is the undecided core that goes to the SAT path and is split into
    components (the path that used to import scipy.sparse.csgraph)."""
    lines = [f"p af {n}", *(f"{i + 1} {(i + 1) % n + 1}" for i in range(n))]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("task", ["SE-PR", "DC-CO", "DS-PR", "CE-ST", "SE-SST", "SE-ID"])
def test_solve_does_not_import_scipy(tmp_path: Path, task: str) -> None:
    path = _ring(tmp_path / "ring.af", 301)
    args = ["solve", "-p", task, "-f", str(path)]
    if task.startswith(("DC", "DS")):
        args += ["-a", "1"]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    code, heavy = done.stdout.strip().partition(" ")[::2]
    assert code == "0"
    assert heavy == ""
