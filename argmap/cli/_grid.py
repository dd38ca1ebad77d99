"""``argmap scenario grid GRID -o results.parquet|.csv``: run every variant of a grid.

The table (one row per variant and claim, :mod:`argmap.scale.grid`) goes to ``-o``;
standard output gets the design (with the fractional design's generators), then per
claim the largest main effects and two-way interactions on strength and on the
probability that the standard is met (with ``samples``; else on the standard met, 0/1),
and the variants that flip each verdict (:mod:`argmap.scale.effects`). ``--top K``
limits the effects shown (default 10; the table holds everything to compute more).
Exit 0, or 1 when some variants failed (error rows), 130 when interrupted (finished
variants kept for ``--resume``).
"""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._args import samples_arg, seed_arg
from argmap.cli._terminal import say, show
from argmap.scale.executor import add_executor_args

__all__ = ["register_grid", "run_grid"]


def register_grid(commands: Any) -> None:
    """Add ``grid`` to the ``scenario`` sub-commands."""
    p = commands.add_parser("grid", help="every variant of a grid of factors and parameters")
    p.add_argument("file", metavar="GRID", help="grid file (YAML or JSON)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help=".parquet or .csv")
    p.add_argument("--samples", type=samples_arg, metavar="N", help="Monte Carlo per variant")
    p.add_argument("--seed", type=seed_arg, metavar="S", help="seed of the run")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run")
    p.add_argument("--top", type=int, default=10, metavar="K", help="effects shown per claim")
    add_executor_args(p)
    p.set_defaults(handler=run_grid)


def run_grid(args: argparse.Namespace) -> int:
    import pandas as pd

    from argmap.errors import ArgmapError
    from argmap.io.outputs import check_output
    from argmap.scale.executor import open_pool, where_from_args
    from argmap.scale.grid import plan_grid, run_variant
    from argmap.scale.store import ResultStore
    from argmap.scale.tasks import run_tasks

    if not args.output.lower().endswith((".parquet", ".csv")):
        raise ArgmapError(f"{args.output}: give a .parquet or .csv file name")
    plan = plan_grid(args.file, samples=args.samples, seed=args.seed)
    check_output(args.output, plan.inputs)
    store = ResultStore(args.output, plan.columns, plan.fingerprint())
    store.open(args.resume)
    if store.done:
        say(f"argmap: resuming: {store.kept} rows of {len(store.done)} tasks kept", err=True)
    with open_pool(where_from_args(args), announce=lambda line: say(line, err=True)) as pool:
        interrupted = run_tasks(
            pool, run_variant, plan.shared, plan.items, store, description="variants"
        )
    if interrupted:
        say(f"argmap: interrupted; finished rows kept in {store.folder} (use --resume)", err=True)
        return 130
    store.finish()
    table = pd.read_csv(args.output) if args.output.lower().endswith(".csv") else None
    if table is None:
        table = pd.read_parquet(args.output)
    show(summary(plan, table, args.top))
    failed = table.loc[table["error"].notna(), "variant"].nunique()
    if failed:
        say(f"argmap: {failed} of {len(plan.items)} variants failed (see error)", err=True)
    return 1 if failed else 0


def summary(plan: Any, table: Any, top: int) -> str:
    """The design, the largest effects and the verdict flips, as plain text."""
    from argmap.scale.effects import flips, interactions, main_effects
    from argmap.scale.grid import _base_case
    from argmap.semantics.evaluate import evaluate

    grid = plan.grid
    factors = list(plan.factor_names)
    lines = [f"{grid.name}: {len(plan.items)} variants, design {grid.design}"]
    if plan.generators:
        lines.append("resolution IV generators: " + ", ".join(plan.generators))
    probability = plan.shared.samples and table["p_standard"].notna().any()
    responses = ["strength", "p_standard" if probability else "standard_met"]
    for response in responses:
        main = main_effects(table, factors, response)
        if not main.empty:
            lines += ["", f"main effects on {response} (largest {top} per claim):"]
            lines.append(_largest(main, top))
        pairs = interactions(table, factors, response)
        if not pairs.empty:
            lines += ["", f"two-way interactions on {response} (largest {top} per claim):"]
            lines.append(_largest(pairs, top))
    baseline = evaluate(_base_case(plan.shared.case_json), grid.semantics, grid.gradual)
    verdicts = {r.id: str(r.verdict) for r in baseline.claims()}
    flipped = flips(table, verdicts, [*factors, *plan.shared.parameters])
    lines += ["", "verdicts flipped from the case as it stands:"]
    lines.append(flipped.to_string(index=False) if not flipped.empty else "(none)")
    return "\n".join(lines) + "\n"


def _largest(frame: Any, top: int) -> str:
    ranked = frame.assign(size=frame["effect"].abs()).sort_values(
        ["claim", "size"], ascending=[True, False], kind="stable"
    )
    kept = ranked.groupby("claim", sort=False).head(top).drop(columns="size")
    kept = kept[kept["effect"].abs() > 1e-12]  # float noise of equal means
    return (
        kept.to_string(index=False, float_format=lambda x: f"{x:+.4f}")
        if len(kept)
        else "(all zero)"
    )
