"""The words argmap's files, commands, engine and tables share, each written once.

Semantics names (with their aliases and the one checker that reads them), node kinds
and the case-file sections that hold them, relation kinds, the id pattern, Dung labels
and verdict words, and the column names of result tables. Everything here is plain
Python (no pydantic, numpy or file code), so the command line can build its help from
it without importing the engine, and every layer of argmap may import it.

>>> check_dung("Semi_Stable")
'semi-stable'
>>> check_gradual("QE")
'quadratic_energy'
>>> SECTION_OF_KIND["evidence"], KIND_OF_SECTION["claims"]
('evidence', 'claim')
>>> is_id("C1"), is_id("1C")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Literal, get_args

from argmap.errors import SolverError

__all__ = [
    "ATTACK_KINDS",
    "AUDIENCES",
    "CLAIM_COLUMNS",
    "COMPARISON_COLUMNS",
    "DRAW_COLUMNS",
    "DUNG_ALIASES",
    "DUNG_SEMANTICS",
    "GRADUAL_ALIASES",
    "GRADUAL_SEMANTICS",
    "GRAPH_KINDS",
    "ICCMA_SEMANTICS",
    "ID_PATTERN",
    "KIND_OF_SECTION",
    "NODE_KINDS",
    "NODE_SECTIONS",
    "RELATION_KINDS",
    "SCORE_FIELD",
    "SECTION_OF_KIND",
    "TIMELINE_COLUMNS",
    "TORNADO_COLUMNS",
    "AttackKind",
    "Audience",
    "DungName",
    "GradualName",
    "Label",
    "ProofReading",
    "RelationKind",
    "StandardName",
    "Verdict",
    "check_audience",
    "check_dung",
    "check_gradual",
    "is_id",
]

# -- semantics ----------------------------------------------------------------------

DungName = Literal["grounded", "complete", "preferred", "stable", "semi-stable", "ideal", "stage"]
"""A Dung (extension) semantics argmap implements, by its canonical name."""

DUNG_SEMANTICS: tuple[str, ...] = get_args(DungName)
"""The Dung (extension) semantics argmap implements, by their canonical names."""

DUNG_ALIASES: Mapping[str, str] = {"semistable": "semi-stable"}
"""Other spellings of Dung semantics names (after lower-casing, ``_`` read as ``-``)."""

ICCMA_SEMANTICS: Mapping[str, str] = {
    "CO": "complete",
    "GR": "grounded",
    "PR": "preferred",
    "ST": "stable",
    "SST": "semi-stable",
    "ID": "ideal",
    "STG": "stage",
}
"""The ICCMA competition's code for each Dung semantics (``DC-CO``, ``EE-PR``, ...)."""

GradualName = Literal["dfquad", "quadratic_energy", "euler_based", "h_categorizer"]
"""A gradual semantics argmap implements, by its canonical name."""

GRADUAL_SEMANTICS: tuple[str, ...] = get_args(GradualName)
"""The gradual semantics argmap implements, by their canonical names."""

GRADUAL_ALIASES: Mapping[str, str] = {
    "df-quad": "dfquad",
    "qe": "quadratic_energy",
    "euler": "euler_based",
}
"""Other spellings of gradual semantics names (after lower-casing)."""


def _canonical(
    name: str, key: str, names: tuple[str, ...], aliases: Mapping[str, str], what: str
) -> str:
    # the one reader of semantics names: ``key`` is ``name`` in the family's spelling
    key = aliases.get(key, key)
    if key not in names:
        raise SolverError(f"unknown {what} {name!r} (choose from {', '.join(names)})")
    return key


def check_dung(semantics: str) -> str:
    """The canonical name of a Dung semantics (aliases accepted).

    Case, ``_`` for ``-`` and surrounding spaces do not matter.

    Raises
    ------
    SolverError
        For a name that is not one of :data:`DUNG_SEMANTICS` or an alias.

    >>> check_dung(" Preferred ")
    'preferred'
    >>> check_dung("semistable")
    'semi-stable'
    """
    key = semantics.strip().lower().replace("_", "-")
    return _canonical(semantics, key, DUNG_SEMANTICS, DUNG_ALIASES, "semantics")


