"""`argmap audit` and `argmap check` as a user meets them: the shipped worked case,
an edited copy that must fail, Markdown and JSON output, and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[2]
WORKED = REPO / "seeds" / "musk_v_microsoft.yaml"
SCENARIOS = REPO / "scenarios"


def test_check_passes_on_the_shipped_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(WORKED), "--scenarios", str(SCENARIOS)]) == 0
    out = capsys.readouterr().out
    assert "expectations hold (baseline, licence surfaces" in out


def _copy(tmp_path: Path) -> Path:
    """The worked case and its scenarios side by side, as in the repository."""
    (tmp_path / "seeds").mkdir()
    shutil.copytree(SCENARIOS, tmp_path / "scenarios")
    return Path(shutil.copy(WORKED, tmp_path / "seeds" / WORKED.name))


def test_check_fails_on_an_edited_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = _copy(tmp_path)
    text = case.read_text(encoding="utf-8")
    # the author's edit: C_illegal's one deciding arrow turned round
    edited = text.replace(
        "  - {kind: rebut, from: C_lawful, to: C_illegal",
        "  - {kind: rebut, from: C_illegal, to: C_lawful",
        1,
    )
    assert edited != text
    case.write_text(edited, encoding="utf-8")
    code = main(["check", str(case), "--scenarios", str(tmp_path / "scenarios")])
    out = capsys.readouterr().out
    assert code == 1
    assert "--- expected\n+++ actual\n" in out
    assert "-C_illegal verdict: defeated" in out and "-C_lawful verdict: proved" in out
    assert f"@@ {case}:" in out and "expect.baseline.C_illegal @@" in out
    assert out.rstrip().splitlines()[-1].endswith("expectations do not hold")


def test_check_bad_input_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = _copy(tmp_path)
    text = case.read_text(encoding="utf-8").replace("    C_used: proved", "    C_used: provd")
    case.write_text(text, encoding="utf-8")
    assert main(["check", str(case)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{case}:") and "expect.baseline.C_used" in err[0]


def test_check_names_a_missing_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(WORKED)]) == 2
    err = capsys.readouterr().err
    assert f"{WORKED}:" in err and "no scenario named 'licence surfaces'" in err
    assert "Traceback" not in err


def test_check_unknown_claim_in_a_scenario_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = _copy(tmp_path)
    text = case.read_text(encoding="utf-8").replace("    C_suit: proved", "    C_nope: proved")
    case.write_text(text, encoding="utf-8")
    assert main(["check", str(case), "--scenarios", str(tmp_path / "scenarios")]) == 2
    err = capsys.readouterr().err
    assert "expect.suit filed.C_nope: run 'suit filed' has no claim 'C_nope'" in err


def test_audit_names_what_decides_the_headlines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "audit.json"
    args = ["audit", str(WORKED), "--headline", "--no-weights", "--samples", "200", "-o", str(out)]
    assert main(args) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    rows = {r["claim"]: r for r in doc["audits"][0]["claims"]}
    illegal = rows["C_illegal"]
    assert illegal["verdict"] == "defeated" and illegal["smallest_size"] == 1
    assert {d["items"][0]["action"] for d in illegal["deciding"]} == {"remove", "reverse"}
    assert {d["items"][0]["what"] for d in illegal["deciding"]} == {"rebut C_lawful → C_illegal"}
    suit = rows["C_suit"]
    assert {d["items"][0]["id"] for d in suit["deciding"]} >= {"E_no_suit"}


def test_audit_markdown_on_stdout_and_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "audit",
        str(WORKED),
        "--claims",
        "C_suit",
        "--no-weights",
        "--samples",
        "0",
        "--scenarios",
        str(SCENARIOS / "11_suit_filed.yaml"),
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.count("# Audit: ") == 2 and "Scenario: suit filed" in out
    assert "**C_suit** is defeated; it becomes unproven if one item goes" in out
    assert "**C_suit** is proved" in out
    assert "fixed by structure: not checked" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--claims", "C_nope"], "unknown claim(s): C_nope"),
        (["-o", "audit.txt"], "give a .md or .json file name"),
        (["--max-size", "0"], "must be at least 1"),
    ],
)
def test_audit_bad_input(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = [str(tmp_path / a) if a.endswith(".txt") else a for a in args]
    try:
        code = main(["audit", str(WORKED), "--no-weights", "--samples", "0", *fixed])
    except SystemExit as exc:  # argparse's own usage errors
        code = int(str(exc.code))
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "audit.txt").exists()


def test_audit_gives_the_same_numbers_on_any_executor(tmp_path: Path) -> None:
    # the stability's Monte Carlo draws run in-process or on a pool of processes
    out = {}
    for where in (["--local", "1"], ["--local", "2"]):
        target = tmp_path / f"audit-{where[1]}.json"
        argv = ["audit", str(WORKED), "--claims", "C_cost", "--samples", "300", "--no-weights"]
        assert main([*argv, *where, "-o", str(target)]) == 0
        out[where[1]] = target.read_bytes()
    assert out["1"] == out["2"]
    (claim,) = json.loads(out["1"])["audits"][0]["claims"]
    assert 0 < claim["stability"] < 1  # the draws did run, and disagree sometimes
