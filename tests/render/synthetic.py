"""Synthetic cases of any size for rendering tests, pictures and benchmarks.

The shape imitates a real dispute: a few issues, each with rival claims; evidence from a
handful of sources supporting or undermining claims; arguments from evidence to claims,
some undercut; a pending and a decided precedent; dated events, one with a disputed date.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from argmap.model import Case

__all__ = ["synthetic_case"]

_WORDS = [
    "licence",
    "API",
    "data",
    "training",
    "terms",
    "scraping",
    "notice",
    "fee",
    "contract",
    "model",
    "access",
    "policy",
    "breach",
    "public",
    "record",
    "platform",
    "users",
    "consent",
    "market",
    "claim",
    "court",
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize()


def synthetic_case(nodes: int, seed: int = 0) -> Case:
    """A valid case with about ``nodes`` drawable nodes."""
    rng = random.Random(seed)
    n_issues = max(1, nodes // 60)
    n_claims = max(2, nodes // 5)
    n_args = max(1, nodes // 4)
    n_events = max(2, nodes // 20)
    n_prec = 2
    n_evidence = max(2, nodes - n_claims - n_args - n_events - n_prec)
    data: dict[str, Any] = {
        "title": f"Synthetic dispute with {nodes} nodes",
        "parties": [
            {"id": "P1", "name": "Plaintiff Co", "side": "plaintiff"},
            {"id": "P2", "name": "Defendant Inc", "side": "defendant"},
        ],
        "sources": [
            {
                "id": f"S{i}",
                "outlet": f"Outlet {i}",
                "title": _sentence(rng, 6),
                "date": "2023-04-20",
            }
            for i in range(1, 6)
        ],
        "issues": [
            {"id": f"I{i}", "question": _sentence(rng, 8) + "?", "proof_standard": "preponderance"}
            for i in range(n_issues)
        ],
    }
    data["claims"] = [
        {
            "id": f"C{i}",
            "text": _sentence(rng, rng.randint(5, 14)),
            "issue": f"I{i % n_issues}",
            "asserted_by": rng.choice(["P1", "P2"]),
        }
        for i in range(n_claims)
    ]
    data["evidence"] = [
        {
            "id": f"E{i}",
            "text": _sentence(rng, rng.randint(6, 16)),
            "source": f"S{rng.randint(1, 5)}",
            "status": rng.choice(["fact", "report", "allegation", "opinion"]),
            "reliability": round(rng.uniform(0.2, 0.95), 2),
            **({"date": f"2023-04-{rng.randint(10, 28)}"} if i % 7 == 0 else {}),
        }
        for i in range(n_evidence)
    ]
    data["precedents"] = [
        {
            "id": "PR_decided",
            "name": "Decided v. Example",
            "court": "9th Cir.",
            "year": 2022,
            "jurisdiction": "US",
            "status": "decided",
            "outcome": "defendant",
        },
        {
            "id": "PR_pending",
            "name": "Pending v. Example",
            "court": "S.D.N.Y.",
            "year": 2023,
            "jurisdiction": "US",
            "status": "pending",
        },
    ]
    args = []
    for i in range(n_args):
        premises = rng.sample([f"E{j}" for j in range(n_evidence)], k=min(2, n_evidence))
        arg: dict[str, Any] = {
            "id": f"A{i}",
            "premises": premises,
            "conclusion": f"C{rng.randrange(n_claims)}",
            "scheme": rng.choice(["from expert opinion", "from sign", "from cause to effect"]),
            "weight": round(rng.uniform(0.3, 1.0), 2),
        }
        if i == 0:
            arg["precedent"] = "PR_decided"
        args.append(arg)
    data["arguments"] = args
    start = dt.date(2023, 4, 1)
    data["events"] = [
        {
            "id": f"T{i}",
            "text": _sentence(rng, 7),
            "date": (start + dt.timedelta(days=3 * i)).isoformat(),
            "sources": [f"S{1 + i % 5}"],
            **(
                {
                    "disputed_dates": [
                        {"date": (start + dt.timedelta(days=3 * i + 1)).isoformat(), "source": "S2"}
                    ]
                }
                if i == 1
                else {}
            ),
        }
        for i in range(n_events)
    ]
    relations: list[dict[str, Any]] = []
    for i in range(n_claims - 1):
        if i % 2 == 0:
            relations.append({"kind": "rebut", "from": f"C{i}", "to": f"C{i + 1}"})
    for i in range(n_evidence):
        if i % 3 == 0:
            relations.append(
                {"kind": "support", "from": f"E{i}", "to": f"C{rng.randrange(n_claims)}"}
            )
        elif i % 5 == 1:
            relations.append(
                {
                    "kind": "undercut",
                    "from": f"E{i}",
                    "to": f"A{rng.randrange(n_args)}",
                    "weight": 0.6,
                }
            )
        elif i % 11 == 2:
            relations.append(
                {"kind": "undermine", "from": f"E{i}", "to": f"E{rng.randrange(n_evidence)}"}
            )
    for i in range(n_events):
        if i % 2 == 0:
            relations.append(
                {"kind": "support", "from": f"T{i}", "to": f"C{rng.randrange(n_claims)}"}
            )
    relations = [r for r in relations if r["from"] != r["to"]]
    data["relations"] = relations
    return Case.model_validate(data)
