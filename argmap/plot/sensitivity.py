"""The tornado chart: which parameter moves a claim's strength most.

The bars are :func:`argmap.scenario.analysis.tornado`'s, drawn as they are: each
parameter moved alone across its range (5 %-95 % of its distribution), the others
held at their values, ranked by swing. A bar spans the two strengths; its end at the
parameter's high value carries a dot, so the direction reads without colour. A bar
whose range makes the claim's proof standard flip is drawn in vermillion and hatched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.model import Case
from argmap.palette import BLUE, INK, VERMILLION
from argmap.plot.labels import claim_title, parameter_name, strength_label
from argmap.plot.style import PAGE_WIDTH, new_figure, settings
from argmap.scenario.analysis import TornadoBar
from argmap.scenario.analysis import tornado as tornado_bars
from argmap.semantics.evaluate import evaluate
from argmap.vocabulary import Audience, check_audience

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure

    from argmap.semantics.compile import Framework

__all__ = ["tornado"]


def tornado(
    case: Case,
    claims: str | Sequence[str],
    *,
    params: Sequence[str] | None = None,
    bars: Mapping[str, Sequence[TornadoBar]] | None = None,
    audience: Audience = "reader",
    gradual: str = "dfquad",
    semantics: str = "grounded",
    top: int | None = None,
    compiled: Framework | None = None,
) -> Figure:
    """A tornado chart per claim (stacked), from :func:`argmap.scenario.tornado`.

    Parameters
    ----------
    case : Case
        The case (or a scenario's case).
    claims : str or sequence of str
        The claim(s) to chart, one panel each.
    params : sequence of str, optional
        Parameters to move (default: every one with a distribution).
    bars : mapping of claim to bars, optional
        Rankings already computed (by :func:`argmap.scenario.tornado`); drawn as given.
    audience : {"reader", "analyst"}
        Plain words (claim text, parameter descriptions) or ids and semantics names.
    gradual, semantics : str
        The semantics of the strengths and of the labels.
    top : int, optional
        Draw only the ``top`` largest swings of each claim. Parameters that leave the
        strength unchanged are counted under the axis, not drawn.
    compiled : Framework, optional
        ``case`` compiled, when the caller has it (not compiled again).

    Returns
    -------
    matplotlib.figure.Figure
        The chart; save it byte-reproducibly with :func:`argmap.plot.save`.

    Examples
    --------
    >>> from argmap.io.casefile import load
    >>> case = load("examples/ad_tool_dispute.yaml")
    >>> figure = tornado(case, case.claims[0].id)
    >>> len(figure.axes)
    1
    """
    check_audience(audience)
    chosen = [claims] if isinstance(claims, str) else list(claims)
    ranked = {
        c: list(bars[c])
        if bars is not None and c in bars
        else tornado_bars(case, c, params, gradual=gradual, semantics=semantics, compiled=compiled)
        for c in chosen
    }
    if top is not None:
        ranked = {c: b[:top] for c, b in ranked.items()}
    now = evaluate(compiled if compiled is not None else case, semantics, gradual)
    moving = {c: [b for b in ranked[c] if b.swing > 0] for c in chosen}
    heights = [1.2 + 0.5 * max(len(b), 1) for b in moving.values()]
    with settings():
        figure = new_figure(PAGE_WIDTH, sum(heights) + 0.6)
        axes = figure.subplots(len(chosen), 1, squeeze=False, height_ratios=heights)[:, 0]
        flipped = any(
            b.met_low is not None and b.met_low != b.met_high for c in chosen for b in moving[c]
        )
        for ax, claim in zip(axes, chosen, strict=True):
            still = len(ranked[claim]) - len(moving[claim])
            _panel(ax, case, claim, moving[claim], still, now[claim].strength, audience, gradual)
        _legend(figure, flipped)
    return figure


def _legend(figure: Figure, flipped: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = [Patch(color=BLUE)]
    names = ["strength across the parameter's range"]
    if flipped:
        handles.append(Patch(facecolor=VERMILLION, hatch="//", edgecolor=INK))
        names.append("the standard of proof flips in the range")
    handles += [
        Line2D([], [], marker="o", color=INK, linestyle="none", markersize=4),
        Line2D([], [], color=INK, linewidth=1.0),
    ]
    names += ["at the range's high end", "strength now"]
    figure.legend(handles, names, loc="outside lower center", ncols=2, frameon=False)


def _panel(
    ax: object,
    case: Case,
    claim: str,
    bars: Sequence[TornadoBar],
    still: int,
    centre: float,
    audience: Audience,
    gradual: str,
) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    ax.set_title(claim_title(case, claim, audience, width=52), loc="left")
    ax.set_xlim(0.0, 1.0)
    label = strength_label(audience, gradual)
    if still:
        many = still > 1
        label += f"\n({still} more parameter{'s' if many else ''} "
        label += f"leave{'' if many else 's'} it unchanged)"
    ax.set_xlabel(label)
    if not bars:
        ax.text(0.5, 0.5, "no parameter with a range reaches this claim", ha="center")
        ax.set_yticks([])
        return
    labels = []
    for i, bar in enumerate(reversed(bars)):
        lo, hi = sorted((bar.strength_low, bar.strength_high))
        flips = bar.met_low is not None and bar.met_low != bar.met_high
        ax.barh(
            i,
            hi - lo,
            left=lo,
            height=0.6,
            color=VERMILLION if flips else BLUE,
            hatch="//" if flips else None,
            edgecolor=INK if flips else BLUE,
            linewidth=0.6,
            gid=f"bar:{bar.parameter}",
        )
        ax.plot([bar.strength_high], [i], "o", color=INK, markersize=4)
        name = parameter_name(case, bar.parameter, audience, width=44)
        labels.append(f"{name} ({bar.low:.2f} to {bar.high:.2f})")
    ax.axvline(centre, color=INK, linewidth=1.0)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.grid(axis="y", visible=False)
