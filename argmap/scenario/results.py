"""Results of Monte Carlo runs and sweeps: per-claim summaries and tables.

:class:`MonteCarloResult` summarises a run through a :class:`StrengthTally`, which
takes the draws chunk by chunk and holds a fixed-size histogram per claim, so memory
does not grow with the number of samples; with ``keep_samples`` it also keeps every
sample's claim strengths, labels and verdicts, so a notebook can plot them. Its
summaries give the probability that a claim meets its standard, the probability of
each Dung label and of each verdict (labels depend on the draw through
preference-based defeat), and the 5/50/95 % quantiles of its strength.
:class:`SweepResult` holds the
claims along a grid of one parameter. Both print as terminal tables, export to pandas
and Markdown, and render as HTML in notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from argmap.semantics.evaluation import Label, Verdict
from argmap.tables import make_frame, markdown_table, text_table
from argmap.vocabulary import CLAIM, STANDARD_MET, STRENGTH

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "LABELS",
    "QUANTILES",
    "VERDICTS",
    "ClaimSummary",
    "MonteCarloResult",
    "StrengthTally",
    "SweepResult",
    "verdict_codes",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Int8Array = npt.NDArray[np.int8]

LABELS = (Label.IN, Label.OUT, Label.UNDEC)
"""The Dung labels in the order of :attr:`StrengthTally.labels`' columns."""

VERDICTS = tuple(Verdict)
"""The verdicts in the order of :attr:`StrengthTally.verdicts`' columns (the codes of
:func:`verdict_codes`)."""

QUANTILES = (0.05, 0.5, 0.95)

TALLY_BINS = 1 << 16
"""Histogram bins over [0, 1] per claim: quantiles to within 1/65536 (well under the
three decimals shown), at 512 KiB per claim whatever the sample count."""


def verdict_codes(
    labels: npt.ArrayLike, met: npt.ArrayLike, has_standard: npt.ArrayLike
) -> Int8Array:
    """Per sample and claim, the index in :data:`VERDICTS` of :meth:`Verdict.of
    <argmap.semantics.evaluation.Verdict.of>` for the label (1 in, -1 out, 0 undec),
    whether the standard is met, and whether the claim has a standard at all.

    ``labels`` and ``met`` are ``(S, C)``, ``has_standard`` ``(C,)``; the same table as
    ``Verdict.of``, in one vectorized pass, so millions of draws need no Python loop.

    >>> [VERDICTS[k].value for k in verdict_codes([[1, 1, -1, 0]], [[True, False, True, False]],
    ...                                           [True, True, True, True])[0]]
    ['proved', 'unproven', 'contested', 'undecided']
    >>> VERDICTS[verdict_codes([[1]], [[False]], [False])[0, 0]].value
    'accepted'
    """
    lab = np.asarray(labels)
    ok = np.asarray(met, dtype=bool) & np.asarray(has_standard, dtype=bool)
    standard = np.broadcast_to(np.asarray(has_standard, dtype=bool), lab.shape)
    code = VERDICTS.index
    inside = np.where(
        standard,
        np.where(ok, code(Verdict.PROVED), code(Verdict.UNPROVEN)),
        code(Verdict.ACCEPTED),
    )
    beaten = np.where(lab == 0, code(Verdict.UNDECIDED), code(Verdict.DEFEATED))
    outside = np.where(ok, code(Verdict.CONTESTED), beaten)
    return np.where(lab == 1, inside, outside).astype(np.int8)


def label_counts(labels: Int8Array, defined: BoolArray) -> npt.NDArray[np.int64]:
    """``(C, 3)``: per claim, how many defined draws gave it each of :data:`LABELS`.

    >>> label_counts(np.array([[1, 0], [-1, 0]], dtype=np.int8), np.array([[True] * 2] * 2))
    array([[1, 1, 0],
           [0, 0, 2]])
    """
    # engine codes 1 / -1 / 0 to columns 0 / 1 / 2 of LABELS
    codes = np.choose(np.asarray(labels) + 1, (1, 2, 0))
    return category_counts(codes, defined, len(LABELS))


def category_counts(codes: npt.ArrayLike, defined: BoolArray, k: int) -> npt.NDArray[np.int64]:
    """``(C, k)``: per claim (column of ``codes``), how many defined draws (rows) have
    each code ``0 .. k-1``; one bincount over the chunk rather than ``k`` passes."""
    c = np.asarray(codes, dtype=np.int64)
    keys = c + k * np.arange(c.shape[1], dtype=np.int64)
    counted = np.bincount(keys[defined], minlength=k * c.shape[1])
    return counted.reshape(c.shape[1], k)


