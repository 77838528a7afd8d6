"""Writing and reading back the claims table in every format, with the schema's types."""

from __future__ import annotations

import io
import json
import os
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimex.io.delimited import formula_guard
from claimex.io.writing import (
    FORMATS,
    UsageError,
    check_output,
    open_table_writer,
    resolve_format,
)
from claimex.schema import (
    ARROW_SCHEMA,
    COLUMN_NAMES,
    COLUMNS,
    PANDAS_DTYPES,
    conform,
    conform_value,
    to_json,
    to_text,
)
from claimex.table import read_table, to_frame

EXT = {"csv": ".csv", "tsv": ".tsv", "jsonl": ".jsonl", "parquet": ".parquet", "xlsx": ".xlsx", "sqlite": ".db"}
FAITHFUL = ("jsonl", "parquet", "xlsx", "sqlite")  # text as found: no formula guard
STREAMS = tuple(f for f in FORMATS if f != "sqlite")  # formats that can go to stdout

TRICKY_TEXTS = [
    "plain",
    "a, b, c",
    'She said "no", twice',
    "line one\nline two",
    "para\n\nbreak",
    "crlf\r\nend",
    "lone\rcr",
    "tab\there",
    "\tleading tab",
    "Überraschung — 中国外交部 «quote» 🙂",
    "=SUM(A1:A2)",
    "+1 555",
    "-minus",
    "@handle",
    "",
    "NA",
    "null",
    "  spaced  ",
    "'already quoted",
    '"',
    "\u2028line separator",
    "back\\slash \\t not a tab",
    "_x0041_ looks like an xlsx escape",
]


def value(kind: str, name: str, i: int, text: str):
    """A value of ``kind`` for row ``i``: every column of the schema, whatever its kind, gets tricky values."""
    if kind == "str":
        return text if name in ("quote", "speaker", "doc_id") else f"{name}-{i}"
    if kind == "int":
        return i - 1 if name == "paragraph" else i * 10  # -1 included
    if kind == "float":
        return None if i % 3 == 0 else i / 7
    if kind == "date":
        return None if i % 2 else date(1066, 10, 14) if i == 4 else date(2024, 3, 1 + i)
    return [] if i % 3 == 0 else [text, f"{name}-{i}"]  # list


def tricky_rows() -> list[dict]:
    return [{c.name: value(c.kind, c.name, i, text) for c in COLUMNS} for i, text in enumerate(TRICKY_TEXTS)]


def guarded(rows: list[dict]) -> list[dict]:
    """``rows`` as the default CSV/TSV gives them back: text and list cells with the formula guard."""
    out = []
    for row in rows:
        row = dict(row)
        for c in COLUMNS:
            if c.kind in ("str", "list"):
                row[c.name] = conform_value(c.kind, formula_guard(to_text(c.kind, row[c.name])))
        out.append(row)
    return out


def write(path, fmt, batches, **kw) -> int:
    with open_table_writer(path, fmt, **kw) as writer:
        for batch in batches:
            writer.write(batch)
    return writer.rows


def assert_schema_types(frame: pd.DataFrame) -> None:
    assert list(frame.columns[: len(COLUMN_NAMES)]) == list(COLUMN_NAMES)
    for column in COLUMNS:
        assert frame[column.name].dtype == PANDAS_DTYPES[column.kind], column.name
        if not column.nullable:
            assert not frame[column.name].isna().any(), column.name
        if column.kind == "list":
            assert all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in frame[column.name])


# -- round trip ------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_every_format(tmp_path, fmt):
    rows = tricky_rows()
    out = tmp_path / f"claims{EXT[fmt]}"
    assert write(out, fmt, [rows]) == len(rows)
    back = read_table(out)
    assert_schema_types(back)
    pd.testing.assert_frame_equal(back, to_frame(rows if fmt in FAITHFUL else guarded(rows)))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_round_trip_without_the_formula_guard_is_byte_faithful(tmp_path, fmt):
    rows = tricky_rows()
    out = tmp_path / f"claims{EXT[fmt]}"
    write(out, fmt, [rows], formula_guard=False)
    pd.testing.assert_frame_equal(read_table(out), to_frame(rows))


