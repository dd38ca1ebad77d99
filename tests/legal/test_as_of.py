"""Reading a case as of a date: what was known then, each precedent as it stood."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.io.casefile import load, loads, save
from argmap.model import Case
from argmap.model.as_of import at_date, case_dates, standing
from argmap.scenario.timeline import strength_timeline
from argmap.semantics.evaluate import evaluate
from argmap.semantics.explain import explain

REPO = Path(__file__).resolve().parents[2]
WORKED = REPO / "seeds" / "musk_v_microsoft.yaml"
D = dt.date

# a ruling for the defendant supports C; the appeals court reverses it in March 2024
REVERSAL = """\
schema_version: 1
title: a reversed ruling
sources:
  - {id: S_blog, outlet: a blog, title: the data is public, date: 2023-06-01}
  - {id: S_law, outlet: a reporter, title: the ruling}
issues:
  - {id: I, question: "Was the scraping lawful?", proof_standard: preponderance}
claims:
  - {id: C, text: the scraping was lawful, issue: I, base_score: 0.3}
evidence:
  - {id: E_public, text: the pages were public, source: S_blog, status: report,
     reliability: 0.6}
factors:
  - {id: F_public, text: public pages, favours: defendant, present: true}
precedents:
  - id: P
    name: Scraper v. Site
    citation: 1 F.4th 1 (9th Cir. 2019)
    court: U.S. Court of Appeals for the Ninth Circuit
    year: 2019
    date: 2019-09-09
    jurisdiction: United States
    status: decided
    outcome: defendant
    factors: [F_public]
    reason: [F_public]
    authority: 0.9
    history:
      - {date: 2024-03-01, action: reversed, court: en banc court}
arguments:
  - {id: A_P, conclusion: C, precedent: P, applies_if: defendant}
  - {id: A_blog, conclusion: C, premises: [E_public], weight: 0.25}
