"""Hypothesis strategies for random *valid* cases (shared by round-trip tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from argmap.model import Case

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s != "")
_score = st.floats(0, 1, allow_nan=False).map(lambda x: round(x, 6))
_date = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))


@st.composite
def cases(draw: st.DrawFn, max_nodes: int = 8) -> Case:
    """A random case that passes validation, exercising every section."""
    params = [f"w{i}" for i in range(draw(st.integers(0, 3)))]

    def score() -> Any:
        if params and draw(st.booleans()):
            name = draw(st.sampled_from(params))
            k = draw(st.floats(0, 1, allow_nan=False).map(lambda x: round(x, 3)))
            return f"clip({k} * {name} + 0.1, 0, 1)"
        return draw(_score)

    doc: dict[str, Any] = {"schema_version": 1, "title": draw(_text)}
    if draw(st.booleans()):
        doc["description"] = draw(_text)
    doc["parameters"] = [
        {
            "id": p,
            "value": draw(_score),
            **(
                {
                    "distribution": draw(
                        st.sampled_from(
                            [
                                {"kind": "uniform", "low": 0.0, "high": 1.0},
                                {"kind": "beta", "a": 2.0, "b": 3.0},
                                {"kind": "triangular", "low": 0.1, "mode": 0.4, "high": 0.9},
                                {"kind": "truncated_normal", "mean": 0.5, "sd": 0.2},
                                {
                                    "kind": "choice",
                                    "values": [0.2, 0.8],
                                    "probabilities": [0.5, 0.5],
                                },
                            ]
                        )
                    )
                }
                if draw(st.booleans())
                else {}
            ),
        }
        for p in params
    ]
    doc["parties"] = [{"id": "P1", "name": draw(_text), "side": "plaintiff"}]
    doc["sources"] = [
        {"id": f"S{i}", "outlet": draw(_text), "title": draw(_text), "date": str(draw(_date))}
        for i in range(draw(st.integers(1, 3)))
    ]
    doc["issues"] = [
        {
            "id": "I1",
            "question": draw(_text),
            "proof_standard": draw(
                st.sampled_from(["scintilla", "preponderance", "clear_and_convincing"])
            ),
        }
    ]
    n_claims = draw(st.integers(1, max_nodes))
    doc["claims"] = [
        {
            "id": f"C{i}",
            "text": draw(_text),
            "base_score": score(),
            **({"issue": "I1"} if draw(st.booleans()) else {}),
            **({"asserted_by": "P1"} if draw(st.booleans()) else {}),
        }
        for i in range(n_claims)
    ]
    doc["evidence"] = [
        {
            "id": f"E{i}",
            "text": draw(_text),
            "source": draw(st.sampled_from(doc["sources"]))["id"],
            "status": draw(st.sampled_from(["fact", "allegation", "report", "opinion"])),
            "reliability": score(),
            "quote": draw(_text),
        }
        for i in range(draw(st.integers(0, max_nodes)))
    ]
    doc["events"] = [
        {"id": f"V{i}", "text": draw(_text), "date": str(draw(_date))}
        for i in range(draw(st.integers(0, 3)))
    ]
    premises_pool = [c["id"] for c in doc["claims"]] + [e["id"] for e in doc["evidence"]]
    arguments = []
    for i in range(draw(st.integers(0, 3))):
        conclusion = draw(st.sampled_from(doc["claims"]))["id"]
        pool = [p for p in premises_pool if p != conclusion]
        if not pool:
            break
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        arguments.append(
            {
                "id": f"A{i}",
                "conclusion": conclusion,
                "premises": premises,
                "weight": score(),
                "stance": draw(st.sampled_from(["pro", "con"])),
            }
        )
    doc["arguments"] = arguments
    origins = premises_pool + [a["id"] for a in arguments]
    relations, seen = [], set()
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["support", "rebut", "undermine", "undercut"]))
        targets = {
            "support": [c["id"] for c in doc["claims"]] + [a["id"] for a in arguments],
            "rebut": [c["id"] for c in doc["claims"]],
            "undermine": premises_pool,
            "undercut": [a["id"] for a in arguments],
        }[kind]
        if not targets:
            continue
        origin, target = draw(st.sampled_from(origins)), draw(st.sampled_from(targets))
        if (kind == "support" and origin == target) or (kind, origin, target) in seen:
            continue
        seen.add((kind, origin, target))
        rel: dict[str, Any] = {"kind": kind, "from": origin, "to": target}
        if draw(st.booleans()):
            rel["weight"] = score()
        relations.append(rel)
    doc["relations"] = relations
    return Case.model_validate(doc)