@pytest.mark.parametrize("fmt", FORMATS)
def test_zero_rows_is_a_valid_table(tmp_path, fmt):
    out = tmp_path / f"empty{EXT[fmt]}"
    assert write(out, fmt, []) == 0
    assert out.exists()
    back = read_table(out)
    assert len(back) == 0
    assert_schema_types(back)
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        assert out.read_text(encoding="utf-8") == sep.join(COLUMN_NAMES) + "\n"
    elif fmt == "parquet":
        assert pq.read_schema(out).names == list(COLUMN_NAMES)
    elif fmt == "jsonl":
        assert out.read_bytes() == b""


def test_to_frame_conforms_and_types():
    frame = to_frame([{"quote": "x", "char_start": "3", "published": "2024-03-01", "orgs": "A;B", "bogus": 1}, {}])
    assert_schema_types(frame)
    assert "bogus" not in frame.columns
    assert frame.loc[0, "char_start"] == 3
    assert frame.loc[0, "published"] == pd.Timestamp("2024-03-01") and frame.loc[0, "orgs"] == ["A", "B"]
    assert frame.loc[1, "char_end"] == -1 and frame.loc[1, "quote"] == ""
    assert pd.isna(frame.loc[1, "published"]) and frame.loc[1, "countries"] == []
    assert_schema_types(to_frame([]))


@pytest.mark.parametrize(
    "kind, given, expected",
    [
        ("date", "2024-03-01", date(2024, 3, 1)),
        ("date", "", None),
        ("date", None, None),
        ("date", pd.NaT, None),
        ("date", pd.Timestamp("2017-03-13"), date(2017, 3, 13)),
        ("date", date(1066, 10, 14), date(1066, 10, 14)),
        ("date", "2024-03-01T00:00:00.000", date(2024, 3, 1)),
        ("list", "CHN;USA", ["CHN", "USA"]),
        ("list", "", []),
        ("list", None, []),
        ("list", ("a",), ["a"]),
        ("float", "0.25", 0.25),
        ("float", "", None),
        ("float", float("nan"), None),
        ("int", "7", 7),
        ("int", "", -1),
        ("str", None, ""),
    ],
)
def test_conform_value_reads_every_format_s_form(kind, given, expected):
    assert conform_value(kind, given) == expected


@pytest.mark.parametrize(
    "kind, given",
    [
        ("date", "March 1"),
        ("date", "2024-02-30"),
        ("date", "2024-03"),
        ("date", "2024-03-01T12:00"),
        ("int", "x"),
        ("float", "high"),
        ("list", 5),
    ],
)
def test_conform_value_rejects_what_is_not_of_its_kind(kind, given):
    with pytest.raises(ValueError, match="column 'value'"):
        conform_value(kind, given)


def test_a_malformed_date_in_a_table_names_the_file_and_column(tmp_path):
    out = tmp_path / "c.csv"
    write(out, "csv", [[{"quote": "x"}]])
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    frame.loc[0, "published"] = "1 March 2024"
    frame.to_csv(out, index=False)
    with pytest.raises(ValueError, match=r"c\.csv: column 'published' must hold dates"):
        read_table(out)


def test_text_forms_of_each_kind():
    assert to_text("date", date(2024, 3, 1)) == "2024-03-01" and to_text("date", None) == ""
    assert to_text("list", ["CHN", "USA"]) == "CHN;USA" and to_text("list", []) == ""
    assert to_text("float", 0.5) == "0.5" and to_text("float", None) == ""
    assert to_text("int", -1) == "-1"
    row = conform({"published": "2024-03-01", "countries": ["CHN"]})
    assert to_json(row)["published"] == "2024-03-01" and to_json(row)["said_on"] is None
    assert to_json(row)["countries"] == ["CHN"]


