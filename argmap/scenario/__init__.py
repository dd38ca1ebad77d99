"""The scenario engine: what-if interventions, comparisons, uncertainty, closed forms.

- :class:`Scenario` and :func:`load_scenario`: a named list of interventions over a
  base case (``scenarios/*.yaml``), checked like a case file;
- :func:`apply_scenario`: the changed case (the base is untouched);
- :func:`run` and :func:`compare`: evaluate scenarios and compare them with the
  baseline claim by claim (:class:`~argmap.scenario.compare.Comparison`);
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
    "ScenarioRun": "argmap.scenario.run",
    "Comparison": "argmap.scenario.compare",
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

# ``run`` and ``compare`` share their names with submodules (run.py, compare.py).
# Importing a submodule sets the package attribute of that name to the module, which
# would hide the lazily exported function; importing the functions here, after their
# modules, makes the package attributes the functions for good. These modules import
# only numpy and argmap itself (sympy, pandas, tqdm stay lazy).
from argmap.scenario.run import compare as compare  # noqa: E402
from argmap.scenario.run import run as run  # noqa: E402

__all__ = sorted([*_LAZY, "compare", "run"])


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap.scenario' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
