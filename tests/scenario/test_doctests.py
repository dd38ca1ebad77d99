"""The examples in the scenario modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

MODULES = [
    "argmap.scenario.model",
    "argmap.scenario.apply",
    "argmap.scenario.distributed",
    "argmap.scenario.sampling",
    "argmap.scenario.symbolic",
    "argmap.tables",
    "argmap.scenario.results",
    "argmap.scenario.comparison",
    "argmap.scenario.runner",
    "argmap.scenario.uncertainty",
    "argmap.cli.scenario",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # examples name files relative to the repository root
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
