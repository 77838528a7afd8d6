"""Writing the claims table: CSV, TSV, JSONL, Parquet, xlsx or SQLite, streamed and atomic.

Usage::

    fmt = check_output(out, args.format, stdout_isatty=sys.stdout.isatty())  # before any work
    with open_table_writer(out, fmt) as writer:
        for batch in batches:
            writer.write(batch)                        # rows go to disk now
    # the output exists (complete) only once the with block has exited normally

Columns, order and types come from :mod:`claimex.schema`; every record is
passed through :func:`claimex.schema.conform`.

Formats (each module says more):

* ``csv`` (RFC 4180) and ``tsv`` (one row per line, ``\\t``/``\\n``/``\\\\``
  escaped): :mod:`claimex.io.delimited`; spreadsheet-safe by default (the
  formula guard; ``formula_guard=False`` writes text byte for byte), a
  UTF-8 BOM first with ``excel=True``.
* ``jsonl``: one JSON object per line, UTF-8 (``ensure_ascii=False``), keys
  in the schema's order, numbers as numbers, lists as arrays, dates as ISO
  text or ``null``.  An empty result is an empty file.
* ``parquet``: :data:`claimex.schema.ARROW_SCHEMA`, one row group per batch
  of at most :data:`BATCH_ROWS` rows (each ``write()`` call starts a new
  batch).  An empty result is a file with the schema and no row groups.
* ``xlsx``: an Excel workbook, :mod:`claimex.io.xlsx`.
* ``sqlite``: a database with a ``claims`` table, indexes and a full-text
  index, :mod:`claimex.io.sqlite`; a file only, never stdout.

Limits: text must be valid Unicode (no lone surrogates), else ``write()``
raises and the output is left as it was.  The output is atomic against
exceptions and Ctrl-C, not against ``kill -9``/power loss before the final
rename (a hidden ``.NAME.*.tmp`` file may then be left next to the output).
A symlink at the output path is replaced by the new file, not followed.

**Directory output** (partitioned Parquet): an output ending in ``/``
(``-o out/claims/``), or ``open_table_writer(..., partition_rows=N)``, is a
directory of ``part-00000.parquet``, ``part-00001.parquet``, ... each of at
most ``partition_rows`` rows (default :data:`PART_ROWS`), all with
:data:`claimex.schema.ARROW_SCHEMA`, in input order: the zero-padded names
sort, so ``pandas.read_parquet(DIR)`` and ``pyarrow.dataset`` read the
table back in order.  Only Parquet, never stdout.  Parts are
written, one at a time, into a hidden ``.NAME.XXXXXXXX.tmp`` directory
beside the target, which takes the target's place only when the block exits
normally (an atomic swap via Linux ``renameat2``; elsewhere two renames,
undone on an exception).  An existing target is replaced only if it holds nothing but
part files (or is empty, or a symlink, which is replaced, not followed).
Zero rows give one empty part with the schema.  Limits: at most
:data:`MAX_PARTS` parts (names would stop sorting beyond); ``kill -9``
leaves a hidden directory that :func:`tidy_dataset_leftovers` removes (or
moves back, if it holds the previous output and the target is missing).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import re
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Literal, Protocol, cast

import pyarrow as pa
import pyarrow.parquet as pq

from claimex.errors import UsageError
from claimex.io.delimited import DelimitedEncoder
from claimex.schema import ARROW_SCHEMA, conform, to_json

from .atomic import fsync_dir, new_file_mode
from .output_choice import (
    BINARY_FORMATS,
    EXTENSIONS,
    FILE_ONLY_FORMATS,
    FORMAT_CHOICES,
    FORMATS,
    PART_FILE,
    TEXT_FORMATS,
    check_output,
    check_table_options,
    dataset_problem,
    foreign_entry,
    is_dataset_output,
    resolve_format,
)

#: Rows encoded at a time; bounds memory and is the largest Parquet row group.
BATCH_ROWS = 10_000

#: Rows per part file of a directory output (``--partition-rows``'s default).
PART_ROWS = 100_000

#: Part files a directory output may hold: their 5-digit names sort in input order up to here.
MAX_PARTS = 100_000

_PART_NAME = "part-{:05d}.parquet"
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


class _WriteAll:
    """A binary stream whose ``write`` writes everything it is given or raises.

    ``BufferedWriter.write`` returns a short count, raising nothing, when a large write stops part way
    (the reader of a pipe went away, the disk filled up): the rest would be lost without an error.
    Anything else is the wrapped stream's.
    """

    def __init__(self, target: BinaryIO):
        self.target = target

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            written = self.target.write(view)
            if not written:
                raise OSError(errno.EIO, "the output took no more bytes")
            view = view[written:]
        return size

    def __getattr__(self, name: str):
        return getattr(self.target, name)


class _Gate(_WriteAll):
    """Stdout, which can be shut so that an aborted write sends nothing more."""

    def __init__(self, target: BinaryIO):
        super().__init__(target)
        self.shut = False
        self.closed = False

    def write(self, data) -> int:
        if self.shut:
            return len(memoryview(data).cast("B"))
        return super().write(data)

    def flush(self) -> None:
        if not self.shut:
            self.target.flush()

    def seekable(self) -> bool:
        return False


def _write_all(target: BinaryIO) -> BinaryIO:
    """``target`` behind :class:`_WriteAll`, which is a binary stream (its own ``write``, the rest ``target``'s)."""
    return cast(BinaryIO, _WriteAll(target))


class _Encoder(Protocol):
    """Encodes batches of conformed rows in one format (an encoder may also have ``abort``)."""

    def write(self, rows: list[dict]) -> None: ...

    def close(self) -> None: ...


class JsonlEncoder:
    """One JSON object per row and line (see :func:`claimex.schema.to_json`)."""

    def __init__(self, sink: BinaryIO):
        self._sink = sink

    def write(self, rows: list[dict]) -> None:
        self._sink.write("".join(json.dumps(to_json(row), ensure_ascii=False) + "\n" for row in rows).encode("utf-8"))
        self._sink.flush()  # each batch reaches the OS (or the pipe) now

    def close(self) -> None:
        """Nothing to finish: every line is complete."""


class ParquetEncoder:
    """Rows as Parquet with :data:`claimex.schema.ARROW_SCHEMA`, one row group per batch."""

    def __init__(self, sink: BinaryIO):
        self._writer = pq.ParquetWriter(sink, ARROW_SCHEMA)

    def write(self, rows: list[dict]) -> None:
        self._writer.write_table(pa.Table.from_pylist(rows, schema=ARROW_SCHEMA), row_group_size=len(rows))

    def close(self) -> None:
        self._writer.close()  # the footer: the file is readable from here on


class TableWriter:
    """Streams claims rows to one output; use through :func:`open_table_writer`.

    Nothing is opened until the ``with`` block is entered.  ``rows`` counts
    rows written so far; ``format`` and ``path`` (``None`` for stdout) say
    where they go.
    """

    def __init__(
        self,
        out: str | Path,
        fmt: str,
        *,
        excel: bool = False,
        formula_guard: bool = True,
        stdout: BinaryIO | None = None,
    ):
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}: use --format {FORMAT_CHOICES}")
        check_table_options(str(out), fmt, excel=excel, formula_guard=formula_guard, partition_rows=None)
        if str(out) == "-" and fmt in FILE_ONLY_FORMATS:
            raise UsageError(f"a {fmt} database is written to a file, not stdout: use -o FILE.db")
        self.format = fmt
        self.excel = excel
        self.formula_guard = formula_guard
        self.path: Path | None = None if str(out) == "-" else Path(out)
        self.rows = 0
        self._stdout = stdout
        self._state = "new"
        self._tmp: str | None = None
        self._fh: BinaryIO | None = None
        self._sink: BinaryIO | None = None
        self._encoder: _Encoder | None = None

    # -- context manager -------------------------------------------------
    def __enter__(self) -> TableWriter:
        if self._state != "new":
            raise RuntimeError("a TableWriter can be entered only once")
        try:
            self._open()
        except BaseException:
            self._discard()
            raise
        self._state = "open"
        return self

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        if exc_type is None:
            self._commit()
        else:
            self._discard()
        return False

    # -- public ----------------------------------------------------------
    def write(self, records: Iterable[dict]) -> int:
        """Write ``records`` (conformed to the schema); return how many.

        Rows are encoded and written in batches of at most
        :data:`BATCH_ROWS`, so ``records`` may be a long generator.
        """
        if self._state != "open":
            raise RuntimeError("TableWriter.write() outside its with block")
        count = 0
        batch: list[dict] = []
        for record in records:
            batch.append(conform(record))
            if len(batch) >= BATCH_ROWS:
                count += self._write_batch(batch)
                batch = []
        if batch:
            count += self._write_batch(batch)
        return count

    # -- internals -------------------------------------------------------
    def _open(self) -> None:
        if self.path is None:
            self._sink = cast(BinaryIO, _Gate(self._stdout if self._stdout is not None else sys.stdout.buffer))
        else:
            if self.path.is_dir():
                raise UsageError(f"output {str(self.path)!r} is a directory: give a file name")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            self._fh = os.fdopen(fd, "wb")
            self._sink = _write_all(self._fh)
        self._encoder = self._new_encoder(self._sink)

    def _new_encoder(self, sink: BinaryIO) -> _Encoder:
        if self.format in TEXT_FORMATS:
            return DelimitedEncoder(sink, self.format, guard=self.formula_guard, bom=self.excel)
        if self.format == "jsonl":
            return JsonlEncoder(sink)
        if self.format == "parquet":
            return ParquetEncoder(sink)
        if self.format == "xlsx":
            from claimex.io.xlsx import XlsxEncoder

            return XlsxEncoder(sink)
        from claimex.io.sqlite import SqliteEncoder

        assert self._fh is not None and self._tmp is not None  # a file: SQLite is refused on stdout
        self._fh.close()  # the database is built in the temporary file by name
        self._fh = None
        return SqliteEncoder(self._tmp)

    def _write_batch(self, rows: list[dict]) -> int:
        assert self._encoder is not None  # opened in __enter__
        self._encoder.write(rows)
        self.rows += len(rows)
        return len(rows)

    def _close_file(self) -> None:
        """Finish the encoder, then flush, fsync and close the open file (if any)."""
        if self._encoder is not None:
            encoder, self._encoder = self._encoder, None
            encoder.close()
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
        elif self._tmp is not None:  # written by name (SQLite): make it durable too
            _fsync_file(self._tmp)

    def _commit(self) -> None:
        try:
            self._close_file()
            if self.path is None:
                assert self._sink is not None
                self._sink.flush()
            else:
                assert self._tmp is not None
                os.chmod(self._tmp, new_file_mode(self.path))
                os.replace(self._tmp, self.path)
                self._tmp = None
                fsync_dir(self.path.parent)
        except BaseException:
            self._discard()
            raise
        self._state = "closed"

    def _discard(self) -> None:
        """Abandon the output: remove the temp file; send nothing more to stdout."""
        self._state = "closed"
        if isinstance(self._sink, _Gate):
            self._sink.shut = True
        if self._encoder is not None:
            encoder, self._encoder = self._encoder, None
            # Finishing into a shut gate or a temp file about to go: nothing reaches the output.
            with contextlib.suppress(Exception):
                getattr(encoder, "abort", encoder.close)()
        if self._fh is not None:
            with contextlib.suppress(Exception):
                self._fh.close()
        if self._tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._tmp)
            self._tmp = None


