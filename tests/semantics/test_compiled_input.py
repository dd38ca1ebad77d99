"""The compiled Framework is the semantics' only input: no module of argmap.semantics
other than argmap.semantics.compile imports the pydantic case or its node models.

The imports are read from the source with :mod:`ast` (type-checking imports count as
well), so a new module or a new import that reaches for the case fails here.
"""

from __future__ import annotations

import ast
import datetime as dt
import pickle
from pathlib import Path

import numpy as np
import pytest
from pydantic import BaseModel

import argmap.model
from argmap.errors import SolverError
from argmap.io.casefile import load
from argmap.model import Argument, Case, Claim, Factor, Precedent
from argmap.scenario.uncertainty import monte_carlo
from argmap.semantics.compile import compile_case
from argmap.semantics.evaluate import evaluate
from argmap.semantics.explain import explain

REPO = Path(__file__).resolve().parents[2]
SEMANTICS = REPO / "argmap" / "semantics"
GATEWAY = SEMANTICS / "compile"
"""The one package that reads the case (compile_case and the proof settings)."""

CASE_MODULES = {
    "argmap.model.case",
    "argmap.model.nodes",
    "argmap.model.relations",
    "argmap.model.contraries",
}
"""Modules of the case and its node models: importing anything from them is reading
the pydantic graph."""


def _case_models() -> set[str]:
    """Names argmap.model exports for the case and its node models (``Case``,
    ``Claim``, ``Relation`` ..., and the ``Node`` union)."""
    names = {"Case", "Node"}
    for name in argmap.model.__all__:
        obj = getattr(argmap.model, name)
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ in CASE_MODULES:
            names.add(name)
    return names


def _offending_imports(path: Path, forbidden: set[str]) -> list[str]:
    """Every import in ``path`` that brings in the case or one of its node models."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            names = {alias.name for alias in node.names}
            if node.module in CASE_MODULES:
                found.append(f"line {node.lineno}: from {node.module} import ...")
            elif node.module == "argmap.model" and names & forbidden:
                found.append(f"line {node.lineno}: {sorted(names & forbidden)} from argmap.model")
            elif node.module == "argmap" and "model" in names:
                found.append(f"line {node.lineno}: from argmap import model")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "argmap.model" or alias.name in CASE_MODULES:
                    found.append(f"line {node.lineno}: import {alias.name}")
    return found


def _semantics_modules() -> list[Path]:
    return sorted(p for p in SEMANTICS.rglob("*.py") if GATEWAY not in p.parents)


def test_the_case_models_are_known() -> None:
    # the check below is only as good as this list: it must hold the node models
    assert {"Case", "Claim", "Argument", "Precedent", "Relation", "Issue"} <= _case_models()
    assert "ProofStandard" not in _case_models()  # a value, read by the standards


@pytest.mark.parametrize("path", _semantics_modules(), ids=lambda p: str(p.relative_to(SEMANTICS)))
def test_no_semantics_module_outside_compile_imports_the_case(path: Path) -> None:
    assert _offending_imports(path, _case_models()) == []


def test_the_check_finds_an_import_of_the_case(tmp_path: Path) -> None:
    # the old evaluate.py and precedent.py imports, in the forms an import can take
    module = tmp_path / "module.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "from argmap.model import Case, parse_expression\n"
        "from argmap.model.nodes import Argument\n"
        "if TYPE_CHECKING:\n"
        "    import argmap.model\n",
        encoding="utf-8",
    )
    assert len(_offending_imports(module, _case_models())) == 3
    module.write_text("from argmap.model import ProofStandard, parse_expression\n")
    assert _offending_imports(module, _case_models()) == []


def test_the_framework_alone_gives_what_the_case_gives() -> None:
    case = load(REPO / "examples" / "ad_tool_dispute.yaml")
    fw = pickle.loads(pickle.dumps(compile_case(case)))  # as a worker receives it
    assert evaluate(fw, "preferred") == evaluate(case, "preferred")
    claim = case.claims[0].id
    assert str(explain(fw, claim)) == str(explain(case, claim))
    by_case = monte_carlo(case, 300, seed=5, keep_samples=True, progress=False)
    by_framework = monte_carlo(fw, 300, seed=5, keep_samples=True, progress=False)
    assert by_case.strengths is not None and by_framework.strengths is not None
    np.testing.assert_array_equal(by_case.strengths, by_framework.strengths)
    np.testing.assert_array_equal(by_case.met, by_framework.met)


def test_the_framework_carries_the_as_of_reading_and_the_precedent_weights() -> None:
    # what evaluate and explain read of a date and of the precedents comes from the
    # framework, so a framework compiled as of a date evaluates as the case read then
    case = load(REPO / "seeds" / "musk_v_microsoft.yaml")
    day = dt.date(2023, 1, 1)
    fw = pickle.loads(pickle.dumps(compile_case(case, as_of=day)))
    by_case = evaluate(case, as_of=day)
    assert evaluate(fw) == by_case == evaluate(fw, as_of=day)
    assert fw.as_of == by_case.as_of == day
    assert fw.unknown and all(by_case[n].strength == 0.0 for n in fw.unknown)
    assert any("not yet known" in note for note in by_case.notes)
    assert by_case.precedent_weights == fw.precedent_weights != {}
    for claim in {fw.conclusions[a] for a in fw.precedent_weights}:
        assert str(explain(fw, claim)) == str(explain(case, claim, as_of=day))
    with pytest.raises(SolverError, match="as-of date is fixed"):
        evaluate(fw, as_of=dt.date(2024, 1, 1))


def test_the_framework_carries_the_open_questions_and_the_conflicts() -> None:
    factors = [
        Factor(id="p1", text="t", favours="plaintiff", present=True),
        Factor(id="p2", text="t", favours="plaintiff"),
        Factor(id="d1", text="t", favours="defendant"),
    ]

    def precedent(pid: str, factors: list[str], reason: list[str], outcome: str) -> Precedent:
        return Precedent.model_validate(
            {
                "id": pid,
                "name": pid,
                "court": "c",
                "year": 2020,
                "jurisdiction": "j",
                "status": "decided",
                "outcome": outcome,
                "factors": factors,
                "reason": reason,
            }
        )

    case = Case(
        title="t",
        claims=[Claim(id="C", text="c"), Claim(id="P", text="p")],
        arguments=[Argument(id="A", conclusion="C", premises=["P"], scheme="sign")],
        factors=factors,
        precedents=[
            precedent("X", ["p1", "p2", "d1"], ["p1"], "plaintiff"),
            precedent("Y", ["p1", "d1"], ["d1"], "defendant"),
        ],
    )
    fw = pickle.loads(pickle.dumps(compile_case(case)))
    assert [q.node for q in fw.questions] == ["A?strength", "A?other_cause"]
    assert len(fw.conflicts) == 1 and fw.conflicts[0].startswith("Y is decided")
    assert evaluate(fw) == evaluate(case)
    assert evaluate(fw)["A"].open_questions == ("strength", "other_cause")
    assert str(explain(fw, "C")) == str(explain(case, "C"))
    assert "open critical question strength of A" in str(explain(fw, "C"))
