"""Convert between case files and the interchange formats, saying what gets lost.

Formats and their extensions:

========  ==========================================  ================================
format    extensions                                  reader / writer
========  ==========================================  ================================
case      ``.yaml`` ``.yml`` ``.json``                :mod:`argmap.io.casefile`
aif       ``.aif.json`` ``.aif``, and ``.json`` maps   :mod:`argmap.io.aif`
argdown   ``.argdown`` ``.ad``                        :mod:`argmap.io.argdown`
apx       ``.apx``                                    :mod:`argmap.io.iccma` + projection
tgf       ``.tgf``                                    :mod:`argmap.io.iccma` + projection
af        ``.af`` ``.i23`` (ICCMA 2023 ``p af N``)    :mod:`argmap.io.iccma` + projection
========  ==========================================  ================================

A ``.json`` input with ``nodes`` and ``edges`` and no ``schema_version`` is read as
AIF (AIFdb names its downloads ``nodeset123.json``). A conversion that cannot carry
everything returns (and the command line prints) one warning per kind of loss, naming
the sections and fields dropped. AIF to AIF keeps the dialogue layer (locutions,
L/YA/TA/PA nodes) through :class:`~argmap.io.aif.AifDocument`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.io.atomic import write_atomic
from argmap.model import Case

__all__ = ["FORMATS", "ICCMA_FORMATS", "convert", "format_of", "lost_in"]

ICCMA_FORMATS = ("apx", "tgf", "af")
FORMATS = ("case", "aif", "argdown", *ICCMA_FORMATS)
_SUFFIXES = {
    ".aif.json": "aif",
    ".aif": "aif",
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
_ALIASES = {"yaml": "case", "json": "case", "iccma": "af", "i23": "af", "ad": "argdown"}

# what each format can hold: section -> fields kept ("*" = the whole section)
_AIF_KEEPS: dict[str, set[str]] = {
    "claims": {"id", "text"},
    "evidence": {"id", "text"},
    "events": {"id", "text"},
    "precedents": {"id", "name", "citation"},
    "arguments": {"id", "premises", "conclusion", "scheme", "precedent", "stance"},
    "relations": {"kind", "from", "to", "note"},
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
    if source == "case" and from_ is None and str(in_path).lower().endswith(".json"):
        source = _sniff_json(in_path)
    warnings: list[str] = []
    if source in ICCMA_FORMATS and target in ICCMA_FORMATS:
        # framework to framework: no case in between, names kept as they are
        from argmap.io.casefile import read_bytes
        from argmap.io.iccma import parse_af, write_af

        if target == "af" and source != "af":
            warnings.append("ICCMA af numbers the arguments 1..n: argument names dropped")
        af = parse_af(read_bytes(in_path), source, str(in_path))
        _write_out(out_path, str(write_af(af, target)))
        return warnings
    document: Any = _read(in_path, source, warnings)
    case: Case = document.case if hasattr(document, "case") else document
    if target == "case" and to and to.lower() in ("json", "yaml"):
        text = _write(document, case, target, f"out.{to.lower()}", source, warnings)
    else:
        text = _write(document, case, target, out_path, source, warnings)
    _write_out(out_path, text)
    return warnings


def _write_out(path: str | os.PathLike[str], text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as exc:  # a missing folder or no permission: the user's to fix
        raise ArgmapError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None


def _sniff_json(path: str | os.PathLike[str]) -> str:
    """``'aif'`` for a ``.json`` file that is an AIF map (nodes and edges, no
    schema_version, as AIFdb names its downloads ``nodeset123.json``), else ``'case'``."""
    import json

    from argmap.io.casefile import read_bytes

    try:
        data = json.loads(read_bytes(path).decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return "case"  # the case reader reports the error with its line
    is_aif = (
        isinstance(data, dict)
        and "schema_version" not in data
        and isinstance(data.get("nodes"), list)
        and isinstance(data.get("edges"), list)
    )
    return "aif" if is_aif else "case"


def _read(path: str | os.PathLike[str], fmt: str, warnings: list[str]) -> Any:
    if fmt == "case":
        from argmap.io.casefile import load

        return load(path)
    if fmt == "aif":
        from argmap.io.aif import read_aif

        doc = read_aif(path)
        warnings += doc.warnings
        return doc
    if fmt == "argdown":
        from argmap.io.argdown import read_argdown

        return read_argdown(path, warnings=warnings)
    from argmap.io.casefile import read_bytes
    from argmap.io.iccma import parse_af
    from argmap.io.iccma_case import af_to_case

    return af_to_case(parse_af(read_bytes(path), fmt, str(path)), title=Path(path).stem)


def _write(
    document: Any,
    case: Case,
    fmt: str,
    path: str | os.PathLike[str],
    source: str,
    warnings: list[str],
) -> str:
    if fmt == "case":
        from argmap.io.casefile import dumps, format_for

        if source == "aif":
            warnings += _dialogue_loss(document)
        return dumps(case, format_for(path))
    if fmt == "aif":
        from argmap.io.aif import dumps_aif

        if source == "aif":  # the AifDocument writes back everything it read
            return dumps_aif(document)
        warnings += lost_in(case, "aif")
        return dumps_aif(case)
    if source == "aif":
        warnings += _dialogue_loss(document)
    if fmt == "argdown":
        from argmap.io.argdown import dumps_argdown

        warnings += lost_in(case, "argdown")
        return dumps_argdown(case)
    from argmap.io.iccma import write_af
    from argmap.io.iccma_case import case_to_af

    warnings += lost_in(case, fmt)
    return str(write_af(case_to_af(case), fmt))


def _dialogue_loss(document: Any) -> list[str]:
    kinds: dict[str, int] = {}
    for node in document.dialogue_nodes:
        kinds[str(node.get("type"))] = kinds.get(str(node.get("type")), 0) + 1
    parts = [f"{n} {t} nodes" for t, n in sorted(kinds.items())]
    if document.locutions:
        parts.append(f"{len(document.locutions)} locutions")
    if not parts:
        return []
    return ["dropped the AIF dialogue layer (only AIF output keeps it): " + ", ".join(parts)]


def lost_in(case: Case, fmt: str) -> list[str]:
    """What writing ``case`` as ``fmt`` drops, as warning lines (empty if nothing)."""
    from argmap.io.casefile import document_to_data

    if fmt == "case":
        return []
    if fmt == "argdown":
        multiline = [n.id for n in case.iter_nodes() if "\n" in str(getattr(n, "text", ""))]
        if multiline:
            return [f"line breaks in texts become spaces in Argdown ({', '.join(multiline[:5])})"]
        return []
    keeps = _AIF_KEEPS if fmt == "aif" else _ICCMA_KEEPS
    data = document_to_data(case)
    dropped: list[str] = []
    for key in ("title", "description"):
        if key in data:
            dropped.append(key)
    for section, value in data.items():
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
        name = "AIF" if fmt == "aif" else f"ICCMA {fmt}"
        out.append(f"lossy conversion to {name}: dropped " + ", ".join(dropped))
    if fmt in ICCMA_FORMATS:
        supports = sum(1 for r in case.relations if not r.is_attack) + len(case.arguments)
        if supports:
            out.append(
                f"ICCMA {fmt} keeps attacks only: {supports} supports and inferences dropped "
                "(premise attacks are kept as secondary attacks on the arguments)"
            )
        if fmt == "af":
            out.append("ICCMA af numbers the arguments 1..n in case order: node ids dropped")
    elif case.arguments and any(a.stance.value == "con" for a in case.arguments):
        out.append("AIF has no con arguments: they are written as conflict (CA) nodes")
    return out
