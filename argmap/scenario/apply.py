"""Applying a scenario: interventions in order on a copy of the case, validated again.

The base case is never touched: the case is dumped to plain data, each intervention
edits that data, and the result is validated as a new :class:`~argmap.model.Case`.
Each intervention is checked as it is applied (unknown ids, wrong kinds, unknown
parameters in expressions); a problem is reported against the scenario document
(``scenarios/x.yaml:12: interventions[2].node: unknown node 'E9'``).

Removing things cascades, so that the result is always a valid case:

- a removed node takes every relation from or to it;
- a removed premise is dropped from the premises of each argument using it, and an
  argument left with neither premises nor a precedent is removed too (an inference
  from nothing is no argument); an argument whose conclusion is removed goes as well;
- a removed precedent leaves its arguments without ``precedent``/``applies_if`` (those
  with no premises go); removed factors leave the precedents' factor lists;
- a removed source (``drop_source``, or ``remove_node`` on a source) takes all its
  evidence, and leaves the source lists of precedents and events;
- a removed party or issue is cleared from ``asserted_by``, ``party`` and ``issue``;
- a removed premise leaves the scheme role it filled unfilled, and a removed answer
  reopens the critical questions it answered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from argmap.errors import CaseError, ExpressionError, Problem, ScenarioError
from argmap.model import Case, parse_expression
from argmap.model.problems import problems_from_validation
from argmap.scenario.model import (
    AddNode,
    AddPrecedent,
    AddRelation,
    DecidePrecedent,
    DropSource,
    RemoveNode,
    RemoveRelation,
    Scenario,
    SetFactor,
    SetParameter,
    SetQuestion,
    SetScore,
    SetStandard,
    SetWeight,
)
from argmap.vocabulary import KIND_OF_SECTION, NODE_SECTIONS, SCORE_FIELD, SECTION_OF_KIND

__all__ = ["apply_scenario", "remove_nodes"]

Data = dict[str, Any]


class _Failed(Exception):
    """One intervention cannot be applied; carries the problem (path in the scenario)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def apply_scenario(case: Case, scenario: Scenario) -> Case:
    """A new case: ``case`` with the scenario's interventions applied in order.

    Parameters
    ----------
    case : Case
        The base case; it is not modified.
    scenario : Scenario
        The interventions to apply.

    Returns
    -------
    Case
        The changed case, validated like a case file.

    Raises
    ------
    ScenarioError
        An intervention names something that is not there, or would make the case
        invalid; the problem names the scenario file, line and intervention.

    Examples
    --------
    >>> from argmap.model import Case, Claim
    >>> base = Case(title="t", claims=[Claim(id="C1", text="x"), Claim(id="C2", text="y")])
    >>> s = Scenario(name="s", question="q?", interventions=[{"op": "remove_node",
    ...                                                      "node": "C2"}])
    >>> [c.id for c in apply_scenario(base, s).claims], [c.id for c in base.claims]
    (['C1'], ['C1', 'C2'])
    """
    data = case.model_dump(mode="python", by_alias=True)
    # the case's expected outcomes are about the runs it names, not the changed case
    data.pop("expect", None)
    moved: list[dict[str, str]] = []
    try:
        for i, intervention in enumerate(scenario.interventions):
            moved.append(_HANDLERS[intervention.op](data, intervention, f"interventions[{i}]"))
    except _Failed as exc:
        raise _error(scenario, [(exc.path, exc.message)]) from None
    try:
        return Case.model_validate(data)
    except (CaseError, ValidationError):
        pass
    # the result is invalid: replay one step at a time to blame the right intervention
    data = case.model_dump(mode="python", by_alias=True)
    data.pop("expect", None)
    for i, intervention in enumerate(scenario.interventions):
        path = f"interventions[{i}]"
        _HANDLERS[intervention.op](data, intervention, path)
        found = _problems(data)
        if found:
            raise _error(scenario, [_blame(p, path, moved[i]) for p in found])
    raise AssertionError("unreachable: the replay must fail where the whole run did")


def _problems(data: Data) -> list[Problem]:
    try:
        Case.model_validate(data)
    except CaseError as exc:
        return exc.problems
    except ValidationError as exc:
        return problems_from_validation(exc, None, {}, data)
    return []


def _blame(problem: Problem, path: str, moved: dict[str, str]) -> tuple[str, str]:
    # a problem inside something this intervention added points at its own field
    for case_prefix, scenario_prefix in moved.items():
        if problem.path == case_prefix or problem.path.startswith(
            (case_prefix + ".", case_prefix + "[")
        ):
            return scenario_prefix + problem.path[len(case_prefix) :], problem.message
    return path, f"the case would be invalid: {problem.path}: {problem.message}"


def _error(scenario: Scenario, found: list[tuple[str, str]]) -> ScenarioError:
    return ScenarioError(
        [Problem(path, message, scenario.file, scenario.line_of(path)) for path, message in found]
    )


# -- lookup -------------------------------------------------------------------------


def _find(data: Data, node_id: str) -> tuple[str, int] | None:
    for section in NODE_SECTIONS:
        for i, item in enumerate(data[section]):
            if item["id"] == node_id:
                return section, i
    return None


