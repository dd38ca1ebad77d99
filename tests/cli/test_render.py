"""`argmap render` as a user meets it: every format, the views, and exit 2 on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"

SCENARIO = f"""\
schema_version: 1
name: no press
question: What if the press reports are discounted?
case: {SAMPLE}
interventions:
  - op: remove_node
    node: E_api_fees
"""


@pytest.fixture(autouse=True)
def _pure_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    # the fresh-machine path, even where a system Graphviz exists
    monkeypatch.setenv("ARGMAP_RENDERER", "graphviz-pure")


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "no_press.yaml"
    path.write_text(SCENARIO)
    return path


@pytest.mark.parametrize(
    ("suffix", "magic"),
    [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF-"), ("dot", b'digraph "argmap"')],
)
def test_every_format(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"map.{suffix}"
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)


def test_evaluated_by_default_and_plain_on_request(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 0
    assert "preponderance met" in out.read_text()
    assert "grounded semantics" in out.read_text()
    assert main(["render", str(SAMPLE), "-o", str(out), "--plain"]) == 0
    assert "preponderance met" not in out.read_text()


def test_semantics_option(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    args = ["render", str(SAMPLE), "-o", str(out), "--semantics", "preferred"]
    assert main([*args, "--gradual", "euler_based"]) == 0
    assert "preferred semantics; strength: euler_based" in out.read_text()


def test_focus_theme_direction(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    args = ["--focus", "A_silence", "--depth", "1", "--theme", "print", "--direction", "TB"]
    assert main(["render", str(SAMPLE), "-o", str(out), *args]) == 0
    dot = out.read_text()
    assert '"A_silence" [' in dot and '"E_price" [' not in dot
    assert 'rankdir="TB"' in dot and "#009E73" not in dot


def test_scenario_map_and_diff(tmp_path: Path, scenario: Path) -> None:
    out = tmp_path / "map.dot"
    assert main(["render", str(SAMPLE), "-o", str(out), "--scenario", str(scenario)]) == 0
    assert '"E_api_fees" [' not in out.read_text()
    diff = tmp_path / "diff.svg"
    args = ["render", str(SAMPLE), "-o", str(diff), "--scenario", str(scenario), "--view", "diff"]
    assert main(args) == 0
    svg = diff.read_text()
    assert "changed from the baseline" in svg
    assert "was " in svg


def test_overview_and_issue_page(tmp_path: Path) -> None:
    out = tmp_path / "o.dot"
    assert main(["render", str(SAMPLE), "-o", str(out), "--view", "overview"]) == 0
    dot = out.read_text()
    assert '"C_principled" [' in dot and '"E_api_fees" [' not in dot
    assert 'rankdir="TB"' in dot  # the overview's own default direction
    issue = tmp_path / "i.dot"
    assert main(["render", str(SAMPLE), "-o", str(issue), "--issue", "I_motive"]) == 0
    text = issue.read_text()
    assert '"E_api_fees" [' in text and "Issue I_motive:" in text
    assert 'rankdir="LR"' in text
    args = ["render", str(SAMPLE), "-o", str(issue), "--view", "issue", "--issue", "I_motive"]
    assert main([*args, "--direction", "TB"]) == 0
    assert 'rankdir="TB"' in issue.read_text()


def test_timeline(tmp_path: Path) -> None:
    out = tmp_path / "t.svg"
    assert main(["render", str(SAMPLE), "-o", str(out), "--view", "timeline"]) == 0
    assert "25 Apr 2023" in out.read_text()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--focus", "NOPE"], "cannot focus on 'NOPE'"),
        (["--view", "diff"], "--view diff needs --scenario"),
        (["--depth", "-1", "--focus", "C_principled"], "--depth must be 0 or more"),
        (["--semantics", "nonsense"], "nonsense"),
        (["--view", "issue"], "--view issue needs --issue ID"),
        (["--issue", "I_nope"], "no issue 'I_nope'"),
        (["--issue", "I_motive", "--view", "timeline"], "cannot be combined"),
        (["--view", "overview", "--focus", "C_principled"], "overview view cannot be focused"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    out = tmp_path / "map.svg"
    assert main(["render", str(SAMPLE), "-o", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_unsupported_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "map.gif")]) == 2
    assert "cannot tell the format from the suffix" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "no" / "map.svg")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_unknown_theme_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["render", str(SAMPLE), "-o", str(tmp_path / "m.svg"), "--theme", "neon"])
    assert exc.value.code == 2


def test_bad_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ntitle: t\nclaims:\n  - id: C1\n")
    assert main(["render", str(bad), "-o", str(tmp_path / "m.svg")]) == 2
    assert "bad.yaml:4" in capsys.readouterr().err
    assert not (tmp_path / "m.svg").exists()


def test_existing_output_survives_a_failed_run(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    out.write_text("previous map")
    assert main(["render", str(SAMPLE), "-o", str(out), "--focus", "NOPE"]) == 2
    assert out.read_text() == "previous map"


def test_console_script_without_system_graphviz(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    env = {"PATH": "/nonexistent", "ARGMAP_RENDERER": "auto", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(SAMPLE), "-o", str(out)],
        capture_output=True,
        env=env,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert out.read_bytes().startswith(b"\x89PNG")


def test_unwritable_output_exits_2_and_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "map.png")]) == 2
    assert "cannot write: Permission denied" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
