"""Speaker profiles: role, organization and country from the words around a name.

The article describes a speaker once, usually at the first mention:
"Foreign Ministry spokeswoman Hua Chunying", "Syrian President Bashar Assad",
"Imad Moustapha, the Syrian ambassador to China", "the spokesperson of the
Chinese Foreign Ministry Geng Shuang".  The profile reads the descriptors of
every mention of the speaker's entity (titles before the name, an apposition,
the noun the name is apposed to, "the spokesperson of X Name") and keeps the
best: one with an office word ("spokeswoman", "President", "Councilor") over
one with a common noun only ("top diplomat"), the longer on a tie. A descriptor with neither a
title nor a noun for a person ("68-year-old", "the health of") gives no role.

* role: the best descriptor as the article words it, without leading
  determiners, possessors ("the Chinese government's"), honorifics ("Mr.")
  and nationality words (which go to the country): "Foreign Ministry
  spokeswoman", "President", "ambassador to China", "spokesperson of the
  Foreign Ministry", "State Councilor".  Words are joined by single spaces
  (line breaks and no-break spaces inside the phrase are not kept);
* org: an organization named in the descriptor (a state body's nationality
  dropped: "Foreign Ministry"; not a minister's portfolio: "Housing Minister"),
  else the one the name is "of" or "with" ("Michael O'Hanlon of the Brookings
  Institution"), or the speaker itself when it is one ("Reuters"); the words
  naming it (``Profile.org_mention``, also a description of a body: "the
  council's president") let the speakers component name it in full;
* country (ISO alpha-3): a nationality adjective or country in the
  descriptor ("Syrian", "US"; not the country after "to": "ambassador to
  China" is Syria's), else a place inside a country there ("New York Gov.",
  "Ontario Premier", "S.C. Sen.", "the Tokyo-based": :mod:`claimex.normalize.places`),
  else the state of a party tag after a name ("Lindsey Graham (R-S.C.)", "Adam Schiff, D-Calif.,"),
  else one in another descriptor of the same speaker, else the
  organization's, else a country, capital, state or city speaking for
  itself ("Beijing says" -> CHN), else, for an unqualified government body
  ("Foreign Ministry spokeswoman"), the country of the story's dateline
  ("BEIJING, November 6" -> CHN), else that of an office, body or party only one
  country has ("Secretary of State", "White House", "Republican"), else, for a
  public office's holder or a party's member whose role names no other body,
  the country the article is about (:func:`_home_country`: "Sen." in a story
  naming Iowa and New Hampshire).  A country word inside an organization's
  proper name counts only for a state body ("U.S. Court of Appeals",
  "Chinese Air Force"), never for another name ("Turkish Friendship
  Hospital" in Gaza is not Turkey's).  "" when none of these is there: a
  region the gazetteer does not know ("Xinjiang governor") gives none.

A person the NER folded into an organization with the end of a title ("US
Secretary of State Pompeo" -> ORG "State Pompeo") is taken back: when an
entity that is not a PERSON starts with title words, the title phrase around
it names an office holder ("Secretary", "Minister", ...) and the rest is a
capitalized name, the profile names the person ("Pompeo", or the fullest
PERSON name with that last word in the article, e.g. "Mike Pompeo"), with the
title phrase as role ("Secretary of State") and its country (USA); it fills
``Profile.name`` and ``Profile.type`` ("PERSON"), which the speakers
component (:func:`titled_person`) gives as the speaker: the speaker is decided
there alone, and the records only read it.

Limits, plainly: one profile per entity and article (a person who changes
role mid-story keeps the best one); a descriptor the parser does not attach to
the name is not seen; every person sharing a last name with the speaker lends
it descriptors.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Any

import srsly
from spacy.tokens import Doc, Span, Token

from ..lexicon import gender
from ..lexicon import table as lexicon_table
from ..lexicon import words as lexicon_words
from ..lexicon.nouns import ORG_NOUNS, PERSON, may_name_person, names_person, noun_classes
from ..lexicon.titles import HONORIFICS, PERSON_TITLES, TITLE_LINKS, TITLE_WORDS
from ..normalize import countries
from ..normalize.places import place_country, region_country
from .attributes import party_tag_after
from .keys import CLAIMS
from .portfolios import portfolio_name_start
from .transcript_labels import role_label_bounds

_ENTS_KEY: Any = ("claimex", "ents")  # a tuple key in doc.user_data (typed as str keys by spaCy)


class EntityIndex:
    """The Doc's entities, indexed once per Doc so that per-claim lookups do not scan them all.

    ``doc.ents`` is rebuilt by spaCy on every access, and scanning it for every claim made long
    articles quadratic.  Entities are sorted and do not overlap, so starts and ends are both
    increasing: the entities inside a span, or at a token, are found by bisection.  ``memo``
    holds per-Doc results of the profile lookups (see :func:`speaker_profile`).
    """

    def __init__(self, doc: Doc):
        self.doc_ref = weakref.ref(doc)  # a copy of the Doc (user_data and all) builds its own
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.starts = [e.start for e in self.ents]
        self.ends = [e.end for e in self.ents]
        self.memo: dict = {}
        self._by_last: dict[tuple[str, str], list[Span]] | None = None

    def within(self, start: int, end: int) -> tuple[Span, ...]:
        """The entities inside tokens ``start:end``, in order."""
        return self.ents[bisect_left(self.starts, start) : bisect_right(self.ends, end)]

    def position_at(self, i: int) -> int:
        """The position in :attr:`ents` of the entity holding token ``i``, or -1."""
        k = bisect_right(self.starts, i) - 1
        return k if k >= 0 and self.ends[k] > i else -1

    def at(self, i: int) -> Span | None:
        k = self.position_at(i)
        return self.ents[k] if k >= 0 else None

    def by_last(self, label: str, last: str) -> list[Span]:
        """The entities of ``label`` whose last token is ``last`` (lowercase), in order."""
        if self._by_last is None:
            self._by_last = {}
            for e in self.ents:
                self._by_last.setdefault((e.label_, e[-1].lower_), []).append(e)
        return self._by_last.get((label, last), [])

    def named_by_last(self, label: str, last: str) -> list[tuple[Span, set[str], str | None]]:
        """:meth:`by_last`, each entity with its name words (:func:`_name_words`) and the gender of an honorific at it
        (:func:`honorific_gender`), kept per label and last word."""
        key = ("named_by_last", label, last)
        if key not in self.memo:
            self.memo[key] = [(e, _name_words(e), honorific_gender(e)) for e in self.by_last(label, last)]
        named: list[tuple[Span, set[str], str | None]] = self.memo[key]
        return named


@srsly.msgpack_encoders("claimex.entity_index")
def _skip_entity_index(obj: object, chain=None):
    """The index is a cache in ``doc.user_data``: DocBin(store_user_data=True) stores None, and it is rebuilt."""
    if isinstance(obj, EntityIndex):
        return None
    return obj if chain is None else chain(obj)


def entity_index(doc: Doc) -> EntityIndex:
    """The :class:`EntityIndex` of ``doc``, built once (kept in ``doc.user_data``).  Call only once
    entities are final."""
    cached = doc.user_data.get(_ENTS_KEY)
    if not isinstance(cached, EntityIndex) or cached.doc_ref() is not doc:
        cached = EntityIndex(doc)
        doc.user_data[_ENTS_KEY] = cached
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (see :class:`EntityIndex`).  Call only once entities are final."""
    return entity_index(doc).ents


def span_ents(span: Span) -> list[Span]:
    """The entities inside ``span`` (``span.ents`` without rebuilding the Doc's)."""
    return list(entity_index(span.doc).within(span.start, span.end))


def entity_at(token: Token) -> Span | None:
    """The entity holding ``token``, or None."""
    return entity_index(token.doc).at(token.i)


