"""The examples in the interchange modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "argmap.io.aif",
    "argmap.io.xaif",
    "argmap.io.carneades",
    "argmap.io.carneades_write",
    "argmap.io.iccma",
    "argmap.io.iccma_case",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