class StrengthTally:
    """Running per-claim totals of a Monte Carlo run, fed one chunk at a time.

    Holds counts, sums, minima and maxima, how often each claim met its standard,
    how often it got each Dung label (:data:`LABELS`) and each verdict
    (:data:`VERDICTS`), how many draws left it undefined, and a histogram of its
    strengths over [0, 1] (:data:`TALLY_BINS` bins): memory is fixed by the number of
    claims, not of samples. Verdicts need to know which claims have a standard
    (``has_standard``, default none); labels and verdicts are counted only for the
    chunks that come with labels. Means and probabilities are exact; quantiles are read from the
    histogram, interpolated within a bin and kept within the observed range (so a
    claim that never moves gets its exact value). A claim's undefined draws are
    counted and kept out of its sums, verdicts, range and histogram, so every
    statistic is over the draws where it has a value.

    >>> tally = StrengthTally(1)
    >>> tally.add(np.array([[0.2], [0.4], [0.6]]), np.array([[False], [True], [True]]))
    >>> tally.n, float(tally.sums[0]), int(tally.met[0])
    (3, 1.2000000000000002, 2)
    >>> round(tally.quantile(0, 0.5), 4)
    0.4
    >>> tally.add(np.array([[np.nan]]), np.array([[False]]), np.array([[True]]))
    >>> tally.n, int(tally.undefined[0]), int(tally.defined(0)), tally.undefined_draws
    (4, 1, 3, 1)
    >>> counted = StrengthTally(1, has_standard=np.array([True]))
    >>> counted.add(np.array([[0.2], [0.7]]), np.array([[False], [True]]),
    ...             labels=np.array([[-1], [1]], dtype=np.int8))
    >>> counted.labels.tolist(), counted.verdicts.tolist()
    ([[1, 1, 0]], [[1, 0, 0, 0, 0, 1]])
    """

    def __init__(
        self, claims: int, bins: int = TALLY_BINS, has_standard: BoolArray | None = None
    ) -> None:
        self.n = 0
        self.bins = bins
        self.sums = np.zeros(claims)
        self.met = np.zeros(claims, dtype=np.int64)
        self.undefined = np.zeros(claims, dtype=np.int64)
        self.undefined_draws = 0
        """Draws that left at least one claim undefined."""
        self.low = np.full(claims, np.inf)
        self.high = np.full(claims, -np.inf)
        self.counts = np.zeros((claims, bins), dtype=np.int64)
        self.has_standard = (
            np.zeros(claims, dtype=bool) if has_standard is None else np.asarray(has_standard)
        )
        self.labels = np.zeros((claims, len(LABELS)), dtype=np.int64)
        """``(C, 3)``: defined draws per claim labelled in, out, undec (:data:`LABELS`)."""
        self.verdicts = np.zeros((claims, len(VERDICTS)), dtype=np.int64)
        """``(C, 6)``: defined draws per claim with each of :data:`VERDICTS`."""

    def add(
        self,
        strengths: FloatArray,
        met: BoolArray,
        undefined: BoolArray | None = None,
        labels: Int8Array | None = None,
    ) -> None:
        """Take one chunk: ``(rows, C)`` strengths and standard verdicts, which of them
        are undefined (default: where a strength is NaN), and the claims' Dung labels
        (1 in, -1 out, 0 undec; optional)."""
        if strengths.shape[0] == 0:
            return
        bad = np.isnan(strengths) if undefined is None else undefined | np.isnan(strengths)
        good = ~bad
        self.n += int(strengths.shape[0])
        self.undefined += bad.sum(axis=0)
        self.undefined_draws += int(bad.any(axis=1).sum())
        self.sums += np.where(good, strengths, 0.0).sum(axis=0)
        self.met += (met & good).sum(axis=0)
        self.low = np.minimum(self.low, np.where(good, strengths, np.inf).min(axis=0))
        self.high = np.maximum(self.high, np.where(good, strengths, -np.inf).max(axis=0))
        # NaN has no bin: give undefined draws any index, then drop them per column
        scaled = np.where(good, strengths, 0.0) * self.bins
        index = np.clip(scaled.astype(np.int64), 0, self.bins - 1)
        for j in range(strengths.shape[1]):
            self.counts[j] += np.bincount(index[good[:, j], j], minlength=self.bins)
        if labels is not None:
            self.labels += label_counts(labels, good)
            codes = verdict_codes(labels, met, self.has_standard)
            self.verdicts += category_counts(codes, good, len(VERDICTS))

    def defined(self, j: int) -> int:
        """How many draws gave claim ``j`` a value."""
        return self.n - int(self.undefined[j])

    def quantile(self, j: int, q: float) -> float:
        """The ``q``-quantile of claim ``j``'s strengths over its defined draws, as
        ``numpy.quantile``'s default (linear between order statistics) reads it, to
        within a bin; NaN when no draw gave it a value."""
        n = self.defined(j)
        if n == 0:
            return float("nan")
        cumulative = np.cumsum(self.counts[j])

        def order_statistic(k: int) -> float:
            b = int(np.searchsorted(cumulative, k + 1))
            before = int(cumulative[b - 1]) if b else 0
            inside = (k - before + 0.5) / int(self.counts[j, b])
            return (b + inside) / self.bins

        position = (n - 1) * q
        k = int(np.floor(position))
        value = order_statistic(k)
        if k + 1 < n:
            value += (position - k) * (order_statistic(k + 1) - value)
        return float(np.clip(value, self.low[j], self.high[j]))


