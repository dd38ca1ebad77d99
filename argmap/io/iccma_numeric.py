"""Reading the body of an ICCMA ``p af N`` file with vectorized byte scans.

The body is one attack ``i j`` per line. A file of 3x10^6 attacks is 40 MB of text:
splitting it into Python strings and ints would take seconds and several times that
memory, so the whole body is read as one ``uint8`` array instead.

1. Every byte is classified by a 256-entry table (digit, blank, newline, other); any
   other byte is an error on its line.
2. Numbers are the runs of digits; their starts and ends come from one difference of
   the digit mask.
3. The line structure is checked from the line of each number (a binary search among
   the newline positions): two numbers on each line that has any.
4. Once the structure is known to be right, numpy's C text reader turns the body into
   numbers. If some number has more than :data:`MAX_DIGITS` digits (out of range
   whatever ``N``, and too long for int64) the values are instead built digit by
   digit over all numbers at once, right-aligned, with those numbers as -1.

Only when something is wrong is the offending line located and shown, so correct
files pay for nothing but the scans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["MAX_DIGITS", "BodyError", "format_numbers", "read_pairs"]

# int64 holds every 18-digit number; a longer argument number is out of range anyway
# (argmap caps N far below 10^18).
MAX_DIGITS = 18

_DIGIT, _BLANK, _NEWLINE, _OTHER = 0, 1, 2, 3
_KIND = np.full(256, _OTHER, dtype=np.uint8)
_KIND[ord("0") : ord("9") + 1] = _DIGIT
_KIND[[ord(" "), ord("\t"), ord("\r")]] = _BLANK
_KIND[ord("\n")] = _NEWLINE

Int64Array = npt.NDArray[np.int64]


@dataclass(frozen=True)
class BodyError(Exception):
    """A malformed line: ``offset`` is a byte offset into the body on that line."""

    offset: int


def read_pairs(body: bytes) -> tuple[Int64Array, Int64Array]:
    """The attacks ``i j`` in ``body`` as two int64 arrays (numbers as written).

    A number longer than :data:`MAX_DIGITS` digits is returned as ``-1``, so that the
    caller's range check reports it.

    Raises
    ------
    BodyError
        On the first line that holds a byte that is not a digit or blank, or does not
        hold exactly two numbers.

    Examples
    --------
    >>> src, dst = read_pairs(b"1 2\\n\\n  3\\t4\\r\\n")
    >>> src.tolist(), dst.tolist()
    ([1, 3], [2, 4])
    """
    buf = np.frombuffer(body, dtype=np.uint8)
    kind = _KIND[buf]
    other = np.flatnonzero(kind == _OTHER)
    if other.size:
        # report a malformed line before this one first: the lines up to it must
        # scan cleanly (no bad byte there, so this recursion goes one level deep)
        read_pairs(body[: body.rfind(b"\n", 0, int(other[0])) + 1])
        raise BodyError(int(other[0]))
    digit = (kind == _DIGIT).view(np.int8)
    # +1 where a number starts, -1 just past where one ends
    change = np.diff(digit, prepend=np.int8(0), append=np.int8(0))
    del digit
    starts = np.flatnonzero(change == 1)
    ends = np.flatnonzero(change == -1)
    del change
    if starts.size == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    # the line of each number, and from it the newlines between consecutive numbers
    lines = np.searchsorted(np.flatnonzero(kind == _NEWLINE), starts)
    del kind
    gaps = np.diff(lines, append=lines[-1] + 1)
    del lines
    _check_lines(gaps, starts)
    lengths = ends - starts
    if int(lengths.max()) <= MAX_DIGITS:
        # well formed and every number fits: numpy's C text reader is the fastest way
        values = np.fromstring(body.decode("ascii"), dtype=np.int64, sep=" ")
    else:
        values = _values(buf, starts, ends)
    return values[0::2], values[1::2]


def _check_lines(gaps: Int64Array, starts: Int64Array) -> None:
    """Raise at the first number on a line that does not hold exactly two numbers."""
    count = starts.size
    first, second = gaps[0 : count - 1 : 2], gaps[1 : count - 1 : 2]
    wrong: list[int] = []
    alone = np.flatnonzero(first != 0)  # attack k's first number ends its line
    if alone.size:
        wrong.append(2 * int(alone[0]))
    crowded = np.flatnonzero(second == 0)  # attack k's line goes on with a third number
    if crowded.size:
        wrong.append(2 * int(crowded[0]) + 2)
    if count % 2:
        wrong.append(count - 1)  # the last number has no partner
    if wrong:
        raise BodyError(int(starts[min(wrong)]))


def _values(buf: npt.NDArray[np.uint8], starts: Int64Array, ends: Int64Array) -> Int64Array:
    """The value of each digit run ``buf[starts[k]:ends[k]]``; -1 if it is too long."""
    lengths = ends - starts
    width = min(int(lengths.max()), MAX_DIGITS)
    values = np.zeros(starts.size, dtype=np.int64)
    scale = 1
    last = ends - 1
    for k in range(width):
        # the k-th digit from the right, where the number has one
        has = lengths > k
        digit = buf[np.where(has, last - k, 0)].astype(np.int64) - ord("0")
        values += np.where(has, digit, 0) * scale
        scale *= 10
    values[lengths > MAX_DIGITS] = -1
    return values


def format_numbers(values: Int64Array) -> bytes:
    """Non-negative integers as ASCII decimal, each followed by one space.

    The inverse of the scan in :func:`read_pairs`, vectorized the same way: printing
    the 10^7 members of an extension with ``" ".join(map(str, ...))`` takes seconds.

    Examples
    --------
    >>> format_numbers(np.array([1, 20, 305]))
    b'1 20 305 '
    """
    values = np.asarray(values, dtype=np.int64)
    if values.size == 0:
        return b""
    top = int(values.max())
    width = len(str(top))
    # one row per number: its digits right-aligned in ``width`` columns, then a space;
    # the mask drops each row's leading zeros, and reading the kept cells row by row
    # gives the text (int32 division is about twice as fast where it suffices)
    rest: npt.NDArray[np.signedinteger[Any]] = values.astype(np.int32 if top < 2**31 else np.int64)
    cells = np.full((values.size, width + 1), ord(" "), dtype=np.uint8)
    keep = np.ones((values.size, width + 1), dtype=bool)
    for column in range(width - 1, -1, -1):
        rest, digit = np.divmod(rest, 10)
        cells[:, column] = digit + ord("0")
        if column > 0:
            keep[:, column - 1] = rest > 0
    return cells[keep].tobytes()
