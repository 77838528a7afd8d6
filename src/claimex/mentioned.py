"""The countries and organizations a statement mentions: the ``countries`` and ``orgs`` columns.

Countries come from the names and nationality words the recognizer finds and a scan of the text
(:func:`claimex.normalize.countries.countries_in`), never from a language ("speak French").  Organizations are
the recognizer's ORG entities that name a body (not a country, law, street, disease or a person the article
names), each by its fullest form in the article ("Ministry" of "Foreign Ministry", an acronym by the name it
spells).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .lexicon import table, words
from .nlp.profiles import doc_ents, span_ents
from .normalize import countries
from .normalize.places import region_country

ORG_LABELS = ("ORG",)
# Last words of names that are no organization's (laws, streets, diseases) though the recognizer says ORG.
NON_ORG_NAME_ENDS = words("non_org_name_ends")
# Party words ("a Liberal minority", "Conservative politicians"): a modifier that still names the party.
PARTY_WORDS = frozenset(row[0] for row in table("party_names")) | frozenset(row[0] for row in table("party_forms"))
# Nationality words that are also languages: a country only as a modifier ("French government"), not "speak French".
LANGUAGE_DEMONYMS = words("language_demonyms")
# Dependencies by which a nationality word modifies a noun or is said of one ("French government", "called German").
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "acomp", "attr", "oprd")


def countries_mentioned(claim: Span) -> list[str]:
    """The countries the claim names; a language ("protect French", "English and French") is no country, nor
    an entity cut out of a place's name ("British" of "British Columbians")."""
    languages = [t for t in claim if t.lower_ in LANGUAGE_DEMONYMS and _names_language(t)]
    text = claim.text
    entities = [
        (e.text, e.label_)
        for e in span_ents(claim)
        if e.label_ in ("GPE", "NORP", "LOC", "ORG")
        and not (len(e) == 1 and e[0] in languages)
        and not countries.in_stop_phrase(text, e.start_char - claim.start_char, e.end_char - claim.start_char)
    ]
    for token in languages:  # blanked, same length, so the scan of the text does not find it either
        at = token.idx - claim.start_char
        text = text[:at] + " " * len(token.text) + text[at + len(token.text) :]
    return countries.countries_in(text, entities)


def _names_language(token) -> bool:
    """A nationality word that modifies no noun and has no determiner ("the French") names the language; one
    joined to a modifier ("Russian and Chinese hackers") is a modifier too."""
    if any(child.dep_ == "det" for child in token.children):
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ not in MODIFIER_DEPS and not any(child.dep_ == "det" for child in token.children)


def _fullest_org_names(doc: Doc) -> dict[str, str]:
    """Each ORG name (and acronym) in the article mapped to its fullest form.  A name that fills a line
    alone is left out: a headline the recognizer took whole ("CBC Exec Targets Opposition") names no body."""
    orgs = [e for e in doc_ents(doc) if e.label_ in ORG_LABELS and not (len(e) > 2 and _fills_line(e))]
    names: dict[str, str] = {}
    for org in orgs:
        key = _org_key(org.text)
        names.setdefault(key, _strip_the(org.text))
    # "East Turkestan Islamic Movement (ETIM)": the acronym names the full form.
    for org in orgs:
        after = doc[org.end : org.end + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].is_upper:
            names[_org_key(after[1].text)] = _strip_the(org.text)
    # A name that is one word of a longer name ("Ministry" of "Foreign Ministry") takes the longest
    # (the first of that length, in insertion order).  ``holding`` indexes each key by the words of its
    # current name, kept up to date as names change, so this is not quadratic in the article's ORGs.
    order = {key: k for k, key in enumerate(names)}
    holding: dict[str, set[str]] = {}
    for key, name in names.items():
        for word in _org_key(name).split():
            holding.setdefault(word, set()).add(key)
    for key, name in list(names.items()):
        containing = sorted(holding.get(key, ()), key=order.__getitem__)
        longer = [names[k] for k in containing if k != key and len(names[k]) > len(name)]
        if longer:
            new = max(longer, key=len)
            for word in _org_key(name).split():
                holding[word].discard(key)
            for word in _org_key(new).split():
                holding.setdefault(word, set()).add(key)
            names[key] = new
    return names


