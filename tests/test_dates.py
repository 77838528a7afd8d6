"""Date normalization: publication dates, datelines, "said Monday"."""

from __future__ import annotations

from datetime import date

import pytest

from claimex.normalize import (
    dateline_without_year,
    find_date_expression,
    parse_reference_date,
    published_from_dateline,
    published_from_text,
    resolve_dateline,
    resolve_said_on,
    weekday_hint,
)

SPUTNIK = " date 2017-03-13 Register\n14:23 GMT +3\n13 March 2017\n    Buildings destroyed in Homs, Syria\n"
INP = (
    "China, Afghanistan to deepen anti-terrorism cooperation: Spokesperson\n\n"
    "BEIJING, November 6 (INP): China and Afghanistan have decided to deepen their anti-terrorism "
    "cooperation, through a strong working mechanism.\n\n"
    "This was stated by the spokesperson of the Chinese Foreign Ministry Geng Shuang at a regular "
    "news briefing here on Wednesday.\n"
)
BODY = "A paragraph of body text that goes on and on without any date in it at all, friends.\n\n"


# ------------------------------------------------------------ published_from_text


@pytest.mark.parametrize(
    "text, expected",
    [
        (SPUTNIK, "2017-03-13"),
        ("Title\ndate 2017-03-13\nbody", "2017-03-13"),
        ("Title\n13 March 2017\nbody", "2017-03-13"),
        ("Title\nMarch 13, 2017\nbody", "2017-03-13"),
        ("Title\nMar. 13, 2017 10:04 AM\nbody", "2017-03-13"),
        ("Title\n2017-03-13T10:00:00Z\nbody", "2017-03-13"),
        ("Title\nBy Jane Doe | Monday, 13th March 2017\nbody", "2017-03-13"),
        ("Title\n13.03.2017\nbody", "2017-03-13"),
        ("Title\n13/03/2017\nbody", "2017-03-13"),
        ("Title\n03/13/2017\nbody", "2017-03-13"),
        ("WASHINGTON, Nov. 6, 2019 (AP) — The president said on Wednesday that he would go on and on.", "2019-11-06"),
        ("Headline\n\nMOSCOW, March 13, 2017 (Reuters) - Russia said ...", "2017-03-13"),
        (
            "Title\nPublished: Monday, March 13, 2017 and this line is long enough to be a paragraph of body "
            "text, but the label says it is the publication date.",
            "2017-03-13",
        ),
        ("Title\nUpdated March 14, 2017\nPublished March 13, 2017\n", "2017-03-13"),
        ("Title\nUpdated March 14, 2017\n", "2017-03-14"),
        ("Title\n23-05-2025\nbody", "2025-05-23"),
        ("Title\nUpdated 07:47, 12-Mar-2020\nbody", "2020-03-12"),
        (
            "Title\n\n" + BODY * 15 + "This report by The Canadian Press was first published Dec. 29, 2023.\n",
            "2023-12-29",
        ),
        ("Title\n\n" + BODY + "This story was originally published on Monday, March 13, 2017.\n", "2017-03-13"),
        ("Title\nUpdated March 14, 2017\n" + BODY + "This report was first published March 13, 2017.", "2017-03-13"),
        ("Title\nMarch 12, 2017\n" + BODY + "This report was first published March 13, 2017.", "2017-03-12"),
        # must find nothing
        (INP, ""),
        ("Title\n\nIn 2015 the group carried out attacks.\n", ""),
        ("Title\n\n2017\n", ""),
        ("Title\n" + BODY * 15 + "March 13, 2017\n", ""),  # 30 lines down
        (
            "Title\n\nIn this photo released on July 1, 2016, by the Syrian official news agency SANA, "
            "Syrian President Bashar Assad speaks during an interview in Damascus.\n",
            "",
        ),
        ("17.5 C\nFrankfurt am Main\n\nChina seeks Turkey’s support\n", ""),
        ("Title\nMarch 13\n", ""),  # no year: never guessed
        ("Title\n02/03/2017\n", ""),  # day/month order unknown
        ("Title\n05-06-2025\n", ""),
        ("Title\n\n" + BODY * 15 + "The law was first published in draft on March 13, 2017.\n", ""),
        ("Title\n\n" + BODY * 15 + "The book, first published 50 years ago, sold well.\n", ""),
        ("Title\nFebruary 30, 2017\n", ""),
        ("", ""),
    ],
)
def test_published_from_text(text: str, expected: str) -> None:
    assert published_from_text(text) == expected


