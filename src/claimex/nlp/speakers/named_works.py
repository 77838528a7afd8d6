"""Works and data as speakers: the name a poll, an ad or a book speaks under, and the work a description means.

News quotes works as it quotes people ("A new poll shows ...", "The film explores ..."), and names them as a
reader would repeat them:

* a **poll, survey or average** speaks under its own name: its name and publisher words, the descriptive words
  between them and the noun, and a short "of" complement, without determiners and without the words that only
  date or judge it ("a new Washington Post-ABC News national poll" -> "Washington Post-ABC News national poll",
  "The Real Clear Politics average of polls taken over the past two weeks" -> "Real Clear Politics average of
  polls");
* a **titled work** speaks under its title ('The 30-second spot, titled “Arrogant,”' -> "Arrogant", 'her new
  documentary “13th.”' -> "13th");
* **data from a source** speaks as the source ("Data from the 2014 American Community Survey");
* the same work named **shorter** later takes its fullest name ("The Reuters/Ipsos poll" after "the latest
  Reuters/Ipsos opinion poll");
* a **description** ("the poll", "The study", "the film") is the latest work of its kind (:data:`WORK_KINDS`)
  named in the paragraphs before it, or, an indefinite one in an article's opening ("A new poll shows ..."), the
  one named in the next sentences.

Limits, plainly: works are recognized by their head noun only (lists in ``lexicon/data``); a work named by a
bare title without a work noun ("DuVernay’s “13th”") is not registered; "of" complements are kept only when
short (a noun with its own modifiers, no determiner or number); whether reports and studies speak for their
authors instead is decided by the speaker resolver (:mod:`claimex.nlp.speakers`), not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...lexicon import table as lexicon_table
from ...lexicon import words as lexicon_words
from .works import _WORK_PARAGRAPHS as WORK_PARAGRAPHS  # "the poll" is the one named in the last paragraphs

WORK_KINDS: dict[str, str] = {row[0]: row[1] for row in lexicon_table("work_kinds")}
SPEAKING_WORKS = lexicon_words("speaking_works")
DATA_NOUNS = lexicon_words("data_nouns")
_TIME_WORDS = lexicon_words("work_time_words")
_OTHER_WORDS = lexicon_words("other_work_words")
_TITLE_VERBS = {row[0]: row[1] == "any" for row in lexicon_table("title_verbs")}  # -> may an unquoted title follow
_TITLE_JOINERS = lexicon_words("title_joiners")

_OPENING = {"“": "”", '"': '"', "‘": "’"}
_NAME_JOINERS = frozenset({"-", "/", "&", ".", "’s", "'s"})
_WHEN = frozenset({"DATE", "TIME"})
_MAX_TITLE = 12  # tokens: longer "titles" are sentences the quotation marks hold
CATAPHORA_SENTENCES = 2  # an opening's "A new poll" is named in the next sentences


@dataclass(frozen=True)
class NamedWork:
    """A work the article names: its head token's position, kind (:data:`WORK_KINDS`), name, and whether the
    name is a title."""

    position: int
    kind: str
    name: str
    titled: bool = False


def work_kind(token: Token) -> str | None:
    """The kind of work a noun names ("study" -> "poll", "documentary" -> "film"), else None."""
    return WORK_KINDS.get(token.lower_) or WORK_KINDS.get(token.lemma_.lower())


def kind_of(noun: str) -> str:
    """The kind of work a lower-case noun names, else the noun itself ("report" -> "report")."""
    return WORK_KINDS.get(noun, noun)


def is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS")


def speaking_name(head: Token) -> str | None:
    """The name a poll, survey or average speaks under (see the module doc), or None when no name or publisher
    qualifies it ("a new poll")."""
    if head.lemma_.lower() not in SPEAKING_WORKS or is_plural(head) or head.pos_ not in ("NOUN", "ADJ"):
        return None
    # The name begins at its first proper noun, which may hang from a modifier ("Real Clear Politics polling")
    modifiers = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "poss", "amod")]
    names = [t.i for c in modifiers for t in c.subtree if t.pos_ == "PROPN" and t.ent_type_ not in _WHEN]
    if not names:
        return None  # not "Monday’s poll", "a new national poll"
    doc = head.doc
    start = min(names)
    kept: list[str] = []
    for token in doc[start : head.i + 1]:
        if "\n" in token.text or (token.is_punct and token.text not in _NAME_JOINERS) or token.text == ",":
            return None
        if token.is_space:  # a no-break space: "Daybreak\xa0tracking poll"
            kept.append(" ")
        elif not (token.is_lower and token.lower_ in _TIME_WORDS):  # keeps the "the" of "Rock the Vote"
            kept.append(token.text_with_ws if token.i < head.i else token.text)
    name = re.sub(r"\s+", " ", "".join(kept)).strip()
    complement = _of_complement(head)
    return f"{name} {complement}" if complement else name


def _of_complement(head: Token) -> str | None:
    """A short "of" complement naming what a work covers ("of voter lists", "of polls"), without what follows."""
    prep = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if prep is None or prep.head.i != head.i or prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ != "NOUN":
        return None
    lefts = list(pobj.lefts)
    if any(c.dep_ not in ("compound", "amod") or c.pos_ == "PROPN" for c in lefts):
        return None  # "of the five most recent polls", "of 1,000 adults", "of Florida voters"
    if any(t.is_punct or t.is_space for t in head.doc[prep.i : pobj.i + 1]) or pobj.i - prep.i > 3:
        return None
    kept = [t for t in head.doc[prep.i : pobj.i + 1] if not (t.is_lower and t.lower_ in _TIME_WORDS)]
    return " ".join(t.text for t in kept)  # "of recent polls" -> "of polls"


def title_of(head: Token) -> str | None:
    """The title a work noun gives its work: in quotation marks before it ('The “No Comparison” ad') or after
    it ('her documentary “13th.”'), or after a titling word ('The spot, titled “Arrogant,”', 'a memoir entitled
    The White House Doctor: My Patients Were Presidents')."""
    if work_kind(head) is None or is_plural(head):
        return None
    doc = head.doc
    before = doc[head.i - 1] if head.i else None
    if before is not None and before.text in _OPENING.values():
        opening = next((t for t in doc[head.left_edge.i : before.i] if t.text in _OPENING), None)
        if opening is not None and _OPENING[opening.text] == before.text:
            return _title_text(doc[opening.i + 1 : before.i])
    verb = _title_verb(head)
    j = verb.i + 1 if verb is not None else head.i + 1
    if j < len(doc) and _opens(doc[j]):
        close = _OPENING[doc[j].text]
        end = next((t.i for t in doc[j + 1 : j + 2 + _MAX_TITLE] if t.text == close), None)
        return _title_text(doc[j + 1 : end]) if end is not None else None
    # Unquoted, only after a word that says title ("called Trump a liar" names no title).
    return _capitalized_title(doc, j) if verb is not None and _TITLE_VERBS[verb.lower_] else None


def _title_verb(head: Token) -> Token | None:
    """The titling word after a work noun and its phrase ("a memoir of her time at the White House entitled"),
    with no verb, clause break or other work noun between."""
    doc = head.doc
    phrase_end = head.right_edge.i  # the work's phrase, and prepositional phrases after it
    for token in doc[head.i + 1 : min(head.i + 1 + _MAX_TITLE, len(doc))]:
        if token.lower_ in _TITLE_VERBS:
            return token
        if token.pos_ == "ADP" and token.i == phrase_end + 1:
            phrase_end = token.right_edge.i  # "a memoir of her time at the White House entitled"
        if token.i > phrase_end or token.tag_ in ("WDT", "WP"):
            return None  # "a video Thursday from an account called", "a clip that the judge called"
        if token.pos_ in ("VERB", "AUX") or token.is_sent_start or token.text in (";", ":", "(", "—", "―"):
            return None
        if token.is_punct and token.text != "," or work_kind(token) is not None or token.is_quote:
            return None
    return None


def _capitalized_title(doc: Doc, start: int) -> str | None:
    """An unquoted title: the run of capitalized words (and joiners) from ``start`` to its sentence's end."""
    end = start
    while end < len(doc) and end - start <= _MAX_TITLE:
        token = doc[end]
        if not (token.is_title or token.is_upper or token.like_num or token.lower_ in _TITLE_JOINERS):
            break
        end += 1
    while end > start and doc[end - 1].lower_ in _TITLE_JOINERS:
        end -= 1
    if end == start or not (doc[start].is_title or doc[start].like_num):
        return None
    return _title_text(doc[start:end])


def _title_text(span: Span) -> str | None:
    """A title as written, if it looks like one: capitalized ("13th", "Arrogant"; not the words quoted from an
    advertisement: 'the advertisement “unmistakably and wrongfully” suggests')."""
    text = span.text.strip().rstrip(".,;:!?").strip()
    if not text or len(span) > _MAX_TITLE or not (text[0].isupper() or text[0].isdigit()):
        return None
    return text


def _opens(token: Token) -> bool:
    """Whether a quotation mark opens a quotation: a curly opening one, or a straight one with a space before it
    and none after ('a "candid memoir" by' is no title after "memoir")."""
    if token.text not in _OPENING:
        return False
    doc = token.doc
    spaced_before = token.i == 0 or bool(doc[token.i - 1].whitespace_)
    return token.text in ("“", "‘") or (spaced_before and not token.whitespace_)


def data_source(head: Token) -> Token | None:
    """The source data come from, when it is named ("Data from the 2014 American Community Survey"), else
    None ("data from the past decade")."""
    if head.lower_ not in DATA_NOUNS:
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "from"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or not (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "GPE")):
        return None
    return pobj