GOVERNMENT_WORDS = lexicon_words("government_words")
# Words that make an organization a state's own body, whose name's country word is its country ("U.S. Court of
# Appeals", "Chinese Air Force", "Bank of Japan"); other names keep theirs ("Turkish Friendship Hospital").
NATIONAL_BODY_WORDS = GOVERNMENT_WORDS | lexicon_words("national_body_words")
# Words that make a capitalized phrase an organization's name, not a person's ("State Department").
ORG_NAME_WORDS = lexicon_words("org_name_words")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,}?)\s*(?:,|\(|—|–|-{1,2})", re.MULTILINE)
_DATELINE_REGION = re.compile(r"\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*(?:—|–|-{1,2}|\(|:|,)")  # "Texas", "S.C.", "Ont."
_MAX_NAME_WORDS = 4
#: Abbreviated and variant role words ("Gov.", "Adm."): a descriptor holding one names a role.
_ROLE_FORMS = frozenset(row[0] for row in lexicon_table("role_forms"))
_PARTY_MEMBERS = frozenset(row[0] for row in lexicon_table("party_names"))  # "a Texas Democrat", "the Labour MP"
_ROLE_NOUNS = lexicon_words("role_nouns")
#: Dependencies of a name the parser hung loose after a comma, where an apposition was meant.
_LOOSE_DEPS = frozenset(("npadvmod", "dep"))
_CLOSING_MARKS = frozenset(("”", '"', "''", "’"))
#: Offices only one country has -> that country ("taoiseach" -> IRL).
_OFFICE_COUNTRIES = {row[0]: row[1] for row in lexicon_table("office_countries")}
#: A party word as written ("GOP", "Democrat", "NDP") -> the one country that has the party, if only one does.
_PARTY_COUNTRIES = {
    word: country
    for party, country in lexicon_table("party_countries")
    for word, named in [*lexicon_table("party_names"), *lexicon_table("party_forms")]
    if named == party and len(word) > 1
}
#: Offices of a state in their role form: elected ones and a few others ("secretary", "minister").
_PUBLIC_OFFICES = lexicon_words("elected_offices") | lexicon_words("public_offices")
_ROLE_FORM_OF = {row[0]: row[1] for row in lexicon_table("role_forms")}
_PARTY_BODY_WORDS = frozenset({"committee", "caucus", "convention"})  # a party's own bodies
_STATE_BODY_WORDS = lexicon_words("state_body_words")  # "House Speaker": an office of the state all the same
_INTERNATIONAL_WORDS = lexicon_words("international_words")  # "World Bank": no country's own body
_HOME_MENTIONS = 2  # places inside one country an article names at least, and nowhere else's, to be about it
_US_STATES = frozenset(row[0] for row in lexicon_table("us_states"))
#: Offices a US state's name comes right before ("Georgia Gov."): that Georgia is no country.
_US_STATE_OFFICES = lexicon_words("us_state_offices")
#: Party words a US state's name comes right before ("a Georgia Democrat"): that Georgia is no country either.
_US_PARTY_WORDS = frozenset(row[0] for row in lexicon_table("party_forms") if len(row[0]) > 1)
#: US states of more than one word, as token tuples ("New", "Mexico"): their last word is no country.
_US_STATE_WORDS = frozenset(tuple(row[0].split()) for row in lexicon_table("us_states") if " " in row[0])
_AFFILIATION_PREPOSITIONS = lexicon_words("affiliation_prepositions")
_MEMBER_TITLES = lexicon_words("member_titles")  # "MLA" of "the NDP MLA for Edmonton-Strathcona"
_GENERIC_BODY_NOUNS = lexicon_words("generic_org_nouns")  # "company" of "company spokesperson": the one just named
_BODY_SENTENCES_BACK = 3
_PORTFOLIO_TITLES = lexicon_words("portfolio_titles")  # "Housing Minister": "Housing" is no organization
_OWNER_LABELS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART"})  # kinds the recognizer gives an outlet
_TEAM_ROLES = lexicon_words("team_role_nouns")  # "Toronto manager": the team's, not the city's
_TEAM_ROLE_MODIFIERS = lexicon_words("team_role_modifiers")  # "Maple Leafs head coach"


@dataclass(frozen=True)
class Profile:
    role: str = ""
    org: str = ""
    country: str = ""
    #: The speaker's name and type when the profile corrects the speaker
    #: resolution (a person NER folded into an ORG); "" keeps the resolution's.
    name: str = ""
    type: str = ""
    #: The words naming the organization in the descriptor (an ORG entity, or a description of a body:
    #: "the council" of "the council's president"), which the speakers component names as fully as the
    #: article does (:attr:`org` keeps the words as written; "" for a description).
    org_mention: Span | None = field(default=None, compare=False)


def speaker_profile(claim: Span) -> Profile:
    """The role, organization and country of a claim's speaker ("" where the article gives none).

    A person's own name is never their role or organization ("Sanders" for Bernie Sanders)."""
    profile = _speaker_profile(claim)
    if claim._.speaker_type == "PERSON" and (profile.role or profile.org):
        own = set(claim._.speaker_name.lower().replace("’s", "").replace("'s", "").split())
        role = "" if set(profile.role.lower().split()) <= own else profile.role
        org = "" if set(profile.org.lower().split()) <= own else profile.org
        if (role, org) != (profile.role, profile.org):
            return replace(profile, role=role, org=org, org_mention=profile.org_mention if org else None)
    return profile


def _speaker_profile(claim: Span) -> Profile:
    entity = claim._.speaker_entity
    mention = claim._.speaker
    kind = claim._.speaker_type
    doc = claim.doc
    labelled = _label_role(mention) if mention is not None else ""
    if labelled:
        return Profile(role=labelled)
    if entity is not None and entity.label_ != "PERSON":
        titled = _titled_person(entity)
        if titled is not None:
            return titled
    if kind in ("GPE", "NORP") and entity is not None:
        return Profile(country=place_country(entity.text))
    if kind == "ORG" and entity is not None:
        return _org_profile(entity, doc)
    if kind == "ORG" and mention is not None:  # an organization named by the mention's words ("the Trump campaign")
        return Profile(org=claim._.speaker_name, country=_country_in(list(mention)))
    descriptors: list[list[Token]] = []
    if entity is not None:
        described = _described_profile(entity)
        if described is not None:
            return described
    if mention is not None and (mention.root.pos_ == "NOUN" or _titled_description(mention)):
        descriptors = [_clean_tokens(list(mention) + _body_phrase(mention))]
    descriptors = [d for d in descriptors if d]
    if not descriptors:
        return Profile()
    return _profile_from(descriptors, doc)


_LABEL_JOINERS = frozenset({"of", "for", "and", "the", "at", "on", "in", "to"})


def _label_role(mention: Span) -> str:
    """The role a broadcast transcript's label gives after the name, in capitals ("WOLF BLITZER, CNN ANCHOR:" ->
    "CNN Anchor"), else ""; acronyms of up to three letters stay in capitals."""
    doc = mention.doc
    if mention.end + 2 >= len(doc) or doc[mention.end].text != "," or not doc[mention.start].is_upper:
        return ""
    bounds = role_label_bounds(doc, mention.start, mention.end + 12)
    if bounds is None or bounds[0] != mention.end:
        return ""
    return " ".join(_label_word(t) for t in doc[bounds[0] + 1 : bounds[1]])


def _label_word(token: Token) -> str:
    """A word of a label's role in title case: "of", "the" in lower case, acronyms ("CNN", "ABC") in capitals."""
    if token.lower_ in _LABEL_JOINERS:
        return token.lower_
    return token.text if token.is_alpha and len(token) <= 3 else token.text.title()


_MAX_BODY_PHRASE = 8  # words of "of the Service Employees International Union"


def _body_phrase(mention: Span) -> list[Token]:
    """The "of", "at" or "for" phrase right after a description naming the body its holder serves ("the head *of the
    Royal College of GPs*", "the chief executive *of Acme Corp*"), when the mention stops before it; else []."""
    doc, root = mention.doc, mention.root
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is None or after.head.i != root.i or after.dep_ != "prep" or after.lower_ not in ("of", "at", "for"):
        return []
    if not names_person(root.lemma_.lower()):
        return []  # "early results of the exit poll conducted by ...": a document's description is no role
    phrase = list(doc[after.i : after.right_edge.i + 1])
    if len(phrase) > _MAX_BODY_PHRASE or any(t.text == "," for t in phrase):
        return []  # "his best friend at Lehigh, Bruce Turry"
    return phrase if any(t.ent_type_ == "ORG" for t in phrase) else []


def _titled_description(mention: Span) -> bool:
    """ "the Labour MP", "a New Hampshire Republican": a description opening with a determiner whose head the tagger
    took for a name is a title naming an office holder or a party's member, not in a name ("the Miami Herald", "The
    Islamic State"); not a capitalized noun WordNet lists for a person, which a paper's or a book's name may be ("The
    Tennessean", "A Connecticut Yankee"), nor a bare proper noun ("King")."""
    root = mention.root
    if root.pos_ != "PROPN" or mention[0].pos_ != "DET" or root.ent_type_ not in ("", "NORP"):
        return False
    word = root.lower_
    return word in PERSON_TITLES or word in _ROLE_FORMS or word in _PARTY_MEMBERS


def _described_profile(entity: Span) -> Profile | None:
    """The profile from the descriptors of every occurrence of ``entity`` (None when there are none).

    Computed once per Doc and set of occurrences: every claim of a speaker named a thousand times
    in a giant article would otherwise read the thousand occurrences again.
    """
    memo = entity_index(entity.doc).memo
    key = ("described", entity.label_, entity[-1].lower_, frozenset(_name_words(entity)))
    if key not in memo:
        occurrences = _occurrences(entity)
        descriptors = [d for occurrence in occurrences for d in _descriptors(occurrence)]
        descriptors = [d for d in descriptors if d]
        profile = _profile_from(descriptors, entity.doc) if descriptors else None
        if profile is None or not profile.org:
            body = next(filter(None, map(_affiliation, occurrences)), None)
            if body is not None:
                profile = replace(profile or Profile(), org=_org_name(body), org_mention=body)
        if profile is None or not profile.country:
            tagged = next((c for c in map(_party_tag_country, occurrences) if c), "")
            dated = tagged or next((c for c in map(_dateline_country_before, occurrences) if c), "")
            if dated:
                profile = replace(profile or Profile(), country=dated)
        memo[key] = profile
    return memo[key]


def _dateline_country_before(name: Span) -> str:
    """The country of a dateline the parser hung on a name ("FLORENCE, S.C. - Sen. Ted Cruz"): no descriptor, but
    where the story is filed, the speaker's country as often as not; a last resort."""
    start = name.root.left_edge.i
    cut = _after_dash(name.doc, start, name.start)
    places = (
        countries.country_code(t.text) or _place_at(t) for t in name.doc[start : cut - 1] if t.is_alpha or "." in t.text
    )
    return next((c for c in places if c), "") if cut > start else ""


def _affiliation(name: Span) -> Span | None:
    """The organization entity a name is "of" or "with" right after it ("Michael O'Hanlon of the Brookings Institution",
    "Jane Smith, of the University of Toronto,"): the whole object must be that organization's name, and the name
    no verb's object ("accused Mr. Obama of ...")."""
    doc = name.doc
    if name.root.dep_ == "dobj":
        return None
    for prep in name.root.children:
        gap = doc[name.end : prep.i]
        if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATION_PREPOSITIONS or any(not t.is_punct for t in gap):
            continue
        words = [t for t in doc[prep.i + 1 : prep.right_edge.i + 1] if t.lower_ != "the"]
        entity = entity_at(words[0]) if words else None
        if entity is not None and entity.label_ == "ORG" and entity.start <= words[0].i and entity.end > words[-1].i:
            return entity
    return None


def _party_tag_country(name: Span) -> str:
    """The country of a party-state tag right after a lawmaker's name ("Lindsey Graham (R-S.C.)", "Adam Schiff,
    D-Calif.,"): its states are the United States' (``us_states.tsv``); "" when there is none."""
    keys = party_tag_after(text_after(name, 40))
    return "USA" if any(key.startswith("state:") for key in keys) else ""


def text_after(span: Span, length: int) -> str:
    """About ``length`` characters of the text right after ``span`` (its trailing space first), read from the
    tokens that follow: ``doc.text`` would rebuild the whole article at every call."""
    doc = span.doc
    parts = [span[-1].whitespace_] if len(span) else []
    size = len(parts[0]) if parts else 0
    i = span.end
    while i < len(doc) and size < length:
        parts.append(doc[i].text_with_ws)
        size += len(parts[-1])
        i += 1
    return "".join(parts)[:length]


def _profile_from(descriptors: list[list[Token]], doc: Doc, role_tokens: list[Token] | None = None) -> Profile:
    """Role from the best descriptor (or ``role_tokens``); org and country from the first descriptor that has one."""
    ranked = sorted(descriptors, key=_richness, reverse=True)
    best = role_tokens if role_tokens is not None else ranked[0]
    role = _role_text(best) if role_tokens is not None or _has_role_word(best) else ""
    found = next(((d, o) for d, o in ((d, _org_in(d)) for d in ranked) if o), None)
    org = found[1] if found else ""
    mention = _org_entity_in(found[0]) if found else next(filter(None, map(_described_body, ranked)), None)
    team = next((t for t in (_team_in(d) for d in ranked) if t), None)
    if team is not None:  # "Toronto manager John Schneider": the team, no country
        return Profile(role=role, org=org or _join(team), org_mention=mention if org else None)
    country = _country_in(best) or next((c for c in (_country_in(d) for d in ranked) if c), "")
    if not country and org and NATIONAL_BODY_WORDS & set(org.lower().split()):
        country = next(iter(countries.countries_in(org)), "")
    if not country and _is_government(best):
        country = _dateline_country_of(doc)
    country = country or _office_country(best) or _party_country(ranked)
    state_body = _STATE_BODY_WORDS & set(org.lower().split())
    if not country and (state_body or (not org and not _of_a_body(mention))):  # not "the council's president"
        country = _home_office_country(ranked, doc)
    return Profile(role=role, org=org, country=country, org_mention=mention)


def _of_a_body(mention: Span | None) -> bool:
    """Whether a descriptor's org mention describes a body ("the council", "the company"), not a portfolio
    ("secretary of labor") or a person ("the prime minister's spokesman")."""
    return mention is not None and (mention.root.lemma_.lower() in ORG_NOUNS or mention.root.ent_type_ == "ORG")


def _party_country(descriptors: list[list[Token]]) -> str:
    """The country of a party only one country has, named in a descriptor ("Republican presidential candidate",
    "Democratic pollster", "NDP Leader"; ``party_countries.tsv``), capitalized ("a democratic socialist" names
    none); else ""."""
    for tokens in descriptors:
        words = [t for t in tokens if (t.is_title or t.is_upper) and _names_party(t)]
        for k, token in enumerate(words):
            pair = f"{token.lower_} {words[k + 1].lower_}" if k + 1 < len(words) else ""
            found = _PARTY_COUNTRIES.get(pair) or _PARTY_COUNTRIES.get(token.lower_)
            if found:
                return found
    return ""


def _names_party(token: Token) -> bool:
    """A party word outside an organization's name, or the party's name alone or in its committee's ("NDP",
    "Republican National Committee"); not before "Party", which parties of other countries share ("Democratic
    Party leader Yukio Hatoyama"), nor in another body's name ("New Democrat Network")."""
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    if after is not None and after.lower_ == "party":
        return False
    entity = entity_at(token) if token.ent_type_ == "ORG" else None
    return entity is None or len(entity) == 1 or entity[-1].lower_ in _PARTY_BODY_WORDS


def _home_office_country(descriptors: list[list[Token]], doc: Doc) -> str:
    """For the holder of a public office the article gives no country for ("Sen.", "the governor", "Secretary"),
    or a party's member or leader ("Conservative Leader"), the country the article is about
    (:func:`_home_country`); else ""."""
    words = [t for d in descriptors for t in d]
    office = any(_ROLE_FORM_OF.get(t.lower_, t.lower_) in _PUBLIC_OFFICES for t in words)
    party = any(t.lower_ in _PARTY_MEMBERS and t.is_title and _names_party(t) for t in words)
    return _home_country(doc) if office or party else ""


def _home_country(doc: Doc) -> str:
    """The country an article is about: its dateline's, else the one country of the states, provinces and
    regions it names and of its dateline's city (at least ``_HOME_MENTIONS`` of them, and none of another
    country's: "TORONTO —" and "Ontario"); else "".  A country's own name does not count: a story names foreign
    countries as often as its own."""
    memo = entity_index(doc).memo
    if "home" not in memo:
        regions = [*_regions_named(doc), _dateline_city_country(_opening_text(doc))]
        regions = [code for code in regions if code]
        found = set(regions)
        many = len(regions) >= _HOME_MENTIONS
        memo["home"] = _dateline_country_of(doc) or (found.pop() if len(found) == 1 and many else "")
    return memo["home"]


def _office_country(tokens: list[Token]) -> str:
    """The country of an office or body only one country has, in a descriptor ("Taoiseach", "Union Minister",
    "White House"; see ``office_countries.tsv``), not one a portfolio follows ("Secretary of State for Health" is
    British); else ""."""
    words = [t.lower_ for t in tokens]
    for size in (3, 2, 1):
        for k in range(len(words) - size + 1):
            found = _OFFICE_COUNTRIES.get(" ".join(words[k : k + size]))
            if found and words[k + size : k + size + 1] != ["for"]:
                return found
    return ""


def _org_profile(entity: Span, doc: Doc) -> Profile:
    tokens = list(before_parenthesis(entity))
    before = list(doc[max(entity.start - 3, 0) : entity.start])
    # The words owning the organization ("China’s Foreign Ministry", "by Syria's army"), after any preposition.
    while any(t.pos_ == "ADP" or t.is_punct for t in before):
        before = before[1:]
    # A country word inside the organization's own name counts only for a government body ("Chinese Foreign
    # Ministry"), not for "Turkish Friendship Hospital" in Gaza.
    own = _country_in(tokens) if _is_national_body(tokens) else ""
    country = own or _country_in(before)
    if not country and _is_government(tokens):
        country = _dateline_country_of(doc)
    country = country or _office_country(tokens) or _party_country([tokens]) or _place_in_name(tokens, doc)
    if not country and _state_body(tokens):
        country = _home_country(doc)  # "the Supreme Court", "the Justice Department" of the story's country
    return Profile(org=_org_name(entity), country=country)


def _state_body(tokens: list[Token]) -> bool:
    """A body of a state by its name's words ("Supreme Court", "Congressional Budget Office", "Chicago Police
    Department"), no international one ("European Commission", "World Bank")."""
    words = {t.lower_ for t in tokens}
    return bool(words & (NATIONAL_BODY_WORDS | _STATE_BODY_WORDS)) and not words & _INTERNATIONAL_WORDS


def _place_in_name(tokens: list[Token], doc: Doc) -> str:
    """The country of a place an organization's name holds: a state, province or region anywhere in it ("Ohio
    Democratic Party", "Council of Ontario Universities") or a city it opens with ("New York Times", "Chicago
    Police Department") when the article is about no other country (:func:`_home_country`: the gazetteer's
    "Burlington" is Ontario's, the Free Press's is in Vermont); never a country's name or nationality
    ("Turkish Friendship Hospital" is in Gaza)."""
    words = [t for t in tokens if t.is_title or t.is_upper]
    for k, token in enumerate(words):
        pair = f"{token.text} {words[k + 1].text}" if k + 1 < len(words) else ""
        for name in (pair, token.text):
            if not name or countries.country_name_code(name) or countries.is_demonym(name):
                continue
            opening = token.i == tokens[0].i or (k == 0 and tokens[0].lower_ == "the")
            code = region_country(name)
            if not code and opening:
                city = place_country(name)
                code = city if city and _home_country(doc) in ("", city) else ""
            if code:
                return code
    return ""


# ------------------------------------------------------------ a person folded into an ORG


def titled_person(entity: Span) -> Profile | None:
    """The profile (with ``name`` and ``type``) of a person NER folded into a non-PERSON entity, or None."""
    return _titled_person(entity)


def descriptors_of(name: Span) -> list[list[Token]]:
    """Word lists describing the person named by ``name`` at this mention (titles before it, an apposition,
    the noun it is apposed to, "the spokesperson of X Name")."""
    return _descriptors(name)


def _titled_person(entity: Span) -> Profile | None:
    """The profile of a person hidden in a non-PERSON entity behind title words, or None.

    "US Secretary of State Pompeo’s" tagged ORG "State Pompeo’s": the entity
    starts with title words, the title phrase ("Secretary of State") has an
    office-holder word, and the rest ("Pompeo") is a capitalized name.
    Computed once per entity and Doc.
    """
    memo = entity_index(entity.doc).memo
    key = ("titled", entity.start, entity.end, entity.label_)
    if key not in memo:
        memo[key] = _find_titled_person(entity)
    return memo[key]


def _find_titled_person(entity: Span) -> Profile | None:
    split = _split_titled(entity)
    if split is None:
        return None
    doc = entity.doc
    title, name = split
    qualifier = _qualifier_before(doc, title[0].i)
    full = _fullest_person_name(doc, [t.text for t in name])
    person_descriptors = []
    for ent in entity_index(doc).by_last("PERSON", name[-1].lower_):
        person_descriptors += _descriptors(ent)
    descriptors = [qualifier + title, *[d for d in person_descriptors if d]]
    profile = _profile_from(descriptors, doc, role_tokens=qualifier + title)
    return Profile(role=profile.role, org=profile.org, country=profile.country, name=full, type="PERSON")


def _split_titled(entity: Span) -> tuple[list[Token], list[Token]] | None:
    """(title phrase, name) of a non-PERSON entity that is a titled person's name, else None."""
    tokens = [t for t in entity if not t.is_space]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    inner_title = _leading_title(tokens)
    name = tokens[len(inner_title) :]
    if not inner_title or not name or len(name) > _MAX_NAME_WORDS or not all(_name_like(t) for t in name):
        return None
    before = _title_before(entity.doc, entity.start)
    title = before + inner_title
    if not any(t.lower_ in PERSON_TITLES for t in title):
        return None
    # a place ("Queen City"), or a company named with a title word in full ("General Motors"), is taken for a
    # person only if the article names one so
    company_like = not before and len(name) == 1 and not inner_title[-1].text.endswith(".")
    if (entity.label_ != "ORG" or company_like) and not _named_person_elsewhere(entity.doc, name[-1]):
        return None
    return title, name


def _named_person_elsewhere(doc: Doc, last: Token) -> bool:
    return bool(entity_index(doc).by_last("PERSON", last.lower_))


def is_persons_surname(token: Token) -> bool:
    """Whether the article names a person whose name ends with this word ("Holland" with "Mark Holland" named)."""
    return token.is_title and _named_person_elsewhere(token.doc, token)


def _leading_title(tokens: list[Token]) -> list[Token]:
    """The title words (and links between them: "Secretary of State") opening ``tokens``."""
    end = 0
    i = 0
    while i < len(tokens):
        word = tokens[i].lower_
        if word in TITLE_WORDS:
            i += 1
            end = i
        elif word in TITLE_LINKS and end:
            i += 1
        else:
            break
    return tokens[:end]


def _title_before(doc: Doc, start: int) -> list[Token]:
    """Title words right before token ``start`` ("Secretary of" before "State Pompeo")."""
    found: list[Token] = []
    pending: list[Token] = []
    i = start - 1
    while i >= 0:
        token = doc[i]
        if token.lower_ in TITLE_WORDS and not token.is_space:
            found = [token, *pending, *found]
            pending = []
        elif token.lower_ in TITLE_LINKS:
            pending = [token, *pending]
        else:
            break
        i -= 1
    return found


def _qualifier_before(doc: Doc, start: int) -> list[Token]:
    """A nationality or country word right before a title ("US", "Syrian"), as a one-token list."""
    if start > 0:
        token = doc[start - 1]
        if countries.is_demonym(token.text) or countries.country_code(token.text):
            return [token]
    return []


def _name_like(token: Token) -> bool:
    text = token.text
    return (
        bool(re.fullmatch(r"[^\W\d_][\w'’.-]*", text))
        and text[0].isupper()
        and token.lower_ not in TITLE_WORDS
        and token.lower_ not in ORG_NAME_WORDS
        and not countries.country_code(text)
        and not countries.is_demonym(text)
    )


def _fullest_person_name(doc: Doc, name_words: list[str]) -> str:
    """The longest PERSON name in ``doc`` ending in the last of ``name_words`` and holding them all."""
    wanted = [w.lower() for w in name_words]
    best = " ".join(name_words)
    for words in _person_names(doc).get(wanted[-1], ()):
        lowered = [t.lower_ for t in words]
        if not set(wanted) <= set(lowered):
            continue
        text = _join(words)
        if len(words) > len(best.split()):
            best = text
    return best


def _person_names(doc: Doc) -> dict[str, list[list[Token]]]:
    """The name words of every PERSON entity (no punctuation, possessive or leading title), by last word
    (lowercase), in text order; built once per Doc."""
    memo = entity_index(doc).memo
    if "person_names" not in memo:
        names: dict[str, list[list[Token]]] = {}
        for ent in doc_ents(doc):
            if ent.label_ != "PERSON":
                continue
            words = [t for t in ent if not t.is_punct and not t.is_space and t.tag_ != "POS"]
            while words and words[0].lower_ in TITLE_WORDS:
                words = words[1:]
            if words:
                names.setdefault(words[-1].lower_, []).append(words)
        memo["person_names"] = names
    return memo["person_names"]


# ------------------------------------------------------------ descriptors


def _occurrences(entity: Span) -> list[Span]:
    """Every entity in the article naming the speaker: same last name word, and one
    name's words within the other's ("Hua" and "Hua Chunying"; not "Jeh Johnson"
    and "Gary Johnson").  A surname alone describes only the person of an honorific's gender ("Mrs. Clinton, the
    first working mother to serve as first lady" is not Bill Clinton) and, where the article names another person of
    the surname in full, only the one it means by the surname ("winner Trump" is not Melania Trump; see
    :func:`_called_by_surname`)."""
    words = _name_words(entity)
    index = entity_index(entity.doc)
    same_surname = index.by_last(entity.label_, entity[-1].lower_)
    named = index.named_by_last(entity.label_, entity[-1].lower_)
    found = [(e, other, said) for e, other, said in named if _same_person(other, words)]
    if not any(other < words for _e, other, _said in found):
        return [e for e, _other, _said in found]
    others = any(len(other) > 1 and not _same_person(other, words) for _e, other, _said in named)
    called = not others or _called_by_surname(entity, same_surname)
    own = _first_name_gender(entity)
    return [e for e, other, said in found if not other < words or _describes(said, own, called)]


@dataclass(frozen=True)
class _SurnameVotes:
    """What an article says of the people of one surname, counted once: who they are, and who it calls by it."""

    people: list[tuple[frozenset[str], str | None]]  # the full names, one per person, and their first names' genders
    in_full: list[int]  # per person: mentions in full
    by_honorific: dict[str, int]  # per gender: mentions of the surname alone after an honorific of that gender
    resolved: dict[frozenset[str], int]  # per full name: claims of the surname alone the resolution gave it
    resolved_to: list[int]  # per person: those claims, the person's


def _called_by_surname(entity: Span, same_surname: list[Span]) -> bool:
    """Whether the person ``entity`` names in full is the one the article means by the surname alone: the one the
    speaker resolution gave most claims of the surname alone to, else the one mentioned most often (counting
    mentions in full and the surname alone after an honorific of their gender: "Mr. Obama" is Barack Obama's, not
    Michelle Obama's).  A tie: neither."""
    memo = entity_index(entity.doc).memo
    key = ("surname votes", entity.label_, entity[-1].lower_)
    if key not in memo:
        memo[key] = _surname_votes(entity.doc, entity[-1].lower_, same_surname)
    votes: _SurnameVotes = memo[key]
    words = frozenset(_name_words(entity))
    own = [_same_person(person, words) for person, _sex in votes.people]
    if votes.resolved:
        mine = sum(n for named, n in votes.resolved.items() if _same_person(named, words))
        return mine > max((n for n, is_own in zip(votes.resolved_to, own, strict=True) if not is_own), default=0)
    counts = [
        n + votes.by_honorific.get(sex or "", 0) for (_person, sex), n in zip(votes.people, votes.in_full, strict=True)
    ]
    mine = sum(n for n, is_own in zip(counts, own, strict=True) if is_own)
    if not any(own):  # named in full only where the recognizer saw no name ("Barack Obama Election Day")
        mine = votes.by_honorific.get(_first_name_gender(entity) or "", 0)
    return mine > max((n for n, is_own in zip(counts, own, strict=True) if not is_own), default=0)


def _surname_votes(doc: Doc, surname: str, same_surname: list[Span]) -> _SurnameVotes:
    """The counts of :class:`_SurnameVotes` for one surname."""
    people: list[tuple[frozenset[str], str | None]] = []
    in_full: list[int] = []
    by_honorific: dict[str, int] = {}
    for e in same_surname:
        named = frozenset(_name_words(e))
        if len(named) == 1:
            said = honorific_gender(e)
            if said is not None:
                by_honorific[said] = by_honorific.get(said, 0) + 1
            continue
        k = _person_of(named, people)
        if k is None:
            people.append((named, _first_name_gender(e)))
            in_full.append(0)
            k = len(people) - 1
        in_full[k] += 1
    resolved = _resolved_surnames(doc, surname)
    resolved_to = [0] * len(people)
    for named, n in resolved.items():
        k = _person_of(named, people)
        if k is not None:
            resolved_to[k] += n
    return _SurnameVotes(people, in_full, by_honorific, resolved, resolved_to)


def _person_of(named: frozenset[str], people: list[tuple[frozenset[str], str | None]]) -> int | None:
    """The index of the first of ``people`` whose full name holds ``named`` or is held by it; else None."""
    return next((k for k, (person, _sex) in enumerate(people) if _same_person(named, person)), None)


def _resolved_surnames(doc: Doc, surname: str) -> dict[frozenset[str], int]:
    """How many claims whose speaker is the surname alone the speaker resolution gave each full name (one pass over
    the claims for every surname)."""
    memo = entity_index(doc).memo
    if "resolved surnames" not in memo:
        found: dict[str, dict[frozenset[str], int]] = {}
        for claim in doc.spans.get(CLAIMS, ()):
            mention, entity = claim._.speaker, claim._.speaker_entity
            alone = [t.lower_ for t in mention if t.is_alpha] if mention is not None else []
            named = frozenset(_name_words(entity)) if entity is not None else frozenset()
            if len(alone) == 1 and len(named) > 1:
                votes = found.setdefault(alone[0], {})
                votes[named] = votes.get(named, 0) + 1
        memo["resolved surnames"] = found
    return memo["resolved surnames"].get(surname, {})


def _same_person(words: set[str] | frozenset[str], other: set[str] | frozenset[str]) -> bool:
    return words <= other or other <= words


def _describes(said: str | None, own: str | None, called: bool) -> bool:
    """Whether a surname alone, after an honorific of gender ``said`` (or None), describes the person of gender
    ``own`` (see :func:`_occurrences`)."""
    return gender.agrees(said, own) if said is not None else called


def _first_name_gender(entity: Span) -> str | None:
    """The gender most bearers of a person's first name have ("Bill Clinton": male), or None."""
    names = [t for t in entity if t.is_alpha and t.lower_ not in TITLE_WORDS]
    return gender.first_name_gender(names[0].text) if len(names) > 1 else None


def honorific_gender(name: Span) -> str | None:
    """The gender an honorific at the start of ``name`` or right before it says ("Mr. Obama", "Mrs. Clinton"), or
    None."""
    doc = name.doc
    before = [doc[i] for i in (name.start, name.start - 1) if 0 <= i < len(doc)]
    return next((gender.HONORIFIC_GENDER[t.lower_] for t in before if t.lower_ in gender.HONORIFIC_GENDER), None)


def _name_words(entity: Span) -> set[str]:
    return {t.lower_ for t in entity if t.is_alpha and t.lower_ not in TITLE_WORDS}


def _clean_tokens(tokens: list[Token]) -> list[Token]:
    """Without whitespace tokens and honorifics ("Mr.", "Sir" before a name; not the "lady" of "first lady")."""
    return [t for t in tokens if not t.is_space and not _is_honorific(t)]


def _is_honorific(token: Token) -> bool:
    if token.lower_ not in HONORIFICS:
        return False
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        token.text.endswith(".")
        or token.lower_ in ("mr", "mrs", "ms", "dr", "prof")
        or (following is not None and following.pos_ == "PROPN")
    )


