"""The claims table as a pandas DataFrame, and reading a written table back.

Types are the schema's (:mod:`claimex.schema`): int columns are ``int64``, float columns ``float64``,
text columns are pandas ``"string"`` (:data:`TEXT_DTYPE`) and never hold a
missing value -- an unknown text is ``""``.  Every function here returns
frames with exactly those types, so frames from :func:`to_frame` and from
:func:`read_table` compare equal.

Limits: both functions hold the whole table in memory.  To write a large
corpus, stream rows with :func:`claimex.io.writing.open_table_writer` instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from .io.writing import PART_FILE, UsageError, resolve_format
from .schema import COLUMN_NAMES, FLOAT_COLUMNS, INT_COLUMNS, LATER_COLUMNS, conform

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
    becomes ``""``, and so do the columns older tables lack (:data:`~claimex.schema.LATER_COLUMNS`).
    """
    frame = frame.assign(**{c: -1.0 if c in FLOAT_COLUMNS else "" for c in LATER_COLUMNS if c not in frame.columns})
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
        elif name in FLOAT_COLUMNS:
            try:
                out[name] = out[name].astype("float64")
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{source}: column {name!r} must hold numbers ({exc})") from None
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
