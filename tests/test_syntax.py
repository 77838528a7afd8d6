"""Reading the parse: hand-built Docs on a blank pipeline, no model needed."""

import pytest
import spacy
from spacy.tokens import Doc

from claimex.nlp.syntax import relative_pronoun, subject_or_agent


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
