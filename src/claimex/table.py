"""The claims table as a pandas DataFrame, and reading a written table back.

Dtypes are the schema's (:data:`claimex.schema.PANDAS_DTYPES`):

* text columns: ``"string"`` (:data:`TEXT_DTYPE`), never missing (``""``);
* ``char_start``, ``char_end``, ``paragraph``: ``"int64"``;
* ``published``, ``said_on``: ``"datetime64[s]"``, ``NaT`` when unknown;
* float columns: ``"float64"``, ``NaN`` when unknown;
* ``countries``, ``orgs``: ``object`` holding a Python ``list`` of ``str``
  each (``[]`` when none).

Every function here returns frames with exactly those types, so frames from
:func:`to_frame` and from :func:`read_table` of any format compare equal
(text aside where a format changes it: see :func:`read_table`).

Limits: both functions hold the whole table in memory.  To write a large
corpus, stream rows with :func:`claimex.io.writing.open_table_writer` instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from .errors import UsageError
from .io.delimited import read_csv, read_tsv
from .io.output_choice import PART_FILE, resolve_format
from .io.sqlite import read_sqlite
from .io.xlsx import read_xlsx
from .schema import COLUMN_NAMES, COLUMNS, KIND, LATER_COLUMNS, PANDAS_DTYPES, conform, conform_value

#: The one dtype of text columns in every claims DataFrame.
TEXT_DTYPE = PANDAS_DTYPES["str"]


def to_frame(records: Iterable[dict]) -> pd.DataFrame:
    """Return ``records`` as a claims DataFrame.

    Each record is passed through :func:`claimex.schema.conform`: the frame
    has exactly the schema's columns in order, unknown keys are dropped,
    missing text is ``""``, a missing list ``[]``, a missing int ``-1``
    and a missing date or float null.
    """
    rows = [conform(r) for r in records]
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMN_NAMES))
    return conform_frame(frame)


def conform_frame(frame: pd.DataFrame, *, source: str = "table") -> pd.DataFrame:
    """Return ``frame`` with the schema's columns first, in order and typed.

    Columns the schema lacks are kept, after the schema's, unchanged.  Each
    schema column is read from any form a claimex format gives back (ISO
    text, dates or timestamps for dates; lists, arrays or ``;``-joined text
    for lists; numbers or their text).  A missing schema column, or a value
    that cannot be read as its column's kind, raises :class:`ValueError`
    naming ``source``.  The columns older tables lack
    (:data:`~claimex.schema.LATER_COLUMNS`) are read back empty.
    """
    frame = frame.assign(**{c: None if KIND[c] == "float" else "" for c in LATER_COLUMNS if c not in frame.columns})
    missing = [c for c in COLUMN_NAMES if c not in frame.columns]
    if missing:
        raise ValueError(f"{source}: not a claims table, missing column(s): {', '.join(missing)}")
    extra = [c for c in frame.columns if c not in COLUMN_NAMES]
    out = frame.loc[:, list(COLUMN_NAMES) + extra].copy()
    for column in COLUMNS:
        try:
            out[column.name] = _SERIES[column.kind](out[column.name], column.name)
        except (ValueError, TypeError, OverflowError) as exc:
            raise ValueError(f"{source}: column {column.name!r} must hold {_WHAT[column.kind]} ({exc})") from None
    return out.reset_index(drop=True)


_WHAT = {"str": "text", "int": "integers", "float": "numbers", "date": "dates (YYYY-MM-DD)", "list": "lists"}


def _text_series(series: pd.Series, name: str) -> pd.Series:
    return series.astype(TEXT_DTYPE).fillna("")


def _int_series(series: pd.Series, name: str) -> pd.Series:
    return series.astype("int64")


def _float_series(series: pd.Series, name: str) -> pd.Series:
    if pd.api.types.is_float_dtype(series.dtype):
        return series.astype("float64")
    return pd.Series([conform_value("float", v, name) for v in series], index=series.index, dtype="float64")


def _date_series(series: pd.Series, name: str) -> pd.Series:
    dtype = PANDAS_DTYPES["date"]
    if pd.api.types.is_datetime64_dtype(series.dtype):
        return series.astype(dtype)
    days = [conform_value("date", v, name) for v in series]
    values = np.array([d.isoformat() if d is not None else "NaT" for d in days], dtype=dtype)
    return pd.Series(values, index=series.index)


def _list_series(series: pd.Series, name: str) -> pd.Series:
    return pd.Series([conform_value("list", v, name) for v in series], index=series.index, dtype="object")


_SERIES: dict[str, Callable[[pd.Series, str], pd.Series]] = {
    "str": _text_series,
    "int": _int_series,
    "float": _float_series,
    "date": _date_series,
    "list": _list_series,
}


def read_table(path: str | Path, fmt: str | None = None) -> pd.DataFrame:
    """Read a claims table written by claimex (csv, tsv, jsonl, parquet, xlsx or sqlite).

    The format is ``fmt`` or else comes from the extension (as for
    ``--format``/``-o``); a directory is read as partitioned Parquet.  Every
    format gives back the same typed frame (see the module docstring), with
    these differences, none of them undone silently:

    * CSV and TSV written with the formula guard (the default) keep the
      ``'`` put before text starting with ``=``, ``+``, ``-``, ``@``, a tab
      or a carriage return: it cannot be told from a ``'`` that was there
      (write with ``--no-formula-guard``, or read Parquet, JSONL, SQLite or
      xlsx, for the text as found).
    * In CSV, TSV and xlsx a list item holding ``;`` comes back split.
    * xlsx cells over Excel's 32,767 characters come back cut, with the
      marker the writer added.

    Text is read as text: ``""`` stays ``""`` and ``"NA"`` stays ``"NA"``; a
    UTF-8 BOM (``--excel``) is skipped.  Columns the schema lacks are kept
    after the schema's (as text for csv/tsv, as stored otherwise).  Reading
    from stdin is not supported.
    """
    path = Path(path)
    fmt = "parquet" if path.is_dir() and fmt is None else resolve_format(str(path), fmt)
    return conform_frame(_READERS[fmt](path), source=str(path))


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
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
                raise ValueError(f"{path}:{number}: not a JSON line ({reason})") from None
            if not isinstance(record, dict):  # a row is an object of columns
                raise ValueError(f"{path}: not a claims table, line {number} is not a JSON object of columns")
            records.append(record)
    if not records:  # an empty result is an empty file: it has no header
        return pd.DataFrame(columns=list(COLUMN_NAMES))
    return pd.DataFrame.from_records(records)


_READERS: dict[str, Callable[[Path], pd.DataFrame]] = {
    "csv": read_csv,
    "tsv": read_tsv,
    "jsonl": _read_jsonl,
    "parquet": lambda path: pq.read_table(path).to_pandas(),
    "xlsx": read_xlsx,
    "sqlite": read_sqlite,
}


def load_table(path: str | Path, fmt: str | None = None) -> pd.DataFrame:
    """:func:`read_table` for a path a user gave: a claims table file (an empty file is an empty
    table) or a directory of part files written by ``claimex extract -o DIR/``.

    Raises :class:`~claimex.io.writing.UsageError`, one line naming the path and the fix, when
    ``path`` is missing, is a directory of something else, or cannot be read as a claims table.
    """
    path = Path(path)
    if not path.exists():
        raise UsageError(f"no such table: {path} (give a file written by claimex extract)")
    if path.is_dir() and (problem := table_dir_problem(path, fmt)):
        raise UsageError(problem)
    try:
        if path.is_dir():  # partitioned Parquet: every part, in order (hidden entries are not read)
            return read_table(path, "parquet")
        return to_frame([]) if path.stat().st_size == 0 else read_table(path, fmt)
    except UsageError as exc:
        raise UsageError(f"{path}: {exc}") from exc
    except (ValueError, OSError) as exc:
        reason = " ".join(str(exc).split())
        reason = reason if reason.startswith(str(path)) else f"{path}: {reason}"
        raise UsageError(f"{reason} (give a claims table written by claimex extract, or fix --format)") from exc


def table_dir_problem(directory: Path, fmt: str | None) -> str | None:
    """Why ``directory`` cannot be read as the output of ``claimex extract -o DIR/``, or None.

    It must hold at least one ``part-NNNNN.parquet`` file and no other entry
    (hidden ones, ``.name``, are ignored, as pyarrow ignores them).
    """
    usage = "give a claims table file (e.g. data/out/claims.csv) or a directory written by claimex extract -o DIR/"
    if fmt is not None and fmt.strip().lower() != "parquet":
        return f"{directory} is a directory, read as partitioned Parquet: drop --format {fmt} or use --format parquet"
    try:
        with os.scandir(directory) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
            foreign = [e.name for e in entries if not (PART_FILE.fullmatch(e.name) and e.is_file())]
    except OSError as exc:
        return f"cannot read directory {directory}: {exc.strerror or exc}"
    if foreign:
        return f"{directory} is a directory holding {foreign[0]!r}, not only part-NNNNN.parquet files: {usage}"
    if not entries:
        return f"{directory} is a directory without part-NNNNN.parquet files: {usage}"
    return None


__all__ = ["TEXT_DTYPE", "to_frame", "conform_frame", "read_table", "load_table", "table_dir_problem"]