def _descriptors(name: Span) -> list[list[Token]]:
    """Word lists describing the person named by ``name``."""
    doc = name.doc
    found = []
    root = name.root
    titles = _leading_title(list(name))  # "Councilor Wang Yi"; not the "King" of "Larry King"
    if len(titles) == len(name):  # the name is all title words ("King" for Larry King): a name
        titles = []
    left = [
        t for t in doc[_after_dash(doc, root.left_edge.i, name.start) : name.start] if not t.is_punct or _joins_words(t)
    ]
    if titles or left:
        found.append(left + titles)
    for child in root.children:
        apposed = child.dep_ == "appos" and child.ent_type_ != "PERSON"
        if apposed and not _titled_list(child) and not _missing_subject(child):
            found.append(_through_joined_names(list(child.subtree)))
    head = _apposed_noun(root)
    if head is not None:
        found.append([t for t in head.subtree if t.i < root.left_edge.i and (not t.is_punct or _joins_words(t))])
    if root.dep_ == "pobj" and root.head.lower_ == "of" and _is_role_word(root.head.head):
        role_noun = root.head.head  # "the spokesperson of ... Geng Shuang"; not "the health of Donald Trump"
        found.append([role_noun, root.head, *left])
    elif root.dep_ == "pobj" and portfolio_name_start(root.head.head) == name.start:
        found.append([root.head.head, root.head, *left])  # "Minister for Health Stephen Donnelly"
    found = [_clean_tokens(_phrase_only(d)) for d in found]
    # Not a descriptor: nothing but numbers ("Tom Clarke, 61,").
    return [d for d in found if any(not (t.is_punct or t.like_num or t.pos_ == "NUM") for t in d)]