@pytest.mark.parametrize(
    "path, expected",
    [
        ("news/2017/03/13/x.txt", "2017-03-13"),
        ("breitbart_2016-09-12_title.txt", "2016-09-12"),
        ("20170313", "2017-03-13"),
        ("dump/20170313_story.txt", "2017-03-13"),
        ("x_2017_03_13.txt", "2017-03-13"),
        ("crawl-2019-01-01/breitbart_2016-09-12_title.txt", "2016-09-12"),  # file name wins
        # must find nothing
        ("000_828e557ba36757b1.txt", ""),
        ("news/2017/03/x.txt", ""),
        ("news/2017/x.txt", ""),
        ("id_1201703131.txt", ""),
        ("2017-13-45.txt", ""),
        ("", ""),
    ],
)
def test_published_from_path(path: str, expected: str) -> None:
    assert published_from_text("Title\n\nNo date here.\n", path) == expected


def test_text_date_beats_path_date() -> None:
    assert published_from_text(SPUTNIK, "news/2016/01/01/x.txt") == "2017-03-13"
    assert published_from_text(INP, "news/2019/11/07/x.txt") == "2019-11-07"


# ------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    "text, expected",
    [
        (INP, (11, 6)),
        ("MOSCOW, Nov. 6 — Russia said ...", (11, 6)),
        ("Title\n\nBEIJING, Nov 6 /Xinhua/ -- China said ...", (11, 6)),
        ("Title\n\nKabul, Afghanistan, May 3 (Reuters) - Officials said ...", (5, 3)),
        ("Title\n\nUNITED NATIONS, Sept. 21 (AP) — Officials said ...", (9, 21)),
        # must find nothing
        ("WASHINGTON, Nov. 6, 2019 (AP) — with a year", None),
        ("Title\n\nhe said, November 6 — lower case is no city", None),
        ("Title\n\nOn Monday, March 3 — not a dateline", None),
        ("Title\n\nBEIJING (Sputnik) — China is ready", None),
        ("Title\n" + BODY * 15 + "BEIJING, November 6 (INP): late", None),
        ("Title\n\nBEIJING, February 30 (INP): no such day", None),
        ("", None),
    ],
)
def test_dateline_without_year(text: str, expected: tuple[int, int] | None) -> None:
    assert dateline_without_year(text) == expected


@pytest.mark.parametrize(
    "month, day, reference, hint, expected",
    [
        (11, 6, date(2019, 11, 10), None, date(2019, 11, 6)),
        (11, 6, date(2019, 11, 6), None, date(2019, 11, 6)),  # same day allowed
        (11, 6, date(2019, 11, 5), None, date(2018, 11, 6)),
        (2, 29, date(2019, 3, 1), None, date(2016, 2, 29)),
        # Nov 6, 2019 was a Wednesday (weekday 2): the INP briefing "on Wednesday".
        (11, 6, date(2019, 11, 10), 2, date(2019, 11, 6)),
        # Nov 6, 2020 was a Friday: the hint sends it back to 2019.
        (11, 6, date(2020, 11, 10), 2, date(2019, 11, 6)),
        (11, 6, date(2019, 11, 10), 0, date(2017, 11, 6)),
        # Nov 6 fell on no Saturday in 2012..2019 (the latest plus 7 years back).
        (11, 6, date(2019, 11, 10), 5, None),
        (2, 30, date(2019, 3, 1), None, None),
    ],
)
def test_resolve_dateline(month, day, reference, hint, expected) -> None:
    assert resolve_dateline(month, day, reference, weekday_hint=hint) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (INP, 2),  # "here on Wednesday" in the paragraph after the dateline
        ("Title\n\nMOSCOW, Nov. 6 — Lavrov said Monday that ...", 0),
        ("Title\n\nMOSCOW, Nov. 6 — Lavrov said late on Thursday that ...", 3),
        ("MOSCOW, Nov. 6 — On Tuesday, not last Friday, the ministry said ...", 1),
        # must find nothing
        ("MOSCOW, Nov. 6 — Talks resumed after last Friday's breakdown.", None),
        ("MOSCOW, Nov. 6 — Talks will resume next Monday, officials said.", None),
        ("MOSCOW, Nov. 6 — Markets close on Sundays.", None),
        ("MOSCOW, Nov. 6 — nothing happened on wednesday in lower case.", None),
        ("MOSCOW, Nov. 6 — One.\n\nTwo.\n\nThree.\n\nFour on Wednesday.", None),  # too far down
        ("", None),
    ],
)
def test_weekday_hint(text: str, expected: int | None) -> None:
    assert weekday_hint(text) == expected


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        (INP, date(2019, 11, 10), "2019-11-06"),  # Nov 6, 2019 was a Wednesday
        (INP, date(2019, 11, 6), "2019-11-06"),  # the reference day itself
        (INP, date(2020, 12, 31), "2019-11-06"),  # 2020-11-06 was a Friday: the weekday sends it back
        (INP, date(2019, 11, 5), "2013-11-06"),  # before Nov 6: the latest earlier Wednesday Nov 6
        # the weekday matches no Nov 6 in eight years: the latest date stands
        ("Title\n\nMOSCOW, November 6 — Lavrov said on Saturday ...", date(2019, 11, 10), "2019-11-06"),
        ("Title\n\nMOSCOW, November 6 — Lavrov said ...", date(2020, 11, 10), "2020-11-06"),
        ("Title\n\nMOSCOW, Feb. 29 — Lavrov said ...", date(2019, 3, 1), "2016-02-29"),
        # must find nothing: no year-less dateline, a dateline with its own year, an impossible date
        ("Title\n\nLavrov said on Wednesday that ...", date(2019, 11, 10), ""),
        ("WASHINGTON, Nov. 6, 2019 (AP) — The president said ...", date(2021, 1, 1), ""),
        ("Title\n\nBEIJING, February 30 (INP): no such day", date(2019, 3, 1), ""),
        ("", date(2019, 3, 1), ""),
    ],
)
def test_published_from_dateline(text: str, reference: date, expected: str) -> None:
    assert published_from_dateline(text, reference) == expected


