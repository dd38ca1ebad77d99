"""Monte Carlo over parameter distributions, and sweeps over a parameter grid.

Both push many parameter settings through the engine at once: the compiled
framework turns ``S`` settings into an ``(S, N)`` matrix of base scores and an
``(S, E)`` matrix of edge weights (:meth:`~argmap.semantics.compile.Framework.
base_matrix`), the gradual semantics evaluates all rows in one vectorized pass, and
each claim's proof standard is checked row by row on its pro and con weights
(:func:`argmap.semantics.standards.meets_many`, with the per-sample edge weights).
Dung labels depend on parameter values through preference-based defeat
(:mod:`argmap.semantics.defeat`): each sample's defeats are computed in one
vectorized pass, the samples are grouped by their set of defeats (usually a handful
of distinct sets), and the Dung semantics run once per group. The labels decide, as
in :func:`argmap.semantics.evaluate.evaluate`, which supporters and attackers are
applicable.

Work is cut into seeded chunks (:mod:`argmap.scenario.distributed`), so a run is
reproducible from its seed and gives the same numbers on any executor. Ctrl-C stops
a run early: the chunks finished so far are kept and the result is flagged
``interrupted``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from argmap.errors import SolverError
from argmap.model import Case
from argmap.scenario.distributed import DEFAULT_CHUNK_SIZE, plan_chunks, run_chunks
from argmap.scenario.limits import check_samples
from argmap.scenario.results import ClaimSummary, MonteCarloResult, StrengthTally, SweepResult
from argmap.scenario.sampling import draw_parameters
from argmap.semantics.compile import Framework, framework_of
from argmap.semantics.defeat import defeat_mask
from argmap.semantics.dung.labelling import grounded_labels_batch
from argmap.semantics.evaluate import check_dung, dung_labels
from argmap.semantics.gradual import gradual_strengths
from argmap.semantics.gradual.models import canonical_name
from argmap.semantics.recursive import has_recursive_attacks, recursive_labels
from argmap.semantics.standards import standard_outcomes

__all__ = [
    "ClaimSummary",
    "MonteCarloResult",
    "SampleEvaluation",
    "SweepResult",
    "evaluate_rows",
    "evaluate_samples",
    "monte_carlo",
    "sample_labels",
    "sweep",
    "upstream",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Int8Array = npt.NDArray[np.int8]


class SampleEvaluation(NamedTuple):
    """What :func:`evaluate_samples` computed for ``rows`` draws and ``C`` claims."""

    strengths: FloatArray
    """``(rows, C)`` gradual strengths, NaN where undefined."""
    met: BoolArray
    """``(rows, C)`` whether the claim's proof standard is met (False without one)."""
    converged: bool
    """Whether the gradual engine converged on every row."""
    undefined: BoolArray
    """``(rows, C)`` draws where a value the claim depends on is missing."""
    labels: Int8Array
    """``(rows, C)`` the claims' Dung labels (1 in, -1 out, 0 undec) the draws'
    defeats gave them; meaningless where ``undefined``."""


# -- the vectorized core ------------------------------------------------------------------


def upstream(fw: Framework, node: int) -> tuple[BoolArray, BoolArray]:
    """Which nodes and which edges (attacks, then supports) can affect ``node``'s strength.

    A node's strength depends on its own base score and, through the edges into it, on
    everything that reaches it; nothing else. Used to tell, draw by draw, which claims
    an undefined score or weight leaves without a value.
    """
    att_src, att_dst = fw.att_src.tolist(), fw.att_dst.tolist()
    sup_src, sup_dst = fw.sup_src.tolist(), fw.sup_dst.tolist()
    into: dict[int, list[tuple[int, int]]] = {}
    for k, (src, dst) in enumerate(zip(att_src + sup_src, att_dst + sup_dst, strict=True)):
        into.setdefault(dst, []).append((src, k))
    nodes = np.zeros(fw.n, dtype=bool)
    edges = np.zeros(len(att_src) + len(sup_src), dtype=bool)
    nodes[node] = True
    stack = [node]
    while stack:
        for src, k in into.get(stack.pop(), ()):
            edges[k] = True
            if not nodes[src]:
                nodes[src] = True
                stack.append(src)
    return nodes, edges


