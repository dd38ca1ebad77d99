"""A comparison of scenarios against the baseline: one row per claim and scenario.

Each row says, for one claim under one scenario, its Dung label, its gradual strength,
its proof standard and whether it is met, and what changed against the baseline (the
label, the strength difference, a standard gained or lost). With Monte Carlo, a row
also carries the probability that the claim meets its standard, the probability of
each Dung label and of each verdict over the draws, its most frequent verdict, and
the 5/50/95 % quantiles of its strength (its :class:`~argmap.scenario.results.
ClaimSummary`). The same rows are offered as a pandas DataFrame (:meth:`Comparison.
to_frame`), and from it as JSON and CSV (every probability and the verdict, in the
dialect of :mod:`argmap.tables`); Markdown and the terminal table show claims down and
scenarios across (p, p(in) and the most frequent verdict, so the table stays readable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.display import Displayable, DisplayTable
from argmap.safe_text import markdown_text
from argmap.scenario.results import ClaimSummary
from argmap.semantics.evaluation import Label, Verdict
from argmap.tables import (
    Cell,
    cell,
    make_frame,
    markdown_table,
    text_table,
    write_csv,
    write_json,
)
from argmap.vocabulary import (
    BASELINE_LABEL,
    CLAIM,
    COMPARISON_COLUMNS,
    DRAW_COLUMNS,
    LABEL,
    LABEL_CHANGED,
    MODAL_VERDICT,
    P_MODAL_VERDICT,
    SCENARIO,
    STANDARD,
    STANDARD_FLIP,
    STANDARD_MET,
    STRENGTH,
    STRENGTH_DELTA,
    VERDICT,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from argmap.scenario.runner import ScenarioRun

__all__ = ["BASELINE", "ClaimOutcome", "Comparison", "build_comparison"]

BASELINE = "baseline"
"""The name of the unchanged case in every comparison."""

_SUMMARY_COLUMNS = tuple(c for c in DRAW_COLUMNS if c not in (MODAL_VERDICT, P_MODAL_VERDICT))


@dataclass(frozen=True)
class ClaimOutcome:
    """One claim under one scenario, and how it differs from the baseline.

    ``label`` is ``None`` when the scenario removed the claim (and for the baseline
    values of a claim the scenario added). ``standard_flip`` is ``"gained"``,
    ``"lost"`` or ``None``. ``draws`` is the claim's Monte Carlo summary in this
    scenario (``None`` without draws): the share of draws meeting the standard, the
    strength's quantiles, each label's and verdict's share.
    """

    claim: str
    scenario: str
    label: str | None
    strength: float | None
    standard: str | None
    standard_met: bool | None
    baseline_label: str | None
    label_changed: bool
    strength_delta: float | None
    standard_flip: str | None
    draws: ClaimSummary | None = None

    @property
    def verdict(self) -> Verdict | None:
        """The label and the standard read together; ``None`` for an absent claim."""
        return None if self.label is None else Verdict.of(Label(self.label), self.standard_met)

    def record(self, with_draws: bool = False) -> dict[str, Any]:
        """The row under the column names of :data:`argmap.vocabulary.COMPARISON_COLUMNS`
        (and of :data:`argmap.vocabulary.DRAW_COLUMNS`, with ``with_draws``)."""
        verdict = self.verdict
        record: dict[str, Any] = {
            CLAIM: self.claim,
            SCENARIO: self.scenario,
            LABEL: self.label,
            STRENGTH: self.strength,
            STANDARD: self.standard,
            STANDARD_MET: self.standard_met,
            VERDICT: None if verdict is None else verdict.value,
            BASELINE_LABEL: self.baseline_label,
            LABEL_CHANGED: self.label_changed,
            STRENGTH_DELTA: self.strength_delta,
            STANDARD_FLIP: self.standard_flip,
        }
        if with_draws:
            record.update(dict.fromkeys(DRAW_COLUMNS))
            if self.draws is not None:
                # the summary's fields carry the draw columns' names; the modal verdict
                # is worked out from its verdict shares
                modal = self.draws.modal_verdict
                record.update({c: getattr(self.draws, c) for c in _SUMMARY_COLUMNS})
                if modal is not None:
                    record.update({MODAL_VERDICT: modal[0].value, P_MODAL_VERDICT: modal[1]})
        return record

    @property
    def changed(self) -> bool:
        """Whether anything a reader would notice differs from the baseline."""
        moved = self.strength_delta is not None and abs(self.strength_delta) > 1e-9
        return self.label_changed or self.standard_flip is not None or moved


@dataclass(frozen=True)
class Comparison(Displayable):
    """Claims x scenarios, with the baseline first (in Jupyter: that table).

    Examples
    --------
    >>> from argmap.scenario.runner import compare
    >>> from argmap.scenario import load_scenarios
    >>> base, scenarios = load_scenarios(["scenarios/04_nyt_for_plaintiff.yaml"])
    >>> comparison = compare(base, scenarios)
    >>> comparison.scenarios[0]
    'baseline'
    >>> print(comparison)  # doctest: +ELLIPSIS
    claim...baseline...NYT wins...
    """

    semantics: str
    gradual: str
    scenarios: tuple[str, ...]
    questions: dict[str, str | None]
    rows: tuple[ClaimOutcome, ...]
    samples: int | None = None
    seed: int | None = None
    interrupted: bool = False
    forced: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per scenario, the outcomes its case base forces (Horty's reason model)."""
    runs: tuple[ScenarioRun, ...] = field(default=(), repr=False, compare=False)

    # -- access ---------------------------------------------------------------------

    def row(self, claim: str, scenario: str) -> ClaimOutcome:
        """The row of ``claim`` under ``scenario``; KeyError if there is none."""
        for r in self.rows:
            if r.claim == claim and r.scenario == scenario:
                return r
        raise KeyError((claim, scenario))

    def changes(self) -> list[ClaimOutcome]:
        """The rows of non-baseline scenarios where something changed."""
        return [r for r in self.rows if r.scenario != BASELINE and r.changed]

    @property
    def claims(self) -> tuple[str, ...]:
        """Every claim that appears, in first-seen order."""
        return tuple(dict.fromkeys(r.claim for r in self.rows))

    # -- exports --------------------------------------------------------------------

    def records(self) -> list[dict[str, Any]]:
        """The rows as plain dictionaries (long format, :meth:`ClaimOutcome.record`)."""
        drawn = self.samples is not None
        return [r.record(with_draws=drawn) for r in self.rows]

    def _columns(self) -> tuple[str, ...]:
        return COMPARISON_COLUMNS + (DRAW_COLUMNS if self.samples is not None else ())

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame in long format (one row per claim and scenario), with
        the columns of :data:`argmap.vocabulary.COMPARISON_COLUMNS`, then, with Monte Carlo,
        those of :data:`argmap.vocabulary.DRAW_COLUMNS`.

        >>> from argmap.scenario.runner import compare
        >>> from argmap.scenario import load_scenarios
        >>> base, scenarios = load_scenarios(["scenarios/04_nyt_for_plaintiff.yaml"])
        >>> frame = compare(base, scenarios).to_frame()
        >>> frame.loc[0, ["claim", "scenario", "label", "verdict"]].tolist()
        ['C_illegal', 'baseline', 'out', 'defeated']
        """
        frame = make_frame(self.records(), self._columns())
        frame.attrs.update(
            semantics=self.semantics,
            gradual=self.gradual,
            samples=self.samples,
            seed=self.seed,
            interrupted=self.interrupted,
        )
        return frame

    def to_json(self) -> str:
        """JSON: the settings, each scenario's question, and the rows
        (:func:`argmap.tables.write_json`)."""
        about = {
            "semantics": self.semantics,
            "gradual": self.gradual,
            "samples": self.samples,
            "seed": self.seed,
            "interrupted": self.interrupted,
            "scenarios": [
                {
                    "name": s,
                    "question": self.questions.get(s),
                    "forced_outcomes": list(self.forced.get(s, ())),
                }
                for s in self.scenarios
            ],
        }
        return write_json(self.to_frame(), about)

    def to_csv(self) -> str:
        """CSV in long format (:func:`argmap.tables.write_csv`)."""
        return write_csv(self.to_frame())

    def _wide(self) -> tuple[list[str], list[list[Cell]]]:
        header = ["claim", *self.scenarios]
        rows: list[list[Cell]] = []
        for claim in self.claims:
            line: list[Cell] = [claim]
            for scenario in self.scenarios:
                try:
                    line.append(_summary(self.row(claim, scenario), self.samples is not None))
                except KeyError:
                    line.append(None)
            rows.append(line)
        return header, rows

    def to_markdown(self) -> str:
        """A Markdown table: claims down, scenarios across; then each question."""
        header, rows = self._wide()
        lines = [markdown_table(header, rows), ""]
        lines += [
            f"- **{markdown_text(name)}**: {markdown_text(question)}"
            for name in self.scenarios
            if (question := self.questions.get(name))
        ]
        lines.append("")
        constraint = self._constraint()
        if constraint:
            lines += [markdown_text(constraint, line_start=True), ""]
        lines.append(self._legend())
        return "\n".join(lines).rstrip() + "\n"

    def table(self) -> str:
        """An aligned plain-text table for the terminal."""
        header, rows = self._wide()
        constraint = self._constraint()
        extra = constraint + "\n" if constraint else ""
        return text_table(header, rows) + "\n\n" + extra + self._legend() + "\n"

    def _constraint(self) -> str:
        """One line on what the precedents force in each scenario (if any precedent)."""
        if not any(run.case.precedents for run in self.runs):
            return ""
        parts = [
            f"{name}: {' and '.join(self.forced.get(name, ())) or 'nothing'}"
            for name in self.scenarios
        ]
        return "precedent constraint (Horty) forces — " + "; ".join(parts)

    def _legend(self) -> str:
        parts = [
            f"label under {self.semantics} semantics, strength under {self.gradual}",
            "(delta vs baseline); standard: met / not met / no standard (–)",
        ]
        if self.samples is not None:
            parts.append(f"; p = share of {self.samples} samples meeting the standard")
            if self.seed is not None:
                parts.append(f" (seed {self.seed})")
            parts.append(
                "; p(in) = share labelled in; mostly V (x) = the verdict of most samples "
                "and its share (every label and verdict share in JSON/CSV)"
            )
            if any(row.draws is not None and row.draws.undefined for row in self.rows):
                parts.append(
                    "; N undefined: draws where the claim has no value, left out of p "
                    "and of every share"
                )
        if self.interrupted:
            parts.append("; INTERRUPTED: partial Monte Carlo results")
        return "".join(parts[:1]) + " " + "".join(parts[1:])

    def __str__(self) -> str:
        return self.table()

    def _display_table(self) -> DisplayTable:
        header, rows = self._wide()
        title = f"Scenarios compared: {self.semantics} semantics, {self.gradual} strengths"
        return DisplayTable(title, header, rows)


def _summary(row: ClaimOutcome, uncertain: bool) -> str:
    if row.label is None:
        return "absent"
    text = f"{row.label} {cell(row.strength)}"
    if row.scenario != BASELINE and row.strength_delta is not None:
        delta = row.strength_delta
        # a change too small to show in three decimals still differs from none at all
        text += " (~0)" if delta != 0 and abs(delta) < 5e-4 else f" ({delta:+.3f})"
    if row.standard_met is not None:
        text += " met" if row.standard_met else " not met"
    if row.standard_flip is not None:
        text += f" [{row.standard_flip}]"
    if row.label_changed and row.baseline_label is not None:
        text += f" [was {row.baseline_label}]"
    draws = row.draws
    if not uncertain or draws is None:
        return text
    if draws.p_standard is not None:
        text += f" p={draws.p_standard:.2f}"
    if draws.p_in is not None:
        text += f" p(in)={draws.p_in:.2f}"
    if (modal := draws.modal_verdict) is not None:
        text += f" mostly {modal[0].value} ({modal[1]:.2f})"
    if draws.undefined:
        text += f" ({draws.undefined} undefined)"
    return text


def build_comparison(
    runs: Sequence[ScenarioRun],
    semantics: str,
    gradual: str,
    samples: int | None = None,
    seed: int | None = None,
) -> Comparison:
    """Rows for every claim of every run, measured against the first run (baseline)."""
    base = runs[0]
    rows: list[ClaimOutcome] = []
    for run in runs:
        claims = dict.fromkeys([r.id for r in base.evaluation.claims()])
        claims.update(dict.fromkeys(r.id for r in run.evaluation.claims()))
        for claim in claims:
            rows.append(_outcome(claim, run, base))
    return Comparison(
        semantics=semantics,
        gradual=gradual,
        scenarios=tuple(run.name for run in runs),
        questions={run.name: run.question for run in runs},
        rows=tuple(rows),
        samples=samples,
        seed=seed,
        forced={run.name: run.forced for run in runs},
        interrupted=any(
            run.uncertainty is not None and run.uncertainty.interrupted for run in runs
        ),
        runs=tuple(runs),
    )


def _outcome(claim: str, run: ScenarioRun, base: ScenarioRun) -> ClaimOutcome:
    now = run.evaluation.nodes.get(claim)
    before = base.evaluation.nodes.get(claim)
    label = now.label.value if now is not None else None
    base_label = before.label.value if before is not None else None
    delta = None
    if now is not None and before is not None:
        delta = now.strength - before.strength
    flip = None
    if (
        now is not None
        and before is not None
        and None
        not in (
            now.standard_met,
            before.standard_met,
        )
        and now.standard_met != before.standard_met
    ):
        flip = "gained" if now.standard_met else "lost"
    draws = None
    if run.uncertainty is not None and claim in run.uncertainty.claims:
        draws = run.uncertainty.summary(claim)
    return ClaimOutcome(
        claim=claim,
        scenario=run.name,
        label=label,
        strength=now.strength if now is not None else None,
        standard=now.standard if now is not None else None,
        standard_met=now.standard_met if now is not None else None,
        baseline_label=base_label,
        label_changed=label != base_label and run is not base,
        strength_delta=delta if run is not base else 0.0 if now is not None else None,
        standard_flip=flip,
        draws=draws,
    )
