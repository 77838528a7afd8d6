"""``claimex extract``: parse the options, run :func:`claimex.api.extract_to`, report on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import Progress

from ..extract_checks import check_extract
from ..io.read_settings import ReadOptions
from .common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, progress, stderr, usage_errors
from .options import (
    DEFAULT_OUTPUT,
    EngineOption,
    ErrorsOption,
    ExcelOption,
    FailFastOption,
    IncrementalOption,
    ModelOption,
    NoFormulaGuardOption,
    PartitionRowsOption,
    PathsArgument,
    QuietOption,
    SchedulerOption,
    StrictOption,
    TableFormatOption,
    TableOutputOption,
    VerboseOption,
    WaitOption,
    WorkersOption,
    read_options,
    row_options,
)
from .terminal import plain

if TYPE_CHECKING:
    from ..api import ArticleResult
    from ..article import Article


@read_options
@row_options
def extract(
    paths: PathsArgument,
    read: ReadOptions,
    rows: dict,
    output: TableOutputOption = DEFAULT_OUTPUT,
    fmt: TableFormatOption = None,
    partition_rows: PartitionRowsOption = None,
    model: ModelOption = None,
    workers: WorkersOption = 1,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    errors: ErrorsOption = None,
    fail_fast: FailFastOption = False,
    strict: StrictOption = False,
    excel: ExcelOption = False,
    no_formula_guard: NoFormulaGuardOption = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    incremental: IncrementalOption = False,
    wait: WaitOption = False,
) -> None:
    """Extract claims from articles into a table (default: data/out/claims.csv).

    -o DIR/ (ending in /) writes partitioned Parquet, DIR/part-00000.parquet, ... (see --partition-rows).

    Rows are statements (speech); --kinds all adds thoughts, evidence and actions.
    """
    with usage_errors():  # before loading spaCy and pandas: a bad argument is one line at once
        check_extract(
            paths, output, fmt, stdout_isatty=sys.stdout.isatty(), engine=engine, scheduler=scheduler,
            incremental=incremental, excel=excel, formula_guard=not no_formula_guard, partition_rows=partition_rows,
        )  # fmt: skip
    from ..api import NothingToRead, extract_to
    from .views import render_extract_summary

    console = stderr()
    try:
        with progress(console, console.is_terminal and not quiet) as bar, usage_errors():
            report = _Report(console, bar, output, verbose)
            summary = extract_to(
                paths, output, fmt=fmt, excel=excel, formula_guard=not no_formula_guard,
                partition_rows=partition_rows, options=read, model=model,
                workers=workers, engine=engine, scheduler=scheduler, incremental=incremental, wait=wait,
                fail_fast=fail_fast, strict=strict, errors=errors, on_result=report.result, on_wait=report.waiting,
                **rows,
            )  # fmt: skip
    except KeyboardInterrupt:
        console.print("claimex: interrupted; no output written")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except NothingToRead as nothing:
        console.print(plain(f"claimex: error: {nothing}"), soft_wrap=True)
        raise typer.Exit(EXIT_FAILED) from None
    for problem in (summary.state_warning, summary.state_problem):
        if problem:
            console.print(plain(f"claimex: warning: {problem}"), soft_wrap=True)
    if not quiet and (console.is_terminal or verbose):  # a cron job's successful run says nothing
        render_extract_summary(console, summary)
    raise typer.Exit(EXIT_FAILED if summary.failed else EXIT_OK)


class _Report:
    """What a run shows while it goes: a progress bar, each failed or warned (and with -v skipped) input."""

    def __init__(self, console: Console, bar: Progress, output: str, verbose: bool):
        self.console, self.bar, self.output, self.verbose = console, bar, output, verbose
        self.task = bar.add_task("articles", total=None)

    def result(self, result: ArticleResult) -> None:
        if result.skipped is not None:
            if self.verbose:
                self.console.print(plain(f"claimex: skipped {result.skipped}"), soft_wrap=True)
        elif result.error is not None:
            self.console.print(plain(f"claimex: {result.error}"), soft_wrap=True)
        else:
            if result.article is not None:
                self.warn(result.article)
            self.bar.advance(self.task)

    def warn(self, article: Article) -> None:
        for warning in article.warnings:
            self.console.print(plain(f"claimex: warning: {article.source}: {warning}"), soft_wrap=True)

    def waiting(self, pid: int | None) -> None:
        who = f"pid {pid or 'unknown'}"
        self.console.print(
            plain(f"claimex: waiting for another claimex run writing {self.output} ({who})"), soft_wrap=True
        )
