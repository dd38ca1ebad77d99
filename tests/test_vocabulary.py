"""One vocabulary: the names are written once (argmap.vocabulary) and every part reads them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import vocabulary
from argmap.errors import SolverError
from argmap.io.casefile import dumps, loads
from argmap.model import Case, Claim, Evidence
from argmap.scenario.files import loads_scenario
from argmap.semantics.dung import AF, count_extensions, extensions, skeptically_accepted
from argmap.semantics.gradual.models import SEMANTICS_SPEC
from argmap.vocabulary import (
    ATTACK_KINDS,
    DUNG_SEMANTICS,
    GRADUAL_SEMANTICS,
    KIND_OF_SECTION,
    NODE_SECTIONS,
    RELATION_KINDS,
    SECTION_OF_KIND,
    check_dung,
    check_gradual,
)

PACKAGE = Path(__file__).resolve().parents[1] / "argmap"


# -- one checker ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("grounded", "grounded"), ("Semi_Stable", "semi-stable"), (" semistable ", "semi-stable")],
)
def test_dung_names_and_aliases(name: str, canonical: str) -> None:
    assert check_dung(name) == canonical


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("dfquad", "dfquad"),
        ("DF-QUAD", "dfquad"),
        ("qe", "quadratic_energy"),
        ("h categorizer", "h_categorizer"),
    ],
)
def test_gradual_names_and_aliases(name: str, canonical: str) -> None:
    assert check_gradual(name) == canonical


def test_unknown_names_say_what_is_known() -> None:
    with pytest.raises(SolverError, match=r"unknown semantics 'nope' \(choose from grounded, "):
        check_dung("nope")
    with pytest.raises(SolverError, match=r"unknown gradual semantics 'nope' \(choose from dfquad"):
        check_gradual("nope")


def test_the_dung_solver_reads_names_with_the_same_checker() -> None:
    # before, the solver had its own checker, which knew no alias
    af = AF.from_pairs("abc", [("a", "b"), ("b", "c")])
    expected = sorted(sorted(e) for e in extensions(af, "semi-stable"))
    assert sorted(sorted(e) for e in extensions(af, "Semi_Stable")) == expected
    assert count_extensions(af, "semistable") == len(expected)
    assert skeptically_accepted(af, 0, "semistable")


def test_every_dung_name_runs() -> None:
    af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    for name in DUNG_SEMANTICS:
        assert count_extensions(af, name) >= 1, name


def test_the_gradual_engine_implements_exactly_the_vocabulary() -> None:
    assert tuple(SEMANTICS_SPEC) == GRADUAL_SEMANTICS


# -- nodes, sections, relations --------------------------------------------------------


def test_sections_are_the_case_fields_and_each_holds_its_own_kind() -> None:
    assert set(NODE_SECTIONS) <= set(Case.model_fields)
    for section in NODE_SECTIONS:
        model = Case.model_fields[section].annotation.__args__[0]  # type: ignore[union-attr]
        assert model.model_fields["kind"].default == KIND_OF_SECTION[section]
    assert {SECTION_OF_KIND[k] for k in KIND_OF_SECTION.values()} == set(NODE_SECTIONS)


def test_relation_and_attack_kinds() -> None:
    from argmap.model import RelationKind
    from argmap.model.relations import ATTACK_KINDS as MODEL_ATTACKS

    assert tuple(k.value for k in RelationKind) == RELATION_KINDS
    assert (
        {k.value for k in MODEL_ATTACKS} == set(ATTACK_KINDS) == set(RELATION_KINDS) - {"support"}
    )


def test_the_model_id_pattern_is_the_vocabulary_one() -> None:
    for text in ("C1", "ev_api.prices-2", "1C", "C 1", "a" * 64, "a" * 65, "C1\t2"):
        try:
            Claim(id=text, text="t")
            valid = True
        except ValueError:
            valid = False
        assert valid == vocabulary.is_id(text), text


# -- the kind discriminator ------------------------------------------------------------

CASE = """schema_version: 1
title: t
claims:
  - {id: C1, text: a}
evidence:
  - {id: E1, text: e, source: S1, status: fact}
sources:
  - {id: S1, outlet: o, title: t}
"""


def test_a_case_file_needs_no_kind_and_dumps_none() -> None:
    case = loads(CASE)
    assert case.node("C1").kind == "claim" and case.node("E1").kind == "evidence"
    assert "kind" not in dumps(case)


def test_a_case_file_may_state_the_kind_of_its_section_but_no_other() -> None:
    assert loads(CASE.replace("{id: C1,", "{kind: claim, id: C1,")).node("C1").kind == "claim"
    with pytest.raises(Exception, match=r"claims\[0\]\.kind"):
        loads(CASE.replace("{id: C1,", "{kind: evidence, id: C1,"))


SCENARIO = """schema_version: 1
name: n
question: q
interventions:
  - op: add_node
    node: {kind: evidence, id: E9, text: new, source: S1, status: report}
