"""The reading options shared by every input of one run."""

from __future__ import annotations

from dataclasses import dataclass

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
