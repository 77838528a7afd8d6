"""Writing and reading back the claims table in every format."""

from __future__ import annotations

import io
import json
import os

import pandas as pd
import pyarrow.parquet as pq
import pytest

from claimex.io.writing import (
    FORMATS,
    UsageError,
    check_output,
    excel_guard,
    open_table_writer,
    resolve_format,
)
from claimex.schema import COLUMN_NAMES, FLOAT_COLUMNS, INT_COLUMNS, STR_COLUMNS
from claimex.table import TEXT_DTYPE, read_table, to_frame

EXT = {"csv": ".csv", "tsv": ".tsv", "jsonl": ".jsonl", "parquet": ".parquet"}

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
]


def tricky_rows() -> list[dict]:
    rows = []
    for i, text in enumerate(TRICKY_TEXTS):
        row = {name: f"{name}-{i}" for name in STR_COLUMNS}
        row.update(quote=text, speaker=text, published="" if i % 2 else "2024-03-01")
        row.update(char_start=i * 10, char_end=i * 10 + len(text), paragraph=i - 1)  # -1 included
        row.update(confidence=round(i / len(TRICKY_TEXTS), 3) if i else -1.0)  # -1: not judged
        rows.append(row)
    return rows


def write(path, fmt, batches, **kw) -> int:
    with open_table_writer(path, fmt, **kw) as writer:
        for batch in batches:
            writer.write(batch)
    return writer.rows


def assert_schema_types(frame: pd.DataFrame) -> None:
    assert list(frame.columns[: len(COLUMN_NAMES)]) == list(COLUMN_NAMES)
    for name in COLUMN_NAMES:
        expected = "int64" if name in INT_COLUMNS else "float64" if name in FLOAT_COLUMNS else TEXT_DTYPE
        assert frame[name].dtype == expected, name
        if name not in INT_COLUMNS:
            assert not frame[name].isna().any(), name


# -- round trip ------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_every_format(tmp_path, fmt):
    rows = tricky_rows()
    out = tmp_path / f"claims{EXT[fmt]}"
    assert write(out, fmt, [rows]) == len(rows)
    back = read_table(out)
    assert_schema_types(back)
    pd.testing.assert_frame_equal(back, to_frame(rows))


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
    else:
        assert out.read_bytes() == b""


def test_to_frame_conforms_and_types():
    frame = to_frame([{"quote": "x", "char_start": "3", "bogus": 1}, {}])
    assert_schema_types(frame)
    assert "bogus" not in frame.columns
    assert frame.loc[0, "char_start"] == 3
    assert frame.loc[1, "char_end"] == -1 and frame.loc[1, "quote"] == ""
    assert_schema_types(to_frame([]))


def test_jsonl_is_one_object_per_line_with_int_numbers(tmp_path):
    out = tmp_path / "c.jsonl"
    write(out, "jsonl", [tricky_rows()])
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) - 1 == len(TRICKY_TEXTS)
    first = json.loads(lines[0])
    assert list(first) == list(COLUMN_NAMES)
    assert isinstance(first["char_start"], int)
    assert "中国" in out.read_text(encoding="utf-8")  # ensure_ascii=False


def test_csv_plain_has_no_bom_and_unchanged_values(tmp_path):
    out = tmp_path / "c.csv"
    write(out, "csv", [[{"quote": "=1+1", "speaker": "a,b"}]])
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in data
    assert b',"a,b",' in data and b",=1+1," in data
    assert read_table(out).loc[0, "quote"] == "=1+1"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_extra_columns_kept_after_schema(tmp_path, fmt):
    frame = to_frame(tricky_rows()[:3])
    frame["extra"] = ["x", "y", "z"]
    out = tmp_path / f"c{EXT[fmt]}"
    if fmt == "csv":
        frame.to_csv(out, index=False)
    elif fmt == "tsv":
        frame.to_csv(out, index=False, sep="\t")
    elif fmt == "jsonl":
        frame.to_json(out, orient="records", lines=True, force_ascii=False)
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
    ],
)
def test_resolve_format(out, fmt, expected):
    assert resolve_format(out, fmt) == expected


