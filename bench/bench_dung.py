"""Dung semantics: argmap against other tools from PyPI, in one run.

Peers (``pip install -e '.[bench]'``): PyArg (``python-argumentation``),
``formal-argumentation``, ``pygarg``, and clingo with a plain textbook ASP encoding
written here. Each measurement runs in a forked child with a time limit, so a slow
peer shows up as ``timeout`` instead of stalling the run; after a timeout a tool is not
tried on larger inputs of the same row. Only the computation is timed: every tool gets
its own input structure (argmap's AF, PyArg's objects, pygarg's name lists, clingo's
facts as text) built beforehand. Every answer is summarised (extension size, number of
extensions, yes/no) and compared with argmap's; a disagreement is flagged with ``!``.

Usage::

    python bench/bench_dung.py            # full run (about 15 minutes on 2 busy cores)
    python bench/bench_dung.py --quick    # a smaller run
    python bench/bench_dung.py --write    # also put the table in bench/README.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import platform
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from argmap.semantics.dung import (
    AF,
    credulously_accepted,
    extensions,
    grounded_extension,
    skeptically_accepted,
)

HERE = Path(__file__).resolve().parent
# Attack probability of the "dense" family (see dense_af).
DENSITY = 0.02
README = HERE / "README.md"
BEGIN, END = "<!-- dung-bench:begin -->", "<!-- dung-bench:end -->"

# --- frameworks ------------------------------------------------------------------------


def random_af(n: int, per_arg: float, seed: int) -> AF:
    """Uniform random attacks, ``per_arg * n`` of them (self-attacks possible)."""
    rng = np.random.default_rng(seed)
    m = int(per_arg * n)
    return AF.from_arrays(n, rng.integers(0, n, m), rng.integers(0, n, m))


def dense_af(n: int, density: float, seed: int) -> AF:
    """Each ordered pair (self-attacks included) is an attack with probability
    ``density``: the Erdos-Renyi model of the AFBenchGen/AFGen generators used for
    ICCMA instances. At a few percent density nothing is unattacked, so the grounded
    labelling decides nothing and the whole framework goes to the SAT solver."""
    rng = np.random.default_rng(seed)
    src, dst = np.nonzero(rng.random((n, n)) < density)
    return AF.from_arrays(n, src, dst)


def admbuster_af(n: int) -> AF:
    """The ICCMA "admbuster" family (one preferred extension, hard for admissible-set
    enumeration): a; two chains b_i, c_i attacking down to a, crossed at every other
    level; d attacks both chain heads. Same shape as ../shared/examples/iccma/
    admbuster_1000.af (checked at start-up)."""
    k = max(1, (n - 2) // 2)
    names = ["a"] + [f"{x}{i}" for i in range(1, k + 1) for x in "bc"] + ["d"]
    idx = {name: i for i, name in enumerate(names)}
    pairs = [("b1", "a"), ("c1", "a")]
    for j in range(2, k + 1):
        pairs += [(f"b{j}", f"b{j - 1}"), (f"c{j}", f"c{j - 1}")]
        if j % 2 == 1:
            pairs += [(f"b{j}", f"c{j - 1}"), (f"c{j}", f"b{j - 1}")]
    pairs += [("d", f"b{k}"), ("d", f"c{k}")]
    src = [idx[a] for a, _ in pairs]
    dst = [idx[b] for _, b in pairs]
    return AF.from_arrays([str(i + 1) for i in range(len(names))], src, dst)


def _check_admbuster() -> None:
    path = HERE.parent.parent / "shared" / "examples" / "iccma" / "admbuster_1000.af"
    if not path.exists():
        return
    from argmap.io.iccma import read_af

    real, ours = read_af(path), admbuster_af(1000)
    assert real == ours, "admbuster generator does not match the ICCMA file"


# --- tools -----------------------------------------------------------------------------
# each tool: prepare(af) -> native input; then run(native, task, query) -> summary


def _pairs(af: AF) -> list[tuple[int, int]]:
    return list(zip(af.src.tolist(), af.dst.tolist(), strict=True))


def argmap_prepare(af: AF) -> AF:
    return af


def argmap_run(af: AF, task: str, q: int) -> Any:
    if task == "grounded":
        return len(grounded_extension(af))
    if task in ("preferred", "stable"):
        return sum(1 for _ in extensions(af, task))
    if task == "DC-PR":
        return credulously_accepted(af, q, "preferred")
    return skeptically_accepted(af, q, "preferred")


def pyarg_prepare(af: AF) -> Any:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat

    args = [Argument(str(i)) for i in range(af.n)]
    defeats = [Defeat(args[a], args[b]) for a, b in _pairs(af)]
    return AbstractArgumentationFramework("bench", args, defeats)


def pyarg_run(fw: Any, task: str, q: int) -> Any:
    from py_arg.algorithms.semantics import (
        get_grounded_extension,
        get_preferred_extensions,
        get_stable_extensions,
    )

    if task == "grounded":
        return len(get_grounded_extension.get_grounded_extension(fw))
    if task == "preferred":
        return len(get_preferred_extensions.get_preferred_extensions(fw))
    if task == "stable":
        return len(get_stable_extensions.get_stable_extensions(fw))
    prefs = get_preferred_extensions.get_preferred_extensions(fw)
    inside = [any(a.name == str(q) for a in e) for e in prefs]
    return any(inside) if task == "DC-PR" else all(inside)


def formal_prepare(af: AF) -> Any:
    from argumentation.core.dung import ArgumentationFramework

    return ArgumentationFramework(
        arguments=frozenset(str(i) for i in range(af.n)),
        defeats=frozenset((str(a), str(b)) for a, b in _pairs(af)),
    )


def formal_run(fw: Any, task: str, q: int) -> Any:
    from argumentation.core import dung

    if task == "grounded":
        return len(dung.grounded_extension(fw))
    if task == "preferred":
        return len(dung.preferred_extensions(fw))
    if task == "stable":
        return len(dung.stable_extensions(fw))
    prefs = dung.preferred_extensions(fw)
    inside = [str(q) in e for e in prefs]
    return any(inside) if task == "DC-PR" else all(inside)


def pygarg_prepare(af: AF) -> Any:
    args = [str(i) for i in range(af.n)]
    return args, [[str(a), str(b)] for a, b in _pairs(af)]


def pygarg_run(native: Any, task: str, q: int) -> Any:
    from pygarg.dung import solver

    args, atts = native
    if task == "grounded":
        return len(solver.compute_grounded_extension(args, atts))
    if task in ("preferred", "stable"):
        code = "PR" if task == "preferred" else "ST"
        return len(solver.extension_enumeration(args, atts, code))
    if task == "DC-PR":
        return bool(solver.credulous_acceptability(args, atts, str(q), "PR")[0])
    return bool(solver.skeptical_acceptability(args, atts, str(q), "PR")[0])


# A plain textbook ASP encoding (guess and check, as in ASPARTIX): admissible sets,
# complete and stable by one more constraint each; preferred as subset-maximal complete
# sets through clingo's domain heuristic (enum-mode domRec).
ASP_BASE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
#show in/1.
"""
ASP_COMPLETE = ":- out(X), not undefended(X).\n"
ASP_STABLE = ":- out(X), not defeated(X).\n"
ASP_MAXIMAL = "#heuristic in(X) : arg(X). [1,true]\n"


