"""Monte Carlo charts: how a claim's strength and verdict spread over the draws.

Each claim gets a row: on the left a histogram of its strength over the draws of
:func:`argmap.scenario.monte_carlo` (stacked by verdict for one run, one outline per
run when runs are compared), on the right the probability of each verdict, read from
the run's own summary (:meth:`~argmap.scenario.results.MonteCarloResult.summary`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from argmap.errors import SolverError
from argmap.model import Case
from argmap.palette import INK, SERIES, VERDICT_COLOURS, VERDICT_HATCHES
from argmap.plot.labels import claim_title, strength_label
from argmap.plot.style import PAGE_WIDTH, new_figure, plain, settings
from argmap.scenario.results import VERDICTS, MonteCarloResult
from argmap.scenario.uncertainty import monte_carlo
from argmap.vocabulary import Audience, check_audience

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["BINS", "distribution"]

BINS: list[float] = [k / 40 for k in range(41)]
"""The histogram's bin edges: 40 bins over [0, 1]."""


def distribution(
    case: Case,
    claims: str | Sequence[str],
    *,
    runs: MonteCarloResult | Mapping[str, MonteCarloResult] | None = None,
    samples: int = 2000,
    seed: int = 0,
    audience: Audience = "reader",
) -> Figure:
    """Strength histograms and verdict probabilities of ``claims`` over Monte Carlo draws.

    Parameters
    ----------
    case : Case
        The case (labels come from it).
    claims : str or sequence of str
        The claims to chart, one row each.
    runs : MonteCarloResult or mapping of name to MonteCarloResult, optional
        Runs already made with ``keep_samples=True`` (several: compared, e.g. the
        scenarios of a comparison). Default: one run of ``samples`` draws with ``seed``.
    samples, seed : int
        The run made when ``runs`` is not given.
    audience : {"reader", "analyst"}
        Claim text or ids in titles, plain axis words or semantics names.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    SolverError
        A run without kept samples, or a claim a run did not report.

    Examples
    --------
    >>> from argmap.io.casefile import load
    >>> case = load("examples/ad_tool_dispute.yaml")
    >>> figure = distribution(case, case.claims[0].id, samples=200, seed=1)
    >>> len(figure.axes)
    2
    """
    check_audience(audience)
    chosen = [claims] if isinstance(claims, str) else list(claims)
    if runs is None:
        runs = {"": monte_carlo(case, samples, seed, claims=chosen, progress=False)}
    elif isinstance(runs, MonteCarloResult):
        runs = {"": runs}
    for name, run in runs.items():
        if run.strengths is None or run.labels is None:
            raise SolverError(f"run {name or 'given'!r} kept no samples (keep_samples=True)")
        missing = [c for c in chosen if c not in run.claims]
        if missing:
            raise SolverError(f"run {name or 'given'!r} did not report {', '.join(missing)}")
    gradual = next(iter(runs.values())).gradual
    with settings():
        figure = new_figure(PAGE_WIDTH, 0.6 + (1.9 + 0.12 * len(runs)) * len(chosen))
        axes = figure.subplots(len(chosen), 2, squeeze=False, width_ratios=(3, 2))
        for (left, right), claim in zip(axes, chosen, strict=True):
            _histogram(left, claim, runs, audience, gradual)
            _verdicts(right, claim, runs)
            left.set_title(claim_title(case, claim, audience, width=70), loc="left")
        _legend(figure, runs)
    return figure


def _histogram(
    ax: object,
    claim: str,
    runs: Mapping[str, MonteCarloResult],
    audience: Audience,
    gradual: str,
) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel(strength_label(audience, gradual))
    ax.set_ylabel("share of draws")
    if len(runs) == 1:
        (run,) = runs.values()
        j = run.claims.index(claim)
        strength, codes, _ = _defined(run, j)
        weight = np.full(strength.size, 1.0 / max(strength.size, 1))
        stacks = [(strength[codes == k], weight[codes == k]) for k in range(len(VERDICTS))]
        _, _, containers = ax.hist(
            [s for s, _ in stacks],
            bins=BINS,
            weights=[w for _, w in stacks],
            stacked=True,
            color=[VERDICT_COLOURS[v.value] for v in VERDICTS],
            gid=f"hist:{claim}",
        )
        for verdict, container in zip(VERDICTS, containers, strict=True):  # type: ignore[arg-type]
            for patch in container:
                patch.set_hatch(VERDICT_HATCHES[verdict.value])
                patch.set_edgecolor(INK)
                patch.set_linewidth(0)
        return
    for k, (name, run) in enumerate(runs.items()):
        j = run.claims.index(claim)
        strength, _, _ = _defined(run, j)
        ax.hist(
            strength,
            bins=BINS,
            weights=np.full(strength.size, 1.0 / max(strength.size, 1)),
            histtype="step",
            linewidth=1.4,
            linestyle=("solid", "dashed", "dotted", "dashdot")[k % 4],
            color=SERIES[k % len(SERIES)],
            label=plain(name),
        )


def _defined(run: MonteCarloResult, j: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The claim's strengths and verdict codes on the draws where it is defined."""
    assert run.strengths is not None
    codes = run.verdicts()
    assert codes is not None
    ok = ~run.undefined[:, j] if run.undefined is not None else np.ones(len(codes), bool)
    return run.strengths[ok, j], codes[ok, j], ok


def _verdicts(ax: object, claim: str, runs: Mapping[str, MonteCarloResult]) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    names = list(runs)
    for i, name in enumerate(names):
        shares = runs[name].summary(claim).verdict_probabilities or {}
        left = 0.0
        for verdict in VERDICTS:
            share = shares.get(verdict, 0.0)
            if share > 0:
                ax.barh(
                    i,
                    share,
                    left=left,
                    height=0.6,
                    color=VERDICT_COLOURS[verdict.value],
                    hatch=VERDICT_HATCHES[verdict.value],
                    edgecolor=INK,
                    linewidth=0,
                    gid=f"verdict:{name}:{verdict.value}",
                )
                if share >= 0.12:
                    ax.text(
                        left + share / 2,
                        i,
                        f"{share:.0%}",
                        ha="center",
                        va="center",
                        fontsize=8,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
                    )
            left += share
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel("probability of each verdict")
    ax.set_yticks(range(len(names)), [plain(n) for n in names] if len(names) > 1 else [""])
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)


def _legend(figure: Figure, runs: Mapping[str, MonteCarloResult]) -> None:
    from matplotlib.patches import Patch

    handles = [
        Patch(
            facecolor=VERDICT_COLOURS[v.value],
            hatch=VERDICT_HATCHES[v.value],
            edgecolor=INK,
            linewidth=0,
        )
        for v in VERDICTS
    ]
    names = [v.value for v in VERDICTS]
    if len(runs) > 1:
        handles += figure.axes[0].get_legend_handles_labels()[0]  # type: ignore[arg-type]
        names += [plain(n) for n in runs]
    samples = next(iter(runs.values())).samples
    figure.legend(
        handles,
        names,
        loc="outside lower center",
        ncols=6 if len(runs) == 1 else 4,
        frameon=False,
        title=f"verdict ({samples} draws of the uncertain weights)",
    )
