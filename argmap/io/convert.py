"""Convert between case files and the interchange formats, saying what gets lost.

Formats and their extensions:

=========  =========================================  =====================================
format     extensions                                 reader / writer
=========  =========================================  =====================================
case       ``.yaml`` ``.yml`` ``.json``               :mod:`argmap.io.casefile`
aif        ``.aif.json`` ``.aif``, and ``.json`` maps  :mod:`argmap.io.aif`
xaif       ``.xaif.json`` ``.xaif``, and ``.json``     :mod:`argmap.io.xaif`
carneades  ``.carneades.yml``, and ``.yml`` graphs    :mod:`argmap.io.carneades` (+ ``_write``)
argdown    ``.argdown`` ``.ad``                       :mod:`argmap.io.argdown`
apx        ``.apx``                                   :mod:`argmap.io.iccma` + projection
tgf        ``.tgf``                                   :mod:`argmap.io.iccma` + projection
af         ``.af`` ``.i23`` (ICCMA 2023 ``p af N``)   :mod:`argmap.io.iccma` + projection
=========  =========================================  =====================================

Without ``--from``, a ``.json`` or ``.yaml``/``.yml`` input is told by its content: an
object whose ``AIF`` is an object is xAIF; ``nodes`` and ``edges`` and no
``schema_version`` is AIF (AIFdb names its downloads ``nodeset123.json``);
a ``statements`` mapping is a Carneades 4 graph; anything else is a
case. A conversion that cannot carry everything returns (and the command line prints)
one warning per kind of loss, naming the sections and fields dropped. AIF and xAIF
output keep the dialogue layer (locutions, L/YA/TA/PA nodes) of an AIF or xAIF input
through :class:`~argmap.io.aif.AifDocument`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.io.aif import dumps_aif, read_aif
from argmap.io.argdown import dumps_argdown, read_argdown
from argmap.io.carneades import is_carneades, read_carneades
from argmap.io.carneades_write import dumps_carneades
from argmap.io.casefile import document_to_data, dumps, format_for, load, read_bytes
from argmap.io.gcpause import paused_gc
from argmap.io.iccma import comment_names, names_fit_comments, parse_af, write_af
from argmap.io.iccma_case import af_to_case, case_to_af
from argmap.io.outputs import write_output
from argmap.io.xaif import dumps_xaif, is_xaif, read_xaif
from argmap.model import Case
from argmap.semantics.dung.af import AF

__all__ = [
    "AIF_FORMATS",
    "FORMATS",
    "ICCMA_FORMATS",
    "convert",
    "format_of",
    "lost_in",
    "read_case",
]

ICCMA_FORMATS = ("apx", "tgf", "af")
FORMATS = ("case", "aif", "xaif", "carneades", "argdown", *ICCMA_FORMATS)
AIF_FORMATS = ("aif", "xaif")
_SUFFIXES = {  # longest first: .xaif.json before .aif.json before .json
    ".xaif.json": "xaif",
    ".aif.json": "aif",
    ".xaif": "xaif",
    ".aif": "aif",
    ".carneades.yaml": "carneades",
    ".carneades.yml": "carneades",
    ".yaml": "case",
    ".yml": "case",
    ".json": "case",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".apx": "apx",
    ".tgf": "tgf",
    ".af": "af",
    ".i23": "af",
}
_ALIASES = {
    "yaml": "case",
    "json": "case",
    "iccma": "af",
    "i23": "af",
    "ad": "argdown",
    "caes": "carneades",
}
# formats whose files have no title: the one a reader makes up is not worth a warning
_UNTITLED = ("aif", "xaif", *ICCMA_FORMATS)

# what each format can hold: section -> fields kept ("*" = the whole section)
_AIF_KEEPS: dict[str, set[str]] = {
    "claims": {"id", "text"},
    "evidence": {"id", "text"},
    "events": {"id", "text"},
    "precedents": {"id", "name", "citation"},
    "arguments": {"id", "premises", "conclusion", "scheme", "precedent", "stance"},
    "relations": {"kind", "from", "to", "note"},
}
_CARNEADES_KEEPS: dict[str, set[str]] = {
    "issues": {"id", "question", "proof_standard"},
    "claims": {"id", "text", "issue", "base_score", "tags"},
    "evidence": {"id", "text", "reliability"},
    "events": {"id", "text"},
    "precedents": {"id", "name", "citation"},
    "arguments": {"id", "premises", "conclusion", "scheme", "precedent", "stance", "weight"},
    "relations": {"kind", "from", "to", "weight", "note"},
}
_ICCMA_KEEPS: dict[str, set[str]] = {
    "claims": {"id"},
    "evidence": {"id"},
    "events": {"id"},
    "precedents": {"id"},
    "arguments": {"id", "premises", "conclusion", "stance", "precedent"},
    "relations": {"kind", "from", "to"},
}


def format_of(path: str | os.PathLike[str], given: str | None = None) -> str:
    """The format named by ``given`` or, failing that, by the file's extension."""
    if given:
        name = _ALIASES.get(given.lower(), given.lower())
        if name not in FORMATS:
            raise ArgmapError(f"unknown format {given!r} (known: {', '.join(FORMATS)})")
        return name
    lower = Path(path).name.lower()
    for suffix, name in _SUFFIXES.items():  # .aif.json is tried before .json
        if lower.endswith(suffix):
            return name
    raise ArgmapError(
        f"cannot tell the format of {str(path)!r} from its extension; use --from/--to "
        f"({', '.join(FORMATS)})"
    )


