"""ASPIC+ structured argumentation (Modgil & Prakken 2013, 2014).

From a theory (rules, premises, contrariness, preferences) to arguments, the three kinds
of attack, defeats under last-link or weakest-link ordering with elitist or democratic
set comparison, and the grounded and preferred extensions with their conclusions.

>>> from argmap.semantics.aspic import Rule, Theory, build_framework
>>> t = Theory.create(
...     defeasible_rules=[Rule("d1", ("a",), "p", False), Rule("d2", ("b",), "-p", False)],
...     ordinary_premises=["a", "b"], rule_preferences=[("d1", "d2")])
>>> fw = build_framework(t)
>>> [(fw.arguments[a].id, fw.arguments[b].id) for a, b in fw.defeats]
[('d1(a)', 'd2(b)')]
>>> sorted(fw.justified_conclusions())
['a', 'b', 'p']
"""

from argmap.semantics.aspic.arguments import Argument, build_arguments
from argmap.semantics.aspic.framework import ATTACK_KINDS, AspicFramework, build_framework
from argmap.semantics.aspic.orderings import set_less, strictly_weaker
from argmap.semantics.aspic.theory import (
    ORDERINGS,
    SET_COMPARISONS,
    Rule,
    Theory,
    negation,
)

__all__ = [
    "ATTACK_KINDS",
    "ORDERINGS",
    "SET_COMPARISONS",
    "Argument",
    "AspicFramework",
    "Rule",
    "Theory",
    "build_arguments",
    "build_framework",
    "negation",
    "set_less",
    "strictly_weaker",
]
