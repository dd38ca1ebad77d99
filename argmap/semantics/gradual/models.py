"""The four gradual semantics: DF-QuAD, quadratic energy, Euler-based, h-categorizer.

Each is an aggregation (how attackers and supporters combine) and an influence
function (how the aggregate moves the base score ``b``), evaluated by
:func:`argmap.semantics.gradual.engine.propagate`. With ``s_i`` the strength of an
attacker or supporter and ``w_i`` the weight of its edge, ``E = sum(w_i s_i over
supporters) - sum(w_i s_i over attackers)``:

DF-QuAD (Rago, Toni, Aurisicchio and Baroni, KR 2016)
    ``v_att = 1 - prod(1 - w_i s_i)``, ``v_sup`` likewise; with ``d = v_sup - v_att``
    the strength is ``b + (1 - b) d`` if ``d >= 0`` and ``b + b d`` otherwise.
Quadratic energy (Potyka, KR 2018)
    ``h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)``; strength
    ``b - b h(-E) + (1 - b) h(E)``.
Euler-based (Amgoud and Ben-Naim, ECSQARU 2017; IJAR 2018)
    strength ``1 - (1 - b^2) / (1 + b e^E)``.
Weighted h-categorizer (Amgoud, Ben-Naim, Doder and Vesic, IJCAI 2017)
    On attacks only, ``b / (1 + sum(w_i s_i))``, the weighted h-categorizer (which is
    Besnard and Hunter's h-categorizer when every base score is 1). argmap extends it
    to supports symmetrically, as a sum-aggregation modular semantics in the sense of
    Mossakowski and Neuhaus (2018): strength ``b / (1 - E)`` when ``E <= 0`` and
    ``1 - (1 - b) / (1 + E)`` when ``E > 0``, i.e. supports shrink the doubt
    ``1 - b`` exactly as attacks shrink ``b``. This keeps balance, boundedness in
    [0, 1], monotonicity, and reduces to the published definition without supports.

References
----------
A. Rago, F. Toni, M. Aurisicchio, P. Baroni. Discontinuity-free decision support with
quantitative argumentation debates. KR 2016.

N. Potyka. Continuous dynamical systems for weighted bipolar argumentation. KR 2018.

L. Amgoud, J. Ben-Naim. Evaluation of arguments in weighted bipolar graphs.
ECSQARU 2017; International Journal of Approximate Reasoning 99, 2018.

L. Amgoud, J. Ben-Naim, D. Doder, S. Vesic. Acceptability semantics for weighted
argumentation frameworks. IJCAI 2017.

P. Besnard, A. Hunter. A logic-based theory of deductive arguments. Artificial
Intelligence 128, 2001.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from argmap.semantics.gradual.engine import (
    Aggregation,
    GradualResult,
    Influence,
    propagate,
)
from argmap.semantics.gradual.qbaf import BipolarGraph
from argmap.vocabulary import GRADUAL_SEMANTICS, check_gradual

__all__ = [
    "GRADUAL",
    "SEMANTICS_SPEC",
    "canonical_name",
    "dfquad",
    "euler_based",
    "gradual_strengths",
    "h_categorizer",
    "quadratic_energy",
]

FloatArray = npt.NDArray[np.float64]


# The influence functions run once per level on whole arrays, so each is written with
# as few numpy passes as possible (and in place where it can be); every rewrite gives
# bit-for-bit the values of the formula in the module docstring.

_HUGE = 1e300
"""Squares are capped here: ``x / (1 + x)`` is then exactly 1, as it is for any larger
``x``, where ``inf / inf`` would give nan."""


def _dfquad_influence(b: FloatArray, d: FloatArray) -> FloatArray:
    # b + (1 - b) d if d >= 0, else b + b d
    out: FloatArray = np.where(d >= 0, 1.0 - b, b)
    out *= d
    out += b
    return out


def _energy_influence(b: FloatArray, e: FloatArray) -> FloatArray:
    # h(E) and h(-E) cannot both be non-zero: with p = E^2 / (1 + E^2) the strength is
    # b + (1 - b) p when E > 0 and b - b p otherwise
    square = e * e
    np.minimum(square, _HUGE, out=square)
    p = square / (1.0 + square)
    p *= np.where(e > 0, 1.0 - b, -b)
    p += b
    out: FloatArray = p
    return out


def _euler_influence(b: FloatArray, e: FloatArray) -> FloatArray:
    # b * exp(e) as exp(e + log b): finite for b = 0 however large e is
    scaled = np.log(b)
    scaled += e
    np.exp(scaled, out=scaled)
    scaled += 1.0
    out: FloatArray = b * b
    np.subtract(1.0, out, out=out)
    out /= scaled
    np.subtract(1.0, out, out=out)
    return out


def _hcat_influence(b: FloatArray, e: FloatArray) -> FloatArray:
    # b / (1 - E) when E <= 0, 1 - (1 - b) / (1 + E) when E > 0: both divide by 1 + |E|
    attacked = e <= 0
    share = np.where(attacked, b, 1.0 - b)
    denominator = np.abs(e)
    denominator += 1.0
    share /= denominator
    out: FloatArray = np.where(attacked, share, 1.0 - share)
    return out


@dataclass(frozen=True)
class _Spec:
    aggregation: Aggregation
    influence: Influence


SEMANTICS_SPEC: dict[str, _Spec] = {
    "dfquad": _Spec("product", _dfquad_influence),
    "quadratic_energy": _Spec("sum", _energy_influence),
    "euler_based": _Spec("sum", _euler_influence),
    "h_categorizer": _Spec("sum", _hcat_influence),
}
"""Aggregation and influence function of each gradual semantics, by name."""

GRADUAL: tuple[str, ...] = GRADUAL_SEMANTICS
"""Names of the gradual semantics argmap implements (the keys of :data:`SEMANTICS_SPEC`)."""

canonical_name = check_gradual
"""The canonical name of a gradual semantics, aliases accepted (SolverError for an unknown
one): :func:`argmap.vocabulary.check_gradual`."""


_canonical = canonical_name  # kept for callers that imported the private name


def gradual_strengths(
    fw: BipolarGraph,
    name: str,
    base: npt.ArrayLike | None = None,
    *,
    edge_weights: npt.ArrayLike | None = None,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> GradualResult:
    """Strengths of every node of ``fw`` under the gradual semantics called ``name``.

    Accepts the names in :data:`GRADUAL` and the aliases ``df-quad``, ``qe``,
    ``euler``. Raises :class:`~argmap.errors.SolverError` for an unknown name.

    Examples
    --------
    >>> from argmap.semantics.gradual.qbaf import QBAF
    >>> g = QBAF.from_mapping({"a": 0.5, "b": 0.5}, attacks=[("b", "a")])
    >>> gradual_strengths(g, "dfquad").strengths.tolist()
    [0.25, 0.5]
    """
    spec = SEMANTICS_SPEC[canonical_name(name)]
    return propagate(
        fw,
        spec.influence,
        spec.aggregation,
        base,
        edge_weights=edge_weights,
        tol=tol,
        max_iter=max_iter,
    )


def dfquad(
    fw: BipolarGraph,
    base: npt.ArrayLike | None = None,
    *,
    edge_weights: npt.ArrayLike | None = None,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> GradualResult:
    """DF-QuAD strengths (Rago, Toni, Aurisicchio and Baroni, KR 2016).

    ``base`` is ``(N,)`` or ``(S, N)``; see :func:`gradual_strengths`.
    """
    return gradual_strengths(
        fw, "dfquad", base, edge_weights=edge_weights, tol=tol, max_iter=max_iter
    )


def quadratic_energy(
    fw: BipolarGraph,
    base: npt.ArrayLike | None = None,
    *,
    edge_weights: npt.ArrayLike | None = None,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> GradualResult:
    """Quadratic energy model strengths (Potyka, KR 2018)."""
    return gradual_strengths(
        fw, "quadratic_energy", base, edge_weights=edge_weights, tol=tol, max_iter=max_iter
    )


def euler_based(
    fw: BipolarGraph,
    base: npt.ArrayLike | None = None,
    *,
    edge_weights: npt.ArrayLike | None = None,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> GradualResult:
    """Euler-based strengths (Amgoud and Ben-Naim, ECSQARU 2017 / IJAR 2018)."""
    return gradual_strengths(
        fw, "euler_based", base, edge_weights=edge_weights, tol=tol, max_iter=max_iter
    )


def h_categorizer(
    fw: BipolarGraph,
    base: npt.ArrayLike | None = None,
    *,
    edge_weights: npt.ArrayLike | None = None,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> GradualResult:
    """Weighted h-categorizer strengths (Amgoud, Ben-Naim, Doder, Vesic, IJCAI 2017),
    extended to supports as described in the module docstring."""
    return gradual_strengths(
        fw, "h_categorizer", base, edge_weights=edge_weights, tol=tol, max_iter=max_iter
    )
