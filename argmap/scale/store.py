"""Finished rows stream to Parquet parts; an interrupted run resumes from them.

A run writing ``OUT`` (``.parquet`` or ``.csv``) keeps a sibling folder
``OUT.parts/`` while it works: a ``manifest.json`` naming the run (a fingerprint of
its inputs and settings) and Parquet part files, each written whole (temporary name,
then rename) as tasks finish, so a killed process loses at most the rows buffered for
the next part (one second's worth) and never leaves a part half-written. At the end
the parts are gathered, sorted by task number, written to ``OUT`` atomically, and the
folder is deleted. ``--resume`` reads the parts of a run with the same fingerprint
and skips the tasks they hold; without it an unfinished run's folder is an error, so
nothing is overwritten by accident.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> store = ResultStore(out, {"task": "int64", "x": "float64"}, "run-1")
>>> store.open(resume=False)
>>> store.add([{"task": 1, "x": 0.5}]); store.add([{"task": 0, "x": 1.5}])
>>> _ = store.finish()
>>> print(out.read_text().strip())
task,x
0,1.5
1,0.5
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.io.atomic import write_atomic

__all__ = ["MISSING_PYARROW", "ResultStore", "parts_folder"]

MISSING_PYARROW = "writing results needs pyarrow: install argmap's scale extra (argmap[scale])"
_FLUSH_SECONDS = 1.0
_MANIFEST = "manifest.json"


def parts_folder(output: str | os.PathLike[str]) -> Path:
    """Where the parts of a run writing ``output`` are kept until it finishes."""
    path = Path(output)
    return path.with_name(path.name + ".parts")


def _arrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ArgmapError(MISSING_PYARROW) from None
    return pyarrow


class ResultStore:
    """Rows of numbered tasks, kept in Parquet parts until :meth:`finish`.

    ``columns`` maps each column to an Arrow type name (``int64``, ``float64``,
    ``string``, ``bool``); every row has a ``task`` number. ``fingerprint`` names the
    run: a resume only continues a run with the same fingerprint.
    """

    def __init__(
        self, output: str | os.PathLike[str], columns: Mapping[str, str], fingerprint: str
    ):
        pa = _arrow()
        if "task" not in columns:
            raise ValueError("every row needs a task column")
        self.output = Path(output)
        self.folder = parts_folder(output)
        self.schema = pa.schema([(name, pa.type_for_alias(kind)) for name, kind in columns.items()])
        self.fingerprint = fingerprint
        self.done: set[int] = set()
        self.kept = 0
        self._buffer: list[dict[str, Any]] = []
        self._parts = 0
        self._flushed = time.monotonic()

    def open(self, resume: bool) -> None:
        """Start a run, or with ``resume`` continue one: read the tasks already done.

        Raises
        ------
        ArgmapError
            An unfinished run is there and ``resume`` is not given, or the parts there
            belong to a different run.
        """
        manifest = self.folder / _MANIFEST
        if self.folder.exists():
            if not resume:
                raise ArgmapError(
                    f"{self.folder}: an unfinished run's results are there; continue it "
                    "with --resume, or delete the folder to start again"
                )
            try:
                recorded = json.loads(manifest.read_text(encoding="utf-8"))["fingerprint"]
            except (OSError, ValueError, KeyError, TypeError):
                raise ArgmapError(f"{manifest}: missing or unreadable; delete the folder") from None
            if recorded != self.fingerprint:
                raise ArgmapError(
                    f"{self.folder}: holds a run with other inputs or settings; "
                    "delete the folder to start again"
                )
            self._read_done()

    def _make_folder(self) -> None:
        # made with the first part, so a run that fails before any task finished
        # leaves nothing behind

        if not self.folder.exists():
            self.folder.mkdir()
            manifest = json.dumps({"fingerprint": self.fingerprint}) + "\n"
            write_atomic(self.folder / _MANIFEST, manifest)

    def _part_paths(self) -> list[Path]:
        return sorted(self.folder.glob("part-*.parquet"))

    def _read_done(self) -> None:
        import pyarrow.parquet as pq

        paths = self._part_paths()
        for path in paths:
            tasks = pq.read_table(path, columns=["task"]).column("task").to_pylist()
            self.done.update(tasks)
            self.kept += len(tasks)
        self._parts = len(paths)

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Keep one finished task's rows; write a part when a second has passed."""
        self._buffer.extend(rows)
        self.done.update(row["task"] for row in rows)
        if time.monotonic() - self._flushed >= _FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows as one more part (whole, or not at all)."""
        self._flushed = time.monotonic()
        if not self._buffer:
            return
        import pyarrow.parquet as pq

        self._make_folder()
        table = _arrow().Table.from_pylist(self._buffer, schema=self.schema)
        sink = io.BytesIO()
        pq.write_table(table, sink)
        # the number grows past any part of an earlier, interrupted session
        while (path := self.folder / f"part-{self._parts:06d}.parquet").exists():
            self._parts += 1
        write_atomic(path, sink.getvalue())
        self._parts += 1
        self._buffer = []

    def finish(self) -> Path:
        """Gather every part into ``output`` (sorted by task), atomically; drop the parts."""
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        self.flush()
        pa = _arrow()
        paths = self._part_paths() if self.folder.exists() else []
        tables = [pq.read_table(p, schema=self.schema) for p in paths]
        table = pa.concat_tables(tables) if tables else self.schema.empty_table()
        order = pc.sort_indices(table, sort_keys=[("task", "ascending")])
        table = table.take(order)  # the sort is stable: a task's rows keep their order
        sink = io.BytesIO()
        if self.output.suffix.lower() == ".csv":
            table.to_pandas().to_csv(sink, index=False, lineterminator="\n")
        else:
            pq.write_table(table, sink)
        try:
            write_atomic(self.output, sink.getvalue())
        except OSError as exc:
            raise ArgmapError(f"{self.output}: cannot write: {exc.strerror or exc}") from None
        with contextlib.suppress(OSError):
            shutil.rmtree(self.folder)
        return self.output
