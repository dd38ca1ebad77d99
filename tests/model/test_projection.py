"""One projection of the case graph: the framework and the maps read the same nodes,
kinds and links (argmap.model.projection)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.io.casefile import load
from argmap.maps.graph import case_graph
from argmap.model.projection import project
from argmap.semantics.compile import compile_case

REPO = Path(__file__).resolve().parents[2]
CASES = [REPO / "seeds" / "musk_v_microsoft.yaml", *sorted((REPO / "examples").glob("*.yaml"))]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_framework_and_map_read_the_same_nodes_and_kinds(path: Path) -> None:
    case = load(path)
    graph = project(case)
    kinds = {node.id: node.kind for node in graph.nodes}
    fw = compile_case(case)
    assert [(i, k) for i, k in zip(fw.ids, fw.kinds, strict=True)] == [
        (node.id, node.kind) for node in graph.nodes if node.id not in fw.dropped
    ]
    drawn, edges = case_graph(case)
    for node_id, item in drawn.items():
        expected = "junction" if node_id in graph.undercut_targets else kinds[node_id]
        assert item.kind == expected
    # every link of an argument is drawn, and compiled unless its argument is dropped
    for link in graph.argument_links:
        assert any(e.tail == link.origin and e.head == link.target for e in edges)
        if link.argument.id not in fw.dropped:
            j, k = fw.index[link.origin], fw.index[link.target]
            pairs = set(zip(fw.sup_src.tolist(), fw.sup_dst.tolist(), strict=True)) | set(
                zip(fw.att_src.tolist(), fw.att_dst.tolist(), strict=True)
            )
            assert (j, k) in pairs
