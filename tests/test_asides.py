"""The writer's trailing aside on reported speech (", which ...", ", who ...", ", a move that ..."): cut from the statement, table-driven on
hand-built Docs (no model), then on the real model; with the cases that must keep their clause."""

import pytest

from claimex.api import extract_text
from claimex.nlp.attribution.asides import without_trailing_aside
from claimex.nlp.cues import make_default_lexicon
from handbuilt import doc_from_rows

# he supports the bill , which includes provisions
WHICH = [
    ("he", 1, "nsubj", "PRON", "he"),
    ("supports", 1, "ROOT", "VERB", "support"),
    ("the", 3, "det", "DET", "the"),
    ("bill", 1, "dobj", "NOUN", "bill"),
    (",", 3, "punct", "PUNCT", ","),
    ("which", 6, "nsubj", "PRON", "which"),
    ("includes", 3, "relcl", "VERB", "include"),
    ("provisions", 6, "dobj", "NOUN", "provision"),
]
# they back Doe , who leads the race
WHO = [
    ("they", 1, "nsubj", "PRON", "they"),
    ("back", 1, "ROOT", "VERB", "back"),
    ("Doe", 1, "dobj", "PROPN", "Doe"),
    (",", 2, "punct", "PUNCT", ","),
    ("who", 5, "nsubj", "PRON", "who"),
    ("leads", 2, "relcl", "VERB", "lead"),
    ("the", 7, "det", "DET", "the"),
    ("race", 5, "dobj", "NOUN", "race"),
]
# he supports the bill that includes provisions  (restrictive: no comma)
RESTRICTIVE = [
    ("he", 1, "nsubj", "PRON", "he"),
    ("supports", 1, "ROOT", "VERB", "support"),
    ("the", 3, "det", "DET", "the"),
    ("bill", 1, "dobj", "NOUN", "bill"),
    ("that", 5, "nsubj", "PRON", "that"),
    ("includes", 3, "relcl", "VERB", "include"),
    ("provisions", 5, "dobj", "NOUN", "provision"),
]
# he opposes the law , which he said harmed jobs  (the speaker's words go on)
WHICH_HE_SAID = [
    ("he", 1, "nsubj", "PRON", "he"),
    ("opposes", 1, "ROOT", "VERB", "oppose"),
    ("the", 3, "det", "DET", "the"),
    ("law", 1, "dobj", "NOUN", "law"),
    (",", 3, "punct", "PUNCT", ","),
    ("which", 8, "nsubj", "PRON", "which"),
    ("he", 7, "nsubj", "PRON", "he"),
    ("said", 3, "relcl", "VERB", "say"),
    ("harmed", 7, "ccomp", "VERB", "harm"),
    ("jobs", 8, "dobj", "NOUN", "job"),
]
# the rules , which start in May , hurt farmers  (the clause does not end the statement)
INSIDE = [
    ("the", 1, "det", "DET", "the"),
    ("rules", 8, "nsubj", "NOUN", "rule"),
    (",", 1, "punct", "PUNCT", ","),
    ("which", 4, "nsubj", "PRON", "which"),
    ("start", 1, "relcl", "VERB", "start"),
    ("in", 4, "prep", "ADP", "in"),
    ("May", 5, "pobj", "PROPN", "May"),
    (",", 1, "punct", "PUNCT", ","),
    ("hurt", 8, "ROOT", "VERB", "hurt"),
    ("farmers", 8, "dobj", "NOUN", "farmer"),
]
# it is “ a law , which we need ”  (the clause inside quotation marks)
QUOTED = [
    ("it", 1, "nsubj", "PRON", "it"),
    ("is", 1, "ROOT", "AUX", "be"),
    ("“", 4, "punct", "PUNCT", "“"),
    ("a", 4, "det", "DET", "a"),
    ("law", 1, "attr", "NOUN", "law"),
    (",", 4, "punct", "PUNCT", ","),
    ("which", 8, "dobj", "PRON", "which"),
    ("we", 8, "nsubj", "PRON", "we"),
    ("need", 4, "relcl", "VERB", "need"),
    ("”", 1, "punct", "PUNCT", "”"),
]

