"""ICCMA ``af`` files name their arguments in ``# name`` comments; argmap keeps them.

The two real files are read where they are, in ``../shared/examples/iccma/`` (see
``../shared/examples/PROVENANCE.md``): after ``p af N`` each has N comment lines, the
k-th naming argument k (``# a``, ``# b1`` ... and ``# a1`` ... ``# a7346``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.io.casefile import load
from argmap.io.convert import convert
from argmap.io.iccma import comment_names, read_af, write_af
from argmap.io.iccma_case import af_to_case
from argmap.model import Case, Claim, Relation
from argmap.semantics.dung.af import AF

REPO = Path(__file__).resolve().parents[2]
ICCMA = REPO.parent / "shared" / "examples" / "iccma"
REAL_AF = [ICCMA / "admbuster_1000.af", ICCMA / "a1210993_20150717_0403.gml.80.af"]


def _comment_words(path: Path) -> list[str]:
    """The words of the file's ``# word`` lines, read without argmap."""
    return [line[1:].strip() for line in path.read_text("ascii").splitlines() if line[:1] == "#"]


@pytest.mark.parametrize("path", REAL_AF, ids=lambda p: p.name)
def test_the_comment_names_of_the_real_files_are_read(path: Path) -> None:
    raw = path.read_bytes()
    af = read_af(path)
    names, note = comment_names(raw, af.n)
    assert note is None and names is not None
    assert list(names) == _comment_words(path) and len(names) == af.n
    # the solver's reader keeps the numbers, which ICCMA answers must use
    assert af.names[:3] == ("1", "2", "3")


def test_a_real_file_converts_to_a_case_with_its_names(tmp_path: Path) -> None:
    source = REAL_AF[0]
    out = tmp_path / "adm.json"
    assert convert(source, out) == []
    case = load(out)
    assert [c.id for c in case.claims] == _comment_words(source)
    af = read_af(source)
    names = _comment_words(source)
    pairs = {(names[a], names[b]) for a, b in zip(af.src.tolist(), af.dst.tolist(), strict=True)}
    assert {(r.origin, r.target) for r in case.relations} == pairs


def test_names_survive_af_to_apx_and_back_to_af(tmp_path: Path) -> None:
    source = REAL_AF[0]
    assert convert(source, tmp_path / "adm.apx") == []
    apx = read_af(tmp_path / "adm.apx")
    assert list(apx.names) == _comment_words(source)
    assert convert(tmp_path / "adm.apx", tmp_path / "again.af") == []
    again = (tmp_path / "again.af").read_bytes()
    assert comment_names(again, apx.n)[0] == apx.names


def test_a_case_of_a1_to_an_writes_af_without_a_loss_warning(tmp_path: Path) -> None:
    af = AF.from_pairs([str(i) for i in range(1, 6)], [("1", "2"), ("2", "3"), ("5", "4")])
    case = af_to_case(af, title="five")
    assert [c.id for c in case.claims] == ["a1", "a2", "a3", "a4", "a5"]
    source = tmp_path / "five.yaml"
    source.write_text(
        "schema_version: 1\ntitle: five\nclaims:\n"
        + "".join(f"- {{id: a{i}, text: a{i}}}\n" for i in range(1, 6))
        + "relations:\n- {kind: rebut, from: a1, to: a2}\n",
        "utf-8",
    )
    warnings = convert(source, tmp_path / "five.af")
    assert not any("node ids" in w or "names dropped" in w for w in warnings), warnings
    assert convert(tmp_path / "five.af", tmp_path / "back.yaml") == []
    assert [c.id for c in load(tmp_path / "back.yaml").claims] == [f"a{i}" for i in range(1, 6)]


def test_any_case_keeps_its_ids_in_af_comments() -> None:
    case = Case(
        title="t",
        claims=[Claim(id="x", text="X"), Claim(id="y.2", text="Y")],
        relations=[Relation(kind="rebut", origin="x", target="y.2")],
    )
    from argmap.io.iccma_case import case_to_af

    assert write_af(case_to_af(case), "af") == "p af 2\n# x\n# y.2\n1 2\n"


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("p af 3\n# a\n# b\n1 2\n", "2 comment lines look like argument names"),
        ("p af 2\n# a\n# a\n1 2\n", "2 comment lines look like argument names"),
        ("p af 2\n# a\n# b\n# first instance\n1 2\n", "2 comment lines look like"),
    ],
)
def test_comments_that_do_not_name_every_argument_are_warned_about_once(
    text: str, note: str, tmp_path: Path
) -> None:
    source = tmp_path / "x.af"
    source.write_text(text, "utf-8")
    warnings = convert(source, tmp_path / "x.apx")
    assert len([w for w in warnings if note in w]) == 1, warnings
    assert read_af(tmp_path / "x.apx").names[0] == "1"


def test_a_plain_comment_is_not_a_name() -> None:
    assert comment_names(b"p af 2\n# made by a generator\n1 2\n", 2) == (None, None)
    assert comment_names(b"# c\np af 1\n", 1) == (None, None)
