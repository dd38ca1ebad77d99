"""``argmap convert``: every real file to every format, loss warnings, clean failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from argmap.cli import main
from argmap.io.aif import read_aif
from argmap.io.argdown import read_argdown
from argmap.io.carneades import read_carneades
from argmap.io.casefile import load
from argmap.io.convert import convert, format_of
from argmap.io.iccma import read_af
from argmap.io.xaif import read_xaif
from argmap.model import Case

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO.parent / "shared" / "examples"
CASE = REPO / "examples" / "ad_tool_dispute.yaml"
BROKEN = Path(__file__).parent / "broken"
REAL = [
    *sorted((EXAMPLES / "aif").glob("*.json")),
    *sorted((EXAMPLES / "argdown").glob("*.argdown")),
    *sorted(p for p in (EXAMPLES / "iccma").iterdir() if p.suffix in {".apx", ".tgf", ".af"}),
    *sorted((EXAMPLES / "xaif").glob("*.json")),
    *sorted((EXAMPLES / "carneades").glob("*.yml")),
]
TARGETS = [
    "out.yaml",
    "out.json",
    "out.aif.json",
    "out.xaif.json",
    "out.carneades.yml",
    "out.argdown",
    "out.apx",
    "out.tgf",
    "out.af",
]


def _check_case(path: Path) -> None:
    """Load a written case file; a very large one with the C parsers (the line-tracking
    loader takes seconds on the 7346-argument benchmark, and lines are not needed here)."""
    if path.stat().st_size < 1_000_000:
        load(path)
        return
    text = path.read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=loader)
    Case.model_validate(data)


def _from(path: Path) -> list[str]:
    return ["--from", "aif"] if path.parent.name == "aif" else []


# Every pair except the 7346-argument benchmark as YAML: PyYAML without libyaml takes
# half a minute to write and read that back; the same case goes through .json instead.
PAIRS = [
    pytest.param(source, target, id=f"{source.name}->{target}")
    for source in REAL
    for target in TARGETS
    if not (source.stat().st_size > 100_000 and target.endswith((".yaml", ".yml")))
]


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_every_real_file_converts_to_every_format(
    source: Path, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / target
    assert main(["convert", str(source), str(out), *_from(source)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    fmt = format_of(out)
    if fmt == "case":
        _check_case(out)
    elif fmt == "aif":
        read_aif(out)
    elif fmt == "xaif":
        read_xaif(out)
    elif fmt == "carneades":
        read_carneades(out)
    elif fmt == "argdown":
        read_argdown(out)
    else:
        af = read_af(out)
        if source.parent.name == "iccma":
            assert af.n_attacks == read_af(source).n_attacks


def test_case_to_argdown_and_back_is_exact_and_silent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(CASE), str(tmp_path / "c.argdown")]) == 0
    assert main(["convert", str(tmp_path / "c.argdown"), str(tmp_path / "c.yaml")]) == 0
    assert capsys.readouterr().err == ""
    assert load(tmp_path / "c.yaml") == load(CASE)


def test_lossy_conversions_say_what_they_drop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(CASE), str(tmp_path / "c.apx")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("argmap: warning: lossy conversion to ICCMA apx: dropped title")
    for dropped in ("parameters (2)", "sources (2)", "issues (1)", "evidence.", "relations."):
        assert dropped in err
    assert "supports and inferences dropped" in err
    assert main(["convert", str(CASE), str(tmp_path / "c.aif.json")]) == 0
    err = capsys.readouterr().err
    assert "lossy conversion to AIF" in err and "reliability" in err
    aif = EXAMPLES / "aif" / "nodeset21145.json"
    assert main(["convert", str(aif), str(tmp_path / "d.yaml"), "--from", "aif"]) == 0
    err = capsys.readouterr().err
    assert "dialogue layer" in err and "locutions" in err
    assert main(["convert", "-q", str(CASE), str(tmp_path / "e.apx")]) == 0
    assert capsys.readouterr().err == ""


def test_an_aifdb_download_is_recognised_by_its_content(tmp_path: Path) -> None:
    source = EXAMPLES / "aif" / "nodeset21145.json"
    warnings = convert(source, tmp_path / "map.argdown")
    assert any("dialogue layer" in w for w in warnings)
    assert read_argdown(tmp_path / "map.argdown") == read_aif(source).case.model_copy(
        update={"title": read_argdown(tmp_path / "map.argdown").title}
    )
    assert convert(CASE, tmp_path / "case.json") == []
    assert convert(tmp_path / "case.json", tmp_path / "again.yaml") == []  # still a case
    assert load(tmp_path / "again.yaml") == load(CASE)


def test_aif_to_aif_keeps_the_dialogue_layer(tmp_path: Path) -> None:
    source = EXAMPLES / "aif" / "6064-original.json"
    out = tmp_path / "same.aif.json"
    assert convert(source, out, from_="aif") == []
    original = json.loads(source.read_text("utf-8"))
    again = json.loads(out.read_text("utf-8"))
    key = lambda n: json.dumps(n, sort_keys=True)  # noqa: E731
    assert sorted(map(key, again["nodes"])) == sorted(map(key, original["nodes"]))
    assert again["locutions"] == original["locutions"]


def test_iccma_formats_convert_among_themselves(tmp_path: Path) -> None:
    source = EXAMPLES / "iccma" / "b.tgf"
    assert convert(source, tmp_path / "b.apx") == []
    assert convert(tmp_path / "b.apx", tmp_path / "b2.tgf") == []
    assert read_af(tmp_path / "b2.tgf") == read_af(source)
    # the numeric format keeps the names as '# name' comments, read back by convert
    assert convert(source, tmp_path / "b.af") == []
    assert read_af(tmp_path / "b.af").n_attacks == read_af(source).n_attacks
    assert convert(tmp_path / "b.af", tmp_path / "b3.tgf") == []
    assert read_af(tmp_path / "b3.tgf") == read_af(source)


def test_formats_given_explicitly(tmp_path: Path) -> None:
    text = tmp_path / "map.txt"
    text.write_text("[A]: a\n  - [B]: b\n", "utf-8")
    out = tmp_path / "map.out"
    assert main(["convert", str(text), str(out), "--from", "argdown", "--to", "apx"]) == 0
    assert out.read_text("utf-8").splitlines() == ["arg(A).", "arg(B).", "att(B,A)."]
    as_json = tmp_path / "case.out"
    assert main(["convert", str(text), str(as_json), "--from", "ad", "--to", "json"]) == 0
    assert json.loads(as_json.read_text("utf-8"))["claims"][0] == {"id": "A", "text": "a"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["in.txt", "out.yaml"], "cannot tell the format of 'in.txt'"),
        (["missing.argdown", "out.yaml"], "missing.argdown: no such file"),
        (
            [str(CASE), "/nonexistent/out.argdown"],
            "/nonexistent/out.argdown: folder '/nonexistent' does not exist",
        ),
        ([str(CASE), "out.yaml", "--to", "pdf"], "unknown format 'pdf'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", *args]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and message in err


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("ad_score_out_of_range.argdown", "ad_score_out_of_range.argdown:7: claims[1].base_score"),
        ("aif_unknown_edge_end.aif.json", "aif_unknown_edge_end.aif.json:8: edges[0].toID"),
    ],
)
def test_bad_input_leaves_the_old_output_alone(
    name: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("previous contents\n", "utf-8")
    assert main(["convert", str(BROKEN / name), str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and where in err and "Traceback" not in err
    assert out.read_text("utf-8") == "previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.yaml"]


def test_a_bad_iccma_file_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.apx"
    bad.write_text("arg(a).\narg(b).\natt(a,c).\n", "utf-8")
    assert main(["convert", str(bad), str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "x.yaml").exists()
