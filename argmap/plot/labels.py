"""The words on a chart, for its audience: a ``reader`` sees claims and parameters in
their own words and no semantics names; an ``analyst`` sees ids and semantics names.

>>> from argmap.io.casefile import load
>>> case = load("examples/ad_tool_dispute.yaml")
>>> claim_name(case, case.claims[0].id, "analyst") == case.claims[0].id
True
"""

from __future__ import annotations

from argmap.errors import SolverError
from argmap.model import Case
from argmap.plot.style import plain, wrap
from argmap.vocabulary import Audience, check_audience

__all__ = ["claim_name", "claim_title", "parameter_name", "strength_label"]


def _claim_text(case: Case, claim: str) -> str:
    for node in case.claims:
        if node.id == claim:
            return node.text
    raise SolverError(f"unknown claim {claim!r}")


def claim_name(case: Case, claim: str, audience: Audience, width: int = 40) -> str:
    """How a claim is named in a legend or on an axis: its text, shortened and wrapped
    (reader), or its id (analyst)."""
    if check_audience(audience) == "analyst":
        _claim_text(case, claim)
        return plain(claim)
    return wrap(_claim_text(case, claim), width, limit=90)


def claim_title(case: Case, claim: str, audience: Audience, width: int = 80) -> str:
    """A chart's title for one claim: its text (reader), ``id: text`` (analyst)."""
    text = _claim_text(case, claim)
    if check_audience(audience) == "analyst":
        text = f"{claim}: {text}"
    return wrap(text, width, limit=200)


def parameter_name(case: Case, parameter: str, audience: Audience, width: int = 34) -> str:
    """A parameter as a reader reads it (its description, else its id) or its id."""
    for p in case.parameters:
        if p.id == parameter:
            if check_audience(audience) == "reader" and p.description:
                return wrap(p.description, width, limit=110)
            return plain(parameter)
    raise SolverError(f"unknown parameter {parameter!r}")


def strength_label(audience: Audience, gradual: str) -> str:
    """The strength axis: what the number means (reader), which semantics (analyst).

    >>> strength_label("analyst", "dfquad")
    'strength (dfquad)'
    """
    if check_audience(audience) == "analyst":
        return f"strength ({gradual})"
    return "strength of the claim (0 = none, 1 = full)"