def _missing_subject(apposed: Token) -> bool:
    """Whether a noun the parser apposed to a name after a fronted preposition is the subject its clause lacks:
    "For Hillary Clinton, Britain's uprising ... is the sort of victory she fears" ("uprising" names no person;
    "according to Dennis Ross, a former envoy, was a decision ..." keeps its role)."""
    name = apposed.head
    verb = name.sent.root
    return (
        not may_name_person(apposed.lemma_.lower())
        and name.dep_ == "pobj"
        and apposed.i < verb.i
        and verb.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
    )


def _after_dash(doc: Doc, start: int, end: int) -> int:
    """Where the words before a name start after a dash among them: a dateline the parser hung on the name ("BURNABY,
    B.C. — Cst. Mike Kalanj said") or an aside before it is no descriptor."""
    dashes = [t.i for t in doc[start:end] if t.text in ("—", "–", "--") or (t.text == "-" and t.whitespace_)]
    return dashes[-1] + 1 if dashes else start


#: Clauses hung on a descriptor's nouns ("the lawyer, who said …", "a firm founded in 2014"): never part of it.  A
#: clause inside a title stays ("author of Let the People Rule").
_DESCRIPTOR_CLAUSE_DEPS = frozenset({"relcl", "acl"})
#: After a comma, a word of these parts of speech starts something else than the descriptor (", into …", ", who …").
_AFTER_PHRASE = frozenset({"ADP", "VERB", "AUX", "SCONJ", "PRON"})


