"""The Case: one whole dispute as a validated, immutable document.

A Case holds lists of nodes of each kind, the relations between them and the named
parameters their weights may use. Field-level validation (types, ranges, expression
syntax) is pydantic's; whole-document integrity (ids, references, the kinds at each
relation's ends, parameter names) is checked by :func:`argmap.model.integrity.problems`
in one model validator, which reports every problem with its path at once.

>>> case = Case(title="t", claims=[Claim(id="C1", text="The data was licensed")])
>>> case.node("C1").text
'The data was licensed'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cached_property
from typing import Any, Literal

from pydantic import (
    BaseModel,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from argmap.display import Displayable, DisplayTable
from argmap.errors import CaseError
from argmap.model.contraries import Exclusion
from argmap.model.defeat import DefeatSettings
from argmap.model.expect import Expectations
from argmap.model.integrity import problems
from argmap.model.nodes import (
    Argument,
    Claim,
    Event,
    Evidence,
    Factor,
    Issue,
    Party,
    Precedent,
    Source,
)
from argmap.model.parameters import Parameter
from argmap.model.relations import Relation
from argmap.model.schemes import QuestionSettings, Scheme
from argmap.model.standards import ProofSettings
from argmap.model.values import STRICT, SchemaVersion
from argmap.vocabulary import NODE_SECTIONS

__all__ = ["NODE_SECTIONS", "SCHEMA_VERSION", "Case", "Node"]

SCHEMA_VERSION: Literal[1] = 1

Node = Party | Source | Issue | Claim | Evidence | Argument | Factor | Precedent | Event


class Case(BaseModel, Displayable):
    """A dispute: its parties, sources, issues, claims, evidence, arguments,
    factors, precedents, events, relations and parameters."""

    # (the docstring is the schema's description; in Jupyter a case shows its map, once
    # argmap.maps is loaded, over the table _display_table gives: argmap.display)

    model_config = STRICT | {"title": "argmap case"}

    schema_version: SchemaVersion = SCHEMA_VERSION
    title: str = Field(min_length=1, max_length=300)
    description: str | None = Field(default=None, max_length=10000)
    parameters: list[Parameter] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    arguments: list[Argument] = Field(default_factory=list)
    factors: list[Factor] = Field(default_factory=list)
    precedents: list[Precedent] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    contraries: list[Exclusion] = Field(default_factory=list)
    proof: ProofSettings = Field(default_factory=ProofSettings)
    schemes: list[Scheme] = Field(
        default_factory=list, description="argumentation schemes beyond the catalogue"
    )
    critical_questions: QuestionSettings = Field(default_factory=QuestionSettings)
    defeat: DefeatSettings = Field(default_factory=DefeatSettings)
    # -- legal: the date the case is read as of (argmap.model.as_of) --
    as_of: dt.date | None = None
    """Read the case with only what was known on this date (``--as-of`` overrides)."""
    expect: Expectations = Field(default_factory=dict)
    """Expected outcomes per run (:mod:`argmap.model.expect`), checked by ``argmap check``."""

    @model_validator(mode="after")
    def _integrity(self) -> Case:
        found = problems(self)
        if found:
            # not a ValueError: pydantic passes it through whole, with every path intact
            raise CaseError(found)
        return self

    @model_serializer(mode="wrap")
    def _versioned(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # the version is written even though it is the default: files must say it
        data: dict[str, Any] = handler(self)
        return {"schema_version": self.schema_version, **data}

    # -- lookup ---------------------------------------------------------------------

    @cached_property
    def _index(self) -> dict[str, Node]:
        return {node.id: node for node in self.iter_nodes()}

    def iter_nodes(self) -> Iterator[Node]:
        """Every node of every kind, in file order."""
        for section in NODE_SECTIONS:
            yield from getattr(self, section)

    def node(self, node_id: str) -> Node:
        """The node with this id (any kind); KeyError if there is none."""
        return self._index[node_id]

    def has(self, node_id: str) -> bool:
        """Whether a node with this id exists."""
        return node_id in self._index

    @property
    def parameter_values(self) -> dict[str, float]:
        """Each parameter's current value by name."""
        return {p.id: p.value for p in self.parameters}

    def _display_table(self) -> DisplayTable:
        rows = [(part, n) for part, n in self.counts().items() if n]
        return DisplayTable(self.title, ("part", "count"), rows)

    def counts(self) -> dict[str, int]:
        """How many of each kind of element the case has (for summaries)."""
        out = {section: len(getattr(self, section)) for section in NODE_SECTIONS}
        out["relations"] = len(self.relations)
        out["contraries"] = len(self.contraries)
        out["parameters"] = len(self.parameters)
        return out
