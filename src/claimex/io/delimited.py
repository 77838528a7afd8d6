"""CSV and TSV claims tables: writing them spreadsheet-safe, reading them back.

* **CSV** is RFC 4180: ``,``-separated, ``"\\n"`` line endings, a field with
  ``,``, ``"``, a newline or a carriage return quoted (``"`` doubled), so a
  quote keeps its line breaks inside one quoted field.
* **TSV** is what line tools (``cut``, ``awk``, ``sort``) expect: one row per
  line, tab-separated, never quoted; a backslash, tab, newline and carriage
  return in a value are written ``\\\\``, ``\\t``, ``\\n`` and ``\\r`` (the
  convention of PostgreSQL's ``COPY`` text format).  :func:`read_tsv` undoes
  exactly that.

**Formula guard** (OWASP's "CSV injection" advice, on by default): a text
cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a ``'`` in front (:func:`formula_guard`), so a spreadsheet shows it as
text instead of running it (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``).
Numbers and dates are not text and are never guarded (``-1`` stays a
number).  Reading a guarded table gives the ``'`` back as part of the
text: it is not removed, because ``'=x`` may just as well have been written
as it is (a cell already starting with ``'`` is not guarded again).  For
text byte for byte, write without the guard (``formula_guard=False``,
``--no-formula-guard``) or use Parquet, JSONL or SQLite, which never guard.

Lists are ``;``-joined and dates ISO ``YYYY-MM-DD`` (see
:func:`claimex.schema.to_text`); reading back gives the schema's types.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from claimex.schema import COLUMN_NAMES, COLUMNS, to_text

if TYPE_CHECKING:
    import pandas as pd

#: What a spreadsheet may read as the start of a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARDED_KINDS = ("str", "list")  # numbers and dates are written as such, never guarded
BOM = b"\xef\xbb\xbf"

_TSV_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_TSV_ESCAPE = re.compile(r"[\\\t\n\r]")
_TSV_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_TSV_UNESCAPE = re.compile(r"\\(.?)", re.DOTALL)


def formula_guard(text: str) -> str:
    """``'`` + ``text`` if a spreadsheet would run ``text`` as a formula (=, +, -, @, tab, CR), else ``text``."""
    return "'" + text if text.startswith(FORMULA_START) else text


def tsv_escape(text: str) -> str:
    """``text`` on one TSV field: backslash, tab, newline and CR as ``\\\\``, ``\\t``, ``\\n``, ``\\r``."""
    return _TSV_ESCAPE.sub(lambda m: _TSV_ESCAPES[m.group()], text)


def tsv_unescape(field: str) -> str:
    """The inverse of :func:`tsv_escape` (an unknown ``\\x`` stays as written)."""
    return _TSV_UNESCAPE.sub(lambda m: _TSV_UNESCAPES.get(m.group(1), m.group()), field)


class DelimitedEncoder:
    """Encodes conformed rows as CSV or TSV onto a binary sink, flushing each batch.

    ``bom`` starts the output with a UTF-8 byte order mark (``--excel``: Excel
    then reads it as UTF-8); ``guard`` applies :func:`formula_guard` to text.
    The header goes out with the first batch or at :meth:`close`, so that a run
    aborted before any row (:meth:`abort`) sends stdout nothing at all.
    """

    def __init__(self, sink: BinaryIO, fmt: str, *, guard: bool = True, bom: bool = False):
        if fmt not in ("csv", "tsv"):
            raise ValueError(f"not a delimited format: {fmt!r}")
        self._sink = sink
        self._tsv = fmt == "tsv"
        self._guard = guard
        self._header = (BOM if bom else b"") + self._encode([list(COLUMN_NAMES)])

    def write(self, rows: list[dict]) -> None:
        self._sink.write(self._take_header() + self._encode([self._cells(row) for row in rows]))
        self._sink.flush()  # each batch reaches the OS (or the pipe) now

    def close(self) -> None:
        """Write the header if no batch did (a table of no rows); every batch is complete."""
        if self._header:
            self._sink.write(self._take_header())

    def abort(self) -> None:
        """Give up: a header not yet written never is."""
        self._header = b""

    def _take_header(self) -> bytes:
        header, self._header = self._header, b""
        return header

    def _cells(self, row: dict) -> list[str]:
        cells = []
        for column in COLUMNS:
            text = to_text(column.kind, row[column.name])
            cells.append(formula_guard(text) if self._guard and column.kind in GUARDED_KINDS else text)
        return cells

    def _encode(self, lines: list[list[str]]) -> bytes:
        if self._tsv:
            return "".join("\t".join(map(tsv_escape, cells)) + "\n" for cells in lines).encode("utf-8")
        buf = io.StringIO()
        minimal = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        quote_all = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
        for cells in lines:
            # Python 3.11's csv module does not quote a lone "\r": such a row is quoted whole.
            (quote_all if any("\r" in cell for cell in cells) else minimal).writerow(cells)
        return buf.getvalue().encode("utf-8")


def read_csv(path: Path) -> pd.DataFrame:
    """A CSV claims table as text columns (``""`` stays ``""``, ``NA`` stays ``NA``; a BOM is skipped)."""
    import pandas as pd  # only reading needs it: extraction writes with the csv module

    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig")


def read_tsv(path: Path) -> pd.DataFrame:
    """A TSV claims table (escaped as :func:`tsv_escape` writes it) as text columns.

    Lines are split on ``"\\n"`` only (a ``"\\r"`` before it, from a CRLF
    copy, is dropped: a carriage return in a value is always escaped); a BOM
    is skipped.  A line with another number of fields than the header raises
    :class:`ValueError` naming the line.
    """
    import pandas as pd

    lines = _tsv_lines(path)
    header = next(lines, None)
    if header is None:
        return pd.DataFrame(columns=list(COLUMN_NAMES))
    names = [tsv_unescape(f) for f in header.split("\t")]
    records = []
    for number, line in enumerate(lines, 2):
        fields = line.split("\t")
        if len(fields) != len(names):
            raise ValueError(f"{path}:{number}: {len(fields)} tab-separated fields, the header has {len(names)}")
        records.append([tsv_unescape(f) for f in fields])
    return pd.DataFrame.from_records(records, columns=names)


def _tsv_lines(path: Path) -> Iterator[str]:
    with open(path, "rb") as handle:  # binary: split on b"\n" only, never on U+2028 or a stray "\r"
        for number, raw in enumerate(handle, 1):
            if number == 1:
                raw = raw.removeprefix(BOM)
            line = raw.decode("utf-8").removesuffix("\n").removesuffix("\r")
            if line:
                yield line


__all__ = [
    "FORMULA_START",
    "formula_guard",
    "tsv_escape",
    "tsv_unescape",
    "DelimitedEncoder",
    "read_csv",
    "read_tsv",
]
