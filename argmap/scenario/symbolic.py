"""Closed-form strengths: a claim's gradual strength as a sympy expression.

On an acyclic graph every gradual semantics argmap implements is a finite composition
of the base scores and edge weights (each node's strength is its influence function
applied to an aggregate of its parents' strengths), so a claim's strength can be
written out exactly as a function of the parameters chosen, with every other
parameter fixed at its value. The expressions are built from the compiled
:class:`~argmap.semantics.compile.Framework` (the same projection the numeric engine
uses) and from the sympy trees of argmap's own expression parser; no file text is
ever handed to ``sympify``.

Only the ancestors of the claim that depend on a chosen parameter are kept symbolic;
everything else enters as the number the numeric engine computes, which keeps the
expressions small.

The formulas are those of :mod:`argmap.semantics.gradual.models`:

- DF-QuAD (Rago et al., KR 2016): ``d = prod(1 - w s_att) - prod(1 - w s_sup)`` and
  ``b + (1 - b) d`` if ``d >= 0`` else ``b + b d``;
- quadratic energy (Potyka, KR 2018), Euler-based (Amgoud and Ben-Naim 2017/2018) and
  the (extended) weighted h-categorizer (Amgoud et al., IJCAI 2017), all over the
  sum aggregate ``E = sum(w s_sup) - sum(w s_att)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from argmap.errors import SolverError
from argmap.model import Case, parse_expression
from argmap.semantics.compile import compile_case
from argmap.semantics.gradual import gradual_strengths
from argmap.semantics.gradual.models import canonical_name

if TYPE_CHECKING:  # pragma: no cover
    import sympy

    from argmap.semantics.compile import Framework

__all__ = [
    "claim_weight_expressions",
    "compile_symbolic",
    "evaluate_at",
    "resolve_branches",
    "strength_expression",
    "symbol",
]


def symbol(name: str) -> sympy.Symbol:
    """The sympy symbol argmap's parser uses for parameter ``name`` (real)."""
    import sympy

    return sympy.Symbol(name, real=True)


def strength_expression(
    case: Case,
    claim: str,
    params: Sequence[str] | None = None,
    *,
    gradual: str = "dfquad",
    values: Mapping[str, float] | None = None,
    simplify: bool = False,
) -> sympy.Expr:
    """The gradual strength of ``claim`` as a closed-form expression.

    Parameters
    ----------
    case : Case
        The case; its graph (at least the claim's ancestors) must be acyclic.
    claim : str
        A node id (usually a claim).
    params : sequence of str, optional
        The parameters kept symbolic (default: every parameter of the case). The
        others are fixed at their value (or at ``values``).
    gradual : str
        ``dfquad``, ``quadratic_energy``, ``euler_based`` or ``h_categorizer``.
    values : mapping, optional
        Values for the fixed parameters, overriding the case's.
    simplify : bool
        Run sympy's ``simplify`` on the result (readable, but slow on large graphs;
        skipped above a few hundred distinct subexpressions).

    Raises
    ------
    SolverError
        Unknown node or parameter, or a cycle among the claim's ancestors.

    Examples
    --------
    >>> from argmap.model import Case
    >>> case = Case.model_validate({"title": "t",
    ...     "parameters": [{"id": "w", "value": 0.5}],
    ...     "sources": [{"id": "S", "outlet": "o", "title": "t"}],
    ...     "claims": [{"id": "C", "text": "c", "base_score": 0.5}],
    ...     "evidence": [{"id": "E", "text": "e", "source": "S", "status": "fact",
    ...                   "reliability": "w"}],
    ...     "relations": [{"kind": "rebut", "from": "E", "to": "C"}]})
    >>> strength_expression(case, "C", ["w"], simplify=True)
    0.5 - 0.5*Min(1, Max(0, w))
    """
    expr = compile_symbolic(case, [claim], params, gradual=gradual, values=values)[claim]
    if simplify and _dag_size(expr) <= 300:
        import sympy

        expr = sympy.simplify(expr)
    return expr


