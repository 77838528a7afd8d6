"""The Python API: what the CLI runs, for notebooks and other programs.

* :func:`extract_to` runs a whole extraction to an output file, as ``claimex extract`` does: checks,
  the output's lock, incremental state, progress callback, atomic writing, the state's commit.
* :func:`process` streams one :class:`ArticleResult` per input, in input order.
* :func:`extract` gives the claims table as a DataFrame, :func:`extract_text` the rows of one article.

>>> import claimex
>>> frame = claimex.extract(["data/raw"])            # doctest: +SKIP
>>> rows = claimex.extract_text("“We agree,” Hua said.")  # doctest: +SKIP
>>> summary = claimex.extract_to(["data/raw"], "claims.parquet", incremental=True)  # doctest: +SKIP
>>> frame = claimex.extract(["data/raw"], kinds="all", min_confidence=0.5)  # doctest: +SKIP

Every call gives speech alone unless ``kinds`` names other kinds of claim ("speech,thought",
"all"; see :mod:`claimex.nlp.kinds`), and every row when ``min_confidence`` is 0 (the default).
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from spacy.language import Language
from spacy.tokens import Doc

from .article import Article, InputError, Skipped
from .corpus import CorpusPass, link_rows
from .extract_checks import check_extract
from .incremental import IncrementalRun, OutputLock, OutputLocked, lock_path, settings_fingerprint, state_path
from .io.atomic import write_text_atomic
from .io.read_settings import ReadOptions
from .io.reading import iter_articles, read_file
from .io.reflow import reflow
from .io.spool import RowSpool
from .io.targets import Target, check_targets
from .io.writing import (
    TableWriter,
    UsageError,
    is_dataset_output,
    open_table_writer,
    tidy_dataset_leftovers,
)
from .nlp.kinds import parse_kinds
from .nlp.pipeline import ModelNotFound, annotate, load_pipeline
from .records import doc_to_records
from .selection import checked_row_filter, row_filter

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class ArticleResult:
    """One input's outcome: the article and its rows, or why it failed or was skipped."""

    article: Article | None = None
    records: list[dict] = field(default_factory=list)
    error: InputError | None = None
    skipped: Skipped | None = None


def process(
    paths: Sequence[str | Path],
    *,
    nlp: Language | None = None,
    model: str | Path | None = None,
    options: ReadOptions | None = None,
    workers: int = 1,
    stdin=None,
    files: Sequence[tuple[str | Path, str]] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    kinds: str | Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> Iterator[ArticleResult]:
    """Read, annotate and turn into rows every article under ``paths``, in input order.

    Inputs that cannot be read, and articles whose processing fails, come back
    as results with ``error`` set; the run goes on. ``files``, if given, are
    read instead of ``paths``: already expanded ``(file, doc_id base)`` pairs,
    as :func:`claimex.io.paths.expand_paths` yields them (``--incremental``).
    Rows are the claims of ``kinds`` (default: speech; ``"all"``: every kind) whose
    confidence is at least ``min_confidence``.
    """
    options = options or ReadOptions()
    nlp = nlp or load_pipeline(model)
    pending: list[ArticleResult] = []  # errors and skips waiting for their turn in input order
    articles = _articles(paths, files, options, stdin, pending)
    records_kwargs = row_filter(kinds, min_confidence) | {"reference": options.reference_date}
    for article, records, error in _annotated(engine, nlp, articles, workers, scheduler, records_kwargs):
        while pending:
            yield pending.pop(0)
        if error is not None:
            yield ArticleResult(article=article, error=error)
            continue
        yield ArticleResult(article=article, records=records)
    while pending:
        yield pending.pop(0)


def _articles(
    paths: Sequence[str | Path],
    files: Sequence[tuple[str | Path, str]] | None,
    options: ReadOptions,
    stdin: BinaryIO | None,
    pending: list[ArticleResult],
) -> Iterator[Article]:
    """The articles read from ``files`` (else ``paths``); inputs that fail or are skipped go to ``pending``."""
    if files is not None:
        items = _read_files(files, options)
    else:
        items = iter_articles(
            [str(p) for p in paths],
            text_field=options.text_field,
            id_field=options.id_field,
            date_field=options.date_field,
            encoding=options.encoding,
            stdin=stdin,
            max_file_size=options.max_file_size,
            html_timeout=options.html_timeout,
        )
    for item in items:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, InputError):
            pending.append(ArticleResult(error=item))
        else:
            pending.append(ArticleResult(skipped=item))


