"""What a common noun names: a person ("governor"), a group ("union"), a message or document ("report").

Read from ``data/noun_classes.tsv``, built from WordNet 3.0 by ``scripts/build_noun_classes.py``: each noun's
first senses, most frequent first, by WordNet's lexicographer files.  Used by speaker resolution to tell a
description of a person ("the Indiana governor") from one of an organization or a work.

Limits, plainly: the classes are the nouns' senses, not their sense in the article ("bank" is mostly a
riverside, then an institution); nouns newer than WordNet 3.0 (2006) are missing ("tweet" as a message).
"""

from __future__ import annotations

import functools
from pathlib import Path

from . import table, words

PERSON = "P"
GROUP = "G"
MESSAGE = "C"

#: Nouns that call a named thing an organization: kinds of bodies ("union", "council": ``org_kinds.tsv``) and
#: generic ones ("the company": ``generic_org_nouns.txt``).
ORG_NOUNS = frozenset(row[0] for row in table("org_kinds")) | words("generic_org_nouns")

_NOUN_CLASSES = Path(__file__).resolve().parent.parent / "data" / "noun_classes.tsv"


@functools.cache
def _classes() -> dict[str, str]:
    table = {}
    for line in _NOUN_CLASSES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            noun, classes = line.split("\t")
            table[noun] = classes
    return table


def noun_classes(lemma: str) -> str:
    """The classes of ``lemma``'s first senses, most frequent first ("P-", "-G-"), "" for a noun that names none."""
    return _classes().get(lemma.lower(), "")


def names_person(lemma: str) -> bool:
    """Whether the noun's most frequent sense is a person ("governor", "mother"; not "bank")."""
    return noun_classes(lemma)[:1] == PERSON


def mostly_names_person(lemma: str) -> bool:
    """Whether most of the noun's first senses are persons, though not the most frequent one ("mogul": a bump on a
    ski run, then a magnate and an emperor; "founder", "moderator").  Limits: more nouns for groups and bodies pass
    ("authority"), so callers use it where only a person fits; never one whose first sense is a group or a
    document ("publisher", "page")."""
    classes = noun_classes(lemma)
    if classes[:1] in (GROUP, MESSAGE):
        return False  # "publisher": a firm first; "page": a document first
    return names_person(lemma) or classes.count(PERSON) * 2 > len(classes)


@functools.cache
def person_nouns() -> frozenset[str]:
    """The nouns whose most frequent sense is a person (those :func:`names_person` accepts), for a membership test
    run on many words."""
    return frozenset(noun for noun, classes in _classes().items() if classes[:1] == PERSON)


def may_name_person(lemma: str) -> bool:
    """Whether one of the noun's first senses is a person ("star", "chair"; not "district", "state")."""
    return PERSON in noun_classes(lemma)
