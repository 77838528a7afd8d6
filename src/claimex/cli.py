"""The command line: a thin Typer layer over :mod:`claimex.api`.

Data goes to stdout only with ``-o -``; progress, messages and the summary go
to stderr, without colour or progress bars when stderr is not a terminal.
Exit codes: 0 all inputs processed, 1 some inputs failed, 2 usage error,
130 interrupted.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .api import ReadOptions, process
from .pipeline import DEFAULT_MODEL, ModelNotFound, load_pipeline
from .writing import UsageError, check_output, open_table_writer

DEFAULT_OUTPUT = "data/out/claims.csv"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Who said what, when: extract attributed statements from news articles.",
)


def _stderr(quiet: bool = False) -> Console:
    return Console(stderr=True, quiet=quiet, highlight=False)


def _fail_usage(message: str) -> None:
    _stderr().print(f"claimex: error: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


def _version_callback(value: bool) -> None:
    if not value:
        return
    import spacy

    try:
        model_version = spacy.util.get_package_version(DEFAULT_MODEL) or "not installed"
    except Exception:  # pragma: no cover - metadata lookups vary by installer
        model_version = "unknown"
    typer.echo(f"claimex {__version__}\nspaCy {spacy.__version__}\n{DEFAULT_MODEL} {model_version}")
    raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Print versions and exit."),
    ] = None,
) -> None:
    """claimex reads news articles and writes a table of who said what, when."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    output: Annotated[str, typer.Option("--output", "-o", help="Output file, or - for stdout.")] = DEFAULT_OUTPUT,
    fmt: Annotated[
        Optional[str], typer.Option("--format", "-f", help="csv, tsv, jsonl or parquet (default: from -o).")
    ] = None,
    model: Annotated[
        Optional[str], typer.Option("--model", "-m", envvar="CLAIMEX_MODEL", help="spaCy pipeline name or path.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for the spaCy stage.")] = 1,
    text_field: Annotated[str, typer.Option(help="JSON field holding the article text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON field holding the article id.")] = "id",
    date_field: Annotated[str, typer.Option(help="JSON field holding the publication date.")] = "date",
    encoding: Annotated[Optional[str], typer.Option(help="Force the input encoding (default: detect).")] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Write failed inputs to this JSONL file.")] = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failed input.")] = False,
    excel: Annotated[bool, typer.Option("--excel", help="CSV/TSV for spreadsheets: BOM, formula guard.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary; failures still shown.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list skipped inputs.")] = False,
) -> None:
    """Extract claims from articles into a table (default: data/out/claims.csv)."""
    console = _stderr()
    try:
        fmt = check_output(output, fmt, stdout_isatty=sys.stdout.isatty(), excel=excel)
    except UsageError as exc:
        _fail_usage(str(exc))
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        _fail_usage(f"no such file or directory: {missing[0]} (check the PATH argument)")
    if paths.count("-") > 1:
        _fail_usage("stdin (-) can be given only once")
    try:
        nlp = load_pipeline(model)
    except ModelNotFound as exc:
        _fail_usage(f"{exc} (use --model NAME|PATH)")

    options = ReadOptions(text_field=text_field, id_field=id_field, date_field=date_field, encoding=encoding)
    show_progress = console.is_terminal and not quiet
    started = time.perf_counter()
    n_articles = n_failed = n_skipped = 0
    speakers: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    error_log = []
    try:
        with open_table_writer(output, fmt, excel=excel) as writer, _progress(console, show_progress) as progress:
            task = progress.add_task("articles", total=None)
            for result in process(paths, nlp=nlp, options=options, workers=workers):
                if result.skipped is not None:
                    n_skipped += 1
                    if verbose:
                        console.print(f"claimex: skipped {result.skipped}", markup=False)
                    continue
                if result.error is not None:
                    n_failed += 1
                    error_log.append(result.error.to_dict())
                    console.print(f"claimex: {result.error}", markup=False, soft_wrap=True)
                    if fail_fast:
                        break
                    continue
                n_articles += 1
                writer.write(result.records)
                for row in result.records:
                    speakers[row["speaker"]] += 1
                    if row["speaker_country"]:
                        countries[row["speaker_country"]] += 1
                progress.advance(task)
            n_claims = writer.rows
    except KeyboardInterrupt:
        console.print("claimex: interrupted; no output written")
        raise typer.Exit(EXIT_INTERRUPTED)
    if errors is not None:
        _write_errors(errors, error_log)
    elapsed = time.perf_counter() - started
    if not quiet:
        _summary(console, output, n_articles, n_claims, n_failed, n_skipped, elapsed, speakers, countries)
    raise typer.Exit(EXIT_FAILED if n_failed else EXIT_OK)


