"""Result tables: one CSV dialect in every file argmap writes, and the writers under it."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import tables, vocabulary
from argmap.cli import main
from argmap.io.casefile import load
from argmap.model import Case
from argmap.report import build_report
from argmap.scenario import Scenario, compare
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Label, Verdict

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"

FIXED = re.compile(r"-?\d+\.\d{6}")  # the documented dialect: six decimals, always
WHOLE = re.compile(r"\d+")
VERDICTS = {v.value for v in Verdict}


def scenario(name: str, *interventions: dict[str, object]) -> Scenario:
    return Scenario.model_validate(
        {"name": name, "question": f"what if {name}?", "interventions": list(interventions)}
    )


TRUST = scenario("press trusted", {"op": "set_parameter", "parameter": "w_press", "value": 0.95})
GONE = scenario("retaliation dropped", {"op": "remove_node", "node": "C_retaliation"})


@pytest.fixture(scope="module")
def example() -> Case:
    return load(EXAMPLE)


def check_dialect(text: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Every rule of the dialect (docs/user-guide.md, "Result tables") on one CSV."""
    assert text.endswith("\n") and "\r" not in text
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    assert tuple(header) == columns
    assert header[0] == vocabulary.CLAIM and vocabulary.VERDICT in header
    rows = [dict(zip(header, line, strict=True)) for line in reader]
    assert rows
    for row in rows:
        for name, value in row.items():
            if value == "":
                continue
            if name in tables.BOOLEAN_COLUMNS:
                assert value in {"true", "false"}, (name, value)
            elif name in tables.FLOAT_COLUMNS:
                assert FIXED.fullmatch(value), (name, value)
            elif name in tables.INTEGER_COLUMNS:
                assert WHOLE.fullmatch(value), (name, value)
        # the verdict is the label and the standard read together, on every claim row
        if row[vocabulary.LABEL]:
            met = {"true": True, "false": False, "": None}[row[vocabulary.STANDARD_MET]]
            assert row[vocabulary.VERDICT] == Verdict.of(Label(row[vocabulary.LABEL]), met).value
        else:
            assert row[vocabulary.VERDICT] == ""
    # not vacuous: each kind of column holds values in this file
    for name in header:
        if name in tables.BOOLEAN_COLUMNS | tables.FLOAT_COLUMNS:
            assert any(row[name] for row in rows), name
    return rows


def test_every_csv_the_report_writes_keeps_the_dialect(example: Case) -> None:
    report = build_report(example, [TRUST, GONE], samples=300, seed=5, formats=("svg",))
    written = {n: data.decode("utf-8") for n, data in report.files.items() if n.endswith(".csv")}
    expected = {
        "evaluation.csv": vocabulary.CLAIM_COLUMNS,
        "scenarios.csv": vocabulary.COMPARISON_COLUMNS + vocabulary.DRAW_COLUMNS,
    }
    assert sorted(written) == sorted(expected)
    evaluation = check_dialect(written["evaluation.csv"], expected["evaluation.csv"])
    assert [r["claim"] for r in evaluation] == ["C_principled", "C_retaliation"]
    assert evaluation[0]["text"].startswith("Microsoft dropped Twitter on principle,")
    comparison = check_dialect(written["scenarios.csv"], expected["scenarios.csv"])
    gone = [r for r in comparison if r["scenario"] == "retaliation dropped"]
    assert {r["claim"]: r["verdict"] for r in gone}["C_retaliation"] == ""
    assert {r["modal_verdict"] for r in comparison} - {""} <= VERDICTS


def test_the_evaluation_csv_has_the_engines_numbers(example: Case) -> None:
    result = evaluate(example)
    rows = list(csv.DictReader(io.StringIO(tables.write_csv(result.to_frame(example)))))
    for row in rows:
        node = result[row["claim"]]
        assert float(row["strength"]) == pytest.approx(node.strength, abs=5e-7)
        assert row["standard_met"] == {True: "true", False: "false", None: ""}[node.standard_met]
        assert row["verdict"] == node.verdict.value


def test_to_frame_without_the_case_leaves_issue_and_text_empty(example: Case) -> None:
    frame = evaluate(example).to_frame()
    assert tuple(frame.columns) == vocabulary.CLAIM_COLUMNS
    assert frame["issue"].isna().all() and frame["text"].isna().all()
    assert frame.attrs["semantics"] == "grounded"


def test_comparison_rows_carry_their_summary_once(example: Case) -> None:
    comparison = compare(example, [TRUST], samples=200, seed=2)
    row = comparison.row("C_retaliation", "press trusted")
    assert row.draws is not None and not hasattr(row, "p_standard")
    record = row.record(with_draws=True)
    assert record["p_standard"] == row.draws.p_standard and record["q95"] == row.draws.q95
    frame = comparison.to_frame()
    assert frame["undefined"].dtype.name == "Int64"
    assert frame["label_changed"].dtype.name == "boolean"
    plain = compare(example, [TRUST]).to_frame()
    assert tuple(plain.columns) == vocabulary.COMPARISON_COLUMNS


