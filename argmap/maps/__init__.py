"""Argument maps for briefings and notebooks, drawn with Graphviz.

The package is ``argmap.maps``; its :func:`render` (in :mod:`~argmap.maps.drawing`) is
also ``argmap.render``. (The package was ``argmap.render`` until the two names
collided: importing any submodule made ``argmap.render`` the package, not the function.)

>>> import argmap
>>> case = argmap.load("examples/ad_tool_dispute.yaml")      # doctest: +SKIP
>>> m = argmap.render(case, argmap.evaluate(case))            # doctest: +SKIP
>>> m.save("map.svg")                                         # doctest: +SKIP

Modules: :mod:`~argmap.maps.escape` (the only DOT escaping), :mod:`~argmap.maps.engine`
(finding and running a renderer), :mod:`~argmap.maps.theme`, :mod:`~argmap.maps.graph`,
:mod:`~argmap.maps.builder`, :mod:`~argmap.maps.views`, :mod:`~argmap.maps.legend`,
:mod:`~argmap.maps.drawing`, :mod:`~argmap.maps.map` and :mod:`~argmap.maps.notebook`.
"""

from __future__ import annotations

import sys

from argmap.maps.drawing import render
from argmap.maps.map import Map
from argmap.maps.notebook import register_ipython_formatters

__all__ = ["Map", "register_ipython_formatters", "render"]


# inside IPython/Jupyter (already imported, so this costs nothing elsewhere), Cases and
# Evaluations display as maps from the moment rendering is first used
if "IPython" in sys.modules:  # pragma: no cover - depends on the host
    register_ipython_formatters()
