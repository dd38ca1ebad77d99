"""A Case written as a Carneades 4 argument graph (YAML).

The inverse of :mod:`argmap.io.carneades` where Carneades can hold the case, and a
documented translation where it cannot:

- claims, evidence, events and precedents -> statements (a precedent's text is its
  name and citation), keyed by their id, or by the tag ``carneades:<key>`` a Carneades
  import left. A statement is assumed (``assumed: true``) when it is tagged
  ``assumed``, when its base score or reliability is the number 1, or when it is an
  event (argmap takes a dated happening to have happened);
- issues -> issues whose positions are the claims of the issue, the question in
  ``meta.question``; the standard preponderance -> PE, clear_and_convincing -> CCE,
  beyond_reasonable_doubt -> BRD. Carneades 4 reads only PE, CCE and BRD, with fixed
  thresholds, so dialectical validity and scintilla are written as PE and other
  thresholds are lost (with a warning);
- pro arguments -> arguments: premises (with their roles if the argument's text
  lists them), conclusion, a numeric weight, and the scheme in ``meta.scheme``
  (Carneades refuses a ``scheme`` it has no definition for);
- ``support X -> C`` -> an argument from X to C;
- an undercut of A by a statement S -> ``undercutter: S`` when it is A's only
  undercut; otherwise every undercutter argues for a new statement ``¬app(A)``, the
  way Carneades writes several exceptions;
- con arguments, rebuts and undermines of C -> arguments for a new statement ``¬C``
  (text ``Not: <text of C>``) that is a position of C's issue (or of a new issue
  ``C?`` with the positions C and ¬C): Carneades 4 has no con arguments; an argument
  against C is one for its alternative;
- rebuts between the positions of one issue that a Carneades import made (note
  ``Carneades issue ...``) are left out: the issue says it already.

Dropped, with a warning (:func:`to_carneades` names what this module alone can tell:
scores other than 0 and 1, expressions, tags, argument texts, relations whose origin
is an argument, supports of arguments; :func:`argmap.io.convert.lost_in` names the
sections and fields Carneades has no place for: parties, sources, factors, parameters,
evidence sources, quotes, dates, ...).

>>> from argmap.model import Case, Claim, Argument
>>> case = Case(title="t", claims=[Claim(id="p", text="P", base_score=1),
...     Claim(id="q", text="Q")], arguments=[Argument(id="a", premises=["p"], conclusion="q")])
>>> print(dumps_carneades(case)[0].split("statements:")[0].strip())
meta:
  title: t
"""

from __future__ import annotations

from typing import Any

import yaml

from argmap.io.carneades import ASSUMED_TAG, KEY_TAG, POSITIONS_NOTE, ROLES_PREFIX
from argmap.model import Case

__all__ = ["dumps_carneades", "to_carneades"]

_STANDARDS = {
    "preponderance": "PE",
    "clear_and_convincing": "CCE",
    "beyond_reasonable_doubt": "BRD",
    "dialectical_validity": "PE",
    "scintilla": "PE",
}
_THRESHOLDS = {"CCE": (0.0, 0.5, 0.2), "BRD": (0.0, 0.5, 0.3)}
_POSITIONS = POSITIONS_NOTE.split("{}")[0]


def dumps_carneades(case: Case) -> tuple[str, list[str]]:
    """:func:`to_carneades` as YAML text, with the warnings."""
    data, warnings = to_carneades(case)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return text, warnings


def to_carneades(case: Case) -> tuple[dict[str, Any], list[str]]:
    """``case`` as Carneades 4 data, and one warning line per kind of loss."""
    return _Writer(case).run()


