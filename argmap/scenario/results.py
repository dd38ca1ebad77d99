"""Results of Monte Carlo runs and sweeps: per-claim summaries and tables.

:class:`MonteCarloResult` keeps every sample's claim strengths and verdicts, so a
notebook can plot them; its summaries give the probability that a claim meets its
standard and the 5/50/95 % quantiles of its strength. :class:`SweepResult` holds the
claims along a grid of one parameter. Both print as terminal tables, export to pandas
and Markdown, and render as HTML in notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from argmap.scenario.tables import markdown_table, text_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["QUANTILES", "ClaimSummary", "MonteCarloResult", "SweepResult"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

QUANTILES = (0.05, 0.5, 0.95)


@dataclass(frozen=True)
class ClaimSummary:
    """One claim over a Monte Carlo run: the probability that it meets its standard
    (``None`` without a standard) and its mean strength and 5/50/95 % quantiles."""

    claim: str
    p_standard: float | None
    mean: float
    q05: float
    q50: float
    q95: float


@dataclass(frozen=True, eq=False)
class MonteCarloResult:
    """Per-sample claim strengths and verdicts of a Monte Carlo run.

    ``strengths`` and ``met`` are ``(S, C)`` over the ``claims``; ``met`` is False
    where a claim has no standard (see ``has_standard``). ``interrupted`` runs hold
    fewer than ``requested`` samples.
    """

    claims: tuple[str, ...]
    strengths: FloatArray
    met: BoolArray
    has_standard: BoolArray
    requested: int
    seed: int
    gradual: str
    semantics: str
    parameters: tuple[str, ...]
    chunk_size: int
    interrupted: bool = False
    converged: bool = True

    @property
    def samples(self) -> int:
        """How many samples were evaluated."""
        return int(self.strengths.shape[0])

    def summary(self, claim: str) -> ClaimSummary:
        """The summary of one claim (KeyError if it is not among ``claims``)."""
        j = self.claims.index(claim) if claim in self.claims else None
        if j is None:
            raise KeyError(claim)
        column = self.strengths[:, j]
        if column.size == 0:
            nan = float("nan")
            return ClaimSummary(claim, None, nan, nan, nan, nan)
        q05, q50, q95 = (float(q) for q in np.quantile(column, QUANTILES))
        p = float(self.met[:, j].mean()) if self.has_standard[j] else None
        return ClaimSummary(claim, p, float(column.mean()), q05, q50, q95)

    def summaries(self) -> list[ClaimSummary]:
        """The summary of every claim, in case order."""
        return [self.summary(c) for c in self.claims]

    def to_frame(self) -> pd.DataFrame:
        """One row per claim: p_standard, mean, q05, q50, q95."""
        import pandas as pd

        frame = pd.DataFrame.from_records([vars(s) for s in self.summaries()])
        frame.attrs.update(samples=self.samples, seed=self.seed, interrupted=self.interrupted)
        return frame

    def _rows(self) -> tuple[list[str], list[list[Any]]]:
        header = ["claim", "p(standard met)", "mean", "q05", "q50", "q95"]
        rows = [[s.claim, s.p_standard, s.mean, s.q05, s.q50, s.q95] for s in self.summaries()]
        return header, rows

    def table(self) -> str:
        """A terminal table of the summaries with a line on the run."""
        return text_table(*self._rows()) + "\n" + self._footer() + "\n"

    def to_markdown(self) -> str:
        """The summaries as Markdown."""
        return markdown_table(*self._rows()) + "\n\n" + self._footer() + "\n"

    def _footer(self) -> str:
        text = (
            f"{self.samples} samples ({self.gradual}, labels under {self.semantics}), "
            f"seed {self.seed}, parameters varied: {', '.join(self.parameters) or 'none'}"
        )
        if self.interrupted:
            text += f"; INTERRUPTED after {self.samples} of {self.requested} samples"
        return text

    def __str__(self) -> str:
        return self.table()

    def _repr_html_(self) -> str:
        return str(self.to_frame().to_html(index=False)) + f"<p>{self._footer()}</p>"


@dataclass(frozen=True, eq=False)
class SweepResult:
    """Claim strengths and verdicts along a grid of one parameter's values."""

    parameter: str
    values: FloatArray
    claims: tuple[str, ...]
    strengths: FloatArray
    met: BoolArray
    has_standard: BoolArray
    gradual: str
    semantics: str
    interrupted: bool = False

    def records(self) -> list[dict[str, Any]]:
        """Long format: one record per value and claim."""
        out = []
        for i, value in enumerate(self.values[: self.strengths.shape[0]].tolist()):
            for j, claim in enumerate(self.claims):
                out.append(
                    {
                        self.parameter: value,
                        "claim": claim,
                        "strength": float(self.strengths[i, j]),
                        "standard_met": bool(self.met[i, j]) if self.has_standard[j] else None,
                    }
                )
        return out

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame in long format."""
        import pandas as pd

        return pd.DataFrame.from_records(
            self.records(), columns=[self.parameter, "claim", "strength", "standard_met"]
        )

    def _wide(self) -> tuple[list[str], list[list[Any]]]:
        header = [self.parameter, *self.claims]
        rows: list[list[Any]] = []
        for i, value in enumerate(self.values[: self.strengths.shape[0]].tolist()):
            row: list[Any] = [f"{value:g}"]
            for j in range(len(self.claims)):
                mark = ""
                if self.has_standard[j]:
                    mark = " met" if self.met[i, j] else " not met"
                row.append(f"{self.strengths[i, j]:.3f}{mark}")
            rows.append(row)
        return header, rows

    def table(self) -> str:
        """Values down, claims across: strength and whether the standard is met."""
        note = "\n(INTERRUPTED: partial sweep)" if self.interrupted else ""
        return text_table(*self._wide()) + note + "\n"

    def to_markdown(self) -> str:
        """The wide table as Markdown."""
        return markdown_table(*self._wide()) + "\n"

    def __str__(self) -> str:
        return self.table()

    def _repr_html_(self) -> str:
        return str(self.to_frame().to_html(index=False))