def clingo_prepare(af: AF) -> str:
    facts = [f"arg({i})." for i in range(af.n)]
    facts += [f"att({a},{b})." for a, b in _pairs(af)]
    return "\n".join(facts)


def clingo_run(facts: str, task: str, q: int) -> Any:
    import clingo

    if task == "grounded":
        # the grounded extension is the intersection of complete sets: cautious reasoning
        options = ["0", "--enum-mode=cautious"]
        program = ASP_BASE + ASP_COMPLETE
    elif task == "stable":
        options, program = ["0"], ASP_BASE + ASP_STABLE
    elif task == "DC-PR":
        options, program = ["1"], ASP_BASE + f":- not in({q}).\n"
    else:
        options = ["0", "--heuristic=Domain", "--enum-mode=domRec"]
        program = ASP_BASE + ASP_COMPLETE + ASP_MAXIMAL
    ctl = clingo.Control([*options, "--warn=none"])
    ctl.add("base", [], program + facts)
    ctl.ground([("base", [])])
    models: list[list[clingo.Symbol]] = []
    stop = {"lacking": False}

    def on_model(model: clingo.Model) -> bool:
        symbols = model.symbols(shown=True)
        models.append(symbols)
        if task == "DS-PR" and clingo.Function("in", [clingo.Number(q)]) not in symbols:
            stop["lacking"] = True
            return False
        return True

    result = ctl.solve(on_model=on_model)
    if task == "grounded":
        return len(models[-1]) if models else 0
    if task in ("preferred", "stable"):
        return len(models)
    if task == "DC-PR":
        return bool(result.satisfiable)
    return not stop["lacking"]


