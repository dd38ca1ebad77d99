"""Running scenarios: apply, evaluate, and (optionally) Monte Carlo; then compare.

>>> from argmap.io.casefile import load
>>> from argmap.scenario import Scenario, compare
>>> case = load("examples/ad_tool_dispute.yaml")
>>> trust = Scenario(name="press trusted", question="What if the press is right?",
...                  interventions=[{"op": "set_parameter", "parameter": "w_press",
...                                  "value": 0.95}])
>>> comparison = compare(case, [trust])
>>> comparison.scenarios
('baseline', 'press trusted')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from argmap.errors import ScenarioError
from argmap.model import Case
from argmap.model.as_of import at_date, standing
from argmap.scenario.apply import apply_scenario
from argmap.scenario.comparison import BASELINE, Comparison, build_comparison
from argmap.scenario.model import Scenario
from argmap.scenario.uncertainty import MonteCarloResult, monte_carlo
from argmap.semantics.compile import Framework, compile_case
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Evaluation
from argmap.semantics.precedent import forced_outcomes

__all__ = ["ScenarioRun", "compare", "forced", "run"]


@dataclass(frozen=True, eq=False)
class ScenarioRun:
    """One scenario (or the baseline) applied and evaluated."""

    name: str
    question: str | None
    scenario: Scenario | None
    case: Case
    evaluation: Evaluation
    uncertainty: MonteCarloResult | None = None
    forced: tuple[str, ...] = ()
    framework: Framework | None = None
    """The case state compiled once (:func:`~argmap.semantics.compile.compile_case`),
    the input its evaluation and Monte Carlo were computed from."""
    """Outcomes the decided precedents force for the case's present factors (Horty's
    reason model, :func:`argmap.semantics.precedent.forced_outcomes`)."""


def run(
    case: Case,
    scenario: Scenario | None = None,
    *,
    semantics: str | None = None,
    gradual: str | None = None,
    samples: int | None = None,
    seed: int | None = None,
    executor: Any = None,
    chunk_size: int | None = None,
    progress: bool | None = None,
    keep_samples: bool = True,
    compiled: Framework | None = None,
    as_of: dt.date | None = None,
) -> ScenarioRun:
    """Apply ``scenario`` to ``case`` (``None``: the baseline) and evaluate it.

    Settings not given fall back to the scenario's own (``semantics``, ``gradual``,
    ``samples``, ``seed``), then to grounded / DF-QuAD / no Monte Carlo. With
    ``samples``, a Monte Carlo run over the parameter distributions is attached
    (with its per-sample values if ``keep_samples``). The result is read as of
    ``as_of``, else the scenario's ``as_of``, else the case's own
    (:func:`argmap.model.as_of.at_date`, applied after the interventions).

    The changed case is compiled once, and the evaluation and the Monte Carlo run
    both read that :class:`~argmap.semantics.compile.Framework`; ``compiled`` is
    the baseline's when the caller has it already (for ``scenario=None`` only).
    """
    if compiled is not None and scenario is not None:
        raise ValueError("compiled is the baseline's framework: give it without a scenario")
    semantics = semantics or (scenario.semantics if scenario else None) or "grounded"
    gradual = gradual or (scenario.gradual if scenario else None) or "dfquad"
    if samples is None and scenario is not None:
        samples = scenario.samples
    if seed is None and scenario is not None:
        seed = scenario.seed
    changed = apply_scenario(case, scenario) if scenario is not None else case
    changed = at_date(changed, as_of or (scenario.as_of if scenario is not None else None))
    framework = compiled if compiled is not None else compile_case(changed)
    evaluation = evaluate(framework, semantics, gradual)
    uncertainty = None
    if samples:
        uncertainty = monte_carlo(
            framework,
            samples,
            seed,
            semantics=semantics,
            gradual=gradual,
            executor=executor,
            chunk_size=chunk_size,
            progress=progress,
            keep_samples=keep_samples,
        )
    return ScenarioRun(
        forced=forced(changed),
        name=scenario.name if scenario is not None else BASELINE,
        question=scenario.question if scenario is not None else "the case as it stands",
        scenario=scenario,
        case=changed,
        evaluation=evaluation,
        uncertainty=uncertainty,
        framework=framework,
    )


def forced(case: Case) -> tuple[str, ...]:
    """The sides the case base forces for the factors present in ``case``, sorted."""

    favours = {f.id: f.favours for f in case.factors}
    theories = {f.id: f.theory for f in case.factors}
    present = {f.id for f in case.factors if f.present}
    in_force = [p for p in case.precedents if standing(p).in_force]
    sides = forced_outcomes(in_force, present, favours, theories)
    return tuple(sorted(side.value for side in sides))


def _agreed(scenarios: Sequence[Scenario], field: str, given: Any, default: Any) -> Any:
    if given is not None:
        return given
    asked = {getattr(s, field) for s in scenarios} - {None}
    if len(asked) > 1:
        raise ScenarioError(
            f"the scenarios ask for different {field} ({', '.join(sorted(map(str, asked)))}); "
            "choose one for the comparison"
        )
    return asked.pop() if asked else default


def compare(
    case: Case,
    scenarios: Sequence[Scenario],
    semantics: str | None = "grounded",
    gradual: str | None = "dfquad",
    *,
    samples: int | None = None,
    seed: int | None = None,
    executor: Any = None,
    chunk_size: int | None = None,
    progress: bool | None = None,
    keep_samples: bool = True,
    compiled: Framework | None = None,
    as_of: dt.date | None = None,
) -> Comparison:
    """Evaluate the baseline and every scenario, and compare them claim by claim.

    Every run uses the same settings, so the columns are comparable: ``None`` for
    ``semantics``, ``gradual``, ``samples`` or ``seed`` means "what the scenarios
    say" (an error if they disagree). With ``samples``, every run draws the same
    seeded samples (common random numbers), so differences between columns come
    from the interventions, not from sampling noise. ``keep_samples=False`` keeps
    only each run's per-claim totals, so memory stays bounded at any sample count
    (what the command line does); the default keeps every draw for plots. ``as_of``
    reads every run as of that date (else each scenario's own ``as_of``).
    ``compiled`` is the baseline's compiled framework when the caller has it, so
    each case state is compiled once (:func:`run`).

    Raises
    ------
    ScenarioError
        Two scenarios share a name, or ask for different settings.
    """
    names = [s.name for s in scenarios]
    for name in names:
        if name == BASELINE or names.count(name) > 1:
            raise ScenarioError(f"scenario name {name!r} is used twice (or is reserved)")
    semantics = _agreed(scenarios, "semantics", semantics, "grounded")
    gradual = _agreed(scenarios, "gradual", gradual, "dfquad")
    samples = _agreed(scenarios, "samples", samples, None)
    if samples is not None and seed is None:
        seed = _agreed(scenarios, "seed", seed, None)
        if seed is None:
            import numpy as np

            seed = int(np.random.SeedSequence().entropy)  # type: ignore[arg-type]
    settings: dict[str, Any] = {
        "semantics": semantics,
        "gradual": gradual,
        "samples": samples or 0,
        "seed": seed,
        "executor": executor,
        "chunk_size": chunk_size,
        "progress": progress,
        "keep_samples": keep_samples,
        "as_of": as_of,
    }
    runs = [run(case, None, compiled=compiled, **settings)]
    for scenario in scenarios:
        runs.append(run(case, scenario, **settings))
        if runs[-1].uncertainty is not None and runs[-1].uncertainty.interrupted:
            break
    return build_comparison(
        runs, runs[0].evaluation.semantics, runs[0].evaluation.gradual, samples=samples, seed=seed
    )
