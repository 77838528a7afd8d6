"""Relational descriptions ("Scott's wife", "his ex-wife", "Rubio's spokesman") resolved to the holder the article
names (issue 16, part 2): the tie read from the parse, the holder the article states, a relative's shared surname;
and the descriptions that must stay as written (no holder stated, two relatives of that gender, a new wife for an
ex-wife, a friend among many)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.lexicon.gender import FEMALE, MALE
from claimex.nlp.speakers.relations import stated_kin_groups, stated_ties, tie_in
from speaking import row_quoting


def _doc(
    tokens: list[tuple[str, str, str, int, str]], ents: list[tuple[int, int]] = (), lemmas: dict[str, str] | None = None
) -> Doc:
    """A parsed Doc by hand: (word, POS, tag, head offset, dependency) per token; PERSON entities by token span;
    a word's lemma is the word in lower case unless ``lemmas`` says otherwise."""
    words = [t[0] for t in tokens]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=[t[1] for t in tokens],
        tags=[t[2] for t in tokens],
        heads=[i + t[3] for i, t in enumerate(tokens)],
        deps=[t[4] for t in tokens],
        lemmas=[(lemmas or {}).get(t[0], t[0].lower()) for t in tokens],
        ents=["O"] * len(words),
    )
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label="PERSON") for s, e in ents]
    return doc


# "Keith Scott's wife said"
SCOTTS_WIFE = [
    ("Keith", "PROPN", "NNP", 1, "compound"),
    ("Scott", "PROPN", "NNP", 2, "poss"),
    ("'s", "PART", "POS", -1, "case"),
    ("wife", "NOUN", "NN", 1, "nsubj"),
    ("said", "VERB", "VBD", 0, "ROOT"),
]
# "His ex-wife agreed", "ex" parsed as the head
EX_WIFE = [
    ("His", "PRON", "PRP$", 1, "poss"),
    ("ex", "NOUN", "NN", 3, "nsubj"),
    ("-", "NOUN", "NN", 2, "nsubj"),
    ("wife", "NOUN", "NN", 1, "nsubj"),
    ("agreed", "VERB", "VBD", 0, "ROOT"),
]
# "the wife of Alan Grayson"
WIFE_OF = [
    ("the", "DET", "DT", 1, "det"),
    ("wife", "NOUN", "NN", 0, "ROOT"),
    ("of", "ADP", "IN", -1, "prep"),
    ("Alan", "PROPN", "NNP", 1, "compound"),
    ("Grayson", "PROPN", "NNP", -2, "pobj"),
]
# "the mother of three"
MOTHER_OF_THREE = [
    ("the", "DET", "DT", 1, "det"),
    ("mother", "NOUN", "NN", 0, "ROOT"),
    ("of", "ADP", "IN", -1, "prep"),
    ("three", "NUM", "CD", -1, "pobj"),
]
# "the spokesman said"
BARE = [("the", "DET", "DT", 1, "det"), ("spokesman", "NOUN", "NN", 1, "nsubj"), ("said", "VERB", "VBD", 0, "ROOT")]
# "his aides said"
PLURAL = [("his", "PRON", "PRP$", 1, "poss"), ("aides", "NOUN", "NNS", 1, "nsubj"), ("said", "VERB", "VBD", 0, "ROOT")]


@pytest.mark.parametrize(
    "tokens, relation, owner, modifiers",
    [
        (SCOTTS_WIFE, "wife", "Scott", set()),
        (EX_WIFE, "wife", "His", {"ex"}),
        (WIFE_OF, "wife", "Grayson", set()),
        (MOTHER_OF_THREE, None, None, None),  # a number is no owner
        (BARE, None, None, None),  # no owner
        (PLURAL, None, None, None),  # several holders
    ],
)
def test_tie_in_a_description(tokens, relation, owner, modifiers):
    doc = _doc(tokens)
    end = next((t.i for t in doc if t.pos_ == "VERB"), len(doc))  # the description is what its verb follows
    tie = tie_in(doc[:end])
    if relation is None:
        assert tie is None
    else:
        assert tie is not None and (tie.relation, tie.owner.text, set(tie.modifiers)) == (relation, owner, modifiers)


