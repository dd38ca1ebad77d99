"""Case text made safe for the two places it is shown outside a map: Markdown files and
the terminal. The one module for both (DOT and SVG have :mod:`argmap.maps.escape`).

A case file is input from anyone: its titles and texts may carry HTML (``<script>``),
Markdown that rewrites a brief (links, headings, table pipes), or control characters
(NUL, and ESC sequences that clear or retitle a terminal). Every Markdown output
passes case text through :func:`markdown_text`; everything the command line prints
passes through :func:`terminal_text`.

>>> markdown_text("<script>alert(1)</script> *bold* [x](javascript:y)")
'&lt;script&gt;alert(1)&lt;/script&gt; \\\\*bold\\\\* \\\\[x\\\\](javascript:y)'
>>> terminal_text("title\\x1b]0;pwned\\x07")
'title\\\\u001b]0;pwned\\\\u0007'
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE_CONTROLS", "markdown_text", "terminal_text"]

UNSAFE_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab and newline), DEL, C1 (NEL, CSI ...)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional overrides
    "\u2028\u2029\ufeff\ufff9-\ufffb]"  # line/paragraph separators, BOM, annotations
)
"""Characters that change how the text around them is shown rather than showing
themselves: C0 and C1 controls (tab and newline excepted), DEL, the bidirectional
overrides and isolates (which can reorder what a reader sees), the Unicode line and
paragraph separators, the byte-order mark and the interlinear annotation marks."""

# Markdown punctuation that acts wherever it stands (emphasis, code, links, tables,
# strikethrough, escapes); '_' only acts at a word's edge, so ids like C_x stay as they are
_INLINE = re.compile(r"[\\`*\[\]|~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# what only acts at the start of a line: headings, quotes, lists, setext underlines
_LINE_START = re.compile(r"^(?:[#>+=-]|\d+(?=[.)]))")


def markdown_text(text: str, *, line_start: bool = False) -> str:
    """``text`` as inert Markdown: shown as written, never as markup or HTML.

    Whitespace runs (line breaks included) become one space, so the text cannot end a
    table row or open a block; HTML's ``& < >`` become entities; Markdown punctuation
    is backslash-escaped; unsafe control characters (:data:`UNSAFE_CONTROLS`) become
    U+FFFD, visible rather than acting. With ``line_start`` (text that opens a line,
    such as a paragraph), a leading ``#``, ``>``, ``-``, ``+``, ``=`` or list number is
    escaped too.

    >>> markdown_text("a|b\\n# not a heading")
    'a\\\\|b # not a heading'
    >>> markdown_text("# heading?", line_start=True)
    '\\\\# heading?'
    """
    # line ends first, so a CRLF file reads as spaces, not as U+FFFD
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = UNSAFE_CONTROLS.sub("\ufffd", text)
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    if line_start:
        # '>' is already an entity here; the rest take a backslash (after a number,
        # before its '.' or ')')
        match = _LINE_START.match(text)
        if match:
            end = match.end()
            text = text[:end] + "\\" + text[end:] if match.group(0)[0].isdigit() else "\\" + text
    return text


def terminal_text(text: str) -> str:
    """``text`` safe to print: each unsafe control character (:data:`UNSAFE_CONTROLS`,
    carriage return included) shown as its ``\\uXXXX`` escape instead of acting.

    Tabs and newlines are kept. The escape is JSON's, so JSON printed this way stays
    valid JSON with the same meaning.

    >>> terminal_text("a\\tb\\rc\\x85")
    'a\\tb\\\\u000dc\\\\u0085'
    """
    return UNSAFE_CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
