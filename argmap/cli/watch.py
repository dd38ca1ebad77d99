"""``argmap watch CASE [--scenarios DIR] -o OUT.html [--port N]``: a live preview.

Renders the interactive brief (:mod:`argmap.html`), serves it on
``http://127.0.0.1:PORT/`` and, on every save of the case or a scenario file,
re-validates and re-renders: the open page reloads by itself. A case that does not
validate shows its problems (``file:line: path: message``) in the page instead of a
stale map, and OUT.html keeps the last good page. Each render prints its time.
Stop with Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from argmap.cli._terminal import say
from argmap.cli.html import add_page_options, load_inputs

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "watch",
        help="serve the interactive brief and re-render it on every save",
        description=(
            "Render CASE as the interactive brief, serve it on 127.0.0.1 and re-validate "
            "and re-render on every save of CASE or a scenario file; the page reloads by "
            "itself and shows validation errors with file:line."
        ),
    )
    add_page_options(parser)
    parser.add_argument(
        "--port", type=int, default=8000, metavar="N", help="port on 127.0.0.1 (default 8000)"
    )
    parser.set_defaults(handler=run)


def _render(args: argparse.Namespace, page: Any) -> None:
    """Validate and render once: the page and OUT.html on success, the error page else."""
    from argmap.errors import ArgmapError, CaseError
    from argmap.html import build_html
    from argmap.html.serve import error_page
    from argmap.io.atomic import write_atomic

    start = time.perf_counter()
    try:
        case, scenarios = load_inputs(args)
        text = build_html(
            case,
            scenarios,
            sources_dir=args.sources,
            semantics=args.semantics,
            gradual=args.gradual,
            theme=args.theme,
            # the slow parts, kept for `argmap html`: re-render fast on every save
            with_strength=False,
            with_timeline=False,
        )
    except CaseError as exc:
        lines = [str(p) for p in exc.problems]
        page.show(error_page(str(args.case), lines))
        for line in lines:
            say(line, err=True)
        return
    except ArgmapError as exc:
        page.show(error_page(str(args.case), [str(exc)]))
        say(f"argmap: error: {exc}", err=True)
        return
    write_atomic(Path(args.output), text.encode("utf-8"))
    page.show(text)
    say(f"argmap: rendered {args.output} in {time.perf_counter() - start:.2f} s")


def run(args: argparse.Namespace) -> int:
    from watchfiles import watch

    from argmap.cli.report import scenario_files
    from argmap.errors import ArgmapError
    from argmap.html.serve import LivePage, serve
    from argmap.io.outputs import check_output

    check_output(args.output, [args.case])
    case_path = Path(args.case).resolve()
    folders = {case_path.parent}
    scenario_dirs = {Path(s).resolve() for s in args.scenarios if Path(s).is_dir()}
    folders |= scenario_dirs
    folders |= {p.resolve().parent for p in scenario_files(args.scenarios)}

    def relevant(_change: Any, name: str) -> bool:
        path = Path(name).resolve()
        if path == case_path:
            return True
        in_scenarios = path.parent in scenario_dirs or path in {
            p.resolve() for p in scenario_files([s for s in args.scenarios if Path(s).is_file()])
        }
        return in_scenarios and path.suffix in {".yaml", ".yml"}

    page = LivePage()
    _render(args, page)
    try:
        server = serve(page, args.port)
    except OSError as exc:
        raise ArgmapError(
            f"--port {args.port}: cannot serve on 127.0.0.1 ({exc.strerror})"
        ) from None
    say(f"argmap: serving http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")
    sys.stdout.flush()
    try:
        for _ in watch(*sorted(folders), watch_filter=relevant, debounce=100, step=20):
            _render(args, page)
            sys.stdout.flush()
    finally:
        server.shutdown()
    return 0