def _phrase_only(tokens: list[Token]) -> list[Token]:
    """A descriptor's words up to where its noun phrase ends: without clauses hung on it ("a lawyer who …"), cut
    before a comma that follows its noun and precedes a preposition, verb, pronoun or quotation mark (a phrase the
    parser attached too low: "winner of the prize, into “a living room …”"), and before a quotation mark the
    descriptor opens and does not close."""
    tokens = sorted(tokens, key=lambda t: t.i)
    ids = {t.i for t in tokens}
    clausal = {
        s.i
        for t in tokens
        if t.dep_ in _DESCRIPTOR_CLAUSE_DEPS and t.head.i in ids and t.head.pos_ in ("NOUN", "PROPN", "PRON")
        for s in t.subtree
    }
    head = min((t.i for t in tokens if t.head.i not in ids or t.head == t), default=-1)
    marks = [k for k, t in enumerate(tokens) if t.is_quote and t.text not in ("'", "’", "‘")]
    end = marks[-1] if len(marks) % 2 else len(tokens)  # an odd mark opens what the descriptor does not close
    kept: list[Token] = []
    for k, t in enumerate(tokens[:end]):
        if t.i in clausal:
            break
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        past_head = any(u.i >= head for u in kept)  # "the brusque, take-a-back-seat governor": before its noun
        if past_head and _speaking_occasion(t):
            break  # "spokesman in a statement": where it was said
        if (
            t.text == ","
            and past_head
            and following is not None
            and (following.pos_ in _AFTER_PHRASE or following.is_quote)
        ):
            break
        kept.append(t)
    return kept


_SAID_AT_PREPOSITIONS = frozenset(
    {"in", "at", "during", "on"}
)  # fewer than reported.py's occasion_prepositions: "for" is a role's
_SPEAKING_OCCASIONS = lexicon_words("speaking_occasions")


def _speaking_occasion(token: Token) -> bool:
    """A preposition opening where or when the statement was made ("in a statement", "at a briefing", "on
    Monday"), which the parser may hang on the speaker's role noun (``speaking_occasions``)."""
    if token.lower_ not in _SAID_AT_PREPOSITIONS or token.dep_ != "prep":
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    day = token.lower_ == "on"  # "on Monday"; not "a candidate in 2012", which says when they were one
    return any(o.lemma_.lower() in _SPEAKING_OCCASIONS or (day and o.ent_type_ in ("DATE", "TIME")) for o in objects)


def _apposed_noun(root: Token) -> Token | None:
    """The noun a name stands in apposition to: its head ("Imad Moustapha, the Syrian ambassador"), or, where the
    parser hung the name on a name inside the noun's phrase (a name takes no name in apposition), the noun before
    that phrase ("An attorney for Pagliano, Mark MacDougall", "A spokesman for the ACLU, John Doe")."""
    if root.dep_ in _LOOSE_DEPS:
        return _role_noun_before_comma(root)
    if root.dep_ != "appos":
        return None
    head = root.head
    if head.pos_ == "NOUN" or _apposed_title(head, root):
        return head  # "Imad Moustapha, the Syrian ambassador"; "the Minister of Finance, Bill Morneau"
    prep = head.head if head.dep_ == "pobj" and head.pos_ == "PROPN" else None
    if prep is not None and prep.dep_ == "prep" and prep.head.pos_ == "NOUN" and _is_role_word(prep.head):
        return prep.head
    return None


def _role_noun_before_comma(root: Token) -> Token | None:
    """The role noun with "the" right before a comma and a name the parser hung loose ("a letter to the judge, New
    York’s Arthur Engoron, which ...", the name a modifier of the verb), or None."""
    comma = root.left_edge.i - 1
    if comma < 2 or root.doc[comma].text != ",":
        return None
    noun = root.doc[comma - 1]
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return noun if noun.pos_ == "NOUN" and definite and _is_role_word(noun) else None


