"""Charts of an analysis, as matplotlib figures: the brief, the report, notebooks and
``argmap plot`` draw them the same way.

- :func:`tornado`: one-at-a-time sensitivity of a claim's strength to each parameter
  (:func:`argmap.scenario.tornado`'s ranking);
- :func:`distribution`: Monte Carlo strengths and verdict probabilities per claim
  (:func:`argmap.scenario.monte_carlo`);
- :func:`sweep`: claims' strength across one parameter's range
  (:func:`argmap.scenario.sweep`);
- :func:`timeline_strength`: claims' strength across the dates of the case
  (:func:`argmap.scenario.timeline.strength_timeline`);
- :func:`save` and :func:`figure_bytes`: PNG, SVG or PDF, the same bytes for the same
  figure, written atomically.

Colours come from :mod:`argmap.palette`, shared with the maps. ``audience="reader"``
(the default) titles charts with claim text and parameter descriptions;
``"analyst"`` with ids and semantics names. matplotlib is imported when a chart is
drawn, not on import.
"""

from __future__ import annotations

from argmap.plot.curves import sweep, timeline_strength
from argmap.plot.sensitivity import tornado
from argmap.plot.style import figure_bytes, save
from argmap.plot.uncertainty import distribution

__all__ = ["distribution", "figure_bytes", "save", "sweep", "timeline_strength", "tornado"]
