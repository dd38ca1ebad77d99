"""DOT escaping: the one place where case text becomes DOT syntax.

Everything a case author writes (ids, claim texts, quotes, source titles, URLs) reaches
the DOT source only through the functions here, so that no text can close a string,
open an HTML-like label, smuggle in an attribute or trip Graphviz's own escape
sequences (``\\N``, ``\\G``, ``\\l`` ...). Two kinds of DOT string are used:

- *HTML-like labels* (``label=<...>``): text is XML-escaped (``& < > " '``), control
  characters and XML-invalid code points are dropped, and line breaks become ``<br/>``.
  Backslashes are doubled too: Graphviz expands ``\\N`` and friends in HTML text after
  decoding entities, so even ``&#92;N`` would print the node's name.
- *Quoted strings* (tooltips, URLs, ids): backslashes are doubled and quotes escaped,
  which makes Graphviz's escString substitutions inert; newlines become ``\\n``.

The pattern follows the ``graphviz`` package's ``quoting.py``: one module owns quoting.

>>> html_text('<b>"A" & B</b>')
'&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;'
>>> quoted('say "hi" \\\\N')
'"say \\\\"hi\\\\" \\\\\\\\N"'
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

__all__ = [
    "ELLIPSIS",
    "clean",
    "html_lines",
    "html_text",
    "node_name",
    "quoted",
    "safe_url",
    "truncate",
    "wrap",
]

ELLIPSIS = "…"

# C0/C1 controls, DEL, lone surrogates and the XML non-characters: never valid in SVG
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2028\u2029]+")
_URL_SCHEMES = ("http://", "https://")


def clean(text: str) -> str:
    """``text`` with characters that cannot appear in SVG removed and spaces normalised.

    Line breaks (``\\n``, ``\\r\\n``) are kept as ``\\n``; other runs of whitespace become
    one space. Text is NFC-normalised so combining sequences survive layout intact.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVALID.sub("", unicodedata.normalize("NFC", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``; longer text ends in an ellipsis.

    >>> truncate("abcdef", 4)
    'abc…'
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of about ``width`` characters; paragraphs kept.

    Words longer than the width are split, so a 5,000-character token cannot make one
    very wide node.
    """
    out: list[str] = []
    for paragraph in clean(text).split("\n"):
        out.extend(
            textwrap.wrap(
                paragraph,
                width=width,
                break_long_words=True,
                break_on_hyphens=True,
                drop_whitespace=True,
            )
            or [""]
        )
    return out


def html_text(text: str) -> str:
    """``text`` escaped for use inside an HTML-like label (one line; no tags)."""
    text = clean(text).replace("\n", " ")
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def html_lines(text: str, width: int, limit: int) -> str:
    """``text`` truncated to ``limit`` characters, wrapped to ``width`` and escaped,
    with ``<br/>`` between lines: ready to drop into an HTML-like label."""
    return "<br/>".join(html_text(line) for line in wrap(truncate(clean(text), limit), width))


def quoted(text: str, passes: int = 1) -> str:
    """``text`` as a double-quoted DOT string whose escString meaning is the text itself.

    Ampersands become ``&amp;`` (Graphviz reads entities in every string, so a literal
    ``&amp;`` would otherwise show as ``&``); backslashes are doubled (so ``\\N`` or
    ``\\l`` stay literal); quotes are escaped and line breaks written as ``\\n``.

    ``passes=2`` is for tooltips, which Graphviz unescapes twice (escString expansion,
    then its tooltip preprocessing), so each backslash is written four times.
    """
    text = _INVALID.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("&", "&amp;")
    text = text.replace("\\", "\\" * (2**passes)).replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def node_name(node_id: str) -> str:
    """A DOT node name for a case id: always quoted, so ``-``, ``.`` and keywords are
    safe, and ``:`` can never be read as a port."""
    return quoted(node_id.replace(":", "_"))


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) address, else ``None``.

    Maps end up in SVG that a browser will open; a ``javascript:`` or ``data:`` link in
    a case file must not become a clickable link.
    """
    if not url:
        return None
    url = clean(url).strip()
    if not url.lower().startswith(_URL_SCHEMES) or any(c in url for c in " \n<>\"'\\"):
        return None
    return url
