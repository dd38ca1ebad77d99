"""Frameworks whose attacks can themselves be attacked, compiled to integer arrays.

Both formalisms in this package (EAF, AFRA) start from the same data: named arguments
and named attacks, each attack going from an argument to an argument or to another
attack. Elements are numbered arguments first (``0 .. n-1``) and attacks after them
(``n .. n+m-1``), so a target is one integer whatever its kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from argmap.errors import SolverError
from argmap.semantics.dung.af import IntArray

__all__ = ["HigherOrderAF"]


@dataclass(frozen=True, eq=False)
class HigherOrderAF:
    """Arguments and attacks on arguments or on attacks (Modgil 2009; Baroni et al. 2011).

    Attributes
    ----------
    arguments : tuple of str
        Argument names, element ``i`` for ``i < n``.
    attack_ids : tuple of str
        Attack names, element ``n + k`` for attack ``k``.
    source : ndarray of int32
        ``source[k]`` is the argument attack ``k`` comes from.
    target : ndarray of int32
        ``target[k]`` is the element attack ``k`` is on: an argument if ``< n``, else
        attack ``target[k] - n``.

    Examples
    --------
    >>> hf = HigherOrderAF.from_triples("abc", [("r1", "a", "b"), ("r2", "c", "r1")])
    >>> hf.n, hf.m, hf.target.tolist()
    (3, 2, [1, 3])
    """

    arguments: tuple[str, ...]
    attack_ids: tuple[str, ...]
    source: IntArray
    target: IntArray

    @classmethod
    def from_triples(
        cls, arguments: Sequence[str], attacks: Iterable[tuple[str, str, str]]
    ) -> HigherOrderAF:
        """Build a framework from argument names and ``(id, source, target)`` triples.

        Raises
        ------
        SolverError
            If a name is repeated (arguments and attack ids share one namespace), an
            attack comes from something that is not an argument, or its target is
            neither an argument nor an attack id.
        """
        names = tuple(str(a) for a in arguments)
        triples = [(str(i), str(s), str(t)) for i, s, t in attacks]
        element: dict[str, int] = {}
        for name in names:
            if name in element:
                raise SolverError(f"argument {name!r} is listed twice")
            element[name] = len(element)
        for ident, _, _ in triples:
            if ident in element:
                raise SolverError(f"attack id {ident!r} is already used by another element")
            element[ident] = len(element)
        n = len(names)
        src = np.empty(len(triples), dtype=np.int32)
        dst = np.empty(len(triples), dtype=np.int32)
        for k, (ident, s, t) in enumerate(triples):
            if element.get(s, n) >= n:
                raise SolverError(f"attack {ident!r}: source {s!r} is not an argument")
            if t not in element:
                raise SolverError(f"attack {ident!r}: target {t!r} is not an argument or attack")
            src[k] = element[s]
            dst[k] = element[t]
        src.setflags(write=False)
        dst.setflags(write=False)
        return cls(names, tuple(i for i, _, _ in triples), src, dst)

    @property
    def n(self) -> int:
        """Number of arguments."""
        return len(self.arguments)

    @property
    def m(self) -> int:
        """Number of attacks."""
        return len(self.attack_ids)

    def element_names(self) -> tuple[str, ...]:
        """Names of all elements: the arguments, then the attack ids."""
        return self.arguments + self.attack_ids
