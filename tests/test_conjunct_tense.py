"""A finite conjunct the parser hung on a verb with a modal (claimex.nlp.conjunct_tense): hand-parsed sentences on a
blank pipeline, with conjuncts that must stay where the parser put them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.api import extract_text
from claimex.nlp.conjunct_tense import repair_conjunct_tense

# "May said that it would leave and suggested that it would go ." as the model parses it: "suggested" (6) a conjunct
# of "leave" (4).
_WORDS = ["May", "said", "that", "it", "would", "leave", "and", "suggested", "that", "it", "would", "go", "."]
_HEADS = [1, 1, 5, 5, 5, 1, 5, 5, 11, 11, 11, 7, 1]
_DEPS = ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "cc", "conj", "mark", "nsubj", "aux", "ccomp", "punct"]
_TAGS = ["NNP", "VBD", "IN", "PRP", "MD", "VB", "CC", "VBD", "IN", "PRP", "MD", "VB", "."]
_POS = ["PROPN", "VERB", "SCONJ", "PRON", "AUX", "VERB", "CCONJ", "VERB", "SCONJ", "PRON", "AUX", "VERB", "PUNCT"]


def _parsed(*changes: tuple[str, int, str]) -> Doc:
    fields = {"heads": list(_HEADS), "deps": list(_DEPS), "tags": list(_TAGS), "pos": list(_POS)}
    for name, i, value in changes:
        fields[name][i] = value
    return Doc(spacy.blank("en").vocab, words=_WORDS, **fields)


def test_a_past_conjunct_of_a_modal_verb_goes_to_the_verb_in_its_tense():
    doc = repair_conjunct_tense(_parsed())
    assert doc[7].head.i == 1 and doc[7].dep_ == "conj"
    assert doc[6].head.i == 1  # the conjunction goes with it
    assert [t.i for t in doc[5].subtree] == [2, 3, 4, 5]  # what May said first ends before "and"


@pytest.mark.parametrize(
    "changes",
    [
        [("deps", 4, "advmod"), ("tags", 4, "RB")],  # no modal: "said that it left and suggested" may be hers or its
        [("tags", 7, "VB")],  # a base form may share the modal: "would leave and suggest"
        [("tags", 1, "VBZ")],  # "says ... would leave and suggested": not the governor's tense
        [("deps", 6, "punct")],  # no conjunction between them
        [("heads", 3, 7), ("deps", 3, "nsubj")],  # the conjunct has a subject of its own
        [("deps", 11, "dobj")],  # no clause of its own: left to the extent model
    ],
    ids=["no-modal", "a-base-form", "another-tense", "no-conjunction", "its-own-subject", "no-clause"],
)
def test_conjuncts_that_stay(changes):
    doc = repair_conjunct_tense(_parsed(*changes))
    assert doc[7].head.i == 5


@pytest.mark.model
def test_the_second_report_is_the_speakers(nlp):
    text = (
        "British Prime Minister Theresa May said this week that the country would formally declare its intention to "
        "break with the E.U. by the end of March and suggested that it would withdraw from the single market."
    )
    rows = {r["cue"]: r for r in extract_text(text, nlp=nlp)}
    assert rows["suggest"]["speaker"] == "Theresa May"
    assert rows["suggest"]["quote"] == "it would withdraw from the single market"
    assert rows["say"]["quote"].endswith("by the end of March")
