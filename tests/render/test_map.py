"""The Map object: saving by suffix, atomicity, notebook display."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from argmap.errors import RenderError
from argmap.io.casefile import load
from argmap.maps import Map, render
from argmap.maps.map import DISPLAY_NODE_LIMIT
from argmap.model import Case
from tests.render.helpers import EXAMPLE, svg_texts


@pytest.fixture(scope="module")
def case() -> Case:
    return load(EXAMPLE)


@pytest.mark.parametrize(
    ("suffix", "magic"),
    [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF-"), (".dot", b'digraph "argmap"')],
)
def test_save_every_format(case: Case, tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = render(case).save(tmp_path / f"map{suffix}")
    assert out.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [f"map{suffix}"]


def test_save_refuses_unknown_suffix(case: Case, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="cannot tell the format"):
        render(case).save(tmp_path / "map.gif")
    assert list(tmp_path.iterdir()) == []


def test_save_into_missing_folder(case: Case, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="does not exist"):
        render(case).save(tmp_path / "nope" / "map.svg")


def test_failed_render_leaves_no_file_and_keeps_old(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old")
    with pytest.raises(RenderError):
        Map("digraph { a -> }", engine="graphviz-pure").save(target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_mimebundle_is_svg(case: Case) -> None:
    bundle = render(case)._repr_mimebundle_()
    assert bundle["image/svg+xml"].startswith("<?xml")
    assert "Why Microsoft dropped Twitter" in "".join(svg_texts(bundle["image/svg+xml"]))
    png = render(case)._repr_mimebundle_(include=["image/png"])
    assert set(png) == {"image/png"}


def test_big_maps_are_not_laid_out_inline() -> None:
    big = Map("digraph { }", nodes=DISPLAY_NODE_LIMIT + 1)
    assert big._repr_svg_() is None
    bundle = big._repr_mimebundle_()
    assert set(bundle) == {"text/plain"}
    assert "too big" in bundle["text/plain"]


def test_display_of_a_broken_map_is_text_not_an_exception() -> None:
    bundle = Map("digraph { a -> }", engine="graphviz-pure")._repr_mimebundle_()
    assert "could not be rendered" in bundle["text/plain"]


def test_pipe_is_cached(case: Case) -> None:
    m = render(case)
    assert m.pipe("svg") is m.pipe("svg")


def test_write_failure_leaves_no_partial_file(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(RenderError, match="cannot write: Permission denied"):
        render(case).save(tmp_path / "map.svg")
    assert list(tmp_path.iterdir()) == []


def test_argmap_render_stays_the_function_after_submodule_imports(case: Case) -> None:
    import argmap
    import argmap.maps.theme  # sets the attribute argmap.maps, not argmap.render

    assert argmap.render is render and isinstance(argmap.render(case), Map)
    assert not callable(argmap.maps)  # no module made callable to stand in for it
    with pytest.raises(ModuleNotFoundError):  # no module named like the function
        importlib.import_module("argmap.render")


def test_to_graphviz_round_trips_the_source(case: Case) -> None:
    m = render(case)
    assert m.to_graphviz().source == m.dot
