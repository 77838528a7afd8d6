"""Publication dates, datelines and "said Monday" -> ISO dates.

Everything here is a pure function of its arguments: no clock, no file
times, no network.  A year is never guessed: a date without a year is only
resolved against a reference date the caller gives.

Weekdays are numbered as in :meth:`datetime.date.weekday`: Monday=0 ... Sunday=6.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

__all__ = [
    "DATE_EXPRESSION_RE",
    "HEADER_LINES",
    "dateline_without_year",
    "find_date_expression",
    "parse_reference_date",
    "published_from_dateline",
    "published_from_text",
    "resolve_dateline",
    "resolve_said_on",
    "weekday_hint",
]

#: How many lines at the top of a text count as its header.
HEADER_LINES = 15
# ... and at most this many characters of them.
_HEADER_CHARS = 3000
# A header line longer than this is body text unless the date sits in a
# dateline or after a "Published:"-like label.
_SHORT_LINE = 100
# How many earlier years resolve_dateline tries when the weekday disagrees.
_DATELINE_YEARS_BACK = 7

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

# Full month names and their abbreviations ("Sept.", "Nov"), longest first.
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(_WEEKDAYS) + r")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"

# Explicit dates (case-insensitive).  Groups are named so one matcher reads them.
_DATE_PATTERNS = [
    # 2017-03-13, 2017-03-13T10:00, 2017/03/13, 2017.03.13
    re.compile(
        r"(?<![\d.])(?P<y>" + _YEAR + r")(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>[0-2]?\d|3[01])(?![\d])"
    ),
    # 13 March 2017, 13th of March, 2017, Monday 13 Mar. 2017
    re.compile(
        r"(?<![\w])(?P<d>" + _DAY + r")\s+(?:of\s+)?(?P<mon>" + _MONTH + r"),?\s+(?P<y>" + _YEAR + r")(?!\d)", re.I
    ),
    # March 13, 2017, Nov. 6 2019, March 13th, 2017
    re.compile(r"(?<![\w])(?P<mon>" + _MONTH + r")\s+(?P<d>" + _DAY + r"),?\s+(?P<y>" + _YEAR + r")(?!\d)", re.I),
    # 13.03.2017 (day first, European numeric)
    re.compile(r"(?<![\d.])(?P<d>[0-2]?\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>" + _YEAR + r")(?![\d])"),
    # 03/13/2017, 13/03/2017 or 23-05-2025: only taken when one part is > 12 (see _match_date)
    re.compile(r"(?<![\d/-])(?P<a>[0-3]?\d)(?P<sep>[/-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>" + _YEAR + r")(?![\d/-])"),
    # 12-Mar-2020 (a CMS's stamp)
    re.compile(r"(?<![\w-])(?P<d>" + _DAY + r")-(?P<mon>" + _MONTH + r")-(?P<y>" + _YEAR + r")(?!\d)", re.I),
]

# A wire tagline anywhere in the text: "This report by The Canadian Press was first published Dec. 29, 2023."
_FIRST_PUBLISHED_RE = re.compile(
    r"\b(?:first|originally)\s+(?:published|posted)\s+(?:on\s+)?(?:" + _WEEKDAY + r",?\s+)?", re.I
)

_LABEL_RE = re.compile(
    r"\b(?:published|posted|date[d]?|created|released?)\W*(?:on\s+)?(?:" + _WEEKDAY + r",?\s*)?$",
    re.I,
)
_UPDATED_RE = re.compile(r"\b(?:updated|modified|last\s+edited)\b", re.I)

# A dateline at the start of a paragraph: "BEIJING, November 6 (INP):",
# "MOSCOW, Nov. 6 —", "WASHINGTON, Nov. 6, 2019 (AP) —", "Kabul, Afghanistan, May 3 (Reuters) -".
_CITY = r"[A-Z][A-Za-z\u00C0-\u017F.'\-]*(?:\s+[A-Za-z\u00C0-\u017F][A-Za-z\u00C0-\u017F.'\-]*){0,3}"
_DATELINE_RE = re.compile(
    r"^\s*(?-i:(?P<city>" + _CITY + r")(?:\s*,\s*" + _CITY + r")?)\s*,\s+"
    r"(?P<mon>" + _MONTH + r")\s+(?P<d>" + _DAY + r")"
    r"(?:,?\s+(?P<y>" + _YEAR + r"))?"
    r"\s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?\s*(?:--|[-\u2013\u2014:|])",
    re.I,
)
_NOT_CITIES = frozenset(_WEEKDAYS) | frozenset(_MONTHS) | {"on", "in", "by", "the", "updated", "published", "posted"}

# Dates in a path: news/2017/03/13/x.txt, breitbart_2016-09-12_title.txt, 20170313.
_PATH_YEAR = r"(?:199\d|20[0-3]\d)"
_PATH_SEP_RE = re.compile(r"(?<!\d)(?P<y>" + _PATH_YEAR + r")[-_/.](?P<m>\d{1,2})[-_/.](?P<d>\d{1,2})(?!\d)")
_PATH_COMPACT_RE = re.compile(
    r"(?<![0-9A-Za-z])(?P<y>" + _PATH_YEAR + r")(?P<m>\d{2})(?P<d>\d{2})(?:(?![0-9A-Za-z])|(?=T\d))"
)


def _make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_number(s: str) -> int:
    digits = re.match(r"\d+", s)
    if digits is None:
        raise ValueError(f"no day number in {s!r}")
    return int(digits.group(0))


def _month_number(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _match_date(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    y = int(g["y"])
    if g.get("a") is not None:  # numeric with slashes: only unambiguous ones
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            return _make_date(y, b, a)
        if b > 12 >= a:
            return _make_date(y, a, b)
        if a == b:
            return _make_date(y, a, b)
        return None
    month = _month_number(g["mon"]) if g.get("mon") else int(g["m"])
    return _make_date(y, month, _day_number(g["d"]))


def _dates_in_line(line: str) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(line):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            d = _match_date(m)
            if d is not None:
                found.append((m.start(), d))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda p: p[0])


def _header_lines(text: str) -> list[str]:
    return text[:_HEADER_CHARS].splitlines()[:HEADER_LINES]


def _dateline(line: str) -> re.Match[str] | None:
    m = _DATELINE_RE.match(line)
    if m is None:
        return None
    first = m.group("city").split()[0].lower().strip(".,")
    if first in _NOT_CITIES:
        return None
    return m


def published_from_text(text: str, path: str = "") -> str:
    """ISO publication date from the text's header, else from ``path``; "" if neither has one.

    1. The first :data:`HEADER_LINES` lines are searched for an explicit date
       with a year ("date 2017-03-13", "13 March 2017", "March 13, 2017",
       "2017-03-13T10:00") on a short header line or after a label such as
       "Published:", or in a dateline with a year ("WASHINGTON, Nov. 6, 2019
       (AP) —").  The first such date wins; a date labelled "Updated" is used
       only when there is no other.  A "first published" tagline anywhere in the text ("This report
       by The Canadian Press was first published Dec. 29, 2023.") comes before that "Updated" date.
    2. Else a date in ``path``: "2017/03/13/", "2016-09-12", "2016_09_12",
       "20170313" (the last one in the path wins: the file name beats folders).
    3. Else "".  A bare year is never a date, and nothing else below the header is read.
    """
    if text:
        updated: str = ""
        for line in _header_lines(text):
            stripped = line.strip()
            if not stripped:
                continue
            dl = _dateline(stripped)
            if dl is not None and dl.group("y"):
                d = _make_date(int(dl.group("y")), _month_number(dl.group("mon")), _day_number(dl.group("d")))
                if d is not None:
                    return d.isoformat()
            for start, d in _dates_in_line(stripped):
                before = stripped[:start]
                labelled = bool(_LABEL_RE.search(before.rstrip()))
                if not labelled and len(stripped) > _SHORT_LINE:
                    continue
                if _UPDATED_RE.search(before) and not labelled:
                    updated = updated or d.isoformat()
                    continue
                return d.isoformat()
        tagline = _first_published(text)
        if tagline or updated:
            return tagline or updated
    return _date_from_path(path)


def _first_published(text: str) -> str:
    """The date of a "first published" tagline anywhere in the text (the last one wins: a page's own
    tagline closes its story), else ""."""
    found = ""
    for m in _FIRST_PUBLISHED_RE.finditer(text):
        dated = _dates_in_line(text[m.end() : m.end() + 40])
        if dated and dated[0][0] == 0:
            found = dated[0][1].isoformat()
    return found


def _date_from_path(path: str) -> str:
    if not path:
        return ""
    best: tuple[int, date] | None = None
    for pat in (_PATH_SEP_RE, _PATH_COMPACT_RE):
        for m in pat.finditer(path):
            d = _make_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if d is not None and (best is None or m.start() > best[0]):
                best = (m.start(), d)
    return best[1].isoformat() if best else ""


def dateline_without_year(text: str) -> tuple[int, int] | None:
    """(month, day) of a year-less dateline opening a paragraph in the header.

    "BEIJING, November 6 (INP): ..." -> (11, 6); "MOSCOW, Nov. 6 — ..." -> (11, 6).
    A dateline that carries a year is left to :func:`published_from_text`.
    """
    found = _yearless_dateline(text)
    return found[:2] if found is not None else None


def _yearless_dateline(text: str) -> tuple[int, int, int] | None:
    """(month, day, offset of the dateline's line in ``text``), or None."""
    if not text:
        return None
    offset = 0
    for line in _header_lines(text):
        m = _dateline(line.strip())
        if m is not None and not m.group("y"):
            month, day = _month_number(m.group("mon")), _day_number(m.group("d"))
            if _make_date(2000, month, day) is not None:  # 2000 is a leap year: Feb 29 is fine
                return month, day, offset
        offset += len(line) + 1
    return None


def _latest_on_or_before(month: int, day: int, reference: date) -> date | None:
    """The latest ``month``/``day`` on or before ``reference`` (Feb 29 -> latest leap year)."""
    for year in range(reference.year, reference.year - 9, -1):
        d = _make_date(year, month, day)
        if d is not None and d <= reference:
            return d
    return None


def resolve_dateline(month: int, day: int, reference: date, weekday_hint: int | None = None) -> date | None:
    """The latest ``month``/``day`` on or before ``reference``.

    With ``weekday_hint`` (0=Monday ... 6=Sunday: the text says the event
    happened "on Wednesday") that date must fall on that weekday; if it does
    not, up to seven earlier occurrences are tried (earlier years; for
    Feb 29 earlier leap years) and the first that matches is returned.  None
    when none matches or the month/day is impossible.
    """
    d = _latest_on_or_before(month, day, reference)
    if d is None or weekday_hint is None:
        return d
    for _ in range(_DATELINE_YEARS_BACK + 1):
        if d.weekday() == weekday_hint:
            return d
        d = _latest_on_or_before(month, day, d - timedelta(days=1))
        if d is None:
            return None
    return None


# A weekday naming the day of the news: "on Wednesday", "said Monday", "late on Thursday".
# Not "last Friday", "next Monday", "this coming Tuesday", "Mondays": those name another day.
_HINT_WEEKDAY_RE = re.compile(
    r"(?<![\w-])(?P<pre>(?:last|next|past|coming|every|previous|following)\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w-])"
)
# How far past the dateline a weekday is looked for (the dateline paragraph and the next few).
_HINT_PARAGRAPHS = 3
_HINT_CHARS = 1500


def weekday_hint(text: str, start: int = 0) -> int | None:
    """The weekday (0=Monday) of the first "on Wednesday"-like mention in the
    paragraphs from ``start`` (at most :data:`_HINT_PARAGRAPHS` non-empty ones,
    :data:`_HINT_CHARS` characters), or None.

    Case-sensitive ("wednesday" in lower case is not read); a weekday after
    "last", "next", "past", "coming", "every", "previous" or "following", or a
    plural ("Mondays"), is passed over: it does not name the day of the news.
    """
    window = (text or "")[start : start + _HINT_CHARS]
    paragraphs = [p for p in re.split(r"\n\s*\n|\n(?=\s)", window) if p.strip()][:_HINT_PARAGRAPHS]
    for paragraph in paragraphs:
        for m in _HINT_WEEKDAY_RE.finditer(paragraph):
            if m.group("pre"):
                continue
            return _WEEKDAYS[m.group("wd").lower()]
    return None


def published_from_dateline(text: str, reference: date) -> str:
    """ISO date of a year-less dateline, its year taken from ``reference``; "" without one.

    "BEIJING, November 6 (INP): ..." with reference 2019-11-10 -> "2019-11-06":
    the latest November 6 on or before the reference.  A weekday in the
    dateline's paragraph or the next two ("... here on Wednesday") checks it:
    when the latest date falls on another weekday, up to seven earlier years
    are tried and the latest that falls on that weekday wins; when none does,
    the weekday is taken for another day than the dateline's and the latest
    date on or before the reference is kept.  Without a year-less dateline in
    the header the answer is "" (the reference date itself is never used as
    the publication date).
    """
    found = _yearless_dateline(text)
    if found is None:
        return ""
    month, day, offset = found
    hint = weekday_hint(text, offset)
    d = resolve_dateline(month, day, reference, weekday_hint=hint)
    if d is None and hint is not None:
        d = resolve_dateline(month, day, reference)
    return d.isoformat() if d is not None else ""


def parse_reference_date(value: str, today: Callable[[], date] | None = None) -> date:
    """A ``--reference-date`` value: "YYYY-MM-DD", or "today" (``today()`` is called only then).

    Raises ValueError naming the expected form for anything else (and for
    "today" when no ``today`` callable is given: this module reads no clock).
    """
    text = (value or "").strip()
    if text.lower() == "today":
        if today is None:
            raise ValueError("'today' needs a clock; pass today=date.today")
        return today()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    d = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    if d is None:
        raise ValueError(f"expected a date as YYYY-MM-DD or 'today', got {value!r}")
    return d


# ---------------------------------------------------------------- said_on

_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUM = r"(?P<n>\d+|" + "|".join(_NUMBER_WORDS) + r")"
_FILLER_RE = re.compile(
    r"^(?:(?:said|say|says|told|on|at|earlier|early|late|later|just|also|only|as\s+recently\s+as)\s+)+"
)

# A date expression as it appears in running text (for find_date_expression).
DATE_EXPRESSION_RE = re.compile(
    r"(?<![\w-])(?:"
    r"(?:(?:on|last|this\s+past|this|past|earlier|early|late)\s+)?"
    + _WEEKDAY
    + _PART_OF_DAY
    + r"(?:,?\s+(?:the\s+)?"
    + _DAY
    + r"(?:\s+of)?\s+"
    + _MONTH
    + r"|,?\s+"
    + _MONTH
    + r"\s+"
    + _DAY
    + r")?"
    r"(?:,?\s+" + _YEAR + r")?"
    r"|(?:the\s+day\s+before\s+)?yesterday"
    + _PART_OF_DAY
    + r"|(?:earlier\s+|later\s+)?today|this\s+(?:morning|afternoon|evening)|tonight|last\s+night|overnight"
    r"|(?:earlier\s+|late\s+|early\s+)?(?:this|last)\s+(?:week|month|year|weekend)|(?:over\s+)?the\s+weekend"
    r"|" + _NUM + r"\s+(?:days?|weeks?|months?|years?)\s+ago"
    r"|(?:on\s+)?" + _YEAR + r"-\d{2}-\d{2}"
    r"|(?:on\s+)?(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?"
    r"|(?:on\s+)?" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?"
    r"|(?:(?:in|since|during|last|earlier\s+in|early|late|mid-?)\s+)" + _MONTH + r"(?:,?\s+" + _YEAR + r")?"
    r"|(?:in|since|during)\s+" + _YEAR + r")(?![\w-])",
    re.I,
)


def find_date_expression(text: str) -> str:
    """The first date expression in ``text`` ("on Wednesday", "last week", "March 10"), or ""."""
    for m in DATE_EXPRESSION_RE.finditer(text or ""):
        # In running text a month is capitalized: "may 3 people", "the march" are not dates.
        if re.search(r"\b(?:may|march|mar|jan|dec|sat|sun)\b", m.group(0)):
            continue
        return m.group(0).strip()
    return ""


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_start(d: date, back: int = 0) -> date:
    index = d.year * 12 + (d.month - 1) - back
    return date(index // 12, index % 12 + 1, 1)


def _count(s: str) -> int:
    return int(s) if s.isdigit() else _NUMBER_WORDS[s]


_Result = tuple[str, str]
_NONE: _Result = ("", "")


def _day(d: date | None, pub: date) -> _Result:
    if d is None or d > pub:
        return _NONE
    return d.isoformat(), "day"


_FULL_DMY_RE = re.compile(
    r"(?<!\w)(?P<d>" + _DAY + r")\s+(?:of\s+)?(?P<mon>" + _MONTH + r"),?\s+(?P<y>" + _YEAR + r")(?!\d)", re.I
)
_FULL_MDY_RE = re.compile(
    r"(?<!\w)(?P<mon>" + _MONTH + r")\s+(?P<d>" + _DAY + r"),?\s+(?P<y>" + _YEAR + r")(?!\d)", re.I
)
_ISO_RE = re.compile(r"(?<!\d)(?P<y>" + _YEAR + r")-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_DM_RE = re.compile(r"(?<!\w)(?P<d>" + _DAY + r")\s+(?:of\s+)?(?P<mon>" + _MONTH + r")(?![\w])", re.I)
_MD_RE = re.compile(r"(?<!\w)(?P<mon>" + _MONTH + r")\s+(?:the\s+)?(?P<d>" + _DAY + r")(?![\w:])", re.I)
_MONTH_YEAR_RE = re.compile(
    r"^(?:(?P<pre>in|since|during|last|earlier\s+in|early|late|mid-?|this)\s*)?(?P<mon>"
    + _MONTH
    + r")(?:,?\s+(?P<y>"
    + _YEAR
    + r"))?$",
    re.I,
)
_YEAR_RE = re.compile(r"^(?:(?:in|since|during|early|late|mid-?)\s*)?(?P<y>" + _YEAR + r")$", re.I)
_WEEKDAY_RE = re.compile(
    r"^(?:(?P<pre>on|last|this\s+past|past|this)\s+)?(?P<wd>" + _WEEKDAY + r")" + _PART_OF_DAY + r"$", re.I
)
_ORDINAL_DAY_RE = re.compile(r"^(?:the\s+)?(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))$")
_AGO_RE = re.compile(r"^" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+ago$", re.I)
_RELATIVE = {
    "today": (0, "day"),
    "this morning": (0, "day"),
    "this afternoon": (0, "day"),
    "this evening": (0, "day"),
    "tonight": (0, "day"),
    "overnight": (0, "day"),
    "yesterday": (1, "day"),
    "yesterday morning": (1, "day"),
    "yesterday afternoon": (1, "day"),
    "yesterday evening": (1, "day"),
    "last night": (1, "day"),
    "the day before yesterday": (2, "day"),
}


def _clean_expression(expression: str) -> str:
    s = expression.replace("\u2019", "'").lower()
    s = re.sub(r"[\"“”()\[\]!?;]", " ", s)
    s = re.sub(r"'s\b", "", s)
    s = " ".join(s.split()).strip(" ,.:")
    s = _FILLER_RE.sub("", s)
    return s


def _relative_day(s: str, pub: date) -> _Result | None:
    """'today', 'yesterday morning', 'last night'."""
    if s in _RELATIVE:
        back, precision = _RELATIVE[s]
        return (pub - timedelta(days=back)).isoformat(), precision
    return None


def _explicit_date(s: str, pub: date) -> _Result | None:
    """A day and month, with a year first ('2016-09-12', '12 September 2016', 'Sept. 12, 2016'), then without."""
    for pat in (_ISO_RE, _FULL_DMY_RE, _FULL_MDY_RE):
        m = pat.search(s)
        if m:
            month = _month_number(m.group("mon")) if "mon" in m.groupdict() else int(m.group("m"))
            return _day(_make_date(int(m.group("y")), month, _day_number(m.group("d"))), pub)
    for pat in (_DM_RE, _MD_RE):
        m = pat.search(s)
        if m:
            return _day(_latest_on_or_before(_month_number(m.group("mon")), _day_number(m.group("d")), pub), pub)
    return None


def _ordinal_day(s: str, pub: date) -> _Result | None:
    """'the 10th': that day of this month, else of the month before."""
    m = _ORDINAL_DAY_RE.match(s)
    if not m:
        return None
    day = _day_number(m.group("d"))
    for back in range(0, 3):
        start = _month_start(pub, back)
        d = _make_date(start.year, start.month, day)
        if d is not None and d <= pub:
            return d.isoformat(), "day"
    return _NONE


def _weekday(s: str, pub: date) -> _Result | None:
    """'on Monday', 'last Friday night': the latest such day on (or, after 'last', before) publication."""
    m = _WEEKDAY_RE.match(s)
    if not m:
        return None
    strictly_before = (m.group("pre") or "").split()[:1] in (["last"], ["past"])
    back = (pub.weekday() - _WEEKDAYS[m.group("wd").lower()]) % 7
    if strictly_before and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat(), "day"


def _named_period(s: str, pub: date) -> _Result | None:
    """'this week', 'over the weekend', 'last month', 'earlier this year'."""
    if s in ("this week", "earlier this week", "late this week", "early this week"):
        return _monday(pub).isoformat(), "week"
    if s in ("last week", "late last week", "early last week", "the previous week", "previous week"):
        return (_monday(pub) - timedelta(days=7)).isoformat(), "week"
    if s in ("this weekend", "the weekend", "over the weekend", "last weekend", "at the weekend"):
        # The most recent Saturday strictly before publication (or the same
        # day when published on a Sunday), reported as its week.
        back = (pub.weekday() - 5) % 7 or 7
        if pub.weekday() == 6:
            back = 1
        return _monday(pub - timedelta(days=back)).isoformat(), "week"
    if s in ("this month", "earlier this month", "early this month", "late this month"):
        return _month_start(pub).isoformat(), "month"
    if s in ("last month", "late last month", "early last month", "the previous month", "previous month"):
        return _month_start(pub, 1).isoformat(), "month"
    if s in ("this year", "earlier this year", "early this year", "late this year"):
        return date(pub.year, 1, 1).isoformat(), "year"
    if s in ("last year", "late last year", "early last year", "the previous year", "previous year"):
        return date(pub.year - 1, 1, 1).isoformat(), "year"
    return None


def _ago(s: str, pub: date) -> _Result | None:
    """'three days ago', 'two weeks ago', 'a year ago'."""
    m = _AGO_RE.match(s)
    if not m:
        return None
    n, unit = _count(m.group("n")), m.group("unit").lower()
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return _monday(pub - timedelta(days=7 * n)).isoformat(), "week"
    if unit == "month":
        return _month_start(pub, n).isoformat(), "month"
    return date(pub.year - n, 1, 1).isoformat(), "year"


def _month_year(s: str, pub: date) -> _Result | None:
    """'in March', 'last June', 'March 2015': the month's first day."""
    m = _MONTH_YEAR_RE.match(s)
    if not m:
        return None
    month = _month_number(m.group("mon"))
    if m.group("y"):
        d = date(int(m.group("y")), month, 1)
    else:
        year = pub.year if month <= pub.month else pub.year - 1
        if (m.group("pre") or "").lower() == "last" and month >= pub.month:
            year = pub.year - 1
        d = date(year, month, 1)
    return (d.isoformat(), "month") if d <= pub else _NONE


def _year(s: str, pub: date) -> _Result | None:
    """'in 2015', 'since 2009': the year's first day."""
    m = _YEAR_RE.match(s)
    if not m:
        return None
    y = int(m.group("y"))
    return (date(y, 1, 1).isoformat(), "year") if y <= pub.year else _NONE


#: The exact rules, tried in this order; the first that applies decides (a date, or _NONE: none).
_RULES = (_relative_day, _explicit_date, _ordinal_day, _weekday, _named_period, _ago, _month_year, _year)


def _rules(s: str, pub: date) -> _Result | None:
    """Exact rules; None when they do not apply (then dateparser may try)."""
    for rule in _RULES:
        result = rule(s, pub)
        if result is not None:
            return result
    return None


_DATEPARSER_WORTHY = re.compile(r"\d|" + _MONTH + r"|" + _WEEKDAY + r"|\b(?:ago|week|month|year|day)s?\b", re.I)
_PERIOD_PRECISION = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}


def _with_dateparser(s: str, pub: date) -> _Result:
    if not _DATEPARSER_WORTHY.search(s) or re.fullmatch(r"(?:in\s+)?\d{1,4}", s):
        return _NONE
    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day, 12, 0),
        "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
    }
    try:
        from dateparser.date import DateDataParser  # slow import: only when the rules fail

        data = DateDataParser(languages=["en"], settings=settings).get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input
        return _NONE
    if data is None or data.date_obj is None:
        return _NONE
    d = data.date_obj.date()
    precision = _PERIOD_PRECISION.get(data.period or "day", "day")
    if d > pub:
        return _NONE
    if precision == "week":
        d = _monday(d)
    elif precision == "month":
        d = d.replace(day=1)
    elif precision == "year":
        d = date(d.year, 1, 1)
    return d.isoformat(), precision


@functools.lru_cache(maxsize=65536)
def _resolve(s: str, pub: date) -> _Result:
    if not s:
        return _NONE
    ruled = _rules(s, pub)
    if ruled is not None:
        return ruled
    return _with_dateparser(s, pub)


def _parse_iso(published: str) -> date | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published or "")
    if not m:
        return None
    return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def resolve_said_on(expression: str, published: str) -> tuple[str, str]:
    """(ISO date, precision) of a "said ..." time expression, relative to ``published``.

    Precision is "day", "week", "month" or "year"; ("", "") when the
    expression cannot be resolved or ``published`` is "" (a year is never
    guessed) or the result would fall after publication.

    * "Monday", "on Wednesday" -> the most recent such day on or before
      publication (a "said Monday" story published on a Monday means that
      day); "last Friday", "this past Friday" -> strictly before it.
    * "today", "this morning", "tonight" -> published; "yesterday",
      "last night" -> one day before.
    * "this week"/"last week" -> Monday of that ISO week (week); "this
      month"/"earlier this month"/"last month" -> its first day (month);
      "this year"/"last year" -> January 1 (year); "N days/weeks/months/years ago".
    * "March 10", "on 10 March" -> the latest such day on or before
      publication; "March 10, 2017", "2017-03-10" as written; "on the 10th"
      -> the latest 10th on or before publication.
    * "in March" -> the latest March that has begun by publication (month);
      "in 2015" -> year.
    * Anything else goes to dateparser (English only, past-preferring,
      relative to publication).
    """
    pub = _parse_iso(published)
    if pub is None or not expression:
        return _NONE
    return _resolve(_clean_expression(expression), pub)