class DatasetWriter(TableWriter):
    """Streams claims rows into a directory of Parquet parts; use through :func:`open_table_writer`.

    A part holds at most ``partition_rows`` rows, in row groups of at most
    :data:`BATCH_ROWS`; only one part is open at a time, so memory is that
    of one batch.  ``parts`` counts the part files started so far.
    """

    def __init__(self, out: str | Path, *, partition_rows: int = PART_ROWS):
        if str(out) == "-":
            raise UsageError("a directory output cannot be stdout (-): use -o DIR/")
        if partition_rows < 1:
            raise UsageError(f"--partition-rows {partition_rows}: give a number of rows of at least 1")
        super().__init__(out, "parquet")
        self.partition_rows = partition_rows
        self.parts = 0
        self._staging: Path | None = None
        self._part_rows = 0

    @property
    def _directory(self) -> Path:
        assert self.path is not None  # never stdout: refused in __init__
        return self.path

    def _open(self) -> None:
        target = self._directory
        if problem := dataset_problem(target, str(target)):
            raise UsageError(problem)
        target.parent.mkdir(parents=True, exist_ok=True)
        self._staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))

    def _write_batch(self, rows: list[dict]) -> int:
        start = 0
        while start < len(rows):
            if self._encoder is None or self._part_rows >= self.partition_rows:
                self._next_part()
            chunk = rows[start : start + self.partition_rows - self._part_rows]
            assert self._encoder is not None  # _next_part opened one
            self._encoder.write(chunk)
            self._part_rows += len(chunk)
            start += len(chunk)
        self.rows += len(rows)
        return len(rows)

    def _next_part(self) -> None:
        self._close_file()
        if self.parts >= MAX_PARTS:
            raise ValueError(f"more than {MAX_PARTS} part files: raise --partition-rows (now {self.partition_rows})")
        assert self._staging is not None  # made in _open
        self._fh = open(self._staging / _PART_NAME.format(self.parts), "wb")  # noqa: SIM115  (closed by _close_file)
        self._encoder = ParquetEncoder(_write_all(self._fh))
        self.parts += 1
        self._part_rows = 0

    def _commit(self) -> None:
        try:
            if self.parts == 0:
                self._next_part()  # zero rows: one empty part, so the dataset still has the schema
            self._close_file()
            target, staging = self._directory, self._staging
            assert staging is not None  # made in _open
            os.chmod(staging, new_file_mode(target, directory=True))
            fsync_dir(staging)
            # Checked again at the end: never replace a directory someone filled in the meantime.
            if problem := dataset_problem(target, str(target)):
                raise UsageError(problem)
            previous = _replace_dir(staging, target)
            self._staging = None
            fsync_dir(target.parent)
        except BaseException:
            self._discard()
            raise
        self._state = "closed"
        if previous is not None:
            _remove_path(previous)  # a failure here leaves a hidden leftover, tidied by the next run

    def _discard(self) -> None:
        """Abandon the output: remove the staging directory; the target is untouched."""
        self._state = "closed"
        with contextlib.suppress(Exception):
            self._close_file()
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None


