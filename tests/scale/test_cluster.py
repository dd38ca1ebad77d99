"""Real processes: a dask scheduler and two workers on loopback; one is killed mid-run
and the grid's table still equals the serial run's, bit for bit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from argmap.cli import main
from argmap.scale.store import parts_folder
from tests.scale.conftest import Cluster, argmap_process, wait_for

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"

GRID = f"""\
name: cluster check
factors:
  - {{name: hiq, scenario: {SCENARIOS}/01_hiq_public_data.yaml}}
  - {{name: nyt, scenario: {SCENARIOS}/04_nyt_for_plaintiff.yaml}}
  - {{name: tweet, scenario: {SCENARIOS}/07_tweet_discounted.yaml}}
parameters:
  - {{parameter: w_licence, values: [0.2, 0.8]}}
samples: 1500
seed: 11
"""


def _table(path: Path) -> pd.DataFrame:
    # seconds is wall-clock time: the one column that may differ between runs
    return pd.read_parquet(path).drop(columns="seconds")


@pytest.mark.slow
def test_grid_on_a_cluster_survives_a_killed_worker(tmp_path: Path, cluster: Cluster) -> None:
    grid = tmp_path / "grid.yaml"
    grid.write_text(GRID)
    out = tmp_path / "cluster.parquet"
    run = argmap_process(
        ["scenario", "grid", str(grid), "-o", str(out), "--cluster", cluster.address],
        tmp_path / "argmap.log",
    )
    parts = parts_folder(out)
    wait_for(lambda: any(parts.glob("part-*.parquet")) or run.poll() is not None)
    assert run.poll() is None and not out.exists()  # mid-run
    cluster.kill_worker(0)
    assert run.wait(timeout=300) == 0, (tmp_path / "argmap.log").read_text()
    assert not parts.exists()
    serial = tmp_path / "serial.parquet"
    assert main(["scenario", "grid", str(grid), "-o", str(serial), "--local", "1"]) == 0
    got, expected = _table(out), _table(serial)
    assert got["variant"].nunique() == 16
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


@pytest.mark.slow
def test_batch_on_a_cluster_equals_the_serial_batch(tmp_path: Path, cluster: Cluster) -> None:
    inputs = [str(REPO / "examples"), str(REPO / "tests" / "io" / "broken")]
    out, serial = tmp_path / "cluster.parquet", tmp_path / "serial.parquet"
    run = argmap_process(
        ["batch", *inputs, "-o", str(out), "--cluster", cluster.address],
        tmp_path / "argmap.log",
    )
    assert run.wait(timeout=300) == 1, (tmp_path / "argmap.log").read_text()  # broken files
    assert main(["batch", *inputs, "-o", str(serial), "--local", "1"]) == 1
    got, expected = _table(out), _table(serial)
    assert got["file"].nunique() > 20 and got["error"].notna().any()
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
