"""Value types shared by the node models: ids, scores and score expressions."""

from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

from argmap.errors import ExpressionError
from argmap.model.expressions import parse_expression
from argmap.vocabulary import ID_PATTERN

__all__ = ["STRICT", "Id", "NodeLabel", "SchemaVersion", "Score", "ScoreOrExpression", "Text"]

STRICT = ConfigDict(
    extra="forbid",
    frozen=True,
    populate_by_name=True,
    str_strip_whitespace=True,
    validate_default=False,
)
"""Configuration of every model: unknown fields are errors; models are immutable."""


def _exact_version(value: object) -> object:
    # Literal[1] alone takes True and 1.0, which equal 1 in Python but are not a version
    if type(value) is not int:
        raise ValueError(f"unsupported schema_version {value!r} (this argmap reads 1)")
    return value


SchemaVersion = Annotated[Literal[1], BeforeValidator(_exact_version)]
"""The ``schema_version`` of a document: exactly the integer 1."""

Id = Annotated[
    str,
    StringConstraints(pattern=f"^{ID_PATTERN}$"),
    Field(description="A short, stable identifier: a letter, then letters, digits, _ . -"),
]
"""A node identifier as the user writes it (``C1``, ``ev_api_prices``)."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
"""Human text of a node: non-empty, bounded."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # C0, DEL, C1, line breaks


def _one_line(value: str) -> str:
    # a label is a heading: a line break or a control character would garble the map
    if _CONTROL.search(value):
        raise ValueError("a label is one line of text, without line breaks or control characters")
    return value


NodeLabel = Annotated[
    str,
    StringConstraints(min_length=1, max_length=120),
    AfterValidator(_one_line),
    Field(
        description=(
            "A short human title shown as the node's heading in maps "
            "(one line, at most 120 characters), such as an Argdown title"
        ),
        json_schema_extra={"pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"},
    ),
]
"""A node's short title: one line, no control characters (an Argdown ``[Title]``)."""

Score = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
"""A number in [0, 1]."""


def _score_or_expression(value: object) -> float | str:
    # one validator for both forms, so a bad value gets one clear message, not one per
    # member of a union
    if isinstance(value, bool):
        raise ValueError("expected a number in [0, 1] or an expression, not a boolean")
    if isinstance(value, int | float):
        number = float(value)
        if not math.isfinite(number) or not 0.0 <= number <= 1.0:
            raise ValueError(f"must be between 0 and 1, got {value!r}")
        return number
    if isinstance(value, str):
        text = value.strip()
        try:
            parse_expression(text)
        except ExpressionError as exc:
            raise ValueError(str(exc)) from None
        return text
    raise ValueError("expected a number in [0, 1] or an expression")


ScoreOrExpression = Annotated[
    float | str,
    PlainValidator(_score_or_expression),
    PlainSerializer(lambda v: v, return_type=float | str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "minLength": 1, "maxLength": 500},
            ],
            "description": (
                "A number in [0, 1], or an expression over declared parameters "
                "(numbers, names, + - * / **, min, max, clip, abs, exp, log, sqrt, logistic)"
            ),
        }
    ),
]
"""A weight or base score: a number in [0, 1] or a restricted expression."""
