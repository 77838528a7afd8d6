"""The claim every rule family makes, what the passes read, and helpers shared by several families:
the speaker's mention, a statement's bounds trimmed of marks, conjunctions and a leading dateline."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...lexicon.titles import TITLE_WORDS
from ...normalize.places import region_country
from ..cues import CueLexicon
from ..phrases import partitive_of
from ..portfolios import portfolio_name_start
from ..profiles import is_persons_surname
from ..syntax import opens_paragraph, paragraph_opening, subtree

MIN_CONTINUATION_WORDS = 4  # an uncued quotation shorter than this is a scare quote or a title
MIN_CUED_QUOTE_WORDS = 2
MAX_DATELINE_TOKENS = 14  # "LOS ANGELES, Sept. 28 (UPI) —"
_RANK_WORDS = frozenset({"number", "no", "no."})  # "the world number two", "the world No. 1"
DOUBLE_MARKS = frozenset({"“", "”", '"', "''", "``", "„"})  # not "’", which is also a possessive's apostrophe


@dataclass
class Claim:
    """A statement (token offsets), its cue and its speaker's mention, as a rule found it."""

    start: int  # token offsets of the statement in the Doc
    end: int
    cue: Span | None
    source: Span | None  # the speaker's mention
    quote_type: str  # direct, indirect or mixed
    quotations: list[int] = field(default_factory=list)  # indices into the quotation list it contains
    continues: Claim | None = None  # for an uncued quotation: the claim whose turn it continues
    pieces: list[tuple[int, int]] = field(default_factory=list)  # token spans of a statement in pieces, if interrupted
    learned: bool = False  # found by a learned construction rather than the built-in lexicon
    probability: float = -1.0  # the cue model's probability of a learned construction
    floating: str = ""  # how a floating quotation's speaker was guessed (see claimex.nlp.conversation)
    distance: int = 0  # paragraphs from that speaker's last claim or introduction
    holds_claims: bool = True  # claims inside its statement are part of it; an interview's answer keeps them


class _CuesByPosition:
    """Cue-only claims (a cue and a speaker, no statement) looked up by where their cue starts."""

    def __init__(self, cues: list[Claim]):
        self.cues = sorted(cues, key=lambda c: _cue(c).start)  # found in text order already: stays as it is
        self.starts = [_cue(c).start for c in self.cues]

    def between(self, lo: int, hi: int) -> list[Claim]:
        """The cues starting at ``lo`` up to ``hi`` (excluded), in text order."""
        return self.cues[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]


@dataclass
class Reading:
    """What the passes of :func:`claimex.nlp.attribution.find_claims` read: the Doc, the cue lexicon, the
    quotations (inner spans, without marks) and the paragraphs that can hold claims, token tables of both,
    and the cue-only claims (a cue and a speaker, no statement) found by the reported speech pass, which
    the quotation and block passes take as cues."""

    doc: Doc
    lexicon: CueLexicon
    quotations: list[Span]
    paragraphs: list[Span]
    body: list[bool]  # token i lies in a paragraph that can hold claims
    in_quote: list[int]  # the index of the quotation token i lies in, else -1
    cues: _CuesByPosition = field(default_factory=lambda: _CuesByPosition([]))

    @classmethod
    def of(cls, doc: Doc, lexicon: CueLexicon, quotations: list[Span], paragraphs: list[Span]) -> Reading:
        body = [False] * len(doc)
        for paragraph in paragraphs:
            body[paragraph.start : paragraph.end] = [True] * len(paragraph)
        in_quote = [-1] * len(doc)
        for qi, quote in enumerate(quotations):
            for i in range(quote.start, quote.end):
                in_quote[i] = qi
        return cls(doc, lexicon, quotations, paragraphs, body, in_quote)


def _titled_person_end(head: Token) -> int:
    """Where a titled person's name ends that closes an organization's phrase the parser made the subject:
    "Assembly of First Nations National Chief RoseAnne Archibald said" (the name hung under "of"), or a portfolio's
    coordinated in the title ("Canada-U.S. Trade and One Canadian Economy Minister Dominic LeBlanc said": the
    parser made "Trade" the subject and the name its conjunct); else 0."""
    doc = head.doc
    last = head.right_edge
    if last.ent_type_ != "PERSON" or last.i <= head.i:
        return 0
    first = last.i
    while first > head.i + 1 and doc[first].ent_iob_ != "B":
        first -= 1
    title = doc[first - 1]
    return last.i + 1 if title.lower_ in TITLE_WORDS and title.is_title and title.i > head.i else 0


