"""Monte Carlo and sweeps: reproducible, identical on every executor, consistent with
evaluate, interruptible; sampling matches the distributions."""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from argmap.errors import SolverError
from argmap.io.casefile import load
from argmap.model import Beta, Case, Choice, Triangular, TruncatedNormal, Uniform
from argmap.scenario.distributed import plan_chunks, run_chunks
from argmap.scenario.sampling import draw, quantile
from argmap.scenario.uncertainty import monte_carlo, sweep
from argmap.semantics.evaluate import evaluate
from tests.scenario import cases

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ad_tool_dispute.yaml"


@pytest.fixture(scope="module")
def example() -> Case:
    return load(EXAMPLE)


def same(a: Any, b: Any) -> None:
    assert a.claims == b.claims and a.seed == b.seed
    assert np.array_equal(a.strengths, b.strengths)
    assert np.array_equal(a.met, b.met)


def test_seeded_runs_reproduce(example: Case) -> None:
    a = monte_carlo(example, 3000, seed=11, chunk_size=700)
    b = monte_carlo(example, 3000, seed=11, chunk_size=700)
    c = monte_carlo(example, 3000, seed=12, chunk_size=700)
    same(a, b)
    assert not np.array_equal(a.strengths, c.strengths)
    assert a.samples == 3000 and not a.interrupted
    assert a.parameters == ("w_press", "w_silence")


def test_unseeded_run_records_its_seed(example: Case) -> None:
    a = monte_carlo(example, 500)
    same(a, monte_carlo(example, 500, seed=a.seed))


def test_process_pool_gives_the_serial_result(example: Case) -> None:
    serial = monte_carlo(example, 2500, seed=5, chunk_size=600)
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = monte_carlo(example, 2500, seed=5, chunk_size=600, executor=pool)
        swept = sweep(example, "w_press", np.linspace(0, 1, 50), chunk_size=7, executor=pool)
    same(serial, pooled)
    assert np.array_equal(
        swept.strengths, sweep(example, "w_press", np.linspace(0, 1, 50)).strengths
    )


def test_dask_cluster_gives_the_serial_result(example: Case) -> None:
    distributed = pytest.importorskip("distributed")
    serial = monte_carlo(example, 2000, seed=9, chunk_size=512)
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = monte_carlo(example, 2000, seed=9, chunk_size=512, executor=client)
    same(serial, remote)


class MapOnly:
    """An executor with only an ordered ``map``."""

    def map(self, fn: Any, items: Any) -> Any:
        return map(fn, items)


def test_map_only_executor(example: Case) -> None:
    same(
        monte_carlo(example, 900, seed=2, chunk_size=250),
        monte_carlo(example, 900, seed=2, chunk_size=250, executor=MapOnly()),
    )


