"""Write a Case as readable Argdown that :func:`argmap.io.argdown.parse_argdown` reads
back into the same Case.

Layout: front matter (title, description, and under ``argmap:`` the sections Argdown
has no syntax for plus ``relation_details``); claims under a heading per issue
(sketched arguments, claims tagged ``sketched-argument``, as ``<id>: gist``); evidence,
events and precedents as statements with their fields as data (``{kind: evidence,
source: S1, ...}``); arguments with their premise-conclusion structures (the scheme as
the inference rule); and the relations as one small tree per run of relations from one
origin (``+>`` support, ``->`` rebut or undermine, ``_>`` undercut).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from argmap.io.argdown_text import SKETCHED_TAG, id_for_title
from argmap.io.casefile import document_to_data
from argmap.io.yaml_schema import QuotingDumper
from argmap.model import Argument, Case, Claim, Event, Evidence, Node, Precedent
from argmap.model.catalogue import catalogue
from argmap.vocabulary import GRAPH_KINDS, SECTION_OF_KIND

__all__ = ["dumps_argdown", "escape_text"]

_DEFAULT_SCHEME = "defeasible inference"
_PLAIN_TAG = re.compile(r"[^\s#()\[\]<>{}\\/]+")
# the graph's sections, arguments last: the nodes they draw on take their titles first
_DRAWN = tuple(SECTION_OF_KIND[kind] for kind in sorted(GRAPH_KINDS, key="argument".__eq__))
Titled = Claim | Evidence | Event | Precedent | Argument
"""The node kinds that are Argdown statements or arguments (and carry a label)."""


def escape_text(text: str) -> str:
    """Backslash-escape what Argdown would read as a tag, data or a comment."""
    text = " ".join(text.split("\n"))
    text = re.sub(r"([\\#{}\[\]<>])", r"\\\1", text)
    return re.sub(r"/(?=[/*])", r"\\/", text)


def _data(data: dict[str, Any]) -> str:
    if not data:
        return ""
    flow = yaml.dump(
        data,
        Dumper=QuotingDumper,
        default_flow_style=True,
        width=10**9,
        allow_unicode=True,
        sort_keys=False,
    ).strip()
    inner = flow[1:-1]
    inner = re.sub(r"([\\#{}\[\]<>])", r"\\\1", inner)
    inner = re.sub(r"/(?=[/*])", r"\\/", inner)
    return " {" + inner + "}"


def _tags(tags: list[str], sketched: bool = False) -> str:
    if sketched and tags and tags[-1] == SKETCHED_TAG:
        tags = tags[:-1]  # written as <id>, which reads back with this tag last
    out = []
    for tag in tags:
        out.append(f" #{tag}" if _PLAIN_TAG.fullmatch(tag) else f" #({escape_text(tag)})")
    return "".join(out)


def _fields(node: Node, drop: set[str]) -> dict[str, Any]:
    return {k: v for k, v in document_to_data(node).items() if k not in drop | {"label"}}


def _titles(case: Case, angled: set[str]) -> dict[str, str]:
    """The Argdown title of every node: its label where the label can stand for it
    (one title per node, never another node's id), else its id."""
    ids = {n.id for section in _DRAWN for n in getattr(case, section)}
    used: set[str] = set()
    titles: dict[str, str] = {}
    for section in _DRAWN:
        for node in getattr(case, section):
            label = node.label
            # "<- x>" would read as a relation: an angled title cannot start with + - _
            fits = label is not None and not (node.id in angled and label[0] in "+-_")
            if fits and label not in ids and label not in used:
                titles[node.id] = label
                used.add(label)
            else:
                titles[node.id] = node.id
    return titles


def _naming(node: Titled, title: str, prefix: str) -> dict[str, Any]:
    """Data that says what the title cannot: the id (when the title does not turn into
    it) and the label (when the title is not the label)."""
    data: dict[str, Any] = {}
    if id_for_title(title, prefix) != node.id:
        data["id"] = node.id
    read_as = title if title != node.id else None  # the label the reader will give it
    if node.label != read_as:
        data["label"] = node.label
    return data


def dumps_argdown(case: Case) -> str:
    """A Case as Argdown text.

    >>> from argmap.model import Case, Claim
    >>> print(dumps_argdown(Case(title="t", claims=[Claim(id="a", text="It rains")])))
    ===
    title: t
    ===
    <BLANKLINE>
    # Claims
    <BLANKLINE>
    [a]: It rains
    <BLANKLINE>
    """
    used = {p for a in case.arguments for p in [*a.premises, a.conclusion]}
    sketched = {c.id for c in case.claims if SKETCHED_TAG in c.tags and c.id not in used}
    out = [_front(case), ""]
    angled = sketched | {a.id for a in case.arguments}
    titles = _titles(case, angled)

    def ref(node_id: str) -> str:
        title = escape_text(titles[node_id])
        return f"<{title}>" if node_id in angled else f"[{title}]"

    def named(node: Titled) -> dict[str, Any]:
        return _naming(node, titles[node.id], "A" if node.id in angled else "S")

    issues = {i.id: i.question for i in case.issues}
    current: object = object()
    for claim in case.claims:  # a heading whenever the issue changes; claim order kept
        issue = claim.issue if claim.issue in issues else None
        if issue != current:
            heading = issues[issue] if issue else "Claims"
            out += [f"# {' '.join(heading.split())}", ""]
            current = issue
        # a sketched argument (its gist, no structure) or a statement
        tags = _tags(claim.tags, sketched=claim.id in sketched)
        line = f"{ref(claim.id)}: {escape_text(claim.text)}{tags}"
        data = {**named(claim), **_fields(claim, {"id", "text", "tags"})}
        out += [line + _data(data), ""]
    for section, kind, name in (
        ("evidence", "evidence", "text"),
        ("events", "event", "text"),
        ("precedents", "precedent", "name"),
    ):
        nodes = getattr(case, section)
        if nodes:
            out += [f"# {section.capitalize()}", ""]
        for node in nodes:
            data = {"kind": kind, **named(node), **_fields(node, {"id", name})}
            out += [f"{ref(node.id)}: {escape_text(getattr(node, name))}{_data(data)}", ""]
    if case.arguments:
        out += ["# Arguments", ""]
    own = {scheme.id for scheme in case.schemes}
    for arg in case.arguments:
        head = ref(arg.id) + (f": {escape_text(arg.text)}" if arg.text else "")
        data = {**named(arg), **_fields(arg, {"id", "text", "premises", "conclusion", "scheme"})}
        out += [
            head + _data(data),
            "",
        ]  # a blank line before the structure, as argdown.org writes it
        premises = list(arg.premises) or ([arg.precedent] if arg.precedent else [])
        for n, premise in enumerate(premises, 1):
            out.append(f"({n}) {ref(premise)}")
        if arg.scheme == _DEFAULT_SCHEME:
            out.append("----")
        else:  # a catalogue scheme by its name, which reads back as its id
            shipped = catalogue().get(arg.scheme)
            rule = shipped.name if shipped is not None and arg.scheme not in own else arg.scheme
            out += ["--", escape_text(rule), "--"]
        out += [f"({len(premises) + 1}) {ref(arg.conclusion)}", ""]
    if case.relations:
        out += ["# Relations", ""]
    marker = {"support": "+>", "rebut": "->", "undermine": "->", "undercut": "_>"}
    previous = None
    for rel in case.relations:  # consecutive relations of one origin share a tree; order kept
        if rel.origin != previous:
            out += ["", ref(rel.origin)] if previous is not None else [ref(rel.origin)]
            previous = rel.origin
        out.append(f"  {marker[rel.kind.value]} {ref(rel.target)}")
    return "\n".join(out).rstrip("\n") + "\n"


def _front(case: Case) -> str:
    front: dict[str, Any] = {"title": case.title}
    if case.description:
        front["description"] = case.description
    extra: dict[str, Any] = {}
    for section in ("parameters", "parties", "sources", "issues", "factors", "schemes"):
        items = getattr(case, section)
        if items:
            extra[section] = [document_to_data(x) for x in items]
    if case.critical_questions.weight is not None:
        extra["critical_questions"] = document_to_data(case.critical_questions)
    if case.expect:  # the expected outcomes, as the case file writes them
        extra["expect"] = document_to_data(case)["expect"]
    details = _relation_details(case)
    if details:
        extra["relation_details"] = details
    if extra:
        front["argmap"] = extra
    body = yaml.dump(front, Dumper=QuotingDumper, sort_keys=False, allow_unicode=True, width=100)
    return "===\n" + body + "==="


def _relation_details(case: Case) -> list[dict[str, Any]]:
    """Relations whose weight, note or exact attack kind the tree syntax cannot show."""
    premises = {p for a in case.arguments for p in a.premises}
    ends: dict[tuple[str, str, bool], int] = {}
    for rel in case.relations:
        key = (rel.origin, rel.target, rel.is_attack)
        ends[key] = ends.get(key, 0) + 1
    out = []
    for rel in case.relations:
        target_kind = type(case.node(rel.target)).__name__
        inferred = rel.kind.value
        if rel.kind.value in ("rebut", "undermine"):
            premise_like = target_kind in ("Evidence", "Event") or rel.target in premises
            inferred = "undermine" if premise_like else "rebut"
        shared = ends[(rel.origin, rel.target, rel.is_attack)] > 1  # details go in order
        if rel.weight is not None or rel.note or inferred != rel.kind.value or shared:
            out.append(document_to_data(rel))
    return out