def test_parquet_has_the_schema_s_types(tmp_path):
    out = tmp_path / "c.parquet"
    write(out, "parquet", [tricky_rows()])
    schema = pq.read_schema(out)
    assert schema == ARROW_SCHEMA
    assert schema.field("published").type == pa.date32() and schema.field("published").nullable
    assert schema.field("countries").type == pa.list_(pa.string())
    assert schema.field("char_start").type == pa.int64() and not schema.field("char_start").nullable
    table = pq.read_table(out)
    assert table.column("published")[1].as_py() is None and table.column("published")[0].as_py() == date(2024, 3, 1)


def test_jsonl_is_one_object_per_line_with_typed_values(tmp_path):
    out = tmp_path / "c.jsonl"
    write(out, "jsonl", [tricky_rows()])
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) - 1 == len(TRICKY_TEXTS)
    first, second = json.loads(lines[0]), json.loads(lines[1])
    assert list(first) == list(COLUMN_NAMES)
    assert isinstance(first["char_start"], int)
    assert first["published"] == "2024-03-01" and second["published"] is None
    assert first["countries"] == [] and second["countries"] == ["a, b, c", "countries-1"]
    assert "中国" in out.read_text(encoding="utf-8")  # ensure_ascii=False


def test_tsv_is_one_row_per_line_for_line_tools(tmp_path):
    out = tmp_path / "c.tsv"
    rows = tricky_rows()
    write(out, "tsv", [rows])
    lines = out.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(rows) + 1  # header + one line per row
    assert all(line.count("\t") == len(COLUMN_NAMES) - 1 for line in lines[:-1])
    assert b"\r" not in out.read_bytes()
    quote = COLUMN_NAMES.index("quote")
    cells = [line.split("\t")[quote] for line in lines[1:-1]]  # what cut -f gives
    assert cells[TRICKY_TEXTS.index("line one\nline two")] == "line one\\nline two"
    assert cells[TRICKY_TEXTS.index("tab\there")] == "tab\\there"
    assert cells[TRICKY_TEXTS.index("crlf\r\nend")] == "crlf\\r\\nend"
    assert cells[TRICKY_TEXTS.index("back\\slash \\t not a tab")] == "back\\\\slash \\\\t not a tab"
    assert cells[TRICKY_TEXTS.index("\tleading tab")] == "'\\tleading tab"  # guarded, then escaped
    assert cells[TRICKY_TEXTS.index('She said "no", twice')] == 'She said "no", twice'  # never quoted


def test_tsv_reader_takes_a_crlf_copy_and_names_a_bad_line(tmp_path):
    out = tmp_path / "c.tsv"
    rows = tricky_rows()
    write(out, "tsv", [rows], formula_guard=False)
    crlf = tmp_path / "crlf.tsv"
    crlf.write_bytes(out.read_bytes().replace(b"\n", b"\r\n"))
    pd.testing.assert_frame_equal(read_table(crlf), to_frame(rows))
    out.write_bytes(out.read_bytes() + b"only\ttwo\n")
    with pytest.raises(ValueError, match=rf"c\.tsv:{len(rows) + 2}: 2 tab-separated fields"):
        read_table(out)


def test_csv_keeps_rfc_4180_quoting(tmp_path):
    out = tmp_path / "c.csv"
    write(out, "csv", [[{"quote": 'line one\nsaid "two"', "speaker": "a,b"}]])
    data = out.read_bytes()
    assert b',"line one\nsaid ""two""",' in data and b',"a,b",' in data
    assert b"\r\n" not in data and not data.startswith(b"\xef\xbb\xbf")


