"""The writer's trailing aside on a reported statement: "said he supports the final bill, which includes
provisions not in the Senate bill" reports the bill's support; the which-clause is the writer's.

Limits, plainly: only a non-restrictive relative clause (a comma, then which/who/whom/whose/where/when, as
:data:`ASIDE_RELATIVES`) that ends the statement is cut, and that is a coin toss clause by clause: on PolNeAR train
the annotators leave such a clause (one with no reporting verb or quotation mark) out of the content about as often
as they keep it (63 against 58), but cutting it turns twice as many rows into matches as it loses (37 against 18),
since a long aside is more often left out.  An indefinite appositive naming no person (", a move that could
split the party", "— a point officials dispute", ", a 16-point margin") is the writer's comment and is cut too (train:
34 rows changed, 32 read right; speech WSW P +0.0007, R +0.0006).  A definite or personal appositive (", the
Republican nominee", ", a lawyer from Ohio"), a participial clause (", saying ...") or a prepositional adjunct ending
the statement is kept: the annotators mostly keep them.  A clause that holds a reporting verb (", which he said had
harmed the economy") or a quotation mark, or whose comma lies inside a quotation, is the speaker's and stays; so does
a restrictive clause (no comma: "the bill that ...").
A closing ", according to X" is cut too: it names the source of another attribution (7 of 7 on train).
"""

from __future__ import annotations

from spacy.tokens import Token

from ...lexicon import words
from ...lexicon.nouns import names_person
from ..cues import CueLexicon
from ..syntax import ancestors, charge

ASIDE_RELATIVES = words("aside_relatives")
SETTING_OFF = frozenset({",", "—", "–", "-", "--"})  # what opens an appositive aside; a relative one, a comma


def without_trailing_aside(
    tokens: list[Token], lexicon: CueLexicon, in_quote: list[int], *, writer_speaks: bool = False
) -> list[Token]:
    """``tokens`` (a statement, in text order) up to the comma of a trailing aside, if one ends it.  When the writer
    speaks ("we see this as a map, a digital divide"; "you explain that ...": the speaker is I, we or you), an
    appositive is the speaker's own and stays."""
    words_only = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(words_only) < 2:
        return tokens
    ids = {t.i for t in tokens}
    first, last = words_only[0].i, words_only[-1].i
    cuts = (_aside_comma(t, ids, (first, last), lexicon, in_quote, not writer_speaks) for t in tokens)
    cut = min((k for k in cuts if k is not None), default=None)
    return tokens if cut is None else [t for t in tokens if t.i < cut]


def _aside_comma(
    clause: Token, ids: set[int], ends: tuple[int, int], lexicon: CueLexicon, in_quote: list[int], appositive: bool
) -> int | None:
    """The id of the comma opening ``clause`` when it is a trailing aside of the statement ``ids`` (whose first and last
    words are ``ends``), else None; an appositive only when ``appositive``."""
    first, last = ends
    if clause.head.i not in ids or clause.head.i == clause.i or clause.right_edge.i < last:
        return None
    doc = clause.doc
    opener = clause.left_edge.i
    comma = opener - 1
    if comma <= first or doc[comma].text not in SETTING_OFF:
        return None
    if in_quote[comma] >= 0 or in_quote[opener] >= 0:
        return None  # a quotation keeps its words
    if appositive and _writers_appositive(clause, ids):
        return comma
    if doc[comma].text != ",":
        return None
    if _credit(clause):
        return comma
    if clause.dep_ != "relcl" or doc[opener].lower_ not in ASIDE_RELATIVES:
        return None
    aside = doc[opener : clause.right_edge.i + 1]
    charge(doc, len(aside))
    if any(t.is_quote for t in aside):
        return None
    if any(t.pos_ in ("VERB", "AUX") and lexicon.is_verb_cue(t.lemma_) for t in aside):
        return None  # ", which he said had harmed the economy": the speaker's words go on
    return comma


def _writers_appositive(noun: Token, ids: set[int]) -> bool:
    """ ", a move that could split the party", "— a point officials dispute": an indefinite noun phrase set off after
    the statement, naming no person and said of no person, is the writer's comment on what was said.  Not with a
    quotation mark, nor in a list of such phrases ("wants a tax cut, a war with Iran, a balanced budget", "call it
    whatever you want -- a news network, a propaganda arm, something in between"), nor over a coordinated verb
    (", a change that benefited A, and to open B": the parser hung the statement's conjunct on it), nor one whose
    that-clause says what the noun holds ("what he called tribalism - a conviction that you are either with the
    industry or against it")."""
    head = noun.head
    if noun.dep_ not in ("appos", "npadvmod") or noun.pos_ != "NOUN" or names_person(noun.lemma_):
        return False
    if head.pos_ == "DET":
        return False  # "make it a — a horseshoe": a speaker's false start
    if head.ent_type_ == "PERSON" or (head.pos_ == "NOUN" and names_person(head.lemma_)):
        return False  # "denied Garland, Obama's nominee, a hearing": the second object of a verb
    doc = noun.doc
    if doc[noun.left_edge.i].lower_ not in ("a", "an") or noun.ent_type_ in ("DATE", "TIME"):
        return False
    if doc[head.left_edge.i].lower_ in ("a", "an") and head.left_edge.i > 0 and doc[head.left_edge.i - 1].is_punct:
        return False  # the second of a list of indefinite phrases
    phrase = doc[noun.left_edge.i : noun.right_edge.i + 1]
    charge(doc, len(phrase))
    # a quotation, a list, a conjunct verb, or a that-clause saying what the noun holds ("a conviction that A")
    if any(
        t.is_quote
        or (t.dep_ == "appos" and t.i != noun.i)
        or (t.dep_ == "conj" and t.head.i == noun.i)
        or (t.dep_ == "conj" and t.pos_ == "VERB")
        or (t.dep_ == "mark" and t.lower_ == "that" and t.head.dep_ == "acl" and t.head.head.i == noun.i)
        for t in phrase
    ):
        return False
    for step in ancestors(noun):  # not the last of a list of them
        if step.i not in ids or step.dep_ == "appos":
            return step.i not in ids
    return True


def _credit(phrase: Token) -> bool:
    """ ", according to X": the source of another attribution, never part of a statement."""
    doc = phrase.doc
    return phrase.lower_ == "according" and phrase.i + 1 < len(doc) and doc[phrase.i + 1].lower_ == "to"
