"""Gradual semantics: published examples, a plain-Python reference, properties."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import SolverError
from argmap.semantics.gradual import GRADUAL, QBAF, gradual_strengths, schedule

GROUND = Path(__file__).resolve().parents[2].parent / "shared" / "ground-truth"
_CASES = yaml.safe_load((GROUND / "gradual.yaml").read_text()) if GROUND.is_dir() else []


@pytest.mark.parametrize("case", _CASES, ids=[f"{c['semantics']}-{c['name']}" for c in _CASES])
def test_ground_truth(case: dict[str, Any]) -> None:
    g = QBAF.from_mapping(case["nodes"], case["attacks"], case["supports"])
    result = gradual_strengths(g, case["semantics"])
    assert result.converged
    assert result.residual <= 1e-12
    if schedule(g).cyclic is not None:
        assert result.iterations > 0
    else:
        assert result.exact
    for i, name in enumerate(g.ids):
        assert result.strengths[i] == pytest.approx(case["strengths"][name], abs=1e-9)


def test_ground_truth_file_is_there() -> None:
    assert len(_CASES) >= 10


# -- a plain per-node reference, written from the papers' formulas ------------------


def _reference(name: str, g: QBAF, base: list[float], rounds: int = 400) -> list[float]:
    """Jacobi iteration of the published update, node by node (exact on a DAG after
    depth + 1 rounds; 400 rounds is far more than the test graphs need)."""
    n = len(g.ids)
    att: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    sup: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for s, d, w in zip(g.att_src.tolist(), g.att_dst.tolist(), g.att_w.tolist(), strict=True):
        att[d].append((s, w))
    for s, d, w in zip(g.sup_src.tolist(), g.sup_dst.tolist(), g.sup_w.tolist(), strict=True):
        sup[d].append((s, w))
    s = list(base)
    for _ in range(rounds):
        new = []
        for j in range(n):
            b = base[j]
            if name == "dfquad":
                va = 1 - math.prod(1 - w * s[i] for i, w in att[j])
                vs = 1 - math.prod(1 - w * s[i] for i, w in sup[j])
                d = vs - va
                new.append(b + (1 - b) * d if d >= 0 else b - b * (-d))
                continue
            e = sum(w * s[i] for i, w in sup[j]) - sum(w * s[i] for i, w in att[j])
            if name == "quadratic_energy":

                def h(x: float) -> float:
                    x = max(x, 0.0)
                    return x * x / (1 + x * x)

                new.append(b - b * h(-e) + (1 - b) * h(e))
            elif name == "euler_based":
                new.append(1 - (1 - b * b) / (1 + b * math.exp(e)))
            else:
                new.append(b / (1 - e) if e <= 0 else 1 - (1 - b) / (1 + e))
        s = new
    return s


@st.composite
def dags(draw: Any, max_nodes: int = 9) -> QBAF:
    n = draw(st.integers(1, max_nodes))
    base = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    pairs = [(i, j) for j in range(n) for i in range(j + 1, n)]  # i -> j with i > j: acyclic
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=16)) if pairs else []
    kinds = draw(st.lists(st.booleans(), min_size=len(chosen), max_size=len(chosen)))
    weights = draw(st.lists(st.floats(0, 1), min_size=len(chosen), max_size=len(chosen)))
    att = [(p, w) for p, k, w in zip(chosen, kinds, weights, strict=True) if k]
    sup = [(p, w) for p, k, w in zip(chosen, kinds, weights, strict=True) if not k]
    return QBAF.from_arrays(
        [f"n{i}" for i in range(n)],
        base,
        ([p[0] for p, _ in att], [p[1] for p, _ in att]),
        ([p[0] for p, _ in sup], [p[1] for p, _ in sup]),
        att_w=[w for _, w in att],
        sup_w=[w for _, w in sup],
    )


@st.composite
def digraphs(draw: Any, max_nodes: int = 8) -> QBAF:
    """Any attacks and supports, cycles and self-loops included."""
    n = draw(st.integers(1, max_nodes))
    pairs = [(i, j) for i in range(n) for j in range(n)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=14))
    kinds = draw(st.lists(st.booleans(), min_size=len(chosen), max_size=len(chosen)))
    att = [p for p, k in zip(chosen, kinds, strict=True) if k]
    sup = [p for p, k in zip(chosen, kinds, strict=True) if not k]
    return QBAF.from_arrays(
        [f"n{i}" for i in range(n)],
        [0.5] * n,
        ([p[0] for p in att], [p[1] for p in att]),
        ([p[0] for p in sup], [p[1] for p in sup]),
    )


def _around_cycles(src: list[int], dst: list[int], n: int) -> tuple[set[int], set[int]]:
    """``(core, below)``: the nodes on a cycle or on a path from one cycle to another,
    and those reachable from a cycle without reaching one, by plain search."""
    succ: dict[int, set[int]] = {}
    for s, d in zip(src, dst, strict=True):
        succ.setdefault(s, set()).add(d)

    def reach(u: int) -> set[int]:
        seen, stack = set(), list(succ.get(u, ()))
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.add(x)
                stack.extend(succ.get(x, ()))
        return seen

    reached = {u: reach(u) for u in range(n)}
    on_cycle = {u for u in range(n) if u in reached[u]}
    downstream = on_cycle.union(*(reached[u] for u in on_cycle))
    core = {u for u in downstream if reached[u] & on_cycle}
    return core, downstream - core


@given(g=digraphs())
@settings(max_examples=150, deadline=None)
def test_schedule_orders_and_groups_every_incoming_edge(g: QBAF) -> None:
    """Each node with inputs is in exactly one block, after all its inputs unless it
    is in the cyclic block; its incoming edges are its run, supports first, then
    attacks, each in edge order; the cyclic block is what lies on or between cycles,
    and what lies only downstream of it comes after it."""
    n, n_att = len(g.ids), g.att_src.size
    src, dst = np.r_[g.att_src, g.sup_src].tolist(), np.r_[g.att_dst, g.sup_dst].tolist()
    plan = schedule(g)
    ready = set(range(n)) - set(dst)
    cyclic_block = [plan.cyclic] if plan.cyclic is not None else []
    for block in [*plan.levels, *cyclic_block, *plan.after]:
        bounds = block.indptr.tolist()
        assert bounds[0] == 0 and bounds[-1] == block.edges.size
        for i, v in enumerate(block.nodes.tolist()):
            run = block.edges[bounds[i] : bounds[i + 1]].tolist()
            into = [e for e in range(len(dst)) if dst[e] == v]
            assert run == [e for e in into if e >= n_att] + [e for e in into if e < n_att]
            assert block.attacks_from[i] == bounds[i] + sum(e >= n_att for e in into)
            assert block.origins[bounds[i] : bounds[i + 1]].tolist() == [src[e] for e in run]
            assert block is plan.cyclic or all(src[e] in ready for e in run)
        assert not ready & set(block.nodes.tolist())
        ready |= set(block.nodes.tolist())
    cyclic = set() if plan.cyclic is None else set(plan.cyclic.nodes.tolist())
    core, below = _around_cycles(src, dst, n)
    assert cyclic == core
    assert set().union(*(b.nodes.tolist() for b in plan.after)) == below
    assert ready == set(range(n))


def _iterating_everything_below_cycles(g: QBAF) -> QBAF:
    """A copy of ``g`` whose cached schedule is the one argmap used before the nodes
    merely downstream of a cycle were split off: the cyclic block then held every node
    on or below a cycle, all iterated together."""
    from dataclasses import replace

    from argmap.semantics.gradual import qbaf

    plan = schedule(g)
    assert plan.cyclic is not None
    below = np.concatenate([plan.cyclic.nodes, *(b.nodes for b in plan.after)])
    whole = qbaf._InEdges.of(len(g.ids), g).block(np.sort(below))
    copy = replace(g)
    qbaf._CACHE[copy] = qbaf.Schedule(plan.levels, whole)
    return copy


@pytest.mark.parametrize("name", GRADUAL)
@given(g=digraphs(), base=st.lists(st.floats(0.05, 0.95), min_size=8, max_size=8))
@settings(max_examples=60, deadline=None)
def test_downstream_of_cycles_exact_matches_iterating_it(
    name: str, g: QBAF, base: list[float]
) -> None:
    """Computing the nodes downstream of the cyclic block once, after it, gives the
    strengths that iterating them along with it gave, and never more rounds."""
    g = replace_base(g, base[: len(g.ids)])
    if schedule(g).cyclic is None:
        return
    new = gradual_strengths(g, name)
    old = gradual_strengths(_iterating_everything_below_cycles(g), name)
    if not (new.converged and old.converged):
        return
    assert new.iterations <= old.iterations
    np.testing.assert_allclose(new.strengths, old.strengths, atol=1e-9)


@pytest.mark.parametrize("name", GRADUAL)
@pytest.mark.parametrize("samples", [1, 20])
@given(g=digraphs(), seed=st.integers(0, 2**32 - 1))
@settings(max_examples=40, deadline=None)
def test_compact_iteration_is_bit_for_bit_the_global_one(
    name: str, samples: int, g: QBAF, seed: int
) -> None:
    """Iterating a compact copy of the cyclic block gives exactly what iterating it in
    the whole state gives: same strengths, rounds and residual, for one sample (1-D
    state) and for many (DF-QuAD then goes through logarithms)."""
    from argmap.semantics.gradual import engine
    from argmap.semantics.gradual.models import SEMANTICS_SPEC

    plan = schedule(g)
    if plan.cyclic is None:
        return
    spec = SEMANTICS_SPEC[name]
    rng = np.random.default_rng(seed)
    n, e = len(g.ids), g.att_src.size + g.sup_src.size
    base = rng.random((n, samples)) if samples > 1 else rng.random(n)
    weights = np.ones((e, 1)) if samples > 1 else rng.random(e)
    outcomes, states = [], []
    for run in (engine._iterate, engine._compact):
        state = base.copy()
        with np.errstate(all="ignore"):  # as in propagate: strengths of 1 give log(0)
            aggregate = engine._Aggregator(g, plan, state, weights, spec.aggregation)
            args = (plan.cyclic, state, base, aggregate, spec.influence, 1e-12, 500)
            outcomes.append(run(*args))
        states.append(state)
    assert outcomes[0] == outcomes[1]
    np.testing.assert_array_equal(states[0], states[1])


def replace_base(g: QBAF, base: list[float]) -> QBAF:
    """``g`` with other base scores."""
    from dataclasses import replace

    return replace(g, base=np.asarray(base, dtype=np.float64))


@pytest.mark.parametrize("name", GRADUAL)
@given(g=dags())
@settings(max_examples=60, deadline=None)
def test_matches_reference_and_is_bounded(name: str, g: QBAF) -> None:
    result = gradual_strengths(g, name)
    assert result.exact
    want = _reference(name, g, g.base.tolist(), rounds=len(g.ids) + 1)
    np.testing.assert_allclose(result.strengths, want, atol=1e-9)
    assert np.all((result.strengths >= 0) & (result.strengths <= 1))


@pytest.mark.parametrize("name", GRADUAL)
@given(g=dags(), seed=st.integers(0, 2**31))
@settings(max_examples=30, deadline=None)
def test_vectorized_equals_per_sample_loop(name: str, g: QBAF, seed: int) -> None:
    rng = np.random.default_rng(seed)
    base = rng.random((5, len(g.ids)))
    weights = rng.random((5, g.att_src.size + g.sup_src.size))
    many = gradual_strengths(g, name, base, edge_weights=weights).strengths
    assert many.shape == base.shape
    for k in range(5):
        one = gradual_strengths(g, name, base[k], edge_weights=weights[k]).strengths
        np.testing.assert_allclose(many[k], one, atol=1e-12)


@pytest.mark.parametrize("name", GRADUAL)
@given(g=dags())
@settings(max_examples=40, deadline=None)
def test_balance_unattacked_unsupported_keep_base(name: str, g: QBAF) -> None:
    s = gradual_strengths(g, name).strengths
    touched = set(g.att_dst.tolist()) | set(g.sup_dst.tolist())
    for j in range(len(g.ids)):
        if j not in touched:
            assert s[j] == g.base[j]


@pytest.mark.parametrize("name", GRADUAL)
@given(g=dags(), node=st.integers(0, 20), bump=st.floats(0.01, 1))
@settings(max_examples=60, deadline=None)
def test_monotonicity(name: str, g: QBAF, node: int, bump: float) -> None:
    """Raising a supporter's base never lowers its target; an attacker's never raises."""
    for src, dst, sign in [(g.sup_src, g.sup_dst, 1), (g.att_src, g.att_dst, -1)]:
        if src.size == 0:
            continue
        k = node % src.size
        i, j = int(src[k]), int(dst[k])
        low = g.base.copy()
        high = g.base.copy()
        high[i] = min(1.0, low[i] + bump)
        before = gradual_strengths(g, name, low).strengths[j]
        after = gradual_strengths(g, name, high).strengths[j]
        # only direct single-path effects are guaranteed monotone: skip i reaching j twice
        paths = int(np.sum(src == i) + np.sum((g.att_src if sign > 0 else g.sup_src) == i))
        if paths == 1 and not _reaches_other_way(g, i, j):
            assert sign * (after - before) >= -1e-12


def _reaches_other_way(g: QBAF, i: int, j: int) -> bool:
    """Whether i influences j through a path other than the direct edge."""
    succ: dict[int, set[int]] = {}
    for s, d in zip(
        np.r_[g.att_src, g.sup_src].tolist(), np.r_[g.att_dst, g.sup_dst].tolist(), strict=True
    ):
        succ.setdefault(s, set()).add(d)
    stack = [d for d in succ.get(i, set()) if d != j]
    seen = set(stack)
    while stack:
        x = stack.pop()
        if x == j:
            return True
        for y in succ.get(x, set()):
            if y not in seen:
                seen.add(y)
                stack.append(y)
    return False


@pytest.mark.parametrize("name", GRADUAL)
def test_cycles_iterate_to_a_fixed_point_and_report_it(name: str) -> None:
    g = QBAF.from_mapping(
        {"a": 0.6, "b": 0.4, "c": 0.7, "d": 0.5},
        attacks=[("a", "b"), ("b", "c"), ("c", "a")],
        supports=[("c", "d"), ("d", "b", 0.5)],
    )
    result = gradual_strengths(g, name)
    assert result.converged and result.iterations > 0 and not result.exact
    want = _reference(name, g, g.base.tolist(), rounds=3000)
    np.testing.assert_allclose(result.strengths, want, atol=1e-9)
    assert schedule(g).cyclic is not None


def test_iteration_is_bounded_and_reports_failure() -> None:
    g = QBAF.from_mapping({"a": 0.9, "b": 0.9}, attacks=[("a", "b"), ("b", "a")])
    result = gradual_strengths(g, "dfquad", tol=1e-300, max_iter=5)
    assert not result.converged and result.iterations == 5 and result.residual > 0


def test_acyclic_part_upstream_of_a_cycle_is_exact() -> None:
    g = QBAF.from_mapping(
        {"x": 0.3, "y": 0.8, "a": 0.5, "b": 0.5},
        attacks=[("y", "x"), ("a", "b"), ("b", "a")],
        supports=[("x", "a")],
    )
    plan = schedule(g)
    assert plan.cyclic is not None
    assert sorted(g.ids[i] for i in plan.cyclic.nodes) == ["a", "b"]
    s = gradual_strengths(g, "dfquad").strengths
    assert s[0] == pytest.approx(0.3 - 0.3 * 0.8)


def _formula(name: str, b: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Each influence function exactly as the models docstring writes it."""
    if name == "dfquad":
        return np.where(e >= 0, b + (1 - b) * e, b + b * e)
    if name == "quadratic_energy":

        def h(x: np.ndarray) -> np.ndarray:
            sq = np.maximum(x, 0.0) ** 2
            return np.where(np.isinf(sq), 1.0, sq / (1 + sq))

        return b - b * h(-e) + (1 - b) * h(e)
    if name == "euler_based":
        return 1 - (1 - b * b) / (1 + np.exp(e + np.log(b)))
    return np.where(e <= 0, b / (1 - np.minimum(e, 0)), 1 - (1 - b) / (1 + np.maximum(e, 0)))


