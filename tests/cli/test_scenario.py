"""``argmap scenario``: run, sweep, threshold and tornado from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.cli.scenario import parse_values

REPO = Path(__file__).resolve().parents[2]
FILES = REPO / "tests" / "scenario" / "files"
PRESS = str(FILES / "press_trusted.yaml")
SILENCE = str(FILES / "silence_counts.yaml")
EXAMPLE = str(REPO / "examples" / "ad_tool_dispute.yaml")
BROKEN = REPO / "tests" / "scenario" / "broken"


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["scenario", "run", SILENCE, "--samples", "0"])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert "argument --samples: must be a whole number from 1 to 10,000,000 (got 0)" in err
    code, out, err = call(capsys, "scenario", "run", SILENCE)
    assert code == 0 and err == ""
    header = out.splitlines()[0].split()
    assert header[0] == "claim" and "baseline" in header
    assert "C_retaliation" in out and "[gained]" in out


def test_run_monte_carlo_json_is_seeded(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("scenario", "run", PRESS, SILENCE, "--format", "json")
    code, out, _ = call(capsys, *args)
    assert code == 0
    first = json.loads(out)
    # samples and seed come from press_trusted.yaml; every run uses them
    assert first["samples"] == 500 and first["seed"] == 7
    assert [s["name"] for s in first["scenarios"]] == [
        "baseline",
        "press trusted",
        "silence counts",
    ]
    assert all(0.0 <= r["p_standard"] <= 1.0 for r in first["rows"] if r["standard"])
    _, again, _ = call(capsys, *args)
    assert json.loads(again) == first
    _, other, _ = call(capsys, *args, "--seed", "8")
    assert json.loads(other)["rows"] != first["rows"]


def test_run_with_workers_matches_serial(capsys: pytest.CaptureFixture[str]) -> None:
    _, serial, _ = call(capsys, "scenario", "run", PRESS, "--format", "csv")
    code, pooled, _ = call(capsys, "scenario", "run", PRESS, "--format", "csv", "--workers", "2")
    assert code == 0 and pooled == serial
    rows = list(csv.DictReader(io.StringIO(serial)))
    assert len(rows) == 4 and "q95" in rows[0]


def test_run_writes_markdown_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cmp.md"
    code, stdout, _ = call(
        capsys, "scenario", "run", SILENCE, "--format", "markdown", "-o", str(out)
    )
    assert code == 0 and stdout == ""
    assert out.read_text().startswith("| claim | baseline | silence counts |")
    assert [p.name for p in tmp_path.iterdir()] == ["cmp.md"]


def test_run_refuses_two_base_cases(capsys: pytest.CaptureFixture[str]) -> None:
    other = str(FILES / "other_case.yaml")
    code, out, err = call(capsys, "scenario", "run", SILENCE, other)
    assert code == 2 and out == ""
    assert err.startswith(f"{other}:4: case: base case '../../../seeds/musk_v_microsoft.yaml'")


def test_run_broken_scenario_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(BROKEN / "01_unknown_node.yaml")
    target = tmp_path / "out.json"
    code, out, err = call(capsys, "scenario", "run", path, "-o", str(target))
    assert code == 2 and out == ""
    assert err == f"{path}:10: interventions[1].node: unknown node 'E9'\n"
    assert not target.exists()


def test_run_unknown_semantics(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "scenario", "run", SILENCE, "--gradual", "nope")
    assert code == 2 and "unknown gradual semantics 'nope'" in err


def test_sweep_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(
        capsys,
        "scenario",
        "sweep",
        EXAMPLE,
        "--param",
        "w_silence",
        "--values",
        "0:1:5",
        "--claim",
        "C_retaliation",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["w_silence", "C_retaliation"] and len(lines) == 2 + 5
    _, out, _ = call(
        capsys,
        "scenario",
        "sweep",
        SILENCE,
        "--param",
        "w_silence",
        "--values",
        "0.1,0.9",
        "--format",
        "json",
    )
    rows = json.loads(out)["rows"]
    assert [r["w_silence"] for r in rows] == [0.1, 0.1, 0.9, 0.9]
    code, _, err = call(capsys, "scenario", "sweep", EXAMPLE, "--param", "w_x", "--values", "0:1:3")
    assert code == 2 and "unknown parameter 'w_x'" in err


def test_values_grammar() -> None:
    assert parse_values("0:1:3") == [0.0, 0.5, 1.0]
    assert parse_values("0.2") == [0.2]
    assert parse_values("0.5:0.5:1") == [0.5]
    for bad in ("1:2", "a,b", "0:1:0", ""):
        with pytest.raises(Exception, match="START:STOP:COUNT"):
            parse_values(bad)


def test_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(
        capsys,
        "scenario",
        "threshold",
        EXAMPLE,
        "C_retaliation",
        "--param",
        "w_press",
        "--level",
        "0.08",
    )
    assert code == 0
    assert out.splitlines() == [
        "C_retaliation meets strength > 0.08 iff w_press < 0.5986 (for w_press in [0.4, 0.8])",
        "now: w_press = 0.6, not met",
    ]
    _, out, _ = call(
        capsys,
        "scenario",
        "threshold",
        EXAMPLE,
        "C_retaliation",
        "--param",
        "w_press",
        "--format",
        "json",
    )
    payload = json.loads(out)
    assert payload["test"] == "preponderance" and payload["met_on"] == []
    code, _, err = call(capsys, "scenario", "threshold", EXAMPLE, "C_x", "--param", "w_press")
    assert code == 2 and err == "argmap: error: unknown claim 'C_x'\n"


def test_tornado(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "scenario", "tornado", EXAMPLE, "C_retaliation")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[2:4]] == ["w_silence", "w_press"]
    _, out, _ = call(capsys, "scenario", "tornado", EXAMPLE, "C_retaliation", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["parameter"] == "w_silence" and float(rows[0]["swing"]) > 0


def test_interrupted_run_writes_flagged_partial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.scenario.uncertainty as uncertainty

    real = uncertainty._run_job
    calls = {"n": 0}

    def flaky(job: object) -> object:
        calls["n"] += 1
        if calls["n"] == 3:  # 2 chunks per run: Ctrl-C in the scenario's first chunk
            raise KeyboardInterrupt
        return real(job)  # type: ignore[arg-type]

    monkeypatch.setattr(uncertainty, "_run_job", flaky)
    out = tmp_path / "partial.json"
    code, _, err = call(
        capsys,
        "scenario",
        "run",
        SILENCE,
        "--samples",
        "5000",
        "--seed",
        "1",
        "--format",
        "json",
        "-o",
        str(out),
        "--local",
        "1",  # in this process, where the patched chunk function runs
    )
    assert code == 130
    assert "interrupted" in err
    payload = json.loads(out.read_text())
    assert payload["interrupted"] is True
    # the baseline finished; the scenario stopped early; no further scenario was started
    assert [s["name"] for s in payload["scenarios"]] == ["baseline", "silence counts"]
    calls["n"] = 0
    code, _, _ = call(
        capsys,
        "scenario",
        "run",
        SILENCE,
        PRESS,
        "--samples",
        "5000",
        "--seed",
        "1",
        "--format",
        "json",
        "-o",
        str(out),
        "--local",
        "1",
    )
    assert code == 130
    assert [s["name"] for s in json.loads(out.read_text())["scenarios"]] == [
        "baseline",
        "silence counts",
    ]
