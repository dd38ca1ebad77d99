"""Where a document was read from: its file and the line of each path in it.

A case read from a file is remembered here, by identity and for as long as it lives,
so that a problem found much later (an expression that cannot be evaluated at the
values a command chose) still names the file and line of the field at fault. The
models themselves stay plain values: two equal cases read from different files are
still equal.

>>> from argmap.errors import Problem
>>> from argmap.model import Case
>>> case = Case(title="t")
>>> remember(case, "case.yaml", {"title": 2})
>>> [str(p) for p in locate(case, [Problem("title", "too short")])]
['case.yaml:2: title: too short']
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from argmap.errors import Problem, line_for

__all__ = ["locate", "origin", "remember"]

_ORIGINS: dict[int, tuple[str, dict[str, int]]] = {}


def remember(document: object, file: str, lines: dict[str, int]) -> None:
    """Record that ``document`` was read from ``file`` with this path -> line map."""
    key = id(document)
    if key not in _ORIGINS:
        # forget the entry when the document goes, before its id can be reused
        weakref.finalize(document, _ORIGINS.pop, key, None)
    _ORIGINS[key] = (file, dict(lines))


def origin(document: object) -> tuple[str, dict[str, int]] | None:
    """The file and line map ``document`` was read with, if it was read from a file."""
    return _ORIGINS.get(id(document))


def locate(document: object, problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` with the file and line of their paths in ``document``'s file."""
    found = origin(document)
    if found is None:
        return list(problems)
    file, lines = found
    return [
        Problem(
            p.path,
            p.message,
            p.file or file,
            p.line if p.line is not None else line_for(lines, p.path),
        )
        for p in problems
    ]
