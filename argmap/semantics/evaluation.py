"""The result of evaluating a case: per node a label, a strength and a standard.

This is the contract between the engine and everything that shows results (render,
scenario comparison, CLI tables, notebooks). Fields may be added; none is removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Evaluation", "Label", "NodeResult", "Verdict"]


class Label(StrEnum):
    """A Dung labelling's verdict on one argument (Caminada's labels)."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


class Verdict(StrEnum):
    """One word for a claim's standing, reading its Dung label and its proof standard
    together (the two can disagree: the label counts every defeat that nothing
    answers, the standard reads the claim's strength against a threshold).

    ========== ================ =====================================================
    verdict    label, standard  reading
    ========== ================ =====================================================
    proved     in, met          no defeat stands and the strength meets the standard
    accepted   in, (none)       no defeat stands; the claim has no issue to prove
    unproven   in, not met      no defeat stands, but the strength falls short
    contested  out/undec, met   the strength meets the standard, yet a defeat stands
    undecided  undec, not met   attacks and defences are in a stalemate
    defeated   out, not met     a defeat stands and the strength does not save it
    ========== ================ =====================================================
    """

    PROVED = "proved"
    ACCEPTED = "accepted"
    UNPROVEN = "unproven"
    CONTESTED = "contested"
    UNDECIDED = "undecided"
    DEFEATED = "defeated"

    @property
    def meaning(self) -> str:
        """A short gloss for legends and table notes."""
        return _VERDICT_MEANINGS[self]

    @classmethod
    def of(cls, label: Label, standard_met: bool | None) -> Verdict:
        """The verdict for ``label`` and ``standard_met`` (None: no standard).

        >>> Verdict.of(Label.OUT, True)
        <Verdict.CONTESTED: 'contested'>
        """
        if label is Label.IN:
            if standard_met is None:
                return cls.ACCEPTED
            return cls.PROVED if standard_met else cls.UNPROVEN
        if standard_met:
            return cls.CONTESTED
        return cls.UNDECIDED if label is Label.UNDEC else cls.DEFEATED


_VERDICT_MEANINGS = {
    Verdict.PROVED: "in, and its issue's proof standard is met",
    Verdict.ACCEPTED: "in; no proof standard applies",
    Verdict.UNPROVEN: "in (no attack on it stands), but the standard is not met",
    Verdict.CONTESTED: "the standard is met, but an attack on it stands unanswered "
    "(label out or undec)",
    Verdict.UNDECIDED: "undec, and the standard is not met",
    Verdict.DEFEATED: "out: an attack on it stands, and the standard is not met",
}


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
class Evaluation:
    """Results for every node of a case under one Dung and one gradual semantics."""

    title: str
    semantics: str
    gradual: str
    nodes: dict[str, NodeResult]
    converged: bool = True
    iterations: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    defeat: str = "preference, weakest-link, elitist"
    """How attacks became defeats (:class:`~argmap.semantics.defeat.DefeatRule`)."""

    def __getitem__(self, node_id: str) -> NodeResult:
        return self.nodes[node_id]

    def __iter__(self) -> Iterator[NodeResult]:
        return iter(self.nodes.values())

    def claims(self) -> list[NodeResult]:
        """The results for claims, in case order."""
        return [r for r in self.nodes.values() if r.kind == "claim"]
