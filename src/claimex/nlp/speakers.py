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

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon.titles import TITLE_WORDS
from .cleaning import HEADLINE, TITLE
from .keys import PARAGRAPHS, QUOTATIONS
from .profiles import entity_index

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our", "its"})
TITLES = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sen", "sen.", "rep", "rep."}
)
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class Speaker:
    name: str
    type: str  # PERSON, ORG, GPE, NORP or OTHER
    entity: Span | None = None  # the fullest mention of the entity in the article


class SpeakerResolver:
    """Resolves speaker mentions of one article, in text order (earlier claims inform later ones).

    Every lookup is indexed once per article (entities by position, by name word, by the noun
    that describes them; earlier speakers by type and by the words of their mention), so a
    claim costs the same in a giant article as in a short one.
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self._index = entity_index(doc)
        self.entities = [e for e in self._index.ents if e.label_ in ENTITY_TYPES]
        self._by_label: dict[str, tuple[list[int], list[Span]]] = {}  # label -> (ends, entities)
        for entity in self.entities:
            ends, spans = self._by_label.setdefault(entity.label_, ([], []))
            ends.append(entity.end)
            spans.append(entity)
        # Names inside quotations are what someone called them ("Crooked Hillary Clinton"), not their names;
        # names in headlines are title case, which the recognizer misreads ("Obama Says").
        quoted = bytearray(len(doc))
        for q in doc.spans.get(QUOTATIONS, []):
            quoted[q.start : q.end] = b"\x01" * (q.end - q.start)
        self.title_end = 0  # the title comes before the names it uses: "…: Spokesperson" is resolved by the body
        for paragraph in doc.spans.get(PARAGRAPHS, []):
            if paragraph.label_ == HEADLINE:
                quoted[paragraph.start : paragraph.end] = b"\x01" * len(paragraph)
            elif paragraph.label_ == TITLE:
                self.title_end = paragraph.end
        self._words = [_name_words(e) for e in self.entities]
        self._by_word: dict[str, list[int]] = {}  # name word -> positions in self.entities of unquoted entities
        for k, (entity, words) in enumerate(zip(self.entities, self._words, strict=True)):
            if not quoted[entity.start]:
                for word in dict.fromkeys(words):
                    self._by_word.setdefault(word, []).append(k)
        self._fullest_by_words: dict[frozenset[str], dict[str, tuple[int, Span]]] = {}
        self._described: dict[str, Span] | None = None  # noun lemma -> first entity described with it
        self.history: list[tuple[Span, Speaker]] = []  # (mention, resolved) of earlier claims
        self._last_of_type: dict[str, tuple[int, Speaker]] = {}  # type -> (history position, speaker)
        self._last_by_lemma: dict[str, Speaker] = {}  # lemma of a mention's word -> latest non-OTHER speaker

    def resolve(self, mention: Span | None) -> Speaker | None:
        if mention is None or len(mention) == 0:
            return None
        speaker = self._resolve(mention)
        if speaker is not None:
            self._last_of_type[speaker.type] = (len(self.history), speaker)
            if speaker.type != "OTHER":
                for token in mention:
                    self._last_by_lemma[token.lemma_.lower()] = speaker
            self.history.append((mention, speaker))
        return speaker

    def _resolve(self, mention: Span) -> Speaker | None:
        head = mention.root
        if head.lower_ in PERSON_PRONOUNS and len(mention) == 1:
            return self._antecedent(mention, ("PERSON",))
        if head.lower_ in GROUP_PRONOUNS and len(mention) == 1:
            return self._antecedent(mention, ("ORG", "GPE", "NORP")) or Speaker(mention.text, "OTHER")
        entity = self._entity_in(mention)
        if entity is not None and entity.label_ == "NORP" and not entity.start <= head.i < entity.end:
            # "The Chinese authorities", "Turkish officials": the group speaks, not the nationality.
            return self._described_as(mention) or Speaker(_without_determiner(mention), "OTHER")
        if entity is not None:
            return self._fullest(entity)
        named = self._apposed_to(mention) or self._named_unrecognized(mention)
        if named is not None:
            return self._fullest(named)
        by_role = self._described_as(mention)
        if by_role is not None:
            return by_role
        return Speaker(_without_determiner(mention), "OTHER")

    def _apposed_to(self, mention: Span) -> Span | None:
        """The named entity a description stands in apposition to ("Turkey, the only Muslim nation that ...")."""
        head = mention.root
        if head.dep_ != "appos" or head.head.i >= head.i:
            return None
        if any(t.text == ":" for t in self.doc[head.head.i : head.i]):
            return None  # "China, Afghanistan to deepen cooperation: Spokesperson" labels, it does not describe
        entity = self._index.at(head.head.i)
        if entity is None or entity.label_ not in ENTITY_TYPES:
            return None
        if entity.label_ == "PERSON" and _plural(head):
            return None  # "Clinton, party leaders and ...": a list, not a description of her
        return entity

    def _named_unrecognized(self, mention: Span) -> Span | None:
        """The article's entity a name the recognizer missed is part of ("Pence says ..." at a sentence's
        start, with "Mike Pence" elsewhere): a mention of capitalized nouns only (the parser may take a name for a
        common noun: "Sanders:"), all of whose words one entity has."""
        if not all(t.pos_ in ("PROPN", "NOUN") and t.is_title for t in mention):
            return None
        longest = self._longest_holding(frozenset(t.lower_ for t in mention))
        found = longest.get("PERSON") or next(iter(longest.values()), None)
        return found[1] if found is not None else None

    def _entity_in(self, mention: Span) -> Span | None:
        inside = [e for e in self._index.within(mention.start, mention.end) if e.label_ in ENTITY_TYPES]
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
        """The longest entity containing this one's name words; a person's name wins over a mislabelled one.

        Of the unquoted entities whose name words hold all of this one's (this one among them):
        the first PERSON of most name words when there is a PERSON, else the first of this
        one's label with most name words, and this one itself unless that has more name words
        than it, or it is not a PERSON and a PERSON was found.
        """
        words = frozenset(_name_words(entity))
        best = entity
        if words:
            longest = self._longest_holding(words)
            label = "PERSON" if "PERSON" in longest else entity.label_
            if label in longest:
                size, other = longest[label]
                if label != entity.label_ or size > len(_name_words(entity)):
                    best = other
        return Speaker(_name_text(best), best.label_, best)

    def _longest_holding(self, words: frozenset[str]) -> dict[str, tuple[int, Span]]:
        """label -> (name words, first entity with that many) of most name words among the unquoted
        entities whose name words hold ``words``."""
        if words not in self._fullest_by_words:
            postings = sorted((self._by_word.get(word, []) for word in words), key=len)
            holding = set(postings[0]).intersection(*postings[1:])
            longest: dict[str, tuple[int, Span]] = {}
            for k in sorted(holding):
                other = self.entities[k]
                size = len(self._words[k])
                if other.label_ not in longest or size > longest[other.label_][0]:
                    longest[other.label_] = (size, other)
            self._fullest_by_words[words] = longest
        return self._fullest_by_words[words]

    def _antecedent(self, mention: Span, types: tuple[str, ...]) -> Speaker | None:
        """The latest earlier speaker of ``types``, else the fullest name of the last entity of ``types`` before ``mention``."""
        latest = [self._last_of_type[t] for t in types if t in self._last_of_type]
        if latest:
            return max(latest, key=lambda item: item[0])[1]
        before = []
        for label in types:
            ends, spans = self._by_label.get(label, ([], []))
            k = bisect_right(ends, mention.start)
            if k:
                before.append(spans[k - 1])
        if before:
            return self._fullest(max(before, key=lambda e: e.start))
        return None

    def _described_as(self, mention: Span) -> Speaker | None:
        """A role or body noun: the earlier speaker or entity described with the same noun."""
        lemma = mention.root.lemma_.lower()
        plural = _plural(mention.root)  # "many diplomats" are not the one diplomat the article named
        earlier = self._last_by_lemma.get(lemma)
        if earlier is not None and not (plural and earlier.type == "PERSON"):
            return earlier
        entity = self._described_with().get(lemma)
        before = entity is not None and (entity.start < mention.start or mention.end <= self.title_end)
        if before and not (plural and entity.label_ == "PERSON"):
            return self._fullest(entity)
        return None

    def _described_with(self) -> dict[str, Span]:
        """Noun lemma -> the first entity described with it: an ORG by its head noun ("ministry"),
        a PERSON by a word of the four before it ("spokesperson ... Geng Shuang")."""
        if self._described is None:
            self._described = {}
            for entity in self.entities:
                if entity.label_ == "ORG":
                    self._described.setdefault(entity.root.lemma_.lower(), entity)
                elif entity.label_ == "PERSON":
                    for t in self.doc[max(entity.start - 4, 0) : entity.start]:
                        self._described.setdefault(t.lemma_.lower(), entity)
        return self._described


def _plural(noun: Token) -> bool:
    return noun.tag_ in ("NNS", "NNPS")


def _name_words(entity: Span) -> list[str]:
    return [t.lower_ for t in _name_tokens(entity) if t.is_alpha]


def _name_tokens(entity: Span) -> list:
    """The entity without leading titles ("Councilor Wang Yi" -> "Wang Yi")."""
    tokens = [t for t in entity if t.lower_ not in TITLES]
    if entity.label_ == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in TITLE_WORDS:
            tokens = tokens[1:]
    # The recognizer may take the possessive in: "Mary J. Blige’s upcoming show".
    while len(tokens) > 1 and (tokens[-1].tag_ == "POS" or tokens[-1].lower_ in ("'s", "’s")):
        tokens = tokens[:-1]
    # ... and marks or a line break around a name: "”― Ana Ruiz\n".
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text != ".")):
        tokens = tokens[:-1]
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
