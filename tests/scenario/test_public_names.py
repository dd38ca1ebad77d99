"""The package's public names stay the functions and classes, whatever is imported first."""

from __future__ import annotations

import subprocess
import sys

import pytest

NAMES = ("run", "compare", "Comparison", "ScenarioRun", "monte_carlo", "threshold")


@pytest.mark.parametrize(
    "first",
    ["", "import argmap.scenario.runner, argmap.scenario.comparison, argmap.scenario.analysis"],
)
def test_public_names_are_not_hidden_by_submodules(first: str) -> None:
    code = (
        f"{first}\nimport types, argmap.scenario as s\n"
        f"print([isinstance(getattr(s, n), types.ModuleType) for n in {NAMES!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str([False] * len(NAMES))


def test_no_submodule_is_named_like_a_public_name() -> None:
    import pkgutil

    import argmap.scenario as package

    modules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    assert modules.isdisjoint(package.__all__)
