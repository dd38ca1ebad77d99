"""``argmap batch INPUTS... -o results.parquet|.csv``: evaluate a corpus into one table.

- ``INPUTS``: files, or folders searched for every file a reader knows (case YAML/JSON,
  AIF, xAIF, Carneades, Argdown, ICCMA).
- ``--semantics S`` (repeatable; default grounded), ``--gradual G``.
- ``--local [K]`` / ``--cluster ADDR``: where the files are evaluated
  (:mod:`argmap.scale.executor`).
- ``--resume``: continue an interrupted run writing the same OUT.

One row per (file, claim, semantics) (:mod:`argmap.scale.batch`); a bad file is a row
with its error. Exit 0 when every file was evaluated, 1 when some rows hold errors
(the table is written either way), 130 when interrupted (the finished rows are kept
for ``--resume``).
"""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._terminal import say
from argmap.scale.executor import add_executor_args

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="evaluate many case and interchange files into one table",
        description="Evaluate every case or interchange file found into one tidy table "
        "(one row per file, claim and semantics; a bad file is a row with its error).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="results.parquet or results.csv"
    )
    parser.add_argument(
        "--semantics", action="append", metavar="NAME", help="Dung semantics (repeatable)"
    )
    parser.add_argument("--gradual", metavar="NAME", help="gradual semantics (default dfquad)")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run")
    add_executor_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from argmap.errors import ArgmapError
    from argmap.io.outputs import check_output
    from argmap.scale.batch import COLUMNS, Settings, evaluate_file, find_inputs, fingerprint
    from argmap.scale.executor import open_pool, where_from_args
    from argmap.scale.store import ResultStore
    from argmap.scale.tasks import run_tasks
    from argmap.semantics.evaluate import check_dung
    from argmap.semantics.gradual.models import canonical_name

    if not args.output.lower().endswith((".parquet", ".csv")):
        raise ArgmapError(f"{args.output}: give a .parquet or .csv file name")
    semantics = tuple(dict.fromkeys(check_dung(s) for s in args.semantics or ["grounded"]))
    settings = Settings(semantics, canonical_name(args.gradual or "dfquad"))
    files = find_inputs(args.inputs)
    if not files:
        raise ArgmapError("no case or interchange files found in " + ", ".join(args.inputs))
    check_output(args.output, files)
    store = ResultStore(args.output, COLUMNS, fingerprint(files, settings))
    store.open(args.resume)
    if store.done:
        say(f"argmap: resuming: {store.kept} rows of {len(store.done)} tasks kept", err=True)
    items = [(n, (n, name)) for n, name in enumerate(files)]
    with open_pool(where_from_args(args), announce=lambda line: say(line, err=True)) as pool:
        interrupted = run_tasks(pool, evaluate_file, settings, items, store, description="files")
    if interrupted:
        say(f"argmap: interrupted; finished rows kept in {store.folder} (use --resume)", err=True)
        return 130
    store.finish()
    return _report_errors(args.output, len(files))


def _report_errors(output: str, count: int) -> int:
    import pyarrow.parquet as pq

    if output.lower().endswith(".csv"):
        import pandas as pd

        errors = pd.read_csv(output, usecols=["file", "error"]).dropna()
    else:
        errors = pq.read_table(output, columns=["file", "error"]).to_pandas().dropna()
    bad = errors["file"].nunique()
    say(f"argmap: {count} files, {bad} with errors; table written to {output}", err=True)
    return 1 if bad else 0
