"""What an article says of the person a name names: honorifics, gendered nouns, their own pronouns, person nouns.

Two questions read the same evidence.  *Which gender* (:mod:`.gender_evidence`): honorifics before a mention ("Mr.
Obama": 3 votes), gendered nouns describing it ("the congresswoman": 2), and the person's own subject and
possessive pronouns in sentences naming only them, as the subject, after the name and outside quotations, but
not in a "who" clause of someone else nor after a gendered noun for another person of the pronoun's gender
("Christie said his plan ...": 2 each; not "Melanie said to the nominee, who began his speech", nor "Holly Largy
said the man was taken to hospital before he could speak").  *Whether a person at all*, whatever the recognizer's label: a name that
opens with a first name of the name data, is written as a name and holds no organization's word is a person when
the article says anything of a person about it or about its surname alone: a gender vote, a person's honorific
on the surname ("Mr. Prasad"), or a noun for a person as its title or apposed to it ("former tech executive Carly
Fiorina", "Fiorina, the former Hewlett-Packard CEO"), not "the chairman of Bear Stearns" (the name is the noun's
complement) nor "the watchdog group Media Matters" (a group).  A first name the name data lacks ("Eswar Prasad, a
professor") needs two of the three.

Limits: one pronoun vote per sentence naming one person only; no coreference model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ...lexicon import gender
from ...lexicon.nouns import names_person
from ...lexicon.titles import TITLE_WORDS
from ..profiles import descriptors_of, honorific_gender
from .grammar import _is_subject
from .layout import ArticleLayout
from .names import _ORG_NAME_WORDS

Holding = Callable[[frozenset[str]], list[int]]


class PersonEvidence:
    """The evidence an article gives for each name, over the article's entities (``entities``, their name
    ``words``, whether each is ``named`` outside quotations) and ``holding``: name words -> the entities holding
    them (:meth:`.mentions.MentionIndex.holding_entities`)."""

    def __init__(
        self,
        doc: Doc,
        layout: ArticleLayout,
        entities: list[Span],
        words: list[list[str]],
        named: list[bool],
        holding: Holding,
    ):
        self.doc = doc
        self.layout = layout
        self.entities = entities
        self.words = words
        self.named = named
        self.holding = holding
        self._pronoun_genders: dict[frozenset[str], Counter] | None = None
        self._says_person: dict[tuple[str, ...], bool] = {}
        self._gender_votes: dict[tuple[str, ...], Counter] = {}

    def says_person(self, words: list[str]) -> bool:
        """Whether these name words name a person whatever their label (see the module doc)."""
        key = tuple(words)
        if key not in self._says_person:
            self._says_person[key] = self._find_says_person(words)
        return self._says_person[key]

    def _find_says_person(self, words: list[str]) -> bool:
        if not self._name_shaped(words):
            return False
        surname = words[-1:]
        evidence = (
            self._surname_honored(words),
            bool(self.gender_votes(words)),
            self._described_as_person(words) or self._described_as_person(surname),
            self._staff_of_organization(words),
        )
        return any(evidence) if self.first_name_led(words) else sum(evidence) >= 2

    def _may_be_person(self, words: list[str]) -> bool:
        """Led by a first name of the name data, or a name whose surname alone carries an honorific."""
        return self.first_name_led(words) or (self._name_shaped(words) and self._surname_honored(words))

    def _name_shaped(self, words: list[str]) -> bool:
        """Two or three name words, no organization's word among them, written as a person's name somewhere."""
        if not 2 <= len(words) <= 3 or any(w in _ORG_NAME_WORDS for w in words):
            return False
        return any(_name_shaped(self.entities[k]) for k in self._exactly(words))

    def _surname_honored(self, words: list[str]) -> bool:
        """Whether the article gives the surname alone a person's honorific ("Mr. Prasad")."""
        return any(honorific_gender(self.entities[k]) for k in self._exactly(words[-1:]))

    def gender_votes(self, words: list[str] | tuple[str, ...]) -> Counter:
        """The gender votes of what the article says of the person (the first name aside); a surname alone
        counts only its own mentions ("Mr. Obama" and "Michelle Obama" are two people).  Counted once per name (a
        name mentioned thousands of times is asked for at each claim); the caller gets its own copy."""
        key = tuple(words)
        if key not in self._gender_votes:
            self._gender_votes[key] = self._count_gender_votes(key)
        return Counter(self._gender_votes[key])

    def _count_gender_votes(self, words: tuple[str, ...]) -> Counter:
        votes: Counter = Counter()
        for k in self.holding(frozenset(words)):
            if len(words) < 2 and len(self.words[k]) != len(words):
                continue
            entity = self.entities[k]
            said = honorific_gender(entity)
            if said:
                votes[said] += 3
            for descriptor in descriptors_of(entity):
                for token in descriptor:
                    noun = gender.NOUN_GENDER.get(token.lower_)
                    if noun and _gendered_noun(token, entity):
                        votes[noun] += 2
        votes.update(self._pronoun_votes().get(frozenset(words), Counter()))
        return votes

    def first_name_led(self, words: list[str] | tuple[str, ...]) -> bool:
        """Two or three name words led by a first name of the name data, holding no organization's word and
        written as a person's name somewhere ("Carly Fiorina"; not "KING-TV" or "CLEVELAND - Donald Trump")."""
        return bool(words) and gender.is_first_name(words[0]) and self._name_shaped(list(words))

    def _described_as_person(self, words: list[str]) -> bool:
        return any(
            _describes_as_person(descriptor, self.entities[k])
            for k in self._exactly(words)
            for descriptor in descriptors_of(self.entities[k])
        )

    def _staff_of_organization(self, words: list[str]) -> bool:
        """Whether the article writes the name as an organization's own ("CNN's Manu Raju", "The Hill's Niall
        Stanage"): an outlet's or a body's reporter, analyst or official."""
        return any(_possessed_by_organization(self.entities[k]) for k in self._exactly(words))

    def _exactly(self, words: list[str] | tuple[str, ...]) -> list[int]:
        key = frozenset(words)
        return [k for k in self.holding(key) if len(self.words[k]) == len(key)]

    def _pronoun_votes(self) -> dict[frozenset[str], Counter]:
        """Name words -> the genders of subject and possessive pronouns in sentences naming only that person, as
        their subject, after the name and outside quotations.  Built once per article."""
        if self._pronoun_genders is None:
            self._pronoun_genders = {}
            sentence_starts = [*self.layout.sentence_starts, len(self.doc)]
            k = 0
            for start, end in zip(sentence_starts, sentence_starts[1:], strict=False):
                people = []
                while k < len(self.entities) and self.entities[k].start < end:
                    person = self.entities[k].label_ == "PERSON" or self._may_be_person(self.words[k])
                    if person and self.entities[k].start >= start and self.named[k]:
                        people.append(k)
                    k += 1
                if len({frozenset(self.words[p]) for p in people}) == 1:
                    self._count_pronouns(people[0], end)
        return self._pronoun_genders

    def _count_pronouns(self, k: int, end: int) -> None:
        first = self.entities[k]
        if not _is_subject(first.root) or self._pronoun_genders is None:
            return  # "He linked cybersecurity to Hillary Clinton's use ..., an opportunity he missed"
        others: set[str] = set()  # the genders of the other persons a noun named since the name
        for token in self.doc[first.end : end]:
            said = gender.PRONOUN_GENDER.get(token.lower_)
            # A subject or possessive pronoun may be the person ("Christie said his plan ..."); an object in the
            # person's own clause is someone else ("Michelle Obama introduced him"), and so may be one of the
            # gender of a person a noun named after the name ("Holly Largy said the man ... before he was ...").
            coreferent = token.dep_ in ("nsubj", "nsubjpass") or token.tag_ == "PRP$"
            if _another_person(token, first):
                others.add(gender.NOUN_GENDER[token.lower_])
                continue
            own = said and coreferent and said not in others and not self.layout.quoted[token.i]
            if own and not _in_relative_clause(token, first.root):
                self._pronoun_genders.setdefault(frozenset(self.words[k]), Counter())[said] += 2


