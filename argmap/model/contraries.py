"""Claims that exclude each other: contradictories and contraries.

Following ASPIC+'s contrariness function (Modgil and Prakken 2013, Def. 2):

- ``contradictory``: the two claims cannot both hold, and each is as much the negation
  of the other. They rebut each other, both ways, and preference settles which rebut
  succeeds; so no verdict depends on the direction in which an author drew the arrow.
- ``contrary``: the first claim excludes the second, but not the other way round (a
  specific finding excludes a general presumption). The first attacks the second and
  the attack succeeds whatever the preference, as an attack by a contrary does in
  ASPIC+.

In a file: ``contraries: [{kind: contradictory, claims: [C_illegal, C_lawful]}]``.

>>> Exclusion(kind="contrary", claims=("C_licence_ended", "C_licensed")).kind.value
'contrary'
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from argmap.errors import Problem
from argmap.model.values import STRICT, Id

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model.case import Case

__all__ = ["Exclusion", "ExclusionKind", "one_way_rebuts"]


class ExclusionKind(StrEnum):
    """How two claims exclude each other."""

    CONTRADICTORY = "contradictory"
    CONTRARY = "contrary"


class Exclusion(BaseModel):
    """Two claims that cannot both hold (module docstring): for a ``contrary``, the
    first of ``claims`` is the contrary of the second."""

    model_config = STRICT
    kind: ExclusionKind
    claims: tuple[Id, Id]
    note: str | None = Field(default=None, max_length=1000)

    @property
    def symmetric(self) -> bool:
        """True for contradictories."""
        return self.kind is ExclusionKind.CONTRADICTORY


def one_way_rebuts(case: Case) -> list[Problem]:
    """Rebuts drawn one way between two claims of the same issue that are not declared
    contraries: a warning for each, at the relation's path.

    Such an arrow makes a verdict depend on the direction the author drew it: two
    positions on one issue usually exclude each other both ways, and should then be
    declared contradictories (or, if only one excludes the other, a contrary).

    >>> from argmap.model import Case, Claim, Issue, Relation
    >>> case = Case(title="t", issues=[Issue(id="I", question="q?")],
    ...             claims=[Claim(id="A", text="a", issue="I"), Claim(id="B", text="b", issue="I")],
    ...             relations=[Relation(kind="rebut", origin="A", target="B")])
    >>> print(one_way_rebuts(case)[0])  # doctest: +NORMALIZE_WHITESPACE
    relations[0]: warning: rebut A -> B within issue I is one-way:
    declare A and B contradictories or a contrary
    """
    issue_of = {c.id: c.issue for c in case.claims}
    declared = {frozenset(e.claims) for e in case.contraries}
    rebuts = {(r.origin, r.target) for r in case.relations if r.kind.value == "rebut"}
    found: list[Problem] = []
    for i, rel in enumerate(case.relations):
        a, b = rel.origin, rel.target
        if rel.kind.value != "rebut" or (b, a) in rebuts or frozenset((a, b)) in declared:
            continue
        issue = issue_of.get(a)
        if issue is None or issue != issue_of.get(b):
            continue
        found.append(
            Problem(
                f"relations[{i}]",
                f"warning: rebut {a} -> {b} within issue {issue} is one-way: "
                f"declare {a} and {b} contradictories or a contrary",
            )
        )
    return found
