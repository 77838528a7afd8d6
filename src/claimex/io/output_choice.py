"""Which table format an output gets, and whether the output may be written: checked before any work.

Pure Python (no pandas, pyarrow or spaCy), so the command line rejects a bad ``--format`` or ``-o``
at once; :mod:`claimex.io.writing` writes what is chosen here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from claimex.errors import UsageError

FORMATS: tuple[str, ...] = ("csv", "tsv", "jsonl", "parquet", "xlsx", "sqlite")

#: Output name endings and the format each implies (compared case-insensitively).
EXTENSIONS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}

#: Formats holding only text: the formula guard and ``excel`` (a BOM) apply to them.
TEXT_FORMATS = ("csv", "tsv")
#: Formats never written to a terminal.
BINARY_FORMATS = ("parquet", "xlsx", "sqlite")
#: Formats written only to a file (a database is built in place, not streamed).
FILE_ONLY_FORMATS = ("sqlite",)

PART_FILE = re.compile(r"part-\d{5}\.parquet")  # the names of a directory output's files

FORMAT_CHOICES = "|".join(FORMATS)
_USE = f"use --format {FORMAT_CHOICES} or an output ending in " + ", ".join(
    sorted(EXTENSIONS, key=lambda e: FORMATS.index(EXTENSIONS[e]))
)


def is_dataset_output(out: str | Path) -> bool:
    """True if ``out`` names a directory output (partitioned Parquet): a string ending in ``/``."""
    # Only a str can say so: Path("out/") has already dropped the slash.
    return isinstance(out, str) and out.endswith(tuple(sep for sep in ("/", os.sep, os.altsep) if sep))


def resolve_format(out: str, fmt: str | None) -> str:
    """Return the table format for output ``out`` and ``--format`` ``fmt``.

    An explicit ``fmt`` wins (case-insensitive, must be one of
    :data:`FORMATS`), but it may not contradict a known extension
    (``--format parquet -o out.csv`` is an error).  Without ``fmt`` the
    extension decides (see :data:`EXTENSIONS`); ``"-"`` (stdout) means csv.
    A directory output (``out/``, see :func:`is_dataset_output`) is parquet,
    and any other format for it is an error.
    """
    chosen = None
    if fmt is not None:
        chosen = fmt.strip().lower()
        if chosen not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}: use --format {FORMAT_CHOICES}")
    suffix = "" if out == "-" else Path(out).suffix.lower()
    implied = EXTENSIONS.get(suffix)
    if is_dataset_output(out):
        other = next((f for f in (chosen, implied) if f not in (None, "parquet")), None)
        if other is not None:
            raise UsageError(
                f"a directory output ({out}) is written as partitioned Parquet, not {other}: "
                f"use --format parquet, or -o FILE.{other} for one {other} file"
            )
        return "parquet"
    if chosen is None:
        if out == "-":
            return "csv"
        if implied is None:
            raise UsageError(f"cannot infer the format of {out!r}: {_USE}")
        return implied
    if implied is not None and implied != chosen:
        raise UsageError(
            f"--format {chosen} conflicts with {out!r} (a {suffix} name means {implied}): "
            f"drop --format or name the output *.{chosen}"
        )
    return chosen


def check_output(
    out: str,
    fmt: str | None,
    *,
    stdout_isatty: bool,
    excel: bool = False,
    formula_guard: bool = True,
    partition_rows: int | None = None,
) -> str:
    """Validate the output choice before any work; return the resolved format.

    Raises :class:`UsageError` for: an unknown or conflicting format (see
    :func:`resolve_format`); Parquet, xlsx or SQLite to a terminal; SQLite
    to stdout; ``excel`` or ``formula_guard=False`` with a format other
    than csv/tsv; ``partition_rows`` without a directory output (``out/``);
    a file output that is a directory, a directory output that is a file or
    holds other files than ``part-NNNNN.parquet``; an output whose nearest
    existing ancestor is not a writable directory.  The output's directory
    is only created when writing starts.
    """
    dataset = is_dataset_output(out)
    if out != "-" and not dataset and Path(out).is_dir():  # before the format: a directory has no extension
        try:
            example = Path(out) / f"claims.{resolve_format(out, fmt)}"
        except UsageError:
            example = Path(out) / "claims.csv"
        raise UsageError(
            f"output {out!r} is a directory: give a file name, e.g. {example}, or end it with / for partitioned Parquet"
        )
    fmt = resolve_format(out, fmt)
    check_table_options(out, fmt, excel=excel, formula_guard=formula_guard, partition_rows=partition_rows)
    if out == "-":
        if fmt in FILE_ONLY_FORMATS:
            raise UsageError(f"a {fmt} database is written to a file, not stdout: use -o FILE.db")
        if fmt in BINARY_FORMATS and stdout_isatty:
            raise UsageError(f"refusing to write {fmt} to a terminal: use -o FILE.{fmt} or pipe the output")
        return fmt
    _check_location(out)
    return fmt


def check_table_options(out: str, fmt: str, *, excel: bool, formula_guard: bool, partition_rows: int | None) -> None:
    """The options that only some outputs take: ``--partition-rows``, ``--excel``, ``--no-formula-guard``."""
    if partition_rows is not None:
        if out == "-":
            raise UsageError("--partition-rows writes a directory, not stdout: drop it or use -o DIR/")
        if not is_dataset_output(out):
            raise UsageError(
                f"--partition-rows needs a directory output: end -o with / (e.g. -o {Path(out).with_suffix('')}/)"
            )
        if partition_rows < 1:
            raise UsageError(f"--partition-rows {partition_rows}: give a number of rows of at least 1")
    where = "a Parquet directory" if is_dataset_output(out) else fmt
    if excel and fmt not in TEXT_FORMATS:
        better = "-o FILE.csv" + (" (or -o FILE.xlsx for a workbook)" if fmt != "xlsx" else "")
        raise UsageError(f"--excel applies to CSV/TSV only, not {where}: drop --excel or use {better}")
    if not formula_guard and fmt not in TEXT_FORMATS:
        raise UsageError(
            f"--no-formula-guard applies to CSV/TSV only: {where} keeps text as it is; drop --no-formula-guard"
        )


def _check_location(out: str) -> None:
    """A file or directory output must be creatable where it is named."""
    dataset = is_dataset_output(out)
    path = Path(out)
    if dataset and (problem := dataset_problem(path, out)):
        raise UsageError(problem)
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        raise UsageError(f"cannot write {out!r}: {str(ancestor)!r} is a file, not a directory")
    if ancestor.exists() and not os.access(ancestor, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {out!r}: no write permission in {str(ancestor)!r}")


def dataset_problem(path: Path, shown: str) -> str | None:
    """Why ``path`` may not be replaced by a directory output, or None."""
    if path.is_symlink() or not path.exists():
        return None  # a symlink is replaced, not followed, as for file outputs
    if not path.is_dir():
        return f"output {shown!r} is a file, not a directory: remove it or choose another -o DIR/"
    try:
        foreign = foreign_entry(path)
    except OSError as exc:
        return f"cannot read output directory {shown!r}: {exc.strerror}"
    if foreign is not None:
        return (
            f"output {shown!r} holds {foreign!r}, which is not a claimex part file: "
            f"choose another -o DIR/ or empty it (only a directory of part-NNNNN.parquet files is replaced)"
        )
    return None


def foreign_entry(directory: Path) -> str | None:
    """The first entry of ``directory`` that is not a part file claimex writes, or None."""
    with os.scandir(directory) as entries:
        for entry in entries:
            if not (PART_FILE.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)):
                return entry.name
    return None


__all__ = [
    "BINARY_FORMATS",
    "EXTENSIONS",
    "FILE_ONLY_FORMATS",
    "FORMATS",
    "FORMAT_CHOICES",
    "PART_FILE",
    "TEXT_FORMATS",
    "check_output",
    "check_table_options",
    "dataset_problem",
    "foreign_entry",
    "is_dataset_output",
    "resolve_format",
]