def _replace_dir(staging: Path, target: Path) -> Path | None:
    """Move ``staging`` onto ``target``; return where the previous ``target`` now is (None: there was none)."""
    if not os.path.lexists(target):
        os.rename(staging, target)
        return None
    if _exchange(staging, target):
        return staging  # the swap left the previous output under the staging name
    # No atomic swap here: move the old output aside, then the new one in; undo on failure.
    # A kill between the two renames leaves the old output in ``.NAME.XXXXXXXX.old``, which
    # tidy_dataset_leftovers moves back.
    aside = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
    os.rename(target, aside)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(aside, target)
        raise
    return aside


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2  # glibc >= 2.28
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):  # kernel or filesystem without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def _remove_path(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    else:
        shutil.rmtree(path, ignore_errors=True)


def tidy_dataset_leftovers(out: str | Path) -> list[Path]:
    """Clean up after a killed run writing the directory output ``out``; return what was touched.

    Call only while holding the output's lock (:class:`claimex.incremental.OutputLock`):
    hidden ``.NAME.XXXXXXXX.tmp`` directories beside ``out`` are then parts of an
    unfinished run, or a previous output already replaced, and are removed; a
    ``.NAME.XXXXXXXX.old`` one is the previous output of a run killed mid-replace:
    moved back if ``out`` is missing, else removed.  Only directories holding
    nothing but part files are touched.
    """
    out = Path(out)
    pattern = re.compile(r"\." + re.escape(out.name) + r"\.[A-Za-z0-9_]{8}\.(tmp|old)")
    touched: list[Path] = []
    try:
        entries = sorted(os.scandir(out.parent), key=lambda e: e.name)
    except OSError:
        return touched
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if not match or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            if foreign_entry(Path(entry.path)) is not None:
                continue
            if match.group(1) == "old" and not os.path.lexists(out):
                os.rename(entry.path, out)
            else:
                shutil.rmtree(entry.path)
        except OSError:
            continue
        touched.append(Path(entry.path))
    return touched


