"""Writing case documents as block-style YAML, fast for long lists and byte-identical.

PyYAML's pure-Python emitter costs tens of microseconds per scalar, so writing a
case of 10^5 relations took over a minute. libyaml's emitter (PyYAML's C binding) is
several times faster but does not always produce the same text: it folds long quoted
strings elsewhere, escapes characters outside the Basic Multilingual Plane, and ends a
document whose last string keeps trailing newlines with ``...``. A file argmap writes
should not depend on which emitter happened to run, so the choice is made per list
item:

- the top-level mapping is written key by key; a long list under a key is written as
  its ``key:`` line followed by its items dumped as lists, one run of neighbouring
  items at a time, which is exactly the text the whole-document dump gives for them
  (block sequences under a mapping key are not indented);
- an item whose strings are all short, single-line and made of plain printable
  characters (:func:`_plain`) goes through libyaml, where both emitters agree;
  anything else goes through the Python emitter.

``tests/io/test_yamlwrite.py`` checks, over random documents, that the text is the
same as the whole-document Python dump.

>>> print(dump_yaml({"title": "demo", "claims": [{"id": "C1", "text": "x"}]}), end="")
title: demo
claims:
- id: C1
  text: x
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby
from typing import Any

import yaml

from argmap.io.yaml_schema import QuotingDumper

__all__ = ["dump_yaml"]

_OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "width": 100,
    "default_flow_style": False,
}

# Where the two emitters were seen to agree (see the module docstring): printable ASCII
# and Latin letters, one line, short enough never to be folded at width 100.
_PLAIN_TEXT = re.compile(r"[ -~\u00c0-\u017f]{0,60}")
_KEY = re.compile(r"[a-z_]{1,40}")
_LONG_LIST = 32


# YAML counts NEL and the Unicode line and paragraph separators as line breaks: in the
# plain, single-quoted and literal styles PyYAML writes them raw and reading folds them
# (NEL becomes a space). Only the double-quoted style escapes them (\N, \L, \P).
_YAML_BREAKS = frozenset("\x85\u2028\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if _YAML_BREAKS.intersection(value):
        style = '"'
    elif "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Dumper(QuotingDumper):
    """Block-style YAML with multi-line strings as literal blocks, quoting every string
    a YAML 1.1 or 1.2 reader would take for something else."""


_Dumper.add_representer(str, _represent_str)

_FastBase: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _FastDumper(_FastBase):  # type: ignore[misc]
    """The same representation, emitted by libyaml when it is present."""


# the same quoting decisions as the Python dumper: its resolvers decide what is quoted
_FastDumper.yaml_implicit_resolvers = {
    first: list(resolvers) for first, resolvers in QuotingDumper.yaml_implicit_resolvers.items()
}


_FastDumper.add_representer(str, _represent_str)


def _plain(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` holds only scalars both emitters write the same way."""
    if depth > 8:
        return False
    if isinstance(value, str):
        return _PLAIN_TEXT.fullmatch(value) is not None
    if value is None or isinstance(value, (bool, int, float)):
        return True
    if isinstance(value, dict):
        return all(
            isinstance(k, str) and _KEY.fullmatch(k) is not None and _plain(v, depth + 1)
            for k, v in value.items()
        )
    if isinstance(value, list):
        return all(_plain(v, depth + 1) for v in value)
    return False


def _dump(data: Any, dumper: type[yaml.SafeDumper]) -> str:
    text: str = yaml.dump(data, Dumper=dumper, **_OPTIONS)
    return text


def _shares_containers(data: Any) -> bool:
    """Whether one list or dict object occurs twice in ``data`` (never so in a case
    document made by ``model_dump``, which builds fresh containers)."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, (dict, list)):
            if id(value) in seen:
                return True
            seen.add(id(value))
            stack.extend(value.values() if isinstance(value, dict) else value)
    return False


def _dump_items(items: list[Any]) -> Iterator[str]:
    """The text of each run of ``items`` that share an emitter (as a block sequence)."""
    for plain, run in groupby(items, key=_plain):
        yield _dump(list(run), _FastDumper if plain else _Dumper)


def dump_yaml(data: dict[str, Any]) -> str:
    """``data`` as block-style YAML (key order kept, multi-line strings as ``|``).

    The same text as one ``yaml.dump`` with the Python emitter, written faster when the
    document has long lists (see the module docstring).
    """
    if _shares_containers(data):
        # PyYAML writes a list or mapping met twice as an anchor and aliases, which
        # only the whole-document dump places consistently
        return _dump(data, _Dumper)
    parts: list[str] = []
    small: dict[str, Any] = {}

    def flush() -> None:
        if small:
            parts.append(_dump(dict(small), _Dumper))
            small.clear()

    for key, value in data.items():
        long_list = isinstance(value, list) and len(value) >= _LONG_LIST
        if not (long_list and isinstance(key, str) and _KEY.fullmatch(key)):
            small[key] = value
            continue
        flush()
        parts.append(f"{key}:\n")
        parts.extend(_dump_items(value))
    flush()
    if not parts or any(part.endswith("...\n") for part in parts):
        # a string keeping its trailing newlines ends its part with "...", which the
        # whole document writes only at its very end: write it whole
        return _dump(data, _Dumper)
    return "".join(parts)
