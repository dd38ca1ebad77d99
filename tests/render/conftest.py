"""Rendering tests always use the PyPI renderer: the fresh-machine path."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _pure_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_RENDERER", "graphviz-pure")
