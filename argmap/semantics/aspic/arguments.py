"""ASPIC+ arguments built bottom-up from an acyclic theory (Modgil & Prakken 2013, Def. 3.6).

An argument is a premise ``[p]`` for p in K_n or K_p, or a rule application
``A1, ..., An -> c`` (or ``=>``) whose direct sub-arguments conclude the rule's
antecedents. Literals are visited in a topological order of the rule graph (antecedent
to consequent), so every argument for an antecedent exists before the rules that use it
are applied: each argument is built once, and the number of arguments is the only cost.

Canonical id: a premise argument's id is its literal; a rule application's id is
``rule(sub1; sub2)`` with the direct sub-arguments' ids sorted as strings. Rule names are
unique, so the id determines the argument.
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass

from argmap.errors import SolverError
from argmap.semantics.aspic.theory import Rule, Theory

__all__ = ["Argument", "build_arguments"]


@dataclass(frozen=True)
class Argument:
    """One ASPIC+ argument; sub-arguments are indices into the argument list.

    Attributes
    ----------
    id : str
        The canonical id (see the module docstring).
    conclusion : str
        Conc(A).
    top_rule : Rule or None
        TopRule(A); ``None`` for a premise argument.
    direct_subarguments : tuple of int
        The direct sub-arguments, in the order of the id.
    subarguments : frozenset of int
        Sub(A), including A itself.
    premises, ordinary_premises : frozenset of str
        Prem(A) and Prem_p(A) (the ordinary ones).
    defeasible_rules, last_defeasible_rules : frozenset of str
        DefRules(A) and LastDefRules(A), by rule name.
    """

    id: str
    conclusion: str
    top_rule: Rule | None
    direct_subarguments: tuple[int, ...]
    subarguments: frozenset[int]
    premises: frozenset[str]
    ordinary_premises: frozenset[str]
    defeasible_rules: frozenset[str]
    last_defeasible_rules: frozenset[str]

    @property
    def strict(self) -> bool:
        """No defeasible rule is used."""
        return not self.defeasible_rules

    @property
    def firm(self) -> bool:
        """Every premise is an axiom."""
        return not self.ordinary_premises


@dataclass(frozen=True)
class _Draft:
    id: str
    conclusion: str
    top_rule: Rule | None
    subs: tuple[str, ...]
    sub_ids: frozenset[str]
    premises: frozenset[str]
    ordinary_premises: frozenset[str]
    defeasible_rules: frozenset[str]
    last_defeasible_rules: frozenset[str]


def _literal_order(theory: Theory) -> list[str]:
    """The literals in a topological order of the rule graph (Kahn's algorithm)."""
    literals: set[str] = set(theory.axioms | theory.ordinary_premises)
    successors: dict[str, set[str]] = {}
    for rule in theory.rules:
        literals.add(rule.consequent)
        for antecedent in rule.antecedents:
            literals.add(antecedent)
            successors.setdefault(antecedent, set()).add(rule.consequent)
    indegree = dict.fromkeys(literals, 0)
    for targets in successors.values():
        for t in targets:
            indegree[t] += 1
    queue = deque(sorted(x for x, d in indegree.items() if d == 0))
    order: list[str] = []
    while queue:
        x = queue.popleft()
        order.append(x)
        for t in sorted(successors.get(x, ())):
            indegree[t] -= 1
            if indegree[t] == 0:
                queue.append(t)
    if len(order) != len(literals):
        stuck = sorted(x for x, d in indegree.items() if d > 0)
        raise SolverError(
            f"the rule graph is cyclic (through {stuck[0]!r}); argmap builds ASPIC+ "
            "arguments for acyclic rule sets only"
        )
    return order


def build_arguments(theory: Theory, max_arguments: int = 100_000) -> list[Argument]:
    """Every argument of ``theory``, sorted by id.

    Parameters
    ----------
    theory : Theory
        An ASPIC+ theory whose rule graph is acyclic.
    max_arguments : int
        Stop with an error beyond this many (rule applications multiply out).

    Raises
    ------
    SolverError
        If the rule graph is cyclic or there are too many arguments.

    Examples
    --------
    >>> t = Theory.create(
    ...     strict_rules=[Rule("s1", ("p", "q"), "r", True)],
    ...     defeasible_rules=[Rule("d1", ("a",), "p", False)],
    ...     axioms=["q"], ordinary_premises=["a"])
    >>> [(a.id, sorted(a.defeasible_rules)) for a in build_arguments(t)]
    [('a', []), ('d1(a)', ['d1']), ('q', []), ('s1(d1(a); q)', ['d1'])]
    """
    by_conclusion: dict[str, list[_Draft]] = {}
    rules_for: dict[str, list[Rule]] = {}
    for rule in theory.rules:
        rules_for.setdefault(rule.consequent, []).append(rule)
    count = 0
    for literal in _literal_order(theory):
        built: list[_Draft] = []
        if literal in theory.axioms or literal in theory.ordinary_premises:
            ordinary = frozenset([literal]) if literal in theory.ordinary_premises else frozenset()
            itself = frozenset([literal])
            empty: frozenset[str] = frozenset()
            built.append(_Draft(literal, literal, None, (), itself, itself, ordinary, empty, empty))
        for rule in rules_for.get(literal, ()):
            options = [by_conclusion.get(x, []) for x in rule.antecedents]
            for subs in itertools.product(*options):
                built.append(_apply(rule, subs))
                count += 1
                if count > max_arguments:
                    raise SolverError(f"the theory has more than {max_arguments} arguments")
        by_conclusion[literal] = built
    drafts = sorted((d for ds in by_conclusion.values() for d in ds), key=lambda d: d.id)
    index = {d.id: i for i, d in enumerate(drafts)}
    if len(index) != len(drafts):
        clash = next(a.id for a, b in itertools.pairwise(drafts) if a.id == b.id)
        raise SolverError(f"two arguments share the id {clash!r}: a literal looks like an id")
    return [
        Argument(
            d.id,
            d.conclusion,
            d.top_rule,
            tuple(index[s] for s in d.subs),
            frozenset(index[s] for s in d.sub_ids),
            d.premises,
            d.ordinary_premises,
            d.defeasible_rules,
            d.last_defeasible_rules,
        )
        for d in drafts
    ]


def _apply(rule: Rule, subs: tuple[_Draft, ...]) -> _Draft:
    """The argument applying ``rule`` to the direct sub-arguments ``subs``."""
    ordered = tuple(sorted(s.id for s in subs))
    ident = f"{rule.name}({'; '.join(ordered)})"
    defeasible = frozenset().union(*(s.defeasible_rules for s in subs))
    if rule.strict:
        last = frozenset().union(*(s.last_defeasible_rules for s in subs))
    else:
        defeasible = defeasible | {rule.name}
        last = frozenset([rule.name])
    return _Draft(
        ident,
        rule.consequent,
        rule,
        ordered,
        frozenset([ident]).union(*(s.sub_ids for s in subs)),
        frozenset().union(*(s.premises for s in subs)),
        frozenset().union(*(s.ordinary_premises for s in subs)),
        defeasible,
        last,
    )
