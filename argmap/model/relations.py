"""Relations between nodes: support and the three kinds of attack.

- ``support``: the origin gives reason to accept the target (a claim or an argument).
- ``rebut``: the origin contradicts the target claim (the conclusion).
- ``undermine``: the origin casts doubt on a premise (a claim, evidence or event).
- ``undercut``: the origin denies that an argument's premises support its conclusion;
  the target must be an argument.

In a file a relation is written ``{kind: rebut, from: E3, to: C1}``. A relation with an
``id`` can itself be undercut: ``{kind: undercut, from: R_binding, to: <id>}`` removes
the force of that attack or support (attacks on attacks, Baroni et al. 2011).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from argmap import vocabulary
from argmap.model.values import STRICT, Id, ScoreOrExpression
from argmap.vocabulary import RelationKind

__all__ = ["ATTACK_KINDS", "Relation", "RelationKind"]


ATTACK_KINDS = frozenset(RelationKind(kind) for kind in vocabulary.ATTACK_KINDS)
"""Rebut, undermine and undercut, as relation kinds."""


class Relation(BaseModel):
    """A typed edge ``origin -> target`` with an optional weight (default 1)."""

    model_config = STRICT
    kind: RelationKind
    origin: Id = Field(alias="from")
    target: Id = Field(alias="to")
    weight: ScoreOrExpression | None = None
    id: Id | None = None
    """A name for the relation, so that an undercut can target it (``to: <id>``)."""
    note: str | None = Field(default=None, max_length=1000)

    @property
    def is_attack(self) -> bool:
        """True for rebut, undermine and undercut."""
        return self.kind in ATTACK_KINDS
