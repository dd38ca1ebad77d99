"""Result tables: their column names, one CSV dialect, and one writer per format.

Every table of results argmap hands out (``argmap evaluate``, ``argmap scenario``, the
report's ``evaluation.csv`` and ``scenarios.csv``, the notebooks) is a pandas DataFrame
made by :meth:`Evaluation.to_frame <argmap.semantics.evaluation.Evaluation.to_frame>`
or :meth:`Comparison.to_frame <argmap.scenario.comparison.Comparison.to_frame>` with the
column names of :mod:`argmap.vocabulary` (``CLAIM_COLUMNS``, ``COMPARISON_COLUMNS``,
``DRAW_COLUMNS``, ``TORNADO_COLUMNS``), and is written by the functions here, so the
files agree on one dialect (documented in ``docs/user-guide.md``, "Result tables"):

- CSV (:func:`write_csv`): a header row of the column names; one header name for
  the claim id, ``claim``; booleans ``true``/``false``; every float with exactly
  :data:`DECIMALS` decimals; an empty cell for "none" (and for a float with no value);
  a ``verdict`` column in every table of claim rows with labels (a sweep has none);
- JSON (:func:`write_json`): the same column names as keys, floats rounded to
  :data:`DECIMALS` decimals, ``null`` for none;
- Markdown (:func:`write_markdown`, :func:`markdown_table`) and terminal tables
  (:func:`text_table`) are for reading: floats at 3 decimals, ``yes``/``no``, a dash
  for none, and every Markdown cell escaped (:func:`argmap.safe_text.markdown_text`).

The module sits low (it imports only :mod:`argmap.vocabulary` and
:mod:`argmap.safe_text`, and pandas when a frame is made), so the engine's result
types can build their frames with it.

>>> from argmap.vocabulary import CLAIM, STANDARD_MET, STRENGTH
>>> frame = make_frame([{CLAIM: "C1", STRENGTH: 0.25, STANDARD_MET: True}],
...                    (CLAIM, STRENGTH, STANDARD_MET))
>>> print(write_csv(frame), end="")
claim,strength,standard_met
C1,0.250000,true
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from argmap.safe_text import markdown_text
from argmap.vocabulary import (
    LABEL_CHANGED,
    P_ACCEPTED,
    P_CONTESTED,
    P_DEFEATED,
    P_IN,
    P_MODAL_VERDICT,
    P_OUT,
    P_PROVED,
    P_STANDARD,
    P_UNDEC,
    P_UNDECIDED,
    P_UNPROVEN,
    Q05,
    Q50,
    Q95,
    STANDARD_MET,
    STRENGTH,
    STRENGTH_DELTA,
    UNDEFINED,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "BOOLEAN_COLUMNS",
    "DECIMALS",
    "FLOAT_COLUMNS",
    "INTEGER_COLUMNS",
    "Cell",
    "Markup",
    "cell",
    "csv_cell",
    "format_for_output",
    "is_missing",
    "json_records",
    "make_frame",
    "markdown_table",
    "text_table",
    "write_csv",
    "write_json",
    "write_markdown",
]

# -- the kind of each column (how the dialect writes it) --------------------------------

BOOLEAN_COLUMNS = frozenset({STANDARD_MET, LABEL_CHANGED})
INTEGER_COLUMNS = frozenset({UNDEFINED})
FLOAT_COLUMNS = frozenset(
    {STRENGTH, STRENGTH_DELTA, P_STANDARD, Q05, Q50, Q95, P_MODAL_VERDICT}
    | {P_IN, P_OUT, P_UNDEC, P_PROVED, P_ACCEPTED, P_UNPROVEN, P_CONTESTED}
    | {P_UNDECIDED, P_DEFEATED}
)

DECIMALS = 6
"""Decimals of every float in CSV (always this many) and JSON (rounded to this many)."""

Cell = str | int | float | bool | None


def make_frame(records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A DataFrame of ``records`` with ``columns``, each of its kind: booleans and
    counts stay booleans and integers where a row has none (pandas' nullable
    ``boolean`` and ``Int64``), so a missing value does not turn them into floats.

    >>> make_frame([{"undefined": 3}, {"undefined": None}], ["undefined"]).dtypes.iloc[0]
    Int64Dtype()
    """
    import pandas as pd

    frame = pd.DataFrame.from_records(list(records), columns=list(columns))
    kinds = {c: "boolean" for c in frame.columns if c in BOOLEAN_COLUMNS}
    kinds.update({c: "Int64" for c in frame.columns if c in INTEGER_COLUMNS})
    kinds.update({c: "float64" for c in frame.columns if c in FLOAT_COLUMNS})
    return frame.astype(kinds) if kinds else frame