# he supports the bill , according to aides  (the source of another attribution)
ACCORDING = [
    ("he", 1, "nsubj", "PRON", "he"),
    ("supports", 1, "ROOT", "VERB", "support"),
    ("the", 3, "det", "DET", "the"),
    ("bill", 1, "dobj", "NOUN", "bill"),
    (",", 1, "punct", "PUNCT", ","),
    ("according", 1, "prep", "VERB", "accord"),
    ("to", 5, "prep", "ADP", "to"),
    ("aides", 6, "pobj", "NOUN", "aide"),
]
# it will cut jobs , a layoff that rivals
LAYOFF = [
    ("it", 2, "nsubj", "PRON", "it"),
    ("will", 2, "aux", "AUX", "will"),
    ("cut", 2, "ROOT", "VERB", "cut"),
    ("jobs", 2, "dobj", "NOUN", "job"),
    (",", 2, "punct", "PUNCT", ","),
    ("a", 6, "det", "DET", "a"),
    ("layoff", 2, "npadvmod", "NOUN", "layoff"),
    ("that", 8, "nsubj", "PRON", "that"),
    ("rivals", 6, "relcl", "VERB", "rival"),
]
# it was rigged — a charge officials denied
CHARGE = [
    ("it", 2, "nsubjpass", "PRON", "it"),
    ("was", 2, "auxpass", "AUX", "be"),
    ("rigged", 2, "ROOT", "VERB", "rig"),
    ("—", 2, "punct", "PUNCT", "—"),
    ("a", 5, "det", "DET", "a"),
    ("charge", 2, "npadvmod", "NOUN", "charge"),
    ("officials", 7, "nsubj", "NOUN", "official"),
    ("denied", 5, "relcl", "VERB", "deny"),
]
# they back Doe , a lawyer  (an appositive naming a person)
LAWYER = [
    ("they", 1, "nsubj", "PRON", "they"),
    ("back", 1, "ROOT", "VERB", "back"),
    ("Doe", 1, "dobj", "PROPN", "Doe"),
    (",", 2, "punct", "PUNCT", ","),
    ("a", 5, "det", "DET", "a"),
    ("lawyer", 2, "appos", "NOUN", "lawyer"),
]
# they back the bill , the measure  (a definite appositive)
MEASURE = [
    ("they", 1, "nsubj", "PRON", "they"),
    ("back", 1, "ROOT", "VERB", "back"),
    ("the", 3, "det", "DET", "the"),
    ("bill", 1, "dobj", "NOUN", "bill"),
    (",", 3, "punct", "PUNCT", ","),
    ("the", 6, "det", "DET", "the"),
    ("measure", 3, "appos", "NOUN", "measure"),
]
# he wants a cut , a war , a budget  (a list of appositives)
LIST = [
    ("he", 1, "nsubj", "PRON", "he"),
    ("wants", 1, "ROOT", "VERB", "want"),
    ("a", 3, "det", "DET", "a"),
    ("cut", 1, "dobj", "NOUN", "cut"),
    (",", 3, "punct", "PUNCT", ","),
    ("a", 6, "det", "DET", "a"),
    ("war", 3, "appos", "NOUN", "war"),
    (",", 6, "punct", "PUNCT", ","),
    ("a", 9, "det", "DET", "a"),
    ("budget", 6, "appos", "NOUN", "budget"),
]
# call it -- a network , a tool , something else  (a list after a dash)
DASHED_LIST = [
    ("call", 0, "ROOT", "VERB", "call"),
    ("it", 0, "dobj", "PRON", "it"),
    ("--", 0, "punct", "PUNCT", "--"),
    ("a", 4, "det", "DET", "a"),
    ("network", 0, "oprd", "NOUN", "network"),
    (",", 4, "punct", "PUNCT", ","),
    ("a", 7, "det", "DET", "a"),
    ("tool", 4, "appos", "NOUN", "tool"),
    (",", 7, "punct", "PUNCT", ","),
    ("something", 7, "conj", "NOUN", "something"),
    ("else", 9, "advmod", "ADV", "else"),
]
# it is tribalism - a conviction that you are with them  (the noun's that-clause says what it holds)
CONVICTION = [
    ("it", 1, "nsubj", "PRON", "it"),
    ("is", 1, "ROOT", "AUX", "be"),
    ("tribalism", 1, "attr", "NOUN", "tribalism"),
    ("-", 1, "punct", "PUNCT", "-"),
    ("a", 5, "det", "DET", "a"),
    ("conviction", 1, "npadvmod", "NOUN", "conviction"),
    ("that", 8, "mark", "SCONJ", "that"),
    ("you", 8, "nsubj", "PRON", "you"),
    ("are", 5, "acl", "AUX", "be"),
    ("with", 8, "prep", "ADP", "with"),
    ("them", 9, "pobj", "PRON", "they"),
]
# we 'd make it a — a horseshoe  (a false start: the appositive's head is a determiner)
FALSE_START = [
    ("we", 2, "nsubj", "PRON", "we"),
    ("'d", 2, "aux", "AUX", "would"),
    ("make", 2, "ROOT", "VERB", "make"),
    ("it", 4, "nsubj", "PRON", "it"),
    ("a", 2, "ccomp", "DET", "a"),
    ("—", 4, "punct", "PUNCT", "—"),
    ("a", 7, "det", "DET", "a"),
    ("horseshoe", 4, "appos", "NOUN", "horseshoe"),
]

