"""Count how often one ``argmap report`` compiles a case and parses an expression.

Run from the repository root::

    python bench/compile_count.py [CASE] [SCENARIO_DIR]

(defaults: the worked case and the shipped scenarios). It builds the report in memory,
as ``argmap report CASE --scenarios DIR`` does, with counters wrapped around
:func:`argmap.semantics.compile.compile_case`,
:func:`argmap.model.expressions.parse_expression` (calls, wherever the function is
bound) and, where the parse cache exists, its misses (how many texts were really
parsed), and prints the counts. Only SVG maps are made (the counts do not depend on
the formats). Nothing is written to disk.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import argmap.model.expressions as expressions
import argmap.semantics.compile as compile_module
from argmap.io.casefile import load
from argmap.report import build_report
from argmap.scenario.files import load_scenario

CALLS: Counter[str] = Counter()
MODULES = (
    "argmap.maps",
    "argmap.render",
    "argmap.scenario.runner",
    "argmap.scenario.run",
    "argmap.scenario.timeline",
    "argmap.cli",
)


def counted(label: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with a counter under ``label``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        CALLS[label] += 1
        return func(*args, **kwargs)

    return wrapper


def patch_everywhere(func: Callable[..., Any], label: str) -> None:
    """Replace ``func`` by a counting wrapper in every loaded module that binds it, so
    both ``from m import f`` at module top and lazy imports see the wrapper."""
    wrapper = counted(label, func)
    for module in list(sys.modules.values()):
        for name, value in list(vars(module).items() if module else ()):
            if value is func:
                setattr(module, name, wrapper)


def main(argv: list[str]) -> None:
    case_path = Path(argv[0] if argv else "seeds/musk_v_microsoft.yaml")
    scenario_dir = Path(argv[1] if len(argv) > 1 else "scenarios")
    # load every module that binds the functions before patching them (the maps and the
    # scenario runner under their names before and after they were renamed, so that the
    # script counts an older checkout too)
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            continue

    patch_everywhere(compile_module.compile_case, "compile_case")
    patch_everywhere(expressions.parse_expression, "parse_expression")
    cache = getattr(expressions, "_parse_text", None)  # the parse cache, where there is one
    case = load(case_path)
    scenarios = [load_scenario(p) for p in sorted(scenario_dir.glob("*.yaml"))]
    CALLS.clear()  # count the report, not the loading
    misses = cache.cache_info().misses if cache is not None else 0
    build_report(case, scenarios, formats=("svg",))
    print(f"report on {case_path} with {len(scenarios)} scenarios:")
    print(f"  compile_case: {CALLS['compile_case']}")
    print(f"  parse_expression: {CALLS['parse_expression']}")
    if cache is not None:
        print(f"  texts parsed (cache misses): {cache.cache_info().misses - misses}")


if __name__ == "__main__":
    main(sys.argv[1:])
