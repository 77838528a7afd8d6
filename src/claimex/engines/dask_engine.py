"""The Dask engine: the same extraction on a Dask cluster (``--engine dask``).

Optional: ``pip install ".[dask]"`` (dask and distributed).  The driver reads
the articles, sends them in batches to the cluster, and writes the rows it
gets back in input order, so the table is the same as the local engine's.

* ``scheduler``: the address of a running scheduler (``tcp://HOST:PORT``);
  without one a ``LocalCluster`` is started on 127.0.0.1 with ``workers``
  worker processes (one thread each) and closed at the end.
* The model is loaded once per worker: a worker plugin loads the pipeline
  named by the driver's ``nlp.meta["claimex"]`` (model and paragraph gate)
  when the worker starts, and every task reuses it.
* Rows come back to the driver, which writes them with the usual writers
  (:mod:`claimex.io.writing`), so the workers need no access to the output.
  For large outputs write partitioned Parquet (``-o claims/``: part files of
  at most ``--partition-rows`` rows, flushed part by part, the directory
  replaced only once complete) or one Parquet file (``-o claims.parquet``,
  streamed in row groups); either way the writer holds at most
  :data:`claimex.io.writing.BATCH_ROWS` rows, besides the batches in flight.

Limits, plainly: a pipeline that was not loaded by name or path (a
hand-built ``Language``) cannot be shipped to the workers; the batches in
flight are bounded (two per worker) but results are gathered by the driver
(one process writes the output; workers never write parts themselves).
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language

from ..article import Article, InputError
from ..nlp.pipeline import META_KEY

INSTALL_HINT = 'the dask engine needs the optional extra: pip install ".[dask]"'
BATCH_ARTICLES = 8
PLUGIN_NAME = "claimex-pipeline"


class DaskUnavailable(ImportError):
    """dask or distributed is not installed."""


def require_dask() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise DaskUnavailable(INSTALL_HINT) from exc


def _plugin_class():
    from distributed import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Loads claimex's pipeline once when a worker starts; tasks find it on the worker."""

        name = PLUGIN_NAME

        def __init__(self, meta: dict):
            self.meta = meta

        def setup(self, worker) -> None:
            from ..nlp.pipeline import load_pipeline

            worker._claimex_nlp = load_pipeline(self.meta.get("model"), gate=self.meta.get("gate"))

    return PipelinePlugin


def _work(batch: list[Article], records_kwargs: dict) -> list[tuple[list[dict], InputError | None]]:
    from distributed import get_worker

    from .local import records_for

    return records_for(get_worker()._claimex_nlp, batch, records_kwargs)  # type: ignore[attr-defined]  # set by the plugin


def local_cluster_options(workers: int) -> dict:
    """A local cluster of ``workers`` single-threaded processes on 127.0.0.1.  The scheduler always serves HTTP (its
    health routes, even without a dashboard): on a free port, not 8787, which another cluster may hold."""
    return {
        "n_workers": max(workers, 1),
        "threads_per_worker": 1,
        "processes": True,
        "host": "127.0.0.1",
        "dashboard_address": "127.0.0.1:0",
        "scheduler_kwargs": {"dashboard": False},
    }


def annotate_records(
    nlp: Language,
    articles: Iterable[Article],
    *,
    workers: int = 1,
    records_kwargs: dict | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[Article, list[dict], InputError | None]]:
    """``(article, rows, error)`` for every article, in input order, computed on a Dask cluster."""
    require_dask()
    from distributed import Client, LocalCluster

    meta = nlp.meta.get(META_KEY)
    if not meta or not meta.get("model"):
        raise ValueError("the dask engine needs a pipeline loaded with claimex.load_pipeline (by name or path)")
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(**local_cluster_options(workers))
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        client.register_plugin(_plugin_class()(meta), name=PLUGIN_NAME)
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        iterator = iter(articles)
        in_flight: deque = deque()
        kwargs = records_kwargs or {}
        while True:
            while len(in_flight) < 2 * n_workers and (batch := list(itertools.islice(iterator, BATCH_ARTICLES))):
                in_flight.append((batch, client.submit(_work, batch, kwargs, pure=False)))
            if not in_flight:
                break
            batch, future = in_flight.popleft()
            for article, (rows, error) in zip(batch, future.result(), strict=True):
                yield article, rows, error
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