@pytest.mark.parametrize(
    "tokens, ents, stated",
    [
        (  # "Ivana Trump, his ex-wife, agreed"
            [
                ("Ivana", "PROPN", "NNP", 1, "compound"),
                ("Trump", "PROPN", "NNP", 6, "nsubj"),
                (",", "PUNCT", ",", -1, "punct"),
                ("his", "PRON", "PRP$", 1, "poss"),
                ("ex", "ADJ", "JJ", 2, "amod"),
                ("-", "PUNCT", "HYPH", 1, "punct"),
                ("wife", "NOUN", "NN", -5, "appos"),
                ("agreed", "VERB", "VBD", 0, "ROOT"),
            ],
            [(0, 2)],
            [("wife", "his", "Trump", {"ex"})],
        ),
        (  # "his wife, Rakeyia Scott, said"
            [
                ("his", "PRON", "PRP$", 1, "poss"),
                ("wife", "NOUN", "NN", 5, "nsubj"),
                (",", "PUNCT", ",", -1, "punct"),
                ("Rakeyia", "PROPN", "NNP", 1, "compound"),
                ("Scott", "PROPN", "NNP", -3, "appos"),
                (",", "PUNCT", ",", -4, "punct"),
                ("said", "VERB", "VBD", 0, "ROOT"),
            ],
            [(3, 5)],
            [("wife", "his", "Scott", set())],
        ),
        (  # "Rubio spokesman Alex Conant said"
            [
                ("Rubio", "PROPN", "NNP", 1, "compound"),
                ("spokesman", "NOUN", "NN", 2, "compound"),
                ("Alex", "PROPN", "NNP", 1, "compound"),
                ("Conant", "PROPN", "NNP", 1, "nsubj"),
                ("said", "VERB", "VBD", 0, "ROOT"),
            ],
            [(0, 1), (2, 4)],
            [("spokesman", "Rubio", "Conant", set())],
        ),
        (  # "his wife said": no holder named
            [
                ("his", "PRON", "PRP$", 1, "poss"),
                ("wife", "NOUN", "NN", 1, "nsubj"),
                ("said", "VERB", "VBD", 0, "ROOT"),
            ],
            [],
            [],
        ),
    ],
)
def test_ties_the_article_states(tokens, ents, stated):
    found = stated_ties(_doc(tokens, ents))
    assert [(t.relation, t.owner.text, t.holder.text, set(t.modifiers)) for t in found if t.holder] == stated


def _apposed(owner: str, noun: str, names: list[tuple[str, str, int, str]]) -> list[tuple[str, str, str, int, str]]:
    """ "OWNER NOUN, NAMES, said": a plural family noun (the subject) and, apposed to it, proper nouns given as
    (word, tag, head offset, dependency) with offsets counted from the first name."""
    said = len(names) + 4
    return [
        (owner, "PRON", "PRP$", 1, "poss"),
        (noun, "NOUN", "NNS", said - 1, "nsubj"),
        (",", "PUNCT", ",", -1, "punct"),
        *[(w, "CCONJ" if tag == "CC" else "PROPN", tag, off, dep) for w, tag, off, dep in names],
        (",", "PUNCT", ",", -(len(names) + 2), "punct"),
        ("said", "VERB", "VBD", 0, "ROOT"),
    ]


_PAIR = [("and", "CC", -1, "cc"), ("Olive", "NNP", 1, "compound"), ("Meehan", "NNP", -3, "conj")]


@pytest.mark.parametrize(
    "tokens, members",
    [
        pytest.param(  # "my parents, James and Olive Meehan, said"
            _apposed("my", "parents", [("James", "NNP", -2, "appos"), *_PAIR]),
            [("James Meehan", MALE), ("Olive Meehan", FEMALE)],
            id="a-first-name-takes-the-shared-surname",
        ),
        pytest.param(  # "Tom and Jane Smith, his parents, said"
            [
                ("Tom", "PROPN", "NNP", 8, "nsubj"),
                ("and", "CCONJ", "CC", -1, "cc"),
                ("Jane", "PROPN", "NNP", 1, "compound"),
                ("Smith", "PROPN", "NNP", -3, "conj"),
                (",", "PUNCT", ",", -4, "punct"),
                ("his", "PRON", "PRP$", 1, "poss"),
                ("parents", "NOUN", "NNS", -6, "appos"),
                (",", "PUNCT", ",", -7, "punct"),
                ("said", "VERB", "VBD", 0, "ROOT"),
            ],
            [("Tom Smith", MALE), ("Jane Smith", FEMALE)],
            id="the-names-before-the-noun",
        ),
        pytest.param(  # "my parents, James Meehan, said": one name is no group
            _apposed("my", "parents", [("James", "NNP", 1, "compound"), ("Meehan", "NNP", -3, "appos")]),
            [],
            id="one-name",
        ),
        pytest.param(  # "my parents, Kerry and Olive Meehan, said": Kerry of no known gender
            _apposed("my", "parents", [("Kerry", "NNP", -2, "appos"), *_PAIR]),
            [],
            id="a-first-name-of-unknown-gender",
        ),
        pytest.param(  # "his sons, Lachlan and James, said": no surname
            _apposed(
                "his", "sons", [("Lachlan", "NNP", -2, "appos"), ("and", "CC", -1, "cc"), ("James", "NNP", -2, "conj")]
            ),
            [],
            id="first-names-only",
        ),
        pytest.param(  # "my friends, James and Olive Meehan, said": no family noun
            _apposed("my", "friends", [("James", "NNP", -2, "appos"), *_PAIR]),
            [],
            id="not-family",
        ),
    ],
)
def test_kin_groups_the_article_states(tokens, members):
    groups = stated_kin_groups(_doc(tokens, lemmas={"parents": "parent", "sons": "son", "friends": "friend"}))
    assert [list(g.members) for g in groups] == ([members] if members else [])


