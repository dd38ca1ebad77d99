"""AIF (Argument Interchange Format) JSON, as AIFdb and OVA write it, to and from a Case.

An AIF map is a graph of *information* nodes (``I``: what is said) and *scheme* nodes
(``RA`` inference, ``CA`` conflict, ``MA`` rephrase, ``PA`` preference), plus, in maps of
dialogues, the dialogue layer: locutions (``L``), illocutionary anchors (``YA``),
transitions (``TA``) and the ``locutions`` list of who spoke when. The mapping is

- ``I`` -> a claim ``I<nodeID>``;
- ``RA`` with I premises and one I conclusion -> an argument ``RA<nodeID>`` (its
  ``scheme`` becomes the argument's scheme: the id of the catalogue scheme with that
  name or alias, such as ``expert_opinion`` for ``Expert Opinion``, else the name as
  written; the exporter writes a catalogue scheme's AIF name back); an ``RA`` whose
  conclusion is another argument's RA node -> a support of that argument from each
  premise;
- ``CA`` -> an attack from each attacker on its target: on an argument's RA node an
  undercut, on an I node that is some argument's premise an undermine, otherwise a rebut;
- ``MA`` -> a support from the rephrased to the rephrasing statement;
- everything else (L, YA, TA, PA, unknown types, scheme nodes that fit none of the
  above), every edge not used by the mapping and the ``locutions`` are kept verbatim in
  the :class:`AifDocument` beside the Case, so that :func:`to_aif` writes them back.

Relations made from one scheme node carry the note ``AIF CA <nodeID> (<scheme>)``; the
exporter groups relations by that note, so a conflict with two attackers comes back as
one CA node with two incoming edges.

References
----------
C. Chesñevar, J. McGinnis, S. Modgil, I. Rahwan, C. Reed, G. Simari, M. South,
G. Vreeswijk and S. Willmott. Towards an argument interchange format. The Knowledge
Engineering Review 21(4), 293-316, 2006. J. Lawrence, F. Bex, C. Reed and M. Snaith.
AIFdb: Infrastructure for the argument web. COMMA 2012.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.errors import CaseError, Problem
from argmap.io.casefile import read_bytes
from argmap.io.locations import line_for, load_with_lines
from argmap.model import Case
from argmap.model.catalogue import scheme_named, schemes_of
from argmap.model.schemes import Scheme

__all__ = [
    "AifDocument",
    "aif_scheme_name",
    "document_from_data",
    "dumps_aif",
    "load_json",
    "parse_aif",
    "read_aif",
    "to_aif",
]

SCHEME_TYPES = frozenset({"RA", "CA", "MA", "PA"})
_NOTE = re.compile(r'^AIF (RA|CA|MA) ("(?:[^"\\]|\\.)*"|[^\s"]+)(?: \((.*)\))?$', re.S)
_ID_OK = re.compile(r"^[A-Za-z0-9_.\-]{1,60}$")
_TEXT_MAX = 4000
_DEFAULT_SCHEME = "defeasible inference"


@dataclass(frozen=True)
class AifDocument:
    """A Case read from AIF plus what a Case cannot hold, so an export can restore it.

    Attributes
    ----------
    case : Case
        The argument layer: claims, arguments and relations.
    node_ids : dict
        argmap id -> the AIF ``nodeID`` it came from (as written: text or number).
    extras : dict
        ``str(nodeID)`` -> the fields of each node the Case holds, other than type and
        text (``nodeID`` as written, timestamp, scheme, schemeID, ...).
    dialogue_nodes, dialogue_edges, locutions : tuple of dict
        The AIF nodes, edges and locutions that are not part of the Case, verbatim.
    other : dict
        Top-level keys besides nodes, edges and locutions (participants, ...).
    warnings : tuple of str
        What the import had to adapt (empty texts, over-long texts, merged duplicate
        nodes, scheme nodes that fit no argument).
    wrapper : dict or None
        For an xAIF file (:mod:`argmap.io.xaif`), the keys beside ``AIF`` (``text``,
        ``OVA``, ...), verbatim; None for plain AIF.
    """

    case: Case
    node_ids: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, dict[str, Any]] = field(default_factory=dict)
    dialogue_nodes: tuple[dict[str, Any], ...] = ()
    dialogue_edges: tuple[dict[str, Any], ...] = ()
    locutions: tuple[dict[str, Any], ...] = ()
    other: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    wrapper: dict[str, Any] | None = None


# -- import ---------------------------------------------------------------------------


def read_aif(path: str | os.PathLike[str], title: str | None = None) -> AifDocument:
    """Read an AIF JSON file (see :func:`parse_aif`)."""

    return parse_aif(read_bytes(path), str(path), title=title)


def parse_aif(raw: bytes | str, file: str = "<string>", title: str | None = None) -> AifDocument:
    """Parse AIF JSON text into an :class:`AifDocument`.

    Nodes that appear twice with exactly the same content (AIFdb corpus exports have
    them) are merged, counted once and reported in the warnings.

    Raises
    ------
    CaseError
        Malformed JSON, an empty file, nodes or edges without their required fields,
        a ``nodeID`` used by two different nodes, or an edge naming an unknown node:
        every such problem, each with its JSON path, file and line.

    Examples
    --------
    >>> doc = parse_aif('{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}], "edges": []}')
    >>> [(c.id, c.text) for c in doc.case.claims]
    [('I1', 'A')]
    """
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    data = load_json(raw, file)
    return document_from_data(data, raw, file, title=title)


def load_json(raw: bytes, file: str) -> Any:
    """The JSON in ``raw``; CaseError (file, line) if it is empty or malformed."""
    if not raw.strip():
        raise CaseError(Problem("", "the file is empty", file, 1))
    data = _fast_json(raw)
    if data is None:  # malformed: let the line-tracking reader say where
        data, _ = load_with_lines(raw, file, "json")
    return data


def document_from_data(
    data: Any, raw: bytes, file: str, title: str | None = None, prefix: str = ""
) -> AifDocument:
    """The :class:`AifDocument` of parsed AIF ``data`` (``raw`` is the file's text, for
    line numbers; ``prefix`` is the JSON path of the AIF object inside the file)."""
    lines_cache: list[dict[str, int]] = []

    def problem(path: str, message: str) -> Problem:
        # lines are looked up only for an error: tracking them costs more than parsing
        if not lines_cache:
            lines_cache.append(load_with_lines(raw, file, "json")[1])
        full = prefix + path if path else prefix.rstrip(".")
        return Problem(full, message, file, line_for(lines_cache[0], full))

    if not isinstance(data, dict):
        raise CaseError(
            problem("", "an AIF document must be a JSON object with 'nodes' and 'edges'")
        )
    found = [
        problem(key if key in data else "", f"'{key}' must be a list")
        for key in ("nodes", "edges")
        if not isinstance(data.get(key), list)
    ]
    locutions = data.get("locutions", [])
    if not isinstance(locutions, list):
        found.append(problem("locutions", "'locutions' must be a list"))
    if found:
        raise CaseError(found)
    nodes, duplicates = _check_nodes(data["nodes"], problem, found)
    merged_edges: list[str] = []
    edges = _check_edges(data["edges"], nodes, problem, found, merged_edges)
    if found:
        raise CaseError(found)
    other = {k: v for k, v in data.items() if k not in ("nodes", "edges", "locutions")}
    stem = re.sub(r"(\.x?aif)?(\.json)?$", "", Path(file).name, flags=re.I)
    name = title or (f"AIF map {stem}" if file != "<string>" else "AIF map")
    doc = _Importer(nodes, edges, file).build(name[:300], locutions, other)
    notes = list(duplicates)
    if merged_edges:
        notes.append(f"{len(merged_edges)} exact duplicate edges merged, each counted once")
    if not nodes:
        notes.append("the AIF map has no nodes: the case is empty")
    if notes:
        doc = replace(doc, warnings=(*notes, *doc.warnings))
    return doc


def _check_nodes(
    raw_nodes: list[Any], problem: Any, found: list[Problem]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The nodes by ``str(nodeID)``; exact duplicates merged (one warning line)."""
    nodes: dict[str, dict[str, Any]] = {}
    first: dict[str, int] = {}
    merged: list[str] = []
    for i, node in enumerate(raw_nodes):
        path = f"nodes[{i}]"
        if not isinstance(node, dict):
            found.append(problem(path, f"a node must be an object, got {_json_type(node)}"))
            continue
        missing = [key for key in ("nodeID", "type") if key not in node]
        for key in missing:
            found.append(problem(path, f"node has no '{key}'"))
        nid = node.get("nodeID")
        if "nodeID" in node and (
            isinstance(nid, bool) or not isinstance(nid, str | int) or str(nid) == ""
        ):
            found.append(
                problem(f"{path}.nodeID", "nodeID must be a non-empty string or an integer")
            )
            continue
        if "type" in node and not isinstance(node["type"], str):
            found.append(
                problem(f"{path}.type", f"must be a string, got {_json_type(node['type'])}")
            )
            continue
        if "text" in node and not isinstance(node["text"], str | None):
            found.append(
                problem(f"{path}.text", f"must be a string or null, got {_json_type(node['text'])}")
            )
            continue
        if missing:
            continue
        key = str(nid)
        if key in nodes:
            if node == nodes[key]:
                merged.append(key)
            else:
                found.append(
                    problem(
                        f"{path}.nodeID",
                        f"duplicate nodeID {nid!r} with different content "
                        f"(first at nodes[{first[key]}])",
                    )
                )
            continue
        nodes[key] = node
        first[key] = i
    notes = []
    if merged:
        shown = ", ".join(dict.fromkeys(merged[:5])) + (", ..." if len(merged) > 5 else "")
        notes.append(
            f"{len(merged)} exact duplicate nodes merged, each counted once (nodeIDs {shown})"
        )
    return nodes, notes


