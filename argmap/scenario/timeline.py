"""How each claim's strength and verdict move across the dates of a case.

:func:`strength_timeline` reads the case as of every date in it
(:func:`argmap.model.as_of.case_dates`: each source, item of evidence, event,
decision and later ruling) and evaluates it there, so a row says what a reader
would have concluded on that day. Dates at which nothing new became known are the
same case read again, and are evaluated once. Like a scenario run, it reads the case
anew for each state (here, each date) and hands that reading to the engine, so it
lives with the scenarios, above the semantics, which read only compiled frameworks.

>>> from argmap.io.casefile import load
>>> timeline = strength_timeline(load("examples/ad_tool_dispute.yaml"))
>>> timeline.rows[0]._fields
('date', 'claim', 'strength', 'verdict')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from argmap.errors import SolverError
from argmap.model import Case
from argmap.model.as_of import at_date, case_dates
from argmap.safe_text import markdown_text
from argmap.semantics.evaluate import evaluate
from argmap.tables import make_frame, write_csv, write_markdown
from argmap.vocabulary import TIMELINE_COLUMNS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Timeline", "TimelineRow", "strength_timeline", "timeline_if_dated"]


class TimelineRow(NamedTuple):
    """One claim on one date."""

    date: dt.date
    claim: str
    strength: float
    verdict: str


@dataclass(frozen=True)
class Timeline:
    """Rows (date, claim, strength, verdict), date by date, claims in case order."""

    title: str
    semantics: str
    gradual: str
    rows: tuple[TimelineRow, ...]

    def changes(self) -> list[TimelineRow]:
        """The rows where a claim's verdict differs from its previous date's (and each
        claim's first row)."""
        last: dict[str, str] = {}
        out = []
        for row in self.rows:
            if last.get(row.claim) != row.verdict:
                out.append(row)
            last[row.claim] = row.verdict
        return out

    def to_frame(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame, with the columns of
        :data:`argmap.vocabulary.TIMELINE_COLUMNS` (date, claim, strength, verdict)."""
        return make_frame((row._asdict() for row in self.rows), TIMELINE_COLUMNS)

    def to_csv(self) -> str:
        """``date,claim,strength,verdict`` then one line per row, in the CSV dialect of
        :mod:`argmap.tables` (dates as ``YYYY-MM-DD``)."""
        return write_csv(self.to_frame())

    def to_markdown(self) -> str:
        """A Markdown table, the case's text escaped."""
        head = [
            f"# Strength over time: {markdown_text(self.title)}",
            "",
            f"Dung semantics: {self.semantics}; gradual semantics: {self.gradual}.",
            "",
        ]
        return "\n".join(head) + "\n" + write_markdown(self.to_frame())

    def table(self) -> str:
        """An aligned text table: one line per date, one column per claim, each cell
        ``strength verdict``."""
        claims = list(dict.fromkeys(r.claim for r in self.rows))
        dates = list(dict.fromkeys(r.date for r in self.rows))
        cell = {(r.date, r.claim): f"{r.strength:.3f} {r.verdict}" for r in self.rows}
        grid = [["date", *claims]]
        grid += [[d.isoformat(), *(cell.get((d, c), "-") for c in claims)] for d in dates]
        widths = [max(len(line[k]) for line in grid) for k in range(len(grid[0]))]
        return (
            "\n".join(
                "  ".join(x.ljust(w) for x, w in zip(line, widths, strict=True)).rstrip()
                for line in grid
            )
            + "\n"
        )


def strength_timeline(
    case: Case,
    dates: Sequence[dt.date] | None = None,
    claims: Sequence[str] | None = None,
    semantics: str = "grounded",
    gradual: str = "dfquad",
) -> Timeline:
    """Evaluate ``case`` as of each of ``dates`` (default: every date in the case).

    Parameters
    ----------
    case : Case
    dates : sequence of datetime.date, optional
        The dates to read the case at; default :func:`~argmap.model.as_of.case_dates`.
    claims : sequence of str, optional
        The claims to report (default: every claim).
    semantics, gradual : str
        As for :func:`~argmap.semantics.evaluate.evaluate`.

    Raises
    ------
    SolverError
        A claim that is not in the case, or a case with no date to read it at.
    """
    wanted = list(claims) if claims else [c.id for c in case.claims]
    known = {c.id for c in case.claims}
    unknown = [c for c in wanted if c not in known]
    if unknown:
        raise SolverError(f"no such claim: {', '.join(unknown)}")
    when = sorted(set(dates)) if dates is not None else case_dates(case)
    if not when:
        raise SolverError("the case has no dates (sources, evidence, events, decisions)")
    rows: list[TimelineRow] = []
    previous: tuple[Case, dict[str, tuple[float, str]]] | None = None
    for day in when:
        seen = at_date(case, day)
        if previous is not None and _same_content(previous[0], seen):
            results = previous[1]
        else:
            evaluation = evaluate(seen, semantics, gradual)
            results = {c: (evaluation[c].strength, evaluation[c].verdict.value) for c in wanted}
            previous = (seen, results)
        rows += [TimelineRow(day, c, *results[c]) for c in wanted]
    return Timeline(case.title, semantics, gradual, tuple(rows))


def timeline_if_dated(
    case: Case, semantics: str = "grounded", gradual: str = "dfquad"
) -> Timeline | None:
    """:func:`strength_timeline` of every claim, or None when the case has no claims
    or no dates (a report and its pages show no timeline then).

    >>> from argmap.model import Case
    >>> timeline_if_dated(Case(title="t")) is None
    True
    """
    if not case.claims:
        return None
    try:
        return strength_timeline(case, semantics=semantics, gradual=gradual)
    except SolverError:  # a case without dates has no timeline
        return None


def _same_content(a: Case, b: Case) -> bool:
    """Whether two readings of one case differ only in their ``as_of`` date."""
    return a.model_copy(update={"as_of": None}) == b.model_copy(update={"as_of": None})