def _apposed_title(head: Token, name: Token) -> bool:
    """A capitalized title or noun for a person a name is apposed to ("the Minister of Finance, Bill Morneau", "Chief
    Executive Officer of the Ports Authority, Michael Luguje"), not across a quotation's
    end ("“... last night, Mr. President,” Representative Steve Cohen told him": an address)."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
        return False
    if head.lower_ not in PERSON_TITLES and (
        head.ent_type_ or not _is_role_word(head) or any(c.dep_ == "conj" for c in head.children)
    ):
        return False  # "CHICO, Calif. - Bernie Sanders", "the head of Mercury, Vin Weber"; "the Speaker nor ..."
    return not any(t.is_quote for t in head.doc[min(head.i, name.i) : max(head.i, name.i)])


def _titled_list(apposed: Token) -> bool:
    """Whether a capitalized title apposed to a name opens a list of other titled people, as a caption names them
    ("Prime Minister Mark Carney, Minister of Intergovernmental Affairs of Canada Dominic LeBlanc, Premier of Québec
    François Legault"): no descriptor of the name before it."""
    if apposed.pos_ != "PROPN" or apposed.lower_ not in TITLE_WORDS:
        return False
    titled = (t for t in apposed.subtree if t.dep_ == "appos" and t.i != apposed.i and t.lower_ in TITLE_WORDS)
    return any(t.ent_type_ == "PERSON" for t in apposed.subtree) or next(titled, None) is not None


def _through_joined_names(tokens: list[Token]) -> list[Token]:
    """A descriptor run on over a riding's name the parser cut at its dash ("the MP for University—Rosedale")."""
    doc = tokens[-1].doc
    end = tokens[-1].i + 1
    if end >= len(doc) or not _riding_dash(doc[end]):
        return tokens
    end += 1
    while end < len(doc) and ((doc[end].is_title and doc[end].pos_ == "PROPN") or _riding_dash(doc[end])):
        end += 1
    return tokens + list(doc[tokens[-1].i + 1 : end])


def _riding_dash(token: Token) -> bool:
    """A dash joining two capitalized names without spaces ("University—Rosedale"), not an aside's dash."""
    doc = token.doc
    if token.text not in ("\u2014", "\u2013") or token.whitespace_ or token.i == 0 or token.i + 1 >= len(doc):
        return False
    return not doc[token.i - 1].whitespace_ and doc[token.i - 1].is_title and doc[token.i + 1].is_title


def _joins_words(token: Token) -> bool:
    """A hyphen or slash inside a word ("Vice-President"), an abbreviation's period ("Lt."), a dash joining the
    capitalized names of a riding ("MP for University—Rosedale"): kept in the role."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].whitespace_ or token.i + 1 >= len(doc):
        return False
    if token.text == ".":
        return doc[token.i - 1].is_alpha
    if token.text in ("\u2014", "\u2013"):
        return _riding_dash(token)
    return token.text in ("-", "\u2010", "\u2011", "/") and not token.whitespace_


def _richness(tokens: list[Token]) -> tuple[int, int, int]:
    """Office word or noun first, then a title word ("Councilor" over "top diplomat"), then length."""
    has_title = any(t.lower_ in TITLE_WORDS for t in tokens)
    return (int(_has_role_word(tokens)), int(has_title), len(tokens))


def _has_role_word(tokens: list[Token]) -> bool:
    """Whether a descriptor names what the speaker is: a title or a noun for a person ("68-year-old" and
    "mention of rival" before a name do not; "rival" alone would)."""
    possessed = {s.i for t in tokens if t.dep_ == "poss" for s in t.subtree}
    return any(_is_role_word(t) for t in tokens if t.i not in possessed)


def _is_role_word(token: Token) -> bool:
    """A title ("Gov.", "President") or a noun one of whose first senses is a person ("mogul", "anchor")."""
    word = token.lower_
    if word in TITLE_WORDS or word in _ROLE_FORMS:
        return True
    if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
        return False  # a name's word ("James" of "James Bay") is no noun for a person
    lemma = token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") and (PERSON in noun_classes(lemma) or lemma in _ROLE_NOUNS)


def _after_quotation(tokens: list[Token]) -> list[Token]:
    """The words after a quotation's end the parser took in between them ("“It’s unanimous,” councilmember Mark
    Levine" -> "councilmember"): its own comma or stop, then a closing mark, between two of the words."""
    cut = 0
    for k in range(1, len(tokens)):
        between = tokens[k].doc[tokens[k - 1].i + 1 : tokens[k].i]
        if any(t.text in _CLOSING_MARKS and t.i > between.start and t.nbor(-1).text in ",.?!" for t in between):
            cut = k
    return tokens[cut:]


def _role_text(tokens: list[Token]) -> str:
    """The role as the article words it, less what is not role (see the module doc)."""
    tokens = sorted({t.i: t for t in _clean_tokens(tokens)}.values(), key=lambda t: t.i)
    tokens = _after_quotation(tokens)
    # Drop a possessor's words ("the Chinese government’s top diplomat" -> "top diplomat"), but not a place's, which
    # qualifies the office as "Ontario Premier" does ("New Brunswick’s premier"), nor one inside a phrase after the
    # role noun ("chair of the meeting from the premiers’ side").
    ids = {t.i for t in tokens}
    kept_possessors = {
        t.i for t in tokens if t.dep_ == "poss" and t.head.i in ids and (_possessor_place(t) or _inside_phrase(t, ids))
    }
    drop = {s.i for t in tokens if t.dep_ == "poss" and t.i not in kept_possessors for s in t.subtree}
    words = [t for t in tokens if t.i not in drop and not _dropped_mark(t, kept_possessors)]
    # Nationality words go to the country; a country after "to" is the host and stays.
    host = next((k for k, t in enumerate(words) if t.lower_ == "to"), len(words))
    words = [
        t
        for k, t in enumerate(words)
        if k >= host or _in_other_name(t) or _born_in(t) or not (countries.is_demonym(t.text) or _joins_demonyms(t))
    ]
    # A determiner opens the phrase ("the Syrian ambassador"): dropped; inside a
    # prepositional phrase it is the article's wording ("spokesperson of the Foreign Ministry").
    kept: list[Token] = []
    for t in words:
        if (t.dep_ == "det" or t.pos_ == "DET") and not any(k.pos_ == "ADP" for k in kept):
            continue
        kept.append(t)
    words = kept
    while words and (
        words[0].is_punct
        or words[0].pos_ in ("DET", "ADP", "CCONJ")
        or words[0].tag_ == "POS"
        or (_is_country_name(words[0]) and not (_before_based(words[0]) or _born_in(words[0])))  # "Tokyo-based"
    ):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].pos_ in ("DET", "ADP", "CCONJ")):
        words = words[:-1]
    return _join(words)


def _possessor_place(possessor: Token) -> str:
    """The country of a place that possesses a role ("New Brunswick’s Conservative premier"), or "" (not a
    nationality word, nor a person's name: "German's brother")."""
    if possessor.pos_ != "PROPN" or possessor.ent_type_ == "PERSON":
        return ""
    words = [t for t in possessor.lefts if t.dep_ == "compound"] + [possessor]
    name = " ".join(t.text for t in words)
    return "" if countries.is_demonym(name) else region_country(name) or place_country(name)


def _inside_phrase(token: Token, ids: set[int]) -> bool:
    """Whether a descriptor's word is inside a prepositional phrase of the descriptor ("from the premiers’ side")."""
    return any(a.pos_ == "ADP" for a in token.ancestors if a.i in ids)


def _dropped_mark(token: Token, kept_possessors: set[int]) -> bool:
    """A possessive mark of a possessor the role drops."""
    return (token.dep_ == "case" or token.tag_ == "POS") and token.head.i not in kept_possessors


def _is_country_name(token: Token) -> bool:
    """A country named before the role ("US Secretary of State"): it goes to the country; a US state of a country's
    name stays ("Georgia Gov.")."""
    return (
        bool(countries.country_code(token.text))
        and token.pos_ == "PROPN"
        and not _us_state_office(token)
        and not _in_us_state_name(token)
    )


def _join(tokens: list[Token]) -> str:
    """Tokens as text with single spaces: the article's spacing between neighbours, one space across gaps."""
    parts: list[str] = []
    for k, t in enumerate(tokens):
        parts.append(" ".join(t.text.split()))
        if k + 1 < len(tokens):
            adjacent = tokens[k + 1].i == t.i + 1
            parts.append((" " if t.whitespace_ else "") if adjacent else " ")
    return " ".join("".join(parts).split())


def _org_in(tokens: list[Token]) -> str:
    entity = _org_entity_in(tokens)
    if entity is not None:
        return _org_name(entity)
    tokens = _qualifying(tokens)
    return (_unrecognized_org(tokens) or _company_of(tokens)) if tokens else ""


def _org_entity_in(tokens: list[Token]) -> Span | None:
    """The organization entity a descriptor names, up to a clause; None if it names none."""
    tokens = _qualifying(tokens)
    if not tokens:
        return None
    index = entity_index(tokens[0].doc)
    positions = sorted({k for k in (index.position_at(t.i) for t in tokens) if k >= 0})
    for ent in (index.ents[k] for k in positions):
        # an outlet owning a person's name, whatever kind the recognizer took it for ("Sportsnet's Elliotte Friedman")
        owner = ent.label_ in _OWNER_LABELS and ent.root.dep_ == "poss" and ent.root.head.ent_type_ == "PERSON"
        if ent.label_ == "ORG" or owner:
            if _split_titled(ent) is not None or _only_title_words(ent) or _portfolio(ent) or _district(ent):
                continue  # "State Pompeo", "State" (of "State Councilor"), "Housing" (Minister) are no organizations
            return ent
    return None


