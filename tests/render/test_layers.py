"""Layering the overview's claims under a width bound and packing issue boxes in rows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.maps.layers import arrange, width_cap


def test_a_claim_sits_above_what_supports_it() -> None:
    plan = arrange({"I": ["c", "a", "b"]}, [("c", "a"), ("a", "b")], slots=5)
    assert plan.layer == {"c": 0, "a": 1, "b": 2}
    assert plan.layers == 3 and plan.rows == [["I"]]


def test_width_bound_pushes_the_overflow_down() -> None:
    members = ["top", *[f"p{i}" for i in range(9)]]
    plan = arrange({"I": members}, [("top", f"p{i}") for i in range(9)], slots=4)
    per_layer: dict[int, int] = {}
    for at in plan.layer.values():
        per_layer[at] = per_layer.get(at, 0) + 1
    assert max(per_layer.values()) <= 4
    assert plan.layer["top"] == 0 and all(plan.layer[f"p{i}"] >= 1 for i in range(9))
    assert plan.widths["I"] == 4


def test_cycles_and_foreign_pairs_are_harmless() -> None:
    plan = arrange(
        {"I": ["a", "b"], "J": ["x"]}, [("a", "b"), ("b", "a"), ("a", "x"), ("a", "a")], 3
    )
    assert plan.layer["a"] < plan.layer["b"]  # the first-listed edge of the cycle wins
    assert set(plan.layer) == {"a", "b", "x"}


def test_boxes_share_rows_up_to_the_slots() -> None:
    boxes = {"wide": [f"w{i}" for i in range(6)], "small": ["s"], "mid": ["m1", "m2", "m3"]}
    plan = arrange(boxes, [], slots=4)
    # wide is 4 across (cap sqrt(12) -> 4), mid 3 fits beside small (1): 4 | 3 + 1
    assert plan.widths == {"wide": 4, "small": 1, "mid": 3}
    assert plan.rows == [["wide"], ["small", "mid"]]
    # the second row starts below the first row's last layer
    first = max(plan.layer[f"w{i}"] for i in range(6))
    assert min(plan.layer["s"], plan.layer["m1"]) == first + 1


def test_width_cap() -> None:
    assert width_cap(1, 7) == 1
    assert width_cap(13, 7) == 6
    assert width_cap(100, 7) == 7


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 25).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
            st.integers(1, 8),
        )
    )
)
def test_arrangement_properties(data: tuple[int, list[tuple[int, int]], list[int], int]) -> None:
    n, pairs, box_of, slots = data
    names = [f"c{i}" for i in range(n)]
    boxes: dict[object, list[str]] = {}
    for i, b in enumerate(box_of):
        boxes.setdefault(f"B{b}", []).append(names[i])
    above = [(names[a], names[b]) for a, b in pairs]
    plan = arrange(boxes, above, slots)
    assert set(plan.layer) == set(names)
    assert all(0 <= at < plan.layers for at in plan.layer.values())
    # every box respects its width bound on every layer, and rows fit the slots
    for key, members in boxes.items():
        counts: dict[int, int] = {}
        for m in members:
            counts[plan.layer[m]] = counts.get(plan.layer[m], 0) + 1
        assert max(counts.values()) == plan.widths[key] <= width_cap(len(members), slots)
    for row in plan.rows:
        assert sum(plan.widths[k] for k in row) <= max(slots, *plan.widths.values())
    # with acyclic pairs inside a box, every upper claim is on a higher layer
    order = {name: i for i, name in enumerate(names)}
    same_box = {m: k for k, ms in boxes.items() for m in ms}
    for upper, lower in above:
        if same_box[upper] == same_box[lower] and order[upper] < order[lower]:
            # pairs that only go "forward" can never close a cycle
            forward = all(order[a] < order[b] for a, b in above if same_box[a] == same_box[b])
            if forward:
                assert plan.layer[upper] < plan.layer[lower]