TOOLS: dict[str, tuple[Callable[[AF], Any], Callable[[Any, str, int], Any]]] = {
    "argmap": (argmap_prepare, argmap_run),
    "formal-argumentation": (formal_prepare, formal_run),
    "PyArg": (pyarg_prepare, pyarg_run),
    "pygarg": (pygarg_prepare, pygarg_run),
    "clingo": (clingo_prepare, clingo_run),
}

# --- measuring in a child --------------------------------------------------------------


def _child(conn: Any, tool: str, af: AF, task: str, q: int) -> None:
    try:
        prepare, run = TOOLS[tool]
        # warm up every code path on frameworks other than the measured one, so that
        # no lazy import or first-call cost is timed, for any tool
        for warm in _warm_ups(tool):
            run(prepare(warm), task, 0)
        native = prepare(af)
        best = float("inf")
        spent = 0.0
        # best of up to three runs while a run is quick, so noise does not decide
        for _ in range(3):
            start = time.perf_counter()
            summary = run(native, task, q)
            took = time.perf_counter() - start
            best, spent = min(best, took), spent + took
            if spent > 1.0:
                break
        conn.send(("ok", best, summary))
    except Exception as exc:  # a peer failing is a result to report, not a crash
        conn.send(("error", 0.0, f"{type(exc).__name__}: {exc}"[:80]))


def _warm_ups(tool: str) -> list[AF]:
    """Frameworks that take each tool down each of its paths once before timing.

    For every tool a tiny framework with cycles. argmap answers that from its bit-set
    search for small undecided cores, so it also gets a 40-cycle (one SAT part), two
    151-cycles (an undecided core of 128 or more arguments, which is split into its
    components before SAT) and a 3,000-argument chain feeding a wide fan (the numpy
    and worklist phases of the grounded labelling).
    """
    tiny = AF.from_arrays(5, [0, 1, 2, 3, 4, 0], [1, 0, 3, 4, 2, 2])
    if tool != "argmap":
        return [tiny]
    ring = AF.from_arrays(40, list(range(40)), [(i + 1) % 40 for i in range(40)])
    pair = np.arange(302)
    rings = AF.from_arrays(302, pair, np.where(pair % 151 == 150, pair - 150, pair + 1))
    chain = np.arange(3_000)
    fan = AF.from_arrays(
        6_000,
        np.concatenate([chain[:-1], np.full(3_000, 2_999)]),
        np.concatenate([chain[1:], np.arange(3_000, 6_000)]),
    )
    return [tiny, ring, rings, fan]


def measure(tool: str, af: AF, task: str, q: int, timeout: float) -> tuple[str, float, Any]:
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, tool, af, task, q))
    proc.start()
    child.close()
    if parent.poll(timeout):
        status, seconds, summary = parent.recv()
    else:
        status, seconds, summary = "timeout", timeout, None
    proc.kill()
    proc.join()
    return status, seconds, summary


# --- the plan ---------------------------------------------------------------------------

PEERS_FOR = {
    "grounded": ["formal-argumentation", "PyArg", "pygarg", "clingo"],
    "preferred": ["pygarg", "formal-argumentation", "PyArg", "clingo"],
    "stable": ["pygarg", "formal-argumentation", "PyArg", "clingo"],
    "DC-PR": ["pygarg", "formal-argumentation", "PyArg", "clingo"],
    "DS-PR": ["pygarg", "formal-argumentation", "PyArg", "clingo"],
}


def plan(quick: bool) -> list[tuple[str, str, list[int]]]:
    if quick:
        grounded = [1_000, 10_000, 100_000]
        small = [20, 100, 1_000]
    else:
        grounded = [1_000, 10_000, 100_000, 1_000_000]
        small = [20, 100, 1_000, 5_000]
    rows = [("grounded", "random", grounded), ("grounded", "chain", [50_000])]
    for task in ("preferred", "stable", "DC-PR", "DS-PR"):
        for family in ("random", "admbuster"):
            rows.append((task, family, small))
    # hard instances: stable on a random framework with 4 attacks per argument, and
    # dense random frameworks where the grounded labelling decides nothing
    rows.append(("stable", "random-4", [2_000]))
    for task in ("preferred", "DC-PR", "DS-PR"):
        rows.append((task, "dense", [256] if quick else [256, 320]))
    return rows


