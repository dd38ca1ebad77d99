"""Argument types shared by the commands: ``--samples``, ``--seed`` and ``--as-of``.

They apply :mod:`argmap.scenario.limits`, the rule scenario files follow, so a value
refused in a file is refused on the command line too, in the same words (argparse adds
the option's name and exits 2 with one line).

>>> seed_arg("42")
42
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

__all__ = ["add_as_of", "as_of_arg", "samples_arg", "seed_arg"]


def _checked(text: str, check: Callable[[object], int]) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number (got {text!r})") from None
    try:
        return check(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def samples_arg(text: str) -> int:
    """``--samples N``: a sample count within :data:`~argmap.scenario.limits.MAX_SAMPLES`."""
    from argmap.scenario.limits import check_samples

    return _checked(text, check_samples)


def seed_arg(text: str) -> int:
    """``--seed S``: a seed from 0 to :data:`~argmap.scenario.limits.MAX_SEED`."""
    from argmap.scenario.limits import check_seed

    return _checked(text, check_seed)


def as_of_arg(text: str) -> dt.date:
    """``--as-of DATE``: a calendar date written ``YYYY-MM-DD``.

    >>> as_of_arg("2023-04-30")
    datetime.date(2023, 4, 30)
    """
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date YYYY-MM-DD (got {text!r})") from None


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """Add ``--as-of DATE`` (:mod:`argmap.model.as_of`) to ``parser``."""
    parser.add_argument(
        "--as-of",
        type=as_of_arg,
        metavar="DATE",
        help="read the case with only what was known on DATE (YYYY-MM-DD), each "
        "precedent as it stood then (default: the case's own as_of)",
    )
