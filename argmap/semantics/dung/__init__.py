"""Dung's abstract argumentation frameworks and their extension semantics.

Plain functions over an :class:`AF` (networkx style), one per semantics too
(``grounded(af)``, ``preferred(af)``, ... in :mod:`argmap.semantics.dung.named`):

>>> from argmap.semantics.dung import AF, extensions, grounded_labelling
>>> af = AF.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
>>> grounded_labelling(af).tolist()
[0, 0, 0]
>>> sorted(sorted(e) for e in extensions(af, "stable"))
[[0, 2], [1]]

Grounded labelling is linear time on CSR arrays; the other semantics go through a SAT
solver (python-sat) after the grounded core and independent components are split off,
except that a small undecided core is searched directly with bit sets (complete,
preferred, stable).
"""

from argmap.semantics.dung.acceptance import (
    credulous_witness,
    credulously_accepted,
    skeptical_counterexample,
    skeptically_accepted,
)
from argmap.semantics.dung.af import AF
from argmap.semantics.dung.extensions import (
    SEMANTICS,
    check_semantics,
    count_extensions,
    extensions,
    some_extension,
)
from argmap.semantics.dung.ideal import ideal_extension
from argmap.semantics.dung.labelling import (
    IN,
    OUT,
    UNDEC,
    grounded_extension,
    grounded_labelling,
    labelling_of,
)
from argmap.semantics.dung.named import (
    complete,
    grounded,
    ideal,
    preferred,
    semi_stable,
    stable,
    stage,
)

__all__ = [
    "AF",
    "IN",
    "OUT",
    "SEMANTICS",
    "UNDEC",
    "check_semantics",
    "complete",
    "count_extensions",
    "credulous_witness",
    "credulously_accepted",
    "extensions",
    "grounded",
    "grounded_extension",
    "grounded_labelling",
    "ideal",
    "ideal_extension",
    "labelling_of",
    "preferred",
    "semi_stable",
    "skeptical_counterexample",
    "skeptically_accepted",
    "some_extension",
    "stable",
    "stage",
]
