"""A model's validation errors as :class:`~argmap.errors.Problem` s that read like the file.

pydantic reports a location as a tuple (``('evidence', 3, 'source')``) with the tags it
inserts for discriminated unions, and messages in its own words; a case or scenario
file's reader wants the path as the file spells it (``evidence[3].source``), the line
it starts on, and a message a user can act on. Both the file readers (:mod:`argmap.io`)
and the scenario engine (which validates the changed case again) use this.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from argmap.errors import Problem, line_for

__all__ = ["format_path", "problems_from_validation"]


def format_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """``('evidence', 3, 'source')`` -> ``'evidence[3].source'``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def problems_from_validation(
    error: ValidationError, file: str | None, lines: dict[str, int], data: Any = None
) -> list[Problem]:
    """Turn pydantic's errors into Problems with paths, file and line.

    >>> from pydantic import ValidationError
    >>> from argmap.model import Claim
    >>> try:
    ...     Claim.model_validate({"id": "1", "text": "t"})
    ... except ValidationError as exc:
    ...     print(problems_from_validation(exc, "c.yaml", {"id": 3})[0])
    c.yaml:3: id: '1' is not a valid id: start with a letter, ...
    """
    out = []
    for item in error.errors(include_url=False):
        loc = _data_path(tuple(item["loc"]), item["type"] == "missing", data)
        path = format_path(loc)
        message = str(item["msg"])
        for prefix in ("Value error, ", "Assertion failed, "):
            if message.startswith(prefix):
                message = message[len(prefix) :]
        kind = item["type"]
        if kind == "extra_forbidden":
            message = "unknown field"
        elif kind == "missing":
            message = "required field is missing"
        elif kind == "string_pattern_mismatch" and path.endswith("id"):
            message = (
                f"{item.get('input')!r} is not a valid id: start with a letter, then use "
                "letters, digits, _ . - (64 characters at most)"
            )
        elif kind == "literal_error" and path == "schema_version":
            message = f"unsupported schema_version {item.get('input')!r} (this argmap reads 1)"
        out.append(Problem(path, message, file, line_for(lines, path) if file else None))
    return out


def _data_path(loc: tuple[Any, ...], missing: bool, data: Any) -> tuple[Any, ...]:
    """Drop the parts of pydantic's location that are not in the document (the tags it
    adds for discriminated unions), so paths read like the file."""
    if data is None:
        return loc
    out: list[Any] = []
    current = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(current, dict):
            if part in current:
                out.append(part)
                current = current[part]
            elif last and missing:
                out.append(part)
            # else: a union tag pydantic inserted; skip it
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            out.append(part)
            current = current[part]
        else:
            out.append(part)
            current = None
    return tuple(out)
