"""SAT encodings of Dung's semantics and a thin incremental solver wrapper.

Variables, for arguments ``i = 0 .. n-1``:

* ``x(i)`` (``i + 1``): ``i`` is in the set S;
* ``o(i)`` (``n + i + 1``): ``i`` is attacked by S (defined as the disjunction of
  ``x(a)`` over the attackers ``a`` of ``i``);
* ``r(i)`` (``2n + i + 1``, only when the range is needed): ``i`` is in the range of S,
  ``x(i) or o(i)``.

Base formulas (Besnard and Doutre 2004; the labelling-style form of Cerutti,
Dunne, Giacomin and Vallati 2013, with ``o`` as the ``out`` label):

* conflict-free: ``not x(a) or not x(b)`` for each attack ``a -> b``;
* admissible: conflict-free and ``x(b) -> o(a)`` for each attack ``a -> b``;
* complete: admissible and ``x(b) or not o(a1) or ... or not o(ak)`` where
  ``a1 .. ak`` are all the attackers of ``b``;
* stable: conflict-free and ``x(b) or o(b)`` for every ``b``.

The encodings are linear in arguments plus attacks. The solver is python-sat's
CaDiCaL 1.5.3 by default; it is used incrementally, with activation literals for
clauses that must later be dropped.

References
----------
P. Besnard and S. Doutre. Checking the acceptability of a set of arguments.
NMR 2004.

F. Cerutti, P. E. Dunne, M. Giacomin, M. Vallati. Computing preferred extensions in
abstract argumentation: a SAT-based approach. TAFA 2013, LNCS 8306.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import numpy as np
import numpy.typing as npt

from argmap.semantics.dung.af import AF

__all__ = ["BASES", "SatFramework"]

BASES = ("conflict-free", "admissible", "complete", "stable")

Mask = npt.NDArray[np.bool_]

DEFAULT_SOLVER = "cadical153"


class SatFramework:
    """An incremental SAT solver loaded with one base semantics of a framework.

    Parameters
    ----------
    af : AF
        The framework.
    base : {"conflict-free", "admissible", "complete", "stable"}
        Which sets the models are.
    with_range : bool
        Also define the range variables ``r(i)``.
    solver : str
        A python-sat solver name.
    """

    def __init__(
        self, af: AF, base: str, *, with_range: bool = False, solver: str = DEFAULT_SOLVER
    ) -> None:
        from pysat.solvers import Solver

        if base not in BASES:
            raise ValueError(f"unknown base semantics {base!r}")
        self.af = af
        self.n = n = af.n
        self.with_range = with_range
        self._next = 3 * n + 1 if with_range else 2 * n + 1
        self._solver: Any = Solver(name=solver)
        self._solver.append_formula(_clauses(af, base, with_range))
        self.exhausted = False

    # -- literals ---------------------------------------------------------------------
    def x(self, i: int) -> int:
        """The literal "argument ``i`` is in the set"."""
        return i + 1

    def r(self, i: int) -> int:
        """The literal "argument ``i`` is in the range of the set"."""
        return 2 * self.n + i + 1

    def fresh(self) -> int:
        """A new variable (for activation literals)."""
        v = self._next
        self._next += 1
        return v

    # -- solving ----------------------------------------------------------------------
    def add(self, clause: Sequence[int]) -> None:
        """Add a clause for good."""
        self._solver.add_clause(list(clause))

    def solve(self, assumptions: Sequence[int] = ()) -> tuple[Mask, Mask] | None:
        """A model as ``(members, range)`` masks, or ``None`` if unsatisfiable.

        ``range`` is all-False unless the range variables are defined.
        """
        if not self._solver.solve(assumptions=list(assumptions)):
            return None
        model = np.asarray(self._solver.get_model(), dtype=np.int64)
        n = self.n
        members = model[:n] > 0
        rng = model[2 * n : 3 * n] > 0 if self.with_range else np.zeros(n, dtype=bool)
        return members, rng

    def close(self) -> None:
        """Free the solver."""
        if self._solver is not None:
            self._solver.delete()
            self._solver = None

    def __enter__(self) -> SatFramework:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- helpers used by the algorithms -----------------------------------------------
    def prefer_members(self) -> None:
        """Ask the solver to try ``x(i) = true`` first, so models tend to be large.

        Useful when each model should cover as many new arguments as possible; a no-op
        for solvers that do not support phase hints.
        """
        with contextlib.suppress(NotImplementedError):
            self._solver.set_phases(list(range(1, self.n + 1)))

    def literals(self, mask: Mask, *, kind: str = "x", positive: bool = True) -> list[int]:
        """The ``x`` (or ``r``) literals of the arguments in ``mask``."""
        offset = 1 if kind == "x" else 2 * self.n + 1
        lits = np.flatnonzero(mask) + offset
        return (lits if positive else -lits).tolist()

    def maximise(
        self, start: tuple[Mask, Mask], *, kind: str = "x", assumptions: Sequence[int] = ()
    ) -> tuple[Mask, Mask]:
        """Grow a model until its ``x`` set (or range) is subset-maximal.

        Each round asks for a model whose set strictly contains the current one; the
        clause asking for "one more" is switched off by its activation literal after
        the round, so the solver can be reused.

        Afterwards :attr:`exhausted` tells whether the last round proved more than
        maximality: when the solver's unsatisfiable core holds only the activation
        literal, no model at all (of the formula as it stood, whatever the current set
        and ``assumptions``) has a member outside the result. An enumeration that
        blocks the result next would then only prove the same thing again, often the
        hardest call of the run, so it can stop instead.
        """
        current = start
        self.exhausted = False
        while True:
            chosen = current[0] if kind == "x" else current[1]
            if bool(chosen.all()):
                self.exhausted = True
                return current
            act = self.fresh()
            self.add([-act, *self.literals(~chosen, kind=kind)])
            found = self.solve([*assumptions, act, *self.literals(chosen, kind=kind)])
            if found is None:
                self.exhausted = set(self._solver.get_core() or ()) <= {act}
            self.add([-act])
            if found is None:
                return current
            current = found


def _clauses(af: AF, base: str, with_range: bool) -> list[list[int]]:
    """The CNF of ``base`` (see the module docs) as a list of integer clauses."""
    n = af.n
    src = af.src.astype(np.int64)
    dst = af.dst.astype(np.int64)
    x_src, x_dst = src + 1, dst + 1
    o_src, o_dst = n + src + 1, n + dst + 1
    clauses: list[list[int]] = []
    selfloop = src == dst
    clauses += (-x_src[selfloop]).reshape(-1, 1).tolist()
    ok = ~selfloop
    clauses += np.stack([-x_src[ok], -x_dst[ok]], axis=1).tolist()
    need_o = base != "conflict-free" or with_range
    if need_o:
        # o(b) <-> some attacker of b is in
        clauses += np.stack([-x_src, o_dst], axis=1).tolist()
        ptr, idx = af.attackers_indptr, (af.attackers_indices.astype(np.int64) + 1).tolist()
        bounds = ptr.tolist()
        for b in range(n):
            clauses.append([-(n + b + 1), *idx[bounds[b] : bounds[b + 1]]])
    if base in ("admissible", "complete"):
        clauses += np.stack([-x_dst, o_src], axis=1).tolist()
    if base == "complete":
        neg_o = (-(af.attackers_indices.astype(np.int64) + n + 1)).tolist()
        bounds = af.attackers_indptr.tolist()
        for b in range(n):
            clauses.append([b + 1, *neg_o[bounds[b] : bounds[b + 1]]])
    if base == "stable":
        ids = np.arange(n, dtype=np.int64)
        clauses += np.stack([ids + 1, n + ids + 1], axis=1).tolist()
    if with_range:
        ids = np.arange(n, dtype=np.int64)
        x, o, r = ids + 1, n + ids + 1, 2 * n + ids + 1
        clauses += np.stack([-r, x, o], axis=1).tolist()
        clauses += np.stack([-x, r], axis=1).tolist()
        clauses += np.stack([-o, r], axis=1).tolist()
    return clauses