def convert(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    from_: str | None = None,
    to: str | None = None,
) -> list[str]:
    """Read ``in_path``, write ``out_path`` atomically; return the loss warnings.

    Raises
    ------
    CaseError
        The input is malformed (file and line named).
    ArgmapError
        A format cannot be told from the extension, or is unknown.
    """
    source, target = format_of(in_path, from_), format_of(out_path, to)
    if source == "case" and from_ is None:
        source = _sniff(in_path)
    warnings: list[str] = []
    if source in ICCMA_FORMATS and target in ICCMA_FORMATS:
        # framework to framework: no case in between, names kept as they are

        af = _read_af(in_path, source, warnings)
        numbered = af.names == tuple(str(i + 1) for i in range(af.n))
        if target == "af" and not numbered and not names_fit_comments(af.names):
            warnings.append("ICCMA af numbers the arguments 1..n: argument names dropped")
        _write_out(out_path, str(write_af(af, target)), in_path)
        return warnings
    with paused_gc():  # a large document is hundreds of thousands of small objects
        document: Any = _read(in_path, source, warnings)
        case: Case = document.case if hasattr(document, "case") else document
        if source == "carneades" and target != "carneades" and document.expected:
            warnings.append(
                f"dropped the Carneades expected labels (tests) of {len(document.expected)} "
                "statements: only the Carneades file holds them"
            )
        if target == "case" and to and to.lower() in ("json", "yaml"):
            text = _write(document, case, target, f"out.{to.lower()}", source, warnings)
        else:
            text = _write(document, case, target, out_path, source, warnings)
    _write_out(out_path, text, in_path)
    return warnings


def read_case(
    path: str | os.PathLike[str], from_: str | None = None
) -> tuple[Case, str, list[str]]:
    """The case in ``path`` whatever its format, the format read, and the warnings.

    >>> case, fmt, _ = read_case("examples/ad_tool_dispute.yaml")
    >>> fmt, len(case.claims) > 0
    ('case', True)
    """
    fmt = format_of(path, from_)
    if fmt == "case" and from_ is None:
        fmt = _sniff(path)
    warnings: list[str] = []
    with paused_gc():
        document: Any = _read(path, fmt, warnings)
    case: Case = document.case if hasattr(document, "case") else document
    return case, fmt, warnings


def _write_out(path: str | os.PathLike[str], text: str, source: str | os.PathLike[str]) -> None:
    # a missing folder, no permission or OUT naming IN: the user's to fix, one line
    write_output(path, text, [source])


def _sniff(path: str | os.PathLike[str]) -> str:
    """The format of a ``.json``/``.yaml``/``.yml`` input told by its content: ``xaif``
    (an object with an ``AIF`` map), ``aif`` (``nodes`` and ``edges`` and no
    schema_version; AIFdb names its downloads ``nodeset123.json``), ``carneades``
    (a ``statements`` mapping), else ``case``."""
    import json

    import yaml

    lower = str(path).lower()
    try:
        text = read_bytes(path).decode("utf-8-sig")
        if lower.endswith(".json"):
            data = json.loads(text)
        elif lower.endswith((".yaml", ".yml")):
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        else:
            return "case"
    except (ValueError, RecursionError, ArgmapError, yaml.YAMLError):
        return "case"  # the case reader reports the error with its line
    if is_xaif(data):
        return "xaif"
    is_aif = (
        isinstance(data, dict)
        and "schema_version" not in data
        and isinstance(data.get("nodes"), list)
        and isinstance(data.get("edges"), list)
    )
    if is_aif:
        return "aif"
    return "carneades" if is_carneades(data) else "case"


def _read_af(path: str | os.PathLike[str], fmt: str, warnings: list[str]) -> Any:
    """The framework in an ICCMA file; a numeric file's ``# name`` comments name it."""

    raw = read_bytes(path)
    af = parse_af(raw, fmt, str(path))
    if fmt != "af":
        return af
    names, note = comment_names(raw, af.n)
    if note:
        warnings.append(note)
    return AF.from_arrays(names, af.src, af.dst) if names else af


def _read(path: str | os.PathLike[str], fmt: str, warnings: list[str]) -> Any:
    if fmt == "case":
        return load(path)
    if fmt in AIF_FORMATS:
        doc = read_aif(path) if fmt == "aif" else read_xaif(path)
        warnings += doc.warnings
        return doc
    if fmt == "carneades":
        graph = read_carneades(path)
        warnings += graph.warnings
        return graph
    if fmt == "argdown":
        return read_argdown(path, warnings=warnings)

    af = _read_af(path, fmt, warnings)
    if af.n == 0:
        warnings.append("the framework has no arguments: the case is empty")
    return af_to_case(af, title=Path(path).stem)


