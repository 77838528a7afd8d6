"""The names strategy: which entity a mention names, and the fullest name the article gives its referent.

A **name** ("Hua", "Mr. Pompeo", "WALLACE:") becomes the fullest name of that person in the article ("Hua
Chunying"): the longest PERSON entity holding its words.  Where two people share the surname ("Barack Obama",
"Michelle Obama") the honorific ("Mr. Obama") decides, then one named in full in the same paragraph before, else
the one the surname was first used alone for (the one named in full just before that use: "Homeland Security
Secretary Jeh Johnson says ... Johnson tells MSNBC", with Gary Johnson named earlier).  A surname no one named in
full bears may be another's misspelled by a letter.  In a mention holding several names, the person apposed to
its head speaks ("the election, Minyon Moore, a senior adviser to the Clinton campaign").  Organizations and
places extend only to names holding their words in a row ("Tax Policy Center" -> "Urban-Brookings Tax Policy
Center"; "Mexico" is not "Mexico City"); an acronym becomes the organization it spells.  Two coordinated names are
one speaker, "A and B"; a name before a collective noun speaks as one ("the Trump campaign").

:class:`NameResolver` keeps each answer per (entity, mention): every strategy of :mod:`.resolver` ends here.
A surname the recognizer never saw named in full may be named so inside a quotation or another name ("Barack Obama
Election Day" for "Mr. Obama"): a first name of its gender right before it gives the full name, when only one does.
Limits: the recognizer's entities and the article's own names only; a name it never gives in full stays as written.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from ...lexicon import gender, table
from ...lexicon import words as lexicon_words
from ...lexicon.nouns import names_person
from ...lexicon.titles import TITLE_WORDS
from ...normalize.places import place_country
from ..portfolios import portfolio_name_start
from ..profiles import honorific_gender, titled_person
from .acronyms import is_acronym, spelled_out
from .descriptions import COLLECTIVE_HEADS
from .gender_evidence import GenderEvidence
from .grammar import _apposed_below, _conjuncts, _plural, _subject_before
from .layout import ArticleLayout
from .mentions import ENTITY_TYPES, MentionIndex
from .names import (
    TITLES,
    _first_names_only,
    _given_name,
    _in_a_row,
    _name_tokens,
    _name_words,
    _surname,
    _without_determiner,
    _word,
    name_text,
)
from .organizations import campaign_holders, coordinated_start, extended_name, kind_words
from .speaker import Speaker

_ORG_SHORT_FORMS = {row[0]: frozenset(row[1].split()) for row in table("org_short_forms")}  # "fed": Federal Reserve
_POSSESSED_HEADS = lexicon_words("possessed_heads")  # "Schumer's office", not "the Schumer office"
_CAMPAIGN_NOUNS = frozenset({"team", "camp"})  # a candidate's team or camp: their campaign, where the article names it

GROUP_NUMBERS = {word: int(number) for word, number in table("group_numbers")}  # "the two", "both", "the pair"
_BEARER_PARAGRAPHS = 2  # a surname is the bearer named in full in the last paragraphs ("Jeh Johnson ... Johnson")


class NameResolver:
    """The fullest speaker of the entities of one article (see the module doc), kept per entity and mention."""

    def __init__(self, doc: Doc, layout: ArticleLayout, mentions: MentionIndex, genders: GenderEvidence):
        self.doc = doc
        self.layout = layout
        self.mentions = mentions
        self.genders = genders
        self._resolved: dict[tuple[int, int, int], Speaker] = {}  # (entity start, end, mention start) -> speaker
        self._named: dict[tuple[str, ...], tuple[list[int], dict[frozenset[str], int], list[frozenset[str]]]] = {}
        self._bearers: dict[tuple[frozenset[str], tuple[frozenset[str], ...]], frozenset[str]] = {}  # _bearer
        self._given_names: dict[str, dict[str, int]] | None = None  # surname -> given name -> first position
        self._campaigns: frozenset[str] | None = None  # surnames of the people whose campaign is named

    def campaigns(self) -> frozenset[str]:
        """The surnames of the people whose campaign the article names (:func:`.organizations.campaign_holders`)."""
        if self._campaigns is None:
            self._campaigns = campaign_holders(self.doc)
        return self._campaigns

    def fullest(self, entity: Span, mention: Span) -> Speaker:
        """The fullest name of ``entity``'s referent (see the module doc), typed from all its mentions."""
        key = (entity.start, entity.end, mention.start)
        if key not in self._resolved:
            self._resolved[key] = self._find_fullest(entity, mention)
        return self._resolved[key]

    def _find_fullest(self, entity: Span, mention: Span) -> Speaker:
        mentions = self.mentions
        if entity.label_ == "ORG" and is_acronym(entity.text):
            expanded = mentions.acronym_of(entity.text)
            if expanded is not None:
                entity = expanded
        elif entity.label_ == "ORG":
            entity = self._short_form_named(entity) or entity
        words = mentions.name_words(entity)
        best = entity
        if words:
            if entity.label_ == "PERSON" or mentions.person_named(words):
                best = self._fullest_person(entity, words, mention) or entity
            else:
                best = self._fullest_other(entity, words)
        label = mentions.type_of(best)
        if label != "PERSON" and best.label_ != "PERSON":
            titled = titled_person(best)
            if titled is not None:  # "Secretary of State Pompeo" tagged ORG "State Pompeo"
                return Speaker(titled.name, "PERSON", best)
            # "the U.S. Court of Appeals" for the Sixth Circuit; "Fisheries and" Oceans Canada
            best = extended_name(coordinated_start(best))
        return Speaker(name_text(best, label), label, best)

    def _fullest_person(self, entity: Span, words: list[str], mention: Span) -> Span | None:
        """Of the people whose names hold ``words``, the one meant at ``mention``: the only one, else the one
        whose gender agrees with an honorific at the mention, else the latest named before it."""
        mentions = self.mentions
        own = honorific_gender(mention) or honorific_gender(entity) or self.genders.honorific_gender_of(words)
        holding, first_of, names = self._people_named(words)
        if not holding:
            return None
        if len(words) == 1 and all(len(name) == 1 for name in names):
            misspelled = mentions.misspelled_bearer(words[0])
            if misspelled is not None:  # "McLenney said" of "Tyresha McClenney"
                return misspelled
        # A name extends only to a person of its gender ("Mr. Obama" is not Michelle Obama, the only Obama named
        # in full), by the honorifics before it.
        if own is not None:
            names = self._agreeing(names, first_of, own)
        if not any(len(n) > 1 for n in names):
            return self._given_elsewhere(words, own) or (mentions.entities[first_of[names[0]]] if names else None)
        if len(names) > 1:
            # A second bearer named in the same paragraph just before is meant ("Jeh Johnson ... Johnson said");
            # else the one the name was first used alone for.
            recent = self._latest_in_paragraph(words, names, mention.start)
            if recent is None:
                recent = self._bearer(words, {n: first_of[n] for n in names}, mention.start)
            names = [recent]
        return mentions.entities[first_of[names[0]]]

    def _latest_in_paragraph(self, words: list[str], names: list[frozenset[str]], at: int) -> frozenset[str] | None:
        """Of ``names`` (each holding ``words``), the one named in full latest before token ``at`` when that is in
        ``at``'s paragraph, else None."""
        mentions, wanted = self.mentions, set(names)
        holding = mentions.holding_entities(frozenset(words))
        lo = self.layout.paragraph_starts[max(self.layout.paragraph(at), 0)]
        for k in reversed(holding[: bisect_left(holding, bisect_left(mentions.starts, at))]):
            if mentions.entities[k].start < lo:
                return None
            if frozenset(mentions.words[k]) in wanted:
                return frozenset(mentions.words[k])
        return None

    def _people_named(self, words: list[str]) -> tuple[list[int], dict[frozenset[str], int], list[frozenset[str]]]:
        """The person entities whose names hold ``words``, the first of each name (its words), and the names no
        other name holds; kept per ``words``, as a surname six hundred people share is asked for again and again."""
        key = tuple(words)
        if key not in self._named:
            mentions = self.mentions
            holding = [
                k
                for k in mentions.holding_entities(frozenset(words))
                if mentions.is_person_name(k)
                # A title's name is trusted only where its other words are first names ("Derelict Obama" is not).
                and (mentions.entities[k].start >= self.layout.title_end or _first_names_only(mentions.words[k], words))
            ]
            first_of: dict[frozenset[str], int] = {}  # name words -> first entity with them
            for k in holding:
                first_of.setdefault(frozenset(mentions.words[k]), k)
            names = [n for n in first_of if not any(n < other for other in first_of)]
            self._named[key] = (holding, first_of, names)
        return self._named[key]

    def _agreeing(
        self, names: list[frozenset[str]], first_of: dict[frozenset[str], int], own: str
    ) -> list[frozenset[str]]:
        """The names whose bearer's gender agrees with an honorific's, else the one whose gender rests only on a first
        name that does not decide, which the honorific then overrules ("Mr. Graham" of Lindsey Graham)."""
        entities = self.mentions.entities
        agreeing = [n for n in names if gender.agrees(self.genders.of(entities[first_of[n]]), own)]
        if agreeing:
            return agreeing
        overruled = [n for n in names if gender.agrees(self.genders.firm(entities[first_of[n]]), own)]
        if len(overruled) != 1:
            return []
        self.genders.overrule(entities[first_of[overruled[0]]], own)
        return overruled

    def _given_elsewhere(self, words: list[str], own: str | None) -> Span | None:
        """A surname the article names in full only where the recognizer saw no person of that name: inside a
        quotation or another name ("Barack Obama Election Day" for "Mr. Obama"), when one given name of the
        surname's gender comes right before it there."""
        if len(words) != 1:
            return None
        if self._given_names is None:
            self._given_names = _given_names(self.doc)
        found = {
            given: start
            for given, start in self._given_names.get(words[0], {}).items()
            if gender.agrees(gender.first_name_gender(given), own)
        }
        if len(found) != 1:
            return None
        start = next(iter(found.values()))
        return Span(self.doc, start, start + 2, label="PERSON")

    def _bearer(self, words: list[str], first_of: dict[frozenset[str], int], at: int) -> frozenset[str]:
        """Which of several people named in full (``first_of``: their names and first entities, in the order the
        article introduces them) a name of
        theirs used alone (``words``: "Johnson") means: the one it was first used alone for, as a reader takes
        it on: the one named in full latest before that first use, in its last paragraphs ("Homeland Security
        Secretary Jeh Johnson says ... Johnson tells MSNBC"), the subject or else the first named of a sentence
        naming two ("for his wife Hillary Clinton, Bill Clinton said"), else the one introduced first.  Kept per
        name."""
        mentions = self.mentions
        names = list(first_of)
        key = (frozenset(words), tuple(names))
        if key not in self._bearers:
            alone = [
                k
                for k in mentions.holding_entities(key[0])
                if mentions.named[k] and len(mentions.words[k]) == len(words)
            ]
            first_use = min(
                [
                    at,
                    *(mentions.entities[k].start for k in alone if mentions.entities[k].start >= self.layout.title_end),
                ]
            )
            paragraph = self.layout.paragraph(first_use)
            latest = {n: mentions.latest_before(n, first_use) for n in names}
            # ... of the gender the name alone has ("Clinton allowed her staff" is not Bill Clinton).
            said = self.genders.of(mentions.entities[alone[0]]) if alone else None
            recent = [
                n
                for n in names
                if latest[n] >= 0
                and paragraph - self.layout.paragraph(latest[n]) <= _BEARER_PARAGRAPHS
                and gender.agrees(self.genders.of(mentions.entities[first_of[n]]), said)
            ]
            # Latest by sentence; in one sentence, the subject, else the first named.
            ranked = sorted(
                recent, key=lambda n: (self.layout.sentence(latest[n]), mentions.subject_at(latest[n]), -latest[n])
            )
            self._bearers[key] = ranked[-1] if ranked else names[0]
        return self._bearers[key]

    def _short_form_named(self, entity: Span) -> Span | None:
        """The organization a short form stands for ("the Fed": the Federal Reserve, ``org_short_forms.tsv``), the
        first the article names holding its listed words, or None."""
        words = [t.lower_ for t in entity if t.is_alpha and t.lower_ != "the"]
        wanted = _ORG_SHORT_FORMS.get(words[0]) if len(words) == 1 else None
        if wanted is None:
            return None
        mentions = self.mentions
        named = (mentions.entities[k] for k in mentions.holding_entities(wanted))
        return next((e for e in named if e.label_ == "ORG"), None)

    def _fullest_other(self, entity: Span, words: list[str]) -> Span:
        """The longest organization (or group) name holding ``words`` in a row; a place is itself.  A nationality
        or party word is extended only to a name the text goes on to spell ("Islamic" of "Islamic State"): "the
        Wisconsin Republican" is no "Republican National Committee"."""
        mentions = self.mentions
        if entity.label_ == "GPE":
            return entity
        best, size = entity, len(words)
        for k in mentions.holding_entities(frozenset(words)):
            other = mentions.words[k]
            longer = len(other) > size and mentions.entities[k].label_ != "PERSON" and _in_a_row(words, other)
            if longer and (entity.label_ != "NORP" or _spelled_on(entity, other)):
                best, size = mentions.entities[k], len(other)
        return best

    def entity_in(self, mention: Span) -> Span | None:
        """The entity a mention names, of those inside it: the head's own, else a person apposed to the head, else
        the rightmost; persons before other kinds."""
        inside = [e for e in self.mentions.within(mention.start, mention.end) if e.label_ in ENTITY_TYPES]
        if not inside or any(_member_described(e, mention) for e in inside):
            return None  # "the Florida Republican" is a person described, neither Florida nor the party
        persons = [e for e in inside if e.label_ == "PERSON"]
        pool = persons or inside
        # The head's own entity first, else a person in apposition to it ("the election, Minyon Moore, a senior
        # adviser to the Clinton campaign" is not Clinton), else the rightmost (names follow their titles).
        for entity in pool:
            if entity.start <= mention.root.i < entity.end:
                return entity
        # a person the recognizer took for an organization counts here ("Legault's spokesperson, Ewan Sauves")
        apposed = [
            e
            for e in inside
            if (e.label_ == "PERSON" or self.mentions.type_of(e) == "PERSON") and _apposed_below(e.root, mention.root)
        ]
        return (apposed or pool)[-1]

    def apposed_to(self, mention: Span) -> Span | None:
        """The named entity a description stands in apposition to ("Turkey, the only Muslim nation that ...")."""
        head = mention.root
        named = head.head if head.dep_ == "appos" else _subject_before(head, mention.start)
        if named is None or named.i >= head.i:
            return None
        if any(t.text == ":" for t in self.doc[named.i : head.i]):
            return None  # "China, Afghanistan to deepen cooperation: Spokesperson" labels, it does not describe
        entity = self.mentions.at(named.i)
        if entity is None or entity.label_ not in ENTITY_TYPES:
            return None
        if entity.label_ == "PERSON" and _plural(head):
            return None  # "Clinton, party leaders and ...": a list, not a description of her
        return entity

    def named_unrecognized(self, mention: Span) -> Span | None:
        """The article's entity a name the recognizer missed is part of ("Pence says ..." at a sentence's
        start, with "Mike Pence" elsewhere; "WALLACE:" in a transcript): a mention of capitalized nouns only
        (the parser may take a name for a common noun: "Sanders:", or a lone one for any word: "Jolly said"), all of
        whose words one entity has;
        or an acronym of one ("AROS")."""
        mentions = self.mentions
        tokens = [t for t in mention if t.tag_ != "POS"]
        while len(tokens) > 1 and tokens[0].lower_ in TITLES:
            tokens = tokens[1:]  # "Mr Farage", the recognizer missing a name after a title without its period
        if len(tokens) == 2 and tokens[0].lower_ == "the" and is_acronym(tokens[1].text):
            tokens = tokens[1:]  # "the S.E.C.": "The Brujas" is a group, no person named Brujas
        # a lone name may be tagged as any word ("Jolly said", "Will wrote", "Ham went" opening a paragraph): the entity
        # holding it decides
        tags = ("PROPN", "NOUN") if len(tokens) > 1 else ("PROPN", "NOUN", "ADJ", "ADV", "AUX", "VERB", "INTJ", "X")
        if not tokens or not all(t.pos_ in tags and (t.is_title or t.is_upper) for t in tokens):
            return None
        if len(tokens) == 1 and is_acronym(tokens[0].text):
            found = mentions.acronym_of(tokens[0].text)
            if found is not None:
                return found
        holding = mentions.holding_entities(frozenset(_word(t) for t in tokens))
        persons = [k for k in holding if mentions.entities[k].label_ == "PERSON"]
        pool = persons or holding
        return mentions.entities[pool[0]] if pool else None

    def possessed_name(self, head: Token) -> Speaker:
        """A name after a possessor, which the recognizer missed ("Fox News' Megyn Kelly"): the person of the
        article holding its words, else the name as written."""
        start = min((c.i for c in head.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"), default=head.i)
        name = self.doc[start : head.i + 1]
        named = self.named_unrecognized(name)
        if named is not None:
            return self.fullest(named, name)
        return Speaker(name.text, "PERSON" if gender.is_first_name(name[0].text) else "OTHER")

    def named_after_modifier(self, mention: Span, entity: Span) -> Speaker | None:
        """ "The Russian Carlos Soler said", the recognizer finding the nationality and missing the name: a place's or
        nation's word modifying capitalized words the recognizer left untagged up to the mention's head is no speaker,
        the person named after it is (the article's fullest name for them, else the name as written, when it opens with
        a first name of the name data); None otherwise."""
        head = mention.root
        if entity.label_ not in ("NORP", "GPE") or entity.root.head.i != head.i or not entity.end <= head.i:
            return None
        name = self.doc[entity.end : head.i + 1]
        if not all(t.pos_ == "PROPN" and t.is_title and not t.ent_type_ for t in name):
            return None
        named = self.named_unrecognized(name)
        if named is not None and named.label_ == "PERSON":
            return self.fullest(named, name)
        # a person's name: not "The Islamic State", "Republican Senators"
        return Speaker(name.text, "PERSON") if named is None and gender.is_first_name(name[0].text) else None

    def one_name(self, mention: Span) -> Speaker | None:
        """One name the parser or the recognizer split into several (see the three methods below)."""
        return (
            self.spelled_by_acronym(mention)
            or self.titled_after_place(mention)
            or self.joined_by_and(mention)
            or self.after_portfolio(mention)
        )

    def after_portfolio(self, mention: Span) -> Speaker | None:
        """The person named after an office and its portfolio, which the parser hung under the office: "Minister for
        Health Stephen Donnelly" (see :mod:`claimex.nlp.portfolios`); the article's fullest name for them, else the
        name as written."""
        start = portfolio_name_start(mention.root)
        if not start or start >= mention.end:
            return None
        name = self.doc[start : mention.end]
        named = self.named_unrecognized(name)
        return self.fullest(named, name) if named is not None else Speaker(name.text, "PERSON")

    def spelled_by_acronym(self, mention: Span) -> Speaker | None:
        """A name the parser split at its commas and the recognizer missed, spelled by the acronym in parentheses
        after it: "Immigration, Refugees and Citizenship Canada (IRCC) said" is one organization, not
        "Immigration" and others.  An acronym of a title is no body's ("External Affairs Minister (EAM) S.
        Jaishankar")."""
        head = mention.root
        for token in head.subtree:
            if token.dep_ != "appos" or token.i <= head.i or not is_acronym(token.text):
                continue
            if self.doc[token.i - 1].text != "(":
                continue
            spelled = spelled_out(self.doc, token.text)
            if spelled is not None and spelled.start <= head.i < spelled.end and not names_person(spelled[-1].lower_):
                return self.fullest(spelled, mention)
        return None

    def joined_by_and(self, mention: Span) -> Speaker | None:
        """An organization's name the parser split at its "and", the recognizer keeping only what follows:
        "Fisheries and Oceans Canada said" is one organization, not "Fisheries" and "Oceans Canada"."""
        for conj in (c for c in mention.root.children if c.dep_ == "conj"):
            entity = self.mentions.at(conj.i)
            if entity is not None and coordinated_start(entity).start <= mention.root.i < entity.start:
                return self.fullest(entity, mention)
        return None

    def titled_after_place(self, mention: Span) -> Speaker | None:
        """A titled person the parser coordinated with the first word of a place's name of two joined by "and":
        "Newfoundland and Labrador Premier Andrew Furey said" is Andrew Furey, not Newfoundland."""
        head = mention.root
        conjuncts = [c for c in head.children if c.dep_ == "conj"]
        if head.ent_type_ != "GPE" or len(conjuncts) != 1:
            return None
        person = self.mentions.at(conjuncts[0].i)
        if person is None or person.label_ != "PERSON" or person.start < head.i + 3:
            return None
        title = self.doc[person.start - 1]
        place = self.doc[head.i : person.start - 1]
        if title.lower_ not in TITLE_WORDS or not place_country(place.text):
            return None
        return self.fullest(person, mention)

    def coordinated(self, mention: Span) -> Speaker | None:
        """Two or more coordinated names are one speaker: "Trump and Clinton" -> "Donald Trump and Hillary Clinton"."""
        head = mention.root
        first = self.mentions.at(head.i)
        if first is None or first.label_ not in ("PERSON", "ORG"):
            return None
        others = []
        conjuncts = _conjuncts(head)
        for conj in conjuncts:
            entity = self.mentions.at(conj.i)
            if entity is None or entity.label_ not in ("PERSON", "ORG") or not entity.start <= conj.i < entity.end:
                return None  # "Clinton and her aides": the named one speaks for a group
            others.append(entity)
        if not others or not any(
            c.dep_ == "cc" and c.lower_ in ("and", "&") for t in (head, *conjuncts) for c in t.children
        ):
            return None
        names = [self.fullest(e, mention).name for e in (first, *others)]
        return Speaker(" and ".join(dict.fromkeys(names)), first.label_, None, plural=True)

    def named_group(self, mention: Span) -> Speaker | None:
        """A definite description of a group of two or three ("the two", "both candidates", "the pair") is the
        latest coordination of that many people in its sentence before it or the sentence before ("Mr. Obama and
        Hillary Clinton never seem to tire of ... the two learned" -> "Obama and Hillary Clinton"); "both men"
        and "the two women" want people of that gender.  Limits: people named apart ("Nixon's term ... carried
        out by Ronald Reagan. The two Republican presidents") stay the description: two names in a row need not
        be the group ("Comey said ... Clinton ... The two lawmakers")."""
        size = _group_size(mention)
        if size is None:
            return None
        wanted = gender.NOUN_GENDER.get(mention.root.lemma_.lower())  # "both women"
        start = self.layout.sentence_starts[max(self.layout.sentence(mention.start) - 1, 0)]
        people = [
            e
            for e in self.mentions.within(start, mention.start)
            if e.label_ == "PERSON" and not self.layout.quoted[e.start]
        ]
        found = None
        for k in range(len(people) - size + 1):
            run = people[k : k + size]
            if _coordinated_run(run) and all(gender.agrees(self.genders.of(p), wanted) for p in run):
                found = run
        if found is None:
            return None
        names = list(dict.fromkeys(self.fullest(p, p).name for p in found))
        return Speaker(" and ".join(names), "PERSON", None, plural=True) if len(names) == size else None

    def compound(self, mention: Span, entity: Span) -> Speaker | None:
        """A name before a collective noun speaks as one, named as news names it: "The Trump campaign",
        "Hillary Clinton's campaign" -> "Trump campaign", "Clinton campaign" (ORG); "a Bloomberg poll" ->
        "Bloomberg poll"."""
        head = mention.root
        if head.lemma_.lower() not in COLLECTIVE_HEADS or _plural(head):
            return None
        if entity.root.head != head or entity.root.dep_ not in ("compound", "poss", "nmod", "amod"):
            return None
        if self.mentions.type_of(entity) == "PERSON":
            fullest = self.fullest(entity, entity).name
            return Speaker(persons_body(_name_tokens(entity), fullest, head, self.campaigns()), "ORG", None)
        # "Washington Post-ABC News national poll"
        return Speaker(f"{_without_determiner(entity)} {kind_words(entity, head)}", "ORG", None)


def persons_body(name: list[Token], fullest: str, head: Token, campaigns: frozenset[str] = frozenset()) -> str:
    """A person's campaign, team or office named as news names it: by the surname of ``name`` ("Trump campaign",
    "Obama administration"), or, for the nouns of ``possessed_heads``, by the possessive of the person's ``fullest``
    name ("Chuck Schumer's office").  A candidate's team or camp is their campaign where the article names it
    (``campaigns``: the surnames, lowercase, of :func:`.organizations.campaign_holders`): "Clinton's team" and
    "the Clinton camp" are the "Clinton campaign", one speaker."""
    lemma = head.lemma_.lower()
    if lemma in _POSSESSED_HEADS:
        return f"{fullest}'s {head.lower_}"
    surname = _surname(name)
    if lemma in _CAMPAIGN_NOUNS and surname.lower() in campaigns:
        return f"{surname} campaign"
    return f"{surname} {head.text}"


def _given_names(doc: Doc) -> dict[str, dict[str, int]]:
    """Surname -> given name (lower case) -> where the pair first starts, for every capitalized word right after
    a first name of the name data ("Barack Obama", anywhere in the text)."""
    found: dict[str, dict[str, int]] = {}
    for token in doc[1:]:
        given = doc[token.i - 1]
        proper = token.pos_ == given.pos_ == "PROPN"  # not "Will Twitter", a question
        if proper and token.is_title and token.is_alpha and _given_name(given) and gender.is_first_name(given.text):
            found.setdefault(_word(token), {}).setdefault(given.lower_, given.i)
    return found


def _group_size(mention: Span) -> int | None:
    """How many people a definite group description names: "the two senators", "both men", "the pair" (a group
    noun, or a plural noun for people with "both" or a number before it), else None."""
    head = mention.root
    first = mention[0].lower_
    if first not in ("the", "both", "these", "this"):
        return None
    if head.lower_ in GROUP_NUMBERS and head.pos_ in ("NOUN", "NUM"):  # "the pair", "the two"
        return GROUP_NUMBERS[head.lower_]
    if not (_plural(head) and names_person(head.lemma_.lower())):
        return None
    if first == "both":
        return GROUP_NUMBERS["both"]
    numbers = [GROUP_NUMBERS[c.lower_] for c in head.children if c.dep_ == "nummod" and c.lower_ in GROUP_NUMBERS]
    return numbers[0] if len(numbers) == 1 else None


def _coordinated_run(names: list[Span]) -> bool:
    """Whether names follow one another joined by commas and a last "and" ("A and B", "A, B and C")."""
    doc = names[0].doc
    for k, (left, right) in enumerate(zip(names, names[1:], strict=False)):
        between = [t.lower_ for t in doc[left.end : right.start]]
        last = k == len(names) - 2
        if between not in ([["and"], [",", "and"]] if last else [[","]]):
            return False
    return True


def _spelled_on(entity: Span, name: list[str]) -> bool:
    """Whether the text at ``entity`` reads as ``name`` (its words, see :func:`_name_words`), in order."""
    doc = entity.doc
    reading = _name_words(doc[entity.start : min(len(doc), entity.end + len(name) + 2)])
    return reading[: len(name)] == name


def _member_described(entity: Span, mention: Span) -> bool:
    """A party's or nation's member described by one singular word with a determiner or a number ("the Florida
    Republican", "a Texas Democrat", "one New Hampshire Democrat"): a person, not the group."""
    head = mention.root
    return (
        entity.label_ == "NORP"
        and entity.start <= head.i < entity.end
        and head.tag_ == "NNP"
        and any(t.dep_ in ("det", "nummod") for t in head.children)
    )
