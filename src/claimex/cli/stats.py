"""``claimex stats``: summarize a claims table (:func:`claimex.report.pages.summarize`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..io.atomic import write_text_atomic
from ..io.targets import Target, check_targets
from .common import fail_usage, stderr, stdout, usage_errors
from .terminal import plain


def stats(
    table: Annotated[
        Path,
        typer.Argument(
            metavar="TABLE",
            help="A claims table from claimex extract (csv, tsv, jsonl, parquet, xlsx, sqlite), or its -o DIR/.",
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="csv, tsv, jsonl, parquet, xlsx or sqlite (default: from TABLE)."
        ),
    ] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html", metavar="FILE.html", help="Also write an HTML report with charts.")
    ] = None,
    top: Annotated[int, typer.Option(min=0, metavar="N", help="Rows shown per table (0: all).")] = 20,
) -> None:
    """Summarize a claims table: claims per speaker, speaker country, cue and month.

    TABLE may be a directory of partitioned Parquet written by claimex extract -o DIR/.
    """
    from ..report.pages import html_output_problem, stats_html, summarize  # pandas: not for --help
    from ..table import load_table
    from .views import render_stats

    if html_out is not None and (problem := html_output_problem(html_out)):
        fail_usage(problem)
    with usage_errors():
        if html_out is not None:
            check_targets([table], [Target(html_out, "--html")])
        frame = load_table(table, fmt)
    summary = summarize(frame)
    render_stats(stdout(), summary, source=str(table), top=top)
    if html_out is not None:
        write_text_atomic(html_out, stats_html(summary, source=table.name, top=top or 10**9))
        stderr().print(plain(f"claimex: report -> {html_out}"), soft_wrap=True)
