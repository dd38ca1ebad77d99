"""Undercuts of relations (attacks on attacks) in a case: the AFRA reading against the
published and computed AFRA cases of ../shared/ground-truth/higher_order.yaml, the
force an undercut removes, integrity errors, sampled runs and maps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from argmap.errors import CaseError
from argmap.maps import render
from argmap.model import Case
from argmap.scenario.uncertainty import sweep
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import Label

GROUND = Path(__file__).resolve().parents[2].parent / "shared" / "ground-truth"
_ALL = yaml.safe_load((GROUND / "higher_order.yaml").read_text()) if GROUND.is_dir() else []


def _one_level(case: dict[str, Any]) -> bool:
    """AFRA cases whose attacks on attacks target attacks between arguments (the
    depth a case file allows)."""
    ids = {a["id"]: a for a in case["attacks"]}
    return all(ids[a["target"]]["target"] not in ids for a in case["attacks"] if a["target"] in ids)


_AFRA = [c for c in _ALL if c["formalism"] == "afra" and _one_level(c)]


def _as_case(gt: dict[str, Any]) -> Case:
    """Arguments as claims of equal strength, attacks as named rebuts, attacks on
    attacks as undercuts of those rebuts: equal strengths make every attack a defeat,
    as in a plain AFRA."""
    ids = {a["id"] for a in gt["attacks"]}
    relations = [
        {
            "kind": "undercut" if a["target"] in ids else "rebut",
            "from": a["source"],
            "to": a["target"],
            "id": a["id"],
        }
        for a in gt["attacks"]
    ]
    return Case.model_validate(
        {
            "title": gt["name"],
            "claims": [{"id": x, "text": x, "base_score": 0.5} for x in gt["arguments"]],
            "relations": relations,
        }
    )


def test_the_ground_truth_has_afra_cases_a_case_can_hold() -> None:
    # (no published AFRA case in the shared set; the computed ones follow the definitions)
    assert len(_AFRA) >= 3


@pytest.mark.parametrize("gt", _AFRA, ids=[c["name"] for c in _AFRA])
def test_grounded_labels_follow_afra(gt: dict[str, Any]) -> None:
    result = evaluate(_as_case(gt), "grounded")
    (grounded,) = gt["extensions"]["grounded"]
    accepted = {x for x in gt["arguments"] if result[x].label is Label.IN}
    assert accepted == set(grounded["arguments"])


def _undercut_case(extra: list[dict[str, Any]] | None = None, **claims: float) -> Case:
    scores = {"A": 0.6, "B": 0.7, "R": 0.8, **claims}
    return Case.model_validate(
        {
            "title": "t",
            "parameters": [{"id": "w", "value": scores["R"]}],
            "issues": [{"id": "I", "question": "q?"}],
            "claims": [
                {"id": "A", "text": "a", "issue": "I", "base_score": scores["A"]},
                {"id": "B", "text": "b", "base_score": scores["B"]},
                {"id": "R", "text": "a binding ruling", "base_score": "w"},
            ],
            "relations": [
                {"kind": "rebut", "from": "B", "to": "A", "id": "r"},
                {"kind": "undercut", "from": "R", "to": "r"},
                *(extra or []),
            ],
        }
    )


def test_an_undercut_of_an_attack_removes_its_force() -> None:
    result = evaluate(_undercut_case())
    assert result["A"].label is Label.IN and result["A"].strength == pytest.approx(0.6)
    assert result["A"].standard_met is True
    plain = _undercut_case().model_copy(update={"relations": _undercut_case().relations[:1]})
    assert evaluate(plain)["A"].label is Label.OUT  # B (0.7) defeats A (0.6)


def test_attacking_the_undercutter_restores_the_attack() -> None:
    # K defeats R, the source of the undercut, so the undercut is defeated (AFRA's
    # indirect defeat) and B's rebut stands again
    data = _undercut_case().model_dump(by_alias=True)
    data["claims"].append({"id": "K", "text": "k", "base_score": 0.9})
    data["relations"].append({"kind": "rebut", "from": "K", "to": "R"})
    case = Case.model_validate(data)
    result = evaluate(case)
    assert result["R"].label is Label.OUT and result["A"].label is Label.OUT


def test_an_undercut_of_a_support_removes_its_force() -> None:
    case = Case.model_validate(
        {
            "title": "t",
            "issues": [{"id": "I", "question": "q?"}],
            "claims": [
                {"id": "A", "text": "a", "issue": "I", "base_score": 0.4},
                {"id": "S", "text": "s", "base_score": 0.9},
                {"id": "R", "text": "r", "base_score": 0.8},
            ],
            "relations": [
                {"kind": "support", "from": "S", "to": "A", "id": "s"},
                {"kind": "undercut", "from": "R", "to": "s"},
            ],
        }
    )
    result = evaluate(case)["A"]
    assert result.strength == pytest.approx(0.4) and result.standard_met is False


@pytest.mark.parametrize(
    ("relations", "message"),
    [
        ([{"kind": "rebut", "from": "A", "to": "r", "id": "x"}], "only an undercut"),
        ([{"kind": "undercut", "from": "A", "to": "u", "id": "u"}], "cannot target itself"),
        (
            [
                {"kind": "undercut", "from": "A", "to": "u2", "id": "u"},
                {"kind": "undercut", "from": "B", "to": "r", "id": "u2"},
            ],
            "targets a relation",
        ),
        ([{"kind": "support", "from": "A", "to": "B", "id": "A"}], "already a node's id"),
    ],
)
def test_bad_targets_are_refused(relations: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(CaseError, match=message):
        Case.model_validate(
            {
                "title": "t",
                "claims": [{"id": "A", "text": "a"}, {"id": "B", "text": "b"}],
                "relations": [{"kind": "rebut", "from": "B", "to": "A", "id": "r"}, *relations],
            }
        )


def test_sampled_runs_follow_the_undercut() -> None:
    # the ruling's strength w is sampled: above B's 0.7 it defeats nothing itself, but
    # its undercut always succeeds once it is in; a weight-0 ruling undercuts nothing
    case = _undercut_case()
    grid = np.array([0.0, 0.3, 0.9])
    result = sweep(case, "w", grid, claims=["A"], progress=False)
    for row, x in enumerate(grid):
        point = evaluate(case, values={"w": float(x)})["A"]
        assert result.strengths[row, 0] == pytest.approx(point.strength, abs=1e-12)
        assert bool(result.met[row, 0]) == point.standard_met


def test_maps_draw_the_undercut_onto_the_edge_it_attacks() -> None:
    case = _undercut_case()
    dot = render(case, evaluate(case)).dot
    assert '"r" [shape="point"' in dot  # the junction on the rebut's edge
    assert '"R" -> "r"' in dot and '"B" -> "r"' in dot and '"r" -> "A"' in dot
    overview = render(case, evaluate(case), view="overview").dot
    assert 'class="junction"' not in overview and '"B" -> "A"' in overview
