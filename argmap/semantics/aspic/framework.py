"""Attacks, defeats and Dung semantics of an ASPIC+ theory (Modgil & Prakken 2013).

A attacks B when A's conclusion is in the contrary set of, for some sub-argument B' of B:

* an ordinary premise p with B' = [p] (undermining; axioms cannot be undermined);
* the conclusion of B', when B' has a defeasible top rule (rebutting);
* the name of B''s defeasible top rule (undercutting).

A defeats B iff A undercuts B on some B', or A rebuts or undermines B on some B' and
either A's conclusion is a contrary (not a contradictory) of the attacked formula or A is
not strictly weaker than B' (the comparison is with the sub-argument B', not with B).

The extensions are Dung's on (arguments, defeats), computed by
:mod:`argmap.semantics.dung`; conflict-freeness is thus taken on defeats, as in PyArg.
Modgil & Prakken take it on attacks; the two agree under their well-formedness and
reasonable-ordering conditions, and may differ on theories outside them (not closed
under transposition, for instance).

Attacks are found by indexing the arguments by conclusion: each attackable formula of
each argument looks up the arguments concluding one of its contraries, and each direct
attack on B' is lifted to the arguments that contain B'. The cost is the number of
(direct attack, super-argument) pairs, so hundreds of arguments take milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.semantics.aspic.arguments import Argument, build_arguments
from argmap.semantics.aspic.orderings import strictly_weaker
from argmap.semantics.aspic.theory import Theory
from argmap.semantics.dung import AF, extensions, grounded_extension
from argmap.vocabulary import ATTACK_KINDS, AttackKind

__all__ = ["ATTACK_KINDS", "AspicFramework", "build_framework"]


Pair = tuple[int, int]


@dataclass(frozen=True, eq=False)
class AspicFramework:
    """The arguments of a theory, its attacks by kind, and the defeat framework.

    Attributes
    ----------
    theory : Theory
        The theory the framework was built from.
    arguments : tuple of Argument
        Sorted by id; argument ``i`` is node ``i`` of :attr:`defeat_graph`.
    attacks : dict
        For each kind, the sorted ``(attacker, target)`` index pairs where the attack of
        that kind is on some sub-argument of the target.
    defeats : tuple of (int, int)
        The sorted defeat pairs.
    defeat_graph : AF
        (arguments, defeats) as a Dung framework, named by argument id.
    """

    theory: Theory
    arguments: tuple[Argument, ...]
    attacks: dict[AttackKind, tuple[Pair, ...]]
    defeats: tuple[Pair, ...]
    defeat_graph: AF = field(repr=False)

    def ids(self, members: frozenset[int] | set[int]) -> list[str]:
        """The sorted ids of the arguments ``members``."""
        return sorted(self.arguments[i].id for i in members)

    def conclusions(self, members: frozenset[int] | set[int]) -> frozenset[str]:
        """The conclusions of the arguments ``members``."""
        return frozenset(self.arguments[i].conclusion for i in members)

    def grounded(self) -> frozenset[int]:
        """The grounded extension of the defeat graph."""
        return grounded_extension(self.defeat_graph)

    def preferred(self) -> list[frozenset[int]]:
        """The preferred extensions of the defeat graph, sorted by their ids."""
        return sorted(extensions(self.defeat_graph, "preferred"), key=self.ids)

    def extensions(self, semantics: str) -> list[frozenset[int]]:
        """The extensions under any Dung semantics argmap knows, sorted by their ids."""
        return sorted(extensions(self.defeat_graph, semantics), key=self.ids)

    def justified_conclusions(self) -> frozenset[str]:
        """The conclusions of the grounded extension."""
        return self.conclusions(self.grounded())

    def skeptical_conclusions(self) -> frozenset[str]:
        """Conclusions that every preferred extension supports (maybe by different arguments)."""
        sets = [self.conclusions(e) for e in self.preferred()]
        return frozenset.intersection(*sets) if sets else frozenset()

    def credulous_conclusions(self) -> frozenset[str]:
        """Conclusions that some preferred extension supports."""
        return frozenset().union(*(self.conclusions(e) for e in self.preferred()))


def build_framework(theory: Theory) -> AspicFramework:
    """Arguments, attacks by kind and defeats of ``theory``.

    Examples
    --------
    The library example (TOAST's default): last link justifies ``accessDenied``.

    >>> from argmap.semantics.aspic.theory import Rule
    >>> t = Theory.create(
    ...     defeasible_rules=[Rule("r1", ("snores",), "misbehaves", False),
    ...                       Rule("r2", ("misbehaves",), "accessDenied", False),
    ...                       Rule("r3", ("professor",), "accessAllowed", False)],
    ...     ordinary_premises=["snores", "professor"],
    ...     contraries=[("accessDenied", "accessAllowed"), ("accessAllowed", "accessDenied")],
    ...     rule_preferences=[("r3", "r1"), ("r2", "r3"), ("r2", "r1")],
    ...     premise_preferences=[("professor", "snores")],
    ...     ordering="last_link")
    >>> fw = build_framework(t)
    >>> sorted(fw.justified_conclusions())
    ['accessDenied', 'misbehaves', 'professor', 'snores']
    """
    arguments = tuple(build_arguments(theory))
    by_conclusion: dict[str, list[int]] = {}
    for i, arg in enumerate(arguments):
        by_conclusion.setdefault(arg.conclusion, []).append(i)
    containing: list[list[int]] = [[] for _ in arguments]  # B' -> every B with B' in Sub(B)
    for j, arg in enumerate(arguments):
        for sub in arg.subarguments:
            containing[sub].append(j)

    found: dict[AttackKind, set[Pair]] = {kind: set() for kind in ATTACK_KINDS}
    defeat_pairs: set[Pair] = set()
    for b_sub, target in enumerate(arguments):
        for kind, formula in _attackable(target, theory):
            for contrary in sorted(theory.attackers_of(formula)):
                for a in by_conclusion.get(contrary, ()):
                    lifted = [(a, b) for b in containing[b_sub]]
                    found[kind].update(lifted)
                    if kind == "undercut" or (
                        theory.contrary_only(contrary, formula)
                        or not strictly_weaker(arguments[a], target, theory)
                    ):
                        defeat_pairs.update(lifted)
    defeats = tuple(sorted(defeat_pairs))
    graph = AF.from_arrays(
        [a.id for a in arguments], [a for a, _ in defeats], [b for _, b in defeats]
    )
    return AspicFramework(
        theory,
        arguments,
        {kind: tuple(sorted(pairs)) for kind, pairs in found.items()},
        defeats,
        graph,
    )


def _attackable(arg: Argument, theory: Theory) -> list[tuple[AttackKind, str]]:
    """The formulas on which ``arg`` itself (not a sub-argument) can be attacked."""
    rule = arg.top_rule
    if rule is None:
        if arg.conclusion in theory.ordinary_premises:
            return [("undermine", arg.conclusion)]
        return []
    if rule.strict:
        return []
    return [("rebut", arg.conclusion), ("undercut", rule.name)]