"""


def test_worked_case_verdict_on_the_suit_changes_the_day_cnbc_reports_no_suit() -> None:
    case = load(WORKED)
    before = evaluate(case, as_of=D(2023, 4, 18))
    after = evaluate(case, as_of=D(2023, 4, 19))
    assert before.as_of == D(2023, 4, 18)
    assert before["C_suit"].verdict.value == "unproven"
    assert after["C_suit"].verdict.value == "defeated"
    # E_no_suit is CNBC's (S4, 19 April 2023): unknown the day before
    assert before["E_no_suit"].strength == 0.0
    assert any(n.startswith("as of 2023-04-18, ") and " not yet known: " in n for n in before.notes)
    # decisions later than the date are not read either
    assert before["P_ross"].strength == 0.0 and after["P_ross"].strength == 0.0
    assert evaluate(case)["P_ross"].strength > 0


def test_reversal_takes_the_authority_away_from_its_date() -> None:
    case = loads(REVERSAL)
    precedent = case.precedents[0]
    assert standing(precedent, D(2024, 2, 29)).in_force
    assert not standing(precedent, D(2024, 3, 1)).in_force
    assert not standing(precedent, D(2019, 9, 8)).known
    assert evaluate(case, as_of=D(2024, 2, 29))["C"].verdict.value == "proved"
    later = evaluate(case, as_of=D(2024, 3, 1))
    assert later["C"].verdict.value == "unproven"
    assert later["A_P"].strength == 0.0
    assert later.precedent_weights["A_P"] == (
        "authority 0 x on point 1 = 0.00: shares F_public; "
        "decided 2019-09-09 for the defendant; reversed 2024-03-01; no authority"
    )
    # without a date the whole history applies: the law as it stands now
    assert evaluate(case)["C"].verdict.value == "unproven"
    # before the blog post, only the ruling argues for C
    early = evaluate(case, as_of=D(2020, 1, 1))
    assert early["E_public"].strength == 0.0 and early["A_blog"].strength == 0.0
    explanation = str(explain(case, "C", as_of=D(2024, 3, 1)))
    assert "A_P: authority 0 x on point 1" in explanation


def test_a_case_file_default_as_of_and_the_override(tmp_path: Path) -> None:
    data = yaml.safe_load(REVERSAL)
    data["as_of"] = D(2023, 12, 31)
    case = Case.model_validate(data)
    assert evaluate(case).as_of == D(2023, 12, 31)
    assert evaluate(case)["C"].verdict.value == "proved"
    assert evaluate(case, as_of=D(2025, 1, 1))["C"].verdict.value == "unproven"


def test_cli_as_of_on_evaluate_and_the_file_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(REVERSAL)
    assert main(["evaluate", str(path), "--as-of", "2024-02-01"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("/ as of 2024-02-01")
    assert " proved" in out.splitlines()[2]
    assert main(["evaluate", str(path), "--as-of", "2024-03-01", "--format", "csv"]) == 0
    assert "unproven" in capsys.readouterr().out


def test_report_brief_prints_the_date_and_the_precedent_weights(tmp_path: Path) -> None:
    from argmap.report import build_report

    data = yaml.safe_load(REVERSAL)
    data["as_of"] = D(2024, 3, 1)
    report = build_report(Case.model_validate(data), formats=("svg",))
    brief = report.files["brief.md"].decode()
    assert "*As of 2024-03-01*: only the sources" in brief
    assert "## Precedents" in brief
    assert "1 F.4th 1 (9th Cir. 2019)" in brief
    assert "| A_P | authority 0 x on point 1 = 0.00: shares F_public; decided 2019-09-09" in brief


def test_scenario_file_as_of_and_cli_override(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "case.yaml").write_text(REVERSAL)
    scenario = tmp_path / "before.yaml"
    scenario.write_text(
        "schema_version: 1\nname: before the reversal\nquestion: And in 2023?\n"
        "case: case.yaml\nas_of: 2023-12-31\ninterventions: []\n"
    )
    assert main(["scenario", "run", str(scenario), "--format", "csv"]) == 0
    rows = [r.split(",") for r in capsys.readouterr().out.splitlines()]
    header = rows[0]
    met = header.index("standard_met")
    by_run = {r[header.index("scenario")]: r[met] for r in rows[1:] if r[0] == "C"}
    assert by_run == {"baseline": "false", "before the reversal": "true"}
    assert main(["scenario", "run", str(scenario), "--format", "csv", "--as-of", "2025-01-01"]) == 0
    rows = [r.split(",") for r in capsys.readouterr().out.splitlines()]
    assert {r[met] for r in rows[1:] if r[0] == "C"} == {"false"}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("as_of: 2023-02-30\n", "as_of"),
        ("as_of: next week\n", "as_of"),
    ],
)
def test_a_bad_date_in_a_case_file_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, where: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(REVERSAL + text)
    assert main(["evaluate", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{path}:{REVERSAL.count(chr(10)) + 1}: {where}: ")
    assert "Traceback" not in err and len(err.splitlines()) == 1


def test_history_out_of_order_or_before_the_decision_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(
        REVERSAL.replace("date: 2024-03-01, action: reversed", "date: 2018-03-01, action: reversed")
    )
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    line = REVERSAL.splitlines().index("  - id: P") + 1
    assert err == (
        f"{path}:{line}: precedents[0]: history starts on 2018-03-01, before the "
        "decision (2019-09-09)"
    )


def test_a_bad_as_of_on_the_command_line_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(REVERSAL)
    for command in (
        ["evaluate"],
        ["report", "-o", str(tmp_path / "out")],
        ["render", "-o", str(tmp_path / "m.svg")],
    ):
        with pytest.raises(SystemExit) as exc:
            main([*command, str(path), "--as-of", "2023-13-01"])
        assert exc.value.code == 2
        err = capsys.readouterr().err.strip()
        assert err.endswith("argument --as-of: must be a date YYYY-MM-DD (got '2023-13-01')")
        assert len(err.splitlines()) == 1
    assert not (tmp_path / "out").exists() and not (tmp_path / "m.svg").exists()


def test_a_bad_as_of_in_a_scenario_file_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "case.yaml").write_text(REVERSAL)
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        "schema_version: 1\nname: s\nquestion: q\ncase: case.yaml\nas_of: 2023-04-31\n"
        "interventions: []\n"
    )
    assert main(["scenario", "run", str(scenario)]) == 2
    assert capsys.readouterr().err.startswith(f"{scenario}:5: as_of: ")


def test_timeline_table_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = loads(REVERSAL)
    assert case_dates(case) == [D(2019, 9, 9), D(2023, 6, 1), D(2024, 3, 1)]
    timeline = strength_timeline(case)
    verdicts = [(r.date, r.verdict) for r in timeline.rows]
    assert verdicts == [
        (D(2019, 9, 9), "proved"),
        (D(2023, 6, 1), "proved"),
        (D(2024, 3, 1), "unproven"),
    ]
    assert [r.date for r in timeline.changes()] == [D(2019, 9, 9), D(2024, 3, 1)]
    assert timeline.rows[1].strength > timeline.rows[0].strength  # the blog post adds
    path = tmp_path / "case.yaml"
    path.write_text(REVERSAL)
    out_csv, out_md = tmp_path / "t.csv", tmp_path / "t.md"
    assert main(["timeline", str(path), "-o", str(out_csv)]) == 0
    assert main(["timeline", str(path), "-o", str(out_md)]) == 0
    assert out_csv.read_text().splitlines()[0] == "date,claim,strength,verdict"
    assert out_csv.read_text().splitlines()[3].endswith(",unproven")
    assert "| 2024-03-01 | C |" in out_md.read_text()
    assert main(["timeline", str(path), "-o", str(tmp_path / "t.svg")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["timeline", str(path), "--claim", "nope"]) == 2


# -- property: as of a date after every date in the case == no as-of --------------

_DAY = st.dates(D(2000, 1, 1), D(2030, 12, 31))
_ACTIONS = ("affirmed", "reversed", "vacated", "remanded", "pending appeal", "settled")


@st.composite
def dated_cases(draw: st.DrawFn) -> Case:
    """A small valid case with dated sources, evidence, events and precedents."""
    n_src = draw(st.integers(1, 3))
    sources = [
        {
            "id": f"S{i}",
            "outlet": "o",
            "title": "t",
            **({"date": draw(_DAY)} if draw(st.booleans()) else {}),
        }
        for i in range(n_src)
    ]
    claims = [
        {"id": f"C{i}", "text": "c", "base_score": draw(st.sampled_from([0.2, 0.5, 0.8]))}
        for i in range(2)
    ]
    evidence = [
        {
            "id": f"E{i}",
            "text": "e",
            "source": f"S{draw(st.integers(0, n_src - 1))}",
            "status": "fact",
            "reliability": draw(st.sampled_from([0.3, 0.6, 0.9])),
            **({"date": draw(_DAY)} if draw(st.booleans()) else {}),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    factors = [
        {"id": "Fp", "text": "f", "favours": "plaintiff", "present": True},
        {"id": "Fd", "text": "f", "favours": "defendant", "present": draw(st.booleans())},
    ]
    precedents = []
    for i in range(draw(st.integers(0, 2))):
        decided = draw(_DAY)
        days = sorted(draw(st.lists(st.dates(decided, D(2031, 12, 31)), max_size=2)))
        precedents.append(
            {
                "id": f"P{i}",
                "name": "p",
                "court": "c",
                "year": decided.year,
                **({"date": decided} if draw(st.booleans()) else {}),
                "jurisdiction": "j",
                "status": "decided",
                "outcome": draw(st.sampled_from(["plaintiff", "defendant"])),
                "factors": ["Fp", "Fd"],
                "reason": [draw(st.sampled_from(["Fp", "Fd"]))],
                "authority": draw(st.sampled_from([0.4, 0.9])),
                "history": [{"date": d, "action": draw(st.sampled_from(_ACTIONS))} for d in days],
            }
        )
    premises = [e["id"] for e in evidence] + ["C1"]
    arguments = [
        {"id": f"A{i}", "conclusion": "C0", "premises": [draw(st.sampled_from(premises))]}
        for i in range(draw(st.integers(0, 2)))
    ] + [{"id": f"AP{p['id']}", "conclusion": "C1", "precedent": p["id"]} for p in precedents]
    ids = [c["id"] for c in claims] + [e["id"] for e in evidence] + [a["id"] for a in arguments]
    relations = [
        {
            "kind": draw(st.sampled_from(["support", "rebut", "undermine"])),
            "from": draw(st.sampled_from(ids)),
            "to": draw(st.sampled_from(claims))["id"],
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    unique = {(r["kind"], r["from"], r["to"]): r for r in relations if r["from"] != r["to"]}
    relations = list(unique.values())
    events = [
        {"id": f"V{i}", "text": "v", "date": draw(_DAY)} for i in range(draw(st.integers(0, 2)))
    ]
    doc: dict[str, Any] = {
        "schema_version": 1,
        "title": "t",
        "sources": sources,
        "claims": claims,
        "evidence": evidence,
        "factors": factors,
        "precedents": precedents,
        "arguments": arguments,
        "relations": relations,
        "events": events,
    }
    return Case.model_validate(doc)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_cases(), st.integers(0, 4000))
def test_as_of_after_every_date_is_no_as_of(case: Case, extra_days: int) -> None:
    dates = case_dates(case)
    after = (max(dates) if dates else D(2000, 1, 1)) + dt.timedelta(days=1 + extra_days)
    read = at_date(case, after)
    assert read.model_copy(update={"as_of": None}) == at_date(case)
    plain, late = evaluate(case), evaluate(case, as_of=after)
    assert {k: (r.label, r.strength, r.verdict) for k, r in plain.nodes.items()} == {
        k: (r.label, r.strength, r.verdict) for k, r in late.nodes.items()
    }
    assert late.as_of == after and plain.as_of is None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_cases(), _DAY)
def test_reading_as_of_is_idempotent_and_keeps_the_case_valid(case: Case, day: dt.date) -> None:
    once = at_date(case, day)
    assert at_date(once, day) == once
    assert at_date(once) == once  # the date is kept in the case
    assert all(e.date <= day for e in once.events)
    assert set(evaluate(case, as_of=day).nodes) == set(evaluate(case).nodes)


def test_save_and_load_keep_as_of_and_history(tmp_path: Path) -> None:
    data = yaml.safe_load(REVERSAL)
    data["as_of"] = D(2024, 1, 1)
    case = Case.model_validate(data)
    save(case, tmp_path / "c.yaml")
    assert load(tmp_path / "c.yaml") == case


def test_render_as_of_draws_only_what_was_known(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(REVERSAL)
    early, late = tmp_path / "early.dot", tmp_path / "late.dot"
    assert main(["render", str(path), "--as-of", "2020-01-01", "-o", str(early)]) == 0
    assert main(["render", str(path), "-o", str(late)]) == 0
    assert "E_public" not in early.read_text() and "A_blog" not in early.read_text()
    assert "E_public" in late.read_text()


def test_build_report_as_of_overrides_the_case_default() -> None:
    from argmap.report import build_report

    data = yaml.safe_load(REVERSAL)
    data["as_of"] = D(2024, 3, 1)
    report = build_report(Case.model_validate(data), formats=("svg",), as_of=D(2020, 1, 1))
    assert report.evaluation.as_of == D(2020, 1, 1)
    brief = report.files["brief.md"].decode()
    assert "*As of 2020-01-01*" in brief and "S\\_blog" not in brief and "S_blog" not in brief


def test_scenario_sweep_reads_the_case_as_of_the_date(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["scenario", "sweep", str(WORKED), "--param", "w_fair_use", "--values", "0.8"]
    argv += ["--claim", "C_fair_use", "--format", "csv"]
    assert main(argv) == 0
    now = capsys.readouterr().out
    assert main([*argv, "--as-of", "2023-04-30"]) == 0
    then = capsys.readouterr().out
    case = load(WORKED)
    values = {"w_fair_use": 0.8}
    expected = evaluate(case, values=values, as_of=D(2023, 4, 30))["C_fair_use"].strength
    row = then.splitlines()[1].split(",")
    # the CSV dialect writes six decimals
    assert now != then and float(row[2]) == pytest.approx(expected, abs=5e-7)
