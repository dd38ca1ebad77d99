"""Find an evidence quote in its source text and cut the passage around it.

:func:`argmap.io.provenance.check_provenance` says *whether* a quote is in its source,
comparing both sides folded (:func:`~argmap.io.provenance.normalise`: typographic
quotes, dashes and runs of whitespace made plain). A reader wants to *see* it there,
so :func:`locate` folds the source one character at a time, remembering where each
folded character came from, finds the folded quote in the folded text and maps the
match back to the source as written. :func:`passage` then widens it to the paragraph
around it (cut at sentence ends when the paragraph is long, joined by its neighbours
when the quote is a paragraph of its own).

>>> text = "Intro.\\n\\nHe said: \\u201cThey  trained illegally.\\u201d Then left.\\n\\nEnd."
>>> p = passage(text, "\\"They trained illegally.\\"")
>>> p.before, p.quote, p.after  # a short paragraph comes with its neighbours
('Intro.\\n\\nHe said: ', '“They  trained illegally.”', ' Then left.\\n\\nEnd.')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from argmap.io.provenance import normalise

__all__ = ["Passage", "locate", "passage"]

MAX_CONTEXT = 600
"""Characters kept at most on each side of a quote (cut at a sentence end if possible)."""

MIN_CONTEXT = 160
"""Below this much context the neighbouring paragraphs are shown too (twice at most)."""


@dataclass(frozen=True)
class Passage:
    """A quote as written in its source, with the text before and after it."""

    before: str
    quote: str
    after: str


@lru_cache(maxsize=32)
def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """``normalise(text)`` (without its final strip) and, per folded character, the
    index in ``text`` it came from; kept for the last few texts, since every quote of
    one source searches the same text."""
    out: list[str] = []
    origin: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            space = bool(out)  # a run of spaces becomes one, none at the start
            continue
        folded = normalise(ch) if not ch.isascii() else ch
        if not folded:  # zero-width characters fold to nothing
            continue
        if space:
            out.append(" ")
            origin.append(i)
            space = False
        for piece in folded:
            out.append(piece)
            origin.append(i)
    return "".join(out), origin


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` (start, end as indices of ``text``), compared
    folded as :func:`argmap.io.provenance.normalise` does; ``None`` when it is not.

    >>> locate("a  \\u201cb\\u201d c", '"b" c')
    (3, 8)
    """
    wanted = normalise(quote)
    if not wanted:
        return None
    folded, origin = _folded_with_origins(text)
    at = folded.find(wanted)
    if at < 0:
        return None
    return origin[at], origin[at + len(wanted) - 1] + 1


def passage(text: str, quote: str) -> Passage | None:
    """The paragraph of ``text`` holding ``quote``, split around it; ``None`` when the
    quote is not in the text. Context beyond :data:`MAX_CONTEXT` characters on either
    side is cut at a sentence end."""
    found = locate(text, quote)
    if found is None:
        return None
    start, end = found
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    for _ in range(2):  # a quote that is a paragraph of its own: show its neighbours
        if (start - para_start) + (para_end - end) >= MIN_CONTEXT:
            break
        if para_start > 0:
            gap = text.rfind("\n\n", 0, max(0, para_start - 2))
            para_start = 0 if gap < 0 else gap + 2
        if para_end < len(text):
            gap = text.find("\n\n", para_end + 2)
            para_end = len(text) if gap < 0 else gap
    if start - para_start > MAX_CONTEXT:
        cut = start - MAX_CONTEXT
        stop = text.find(". ", cut, start)
        para_start = cut if stop < 0 else stop + 2
    if para_end - end > MAX_CONTEXT:
        stop = text.rfind(". ", end, end + MAX_CONTEXT)
        para_end = end + MAX_CONTEXT if stop < 0 else stop + 1
    before = text[para_start:start].lstrip()
    after = text[end:para_end].rstrip()
    return Passage(before, text[start:end], after)
