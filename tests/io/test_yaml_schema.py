"""The YAML 1.2 core schema the case loader reads with (argmap.io.yaml_schema)."""

from __future__ import annotations

import math

import pytest

from argmap.errors import CaseError
from argmap.io.locations import load_with_lines


def _value(text: str) -> object:
    data, _ = load_with_lines(f"v: {text}\n".encode(), "t.yaml")
    return data["v"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("False", False),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("1:30", "1:30"),
        ("190:20:30", "190:20:30"),
        ("012", 12),
        ("0o17", 15),
        ("0x1F", 31),
        ("1_000", "1_000"),
        ("-7", -7),
        ("0.25", 0.25),
        ("1e3", 1000.0),
        ("-.5", -0.5),
        ("2023-04-20", "2023-04-20"),
        ("~", None),
        ("null", None),
        ("", None),
        ("'0.2'", "0.2"),
    ],
)
def test_plain_scalars_follow_the_core_schema(text: str, value: object) -> None:
    got = _value(text)
    assert got == value and type(got) is type(value)


def test_infinities_and_nan_are_floats() -> None:
    assert _value(".inf") == math.inf and _value("-.Inf") == -math.inf
    nan = _value(".nan")
    assert isinstance(nan, float) and math.isnan(nan)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("!!binary aGVsbG8=", "v: the tag 'tag:yaml.org,2002:binary' is not supported"),
        ("!!set {a, b}", "v: the tag 'tag:yaml.org,2002:set' is not supported"),
        ("!!timestamp 2023-04-20", "v: the tag 'tag:yaml.org,2002:timestamp' is not supported"),
        ("!!bool yes", "v: not a boolean: 'yes' (write true or false)"),
        ("!!int 1:30", "v: not an integer: '1:30'"),
        ("!!float 1_0", "v: not a number: '1_0'"),
        ("!custom x", "v: the tag '!custom' is not supported"),
        ("9" * 301, "v: integer literal of 301 digits is too long (at most 300)"),
    ],
)
def test_other_tags_and_oversized_integers_are_refused_on_their_line(
    text: str, message: str
) -> None:
    with pytest.raises(CaseError) as info:
        load_with_lines(f"a: 1\nv: {text}\n".encode(), "t.yaml")
    assert str(info.value) == f"t.yaml:2: {message}"


def test_a_300_digit_integer_is_still_read() -> None:
    assert _value("9" * 300) == int("9" * 300)


def test_json_integers_have_the_same_limit() -> None:
    text = '{"a": 1,\n "v": [' + "9" * 301 + "]}"
    with pytest.raises(CaseError) as info:
        load_with_lines(text.encode(), "t.json", "json")
    assert (
        str(info.value) == "t.json:2: v[0]: integer literal of 301 digits is too long (at most 300)"
    )


@pytest.mark.parametrize(
    "text", ["0E0", "1e3", "yes", "No", "on", "1:30", "0o17", "0x1F", ".inf", "null", "~", "012"]
)
def test_text_that_looks_like_another_type_round_trips(text: str) -> None:
    from argmap.io.casefile import dumps, loads
    from argmap.model import Case, Claim

    case = Case(title=text, claims=[Claim(id="C1", text=text)])
    assert loads(dumps(case)) == case
    assert loads(dumps(case, "json"), "json") == case
