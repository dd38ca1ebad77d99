"""Provenance: does every evidence quote appear, word for word, in its source file?

A case cites its sources by seed file name (``Source.file``). A quote is the evidence
itself where the words matter (what a party tweeted, what a website said, a reported
figure), so it must be found verbatim in that file. Typography is forgiven, nothing
else: runs of whitespace (including no-break, narrow and thin spaces), typographic
quotes and apostrophes, dashes and non-breaking hyphens are folded to their plain forms
on both sides before comparing; letters, case, digits and punctuation must match.

For each quote that is not found, the report gives the passage of the source that comes
closest (:class:`difflib.SequenceMatcher` over windows of the same number of words), so
the author sees at once whether the quote was mistyped, paraphrased or mis-attributed.

>>> normalise("“They trained illegally”\\u00a0— Musk")
'"They trained illegally" - Musk'
"""

from __future__ import annotations

import difflib
import json
import os
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from argmap.model import Case, Evidence, Source

__all__ = [
    "MissingSource",
    "ProvenanceReport",
    "QuoteCheck",
    "check_provenance",
    "closest_passage",
    "normalise",
]

MAX_SOURCE_BYTES = 50 * 1024 * 1024
"""Largest source file read (50 MiB); larger files are reported, not read."""

# typographic characters folded to their plain counterparts before comparing
_FOLD = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as an apostrophe
        "`": "'",
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u2026": "...",  # ellipsis
        "\u00ad": None,  # soft hyphen: invisible, dropped
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # zero-width no-break space (byte-order mark)
    }
)
# str.split() without arguments treats no-break (U+00A0), narrow (U+202F), thin
# (U+2009) and the other Unicode spaces as whitespace, which is what we want


def normalise(text: str) -> str:
    """Fold typography and collapse whitespace; keep case and everything else."""
    return " ".join(text.translate(_FOLD).split())


@dataclass(frozen=True)
class QuoteCheck:
    """The check of one evidence quote against its source file."""

    evidence: str
    index: int
    source: str
    file: str | None
    quote: str
    found: bool
    reason: str | None = None
    closest: str | None = None
    similarity: float | None = None

    @property
    def path(self) -> str:
        """Where the quote is in the case document (``evidence[3].quote``)."""
        return f"evidence[{self.index}].quote"

    def message(self) -> str:
        """One line saying why the quote could not be verified."""
        if self.found:
            return "found"
        if self.reason:
            return self.reason
        where = f"not found in {self.file}"
        if self.closest:
            return f'{where} (closest: "{_shorten(self.closest)}")'
        return where


@dataclass(frozen=True)
class MissingSource:
    """A source whose file cannot be read from the sources folder."""

    source: str
    index: int
    file: str
    reason: str

    @property
    def path(self) -> str:
        """Where the file name is in the case document (``sources[2].file``)."""
        return f"sources[{self.index}].file"


