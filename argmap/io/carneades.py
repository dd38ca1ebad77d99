"""Carneades 4 argument graphs (YAML) read into a Case.

A Carneades 4 graph (Gordon and Walton; the ``carneades-4`` YAML format) has
``statements``, ``issues`` whose ``positions`` are alternative statements settled by a
proof standard, ``arguments`` with premises (a list, or a mapping role -> statement), a
conclusion, an optional ``scheme``, ``weight`` and ``undercutter`` statement,
``assumptions`` (statements taken as true, also written ``assumed: true`` on the
statement), and ``tests``, the labels (``in``, ``out``, ``undecided``) the graph is
expected to get. The mapping is

- statement -> claim. Its id is the key when that is a valid argmap id, else the key
  with ``¬`` spelled ``not_`` and every run of other characters turned into ``_``
  (``¬app(a1)`` -> ``not_app_a1``; prefixed ``s`` if it would not start with a
  letter); the original key is then kept
  as the tag ``carneades:<key>`` so that export writes it back. Its text is the
  statement's text (the key if it has none);
- assumed statement -> ``base_score: 1`` and the tag ``assumed``; any other statement
  ``base_score: 0``. Carneades accepts an unassumed statement only when an applicable
  argument supports it, and these base scores make argmap's gradual strengths read
  the same way (a statement with no support has strength 0);
- argument -> argument with the same premises, conclusion, ``scheme`` (the Carneades
  scheme's name; the default ``linked`` scheme and none at all give argmap's default)
  and ``weight``. Premise roles (``minor: bird``) go into the argument's text as
  ``premise roles: minor=bird, major=birdsFly``;
- ``undercutter: S`` -> an ``undercut`` relation from S's claim to the argument;
- issue -> issue with the proof standard PE -> preponderance, CCE ->
  clear_and_convincing with alpha 0 and beta 0.5, BRD -> beyond_reasonable_doubt with
  alpha 0, beta 0.5 and gamma 0.3 (Carneades 4 compares the best weights of two
  positions: ``w1 > w2`` and ``w1 - w2 > 0.5``, and for BRD also ``w2 < 0.3``), DV ->
  dialectical_validity. Each position's claim gets the issue, and the positions of
  one issue rebut each other (note ``Carneades issue <id>: alternative positions``),
  since at most one of them can be in;
- ``meta.title`` -> title, ``meta.description`` or ``meta.note`` -> description.

Kept beside the case in :class:`CarneadesDocument`: the expected labels of ``tests``
(and of ``label:`` on statements), by argmap id. Dropped, with a warning:
``argument_schemes``, ``weighing_functions``, ``issue_schemes``, ``language``,
``references`` and other meta keys, and arguments without premises (argmap arguments
need one; in Carneades such an argument always applies).

>>> doc = parse_carneades('''
... statements: {p: P holds., q: Q holds.}
... arguments: {a1: {premises: [p], conclusion: q}}
... assumptions: [p]
... tests: {in: [p, q]}
... ''')
>>> [(c.id, c.base_score) for c in doc.case.claims], doc.expected
([('p', 1.0), ('q', 0.0)], {'p': 'in', 'q': 'in'})
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.errors import CaseError, Problem
from argmap.io.casefile import read_bytes
from argmap.io.locations import line_for, load_with_lines
from argmap.model import Case
from argmap.semantics.evaluation import Evaluation
from argmap.vocabulary import is_id

__all__ = [
    "ASSUMED_TAG",
    "KEY_TAG",
    "POSITIONS_NOTE",
    "CarneadesDocument",
    "carneades_labels",
    "is_carneades",
    "parse_carneades",
    "read_carneades",
]

ASSUMED_TAG = "assumed"
KEY_TAG = "carneades:"
POSITIONS_NOTE = "Carneades issue {}: alternative positions"
ROLES_PREFIX = "premise roles: "
LABELS = ("in", "out", "undecided")
# Carneades 4 proof standards -> argmap standards with thresholds giving the same test
STANDARDS: dict[str, dict[str, Any]] = {
    "PE": {"name": "preponderance"},
    "CCE": {"name": "clear_and_convincing", "alpha": 0.0, "beta": 0.5},
    "BRD": {"name": "beyond_reasonable_doubt", "alpha": 0.0, "beta": 0.5, "gamma": 0.3},
    "DV": {"name": "dialectical_validity"},
}
_KNOWN = {"meta", "statements", "issues", "arguments", "assumptions", "tests"}
_DROPPED = ("argument_schemes", "weighing_functions", "issue_schemes", "language", "references")
# what Carneades 4 reads on an argument (``parameters`` bind scheme variables: dropped)
_ARGUMENT_KEYS = {"conclusion", "premises", "scheme", "weight", "undercutter", "nas", "meta"}
_DEFAULT_SCHEMES = {"", "linked"}


@dataclass(frozen=True)
class CarneadesDocument:
    """A Case read from Carneades 4 YAML, with what the Case has no place for.

    Attributes
    ----------
    case : Case
    expected : dict
        argmap claim id -> the label the file expects (``in``, ``out``, ``undecided``).
    keys : dict
        argmap id -> the Carneades key it came from (statements and arguments).
    warnings : tuple of str
        What the import dropped or adapted.
    titled : bool
        Whether the file gave the title (else argmap made one up from the file name).
    """

    case: Case
    expected: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    titled: bool = True


def is_carneades(data: Any) -> bool:
    """Whether parsed YAML ``data`` looks like a Carneades 4 graph, not a case file:
    no ``schema_version`` and a ``statements`` mapping (a case has no such section, so a
    case file with a mistake in it is still reported as a case file)."""
    if not isinstance(data, dict) or "schema_version" in data:
        return False
    return isinstance(data.get("statements"), dict)


def read_carneades(path: str | os.PathLike[str]) -> CarneadesDocument:
    """Read a Carneades 4 YAML file (see :func:`parse_carneades`)."""

    return parse_carneades(read_bytes(path), str(path))


def parse_carneades(raw: bytes | str, file: str = "<string>") -> CarneadesDocument:
    """Parse Carneades 4 YAML into a :class:`CarneadesDocument`.

    Raises
    ------
    CaseError
        Empty or malformed YAML, a section of the wrong shape, an argument without a
        conclusion, a reference to a statement that is not declared, a statement in
        two issues, an unknown proof standard or label: every problem, each with its
        path, file and line.
    """
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    if not raw.strip():
        raise CaseError(Problem("", "the file is empty", file, 1))
    data, lines = load_with_lines(raw, file, "yaml")
    return _Reader(data, lines, file).run()


def claim_id(key: str, taken: set[str]) -> str:
    """A valid, unused argmap id for the Carneades key ``key`` (added to ``taken``)."""
    # negation is how Carneades names the other side of an issue: keep it readable
    spelled = key.replace("¬", "not_")
    base = key if is_id(key) else re.sub(r"[^A-Za-z0-9_.\-]+", "_", spelled).strip("_")
    if not base or not base[0].isalpha():
        base = "s" + base
    base = base[:60]
    out, k = base, 2
    while out in taken:
        out, k = f"{base}_{k}", k + 1
    taken.add(out)
    return out


class _Reader:
    """One pass over the parsed YAML that collects problems and builds the case."""

    def __init__(self, data: Any, lines: dict[str, int], file: str) -> None:
        self.data, self.lines, self.file = data, lines, file
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.ids: dict[str, str] = {}  # statement key -> claim id
        self.taken: set[str] = set()

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, self.file, line_for(self.lines, path)))

    def section(self, name: str, kind: type) -> Any:
        value = self.data.get(name)
        if value is None:
            return kind()
        if not isinstance(value, kind):
            shape = "a mapping" if kind is dict else "a list"
            self.fail(name, f"must be {shape}, got {type(value).__name__}")
            return kind()
        return value

    def run(self) -> CarneadesDocument:
        if not isinstance(self.data, dict):
            raise CaseError(Problem("", "a Carneades graph must be a mapping", self.file, 1))
        for key in self.data:
            if key in _DROPPED:
                self.warnings.append(f"{key} dropped: argmap has no place for them")
            elif key not in _KNOWN:
                self.warnings.append(f"unknown top-level key {key!r} ignored")
        claims, assumed = self.statements()
        self.assumptions(assumed)
        issues, relations = self.issues(claims)
        arguments = self.arguments(relations)
        expected = self.expected(claims)
        title, description, titled = self.meta()
        if self.problems:
            raise CaseError(self.problems)
        for key, claim in claims.items():
            if key in assumed:
                claim["base_score"] = 1.0
                claim["tags"] = [ASSUMED_TAG, *claim["tags"]]
        data = {
            "title": title,
            "description": description,
            "issues": issues,
            "claims": list(claims.values()),
            "arguments": arguments,
            "relations": relations,
        }
        if not claims:
            self.warnings.append("the graph has no statements: the case is empty")
        try:
            case = Case.model_validate({k: v for k, v in data.items() if v is not None})
        except (ValidationError, CaseError) as exc:
            raise CaseError(Problem("", f"cannot be made a case: {exc}", self.file)) from None
        keys = {cid: key for key, cid in self.ids.items()}
        keys.update({a["id"]: self.arg_keys[a["id"]] for a in arguments})
        return CarneadesDocument(case, expected, keys, tuple(self.warnings), titled)

    def statements(self) -> tuple[dict[str, dict[str, Any]], set[str]]:
        claims: dict[str, dict[str, Any]] = {}
        assumed: set[str] = set()
        self.stated: dict[str, str] = {}  # labels written on statements
        for key, value in self.section("statements", dict).items():
            path = f"statements.{key}"
            key = str(key)
            text: Any = value
            if isinstance(value, dict):
                text = value.get("text", key)
                flag = value.get("assumed")
                if flag is not None and not isinstance(flag, bool | int):
                    self.fail(f"{path}.assumed", "must be true or false")
                elif flag:
                    assumed.add(key)
                label = value.get("label", value.get("value"))
                if isinstance(label, str) and label.lower() in LABELS:
                    self.stated[key] = label.lower()
            elif value is None:
                text = key
            if not isinstance(text, str | int | float) or isinstance(text, bool):
                self.fail(path, "a statement is its text or a mapping with 'text'")
                continue
            cid = claim_id(key, self.taken)
            self.ids[key] = cid
            tags = [] if cid == key else [(KEY_TAG + key)[:64]]
            body = str(text).strip() or key
            claims[key] = {"id": cid, "text": body[:4000], "base_score": 0.0, "tags": tags}
        return claims, assumed

    def assumptions(self, assumed: set[str]) -> None:
        raw = self.data.get("assumptions")
        items = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
        if raw is not None and not isinstance(raw, str | list):
            self.fail("assumptions", "must be a list of statements")
        for i, key in enumerate(items):
            if str(key) not in self.ids:
                self.fail(f"assumptions[{i}]", f"unknown statement {key!r}")
            else:
                assumed.add(str(key))

    def ref(self, path: str, key: Any) -> str | None:
        """The claim id of statement ``key``; a problem if there is none."""
        cid = self.ids.get(str(key)) if isinstance(key, str | int | float) else None
        if cid is None:
            self.fail(path, f"unknown statement {key!r}")
        return cid

    def issues(
        self, claims: dict[str, dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        issues: list[dict[str, Any]] = []
        relations: list[dict[str, Any]] = []
        owner: dict[str, str] = {}
        for key, value in self.section("issues", dict).items():
            path = f"issues.{key}"
            value = value if isinstance(value, dict) else {}
            positions = value.get("positions", [])
            positions = [positions] if isinstance(positions, str) else positions
            standard = str(value.get("standard") or "PE").upper()
            if standard not in STANDARDS:
                self.fail(
                    f"{path}.standard",
                    f"unknown proof standard {standard!r} (Carneades knows {', '.join(STANDARDS)})",
                )
                continue
            iid = claim_id(str(key), self.taken)
            ids = []
            for i, pos in enumerate(positions if isinstance(positions, list) else []):
                cid = self.ref(f"{path}.positions[{i}]", pos)
                if cid is None:
                    continue
                if str(pos) in owner:
                    self.fail(
                        f"{path}.positions[{i}]",
                        f"{pos!r} is already a position of issue {owner[str(pos)]!r}",
                    )
                    continue
                owner[str(pos)] = str(key)
                claims[str(pos)]["issue"] = iid
                ids.append(cid)
            meta = value.get("meta")
            meta = meta if isinstance(meta, dict) else {}
            question = meta.get("question") or f"Which holds: {', '.join(map(str, positions))}?"
            issues.append(
                {"id": iid, "question": str(question)[:4000], "proof_standard": STANDARDS[standard]}
            )
            note = POSITIONS_NOTE.format(key)
            order = {c["id"]: k for k, c in enumerate(claims.values())}
            ids.sort(key=order.__getitem__)  # statement order, as the export lists them
            relations += [
                {"kind": "rebut", "from": a, "to": b, "note": note}
                for a in ids
                for b in ids
                if a != b
            ]
        return issues, relations

    def arguments(self, relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        self.arg_keys: dict[str, str] = {}
        for key, value in self.section("arguments", dict).items():
            path = f"arguments.{key}"
            if not isinstance(value, dict):
                self.fail(path, "an argument must be a mapping with premises and a conclusion")
                continue
            if "conclusion" not in value:
                self.fail(path, "argument has no conclusion")
                continue
            unknown = sorted(str(k) for k in value if str(k).lower() not in _ARGUMENT_KEYS)
            if unknown:
                self.warnings.append(f"argument {key}: {', '.join(unknown)} dropped")
            conclusion = self.ref(f"{path}.conclusion", value["conclusion"])
            premises, roles = self.premises(path, value.get("premises"))
            if conclusion is None or premises is None:
                continue
            if not premises:
                self.warnings.append(
                    f"argument {key} has no premises and was left out (an argmap argument "
                    "needs one; in Carneades it always applies)"
                )
                continue
            aid = claim_id(str(key), self.taken)
            self.arg_keys[aid] = str(key)
            arg: dict[str, Any] = {"id": aid, "premises": premises, "conclusion": conclusion}
            scheme = value.get("scheme")
            meta = value.get("meta")
            if not scheme and isinstance(meta, dict):  # where argmap's export puts it
                scheme = meta.get("scheme")
            if isinstance(scheme, str) and scheme.strip() not in _DEFAULT_SCHEMES:
                arg["scheme"] = scheme.strip()[:100]
            weight = value.get("weight")
            if weight is not None:
                if isinstance(weight, bool) or not isinstance(weight, int | float):
                    self.fail(f"{path}.weight", "must be a number between 0 and 1")
                elif not 0 <= weight <= 1:
                    self.fail(f"{path}.weight", f"must be between 0 and 1, got {weight}")
                else:
                    arg["weight"] = float(weight)
            if roles:
                arg["text"] = ROLES_PREFIX + ", ".join(f"{r}={k}" for r, k in roles)
            out.append(arg)
            cutter = value.get("undercutter", value.get("nas"))
            if cutter is not None:
                cid = self.ref(f"{path}.undercutter", cutter)
                if cid is not None:
                    relations.append({"kind": "undercut", "from": cid, "to": aid})
        return out

    def premises(self, path: str, raw: Any) -> tuple[list[str] | None, list[tuple[str, str]]]:
        """Premise claim ids (None on a problem) and the ``(role, key)`` pairs."""
        if raw is None:
            return [], []
        pairs: list[tuple[str, Any]]
        if isinstance(raw, list):
            pairs = [("", k) for k in raw]
        elif isinstance(raw, dict):
            pairs = [(str(r), k) for r, k in raw.items()]
        else:
            self.fail(f"{path}.premises", "must be a list or a mapping role -> statement")
            return None, []
        ids: list[str] = []
        ok = True
        for i, (role, key) in enumerate(pairs):
            where = f"{path}.premises.{role}" if role else f"{path}.premises[{i}]"
            cid = self.ref(where, key)
            ok = ok and cid is not None
            if cid is not None and cid not in ids:
                ids.append(cid)
        roles = [(r, str(k)) for r, k in pairs if r]
        return (ids if ok else None), roles

    def expected(self, claims: dict[str, dict[str, Any]]) -> dict[str, str]:
        out = {self.ids[k]: v for k, v in self.stated.items()}
        tests = self.data.get("tests")
        if tests is None:
            return out
        if not isinstance(tests, dict):
            self.fail("tests", "must be a mapping label -> statements")
            return out
        for label, keys in tests.items():
            if str(label).lower() not in LABELS:
                self.fail(
                    f"tests.{label}", f"unknown label (Carneades labels: {', '.join(LABELS)})"
                )
                continue
            for i, key in enumerate([keys] if isinstance(keys, str) else keys or []):
                cid = self.ref(f"tests.{label}[{i}]", key)
                if cid is not None:
                    out[cid] = str(label).lower()
        return out

    def meta(self) -> tuple[str, str | None, bool]:
        meta = self.data.get("meta")
        meta = meta if isinstance(meta, dict) else {}
        title = str(meta.get("title") or "").strip()
        text = meta.get("description", meta.get("note"))
        description = str(text).strip()[:10000] if text else None
        extra = sorted(str(k) for k in meta if k not in ("title", "description", "note"))
        if extra:
            self.warnings.append(f"meta keys dropped: {', '.join(extra)}")
        if title:
            return title[:300], description, True
        stem = Path(self.file).stem if self.file != "<string>" else ""
        return (f"Carneades graph {stem}".strip())[:300], description, False


def carneades_labels(case: Case, evaluation: Evaluation) -> dict[str, str]:
    """argmap's evaluation of an imported graph read as Carneades 4 labels.

    Carneades 4 settles every issue position by its proof standard, and labels any
    other statement ``in`` when it is assumed or an applicable argument of weight
    above 0 supports it, ``out`` when none can. The reading that matches: a claim
    with an issue is ``in`` when argmap finds its proof standard met, else ``out``;
    any other claim is ``in`` when its gradual strength is above 0 (the import gives
    assumed statements base score 1 and the others 0, and an argument's strength is
    its weight times its weakest premise, as Carneades' linked weighing), else
    ``out``. It never says ``undecided``, which Carneades gives on cycles it cannot
    resolve (docs/interchange.md).

    >>> from argmap.semantics.evaluate import evaluate
    >>> doc = parse_carneades("statements: {p: P, q: Q}\\narguments: {a: {premises: [p], "
    ...                       "conclusion: q}}")
    >>> carneades_labels(doc.case, evaluate(doc.case))
    {'p': 'out', 'q': 'out'}
    """
    out: dict[str, str] = {}
    for claim in case.claims:
        node = evaluation.nodes[claim.id]
        if node.standard_met is not None:
            out[claim.id] = "in" if node.standard_met else "out"
        else:
            out[claim.id] = "in" if node.strength > 0 else "out"
    return out
