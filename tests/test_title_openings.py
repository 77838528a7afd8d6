"""An office opening a sentence, a comma, a name: the parse and entities of a closed apposition (issue 16).

Docs are built by hand as en_core_web_sm parses them (tests/handbuilt.py), so no model is needed; the whole
pipeline's rows for such sentences are in tests/test_profiles.py.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from claimex.nlp.title_openings import repair_title_openings, title_opening
from handbuilt import doc_from_rows

# "Minister for Information, Kwame Asante stated that it was official.": the office hung on the name.
NAME_THE_SUBJECT = [
    ("Minister", 5, "nmod", "PROPN", "Minister"),
    ("for", 0, "prep", "ADP", "for"),
    ("Information", 1, "pobj", "PROPN", "Information"),
    (",", 5, "punct", "PUNCT", ","),
    ("Kwame", 5, "compound", "PROPN", "Kwame"),
    ("Asante", 6, "nsubj", "PROPN", "Asante"),
    ("stated", 6, "ROOT", "VERB", "state"),
    ("that", 9, "mark", "SCONJ", "that"),
    ("it", 9, "nsubj", "PRON", "it"),
    ("was", 6, "ccomp", "AUX", "be"),
    ("official", 9, "acomp", "ADJ", "official"),
    (".", 6, "punct", "PUNCT", "."),
]

# "Executive Director of the Centre, Kojo Asante said it.": the name a conjunct of the office.
NAME_A_CONJUNCT = [
    ("Executive", 1, "compound", "PROPN", "Executive"),
    ("Director", 8, "nsubj", "PROPN", "Director"),
    ("of", 1, "prep", "ADP", "of"),
    ("the", 4, "det", "DET", "the"),
    ("Centre", 2, "pobj", "PROPN", "Centre"),
    (",", 1, "punct", "PUNCT", ","),
    ("Kojo", 7, "compound", "PROPN", "Kojo"),
    ("Asante", 1, "conj", "PROPN", "Asante"),
    ("said", 8, "ROOT", "VERB", "say"),
    ("it", 8, "dobj", "PRON", "it"),
    (".", 8, "punct", "PUNCT", "."),
]

# "Minister for Information, Kwame Asante stated it.": the office the root, the verb a clause below it.
OFFICE_THE_ROOT = [
    ("Minister", 0, "ROOT", "PROPN", "Minister"),
    ("for", 0, "prep", "ADP", "for"),
    ("Information", 1, "pobj", "PROPN", "Information"),
    (",", 0, "punct", "PUNCT", ","),
    ("Kwame", 5, "compound", "PROPN", "Kwame"),
    ("Asante", 6, "nsubj", "PROPN", "Asante"),
    ("stated", 0, "relcl", "VERB", "state"),
    ("it", 6, "dobj", "PRON", "it"),
    (".", 0, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("rows", [NAME_THE_SUBJECT, NAME_A_CONJUNCT, OFFICE_THE_ROOT], ids=["subject", "conj", "root"])
def test_the_office_becomes_the_subject_and_the_name_its_apposition(rows):
    doc = repair_title_openings(doc_from_rows(rows))
    office = next(t for t in doc if t.text in ("Minister", "Director"))
    name = next(t for t in doc if t.text == "Asante")
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert (office.head, office.dep_) == (verb, "nsubj")
    assert (name.head, name.dep_) == (office, "appos")
    assert verb.head == verb and len(list(doc.sents)) == 1
    assert [(e.text, e.label_) for e in doc.ents] == [(doc[name.i - 1 : name.i + 1].text, "PERSON")]


def test_an_entity_run_from_the_office_into_the_name_ends_before_it():
    doc = doc_from_rows(NAME_A_CONJUNCT)
    doc.ents = [Span(doc, 3, 8, label="ORG")]  # "the Centre, Kojo Asante"
    repair_title_openings(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("the Centre", "ORG"), ("Kojo Asante", "PERSON")]


def _rows(words_pos):
    """A flat parse: every word hung on the first verb (enough for the cases that must find nothing)."""
    verb = next(i for i, (_, pos) in enumerate(words_pos) if pos == "VERB")
    return [(w, verb, "ROOT" if i == verb else "dep", pos, w.lower()) for i, (w, pos) in enumerate(words_pos)]


NOTHING = [
    # no office first: a place's name before the comma (tagged GPE below; "chico" is also a noun for a person)
    [("Chico", "PROPN"), (",", "PUNCT"), ("Bernie", "PROPN"), ("Sanders", "PROPN"), ("said", "VERB"), ("so", "ADV")],
    # a name of one word
    [
        ("Minister", "PROPN"),
        ("for", "ADP"),
        ("Health", "PROPN"),
        (",", "PUNCT"),
        ("Donnelly", "PROPN"),
        ("said", "VERB"),
    ],
    # no verb right after the name
    [
        ("Minister", "PROPN"),
        ("for", "ADP"),
        ("Health", "PROPN"),
        (",", "PUNCT"),
        ("Stephen", "PROPN"),
        ("Donnelly", "PROPN"),
        ("and", "CCONJ"),
        ("others", "NOUN"),
        ("said", "VERB"),
    ],
    # an organization after the comma
    [("Director", "PROPN"), (",", "PUNCT"), ("Ports", "PROPN"), ("Company", "PROPN"), ("said", "VERB")],
    # a lower-case opening
    [("the", "DET"), ("minister", "NOUN"), (",", "PUNCT"), ("Kwame", "PROPN"), ("Asante", "PROPN"), ("said", "VERB")],
]


@pytest.mark.parametrize("words_pos", NOTHING, ids=["place", "one-word-name", "no-verb", "organization", "lower"])
def test_nothing_that_is_not_an_opening_office_and_name(words_pos):
    doc = doc_from_rows(_rows(words_pos))
    if doc[0].text == "Chico":
        doc.ents = [Span(doc, 0, 1, label="GPE")]
    assert title_opening(next(doc.sents)) is None
