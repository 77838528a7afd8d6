"""An article's publication date as its metadata writes it (front matter, a JSON field), normalized."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def normalize_date(value: object) -> str:
    """Return ``value`` as ``YYYY-MM-DD``, or ``""`` when it is not a full date.

    Accepts ISO 8601 dates and date-times (the date as written, time zone
    not applied), ``date``/``datetime`` objects, and absolute English dates
    (``March 3, 2024``, RFC 2822) via dateparser; ambiguous numeric dates
    (``05/03/2024``) follow dateparser's English order. Relative dates
    ("yesterday"), partial dates ("March 2024") and numbers (epochs) give "".
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return ""
    text = value.strip()
    iso = _ISO_DATE_PREFIX.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return ""
    return _parse_absolute_date(text)


def _parse_absolute_date(text: str) -> str:
    import dateparser

    try:
        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser fails in odd ways on odd strings; such a date is unparseable
        return ""
    return parsed.date().isoformat() if parsed else ""
