"""claimex.io.reflow: hard-wrapped paragraphs joined, everything else left as written."""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimex.io.reflow import MIN_WRAPS, reflow, wrap_width
from wrapping import fold, utf8_size

REPO = Path(__file__).resolve().parents[1]

TITLE = "Finance ministers of the euro zone fail to agree on the budget rules for the next decade"
BYLINE = "By Maria Lopez and Jonathan Abernathy-Whitfield, Senior Economics Correspondents in Brussels"
PARAGRAPHS = [
    "BRUSSELS (Reuters) — Finance ministers of the euro zone failed on Tuesday to agree on new budget "
    "rules, as France and Germany clashed over how fast countries with high debts should cut them.",
    "“We will not accept rules that force our hospitals and schools to close, and we have said so from "
    "the very first day of these talks,” French Finance Minister Bruno Lemaire told reporters after the meeting.",
    "His German counterpart, Christian Lindner, said that credible rules were the price of a stable currency "
    "and that Berlin would not sign a deal that left debt reduction to the goodwill of governments.",
    "According to two diplomats, the ministers will meet again next month. “There is still a lot of work to do, "
    "but the gap is narrower than it looks,” said Paschal Donohoe, who chairs the group.",
    "Italy's economy minister, Giancarlo Giorgetti, called the German proposal “unrealistic” and warned that "
    "investment in defence and the green transition would suffer.",
]
ARTICLE = "\n\n".join([TITLE, BYLINE, *PARAGRAPHS]) + "\n"
SCRAPED = "\n".join([TITLE, BYLINE, *PARAGRAPHS]) + "\n"  # one paragraph per line, as scraped news comes


