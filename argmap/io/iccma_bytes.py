"""Canonical apx and tgf files read with byte-level numpy scans.

Generated ICCMA frameworks are written in one canonical shape: ASCII, one fact per
line, no blanks, no comments (``arg(a1).`` / ``att(a1,a2).`` for apx; names, a line
``#``, then ``a1 a2`` for tgf). For a file of that shape, the line structure is
checked and the argument names are located by vectorized scans over the bytes, and
each attack's ends are matched to the declared names by a hash join on numpy arrays,
so that no Python string is made per attack. Reading 10^6 arguments and 3x10^6
attacks this way takes a fraction of the time that a dictionary lookup per name took
(see bench/README.md).

Every function here returns ``None`` for anything that is not plainly canonical
(another character set, spaces, comments, a repeated or undeclared name, a name too
long for the scan, a hash collision), and the caller reads the text with the general
readers of :mod:`argmap.io.iccma`, which accept every valid file and report every
problem with its line. So the two paths always agree; a property test checks it.

Examples
--------
>>> af = canonical_apx(b"arg(a).\\narg(b).\\natt(a,b).\\n")
>>> af.names, af.src.tolist(), af.dst.tolist()
(('a', 'b'), [0], [1])
>>> canonical_apx(b"arg(a).\\n% a comment\\n") is None
True
>>> canonical_tgf(b"a\\nb\\n#\\nb a\\n").dst.tolist()
[0]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from argmap.semantics.dung.af import AF

__all__ = ["canonical_apx", "canonical_tgf"]

Index = npt.NDArray[np.int64]

# Longer names are rare in generated files; the column scans cost one pass per byte.
_MAX_NAME = 64
# From this many attack ends on, names are matched through a hash table (pandas).
_HASH_JOIN_FROM = 1 << 18
# FNV-1a over the bytes of a name, 64-bit; collisions only send the file to the
# general reader, they never decide a match (matches are compared byte by byte).
_FNV_OFFSET = np.uint64(14695981039346656037)
_FNV_PRIME = np.uint64(1099511628211)
# Bytes no canonical file holds: blanks and other white space, CR, NUL, and the
# comment marks. ``%`` and ``#`` are comments in apx; ``#`` is the tgf separator and
# is counted there.
_NEVER = (b" ", b"\t", b"\r", b"\x00", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\x1f")


def canonical_apx(data: bytes) -> AF | None:
    """The framework of a canonical apx file, or None if ``data`` is not one.

    Canonical: ASCII, every line ``arg(NAME).`` or ``att(NAME,NAME).`` in any order,
    no blank or comment line, names without ``.``, white space or parentheses.
    """
    if not _plain(data) or b"%" in data or b"#" in data:
        return None
    buf = np.frombuffer(data, dtype=np.uint8)
    starts, ends = _lines(buf)
    if starts.size == 0 or np.any(ends - starts < 7):  # shortest line: arg(a).
        return None
    loads = _unaligned_words(buf)
    is_arg = _has(loads, starts, b"arg(")
    is_att = _has(loads, starts, b"att(")
    if not np.all(is_arg | is_att) or not np.all(_has(loads, ends - 2, b").")):
        return None
    n_lines = starts.size
    if any(data.count(c) != n_lines for c in (b"(", b")", b".")):
        return None
    commas = np.flatnonzero(buf == ord(","))
    att_lines = np.flatnonzero(is_att)
    if commas.size != att_lines.size:
        return None
    a_start, a_end = starts[att_lines] + 4, ends[att_lines] - 2
    # one comma per attack line, in order, with a name on each side
    if np.any(commas <= a_start) or np.any(commas >= a_end - 1):
        return None
    arg_lines = np.flatnonzero(is_arg)
    names_at, names_len = starts[arg_lines] + 4, ends[arg_lines] - 2 - (starts[arg_lines] + 4)
    ends_at = np.empty(2 * commas.size, dtype=np.int64)
    ends_len = np.empty(2 * commas.size, dtype=np.int64)
    ends_at[0::2], ends_len[0::2] = a_start, commas - a_start
    ends_at[1::2], ends_len[1::2] = commas + 1, a_end - commas - 1
    return _framework(loads, names_at, names_len, ends_at, ends_len)


def canonical_tgf(data: bytes) -> AF | None:
    """The framework of a canonical tgf file, or None if ``data`` is not one.

    Canonical: ASCII, one name per line, then a line ``#`` (the only ``#`` in the
    file), then one attack ``NAME NAME`` per line with a single space; no blank line.
    """
    if not data.isascii() or b"\r" in data or b"\t" in data or b"\x00" in data:
        return None
    if any(c in data for c in _NEVER[4:]) or data.count(b"#") != 1:
        return None
    if data.startswith(b"#\n") or data == b"#":
        head, tail, tail_at = b"", data[2:], 2
    else:
        cut = data.find(b"\n#\n")
        if cut < 0:
            cut = len(data) - 2 if data.endswith(b"\n#") else -1
        if cut < 0:
            return None
        head, tail, tail_at = data[: cut + 1], data[cut + 3 :], cut + 3
    if b" " in head:
        return None
    buf = np.frombuffer(data, dtype=np.uint8)
    names_at, names_end = _lines(buf[: len(head)])
    if np.any(names_end <= names_at):
        return None
    ends_at = np.empty(0, dtype=np.int64)
    ends_len = np.empty(0, dtype=np.int64)
    if tail:
        t_start, t_end = _lines(buf[tail_at:])
        spaces = np.flatnonzero(buf[tail_at:] == ord(" "))
        if spaces.size != t_start.size:
            return None
        if np.any(spaces <= t_start) or np.any(spaces >= t_end - 1):
            return None
        ends_at = np.empty(2 * spaces.size, dtype=np.int64)
        ends_len = np.empty(2 * spaces.size, dtype=np.int64)
        ends_at[0::2], ends_len[0::2] = t_start + tail_at, spaces - t_start
        ends_at[1::2], ends_len[1::2] = spaces + 1 + tail_at, t_end - spaces - 1
    loads = _unaligned_words(buf)
    return _framework(loads, names_at, names_end - names_at, ends_at, ends_len)


def _plain(data: bytes) -> bool:
    """ASCII with none of the bytes a canonical file never holds."""
    return data.isascii() and not any(c in data for c in _NEVER)


def _lines(buf: npt.NDArray[np.uint8]) -> tuple[Index, Index]:
    """Start and end offsets (end exclusive, newline excluded) of every line of
    ``buf``; a final newline does not open an empty last line."""
    breaks = np.flatnonzero(buf == ord("\n")).astype(np.int64)
    size = buf.size
    if size and (breaks.size == 0 or breaks[-1] != size - 1):
        breaks = np.append(breaks, size)  # the last line has no newline
    starts = np.empty(breaks.size, dtype=np.int64)
    if breaks.size:
        starts[0] = 0
        starts[1:] = breaks[:-1] + 1
    return starts, breaks


def _has(loads: npt.NDArray[np.uint64], at: Index, word: bytes) -> npt.NDArray[np.bool_]:
    """Whether ``word`` (at most 8 bytes) is at each offset ``at`` of the bytes behind
    ``loads`` (offsets outside them are False)."""
    inside = (at >= 0) & (at + len(word) <= loads.size - 1)
    found = loads[np.where(inside, at, 0)] & _MASKS[len(word)]
    matches: npt.NDArray[np.bool_] = found == np.uint64(int.from_bytes(word, "little"))
    return inside & matches


def _framework(
    loads: npt.NDArray[np.uint64],
    names_at: Index,
    names_len: Index,
    ends_at: Index,
    ends_len: Index,
) -> AF | None:
    """The framework over the names at ``names_at`` with attacks between the names at
    ``ends_at`` (pairs), or None if a name repeats, an end is not declared or a name is
    too long for the scan."""
    if names_len.size and (names_len.max() > _MAX_NAME or names_len.min() < 1):
        return None
    if ends_len.size and (ends_len.max() > _MAX_NAME or ends_len.min() < 1):
        return None
    chunks = -(-int(max(names_len.max(initial=1), ends_len.max(initial=1))) // 8)
    declared = _words(loads, names_at, names_len, chunks)
    wanted = _words(loads, ends_at, ends_len, chunks)
    index = _positions(_key(declared), _key(wanted))
    if index is None:
        return None  # a repeated name, an undeclared end, or a collision of keys
    # one word is the name itself; longer names were keyed by a hash, so compare them
    if chunks > 1 and not all(
        np.array_equal(d[index], w) for d, w in zip(declared, wanted, strict=True)
    ):
        return None
    return AF.from_arrays(_texts(declared), index[0::2], index[1::2])


def _positions(declared: npt.NDArray[np.uint64], wanted: npt.NDArray[np.uint64]) -> Index | None:
    """Where each wanted key is among the declared keys, or None if a declared key
    repeats or a wanted key is missing."""
    if wanted.size >= _HASH_JOIN_FROM:
        # pandas' C hash table joins 6x10^6 keys to 10^6 in a third of the time the
        # sorted join takes; importing it costs more than it saves on small files
        import pandas as pd

        table = pd.Index(_spread(declared))
        if not table.is_unique:
            return None
        found = table.get_indexer(pd.Index(_spread(wanted)))
        return None if found.size and found.min() < 0 else found.astype(np.int64)
    order = np.argsort(declared, kind="stable")
    ranked = declared[order]
    if ranked.size > 1 and np.any(ranked[1:] == ranked[:-1]):
        return None
    if wanted.size == 0:
        return np.empty(0, dtype=np.int64)
    if ranked.size == 0:
        return None
    slot = np.minimum(np.searchsorted(ranked, wanted), ranked.size - 1)
    if not np.array_equal(ranked[slot], wanted):
        return None
    return order[slot].astype(np.int64)


def _spread(keys: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The keys under a bijection of uint64 that spreads their bits: names as words
    differ mostly in their high bytes, which the hash table's integer hash mixes
    poorly (10^6 names probed 5x slower). A bijection keeps equal keys equal and
    distinct keys distinct."""
    spread = keys * np.uint64(0x9E3779B97F4A7C15)  # odd, so invertible mod 2^64
    spread ^= spread >> np.uint64(32)
    return spread


