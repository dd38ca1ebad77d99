"""Attacks on attacks: extended frameworks (EAF, Modgil 2009) and AFRA (Baroni et al. 2011).

>>> from argmap.semantics.higher_order import HigherOrderAF, afra_extensions, eaf_extensions
>>> hf = HigherOrderAF.from_triples("abc", [("r1", "a", "b"), ("r2", "c", "r1")])
>>> [sorted(e) for e in eaf_extensions(hf, "grounded")]
[['a', 'b', 'c']]
>>> [sorted(e.attacks) for e in afra_extensions(hf, "grounded")]
[['r2']]
"""

from argmap.semantics.higher_order.afra import AfraExtension, afra_extensions, flatten_afra
from argmap.semantics.higher_order.eaf import EAF_SEMANTICS, ExtendedAF, eaf_extensions
from argmap.semantics.higher_order.framework import HigherOrderAF

__all__ = [
    "EAF_SEMANTICS",
    "AfraExtension",
    "ExtendedAF",
    "HigherOrderAF",
    "afra_extensions",
    "eaf_extensions",
    "flatten_afra",
]
