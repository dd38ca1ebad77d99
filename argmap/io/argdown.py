"""Argdown to and from a Case: the mapping between Argdown's elements and argmap's.

Reading (the syntax itself is :mod:`argmap.io.argdown_parse`):

- a statement -> a claim, or evidence / an event / a precedent when its data says
  ``{kind: evidence, ...}`` (the other data keys become that node's fields); ids are the
  titles with every run of characters an id cannot hold replaced by ``_``;
- an argument with a premise-conclusion structure -> one argument per inference step
  (the last keeps the argument's id, earlier ones are ``<id>_step<k>``); the rule text
  becomes the scheme (the catalogue scheme's id when the text names one, such as
  ``Argument from expert opinion``; a ``scheme`` in the argument's data wins, and its
  ``roles`` and ``questions`` are kept); anonymous premises get the ids ``<id>_<number>``;
- an argument without one (a sketched argument: Argdown knows its gist but not its
  conclusion) -> a claim holding the gist, tagged ``sketched-argument``;
- support -> support; attack -> undercut on an argument with a structure, undermine on
  a premise of some argument (or evidence, an event), rebut otherwise; undercut ->
  undercut, or, on a sketched argument (which has no inference to undercut), a rebut of
  its gist with a note saying so;
- the front matter's ``argmap:`` mapping holds the sections Argdown has no syntax for
  (parameters, parties, sources, issues, factors, schemes, critical_questions, expected
  outcomes) and ``relation_details`` (exact kind, weight and note of relations, matched
  by their ends).

Writing is :func:`argmap.io.argdown_write.dumps_argdown`; together they round-trip a
Case exactly (see ``docs/interchange.md`` for what other tools' files lose).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from argmap.errors import CaseError, Problem
from argmap.io.argdown_parse import ArgdownSyntax, Info
from argmap.io.argdown_text import SKETCHED_TAG, id_for_title
from argmap.io.argdown_write import dumps_argdown
from argmap.io.casefile import load_model, read_bytes
from argmap.model import Case
from argmap.model.catalogue import scheme_named
from argmap.vocabulary import ATTACK_KINDS, SECTION_OF_KIND

__all__ = ["SKETCHED_TAG", "dumps_argdown", "id_for_title", "parse_argdown", "read_argdown"]

_CLAIM_DATA = frozenset({"base_score", "issue", "asserted_by"})
_ARG_DATA = frozenset(
    {"scheme", "roles", "questions", "stance", "weight", "precedent", "applies_if", "asserted_by"}
)
_ARGDOWN_DATA = frozenset({"kind", "isInMap", "isGroup", "color", "uses", "title", "images"})
_SECTIONS = {kind: SECTION_OF_KIND[kind] for kind in ("evidence", "event", "precedent")}
_FRONT_SECTIONS = (
    "parameters",
    "parties",
    "sources",
    "issues",
    "factors",
    "schemes",
    "critical_questions",
    "expect",
)
_ATTACKS = frozenset(ATTACK_KINDS)
_LABEL_LIMIT = 120  # the model's bound on a label


def read_argdown(path: str | os.PathLike[str], warnings: list[str] | None = None) -> Case:
    """Read an ``.argdown`` file (see :func:`parse_argdown`)."""

    return parse_argdown(read_bytes(path), str(path), warnings=warnings)


def parse_argdown(
    raw: str | bytes, file: str = "<string>", warnings: list[str] | None = None
) -> Case:
    """Parse Argdown text into a validated Case.

    ``warnings``, when given, receives a line for each thing read but not kept.

    Raises
    ------
    CaseError
        A syntax error or an invalid resulting case, with file and line.

    >>> case = parse_argdown("[A]: It rains.\\n  + [B]: The street is wet.")
    >>> [(r.kind.value, r.origin, r.target) for r in case.relations]
    [('support', 'B', 'A')]
    """
    syntax = ArgdownSyntax(file, warnings).parse(raw)
    if not syntax.infos:
        if syntax.blank:  # as an empty case file is refused
            raise CaseError(Problem("", "the file is empty", file, 1))
        syntax.warnings.append(f"{file}: no statements or arguments, so the case is empty")
    return _Builder(syntax).case()


def _shown(info: Info) -> str:
    """An element as a message names it: ``[Title]``, ``<Title>`` or its line."""
    if info.key.startswith("\x00"):
        return f"the statement at line {info.line}"
    return f"[{info.key}]" if info.kind == "s" else f"<{info.key}>"


class _Builder:
    def __init__(self, syntax: ArgdownSyntax) -> None:
        self.s = syntax
        self.ids: dict[tuple[str, str], str] = {}
        self.taken: set[str] = set()
        self.doc: dict[str, Any] = {}
        self.lines: dict[str, int] = {}
        self.kind_of: dict[str, str] = {}  # argmap id -> claim/evidence/... /argument
        self.tagged: list[str] = []  # arguments whose tags cannot be kept
        self.labels: dict[tuple[str, str], str | None] = {}

    def _unique(self, base: str) -> str:
        out, k = base, 2
        while out in self.taken:
            out, k = f"{base}_{k}", k + 1
        self.taken.add(out)
        return out

    def _error(self, line: int | None, message: str) -> CaseError:
        return CaseError(Problem("", message, self.s.file, line))

    def case(self) -> Case:
        infos = list(self.s.infos.values())
        for info in infos:  # ids given as data ({id: C1}) first: they are exact
            given = info.data.pop("id", None)
            if given is not None:
                if not isinstance(given, str):
                    raise self._error(
                        info.line, f"the id in the data of {_shown(info)} is not text"
                    )
                if given in self.taken:
                    raise self._error(info.line, f"id {given!r} is given to two elements")
                self.ids[(info.kind, info.key)] = given
                self.taken.add(given)
        for info in infos:  # then titled statements and arguments, so they keep their names
            if not info.key.startswith("\x00") and (info.kind, info.key) not in self.ids:
                self.ids[(info.kind, info.key)] = self._unique(
                    id_for_title(info.key, "S" if info.kind == "s" else "A")
                )
        for info in infos:
            self.labels[(info.kind, info.key)] = self._label(info)
        for info in infos:
            if (info.kind, info.key) not in self.ids:
                if info.hint is not None:
                    base = f"{self.ids[('a', info.hint[0])]}_{info.hint[1]}"
                else:
                    base = f"S_L{info.line}"
                self.ids[(info.kind, info.key)] = self._unique(base)
        self._front()
        for info in infos:
            if info.kind == "s" or info.pcs is None:
                self._node(info)
        premises: set[str] = set()
        for info in infos:
            if info.kind == "a" and info.pcs is not None:
                premises |= self._arguments(info)
        self._relations(premises)
        if self.tagged:
            self.s.warnings.append(
                f"{self.s.file}: tags dropped from {len(self.tagged)} argument(s) with a "
                f"premise-conclusion structure (argmap arguments have no tags): "
                + ", ".join(self.tagged[:3])
                + (", ..." if len(self.tagged) > 3 else "")
            )
        return load_model(Case, self.doc, self.s.file, self.lines)

    def _label(self, info: Info) -> Any:
        """The node's label: ``{label: ...}`` data, else its title when that is not
        already its id (``[Epidemic Influence Hypothesis]`` -> the id
        ``Epidemic_Influence_Hypothesis`` and that label)."""
        if "label" in info.data:
            return info.data.pop("label")
        if info.key.startswith("\x00") or info.key == self.ids[(info.kind, info.key)]:
            return None
        if len(info.key) <= _LABEL_LIMIT:
            return info.key
        self.s.warnings.append(
            f"{self.s.file}:{info.line}: the title {_shown(info)[:40]}... is longer than "
            f"{_LABEL_LIMIT} characters; its label is cut"
        )
        return info.key[: _LABEL_LIMIT - 1].rstrip() + "\u2026"

    def _add(self, section: str, item: dict[str, Any], line: int) -> None:
        items = self.doc.setdefault(section, [])
        self.lines[f"{section}[{len(items)}]"] = line
        items.append(item)

    def _front(self) -> None:
        front = self.s.front
        title = front.get("title")
        if isinstance(title, str) and title.strip():
            self.doc["title"] = title.strip()[:300]
        else:
            stem = Path(self.s.file).stem if self.s.file != "<string>" else ""
            self.doc["title"] = f"Argdown map {stem}".strip()
        description = front.get("description", front.get("subTitle"))
        if isinstance(description, str) and description.strip():
            self.doc["description"] = description.strip()
        for path, line in self.s.front_lines.items():
            if path.startswith("argmap."):
                self.lines[path[len("argmap.") :]] = line
            elif path in ("title", "description"):
                self.lines[path] = line
        extra = front.get("argmap", {})
        if not isinstance(extra, dict):
            raise self._error(
                self.s.front_lines.get("argmap"), "front matter 'argmap' must be a mapping"
            )
        for section in _FRONT_SECTIONS:
            if section in extra:
                self.doc[section] = extra[section]
        unknown = set(extra) - set(_FRONT_SECTIONS) - {"relation_details"}
        if unknown:
            first = sorted(map(str, unknown))[0]
            raise self._error(
                self.s.front_lines.get(f"argmap.{first}", self.s.front_lines.get("argmap")),
                f"unknown key(s) under argmap: {', '.join(sorted(map(str, unknown)))}",
            )
        self.details = extra.get("relation_details", [])

    def _node(self, info: Info) -> None:
        node_id = self.ids[(info.kind, info.key)]
        text = info.text or (info.key if not info.key.startswith("\x00") else "(no text)")
        kind = info.data.get("kind") if info.kind == "s" else None
        label = self.labels[(info.kind, info.key)]
        head: dict[str, Any] = {"id": node_id} if label is None else {"id": node_id, "label": label}
        if isinstance(kind, str) and kind in _SECTIONS:
            item = {k: v for k, v in info.data.items() if k not in _ARGDOWN_DATA}
            item = {**head, ("name" if kind == "precedent" else "text"): text, **item}
            self._add(_SECTIONS[kind], item, info.line)
            self.kind_of[node_id] = kind
            return
        item = {**head, "text": text}
        item.update({k: v for k, v in info.data.items() if k in _CLAIM_DATA})
        tags = list(info.tags)
        if info.kind == "a" and SKETCHED_TAG not in tags:
            tags.append(SKETCHED_TAG)
        if tags:
            item["tags"] = tags
        self._add("claims", item, info.line)
        self.kind_of[node_id] = "claim"

    def _arguments(self, info: Info) -> set[str]:
        """The arguments of one premise-conclusion structure; returns the premise ids."""
        assert info.pcs is not None
        arg_id = self.ids[("a", info.key)]
        segments: list[list[tuple[int, str, int]]] = [[]]
        rules: list[tuple[str | None, dict[str, Any], int]] = []
        for kind, value, line in info.pcs:
            if kind == "inf":
                rules.append((value[0], value[1], line))
                segments.append([])
            else:
                segments[-1].append((int(value[0]), self.ids[value[1]], line))
        first_line = info.pcs[0][2]
        if not rules:
            raise self._error(
                first_line, f"argument <{info.key}> has premises but no inference line (----)"
            )
        if not segments[0]:
            raise self._error(rules[0][2], "an inference line needs premises above it")
        for i, seg in enumerate(segments[1:]):
            if not seg:
                raise self._error(
                    rules[i][2], "an inference line must be followed by its conclusion"
                )
        if len(segments[-1]) > 1:
            number, _, line = segments[-1][1]
            raise self._error(line, f"({number}) follows the final conclusion of <{info.key}>")
        if info.tags:
            self.tagged.append(f"<{info.key}> (line {info.line})")
        numbered: dict[int, str] = {}
        premises: set[str] = set()
        for step, (rule, data, line) in enumerate(rules, 1):
            before = [x for seg in segments[:step] for x in seg]
            numbered.update({n: sid for n, sid, _ in before})
            uses = data.get("uses")
            if uses is not None:
                if not isinstance(uses, list) or not all(isinstance(u, int) for u in uses):
                    raise self._error(line, "uses must be a list of premise numbers")
                missing = [u for u in uses if u not in numbered]
                if missing:
                    raise self._error(line, f"uses names ({missing[0]}), which is not above it")
                prem = [numbered[u] for u in uses]
            else:
                prem = [sid for _, sid, _ in segments[step - 1]]
            number, conclusion, cline = segments[step][0]
            prem = list(dict.fromkeys(prem))
            if conclusion in prem:
                raise self._error(cline, f"({number}) is also a premise of its own inference")
            final = step == len(rules)
            item: dict[str, Any] = {"id": arg_id if final else self._unique(f"{arg_id}_step{step}")}
            label = self.labels[("a", info.key)]
            if final and label is not None:
                item["label"] = label
            if final and info.text:
                item["text"] = info.text
            if rule and not (final and "scheme" in info.data):
                # a rule naming a catalogue scheme ("Argument from expert opinion")
                # is that scheme; a scheme the argument's data gives wins
                known = scheme_named(rule)
                item["scheme"] = known.id if known is not None else rule[:100]
            if final:
                item.update({k: v for k, v in info.data.items() if k in _ARG_DATA})
            precedent = item.get("precedent")
            item["premises"] = [p for p in prem if p != precedent]
            item["conclusion"] = conclusion
            premises.update(item["premises"])
            self._add("arguments", item, line if not final else info.line)
            self.kind_of[item["id"]] = "argument"
        return premises

    def _relations(self, premises: set[str]) -> None:
        # details are matched by their ends, in order (two attacks between the same
        # ends, a rebut and an undermine, take the first and second detail)
        details: dict[tuple[str, str, bool], list[dict[str, Any]]] = {}
        if isinstance(self.details, list):
            for d in self.details:
                if isinstance(d, dict) and {"from", "to", "kind"} <= set(d):
                    ends = (str(d["from"]), str(d["to"]), d["kind"] in _ATTACKS)
                    details.setdefault(ends, []).append(d)
        seen: set[tuple[str, str, str]] = set()
        for generic, origin_ref, target_ref, line in self.s.relations:
            origin, target = self.ids[origin_ref], self.ids[target_ref]
            tkind = self.kind_of[target]
            sketched = target_ref[0] == "a" and tkind == "claim"
            note = None
            if generic == "support":
                kind = "support"
            elif tkind == "argument":
                kind = "undercut"
            elif generic == "undercut" and sketched:
                kind = "rebut"
                note = "undercut in Argdown; the target is a sketched argument"
            elif tkind in ("evidence", "event") or target in premises:
                kind = "undermine"
            else:
                kind = "rebut"
            if kind == "support" and origin == target:
                continue
            rel: dict[str, Any] = {"kind": kind, "from": origin, "to": target}
            queue = details.get((origin, target, kind != "support"))
            detail = queue.pop(0) if queue else None
            if detail is not None:
                rel.update({k: v for k, v in detail.items() if k in ("kind", "weight", "note")})
            elif note:
                rel["note"] = note
            key = (str(rel["kind"]), origin, target)
            if key in seen:
                continue
            seen.add(key)
            self._add("relations", rel, line)
