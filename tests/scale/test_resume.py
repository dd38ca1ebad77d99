"""Nothing lost: an interrupted run keeps its finished rows; --resume runs the rest."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from argmap.cli import main
from argmap.scale.executor import Where, open_pool
from argmap.scale.store import ResultStore, parts_folder
from argmap.scale.tasks import run_tasks
from tests.scale.conftest import argmap_process, wait_for

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"
COLUMNS = {"task": "int64", "value": "float64"}
CALLS: list[int] = []


def square(stop_at: int, item: int) -> list[dict[str, Any]]:
    CALLS.append(item)
    if item == stop_at:
        raise KeyboardInterrupt
    return [{"task": item, "value": item * item / 7}]


def test_an_interrupted_run_resumes_with_only_the_missing_tasks(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    items = [(n, n) for n in range(10)]
    CALLS.clear()
    store = ResultStore(out, COLUMNS, "squares")
    store.open(resume=False)
    with open_pool(Where("local", workers=1)) as pool:
        assert run_tasks(pool, square, 6, items, store, progress=False) is True
    assert not out.exists() and len(list(parts_folder(out).glob("part-*"))) == 1
    CALLS.clear()
    store = ResultStore(out, COLUMNS, "squares")
    store.open(resume=True)
    assert store.done == set(range(6))
    with open_pool(Where("local", workers=1)) as pool:
        assert run_tasks(pool, square, -1, items, store, progress=False) is False
    assert CALLS == [6, 7, 8, 9]  # nothing finished is computed again
    store.finish()
    table = pd.read_parquet(out)
    assert table["task"].tolist() == list(range(10))
    assert table["value"].tolist() == [n * n / 7 for n in range(10)]
    assert not parts_folder(out).exists()


def test_resume_refuses_the_parts_of_another_run(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    first = ResultStore(out, COLUMNS, "one run")
    first.open(resume=False)
    first.add([{"task": 0, "value": 1.0}])
    first.flush()
    with pytest.raises(Exception, match="holds a run with other inputs or settings"):
        ResultStore(out, COLUMNS, "another run").open(resume=True)


GRID = f"""\
name: resume check
factors:
  - {{name: hiq, scenario: {SCENARIOS}/01_hiq_public_data.yaml}}
  - {{name: nyt, scenario: {SCENARIOS}/04_nyt_for_plaintiff.yaml}}
  - {{name: tweet, scenario: {SCENARIOS}/07_tweet_discounted.yaml}}
parameters:
  - {{parameter: w_licence, values: [0.2, 0.8]}}
samples: 1500
seed: 4
"""


def test_ctrl_c_then_resume_gives_the_uninterrupted_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grid = tmp_path / "grid.yaml"
    grid.write_text(GRID)
    out = tmp_path / "r.parquet"
    args = ["scenario", "grid", str(grid), "-o", str(out), "--local", "1"]
    run = argmap_process(args, tmp_path / "argmap.log")
    parts = parts_folder(out)
    wait_for(lambda: any(parts.glob("part-*.parquet")) or run.poll() is not None)
    assert run.poll() is None  # mid-run
    run.send_signal(signal.SIGINT)
    assert run.wait(timeout=120) == 130
    assert "use --resume" in (tmp_path / "argmap.log").read_text()
    assert not out.exists() and parts.exists()
    # without --resume the unfinished run is left alone
    assert main(args) == 2
    assert "continue it with --resume" in capsys.readouterr().err
    assert main([*args, "--resume"]) == 0
    kept = capsys.readouterr().err
    assert "argmap: resuming:" in kept
    done = int(kept.split(" rows of ")[1].split(" tasks")[0])
    assert 0 < done < 16
    fresh = tmp_path / "fresh.parquet"
    assert main(["scenario", "grid", str(grid), "-o", str(fresh), "--local", "1"]) == 0
    pd.testing.assert_frame_equal(
        pd.read_parquet(out).drop(columns="seconds"),
        pd.read_parquet(fresh).drop(columns="seconds"),
        check_exact=True,
    )
