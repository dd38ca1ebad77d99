"""How a case turns attacks into defeats, as data: the rule, the ordering, the set
comparison (the semantics are in :mod:`argmap.semantics.defeat`).

In a file: ``defeat: {ordering: last-link}``; every field has a default, so a case
that says nothing gets preference-based defeat under weakest link, elitist.

>>> DefeatSettings().rule
'preference'
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from argmap.model.values import STRICT

__all__ = ["DefeatSettings"]


class DefeatSettings(BaseModel):
    """A case's own choice of defeat rule (the evaluation call can override it).

    ``rule``: ``preference`` (an attack fails on a strictly stronger target; undercuts
    and contraries always succeed) or ``attack`` (every attack of positive weight
    defeats). ``ordering``: ASPIC+'s ``weakest-link`` or ``last-link``.
    ``comparison``: ``elitist`` or ``democratic`` set comparison.
    """

    model_config = STRICT
    rule: Literal["preference", "attack"] = "preference"
    ordering: Literal["weakest-link", "last-link"] = "weakest-link"
    comparison: Literal["elitist", "democratic"] = "elitist"
