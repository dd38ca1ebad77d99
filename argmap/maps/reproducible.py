"""Byte-reproducible PDFs: the same map gives the same file on every run.

cairo stamps each PDF with the time it was made (``/CreationDate`` in the document
information dictionary), so two renders of one map differ. Following the
reproducible-builds convention, the date is taken from ``SOURCE_DATE_EPOCH`` when that
is set, and otherwise left out. The entry is rewritten in place at the same length
(blanks pad it, which PDF reads as white space), so the cross-reference offsets stay
right without rewriting the file. SVG and PNG carry no time stamp.

>>> pdf = b"<< /Producer (cairo) /CreationDate (D:20260101120000Z) >>"
>>> blank = pin_pdf_dates(pdf, epoch=None)
>>> b"Date" in blank, len(blank) == len(pdf)
(False, True)
>>> pin_pdf_dates(pdf, epoch=0)
b'<< /Producer (cairo) /CreationDate (D:19700101000000Z) >>'
"""

from __future__ import annotations

import os
import re
import time

__all__ = ["pin_pdf_dates", "source_date_epoch"]

# the information dictionary's dates as cairo writes them: D:YYYYMMDDHHmmSS then Z or
# an offset such as +01'00'
_DATE_ENTRY = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]{0,8}\)")


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, or ``None`` when unset or not a whole number
    of seconds from 0 on."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def pin_pdf_dates(pdf: bytes, epoch: int | None) -> bytes:
    """``pdf`` with its creation and modification dates set to ``epoch`` (seconds since
    1970, UTC) or, with ``None``, removed. Every other byte is kept, and so is the
    length (see :func:`source_date_epoch` for the usual ``epoch``)."""
    when = epoch

    def pinned(match: re.Match[bytes]) -> bytes:
        old = match.group(0)
        if when is None:
            return b" " * len(old)
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(when))
        new = b"/" + match.group(1) + b" (D:" + stamp.encode() + b"Z)"
        return new.ljust(len(old)) if len(new) <= len(old) else b" " * len(old)

    return _DATE_ENTRY.sub(pinned, pdf)
