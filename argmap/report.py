"""The main job: one case (+ its scenarios) -> a folder a briefing writer can use.

:func:`build_report` evaluates the case, renders the briefing map and the timeline,
runs the scenarios against the baseline and writes a one-page brief, all in memory;
:func:`write_report` then writes the files into a temporary folder, only once
everything was made, and swaps it in for the output folder whole, so a failure (or a
kill) leaves the previous folder as it was and never a half-finished one. The folder
holds a manifest (``.argmap-report``) naming what argmap wrote; a non-empty folder
without one, or with files it does not list, is refused rather than replaced.

Files written (``OUT/``):

- ``map.svg``, ``map.png``, ``map.pdf``: the overview, the one-page briefing figure
  (claims by issue, with what stands behind each counted on it);
- ``map-full.svg``, ``map-full.pdf``: the whole map, every node;
- ``issue-<ID>.svg``, ``issue-<ID>.png``: each issue with its full supporting and
  attacking structure (for every issue that has claims);
- ``timeline.svg``, ``timeline.png``: the dated events (when the case has any);
- ``evaluation.csv``, ``evaluation.md``: per claim its label, strength, standard and verdict;
- ``scenarios.csv``, ``scenarios.md``: the scenario comparison (when scenarios given);
- ``brief.md``: a one-page brief tying them together;
- ``brief.html``: the interactive brief, one self-contained offline page
  (:mod:`argmap.html`: maps with pan and zoom, a side panel per node, scenarios).
- ``brief.pdf``, ``brief.docx``: the brief a partner reads (:mod:`argmap.brief`),
  for readers (no ids), on Letter or A4.

>>> from argmap.io.casefile import load
>>> report = build_report(load("examples/ad_tool_dispute.yaml"), formats=("svg",), briefs=())
>>> [name for name in sorted(report.files) if name.endswith(".md")]
['brief.md', 'evaluation.md']
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap import __version__
from argmap.brief import FORMATS
from argmap.brief.build import brief_of
from argmap.errors import ArgmapError, MapTooLargeError
from argmap.html import build_html
from argmap.io.atomic import replace_folder
from argmap.io.casefile import load as load_case
from argmap.maps import render
from argmap.model import ProofReading
from argmap.model.as_of import at_date, standing
from argmap.safe_text import markdown_text
from argmap.scenario.audit import Audit, audit, headline_claims
from argmap.scenario.audit_text import claim_summary
from argmap.scenario.runner import compare
from argmap.scenario.timeline import timeline_if_dated
from argmap.semantics.compile import compile_case, threshold_of
from argmap.semantics.critical_questions import open_questions
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import NodeResult, Verdict
from argmap.tables import Markup, markdown_table, write_csv, write_markdown

if TYPE_CHECKING:  # pragma: no cover
    from argmap.maps import Map
    from argmap.model import Case
    from argmap.scenario.comparison import ClaimOutcome, Comparison
    from argmap.scenario.model import Scenario
    from argmap.scenario.results import ClaimSummary
    from argmap.semantics.evaluation import Evaluation

__all__ = [
    "MANIFEST",
    "Report",
    "build_report",
    "check_report_folder",
    "evaluation_markdown",
    "write_report",
]


@dataclass
class Report:
    """Everything the main job makes, as bytes by file name, before anything is written."""

    evaluation: Evaluation
    comparison: Comparison | None
    files: dict[str, bytes] = field(default_factory=dict)
    undrawn: dict[str, str] = field(default_factory=dict)
    """Maps left out because they are too large to lay out: file stem -> why."""
    audit: Audit | None = None
    """What decides each headline claim (:mod:`argmap.scenario.audit`), for the brief."""


def build_report(
    case: Case,
    scenarios: Sequence[Scenario] = (),
    *,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    samples: int | None = None,
    seed: int | None = None,
    theme: str = "briefing",
    formats: Sequence[str] = ("svg", "png", "pdf"),
    force: bool = False,
    as_of: dt.date | None = None,
    executor: Any = None,
    sources_dir: str | os.PathLike[str] | None = None,
    briefs: Sequence[str] = (".pdf", ".docx"),
    paper: str = "letter",
) -> Report:
    """Evaluate, render and compare in memory; nothing is written yet.

    A map too large to lay out (:func:`argmap.maps.engine.check_layout_size`) is
    left out and named in ``Report.undrawn`` and in the brief, unless ``force``; the
    tables and the brief are made all the same. ``as_of`` reads the case (and every
    scenario) as of that date, else as of the case's own ``as_of``
    (:mod:`argmap.model.as_of`); the brief says which. ``sources_dir`` is the folder
    of the source files, for ``brief.html`` to show each quote in its passage.
    ``briefs`` names the formats of the partner's brief (``brief.pdf``,
    ``brief.docx``) on ``paper``.
    """

    full = case
    case = at_date(case, as_of)  # only what was known then is drawn and counted
    baseline = compile_case(case)  # once: the evaluation and the comparison share it
    evaluation = evaluate(baseline, semantics, gradual)
    report = Report(evaluation=evaluation, comparison=None)
    jobs: list[tuple[str, Map, str]] = []

    def draw(stem: str, fmts: Sequence[str], **kwargs: Any) -> None:
        try:
            m = render(case, evaluation, theme=theme, force=force, **kwargs)
            m.check_layout()
        except MapTooLargeError as exc:
            report.undrawn[stem] = exc.size
            return
        jobs.extend((f"{stem}.{fmt}", m, fmt) for fmt in fmts)

    # the briefing figure is the overview; a case without claims has only the map
    draw("map", formats, view="overview" if case.claims else "map")
    draw("map-full", [fmt for fmt in formats if fmt != "png"])
    with_claims = {c.issue for c in case.claims}
    for issue in case.issues:
        if issue.id in with_claims:
            draw(f"issue-{issue.id}", ("svg", "png"), view="issue", focus=issue.id)
    if case.events:
        draw("timeline", ("svg", "png"), view="timeline")
    report.files.update(_render_all(jobs))
    report.files["evaluation.csv"] = write_csv(evaluation.to_frame(case)).encode()
    report.files["evaluation.md"] = evaluation_markdown(case, evaluation).encode()
    if scenarios:
        comparison = compare(
            full,
            list(scenarios),
            semantics,
            gradual,
            samples=samples,
            seed=seed,
            executor=executor,  # Monte Carlo chunks (argmap.scale.executor)
            progress=False,
            keep_samples=False,  # the report shows summaries: memory bounded at any N
            compiled=baseline,
            as_of=as_of,
        )
        report.comparison = comparison
        report.files["scenarios.csv"] = comparison.to_csv().encode()
        report.files["scenarios.md"] = comparison.to_markdown().encode()
    report.audit = audit(
        case,
        headline_claims(case, baseline),
        semantics=semantics,
        gradual=gradual,
        samples=0,  # the scenarios' Monte Carlo speaks to uncertainty in the brief
        weights=False,  # exact thresholds take seconds per claim: `argmap audit` has them
        progress=False,
        compiled=baseline,
    )
    report.files["brief.md"] = _brief(case, report).encode()
    # the strength on each date of the case: the page's timeline and the brief's chart
    timeline = timeline_if_dated(case, semantics, gradual)
    if "svg" in formats:  # the page inlines the SVG maps made above
        report.files["brief.html"] = build_html(
            full,
            scenarios,
            sources_dir=sources_dir,
            semantics=semantics,
            gradual=gradual,
            theme=theme,
            as_of=as_of,
            drawn=report.files,  # the maps above, not laid out again
            evaluation=evaluation,  # and the results above, not computed again
            runs=report.comparison.runs if report.comparison is not None else None,
            framework=baseline,
            timeline=timeline,
        ).encode()
    if briefs:
        document = brief_of(
            case,
            evaluation,
            report.comparison,
            scenarios,
            paper=paper,
            theme=theme,
            audit=report.audit,
            compiled=baseline,
            timeline=timeline,
        )
        for suffix in briefs:
            report.files[f"brief{suffix}"] = FORMATS[suffix](document)
    return report


def _render_all(jobs: Sequence[tuple[str, Map, str]]) -> dict[str, bytes]:
    """Render every (file name, map, format) job, in the given order.

    Each job is a renderer subprocess, so a thread pool runs them side by side; an
    SVG is laid out before the PNG or PDF made from the same map reuses it in cache.
    """
    from concurrent.futures import ThreadPoolExecutor

    def one(job: tuple[str, Map, str]) -> bytes:
        return job[1].pipe(job[2])

    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, jobs))
    return {name: data for (name, _, _), data in zip(jobs, results, strict=True)}


MANIFEST = ".argmap-report"
"""The file in every report folder that lists what argmap wrote there: a folder with
it (and nothing it does not list) is argmap's to replace on the next run."""