def test_published_from_dateline_never_reads_the_clock() -> None:
    # Without a reference there is no year: published_from_text leaves the INP story undated.
    assert published_from_text(INP) == ""
    assert published_from_dateline(INP, date(2019, 11, 10)) == "2019-11-06"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2019-11-10", date(2019, 11, 10)),
        (" 2019-11-10 ", date(2019, 11, 10)),
        ("today", date(2030, 1, 2)),
        ("TODAY", date(2030, 1, 2)),
    ],
)
def test_parse_reference_date(value: str, expected: date) -> None:
    assert parse_reference_date(value, today=lambda: date(2030, 1, 2)) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "2019-11-31", "2019-13-01", "2019-1-5", "11/10/2019", "Nov 10"])
def test_parse_reference_date_rejects(value: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_reference_date(value, today=lambda: date(2030, 1, 2))


def test_parse_reference_date_today_needs_a_clock() -> None:
    with pytest.raises(ValueError):
        parse_reference_date("today")


# ------------------------------------------------------------ said_on

PUB = "2017-03-13"  # a Monday


@pytest.mark.parametrize(
    "expression, expected",
    [
        # weekdays
        ("Monday", ("2017-03-13", "day")),
        ("said Monday", ("2017-03-13", "day")),
        ("on Wednesday", ("2017-03-08", "day")),
        ("Sunday", ("2017-03-12", "day")),
        ("Tuesday", ("2017-03-07", "day")),
        ("last Friday", ("2017-03-10", "day")),
        ("last Monday", ("2017-03-06", "day")),  # "last" is strictly before
        ("late on Thursday", ("2017-03-09", "day")),
        ("Monday morning", ("2017-03-13", "day")),
        ("on Wednesday,", ("2017-03-08", "day")),
        # relative days
        ("today", ("2017-03-13", "day")),
        ("this morning", ("2017-03-13", "day")),
        ("tonight", ("2017-03-13", "day")),
        ("earlier today", ("2017-03-13", "day")),
        ("yesterday", ("2017-03-12", "day")),
        ("last night", ("2017-03-12", "day")),
        ("two days ago", ("2017-03-11", "day")),
        # weeks, months, years
        ("last week", ("2017-03-06", "week")),
        ("this week", ("2017-03-13", "week")),
        ("earlier this week", ("2017-03-13", "week")),
        ("a week ago", ("2017-03-06", "week")),
        ("last month", ("2017-02-01", "month")),
        ("earlier this month", ("2017-03-01", "month")),
        ("three months ago", ("2016-12-01", "month")),
        ("last year", ("2016-01-01", "year")),
        ("earlier this year", ("2017-01-01", "year")),
        # explicit dates
        ("March 10", ("2017-03-10", "day")),
        ("on 10 March", ("2017-03-10", "day")),
        ("March 10th", ("2017-03-10", "day")),
        ("the 10th of March", ("2017-03-10", "day")),
        ("on Friday, March 10", ("2017-03-10", "day")),
        ("March 20", ("2016-03-20", "day")),  # latest on or before publication
        ("Dec. 25", ("2016-12-25", "day")),
        ("March 10, 2017", ("2017-03-10", "day")),
        ("10 March 2017", ("2017-03-10", "day")),
        ("2017-03-10", ("2017-03-10", "day")),
        ("in March", ("2017-03-01", "month")),
        ("in February", ("2017-02-01", "month")),
        ("in April", ("2016-04-01", "month")),
        ("in March 2016", ("2016-03-01", "month")),
        ("in 2015", ("2015-01-01", "year")),
        ("on the 10th", ("2017-03-10", "day")),
        ("the 20th", ("2017-02-20", "day")),
        ("the 31st", ("2017-01-31", "day")),
        # must find nothing
        ("next week", ("", "")),
        ("March 20, 2017", ("", "")),  # after publication
        ("recently", ("", "")),
        ("", ("", "")),
        ("10", ("", "")),
        ("February 30", ("", "")),
    ],
)
def test_resolve_said_on(expression: str, expected: tuple[str, str]) -> None:
    assert resolve_said_on(expression, PUB) == expected


def test_resolve_said_on_across_boundaries() -> None:
    assert resolve_said_on("last month", "2017-01-15") == ("2016-12-01", "month")
    assert resolve_said_on("last week", "2017-01-01") == ("2016-12-19", "week")  # a Sunday
    assert resolve_said_on("yesterday", "2016-03-01") == ("2016-02-29", "day")
    assert resolve_said_on("Monday", "2017-03-15") == ("2017-03-13", "day")
    assert resolve_said_on("Wednesday", "2019-11-10") == ("2019-11-06", "day")


@pytest.mark.parametrize("published", ["", "unknown", "2017", "2017-02-30"])
def test_resolve_said_on_needs_publication_date(published: str) -> None:
    assert resolve_said_on("Monday", published) == ("", "")
    assert resolve_said_on("March 10", published) == ("", "")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Foreign Ministry spokeswoman Hua Chunying said Monday that China", "Monday"),
        ("at a regular news briefing here on Wednesday.", "on Wednesday"),
        ("co-chaired the third meeting here last week.", "last week"),
        ("said in a statement on March 10, 2017.", "on March 10, 2017"),
        ("No date in this sentence.", ""),
        ("Officials may 3 times refuse; the march 10 blocks long.", ""),
        ("It may rain, but on May 3 he spoke.", "on May 3"),
    ],
)
def test_find_date_expression(text: str, expected: str) -> None:
    assert find_date_expression(text) == expected


