"""Argument types shared by the commands: ``--samples`` and ``--seed``.

They apply :mod:`argmap.scenario.limits`, the rule scenario files follow, so a value
refused in a file is refused on the command line too, in the same words (argparse adds
the option's name and exits 2 with one line).

>>> seed_arg("42")
42
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["samples_arg", "seed_arg"]


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
