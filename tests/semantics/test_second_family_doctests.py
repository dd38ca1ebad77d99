"""The examples in the preference, ASPIC+ and higher-order modules run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "argmap.semantics.preference",
    "argmap.semantics.aspic",
    "argmap.semantics.aspic.theory",
    "argmap.semantics.aspic.arguments",
    "argmap.semantics.aspic.orderings",
    "argmap.semantics.aspic.framework",
    "argmap.semantics.higher_order",
    "argmap.semantics.higher_order.framework",
    "argmap.semantics.higher_order.afra",
    "argmap.semantics.higher_order.eaf",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