def _dag_size(expr: Any) -> int:
    seen: set[Any] = set()
    stack = [expr]
    while stack:
        e = stack.pop()
        if e not in seen:
            seen.add(e)
            stack.extend(e.args)
    return len(seen)


def compile_symbolic(
    case: Case,
    nodes: Sequence[str],
    params: Sequence[str] | None = None,
    *,
    gradual: str = "dfquad",
    values: Mapping[str, float] | None = None,
) -> dict[str, sympy.Expr]:
    """Strength expressions of several ``nodes`` at once (sharing the work)."""

    gradual = canonical_name(gradual)
    known = {p.id for p in case.parameters}
    chosen = list(known if params is None else params)
    for name in chosen:
        if name not in known:
            raise SolverError(f"unknown parameter {name!r}")
    fw = compile_case(case, values)
    for node in nodes:
        if node not in fw.index:
            raise SolverError(f"unknown node {node!r} (or not part of the evaluated graph)")
    return _Builder(fw, set(chosen), gradual).strengths(nodes)


def claim_weight_expressions(
    case: Case,
    claim: str,
    params: Sequence[str],
    *,
    gradual: str = "dfquad",
    live: Sequence[bool] | None = None,
) -> tuple[list[Any], list[Any]]:
    """The pro and con weights of ``claim`` as expressions of ``params``.

    As in :func:`argmap.semantics.standards.claim_weights`: for each support edge
    ``X -> claim`` the weight ``strength(X) * weight(edge)`` (pro), for each attack
    edge likewise (con); nodes whose ``live`` flag is False (labelled out) are skipped.
    """

    fw = compile_case(case)
    if claim not in fw.index:
        raise SolverError(f"unknown node {claim!r}")
    j = fw.index[claim]
    builder = _Builder(fw, set(params), gradual)
    keep = [True] * fw.n if live is None else list(live)
    att = [k for k in range(fw.att_src.size) if fw.att_dst[k] == j and keep[fw.att_src[k]]]
    sup = [k for k in range(fw.sup_src.size) if fw.sup_dst[k] == j and keep[fw.sup_src[k]]]
    sources = [fw.ids[fw.att_src[k]] for k in att] + [fw.ids[fw.sup_src[k]] for k in sup]
    strengths = builder.strengths(sources)
    con = [builder.value(fw.edge_expressions[k]) * strengths[fw.ids[fw.att_src[k]]] for k in att]
    pro = [
        builder.value(fw.edge_expressions[builder.n_att + k]) * strengths[fw.ids[fw.sup_src[k]]]
        for k in sup
    ]
    return pro, con