def _check_edges(
    raw_edges: list[Any],
    nodes: dict[str, dict[str, Any]],
    problem: Any,
    found: list[Problem],
    merged: list[str],
) -> list[tuple[str, str, dict[str, Any]]]:
    """The edges as ``(fromID, toID, edge)``; an exact repeat of an edge (same
    ``edgeID`` and content) is dropped and its id added to ``merged``."""
    edges: list[tuple[str, str, dict[str, Any]]] = []
    seen: set[str] = set()
    for i, edge in enumerate(raw_edges):
        path = f"edges[{i}]"
        if not isinstance(edge, dict):
            found.append(problem(path, f"an edge must be an object, got {_json_type(edge)}"))
            continue
        ends = []
        for key in ("fromID", "toID"):
            if key not in edge:
                found.append(problem(path, f"edge has no '{key}'"))
            elif str(edge[key]) not in nodes:
                found.append(problem(f"{path}.{key}", f"unknown node {edge[key]!r}"))
            else:
                ends.append(str(edge[key]))
        if len(ends) != 2:
            continue
        if "edgeID" in edge:
            key = json.dumps(edge, sort_keys=True, default=str)
            if key in seen:
                merged.append(str(edge["edgeID"]))
                continue  # the same edge listed twice, as beside duplicated nodes
            seen.add(key)
        edges.append((ends[0], ends[1], edge))
    return edges