def _node(data: Data, node_id: str, path: str, *kinds: str) -> tuple[str, Data]:
    """The kind and data of node ``node_id``; fails unless it exists (and is of ``kinds``)."""
    found = _find(data, node_id)
    if found is None:
        what = kinds[0] if len(kinds) == 1 else "node"
        raise _Failed(path, f"unknown {what} {node_id!r}")
    section, i = found
    kind = KIND_OF_SECTION[section]
    if kinds and kind not in kinds:
        want = " or ".join(kinds)
        raise _Failed(path, f"{node_id!r} is {_a(kind)}, not {_a(want)}")
    item: Data = data[section][i]
    return kind, item


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _check_expression(data: Data, value: float | str, path: str) -> None:
    if isinstance(value, str):
        known = {p["id"]: p for p in data["parameters"]}
        try:
            parse_expression(value, known)
        except ExpressionError as exc:
            raise _Failed(path, str(exc)) from None


def _new_id(data: Data, node_id: str, path: str) -> None:
    if _find(data, node_id) is not None:
        raise _Failed(path, f"id {node_id!r} is already in the case")


# -- the interventions ----------------------------------------------------------------


def _set_parameter(data: Data, op: SetParameter, path: str) -> dict[str, str]:
    for k, item in enumerate(data["parameters"]):
        if item["id"] == op.parameter:
            if op.value is not None:
                item["value"] = op.value
            if op.distribution is not None:
                item["distribution"] = op.distribution.model_dump(mode="python")
            # a value or draw outside the parameter's domain is this op's doing
            return {f"parameters[{k}]": path}
    raise _Failed(f"{path}.parameter", f"unknown parameter {op.parameter!r}")


def _set_weight(data: Data, op: SetWeight, path: str) -> dict[str, str]:
    _check_expression(data, op.value, f"{path}.value")
    if op.node is not None:
        _, item = _node(data, op.node, f"{path}.node", "argument")
        item["weight"] = op.value
        return {}
    assert op.relation is not None
    hits = [r for r in data["relations"] if _matches(op.relation, r)]
    if not hits:
        raise _Failed(f"{path}.relation", f"no relation {op.relation.describe()} in the case")
    for relation in hits:
        relation["weight"] = op.value
    return {}


def _matches(ref: Any, relation: Data) -> bool:
    return bool(
        relation["from"] == ref.origin
        and relation["to"] == ref.target
        and (ref.kind is None or relation["kind"] == ref.kind)
    )


def _set_score(data: Data, op: SetScore, path: str) -> dict[str, str]:
    _check_expression(data, op.value, f"{path}.value")
    kind, item = _node(data, op.node, f"{path}.node", *SCORE_FIELD)
    item[SCORE_FIELD[kind]] = op.value
    return {}


def _add_node(data: Data, op: AddNode, path: str) -> dict[str, str]:
    spec = op.node
    _new_id(data, spec.id, f"{path}.node.id")
    section = SECTION_OF_KIND[spec.kind]
    data[section].append(spec.model_dump(mode="python", by_alias=True, exclude={"kind"}))
    return {f"{section}[{len(data[section]) - 1}]": f"{path}.node"}


def _remove_node(data: Data, op: RemoveNode, path: str) -> dict[str, str]:
    _node(data, op.node, f"{path}.node")
    remove_nodes(data, {op.node})
    return {}


def _add_relation(data: Data, op: AddRelation, path: str) -> dict[str, str]:
    relation = op.relation
    for end, node_id in (("from", relation.origin), ("to", relation.target)):
        if _find(data, node_id) is None:
            raise _Failed(f"{path}.relation.{end}", f"unknown node {node_id!r}")
    if relation.weight is not None:
        _check_expression(data, relation.weight, f"{path}.relation.weight")
    data["relations"].append(relation.model_dump(mode="python", by_alias=True))
    return {f"relations[{len(data['relations']) - 1}]": f"{path}.relation"}


def _remove_relation(data: Data, op: RemoveRelation, path: str) -> dict[str, str]:
    kept = [r for r in data["relations"] if not _matches(op.relation, r)]
    if len(kept) == len(data["relations"]):
        raise _Failed(f"{path}.relation", f"no relation {op.relation.describe()} in the case")
    data["relations"] = kept
    return {}


def _decide_precedent(data: Data, op: DecidePrecedent, path: str) -> dict[str, str]:
    _, item = _node(data, op.precedent, f"{path}.precedent", "precedent")
    if item["status"] == "decided":
        raise _Failed(
            f"{path}.precedent",
            f"precedent {op.precedent!r} is already decided (for {item['outcome']})",
        )
    item["status"] = "decided"
    item["outcome"] = op.outcome.value
    return {}


