"""The projection of a case onto QBAF edges and Dung attacks, on small hand cases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from argmap.errors import SolverError
from argmap.io.casefile import load
from argmap.model import Argument, Case, Claim, Event, Evidence, Relation, Source
from argmap.semantics.compile import ATTACK_KINDS, SUPPORT_KINDS, compile_case
from argmap.semantics.gradual import dfquad

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ad_tool_dispute.yaml"


def _hand_case() -> Case:
    return Case(
        title="hand",
        parameters=[{"id": "w", "value": 0.6}],
        sources=[Source(id="S", outlet="o", title="t")],
        claims=[Claim(id="C", text="c", base_score=0.4), Claim(id="D", text="d")],
        evidence=[
            Evidence(id="E1", text="e1", source="S", status="fact", reliability=0.9),
            Evidence(id="E2", text="e2", source="S", status="report", reliability="w"),
            Evidence(id="X", text="x", source="S", status="opinion", reliability=0.7),
        ],
        events=[Event(id="V", text="v", date="2023-04-19")],
        arguments=[
            Argument(id="A", premises=["E1", "E2"], conclusion="C", weight=0.8),
            Argument(id="K", premises=["V"], conclusion="C", stance="con"),
        ],
        relations=[
            Relation(kind="undermine", origin="X", target="E2"),
            Relation(kind="undercut", origin="D", target="K", weight="w * 0.5"),
            Relation(kind="support", origin="D", target="C", weight=0.25),
        ],
    )


def _edges(fw, which: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    src, dst, kind = (getattr(fw, f"{which}_{x}") for x in ("src", "dst", "kind"))
    names = ATTACK_KINDS if which == "att" else SUPPORT_KINDS
    return {(fw.ids[s], fw.ids[d], names[k]) for s, d, k in zip(src, dst, kind, strict=True)}


def test_nodes_and_base_scores() -> None:
    fw = compile_case(_hand_case())
    assert fw.ids == ("C", "D", "E1", "E2", "X", "A", "K", "V")
    assert fw.kinds[:2] == ("claim", "claim") and fw.kinds[-1] == "event"
    assert fw.base.tolist() == pytest.approx([0.4, 0.5, 0.9, 0.6, 0.7, 0.8, 1.0, 1.0])
    assert fw.base_expressions[fw.index["E2"]] == "w"
    assert compile_case(_hand_case(), {"w": 0.1}).base[fw.index["E2"]] == pytest.approx(0.1)
    with pytest.raises(SolverError, match="unknown parameter"):
        compile_case(_hand_case(), {"nope": 1.0})


def test_qbaf_edges() -> None:
    fw = compile_case(_hand_case())
    assert _edges(fw, "att") == {
        ("X", "E2", "undermine"),
        ("D", "K", "undercut"),
        ("K", "C", "con"),
    }
    assert _edges(fw, "sup") == {
        ("E1", "A", "premise"),
        ("E2", "A", "premise"),
        ("V", "K", "premise"),
        ("A", "C", "pro"),
        ("D", "C", "support"),
    }
    weights = dict(zip(_edges_list(fw), fw.att_w.tolist(), strict=True))
    assert weights[("D", "K")] == pytest.approx(0.3)


def _edges_list(fw) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(fw.ids[s], fw.ids[d]) for s, d in zip(fw.att_src, fw.att_dst, strict=True)]


def test_dung_projection_adds_secondary_attacks_through_premises() -> None:
    af = compile_case(_hand_case()).abstract()
    pairs = {(af.names[s], af.names[d]) for s, d in zip(af.src, af.dst, strict=True)}
    # undermining premise E2 attacks argument A (necessary support); supports add nothing
    assert pairs == {("X", "E2"), ("X", "A"), ("D", "K"), ("K", "C")}


def test_zero_weight_attack_is_no_dung_attack() -> None:
    fw = compile_case(_hand_case(), {"w": 0.0})
    af = fw.abstract()
    assert ("D", "K") not in {
        (af.names[s], af.names[d]) for s, d in zip(af.src, af.dst, strict=True)
    }


def test_matrices_follow_sampled_parameters() -> None:
    fw = compile_case(_hand_case())
    base = fw.base_matrix({"w": [0.0, 0.5, 2.0]})
    assert base.shape == (3, fw.n)
    assert base[:, fw.index["E2"]].tolist() == [0.0, 0.5, 1.0]  # clipped to [0, 1]
    assert np.all(base[:, fw.index["C"]] == 0.4)
    weights = fw.edge_weight_matrix({"w": [0.0, 1.0]})
    assert weights.shape == (2, fw.att_src.size + fw.sup_src.size)
    assert fw.edge_weight_matrix({}).shape == (1, weights.shape[1])
    s = dfquad(fw, base[:2], edge_weights=weights).strengths
    assert s.shape == (2, fw.n)
    with pytest.raises(ValueError, match="same number"):
        fw.base_matrix({"w": [0.1, 0.2], "x": [0.3]})


def test_find_cycle() -> None:
    assert compile_case(_hand_case()).find_cycle() is None
    case = Case(
        title="cyc",
        claims=[Claim(id=c, text=c) for c in "abc"],
        relations=[
            Relation(kind="rebut", origin="a", target="b"),
            Relation(kind="rebut", origin="b", target="a"),
            Relation(kind="support", origin="b", target="c"),
            Relation(kind="support", origin="a", target="c"),
        ],
    )
    assert sorted(compile_case(case).find_cycle() or []) == ["a", "b"]


def test_example_case_compiles() -> None:
    fw = compile_case(load(EXAMPLE))
    assert fw.n == 9 and fw.parameters == ("w_press", "w_silence")
    assert set(fw.ids) >= {"C_principled", "A_fees", "E_refusal"}
