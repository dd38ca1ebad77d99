"""Case files: exact round trips, encodings, size limits, and that nothing is written on error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.errors import CaseError
from argmap.io.casefile import dumps, load, loads, save
from argmap.io.locations import MAX_BYTES
from tests.model.strategies import cases

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ad_tool_dispute.yaml"


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_yaml_round_trip_is_exact(case: argmap.Case) -> None:
    assert loads(dumps(case)) == case


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_json_round_trip_is_exact(case: argmap.Case) -> None:
    assert loads(dumps(case, "json"), "json") == case


def test_sample_round_trips_through_files(tmp_path: Path) -> None:
    case = load(SAMPLE)
    for name in ("copy.yaml", "copy.json"):
        save(case, tmp_path / name)
        assert load(tmp_path / name) == case
    assert (tmp_path / "copy.yaml").read_text().startswith("schema_version: 1\n")


def test_bom_and_crlf_are_accepted() -> None:
    text = SAMPLE.read_bytes().replace(b"\n", b"\r\n")
    assert loads(b"\xef\xbb\xbf" + text) == load(SAMPLE)


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(b"title: x\n")
        handle.write(b"# padding\n" * (50 * 1024 * 1024 // 10))
    assert big.stat().st_size > MAX_BYTES
    with pytest.raises(CaseError, match="larger than 10 MiB"):
        load(big)


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.yaml", "no such file"), (".", "not a regular file")],
)
def test_unreadable_paths(tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(CaseError, match=message):
        load(tmp_path / name)


def test_errors_carry_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "schema_version: 1\ntitle: t\nclaims:\n  - id: C1\n    text: x\n    issue: I1\n"
    )
    with pytest.raises(CaseError) as info:
        load(path)
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.path) == (str(path), 6, "claims[0].issue")


def test_yaml_alias_bomb_is_refused_at_once() -> None:
    # 9 * 3**24 leaves if expanded: any walk of the expanded tree would never finish
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(24)
    )
    with pytest.raises(CaseError, match=r"<string>:1: YAML: anchors and aliases"):
        loads(bomb + "title: t\n")
