"""From a case and its results to a :class:`~argmap.brief.document.Document`.

:func:`compose` is a pure function of the (as-of) case, its evaluation, the
scenario comparison and the overview drawing (SVG bytes): it chooses what a
partner reads, in what order and in which words, and fits the figures to the
paper (:mod:`argmap.maps.paper`); the format modules only typeset it.

For ``audience="reader"`` no internal id and no semantics name appears: claims are
named by their text, verdicts explained in words. ``analyst`` adds the ids and the
semantics used.

>>> from argmap.io.casefile import load
>>> from argmap.semantics.evaluate import evaluate
>>> case = load("examples/ad_tool_dispute.yaml")
>>> doc = compose(case, evaluate(case))
>>> doc.sections[0].title, doc.sections[-1].title
('Summary', 'Sources')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.brief.document import Block, Document, Figure, Paragraph, Section, Table
from argmap.maps.paper import MIN_BODY_PT, Box, crop, fit, issue_boxes, locator, svg_box
from argmap.model.as_of import standing
from argmap.semantics.critical_questions import open_questions
from argmap.vocabulary import Verdict

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model import Case
    from argmap.scenario.audit import Audit
    from argmap.scenario.audit_items import Item
    from argmap.scenario.comparison import ClaimOutcome, Comparison
    from argmap.semantics.evaluation import Evaluation, NodeResult

__all__ = ["AUDIENCES", "PLAIN_VERDICTS", "STATUS_WORDS", "compose", "fitted_figures"]

AUDIENCES = ("reader", "analyst")

PLAIN_VERDICTS: dict[Verdict, str] = {
    Verdict.PROVED: "proved: nothing left unanswered stands against it, and it is strong "
    "enough for the standard",
    Verdict.ACCEPTED: "accepted: nothing left unanswered stands against it",
    Verdict.UNPROVEN: "not proved: unopposed, but not strong enough for the standard",
    Verdict.CONTESTED: "contested: strong enough for the standard, but an objection stands "
    "unanswered",
    Verdict.UNDECIDED: "undecided: objections and replies cancel out, and it falls short of "
    "the standard",
    Verdict.DEFEATED: "defeated: an objection stands and it falls short of the standard",
}
"""Each verdict in plain words, for readers."""

STATUS_WORDS = {"in": "stands", "out": "defeated", "undec": "undecided"}
"""The map's status words for readers (the semantics' in, out, undec)."""

_STANDARDS = {
    "scintilla": "a scintilla of evidence",
    "preponderance": "preponderance of the evidence",
    "clear_and_convincing": "clear and convincing evidence",
    "beyond_reasonable_doubt": "beyond reasonable doubt",
    "dialectical_validity": "dialectical validity",
}


def _standard(name: str | None) -> str:
    return "" if name is None else _STANDARDS.get(name, name.replace("_", " "))


def compose(
    case: Case,
    evaluation: Evaluation,
    comparison: Comparison | None = None,
    *,
    overview_svg: bytes = b"",
    audience: str = "reader",
    paper: str = "letter",
    claim_texts: Mapping[str, str] | None = None,
    assumed: Mapping[str, tuple[str, ...]] | None = None,
    audit: Audit | None = None,
    charts: Sequence[tuple[str, bytes]] = (),
) -> Document:
    """The brief of ``case`` as a Document.

    Parameters
    ----------
    case
        The case as read on the brief's date (:func:`argmap.model.as_of.at_date`).
    evaluation
        Its evaluation.
    comparison
        The scenario comparison, if scenarios were run.
    overview_svg
        The overview drawing; each issue's part of it goes with that issue, tiled
        when it is too large for the page at :data:`~argmap.maps.paper.MIN_BODY_PT`.
    audience
        ``reader`` (no ids, no semantics names) or ``analyst``.
    paper
        ``letter`` or ``a4``.
    claim_texts
        Texts of claims that scenarios add (not in ``case``), by id.
    assumed
        Per scenario name, what it adds to the record, in words: listed as
        hypothetical material, set apart from the record.
    audit
        What decides each headline claim (:func:`argmap.scenario.audit.audit`): the
        section "What would change the outcome".
    charts
        (caption, SVG) of each chart (:func:`argmap.brief.figures.charts`), shown in
        the section "Charts", each fitted to the page.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r} (choose one of: reader, analyst)")
    analyst = audience == "analyst"
    texts = {c.id: c.text for c in case.claims} | dict(claim_texts or {})

    def claim_name(claim_id: str) -> str:
        text = texts.get(claim_id, "a claim")
        return f"{text} [{claim_id}]" if analyst else text

    boxes = issue_boxes(overview_svg) if overview_svg else {}
    sections = [Section("Summary", tuple(_summaries(case, evaluation, claim_name)))]
    reading: list[Block] = [
        Paragraph(
            "Each claim's verdict reads two things together: whether an objection to it "
            "stands unanswered, and whether its strength (0 to 1, from the evidence, "
            "arguments and precedents behind it) clears its issue's proof standard."
        ),
        Table(
            ("verdict", "meaning"),
            tuple((v.value, PLAIN_VERDICTS[v].split(": ", 1)[1]) for v in Verdict),
            widths=(1, 4),
        ),
    ]
    if analyst:
        reading.insert(
            1,
            Paragraph(
                f"Dung semantics: {evaluation.semantics}; gradual semantics: {evaluation.gradual}.",
                "note",
            ),
        )
    if overview_svg:
        reading.append(_legend())
    elif case.claims:
        reading.append(
            Paragraph(
                "The map has too many claims to lay out, so this brief gives its tables "
                "without figures (argmap render --issue draws one issue).",
                "note",
            )
        )
    sections.append(Section("How to read this brief", tuple(reading)))
    for issue in case.issues:
        blocks = _issue_blocks(case, evaluation, issue.id, overview_svg, boxes, paper, analyst)
        if blocks:
            sections.append(Section(f"Issue: {issue.question}", tuple(blocks)))
    if audit is not None and audit.claims:
        sections.append(Section("What would change the outcome", _outcome(case, audit, analyst)))
    questions = _open_questions(case, evaluation, analyst)
    if questions:
        sections.append(Section("Open questions", questions))
    if comparison is not None:
        changes = _scenarios(comparison, claim_name) + _assumed(assumed or {})
        sections.append(Section("What the scenarios change", changes))
    if charts:
        shown = [
            f for caption, svg in charts for f in fitted_figures(svg, paper, caption, shrink=True)
        ]
        sections.append(Section("Charts", tuple(shown)))
    authorities = _authorities(case, evaluation, analyst)
    if authorities:
        sections.append(Section("Table of authorities", authorities))
    sections.append(Section("Sources", _sources(case, analyst)))
    as_of = evaluation.as_of
    return Document(
        title=case.title,
        subtitle="Briefing",
        as_of=f"As of {as_of.isoformat()}" if as_of else "On the record as filed",
        note=tuple(p.strip() for p in (case.description or "").split("\n\n") if p.strip()),
        header=case.title,
        sections=tuple(sections),
        paper=paper,
        audience=audience,
    )


