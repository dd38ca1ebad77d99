"""Check a case's ``expect:`` block (:mod:`argmap.model.expect`) against its runs.

Each run the block names is evaluated: ``baseline`` is the case as written, any other
key the scenario of that ``name`` applied to it (its own semantics when it sets them,
else the ones given). Every expectation is compared with the result: a verdict or a
label must be equal, a strength must lie in its range (bounds included). The result
lists the expectations that do not hold, each with where it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.errors import CaseError, Problem
from argmap.model import Case
from argmap.model.as_of import at_date
from argmap.model.expect import BASELINE, Expectation
from argmap.model.origins import locate
from argmap.scenario.apply import apply_scenario
from argmap.scenario.model import Scenario
from argmap.semantics.evaluate import evaluate
from argmap.semantics.evaluation import NodeResult

__all__ = ["Check", "Mismatch", "check_expectations", "diff_text"]


@dataclass(frozen=True)
class Mismatch:
    """One expectation that does not hold: in ``run``, ``claim``'s ``field`` was
    expected to be ``expected`` and is ``actual``; ``where`` locates it
    (``file:line: expect.run.claim`` when the case was read from a file)."""

    run: str
    claim: str
    field: str
    expected: str
    actual: str
    where: str


@dataclass(frozen=True)
class Check:
    """The outcome of checking every expectation of a case."""

    checked: int
    """How many expectations (verdict, label, strength: each counts) were compared."""
    runs: tuple[str, ...]
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        """Whether every expectation holds."""
        return not self.mismatches


def check_expectations(
    case: Case,
    scenarios: Sequence[Scenario] = (),
    *,
    semantics: str = "grounded",
    gradual: str = "dfquad",
) -> Check:
    """Evaluate every run of ``case.expect`` and compare (module docstring).

    Raises
    ------
    CaseError
        A run names no scenario given, or a claim its run does not have (located in
        the case file).

    Examples
    --------
    >>> from argmap.model import Case, Claim
    >>> case = Case(title="t", claims=[Claim(id="A", text="a", base_score=0.3)],
    ...             expect={"baseline": {"A": {"verdict": "accepted",
    ...                                        "strength": [0.5, 1.0]}}})
    >>> result = check_expectations(case)
    >>> result.checked, [(m.field, m.expected, m.actual) for m in result.mismatches]
    (2, [('strength', '[0.5, 1]', '0.300')])
    """
    by_name = {s.name: s for s in scenarios}
    problems: list[Problem] = []
    for run in case.expect:
        if run != BASELINE and run not in by_name:
            known = ", ".join(sorted(by_name)) or "none given (--scenarios)"
            problems.append(Problem(f"expect.{run}", f"no scenario named {run!r}: {known}"))
    if problems:
        raise CaseError(locate(case, problems))
    checked = 0
    mismatches: list[Mismatch] = []
    for run, claims in case.expect.items():
        if run == BASELINE:
            state, sem, grad = case, semantics, gradual
        else:
            scenario = by_name[run]
            # read as of the scenario's date, as scenario runs are (evaluate reads the
            # case's own date)
            state = at_date(apply_scenario(case, scenario), scenario.as_of)
            sem, grad = scenario.semantics or semantics, scenario.gradual or gradual
        result = evaluate(state, sem, grad)
        for claim, expected in claims.items():
            path = f"expect.{run}.{claim}"
            node = result.nodes.get(claim)
            if node is None or node.kind != "claim":
                raise CaseError(
                    locate(case, [Problem(path, f"run {run!r} has no claim {claim!r}")])
                )
            where = str(locate(case, [Problem(path, "")])[0]).removesuffix(": ")
            for field, want, got in _compare(expected, node):
                checked += 1
                if want is not None:
                    mismatches.append(Mismatch(run, claim, field, want, got, where))
    return Check(checked, tuple(case.expect), tuple(mismatches))


def _compare(expected: Expectation, node: NodeResult) -> list[tuple[str, str | None, str]]:
    """(field, expected text if it does not hold else None, actual text) per field."""
    out: list[tuple[str, str | None, str]] = []
    if expected.verdict is not None:
        got = node.verdict.value
        want = expected.verdict.value
        out.append(("verdict", None if got == want else want, got))
    if expected.label is not None:
        got = node.label.value
        want = expected.label.value
        out.append(("label", None if got == want else want, got))
    if expected.strength is not None:
        low, high = expected.strength
        inside = low <= node.strength <= high
        out.append(("strength", None if inside else f"[{low:g}, {high:g}]", f"{node.strength:.3f}"))
    return out


def diff_text(check: Check) -> str:
    """The mismatches as a diff, expected (``-``) against actual (``+``), each under
    the place it is written.

    >>> where = "c.yaml:9: expect.baseline.C1"
    >>> m = Mismatch("baseline", "C1", "verdict", "proved", "unproven", where)
    >>> print(diff_text(Check(3, ("baseline",), (m,))))
    --- expected
    +++ actual
    @@ c.yaml:9: expect.baseline.C1 @@
    -C1 verdict: proved
    +C1 verdict: unproven
    1 of 3 expectations do not hold
    """
    lines = ["--- expected", "+++ actual"]
    for m in check.mismatches:
        lines += [
            f"@@ {m.where} @@",
            f"-{m.claim} {m.field}: {m.expected}",
            f"+{m.claim} {m.field}: {m.actual}",
        ]
    lines.append(f"{len(check.mismatches)} of {check.checked} expectations do not hold")
    return "\n".join(lines)