def evaluate_samples(
    fw: Framework,
    draws: Mapping[str, npt.ArrayLike],
    rows: int,
    gradual: str,
    labels: npt.NDArray[np.int8] | str | None,
    claims: Sequence[str],
) -> SampleEvaluation:
    """Strengths ``(rows, C)``, standard verdicts ``(rows, C)``, whether the engine
    converged, which draws are undefined ``(rows, C)``, and the Dung labels
    ``(rows, C)`` for ``claims`` with parameters set to ``draws`` (one array of
    ``rows`` values per parameter).

    ``labels`` are fixed Dung labels (1 in, -1 out, 0 undec per node), or the name of
    a Dung semantics: then each sample is labelled on its own defeats (module
    docstring), or None: every node applicable (and reported in). The labels used
    are returned, so callers that count them need not label the draws again. The
    standards are read as :func:`argmap.semantics.standards.standard_outcomes` reads
    them, with each draw's edge weights and labels.

    A draw is undefined for a claim when a score or weight that can affect the claim
    has no value there (``sqrt`` of a negative, ``log`` of 0, an overflow): its
    strength is NaN and its standard not met, and callers leave it out of statistics.
    """
    base = np.broadcast_to(fw.base_matrix(draws), (rows, fw.n))
    # (1, E) when no edge weight uses a sampled parameter: broadcast, never copied
    weights = fw.edge_weight_matrix(draws)
    return evaluate_rows(fw, base, weights, gradual, labels, claims)


def evaluate_rows(
    fw: Framework,
    base: FloatArray,
    weights: FloatArray,
    gradual: str,
    labels: npt.NDArray[np.int8] | str | None,
    claims: Sequence[str],
) -> SampleEvaluation:
    """:func:`evaluate_samples` on base scores ``(rows, N)`` and edge weights
    ``(rows, E)`` or ``(1, E)`` (attacks then supports) given directly: each row is
    one state of the framework, however it was made (parameter draws, or items taken
    out of the case by :mod:`argmap.scenario.audit`)."""
    rows = base.shape[0]
    bad_base, bad_weights = np.isnan(base), np.isnan(weights)
    if bad_base.any():
        base = np.where(bad_base, 0.0, base)  # any number: these rows are discarded
    if bad_weights.any():
        weights = np.where(bad_weights, 0.0, weights)
    # the stand-ins reach the defeats and labels too; every claim a missing value can
    # reach (through supports and attacks) is marked undefined below
    if isinstance(labels, str):
        node_labels, lost = _labels_and_lost_edges(fw, labels, base, weights)
        if lost is not None:  # edges whose undercut is in weigh 0 in that draw
            weights = np.where(lost, 0.0, np.broadcast_to(weights, lost.shape))
    else:
        fixed = np.ones(fw.n, dtype=np.int8) if labels is None else np.asarray(labels)
        node_labels = np.broadcast_to(fixed.astype(np.int8), (rows, fw.n))
    result = gradual_strengths(fw, gradual, base, edge_weights=weights)
    s = np.broadcast_to(np.atleast_2d(result.strengths), (rows, fw.n))
    idx = np.array([fw.index[c] for c in claims], dtype=np.int64)
    strengths = np.array(s[:, idx], dtype=np.float64)
    verdicts = standard_outcomes(fw, s, node_labels, edge_weights=weights, claims=claims)
    met = np.zeros((rows, len(claims)), dtype=bool)
    undefined = np.zeros((rows, len(claims)), dtype=bool)
    for col, claim in enumerate(claims):
        if bad_base.any() or bad_weights.any():
            nodes, edges = upstream(fw, fw.index[claim])
            undefined[:, col] = bad_base[:, nodes].any(axis=1) | bad_weights[:, edges].any(axis=1)
        if claim in verdicts:
            met[:, col] = verdicts[claim]
    strengths[undefined] = np.nan
    met[undefined] = False
    claim_labels = np.array(node_labels[:, idx], dtype=np.int8)
    return SampleEvaluation(strengths, met, result.converged, undefined, claim_labels)


