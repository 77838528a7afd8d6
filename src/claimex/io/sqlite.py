"""The claims table as a SQLite database (``.db``, ``.sqlite``), ready for sqlite3, sqlite-utils and Datasette.

The database holds one table, ``claims``, with the schema's columns in order
and typed: text ``TEXT NOT NULL``, integers ``INTEGER NOT NULL``, floats
``REAL``, dates ISO ``YYYY-MM-DD`` ``TEXT`` (``NULL`` when unknown; SQLite's
date functions read that form), lists as JSON arrays in ``TEXT NOT NULL``
(``'["CHN","USA"]'``; query them with ``json_each``), as sqlite-utils stores
lists.  Rows keep the table's order (``ORDER BY rowid``).  Indexes on
``speaker``, ``doc_id`` and ``published`` make the usual filters fast, and
``claims_fts``, an FTS5 full-text index on ``quote`` (external content, kept
in step by triggers, named and declared as sqlite-utils' ``enable_fts`` does,
which is how sqlite-utils and Datasette find it), answers word searches::

    SELECT speaker, quote FROM claims
    WHERE rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'tariffs')

Text is stored byte for byte (no formula guard).  The database is built in
one transaction without a journal inside the writer's temporary file, which
replaces the output only when complete; it cannot be streamed to stdout.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd

from claimex.schema import COLUMN_NAMES, COLUMNS, to_json

TABLE = "claims"
FTS_TABLE = f"{TABLE}_fts"
INDEXED = ("speaker", "doc_id", "published")
FULL_TEXT = "quote"
SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "date": "TEXT", "list": "TEXT"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql() -> str:
    """``CREATE TABLE claims (...)`` from the schema."""
    columns = ",\n    ".join(
        f"{_quote(c.name)} {SQL_TYPES[c.kind]}{'' if c.nullable else ' NOT NULL'}" for c in COLUMNS
    )
    return f"CREATE TABLE {_quote(TABLE)} (\n    {columns}\n)"


def _index_sql() -> list[str]:
    statements = [f"CREATE INDEX {_quote(f'idx_{TABLE}_{c}')} ON {_quote(TABLE)} ({_quote(c)})" for c in INDEXED]
    t, fts, q = _quote(TABLE), _quote(FTS_TABLE), _quote(FULL_TEXT)
    statements += [
        f"CREATE VIRTUAL TABLE {fts} USING FTS5 ({q}, content=[{TABLE}])",
        f"INSERT INTO {fts} (rowid, {q}) SELECT rowid, {q} FROM {t}",
        # The triggers keep the index right if the table is edited later (sqlite-utils' create_triggers).
        f"CREATE TRIGGER {_quote(TABLE + '_ai')} AFTER INSERT ON {t} BEGIN "
        f"INSERT INTO {fts} (rowid, {q}) VALUES (new.rowid, new.{q}); END",
        f"CREATE TRIGGER {_quote(TABLE + '_ad')} AFTER DELETE ON {t} BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, {q}) VALUES('delete', old.rowid, old.{q}); END",
        f"CREATE TRIGGER {_quote(TABLE + '_au')} AFTER UPDATE ON {t} BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, {q}) VALUES('delete', old.rowid, old.{q}); "
        f"INSERT INTO {fts} (rowid, {q}) VALUES (new.rowid, new.{q}); END",
    ]
    return statements


class SqliteEncoder:
    """Writes conformed rows into a new database at ``path`` (an empty or missing file)."""

    def __init__(self, path: str | Path):
        self._connection = sqlite3.connect(path, isolation_level=None)
        # A fresh file that replaces the output only once complete: no journal, no syncs until then.
        self._connection.execute("PRAGMA journal_mode = OFF")
        self._connection.execute("PRAGMA synchronous = OFF")
        self._connection.execute("BEGIN")
        self._connection.execute(create_table_sql())
        names = ", ".join(_quote(n) for n in COLUMN_NAMES)
        self._insert = f"INSERT INTO {_quote(TABLE)} ({names}) VALUES ({', '.join('?' * len(COLUMN_NAMES))})"
        self._lists = [c.name for c in COLUMNS if c.kind == "list"]

    def write(self, rows: list[dict]) -> None:
        self._connection.executemany(self._insert, (self._values(row) for row in rows))

    def _values(self, row: dict) -> tuple:
        values = to_json(row)
        for name in self._lists:
            values[name] = json.dumps(values[name], ensure_ascii=False)
        return tuple(values.values())

    def close(self) -> None:
        """Index the table, commit, and close the database."""
        try:
            for statement in _index_sql():
                self._connection.execute(statement)
            self._connection.execute("COMMIT")
        finally:
            self._connection.close()

    def abort(self) -> None:
        self._connection.close()


def read_sqlite(path: Path) -> pd.DataFrame:
    """The ``claims`` table of a database, in row order, lists decoded from JSON."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True)
    try:
        found = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone()
        if found is None:
            raise ValueError(f"no table {TABLE!r}: not a claims database written by claimex")
        frame = pd.read_sql_query(f"SELECT * FROM {_quote(TABLE)} ORDER BY rowid", connection)
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"cannot read it as SQLite ({exc})") from None
    finally:
        connection.close()
    for column in COLUMNS:
        if column.kind == "list" and column.name in frame.columns:
            frame[column.name] = frame[column.name].map(_json_list)
    return frame


def _json_list(text):
    if text is None or text == "":
        return []
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        raise ValueError(f"{text!r} is not a JSON list") from None


__all__ = ["TABLE", "FTS_TABLE", "INDEXED", "create_table_sql", "SqliteEncoder", "read_sqlite"]
