"""``argmap solve --preferences FILE --reduction rN``: tasks on the derived defeats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.cli import main

GROUND = Path(__file__).resolve().parents[2].parent / "shared" / "ground-truth"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["solve", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def weak_attacks_strong(tmp_path: Path) -> tuple[str, str]:
    # a attacks b, but b is preferred: the four reductions give four answers
    fw = tmp_path / "fw.apx"
    fw.write_text("arg(a).\narg(b).\natt(a,b).\n")
    prefs = tmp_path / "prefs.txt"
    prefs.write_text("# stronger weaker\n\nb a\n")
    return str(fw), str(prefs)


@pytest.mark.parametrize(
    ("reduction", "expected"),
    [("r1", "w a b\n"), ("r2", "w b\n"), ("r3", "w a\n"), ("r4", "w a\nw b\n")],
)
def test_each_reduction(
    capsys: pytest.CaptureFixture[str],
    weak_attacks_strong: tuple[str, str],
    reduction: str,
    expected: str,
) -> None:
    fw, prefs = weak_attacks_strong
    code, out, _ = _run(
        capsys, "-p", "EE-PR", "-f", fw, "--preferences", prefs, "--reduction", reduction
    )
    assert code == 0
    assert sorted(out.splitlines()) == sorted(expected.splitlines())


def test_default_reduction_is_r1_and_numeric_frameworks_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fw = tmp_path / "fw.af"
    fw.write_text("p af 3\n1 2\n2 1\n2 3\n")
    prefs = tmp_path / "p.txt"
    prefs.write_text("1 2\n")
    assert _run(capsys, "-p", "SE-GR", "-f", str(fw), "--preferences", str(prefs))[1] == "w 1 3\n"
    # without the preference the mutual attack leaves the grounded extension empty
    assert _run(capsys, "-p", "SE-GR", "-f", str(fw))[1] == "w\n"


SYMBOLIC = [
    c for c in yaml.safe_load((GROUND / "preference.yaml").read_text()) if "preferences" in c
]


@pytest.mark.parametrize("case", SYMBOLIC, ids=[c["name"] for c in SYMBOLIC])
def test_ground_truth_through_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: dict[str, Any]
) -> None:
    fw = tmp_path / "fw.apx"
    fw.write_text(
        "".join(f"arg({a}).\n" for a in case["arguments"])
        + "".join(f"att({a},{b}).\n" for a, b in case["attacks"])
    )
    prefs = tmp_path / "prefs.txt"
    prefs.write_text("".join(f"{a} {b}\n" for a, b in case["preferences"]))
    for reduction, expected in case["reductions"].items():
        for code, semantics in (("PR", "preferred"), ("ST", "stable"), ("CO", "complete")):
            status, out, _ = _run(
                capsys, "-p", f"EE-{code}", "-f", str(fw),
                "--preferences", str(prefs), "--reduction", reduction,
            )  # fmt: skip
            assert status == 0
            found = [] if out == "NO\n" else sorted(line.split()[1:] for line in out.splitlines())
            assert found == expected["extensions"][semantics], (reduction, semantics)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a b\nb\n", ":2: expected two arguments 'stronger weaker', found 1"),
        ("a z\n", ":1: unknown argument 'z'"),
        ("a a\n", ":1: 'a' preferred to itself"),
        ("a b\nb a\n", "cyclic"),
    ],
)
def test_bad_preference_files(
    capsys: pytest.CaptureFixture[str],
    weak_attacks_strong: tuple[str, str],
    text: str,
    message: str,
) -> None:
    fw, prefs = weak_attacks_strong
    Path(prefs).write_text(text)
    code, out, err = _run(capsys, "-p", "SE-PR", "-f", fw, "--preferences", prefs)
    assert code == 2 and out == ""
    assert message in err and prefs in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_reduction_needs_a_preference_file(
    capsys: pytest.CaptureFixture[str], weak_attacks_strong: tuple[str, str]
) -> None:
    fw, _ = weak_attacks_strong
    code, out, err = _run(capsys, "-p", "SE-PR", "-f", fw, "--reduction", "r2")
    assert code == 2 and out == "" and "--reduction needs --preferences" in err
    code, _, err = _run(capsys, "-p", "SE-PR", "-f", fw, "--preferences", "/nonexistent/p.txt")
    assert code == 2 and "no such file" in err
