"""The result of evaluating a case: per node a label, a strength and a standard.

This is the contract between the engine and everything that shows results (render,
scenario comparison, CLI tables, notebooks). Fields may be added; none is removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from argmap.display import Displayable, DisplayTable
from argmap.tables import make_frame
from argmap.vocabulary import (
    BURDEN,
    CLAIM,
    CLAIM_COLUMNS,
    ISSUE,
    LABEL,
    STANDARD,
    STANDARD_MET,
    STRENGTH,
    TEXT,
    VERDICT,
    Label,
    Verdict,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

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


class ClaimText(Protocol):
    """What a table of results reads from a case's claim: its issue and its text."""

    @property
    def id(self) -> str: ...
    @property
    def issue(self) -> str | None: ...
    @property
    def text(self) -> str: ...


class HasClaims(Protocol):
    """A case, as far as a table of results needs it (:class:`argmap.model.Case` is one)."""

    @property
    def claims(self) -> Sequence[ClaimText]: ...


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

    def to_frame(self, case: HasClaims | None = None) -> pd.DataFrame:
        """One row per claim, in case order: the columns of
        :data:`argmap.vocabulary.CLAIM_COLUMNS` (claim, issue, text, label, strength,
        standard, standard_met, verdict, burden).

        The results do not hold the claims' issues and texts; pass the evaluated
        ``case`` to fill those two columns (they are empty without it).

        Examples
        --------
        >>> from argmap.io.casefile import load
        >>> from argmap.semantics.evaluate import evaluate
        >>> case = load("examples/ad_tool_dispute.yaml")
        >>> frame = evaluate(case).to_frame(case)
        >>> frame.loc[0, ["claim", "issue", "label", "verdict"]].tolist()
        ['C_principled', 'I_motive', 'in', 'proved']
        >>> print(frame.columns.tolist())  # doctest: +NORMALIZE_WHITESPACE
        ['claim', 'issue', 'text', 'label', 'strength', 'standard', 'standard_met',
         'verdict', 'burden']
        """
        claims = {c.id: c for c in case.claims} if case is not None else {}
        records = []
        for r in self.claims():
            claim = claims.get(r.id)
            records.append(
                {
                    CLAIM: r.id,
                    ISSUE: claim.issue if claim is not None else None,
                    TEXT: claim.text if claim is not None else None,
                    LABEL: r.label.value,
                    STRENGTH: r.strength,
                    STANDARD: r.standard,
                    STANDARD_MET: r.standard_met,
                    VERDICT: r.verdict.value,
                    BURDEN: r.burden,
                }
            )
        frame = make_frame(records, CLAIM_COLUMNS)
        frame.attrs.update(
            title=self.title,
            semantics=self.semantics,
            gradual=self.gradual,
            defeat=self.defeat,
            converged=self.converged,
        )
        return frame