def _unaligned_words(buf: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint64]:
    """The little-endian 8-byte word starting at every byte of ``buf`` (a strided
    view over a copy padded with zeros, so that the last words can be read)."""
    padded = np.zeros(buf.size + 8, dtype=np.uint8)
    padded[: buf.size] = buf
    return np.ndarray(shape=(buf.size + 1,), dtype="<u8", buffer=padded, strides=(1,))


def _words(
    loads: npt.NDArray[np.uint64], at: Index, length: Index, chunks: int
) -> list[npt.NDArray[np.uint64]]:
    """Each name as ``chunks`` words of 8 bytes, zero past its end. No name holds a
    NUL byte, so these words are the name exactly."""
    words = []
    for c in range(chunks):
        valid = np.clip(length - 8 * c, 0, 8)
        words.append(loads[np.minimum(at + 8 * c, loads.size - 1)] & _MASKS[valid])
    return words


def _key(words: list[npt.NDArray[np.uint64]]) -> npt.NDArray[np.uint64]:
    """One sortable key per name: its word when it has one, else a 64-bit FNV-style
    mix of its words (collisions are caught by the callers)."""
    if len(words) == 1:
        return words[0]
    h = np.full(words[0].size, _FNV_OFFSET, dtype=np.uint64)
    for w in words:
        h ^= w
        h *= _FNV_PRIME
        h ^= h >> np.uint64(29)
    return h


def _texts(words: list[npt.NDArray[np.uint64]]) -> list[str]:
    """The names as strings: the words side by side read as fixed-width bytes (numpy
    drops the zero padding)."""
    if not words or words[0].size == 0:
        return []
    wide = np.stack(words, axis=1).astype("<u8")
    raw = np.ascontiguousarray(wide).view(f"S{8 * len(words)}").ravel()
    return list(raw.astype(f"U{8 * len(words)}").tolist())


_MASKS = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