def test_json_rows_use_the_csv_names(example: Case) -> None:
    comparison = compare(example, [TRUST, GONE])
    rows = json.loads(comparison.to_json())["rows"]
    assert list(rows[0]) == list(vocabulary.COMPARISON_COLUMNS)
    gone = next(r for r in rows if r["scenario"] == "retaliation dropped" and r["label"] is None)
    assert gone["verdict"] is None and gone["strength"] is None
    assert all(
        r["strength"] is None or r["strength"] == round(r["strength"], tables.DECIMALS)
        for r in rows
    )


@pytest.mark.parametrize(
    ("suffix", "start"),
    [
        (".csv", "claim,issue,text,label,strength,standard,standard_met,verdict,burden\n"),
        (".json", '{\n  "title": '),
        (".md", "# Evaluation: "),
        (".txt", "Why Microsoft dropped Twitter from its ad tool"),
    ],
)
def test_evaluate_output_suffix_picks_the_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, start: str
) -> None:
    out = tmp_path / f"ev{suffix}"
    assert main(["evaluate", str(EXAMPLE), "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith(start)
    assert capsys.readouterr().out == ""


def test_format_flag_wins_over_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "ev.md"
    assert main(["evaluate", str(EXAMPLE), "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("claim,")


def test_evaluate_markdown_escapes_case_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "hostile.yaml"
    case.write_text(
        "schema_version: 1\ntitle: t\nclaims:\n"
        "  - {id: C1, text: 'a | b <script>x</script> [l](javascript:y)', base_score: 0.5}\n",
        encoding="utf-8",
    )
    assert main(["evaluate", str(case), "--format", "markdown"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("| C1"))
    assert "<script>" not in line and "a \\| b &lt;script&gt;" in line and "\\[l\\]" in line
    assert line.count(" | ") == len(vocabulary.CLAIM_COLUMNS) - 1


def test_scenario_sweep_and_tornado_csv_keep_the_dialect(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["scenario", "sweep", str(EXAMPLE), "--param", "w_press", "--values", "0:1:3"]
    assert main([*args, "--format", "csv"]) == 0
    sweep = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["standard_met"] for r in sweep} <= {"true", "false", ""}
    assert all(FIXED.fullmatch(r["strength"]) and FIXED.fullmatch(r["w_press"]) for r in sweep)
    assert main(["scenario", "tornado", str(EXAMPLE), "C_retaliation", "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == ",".join(vocabulary.TORNADO_COLUMNS)
    bars = list(csv.DictReader(io.StringIO(text)))
    assert {r["met_low"] for r in bars} | {r["met_high"] for r in bars} <= {"true", "false", ""}
    assert all(FIXED.fullmatch(r["swing"]) for r in bars)


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_a_float_cell_has_six_decimals_and_reads_back(value: float) -> None:
    text = tables.csv_cell(value)
    assert FIXED.fullmatch(text) and text != "-0.000000"
    assert math.isclose(float(text), value, abs_tol=5e-7)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (True, "true"),
        (False, "false"),
        (None, ""),
        (float("nan"), ""),
        (float("inf"), ""),
        (-0.0, "0.000000"),
        (-4e-7, "0.000000"),
        (3, "3"),
        ("a,b", "a,b"),
    ],
)
def test_csv_cells(value: object, cell: str) -> None:
    assert tables.csv_cell(value) == cell


def test_text_with_commas_and_quotes_reads_back() -> None:
    columns = (vocabulary.CLAIM, vocabulary.TEXT)
    record = dict(zip(columns, ("C1", 'he said "no", twice'), strict=True))
    frame = tables.make_frame([record], columns)
    (row,) = csv.DictReader(io.StringIO(tables.write_csv(frame)))
    assert row[vocabulary.TEXT] == 'he said "no", twice'


def test_scenario_output_suffix_picks_a_format_the_action_has(tmp_path: Path) -> None:
    licence = str(REPO / "scenarios" / "02_licence_surfaces.yaml")
    out = tmp_path / "cmp.csv"
    assert main(["scenario", "run", licence, "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith(",".join(vocabulary.COMPARISON_COLUMNS) + "\n")
    # threshold has no CSV: a .csv name gets its table
    out = tmp_path / "t.csv"
    args = ["scenario", "threshold", str(EXAMPLE), "C_retaliation", "--param", "w_press"]
    assert main([*args, "-o", str(out)]) == 0
    assert not out.read_text("utf-8").startswith("{") and "now: w_press" in out.read_text("utf-8")


def test_the_timeline_csv_keeps_the_dialect(capsys: pytest.CaptureFixture[str]) -> None:
    worked = str(REPO / "seeds" / "musk_v_microsoft.yaml")
    args = ["timeline", worked, "--claim", "C_suit", "--date", "2023-04-18", "--date", "2023-04-19"]
    assert main([*args, "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == ",".join(vocabulary.TIMELINE_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["date"] for r in rows] == ["2023-04-18", "2023-04-19"]
    assert all(FIXED.fullmatch(r["strength"]) and r["verdict"] in VERDICTS for r in rows)
