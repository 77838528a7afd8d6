"""A spool of rows on disk: rows written once, in order, and read back once, in order.

The corpus pass (:mod:`claimex.corpus`) needs every row before it can give any row its ids, but the
rows of a large run must not all stay in memory: :class:`RowSpool` keeps them in an anonymous
temporary file (``tempfile.TemporaryFile``: in ``$TMPDIR``, removed by the system when closed, even
after a crash), written in batches of pickled lists.  Memory: one batch at a time.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO


class RowSpool:
    """Append batches of rows with :meth:`write`, then read them all back with :meth:`rows`."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self.count = 0

    def __enter__(self) -> RowSpool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def write(self, rows: Iterable[dict]) -> None:
        batch = list(rows)
        if not batch:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="claimex-rows-")  # noqa: SIM115 - closed by close()
        pickle.dump(batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += len(batch)

    def rows(self) -> Iterator[dict]:
        """Every row written, in order (the spool is read from its start)."""
        if self._file is None:
            return
        self._file.flush()
        self._file.seek(0)
        while True:
            try:
                batch = pickle.load(self._file)
            except EOFError:
                return
            yield from batch

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