@pytest.mark.parametrize("name", GRADUAL)
def test_influence_functions_are_the_formulas_bit_for_bit(name: str) -> None:
    """The influence functions are rewritten for fewer numpy passes; the values must
    not change by a single bit, extremes and signed zeros included."""
    from argmap.semantics.gradual.models import SEMANTICS_SPEC

    rng = np.random.default_rng(3)
    e = np.r_[
        rng.normal(0, 1, 3000),
        rng.normal(0, 40, 3000),
        10 ** rng.uniform(-320, 308, 3000) * rng.choice([-1, 1], 3000),
        [0.0, -0.0, 1e155, -1e155, 1e200, -1e200, 1e308, -1e308],
    ]
    if name == "dfquad":
        e = np.clip(e, -1, 1)
    b = np.r_[rng.random(e.size - 4), [0.0, 1.0, 0.0, 1.0]]
    with np.errstate(all="ignore"):
        got = SEMANTICS_SPEC[name].influence(b, e)
        want = _formula(name, b, e)
        got_2d = SEMANTICS_SPEC[name].influence(b.reshape(-1, 4), e.reshape(-1, 4))
    assert np.array_equal(got, want, equal_nan=True)
    assert np.array_equal(np.signbit(got), np.signbit(want))
    assert np.array_equal(got_2d.ravel(), want, equal_nan=True)


