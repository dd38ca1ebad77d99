"""The fast YAML writer gives the same text as one whole-document Python dump."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.io.casefile import dumps, loads
from argmap.io.yamlwrite import _Dumper, dump_yaml

_OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "width": 100,
    "default_flow_style": False,
}

# text that exercises what the emitters disagree on: long lines that get folded,
# quotes, colons, trailing and repeated newlines, control and astral characters
_text = st.one_of(
    st.text(max_size=12),
    st.text(alphabet=st.sampled_from(list("ab c:#-'\"\n\t?|>é中😀\x85\u2028")), max_size=40),
    st.builds(lambda n, tail: "word " * n + tail, st.integers(0, 40), st.text(max_size=8)),
    st.builds(lambda s, k: s + "\n" * k, st.text(max_size=10), st.integers(1, 3)),
)
_scalar = st.one_of(
    _text, st.integers(-5, 10**6), st.floats(allow_nan=False), st.booleans(), st.none()
)
_item = st.dictionaries(st.sampled_from(["id", "kind", "from", "to", "text", "weight"]), _scalar)
_plain_item = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["rebut", "support"]),
        "from": st.from_regex(r"a[0-9]{1,5}", fullmatch=True),
    }
)


def _reference(data: dict[str, Any]) -> str:
    text: str = yaml.dump(data, Dumper=_Dumper, **_OPTIONS)
    return text


@settings(max_examples=60, deadline=None)
@given(
    title=_text,
    claims=st.lists(st.one_of(_plain_item, _item), min_size=32, max_size=40),
    relations=st.lists(_plain_item, min_size=30, max_size=50),
    last=st.one_of(st.none(), _text),
)
def test_same_text_as_one_python_dump(
    title: str, claims: list[Any], relations: list[Any], last: str | None
) -> None:
    data: dict[str, Any] = {"schema_version": 1, "title": title, "claims": claims}
    data["relations"] = relations
    if last is not None:
        data["notes"] = last
    assert dump_yaml(data) == _reference(data)


def test_trailing_newlines_in_a_long_list_are_written_whole() -> None:
    # the item keeping its newlines makes the Python emitter end the document with
    # "...": only the whole-document dump puts it in the right place
    items = [{"id": f"a{i}", "text": "x"} for i in range(40)]
    items[5]["text"] = "kept\n\n"
    data = {"title": "t", "claims": items}
    assert dump_yaml(data) == _reference(data)


def test_large_case_round_trips() -> None:
    from argmap.io.iccma_case import af_to_case
    from argmap.semantics.dung.af import AF

    names = [str(i) for i in range(1, 501)]
    af = AF.from_pairs(names, [(names[i], names[(i * 7 + 1) % 500]) for i in range(500)])
    case = af_to_case(af, "a framework of 500 arguments")
    text = dumps(case)
    assert text == _reference(yaml.safe_load(text))
    assert loads(text) == loads(text.encode())
    assert len(loads(text).relations) == 500


def test_shared_items_and_open_ended_strings_are_written_whole() -> None:
    shared = {"kind": "rebut", "from": "a0"}
    odd = {"id": "x", "to": '"\n😀"\x85?|\x85\u2028'}
    for claims in ([shared] * 40, [shared.copy() for _ in range(8)] + [odd] + [{}] * 0):
        claims = claims + [{"id": f"a{i}"} for i in range(40)]
        data = {"title": "t", "claims": claims}
        assert dump_yaml(data) == _reference(data)
