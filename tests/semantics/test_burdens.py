"""Burdens of persuasion and production: who bears them, and a claim whose burden is
not met is not accepted; tables, maps and the brief say who bears each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from argmap.cli import main
from argmap.io.casefile import save
from argmap.maps import render
from argmap.model import Case
from argmap.scenario.uncertainty import sweep
from argmap.semantics.compile import claim_burdens
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Verdict
from argmap.semantics.standards import Burden


def _case(**claim: Any) -> Case:
    """C (0.8) with no argument for it; F, the defendant's fair-use defence."""
    return Case.model_validate(
        {
            "title": "burdens",
            "parameters": [{"id": "w", "value": 0.6}],
            "issues": [
                {"id": "I", "question": "Unlawful?", "burden": "plaintiff"},
            ],
            "claims": [
                {"id": "C", "text": "unlawful", "issue": "I", "base_score": 0.8, **claim},
                {"id": "F", "text": "fair use", "base_score": 0.7, "burden": "defendant"},
                {"id": "P", "text": "precedent", "base_score": "w"},
            ],
            "relations": [{"kind": "support", "from": "P", "to": "F"}],
        }
    )


def test_who_bears_what() -> None:
    burdens = claim_burdens(_case(production="defendant"))
    assert burdens["C"] == Burden("plaintiff", "defendant")
    assert str(burdens["C"]) == "plaintiff (production: defendant)"
    assert burdens["F"] == Burden("defendant", "defendant")
    assert "P" not in burdens


def test_an_unproduced_claim_is_not_accepted_however_strong() -> None:
    result = evaluate(_case())
    # C is strong (0.8) but nothing was brought forward for it: production fails
    assert result["C"].strength > 0.5
    assert result["C"].standard_met is False and result["C"].verdict is Verdict.UNPROVEN
    assert result["C"].burden == "plaintiff"
    # without a burden the same claim would be proved on its strength
    free = _case().model_copy(
        update={"issues": [_case().issues[0].model_copy(update={"burden": None})]}
    )
    assert evaluate(free)["C"].verdict is Verdict.PROVED


def test_an_affirmative_defence_is_held_to_a_standard_without_an_issue() -> None:
    result = evaluate(_case())["F"]
    assert result.standard == "preponderance" and result.burden == "defendant"
    assert result.standard_met is True and result.verdict is Verdict.PROVED
    # no longer 'accepted' for want of an issue: its strength must clear 0.5
    weak = _case().model_copy(
        update={"parameters": [_case().parameters[0].model_copy(update={"value": 0.0})]}
    )
    weak = Case.model_validate(weak.model_dump(by_alias=True))
    low = evaluate(weak, values={"w": 0.0})["F"]
    assert low.standard_met is (low.strength > 0.5)


def test_samples_apply_the_same_rule() -> None:
    case = _case()
    grid = np.linspace(0.0, 1.0, 6)
    result = sweep(case, "w", grid, claims=["C", "F"], progress=False)
    for row, x in enumerate(grid):
        point = evaluate(case, values={"w": float(x)})
        assert bool(result.met[row, 0]) == point["C"].standard_met
        assert bool(result.met[row, 1]) == point["F"].standard_met


def test_tables_maps_and_brief_say_who_bears_it(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "case.yaml"
    save(_case(), path)
    assert main(["evaluate", str(path)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[1].split()[-1] == "burden"
    assert "plaintiff" in table and "defendant" in table
    svg = render(_case(), evaluate(_case())).pipe("svg").decode()
    assert "burden: plaintiff" in svg and "burden: defendant" in svg
    out = tmp_path / "report"
    assert main(["report", str(path), "-o", str(out)]) == 0
    brief = (out / "brief.md").read_text("utf-8")
    assert "burden: plaintiff" in brief
    assert (out / "evaluation.csv").read_text("utf-8").splitlines()[0].endswith(",burden")
