"""Scenario grids: variants, their rows, effects, and the file's errors."""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest

from argmap.cli import main
from argmap.io.casefile import load
from argmap.scale.effects import interactions, main_effects
from argmap.scale.grid import plan_grid, run_variant
from argmap.scale.tasks import task_seed
from argmap.scenario.apply import apply_scenario
from argmap.scenario.files import load_scenario
from argmap.scenario.model import Scenario
from argmap.scenario.uncertainty import monte_carlo
from argmap.semantics.evaluate import evaluate

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"


def write_grid(folder: Path, text: str) -> Path:
    path = folder / "grid.yaml"
    path.write_text(text.replace("SCENARIOS", str(SCENARIOS)))
    return path


GRID = """\
name: two questions
factors:
  - name: hiq
    scenario: SCENARIOS/01_hiq_public_data.yaml
  - name: press
    levels:
      low: [{op: set_parameter, parameter: w_scraping_lawful, value: 0.1}]
      high: [{op: set_parameter, parameter: w_scraping_lawful, value: 0.95}]
parameters:
  - {parameter: w_licence, values: [0.2, 0.8]}
samples: 300
seed: 5
"""


def test_variants_cross_factor_levels_with_parameter_values(tmp_path: Path) -> None:
    plan = plan_grid(write_grid(tmp_path, GRID))
    assert len(plan.items) == 2 * 3 * 2
    levels = {(item[1], item[2]) for _, item in plan.items}
    assert levels == set(itertools.product(itertools.product(range(2), range(3)), [(0.2,), (0.8,)]))
    assert [item[3] for _, item in plan.items] == [task_seed(5, n) for n in range(12)]


def test_a_variant_is_its_interventions_applied_and_evaluated(tmp_path: Path) -> None:
    plan = plan_grid(write_grid(tmp_path, GRID))
    number, item = next((n, i) for n, i in plan.items if i[1] == (1, 2) and i[2] == (0.8,))
    rows = run_variant(plan.shared, item)
    hiq = load_scenario(SCENARIOS / "01_hiq_public_data.yaml")
    ops = [op.model_dump(mode="json", by_alias=True) for op in hiq.interventions]
    ops += [{"op": "set_parameter", "parameter": "w_scraping_lawful", "value": 0.95}]
    ops += [{"op": "set_parameter", "parameter": "w_licence", "value": 0.8}]
    case = apply_scenario(
        load(SCENARIOS / hiq.case), Scenario(name="x", question="x", interventions=ops)
    )
    expected = evaluate(case)
    mc = monte_carlo(case, 300, task_seed(5, number), progress=False, keep_samples=False)
    assert [r["claim"] for r in rows] == [c.id for c in expected.claims()]
    for row in rows:
        assert (row["hiq"], row["press"], row["w_licence"]) == ("on", "high", 0.8)
        assert row["strength"] == expected[row["claim"]].strength
        assert row["verdict"] == str(expected[row["claim"]].verdict)
        assert row["p_standard"] == mc.summary(row["claim"]).p_standard
        assert row["error"] is None if "error" in row else True


def test_interventions_that_cannot_combine_are_an_error_row(tmp_path: Path) -> None:
    grid = write_grid(
        tmp_path,
        "name: clash\nfactors:\n"
        "  - name: gone\n    levels:\n      yes: [{op: remove_node, node: P_hiq}]\n"
        "  - {name: hiq, scenario: SCENARIOS/01_hiq_public_data.yaml}\n",
    )
    out = tmp_path / "r.csv"
    assert main(["scenario", "grid", str(grid), "-o", str(out), "--local", "1"]) == 1
    table = pd.read_csv(out)
    failed = table[table.error.notna()]
    # P_hiq removed, then the hiQ scenario sets its score: only that variant fails
    assert failed.variant.tolist() == [3] and failed.claim.isna().all()
    assert "P_hiq" in failed.error.iloc[0]
    assert table[table.variant != 3].claim.notna().all()


def test_effects_are_the_differences_of_means() -> None:
    rows = []
    for f, g, y in [
        ("none", "none", 1.0),
        ("on", "none", 3.0),
        ("none", "on", 2.0),
        ("on", "on", 7.0),
    ]:
        rows += [{"claim": "C", "F": f, "G": g, "y": y}, {"claim": "C", "F": f, "G": g, "y": y}]
    table = pd.DataFrame(rows)
    main = main_effects(table, ["F", "G"], "y").set_index("factor")["effect"]
    assert main["F"] == (3 + 7) / 2 - (1 + 2) / 2 and main["G"] == (2 + 7) / 2 - (1 + 3) / 2
    pair = interactions(table, ["F", "G"], "y")
    assert pair["effect"].tolist() == [7 - 3 - 2 + 1]


def test_fractional_grid_states_its_generators(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    factors = "".join(
        f"  - {{name: f{i}, levels: {{on: [{{op: set_parameter, parameter: w_licence, "
        f"value: {0.1 * (i + 1):.1f}}}]}}}}\n"
        for i in range(5)
    )
    grid = write_grid(
        tmp_path,
        f"name: five\ncase: SCENARIOS/../seeds/musk_v_microsoft.yaml\ndesign: fractional\n"
        f"factors:\n{factors}",
    )
    out = tmp_path / "r.parquet"
    assert main(["scenario", "grid", str(grid), "-o", str(out), "--local", "1"]) == 0
    text = capsys.readouterr().out
    assert "five: 16 variants, design fractional" in text
    assert "resolution IV generators: E = ABC" in text
    assert pd.read_parquet(out).variant.nunique() == 16


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("name: x\nfactors:\n  - {name: a}\n", "a factor has either a scenario file or levels"),
        (
            "name: x\ndesign: fractional\nfactors:\n  - name: a\n    levels: {p: [], q: []}\n",
            "a fractional design needs two-level factors",
        ),
        (
            "name: x\nparameters:\n  - {parameter: w, low: 1, high: 0}\npoints: 3\n",
            "low must be below high",
        ),
    ],
)
def test_bad_grid_files_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, message: str
) -> None:
    grid = write_grid(tmp_path, body)
    assert main(["scenario", "grid", str(grid), "-o", str(tmp_path / "r.csv")]) == 2
    err = capsys.readouterr().err
    assert message in err and f"{grid}:" in err
    assert not (tmp_path / "r.csv").exists()


def test_an_unknown_parameter_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grid = write_grid(
        tmp_path,
        "name: x\ncase: SCENARIOS/../seeds/musk_v_microsoft.yaml\nparameters:\n"
        "  - {parameter: w_nowhere, values: [1]}\n",
    )
    assert main(["scenario", "grid", str(grid), "-o", str(tmp_path / "r.csv")]) == 2
    err = capsys.readouterr().err
    assert f"{grid}:4: parameters[0].parameter: unknown parameter 'w_nowhere'" in err