class _Builder:
    """Builds strength expressions node by node in topological order."""

    def __init__(self, fw: Framework, chosen: set[str], gradual: str) -> None:
        self.fw = fw
        self.chosen = chosen
        self.gradual = gradual
        self.numeric = gradual_strengths(fw, gradual).strengths  # validates the name
        self.n_att = fw.att_src.size
        self.necessary = fw.sup_necessary.tolist()
        # incoming edges per node: (source, edge number in edge_expressions, is_attack)
        self.incoming: list[list[tuple[int, int, bool]]] = [[] for _ in range(fw.n)]
        for k, (s, d) in enumerate(zip(fw.att_src.tolist(), fw.att_dst.tolist(), strict=True)):
            self.incoming[d].append((s, k, True))
        for k, (s, d) in enumerate(zip(fw.sup_src.tolist(), fw.sup_dst.tolist(), strict=True)):
            self.incoming[d].append((s, self.n_att + k, False))
        self.cache: dict[int, Any] = {}

    def value(self, expr: str | float) -> Any:
        import sympy

        if not isinstance(expr, str):
            return sympy.Float(expr)
        parsed = parse_expression(expr)
        if not parsed.names & self.chosen:
            return sympy.Float(parsed.evaluate(self.fw.values))
        fixed = {symbol(n): sympy.Float(self.fw.values[n]) for n in parsed.names - self.chosen}
        # the engine clips every score and weight to [0, 1]; so does the closed form
        return sympy.Min(sympy.Max(parsed.sympy.xreplace(fixed), 0), 1)

    def _depends(self, order: list[int]) -> dict[int, bool]:
        depends: dict[int, bool] = {}
        for j in order:
            flag = _uses(self.fw.base_expressions[j], self.chosen)
            for s, k, _ in self.incoming[j]:
                flag = flag or depends[s] or _uses(self.fw.edge_expressions[k], self.chosen)
            depends[j] = flag
        return depends

    def strengths(self, nodes: Sequence[str]) -> dict[str, Any]:
        import sympy

        targets = [self.fw.index[n] for n in nodes]
        order = self._ancestors_in_order(targets)
        depends = self._depends(order)
        for j in order:
            if not depends[j]:
                self.cache[j] = sympy.Float(float(self.numeric[j]))
                continue
            base = self.value(self.fw.base_expressions[j])
            flows_att: list[Any] = []
            flows_sup: list[Any] = []
            links: list[Any] = []
            for s, k, is_attack in self.incoming[j]:
                flow = self.value(self.fw.edge_expressions[k]) * self.cache[s]
                if is_attack:
                    flows_att.append(flow)
                elif self.necessary[k - self.n_att]:
                    links.append(flow)
                else:
                    flows_sup.append(flow)
            if links:  # weakest link: the premises cap the argument's own weight
                base = base * (links[0] if len(links) == 1 else sympy.Min(*links, evaluate=False))
            self.cache[j] = _influence(self.gradual, base, flows_att, flows_sup)
        return {n: self.cache[self.fw.index[n]] for n in nodes}

    def _ancestors_in_order(self, targets: list[int]) -> list[int]:
        """The targets' ancestors (and themselves) in topological order, or an error."""
        seen: set[int] = set()
        stack = list(targets)
        while stack:
            j = stack.pop()
            if j in seen:
                continue
            seen.add(j)
            stack.extend(s for s, _, _ in self.incoming[j])
        indeg = {j: sum(1 for s, _, _ in self.incoming[j] if s in seen) for j in seen}
        children: dict[int, list[int]] = {j: [] for j in seen}
        for j in seen:
            for s, _, _ in self.incoming[j]:
                children[s].append(j)
        ready = sorted(j for j, d in indeg.items() if d == 0)
        order: list[int] = []
        while ready:
            j = ready.pop()
            order.append(j)
            for c in children[j]:
                indeg[c] -= 1
                if indeg[c] == 0:
                    ready.append(c)
        if len(order) != len(seen):
            cycle = self.fw.find_cycle() or []
            raise SolverError(
                "closed-form strengths need an acyclic graph; cycle: " + " -> ".join(cycle)
            )
        return order


def _uses(expr: str | float, chosen: set[str]) -> bool:
    return isinstance(expr, str) and bool(parse_expression(expr).names & chosen)


def _influence(gradual: str, base: Any, att: list[Any], sup: list[Any]) -> Any:
    """One node's strength from its base score and weighted parents' strengths.

    The case split of DF-QuAD and of the h-categorizer is written with ``Max(x, 0)``
    and ``Min(x, 0)`` instead of a Piecewise: the same function, but sympy builds it
    without trying to simplify conditions, which keeps deep graphs cheap.
    """
    import sympy

    if not att and not sup:
        return base

    def pos(x: Any) -> Any:
        return sympy.Max(x, 0, evaluate=False)

    def neg(x: Any) -> Any:
        return sympy.Min(x, 0, evaluate=False)

    if gradual == "dfquad":
        keep_att = sympy.Mul(*[1 - a for a in att])
        keep_sup = sympy.Mul(*[1 - s for s in sup])
        d = keep_att - keep_sup
        # b + (1 - b) d if d >= 0, else b + b d
        return base + (1 - base) * pos(d) + base * neg(d)
    energy = sympy.Add(*sup) - sympy.Add(*att)
    if gradual == "quadratic_energy":

        def h(x: Any) -> Any:
            return pos(x) ** 2 / (1 + pos(x) ** 2)

        return base - base * h(-energy) + (1 - base) * h(energy)
    if gradual == "euler_based":
        return 1 - (1 - base**2) / (1 + base * sympy.exp(energy))
    if gradual == "h_categorizer":
        # b / (1 - E) if E <= 0, else 1 - (1 - b) / (1 + E)
        return base / (1 - neg(energy)) + (1 - base) * (1 - 1 / (1 + pos(energy)))
    raise SolverError(f"no closed form for gradual semantics {gradual!r}")  # pragma: no cover


