"""The node kinds of a case: the things an argument map is made of.

Every node has a stable, user-chosen ``id``; ids share one namespace across the case.
Scores and weights are numbers in [0, 1] or restricted expressions over the case's
parameters (see :mod:`argmap.model.expressions`).

Each model carries its ``kind`` as a constant field, the tag that tells nodes apart
where they are written side by side (a scenario's ``add_node``). In a case file the
section implies the kind, so the field is optional there and never written back:

>>> Claim(id="C1", text="The data was licensed").kind
'claim'
>>> Claim(id="C1", text="t").model_dump()["id"], "kind" in Claim(id="C1", text="t").model_dump()
('C1', False)
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from argmap.model.schemes import StateOrStatus
from argmap.model.standards import ProofStandard, StandardName
from argmap.model.values import STRICT, Id, NodeLabel, ScoreOrExpression, Text
from argmap.vocabulary import NODE_KINDS

__all__ = [
    "Argument",
    "Claim",
    "DisputedDate",
    "Event",
    "Evidence",
    "EvidenceStatus",
    "Factor",
    "HistoryAction",
    "HistoryEvent",
    "Issue",
    "Outcome",
    "Party",
    "Precedent",
    "PrecedentStatus",
    "Side",
    "Source",
    "Stance",
]


def _kind(kind: str) -> Any:
    # the discriminator: constant, implied by the case-file section, left out of dumps
    # (a case file stays as it was); repr=False keeps reprs as they were
    assert kind in NODE_KINDS, kind
    return Field(
        default=kind,
        exclude=True,
        repr=False,
        description="the kind of node (implied by the case-file section that holds it)",
    )


class Side(StrEnum):
    """The two sides of a dispute, in the precedent literature's terms."""

    PLAINTIFF = "plaintiff"
    DEFENDANT = "defendant"


Outcome = Side
"""A decided case's outcome is the side it was decided for."""


class EvidenceStatus(StrEnum):
    """How far an item of evidence is established."""

    FACT = "fact"  # undisputed or on the record
    ALLEGATION = "allegation"  # asserted by a party, not established
    REPORT = "report"  # reported by a third party (press, analyst)
    OPINION = "opinion"  # a view, prediction or characterisation


class PrecedentStatus(StrEnum):
    """Where a precedent stands."""

    DECIDED = "decided"
    PENDING = "pending"
    SETTLED = "settled"


class Stance(StrEnum):
    """Whether an argument argues for its conclusion or against it."""

    PRO = "pro"
    CON = "con"


def _standard_from_name(value: Any) -> Any:
    if isinstance(value, str):
        return {"name": value}
    return value


class _NameOrMapping:
    """JSON Schema for a proof standard written either as its name or as a mapping."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [handler(core_schema), {"enum": [name.value for name in StandardName]}]}


class Party(BaseModel):
    """An actor in the dispute: a company, a person, a court."""

    model_config = STRICT
    kind: Literal["party"] = _kind("party")
    id: Id
    name: Text
    side: Side | None = None
    role: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=2000)


def _plain_file_name(name: str) -> str:
    # a NUL or other control character cannot name a file (open() raises on NUL), and
    # would reach the terminal when the name is reported
    bad = next((c for c in name if ord(c) < 0x20 or ord(c) == 0x7F), None)
    if bad is not None:
        raise ValueError(f"a file name cannot contain control characters (found U+{ord(bad):04X})")
    return name


FileName = Annotated[str, AfterValidator(_plain_file_name)]
"""A file name as a case cites it: text without control characters."""


class Source(BaseModel):
    """Where evidence comes from: bibliographic facts of one document."""

    model_config = STRICT
    kind: Literal["source"] = _kind("source")
    id: Id
    outlet: Text
    title: Text
    date: dt.date | None = None
    author: str | None = Field(default=None, max_length=300)
    file: FileName | None = Field(default=None, max_length=500, description="seed file name")
    url: str | None = Field(default=None, max_length=2000)


class Issue(BaseModel):
    """A question the dispute turns on, with the proof standard its answer must meet."""

    model_config = STRICT
    kind: Literal["issue"] = _kind("issue")
    id: Id
    question: Text
    proof_standard: Annotated[
        ProofStandard, BeforeValidator(_standard_from_name), _NameOrMapping()
    ] = Field(default_factory=ProofStandard)
    burden: Side | None = None
    """Who bears the burden of persuasion on this issue's claims."""
    production: Side | None = None
    """Who bears the burden of production, where it differs from persuasion."""