def _annotated(
    engine: str, nlp: Language, articles: Iterator[Article], workers: int, scheduler: str | None, records_kwargs: dict
) -> Iterator[tuple[Article, list[dict], InputError | None]]:
    """``(article, rows, error)`` in input order from the engine: this process, a pool of ``workers``, or a
    Dask cluster; a failing article comes back as an error and its batch goes on."""
    if engine == "dask":
        from .engines import dask_engine

        return dask_engine.annotate_records(
            nlp, articles, workers=workers, records_kwargs=records_kwargs, scheduler=scheduler
        )
    from .engines import local

    return local.annotate_records(nlp, articles, workers=workers, records_kwargs=records_kwargs)


def _read_files(
    files: Sequence[tuple[str | Path, str]], options: ReadOptions
) -> Iterator[Article | InputError | Skipped]:
    for file, doc_id in files:
        yield from read_file(
            file,
            doc_id,
            text_field=options.text_field,
            id_field=options.id_field,
            date_field=options.date_field,
            encoding=options.encoding,
            max_file_size=options.max_file_size,
            html_timeout=options.html_timeout,
        )


def extract(
    paths: Sequence[str | Path] | str | Path,
    *,
    model: str | Path | None = None,
    nlp: Language | None = None,
    on_error: Callable[[InputError], None] | None = None,
    kinds: str | Iterable[str] | None = None,
    min_confidence: float = 0.0,
    **read_options,
) -> pd.DataFrame:
    """The claims table of every article under ``paths`` as a DataFrame (speech unless ``kinds`` says;
    corpus ids included)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    records: list[dict] = []
    options = ReadOptions(**read_options)
    for result in process(paths, nlp=nlp, model=model, options=options, kinds=kinds, min_confidence=min_confidence):
        if result.error is not None and on_error is not None:
            on_error(result.error)
        records.extend(result.records)
    from .table import to_frame  # pandas, imported by the calls that make a DataFrame

    return to_frame(link_rows(records))


def extract_text(
    text: str,
    *,
    doc_id: str = "-",
    published: str = "",
    nlp: Language | None = None,
    model: str | None = None,
    kinds: str | Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> list[dict]:
    """The claims of one article given as a string (speech unless ``kinds`` says; its corpus ids are the
    article's own)."""
    extractor = ClaimExtractor(nlp, model=model)
    return extractor.rows(text, doc_id=doc_id, published=published, kinds=kinds, min_confidence=min_confidence)


class ClaimExtractor:
    """claimex on a spaCy pipeline, the one way in (as spacy-layout wraps a pipeline):
    ``ClaimExtractor(nlp)(text)`` is the annotated Doc (``doc.spans["claims"]``, each claim's
    ``Span._.speaker_name``, ``._.cue``, ``._.quote_type`` ...), :meth:`rows` its table rows.

    ``nlp`` is a pipeline from :func:`load_pipeline` or ``spacy.load`` of one saved with
    ``nlp.to_disk`` (its cue model included).  claimex parses each paragraph on its own, an opening
    title in sentence case, and (with the paragraph gate) only the paragraphs that can hold a claim;
    ``nlp(text)`` would parse the text whole and give other claims, so claimex's components refuse it.
    The Docs keep their annotations through ``DocBin(store_user_data=True)``.

    A text is read as a ``.txt`` file's is: hard-wrapped lines are joined (:func:`~claimex.io.reflow.reflow`
    puts a space where a wrap put a line break), so a Doc's text can differ from the string given in
    those characters alone, and rows' ``char_start``/``char_end`` point into either.
    """

    def __init__(self, nlp: Language | None = None, *, model: str | Path | None = None):
        self.nlp = nlp if nlp is not None else load_pipeline(model)

    def __call__(self, text: str, *, doc_id: str = "-", published: str = "") -> Doc:
        ((_, doc),) = annotate(self.nlp, [_article(text, doc_id, published)])
        return doc

    def pipe(self, texts: Iterable[str], *, batch_size: int = 64) -> Iterator[Doc]:
        """The Doc of each text, in order; texts are parsed in batches of ``batch_size``."""
        articles = (_article(text, str(i)) for i, text in enumerate(texts))
        for _, doc in annotate(self.nlp, articles, batch_articles=batch_size):
            yield doc

    def rows(
        self,
        text: str,
        *,
        doc_id: str = "-",
        published: str = "",
        kinds: str | Iterable[str] | None = None,
        min_confidence: float = 0.0,
    ) -> list[dict]:
        """The claims table rows of one article (columns of :mod:`claimex.schema`; corpus ids the article's
        own): speech unless ``kinds`` says, of confidence at least ``min_confidence``."""
        selected = row_filter(kinds, min_confidence)
        article = _article(text, doc_id, published)
        docs = annotate(self.nlp, [article])
        return link_rows([row for _, doc in docs for row in doc_to_records(doc, article, **selected)])


def _article(text: str, doc_id: str, published: str = "") -> Article:
    """A text given as a string, as a ``.txt`` file of it is read (hard wraps joined, offsets kept)."""
    return Article(doc_id=doc_id, text=reflow(text), published=published)


def extract_docs(
    articles: Iterable[Article], nlp: Language, *, kinds: str | Iterable[str] | None = None, min_confidence: float = 0.0
) -> Iterator[tuple[Article, list[dict]]]:
    selected = row_filter(kinds, min_confidence)
    for article, doc in annotate(nlp, articles):
        yield article, doc_to_records(doc, article, **selected)


class NothingToRead(Exception):
    """No input gave an article with text: :func:`extract_to` wrote nothing (the previous output stands)."""

    def __init__(self, summary: ExtractSummary):
        self.summary = summary
        empty = summary.articles - summary.readable
        super().__init__(
            f"no readable article among the inputs ({len(summary.failed)} failed, {len(summary.skipped)} skipped,"
            f" {empty} empty); nothing written to {'stdout' if summary.output == '-' else summary.output}"
        )


@dataclass
class ExtractSummary:
    """What :func:`extract_to` did: counts, failures, and for an incremental run what it reused."""

    output: str
    format: str
    articles: int = 0  # articles with rows in the output (reused ones included)
    claims: int = 0  # rows written
    failed: list[InputError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    speakers: Counter[str] = field(default_factory=Counter)  # rows per speaker_id (named speakers)
    countries: Counter[str] = field(default_factory=Counter)  # rows per speaker country
    seconds: float = 0.0  # reading, annotating and writing, after the pipeline was loaded
    stopped: bool = False  # ``fail_fast`` stopped the run at a failed input
    warned: list[InputError] = field(default_factory=list)  # inputs read with a warning, one entry a warning
    readable: int = 0  # articles with text (reused ones included); none: nothing written, NothingToRead
    incremental: bool = False
    reprocessed: int = 0  # incremental: input files processed again, unchanged ones, ones gone since
    unchanged: int = 0
    removed: int = 0
    state_problem: str | None = None  # incremental: the state could not be updated (the output is fine)
    state_warning: str | None = None  # incremental: the state found was unusable, discarded and rebuilt


def extract_to(
    paths: Sequence[str | Path] | str | Path,
    output: str | Path,
    *,
    fmt: str | None = None,
    excel: bool = False,
    formula_guard: bool = True,
    partition_rows: int | None = None,
    options: ReadOptions | None = None,
    nlp: Language | None = None,
    model: str | Path | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    incremental: bool = False,
    wait: bool = False,
    fail_fast: bool = False,
    strict: bool = False,
    errors: str | Path | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
    on_wait: Callable[[int | None], None] | None = None,
    stdin: BinaryIO | None = None,
    kinds: str | Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> ExtractSummary:
    """Extract the claims of every article under ``paths`` into ``output``: all of ``claimex extract``.

    ``output`` is a file (format from ``fmt`` or its extension), ``"DIR/"`` for partitioned Parquet
    (``partition_rows`` rows a part), or ``"-"`` for stdout.  CSV and TSV get the formula guard unless
    ``formula_guard`` is false, and a UTF-8 BOM with ``excel`` (:func:`claimex.io.writing.open_table_writer`).
    Bad arguments raise :class:`UsageError` (the message names the fix) before any work, a path written
    that would overwrite, replace or later be read as an input among them
    (:func:`claimex.io.targets.check_targets`).  Then, holding the output's lock (:class:`OutputLocked`
    if another run writes it, unless ``wait``; ``on_wait(pid)`` is called before waiting), the leftovers of
    a killed run are tidied, the pipeline is loaded (``nlp``, else ``model``; :class:`ModelNotFound`), and
    every input is read and annotated; ``on_result`` sees each :class:`ArticleResult` in input order.
    ``incremental`` processes only new or changed inputs (:mod:`claimex.incremental`).  The output is
    written atomically: an exception (Ctrl-C included) leaves the previous one as it was.  ``fail_fast``
    stops at the first failed input; ``errors`` (a path) gets the failed inputs as JSONL.  An input read
    with a warning (an HTML page whose main text looks misread) is counted in ``warned``, and with
    ``strict`` as failed too.  When no input gives an article with text, nothing is written (the previous
    output stands) and :class:`NothingToRead` is raised, after ``errors`` was written.  Rows are the
    claims of ``kinds`` (default: speech; ``"all"``) whose confidence is at least ``min_confidence``.
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    output = str(output)
    table_options: dict[str, Any] = {"excel": excel, "formula_guard": formula_guard, "partition_rows": partition_rows}
    fmt = check_extract(paths, output, fmt, stdout_isatty=sys.stdout.isatty(), engine=engine,
                        scheduler=scheduler, incremental=incremental, **table_options)  # fmt: skip
    selected = checked_row_filter(kinds, min_confidence)
    check_targets(paths, _extract_targets(output, errors, incremental))
    summary = ExtractSummary(output=output, format=fmt, incremental=incremental)
    run = _Run(paths, table_options, nlp, model, options or ReadOptions(), stdin, workers, engine, scheduler,
               incremental, selected, _Policy(fail_fast, strict), on_result)  # fmt: skip
    try:
        with _held(output, wait, on_wait):
            _run_held(run, summary)
    finally:
        _write_failed(errors, summary.failed)
    return summary


@dataclass(frozen=True)
class _Run:
    """The arguments of :func:`extract_to`, checked, for the part of the run that holds the output's lock."""

    paths: list
    table_options: dict  # open_table_writer's keyword arguments
    nlp: Language | None
    model: str | Path | None
    options: ReadOptions
    stdin: BinaryIO | None
    workers: int
    engine: str
    scheduler: str | None
    incremental: bool
    selected: dict  # the row filter's keyword arguments
    policy: _Policy
    on_result: Callable[[ArticleResult], None] | None


def _run_held(run: _Run, summary: ExtractSummary) -> None:
    """Load the pipeline, plan the incremental run, process the inputs and write them (the lock held)."""
    started = time.perf_counter()
    loaded = run.nlp or load_pipeline(run.model)
    with _incremental_state(run.incremental, summary.output, run.paths, loaded, run.options, run.selected) as state:
        summary.state_warning = state.warning if state is not None else None
        files = state.to_process if state is not None else None
        results = process(
            run.paths, nlp=loaded, options=run.options, stdin=run.stdin, files=files, workers=run.workers,
            engine=run.engine, scheduler=run.scheduler, **run.selected,
        )  # fmt: skip
        writer = open_table_writer(summary.output, summary.format, **run.table_options)
        _write_results(summary, results, writer, state, run.policy, run.on_result)
    summary.seconds = time.perf_counter() - started


def _write_failed(errors: str | Path | None, failed: list[InputError]) -> None:
    """``errors`` (``--errors``), if given, gets the failed inputs as JSONL, written atomically (none: empty)."""
    if errors is not None:
        write_text_atomic(errors, "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in failed))


def _extract_targets(output: str, errors: str | Path | None, incremental: bool) -> list[Target]:
    """Every path a run of ``extract`` writes (:func:`claimex.io.targets.check_targets`)."""
    errors_target = [Target(errors, "--errors")] if errors is not None else []
    if output == "-":
        return errors_target
    targets = [Target(output, "-o", directory=is_dataset_output(output)), *errors_target]
    targets.append(Target(lock_path(output), "the lock"))
    if incremental:
        targets.append(Target(state_path(output), "the incremental state"))
    return targets


@contextlib.contextmanager
def _held(output: str, wait: bool, on_wait: Callable[[int | None], None] | None) -> Iterator[None]:
    """The output's lock for the whole run (none for stdout), and a killed run's leftovers tidied under it."""
    if output == "-":
        yield
        return
    with OutputLock(output, wait=wait, on_wait=on_wait):
        if is_dataset_output(output):
            tidy_dataset_leftovers(output)  # a killed run's staging directory (safe: the lock is held)
        yield


@contextlib.contextmanager
def _incremental_state(
    incremental: bool, output: str, paths: list, nlp: Language, options: ReadOptions, selected: dict
) -> Iterator[IncrementalRun | None]:
    """The incremental run's state beside ``output`` (closed at the end), or None for a full run.  The rows
    asked for (``selected``: kinds, minimum confidence) are part of the settings that decide the rows."""
    if not incremental:
        yield None
        return
    with IncrementalRun.open(output, paths, run_fingerprint(nlp, options, **selected)) as state:
        yield state


def run_fingerprint(
    nlp: Language, options: ReadOptions, kinds: Iterable[str] | str | None = None, min_confidence: float = 0.0
) -> str:
    """The settings that decide an extraction's rows (:func:`claimex.incremental.settings_fingerprint`), the
    rows asked for (kinds, minimum confidence) among them: what ``--incremental`` compares."""
    rows = {"kinds": sorted(parse_kinds(kinds)), "min_confidence": min_confidence}
    return settings_fingerprint(nlp, options, rows=rows)


@dataclass(frozen=True)
class _Policy:
    fail_fast: bool = False  # stop at the first failed input
    strict: bool = False  # an input read with a warning is a failed input


def _write_results(
    summary: ExtractSummary,
    results: Iterator[ArticleResult],
    writer: TableWriter,
    state: IncrementalRun | None,
    policy: _Policy,
    on_result: Callable[[ArticleResult], None] | None,
) -> None:
    """Write the rows of ``results`` (and of an incremental run's unchanged inputs), counting into ``summary``.

    Rows wait in a spool on disk (or in the incremental state) while the corpus pass collects their
    keys; once every article is done, they are written with their ``speaker_id`` and ``statement_id``.
    Raises :class:`NothingToRead` inside the writer's block (so it writes nothing) when no article had text.
    """
    corpus = CorpusPass()
    with writer, RowSpool() as spool:
        for result in state.track(results) if state is not None else results:
            if on_result is not None:
                on_result(result)
            if _tally(summary, result, policy):
                break
            if state is None:
                corpus.add(result.records)
                spool.write(result.records)
        if state is not None:  # the whole table: rows of unchanged inputs and new rows, in input order
            _tally_reused(summary, state)
            corpus.add(state.rows())
        if not summary.readable:
            raise NothingToRead(summary)
        writer.write(_count_speakers(summary, corpus.apply(state.rows() if state is not None else spool.rows())))
    summary.claims = writer.rows
    if state is not None:
        summary.state_problem = state.commit()  # only now that the output is in place
        summary.reprocessed, summary.unchanged, summary.removed = state.reprocessed, state.unchanged, state.removed


def _count_speakers(summary: ExtractSummary, rows: Iterator[dict]) -> Iterator[dict]:
    """Pass ``rows`` through, counting named speakers (by ``speaker_id``) and their countries."""
    for row in rows:
        if row["speaker_id"]:
            summary.speakers[row["speaker_id"]] += 1
        if row["speaker_country"]:
            summary.countries[row["speaker_country"]] += 1
        yield row


def _tally(summary: ExtractSummary, result: ArticleResult, policy: _Policy) -> bool:
    """Count ``result`` into ``summary``; True when the run stops here (a failure with ``fail_fast``)."""
    if result.skipped is not None:
        summary.skipped.append(result.skipped)
        return False
    if result.error is not None:
        summary.failed.append(result.error)
        summary.stopped = policy.fail_fast
        return policy.fail_fast
    article = result.article
    if article is None:  # never: a result neither failed nor skipped carries its article
        return False
    warnings = [InputError(article.source, warning) for warning in article.warnings]
    summary.warned.extend(warnings)
    if warnings and policy.strict:
        summary.failed.extend(warnings)
        if policy.fail_fast:
            summary.stopped = True
            return True
    summary.articles += 1
    summary.readable += bool(article.text.strip())
    return False


def _tally_reused(summary: ExtractSummary, state: IncrementalRun) -> None:
    summary.articles += state.reused_articles
    summary.readable += state.reused_articles


__all__ = [
    "ArticleResult",
    "ClaimExtractor",
    "ExtractSummary",
    "ModelNotFound",
    "NothingToRead",
    "OutputLocked",
    "ReadOptions",
    "UsageError",
    "extract",
    "extract_docs",
    "extract_text",
    "extract_to",
    "process",
]
