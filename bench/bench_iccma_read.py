"""Reading apx and tgf files: argmap's byte reader against its text reader and clingo.

Generated ICCMA frameworks (names ``a0 .. a{n-1}``, three random attacks per argument)
are written to a temporary folder in apx and tgf. Each reader runs in a fresh child
process on the file's bytes (already in memory, so the disk is not timed) and its CPU
time is measured; the best of ``--runs`` is kept. Readers:

* ``argmap`` - :func:`argmap.io.iccma.parse_af`, which takes the byte reader for
  canonical files (:mod:`argmap.io.iccma_bytes`);
* ``text`` - argmap's general text readers alone (what every file took before the
  byte reader);
* ``clingo`` - loading the apx facts into clingo and grounding them (``pip install -e
  '.[bench]'``; skipped when clingo is absent), the usual first step of ASP-based
  ICCMA solvers.

Usage::

    python bench/bench_iccma_read.py                 # 10^5 and 10^6 arguments
    python bench/bench_iccma_read.py --sizes 5       # 10^5 only
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from argmap.io import iccma
from argmap.semantics.dung import AF


def framework(n: int, seed: int = 7) -> AF:
    """``n`` arguments ``a0 ..`` and ``3 n`` uniformly random attacks."""
    rng = np.random.default_rng(seed)
    pairs = rng.integers(0, n, (3 * n, 2))
    return AF.from_arrays([f"a{i}" for i in range(n)], pairs[:, 0], pairs[:, 1])


def _argmap(data: bytes, fmt: str) -> object:
    return iccma.parse_af(data, fmt)


def _text(data: bytes, fmt: str) -> object:
    text = data.decode("utf-8")
    return iccma._parse_apx(text, None) if fmt == "apx" else iccma._parse_tgf(text, None)


def _clingo(data: bytes, fmt: str) -> object:
    import clingo

    control = clingo.Control(["--warn=none"])
    control.add("base", [], data.decode("utf-8"))
    control.ground([("base", [])])
    return control


READERS: dict[str, Callable[[bytes, str], object]] = {
    "argmap": _argmap,
    "text": _text,
    "clingo": _clingo,
}


def _child(reader: str, path: str, fmt: str, out: mp.connection.Connection) -> None:
    data = Path(path).read_bytes()
    start = time.process_time()
    READERS[reader](data, fmt)
    out.send(time.process_time() - start)


def cpu_time(reader: str, path: Path, fmt: str, runs: int) -> float:
    """Best CPU time of ``runs`` fresh processes reading ``path``."""
    best = float("inf")
    for _ in range(runs):
        receive, send = mp.Pipe(duplex=False)
        child = mp.get_context("fork").Process(target=_child, args=(reader, str(path), fmt, send))
        child.start()
        best = min(best, receive.recv())
        child.join()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 6], help="powers of ten")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    try:
        import clingo  # noqa: F401

        peers = ["argmap", "text", "clingo"]
    except ImportError:
        peers = ["argmap", "text"]
    print("| format | arguments | attacks | " + " | ".join(peers) + " | text / argmap |")
    print("|---|---:|---:|" + "---:|" * (len(peers) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        for power in args.sizes:
            af = framework(10**power)
            for fmt in ("apx", "tgf"):
                path = Path(tmp) / f"f{power}.{fmt}"
                path.write_text(iccma.write_af(af, fmt), encoding="utf-8")
                times = {
                    peer: cpu_time(peer, path, fmt, args.runs)
                    for peer in peers
                    if fmt == "apx" or peer != "clingo"
                }
                cells = [f"{times[p]:.2f} s" if p in times else "-" for p in peers]
                ratio = times["text"] / times["argmap"]
                print(
                    f"| {fmt} | 10^{power} | {af.src.size:,} | "
                    + " | ".join(cells)
                    + f" | {ratio:.1f}x |"
                )


if __name__ == "__main__":
    main()