@dataclass(frozen=True)
class ClaimSummary:
    """One claim over a Monte Carlo run: the probability that it meets its standard
    (``None`` without a standard), its mean strength and 5/50/95 % quantiles, the
    probability of each Dung label (``p_in``, ``p_out``, ``p_undec``) and of each
    verdict (``p_proved`` ... ``p_defeated``, :class:`~argmap.semantics.evaluation.
    Verdict`), all over the draws where it is defined, and how many draws left it
    ``undefined`` (a score or weight it depends on had no value there). The label and
    verdict probabilities are ``None`` when no draw defined the claim (or labels were
    not counted); each set sums to 1 otherwise.

    >>> s = ClaimSummary("C1", 0.5, 0.4, 0.1, 0.4, 0.7, p_in=0.75, p_out=0.25, p_undec=0.0,
    ...                  p_proved=0.5, p_unproven=0.25, p_defeated=0.25)
    >>> s.modal_verdict
    (<Verdict.PROVED: 'proved'>, 0.5)
    """

    claim: str
    p_standard: float | None
    mean: float
    q05: float
    q50: float
    q95: float
    undefined: int = 0
    p_in: float | None = None
    p_out: float | None = None
    p_undec: float | None = None
    p_proved: float | None = None
    p_accepted: float | None = None
    p_unproven: float | None = None
    p_contested: float | None = None
    p_undecided: float | None = None
    p_defeated: float | None = None

    @property
    def label_probabilities(self) -> dict[Label, float] | None:
        """The probability of each label, or ``None`` if labels were not counted."""
        if self.p_in is None:
            return None
        return {label: getattr(self, f"p_{label.value}") or 0.0 for label in LABELS}

    @property
    def verdict_probabilities(self) -> dict[Verdict, float] | None:
        """The probability of each verdict, or ``None`` if none was counted."""
        if self.p_proved is None:
            return None
        return {v: getattr(self, f"p_{v.value}") or 0.0 for v in VERDICTS}

    @property
    def modal_verdict(self) -> tuple[Verdict, float] | None:
        """The most frequent verdict and its probability (ties: the first in
        :data:`VERDICTS`), or ``None`` if none was counted."""
        shares = self.verdict_probabilities
        if shares is None:
            return None
        verdict = max(shares, key=lambda v: shares[v])
        return verdict, shares[verdict]