"""


def test_add_node_reads_the_models_own_kind_and_writes_it_back() -> None:
    scenario = loads_scenario(SCENARIO)
    node = scenario.interventions[0].node  # type: ignore[union-attr]
    assert type(node) is Evidence and node.kind == "evidence"
    dumped = scenario.model_dump(mode="json", by_alias=True)["interventions"][0]["node"]
    assert dumped["kind"] == "evidence"
    again = loads_scenario(scenario.model_dump_json(by_alias=True), fmt="json")
    assert again.model_dump() == scenario.model_dump()


# -- written once ----------------------------------------------------------------------

# vocabulary -> how many of its words a literal must hold, and nothing else, to be a copy
# (fewer is a deliberate subset, such as the semantics a fast path covers)
VOCABULARIES = {
    "Dung semantics names": (set(DUNG_SEMANTICS), 5),
    "gradual semantics names": (set(GRADUAL_SEMANTICS), 3),
    "node kinds": (set(KIND_OF_SECTION.values()), 5),
    "case-file sections": (set(NODE_SECTIONS), 5),
    "attack kinds": (set(ATTACK_KINDS), 3),
}


def _strings(items: list[ast.expr | None]) -> set[str] | None:
    """The strings of a literal made of string constants only (None otherwise)."""
    words = set()
    for item in items:
        if not (isinstance(item, ast.Constant) and isinstance(item.value, str)):
            return None
        words.add(item.value)
    return words


def _translates(node: ast.Dict) -> bool:
    """Whether ``node`` maps words of one vocabulary to words of one (kind -> section)."""
    sides = _strings(list(node.keys)), _strings(list(node.values))
    return all(side and any(side <= names for names, _ in VOCABULARIES.values()) for side in sides)


def _literals(tree: ast.AST) -> list[tuple[int, set[str]]]:
    """Every tuple, list, set and ``Literal[...]`` of strings written out in ``tree``, and
    both sides of every dict between vocabulary words (kind -> section); ``__all__``
    aside (its names are functions named after semantics)."""
    skip = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        groups: list[list[ast.expr | None]] = []
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            groups = [list(node.elts)]
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple):
            groups = [list(node.slice.elts)]
        elif isinstance(node, ast.Dict) and _translates(node):
            groups = [list(node.keys), list(node.values)]
        for group in groups:
            words = _strings(group)
            if words:
                found.append((node.lineno, words))
    return found


def test_no_module_writes_a_vocabulary_out_again() -> None:
    """A literal made of a vocabulary's words is a copy that can drift from it."""
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        for line, words in _literals(ast.parse(path.read_text("utf-8"))):
            for what, (names, least) in VOCABULARIES.items():
                if words <= names and len(words) >= least:
                    copies.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {what}")
    assert copies == []


def test_the_copy_finder_finds_a_copy() -> None:
    tree = ast.parse(
        'X = ("rebut", "undermine", "undercut")\nY = {"claim": "claims"}\nZ = {"claim": "c"}'
    )
    assert [sorted(w) for _, w in _literals(tree)] == [
        ["rebut", "undercut", "undermine"],
        ["claim"],
        ["claims"],
    ]


def test_the_id_pattern_is_written_once() -> None:
    hits = [
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*.py")
        if "[A-Za-z][A-Za-z0-9_" in p.read_text("utf-8")
    ]
    assert hits == ["argmap/vocabulary.py"]


def test_the_vocabulary_is_light() -> None:
    code = (
        "import sys, argmap.vocabulary; "
        "print(sorted(m for m in ('pydantic', 'numpy', 'argmap.model', 'argmap.semantics') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_json_schema_says_the_same_about_kind() -> None:
    import jsonschema
    import yaml

    from argmap.cli.schema import case_schema

    schema = case_schema()
    jsonschema.validate(yaml.safe_load(CASE), schema)
    jsonschema.validate(yaml.safe_load(CASE.replace("{id: C1,", "{kind: claim, id: C1,")), schema)
    with pytest.raises(jsonschema.ValidationError, match="'claim' was expected"):
        jsonschema.validate(
            yaml.safe_load(CASE.replace("{id: C1,", "{kind: evidence, id: C1,")), schema
        )
