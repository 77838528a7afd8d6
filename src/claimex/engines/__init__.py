"""Engines: where the spaCy stage and the records run.

* ``local`` (:mod:`claimex.engines.local`): this process, or a pool of
  ``workers`` processes over batches of articles (each worker holds its own
  pipeline: inherited by fork, else loaded once per worker);
* ``dask`` (:mod:`claimex.engines.dask_engine`, optional extra
  ``pip install ".[dask]"``): the same work on a Dask cluster.

Every engine yields ``(article, records, error)`` in input order, so the table
is the same whatever runs it.
"""

from ..errors import UsageError

ENGINES = ("local", "dask")


def check_engine(engine: str, scheduler: str | None) -> None:
    """Raise :class:`~claimex.errors.UsageError` (naming the fix) for an unknown engine, a scheduler
    without the dask engine, or the dask engine without its optional extra installed."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine '{engine}' (use --engine local or --engine dask)")
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        from .dask_engine import DaskUnavailable, require_dask

        try:
            require_dask()
        except DaskUnavailable as exc:
            raise UsageError(str(exc)) from exc
