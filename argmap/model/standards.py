"""Proof standards (Carneades) as data: which test a claim's issue must pass.

The definitions follow Gordon, Prakken and Walton, "The Carneades model of argument and
burden of proof", Artificial Intelligence 171 (2007). With ``pro`` and ``con`` the
weights of the applicable arguments for and against a statement:

- scintilla: at least one pro argument applies, whatever its weight;
- preponderance: scintilla, and max pro > max con;
- clear and convincing: max pro > alpha and max pro - max con > beta;
- beyond reasonable doubt: clear and convincing, and max con < gamma;
- dialectical validity: some pro argument applies and no con argument does, whatever
  its weight (a con of weight 0 still blocks it).

Default thresholds alpha = 0.5, beta = 0.3, gamma = 0.2 are the values used in the
worked examples of that line of work; each issue may set its own.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from argmap.model.values import STRICT
from argmap.vocabulary import ProofReading, StandardName

__all__ = [
    "DEFAULT_ALPHA",
    "DEFAULT_BETA",
    "DEFAULT_GAMMA",
    "DEFAULT_THRESHOLDS",
    "ProofReading",
    "ProofSettings",
    "ProofStandard",
    "StandardName",
]

DEFAULT_ALPHA = 0.5
DEFAULT_BETA = 0.3
DEFAULT_GAMMA = 0.2


_Threshold = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]


class ProofStandard(BaseModel):
    """A proof standard with its thresholds.

    In a file it may be written as just the name (``proof_standard: preponderance``)
    or as a mapping with thresholds (``{name: clear_and_convincing, alpha: 0.6}``).
    """

    model_config = STRICT
    name: StandardName = StandardName.PREPONDERANCE
    alpha: _Threshold = DEFAULT_ALPHA
    beta: _Threshold = DEFAULT_BETA
    gamma: _Threshold = DEFAULT_GAMMA
    threshold: _Threshold | None = None
    """The strength the claim must exceed (default: the case's, else
    :data:`DEFAULT_THRESHOLDS`)."""


DEFAULT_THRESHOLDS: dict[StandardName, float] = {
    StandardName.SCINTILLA: 0.0,
    StandardName.PREPONDERANCE: 0.5,
    StandardName.CLEAR_AND_CONVINCING: 0.75,
    StandardName.BEYOND_REASONABLE_DOUBT: 0.9,
}
"""The strength a claim must exceed, strictly, to meet a standard read over strength:
more likely than not, highly probable, beyond reasonable doubt. Dialectical validity
is about arguments, not strength, and has no threshold."""


class ProofSettings(BaseModel):
    """A case's reading of proof standards, and its own thresholds per standard.

    In a file: ``proof: {reading: carneades, thresholds: {preponderance: 0.55}}``.
    """

    model_config = STRICT
    reading: ProofReading = ProofReading.STRENGTH
    thresholds: dict[StandardName, _Threshold] = Field(default_factory=dict)
