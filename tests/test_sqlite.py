"""The SQLite output: typed columns, indexes and full-text search, as sqlite3 and sqlite-utils use them."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pandas as pd
import pytest
import sqlite_utils

from claimex.io.writing import open_table_writer
from claimex.schema import COLUMN_NAMES, COLUMNS, conform, to_json
from claimex.table import read_table, to_frame
from test_writing import TRICKY_TEXTS, tricky_rows, write

ROWS = [
    {
        "doc_id": "a.txt",
        "speaker": "Hua Chunying",
        "quote": "China firmly opposes the tariffs imposed on its exports.",
        "published": date(2024, 3, 1),
        "countries": ["CHN", "USA"],
        "orgs": ["Foreign Ministry"],
        "char_start": 10,
        "char_end": 66,
    },
    {
        "doc_id": "b.txt",
        "speaker": "Maria Lopez",
        "quote": "We will not accept any delay in the talks.",
        "countries": ["ESP"],
        "char_start": 0,
        "char_end": 42,
    },
]


@pytest.fixture
def database(tmp_path):
    out = tmp_path / "claims.db"
    write(out, "sqlite", [ROWS])
    connection = sqlite3.connect(out)
    yield connection
    connection.close()


def test_claims_table_has_the_schema_s_types(database):
    info = {name: (kind, notnull) for _, name, kind, notnull, _, _ in database.execute("PRAGMA table_info(claims)")}
    assert list(info) == list(COLUMN_NAMES)
    assert info["char_start"] == ("INTEGER", 1) and info["quote"] == ("TEXT", 1)
    assert info["published"] == ("TEXT", 0) and info["countries"] == ("TEXT", 1)
    assert {c.name for c in COLUMNS if c.nullable} == {name for name, (_, notnull) in info.items() if not notnull}


def test_sqlite3_queries(database):
    rows = database.execute("SELECT speaker, published, char_end - char_start FROM claims ORDER BY rowid").fetchall()
    assert rows == [("Hua Chunying", "2024-03-01", 56), ("Maria Lopez", None, 42)]
    assert database.execute("SELECT strftime('%Y', published) FROM claims WHERE published IS NOT NULL").fetchone() == (
        "2024",
    )
    countries = database.execute(
        "SELECT value FROM claims, json_each(claims.countries) WHERE speaker = 'Hua Chunying'"
    ).fetchall()
    assert countries == [("CHN",), ("USA",)]


def test_indexes_on_speaker_doc_id_and_published(database):
    indexed = set()
    for _, name, *_ in database.execute("PRAGMA index_list(claims)"):
        indexed.update(row[2] for row in database.execute(f"PRAGMA index_info({name})"))
    assert {"speaker", "doc_id", "published"} <= indexed
    plan = " ".join(str(r) for r in database.execute("EXPLAIN QUERY PLAN SELECT * FROM claims WHERE speaker = 'x'"))
    assert "USING INDEX" in plan


def test_full_text_search_on_the_quote(database):
    found = database.execute(
        "SELECT speaker FROM claims WHERE rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'tariffs')"
    ).fetchall()
    assert found == [("Hua Chunying",)]
    # The triggers keep the index right when the table is edited afterwards.
    row = to_json(conform({"claim_id": "x", "doc_id": "c", "speaker": "New", "quote": "more tariffs"}))
    values = [json.dumps(v) if isinstance(v, list) else v for v in row.values()]
    names = ", ".join(row)
    database.execute(f"INSERT INTO claims ({names}) VALUES ({', '.join('?' * len(row))})", values)
    database.execute("DELETE FROM claims WHERE speaker = 'Hua Chunying'")
    assert database.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'tariffs'").fetchall() == [(3,)]


def test_sqlite_utils_finds_the_table_and_its_full_text_index(tmp_path):
    out = tmp_path / "claims.db"
    write(out, "sqlite", [ROWS])
    db = sqlite_utils.Database(out)
    table = db["claims"]
    assert table.detect_fts() == "claims_fts"  # Datasette detects it the same way, and offers a search box
    assert [row["speaker"] for row in table.search("delay")] == ["Maria Lopez"]
    assert table.columns_dict["char_start"] is int and table.columns_dict["published"] is str


def test_round_trip_keeps_every_value(tmp_path):
    rows = tricky_rows()
    out = tmp_path / "claims.sqlite"
    write(out, "sqlite", [rows[:5], rows[5:]])
    pd.testing.assert_frame_equal(read_table(out), to_frame(rows))
    text = sqlite3.connect(out).execute("SELECT quote FROM claims WHERE rowid = 11").fetchone()[0]
    assert text == TRICKY_TEXTS[10] == "=SUM(A1:A2)"  # faithful: no formula guard


def test_a_failed_write_leaves_the_previous_database(tmp_path):
    out = tmp_path / "claims.db"
    write(out, "sqlite", [ROWS])
    before = out.read_bytes()
    with pytest.raises(RuntimeError), open_table_writer(out, "sqlite") as writer:
        writer.write(tricky_rows())
        raise RuntimeError("boom")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]


def test_a_database_without_a_claims_table_is_refused(tmp_path):
    out = tmp_path / "other.db"
    sqlite3.connect(out).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ValueError, match="no table 'claims'"):
        read_table(out)
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    with pytest.raises(ValueError, match="cannot read it as SQLite"):
        read_table(bad)
