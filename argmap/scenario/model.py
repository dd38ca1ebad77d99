"""Scenarios as data: a named list of what-if interventions over one base case.

A scenario file reads like a case file: YAML (or JSON), ``schema_version: 1``, every
field checked, unknown fields refused. Each intervention is a mapping whose ``op``
says what it does; the models here only describe the document. Applying it to a case
is :func:`argmap.scenario.apply.apply_scenario`'s job.

>>> s = Scenario(name="licence found", question="What if a data licence turns up?",
...              interventions=[{"op": "set_parameter", "parameter": "w_licence",
...                              "value": 0.9}])
>>> s.interventions[0].op
'set_parameter'
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)

from argmap.errors import line_for
from argmap.model import (
    Argument,
    Distribution,
    Factor,
    Node,
    Precedent,
    ProofStandard,
    Relation,
    RelationKind,
    Side,
)
from argmap.model.schemes import QuestionStatus
from argmap.model.values import STRICT, Id, SchemaVersion, ScoreOrExpression
from argmap.scenario.limits import MAX_SAMPLES, MAX_SEED, check_samples, check_seed
from argmap.vocabulary import (
    DUNG_SEMANTICS,
    GRADUAL_SEMANTICS,
    SECTION_OF_KIND,
    DungName,
    GradualName,
)

__all__ = [
    "DUNG_SEMANTICS",
    "GRADUAL_SEMANTICS",
    "OPS",
    "SCENARIO_SCHEMA_VERSION",
    "SECTION_OF_KIND",
    "AddNode",
    "AddPrecedent",
    "AddRelation",
    "DecidePrecedent",
    "DropSource",
    "Intervention",
    "NodeSpec",
    "RelationRef",
    "RemoveNode",
    "RemoveRelation",
    "Scenario",
    "SetFactor",
    "SetParameter",
    "SetQuestion",
    "SetScore",
    "SetStandard",
    "SetWeight",
]

SCENARIO_SCHEMA_VERSION: Literal[1] = 1


_Finite = Annotated[float, Field(allow_inf_nan=False)]


class _Op(BaseModel):
    """Common base: every intervention may carry a note saying why."""

    model_config = STRICT
    note: str | None = Field(default=None, max_length=1000)

    @model_serializer(mode="wrap")
    def _with_op(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # ``op`` is the tag that tells interventions apart when read back: always write it
        data: dict[str, Any] = handler(self)
        return {"op": getattr(self, "op"), **data}  # noqa: B009 - declared by subclasses


class SetParameter(_Op):
    """Give a parameter a new value, a new distribution, or both."""

    op: Literal["set_parameter"] = "set_parameter"
    parameter: Id
    value: _Finite | None = None
    distribution: Distribution | None = None

    @model_validator(mode="after")
    def _something(self) -> SetParameter:
        if self.value is None and self.distribution is None:
            raise ValueError("set_parameter needs a value, a distribution or both")
        return self


class RelationRef(BaseModel):
    """Which relation(s) an intervention means: ``from``, ``to`` and optionally ``kind``."""

    model_config = STRICT
    kind: RelationKind | None = None
    origin: Id = Field(alias="from")
    target: Id = Field(alias="to")

    def matches(self, relation: Relation) -> bool:
        """Whether ``relation`` is one this reference names."""
        return (
            relation.origin == self.origin
            and relation.target == self.target
            and (self.kind is None or relation.kind == self.kind)
        )

    def describe(self) -> str:
        kind = f"{self.kind.value} " if self.kind is not None else ""
        return f"{kind}{self.origin} -> {self.target}"


class SetWeight(_Op):
    """Set an argument's weight (``node``) or a relation's weight (``relation``)."""

    op: Literal["set_weight"] = "set_weight"
    node: Id | None = None
    relation: RelationRef | None = None
    value: ScoreOrExpression

    @model_validator(mode="after")
    def _one_target(self) -> SetWeight:
        if (self.node is None) == (self.relation is None):
            raise ValueError("set_weight needs exactly one of node or relation")
        return self


class SetScore(_Op):
    """Set a node's base score: a claim's base_score, an evidence item's reliability
    or a precedent's authority."""

    op: Literal["set_score"] = "set_score"
    node: Id
    value: ScoreOrExpression


NodeSpec = Annotated[Node, Field(discriminator="kind")]
"""A node of any kind, written as in a case file plus ``kind:`` (the models' own tag)."""


