"""A map too large to lay out is refused at once with a typed error (render, the
``render`` command, the maps of ``report``), unless forced; its DOT is still written."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.errors import MapTooLargeError
from argmap.io.casefile import save
from argmap.io.iccma_case import af_to_case
from argmap.maps import Map, render
from argmap.maps import map as map_module
from argmap.maps.engine import LAYOUT_EDGE_LIMIT, LAYOUT_NODE_LIMIT, check_layout_size
from argmap.model import Case
from argmap.report import build_report
from argmap.semantics.dung.af import AF
from tests.semantics.large_frameworks import admbuster, dense_random


def _case(names: list[str], attacks: list[tuple[int, int]]) -> Case:
    labels = [str(i) for i in range(1, len(names) + 1)]
    pairs = [(labels[s - 1], labels[d - 1]) for s, d in attacks]
    return af_to_case(AF.from_pairs(labels, pairs), "large")


@pytest.fixture(scope="module")
def many_claims() -> Case:
    return _case(*admbuster(LAYOUT_NODE_LIMIT + 10))


@pytest.fixture(scope="module")
def many_edges() -> Case:
    return _case(*dense_random(200, LAYOUT_EDGE_LIMIT + 100))


@pytest.fixture(autouse=True)
def _no_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    # a refused map must never reach the renderer; a forced one gets a stand-in SVG
    def stand_in(dot: str, fmt: str, engine: str | None) -> bytes:
        return dot.encode() if fmt == "dot" else b"<svg/>"

    monkeypatch.setattr(map_module, "pipe", stand_in)


def test_limits_are_checked_on_both_counts() -> None:
    check_layout_size(LAYOUT_NODE_LIMIT, LAYOUT_EDGE_LIMIT)
    with pytest.raises(MapTooLargeError):
        check_layout_size(LAYOUT_NODE_LIMIT + 1, 0)
    with pytest.raises(MapTooLargeError):
        check_layout_size(LAYOUT_NODE_LIMIT, LAYOUT_EDGE_LIMIT + 1)
    # dense: more edges per node than a layout copes with, beyond a few hundred edges
    check_layout_size(100, 400)
    check_layout_size(20, 300)
    with pytest.raises(MapTooLargeError):
        check_layout_size(100, 401)


def test_map_refuses_layout_but_gives_its_dot() -> None:
    big = Map("digraph { }", nodes=2000, edges=LAYOUT_EDGE_LIMIT + 1)
    with pytest.raises(MapTooLargeError) as info:
        big.pipe("svg")
    assert info.value.edges == LAYOUT_EDGE_LIMIT + 1
    assert "\n" not in str(info.value)
    assert big.pipe("dot") == b"digraph { }"
    forced = Map("digraph { }", nodes=2000, edges=LAYOUT_EDGE_LIMIT + 1, force=True)
    assert forced.pipe("svg") == b"<svg/>"


def test_whole_map_of_too_many_claims_is_refused_before_it_is_built(many_claims: Case) -> None:
    for view in ("map", "overview"):
        m = render(many_claims, view=view)
        assert "DOT not built yet" in repr(m)
        with pytest.raises(MapTooLargeError) as info:
            m.pipe("svg")
        assert info.value.nodes == len(many_claims.claims)
        assert info.value.edges is None
        assert "DOT not built yet" in repr(m)
    # the DOT is still there on demand, and then the real size is known
    m = render(many_claims)
    assert m.dot.startswith("digraph")
    assert m.nodes >= len(many_claims.claims)
    with pytest.raises(MapTooLargeError) as info:
        m.pipe("png")
    assert info.value.edges is not None
    forced = render(many_claims, force=True)
    assert forced.nodes >= len(many_claims.claims)
    assert forced.pipe("svg") == b"<svg/>"
    # a part of it is small enough to draw
    part = render(many_claims, view="focus", focus=many_claims.claims[0].id, depth=2)
    assert part.pipe("svg") == b"<svg/>"


def test_dense_map_is_refused_when_saved(many_edges: Case, tmp_path: Path) -> None:
    m = render(many_edges)
    assert m.edges > LAYOUT_EDGE_LIMIT
    with pytest.raises(MapTooLargeError):
        m.save(tmp_path / "map.svg")
    assert not (tmp_path / "map.svg").exists()


def test_cli_refuses_in_one_line_and_writes_nothing(
    many_edges: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "dense.yaml"
    save(many_edges, case)
    out = tmp_path / "map.svg"
    assert main(["render", str(case), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("argmap: error: the map has 200 nodes and ")
    assert "--force" in err
    assert not out.exists()
    assert main(["render", str(case), "-o", str(tmp_path / "map.dot")]) == 0
    assert main(["render", str(case), "-o", str(out), "--force"]) == 0
    assert out.read_bytes() == b"<svg/>"


def test_report_leaves_large_maps_out_and_says_so(many_edges: Case) -> None:
    report = build_report(many_edges, formats=("svg",))
    assert set(report.undrawn) == {"map", "map-full"}
    assert not any(name.endswith(".svg") for name in report.files)
    brief = report.files["brief.md"].decode()
    assert "were not drawn" in brief and "map.svg" not in brief
    assert "evaluation.csv" in report.files