def _defeat_groups(
    fw: Framework, base: npt.ArrayLike, weights: npt.ArrayLike
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.intp]]:
    """The distinct sets of defeats among the samples, and which set each sample has.

    ``base`` is ``(S, N)``, ``weights`` the edge weights ``(S, E)`` or ``(1, E)``
    (attacks then supports)."""

    b = np.atleast_2d(np.asarray(base, dtype=np.float64))
    w = np.atleast_2d(np.asarray(weights, dtype=np.float64))
    n_att = fw.att_src.size
    mask = np.atleast_2d(
        defeat_mask(fw, base=b, att_weights=w[:, :n_att], sup_weights=w[:, n_att:])
    )
    mask = np.broadcast_to(mask, (b.shape[0], n_att))
    groups, inverse = np.unique(mask, axis=0, return_inverse=True)
    return groups, inverse.ravel()


def _labels_and_lost_edges(
    fw: Framework, semantics: str, base: npt.ArrayLike, weights: npt.ArrayLike
) -> tuple[npt.NDArray[np.int8], BoolArray | None]:
    """Dung labels ``(S, N)`` of every sample, and, when the case undercuts relations,
    which edges (attacks then supports) lost their force in each sample ``(S, E)``
    (:mod:`argmap.semantics.recursive`); None otherwise. One pass: the defeats are
    decided and each distinct set of them labelled once."""

    groups, inverse = _defeat_groups(fw, base, weights)
    samples = inverse.size
    out: npt.NDArray[np.int8] = np.empty((samples, fw.n), dtype=np.int8)
    if has_recursive_attacks(fw):
        lost = np.zeros((samples, fw.att_src.size + fw.sup_src.size), dtype=bool)
        for g, defeats in enumerate(groups):
            labels, lost_att, lost_sup = recursive_labels(fw, defeats, semantics)
            rows = inverse == g
            out[rows] = labels
            lost[rows] = np.concatenate([lost_att, lost_sup])
        return out, lost
    if check_dung(semantics) == "grounded":
        # every distinct set of defeats labelled in one batched pass (samples of a case
        # with continuous weights rarely share their defeats)
        src, dst, origin = fw.dung_edges()
        return grounded_labels_batch(fw.n, src, dst, groups[:, origin])[inverse], None
    for g, defeats in enumerate(groups):
        out[inverse == g] = dung_labels(fw.abstract(defeats), semantics)[0]
    return out, None


def sample_labels(
    fw: Framework, semantics: str, base: npt.ArrayLike, weights: npt.ArrayLike
) -> npt.NDArray[np.int8]:
    """Dung labels ``(S, N)`` of every sample under preference-based defeat.

    ``base`` is ``(S, N)``, ``weights`` the edge weights ``(S, E)`` or ``(1, E)``
    (attacks then supports). Samples with the same defeats share one labelling.
    """
    return _labels_and_lost_edges(fw, semantics, base, weights)[0]


@dataclass(frozen=True)
class _Job:
    """One chunk of work. It carries the compiled framework, which pickles to plain
    arrays and a few validated values: a worker neither re-validates nor recompiles
    the case."""

    framework: Framework
    labels: npt.NDArray[np.int8] | str | None
    claims: tuple[str, ...]
    gradual: str
    parameters: tuple[str, ...]
    size: int
    seed: np.random.SeedSequence | None = None
    grid: FloatArray | None = None


