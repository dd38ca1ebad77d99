"""`argmap evaluate` as a user meets it: formats, the JSON shape, errors, -o."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"


def test_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(SAMPLE)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("— grounded / dfquad / defeat: preference, weakest-link, elitist")
    header = ["claim", "issue", "label", "strength", "standard", "met", "verdict"]
    assert out[1].split() == header
    assert out[2].split()[:3] == ["C_principled", "I_motive", "in"]
    assert out[2].split()[-1] == "proved"
    assert out[3].split()[2] == "out" and out[3].split()[-2:] == ["no", "defeated"]


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "evaluate",
                str(SAMPLE),
                "--format",
                "json",
                "--semantics",
                "preferred",
                "--gradual",
                "quadratic_energy",
                "--all",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "title",
        "semantics",
        "gradual",
        "defeat",
        "converged",
        "iterations",
        "as_of",
        "notes",
        "claims",
        "nodes",
    }
    assert data["semantics"] == "preferred" and data["gradual"] == "quadratic_energy"
    assert data["converged"] is True and data["notes"] == []
    first = data["claims"][0]
    assert set(first) == {
        "claim",
        "text",
        "issue",
        "label",
        "strength",
        "standard",
        "standard_met",
        "verdict",
        "burden",
    }
    assert first["claim"] == "C_principled" and first["label"] == "in"
    assert isinstance(first["strength"], float) and first["standard_met"] is True
    assert first["verdict"] == "proved"
    assert {n["kind"] for n in data["nodes"]} == {"claim", "evidence", "argument"}
    assert len(data["nodes"]) == 9


def test_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(SAMPLE), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["claim"] for r in rows] == ["C_principled", "C_retaliation"]
    assert rows[0]["standard_met"] == "true" and rows[1]["label"] == "out"


def test_output_file_is_written_atomically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ev.json"
    assert main(["evaluate", str(SAMPLE), "--format", "json", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text())["claims"][1]["claim"] == "C_retaliation"
    assert [p.name for p in tmp_path.iterdir()] == ["ev.json"]


@pytest.mark.parametrize(
    "flag,message",
    [
        ("--semantics", "argmap: error: unknown semantics 'bogus'"),
        ("--gradual", "argmap: error: unknown gradual semantics 'bogus'"),
    ],
)
def test_unknown_semantics_is_one_line_exit_2(
    flag: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.json"
    assert main(["evaluate", str(SAMPLE), flag, "bogus", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not out.exists()


def test_bad_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ntitle: t\nclaims:\n  - {id: C1, text: x, base_score: 2}\n")
    assert main(["evaluate", str(bad)]) == 2
    assert capsys.readouterr().err.startswith(f"{bad}:4: claims[0].base_score")


def test_console_script() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "evaluate", str(SAMPLE), "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(
        "claim,issue,text,label,strength,standard,standard_met,verdict,burden\n"
    )


def test_help_names_match_the_engine() -> None:
    from argmap.cli.evaluate import DUNG_NAMES, GRADUAL_NAMES
    from argmap.semantics.evaluate import DUNG_SEMANTICS
    from argmap.semantics.gradual import GRADUAL

    assert DUNG_NAMES == DUNG_SEMANTICS and GRADUAL_NAMES == GRADUAL


def test_help_does_not_load_the_engine() -> None:
    code = (
        "import sys; from argmap.cli import build_parser; build_parser(); "
        "print('argmap.semantics.evaluate' in sys.modules, 'numpy' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.split()[0] == "False"
