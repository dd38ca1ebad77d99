"""What decides each verdict: the items whose removal flips it, the weights that do,
and how stable it is.

For every claim, :func:`audit` answers the questions a lawyer asks of a result:

**Which items decide it?** The smallest sets of *items* whose removal (or, for a
rebut between two claims, reversal) changes the claim's verdict
(:class:`~argmap.semantics.evaluation.Verdict`). Items are (:class:`ItemKind`):

- ``evidence`` and ``precedent`` nodes. Removing one takes its base score and every
  edge out of it away, and with them every argument that needs it (a premise, or the
  precedent an argument from precedent relies on): an inference without its premise
  is no argument at all;
- ``relation``: one arrow of the case's ``relations``; removing it sets its weight
  to 0 (no relation), and a rebut between two claims may instead be *reversed* (the
  target attacks the origin), which is how an author says which of two conflicting
  claims answers the other;
- ``question``: an open critical question of an argumentation scheme, compiled as an
  implicit undercutter (a framework node of kind ``question``); removing it is
  answering the question. Cases without schemes have none.

Every candidate set is evaluated by editing the compiled framework's arrays, never by
recompiling the case: each set is one row of base scores and edge weights, rows are
evaluated together by the vectorized engine
(:func:`~argmap.scenario.uncertainty.evaluate_rows`), and reversals are twin attack
edges of weight 0 added once, switched on in the rows that reverse them. Only items
that can reach the claim (its upstream cone) are tried. The search is exact by
increasing set size while the number of sets of the next size fits the budget
(``max_sets``), and then best-first: the sets that brought the claim closest to its
flip point are extended one item at a time, until a flip is found or the budget is
spent; the result says which search found it (``exact``).

**Which weights decide it?** For each parameter the claim depends on, the values in
the parameter's range (its distribution's support, else its bounds) where the verdict
changes: the exact boundaries of the proof standard
(:func:`~argmap.scenario.analysis.threshold`) and of the preference-based defeats
(:func:`~argmap.scenario.analysis.preference_flips`), with the verdict classified on
each stretch between them by the numeric engine.

**Is it fixed by structure alone?** True when no weight in its allowed range flips
it: no parameter alone does (above), nor any corner of the box of the parameters it
depends on, nor any Monte Carlo draw.

**How stable is it?** The share of Monte Carlo draws
(:func:`~argmap.scenario.uncertainty.monte_carlo`) that keep the verdict.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from argmap.errors import SolverError
from argmap.model import Case
from argmap.model.as_of import at_date
from argmap.scenario.audit_items import Action, Catalogue, Item, ItemKind, catalogue, cone
from argmap.scenario.audit_weights import (
    WeightThreshold,
    claim_parameters,
    corners_keep,
    verdict_stability,
    weight_thresholds,
)
from argmap.scenario.results import VERDICTS, verdict_codes
from argmap.scenario.uncertainty import evaluate_rows
from argmap.semantics.compile import (
    Framework,
    claim_standards,
    compile_case,
    standard_of,
    threshold_of,
)
from argmap.semantics.evaluate import check_dung
from argmap.semantics.evaluation import Verdict
from argmap.semantics.gradual.models import canonical_name

__all__ = [
    "Action",
    "Audit",
    "ClaimAudit",
    "Item",
    "ItemKind",
    "WeightThreshold",
    "audit",
    "headline_claims",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

DEFAULT_MAX_SETS = 20_000
"""Candidate sets evaluated per claim before the search stops."""
DEFAULT_MAX_SIZE = 4
"""Largest set of items the search considers."""
_ROWS_PER_BATCH = 512
"""Candidate sets evaluated in one vectorized pass (bounds the working memory)."""
_SHOWN_SETS = 12
"""Smallest flipping sets kept per claim (the count of all is kept too)."""


@dataclass(frozen=True)
class ClaimAudit:
    """What decides one claim's verdict (module docstring)."""

    claim: str
    text: str
    issue: str | None
    verdict: Verdict
    strength: float
    headline: bool
    deciding: tuple[tuple[Item, ...], ...]
    """The smallest flipping sets found (at most a dozen are kept)."""
    flipped_to: tuple[Verdict, ...]
    """The verdict each set in ``deciding`` leaves the claim with."""
    found: int
    """How many flipping sets of the smallest size were found."""
    exact: bool
    """Whether the size is proven smallest: no smaller set flips the verdict (and,
    when none was found, no set up to ``max_size`` does)."""
    searched: int
    """Candidate sets evaluated for this claim."""
    items: int
    """Items upstream of the claim (the ones the search could change)."""
    thresholds: tuple[WeightThreshold, ...]
    fixed_by_structure: bool | None
    """No weight in its allowed range flips it (None: not checked, ``weights=False``)."""
    stability: float | None
    """Share of Monte Carlo draws keeping the verdict (None: no draws)."""
    notes: tuple[str, ...] = ()
    complete: bool = True
    """Whether every flipping set of that size was found (the search of that size was
    exhaustive, not best-first)."""

    @property
    def size(self) -> int | None:
        """The size of the smallest flipping set, or None if none was found."""
        return len(self.deciding[0]) if self.deciding else None