class AddNode(_Op):
    """Add a node of any kind (``node: {kind: evidence, id: E9, ...}``)."""

    op: Literal["add_node"] = "add_node"
    node: NodeSpec

    @field_serializer("node", mode="wrap")
    def _with_kind(self, node: Node, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # a node leaves ``kind`` out of its dumps (a case file's section says it); here
        # nothing else says it, so it is written first, as a reader expects it
        data: dict[str, Any] = handler(node)
        return {"kind": node.kind, **data}


class RemoveNode(_Op):
    """Remove a node and everything that only existed through it (see apply)."""

    op: Literal["remove_node"] = "remove_node"
    node: Id


class AddRelation(_Op):
    """Add a relation, written as in a case file."""

    op: Literal["add_relation"] = "add_relation"
    relation: Relation


class RemoveRelation(_Op):
    """Remove the relation(s) from ``from`` to ``to`` (of ``kind``, if given)."""

    op: Literal["remove_relation"] = "remove_relation"
    relation: RelationRef


class DecidePrecedent(_Op):
    """Assume a pending precedent is decided for ``outcome``.

    Arguments from that precedent whose ``applies_if`` matches the outcome become
    applicable; those expecting the other outcome stop applying.
    """

    op: Literal["decide_precedent"] = "decide_precedent"
    precedent: Id
    outcome: Side


class AddPrecedent(_Op):
    """Add a hypothetical precedent, with the factors and arguments it brings."""

    op: Literal["add_precedent"] = "add_precedent"
    precedent: Precedent
    factors: list[Factor] = Field(default_factory=list)
    arguments: list[Argument] = Field(default_factory=list)


def _standard_from_name(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


class SetStandard(_Op):
    """Change an issue's proof standard (a name, or a mapping with thresholds)."""

    op: Literal["set_standard"] = "set_standard"
    issue: Id
    standard: Annotated[ProofStandard, BeforeValidator(_standard_from_name)]


class DropSource(_Op):
    """Drop a source: all its evidence goes, with the relations and premises on them."""

    op: Literal["drop_source"] = "drop_source"
    source: Id


class SetFactor(_Op):
    """Say whether a factor holds in the case at hand."""

    op: Literal["set_factor"] = "set_factor"
    factor: Id
    present: bool


class SetQuestion(_Op):
    """Say where a critical question of an argument stands: answered (``by`` an item
    of evidence or a claim), conceded, or open again, optionally with the weight of
    its implicit undercutter while open (:mod:`argmap.semantics.critical_questions`)."""

    op: Literal["set_question"] = "set_question"
    argument: Id
    question: Id
    status: QuestionStatus
    by: Id | None = None
    weight: ScoreOrExpression | None = None


Intervention = Annotated[
    SetParameter
    | SetWeight
    | SetScore
    | AddNode
    | RemoveNode
    | AddRelation
    | RemoveRelation
    | DecidePrecedent
    | AddPrecedent
    | SetStandard
    | DropSource
    | SetFactor
    | SetQuestion,
    Field(discriminator="op"),
]
"""One what-if change, chosen by ``op``."""

OPS = (
    "set_parameter",
    "set_weight",
    "set_score",
    "add_node",
    "remove_node",
    "add_relation",
    "remove_relation",
    "decide_precedent",
    "add_precedent",
    "set_standard",
    "drop_source",
    "set_factor",
    "set_question",
)
"""The intervention names, in the order the documentation lists them."""


class Scenario(BaseModel):
    """A named what-if over a base case.

    ``case`` is the base case file, relative to the scenario file (``None`` for a
    scenario built in Python and applied to a case in hand). ``samples``, ``seed``,
    ``semantics`` and ``gradual`` are defaults for runs of this scenario; the command
    line may override them.
    """

    model_config = STRICT | {"title": "argmap scenario"}

    schema_version: SchemaVersion = SCENARIO_SCHEMA_VERSION
    name: str = Field(min_length=1, max_length=200)
    question: str = Field(min_length=1, max_length=500)
    description: str | None = Field(default=None, max_length=10000)
    case: str | None = Field(default=None, min_length=1, max_length=1000)
    interventions: list[Intervention] = Field(default_factory=list, max_length=10000)
    # the bounds are checked by argmap.scenario.limits (the command line's rule too);
    # the schema states them for editors
    samples: int | None = Field(
        default=None, json_schema_extra={"minimum": 1, "maximum": MAX_SAMPLES}
    )
    seed: int | None = Field(default=None, json_schema_extra={"minimum": 0, "maximum": MAX_SEED})
    semantics: DungName | None = None
    gradual: GradualName | None = None
    as_of: dt.date | None = None
    """Read the scenario's case as of this date (:mod:`argmap.model.as_of`)."""

    # where the scenario was read from: file name and path -> line map, for errors
    _file: str | None = PrivateAttr(default=None)
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    @field_validator("samples")
    @classmethod
    def _samples_in_range(cls, value: int | None) -> int | None:
        return None if value is None else check_samples(value)

    @field_validator("seed")
    @classmethod
    def _seed_in_range(cls, value: int | None) -> int | None:
        return None if value is None else check_seed(value)

    @field_validator("question")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value:
            raise ValueError("the question must be one line")
        return value

    @model_serializer(mode="wrap")
    def _versioned(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {"schema_version": self.schema_version, **data}

    @property
    def file(self) -> str | None:
        """The file this scenario was read from, if any."""
        return self._file

    def located(self, file: str | None, lines: dict[str, int] | None = None) -> Scenario:
        """Remember where the scenario came from (for file:line in errors)."""
        self._file = file
        self._lines = dict(lines or {})
        return self

    def line_of(self, path: str) -> int | None:
        """The line of ``path`` in the scenario file (or of its nearest ancestor)."""
        return line_for(self._lines, path) if self._file else None