class InterruptAfter:
    """Runs chunks inline; the ``k``-th result raises KeyboardInterrupt (Ctrl-C)."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.calls = 0
        self.cancelled = 0

    def submit(self, fn: Any, arg: Any) -> Any:
        self.calls += 1
        future: Future[Any] = Future()
        if self.calls == self.k:
            future.set_exception(KeyboardInterrupt())
        else:
            future.set_result(fn(arg))
        return future


def test_interrupt_keeps_partial_results_flagged(example: Case) -> None:
    result = monte_carlo(example, 1000, seed=4, chunk_size=300, executor=InterruptAfter(3))
    assert result.interrupted and result.samples == 600 and result.requested == 1000
    full = monte_carlo(example, 1000, seed=4, chunk_size=300)
    assert np.array_equal(result.strengths, full.strengths[:600])
    assert "INTERRUPTED after 600 of 1000 samples" in result.table()


def test_run_chunks_serial_interrupt() -> None:
    def work(x: int) -> int:
        if x == 2:
            raise KeyboardInterrupt
        return x * 10

    results, interrupted = run_chunks(work, [0, 1, 2, 3], progress=False)
    assert results == [0, 10] and interrupted


def test_degenerate_distributions_reproduce_evaluate(example: Case) -> None:
    pinned = example.model_copy(
        update={
            "parameters": [
                p.model_copy(update={"distribution": Choice(values=[p.value])})
                for p in example.parameters
            ]
        }
    )
    result = monte_carlo(pinned, 64, seed=1)
    evaluation = evaluate(example)
    for claim in result.claims:
        summary = result.summary(claim)
        assert summary.q05 == summary.q95 == pytest.approx(evaluation[claim].strength, abs=1e-12)
        assert summary.p_standard == float(bool(evaluation[claim].standard_met))


def test_monte_carlo_matches_pointwise_evaluation() -> None:
    case = cases.licence_case()
    result = monte_carlo(case, 40, seed=3, chunk_size=16)
    rng_plan = plan_chunks(40, 3, 16)
    xs = np.concatenate(
        [
            draw(Uniform(low=0, high=1), n, np.random.default_rng(s))
            for n, s in zip(rng_plan.sizes, rng_plan.seeds, strict=True)
        ]
    )
    for i, x in enumerate(xs[:10]):
        ev = evaluate(case, values={"w_licence": float(x)})
        assert result.strengths[i, 0] == pytest.approx(ev["C1"].strength, abs=1e-12)
        assert result.met[i, 0] == ev["C1"].standard_met
    # the closed form: met iff w_licence < 4/9
    assert result.summary("C1").p_standard == pytest.approx(float(np.mean(xs < 4 / 9)))


def test_sweep_matches_evaluate(example: Case) -> None:
    values = np.linspace(0, 1, 7)
    result = sweep(example, "w_silence", values, claims=["C_retaliation"])
    for i, x in enumerate(values):
        ev = evaluate(example, values={"w_silence": float(x)})
        assert result.strengths[i, 0] == pytest.approx(ev["C_retaliation"].strength, abs=1e-12)
        assert bool(result.met[i, 0]) == ev["C_retaliation"].standard_met
    frame = result.to_frame()
    assert list(frame.columns) == ["w_silence", "claim", "strength", "standard_met"]
    assert len(frame) == 7


def test_bad_requests_are_refused(example: Case) -> None:
    with pytest.raises(SolverError, match="unknown parameter 'w_x'"):
        monte_carlo(example, 10, parameters=["w_x"])
    with pytest.raises(SolverError, match="unknown parameter 'w_x'"):
        sweep(example, "w_x", [0.1])
    with pytest.raises(SolverError, match="unknown claim 'C9'"):
        monte_carlo(example, 10, claims=["C9"])
    with pytest.raises(SolverError, match="unknown gradual semantics"):
        monte_carlo(example, 10, gradual="nope")


def test_parameter_subset_varies_only_those(example: Case) -> None:
    only = monte_carlo(example, 500, seed=1, parameters=["w_press"])
    assert only.parameters == ("w_press",)
    pinned = monte_carlo(example, 500, seed=1, parameters=["w_silence"])
    assert not np.array_equal(only.strengths, pinned.strengths)


DISTRIBUTIONS = [
    Uniform(low=0.2, high=0.6),
    Triangular(low=0.0, mode=0.3, high=1.0),
    Beta(a=2.0, b=5.0),
    TruncatedNormal(mean=0.5, sd=0.2),
    TruncatedNormal(mean=0.9, sd=0.3, low=0.0, high=1.0),
]


@pytest.mark.parametrize("dist", DISTRIBUTIONS, ids=lambda d: d.kind)
def test_draws_follow_the_quantiles(dist: Any) -> None:
    xs = draw(dist, 200_000, np.random.default_rng(0))
    for q in (0.05, 0.5, 0.95):
        assert np.quantile(xs, q) == pytest.approx(quantile(dist, q), abs=5e-3)


def test_choice_draws_and_quantiles() -> None:
    dist = Choice(values=[0.1, 0.5, 0.9], probabilities=[0.2, 0.5, 0.3])
    xs = draw(dist, 100_000, np.random.default_rng(1))
    assert set(np.unique(xs)) == {0.1, 0.5, 0.9}
    assert np.mean(xs == 0.1) == pytest.approx(0.2, abs=0.01)
    assert [quantile(dist, q) for q in (0.1, 0.5, 0.95)] == [0.1, 0.5, 0.9]


def test_chunk_plan() -> None:
    plan = plan_chunks(10_001, seed=3, chunk_size=5000)
    assert plan.sizes == (5000, 5000, 1) and plan.total == 10_001
    with pytest.raises(ValueError):
        plan_chunks(0, seed=1)


def test_sampled_edge_weights_reach_strengths_and_standards(example: Case) -> None:
    from argmap.scenario.apply import apply_scenario
    from argmap.scenario.model import Scenario

    weighted = apply_scenario(
        example,
        Scenario.model_validate(
            {
                "name": "w",
                "question": "q?",
                "interventions": [
                    {
                        "op": "set_weight",
                        "relation": {"from": "E_api_fees", "to": "A_silence"},
                        "value": "w_silence",
                    },
                    {
                        "op": "set_weight",
                        "relation": {"from": "C_principled", "to": "C_retaliation"},
                        "value": "1 - w_press",
                    },
                ],
            }
        ),
    )
    result = monte_carlo(weighted, 30, seed=8, chunk_size=8)
    plan = plan_chunks(30, 8, 8)
    rows: list[dict[str, float]] = []
    for size, child in zip(plan.sizes, plan.seeds, strict=True):
        rng = np.random.default_rng(child)
        press = draw(weighted.parameters[0].distribution, size, rng)  # type: ignore[arg-type]
        silence = draw(weighted.parameters[1].distribution, size, rng)  # type: ignore[arg-type]
        rows += [
            {"w_press": float(a), "w_silence": float(b)}
            for a, b in zip(press, silence, strict=True)
        ]
    for i, values in enumerate(rows):
        ev = evaluate(weighted, values=values)
        for j, claim in enumerate(result.claims):
            assert result.strengths[i, j] == pytest.approx(ev[claim].strength, abs=1e-12)
            assert result.met[i, j] == ev[claim].standard_met


# -- draws where an expression has no value ----------------------------------------------


def _undefined_case(high: float = 1.0) -> Case:
    """C1's score is sqrt(w_a - 0.3), undefined for w_a < 0.3 (w_a drawn from 0 to
    ``high``); C2 does not depend on w_a, and C1 rebuts nothing, so only C1 can be
    undefined."""
    return Case.model_validate(
        {
            "title": "undefined draws",
            "parameters": [
                {
                    "id": "w_a",
                    "value": 0.5,
                    "distribution": {"kind": "uniform", "low": 0, "high": high},
                }
            ],
            "issues": [{"id": "I1", "question": "q?", "proof_standard": "scintilla"}],
            "claims": [
                {"id": "C1", "text": "c1", "base_score": "sqrt(w_a - 0.3)"},
                {"id": "C2", "text": "c2", "issue": "I1", "base_score": 0.4},
                {"id": "C3", "text": "c3", "issue": "I1", "base_score": 0.6},
            ],
            "relations": [{"kind": "support", "from": "C1", "to": "C3"}],
        }
    )


def test_undefined_draws_are_counted_per_claim_and_left_out() -> None:
    result = monte_carlo(_undefined_case(), 4000, seed=5, chunk_size=900)
    low = result.undefined is not None and result.undefined[:, 0]
    # exactly the draws with w_a below 0.3 are undefined, for C1 and for C3 (which C1
    # supports), never for C2
    c1, c2, c3 = result.summaries()
    assert c2.undefined == 0
    assert c1.undefined == c3.undefined == int(np.sum(low)) > 0
    assert 0.25 < c1.undefined / 4000 < 0.35
    # statistics over the defined draws only: finite quantiles, no NaN leaking in
    assert all(np.isfinite([c1.mean, c1.q05, c1.q50, c1.q95]))
    assert c1.q05 >= 0.0
    assert c3.p_standard is not None and c3.p_standard == pytest.approx(1.0)
    assert "undefined" in result.table().splitlines()[0]
    assert f"{c1.undefined} draws undefined for some claim" in result.table()
    assert list(result.to_frame()["undefined"]) == [c1.undefined, 0, c3.undefined]


def test_undefined_draws_are_counted_in_the_folded_totals_too() -> None:
    # the command line keeps no per-sample arrays: the totals alone must count the
    # undefined draws and keep them out of means, p and the quantile histogram
    kept = monte_carlo(_undefined_case(), 6000, seed=9, chunk_size=700, progress=False)
    folded = monte_carlo(
        _undefined_case(), 6000, seed=9, chunk_size=700, progress=False, keep_samples=False
    )
    assert folded.strengths is None and folded.undefined is None
    assert kept.strengths is not None and kept.met is not None and kept.undefined is not None
    assert folded.undefined_draws == int(kept.undefined.any(axis=1).sum()) > 0
    for j, claim in enumerate(kept.claims):
        defined = ~kept.undefined[:, j]
        column = kept.strengths[defined, j]
        summary = folded.summary(claim)
        assert summary.undefined == int((~defined).sum())
        assert summary.mean == pytest.approx(float(column.mean()), abs=1e-12)
        exact = np.quantile(column, (0.05, 0.5, 0.95))
        assert [summary.q05, summary.q50, summary.q95] == pytest.approx(exact, abs=1e-4)
        if kept.has_standard[j]:
            assert summary.p_standard == float(kept.met[defined, j].mean())
        assert kept.summary(claim) == summary
    assert f"{folded.undefined_draws} draws undefined for some claim" in folded.table()


def test_a_claim_undefined_in_every_draw_has_no_statistics() -> None:
    result = monte_carlo(_undefined_case(high=0.2), 300, seed=2, progress=False, keep_samples=False)
    c1 = result.summary("C1")
    assert c1.undefined == 300 and c1.p_standard is None
    assert np.isnan([c1.mean, c1.q05, c1.q50, c1.q95]).all()


def test_the_comparison_legend_says_undefined_draws_are_left_out(example: Case) -> None:
    from argmap.scenario.runner import compare

    def legend(case: Case) -> str:
        comparison = compare(case, [], samples=400, seed=4, progress=False, keep_samples=False)
        return comparison.table().rstrip().splitlines()[-1]

    note = "N undefined: draws where the claim has no value, left out of p"
    assert note in legend(_undefined_case())
    assert "undefined" not in legend(example)


def test_a_run_without_undefined_draws_reports_zero(example: Case) -> None:
    result = monte_carlo(example, 500, seed=1)
    assert result.undefined_draws == 0
    assert all(s.undefined == 0 for s in result.summaries())


def test_sweep_marks_undefined_points() -> None:
    result = sweep(_undefined_case(), "w_a", [0.1, 0.5])
    records = result.records()
    c1 = [r for r in records if r["claim"] == "C1"]
    assert np.isnan(c1[0]["strength"]) and c1[1]["strength"] == pytest.approx(np.sqrt(0.2))
    c3 = [r for r in records if r["claim"] == "C3"]
    assert c3[0]["standard_met"] is None and c3[1]["standard_met"] is True
    assert "undefined" in result.table()


def test_cli_warns_and_counts_undefined_draws(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main
    from argmap.io.casefile import save

    save(_undefined_case(), tmp_path / "case.yaml")
    scenario = tmp_path / "mc.yaml"
    scenario.write_text(
        "schema_version: 1\nname: mc\nquestion: how sure?\ncase: case.yaml\n"
        "samples: 1000\nseed: 3\ninterventions: []\n"
    )
    assert main(["scenario", "run", str(scenario), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    header, *rows = captured.out.splitlines()
    assert "undefined" in header.split(",")
    # by name: the label and verdict shares follow the undefined column
    column = header.split(",").index("undefined")
    counts = {r.split(",")[0] + "/" + r.split(",")[1]: r.split(",")[column] for r in rows}
    assert counts["C2/baseline"] == "0" and int(counts["C1/baseline"]) > 0
    warnings = captured.err.splitlines()
    assert (
        f"argmap: warning: baseline: C1: {counts['C1/baseline']} of 1000 draws undefined"
        in (warnings[0])
    )


def test_tornado_refuses_an_end_where_the_claim_is_undefined() -> None:
    from argmap.scenario.analysis import tornado

    with pytest.raises(SolverError) as info:
        tornado(_undefined_case(), "C1")
    assert str(info.value) == (
        "C1 has no strength with w_a = 0.05 (an end of its tornado range): "
        "an expression it depends on is undefined there"
    )
    bars = tornado(_undefined_case(), "C1", ranges={"w_a": (0.4, 0.9)})
    assert bars[0].strength_low == pytest.approx(0.1**0.5)
