"""Preference-based argumentation: from attacks and a preference to defeats.

A preference-based framework (Amgoud & Cayrol 2002) is a Dung framework (A, R) with a
strict preference ``>`` over the arguments. A *reduction* turns it into a Dung framework
(A, R') whose attacks are the defeats, and the usual semantics then apply to (A, R').
With R the attacks, R' the defeats and ``Rm = {(a, b) in R : b > a}`` the attacks on a
stronger argument, the four reductions of Kaci, van der Torre and Villata (2018) and
Kaci, van der Torre, Vesic and Villata (2021) are, pairwise and in set form:

* ``r1`` (Amgoud & Cayrol 2002): ``a R' b`` iff ``a R b`` and not ``b > a``;
  ``R' = R - Rm``.
* ``r2`` (reversal, Amgoud & Vesic): ``a R' b`` iff (``a R b`` and not ``b > a``) or
  (``b R a`` and ``a > b``); ``R' = r1 + reversed(Rm)``.
* ``r3`` (preference ignored on one-way attacks): ``a R' b`` iff (``a R b`` and not
  ``b > a``) or (``a R b`` and not ``b R a``); ``R' = r1 + {(a, b) in R : (b, a) not in R}``.
* ``r4`` (r2 and r3 combined): ``R' = r2 + r3``.

A self-attack is never removed, because ``a > a`` is impossible. Under ``r1`` a
conflict-free set of (A, R') may contain an attack that is not a defeat; that is how the
reduction is defined, not an error.

Every reduction here is a handful of numpy operations over the attack arrays of an
:class:`~argmap.semantics.dung.AF`; the preference is asked only about the attacked
pairs, so the cost is linear in the attacks (plus the transitive closure of a
preference given as pairs).

References
----------
L. Amgoud and C. Cayrol. A reasoning model based on the production of acceptable
arguments. Annals of Mathematics and Artificial Intelligence 34, 197-215, 2002.

L. Amgoud and S. Vesic. Rich preference-based argumentation frameworks. International
Journal of Approximate Reasoning 55(2), 585-606, 2014.

S. Kaci, L. van der Torre and S. Villata. Preference in abstract argumentation. COMMA
2018, FAIA 305, 405-412.

S. Kaci, L. van der Torre, S. Vesic and S. Villata. Preference in abstract
argumentation. Handbook of Formal Argumentation, vol. 2, 2021.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from argmap.errors import SolverError
from argmap.semantics.dung import AF, extensions
from argmap.semantics.dung.af import IntArray

__all__ = [
    "REDUCTIONS",
    "Preference",
    "check_reduction",
    "defeats",
    "preference_extensions",
]

REDUCTIONS: tuple[str, ...] = ("r1", "r2", "r3", "r4")

BoolArray = npt.NDArray[np.bool_]


def check_reduction(reduction: str) -> str:
    """Return ``reduction`` if it is one of :data:`REDUCTIONS`, else raise SolverError."""
    if reduction not in REDUCTIONS:
        raise SolverError(f"unknown reduction {reduction!r}; choose one of {', '.join(REDUCTIONS)}")
    return reduction


@dataclass(frozen=True, eq=False)
class Preference:
    """A strict preference over arguments ``0 .. n-1``, asked pairwise over arrays.

    Build one with :meth:`from_pairs` (a strict order given by ``(stronger, weaker)``
    pairs, closed transitively here) or :meth:`from_weights` (``a > b`` iff
    ``w(a) > w(b)``; equal weights give no preference either way).

    Attributes
    ----------
    n : int
        Number of arguments.
    weights : ndarray of float64 or None
        One weight per argument, when the preference comes from weights.
    keys : ndarray of int64
        Otherwise the sorted keys ``stronger * n + weaker`` of the closed order.

    Examples
    --------
    >>> p = Preference.from_pairs("abc", [("a", "b"), ("b", "c")])
    >>> p.prefers([0, 2], [2, 0]).tolist()   # a > c by transitivity; not c > a
    [True, False]
    >>> Preference.from_weights("ab", {"a": 1, "b": 1}).prefers([0], [1]).tolist()
    [False]
    """

    n: int
    weights: npt.NDArray[np.float64] | None = field(default=None, repr=False)
    keys: npt.NDArray[np.int64] = field(
        default_factory=lambda: np.empty(0, dtype=np.int64), repr=False
    )

    @classmethod
    def none(cls, n: int) -> Preference:
        """No preference at all: every reduction then gives back the attacks."""
        return cls(n)

    @classmethod
    def from_weights(cls, names: Sequence[str], weights: Mapping[str, float]) -> Preference:
        """``a > b`` iff ``weights[a] > weights[b]``; every argument needs a weight.

        Raises
        ------
        SolverError
            If an argument has no weight, a weight names an unknown argument, or a
            weight is not a finite number.
        """
        index = _index(names)
        unknown = sorted(set(weights) - set(index))
        if unknown:
            raise SolverError(f"weight for unknown argument {unknown[0]!r}")
        missing = [name for name in index if name not in weights]
        if missing:
            raise SolverError(f"argument {missing[0]!r} has no weight")
        values = np.empty(len(index), dtype=np.float64)
        for name, i in index.items():
            w = weights[name]
            if isinstance(w, bool) or not isinstance(w, int | float) or not np.isfinite(w):
                raise SolverError(f"weight of {name!r} must be a finite number, not {w!r}")
            values[i] = float(w)
        values.setflags(write=False)
        return cls(len(index), weights=values)

    @classmethod
    def from_pairs(cls, names: Sequence[str], pairs: Iterable[tuple[str, str]]) -> Preference:
        """A strict order from ``(stronger, weaker)`` name pairs, closed transitively.

        Raises
        ------
        SolverError
            If a pair names an unknown argument, prefers an argument to itself, or the
            pairs (after closing them) prefer two arguments to each other.
        """
        index = _index(names)
        coded: list[tuple[int, int]] = []
        for a, b in pairs:
            if a not in index or b not in index:
                bad = a if a not in index else b
                raise SolverError(f"preference ({a}, {b}) names an unknown argument {bad!r}")
            if a == b:
                raise SolverError(f"preference ({a}, {a}) is reflexive; a strict order has none")
            coded.append((index[a], index[b]))
        return cls.from_indices(len(index), coded, names=tuple(index))

    @classmethod
    def from_indices(
        cls,
        n: int,
        pairs: Iterable[tuple[int, int]],
        names: Sequence[str] | None = None,
    ) -> Preference:
        """A strict order from ``(stronger, weaker)`` index pairs, closed transitively.

        Raises
        ------
        SolverError
            If a pair is reflexive or out of range, or the closure is not asymmetric
            (the pairs contain a cycle).
        """
        label = (lambda i: names[i]) if names is not None else str
        above: dict[int, set[int]] = {}
        for a, b in pairs:
            if not (0 <= a < n and 0 <= b < n):
                raise SolverError(f"preference ({a}, {b}) out of range 0..{n - 1}")
            if a == b:
                raise SolverError(f"preference ({label(a)}, {label(a)}) is reflexive")
            above.setdefault(a, set()).add(b)
        closed = _transitive_closure(above)
        keys: list[int] = []
        for a, below in closed.items():
            if a in below:
                raise SolverError(
                    f"preferences are cyclic through {label(a)!r}: not a strict order"
                )
            keys.extend(a * n + b for b in below)
        arr = np.array(sorted(keys), dtype=np.int64)
        arr.setflags(write=False)
        return cls(n, keys=arr)

    def prefers(self, a: npt.ArrayLike, b: npt.ArrayLike) -> BoolArray:
        """Elementwise ``a[k] > b[k]`` (strictly preferred) over index arrays."""
        ai = np.asarray(a, dtype=np.int64)
        bi = np.asarray(b, dtype=np.int64)
        if self.weights is not None:
            return np.asarray(self.weights[ai] > self.weights[bi], dtype=bool)
        return _member(ai * self.n + bi, self.keys)


def _index(names: Sequence[str]) -> dict[str, int]:
    index = {str(name): i for i, name in enumerate(names)}
    if len(index) != len(names):
        raise SolverError("argument names must be unique")
    return index


def _transitive_closure(above: dict[int, set[int]]) -> dict[int, set[int]]:
    """Everything reachable from each key (depth-first, memoised on acyclic parts)."""
    closed: dict[int, set[int]] = {}
    for start in above:
        seen: set[int] = set()
        stack = list(above[start])
        while stack:
            x = stack.pop()
            if x in seen:
                continue
            seen.add(x)
            if x in closed:
                seen |= closed[x]
            else:
                stack.extend(above.get(x, ()))
        closed[start] = seen
    return closed


def _member(keys: npt.NDArray[np.int64], sorted_keys: npt.NDArray[np.int64]) -> BoolArray:
    """Elementwise ``keys[k] in sorted_keys`` by binary search."""
    if sorted_keys.size == 0:
        return np.zeros(keys.shape, dtype=bool)
    pos = np.searchsorted(sorted_keys, keys)
    pos = np.minimum(pos, sorted_keys.size - 1)
    return np.asarray(sorted_keys[pos] == keys, dtype=bool)


def defeats(af: AF, preference: Preference, reduction: str = "r1") -> AF:
    """The defeat framework (A, R') of ``af`` under ``preference`` and ``reduction``.

    Parameters
    ----------
    af : AF
        The attack framework (A, R).
    preference : Preference
        A strict preference over the same ``af.n`` arguments.
    reduction : {"r1", "r2", "r3", "r4"}
        Which reduction to apply (see the module docstring).

    Returns
    -------
    AF
        The same arguments, with the defeats as attacks.

    Raises
    ------
    SolverError
        If the reduction is unknown or the preference covers another number of
        arguments.

    Examples
    --------
    A weaker argument ``a`` attacks a stronger ``b``; the four reductions differ:

    >>> af = AF.from_pairs("ab", [("a", "b")])
    >>> p = Preference.from_pairs("ab", [("b", "a")])
    >>> for r in REDUCTIONS:
    ...     d = defeats(af, p, r)
    ...     print(r, [(d.names[s], d.names[t]) for s, t in zip(d.src, d.dst)])
    r1 []
    r2 [('b', 'a')]
    r3 [('a', 'b')]
    r4 [('a', 'b'), ('b', 'a')]
    """
    check_reduction(reduction)
    if preference.n != af.n:
        raise SolverError(
            f"the preference is over {preference.n} arguments, the framework has {af.n}"
        )
    src = af.src.astype(np.int64)
    dst = af.dst.astype(np.int64)
    on_stronger = preference.prefers(dst, src)  # (a, b) in Rm: b > a
    kept = ~on_stronger  # r1
    if reduction in ("r3", "r4"):
        # af.src/dst are sorted by (src, dst), so the keys are sorted too
        one_way = ~_member(dst * af.n + src, src * af.n + dst)
        kept = kept | one_way
    new_src: list[IntArray | npt.NDArray[np.int64]] = [src[kept]]
    new_dst: list[IntArray | npt.NDArray[np.int64]] = [dst[kept]]
    if reduction in ("r2", "r4"):
        new_src.append(dst[on_stronger])
        new_dst.append(src[on_stronger])
    return AF.from_arrays(af.names, np.concatenate(new_src), np.concatenate(new_dst))


def preference_extensions(
    af: AF, preference: Preference, semantics: str, reduction: str = "r1"
) -> list[frozenset[int]]:
    """The extensions of the defeat framework, sorted (by size, then members).

    Examples
    --------
    >>> af = AF.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> p = Preference.from_pairs("ab", [("a", "b")])
    >>> [sorted(e) for e in preference_extensions(af, p, "preferred")]
    [[0]]
    """
    found = extensions(defeats(af, preference, reduction), semantics)
    return sorted(found, key=lambda e: (len(e), sorted(e)))
