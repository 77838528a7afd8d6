"""The named entities of one article, indexed once: by position, by name word, by the words they hold.

Speaker resolution asks the same questions of an article's names for every claim: which entities hold these name
words ("Hua" -> "Hua Chunying"), which label most mentions of a name carry (a name the recognizer tags PERSON once
and ORG twice is an ORG), whether a person is named between two tokens, which organization an acronym spells
("S.E.C." -> Securities and Exchange Commission, see :mod:`.acronyms`), which one person a misspelled surname is
("McLenney" of "Tyresha McClenney").  :class:`MentionIndex` answers each by lookup or bisection, keeping the
answers, so a claim costs the same in a giant article as in a short one.

Names inside quotations or headlines (:mod:`.layout`) are indexed by position but are not *named*: no name word
posting, no acronym, no bearer.  Limits: the recognizer's entities only (PERSON, ORG, GPE, NORP), with a quoted
nickname's given names joined back ('Robert C. "Bobby" Scott'); a name it never tags is found only by its words.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ...lexicon import words as lexicon_words
from ...normalize.countries import country_code
from ..profiles import entity_index
from .acronyms import ACRONYM_SKIP, is_acronym, spelled_out
from .grammar import _is_subject
from .layout import ArticleLayout
from .names import _ORG_NAME_WORDS, _name_words, _one_letter_apart, _with_given_name, _with_nickname, _word
from .person_evidence import PersonEvidence

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_MISSPELLED_LENGTH = 5  # a surname this long may be misspelled by a letter ("McLenney" for "McClenney")
_COMPANY_SUFFIXES = lexicon_words("company_suffixes")  # "Inc." of "Analog Devices Inc.": spelled in "ADI" or not


class MentionIndex:
    """The article's entities of :data:`ENTITY_TYPES` in text order (``entities``; ``k`` below is a position in
    it), their name words (``words``), whether each is named outside quotations and headlines (``named``), and
    name word -> positions of the named ones (``by_word``)."""

    def __init__(self, doc: Doc, layout: ArticleLayout):
        self.doc = doc
        self._index = entity_index(doc)
        self.entities = [_with_given_name(_with_nickname(e)) for e in self._index.ents if e.label_ in ENTITY_TYPES]
        self.starts = [e.start for e in self.entities]
        self._name_memo: dict[tuple[int, int], list[str]] = {}
        self.words = [self.name_words(e) for e in self.entities]
        # Names inside quotations are what someone called them ("Crooked Hillary Clinton"), not their names;
        # names in headlines are title case, which the recognizer misreads; a title's names count only where
        # the body has none (the resolver's fullest person).
        self.named = [not layout.quoted[e.start] for e in self.entities]
        self.by_word: dict[str, list[int]] = {}  # name word -> positions in self.entities of named entities
        for k, words in enumerate(self.words):
            if self.named[k]:
                for word in dict.fromkeys(words):
                    self.by_word.setdefault(word, []).append(k)
        self._holding: dict[frozenset[str], list[int]] = {}
        self._labels: dict[tuple[str, ...], Counter] = {}
        self._person_named: dict[tuple[str, ...], bool] = {}  # asked once per speaker: kept, as a name recurs
        self._acronyms: dict[str, Span] | None = None
        self._spelled: dict[str, Span | None] = {}  # acronyms no organization entity spells
        self._misspellings: dict[str, Span | None] = {}  # surname -> misspelled_bearer
        self._person_starts: list[int] | None = None  # starts of the named PERSON entities, built on first use
        self.evidence = PersonEvidence(doc, layout, self.entities, self.words, self.named, self.holding_entities)

    def at(self, i: int) -> Span | None:
        """The recognizer's entity holding token ``i`` (any label, as tagged), or None."""
        return self._index.at(i)

    def within(self, start: int, end: int) -> tuple[Span, ...]:
        """The recognizer's entities inside tokens ``start`` to ``end`` (any label, as tagged)."""
        return self._index.within(start, end)

    def subject_at(self, start: int) -> bool:
        """Whether the name at ``start`` is a subject, or in apposition to one ("former president Bill Clinton")."""
        entity = self.at(start)
        if entity is None:
            return False
        root = entity.root
        while root.dep_ in ("appos", "compound") and root.head.i != root.i:
            root = root.head
        return _is_subject(root)

    def misspelled_bearer(self, surname: str) -> Span | None:
        """The one person named in full whose surname is ``surname`` misspelled by a letter ("McLenney",
        "Wines" of "Tyresha McClenney", "Leslie Wimes"), for a surname of five letters or more no one named in full
        bears; else None."""
        if surname not in self._misspellings:
            found: dict[frozenset[str], int] = {}
            if len(surname) >= _MISSPELLED_LENGTH:
                for k, entity in enumerate(self.entities):
                    words = self.words[k]
                    full = entity.label_ == "PERSON" and self.named[k] and len(words) >= 2
                    if full and words[-1][0] == surname[0] and _one_letter_apart(words[-1], surname):
                        found.setdefault(frozenset(words), k)
            self._misspellings[surname] = self.entities[next(iter(found.values()))] if len(found) == 1 else None
        return self._misspellings[surname]

    def is_person_name(self, k: int) -> bool:
        """Whether entity ``k`` names a person: tagged so, or no organization's name word and
        :meth:`person_named`."""
        entity = self.entities[k]
        return entity.label_ == "PERSON" or (
            not any(w in _ORG_NAME_WORDS for w in self.words[k]) and self.person_named(self.words[k])
        )

    def person_named(self, words: list[str]) -> bool:
        """Whether the article names a person with these words: a PERSON entity of two or more name words holds
        them ("Caddell", tagged ORG, in an article about "Pat Caddell"), or most entities of just these words
        are PERSON."""
        key = tuple(words)
        if key not in self._person_named:
            self._person_named[key] = self._names_person(words)
        return self._person_named[key]

    def _names_person(self, words: list[str]) -> bool:
        if any(w in _ORG_NAME_WORDS for w in words):
            return False
        for k in self.holding_entities(frozenset(words)):
            if self.entities[k].label_ == "PERSON" and len(self.words[k]) >= 2:
                return True
        if 2 <= len(words) <= 3 and self._given_name_alone(words[0]):
            return True  # "Tedros Adhanom", tagged ORG, in an article that calls him "Tedros", tagged PERSON
        # Whatever the recognizer's label, a first name the article says something of a person about (see
        # :mod:`.person_evidence`: "former tech executive Carly Fiorina", "Carly Fiorina ... her").
        if self.labels_of(words).most_common(1)[0][0] == "PERSON" or self.evidence.says_person(words):
            return True
        # A surname alone is a person's where the article's full name with it is ("Fiorina" of "Carly Fiorina").
        return len(words) == 1 and any(
            len(self.words[k]) >= 2 and self.evidence.says_person(self.words[k])
            for k in self.holding_entities(frozenset(words))
        )

    def latest_before(self, name: frozenset[str], position: int) -> int:
        """The start of the latest entity named exactly ``name`` before ``position``, or -1."""
        starts = [self.entities[k].start for k in self.holding_entities(name) if frozenset(self.words[k]) == name]
        return max((start for start in starts if start < position), default=-1)

    def holding_entities(self, words: frozenset[str]) -> list[int]:
        """Positions (in text order) of the named entities whose name words hold ``words``."""
        if not words:
            return []
        if words not in self._holding:
            postings = sorted((self.by_word.get(word, []) for word in words), key=len)
            self._holding[words] = sorted(set(postings[0]).intersection(*postings[1:]))
        return self._holding[words]

    def labels_of(self, words: list[str] | frozenset[str]) -> Counter:
        """Entity labels given to exactly these name words across the article (``Counter({"ORG": 2, ...})``)."""
        key = tuple(sorted(words))
        if key not in self._labels:
            votes: Counter = Counter()
            for k in self.holding_entities(frozenset(words)):
                if sorted(self.words[k]) == list(key):
                    votes[self.entities[k].label_] += 1
            self._labels[key] = votes or Counter({"OTHER": 1})
        return self._labels[key]

    def _given_name_alone(self, word: str) -> bool:
        """Whether the article names someone by this word alone, tagged PERSON each time, though it is no surname
        of the article's other names: the given name a person goes by ("Tedros" of "Tedros Adhanom")."""
        holding = self.holding_entities(frozenset({word}))
        alone = [k for k in holding if self.words[k] == [word]]
        surname = any(
            len(self.words[k]) >= 2 and self.words[k][-1] == word for k in holding
        )  # "Trump" of "Trump Tower"
        return bool(alone) and not surname and all(self.entities[k].label_ == "PERSON" for k in alone)

    def type_of(self, entity: Span) -> str:
        """The speaker's type from all mentions of its name: an organization's name word makes an ORG, a
        person's full name a PERSON, else the label most mentions of just these words carry."""
        words = self.name_words(entity)
        if not words:
            return entity.label_
        if any(w in _ORG_NAME_WORDS for w in words) and entity.label_ != "NORP":
            return "ORG"
        if entity.label_ == "PERSON" or self.person_named(words):
            return "PERSON"
        votes = self.labels_of(words)
        label = max(votes, key=lambda lab: (votes[lab], lab == entity.label_))
        label = entity.label_ if label == "OTHER" else label
        if label == "GPE" and is_acronym(entity.text) and not country_code(entity.text):
            return "ORG"  # "F.B.I." is no place
        return label

    def acronym_of(self, text: str) -> Span | None:
        """The organization whose capitalized words' initials spell ``text`` ("S.E.C." -> Securities and
        Exchange Commission), when the article names exactly one."""
        if self._acronyms is None:
            self._acronyms = {}
            ambiguous = set()
            for k, entity in enumerate(self.entities):
                if entity.label_ != "ORG" or not self.named[k]:
                    continue
                for initials in _initials(entity):
                    other = self._acronyms.setdefault(initials, entity)
                    if self.name_words(other) != self.name_words(entity):
                        ambiguous.add(initials)
            for initials in ambiguous:
                del self._acronyms[initials]
        letters = text.replace(".", "").upper()
        if letters in self._acronyms:
            return self._acronyms[letters]
        if letters not in self._spelled:
            self._spelled[letters] = spelled_out(self.doc, letters)
        return self._spelled[letters]

    def name_words(self, span: Span) -> list[str]:
        """:func:`_name_words` of ``span``, once per span."""
        key = (span.start, span.end)
        if key not in self._name_memo:
            self._name_memo[key] = _name_words(span)
        return self._name_memo[key]

    def named_between(self, start: int, end: int) -> bool:
        """Whether a person is named between tokens ``start`` and ``end`` (by bisection: a giant paragraph's every
        description asks it)."""
        if self._person_starts is None:
            self._person_starts = [
                e.start for k, e in enumerate(self.entities) if e.label_ == "PERSON" and self.named[k]
            ]
        return bisect_left(self._person_starts, start) < bisect_left(self._person_starts, end)

    def names_person(self, token: Token) -> bool:
        """Whether a word is (part of) the name of a person the article names ("Lincoln" of "Abraham Lincoln")."""
        return (
            token.pos_ == "PROPN"
            and any(self.entities[k].label_ == "PERSON" for k in self.by_word.get(_word(token), ()))
            or token.ent_type_ == "PERSON"
        )


def _initials(entity: Span) -> list[str]:
    """The acronyms an organization's name may have: its capitalized words' initials, and for a company with its
    legal form closing the name, those with that form's letter too ("Analog Devices Inc." is "AD" or "ADI")."""
    initials = "".join(t.text[0] for t in entity if t.is_alpha and t.is_title and t.lower_ not in ACRONYM_SKIP)
    if len(initials) < 2 or not initials.isupper():
        return []
    last = entity[-1]
    if last.text[:1].isupper() and last.lower_.rstrip(".") in _COMPANY_SUFFIXES and not last.is_alpha:
        return [initials, initials + last.text[0]]
    return [initials]