def _another_person(token: Token, name: Span) -> bool:
    """A gendered noun for a person other than the name's ("the man", "his wife"), not one describing the name
    ("Jane Doe, a mother of three, said ...")."""
    if token.pos_ != "NOUN" or token.lower_ not in gender.NOUN_GENDER:
        return False
    return not (token.dep_ in ("appos", "attr") and token.head.i in (name.root.i, name.root.head.i))


def _gendered_noun(token: Token, name: Span) -> bool:
    """A gendered noun as a noun or a title ("the congresswoman", "Councilwoman Jane Doe", "councilwoman Lilisa
    Mimms", which the tagger may take for a name's part); not a name's own word ("Mother Jones reporter", "Queen
    City")."""
    if token.pos_ == "NOUN":
        return True
    title = token.is_lower or (token.lower_ in TITLE_WORDS and not name.start <= token.i < name.end)
    return token.pos_ == "PROPN" and title


def _possessed_by_organization(name: Span) -> bool:
    """Whether an organization's name possesses the name ("CNN's Manu Raju"; not "Trump's Mar-a-Lago")."""
    return any(
        _possessor(child) and child.ent_type_ == "ORG" and not name.start <= child.i < name.end
        for child in name.root.children
    )


def _possessor(token: Token) -> bool:
    """A possessor, as the parser marks it or with its "'s" ("The Washington Post’s" may be a modifier to it)."""
    return token.dep_ == "poss" or any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in token.children)


