"""Abstract frameworks (ICCMA files) to and from a Case.

An abstract framework (Dung 1995) knows arguments and attacks, nothing else, so the
two directions are deliberately simple:

- :func:`af_to_case`: each argument becomes a claim (its name as the text; the id is the
  name when that is a valid id, else ``a<name>``, so ICCMA's ``1 .. n`` become
  ``a1 .. an``), each attack a rebut. Evaluating that case under a Dung semantics gives
  the framework's own extensions.
- :func:`case_to_af`: the Dung projection of the compiled case,
  :meth:`argmap.semantics.compile.Framework.abstract` (direct attacks plus the
  secondary attacks that conjunctive premises imply; see that module). Its argument
  names are the case's node ids. Everything that is not an attack (supports, weights,
  scores, evidence sources, parameters, proof standards) is dropped.

>>> from argmap.semantics.dung.af import AF
>>> af = AF.from_pairs(["a", "b"], [("a", "b")])
>>> case = af_to_case(af)
>>> [(r.kind.value, r.origin, r.target) for r in case.relations]
[('rebut', 'a', 'b')]
>>> case_to_af(case) == af
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.model import Case, Claim, Relation, RelationKind
from argmap.semantics.compile import compile_case
from argmap.vocabulary import is_id

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.dung.af import AF

__all__ = ["af_to_case", "case_to_af", "claim_ids"]


def claim_ids(names: tuple[str, ...]) -> list[str]:
    """The claim id :func:`af_to_case` gives each argument name (unique, valid ids)."""
    out: list[str] = []
    taken: set[str] = set()
    for name in names:
        base = name if is_id(name) else "a" + re.sub(r"[^A-Za-z0-9_.\-]", "_", name)
        base = base[:60]
        candidate, k = base, 2
        while candidate in taken:
            candidate, k = f"{base}_{k}", k + 1
        taken.add(candidate)
        out.append(candidate)
    return out


def af_to_case(af: AF, title: str = "Abstract argumentation framework") -> Case:
    """A Case with one claim per argument and one rebut per attack.

    Built without per-node validation (the ids are made valid and unique here, and a
    rebut between two claims is always well formed), so a benchmark framework with
    tens of thousands of arguments converts in well under a second.
    """
    ids = claim_ids(af.names)
    claims = [
        Claim.model_construct(id=i, text=(name.strip() or i)[:4000], tags=[])
        for i, name in zip(ids, af.names, strict=True)
    ]
    relations = [
        Relation.model_construct(kind=RelationKind.REBUT, origin=ids[s], target=ids[d])
        for s, d in zip(af.src.tolist(), af.dst.tolist(), strict=True)
    ]
    fields = {"title": title[:300], "claims": claims, "relations": relations}
    return Case.model_construct(**fields)  # type: ignore[arg-type]


def case_to_af(case: Case, values: Mapping[str, float] | None = None) -> AF:
    """The Dung projection of ``case`` (names are node ids); see the module docstring."""

    return compile_case(case, values).abstract()
