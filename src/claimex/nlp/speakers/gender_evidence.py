"""Gender evidence: the gender an article gives a person, from votes (see :mod:`claimex.lexicon.gender`).

A pronoun's antecedent, a description's holder and the bearer of a shared surname must agree in gender with what
the article says of the person: honorifics ("Mr. Obama", "Ms. Lynch": 3 votes each), gendered role nouns
describing them ("the congresswoman": 2), their own subject and possessive pronouns in sentences naming only them,
as the subject, outside quotations ("Christie said his plan ...": 2 each) and a gendered first name (1).  A
surname alone counts only its own mentions ("Mr. Obama" and "Michelle Obama" are two people).  A tie is no gender.

Limits: first names by a fixed list; no coreference model, so a pronoun in a sentence naming two people is no
vote.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from ...lexicon import gender
from ..profiles import descriptors_of
from .grammar import _is_subject
from .layout import ArticleLayout
from .mentions import MentionIndex
from .speaker import Speaker


def _honorific_gender(span: Span) -> str | None:
    """The gender an honorific at the start of ``span`` or right before it says ("Mr. Obama", "Ms. Lynch")."""
    doc = span.doc
    for i in (span.start, span.start - 1):
        if 0 <= i < len(doc):
            said = gender.HONORIFIC_GENDER.get(doc[i].lower_)
            if said:
                return said
    return None


class GenderEvidence:
    """The gender of each person an article names (None where the evidence is missing or tied), kept per name."""

    def __init__(self, doc: Doc, mentions: MentionIndex, layout: ArticleLayout):
        self.doc = doc
        self.mentions = mentions
        self.layout = layout
        self._genders: dict[tuple[str, ...], str | None] = {}
        self._honorifics: dict[frozenset[str], str | None] = {}  # name words -> honorific_gender_of
        self._pronoun_genders: dict[frozenset[str], Counter] | None = None

    def honorific_gender_of(self, words: list[str]) -> str | None:
        """The gender the honorifics before exactly these name words say, when they agree ("Mr. Obama").
        Kept per name: each of a name's mentions asks it, and each answer reads all of them."""
        key = frozenset(words)
        if key not in self._honorifics:
            said = {
                _honorific_gender(self.mentions.entities[k])
                for k in self.mentions.holding_entities(key)
                if len(self.mentions.words[k]) == len(words)
            } - {None}
            self._honorifics[key] = next(iter(said)) if len(said) == 1 else None
        return self._honorifics[key]

    def of(self, entity: Span) -> str | None:
        """The gender the article gives the person named by ``entity`` (see :mod:`claimex.lexicon.gender`): the votes of
        honorifics, gendered descriptors, pronouns and the first name."""
        words = tuple(self.mentions.name_words(entity))
        if words not in self._genders:
            self._genders[words] = self._find_gender(words)
        return self._genders[words]

    def _find_gender(self, words: tuple[str, ...]) -> str | None:
        """Votes of honorifics (3), gendered descriptors (2), the person's own pronouns (2 each) and the first
        name (1); a surname alone counts only its own mentions ("Mr. Obama" and "Michelle Obama" are two
        people)."""
        votes: Counter = Counter()
        for k in self.mentions.holding_entities(frozenset(words)):
            if len(words) < 2 and len(self.mentions.words[k]) != len(words):
                continue
            entity = self.mentions.entities[k]
            said = _honorific_gender(entity)
            if said:
                votes[said] += 3
            for descriptor in descriptors_of(entity):
                for token in descriptor:
                    noun = gender.NOUN_GENDER.get(token.lower_)
                    if noun and token.pos_ == "NOUN":
                        votes[noun] += 2
        votes.update(self._pronoun_votes().get(frozenset(words), Counter()))
        if len(words) >= 2:
            named = gender.first_name_gender(words[0])
            if named:
                votes[named] += 1
        if not votes:
            return None
        (top, n), *rest = votes.most_common()
        return top if not rest or rest[0][1] < n else None

    def _pronoun_votes(self) -> dict[frozenset[str], Counter]:
        """Name words -> the genders of subject and possessive pronouns in sentences naming only that person, as
        their subject, after the name and outside quotations ("Christie said his plan ...": a vote for male).  Built
        once per article."""
        if self._pronoun_genders is None:
            self._pronoun_genders = {}
            mentions = self.mentions
            sentence_starts = [*self.layout.sentence_starts, len(self.doc)]
            k = 0
            for start, end in zip(sentence_starts, sentence_starts[1:], strict=False):
                people = []
                while k < len(mentions.entities) and mentions.entities[k].start < end:
                    if (
                        mentions.entities[k].label_ == "PERSON"
                        and mentions.entities[k].start >= start
                        and mentions.named[k]
                    ):
                        people.append(k)
                    k += 1
                if len({frozenset(mentions.words[p]) for p in people}) != 1:
                    continue
                first = mentions.entities[people[0]]
                if not _is_subject(first.root):
                    continue  # "He linked cybersecurity to Hillary Clinton's use ..., an opportunity he missed"
                for token in self.doc[first.end : end]:
                    said = gender.PRONOUN_GENDER.get(token.lower_)
                    # A subject or possessive pronoun may be the person ("Christie said his plan ..."); an
                    # object in the person's own clause is someone else ("Michelle Obama introduced him").
                    coreferent = token.dep_ in ("nsubj", "nsubjpass") or token.tag_ == "PRP$"
                    if said and coreferent and not self.layout.quoted[token.i]:
                        self._pronoun_genders.setdefault(frozenset(mentions.words[people[0]]), Counter())[said] += 2
        return self._pronoun_genders

    def of_speaker(self, speaker: Speaker) -> str | None:
        """The gender of a resolved speaker's fullest entity (None for one without: "A and B", a description)."""
        return self.of(speaker.entity) if speaker.entity is not None else None
