"""The scenario engine: what-if interventions, comparisons, uncertainty, closed forms.

- :class:`Scenario` and :func:`load_scenario`: a named list of interventions over a
  base case (``scenarios/*.yaml``), checked like a case file;
- :func:`apply_scenario`: the changed case (the base is untouched);
- :func:`run` and :func:`compare`: evaluate scenarios and compare them with the
  baseline claim by claim (:class:`~argmap.scenario.comparison.Comparison`);
- :func:`monte_carlo` and :func:`sweep`: many parameter settings at once, seeded,
  chunked for any ``concurrent.futures``-style executor;
- :func:`strength_expression`, :func:`threshold`, :func:`sensitivities`,
  :func:`tornado`: closed-form strengths on acyclic graphs, the parameter values at
  which a claim meets its standard, exact derivatives, and a ranking by swing.

Names are imported on first use, so ``import argmap.scenario`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "Scenario": "argmap.scenario.model",
    "Intervention": "argmap.scenario.model",
    "apply_scenario": "argmap.scenario.apply",
    "load_scenario": "argmap.scenario.files",
    "load_scenarios": "argmap.scenario.files",
    "save_scenario": "argmap.scenario.files",
    "ScenarioRun": "argmap.scenario.runner",
    "run": "argmap.scenario.runner",
    "compare": "argmap.scenario.runner",
    "Comparison": "argmap.scenario.comparison",
    "monte_carlo": "argmap.scenario.uncertainty",
    "sweep": "argmap.scenario.uncertainty",
    "MonteCarloResult": "argmap.scenario.uncertainty",
    "SweepResult": "argmap.scenario.uncertainty",
    "strength_expression": "argmap.scenario.symbolic",
    "threshold": "argmap.scenario.analysis",
    "sensitivities": "argmap.scenario.analysis",
    "tornado": "argmap.scenario.analysis",
    "Threshold": "argmap.scenario.analysis",
    "TornadoBar": "argmap.scenario.analysis",
}
# No submodule is named like a public name (``run`` and ``compare`` live in runner.py),
# so importing a submodule never hides a name exported here.

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap.scenario' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
