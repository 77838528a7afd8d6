"""A finite verb the parser coordinated with a verb it cannot share an auxiliary with: "Theresa May said that the
country would formally declare its intention ... and suggested that it would withdraw from the single market".

The parser hung "suggested" on "declare" as its conjunct, inside what May said, so "the country" became the one who
suggested.  A past-tense "suggested" cannot share the modal of "would declare": it is coordinated with the verb whose
clause holds "declare", "said", in the same tense.  :func:`repair_conjunct_tense` hangs such a conjunct, and the
conjunction and marks before it, on that verb.

Limits, plainly: only a conjunct in a finite tense with a clause of its own and no subject, joined by a conjunction
to a verb that has a modal or "to" (a conjunct of a finite verb may belong to either clause: "said the country
declared A and suggested B" is left as parsed), and only when the verb governing that verb's clause is in the
conjunct's tense.  A conjunct without a clause ("said he would sign the bill and praised Republicans") is left to the
cue model's statement extent, which learned such conjuncts where the parser hangs them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl"})


def repair_conjunct_tense(doc: Doc) -> Doc:
    """Hang each finite conjunct of a verb with a modal or "to" (see the module doc), with the conjunction and
    marks before it, on the verb governing that verb's clause, in its tense."""
    for token in doc:
        governor = _true_head(token)
        if governor is None:
            continue
        head = token.head
        kept = [c.right_edge.i for c in head.children if c.i < token.i and c.dep_ not in ("cc", "punct")]
        boundary = max(kept, default=head.i)
        for joiner in [c for c in head.children if c.dep_ in ("cc", "punct") and boundary < c.i < token.i]:
            joiner.head = governor
        token.head = governor
    return doc


def _true_head(conjunct: Token) -> Token | None:
    """The verb ``conjunct`` is coordinated with, where the parser hung it on one it cannot share an auxiliary with;
    else None."""
    head = conjunct.head
    if conjunct.dep_ != "conj" or conjunct.tag_ not in _FINITE_TAGS or head.tag_ != "VB":
        return None
    if any(c.dep_ in _OWN_SUBJECTS for c in conjunct.children):
        return None
    if not any(c.dep_ in ("ccomp", "xcomp") for c in conjunct.children):
        return None  # reports nothing of its own: left to the statement's extent model, which learned it as parsed
    if not any(c.dep_ == "cc" and head.i < c.i < conjunct.i for c in head.children):
        return None  # no "and", "but": a misparse of another kind ("for the off-chance a health emergency forces")
    if not any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in head.children):
        return None
    clause = head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "would A, B and C": the clause of the first conjunct
    governor = clause.head
    if clause.dep_ not in _CLAUSE_DEPS or governor.i == clause.i or governor.tag_ != conjunct.tag_:
        return None
    return governor if governor.i < head.i else None
