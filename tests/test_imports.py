"""Imports point one way: the import-linter contracts in pyproject.toml hold.

The contracts (layers, errors as a leaf, solvers free of pydantic and file code) are
checked here, so the suite and CI enforce them; ``lint-imports`` at the repository root
prints the same report.
"""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"


def test_the_import_contracts_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    code = lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True)
    out = capsys.readouterr().out
    assert code == 0, out
    assert " broken" not in out.replace("0 broken", "")


def test_a_broken_contract_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the check can fail: the layers upside down are broken at once
    config = tmp_path / "upside_down.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "argmap"\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "upside down"\ntype = "layers"\n'
        'layers = ["argmap.errors", "argmap.model", "argmap.cli"]\n',
        "utf-8",
    )
    assert lint_imports(config_filename=str(config), no_cache=True, no_logo=True) == 1
    assert "upside down BROKEN" in capsys.readouterr().out


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The import circles of argmap's modules (strongly connected parts of two or more)."""
    modules = sorted(m for m in graph.modules if m.startswith("argmap"))
    out: list[list[str]] = []
    for module in modules:
        if any(module in cycle for cycle in out):
            continue
        reached = graph.find_downstream_modules(module)
        part = [m for m in reached if module in graph.find_downstream_modules(m)]
        if part:
            out.append(sorted({module, *part}))
    return out


def test_no_import_circles() -> None:
    graph = grimp.build_graph("argmap", exclude_type_checking_imports=True)
    assert _cycles(graph) == []


# The own-module imports that stay inside functions outside cli/ (the commands import the
# engine in their handlers so that `argmap --help` stays fast), each with its reason.
LAZY_OWN_IMPORTS = {
    # numpy: validating a case needs no numpy, vectorizing an expression does
    ("argmap/model/expressions.py", "argmap.model.vectorized"),
    # the public face loads the drawing code only inside IPython
    ("argmap/__init__.py", "argmap.maps.notebook"),
}


def _imports_in_functions(path: Path) -> set[tuple[str, str]]:
    import ast

    found = set()
    for function in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("argmap"):
                    found.add((path.relative_to(ROOT).as_posix(), node.module or ""))
                elif isinstance(node, ast.Import):
                    found |= {
                        (path.relative_to(ROOT).as_posix(), alias.name)
                        for alias in node.names
                        if alias.name.startswith("argmap")
                    }
    return found


def test_own_module_imports_sit_at_module_top() -> None:
    found: set[tuple[str, str]] = set()
    for path in sorted((ROOT / "argmap").rglob("*.py")):
        if "cli" not in path.relative_to(ROOT).parts:
            found |= _imports_in_functions(path)
    assert found == LAZY_OWN_IMPORTS
