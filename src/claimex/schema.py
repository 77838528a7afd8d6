"""The claims table: its columns, defined once.

Every writer (CSV, TSV, JSONL, Parquet) and the pandas table take their
columns, order and types from :data:`COLUMNS`.  Text columns never hold
nulls: an unknown value is the empty string, so every format round-trips
the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "str", "int" or "float"
    doc: str


COLUMNS: tuple[Column, ...] = (
    Column("claim_id", "str", "Stable id: a hash of doc_id and the quote's offsets."),
    Column("doc_id", "str", "The input's path relative to the PATH given, or FILE.jsonl#ID."),
    Column("published", "str", "Article date, ISO YYYY-MM-DD; empty when unknown."),
    Column("speaker", "str", "Canonical speaker: the fullest name the article gives."),
    Column("speaker_mention", "str", "The words naming the speaker at the claim ('She', 'Hua', 'who')."),
    Column("speaker_type", "str", "PERSON, ORG, GPE, NORP or OTHER."),
    Column("speaker_role", "str", "Role or title ('Foreign Ministry spokeswoman')."),
    Column("speaker_org", "str", "The body the speaker speaks for."),
    Column("speaker_country", "str", "ISO 3166-1 alpha-3 code of the speaker's country."),
    Column("cue", "str", "Reporting verb or phrase, lemmatized ('say', 'according to')."),
    Column("quote", "str", "The statement as written; direct quotes without their marks."),
    Column("quote_type", "str", "direct, indirect or mixed."),
    Column("claim_kind", "str", "speech, thought, evidence or action (what the cue attributes; see README)."),
    Column("confidence", "float", "Probability that the row is right (statement and speaker), 0 to 1; -1 unknown."),
    Column("said_on", "str", "ISO date the statement was made; empty when not told."),
    Column("said_on_text", "str", "The words giving that date ('Monday')."),
    Column("countries", "str", "ISO alpha-3 codes of countries the quote mentions, sorted, ';'-joined."),
    Column("orgs", "str", "Organizations the quote mentions, ';'-joined."),
    Column("char_start", "int", "Offset of the quote's first character in the article text as read."),
    Column("char_end", "int", "Offset one past the quote's last character."),
    Column("said_on_precision", "str", "day, week, month or year; empty with no said_on."),
    Column("paragraph", "int", "0-based index of the paragraph where the quote starts."),
    Column(
        "speaker_id",
        "str",
        "The speaker's name across all the articles of the run ('Trump', 'Donald J. Trump' -> 'Donald Trump');"
        " empty for an unnamed speaker.",
    ),
    Column(
        "statement_id",
        "str",
        "Shared by the rows that quote the same statement, across articles (same words up to punctuation,"
        " case and small edits, or one contained in the other).",
    ),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
#: Columns a table written by an older claimex lacks: read back, they are empty (a number: -1, unknown).
LATER_COLUMNS: frozenset[str] = frozenset({"speaker_id", "statement_id", "claim_kind", "confidence"})
INT_COLUMNS: frozenset[str] = frozenset(c.name for c in COLUMNS if c.kind == "int")
FLOAT_COLUMNS: frozenset[str] = frozenset(c.name for c in COLUMNS if c.kind == "float")
STR_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "str")

_ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
ARROW_SCHEMA = pa.schema([pa.field(c.name, _ARROW_TYPES[c.kind], nullable=False) for c in COLUMNS])


def conform(record: dict) -> dict:
    """Return ``record`` with exactly the schema's columns, in order and typed.

    Missing text becomes ``""``; missing numbers become ``-1``.  Unknown keys
    are dropped so that no writer ever sees a column the schema lacks.
    """
    row = {}
    for col in COLUMNS:
        value = record.get(col.name)
        if col.kind == "int":
            row[col.name] = -1 if value is None or value == "" else int(value)
        elif col.kind == "float":
            row[col.name] = -1.0 if value is None or value == "" else float(value)
        else:
            row[col.name] = "" if value is None else str(value)
    return row
