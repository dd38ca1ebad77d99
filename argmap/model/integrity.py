"""Whole-document checks of a Case: ids, references, relation ends, parameters.

Each check yields a :class:`~argmap.errors.Problem` whose path points at the offending
field (``evidence[3].source``), so a file loader can add the file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from argmap.errors import ExpressionError, Problem
from argmap.model.definedness import expressions_of, undefined_at_values
from argmap.model.expect import BASELINE
from argmap.model.expressions import parse_expression
from argmap.model.parameters import Beta, Choice
from argmap.model.relations import RelationKind
from argmap.model.scheme_checks import scheme_problems
from argmap.vocabulary import GRAPH_KINDS, KIND_OF_SECTION

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model.case import Case

__all__ = ["problems"]

# which kinds of node may stand at each end of each relation
_ORIGINS = set(GRAPH_KINDS)
_TARGETS: dict[RelationKind, set[str]] = {
    RelationKind.SUPPORT: {"claim", "argument"},
    RelationKind.REBUT: {"claim"},
    RelationKind.UNDERMINE: {"claim", "evidence", "event"},
    RelationKind.UNDERCUT: {"argument"},
}
_PREMISE_KINDS = {"claim", "evidence", "event"}


def problems(case: Case) -> list[Problem]:
    """Every integrity problem of ``case`` (empty when the case is sound)."""
    kinds: dict[str, str] = {}
    found = list(_duplicate_ids(case, kinds))
    found += _references(case, kinds)
    found += _relations(case, kinds)
    found += _contraries(case, kinds)
    found += scheme_problems(case, kinds)
    found += _domains(case)
    found += _expressions(case)
    found += _expectations(case, kinds)
    return found


def _expectations(case: Case, kinds: dict[str, str]) -> Iterator[Problem]:
    """The baseline's expectations name claims of the case (a scenario's may name
    claims the scenario adds: ``argmap check`` checks those)."""
    for claim in case.expect.get(BASELINE, {}):
        yield from _expect(kinds, f"expect.{BASELINE}.{claim}", claim, ["claim"], "claim")


def _duplicate_ids(case: Case, kinds: dict[str, str]) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for section, kind in KIND_OF_SECTION.items():
        for i, node in enumerate(getattr(case, section)):
            path = f"{section}[{i}].id"
            if node.id in first:
                yield Problem(path, f"duplicate id {node.id!r} (first at {first[node.id]})")
                continue
            first[node.id] = path
            kinds[node.id] = kind
    seen: dict[str, int] = {}
    for i, parameter in enumerate(case.parameters):
        if parameter.id in seen:
            yield Problem(
                f"parameters[{i}].id",
                f"duplicate parameter {parameter.id!r} (first at parameters[{seen[parameter.id]}])",
            )
        elif parameter.id in first:
            yield Problem(
                f"parameters[{i}].id",
                f"parameter {parameter.id!r} has the same name as a node ({first[parameter.id]})",
            )
        seen.setdefault(parameter.id, i)


def _expect(
    kinds: dict[str, str], path: str, ref: str | None, allowed: Iterable[str], what: str
) -> Iterator[Problem]:
    if ref is None:
        return
    kind = kinds.get(ref)
    allowed = set(allowed)
    if kind is None:
        yield Problem(path, f"unknown {what} {ref!r}")
    elif kind not in allowed:
        names = sorted(allowed)
        want = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        yield Problem(path, f"{ref!r} is {_a(kind)}, but {what} must be {_a(want)}")


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _references(case: Case, kinds: dict[str, str]) -> Iterator[Problem]:
    for i, claim in enumerate(case.claims):
        yield from _expect(kinds, f"claims[{i}].issue", claim.issue, {"issue"}, "issue")
        yield from _expect(kinds, f"claims[{i}].asserted_by", claim.asserted_by, {"party"}, "party")
    for i, ev in enumerate(case.evidence):
        yield from _expect(kinds, f"evidence[{i}].source", ev.source, {"source"}, "source")
        yield from _expect(kinds, f"evidence[{i}].asserted_by", ev.asserted_by, {"party"}, "party")
    for i, arg in enumerate(case.arguments):
        path = f"arguments[{i}]"
        yield from _expect(kinds, f"{path}.conclusion", arg.conclusion, {"claim"}, "conclusion")
        for j, premise in enumerate(arg.premises):
            yield from _expect(kinds, f"{path}.premises[{j}]", premise, _PREMISE_KINDS, "premise")
            if premise == arg.conclusion:
                yield Problem(f"{path}.premises[{j}]", "an argument cannot conclude its premise")
        yield from _expect(kinds, f"{path}.precedent", arg.precedent, {"precedent"}, "precedent")
        yield from _expect(kinds, f"{path}.asserted_by", arg.asserted_by, {"party"}, "party")
    for i, precedent in enumerate(case.precedents):
        for j, factor in enumerate(precedent.factors):
            yield from _expect(kinds, f"precedents[{i}].factors[{j}]", factor, {"factor"}, "factor")
        for j, source in enumerate(precedent.sources):
            yield from _expect(kinds, f"precedents[{i}].sources[{j}]", source, {"source"}, "source")
    for i, event in enumerate(case.events):
        for j, source in enumerate(event.sources):
            yield from _expect(kinds, f"events[{i}].sources[{j}]", source, {"source"}, "source")
        yield from _expect(kinds, f"events[{i}].party", event.party, {"party"}, "party")
        for j, disputed in enumerate(event.disputed_dates):
            yield from _expect(
                kinds,
                f"events[{i}].disputed_dates[{j}].source",
                disputed.source,
                {"source"},
                "source",
            )


def _relations(case: Case, kinds: dict[str, str]) -> Iterator[Problem]:
    seen: dict[tuple[str, str, str], int] = {}
    named: dict[str, int] = {}
    for i, rel in enumerate(case.relations):
        if rel.id is None:
            continue
        if rel.id in kinds:
            yield Problem(f"relations[{i}].id", f"{rel.id!r} is already a node's id")
        elif rel.id in named:
            yield Problem(f"relations[{i}].id", f"same id as relations[{named[rel.id]}]")
        named.setdefault(rel.id, i)
    for i, rel in enumerate(case.relations):
        path = f"relations[{i}]"
        yield from _expect(kinds, f"{path}.from", rel.origin, _ORIGINS, "origin")
        if rel.target in named and rel.target not in kinds:
            target = case.relations[named[rel.target]]
            if rel.kind is not RelationKind.UNDERCUT:
                yield Problem(f"{path}.to", "only an undercut can target a relation")
            elif named[rel.target] == i:
                yield Problem(f"{path}.to", "a relation cannot target itself")
            elif target.target in named and target.target not in kinds:
                yield Problem(f"{path}.to", "the relation it targets targets a relation itself")
        else:
            yield from _expect(
                kinds, f"{path}.to", rel.target, _TARGETS[rel.kind], f"{rel.kind.value} target"
            )
        if rel.kind is RelationKind.SUPPORT and rel.origin == rel.target:
            yield Problem(f"{path}.to", "a node cannot support itself")
        key = (rel.kind.value, rel.origin, rel.target)
        if key in seen:
            yield Problem(path, f"same {rel.kind.value} as relations[{seen[key]}]")
        seen.setdefault(key, i)


def _contraries(case: Case, kinds: dict[str, str]) -> Iterator[Problem]:
    seen: dict[frozenset[str], int] = {}
    for i, exclusion in enumerate(case.contraries):
        path = f"contraries[{i}].claims"
        for j, claim in enumerate(exclusion.claims):
            yield from _expect(kinds, f"{path}[{j}]", claim, {"claim"}, "claim")
        first, second = exclusion.claims
        if first == second:
            yield Problem(path, "a claim cannot exclude itself")
        key = frozenset(exclusion.claims)
        if key in seen:
            yield Problem(path, f"the same two claims as contraries[{seen[key]}]")
        seen.setdefault(key, i)


def _domains(case: Case) -> Iterator[Problem]:
    """Each parameter's value and distribution inside its domain (default [0, 1])."""

    for i, parameter in enumerate(case.parameters):
        low, high = parameter.bounds
        where = f"the parameter's domain [{low:g}, {high:g}]"
        path = f"parameters[{i}]"
        if not low <= parameter.value <= high:
            yield Problem(f"{path}.value", f"{parameter.value:g} is outside {where}")
        d = parameter.distribution
        if d is None:
            continue
        if isinstance(d, Beta):
            if low > 0.0 or high < 1.0:
                yield Problem(
                    f"{path}.distribution", f"a beta distribution on [0, 1] exceeds {where}"
                )
        elif isinstance(d, Choice):
            for j, value in enumerate(d.values):
                if not low <= value <= high:
                    yield Problem(
                        f"{path}.distribution.values[{j}]", f"{value:g} is outside {where}"
                    )
        else:
            if d.low < low:
                yield Problem(f"{path}.distribution.low", f"{d.low:g} is below {where}")
            if d.high > high:
                yield Problem(f"{path}.distribution.high", f"{d.high:g} is above {where}")


def _expressions(case: Case) -> Iterator[Problem]:
    known = {p.id: p for p in case.parameters}
    for path, value in expressions_of(case):
        if isinstance(value, str):
            try:
                parse_expression(value, known)
            except ExpressionError as exc:
                yield Problem(path, str(exc))
    # an expression that cannot be evaluated at the declared values would stop every
    # evaluation of the case: an error here, where the file and line are known
    yield from undefined_at_values(case)
