"""Finding and calling a Graphviz renderer: DOT source in, SVG / PNG / PDF bytes out.

Two renderers are known: the system ``dot`` (Graphviz proper) and ``graphviz-pure``, a
self-contained port of ``dot`` installed from PyPI as an ordinary dependency, so that a
fresh machine with no system Graphviz still renders. PDF is made from the SVG with
cairosvg (whose libcairo most systems have); the system ``dot`` is not asked for PDF
because its PDF plugin is often missing. A map is laid out once: its
SVG, PDF and any measurements (``json0``) come from one renderer run (:func:`lay_out`),
and only a PNG is rasterised in a run of its own (:func:`render_png` says why). Which
renderer runs is chosen by ``engine=`` or the ``ARGMAP_RENDERER`` environment variable
(``auto``, ``dot``, ``graphviz-pure``).

As in the ``graphviz`` package, a missing program is one clear error that says what to
install (:class:`~argmap.errors.RendererNotFoundError`, a
:class:`~argmap.errors.RenderError`).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from argmap.errors import MapTooLargeError, RendererNotFoundError, RenderError
from argmap.maps.reproducible import pin_pdf_dates, source_date_epoch

__all__ = [
    "ENGINES",
    "FORMATS",
    "LAYOUT_EDGES_PER_NODE",
    "LAYOUT_EDGE_LIMIT",
    "LAYOUT_NODE_LIMIT",
    "LaidOutDot",
    "Renderer",
    "check_layout_size",
    "dot_size",
    "find_renderer",
    "lay_out",
    "layout_json",
    "pipe",
    "read_json0",
    "render_png",
    "svg_to_pdf",
]

FORMATS = ("svg", "png", "pdf", "dot")
"""Formats a map can be written in."""
ENGINES = ("auto", "dot", "graphviz-pure")
"""Renderer choices for ``engine=`` and ``ARGMAP_RENDERER``."""

PNG_DPI = 144
"""Resolution of PNG output: sharp on slides and high-density screens."""
PNG_MAX_PIXELS = 40_000_000
"""Largest PNG (in pixels) a big map is rasterised to; the resolution drops to fit."""
_BIG_SOURCE = 150_000
"""DOT length from which a PNG's size is checked first (by laying out to SVG)."""
TIMEOUT = 300.0
"""Seconds a layout may take before it is abandoned."""

LAYOUT_NODE_LIMIT = 3_000
"""Most nodes a map may have to be laid out without ``force`` (docs/rendering.md)."""
LAYOUT_EDGE_LIMIT = 4_000
"""Most edges a map may have to be laid out without ``force`` (docs/rendering.md)."""
LAYOUT_EDGES_PER_NODE = 4
"""Most edges per node (beyond a few hundred edges) a map may have to be laid out
without ``force``: dense maps are the slowest of all to lay out (docs/rendering.md)."""
_SMALL_EDGES = 400

_FIX_PURE = "install it with: pip install graphviz-pure"
_FIX_DOT = "install Graphviz (the 'dot' program), e.g. apt-get install graphviz"


@dataclass(frozen=True)
class Renderer:
    """A renderer program: its name (``dot`` or ``graphviz-pure``) and its path."""

    name: str
    path: str


@dataclass(frozen=True)
class LaidOutDot:
    """A DOT source with the renderer outputs already made from it (format -> bytes),
    so that a map built by laying candidates out does not lay its own out again."""

    dot: str
    layouts: dict[str, bytes] = field(default_factory=dict)


def _beside_python(program: str) -> str | None:
    """``program`` next to the interpreter (as it is, then with links resolved).

    A venv's console scripts sit next to its interpreter even when the venv is not
    activated (CI runs .venv/bin/python directly). The folders are tried in that fixed
    order (a set made the choice depend on PYTHONHASHSEED), and one that cannot be read
    is skipped rather than stopping the search.
    """
    folders: list[Path] = []
    for folder in (Path(sys.executable).parent, _resolved(Path(sys.executable)).parent):
        if folder not in folders:
            folders.append(folder)
    for folder in folders:
        candidate = folder / program
        try:
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
        except OSError:  # unreadable folder, or a path component that is a file
            continue
    return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # an unreadable folder or a symlink loop
        return path


