"""Expected outcomes written into a case: the case file doubles as a regression test.

An ``expect:`` block maps a run (``baseline``, or the ``name`` of a scenario of the
case) to the claims whose outcome is expected there, each with a verdict, a Dung
label, a strength range, or any of them together::

    expect:
      baseline:
        C_illegal: defeated              # a verdict (or a label: in, out, undec)
        C_lawful: {verdict: proved, strength: [0.8, 0.95]}
      NYT wins:
        C_illegal: {label: out}

``argmap check`` evaluates each run and reports every expectation that does not hold
(:mod:`argmap.scenario.expectations`). The names here are those of
:class:`~argmap.vocabulary.Verdict` and :class:`~argmap.vocabulary.Label`.

>>> Expectation.model_validate("defeated").verdict.value
'defeated'
>>> Expectation.model_validate({"strength": [0.2, 0.4]}).strength
(0.2, 0.4)
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from argmap.model.values import STRICT, Score
from argmap.vocabulary import Label, Verdict

__all__ = ["BASELINE", "LABEL_NAMES", "VERDICT_NAMES", "Expectation", "Expectations"]

BASELINE = "baseline"
"""The run key of the case as written (no scenario applied)."""

VERDICT_NAMES = tuple(v.value for v in Verdict)
"""The verdicts an expectation may name (:class:`~argmap.vocabulary.Verdict`)."""
LABEL_NAMES = tuple(label.value for label in Label)
"""The Dung labels an expectation may name (:class:`~argmap.vocabulary.Label`)."""


def _shorthand(value: Any) -> Any:
    """A bare word is a verdict or a label; a two-item list a strength range."""
    if isinstance(value, str):
        return {"label": value} if value in LABEL_NAMES else {"verdict": value}
    if isinstance(value, dict) and isinstance(value.get("strength"), list):
        return {**value, "strength": tuple(value["strength"])}
    return value


class Expectation(BaseModel):
    """What one claim is expected to come out as in one run."""

    model_config = STRICT
    verdict: Verdict | None = None
    label: Label | None = None
    strength: tuple[Score, Score] | None = Field(
        default=None, description="[low, high]: the strength must lie in this range"
    )

    @model_validator(mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        return _shorthand(value)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # a bare verdict or label is an expectation too (the shorthand above)
        return {"anyOf": [handler(core_schema), {"enum": [*VERDICT_NAMES, *LABEL_NAMES]}]}

    @model_validator(mode="after")
    def _something(self) -> Expectation:
        if self.verdict is None and self.label is None and self.strength is None:
            raise ValueError("expect a verdict, a label or a strength range")
        if self.strength is not None and self.strength[0] > self.strength[1]:
            raise ValueError(f"strength range [{self.strength[0]}, {self.strength[1]}] is empty")
        return self


Expectations = dict[Annotated[str, Field(min_length=1, max_length=200)], dict[str, Expectation]]
"""Run (``baseline`` or a scenario name) -> claim id -> expectation."""
