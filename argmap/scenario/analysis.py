"""Thresholds, sensitivities and tornado rankings for one claim.

- :func:`threshold`: for which values of one parameter does a claim meet its proof
  standard? The standard's conditions (Gordon, Prakken and Walton 2007) become
  functions of the parameter whose sign changes mark the boundaries, e.g. for
  preponderance ``max(pro) - max(con)``. Their roots are found exactly: a sign change
  on a fine grid brackets each root, the closed form is reduced to the branch active
  there and solved with sympy's ``solveset`` over the bracket (``nsolve`` by
  bisection when no closed-form root exists). Each stretch between boundaries is then
  classified by the numeric engine, so the answer is the engine's own verdict with
  exact cut points: ``C1 meets preponderance iff w_licence < 0.4286``.
- :func:`sensitivities`: exact partial derivatives of a claim's strength at the
  current parameter values (the derivative of the branch active there).
- :func:`tornado`: each parameter moved alone from its 5 % to its 95 % quantile, the
  others held at their values; parameters ranked by the swing of the claim's strength.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from argmap.errors import SolverError
from argmap.model import Case, Parameter
from argmap.model.parameters import support
from argmap.scenario.sampling import quantile
from argmap.scenario.symbolic import (
    claim_weight_expressions,
    evaluate_at,
    lambdified,
    resolve_branches,
    strength_expression,
    symbol,
)
from argmap.scenario.uncertainty import evaluate_samples
from argmap.semantics.compile import Framework, compile_case
from argmap.semantics.defeat import defeat_mask
from argmap.semantics.evaluate import check_dung, dung_labels
from argmap.tables import Cell, text_table

__all__ = [
    "Threshold",
    "TornadoBar",
    "parameter_range",
    "sensitivities",
    "threshold",
    "tornado",
    "tornado_table",
]


@dataclass(frozen=True)
class Threshold:
    """Where, in ``[low, high]``, a claim meets its standard as one parameter varies.

    ``intervals`` are the stretches where it is met; ``boundaries`` the exact values
    where the verdict may change (roots of the standard's conditions).
    """

    claim: str
    parameter: str
    test: str
    low: float
    high: float
    boundaries: tuple[float, ...]
    intervals: tuple[tuple[float, float], ...]
    value: float
    met_now: bool

    def met_at(self, x: float) -> bool:
        """Whether the claim meets the test at parameter value ``x`` (inside a stretch)."""
        return any(a < x < b for a, b in self.intervals)

    def __str__(self) -> str:
        p, c, t = self.parameter, self.claim, self.test
        rng = f"{p} in [{self.low:g}, {self.high:g}]"
        if not self.intervals:
            return f"{c} does not meet {t} for any {rng}"
        if self.intervals == ((self.low, self.high),):
            return f"{c} meets {t} for every {rng}"
        parts = []
        for a, b in self.intervals:
            if a == self.low:
                parts.append(f"{p} < {b:.4g}")
            elif b == self.high:
                parts.append(f"{p} > {a:.4g}")
            else:
                parts.append(f"{a:.4g} < {p} < {b:.4g}")
        return f"{c} meets {t} iff {' or '.join(parts)} (for {rng})"


def parameter_range(parameter: Parameter) -> tuple[float, float]:
    """Where ``parameter`` can be: its distribution's support, else its whole domain."""
    if parameter.distribution is None:
        return parameter.bounds
    low, high = support(parameter.distribution)
    return float(low), float(high)


def _events(standard: Any, level: float | None, pro: list[Any], con: list[Any]) -> list[Any]:
    import sympy

    max_pro = sympy.Max(0, *pro) if pro else sympy.Integer(0)
    max_con = sympy.Max(0, *con) if con else sympy.Integer(0)
    name = standard.name.value
    if name == "scintilla":
        return [max_pro]
    if name == "preponderance":
        return [max_pro - max_con]
    if name == "dialectical_validity":
        return [max_pro, max_con]
    events = [max_pro - standard.alpha, max_pro - max_con - standard.beta]
    if name == "beyond_reasonable_doubt":
        events.append(standard.gamma - max_con)
    return events


_MAX_EXACT = 300
"""Largest expression (distinct subexpressions) handed to solveset / nsolve."""


def dag_size(expr: Any) -> int:
    """How many distinct subexpressions ``expr`` has (its size as a shared graph)."""
    seen: set[Any] = set()
    stack = [expr]
    while stack:
        e = stack.pop()
        if e in seen:
            continue
        seen.add(e)
        stack.extend(e.args)
    return len(seen)


def _root(event: Any, p: Any, a: float, b: float) -> float:
    """A root of ``event`` in ``[a, b]`` where it changes sign (exact when sympy can)."""
    import sympy

    f = lambdified(event, [p.name])
    resolved = resolve_branches(event, {p: (a + b) / 2})
    try:
        if dag_size(resolved) > _MAX_EXACT:
            raise NotImplementedError("too large to solve in closed form; bisect instead")
        found = sympy.solveset(resolved, p, sympy.Interval(a, b))
        if isinstance(found, sympy.FiniteSet):
            for r in sorted(float(x) for x in found if x.is_real):
                if abs(float(f(r))) < 1e-9:
                    return r
        root = float(sympy.nsolve(resolved, p, (a, b), solver="bisect"))
        if a <= root <= b and abs(float(f(root))) < 1e-9:
            return root
    except (ValueError, TypeError, NotImplementedError, ZeroDivisionError):
        pass
    # the branch changed inside the bracket: bisect the exact (continuous) function
    fa = float(f(a))
    for _ in range(200):
        m = (a + b) / 2
        fm = float(f(m))
        if fm == 0 or b - a < 1e-15:
            return m
        if (fm < 0) == (fa < 0):
            a, fa = m, fm
        else:
            b = m
    return (a + b) / 2  # pragma: no cover


def threshold(
    case: Case,
    claim: str,
    parameter: str,
    *,
    low: float | None = None,
    high: float | None = None,
    level: float | None = None,
    gradual: str = "dfquad",
    semantics: str = "grounded",
    grid: int = 2001,
) -> Threshold:
    """The values of ``parameter`` at which ``claim`` meets its proof standard.

    Parameters
    ----------
    case : Case
        An acyclic case (at least around the claim).
    claim, parameter : str
        The claim and the parameter to vary (the others keep their values).
    low, high : float, optional
        The range searched (default: the support of the parameter's distribution, or
        [0, 1]).
    level : float, optional
        Instead of the proof standard, solve for ``strength(claim) > level``.
    gradual, semantics : str
        Gradual semantics of the strengths; Dung semantics deciding applicability.
    grid : int
        Points of the grid that brackets the roots (finer finds closer pairs).

    Raises
    ------
    SolverError
        Unknown claim or parameter, no standard (and no ``level``), or a cycle.
    """

    params = {p.id: p for p in case.parameters}
    if parameter not in params:
        raise SolverError(f"unknown parameter {parameter!r}")
    fw = compile_case(case)
    if claim not in fw.index or fw.kinds[fw.index[claim]] != "claim":
        raise SolverError(f"unknown claim {claim!r}")
    standard = fw.standards.get(claim)
    if standard is None and level is None:
        raise SolverError(
            f"claim {claim!r} has no proof standard (it has no issue); give a strength level"
        )
    lo, hi = parameter_range(params[parameter])
    lo = lo if low is None else low
    hi = hi if high is None else high
    if not lo < hi:
        raise SolverError(f"empty range [{lo:g}, {hi:g}] for {parameter!r}")
    semantics = check_dung(semantics)
    p = symbol(parameter)
    xs = np.linspace(lo, hi, max(grid, 3))
    # preference flips cut the range into pieces of constant defeats (and labels)
    flips = preference_flips(fw, parameter, xs)
    pieces = [lo, *flips, hi]
    roots: list[float] = list(flips)
    if level is not None:
        events = [strength_expression(case, claim, [parameter], gradual=gradual) - level]
        test = f"strength > {level:g}"
        roots += _event_roots(events, p, parameter, xs)
    else:
        test = standard.name.value  # type: ignore[union-attr]
        # the strength must clear the threshold and every rival's strength
        own = strength_expression(case, claim, [parameter], gradual=gradual)
        limit = fw.thresholds[claim]
        strong = [] if limit is None else [own - limit]
        for rival in fw.rivals[claim]:
            strong.append(own - strength_expression(case, rival, [parameter], gradual=gradual))
        roots += _event_roots(strong, p, parameter, xs)
        for a, b in itertools.pairwise(pieces):
            mid = fw if a == b else compile_case(case, {parameter: (a + b) / 2})
            labels, _ = dung_labels(mid.abstract(defeat_mask(mid)), semantics)
            live = (np.asarray(labels) != -1).tolist()
            pro, con = claim_weight_expressions(
                case, claim, [parameter], gradual=gradual, live=live
            )
            inside = xs[(xs >= a) & (xs <= b)]
            grid_ab = np.unique(np.concatenate([[a, b], inside]))
            events = _events(standard, None, pro, con)
            roots += [r for r in _event_roots(events, p, parameter, grid_ab) if a <= r <= b]
    candidates = sorted({r for r in (round(x, 15) for x in roots) if lo < r < hi})
    cuts = [lo, *candidates, hi]
    mids = np.array([(a + b) / 2 for a, b in itertools.pairwise(cuts)])
    verdict = _verdicts(fw, parameter, mids, gradual, semantics, claim, level)
    # a boundary is where the verdict changes, not every root or preference flip
    bounds = [cuts[i + 1] for i in range(len(verdict) - 1) if verdict[i] != verdict[i + 1]]
    intervals: list[tuple[float, float]] = []
    for (a, b), ok in zip(itertools.pairwise(cuts), verdict, strict=True):
        if not ok:
            continue
        if intervals and intervals[-1][1] == a:
            intervals[-1] = (intervals[-1][0], b)
        else:
            intervals.append((a, b))
    value = params[parameter].value
    now = _verdicts(fw, parameter, np.array([value]), gradual, semantics, claim, level)[0]
    return Threshold(
        claim, parameter, test, lo, hi, tuple(bounds), tuple(intervals), value, bool(now)
    )


def _event_roots(events: Sequence[Any], p: Any, parameter: str, xs: np.ndarray) -> list[float]:
    """Roots of each event expression on the grid ``xs``: sign changes refined exactly,
    and grid points where it is zero."""
    roots: list[float] = []
    for event in events:
        if p not in event.free_symbols:
            continue
        ys = np.broadcast_to(np.asarray(lambdified(event, [parameter])(xs), dtype=float), xs.shape)
        for i in np.flatnonzero(np.sign(ys[:-1]) * np.sign(ys[1:]) < 0):
            roots.append(_root(event, p, float(xs[i]), float(xs[i + 1])))
        roots.extend(float(xs[i]) for i in np.flatnonzero(ys == 0))
    return roots


def preference_flips(fw: Any, parameter: str, xs: np.ndarray) -> list[float]:
    """Values of ``parameter`` in the range of ``xs`` where the set of defeats changes
    (an attack starts or stops succeeding, :mod:`argmap.semantics.defeat`): where two
    neighbouring grid points have different defeats, the change is bisected to the
    last bit of a float. Preference strengths are minima and maxima of the case's
    expressions, so between grid points they cross at most where the grid brackets it.
    """

    def defeats(values: np.ndarray) -> np.ndarray:
        draws = {parameter: values}
        base = np.broadcast_to(fw.base_matrix(draws), (values.size, fw.n))
        weights = np.broadcast_to(
            fw.edge_weight_matrix(draws), (values.size, fw.att_src.size + fw.sup_src.size)
        )
        n_att = fw.att_src.size
        mask = defeat_mask(fw, None, base, weights[:, :n_att], weights[:, n_att:])
        return np.broadcast_to(mask, (values.size, n_att))

    if fw.att_src.size == 0:
        return []
    on_grid = defeats(xs)
    flips: list[float] = []
    for i in np.flatnonzero(np.any(on_grid[1:] != on_grid[:-1], axis=1)):
        a, b = float(xs[i]), float(xs[i + 1])
        left = on_grid[i]
        for _ in range(64):
            mid = (a + b) / 2
            if mid in (a, b):
                break
            if np.array_equal(defeats(np.array([mid]))[0], left):
                a = mid
            else:
                b = mid
        flips.append(b)
    return flips


def _verdicts(
    fw: Any,
    parameter: str,
    xs: np.ndarray,
    gradual: str,
    labels: Any,
    claim: str,
    level: float | None,
) -> list[bool]:
    strengths, met, _, _, _ = evaluate_samples(
        fw, {parameter: xs}, xs.size, gradual, labels, [claim]
    )
    if level is not None:
        return [bool(s > level) for s in strengths[:, 0]]
    return [bool(m) for m in met[:, 0]]


def sensitivities(
    case: Case,
    claim: str,
    params: Sequence[str] | None = None,
    *,
    gradual: str = "dfquad",
) -> dict[str, float]:
    """Exact partial derivatives of the claim's strength at the current values.

    At a kink (a branch point of DF-QuAD or of a clipped expression) the derivative
    is that of the branch the current point lies on.
    """
    names = [p.id for p in case.parameters] if params is None else list(params)
    expr = strength_expression(case, claim, names, gradual=gradual)
    values = case.parameter_values
    import sympy

    point = {symbol(n): sympy.Float(values[n]) for n in names}
    smooth = resolve_branches(expr, point)
    return {n: evaluate_at(smooth.diff(symbol(n)), point) for n in names}


@dataclass(frozen=True)
class TornadoBar:
    """One parameter moved alone across its range, and what the claim did."""

    parameter: str
    low: float
    high: float
    strength_low: float
    strength_high: float
    met_low: bool | None
    met_high: bool | None

    @property
    def swing(self) -> float:
        """How far the strength moves across the range (absolute)."""
        return abs(self.strength_high - self.strength_low)


def tornado(
    case: Case,
    claim: str,
    params: Sequence[str] | None = None,
    *,
    ranges: Mapping[str, tuple[float, float]] | None = None,
    low: float = 0.05,
    high: float = 0.95,
    gradual: str = "dfquad",
    semantics: str = "grounded",
    compiled: Framework | None = None,
) -> list[TornadoBar]:
    """Parameters ranked by how much the claim's strength swings across their range.

    The range of a parameter is its ``[low, high]`` quantile range (5 %-95 % by
    default), or ``ranges[name]``; parameters without a distribution or range are
    left out. All ``2P`` settings are evaluated in one vectorized pass, so cycles
    are fine (the numeric engine iterates them). ``compiled`` is ``case`` compiled,
    when the caller has it (not compiled again).
    """

    by_id = {p.id: p for p in case.parameters}
    names = list(params) if params is not None else list(by_id)
    spans: dict[str, tuple[float, float]] = {}
    for name in names:
        if name not in by_id:
            raise SolverError(f"unknown parameter {name!r}")
        if ranges and name in ranges:
            spans[name] = (float(ranges[name][0]), float(ranges[name][1]))
        elif by_id[name].distribution is not None:
            d = by_id[name].distribution
            spans[name] = (quantile(d, low), quantile(d, high))  # type: ignore[arg-type]
        elif params is not None:
            raise SolverError(f"parameter {name!r} has no distribution; give its range")
    fw = compiled if compiled is not None else compile_case(case)
    if claim not in fw.index:
        raise SolverError(f"unknown claim {claim!r}")
    labels = check_dung(semantics)  # each setting is labelled on its own defeats
    order = list(spans)
    rows = 2 * len(order)
    draws = {n: np.full(rows, by_id[n].value) for n in order}
    for i, name in enumerate(order):
        draws[name][2 * i], draws[name][2 * i + 1] = spans[name]
    if not rows:
        return []
    strengths, met, _, undefined, _ = evaluate_samples(fw, draws, rows, gradual, labels, [claim])
    if undefined.any():
        # the ends of a bar are points argmap evaluates, and an expression without a
        # value where it is evaluated is an error (as in evaluate)
        row = int(np.flatnonzero(undefined[:, 0])[0])
        name = order[row // 2]
        raise SolverError(
            f"{claim} has no strength with {name} = {draws[name][row]:g} (an end of its "
            "tornado range): an expression it depends on is undefined there"
        )
    has = claim in fw.standards
    bars = [
        TornadoBar(
            name,
            spans[name][0],
            spans[name][1],
            float(strengths[2 * i, 0]),
            float(strengths[2 * i + 1, 0]),
            bool(met[2 * i, 0]) if has else None,
            bool(met[2 * i + 1, 0]) if has else None,
        )
        for i, name in enumerate(order)
    ]
    return sorted(bars, key=lambda b: -b.swing)


def tornado_table(bars: Sequence[TornadoBar]) -> str:
    """The ranking as a terminal table."""
    header = ["parameter", "range", "strength at low", "strength at high", "swing", "standard"]
    rows: list[list[Cell]] = []
    for b in bars:
        flip = "–"
        if b.met_low is not None:
            flip = "flips" if b.met_low != b.met_high else ("met" if b.met_low else "not met")
        rows.append(
            [
                b.parameter,
                f"{b.low:.3g} .. {b.high:.3g}",
                b.strength_low,
                b.strength_high,
                b.swing,
                flip,
            ]
        )
    return text_table(header, rows) + "\n"
