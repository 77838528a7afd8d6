"""A headline's or lede's description resolved to the person the body introduces in that role (issue 16, part 2):
the lede's description the title echoes, the next person named as a subject (not one the title names), a
relational noun tied to no person ("Member of House panel"); and the descriptions that must stay as written (a
former governor is not the sitting one, a title's former chairman not the party's chairman now)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.nlp.speakers.headlines import lede_echo
from speaking import row_quoting


def _speaker(nlp, text: str, quote_words: str) -> str:
    return row_quoting(nlp, text, quote_words)["speaker"]


@pytest.mark.parametrize(
    "text, quote_words, speaker",
    [
        pytest.param(
            "Former DNC chairman calls for Clinton contingency plan.\n\n"
            "A former Democratic National Committee chairman says President Barack Obama and the party's leaders "
            "should come up with a plan.\n\n"
            '"Now is the time for all good leaders to come to the aid of their party," said Don Fowler, who helmed '
            "the DNC from 1995 to 1997.",
            "Clinton contingency plan",
            "Don Fowler",
            id="the-title-echoes-the-lede",
        ),
        pytest.param(
            "Clinton Hid Health Problems From Public, Former White House Doctor Says.\n\n"
            "Secrecy is no stranger to Hillary Clinton's health, the candidate's former doctor maintains.\n\n"
            "Dr. Connie Mariano, who was the White House physician, said that Clinton hid a blood clot in 1998.",
            "Clinton Hid Health Problems",
            "Connie Mariano",
            id="the-one-the-title-names-is-someone-else",
        ),
        pytest.param(
            "Sanders will back Clinton, eventually, former rival says.\n\n"
            "Bernie Sanders will throw his support behind Hillary Clinton before the convention, predicted "
            "Madeleine Kunin, the former Vermont governor.",
            "Sanders will back Clinton",
            "Madeleine Kunin",
            id="a-title-name-the-recognizer-missed",
        ),
        pytest.param(
            "Lawmaker urges retaliation on Russia;\n\n"
            "Member of House panel says U.S. has to keep Moscow out of elections.\n\n"
            "Rep. Adam Schiff, the top Democrat on the House Intelligence Committee, called on President Obama to "
            "retaliate against Russia.",
            "keep Moscow out of elections",
            "Adam Schiff",
            id="a-member-of-a-body-is-no-tie-to-a-person",
        ),
        pytest.param(
            "PM says Canada will not back down\n\n"
            "OTTAWA — Prime Minister Mark Carney said Canada will not back down in the trade dispute.",
            "Canada will not back down",
            "Mark Carney",
            id="a-titles-abbreviated-title-is-the-one-the-lede-so-titles-in-a-two-paragraph-article",
        ),
        pytest.param(  # photo captions between title and lede are not the lede
            "PM defends 'C-list' comments\n\nChristopher Luxon speaking to media earlier this week. Photo: RNZ\n"
            "Prime Minister Christopher Luxon. Photo: RNZ\nPrime Minister Christopher Luxon has again sought to "
            "defend his comments about previous delegations.\n\nHe said the comments had been taken out of context.",
            "C-list",
            "Christopher Luxon",
            id="a-titles-abbreviated-title-is-the-one-the-lede-after-the-captions-so-titles",
        ),
        pytest.param(
            "'Don't be fooled,' says chief skeptical of Ottawa on 1st day of AFN meetings\n\n"
            "Hundreds of First Nations chiefs are in Regina until Thursday.\n\n"
            "“Don't be fooled, ladies and gentlemen,” said Wallace Fox, chief of the Onion Lake Cree Nation.",
            "Don't be fooled",
            "Wallace Fox",
            id="a-titles-quotation-the-body-quotes-again-is-the-bodys-speakers",
        ),
    ],
)
def test_headline_description_resolved(nlp, text, quote_words, speaker):
    assert _speaker(nlp, text, quote_words) == speaker


@pytest.mark.parametrize(
    "text, quote_words, wrong",
    [
        pytest.param(
            "Former governor warns of budget gap.\n\n"
            "A former governor said on Monday that Gov. Jim Smith had hidden a budget gap from voters.",
            "budget gap",
            "Jim Smith",
            id="a-former-governor-is-not-the-sitting-one",
        ),
        pytest.param(
            "Former chairman says party must act.\n\n"
            "The party chairman, John Roe, said on Monday the party would wait for the primary.",
            "party must act",
            "John Roe",
            id="a-former-chairman-is-not-the-chairman-now",
        ),
        pytest.param(
            "PM says Canada will not back down\n\n"
            "OTTAWA — Deputy Prime Minister Chrystia Freeland said Canada will not back down in the trade dispute.",
            "Canada will not back down",
            "Chrystia Freeland",
            id="a-deputy-prime-minister-is-no-pm",
        ),
        pytest.param(
            "'We will win this fight,' says Trump\n\n"
            '"We will win this fight," said Hillary Clinton on Monday in Ohio.',
            "We will win this fight",
            "Hillary Clinton",
            id="a-titles-named-speaker-stays",
        ),
    ],
)
def test_headline_description_stays(nlp, text, quote_words, wrong):
    assert _speaker(nlp, text, quote_words) != wrong


def _parsed(tokens: list[tuple[str, str, int, str]]) -> Doc:
    """A parsed Doc by hand: (word, POS, head offset, dependency) per token."""
    return Doc(
        spacy.blank("en").vocab,
        words=[t[0] for t in tokens],
        pos=[t[1] for t in tokens],
        tags=["NN" if t[1] == "NOUN" else "XX" for t in tokens],
        heads=[i + t[2] for i, t in enumerate(tokens)],
        deps=[t[3] for t in tokens],
        lemmas=[t[0].lower() for t in tokens],
    )


# "Former chairman says . A former party chairman said ." / "... The chairman said ."
_TITLE = [
    ("Former", "ADJ", 1, "amod"),
    ("chairman", "NOUN", 1, "nsubj"),
    ("says", "VERB", 0, "ROOT"),
    (".", "PUNCT", -1, "punct"),
]
_FORMER_LEDE = [
    ("A", "DET", 3, "det"),
    ("former", "ADJ", 2, "amod"),
    ("party", "NOUN", 1, "compound"),
    ("chairman", "NOUN", 1, "nsubj"),
    ("said", "VERB", 0, "ROOT"),
    (".", "PUNCT", -1, "punct"),
]
_SITTING_LEDE = [
    ("The", "DET", 1, "det"),
    ("chairman", "NOUN", 1, "nsubj"),
    ("said", "VERB", 0, "ROOT"),
    (".", "PUNCT", -1, "punct"),
]
_OTHER_LEDE = [
    ("The", "DET", 1, "det"),
    ("senator", "NOUN", 1, "nsubj"),
    ("said", "VERB", 0, "ROOT"),
    (".", "PUNCT", -1, "punct"),
]


@pytest.mark.parametrize(
    "lede, echo",
    [
        (_FORMER_LEDE, "A former party chairman"),
        (_SITTING_LEDE, None),  # "former" must agree
        (_OTHER_LEDE, None),  # another head noun
    ],
)
def test_lede_echo(lede, echo):
    doc = _parsed(_TITLE + lede)
    found = lede_echo(doc[0:2], 4, len(doc), [False] * len(doc))
    assert (found.text if found is not None else None) == echo
