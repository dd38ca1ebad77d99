"""The typed argument graph: pydantic models of a case. No I/O, no algorithms."""

from argmap.model.case import NODE_SECTIONS, SCHEMA_VERSION, Case, Node
from argmap.model.contraries import Exclusion, ExclusionKind
from argmap.model.defeat import DefeatSettings
from argmap.model.expressions import Expression, parse_expression
from argmap.model.nodes import (
    Argument,
    Claim,
    DisputedDate,
    Event,
    Evidence,
    EvidenceStatus,
    Factor,
    Issue,
    Outcome,
    Party,
    Precedent,
    PrecedentStatus,
    Side,
    Source,
    Stance,
)
from argmap.model.parameters import (
    Beta,
    Choice,
    Distribution,
    Domain,
    Parameter,
    Triangular,
    TruncatedNormal,
    Uniform,
)
from argmap.model.relations import ATTACK_KINDS, Relation, RelationKind
from argmap.model.standards import (
    DEFAULT_THRESHOLDS,
    ProofReading,
    ProofSettings,
    ProofStandard,
    StandardName,
)

__all__ = [
    "ATTACK_KINDS",
    "DEFAULT_THRESHOLDS",
    "NODE_SECTIONS",
    "SCHEMA_VERSION",
    "Argument",
    "Beta",
    "Case",
    "Choice",
    "Claim",
    "DefeatSettings",
    "DisputedDate",
    "Distribution",
    "Domain",
    "Event",
    "Evidence",
    "EvidenceStatus",
    "Exclusion",
    "ExclusionKind",
    "Expression",
    "Factor",
    "Issue",
    "Node",
    "Outcome",
    "Parameter",
    "Party",
    "Precedent",
    "PrecedentStatus",
    "ProofReading",
    "ProofSettings",
    "ProofStandard",
    "Relation",
    "RelationKind",
    "Side",
    "Source",
    "Stance",
    "StandardName",
    "Triangular",
    "TruncatedNormal",
    "Uniform",
    "parse_expression",
]
