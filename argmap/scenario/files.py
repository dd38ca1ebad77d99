"""Scenario files: read, check and save them, and find each one's base case.

A scenario file is YAML or JSON, read with the same safe, line-tracking loader as case
files, so every problem names its file and line::

    scenarios/x.yaml:12: interventions[2].node: unknown node 'E9'

The base case is named by ``case:``, a path relative to the scenario file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from argmap.errors import CaseError, Problem, ScenarioError
from argmap.io.casefile import format_for, load, load_model, read_bytes, save
from argmap.io.locations import load_with_lines
from argmap.model import Case
from argmap.scenario.model import OPS, SECTION_OF_KIND, Scenario

__all__ = [
    "base_case_path",
    "load_scenario",
    "load_scenarios",
    "loads_scenario",
    "save_scenario",
]


def loads_scenario(text: str | bytes, fmt: str = "yaml", file: str = "<string>") -> Scenario:
    """Parse a scenario from YAML or JSON text."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    try:
        data, lines = load_with_lines(raw, file, fmt)
        scenario = load_model(Scenario, data, file, lines)
    except CaseError as exc:
        raise ScenarioError([_plain(p) for p in exc.problems]) from None
    return scenario.located(file, lines)


_TAG = re.compile(r"Input tag '(.*)' found using 'op' does not match any of the expected tags")


def _plain(problem: Problem) -> Problem:
    """pydantic's words for a bad or missing ``op`` tag, said the way a user reads them."""
    message = problem.message
    match = _TAG.match(message)
    if match is not None:
        message = f"unknown op {match.group(1)!r} (one of: {', '.join(OPS)})"
        return Problem(_join(problem.path, "op"), message, problem.file, problem.line)
    if message.startswith("Unable to extract tag using discriminator 'op'"):
        message = f"an intervention needs an op (one of: {', '.join(OPS)})"
    elif message.startswith("Unable to extract tag using discriminator 'kind'"):
        message = "a node needs a kind (one of: " + ", ".join(SECTION_OF_KIND) + ")"
    elif message.startswith("Input tag") and "'kind'" in message:
        message = "unknown node kind (one of: " + ", ".join(SECTION_OF_KIND) + ")"
        return Problem(_join(problem.path, "kind"), message, problem.file, problem.line)
    return Problem(problem.path, message, problem.file, problem.line)


def _join(path: str, field: str) -> str:
    return f"{path}.{field}" if path else field


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Load and check a scenario file (``.yaml``, ``.yml`` or ``.json``).

    Raises
    ------
    ScenarioError
        Every problem found, each as ``file:line: path: message``.
    """
    try:
        raw = read_bytes(path)
    except CaseError as exc:
        raise ScenarioError(exc.problems) from None
    return loads_scenario(raw, format_for(path), str(path))


def base_case_path(scenario: Scenario) -> Path:
    """The base case file of a scenario read from a file, resolved against its folder."""
    if scenario.case is None:
        raise ScenarioError(
            Problem("case", "the scenario names no base case", scenario.file, scenario.line_of(""))
        )
    folder = Path(scenario.file).parent if scenario.file else Path(".")
    return folder / scenario.case


def load_scenarios(paths: Sequence[str | os.PathLike[str]]) -> tuple[Case, list[Scenario]]:
    """Load scenario files that share one base case; return that case and them.

    Raises
    ------
    ScenarioError
        A file is invalid, or two scenarios name different base cases (one comparison
        has one baseline).
    """
    scenarios = [load_scenario(p) for p in paths]
    if not scenarios:
        raise ScenarioError(Problem("", "no scenario files given"))
    first = base_case_path(scenarios[0])
    for scenario in scenarios[1:]:
        other = base_case_path(scenario)
        if other.resolve() != first.resolve():
            raise ScenarioError(
                Problem(
                    "case",
                    f"base case {scenario.case!r} differs from {scenarios[0].file}'s "
                    f"{scenarios[0].case!r}; compare scenarios of one case per run",
                    scenario.file,
                    scenario.line_of("case"),
                )
            )
    if not first.is_file():
        head = scenarios[0]
        raise ScenarioError(
            Problem("case", f"no base case file {head.case!r}", head.file, head.line_of("case"))
        )
    return load(first), scenarios


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> Path:
    """Write a scenario file atomically (JSON for ``.json``, YAML otherwise)."""
    return save(scenario, path)
