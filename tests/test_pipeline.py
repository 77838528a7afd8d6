"""The spaCy stage: paragraph gate, batch-failure recovery, --workers."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimex import api
from claimex.article import Article
from claimex.nlp.pipeline import annotate, as_read, chunk_text, load_pipeline

RAW = "data/raw"
ARTICLES = [
    Article("a", "Hua Chunying is a spokeswoman.\n\n“We oppose it,” Hua said on Monday.\n"),
    Article("b", "Nothing happened here today. The weather was fine.\n\nIt rained later.\n"),
    Article("c", "The minister told reporters that talks would resume. According to officials, it is on.\n"),
]


def _v1_gate(nlp):
    """The gate on the built-in lexicon only (the cue model adds the lemmas it learned and parses more)."""
    from claimex.nlp.cues import make_default_lexicon
    from claimex.nlp.pipeline import ParagraphGate, cue_forms, lemma_exceptions

    return ParagraphGate(cue_forms(make_default_lexicon(), lemma_exceptions(nlp)))


def test_gate_picks_paragraphs_that_can_hold_a_claim(nlp):
    gate = _v1_gate(nlp)
    assert gate.needs_parse("He said it was over.")
    assert gate.needs_parse("The ministry's statements were clear.")
    assert gate.needs_parse("According to the police, two died.")
    assert gate.needs_parse("It is «bad» and „good“.")
    assert gate.needs_parse("She told him.")  # irregular form from the lemmatizer's exceptions
    assert not gate.needs_parse("The weather was fine. It rained later.")


def test_gated_paragraphs_get_sentences_and_entities(nlp):
    gate = _v1_gate(nlp)
    assert not any(gate.needs_parse(chunk) for chunk in chunk_text(ARTICLES[1].text, 10_000))
    ((_, doc),) = annotate(nlp, [ARTICLES[1]], gate=gate)
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[:3] == ["Nothing happened here today.", "The weather was fine.", "It rained later."]
    assert all(s.root.dep_ == "ROOT" for s in doc.sents)
    assert doc.text == ARTICLES[1].text
    ((_, doc),) = annotate(nlp, [ARTICLES[0]], gate=gate)  # a person is introduced: parsed, and entities everywhere
    assert "Hua Chunying" in [e.text for e in doc.ents]
    assert doc[0].head.i != 0 or doc[0].dep_ != "ROOT" or len(list(doc[0].children)) > 0


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
def test_gate_keeps_the_claims(nlp):
    gated = api.extract(RAW, nlp=nlp)
    nlp.meta["claimex"]["gate"] = None
    try:
        ungated = api.extract(RAW, nlp=nlp)
    finally:
        nlp.meta["claimex"]["gate"] = "claimex.paragraph_gate.v1"
    assert len(gated) > 0
    columns = ["doc_id", "char_start", "char_end", "quote", "cue", "quote_type", "speaker"]
    assert gated[columns].equals(ungated[columns])


@pytest.mark.parametrize("gate", [None, "claimex.paragraph_gate.v1"])
def test_the_title_is_read_in_sentence_case_and_keeps_its_words(nlp, gate):
    text = (
        "Pence Says Flowers Won't Be At Debate\n\nMike Pence said on Sunday that Flowers would not attend the debate.\n"
    )
    ((_, doc),) = annotate(nlp, [Article("t", text)], gate=gate)
    assert doc.text == text
    says = doc[1]
    assert says.text == "Says" and says.lemma_ == "say" and says.pos_ == "VERB"  # title case reads as names
    assert any(t.dep_ == "nsubj" and t.text == "Pence" for t in says.children)


def test_as_read_keeps_a_doc_whose_text_is_unchanged(nlp):
    doc = nlp.make_doc("Hua said so.")
    assert as_read(doc, "Hua said so.") is doc


def test_chunks_give_back_the_text():
    text = "One.\n\n  Two said.\nThree.\n\n\nFour"
    assert "".join(chunk_text(text, 1000)) == text


# A paragraph over the chunk limit is cut after a sentence end, else after whitespace of any kind, never inside
# the sentence when whitespace follows it.  (paragraph, its first chunk's start)
LONG_PARAGRAPHS = [
    ("“We will win the vote,” Mayor Ana Ruiz said." + "\t" * 100_000, "“We will win the vote,” Mayor Ana Ruiz said.\t"),
    ("He said so." + "\u00a0" * 30_000, "He said so.\u00a0"),
    ("Word " * 10_000, "Word Word"),
]


@pytest.mark.parametrize(("text", "start"), LONG_PARAGRAPHS)
def test_a_long_paragraph_is_cut_after_its_sentence(text, start):
    chunks = chunk_text(text, 1_000_000)
    assert "".join(chunks) == text and all(len(c) <= 20_000 for c in chunks)
    assert chunks[0].startswith(start) and len(chunks[0]) > 10_000  # no sliver, nothing cut mid-sentence


@Language.component("claimex_test_explode")
def _explode(doc):
    if "EXPLODE" in doc.text:
        raise RuntimeError("boom on purpose")
    return doc


@pytest.mark.model
def test_one_failing_article_does_not_stop_its_batch(monkeypatch):
    nlp = load_pipeline(gate=None)
    nlp.add_pipe("claimex_test_explode", before="claimex_paragraphs")
    articles = [
        Article("ok1", "“We agree,” Hua said."),
        Article("bad", "“EXPLODE now,” he said."),
        Article("ok2", "The minister said that talks would resume."),
    ]
    failed = []
    done = [a.doc_id for a, _ in annotate(nlp, articles, on_error=lambda a, e: failed.append((a.doc_id, e)))]
    assert done == ["ok1", "ok2"]
    assert [doc_id for doc_id, _ in failed] == ["bad"]
    with pytest.raises(RuntimeError):
        list(annotate(nlp, articles))

    monkeypatch.setattr(api, "iter_articles", lambda *args, **kwargs: iter(articles))
    results = list(api.process(["-"], nlp=nlp))
    assert [r.article.doc_id for r in results] == ["ok1", "bad", "ok2"]
    assert results[1].error is not None and "boom on purpose" in results[1].error.reason
    assert results[0].records and results[2].records and results[0].error is None


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
def test_workers_give_the_same_rows_in_the_same_order(nlp):
    one = [row for r in api.process([RAW], nlp=nlp, workers=1) for row in r.records]
    two = [row for r in api.process([RAW], nlp=nlp, workers=2) for row in r.records]
    assert one and one == two


def test_cue_forms_cover_inflections_and_learned_constructions():
    from claimex.cuemodel.model import CueModel
    from claimex.nlp.cues import make_default_lexicon
    from claimex.nlp.pipeline import cue_forms

    lexicon = make_default_lexicon()
    forms = cue_forms(lexicon, {"verb": {"said": ["say"], "went": ["go"]}})
    assert {"says", "said", "saying", "stated", "denies", "denied", "statements", "according"} <= forms
    assert "went" not in forms
    model = CueModel({}, 0.0, {"VERB": frozenset({"reckon"}), "NOUN": frozenset({"rebuke"})})
    learned = type(lexicon)(lexicon.verbs - {"reckon"}, lexicon.nouns, lexicon.phrases, lexicon.relaying, model)
    forms = cue_forms(learned)
    assert "rebukes" in forms
    assert "reckoned" in forms and "blurted" not in forms


@pytest.mark.parametrize(
    "text, chunks",
    [
        # a date stamp opening a line is parsed apart from the words after it
        (
            " date 2023-01-02 KYIV (AP) — Officials say so.\n\nMore.",
            [" date 2023-01-02 ", "KYIV (AP) — Officials say so.\n\n", "More."],
        ),
        # a stamp and a word or two stay one chunk; "date" in prose cuts nothing
        (" date 2017-03-13 Register\nMore.", [" date 2017-03-13 Register\n", "More."]),
        ("Date rape drugs are banned, he said.", ["Date rape drugs are banned, he said."]),
    ],
)
def test_chunks_cut_a_date_stamp_from_the_line_it_opens(text, chunks):
    assert chunk_text(text, 1_000_000) == chunks


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("-Philip Bump illustrates", ["-", "Philip", "Bump", "illustrates"]),  # a list item's hyphen
        ("\u2022Bernie Sanders won", ["\u2022", "Bernie", "Sanders", "won"]),
        # must stay as spaCy's rules have them
        ("the Tokyo-based firm", ["the", "Tokyo", "-", "based", "firm"]),
        ("U.S.-China talks", ["U.S.-China", "talks"]),
        ("fell -5 points", ["fell", "-5", "points"]),
        ("a -based word", ["a", "-based", "word"]),
        ("-philip x", ["-philip", "x"]),
    ],
)
@pytest.mark.model
def test_a_list_bullet_is_a_token_of_its_own(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Ryan said,\u201cLook", ["Ryan", "said", ",", "\u201c", "Look"]),  # a comma glued to the mark it opens
        ('we raised,"Katie Packer said', ["we", "raised", ",", '"', "Katie", "Packer", "said"]),
        ("campaign.\u201dHe said", ["campaign", ".", "\u201d", "He", "said"]),  # a closing mark glued to the next word
        ("he said:\u201cWe", ["he", "said", ":", "\u201c", "We"]),
        # must stay as spaCy's rules have them
        ("the U.S.\u2019s role", ["the", "U.S.", "\u2019s", "role"]),
        ("O'Neill said", ["O'Neill", "said"]),
        ('it is "good" news', ["it", "is", '"', "good", '"', "news"]),
        ("3,000 people", ["3,000", "people"]),
    ],
)
@pytest.mark.model
def test_a_quotation_mark_glued_to_words_is_a_token_of_its_own(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


@pytest.mark.model
def test_a_quotation_opened_without_a_space_has_its_cue(nlp):
    text = "Politics today.\n\nRyan said,\u201cLook, these images have no place in a campaign.\u201d"
    rows = api.extract_text(text, nlp=nlp)
    assert [(r["speaker"], r["quote"]) for r in rows] == [("Ryan", "Look, these images have no place in a campaign.")]


@pytest.mark.model
def test_a_name_after_a_list_bullet_is_the_speaker(nlp):
    text = (
        "Links:\n\n-Philip Bump says few people voted in the Iowa caucuses.\n\n-Pollster Ann Selzer says she warned us."
    )
    assert [r["speaker"] for r in api.extract_text(text, nlp=nlp)] == ["Philip Bump", "Ann Selzer"]
