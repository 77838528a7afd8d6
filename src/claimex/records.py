"""Records: one row per claim, from an annotated Doc (pure functions).

The Doc carries the claims (``doc.spans["claims"]``) with their cue, speaker
and quote type; this module turns each into a row of the schema, adding the
normalized values: the article's date, the date the statement was made, the
countries and organizations it mentions, and the speaker's role, body and
country.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection
from datetime import date

from spacy.tokens import Doc, Span

from .article import Article
from .lexicon import table, words
from .nlp.keys import CLAIMS, PARAGRAPHS
from .nlp.profiles import doc_ents, entity_at, span_ents, speaker_profile
from .nlp.syntax import relative_pronoun
from .normalize import countries, dates
from .normalize.places import region_country
from .schema import conform

ORG_LABELS = ("ORG",)
# Dependency links by which a date phrase attaches to its cue ("said Monday", "said on Wednesday").
DATE_DEPS = ("npadvmod", "tmod", "obl", "prep", "advmod")
# Prepositions whose date says when ("on Wednesday"), not for how long or before what ("for years").
DATE_PREPOSITIONS = words("date_prepositions")
# Last words of names that are no organization's (laws, streets, diseases) though the recognizer says ORG.
NON_ORG_NAME_ENDS = words("non_org_name_ends")
# Party words ("a Liberal minority", "Conservative politicians"): a modifier that still names the party.
PARTY_WORDS = frozenset(row[0] for row in table("party_names")) | frozenset(row[0] for row in table("party_forms"))
# Nationality words that are also languages: a country only as a modifier ("French government"), not "speak French".
LANGUAGE_DEMONYMS = words("language_demonyms")
# Dependencies by which a nationality word modifies a noun or is said of one ("French government", "called German").
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "acomp", "attr", "oprd")


def claim_id(doc_id: str, start: int, end: int) -> str:
    """Stable id: the same article and span always give the same id."""
    return hashlib.sha1(f"{doc_id}\x00{start}\x00{end}".encode()).hexdigest()[:16]


def article_date(article: Article, reference: date | None = None) -> str:
    """The article's publication date (ISO), or "" when nothing in it gives a year.

    The reader's date (HTML metadata, a JSON field) first, else a dated header
    line or a dated path (:func:`dates.published_from_text`), else -- only when
    the caller gives a ``reference`` date (``--reference-date``) -- a year-less
    dateline ("BEIJING, November 6") dated on or before the reference
    (:func:`dates.published_from_dateline`).  Never the clock or a file time.
    """
    published = article.published or dates.published_from_text(article.text, article.source or article.doc_id)
    if not published and reference is not None:
        published = dates.published_from_dateline(article.text, reference)
    return published


def doc_to_records(
    doc: Doc,
    article: Article,
    published: str | None = None,
    reference: date | None = None,
    *,
    kinds: Collection[str] | None = None,
    min_confidence: float = 0.0,
) -> list[dict]:
    """The claims of one annotated article as schema rows, in text order.

    ``reference`` dates a year-less dateline (see :func:`article_date`).  Only claims of ``kinds``
    (None: every kind; see :mod:`claimex.nlp.kinds`) whose confidence is at least ``min_confidence`` are rows.
    """
    claims = [
        claim
        for claim in doc.spans.get(CLAIMS, [])
        if (kinds is None or claim._.claim_kind in kinds)
        and (min_confidence <= 0 or (claim._.confidence is not None and claim._.confidence >= min_confidence))
    ]
    if not claims:
        return []
    if published is None:
        published = article_date(article, reference)
    paragraph_starts = [p.start_char for p in doc.spans.get(PARAGRAPHS, [])]
    org_names = _fullest_org_names(doc)
    persons = _person_words(doc)
    return [conform(_row(claim, article, published, paragraph_starts, (org_names, persons))) for claim in claims]


def _row(
    claim: Span, article: Article, published: str, paragraph_starts: list[int], names: tuple[dict, frozenset]
) -> dict:
    mention = claim._.speaker
    cue = claim._.cue
    said_on_text = _date_phrase(cue) if cue is not None else ""
    said_on, precision = dates.resolve_said_on(said_on_text, published) if said_on_text else ("", "")
    profile = speaker_profile(claim)
    start, end = claim.start_char, claim.end_char
    return {
        "claim_id": claim_id(article.doc_id, start, end),
        "doc_id": article.doc_id,
        "published": published,
        "speaker": claim._.speaker_name or (mention.text if mention is not None else ""),
        "speaker_mention": _mention_words(mention, cue),
        "speaker_type": claim._.speaker_type or ("OTHER" if mention is not None else ""),
        "speaker_role": profile.role,
        "speaker_org": profile.org,
        "speaker_country": profile.country,
        "cue": cue_lemma(cue),
        "quote": " … ".join(p.text for p in claim._.pieces) if claim._.pieces else claim.text,
        "quote_type": claim._.quote_type,
        "claim_kind": claim._.claim_kind,
        "confidence": None if claim._.confidence is None else round(claim._.confidence, 3),
        "said_on": said_on,
        "said_on_text": said_on_text,
        "countries": _countries(claim),
        "orgs": _orgs(claim, *names),
        "char_start": start,
        "char_end": end,
        "said_on_precision": precision,
        "paragraph": _paragraph_index(paragraph_starts, start),
    }


def _mention_words(mention: Span | None, cue: Span | None) -> str:
    """The words naming the speaker at the claim: the relative pronoun of "Will Smith, who said ..."
    (as a pronoun is kept in "He said ..."), else the speaker's mention."""
    if mention is None:
        return ""
    if cue is not None and len(cue) == 1:
        pronoun = relative_pronoun(cue[0], mention.root)
        if pronoun is not None:
            return pronoun.text
    return mention.text


