"""The examples in the docstrings of the strict-reading and definedness modules run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "argmap.io.yaml_schema",
    "argmap.io.casefile",
    "argmap.model.parameters",
    "argmap.model.intervals",
    "argmap.model.definedness",
    "argmap.model.origins",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(importlib.import_module(name), optionflags=flags)
    assert result.attempted > 0
    assert result.failed == 0
