"""The corpus pass (issue 19): speaker_id and statement_id across the articles of a run.

Pure tests on hand-made rows: cases that must merge and cases that must not, order independence,
and a batch split any way giving the same ids.
"""

from __future__ import annotations

import hashlib
import random

import pytest

from claimex.corpus import CorpusPass, link_rows
from claimex.corpus.names import acronyms, is_named, person_name, subsumes
from claimex.corpus.statements import statement_words


def row(doc, speaker, kind="PERSON", quote="", mention=""):
    return {
        "doc_id": doc,
        "speaker": speaker,
        "speaker_type": kind,
        "speaker_mention": mention or speaker,
        "quote": quote or f"words of {doc} {speaker}",
    }


def ids(rows):
    return [r["speaker_id"] for r in link_rows(rows)]


# -- speakers: (rows of the corpus, index of a row, index of another, same speaker?) --------------

# People named in full often enough (MIN_SUPPORT rows) for a bare surname elsewhere to stand for them.
BACKGROUND = [row(f"z{i}", name) for i in range(10) for name in ("Donald Trump", "Hillary Clinton", "Barack Obama")]

SPEAKER_CASES = [
    # full names and their shorter forms
    ("middle initial", [row("a", "Donald J. Trump"), row("b", "Donald Trump")], True),
    ("middle name and initial", [row("a", "James Brien Comey"), row("b", "James B. Comey")], True),
    ("maiden name", [row("a", "Hillary Rodham Clinton"), row("b", "Hillary Clinton")], True),
    ("case and spacing", [row("a", "DONALD TRUMP"), row("b", "Donald\xa0Trump")], True),
    ("accents", [row("a", "Felipe Calderón"), row("b", "Felipe Calderon")], True),
    ("possessive", [row("a", "Bernie Sanders’s"), row("b", "Bernie Sanders")], True),
    ("title before the name", [row("a", "Sen. Ted Cruz"), row("b", "Ted Cruz")], True),
    ("initial of one person", [row("a", "J. Smith"), row("b", "Mary Smith"), row("c", "John Smith")], True),
    ("initials written together", [row("a", "J.R. Smith"), row("b", "John Robert Smith")], True),
    # surnames and titles
    ("surname alone", [row("a", "Donald Trump"), row("b", "Trump")], True),
    ("honorific and surname", [row("a", "Donald Trump"), row("b", "Mr. Trump")], True),
    ("title and surname", [row("a", "Barack Obama"), row("b", "President Obama")], True),
    # organizations and places
    ("acronym with dots", [row("a", "F.B.I.", "ORG"), row("b", "FBI", "ORG")], True),
    ("acronym of the full name", [row("a", "Federal Bureau of Investigation", "ORG"), row("b", "FBI", "ORG")], True),
    ("the and possessive", [row("a", "the White House’s", "ORG"), row("b", "White House", "ORG")], True),
    ("qualified name", [row("a", "U.S. State Department", "ORG"), row("b", "State Department", "ORG")], True),
    ("country names", [row("a", "U.S.", "GPE"), row("b", "United States", "GPE")], True),
    ("person typed ORG", [row("a", "Carly Fiorina", "ORG"), row("b", "Carly Fiorina")], True),
    # must stay apart
    ("suffix", [row("a", "Donald Trump Jr."), row("b", "Donald Trump")], False),
    ("other first name", [row("a", "Bill Clinton"), row("b", "Hillary Clinton")], False),
    ("other middle name", [row("a", "George W. Bush"), row("b", "George H. W. Bush")], False),
    ("initial of two people", [row("a", "J. Smith"), row("b", "John Smith"), row("c", "Jane Smith")], False),
    ("capital is not the country", [row("a", "Beijing", "GPE"), row("b", "China", "GPE")], False),
    ("two-letter acronym", [row("a", "Associated Press", "ORG"), row("b", "AP", "ORG")], False),
    (
        "a name inside a longer one",
        [row("a", "University of New Hampshire", "ORG"), row("b", "New Hampshire", "GPE")],
        False,
    ),
    ("a place is not a person", [row("a", "Washington", "GPE"), row("b", "Washington")], False),
    (
        "short name of two longer ones",
        [
            row("a", "Democratic National Committee", "ORG"),
            row("b", "National Committee", "ORG"),
            row("c", "Republican National Committee", "ORG"),
        ],
        False,
    ),
    ("a first name alone", [row("a", "John Smith"), row("b", "John Adams"), row("c", "John")], False),
]


