"""Abstract argumentation frameworks in the ICCMA file formats.

Three formats, chosen by file extension (or by content when the extension says
nothing):

* ``af`` (``.af``, ``.i23``) - the ICCMA 2023 numeric format: a header ``p af N`` then
  one attack ``i j`` per line, arguments numbered ``1 .. N``; lines starting with ``#``
  are comments (anywhere, also before the header).
* ``apx`` (``.apx``) - the ASPARTIX facts ``arg(a).`` and ``att(a,b).``; names are
  plain names whatever their case (``arg(A).`` declares an argument called ``A``, not
  a variable); lines starting with ``%`` or ``#`` are comments.
* ``tgf`` (``.tgf``) - trivial graph format: one argument name per line, a line
  holding ``#``, then one attack ``a b`` per line.

Every problem is reported as a :class:`~argmap.errors.CaseError` naming the file and
line: a missing or malformed header, an attack on an argument that is not declared or
out of range, a duplicate declaration, or a line that is none of the above.

The numeric format is parsed with vectorized byte scans (:mod:`.iccma_numeric`), so a
file with millions of attacks loads in well under a second per million lines. Its
header may not ask for more arguments than memory allows (:func:`max_arguments`): a
16-byte file saying ``p af 100000000`` is refused at once instead of allocating
gigabytes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

from argmap.errors import CaseError, Problem
from argmap.io.iccma_bytes import canonical_apx, canonical_tgf
from argmap.io.iccma_numeric import BodyError, read_pairs
from argmap.semantics.dung.af import AF

__all__ = [
    "FORMATS",
    "comment_names",
    "format_of",
    "max_arguments",
    "parse_af",
    "read_af",
    "write_af",
]

FORMATS = ("af", "apx", "tgf")
_SUFFIX = {".af": "af", ".i23": "af", ".apx": "apx", ".tgf": "tgf"}
_MAX_BYTES = 2 * 1024**3
# Arguments are int32 indices.
_MAX_INDEX = 2**31 - 1
# Memory that solving takes per argument of a framework without attacks: ``argmap
# solve -p SE-GR`` on ``p af 10000000`` peaks at 235 MB resident, about 24 bytes per
# argument; 64 leaves room for the other tasks' temporaries.
_BYTES_PER_ARGUMENT = 64

_HEADER = re.compile(rb"p[ \t]+af[ \t]+(\d+)[ \t]*\r?")
_NAME = r"([^\s(),.%#]+(?:\.[^\s(),.%#]+)*)"
_ARG = re.compile(rf"arg\(\s*{_NAME}\s*\)\s*\.")
_ATT = re.compile(rf"att\(\s*{_NAME}\s*,\s*{_NAME}\s*\)\s*\.")
_PLAIN = re.compile(r"[^\s]+")
# Whole-text forms of the same lines for the fast path (blanks are spaces and tabs only;
# a file with other white space takes the line-by-line path).
_ARG_LINE = re.compile(rf"(?m)^[ \t]*arg\([ \t]*{_NAME}[ \t]*\)[ \t]*\.[ \t]*$")
_ATT_LINE = re.compile(rf"(?m)^[ \t]*att\([ \t]*{_NAME}[ \t]*,[ \t]*{_NAME}[ \t]*\)[ \t]*\.[ \t]*$")
_QUIET_LINE = re.compile(r"(?m)^[ \t]*(?:[%#][^\n]*)?$")
_TGF_SEPARATOR = re.compile(r"(?m)^[ \t]*#[ \t]*$")
_ODD_BREAK = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# whitespace other than space, tab and newline (a no-break space, say): str.split()
# separates on it, the fast paths' patterns do not, so such texts go line by line
_ODD_SPACE = re.compile(r"[^\S \t\n]")
_COMMENT = re.compile(rb"(?m)^[ \t\r]*#[^\n]*")


def _fail(message: str, file: str | None, line: int | None) -> CaseError:
    return CaseError(Problem("", message, file, line))


def format_of(path: str | os.PathLike[str], head: bytes = b"") -> str:
    """The format of ``path``: from its suffix, else sniffed from its first bytes."""
    fmt = _SUFFIX.get(Path(path).suffix.lower())
    if fmt is not None:
        return fmt
    for raw in head.splitlines():
        line = raw.strip()
        if not line or line.startswith((b"#", b"%")):
            continue
        if line.startswith(b"p "):
            return "af"
        if line.startswith((b"arg(", b"att(")):
            return "apx"
        return "tgf"
    return "af"


def read_af(path: str | os.PathLike[str], fmt: str | None = None) -> AF:
    """Read a framework from an ICCMA file (format from ``fmt`` or the file).

    Raises
    ------
    CaseError
        If the file cannot be read or is malformed (with file and line).
    """
    name = str(path)
    p = Path(path)
    try:
        if not p.is_file():
            raise _fail("no such file" if not p.exists() else "not a regular file", name, None)
        if p.stat().st_size > _MAX_BYTES:
            raise _fail(f"file is larger than {_MAX_BYTES // 1024**3} GiB", name, None)
        data = p.read_bytes()
    except PermissionError:
        raise _fail("permission denied", name, None) from None
    return _parse(data, fmt or format_of(p, data[:4096]), name)


def parse_af(text: str | bytes, fmt: str, file: str | None = None) -> AF:
    """Parse a framework from the text of an ICCMA file in format ``fmt``.

    Examples
    --------
    >>> af = parse_af("p af 3\\n# a comment\\n1 2\\n2 3\\n", "af")
    >>> af.names, af.src.tolist(), af.dst.tolist()
    (('1', '2', '3'), [0, 1], [1, 2])
    >>> parse_af("arg(a).\\narg(B).\\natt(a,B).\\n", "apx").names
    ('a', 'B')
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    return _parse(data, fmt, file)


