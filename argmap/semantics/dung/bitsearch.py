"""Exact backtracking search on small frameworks, with Python integers as bit sets.

The SAT path has a fixed cost per call (building the clauses, loading them into a
solver, copying the model back) that dominates when the undecided core of a framework
has only a couple of dozen arguments. On cores that small a backtracking search over
bit sets answers in a few microseconds per node and needs no set-up beyond two lists
of bit masks. :mod:`argmap.semantics.dung.small` decides when to use it.

A set of arguments is an ``int`` whose bit ``i`` is argument ``i``. The search state
is four sets: ``S`` the members so far, ``O`` the arguments ``S`` attacks, ``A`` the
arguments that attack ``S``, and ``B`` the arguments that may still join (not in
``S``, ``O`` or ``A``, not self-attacking, not ruled out by an earlier branch). A
member therefore never conflicts with another one.

Every search branches on a *clause* that each solution below the node satisfies: an
attacker of ``S`` that ``S`` does not attack yet must be attacked by a new member;
under stable semantics an argument outside ``S`` and ``O`` must join or be attacked by
a new member; a "hit" constraint needs a new member from a given set. Branch ``k`` over
the clause's candidates ``c1 .. cm`` adds ``ck`` and rules out ``c1 .. c(k-1)``, so the
branches are disjoint and together cover every solution: each solution is reached once,
and a clause with one candidate is a forced move (unit propagation). The clause with
the fewest candidates is branched on first.

* admissible sets (:meth:`BitSearch.find_admissible`): the first node without an
  open clause is an answer (its set is admissible), so the search is goal-directed;
  credulous acceptance under admissible, complete and preferred semantics is the same
  question (Dung 1995);
* complete extensions: arguments that ``S`` defends are added at once (a complete set
  must contain them); a node without an open clause is a complete extension, and the
  larger ones below it are reached by branching on which argument of ``B`` joins next;
* preferred extensions: the complete search, branching on one argument of ``B`` at a
  time (in, or kept out), with two more kinds of clause for maximality. An argument
  kept out whose attackers are all attacked by ``S`` or by itself could join any
  extension below that it does not conflict with, so some argument it attacks or is
  attacked by must join (none left: nothing below is maximal). And a new extension is
  inside none found before, so it needs an argument outside each (the first few found
  give such clauses). At a leaf the set is complete and nothing kept out can join
  alone; one more search checks that no two or more can join together (in the spirit
  of the labelling-based algorithms of Nofal, Atkinson and Dunne 2014);
* stable extensions: a node where ``S | O`` is everything is a stable extension.

Each search counts its nodes and raises :class:`SearchBudgetExceeded` past a budget
(per question, or between two extensions when enumerating), so a hard core costs at
most a bounded detour before the caller hands it to the SAT solver.

References
----------
P. M. Dung. On the acceptability of arguments and its fundamental role in nonmonotonic
reasoning, logic programming and n-person games. Artificial Intelligence 77(2), 1995.

S. Nofal, K. Atkinson, P. E. Dunne. Algorithms for decision problems in argument
systems under preferred semantics. Artificial Intelligence 207, 2014 (labelling-based
backtracking).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

__all__ = ["NODE_BUDGET", "BitSearch", "SearchBudgetExceeded", "members_of"]

# Nodes one question (or one gap between two enumerated extensions) may visit before
# the caller falls back to SAT. A node costs a few microseconds, so the detour is at
# most a few milliseconds. On random cores of 24 and 32 arguments (uniform, half and
# fully symmetric attacks, 1.5 to 6 per argument) no question needed 300 nodes.
NODE_BUDGET = 2_000

# The first this many preferred extensions found also give clauses (a new extension
# must contain an argument outside each); more would cost more per node than they save.
_FOUND_CLAUSES = 8

# "no open clause" marker for the branching choice (more than any candidate count)
_NONE_OPEN = 1 << 30

State = tuple[int, int, int, int]  # S, O, A, B (see the module docs)


class SearchBudgetExceeded(Exception):
    """The search visited more nodes than its budget allows (use the SAT path)."""


def members_of(mask: int) -> list[int]:
    """The arguments in the bit set ``mask``, in increasing order."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