def sample(name: str) -> str:
    return (REPO / "data" / "raw" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("keep_space", [False, True], ids=["spaces-to-newlines", "fold-s"])
def test_wrapped_article_is_joined_back(width, keep_space):
    wrapped = fold(ARTICLE, width, keep_space=keep_space)
    assert wrapped.count("\n") > ARTICLE.count("\n") + 10
    assert wrap_width(wrapped) in range(width - 3, width + 1)
    assert reflow(wrapped) == ARTICLE


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_scraped_text_keeps_its_one_line_paragraphs(width):
    """Single line breaks between paragraphs: a line that ends early ends its paragraph."""
    assert reflow(fold(SCRAPED, width)) == SCRAPED


@pytest.mark.parametrize("width", [60, 72, 80])
def test_quotation_split_across_lines_is_one_paragraph_again(width):
    quote = PARAGRAPHS[1]
    wrapped = reflow(fold(ARTICLE, width))
    assert quote in wrapped
    assert "“We will not accept" in fold(ARTICLE, width) and quote not in fold(ARTICLE, width)


@pytest.mark.parametrize("width", [40, 50])
def test_dateline_and_byline_wrapped_are_rejoined_and_kept_apart(width):
    wrapped = fold(ARTICLE, width)
    assert BYLINE not in wrapped and PARAGRAPHS[0] not in wrapped
    blocks = reflow(wrapped).split("\n\n")
    assert blocks[1] == BYLINE
    assert blocks[2] == PARAGRAPHS[0]


@pytest.mark.parametrize("width", [60, 72, 80])
def test_width_counted_in_bytes_as_fold_counts_them(width):
    """GNU fold counts bytes: lines with curly quotes end early in characters."""
    wrapped = fold(ARTICLE, width, keep_space=True, unit=utf8_size)
    assert reflow(wrapped) == ARTICLE


@pytest.mark.parametrize("width", [60, 72, 80])
def test_textwrap_breaks_are_joined(width):
    paragraphs = [textwrap.fill(p, width) for p in ARTICLE.split("\n\n")]  # fill drops the final newline
    assert reflow("\n\n".join(paragraphs)) == ARTICLE.rstrip("\n")


@pytest.mark.subprocess
@pytest.mark.parametrize("width", [60, 72])
def test_balanced_wrapping_of_fmt(width):
    """``fmt`` balances lines: many end before the width though the next word would fit."""
    try:
        wrapped = subprocess.run(["fmt", "-w", str(width)], input=ARTICLE, capture_output=True, text=True).stdout
    except FileNotFoundError:
        pytest.skip("no fmt")
    assert " ".join(reflow(wrapped).split()) == " ".join(ARTICLE.split())
    assert reflow(wrapped).count("\n\n") == ARTICLE.count("\n\n")


@pytest.mark.parametrize("name", ["000_828e557ba36757b1.txt", "003_cdc969f03aac275d.txt", "004_db2cb2ddc648b9a8.txt"])
def test_scraped_samples_are_not_wrapped_and_stay_as_they_are(name):
    text = sample(name)
    assert wrap_width(text) is None
    assert reflow(text) is text


@pytest.mark.parametrize("name", ["000_828e557ba36757b1.txt", "003_cdc969f03aac275d.txt", "004_db2cb2ddc648b9a8.txt"])
@pytest.mark.parametrize("width", [60, 72, 80])
def test_scraped_samples_wrapped_come_back_whole(name, width):
    """Indented one-line paragraphs, captions and headlines between them: every paragraph comes back."""
    text = sample(name)
    assert _paragraphs(reflow(fold(text, width))) == _paragraphs(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Tags\nPolitics\nWorld\nEurope\nElections\n", id="a list of short words"),
        pytest.param(
            "Trump rallies supporters in Ohio\nClinton leads in new national poll\n"
            "Sanders endorses Clinton at New Hampshire rally\nRubio drops out after Florida loss\n"
            "Kasich wins Ohio primary\nCruz suspends his campaign in Indiana\n",
            id="related headlines",
        ),
        pytest.param(
            "“Our position has not changed,” the spokesman told reporters in Beijing on Monday afternoon.\n"
            "Analysts expect the decision to be delayed until the summer.\n",
            id="two paragraphs, the first the longest",
        ),
        pytest.param(
            "CLINTON: I have a plan.\nTRUMP: Wrong.\nCLINTON: And I have laid it out in detail on my website.\n"
            "TRUMP: Nobody reads it.\nMODERATOR: Let us move on to trade, which both of you have talked about.\n",
            id="a transcript",
        ),
        pytest.param(SCRAPED, id="scraped paragraphs"),
        pytest.param("", id="empty"),
        pytest.param("\n\n  \n", id="blank"),
    ],
)
def test_text_that_is_not_wrapped_is_returned_as_is(text):
    assert wrap_width(text) is None
    assert reflow(text) is text


def test_blank_lines_and_form_feeds_end_blocks_that_are_never_joined():
    page_one = fold(" ".join(PARAGRAPHS[:2]), 60)
    page_two = fold(" ".join(PARAGRAPHS[2:]), 60)
    text = page_one + "\n\x0c" + page_two + "\n"
    back = reflow(text)
    assert back == " ".join(PARAGRAPHS[:2]) + "\n\x0c" + " ".join(PARAGRAPHS[2:]) + "\n"


def test_first_line_indents_and_list_items_start_paragraphs():
    paragraphs = ["    " + p for p in PARAGRAPHS[:3]]
    items = ["- " + p for p in PARAGRAPHS[3:]]
    text = "\n".join(fold(p, 64) for p in paragraphs + items) + "\n"
    assert reflow(text) == "\n".join(paragraphs + items) + "\n"


def test_dash_or_number_that_a_wrap_put_first_on_a_line_is_not_a_list_item():
    lines = [
        "The senator said that the bill was dead, and that nobody on either side",
        "of the aisle in the Senate, not the leaders and not even its three main",
        "- sponsors - would vote for it before the recess, which begins on the",
        "18. Aides to the majority leader declined to comment on the schedule on",
        "Friday evening, but two of them said a vote was unlikely before the",
        "election, and that the bill would have to be written again next year.",
    ]
    assert reflow("\n".join(lines) + "\n") == " ".join(lines) + "\n"


