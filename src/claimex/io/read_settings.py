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


@dataclass(frozen=True)
class ReadOptions(ReadSettings):
    """How a run reads its inputs, as the API and ``claimex extract`` take it: the readers' settings, and
    the date that dates a year-less dateline ("BEIJING, November 6"; see records.article_date; None: never
    guessed).  ``max_file_size``: bytes per input file (per line of a .jsonl, all of stdin), None no limit;
    ``html_timeout``: seconds to extract an HTML page's main text, None no limit."""

    reference_date: date | None = None