def check_report_folder(out_dir: str | os.PathLike[str]) -> Path:
    """Check that ``out_dir`` may be replaced by a report: missing, empty, or a folder
    argmap wrote (its :data:`MANIFEST` lists every file in it).

    A folder of other files is refused rather than replaced, so a report never
    deletes what a user keeps there, and never mixes its files with theirs.

    Raises
    ------
    ArgmapError
        One line naming the folder and what is in the way.
    """
    import json

    folder = Path(out_dir)
    if not folder.exists():
        return folder
    if not folder.is_dir():
        raise ArgmapError(f"{folder}: is a file, not a folder")
    present = sorted(p.name for p in folder.iterdir())
    if not present:
        return folder
    try:
        listed = json.loads((folder / MANIFEST).read_text("utf-8"))["files"]
        known = {str(name) for name in listed} | {MANIFEST}
    except (OSError, ValueError, KeyError, TypeError):
        raise ArgmapError(
            f"{folder}: the folder is not empty and argmap did not write it (no valid "
            f"{MANIFEST}); give a new or empty folder"
        ) from None
    foreign = [name for name in present if name not in known]
    if foreign:
        raise ArgmapError(
            f"{folder}: holds {foreign[0]!r}, which argmap did not write; move it or give "
            "another folder (a report replaces its folder whole)"
        )
    return folder