def _parse(data: bytes, fmt: str, file: str | None) -> AF:
    if not data.strip():  # as every reader says, rather than an empty framework
        raise _fail("the file is empty", file, 1)
    if fmt == "af":
        return _parse_numeric(data, file)
    if fmt not in FORMATS:
        raise _fail(f"unknown ICCMA format {fmt!r}; choose one of {', '.join(FORMATS)}", file, None)
    # generated files are canonical: read them from the bytes, with no string per name
    canonical = canonical_apx(data) if fmt == "apx" else canonical_tgf(data)
    if canonical is not None:
        return canonical
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _fail("not UTF-8 text", file, line) from None
    return _parse_apx(text, file) if fmt == "apx" else _parse_tgf(text, file)


def _parse_numeric(data: bytes, file: str | None) -> AF:
    """The ``p af N`` format; the body is checked and read with byte-level numpy scans."""
    pos, line_no, n = 0, 0, None
    while pos < len(data):
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        raw = data[pos:end].strip()
        line_no += 1
        pos = end + 1
        if not raw or raw.startswith(b"#"):
            continue
        match = _HEADER.fullmatch(raw)
        if match is None:
            raise _fail(f"expected the header 'p af N', found {_show(raw)}", file, line_no)
        n = _argument_count(match.group(1), file, line_no)
        break
    if n is None:
        raise _fail("no 'p af N' header", file, line_no or None)
    body = data[pos:]
    if b"#" in body:
        # blank comment lines in place, so that line numbers stay right
        body = _COMMENT.sub(lambda m: b" " * len(m.group(0)), body)
    try:
        src, dst = read_pairs(body)
        malformed = None
    except BodyError as exc:
        # the lines before the malformed one are well formed; one of them may still
        # name an argument out of range, and the first problem is the one to report
        malformed = body.count(b"\n", 0, exc.offset)
        src, dst = read_pairs(body[: body.rfind(b"\n", 0, exc.offset) + 1])
    out = (src < 1) | (src > n) | (dst < 1) | (dst > n)
    if out.any():
        row = int(np.argmax(out))
        k = _line_of_attack(body, row)
        bad_arg = _show(_line(body, k).split()[1 if 1 <= src[row] <= n else 0])
        raise _fail(
            f"attack on argument {bad_arg[1:-1]}, which is not in 1..{n} (header 'p af {n}')",
            file,
            line_no + 1 + k,
        )
    if malformed is not None:
        found = _show(_line(body, malformed))
        raise _fail(f"expected an attack 'i j', found {found}", file, line_no + 1 + malformed)
    src -= 1
    dst -= 1
    return AF.from_arrays(n, src, dst)


