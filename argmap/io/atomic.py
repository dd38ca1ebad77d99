"""Write output files and folders atomically: a failed run never leaves a half-written
file, nor a folder whose files come from two different runs."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

__all__ = ["replace_folder", "write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    The rename is atomic on POSIX, so readers see either the old file or the whole new
    one. The folder must exist; it is not created (a wrong path is the user's to fix).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = write_atomic(p, "hello")
    >>> p.read_text()
    'hello'
    """
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def replace_folder(
    folder: str | os.PathLike[str],
    files: Mapping[str, bytes],
    *,
    write: Callable[[Path, bytes], object] | None = None,
) -> Path:
    """Make ``folder`` hold exactly ``files`` (name -> bytes), swapped in as a whole.

    The files are written into a temporary sibling folder (same file system, so a
    rename can move it) and flushed; only then does that folder take ``folder``'s
    place, in one atomic exchange where the system offers it (Linux ``renameat2``
    with ``RENAME_EXCHANGE``), else by two renames between which ``folder`` is
    briefly absent, never mixed. The previous folder is then deleted. A failure
    before the swap deletes the temporary folder and leaves ``folder`` as it was.
    Whether ``folder`` may be replaced is the caller's decision (see
    :mod:`argmap.report`); this function replaces whatever is there.

    ``write`` writes one file (default: plain write and fsync); tests hand in a
    failing one to check that nothing is swapped in.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> _ = replace_folder(out, {"a.txt": b"1"})
    >>> _ = replace_folder(out, {"b.txt": b"2"})
    >>> sorted(p.name for p in out.iterdir())
    ['b.txt']
    """
    target = Path(folder)
    if target.is_symlink():
        # replace the folder the link points at, and keep the link
        target = target.resolve()
    parent = target.parent
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    put = write or _write_file
    try:
        os.chmod(staging, 0o755)
        for name, data in files.items():
            put(staging / name, data)
        _fsync_folder(staging)
        if target.exists():
            _swap(staging, target)  # staging now holds the previous folder
        else:
            os.rename(staging, target)
        _fsync_folder(parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return target


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(path: Path) -> None:
    # so the new names survive a crash; some file systems cannot sync a folder
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _swap(new: Path, old: Path) -> None:
    """Exchange the folders ``new`` and ``old`` (afterwards ``new`` names the old one)."""
    if _exchange(new, old):
        return
    # no atomic exchange here: move the old folder aside, then the new one in
    aside = Path(tempfile.mkdtemp(prefix=f".{old.name}.", suffix=".old", dir=new.parent))
    os.rmdir(aside)
    os.rename(old, aside)
    try:
        os.rename(new, old)
    except BaseException:
        os.rename(aside, old)
        raise
    os.rename(aside, new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap ``a`` and ``b`` atomically with Linux's renameat2; False where unsupported."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot
        return False
    raise OSError(errno, os.strerror(errno), str(b))
