"""What common nouns name (claimex.lexicon.nouns, from WordNet): table-driven, with nouns that name no person."""

from __future__ import annotations

import pytest

from claimex.lexicon.nouns import mostly_names_person, names_person, noun_classes


@pytest.mark.parametrize(
    "noun, person",
    [
        ("governor", True),
        ("businessman", True),
        ("mother", True),
        ("Nominee", True),  # any case
        ("bank", False),  # a riverside first, then an institution
        ("report", False),
        ("union", False),
        ("xyzzy", False),  # unknown: no evidence
    ],
)
def test_names_person(noun, person):
    assert names_person(noun) is person


def test_noun_classes_keep_the_sense_order():
    assert noun_classes("bank")[:2] == "-G"  # its second sense is the institution
    assert noun_classes("report").startswith("C")
    assert noun_classes("xyzzy") == ""


@pytest.mark.parametrize(
    "noun, mostly",
    [
        ("governor", True),  # a person first
        ("mogul", True),  # a ski bump first, then a magnate and an emperor
        ("founder", True),
        ("publisher", False),  # a firm first
        ("page", False),  # a document first
        ("star", False),  # a person in one sense of three
        ("bank", False),
        ("xyzzy", False),
    ],
)
def test_mostly_names_person(noun, mostly):
    assert mostly_names_person(noun) is mostly
