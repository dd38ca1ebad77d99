"""Checks every command makes before it writes an output: the one place for them.

Two mistakes must never cost the user a file: an output that is one of the inputs
(``argmap evaluate case.yaml -o case.yaml`` would replace the case with its own
evaluation), and an output whose folder cannot take it (missing, a regular file used
as a folder, read-only), which would otherwise surface as a traceback after all the
work was done. Both are checked before anything is computed and reported as one
:class:`~argmap.errors.ArgmapError` line naming the path (exit code 2 on the command
line).

Sameness is decided by the file system where both files exist (``os.path.samefile``:
device and inode, so symbolic and hard links to an input are caught), else by the
resolved path (an output that does not exist yet can only be an input through a
symbolic link in its folder, which resolving sees).

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> case = folder / "case.yaml"
>>> _ = case.write_text("title: x")
>>> check_output(folder / "out.csv", [case]).name
'out.csv'
>>> try:
...     check_output(case, [case])
... except ArgmapError as exc:
...     print("refused")
refused
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.io.atomic import write_atomic

__all__ = [
    "check_output",
    "check_output_folder",
    "is_inside",
    "same_file",
    "write_output",
]

PathLike = str | os.PathLike[str]


def same_file(a: PathLike, b: PathLike) -> bool:
    """Whether ``a`` and ``b`` name the same file (through symbolic and hard links).

    >>> same_file("/", "/.")
    True
    """
    try:
        return os.path.samefile(a, b)
    except OSError:
        # one of them does not exist (yet): compare where the paths lead
        return Path(a).resolve() == Path(b).resolve()


def is_inside(path: PathLike, folder: PathLike) -> bool:
    """Whether ``path`` lies (after resolving links) inside ``folder``, or is it.

    >>> is_inside("/tmp/a/b.txt", "/tmp/a")
    True
    """
    target, root = Path(path).resolve(), Path(folder).resolve()
    return target == root or root in target.parents


def _refuse_inputs(output: Path, inputs: Iterable[PathLike]) -> None:
    for item in inputs:
        if same_file(output, item):
            raise ArgmapError(
                f"{output}: the output is an input of this command ({item}); write to another file"
            )


def _check_folder(output: Path, folder: Path) -> None:
    """``folder`` must exist, be a folder and be writable, for ``output`` to go in it."""
    if not folder.exists():
        # a path through a regular file (a/b where a is a file) also lands here on POSIX
        # when stat fails with ENOTDIR; tell the two apart for the message
        for parent in (folder, *folder.parents):
            if parent.exists() and not parent.is_dir():
                raise ArgmapError(f"{output}: {str(parent)!r} is a file, not a folder")
        raise ArgmapError(f"{output}: folder {str(folder)!r} does not exist")
    if not folder.is_dir():
        raise ArgmapError(f"{output}: {str(folder)!r} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ArgmapError(f"{output}: folder {str(folder)!r} is not writable")


def check_output(output: PathLike, inputs: Iterable[PathLike] = ()) -> Path:
    """Check that ``output`` may be written: not one of ``inputs``, not a folder nor
    a device, and in an existing, writable folder. Returns the path to write: the
    file a symbolic link points at, so the link is kept and its target written.

    Raises
    ------
    ArgmapError
        One line naming the output and what is wrong.
    """
    given = Path(output)
    _refuse_inputs(given, inputs)
    # a link is written through (the rename would otherwise replace the link itself)
    target = given.resolve() if given.is_symlink() else given
    if target.is_dir():
        raise ArgmapError(f"{given}: is a folder; give a file name")
    if target.exists() and not target.is_file():
        raise ArgmapError(f"{given}: is not a regular file (a device, pipe or socket)")
    _check_folder(given, target.parent)
    return target


def check_output_folder(output: PathLike, inputs: Iterable[PathLike] = ()) -> Path:
    """Check that the folder ``output`` may be (re)written as a whole: no input is it
    or lies inside it (replacing the folder would delete that input), it is not a
    regular file, and its parent folder exists and is writable. Returns it as a Path.

    Raises
    ------
    ArgmapError
        One line naming the folder and what is wrong.
    """
    target = Path(output)
    inputs = list(inputs)
    _refuse_inputs(target, inputs)
    for item in inputs:
        if is_inside(item, target):
            raise ArgmapError(
                f"{target}: the output folder holds an input of this command ({item}); "
                "write to another folder"
            )
    if target.exists() and not target.is_dir():
        raise ArgmapError(f"{target}: is a file, not a folder")
    _check_folder(target, target.resolve().parent)
    return target


def write_output(output: PathLike, data: bytes | str, inputs: Iterable[PathLike] = ()) -> Path:
    """Check ``output`` (:func:`check_output`), then write ``data`` to it atomically;
    a failing write is one :class:`ArgmapError` line, never a traceback."""

    target = check_output(output, inputs)
    try:
        return write_atomic(target, data)
    except OSError as exc:
        raise ArgmapError(f"{target}: cannot write: {exc.strerror or exc}") from None
