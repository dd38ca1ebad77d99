"""``argmap schema``: print the JSON Schema of case (or scenario) files."""

from __future__ import annotations

import argparse
import json
from typing import Any

from argmap.cli._terminal import say

__all__ = ["case_schema", "register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of case files",
        description="Print the JSON Schema that case files follow (generated from the model).",
    )
    parser.set_defaults(handler=run)


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case document, as files write it (aliases)."""
    from argmap.model import Case

    return Case.model_json_schema(by_alias=True, mode="validation")


def run(args: argparse.Namespace) -> int:
    say(json.dumps(case_schema(), indent=2, ensure_ascii=False))
    return 0
