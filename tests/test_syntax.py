"""Reading the parse: hand-built Docs on a blank pipeline, no model needed."""

import pytest
import spacy
from spacy.tokens import Doc

from claimex.nlp.syntax import predicated_subject, relative_pronoun, subject_or_agent


def _parsed(words, heads, deps, pos):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


# Smith , who said taxes rise .
WHO_SAID = (
    ["Smith", ",", "who", "said", "taxes", "rise", "."],
    [0, 0, 3, 0, 5, 3, 0],
    ["ROOT", "punct", "nsubj", "relcl", "nsubj", "ccomp", "punct"],
    ["PROPN", "PUNCT", "PRON", "VERB", "NOUN", "VERB", "PUNCT"],
)
# Smith , who smiled and said taxes rise .
WHO_SMILED_AND_SAID = (
    ["Smith", ",", "who", "smiled", "and", "said", "taxes", "rise", "."],
    [0, 0, 3, 0, 3, 3, 7, 5, 0],
    ["ROOT", "punct", "nsubj", "relcl", "cc", "conj", "nsubj", "ccomp", "punct"],
    ["PROPN", "PUNCT", "PRON", "VERB", "CCONJ", "VERB", "NOUN", "VERB", "PUNCT"],
)
# Smith said taxes rise .
SMITH_SAID = (
    ["Smith", "said", "taxes", "rise", "."],
    [1, 1, 3, 1, 1],
    ["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
    ["PROPN", "VERB", "NOUN", "VERB", "PUNCT"],
)
# the man whom Smith met said taxes rise : "whom" is not the speaker of "met"'s clause
WHOM_MET = (
    ["the", "man", "whom", "Smith", "met", "said", "taxes", "rise"],
    [1, 5, 4, 4, 1, 5, 7, 5],
    ["det", "nsubj", "dobj", "nsubj", "relcl", "ROOT", "nsubj", "ccomp"],
    ["DET", "NOUN", "PRON", "PROPN", "VERB", "VERB", "NOUN", "VERB"],
)


@pytest.mark.parametrize(
    "parse, cue, pronoun",
    [
        (WHO_SAID, "said", "who"),
        (WHO_SMILED_AND_SAID, "said", "who"),
        (SMITH_SAID, "said", None),
        (WHOM_MET, "said", None),
    ],
)
def test_relative_pronoun(parse, cue, pronoun):
    doc = _parsed(*parse)
    verb = next(t for t in doc if t.text == cue)
    speaker = subject_or_agent(verb)
    found = relative_pronoun(verb, speaker)
    assert (found.text if found is not None else None) == pronoun


# Two subjects are a misparse; the one whose words are next to the verb speaks, even when the other's head is as near.
# The economy , said Mayor Smith , is strong .
INVERTED_TAG = (
    ["The", "economy", ",", "said", "Mayor", "Smith", ",", "is", "strong", "."],
    [1, 3, 3, 7, 5, 3, 3, 7, 7, 7],
    ["det", "nsubj", "punct", "parataxis", "compound", "nsubj", "punct", "ROOT", "acomp", "punct"],
    ["DET", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "AUX", "ADJ", "PUNCT"],
)
# a defeat Obama believes to be the worst : the failure .   ("defeat" holds an apposition past the verb)
HELD_PAST_THE_VERB = (
    ["a", "defeat", "Obama", "believes", "to", "be", "the", "worst", ":", "the", "failure", "."],
    [1, 3, 3, 3, 5, 3, 7, 5, 3, 10, 1, 3],
    ["det", "nsubj", "nsubj", "ROOT", "aux", "xcomp", "det", "attr", "punct", "det", "appos", "punct"],
    ["DET", "NOUN", "PROPN", "VERB", "PART", "AUX", "DET", "ADJ", "PUNCT", "DET", "NOUN", "PUNCT"],
)


@pytest.mark.parametrize(
    ("parse", "cue", "speaker"), [(INVERTED_TAG, "said", "Smith"), (HELD_PAST_THE_VERB, "believes", "Obama")]
)
def test_of_two_subjects_the_one_next_to_the_verb(parse, cue, speaker):
    doc = _parsed(*parse)
    assert subject_or_agent(next(t for t in doc if t.text == cue)).text == speaker


def _with_lemmas(words, heads, deps, pos):
    lemmas = ["be" if w in ("is", "was") else w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


# (words, heads, deps, pos, the noun asked about, the subject it is said of or None)
PREDICATED = [
    # Trump is a liar and a birther : "birther" is said of Trump
    (
        ["Trump", "is", "a", "liar", "and", "a", "birther"],
        [1, 1, 3, 1, 3, 6, 3],
        ["nsubj", "ROOT", "det", "attr", "cc", "det", "conj"],
        ["PROPN", "AUX", "DET", "NOUN", "CCONJ", "DET", "NOUN"],
        6,
        "Trump",
    ),
    # Trump incites violence and is a liar : the subject of the verb "is" is coordinated with
    (
        ["Trump", "incites", "violence", "and", "is", "a", "liar"],
        [1, 1, 1, 1, 1, 6, 4],
        ["nsubj", "ROOT", "dobj", "cc", "conj", "det", "attr"],
        ["PROPN", "VERB", "NOUN", "CCONJ", "AUX", "DET", "NOUN"],
        6,
        "Trump",
    ),
    # the senator is a liar : no name to take
    (
        ["the", "senator", "is", "a", "liar"],
        [1, 2, 2, 4, 2],
        ["det", "nsubj", "ROOT", "det", "attr"],
        ["DET", "NOUN", "AUX", "DET", "NOUN"],
        4,
        None,
    ),
    # Trump met a liar : an object, not a predicate
    (
        ["Trump", "met", "a", "liar"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "det", "dobj"],
        ["PROPN", "VERB", "DET", "NOUN"],
        3,
        None,
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "noun", "expected"), PREDICATED)
def test_predicated_subject(words, heads, deps, pos, noun, expected):
    subject = predicated_subject(_with_lemmas(words, heads, deps, pos)[noun])
    assert (subject.text if subject is not None else None) == expected