@lru_cache(maxsize=8)
def _locate(program: str) -> str | None:
    if program == "graphviz-pure":
        return _beside_python(program) or shutil.which(program)
    return shutil.which(program)


def find_renderer(engine: str | None = None) -> Renderer:
    """The renderer to use: ``engine`` if given, else ``$ARGMAP_RENDERER``, else auto
    (system ``dot`` when on PATH, otherwise ``graphviz-pure``).

    Raises
    ------
    RendererNotFoundError
        The requested renderer is not installed, or none is (the message names the fix).
    RenderError
        An unknown renderer name.
    """
    choice = engine or os.environ.get("ARGMAP_RENDERER") or "auto"
    if choice not in ENGINES:
        raise RenderError(f"unknown renderer {choice!r} (choose one of: {', '.join(ENGINES)})")
    if choice in ("auto", "dot"):
        path = _locate("dot")
        if path:
            return Renderer("dot", path)
        if choice == "dot":
            what = "the Graphviz program 'dot' was not found on PATH"
            raise RendererNotFoundError("dot", _FIX_DOT, what)
    path = _locate("graphviz-pure")
    if path:
        return Renderer("graphviz-pure", path)
    if choice == "graphviz-pure":
        raise RendererNotFoundError("graphviz-pure", _FIX_PURE)
    raise RendererNotFoundError(
        "dot or graphviz-pure",
        f"{_FIX_PURE} (or {_FIX_DOT})",
        "no Graphviz renderer found (neither 'dot' on PATH nor 'graphviz-pure')",
    )


def dot_size(source: str) -> tuple[int, int]:
    r"""How many nodes and edges the DOT ``source`` written by argmap draws.

    argmap writes one statement per line: a node as ``"id" [...]``, an edge with
    ``->`` before its attributes.

    >>> dot_size('digraph {\n  "a" [label="a -> b"];\n  "b";\n  "a" -> "b";\n}')
    (2, 1)
    """
    nodes = edges = 0
    for line in source.splitlines():
        text = line.lstrip()
        if text.startswith('"'):
            if " -> " in text.split(" [", 1)[0]:
                edges += 1
            else:
                nodes += 1
    return nodes, edges


def check_layout_size(nodes: int, edges: int | None) -> None:
    """Refuse a layout of ``nodes`` and ``edges`` beyond the limits, in no time.

    Graphviz's ``dot`` layout grows faster than linearly (its crossing minimisation
    and ranking); past the limits a map takes minutes to lay out, or never finishes,
    and no one could read the drawing anyway (docs/rendering.md has the measurements).

    Raises
    ------
    MapTooLargeError
        More than :data:`LAYOUT_NODE_LIMIT` nodes or :data:`LAYOUT_EDGE_LIMIT` edges,
        or more than 400 edges and :data:`LAYOUT_EDGES_PER_NODE` edges per node
        (``edges`` None: only the nodes, a lower bound, are known).

    Examples
    --------
    >>> check_layout_size(10, 20)
    >>> try:
    ...     check_layout_size(50_000, 75_000)
    ... except MapTooLargeError as exc:
    ...     print(exc.nodes, exc.node_limit)
    50000 3000
    """
    count = edges or 0
    dense = count > _SMALL_EDGES and count > LAYOUT_EDGES_PER_NODE * nodes
    if nodes > LAYOUT_NODE_LIMIT or count > LAYOUT_EDGE_LIMIT or dense:
        raise MapTooLargeError(nodes, edges, LAYOUT_NODE_LIMIT, LAYOUT_EDGE_LIMIT)


