"""The claims table: its columns and their types, defined once.

Every writer (CSV, TSV, JSONL, Parquet, xlsx, SQLite), every reader and the
pandas table take their columns, order and types from :data:`COLUMNS`.  A
column has one of five kinds; each kind has one Python type in a row (what
:func:`conform` returns and every writer receives), one Arrow type
(:data:`ARROW_TYPES`) and one pandas dtype (:data:`PANDAS_DTYPES`):

========  ============================  ====================  ===================
kind      Python value in a row         Arrow (Parquet)       pandas dtype
========  ============================  ====================  ===================
``str``   ``str``, ``""`` when unknown  ``string``            ``"string"``
``int``   ``int``                       ``int64``             ``"int64"``
``float`` ``float`` or ``None``         ``float64``           ``"float64"`` (NaN)
``date``  ``datetime.date`` or ``None`` ``date32``            ``"datetime64[s]"`` (NaT)
``list``  ``list[str]``, ``[]`` if none ``list<string>``      ``object`` (lists)
========  ============================  ====================  ===================

Text and list columns never hold nulls (an unknown text is ``""``, no item is
``[]``); dates and floats are null when unknown.  Formats without a list or
date type write them as text (:func:`to_text`): a date as ISO ``YYYY-MM-DD``,
a list joined with ``;`` (so a ``;`` inside an item cannot be told from the
separator there: Parquet, JSONL and SQLite keep the list).

A new column is one more :class:`Column` here; every format picks it up.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime

import pyarrow as pa

KINDS = ("str", "int", "float", "date", "list")

#: Items of a list column in formats that hold only text (CSV, TSV, spreadsheets).
LIST_SEPARATOR = ";"

ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "date": pa.date32(),
    "list": pa.list_(pa.string()),
}

PANDAS_DTYPES: dict[str, str] = {
    "str": "string",
    "int": "int64",
    "float": "float64",
    "date": "datetime64[s]",  # seconds: any year fits (nanoseconds stop at 2262)
    "list": "object",
}

# An ISO date, or a midnight timestamp of one (as pandas writes dates to JSON and CSV).
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # one of KINDS
    doc: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"column {self.name!r}: unknown kind {self.kind!r} (one of {', '.join(KINDS)})")

    @property
    def nullable(self) -> bool:
        """Dates and floats may be unknown (null); text, ints and lists never are."""
        return self.kind in ("date", "float")


COLUMNS: tuple[Column, ...] = (
    Column("claim_id", "str", "Stable id: a hash of doc_id and the quote's offsets."),
    Column("doc_id", "str", "The input's path relative to the PATH given, or FILE.jsonl#ID."),
    Column("published", "date", "Article date; null when unknown."),
    Column("speaker", "str", "Canonical speaker: the fullest name the article gives."),
    Column("speaker_mention", "str", "The words naming the speaker at the claim ('She', 'Hua', 'who')."),
    Column("speaker_type", "str", "PERSON, ORG, GPE, NORP or OTHER."),
    Column("speaker_role", "str", "Role or title ('Foreign Ministry spokeswoman')."),
    Column("speaker_org", "str", "The body the speaker speaks for."),
    Column("speaker_country", "str", "ISO 3166-1 alpha-3 code of the speaker's country."),
    Column("cue", "str", "Reporting verb or phrase, lemmatized ('say', 'according to')."),
    Column("quote", "str", "The statement as written; direct quotes without their marks, mixed ones with theirs."),
    Column("quote_type", "str", "direct, indirect or mixed."),
    Column("claim_kind", "str", "speech, thought, evidence or action (what the cue attributes; see README)."),
    Column(
        "confidence", "float", "Probability that the row is right (statement and speaker), 0 to 1; null when unknown."
    ),
    Column(
        "said_on", "date", "The date the statement was made (its first day; see said_on_precision); null when not told."
    ),
    Column("said_on_text", "str", "The words giving that date ('Monday')."),
    Column("countries", "list", "ISO alpha-3 codes of countries the quote mentions, sorted."),
    Column("orgs", "list", "Organizations the quote mentions, in text order."),
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
#: Columns a table written by an older claimex lacks: read back, they are empty (null).
LATER_COLUMNS: frozenset[str] = frozenset({"speaker_id", "statement_id", "claim_kind", "confidence"})
KIND: dict[str, str] = {c.name: c.kind for c in COLUMNS}
INT_COLUMNS: frozenset[str] = frozenset(c.name for c in COLUMNS if c.kind == "int")
FLOAT_COLUMNS: frozenset[str] = frozenset(c.name for c in COLUMNS if c.kind == "float")
STR_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "str")

ARROW_SCHEMA = pa.schema([pa.field(c.name, ARROW_TYPES[c.kind], nullable=c.nullable) for c in COLUMNS])


def conform(record: dict) -> dict:
    """Return ``record`` with exactly the schema's columns, in order and typed.

    Each value becomes its kind's Python type (see the module docstring),
    read from what any claimex format gives back: ISO ``YYYY-MM-DD`` text or
    a date for dates, a list or ``;``-joined text for lists, numbers or
    their text.  Missing text becomes ``""``, a missing list ``[]``, a
    missing number ``-1``, a missing date or float ``None``.  Unknown keys
    are dropped so that no writer ever sees a column the schema lacks.  A
    value that cannot be read as its kind raises :class:`ValueError`
    naming the column.
    """
    return {c.name: _CONVERT[c.kind](record.get(c.name), c.name) for c in COLUMNS}


def conform_value(kind: str, value, name: str = "value"):
    """One value as its ``kind``'s Python type (as :func:`conform` reads it); ``name`` is for the error."""
    return _CONVERT[kind](value, name)


def to_text(kind: str, value) -> str:
    """A conformed value as text-only formats write it: ISO dates, ``;``-joined lists, ``""`` for null."""
    if value is None:
        return ""
    if kind == "date":
        return value.isoformat()
    if kind == "list":
        return LIST_SEPARATOR.join(value)
    if kind == "float":
        return repr(value)
    return str(value)


def to_json(row: dict) -> dict:
    """A conformed row with JSON types: dates as ISO text (null when unknown); lists, numbers and text as they are."""
    return {
        name: (value.isoformat() if KIND[name] == "date" and value is not None else value)
        for name, value in row.items()
    }


def _is_missing(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value)) or value != value  # NaT


def _str(value, name: str) -> str:
    return "" if value is None else str(value)


def _int(value, name: str) -> int:
    if value is None or value == "":
        return -1
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(f"column {name!r}: {value!r} is not an integer") from None


def _float(value, name: str) -> float | None:
    if _is_missing(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"column {name!r}: {value!r} is not a number") from None


def _date(value, name: str) -> date | None:
    if isinstance(value, datetime):  # before date: a datetime (and a pandas Timestamp) is a date too
        return None if value != value else value.date()
    if isinstance(value, date):
        return value
    if _is_missing(value):
        return None
    match = _ISO_DATE.fullmatch(str(value).strip())
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            pass
    raise ValueError(f"column {name!r}: {value!r} is not a date (YYYY-MM-DD)")


def _list(value, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return value.split(LIST_SEPARATOR) if value else []
    if isinstance(value, float) and math.isnan(value):
        return []
    try:
        return [str(item) for item in value]
    except TypeError:
        raise ValueError(f"column {name!r}: {value!r} is not a list") from None


_CONVERT = {"str": _str, "int": _int, "float": _float, "date": _date, "list": _list}