# -- the formula guard (spreadsheet-safe CSV/TSV) ---------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("x=1", "x=1"),
        ("", ""),
        ("'=x", "'=x"),
    ],
)
def test_formula_guard(text, expected):
    assert formula_guard(text) == expected


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_default_csv_and_tsv_are_spreadsheet_safe(tmp_path, fmt):
    row = {"doc_id": '=HYPERLINK("http://evil")', "quote": "=cmd|' /C calc'!A0", "orgs": ["@evil", "ok"]}
    row.update(char_start=-1, paragraph=-1)
    out = tmp_path / f"c{EXT[fmt]}"
    write(out, fmt, [[row]])
    back = read_table(out)
    assert back.loc[0, "doc_id"] == '\'=HYPERLINK("http://evil")'
    assert back.loc[0, "quote"] == "'=cmd|' /C calc'!A0"
    assert back.loc[0, "orgs"] == ["'@evil", "ok"]
    assert back.loc[0, "paragraph"] == -1  # numbers are numbers, never guarded
    text = out.read_text(encoding="utf-8")
    sep = "," if fmt == "csv" else "\t"
    assert all(not cell.startswith(("=", "+", "@")) for line in text.splitlines() for cell in line.split(sep))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_excel_adds_a_bom(tmp_path, fmt):
    rows = tricky_rows()
    out = tmp_path / f"x{EXT[fmt]}"
    write(out, fmt, [rows], excel=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf" + b"claim_id")
    pd.testing.assert_frame_equal(read_table(out), to_frame(guarded(rows)))


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "sqlite", "xlsx"])
def test_other_formats_keep_text_as_found(tmp_path, fmt):
    out = tmp_path / f"c{EXT[fmt]}"
    write(out, fmt, [[{"quote": "=1+1", "doc_id": "-x"}]])
    back = read_table(out)
    assert (back.loc[0, "quote"], back.loc[0, "doc_id"]) == ("=1+1", "-x")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_extra_columns_kept_after_schema(tmp_path, fmt):
    frame = to_frame(tricky_rows()[:3])
    frame["extra"] = ["x", "y", "z"]
    out = tmp_path / f"c{EXT[fmt]}"
    if fmt in ("csv", "tsv"):
        for name in ("countries", "orgs"):
            frame[name] = frame[name].map(";".join)
        frame.to_csv(out, index=False, sep="," if fmt == "csv" else "\t")
    elif fmt == "jsonl":
        frame.to_json(out, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        frame.to_parquet(out)
    back = read_table(out)
    assert list(back.columns) == [*COLUMN_NAMES, "extra"]
    assert list(back["extra"]) == ["x", "y", "z"]


def test_read_table_rejects_non_claims_table(tmp_path):
    out = tmp_path / "x.csv"
    out.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="missing column"):
        read_table(out)


# -- resolve_format / check_output ------------------------------------------


@pytest.mark.parametrize(
    "out, fmt, expected",
    [
        ("claims.csv", None, "csv"),
        ("claims.tsv", None, "tsv"),
        ("claims.jsonl", None, "jsonl"),
        ("claims.ndjson", None, "jsonl"),
        ("claims.parquet", None, "parquet"),
        ("claims.pq", None, "parquet"),
        ("CLAIMS.CSV", None, "csv"),
        ("dir.v2/claims.tsv", None, "tsv"),
        ("-", None, "csv"),
        ("-", "jsonl", "jsonl"),
        ("-", "parquet", "parquet"),
        ("claims.txt", "tsv", "tsv"),
        ("claims", "parquet", "parquet"),
        ("claims.csv", "csv", "csv"),
        ("claims.csv", "CSV", "csv"),
        ("claims.ndjson", "jsonl", "jsonl"),
        ("claims.xlsx", None, "xlsx"),
        ("claims.XLSX", "xlsx", "xlsx"),
        ("claims.db", None, "sqlite"),
        ("claims.sqlite", None, "sqlite"),
        ("claims.sqlite3", None, "sqlite"),
        ("claims.out", "sqlite", "sqlite"),
        ("-", "xlsx", "xlsx"),
    ],
)
def test_resolve_format(out, fmt, expected):
    assert resolve_format(out, fmt) == expected


