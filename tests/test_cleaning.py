"""Cleaning: each paragraph's kind, table-driven (only body paragraphs can hold claims)."""

import pytest

from claimex.cleaning import BODY, BOILERPLATE, HEADER, HEADLINE, classify, classify_paragraphs

LONG_CUT_OFF = " ".join(["The minister said the economy grew by three percent in the last quarter"] * 6)


@pytest.mark.parametrize(
    "paragraph, kind",
    [
        ("Must read", BOILERPLATE),
        ("Share this article", BOILERPLATE),
        ("Liked it? Take a second to support us on Patreon!", BOILERPLATE),
        ("Photo: Crowds gather outside the stadium", BOILERPLATE),
        ("-3 °C", BOILERPLATE),
        ("date 2017-03-13 Register 14:23 GMT +3", HEADER),
        ("China Urges Turkey To Back Fight Against Militants", HEADLINE),
        ("Foreign ministers meet in Ankara on Monday", HEADLINE),  # a caption: no sentence ends
        ("Foreign Ministry spokesperson Hua Chunying said China opposes the plan.", BODY),
        ("“Our town deserves better leaders than these two.” ― Maria Lopez", BODY),  # a signed quotation
        (LONG_CUT_OFF, BODY),
        ("He said:", BODY),  # introduces the quotation in the next paragraph
        ("Tags:", BOILERPLATE),
    ],
)
def test_classify(paragraph, kind):
    assert classify(paragraph) == kind


def test_paragraphs_cover_the_text_with_offsets():
    text = "Must read\n\nHua Chunying said China opposes the plan.\n"
    paragraphs = classify_paragraphs(text)
    assert [(text[p.start : p.end], p.kind) for p in paragraphs] == [
        ("Must read", BOILERPLATE),
        ("Hua Chunying said China opposes the plan.", BODY),
    ]
