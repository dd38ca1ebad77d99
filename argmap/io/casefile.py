"""Case files: load and save a Case as YAML or JSON, with exact round trips.

>>> from argmap.model import Case, Claim
>>> case = Case(title="demo", claims=[Claim(id="C1", text="The data was licensed")])
>>> loads(dumps(case)) == case
True
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from argmap.errors import CaseError, Problem
from argmap.io.atomic import write_atomic
from argmap.io.gcpause import paused_gc
from argmap.io.locations import MAX_BYTES, load_with_lines
from argmap.io.yamlwrite import dump_yaml
from argmap.model import Case
from argmap.model.origins import remember
from argmap.model.problems import problems_from_validation

__all__ = [
    "document_to_data",
    "dumps",
    "format_for",
    "load",
    "load_model",
    "loads",
    "problems_from_validation",
    "save",
    "validate_strictly",
]

M = TypeVar("M", bound=BaseModel)


def format_for(path: str | os.PathLike[str]) -> str:
    """``'json'`` for ``.json`` files, otherwise ``'yaml'``."""
    return "json" if str(path).lower().endswith(".json") else "yaml"


def load_model(model: type[M], data: Any, file: str | None, lines: dict[str, int]) -> M:
    """Validate plain ``data`` as ``model``; every problem names file and line."""
    if not isinstance(data, dict):
        raise CaseError(Problem("", "the document must be a mapping", file, 1 if file else None))
    try:
        with paused_gc():
            return validate_strictly(model, data)
    except ValidationError as exc:
        raise CaseError(problems_from_validation(exc, file, lines, data)) from None
    except CaseError as exc:
        raise exc.located(file, lines) if file else exc from None


def validate_strictly(model: type[M], data: dict[str, Any]) -> M:
    """``data`` as ``model`` under pydantic's strict JSON rules: the one typing rule of
    every file argmap reads.

    A file's values are JSON's (the YAML loader reads the YAML 1.2 core schema), and
    they are checked in strict mode, so nothing is coerced: ``"0.2"`` is not a number,
    ``"yes"`` and ``1`` are not booleans, ``true`` is not a number. Enumerations and
    dates are read from their text, as JSON spells them.

    >>> from argmap.model import Parameter
    >>> validate_strictly(Parameter, {"id": "w", "value": 1}).value
    1.0
    >>> validate_strictly(Parameter, {"id": "w", "value": "0.2"})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Parameter
    value
      Input should be a valid number [type=float_type, input_value='0.2', input_type=str]
    ...
    """
    text = json.dumps(data, ensure_ascii=False, default=_as_json)
    return model.model_validate_json(text, strict=True)


def _as_json(value: object) -> object:
    """Values a converter may leave in built data, as a file would spell them."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a value a case file can hold")


def loads(text: str | bytes, fmt: str = "yaml", file: str = "<string>") -> Case:
    """Parse a case from YAML or JSON text."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    data, lines = load_with_lines(raw, file, fmt)
    case = load_model(Case, data, file, lines)
    remember(case, file, lines)  # later problems (an evaluation that fails) name the line
    return case


def load(path: str | os.PathLike[str]) -> Case:
    """Load and validate a case file (``.yaml``, ``.yml`` or ``.json``).

    Raises
    ------
    CaseError
        Every problem found, each as ``file:line: path: message``.
    """
    raw = read_bytes(path)
    return loads(raw, format_for(path), str(path))


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, refusing missing, non-regular and oversized files clearly."""
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise CaseError(Problem("", "not a regular file", name))
        if size > MAX_BYTES:
            raise CaseError(
                Problem("", f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB", name)
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise CaseError(Problem("", "no such file", name)) from None
    except IsADirectoryError:
        raise CaseError(Problem("", "is a directory, not a file", name)) from None
    except PermissionError:
        raise CaseError(Problem("", "permission denied", name)) from None


def document_to_data(model: BaseModel) -> dict[str, Any]:
    """The plain data of a model as written to files (aliases, no defaults)."""
    return model.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def dumps_data(data: dict[str, Any], fmt: str = "yaml") -> str:
    """Serialise plain data as YAML (block style, order kept) or JSON."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    with paused_gc():
        return dump_yaml(data)


def dumps(case: BaseModel, fmt: str = "yaml") -> str:
    """A case (or any argmap document model) as YAML or JSON text."""
    with paused_gc():
        return dumps_data(document_to_data(case), fmt)


def save(case: BaseModel, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Write a case to ``path`` atomically, as JSON for ``.json`` and YAML otherwise."""
    return write_atomic(path, dumps(case, fmt or format_for(path)))
