"""An audit (:mod:`argmap.scenario.audit`) as Markdown for a reader and JSON for tools.

Every text taken from the case (ids, claim texts, the title) is escaped for Markdown
(:func:`argmap.safe_text.markdown_text`); the JSON holds it as it is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from argmap.safe_text import markdown_text
from argmap.scenario.audit import Audit, ClaimAudit

__all__ = ["audit_json", "audit_markdown", "claim_summary"]

_FIXED = {True: "yes", False: "no", None: "not checked"}

_SETS_SHOWN = 3
"""Deciding sets written out per claim in Markdown (the JSON has all that were kept)."""


def claim_summary(row: ClaimAudit) -> str:
    """One sentence (Markdown) on what decides ``row``'s verdict.

    >>> from argmap.scenario.audit import ClaimAudit, Item, ItemKind
    >>> from argmap.semantics.evaluation import Verdict
    >>> row = ClaimAudit("C", "c", "I", Verdict.PROVED, 0.8, True,
    ...                  ((Item(ItemKind.EVIDENCE, "E_1"),),), (Verdict.UNPROVEN,),
    ...                  1, True, 3, 3, (), False, 0.9)
    >>> print(claim_summary(row))
    **C** is proved; it becomes unproven if one item goes: remove evidence E_1.
    """
    head = f"**{markdown_text(row.claim)}** is {row.verdict.value}"
    if not row.deciding:
        if row.items == 0:
            return f"{head}; no evidence, precedent or relation bears on it."
        scope = "the sets tried" if not row.exact else "the sets searched"
        return f"{head}; among {scope} of the {row.items} items that bear on it, none flips it."
    size = len(row.deciding[0])
    count = "one item goes" if size == 1 else f"{size} items go together"
    shown = [
        f"{' + '.join(markdown_text(str(i)) for i in s)} ({v.value})"
        if len({*row.flipped_to}) > 1
        else " + ".join(markdown_text(str(i)) for i in s)
        for s, v in zip(row.deciding[:_SETS_SHOWN], row.flipped_to, strict=False)
    ]
    more = row.found - len(shown)
    found = "" if row.complete else " found"
    tail = f"; or {more} other set{'s' if more != 1 else ''}{found} of that size" if more else ""
    if not row.exact:
        tail += " (best-first search: a smaller set may exist)"
    if len({*row.flipped_to}) == 1:
        change = f"it becomes {row.flipped_to[0].value}"
    else:
        change = "its verdict changes"
    return f"{head}; {change} if {count}: {'; or '.join(shown)}{tail}."


def audit_markdown(result: Audit) -> str:
    """The audit as a Markdown document: one section per claim, headline claims first."""
    title = markdown_text(result.title)
    out = [f"# Audit: {title}", ""]
    if result.scenario:
        out += [f"Scenario: {markdown_text(result.scenario)}", ""]
    out += [
        f"Dung semantics {result.semantics}, gradual semantics {result.gradual}; item sets "
        f"of up to {result.max_size} items, at most {result.max_sets} sets per claim; "
        + (
            f"stability over {result.samples} Monte Carlo draws (seed {result.seed})."
            if result.samples
            else "no Monte Carlo draws."
        ),
        "",
        "| claim | verdict | strength | smallest flipping set | fixed by structure | stability |",
        "|---|---|---|---|---|---|",
    ]
    ordered = sorted(result.claims, key=lambda r: not r.headline)
    for row in ordered:
        size = "none found" if row.size is None else str(row.size)
        if row.size is not None and not row.exact:
            size += " (best-first)"
        elif row.size is not None and not row.complete:
            size += " (some sets)"
        stability = "-" if row.stability is None else f"{row.stability:.1%}"
        name = markdown_text(row.claim) + (" (headline)" if row.headline else "")
        out.append(
            f"| {name} | {row.verdict.value} | {row.strength:.3f} | {size} "
            f"| {_FIXED[row.fixed_by_structure]} | {stability} |"
        )
    out.append("")
    for row in ordered:
        out += [f"## {markdown_text(row.claim)}: {markdown_text(row.text)}", ""]
        out += [claim_summary(row), ""]
        if row.exact and row.complete:
            search = "exhaustive"
        elif row.exact:
            search = (
                "exhaustive below this size, best-first at it: no smaller set flips it, "
                "other sets of this size may"
            )
        else:
            search = "best-first beyond the sizes searched exhaustively (a smaller set may exist)"
        out.append(f"- search: {row.searched} sets of the {row.items} items upstream, {search}")
        for s, v in zip(row.deciding, row.flipped_to, strict=True):
            items = " + ".join(markdown_text(str(i)) for i in s)
            out.append(f"- flips to {v.value}: {items}")
        for threshold in row.thresholds:
            out.append(f"- weight {markdown_text(str(threshold))}")
        fixed = {
            True: "yes: no weight in its allowed range flips it",
            False: "no: weights within their allowed ranges flip it",
            None: "not checked (weights skipped)",
        }[row.fixed_by_structure]
        out.append(f"- fixed by structure: {fixed}")
        if row.stability is not None:
            out.append(f"- stability: {row.stability:.1%} of draws keep it {row.verdict.value}")
        out += [f"- note: {markdown_text(n)}" for n in row.notes]
        out.append("")
    return "\n".join(out)


def audit_json(results: Sequence[Audit]) -> str:
    """Audits (the baseline, then each scenario) as JSON ``{"audits": [...]}``, text
    kept as it is."""

    def row(r: ClaimAudit) -> dict[str, Any]:
        return {
            "claim": r.claim,
            "text": r.text,
            "issue": r.issue,
            "headline": r.headline,
            "verdict": r.verdict.value,
            "strength": r.strength,
            "deciding": [
                {
                    "items": [
                        {"kind": i.kind.value, "id": i.id, "action": i.action.value, "what": i.what}
                        for i in s
                    ],
                    "flips_to": v.value,
                }
                for s, v in zip(r.deciding, r.flipped_to, strict=True)
            ],
            "smallest_size": r.size,
            "found": r.found,
            "exact": r.exact,
            "complete": r.complete,
            "searched": r.searched,
            "items_upstream": r.items,
            "thresholds": [
                {
                    "parameter": t.parameter,
                    "value": t.value,
                    "range": [t.low, t.high],
                    "flips_at": list(t.flips),
                    "pieces": [[a, b, v.value] for a, b, v in t.pieces],
                }
                for t in r.thresholds
            ],
            "fixed_by_structure": r.fixed_by_structure,
            "stability": r.stability,
            "notes": list(r.notes),
        }

    def one(result: Audit) -> dict[str, Any]:
        return {
            "title": result.title,
            "scenario": result.scenario,
            "semantics": result.semantics,
            "gradual": result.gradual,
            "max_size": result.max_size,
            "max_sets": result.max_sets,
            "samples": result.samples,
            "seed": result.seed,
            "claims": [row(r) for r in result.claims],
        }

    doc = {"audits": [one(r) for r in results]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
