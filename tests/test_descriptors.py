"""The words describing a named person (claimex.nlp.profiles.descriptors_of) end where the noun phrase ends:
not across a clause hung on it, a phrase the parser attached too low after a comma, or a quotation mark the
descriptor opens and does not close.  Docs are built by hand on a blank pipeline, with their parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimex.nlp.profiles import descriptors_of

VOCAB = spacy.blank("en").vocab

# One token per row: (word, index of its head, dependency, part of speech); the PERSON is tokens 0-1.
Parse = list[tuple[str, int, str, str]]

WINNER_INTO_A_ROOM: Parse = [
    ("Jane", 1, "compound", "PROPN"),
    ("Smith", 1, "ROOT", "PROPN"),
    (",", 1, "punct", "PUNCT"),
    ("winner", 1, "appos", "NOUN"),
    ("of", 3, "prep", "ADP"),
    ("the", 6, "det", "DET"),
    ("prize", 4, "pobj", "NOUN"),
    (",", 3, "punct", "PUNCT"),
    ("into", 3, "prep", "ADP"),  # belongs to the verb; the parser hung it on the apposition
    ("“", 11, "punct", "PUNCT"),
    ("a", 11, "det", "DET"),
    ("room", 8, "pobj", "NOUN"),
    ("”", 11, "punct", "PUNCT"),
]

LAWYER_WHO_SUED: Parse = [
    ("Mary", 1, "compound", "PROPN"),
    ("Jones", 1, "ROOT", "PROPN"),
    (",", 1, "punct", "PUNCT"),
    ("a", 4, "det", "DET"),
    ("lawyer", 1, "appos", "NOUN"),
    ("for", 4, "prep", "ADP"),
    ("miners", 5, "pobj", "NOUN"),
    ("who", 8, "nsubj", "PRON"),
    ("sued", 4, "relcl", "VERB"),
    ("the", 10, "det", "DET"),
    ("state", 8, "dobj", "NOUN"),
]

ADJECTIVES_BEFORE_THE_NOUN: Parse = [
    ("Chris", 1, "compound", "PROPN"),
    ("Christie", 1, "ROOT", "PROPN"),
    (",", 1, "punct", "PUNCT"),
    ("the", 7, "det", "DET"),
    ("brusque", 7, "amod", "ADJ"),
    (",", 7, "punct", "PUNCT"),
    ("famously", 7, "advmod", "ADV"),  # a comma before the noun, then a word that is not a noun: kept
    ("governor", 1, "appos", "NOUN"),
    ("of", 7, "prep", "ADP"),
    ("Jersey", 8, "pobj", "PROPN"),
]

CLAUSE_INSIDE_A_TITLE: Parse = [
    ("Geoffrey", 1, "compound", "PROPN"),
    ("Cowan", 1, "ROOT", "PROPN"),
    (",", 1, "punct", "PUNCT"),
    ("author", 1, "appos", "NOUN"),
    ("of", 3, "prep", "ADP"),
    ("Let", 4, "pcomp", "VERB"),
    ("the", 7, "det", "DET"),
    ("People", 8, "nsubj", "NOUN"),
    ("Rule", 5, "ccomp", "VERB"),
]


def _title_author(marks: tuple[str, ...]) -> Parse:
    """ "Peter Gray, author of “Bitter Pill”" with the given marks around the title."""
    parse: Parse = [
        ("Peter", 1, "compound", "PROPN"),
        ("Gray", 1, "ROOT", "PROPN"),
        (",", 1, "punct", "PUNCT"),
        ("author", 1, "appos", "NOUN"),
        ("of", 3, "prep", "ADP"),
    ]
    title = len(parse) + len(marks[:1]) + 1  # index of "Pill"
    parse += [(mark, title, "punct", "PUNCT") for mark in marks[:1]]
    parse += [("Bitter", title, "compound", "PROPN"), ("Pill", 4, "pobj", "PROPN")]
    parse += [(mark, title, "punct", "PUNCT") for mark in marks[1:]]
    return parse


def _doc(parse: Parse) -> Doc:
    words = [w for w, *_ in parse]
    doc = Doc(VOCAB, words=words, heads=[h for _, h, _, _ in parse], deps=[d for *_, d, _ in parse])
    for token, (*_, pos) in zip(doc, parse, strict=True):
        token.pos_ = pos
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    return doc


CASES = [
    ("not-across-a-comma-and-a-preposition", WINNER_INTO_A_ROOM, ["winner of the prize"]),
    ("not-across-a-relative-clause", LAWYER_WHO_SUED, ["a lawyer for miners"]),
    ("stays-adjectives-before-the-noun", ADJECTIVES_BEFORE_THE_NOUN, ["the brusque famously governor of Jersey"]),
    ("stays-a-clause-inside-a-title", CLAUSE_INSIDE_A_TITLE, ["author of Let the People Rule"]),
    ("stays-a-quoted-title", _title_author(("“", "”")), ["author of “ Bitter Pill ”"]),
    ("not-across-an-unclosed-mark", _title_author(("“",)), ["author of"]),
]


@pytest.mark.parametrize("parse, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_descriptor_ends_with_its_phrase(parse: Parse, expected: list[str]) -> None:
    doc = _doc(parse)
    found = [
        " ".join(t.text for t in descriptor if not t.is_punct or t.is_quote)
        for descriptor in descriptors_of(doc.ents[0])
    ]
    assert found == expected