def build(family: str, n: int, task: str) -> AF:
    if family == "admbuster":
        return admbuster_af(n)
    if family == "chain":
        # the admbuster shape, all of it grounded: a chain of 50,000 waves
        return admbuster_af(n)
    if family == "random-4":
        return random_af(n, 4.0, seed=n)
    if family == "dense":
        return dense_af(n, DENSITY, seed=n)
    # 3 attacks per argument: the grounded labelling leaves about half of the
    # arguments undecided at 5,000, with few extensions, so the SAT path does the work
    return random_af(n, 3.0, seed=n)


def query(af: AF) -> int:
    """The query argument: the first one the grounded labelling leaves undecided."""
    from argmap.semantics.dung import grounded_labelling

    undecided = np.flatnonzero(grounded_labelling(af) == 0)
    return int(undecided[0]) if undecided.size else 0


def fmt_time(status: str, seconds: float) -> str:
    if status == "timeout":
        return "timeout"
    if status == "error":
        return "error"
    if seconds < 1e-3:  # argmap's small-core answers take tens of microseconds
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def run_all(quick: bool, timeout: float) -> list[dict[str, Any]]:
    results = []
    for task, family, sizes in plan(quick):
        given_up: set[str] = set()
        for n in sizes:
            af = build(family, n, task)
            q = query(af)
            row: dict[str, Any] = {"task": task, "family": family, "n": af.n}
            row["attacks"] = af.n_attacks
            base = measure("argmap", af, task, q, timeout)
            row["argmap"] = base
            for peer in PEERS_FOR[task]:
                if peer in given_up:
                    row[peer] = ("skipped", 0.0, None)
                    continue
                got = measure(peer, af, task, q, timeout)
                if got[0] == "timeout":
                    given_up.add(peer)
                row[peer] = got
            results.append(row)
            print(render_row(row), flush=True)
    return results


COLUMNS = ["argmap", "formal-argumentation", "PyArg", "pygarg", "clingo"]


def render_cell(row: dict[str, Any], tool: str) -> str:
    if tool not in row:
        return "-"
    status, seconds, summary = row[tool]
    if status == "skipped":
        return "(skipped)"
    text = fmt_time(status, seconds)
    ok = row["argmap"]
    if status == "ok" and tool != "argmap" and ok[0] == "ok" and summary != ok[2]:
        text += f" ! ({summary} vs {ok[2]})"
    return text


def ratio(row: dict[str, Any], tools: list[str]) -> str:
    status, base, _ = row["argmap"]
    if status != "ok":
        return "-"
    times = [row[t][1] for t in tools if t in row and row[t][0] == "ok"]
    slow = [t for t in tools if t in row and row[t][0] == "timeout"]
    if not times:
        return f"> {row[slow[0]][1] / base:.0f}x" if slow else "-"
    return f"{min(times) / max(base, 1e-6):.1f}x"


def render_row(row: dict[str, Any]) -> str:
    pure = ["formal-argumentation", "PyArg", "pygarg"]
    cells = [row["task"], row["family"], f"{row['n']:,}", f"{row['attacks']:,}"]
    cells += [render_cell(row, t) for t in COLUMNS]
    cells += [ratio(row, pure), ratio(row, ["clingo"])]
    return "| " + " | ".join(cells) + " |"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, nproc={os.cpu_count()}, Python {platform.python_version()}"


def table(results: list[dict[str, Any]], quick: bool, timeout: float) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = [
        f"Run: {when}; machine: {machine()}; "
        f"{'--quick, ' if quick else ''}time limit {timeout:g} s per cell.",
        "",
        "| task | family | args | attacks | argmap | formal-argumentation | PyArg | pygarg "
        "| clingo | fastest pure-Python peer / argmap | clingo / argmap |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    return "\n".join(head + [render_row(r) for r in results])


def write_readme(text: str) -> None:
    block = f"{BEGIN}\n{text}\n{END}"
    current = README.read_text(encoding="utf-8") if README.exists() else ""
    if BEGIN in current and END in current:
        new = re.sub(
            re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, current, flags=re.S
        )
    else:
        new = current.rstrip() + "\n\n" + block + "\n"
    from argmap.io.atomic import write_atomic

    write_atomic(README, new.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, shorter limit")
    parser.add_argument("--timeout", type=float, default=None, help="seconds per cell")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    args = parser.parse_args()
    timeout = args.timeout or (5.0 if args.quick else 20.0)
    _check_admbuster()
    print(table([], args.quick, timeout))
    results = run_all(args.quick, timeout)
    text = table(results, args.quick, timeout)
    if args.write:
        write_readme(text)
        print(f"\nwritten to {README}")


if __name__ == "__main__":
    main()
