"""Line charts: claims' strength across one parameter's range, and across the dates of
a case.

:func:`sweep` draws :func:`argmap.scenario.sweep`'s strengths, solid where the claim
meets its proof standard and dashed where it does not, with the parameter's value in
the case marked. :func:`timeline_strength` draws
:func:`argmap.scenario.timeline.strength_timeline`'s strengths as steps (a reading
holds until the next date), with the verdict written where it changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from argmap.model import Case
from argmap.palette import INK, SERIES
from argmap.plot.labels import claim_name, parameter_name, strength_label
from argmap.plot.style import PAGE_WIDTH, new_figure, plain, settings
from argmap.scenario.results import SweepResult
from argmap.scenario.timeline import Timeline, strength_timeline
from argmap.scenario.uncertainty import sweep as sweep_claims
from argmap.vocabulary import Audience, check_audience

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["sweep", "timeline_strength"]

_STYLES = ("o", "s", "^", "D", "v", "P", "X", "*")
"""A marker per line, so lines read apart without colour."""


def sweep(
    case: Case,
    parameter: str,
    claims: str | Sequence[str],
    *,
    values: npt.ArrayLike | None = None,
    result: SweepResult | None = None,
    audience: Audience = "reader",
    semantics: str = "grounded",
    gradual: str = "dfquad",
) -> Figure:
    """The strength of ``claims`` as ``parameter`` runs across its range.

    Parameters
    ----------
    case : Case
    parameter : str
        The parameter varied (the others keep their values).
    claims : str or sequence of str
        One line each.
    values : array-like, optional
        The grid (default: 101 points over the parameter's bounds).
    result : SweepResult, optional
        A sweep already made (:func:`argmap.scenario.sweep`); drawn as given.
    audience : {"reader", "analyst"}
    semantics, gradual : str

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from argmap.io.casefile import load
    >>> case = load("examples/ad_tool_dispute.yaml")
    >>> figure = sweep(case, case.parameters[0].id, case.claims[0].id)
    >>> len(figure.axes[0].lines) >= 2
    True
    """
    check_audience(audience)
    chosen = [claims] if isinstance(claims, str) else list(claims)
    param = next((p for p in case.parameters if p.id == parameter), None)
    if result is None:
        if values is None and param is not None:
            values = np.linspace(*param.bounds, 101)
        result = sweep_claims(
            case,
            parameter,
            values if values is not None else [0.0],
            claims=chosen,
            semantics=semantics,
            gradual=gradual,
            progress=False,
        )
    with settings():
        figure = new_figure(PAGE_WIDTH, 3.4 + 0.25 * len(chosen))
        ax = figure.subplots()
        for k, claim in enumerate(chosen):
            j = result.claims.index(claim)
            strength = result.strengths[:, j]
            met = result.met[:, j] if result.has_standard[j] else np.ones(strength.size, bool)
            colour = SERIES[k % len(SERIES)]
            ax.plot(
                result.values,
                np.where(met, strength, np.nan),
                color=colour,
                linewidth=1.8,
                gid=f"met:{claim}",
            )
            ax.plot(
                result.values,
                np.where(met, np.nan, strength),
                color=colour,
                linewidth=1.8,
                linestyle="dashed",
                gid=f"unmet:{claim}",
            )
            ax.plot(
                result.values[:: max(result.values.size // 10, 1)],
                strength[:: max(result.values.size // 10, 1)],
                _STYLES[k % len(_STYLES)],
                color=colour,
                markersize=4,
            )
        if param is not None:
            ax.axvline(param.value, color=INK, linewidth=0.8, linestyle="dotted")
            ax.annotate(
                f"value in the case: {param.value:g}",
                (param.value, 1.0),
                xycoords=("data", "axes fraction"),
                fontsize=8,
                ha="center",
                va="bottom",
            )
        ax.set_ylim(0.0, 1.0)
        ax.set_xlabel(parameter_name(case, parameter, audience, width=90))
        ax.set_ylabel(strength_label(audience, gradual).replace(" (0", "\n(0"))
        from matplotlib.lines import Line2D

        handles = [
            Line2D([], [], color=SERIES[k % len(SERIES)], marker=_STYLES[k % len(_STYLES)])
            for k in range(len(chosen))
        ]
        names = [claim_name(case, c, audience, width=60) for c in chosen]
        figure.legend(
            handles,
            names,
            loc="outside lower center",
            ncols=1 if audience == "reader" else 4,
            frameon=False,
            title="solid: meets its standard of proof; dashed: does not",
        )
    return figure


def timeline_strength(
    case: Case,
    claims: str | Sequence[str],
    *,
    timeline: Timeline | None = None,
    audience: Audience = "reader",
    semantics: str = "grounded",
    gradual: str = "dfquad",
) -> Figure:
    """The strength of ``claims`` as the case stood on each of its dates.

    Parameters
    ----------
    case : Case
    claims : str or sequence of str
        One line each.
    timeline : Timeline, optional
        A timeline already computed (:func:`argmap.scenario.timeline.strength_timeline`).
    audience : {"reader", "analyst"}
    semantics, gradual : str

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from argmap.io.casefile import load
    >>> case = load("examples/ad_tool_dispute.yaml")
    >>> figure = timeline_strength(case, case.claims[0].id)
    >>> len(figure.axes)
    1
    """
    check_audience(audience)
    chosen = [claims] if isinstance(claims, str) else list(claims)
    if timeline is None:
        timeline = strength_timeline(case, claims=chosen, semantics=semantics, gradual=gradual)
    changes = {(r.date, r.claim) for r in timeline.changes()}
    with settings():
        figure = new_figure(PAGE_WIDTH, 3.4 + 0.25 * len(chosen))
        ax = figure.subplots()
        for k, claim in enumerate(chosen):
            rows = [r for r in timeline.rows if r.claim == claim]
            dates = [r.date for r in rows]
            strength = [r.strength for r in rows]
            colour = SERIES[k % len(SERIES)]
            ax.step(
                [_num(d) for d in dates],
                strength,
                where="post",
                color=colour,
                linewidth=1.6,
                marker=_STYLES[k % len(_STYLES)],
                markersize=4,
                gid=f"timeline:{claim}",
                label=claim_name(case, claim, audience, width=60),
            )
            for r in rows:
                if (r.date, r.claim) in changes:
                    ax.annotate(
                        plain(r.verdict),
                        (_num(r.date), r.strength),
                        textcoords="offset points",
                        xytext=(3, 5),
                        fontsize=8,
                        color=colour,
                    )
        ax.xaxis_date()  # the steps are drawn on date numbers: read them as dates
        ax.set_ylim(0.0, 1.05)
        ax.set_xlabel("date (the case as known on that day)")
        ax.set_ylabel(strength_label(audience, gradual).replace(" (0", "\n(0"))
        figure.autofmt_xdate() if len(timeline.rows) > 8 else None
        handles, names = ax.get_legend_handles_labels()
        figure.legend(
            handles,
            names,
            loc="outside lower center",
            ncols=1 if audience == "reader" else 4,
            frameon=False,
            title="verdict written where it changes",
        )
    return figure


def _num(day: dt.date) -> float:
    from matplotlib.dates import date2num

    return float(date2num(day))  # type: ignore[no-untyped-call]