def own_name(head: Token) -> NamedWork | None:
    """The work a noun names under its own name or title (:func:`title_of`, :func:`speaking_name`), else None."""
    kind = work_kind(head)
    if kind is None:
        return None
    title = title_of(head)
    if title is not None:
        return NamedWork(head.i, kind, title, titled=True)
    name = speaking_name(head)
    return NamedWork(head.i, kind, name) if name is not None else None


def named_works(doc: Doc, quoted: bytearray) -> list[NamedWork]:
    """Every work the article names outside quotations (:func:`own_name`), in text order, but those said to be
    another than the one at hand ("the previous poll")."""
    found = []
    for token in doc:
        if token.pos_ in ("NOUN", "ADJ") and not quoted[token.i] and work_kind(token) is not None:
            work = own_name(token)
            # "the last Fox national poll in March" is not the one the article goes on about
            if work is not None and not any(t.lower_ in _OTHER_WORDS for t in token.lefts):
                found.append(work)
    return found


def name_words(name: str) -> frozenset[str]:
    """A work name's words for comparing names: lower case, without possessives and separators."""
    return frozenset(re.findall(r"\w+", re.sub(r"['’]s\b", "", name.lower())))


def fullest(work: NamedWork, works: list[NamedWork]) -> str:
    """The fullest name the article gives ``work``: the longest name of a work of its kind holding all its words
    ("Reuters/Ipsos poll" -> "Reuters/Ipsos opinion poll", "Real Clear Politics average" -> "Real Clear Politics
    average of polls"), the nearest such among equals; titles stay as they are."""
    if work.titled:
        return work.name
    words = name_words(work.name)
    best, best_key = work.name, (len(words), 0)
    for other in works:
        if other.titled or other.kind != work.kind:
            continue
        others = name_words(other.name)
        key = (len(others), -abs(other.position - work.position))
        if words <= others and key > best_key:
            best, best_key = other.name, key
    return best