def _run_job(job: _Job) -> SampleEvaluation:
    fw = job.framework
    if job.grid is not None:
        draws: dict[str, npt.ArrayLike] = {job.parameters[0]: job.grid}
    else:
        rng = np.random.default_rng(job.seed)
        chosen = [p for p in fw.declared if p.id in job.parameters]
        draws = dict(draw_parameters(chosen, job.size, rng))
    return evaluate_samples(fw, draws, job.size, job.gradual, job.labels, job.claims)


def _prepare(
    fw: Framework, semantics: str, gradual: str, claims: Sequence[str] | None
) -> tuple[str, tuple[str, ...], str, str]:

    semantics = check_dung(semantics)
    gradual = canonical_name(gradual)
    labels = semantics  # each sample is labelled on its own defeats
    chosen = fw.claims if claims is None else tuple(claims)
    for claim in chosen:
        if claim not in fw.index:
            raise SolverError(f"unknown claim {claim!r}")
    return labels, chosen, semantics, gradual


def _stack(parts: list[SampleEvaluation], width: int) -> SampleEvaluation:
    if not parts:
        empty = np.zeros((0, width), dtype=bool)
        return SampleEvaluation(
            np.zeros((0, width)), empty, True, empty, np.zeros((0, width), dtype=np.int8)
        )
    return SampleEvaluation(
        np.concatenate([p.strengths for p in parts]),
        np.concatenate([p.met for p in parts]),
        all(p.converged for p in parts),
        np.concatenate([p.undefined for p in parts]),
        np.concatenate([p.labels for p in parts]),
    )


def _has_standard(fw: Framework, claims: Sequence[str]) -> BoolArray:
    return np.array([c in fw.standards for c in claims], dtype=bool)


def monte_carlo(
    case: Case | Framework,
    samples: int = 10_000,
    seed: int | None = None,
    *,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    parameters: Sequence[str] | None = None,
    claims: Sequence[str] | None = None,
    executor: Any = None,
    chunk_size: int | None = None,
    progress: bool | None = None,
    keep_samples: bool = True,
) -> MonteCarloResult:
    """Sample the parameters' distributions and evaluate the case on every sample.

    Draws are made and evaluated chunk by chunk and folded into per-claim totals
    (:class:`~argmap.scenario.results.StrengthTally`) as they arrive, so working
    memory is bounded by the chunk size and the claim count; only ``keep_samples``
    keeps every sample's values, which grows with ``samples``.

    Parameters
    ----------
    case : Case or Framework
        The (possibly scenario-modified) case, or what it was compiled to
        (:func:`~argmap.semantics.compile.compile_case`): a scenario run compiles each
        case state once, and the chunks carry the compiled form to the workers.
    samples : int
        How many parameter settings to draw.
    seed : int, optional
        Seed of the run; ``None`` draws fresh entropy, recorded in the result.
    semantics, gradual : str
        Dung semantics for applicability labels; gradual semantics for strengths.
    parameters : sequence of str, optional
        Parameters to vary (default: all with a distribution); others keep their value.
    claims : sequence of str, optional
        Claims to report (default: all).
    executor : Executor-like, optional
        Runs the chunks (a ProcessPoolExecutor, a dask.distributed Client ...);
        results are identical to the serial run for the same seed and chunk size.
    chunk_size : int, optional
        Samples per chunk (default :data:`~argmap.scenario.distributed.DEFAULT_CHUNK_SIZE`).
    progress : bool, optional
        Show a progress bar (default: only on a terminal or in a notebook).
    keep_samples : bool
        Keep the per-sample ``strengths``, ``met``, ``labels`` and ``undefined``
        arrays (for plots); without, memory stays bounded whatever ``samples`` is.
        Undefined draws are counted per claim (and left out of its statistics), and
        each claim's labels and verdicts are counted, either way.

    Examples
    --------
    >>> from argmap.io.casefile import load
    >>> result = monte_carlo(load("examples/ad_tool_dispute.yaml"), 2000, seed=1)
    >>> 0.0 <= result.summary("C_principled").p_standard <= 1.0  # doctest: +SKIP
    True
    """
    fw = framework_of(case)
    known = {p.id: p for p in fw.declared}
    if parameters is None:
        varied = tuple(p.id for p in fw.declared if p.distribution is not None)
    else:
        varied = tuple(parameters)
        for name in varied:
            if name not in known:
                raise SolverError(f"unknown parameter {name!r}")
            if known[name].distribution is None:
                raise SolverError(f"parameter {name!r} has no distribution to sample")
    try:
        check_samples(samples)
    except ValueError as exc:
        raise SolverError(f"samples: {exc}") from None
    if seed is None:
        seed = int(np.random.SeedSequence().entropy)  # type: ignore[arg-type]
    size = chunk_size or DEFAULT_CHUNK_SIZE
    labels, chosen, semantics, gradual = _prepare(fw, semantics, gradual, claims)
    plan = plan_chunks(samples, seed, size)
    jobs = [
        _Job(fw, labels, chosen, gradual, varied, n, seed=child)
        for n, child in zip(plan.sizes, plan.seeds, strict=True)
    ]
    has_standard = _has_standard(fw, chosen)
    tally = StrengthTally(len(chosen), has_standard=has_standard)
    kept: list[SampleEvaluation] = []
    converged = True

    def fold(part: SampleEvaluation) -> None:
        nonlocal converged
        tally.add(part.strengths, part.met, part.undefined, part.labels)
        converged = converged and part.converged
        if keep_samples:
            kept.append(part)

    _, interrupted = run_chunks(
        _run_job, jobs, executor, progress=progress, weights=plan.sizes, fold=fold
    )
    strengths, met, _, undefined, sampled_labels = _stack(kept, len(chosen))
    return MonteCarloResult(
        claims=chosen,
        tally=tally,
        strengths=strengths if keep_samples else None,
        met=met if keep_samples else None,
        has_standard=has_standard,
        requested=samples,
        seed=seed,
        gradual=gradual,
        semantics=semantics,
        parameters=varied,
        chunk_size=size,
        interrupted=interrupted,
        converged=converged,
        undefined=undefined if keep_samples else None,
        labels=sampled_labels if keep_samples else None,
    )


