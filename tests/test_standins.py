"""Stand-ins for the rule-based components: the same annotations as the components themselves."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler, Sentencizer
from spacy.tokens import Doc

from claimex.nlp.standins import AttributeRules, RuleLemmatizer, stand_in

WRITTEN = [POS, MORPH, LEMMA, TAG, DEP]

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


def _doc(nlp, words, tags, deps):
    heads = [0] * len(words)
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def _same_as_component(component, docs):
    """Apply the component to copies of ``docs`` and its stand-in to others; return both outcomes."""
    theirs = [component(doc.copy()) for doc in docs]
    standin = stand_in(component)
    assert standin is not None
    ours = [standin(doc.copy()) for doc in docs]
    return [d.to_array(WRITTEN) for d in theirs], [d.to_array(WRITTEN) for d in ours]


# (patterns, words, tags, deps): each row a ruler and a sentence; the stand-in must annotate it as the ruler does.
RULER_CASES = [
    # a tag map: TAG -> POS and MORPH
    (
        [
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
            {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
        ],
        ["The", "minister", "said", "so"],
        ["DT", "NN", "VBD", "RB"],
        ["det", "nsubj", "ROOT", "advmod"],
    ),
    # a later pattern wins over an earlier one on the same token; LOWER and IN tests; LEMMA set
    (
        [
            {"patterns": [[{"TAG": "IN"}]], "attrs": {"POS": "ADP"}},
            {"patterns": [[{"TAG": "IN", "LOWER": {"IN": ["that", "if"]}}]], "attrs": {"POS": "SCONJ"}},
            {"patterns": [[{"LOWER": "if"}]], "attrs": {"LEMMA": "if!"}},
        ],
        ["That", "if", "in", "IF"],
        ["IN", "IN", "IN", "NN"],
        ["mark", "mark", "prep", "dep"],
    ),
    # several tokens with an index, a DEP test, IS_SPACE setting TAG and DEP
    (
        [
            {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
            {"patterns": [[{"DEP": "advmod", "LOWER": "but"}]], "attrs": {"POS": "ADV"}},
            {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "DEP": "dep"}},
        ],
        ["gon", "na", "but", "but", "\n\n"],
        ["VBG", "TO", "CC", "CC", "XX"],
        ["ROOT", "aux", "advmod", "cc", "punct"],
    ),
    # patterns that match nothing here: the sentence keeps its annotations
    (
        [
            {"patterns": [[{"TAG": "FW"}]], "attrs": {"POS": "X"}},
            {"patterns": [[{"ORTH": "Zzz"}]], "attrs": {"POS": "X"}},
        ],
        ["Nothing", "to", "see"],
        ["NN", "TO", "VB"],
        ["ROOT", "aux", "xcomp"],
    ),
]


@pytest.mark.parametrize(("patterns", "words", "tags", "deps"), RULER_CASES)
def test_attribute_rules_annotate_as_the_ruler_does(patterns, words, tags, deps):
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(patterns)
    theirs, ours = _same_as_component(ruler, [_doc(nlp, words, tags, deps), nlp.make_doc("")])
    for a, b in zip(theirs, ours, strict=True):
        assert numpy.array_equal(a, b)


def test_patterns_of_several_tokens_go_through_the_matcher():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(RULER_CASES[2][0])
    rules = AttributeRules.build(ruler)
    assert rules is not None and rules._fallback is not None and len(rules._fallback) == 1


def test_no_stand_in_where_the_output_could_differ():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns([{"patterns": [[{"ORTH": "U.S."}]], "attrs": {"NORM": "united states"}}])
    assert stand_in(ruler) is None  # NORM is set on the lexeme too: left to the ruler
    assert stand_in(Sentencizer()) is None


def test_the_models_ruler_and_lemmatizer_on_real_text(nlp):
    """Tagged and parsed news (the sample articles), then the model's ruler and lemmatizer, or their stand-ins."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(nlp.pipe(texts))
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    assert isinstance(stand_in(lemmatizer), RuleLemmatizer)
    theirs = [lemmatizer(ruler(doc.copy())) for doc in parsed]
    rules, lemmas = stand_in(ruler), stand_in(lemmatizer)
    ours = [lemmas(rules(doc.copy())) for doc in parsed]
    for a, b in zip(theirs, ours, strict=True):
        assert numpy.array_equal(a.to_array(WRITTEN), b.to_array(WRITTEN))
    assert sum(len(doc) for doc in parsed) > 1000
