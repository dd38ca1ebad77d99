"""The result of evaluating a case: per node a label, a strength and a standard.

This is the contract between the engine and everything that shows results (render,
scenario comparison, CLI tables, notebooks). Fields may be added; none is removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from argmap.display import Displayable, DisplayTable
from argmap.vocabulary import Label, Verdict

__all__ = ["Evaluation", "Label", "NodeResult", "Verdict"]


@dataclass(frozen=True)
class NodeResult:
    """What the engine concluded about one node of the case.

    ``standard_met`` is ``None`` for nodes that have no issue (and so no standard).
    """

    id: str
    kind: str
    label: Label
    strength: float
    standard: str | None = None
    standard_met: bool | None = None
    burden: str | None = None
    """Who bears the burden of persuasion (and of production, where it differs)."""
    open_questions: tuple[str, ...] = ()
    """An argument's open critical questions of positive weight, each an implicit
    undercutter (:mod:`argmap.semantics.critical_questions`)."""

    @property
    def verdict(self) -> Verdict:
        """The label and the standard read together (:class:`Verdict`)."""
        return Verdict.of(self.label, self.standard_met)


@dataclass(frozen=True)
class Evaluation(Displayable):
    """Results for every node of a case under one Dung and one gradual semantics.

    In Jupyter it shows a table of its claims (every node when there is no claim),
    drawn as a chart once :mod:`argmap.maps` is loaded.

    >>> ev = Evaluation("t", "grounded", "dfquad", {"C": NodeResult("C", "claim", Label.IN, 0.5)})
    >>> print(ev._repr_markdown_())
    **t: grounded semantics, dfquad strengths**
    <BLANKLINE>
    | node | label | strength | standard | met | verdict |
    | --- | --- | ---: | --- | --- | --- |
    | C | in | 0.500 | – | – | accepted |
    """

    title: str
    semantics: str
    gradual: str
    nodes: dict[str, NodeResult]
    converged: bool = True
    iterations: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    defeat: str = "preference, weakest-link, elitist"
    """How attacks became defeats (:class:`~argmap.semantics.defeat.DefeatRule`)."""
    # -- legal: the date read as of, Horty consistency, precedent weights in words --
    as_of: dt.date | None = None
    """The date the case was read as of (:mod:`argmap.model.as_of`), if any."""
    conflicts: tuple[str, ...] = ()
    """Decisions the case base forbids a fortiori
    (:func:`~argmap.semantics.precedent.a_fortiori_conflicts`)."""
    precedent_weights: dict[str, str] = field(default_factory=dict)
    """Argument from precedent id -> its weight in words and numbers
    (:func:`~argmap.semantics.precedent.describe_weight`)."""

    def __getitem__(self, node_id: str) -> NodeResult:
        return self.nodes[node_id]

    def __iter__(self) -> Iterator[NodeResult]:
        return iter(self.nodes.values())

    def claims(self) -> list[NodeResult]:
        """The results for claims, in case order."""
        return [r for r in self.nodes.values() if r.kind == "claim"]

    def _display_table(self) -> DisplayTable:
        rows = [
            (r.id, r.label.value, r.strength, r.standard, r.standard_met, r.verdict.value)
            for r in (self.claims() or list(self))
        ]
        title = f"{self.title}: {self.semantics} semantics, {self.gradual} strengths"
        header = ("node", "label", "strength", "standard", "met", "verdict")
        return DisplayTable(title, header, rows)
