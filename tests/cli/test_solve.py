"""``argmap solve``: the ICCMA 2023 interface, output format and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.cli.solve import PROBLEMS
from argmap.io.iccma import read_af
from argmap.semantics.dung import extensions

EXAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "iccma"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["solve", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def odd_and_even(tmp_path: Path) -> Path:
    # 1<->2 (even cycle), 3->4->5->3 (odd cycle); 6 unattacked attacks 7
    path = tmp_path / "fw.af"
    path.write_text("p af 7\n# comment\n1 2\n2 1\n3 4\n4 5\n5 3\n6 7\n")
    return path


def test_problems_lists_every_task(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--problems")
    assert code == 0
    assert out.strip() == "[" + ",".join(PROBLEMS) + "]"
    for task in ("DC-CO", "DS-PR", "SE-ST", "SE-SST", "DS-STG", "SE-ID", "CE-PR", "EE-ST"):
        assert task in out


def test_no_options_prints_name_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys)
    assert code == 0 and out.startswith("argmap ")


def test_decision_tasks_print_yes_no_and_certificates(
    capsys: pytest.CaptureFixture[str], odd_and_even: Path
) -> None:
    f = str(odd_and_even)
    assert _run(capsys, "-p", "DC-PR", "-f", f, "-a", "1")[1] in ("YES\nw 1 6\n",)
    assert _run(capsys, "-p", "DC-GR", "-f", f, "-a", "1")[1] == "NO\n"
    assert _run(capsys, "-p", "DS-GR", "-f", f, "-a", "6")[1] == "YES\n"
    assert _run(capsys, "-p", "DS-CO", "-f", f, "-a", "1")[1] == "NO\nw 6\n"
    code, out, _ = _run(capsys, "-p", "DS-PR", "-f", f, "-a", "1")
    assert code == 0 and out == "NO\nw 2 6\n"
    # the odd cycle rules out stable extensions: DC-ST is NO, DS-ST vacuously YES
    assert _run(capsys, "-p", "DC-ST", "-f", f, "-a", "6")[1] == "NO\n"
    assert _run(capsys, "-p", "DS-ST", "-f", f, "-a", "7")[1] == "YES\n"


def test_some_extension_count_and_enumeration(
    capsys: pytest.CaptureFixture[str], odd_and_even: Path
) -> None:
    f = str(odd_and_even)
    assert _run(capsys, "-p", "SE-ST", "-f", f)[1] == "NO\n"
    assert _run(capsys, "-p", "SE-GR", "-f", f)[1] == "w 6\n"
    assert _run(capsys, "-p", "SE-ID", "-f", f)[1] == "w 6\n"
    assert _run(capsys, "-p", "SE-PR", "-f", f)[1] in ("w 1 6\n", "w 2 6\n")
    assert _run(capsys, "-p", "CE-CO", "-f", f)[1] == "3\n"
    assert _run(capsys, "-p", "CE-ST", "-f", f)[1] == "0\n"
    lines = _run(capsys, "-p", "EE-PR", "-f", f)[1].splitlines()
    assert sorted(lines) == ["w 1 6", "w 2 6"]
    assert _run(capsys, "-p", "EE-ST", "-f", f)[1] == "NO\n"


def test_empty_extension_prints_a_bare_w(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "self.af"
    path.write_text("p af 1\n1 1\n")
    assert _run(capsys, "-p", "SE-GR", "-f", str(path))[1] == "w\n"


def test_names_for_apx_and_tgf(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "-p", "EE-PR", "-f", str(EXAMPLES / "a.apx"))
    assert code == 0
    af = read_af(EXAMPLES / "a.apx")
    expected = {
        "w " + " ".join(af.names[i] for i in sorted(e)) for e in extensions(af, "preferred")
    }
    assert set(out.splitlines()) == expected
    code, out, _ = _run(capsys, "-p", "DC-CO", "-f", str(EXAMPLES / "b.tgf"), "-a", "a")
    assert code == 0 and out.startswith("YES\nw a ")


def test_real_numeric_file(capsys: pytest.CaptureFixture[str]) -> None:
    f = str(EXAMPLES / "admbuster_1000.af")
    code, out, _ = _run(capsys, "-p", "SE-PR", "-f", f)
    assert code == 0 and out.startswith("w ")
    members = [int(x) for x in out.split()[1:]]
    assert all(1 <= m <= 1000 for m in members)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-p", "XX-PR", "-f", "x.af"], "unknown task"),
        (["-p", "DC-FOO", "-f", "x.af", "-a", "1"], "unknown task"),
        (["-p", "DC-PR", "-f", "{f}"], "needs a query argument"),
        (["-p", "SE-PR", "-f", "{f}", "-a", "1"], "takes no query argument"),
        (["-p", "SE-PR"], "needs a file"),
        (["-p", "DC-PR", "-f", "{f}", "-a", "8"], "argument '8' is not in"),
        (["-p", "DS-PR", "-f", "{f}", "-a", "x"], "argument 'x' is not in"),
        (["-p", "SE-PR", "-f", "{missing}"], "no such file"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    odd_and_even: Path,
    argv: list[str],
    message: str,
) -> None:
    filled = [a.format(f=odd_and_even, missing=odd_and_even.parent / "missing.af") for a in argv]
    code, out, err = _run(capsys, *filled)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_malformed_file_reports_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.af"
    path.write_text("p af 2\n1 2\n2 3\n")
    code, out, err = _run(capsys, "-p", "SE-GR", "-f", str(path))
    assert code == 2 and out == ""
    assert err.strip() == f"{path}:3: attack on argument 3, which is not in 1..2 (header 'p af 2')"
