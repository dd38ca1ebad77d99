"""Brute-force Dung semantics straight from the definitions (tests only).

Every subset of the arguments is tried, as a bitmask; fine up to ~14 arguments.
Definitions: Dung 1995 (conflict-free, admissible, complete, preferred, stable,
grounded), Caminada 2006 (semi-stable), Verheij 1996 (stage), Dung, Mancarella and
Toni 2007 (ideal).
"""

from __future__ import annotations

from collections.abc import Sequence

Pairs = Sequence[tuple[int, int]]


class Brute:
    """All the semantics of one small framework over ``0 .. n-1``."""

    def __init__(self, n: int, attacks: Pairs) -> None:
        self.n = n
        self.full = (1 << n) - 1
        self.attackers = [0] * n
        self.targets = [0] * n
        for a, b in attacks:
            self.attackers[b] |= 1 << a
            self.targets[a] |= 1 << b
        self.subsets = range(1 << n)

    def members(self, s: int) -> list[int]:
        return [i for i in range(self.n) if s >> i & 1]

    def attacked(self, s: int) -> int:
        out = 0
        for i in self.members(s):
            out |= self.targets[i]
        return out

    def conflict_free(self, s: int) -> bool:
        return all(self.attackers[i] & s == 0 for i in self.members(s))

    def defended(self, s: int) -> int:
        hit = self.attacked(s)
        return sum(1 << a for a in range(self.n) if self.attackers[a] & ~hit == 0)

    def admissible(self, s: int) -> bool:
        return self.conflict_free(s) and s & ~self.defended(s) == 0

    def complete(self, s: int) -> bool:
        return self.conflict_free(s) and self.defended(s) == s

    def stable(self, s: int) -> bool:
        return self.conflict_free(s) and (s | self.attacked(s)) == self.full

    def range_of(self, s: int) -> int:
        return s | self.attacked(s)

    @staticmethod
    def maximal(sets: list[int], key: dict[int, int] | None = None) -> list[int]:
        """Members of ``sets`` whose (key) value no other member strictly contains."""
        k = key or {s: s for s in sets}
        return [s for s in sets if not any(k[t] != k[s] and k[t] & k[s] == k[s] for t in sets)]

    def semantics(self, name: str) -> set[frozenset[int]]:
        subsets = self.subsets
        if name == "complete":
            found = [s for s in subsets if self.complete(s)]
        elif name == "stable":
            found = [s for s in subsets if self.stable(s)]
        elif name == "preferred":
            found = self.maximal([s for s in subsets if self.admissible(s)])
        elif name == "grounded":
            comp = [s for s in subsets if self.complete(s)]
            least = self.full
            for s in comp:
                least &= s
            assert least in comp
            found = [least]
        elif name == "semi-stable":
            comp = [s for s in subsets if self.complete(s)]
            found = self.maximal(comp, {s: self.range_of(s) for s in comp})
        elif name == "stage":
            cf = [s for s in subsets if self.conflict_free(s)]
            found = self.maximal(cf, {s: self.range_of(s) for s in cf})
        elif name == "ideal":
            pref = self.semantics("preferred")
            common = self.full
            for p in pref:
                common &= sum(1 << i for i in p)
            adm = [s for s in subsets if s & ~common == 0 and self.admissible(s)]
            found = self.maximal(adm)
            assert len(found) == 1
        else:
            raise ValueError(name)
        return {frozenset(self.members(s)) for s in found}