@pytest.mark.parametrize(("name", "rows", "same"), SPEAKER_CASES, ids=[c[0] for c in SPEAKER_CASES])
def test_speaker_cases(name, rows, same):
    got = ids(BACKGROUND + rows)[len(BACKGROUND) :]
    assert all(got), got
    assert (got[0] == got[-1]) is same, got


def test_the_canonical_name_is_the_most_frequent_full_name():
    rows = [row("a", "Donald J. Trump"), *[row(f"b{i}", "Donald Trump") for i in range(10)], row("d", "Trump")]
    assert set(ids(rows)) == {"Donald Trump"}
    rows = [row("a", "FBI", "ORG"), row("b", "FBI", "ORG"), row("c", "Federal Bureau of Investigation", "ORG")]
    assert set(ids(rows)) == {"Federal Bureau of Investigation"}


def test_a_bare_surname_joins_the_person_its_article_names():
    rows = [
        *[row(f"h{i}", "Hillary Clinton") for i in range(20)],
        row("bill", "Bill Clinton"),
        row("bill", "Clinton"),  # the article names Bill: its Clinton is Bill
        row("other", "Clinton"),  # the corpus names Hillary far more often
    ]
    got = ids(rows)
    assert got[-2] == "Bill Clinton"
    assert got[-1] == "Hillary Clinton"


def test_a_bare_surname_stays_apart_from_a_person_named_in_full_only_once():
    rows = [row("a", "Gregory Hicks"), row("b", "Hicks")]
    assert ids(rows)[-1] == "Hicks"


def test_a_bare_surname_stays_apart_when_the_corpus_is_torn():
    rows = [row("a", "Hillary Clinton"), row("b", "Bill Clinton"), row("c", "Clinton")]
    assert ids(rows)[-1] == "Clinton"


def test_an_honorific_rules_out_a_person_of_the_other_gender():
    rows = [
        *[row(f"h{i}", "Hillary Clinton", mention="Mrs. Clinton") for i in range(20)],
        *[row(f"b{i}", "Bill Clinton", mention="Mr. Clinton") for i in range(10)],
        row("c", "Mr. Clinton"),
    ]
    assert ids(rows)[-1] == "Bill Clinton"


def test_unnamed_speakers_have_no_id():
    rows = [row("a", "it", "OTHER"), row("b", "It", "PERSON"), row("c", "officials", "OTHER"), row("d", "We")]
    assert ids(rows) == ["", "", "", ""]


# -- statements -------------------------------------------------------------------------------

LONG = "We are going to build a wall and Mexico is going to pay for it, believe me."

STATEMENT_CASES = [
    ("identical", LONG, LONG, True),
    (
        "punctuation, marks and case",
        LONG,
        "“we are going to BUILD a wall, and Mexico is going to pay for it” — believe me",
        True,
    ),
    ("a word changed", LONG, LONG.replace("believe", "trust"), True),
    ("a word added", LONG, LONG.replace("a wall", "a big wall"), True),
    (
        "one sentence of the other",
        "We will not back down from this fight.",
        "We will not back down from this fight. The people of this country deserve better than what they are getting.",
        True,
    ),
    (
        "trimmed by an outlet",
        "The unfairness of the tax laws is unbelievable, … It’s something I’ve been talking about for a long time.",
        "The unfairness of the tax laws is unbelievable, … It’s something I’ve been talking about "
        "for a long time. But I’m working for you now.",
        True,
    ),
    ("different statements", LONG, "We are going to lower taxes for the middle class and for small businesses.", False),
    ("two words changed in a short quote", "We will win in Iowa next week.", "We will lose in Ohio next week.", False),
    ("a fragment too short to be a statement", "build a wall", LONG, False),
]


@pytest.mark.parametrize(("name", "a", "b", "same"), STATEMENT_CASES, ids=[c[0] for c in STATEMENT_CASES])
def test_statement_cases(name, a, b, same):
    rows = link_rows([row("a", "Donald Trump", quote=a), row("b", "Donald Trump", quote=b)])
    assert (rows[0]["statement_id"] == rows[1]["statement_id"]) is same