def open_table_writer(
    out: str | Path,
    fmt: str,
    *,
    excel: bool = False,
    formula_guard: bool = True,
    stdout: BinaryIO | None = None,
    partition_rows: int | None = None,
) -> TableWriter:
    """Return a :class:`TableWriter` for ``out`` (a path, or ``"-"``) in ``fmt``.

    Use it as a context manager.  A file is written to a temporary file in
    its directory (created if missing), fsynced and renamed onto ``out``
    when the block exits normally; if the block raises (KeyboardInterrupt
    included) the temp file is removed and any previous ``out`` is left
    untouched.  The new file keeps the mode of the file it replaces, or
    gets the usual ``0666 & ~umask``.  ``"-"`` writes to ``stdout``
    (default ``sys.stdout.buffer``) as rows come, with no temp file: a
    failed run may leave partial rows there (Parquet gets no footer; an
    xlsx workbook is sent whole at the end; SQLite needs a file).

    ``formula_guard`` (csv/tsv only, on by default) puts a ``'`` before
    text a spreadsheet would run as a formula
    (:func:`claimex.io.delimited.formula_guard`); ``excel`` (csv/tsv only)
    starts the file with a UTF-8 BOM.

    A directory output -- ``out`` a string ending in ``/``, or
    ``partition_rows`` given -- returns a :class:`DatasetWriter` (parquet
    only; see the module's docstring): parts of at most ``partition_rows``
    (default :data:`PART_ROWS`) rows, replacing ``out`` when the block exits
    normally.
    """
    if is_dataset_output(out) or partition_rows is not None:
        if fmt != "parquet" or excel or not formula_guard:
            raise UsageError("a directory output is written as partitioned Parquet only: use --format parquet")
        return DatasetWriter(out, partition_rows=PART_ROWS if partition_rows is None else partition_rows)
    return TableWriter(out, fmt, excel=excel, formula_guard=formula_guard, stdout=stdout)


def _fsync_file(path: str | Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


__all__ = [
    "FORMATS",
    "EXTENSIONS",
    "BATCH_ROWS",
    "UsageError",
    "resolve_format",
    "check_output",
    "TEXT_FORMATS",
    "BINARY_FORMATS",
    "FILE_ONLY_FORMATS",
    "TableWriter",
    "DatasetWriter",
    "PART_ROWS",
    "MAX_PARTS",
    "PART_FILE",
    "is_dataset_output",
    "tidy_dataset_leftovers",
    "open_table_writer",
]
