"""Scenario grids: factors of alternative interventions and parameter grids, expanded
into case variants by a named design, one task per variant.

A grid file (YAML or JSON)::

    name: open questions
    case: ../seeds/musk_v_microsoft.yaml    # optional when a factor names a scenario
    design: fractional       # over the factors: full (default) or fractional (res. IV)
    factors:
      - name: hiq
        scenario: 01_hiq_public_data.yaml   # levels: none, on
      - name: press
        levels:                             # levels: none, then these
          trusted: [{op: set_parameter, parameter: w_press, value: 0.95}]
          doubted: [{op: set_parameter, parameter: w_press, value: 0.2}]
    parameters:
      - {parameter: w_scraping_lawful, values: [0.3, 0.6, 0.9]}   # crossed in full
      - {parameter: w_press, low: 0.1, high: 0.9}                 # Latin hypercube
    points: 8                # Latin hypercube points over the low/high parameters
    samples: 1000            # Monte Carlo per variant (optional)
    seed: 0

Every factor has the level ``none`` first (no intervention). The variants are the
factor design (:mod:`argmap.scale.designs`) crossed with every combination of the
``values`` parameters and with the Latin hypercube rows of the ``low``/``high`` ones.
Variant ``i`` applies its levels' interventions in factor order, then sets its
parameter values, is evaluated once, and with ``samples`` runs Monte Carlo seeded
:func:`~argmap.scale.tasks.task_seed` ``(seed, i)``. Its rows (one per claim) give
the levels, the parameter values, the claim's label, strength, verdict and, with
samples, the probability of each verdict and of the standard being met. A variant
whose interventions cannot be applied together is one row with the error.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from argmap.errors import ArgmapError, CaseError, Problem
from argmap.io.casefile import format_for, load, load_model, read_bytes
from argmap.io.locations import line_for, load_with_lines
from argmap.model import Case
from argmap.model.values import STRICT, Id
from argmap.scale.designs import fractional_iv, full_factorial, latin_hypercube
from argmap.scale.tasks import task_seed
from argmap.scenario.apply import apply_scenario
from argmap.scenario.files import base_case_path, load_scenario
from argmap.scenario.limits import MAX_SAMPLES, MAX_SEED
from argmap.scenario.model import Intervention, Scenario
from argmap.scenario.uncertainty import monte_carlo
from argmap.semantics.evaluate import evaluate

__all__ = [
    "Factor",
    "Grid",
    "GridPlan",
    "Parameter",
    "Shared",
    "load_grid",
    "plan_grid",
    "run_variant",
]

NONE = "none"
VERDICTS = ("proved", "accepted", "unproven", "contested", "undecided", "defeated")
RESERVED: tuple[str, ...] = ("task", "variant", "claim", "label", "strength", "standard_met")
RESERVED += ("verdict", "samples", "p_standard", "mean_strength", "seconds", "error")
RESERVED += tuple(f"p_{v}" for v in VERDICTS)


class Factor(BaseModel):
    """A factor: a scenario file (levels none/on) or named levels of interventions."""

    model_config = STRICT

    name: Id
    scenario: str | None = Field(default=None, min_length=1, max_length=1000)
    levels: dict[Id, list[Intervention]] | None = Field(default=None, max_length=64)

    @model_validator(mode="after")
    def _one_source(self) -> Factor:
        if (self.scenario is None) == (self.levels is None):
            raise ValueError("a factor has either a scenario file or levels, not both")
        if self.levels is not None and (not self.levels or NONE in self.levels):
            raise ValueError(f"levels: give at least one level besides {NONE!r} (always first)")
        return self


class Parameter(BaseModel):
    """A parameter on a grid of ``values``, or over ``low``..``high`` (Latin hypercube)."""

    model_config = STRICT

    parameter: Id
    values: list[float] | None = Field(default=None, min_length=1, max_length=10_000)
    low: float | None = None
    high: float | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Parameter:
        ranged = self.low is not None and self.high is not None
        if (self.values is None) == (not ranged) or (self.low is None) != (self.high is None):
            raise ValueError("give either values, or low and high")
        if ranged and not self.low < self.high:  # type: ignore[operator]
            raise ValueError("low must be below high")
        return self


class Grid(BaseModel):
    """A grid file (module docstring)."""

    model_config = STRICT

    name: str = Field(min_length=1, max_length=200)
    case: str | None = Field(default=None, min_length=1, max_length=1000)
    design: Literal["full", "fractional"] = "full"
    factors: list[Factor] = Field(default_factory=list, max_length=64)
    parameters: list[Parameter] = Field(default_factory=list, max_length=64)
    points: int | None = Field(default=None, ge=1, le=1_000_000)
    samples: int | None = Field(default=None, ge=1, le=MAX_SAMPLES)
    seed: int = Field(default=0, ge=0, le=MAX_SEED)
    semantics: str = "grounded"
    gradual: str = "dfquad"

    @model_validator(mode="after")
    def _consistent(self) -> Grid:
        names = [f.name for f in self.factors] + [p.parameter for p in self.parameters]
        if len(set(names)) != len(names):
            raise ValueError("factor and parameter names must be distinct")
        taken = sorted(set(names) & set(RESERVED))
        if taken:
            raise ValueError(f"{taken[0]!r} names a column of the results: rename it")
        ranged = any(p.values is None for p in self.parameters)
        if ranged != (self.points is not None):
            raise ValueError("points is needed exactly when a parameter has low and high")
        if self.design == "fractional" and any(
            f.levels is not None and len(f.levels) != 1 for f in self.factors
        ):
            raise ValueError("a fractional design needs two-level factors (none and one level)")
        return self


@dataclass(frozen=True)
class Shared:
    """What every variant task needs (sent once to each worker)."""

    case_json: str
    factors: tuple[str, ...]
    levels: tuple[tuple[tuple[str, str], ...], ...]
    """Per factor, per level: (level name, the level's interventions as JSON)."""
    parameters: tuple[str, ...]
    samples: int | None
    semantics: str
    gradual: str


@dataclass(frozen=True)
class GridPlan:
    """A grid expanded: what to send, the variants, and the design's description."""

    grid: Grid
    shared: Shared
    factor_names: tuple[str, ...]
    items: list[tuple[int, tuple[int, tuple[int, ...], tuple[float, ...], int]]]
    generators: tuple[str, ...]
    inputs: tuple[str, ...]

    @property
    def columns(self) -> dict[str, str]:
        """The table's columns and Arrow types."""
        columns = {"task": "int64", "variant": "int64"}
        columns |= dict.fromkeys(self.factor_names, "string")
        columns |= dict.fromkeys(self.shared.parameters, "float64")
        columns |= {
            "claim": "string",
            "label": "string",
            "strength": "float64",
            "standard_met": "bool",
            "verdict": "string",
            "samples": "int64",
            "p_standard": "float64",
            "mean_strength": "float64",
        }
        columns |= {f"p_{v}": "float64" for v in VERDICTS}
        return columns | {"seconds": "float64", "error": "string"}

    def fingerprint(self) -> str:
        """Names the run for ``--resume``: what is sent and every variant."""
        payload = json.dumps([self.shared.__dict__, self.items], default=str)
        return hashlib.sha256(payload.encode()).hexdigest()


def load_grid(path: str | os.PathLike[str]) -> tuple[Grid, dict[str, int]]:
    """Read and check a grid file; every problem names file, line and field.
    Returns the grid and its lines (field path -> line), for later errors."""

    data, lines = load_with_lines(read_bytes(path), str(path), format_for(path))
    return load_model(Grid, data, str(path), lines), lines


def plan_grid(
    path: str | os.PathLike[str], *, samples: int | None = None, seed: int | None = None
) -> GridPlan:
    """Load the grid at ``path``, its case and scenarios, and expand its variants
    (``samples``/``seed`` override the file's)."""

    grid, lines = load_grid(path)
    folder = Path(path).parent
    inputs = [str(path)]
    levels: list[tuple[tuple[str, str], ...]] = []
    case_path = folder / grid.case if grid.case else None
    for factor in grid.factors:
        if factor.scenario is not None:
            scenario = load_scenario(folder / factor.scenario)
            inputs.append(str(folder / factor.scenario))
            case_path = case_path or base_case_path(scenario)
            options = {"on": scenario.interventions}
        else:
            options = dict(factor.levels or {})
        levels.append(((NONE, "[]"), *((name, _ops_json(ops)) for name, ops in options.items())))
    if case_path is None:
        raise ArgmapError(f"{path}: name a case, or a factor with a scenario file")
    inputs.append(str(case_path))
    case = load(case_path)
    known = {p.id for p in case.parameters}
    for i, parameter in enumerate(grid.parameters):
        if parameter.parameter not in known:
            field = f"parameters[{i}].parameter"
            message = f"unknown parameter {parameter.parameter!r}"
            raise CaseError(Problem(field, message, str(path), line_for(lines, field)))
    samples = grid.samples if samples is None else samples
    seed = grid.seed if seed is None else seed
    if grid.design == "fractional" and grid.factors:
        design, generators = fractional_iv(len(grid.factors))
    else:
        design, generators = full_factorial([len(lv) for lv in levels]), ()
    points = _parameter_points(grid, seed)
    names = tuple(p.parameter for p in grid.parameters)
    items = []
    for number, (row, values) in enumerate(itertools.product(design.tolist(), points)):
        items.append((number, (number, tuple(row), values, task_seed(seed, number))))
    shared = Shared(
        case.model_dump_json(by_alias=True),
        tuple(f.name for f in grid.factors),
        tuple(levels),
        names,
        samples,
        grid.semantics,
        grid.gradual,
    )
    return GridPlan(grid, shared, shared.factors, items, generators, tuple(inputs))


def _ops_json(ops: Sequence[Any]) -> str:
    return json.dumps([op.model_dump(mode="json", by_alias=True) for op in ops])


def _parameter_points(grid: Grid, seed: int) -> list[tuple[float, ...]]:
    """Each variant's parameter values: the ``values`` grids crossed with the Latin
    hypercube over the ``low``/``high`` ones (its own stream of the run's seed)."""
    gridded = [p.values for p in grid.parameters if p.values is not None]
    ranged = [p for p in grid.parameters if p.values is None]
    lhs = latin_hypercube(grid.points or 1, len(ranged), seed)
    rows = []
    for combo in itertools.product(*gridded):
        for u in lhs:
            it, lh = iter(combo), iter(u.tolist())
            row = []
            for p in grid.parameters:
                if p.values is not None:
                    row.append(float(next(it)))
                else:
                    assert p.low is not None and p.high is not None
                    row.append(p.low + (p.high - p.low) * next(lh))
            rows.append(tuple(row))
    return rows


_CASES: dict[str, Any] = {}


def _base_case(case_json: str) -> Any:
    # one worker runs many variants of one case: parse it once per process
    key = hashlib.sha256(case_json.encode()).hexdigest()
    if key not in _CASES:
        _CASES.clear()
        _CASES[key] = Case.model_validate_json(case_json)
    return _CASES[key]


def run_variant(
    shared: Shared, item: tuple[int, tuple[int, ...], tuple[float, ...], int]
) -> list[dict[str, Any]]:
    """The rows of one variant: one per claim, or one row with the error."""

    number, row, values, seed = item
    base: dict[str, Any] = {"task": number, "variant": number}
    ops: list[Any] = []
    for f, level in enumerate(row):
        name, text = shared.levels[f][level]
        base[shared.factors[f]] = name
        ops += json.loads(text)
    ops += [
        {"op": "set_parameter", "parameter": p, "value": v}
        for p, v in zip(shared.parameters, values, strict=True)
    ]
    base |= dict(zip(shared.parameters, values, strict=True))
    start = time.perf_counter()
    try:
        scenario = Scenario(name=f"variant {number}", question="a grid variant", interventions=ops)
        case = apply_scenario(_base_case(shared.case_json), scenario)
        evaluation = evaluate(case, shared.semantics, shared.gradual)
        uncertainty = None
        if shared.samples:
            uncertainty = monte_carlo(
                case,
                shared.samples,
                seed,
                semantics=shared.semantics,
                gradual=shared.gradual,
                progress=False,
                keep_samples=False,
            )
            if uncertainty.interrupted:  # Ctrl-C inside the run: the variant is unfinished
                raise KeyboardInterrupt
    except Exception as exc:  # one variant's failure is its row, never the run's end
        if isinstance(exc, CaseError):
            message = "; ".join(str(p) for p in exc.problems)
        elif isinstance(exc, ArgmapError):
            message = str(exc)
        else:
            message = f"{type(exc).__name__}: {exc}"
        return [base | {"error": " ".join(message.split()), "seconds": time.perf_counter() - start}]
    seconds = time.perf_counter() - start
    rows = []
    for result in evaluation.claims():
        out = base | {
            "claim": result.id,
            "label": str(result.label),
            "strength": result.strength,
            "standard_met": result.standard_met,
            "verdict": str(result.verdict),
            "seconds": seconds,
        }
        if uncertainty is not None:
            summary = uncertainty.summary(result.id)
            out |= {
                "samples": uncertainty.samples,
                "p_standard": summary.p_standard,
                "mean_strength": summary.mean,
            }
            out |= {f"p_{v}": getattr(summary, f"p_{v}") for v in VERDICTS}
        rows.append(out)
    return rows or [base | {"seconds": seconds}]