def check_gradual(name: str) -> str:
    """The canonical name of a gradual semantics (aliases accepted).

    Case and surrounding spaces do not matter; spaces and ``-`` read as ``_``.

    Raises
    ------
    SolverError
        For a name that is not one of :data:`GRADUAL_SEMANTICS` or an alias.

    >>> check_gradual("Euler")
    'euler_based'
    """
    key = name.strip().lower().replace(" ", "_")
    key = GRADUAL_ALIASES.get(key, key).replace("-", "_")
    return _canonical(name, key, GRADUAL_SEMANTICS, GRADUAL_ALIASES, "gradual semantics")


# -- nodes and relations ------------------------------------------------------------

SECTION_OF_KIND: Mapping[str, str] = {
    "party": "parties",
    "source": "sources",
    "issue": "issues",
    "claim": "claims",
    "evidence": "evidence",
    "argument": "arguments",
    "factor": "factors",
    "precedent": "precedents",
    "event": "events",
}
"""The case-file list that holds each kind of node, in file order."""

KIND_OF_SECTION: Mapping[str, str] = {section: kind for kind, section in SECTION_OF_KIND.items()}
"""The kind of node each case-file list holds."""

NODE_KINDS: tuple[str, ...] = tuple(SECTION_OF_KIND)
"""Every kind of node, in file order."""

NODE_SECTIONS: tuple[str, ...] = tuple(SECTION_OF_KIND.values())
"""The list fields of a case that hold nodes, in file order."""

GRAPH_KINDS: tuple[str, ...] = ("claim", "evidence", "argument", "precedent", "event")
"""The kinds of node that stand in the argument graph: each may be the origin of a
relation, becomes an argument of the compiled framework and is drawn as a node of a map
(parties, sources, issues and factors are shown otherwise)."""


class RelationKind(StrEnum):
    """What a relation does to its target (see :mod:`argmap.model.relations`)."""

    SUPPORT = "support"
    REBUT = "rebut"
    UNDERMINE = "undermine"
    UNDERCUT = "undercut"


RELATION_KINDS: tuple[str, ...] = tuple(kind.value for kind in RelationKind)
"""Every relation kind a case file may write."""

AttackKind = Literal["rebut", "undermine", "undercut"]
"""One of the three kinds of attack (ASPIC+'s rebut, undermine, undercut)."""

ATTACK_KINDS: tuple[AttackKind, ...] = get_args(AttackKind)
"""The three kinds of attack, in that order."""

SCORE_FIELD: Mapping[str, str] = {
    "claim": "base_score",
    "evidence": "reliability",
    "precedent": "authority",
}
"""The field holding each scored kind's score (an argument's is its ``weight``)."""

ID_PATTERN = r"[A-Za-z][A-Za-z0-9_.\-]{0,63}"
"""What an id looks like: a letter, then at most 63 letters, digits, ``_ . -``."""

_ID = re.compile(ID_PATTERN)


def is_id(text: str) -> bool:
    """Whether ``text`` is a valid node id (:data:`ID_PATTERN`, whole).

    >>> is_id("ev_api.prices-2"), is_id("C 1")
    (True, False)
    """
    return _ID.fullmatch(text) is not None


# -- proof --------------------------------------------------------------------------


class StandardName(StrEnum):
    """The Carneades proof standards argmap knows."""

    SCINTILLA = "scintilla"
    PREPONDERANCE = "preponderance"
    CLEAR_AND_CONVINCING = "clear_and_convincing"
    BEYOND_REASONABLE_DOUBT = "beyond_reasonable_doubt"
    DIALECTICAL_VALIDITY = "dialectical_validity"


class ProofReading(StrEnum):
    """How a case reads its proof standards.

    - ``strength``: a claim meets its standard when its final strength exceeds the
      standard's threshold and the strength of every claim declared to exclude it
      (:mod:`argmap.model.contraries`); dialectical validity keeps its definition
      over arguments.
    - ``carneades``: the standards of Gordon, Prakken and Walton over the weights of
      the applicable pro and con arguments, and the strength above the threshold too,
      so that no claim is proved below its threshold under either reading.
    """

    STRENGTH = "strength"
    CARNEADES = "carneades"


