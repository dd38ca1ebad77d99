"""Compile a Case into a Framework: integer ids, weighted edge arrays, base scores.

This package is the one place where the semantics read the pydantic case: the
compiled :class:`Framework` carries everything they need (:mod:`.framework`),
:func:`compile_case` builds it (:mod:`.case`), applying the as-of reading
(:func:`argmap.model.as_of.at_date`), :mod:`.standards` reads the proof settings by
claim, :mod:`.precedents` the factors and precedents (Horty's reason model, weights,
a fortiori conflicts; public as :mod:`argmap.semantics.precedent`) and
:mod:`.questions` the open critical questions (public as
:mod:`argmap.semantics.critical_questions`). Every other module of :mod:`argmap.semantics` takes a
:class:`Framework` (``tests/semantics/test_compiled_input.py`` checks their imports).

Every semantics works on the compiled form, never on pydantic objects. The projection
below is argmap's reading of the typed argument graph; it is written down here and in
``docs/semantics.md`` because results depend on it.

Nodes
    Claims, evidence, arguments, precedents and events, in case order (parties,
    sources, issues and factors are context, not arguments). Base scores: a claim's
    ``base_score``, evidence ``reliability``, an argument's ``weight`` (1.0 when
    unset; for an argument from precedent, its similarity, which the weakest link
    below multiplies by the precedent's authority), a precedent's ``authority``, and 1.0
    for an event (a dated happening is taken to have happened; doubt about it is
    written as an undermining relation). Expressions are evaluated with the case's
    parameter values, overridden by ``values``, and clipped to [0, 1].

Quantitative bipolar edges (QBAF; Baroni, Rago and Toni 2018)
    - ``support X -> T``: support edge, the relation's weight (default 1);
    - ``rebut``, ``undermine``, ``undercut X -> T``: attack edge on ``T``;
    - each premise ``P`` of argument ``A``, and the precedent an argument from
      precedent relies on: a *necessary* support edge ``P -> A`` of weight 1. The
      gradual semantics read necessary edges by the weakest link
      (:mod:`argmap.semantics.gradual.links`): the argument's base is its weight times
      its weakest premise's strength, so a weak or undermined premise weakens the
      argument, and a strong one never lifts it above its own weight;
    - argument ``A`` with stance ``pro``: support ``A -> conclusion``; stance ``con``:
      attack ``A -> conclusion`` (a Carneades con argument rebuts). The argument's
      own weight is its base score, so these edges have weight 1.
    An argument from precedent that does not apply (``applies_if`` does not match the
    precedent's decided outcome, see :func:`~argmap.semantics.precedent.is_applicable`)
    is left out of the framework altogether and listed in ``Framework.dropped``.
    Each open critical question of an argument adds an implicit undercutter node of
    kind ``question`` (:mod:`argmap.semantics.critical_questions`).

Dung attacks (:meth:`Framework.abstract`; Dung 1995)
    The direct attacks above (rebut, undermine, undercut, con arguments), plus the
    *secondary attacks* of bipolar argumentation under the necessary-support reading
    (Cayrol and Lagasquie-Schiex 2005, 2013; Nouioua and Risch 2010): premises are
    conjunctive, so each premise (and the precedent) is necessary for its argument,
    and whoever attacks a premise also attacks every argument that rests on it.
    Other supports (relation ``support``, pro argument to conclusion) add no attack:
    they are evidential, they make a claim stronger but a claim with no attacker is
    not defeated for lack of them; their force shows in the gradual strengths and in
    the proof standards. The supported attacks of the deductive reading are not
    added, because evidence supporting a defeated claim should not defeat what that
    claim attacks. Attacks of weight 0 are dropped (no attack at all).

References
----------
P. M. Dung. On the acceptability of arguments ... Artificial Intelligence 77, 1995.

C. Cayrol, M.-C. Lagasquie-Schiex. On the acceptability of arguments in bipolar
argumentation frameworks. ECSQARU 2005. And: Bipolarity in argumentation graphs:
towards a better understanding. IJAR 54(7), 2013.

F. Nouioua, V. Risch. Bipolar argumentation frameworks with specialized supports.
ICTAI 2010.

P. Baroni, A. Rago, F. Toni. How many properties do we need for gradual
argumentation? AAAI 2018.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypeAlias

from argmap.errors import SolverError
from argmap.model import Case
from argmap.semantics.compile.case import compile_case
from argmap.semantics.compile.framework import ATTACK_KINDS, SUPPORT_KINDS, Framework
from argmap.semantics.compile.standards import (
    claim_burdens,
    claim_standards,
    claim_thresholds,
    issue_burden,
    rivals_of,
    standard_of,
    threshold_of,
)

__all__ = [
    "ATTACK_KINDS",
    "SUPPORT_KINDS",
    "Compilable",
    "Framework",
    "claim_burdens",
    "claim_standards",
    "claim_thresholds",
    "compile_case",
    "framework_of",
    "issue_burden",
    "rivals_of",
    "standard_of",
    "threshold_of",
]

Compilable: TypeAlias = "Case | Framework"
"""What the engine's entry points accept: a case, compiled on the way in, or the
framework it was already compiled to (the scenario runs compile each state once)."""


def framework_of(
    source: Compilable,
    values: Mapping[str, float] | None = None,
    as_of: dt.date | None = None,
) -> Framework:
    """``source`` compiled at ``values`` as of ``as_of``: a :class:`Framework` is
    returned as it is.

    Raises
    ------
    SolverError
        ``values``, or an ``as_of`` other than the framework's own, given with a
        framework: it was compiled at its own values and date already.

    Examples
    --------
    >>> from argmap.model import Case, Claim
    >>> fw = framework_of(Case(title="t", claims=[Claim(id="C", text="c")]))
    >>> framework_of(fw) is fw
    True
    """
    if isinstance(source, Framework):
        if values:
            raise SolverError("parameter values are fixed when a case is compiled: pass the case")
        if as_of is not None and as_of != source.as_of:
            raise SolverError("the as-of date is fixed when a case is compiled: pass the case")
        return source
    return compile_case(source, values, as_of=as_of)
