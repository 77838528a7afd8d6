"""The claims table as a pandas DataFrame, and reading a written table back.

Types are the schema's (:mod:`claimex.schema`): int columns are ``int64``,
text columns are pandas ``"string"`` (:data:`TEXT_DTYPE`) and never hold a
missing value -- an unknown text is ``""``.  Every function here returns
frames with exactly those types, so frames from :func:`to_frame` and from
:func:`read_table` compare equal.

Limits: both functions hold the whole table in memory.  To write a large
corpus, stream rows with :func:`claimex.io.writing.open_table_writer` instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from claimex.schema import COLUMN_NAMES, INT_COLUMNS, conform

#: The one dtype of text columns in every claims DataFrame.
TEXT_DTYPE = "string"


def to_frame(records: Iterable[dict]) -> pd.DataFrame:
    """Return ``records`` as a claims DataFrame.

    Each record is passed through :func:`claimex.schema.conform`: the frame
    has exactly the schema's columns in order, unknown keys are dropped,
    missing text is ``""`` and a missing number ``-1``.
    """
    rows = [conform(r) for r in records]
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMN_NAMES))
    return conform_frame(frame)


def conform_frame(frame: pd.DataFrame, *, source: str = "table") -> pd.DataFrame:
    """Return ``frame`` with the schema's columns first, in order and typed.

    Columns the schema lacks are kept, after the schema's, unchanged.  A
    missing schema column, or an int column holding something that is not
    an integer, raises :class:`ValueError` naming ``source``.  Missing text
    becomes ``""``.
    """
    missing = [c for c in COLUMN_NAMES if c not in frame.columns]
    if missing:
        raise ValueError(f"{source}: not a claims table, missing column(s): {', '.join(missing)}")
    extra = [c for c in frame.columns if c not in COLUMN_NAMES]
    out = frame.loc[:, list(COLUMN_NAMES) + extra].copy()
    for name in COLUMN_NAMES:
        if name in INT_COLUMNS:
            try:
                out[name] = out[name].astype("int64")
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{source}: column {name!r} must hold integers ({exc})") from None
        else:
            out[name] = out[name].astype(TEXT_DTYPE).fillna("")
    return out.reset_index(drop=True)


def read_table(path: str | Path, fmt: str | None = None) -> pd.DataFrame:
    """Read a claims table written by claimex (csv, tsv, jsonl or parquet).

    The format is ``fmt`` or else comes from the extension (as for
    ``--format``/``-o``).  Text is read as text: ``""`` stays ``""`` and
    ``"NA"`` stays ``"NA"``; a UTF-8 BOM (``--excel``) is skipped, but the
    ``'`` that ``--excel`` puts before formula-like cells is *not* removed.
    Columns the schema lacks are kept after the schema's (as text for
    csv/tsv, as stored for jsonl/parquet).  Reading from stdin is not
    supported.
    """
    from claimex.io.writing import resolve_format  # late: writing imports this module

    path = Path(path)
    fmt = resolve_format(str(path), fmt)
    if fmt in ("csv", "tsv"):
        frame = pd.read_csv(
            path,
            sep="," if fmt == "csv" else "\t",
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            encoding="utf-8-sig",
        )
    elif fmt == "jsonl":
        frame = _read_jsonl(path)
    else:
        frame = pq.read_table(path).to_pandas()
    return conform_frame(frame, source=str(path))


def _read_jsonl(path: Path) -> pd.DataFrame:
    records = []
    # Binary lines: split on b"\n" only, never on U+2028 or a stray "\r".
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, 1):
            if line.startswith(b"\xef\xbb\xbf") and number == 1:
                line = line[3:]
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not a JSON line ({exc})") from None
    if not records:  # an empty result is an empty file: it has no header
        return pd.DataFrame(columns=list(COLUMN_NAMES))
    return pd.DataFrame.from_records(records)


__all__ = ["TEXT_DTYPE", "to_frame", "conform_frame", "read_table"]
