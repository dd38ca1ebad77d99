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

from argmap.errors import CaseError, Problem, line_for
from argmap.io.gcpause import paused_gc
from argmap.io.yaml_schema import ValueRefused, install_core_schema, int_too_long
from argmap.model.problems import format_path

__all__ = ["MAX_BYTES", "format_path", "line_for", "load_with_lines"]

MAX_BYTES = 10 * 1024 * 1024
"""Largest case or scenario file accepted (10 MiB); larger files are refused unread."""


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


# numbers and booleans by the YAML 1.2 core schema (no yes/no, no 1:30); dates stay
# text until pydantic reads them, so a date field gets one parser and one message
install_core_schema(_LineLoader)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _record_lines(
    node: yaml.Node,
    path: str,
    lines: dict[str, int],
    seen: set[int] | None = None,
    starts: dict[tuple[int, int], str] | None = None,
) -> None:
    """Map every path to its line; a node met twice is an alias, which is refused.

    ``starts`` (when given) maps the (line, column) where each value begins to its
    path, so an error raised while constructing a value can name its field.
    """
    if seen is None:
        seen = set()
    if id(node) in seen:
        raise yaml.composer.ComposerError(
            None, None, "anchors and aliases (*name) are not supported", node.start_mark
        )
    seen.add(id(node))
    lines[path] = node.start_mark.line + 1
    if starts is not None:
        starts.setdefault((node.start_mark.line, node.start_mark.column), path)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            child = f"{path}.{key}" if path else str(key)
            if starts is not None:
                starts.setdefault((key_node.start_mark.line, key_node.start_mark.column), child)
            _record_lines(value_node, child, lines, seen, starts)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(item, f"{path}[{i}]", lines, seen, starts)


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
        data, lines = _load_json(text, file) if fmt == "json" else _load_yaml(text, file)
        _check_unicode(data, "", lines, file)
    return data, lines


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_unicode(data: Any, path: str, lines: dict[str, int], file: str) -> None:
    """Refuse text holding a lone surrogate (JSON's ``"\\ud800"``): it is not Unicode
    text, cannot be written back as UTF-8, and would fail far from its line."""
    try:
        _walk_unicode(data, path, lines, file)
    except RecursionError:  # pragma: no cover - the parsers refuse deeper documents
        raise CaseError(Problem("", "document nested too deeply", file)) from None


def _walk_unicode(data: Any, path: str, lines: dict[str, int], file: str) -> None:
    message = "text contains a lone surrogate (an unpaired \\ud800-\\udfff escape)"
    if isinstance(data, str):
        if _has_surrogate(data):
            raise CaseError(Problem(path, message, file, line_for(lines, path)))
    elif isinstance(data, dict):
        for key, value in data.items():
            child = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and _has_surrogate(key):
                safe = key.encode("utf-8", "backslashreplace").decode("ascii")
                raise CaseError(
                    Problem(path, f"key {safe}: {message}", file, line_for(lines, path))
                )
            _walk_unicode(value, child, lines, file)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            _walk_unicode(item, f"{path}[{i}]", lines, file)


def _load_yaml(text: str, file: str) -> tuple[Any, dict[str, int]]:
    loader = _LineLoader(text)
    lines: dict[str, int] = {}
    starts: dict[tuple[int, int], str] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            raise CaseError(Problem("", "the file is empty", file, 1))
        try:
            data = _build(loader, node)
            return data, _LazyLines(lambda found: _record_lines(node, "", found))
        except (_NotPlain, ValueRefused):
            # something the quick pass does not handle, or a problem: the full pass
            # finds it and reports it exactly as it always has, from a clean slate
            # (a refusal can leave the constructor's bookkeeping half-done)
            loader.constructed_objects = {}
            loader.recursive_objects = {}
        _record_lines(node, "", lines, starts=starts)
        data = loader.construct_document(node)
    except ValueRefused as exc:
        # a value the core schema refuses (a 5,000-digit integer, !!binary ...): name
        # the field it stands in
        mark = exc.problem_mark
        path = starts.get((mark.line, mark.column)) if mark is not None else None
        if path is None:
            message = f"YAML: {_yaml_message(exc)}"
            raise CaseError(Problem("", message, file, _yaml_line(exc))) from None
        raise CaseError(Problem(path, exc.problem or "bad value", file, _yaml_line(exc))) from None
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


# PyYAML refuses surrogate escapes that JSON allows; for finding lines only, each is
# swapped for an escape of the same length, so every line and column stays put
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


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
        data = json.loads(text, object_pairs_hook=pairs, parse_int=_parse_int)
    except _LongInteger as exc:
        raise _long_integer_problem(text, exc.digits, file) from None
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
        node = yaml.compose(_SURROGATE_ESCAPE.sub(r"\\u003f", text), Loader=_LineLoader)
        if node is not None:
            _record_lines(node, "", lines)
    except (yaml.YAMLError, RecursionError):  # lines are a help, not a requirement
        lines.clear()


class _LongInteger(Exception):
    """An integer literal too long to convert (carried out of the JSON parser)."""

    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def _parse_int(digits: str) -> int:
    if int_too_long(digits) is not None:
        raise _LongInteger(digits)
    return int(digits)


def _long_integer_problem(text: str, digits: str, file: str) -> CaseError:
    """The located error for an over-long integer in JSON ``text``."""
    message = int_too_long(digits) or "integer literal too long"
    offset = max(text.find(digits), 0)
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    starts: dict[tuple[int, int], str] = {}
    try:
        node = yaml.compose(text, Loader=_LineLoader)
        if node is not None:
            _record_lines(node, "", {}, starts=starts)
    except (yaml.YAMLError, RecursionError):  # the path is a help, not a requirement
        starts = {}
    return CaseError(Problem(starts.get((line, column), ""), message, file, line + 1))


def _duplicate_line(text: str) -> int | None:
    try:
        _load_yaml(text, "")
    except CaseError as exc:
        return exc.problems[0].line
    return None