@dataclass(frozen=True)
class Audit:
    """The audit of every claim of one case (or scenario of it)."""

    title: str
    semantics: str
    gradual: str
    max_size: int
    max_sets: int
    samples: int
    seed: int | None
    claims: tuple[ClaimAudit, ...]
    scenario: str | None = None

    def __getitem__(self, claim: str) -> ClaimAudit:
        for row in self.claims:
            if row.claim == claim:
                return row
        raise KeyError(claim)


# -- evaluating candidate sets -------------------------------------------------------------


class _Evaluator:
    """Verdict codes and strengths of every claim for sets of items, cached."""

    def __init__(
        self, case: Case, catalogue: Catalogue, semantics: str, gradual: str, claims: list[str]
    ) -> None:
        self.case = case
        self.cat = catalogue
        self.semantics = semantics
        self.gradual = gradual
        self.claims = claims
        fw = catalogue.framework
        self.base = np.asarray(fw.base, dtype=np.float64)
        self.weights = np.concatenate([fw.att_w, fw.sup_w]).astype(np.float64)
        standards = claim_standards(case)
        self.has_standard = np.array([c in standards for c in claims], dtype=bool)
        self.cache: dict[tuple[int, ...], tuple[npt.NDArray[np.int8], FloatArray]] = {}
        self.evaluated = 0

    def run(self, sets: Sequence[tuple[int, ...]]) -> list[tuple[npt.NDArray[np.int8], FloatArray]]:
        """(verdict codes (C,), strengths (C,)) for each set of item indices."""
        todo = sorted({s for s in sets if s not in self.cache})
        groups: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
        for s in todo:
            hoa = tuple(sorted({h for i in s for h in self.cat.effects[i].hoa_off}))
            groups.setdefault(hoa, []).append(s)
        for hoa, members in groups.items():
            fw = self.cat.framework if not hoa else _without_hoa(self.cat.framework, hoa)
            for start in range(0, len(members), _ROWS_PER_BATCH):
                chunk = members[start : start + _ROWS_PER_BATCH]
                self._batch(fw, chunk)
        return [self.cache[s] for s in sets]

    def _batch(self, fw: Framework, sets: Sequence[tuple[int, ...]]) -> None:
        rows = len(sets)
        base = np.tile(self.base, (rows, 1))
        weights = np.tile(self.weights, (rows, 1))
        for r, s in enumerate(sets):
            for i in s:
                effect = self.cat.effects[i]
                base[r, effect.nodes] = 0.0
                for twin, original in effect.edges_on:
                    weights[r, twin] = self.weights[original]
            for i in s:
                weights[r, self.cat.effects[i].edges_off] = 0.0
        result = evaluate_rows(fw, base, weights, self.gradual, self.semantics, self.claims)
        codes = verdict_codes(result.labels, result.met, self.has_standard)
        self.evaluated += rows
        for r, s in enumerate(sets):
            self.cache[s] = (codes[r], result.strengths[r])


def _without_hoa(fw: Framework, gone: Iterable[int]) -> Framework:
    keep = np.ones(fw.hoa_src.size, dtype=bool)
    keep[list(gone)] = False
    return replace(
        fw,
        hoa_src=fw.hoa_src[keep],
        hoa_att=fw.hoa_att[keep],
        hoa_sup=fw.hoa_sup[keep],
        hoa_w=fw.hoa_w[keep],
    )


# -- the search ---------------------------------------------------------------------------


@dataclass
class _Found:
    sets: list[tuple[int, ...]]
    verdicts: list[int]
    exact: bool
    searched: int
    complete: bool = True


