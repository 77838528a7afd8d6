"""An organization's name that fills a line alone is a headline, not a body (claimex.mentioned._fills_line)."""

from __future__ import annotations

import pytest
import spacy

from claimex.mentioned import _fills_line

NAME = "Big Org Name"


@pytest.mark.parametrize(
    ("before", "after", "extra_space_tokens", "fills"),
    [
        ("", "", 0, True),  # the whole text
        ("Ottawa news\n\n", "\nThe board said", 0, True),
        ("Ottawa news\n\n", "\nThe board said", 1, True),  # the recognizer took the line's break into the name
        ("news\n  \t", " \t\nmore", 0, True),  # spaces and tabs beside the breaks
        ("The ", " said it would cut jobs.", 0, False),
        ("Ottawa news\n\n", " said it would cut jobs.", 0, False),
        ("He joined ", "\n\nNext", 0, False),
        ("word   ", "\n", 0, False),  # spaces, no break, before it
    ],
)
def test_fills_line(before, after, extra_space_tokens, fills):
    doc = spacy.blank("en")(before + NAME + after)
    span = doc.char_span(len(before), len(before) + len(NAME))
    assert span is not None
    assert _fills_line(doc[span.start : span.end + extra_space_tokens]) is fills
