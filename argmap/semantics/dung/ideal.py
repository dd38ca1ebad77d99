"""The ideal extension (Dung, Mancarella and Toni 2007).

The ideal extension is the largest admissible set contained in every preferred
extension. It is computed without enumerating the preferred extensions:

1. CA, the credulously accepted arguments (the union of all admissible sets), is
   collected with a few SAT calls, each asking for an admissible set that contains an
   argument not yet in CA.
2. X is CA minus every argument attacked by some member of CA.
3. The ideal extension is the largest admissible subset of X, found by repeatedly
   dropping a member that has an attacker the current set does not attack.

Why this is right (the characterisation of Dunne 2009): the ideal set I lies in some
preferred P, so nothing in P (hence nothing in CA) attacks I, giving I within X; and
the largest admissible M within X is attacked by no preferred P and attacks none of P's
members (P would defend against it, but X is not attacked from CA), so ``M | P`` is
admissible and maximality of P puts M inside every P.

References
----------
P. M. Dung, P. Mancarella, F. Toni. Computing ideal sceptical argumentation.
Artificial Intelligence 171(10-15), 2007.

P. E. Dunne. The computational complexity of ideal semantics. Artificial Intelligence
173(18), 2009.
"""

from __future__ import annotations

import numpy as np

from argmap.semantics.dung.af import AF
from argmap.semantics.dung.encoding import Mask, SatFramework
from argmap.semantics.dung.reduce import undecided_core

__all__ = ["credulous_admissible", "ideal_extension", "largest_admissible_subset"]


def credulous_admissible(af: AF) -> Mask:
    """The arguments that belong to some admissible set (union of all of them)."""
    accepted = np.zeros(af.n, dtype=bool)
    if af.n == 0:
        return accepted
    # union of admissible sets = union of complete ones; complete models are larger,
    # and preferring members makes each call cover many new arguments at once
    with SatFramework(af, "complete") as sat:
        sat.prefer_members()
        while not accepted.all():
            act = sat.fresh()
            sat.add([-act, *sat.literals(~accepted)])
            found = sat.solve([act])
            sat.add([-act])
            if found is None:
                break
            accepted |= found[0]
    return accepted


def largest_admissible_subset(af: AF, candidates: Mask) -> Mask:
    """The largest admissible set inside ``candidates`` (assumed conflict-free).

    The union of admissible subsets of a conflict-free set is admissible, so the
    largest one exists; it is the greatest fixed point of "keep the members all of
    whose attackers are attacked by the kept set".
    """
    keep = candidates.copy()
    src, dst = af.src, af.dst
    while True:
        attacked = np.zeros(af.n, dtype=bool)
        attacked[dst[keep[src]]] = True
        undefended = keep[dst] & ~attacked[src]
        if not undefended.any():
            return keep
        keep[dst[undefended]] = False


def ideal_extension(af: AF) -> frozenset[int]:
    """The ideal extension of ``af`` (Dung, Mancarella, Toni 2007).

    Examples
    --------
    >>> from argmap.semantics.dung.af import AF
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a"), ("b", "b")])
    >>> sorted(ideal_extension(af))  # grounded is empty, but {a} is sceptically safe
    [0]
    """
    core = undecided_core(af)
    sub = core.af
    if sub.n == 0:
        return core.grounded
    ca = credulous_admissible(sub)
    attacked_by_ca = np.zeros(sub.n, dtype=bool)
    attacked_by_ca[sub.dst[ca[sub.src]]] = True
    return core.lift(largest_admissible_subset(sub, ca & ~attacked_by_ca))
