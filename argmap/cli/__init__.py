"""The ``argmap`` command: a thin shell that parses, calls the library and prints.

Every sub-command lives in its own module in this package and exposes
``register(subparsers)``; the modules are found here by name, so a new command is one
new file. Exit codes: 0 success, 2 bad input or usage (one line on stderr, no
traceback), 1 an internal failure (a bug).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.cli._terminal import say
from argmap.errors import ArgmapError, CaseError

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 with one line (argparse's own code, kept)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="argmap",
        description="Typed argument maps for legal and policy disputes.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    package = importlib.import_module(__name__)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also used by the console script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = args.handler(args)
    except CaseError as exc:
        for problem in exc.problems:
            say(problem, err=True)
        return 2
    except ArgmapError as exc:
        say(f"argmap: error: {exc}", err=True)
        return 2
    except KeyboardInterrupt:
        say("argmap: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
