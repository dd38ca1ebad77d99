"""The catalogue of argumentation schemes: the shipped data file, and a case's own.

The shipped schemes are in ``argmap/data/schemes.json`` (package data), read once with
pydantic's JSON parser and validated strictly as :class:`Catalogue` (JSON, not YAML:
the model layer reads no file formats of its own, and the standard parser needs no
file code from ``argmap.io``). A case extends the
catalogue in its ``schemes:`` section; a case scheme with the id of a shipped one
replaces it for that case.

An argument names its scheme by **id** (``scheme: expert_opinion``): only an id links
an argument to the catalogue, so free-text scheme names such as ``from sign`` stay
labels and add no critical questions. :func:`scheme_named` also reads names and
aliases (``Argument From Expert Opinion``), for importers of other tools' files.

>>> "expert_opinion" in catalogue()
True
>>> scheme_named("Argument From Expert Opinion").id
'expert_opinion'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from argmap.model.schemes import Scheme
from argmap.model.values import STRICT, SchemaVersion

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model.case import Case

__all__ = ["CATALOGUE_FILE", "Catalogue", "catalogue", "scheme_named", "schemes_of"]

CATALOGUE_FILE = "schemes.json"
"""The shipped catalogue's file name in the ``argmap.data`` package."""


class Catalogue(BaseModel):
    """A file of schemes: the shipped catalogue has this shape."""

    model_config = STRICT
    about: str = ""
    """What the file is and where its schemes come from (JSON has no comments)."""
    schema_version: SchemaVersion = 1
    schemes: list[Scheme] = Field(default_factory=list)


@cache
def _shipped() -> tuple[Scheme, ...]:
    raw = resources.files("argmap.data").joinpath(CATALOGUE_FILE).read_bytes()
    return tuple(Catalogue.model_validate_json(raw).schemes)


def catalogue() -> dict[str, Scheme]:
    """The shipped schemes by id, in file order.

    >>> [q.id for q in catalogue()["sign"].questions]
    ['strength', 'other_cause']
    """
    return {scheme.id: scheme for scheme in _shipped()}


def schemes_of(case: Case) -> dict[str, Scheme]:
    """The schemes ``case`` can use: the catalogue, extended (or overridden by id) by
    the case's own ``schemes:``.

    >>> from argmap.model import Case
    >>> len(schemes_of(Case(title="t"))) == len(catalogue())
    True
    """
    found = catalogue()
    found.update((scheme.id, scheme) for scheme in case.schemes)
    return found


_SPACING = re.compile(r"[\s_\-]+")


def _key(name: str) -> str:
    return _SPACING.sub(" ", name.strip().lower())


def scheme_named(name: str, schemes: Mapping[str, Scheme] | None = None) -> Scheme | None:
    """The scheme whose id, name or alias is ``name`` (case, spaces, ``_`` and ``-``
    ignored), or None; ``schemes`` defaults to the catalogue.

    >>> scheme_named("cause to effect").id
    'cause_to_effect'
    >>> scheme_named("Default Inference") is None
    True
    """
    pool = catalogue() if schemes is None else schemes
    wanted = _key(name)
    for scheme in pool.values():
        if wanted in {_key(scheme.id), _key(scheme.name), *(_key(a) for a in scheme.aliases)}:
            return scheme
    return None
