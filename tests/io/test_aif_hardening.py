"""AIF on corpus exports: duplicate nodes, every error at once, honest warnings.

The AIFdb files are read where they are, in ``../shared/examples/aif/`` (see
``../shared/examples/PROVENANCE.md``). Neither of them has duplicate nodes, so the
duplicate test doubles every node and edge of a real file, as AIFdb corpus exports do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.cli import main
from argmap.errors import CaseError
from argmap.io.aif import parse_aif, read_aif, to_aif
from argmap.io.convert import convert

REPO = Path(__file__).resolve().parents[2]
AIF_DIR = REPO.parent / "shared" / "examples" / "aif"
AIF_FILES = sorted(AIF_DIR.glob("*.json"))


def _raw(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@pytest.mark.parametrize("path", AIF_FILES, ids=lambda p: p.name)
def test_exact_duplicates_are_merged_and_counted_once(path: Path) -> None:
    raw = _raw(path)
    doubled = {**raw, "nodes": raw["nodes"] * 2, "edges": raw["edges"] * 2}
    doc = parse_aif(json.dumps(doubled), "corpus.json")
    plain = read_aif(path)
    assert doc.case.model_copy(update={"title": plain.case.title}) == plain.case
    n, e = len(raw["nodes"]), len(raw["edges"])
    assert doc.warnings[0].startswith(f"{n} exact duplicate nodes merged, each counted once")
    assert doc.warnings[1] == f"{e} exact duplicate edges merged, each counted once"
    assert doc.warnings[2:] == plain.warnings
    # written back, every node and edge appears once
    out = to_aif(doc)
    assert len(out["nodes"]) == n and len(out["edges"]) == e


def test_a_real_conflict_is_refused_naming_the_node_id() -> None:
    text = (
        '{"nodes": [\n{"nodeID": "7", "text": "a", "type": "I"},\n'
        '{"nodeID": "7", "text": "a", "type": "I"},\n'
        '{"nodeID": "7", "text": "b", "type": "I"}\n], "edges": []}'
    )
    with pytest.raises(CaseError) as info:
        parse_aif(text, "m.json")
    assert str(info.value) == (
        "m.json:4: nodes[2].nodeID: duplicate nodeID '7' with different content (first at nodes[0])"
    )


def test_every_problem_is_reported_with_its_json_path() -> None:
    text = (
        '{"nodes": [\n{"nodeID": "1", "text": ["x"], "type": "I"},\n'
        '{"nodeID": true, "type": "I"},\n{"nodeID": "3", "type": 4},\n'
        '{"nodeID": "4", "text": "ok", "type": "I"}\n],\n'
        '"edges": [\n{"fromID": "4", "toID": "9"},\n{"toID": "4"}\n]}'
    )
    with pytest.raises(CaseError) as info:
        parse_aif(text, "m.json")
    assert str(info.value).splitlines() == [
        "m.json:2: nodes[0].text: must be a string or null, got an array",
        "m.json:3: nodes[1].nodeID: nodeID must be a non-empty string or an integer",
        "m.json:4: nodes[2].type: must be a string, got the number 4",
        "m.json:8: edges[0].toID: unknown node '9'",
        "m.json:9: edges[1]: edge has no 'fromID'",
    ]


ILL_FORMED = {
    "nodes": [
        {"nodeID": "1", "text": "A", "type": "I"},
        {"nodeID": "2", "text": "B", "type": "I"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        {"nodeID": "4", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "5", "text": "said A", "type": "L"},
    ],
    "edges": [{"fromID": "3", "toID": "1"}, {"fromID": "2", "toID": "4"}],
}


def test_ill_formed_scheme_nodes_are_named_as_such(tmp_path: Path) -> None:
    doc = parse_aif(json.dumps(ILL_FORMED))
    assert doc.warnings == (
        "ill-formed RA node 3: an argument needs I premises and one I conclusion; "
        "it has 0 in, 1 out; kept verbatim for AIF output only",
        "ill-formed CA node 4: a CA relation needs a source and one target; "
        "it has 1 in, 0 out; kept verbatim for AIF output only",
    )
    source = tmp_path / "map.aif.json"
    source.write_text(json.dumps(ILL_FORMED), "utf-8")
    warnings = convert(source, tmp_path / "map.yaml")
    # the L node is the dialogue layer; the RA and CA nodes are not
    assert (
        "dropped the AIF dialogue layer, who said what and when (AIF and xAIF output keep it): "
        "1 L nodes" in warnings
    )
    assert any(
        w.startswith("dropped scheme nodes that fit no argument or relation (1 CA, 1 RA;")
        for w in warnings
    )
    assert not any("dialogue layer" in w and "RA" in w for w in warnings)


def test_an_empty_file_is_an_error_and_an_empty_map_a_warning(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match=r"^m.json:1: the file is empty$"):
        parse_aif(b"  \n", "m.json")
    doc = parse_aif('{"nodes": [], "edges": []}')
    assert doc.warnings == ("the AIF map has no nodes: the case is empty",)


def test_no_title_warning_for_the_title_argmap_made_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = AIF_FILES[0]
    for target in ("m.af", "m.apx", "m.aif.json"):
        assert main(["convert", str(source), str(tmp_path / target)]) == 0
        err = capsys.readouterr().err
        assert "title" not in err, (target, err)
    # a title the user wrote is still named when it is lost
    case = REPO / "examples" / "ad_tool_dispute.yaml"
    assert main(["convert", str(case), str(tmp_path / "c.apx")]) == 0
    assert "dropped title" in capsys.readouterr().err