class _Writer:
    def __init__(self, case: Case) -> None:
        self.case = case
        self.lost: dict[str, int] = {}
        self.key: dict[str, str] = {}  # statement's argmap id -> Carneades key
        self.arg_key: dict[str, str] = {}  # argument's argmap id -> Carneades key
        self.statements: dict[str, dict[str, Any]] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.issues: dict[str, dict[str, Any]] = {}
        self.issue_of: dict[str, str] = {}

    def loss(self, what: str, n: int = 1) -> None:
        self.lost[what] = self.lost.get(what, 0) + n

    def run(self) -> tuple[dict[str, Any], list[str]]:
        case = self.case
        self.write_statements()
        self.write_issues()
        self.write_arguments()
        self.write_relations()
        meta: dict[str, Any] = {"title": case.title}
        if case.description:
            meta["description"] = case.description
        data: dict[str, Any] = {"meta": meta, "statements": self.statements}
        if self.issues:
            data["issues"] = self.issues
        if self.arguments:
            data["arguments"] = self.arguments
        warnings = []
        if self.lost:
            shown = ", ".join(f"{k} ({n})" for k, n in self.lost.items())
            warnings.append(f"lossy conversion to Carneades: dropped {shown}")
        if any(self.negated):
            warnings.append(
                "Carneades 4 has no con arguments: con arguments, rebuts and undermines "
                "are written as arguments for a negated statement (¬X) in X's issue"
            )
        return data, warnings

    def write_statements(self) -> None:
        self.negated: dict[str, str] = {}
        for node in self.case.iter_nodes():
            kind = type(node).__name__
            if kind not in ("Claim", "Evidence", "Event", "Precedent"):
                continue
            tags = list(getattr(node, "tags", []))
            if any(t != ASSUMED_TAG and not t.startswith(KEY_TAG) for t in tags):
                self.loss("tags")
            key = next((t[len(KEY_TAG) :] for t in tags if t.startswith(KEY_TAG)), node.id)
            self.key[node.id] = key
            text = getattr(node, "text", None) or getattr(node, "name", node.id)
            if kind == "Precedent" and getattr(node, "citation", None):
                text = f"{text}, {node.citation}"  # type: ignore[union-attr]
            score = getattr(node, "base_score", getattr(node, "reliability", None))
            assumed = ASSUMED_TAG in tags or kind == "Event" or score == 1.0
            if isinstance(score, str):
                self.loss("score expressions")
            elif score is not None and score not in (0.0, 1.0):
                self.loss("scores between 0 and 1")
            body: dict[str, Any] = {"text": text}
            if assumed:
                body["assumed"] = True
            self.statements[key] = body

    def write_issues(self) -> None:
        for issue in self.case.issues:
            standard = issue.proof_standard
            code = _STANDARDS[standard.name.value]
            if standard.name.value in ("dialectical_validity", "scintilla"):
                self.loss(f"proof standard {standard.name.value} (written as PE)")
            elif (
                code in _THRESHOLDS
                and (standard.alpha, standard.beta, standard.gamma) != (_THRESHOLDS[code])
            ):
                self.loss("proof-standard thresholds (Carneades fixes them)")
            positions = [self.key[c.id] for c in self.case.claims if c.issue == issue.id]
            for key in positions:
                self.issue_of[key] = issue.id
            self.issues[issue.id] = {
                "meta": {"question": issue.question},
                "positions": positions,
                "standard": code,
            }

    def fresh(self, base: str, taken: dict[str, Any]) -> str:
        out, k = base, 2
        while out in taken or out in self.statements:
            out, k = f"{base}.{k}", k + 1
        return out

    def write_arguments(self) -> None:
        for arg in self.case.arguments:
            if arg.precedent is not None and arg.precedent not in arg.premises:
                premises = [*arg.premises, arg.precedent]
            else:
                premises = list(arg.premises)
            conclusion = self.key[arg.conclusion]
            if arg.stance.value == "con":
                conclusion = self.negation(arg.conclusion)
            block = self.premise_block(arg.text, [self.key[p] for p in premises])
            if arg.text and not isinstance(block, dict):
                self.loss("argument texts")
            body: dict[str, Any] = {"premises": block}
            body["conclusion"] = conclusion
            if isinstance(arg.weight, float):
                body["weight"] = arg.weight
            elif arg.weight is not None:
                self.loss("weight expressions")
            if arg.scheme != "defeasible inference":
                body["meta"] = {"scheme": arg.scheme}
            if arg.applies_if is not None:
                self.loss("applies_if conditions")
            name = self.fresh(arg.id, self.arguments)
            self.arguments[name] = body
            self.arg_key[arg.id] = name

    @staticmethod
    def premise_block(text: str | None, keys: list[str]) -> list[str] | dict[str, str]:
        """The premises, as a role mapping when the argument's text lists the roles."""
        if text and text.startswith(ROLES_PREFIX):
            pairs = [p.split("=", 1) for p in text[len(ROLES_PREFIX) :].split(", ")]
            roles = {k: r for r, k in (p for p in pairs if len(p) == 2)}
            if sorted(roles) == sorted(keys):
                return {roles[k]: k for k in keys}
        return keys

    def negation(self, claim_id: str) -> str:
        """The key of ``¬C`` for claim ``C``, made (with its issue) on first use."""
        key = self.key[claim_id]
        if claim_id in self.negated:
            return self.negated[claim_id]
        neg = self.fresh(f"¬{key}", {})
        self.negated[claim_id] = neg
        self.statements[neg] = {"text": f"Not: {self.statements[key]['text']}"}
        issue = self.issue_of.get(key)
        if issue is None:
            issue = self.fresh(f"{key}?", self.issues)
            self.issues[issue] = {"positions": [key], "standard": "PE"}
            self.issue_of[key] = issue
        self.issues[issue]["positions"].append(neg)
        self.issue_of[neg] = issue
        return neg

    def same_issue(self, rel: Any) -> bool:
        """Whether ``rel`` is a rebut between two positions of one issue."""
        ends = [self.issue_of.get(self.key.get(n, "")) for n in (rel.origin, rel.target)]
        return rel.kind.value == "rebut" and ends[0] is not None and ends[0] == ends[1]

    def write_relations(self) -> None:
        undercuts: dict[str, list[str]] = {}
        for k, rel in enumerate(self.case.relations, start=1):
            if (rel.note and rel.note.startswith(_POSITIONS)) or self.same_issue(rel):
                continue  # the issue's positions say it: at most one of them is in
            if rel.origin not in self.key:
                self.loss("relations from arguments")
                continue
            origin = self.key[rel.origin]
            kind = rel.kind.value
            if kind == "undercut":
                undercuts.setdefault(self.arg_key[rel.target], []).append(origin)
                continue
            if rel.target not in self.key:
                self.loss("supports of arguments")
                continue
            target = self.key[rel.target]
            if kind != "support":
                target = self.negation(rel.target)
            body: dict[str, Any] = {"premises": [origin], "conclusion": target}
            if isinstance(rel.weight, float):
                body["weight"] = rel.weight
            self.arguments[self.fresh(f"r{k}", self.arguments)] = body
        for name, origins in undercuts.items():
            if len(origins) == 1:
                self.arguments[name]["undercutter"] = origins[0]
                continue
            cutter = self.fresh(f"¬app({name})", {})
            self.statements[cutter] = {"text": f"Argument {name} does not apply."}
            self.arguments[name]["undercutter"] = cutter
            for i, origin in enumerate(origins, start=1):
                self.arguments[self.fresh(f"{name}.x{i}", self.arguments)] = {
                    "premises": [origin],
                    "conclusion": cutter,
                }
