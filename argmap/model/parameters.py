"""Named parameters of a case and the distributions that express doubt about them.

A parameter is a number that weights and scores may refer to by name (``w_licence``).
Its ``value`` is used for a single evaluation; its optional ``distribution`` is sampled
by the scenario engine for Monte Carlo runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from argmap.model.values import STRICT, Id

__all__ = [
    "DEFAULT_DOMAIN",
    "Beta",
    "Choice",
    "Distribution",
    "Domain",
    "Parameter",
    "Triangular",
    "TruncatedNormal",
    "Uniform",
    "support",
]

_Finite = Annotated[float, Field(allow_inf_nan=False)]
_Bound = Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)]

DEFAULT_DOMAIN: tuple[float, float] = (0.0, 1.0)
"""The values a parameter may take when it declares no ``domain``: weights and scores."""


class _Distribution(BaseModel):
    """Common base: ``kind`` is always written out, even where it is the default,
    because it is the tag that tells the distributions apart when read back."""

    model_config = STRICT
    if TYPE_CHECKING:  # each distribution declares its own Literal kind
        kind: str

    @model_serializer(mode="wrap")
    def _with_kind(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {"kind": self.kind, **data}


class Uniform(_Distribution):
    """Every value in [low, high] equally likely."""

    model_config = STRICT
    kind: Literal["uniform"] = "uniform"
    low: _Finite
    high: _Finite

    @model_validator(mode="after")
    def _ordered(self) -> Uniform:
        if not self.low < self.high:
            raise ValueError("low must be less than high")
        return self


class Triangular(_Distribution):
    """Values in [low, high], most likely at ``mode``."""

    model_config = STRICT
    kind: Literal["triangular"] = "triangular"
    low: _Finite
    mode: _Finite
    high: _Finite

    @model_validator(mode="after")
    def _ordered(self) -> Triangular:
        if not (self.low <= self.mode <= self.high and self.low < self.high):
            raise ValueError("need low <= mode <= high and low < high")
        return self


class Beta(_Distribution):
    """A beta distribution on [0, 1] with shape parameters ``a`` and ``b``."""

    model_config = STRICT
    kind: Literal["beta"] = "beta"
    a: Annotated[float, Field(gt=0, allow_inf_nan=False)]
    b: Annotated[float, Field(gt=0, allow_inf_nan=False)]


class TruncatedNormal(_Distribution):
    """A normal distribution cut to [low, high] (default [0, 1])."""

    model_config = STRICT
    kind: Literal["truncated_normal"] = "truncated_normal"
    mean: _Finite
    sd: Annotated[float, Field(gt=0, allow_inf_nan=False)]
    low: _Finite = 0.0
    high: _Finite = 1.0

    @model_validator(mode="after")
    def _ordered(self) -> TruncatedNormal:
        if not self.low < self.high:
            raise ValueError("low must be less than high")
        return self


class Choice(_Distribution):
    """One of a few discrete values, with optional probabilities (default equal)."""

    model_config = STRICT
    kind: Literal["choice"] = "choice"
    values: Annotated[list[_Finite], Field(min_length=1, max_length=1000)]
    probabilities: list[Annotated[float, Field(ge=0, le=1)]] | None = None

    @model_validator(mode="after")
    def _matching(self) -> Choice:
        if self.probabilities is not None:
            if len(self.probabilities) != len(self.values):
                raise ValueError("probabilities must have one entry per value")
            if abs(sum(self.probabilities) - 1.0) > 1e-9:
                raise ValueError("probabilities must add up to 1")
        return self


Distribution = Annotated[
    Uniform | Triangular | Beta | TruncatedNormal | Choice,
    Field(discriminator="kind"),
]
"""Doubt about a parameter, chosen by ``kind``."""


def support(
    distribution: Uniform | Triangular | Beta | TruncatedNormal | Choice,
) -> tuple[float, float]:
    """The smallest and largest value ``distribution`` can draw.

    >>> support(Choice(values=[0.7, 0.2, 0.9]))
    (0.2, 0.9)
    """
    if isinstance(distribution, Beta):
        return 0.0, 1.0
    if isinstance(distribution, Choice):
        return min(distribution.values), max(distribution.values)
    return distribution.low, distribution.high


class Domain(BaseModel):
    """The closed range ``[low, high]`` a parameter's value and draws must stay in.

    Bounds are finite and at most 10^12 in size, so every range argmap derives from a
    parameter (a tornado bar, a sweep, an interval) stays finite.
    """

    model_config = STRICT
    low: _Bound
    high: _Bound

    @model_validator(mode="after")
    def _ordered(self) -> Domain:
        if not self.low < self.high:
            raise ValueError("low must be less than high")
        return self


class Parameter(BaseModel):
    """A named number that weights and scores may use.

    Its ``value`` and every value its ``distribution`` can draw must lie in its
    ``domain`` (default :data:`DEFAULT_DOMAIN`, [0, 1]); the case checks that.

    >>> Parameter(id="w_licence", value=0.4, distribution=Uniform(low=0.2, high=0.6)).value
    0.4
    >>> Parameter(id="k", value=3, domain=Domain(low=1, high=10)).bounds
    (1.0, 10.0)
    """

    model_config = STRICT
    id: Id
    value: _Finite
    distribution: Distribution | None = None
    domain: Domain | None = None
    description: str | None = None

    @property
    def bounds(self) -> tuple[float, float]:
        """The declared domain as ``(low, high)``, or the default [0, 1]."""
        if self.domain is None:
            return DEFAULT_DOMAIN
        return self.domain.low, self.domain.high