def test_a_slogan_in_two_different_statements_links_neither():
    slogan = "We are going to make America great again, folks."
    rows = link_rows(
        [
            row("a", "Donald Trump", quote=slogan + " And we are going to bring back our jobs from China."),
            row("b", "Donald Trump", quote=slogan + " The wall will be built and it will be beautiful."),
            row("c", "Donald Trump", quote=slogan),
        ]
    )
    assert len({r["statement_id"] for r in rows}) == 3


def test_a_sentence_in_very_many_quotes_links_none_of_them_but_their_near_copies():
    common = "We are going to make America great again, folks."
    # The other sentences have nothing in common: no variants of one sentence.
    words = [hashlib.sha1(str(n).encode()).hexdigest() for n in range(150)]
    quotes = [f"{common} Then the {w[:6]} plan for {w[6:12]} brings {w[12:18]} jobs." for w in words]
    copy = quotes[7].replace("Then", "And then")
    rows = link_rows([row(f"a{n}", "Donald Trump", quote=q) for n, q in enumerate([*quotes, copy, common])])
    got = [r["statement_id"] for r in rows]
    assert got[-2] == got[7]  # a near copy still links: its other sentence proposes the pair
    assert len(set(got)) == len(quotes) + 1  # the slogan alone joins none


def test_short_quotes_share_an_id_only_within_an_article_and_speaker():
    rows = link_rows(
        [
            row("a", "Donald Trump", quote="No."),
            row("a", "Trump", quote="no"),
            row("b", "Donald Trump", quote="No."),
            row("a", "Hillary Clinton", quote="No."),
        ]
    )
    got = [r["statement_id"] for r in rows]
    assert got[0] == got[1] and len(set(got)) == 3


def test_an_empty_quote_has_no_statement_id():
    rows = link_rows([{**row("a", "Donald Trump"), "quote": ""}])
    assert rows[0]["statement_id"] == ""


# -- a country the article does not give: (rows as (doc, speaker, country), the filled countries) ---------

COUNTRY_CASES = [
    (
        "the speaker's other rows agree",
        [("a", "Donald Trump", "USA"), ("b", "Donald Trump", "USA"), ("c", "Donald Trump", "")],
        ["USA", "USA", "USA"],
    ),
    (
        "a fuller form's rows count for the shorter one",
        [("a", "Donald J. Trump", "USA"), ("b", "Donald J. Trump", "USA"), ("c", "Donald Trump", "")],
        ["USA", "USA", "USA"],
    ),
    ("nothing: one row is too few", [("a", "Jane Roe", "CAN"), ("b", "Jane Roe", "")], ["CAN", ""]),
    (
        "nothing: the rows disagree",
        [("a", "Ted Cruz", "USA"), ("b", "Ted Cruz", "USA"), ("c", "Ted Cruz", "CUB"), ("d", "Ted Cruz", "")],
        ["USA", "USA", "CUB", ""],
    ),
    (
        "nothing: an unnamed speaker is no one across articles",
        [("a", "officials", "USA"), ("b", "officials", "USA"), ("c", "officials", "")],
        ["USA", "USA", ""],
    ),
    (
        "a country given stays",
        [("a", "Ted Cruz", "USA"), ("b", "Ted Cruz", "USA"), ("c", "Ted Cruz", "CAN")],
        ["USA", "USA", "CAN"],
    ),
]


@pytest.mark.parametrize(("name", "given", "countries"), COUNTRY_CASES, ids=[c[0] for c in COUNTRY_CASES])
def test_country_cases(name, given, countries):
    rows = [
        {**row(doc, speaker, "OTHER" if speaker == "officials" else "PERSON"), "speaker_country": country}
        for doc, speaker, country in given
    ]
    assert [r["speaker_country"] for r in link_rows(rows)] == countries


# -- determinism ------------------------------------------------------------------------------


def _corpus():
    rows = [r for case in SPEAKER_CASES for r in case[1]] + BACKGROUND
    for k, (_, a, b, _) in enumerate(STATEMENT_CASES):
        rows += [row(f"s{k}a", "Donald Trump", quote=a), row(f"s{k}b", "Trump", quote=b)]
    return rows


