"""The local engine: annotate and build records here, or in a pool of processes.

``annotate_records`` is what :func:`claimex.api.process` runs.  With
``workers > 1`` batches of articles go to a ``multiprocessing`` pool; each
worker annotates its batch and returns only the rows (no Doc crosses a
process boundary), and results come back in input order, so the rows are
identical to a one-worker run.  A worker gets the parent's loaded pipeline
through ``fork`` where the platform has it, else loads the same model (and
paragraph gate) once at start-up.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language

from ..article import Article, InputError
from ..nlp.pipeline import META_KEY, annotate, load_pipeline
from ..records import doc_to_records

BATCH_ARTICLES = 8  # articles per pool task: small enough to balance, big enough for nlp.pipe

Result = tuple[Article, list[dict], InputError | None]

_WORKER_NLP: Language | None = None


def records_for(
    nlp: Language, articles: list[Article], records_kwargs: dict | None = None
) -> list[tuple[list[dict], InputError | None]]:
    """Rows (or the error) of each article, in order; a failing article never sinks the others."""
    records_kwargs = records_kwargs or {}
    out: list[tuple[list[dict], InputError | None]] = []

    def failure(article: Article, exc: Exception) -> tuple[list[dict], InputError]:
        return [], InputError(article.doc_id, f"processing failed: {exc!r}")

    # annotate calls on_error before it yields the next article, so ``out`` stays in input order.
    on_error = lambda article, exc: out.append(failure(article, exc))  # noqa: E731
    for article, doc in annotate(nlp, articles, batch_articles=max(len(articles), 1), on_error=on_error):
        try:
            out.append((doc_to_records(doc, article, **records_kwargs), None))
        except Exception as exc:  # one bad article never stops the batch
            out.append(failure(article, exc))
    return out


def annotate_records(
    nlp: Language,
    articles: Iterable[Article],
    *,
    workers: int = 1,
    records_kwargs: dict | None = None,
    batch_articles: int = 64,
) -> Iterator[Result]:
    """``(article, rows, error)`` for every article, in input order, on ``workers`` processes."""
    if workers <= 1:
        iterator = iter(articles)
        while batch := list(itertools.islice(iterator, batch_articles)):
            for article, (rows, error) in zip(batch, records_for(nlp, batch, records_kwargs), strict=True):
                yield article, rows, error
        return
    yield from _pooled(nlp, articles, workers, records_kwargs or {})


def _pooled(nlp: Language, articles: Iterable[Article], workers: int, records_kwargs: dict) -> Iterator[Result]:
    global _WORKER_NLP
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        _WORKER_NLP = nlp  # inherited by the forked workers: no second model load
        context = multiprocessing.get_context("fork")
        initargs: tuple = (None,)
    else:  # pragma: no cover - spawn-only platforms
        context = multiprocessing.get_context("spawn")
        initargs = (nlp.meta.get(META_KEY),)
    iterator = iter(articles)
    in_flight: deque = deque()
    try:
        with context.Pool(workers, initializer=_init_worker, initargs=initargs) as pool:
            while True:
                # Keep a bounded number of batches in flight: memory stays flat on large inputs.
                while len(in_flight) < 2 * workers and (batch := list(itertools.islice(iterator, BATCH_ARTICLES))):
                    in_flight.append((batch, pool.apply_async(_work, (batch, records_kwargs))))
                if not in_flight:
                    break
                batch, pending = in_flight.popleft()
                for article, (rows, error) in zip(batch, pending.get(), strict=True):
                    yield article, rows, error
    finally:
        _WORKER_NLP = None


def _init_worker(meta: dict | None) -> None:
    global _WORKER_NLP
    if meta is not None:  # spawn: load the same pipeline once per worker
        _WORKER_NLP = load_pipeline(meta.get("model"), gate=meta.get("gate"))


def _work(batch: list[Article], records_kwargs: dict) -> list[tuple[list[dict], InputError | None]]:
    assert _WORKER_NLP is not None
    return records_for(_WORKER_NLP, batch, records_kwargs)
