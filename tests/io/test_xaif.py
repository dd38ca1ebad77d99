"""xAIF (OVA3, arg-tech mining tools): read the real file, write it back, clean errors.

The real file is ``../shared/examples/xaif/28106.json`` (arg-tech/papa; see
``../shared/examples/PROVENANCE.md``), read where it is.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from argmap.cli import main
from argmap.errors import CaseError
from argmap.io.aif import parse_aif
from argmap.io.casefile import load
from argmap.io.convert import convert
from argmap.io.xaif import parse_xaif, read_xaif, to_xaif

REPO = Path(__file__).resolve().parents[2]
XAIF = REPO.parent / "shared" / "examples" / "xaif" / "28106.json"
CASE = REPO / "examples" / "ad_tool_dispute.yaml"


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(XAIF.read_text("utf-8"))
    return data


def test_the_real_file_reads_as_its_aif_part() -> None:
    raw = _raw()
    doc = read_xaif(XAIF)
    alone = parse_aif(json.dumps(raw["AIF"]))
    # the argument layer is exactly what the AIF part gives on its own
    assert doc.case.claims == alone.case.claims
    assert doc.case.arguments == alone.case.arguments
    assert doc.case.relations == alone.case.relations
    types = Counter(n["type"] for n in raw["AIF"]["nodes"])
    assert len(doc.case.claims) == types["I"]
    assert len(doc.case.arguments) > 0 and len(doc.case.relations) > 0
    # the dialogue layer is kept beside the case, not lost
    kept = Counter(n["type"] for n in doc.dialogue_nodes)
    assert kept["L"] == types["L"] and kept["YA"] == types["YA"] and kept["TA"] == types["TA"]
    assert len(doc.locutions) == len(raw["AIF"]["locutions"])
    assert set(doc.wrapper or {}) == set(raw) - {"AIF"}


def test_the_text_becomes_the_description_without_markup() -> None:
    description = read_xaif(XAIF).case.description or ""
    assert description.startswith("Source text (xAIF): ")
    assert "<span" not in description and "</span>" not in description
    first_words = "How many positive influenza virus detections"
    assert first_words in description and first_words in _raw()["text"]


def test_xaif_to_xaif_gives_every_node_edge_locution_text_and_layout_back(tmp_path: Path) -> None:
    out = tmp_path / "again.xaif.json"
    assert convert(XAIF, out) == []
    raw, again = _raw(), json.loads(out.read_text("utf-8"))
    assert again["text"] == raw["text"] and again["OVA"] == raw["OVA"]

    def key(n: Any) -> str:
        return json.dumps(n, sort_keys=True)

    assert sorted(map(key, again["AIF"]["nodes"])) == sorted(map(key, raw["AIF"]["nodes"]))
    assert again["AIF"]["locutions"] == raw["AIF"]["locutions"]
    ends = Counter((str(e["fromID"]), str(e["toID"])) for e in raw["AIF"]["edges"])
    assert Counter((str(e["fromID"]), str(e["toID"])) for e in again["AIF"]["edges"]) == ends
    for extra in ("participants", "schemefulfillments"):
        assert again["AIF"][extra] == raw["AIF"][extra]


def test_the_command_line_reads_the_real_file_by_its_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "case.yaml"
    assert main(["convert", str(XAIF), str(out)]) == 0
    err = capsys.readouterr().err
    assert "dialogue layer" in err and "L nodes" in err and "locutions" in err
    assert load(out) == read_xaif(XAIF).case
    # written as plain AIF, the text and layout are named as lost
    warnings = convert(XAIF, tmp_path / "plain.aif.json")
    assert warnings == ["dropped the xAIF keys beside the map (OVA, text): use xAIF output"]


def test_a_case_is_written_as_xaif_and_read_back(tmp_path: Path) -> None:
    out = tmp_path / "case.xaif.json"
    warnings = convert(CASE, out)
    assert warnings and warnings[0].startswith("lossy conversion to AIF")
    data = json.loads(out.read_text("utf-8"))
    assert set(data) == {"AIF", "text", "OVA"}
    assert {"nodes", "edges", "locutions", "participants", "schemefulfillments"} <= set(data["AIF"])
    back = read_xaif(out)
    case = load(CASE)
    assert data["text"] == case.description
    assert back.case.description == "Source text (xAIF): " + (case.description or "")
    texts = {c.text for c in back.case.claims}
    assert {c.text for c in case.claims} <= texts
    # pro arguments come back as arguments, and supports as one-premise arguments
    assert len(back.case.arguments) >= sum(a.stance.value == "pro" for a in case.arguments)
    assert to_xaif(back)["text"] == data["text"]


def test_the_format_can_be_given_explicitly(tmp_path: Path) -> None:
    out = tmp_path / "map.json"
    convert(CASE, out, to="xaif")
    assert "AIF" in json.loads(out.read_text("utf-8"))
    assert convert(out, tmp_path / "back.yaml", from_="xaif") == []


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("", ":1:", "the file is empty"),
        ('{"nodes": []}', ":1:", "an xAIF document is an object with an 'AIF' object"),
        ('{"AIF": {"nodes": [], "edges": 3}}', ":1: AIF.edges:", "'edges' must be a list"),
    ],
)
def test_malformed_xaif_is_one_clear_error(text: str, where: str, message: str) -> None:
    with pytest.raises(CaseError) as info:
        parse_xaif(text, "m.json")
    assert f"m.json{where}" in str(info.value) and message in str(info.value)


def test_every_bad_node_is_reported_with_its_path_inside_aif() -> None:
    text = (
        '{"AIF": {\n"nodes": [\n{"nodeID": "1", "text": 5, "type": "I"},\n'
        '{"nodeID": "2", "type": "I"},\n{"text": "x", "type": "I"}\n],\n"edges": []}}'
    )
    with pytest.raises(CaseError) as info:
        parse_xaif(text, "m.json")
    lines = str(info.value).splitlines()
    assert lines == [
        "m.json:3: AIF.nodes[0].text: must be a string or null, got the number 5",
        "m.json:5: AIF.nodes[2]: node has no 'nodeID'",
    ]


def test_a_bad_xaif_file_on_the_command_line_is_exit_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"AIF": {"nodes": [{"nodeID": "1", "type": "I", "text": 3}], "edges": []}}')
    out = tmp_path / "out.yaml"
    out.write_text("previous\n", "utf-8")
    assert main(["convert", str(bad), str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.json:1: AIF.nodes[0].text: must be a string or null, got the number 3" in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert out.read_text("utf-8") == "previous\n"