def referent(
    mention: Span,
    works: list[NamedWork],
    paragraph_of: Callable[[int], int],
    sentence_of: Callable[[int], int],
    opening: bool,
    title: bool = False,
) -> NamedWork | None:
    """The named work a description means (see the module doc): definite ("the poll", "this poll", "The study")
    -> the latest of its kind in the last :data:`WORK_PARAGRAPHS` paragraphs; indefinite in the article's
    ``opening`` ("A new poll shows") -> the first of its kind named in the next :data:`CATAPHORA_SENTENCES`
    sentences; in the article's ``title`` ("New Poll Shows ...") -> the first of its kind the body names; else None
    ("another poll", "the previous survey", "polls", "a poll" later on)."""
    head = mention.root
    kind = work_kind(head)
    if kind is None or is_plural(head) or any(t.lower_ in _OTHER_WORDS for t in mention):
        return None
    if title:  # a headline's words are all capitalized: no name to tell
        return next((w for w in works if w.kind == kind and w.position >= mention.end), None)
    if any(t.pos_ == "PROPN" or t.dep_ == "poss" for t in mention if t.i != head.i):
        return None  # a name or an owner qualifies it: not a bare description
    determiner = mention[0].lower_
    if determiner in ("the", "this", "that"):
        paragraph = paragraph_of(mention.start)
        earlier = [w for w in works if w.kind == kind and w.position < mention.start]
        if earlier and paragraph_of(earlier[-1].position) >= paragraph - WORK_PARAGRAPHS:
            return earlier[-1]
        # Further back, only the article's one work of that kind: "her documentary “13th.” ... The film"
        one = {w.name for w in works if w.kind == kind} == {earlier[-1].name} if earlier else False
        return earlier[-1] if one else None
    if determiner in ("a", "an") and opening:
        horizon = sentence_of(mention.start) + CATAPHORA_SENTENCES
        later = [w for w in works if w.kind == kind and w.position >= mention.end]
        if later and sentence_of(later[0].position) <= horizon:
            return later[0]
    return None
