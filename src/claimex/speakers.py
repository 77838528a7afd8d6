"""Speaker resolution: from the words at the claim to the fullest name the article gives.

Built on spaCy's entities and parse, without a coreference model:

* a name ("Hua", "Mr. Pompeo") becomes the longest PERSON entity in the article
  that contains it ("Hua Chunying");
* a pronoun (he, she; they, we) becomes the previous claim's speaker when that
  was a person (a group for they/we), else the nearest person named before it;
* a role or body ("the spokesperson", "the ministry") becomes the earlier
  speaker or entity described with the same noun ("the spokesperson of the
  Chinese Foreign Ministry Geng Shuang", "Foreign Ministry").

Limits, plainly: no gender is known, so "she" after two people takes the most
recent speaker; a role noun used for two different people in one article
resolves to the first one described.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .titles import TITLE_WORDS

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})
GROUP_PRONOUNS = frozenset({"they", "them", "we"})
TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sen", "sen.", "rep", "rep."})
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class Speaker:
    name: str
    type: str  # PERSON, ORG, GPE, NORP or OTHER
    entity: Span | None = None  # the fullest mention of the entity in the article


class SpeakerResolver:
    """Resolves speaker mentions of one article, in text order (earlier claims inform later ones)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.entities = [e for e in doc.ents if e.label_ in ENTITY_TYPES]
        self.history: list[tuple[Span, Speaker]] = []  # (mention, resolved) of earlier claims
        # Names inside quotations are what someone called them ("Crooked Hillary Clinton"), not their names.
        self.quoted = {i for q in doc.spans.get("claimex_quotations", []) for i in range(q.start, q.end)}

    def resolve(self, mention: Span | None) -> Speaker | None:
        if mention is None or len(mention) == 0:
            return None
        speaker = self._resolve(mention)
        if speaker is not None:
            self.history.append((mention, speaker))
        return speaker

    def _resolve(self, mention: Span) -> Speaker | None:
        head = mention.root
        if head.lower_ in PERSON_PRONOUNS and len(mention) == 1:
            return self._antecedent(mention, ("PERSON",))
        if head.lower_ in GROUP_PRONOUNS and len(mention) == 1:
            return self._antecedent(mention, ("ORG", "GPE", "NORP")) or Speaker(mention.text, "OTHER")
        entity = self._entity_in(mention)
        if entity is not None:
            return self._fullest(entity)
        by_role = self._described_as(mention)
        if by_role is not None:
            return by_role
        return Speaker(_without_determiner(mention), "OTHER")

    def _entity_in(self, mention: Span) -> Span | None:
        inside = [e for e in self.entities if e.start >= mention.start and e.end <= mention.end]
        if not inside:
            return None
        persons = [e for e in inside if e.label_ == "PERSON"]
        pool = persons or inside
        # The head's own entity first, else the rightmost (names follow their titles).
        for entity in pool:
            if entity.start <= mention.root.i < entity.end:
                return entity
        return pool[-1]

    def _fullest(self, entity: Span) -> Speaker:
        """The longest entity containing this one's name words; a person's name wins over a mislabelled one."""
        words = set(_name_words(entity))
        best = entity
        for other in self.entities:
            if not words or not words <= set(_name_words(other)) or other.start in self.quoted:
                continue
            better_label = other.label_ == "PERSON" and best.label_ != "PERSON"
            if better_label or (other.label_ == best.label_ and len(_name_words(other)) > len(_name_words(best))):
                best = other
        return Speaker(_name_text(best), best.label_, best)

    def _antecedent(self, mention: Span, types: tuple[str, ...]) -> Speaker | None:
        for _, speaker in reversed(self.history):
            if speaker.type in types:
                return speaker
        before = [e for e in self.entities if e.end <= mention.start and e.label_ in types]
        if before:
            return self._fullest(before[-1])
        return None

    def _described_as(self, mention: Span) -> Speaker | None:
        """A role or body noun: the earlier speaker or entity described with the same noun."""
        lemma = mention.root.lemma_.lower()
        for earlier, speaker in reversed(self.history):
            if speaker.type != "OTHER" and any(t.lemma_.lower() == lemma for t in earlier):
                return speaker
        for entity in self.entities:
            if entity.start >= mention.start:
                break
            if entity.root.lemma_.lower() == lemma and entity.label_ == "ORG":
                return self._fullest(entity)
            window = self.doc[max(entity.start - 4, 0) : entity.start]
            if entity.label_ == "PERSON" and any(t.lemma_.lower() == lemma for t in window):
                return self._fullest(entity)
        return None


def _name_words(entity: Span) -> list[str]:
    return [t.lower_ for t in _name_tokens(entity) if t.is_alpha]


def _name_tokens(entity: Span) -> list:
    """The entity without leading titles ("Councilor Wang Yi" -> "Wang Yi")."""
    tokens = [t for t in entity if t.lower_ not in TITLES]
    if entity.label_ == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in TITLE_WORDS:
            tokens = tokens[1:]
    return tokens


def _name_text(entity: Span) -> str:
    tokens = _name_tokens(entity)
    if entity.label_ != "PERSON" or not tokens:
        return _without_determiner(entity)
    return entity.doc[tokens[0].i : tokens[-1].i + 1].text


def _without_determiner(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text