def write_report(
    report: Report,
    out_dir: str | os.PathLike[str],
    *,
    write: Callable[[Path, bytes], object] | None = None,
) -> list[Path]:
    """Write every file of ``report`` into ``out_dir``, replacing the folder whole.

    The files and a :data:`MANIFEST` are written into a temporary sibling folder
    which then takes ``out_dir``'s place (:func:`argmap.io.atomic.replace_folder`),
    so a reader, or a run killed half-way, sees either the previous report or the
    new one, never a brief beside maps of another run. ``write`` is handed on (tests
    use it to fail half-way).

    Raises
    ------
    ArgmapError
        ``out_dir`` holds files argmap did not write, or cannot be written.
    """
    import json

    folder = check_report_folder(out_dir)
    manifest = {"argmap": __version__, "files": sorted(report.files)}
    files = {**report.files, MANIFEST: (json.dumps(manifest, indent=2) + "\n").encode()}
    try:
        replace_folder(folder, files, write=write)
    except OSError as exc:
        raise ArgmapError(f"{folder}: cannot write the report ({exc.strerror or exc})") from None
    return [folder / name for name in report.files]


def _verdict_notes(results: Sequence[NodeResult]) -> list[str]:
    """One line per verdict that occurs among ``results``, in the order of the enum."""
    present = {r.verdict for r in results}
    return [f"- **{v.value}**: {v.meaning}" for v in Verdict if v in present]


def evaluation_markdown(case: Case, evaluation: Evaluation) -> str:
    """The report's ``evaluation.md``: a heading naming the semantics, the claim table
    (:meth:`Evaluation.to_frame <argmap.semantics.evaluation.Evaluation.to_frame>`,
    every cell escaped) and a note on each verdict that occurs.

    >>> from argmap.io.casefile import load
    >>> from argmap.semantics.evaluate import evaluate
    >>> case = load("examples/ad_tool_dispute.yaml")
    >>> print(evaluation_markdown(case, evaluate(case)).splitlines()[4])
    | claim | issue | text | label | strength | standard | standard_met | verdict | burden |
    """
    head = (
        f"# Evaluation: {markdown_text(case.title)}\n\n"
        f"Dung semantics: {evaluation.semantics}; gradual semantics: {evaluation.gradual}"
        f"{'' if evaluation.converged else ' (did not converge)'}.\n\n"
    )
    notes = _verdict_notes(evaluation.claims())
    label_note = (
        "The label (in / out / undec) counts the defeats that nothing answers: an attack "
        "defeats unless what it attacks is strictly stronger (undercuts always do). The "
        "standard reads the claim's strength against its threshold. The verdict reads "
        "the two together:"
    )
    return (
        head
        + write_markdown(evaluation.to_frame(case))
        + "\n"
        + "\n".join([label_note, "", *notes])
        + "\n"
    )


