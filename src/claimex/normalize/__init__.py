"""Pure normalization helpers: country names -> ISO alpha-3, text -> ISO dates.

No spaCy here: every function takes plain strings (and, for
:func:`countries_in`, optional ``(text, label)`` entity pairs).
"""

from .countries import ADJECTIVE_FORMS, countries_in, country_code, is_demonym
from .dates import (
    DATE_EXPRESSION_RE,
    dateline_without_year,
    find_date_expression,
    parse_reference_date,
    published_from_dateline,
    published_from_text,
    resolve_dateline,
    resolve_said_on,
    weekday_hint,
)

__all__ = [
    "ADJECTIVE_FORMS",
    "DATE_EXPRESSION_RE",
    "countries_in",
    "country_code",
    "dateline_without_year",
    "find_date_expression",
    "is_demonym",
    "parse_reference_date",
    "published_from_dateline",
    "published_from_text",
    "resolve_dateline",
    "resolve_said_on",
    "weekday_hint",
]
