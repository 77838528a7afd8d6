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
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .. import __version__
from ..api import ReadOptions, process
from ..io.writing import UsageError, check_output, is_dataset_output, open_table_writer, tidy_dataset_leftovers
from ..nlp.pipeline import DEFAULT_MODEL, ModelNotFound, load_pipeline

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


ModelOption = Annotated[
    str | None, typer.Option("--model", "-m", envvar="CLAIMEX_MODEL", help="spaCy pipeline name or path.")
]
ReferenceDateOption = Annotated[
    str | None,
    typer.Option(
        "--reference-date",
        metavar="YYYY-MM-DD|today",
        help="Date year-less datelines (BEIJING, November 6) on or before this date; 'today' reads the clock.",
    ),
]


def _reference(reference_date: str | None):
    """The parsed --reference-date, or exit 2 naming the expected form."""
    if reference_date is None:
        return None
    from datetime import date

    from ..normalize.dates import parse_reference_date

    try:
        return parse_reference_date(reference_date, today=date.today)
    except ValueError:
        _fail_usage(f"--reference-date {reference_date!r}: expected a date as YYYY-MM-DD or 'today'")


def _load_model(model: str | None, **options):
    """The spaCy pipeline, or exit 2 naming the installed ones."""
    try:
        return load_pipeline(model, **options)
    except ModelNotFound as exc:
        _fail_usage(f"{exc} (use --model NAME|PATH)")


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
        bool | None,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Print versions and exit."),
    ] = None,
) -> None:
    """claimex reads news articles and writes a table of who said what, when."""


@app.command()
def extract(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output file, DIR/ for partitioned Parquet, or - for stdout.")
    ] = DEFAULT_OUTPUT,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="csv, tsv, jsonl or parquet (default: from -o).")
    ] = None,
    partition_rows: Annotated[
        int | None,
        typer.Option(
            "--partition-rows",
            min=1,
            metavar="N",
            help="Rows per part file of a directory output -o DIR/ (default: 100000).",
        ),
    ] = None,
    model: ModelOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for the spaCy stage.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help='local, or dask (pip install ".[dask]").')] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler tcp://HOST:PORT (default: a LocalCluster).")
    ] = None,
    text_field: Annotated[str, typer.Option(help="JSON field holding the article text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON field holding the article id.")] = "id",
    date_field: Annotated[str, typer.Option(help="JSON field holding the publication date.")] = "date",
    encoding: Annotated[str | None, typer.Option(help="Force the input encoding (default: detect).")] = None,
    errors: Annotated[Path | None, typer.Option("--errors", help="Write failed inputs to this JSONL file.")] = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failed input.")] = False,
    excel: Annotated[bool, typer.Option("--excel", help="CSV/TSV for spreadsheets: BOM, formula guard.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary; failures still shown.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list skipped inputs.")] = False,
    reference_date: ReferenceDateOption = None,
    incremental: Annotated[
        bool, typer.Option("--incremental", help="Process only new or changed inputs (state kept beside -o).")
    ] = False,
    wait: Annotated[bool, typer.Option("--wait", help="If another run is writing -o, wait for it.")] = False,
) -> None:
    """Extract claims from articles into a table (default: data/out/claims.csv).

    -o DIR/ (ending in /) writes partitioned Parquet, DIR/part-00000.parquet, ... (see --partition-rows).
    """
    console = _stderr()
    _check_engine(engine, scheduler)
    try:
        fmt = check_output(output, fmt, stdout_isatty=sys.stdout.isatty(), excel=excel, partition_rows=partition_rows)
    except UsageError as exc:
        _fail_usage(str(exc))
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        _fail_usage(f"no such file or directory: {missing[0]} (check the PATH argument)")
    if paths.count("-") > 1:
        _fail_usage("stdin (-) can be given only once")
    reference = _reference(reference_date)
    if incremental and output == "-":
        _fail_usage("--incremental keeps its state beside the output file: use -o FILE, not -o -")
    if incremental and "-" in paths:
        _fail_usage("--incremental cannot read stdin (-): give files or directories")
    if output != "-":
        _hold_output_lock(ctx, console, output, wait)
        if is_dataset_output(output):
            tidy_dataset_leftovers(output)  # a killed run's staging directory (safe: we hold the lock)
    nlp = _load_model(model)

    options = ReadOptions(
        text_field=text_field, id_field=id_field, date_field=date_field, encoding=encoding, reference_date=reference
    )
    show_progress = console.is_terminal and not quiet
    started = time.perf_counter()
    n_articles = n_failed = n_skipped = 0
    speakers: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    error_log = []
    inc = _open_incremental(ctx, output, paths, nlp, options) if incremental else None
    results = process(
        paths,
        nlp=nlp,
        options=options,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        **({"files": inc.to_process} if inc else {}),
    )
    try:
        writer_cm = open_table_writer(output, fmt, excel=excel, partition_rows=partition_rows)
        with writer_cm as writer, _progress(console, show_progress) as progress:
            task = progress.add_task("articles", total=None)
            for result in inc.track(results) if inc else results:
                if result.skipped is not None:
                    n_skipped += 1
                    if verbose:
                        console.print(f"claimex: skipped {result.skipped}", markup=False, soft_wrap=True)
                    continue
                if result.error is not None:
                    n_failed += 1
                    error_log.append(result.error.to_dict())
                    console.print(f"claimex: {result.error}", markup=False, soft_wrap=True)
                    if fail_fast:
                        break
                    continue
                n_articles += 1
                if inc is None:
                    writer.write(result.records)
                for row in result.records:
                    speakers[row["speaker"]] += 1
                    if row["speaker_country"]:
                        countries[row["speaker_country"]] += 1
                progress.advance(task)
            if inc is not None:  # the whole table: rows of unchanged inputs and new rows, in input order
                n_articles += inc.reused_articles
                speakers.update(row["speaker"] for row in inc.reused_rows())
                countries.update(row["speaker_country"] for row in inc.reused_rows() if row["speaker_country"])
                writer.write(inc.rows())
            n_claims = writer.rows
        if inc is not None and (problem := inc.commit()):  # only now that the output is in place
            console.print(f"claimex: warning: {problem}", markup=False, soft_wrap=True)
    except KeyboardInterrupt:
        console.print("claimex: interrupted; no output written")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if errors is not None:
        _write_errors(errors, error_log)
    elapsed = time.perf_counter() - started
    if not quiet:
        _summary(console, output, n_articles, n_claims, n_failed, n_skipped, elapsed, speakers, countries)
        if inc is not None:
            console.print(
                f"claimex: incremental: {inc.reprocessed} files processed, {inc.unchanged} unchanged, "
                f"{inc.removed} removed",
                markup=False,
            )
    raise typer.Exit(EXIT_FAILED if n_failed else EXIT_OK)


