"""Argument orderings of ASPIC+: last link and weakest link, elitist or democratic.

Set comparison of G and H (``X < Y`` strict in the given order; Modgil & Prakken 2014,
the strict form, which PyArg implements too):

* G = {} is never below anything;
* otherwise G < H whenever H = {};
* elitist: G < H iff some X in G is below every Y in H;
* democratic: G < H iff every X in G is below some Y in H.

Argument order (A < B: A strictly weaker):

* last link: LastDefRules(A) < LastDefRules(B), or both are empty and
  Prem_p(A) < Prem_p(B);
* weakest link: if A and B are both strict, Prem_p(A) < Prem_p(B); else if both are
  firm, DefRules(A) < DefRules(B); else Prem_p(A) < Prem_p(B) and
  DefRules(A) < DefRules(B).

References
----------
S. Modgil and H. Prakken. A general account of argumentation with preferences.
Artificial Intelligence 195, 361-397, 2013 (Definitions 3.21 and 3.23).
"""

from __future__ import annotations

from collections.abc import Set

from argmap.semantics.aspic.arguments import Argument
from argmap.semantics.aspic.theory import Theory

__all__ = ["set_less", "strictly_weaker"]


def set_less(g: Set[str], h: Set[str], order: Set[tuple[str, str]], comparison: str) -> bool:
    """Is the set ``g`` strictly below ``h``, given ``(stronger, weaker)`` pairs ``order``?

    Examples
    --------
    >>> order = {("d3", "d1"), ("d2", "d1")}
    >>> set_less({"d1", "d3"}, {"d2"}, order, "elitist")
    True
    >>> set_less({"d1", "d3"}, {"d2"}, order, "democratic")
    False
    >>> set_less(set(), {"d2"}, order, "elitist"), set_less({"d1"}, set(), order, "elitist")
    (False, True)
    """
    if not g:
        return False
    if not h:
        return True
    if comparison == "elitist":
        return any(all((y, x) in order for y in h) for x in g)
    return all(any((y, x) in order for y in h) for x in g)


def strictly_weaker(a: Argument, b: Argument, theory: Theory) -> bool:
    """``a < b`` under the theory's ordering and set comparison."""
    comparison = theory.set_comparison
    rules, premises = theory.rule_preferences, theory.premise_preferences

    def premises_less() -> bool:
        return set_less(a.ordinary_premises, b.ordinary_premises, premises, comparison)

    def rules_less() -> bool:
        return set_less(a.defeasible_rules, b.defeasible_rules, rules, comparison)

    if theory.ordering == "last_link":
        if set_less(a.last_defeasible_rules, b.last_defeasible_rules, rules, comparison):
            return True
        return not a.last_defeasible_rules and not b.last_defeasible_rules and premises_less()
    if a.strict and b.strict:
        return premises_less()
    if a.firm and b.firm:
        return rules_less()
    return premises_less() and rules_less()
