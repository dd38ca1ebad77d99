"""Precedents scoped to legal theories, and Horty's a fortiori consistency check.

The case base is the trade-secret one of the ground truth (Mason, Trandes, Kewanee:
factors after CATO/HYPO; Horty 2011, Horty and Bench-Capon 2012), read from the file.
To it the tests add a factor of an unrelated theory (copyright fair use): counted
unscoped, it distinguishes Mason and blocks the a fortiori step; scoped to the theory
Mason decided, it does not.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.cli import main
from argmap.io.casefile import save
from argmap.model import Argument, Case, Claim, Factor, Precedent, Side
from argmap.scenario.runner import forced
from argmap.semantics.evaluate import evaluate
from argmap.semantics.precedent import (
    ReasonCase,
    a_fortiori_conflicts,
    compare_factors,
    describe_weight,
    forced_outcomes,
)

GROUND = Path(__file__).resolve().parents[2].parent / "shared" / "ground-truth"
_SIDE = {"p": Side.PLAINTIFF, "d": Side.DEFENDANT}
TRADE_SECRET = "trade secret misappropriation"
COPYRIGHT = "copyright: fair use"
EXTRA = "d_fair_use_transformative"  # a defendant factor of another theory


def _trade_secret_base() -> dict[str, Any]:
    cases = yaml.safe_load((GROUND / "precedent.yaml").read_text())
    return next(
        c
        for c in cases
        if c["name"].startswith("trade-secret base") and c.get("forcing_precedents") == ["Mason"]
    )


def _case(theory_of_extra: str | None, mason_theory: str | None = TRADE_SECRET) -> Case:
    """Mason's new fact situation plus EXTRA, with an argument from Mason."""
    truth = _trade_secret_base()
    names = sorted({f for c in truth["case_base"] for f in c["factors"]} | {EXTRA})
    present = set(truth["new_case"]) | {EXTRA}
    factors = [
        Factor(
            id=f,
            text=f.replace("_", " "),
            favours=_SIDE[f[0]],
            present=f in present,
            theory=theory_of_extra if f == EXTRA else TRADE_SECRET,
        )
        for f in names
    ]
    precedents = [
        Precedent(
            id=c["name"],
            name=c["name"],
            court="court",
            year=1980,
            jurisdiction="US",
            status="decided",
            outcome=_SIDE[c["outcome"]],
            theory=mason_theory if c["name"] == "Mason" else TRADE_SECRET,
            factors=c["factors"],
            reason=c["reason"],
            authority=0.8,
        )
        for c in truth["case_base"]
    ]
    return Case(
        title="trade secret",
        factors=factors,
        precedents=precedents,
        claims=[Claim(id="C", text="the information was a protected trade secret")],
        arguments=[Argument(id="A_mason", conclusion="C", precedent="Mason")],
    )


def test_the_unscoped_count_blocks_the_a_fortiori_step() -> None:
    # EXTRA with no theory counts for every precedent: Mason never faced it
    case = _case(theory_of_extra=None)
    assert forced(case) == ()
    mason = compare_factors(case, next(p for p in case.precedents if p.id == "Mason"))
    assert mason.distinguishing_current == {EXTRA}
    assert not mason.forces
    assert mason.similarity == pytest.approx(0.5)


def test_a_factor_of_another_theory_neither_distinguishes_nor_blocks() -> None:
    case = _case(theory_of_extra=COPYRIGHT)
    mason = next(p for p in case.precedents if p.id == "Mason")
    cmp = compare_factors(case, mason)
    assert cmp.forces and cmp.similarity == 1.0
    assert cmp.distinguishing_current == frozenset() and cmp.ignored == {EXTRA}
    assert forced(case) == ("plaintiff",)
    # the argument from Mason weighs its full authority now, and says why
    scoped = evaluate(case)["A_mason"].strength
    unscoped = evaluate(_case(theory_of_extra=None))["A_mason"].strength
    assert scoped == pytest.approx(2 * unscoped)
    words = describe_weight(case, case.arguments[0])
    assert words.startswith("authority 0.8 x on point 1 = 0.80: shares ")
    assert f"{EXTRA} not counted (not '{TRADE_SECRET}')" in words


def test_a_factor_of_the_same_theory_still_distinguishes() -> None:
    assert forced(_case(theory_of_extra=TRADE_SECRET)) == ()


def test_a_precedent_that_names_no_theory_counts_every_factor() -> None:
    assert forced(_case(theory_of_extra=COPYRIGHT, mason_theory=None)) == ()


def test_forced_outcomes_scopes_with_reason_cases() -> None:
    truth = _trade_secret_base()
    favours = {f: _SIDE[f[0]] for c in truth["case_base"] for f in c["factors"]}
    favours[EXTRA] = Side.DEFENDANT
    base = [
        ReasonCase(
            frozenset(c["factors"]), frozenset(c["reason"]), _SIDE[c["outcome"]], TRADE_SECRET
        )
        for c in truth["case_base"]
    ]
    facts = [*truth["new_case"], EXTRA]
    assert forced_outcomes(base, facts, favours) == set()
    assert forced_outcomes(base, facts, favours, {EXTRA: COPYRIGHT}) == {Side.PLAINTIFF}