def _brief(case: Case, report: Report) -> str:
    evaluation = report.evaluation
    out = [f"# Brief: {markdown_text(case.title)}", ""]
    if case.description:
        # paragraph by paragraph, each made inert (the author's own Markdown included)
        for paragraph in re.split(r"\n\s*\n", case.description.strip()):
            out += [markdown_text(paragraph, line_start=True), ""]
    if evaluation.as_of is not None:
        out += [
            f"*As of {evaluation.as_of.isoformat()}*: only the sources, evidence, events "
            "and precedent decisions known on that date count, each precedent with its "
            "status then.",
            "",
        ]
    for conflict in evaluation.conflicts:
        out += [f"**Warning**: {markdown_text(conflict)}.", ""]
    if "map.svg" in report.files:
        out += [
            "![Overview: the claims of each issue and how they bear on one another](map.svg)",
            "",
        ]
        out += [
            "Each claim shows its status, strength and whether it meets its issue's proof "
            "standard, with the arguments, evidence and precedents behind it counted. "
            "Every item is drawn in the issue pages below and in the "
            "[full map](map-full.svg) ([PDF](map-full.pdf)).",
            "",
        ]
    if report.undrawn:
        undrawn = "; ".join(f"{stem} ({size})" for stem, size in report.undrawn.items())
        out += [
            "Maps too large to lay out were not drawn (draw a part of the case with "
            "`argmap render --focus ID --depth K`, or force them with `--force`): "
            + markdown_text(undrawn)
            + ".",
            "",
        ]
    out += ["## Where each issue stands", ""]
    rows = []
    for issue in case.issues:
        page = f"issue-{issue.id}.svg"
        claims = [c for c in case.claims if c.issue == issue.id and c.id in evaluation.nodes]
        proved = [c for c in claims if evaluation.nodes[c.id].verdict is Verdict.PROVED]
        contested = [c for c in claims if evaluation.nodes[c.id].verdict is Verdict.CONTESTED]
        strongest = max(claims, key=lambda c: evaluation.nodes[c.id].strength, default=None)
        limit = threshold_of(case, issue.proof_standard)
        standard = issue.proof_standard.name.value.replace("_", " ")

        issue_burden = issue.burden.value if issue.burden is not None else None

        def with_strength(items: list[Any], usual: str | None = issue_burden) -> str:
            # a claim whose burden lies elsewhere than its issue's says so
            def one(c: Any) -> str:
                node = evaluation.nodes[c.id]
                own = f", burden: {node.burden}" if node.burden not in (None, usual) else ""
                return f"{c.id} ({node.strength:.2f}{own})"

            return ", ".join(one(c) for c in items)

        rows.append(
            [
                issue.question,
                (standard if limit is None else f"{standard} (> {limit:g})")
                + (f"; burden: {issue_burden}" if issue_burden else ""),
                with_strength(proved) or "none",
                with_strength(contested) or "none",
                ""
                if strongest is None
                else f"{strongest.id} ({evaluation.nodes[strongest.id].strength:.2f}): "
                f"{strongest.text}",
                # ids are letters, digits and _ . - only: safe as link text and file name
                Markup(f"[{markdown_text(issue.id)}]({page})") if page in report.files else "",
            ]
        )
    header = ["issue", "standard", "proved", "contested", "strongest claim", "page"]
    out.append(markdown_table(header, rows) + "\n")
    out += [
        "Strengths are in brackets. "
        + (
            "*Proved*: no attack on the claim stands, and its strength exceeds the "
            "standard's threshold and the strength of every claim declared to exclude it. "
            if case.proof.reading is ProofReading.STRENGTH
            else "*Proved*: no attack on the claim stands, its weighed arguments meet the "
            "standard (Carneades) and its strength exceeds the standard's threshold. "
        )
        + "*Contested*: the standard is met, but an attack on the claim stands "
        "unanswered, so it is labelled out (or undec). Every claim's verdict is in "
        "[evaluation.md](evaluation.md).",
        "",
    ]
    out += _open_questions_section(case, evaluation)
    if report.audit is not None:
        out += _what_would_change(report.audit)
    if report.comparison is not None:
        out += ["## What the scenarios change", ""]
        shares, sentence = _baseline_uncertainty(report.comparison)
        if sentence:
            out += [sentence, ""]
        for name in report.comparison.scenarios[1:]:
            changes = [r for r in report.comparison.rows if r.scenario == name]
            question = report.comparison.questions.get(name) or ""
            out.append(
                f"- **{markdown_text(name)}** — {markdown_text(question)} "
                + markdown_text(_describe_changes(changes, shares))
            )
        out += ["", "Full table: [scenarios.md](scenarios.md) ([CSV](scenarios.csv)).", ""]
    out += _precedent_section(case, evaluation)
    if "timeline.svg" in report.files:
        out += ["## Timeline", "", "![Timeline](timeline.svg)", ""]
    out += ["## Sources", ""]
    for source in case.sources:
        date = f", {source.date.isoformat()}" if source.date else ""
        out.append(
            f"- \\[{markdown_text(source.id)}\\] {markdown_text(source.outlet)}: "
            f"{markdown_text(source.title)}{date}"
        )
    out += ["", "Claim by claim: [evaluation.md](evaluation.md) ([CSV](evaluation.csv)).", ""]
    return "\n".join(out)


