"""What a grid's factors do: main effects, two-way interactions, verdict flips.

Read from a grid's results table (:mod:`argmap.scale.grid`), per claim, on a response
column (``strength``; ``p_standard``, the Monte Carlo probability that the claim's
proof standard is met; or ``standard_met`` read as 0/1):

- main effect of level ``a`` of factor ``F``: the mean response over the variants
  with ``F = a`` minus the mean over those with ``F = none``. For a two-level factor
  this is the classical effect, mean(high) - mean(low).
- interaction of ``F = a`` and ``G = b``: how much more ``a`` moves the response when
  ``G = b`` than when ``G = none``, on cell means:
  ``y(a, b) - y(a, none) - y(none, b) + y(none, none)`` (twice the Yates interaction
  effect of a two-level design). In a resolution-IV fraction an interaction is aliased
  with others (the generators say which); main effects are not.
- flips: the variants where a claim's verdict differs from the case as it stands.

Rows with an error (no claim) are left out.

>>> import pandas as pd
>>> t = pd.DataFrame({"claim": ["C"] * 4, "F": ["none", "on", "none", "on"],
...                   "G": ["none", "none", "on", "on"], "strength": [0.1, 0.5, 0.2, 0.9]})
>>> main_effects(t, ["F", "G"], "strength")["effect"].round(2).tolist()
[0.55, 0.25]
>>> interactions(t, ["F", "G"], "strength")["effect"].round(2).tolist()
[0.3]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import pandas as pd

__all__ = ["flips", "interactions", "main_effects"]

NONE = "none"


def _valid(table: pd.DataFrame, response: str) -> pd.DataFrame:
    rows = table[table["claim"].notna() & table[response].notna()]
    return rows.assign(_y=rows[response].astype(float))


def main_effects(table: pd.DataFrame, factors: Sequence[str], response: str) -> pd.DataFrame:
    """One row per (claim, factor, level other than none): the main effect."""
    data = _valid(table, response)
    out = []
    for claim, rows in data.groupby("claim", sort=False):
        for factor in factors:
            means = rows.groupby(factor)["_y"].mean()
            if NONE not in means.index:
                continue
            for level, mean in means.items():
                if level != NONE:
                    out.append((claim, factor, level, float(mean - means[NONE])))
    return pd.DataFrame(out, columns=["claim", "factor", "level", "effect"])


def interactions(table: pd.DataFrame, factors: Sequence[str], response: str) -> pd.DataFrame:
    """One row per (claim, factor pair, level pair other than none): the interaction."""
    data = _valid(table, response)
    out = []
    for claim, rows in data.groupby("claim", sort=False):
        for f, g in itertools.combinations(factors, 2):
            cells = rows.groupby([f, g])["_y"].mean()
            levels_f = [x for x in rows[f].unique() if x != NONE]
            levels_g = [x for x in rows[g].unique() if x != NONE]
            for a, b in itertools.product(levels_f, levels_g):
                keys = [(a, b), (a, NONE), (NONE, b), (NONE, NONE)]
                if all(k in cells.index for k in keys):
                    y = [float(cells[k]) for k in keys]
                    out.append((claim, f, a, g, b, y[0] - y[1] - y[2] + y[3]))
    columns = ["claim", "factor", "level", "other", "other_level", "effect"]
    return pd.DataFrame(out, columns=columns)


def flips(
    table: pd.DataFrame, baseline: Mapping[str, str], describe: Sequence[str]
) -> pd.DataFrame:
    """One row per (claim, new verdict): how many variants move the claim from its
    verdict in ``baseline`` (claim -> verdict) to that one, and the first of them
    (its ``describe`` columns, ``name=value``)."""
    data = table[table["claim"].notna()]
    out = []
    for claim, rows in data.groupby("claim", sort=False):
        before = baseline.get(str(claim))
        changed = rows[rows["verdict"] != before]
        for verdict, group in changed.groupby("verdict", sort=True):
            first = group.iloc[0]
            example = ", ".join(f"{c}={first[c]}" for c in describe if first[c] != NONE)
            out.append((claim, before, verdict, len(group), int(first["variant"]), example))
    columns = ["claim", "baseline", "verdict", "variants", "first", "first_levels"]
    return pd.DataFrame(out, columns=columns)
