"""A name written after an opening office and a comma: "Executive Director of the Centre for Democratic Development,
Kojo Asante said", "Minister for Information, Kwame Asante stated", "Head of the Presidential Secretariat and Cabinet
Secretary, Dr. Roger Luncheon has come out".

News from West Africa, South Asia and the Caribbean often opens a sentence with the office, a comma and the name,
without the comma that would close the apposition.  The parser then makes the office the subject and the name its
conjunct, or the name the subject and the office a loose modifier of the verb, and the recognizer often runs the
name into the office's organization ("the Centre for Democratic Development, Kojo Asante": one ORG) or tags no name.
The speaker became the office ("Executive Director of the Centre ...") or the name lost its role.
:func:`repair_title_openings` gives such an opening the parse and entities of the closed apposition ("Minister of
Finance, Ken Ofori-Atta, said"): the office the verb's subject, the name in apposition to it, a PERSON entity.

Limits, plainly: only at the start of a parsed sentence; the office must come first (a title word or a noun for a
person: "Executive Director of ...", "Head of ...", "Minister for ...") in a phrase of capitalized words, "of",
"for", "at", "the", "and", acronyms and parentheses, ending at the first comma within 16 words; the name is two to
five capitalized proper nouns (after forms of address such as "Dr." or "Hon.") with no title or organization word,
right before a comma or the verb.  "Former President, John Mahama said" is read; "President of Ghana, Accra said"
would be misread, as no such sentence is news.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon import words as lexicon_words
from ..lexicon.nouns import PERSON, noun_classes
from ..lexicon.titles import HONORIFICS, TITLE_WORDS

_MAX_OFFICE = 16  # words from the sentence start to the comma
_OFFICE_JOINERS = frozenset({"of", "for", "at", "the", "and", "&", "on", "in", "to"})
_ORG_NAME_WORDS = lexicon_words("org_name_words")  # "Authority", "University": no person's name
_ROLE_NOUNS = lexicon_words("role_nouns")
_NAME_WORDS = (2, 5)


@dataclass(frozen=True)
class TitleOpening:
    """An office opening a sentence, the name after its comma, and the verb they are the subject of."""

    office: Token  # the office's head word ("Director" of "Executive Director of the Centre ...")
    name: Span  # the person's name, without forms of address
    verb: Token


def repair_title_openings(doc: Doc) -> Doc:
    """Give each opening office and name (see the module doc) the parse and entities of a closed apposition."""
    openings = [o for o in (title_opening(sent) for sent in doc.sents) if o is not None]
    if not openings:
        return doc
    for opening in openings:
        _reparse(opening)
    doc.ents = _with_names(doc, [o.name for o in openings])
    return doc


def title_opening(sent: Span) -> TitleOpening | None:
    """The opening office and name of ``sent`` (see the module doc), or None."""
    if not sent[0].dep_ or not sent[0].is_title:
        return None
    comma = next((t.i for t in sent[:_MAX_OFFICE] if t.text == ","), None)
    if comma is None or comma == sent.start:
        return None
    doc = sent.doc
    office = _office_head(doc[sent.start : comma])
    if office is None:
        return None
    end = _clause_end(sent)
    name = _name_after(doc, comma + 1, end)
    if name is None:
        return None
    after = name.end + 1 if name.end < end and doc[name.end].text == "," else name.end
    if after >= end or doc[after].pos_ not in ("VERB", "AUX"):
        return None
    verb = doc[after]
    if verb.pos_ == "AUX" and verb.head.i > verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "has come out"
    return TitleOpening(office, name, verb)


def _clause_end(sent: Span) -> int:
    """Where ``sent`` ends, or the next sentence where the parser split it inside the name, with no stop at its end
    ("Deputy Minister for Information, Nana | Ama Dokua Asiamah Adjei stated ...")."""
    doc = sent.doc
    if sent.end >= len(doc) or sent[-1].is_punct or "\n" in sent[-1].whitespace_ or not doc[sent.end].dep_:
        return sent.end
    return doc[sent.end].sent.end


def _office_head(phrase: Span) -> Token | None:
    """The head word of an office phrase ("Director" of "Executive Director of the Centre"), or None when the phrase
    is not an office of capitalized words or holds a person's name."""
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return None
    for token in phrase:
        if not (token.is_title or token.is_upper or token.lower_ in _OFFICE_JOINERS or token.text in "()-'’"):
            return None
    first_joiner = next((t.i for t in phrase if t.lower_ in _OFFICE_JOINERS), phrase.end)
    if first_joiner == phrase.start or first_joiner - phrase.start > 4:
        return None
    head = phrase.doc[first_joiner - 1]
    return head if _office_word(head) else None


def _office_word(token: Token) -> bool:
    word = token.lower_
    if word in TITLE_WORDS and word not in HONORIFICS:
        return True
    if token.ent_type_:  # "CHICO, Calif.", "Mercury": a name, however its word reads
        return False
    lemma = token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") and (PERSON in noun_classes(lemma) or lemma in _ROLE_NOUNS)


def _name_after(doc: Doc, start: int, end: int) -> Span | None:
    """The name of two to five capitalized proper nouns at ``start``, after forms of address ("Dr.", "Hon.")."""
    while start < end and _address_form(doc[start]):
        start += 1
    stop = start
    while stop < end and stop - start < _NAME_WORDS[1] and _name_word(doc[stop]):
        stop += 1
    if stop - start < _NAME_WORDS[0] or (stop < end and _name_word(doc[stop])):
        return None
    return doc[start:stop]


def _address_form(token: Token) -> bool:
    """ "Dr.", "Hon.", "Mrs.": a form of address before a name (an abbreviation of up to four letters counts)."""
    short = token.text.endswith(".") and token.text[:-1].isalpha() and len(token.text) <= 5 and token.is_title
    return token.lower_ in HONORIFICS or short


def _name_word(token: Token) -> bool:
    word = token.lower_
    if not token.is_title or token.pos_ != "PROPN" or word in TITLE_WORDS or word in _ORG_NAME_WORDS:
        return False
    return token.ent_type_ in ("", "PERSON", "ORG", "NORP")


def _reparse(opening: TitleOpening) -> None:
    """The office the verb's subject, the name's last word in apposition to it, its other words compounds."""
    office, name, verb = opening.office, opening.name, opening.verb
    if office.is_ancestor(verb):  # the office the root, the verb below it: the verb takes the office's place first
        verb.head = verb if office.head.i == office.i else office.head
        verb.dep_ = office.dep_
    office.head = verb
    office.dep_ = "nsubj"
    last = name[-1]
    last.head = office
    last.dep_ = "appos"
    for token in name[:-1]:
        token.head = last
        token.dep_ = "compound"


def _with_names(doc: Doc, names: list[Span]) -> list[Span]:
    """The document's entities with each name a PERSON; an entity run from the office into the name ends before it."""
    out: list[Span] = []
    for entity in doc.ents:
        clash = next((n for n in names if entity.start < n.end and n.start < entity.end), None)
        if clash is None:
            out.append(entity)
        elif entity.start < clash.start and entity.label_ != "PERSON":
            end = clash.start
            while end > entity.start and doc[end - 1].is_punct:
                end -= 1
            if end > entity.start:
                out.append(Span(doc, entity.start, end, label=entity.label_))
    out.extend(Span(doc, n.start, n.end, label="PERSON") for n in names)
    return sorted(out, key=lambda e: e.start)
