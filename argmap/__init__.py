"""argmap: typed argument maps for legal and policy disputes.

The common path for a notebook user::

    import argmap
    case = argmap.load("seeds/musk_v_microsoft.yaml")
    result = argmap.evaluate(case)
    argmap.render(case, result)

Heavy parts (sympy, the SAT solver, Graphviz) are imported only when first used, so
``import argmap`` and ``argmap validate`` start fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it; resolved on first access
_LAZY = {
    "Case": "argmap.model",
    "load": "argmap.io.casefile",
    "save": "argmap.io.casefile",
    "loads": "argmap.io.casefile",
    "dumps": "argmap.io.casefile",
    "compile_case": "argmap.semantics.compile",
    "evaluate": "argmap.semantics.evaluate",
    "render": "argmap.maps",
    "Scenario": "argmap.scenario",
    "compare": "argmap.scenario",
}

__all__ = ["__version__", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def _register_notebook_display() -> None:
    """In Jupyter, make Cases and Evaluations display themselves as maps on import."""
    import sys

    if "IPython" not in sys.modules:
        return
    from argmap.maps.notebook import register_ipython_formatters

    register_ipython_formatters()


_register_notebook_display()
