"""``argmap solve``: the ICCMA 2023 solver interface over argmap's Dung engine.

Usage, as an ICCMA harness calls a solver::

    argmap solve                       # name and version
    argmap solve --problems            # [DC-CO,DS-CO,SE-CO,...]
    argmap solve -p SE-PR -f file.af
    argmap solve -p DC-ST -f file.af -a 3

Tasks are ``DC`` (credulous), ``DS`` (skeptical), ``SE`` (some extension), ``CE``
(count) and ``EE`` (enumerate) for the semantics ``CO GR PR ST SST ID STG``. Output
follows ICCMA 2023: ``YES`` / ``NO`` for DC and DS, with the certificate on the next
line as ``w`` and the members (``YES`` + a witness for DC, ``NO`` + a counterexample
for DS); ``w`` and the members for SE, or ``NO`` when there is no extension. CE prints
the number; EE (not in the 2023 rules) prints one ``w`` line per extension, or ``NO``.
Arguments print as numbers ``1 .. N`` for ``p af N`` files and by name for apx and tgf.

With ``--preferences FILE`` (one ``stronger weaker`` pair a line) the task is solved on
the defeats that the reduction ``--reduction r1..r4`` (default r1) derives from the
attacks and the preference; see :mod:`argmap.semantics.preference`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from argmap import __version__
from argmap.errors import SolverError
from argmap.vocabulary import ICCMA_SEMANTICS

__all__ = ["PROBLEMS", "register", "run"]

SEMANTICS_CODES = ICCMA_SEMANTICS
TASKS = ("DC", "DS", "SE", "CE", "EE")
# Members written per call when printing a large extension.
_CHUNK = 1 << 20
PROBLEMS = tuple(f"{task}-{code}" for task in TASKS for code in SEMANTICS_CODES)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "solve",
        help="ICCMA 2023 solver interface (-p TASK -f FILE [-a ARG])",
        description=(
            "Solve an abstract argumentation task on an ICCMA file (p af N, apx or tgf), "
            "printing the answer exactly as ICCMA 2023 solvers do. Without options, print "
            "the solver's name and version."
        ),
    )
    parser.add_argument("-p", dest="task", metavar="TASK", help="e.g. DC-PR, SE-ST, EE-CO")
    parser.add_argument("-f", dest="file", metavar="FILE", help="the framework file")
    parser.add_argument("-a", dest="arg", metavar="ARG", help="query argument (DC, DS)")
    parser.add_argument(
        "--fo", dest="fmt", choices=("af", "apx", "tgf"), help="file format (default: by suffix)"
    )
    parser.add_argument("--problems", action="store_true", help="list the supported tasks")
    parser.add_argument(
        "--preferences",
        metavar="FILE",
        help="strict preference, one 'stronger weaker' pair a line: solve on the defeats",
    )
    parser.add_argument(
        "--reduction",
        choices=("r1", "r2", "r3", "r4"),
        help="how attacks and preferences give defeats (default r1; needs --preferences)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.problems:
        print("[" + ",".join(PROBLEMS) + "]")
        return 0
    if args.task is None and args.file is None:
        print(f"argmap {__version__}")
        return 0
    task, semantics = _task(args.task)
    if args.file is None:
        raise SolverError(f"task {args.task} needs a file: -f FILE")
    if task in ("DC", "DS") and args.arg is None:
        raise SolverError(f"task {args.task} needs a query argument: -a ARG")
    if task not in ("DC", "DS") and args.arg is not None:
        raise SolverError(f"task {args.task} takes no query argument (-a)")
    if args.reduction is not None and args.preferences is None:
        raise SolverError("--reduction needs --preferences FILE")

    from argmap.io.iccma import read_af
    from argmap.semantics import dung

    af = read_af(args.file, args.fmt)
    if args.preferences is not None:
        from argmap.io.preferences import read_preferences
        from argmap.semantics.preference import defeats

        af = defeats(af, read_preferences(args.preferences, af), args.reduction or "r1")
    # argument names come from the file: shown, never obeyed, by the terminal
    out = _SafeOut()

    def witness(ext: frozenset[int]) -> str:
        return " ".join(["w", *(af.name(i) for i in sorted(ext))])

    if semantics == "grounded":
        # one extension, read straight off the labelling: on 10^7 arguments a frozenset
        # of the members (and a list of their names) would take gigabytes
        _grounded(af, task, args.arg, args.file, out)
    elif task in ("DC", "DS"):
        arg = _argument(af, args.arg, args.file)
        if task == "DC":
            found = dung.credulous_witness(af, arg, semantics)
            out.write("NO\n" if found is None else f"YES\n{witness(found)}\n")
        else:
            found = dung.skeptical_counterexample(af, arg, semantics)
            out.write("YES\n" if found is None else f"NO\n{witness(found)}\n")
    elif task == "SE":
        found = dung.some_extension(af, semantics)
        out.write("NO\n" if found is None else witness(found) + "\n")
    elif task == "CE":
        out.write(f"{dung.count_extensions(af, semantics)}\n")
    else:
        any_found = False
        for ext in dung.extensions(af, semantics):
            any_found = True
            out.write(witness(ext) + "\n")
        if not any_found:
            out.write("NO\n")
    out.flush()
    return 0


class _SafeOut:
    """Standard output through :func:`argmap.safe_text.terminal_text`."""

    def write(self, text: str) -> None:
        from argmap.cli._terminal import show

        show(text)

    def flush(self) -> None:
        sys.stdout.flush()


def _grounded(af: Any, task: str, arg: str | None, file: str, out: _SafeOut) -> None:
    """Answer any task under grounded semantics from the grounded labelling."""
    import numpy as np

    from argmap.semantics.dung import IN, grounded_labelling

    members = np.flatnonzero(grounded_labelling(af) == IN)
    if task == "CE":
        out.write("1\n")
        return
    if task in ("DC", "DS"):
        index = _argument(af, arg or "", file)
        inside = bool(np.any(members == index))
        out.write("YES\n" if inside else "NO\n")
        if inside == (task == "DS"):
            return  # DS yes and DC no have no certificate
    _write_witness(af, members, out)


def _write_witness(af: Any, members: Any, out: _SafeOut) -> None:
    """Write ``w`` and the names of ``members`` (sorted indices), a chunk at a time."""
    from argmap.io.iccma_numeric import format_numbers

    out.write("w")
    for start in range(0, len(members), _CHUNK):
        chunk = members[start : start + _CHUNK]
        if af.given_names is None:
            text = " " + format_numbers(chunk + 1)[:-1].decode("ascii")
        else:
            text = " " + " ".join(map(af.name, chunk.tolist()))
        out.write(text)
    out.write("\n")


def _task(text: str | None) -> tuple[str, str]:
    """Split ``DC-PR`` into the task and argmap's semantics name."""
    task, _, code = (text or "").upper().partition("-")
    if task not in TASKS or code not in SEMANTICS_CODES:
        raise SolverError(
            f"unknown task {text!r}; supported: {', '.join(PROBLEMS)} (see --problems)"
        )
    return task, SEMANTICS_CODES[code]


def _argument(af: Any, name: str, file: str) -> int:
    """The index of the query argument (a number for ``p af N`` files, else a name)."""
    try:
        return int(af.index_of(name))
    except KeyError:
        numbered = af.given_names is None or af.names == tuple(map(str, range(1, af.n + 1)))
        known = f"1..{af.n}" if numbered else "names"
        raise SolverError(f"argument {name!r} is not in {file} (arguments: {known})") from None
