"""Organization nouns resolved as a reader resolves them (issue 16): "the company" is the organization the
latest sentence naming one is about (its subject, else the last named there); "the bank" the last bank."""

from __future__ import annotations

import pytest

from claimex.api import extract_text

CASES = [
    (
        "Alphabet, the parent company of Google, jumped 3 percent on Friday. "
        "The company said that advertising sales rose.",
        "advertising",
        "Alphabet",
    ),
    (
        "Nabisco announced 600 layoffs in Chicago, and Nabisco was criticized for weeks. "
        "Trump attacked Apple in February. The company said that it would not unlock the phone.",
        "unlock",
        "Apple",
    ),
    (
        "Wells Fargo and the Senate Banking Committee met on Tuesday. The bank said that it had fired 5,300 employees.",
        "fired",
        "Wells Fargo",
    ),
    # nothing named before: the noun stays
    ("The company said that advertising sales rose.", "advertising", "company"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quote_words", "speaker"), CASES)
def test_organization_noun(nlp, text, quote_words, speaker):
    rows = [r for r in extract_text(text, nlp=nlp) if quote_words in r["quote"]]
    assert rows and rows[0]["speaker"] == speaker, [(r["speaker"], r["quote"]) for r in rows]


@pytest.mark.model
def test_a_body_is_not_its_officer(nlp):
    text = (
        "A national rail strike planned for Monday has been called off after talks ran past midnight, "
        "the transport union confirmed on Friday.\n\n"
        "“Our members will be back at work on Monday,” union general secretary Marek Halloran told reporters."
    )
    rows = [r for r in extract_text(text, nlp=nlp) if "called off" in r["quote"]]
    assert rows and rows[0]["speaker"] != "Marek Halloran", rows
