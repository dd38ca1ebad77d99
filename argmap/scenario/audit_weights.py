"""The weights side of an audit: which parameter values flip a claim's verdict, whether
any weight in its allowed range can, and how often Monte Carlo draws keep it.

The thresholds reuse the exact ones of :func:`~argmap.scenario.analysis.threshold`
(the proof standard's boundaries) and the preference flips of
:func:`~argmap.scenario.analysis.preference_flips`, with the verdict classified on
each stretch between them by the numeric engine; on a cyclic graph, where closed forms
do not exist, the standard's changes are bisected from a grid.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from argmap.errors import SolverError
from argmap.model import Case, parse_expression
from argmap.scenario.analysis import parameter_range, preference_flips, threshold
from argmap.scenario.results import VERDICTS, verdict_codes
from argmap.scenario.uncertainty import evaluate_samples, monte_carlo, upstream
from argmap.semantics.compile import Framework, claim_standards
from argmap.semantics.evaluation import Verdict

__all__ = [
    "WeightThreshold",
    "claim_parameters",
    "corners_keep",
    "verdict_stability",
    "weight_thresholds",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class WeightThreshold:
    """How a claim's verdict moves as one parameter runs over its range.

    ``pieces`` are ``(low, high, verdict)`` stretches in order; a flip is a boundary
    between two stretches of different verdicts.
    """

    parameter: str
    value: float
    low: float
    high: float
    pieces: tuple[tuple[float, float, Verdict], ...]

    @property
    def flips(self) -> tuple[float, ...]:
        """The parameter values where the verdict changes."""
        return tuple(b for (_, b, v), (_, _, w) in itertools.pairwise(self.pieces) if v is not w)

    def __str__(self) -> str:
        """``w: proved for w < 0.4286, unproven for w > 0.4286 (now 0.35, range [0, 1])``."""
        parts = []
        for a, b, v in self.pieces:
            if a == self.low and b == self.high:
                parts.append(f"{v.value} over the whole range")
            elif a == self.low:
                parts.append(f"{v.value} for {self.parameter} < {b:.4g}")
            elif b == self.high:
                parts.append(f"{v.value} for {self.parameter} > {a:.4g}")
            else:
                parts.append(f"{v.value} for {a:.4g} < {self.parameter} < {b:.4g}")
        merged = ", ".join(parts)
        return (
            f"{self.parameter}: {merged} (now {self.value:g}, range [{self.low:g}, {self.high:g}])"
        )


def claim_parameters(fw: Framework, node: int) -> list[str]:
    """The parameters any score or weight upstream of ``node`` uses."""
    nodes, edges = upstream(fw, node)
    names: set[str] = set()
    exprs = [fw.base_expressions[i] for i in np.flatnonzero(nodes)]
    exprs += [fw.edge_expressions[k] for k in np.flatnonzero(edges)]
    for expr in exprs:
        if isinstance(expr, str):
            names |= parse_expression(expr).names
    return sorted(names)


def weight_thresholds(
    case: Case,
    fw: Framework,
    claim: str,
    parameters: Sequence[str],
    semantics: str,
    gradual: str,
    notes: list[str],
) -> list[WeightThreshold]:
    """The verdict of ``claim`` on each stretch of each parameter's range (module
    docstring); a parameter whose exact thresholds cannot be had adds a note.

    Examples
    --------
    >>> from argmap.model import Case
    >>> from argmap.semantics.compile import compile_case
    >>> case = Case.model_validate({"title": "t",
    ...     "parameters": [{"id": "w", "value": 0.7}],
    ...     "issues": [{"id": "I", "question": "q"}],
    ...     "claims": [{"id": "C", "text": "c", "issue": "I", "base_score": "w"}]})
    >>> (found,) = weight_thresholds(case, compile_case(case), "C", ["w"], "grounded",
    ...                              "dfquad", [])
    >>> print(found)
    w: unproven for w < 0.5, proved for w > 0.5 (now 0.7, range [0, 1])
    """
    found: list[WeightThreshold] = []
    known = {p.id: p for p in case.parameters}
    standards = claim_standards(case)
    has_standard = np.array([claim in standards])
    for name in parameters:
        lo, hi = parameter_range(known[name])
        xs = np.linspace(lo, hi, 401)
        cuts = set(preference_flips(fw, name, xs))
        if claim in standards:
            try:
                cuts |= set(
                    threshold(case, claim, name, semantics=semantics, gradual=gradual).boundaries
                )
            except SolverError as exc:
                notes.append(f"{name}: no exact thresholds ({exc}); verdicts on a grid")
                cuts |= set(_grid_changes(case, fw, claim, name, xs, semantics, gradual))
        points = [lo, *sorted(c for c in cuts if lo < c < hi), hi]
        mids = np.array([(a + b) / 2 for a, b in itertools.pairwise(points)])
        result = evaluate_samples(fw, {name: mids}, mids.size, gradual, semantics, [claim])
        codes = verdict_codes(result.labels, result.met, has_standard)[:, 0]
        pieces: list[tuple[float, float, Verdict]] = []
        for (a, b), code in zip(itertools.pairwise(points), codes.tolist(), strict=True):
            verdict = VERDICTS[code]
            if pieces and pieces[-1][2] is verdict:
                pieces[-1] = (pieces[-1][0], b, verdict)
            else:
                pieces.append((a, b, verdict))
        found.append(WeightThreshold(name, known[name].value, lo, hi, tuple(pieces)))
    return found


def _grid_changes(
    case: Case,
    fw: Framework,
    claim: str,
    name: str,
    xs: FloatArray,
    semantics: str,
    gradual: str,
) -> list[float]:
    """Where the claim's standard changes along ``xs``, bisected to float precision."""

    def met(values: FloatArray) -> BoolArray:
        r = evaluate_samples(fw, {name: values}, values.size, gradual, semantics, [claim])
        out: BoolArray = r.met[:, 0]
        return out

    on_grid = met(xs)
    changes = []
    for i in np.flatnonzero(on_grid[1:] != on_grid[:-1]).tolist():
        a, b = float(xs[i]), float(xs[i + 1])
        left = bool(on_grid[i])
        for _ in range(60):
            m = (a + b) / 2
            if m in (a, b):
                break
            a, b = (m, b) if bool(met(np.array([m]))[0]) == left else (a, m)
        changes.append(b)
    return changes


