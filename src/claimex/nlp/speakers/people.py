"""The people an article names and what it describes them as; the holders of each role noun.

A description ("the Indiana governor", "the spokeswoman") is matched against these, built once per article when a
description first needs them: every person named outside quotations, by fullest name, with where they are named
(as a subject or not), the role nouns describing them ("Indiana Gov. Mike Pence", "Jennifer Palmieri, a
spokeswoman for Hillary Clinton"), the words of those descriptors and the state, party and country keys they, a
place before a title the parser hung elsewhere ("dismissed Wisconsin Gov. Scott Walker") or a tag after the name
state ("Lindsey Graham (R-S.C.)"; a tag's party makes them its member: "the Tennessee Republican" of "Bob Corker,
R-Tenn."); and role noun -> every person and organization holding it.

Limits: what the article writes beside a name (:func:`claimex.nlp.profiles.descriptors_of`); a role stated in
another sentence ("He is the governor") is not read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...lexicon import table as lexicon_table
from ...lexicon.titles import TITLE_WORDS
from ..attributes import attributes, tag_after
from ..profiles import descriptors_of, text_after
from .descriptions import ROLE_FORMS, _qualifier_form, _role_form, _role_words, _words_of
from .grammar import _is_subject, _plural
from .mentions import MentionIndex
from .speaker import Speaker

#: Role noun -> (position, the descriptor's words, entity's position in MentionIndex.entities), in text order.
RoleIndex = dict[str, list[tuple[int, frozenset[str], int]]]


@dataclass
class _Person:
    """A person the article names: their speaker, mentions (token starts, in order; subject or not), and the role
    nouns and words describing them."""

    speaker: Speaker
    positions: list[int] = field(default_factory=list)
    subjects: list[bool] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    described_words: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)  # state, party, country keys (see claimex.nlp.attributes)


def people_of(mentions: MentionIndex, fullest: Callable[[Span], Speaker]) -> dict[str, _Person]:
    """Every person the article names (outside quotations), by fullest name (``fullest``: the resolver's fullest
    speaker of an entity): where, and as what."""
    people: dict[str, _Person] = {}
    for k, entity in enumerate(mentions.entities):
        person = entity.label_ == "PERSON" or (entity.label_ == "ORG" and mentions.is_person_name(k))
        if not person or not mentions.named[k] or _plural(entity.root):
            continue
        speaker = fullest(entity)
        if speaker.type != "PERSON":
            continue
        entry = people.setdefault(speaker.name, _Person(speaker))
        entry.positions.append(entity.start)
        entry.subjects.append(_is_subject(entity.root))
        tagged = _tagged(entity)
        entry.attributes.update(tagged | _place_before_title(entity))
        entry.roles.update(_members(tagged))
        for descriptor in descriptors_of(entity):
            entry.described_words.update(_qualifier_form(t) for t in descriptor)
            entry.roles.update(_role_form(t) for t in _role_words(descriptor))
            entry.attributes.update(attributes(" ".join(t.text for t in descriptor))[0])
    return people


def roles_of(mentions: MentionIndex) -> RoleIndex:
    """Role noun -> (position, the descriptor's words, entity) for every person and organization the article
    describes, in text order: "Indiana Gov. Mike Pence", "Jennifer Palmieri, a spokeswoman for Hillary
    Clinton", "the Foreign Ministry" (its head noun)."""
    roles: RoleIndex = {}
    for k, entity in enumerate(mentions.entities):
        if not mentions.named[k]:
            continue
        if entity.label_ == "ORG" and set(mentions.words[k]) - {entity.root.lower_}:  # not "Bank executives"
            roles.setdefault(_role_form(entity.root), []).append((entity.start, _words_of(entity.text), k))
        elif entity.label_ == "PERSON":
            own = _tagged(entity)
            tagged = own | _place_before_title(entity)
            # "His sons, Tom and Bill Jones": a plural noun of coordinated names makes none of them "his son".
            coordinated = entity.root.dep_ == "conj" or any(c.dep_ == "conj" for c in entity.root.children)
            for member in _members(own):
                roles.setdefault(member, []).append((entity.start, tagged, k))
            for descriptor in descriptors_of(entity):
                described = attributes(" ".join(t.text for t in descriptor))[0]
                words = frozenset(_qualifier_form(t) for t in descriptor) | described | tagged
                for token in _role_words(descriptor):
                    if coordinated and token.tag_ in ("NNS", "NNPS"):
                        continue
                    roles.setdefault(_role_form(token), []).append((entity.start, words, k))
    return roles


def _tagged(entity: Span) -> frozenset[str]:
    """The party and state keys of a tag right after a person's name ("Lindsey Graham (R-S.C.)")."""
    return tag_after(text_after(entity, 24))


def _place_before_title(entity: Span) -> frozenset[str]:
    """The state or country keys of a place right before the title words of a name, which the parser may hang
    elsewhere ("Trump dismissed Wisconsin Gov. Scott Walker": "Wisconsin" an object of its own, no descriptor)."""
    doc = entity.doc
    i = entity.start
    while i > 0 and _title_word(doc[i - 1]):
        i -= 1
    if i == 0 or (i == entity.start and not _title_word(entity[0])):
        return frozenset()  # no title: "Iowa Scott Walker" is no office held there
    place = doc[i - 1]
    if place.ent_type_ not in ("GPE", "NORP") or place.is_space:
        return frozenset()
    start = place.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return attributes(doc[start:i].text)[0]


def _title_word(token: Token) -> bool:
    return (token.lower_ in TITLE_WORDS or token.lower_ in ROLE_FORMS) and not token.is_space


def _members(keys: frozenset[str]) -> frozenset[str]:
    """The party members' words a party-state tag's keys make its bearer a role noun of ("Bob Corker, R-Tenn." is
    "the Tennessee Republican": "republican", "gop")."""
    members = _party_members()
    return frozenset(word for key in keys for word in members.get(key, ()))


@functools.cache
def _party_members() -> dict[str, frozenset[str]]:
    """Party key ("party:republican") -> the words naming its members (``party_forms``, not a tag's letter)."""
    found: dict[str, set[str]] = {}
    for word, party in lexicon_table("party_forms"):
        if len(word) > 1:
            found.setdefault(f"party:{party}", set()).add(word)
    return {key: frozenset(words) for key, words in found.items()}
