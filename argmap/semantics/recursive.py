"""Attacks on attacks in a case: undercuts that target a relation.

A relation with an ``id`` can be undercut ("a binding ruling removes the force of this
argument"). argmap reads such a case as an AFRA, an argumentation framework with
recursive attacks (Baroni, Cerutti, Giacomin and Guida 2011): its elements are the
nodes and the attacks, and only attacks defeat. An attack ``a`` defeats its target,
and also every attack whose source is ``a``'s target (attacking the source of an
attack defeats the attack). So an undercut of the attack ``X -> Y`` defeats that
attack, and an attack on the undercutter defeats the undercut.

The Dung semantics run on the flattened framework, elements as nodes and AFRA defeats
as attacks (:func:`argmap.semantics.higher_order.flatten_afra` does the same for plain
higher-order frameworks). A node takes the label of its element. An attack or support
relation whose undercut is labelled ``in`` has lost its force: it then weighs 0 in the
gradual semantics and the proof standards, exactly as if it were absent.

Secondary attacks (an attack on a premise also attacks the argument resting on it)
are elements of their own, and an undercut of the attack defeats them too.

References
----------
P. Baroni, F. Cerutti, M. Giacomin, G. Guida. AFRA: Argumentation framework with
recursive attacks. International Journal of Approximate Reasoning 52(1), 2011.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from argmap.semantics.dung.af import AF
from argmap.semantics.dung.skeptical import dung_labels

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.compile import Framework

__all__ = ["has_recursive_attacks", "recursive_labels"]

BoolArray = npt.NDArray[np.bool_]
Int8Array = npt.NDArray[np.int8]


def has_recursive_attacks(fw: Framework) -> bool:
    """Whether ``fw`` has an undercut of a relation with positive weight."""
    return bool(np.any(fw.hoa_w > 0))


def recursive_labels(
    fw: Framework, defeats: npt.ArrayLike, semantics: str
) -> tuple[Int8Array, BoolArray, BoolArray]:
    """Labels of the nodes, and which attack and support edges lost their force.

    Parameters
    ----------
    fw : Framework
        A compiled case.
    defeats : array_like of bool
        Which attack edges succeed (:func:`~argmap.semantics.defeat.defeat_mask`).
    semantics : str
        A Dung semantics (:data:`~argmap.semantics.evaluate.DUNG_SEMANTICS`).

    Returns
    -------
    labels : ndarray of int8
        1 in, -1 out, 0 undec for each node.
    attacks_removed, supports_removed : ndarray of bool
        Per attack and per support edge, whether an undercut of it is in.

    Examples
    --------
    >>> from argmap.model import Case
    >>> from argmap.semantics.compile import compile_case
    >>> from argmap.semantics.defeat import defeat_mask
    >>> case = Case.model_validate({"title": "t",
    ...     "claims": [{"id": "A", "text": "a"}, {"id": "B", "text": "b"},
    ...                {"id": "R", "text": "a ruling"}],
    ...     "relations": [{"kind": "rebut", "from": "A", "to": "B", "id": "r1"},
    ...                   {"kind": "undercut", "from": "R", "to": "r1"}]})
    >>> fw = compile_case(case)
    >>> labels, attacks, _ = recursive_labels(fw, defeat_mask(fw), "grounded")
    >>> labels.tolist(), attacks.tolist()  # B stands: the rebut lost its force
    ([1, 1, 1], [True])
    """
    n = fw.n
    mask = np.asarray(defeats, dtype=bool)
    src, dst, origin = fw.dung_edges()
    live = mask[origin]
    src, dst, origin = src[live], dst[live], origin[live]
    m = src.size
    active = fw.hoa_w > 0
    h_src = fw.hoa_src[active]
    h_att, h_sup = fw.hoa_att[active], fw.hoa_sup[active]
    h = h_src.size
    # element ids: nodes 0..n-1, attacks n..n+m-1, undercuts of relations n+m..n+m+h-1
    el_src = np.concatenate([src, h_src]).astype(np.int64)  # source node of each attack
    tails: list[npt.NDArray[np.int64]] = [np.arange(n, n + m, dtype=np.int64)]
    heads: list[npt.NDArray[np.int64]] = [dst.astype(np.int64)]
    # indirect defeats: an attack on node v defeats every attack (or undercut) from v
    order = np.argsort(el_src, kind="stable")
    sorted_src = el_src[order]
    lo = np.searchsorted(sorted_src, dst, side="left")
    hi = np.searchsorted(sorted_src, dst, side="right")
    counts = hi - lo
    if counts.sum():
        attackers = np.repeat(np.arange(m), counts)
        firsts = np.repeat(lo - np.cumsum(np.r_[0, counts[:-1]]), counts)
        victims = order[firsts + np.arange(counts.sum())]
        tails.append(n + attackers)
        heads.append(n + victims)
    # direct defeats of the undercuts: each on every element of the attack it targets
    for g in np.flatnonzero(h_att >= 0):
        targets = np.flatnonzero(origin == h_att[g])
        tails.append(np.full(targets.size, n + m + g, dtype=np.int64))
        heads.append(n + targets)
    names = [*fw.ids, *(f"attack {k}" for k in range(m)), *(f"undercut {g}" for g in range(h))]
    flat = AF.from_arrays(names, np.concatenate(tails), np.concatenate(heads))
    labels, _ = dung_labels(flat, semantics)
    element = np.asarray(labels, dtype=np.int8)
    # an undercut that is in removes its target's force (an attack whose element is out
    # only because its source is defeated keeps its weight, as in any other case: the
    # gradual semantics already weaken it through its source)
    won = element[n + m :] == 1
    attacks_removed = np.zeros(fw.att_src.size, dtype=bool)
    attacks_removed[h_att[won & (h_att >= 0)]] = True
    supports_removed = np.zeros(fw.sup_src.size, dtype=bool)
    supports_removed[h_sup[won & (h_sup >= 0)]] = True
    return element[:n].copy(), attacks_removed, supports_removed