@pytest.mark.parametrize(
    "out, fmt, words",
    [
        ("claims.csv", "parquet", ["parquet", "claims.csv"]),
        ("claims.pq", "jsonl", ["jsonl", "claims.pq"]),
        ("claims.xls", None, ["claims.xls", "--format", ".xlsx", ".db"]),
        ("claims", None, ["claims", "--format"]),
        ("claims.csv.gz", None, ["claims.csv.gz"]),
        ("claims.csv", "xlsx", ["xlsx", "claims.csv"]),
        ("claims.db", "csv", ["csv", "sqlite"]),
        ("claims.csv", "excel", ["excel", "csv|tsv|jsonl|parquet|xlsx|sqlite"]),
        ("-", "ndjson", ["ndjson"]),
    ],
)
def test_resolve_format_errors(out, fmt, words):
    with pytest.raises(UsageError) as info:
        resolve_format(out, fmt)
    for word in words:
        assert word in str(info.value)


@pytest.mark.parametrize(
    "out, fmt, isatty, options, error",
    [
        ("-", "parquet", True, {}, "refusing to write parquet to a terminal"),
        ("-", "xlsx", True, {}, "refusing to write xlsx to a terminal"),
        ("-", "sqlite", False, {}, "written to a file, not stdout: use -o FILE.db"),
        ("-", "parquet", False, {}, None),
        ("-", "xlsx", False, {}, None),
        ("-", None, True, {}, None),
        ("-", None, True, {"excel": True}, None),
        ("x.tsv", None, False, {"excel": True}, None),
        ("x.tsv", None, False, {"formula_guard": False}, None),
        ("x.jsonl", None, False, {"excel": True}, "--excel applies to CSV/TSV only"),
        ("x.parquet", None, False, {"excel": True}, "--excel applies to CSV/TSV only"),
        ("x.xlsx", None, False, {"excel": True}, "--excel applies to CSV/TSV only, not xlsx"),
        ("x.db", None, False, {"formula_guard": False}, "--no-formula-guard applies to CSV/TSV only: sqlite keeps"),
        ("x.xlsx", None, False, {"formula_guard": False}, "drop --no-formula-guard"),
        ("{dir}", "csv", False, {}, "is a directory"),
        ("{file}/x.csv", None, False, {}, "not a directory"),
        ("new/deeper/x.csv", None, False, {}, None),
        ("new/deeper/x.db", None, False, {}, None),
    ],
)
def test_check_output(tmp_path, out, fmt, isatty, options, error):
    (tmp_path / "adir").mkdir()
    (tmp_path / "afile").write_text("")
    if out != "-":
        out = str(tmp_path / out.format(dir="adir", file="afile"))
    if error is None:
        assert check_output(out, fmt, stdout_isatty=isatty, **options) in FORMATS
        assert not (tmp_path / "new").exists()  # nothing created before the work
    else:
        with pytest.raises(UsageError, match=error):
            check_output(out, fmt, stdout_isatty=isatty, **options)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "xlsx", "sqlite"])
def test_writer_rejects_text_options_for_other_formats(tmp_path, fmt):
    with pytest.raises(UsageError):
        open_table_writer(tmp_path / f"x{EXT[fmt]}", fmt, excel=True)
    with pytest.raises(UsageError):
        open_table_writer(tmp_path / f"x{EXT[fmt]}", fmt, formula_guard=False)


# -- stdout ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", STREAMS)
def test_stdout(tmp_path, fmt):
    rows = tricky_rows()
    sink = io.BytesIO()
    assert write("-", fmt, [rows[:5], rows[5:]], stdout=sink) == len(rows)
    assert not list(tmp_path.iterdir())
    copy = tmp_path / f"copy{EXT[fmt]}"
    copy.write_bytes(sink.getvalue())
    pd.testing.assert_frame_equal(read_table(copy), to_frame(rows if fmt in FAITHFUL else guarded(rows)))


def test_sqlite_refuses_stdout():
    with pytest.raises(UsageError, match="use -o FILE.db"):
        open_table_writer("-", "sqlite", stdout=io.BytesIO())


def test_stdout_parquet_aborted_gets_no_footer():
    sink = io.BytesIO()
    with pytest.raises(RuntimeError), open_table_writer("-", "parquet", stdout=sink) as writer:
        writer.write(tricky_rows())
        raise RuntimeError("boom")
    assert not sink.getvalue().endswith(b"PAR1") or len(sink.getvalue()) <= 4


