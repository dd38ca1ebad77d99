"""Checks of the arguments that use argumentation schemes.

Errors (:func:`scheme_problems`, part of the case's integrity): a case scheme listed
twice; ``roles`` or ``questions`` on an argument whose scheme is not a known scheme
id; a role or question the scheme does not have; a role filled by something that is
not one of the argument's premises; a question answered by something that is not an
item of evidence or a claim.

Warnings (:func:`unfilled_roles`, printed by ``argmap validate``): an argument of a
known scheme that leaves a required role unfilled, so the map does not show the
premise the scheme rests on.

>>> from argmap.model import Case, Claim, Argument
>>> case = Case(title="t", claims=[Claim(id="C", text="c"), Claim(id="P", text="p")],
...             arguments=[Argument(id="A", conclusion="C", premises=["P"],
...                                 scheme="sign", roles={"sign": "P"})])
>>> unfilled_roles(case)
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from argmap.errors import Problem
from argmap.model.catalogue import schemes_of
from argmap.model.schemes import Scheme

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model.case import Case

__all__ = ["scheme_problems", "unfilled_roles"]

_ANSWER_KINDS = {"claim", "evidence"}


def _names(items: list[str]) -> str:
    return ", ".join(items) if items else "none"


def scheme_problems(case: Case, kinds: Mapping[str, str]) -> Iterator[Problem]:
    """Every error in the case's schemes and in the arguments that use them;
    ``kinds`` maps each node id to its kind.

    Examples
    --------
    >>> from argmap.model import Argument, Case, Claim
    >>> case = Case.model_construct(
    ...     title="t", schemes=[], claims=[Claim(id="C", text="c")],
    ...     arguments=[Argument(id="A", conclusion="C", premises=["C"], scheme="sign",
    ...                         roles={"omen": "C"})])
    >>> [str(p) for p in scheme_problems(case, {"C": "claim", "A": "argument"})]
    ["arguments[0].roles.omen: scheme sign has no role 'omen' (its roles: sign)"]
    """
    seen: dict[str, int] = {}
    for i, own in enumerate(case.schemes):
        if own.id in seen:
            yield Problem(f"schemes[{i}].id", f"same id as schemes[{seen[own.id]}]")
        seen.setdefault(own.id, i)
    schemes = schemes_of(case)
    for i, arg in enumerate(case.arguments):
        path = f"arguments[{i}]"
        scheme = schemes.get(arg.scheme)
        if scheme is None:
            if arg.roles or arg.questions:
                yield Problem(
                    f"{path}.scheme",
                    f"{arg.scheme!r} is not a scheme id, so it has no roles or critical "
                    "questions (`argmap schemes` lists the ids; a case adds its own "
                    "under schemes:)",
                )
            continue
        yield from _roles(scheme, arg.roles, arg.premises, path)
        for question, state in arg.questions.items():
            where = f"{path}.questions.{question}"
            if scheme.question(question) is None:
                known = _names([q.id for q in scheme.questions])
                yield Problem(
                    where,
                    f"scheme {scheme.id} has no critical question "
                    f"{question!r} (its questions: {known})",
                )
            if state.by is not None:
                kind = kinds.get(state.by)
                if kind is None:
                    yield Problem(f"{where}.by", f"unknown answer {state.by!r}")
                elif kind not in _ANSWER_KINDS:
                    yield Problem(
                        f"{where}.by",
                        f"{state.by!r} is a {kind}, but an answer must be evidence or a claim",
                    )


def _roles(
    scheme: Scheme, roles: Mapping[str, str], premises: list[str], path: str
) -> Iterator[Problem]:
    for role, premise in roles.items():
        where = f"{path}.roles.{role}"
        if scheme.role(role) is None:
            known = _names([r.id for r in scheme.roles])
            yield Problem(where, f"scheme {scheme.id} has no role {role!r} (its roles: {known})")
        elif premise not in premises:
            yield Problem(where, f"{premise!r} is not one of this argument's premises")


def unfilled_roles(case: Case) -> list[Problem]:
    """Warnings: each required role of a known scheme that an argument leaves
    unfilled (an argument from precedent may leave its roles to the precedent)."""
    schemes = schemes_of(case)
    out: list[Problem] = []
    for i, arg in enumerate(case.arguments):
        scheme = schemes.get(arg.scheme)
        if scheme is None or arg.precedent is not None:
            continue
        missing = [r.id for r in scheme.roles if r.required and r.id not in arg.roles]
        if missing:
            out.append(
                Problem(
                    f"arguments[{i}].roles" if arg.roles else f"arguments[{i}].scheme",
                    f"warning: no premise fills the {scheme.id} role(s) {', '.join(missing)} "
                    "(map them under roles:)",
                )
            )
    return out