def _invoke(
    renderer: Renderer, source: str, formats: Sequence[str], dpi: float | None = None
) -> dict[str, bytes]:
    """Run ``renderer`` once on ``source``: one layout, written in each of ``formats``.

    The only place a renderer process is started. One format comes back on standard
    output; several are written to files in a temporary folder (``-Tfmt -ofile`` pairs,
    which both renderers accept), so that they share the one layout.
    """
    args = [renderer.path]
    if dpi is not None:
        args.append(f"-Gdpi={dpi:.1f}")
    with tempfile.TemporaryDirectory(prefix="argmap-layout-") as folder:
        files = [Path(folder) / f"out-{i}.{fmt}" for i, fmt in enumerate(formats)]
        if len(formats) == 1:
            args.append(f"-T{formats[0]}")
        else:
            for fmt, file in zip(formats, files, strict=True):
                args += [f"-T{fmt}", f"-o{file}"]
        try:
            done = subprocess.run(
                args,
                input=source.encode("utf-8"),
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RenderError(
                f"{renderer.name} took longer than {TIMEOUT:.0f}s to lay out the map; "
                "render a focus view (--focus ID --depth K) instead"
            ) from None
        except FileNotFoundError:
            # found when looked up, gone since (uninstalled while argmap runs)
            _locate.cache_clear()
            fix = _FIX_DOT if renderer.name == "dot" else _FIX_PURE
            what = f"the renderer {renderer.name!r} is no longer at {renderer.path}"
            raise RendererNotFoundError(renderer.name, fix, what) from None
        except OSError as exc:
            raise RenderError(f"cannot run {renderer.path}: {exc.strerror or exc}") from None
        if len(formats) == 1:
            out = {formats[0]: done.stdout}
        else:
            out = {
                fmt: file.read_bytes() if file.is_file() else b""
                for fmt, file in zip(formats, files, strict=True)
            }
    for fmt, data in out.items():
        if done.returncode != 0 or not data:
            raise RenderError(
                f"{renderer.name} failed to render {fmt}: {_first_error(done.stderr)}"
            )
    return out


def _run(renderer: Renderer, source: str, fmt: str, dpi: float | None = None) -> bytes:
    return _invoke(renderer, source, (fmt,), dpi)[fmt]


def lay_out(source: str, formats: Sequence[str], engine: str | None = None) -> dict[str, bytes]:
    """Lay DOT ``source`` out once and write it in each of the renderer's ``formats``
    (``svg``, ``json0``, ...), from one run of the renderer.

    A view that measures candidate layouts (the overview) asks for ``json0`` and
    ``svg`` together, so the SVG of the one it keeps is not laid out again. PNG is not
    among them: its resolution changes the renderer's SVG too (see :func:`render_png`).

    Raises
    ------
    RenderError
        No renderer, or a renderer failure.

    Examples
    --------
    >>> out = lay_out('digraph { a -> b }', ("svg", "json0"), "graphviz-pure")
    >>> sorted(out), out["svg"] == pipe('digraph { a -> b }', "svg", "graphviz-pure")
    (['json0', 'svg'], True)
    """
    if "png" in formats:
        raise RenderError("PNG is rasterised in a run of its own (its resolution changes the SVG)")
    return _invoke(find_renderer(engine), source, tuple(formats))


def _first_error(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    errors = [ln for ln in lines if "rror" in ln] or lines
    return errors[0][:300] if errors else "no output"


def pipe(source: str, fmt: str, engine: str | None = None) -> bytes:
    """Lay out and render DOT ``source`` as ``fmt`` (svg, png, pdf or dot).

    ``dot`` returns the source itself, so writing DOT needs no renderer.

    Raises
    ------
    RenderError
        Unknown format, no renderer, a renderer failure or a missing PDF converter.
    """
    if fmt not in FORMATS:
        raise RenderError(f"unsupported format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    if fmt == "dot":
        return source.encode("utf-8")
    renderer = find_renderer(engine)
    if fmt == "pdf":
        return svg_to_pdf(_run(renderer, source, "svg"))
    if fmt == "png":
        return render_png(source, renderer.name, lambda: _run(renderer, source, "svg"))
    return _run(renderer, source, fmt)


def layout_json(source: str, engine: str | None = None) -> dict[str, Any]:
    """Lay out DOT ``source`` and return Graphviz's ``json0`` description of it
    (positions in points), for a view that measures a layout before choosing it.

    Raises
    ------
    RenderError
        No renderer, a renderer failure, or output that is not JSON.
    """
    return read_json0(lay_out(source, ("json0",), engine)["json0"])


def read_json0(data: bytes) -> dict[str, Any]:
    """Graphviz's ``json0`` layout as a dict (see :func:`layout_json`).

    Raises
    ------
    RenderError
        ``data`` is not a JSON object.
    """
    import json

    try:
        graph = json.loads(data)
    except ValueError:
        raise RenderError("the renderer's json0 layout could not be read") from None
    if not isinstance(graph, dict):
        raise RenderError("the renderer's json0 layout could not be read")
    return graph


def render_png(source: str, engine: str | None, svg: Callable[[], bytes]) -> bytes:
    """Lay out and rasterise ``source`` at :data:`PNG_DPI`; ``svg`` gives the map's SVG
    (laid out on demand, or from a cache) for a big map's size check.

    The PNG is the one format with a renderer run of its own: the resolution is a graph
    attribute (``dpi``) that scales the renderer's SVG as well, so the two cannot share
    one run, and rasterising the cached SVG with cairosvg instead is about twice as slow
    and, without a font of Arial's metrics, crowds the text against the box borders
    (bench/README.md, "One layout per map").

    Rasterising a very large map at full resolution takes minutes and makes an image
    nobody can open, so a map whose DOT exceeds 150,000 characters is sized from its
    SVG first and its resolution lowered to fit :data:`PNG_MAX_PIXELS`.
    """
    renderer = find_renderer(engine)
    dpi = png_dpi(svg()) if len(source) > _BIG_SOURCE else PNG_DPI
    return _run(renderer, source, "png", dpi)


_SVG_SIZE = re.compile(rb'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')


def png_dpi(svg: bytes, limit: int = PNG_MAX_PIXELS) -> float:
    """The resolution at which the map drawn in ``svg`` fits in ``limit`` pixels
    (at most :data:`PNG_DPI`).

    >>> png_dpi(b'<svg width="7200pt" height="7200pt"')
    63.245553203367585
    """
    found = _SVG_SIZE.search(svg[:2000])
    if not found:
        return PNG_DPI
    area = float(found.group(1)) * float(found.group(2)) / 72.0**2  # square inches
    if area <= 0:
        return PNG_DPI
    return min(PNG_DPI, math.sqrt(limit / area))


_FONT_FAMILY = re.compile(rb'font-family="([^"]*)"')


@lru_cache(maxsize=1)
def _pdf_font() -> str | None:
    # cairosvg asks fontconfig for the first family only; the layout was measured with
    # Arial-like metrics, so pick the installed family closest to them in width
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        out = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, timeout=20, check=False
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.TimeoutExpired):
        return None
    families = {f.strip() for line in out.splitlines() for f in line.split(",")}
    for wanted in ("Arimo", "Liberation Sans", "Arial", "Helvetica", "DejaVu Sans Condensed"):
        if wanted in families:
            return wanted
    return None


def svg_to_pdf(svg: bytes) -> bytes:
    """Convert SVG to vector PDF with cairosvg; byte-reproducible (the creation date
    comes from ``SOURCE_DATE_EPOCH`` or is left out, see
    :mod:`argmap.maps.reproducible`).

    Raises
    ------
    RendererNotFoundError
        cairosvg or its libcairo is missing.
    RenderError
        The conversion fails.
    """
    try:
        import cairosvg  # heavy: loads libcairo through cffi
    except (ImportError, OSError) as exc:
        raise RendererNotFoundError(
            "cairosvg",
            "install them with: pip install cairosvg (and the system package libcairo2), "
            "or write SVG or PNG instead",
            f"PDF needs cairosvg and the cairo library ({exc})",
        ) from None
    font = _pdf_font()
    if font is not None:
        family = f'font-family="{font}"'.encode()
        svg = _FONT_FAMILY.sub(
            lambda m: family if b"Courier" not in m.group(1) else m.group(0), svg
        )
    try:
        pdf = cairosvg.svg2pdf(bytestring=svg)
    except Exception as exc:  # cairosvg raises many types for bad SVG
        raise RenderError(f"cannot convert the map to PDF: {exc}") from None
    if not isinstance(pdf, bytes):  # pragma: no cover - cairosvg returns bytes here
        raise RenderError("cannot convert the map to PDF")

    # cairo stamps the time of the run: pinned, so two runs give the same bytes
    return pin_pdf_dates(pdf, source_date_epoch())
