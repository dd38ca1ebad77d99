"""The YAML 1.2 core schema for PyYAML: which plain scalars are numbers and booleans.

PyYAML resolves plain scalars by YAML 1.1 rules, under which ``yes``, ``no``, ``on``
and ``off`` are booleans, ``1:30`` is the sexagesimal integer 90 and ``012`` is octal.
A case file means none of that, so :func:`install_core_schema` gives a loader class the
YAML 1.2 core schema instead (the same reading as JSON):

- ``true`` / ``false`` (and their capitalised forms) are booleans, nothing else is;
- ``null``, ``~`` and an empty value are null;
- ``[-+]?[0-9]+``, ``0o17`` and ``0x1F`` are integers; no underscores, no sexagesimal;
- decimal and exponent forms, ``.inf`` and ``.nan`` are floats;
- everything else is text.

Explicit tags other than the core ones (``!!binary``, ``!!set``, ``!!timestamp`` ...)
are refused with the line where they appear, and integers longer than
:data:`MAX_INT_DIGITS` digits are refused rather than handed to ``int()`` (which
raises past 4,300 digits, and no score or weight needs more than a handful).

>>> class Loader(yaml.SafeLoader):
...     pass
>>> install_core_schema(Loader)
>>> yaml.load("a: yes\\nb: 1:30\\nc: 0o17\\nd: true", Loader=Loader)
{'a': 'yes', 'b': '1:30', 'c': 15, 'd': True}
"""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = [
    "MAX_INT_DIGITS",
    "QuotingDumper",
    "ValueRefused",
    "install_core_schema",
    "int_too_long",
]

MAX_INT_DIGITS = 300
"""Most digits an integer literal may have (a float holds at most 309 integer digits)."""

_TAG = "tag:yaml.org,2002:"

# (tag, pattern, first characters) of the YAML 1.2 core schema, section 10.3.2
_RESOLVERS: list[tuple[str, str, str]] = [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
]


class ValueRefused(yaml.constructor.ConstructorError):
    """A scalar or tag the core schema does not accept, marked where its value starts."""


def int_too_long(digits: str) -> str | None:
    """Why the integer literal ``digits`` is refused, or None when it is acceptable.

    >>> int_too_long("12")
    >>> int_too_long("9" * 400)
    'integer literal of 400 digits is too long (at most 300)'
    """
    count = len(digits.lstrip("+-"))
    if count > MAX_INT_DIGITS:
        return f"integer literal of {count} digits is too long (at most {MAX_INT_DIGITS})"
    return None


def _scalar(loader: yaml.BaseLoader, node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise ValueRefused(None, None, f"expected a plain value for {node.tag}", node.start_mark)
    return str(node.value)


def _construct_bool(loader: yaml.BaseLoader, node: yaml.Node) -> bool:
    value = _scalar(loader, node)
    if value.lower() not in {"true", "false"}:
        raise ValueRefused(
            None, None, f"not a boolean: {value!r} (write true or false)", node.start_mark
        )
    return value.lower() == "true"


def _construct_null(loader: yaml.BaseLoader, node: yaml.Node) -> None:
    _scalar(loader, node)
    return None


def _construct_int(loader: yaml.BaseLoader, node: yaml.Node) -> int:
    value = _scalar(loader, node)
    problem = int_too_long(value)
    if problem is not None:
        raise ValueRefused(None, None, problem, node.start_mark)
    try:
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        if not re.fullmatch(r"[-+]?[0-9]+", value):
            raise ValueError(value)
        return int(value, 10)
    except ValueError:
        raise ValueRefused(None, None, f"not an integer: {value!r}", node.start_mark) from None


def _construct_float(loader: yaml.BaseLoader, node: yaml.Node) -> float:
    value = _scalar(loader, node)
    lowered = value.lower()
    if lowered in {".inf", "+.inf"}:
        return float("inf")
    if lowered == "-.inf":
        return float("-inf")
    if lowered == ".nan":
        return float("nan")
    try:
        # float() alone would also take "1_0", "infinity" and "nan"
        if not re.fullmatch(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?", value):
            raise ValueError(value)
        return float(value)
    except ValueError:
        raise ValueRefused(None, None, f"not a number: {value!r}", node.start_mark) from None


def _refuse_tag(loader: yaml.BaseLoader, tag_suffix: str, node: yaml.Node) -> Any:
    raise ValueRefused(None, None, f"the tag {node.tag!r} is not supported", node.start_mark)


def install_core_schema(loader: type[Any]) -> None:
    """Give the loader class ``loader`` the YAML 1.2 core schema (module docstring).

    The class keeps PyYAML's str, seq and map constructors and gets its own tables, so
    other loaders are unaffected.
    """
    loader.yaml_implicit_resolvers = {}
    for name, pattern, first in _RESOLVERS:
        loader.add_implicit_resolver(_TAG + name, re.compile(pattern), list(first))
    # an empty plain scalar is null, as in YAML 1.2 (PyYAML looks it up under "")
    loader.add_implicit_resolver(_TAG + "null", re.compile(r"^$"), [""])
    kept = {
        tag: loader.yaml_constructors[tag]
        for tag in (_TAG + "str", _TAG + "seq", _TAG + "map")
        if tag in loader.yaml_constructors
    }
    loader.yaml_constructors = kept
    loader.add_constructor(_TAG + "bool", _construct_bool)
    loader.add_constructor(_TAG + "null", _construct_null)
    loader.add_constructor(_TAG + "int", _construct_int)
    loader.add_constructor(_TAG + "float", _construct_float)
    loader.yaml_multi_constructors = {}
    # every other tag, explicit or not, is refused where it stands
    loader.add_multi_constructor("", _refuse_tag)
    loader.add_constructor(None, lambda ld, node: _refuse_tag(ld, "", node))


class QuotingDumper(yaml.SafeDumper):
    """A safe dumper that quotes every string a YAML 1.1 *or* 1.2 reader would take for
    something else (``yes``, ``1:30``, ``0E0``, ``2023-04-20``), so what it writes reads
    back as the same text under argmap's core schema and under older readers alike.

    >>> print(yaml.dump({"a": "0E0", "b": "yes", "c": "text"}, Dumper=QuotingDumper), end="")
    a: '0E0'
    b: 'yes'
    c: text
    """


# the emitter quotes a string when a plain scalar would resolve to another tag: with
# both schemas' resolvers, it quotes what either would misread
QuotingDumper.yaml_implicit_resolvers = {
    first: list(resolvers) for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
for _name, _pattern, _first in _RESOLVERS:
    QuotingDumper.add_implicit_resolver(_TAG + _name, re.compile(_pattern), list(_first))
