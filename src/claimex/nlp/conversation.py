"""Floating quotations: who says a paragraph that is only a quotation, with no cue of its own.

Features and profiles quote their people paragraph after paragraph without a cue each time
("Alison Levine remembers her first expedition. ... ¶ “I was super-green.”").  Such a paragraph
belongs to the conversation's current speaker (:func:`guess_speaker`):

* in a **dialogue** (the two turns right before it are quotations by two different speakers, in
  the two paragraphs right before it) the turn goes back to the speaker before last: the guess
  follows the alternation;
* else to the **last speaker**, when the quotation comes one to three paragraphs after that
  speaker's last claim and the paragraphs between are that speaker's words or narration about
  them (their name, or a subject pronoun and nobody else named);
* else to the person the preceding paragraph **introduces** or is about (the one person it names);
* a quotation that **closes a paragraph of narration** ("She does not plan to work at 97. “I don't think
  I'll live that long.”") goes to the subject of the sentence before it (a name, or "he"/"she" for the one
  person the narration names), else, when the narration names nobody, to the last speaker of the paragraph
  before.

Otherwise nobody: the quotation is no row.  Pure functions over the Doc, the claims found so far
(anything with ``start``, ``end``, ``source`` and ``quote_type``) and the readable paragraphs.

Limits, plainly: speakers are compared by the words of their mentions ("Ms. Levine" and "Alison
Levine" are one, "he" and "she" two, a name and a pronoun are not told apart), so a dialogue told
with pronouns alone is followed only when the pronouns differ; a quotation that opens its paragraph
or sits inside narration is not floating, nor one closing narration after a claim of speech in the same
paragraph (it may still continue the turn before it, see :mod:`claimex.nlp.attribution`); a "he"/"she"
narration names nobody for is left to nobody rather than guessed.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span

from ..lexicon.cues import SPEECH_VERBS
from .cleaning import TITLE
from .syntax import sentence_of

MAX_FLOATING_DISTANCE = 3  # paragraphs after the speaker's last claim
LOOKBACK = 8  # paragraphs before a floating quotation that tell its conversation
LAST_SPEAKER, ALTERNATION, INTRODUCED = "last speaker", "alternation", "introduced"
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_SINGULAR_PRONOUNS = frozenset({"he", "she"})
_SENTENCE_ENDS = frozenset({".", "!", "?"})


class Turn(Protocol):
    start: int
    end: int
    source: Span | None
    quote_type: str


@dataclass(frozen=True)
class Guess:
    how: str  # LAST_SPEAKER, ALTERNATION or INTRODUCED
    source: Span  # the speaker's words: at their last claim, or where the paragraph introduces them
    turn: Turn | None  # the claim whose speaker it is, None for an introduction
    distance: int  # paragraphs from that claim or introduction to the quotation


def guess_speaker(doc: Doc, quote: Span, claims: Sequence[Turn], paragraphs: Sequence[Span]) -> Guess | None:
    """The speaker of ``quote`` when it is a floating quotation (all of its paragraph), else None."""
    starts = [p.start for p in paragraphs]
    here = _paragraph_index(starts, quote.start)
    if here < 0:
        return None
    narration = None
    if not _whole_paragraph(doc, quote, paragraphs[here]):
        narration = _narration_before(doc, quote, paragraphs[here])
        if narration is None:
            return None
    # Only the last few paragraphs matter: a dialogue is known by its last turns, a speaker by the last three.
    since = paragraphs[max(0, here - LOOKBACK)].start
    recent = sorted(
        (c for c in claims if since <= c.start < quote.start and c.source is not None), key=lambda c: c.start
    )
    own = [c for c in recent if paragraphs[here].start <= c.start]  # all of them: "by saying" under "distanced"
    recent = _outermost(recent)
    turns = [(k, c) for c in recent if paragraphs[k := _paragraph_index(starts, c.start)].label_ != TITLE]
    if narration is not None:
        return _after_narration(doc, narration, own, turns, here, paragraphs)
    if turns:
        dialogue = _alternation(turns, here)
        if dialogue is False:
            return None
        guess = dialogue if isinstance(dialogue, Guess) else _last_speaker(doc, turns, here, paragraphs)
        if guess is not None:
            return guess
    return _introduced(doc, paragraphs, here)


def narrated_subject(doc: Doc, quote: Span, paragraphs: Sequence[Span]) -> Span | None:
    """The person whose narration ``quote`` closes its paragraph after: the subject of the sentence before it
    when that is a name (see :func:`_narration_before`); None otherwise."""
    here = _paragraph_index([p.start for p in paragraphs], quote.start)
    narration = _narration_before(doc, quote, paragraphs[here]) if here >= 0 else None
    if narration is None:
        return None
    last = sentence_of(narration[-1])
    subject = _subject(doc[max(last.start, narration.start) : narration.end], people_only=False)
    return subject if subject is not None and _name_words(subject) else None


def _outermost(claims: list[Turn]) -> list[Turn]:
    """The claims not inside another one's statement: "the DNC issued a statement apologizing for emails, which
    included staff members suggesting ..." goes on with the DNC, not the staff members it reports on."""
    kept: list[Turn] = []
    for claim in claims:  # in text order: a claim holding this one starts before it
        if not any(other.start <= claim.start and claim.end <= other.end for other in kept):
            kept.append(claim)
    return kept