# -- results ------------------------------------------------------------------------


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

# -- result table columns --------------------------------------------------------------
# the names every result table uses (CSV header, JSON keys, DataFrame columns); the
# dialect they are written in is argmap.tables'

CLAIM = "claim"
"""The claim's id: the one header name for it in every table."""
DATE = "date"
SCENARIO = "scenario"
ISSUE = "issue"
TEXT = "text"
LABEL = "label"
STRENGTH = "strength"
STANDARD = "standard"
STANDARD_MET = "standard_met"
VERDICT = "verdict"
BURDEN = "burden"
BASELINE_LABEL = "baseline_label"
LABEL_CHANGED = "label_changed"
STRENGTH_DELTA = "strength_delta"
STANDARD_FLIP = "standard_flip"
P_STANDARD = "p_standard"
Q05 = "q05"
Q50 = "q50"
Q95 = "q95"
UNDEFINED = "undefined"
P_IN = "p_in"
P_OUT = "p_out"
P_UNDEC = "p_undec"
P_PROVED = "p_proved"
P_ACCEPTED = "p_accepted"
P_UNPROVEN = "p_unproven"
P_CONTESTED = "p_contested"
P_UNDECIDED = "p_undecided"
P_DEFEATED = "p_defeated"
MODAL_VERDICT = "modal_verdict"
P_MODAL_VERDICT = "p_modal_verdict"

CLAIM_COLUMNS: tuple[str, ...] = (
    CLAIM,
    ISSUE,
    TEXT,
    LABEL,
    STRENGTH,
    STANDARD,
    STANDARD_MET,
    VERDICT,
    BURDEN,
)
"""The columns of a per-claim result table, in order (``Evaluation.to_frame``, the
report's ``evaluation.csv``, ``argmap evaluate``)."""

COMPARISON_COLUMNS: tuple[str, ...] = (
    CLAIM,
    SCENARIO,
    LABEL,
    STRENGTH,
    STANDARD,
    STANDARD_MET,
    VERDICT,
    BASELINE_LABEL,
    LABEL_CHANGED,
    STRENGTH_DELTA,
    STANDARD_FLIP,
)
"""One row per claim and scenario (``Comparison.to_frame``), before the draws."""

DRAW_COLUMNS: tuple[str, ...] = (
    P_STANDARD,
    Q05,
    Q50,
    Q95,
    UNDEFINED,
    P_IN,
    P_OUT,
    P_UNDEC,
    P_PROVED,
    P_ACCEPTED,
    P_UNPROVEN,
    P_CONTESTED,
    P_UNDECIDED,
    P_DEFEATED,
    MODAL_VERDICT,
    P_MODAL_VERDICT,
)
"""What a comparison row adds with Monte Carlo draws: the share meeting the standard,
the strength's quantiles, the undefined draws, each label's and verdict's share, and
the most frequent verdict with its share."""

TIMELINE_COLUMNS: tuple[str, ...] = (DATE, CLAIM, STRENGTH, VERDICT)
"""One row per date and claim of a strength timeline (``Timeline.to_frame``)."""

TORNADO_COLUMNS: tuple[str, ...] = (
    "parameter",
    "low",
    "high",
    "strength_low",
    "strength_high",
    "swing",
    "met_low",
    "met_high",
)
"""One row per parameter of a tornado: its 5 % and 95 % values, the claim's strength
at each, the swing, and whether the standard is met at each end."""


# -- audiences ----------------------------------------------------------------------

Audience = Literal["reader", "analyst"]
"""Who a figure is for: a ``reader`` sees claims in their own words and no semantics
names; an ``analyst`` sees node ids and the semantics used."""

AUDIENCES: tuple[str, ...] = get_args(Audience)
"""The audiences, the default (``reader``) first."""


def check_audience(audience: str) -> Audience:
    """``audience`` if it is one of :data:`AUDIENCES`.

    Raises
    ------
    SolverError
        For any other word, naming the choices.

    >>> check_audience("analyst")
    'analyst'
    """
    if audience == "reader":
        return "reader"
    if audience == "analyst":
        return "analyst"
    raise SolverError(f"unknown audience {audience!r} (choose one of: {', '.join(AUDIENCES)})")
