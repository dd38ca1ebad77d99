"""One ``argmap report`` compiles each case state once.

The report on the worked case with the 12 shipped scenarios has 13 case states of its
own: the baseline and the case as each scenario changes it; the strength timeline
(the page's panel and the brief's chart) adds the case read as of each of its 28
dates. Each is compiled once
(:func:`argmap.semantics.compile.compile_case`) and that framework is handed to the
evaluation, the Monte Carlo chunks and the comparison; before, the same report
compiled 40 times (the baseline twice, and each state again for Monte Carlo and in
every chunk's worker). ``bench/compile_count.py`` prints the same counts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import argmap.semantics.compile as compile_package
from argmap.io.casefile import load
from argmap.model.as_of import case_dates
from argmap.report import build_report
from argmap.scenario.files import load_scenario

REPO = Path(__file__).resolve().parents[1]


def _count_calls(monkeypatch: pytest.MonkeyPatch, func: Callable[..., Any]) -> list[int]:
    """Wrap ``func`` wherever a loaded module binds it; the list holds the count."""
    calls = [0]

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return func(*args, **kwargs)

    for module in list(sys.modules.values()):
        for name, value in list(vars(module).items() if module is not None else ()):
            if value is func:
                monkeypatch.setattr(module, name, counted)
    return calls


def test_the_report_compiles_each_case_state_once(monkeypatch: pytest.MonkeyPatch) -> None:
    case = load(REPO / "seeds" / "musk_v_microsoft.yaml")
    scenarios = [load_scenario(p) for p in sorted((REPO / "scenarios").glob("*.yaml"))]
    assert len(scenarios) == 12
    compiles = _count_calls(monkeypatch, compile_package.compile_case)
    # scenario 09 asks for Monte Carlo, so every state is sampled (fewer draws here)
    report = build_report(case, scenarios, formats=("svg",), samples=64, seed=3)
    assert report.comparison is not None
    assert all(run.uncertainty is not None for run in report.comparison.runs)
    # the baseline and each scenario's state, then the timeline: the case as of each of
    # its dates (brief.html and the brief's charts reuse the report's results)
    assert compiles[0] == 1 + len(scenarios) + len(case_dates(case))