def _claims_of(case: Case, evaluation: Evaluation, issue_id: str) -> list[tuple[str, NodeResult]]:
    return [
        (c.id, evaluation.nodes[c.id])
        for c in case.claims
        if c.issue == issue_id and c.id in evaluation.nodes
    ]


def _summaries(case: Case, evaluation: Evaluation, name: Callable[[str], str]) -> list[Block]:
    """One paragraph per issue: the question, its standard, and where it stands."""
    out: list[Block] = []
    for issue in case.issues:
        claims = _claims_of(case, evaluation, issue.id)
        if not claims:
            continue
        by_verdict: dict[Verdict, list[str]] = {}
        for claim_id, result in claims:
            by_verdict.setdefault(result.verdict, []).append(claim_id)
        burden = f", the burden on the {issue.burden.value}" if issue.burden else ""
        parts = [
            f"{issue.question} Standard: {_standard(issue.proof_standard.name.value)}{burden}."
        ]
        for verdict in Verdict:
            ids = by_verdict.get(verdict, [])
            if ids:
                named = "; ".join(f"“{name(i)}”" for i in ids)
                parts.append(f"{verdict.value.capitalize()}: {named}.")
        strongest = max(claims, key=lambda item: item[1].strength)
        parts.append(
            f"The strongest claim is “{name(strongest[0])}” (strength {strongest[1].strength:.2f})."
        )
        out.append(Paragraph(" ".join(parts), lead=issue.question))
    for conflict in evaluation.conflicts:
        out.append(Paragraph(f"Warning: {conflict}.", "note"))
    return out