# (rows, quotation's inner token span or None, the words kept)
CASES = [
    (WHICH, None, "he supports the bill"),
    (WHO, None, "they back Doe"),
    (ACCORDING, None, "he supports the bill"),
    (RESTRICTIVE, None, "he supports the bill that includes provisions"),
    (WHICH_HE_SAID, None, "he opposes the law , which he said harmed jobs"),
    (INSIDE, None, "the rules , which start in May , hurt farmers"),
    (QUOTED, (3, 9), "it is “ a law , which we need ”"),
    (WHICH, (0, 8), "he supports the bill , which includes provisions"),  # the whole statement is quoted
    (LAYOFF, None, "it will cut jobs"),
    (CHARGE, None, "it was rigged"),
    (LAWYER, None, "they back Doe , a lawyer"),
    (MEASURE, None, "they back the bill , the measure"),
    (LIST, None, "he wants a cut , a war , a budget"),
    (LAYOFF, (0, 9), "it will cut jobs , a layoff that rivals"),
    (DASHED_LIST, None, "call it -- a network , a tool , something else"),
    (CONVICTION, None, "it is tribalism - a conviction that you are with them"),
    (FALSE_START, None, "we 'd make it a — a horseshoe"),
]


@pytest.mark.parametrize("rows, quotation, kept", CASES)
def test_without_trailing_aside(rows, quotation, kept):
    doc = doc_from_rows(rows)
    in_quote = [-1] * len(doc)
    if quotation is not None:
        in_quote[quotation[0] : quotation[1]] = [0] * (quotation[1] - quotation[0])
    tokens = without_trailing_aside(list(doc), make_default_lexicon(), in_quote)
    assert " ".join(t.text for t in tokens) == kept


def test_the_writers_own_statement_keeps_its_appositive():
    """I, we or you speaking: the appositive is the speaker's own ("we see this as a map, a digital divide")."""
    tokens = without_trailing_aside(list(doc_from_rows(LAYOFF)), make_default_lexicon(), [-1] * 9, writer_speaks=True)
    assert " ".join(t.text for t in tokens) == "it will cut jobs , a layoff that rivals"