def _mention(head: Token) -> Span:
    """The speaker's words: the noun phrase up to its head, extended over a name it starts."""
    doc = head.doc
    if head.is_punct:  # a dash the parser took for the subject: "The film ― which weaves ... ― explains"
        head = next((c for c in reversed(list(head.lefts)) if not (c.is_punct or c.is_space)), head)
    left = head.left_edge.i
    marks = [t.i for t in doc[left : head.i] if t.text in DOUBLE_MARKS]
    if len(marks) % 2 and not doc[marks[-1] - 1].whitespace_:
        # a closing mark, glued to the word before: the parser hung words of a quotation that closes before the name
        # on it ("hunky-dory,” Gene Sperling")
        left = marks[-1] + 1
    left = _after_dateline(doc, left, head.i)
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    right = head.i + 1
    if head.ent_type_:
        while right < len(doc) and doc[right].ent_iob_ == "I":
            right += 1
    named = [
        c
        for c in head.rights
        if c.dep_ in ("appos", "compound", "flat") and c.ent_type_ in ("PERSON", "ORG") and c.i >= right
    ]
    # the person's name over an acronym set off before it ("External Affairs Minister (EAM) S. Jaishankar")
    name = next((c for c in named if c.ent_type_ == "PERSON"), named[0] if named else None)
    if name is not None:
        right = name.right_edge.i + 1
    if head.ent_type_ == "ORG" or (head.pos_ == "PROPN" and not head.ent_type_):
        right = max(right, _titled_person_end(head))
        if portfolio_name_start(head):  # "Minister for Health Stephen Donnelly said": the name is the mention's end
            right = max(right, head.right_edge.i + 1)
    right = max(right, _partitive_end(head), _rank_end(head))
    if head.pos_ == "NOUN" and not head.ent_type_:
        # "the spokesperson of the Chinese Foreign Ministry Geng Shuang": the name is part of the mention.
        # Not a name inside a clause on it other than its subject ("a tech staffer who told his subordinates never
        # to speak of Clinton"; "a speech Mrs. Clinton delivered" is hers).
        inside = {t.i for c in head.rights if c.dep_ in ("relcl", "acl") for t in subtree(c)}
        inside -= {t.i for c in head.rights for s in c.children if s.dep_ == "nsubj" for t in subtree(s)}
        person_end = max(
            (_modified_end(t) for t in subtree(head) if t.i >= right and t.i not in inside and _names_person(t, head)),
            default=0,
        )
        if person_end:
            right = person_end
    return doc[left:right]


def _modified_end(name: Token) -> int:
    """Where the noun phrase ends that a name word modifies ("a former Reagan administration official", "a narrator
    in the Clinton ad", "another Clinton aide"): the noun it is a compound of, not the name itself."""
    while name.dep_ in ("compound", "nmod") and name.head.i > name.i:
        name = name.head
    return name.i + 1


def _rank_end(head: Token) -> int:
    """ "the world number two", "the world No. 1": the number after a word for a rank is part of the mention (its
    end; 0 otherwise), the parser hanging it on the word or on the period of "No." that it splits off."""
    doc = head.doc
    if head.lower_ not in _RANK_WORDS:
        return 0
    k = head.i + 1
    if k < len(doc) and doc[k].text == "." and not head.whitespace_:
        k += 1
    return k + 1 if k < len(doc) and doc[k].like_num and doc[k].head.i in (head.i, k - 1) else 0


def _partitive_end(head: Token) -> int:
    """ "one of the hundreds of residents in attendance", "many of the protesters": after a word naming part of a
    group, the of-phrase right after it that names the group is part of the mention, up to a clause hung on the
    group (its end; 0 otherwise)."""
    of = partitive_of(head)
    if of is None or of.head.i != head.i:
        return 0
    group = next((c for c in of.children if c.dep_ == "pobj"), None)
    if group is None or group.pos_ not in ("NOUN", "PROPN", "PRON"):
        return 0
    # a clause hung on the group is said of it, not part of the name ("one of our ads that I had put in"), unless a
    # name set off in it is the one meant, apposed where the parser hung it low ("One of his supporters who backs
    # Randolph, former Colorado Rep. Pat Schroeder")
    kept = [c.right_edge.i for c in group.rights if c.dep_ != "punct" and (c.dep_ != "relcl" or _sets_off_a_name(c))]
    return max([group.i, *kept]) + 1


def _sets_off_a_name(clause: Token) -> bool:
    comma = next((t.i for t in clause.subtree if t.text == ","), None)
    return comma is not None and any(t.ent_type_ == "PERSON" and t.i > comma for t in clause.subtree)


def _names_person(token: Token, head: Token) -> bool:
    """Whether a word in a speaker's noun phrase names a person: a PERSON entity's, or a surname the recognizer took
    for a place or a body right after "for" or "of" ("A spokesperson for Holland", with "Mark Holland" named)."""
    if token.ent_type_ == "PERSON":
        return True
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.head.i == head.i
        and preposition.lower_ in ("for", "of")
        and token.ent_iob_ == "B"
        and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
        and is_persons_surname(token)
    )


def _cue(claim: Claim) -> Span:
    """The cue of a claim found from its cue (reported speech, a cue-only claim, an introduction)."""
    assert claim.cue is not None
    return claim.cue


