"""Role nouns the tagger took for another word, given back the head of their noun phrase (claimex.nlp.role_heads):
pure cases on Docs built from the model's parse rows, then whole sentences through the model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimex.api import extract_text
from claimex.nlp.attribution.claim import _mention
from claimex.nlp.role_heads import is_role_noun, repair_role_heads
from claimex.nlp.syntax import subject_or_agent
from handbuilt import doc_from_rows

VOCAB = spacy.blank("en").vocab


def _doc(rows, people=()) -> Doc:
    doc = doc_from_rows(rows)
    doc.ents = [Span(doc, start, end, label="PERSON") for start, end in people]
    return doc


def _parse(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, t.dep_, t.head.text) for t in doc]


SPANISH_FORWARD_SAID = [  # the model's parse of "The Spanish forward said it."
    ("The", 1, "det", "DET", "DT", "the"),
    ("Spanish", 3, "nsubj", "PROPN", "NNP", "Spanish"),
    ("forward", 3, "advmod", "ADV", "RB", "forward"),
    ("said", 3, "ROOT", "VERB", "VBD", "say"),
    ("it", 3, "dobj", "PRON", "PRP", "it"),
    (".", 3, "punct", "PUNCT", ".", "."),
]
SPANISH_FORWARD_NAMED = [  # "The Spanish forward Carlos Soler said it."
    ("The", 1, "det", "DET", "DT", "the"),
    ("Spanish", 5, "nsubj", "ADJ", "JJ", "spanish"),
    ("forward", 1, "advmod", "ADV", "RB", "forward"),
    ("Carlos", 4, "compound", "PROPN", "NNP", "Carlos"),
    ("Soler", 1, "appos", "PROPN", "NNP", "Soler"),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ("it", 5, "dobj", "PRON", "PRP", "it"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
SAID_THE_WHO_HEAD = [  # "It was fine, said the WHO head."
    ("It", 1, "nsubj", "PRON", "PRP", "it"),
    ("was", 4, "ccomp", "AUX", "VBD", "be"),
    ("fine", 1, "acomp", "ADJ", "JJ", "fine"),
    (",", 4, "punct", "PUNCT", ",", ","),
    ("said", 4, "ROOT", "VERB", "VBD", "say"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("WHO", 7, "nsubj", "PROPN", "NNP", "WHO"),
    ("head", 4, "ccomp", "VERB", "VBP", "head"),
    (".", 4, "punct", "PUNCT", ".", "."),
]
SAID_THE_AGED_FORWARD = [  # "It was fine, said the 31-year-old forward."
    ("It", 1, "nsubj", "PRON", "PRP", "it"),
    ("was", 4, "ccomp", "AUX", "VBD", "be"),
    ("fine", 1, "acomp", "ADJ", "JJ", "fine"),
    (",", 4, "punct", "PUNCT", ",", ","),
    ("said", 4, "ROOT", "VERB", "VBD", "say"),
    ("the", 11, "det", "DET", "DT", "the"),
    ("31", 8, "nummod", "NUM", "CD", "31"),
    ("-", 8, "punct", "PUNCT", "HYPH", "-"),
    ("year", 10, "npadvmod", "NOUN", "NN", "year"),
    ("-", 10, "punct", "PUNCT", "HYPH", "-"),
    ("old", 11, "amod", "ADJ", "JJ", "old"),
    ("forward", 4, "nsubj", "ADV", "RB", "forward"),
    (".", 4, "punct", "PUNCT", ".", "."),
]
FORWARD_BEFORE_NAME = [  # "Spanish forward Alvaro Morata scored twice."
    ("Spanish", 3, "amod", "ADJ", "JJ", "spanish"),
    ("forward", 4, "advmod", "ADV", "RB", "forward"),
    ("Alvaro", 3, "compound", "PROPN", "NNP", "Alvaro"),
    ("Morata", 4, "nsubj", "PROPN", "NNP", "Morata"),
    ("scored", 4, "ROOT", "VERB", "VBD", "score"),
    ("twice", 4, "advmod", "ADV", "RB", "twice"),
    (".", 4, "punct", "PUNCT", ".", "."),
]
WHO_HEAD_NAMED = [  # "The WHO head Carlos Soler said it.", parsed "The WHO heads Carlos Soler", "said" its complement
    ("The", 1, "det", "DET", "DT", "the"),
    ("WHO", 2, "nsubj", "PROPN", "NNP", "WHO"),
    ("head", 2, "ROOT", "VERB", "VBP", "head"),
    ("Carlos", 4, "compound", "PROPN", "NNP", "Carlos"),
    ("Soler", 2, "dobj", "PROPN", "NNP", "Soler"),
    ("said", 2, "ccomp", "VERB", "VBD", "say"),
    ("it", 5, "dobj", "PRON", "PRP", "it"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
ACCORDING_TO_FORWARD = [  # "According to the Spanish forward, ..."
    ("According", 6, "prep", "VERB", "VBG", "accord"),
    ("to", 0, "prep", "ADP", "IN", "to"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("Spanish", 1, "pobj", "ADJ", "JJ", "spanish"),
    ("forward", 0, "advmod", "ADV", "RB", "forward"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("we", 6, "nsubj", "PRON", "PRP", "we"),
    ("won", 6, "ROOT", "VERB", "VBD", "win"),
    (".", 6, "punct", "PUNCT", ".", "."),
]
IRISH_INTERNATIONAL = [  # "The Irish international said it.": a lower-case word tagged a proper noun
    ("The", 2, "det", "DET", "DT", "the"),
    ("Irish", 2, "amod", "ADJ", "JJ", "irish"),
    ("international", 3, "nsubj", "PROPN", "NNP", "international"),
    ("said", 3, "ROOT", "VERB", "VBD", "say"),
    ("it", 3, "dobj", "PRON", "PRP", "it"),
    (".", 3, "punct", "PUNCT", ".", "."),
]
WORLD_NO_1 = [  # "The world No. 1 said it.": "No." split, both halves subjects
    ("The", 1, "det", "DET", "DT", "the"),
    ("world", 2, "compound", "NOUN", "NN", "world"),
    ("No", 5, "nsubj", "NOUN", "NN", "no"),
    (".", 5, "nsubj", "NOUN", "NN", "."),
    ("1", 3, "nummod", "NUM", "CD", "1"),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ("it", 5, "dobj", "PRON", "PRP", "it"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
WORLD_NUMBER_TWO = [  # "The world number two said it."
    ("The", 2, "det", "DET", "DT", "the"),
    ("world", 2, "compound", "NOUN", "NN", "world"),
    ("number", 4, "nsubj", "NOUN", "NN", "number"),
    ("two", 2, "nummod", "NUM", "CD", "two"),
    ("said", 4, "ROOT", "VERB", "VBD", "say"),
    ("it", 4, "dobj", "PRON", "PRP", "it"),
    (".", 4, "punct", "PUNCT", ".", "."),
]
WINGER_BESIDE_NAME = [  # "The Portuguese winger Carlos Soler said it.": two subjects of "said"
    ("The", 2, "det", "DET", "DT", "the"),
    ("Portuguese", 2, "amod", "ADJ", "JJ", "portuguese"),
    ("winger", 5, "nsubj", "NOUN", "NN", "winger"),
    ("Carlos", 4, "compound", "PROPN", "NNP", "Carlos"),
    ("Soler", 5, "nsubj", "PROPN", "NNP", "Soler"),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ("it", 5, "dobj", "PRON", "PRP", "it"),
    (".", 5, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(
    ("rows", "people", "repaired"),
    [
        (
            SPANISH_FORWARD_SAID,
            (),
            {"The": "forward", "Spanish": "forward", "forward": "said"},
        ),
        (
            SPANISH_FORWARD_NAMED,
            [(3, 5)],
            {"The": "forward", "Spanish": "forward", "forward": "said", "Soler": "forward"},
        ),
        (SAID_THE_WHO_HEAD, (), {"the": "head", "WHO": "head", "head": "said"}),
        (SAID_THE_AGED_FORWARD, (), {"the": "forward", "old": "forward", "forward": "said"}),
        (WINGER_BESIDE_NAME, [(3, 5)], {"The": "winger", "winger": "Soler", "Soler": "said"}),
        (FORWARD_BEFORE_NAME, [(2, 4)], {"Spanish": "forward", "forward": "Morata", "Morata": "scored"}),
        (WHO_HEAD_NAMED, [(3, 5)], {"WHO": "head", "head": "Soler", "Soler": "said", "said": "said"}),
        (ACCORDING_TO_FORWARD, (), {"the": "forward", "Spanish": "forward", "forward": "to"}),
    ],
)
def test_a_role_noun_heads_its_phrase(rows, people, repaired):
    doc = repair_role_heads(_doc(rows, people))
    assert {t.text: t.head.text for t in doc if t.text in repaired} == repaired
    noun = next(t for t in doc if t.lower_ in ("forward", "head", "winger"))
    assert noun.pos_ == "NOUN" and noun.tag_ == "NN"
    assert noun.dep_ == (
        "compound" if noun.head.ent_type_ == "PERSON" else "pobj" if noun.head.text == "to" else "nsubj"
    )
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize(
    "rows",
    [
        [  # "It was a crucial step forward on guns.": a step is no person
            ("It", 1, "nsubj", "PRON", "PRP", "it"),
            ("was", 1, "ROOT", "AUX", "VBD", "be"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("crucial", 4, "amod", "ADJ", "JJ", "crucial"),
            ("step", 1, "attr", "NOUN", "NN", "step"),
            ("forward", 4, "advmod", "ADV", "RB", "forward"),
            ("on", 4, "prep", "ADP", "IN", "on"),
            ("guns", 6, "pobj", "NOUN", "NNS", "gun"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [  # "The aim is to move the Democratic Party forward.": an object's particle
            ("The", 1, "det", "DET", "DT", "the"),
            ("aim", 2, "nsubj", "NOUN", "NN", "aim"),
            ("is", 2, "ROOT", "AUX", "VBZ", "be"),
            ("to", 4, "aux", "PART", "TO", "to"),
            ("move", 2, "xcomp", "VERB", "VB", "move"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("Democratic", 7, "compound", "PROPN", "NNP", "Democratic"),
            ("Party", 4, "dobj", "PROPN", "NNP", "Party"),
            ("forward", 4, "advmod", "ADV", "RB", "forward"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        [  # "Cruz is the most conservative.": an adjective's degree
            ("Cruz", 1, "nsubj", "PROPN", "NNP", "Cruz"),
            ("is", 1, "ROOT", "AUX", "VBZ", "be"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("most", 4, "advmod", "ADV", "RBS", "most"),
            ("conservative", 1, "attr", "ADJ", "JJ", "conservative"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [  # "The same is true.": WordNet's "same" (a Sami) is no role noun to the tagger's adjective
            ("The", 1, "det", "DET", "DT", "the"),
            ("same", 2, "nsubj", "ADJ", "JJ", "same"),
            ("is", 2, "ROOT", "AUX", "VBZ", "be"),
            ("true", 2, "acomp", "ADJ", "JJ", "true"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        [  # "The WHO heads the effort.": a verb with its object
            ("The", 1, "det", "DET", "DT", "the"),
            ("WHO", 2, "nsubj", "PROPN", "NNP", "WHO"),
            ("heads", 2, "ROOT", "VERB", "VBZ", "head"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("effort", 2, "dobj", "NOUN", "NN", "effort"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        [  # "The pride Mr. Cruz feels is real.": no role noun before the name
            ("The", 1, "det", "DET", "DT", "the"),
            ("pride", 5, "nsubj", "NOUN", "NN", "pride"),
            ("Mr.", 3, "compound", "PROPN", "NNP", "Mr."),
            ("Cruz", 4, "nsubj", "PROPN", "NNP", "Cruz"),
            ("feels", 1, "relcl", "VERB", "VBZ", "feel"),
            ("is", 5, "ROOT", "AUX", "VBZ", "be"),
            ("real", 5, "acomp", "ADJ", "JJ", "real"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
    ],
)
def test_other_words_stay_as_parsed(rows):
    doc = _doc(rows, [(i, i + 1) for i, row in enumerate(rows) if row[0] == "Cruz"])
    before = _parse(doc)
    assert _parse(repair_role_heads(doc)) == before


def test_a_lower_case_role_noun_tagged_a_name_is_a_noun():
    doc = repair_role_heads(_doc(IRISH_INTERNATIONAL))
    assert (doc[2].pos_, doc[2].tag_) == ("NOUN", "NN")


@pytest.mark.parametrize(
    ("rows", "mention"), [(WORLD_NO_1, "The world No. 1"), (WORLD_NUMBER_TWO, "The world number two")]
)
def test_a_rank_keeps_its_number(rows, mention):
    words, heads, deps, pos, tags, lemmas = (list(c) for c in zip(*rows, strict=True))
    spaces = [w != "No" for w in words]  # "No." as written, its period split off
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    said = next(t for t in doc if t.text == "said")
    assert _mention(subject_or_agent(said)).text == mention


@pytest.mark.parametrize(
    ("words", "joined"), [(["The", "Green", "co", "-", "leader"], True), (["Kim", "Min", "-", "Woo"], False)]
)
def test_words_a_hyphen_joins_are_one_noun_not_a_names_halves(words, joined):
    # the model's parse of "The Green co-leader said the team ...": "co", "-" and "leader" all subjects of "said"
    n = len(words)
    rows = [(w, n, "nsubj", "NOUN", "NN", w.lower()) for w in words] + [("said", n, "ROOT", "VERB", "VBD", "say")]
    rows[0] = (words[0], 2, "det", "DET", "DT", "the") if joined else rows[0]
    rows[1] = (words[1], 2, "compound", "PROPN", "NNP", words[1]) if joined else rows[1]
    spaces = [not (k + 1 < n and "-" in (w, words[k + 1])) for k, w in enumerate(words)] + [False]
    columns = [list(c) for c in zip(*rows, strict=True)]
    doc = Doc(
        VOCAB, words=columns[0], spaces=spaces, heads=columns[1], deps=columns[2], pos=columns[3], tags=columns[4]
    )
    before = _parse(doc)
    repair_role_heads(doc)
    if joined:
        assert [(t.text, t.head.text) for t in doc[2:5]] == [("co", "leader"), ("-", "leader"), ("leader", "said")]
    else:
        assert _parse(doc) == before


@pytest.mark.parametrize(
    ("rows", "subject"),
    [
        (
            [  # "Current and former officials said it.": the model's parse
                ("Current", 4, "nsubj", "ADJ", "JJ", "current"),
                ("and", 0, "cc", "CCONJ", "CC", "and"),
                ("former", 3, "amod", "ADJ", "JJ", "former"),
                ("officials", 0, "conj", "NOUN", "NNS", "official"),
                ("said", 4, "ROOT", "VERB", "VBD", "say"),
            ],
            "officials",
        ),
        (
            [  # "Much of the ire was spent.": no adjective of the noun coordinated with it
                ("Much", 5, "nsubjpass", "ADJ", "JJ", "much"),
                ("of", 0, "prep", "ADP", "IN", "of"),
                ("the", 3, "det", "DET", "DT", "the"),
                ("ire", 0, "conj", "NOUN", "NN", "ire"),
                ("was", 5, "auxpass", "AUX", "VBD", "be"),
                ("spent", 5, "ROOT", "VERB", "VBN", "spend"),
            ],
            "Much",
        ),
    ],
)
def test_coordinated_adjectives_share_their_noun(rows, subject):
    doc = repair_role_heads(_doc(rows))
    assert [t.text for t in doc if t.dep_.startswith("nsubj")] == [subject]


def test_an_unparsed_paragraph_is_left_alone():
    doc = _doc([(w, i, "", "", "", w) for i, w in enumerate("the Spanish forward said".split())])
    assert _parse(repair_role_heads(doc)) == [(w, "", "", w) for w in "the Spanish forward said".split()]


@pytest.mark.parametrize(
    ("word", "known"), [("forward", True), ("winger", True), ("chair", True), ("head", True), ("step", False)]
)
def test_role_nouns(word, known):
    assert is_role_noun(word) is known


QUOTE = '"We deserved the win after a long season," '


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "mention", "role"),
    [
        (QUOTE + "the Spanish forward said after the match.", "Spanish forward", "the Spanish forward", "forward"),
        (QUOTE + "said the Spanish forward.", "Spanish forward", "the Spanish forward", "forward"),
        (
            "The Spanish forward said the team had deserved the win.",
            "Spanish forward",
            "The Spanish forward",
            "forward",
        ),
        (
            "The veteran forward said the team had deserved the win.",
            "veteran forward",
            "The veteran forward",
            "veteran forward",
        ),
        (
            "Carlos Soler, the Spanish forward, said the team had deserved the win.",
            "Carlos Soler",
            "Carlos Soler",
            "forward",
        ),
        (
            "The Portuguese winger Carlos Soler said the team had deserved the win.",
            "Carlos Soler",
            "The Portuguese winger Carlos Soler",
            "winger",
        ),
        (
            "The former Fed chair Carlos Soler said the team had deserved the win.",
            "Carlos Soler",
            "The former Fed chair Carlos Soler",
            "former Fed chair",
        ),
        (QUOTE + "said the WHO head.", "WHO head", "the WHO head", "WHO head"),
        (QUOTE + "the Irish international said.", "Irish international", "the Irish international", None),
        (QUOTE + "the world number two said.", "world number two", "the world number two", None),
        ("The world No. 1 said the team had deserved the win.", "world No. 1", "The world No. 1", None),
        (
            "The WHO head Carlos Soler said the team had deserved the win.",
            "Carlos Soler",
            "The WHO head Carlos Soler",
            "WHO head",
        ),
        ("The Green co-leader said the team had deserved the win.", "Green co-leader", "The Green co-leader", None),
        # a name inside the description modifies a noun after it: the mention runs to that noun
        (
            '"You work hard," a narrator in the Clinton ad says.',
            "narrator in the Clinton ad",
            "a narrator in the Clinton ad",
            None,
        ),
        (
            "Officials in the Obama administration said the strikes would go on.",
            "Officials in the Obama administration",
            "Officials in the Obama administration",
            None,
        ),
        (
            "Spanish forward Alvaro Morata scored twice. " + QUOTE + "the Spanish forward said after the match.",
            "Alvaro Morata",
            "the Spanish forward",
            "forward",
        ),
    ],
)
def test_descriptions_with_a_mistagged_noun_speak_whole(nlp, text, speaker, mention, role):
    rows = [r for r in extract_text(text, nlp=nlp, kinds="all") if r["claim_kind"] == "speech"]
    assert [(r["speaker"], r["speaker_mention"]) for r in rows] == [(speaker, mention)]
    if role is not None:
        assert rows[0]["speaker_role"] == role


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The Labour MP said the plan would fail.", "Labour MP"),  # a title the tagger took for a name
        ('"The gap is too wide," said a New Hampshire Democrat.', "New Hampshire Democrat"),  # a party's member
        ("The Tennessean reported that the plan would fail.", ""),  # a paper's name, though WordNet knows Tennesseans
        ("The Islamic State said the two were its followers.", ""),
    ],
)
def test_a_titled_description_gives_its_role(nlp, text, role):
    rows = extract_text(text, nlp=nlp, kinds="all")
    assert [r["speaker_role"] for r in rows] == [role]


@pytest.mark.model
def test_a_nations_word_before_an_untagged_name_is_no_speaker(nlp):
    # the recognizer found the nationality and missed the name after it
    rows = extract_text("The Russian Carlos Soler said the team had deserved the win.", nlp=nlp, kinds="all")
    assert [r["speaker"] for r in rows] == ["Carlos Soler"]
    # no first name: a capitalized noun ("Senators") is no one's name
    rows = extract_text(
        "Nearly all Republican Senators said they would vote against the articles.", nlp=nlp, kinds="all"
    )
    assert "Senators" not in [r["speaker"] for r in rows]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the forward was the coach's object: someone else than the coach
        (
            'Real Madrid coach Carlo Ancelotti praised the Spanish forward. "We deserved the win," the Spanish forward'
            " said.",
            "Spanish forward",
        ),
        # said of its subject ("as the nominee"): the same person
        (
            "On Thursday Hillary Clinton delivered her acceptance speech as the Democratic nominee. "
            '"A man you can bait with a tweet is not a man we can trust," said the Democratic nominee.',
            "Hillary Clinton",
        ),
    ],
)
def test_an_epithet_is_not_who_had_it_for_an_object(nlp, text, speaker):
    rows = extract_text(text, nlp=nlp, kinds="all")
    assert rows[-1]["speaker"] == speaker