class Claim(BaseModel):
    """A proposition that can stand or fall, factual or legal."""

    model_config = STRICT
    kind: Literal["claim"] = _kind("claim")
    id: Id
    label: NodeLabel | None = None
    text: Text
    issue: Id | None = None
    asserted_by: Id | None = None
    base_score: ScoreOrExpression = 0.5
    tags: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list)
    burden: Side | None = None
    """Who must persuade of this claim, if not its issue's bearer (an affirmative
    defence such as fair use or a licence is the defendant's to prove)."""
    production: Side | None = None
    """Who must produce evidence for it, where that differs from persuasion."""


class Evidence(BaseModel):
    """An item of record: what a source says, how far it is established, how reliable."""

    model_config = STRICT
    kind: Literal["evidence"] = _kind("evidence")
    id: Id
    label: NodeLabel | None = None
    text: Text
    source: Id
    quote: str | None = Field(default=None, max_length=600)
    status: EvidenceStatus
    date: dt.date | None = None
    reliability: ScoreOrExpression = 0.5
    asserted_by: Id | None = None


class Argument(BaseModel):
    """An inference from conjunctive ``premises`` to a ``conclusion`` claim.

    ``stance: con`` makes it an argument against the conclusion (Carneades' con
    argument). An argument from precedent names its ``precedent``; with ``applies_if``
    it applies only when that precedent is (or is assumed to be) decided for that side.
    A ``weight`` of ``None`` means 1.0, or, for an argument from precedent, the weight
    derived from the precedent's authority and similarity.

    A ``scheme`` that is the id of a catalogue scheme (:mod:`argmap.model.catalogue`)
    brings its critical questions: ``roles`` maps the scheme's premise roles to
    premises, ``questions`` records each question's state (one not listed is open;
    an open one undercuts the argument, :mod:`argmap.semantics.critical_questions`).
    """

    model_config = STRICT
    kind: Literal["argument"] = _kind("argument")
    id: Id
    label: NodeLabel | None = None
    conclusion: Id
    premises: list[Id] = Field(default_factory=list, max_length=64)
    text: str | None = Field(default=None, max_length=4000)
    scheme: str = Field(default="defeasible inference", max_length=100)
    roles: dict[Id, Id] = Field(default_factory=dict, description="scheme role -> premise id")
    questions: dict[Id, StateOrStatus] = Field(
        default_factory=dict, description="critical question id -> its state"
    )
    stance: Stance = Stance.PRO
    weight: ScoreOrExpression | None = None
    precedent: Id | None = None
    applies_if: Outcome | None = None
    asserted_by: Id | None = None

    @model_validator(mode="after")
    def _shape(self) -> Argument:
        if not self.premises and self.precedent is None:
            raise ValueError("an argument needs premises or a precedent")
        if self.applies_if is not None and self.precedent is None:
            raise ValueError("applies_if needs a precedent")
        if len(set(self.premises)) != len(self.premises):
            raise ValueError("premises are listed more than once")
        return self


TheoryName = Annotated[str, StringConstraints(min_length=1, max_length=200)]
"""A legal theory's name: an issue id or a short name (``breach of contract``)."""