def _write(
    document: Any,
    case: Case,
    fmt: str,
    path: str | os.PathLike[str],
    source: str,
    warnings: list[str],
) -> str:
    titled = source not in _UNTITLED and getattr(document, "titled", True)
    if fmt == "case":
        if source in AIF_FORMATS:
            warnings += _dialogue_loss(document)
        return dumps(case, format_for(path))
    if fmt in AIF_FORMATS:
        dump = dumps_aif if fmt == "aif" else dumps_xaif
        if source in AIF_FORMATS:  # the AifDocument writes back everything it read
            if fmt == "aif" and document.wrapper:
                kept = ", ".join(sorted(document.wrapper))
                warnings.append(f"dropped the xAIF keys beside the map ({kept}): use xAIF output")
            return dump(document)
        warnings += lost_in(case, "aif", titled=titled)
        return dump(case)
    if source in AIF_FORMATS:
        warnings += _dialogue_loss(document)
    if fmt == "carneades":
        text, lost = dumps_carneades(case)
        warnings += lost_in(case, "carneades", titled=titled) + lost
        return text
    if fmt == "argdown":
        warnings += lost_in(case, "argdown")
        return dumps_argdown(case)

    warnings += lost_in(case, fmt, titled=titled)
    return str(write_af(case_to_af(case), fmt))


def _dialogue_loss(document: Any) -> list[str]:
    """What converting an AifDocument to anything but AIF drops: the dialogue layer
    (L, YA, TA nodes, locutions) and, said apart, scheme nodes that fit no argument."""
    dialogue: dict[str, int] = {}
    schemes: dict[str, int] = {}
    for node in document.dialogue_nodes:
        kind = str(node.get("type"))
        counts = schemes if kind in ("RA", "CA", "MA", "PA") else dialogue
        counts[kind] = counts.get(kind, 0) + 1
    out = []
    parts = [f"{n} {t} nodes" for t, n in sorted(dialogue.items())]
    if document.locutions:
        parts.append(f"{len(document.locutions)} locutions")
    if parts:
        out.append(
            "dropped the AIF dialogue layer, who said what and when (AIF and xAIF output "
            "keep it): " + ", ".join(parts)
        )
    if schemes:
        shown = ", ".join(f"{n} {t}" for t, n in sorted(schemes.items()))
        out.append(
            f"dropped scheme nodes that fit no argument or relation ({shown}; "
            "the import warnings say why; AIF and xAIF output keep them)"
        )
    return out


def lost_in(case: Case, fmt: str, titled: bool = True) -> list[str]:
    """What writing ``case`` as ``fmt`` drops, as warning lines (empty if nothing).

    ``titled=False`` says the title was made up by a reader (AIF and ICCMA files have
    none), so losing it is not worth a warning.
    """

    if fmt == "case":
        return []
    if fmt == "argdown":
        multiline = [n.id for n in case.iter_nodes() if "\n" in str(getattr(n, "text", ""))]
        if multiline:
            return [f"line breaks in texts become spaces in Argdown ({', '.join(multiline[:5])})"]
        return []
    keeps = {"aif": _AIF_KEEPS, "xaif": _AIF_KEEPS, "carneades": _CARNEADES_KEEPS}.get(
        fmt, _ICCMA_KEEPS
    )
    data = document_to_data(case)
    dropped: list[str] = []
    if fmt != "carneades":  # Carneades keeps both in its meta
        dropped += [k for k in ("title", "description") if k in data and (titled or k != "title")]
    for section, value in data.items():
        if section == "expect" and value:  # no other format has expected outcomes
            dropped.append(f"expect ({sum(len(claims) for claims in value.values())})")
            continue
        if not isinstance(value, list) or not value:
            continue
        if section not in keeps:
            dropped.append(f"{section} ({len(value)})")
            continue
        present = set()
        for item in value:
            present |= {k for k in item if not (k == "text" and item[k] == item.get("id"))}
        fields = sorted(present - keeps[section])
        if fields:
            dropped.append(f"{section}.{'/'.join(fields)}")
    out = []
    if dropped:
        name = {"aif": "AIF", "xaif": "xAIF", "carneades": "Carneades"}.get(fmt, f"ICCMA {fmt}")
        out.append(f"lossy conversion to {name}: dropped " + ", ".join(dropped))
    if fmt in ICCMA_FORMATS:
        supports = sum(1 for r in case.relations if not r.is_attack) + len(case.arguments)
        if supports:
            out.append(
                f"ICCMA {fmt} keeps attacks only: {supports} supports and inferences dropped "
                "(premise attacks are kept as secondary attacks on the arguments)"
            )
    elif fmt in AIF_FORMATS and any(a.stance.value == "con" for a in case.arguments):
        out.append("AIF has no con arguments: they are written as conflict (CA) nodes")
    return out
