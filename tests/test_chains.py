"""A report opening its own statement ("continued to complain that A", "responded by saying A", "issued a statement
saying A"): the statement is A.  Table-driven on hand-built Docs (no model), with the cases that must stay as they are."""

import pytest

from claimex.nlp.attribution.chains import chained_report
from claimex.nlp.cues import make_default_lexicon
from handbuilt import doc_from_rows

# he continued to complain that Khan lied
CONTINUED = [
    ("he", 1, "nsubj", "PRON", "PRP", "he"),
    ("continued", 1, "ROOT", "VERB", "VBD", "continue"),
    ("to", 3, "aux", "PART", "TO", "to"),
    ("complain", 1, "xcomp", "VERB", "VB", "complain"),
    ("that", 6, "mark", "SCONJ", "IN", "that"),
    ("Khan", 6, "nsubj", "PROPN", "NNP", "Khan"),
    ("lied", 3, "ccomp", "VERB", "VBD", "lie"),
]
# she responded by saying Japan should wait
BY_SAYING = [
    ("she", 1, "nsubj", "PRON", "PRP", "she"),
    ("responded", 1, "ROOT", "VERB", "VBD", "respond"),
    ("by", 1, "prep", "ADP", "IN", "by"),
    ("saying", 2, "pcomp", "VERB", "VBG", "say"),
    ("Japan", 6, "nsubj", "PROPN", "NNP", "Japan"),
    ("should", 6, "aux", "AUX", "MD", "should"),
    ("wait", 3, "ccomp", "VERB", "VB", "wait"),
]
# they issued a statement saying the law failed
STATEMENT_SAYING = [
    ("they", 1, "nsubj", "PRON", "PRP", "they"),
    ("issued", 1, "ROOT", "VERB", "VBD", "issue"),
    ("a", 3, "det", "DET", "DT", "a"),
    ("statement", 1, "dobj", "NOUN", "NN", "statement"),
    ("saying", 3, "acl", "VERB", "VBG", "say"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("law", 7, "nsubj", "NOUN", "NN", "law"),
    ("failed", 4, "ccomp", "VERB", "VBD", "fail"),
]
# he pledged to ban imports  (not a verb of phase: the infinitive is what was pledged)
PLEDGED = [
    ("he", 1, "nsubj", "PRON", "PRP", "he"),
    ("pledged", 1, "ROOT", "VERB", "VBD", "pledge"),
    ("to", 3, "aux", "PART", "TO", "to"),
    ("ban", 1, "xcomp", "VERB", "VB", "ban"),
    ("all", 5, "det", "DET", "DT", "all"),
    ("imports", 3, "dobj", "NOUN", "NNS", "import"),
]
# he continued to build the wall  (the second verb reports nothing)
CONTINUED_BUILDING = [
    ("he", 1, "nsubj", "PRON", "PRP", "he"),
    ("continued", 1, "ROOT", "VERB", "VBD", "continue"),
    ("to", 3, "aux", "PART", "TO", "to"),
    ("build", 1, "xcomp", "VERB", "VB", "build"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("wall", 3, "dobj", "NOUN", "NN", "wall"),
]
# she called for ending the tax  (a gerund after "for" is the statement's own)
CALLED_FOR = [
    ("she", 1, "nsubj", "PRON", "PRP", "she"),
    ("called", 1, "ROOT", "VERB", "VBD", "call"),
    ("for", 1, "prep", "ADP", "IN", "for"),
    ("denying", 2, "pcomp", "VERB", "VBG", "deny"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("entry", 3, "dobj", "NOUN", "NN", "entry"),
]


@pytest.mark.parametrize(
    ("rows", "statement_start", "expected"),
    [
        (CONTINUED, 2, "that Khan lied"),
        (BY_SAYING, 3, "Japan should wait"),
        (STATEMENT_SAYING, 2, "the law failed"),
        (PLEDGED, 2, "to ban all imports"),
        (CONTINUED_BUILDING, 2, "to build the wall"),
        (CALLED_FOR, 3, "denying the entry"),
    ],
)
def test_the_statement_starts_after_a_chained_report(rows, statement_start, expected):
    doc = doc_from_rows(rows)
    tokens = list(doc[statement_start:])
    verb = chained_report(tokens, doc[1], make_default_lexicon())
    kept = tokens if verb is None else [t for t in tokens if t.i > verb.i]
    assert " ".join(t.text for t in kept) == expected


def test_a_short_statement_is_left_alone():
    doc = doc_from_rows(CONTINUED[:4])  # "he continued to complain": nothing after the verb
    tokens = list(doc[2:])
    assert chained_report(tokens, doc[1], make_default_lexicon()) is None
