"""Abstract argumentation frameworks as integer arrays (Dung 1995).

An :class:`AF` is Dung's pair (A, R) with the arguments numbered ``0 .. n-1`` and the
attack relation stored twice in compressed sparse row (CSR) form: once grouped by
target (who attacks ``j``) and once grouped by attacker (whom ``i`` attacks). Every
algorithm in :mod:`argmap.semantics.dung` reads these arrays and never touches Python
sets of objects, which is what makes linear-time grounded labelling on millions of
arguments possible.

References
----------
P. M. Dung. On the acceptability of arguments and its fundamental role in nonmonotonic
reasoning, logic programming and n-person games. Artificial Intelligence 77(2),
321-357, 1995.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

__all__ = ["AF", "IntArray"]

IntArray = npt.NDArray[np.int32]


def _sorted_pairs(keys: npt.NDArray[np.int64], values: npt.NDArray[np.int64], n: int) -> IntArray:
    """``values`` ordered by (``keys``, ``values``), as int32.

    One sort of the combined key ``keys * n + values`` (an int64 quicksort is about
    twice as fast as a stable argsort of the keys followed by two gathers), skipped
    when the pairs already come in that order, as they do from a sorted file.
    """
    combined = keys * n + values
    if combined.size > 1 and not bool(np.all(combined[1:] >= combined[:-1])):
        combined = np.sort(combined)
    return (combined % n).astype(np.int32) if n else combined.astype(np.int32)


def _indptr(keys: IntArray, n: int) -> IntArray:
    """CSR row pointers for rows ``0 .. n-1`` holding ``keys.size`` sorted entries."""
    if keys.size > np.iinfo(np.int32).max:  # pragma: no cover - 2^31 attacks
        raise ValueError("too many attacks for int32 indices")
    indptr = np.zeros(n + 1, dtype=np.int32)
    if keys.size:
        np.cumsum(np.bincount(keys, minlength=n), out=indptr[1:])
    return indptr


def _numbered(n: int) -> tuple[str, ...]:
    """The ICCMA names ``"1" .. "n"``."""
    return tuple(map(str, range(1, n + 1)))


@dataclass(frozen=True, eq=False)
class AF:
    """An abstract argumentation framework (Dung 1995) over arguments ``0 .. n-1``.

    Attack ``i`` is ``src[i] -> dst[i]``. Duplicate attacks are removed by the
    constructors; self-attacks are kept (they matter: a self-attacking argument is never
    in a conflict-free set).

    Attributes
    ----------
    n : int
        Number of arguments.
    names : tuple of str
        A name for each argument (``names[i]`` names argument ``i``). For a framework
        built from a number of arguments the names are ``"1" .. "n"``, made only when
        first asked for (a tuple of 10^7 strings takes about 600 MB); :meth:`name` and
        :meth:`index_of` answer without making it.
    given_names : tuple of str or None
        The names as given, or None for the ICCMA numbering.
    src, dst : ndarray of int32
        The attacks, sorted by (src, dst), without duplicates.
    attackers_indptr, attackers_indices : ndarray of int32
        CSR by target: the attackers of ``j`` are
        ``attackers_indices[attackers_indptr[j]:attackers_indptr[j + 1]]``.
    targets_indptr, targets_indices : ndarray of int32
        CSR by attacker: the arguments ``i`` attacks are
        ``targets_indices[targets_indptr[i]:targets_indptr[i + 1]]``.

    Examples
    --------
    >>> af = AF.from_pairs(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> af.n, len(af.src)
    (3, 2)
    >>> af.attackers(2).tolist()
    [1]
    """

    n: int
    given_names: tuple[str, ...] | None = field(repr=False)
    src: IntArray
    dst: IntArray
    attackers_indptr: IntArray = field(repr=False)
    attackers_indices: IntArray = field(repr=False)
    targets_indptr: IntArray = field(repr=False)
    targets_indices: IntArray = field(repr=False)

    @classmethod
    def from_arrays(
        cls,
        names: Sequence[str] | int,
        src: npt.ArrayLike,
        dst: npt.ArrayLike,
    ) -> AF:
        """Build a framework from parallel arrays of attacker and target indices.

        Parameters
        ----------
        names : sequence of str or int
            The argument names, or just their number (names become ``"1" .. "n"``,
            the ICCMA numbering).
        src, dst : array_like of int
            Attack ``k`` is ``src[k] -> dst[k]``, 0-based.

        Raises
        ------
        ValueError
            If the arrays differ in length or an index is out of range.
        """
        if isinstance(names, int):
            names_t: tuple[str, ...] | None = None
            n = names
        else:
            names_t = tuple(str(x) for x in names)
            n = len(names_t)
        s = np.asarray(src, dtype=np.int64).ravel()
        d = np.asarray(dst, dtype=np.int64).ravel()
        if s.shape != d.shape:
            raise ValueError(f"src and dst differ in length ({s.size} != {d.size})")
        if s.size and (s.min() < 0 or d.min() < 0 or s.max() >= n or d.max() >= n):
            raise ValueError(f"attack index out of range 0..{n - 1}")
        if s.size:
            # sort + adjacent compare: much faster than np.unique's hashing here
            key = s * n + d
            if not bool(np.all(key[1:] >= key[:-1])):
                key = np.sort(key)
            keep = np.ones(key.size, dtype=bool)
            np.not_equal(key[1:], key[:-1], out=keep[1:])
            key = key[keep]
            s, d = key // n, key % n
        s32 = s.astype(np.int32)
        d32 = d.astype(np.int32)
        # attacks are sorted by (src, dst): the targets CSR is them as they are, the
        # attackers CSR needs them by (dst, src)
        t_ptr, t_idx = _indptr(s32, n), d32
        a_ptr, a_idx = _indptr(d32, n), _sorted_pairs(d, s, n)
        for arr in (s32, d32, a_ptr, a_idx, t_ptr, t_idx):
            arr.setflags(write=False)
        return cls(n, names_t, s32, d32, a_ptr, a_idx, t_ptr, t_idx)

    @classmethod
    def from_pairs(cls, names: Sequence[str], pairs: Iterable[tuple[str, str]]) -> AF:
        """Build a framework from argument names and (attacker, target) name pairs.

        Raises
        ------
        ValueError
            If a name is repeated or a pair names an unknown argument.
        """
        names_t = tuple(str(x) for x in names)
        index = {name: i for i, name in enumerate(names_t)}
        if len(index) != len(names_t):
            raise ValueError("argument names must be unique")
        src: list[int] = []
        dst: list[int] = []
        for a, b in pairs:
            try:
                src.append(index[a])
                dst.append(index[b])
            except KeyError as exc:
                raise ValueError(f"attack ({a}, {b}) names an unknown argument") from exc
        return cls.from_arrays(names_t, src, dst)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """A name for each argument (``names[i]`` names argument ``i``)."""
        return self.given_names if self.given_names is not None else _numbered(self.n)

    def name(self, i: int) -> str:
        """The name of argument ``i``, without making :attr:`names` for numbered ones."""
        if not 0 <= i < self.n:
            raise IndexError(f"argument index {i} out of range 0..{self.n - 1}")
        return self.given_names[i] if self.given_names is not None else str(i + 1)

    @property
    def n_attacks(self) -> int:
        """Number of (distinct) attacks."""
        return int(self.src.size)

    def attackers(self, j: int) -> IntArray:
        """The arguments that attack ``j``."""
        return self.attackers_indices[self.attackers_indptr[j] : self.attackers_indptr[j + 1]]

    def targets(self, i: int) -> IntArray:
        """The arguments that ``i`` attacks."""
        return self.targets_indices[self.targets_indptr[i] : self.targets_indptr[i + 1]]

    def self_attacking(self) -> npt.NDArray[np.bool_]:
        """Boolean mask of the arguments that attack themselves."""
        mask = np.zeros(self.n, dtype=bool)
        mask[self.src[self.src == self.dst]] = True
        return mask

    def index_of(self, name: str) -> int:
        """The index of the argument called ``name`` (``KeyError`` if there is none)."""
        if self.given_names is None:
            # the ICCMA numbering: "k" is argument k - 1, written without leading zeros
            if name.isascii() and name.isdigit() and name[0] != "0" and int(name) <= self.n:
                return int(name) - 1
            raise KeyError(name)
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(name) from None

    def restrict(self, keep: npt.ArrayLike) -> tuple[AF, IntArray]:
        """The sub-framework induced by the arguments in ``keep``.

        Returns the new framework and the map from its indices back to this one's.
        """
        idx = np.unique(np.asarray(keep, dtype=np.int64)).astype(np.int32)
        new_of = np.full(self.n, -1, dtype=np.int64)
        new_of[idx] = np.arange(idx.size)
        ok = (new_of[self.src] >= 0) & (new_of[self.dst] >= 0)
        sub = AF.from_arrays(
            [self.name(i) for i in idx.tolist()], new_of[self.src[ok]], new_of[self.dst[ok]]
        )
        return sub, idx

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AF):
            return NotImplemented
        same_names = (
            self.n == other.n
            if self.given_names is None and other.given_names is None
            else self.names == other.names
        )
        return (
            same_names
            and np.array_equal(self.src, other.src)
            and np.array_equal(self.dst, other.dst)
        )

    def __hash__(self) -> int:
        return hash((self.names, self.src.tobytes(), self.dst.tobytes()))

    def __repr__(self) -> str:
        return f"AF(n={self.n}, attacks={self.n_attacks})"