def sweep(
    case: Case | Framework,
    parameter: str,
    values: npt.ArrayLike,
    *,
    claims: Sequence[str] | None = None,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    executor: Any = None,
    chunk_size: int | None = None,
    progress: bool | None = None,
) -> SweepResult:
    """Evaluate the case (or its compiled framework) at each of ``values`` of one
    parameter (others fixed).

    >>> import numpy as np
    >>> from argmap.io.casefile import load
    >>> r = sweep(load("examples/ad_tool_dispute.yaml"), "w_press", np.linspace(0, 1, 5))
    >>> r.strengths.shape  # doctest: +SKIP
    (5, 2)
    """
    fw = framework_of(case)
    if parameter not in {p.id for p in fw.declared}:
        raise SolverError(f"unknown parameter {parameter!r}")
    grid = np.asarray(values, dtype=np.float64).ravel()
    if grid.size == 0 or not np.all(np.isfinite(grid)):
        raise SolverError("a sweep needs at least one finite value")
    labels, chosen, semantics, gradual = _prepare(fw, semantics, gradual, claims)
    size = chunk_size or DEFAULT_CHUNK_SIZE
    jobs = [
        _Job(fw, labels, chosen, gradual, (parameter,), len(part), grid=part)
        for part in (grid[i : i + size] for i in range(0, grid.size, size))
    ]
    parts, interrupted = run_chunks(
        _run_job,
        jobs,
        executor,
        progress=progress,
        weights=[j.size for j in jobs],
        description="points",
    )
    strengths, met, _, undefined, _ = _stack(parts, len(chosen))
    return SweepResult(
        parameter=parameter,
        values=grid,
        claims=chosen,
        strengths=strengths,
        met=met,
        has_standard=_has_standard(fw, chosen),
        gradual=gradual,
        semantics=semantics,
        interrupted=interrupted,
        undefined=undefined,
    )