@dataclass(frozen=True)
class ProvenanceReport:
    """Every quote checked, and every source whose file is missing.

    ``ok`` is true when every quote was found and every named file exists.
    """

    sources_dir: str
    checks: list[QuoteCheck] = field(default_factory=list)
    missing_sources: list[MissingSource] = field(default_factory=list)

    @property
    def misses(self) -> list[QuoteCheck]:
        """The quotes that could not be verified."""
        return [c for c in self.checks if not c.found]

    @property
    def ok(self) -> bool:
        """Whether provenance is clean."""
        return not self.misses and not self.missing_sources

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "sources_dir": self.sources_dir,
            "ok": self.ok,
            "checked": len(self.checks),
            "found": len(self.checks) - len(self.misses),
            "quotes": [asdict(c) | {"path": c.path} for c in self.checks],
            "missing_sources": [asdict(m) | {"path": m.path} for m in self.missing_sources],
        }

    def to_json(self) -> str:
        """The report as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def table(self) -> str:
        """A plain-text table: one row per quote, then a summary line."""
        rows = [("evidence", "source", "file", "status")]
        for c in self.checks:
            rows.append((c.evidence, c.source, c.file or "-", "ok" if c.found else "MISSING"))
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        for m in self.missing_sources:
            lines.append(f"source {m.source}: {m.reason}")
        found = len(self.checks) - len(self.misses)
        lines.append(
            f"{found} of {len(self.checks)} quotes found; "
            f"{len(self.missing_sources)} source file(s) missing"
        )
        return "\n".join(line.rstrip() for line in lines) + "\n"


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def closest_passage(quote: str, text: str) -> tuple[str, float]:
    """The passage of ``text`` most like ``quote``, and how alike (0..1).

    Both are normalised first. Candidates are windows of the source's words as long as
    the quote (give or take two words); ``quick_ratio`` prunes before the exact ratio.
    """
    q = normalise(quote)
    words = normalise(text).split(" ")
    n = max(1, len(q.split(" ")))
    best, best_ratio = "", 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(q)
    for size in sorted({max(1, n - 2), n, n + 2}):
        for start in range(max(1, len(words) - size + 1)):
            window = " ".join(words[start : start + size])
            matcher.set_seq1(window)
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = window, ratio
    return best, best_ratio


def _read_source(sources_dir: Path, name: str) -> tuple[str | None, str | None]:
    """The text of ``name`` in ``sources_dir``, or why it cannot be read."""
    if "\x00" in name:  # the model refuses it; a hand-built Source might not
        return None, "a file name cannot contain a NUL byte"
    root = sources_dir.resolve()
    path = (root / name).resolve()
    if os.path.isabs(name) or root not in path.parents:
        return None, f"file {name!r} is outside the sources folder"
    try:
        raw = _read_regular_file(path)
    except FileNotFoundError:
        return None, f"no file {name} in {sources_dir}"
    except _Unreadable as exc:
        return None, f"{name} in {sources_dir} {exc.reason}"
    except PermissionError:
        return None, f"cannot read {name} in {sources_dir} (permission denied)"
    except OSError as exc:
        return None, f"cannot read {name} in {sources_dir} ({exc.strerror or exc})"
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"{name} is not UTF-8 text (byte {exc.start})"


class _Unreadable(OSError):
    """The path names a folder, FIFO, socket or device, or a file too large to read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"  # pragma: no cover - every other kind is listed above


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most :data:`MAX_SOURCE_BYTES`.

    Reading a FIFO would wait for a writer forever and a device may never end, so the
    kind is checked before opening; the file is opened non-blocking and checked again
    on its descriptor, in case it was swapped for a FIFO in between.
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise _Unreadable(f"is {_kind_of(mode)}, not a regular file")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _Unreadable(f"is {_kind_of(info.st_mode)}, not a regular file")
        if info.st_size > MAX_SOURCE_BYTES:
            raise _Unreadable(f"is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB")
        return handle.read(MAX_SOURCE_BYTES + 1)


def check_provenance(case: Case, sources_dir: str | os.PathLike[str]) -> ProvenanceReport:
    """Check every evidence quote of ``case`` against its source file in ``sources_dir``.

    Parameters
    ----------
    case
        A validated case; evidence without a ``quote`` is skipped.
    sources_dir
        The folder holding the files named by ``Source.file``.

    Returns
    -------
    ProvenanceReport
        One :class:`QuoteCheck` per quote, in file order, and one
        :class:`MissingSource` per source whose named file cannot be read.
    """
    folder = Path(sources_dir)
    texts: dict[str, str] = {}  # source id -> file text as read
    folded: dict[str, str] = {}  # source id -> the same, normalised
    missing: list[MissingSource] = []
    unreadable: dict[str, str] = {}
    for i, source in enumerate(case.sources):
        if source.file is None:
            continue
        text, problem = _read_source(folder, source.file)
        if text is None:
            reason = problem or "unreadable"
            missing.append(MissingSource(source.id, i, source.file, reason))
            unreadable[source.id] = reason
        else:
            texts[source.id] = text
            folded[source.id] = normalise(text)

    by_id = {s.id: s for s in case.sources}
    checks = [
        _check_quote(i, ev, by_id[ev.source], texts, folded, unreadable)
        for i, ev in enumerate(case.evidence)
        if ev.quote is not None
    ]
    return ProvenanceReport(str(folder), checks, missing)


def _check_quote(
    index: int,
    evidence: Evidence,
    source: Source,
    texts: dict[str, str],
    folded: dict[str, str],
    unreadable: dict[str, str],
) -> QuoteCheck:
    quote = evidence.quote or ""
    head = (evidence.id, index, source.id, source.file, quote)
    if source.file is None:
        return QuoteCheck(*head, False, f"source {source.id} names no file to check against")
    if source.id in unreadable:
        return QuoteCheck(*head, False, unreadable[source.id])
    wanted = normalise(quote)
    if wanted and wanted in folded[source.id]:
        return QuoteCheck(*head, True)
    closest, ratio = closest_passage(quote, texts[source.id])
    return QuoteCheck(*head, False, None, closest or None, round(ratio, 3))
