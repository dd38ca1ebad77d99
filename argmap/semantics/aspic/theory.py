"""ASPIC+ argumentation theories: rules, knowledge base, contrariness and preferences.

A theory follows Modgil & Prakken (2013, 2014): strict and defeasible rules over string
literals, axioms (K_n) and ordinary premises (K_p), a contrariness function, a strict
order on defeasible rules and one on ordinary premises, and the choice of argument
ordering (last link or weakest link) and set comparison (elitist or democratic).

Contrariness: ``-p`` and ``p`` are contradictories of each other; a defeasible rule's
name is a literal, so ``-d1`` concludes against rule ``d1``; each extra ``(x, y)`` pair
makes ``x`` a contrary of ``y`` (``x`` attacks ``y``), and when ``(y, x)`` is given too
the two are contradictories.

References
----------
S. Modgil and H. Prakken. A general account of argumentation with preferences.
Artificial Intelligence 195, 361-397, 2013.

S. Modgil and H. Prakken. The ASPIC+ framework for structured argumentation: a tutorial.
Argument & Computation 5(1), 31-62, 2014.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from argmap.errors import SolverError

__all__ = [
    "ORDERINGS",
    "SET_COMPARISONS",
    "Rule",
    "Theory",
    "negation",
]

ORDERINGS: tuple[str, ...] = ("last_link", "weakest_link")
SET_COMPARISONS: tuple[str, ...] = ("elitist", "democratic")

Ordering = Literal["last_link", "weakest_link"]
SetComparison = Literal["elitist", "democratic"]


def negation(literal: str) -> str:
    """The contradictory of ``literal`` by the leading ``-``.

    Examples
    --------
    >>> negation("p"), negation("-p"), negation("d1")
    ('-p', 'p', '-d1')
    """
    return literal[1:] if literal.startswith("-") else "-" + literal


@dataclass(frozen=True)
class Rule:
    """A strict (``->``) or defeasible (``=>``) rule named ``name``."""

    name: str
    antecedents: tuple[str, ...]
    consequent: str
    strict: bool

    def __str__(self) -> str:
        arrow = "->" if self.strict else "=>"
        return f"{self.name}: {', '.join(self.antecedents)} {arrow} {self.consequent}"


def _without_repeats(rule: Rule) -> Rule:
    unique = tuple(dict.fromkeys(rule.antecedents))
    return rule if unique == rule.antecedents else replace(rule, antecedents=unique)


@dataclass(frozen=True)
class Theory:
    """An ASPIC+ argumentation theory; build it with :meth:`create` or :meth:`from_mapping`.

    Preferences are stored transitively closed, as ``(stronger, weaker)`` pairs.

    Examples
    --------
    >>> t = Theory.create(
    ...     defeasible_rules=[Rule("d1", ("a",), "p", False)],
    ...     ordinary_premises=["a", "-a"],
    ...     premise_preferences=[("a", "-a")],
    ... )
    >>> t.attacks_formula("-a", "a"), t.contrary_only("-a", "a")
    (True, False)
    """

    strict_rules: tuple[Rule, ...]
    defeasible_rules: tuple[Rule, ...]
    axioms: frozenset[str]
    ordinary_premises: frozenset[str]
    contraries: frozenset[tuple[str, str]]
    rule_preferences: frozenset[tuple[str, str]]
    premise_preferences: frozenset[tuple[str, str]]
    ordering: Ordering = "last_link"
    set_comparison: SetComparison = "elitist"

    @classmethod
    def create(
        cls,
        *,
        strict_rules: Iterable[Rule] = (),
        defeasible_rules: Iterable[Rule] = (),
        axioms: Iterable[str] = (),
        ordinary_premises: Iterable[str] = (),
        contraries: Iterable[tuple[str, str]] = (),
        rule_preferences: Iterable[tuple[str, str]] = (),
        premise_preferences: Iterable[tuple[str, str]] = (),
        ordering: str = "last_link",
        set_comparison: str = "elitist",
    ) -> Theory:
        """Check and build a theory.

        Raises
        ------
        SolverError
            If rule names repeat, a rule is filed under the wrong kind, a premise is
            both an axiom and ordinary, a preference names something unknown or is not
            a strict order, or the ordering or set comparison is unknown.
        """
        # antecedents form a set (Modgil and Prakken 2013, Def. 2): a repeated one would
        # let two orders of the same sub-arguments pass for two arguments
        strict = tuple(_without_repeats(r) for r in strict_rules)
        defeasible = tuple(_without_repeats(r) for r in defeasible_rules)
        names: set[str] = set()
        for rule in (*strict, *defeasible):
            if rule.name in names:
                raise SolverError(f"rule name {rule.name!r} is used twice")
            names.add(rule.name)
        for rule in strict:
            if not rule.strict:
                raise SolverError(f"rule {rule.name!r} is listed as strict but is defeasible")
        for rule in defeasible:
            if rule.strict:
                raise SolverError(f"rule {rule.name!r} is listed as defeasible but is strict")
        k_n, k_p = frozenset(axioms), frozenset(ordinary_premises)
        both = sorted(k_n & k_p)
        if both:
            raise SolverError(f"premise {both[0]!r} is both an axiom and an ordinary premise")
        if ordering not in ORDERINGS:
            raise SolverError(f"unknown ordering {ordering!r}; choose {' or '.join(ORDERINGS)}")
        if set_comparison not in SET_COMPARISONS:
            raise SolverError(
                f"unknown set comparison {set_comparison!r}; choose {' or '.join(SET_COMPARISONS)}"
            )
        rule_order = _strict_order(
            rule_preferences, {r.name for r in defeasible}, "rule_preferences", "defeasible rule"
        )
        premise_order = _strict_order(
            premise_preferences, k_p, "premise_preferences", "ordinary premise"
        )
        return cls(
            strict,
            defeasible,
            k_n,
            k_p,
            frozenset((str(x), str(y)) for x, y in contraries),
            rule_order,
            premise_order,
            "last_link" if ordering == "last_link" else "weakest_link",
            "elitist" if set_comparison == "elitist" else "democratic",
        )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Theory:
        """A theory from a plain mapping, as in ``ground-truth/aspic.yaml``.

        Keys: ``strict_rules`` and ``defeasible_rules`` (lists of ``name``,
        ``antecedents``, ``consequent``), ``axioms``, ``ordinary_premises``,
        ``contraries``, ``rule_preferences`` and ``premise_preferences`` (lists of
        pairs), ``ordering`` and ``set_comparison``; all optional.

        Raises
        ------
        SolverError
            Naming the field, if a field has the wrong shape or the theory is invalid.
        """
        return cls.create(
            strict_rules=_rules(data.get("strict_rules"), "strict_rules", strict=True),
            defeasible_rules=_rules(data.get("defeasible_rules"), "defeasible_rules", strict=False),
            axioms=_strings(data.get("axioms"), "axioms"),
            ordinary_premises=_strings(data.get("ordinary_premises"), "ordinary_premises"),
            contraries=_pairs(data.get("contraries"), "contraries"),
            rule_preferences=_pairs(data.get("rule_preferences"), "rule_preferences"),
            premise_preferences=_pairs(data.get("premise_preferences"), "premise_preferences"),
            ordering=str(data.get("ordering", "last_link")),
            set_comparison=str(data.get("set_comparison", "elitist")),
        )

    @property
    def rules(self) -> tuple[Rule, ...]:
        """All rules, strict first."""
        return self.strict_rules + self.defeasible_rules

    def attacks_formula(self, conclusion: str, formula: str) -> bool:
        """Is ``conclusion`` in the contrary set of ``formula`` (contrary or contradictory)?"""
        return conclusion == negation(formula) or (conclusion, formula) in self.contraries

    def contrary_only(self, conclusion: str, formula: str) -> bool:
        """Is ``conclusion`` a contrary of ``formula`` but not a contradictory of it?"""
        return (
            (conclusion, formula) in self.contraries
            and conclusion != negation(formula)
            and (formula, conclusion) not in self.contraries
        )

    def attackers_of(self, formula: str) -> set[str]:
        """Every literal in the contrary set of ``formula``."""
        found = {negation(formula)}
        found.update(x for x, y in self.contraries if y == formula)
        return found


def _strict_order(
    pairs: Iterable[tuple[str, str]], known: set[str] | frozenset[str], field: str, what: str
) -> frozenset[tuple[str, str]]:
    """Check ``(stronger, weaker)`` pairs and close them transitively."""
    above: dict[str, set[str]] = {}
    for a, b in pairs:
        for x in (a, b):
            if x not in known:
                raise SolverError(f"{field}: {x!r} is not a {what}")
        if a == b:
            raise SolverError(f"{field}: ({a}, {a}) is reflexive; a strict order has none")
        above.setdefault(a, set()).add(b)
    closed: set[tuple[str, str]] = set()
    for start in above:
        stack, seen = list(above[start]), set()
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.add(x)
                stack.extend(above.get(x, ()))
        if start in seen:
            raise SolverError(f"{field}: cyclic through {start!r}, not a strict order")
        closed.update((start, x) for x in seen)
    return frozenset(closed)


def _strings(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise SolverError(f"{field}: expected a list of strings")
    return value


def _pairs(value: Any, field: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for k, pair in enumerate(value or []):
        if not (
            isinstance(pair, Sequence)
            and not isinstance(pair, str)
            and len(pair) == 2
            and all(isinstance(x, str) for x in pair)
        ):
            raise SolverError(f"{field}[{k}]: expected a pair of strings")
        out.append((pair[0], pair[1]))
    return out


def _rules(value: Any, field: str, *, strict: bool) -> list[Rule]:
    out: list[Rule] = []
    for k, item in enumerate(value or []):
        where = f"{field}[{k}]"
        if not isinstance(item, Mapping):
            raise SolverError(f"{where}: expected a mapping with name, antecedents, consequent")
        name, consequent = item.get("name"), item.get("consequent")
        if not isinstance(name, str) or not isinstance(consequent, str):
            raise SolverError(f"{where}: name and consequent must be strings")
        antecedents = _strings(item.get("antecedents"), f"{where}.antecedents")
        out.append(Rule(name, tuple(antecedents), consequent, strict))
    return out
