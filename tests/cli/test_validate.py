"""`argmap validate` and `argmap schema` as a user meets them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from argmap.cli import main
from argmap.cli.schema import case_schema
from argmap.io.locations import load_with_lines

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"
SCHEMA_COPY = REPO / "schema" / "case.schema.json"


def test_validate_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "ok — Why Microsoft dropped Twitter" in out
    assert "2 claims, 5 evidence, 2 arguments, 3 relations, 2 parameters" in out
    assert "issue I_motive [preponderance]" in out
    assert "parameters: w_press=0.6, w_silence=0.3" in out


def test_validate_several_files_reports_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ntitle: t\nclaims:\n  - {id: C1, text: x, issue: nope}\n")
    assert main(["validate", str(SAMPLE), str(bad)]) == 2
    captured = capsys.readouterr()
    assert "ok —" in captured.out
    lines = captured.err.splitlines()
    assert f"{bad}:4: claims[0].issue: unknown issue 'nope'" in lines
    # the sample's one-way rebut inside an issue is a warning, not an error
    assert all(": warning: " in line for line in lines if not line.startswith(str(bad)))


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


def test_console_script_has_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(bad)], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert run.stderr.strip() == f"{bad}:1: JSON: Expecting property name enclosed in double quotes"


def test_help_everywhere() -> None:
    for argv in (["--help"], ["validate", "--help"], ["schema", "--help"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 0


def test_schema_copy_in_repo_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == case_schema()
    assert json.loads(SCHEMA_COPY.read_text("utf-8")) == printed, (
        "schema/case.schema.json is stale: run `argmap schema > schema/case.schema.json`"
    )


def test_schema_accepts_the_sample_and_rejects_a_broken_one() -> None:
    schema = case_schema()
    data, _ = load_with_lines(SAMPLE.read_bytes(), str(SAMPLE))  # dates stay text, as in JSON
    jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_version": 1, "title": "t", "claims": [{"id": "C1"}]}, schema)
