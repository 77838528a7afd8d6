"""The xlsx workbook, read back with openpyxl as a spreadsheet program would open it."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

import claimex.io.xlsx as xlsx
from claimex.io.writing import open_table_writer
from claimex.schema import COLUMN_NAMES, COLUMNS
from claimex.table import read_table, to_frame
from test_writing import TRICKY_TEXTS, tricky_rows, write

LETTER = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(COLUMN_NAMES)}


def workbook(path) -> openpyxl.Workbook:
    with open(path, "rb") as handle:
        return openpyxl.load_workbook(io.BytesIO(handle.read()))


@pytest.fixture
def sheet(tmp_path):
    out = tmp_path / "claims.xlsx"
    write(out, "xlsx", [tricky_rows()])
    return workbook(out)["claims"]


def row_of(text: str) -> int:
    return TRICKY_TEXTS.index(text) + 2  # 1-based, after the header


def test_header_is_bold_frozen_and_filtered(sheet):
    assert [c.value for c in sheet[1]] == list(COLUMN_NAMES)
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    last = openpyxl.utils.get_column_letter(len(COLUMNS))
    assert sheet.auto_filter.ref == f"A1:{last}{len(TRICKY_TEXTS) + 1}"


def test_columns_are_sized_and_the_quote_wraps(sheet):
    widths = {name: sheet.column_dimensions[letter].width for name, letter in LETTER.items()}
    assert widths["quote"] >= 60 and widths["char_start"] <= 12 and widths["published"] >= 10
    quote = sheet[f"{LETTER['quote']}{row_of('line one' + chr(10) + 'line two')}"]
    assert quote.alignment.wrap_text and quote.value == "line one\nline two"
    assert not sheet[f"{LETTER['speaker']}2"].alignment.wrap_text


def test_dates_are_dates_and_numbers_numbers(sheet):
    published = sheet[f"{LETTER['published']}2"]
    assert published.is_date and published.value == datetime(2024, 3, 1) and published.number_format == "yyyy-mm-dd"
    assert sheet[f"{LETTER['published']}3"].value is None  # unknown: an empty cell
    assert sheet[f"{LETTER['published']}6"].value == "1066-10-14"  # before Excel's first date: ISO text
    assert sheet[f"{LETTER['char_start']}3"].value == 10 and sheet[f"{LETTER['char_start']}3"].data_type == "n"
    assert sheet[f"{LETTER['paragraph']}2"].value == -1
    assert sheet[f"{LETTER['countries']}3"].value == "a, b, c;countries-1"  # lists joined with ;


@pytest.mark.parametrize("text", ["=SUM(A1:A2)", "+1 555", "-minus", "@handle"])
def test_formula_like_text_is_stored_as_text_never_evaluated(sheet, text):
    cell = sheet[f"{LETTER['quote']}{row_of(text)}"]
    assert cell.value == text and cell.data_type == "s"  # a string, not a formula ("f")
    assert cell.quotePrefix  # Excel keeps it text even when the cell is edited


def test_no_formula_anywhere_in_the_file(tmp_path):
    out = tmp_path / "claims.xlsx"
    write(out, "xlsx", [tricky_rows()])
    with zipfile.ZipFile(out) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet and "<f " not in sheet


def test_cells_over_excel_s_limit_are_cut_with_a_marker(tmp_path):
    long = "x" * 40_000
    wide = "🙂" * 20_000  # two UTF-16 units each: 40,000 units
    out = tmp_path / "claims.xlsx"
    write(out, "xlsx", [[{"quote": long, "speaker": wide, "doc_id": "short"}]])
    back = read_table(out)
    quote, speaker = back.loc[0, "quote"], back.loc[0, "speaker"]
    assert quote.endswith(" … [cut: 40,000 characters]") and quote.startswith("x" * 30_000)
    assert len(quote) == xlsx.CELL_LIMIT
    assert speaker.endswith(" … [cut: 20,000 characters]") and len(speaker.encode("utf-16-le")) // 2 <= xlsx.CELL_LIMIT
    assert back.loc[0, "doc_id"] == "short"
    assert xlsx.cut("y" * xlsx.CELL_LIMIT) == "y" * xlsx.CELL_LIMIT


def test_more_rows_than_a_sheet_holds_continue_on_the_next_sheet(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "SHEET_ROWS", 4)
    rows = tricky_rows()
    out = tmp_path / "claims.xlsx"
    write(out, "xlsx", [rows[:3], rows[3:]])
    book = workbook(out)
    assert book.sheetnames == ["claims", "claims 2", "claims 3", "claims 4", "claims 5", "claims 6"]
    assert all(book[name].freeze_panes == "A2" and book[name]["A1"].value == "claim_id" for name in book.sheetnames)
    pd.testing.assert_frame_equal(read_table(out), to_frame(rows))


def test_workbook_to_stdout_is_sent_whole():
    sink = io.BytesIO()
    with open_table_writer("-", "xlsx", stdout=sink) as writer:
        writer.write(tricky_rows())
    book = openpyxl.load_workbook(io.BytesIO(sink.getvalue()))
    assert book.sheetnames == ["claims"] and book["claims"].max_row == len(TRICKY_TEXTS) + 1


def test_pandas_reads_the_workbook(tmp_path):
    out = tmp_path / "claims.xlsx"
    write(out, "xlsx", [tricky_rows()])
    frame = pd.read_excel(out, sheet_name="claims")
    assert list(frame.columns) == list(COLUMN_NAMES)
    assert frame.loc[0, "published"] == pd.Timestamp(date(2024, 3, 1))


def test_a_workbook_without_a_claims_sheet_is_refused(tmp_path):
    out = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(out)
    with pytest.raises(ValueError, match="no sheet named 'claims'"):
        read_table(out)
