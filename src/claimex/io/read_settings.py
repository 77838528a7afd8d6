"""The reading options shared by every input of one run: :class:`ReadOptions` as callers give them (the API,
the command line), :class:`ReadSettings` as the readers take them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimex.io.limits import DEFAULT_HTML_TIMEOUT, DEFAULT_MAX_FILE_SIZE


@dataclass(frozen=True)
class ReadSettings:
    """The reading options shared by every input of one run (see :func:`claimex.io.reading.iter_articles`)."""

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    encoding: str | None = None
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE
    html_timeout: float | None = DEFAULT_HTML_TIMEOUT


@dataclass
class ReadOptions:
    """How a run reads its inputs (``claimex extract``'s reading options; :class:`claimex.api.ReadOptions`)."""

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    encoding: str | None = None
    #: Dates a year-less dateline ("BEIJING, November 6"): see records.article_date. None: never guessed.
    reference_date: date | None = None
    #: Bytes per input file (per line of a .jsonl, all of stdin); a larger one is an input error. None: no limit.
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE
    #: Seconds to extract an HTML page's main text (in a helper process); a slower page is an input error.
    html_timeout: float | None = DEFAULT_HTML_TIMEOUT
