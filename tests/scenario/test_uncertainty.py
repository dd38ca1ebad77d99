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