def _hold_output_lock(ctx: typer.Context, console: Console, output: str, wait: bool) -> None:
    """Lock ``<output>.lock`` until the command ends (click closes the context), or exit 2 if busy."""
    from ..incremental import OutputLock, OutputLocked

    lock = OutputLock(
        output,
        wait=wait,
        on_wait=lambda pid: console.print(
            f"claimex: waiting for another claimex run writing {output} (pid {pid or 'unknown'})", markup=False
        ),
    )
    try:
        lock.acquire()
    except OutputLocked as exc:
        _fail_usage(str(exc))
    ctx.call_on_close(lock.release)


def _open_incremental(ctx: typer.Context, output: str, paths: list[str], nlp, options: ReadOptions):
    from ..incremental import IncrementalRun, settings_fingerprint

    run = IncrementalRun.open(output, paths, settings_fingerprint(nlp, options))
    ctx.call_on_close(run.close)
    return run


def _check_engine(engine: str, scheduler: str | None) -> None:
    """--engine/--scheduler are checked before any work (exit 2)."""
    if engine not in ("local", "dask"):
        _fail_usage(f"unknown engine '{engine}' (use --engine local or --engine dask)")
    if scheduler is not None and engine != "dask":
        _fail_usage("--scheduler needs --engine dask")
    if engine == "dask":
        from ..engines.dask_engine import DaskUnavailable, require_dask

        try:
            require_dask()
        except DaskUnavailable as exc:
            _fail_usage(str(exc))


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
        Path | None, typer.Option("--table", "-t", help="Score this claims table instead of extracting.")
    ] = None,
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON on stdout.")] = False,
    examples: Annotated[int, typer.Option(help="Show N missed and N spurious examples.")] = 0,
) -> None:
    """Score claims against gold attributions (PolNeAR brat or JSONL)."""
    from ..evaluation.scoring import extract_for_gold, load_gold, score
    from ..table import read_table

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
        nlp = _load_model(model)
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


