"""Count the renderer runs (layouts) of one ``argmap report``, by view.

Every renderer run lays the map it is given out once. The script runs the report of
the worked case with its 12 scenarios in this process (the CLI's own entry point, into
a temporary folder) and counts the runs of the renderer program, grouped by the view
the DOT draws (overview, full map, issue pages, timeline), with how many distinct DOT
sources they laid out and which output formats each run wrote.

    python bench/layout_count.py                      # this checkout
    python bench/layout_count.py --before ../main     # and another checkout, side by side

``--before`` runs the script again with ``PYTHONPATH`` pointing at the other checkout
(its ``argmap`` is imported instead of this one), so both columns come from the same
counting. Counting wraps ``subprocess.run`` as ``argmap.maps.engine`` (``argmap.render.engine``
before the package was renamed) sees it, which every version of the engine starts the
renderer with.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "seeds" / "musk_v_microsoft.yaml"
SCENARIOS = ROOT / "scenarios"


def _view(source: str) -> str:
    """Which view a DOT source draws (from the caption argmap writes in it)."""
    if "Overview of " in source:
        return "overview"
    if "Timeline of dated events" in source:
        return "timeline"
    if "Issue I_" in source or ">Issue " in source:
        return "issue pages"
    return "full map"


def count() -> dict[str, Any]:
    """Run the report and return the renderer runs by view."""
    from argmap.cli import main

    try:
        import argmap.maps.engine as engine
    except ModuleNotFoundError:  # a checkout from before the package was renamed
        import argmap.render.engine as engine  # type: ignore[no-redef]

    real_run = subprocess.run
    runs: list[tuple[str, str, tuple[str, ...]]] = []

    class Counting:
        """``subprocess`` as the engine sees it, with ``run`` counted."""

        def __getattr__(self, name: str) -> Any:
            return getattr(subprocess, name)

        @staticmethod
        def run(args: list[str], *rest: Any, **kwargs: Any) -> Any:
            formats = tuple(a[2:] for a in args[1:] if a.startswith("-T"))
            if formats:  # a renderer run (fc-list, asked for the PDF font, has no -T)
                if any(a.startswith("-Gdpi") for a in args):
                    formats = tuple(f"{f}@dpi" for f in formats)
                source = kwargs["input"].decode("utf-8")
                runs.append((_view(source), source, formats))
            return real_run(args, *rest, **kwargs)

    engine.subprocess = Counting()  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as out, contextlib.redirect_stdout(io.StringIO()):
        code = main(["report", str(CASE), "--scenarios", str(SCENARIOS), "-o", out])
    if code not in (0, None):
        raise SystemExit(f"argmap report failed with exit code {code}")
    by_view: dict[str, dict[str, Any]] = {}
    for view, source, formats in runs:
        row = by_view.setdefault(view, {"runs": 0, "sources": set(), "outputs": []})
        row["runs"] += 1
        row["sources"].add(source)
        row["outputs"].append("+".join(formats))
    return {
        "total": len(runs),
        "views": {
            view: {
                "runs": row["runs"],
                "distinct_dot": len(row["sources"]),
                "outputs": dict(sorted(collections.Counter(row["outputs"]).items())),
            }
            for view, row in sorted(by_view.items())
        },
    }


def _other(checkout: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
    done = subprocess.run(
        [sys.executable, __file__, "--json"], env=env, capture_output=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _table(columns: dict[str, dict[str, Any]]) -> str:
    views = sorted({v for c in columns.values() for v in c["views"]})
    head = "| view | " + " | ".join(f"{name}: runs (DOT sources; outputs)" for name in columns)
    lines = [head + " |", "|---|" + "---|" * len(columns)]
    for view in views:
        cells = []
        for c in columns.values():
            row = c["views"].get(view)
            if row is None:
                cells.append("0")
                continue
            outputs = ", ".join(f"{n}x {f}" for f, n in row["outputs"].items())
            cells.append(f"{row['runs']} ({row['distinct_dot']}; {outputs})")
        lines.append(f"| {view} | " + " | ".join(cells) + " |")
    lines.append("| **all** | " + " | ".join(f"**{c['total']}**" for c in columns.values()) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another checkout to count as well")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args()
    if args.json:
        print(json.dumps(count()))
        return
    columns: dict[str, dict[str, Any]] = {}
    if args.before is not None:
        columns["before"] = _other(args.before)
    columns["this checkout"] = count()
    print(_table(columns))


if __name__ == "__main__":
    main()