class BitSearch:
    """Backtracking searches over one framework with arguments ``0 .. n-1``.

    One search runs at a time on an instance (the node budget is shared).

    Parameters
    ----------
    n : int
        Number of arguments (meant for a few dozen at most).
    attacks : iterable of (int, int)
        The attacks ``a -> b``.
    budget : int, optional
        Node budget per question, or between two extensions (default
        :data:`NODE_BUDGET`).

    Examples
    --------
    >>> s = BitSearch(3, [(0, 1), (1, 0), (1, 2)])
    >>> sorted(members_of(p) for p in s.preferred())
    [[0, 2], [1]]
    >>> members_of(s.find_admissible(must=1 << 2))
    [0, 2]
    """

    def __init__(
        self, n: int, attacks: Iterable[tuple[int, int]], budget: int | None = None
    ) -> None:
        attackers = [0] * n
        targets = [0] * n
        for a, b in attacks:
            attackers[b] |= 1 << a
            targets[a] |= 1 << b
        self.n = n
        self.full = (1 << n) - 1
        self.attackers = attackers
        self.targets = targets
        self.self_attacking = sum(1 << i for i in range(n) if attackers[i] >> i & 1)
        self.unattacked = sum(1 << i for i in range(n) if not attackers[i])
        self.budget = NODE_BUDGET if budget is None else budget
        self._nodes = 0
        self._limit = self.budget
        self._found: list[int] = []  # (the first few) preferred extensions reported

    # -- shared pieces ----------------------------------------------------------------
    def _renew(self) -> None:
        """Grant a fresh node budget (a new question, or an extension was found)."""
        self._limit = self._nodes + self.budget

    def _tick(self) -> None:
        self._nodes += 1
        if self._nodes > self._limit:
            raise SearchBudgetExceeded(f"more than {self.budget} search nodes")

    def _start(self, must: int, forbid: int) -> State | None:
        """The state with ``must`` in and ``forbid`` ruled out; None on a conflict."""
        s = o = a = 0
        b = self.full & ~self.self_attacking & ~forbid
        targets, attackers = self.targets, self.attackers
        for x in members_of(must):
            bit = 1 << x
            if not b & bit:
                return None
            s |= bit
            o |= targets[x]
            a |= attackers[x]
            b &= ~(bit | targets[x] | attackers[x])
        return s, o, a, b

    def _attacked_by(self, members: int) -> int:
        """The arguments that some member of ``members`` attacks."""
        out = 0
        targets = self.targets
        while members:
            low = members & -members
            out |= targets[low.bit_length() - 1]
            members ^= low
        return out

    def _defended_among(self, candidates: int, attacked: int) -> int:
        """The ``candidates`` whose attackers are all in ``attacked``."""
        attackers = self.attackers
        defended = 0
        while candidates:
            low = candidates & -candidates
            if not attackers[low.bit_length() - 1] & ~attacked:
                defended |= low
            candidates ^= low
        return defended

    def _add_defended(
        self, s: int, o: int, a: int, b: int, check: int
    ) -> tuple[int, int, int, int] | None:
        """Add every argument the set defends (a complete set contains them all).

        Only arguments in ``check`` can have become defended since the last call (the
        targets of newly attacked arguments). Returns the new state, or None if an
        argument that must join cannot (kept out, or attacking the set).
        """
        attackers = self.attackers
        defended = self._defended_among(check & ~s & ~o, o)
        while defended:
            if defended & ~b:
                return None
            s |= defended
            newly = self._attacked_by(defended) & ~o
            o |= newly
            for x in members_of(defended):
                a |= attackers[x]
            b &= ~(defended | o | a)
            defended = self._defended_among(self._attacked_by(newly) & ~s & ~o, o)
        return s, o, a, b

    # -- admissible sets --------------------------------------------------------------
    def find_admissible(
        self, must: int = 0, forbid: int = 0, hits: Sequence[int] = ()
    ) -> int | None:
        """An admissible set containing ``must``, avoiding ``forbid`` and meeting every
        set in ``hits``; None if there is none."""
        self._renew()
        return self._find(must, forbid, hits)

    def _find(self, must: int, forbid: int, hits: Sequence[int]) -> int | None:
        state = self._start(must, forbid)
        if state is None:
            return None
        return self._admissible(*state, hits)

    def _admissible(self, s: int, o: int, a: int, b: int, hits: Sequence[int]) -> int | None:
        self._tick()
        attackers, targets = self.attackers, self.targets
        best, best_count = 0, _NONE_OPEN
        unanswered = a & ~o
        while unanswered:
            low = unanswered & -unanswered
            cand = attackers[low.bit_length() - 1] & b
            if not cand:
                return None
            count = cand.bit_count()
            if count < best_count:
                best, best_count = cand, count
            unanswered ^= low
        for hit in hits:
            if not s & hit:
                cand = hit & b
                if not cand:
                    return None
                count = cand.bit_count()
                if count < best_count:
                    best, best_count = cand, count
        if best_count == _NONE_OPEN:
            return s
        while best:
            low = best & -best
            x = low.bit_length() - 1
            tx, ax = targets[x], attackers[x]
            found = self._admissible(s | low, o | tx, a | ax, b & ~(low | tx | ax), hits)
            if found is not None:
                return found
            b &= ~low
            best ^= low
        return None

    def closure(self, members: int) -> int:
        """The least complete extension containing the admissible set ``members``.

        Arguments defended by an admissible set can all join it at once (Dung's
        fundamental lemma). Two of them never attack each other: the set would then
        attack the attacker, which it does not, since it attacks none of them.
        """
        attacked = self._attacked_by(members)
        check = self.full
        while True:
            defended = self._defended_among(check & ~members & ~attacked, attacked)
            if not defended:
                return members
            members |= defended
            newly = self._attacked_by(defended) & ~attacked
            attacked |= newly
            check = self._attacked_by(newly)

    def grow(self, members: int) -> int:
        """A preferred extension containing the admissible set ``members``."""
        self._renew()
        while True:
            members = self.closure(members)
            bigger = self._find(members, 0, (self.full & ~members,))
            if bigger is None:
                return members
            members = bigger

    # -- preferred extensions ---------------------------------------------------------
    def preferred(self) -> Iterator[int]:
        """Every preferred extension (Dung 1995), each once."""
        self._renew()
        self._found = []
        joinable = self.full & ~self.self_attacking
        for extension in self._preferred(0, 0, 0, joinable, 0, self.unattacked):
            if len(self._found) < _FOUND_CLAUSES:
                self._found.append(extension)
            yield extension

    def preferred_lacking(self, arg: int) -> int | None:
        """A preferred extension without ``arg``, or None if every one contains it."""
        self._renew()
        self._found = []
        joinable = self.full & ~self.self_attacking
        out = joinable & 1 << arg
        return next(self._preferred(0, 0, 0, joinable & ~out, out, self.unattacked), None)

    def _preferred(self, s: int, o: int, a: int, b: int, out: int, check: int) -> Iterator[int]:
        """Preferred extensions ``P`` with ``s <= P <= s | b``; ``out`` are arguments
        kept out by earlier branches (a ``P`` that could take one in is not maximal);
        ``check`` as for :meth:`_add_defended`."""
        self._tick()
        if check:
            state = self._add_defended(s, o, a, b, check)
            if state is None:
                return
            s, o, a, b = state
        attackers, targets = self.attackers, self.targets
        best, best_count = 0, _NONE_OPEN
        unanswered = a & ~o
        while unanswered:
            low = unanswered & -unanswered
            cand = attackers[low.bit_length() - 1] & b
            if not cand:
                return
            count = cand.bit_count()
            if count < best_count:
                best, best_count = cand, count
            unanswered ^= low
        # an argument kept out whose attackers are all attacked by the set or by itself
        # would join any P here that it does not conflict with: some argument it
        # attacks or is attacked by must join (no candidate: nothing here is maximal)
        addable = out & ~o & ~a
        rest = addable
        while rest:
            low = rest & -rest
            y = low.bit_length() - 1
            if not attackers[y] & ~o & ~targets[y]:
                cand = (attackers[y] | targets[y]) & b
                if not cand:
                    return
                count = cand.bit_count()
                if count < best_count:
                    best, best_count = cand, count
            rest ^= low
        # a new preferred extension is inside no extension reported before
        for found in self._found:
            if not s & ~found:
                cand = b & ~found
                if not cand:
                    return
                count = cand.bit_count()
                if count < best_count:
                    best, best_count = cand, count
        if best_count == _NONE_OPEN:
            if not b:
                # admissible, and nothing kept out joins alone: maximal unless some
                # larger admissible set exists (two or more arguments at once)
                if not addable or self._find(s, 0, (addable,)) is None:
                    yield s
                    self._renew()
                return
            low = b & -b
            x = low.bit_length() - 1
            tx, ax = targets[x], attackers[x]
            newly = self._attacked_by(tx & ~o)
            yield from self._preferred(s | low, o | tx, a | ax, b & ~(low | tx | ax), out, newly)
            yield from self._preferred(s, o, a, b & ~low, out | low, 0)
            return
        while best:
            low = best & -best
            x = low.bit_length() - 1
            tx, ax = targets[x], attackers[x]
            newly = self._attacked_by(tx & ~o)
            yield from self._preferred(s | low, o | tx, a | ax, b & ~(low | tx | ax), out, newly)
            b &= ~low
            out |= low
            best ^= low

    # -- complete extensions ----------------------------------------------------------
    def complete(self) -> Iterator[int]:
        """Every complete extension (Dung 1995), each once."""
        self._renew()
        joinable = self.full & ~self.self_attacking
        yield from self._complete(0, 0, 0, joinable, self.unattacked)

    def _complete(self, s: int, o: int, a: int, b: int, check: int) -> Iterator[int]:
        self._tick()
        if check:
            state = self._add_defended(s, o, a, b, check)
            if state is None:
                return
            s, o, a, b = state
        attackers, targets = self.attackers, self.targets
        best, best_count = 0, _NONE_OPEN
        unanswered = a & ~o
        while unanswered:
            low = unanswered & -unanswered
            cand = attackers[low.bit_length() - 1] & b
            if not cand:
                return
            count = cand.bit_count()
            if count < best_count:
                best, best_count = cand, count
            unanswered ^= low
        if best_count == _NONE_OPEN:
            yield s  # admissible and closed under defence: complete
            self._renew()
            best = b  # any larger complete set below adds some argument of b
        while best:
            low = best & -best
            x = low.bit_length() - 1
            tx, ax = targets[x], attackers[x]
            newly = self._attacked_by(tx & ~o)
            yield from self._complete(s | low, o | tx, a | ax, b & ~(low | tx | ax), newly)
            b &= ~low
            best ^= low

    # -- stable extensions ------------------------------------------------------------
    def stable(self, must: int = 0, forbid: int = 0) -> Iterator[int]:
        """Every stable extension (Dung 1995) containing ``must`` and avoiding ``forbid``."""
        self._renew()
        state = self._start(must, forbid)
        if state is None:
            return
        yield from self._stable(*state)

    def _stable(self, s: int, o: int, a: int, b: int) -> Iterator[int]:
        self._tick()
        attackers, targets = self.attackers, self.targets
        unattacked = self.full & ~s & ~o
        if not unattacked:
            yield s
            self._renew()
            return
        best, best_count = 0, _NONE_OPEN
        while unattacked:
            low = unattacked & -unattacked
            cand = (attackers[low.bit_length() - 1] | low) & b
            if not cand:
                return
            count = cand.bit_count()
            if count < best_count:
                best, best_count = cand, count
            unattacked ^= low
        while best:
            low = best & -best
            x = low.bit_length() - 1
            tx, ax = targets[x], attackers[x]
            yield from self._stable(s | low, o | tx, a | ax, b & ~(low | tx | ax))
            b &= ~low
            best ^= low
