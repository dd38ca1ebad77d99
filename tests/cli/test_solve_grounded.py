"""``argmap solve`` under grounded semantics answers from the labelling (no frozenset of
the members is built); the answers must match the library's, names and numbers alike."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from argmap.cli import main
from argmap.io.iccma import write_af
from argmap.semantics.dung import AF, grounded_extension


def _solve(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["solve", *argv]) == 0
    return capsys.readouterr().out


def _witness(af: AF, members: frozenset[int]) -> str:
    return " ".join(["w", *(af.names[i] for i in sorted(members))]) + "\n"


@pytest.mark.parametrize("fmt", ["af", "apx"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grounded_tasks_match_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    n = 3_000  # above the list-only size, so the numpy and worklist phases both run
    src, dst = rng.integers(0, n, (2, n))
    names: int | list[str] = n if fmt == "af" else [f"x{i}" for i in range(n)]
    af = AF.from_arrays(names, src, dst)
    path = tmp_path / f"fw.{fmt}"
    path.write_text(write_af(af, fmt))
    grounded = grounded_extension(af)
    assert 0 < len(grounded) < n
    f = str(path)
    assert _solve(capsys, "-p", "SE-GR", "-f", f) == _witness(af, grounded)
    assert _solve(capsys, "-p", "EE-GR", "-f", f) == _witness(af, grounded)
    assert _solve(capsys, "-p", "CE-GR", "-f", f) == "1\n"
    member = af.names[min(grounded)]
    outsider = af.names[min(set(range(n)) - grounded)]
    assert _solve(capsys, "-p", "DC-GR", "-f", f, "-a", member) == "YES\n" + _witness(af, grounded)
    assert _solve(capsys, "-p", "DC-GR", "-f", f, "-a", outsider) == "NO\n"
    assert _solve(capsys, "-p", "DS-GR", "-f", f, "-a", member) == "YES\n"
    assert _solve(capsys, "-p", "DS-GR", "-f", f, "-a", outsider) == "NO\n" + _witness(af, grounded)
