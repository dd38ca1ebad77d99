"""AIF and xAIF: scheme nodes named after a catalogue scheme become that scheme."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.io.aif import parse_aif, read_aif, to_aif
from argmap.io.casefile import validate_strictly
from argmap.io.xaif import parse_xaif, to_xaif
from argmap.model import Case
from argmap.model.catalogue import catalogue

AIF_FILE = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "aif"


def _map(scheme_fields: dict[str, Any]) -> dict[str, Any]:
    """Two premises, one conclusion, one RA node carrying ``scheme_fields``."""
    return {
        "nodes": [
            {"nodeID": "1", "text": "Dr Smith is an engineer", "type": "I"},
            {"nodeID": "2", "text": "Dr Smith says the part failed", "type": "I"},
            {"nodeID": "3", "text": "The part failed", "type": "I"},
            {"nodeID": "4", "type": "RA", **scheme_fields},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "1", "toID": "4"},
            {"edgeID": "2", "fromID": "2", "toID": "4"},
            {"edgeID": "3", "fromID": "4", "toID": "3"},
        ],
        "locutions": [],
    }


@pytest.mark.parametrize(
    ("fields", "scheme"),
    [
        (
            {"text": "Expert Opinion", "scheme": "Expert Opinion", "schemeID": "14"},
            "expert_opinion",
        ),
        ({"text": "Argument From Position To Know"}, "position_to_know"),
        ({"text": "Default Inference", "scheme": "Default Inference"}, "Default Inference"),
        ({"text": "RA"}, "defeasible inference"),
    ],
)
def test_ra_scheme_names_map_to_catalogue_ids(fields: dict[str, Any], scheme: str) -> None:
    case = parse_aif(json.dumps(_map(fields))).case
    assert case.node("RA4").scheme == scheme  # type: ignore[union-attr]


def _scheme_case() -> Case:
    data: dict[str, Any] = {
        "title": "Schemes travel",
        "sources": [{"id": "S", "outlet": "o", "title": "t"}],
        "claims": [{"id": "C", "text": "The part failed"}],
        "evidence": [
            {"id": f"E{k}", "text": f"premise {k}", "source": "S", "status": "fact"}
            for k in range(len(catalogue()))
        ],
        "arguments": [
            {"id": f"A{k}", "conclusion": "C", "premises": [f"E{k}"], "scheme": scheme}
            for k, scheme in enumerate(catalogue())
        ],
    }
    return validate_strictly(Case, data)


def test_every_catalogue_scheme_survives_an_aif_round_trip() -> None:
    case = _scheme_case()
    exported = to_aif(case)
    ra = [n for n in exported["nodes"] if n["type"] == "RA"]
    assert {n["text"] for n in ra} == {s.aliases[0] for s in catalogue().values()}
    assert all(n["scheme"] == n["text"] for n in ra)
    back = parse_aif(json.dumps(exported)).case
    assert sorted(a.scheme for a in back.arguments) == sorted(catalogue())


def test_every_catalogue_scheme_survives_an_xaif_round_trip() -> None:
    back = parse_xaif(json.dumps(to_xaif(_scheme_case()))).case
    assert sorted(a.scheme for a in back.arguments) == sorted(catalogue())


def test_real_files_keep_their_default_inference() -> None:
    path = AIF_FILE / "nodeset21145.json"
    case = read_aif(path).case
    assert {a.scheme for a in case.arguments} == {"Default Inference"}
    again = parse_aif(json.dumps(to_aif(read_aif(path)))).case
    assert {a.scheme for a in again.arguments} == {"Default Inference"}