def _legend() -> Table:
    """What the marks on the figures mean, in words."""
    rows = (
        ("● solid green border", "stands: no objection to the claim stands unanswered"),
        ("× dashed orange border", "defeated: an objection to the claim stands unanswered"),
        ("◊ dotted grey border", "undecided: objections and replies cancel out"),
        ("deeper fill, number", "stronger: the strength, 0 to 1, is printed after the status"),
        ("√ standard met", "the strength clears the issue's proof standard"),
        ("black arrow", "supports the claim it points to"),
        ("bold red arrow", "rebuts: argues for the opposite conclusion"),
        ("dashed red arrow", "undermines: attacks a premise or a piece of evidence"),
        ("dotted red line ending in a bar", "undercuts: denies that the reasons lead there"),
        ("counts under a claim", "the arguments, evidence, precedents and events behind it"),
    )
    return Table(("on the figures", "means"), rows, caption="Legend of the figures", widths=(2, 5))


def fitted_figures(
    svg: bytes,
    paper: str,
    caption: str,
    box: Box | None = None,
    *,
    shrink: bool = False,
    edges_within: bool = False,
) -> list[Figure]:
    """``svg`` (or its part ``box``) as the figures of the pages it takes on
    ``paper``: one when its body text prints at
    :data:`~argmap.maps.paper.MIN_BODY_PT` or more (or with ``shrink``), else
    overlapping tiles, each with its locator."""
    box = box or svg_box(svg)
    plan = fit(svg, paper, box, shrink=shrink)
    if edges_within:
        svg = crop(svg, box, edges_within=True)  # the part's own relations only
    if len(plan.tiles) == 1:
        return [
            Figure(
                crop(svg, box, plan.scale),
                box.width * plan.scale,
                box.height * plan.scale,
                caption,
                landscape=plan.landscape,
            )
        ]
    rows = 1 + max(t.row for t in plan.tiles)
    columns = 1 + max(t.column for t in plan.tiles)
    return [
        Figure(
            crop(svg, tile.box, plan.scale),
            tile.box.width * plan.scale,
            tile.box.height * plan.scale,
            f"{caption} (part {n} of {len(plan.tiles)}: row {tile.row + 1} of {rows}, "
            f"column {tile.column + 1} of {columns}; parts overlap a little)",
            landscape=plan.landscape,
            locator=locator(plan.whole, plan.tiles, tile),
        )
        for n, tile in enumerate(plan.tiles, 1)
    ]


def _issue_blocks(
    case: Case,
    evaluation: Evaluation,
    issue_id: str,
    svg: bytes,
    boxes: Mapping[str, Box],
    paper: str,
    analyst: bool,
) -> list[Block]:
    claims = _claims_of(case, evaluation, issue_id)
    if not claims:
        return []
    out: list[Block] = []
    if issue_id in boxes:
        out += fitted_figures(
            svg,
            paper,
            f"The claims of this issue, printed with text of at least {MIN_BODY_PT:g} pt",
            boxes[issue_id],
            edges_within=True,
        )
    texts = {c.id: c.text for c in case.claims}
    rows = []
    for claim_id, result in claims:
        verdict = PLAIN_VERDICTS[result.verdict] if not analyst else result.verdict.value
        rows.append(
            (
                texts[claim_id] + (f" [{claim_id}]" if analyst else ""),
                verdict,
                f"{result.strength:.2f}",
                result.burden or "",
                _standard(result.standard),
            )
        )
    out.append(
        Table(
            ("claim", "verdict", "strength", "burden", "standard"),
            tuple(rows),
            widths=(4, 4, 1.2, 1.4, 2),
        )
    )
    return out


def _item_words(case: Case, item: Item) -> str:
    """One audit item in a reader's words: what it is, by its text, not its id."""
    kind, ident = item.kind.value, item.id
    if kind in ("evidence", "precedent") and case.has(ident):
        node = case.node(ident)
        name = getattr(node, "name", None) or getattr(node, "text", ident)
        return f"without the {kind} “{name}”"
    if kind == "relation":
        found = next((r for r in case.relations if r.id == ident), None)
        if found is None and ident.startswith("relations[") and ident.endswith("]"):
            index = ident[len("relations[") : -1]
            if index.isdigit() and int(index) < len(case.relations):
                found = case.relations[int(index)]
        if found is not None:

            def text(node_id: str) -> str:
                return getattr(case.node(node_id), "text", "") if case.has(node_id) else ""

            how = "turned round" if item.action.value == "reverse" else "taken away"
            named = {"rebut": "rebuttal", "undermine": "undermining", "undercut": "undercut"}
            return (
                f"with the {named.get(found.kind.value, found.kind.value)} of "
                f"“{text(found.target)}” by “{text(found.origin)}” {how}"
            )
    if kind == "question":
        for q in open_questions(case):
            if f"{q.argument}?{q.question}" == ident:
                return f"once the question “{q.text}” is answered"
        return "once an open critical question is answered"
    return f"without one {kind}"