def _json_type(value: Any) -> str:
    """The JSON name of ``value``'s type, for messages (``number``, not ``int``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


_NO_TEXT = "(no text)"


def _claim_text(raw: Any) -> str:
    """The claim text made of an I node's text (stripped, never empty, bounded)."""
    text = str(raw or "").strip()
    return text[:_TEXT_MAX] if text else _NO_TEXT


def _fast_json(raw: bytes) -> Any:
    """Plain ``json`` parsing (duplicate keys refused); None if anything is wrong."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            raise ValueError("duplicate key")
        return out

    try:
        text = raw.decode("utf-8-sig")
        if "\x00" in text:
            return None
        return json.loads(text, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None


def _scheme_of(node: dict[str, Any]) -> str:
    """The argmap scheme name of an AIF scheme node (its ``scheme``, else its text):
    the id of the catalogue scheme of that name or alias (``Expert Opinion`` ->
    ``expert_opinion``), else the name as written."""
    scheme = str(node.get("scheme") or node.get("text") or "").strip()
    if not scheme or scheme == node.get("type"):
        return _DEFAULT_SCHEME
    known = scheme_named(scheme)
    return known.id if known is not None else scheme[:100]


def aif_scheme_name(scheme: str, schemes: Mapping[str, Scheme]) -> str:
    """What an AIF scheme node is called for an argument of ``scheme``: a known
    scheme's AIF name (its first alias, else its name), else ``scheme`` itself.

    >>> from argmap.model.catalogue import catalogue
    >>> aif_scheme_name("expert_opinion", catalogue())
    'Expert Opinion'
    """
    known = schemes.get(scheme)
    if known is None:
        return scheme
    return known.aliases[0] if known.aliases else known.name


class _Importer:
    """One pass over a parsed AIF graph that builds the Case and the dialogue layer."""

    def __init__(
        self,
        nodes: dict[str, dict[str, Any]],
        edges: list[tuple[str, str, dict[str, Any]]],
        file: str,
    ) -> None:
        self.nodes, self.edges, self.file = nodes, edges, file
        self.ins: dict[str, list[int]] = defaultdict(list)
        self.outs: dict[str, list[int]] = defaultdict(list)
        for k, (a, b, _) in enumerate(edges):
            self.outs[a].append(k)
            self.ins[b].append(k)
        self.ids: dict[str, str] = {}  # nodeID -> argmap id, for converted nodes
        self.taken: set[str] = set()
        self.used_edges: set[int] = set()
        self.warnings: list[str] = []
        self.converted: set[str] = set()  # scheme nodes turned into relations

    def _type(self, nid: str) -> str:
        return str(self.nodes[nid]["type"])

    def _new_id(self, prefix: str, nid: str) -> str:
        base = prefix + nid if _ID_OK.match(nid) else prefix + re.sub(r"[^A-Za-z0-9_.\-]", "_", nid)
        base = base[:60]
        out, k = base, 2
        while out in self.taken:
            out, k = f"{base}_{k}", k + 1
        self.taken.add(out)
        return out

    def _text(self, nid: str) -> str:
        raw = self.nodes[nid].get("text")
        text = _claim_text(raw)
        if text == _NO_TEXT and not (raw or "").strip():
            self.warnings.append(f"node {nid}: empty text replaced by '{_NO_TEXT}'")
        elif len((raw or "").strip()) > _TEXT_MAX:
            self.warnings.append(f"node {nid}: text cut to {_TEXT_MAX} characters")
        return text

    def _scheme(self, nid: str) -> str:
        return _scheme_of(self.nodes[nid])

    def _linked(self, nid: str, incoming: bool, types: set[str]) -> list[tuple[int, str]]:
        out = []
        for k in (self.ins if incoming else self.outs)[nid]:
            other = self.edges[k][0] if incoming else self.edges[k][1]
            if self._type(other) in types:
                out.append((k, other))
        return out

    def build(self, title: str, locutions: list[Any], other: dict[str, Any]) -> AifDocument:
        claims, arguments, relations = [], [], []
        order = list(self.nodes)
        for nid in order:
            if self._type(nid) == "I":
                self.ids[nid] = self._new_id("I", nid)
                claims.append({"id": self.ids[nid], "text": self._text(nid)})
        # arguments first: supports of arguments, undercuts and undermines depend on them
        premise_of: set[str] = set()
        for nid in order:
            if self._type(nid) != "RA":
                continue
            prem = self._linked(nid, True, {"I"})
            concl = self._linked(nid, False, {"I"})
            names = list(dict.fromkeys(p for _, p in prem))
            if len(concl) != 1 or not names or concl[0][1] in names:
                continue
            self.ids[nid] = self._new_id("RA", nid)
            arguments.append(
                {
                    "id": self.ids[nid],
                    "premises": [self.ids[p] for p in names],
                    "conclusion": self.ids[concl[0][1]],
                    "scheme": self._scheme(nid),
                }
            )
            premise_of.update(names)
            first = {p: k for k, p in reversed(prem)}  # a repeated edge stays as it is
            self.used_edges.update(first.values())
            self.used_edges.add(concl[0][0])
        seen: set[tuple[str, str, str]] = set()
        for nid in order:
            kind = self._type(nid)
            if kind not in ("RA", "CA", "MA") or nid in self.ids:
                continue
            relations += self._scheme_relations(nid, kind, premise_of, seen)
        data = {"title": title, "claims": claims, "arguments": arguments, "relations": relations}
        try:
            case = Case.model_validate(data)
        except (ValidationError, CaseError) as exc:  # pragma: no cover - a bug in the mapping
            raise CaseError(
                Problem("", f"AIF map could not be converted: {exc}", self.file)
            ) from None
        left = [n for n in order if n not in self.ids and not self._consumed(n)]
        kept = [self.nodes[n] for n in left]
        self.warnings += [self._why_not_converted(n) for n in left if self._type(n) in SCHEME_TYPES]
        edges = [e for k, (_, _, e) in enumerate(self.edges) if k not in self.used_edges]
        extras = {
            nid: {k: v for k, v in node.items() if k != "type"}
            for nid, node in self.nodes.items()
            if nid in self.ids or self._consumed(nid)
        }
        return AifDocument(
            case=case,
            node_ids={aid: self.nodes[nid]["nodeID"] for nid, aid in self.ids.items()},
            extras=extras,
            dialogue_nodes=tuple(kept),
            dialogue_edges=tuple(edges),
            locutions=tuple(locutions),
            other=other,
            warnings=tuple(self.warnings),
        )

    def _why_not_converted(self, nid: str) -> str:
        """One line saying why a scheme node became neither argument nor relation."""
        kind = self._type(nid)
        into = len(self._linked(nid, True, {"I", "RA"}))
        out = len(self._linked(nid, False, {"I", "RA"}))
        if kind == "PA":
            why = "argmap has no preferences between arguments"
        elif kind == "RA":
            why = f"an argument needs I premises and one I conclusion; it has {into} in, {out} out"
        else:
            why = f"a {kind} relation needs a source and one target; it has {into} in, {out} out"
        return f"ill-formed {kind} node {nid}: {why}; kept verbatim for AIF output only"

    def _consumed(self, nid: str) -> bool:
        return nid in self.converted

    def _scheme_relations(
        self, nid: str, kind: str, premise_of: set[str], seen: set[tuple[str, str, str]]
    ) -> list[dict[str, Any]]:
        sources = self._linked(nid, True, {"I", "RA"})
        sources = [(k, s) for k, s in sources if s in self.ids]
        targets = [(k, t) for k, t in self._linked(nid, False, {"I", "RA"}) if t in self.ids]
        if not sources or len(targets) != 1:
            return []
        tk, target = targets[0]
        target_id, target_type = self.ids[target], self._type(target)
        if kind == "CA":
            if target_type == "RA":
                rel = "undercut"
            else:
                rel = "undermine" if target in premise_of else "rebut"
        else:
            if kind == "MA" and target_type != "I":
                return []
            rel = "support"
        shown = nid if re.fullmatch(r'[^\s"]+', nid) else json.dumps(nid)
        note = f"AIF {kind} {shown}"
        scheme = self._scheme(nid)
        if scheme != _DEFAULT_SCHEME:
            note += f" ({scheme})"
        out = []
        for k, src in sources:
            key = (rel, self.ids[src], target_id)
            if key in seen or (rel == "support" and src == target):
                continue
            seen.add(key)
            out.append({"kind": rel, "from": self.ids[src], "to": target_id, "note": note})
            self.used_edges.add(k)
        if not out:
            return []
        self.used_edges.add(tk)
        self.converted.add(nid)
        return out


# -- export ---------------------------------------------------------------------------

_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}


def dumps_aif(source: Case | AifDocument) -> str:
    """:func:`to_aif` as JSON text (indented, UTF-8 kept)."""
    return json.dumps(to_aif(source), indent=2, ensure_ascii=False) + "\n"


def to_aif(source: Case | AifDocument) -> dict[str, Any]:
    """A Case (or an :class:`AifDocument`) as AIF JSON data: nodes, edges, locutions.

    Claims, evidence, events and precedents become I nodes; a pro argument an RA node
    (premises in, conclusion out), a con argument a CA node; a support an RA node (an MA
    node if its note says it came from one), an attack a CA node. Relations with the
    same ``AIF <type> <nodeID>`` note and target share one scheme node. An AifDocument's
    dialogue layer and node fields are written back unchanged.

    >>> from argmap.model import Case, Claim, Relation
    >>> case = Case(title="t", claims=[Claim(id="a", text="A"), Claim(id="b", text="B")],
    ...             relations=[Relation(kind="rebut", origin="a", target="b")])
    >>> [n["type"] for n in to_aif(case)["nodes"]]
    ['I', 'I', 'CA']
    """
    doc = source if isinstance(source, AifDocument) else AifDocument(case=source)
    return _Exporter(doc).run()


class _Exporter:
    def __init__(self, doc: AifDocument) -> None:
        self.doc = doc
        used = {str(v) for v in doc.node_ids.values()} | set(doc.extras)
        used |= {str(n.get("nodeID")) for n in doc.dialogue_nodes}
        self.used = used
        self.next_node = _after(used)
        self.next_edge = _after({str(e.get("edgeID")) for e in doc.dialogue_edges})
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.node_of: dict[str, Any] = {}

    def _fresh(self) -> str:
        while str(self.next_node) in self.used:
            self.next_node += 1
        self.used.add(str(self.next_node))
        return str(self.next_node)

    def _node(self, nid: Any, kind: str, text: str, scheme: str | None = None) -> Any:
        """Add a node; ``scheme`` is what the case says of a scheme node's scheme."""
        extra = self.doc.extras.get(str(nid), {})
        if "text" in extra:  # unchanged in the case: write the node's own wording back
            if kind == "I":
                same = _claim_text(extra["text"]) == text
            else:
                same = _scheme_of({**extra, "type": kind}) == scheme
            if same:
                text = extra["text"]
        node = {"nodeID": nid, "text": text, "type": kind}
        node.update({k: v for k, v in extra.items() if k not in ("nodeID", "text")})
        self.nodes.append(node)
        return nid

    def _edge(self, a: Any, b: Any) -> None:
        self.edges.append(
            {"edgeID": str(self.next_edge), "fromID": a, "toID": b, "formEdgeID": None}
        )
        self.next_edge += 1

    def _id_for(self, argmap_id: str) -> Any:
        known = self.doc.node_ids.get(argmap_id)
        return known if known is not None else self._fresh()

    def run(self) -> dict[str, Any]:
        case = self.doc.case
        for section in ("claims", "evidence", "events"):
            for node in getattr(case, section):
                self.node_of[node.id] = self._node(self._id_for(node.id), "I", node.text)
        for p in case.precedents:
            text = p.name + (f", {p.citation}" if p.citation else "")
            self.node_of[p.id] = self._node(self._id_for(p.id), "I", text)
        schemes = schemes_of(case)
        for arg in case.arguments:
            kind = "RA" if arg.stance.value == "pro" else "CA"
            nid = self._id_for(arg.id)
            name = aif_scheme_name(arg.scheme, schemes)
            self.node_of[arg.id] = self._node(nid, kind, name, arg.scheme)
            if arg.scheme in schemes:
                self.nodes[-1].setdefault("scheme", name)
        for arg in case.arguments:
            sources = list(arg.premises) + ([arg.precedent] if arg.precedent else [])
            for premise in dict.fromkeys(sources):
                self._edge(self.node_of[premise], self.node_of[arg.id])
            self._edge(self.node_of[arg.id], self.node_of[arg.conclusion])
        self._relations(case)
        nodes = self.nodes + [dict(n) for n in self.doc.dialogue_nodes]
        present = {str(n["nodeID"]) for n in nodes}
        # a dialogue edge whose node has left the case (an edited Case) is dropped, so
        # the output never has an edge to nowhere
        edges = self.edges + [
            dict(e)
            for e in self.doc.dialogue_edges
            if str(e.get("fromID")) in present and str(e.get("toID")) in present
        ]
        out: dict[str, Any] = {"nodes": nodes, "edges": edges}
        out["locutions"] = [dict(x) if isinstance(x, dict) else x for x in self.doc.locutions]
        out.update(self.doc.other)
        return out

    def _relations(self, case: Case) -> None:
        groups: dict[tuple[str, str, str], Any] = {}
        taken: set[str] = set()
        for rel in case.relations:
            stype = "CA" if rel.is_attack else "RA"
            match = _NOTE.match(rel.note or "")
            key: tuple[str, str, str] | None = None
            text, scheme = _DEFAULT_TEXT[stype], _DEFAULT_SCHEME
            if match and (match.group(1) == "CA") == rel.is_attack:
                stype, shown, named = match.groups()
                key = (stype, json.loads(shown) if shown.startswith('"') else shown, rel.target)
                text = named if named else _DEFAULT_TEXT[stype]
                scheme = named if named else _DEFAULT_SCHEME
            if key is not None and key in groups:
                snode = groups[key]
            else:
                if key is not None and key[1] not in taken:
                    known = self.doc.extras.get(key[1], {}).get("nodeID", key[1])
                    taken.add(key[1])
                    self.used.add(key[1])
                    snode = known
                else:
                    snode = self._fresh()
                self._node(snode, stype, text, scheme)
                self._edge(snode, self.node_of[rel.target])
                if key is not None:
                    groups[key] = snode
            self._edge(self.node_of[rel.origin], snode)


def _after(ids: set[str]) -> int:
    numbers = [int(x) for x in ids if x.isdigit()]
    return max(numbers, default=0) + 1
