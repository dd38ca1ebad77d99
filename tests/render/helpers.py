"""Helpers for rendering tests: parse DOT through the PyPI renderer, read SVG text."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from argmap.maps.engine import find_renderer
from argmap.model import Case
from argmap.semantics.evaluation import Evaluation, Label, NodeResult

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"
SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def dot_json(dot: str) -> dict[str, Any]:
    """The graph as graphviz-pure parses it (``-Tjson0``): proves the DOT is valid."""
    renderer = find_renderer("graphviz-pure")
    done = subprocess.run(
        [renderer.path, "-Tjson0"], input=dot.encode(), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def nodes_by_name(graph: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Non-cluster objects of a ``-Tjson0`` graph, by name."""
    return {o["name"]: o for o in graph.get("objects", []) if "nodes" not in o}


def clusters(graph: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["name"]: o for o in graph.get("objects", []) if "nodes" in o}


def edges(graph: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Edges as (tail name, head name, attributes)."""
    names = {o["_gvid"]: o["name"] for o in graph.get("objects", []) if "nodes" not in o}
    return [(names[e["tail"]], names[e["head"]], e) for e in graph.get("edges", [])]


def svg_texts(svg: bytes | str) -> list[str]:
    """Every text run of an SVG, XML-unescaped."""
    root = ET.fromstring(svg.encode() if isinstance(svg, str) else svg)
    return [t.text or "" for t in root.iter(f"{SVG_NS}text")]


def svg_titles(svg: bytes | str) -> list[str]:
    """Every tooltip (xlink:title of <a>) of an SVG, XML-unescaped."""
    root = ET.fromstring(svg.encode() if isinstance(svg, str) else svg)
    return [a.get(f"{XLINK}title") or "" for a in root.iter(f"{SVG_NS}a")]


def hand_evaluation(case: Case, labels: dict[str, str], strength: float = 0.5) -> Evaluation:
    """An Evaluation built by hand: ``labels`` maps ids to in/out/undec (others undec);
    a claim with an issue meets its standard exactly when it is in."""
    nodes = {}
    for node in case.iter_nodes():
        kind = type(node).__name__.lower()
        if kind not in ("claim", "evidence", "argument", "precedent", "event"):
            continue
        label = Label(labels.get(node.id, "undec"))
        issue = getattr(node, "issue", None)
        nodes[node.id] = NodeResult(
            node.id,
            kind,
            label,
            strength,
            "preponderance" if issue else None,
            (label is Label.IN) if issue else None,
        )
    return Evaluation(case.title, "grounded", "dfquad", nodes)