def _outcome(case: Case, audit: Audit, analyst: bool) -> tuple[Block, ...]:
    """For each claim an issue turns on, the fewest changes that flip its verdict."""
    rows = []
    for row in audit.claims:
        claim = row.text + (f" [{row.claim}]" if analyst else "")
        if not row.deciding:
            change = (
                "nothing bears on it"
                if row.items == 0
                else "no small change to the record flips it"
            )
        else:
            options = []
            for deciding, verdict in zip(row.deciding[:2], row.flipped_to, strict=False):
                shown = [str(i) if analyst else _item_words(case, i) for i in deciding[:3]]
                extra = len(deciding) - len(shown)
                what = " and ".join(shown) + (f" and {extra} more" if extra else "")
                options.append(f"{verdict.value} {what}")
            more = row.found - len(options)
            others = f"; {more} other way{'s' if more != 1 else ''} of that size" if more else ""
            change = "; or ".join(options) + others
        rows.append((claim, row.verdict.value, change))
    return (
        Paragraph(
            "For the claim each issue turns on: the fewest items of the record (evidence, "
            "precedents, relations between claims, open questions) whose removal, or for a "
            "rebuttal between two claims reversal, changes its verdict, and the verdict it "
            "would then have."
        ),
        Table(("claim", "now", "would become, if"), tuple(rows), widths=(3, 1.1, 5)),
    )


def _open_questions(case: Case, evaluation: Evaluation, analyst: bool) -> tuple[Block, ...]:
    rows = []
    for q in open_questions(case):
        if q.argument not in evaluation.nodes:
            continue
        if q.question not in evaluation[q.argument].open_questions:
            continue
        argument = next((a for a in case.arguments if a.id == q.argument), None)
        about = (argument.label or argument.conclusion) if argument else q.argument
        if not analyst:
            about = getattr(argument, "label", None) or "an argument"
        rows.append((str(about) + (f" [{q.argument}]" if analyst else ""), q.text, f"{q.weight}"))
    if not rows:
        return ()
    return (
        Paragraph(
            "Critical questions not yet answered: each weakens its argument by its weight "
            "until it is answered or conceded."
        ),
        Table(("argument", "question", "weight"), tuple(rows), widths=(3, 5, 1)),
    )


NOTICEABLE = 0.02
"""The smallest strength move the brief lists (a label change or standard flip always is)."""


def _move(row: ClaimOutcome) -> float:
    """How far a scenario moves a claim: a label change or a flip of the standard
    counts as a full move, else the strength change."""
    if row.label_changed or row.standard_flip:
        return 1.0 + abs(row.strength_delta or 0.0)
    return abs(row.strength_delta or 0.0)


def _change_words(row: ClaimOutcome) -> str:
    bits = []
    if row.baseline_label is None and row.label is not None:
        bits.append("added by the scenario (hypothetical)")
    elif row.label is None:
        bits.append("removed by the scenario")
    elif row.label_changed:
        before = STATUS_WORDS.get(row.baseline_label or "", row.baseline_label or "")
        bits.append(f"{before} → {STATUS_WORDS.get(row.label, row.label)}")
    if row.standard_flip:
        bits.append(f"standard {'now met' if row.standard_flip == 'gained' else 'no longer met'}")
    if row.strength_delta is not None and abs(row.strength_delta) >= 0.005:  # shown as ±0.01
        bits.append(f"strength {row.strength_delta:+.2f}")
    return "; ".join(bits)