# -- atomicity -------------------------------------------------------------


def failing_rows(rows, after):
    for i, row in enumerate(rows):
        if i == after:
            raise RuntimeError("boom mid-way")
        yield row


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
def test_failed_write_leaves_old_output(tmp_path, fmt, exc):
    out = tmp_path / f"claims{EXT[fmt]}"
    write(out, fmt, [tricky_rows()[:2]])
    before = out.read_bytes()

    with pytest.raises(exc), open_table_writer(out, fmt) as writer:
        writer.write(tricky_rows())
        assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # writing elsewhere
        raise exc()
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_failure_inside_write_generator(tmp_path, fmt):
    out = tmp_path / "sub" / f"claims{EXT[fmt]}"
    with pytest.raises(RuntimeError, match="mid-way"), open_table_writer(out, fmt) as writer:
        writer.write(failing_rows(tricky_rows(), after=5))
    assert list((tmp_path / "sub").iterdir()) == []  # dir created, no output, no temp


def test_new_file_gets_normal_permissions_and_keeps_old_mode(tmp_path):
    out = tmp_path / "c.csv"
    write(out, "csv", [[{}]])
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    out.chmod(0o640)
    write(out, "csv", [[{}]])
    assert out.stat().st_mode & 0o777 == 0o640


def test_write_outside_with_block_is_an_error(tmp_path):
    writer = open_table_writer(tmp_path / "c.csv", "csv")
    with pytest.raises(RuntimeError):
        writer.write([{}])
    assert not list(tmp_path.iterdir())


# -- streaming -------------------------------------------------------------


def test_parquet_streams_row_groups(tmp_path, monkeypatch):
    import claimex.io.writing as writing

    monkeypatch.setattr(writing, "BATCH_ROWS", 4)
    rows = tricky_rows()  # 23 rows
    out = tmp_path / "c.parquet"
    with open_table_writer(out, "parquet") as writer:
        writer.write(rows[:3])  # one group of 3
        assert writer.rows == 3
        writer.write(iter(rows[3:]))  # 20 rows in groups of 4,4,4,4,4
        writer.write([])  # no empty group
    assert writer.rows == len(rows)
    meta = pq.ParquetFile(out).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [3, 4, 4, 4, 4, 4]
    pd.testing.assert_frame_equal(read_table(out), to_frame(rows))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl"])
def test_text_formats_stream_to_disk(tmp_path, fmt):
    out = tmp_path / f"c{EXT[fmt]}"
    with open_table_writer(out, fmt) as writer:
        writer.write(tricky_rows()[:2])
        (tmp,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert tmp.name.startswith(f".{out.name}.")
        size = tmp.stat().st_size
        assert size > 0
        writer.write(tricky_rows()[2:])
        assert tmp.stat().st_size > size
        assert not out.exists()
    assert out.exists() and not tmp.exists()
    assert len(read_table(out)) == len(TRICKY_TEXTS)


class ShortWrites(io.BytesIO):
    """A stream that, like a pipe, takes at most ``limit`` bytes a call; then, if ``breaks``, the reader is gone."""

    def __init__(self, limit: int, breaks: bool = False):
        super().__init__()
        self.limit, self.breaks = limit, breaks

    def write(self, data) -> int:
        if self.breaks and self.tell() >= self.limit:
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(bytes(memoryview(data).cast("B")[: self.limit]))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl"])
def test_a_short_write_is_completed_not_lost(fmt):
    sink = ShortWrites(limit=100)
    rows = tricky_rows()
    write("-", fmt, [rows], stdout=sink)
    copy = ShortWrites(limit=10**9)
    write("-", fmt, [rows], stdout=copy)
    assert sink.getvalue() == copy.getvalue()


def test_a_pipe_closed_mid_write_raises_instead_of_dropping_rows():
    with pytest.raises(BrokenPipeError), open_table_writer("-", "jsonl", stdout=ShortWrites(100, breaks=True)) as w:
        w.write(tricky_rows())
