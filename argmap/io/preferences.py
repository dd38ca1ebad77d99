"""Preference files for ``argmap solve --preferences``: one ``stronger weaker`` pair a line.

Each non-blank line that does not start with ``#`` holds two argument names (numbers for
``p af N`` frameworks) separated by white space, meaning the first is strictly preferred
to the second. The pairs are closed transitively; they must form a strict order (no
argument preferred to itself, no cycle). Every problem is a
:class:`~argmap.errors.CaseError` naming the file and line.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.errors import CaseError, Problem, SolverError
from argmap.semantics.dung.af import AF
from argmap.semantics.preference import Preference

__all__ = ["parse_preferences", "read_preferences"]

_MAX_BYTES = 256 * 1024**2


def read_preferences(path: str | os.PathLike[str], af: AF) -> Preference:
    """Read a preference file over the arguments of ``af``.

    Raises
    ------
    CaseError
        If the file cannot be read or a line is malformed (with file and line).
    """
    name = str(path)
    p = Path(path)
    try:
        if not p.is_file():
            reason = "no such file" if not p.exists() else "not a regular file"
            raise CaseError(Problem("", reason, name))
        if p.stat().st_size > _MAX_BYTES:
            raise CaseError(Problem("", "preference file is larger than 256 MiB", name))
        text = p.read_bytes().decode("utf-8")
    except PermissionError:
        raise CaseError(Problem("", "permission denied", name)) from None
    except UnicodeDecodeError as exc:
        raise CaseError(Problem("", f"not UTF-8 text (byte {exc.start})", name)) from None
    return parse_preferences(text, af, name)


def parse_preferences(text: str, af: AF, file: str = "<preferences>") -> Preference:
    """Parse ``stronger weaker`` lines over the arguments of ``af``.

    Examples
    --------
    >>> af = AF.from_pairs("abc", [("a", "b")])
    >>> pref = parse_preferences("# b beats a\\nb a\\na c\\n", af)
    >>> pref.prefers([1], [2]).tolist()   # b > a > c
    [True]
    >>> parse_preferences("b\\n", af)
    Traceback (most recent call last):
    ...
    argmap.errors.CaseError: <preferences>:1: expected two arguments 'stronger weaker', found 1
    """
    index = {n: i for i, n in enumerate(af.names)}
    pairs: list[tuple[int, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if len(fields) != 2:
            raise CaseError(
                Problem(
                    "",
                    f"expected two arguments 'stronger weaker', found {len(fields)}",
                    file,
                    number,
                )
            )
        for field in fields:
            if field not in index:
                raise CaseError(Problem("", f"unknown argument {field!r}", file, number))
        a, b = index[fields[0]], index[fields[1]]
        if a == b:
            raise CaseError(
                Problem("", f"{fields[0]!r} preferred to itself: not a strict order", file, number)
            )
        pairs.append((a, b))
    try:
        return Preference.from_indices(af.n, pairs, names=af.names)
    except SolverError as exc:
        # only a cycle is left to find, and no single line is to blame for it
        raise CaseError(Problem("", str(exc), file)) from None
