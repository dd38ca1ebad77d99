"""The text layer of Argdown: decoding, escapes, comments, and the data and tags at the
end of an element. :mod:`argmap.io.argdown_parse` reads the structure on top of it.

Escapes ``\\[ \\] \\< \\> \\# \\{ \\} \\/ \\\\`` become placeholders from the Unicode
private-use range (U+E000 + the character) before anything is read, so that no rule
matches them, and :func:`restore` puts the characters back in the texts kept.

References
----------
C. Voigt. Argdown syntax guide, https://argdown.org/syntax/.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from argmap.errors import CaseError, Problem
from argmap.io.yaml_schema import install_core_schema
from argmap.vocabulary import is_id

__all__ = [
    "ESCAPABLE",
    "SKETCHED_TAG",
    "decode",
    "hide_escapes",
    "id_for_title",
    "restore",
    "split_data",
    "split_tags",
    "strip_comments",
]

ESCAPABLE = "\\[]<>#{}/"
_PH = 0xE000
_RESTORE = {_PH + ord(c): c for c in ESCAPABLE}
_COMMENTS = {"<!--": "-->", "/*": "*/"}
_TAG = re.compile(r"(?:^|\s)#(?:\(([^)]*)\)|([^\s#(\[\]<>{}]+))")


def decode(raw: str | bytes, file: str) -> str:
    """Text of a document: UTF-8 (a byte-order mark dropped), line ends made ``\\n``."""
    if isinstance(raw, bytes):
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise CaseError(Problem("", "not UTF-8 text", file, line)) from None
    else:
        text = raw
    return text.replace("\r\n", "\n").replace("\r", "\n")


def restore(text: str) -> str:
    """Undo the escape placeholders (``\\#`` was read as a placeholder, not a tag)."""
    return text.translate(_RESTORE)


def hide_escapes(text: str) -> str:
    """Backslash escapes turned into placeholders that no syntax rule matches."""
    return re.sub(
        r"\\([" + re.escape(ESCAPABLE) + r"])", lambda m: chr(_PH + ord(m.group(1))), text
    )


def strip_comments(lines: list[str], file: str) -> list[tuple[int, str] | None]:
    """Lines without comments; ``None`` for a line that held only a comment.

    Argdown skips ``<!-- -->`` (anywhere, as in Markdown), ``/* */`` and ``//``; the
    last two only at the start of a line or after a space here, so ``http://`` stays
    text. A comment-only line vanishes rather than becoming a blank line, so it does
    not split the element around it; line numbers are kept for error messages.

    >>> strip_comments(["[A]: a <!-- note -->", "<!--", "more", "-->", "  + [B]"], "f")
    [(1, '[A]: a '), None, None, None, (5, '  + [B]')]
    """
    out: list[tuple[int, str] | None] = []
    open_at: tuple[int, str] | None = None  # (line, opener) of an unclosed comment
    for number, line in enumerate(lines, 1):
        kept: list[str] = []
        i, had_comment = 0, open_at is not None
        while i < len(line):
            if open_at is not None:
                closer = _COMMENTS[open_at[1]]
                end = line.find(closer, i)
                if end < 0:
                    break
                open_at, i = None, end + len(closer)
                if kept and kept[-1].isspace() and line[i : i + 1].isspace():
                    i += 1  # "a <!-- b --> c" reads "a c", not "a  c"
                continue
            starts = i == 0 or line[i - 1].isspace()
            if line.startswith("<!--", i) or (starts and line.startswith("/*", i)):
                opener = "<!--" if line.startswith("<!--", i) else "/*"
                had_comment, open_at, i = True, (number, opener), i + len(opener)
                continue
            if starts and line.startswith("//", i):
                had_comment = True
                break
            kept.append(line[i])
            i += 1
        text = "".join(kept)
        out.append(None if had_comment and not text.strip() else (number, text))
    if open_at is not None:
        raise CaseError(
            Problem("", f"comment opened with {open_at[1]} is never closed", file, open_at[0])
        )
    return out


class _DataLoader(yaml.SafeLoader):
    """Safe loading of ``{...}`` data, with anchors and aliases refused (as in case files)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not supported")
        return super().compose_node(parent, index)


# the same YAML 1.2 core schema as case files: no yes/no booleans, no 1:30, no !!tags
install_core_schema(_DataLoader)


_MAX_DATA_TRIES = 32  # candidate "{" positions tried per element (bounds the work)
_MAX_DATA_DEPTH = 16


def _shallow(text: str) -> bool:
    """Whether brackets in ``text`` nest at most ``_MAX_DATA_DEPTH`` deep (PyYAML is slow
    and recursive on deep nesting, so hostile data is refused before it is parsed)."""
    depth = 0
    for char in text:
        if char in "{[":
            depth += 1
            if depth > _MAX_DATA_DEPTH:
                return False
        elif char in "}]":
            depth -= 1
    return True


def split_data(text: str, line: int, file: str) -> tuple[str, dict[str, Any]]:
    """Split trailing ``{key: value}`` data off an element's text."""
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return text, {}
    for i in [m.start() for m in re.finditer(r"\{", stripped)][::-1][:_MAX_DATA_TRIES]:
        try:
            candidate = restore(stripped[i:])
            if not _shallow(candidate):
                continue
            data = yaml.load(candidate, Loader=_DataLoader)
        except (yaml.YAMLError, RecursionError):
            continue
        if isinstance(data, dict):
            return stripped[:i], {str(k): v for k, v in data.items()}
    raise CaseError(Problem("", "data in {...} is not a valid YAML mapping", file, line))


def split_tags(text: str, remove_inline: bool = False) -> tuple[str, list[str]]:
    """Tags out of an element's text.

    Tags at the end of the text (after its last word) are annotations: they leave the
    text. A tag inside a sentence (``a #tag and a link``) keeps its word in the text,
    without the ``#``, unless the front matter sets ``model: {removeTagsFromText: true}``,
    as Argdown does.

    >>> split_tags("a #tag in a sentence #end #(two words)")
    ('a tag in a sentence', ['tag', 'end', 'two words'])
    """
    matches = list(_TAG.finditer(text))
    trailing: set[int] = set()
    end = len(text.rstrip())
    for m in reversed(matches):
        if m.end() != end:
            break
        trailing.add(m.start())
        end = len(text[: m.start()].rstrip())
    tags: list[str] = []
    parts: list[str] = []
    position = 0
    for m in matches:
        word = m.group(1) if m.group(1) is not None else m.group(2)
        tags.append(restore(word).strip())
        parts.append(text[position : m.start()])
        if m.start() not in trailing and not remove_inline:
            lead = text[m.start()] if text[m.start()].isspace() else ""
            parts.append(lead + word)
        position = m.end()
    parts.append(text[position:])
    return "".join(parts), [t for t in tags if t]


SKETCHED_TAG = "sketched-argument"
"""The tag of a claim that stands for an Argdown argument given without premises."""


def id_for_title(title: str, prefix: str) -> str:
    """The id an Argdown title becomes: the title itself when it is a valid id, else
    the title with every run of characters an id cannot hold turned into ``_`` (and
    ``prefix`` in front when it does not start with a letter), at most 60 characters.

    >>> id_for_title("Epidemic Influence Hypothesis", "S")
    'Epidemic_Influence_Hypothesis'
    >>> id_for_title("1st point", "S")
    'S_1st_point'
    """
    if is_id(title) and len(title) <= 60:
        return title
    slug = re.sub(r"[^A-Za-z0-9_.\-]+", "_", title).strip("_")
    if not slug or not slug[0].isalpha():
        slug = f"{prefix}_{slug}".rstrip("_")
    return slug[:60]
