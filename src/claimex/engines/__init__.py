"""Engines: where the spaCy stage and the records run.

* ``local`` (:mod:`claimex.engines.local`): this process, or a pool of
  ``workers`` processes over batches of articles (each worker holds its own
  pipeline: inherited by fork, else loaded once per worker);
* ``dask`` (:mod:`claimex.engines.dask_engine`, optional extra
  ``pip install ".[dask]"``): the same work on a Dask cluster.

Every engine yields ``(article, records, error)`` in input order, so the table
is the same whatever runs it.
"""

ENGINES = ("local", "dask")