# ------------------------------------------------------------ claimex extract --reference-date

_DATELINE_ARTICLE = (
    "Talks resume\n\nMOSCOW, March 3 (Reuters) - Russia is ready to talk, the Kremlin said.\n\n"
    "\u201cWe are ready,\u201d Foreign Minister Sergei Lavrov told reporters on Friday.\n"
)


def _extract_cli(tmp_path, *extra: str):
    import json

    from typer.testing import CliRunner

    from claimex.cli import app

    article = tmp_path / "moscow.txt"
    article.write_text(_DATELINE_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "-o", "-", "-f", "jsonl", "-q", *extra])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result, rows


@pytest.mark.model
def test_cli_reference_date_dates_the_dateline(tmp_path) -> None:
    # March 3, 2021 was a Wednesday; "on Friday" sends it back to 2017, when March 3 was a Friday.
    result, rows = _extract_cli(tmp_path, "--reference-date", "2021-03-10")
    assert result.exit_code == 0, result.output
    assert rows and {r["published"] for r in rows} == {"2017-03-03"}
    lavrov = [r for r in rows if r["speaker"] == "Sergei Lavrov"]
    assert lavrov and lavrov[0]["said_on"] == "2017-03-03"


@pytest.mark.model
def test_cli_without_reference_date_guesses_no_year(tmp_path) -> None:
    result, rows = _extract_cli(tmp_path)
    assert result.exit_code == 0, result.output
    assert rows and {r["published"] for r in rows} == {None}  # JSON null: unknown
    assert {r["said_on"] for r in rows} == {None}


@pytest.mark.parametrize("value", ["2021-3-10", "March 10", "yesterday", "2021-02-30"])
def test_cli_bad_reference_date_exits_2_with_one_line(tmp_path, value: str) -> None:
    result, rows = _extract_cli(tmp_path, "--reference-date", value)
    assert result.exit_code == 2
    assert not rows
    message = result.output.strip()
    assert len(message.splitlines()) == 1
    assert "--reference-date" in message and "YYYY-MM-DD" in message and "today" in message


@pytest.mark.model
def test_cli_reference_date_today(tmp_path) -> None:
    result, rows = _extract_cli(tmp_path, "--reference-date", "today")
    assert result.exit_code == 0, result.output
    assert rows and {r["published"] for r in rows} == {published_from_dateline(_DATELINE_ARTICLE, date.today())}
