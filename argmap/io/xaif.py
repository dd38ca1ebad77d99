"""xAIF, the AIF wrapper that OVA3 and arg-tech's argument-mining tools write.

An xAIF file is one JSON object: ``{"AIF": {nodes, edges, locutions, participants,
schemefulfillments, ...}, "OVA": {...layout...}, "text": "..."}``. The ``AIF`` part is
read exactly as an AIF map (:mod:`argmap.io.aif`: I nodes become claims, RA nodes
arguments, CA and MA nodes relations; the dialogue layer of L, YA and TA nodes and the
locutions is kept beside the case). The keys beside ``AIF`` (the analysed ``text``,
the ``OVA`` layout) are kept verbatim in :attr:`AifDocument.wrapper`, so that xAIF
output gives them back, and the text, with its HTML markup removed, becomes the case's
``description``, so a case file keeps what the map was drawn from.

>>> doc = parse_xaif('{"AIF": {"nodes": [{"nodeID": "1", "text": "A", "type": "I"}], '
...                  '"edges": []}, "text": "<span>A</span> said", "OVA": {}}')
>>> [c.text for c in doc.case.claims], doc.case.description
(['A'], 'Source text (xAIF): A said')
>>> sorted(to_xaif(doc))
['AIF', 'OVA', 'text']
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import replace
from typing import Any

from argmap.errors import CaseError, Problem
from argmap.io.aif import AifDocument, document_from_data, load_json, to_aif
from argmap.io.casefile import read_bytes
from argmap.model import Case

__all__ = ["dumps_xaif", "is_xaif", "parse_xaif", "read_xaif", "to_xaif"]

_DESCRIPTION_MAX = 10000
_PREFIX = "Source text (xAIF): "
_TAG = re.compile(r"<[^>]*>")
# what OVA3 writes beside nodes and edges; a plain case gets them empty
_AIF_LISTS = (
    "participants",
    "schemefulfillments",
    "descriptorfulfillments",
    "cqdescriptorfulfillments",
)


def is_xaif(data: Any) -> bool:
    """Whether parsed JSON ``data`` is an xAIF wrapper (an object whose ``AIF`` is one)."""
    return isinstance(data, dict) and isinstance(data.get("AIF"), dict)


def read_xaif(path: str | os.PathLike[str], title: str | None = None) -> AifDocument:
    """Read an xAIF JSON file (see :func:`parse_xaif`)."""

    return parse_xaif(read_bytes(path), str(path), title=title)


def parse_xaif(raw: bytes | str, file: str = "<string>", title: str | None = None) -> AifDocument:
    """Parse xAIF JSON text into an :class:`~argmap.io.aif.AifDocument`.

    Raises
    ------
    CaseError
        An empty or malformed file, no ``AIF`` object, or any problem of the AIF part
        (reported with its path, ``AIF.nodes[3].text``, file and line).
    """
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    data = load_json(raw, file)
    if not is_xaif(data):
        what = "an object" if isinstance(data, dict) else "not an object"
        raise CaseError(
            Problem(
                "",
                f"an xAIF document is an object with an 'AIF' object; this is {what} without one",
                file,
                1,
            )
        )
    doc = document_from_data(data["AIF"], raw, file, title=title, prefix="AIF.")
    wrapper = {k: v for k, v in data.items() if k != "AIF"}
    warnings = list(doc.warnings)
    description = _description(wrapper.get("text"), warnings)
    case = doc.case
    if description:
        case = case.model_copy(update={"description": description})
    return replace(doc, case=case, wrapper=wrapper, warnings=tuple(warnings))


def _description(text: Any, warnings: list[str]) -> str | None:
    """The analysed text as a case description: markup removed, bounded."""
    if isinstance(text, dict):  # some OVA versions write {"txt": "..."}
        text = text.get("txt")
    if not isinstance(text, str):
        return None
    plain = html.unescape(_TAG.sub("", text))
    plain = "\n".join(line.rstrip() for line in plain.strip().splitlines())
    if not plain:
        return None
    out = _PREFIX + plain
    if len(out) > _DESCRIPTION_MAX:
        warnings.append(
            f"the xAIF text ({len(plain)} characters) is cut to fit the case description; "
            "xAIF output keeps it whole"
        )
        out = out[: _DESCRIPTION_MAX - 3] + "..."
    return out


def to_xaif(source: Case | AifDocument) -> dict[str, Any]:
    """A Case (or an AifDocument) as xAIF data: ``{"AIF": ..., "text": ..., "OVA": ...}``.

    A document read from xAIF gets its own ``text`` and ``OVA`` back unchanged. A
    plain case gets its description (without the prefix the importer adds) as the
    text and an empty OVA layout, which OVA3 lays out itself.
    """
    doc = source if isinstance(source, AifDocument) else AifDocument(case=source)
    aif = to_aif(doc)
    if doc.wrapper is not None:
        return {"AIF": aif, **doc.wrapper}
    for key in _AIF_LISTS:
        aif.setdefault(key, [])
    text = doc.case.description or ""
    text = text[len(_PREFIX) :] if text.startswith(_PREFIX) else text
    ova = {"firstname": "", "surname": "", "url": "", "nodes": [], "edges": []}
    return {"AIF": aif, "text": text, "OVA": ova}


def dumps_xaif(source: Case | AifDocument) -> str:
    """:func:`to_xaif` as JSON text (indented, UTF-8 kept)."""
    return json.dumps(to_xaif(source), indent=2, ensure_ascii=False) + "\n"