def test_ids_do_not_depend_on_row_order():
    rows = _corpus()
    expected = {(r["doc_id"], r["speaker"], r["quote"]): r for r in link_rows([dict(r) for r in rows])}
    for seed in range(3):
        shuffled = [dict(r) for r in rows]
        random.Random(seed).shuffle(shuffled)
        for r in link_rows(shuffled):
            want = expected[(r["doc_id"], r["speaker"], r["quote"])]
            assert (r["speaker_id"], r["statement_id"]) == (want["speaker_id"], want["statement_id"])


def test_ids_do_not_depend_on_how_rows_were_batched():
    rows = _corpus()
    whole = link_rows([dict(r) for r in rows])
    corpus = CorpusPass()
    for start in range(0, len(rows), 3):  # as a pool's batches arrive
        corpus.add(rows[start : start + 3])
    assert list(corpus.apply(rows)) == whole


def test_rows_cannot_be_added_after_linking():
    corpus = CorpusPass()
    corpus.add([row("a", "Donald Trump")])
    corpus.link()
    with pytest.raises(RuntimeError):
        corpus.add([row("b", "Trump")])


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "form", "expected"),
    [
        ("Donald John Trump", "Donald J. Trump", True),
        ("Donald J. Trump", "Donald John Trump", False),  # more specific than the fuller one
        ("James B. Comey", "J. Comey", True),
        ("George H. W. Bush", "George H. Bush", True),  # the first middle names, the later ones left out
        ("George H. W. Bush", "George W. Bush", False),
        ("George W. Bush", "George H. Bush", False),
        ("Donald Trump Jr.", "Donald Trump", False),
        ("Hillary Rodham Clinton", "Rodham Clinton", False),
    ],
)
def test_subsumes(full, form, expected):
    assert subsumes(person_name(full), person_name(form)) is expected


def test_names_and_words():
    assert person_name("Mrs. Clinton").gender == "f" and not person_name("Mrs. Clinton").full
    assert person_name("Ludwig van Beethoven").surname == "van beethoven"
    assert person_name("the President") is None
    assert acronyms("Department of Justice") == {"dj", "doj"}
    assert acronyms("Federal Bureau of Investigation") == {"fbi", "fboi"}
    assert [is_named(s) for s in ("It", "US", "U.S.", "officials", "Trump")] == [False, True, True, False, True]
    assert statement_words("“Don’t,” she SAID — 2 times.") == ("don't", "she", "said", "2", "times")


# -- stats ------------------------------------------------------------------------------------


def test_stats_group_by_speaker_id_and_count_repeated_statements():
    from claimex.report.pages import UNNAMED_SPEAKER, stats_html, summarize
    from claimex.table import to_frame

    rows = [
        row("a", "Donald J. Trump", quote=LONG),
        row("a", "Trump", quote=LONG.upper()),
        row("c", "Donald Trump", quote="We will lower taxes for every family in this country."),
        row("c", "Donald Trump", quote=LONG),
        row("c", "officials", "OTHER", quote="The meeting was over before noon on Friday."),
    ]
    summary = summarize(to_frame(link_rows(rows)))
    # "Trump" is the Donald J. Trump its article names; "Donald Trump" is the more frequent full name
    assert summary.speakers == [("Donald Trump", 4), (UNNAMED_SPEAKER, 1)]
    assert summary.statements == 3
    [repeated] = summary.repeated
    assert (repeated.articles, repeated.claims, repeated.speaker) == (2, 3, "Donald Trump")
    page = stats_html(summary, source="t.csv")
    assert "Statements carried by several articles" in page and "mexico is going to pay" in page.lower()


def test_stats_of_an_older_table_count_by_speaker():
    from claimex.report.pages import summarize
    from claimex.table import conform_frame, to_frame

    frame = to_frame([row("a", "Trump"), row("b", "Donald Trump")]).drop(columns=["speaker_id", "statement_id"])
    summary = summarize(conform_frame(frame))
    assert dict(summary.speakers) == {"Trump": 1, "Donald Trump": 1} and not summary.by_speaker_id