def _scenarios(comparison: Comparison, name: Callable[[str], str]) -> tuple[Block, ...]:
    """Changes only, the largest moves first; a scenario's own claims set apart."""
    moved = [
        r
        for r in comparison.rows
        if r.scenario != comparison.scenarios[0]
        and (_move(r) >= NOTICEABLE or r.baseline_label is None)
    ]
    moved.sort(key=lambda r: (-_move(r), r.scenario, r.claim))
    rows: list[tuple[str, ...]] = []
    hypothetical = set()
    for r in moved:
        if r.baseline_label is None and r.label is not None:
            hypothetical.add(len(rows))
        rows.append((r.scenario, name(r.claim), _change_words(r)))
    still = [s for s in comparison.scenarios[1:] if not any(r.scenario == s for r in moved)]
    blocks: list[Block] = [
        Paragraph(
            f"{len(comparison.scenarios) - 1} what-if scenarios were run against the record. "
            "Only the changes are listed, the largest first (strength moves under "
            f"{NOTICEABLE:.2f} are left out). What a scenario adds is hypothetical, not the "
            "record: it is set in blue italics."
        ),
        Table(
            ("scenario", "asks"),
            tuple((s, comparison.questions.get(s) or "") for s in comparison.scenarios[1:]),
            widths=(1.3, 4),
        ),
    ]
    if rows:
        blocks.append(
            Table(
                ("scenario", "claim", "change"),
                tuple(rows),
                widths=(1.6, 4, 2.6),
                hypothetical=frozenset(hypothetical),
            )
        )
    if still:
        blocks.append(Paragraph("No claim moves under: " + "; ".join(still) + ".", "note"))
    return tuple(blocks)


def _assumed(assumed: Mapping[str, tuple[str, ...]]) -> tuple[Block, ...]:
    """What each scenario adds to the record, styled as hypothetical."""
    blocks: list[Block] = []
    for name, items in assumed.items():
        if items:
            listed = "; ".join(items)
            blocks.append(
                Paragraph(f"Hypothetical, assumed by “{name}”: {listed}.", "hypothetical")
            )
    if blocks:
        blocks.insert(
            0,
            Paragraph("What the scenarios assume, not the record (set in blue italics):", "note"),
        )
    return tuple(blocks)


def _authorities(case: Case, evaluation: Evaluation, analyst: bool) -> tuple[Block, ...]:
    """Every precedent of the case: full citation, court, date, standing and
    subsequent history, and how the case uses it."""
    rows = []
    for precedent in sorted(case.precedents, key=lambda p: p.name.casefold()):
        argued = [a for a in case.arguments if a.precedent == precedent.id]
        uses = []
        for argument in argued:
            target = next((c.text for c in case.claims if c.id == argument.conclusion), None)
            weight = evaluation.precedent_weights.get(argument.id, "")
            use = f"for “{target}”" if target else "as an argument"
            if analyst:
                use += f" [{argument.id}{', ' + weight if weight else ''}]"
            uses.append(use)
        history = "; ".join(
            f"{event.action.value} {event.date.isoformat()}"
            + (f", {event.court}" if event.court else "")
            + (f", {event.citation}" if event.citation else "")
            for event in precedent.history
        )
        status = standing(precedent, evaluation.as_of).describe(precedent)
        date = precedent.date.isoformat() if precedent.date else str(precedent.year)
        rows.append(
            (
                precedent.name + (f", {precedent.citation}" if precedent.citation else ""),
                precedent.court,
                date,
                status + (f"; history: {history}" if history else ""),
                "; ".join(uses) or "cited, not argued from",
            )
        )
    if not rows:
        return ()
    return (
        Table(
            ("authority", "court", "date", "status and history", "how it is used"),
            tuple(rows),
            widths=(3.4, 2, 1.3, 3, 3),
        ),
    )


def _sources(case: Case, analyst: bool) -> tuple[Block, ...]:
    """Each source, with the passages the case quotes from it."""
    blocks: list[Block] = []
    for source in case.sources:
        date = f", {source.date.isoformat()}" if source.date else ""
        author = f" ({source.author})" if source.author else ""
        key = f"[{source.id}] " if analyst else ""  # readers get no internal keys
        blocks.append(Paragraph(f"{key}{source.outlet}{author}: {source.title}{date}."))
        for evidence in case.evidence:
            if evidence.source == source.id and evidence.quote:
                blocks.append(
                    Paragraph(
                        f"“{evidence.quote}” — {evidence.text}"
                        + (f" [{evidence.id}]" if analyst else ""),
                        "quote",
                    )
                )
    return tuple(blocks)
