"""A missing renderer is one typed error (RendererNotFoundError), raised where a layout
or a conversion is needed and never when a map is only built."""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap.errors import ArgmapError, RendererNotFoundError, RenderError
from argmap.io.casefile import load
from argmap.maps import engine, render
from argmap.maps.engine import Renderer
from tests.render.helpers import EXAMPLE


@pytest.fixture
def no_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither ``dot`` nor ``graphviz-pure`` on this machine."""
    monkeypatch.delenv("ARGMAP_RENDERER", raising=False)
    monkeypatch.setattr(engine, "_locate", lambda program: None)


@pytest.mark.usefixtures("no_renderer")
@pytest.mark.parametrize(
    ("engine_name", "missing", "fix"),
    [
        ("auto", "dot or graphviz-pure", "pip install graphviz-pure"),
        ("dot", "dot", "install Graphviz"),
        ("graphviz-pure", "graphviz-pure", "pip install graphviz-pure"),
    ],
)
def test_laying_out_without_a_renderer(engine_name: str, missing: str, fix: str) -> None:
    built = render(load(EXAMPLE), engine=engine_name)
    assert "digraph" in built.dot  # building needs no renderer
    with pytest.raises(RendererNotFoundError) as info:
        built.svg()
    error = info.value
    assert isinstance(error, RenderError) and isinstance(error, ArgmapError)
    assert error.renderer == missing and fix in error.fix and fix in str(error)


def test_a_renderer_removed_after_it_was_found(monkeypatch: pytest.MonkeyPatch) -> None:
    gone = Renderer("dot", "/nonexistent/argmap-test/dot")
    monkeypatch.setattr(engine, "find_renderer", lambda name=None: gone)
    with pytest.raises(RendererNotFoundError, match="no longer at /nonexistent") as info:
        engine.pipe("digraph { a }", "svg")
    assert info.value.renderer == "dot"


def test_pdf_without_cairosvg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # import raises ImportError
    with pytest.raises(RendererNotFoundError, match="pip install cairosvg") as info:
        engine.svg_to_pdf(b"<svg/>")
    assert info.value.renderer == "cairosvg"


def test_the_command_line_says_it_in_one_line(tmp_path: object) -> None:
    code = (
        "import sys\n"
        "from argmap.maps import engine\n"
        "engine._locate = lambda program: None\n"
        "from argmap.cli import main\n"
        f"sys.exit(main(['render', {str(EXAMPLE)!r}, '-o', {str(tmp_path)!r} + '/m.svg']))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert run.stderr.startswith("argmap: error: ") and "not found" in run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