class Factor(BaseModel):
    """A legally relevant fact pattern that favours one side (Horty's factors)."""

    model_config = STRICT
    kind: Literal["factor"] = _kind("factor")
    id: Id
    text: Text
    favours: Side
    present: bool = Field(default=False, description="whether it holds in the case at hand")
    theory: TheoryName | None = None
    """The legal theory the factor bears on (an issue id or a named theory such as
    ``CFAA access``); a precedent counts it only if it decided that theory. ``None``:
    it bears on every theory."""


class HistoryAction(StrEnum):
    """What a later court (or the parties) did to a decision."""

    AFFIRMED = "affirmed"
    REVERSED = "reversed"  # loses its authority from that date
    VACATED = "vacated"  # loses its authority from that date
    REMANDED = "remanded"
    PENDING_APPEAL = "pending appeal"
    SETTLED = "settled"


class HistoryEvent(BaseModel):
    """One dated step of a precedent's subsequent history."""

    model_config = STRICT
    date: dt.date
    action: HistoryAction
    court: str | None = Field(default=None, max_length=300)
    citation: str | None = Field(default=None, max_length=300)
    note: str | None = Field(default=None, max_length=1000)


class Precedent(BaseModel):
    """A decided, pending or settled case that bears on the dispute.

    ``factors`` are the factor ids present in that case, ``reason`` the subset the court
    relied on (Horty's reason model), ``outcome`` the side it was decided for.
    """

    model_config = STRICT
    kind: Literal["precedent"] = _kind("precedent")
    id: Id
    label: NodeLabel | None = None
    name: Text
    citation: str | None = Field(default=None, max_length=300)
    court: str = Field(max_length=300)
    year: int = Field(ge=1600, le=2100)
    jurisdiction: str = Field(max_length=200)
    status: PrecedentStatus
    outcome: Outcome | None = None
    theory: str | None = Field(default=None, max_length=500)
    holding: str | None = Field(default=None, max_length=2000)
    factors: list[Id] = Field(default_factory=list)
    reason: list[Id] = Field(default_factory=list)
    authority: ScoreOrExpression = 0.5
    sources: list[Id] = Field(default_factory=list)
    # -- legal: its date and what happened to it later (argmap.model.as_of) --
    date: dt.date | None = None
    """The decision date (filing date for a pending case); ``year`` must agree."""
    history: list[HistoryEvent] = Field(default_factory=list, max_length=50)
    """Subsequent history, dated and in date order (affirmed, reversed, ...)."""

    @model_validator(mode="after")
    def _outcome_fits_status(self) -> Precedent:
        if self.status is PrecedentStatus.DECIDED and self.outcome is None:
            raise ValueError("a decided precedent needs an outcome")
        if self.status is PrecedentStatus.PENDING and self.outcome is not None:
            raise ValueError("a pending precedent has no outcome yet")
        if not set(self.reason) <= set(self.factors):
            raise ValueError("reason must be a subset of factors")
        if self.date is not None and self.date.year != self.year:
            raise ValueError(f"year {self.year} is not the year of date {self.date.isoformat()}")
        dates = [event.date for event in self.history]
        if dates != sorted(dates):
            raise ValueError("history must be in date order")
        if self.date is not None and dates and dates[0] < self.date:
            raise ValueError(
                f"history starts on {dates[0].isoformat()}, before the decision "
                f"({self.date.isoformat()})"
            )
        return self


class DisputedDate(BaseModel):
    """Another date a source gives for an event."""

    model_config = STRICT
    date: dt.date
    source: Id
    note: str | None = Field(default=None, max_length=500)


class Event(BaseModel):
    """A dated happening; feeds the timeline and arguments from temporal sequence."""

    model_config = STRICT
    kind: Literal["event"] = _kind("event")
    id: Id
    label: NodeLabel | None = None
    text: Text
    date: dt.date
    sources: list[Id] = Field(default_factory=list)
    party: Id | None = None
    disputed_dates: list[DisputedDate] = Field(default_factory=list)