def _add_precedent(data: Data, op: AddPrecedent, path: str) -> dict[str, str]:
    moved: dict[str, str] = {}
    _new_id(data, op.precedent.id, f"{path}.precedent.id")
    for j, factor in enumerate(op.factors):
        _new_id(data, factor.id, f"{path}.factors[{j}].id")
        data["factors"].append(factor.model_dump(mode="python", by_alias=True))
        moved[f"factors[{len(data['factors']) - 1}]"] = f"{path}.factors[{j}]"
    data["precedents"].append(op.precedent.model_dump(mode="python", by_alias=True))
    moved[f"precedents[{len(data['precedents']) - 1}]"] = f"{path}.precedent"
    for j, argument in enumerate(op.arguments):
        _new_id(data, argument.id, f"{path}.arguments[{j}].id")
        if argument.weight is not None:
            _check_expression(data, argument.weight, f"{path}.arguments[{j}].weight")
        data["arguments"].append(argument.model_dump(mode="python", by_alias=True))
        moved[f"arguments[{len(data['arguments']) - 1}]"] = f"{path}.arguments[{j}]"
    return moved


def _set_standard(data: Data, op: SetStandard, path: str) -> dict[str, str]:
    _, item = _node(data, op.issue, f"{path}.issue", "issue")
    item["proof_standard"] = op.standard.model_dump(mode="python")
    return {}


def _drop_source(data: Data, op: DropSource, path: str) -> dict[str, str]:
    _node(data, op.source, f"{path}.source", "source")
    remove_nodes(data, {op.source})
    return {}


def _set_factor(data: Data, op: SetFactor, path: str) -> dict[str, str]:
    _, item = _node(data, op.factor, f"{path}.factor", "factor")
    item["present"] = op.present
    return {}


def _set_question(data: Data, op: SetQuestion, path: str) -> dict[str, str]:
    _, item = _node(data, op.argument, f"{path}.argument", "argument")
    state: Data = {"status": op.status.value, "by": op.by}
    if op.weight is not None:
        _check_expression(data, op.weight, f"{path}.weight")
        state["weight"] = op.weight
    else:  # an open question keeps the weight the case gave it
        state["weight"] = item.get("questions", {}).get(op.question, {}).get("weight")
    item["questions"] = {**item.get("questions", {}), op.question: state}
    # the case's checks (a question the scheme has, an answer that exists) report
    # against this intervention's fields
    return {f"arguments[{_index(data, op.argument)}].questions.{op.question}": path}


def _index(data: Data, argument: str) -> int:
    return next(i for i, a in enumerate(data["arguments"]) if a["id"] == argument)


_HANDLERS: dict[str, Callable[[Data, Any, str], dict[str, str]]] = {
    "set_parameter": _set_parameter,
    "set_weight": _set_weight,
    "set_score": _set_score,
    "add_node": _add_node,
    "remove_node": _remove_node,
    "add_relation": _add_relation,
    "remove_relation": _remove_relation,
    "decide_precedent": _decide_precedent,
    "add_precedent": _add_precedent,
    "set_standard": _set_standard,
    "drop_source": _drop_source,
    "set_factor": _set_factor,
    "set_question": _set_question,
}


# -- cascading removal ------------------------------------------------------------------


def remove_nodes(data: Data, ids: set[str]) -> set[str]:
    """Remove the nodes ``ids`` from plain case ``data`` in place, with the cascade
    described in the module docstring; returns every id removed."""
    removed: set[str] = set()
    pending = set(ids)
    while pending:
        removed |= pending
        for section in NODE_SECTIONS:
            data[section] = [item for item in data[section] if item["id"] not in removed]
        pending = {e["id"] for e in data["evidence"] if e["source"] in removed}
        for argument in data["arguments"]:
            argument["premises"] = [p for p in argument["premises"] if p not in removed]
            _free_roles_and_answers(argument, removed)
            if argument.get("precedent") in removed:
                argument["precedent"] = None
                argument["applies_if"] = None
            if argument["conclusion"] in removed or not (
                argument["premises"] or argument.get("precedent")
            ):
                pending.add(argument["id"])
        _clear_references(data, removed)
        pending -= removed
    data["relations"] = [
        r for r in data["relations"] if r["from"] not in removed and r["to"] not in removed
    ]
    return removed


def _free_roles_and_answers(argument: Data, removed: set[str]) -> None:
    """A role filled by a removed premise is unfilled; a critical question answered by
    a removed node is open again (the answer is gone, the doubt is back)."""
    argument["roles"] = {r: p for r, p in argument.get("roles", {}).items() if p not in removed}
    for state in argument.get("questions", {}).values():
        if state.get("by") in removed:
            state["status"], state["by"] = "open", None


def _clear_references(data: Data, removed: set[str]) -> None:
    for section, field in (
        ("claims", "issue"),
        ("claims", "asserted_by"),
        ("evidence", "asserted_by"),
        ("arguments", "asserted_by"),
        ("events", "party"),
    ):
        for item in data[section]:
            if item.get(field) in removed:
                item[field] = None
    for precedent in data["precedents"]:
        for field in ("factors", "reason", "sources"):
            precedent[field] = [x for x in precedent[field] if x not in removed]
    for event in data["events"]:
        event["sources"] = [s for s in event["sources"] if s not in removed]
        event["disputed_dates"] = [d for d in event["disputed_dates"] if d["source"] not in removed]
