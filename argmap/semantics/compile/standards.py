"""Read a case's proof standards, burdens, thresholds and rivals (compile step).

These are the only readings of the proof settings off the pydantic case; the compiled
:class:`~argmap.semantics.compile.Framework` carries their results by claim id, and
:mod:`argmap.semantics.standards` works on that. The rules are documented in
:mod:`argmap.semantics.standards` and ``docs/semantics.md``.
"""

from __future__ import annotations

from argmap.model import DEFAULT_THRESHOLDS, Case, Issue, ProofStandard
from argmap.semantics.standards import Burden

__all__ = [
    "claim_burdens",
    "claim_standards",
    "claim_thresholds",
    "issue_burden",
    "rivals_of",
    "standard_of",
    "threshold_of",
]


def standard_of(case: Case, claim_id: str) -> ProofStandard | None:
    """The proof standard of the claim's issue, or None when it has no issue.

    One look-up walks the case; to ask for many claims use :func:`claim_standards`,
    which walks it once.
    """
    return claim_standards(case).get(claim_id)


def claim_standards(case: Case) -> dict[str, ProofStandard]:
    """The proof standard of every claim that has an issue, by claim id.

    Built in one pass over the issues and the claims, so evaluating a case with many
    claims stays linear (a per-claim search of the case was quadratic). The first of
    two nodes sharing an id wins, as in a search from the top of the file.

    Examples
    --------
    >>> from argmap.model import Claim, Issue
    >>> case = Case(
    ...     title="demo",
    ...     issues=[Issue(id="I1", question="Lawful?")],
    ...     claims=[Claim(id="C1", text="Yes", issue="I1"), Claim(id="C2", text="No")],
    ... )
    >>> {k: v.name.value for k, v in claim_standards(case).items()}
    {'C1': 'preponderance'}
    """
    by_issue: dict[str, ProofStandard] = {}
    for issue in case.issues:
        by_issue.setdefault(issue.id, issue.proof_standard)
    out: dict[str, ProofStandard] = {}
    seen: set[str] = set()
    for claim in case.claims:
        if claim.id in seen:
            continue
        seen.add(claim.id)
        if claim.issue is not None:
            out[claim.id] = by_issue[claim.issue]
        elif claim.burden is not None or claim.production is not None:
            # a burden without an issue: the claim must still be made out, more
            # likely than not
            out[claim.id] = ProofStandard()
    return out


def issue_burden(issue: Issue) -> str | None:
    """Who bears an issue's burdens, as :class:`Burden` writes it (None: nobody)."""
    persuasion = issue.burden.value if issue.burden is not None else None
    production = issue.production.value if issue.production is not None else persuasion
    if persuasion is None and production is None:
        return None
    return str(Burden(persuasion, production))


def claim_burdens(case: Case) -> dict[str, Burden]:
    """Who bears each claim's burdens, by claim id (claims with no burden left out).

    A claim's own ``burden`` / ``production`` win over its issue's; production falls
    to whoever bears persuasion unless it is said otherwise (Prakken and Sartor 2009).

    Examples
    --------
    >>> from argmap.model import Claim, Issue
    >>> case = Case(
    ...     title="demo",
    ...     issues=[Issue(id="I", question="Lawful?", burden="plaintiff")],
    ...     claims=[Claim(id="C", text="Unlawful", issue="I"),
    ...             Claim(id="F", text="Fair use", issue="I", burden="defendant")],
    ... )
    >>> {k: str(v) for k, v in claim_burdens(case).items()}
    {'C': 'plaintiff', 'F': 'defendant'}
    """
    issues = {i.id: i for i in case.issues}
    out: dict[str, Burden] = {}
    for claim in case.claims:
        issue = issues.get(claim.issue) if claim.issue is not None else None
        persuasion = claim.burden or (issue.burden if issue is not None else None)
        production = claim.production or (issue.production if issue is not None else None)
        production = production or persuasion
        if persuasion is None and production is None:
            continue
        out.setdefault(
            claim.id,
            Burden(
                persuasion.value if persuasion is not None else None,
                production.value if production is not None else None,
            ),
        )
    return out


def threshold_of(case: Case, standard: ProofStandard) -> float | None:
    """The strength a claim must exceed under ``standard``: the issue's own
    ``threshold``, else the case's (``proof.thresholds``), else the default
    (:data:`~argmap.model.DEFAULT_THRESHOLDS`); None for dialectical validity."""
    if standard.threshold is not None:
        return standard.threshold
    own = case.proof.thresholds.get(standard.name)
    return own if own is not None else DEFAULT_THRESHOLDS.get(standard.name)


def rivals_of(case: Case, claim_id: str) -> list[str]:
    """The claims declared to exclude ``claim_id``: its contradictories, and the
    contraries of which it is the excluded claim (:mod:`argmap.model.contraries`)."""
    found: list[str] = []
    for exclusion in case.contraries:
        first, second = exclusion.claims
        if second == claim_id:
            found.append(first)
        elif exclusion.symmetric and first == claim_id:
            found.append(second)
    return found


def claim_thresholds(case: Case) -> dict[str, float | None]:
    """:func:`threshold_of` for every claim with a standard, by claim id.

    Examples
    --------
    >>> from argmap.model import Claim, Issue
    >>> case = Case(title="demo", issues=[Issue(id="I", question="Lawful?")],
    ...             claims=[Claim(id="C", text="Unlawful", issue="I")])
    >>> claim_thresholds(case)
    {'C': 0.5}
    """
    return {claim: threshold_of(case, s) for claim, s in claim_standards(case).items()}