def _argument_count(digits: bytes, file: str | None, line: int) -> int:
    """``N`` from the header, refused if the framework could not fit in memory."""
    limit = max_arguments()
    if len(digits) > len(str(limit)) or int(digits) > limit:
        shown = digits.decode() if len(digits) <= 24 else digits[:20].decode() + "..."
        raise _fail(
            f"header 'p af N': N = {shown} arguments is more than argmap can hold here "
            f"(at most {limit:,}: {_BYTES_PER_ARGUMENT} bytes each, within "
            f"{'the available memory' if limit < _MAX_INDEX else 'int32 indices'})",
            file,
            line,
        )
    return int(digits)


def max_arguments() -> int:
    """The largest ``N`` a ``p af N`` header may ask for on this machine.

    Arguments are numbered with int32 indices, so never more than 2^31 - 1; and solving
    needs about :data:`_BYTES_PER_ARGUMENT` bytes per argument even without attacks
    (the CSR row pointers, the grounded labelling and its counters, the printed
    answer), so no more than the memory available now allows. Where the available
    memory cannot be read, only the index bound applies.

    Examples
    --------
    >>> 1 <= max_arguments() <= 2**31 - 1
    True
    """
    available = _available_memory()
    if available is None:
        return _MAX_INDEX
    return max(1, min(_MAX_INDEX, available // _BYTES_PER_ARGUMENT))


def _available_memory() -> int | None:
    """Bytes of memory available to a new process, if known.

    Linux's ``MemAvailable`` (else the free physical pages), and no more than what is
    left under this process's cgroup v2 memory limit, if it has one: in a container
    the limit, not the machine, decides when the process is killed.
    """
    available: int | None = None
    try:
        with open("/proc/meminfo", "rb") as meminfo:
            for raw in meminfo:
                if raw.startswith(b"MemAvailable:"):
                    available = int(raw.split()[1]) * 1024
                    break
    except (OSError, ValueError, IndexError):
        pass
    if available is None:
        try:
            available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, AttributeError):
            return None
    left = _cgroup_memory_left()
    return available if left is None else min(available, left)


def _cgroup_memory_left() -> int | None:
    """Bytes left under the cgroup v2 ``memory.max`` of this process (None: no limit)."""
    try:
        base = Path("/sys/fs/cgroup")
        with open("/proc/self/cgroup", encoding="ascii") as groups:
            paths = [line.split(":", 2)[2].strip() for line in groups if line.startswith("0::")]
        if not paths:
            return None
        group = base / paths[0].lstrip("/")
        limit = (group / "memory.max").read_text().strip()
        if limit == "max":
            return None
        return max(0, int(limit) - int((group / "memory.current").read_text()))
    except (OSError, ValueError, IndexError):
        return None


def _line_of_attack(body: bytes, row: int) -> int:
    """The 0-based line (within ``body``) of attack number ``row``."""
    for k, raw in enumerate(body.split(b"\n")):
        if raw.strip():
            if row == 0:
                return k
            row -= 1
    raise AssertionError("every attack is on a line")  # pragma: no cover


_HEADER_AT = re.compile(rb"(?m)^[ \t]*p[ \t]+af[ \t]+\d+")


def comment_names(data: bytes, n: int) -> tuple[tuple[str, ...] | None, str | None]:
    """Argument names that a numeric ``af`` file gives in comments, and a note.

    Benchmark generators write one comment line ``# name`` per argument after the
    header, the k-th naming argument k (``# a1`` ... in the ICCMA 2023 instances).
    When the comments after the header are exactly ``n`` single words, all different,
    they are those names; otherwise the names stay ``1 .. n``, and if some comments
    look like names the note says why they were not used. :func:`parse_af` itself
    keeps the numbers, which is what an ICCMA solver must print.

    >>> comment_names(b"p af 2\\n# a\\n# b\\n1 2\\n", 2)
    (('a', 'b'), None)
    >>> comment_names(b"p af 2\\n# a comment\\n1 2\\n", 2)
    (None, None)
    """
    header = _HEADER_AT.search(data)
    if header is None:
        return None, None
    comments = [m.group(0).strip()[1:].split() for m in _COMMENT.finditer(data, header.end())]
    words = [c[0].decode("utf-8", "replace") for c in comments if len(c) == 1]
    if not words:
        return None, None
    if len(words) == len(comments) == n and len(set(words)) == n:
        return tuple(words), None
    note = (
        f"{len(words)} comment lines look like argument names (# name) but do not name "
        f"each of the {n} arguments once: the arguments keep their numbers 1..{n}"
    )
    return None, note


def _line(body: bytes, k: int) -> bytes:
    return body.split(b"\n", k + 1)[k]


def _show(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _declare(names: dict[str, int], name: str, file: str | None, line: int) -> None:
    if name in names:
        raise _fail(f"argument {name!r} declared twice (first on line {names[name]})", file, line)
    names[name] = line


def _attacks(names: dict[str, int], pending: list[tuple[str, str, int]], file: str | None) -> AF:
    order = list(names)
    index = {name: i for i, name in enumerate(order)}
    src: list[int] = []
    dst: list[int] = []
    for a, b, line in pending:
        for end in (a, b):
            if end not in index:
                raise _fail(f"attack on undeclared argument {end!r}", file, line)
        src.append(index[a])
        dst.append(index[b])
    return AF.from_arrays(order, src, dst)


def _parse_apx(text: str, file: str | None) -> AF:
    fast = _apx_fast(text)
    return fast if fast is not None else _parse_apx_lines(text, file)


def _parse_tgf(text: str, file: str | None) -> AF:
    fast = _tgf_fast(text)
    return fast if fast is not None else _parse_tgf_lines(text, file)


def _plain_lines(text: str) -> str | None:
    """``text`` with CRLF turned to LF, or None if it has any other line break that
    ``str.splitlines`` knows, or whitespace other than space and tab (those files
    take the line-by-line path)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return None if _ODD_BREAK.search(text) or _ODD_SPACE.search(text) else text


def _apx_fast(text: str) -> AF | None:
    """The framework of a well-formed apx text, read by whole-text regex scans.

    Returns None when any line is not a plain ``arg``, ``att``, comment or blank line
    (or names repeat or are undeclared): the line-by-line reader then finds and
    reports the problem, so both always agree.
    """
    plain = _plain_lines(text)
    if plain is None:
        return None
    names = _ARG_LINE.findall(plain)
    pairs = _ATT_LINE.findall(plain)
    others = len(_QUIET_LINE.findall(plain))
    if len(names) + len(pairs) + others != plain.count("\n") + 1:
        return None
    return _indexed(names, [name for pair in pairs for name in pair])


def _tgf_fast(text: str) -> AF | None:
    """The framework of a well-formed tgf text, read with ``str.split`` (None if the
    text needs the line-by-line reader: see :func:`_apx_fast`)."""
    plain = _plain_lines(text)
    if plain is None:
        return None
    parts = _TGF_SEPARATOR.split(plain)
    if len(parts) > 2:
        return None
    head = parts[0].split("\n")
    names = [line.strip() for line in head if line.strip()]
    if any(len(line.split()) != 1 for line in names):
        return None
    ends: list[str] = []
    if len(parts) == 2:
        for line in parts[1].split("\n"):
            pair = line.split()
            if len(pair) == 2:
                ends += pair
            elif pair:
                return None
    return _indexed(names, ends)


def _indexed(names: list[str], ends: list[str]) -> AF | None:
    """The framework over ``names`` with attacks ``ends[0] -> ends[1]``, ... (None if a
    name repeats or an end is not declared)."""
    index = {name: i for i, name in enumerate(names)}
    if len(index) != len(names):
        return None
    try:
        flat = np.fromiter(map(index.__getitem__, ends), dtype=np.int64, count=len(ends))
    except KeyError:
        return None
    return AF.from_arrays(names, flat[0::2], flat[1::2])


def _parse_apx_lines(text: str, file: str | None) -> AF:
    names: dict[str, int] = {}
    pending: list[tuple[str, str, int]] = []
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("%", "#")):
            continue
        if (m := _ARG.fullmatch(line)) is not None:
            _declare(names, m.group(1), file, line_no)
        elif (m := _ATT.fullmatch(line)) is not None:
            pending.append((m.group(1), m.group(2), line_no))
        else:
            raise _fail(f"expected 'arg(a).' or 'att(a,b).', found {_show(line)}", file, line_no)
    return _attacks(names, pending, file)


def _parse_tgf_lines(text: str, file: str | None) -> AF:
    names: dict[str, int] = {}
    pending: list[tuple[str, str, int]] = []
    in_edges = False
    for line_no, raw in enumerate(text.splitlines(), start=1):
        parts = raw.split()
        if not parts:
            continue
        if parts == ["#"]:
            if in_edges:
                raise _fail("a second '#' separator", file, line_no)
            in_edges = True
        elif not in_edges and len(parts) == 1:
            _declare(names, parts[0], file, line_no)
        elif in_edges and len(parts) == 2:
            pending.append((parts[0], parts[1], line_no))
        else:
            what = "an attack 'a b'" if in_edges else "one argument name"
            raise _fail(f"expected {what}, found {_show(raw)}", file, line_no)
    return _attacks(names, pending, file)


def write_af(af: AF, fmt: str) -> str:
    """The text of ``af`` in ICCMA format ``fmt`` (``af``, ``apx`` or ``tgf``).

    The numeric format numbers arguments ``1 .. n`` in index order and keeps names
    that are single words as one ``# name`` comment line each after the header (see
    :func:`comment_names`). Names that apx or tgf cannot hold raise :class:`CaseError`.
    """
    pairs = zip(af.src.tolist(), af.dst.tolist(), strict=True)
    if fmt == "af":
        lines = [f"p af {af.n}"]
        if names_fit_comments(af.names):  # read back by comment_names
            lines += [f"# {name}" for name in af.names]
        lines += [f"{a + 1} {b + 1}" for a, b in pairs]
        return "\n".join(lines) + "\n"
    if fmt not in FORMATS:
        raise _fail(f"unknown ICCMA format {fmt!r}; choose one of {', '.join(FORMATS)}", None, None)
    pattern = re.compile(_NAME) if fmt == "apx" else _PLAIN
    for i, name in enumerate(af.names):
        if not pattern.fullmatch(name) or name == "#":
            raise CaseError(Problem(f"names[{i}]", f"{name!r} cannot be written as {fmt}"))
    names = af.names
    if fmt == "apx" and af.n == 0:
        return "% no arguments\n"  # an empty file is refused on reading
    if fmt == "apx":
        lines = [f"arg({name})." for name in names]
        lines += [f"att({names[a]},{names[b]})." for a, b in pairs]
    else:
        lines = [*names, "#"]
        lines += [f"{names[a]} {names[b]}" for a, b in pairs]
    return "\n".join(lines) + "\n"


def names_fit_comments(names: tuple[str, ...]) -> bool:
    """Whether ``write_af`` keeps ``names`` as ``# name`` comments: they are not just
    ``1 .. n`` and each is one word (different from the others)."""
    if names == tuple(str(i + 1) for i in range(len(names))):
        return False
    return len(set(names)) == len(names) and all(_PLAIN.fullmatch(n) for n in names)