def _alternation(turns: list[tuple[int, Turn]], here: int) -> Guess | None | bool:
    """A dialogue: quotations by two speakers in the paragraphs right before, one a paragraph, alternating;
    the one before last speaks again.  False (give up) when a third speaker takes part; None: no dialogue."""
    last_of = dict(turns)  # each paragraph's last claim (turns are in text order)
    chain: list[Turn] = []  # the direct turns of the paragraphs right before, latest first
    paragraph = here - 1
    while paragraph in last_of and last_of[paragraph].quote_type == "direct":
        chain.append(last_of[paragraph])
        paragraph -= 1
    if len(chain) < 2 or not _different(chain[1].source, chain[0].source):
        return None
    last, other = chain[0], chain[1]
    if other.source is None:  # turns all have a source; this tells the type checker
        return None
    if not all(same_speaker(c.source, (last, other)[k % 2].source) for k, c in enumerate(chain)):
        return False  # three speakers: the guess could be any of them
    return Guess(ALTERNATION, other.source, other, 2)


def _last_speaker(doc: Doc, turns: list[tuple[int, Turn]], here: int, paragraphs: Sequence[Span]) -> Guess | None:
    last_paragraph, last = turns[-1]
    distance = here - last_paragraph
    if not 1 <= distance <= MAX_FLOATING_DISTANCE:
        return None
    for between in range(last_paragraph + 1, here):
        others = [c for p, c in turns if p == between]
        if others and not all(same_speaker(c.source, last.source) for c in others):
            return None  # someone else speaks between
        if not others and not _about(paragraphs[between], last.source):
            return None  # narration about someone or something else
    return Guess(LAST_SPEAKER, last.source, last, distance) if last.source is not None else None


def _introduced(doc: Doc, paragraphs: Sequence[Span], here: int) -> Guess | None:
    """The one person the paragraph before names ("Alison Levine remembers her first expedition.")."""
    if here < 1 or paragraphs[here - 1].label_ == TITLE:
        return None
    people = [e for e in paragraphs[here - 1].ents if e.label_ == "PERSON"]
    if not people or len({_surname(e) for e in people}) != 1:
        return None
    return Guess(INTRODUCED, max(people, key=len), None, 1)


def _narration_before(doc: Doc, quote: Span, paragraph: Span) -> Span | None:
    """The narration a quotation closes its paragraph after ("She does not envision working at 103. “I don't
    think I'll live that long.”"): whole sentences with no quotation mark, the quotation a sentence of its own
    up to the paragraph's end; None when the paragraph is not so."""
    opening = quote.start - 1
    if opening <= paragraph.start or not doc[opening].is_quote:
        return None
    if any(not (t.is_punct or t.is_space or t.is_quote) for t in doc[quote.end : paragraph.end]):
        return None
    narration = doc[paragraph.start : opening]
    last = next((t for t in reversed(narration) if not t.is_space), None)
    if last is None or last.text not in _SENTENCE_ENDS or any(t.is_quote for t in narration):
        return None
    return narration