def _described_body(tokens: list[Token]) -> Span | None:
    """A noun of a descriptor, no name's, for the body its holder serves: the possessor of the role word ("the
    council's president") or the object of its "of", "at" or "for" ("chief executive of the drugmaker"), as the
    noun phrase up to that noun, with nothing after it and no possessor of its own; None if there is none.
    Whether it describes a body the article names is the speakers component's to decide."""
    ids = {t.i for t in _qualifying(tokens)}
    for token in tokens:
        plural = token.tag_ in ("NNS", "NNPS")
        if token.i not in ids or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ or plural:
            continue
        after = [c for c in token.children if c.i > token.i and c.tag_ != "POS"]
        if after or any(c.dep_ == "poss" for c in token.children):
            continue  # "the group Progress Iowa", "the school that was hosting ...", "his own firm": not the body alone
        possessor = token.dep_ == "poss" and _is_role_word(token.head)
        served = token.dep_ == "pobj" and token.head.lower_ in ("of", "at", "for") and _is_role_word(token.head.head)
        if possessor or served:
            return token.doc[token.left_edge.i : token.i + 1]
    return None


def _company_of(tokens: list[Token]) -> str:
    """The organization a generic body noun qualifying the role stands for ("company spokesperson Joe Buccino",
    "David Grigson, group finance director"): the one the nearest sentence naming one is about (its subject, or the
    name owning the subject's noun), in the descriptor's sentence before it or the sentences just before; else ""."""
    ids = {t.i for t in tokens}
    body = next(
        (t for t in tokens if t.lemma_.lower() in _GENERIC_BODY_NOUNS and t.head.i in ids and t.i < t.head.i), None
    )
    if body is None or not _is_role_word(body.head):
        return ""
    doc = body.doc
    sentence = doc[body.i].sent
    for _ in range(_BODY_SENTENCES_BACK):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    for ent in reversed(entity_index(doc).within(sentence.start, body.i)):
        root = ent.root
        # the subject, a name owning its noun or apposed to it ("a super PAC ..., Priorities USA Action, may start")
        tied = root.dep_ in ("poss", "nmod", "compound", "appos") and root.head.dep_ in ("nsubj", "nsubjpass")
        if ent.label_ == "ORG" and (root.dep_ in ("nsubj", "nsubjpass") or tied) and not _quoted(ent):
            return _org_name(ent)
    return ""


def _team_in(tokens: list[Token]) -> list[Token] | None:
    """The team a descriptor's role belongs to: the proper nouns right before a team's role noun ("*Toronto*
    manager", "*Maple Leafs* head coach", "*Newcastle* boss"), over the words only telling the role apart ("head");
    None when there are none ("Trump campaign manager" stops at "campaign") or they name a country (a national side:
    "India captain").  Limits: the role nouns are a list (``team_role_nouns.txt``); "Trump manager" would be read
    as a team's."""
    words = _qualifying_words(tokens)
    for k, token in enumerate(words):
        if token.pos_ != "NOUN" or token.lower_ not in _TEAM_ROLES:
            continue
        j = k
        while j > 0 and words[j - 1].lower_ in _TEAM_ROLE_MODIFIERS:
            j -= 1
        start = j
        while start > 0 and _team_word(words[start - 1]) and words[start - 1].i == words[start].i - 1:
            start -= 1
        team = words[start:j]
        doc = token.doc
        joined = bool(team) and team[0].i > 0 and doc[team[0].i - 1].text in ("-", "–")  # "All-Star pitcher"
        if team and not joined and not any(_not_team_word(t) for t in team):
            return team
        return None
    return None


def _not_team_word(token: Token) -> bool:
    """A country or nationality (a national side: "India captain") or a possessor ("OZ’S BOSS")."""
    possessive = token.tag_ == "POS" or token.lower_.endswith(("'s", "’s"))
    return possessive or bool(countries.country_code(token.text)) or countries.is_demonym(token.text)


def _team_word(token: Token) -> bool:
    """A word of a team's name: a proper noun, or a capitalized word the recognizer names ("Newcastle", tagged a
    common noun)."""
    return token.pos_ == "PROPN" or (token.is_title and bool(token.ent_type_))


def _quoted(entity: Span) -> bool:
    """Whether a name is inside a quotation that opens in its sentence (an odd number of double quotation marks
    before it there): someone's words, not what the story is about."""
    sentence = entity.sent
    marks = [t for t in entity.doc[sentence.start : entity.start] if t.is_quote and t.text not in ("'", "’", "‘")]
    return len(marks) % 2 == 1


def _unrecognized_org(tokens: list[Token]) -> str:
    """An organization named right before the role that the recognizer missed: a run of two capitalized words or
    more ending in an organization's word ("Federal Reserve Chair"), or an acronym the article spells out as an
    organization's name ("WHO Director-General" after "the World Health Organization (WHO)"); else ""."""
    run: list[Token] = []
    for token in tokens:
        # an all-capital word is a name whatever its tag ("WHO" tagged as the pronoun)
        capitalized = (token.pos_ == "PROPN" and token.is_title) or (token.is_upper and token.is_alpha)
        if token.lower_ in TITLE_WORDS or token.lower_ in _ROLE_FORMS or (not capitalized and _is_role_word(token)):
            break
        # a place opening the name stays ("South Carolina Democratic Party"), a country or nationality does not
        foreign = token.ent_type_ in ("PERSON", "NORP") or countries.is_demonym(token.text)
        foreign = foreign or bool(countries.country_code(token.text))
        run = [*run, token] if capitalized and not foreign and not token.is_punct else []
    else:
        return ""  # no role after the run: "Federal Reserve" alone is not before a title here
    if len(run) == 1 and run[0].is_upper and len(run[0]) > 1:
        return _spelled_organization(run[0])
    return _join(run) if len(run) > 1 and run[-1].lower_ in ORG_NAME_WORDS else ""


def _spelled_organization(acronym: Token) -> str:
    """The name of the one organization entity of the article whose capitalized words' initials are ``acronym``."""
    letters = acronym.text.replace(".", "")
    found = set()
    for ent in doc_ents(acronym.doc):
        words = [t for t in ent if t.is_alpha and t.is_title and t.lower_ not in TITLE_LINKS]
        if ent.label_ == "ORG" and "".join(t.text[0] for t in words) == letters:
            found.add(_org_name(ent))
    return found.pop() if len(found) == 1 else ""


def _district(entity: Span) -> bool:
    """Whether an entity is the district a legislature's member represents ("the NDP MLA for Edmonton-Strathcona")."""
    preposition = entity.root.head
    return preposition.lower_ == "for" and preposition.head.lower_ in _MEMBER_TITLES


def _portfolio(entity: Span) -> bool:
    """Whether an entity is the portfolio of a capitalized minister's or secretary's title right after it ("Housing
    Minister", "Treasury Secretary"), not a body: not an acronym ("NDP critic"), nor before a secretary-general."""
    doc = entity.doc
    title = doc[entity.end] if entity.end < len(doc) else None
    if title is None or not title.is_title or title.lower_ not in _PORTFOLIO_TITLES:
        return False
    after = doc[entity.end + 1 : entity.end + 3]
    general = any(t.lower_ == "general" for t in after)
    return not general and not any(t.is_upper and len(t) > 1 for t in entity)


def _only_title_words(span: Span) -> bool:
    words = [t for t in span if not (t.is_punct or t.is_space or t.tag_ == "POS" or t.lower_ == "the")]
    return all(t.lower_ in TITLE_WORDS or t.lower_ in TITLE_LINKS for t in words)


def before_parenthesis(entity: Span) -> Span:
    """A name without the parenthesis the recognizer took in: "Canadian Federation of Independent Business (CFIB"."""
    for token in entity[1:]:
        if token.text == "(":
            return entity.doc[entity.start : token.i]
    return entity


def org_name(entity: Span) -> str:
    """An organization entity's name as the org column gives it (see :func:`_org_name`)."""
    return _org_name(entity)


def _org_name(entity: Span) -> str:
    """An organization entity's name as the org column gives it: before a parenthesis the recognizer took in,
    without "the", a possessive and a state body's nationality."""
    return _strip_nationality(list(before_parenthesis(entity)))


def _strip_nationality(tokens: list[Token]) -> str:
    """An organization's name without a leading article, a closing possessive and, for a state body only, the nationality before it
    ("Chinese Foreign Ministry" -> "Foreign Ministry"; "American Enterprise Institute" keeps its name)."""
    words = [t for t in tokens if not t.is_space]
    if words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    # "the Chinese government's" (within: "Moody's Analytics"); the tagger may miss a curly one ("Post’s")
    if words and (words[-1].tag_ == "POS" or words[-1].lower_ in ("'s", "’s")):
        words = words[:-1]
    # a name that is only a nationality ("German", a person's name the recognizer took for a body) is none
    national = _is_national_body(words) or all(countries.is_demonym(t.text) for t in words)
    while national and words and (countries.is_demonym(words[0].text) or countries.country_code(words[0].text)):
        words = words[1:]
    return _join(words)


