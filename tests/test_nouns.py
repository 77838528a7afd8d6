"""What common nouns name (claimex.lexicon.nouns, from WordNet): table-driven, with nouns that name no person."""

from __future__ import annotations

import pytest

from claimex.lexicon.nouns import names_person, noun_classes


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