def _in_relative_clause(token: Token, name: Token) -> bool:
    """Whether ``token`` is in a "who" clause of a noun other than the name's head: its pronouns are that person's
    ("Melanie said to the Republican nominee, who began his speech ..."), unlike those of a clause about a thing
    ("Obama chose a judge whom Republicans praised for his record" may be either)."""
    return any(
        a.dep_ == "relcl" and a.head.i != name.i and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in a.children)
        for a in token.ancestors
    )


def _describes_as_person(descriptor: list[Token], name: Span) -> bool:
    """Whether a descriptor's head is a noun for a person, written as a title before the name or apposed to it across
    a comma ("Concord resident Whit Symms", "Christian Estrosi, a former mayor", "Legault's spokesperson, Ewan
    Sauves"; not "the chairman of Bear Stearns", where the name is the noun's complement, nor "the watchdog group
    Media Matters")."""
    inside = {t.i for t in descriptor}
    heads = [t for t in descriptor if t.head.i not in inside]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN"):
        return False
    head = heads[0]
    doc = name.doc
    apposed = head.i > name.end and any(t.text == "," for t in doc[name.end : head.i])
    apposed_to = name.root.dep_ == "appos" and name.root.head.i == head.i and doc[name.start - 1].text == ","
    if name.root.head.i in inside and not apposed_to:
        return False
    return names_person(head.lemma_.lower()) and (head.i < name.start or apposed)


def _name_shaped(entity: Span) -> bool:
    """Written as a person's name: capitalized words and initials, nothing else ("Brett O’Donnell", "Mary J.
    Blige"; not "KING-TV", "CLEVELAND - Donald Trump")."""
    return all(
        t.is_title or (len(t.text) == 2 and t.text[0].isupper() and t.text[1] == ".") or _joining_hyphen(t)
        for t in entity
    )


def _joining_hyphen(token: Token) -> bool:
    """A hyphen inside a name ("Jean-François")."""
    doc = token.doc
    return (
        token.text == "-" and 0 < token.i < len(doc) - 1 and not doc[token.i - 1].whitespace_ and not token.whitespace_
    )