def _fills_line(ent: Span) -> bool:
    """Whether an entity stands alone on its line (only spaces and tabs beside it), read from the whitespace
    around it rather than the whole text (``Doc.text`` is rebuilt on every access)."""
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].is_space:
        start -= 1
    before = (doc[start - 1].whitespace_ if start > 0 else "") + "".join(t.text_with_ws for t in doc[start : ent.start])
    last = ent.end  # the entity may hold the line's end ("Opposition", "\n")
    while last > ent.start + 1 and doc[last - 1].is_space:
        last -= 1
    end = last
    while end < len(doc) and doc[end].is_space:
        end += 1
    after = doc[last - 1].whitespace_ + "".join(t.text_with_ws for t in doc[last:end])
    before, after = before.rstrip(" \t"), after.lstrip(" \t")
    return (before.endswith("\n") or (start == 0 and not before)) and (
        after.startswith("\n") or (end == len(doc) and not after)
    )


@dataclass(frozen=True)
class ArticleOrgs:
    """The organizations of one article: each name's fullest form, and the names that are its persons'."""

    fullest: dict[str, str]  # name key -> fullest name (see _fullest_org_names)
    persons: frozenset[str]  # see _person_words

    @classmethod
    def of(cls, doc: Doc) -> ArticleOrgs:
        return cls(_fullest_org_names(doc), _person_words(doc))

    def mentioned(self, claim: Span) -> list[str]:
        """The organizations a claim names, each by its fullest name in the article, in text order."""
        found: list[str] = []
        for ent in span_ents(claim):
            if ent.label_ in ORG_LABELS and _names_org(ent, self.persons):
                name = self.fullest.get(_org_key(ent.text), _strip_the(ent.text))
                if name not in found:
                    found.append(name)
        return found


def _names_org(ent: Span, persons: frozenset[str]) -> bool:
    """Whether an ORG entity names an organization: not a lower-case word ("un-redacted"), an adjective
    ("an Indigenous teen"; a party's stays: "a Liberal minority"), a country, capital, state or province
    ("the UAE's", "Ottawa", "Yukon"; a city stays: "Dartmouth" and "Columbia" are often colleges), a law,
    street or disease ("... Act", "COVID-19"), nor a person the article names ("Carney said")."""
    text = _strip_the(ent.text)
    words = text.split()
    if not words or not any(ch.isupper() for ch in text):
        return False
    if len(ent) == 1 and ent[0].dep_ == "amod" and ent[0].lower_ not in PARTY_WORDS:
        return False
    if words[-1].lower() in NON_ORG_NAME_ENDS or text in persons:
        return False
    return not region_country(text)


def _person_words(doc: Doc) -> frozenset[str]:
    """The names of the article's persons and their surnames ("Mark Carney", "Carney") that the recognizer
    calls a person more often than an organization (a body it once calls PERSON stays a body), and every
    surname of a full name (the recognizer often calls "Chow" of "Olivia Chow" an ORG)."""
    as_person: Counter[str] = Counter()
    as_org: Counter[str] = Counter()
    surnames: set[str] = set()
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON":
            as_person[ent.text] += 1
            if len(ent) > 1:  # a full name's surname outweighs the ORGs: "Olivia Chow" makes "Chow said" hers
                surnames.add(ent[-1].text)
        elif ent.label_ in ORG_LABELS:
            as_org[_strip_the(ent.text)] += 1
    return frozenset(surnames) | frozenset(name for name, count in as_person.items() if count > as_org[name])


def _org_key(text: str) -> str:
    return _strip_the(text).lower()


def _strip_the(text: str) -> str:
    """The name without a leading "the", a possessive ending ("Oilers'", "CBC's") or a dangling bracket or
    dash ("Métis Nation of Ontario (")."""
    text = text.strip().rstrip("([{-–—,;: ")
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("’s") or text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s’") or text.endswith("s'"):
        text = text[:-1]
    return text
