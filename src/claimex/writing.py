"""Writing the claims table: CSV, TSV, JSONL or Parquet, streamed and atomic.

Usage::

    fmt = resolve_format(out, args.format)             # before any work
    check_output(out, fmt, stdout_isatty=sys.stdout.isatty(), excel=args.excel)
    with open_table_writer(out, fmt, excel=args.excel) as writer:
        for batch in batches:
            writer.write(batch)                        # rows go to disk now
    # the output exists (complete) only once the with block has exited normally

Columns, order and types come from :mod:`claimex.schema`; every record is
passed through :func:`claimex.schema.conform`.

Formats:

* ``csv``: UTF-8, ``,``, ``"\\n"`` line endings, minimal quoting (a field
  with ``,``, ``"`` or a newline is quoted; newlines inside quotes are legal
  CSV).  A row with a carriage return in any text is written with every
  field quoted (Python 3.11's csv module does not quote a lone ``"\\r"``).
* ``tsv``: the same with a tab delimiter; embedded tabs and newlines are
  quoted, not escaped or dropped.
* ``jsonl``: one JSON object per line, UTF-8 (``ensure_ascii=False``), ints
  as numbers, keys in the schema's order.  An empty result is an empty file.
* ``parquet``: :data:`claimex.schema.ARROW_SCHEMA`, one row group per batch
  of at most :data:`BATCH_ROWS` rows (each ``write()`` call starts a new
  batch).  An empty result is a file with the schema and no row groups.

Limits: text must be valid Unicode (no lone surrogates), else ``write()``
raises and the output is left as it was.  The output is atomic against
exceptions and Ctrl-C, not against ``kill -9``/power loss before the final
rename (a hidden ``.NAME.*.tmp`` file may then be left next to the output).
A symlink at the output path is replaced by the new file, not followed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from claimex.schema import ARROW_SCHEMA, COLUMN_NAMES, STR_COLUMNS, conform

FORMATS: tuple[str, ...] = ("csv", "tsv", "jsonl", "parquet")

#: Output name endings and the format each implies (compared case-insensitively).
EXTENSIONS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}

#: Rows encoded at a time; bounds memory and is the largest Parquet row group.
BATCH_ROWS = 10_000

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BOM = b"\xef\xbb\xbf"
_USE = "use --format csv|tsv|jsonl|parquet or an output ending in .csv, .tsv, .jsonl or .parquet"


class UsageError(ValueError):
    """A bad output/format choice; the message says how to fix it."""


def resolve_format(out: str, fmt: str | None) -> str:
    """Return the table format for output ``out`` and ``--format`` ``fmt``.

    An explicit ``fmt`` wins (case-insensitive, must be one of
    :data:`FORMATS`), but it may not contradict a known extension
    (``--format parquet -o out.csv`` is an error).  Without ``fmt`` the
    extension decides (see :data:`EXTENSIONS`); ``"-"`` (stdout) means csv.
    """
    chosen = None
    if fmt is not None:
        chosen = fmt.strip().lower()
        if chosen not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}: use --format csv|tsv|jsonl|parquet")
    suffix = "" if out == "-" else Path(out).suffix.lower()
    implied = EXTENSIONS.get(suffix)
    if chosen is None:
        if out == "-":
            return "csv"
        if implied is None:
            raise UsageError(f"cannot infer the format of {out!r}: {_USE}")
        return implied
    if implied is not None and implied != chosen:
        raise UsageError(
            f"--format {chosen} conflicts with {out!r} (a {suffix} name means {implied}): "
            f"drop --format or name the output *.{chosen}"
        )
    return chosen


def check_output(out: str, fmt: str | None, *, stdout_isatty: bool, excel: bool = False) -> str:
    """Validate the output choice before any work; return the resolved format.

    Raises :class:`UsageError` for: an unknown or conflicting format (see
    :func:`resolve_format`); Parquet to a terminal; ``excel`` with a format
    other than csv/tsv; an output path that is a directory, or whose nearest
    existing ancestor is not a writable directory.  The output's directory
    is only created when writing starts.
    """
    fmt = resolve_format(out, fmt)
    if excel and fmt not in ("csv", "tsv"):
        raise UsageError(f"--excel applies to CSV/TSV only, not {fmt}: drop --excel or use --format csv")
    if out == "-":
        if fmt == "parquet" and stdout_isatty:
            raise UsageError("refusing to write Parquet to a terminal: use -o FILE.parquet or pipe the output")
        return fmt
    path = Path(out)
    if path.is_dir():
        raise UsageError(f"output {out!r} is a directory: give a file name, e.g. {path / ('claims.' + fmt)}")
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        raise UsageError(f"cannot write {out!r}: {str(ancestor)!r} is a file, not a directory")
    if ancestor.exists() and not os.access(ancestor, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {out!r}: no write permission in {str(ancestor)!r}")
    return fmt


def excel_guard(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Gate:
    """A stdout wrapper that can be shut, so an aborted write sends nothing more."""

    def __init__(self, target: BinaryIO):
        self.target = target
        self.shut = False
        self.closed = False

    def write(self, data) -> int:
        if self.shut:
            return len(data)
        return self.target.write(data)

    def flush(self) -> None:
        if not self.shut:
            self.target.flush()


class TableWriter:
    """Streams claims rows to one output; use through :func:`open_table_writer`.

    Nothing is opened until the ``with`` block is entered.  ``rows`` counts
    rows written so far; ``format`` and ``path`` (``None`` for stdout) say
    where they go.
    """

    def __init__(self, out: str | Path, fmt: str, *, excel: bool = False, stdout: BinaryIO | None = None):
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}: use --format csv|tsv|jsonl|parquet")
        if excel and fmt not in ("csv", "tsv"):
            raise UsageError(f"--excel applies to CSV/TSV only, not {fmt}: drop --excel or use --format csv")
        self.format = fmt
        self.excel = excel
        self.path: Path | None = None if str(out) == "-" else Path(out)
        self.rows = 0
        self._stdout = stdout
        self._state = "new"
        self._tmp: str | None = None
        self._fh: BinaryIO | None = None
        self._sink = None
        self._parquet: pq.ParquetWriter | None = None

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

    def __exit__(self, exc_type, exc, tb) -> bool:
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
            self._sink = _Gate(self._stdout if self._stdout is not None else sys.stdout.buffer)
        else:
            if self.path.is_dir():
                raise UsageError(f"output {str(self.path)!r} is a directory: give a file name")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            self._fh = self._sink = os.fdopen(fd, "wb")
        if self.format == "parquet":
            self._parquet = pq.ParquetWriter(self._sink, ARROW_SCHEMA)
        elif self.format in ("csv", "tsv"):
            head = io.StringIO()
            self._csv_writers(head)[0].writerow(COLUMN_NAMES)
            self._sink.write((_BOM if self.excel else b"") + head.getvalue().encode("utf-8"))

    def _csv_writers(self, buf: io.StringIO):
        delimiter = "," if self.format == "csv" else "\t"
        minimal = csv.writer(buf, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        quote_all = csv.writer(buf, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
        return minimal, quote_all

    def _write_batch(self, rows: list[dict]) -> int:
        if self._parquet is not None:
            table = pa.Table.from_pylist(rows, schema=ARROW_SCHEMA)
            self._parquet.write_table(table, row_group_size=len(rows))
        else:
            buf = io.StringIO()
            if self.format == "jsonl":
                for row in rows:
                    buf.write(json.dumps(row, ensure_ascii=False))
                    buf.write("\n")
            else:
                minimal, quote_all = self._csv_writers(buf)
                for row in rows:
                    if self.excel:
                        row = {**row, **{c: excel_guard(row[c]) for c in STR_COLUMNS}}
                    has_cr = any("\r" in row[c] for c in STR_COLUMNS)
                    (quote_all if has_cr else minimal).writerow([row[c] for c in COLUMN_NAMES])
            self._sink.write(buf.getvalue().encode("utf-8"))
            self._sink.flush()  # each batch reaches the OS (or the pipe) now
        self.rows += len(rows)
        return len(rows)

    def _commit(self) -> None:
        try:
            if self._parquet is not None:
                self._parquet.close()
                self._parquet = None
            if self._fh is None:
                self._sink.flush()
            else:
                self._fh.flush()
                os.fsync(self._fh.fileno())
                self._fh.close()
                os.chmod(self._tmp, _new_file_mode(self.path))
                os.replace(self._tmp, self.path)
                self._tmp = None
                _fsync_dir(self.path.parent)
        except BaseException:
            self._discard()
            raise
        self._state = "closed"

    def _discard(self) -> None:
        """Abandon the output: remove the temp file; send nothing more to stdout."""
        self._state = "closed"
        if isinstance(self._sink, _Gate):
            self._sink.shut = True
        if self._parquet is not None:
            try:
                self._parquet.close()
            except Exception:
                pass
            self._parquet = None
        if self._fh is not None:
            try:
                self._fh.close()
            except Exception:
                pass
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except FileNotFoundError:
                pass
            self._tmp = None


def open_table_writer(
    out: str | Path, fmt: str, *, excel: bool = False, stdout: BinaryIO | None = None
) -> TableWriter:
    """Return a :class:`TableWriter` for ``out`` (a path, or ``"-"``) in ``fmt``.

    Use it as a context manager.  A file is written to a temporary file in
    its directory (created if missing), fsynced and renamed onto ``out``
    when the block exits normally; if the block raises (KeyboardInterrupt
    included) the temp file is removed and any previous ``out`` is left
    untouched.  The new file keeps the mode of the file it replaces, or
    gets the usual ``0666 & ~umask``.  ``"-"`` writes to ``stdout``
    (default ``sys.stdout.buffer``) as rows come, with no temp file: a
    failed run may leave partial rows there (Parquet gets no footer).

    ``excel`` (csv/tsv only) starts the file with a UTF-8 BOM and applies
    :func:`excel_guard` to every text cell.
    """
    return TableWriter(out, fmt, excel=excel, stdout=stdout)


def _new_file_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)  # reading the umask means setting it; put it straight back
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (best effort: not possible on every platform)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = [
    "FORMATS",
    "EXTENSIONS",
    "BATCH_ROWS",
    "UsageError",
    "resolve_format",
    "check_output",
    "excel_guard",
    "TableWriter",
    "open_table_writer",
]
