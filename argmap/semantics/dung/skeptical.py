"""One label per argument under any Dung semantics: skeptical acceptance.

Under semantics with several extensions (complete, preferred, stable, semi-stable,
stage) an argument is ``in`` (1) when it belongs to every extension (skeptical
acceptance), ``out`` (-1) when every extension attacks it (it is out in each
extension's labelling, Caminada 2006), and ``undec`` (0) otherwise. When there is no
extension at all (stable semantics on an odd cycle) every argument is ``undec`` and a
note says why. Grounded and ideal semantics have exactly one extension, whose
labelling is used. Past :data:`ENUMERATION_LIMIT` extensions the labels come from one
acceptance query per argument instead.

This is how the case evaluation and the attacks-on-attacks reading label a framework
(:mod:`argmap.semantics.evaluate`, :mod:`argmap.semantics.recursive`).

References
----------
M. Caminada. On the issue of reinstatement in argumentation. JELIA 2006.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from argmap.semantics.dung.acceptance import skeptically_accepted
from argmap.semantics.dung.af import AF
from argmap.semantics.dung.extensions import extensions
from argmap.semantics.dung.labelling import grounded_labelling, labelling_of
from argmap.vocabulary import check_dung

__all__ = ["ENUMERATION_LIMIT", "dung_labels"]

ENUMERATION_LIMIT = 10_000
"""Most extensions enumerated before falling back to per-node acceptance queries."""


def dung_labels(af: AF, semantics: str) -> tuple[npt.NDArray[np.int8], list[str]]:
    """Labels (1 in, -1 out, 0 undec) under ``semantics`` as defined in the module
    docstring, with notes (no extension, enumeration cut short).

    >>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> dung_labels(af, "grounded")[0].tolist(), dung_labels(af, "preferred")[0].tolist()
    ([0, 0, 0], [0, 0, 0])
    >>> dung_labels(af, "stable")[0].tolist()
    [0, 0, 0]
    """
    semantics = check_dung(semantics)
    if semantics == "grounded":
        return np.asarray(grounded_labelling(af), dtype=np.int8), []
    all_in = np.ones(af.n, dtype=bool)
    all_out = np.ones(af.n, dtype=bool)
    count = 0
    for ext in extensions(af, semantics, limit=ENUMERATION_LIMIT + 1):
        count += 1
        if count > ENUMERATION_LIMIT:
            return _by_queries(af, semantics)
        lab = np.asarray(labelling_of(af, ext))
        all_in &= lab == 1
        all_out &= lab == -1
    if count == 0:
        note = f"no {semantics} extension exists; every node is labelled undec"
        return np.zeros(af.n, dtype=np.int8), [note]
    labels = np.where(all_in, 1, np.where(all_out, -1, 0)).astype(np.int8)
    return labels, []


def _by_queries(af: AF, semantics: str) -> tuple[npt.NDArray[np.int8], list[str]]:
    accepted = np.array([skeptically_accepted(af, i, semantics) for i in range(af.n)], dtype=bool)
    attacked = np.zeros(af.n, dtype=bool)
    attacked[af.dst[accepted[af.src]]] = True
    labels = np.where(accepted, 1, np.where(attacked, -1, 0)).astype(np.int8)
    note = (
        f"more than {ENUMERATION_LIMIT} {semantics} extensions: in = skeptically accepted, "
        "out = attacked by a skeptically accepted node (a lower bound on out)"
    )
    return labels, [note]