def is_missing(value: Any) -> bool:
    """Whether ``value`` is "none" in a frame: ``None``, NaN or pandas' ``NA``.

    >>> [is_missing(v) for v in (None, float("nan"), 0.0, "")]
    [True, True, False, False]
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    # pandas' NA by its type's name: no pandas import for a plain value
    return type(value).__name__ in {"NAType", "NaTType"}


def _fixed(value: float) -> str:
    text = f"{value:.{DECIMALS}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def csv_cell(value: Any) -> str:
    """One value in the CSV dialect: ``true``/``false``, floats at :data:`DECIMALS`
    decimals, none (or a NaN) as the empty string.

    >>> [csv_cell(v) for v in (True, None, 0.1 + 0.2, -1e-9, 3, float("nan"), "x")]
    ['true', '', '0.300000', '0.000000', '3', '', 'x']
    """
    if is_missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if math.isinf(value) else _fixed(value)
    return str(value)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    # to_dict gives Python scalars (bool, int, float), not numpy ones
    return [{str(k): v for k, v in r.items()} for r in frame.to_dict(orient="records")]


def write_csv(frame: pd.DataFrame) -> str:
    """``frame`` as CSV in the dialect of this module (header row, ``\\n`` line ends,
    text quoted where it holds a comma or a quote).

    >>> import pandas as pd
    >>> print(write_csv(pd.DataFrame({"claim": ["C1"], "text": ["a, b"], "met": [None]})))
    claim,text,met
    C1,"a, b",
    <BLANKLINE>
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([str(c) for c in frame.columns])
    writer.writerows([csv_cell(v) for v in row.values()] for row in _records(frame))
    return out.getvalue()


def _json_value(value: Any) -> Any:
    if is_missing(value):
        return None
    if isinstance(value, float):
        return round(value, DECIMALS) if math.isfinite(value) else None
    return value


def json_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as JSON-ready dictionaries (floats rounded to
    :data:`DECIMALS` decimals, none and NaN as ``None``).

    >>> import pandas as pd
    >>> json_records(pd.DataFrame({"claim": ["C1"], "strength": [1 / 3]}))
    [{'claim': 'C1', 'strength': 0.333333}]
    """
    return [{str(k): _json_value(v) for k, v in row.items()} for row in _records(frame)]


def write_json(
    frame: pd.DataFrame,
    about: Mapping[str, Any] | None = None,
    *,
    rows: str = "rows",
    after: Mapping[str, Any] | None = None,
) -> str:
    """``frame`` as a JSON object: the entries of ``about`` (settings, notes), its rows
    as a list under ``rows`` (:func:`json_records`), then the entries of ``after``.

    >>> import pandas as pd
    >>> print(write_json(pd.DataFrame({"claim": ["C1"]}), {"semantics": "grounded"}))
    {
      "semantics": "grounded",
      "rows": [
        {
          "claim": "C1"
        }
      ]
    }
    <BLANKLINE>
    """
    payload = {**(about or {}), rows: json_records(frame), **(after or {})}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def write_markdown(frame: pd.DataFrame) -> str:
    """``frame`` as a Markdown table (:func:`markdown_table`), for reading.

    >>> import pandas as pd
    >>> print(write_markdown(pd.DataFrame({"claim": ["C|1"], "standard_met": [True]})))
    | claim | standard_met |
    | --- | --- |
    | C\\|1 | yes |
    <BLANKLINE>
    """
    rows = [[None if is_missing(v) else v for v in r.values()] for r in _records(frame)]
    return markdown_table([str(c) for c in frame.columns], rows) + "\n"


_SUFFIXES = {".csv": "csv", ".json": "json", ".md": "markdown", ".markdown": "markdown"}


def format_for_output(output: str | None, formats: Sequence[str]) -> str:
    """The format of ``formats`` an output file's suffix asks for (``.csv``, ``.json``,
    ``.md``); ``table`` without an output, or for a suffix it does not know.

    >>> every = ("table", "csv", "json", "markdown")
    >>> [format_for_output(p, every) for p in ("x.csv", "x.MD", "x.json", "x.txt", None)]
    ['csv', 'markdown', 'json', 'table', 'table']
    >>> format_for_output("x.csv", ("table", "json"))
    'table'
    """
    if output is None:
        return "table"
    asked = _SUFFIXES.get(os.path.splitext(output)[1].lower(), "table")
    return asked if asked in formats else "table"


# -- tables for reading -----------------------------------------------------------------


class Markup(str):
    """A Markdown cell argmap built itself (a link to a file it wrote): kept as it is,
    where every other cell is escaped."""


def cell(value: Cell, digits: int = 3) -> str:
    """How a value is shown in a table for reading: floats rounded, ``None`` as a dash.

    >>> [cell(v) for v in (None, True, 0.1234, 7)]
    ['–', 'yes', '0.123', '7']
    """
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """A GitHub-flavoured Markdown table (numbers right-aligned); every cell but a
    :class:`Markup` one is escaped, so case text cannot break the table or add markup.

    >>> print(markdown_table(["a", "b"], [["x|y", 0.5]]))
    | a | b |
    | --- | ---: |
    | x\\|y | 0.500 |
    """

    def shown(value: Cell) -> str:
        return value if isinstance(value, Markup) else markdown_text(cell(value))

    numeric = [
        bool(rows)
        and all(
            isinstance(r[i], int | float) and not isinstance(r[i], bool)
            for r in rows
            if r[i] is not None
        )
        for i in range(len(header))
    ]
    lines = ["| " + " | ".join(markdown_text(h) for h in header) + " |"]
    lines.append("| " + " | ".join("---:" if n else "---" for n in numeric) + " |")
    for row in rows:
        lines.append("| " + " | ".join(shown(v) for v in row) + " |")
    return "\n".join(lines)


def text_table(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """An aligned plain-text table for terminals.

    >>> print(text_table(["claim", "p"], [["C1", 0.25]]))
    claim  p
    -----  -----
    C1     0.250
    """
    shown = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in shown)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in shown:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
