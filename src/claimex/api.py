"""The Python API: what the CLI runs, for notebooks and other programs.

>>> import claimex
>>> frame = claimex.extract(["data/raw"])            # doctest: +SKIP
>>> rows = claimex.extract_text("“We agree,” Hua said.")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
from spacy.language import Language

from .article import Article, InputError, Skipped
from .io.reading import iter_articles, read_file
from .nlp.pipeline import annotate, load_pipeline
from .records import doc_to_records
from .table import to_frame


@dataclass
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    encoding: str | None = None
    #: Dates a year-less dateline ("BEIJING, November 6"): see records.article_date. None: never guessed.
    reference_date: date | None = None


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
) -> Iterator[ArticleResult]:
    """Read, annotate and turn into rows every article under ``paths``, in input order.

    Inputs that cannot be read, and articles whose processing fails, come back
    as results with ``error`` set; the run goes on. ``files``, if given, are
    read instead of ``paths``: already expanded ``(file, doc_id base)`` pairs,
    as :func:`claimex.io.reading.expand_paths` yields them (``--incremental``).
    """
    options = options or ReadOptions()
    nlp = nlp or load_pipeline(model)
    pending: list[ArticleResult] = []  # errors and skips waiting for their turn in input order

    def articles() -> Iterator[Article]:
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
            )
        for item in items:
            if isinstance(item, Article):
                yield item
            elif isinstance(item, InputError):
                pending.append(ArticleResult(error=item))
            else:
                pending.append(ArticleResult(skipped=item))

    # The engine annotates (one process, a pool of ``workers``, or a Dask cluster); a failing article
    # comes back as an error and the batch goes on.
    records_kwargs = {"reference": options.reference_date}
    if engine == "dask":
        from .engines.dask_engine import annotate_records as run
    else:
        from .engines.local import annotate_records as run
    extra = {"scheduler": scheduler} if engine == "dask" else {}
    for article, records, error in run(nlp, articles(), workers=workers, records_kwargs=records_kwargs, **extra):
        while pending:
            yield pending.pop(0)
        if error is not None:
            yield ArticleResult(article=article, error=error)
            continue
        yield ArticleResult(article=article, records=records)
    while pending:
        yield pending.pop(0)


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
        )


def extract(
    paths: Sequence[str | Path] | str | Path,
    *,
    model: str | Path | None = None,
    nlp: Language | None = None,
    on_error: Callable[[InputError], None] | None = None,
    **read_options,
) -> pd.DataFrame:
    """The claims table of every article under ``paths`` as a DataFrame."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    records: list[dict] = []
    for result in process(paths, nlp=nlp, model=model, options=ReadOptions(**read_options)):
        if result.error is not None and on_error is not None:
            on_error(result.error)
        records.extend(result.records)
    return to_frame(records)


def extract_text(
    text: str, *, doc_id: str = "-", published: str = "", nlp: Language | None = None, model: str | None = None
) -> list[dict]:
    """The claims of one article given as a string."""
    nlp = nlp or load_pipeline(model)
    article = Article(doc_id=doc_id, text=text, published=published)
    return [row for _, doc in annotate(nlp, [article]) for row in doc_to_records(doc, article)]


def extract_docs(articles: Iterable[Article], nlp: Language) -> Iterator[tuple[Article, list[dict]]]:
    for article, doc in annotate(nlp, articles):
        yield article, doc_to_records(doc, article)