def _precedent_section(case: Case, evaluation: Evaluation) -> list[str]:
    """The precedents argued from, each with its citation, court, standing and the
    weight of every argument from it, in words and numbers."""
    rows = []
    for precedent in case.precedents:
        argued = [a for a in case.arguments if a.precedent == precedent.id]
        if not argued:
            continue
        status = standing(precedent, evaluation.as_of).describe(precedent)
        for argument in argued:
            weight = evaluation.precedent_weights.get(argument.id, "")
            if argument.id in evaluation.nodes and evaluation.nodes[argument.id].strength == 0:
                weight = f"{weight} (strength 0)" if weight else "strength 0"
            rows.append(
                [
                    precedent.name,
                    precedent.citation or "",
                    precedent.court,
                    status,
                    argument.id,
                    weight,
                ]
            )
    if not rows:
        return []
    header = ["precedent", "citation", "court", "standing", "argument", "weight"]
    return [
        "## Precedents",
        "",
        "Each argument from precedent weighs its authority times how closely it fits "
        "(on point: the share of the court's reason present, divided by one plus the "
        "distinctions, counted within the theory the precedent decided).",
        "",
        markdown_table(header, rows) + "\n",
    ]


def _open_questions_section(case: Case, evaluation: Evaluation) -> list[str]:
    """A table of the critical questions still open (none: no section), each of
    which undercuts its argument (:mod:`argmap.semantics.critical_questions`)."""
    rows = [
        [q.argument, q.scheme, q.question, q.text, str(q.weight)]
        for q in open_questions(case)
        if q.argument in evaluation.nodes and q.question in evaluation[q.argument].open_questions
    ]
    if not rows:
        return []
    return [
        "## Open critical questions",
        "",
        "Each open question undercuts its argument with its weight until it is answered "
        "or conceded (`questions:` on the argument).",
        "",
        markdown_table(["argument", "scheme", "question", "asks", "weight"], rows) + "\n",
    ]


def _what_would_change(result: Audit) -> list[str]:
    """The brief's section on what decides each headline claim: the fewest items whose
    removal (or, for a rebut between claims, reversal) changes its verdict."""
    if not result.claims:
        return []
    out = [
        "## What would change the outcome",
        "",
        "For the claim each issue turns on, the fewest items of the case (evidence, "
        "precedents, relations) whose removal, or for a rebut between two claims "
        "reversal, changes its verdict. `argmap audit` adds the weights that would "
        "change it and how stable it is over the uncertain weights.",
        "",
    ]
    out += [f"- {claim_summary(row)}" for row in result.claims]
    return [*out, ""]


