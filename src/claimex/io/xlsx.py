"""The claims table as an Excel workbook (``.xlsx``), written with XlsxWriter, read with openpyxl.

The workbook opens ready to use: a bold header row that stays in view
(frozen) and carries filter buttons, column widths fitted to each column,
the quote wrapped, dates as real dates (``yyyy-mm-dd``), offsets and
paragraph as numbers, lists ``;``-joined.  Text is always stored as text:
a cell starting with ``=``, ``+``, ``-`` or ``@`` is written as a string with
Excel's quote prefix (the ``'`` Excel itself shows), so it is never read or
re-read as a formula, and the text itself is unchanged.  Excel holds at most
:data:`CELL_LIMIT` characters (UTF-16 units) per cell: a longer value is cut
and ends with a marker giving its full length (`` … [cut: 40,123
characters]``).  A sheet holds at most :data:`SHEET_ROWS` rows of claims;
more continue on sheets ``claims 2``, ``claims 3``, ... with the same header.

Rows are streamed (XlsxWriter's ``constant_memory`` mode): memory stays that
of one row, whatever the table's size.  Dates before 1900, which Excel
cannot hold, are written as ISO text.

:func:`read_xlsx` reads every ``claims`` sheet back in order, with the text
as written (cut values keep their marker).
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from claimex.io.delimited import FORMULA_START
from claimex.schema import COLUMN_NAMES, COLUMNS, LIST_SEPARATOR

#: Characters (UTF-16 code units) Excel holds in one cell.
CELL_LIMIT = 32_767
#: Rows of claims per sheet (Excel's 1,048,576 rows, less the header).
SHEET_ROWS = 1_048_575
SHEET_NAME = "claims"

# Widths in characters; a column not named here gets its kind's width.
_WIDTHS = {
    "claim_id": 17,
    "doc_id": 28,
    "speaker": 24,
    "speaker_mention": 18,
    "speaker_role": 28,
    "speaker_org": 24,
    "quote": 80,
    "said_on_text": 16,
}
_KIND_WIDTHS = {"str": 12, "int": 10, "float": 10, "date": 11, "list": 20}
_WRAPPED = frozenset({"quote"})
_FIRST_EXCEL_DATE = date(1900, 1, 1)
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def cut(text: str, limit: int = CELL_LIMIT) -> str:
    """``text`` if Excel holds it in one cell, else its start with a marker giving the full length."""
    if len(text) <= limit // 2 or _units(text) <= limit:
        return text
    marker = f" … [cut: {len(text):,} characters]"
    keep = limit - _units(marker)
    head = text[:keep]
    while _units(head) > keep:  # characters outside the BMP take two units
        head = head[: keep - (_units(head) - len(head))]
    return head + marker


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class XlsxEncoder:
    """Streams conformed rows into a workbook written to ``sink`` on :meth:`close`."""

    def __init__(self, sink: BinaryIO):
        import xlsxwriter  # imported only when a workbook is written

        # A zip file is written with seeks: to a pipe it goes whole, from memory, at the end.
        self._sink = sink
        self._buffer = None if sink.seekable() else io.BytesIO()
        # Strings stay strings: no formula, URL or number is ever made of one.
        self._book = xlsxwriter.Workbook(
            self._buffer if self._buffer is not None else sink,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        base = {"valign": "top"}
        self._formats = {
            (wrap, prefix): self._book.add_format({**base, "text_wrap": wrap, "quote_prefix": prefix})
            for wrap in (False, True)
            for prefix in (False, True)
        }
        self._date = self._book.add_format({**base, "num_format": "yyyy-mm-dd"})
        self._float = self._book.add_format({**base, "num_format": "0.000"})
        self._header = self._book.add_format({"bold": True, "bottom": 1, "valign": "top"})
        self._sheets = 0
        self._sheet: Any = None  # the worksheet being filled (XlsxWriter has no type information)
        self._row = 0

    def write(self, rows: list[dict]) -> None:
        for row in rows:
            if self._sheet is None or self._row > SHEET_ROWS:
                self._next_sheet()
            for col, column in enumerate(COLUMNS):
                self._cell(col, column.name, column.kind, row[column.name])
            self._row += 1

    def close(self) -> None:
        if self._sheet is None:
            self._next_sheet()  # zero rows: a sheet with the header
        self._finish_sheet()
        self._book.close()
        if self._buffer is not None:
            self._sink.write(self._buffer.getvalue())
            self._sink.flush()

    def _next_sheet(self) -> None:
        if self._sheet is not None:
            self._finish_sheet()
        self._sheets += 1
        name = SHEET_NAME if self._sheets == 1 else f"{SHEET_NAME} {self._sheets}"
        sheet = self._sheet = self._book.add_worksheet(name)
        for col, column in enumerate(COLUMNS):
            width = _WIDTHS.get(column.name, _KIND_WIDTHS[column.kind])
            sheet.set_column(col, col, width, self._formats[(column.name in _WRAPPED, False)])
            sheet.write_string(0, col, column.name, self._header)
        sheet.freeze_panes(1, 0)
        self._row = 1

    def _finish_sheet(self) -> None:
        self._sheet.autofilter(0, 0, max(self._row - 1, 0), len(COLUMNS) - 1)

    def _cell(self, col: int, name: str, kind: str, value) -> None:
        sheet, row = self._sheet, self._row
        if value is None:
            return  # an unknown date or number is an empty cell
        if kind == "int" or kind == "float":
            sheet.write_number(row, col, value, self._float if kind == "float" else None)
        elif kind == "date" and value >= _FIRST_EXCEL_DATE:
            sheet.write_datetime(row, col, value, self._date)
        else:
            text = value.isoformat() if kind == "date" else LIST_SEPARATOR.join(value) if kind == "list" else value
            if text:
                text = cut(text)
                sheet.write_string(row, col, text, self._formats[(name in _WRAPPED, text.startswith(FORMULA_START))])


def read_xlsx(path: Path) -> pd.DataFrame:
    """The ``claims`` sheets of a workbook ``claimex`` wrote, in order, as one frame of cell values.

    Empty cells are ``None``; text is unescaped from the file format's
    ``_xHHHH_`` notation, so it reads back as written.
    """
    import openpyxl

    with open(path, "rb") as handle:  # a handle: openpyxl refuses names not ending in .xlsx
        try:
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl has no one error for a file that is not a workbook
            raise ValueError(f"cannot read it as an xlsx workbook ({exc})") from None
        try:
            names = [n for n in book.sheetnames if re.fullmatch(rf"{SHEET_NAME}( \d+)?", n)]
            if not names:
                raise ValueError(f"no sheet named {SHEET_NAME!r}: not a claims workbook written by claimex")
            header: list[str] | None = None
            records: list[list] = []
            for name in sorted(names, key=lambda n: int(n.rpartition(" ")[2]) if " " in n else 1):
                rows = book[name].iter_rows(values_only=True)
                header = [str(v) for v in next(rows, ()) if v is not None]
                width = len(header)
                records.extend(_record(row, width) for row in rows if any(v is not None for v in row))
        finally:
            book.close()
    return pd.DataFrame.from_records(records, columns=header or list(COLUMN_NAMES))


def _record(row: tuple, width: int) -> list:
    cells = [_value(v) for v in row[:width]]
    return cells + [None] * (width - len(cells))  # a short row: its last cells were empty


def _value(value):
    if isinstance(value, str):
        return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    if isinstance(value, datetime):
        return value.date()
    return value


__all__ = ["CELL_LIMIT", "SHEET_ROWS", "SHEET_NAME", "cut", "XlsxEncoder", "read_xlsx"]
