"""Finding a renderer, every format through the fresh-machine path, and its errors."""

from __future__ import annotations

import pytest

from argmap.errors import RenderError
from argmap.maps import engine
from argmap.maps.engine import find_renderer, pipe

DOT = 'digraph { a [label="hello"]; a -> b }'


def test_pure_renderer_is_found_beside_python() -> None:
    renderer = find_renderer("graphviz-pure")
    assert renderer.name == "graphviz-pure"


def test_environment_variable_chooses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_RENDERER", "graphviz-pure")
    assert find_renderer().name == "graphviz-pure"
    monkeypatch.setenv("ARGMAP_RENDERER", "gnuplot")
    with pytest.raises(RenderError, match="unknown renderer 'gnuplot'"):
        find_renderer()


def test_auto_prefers_system_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_locate", lambda p: f"/opt/{p}")
    assert find_renderer("auto").name == "dot"
    monkeypatch.setattr(engine, "_locate", lambda p: None if p == "dot" else f"/opt/{p}")
    assert find_renderer("auto").name == "graphviz-pure"


def test_missing_renderer_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_locate", lambda p: None)
    with pytest.raises(RenderError, match="pip install graphviz-pure"):
        find_renderer("auto")
    with pytest.raises(RenderError, match="install Graphviz"):
        find_renderer("dot")
    with pytest.raises(RenderError, match="pip install graphviz-pure"):
        find_renderer("graphviz-pure")


def test_svg() -> None:
    svg = pipe(DOT, "svg", "graphviz-pure")
    assert svg.lstrip().startswith(b"<?xml") and b"hello" in svg


def test_png() -> None:
    assert pipe(DOT, "png", "graphviz-pure").startswith(b"\x89PNG\r\n\x1a\n")


def test_pdf() -> None:
    pdf = pipe(DOT, "pdf", "graphviz-pure")
    assert pdf.startswith(b"%PDF-")


def test_dot_needs_no_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_locate", lambda p: None)
    assert pipe(DOT, "dot") == DOT.encode()


def test_unsupported_format() -> None:
    with pytest.raises(RenderError, match="unsupported format 'gif'"):
        pipe(DOT, "gif")


def test_renderer_failure_is_one_clear_error() -> None:
    with pytest.raises(RenderError, match="graphviz-pure failed to render svg"):
        pipe("digraph { a -> }", "svg", "graphviz-pure")


def test_missing_cairosvg_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_cairo(name: str, *args: object, **kwargs: object) -> object:
        if name == "cairosvg":
            raise OSError("no library called cairo was found")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_cairo)
    with pytest.raises(RenderError, match="pip install cairosvg"):
        engine.svg_to_pdf(b"<svg/>")


def test_png_resolution_drops_for_huge_maps() -> None:
    from argmap.maps.engine import PNG_DPI, PNG_MAX_PIXELS, png_dpi

    assert png_dpi(b'<svg width="500pt" height="300pt"') == PNG_DPI
    dpi = png_dpi(b'<svg width="2000pt" height="40000pt"')
    assert dpi < PNG_DPI
    assert (2000 / 72 * dpi) * (40000 / 72 * dpi) <= PNG_MAX_PIXELS * 1.001
    assert png_dpi(b"not svg") == PNG_DPI
