"""Every broken scenario file is refused with exactly its expected, located message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from argmap.errors import ScenarioError
from argmap.scenario.apply import apply_scenario
from argmap.scenario.files import load_scenarios

CORPUS = Path(__file__).parent / "broken"
EXPECTED: dict[str, list[str]] = yaml.safe_load((CORPUS / "EXPECTED.yaml").read_text("utf-8"))


def test_corpus_is_fully_described() -> None:
    files = sorted(p.name for p in CORPUS.glob("*.yaml") if p.name != "EXPECTED.yaml")
    assert len(files) >= 25
    assert sorted(EXPECTED) == files


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_scenario_is_refused_with_its_message(name: str) -> None:
    path = str(CORPUS / name)
    with pytest.raises(ScenarioError) as info:
        case, scenarios = load_scenarios([path])
        for scenario in scenarios:
            apply_scenario(case, scenario)
    lines = [str(problem) for problem in info.value.problems]
    assert lines == [line.format(file=path) for line in EXPECTED[name]]