def _compatible(items: Sequence[Item], chosen: Iterable[int]) -> bool:
    """A relation is removed or reversed, not both."""
    seen = set()
    for i in chosen:
        item = items[i]
        if item.kind is ItemKind.RELATION:
            if item.id in seen:
                return False
            seen.add(item.id)
    return True


def _search(
    evaluator: _Evaluator,
    col: int,
    relevant: list[int],
    max_size: int,
    max_sets: int,
    closeness: Callable[[npt.NDArray[np.int8], FloatArray], float],
    tick: Callable[[int], None],
) -> _Found:
    """The smallest flipping sets for claim column ``col`` (module docstring)."""
    items = evaluator.cat.items
    ((codes0, _),) = evaluator.run([()])
    verdict0 = int(codes0[col])
    spent = 0
    for size in range(1, min(max_size, len(relevant)) + 1):
        count = math.comb(len(relevant), size)
        if spent + count > max_sets:
            return _best_first(
                evaluator,
                col,
                relevant,
                size,
                max_size,
                max_sets - spent,
                spent,
                closeness,
                tick,
                verdict0,
            )
        sets = [s for s in itertools.combinations(relevant, size) if _compatible(items, s)]
        flips: list[tuple[int, ...]] = []
        verdicts: list[int] = []
        for start in range(0, len(sets), _ROWS_PER_BATCH * 4):
            chunk = sets[start : start + _ROWS_PER_BATCH * 4]
            for s, (codes, _) in zip(chunk, evaluator.run(chunk), strict=True):
                if int(codes[col]) != verdict0:
                    flips.append(s)
                    verdicts.append(int(codes[col]))
            tick(len(chunk))
        spent += len(sets)
        if flips:
            return _Found(flips, verdicts, True, spent)
    return _Found([], [], True, spent)


def _best_first(
    evaluator: _Evaluator,
    col: int,
    relevant: list[int],
    size: int,
    max_size: int,
    budget: int,
    spent: int,
    closeness: Callable[[npt.NDArray[np.int8], FloatArray], float],
    tick: Callable[[int], None],
    verdict0: int,
) -> _Found:
    """Extend the sets closest to a flip one item at a time, within ``budget`` sets.

    Exhaustive search has shown no set smaller than ``size`` flips the verdict; the
    frontier starts from the singletons ranked by ``closeness`` (lower is closer),
    evaluated already unless ``size`` is 1."""
    items = evaluator.cat.items
    frontier: list[tuple[float, tuple[int, ...]]] = []
    flips: list[tuple[int, ...]] = []
    verdicts: list[int] = []
    singletons: list[tuple[int, ...]] = [(i,) for i in relevant]
    if size == 1:  # the singletons are this search's first sets
        singletons = singletons[:budget]
        budget -= len(singletons)
        spent += len(singletons)
        tick(len(singletons))
    for one, (codes, strengths) in zip(singletons, evaluator.run(singletons), strict=True):
        if int(codes[col]) != verdict0:
            flips.append(one)
            verdicts.append(int(codes[col]))
        else:
            heapq.heappush(frontier, (closeness(codes, strengths), one))
    seen: set[tuple[int, ...]] = set()
    while frontier and budget > 0:
        if len(flips) >= _SHOWN_SETS and len(flips[0]) == size:
            break  # no smaller set exists, and enough of this size are in hand
        _, current = heapq.heappop(frontier)
        if len(current) >= max_size or (flips and len(current) + 1 > len(flips[0])):
            continue
        children = sorted(
            {
                tuple(sorted((*current, i)))
                for i in relevant
                if i not in current and _compatible(items, (*current, i))
            }
            - seen
        )[:budget]
        seen.update(children)
        budget -= len(children)
        spent += len(children)
        for s, (codes, strengths) in zip(children, evaluator.run(children), strict=True):
            if int(codes[col]) != verdict0:
                if not flips or len(s) < len(flips[0]):
                    flips, verdicts = [], []
                if not flips or len(s) == len(flips[0]):
                    flips.append(s)
                    verdicts.append(int(codes[col]))
            else:
                heapq.heappush(frontier, (closeness(codes, strengths), s))
        tick(len(children))
    # sets smaller than ``size`` were all tried; larger ones only in part
    # every set smaller than ``size`` was tried: a flip of that size is the smallest
    minimal = bool(flips) and len(flips[0]) == size
    return _Found(flips, verdicts, minimal, spent, complete=False)


