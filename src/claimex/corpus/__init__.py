"""The corpus pass: what links rows across the articles of one run (``speaker_id``, ``statement_id``, and a
``speaker_country`` an article does not give but the speaker's other rows agree on).

The per-article pass (the engines' map) makes each article's rows on its own; the corpus pass (the
reduce) runs once all rows are made, in the process that writes the output, whatever the engine:

1. :meth:`CorpusPass.add` every row: it keeps keys, not rows (distinct speaker forms and distinct
   quotes; see :mod:`claimex.corpus.speakers` and :mod:`claimex.corpus.statements`);
2. :meth:`CorpusPass.link` once: speaker forms and quotes are grouped;
3. :meth:`CorpusPass.apply` every row again: it gets its ``speaker_id`` and ``statement_id``.

The ids depend only on the set of rows, never on their order or on the number of workers, so the
local and Dask engines, an incremental run and a full run give the same ids for the same rows.

>>> rows = [{"doc_id": "a", "speaker": "Mr. Trump", "speaker_type": "PERSON", "quote": "Yes."},
...         {"doc_id": "b", "speaker": "Donald Trump", "speaker_type": "PERSON", "quote": "No."}]
>>> [row["speaker_id"] for row in link_rows(rows)]
['Donald Trump', 'Donald Trump']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .speakers import SpeakerIndex
from .statements import StatementIndex

#: The columns the corpus pass fills (empty in rows made by the per-article pass alone); it also completes
#: ``speaker_country`` (see :meth:`CorpusPass.apply`).
CORPUS_COLUMNS = ("speaker_id", "statement_id")


class CorpusPass:
    """Collect keys from rows, link them, then give rows their corpus ids."""

    def __init__(self) -> None:
        self.speakers = SpeakerIndex()
        self.statements = StatementIndex()
        self._linked = False

    def add(self, rows: Iterable[dict]) -> None:
        if self._linked:
            raise RuntimeError("the corpus pass is linked already: add every row before link()")
        for row in rows:
            self.speakers.add(row)
            self.statements.add(row.get("quote", ""))

    def link(self) -> None:
        if not self._linked:
            self.speakers.link()
            self.statements.link()
            self._linked = True

    def apply(self, rows: Iterable[dict]) -> Iterator[dict]:
        """Copies of ``rows`` with their ``speaker_id`` and ``statement_id`` set, and a ``speaker_country`` the
        article did not give taken from the speaker's other rows (:meth:`.SpeakerIndex.country`)."""
        self.link()
        for row in rows:
            speaker_id = self.speakers.speaker_id(row)
            statement_id = self.statements.statement_id(
                row.get("quote", ""), row["doc_id"], speaker_id or row["speaker"]
            )
            country = row.get("speaker_country") or self.speakers.country(speaker_id)
            yield {**row, "speaker_id": speaker_id, "statement_id": statement_id, "speaker_country": country}


def link_rows(rows: list[dict]) -> list[dict]:
    """The corpus pass over rows held in memory: ``rows`` with their ids set."""
    corpus = CorpusPass()
    corpus.add(rows)
    return list(corpus.apply(rows))


__all__ = ["CORPUS_COLUMNS", "CorpusPass", "link_rows"]
