"""Argumentation schemes and critical questions, as data.

A :class:`Scheme` is a stereotyped pattern of defeasible inference (Walton, Reed and
Macagno 2008): the *roles* its premises play, and the *critical questions* that test
an argument built on it, each with the default weight of the implicit undercutter an
open question adds (:mod:`argmap.semantics.critical_questions`). argmap ships a
catalogue (:mod:`argmap.model.catalogue`); a case adds schemes of its own in a
``schemes:`` section.

An argument names its scheme by id (``scheme: expert_opinion``), maps roles to its
premises (``roles: {expertise: E1, assertion: E2}``) and says where each question
stands (``questions: {trustworthy: {status: answered, by: E7}}``); a question it does
not list is open.

>>> QuestionState.of("conceded").status
<QuestionStatus.CONCEDED: 'conceded'>
>>> QuestionState(status="answered", by="E7").closed
True

References
----------
D. Walton, C. Reed, F. Macagno. Argumentation Schemes. Cambridge University Press, 2008.

T. F. Gordon, D. Walton. The Carneades argumentation framework. COMMA 2006.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field, model_validator

from argmap.model.values import STRICT, Id, Score, ScoreOrExpression, Text

__all__ = [
    "CriticalQuestion",
    "QuestionSettings",
    "QuestionState",
    "QuestionStatus",
    "Role",
    "Scheme",
    "StateOrStatus",
]


class Role(BaseModel):
    """A premise role of a scheme (``expertise``: the source is an expert ...).

    A ``required`` role left unfilled by an argument is worth a warning: the argument
    does not show the premise the scheme rests on."""

    model_config = STRICT
    id: Id
    text: Text
    required: bool = True


class CriticalQuestion(BaseModel):
    """A question that tests an argument built on a scheme.

    ``weight`` is the default weight of the implicit undercutter the question adds
    while it is open (0 makes an open question harmless)."""

    model_config = STRICT
    id: Id
    text: Text
    weight: Score = 0.2


class Scheme(BaseModel):
    """An argumentation scheme: its name, premise roles and critical questions."""

    model_config = STRICT
    id: Id
    name: Text
    aliases: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, description="other names (AIF/OVA, Carneades) for import"
    )
    reference: str | None = Field(default=None, max_length=500)
    conclusion: str | None = Field(default=None, max_length=500)
    roles: list[Role] = Field(default_factory=list, max_length=32)
    questions: list[CriticalQuestion] = Field(default_factory=list, max_length=32)

    @model_validator(mode="after")
    def _unique(self) -> Scheme:
        for what, items in (("role", self.roles), ("critical question", self.questions)):
            ids = [item.id for item in items]
            twice = sorted({i for i in ids if ids.count(i) > 1})
            if twice:
                raise ValueError(f"{what} {twice[0]!r} is listed more than once")
        return self

    def role(self, role_id: str) -> Role | None:
        """The role with this id, or None."""
        return next((r for r in self.roles if r.id == role_id), None)

    def question(self, question_id: str) -> CriticalQuestion | None:
        """The critical question with this id, or None."""
        return next((q for q in self.questions if q.id == question_id), None)


class QuestionStatus(StrEnum):
    """Where a critical question stands in the dispute.

    ``open``: nobody has answered it; it undercuts the argument with its weight.
    ``answered``: an item of evidence or a claim (``by``) answers it.
    ``conceded``: the side that could press it grants the point; it is closed."""

    OPEN = "open"
    ANSWERED = "answered"
    CONCEDED = "conceded"


class QuestionState(BaseModel):
    """An argument's record of one critical question: its status, what answers it,
    and the weight of its implicit undercutter while it is open (overriding the
    scheme's and the case's default)."""

    model_config = STRICT
    status: QuestionStatus = QuestionStatus.OPEN
    by: Id | None = None
    weight: ScoreOrExpression | None = None
    note: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _answered_by(self) -> QuestionState:
        if self.status is QuestionStatus.ANSWERED and self.by is None:
            raise ValueError("an answered question names what answers it in 'by'")
        if self.status is not QuestionStatus.ANSWERED and self.by is not None:
            raise ValueError("'by' is for an answered question (status: answered)")
        return self

    @property
    def closed(self) -> bool:
        """True when answered or conceded: the question adds no undercutter."""
        return self.status is not QuestionStatus.OPEN

    @classmethod
    def of(cls, value: Any) -> QuestionState:
        """A state from its short form (a status name) or its mapping."""
        return cls.model_validate(_status_to_state(value))


def _status_to_state(value: Any) -> Any:
    # ``trustworthy: conceded`` is short for ``trustworthy: {status: conceded}``
    if isinstance(value, str):
        return {"status": value}
    return value


StateOrStatus = Annotated[QuestionState, BeforeValidator(_status_to_state)]
"""A question's state written either as its status alone or as a mapping."""


class QuestionSettings(BaseModel):
    """A case's settings for open critical questions.

    ``weight``, when set, replaces every scheme question's default weight in this case
    (an argument's own ``questions: {q: {weight: ...}}`` still wins); ``weight: 0``
    turns the implicit undercutters off."""

    model_config = STRICT
    weight: ScoreOrExpression | None = None
