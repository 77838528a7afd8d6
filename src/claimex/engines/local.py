"""The local engine: annotate and build records here, or in a pool of processes.

``annotate_records`` is what :func:`claimex.api.process` runs.  With
``workers > 1`` batches of articles go to a pool of worker processes; each
worker annotates its batch and returns only the rows (no Doc crosses a
process boundary), and results come back in input order, so the rows are
identical to a one-worker run.  A worker gets the parent's loaded pipeline
through ``fork`` where the platform has it (no second model load), else loads
the same model (and paragraph gate) once at start-up.

The pool survives a worker's death (killed, out of memory, a crash in compiled
code): a new worker takes its place, the batch it held is retried one article
at a time, and an article whose worker dies twice (once in its batch, once
alone, or twice alone) becomes a failed input naming it; the run goes on.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from spacy.language import Language

from ..article import Article, InputError
from ..nlp.pipeline import META_KEY, annotate, load_pipeline, prepare
from ..records import doc_to_records

# A pool task: up to 8 articles or 20,000 characters (a model batch), whichever comes first: big
# enough for full model batches, small enough that the workers finish together.
BATCH_ARTICLES = 8
TASK_CHARS = 20_000

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
    forking = "fork" in multiprocessing.get_all_start_methods()
    if forking:
        _WORKER_NLP = nlp  # inherited by the forked workers: no second model load
        prepare(nlp)  # the gate and the stand-ins too
        gc.freeze()  # the parent's objects out of the collector's sight: the workers' pages stay shared
        pool = _Pool(multiprocessing.get_context("fork"), workers, records_kwargs, None)
    else:  # pragma: no cover - spawn-only platforms
        pool = _Pool(multiprocessing.get_context("spawn"), workers, records_kwargs, nlp.meta.get(META_KEY))
    try:
        yield from pool.run(articles)
    finally:
        pool.close()
        _WORKER_NLP = None
        if forking:
            gc.unfreeze()


# Deaths of a worker holding an article before it is given up as a failed input.
DEATHS_ALLOWED = 1
# Workers that die before taking any task, in a row, before the pool gives up (it cannot start workers).
STILLBORN_LIMIT = 3


@dataclass
class _Task:
    positions: list[int]  # of the articles in input order
    articles: list[Article]


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection  # the parent's end of the worker's pipe
    task: _Task | None = None
    served: int = 0  # tasks completed


@dataclass
class _Pool:
    """Worker processes that each take one task (a batch of articles) at a time, replaced when they die."""

    context: multiprocessing.context.ForkContext | multiprocessing.context.SpawnContext
    size: int
    records_kwargs: dict
    meta: dict | None  # spawn: what each worker loads; fork: None (the parent's pipeline is inherited)
    workers: list[_Worker] = field(default_factory=list)
    deaths: dict[int, int] = field(default_factory=dict)  # article position -> deaths of its worker
    stillborn: int = 0

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        """``(article, rows, error)`` in input order; at most two tasks per worker are read ahead."""
        tasks = _tasks(enumerate(articles))
        queue: deque[_Task] = deque()
        done: dict[int, Result] = {}
        next_out, exhausted = 0, False
        while len(self.workers) < self.size:
            self.workers.append(self._start())
        while True:
            while not exhausted and len(queue) + self._busy() < 2 * self.size and len(done) < self._backlog():
                task = next(tasks, None)
                exhausted = task is None
                if task is not None:
                    queue.append(task)
            self._dispatch(queue)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if exhausted and not queue and not self._busy():
                return
            self._collect(queue, done)

    def close(self) -> None:
        """Stop the workers: asked to end when idle, terminated otherwise (an interrupted run)."""
        for worker in self.workers:
            try:
                if worker.task is None:
                    worker.connection.send(None)
                else:
                    worker.process.terminate()
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers = []

    def _busy(self) -> int:
        return sum(worker.task is not None for worker in self.workers)

    def _backlog(self) -> int:
        """Results waiting for an earlier article (one being retried) before no more are read."""
        return 4 * self.size * BATCH_ARTICLES

    def _start(self) -> _Worker:
        ours, theirs = self.context.Pipe()
        inherited = [worker.connection for worker in self.workers] + [ours]  # parent ends the child must close
        process = self.context.Process(target=_serve, args=(theirs, inherited, self.meta), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _dispatch(self, queue: deque[_Task]) -> None:
        for k, worker in enumerate(self.workers):
            if worker.task is not None or not queue:
                continue
            task = queue.popleft()
            try:
                worker.connection.send((task.articles, self.records_kwargs))
            except (OSError, ValueError):  # it died idle: the task was never started
                queue.appendleft(task)
                self._replace(k, stillborn=worker.served == 0)
                continue
            worker.task = task

    def _collect(self, queue: deque[_Task], done: dict[int, Result]) -> None:
        """Wait for a busy worker to answer or die; file its results, or retry (or give up) its task."""
        busy = [worker for worker in self.workers if worker.task is not None]
        wait([w.connection for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            task = worker.task
            assert task is not None
            if not worker.connection.poll() and worker.process.is_alive():
                continue
            try:
                answer = worker.connection.recv()
            except (EOFError, OSError):  # it died holding the task
                self._lost(task, worker, queue, done)
                continue
            worker.task = None
            worker.served += 1
            self.stillborn = 0
            if isinstance(answer, list):
                for position, article, (rows, error) in zip(task.positions, task.articles, answer, strict=True):
                    done[position] = (article, rows, error)
            elif len(task.articles) > 1:  # the batch as a whole failed (records_for catches per article)
                queue.extendleft(
                    reversed([_Task([p], [a]) for p, a in zip(task.positions, task.articles, strict=True)])
                )
            else:
                done[task.positions[0]] = (
                    task.articles[0],
                    [],
                    InputError(task.articles[0].doc_id, f"processing failed: {answer}"),
                )

    def _lost(self, task: _Task, worker: _Worker, queue: deque[_Task], done: dict[int, Result]) -> None:
        """The worker died holding ``task``: a new worker takes its place; its articles are retried alone,
        or given up after their second death."""
        worker.process.join(timeout=5)
        how = _death(worker.process.exitcode)
        self._replace(self.workers.index(worker), stillborn=False)
        retry = []
        for position, article in zip(task.positions, task.articles, strict=True):
            self.deaths[position] = self.deaths.get(position, 0) + 1
            if len(task.articles) == 1 and self.deaths[position] > DEATHS_ALLOWED:
                reason = f"processing failed: its worker process died twice on it ({how}); left out"
                done[position] = (article, [], InputError(article.doc_id, reason))
            else:
                retry.append(_Task([position], [article]))
        queue.extendleft(reversed(retry))  # before later batches: results leave in input order

    def _replace(self, k: int, *, stillborn: bool) -> None:
        old = self.workers[k]
        if old.process.is_alive():
            old.process.kill()
        old.process.join()
        old.connection.close()
        self.stillborn = self.stillborn + 1 if stillborn else 0
        if self.stillborn >= STILLBORN_LIMIT:
            raise RuntimeError(f"worker processes die before taking any work ({_death(old.process.exitcode)})")
        self.workers[k] = self._start()


def _tasks(numbered: Iterator[tuple[int, Article]]) -> Iterator[_Task]:
    task, size = _Task([], []), 0
    for position, article in numbered:
        task.positions.append(position)
        task.articles.append(article)
        size += len(article.text)
        if len(task.articles) >= BATCH_ARTICLES or size >= TASK_CHARS:
            yield task
            task, size = _Task([], []), 0
    if task.articles:
        yield task


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


def _serve(connection: Connection, inherited: list[Connection], meta: dict | None) -> None:
    """A worker: annotate each batch the parent sends until it sends None or goes away."""
    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the workers
    for other in inherited:  # the parent's ends of the pipes: held here, they would hide the parent's exit
        other.close()
    if meta is not None:  # spawn: load the same pipeline once per worker
        _WORKER_NLP = load_pipeline(meta.get("model"), gate=meta.get("gate"))
    assert _WORKER_NLP is not None
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        batch, kwargs = message
        try:
            answer: object = records_for(_WORKER_NLP, batch, kwargs)
        except Exception as exc:  # records_for catches per article: this is the batch itself failing
            answer = repr(exc)
        try:
            connection.send(answer)
        except OSError:  # the parent is gone (killed): nobody to answer
            return