@pytest.mark.parametrize(
    "out, fmt, words",
    [
        ("claims.csv", "parquet", ["parquet", "claims.csv"]),
        ("claims.pq", "jsonl", ["jsonl", "claims.pq"]),
        ("claims.xlsx", None, ["claims.xlsx", "--format"]),
        ("claims", None, ["claims", "--format"]),
        ("claims.csv.gz", None, ["claims.csv.gz"]),
        ("claims.csv", "xlsx", ["xlsx", "csv|tsv|jsonl|parquet"]),
        ("-", "ndjson", ["ndjson"]),
    ],
)
def test_resolve_format_errors(out, fmt, words):
    with pytest.raises(UsageError) as info:
        resolve_format(out, fmt)
    for word in words:
        assert word in str(info.value)


@pytest.mark.parametrize(
    "out, fmt, isatty, excel, error",
    [
        ("-", "parquet", True, False, "refusing to write Parquet to a terminal"),
        ("-", "parquet", False, False, None),
        ("-", None, True, False, None),
        ("-", None, True, True, None),
        ("x.tsv", None, False, True, None),
        ("x.jsonl", None, False, True, "--excel applies to CSV/TSV only"),
        ("x.parquet", None, False, True, "--excel applies to CSV/TSV only"),
        ("{dir}", "csv", False, False, "is a directory"),
        ("{file}/x.csv", None, False, False, "not a directory"),
        ("new/deeper/x.csv", None, False, False, None),
    ],
)
def test_check_output(tmp_path, out, fmt, isatty, excel, error):
    (tmp_path / "adir").mkdir()
    (tmp_path / "afile").write_text("")
    if out != "-":
        out = str(tmp_path / out.format(dir="adir", file="afile"))
    if error is None:
        assert check_output(out, fmt, stdout_isatty=isatty, excel=excel) in FORMATS
        assert not (tmp_path / "new").exists()  # nothing created before the work
    else:
        with pytest.raises(UsageError, match=error):
            check_output(out, fmt, stdout_isatty=isatty, excel=excel)


def test_writer_rejects_excel_for_non_text_formats(tmp_path):
    with pytest.raises(UsageError):
        open_table_writer(tmp_path / "x.parquet", "parquet", excel=True)


# -- excel -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, guarded",
    [
        ("=SUM(A1)", "'=SUM(A1)"),
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
def test_excel_guard(text, guarded):
    assert excel_guard(text) == guarded


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_excel_bom_and_guard(tmp_path, fmt):
    rows = tricky_rows()
    out = tmp_path / f"x{EXT[fmt]}"
    write(out, fmt, [rows], excel=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf" + b"claim_id")
    back = read_table(out)
    expected = to_frame(rows)
    for name in STR_COLUMNS:
        expected[name] = expected[name].map(excel_guard).astype(TEXT_DTYPE)
    pd.testing.assert_frame_equal(back, expected)  # the ' stays; ints untouched (paragraph -1)
    assert back.loc[TRICKY_TEXTS.index("=SUM(A1:A2)"), "quote"] == "'=SUM(A1:A2)"
    assert back.loc[0, "paragraph"] == -1


# -- stdout ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_stdout(tmp_path, fmt):
    rows = tricky_rows()
    sink = io.BytesIO()
    assert write("-", fmt, [rows[:5], rows[5:]], stdout=sink) == len(rows)
    assert not list(tmp_path.iterdir())
    copy = tmp_path / f"copy{EXT[fmt]}"
    copy.write_bytes(sink.getvalue())
    pd.testing.assert_frame_equal(read_table(copy), to_frame(rows))


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
    rows = tricky_rows()  # 21 rows
    out = tmp_path / "c.parquet"
    with open_table_writer(out, "parquet") as writer:
        writer.write(rows[:3])  # one group of 3
        assert writer.rows == 3
        writer.write(iter(rows[3:]))  # 18 rows in groups of 4,4,4,4,2
        writer.write([])  # no empty group
    assert writer.rows == len(rows)
    meta = pq.ParquetFile(out).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [3, 4, 4, 4, 4, 2]
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