def _describe_changes(changes: Sequence[ClaimOutcome], baseline: Mapping[str, float]) -> str:
    """The headline moves of one scenario's rows: label changes and standard flips
    first, then big shifts; when nothing moves much, the largest move, so a reader can
    tell "already there" from "untouched"."""
    notable = []
    for row in changes:
        bits = []
        if row.label_changed:
            bits.append(f"{row.baseline_label or 'absent'} -> {row.label or 'absent'}")
        if row.standard_flip:
            bits.append(f"standard {row.standard_flip}")
        if row.strength_delta is not None and abs(row.strength_delta) >= 0.05:
            bits.append(f"strength {row.strength_delta:+.2f}")
        if bits:
            notable.append((not row.label_changed and not row.standard_flip, row.claim, bits))
    unsure = _uncertain_verdicts(changes, baseline)
    if not notable:
        moved = [r for r in changes if r.strength_delta is not None and r.strength_delta]
        largest = max(moved, key=lambda r: abs(r.strength_delta or 0.0), default=None)
        if largest is None or abs(largest.strength_delta or 0.0) < 0.0005:
            return "No claim moves." + unsure
        return (
            f"No claim moves noticeably (largest: {largest.claim} strength "
            f"{largest.strength_delta:+.3f})." + unsure
        )
    notable.sort(key=lambda item: item[0])
    text = "; ".join(f"{claim} {', '.join(bits)}" for _, claim, bits in notable[:6])
    more = f" (and {len(notable) - 6} more)" if len(notable) > 6 else ""
    return f"{text}{more}." + unsure


def _uncertain_verdicts(changes: Sequence[ClaimOutcome], baseline: Mapping[str, float]) -> str:
    """The claims whose share of Monte Carlo draws meeting the standard is open
    (strictly between 2 % and 98 %) and differs from the baseline's by at least 10
    points, least certain first; empty without draws."""
    shaky = [
        (r.claim, p)
        for r in changes
        if r.draws is not None
        and (p := r.draws.p_standard) is not None
        and 0.02 < p < 0.98
        and abs(p - baseline.get(r.claim, -1.0)) >= 0.1
    ]
    if not shaky:
        return ""
    shaky.sort(key=lambda cp: abs(cp[1] - 0.5))
    listed = ", ".join(
        f"{claim} met in {p:.0%} of draws"
        + (f" (baseline {baseline[claim]:.0%})" if claim in baseline else "")
        for claim, p in shaky
    )
    return f" Open verdicts: {listed}."


def _baseline_uncertainty(comparison: Comparison) -> tuple[dict[str, float], str]:
    """The baseline's share of draws meeting the standard per claim, and a sentence
    naming the claims whose verdict the draws leave open: their standard is met in
    between 2 % and 98 % of draws, or no verdict (label and standard read together)
    comes out in 98 % of them, as when a defeat holds in some draws only. Empty
    without draws."""
    summaries = [
        r.draws
        for r in comparison.rows
        if r.scenario == comparison.scenarios[0] and r.draws is not None
    ]
    shares = {s.claim: s.p_standard for s in summaries if s.p_standard is not None}
    drawn = [s for s in summaries if s.p_standard is not None or s.modal_verdict is not None]
    if not drawn:
        return {}, ""
    open_ = [s for s in drawn if _is_open(s)]
    if not open_:
        return shares, (
            f"Over {comparison.samples:,} draws of the uncertain weights, every baseline "
            "verdict comes out the same in (almost) every draw."
        )
    open_.sort(key=lambda s: (_modal_share(s), abs((s.p_standard or 1.0) - 0.5)))
    listed = ", ".join(f"{s.claim} ({_open_detail(s)})" for s in open_)
    return shares, (
        f"Over {comparison.samples:,} draws of the uncertain weights, the baseline verdicts "
        f"the weights leave open: {listed}; the others come out the same in (almost) "
        "every draw. Below, a scenario's open verdicts are named where they differ."
    )


def _modal_share(summary: ClaimSummary) -> float:
    """The share of draws giving the most frequent verdict (1 when none was counted)."""
    modal = summary.modal_verdict
    return 1.0 if modal is None else modal[1]


def _is_open(summary: ClaimSummary) -> bool:
    p = summary.p_standard
    return (p is not None and 0.02 < p < 0.98) or _modal_share(summary) < 0.98


def _open_detail(summary: ClaimSummary) -> str:
    """How the draws split one claim: the share meeting its standard, then every
    verdict that at least 2 % of draws give it, most frequent first."""
    parts = []
    p = summary.p_standard
    if p is not None and 0.02 < p < 0.98:
        parts.append(f"met in {p:.0%} of draws")
    shares = summary.verdict_probabilities or {}
    verdicts = [(v.value, share) for v, share in shares.items() if share >= 0.02]
    if len(verdicts) > 1:
        verdicts.sort(key=lambda vs: -vs[1])
        parts.append("verdicts: " + ", ".join(f"{v} {share:.0%}" for v, share in verdicts))
    return "; ".join(parts)


def load(path: str) -> Case:  # pragma: no cover - doctest helper
    return load_case(path)