def corners_keep(
    case: Case,
    fw: Framework,
    claim: str,
    parameters: Sequence[str],
    semantics: str,
    gradual: str,
    verdict: int,
    limit: int = 12,
) -> bool:
    """Whether every corner of the box of ``parameters`` keeps the verdict (the first
    ``limit`` parameters' corners, the others at their values)."""
    known = {p.id: p for p in case.parameters}
    names = list(parameters)[:limit]
    if not names:
        return True
    corners = np.array(list(itertools.product((0, 1), repeat=len(names))), dtype=np.float64)
    draws = {}
    for j, name in enumerate(names):
        lo, hi = parameter_range(known[name])
        draws[name] = lo + corners[:, j] * (hi - lo)
    result = evaluate_samples(fw, draws, corners.shape[0], gradual, semantics, [claim])
    codes = verdict_codes(result.labels, result.met, np.array([claim in claim_standards(case)]))
    return bool(np.all(codes[:, 0] == verdict))


def verdict_stability(
    case: Case,
    claims: Sequence[str],
    codes: npt.NDArray[np.int8],
    samples: int,
    seed: int | None,
    semantics: str,
    gradual: str,
    executor: Any = None,
) -> dict[str, float | None]:
    """Share of Monte Carlo draws keeping each claim's verdict; the draws run on
    ``executor`` when one is given (:mod:`argmap.scale.executor`: the same numbers on
    any executor)."""
    if samples <= 0 or not any(p.distribution is not None for p in case.parameters):
        return {}
    result = monte_carlo(
        case,
        samples,
        seed,
        semantics=semantics,
        gradual=gradual,
        claims=list(claims),
        progress=False,
        keep_samples=False,
        executor=executor,
    )
    out: dict[str, float | None] = {}
    for col, claim in enumerate(claims):
        shares = result.summary(claim).verdict_probabilities
        out[claim] = None if shares is None else float(shares.get(VERDICTS[int(codes[col])], 0.0))
    return out