def test_list_items_after_a_colon_stay_apart():
    intro = fold("The ministers agreed on three points that the statement lists in the following order:", 60)
    items = ["- a common deposit insurance scheme by 2026;", "- new budget rules;", "- a review in two years."]
    text = fold(ARTICLE, 60) + "\n" + intro + "\n" + "\n".join(items) + "\n"
    assert reflow(text).endswith("in the following order:\n" + "\n".join(items) + "\n")


def test_a_word_broken_at_its_hyphen_is_joined_without_a_space():
    text = "\n\n".join(textwrap.fill(p, 44) for p in ARTICLE.split("\n\n"))  # textwrap breaks after hyphens
    assert "Abernathy-\nWhitfield" in text
    assert reflow(text) == ARTICLE.rstrip("\n")


def test_a_sentence_that_goes_on_in_lower_case_is_joined_even_in_a_short_text():
    text = "“We will not accept rules that force our hospitals and schools to close,”\nthe minister said.\n"
    assert reflow(text) == text.replace(",”\n", ",” ")


def test_given_width_and_slack_for_proportional_type():
    text = (
        "The minister said on Tuesday that\nthe budget would be balanced by the\nend of the decade.\nA new paragraph.\n"
    )
    assert reflow(text, width=38, slack=6) == (
        "The minister said on Tuesday that the budget would be balanced by the end of the decade.\nA new paragraph.\n"
    )


WORDS = st.sampled_from(
    "the minister said that we will not accept a deal which hurts farmers and Brussels knows it “ ” , . Lopez".split()
)


@settings(max_examples=80, deadline=None)
@given(
    paragraphs=st.lists(st.lists(WORDS, min_size=25, max_size=90), min_size=2, max_size=6),
    width=st.integers(min_value=40, max_value=100),
)
def test_property_wrapped_blank_line_paragraphs_come_back_exactly(paragraphs, width):
    text = "\n\n".join(" ".join(words) + "." for words in paragraphs) + "\n"
    wrapped = fold(text, width)
    assume(wrapped.count("\n") >= text.count("\n") + MIN_WRAPS)
    assert reflow(wrapped) == text


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab-.,“” \n\x0c\tX1")), max_size=400))
def test_property_reflow_changes_only_blanks(text):
    """Whatever the text, reflow only turns line breaks and the blanks around them into a space (or nothing)."""
    back = reflow(text)
    assert back.split() == text.split() or "".join(back.split()) == "".join(text.split())


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


# Share of PolNeAR dev's paragraphs that come back whole from wrapping (measured 2026-11-26: 0.984 / 0.988 /
# 0.989 with blank lines between paragraphs; 0.815 / 0.836 / 0.853 with one paragraph to a line).
# Train gives the same (0.983 / 0.988 / 0.991 and 0.823 / 0.846 / 0.863).  Raise, never lower.
RESTORED_FLOORS = {"blank lines": 0.98, "one paragraph to a line": 0.80}


@pytest.mark.parametrize("layout", sorted(RESTORED_FLOORS))
@pytest.mark.parametrize("width", [60, 72, 80])
def test_polnear_dev_wrapped_comes_back_paragraph_by_paragraph(polnear_dev, layout, width):
    restored = total = 0
    for path in sorted((polnear_dev / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if layout == "one paragraph to a line":
            text = re.sub(r"\n[ \t]*\n", "\n", text)
        assert reflow(text) is text  # unwrapped: left as is
        back = set(_paragraphs(reflow(fold(text, width))))
        original = _paragraphs(text)
        total += len(original)
        restored += sum(paragraph in back for paragraph in original)
    assert restored / total >= RESTORED_FLOORS[layout]