def _closeness_for(case: Case, claim: str, col: int) -> Callable[..., float]:
    """How far a row leaves the claim from a flip (lower is closer): the distance of
    its strength from its standard's threshold on the side it now is."""
    standard = standard_of(case, claim)
    limit = threshold_of(case, standard) if standard is not None else None
    level = 0.5 if limit is None else limit

    def closeness(codes: npt.NDArray[np.int8], strengths: FloatArray) -> float:
        s = float(strengths[col])
        if math.isnan(s):
            return math.inf
        return abs(s - level)

    return closeness


# -- the audit ---------------------------------------------------------------------------------


def headline_claims(case: Case, compiled: Framework | None = None) -> list[str]:
    """The claims each issue turns on: the claims of an issue from which every path of
    the compiled graph (supports, attacks, premises, conclusions) to another claim of
    the same issue comes back (usually: no such path at all; two claims rebutting
    each other are both headline). The others are reasons on the way to these.

    >>> from argmap.model import Case, Claim, Issue, Relation
    >>> case = Case(title="t", issues=[Issue(id="I", question="q")],
    ...             claims=[Claim(id="A", text="a", issue="I"),
    ...                     Claim(id="B", text="b", issue="I")],
    ...             relations=[Relation(kind="rebut", origin="B", target="A")])
    >>> headline_claims(case)
    ['A']

    ``compiled`` is ``case``'s framework when the caller has it (the report compiles
    each case state once).
    """
    fw = compiled if compiled is not None else compile_case(case)
    successors: dict[int, set[int]] = {}
    pairs = zip(
        np.r_[fw.att_src, fw.sup_src].tolist(), np.r_[fw.att_dst, fw.sup_dst].tolist(), strict=True
    )
    for s, d in pairs:
        successors.setdefault(s, set()).add(d)
    issue = {fw.index[c.id]: c.issue for c in case.claims if c.id in fw.index}

    def reach(start: int) -> set[int]:
        seen, stack = {start}, [start]
        while stack:
            for nxt in successors.get(stack.pop(), set()) - seen:
                seen.add(nxt)
                stack.append(nxt)
        return seen

    reached = {j: reach(j) for j in issue}
    return [
        c.id
        for c in case.claims
        if c.issue is not None
        and c.id in fw.index
        and all(
            fw.index[c.id] in reached[k]
            for k in reached[fw.index[c.id]]
            if k != fw.index[c.id] and issue.get(k) == c.issue
        )
    ]