def test_unknown_name_and_bad_shapes() -> None:
    g = QBAF.from_mapping({"a": 0.5})
    with pytest.raises(SolverError, match="unknown gradual semantics"):
        gradual_strengths(g, "nonsense")
    with pytest.raises(ValueError, match="base"):
        gradual_strengths(g, "dfquad", [0.1, 0.2])
    assert gradual_strengths(g, "euler").strengths.tolist() == [0.5]


def test_h_categorizer_is_the_published_one_without_supports() -> None:
    # Amgoud et al. 2017: Deg(a) = w(a) / (1 + sum of attackers' degrees)
    g = QBAF.from_mapping({"a": 0.8, "b": 0.5, "c": 1.0}, attacks=[("b", "a"), ("c", "a")])
    s = gradual_strengths(g, "h_categorizer").strengths
    assert s[0] == pytest.approx(0.8 / (1 + 0.5 + 1.0))


def test_extreme_aggregates_stay_finite() -> None:
    n = 2000
    g = QBAF.from_arrays(
        [f"n{i}" for i in range(n + 1)], [1.0] * n + [0.0], supports=(range(n), [n] * n)
    )
    for name in GRADUAL:
        s = gradual_strengths(g, name).strengths
        assert np.all(np.isfinite(s))


@pytest.mark.parametrize("name", GRADUAL)
def test_deep_graph_past_the_masked_rounds(name: str) -> None:
    """A 150-deep chain with side supports: levels beyond the masked Kahn rounds."""
    n = 150
    rng = np.random.default_rng(5)
    g = QBAF.from_arrays(
        [f"n{i}" for i in range(n)],
        rng.random(n),
        (np.arange(1, n), np.arange(n - 1)),
        (np.arange(2, n), np.arange(n - 2)),
    )
    plan = schedule(g)
    assert plan.cyclic is None and len(plan.levels) == n - 1
    want = _reference(name, g, g.base.tolist(), rounds=n + 1)
    np.testing.assert_allclose(gradual_strengths(g, name).strengths, want, atol=1e-9)


@pytest.mark.parametrize("name", GRADUAL)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("cyclic", [False, True])
def test_sparse_path_for_many_samples_matches_one_at_a_time(
    name: str, weighted: bool, cyclic: bool
) -> None:
    """Many samples with shared edge weights take the sparse-product path; single
    samples on small levels take the gather path: both must agree."""
    rng = np.random.default_rng(11)
    n, m = 60, 240
    a, b = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = a != b
    src, dst = (a[keep], b[keep]) if cyclic else (np.maximum(a, b)[keep], np.minimum(a, b)[keep])
    half = src.size // 2
    w = rng.uniform(0.2, 1.0, src.size) if weighted else np.ones(src.size)
    g = QBAF.from_arrays(
        [f"n{i}" for i in range(n)],
        rng.random(n),
        (src[:half], dst[:half]),
        (src[half:], dst[half:]),
        att_w=w[:half],
        sup_w=w[half:],
    )
    base = rng.random((200, n))
    many = gradual_strengths(g, name, base)
    assert many.converged
    for k in (0, 77, 199):
        one = gradual_strengths(g, name, base[k])
        np.testing.assert_allclose(many.strengths[k], one.strengths, atol=1e-9)