@app.command("train-cues")
def train_cues(
    gold: Annotated[
        Path, typer.Argument(help="Annotated news: a brat directory (text/, attributions/) or a JSONL file.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the cue model.")] = Path(
        "models/cue_model.json"
    ),
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
) -> None:
    """Learn the reporting constructions of annotated news into a cue model (see claimex.cuemodel.train)."""
    from ..cuemodel.train import train_cue_model

    if not gold.exists():
        _fail_usage(f"no such gold file or directory: {gold}")
    nlp = _load_model(model, gate=None, claimex_components=False)
    console = _stderr(quiet)
    try:
        with _progress(console, console.is_terminal and not quiet) as bar:
            task = bar.add_task("learning", total=None)
            cue_model = train_cue_model(gold, nlp, progress=lambda: bar.advance(task))
    except ImportError as exc:
        _fail_usage(str(exc))
    except ValueError as exc:
        _fail_usage(f"{gold}: {exc}")
    cue_model.save(output)
    meta = cue_model.meta
    console.print(
        f"{len(cue_model.weights)} features from {meta.get('n_constructions', 0)} constructions"
        f" ({meta.get('n_positive', 0)} attributed) in {meta.get('n_docs', 0)} articles written to {output}"
    )


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="One article file (.txt .md .html .json .jsonl) or - for stdin.")],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="terminal or html (default: html with -o, else terminal).")
    ] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="HTML file to write, or - for stdout.")] = None,
    only_id: Annotated[
        str | None, typer.Option("--id", help="Show only the article with this id (JSON/JSONL).")
    ] = None,
    model: ModelOption = None,
    text_field: Annotated[str, typer.Option(help="JSON field holding the article text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON field holding the article id.")] = "id",
    date_field: Annotated[str, typer.Option(help="JSON field holding the publication date.")] = "date",
    encoding: Annotated[str | None, typer.Option(help="Force the input encoding (default: detect).")] = None,
    reference_date: ReferenceDateOption = None,
) -> None:
    """Show an article as read with its claims highlighted and labelled, then its claims table."""
    from ..io.atomic import write_text_atomic
    from ..report.pages import article_html, article_view, html_output_problem
    from .views import render_article

    fmt = (fmt or ("html" if output else "terminal")).strip().lower()
    if fmt not in ("terminal", "html"):
        _fail_usage(f"unknown format {fmt!r}: use --format terminal|html")
    if fmt == "html" and not output:
        _fail_usage("--format html needs an output: add -o FILE.html (or -o - for stdout)")
    if fmt == "terminal" and output:
        _fail_usage("-o writes HTML: add --format html or drop -o")
    if output and output != "-" and (problem := html_output_problem(output)):
        _fail_usage(problem)
    if article != "-" and not Path(article).exists():
        _fail_usage(f"no such file: {article} (check the ARTICLE argument)")
    if Path(article).is_dir():
        _fail_usage(f"{article} is a directory: give one article file (claimex extract reads directories)")
    reference = _reference(reference_date)
    nlp = _load_model(model)
    options = ReadOptions(
        text_field=text_field, id_field=id_field, date_field=date_field, encoding=encoding, reference_date=reference
    )
    views, n_failed = [], 0
    for result in process([article], nlp=nlp, options=options):
        if result.skipped is not None:
            _fail_usage(f"{result.skipped}")
        if result.error is not None:
            n_failed += 1
            _stderr().print(f"claimex: {result.error}", markup=False, soft_wrap=True)
        elif only_id is None or only_id in (result.article.doc_id, result.article.doc_id.rpartition("#")[2]):
            views.append(article_view(result.article, result.records))
    if only_id is not None and not views:
        _fail_usage(f"{article}: no article with id {only_id!r} (see the doc_id column of claimex extract)")
    if fmt == "html":
        page = article_html(views, title=f"claimex show: {article}")
        if output == "-":
            sys.stdout.write(page)
        else:
            write_text_atomic(output, page)
            n_claims = sum(len(v.claims) for v in views)
            _stderr().print(f"claimex: {len(views)} article(s), {n_claims} claims -> {output}", markup=False)
    else:
        console = Console(highlight=False)
        for view in views:
            render_article(console, view)
    raise typer.Exit(EXIT_FAILED if n_failed else EXIT_OK)


