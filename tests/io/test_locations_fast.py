"""The one-pass YAML reader gives the data and lines PyYAML's full pass gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from argmap.errors import CaseError
from argmap.io.casefile import loads
from argmap.io.locations import _LineLoader, _record_lines, load_with_lines

ROOT = Path(__file__).resolve().parents[2]
YAML_FILES = sorted(
    p
    for folder in ("seeds", "scenarios", "examples", "tests")
    for p in (ROOT / folder).rglob("*.y*ml")
)


def _full_pass(text: str) -> tuple[object, dict[str, int]]:
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise yaml.YAMLError("empty")
        lines: dict[str, int] = {}
        _record_lines(node, "", lines)
        return loader.construct_document(node), lines
    finally:
        loader.dispose()


def _readable(path: Path) -> bool:
    """Files both passes read: broken ones are the broken-case tests' business."""
    raw = path.read_bytes()
    try:
        _full_pass(raw.decode("utf-8"))
        load_with_lines(raw, str(path))
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError, CaseError):
        return False
    return True


READABLE = [p for p in YAML_FILES if _readable(p)]


def test_most_files_are_compared() -> None:
    assert len(READABLE) >= len(YAML_FILES) // 2


@pytest.mark.parametrize("path", READABLE, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_data_and_lines_as_the_full_pass(path: Path) -> None:
    raw = path.read_bytes()
    expected = _full_pass(raw.decode("utf-8"))
    data, lines = load_with_lines(raw, str(path))
    assert data == expected[0]
    assert dict(lines.items()) == expected[1]


@pytest.mark.parametrize(
    "text",
    [
        "title: a\ntitle: b\n",
        "a: &x 1\nb: *x\n",
        "<<: {title: t}\nschema_version: 1\n",
        "title: !!binary aGVsbG8=\n",
        "? [a, b]\n: c\n",
        "1: one\ntrue: yes\n",
    ],
)
def test_documents_the_quick_pass_leaves_read_as_before(text: str) -> None:
    try:
        expected: object = _full_pass(text)[0]
    except yaml.YAMLError as exc:
        expected = str(getattr(exc, "problem", None) or exc)
    try:
        got: object = load_with_lines(text.encode(), "x.yaml")[0]
    except CaseError as exc:
        got = str(exc)
        assert isinstance(expected, str) and expected in got
        return
    assert got == expected


def test_a_problem_deep_in_a_large_file_names_its_line() -> None:
    claims = "".join(f"- id: c{i}\n  text: claim {i}\n" for i in range(3000))
    text = f"schema_version: 1\ntitle: big\nclaims:\n{claims}- id: c3000\n  txt: typo\n"
    with pytest.raises(CaseError) as info:
        loads(text, file="big.yaml")
    lines = {p.path: p.line for p in info.value.problems}
    assert lines["claims[3000].txt"] == 3 + 2 * 3000 + 2
    assert lines["claims[3000].text"] == 3 + 2 * 3000 + 1
