"""Speaker resolution: from the words at the claim to the fullest name the article gives.

Built on spaCy's entities and parse, as a careful reader resolves a speaker:

* a **name** ("Hua", "Mr. Pompeo", "WALLACE:") becomes the fullest name of that person in the
  article ("Hua Chunying"): the longest PERSON entity holding its words.  Where two people share
  the surname ("Barack Obama", "Michelle Obama") the honorific ("Mr. Obama") decides, then one
  named in full in the same paragraph before, else the one the surname was first used alone for
  (the one named in full just before that use: "Homeland Security Secretary Jeh Johnson says ...
  Johnson tells MSNBC", with Gary Johnson named earlier).  A surname no one named in full bears may
  be another's misspelled by a letter ("McLenney" of "Tyresha McClenney").  In a mention holding
  several names, the person apposed to its head speaks ("the election, Minyon Moore, a senior
  adviser to the Clinton campaign"), as do the named examples of a group ("Critics, like Senators
  Grassley and Leahy").  Organizations and places extend only to names holding their words in a
  row ("Tax Policy Center" -> "Urban-Brookings Tax Policy Center"; "Mexico" is not "Mexico
  City"); an acronym becomes the article's full name whose initials it is ("IMF" ->
  "International Monetary Fund"), also a run of capitalized words the recognizer splits or misses
  ("Immigration, Refugees and Citizenship Canada (IRCC)", "the Parliamentary Budget Officer").  Two coordinated names are one speaker, "A and B".
* a **pronoun**: "he"/"she" become the best-ranked earlier person whose gender agrees
  (:mod:`claimex.lexicon.gender`: honorifics, gendered role nouns, first names), by recency in
  sentences, subject position (above all the subject of a clause holding the pronoun: "Paul Ryan,
  despite admitting that he ..."), having spoken just before, and how often the article names
  them (also by an office they hold, "the president appeared cowed", or a surname the recognizer
  missed); "it" an earlier organization or place; "they" an earlier pair of speakers or group.
  "I", "my", "we" inside a quotation are the quotation's speaker.
* a **description** ("the Indiana governor", "the senator", "A spokeswoman for Hillary
  Clinton") becomes the person the article describes with that role noun and those
  qualifiers ("Indiana Gov. Mike Pence", "Jennifer Palmieri, a spokeswoman for Hillary
  Clinton"), else the person the description ranker (:mod:`claimex.speakermodel.descriptions`,
  learned from GUM) finds likely enough, else stays the description: never a name that only
  qualifies it ("Indiana", "Hillary Clinton").  A work speaks for its author ("a new report by
  Politico"; "the report" later for the latest one's).  "The Trump campaign", "a Quinnipiac
  University poll" are speakers of their own ("Trump campaign"), and "the campaign" later is
  that one.  An organization noun ("the agency", "the union", "the bank") becomes the
  organization of that kind named in the paragraphs before it.
* a **relative pronoun** ("which", "who") speaks as its antecedent, after a list of names the
  nearest ("Patti LaBelle and Stevie Wonder, who joked").
* a speaker's **type** comes from all mentions of that name in the article (a name the
  recognizer tags PERSON once and ORG twice is an ORG), and names lose recognizer debris:
  verbs, possessives and what follows them ("Clinton Said", "Hillary Clinton's Remarks").

Limits, plainly: no coreference model; pronouns are ranked by a linear model over a few features
(:mod:`claimex.speakermodel.ranker`, hand-set weights: ``claimex train-speakers`` learns others from GUM).  A description
whose holder the article never names with that role is read as a pronoun is only when it is a definite epithet with
a name's qualifier ("The GOP nominee"), the antecedent ranker's leader is clear and nothing the article says of them
conflicts (:mod:`claimex.nlp.attributes`: state, party, country); a place must be stated of them, so "the New York
businessman" for a Trump never placed in New York stays the description: no world knowledge.  First person outside a quotation is the signer of a letter or the person an
op-ed's closing note presents ("Charlotte Meehan is ..."), else stays "I".
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lexicon import gender
from ..lexicon import table as lexicon_table
from ..lexicon import words as lexicon_words
from ..lexicon.cues import SPEECH_VERBS
from ..lexicon.nouns import GROUP, PERSON, names_person, noun_classes
from ..lexicon.titles import HONORIFICS, TITLE_WORDS
from ..normalize.countries import country_code
from ..speakermodel.descriptions import (
    Candidate,
    Description,
    DescriptionRanker,
    description_features,
    shipped_description_ranker,
)
from ..speakermodel.ranker import WINDOW_SENTENCES as _WINDOW_SENTENCES
from ..speakermodel.ranker import AntecedentRanker, candidate_features, shipped_ranker
from .attributes import attributes, conflict, tag_after
from .cleaning import HEADLINE, TITLE
from .headlines import lede_echo
from .keys import PARAGRAPHS, QUOTATIONS
from .profiles import descriptors_of, entity_index, text_after, titled_person
from .relations import Tie, owner_words, person_head, stated_ties, tie_in, tied_to_person

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "we", "us", "our"})
DISTRIBUTIVES = frozenset({"each", "both"})  # "Donald Trump and Hillary Clinton vied ..., each touting"
#: Abbreviated titles a name may begin with ("Mr.", "Sen."): no name words.
TITLES = lexicon_words("title_abbreviations")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")

#: Abbreviated and variant role words, as the article may write them before a name.
ROLE_FORMS = {row[0]: row[1] for row in lexicon_table("role_forms")}
#: Role nouns a description may use for several kinds of office holder ("the lawmaker" is a senator or a
#: representative).
ROLE_CLASSES = {noun: tuple(roles.split()) for noun, roles in lexicon_table("role_classes")}
#: Qualifier words that name the same thing ("the GOP nominee" is the "Republican nominee").
QUALIFIER_FORMS = {row[0]: row[1] for row in lexicon_table("qualifier_forms")}
#: Head nouns that make a name before them a speaker of its own: "the Trump campaign", "a Bloomberg poll".
COLLECTIVE_HEADS = lexicon_words("collective_heads")
#: Organization nouns, and the words an organization of that kind has in its name (none for a generic noun).
ORG_KINDS: dict[str, frozenset[str]] = {
    **{kind: frozenset(names.split()) for kind, names in lexicon_table("org_kinds")},
    **dict.fromkeys(lexicon_words("generic_org_nouns"), frozenset()),
}
#: Role nouns naming an office or title, held by one person at a time in a story's world ("the governor").
_OFFICES = (TITLE_WORDS - HONORIFICS) | set(ROLE_FORMS.values()) | set(ROLE_CLASSES)
_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "to", "on", "in", "&"})

_CATAPHORA_SENTENCES = 2  # a description may name its holder in the next sentences
_MISSPELLED_LENGTH = 5  # a surname this long may be misspelled by a letter ("McLenney" for "McClenney")
_BEARER_PARAGRAPHS = 2  # a surname is the bearer named in full in the last paragraphs ("Jeh Johnson ... Johnson")
_FORMER = frozenset({"former", "ex", "ex-", "onetime", "erstwhile"})  # who held a role before, not now
_HEADLINE_WORDS = 20  # a one-sentence first paragraph this short is the title
_EPITHET_SENTENCES = 3  # an epithet's person was named or spoke in the last sentences
_EPITHET_MARGIN = 1.0  # by how much the antecedent ranker must prefer them to the next person
#: Person nouns naming a tie to someone else ("the spokesman", "the wife"): no epithet of the person just named.
_RELATIONAL = lexicon_words("relational_nouns")


@dataclass(frozen=True)
class Speaker:
    name: str
    type: str  # PERSON, ORG, GPE, NORP or OTHER
    entity: Span | None = None  # the fullest mention of the entity in the article
    plural: bool = False  # two or more people or a group ("A and B")


class SpeakerResolver:
    """Resolves speaker mentions of one article, in text order (earlier claims inform later ones).

    Every lookup is indexed once per article (entities by position, by name word, by the noun
    that describes them; sentences and paragraphs by start), so a claim costs the same in a giant
    article as in a short one, apart from the antecedent ranking's look back over a few sentences.
    """

    def __init__(self, doc: Doc, ranker: AntecedentRanker | None = None, descriptions: DescriptionRanker | None = None):
        self.doc = doc
        self._ranker = ranker or _default_ranker()
        self._descriptions = descriptions or _default_description_ranker()
        self._people: dict[str, _Person] | None = None
        self._index = entity_index(doc)
        self.entities = [_with_nickname(e) for e in self._index.ents if e.label_ in ENTITY_TYPES]
        self._starts = [e.start for e in self.entities]
        quoted, self.title_end, paragraph_starts = _layout(doc)
        self._quoted = quoted
        self._paragraph_starts = paragraph_starts
        self._paragraphs = sorted(doc.spans.get(PARAGRAPHS, []), key=lambda p: p.start)
        self._sentence_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self._name_memo: dict[tuple[int, int], list[str]] = {}
        self._words = [self._name_words(e) for e in self.entities]
        # Names inside quotations are what someone called them ("Crooked Hillary Clinton"), not their names;
        # names in headlines are title case, which the recognizer misreads; a title's names count only where
        # the body has none (:meth:`_fullest_person`).
        self._named = [not quoted[e.start] for e in self.entities]
        self._by_word: dict[str, list[int]] = {}  # name word -> positions in self.entities of named entities
        for k, words in enumerate(self._words):
            if self._named[k]:
                for word in dict.fromkeys(words):
                    self._by_word.setdefault(word, []).append(k)
        self._holding: dict[frozenset[str], list[int]] = {}
        self._labels: dict[tuple[str, ...], Counter] = {}
        self._acronyms: dict[str, Span] | None = None
        self._spelled: dict[str, Span | None] = {}  # acronyms no organization entity spells
        self._roles: dict[str, list[tuple[int, frozenset[str], int]]] | None = None
        self._named_heads: dict[str, list[tuple[int, str]]] | None = None
        self._authors: dict[int, tuple[str, Speaker]] | None = None
        self._resolved: dict[tuple[int, int, int], Speaker] = {}  # (entity start, end, mention start) -> speaker
        self._genders: dict[tuple[str, ...], str | None] = {}
        self._honorifics: dict[frozenset[str], str | None] = {}  # name words -> _honorific_gender_of
        self._bearers: dict[tuple[frozenset[str], tuple[frozenset[str], ...]], frozenset[str]] = {}  # _bearer
        self._misspellings: dict[str, Span | None] = {}  # surname -> _misspelled_bearer
        self._office_holders: dict[int, Speaker | None] = {}  # token -> _described_between
        self._unrecognized: dict[int, Speaker | None] = {}  # token -> _unrecognized_between
        self._pronoun_genders: dict[frozenset[str], Counter] | None = None
        self.history: list[tuple[Span, Speaker, bool]] = []  # (mention, resolved, nested) of earlier claims
        self._last_by_lemma: dict[str, tuple[Span, Speaker]] = {}  # a mention's head lemma -> latest speaker
        self._person_starts: list[int] | None = None  # starts of the named PERSON entities, built on first use
        self._ties: list[Tie] | None = None  # ties the article states the holder of (:mod:`.relations`)

    # ------------------------------------------------------------------ entry point

    def resolve(self, mention: Span | None, enclosing: Speaker | None = None, nested: bool = False) -> Speaker | None:
        """The speaker ``mention`` names; ``enclosing`` is the speaker of a claim whose statement holds the
        mention ("I" inside a quotation is its speaker).  A ``nested`` claim (its speaker named inside another
        claim's statement: "rejected Pompeo's statement that ...") is no salient speaker for later pronouns."""
        if mention is None or len(mention) == 0:
            return None
        speaker = self._resolve(mention, enclosing)
        if speaker is not None:
            if speaker.type != "OTHER":
                for token in mention:
                    if token.pos_ in ("NOUN", "PROPN"):
                        self._last_by_lemma[_role_form(token)] = (mention, speaker)
            self.history.append((mention, speaker, nested))
        return speaker

    def _resolve(self, mention: Span, enclosing: Speaker | None) -> Speaker | None:
        head = mention.root
        word = head.lower_
        antecedent = _relative_antecedent(mention)
        if antecedent is not None:  # "the Chicago Police Department, which said ..." speaks as its antecedent
            return self._resolve(antecedent, enclosing)
        if len(mention) == 1 or (len(mention) == 2 and mention[-1].tag_ == "POS"):
            if word in FIRST_PERSON and self._quoted[head.i]:
                return enclosing or Speaker(mention.text, "OTHER")
            if word in ("i", "me", "my", "mine"):
                return self._writer(mention.start) or Speaker(mention.text, "OTHER")
            if word in PERSON_PRONOUNS:
                return self._person_antecedent(mention, gender.PRONOUN_GENDER.get(word))
            if word in THING_PRONOUNS:
                return self._thing_antecedent(mention) or Speaker(mention.text, "OTHER")
            if word in GROUP_PRONOUNS:
                return self._group_antecedent(mention) or Speaker(mention.text, "OTHER")
            if word in DISTRIBUTIVES:
                return self._pair_antecedent(mention) or Speaker(mention.text, "OTHER")
        pair = self._coordinated(mention)
        if pair is not None:
            return pair
        entity = self._entity_in(mention)
        # A title-case headline's role noun is a proper noun to the parser: "Former White House Doctor Says".
        before = self.doc[head.i - 1] if head.i else head
        titled_role = (
            head.pos_ == "PROPN"
            and head.i == max((t.i for t in mention if not t.is_punct), default=head.i)  # not "CEO Carly Fiorina"
            and names_person(head.lower_)
            and not gender.first_name_gender(before.text)
        )
        common = head.pos_ == "NOUN" or titled_role
        if entity is not None and not entity.start <= head.i < entity.end and common:
            # "An attorney for Pagliano, Mark MacDougall" is MacDougall; "Ivana Trump's brief" speaks for her;
            # "The Trump campaign" speaks as itself; "the Indiana governor" is not Indiana.
            example = _named_example(head, entity)  # "Critics of the program, like Senators Grassley and Leahy"
            named = self._index.at(example.i) if example is not None else None
            named = named or _apposed_name(head, entity) or _author(head, entity)
            if named is not None:  # "The Democratic candidates, Hillary Clinton and Bernie Sanders" are both
                return self._coordinated(self.doc[named.start : named.end]) or self._fullest(named, mention)
            apposed = self._apposed_to(mention)  # "Ban Ki-moon, the secretary general of the United Nations,"
            if apposed is not None and apposed.label_ == "PERSON":
                return self._fullest(apposed, mention)
            institution = entity.label_ in ("ORG", "GPE") and self._type_of(entity) != "PERSON"
            if _plural(head) and institution and entity.root.head.i == head.i:
                return self._fullest(entity, mention)  # "White House officials": the institution speaks
            return self._compound(mention, entity) or self._description(mention)
        if entity is not None and head.pos_ == "PROPN" and head.lower_ in _ORG_NAME_WORDS and head.i >= entity.end:
            # The recognizer took a place for the name: "The Miami-Dade Police" with "Miami" a GPE.
            return Speaker(_without_determiner(self.doc[entity.start : head.i + 1]), "ORG")
        if entity is not None and _possessed_name_head(entity, head):
            return self._possessed_name(head)  # "Fox News' Megyn Kelly", her name missed by the recognizer
        if entity is not None:
            return self._fullest(entity, mention)
        named = self._apposed_to(mention) or self._named_unrecognized(mention)
        if named is not None:
            return self._fullest(named, mention)
        return self._description(mention)

    # ------------------------------------------------------------------ names

    def _entity_in(self, mention: Span) -> Span | None:
        inside = [e for e in self._index.within(mention.start, mention.end) if e.label_ in ENTITY_TYPES]
        if not inside:
            return None
        persons = [e for e in inside if e.label_ == "PERSON"]
        pool = persons or inside
        # The head's own entity first, else a person in apposition to it ("the election, Minyon Moore, a senior
        # adviser to the Clinton campaign" is not Clinton), else the rightmost (names follow their titles).
        for entity in pool:
            if entity.start <= mention.root.i < entity.end:
                return entity
        apposed = [e for e in persons if _apposed_below(e.root, mention.root)]
        return (apposed or pool)[-1]

    def _apposed_to(self, mention: Span) -> Span | None:
        """The named entity a description stands in apposition to ("Turkey, the only Muslim nation that ...")."""
        head = mention.root
        named = head.head if head.dep_ == "appos" else _subject_before(head, mention.start)
        if named is None or named.i >= head.i:
            return None
        if any(t.text == ":" for t in self.doc[named.i : head.i]):
            return None  # "China, Afghanistan to deepen cooperation: Spokesperson" labels, it does not describe
        entity = self._index.at(named.i)
        if entity is None or entity.label_ not in ENTITY_TYPES:
            return None
        if entity.label_ == "PERSON" and _plural(head):
            return None  # "Clinton, party leaders and ...": a list, not a description of her
        return entity

    def _named_unrecognized(self, mention: Span) -> Span | None:
        """The article's entity a name the recognizer missed is part of ("Pence says ..." at a sentence's
        start, with "Mike Pence" elsewhere; "WALLACE:" in a transcript): a mention of capitalized nouns only
        (the parser may take a name for a common noun: "Sanders:"), all of whose words one entity has;
        or an acronym of one ("AROS")."""
        tokens = [t for t in mention if t.tag_ != "POS"]
        if not tokens or not all(t.pos_ in ("PROPN", "NOUN") and (t.is_title or t.is_upper) for t in tokens):
            return None
        if len(tokens) == 1 and _is_acronym(tokens[0].text):
            found = self._acronym_of(tokens[0].text)
            if found is not None:
                return found
        holding = self._holding_entities(frozenset(_word(t) for t in tokens))
        persons = [k for k in holding if self.entities[k].label_ == "PERSON"]
        pool = persons or holding
        return self.entities[pool[0]] if pool else None

    def _possessed_name(self, head: Token) -> Speaker:
        """A name after a possessor, which the recognizer missed ("Fox News' Megyn Kelly"): the person of the
        article holding its words, else the name as written."""
        start = min((c.i for c in head.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"), default=head.i)
        name = self.doc[start : head.i + 1]
        named = self._named_unrecognized(name)
        if named is not None:
            return self._fullest(named, name)
        return Speaker(name.text, "PERSON" if gender.first_name_gender(name[0].text) else "OTHER")

    def _fullest(self, entity: Span, mention: Span) -> Speaker:
        """The fullest name of ``entity``'s referent (see the module doc), typed from all its mentions."""
        key = (entity.start, entity.end, mention.start)
        if key not in self._resolved:
            self._resolved[key] = self._find_fullest(entity, mention)
        return self._resolved[key]

    def _find_fullest(self, entity: Span, mention: Span) -> Speaker:
        if entity.label_ == "ORG" and _is_acronym(entity.text):
            expanded = self._acronym_of(entity.text)
            if expanded is not None:
                entity = expanded
        words = self._name_words(entity)
        best = entity
        if words:
            if entity.label_ == "PERSON" or self._person_named(words):
                best = self._fullest_person(entity, words, mention) or entity
            else:
                best = self._fullest_other(entity, words)
        label = self._type_of(best)
        if label != "PERSON" and best.label_ != "PERSON":
            titled = titled_person(best)
            if titled is not None:  # "Secretary of State Pompeo" tagged ORG "State Pompeo"
                return Speaker(titled.name, "PERSON", best)
        return Speaker(name_text(best, label), label, best)

    def _fullest_person(self, entity: Span, words: list[str], mention: Span) -> Span | None:
        """Of the people whose names hold ``words``, the one meant at ``mention``: the only one, else the one
        whose gender agrees with an honorific at the mention, else the latest named before it."""
        holding = [k for k in self._holding_entities(frozenset(words)) if self._is_person_name(k)]
        # A title's name is trusted only where its other words are first names ("Derelict Obama" is not).
        holding = [
            k
            for k in holding
            if self.entities[k].start >= self.title_end or self._first_names_only(self._words[k], words)
        ]
        if not holding:
            return None
        if len(words) == 1 and all(len(self._words[k]) == 1 for k in holding):
            misspelled = self._misspelled_bearer(words[0])
            if misspelled is not None:  # "McLenney said" of "Tyresha McClenney"
                return misspelled
        first_of: dict[frozenset[str], int] = {}  # name words -> first entity with them
        for k in holding:
            first_of.setdefault(frozenset(self._words[k]), k)
        names = [n for n in first_of if not any(n < other for other in first_of)]  # names no other name holds
        # A name extends only to a person of its gender ("Mr. Obama" is not Michelle Obama, the only Obama named
        # in full), by the honorifics before it.
        own = _honorific_gender(mention) or _honorific_gender(entity) or self._honorific_gender_of(words)
        if own is not None:
            names = [n for n in names if gender.agrees(self._gender(self.entities[first_of[n]]), own)]
        if not names:
            return None
        if len(names) > 1:
            # A second bearer named in the same paragraph just before is meant ("Jeh Johnson ... Johnson said");
            # else the one the name was first used alone for.
            paragraph = self._paragraph(mention.start)
            recent = [n for n in names if self._paragraph(self._latest_before(n, mention.start)) == paragraph]
            names = sorted(recent, key=lambda n: self._latest_before(n, mention.start))[-1:] or [
                self._bearer(words, {n: first_of[n] for n in names}, mention.start)
            ]
        return self.entities[first_of[names[0]]]

    def _bearer(self, words: list[str], first_of: dict[frozenset[str], int], at: int) -> frozenset[str]:
        """Which of several people named in full (``first_of``: their names and first entities, in the order the
        article introduces them) a name of
        theirs used alone (``words``: "Johnson") means: the one it was first used alone for, as a reader takes
        it on: the one named in full latest before that first use, in its last paragraphs ("Homeland Security
        Secretary Jeh Johnson says ... Johnson tells MSNBC"), the subject or else the first named of a sentence
        naming two ("for his wife Hillary Clinton, Bill Clinton said"), else the one introduced first.  Kept per
        name."""
        names = list(first_of)
        key = (frozenset(words), tuple(names))
        if key not in self._bearers:
            alone = [k for k in self._holding_entities(key[0]) if self._named[k] and len(self._words[k]) == len(words)]
            first_use = min([at, *(self.entities[k].start for k in alone if self.entities[k].start >= self.title_end)])
            paragraph = self._paragraph(first_use)
            latest = {n: self._latest_before(n, first_use) for n in names}
            # ... of the gender the name alone has ("Clinton allowed her staff" is not Bill Clinton).
            said = self._gender(self.entities[alone[0]]) if alone else None
            recent = [
                n
                for n in names
                if latest[n] >= 0
                and paragraph - self._paragraph(latest[n]) <= _BEARER_PARAGRAPHS
                and gender.agrees(self._gender(self.entities[first_of[n]]), said)
            ]
            # Latest by sentence; in one sentence, the subject, else the first named.
            ranked = sorted(recent, key=lambda n: (self._sentence(latest[n]), self._subject_at(latest[n]), -latest[n]))
            self._bearers[key] = ranked[-1] if ranked else names[0]
        return self._bearers[key]

    def _misspelled_bearer(self, surname: str) -> Span | None:
        """The one person named in full whose surname is ``surname`` misspelled by a letter ("McLenney",
        "Wines" of "Tyresha McClenney", "Leslie Wimes"), for a surname of five letters or more no one named in full
        bears; else None."""
        if surname not in self._misspellings:
            found: dict[frozenset[str], int] = {}
            if len(surname) >= _MISSPELLED_LENGTH:
                for k, entity in enumerate(self.entities):
                    words = self._words[k]
                    full = entity.label_ == "PERSON" and self._named[k] and len(words) >= 2
                    if full and words[-1][0] == surname[0] and _one_letter_apart(words[-1], surname):
                        found.setdefault(frozenset(words), k)
            self._misspellings[surname] = self.entities[next(iter(found.values()))] if len(found) == 1 else None
        return self._misspellings[surname]

    def _subject_at(self, start: int) -> bool:
        """Whether the name at ``start`` is a subject, or in apposition to one ("former president Bill Clinton")."""
        entity = self._index.at(start)
        if entity is None:
            return False
        root = entity.root
        while root.dep_ in ("appos", "compound") and root.head.i != root.i:
            root = root.head
        return _is_subject(root)

    def _honorific_gender_of(self, words: list[str]) -> str | None:
        """The gender the honorifics before exactly these name words say, when they agree ("Mr. Obama").
        Kept per name: each of a name's mentions asks it, and each answer reads all of them."""
        key = frozenset(words)
        if key not in self._honorifics:
            said = {
                _honorific_gender(self.entities[k])
                for k in self._holding_entities(key)
                if len(self._words[k]) == len(words)
            } - {None}
            self._honorifics[key] = next(iter(said)) if len(said) == 1 else None
        return self._honorifics[key]

    def _first_names_only(self, name: list[str], words: list[str]) -> bool:
        return all(w in words or gender.first_name_gender(w) for w in name)

    def _fullest_other(self, entity: Span, words: list[str]) -> Span:
        """The longest organization (or group) name holding ``words`` in a row; a place is itself."""
        if entity.label_ == "GPE":
            return entity
        best, size = entity, len(words)
        for k in self._holding_entities(frozenset(words)):
            other = self._words[k]
            if len(other) > size and self.entities[k].label_ != "PERSON" and _in_a_row(words, other):
                best, size = self.entities[k], len(other)
        return best

    def _is_person_name(self, k: int) -> bool:
        entity = self.entities[k]
        return entity.label_ == "PERSON" or (
            not any(w in _ORG_NAME_WORDS for w in self._words[k]) and self._person_named(self._words[k])
        )

    def _person_named(self, words: list[str]) -> bool:
        """Whether the article names a person with these words: a PERSON entity of two or more name words holds
        them ("Caddell", tagged ORG, in an article about "Pat Caddell"), or most entities of just these words
        are PERSON."""
        if any(w in _ORG_NAME_WORDS for w in words):
            return False
        for k in self._holding_entities(frozenset(words)):
            if self.entities[k].label_ == "PERSON" and len(self._words[k]) >= 2:
                return True
        if self._labels_of(words).most_common(1)[0][0] == "PERSON":
            return True
        # Whatever the recognizer's label, a first name with what the article says of a person ("Carly Fiorina
        # ... she", "Ms. Fiorina").
        return self._first_name_led(words) and (
            bool(self._stated_gender_votes(tuple(words))) or self._described_as_person(words)
        )

    def _described_as_person(self, words: list[str]) -> bool:
        """Whether a mention of exactly these name words is described by a noun for a person ("former tech
        executive Carly Fiorina", "Vanessa Iampaglia, a teacher")."""
        key = frozenset(words)
        return any(
            _describes_as_person(descriptor, self.entities[k])
            for k in self._holding_entities(key)
            if len(self._words[k]) == len(key)
            for descriptor in descriptors_of(self.entities[k])
        )

    def _latest_before(self, name: frozenset[str], position: int) -> int:
        """The start of the latest entity named exactly ``name`` before ``position``, or -1."""
        starts = [self.entities[k].start for k in self._holding_entities(name) if frozenset(self._words[k]) == name]
        return max((start for start in starts if start < position), default=-1)

    def _holding_entities(self, words: frozenset[str]) -> list[int]:
        """Positions (in text order) of the named entities whose name words hold ``words``."""
        if not words:
            return []
        if words not in self._holding:
            postings = sorted((self._by_word.get(word, []) for word in words), key=len)
            self._holding[words] = sorted(set(postings[0]).intersection(*postings[1:]))
        return self._holding[words]

    def _labels_of(self, words: list[str] | frozenset[str]) -> Counter:
        """Entity labels given to exactly these name words across the article (``Counter({"ORG": 2, ...})``)."""
        key = tuple(sorted(words))
        if key not in self._labels:
            votes: Counter = Counter()
            for k in self._holding_entities(frozenset(words)):
                if sorted(self._words[k]) == list(key):
                    votes[self.entities[k].label_] += 1
            self._labels[key] = votes or Counter({"OTHER": 1})
        return self._labels[key]

    def _type_of(self, entity: Span) -> str:
        """The speaker's type from all mentions of its name: an organization's name word makes an ORG, a
        person's full name a PERSON, else the label most mentions of just these words carry."""
        words = self._name_words(entity)
        if not words:
            return entity.label_
        if any(w in _ORG_NAME_WORDS for w in words) and entity.label_ != "NORP":
            return "ORG"
        if entity.label_ == "PERSON" or self._person_named(words):
            return "PERSON"
        votes = self._labels_of(words)
        label = max(votes, key=lambda lab: (votes[lab], lab == entity.label_))
        label = entity.label_ if label == "OTHER" else label
        if label == "GPE" and _is_acronym(entity.text) and not country_code(entity.text):
            return "ORG"  # "F.B.I." is no place
        return label

    def _acronym_of(self, text: str) -> Span | None:
        """The organization whose capitalized words' initials spell ``text`` ("S.E.C." -> Securities and
        Exchange Commission), when the article names exactly one."""
        if self._acronyms is None:
            self._acronyms = {}
            ambiguous = set()
            for k, entity in enumerate(self.entities):
                if entity.label_ != "ORG" or not self._named[k]:
                    continue
                initials = "".join(
                    t.text[0] for t in entity if t.is_alpha and t.is_title and t.lower_ not in _ACRONYM_SKIP
                )
                if len(initials) >= 2 and initials.isupper():
                    other = self._acronyms.setdefault(initials, entity)
                    if self._name_words(other) != self._name_words(entity):
                        ambiguous.add(initials)
            for initials in ambiguous:
                del self._acronyms[initials]
        letters = text.replace(".", "").upper()
        if letters in self._acronyms:
            return self._acronyms[letters]
        if letters not in self._spelled:
            self._spelled[letters] = spelled_out(self.doc, letters)
        return self._spelled[letters]

    def _coordinated(self, mention: Span) -> Speaker | None:
        """Two or more coordinated names are one speaker: "Trump and Clinton" -> "Donald Trump and Hillary Clinton"."""
        head = mention.root
        first = self._index.at(head.i)
        if first is None or first.label_ not in ("PERSON", "ORG"):
            return None
        others = []
        conjuncts = _conjuncts(head)
        for conj in conjuncts:
            entity = self._index.at(conj.i)
            if entity is None or entity.label_ not in ("PERSON", "ORG") or not entity.start <= conj.i < entity.end:
                return None  # "Clinton and her aides": the named one speaks for a group
            others.append(entity)
        if not others or not any(
            c.dep_ == "cc" and c.lower_ in ("and", "&") for t in (head, *conjuncts) for c in t.children
        ):
            return None
        names = [self._fullest(e, mention).name for e in (first, *others)]
        return Speaker(" and ".join(dict.fromkeys(names)), first.label_, None, plural=True)

    def _compound(self, mention: Span, entity: Span) -> Speaker | None:
        """A name before a collective noun speaks as one, named as news names it: "The Trump campaign",
        "Hillary Clinton's campaign" -> "Trump campaign", "Clinton campaign" (ORG); "a Bloomberg poll" ->
        "Bloomberg poll"."""
        head = mention.root
        if head.lemma_.lower() not in COLLECTIVE_HEADS or _plural(head):
            return None
        if entity.root.head != head or entity.root.dep_ not in ("compound", "poss", "nmod", "amod"):
            return None
        person = self._type_of(entity) == "PERSON"  # a person's campaign goes by the surname
        name = _surname(_name_tokens(entity)) if person else _without_determiner(entity)
        return Speaker(f"{name} {head.text}", "ORG", None)

    def _name_words(self, span: Span) -> list[str]:
        """:func:`_name_words` of ``span``, once per span."""
        key = (span.start, span.end)
        if key not in self._name_memo:
            self._name_memo[key] = _name_words(span)
        return self._name_memo[key]

    # ------------------------------------------------------------------ pronouns

    def _person_antecedent(self, mention: Span, wanted: str | None) -> Speaker | None:
        """The best-ranked earlier person whose gender agrees with the pronoun's (see the module doc)."""
        candidates = self.antecedent_candidates(mention.start, wanted)
        if not candidates:
            return None
        return max(candidates, key=lambda c: (self._ranker.score(c[0]), c[1]))[2]

    def antecedent_candidates(self, at: int, wanted: str | None) -> list[tuple[dict[str, float], int, Speaker]]:
        """(features, latest position, speaker) of the people a "he"/"she" at token ``at`` may be: those named or
        speaking in the last sentences whose gender agrees with ``wanted``, else, with no one there, the earlier
        ones known to agree."""
        for sentences, known_only in ((_WINDOW_SENTENCES, False), (len(self._sentence_starts), True)):
            found = []
            people = self._people_before(at, sentences).values()
            # Of the subjects of clauses holding the pronoun, the nearest ("The former president spoke after Mr.
            # Trump held a news conference in which he ...").
            nearest = max((entry[1] for entry in people if entry[3]), default=-1)
            for speaker, position, subject, commands, spoke, count in people:
                known = self._speaker_gender(speaker)
                if speaker.plural or not gender.agrees(known, wanted) or (known_only and known is None):
                    continue
                back = self._sentence(at) - self._sentence(position)
                nearest_subject = commands and position == nearest
                features = candidate_features(back, subject, spoke, count, known is not None, nearest_subject)
                found.append((features, position, speaker))
            if found:
                return found
        return []

    def _people_before(self, at: int, sentences: int) -> dict[str, tuple[Speaker, int, bool, bool, int, int]]:
        """Persons named or speaking in the ``sentences`` sentences before token ``at``: name -> (speaker, latest
        position, latest was a subject, latest is the subject of a clause holding ``at``, spoke (2: the latest
        claim), mentions)."""
        first_sentence = max(self._sentence(at) - sentences, 0)
        lo = self._sentence_starts[first_sentence]
        found: dict[str, tuple[Speaker, int, bool, bool, int, int]] = {}
        k = bisect_left(self._starts, lo)
        while k < len(self.entities) and self.entities[k].start < at:
            entity = self.entities[k]
            # A person's name the recognizer took for an organization counts too ("a hoarse-voiced Sanders").
            person = entity.label_ == "PERSON" or (entity.label_ == "ORG" and self._is_person_name(k))
            if person and self._named[k] and not _plural(entity.root):
                speaker = self._fullest(entity, entity)
                if speaker.type == "PERSON":
                    _, _, _, _, spoke, count = found.get(speaker.name, (speaker, 0, False, False, 0, 0))
                    subject = _is_subject(entity.root)
                    found[speaker.name] = (speaker, entity.start, subject, _commands(entity.root, at), spoke, count + 1)
            k += 1
        for token, speaker in [*self._described_between(lo, at), *self._unrecognized_between(lo, at)]:
            _, position, subject, commands, spoke, count = found.get(speaker.name, (speaker, -1, False, False, 0, 0))
            if token.i > position:
                position, subject, commands = token.i, _is_subject(token), _commands(token, at)
            found[speaker.name] = (speaker, position, subject, commands, spoke, count + 1)
        last = max((n for n, entry in enumerate(self.history) if not entry[2]), default=-1)
        for n, (mention, speaker, nested) in enumerate(self.history):
            if speaker.type != "PERSON" or mention.start >= at or nested:
                continue
            old = found.get(speaker.name)
            if old is None and mention.start < lo:
                continue
            commands = _commands(mention.root, at) if old is None or mention.start >= old[1] else old[3]
            position = max(mention.start, old[1]) if old else mention.start
            count = old[5] + 1 if old else 1
            found[speaker.name] = (speaker, position, True, commands, 2 if n == last else 1, count)
        return found

    def _unrecognized_between(self, lo: int, at: int) -> list[tuple[Token, Speaker]]:
        """The people named between tokens ``lo`` and ``at`` by a name the recognizer missed there, which one person
        named in full bears ("Oz has been dogged by charges", with "Mehmet Oz" named before), outside quotations.
        Kept per word."""
        found = []
        for token in self.doc[lo:at]:
            if token.i not in self._unrecognized:
                speaker = None
                if token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and not self._quoted[token.i]:
                    full = {frozenset(self._words[k]) for k in self._holding_entities(frozenset([_word(token)]))}
                    full = {name for name in full if len(name) >= 2}
                    named = self._named_unrecognized(self.doc[token.i : token.i + 1]) if len(full) == 1 else None
                    if named is not None and named.label_ == "PERSON":  # one person bears the name
                        speaker = self._fullest(named, self.doc[token.i : token.i + 1])
                self._unrecognized[token.i] = speaker if speaker is not None and speaker.type == "PERSON" else None
            person = self._unrecognized[token.i]
            if person is not None:
                found.append((token, person))
        return found

    def _described_between(self, lo: int, at: int) -> list[tuple[Token, Speaker]]:
        """The people an office noun with "the" names as a subject between tokens ``lo`` and ``at``, outside
        quotations ("the president" of "President Obama"), as :meth:`_holder` finds them.  Kept per word."""
        found = []
        for token in self.doc[lo:at]:
            if token.i not in self._office_holders:
                speaker = None
                if (
                    token.pos_ == "NOUN"
                    and not token.ent_type_
                    and not _plural(token)
                    and not self._quoted[token.i]
                    and _role_form(token) in _OFFICES
                    and _is_subject(token)
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                ):
                    speaker = self._holder(self.doc[token.left_edge.i : token.i + 1])
                person = speaker is not None and speaker.type == "PERSON" and not speaker.plural
                self._office_holders[token.i] = speaker if person else None
            holder = self._office_holders[token.i]
            if holder is not None:
                found.append((token, holder))
        return found

    def _thing_antecedent(self, mention: Span) -> Speaker | None:
        """ "it": the latest organization or place that spoke, else the latest named before it as a subject."""
        for earlier, speaker, nested in reversed(self.history):
            if nested:
                continue
            if earlier.start < mention.start and speaker.type in ("ORG", "GPE") and not speaker.plural:
                if self._sentence(mention.start) - self._sentence(earlier.start) <= _WINDOW_SENTENCES:
                    return speaker
                break
        return self._latest_entity(mention.start, ("ORG", "GPE"))

    def _group_antecedent(self, mention: Span) -> Speaker | None:
        """ "they": the latest pair or group that spoke, else the latest organization or group named before it."""
        for earlier, speaker, nested in reversed(self.history):
            if (
                not nested
                and earlier.start < mention.start
                and (speaker.plural or speaker.type in ("ORG", "NORP", "GPE"))
            ):
                return speaker
        return self._latest_entity(mention.start, ("ORG", "GPE", "NORP"))

    def _pair_antecedent(self, mention: Span) -> Speaker | None:
        """ "each", "both": the coordinated names subject of a clause holding it ("Donald Trump and Hillary Clinton
        vied ..., each touting their own experience"), else the pair that spoke in the same sentence, else None."""
        for verb in mention.root.ancestors:
            for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.i < mention.start):
                pair = self._coordinated(self.doc[subject.left_edge.i : subject.right_edge.i + 1])
                if pair is not None:
                    return pair
        for earlier, speaker, nested in reversed(self.history):
            if not nested and earlier.start < mention.start and speaker.plural and speaker.type == "PERSON":
                return speaker if self._sentence(earlier.start) == self._sentence(mention.start) else None
        return None

    def _latest_entity(self, at: int, labels: tuple[str, ...]) -> Speaker | None:
        k = bisect_left(self._starts, at) - 1
        while k >= 0:
            entity = self.entities[k]
            # Not a name qualifying a person ("The former first lady and U.S. senator"; "Forbes magazine" is Forbes).
            head = entity.root.head
            modifier = (
                entity.root.dep_ in ("compound", "amod", "nmod")
                and head.pos_ == "NOUN"
                and names_person(head.lemma_.lower())
            )
            if entity.label_ in labels and self._named[k] and entity.root.pos_ != "ADJ" and not modifier:
                return self._fullest(entity, entity)
            k -= 1
        return None

    def _gender(self, entity: Span) -> str | None:
        """The gender the article gives the person named by ``entity`` (see :mod:`claimex.lexicon.gender`): the votes of
        honorifics, gendered descriptors, pronouns and the first name."""
        words = tuple(self._name_words(entity))
        if words not in self._genders:
            self._genders[words] = self._find_gender(words)
        return self._genders[words]

    def _find_gender(self, words: tuple[str, ...]) -> str | None:
        """Votes of honorifics (3), gendered descriptors (2), the person's own pronouns (2 each) and the first
        name (1); a surname alone counts only its own mentions ("Mr. Obama" and "Michelle Obama" are two
        people)."""
        votes = self._stated_gender_votes(words)
        if len(words) >= 2:
            named = gender.first_name_gender(words[0])
            if named:
                votes[named] += 1
        if not votes:
            return None
        (top, n), *rest = votes.most_common()
        return top if not rest or rest[0][1] < n else None

    def _stated_gender_votes(self, words: tuple[str, ...]) -> Counter:
        """The gender votes of what the article says of the person (honorifics 3, gendered descriptors 2, their
        own pronouns 2 each), the first name aside."""
        votes: Counter = Counter()
        for k in self._holding_entities(frozenset(words)):
            if len(words) < 2 and len(self._words[k]) != len(words):
                continue
            entity = self.entities[k]
            said = _honorific_gender(entity)
            if said:
                votes[said] += 3
            for descriptor in descriptors_of(entity):
                for token in descriptor:
                    noun = gender.NOUN_GENDER.get(token.lower_)
                    if noun and token.pos_ == "NOUN":
                        votes[noun] += 2
        votes.update(self._pronoun_votes().get(frozenset(words), Counter()))
        return votes

    def _first_name_led(self, words: list[str] | tuple[str, ...]) -> bool:
        """Two or three name words led by a first name of the name data, holding no organization's word and
        written as a person's name somewhere ("Carly Fiorina", which the recognizer may call an ORG; not
        "KING-TV" or "CLEVELAND - Donald Trump")."""
        if not 2 <= len(words) <= 3 or gender.first_name_gender(words[0]) is None:
            return False
        if any(w in _ORG_NAME_WORDS for w in words):
            return False
        key = frozenset(words)
        return any(
            _name_shaped(self.entities[k]) for k in self._holding_entities(key) if len(self._words[k]) == len(key)
        )

    def _pronoun_votes(self) -> dict[frozenset[str], Counter]:
        """Name words -> the genders of subject and possessive pronouns in sentences naming only that person, as
        their subject, after the name and outside quotations ("Christie said his plan ...": a vote for male).  Built
        once per article."""
        if self._pronoun_genders is None:
            self._pronoun_genders = {}
            sentence_starts = [*self._sentence_starts, len(self.doc)]
            k = 0
            for start, end in zip(sentence_starts, sentence_starts[1:], strict=False):
                people = []
                while k < len(self.entities) and self.entities[k].start < end:
                    person = self.entities[k].label_ == "PERSON" or self._first_name_led(self._words[k])
                    if person and self.entities[k].start >= start and self._named[k]:
                        people.append(k)
                    k += 1
                if len({frozenset(self._words[p]) for p in people}) != 1:
                    continue
                first = self.entities[people[0]]
                if not _is_subject(first.root):
                    continue  # "He linked cybersecurity to Hillary Clinton's use ..., an opportunity he missed"
                for token in self.doc[first.end : end]:
                    said = gender.PRONOUN_GENDER.get(token.lower_)
                    # A subject or possessive pronoun may be the person ("Christie said his plan ..."); an
                    # object in the person's own clause is someone else ("Michelle Obama introduced him").
                    coreferent = token.dep_ in ("nsubj", "nsubjpass") or token.tag_ == "PRP$"
                    if said and coreferent and not self._quoted[token.i]:
                        self._pronoun_genders.setdefault(frozenset(self._words[people[0]]), Counter())[said] += 2
        return self._pronoun_genders

    def _speaker_gender(self, speaker: Speaker) -> str | None:
        return self._gender(speaker.entity) if speaker.entity is not None else None

    def _sentence(self, i: int) -> int:
        return bisect_right(self._sentence_starts, i) - 1

    def _paragraph(self, i: int) -> int:
        return bisect_right(self._paragraph_starts, i) - 1

    def _writer(self, at: int) -> Speaker | None:
        """Who writes "I" outside quotations: the signature closing a letter (a paragraph that is only a
        person's name) after it, else the person an op-ed's closing note presents ("Charlotte Meehan is ...")."""
        k = max(self._paragraph(at), 0)
        for paragraph in self._paragraphs[k + 1 : k + 12]:
            words = [t for t in paragraph if not (t.is_punct or t.is_space)]
            entity = self._index.at(words[0].i) if words else None
            if (
                entity is not None
                and entity.label_ == "PERSON"
                and all(entity.start <= t.i < entity.end for t in words)
            ):
                return Speaker(name_text(entity), "PERSON", entity)
        if self._paragraphs:
            closing = [t for t in self._paragraphs[-1] if not t.is_space]
            entity = self._index.at(closing[0].i) if closing else None
            after = self.doc[entity.end] if entity is not None and entity.end < len(self.doc) else None
            if entity is not None and entity.label_ == "PERSON" and after is not None and after.lemma_ == "be":
                return Speaker(name_text(entity), "PERSON", entity)
        return None

    # ------------------------------------------------------------------ descriptions

    def _description(self, mention: Span) -> Speaker:
        """A role or body: its named holder (see the module doc), else the description itself."""
        head = mention.root
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is not None and head.lemma_.lower() in COLLECTIVE_HEADS and not _plural(head):
            person = self._person_antecedent(self.doc[owner.i : owner.i + 1], gender.PRONOUN_GENDER[owner.lower_])
            if person is not None and person.entity is not None:  # "his campaign" -> "Carson campaign"
                return Speaker(f"{_surname(_name_tokens(person.entity))} {head.text}", "ORG")
        # A title-case headline's role noun may be parsed as an adjective: "Retired General Reveals ...".
        noun = head.pos_ in ("NOUN", "PROPN") or (head.is_title and names_person(head.lower_))
        if noun and not head.like_num:
            found = (
                self._related(mention)
                or self._work(mention)
                or self._holder(mention)
                or self._ranked_person(mention)
                or self._epithet_antecedent(mention)
                or self._introduced_after(mention)
                or self._title_echo(mention)
                or self._organization(mention)
                or self._named_description(mention)
            )
            if found is not None:
                return found
        verb = next((t for t in mention if t.pos_ in ("VERB", "AUX") and t.i > mention.start), None)
        if verb is not None and verb.i - mention.start <= 3:  # debris: "Trump accused Holt of being a" is Trump
            trimmed = self.doc[mention.start : verb.i]
            named = self._named_unrecognized(trimmed) if all(t.pos_ == "PROPN" for t in trimmed) else None
            if named is not None and named.label_ == "PERSON":
                return self._fullest(named, trimmed)
        return Speaker(_without_determiner(mention), "OTHER")

    def _related(self, mention: Span) -> Speaker | None:
        """A relational description's holder (:mod:`.relations`): the one the article states for the same owner,
        else for a family noun the one other person named in full with the owner's surname and of its gender."""
        tie = tie_in(mention)
        if tie is None or _indefinite(mention):
            return None
        owner = self._tie_owner(tie.owner)
        holders: dict[str, Speaker] = {}
        others: set[str] = set()  # the owner, and holders of the tie's other kind ("his new wife" for "his ex-wife")
        if owner is not None:
            others.add(owner.name)
            if tie.single:
                holders = self._stated_holders(tie, owner, mention, others)
        named = self._name_words(owner.entity) if owner is not None and owner.entity is not None else []
        named = named or owner_words(tie.owner)  # a name the recognizer missed: "Keith Lamont Scott's wife"
        if not holders and tie.kin and len(named) >= 2:
            holders = {name: s for name, s in self._relatives(named, tie).items() if name not in others}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _stated_holders(self, tie: Tie, owner: Speaker, mention: Span, others: set[str]) -> dict[str, Speaker]:
        """The people the article states hold ``tie`` to ``owner`` (the one apposed to the mention itself alone);
        adds to ``others`` those holding it with other modifiers."""
        if self._ties is None:
            self._ties = stated_ties(self.doc, (i for i, inside in enumerate(self._quoted) if inside))
        holders: dict[str, Speaker] = {}
        selves: dict[str, Speaker] = {}
        for stated in self._ties:
            entity = self._index.at(stated.holder.i) if stated.holder is not None else None
            if entity is None or mention.start <= entity.start < mention.end or stated.relation != tie.relation:
                continue
            holder, other = self._fullest(entity, entity), self._tie_owner(stated.owner)
            if stated.noun.i == tie.noun.i:
                return {holder.name: holder}  # "his wife, Rakeyia Scott, said"
            if other is not None and other.name == owner.name:
                if stated.matches(tie):
                    holders[holder.name] = holder
                else:
                    others.add(holder.name)  # "his new wife" is not his ex-wife
            elif holder.name == owner.name and stated.matches(tie):  # "his brother", "his" taken for the brother
                selves[holder.name] = holder
        return holders or (selves if len(selves) == 1 else {})

    def _relatives(self, named: list[str], tie: Tie) -> dict[str, Speaker]:
        """The people named in full with the surname of ``named`` (someone else: other name words), of the gender
        of the tie's noun."""
        found = {}
        for name, person in self._people_index().items():
            words = self._name_words(person.speaker.entity) if person.speaker.entity is not None else []
            other = not (set(words) <= set(named) or set(named) <= set(words))
            agrees = gender.agrees(self._speaker_gender(person.speaker), tie.gender)
            if len(words) >= 2 and words[-1] == named[-1] and other and agrees:
                found[name] = person.speaker
        return found

    def _tie_owner(self, token: Token) -> Speaker | None:
        """The person a tie's owner word stands for: a pronoun's antecedent, the writer of "my", a named person."""
        if token.lower_ in PERSON_PRONOUNS:
            return self._person_antecedent(self.doc[token.i : token.i + 1], gender.PRONOUN_GENDER[token.lower_])
        if token.lower_ in FIRST_PERSON:
            return None if self._quoted[token.i] else self._writer(token.i)
        entity = self._index.at(token.i)
        if entity is None or entity.label_ != "PERSON":
            return None
        speaker = self._fullest(entity, entity)
        return speaker if speaker.type == "PERSON" and not speaker.plural else None

    def _work(self, mention: Span) -> Speaker | None:
        """A work speaks for its author: the one the article gives it ("a new report by Politico", "A USA TODAY
        analysis", "her submission", "The Security Council issued a statement"), else, for "the report", the
        author of the latest such work in the paragraphs before ("A web video by the RNC ... The ad")."""
        head = mention.root
        if head.lemma_.lower() not in WORKS or _plural(head):
            return None
        authors = self._work_authors()
        if head.i in authors:
            return authors[head.i][1]
        if _indefinite(mention) or _qualifiers(mention):
            return None
        paragraph = self._paragraph(mention.start)
        same_kind = head.lemma_.lower()
        found = None
        for i, (lemma, author) in authors.items():
            if i >= mention.start:
                break
            near = self._paragraph(i) >= paragraph - (_WORK_PARAGRAPHS if lemma == same_kind else 1)
            if near and (lemma == same_kind or found is None or found[0] != same_kind):
                found = (lemma, author)
        return found[1] if found is not None else None

    def _work_authors(self) -> dict[int, tuple[str, Speaker]]:
        """Token of every work the article names outside quotations -> (its noun, its author), in text order."""
        if self._authors is None:
            self._authors = {}
            for token in self.doc:
                if token.pos_ == "NOUN" and token.lemma_.lower() in WORKS and not self._quoted[token.i]:
                    author = self._author_of(token)
                    if author is not None:
                        self._authors[token.i] = (token.lemma_.lower(), author)
        return self._authors

    def _author_of(self, work: Token) -> Speaker | None:
        for child in work.children:
            if child.dep_ == "poss" and child.lower_ in ("his", "her"):
                return self._person_antecedent(self.doc[child.i : child.i + 1], gender.PRONOUN_GENDER[child.lower_])
        named = _author_token(work)
        entity = self._author_entity(named) if named is not None else None
        if entity is None:
            return None
        others = [self._index.at(c.i) for c in _conjuncts(entity.root)]
        if others and all(o is not None and o.label_ in ("PERSON", "ORG") for o in others):
            names = [self._fullest(e, e).name for e in (entity, *others) if e is not None]
            return Speaker(" and ".join(dict.fromkeys(names)), entity.label_, None, plural=True)
        return self._fullest(entity, entity)

    def _author_entity(self, named: Token) -> Span | None:
        """The name an author's word stands in: its entity, cut to the word's own phrase ("Politico" of a
        recognized "Politico, Democratic party"), or a capitalized compound no entity covers ("USA TODAY")."""
        phrase = range(named.left_edge.i, named.i + 1) if named.dep_ == "compound" else None
        if phrase is not None and all(self.doc[i].is_title or self.doc[i].is_upper for i in phrase):
            entity = self._index.at(named.i)
            if entity is None or entity.start > phrase.start:
                return Span(self.doc, phrase.start, phrase.stop, label="ORG")
        entity = self._index.at(named.i)
        if entity is None or entity.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            return None
        start, end = max(entity.start, named.left_edge.i), min(entity.end, named.right_edge.i + 1)
        return entity if (start, end) == (entity.start, entity.end) else Span(self.doc, start, end, label=entity.label_)

    def _named_description(self, mention: Span) -> Speaker | None:
        """A bare description ("police", "the poll") is the one the article named before with that head noun
        and a name qualifying it ("Charlotte-Mecklenburg police", "the latest Reuters/Ipsos opinion poll")."""
        head = mention.root
        if _qualifiers(mention) or _indefinite(mention) or any(t.dep_ == "poss" for t in head.children):
            return None
        if _plural(head) and head.lemma_.lower() != "police":
            return None  # "Companies", "recent polls": more than the one named
        if self._named_heads is None:
            self._named_heads = _named_heads(self.doc, self._quoted)
        found = None
        kind = head.lemma_.lower()
        named: list[tuple[int, str]] = self._named_heads.get(kind, [])
        for position, text in named:
            if position >= mention.start:
                break
            found = text
        body = kind in ORG_KINDS or kind in COLLECTIVE_HEADS or kind == "police"
        if found is None and body and len({text for _, text in named}) == 1:
            found = named[0][
                1
            ]  # the article's only one, named later: "police ... a Charlotte-Mecklenburg police officer"
        if found is None:
            return None
        return Speaker(found, "ORG" if body else "OTHER")

    def _holder(self, mention: Span) -> Speaker | None:
        """The earlier speaker or person described with the mention's role noun and all its qualifiers."""
        head = mention.root
        role = _role_form(head)
        qualifiers = _qualifiers(mention)
        plural = _plural(head)  # "many diplomats" are not the one diplomat the article named
        indefinite = _indefinite(mention)  # "a senior official" is someone new, unless named right after
        earlier = None if indefinite else self._last_by_lemma.get(role)
        if (
            earlier is not None
            and not ((plural or _collective(head)) and earlier[1].type == "PERSON")  # "the campaign" is no person
            and not earlier[1].plural
            and qualifiers <= _qualifiers(earlier[0]) | _words_of(earlier[1].name)
        ):
            return earlier[1]
        best = None
        later = None  # a news lede describes before it names: "A New York judge ... . Judge Frank Nervo said"
        horizon = self._sentence(mention.start) + _CATAPHORA_SENTENCES
        person_noun = names_person(head.lemma_.lower())
        opening = mention[0].lower_ == "the" and person_noun and self._opens_paragraph(mention)
        lede = self._paragraph(mention.start) <= self._paragraph(self.title_end) + 1 or opening
        title = mention.end <= self._opening_end() and person_noun  # "Campaign for Trump" is no person
        wanted, keys = _wanted(mention, qualifiers)
        former = any(t.lower_ in _FORMER for t in mention)
        fresh = self._fresh(mention)
        body = plural or _collective(head)  # "the transport union" is not its "union general secretary"
        for noun in ROLE_CLASSES.get(role, (role,)):
            for position, words, k in self._role_index().get(noun, ()):
                if conflict(keys, words) or (body and self.entities[k].label_ == "PERSON"):
                    continue
                # A later holder need not repeat the qualifiers: "The New York state attorney general is confirming
                # ... . But Attorney General Eric Schneiderman ..."
                ahead = position > mention.start and (title or (lede and self._sentence(position) <= horizon and fresh))
                if not (_qualified(wanted, words) or ahead) or (former and not words & _FORMER):
                    continue  # a "former chairman" is not the one the article calls chairman now
                if title:  # a title's description: the first holder the body names
                    if best is None or position < best[0]:
                        best = (position, k)
                elif position < mention.start and not indefinite:
                    if best is None or position > best[0]:
                        best = (position, k)
                elif later is None and self._sentence(position) <= horizon and not plural and lede:
                    later = (position, k)
        chosen = best or later
        return self._fullest(self.entities[chosen[1]], self.entities[chosen[1]]) if chosen is not None else None

    def _opening_end(self) -> int:
        """Where the article's title ends: the detected title's end, else the end of a first paragraph that is one
        short sentence (a headline ending in a period: "Judge rejects New York Times request.")."""
        if self.title_end or not self._paragraphs:
            return self.title_end
        first = self._paragraphs[0]
        one_sentence = self._sentence(first.start) == self._sentence(first.end - 1)
        if not one_sentence or len(first) > 3 * _HEADLINE_WORDS or len(self._paragraphs) < 2:
            return 0  # checked before counting words: a giant first paragraph is asked by every description
        words = [t for t in first if not (t.is_punct or t.is_space)]
        return first.end if len(words) <= _HEADLINE_WORDS else 0

    def _opens_paragraph(self, mention: Span) -> bool:
        """Whether the mention is in the first sentence of its paragraph (where news introduces someone)."""
        start = self._paragraph_starts[max(self._paragraph(mention.start), 0)]
        return self._sentence(mention.start) == self._sentence(start)

    def _ranked_person(self, mention: Span) -> Speaker | None:
        """A definite description of a person ("The Indiana governor", "the New York businessman"): the person the
        description ranker (:mod:`claimex.speakermodel.descriptions`) finds likely enough, else None."""
        found = self.description_candidates(mention)
        if not found:
            return None
        best = max(found, key=lambda c: (self._descriptions.probability(c[0]), -c[2]))
        return best[1] if self._descriptions.probability(best[0]) >= self._descriptions.threshold else None

    def _epithet_antecedent(self, mention: Span) -> Speaker | None:
        """A definite epithet the article states of no one ("The GOP nominee complained ..." after a paragraph on
        Trump) read as a pronoun is: the person the antecedent ranker puts first among those named or speaking
        in the last sentences, when they lead the next one clearly, their gender agrees with the noun's, and
        nothing the article says of them conflicts (another state, party or country; only other offices).
        Limits: no world knowledge, so an epithet of someone other than the salient person ("the Indiana
        governor" with Trump in every sentence) is resolved only when salience points to them."""
        head = mention.root
        owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        if not _epithet(mention) or any(self._names_person(t) for t in mention if t.i != head.i and t.i not in owner):
            return None  # "the Lincoln actor", "the Clinton aide": someone tied to the person named
        _, keys = _wanted(mention, _qualifiers(mention))
        office = _role_form(head) in _OFFICES
        roles = set(ROLE_CLASSES.get(_role_form(head), (_role_form(head),)))
        phrase = range(head.left_edge.i, head.right_edge.i + 1)
        here = self._sentence(mention.start)
        people = self._people_index()
        scored = []
        for features, position, speaker in self.antecedent_candidates(
            mention.start, gender.NOUN_GENDER.get(head.lower_)
        ):
            back = here - self._sentence(position)
            if back > _EPITHET_SENTENCES or position in phrase or (back == 0 and self._commands(position, head)):
                continue  # the subject of the clause holding it is someone else ("Sanders advised her as the nominee")
            scored.append((self._ranker.score(features), features["subject"], speaker))
        scored.sort(key=lambda entry: entry[0], reverse=True)
        if not scored or (len(scored) > 1 and scored[0][0] - scored[1][0] < _EPITHET_MARGIN) or not scored[0][1]:
            return None  # no clear topic: the leading person was last named as a subject, or spoke
        best = scored[0][2]
        person = people.get(best.name)
        if person is not None:
            if conflict(keys, frozenset(person.attributes)) or any(i in phrase for i in person.positions):
                return None
            if office and person.roles & _OFFICES and not person.roles & roles:
                return None  # "the senator" is not someone the article calls only a governor
        places = {k for k in keys if not k.startswith("party:")}
        unstated = person is None or not places <= person.attributes
        if places and unstated:
            return None  # "the Wisconsin governor" is someone the article places there, not just the salient one
        return best

    def _introduced_after(self, mention: Span) -> Speaker | None:
        """A lede's description of someone new, named as the subject of the next sentences: "A former Democratic
        National Committee chairman says ... . “...,” said Don Fowler"; "Connecticut's tax commissioner says ... .
        Kevin Sullivan says ...".  Only in the title or lede, or opening a paragraph as a definite description; the
        person is the first one named in the next two sentences, as a subject, never named before, and nothing the
        article says of them conflicts (another role, state, party or country, the other gender)."""
        head = person_head(mention)  # "Member of House panel", parsed with "panel" for the head
        lemma = _role_form(head)
        relational = head.lower_ in _RELATIONAL or lemma in _RELATIONAL
        if _plural(head) or not names_person(head.lemma_.lower()) or (relational and tied_to_person(head)):
            return None  # "his wife", "the wife of a man shot" is someone's wife, not whoever is named next
        if any(self._names_person(t) for t in mention) or not self._introduces(mention):
            return None
        here = self._sentence(mention.start)
        if not self._fresh(mention):
            return None
        after = self._index.within(mention.end, self._sentence_starts[min(here + 1, len(self._sentence_starts) - 1)])
        named = next((e for e in after if e.label_ == "PERSON"), None)
        if named is not None and not any(t.pos_ in ("VERB", "AUX") for t in self.doc[mention.end : named.start]):
            return None  # "Sirius XM Vice President for news Dave Gorab": its name follows it
        _, keys = _wanted(mention, _qualifiers(mention))
        roles = set(ROLE_CLASSES.get(lemma, (lemma,)))
        former = any(t.lower_ in _FORMER for t in mention)
        # Those the title names are others ("Sanders will back Clinton, former rival says"), though the recognizer
        # may miss their names there; so is anyone named before the description.
        titled = {_word(t) for t in self.doc[: self._opening_end()] if t.pos_ == "PROPN" or t.is_title}
        people = [p for p in self._people_index().values() if not titled & _words_of(p.speaker.name)]
        for person in people:
            first = person.positions[0]
            if first < mention.end or not here < self._sentence(first) <= here + _CATAPHORA_SENTENCES:
                continue
            next_sentence = self._sentence_starts[min(here + 1, len(self._sentence_starts) - 1)]
            new = [p for p in people if p.positions[0] >= mention.end and next_sentence <= p.positions[0] < first]
            if not person.subjects[0] or new:
                return None  # the next person named is someone else: the description stays
            wanted = gender.NOUN_GENDER.get(head.lower_)
            known = self._speaker_gender(person.speaker)
            clash = wanted is not None and known is not None and known != wanted
            # A tie is no office: a "member of House panel" may be the one the article calls a representative.
            other_role = person.roles and not person.roles & roles and not relational
            # A "former governor" is not the one the article calls governor now ("Gov. Jim Smith").
            sitting = former and person.roles & roles and not person.described_words & _FORMER
            if clash or conflict(keys, frozenset(person.attributes)) or other_role or sitting:
                return None
            return person.speaker
        return None

    def _title_echo(self, mention: Span) -> Speaker | None:
        """A title's description as the person the lede's description with its head noun is (:mod:`.headlines`)."""
        end = self._opening_end()
        if not end or mention.end > end or not self._paragraphs:
            return None
        lede = self._paragraph_starts[min(self._paragraph(end) + 2, len(self._paragraph_starts) - 1)]
        echo = lede_echo(mention, end, max(lede, end), self._quoted)
        found = self._description(echo) if echo is not None else None
        return found if found is not None and found.type == "PERSON" and not found.plural else None

    def _fresh(self, mention: Span) -> bool:
        """Whether no one is named (outside the title) in the paragraph before the mention or in its own paragraph
        before it: a description there introduces someone; after "Chris Christie ..." "the New Jersey governor" is an
        epithet of his, if anyone's."""
        paragraph = self._paragraph(mention.start)
        lo = max(self._paragraph_starts[max(paragraph - 1, 0)], self._opening_end())
        return lo >= mention.start or not self._named_between(lo, mention.start)

    def _introduces(self, mention: Span) -> bool:
        """Whether a description stands where news introduces someone it names next: in the title or the lede,
        or opening a paragraph as "the ..." or "Connecticut's ..." (a place's or body's, not a person's)."""
        if mention.end <= self._opening_end() or self._paragraph(mention.start) <= self._paragraph(self.title_end) + 1:
            return True
        owner = next((c for c in mention.root.children if c.dep_ == "poss"), None)
        owned = owner is not None and owner.ent_type_ in ("GPE", "ORG", "NORP")
        qualified = bool(_qualifiers(mention))  # "the candidate" mid-article is the one the story is about
        return (mention[0].lower_ == "the" or owned) and qualified and self._opens_paragraph(mention)

    def _named_between(self, start: int, end: int) -> bool:
        """Whether a person is named between tokens ``start`` and ``end`` (by bisection: a giant paragraph's every
        description asks it)."""
        if self._person_starts is None:
            self._person_starts = [
                e.start for k, e in enumerate(self.entities) if e.label_ == "PERSON" and self._named[k]
            ]
        return bisect_left(self._person_starts, start) < bisect_left(self._person_starts, end)

    def _names_person(self, token: Token) -> bool:
        """Whether a word is (part of) the name of a person the article names ("Lincoln" of "Abraham Lincoln")."""
        return (
            token.pos_ == "PROPN"
            and any(self.entities[k].label_ == "PERSON" for k in self._by_word.get(_word(token), ()))
            or token.ent_type_ == "PERSON"
        )

    def _commands(self, position: int, head: Token) -> bool:
        """Whether the name at token ``position`` is an argument of a word governing ``head`` (an epithet there
        means someone else: "Sanders offered advice to Clinton, as the Democratic nominee looks ..." is not
        Sanders)."""
        entity = self._index.at(position)
        return _governs(entity.root if entity is not None else self.doc[position], head)

    def description_candidates(self, mention: Span) -> list[tuple[dict[str, float], Speaker, int]]:
        """(features, speaker, sentences away) of each person a description may mean: the people the article names
        before it and, in the next sentences, after it; none named inside it ("Pagliano's lawyer" is not Pagliano);
        [] for what is no singular, specific description of a person ("a senior official", "protesters")."""
        head = mention.root
        if head.pos_ != "NOUN" or _plural(head) or _indefinite(mention) or not names_person(head.lemma_):
            return []
        qualifiers = _qualifiers(mention)
        description = _description(mention, qualifiers)
        required, keys = _wanted(mention, qualifiers)
        roles = set(ROLE_CLASSES.get(_role_form(head), (_role_form(head),)))
        wanted = gender.NOUN_GENDER.get(head.lower_)
        here = self._sentence(mention.start)
        people = self._people_index()
        most = max((len(p.positions) for p in people.values()), default=1)
        spoke = self._spoke_before(mention.start)
        possessor = self._pronoun_possessor(head)
        phrase = range(head.left_edge.i, head.right_edge.i + 1)  # "a spokeswoman for Hillary Clinton" is not she
        found = []
        for name, person in people.items():
            if any(i in phrase for i in person.positions):
                continue
            k = bisect_left(person.positions, mention.start) - 1
            if k >= 0:
                position, cataphora = person.positions[k], False
            else:
                position, cataphora = person.positions[0], True
                if self._sentence(position) - here > _CATAPHORA_SENTENCES:
                    continue
            described = _share(required, person.described_words | person.attributes)
            if (described < 1.0 and required) or conflict(keys, frozenset(person.attributes)):
                continue  # "The French president" is no one the article never describes as French
            known = self._speaker_gender(person.speaker)
            agreement = None if wanted is None or known is None else ("agrees" if known == wanted else "clashes")
            if agreement == "clashes" or (description.office and not roles & person.roles):
                continue  # "the spokeswoman" is no man; "the senator" no one the article never calls a senator
            candidate = Candidate(
                role_match=bool(roles & person.roles),
                described=bool(person.roles),
                qualifiers_described=described,
                gender=agreement,
                sentences_away=abs(here - self._sentence(position)),
                cataphora=cataphora,
                possessor=possessor is not None and possessor.name == name,
                subject=person.subjects[k if k >= 0 else 0],
                mentions=len(person.positions),
                mention_share=len(person.positions) / most,
                spoke=spoke.get(name, 0),
            )
            found.append((description_features(description, candidate), person.speaker, candidate.sentences_away))
        return found

    def _pronoun_possessor(self, head: Token) -> Speaker | None:
        """The person a possessive pronoun before a description's head stands for ("his lawyer"), or None."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in gender.PRONOUN_GENDER), None)
        return (
            self._person_antecedent(self.doc[owner.i : owner.i + 1], gender.PRONOUN_GENDER[owner.lower_])
            if owner is not None
            else None
        )

    def person_positions(self, name: str) -> list[int]:
        """The token starts of the entity mentions of the person named ``name`` (see :meth:`description_candidates`)."""
        person = self._people_index().get(name)
        return person.positions if person is not None else []

    def _spoke_before(self, at: int) -> dict[str, int]:
        """Speaker name -> 2 for the latest claim's speaker before token ``at``, 1 for earlier ones."""
        spoke: dict[str, int] = {}
        entries = [(m, s) for m, s, nested in self.history if not nested and m.start < at and s.type == "PERSON"]
        for n, (_, speaker) in enumerate(entries):
            spoke[speaker.name] = 2 if n == len(entries) - 1 else 1
        return spoke

    def _people_index(self) -> dict[str, _Person]:
        """Every person the article names (outside quotations), by fullest name: where, and as what.  Built once per
        article, when a description first needs it."""
        if self._people is None:
            self._people = {}
            for k, entity in enumerate(self.entities):
                person = entity.label_ == "PERSON" or (entity.label_ == "ORG" and self._is_person_name(k))
                if not person or not self._named[k] or _plural(entity.root):
                    continue
                speaker = self._fullest(entity, entity)
                if speaker.type != "PERSON":
                    continue
                entry = self._people.setdefault(speaker.name, _Person(speaker))
                entry.positions.append(entity.start)
                entry.subjects.append(_is_subject(entity.root))
                entry.attributes.update(self._tagged(entity))
                for descriptor in descriptors_of(entity):
                    entry.described_words.update(_qualifier_form(t) for t in descriptor)
                    entry.roles.update(_role_form(t) for t in _role_words(descriptor))
                    entry.attributes.update(attributes(" ".join(t.text for t in descriptor))[0])
        return self._people

    def _role_index(self) -> dict[str, list[tuple[int, frozenset[str], int]]]:
        """Role noun -> (position, the descriptor's words, entity) for every person and organization the article
        describes, in text order: "Indiana Gov. Mike Pence", "Jennifer Palmieri, a spokeswoman for Hillary
        Clinton", "the Foreign Ministry" (its head noun)."""
        if self._roles is None:
            self._roles = {}
            for k, entity in enumerate(self.entities):
                if not self._named[k]:
                    continue
                if entity.label_ == "ORG" and set(self._words[k]) - {entity.root.lower_}:  # not "Bank executives"
                    self._roles.setdefault(_role_form(entity.root), []).append(
                        (entity.start, _words_of(entity.text), k)
                    )
                elif entity.label_ == "PERSON":
                    tagged = self._tagged(entity)
                    for descriptor in descriptors_of(entity):
                        described = attributes(" ".join(t.text for t in descriptor))[0]
                        words = frozenset(_qualifier_form(t) for t in descriptor) | described | tagged
                        for token in _role_words(descriptor):
                            self._roles.setdefault(_role_form(token), []).append((entity.start, words, k))
        return self._roles

    def _tagged(self, entity: Span) -> frozenset[str]:
        """The party and state keys of a tag right after a person's name ("Lindsey Graham (R-S.C.)")."""
        return tag_after(text_after(entity, 24))

    def _organization(self, mention: Span) -> Speaker | None:
        """An organization noun ("the agency", "the union"): the organization of that kind named last in
        the paragraphs before, or for a generic noun ("the company") the salient one there."""
        head = mention.root
        kind = head.lemma_.lower()
        if kind not in ORG_KINDS or _plural(head) or _qualifiers(mention) or _indefinite(mention):
            return None
        lo = self._paragraph_starts[max(self._paragraph(mention.start) - 3, 0)] if self._paragraph_starts else 0
        names = ORG_KINDS[kind]
        found: list[tuple[Speaker, Token]] = []  # each organization of that kind named, with its head, in order
        for k in range(bisect_left(self._starts, lo), bisect_left(self._starts, mention.start)):
            entity = self.entities[k]
            if entity.label_ != "ORG" or not self._named[k]:
                continue
            speaker = self._fullest(entity, entity)
            words = _words_of(speaker.name) | _words_of(entity.text)  # "RT" is a network, spelled out or not
            if (names and (words & names or kind in words)) or (not names and speaker.type == "ORG"):
                found.append((speaker, entity.root))
        if not found:
            return None
        return found[-1][0] if names else self._salient_organization(found)

    def _salient_organization(self, found: list[tuple[Speaker, Token]]) -> Speaker:
        """Of the organizations named before a generic noun ("the company"), the one its reader takes: in the
        latest sentence naming any, its subject if one is ("Alphabet, the parent company of Google, jumped"),
        else the last named there ("Trump said of Apple, when the company balked")."""
        sentence = self._sentence(found[-1][1].i)
        there = [(speaker, head) for speaker, head in found if self._sentence(head.i) == sentence]
        subjects = [speaker for speaker, head in there if _is_subject(head)]
        return subjects[-1] if subjects else there[-1][0]


# ---------------------------------------------------------------------- helpers


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


_OPENING_QUOTES = frozenset({'"', "“", "'", "‘"})
_CLOSING_QUOTES = frozenset({'"', "”", "'", "’"})


def _with_nickname(entity: Span) -> Span:
    """A person's name with the given names and quoted nickname the recognizer left out before it: "Scott" of
    'Rep. Robert C. "Bobby" Scott' is 'Robert C. "Bobby" Scott'."""
    doc, start = entity.doc, entity.start
    if entity.label_ != "PERSON" or start < 4:
        return entity
    closing, nickname, opening = doc[start - 1], doc[start - 2], doc[start - 3]
    if closing.text not in _CLOSING_QUOTES or opening.text not in _OPENING_QUOTES or not nickname.is_title:
        return entity
    first = start - 3
    while first > 0 and first > start - 6 and _given_name(doc[first - 1]):
        first -= 1
    return Span(doc, first, entity.end, label="PERSON") if first < start - 3 else entity


def _given_name(token: Token) -> bool:
    """A capitalized name word or an initial ("Robert", "C."), not a title ("Rep.")."""
    initial = len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."
    return (
        (initial or (token.is_title and token.is_alpha))
        and token.lower_ not in TITLE_WORDS
        and token.lower_ not in TITLES
    )


def _description(mention: Span, qualifiers: frozenset[str]) -> Description:
    """What the description ranker reads of a description itself: its qualifiers, determiner, possessor,
    position and whether its noun names an office."""
    head = mention.root
    return Description(
        n_qualifiers=len(qualifiers),
        definite=any(t.lower_ in ("the", "this", "that") for t in mention[:2]),
        possessed=any(c.dep_ == "poss" for c in head.children),
        subject=head.dep_ in ("nsubj", "nsubjpass"),
        office=_role_form(head) in _OFFICES,
    )


def _wanted(mention: Span, qualifiers: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(what a holder's descriptor must state, the state, party and country keys among it) of a description: its
    qualifiers with those stating a state, party or country as keys ("the South Carolina senator" wants
    ``state:SC``, which "Sen. Lindsey Graham (R-S.C.)" states)."""
    keys, covered = attributes(mention.text)
    covered_forms = {QUALIFIER_FORMS.get(w, w) for w in covered} | covered
    return frozenset(q for q in qualifiers if q not in covered_forms) | keys, keys


def _collective(noun: Token) -> bool:
    """A noun naming a body or a group's effort ("campaign", "union", "bank"), never one person."""
    lemma = noun.lemma_.lower()
    return lemma in COLLECTIVE_HEADS or lemma in ORG_KINDS


def _epithet(mention: Span) -> bool:
    """A definite description of one person that may be an epithet of someone named before: "the Indiana
    governor", "The GOP nominee", "the senator"; not "a senator", "his lawyer", "Trump's spokesman", "the
    spokeswoman" (a tie to someone else) or a common noun without a name's qualifier ("the woman", "the band
    leader")."""
    head = mention.root
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    # "Obama's former campaign strategist" is not Obama, and may be the one the story is about
    named_owner = owner is not None and owner.pos_ == "PROPN" and owner.ent_type_ == "PERSON"
    if (mention[0].lower_ != "the" and not named_owner) or head.pos_ != "NOUN" or _plural(head):
        return False
    if (owner is not None and not named_owner) or head.lower_ in _RELATIONAL or head.lemma_.lower() in _RELATIONAL:
        return False
    if not names_person(head.lemma_.lower()):
        return False
    return named_owner or bool(_qualifiers(mention))


def _share(qualifiers: frozenset[str], words: set[str]) -> float:
    return len(qualifiers & words) / len(qualifiers) if qualifiers else 0.0


_NAME_PARTICLES = lexicon_words("name_particles")  # lower-case words a name keeps ("de Gaulle")
_PREFIXES = lexicon_words("name_prefixes")  # "pro-Clinton"
_ORG_NAME_WORDS = lexicon_words("speaker_org_names")


@functools.cache
def _default_ranker() -> AntecedentRanker:
    return shipped_ranker()


@functools.cache
def _default_description_ranker() -> DescriptionRanker:
    return shipped_description_ranker()


def _layout(doc: Doc) -> tuple[bytearray, int, list[int]]:
    """(tokens inside quotations or headlines, the title's end, paragraph starts) of ``doc``."""
    quoted = bytearray(len(doc))
    for q in doc.spans.get(QUOTATIONS, []):
        quoted[q.start : q.end] = b"\x01" * (q.end - q.start)
    title_end = 0  # the title comes before the names it uses: "…: Spokesperson" is resolved by the body
    starts = []
    for paragraph in doc.spans.get(PARAGRAPHS, []):
        starts.append(paragraph.start)
        if paragraph.label_ == HEADLINE:
            quoted[paragraph.start : paragraph.end] = b"\x01" * len(paragraph)
        elif paragraph.label_ == TITLE:
            title_end = paragraph.end
    return quoted, title_end, sorted(starts) or [0]


#: Works that speak for their authors: "Ivana Trump's brief", "a new report by Politico".
WORKS = lexicon_words("works")


def _apposed_name(head: Token, entity: Span) -> Span | None:
    """A person named after the description heading a mention, other than as the object of a preposition or a
    possessor ("His former business partner, Lawrence B. Cummings", "the spokesperson of the Foreign Ministry
    Geng Shuang"; not "a spokeswoman for Hillary Clinton")."""
    if entity.label_ != "PERSON" or entity.root.i < head.i or entity.root.dep_ == "poss":
        return None
    if entity.root.dep_ == "pobj" and not _after_organization(entity):
        return None
    return entity


def _after_organization(entity: Span) -> bool:
    """A name right after an organization's, both taken for one object ("of the Foreign Ministry Geng Shuang")."""
    doc = entity.doc
    before = doc[entity.start - 1] if entity.start else None
    return before is not None and before.ent_type_ == "ORG" and entity.root.head.lower_ == "of"


def _author(head: Token, entity: Span) -> Span | None:
    """The author of a work heading a mention: its possessor or compound ("the IMF report"), or "by X"."""
    if head.lemma_.lower() not in WORKS or entity.label_ not in ("PERSON", "ORG", "GPE"):
        return None
    root = entity.root
    if root.head.i == head.i and root.dep_ in ("poss", "compound"):
        return entity
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.i == head.i:
        return entity
    return None


#: Verbs whose subject makes their object: "The Security Council issued a statement".
_MAKING_VERBS = lexicon_words("making_verbs")
_WORK_PARAGRAPHS = 3  # "the report" is the one named in the last paragraphs


def _author_token(work: Token) -> Token | None:
    """The word naming a work's author: its possessor or a name compounded with it ("Politico's report", "A USA
    TODAY analysis"), the object of "by" after it or after a participle ("a study released by X"), or the subject
    of a verb making it ("X issued a statement")."""
    for child in work.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN"):
            return child
    for child in work.children:
        by = child if child.lower_ == "by" else None
        if by is None and child.dep_ == "acl":
            by = next((c for c in child.children if c.dep_ == "agent"), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is not None:
            return pobj
    verb = work.head
    if work.dep_ == "dobj" and verb.lemma_.lower() in _MAKING_VERBS:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _named_heads(doc: Doc, quoted: bytearray) -> dict[str, list[tuple[int, str]]]:
    """Head lemma -> (position, words) of every common noun the article qualifies with a name, in text order:
    "Charlotte-Mecklenburg police", "Reuters/Ipsos opinion poll" (without determiners and adjectives before
    the name)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for token in doc:
        if token.pos_ != "NOUN" or quoted[token.i] or (_plural(token) and token.lemma_.lower() != "police"):
            continue
        names = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
        start = min((t.i for c in names for t in c.subtree), default=_flat_name_start(token))
        if start >= token.i:
            continue
        span = doc[start : token.i + 1]
        if any(t.is_space or t.is_punct and t.text not in ("-", "/", ".") for t in span):
            continue
        found.setdefault(token.lemma_.lower(), []).append((token.i, span.text))
    return found


def _relative_antecedent(mention: Span) -> Span | None:
    """The noun phrase a relative pronoun standing alone as a mention stands for ("who", "which", "that" heading
    a relative clause: "Mitch McConnell, who said ..."), without the clause itself; else None."""
    if len(mention) != 1 or mention[0].tag_ not in ("WP", "WDT"):
        return None
    doc = mention.doc
    before = mention.start - 1
    while before > 0 and doc[before].is_punct:
        before -= 1
    previous = doc[before] if before >= 0 and doc[before].pos_ in ("NOUN", "PROPN") else None
    noun = mention[0].head.head if mention[0].head.dep_ == "relcl" else previous
    if noun is not None and previous is not None and previous in _conjuncts(noun):
        noun = previous  # "Will Smith and Stevie Wonder, who said": the nearest of coordinated names
    if noun is None or noun.i >= mention.start or not _may_speak(noun):
        return None
    start = min((t.i for t in noun.lefts), default=noun.i)
    start = min(start, noun.left_edge.i) if noun.left_edge.i < noun.i else start
    return doc[start : noun.i + 1]


def _may_speak(noun: Token) -> bool:
    """A name, or a noun naming a person, a group or a work ("the union, which said"; not "home, which")."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "PROPN"
        or bool(noun.ent_type_)
        or (noun.pos_ == "NOUN" and (lemma in WORKS or noun_classes(lemma)[:1] in (PERSON, GROUP)))
    )


def _flat_name_start(noun: Token) -> int:
    """Where a name starts that the parser attached beside a compound noun, not to it ("a Charlotte-Mecklenburg
    police officer": all three compounds of "officer"): the run of proper nouns and hyphens right before it."""
    i = noun.i
    if noun.dep_ != "compound":
        return i
    doc = noun.doc
    while i > 0 and doc[i - 1].dep_ in ("compound", "punct") and i - 1 < doc[i - 1].head.i <= noun.head.i:
        if not (doc[i - 1].pos_ == "PROPN" or doc[i - 1].text in ("-", "/")):
            break
        i -= 1
    while i < noun.i and doc[i].is_punct:
        i += 1
    return i


def _conjuncts(head: Token) -> list[Token]:
    """The words coordinated with ``head`` ("A, B and C": B and C), in order."""
    found = []
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        conj = stack.pop()
        found.append(conj)
        stack.extend(c for c in conj.children if c.dep_ == "conj")
    return sorted(found, key=lambda t: t.i)


def _plural(noun: Token) -> bool:
    return noun.tag_ in ("NNS", "NNPS")


def _commands(name: Token, at: int) -> bool:
    """Whether a name (its head word) is the subject of a clause holding the token at ``at`` after it: "Paul Ryan,
    despite admitting that *he* ...", "Lauer faced criticism after *he* asked"; not a name inside what a pronoun
    said ("Trump is no conservative, *he* said")."""
    root = name
    while root.dep_ in ("appos", "compound") and root.head.i != root.i:
        root = root.head  # "former president Bill Clinton said"
    if at <= name.i or root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return _governs(root, name.doc[at])


def _governs(word: Token, token: Token) -> bool:
    """Whether the word ``word`` depends on is above ``token`` in the parse (``word`` is an argument of a clause
    holding ``token``)."""
    return any(ancestor.i == word.head.i for ancestor in token.ancestors)


#: Prepositions naming examples of a group ("Critics, like Senators Grassley and Leahy").
_EXAMPLE_PREPOSITIONS = lexicon_words("example_prepositions")


def _named_example(head: Token, entity: Span) -> Token | None:
    """The first name of the people or organizations a plural description gives as its examples, who speak for it
    ("Critics of the EB-5 program, like Senators Charles E. Grassley and Patrick J. Leahy"; "candidates, including
    Carly Fiorina and Ben Carson"), else None."""
    root = entity.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    prep = root.head
    if not _plural(head) or entity.label_ not in ("PERSON", "ORG") or root.dep_ != "pobj" or prep.head.i != head.i:
        return None
    such = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
    return root if ("such" if such else prep.lower_) in _EXAMPLE_PREPOSITIONS else None


def _subject_before(head: Token, start: int) -> Token | None:
    """The other subject of a subject's verb, set off right before it by a comma: a misparsed apposition ("Ban
    Ki-moon, the secretary general of the United Nations, vowed", both subjects of "vowed"), else None."""
    doc = head.doc
    if head.dep_ != "nsubj" or start < 2 or doc[start - 1].text != ",":
        return None
    other = next((c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.i and c.i != head.i), None)
    return other if other is not None and other.i == start - 2 else None


def _apposed_below(token: Token, top: Token) -> bool:
    """Whether ``token`` is in apposition to ``top``, through name words only ("the election, Minyon Moore")."""
    apposed = False
    while token.i != top.i:
        if token.dep_ not in ("appos", "compound", "flat") or token.head.i == token.i:
            return False
        apposed = apposed or token.dep_ == "appos"
        token = token.head
    return apposed


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one letter changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _possessed_name_head(possessor: Span, head: Token) -> bool:
    """Whether ``head`` ends a name right after the name possessing it ("Fox News' Megyn Kelly"; not "Fleming's
    ''The Fixers'' ", "Trump's potential VP")."""
    if head.pos_ != "PROPN" or possessor.root.dep_ != "poss" or possessor.root.head != head:
        return False
    between = possessor.doc[possessor.end : head.i]
    return all(t.tag_ == "POS" or (t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")) for t in between)


def _describes_as_person(descriptor: list[Token], name: Span) -> bool:
    """Whether a descriptor's head is a noun for a person, written as a title before the name or apposed after a
    comma ("Concord resident Whit Symms", "Christian Estrosi, a former mayor"; not "the chairman of Bear Stearns",
    where the name is the noun's complement, nor "the watchdog group Media Matters")."""
    inside = {t.i for t in descriptor}
    heads = [t for t in descriptor if t.head.i not in inside]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or name.root.head.i in inside:
        return False
    head = heads[0]
    apposed = head.i > name.end and any(t.text == "," for t in name.doc[name.end : head.i])
    return names_person(head.lemma_.lower()) and (head.i < name.start or apposed)


def _name_shaped(entity: Span) -> bool:
    """Written as a person's name: capitalized words and initials, nothing else ("Brett O’Donnell", "Mary J.
    Blige"; not "KING-TV", "CLEVELAND - Donald Trump")."""
    return all(t.is_title or (len(t.text) == 2 and t.text[0].isupper() and t.text[1] == ".") for t in entity)


def _is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"))


def spelled_out(doc: Doc, letters: str) -> Span | None:
    """The one run of capitalized words in ``doc`` whose initials spell ``letters``, as an ORG span, or None.

    For names the recognizer splits or misses: "Immigration, Refugees and Citizenship Canada (IRCC)",
    "the Parliamentary Budget Officer" for "the PBO".  Small words ("and", "of") and commas may sit between
    the capitalized words; an acronym of three or more letters may be spelled by the end of a longer run
    ("Canada's Immigration, Refugees and Citizenship Canada").  Two different runs spelling it: None."""
    found: dict[str, Span] = {}
    for run in _capitalized_runs(doc):
        for span in _spelling_spans(doc, run, letters):
            found.setdefault(" ".join(span.text.split()), span)
    if len(found) != 1:
        return None
    span = next(iter(found.values()))
    return Span(doc, span.start, span.end, label="ORG")


def _capitalized_runs(doc: Doc) -> list[list[Token]]:
    """Maximal runs of title-case words, with small words and commas between them (each run ends on a
    title-case word); computed once per Doc."""
    memo = entity_index(doc).memo
    if "capitalized_runs" not in memo:
        runs: list[list[Token]] = []
        run: list[Token] = []
        for token in doc:
            if (
                (
                    token.is_alpha
                    and token.is_title
                    and not (run == [] and token.is_sent_start and token.lower_ in _ACRONYM_SKIP)
                )
                or run
                and (token.lower_ in _ACRONYM_SKIP or token.text == ",")
            ):
                run.append(token)
            else:
                if run:
                    runs.append(run)
                run = []
        if run:
            runs.append(run)
        memo["capitalized_runs"] = [trimmed for run in runs if (trimmed := _trim_run(run))]
    return memo["capitalized_runs"]


def _trim_run(run: list[Token]) -> list[Token]:
    while run and not (run[-1].is_alpha and run[-1].is_title):
        run = run[:-1]
    return run


def _spelling_spans(doc: Doc, run: list[Token], letters: str) -> list[Span]:
    """Spans of ``run`` (the whole run, or for three letters or more a tail of it) spelling ``letters``."""
    heads = [k for k, t in enumerate(run) if t.is_title and t.lower_ not in _ACRONYM_SKIP]
    starts = heads if len(letters) >= 3 else heads[:1]
    spans = []
    for first in starts:
        if re.fullmatch(_initials_pattern(run[first:]), letters):
            spans.append(doc[run[first].i : run[-1].i + 1])
    return spans


def _initials_pattern(words: list[Token]) -> str:
    """A pattern of the initials ``words`` spell: each capitalized word's, a small word's if the acronym
    has it ("Bank of Canada" is "BC" or "BOC")."""
    parts = []
    for token in words:
        if token.lower_ in _ACRONYM_SKIP and token.is_alpha:
            parts.append(f"{re.escape(token.text[0].upper())}?")
        elif token.is_alpha:
            parts.append(re.escape(token.text[0]))
    return "".join(parts)


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _in_a_row(words: list[str], other: list[str]) -> bool:
    n = len(words)
    return any(other[i : i + n] == words for i in range(len(other) - n + 1))


def _word(token: Token) -> str:
    """A name word for comparison: lowercase, one apostrophe, no periods ("O’Neill" = "O'Neill", "F.B.I." = "FBI")."""
    return token.lower_.replace("’", "'").replace(".", "")


def _words_of(text: str) -> frozenset[str]:
    return frozenset(QUALIFIER_FORMS.get(w, w) for w in text.lower().replace("’", "'").replace("'s", "").split())


def _role_form(token: Token) -> str:
    word = token.lower_
    if word in ROLE_FORMS:
        return ROLE_FORMS[word]
    lemma = token.lemma_.lower()
    return ROLE_FORMS.get(lemma, lemma)


def _qualifier_form(token: Token) -> str:
    word = token.lower_.replace("’", "'")
    return QUALIFIER_FORMS.get(word, word)


def _indefinite(mention: Span) -> bool:
    """A description introducing someone: "a senior official", "one aide", "another source"."""
    first = mention[0].lower_
    return first in ("a", "an", "one", "another", "some", "several") or any(
        (t.dep_ == "det" and t.lower_ in ("a", "an", "another", "any", "each", "every", "no"))
        or (t.dep_ == "nummod" and t.lower_ == "one")  # "At least one commentator"
        for t in mention.root.children
    )


def _role_words(descriptor: list[Token]) -> list[Token]:
    """The nouns (and title words) of a descriptor that say what its holder is: not those of a phrase inside it
    ("Richard Curtin, director of the *survey*"; "Pagliano's lawyer" is a lawyer, not a Pagliano)."""
    inside = {t.i for t in descriptor}
    found = []
    for token in descriptor:
        if not (token.pos_ in ("NOUN", "PROPN") or token.lower_ in ROLE_FORMS):
            continue
        ancestor, nested = token.head, False
        while ancestor.i in inside and ancestor.i != ancestor.head.i:
            if ancestor.pos_ == "ADP" or ancestor.dep_ == "poss" or token.dep_ == "poss":
                nested = True
                break
            ancestor = ancestor.head
        if not nested and token.dep_ not in ("pobj", "poss"):
            found.append(token)
    return found


def _qualified(qualifiers: frozenset[str], words: frozenset[str]) -> bool:
    """Whether a holder's descriptor ``words`` has every qualifier of a description, an acronym matching
    initials of the descriptor's words ("the DNC chairman" for "Democratic National Committee chairman")."""
    missing = qualifiers - words
    if not missing:
        return True
    initials = Counter(w[0] for w in words if w[:1].isalpha() and w not in _ACRONYM_SKIP)
    return all(2 <= len(q) <= 5 and q.isalpha() and not Counter(q) - initials for q in missing)


def _qualifiers(mention: Span) -> frozenset[str]:
    """The words that narrow a description down to one holder: proper nouns and capitalized adjectives
    ("the *Indiana* governor", "the *GOP* nominee", "a spokeswoman for Hillary *Clinton*")."""
    head = mention.root
    found = set()
    for token in mention:
        if token.i == head.i or token.is_punct or token.tag_ == "POS":
            continue
        capitalized_adjective = token.pos_ == "ADJ" and token.is_title
        if token.pos_ == "PROPN" or (capitalized_adjective and (token.i > mention.start or token.ent_type_)):
            found.add(_qualifier_form(token))
    return frozenset(found)


def _honorific_gender(span: Span) -> str | None:
    """The gender an honorific at the start of ``span`` or right before it says ("Mr. Obama", "Ms. Lynch")."""
    doc = span.doc
    for i in (span.start, span.start - 1):
        if 0 <= i < len(doc):
            said = gender.HONORIFIC_GENDER.get(doc[i].lower_)
            if said:
                return said
    return None


def _name_words(entity: Span) -> list[str]:
    """The words of a name, without initials ("Donald J. Trump" -> donald, trump)."""
    words = [w for w in (_word(t) for t in _name_tokens(entity)) if len(w) > 1 and any(c.isalpha() for c in w)]
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def _name_tokens(entity: Span) -> list[Token]:
    """The entity without leading titles ("Councilor Wang Yi" -> "Wang Yi") and recognizer debris."""
    tokens = [t for t in entity if t.lower_ not in TITLES]
    if entity.label_ == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in TITLE_WORDS:
            tokens = tokens[1:]
        tokens = without_debris(tokens)
    # The recognizer may take the possessive in: "Mary J. Blige’s upcoming show"; a person's name may follow
    # it ("Media Research Center’s Bozell").
    for k, token in enumerate(tokens):
        if k and (token.tag_ == "POS" or token.lower_ in ("'s", "’s")):
            after = without_debris(tokens[k + 1 :]) if entity.label_ == "PERSON" and k + 1 < len(tokens) else []
            tokens = after if after and all(t.is_title for t in after) else tokens[:k]
            break
    # ... and marks or a line break around a name: "”― Ana Ruiz\n".
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text != ".")):
        tokens = tokens[:-1]
    return tokens


def without_debris(tokens: list[Token]) -> list[Token]:
    """A person's name without the words that are no name: leading lowercase or function words and
    prefixes ("speech Mrs. Clinton", "Beyond Trump", "pro-Clinton"), and all from the first verb
    ("Clinton Said", "Tom Nides Thanked Clinton"), lowercase word or line break on."""
    while len(tokens) > 1 and (
        tokens[0].is_punct
        or tokens[0].is_space
        or tokens[0].is_lower
        or (tokens[0].is_stop and not gender.first_name_gender(tokens[0].text))
        or tokens[0].lower_ in _PREFIXES
        or tokens[0].lower_ in SPEECH_VERBS
    ):
        tokens = tokens[1:]
    for k, token in enumerate(tokens):
        if k == 0:
            continue
        lemma = token.lemma_.lower()
        if (
            token.is_space
            or token.tag_.startswith("VB")
            or (token.pos_ != "PROPN" and (lemma in SPEECH_VERBS or token.lower_ in SPEECH_VERBS))  # "Stevie Wonder"
            or (token.is_alpha and token.is_lower and token.lower_ not in _NAME_PARTICLES)
        ):
            return tokens[:k]
    return tokens


_SUFFIXES = lexicon_words("name_suffix_tokens")


def _surname(tokens: list[Token]) -> str:
    """The last word of a person's name that is no suffix ("Trump" of "Donald Trump Jr.")."""
    words = [t for t in tokens if t.lower_ not in _SUFFIXES and not t.is_punct] or tokens
    return words[-1].text


def _hyphenated(token: Token) -> bool:
    """A word joined to the one before by a hyphen ("Ki-moon")."""
    doc = token.doc
    return token.i >= 1 and doc[token.i - 1].text in ("-", "\u2010", "\u2011") and not doc[token.i - 1].whitespace_


def name_text(entity: Span, label: str | None = None) -> str:
    """A name as the speaker column gives it: a person's (``label``, else the entity's) without titles and
    recognizer debris, run on over a hyphen the recognizer stopped at ("Ban Ki-moon"), a transcript's capitals in
    title case ("WALLACE" -> "Wallace"); any other name without its determiner, end marks and possessive
    ("the IMF's" -> "IMF")."""
    tokens = _name_tokens(entity)
    if (label or entity.label_) != "PERSON" or not tokens:
        return _without_determiner(_without_modifiers(entity))
    doc = entity.doc
    end = tokens[-1].i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and _hyphenated(doc[end + 1]):
        end += 2  # the recognizer may stop at a hyphen: "Ban Ki" of "Ban Ki-moon"
    text = doc[tokens[0].i : end].text
    return text.title() if text.isupper() and len(text) > 3 else text  # a transcript's "WALLACE:" is Wallace


def _without_modifiers(entity: Span) -> Span:
    """An organization's or place's name without the lowercase adjectives the recognizer took in before it ("the
    federal Securities and Exchange Commission")."""
    start = entity.start
    while start < entity.end - 1 and entity.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    first = start
    while (
        start < entity.end - 1
        and entity.doc[start].pos_ == "ADJ"
        and entity.doc[start].is_lower
        and entity.doc[start].is_alpha
    ):
        start += 1
    if start == first or not (entity.doc[start].is_title or entity.doc[start].is_upper):
        return entity
    return entity.doc[start : entity.end]


def _without_determiner(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text
