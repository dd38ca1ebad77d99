"""Reading YAML and JSON safely while remembering the line of every value.

:func:`load_with_lines` parses a document with PyYAML's *safe* machinery (no Python
tags, no arbitrary objects), refuses duplicate keys, and returns the plain data together
with a map from document path (``evidence[3].source``) to its 1-based line, which the
loaders use to name the line of each validation error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import yaml

from argmap.errors import CaseError, Problem
from argmap.io.gcpause import paused_gc

__all__ = ["MAX_BYTES", "format_path", "line_for", "load_with_lines"]

MAX_BYTES = 10 * 1024 * 1024
"""Largest case or scenario file accepted (10 MiB); larger files are refused unread."""


def format_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """``('evidence', 3, 'source')`` -> ``'evidence[3].source'``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_INDEX = re.compile(r"\[\d+\]$|\.[^.\[]+$|^[^.\[]+$")


def line_for(lines: dict[str, int], path: str) -> int | None:
    """The line of ``path``, or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        match = _INDEX.search(path)
        if match is None:
            break
        path = path[: match.start()]
    return lines.get("")


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader (libyaml's parser when present) that forbids duplicate keys.

    Anchors and aliases are refused (see :func:`_record_lines`): a case never needs
    them, and a few nested aliases ("billion laughs") would make every later walk of
    the document exponential.
    """


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# Dates stay text until pydantic reads them: a title such as 2023-04-20 stays a string,
# and a date field gets one parser with one kind of error message.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _record_lines(
    node: yaml.Node, path: str, lines: dict[str, int], seen: set[int] | None = None
) -> None:
    """Map every path to its line; a node met twice is an alias, which is refused."""
    if seen is None:
        seen = set()
    if id(node) in seen:
        raise yaml.composer.ComposerError(
            None, None, "anchors and aliases (*name) are not supported", node.start_mark
        )
    seen.add(id(node))
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            child = f"{path}.{key}" if path else str(key)
            _record_lines(value_node, child, lines, seen)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(item, f"{path}[{i}]", lines, seen)