def _after_narration(
    doc: Doc, narration: Span, own: list[Turn], turns: list[tuple[int, Turn]], here: int, paragraphs: Sequence[Span]
) -> Guess | None:
    """The speaker of a quotation closing a paragraph of narration: the person its last sentence is about
    (its subject: a name, or "he"/"she" for the one person the narration names), else, when the narration
    names nobody, the last speaker of the paragraph before.  Nobody when a claim of the paragraph by anyone
    else comes before the quotation (the quotation may continue that claim's turn, see
    :mod:`claimex.nlp.attribution`)."""
    last = sentence_of(narration[-1])  # may run on into the quotation when the parser did not split them
    subject = _subject(narration.doc[max(last.start, narration.start) : narration.end])
    if subject is None:
        if own or any(e.label_ == "PERSON" for e in narration.ents) or _has_pronoun(narration):
            return None  # about someone the conversation may not know
        return _last_speaker(doc, turns, here, paragraphs) if turns and turns[-1][0] == here - 1 else None
    if any(_speaks(c) or c.source is None or not c.source.start <= subject.start < c.source.end for c in own):
        return None  # the quotation goes on with what was said: it continues that turn
    if subject.root.pos_ == "PRON":
        people = _people(narration)
        if len({_surname(e) for e in people}) != 1:
            return None  # "she" for whom: the resolver may reach back past the paragraph
        subject = max(people, key=len)  # "Daughter-in-law Evelyn will take over. But she does not ..."
    return Guess(INTRODUCED, subject, None, 0)


def _people(narration: Span) -> list[Span]:
    """The people a narration names: its PERSON entities, and a name the recognizer missed as a subject."""
    doc = narration.doc
    people = [e for e in narration.ents if e.label_ == "PERSON"]
    for t in narration:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and not t.ent_type_:
            people.append(doc[t.i : t.i + 1])
    return people


def _speaks(claim: Turn) -> bool:
    """A claim reported by a verb of speech ("said"), which a quotation right after continues; not one of
    thought or action ("She does not plan to work at 97. “I don't think I'll live that long.”")."""
    cue = getattr(claim, "cue", None)
    return cue is None or cue.root.lemma_.lower() in SPEECH_VERBS


def _has_pronoun(span: Span) -> bool:
    return any(t.lower_ in _PERSONAL_PRONOUNS for t in span)


def _subject(sentence: Span, people_only: bool = True) -> Span | None:
    """A sentence's subject when it is a person: a name the recognizer knows, or "he"/"she"; with
    ``people_only`` False, the name of whoever the subject is, when the sentence names several."""
    root = sentence.root
    subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    people = [e for e in sentence.ents if e.label_ == "PERSON"]
    if len({_surname(e) for e in people}) > 1 and people_only:
        return None  # "Or maybe Jeb Bush, consultant Phil Musser says.": which one is not the parse's to say
    if subject.lower_ in _SINGULAR_PRONOUNS:
        return None if people else sentence.doc[subject.i : subject.i + 1]
    return next((e for e in people if e.start <= subject.i < e.end), None)


def _whole_paragraph(doc: Doc, quote: Span, paragraph: Span) -> bool:
    """The quotation is all of its paragraph, its marks and closing punctuation aside."""
    outside = itertools.chain(doc[paragraph.start : quote.start], doc[quote.end : paragraph.end])
    return all(t.is_punct or t.is_space or t.is_quote for t in outside)  # lazily: stops at the first word


def _about(paragraph: Span, source: Span | None) -> bool:
    """Narration about the speaker: it names them, or has a subject pronoun and names nobody else."""
    names = _name_words(source)
    words = {t.lower_ for t in paragraph if t.is_alpha}
    if names and names & words:
        return True
    pronoun = any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _PERSONAL_PRONOUNS for t in paragraph)
    others = [e for e in paragraph.ents if e.label_ == "PERSON" and not ({t.lower_ for t in e} & names)]
    return pronoun and not others


def same_speaker(a: Span | None, b: Span | None) -> bool:
    """Two mentions of one speaker: their names share a word, or they are the same pronoun."""
    if a is None or b is None:
        return False
    names_a, names_b = _name_words(a), _name_words(b)
    if names_a and names_b:
        return bool(names_a & names_b)
    return a.text.lower() == b.text.lower()


def _different(a: Span | None, b: Span | None) -> bool:
    """Two speakers told apart: names with no word in common, or two different personal pronouns."""
    if a is None or b is None:
        return False
    names_a, names_b = _name_words(a), _name_words(b)
    if names_a and names_b:
        return not names_a & names_b
    pronouns = {a.text.lower(), b.text.lower()}
    return not names_a and not names_b and len(pronouns) == 2 and pronouns <= _PERSONAL_PRONOUNS


def _name_words(mention: Span | None) -> set[str]:
    """The capitalized words of a mention ("Alison", "Levine"), titles and pronouns aside."""
    if mention is None:
        return set()
    return {t.lower_ for t in mention if t.is_alpha and t.is_title and t.pos_ == "PROPN"}


def _surname(entity: Span) -> str:
    words = [t.lower_ for t in entity if t.is_alpha]
    return words[-1] if words else entity.text.lower()


def _paragraph_index(starts: list[int], token: int) -> int:
    return bisect_right(starts, token) - 1