def _speaker(nlp, text: str, quote_words: str) -> str:
    return row_quoting(nlp, text, quote_words)["speaker"]


# A man named, his parents named or not, and a claim of one of them.
_FAMILY = "John Smith grew up in Ohio. {parents} ran a farm there.\n\n{said} the farm was failing."


@pytest.mark.parametrize(
    "text, quote_words, speaker",
    [
        pytest.param(
            "Alan Grayson spoke in Orlando on Monday. He was joined by his wife, Dena Grayson, and his brother, "
            "Mark Grayson.\n\nHis wife said the campaign would go on.",
            "the campaign would go on",
            "Dena Grayson",
            id="the-wife-the-article-names",
        ),
        pytest.param(
            "Donald Trump and Ivana Trump divorced in 1992. Donald Trump spoke in Ohio on Monday.\n\n"
            "His ex-wife said the records should stay sealed.",
            "the records should stay sealed",
            "Ivana Trump",
            id="the-one-other-bearer-of-the-surname",
        ),
        pytest.param(
            "Marco Rubio spoke in Miami on Monday. Rubio spokesman Alex Conant handled the questions.\n\n"
            "Rubio's spokesman said the senator would vote no.",
            "the senator would vote no",
            "Alex Conant",
            id="the-spokesman-the-article-names",
        ),
        pytest.param(
            _FAMILY.format(parents="His parents, James and Olive Smith,", said="His father said"),
            "the farm was failing",
            "James Smith",
            id="the-father-of-a-couple-named",
        ),
        pytest.param(
            _FAMILY.format(parents="His parents, James and Olive Smith,", said="His mother said"),
            "the farm was failing",
            "Olive Smith",
            id="the-mother-of-a-couple-named",
        ),
        pytest.param(
            _FAMILY.format(parents="His parents, James and Olive Smith,", said="His mother has aged, but she says")
            + " She added that the farm was failing.",
            "the farm was failing",
            "Olive Smith",
            id="a-pronoun-after-the-mother",
        ),
        pytest.param(
            "My parents, James and Olive Smith, ran a farm in Ohio. Once my mother mentioned the devil to me, "
            'and I laughed and said, "I do not believe in the devil." To which she said, "Thank God you still '
            'believe in the devil."\n\nI still think of her.\n\nCharlotte Smith is a playwright in Boston.',
            "Thank God",
            "Olive Smith",
            id="she-is-not-the-writer",
        ),
    ],
)
def test_relational_description_resolved(nlp, text, quote_words, speaker):
    assert _speaker(nlp, text, quote_words) == speaker


@pytest.mark.parametrize(
    "text, quote_words",
    [
        pytest.param(
            "Donald Trump spoke in Ohio on Monday. Melania Trump and Ivanka Trump sat in the front row.\n\n"
            "Trump's wife said the speech was a success.",
            "the speech was a success",
            id="two-women-bear-the-surname",
        ),
        pytest.param(
            "Curt Schilling was fired on Wednesday. Gene Schilling, a fan, wrote a letter.\n\n"
            "His wife said the firing was unfair.",
            "the firing was unfair",
            id="the-other-bearer-is-a-man",
        ),
        pytest.param(
            "Senator Tim Kaine spoke in Richmond on Monday.\n\nHis wife said the campaign would go on.",
            "the campaign would go on",
            id="no-one-else-named",
        ),
        pytest.param(
            _FAMILY.format(parents="His brothers, Tom and Bill Jones,", said="His brother said"),
            "the farm was failing",
            id="two-brothers-named",
        ),
        pytest.param(
            _FAMILY.format(parents="His parents, Kerry and Jody Jones,", said="His father said"),
            "the farm was failing",
            id="first-names-of-unknown-gender",
        ),
        pytest.param(
            _FAMILY.format(parents="Her parents, James and Olive Jones,", said="His father said"),
            "the farm was failing",
            id="someone-else's-parents",
        ),
    ],
)
def test_relational_description_stays(nlp, text, quote_words):
    speaker = _speaker(nlp, text, quote_words)
    assert any(noun in speaker.lower() for noun in ("wife", "brother", "father")), speaker
