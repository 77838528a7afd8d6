"""Helper for tests of who speaks: the row quoting some words, whatever its kind."""

from __future__ import annotations

from claimex.api import extract_text


def row_quoting(nlp, text: str, quote_words: str) -> dict:
    """The first row of ``text`` (every kind: "an analysis shows" too) whose quote holds ``quote_words``."""
    rows = extract_text(text, nlp=nlp, kinds="all")
    found = [r for r in rows if quote_words in r["quote"]]
    assert found, f"no claim quoting {quote_words!r}: {[(r['speaker'], r['quote']) for r in rows]}"
    return found[0]