@app.command()
def stats(
    table: Annotated[
        Path,
        typer.Argument(
            help="A claims table from claimex extract (csv, tsv, jsonl, parquet), or its -o DIR/ of part files."
        ),
    ],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="csv, tsv, jsonl or parquet (default: from TABLE).")
    ] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Also write an HTML report with charts.")] = None,
    top: Annotated[int, typer.Option(min=0, help="Rows shown per table (0: all).")] = 20,
) -> None:
    """Summarize a claims table: claims per speaker, speaker country, cue and month.

    TABLE may be a directory of partitioned Parquet written by claimex extract -o DIR/.
    """
    from ..io.atomic import write_text_atomic
    from ..report.pages import html_output_problem, stats_html, summarize
    from ..table import read_table, to_frame
    from .views import render_stats

    if not table.exists():
        _fail_usage(f"no such table: {table} (give a file written by claimex extract)")
    is_dir = table.is_dir()
    if is_dir and (problem := _table_dir_problem(table, fmt)):
        _fail_usage(problem)
    if html_out is not None and (problem := html_output_problem(html_out)):
        _fail_usage(problem)
    try:
        if is_dir:  # partitioned Parquet: every part, in order (hidden entries are not read)
            frame = read_table(table, "parquet")
        else:
            frame = to_frame([]) if table.stat().st_size == 0 else read_table(table, fmt)
    except UsageError as exc:
        _fail_usage(f"{table}: {exc}")
    except (ValueError, OSError) as exc:
        reason = " ".join(str(exc).split())
        reason = reason if reason.startswith(str(table)) else f"{table}: {reason}"
        _fail_usage(f"{reason} (give a claims table written by claimex extract, or fix --format)")
    summary = summarize(frame)
    render_stats(Console(highlight=False), summary, source=str(table), top=top)
    if html_out is not None:
        write_text_atomic(html_out, stats_html(summary, source=table.name, top=top or 10**9))
        _stderr().print(f"claimex: report -> {html_out}", markup=False)


def _table_dir_problem(directory: Path, fmt: str | None) -> str | None:
    """Why ``claimex stats`` cannot read ``directory`` as the output of ``extract -o DIR/``, or None.

    It must hold at least one ``part-NNNNN.parquet`` file and no other entry
    (hidden ones, ``.name``, are ignored, as pyarrow ignores them).
    """
    import re

    usage = "give a claims table file (e.g. data/out/claims.csv) or a directory written by claimex extract -o DIR/"
    if fmt is not None and fmt.strip().lower() != "parquet":
        return f"{directory} is a directory, read as partitioned Parquet: drop --format {fmt} or use --format parquet"
    part = re.compile(r"part-\d{5}\.parquet")
    try:
        with os.scandir(directory) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
            foreign = [e.name for e in entries if not (part.fullmatch(e.name) and e.is_file())]
    except OSError as exc:
        return f"cannot read directory {directory}: {exc.strerror or exc}"
    if foreign:
        return f"{directory} is a directory holding {foreign[0]!r}, not only part-NNNNN.parquet files: {usage}"
    if not entries:
        return f"{directory} is a directory without part-NNNNN.parquet files: {usage}"
    return None


def main() -> None:
    """Entry point: run the app, turning stray exceptions into one line."""
    import click

    try:  # typer >= 0.20 raises its own vendored click's errors (a missing argument, a bad option)
        from typer._click.exceptions import ClickException as TyperClickError
        from typer._click.exceptions import UsageError as TyperUsageError
    except ImportError:  # pragma: no cover - older typer uses click's own classes
        TyperClickError = TyperUsageError = click.ClickException

    try:
        code = app(prog_name="claimex", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (click.ClickException, TyperClickError) as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, (click.UsageError, TyperUsageError)) else exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _stderr().print("claimex: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("CLAIMEX_DEBUG"):
            raise
        _stderr().print(f"claimex: error: {exc} (set CLAIMEX_DEBUG=1 for details)", markup=False, soft_wrap=True)
        sys.exit(EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
