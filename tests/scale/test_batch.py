"""``argmap batch``: one tidy row per (file, claim, semantics), errors as rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from argmap.cli import main
from argmap.io.casefile import load
from argmap.scale.store import parts_folder
from argmap.semantics.evaluate import evaluate

REPO = Path(__file__).resolve().parents[2]
CASE = REPO / "examples" / "ad_tool_dispute.yaml"
BROKEN = REPO / "tests" / "io" / "broken" / "ad_empty.argdown"


def _table(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)


def test_rows_per_file_claim_and_semantics_with_errors_as_rows(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    inputs = [str(CASE), str(BROKEN), str(tmp_path / "missing.yaml")]
    options = ["--semantics", "grounded", "--semantics", "preferred", "--local", "1"]
    code = main(["batch", *inputs, "-o", str(out), *options])
    assert code == 1  # some files are bad: the table is written all the same
    table = _table(out)
    good = table[table.file == str(CASE)]
    expected = evaluate(load(CASE), "preferred")
    claims = [r.id for r in expected.claims()]
    assert list(good.claim) == claims * 2
    assert list(good.semantics) == ["grounded"] * len(claims) + ["preferred"] * len(claims)
    pref = good[good.semantics == "preferred"].set_index("claim")
    for result in expected.claims():
        assert pref.loc[result.id, "label"] == str(result.label)
        assert pref.loc[result.id, "verdict"] == str(result.verdict)
        assert pref.loc[result.id, "strength"] == result.strength
    assert good.error.isna().all() and (good.seconds >= 0).all()
    bad = table[table.file == str(BROKEN)]
    assert len(bad) == 2 and bad.claim.isna().all()
    assert bad.error.str.contains("ad_empty.argdown:1: the file is empty").all()
    missing = table[table.file.str.endswith("missing.yaml")]
    assert len(missing) == 2 and missing.error.notna().all()
    assert not parts_folder(out).exists()


def test_folders_are_searched_and_executors_agree(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.yaml").write_bytes(CASE.read_bytes())
    (corpus / "b.tgf").write_text("1\n2\n#\n1 2\n")
    (corpus / "notes.txt").write_text("not a case")
    serial, pooled = tmp_path / "s.csv", tmp_path / "p.csv"
    assert main(["batch", str(corpus), "-o", str(serial), "--local", "1"]) == 0
    assert main(["batch", str(corpus), "-o", str(pooled), "--local", "2"]) == 0
    a, b = _table(serial), _table(pooled)
    assert sorted(set(a.file)) == [str(corpus / "a.yaml"), str(corpus / "b.tgf")]
    pd.testing.assert_frame_equal(a.drop(columns="seconds"), b.drop(columns="seconds"))


def test_an_unfinished_run_is_not_overwritten_without_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.parquet"
    parts_folder(out).mkdir()
    assert main(["batch", str(CASE), "-o", str(out), "--local", "1"]) == 2
    assert "continue it with --resume" in capsys.readouterr().err
    assert not out.exists()


def test_output_must_be_parquet_or_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(CASE), "-o", str(tmp_path / "r.txt")]) == 2
    assert "give a .parquet or .csv file name" in capsys.readouterr().err
