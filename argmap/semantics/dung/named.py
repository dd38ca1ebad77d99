"""One function per Dung semantics, for readers who think in the literature's names.

``preferred(af)`` is :func:`~argmap.semantics.dung.extensions.extensions` under
``"preferred"``, its extensions listed in a fixed order (by their sorted members);
``grounded(af)`` and ``ideal(af)`` return the one extension those semantics have.

>>> from argmap.semantics.dung import AF
>>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
>>> grounded(af)
frozenset()
>>> preferred(af)
[frozenset({0, 2}), frozenset({1})]
>>> [sorted(af.names[i] for i in e) for e in stable(af)]
[['a', 'c'], ['b']]

References
----------
P. M. Dung. On the acceptability of arguments and its fundamental role in nonmonotonic
reasoning, logic programming and n-person games. Artificial Intelligence 77, 1995.

M. Caminada. Semi-stable semantics. COMMA 2006.

B. Verheij. Two approaches to dialectical argumentation: admissible sets and
argumentation stages. NAIC 1996 (stage semantics).

P. M. Dung, P. Mancarella, F. Toni. Computing ideal sceptical argumentation.
Artificial Intelligence 171, 2007.
"""

from __future__ import annotations

from argmap.semantics.dung.af import AF
from argmap.semantics.dung.extensions import extensions
from argmap.semantics.dung.ideal import ideal_extension
from argmap.semantics.dung.labelling import grounded_extension

__all__ = ["complete", "grounded", "ideal", "preferred", "semi_stable", "stable", "stage"]


def _listed(af: AF, semantics: str, limit: int | None) -> list[frozenset[int]]:
    return sorted(extensions(af, semantics, limit=limit), key=sorted)


def grounded(af: AF) -> frozenset[int]:
    """The grounded extension: the least complete one (Dung 1995)."""
    return frozenset(grounded_extension(af))


def complete(af: AF, limit: int | None = None) -> list[frozenset[int]]:
    """The complete extensions (at most ``limit`` of them)."""
    return _listed(af, "complete", limit)


def preferred(af: AF, limit: int | None = None) -> list[frozenset[int]]:
    """The preferred extensions: maximal admissible sets."""
    return _listed(af, "preferred", limit)


def stable(af: AF, limit: int | None = None) -> list[frozenset[int]]:
    """The stable extensions: conflict-free sets attacking everything outside."""
    return _listed(af, "stable", limit)


def semi_stable(af: AF, limit: int | None = None) -> list[frozenset[int]]:
    """The semi-stable extensions: complete with a maximal range (Caminada 2006)."""
    return _listed(af, "semi-stable", limit)


def stage(af: AF, limit: int | None = None) -> list[frozenset[int]]:
    """The stage extensions: conflict-free with a maximal range (Verheij 1996)."""
    return _listed(af, "stage", limit)


def ideal(af: AF) -> frozenset[int]:
    """The ideal extension: the largest admissible set inside every preferred one."""
    return frozenset(ideal_extension(af))
