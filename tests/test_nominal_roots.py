"""A sentence's main verb the parser took for a participle after its subject's appositive (claimex.nlp.nominal_roots):
table-driven, with participles that must stay participles."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.api import extract_text
from claimex.nlp.nominal_roots import detached_main_verb, repair_nominal_roots


def _parsed(words, heads, deps, tags, pos):
    """A hand-parsed sentence (heads as indices) on a blank pipeline."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def _beruff():
    # The model's parse of 'Beruff, a Scott ally, called Florida's standards "strong."'
    return _parsed(
        ["Beruff", ",", "a", "Scott", "ally", ",", "called", "Florida", "'s", "standards", '"', "strong", ".", '"'],
        [0, 0, 4, 4, 0, 0, 0, 9, 7, 6, 11, 0, 0, 0],
        ["ROOT", "punct", "det", "compound", "appos", "punct", "acl", "poss", "case", "oprd", "punct", "amod"]
        + ["punct", "punct"],
        ["NNP", ",", "DT", "NNP", "NN", ",", "VBN", "NNP", "POS", "NNS", "``", "JJ", ".", "''"],
        ["PROPN", "PUNCT", "DET", "PROPN", "NOUN", "PUNCT", "VERB", "PROPN", "PART", "NOUN", "PUNCT", "ADJ"]
        + ["PUNCT", "PUNCT"],
    )


def _led_by():
    # "Revenue, helped by betting, rose" parsed verbless, the participle with its agent and closed by a comma
    return _parsed(
        ["Revenue", ",", "helped", "by", "betting", ",", "up", "."],
        [0, 0, 0, 2, 3, 0, 0, 0],
        ["ROOT", "punct", "acl", "agent", "pobj", "punct", "advmod", "punct"],
        ["NN", ",", "VBN", "IN", "NN", ",", "RB", "."],
        ["NOUN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT", "ADV", "PUNCT"],
    )


def _closed_aside():
    # "The boy, dazed, cried" with "dazed" an aside closed by a comma, "cried" taken for an adverb
    return _parsed(
        ["The", "boy", ",", "dazed", ",", "loudly", "."],
        [1, 1, 1, 1, 1, 1, 1],
        ["det", "ROOT", "punct", "acl", "punct", "advmod", "punct"],
        ["DT", "NN", ",", "VBN", ",", "RB", "."],
        ["DET", "NOUN", "PUNCT", "VERB", "PUNCT", "ADV", "PUNCT"],
    )


def test_a_main_verb_taken_for_a_participle_is_the_root_again():
    doc = repair_nominal_roots(_beruff())
    called = doc[6]
    assert called.dep_ == "ROOT" and called.head.i == called.i and called.tag_ == "VBD"
    assert doc[0].head.i == 6 and doc[0].dep_ == "nsubj"
    assert doc[9].dep_ == "dobj" and doc[11].head.i == 6 and doc[11].dep_ == "oprd"


@pytest.mark.parametrize(
    "doc",
    [pytest.param(_led_by(), id="a-participle-with-its-agent"), pytest.param(_closed_aside(), id="an-aside")],
)
def test_participles_stay(doc):
    assert detached_main_verb(doc[:]) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "quote_words"),
    [
        ("Beruff, a Scott ally, called Florida’s standards “strong.”", "Beruff", "standards"),
        (
            "Stuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign, called Trump's "
            'statements and actions on Sunday "childish."',
            "Stuart Stevens",
            "childish",
        ),
    ],
)
def test_the_subject_of_the_repaired_verb_speaks(nlp, text, speaker, quote_words):
    rows = extract_text(text, nlp=nlp, kinds="all")
    assert [r["speaker"] for r in rows if quote_words in r["quote"]] == [speaker]
