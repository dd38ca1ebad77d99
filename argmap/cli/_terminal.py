"""What the command line prints goes through here: case text made safe to show.

Titles, ids, paths and messages can carry escape sequences from a case file; every
write to standard output or standard error passes through
:func:`argmap.safe_text.terminal_text`, so such a sequence is shown, never obeyed.
Files written with ``-o`` are not changed: they hold exactly what was computed.

>>> say("title\\x1b[2J")
title\\u001b[2J
"""

from __future__ import annotations

import sys

from argmap.safe_text import terminal_text

__all__ = ["say", "show"]


def show(text: str) -> None:
    """Write ``text`` as it is (no newline added) to standard output, made safe."""
    sys.stdout.write(terminal_text(text))


def say(line: object = "", *, err: bool = False) -> None:
    """Print one line (``str(line)``) to standard output, or standard error, made safe."""
    print(terminal_text(str(line)), file=sys.stderr if err else sys.stdout)