# (text, the statement's row)
ON_THE_MODEL = [
    (
        "Senator Smith said he supports the final bill, which includes provisions not in the Senate bill.",
        "he supports the final bill",
    ),
    (
        "Senator Smith said the senators would back Jane Doe, who leads the race in Ohio.",
        "the senators would back Jane Doe",
    ),
    (
        "Governor Kasich said he would have fired the manager in his own campaign, according to press reports.",
        "he would have fired the manager in his own campaign",
    ),
    (
        "In September, HP announced it would slash up to 30,000 jobs, a mass layoff rivaling the cuts under Fiorina.",
        "it would slash up to 30,000 jobs",
    ),
    (
        "The spokesman said the information was not classified at the time - a point that intelligence officials "
        "have disputed.",
        "the information was not classified at the time",
    ),
    # kept: a restrictive clause, the speaker's own report, a clause inside the statement, a quoted clause
    (
        "Senator Smith said he supports the bill that includes new provisions for schools.",
        "he supports the bill that includes new provisions for schools",
    ),
    (
        "Senator Smith said he opposes the law, which he said had harmed the economy.",
        "he opposes the law, which he said had harmed the economy",
    ),
    (
        "Senator Smith said the new rules, which take effect in May, will hurt farmers.",
        "the new rules, which take effect in May, will hurt farmers",
    ),
    (
        "Senator Smith said the bill is “a good law, which we badly need.”",
        "the bill is “a good law, which we badly need.”",
    ),
    (
        "Senator Smith said the senators would back Jane Doe, a lawyer from Ohio.",
        "the senators would back Jane Doe, a lawyer from Ohio",
    ),
    (
        "Senator Smith said the bill is “a good law, a measure we badly need.”",
        "the bill is “a good law, a measure we badly need.”",
    ),
]


@pytest.mark.parametrize("text, statement", ON_THE_MODEL)
def test_trailing_aside_on_the_model(nlp, text, statement):
    assert [r["quote"] for r in extract_text(text, nlp=nlp, kinds="all")] == [statement]


# A statement two cues share once the credit is cut: the credit names whose it is, unless the other cue is speech.
CREDITED = [
    (
        "The museum saw attendance levels reach 11,000 visitors in 2010, according to the museum's director.",
        "according to",
    ),
    ("Governor Kasich said he would have fired the manager, according to press reports.", "say"),
    ("Michelle Obama told friends it was not that simple, according to an account in the newspaper.", "tell"),
]


@pytest.mark.parametrize("text, cue", CREDITED)
def test_one_row_per_credited_statement(nlp, text, cue):
    assert [r["cue"] for r in extract_text(text, nlp=nlp, kinds="all")] == [cue]


# The that-clause the parser hung on the noun of an adjunct of when, where or on what occasion it was said is the
# statement; a noun after "to", "as" ("responded to reports that ...", "cited it as evidence that ...") is part of it.
# (text, cue lemma, the statement's row)
OCCASIONS = [
    (
        "Trump told reporters during a visit to Scotland on Friday that he thinks the Brexit is a great thing.",
        "tell",
        "he thinks the Brexit is a great thing",
    ),
    (
        "The State Department said for the first time that top secret intelligence had passed through the server.",
        "say",
        "top secret intelligence had passed through the server",
    ),
    ("Mr. Trump also insisted in the same interview that Mr. Khan was wrong.", "insist", "Mr. Khan was wrong"),
    (
        "Smith warned voters on the radio and in interviews that the plant would close.",
        "warn",
        "the plant would close",
    ),
    (
        "Carson responded to reports that he exaggerated his life story.",
        "respond",
        "reports that he exaggerated his life story",
    ),
    ("Her critics cited it as evidence that she did not care.", "cite", "it as evidence that she did not care"),
]


@pytest.mark.parametrize("text, cue, statement", OCCASIONS)
def test_that_clause_on_an_occasion(nlp, text, cue, statement):
    assert [(r["cue"], r["quote"]) for r in extract_text(text, nlp=nlp, kinds="all")] == [(cue, statement)]
