"""Gradual semantics of quantitative bipolar frameworks, vectorized over samples.

``dfquad``, ``quadratic_energy``, ``euler_based`` and ``h_categorizer`` take a compiled
:class:`~argmap.semantics.compile.Framework` (or a :class:`QBAF`) and optional base
scores of shape ``(N,)`` or ``(S, N)``, and return a :class:`GradualResult`. See
:mod:`argmap.semantics.gradual.models` for the formulas and their sources and
:mod:`argmap.semantics.gradual.engine` for how acyclic and cyclic graphs are solved.
"""

from argmap.semantics.gradual.engine import GradualResult, propagate
from argmap.semantics.gradual.models import (
    GRADUAL,
    dfquad,
    euler_based,
    gradual_strengths,
    h_categorizer,
    quadratic_energy,
)
from argmap.semantics.gradual.qbaf import QBAF, BipolarGraph, schedule

__all__ = [
    "GRADUAL",
    "QBAF",
    "BipolarGraph",
    "GradualResult",
    "dfquad",
    "euler_based",
    "gradual_strengths",
    "h_categorizer",
    "propagate",
    "quadratic_energy",
    "schedule",
]
