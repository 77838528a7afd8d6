"""The arguments of ``extract`` checked before any work: the engine, the output and its format, the inputs.

Light on purpose (no spaCy, pandas or pyarrow): :func:`claimex.api.extract_to` runs these checks first, and
the command line runs them before it loads the API, so that a bad ``--format`` or a missing input is one
line at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .engines import check_engine
from .errors import UsageError
from .io.output_choice import check_output
from .io.paths import path_exists


def check_extract(
    paths: Sequence[str | Path],
    output: str,
    fmt: str | None,
    *,
    stdout_isatty: bool,
    engine: str = "local",
    scheduler: str | None = None,
    incremental: bool = False,
    excel: bool = False,
    formula_guard: bool = True,
    partition_rows: int | None = None,
) -> str:
    """The output format (:func:`~claimex.io.output_choice.check_output`), after every argument was checked:
    :class:`~claimex.errors.UsageError` names the fix."""
    check_engine(engine, scheduler)
    fmt = check_output(
        output, fmt, stdout_isatty=stdout_isatty, excel=excel, formula_guard=formula_guard,
        partition_rows=partition_rows,
    )  # fmt: skip
    names = [str(p) for p in paths]
    missing = [name for name in names if name != "-" and not path_exists(name)]
    if missing:
        raise UsageError(f"no such file or directory: {missing[0]} (check the PATH argument)")
    if names.count("-") > 1:
        raise UsageError("stdin (-) can be given only once")
    if incremental and output == "-":
        raise UsageError("--incremental keeps its state beside the output file: use -o FILE, not -o -")
    if incremental and "-" in names:
        raise UsageError("--incremental cannot read stdin (-): give files or directories")
    return fmt
