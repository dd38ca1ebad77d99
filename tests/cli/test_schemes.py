"""`argmap schemes` and the scheme checks of `argmap validate`, as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.model.catalogue import catalogue

CASE = """\
schema_version: 1
title: Sign
claims:
  - {id: C_knew, text: The firm knew}
  - {id: C_recall, text: The firm recalled the part}
schemes:
  - id: own
    name: Our own scheme
    roles: [{id: fact, text: A fact}]
    questions: [{id: doubt, text: Any doubt?, weight: 0.4}]
arguments:
  - id: A
    conclusion: C_knew
    premises: [C_recall]
    scheme: sign
"""


def test_schemes_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "roles", "questions", "name"]
    assert [line.split()[0] for line in lines[1:]] == list(catalogue())


def test_schemes_shows_one_by_id_name_or_alias(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("witness_testimony", "Argument from witness testimony", "Witness Testimony"):
        assert main(["schemes", name]) == 0
        out = capsys.readouterr().out
        assert out.startswith("witness_testimony: Argument from witness testimony\n")
        assert "    biased        0.2  Does the witness have a reason to slant the account?" in out


def test_an_unknown_scheme_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemes", "from\x1b[2J vibes"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("argmap: error: no scheme named 'from\\x1b[2J vibes'")
    assert "\x1b" not in err  # the escape is shown, never obeyed
    assert len(err.splitlines()) == 1


def test_schemes_with_a_case_adds_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE, "utf-8")
    assert main(["schemes", "--case", str(case)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split() == [
        "own",
        "1",
        "1",
        "Our",
        "own",
        "scheme",
    ]
    assert main(["schemes", "own", "--case", str(case)]) == 0
    assert "doubt  0.4  Any doubt?" in capsys.readouterr().out


def test_validate_warns_of_an_unfilled_role(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE, "utf-8")
    assert main(["validate", "-q", str(case)]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"{case}:15: arguments[0].scheme: warning: no premise fills the sign role(s) sign "
        "(map them under roles:)\n"
    )
    filled = tmp_path / "filled.yaml"
    filled.write_text(CASE + "    roles: {sign: C_recall}\n", "utf-8")
    assert main(["validate", "-q", str(filled)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("tail", "line", "message"),
    [
        (
            "    roles:\n      sign: C_recall\n      motive: C_knew\n",
            18,
            "arguments[0].roles.motive: scheme sign has no role 'motive' (its roles: sign)",
        ),
        (
            "    roles:\n      sign: C_knew\n",
            17,
            "arguments[0].roles.sign: 'C_knew' is not one of this argument's premises",
        ),
        (
            "    questions:\n      strength: {status: answered, by: E_missing}\n",
            17,
            "arguments[0].questions.strength.by: unknown answer 'E_missing'",
        ),
        (
            "    questions:\n      strength: {status: maybe}\n",
            17,
            "arguments[0].questions.strength.status: "
            "Input should be 'open', 'answered' or 'conceded'",
        ),
    ],
)
def test_validate_reports_bad_roles_and_questions_on_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tail: str, line: int, message: str
) -> None:
    case = tmp_path / "bad.yaml"
    case.write_text(CASE + tail, "utf-8")
    assert main(["validate", str(case)]) == 2
    err = capsys.readouterr().err
    assert err == f"{case}:{line}: {message}\n"
    assert main(["evaluate", str(case)]) == 2  # every command refuses the case


def test_evaluate_json_gives_argument_rows_their_open_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE + "    questions: {strength: conceded}\n", "utf-8")
    assert main(["evaluate", str(case), "--format", "json", "--all"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = {row["id"]: row for row in data["nodes"]}
    assert rows["A"]["open_questions"] == ["other_cause"]
    assert "open_questions" not in rows["C_knew"]
    assert data["notes"] == ["A is undercut by open critical questions: other_cause"]