def _decode(raw: bytes, file: str) -> str:
    if len(raw) > MAX_BYTES:
        raise CaseError(Problem("", f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB", file))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseError(
            Problem(
                "", f"not UTF-8 text (byte {exc.start})", file, raw[: exc.start].count(b"\n") + 1
            )
        ) from None
    if "\x00" in text:
        raise CaseError(
            Problem(
                "", "file contains a NUL byte", file, text[: text.index("\x00")].count("\n") + 1
            )
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_with_lines(raw: bytes, file: str, fmt: str = "yaml") -> tuple[Any, dict[str, int]]:
    """Parse ``raw`` (YAML or JSON) into plain data and a path -> line map.

    Raises :class:`CaseError` naming the file and line for anything malformed: bad
    syntax, duplicate keys, a byte-order mark is stripped, CRLF is accepted.
    """
    text = _decode(raw, file)
    with paused_gc():
        if fmt == "json":
            return _load_json(text, file)
        return _load_yaml(text, file)


def _load_yaml(text: str, file: str) -> tuple[Any, dict[str, int]]:
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise CaseError(Problem("", "the file is empty", file, 1))
        try:
            data = _build(loader, node)
            return data, _LazyLines(lambda lines: _record_lines(node, "", lines))
        except _NotPlain:
            # something the quick pass does not handle, or a problem: the full pass
            # finds it and reports it exactly as it always has
            pass
        lines: dict[str, int] = {}
        _record_lines(node, "", lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise CaseError(Problem("", f"YAML: {_yaml_message(exc)}", file, _yaml_line(exc))) from None
    except yaml.YAMLError as exc:
        raise CaseError(Problem("", f"YAML: {exc}", file)) from None
    except RecursionError:
        raise CaseError(Problem("", "YAML nested too deeply", file)) from None
    finally:
        loader.dispose()
    return data, lines


class _NotPlain(Exception):
    """The quick pass met a node it leaves to PyYAML's constructor."""


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_STR = "tag:yaml.org,2002:str"
_SCALARS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null"))


def _build(loader: _LineLoader, root: yaml.Node) -> Any:
    """The plain data of ``root`` in one pass, for documents of maps, lists and plain
    scalars without aliases, merge keys or duplicate keys.

    PyYAML's constructor and the line map cost about ten microseconds per node, which
    made a case of 10^5 relations take most of a minute to read; this pass builds the
    same data several times faster and leaves the line map to be worked out only
    if a problem needs a line (:class:`_LazyLines`). Anything else raises
    :class:`_NotPlain`, and the document is read again the full way, so errors read
    exactly as before.
    """
    seen: set[int] = set()
    construct_scalar = loader.construct_object

    def build(node: yaml.Node, depth: int) -> Any:
        if id(node) in seen or depth > 200:
            raise _NotPlain
        seen.add(id(node))
        tag = node.tag
        if tag == _STR and isinstance(node, yaml.ScalarNode):
            return node.value
        if tag == _MAP and isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _KEY_TAGS:
                    raise _NotPlain
                key = build(key_node, depth + 1)
                if key in out:
                    raise _NotPlain
                out[key] = build(value_node, depth + 1)
            return out
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [build(item, depth + 1) for item in node.value]
        if tag in _SCALARS and isinstance(node, yaml.ScalarNode):
            return construct_scalar(node)
        raise _NotPlain

    return build(root, 0)


_KEY_TAGS = _SCALARS | {_STR}


class _LazyLines(dict[str, int]):
    """The path -> line map of a document, worked out on first use.

    Reading it is rare (only a problem needs a line), and building it walks every
    node with a string path, so it is built when first asked for.
    """

    def __init__(self, fill: Callable[[dict[str, int]], None]) -> None:
        super().__init__()
        self._pending: Callable[[dict[str, int]], None] | None = fill

    def _fill(self) -> None:
        if self._pending is not None:
            fill, self._pending = self._pending, None
            lines: dict[str, int] = {}
            fill(lines)
            super().update(lines)

    def __getitem__(self, key: str) -> int:
        self._fill()
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self._fill()
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:
        self._fill()
        return super().__iter__()

    def __len__(self) -> int:
        self._fill()
        return super().__len__()

    def __eq__(self, other: object) -> bool:
        self._fill()
        return super().__eq__(other)

    __hash__ = None

    def __repr__(self) -> str:
        self._fill()
        return super().__repr__()

    def get(self, key: str, default: Any = None) -> Any:
        self._fill()
        return super().get(key, default)

    def keys(self) -> Any:
        self._fill()
        return super().keys()

    def values(self) -> Any:
        self._fill()
        return super().values()

    def items(self) -> Any:
        self._fill()
        return super().items()

    def copy(self) -> dict[str, int]:
        self._fill()
        return dict(super().items())


def _yaml_line(exc: yaml.MarkedYAMLError) -> int | None:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else None


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    """The parser's complaint, plus where the construct it was reading began."""
    message = exc.problem or exc.context or "malformed YAML"
    context, start = exc.context, exc.context_mark
    if exc.problem and context and start is not None and start.line + 1 != _yaml_line(exc):
        message += f" ({context} started on line {start.line + 1})"
    return message


def _load_json(text: str, file: str) -> tuple[Any, dict[str, int]]:
    if not text.strip():  # said as for YAML, not as a JSON syntax error
        raise CaseError(Problem("", "the file is empty", file, 1))

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise ValueError(f"duplicate key {key!r}")
            out[key] = value
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise CaseError(Problem("", f"JSON: {exc.msg}", file, exc.lineno)) from None
    except ValueError as exc:
        # a duplicate key: find its line by reading the text with the YAML composer
        raise CaseError(Problem("", f"JSON: {exc}", file, _duplicate_line(text))) from None
    except RecursionError:
        raise CaseError(Problem("", "JSON nested too deeply", file)) from None
    return data, _LazyLines(lambda lines: _json_lines(text, lines))


def _json_lines(text: str, lines: dict[str, int]) -> None:
    """Fill ``lines`` for a JSON text (worked out only when a problem needs a line)."""
    try:
        # JSON is YAML 1.2; PyYAML reads nearly all of it, which gives us lines for free
        node = yaml.compose(text, Loader=_LineLoader)
        if node is not None:
            _record_lines(node, "", lines)
    except (yaml.YAMLError, RecursionError):  # lines are a help, not a requirement
        lines.clear()


def _duplicate_line(text: str) -> int | None:
    try:
        _load_yaml(text, "")
    except CaseError as exc:
        return exc.problems[0].line
    return None
