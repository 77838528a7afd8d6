"""A report that opens its own statement: "continued to complain that A", "responded by saying A", "issued a
statement saying A".  The words before A (the second reporting verb, and the noun it describes) go with the cue;
the statement is A, and the second verb, which says how it was put, is the claim's cue.

Limits, plainly: only three shapes are read, each where PolNeAR train's gold leaves the second verb out of the content
by a clear majority (the rule's firings on train, a claim each, judged against the gold that overlaps it): an
infinitive or gerund of a reporting verb after a verb of phase or continuation ("continued to question", "went on to
say": 13 of 13), a gerund of a reporting verb after "by" ("concluded by implying": 10 of 11), and a gerund of a
reporting verb describing the cue's object or the noun cue itself ("a statement saying", "an article stating": 41 of
47; "a letter asking", "a lawsuit alleging" are the 6 kept).  The second verb must be one of the built-in lexicon's
reporting verbs: one the cue model learned besides ("focus", "raise") or a verb of phase is too often the statement's
own; after any other cue or preposition ("pledged to deny", "called for denying") it is the statement's own too.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...lexicon import words
from ..cues import CueLexicon

# "continued to say", "began by saying", "went on to call": verbs whose infinitive or gerund carries the report.
PHASE_VERBS = words("phase_verbs") | words("continuing_verbs")


def chained_report(tokens: list[Token], cue: Token, lexicon: CueLexicon) -> Token | None:
    """The reporting verb that opens ``tokens`` (a statement of ``cue``, in text order) with words after it, or None:
    the statement is what follows it."""
    words_only = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(words_only) < 3:
        return None
    verb = _opening_report(words_only[0], words_only[1], cue)
    if verb is None or not _reports(verb, lexicon) or verb.i >= words_only[-1].i:
        return None
    return verb


def _opening_report(first: Token, second: Token, cue: Token) -> Token | None:
    """The verb of the chain's shapes that ``first`` (and ``second``) open, or None."""
    if first.lower_ == "to" and second.dep_ == "xcomp" and first.head.i == second.i:
        return second if second.head.i == cue.i and cue.lemma_.lower() in PHASE_VERBS else None
    if first.tag_ == "VBG" and first.dep_ == "xcomp" and first.head.i == cue.i:
        return first if cue.lemma_.lower() in PHASE_VERBS else None
    if first.tag_ == "VBG" and first.dep_ == "pcomp" and first.head.lower_ == "by" and first.head.i < first.i:
        return first
    if first.tag_ == "VBG" and first.dep_ == "acl" and first.head.i == cue.i:
        return first  # the cue is the noun: "a statement saying A"
    noun = first if first.pos_ == "NOUN" else first.head if first.dep_ in ("det", "amod", "compound") else None
    if noun is None or noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.head.i != cue.i:
        return None
    return next((c for c in noun.rights if c.dep_ == "acl" and c.tag_ == "VBG" and c.left_edge.i == c.i), None)


def _reports(verb: Token, lexicon: CueLexicon) -> bool:
    """A reporting verb of the built-in lexicon, not one of phase ("began going"): what the cue model learned as a
    cue besides ("focus", "raise") is too often the statement's own verb."""
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and lexicon.is_verb_cue(lemma) and lemma not in PHASE_VERBS