def _country_in(tokens: list[Token]) -> str:
    """The country qualifying a descriptor: a nationality or country word before the role
    ("Syrian President", "US Secretary"), after "of" ("president of Syria"), or inside a
    government body's name ("spokesman for the Chinese Embassy"); else a place inside a country
    before the role ("New York Gov.", "Ontario Premier", "the Tokyo-based"; see
    :func:`claimex.normalize.places.place_country`).  Not a country after "to" (the host:
    "ambassador to China"), after another preposition ("advocate for human rights in Burma"), in
    a clause ("aide who went to Burma"), or inside another organization's name ("a doctor at the
    Turkish Friendship Hospital")."""
    words = _qualifying_words(tokens)
    for token in words:
        if _in_other_name(token) or _hyphenated_origin(token):
            continue
        code = countries.country_code(token.text)
        if code:
            return "USA" if _us_state_office(token) or _in_us_state_name(token) else code
    for token in words:
        place = _place_at(token) or (_possessor_place(token) if token.dep_ == "poss" else "")
        if place:
            return place
    return "USA" if any(_us_party_office(token) for token in words) else ""


def _us_party_office(token: Token) -> bool:
    """A US party's word right before a US state's or Congress's office ("Republican Gov. Doug Ducey", "Democratic
    Sen.", "GOP Rep."): the office is American."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and token.lower_ in _US_PARTY_WORDS and after.lower_ in _US_STATE_OFFICES


def _us_state_office(token: Token) -> bool:
    """A US state's name that is also a country's, right before a state's office or a party word ("Georgia Gov.
    Brian Kemp", "a Georgia Democrat")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None or token.text not in _US_STATES:
        return False
    return after.lower_ in _US_STATE_OFFICES or after.lower_ in _US_PARTY_WORDS


def _in_us_state_name(token: Token) -> bool:
    """A country's name that ends a US state's ("Mexico" of "New Mexico", "Jersey" of "New Jersey")."""
    return token.i > 0 and (token.doc[token.i - 1].text, token.text) in _US_STATE_WORDS


def _qualifying_words(tokens: list[Token]) -> list[Token]:
    """The descriptor's words that may qualify the role: up to "to", and not inside a prepositional phrase
    other than "of" (except an organization's name there)."""
    found = []
    in_prep = False
    for token in _qualifying(tokens):
        if token.lower_ == "to":
            break
        if token.pos_ == "ADP":
            in_prep = token.lower_ != "of"
            continue
        if not in_prep or token.ent_type_ == "ORG":
            found.append(token)
    return found


def _in_other_name(token: Token) -> bool:
    """Inside a proper name other than a place's or a state body's ("Turkish Friendship Hospital")."""
    entity = entity_at(token)
    if entity is None or entity.label_ not in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"):
        return False
    return not _is_national_body(list(entity))


def _is_national_body(tokens: list[Token]) -> bool:
    return any(t.lower_ in NATIONAL_BODY_WORDS for t in tokens)


def _hyphenated_origin(token: Token) -> bool:
    """A nationality word a hyphen joins to another or to "born" ("Cuban" of "Cuban-American", "Indian" of
    "Indian-born"): an origin; the nationality is the last word's ("American"), and a birthplace gives none."""
    pair = _hyphen_pair(token)
    return (
        pair is not None and pair[0].i == token.i and (pair[1].lower_ == "born" or countries.is_demonym(pair[1].text))
    )


def _joins_demonyms(token: Token) -> bool:
    """The hyphen between two nationality words ("Cuban-American")."""
    pair = _hyphen_pair(token) if token.text == "-" else None
    return pair is not None and all(countries.is_demonym(t.text) for t in pair)


def _born_in(token: Token) -> bool:
    """A word of "Indian-born": the birthplace stays in the role, as "Tokyo-based" does."""
    pair = _hyphen_pair(token)
    return pair is not None and pair[1].lower_ == "born"


def _hyphen_pair(token: Token) -> tuple[Token, Token] | None:
    """The two words an unspaced hyphen joins, for any of the three tokens ("Cuban", "-", "American")."""
    doc = token.doc
    for first in (token.i, token.i - 1, token.i - 2):
        if first >= 0 and first + 2 < len(doc) and _hyphen_after(doc[first]):
            return doc[first], doc[first + 2]
    return None


def _hyphen_after(token: Token) -> bool:
    doc = token.doc
    return token.whitespace_ == "" and doc[token.i + 1].text == "-" and doc[token.i + 1].whitespace_ == ""


_GLUED_BASED = "-based"


def _before_based(token: Token) -> bool:
    """A word before "-based" ("Tokyo" of "Tokyo-based")."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ == "based"


def _place_at(token: Token) -> str:
    """The country of the place ``token`` begins: a GPE entity ("New York" of "New York Gov.") or a word
    before "-based" ("Tokyo-based")."""
    doc = token.doc
    if token.lower_.endswith(_GLUED_BASED) and len(token) > len(_GLUED_BASED):
        place = token.text[: -len(_GLUED_BASED)]  # "U.S.-based", one token: a place with periods keeps its hyphen
        return countries.country_code(place) or place_country(place)
    based = _before_based(token)
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if not token.ent_type_ and token.pos_ == "PROPN" and after is not None and after.lower_ in TITLE_WORDS:
        return place_country(token.text)  # a place the recognizer missed, right before a title: "Ontario Premier"
    titled = _place_before_title(token)
    if titled:
        return titled
    if token.ent_type_ != "GPE" and not based:
        return ""
    entity = entity_at(token)
    if entity is not None and entity.label_ == "GPE":
        if entity.start != token.i:
            return ""
        return place_country(" ".join(t.text for t in entity if not t.is_punct or t.text == "."))
    return place_country(token.text)


def _place_before_title(token: Token) -> str:
    """The country of a place of two to four words ``token`` begins right before a title, whatever the recognizer
    took them for ("Nova Scotia Premier", with "Nova" a PERSON; "Newfoundland and Labrador Premier"), or of a
    state or province of one word ("Saskatchewan Premier", with "Saskatchewan" a PERSON)."""
    doc = token.doc
    if not token.is_title or _in_other_name(token):
        return ""  # not "Ohio State University professor"
    if token.i >= 2 and doc[token.i - 1].lower_ == "and" and doc[token.i - 2].is_title:
        token = doc[token.i - 2]  # the parser hung "Newfoundland and" elsewhere: the descriptor starts at "Labrador"
    for end in range(min(token.i + 4, len(doc) - 1), token.i, -1):
        words = doc[token.i : end]
        if doc[end].lower_ in TITLE_WORDS and all(t.is_title or t.lower_ in ("and", "of") for t in words):
            # one word the recognizer took for a name only if a state or province ("Saskatchewan Premier")
            return place_country(words.text) if len(words) > 1 else region_country(words.text)
    return ""


_CLAUSE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when"})
# Heads of clauses in a descriptor (a participle used as an adjective, "retired", is amod: kept).
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "ROOT", "conj"})


def _qualifying(tokens: list[Token]) -> list[Token]:
    """The descriptor up to a clause ("aide who accompanied her ...", "economist, served as ...")."""
    out = []
    for token in sorted(tokens, key=lambda t: t.i):
        acronym = token.is_upper and len(token) > 1  # "WHO Director-General": no relative pronoun
        if token.dep_ in _CLAUSE_DEPS or (token.lower_ in _CLAUSE_WORDS and not acronym):
            break
        out.append(token)
    return out


def _is_government(tokens: list[Token]) -> bool:
    return any(t.lower_ in GOVERNMENT_WORDS for t in tokens)


def _regions_named(doc: Doc) -> list[str]:
    """The countries of the states, provinces and regions an article names, one per mention, wherever the
    recognizer put them ("Ontario Premier", "Council of Ontario Universities"), except in a person's name
    ("Victoria Nuland"); one word or two ("New Hampshire"), never a country's own name or capital."""
    found = []
    skip_to = 0
    for token in doc:
        if token.i < skip_to or token.pos_ != "PROPN" or not token.is_title or token.ent_type_ == "PERSON":
            continue
        after = token.nbor() if token.i + 1 < len(doc) else None
        pair = f"{token.text} {after.text}" if after is not None and after.is_title else ""
        for name, end in ((pair, token.i + 2), (token.text, token.i + 1)):
            code = region_country(name) if name and not countries.country_code(name) else ""
            if code:
                found.append(code)
                skip_to = end
                break
    return found


def _dateline_city_country(text: str) -> str:
    """The country of the story's dateline city, any the gazetteer knows ("TORONTO —" -> CAN), or "": a hint
    only, since the world shares city names (:func:`dateline_country`)."""
    match = _DATELINE.search(text[:2000])
    return place_country(match.group(1).strip().title()) if match is not None else ""


def _dateline_country_of(doc: Doc) -> str:
    """:func:`dateline_country` of the article's opening, once per Doc."""
    memo = entity_index(doc).memo
    if "dateline" not in memo:
        memo["dateline"] = dateline_country(_opening_text(doc))
    return memo["dateline"]


def _opening_text(doc: Doc) -> str:
    """The article's first 2,000 characters without rebuilding ``doc.text`` (linear in the Doc)."""
    end = 0
    while end < len(doc) and doc[end].idx < 2000:
        end += 1
    return doc[:end].text


def dateline_country(text: str) -> str:
    """The country of the story's dateline: its state or province ("PARIS, Texas —", "LONDON, Ont. —"), else its
    city's if a capital ("BEIJING, November 6 (INP):" -> CHN); ""  for other cities, whose names the world shares
    ("VICTORIA -" is the B.C. capital, Hong Kong's district and an Australian state)."""
    for match in _DATELINE.finditer(text[:2000]):
        region = _DATELINE_REGION.match(text, match.end()) if match.group(0).rstrip().endswith(",") else None
        code = place_country(region.group(1)) if region is not None else ""  # "PARIS, Texas —", "FLORENCE, S.C."
        code = code or countries.country_code(match.group(1).strip().title())
        if code:
            return code
    return ""