def _with_decision(case: Case, theory: str) -> Case:
    """``case`` plus a later precedent decided for the defendant on Kewanee's facts
    less a plaintiff factor outside Kewanee's reason: weaker for the plaintiff than
    Kewanee, which was decided for the plaintiff, so Kewanee forbids it a fortiori."""
    kewanee = next(p for p in case.precedents if p.id == "Kewanee")
    dropped = next(f for f in kewanee.factors if f.startswith("p") and f not in kewanee.reason)
    facts = [f for f in kewanee.factors if f != dropped]
    data = case.model_dump(mode="python", by_alias=True, exclude_unset=True)
    data["precedents"].append(
        {
            "id": "Hypo",
            "name": "Hypo (invented)",
            "court": "court",
            "year": 1990,
            "date": dt.date(1990, 5, 1),
            "jurisdiction": "US",
            "status": "decided",
            "outcome": Side.DEFENDANT,
            "theory": theory,
            "factors": facts,
            "reason": [f for f in facts if f.startswith("d")],
        }
    )
    return Case.model_validate(data)


def test_a_decision_the_case_base_forbids_is_flagged() -> None:
    case = _with_decision(_case(theory_of_extra=COPYRIGHT), TRADE_SECRET)
    conflicts = a_fortiori_conflicts(case)
    assert [(c.forbidden, c.by) for c in conflicts if c.forbidden] == [("Hypo", ("Kewanee",))]
    evaluation = evaluate(case)
    assert any(
        c.startswith("Hypo is decided for the defendant, but Kewanee forces")
        for c in evaluation.conflicts
    )
    assert any(n.startswith("warning: Hypo is decided") for n in evaluation.notes)


def test_a_decision_in_another_theory_is_not_forbidden() -> None:
    case = _with_decision(_case(theory_of_extra=COPYRIGHT), COPYRIGHT)
    assert [c for c in a_fortiori_conflicts(case) if c.forbidden] == []
    assert evaluate(case).conflicts == ()


def test_a_reversed_precedent_forbids_nothing() -> None:
    case = _with_decision(_case(theory_of_extra=COPYRIGHT), TRADE_SECRET)
    data = case.model_dump(mode="python", by_alias=True, exclude_unset=True)
    kewanee = next(p for p in data["precedents"] if p["id"] == "Kewanee")
    kewanee["history"] = [{"date": dt.date(1985, 1, 1), "action": "reversed"}]
    assert [c for c in a_fortiori_conflicts(Case.model_validate(data)) if c.forbidden] == []


def test_validate_warns_at_the_forbidden_precedent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.yaml"
    save(_with_decision(_case(theory_of_extra=COPYRIGHT), TRADE_SECRET), path)
    assert main(["validate", "-q", str(path)]) == 0
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if "Hypo is decided" in x)
    assert line.startswith(f"{path}:")
    number = int(line.split(":")[1])
    assert "- id: Hypo" in path.read_text().splitlines()[number - 1]


def test_worked_case_names_no_theory_and_keeps_its_numbers() -> None:
    from argmap.io.casefile import load

    case = load(Path(__file__).resolve().parents[2] / "seeds" / "musk_v_microsoft.yaml")
    assert all(f.theory is None for f in case.factors)
    assert a_fortiori_conflicts(case) == []


def test_validate_warns_of_a_theory_no_precedent_decided(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.yaml"
    save(_case(theory_of_extra="copyright: fair sue"), path)
    assert main(["validate", "-q", str(path)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "warning: no precedent decided theory 'copyright: fair sue'" in err[0]
    number = int(err[0].split(":")[1])
    assert "copyright: fair sue" in path.read_text().splitlines()[number - 1]


def test_a_scenario_deciding_a_pending_case_against_the_case_base_is_flagged() -> None:
    from argmap.scenario import Scenario
    from argmap.scenario.runner import run

    decided = _with_decision(_case(theory_of_extra=COPYRIGHT), TRADE_SECRET)
    data = decided.model_dump(mode="python", by_alias=True, exclude_unset=True)
    hypo = next(p for p in data["precedents"] if p["id"] == "Hypo")
    hypo.update(status="pending", outcome=None)
    pending = Case.model_validate(data)
    assert evaluate(pending).conflicts == ()
    for outcome, flagged in (("defendant", True), ("plaintiff", False)):
        scenario = Scenario(
            name=f"for the {outcome}",
            question="What if the pending case is decided?",
            interventions=[{"op": "decide_precedent", "precedent": "Hypo", "outcome": outcome}],
        )
        conflicts = run(pending, scenario).evaluation.conflicts
        assert any(c.startswith("Hypo is decided") for c in conflicts) is flagged