def _trim(tokens: list[Token]) -> tuple[int, int] | None:
    tokens = _strip_dateline([t for t in tokens if not t.is_space])
    while tokens and _leading_connective(tokens[0]):
        tokens = tokens[1:]
    # A statement never ends with a conjunction: "says A and [says B]" leaves "and" behind.
    while tokens and ((tokens[-1].is_punct and not tokens[-1].is_quote) or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].i, tokens[-1].i + 1


def _trim_continuing(tokens: list[Token]) -> tuple[int, int] | None:
    """:func:`_trim` for the piece of a statement after the tag interrupting it, which keeps the word carrying the
    sentence on over the tag ("It is no surprise, Mr. Garin said, that B", "“A,” Trump said, “and B”")."""
    bounds = _trim(tokens)
    if bounds is None:
        return None
    carried = min((t.i for t in tokens if t.i < bounds[0] and not (t.is_punct or t.is_space)), default=bounds[0])
    return carried, bounds[1]


def _leading_connective(token: Token) -> bool:
    """Punctuation, "and", "but", or the "that" introducing the clause, which a statement does not start with; a
    "that" the statement is about stays ("that's why ...", "that plan")."""
    if token.is_quote:
        return False
    if token.lower_ == "that":
        determiner = token.dep_ == "det" and token.head.i == token.i + 1 and token.head.tag_ not in ("NNS", "NNPS")
        return not (_is_subject_that(token) or determiner)  # "that plan"; "that cutbacks ..." is a clause
    return token.is_punct or token.lower_ in ("and", "but")


def _is_subject_that(token: Token) -> bool:
    """ "that" as the subject of the verb right after it ("that's why", "That, they say, will be easier"); not a
    relative "that" before its clause's own subject ("that he thought would displace workers")."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.dep_ in ("nsubj", "nsubjpass")
        and after is not None
        and (after.pos_ in ("VERB", "AUX") or after.text == ",")
    )


def _alpha_words(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha)


def _strip_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a leading "BEIJING, November 6 (INP):" dateline: a place in capitals, then what follows it up to a colon
    or a dash, or a hyphen written for one ("KYIV (Reuters) -"; not "NDP MP Charlie Angus (Timmins—James Bay) said":
    a name follows the capitals); or one in capitalized words (:func:`_after_place_dateline`)."""
    if not tokens or not opens_paragraph(tokens[0]):
        return tokens
    if not (tokens[0].is_upper and len(tokens[0].text) > 1):
        return _after_place_dateline(tokens)
    in_place = True
    for k, token in enumerate(tokens[:MAX_DATELINE_TOKENS]):
        if (token.text.endswith(":") or token.text in ("—", "–", "--") or _spaced_hyphen(token)) and k + 1 < len(
            tokens
        ):
            return tokens[k + 1 :]
        in_place = in_place and not (token.is_punct and token.text not in (".", "-"))
        if in_place and token.is_alpha and not token.is_upper:
            return tokens  # the capitals are an acronym opening a sentence, not a place
    return tokens


def _after_place_dateline(tokens: list[Token]) -> list[Token]:
    """After a dateline written in capitalized words and ending in a country's or region's name before a dash ("Metro
    Manila, Philippines –", "Lagos, Nigeria —"), else ``tokens``; the name before the dash must be a country or a
    region the place data knows, so that "Mr. Smith, Democrat –" is no dateline."""
    for k, token in enumerate(tokens[: MAX_DATELINE_TOKENS + 1]):
        if token.text in ("—", "–", "--") or _spaced_hyphen(token):
            if k < 3 or k + 1 >= len(tokens) or tokens[k - 2].text != ",":
                return tokens
            last = tokens[k - 1].text
            return tokens[k + 1 :] if region_country(last) else tokens
        if not (token.is_title or token.text == ","):
            return tokens
    return tokens


def _after_dateline(doc: Doc, left: int, head: int) -> int:
    """Where a speaker's words start that the parser hung on the dateline opening their paragraph ("RANGOON, Burma -
    Aung San Suu Kyi's political allies", "WASHINGTON — Sen. Bernie Sanders"): after it; else ``left``."""
    start = paragraph_opening(doc[left], MAX_DATELINE_TOKENS)
    if start is None:
        return left
    rest = _strip_dateline(list(doc[start : min(head, start + MAX_DATELINE_TOKENS)]))
    return rest[0].i if rest and left <= rest[0].i - 1 < head and rest[0].i > start else left


def _spaced_hyphen(token: Token) -> bool:
    """A hyphen standing for a dash, with spaces around it ("KYIV (Reuters) - Russia launched ..."), not one inside a
    word ("WILKES-BARRE")."""
    doc = token.doc
    return token.text == "-" and bool(token.whitespace_) and token.i > 0 and bool(doc[token.i - 1].whitespace_)