def cue_lemma(cue: Span | None) -> str:
    if cue is None:
        return ""
    if len(cue) == 1:
        return cue[0].lemma_.lower()
    return " ".join(t.lower_ for t in cue)


def _date_phrase(cue: Span) -> str:
    """The date expression attached to the cue: "Monday" in "said Monday", "on Wednesday", "Tuesday" in "said
    in Tuesday's budget update" (not "for years")."""
    verb = cue.root
    for child in verb.children:
        if child.dep_ not in DATE_DEPS:
            continue
        if child.ent_type_ == "DATE" or child.ent_type_ == "TIME":
            return _entity_text(child)
        if child.dep_ == "prep" and child.lower_ in DATE_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "DATE":
                    return f"{child.text} {_entity_text(obj)}"
                # "said in Tuesday's budget update": the occasion's day is the day it was said
                owner = next((t for t in obj.children if t.dep_ == "poss" and t.ent_type_ == "DATE"), None)
                if obj.dep_ == "pobj" and owner is not None:
                    return _entity_text(owner)
    return ""


def _entity_text(token) -> str:
    ent = entity_at(token)
    return ent.text if ent is not None else token.text


def _countries(claim: Span) -> list[str]:
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
    text = ent.doc.text
    before = text[: ent.start_char].rstrip(" \t")
    after = text[ent.start_char + len(ent.text.rstrip()) :].lstrip(" \t")  # the entity may hold the line's end
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def _orgs(claim: Span, org_names: dict[str, str], persons: frozenset[str] = frozenset()) -> list[str]:
    found: list[str] = []
    for ent in span_ents(claim):
        if ent.label_ in ORG_LABELS and _names_org(ent, persons):
            name = org_names.get(_org_key(ent.text), _strip_the(ent.text))
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


def _paragraph_index(starts: list[int], offset: int) -> int:
    """The index of the last paragraph starting at or before ``offset`` (``starts`` in text order), else 0."""
    return max(bisect_right(starts, offset) - 1, 0)
