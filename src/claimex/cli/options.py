"""Options shared by several commands, each declared once.

Single options are ``Annotated`` aliases (``model: ModelOption = None``).  An option group is a
function whose parameters are the options and whose result the command receives instead:
``@read_options`` gives a command ``--text-field``, ``--id-field``, ``--date-field``,
``--encoding``, ``--reference-date``, ``--max-file-size`` and ``--html-timeout`` as one
``read: ReadOptions``, ``@row_options`` gives it ``--kinds`` and ``--min-confidence`` as one
``rows`` dict (as sqlite-utils declares its
``output_options`` once and decorates the commands that take them).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..errors import UsageError
from ..io.decoding import check_encoding
from ..io.limits import DEFAULT_HTML_TIMEOUT, DEFAULT_MAX_FILE_SIZE, format_size, parse_size
from ..io.read_settings import ReadOptions
from ..selection import checked_row_filter
from .common import fail_usage

Command = TypeVar("Command", bound=Callable[..., Any])

DEFAULT_OUTPUT = "data/out/claims.csv"

ModelOption = Annotated[
    str | None,
    typer.Option("--model", "-m", metavar="NAME|PATH", envvar="CLAIMEX_MODEL", help="spaCy pipeline name or path."),
]
GoldArgument = Annotated[
    Path,
    typer.Argument(metavar="GOLD", help="Annotated news: a brat directory (text/, attributions/) or a JSONL file."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr; failures still shown.")
]
ReferenceDateOption = Annotated[
    str | None,
    typer.Option(
        "--reference-date",
        metavar="YYYY-MM-DD|today",
        help="Date year-less datelines (BEIJING, November 6) on or before this date; 'today' reads the clock.",
    ),
]

# claimex extract: where and how the table is written
PathsArgument = Annotated[
    list[str], typer.Argument(metavar="PATH...", help="Files, directories (recursive) or - for stdin.")
]
TableOutputOption = Annotated[
    str,
    typer.Option(
        "--output", "-o", metavar="FILE|DIR/|-", help="Output file, DIR/ for partitioned Parquet, or - for stdout."
    ),
]
TableFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help="csv, tsv, jsonl, parquet, xlsx or sqlite (default: from -o)."
    ),
]
PartitionRowsOption = Annotated[
    int | None,
    typer.Option(
        "--partition-rows",
        min=1,
        metavar="N",
        help="Rows per part file of a directory output -o DIR/ (default: 100000).",
    ),
]
ExcelOption = Annotated[
    bool, typer.Option("--excel", help="Start a CSV/TSV with a UTF-8 BOM (for Excel; or use -o FILE.xlsx).")
]
NoFormulaGuardOption = Annotated[
    bool,
    typer.Option(
        "--no-formula-guard", help="CSV/TSV text byte for byte: no ' before cells starting with = + - @ tab CR."
    ),
]
ErrorsOption = Annotated[
    Path | None, typer.Option("--errors", metavar="FILE", help="Write failed inputs to this JSONL file.")
]

# claimex extract: how the work is run
WorkersOption = Annotated[
    int, typer.Option("--workers", "-w", min=1, metavar="N", help="Processes for the spaCy stage.")
]
EngineOption = Annotated[
    str, typer.Option("--engine", metavar="local|dask", help='local, or dask (pip install ".[dask]").')
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler tcp://HOST:PORT (default: a LocalCluster)."
    ),
]
FailFastOption = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failed input.")]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="An input read with a warning (an HTML page misread) counts as failed.")
]
VerboseOption = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Also list skipped inputs, and print the summary when stderr is no terminal."),
]
IncrementalOption = Annotated[
    bool, typer.Option("--incremental", help="Process only new or changed inputs (state kept beside -o).")
]
WaitOption = Annotated[bool, typer.Option("--wait", help="If another run is writing -o, wait for it.")]


def reference_date(value: str | None) -> date | None:
    """The parsed --reference-date, or exit 2 naming the expected form."""
    if value is None:
        return None
    from ..normalize.dates import parse_reference_date

    try:
        return parse_reference_date(value, today=date.today)
    except ValueError:
        fail_usage(f"--reference-date {value!r}: expected a date as YYYY-MM-DD or 'today'")


def _read(
    text_field: Annotated[
        str,
        typer.Option(
            metavar="FIELD", help="JSON field holding the article text (a.b for a nested one: content.rendered)."
        ),
    ] = "text",
    id_field: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON field holding the article id (a.b for a nested one).")
    ] = "id",
    date_field: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON field holding the publication date (a.b for a nested one).")
    ] = "date",
    encoding: Annotated[
        str | None, typer.Option(metavar="ENCODING", help="Force the input encoding (default: detect).")
    ] = None,
    reference: ReferenceDateOption = None,
    max_file_size: Annotated[
        str,
        typer.Option(
            "--max-file-size",
            metavar="SIZE",
            help="Largest input file (or .jsonl line, or stdin) read, e.g. 32M or 1G; 0: no limit.",
        ),
    ] = format_size(DEFAULT_MAX_FILE_SIZE),
    html_timeout: Annotated[
        float,
        typer.Option(
            "--html-timeout", min=0, metavar="SECONDS", help="Time to extract one HTML page's main text; 0: no limit."
        ),
    ] = DEFAULT_HTML_TIMEOUT,
) -> ReadOptions:
    try:
        size = parse_size(max_file_size)
    except ValueError as exc:
        fail_usage(f"--max-file-size {exc}")
    try:
        check_encoding(encoding or "utf-8")
    except ValueError as exc:
        fail_usage(f"--encoding: {exc}; give one Python knows, e.g. utf-8, cp1252 or latin-1")
    return ReadOptions(
        text_field=text_field,
        id_field=id_field,
        date_field=date_field,
        encoding=encoding,
        reference_date=reference_date(reference),
        max_file_size=size,
        html_timeout=html_timeout or None,
    )


def option_group(parameter: str, build: Callable[..., Any]) -> Callable[[Command], Command]:
    """A decorator that gives a command ``build``'s parameters as options and passes the command
    ``build(**those options)`` as its parameter ``parameter``."""
    group = list(inspect.signature(build, eval_str=True).parameters.values())

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        own = [p for p in signature.parameters.values() if p.name != parameter]

        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {p.name: kwargs.pop(p.name) for p in group}
            return command(*args, **kwargs, **{parameter: build(**values)})

        wrapper.__signature__ = signature.replace(parameters=own + group)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in own + group} | {"return": signature.return_annotation}
        return wrapper  # type: ignore[return-value]

    return decorate


read_options = option_group("read", _read)


def _rows(
    kinds: Annotated[
        str,
        typer.Option(
            "--kinds",
            metavar="KIND,...|all",
            help="Kinds of claim to keep: speech (the default), thought, evidence, action, comma-separated, or all.",
        ),
    ] = "speech",
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence", metavar="X", help="Keep the rows whose confidence is at least X (0 to 1; default 0)."
        ),
    ] = 0.0,
) -> dict:
    try:
        return checked_row_filter(kinds, min_confidence)
    except UsageError as exc:
        fail_usage(str(exc))


# ``--kinds`` and ``--min-confidence`` as one ``rows`` parameter: the keyword arguments that select rows.
row_options = option_group("rows", _rows)
