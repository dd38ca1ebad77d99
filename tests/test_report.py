"""The main job (`argmap report`): every file made, nothing half-written on failure."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"


def _svg_ids(path: Path) -> set[str]:
    root = ET.fromstring(path.read_bytes())
    return {el.get("id") or "" for el in root.iter()}


def _scenario(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(
        f"schema_version: 1\nname: {name}\nquestion: What if?\ncase: {SAMPLE}\n"
        f"interventions:\n{body}",
        encoding="utf-8",
    )
    return path


def test_report_writes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    _scenario(
        scenarios, "trust_press", "  - {op: set_parameter, parameter: w_press, value: 0.95}\n"
    )
    _scenario(scenarios, "no_fees", "  - {op: remove_node, node: E_api_fees}\n")
    out = tmp_path / "out"
    code = main(["report", str(SAMPLE), "--scenarios", str(scenarios), "-o", str(out)])
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    issues = ["issue-I_motive.svg", "issue-I_motive.png"]
    assert names == sorted(
        [
            "map.svg",
            "map.png",
            "map.pdf",
            "map-full.svg",
            "map-full.pdf",
            *issues,
            "evaluation.csv",
            "evaluation.md",
            "scenarios.csv",
            "scenarios.md",
            "brief.md",
            "brief.html",
            "brief.pdf",
            "brief.docx",
            ".argmap-report",
        ]
    )
    assert (out / "map.png").read_bytes().startswith(b"\x89PNG")
    assert (out / "map.pdf").read_bytes().startswith(b"%PDF")
    assert b"<svg" in (out / "map.svg").read_bytes()
    rows = list(csv.DictReader((out / "evaluation.csv").open(encoding="utf-8")))
    assert [r["claim"] for r in rows] == ["C_principled", "C_retaliation"]
    assert {r["label"] for r in rows} <= {"in", "out", "undec"}
    brief = (out / "brief.md").read_text("utf-8")
    assert "**trust_press**" in brief and "**no_fees**" in brief
    assert "Why did Microsoft stop supporting Twitter" in brief
    scenario_md = (out / "scenarios.md").read_text("utf-8")
    assert "no_fees" in scenario_md and "baseline" in scenario_md
    assert "15 files" in capsys.readouterr().out
    # map.* is the overview: claims only; the full map and the issue page draw evidence
    overview = _svg_ids(out / "map.svg")
    assert "node-C_principled" in overview and "node-E_api_fees" not in overview
    assert "Overview of 2 claims in 1 issue;" in (out / "map.svg").read_text("utf-8")
    for name in ("map-full.svg", "issue-I_motive.svg"):
        assert "node-E_api_fees" in _svg_ids(out / name)
    assert (out / "map-full.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "issue-I_motive.png").read_bytes().startswith(b"\x89PNG")
    assert "![Overview" in brief and "(map.svg)" in brief
    assert "[I_motive](issue-I_motive.svg)" in brief and "(map-full.svg)" in brief


def test_report_refuses_a_scenario_of_another_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    scenario = _scenario(tmp_path, "s", "  - {op: set_parameter, parameter: w_press, value: 0.9}\n")
    out = tmp_path / "out"
    assert main(["report", str(other), "--scenarios", str(scenario), "-o", str(out)]) == 2
    assert "not" in capsys.readouterr().err
    assert not out.exists()


def test_report_on_a_broken_case_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\ntitle: t\nclaims:\n  - {id: C1, text: x, issue: I4}\n")
    out = tmp_path / "out"
    assert main(["report", str(bad), "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"{bad}:4: claims[0].issue: unknown issue 'I4'\n"
    assert not out.exists()


def test_report_of_a_case_without_claims_uses_the_map(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text(
        "schema_version: 1\ntitle: Only a report\n"
        "sources:\n  - {id: S1, outlet: Wire, title: A story}\n"
        "evidence:\n  - {id: E1, text: Something was said, source: S1, status: report}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["report", str(case), "-o", str(out)]) == 0
    assert "node-E1" in _svg_ids(out / "map.svg")
    assert not any(p.name.startswith("issue-") for p in out.iterdir())


def test_report_tables_give_each_claim_a_verdict_and_explain_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["report", str(SAMPLE), "-o", str(out)]) == 0
    rows = list(csv.DictReader((out / "evaluation.csv").open(encoding="utf-8")))
    verdicts = {r["claim"]: r["verdict"] for r in rows}
    assert verdicts == {"C_principled": "proved", "C_retaliation": "defeated"}
    table = (out / "evaluation.md").read_text("utf-8")
    assert "| verdict |" in table
    assert "- **proved**:" in table and "- **defeated**:" in table
    assert "- **contested**:" not in table  # only the verdicts that occur are glossed
    brief = (out / "brief.md").read_text("utf-8")
    assert "| issue | standard | proved | contested |" in brief
    strength = float(next(r["strength"] for r in rows if r["claim"] == "C_principled"))
    assert f"| C_principled ({strength:.2f}) | none |" in brief


def test_brief_says_when_the_draws_change_no_verdict(tmp_path: Path) -> None:
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    _scenario(
        scenarios,
        "nothing_new",
        "  - {op: set_parameter, parameter: w_press, value: 0.7}\n",
    )
    out = tmp_path / "out"
    args = ["report", str(SAMPLE), "--scenarios", str(scenarios), "-o", str(out)]
    assert main([*args, "--samples", "400", "--seed", "1"]) == 0
    brief = (out / "brief.md").read_text("utf-8")
    assert "Over 400 draws of the uncertain weights, every baseline verdict" in brief
    assert "**nothing_new** — What if? No claim moves noticeably (largest: " in brief


def test_brief_names_the_verdicts_the_draws_leave_open(tmp_path: Path) -> None:
    # licence_case: C1 meets clear and convincing iff w_licence < 4/9, and w_licence
    # is uniform on [0, 1], so about 44 % of draws meet it; the scenario narrows the
    # draws to [0.3, 0.5], where about 72 % meet it
    from argmap.io.casefile import save
    from tests.scenario.cases import licence_case

    case_file = tmp_path / "licence.yaml"
    save(licence_case(), case_file)
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "found.yaml").write_text(
        f"schema_version: 1\nname: found\nquestion: Licence found?\ncase: {case_file}\n"
        "interventions:\n  - op: set_parameter\n    parameter: w_licence\n"
        "    distribution: {kind: uniform, low: 0.3, high: 0.5}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    args = ["report", str(case_file), "--scenarios", str(scenarios), "-o", str(out)]
    assert main([*args, "--samples", "2000", "--seed", "3"]) == 0
    brief = (out / "brief.md").read_text("utf-8")
    assert "the baseline verdicts the weights leave open: C1 (met in 4" in brief
    line = next(x for x in brief.splitlines() if x.startswith("- **found**"))
    assert "Open verdicts: C1 met in 7" in line and "(baseline 4" in line