def audit(
    case: Case,
    claims: Sequence[str] | None = None,
    *,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    max_size: int = DEFAULT_MAX_SIZE,
    max_sets: int = DEFAULT_MAX_SETS,
    samples: int = 1000,
    seed: int | None = 0,
    weights: bool = True,
    progress: bool | None = None,
    scenario: str | None = None,
    as_of: dt.date | None = None,
    compiled: Framework | None = None,
    executor: Any = None,
) -> Audit:
    """Audit what decides the verdict of each claim of ``case`` (module docstring).

    Parameters
    ----------
    case : Case
        The case (or a scenario applied to it).
    claims : sequence of str, optional
        The claims to audit (default: every claim).
    semantics, gradual : str
        Dung semantics of the labels, gradual semantics of the strengths.
    max_size : int
        Largest set of items tried.
    max_sets : int
        Candidate sets evaluated per claim: exact search while the next size fits,
        best-first beyond.
    samples, seed : int
        Monte Carlo draws for the stability (0: none) and their seed.
    executor : Executor-like, optional
        Where the draws run (:mod:`argmap.scale.executor`); the same numbers on any.
    weights : bool
        Work out the weight thresholds and whether the verdict is fixed by structure
        (the slowest part, with exact roots per parameter).
    progress : bool, optional
        Show a progress bar (default: only on a terminal).
    scenario : str, optional
        The scenario's name, recorded in the result.
    as_of : datetime.date, optional
        Read the case as known on that date (default: its own ``as_of``), as
        :func:`~argmap.semantics.evaluate.evaluate` does
        (:func:`argmap.model.as_of.at_date`).
    compiled : Framework, optional
        The framework of the case as read on that date, when the caller has compiled
        it already (the report compiles each case state once); else it is compiled here.

    Examples
    --------
    >>> from argmap.model import Case, Claim, Evidence, Issue, Relation, Source
    >>> case = Case(title="t", sources=[Source(id="S", outlet="o", title="t")],
    ...             issues=[Issue(id="I", question="q")],
    ...             claims=[Claim(id="C", text="c", issue="I")],
    ...             evidence=[Evidence(id="E", text="e", source="S", status="fact",
    ...                               reliability=0.9)],
    ...             relations=[Relation(kind="support", origin="E", target="C")])
    >>> row = audit(case, samples=0, progress=False)["C"]
    >>> row.verdict.value, [str(i) for i in row.deciding[0]]
    ('proved', ['remove evidence E'])
    """
    semantics = check_dung(semantics)
    gradual = canonical_name(gradual)
    if max_size < 1:
        raise SolverError("max_size must be at least 1")
    if max_sets < 1:
        raise SolverError("max_sets must be at least 1")
    case = at_date(case, as_of)  # the case the evaluation reads, so verdicts agree
    fw = compiled if compiled is not None else compile_case(case)
    all_claims = [c.id for c in case.claims if c.id in fw.index]
    chosen = list(all_claims if claims is None else claims)
    unknown = [c for c in chosen if c not in all_claims]
    if unknown:
        raise SolverError("unknown claim(s): " + ", ".join(unknown))
    known = catalogue(case, fw)
    evaluator = _Evaluator(case, known, semantics, gradual, chosen)
    ((codes0, strengths0),) = evaluator.run([()])
    headline = set(headline_claims(case, fw))
    stability = verdict_stability(
        case, chosen, codes0, samples, seed, semantics, gradual, executor=executor
    )
    bar = _bar(len(chosen), progress)
    counter = _SetCounter(bar)
    rows: list[ClaimAudit] = []
    try:
        for col, claim in enumerate(chosen):
            counter.count = 0
            j = fw.index[claim]
            up_nodes, up_edges = cone(known.framework, j)
            relevant = [
                i
                for i, (t_nodes, t_edges) in enumerate(known.touches)
                if t_nodes & up_nodes or t_edges & up_edges
            ]
            verdict0 = int(codes0[col])
            found = _search(
                evaluator,
                col,
                relevant,
                max_size,
                max_sets,
                _closeness_for(case, claim, col),
                counter.add,
            )
            notes: list[str] = []
            thresholds: list[WeightThreshold] = []
            params = claim_parameters(fw, j)
            fixed: bool | None = None if params else True
            if weights and params:
                thresholds = weight_thresholds(case, fw, claim, params, semantics, gradual, notes)
                alone = all(len(t.pieces) == 1 for t in thresholds)
                fixed = alone and corners_keep(
                    case, fw, claim, params, semantics, gradual, verdict0
                )
                if fixed and stability.get(claim) not in (None, 1.0):
                    fixed = False
            node = case.node(claim)
            rows.append(
                ClaimAudit(
                    claim=claim,
                    text=getattr(node, "text", ""),
                    issue=getattr(node, "issue", None),
                    verdict=VERDICTS[verdict0],
                    strength=float(strengths0[col]),
                    headline=claim in headline,
                    deciding=tuple(
                        tuple(known.items[i] for i in s) for s in found.sets[:_SHOWN_SETS]
                    ),
                    flipped_to=tuple(VERDICTS[v] for v in found.verdicts[:_SHOWN_SETS]),
                    found=len(found.sets),
                    exact=found.exact,
                    complete=found.complete,
                    searched=found.searched,
                    items=len(relevant),
                    thresholds=tuple(thresholds),
                    fixed_by_structure=fixed,
                    stability=stability.get(claim),
                    notes=tuple(notes),
                )
            )
            bar.update(1)
    finally:
        bar.close()
    return Audit(
        title=case.title,
        semantics=semantics,
        gradual=gradual,
        max_size=max_size,
        max_sets=max_sets,
        samples=samples,
        seed=seed,
        claims=tuple(rows),
        scenario=scenario,
    )


class _SetCounter:
    """Shows on the progress bar how many candidate sets the claim in hand has cost
    (a large cone can take seconds on one claim)."""

    def __init__(self, bar: Any) -> None:
        self.bar = bar
        self.count = 0

    def add(self, sets: int) -> None:
        self.count += sets
        self.bar.set_postfix_str(f"{self.count} sets")


def _bar(total: int, progress: bool | None) -> Any:
    from tqdm.auto import tqdm

    # disable=None: tqdm hides itself when stderr is not a terminal
    return tqdm(total=total, unit=" claims", disable=None if progress is None else not progress)
