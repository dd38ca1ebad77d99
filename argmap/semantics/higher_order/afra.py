"""AFRA: argumentation frameworks with recursive attacks (Baroni et al. 2011).

The elements of an AFRA are its arguments and its attacks, and only attacks defeat: an
attack ``alpha`` defeats

* its target, directly; and
* every attack whose source is ``alpha``'s target, indirectly (attacking the source of
  an attack defeats the attack).

Conflict-freeness, acceptability, admissible, complete, preferred, grounded and stable
sets are then Dung's, over elements and this defeat relation (stable: conflict-free and
defeating every element outside). Those are exactly the Dung semantics of the framework
whose nodes are the elements and whose attacks are the AFRA defeats, so this module
*flattens* the AFRA into an :class:`~argmap.semantics.dung.AF` in linear time and runs
argmap's Dung solver on it. An extension may hold an argument without its outgoing
attacks, or an attack without its source.

References
----------
P. Baroni, F. Cerutti, M. Giacomin and G. Guida. AFRA: Argumentation framework with
recursive attacks. International Journal of Approximate Reasoning 52(1), 19-37, 2011.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from argmap.semantics.dung import AF, extensions
from argmap.semantics.dung.extensions import check_semantics
from argmap.semantics.higher_order.framework import HigherOrderAF

__all__ = ["AfraExtension", "afra_extensions", "flatten_afra"]


class AfraExtension(NamedTuple):
    """An AFRA extension: the arguments and the attacks (by id) it holds."""

    arguments: frozenset[str]
    attacks: frozenset[str]


def flatten_afra(hf: HigherOrderAF) -> AF:
    """The Dung framework over the elements of ``hf`` whose attacks are AFRA defeats.

    Node ``i < n`` is argument ``i``; node ``n + k`` is attack ``k``; node names are the
    argument names and attack ids.

    Examples
    --------
    Attack ``ab`` on ``b``; ``c`` attacks ``ab`` by ``g``; ``x`` attacks ``a`` by ``h``,
    which also defeats ``ab`` (an attack from ``a``) indirectly:

    >>> hf = HigherOrderAF.from_triples(
    ...     "abcx", [("ab", "a", "b"), ("g", "c", "ab"), ("h", "x", "a")])
    >>> af = flatten_afra(hf)
    >>> sorted((af.names[s], af.names[t]) for s, t in zip(af.src, af.dst))
    [('ab', 'b'), ('g', 'ab'), ('h', 'a'), ('h', 'ab')]
    """
    n, m = hf.n, hf.m
    attack_nodes = np.arange(n, n + m, dtype=np.int64)
    target = hf.target.astype(np.int64)
    # attacks grouped by their source argument (CSR), for the indirect defeats
    order = np.argsort(hf.source, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(hf.source, minlength=n), out=indptr[1:])
    on_argument = target < n
    hitters = attack_nodes[on_argument]
    rows = target[on_argument]
    lengths = indptr[rows + 1] - indptr[rows]
    starts = np.repeat(indptr[rows], lengths)
    offsets = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(lengths) - lengths, lengths
    )
    indirect_src = np.repeat(hitters, lengths)
    indirect_dst = n + order[starts + offsets].astype(np.int64)
    return AF.from_arrays(
        hf.element_names(),
        np.concatenate([attack_nodes, indirect_src]),
        np.concatenate([target, indirect_dst]),
    )


def afra_extensions(hf: HigherOrderAF, semantics: str) -> list[AfraExtension]:
    """The AFRA extensions of ``hf`` (grounded, complete, preferred, stable, ...).

    Any Dung semantics argmap knows is accepted, through the flattening; the AFRA paper
    defines grounded, complete, preferred and stable. The list is sorted by (sorted
    arguments, sorted attacks).

    Examples
    --------
    The knife example of Cayrol et al. (2017): ``a`` attacks ``b`` by ``alpha`` and
    ``c`` attacks ``alpha`` by ``beta``:

    >>> hf = HigherOrderAF.from_triples("abc", [("alpha", "a", "b"), ("beta", "c", "alpha")])
    >>> [(sorted(e.arguments), sorted(e.attacks)) for e in afra_extensions(hf, "grounded")]
    [(['a', 'b', 'c'], ['beta'])]
    """
    semantics = check_semantics(semantics)
    flat = flatten_afra(hf)
    n = hf.n
    found = [
        AfraExtension(
            frozenset(hf.arguments[i] for i in ext if i < n),
            frozenset(hf.attack_ids[i - n] for i in ext if i >= n),
        )
        for ext in extensions(flat, semantics)
    ]
    return sorted(found, key=lambda e: (sorted(e.arguments), sorted(e.attacks)))
