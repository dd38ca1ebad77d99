"""Small random acyclic cases with parameter expressions, for property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.model import Case

PARAMS = ("p0", "p1")
SCORES = st.sampled_from(
    [0.0, 0.2, 0.5, 0.9, 1.0, "p0", "p1", "0.3 + 0.5 * p1", "p0 * p1", "1 - p0"]
)
WEIGHTS = st.sampled_from([None, 0.4, 1.0, "p1", "0.5 * p0 + 0.2"])


@st.composite
def acyclic_cases(draw: st.DrawFn, max_claims: int = 6) -> Case:
    """Claims C0..Cn (some with an issue), relations only from Ci to Cj with i > j."""
    n = draw(st.integers(2, max_claims))
    standard = draw(
        st.sampled_from(
            ["preponderance", "clear_and_convincing", "scintilla", "beyond_reasonable_doubt"]
        )
    )
    claims: list[dict[str, Any]] = []
    for i in range(n):
        claim: dict[str, Any] = {"id": f"C{i}", "text": f"claim {i}", "base_score": draw(SCORES)}
        if i == 0 or draw(st.booleans()):
            claim["issue"] = "I"
        claims.append(claim)
    relations: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int]] = set()
    for _ in range(draw(st.integers(1, 2 * n))):
        src = draw(st.integers(1, n - 1))
        dst = draw(st.integers(0, src - 1))
        kind = draw(st.sampled_from(["support", "rebut", "undermine"]))
        if (kind, src, dst) in seen:
            continue
        seen.add((kind, src, dst))
        rel: dict[str, Any] = {"kind": kind, "from": f"C{src}", "to": f"C{dst}"}
        weight = draw(WEIGHTS)
        if weight is not None:
            rel["weight"] = weight
        relations.append(rel)
    return Case.model_validate(
        {
            "title": "random",
            "parameters": [
                {
                    "id": "p0",
                    "value": 0.4,
                    "distribution": {"kind": "uniform", "low": 0, "high": 1},
                },
                {"id": "p1", "value": 0.7, "distribution": {"kind": "beta", "a": 2, "b": 2}},
            ],
            "issues": [{"id": "I", "question": "q?", "proof_standard": standard}],
            "claims": claims,
            "relations": relations,
        }
    )


def licence_case() -> Case:
    """C1 meets clear and convincing iff 0.7 - 0.9 * w_licence > 0.3, i.e. w < 4/9.

    A1's weight 1 is capped by its weakest premise, C0 at w_src = 0.7 (E1 is 0.9).
    The case reads its standards over argument weights (Carneades), and its strength
    threshold is 0, so the Carneades test alone decides."""
    return Case.model_validate(
        {
            "title": "licence",
            "proof": {"reading": "carneades", "thresholds": {"clear_and_convincing": 0.0}},
            "parameters": [
                {
                    "id": "w_licence",
                    "value": 0.3,
                    "distribution": {"kind": "uniform", "low": 0, "high": 1},
                },
                {"id": "w_src", "value": 0.7},
            ],
            "sources": [{"id": "S", "outlet": "o", "title": "t"}],
            "issues": [{"id": "I", "question": "q?", "proof_standard": "clear_and_convincing"}],
            "claims": [
                {"id": "C1", "text": "unlawful", "issue": "I"},
                {"id": "C0", "text": "scraped", "base_score": "w_src"},
            ],
            "evidence": [
                {
                    "id": "E1",
                    "text": "scraped",
                    "source": "S",
                    "status": "fact",
                    "reliability": 0.9,
                },
                {
                    "id": "E2",
                    "text": "licence",
                    "source": "S",
                    "status": "report",
                    "reliability": "w_licence",
                },
            ],
            "arguments": [{"id": "A1", "conclusion": "C1", "premises": ["E1", "C0"]}],
            "relations": [{"kind": "rebut", "from": "E2", "to": "C1", "weight": 0.9}],
        }
    )
