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
from collections.abc import Collection
from datetime import date

from spacy.tokens import Doc, Span, Token

from .article import Article
from .lexicon import words
from .mentioned import ArticleOrgs, countries_mentioned
from .nlp.keys import CLAIMS, PARAGRAPHS
from .nlp.profiles import entity_at, speaker_profile
from .nlp.syntax import relative_pronoun
from .normalize import dates
from .schema import conform

# Dependency links by which a date phrase attaches to its cue ("said Monday", "said on Wednesday").
DATE_DEPS = ("npadvmod", "tmod", "obl", "prep", "advmod")
# Prepositions whose date says when ("on Wednesday"), not for how long or before what ("for years").
DATE_PREPOSITIONS = words("date_prepositions")


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
    orgs = ArticleOrgs.of(doc)
    return [conform(_row(claim, article, published, paragraph_starts, orgs)) for claim in claims]


def _row(claim: Span, article: Article, published: str, paragraph_starts: list[int], orgs: ArticleOrgs) -> dict:
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
        "speaker_org": claim._.speaker_org or profile.org,
        "speaker_country": profile.country,
        "cue": cue_lemma(cue),
        "quote": " … ".join(p.text for p in claim._.pieces) if claim._.pieces else claim.text,
        "quote_type": claim._.quote_type,
        "claim_kind": claim._.claim_kind,
        "confidence": None if claim._.confidence is None else round(claim._.confidence, 3),
        "said_on": said_on,
        "said_on_text": said_on_text,
        "countries": countries_mentioned(claim),
        "orgs": orgs.mentioned(claim),
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
    in Tuesday's budget update" or "during the debate Monday night" (not "for years"); a verb coordinated with
    the cue in the same tense and with no subject of its own shares its head's ("on Friday made a strong
    condemnation ... and pledged to ...")."""
    verb = cue.root
    found = _date_of(verb)
    head = verb.head
    shared = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # not "X published ..., and Y said"
    if not found and verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and head.tag_ == verb.tag_ and shared:
        found = _date_of(head)  # not "resigned in 2015 and now says"
    return found


#: How an occasion's noun holds its day: "Tuesday's budget update", "the debate Monday night".
_OCCASION_DATE_DEPS = frozenset({"poss", "npadvmod", "compound", "nmod"})
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})  # counted: a span


def _occasion_day(token: Token) -> bool:
    """A day or month an occasion's noun is of ("Tuesday's", "a May interview"), no duration ("one 12-year stretch")."""
    if token.dep_ not in _OCCASION_DATE_DEPS or token.ent_type_ != "DATE":
        return False
    entity = entity_at(token)
    counted = token.lemma_.lower() in _TIME_UNITS and any(t.like_num for t in (entity or [token]))
    return not counted


def _date_of(verb: Token) -> str:
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
                day = next((t for t in obj.children if _occasion_day(t)), None)
                if obj.dep_ == "pobj" and day is not None:
                    return _entity_text(day)
    return ""


def _entity_text(token) -> str:
    ent = entity_at(token)
    return ent.text if ent is not None else token.text


def _paragraph_index(starts: list[int], offset: int) -> int:
    """The index of the last paragraph starting at or before ``offset`` (``starts`` in text order), else 0."""
    return max(bisect_right(starts, offset) - 1, 0)
