"""Acronyms spelled out by the article (issue 16): "IRCC" after "Immigration, Refugees and Citizenship
Canada (IRCC)", "the PBO" after "the Parliamentary Budget Officer", where the recognizer splits or misses
the full name.  Pure cases build Docs by hand; model cases run the whole pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.api import extract_text
from claimex.nlp.speakers import spelled_out


def _doc(text: str) -> Doc:
    return spacy.blank("en")(text)


SPELLED = [
    (
        "Immigration, Refugees and Citizenship Canada (IRCC) processed fewer claims.",
        "IRCC",
        "Immigration, Refugees and Citizenship Canada",
    ),
    ("A report by the Parliamentary Budget Officer came out.", "PBO", "Parliamentary Budget Officer"),
    ("Officials at the Bank of Canada (BOC) met.", "BOC", "Bank of Canada"),
    # the tail of a longer run spells an acronym of three letters or more
    ("Prime Minister Justin Trudeau met the Canada Revenue Agency team.", "CRA", "Canada Revenue Agency"),
]

NOT_SPELLED = [
    ("Nothing here is capitalized but the first word.", "PBO"),
    # two different names spell it: no guess
    ("The Public Broadcasting Office met the Provincial Board of Oversight.", "PBO"),
    # a two-letter acronym needs the whole run: "Justin Trudeau" is not "JT" inside "Prime Minister Justin Trudeau"
    ("Prime Minister Justin Trudeau spoke.", "JT"),
    # the acronym's letters in order, but not the initials of one run
    ("Parliament met. Budget talks began. Officers left.", "PBO"),
]


@pytest.mark.parametrize(("text", "acronym", "name"), SPELLED)
def test_spelled_out(text, acronym, name):
    found = spelled_out(_doc(text), acronym)
    assert found is not None and found.text == name and found.label_ == "ORG"


@pytest.mark.parametrize(("text", "acronym"), NOT_SPELLED)
def test_not_spelled_out(text, acronym):
    assert spelled_out(_doc(text), acronym) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote_words", "speaker"),
    [
        (
            "Immigration, Refugees and Citizenship Canada (IRCC) processed fewer claims this year. "
            "IRCC said that the backlog would shrink by spring.",
            "backlog",
            "Immigration, Refugees and Citizenship Canada",
        ),
        (
            "The Parliamentary Budget Officer released a report on Monday. "
            "The PBO said that the deficit would be larger than forecast.",
            "deficit",
            "Parliamentary Budget Officer",
        ),
        # a company's acronym may spell its legal form ("Inc.") or not
        (
            "Shares of Analog Devices Inc. jumped on Wednesday. ADI said that it expects earnings of 59 cents.",
            "59 cents",
            "Analog Devices Inc.",
        ),
        (
            "Shares of Analog Devices Inc. jumped on Wednesday. AD said that it expects earnings of 59 cents.",
            "59 cents",
            "Analog Devices Inc.",
        ),
        # a legal form's letter alone spells nothing new: "ADC" is not Analog Devices Inc.
        (
            "Shares of Analog Devices Inc. jumped on Wednesday. ADC said that it expects earnings of 59 cents.",
            "59 cents",
            "ADC",
        ),
        # a short form news writes for a body the article names ("the Fed"), and none where it names none
        (
            "The Federal Reserve sent a clear message Wednesday. The Fed said that the economy is rebounding.",
            "rebounding",
            "Federal Reserve",
        ),
        ("The Fed said that the economy is rebounding.", "rebounding", "Fed"),
        # nothing spells it out: the acronym stays
        ("The PBO said that the deficit would be larger than forecast.", "deficit", "PBO"),
    ],
)
def test_acronym_speaker(nlp, text, quote_words, speaker):
    rows = [r for r in extract_text(text, nlp=nlp) if quote_words in r["quote"]]
    assert rows and rows[0]["speaker"] == speaker
