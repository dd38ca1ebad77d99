"""The syntax layer of Argdown (the argument-mapping markup of argdown.org).

:class:`ArgdownSyntax` reads a document into its statements, arguments (with their
premise-conclusion structures), relations and front matter; :mod:`argmap.io.argdown`
maps that onto a Case. What is read:

- front matter between ``===`` lines, as YAML (safe loader, with line numbers);
- statements ``[Title]: text`` and references ``[Title]``, arguments ``<Title>: text``
  and ``<Title>``, anonymous statements (plain text in a relation or a premise),
  statements by number ``<Title>(2)`` (statement (2) of that argument's structure);
- Markdown list items ``* text`` and ``1. text``, each an element of its own;
- premise-conclusion structures: ``(1) ...`` lines, inference lines ``----``, an
  inference rule between ``--`` lines or as ``-- rule --``, with optional data such as
  ``{uses: [1, 2]}``; a structure belongs to the top-level argument of the block
  before it, or to the argument it is written under in the same block;
- relations in indented trees: ``+ - _`` and ``<+ <- <_`` (the child supports,
  attacks, undercuts the parent), ``+> -> _>`` (the parent supports, attacks, undercuts
  the child), ``><`` (contradiction);
- tags ``#tag`` and ``#(a tag)``, data ``{key: value}`` (YAML flow mapping at the end of
  an element), comments ``<!-- -->``, ``//`` and ``/* */``, headings (skipped: they only
  group elements for display), and backslash escapes of ``\\ [ ] < > # { } /`` (the
  text layer, :mod:`argmap.io.argdown_text`).

Top-level elements are separated by blank lines, as in Argdown; a statement or an
argument at the start of a line also begins a new element.

References
----------
C. Voigt. Argdown syntax guide, https://argdown.org/syntax/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import CaseError, Problem
from argmap.io.argdown_text import (
    ESCAPABLE,
    decode,
    hide_escapes,
    restore,
    split_data,
    split_tags,
    strip_comments,
)
from argmap.io.locations import load_with_lines

__all__ = ["ESCAPABLE", "ArgdownSyntax", "Info", "restore"]

_RELATION = re.compile(r"^(<\+|<-|<_|\+>|->|_>|><|\+|-|_)\s+(.*)$")
_PCS = re.compile(r"^\((\d+)\)\s*(.*)$")
_ONE_LINE_RULE = re.compile(r"^--\s*(.*?)\s*--+$")
_ELEMENT_START = re.compile(r"^(\[[^\]]+\]|<[^>+\-_][^>]*>)(\s*:|\s*$)")
_LIST_ITEM = re.compile(r"^(\*|\d+\.)\s+(.*)$")
_BY_NUMBER = re.compile(r"^<([^>]+)>\((\d+)\)\s*(:?)\s*(.*)$", re.S)


@dataclass
class _Element:
    """A statement or argument as written at one place (definition or reference)."""

    kind: str  # "s" or "a"
    key: str  # title, or a generated key for an anonymous statement
    line: int
    text: str | None = None
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    hint: tuple[str, str] | None = None  # (argument key, premise number) for PCS lines


@dataclass
class Info:
    """Everything known about one statement or argument across the document."""

    kind: str
    key: str
    line: int
    text: str | None = None
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    pcs: list[tuple[str, Any, int]] | None = None
    """``("s", (number, ref), line)`` per statement, ``("inf", (rule, data), line)``."""
    hint: tuple[str, str] | None = None


class ArgdownSyntax:
    """The syntax layer of an Argdown document: its statements, arguments (with their
    premise-conclusion structures), relations and front matter, before any mapping to
    a Case (which :mod:`argmap.io.argdown` does)."""

    def __init__(self, file: str = "<string>", warnings: list[str] | None = None) -> None:
        self.file = file
        self.warnings = warnings if warnings is not None else []
        self.infos: dict[tuple[str, str], Info] = {}
        self.relations: list[tuple[str, tuple[str, str], tuple[str, str], int]] = []
        self.front: dict[str, Any] = {}
        self.front_lines: dict[str, int] = {}
        self.anon = 0
        self.blank = True
        self.remove_tags = False

    def error(self, line: int | None, message: str) -> CaseError:
        return CaseError(Problem("", message, self.file, line))

    # -- text level ---------------------------------------------------------------------

    def parse(self, raw: str | bytes) -> ArgdownSyntax:
        """Read the document; the results are in ``infos``, ``relations``, ``front``."""
        text = decode(raw, self.file)
        self.blank = not text.strip()
        lines = self._front_matter(text.split("\n"))
        model = self.front.get("model")
        # Argdown keeps tags in the text unless model.removeTagsFromText says otherwise
        self.remove_tags = isinstance(model, dict) and model.get("removeTagsFromText") is True
        lines = [hide_escapes(line) for line in lines]  # front matter is plain YAML
        kept = strip_comments(lines, self.file)
        previous: Info | None = None
        for block in self._blocks(kept):
            previous = self._block(block, previous)
        self._resolve_numbers()
        return self

    def _front_matter(self, lines: list[str]) -> list[str]:
        first = next((i for i, s in enumerate(lines) if s.strip()), None)
        if first is None or lines[first].strip() != "===":
            return lines
        end = next((i for i in range(first + 1, len(lines)) if lines[i].rstrip() == "==="), None)
        if end is None:
            raise self.error(first + 1, "front matter opened with === is never closed")

        body = "\n" * (first + 1) + "\n".join(lines[first + 1 : end])
        if body.strip():
            data, where = load_with_lines(body.encode("utf-8"), self.file, "yaml")
            if not isinstance(data, dict):
                raise self.error(first + 2, "front matter must be a YAML mapping")
            self.front, self.front_lines = data, where
        return [""] * (end + 1) + lines[end + 1 :]

    def _blocks(self, lines: list[tuple[int, str] | None]) -> list[list[tuple[int, int, str]]]:
        blocks: list[list[tuple[int, int, str]]] = []
        current: list[tuple[int, int, str]] = []
        for item in lines:
            if item is None:
                continue
            number, line = item
            content = line.strip()
            if not content:
                if current:
                    blocks.append(current)
                current = []
                continue
            indent = len(line) - len(line.lstrip())
            if (
                current
                and indent == 0
                and _ELEMENT_START.match(content)
                and not current[-1][2].startswith("--")
            ):
                blocks.append(current)
                current = []
            current.append((number, indent, content))
        if current:
            blocks.append(current)
        return blocks

    # -- block level ----------------------------------------------------------------------

    def _block(self, block: list[tuple[int, int, str]], previous: Info | None) -> Info | None:
        first = block[0][2]
        if first.startswith("#") and (len(first) == 1 or first[1] in " #"):
            return None  # a heading: it groups elements for display, nothing to keep
        items = self._items(block)
        root: Info | None = None
        stack: list[tuple[int, tuple[str, str]]] = []
        pcs_owner: Info | None = None
        lists = any(item[0] == "list" for item in items)
        for kind, number, indent, extra, text in items:
            if kind == "element":
                element = self._element(text, number)
                root = self._register(element)
                stack = [(indent, (root.kind, root.key))]
                pcs_owner = root if root.kind == "a" else None
            elif kind == "list":  # a Markdown list item: an element of its own
                info = self._register(self._element(text, number))
                root = root or info
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                stack.append((indent, (info.kind, info.key)))
                pcs_owner = None
            elif kind in ("pcs", "rule"):
                if pcs_owner is None:
                    pcs_owner = self._nested_owner(stack, indent) or self._pcs_owner(
                        previous if root is None else None, number
                    )
                    root = root or pcs_owner
                if pcs_owner.pcs is None:
                    pcs_owner.pcs = []
                if kind == "rule":
                    rule, data = split_data(text, number, self.file)
                    pcs_owner.pcs.append(("inf", (restore(rule).strip() or None, data), number))
                    stack = []
                    continue
                element = self._element(text, number, hint=(pcs_owner.key, extra))
                info = self._register(element)
                pcs_owner.pcs.append(("s", (int(extra), (info.kind, info.key)), number))
                stack = [(indent, (info.kind, info.key))]
            else:  # a relation
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if not stack and extra == "-" and (lists or items[0][1] == number):
                    # "- text" with nothing above it: Argdown has no reading for it (a
                    # relation needs a parent), Markdown reads it as a list item
                    info = self._register(self._element(text, number))
                    root, lists = root or info, True
                    stack.append((indent, (info.kind, info.key)))
                    pcs_owner = None
                    continue
                if not stack:
                    raise self.error(
                        number, f"relation {extra!r} has no statement or argument above it"
                    )
                element = self._element(text, number)
                child = self._register(element)
                self._relation(extra, stack[-1][1], (child.kind, child.key), number)
                stack.append((indent, (child.kind, child.key)))
        return root

    def _items(self, block: list[tuple[int, int, str]]) -> list[tuple[str, int, int, str, str]]:
        """Split a block into items; continuation lines join the item before them."""
        items: list[list[Any]] = []
        open_rule: int | None = None
        for number, indent, content in block:
            if open_rule is not None:
                if re.fullmatch(r"-{2,}", content):
                    open_rule = None
                else:
                    items[-1][4] += " " + content
                continue
            one_line = _ONE_LINE_RULE.match(content)
            if re.fullmatch(r"-{2,}", content):
                if content == "--":
                    open_rule = number
                items.append(["rule", number, indent, "", ""])
            elif one_line and content != "--":
                items.append(["rule", number, indent, "", one_line.group(1)])
            elif m := _PCS.match(content):
                items.append(["pcs", number, indent, m.group(1), m.group(2)])
            elif m := _RELATION.match(content):
                items.append(["relation", number, indent, m.group(1), m.group(2)])
            elif m := _LIST_ITEM.match(content):
                items.append(["list", number, indent, m.group(1), m.group(2)])
            elif not items:
                items.append(["element", number, indent, "", content])
            else:
                items[-1][4] += " " + content
        if open_rule is not None:
            raise self.error(open_rule, "inference rule opened with -- is never closed")
        return [(a, b, c, d, e) for a, b, c, d, e in items]

    def _nested_owner(self, stack: list[tuple[int, tuple[str, str]]], indent: int) -> Info | None:
        """The argument a premise-conclusion structure is written under, in the same
        block (``[C]`` / ``  <- <A>`` / ``    (1) ...``), if it has no structure yet."""
        above = [ref for depth, ref in stack if depth <= indent]
        if above and above[-1][0] == "a":
            info = self.infos[above[-1]]
            if info.pcs is None:
                return info
        return None

    def _pcs_owner(self, previous: Info | None, line: int) -> Info:
        if previous is not None and previous.kind == "a" and previous.pcs is None:
            return previous
        self.anon += 1
        return self._register(_Element("a", f"argument at line {line}", line))

    def _element(self, text: str, line: int, hint: tuple[str, str] | None = None) -> _Element:
        text = text.strip()
        body, data = split_data(text, line, self.file)
        by_number = _BY_NUMBER.match(body)
        if by_number and (by_number.group(3) or not by_number.group(4).strip()):
            rest, tags = split_tags(by_number.group(4), self.remove_tags)
            key = f"{restore(by_number.group(1).strip())}\x00{int(by_number.group(2))}"
            return _Element("n", key, line, restore(rest).strip() or None, tags, data)
        m = re.match(r"^(\[([^\]]+)\]|<([^>]+)>)\s*(:?)\s*(.*)$", body, re.S)
        if m and (m.group(4) or not m.group(5) or m.group(5).lstrip().startswith("#")):
            kind = "s" if m.group(2) is not None else "a"
            title = restore((m.group(2) or m.group(3)).strip())
            rest, tags = split_tags(m.group(5), self.remove_tags)
            return _Element(kind, title, line, restore(rest).strip() or None, tags, data)
        rest, tags = split_tags(body, self.remove_tags)
        if not rest.strip():
            raise self.error(line, "expected a statement or an argument here")
        self.anon += 1
        return _Element("s", f"\x00{self.anon}", line, restore(rest).strip(), tags, data, hint)

    def _register(self, element: _Element) -> Info:
        ref = (element.kind, element.key)
        info = self.infos.get(ref)
        if info is None:
            info = Info(element.kind, element.key, element.line, hint=element.hint)
            self.infos[ref] = info
        if element.text and info.text is None:
            info.text, info.line = element.text, element.line
        elif element.text and element.text != info.text and element.kind == "s":
            self.warnings.append(
                f"{self.file}:{element.line}: [{element.key}] has another text at line "
                f"{info.line}; the first is kept"
            )
        for tag in element.tags:
            if tag not in info.tags:
                info.tags.append(tag)
        for key, value in element.data.items():
            info.data.setdefault(key, value)
        return info

    def _resolve_numbers(self) -> None:
        """Point every ``<A>(n)`` at statement (n) of argument A's structure."""
        placeholders = [ref for ref in self.infos if ref[0] == "n"]
        if not placeholders:
            return
        direct: dict[tuple[str, str], tuple[str, str]] = {}
        for ref in placeholders:
            info = self.infos[ref]
            title, number = ref[1].rsplit("\x00", 1)
            argument = self.infos.get(("a", title))
            if argument is None or argument.pcs is None:
                raise self.error(
                    info.line,
                    f"<{title}>({number}) refers to an argument without a "
                    "premise-conclusion structure",
                )
            found = [v[1] for k, v, _ in argument.pcs if k == "s" and v[0] == int(number)]
            if not found:
                raise self.error(info.line, f"<{title}> has no statement ({number})")
            direct[ref] = found[0]
        final: dict[tuple[str, str], tuple[str, str]] = {}
        for ref in placeholders:
            target, seen = direct[ref], {ref}
            while target in direct:
                if target in seen:
                    raise self.error(
                        self.infos[ref].line, "statements by number refer to each other in a circle"
                    )
                seen.add(target)
                target = direct[target]
            final[ref] = target
        for ref in placeholders:
            info = self.infos.pop(ref)
            target = final[ref]
            earlier = self.infos[target]
            if info.text and earlier.text and info.text != earlier.text:
                title, number = ref[1].rsplit("\x00", 1)
                self.warnings.append(
                    f"{self.file}:{info.line}: <{title}>({number}) has another text at line "
                    f"{earlier.line}; the first is kept"
                )
                info.text = None
            self._register(
                _Element(target[0], target[1], info.line, info.text, info.tags, info.data)
            )
        self.relations = [
            (kind, final.get(a, a), final.get(b, b), line) for kind, a, b, line in self.relations
        ]
        for info in self.infos.values():
            if info.pcs is not None:
                info.pcs = [
                    (k, (v[0], final.get(v[1], v[1])), line) if k == "s" else (k, v, line)
                    for k, v, line in info.pcs
                ]

    def _relation(
        self, marker: str, parent: tuple[str, str], child: tuple[str, str], line: int
    ) -> None:
        kind = {"+": "support", "-": "attack", "_": "undercut", "><": "attack"}[
            marker.strip("<>") or marker
        ]
        if marker in ("+", "-", "_", "<+", "<-", "<_"):
            self.relations.append((kind, child, parent, line))
        else:
            self.relations.append((kind, parent, child, line))
            if marker == "><":
                self.relations.append((kind, child, parent, line))
