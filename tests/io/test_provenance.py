"""Provenance: every quote of a case must appear in its source file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.io.casefile import load, loads
from argmap.io.provenance import check_provenance, closest_passage, normalise

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
CASE = REPO / "seeds" / "musk_v_microsoft.yaml"
SAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"

SOURCE_TEXT = (
    "Shortly after the news, Musk wrote: \u201cThey trained illegally using Twitter data.\u201d\n"
    "The company\u2019s multi\u2011platform tool stops on April 25,\u00a0 2023 "
    "\u2014 its site says.\n"
    "Prices run from $42,000\u202fto $210,000 a month."
)


def _case(quotes: list[str], file: str | None = "a.txt") -> str:
    lines = ["schema_version: 1", "title: t", "sources:"]
    lines.append("  - {id: S1, outlet: O, title: T" + (f", file: {file}" if file else "") + "}")
    lines.append("evidence:")
    for i, quote in enumerate(quotes):
        lines.append(f"  - id: E{i}")
        lines.append("    text: x")
        lines.append("    source: S1")
        lines.append(f"    quote: {json.dumps(quote)}")
        lines.append("    status: report")
    return "\n".join(lines) + "\n"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    return folder


# -- the shipped case ------------------------------------------------------------------


def test_shipped_case_is_clean_against_the_seed_articles() -> None:
    report = check_provenance(load(CASE), SEEDS)
    assert report.misses == []
    assert report.missing_sources == []
    assert report.ok
    assert len(report.checks) >= 40  # every evidence item of the worked case has a quote


def test_sample_case_is_clean_too() -> None:
    assert check_provenance(load(SAMPLE), SEEDS).ok


def test_a_tampered_quote_in_the_shipped_case_is_reported() -> None:
    text = CASE.read_text(encoding="utf-8")
    original = "They trained illegally using Twitter data. Lawsuit time."
    assert text.count(f"quote: {original}") == 1
    tampered = loads(
        text.replace(f"quote: {original}", "quote: They trained lawfully using Twitter data.")
    )
    report = check_provenance(tampered, SEEDS)
    assert [m.evidence for m in report.misses] == ["E_tweet"]
    miss = report.misses[0]
    assert miss.file == "003_3eae4d3813b44498.txt"
    assert miss.closest is not None and "trained illegally using Twitter data" in miss.closest
    assert miss.similarity is not None and 0.6 < miss.similarity < 1.0


# -- normalisation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        'Musk wrote: "They trained illegally using Twitter data."',  # straight quotes
        "The company's multi-platform tool",  # apostrophe and U+2011 folded
        "stops on April 25, 2023 - its site says.",  # no-break space, run of spaces, em dash
        "from $42,000 to $210,000",  # narrow no-break space
        "Twitter data.\u201d The company",  # line break in the source is a space
        "  They   trained\tillegally  ",  # the quote's own whitespace is folded too
    ],
)
def test_typography_and_whitespace_are_forgiven(sources: Path, quote: str) -> None:
    report = check_provenance(loads(_case([quote])), sources)
    assert report.ok, report.misses


@pytest.mark.parametrize(
    "quote",
    [
        "they trained illegally using Twitter data",  # case differs
        "They trained illegally using Twitter's data",  # a word added
        "from $42,000 to $210,000 per month",  # paraphrase of the figure
        "multiplatform",  # a hyphen is not nothing
    ],
)
def test_anything_else_must_match_exactly(sources: Path, quote: str) -> None:
    report = check_provenance(loads(_case([quote])), sources)
    assert [m.evidence for m in report.misses] == ["E0"]


def test_normalise_folds_only_typography() -> None:
    assert (
        normalise("\u2018a\u2019 \u201cb\u201d c\u2011d e\u2013f g\u2014h")
        == "'a' \"b\" c-d e-f g-h"
    )
    assert normalise("x\u00a0\u202f\u2009y\n\nz") == "x y z"
    assert normalise("soft\u00adhyphen zero\u200bwidth") == "softhyphen zerowidth"
    assert normalise("Case Stays") == "Case Stays"


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_run_of_source_words_is_found_whatever_its_typography(data: st.DataObject) -> None:
    words = normalise(SOURCE_TEXT).split(" ")
    start = data.draw(st.integers(0, len(words) - 1))
    stop = data.draw(st.integers(start + 1, len(words)))
    quote = " ".join(words[start:stop])
    fancy = {"'": "\u2019", '"': "\u201d", "-": "\u2011", " ": "\u00a0"}
    dressed = "".join(fancy[c] if c in fancy and data.draw(st.booleans()) else c for c in quote)
    assert normalise(dressed) in normalise(SOURCE_TEXT)


# -- closest passage -------------------------------------------------------------------


def test_closest_passage_finds_the_misquoted_sentence() -> None:
    passage, ratio = closest_passage("the tool stops on April 26, 2023", SOURCE_TEXT)
    assert "April 25, 2023" in passage
    assert 0.7 < ratio < 1.0


# -- sources ---------------------------------------------------------------------------


def test_missing_source_file_is_reported(sources: Path) -> None:
    report = check_provenance(loads(_case(["They trained"], file="gone.txt")), sources)
    assert not report.ok
    assert [(m.source, m.file, m.path) for m in report.missing_sources] == [
        ("S1", "gone.txt", "sources[0].file")
    ]
    assert report.misses[0].message() == f"no file gone.txt in {sources}"


def test_a_file_outside_the_sources_folder_is_refused(sources: Path) -> None:
    (sources.parent / "secret.txt").write_text("They trained", encoding="utf-8")
    report = check_provenance(loads(_case(["They trained"], file="../secret.txt")), sources)
    assert not report.ok
    assert "outside the sources folder" in report.missing_sources[0].reason


def test_a_quote_whose_source_names_no_file_cannot_be_verified(sources: Path) -> None:
    report = check_provenance(loads(_case(["They trained"], file=None)), sources)
    assert report.missing_sources == []
    assert report.misses[0].message() == "source S1 names no file to check against"


def test_evidence_without_a_quote_is_not_checked(sources: Path) -> None:
    text = _case(["They trained"]).replace('    quote: "They trained"\n', "")
    report = check_provenance(loads(text), sources)
    assert report.checks == [] and report.ok


# -- command line ----------------------------------------------------------------------


def test_cli_exits_0_on_the_shipped_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["provenance", str(CASE), "--sources", str(SEEDS)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "quotes found; 0 source file(s) missing" in captured.out


def test_cli_lists_each_miss_with_file_and_line(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(_case(["They trained illegally", "They trained legally using Twitter"]))
    assert main(["provenance", str(case), "--sources", str(sources)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f'{case}:14: evidence[1].quote: not found in a.txt (closest: "')
    assert "trained illegally using Twitter" in err[0]


def test_cli_json_report(sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(_case(["They trained illegally", "nowhere to be seen"]))
    assert main(["provenance", str(case), "--sources", str(sources), "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert (report["checked"], report["found"]) == (2, 1)
    assert [q["found"] for q in report["quotes"]] == [True, False]
    assert report["quotes"][1]["path"] == "evidence[1].quote"


def test_cli_reports_a_missing_source_file_with_its_line(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(_case(["They trained"], file="gone.txt"))
    assert main(["provenance", str(case), "--sources", str(sources)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{case}:4: sources[0].file: no file gone.txt in {sources}"


def test_cli_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["provenance", str(CASE), "--sources", str(tmp_path / "nope")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 1\ntitle: t\nevidence:\n  - {id: E1, text: x, source: S9, status: fact}\n"
    )
    assert main(["provenance", str(bad), "--sources", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"{bad}:4: evidence[0].source: unknown source 'S9'\n"


# -- files that are not regular files --------------------------------------------------


def _provenance_in_subprocess(case: Path, sources: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child with a deadline, so a read that blocks fails the test
    instead of hanging the suite."""
    return subprocess.run(
        [sys.executable, "-m", "argmap", "provenance", str(case), "--sources", str(sources)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_source_is_reported_not_read(sources: Path, tmp_path: Path) -> None:
    os.mkfifo(sources / "pipe.txt")
    case = tmp_path / "case.yaml"
    case.write_text(_case(["They trained"], file="pipe.txt"))
    try:
        done = _provenance_in_subprocess(case, sources)
    except subprocess.TimeoutExpired:  # pragma: no cover - the regression this guards
        pytest.fail("argmap provenance blocked reading a FIFO")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0] == (
        f"{case}:4: sources[0].file: pipe.txt in {sources} is a FIFO (named pipe), "
        "not a regular file"
    )


def test_a_folder_or_device_source_is_reported(sources: Path) -> None:
    (sources / "sub").mkdir()
    report = check_provenance(loads(_case(["They trained"], file="sub")), sources)
    assert report.missing_sources[0].reason == f"sub in {sources} is a folder, not a regular file"
    if Path("/dev/zero").exists():  # a device never ends: it must not be read at all
        devices = Path("/dev")
        report = check_provenance(loads(_case(["x"], file="zero")), devices)
        assert report.missing_sources[0].reason == (
            f"zero in {devices} is a device, not a regular file"
        )


def test_a_nul_byte_in_a_file_name_is_one_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(_case(["They trained"], file='"a\\0.txt"'))
    assert main(["provenance", str(case), "--sources", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{case}:4: sources[0].file: a file name cannot contain control characters (found U+0000)"
    ]