def evaluate_at(expr: Any, point: Mapping[Any, float]) -> float:
    """The value of ``expr`` at ``point`` (symbols to numbers), visiting each shared
    subexpression once (strength expressions share a lot)."""
    import math

    import sympy

    memo: dict[Any, float] = {}
    unary: dict[Any, Callable[[float], float]] = {
        sympy.exp: math.exp,
        sympy.log: math.log,
        sympy.Abs: abs,
    }

    def num(e: Any) -> float:
        hit = memo.get(e)
        if hit is not None:
            return hit
        if e.is_Number:
            out = float(e)
        elif e.is_Symbol:
            out = float(point[e])
        elif e.is_Add:
            out = math.fsum(num(a) for a in e.args)
        elif e.is_Mul:
            out = 1.0
            for a in e.args:
                out *= num(a)
        elif e.is_Pow:
            out = num(e.args[0]) ** num(e.args[1])
        elif isinstance(e, sympy.Max):
            out = max(num(a) for a in e.args)
        elif isinstance(e, sympy.Min):
            out = min(num(a) for a in e.args)
        elif e.func in unary:
            out = float(unary[e.func](num(e.args[0])))
        else:
            out = float(sympy.Float(e.xreplace({k: sympy.Float(v) for k, v in point.items()})))
        memo[e] = out
        return out

    return num(expr)


def resolve_branches(expr: Any, point: Mapping[Any, float]) -> Any:
    """``expr`` with every Piecewise, Min, Max and Abs replaced by the branch active
    at ``point`` (a mapping from symbols to numbers): a smooth expression that agrees
    with ``expr`` near the point, ready to differentiate or solve exactly."""
    import sympy

    memo: dict[Any, Any] = {}

    def value(e: Any) -> float:
        return evaluate_at(e, point)

    def walk(e: Any) -> Any:
        if not e.args or e.is_Atom:
            return e
        hit = memo.get(e)
        if hit is not None:
            return hit
        if isinstance(e, sympy.Piecewise):
            out = None
            for branch, condition in e.args:
                if bool(condition.xreplace({k: sympy.Float(v) for k, v in point.items()})):
                    out = walk(branch)
                    break
            if out is None:  # pragma: no cover
                raise SolverError("no branch of a piecewise strength applies")
        elif isinstance(e, sympy.Max | sympy.Min):
            args = [walk(a) for a in e.args]
            pick = max if isinstance(e, sympy.Max) else min
            out = pick(args, key=value)
        elif isinstance(e, sympy.Abs):
            inner = walk(e.args[0])
            out = inner if value(inner) >= 0 else -inner
        else:
            out = e.func(*[walk(a) for a in e.args])
        memo[e] = out
        return out

    return walk(expr)


def lambdified(expr: Any, params: Sequence[str]) -> Any:
    """A numpy function of ``params`` (in order) computing ``expr``."""
    import sympy

    # cse: strength expressions repeat subexpressions; print each once
    func = sympy.lambdify([symbol(p) for p in params], expr, modules="numpy", cse=True)

    def call(*arrays: Any) -> Any:
        with np.errstate(all="ignore"):
            return func(*arrays)

    return call