@dataclass(frozen=True, eq=False)
class MonteCarloResult:
    """The claim strengths, labels and verdicts of a Monte Carlo run, summarised.

    ``tally`` holds the per-claim totals the summaries are read from. ``strengths``,
    ``met`` and ``labels`` (int8: 1 in, -1 out, 0 undec) are the ``(S, C)``
    per-sample values over the ``claims`` when the run kept them (``keep_samples``),
    else ``None``; ``met`` is False where a claim has no standard (see
    ``has_standard``); :meth:`verdicts` reads labels and standards together.
    ``undefined`` ``(S, C)``, kept likewise, marks the draws where a claim has no
    value (strength NaN); the tally counts them per claim whether or not samples are
    kept, and leaves them out of every probability (standard, label, verdict), mean
    and quantile. ``interrupted`` runs hold fewer than
    ``requested`` samples.
    """

    claims: tuple[str, ...]
    tally: StrengthTally
    strengths: FloatArray | None
    met: BoolArray | None
    has_standard: BoolArray
    requested: int
    seed: int
    gradual: str
    semantics: str
    parameters: tuple[str, ...]
    chunk_size: int
    interrupted: bool = False
    converged: bool = True
    undefined: BoolArray | None = None
    labels: Int8Array | None = None

    def verdicts(self) -> Int8Array | None:
        """``(S, C)`` per-sample verdicts as indices into :data:`VERDICTS` (``None``
        unless samples were kept); meaningless where ``undefined`` is set."""
        if self.labels is None or self.met is None:
            return None
        return verdict_codes(self.labels, self.met, self.has_standard)

    @property
    def samples(self) -> int:
        """How many samples were evaluated."""
        return self.tally.n

    @property
    def undefined_draws(self) -> int:
        """How many draws left at least one reported claim undefined."""
        return self.tally.undefined_draws

    def summary(self, claim: str) -> ClaimSummary:
        """The summary of one claim (KeyError if it is not among ``claims``)."""
        j = self.claims.index(claim) if claim in self.claims else None
        if j is None:
            raise KeyError(claim)
        tally = self.tally
        undefined = int(tally.undefined[j])
        defined = tally.defined(j)
        if defined == 0:
            nan = float("nan")
            return ClaimSummary(claim, None, nan, nan, nan, nan, undefined)
        q05, q50, q95 = (tally.quantile(j, q) for q in QUANTILES)
        p = float(tally.met[j] / defined) if self.has_standard[j] else None
        mean = float(tally.sums[j] / defined)
        shares: dict[str, float] = {}
        # a tally fed without labels has counted none: leave their probabilities out
        if int(tally.labels[j].sum()) == defined:
            for label, count in zip(LABELS, tally.labels[j].tolist(), strict=True):
                shares[f"p_{label.value}"] = count / defined
            for verdict, count in zip(VERDICTS, tally.verdicts[j].tolist(), strict=True):
                shares[f"p_{verdict.value}"] = count / defined
        return ClaimSummary(claim, p, mean, q05, q50, q95, undefined, **shares)

    def summaries(self) -> list[ClaimSummary]:
        """The summary of every claim, in case order."""
        return [self.summary(c) for c in self.claims]

    def to_frame(self) -> pd.DataFrame:
        """One row per claim: p_standard, mean, q05, q50, q95, undefined, then the
        probability of each label (p_in, p_out, p_undec) and verdict (p_proved ...)."""
        import pandas as pd

        frame = pd.DataFrame.from_records([vars(s) for s in self.summaries()])
        frame.attrs.update(samples=self.samples, seed=self.seed, interrupted=self.interrupted)
        return frame

    def _rows(self) -> tuple[list[str], list[list[Any]]]:
        header = [
            "claim",
            "p(standard met)",
            "p(in)",
            "modal verdict",
            "mean",
            "q05",
            "q50",
            "q95",
            "undefined",
        ]
        rows = [
            [s.claim, s.p_standard, s.p_in, _modal(s), s.mean, s.q05, s.q50, s.q95, s.undefined]
            for s in self.summaries()
        ]
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
        if self.undefined_draws:
            text += (
                f"; {self.undefined_draws} draws undefined for some claim "
                "(left out of its p and quantiles)"
            )
        if self.interrupted:
            text += f"; INTERRUPTED after {self.samples} of {self.requested} samples"
        return text

    def __str__(self) -> str:
        return self.table()

    def _repr_html_(self) -> str:
        return str(self.to_frame().to_html(index=False)) + f"<p>{self._footer()}</p>"


def _modal(summary: ClaimSummary) -> str | None:
    """The most frequent verdict and its share, as a table shows it."""
    modal = summary.modal_verdict
    return None if modal is None else f"{modal[0].value} {modal[1]:.2f}"


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
    undefined: BoolArray | None = None
    """``(points, C)``: where a claim has no value (strength NaN, standard_met None)."""

    def _is_undefined(self, i: int, j: int) -> bool:
        return self.undefined is not None and bool(self.undefined[i, j])

    def records(self) -> list[dict[str, Any]]:
        """Long format: one record per value and claim."""
        out = []
        for i, value in enumerate(self.values[: self.strengths.shape[0]].tolist()):
            for j, claim in enumerate(self.claims):
                known = self.has_standard[j] and not self._is_undefined(i, j)
                out.append(
                    {
                        self.parameter: value,
                        CLAIM: claim,
                        STRENGTH: float(self.strengths[i, j]),
                        STANDARD_MET: bool(self.met[i, j]) if known else None,
                    }
                )
        return out

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame in long format (columns: the parameter, then those of
        :mod:`argmap.vocabulary`: claim, strength, standard_met)."""
        return make_frame(self.records(), [self.parameter, CLAIM, STRENGTH, STANDARD_MET])

    def _wide(self) -> tuple[list[str], list[list[Any]]]:
        header = [self.parameter, *self.claims]
        rows: list[list[Any]] = []
        for i, value in enumerate(self.values[: self.strengths.shape[0]].tolist()):
            row: list[Any] = [f"{value:g}"]
            for j in range(len(self.claims)):
                if self._is_undefined(i, j):
                    row.append("undefined")
                    continue
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