def _progress(console: Console, enabled: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not enabled,
        transient=True,
    )


def _write_errors(path: Path, error_log: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for entry in error_log:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _summary(console, output, n_articles, n_claims, n_failed, n_skipped, elapsed, speakers, countries) -> None:
    where = "stdout" if output == "-" else output
    line = f"{n_articles} articles, {n_claims} claims, {n_failed} failed"
    if n_skipped:
        line += f", {n_skipped} skipped"
    console.print(f"claimex: {line} in {elapsed:.1f} s -> {where}", markup=False)
    if speakers and console.is_terminal:
        table = Table(title="Top speakers", show_edge=False)
        table.add_column("speaker")
        table.add_column("claims", justify="right")
        for name, count in speakers.most_common(5):
            table.add_row(name or "(unknown)", str(count))
        console.print(table)
        if countries:
            console.print("Top speaker countries: " + ", ".join(f"{c} {n}" for c, n in countries.most_common(5)))


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold: a brat directory (text/, attributions/) or a JSONL file.")],
    table: Annotated[
        Optional[Path], typer.Option("--table", "-t", help="Score this claims table instead of extracting.")
    ] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", envvar="CLAIMEX_MODEL")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON on stdout.")] = False,
    examples: Annotated[int, typer.Option(help="Show N missed and N spurious examples.")] = 0,
) -> None:
    """Score claims against gold attributions (PolNeAR brat or JSONL)."""
    from .evaluation import load_gold, score, extract_for_gold
    from .table import read_table

    if not gold.exists():
        _fail_usage(f"no such gold file or directory: {gold}")
    if table is not None and not table.exists():
        _fail_usage(f"no such table: {table}")
    try:
        documents = load_gold(gold)
    except ValueError as exc:
        _fail_usage(f"{gold}: {exc}")
    if table is not None:
        predictions = read_table(table)
    else:
        try:
            nlp = load_pipeline(model)
        except ModelNotFound as exc:
            _fail_usage(f"{exc} (use --model NAME|PATH)")
        predictions = extract_for_gold(documents, nlp)
    report = score(predictions, documents)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    console = Console(highlight=False)
    summary = Table(title=f"claimex eval: {gold}", show_edge=False)
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    for label, value in report.rows():
        summary.add_row(label, f"{value:.4f}" if isinstance(value, float) else str(value))
    console.print(summary)
    for title, (headers, rows) in report.breakdown_tables().items():
        breakdown = Table(title=title, show_edge=False)
        for header in headers:
            breakdown.add_column(str(header))
        for row in rows:
            breakdown.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
        console.print(breakdown)
    for kind in ("missed", "spurious", "wrong_source"):
        for example in report.examples(kind, examples) if examples else []:
            console.print(f"[{kind}] {example}", markup=False, soft_wrap=True)


def main() -> None:
    """Entry point: run the app, turning stray exceptions into one line."""
    import click

    try:
        code = app(prog_name="claimex", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _stderr().print("claimex: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("CLAIMEX_DEBUG"):
            raise
        _stderr().print(f"claimex: error: {exc} (set CLAIMEX_DEBUG=1 for details)", markup=False, soft_wrap=True)
        sys.exit(EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
