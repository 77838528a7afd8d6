"""Crafted texts cost time linear in their length (issue 21).

Attribution on hand-built parses (a blank pipeline, no model): each case is a parse shape that made a
step quadratic or worse ("according to" 3,000 times took 6-10 minutes; "A said B said ..." 5,000
times 166 s).  A case is read at two sizes, 4x apart; linear work takes about 4x the CPU time and
counts about 4x the work (:class:`claimex.syntax.ParseIndex`), a quadratic step 16x.  The model's
side (the tokenizer on long runs of quotation marks) is tested through ``chunk_text``.  The whole
pipeline on these texts is timed by ``bench/crafted.py``.
"""

from __future__ import annotations

import gc
import time

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimex.nlp.attribution import find_claims
from claimex.nlp.attribution.reported import WORK_PER_SENTENCE, WORK_PER_SENTENCE_TOKEN
from claimex.nlp.cleaning import BODY
from claimex.nlp.cues import make_learned_lexicon
from claimex.nlp.pipeline import MAX_WORD_CHARS, chunk_text
from claimex.nlp.syntax import ParseIndex

VOCAB = spacy.blank("en").vocab


class Parse:
    """A parse built token by token; heads are absolute indices."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.heads: list[int] = []
        self.deps: list[str] = []
        self.pos: list[str] = []
        self.lemmas: list[str] = []
        self.tags: list[str] = []

    def add(self, word: str, head: int | None, dep: str, pos: str, lemma: str = "", tag: str = "") -> int:
        """Append a token (``head`` None: itself, the root); returns its index."""
        i = len(self.words)
        self.words.append(word)
        self.heads.append(i if head is None else head)
        self.deps.append(dep)
        self.pos.append(pos)
        self.lemmas.append(lemma or word.lower())
        self.tags.append(tag)
        return i

    def doc(self, sentence_starts: frozenset[int] = frozenset()) -> Doc:
        """The Doc: one sentence, or one starting at each of ``sentence_starts`` too."""
        return Doc(
            VOCAB,
            words=self.words,
            heads=self.heads,
            deps=self.deps,
            pos=self.pos,
            lemmas=self.lemmas,
            tags=self.tags,
            sent_starts=[i == 0 or i in sentence_starts for i in range(len(self.words))],
        )


def said_chain(k: int) -> tuple[Doc, list]:
    """Smith said Smith said ... Smith said it rains ."""
    p = Parse()
    verb = None
    for _ in range(k):
        subject = len(p.words)
        p.add("Smith", subject + 1, "nsubj", "PROPN", tag="NNP")
        verb = p.add("said", verb, "ccomp" if verb is not None else "ROOT", "VERB", "say", "VBD")
    p.add("it", len(p.words) + 1, "nsubj", "PRON", tag="PRP")
    p.add("rains", verb, "ccomp", "VERB", "rain", "VBZ")
    p.add(".", 1, "punct", "PUNCT", tag=".")
    return p.doc(), []


def according_chain(k: int) -> tuple[Doc, list]:
    """It rained according to according to ... Smith ."""
    p = Parse()
    p.add("It", 1, "nsubj", "PRON", tag="PRP")
    root = p.add("rained", None, "ROOT", "VERB", "rain", "VBD")
    head, dep = root, "prep"
    for _ in range(k):
        according = p.add("according", head, dep, "VERB", "accord", "VBG")
        head, dep = p.add("to", according, "prep", "ADP", tag="IN"), "pobj"
    p.add("Smith", head, "pobj", "PROPN", tag="NNP")
    p.add(".", root, "punct", "PUNCT", tag=".")
    return p.doc(), []


def according_siblings(k: int) -> tuple[Doc, list]:
    """It rained , according to Smith , according to Smith , ... ."""
    p = Parse()
    p.add("It", 1, "nsubj", "PRON", tag="PRP")
    root = p.add("rained", None, "ROOT", "VERB", "rain", "VBD")
    for _ in range(k):
        p.add(",", root, "punct", "PUNCT", tag=",")
        according = p.add("according", root, "prep", "VERB", "accord", "VBG")
        to = p.add("to", according, "prep", "ADP", tag="IN")
        p.add("Smith", to, "pobj", "PROPN", tag="NNP")
    p.add(".", root, "punct", "PUNCT", tag=".")
    return p.doc(), []


def conjoined_said(k: int) -> tuple[Doc, list]:
    """He smiled and said and said ... it works ."""
    p = Parse()
    p.add("He", 1, "nsubj", "PRON", tag="PRP")
    verb = root = p.add("smiled", None, "ROOT", "VERB", "smile", "VBD")
    for _ in range(k):
        p.add("and", verb, "cc", "CCONJ", tag="CC")
        verb = p.add("said", verb, "conj", "VERB", "say", "VBD")
    p.add("it", len(p.words) + 1, "nsubj", "PRON", tag="PRP")
    p.add("works", verb, "ccomp", "VERB", "work", "VBZ")
    p.add(".", root, "punct", "PUNCT", tag=".")
    return p.doc(), []


def many_objects(k: int) -> tuple[Doc, list]:
    """He said that that that ... : one cue with thousands of dependents."""
    p = Parse()
    p.add("He", 1, "nsubj", "PRON", tag="PRP")
    root = p.add("said", None, "ROOT", "VERB", "say", "VBD")
    for _ in range(k):
        p.add("that", root, "dobj", "PRON", tag="DT")
    p.add(".", root, "punct", "PUNCT", tag=".")
    return p.doc(), []


def cues_and_quotations(k: int) -> tuple[Doc, list]:
    """He said “ a b ” He said “ a b ” ... : many quotations, many cues without a statement, one sentence."""
    p = Parse()
    quotes = []
    root = None
    for _ in range(k):
        p.add("He", len(p.words) + 1, "nsubj", "PRON", tag="PRP")
        verb = p.add("said", root, "parataxis" if root is not None else "ROOT", "VERB", "say", "VBD")
        root = verb if root is None else root
        p.add("“", verb, "punct", "PUNCT", tag="``")
        first = p.add("a", verb, "dobj", "NOUN", tag="NN")
        p.add("b", first, "compound", "NOUN", tag="NN")
        p.add("”", verb, "punct", "PUNCT", tag="''")
        quotes.append((first, first + 2))
    doc = p.doc()
    return doc, [doc[start:end] for start, end in quotes]


def one_long_turn(k: int) -> tuple[Doc, list]:
    """“ a b c d ” he said . “ a b c d ” “ a b c d ” ... : one turn of many pieces in one paragraph."""
    p = Parse()
    quotes = []
    root = None
    for n in range(k + 1):
        opening = p.add("“", root, "dep" if root is not None else "ROOT", "PUNCT", tag="``")
        root = opening if root is None else root
        first = len(p.words)
        for word in "we agree on it".split():
            p.add(word, opening, "dep", "NOUN", tag="NN")
        p.add("”", opening, "punct", "PUNCT", tag="''")
        quotes.append((first, first + 4))
        if n == 0:
            p.add("he", len(p.words) + 1, "nsubj", "PRON", tag="PRP")
            p.add("said", opening, "parataxis", "VERB", "say", "VBD")
            p.add(".", opening, "punct", "PUNCT", tag=".")
    doc = p.doc()
    return doc, [doc[start:end] for start, end in quotes]


def quotations_then_a_sentence(k: int) -> tuple[Doc, list]:
    """It “ a b ” “ a b ” ... . It rains . : many quotations in a sentence another follows, none with a cue (what a
    run of unclosed quotation marks leaves)."""
    p = Parse()
    quotes = []
    root = p.add("It", None, "ROOT", "PRON", tag="PRP")
    for _ in range(k):
        p.add("“", root, "punct", "PUNCT", tag="``")
        first = p.add("a", root, "dep", "NOUN", tag="NN")
        p.add("b", first, "compound", "NOUN", tag="NN")
        p.add("”", root, "punct", "PUNCT", tag="''")
        quotes.append((first, first + 2))
    p.add(".", root, "punct", "PUNCT", tag=".")
    second = p.add("It", len(p.words) + 1, "nsubj", "PRON", tag="PRP")
    verb = p.add("rains", None, "ROOT", "VERB", "rain", "VBZ")
    p.add(".", verb, "punct", "PUNCT", tag=".")
    doc = p.doc(frozenset({second}))
    return doc, [doc[start:end] for start, end in quotes]


CASES = {
    "A said B said ...": (said_chain, 300),
    "according to according to ...": (according_chain, 300),
    "according to X, according to X, ...": (according_siblings, 300),
    "smiled and said and said ...": (conjoined_said, 300),
    "said that that that ...": (many_objects, 400),
    "He said “a b” He said “a b” ...": (cues_and_quotations, 300),
    "“...” he said. “...” “...” ...": (one_long_turn, 300),
    "It “a b” “a b” ... . It rains.": (quotations_then_a_sentence, 300),
}


@pytest.fixture(scope="module")
def lexicon():
    return make_learned_lexicon()


def read(build, k: int, lexicon) -> tuple[float, int, int]:
    """CPU seconds and work of finding the claims of ``build(k)``, and its length in tokens."""
    doc, quotations = build(k)
    paragraphs = [Span(doc, 0, len(doc), label=BODY)]
    gc.collect()
    gc.disable()  # collections scale with the test process's heap, not with the text
    try:
        started = time.process_time()
        find_claims(doc, lexicon, quotations, paragraphs)
        seconds = time.process_time() - started
    finally:
        gc.enable()
    return seconds, ParseIndex.of(doc).work, len(doc)


@pytest.mark.parametrize("case", list(CASES))
def test_crafted_parses_cost_linear_time_and_work(lexicon, case):
    build, k = CASES[case]
    read(build, 20, lexicon)  # first calls: imports, caches
    small_seconds, small_work, small_tokens = read(build, k, lexicon)
    large_seconds, large_work, large_tokens = read(build, 4 * k, lexicon)
    assert large_tokens >= 3.9 * small_tokens
    assert large_work <= 8 * small_work + 100, (small_work, large_work)
    assert large_work <= WORK_PER_SENTENCE + 2 * WORK_PER_SENTENCE_TOKEN * large_tokens
    assert large_seconds <= 8 * small_seconds + 0.1, (small_seconds, large_seconds)


def test_a_deep_chain_of_conjoined_verbs_is_read_without_recursion_limits(lexicon):
    seconds, _, tokens = read(conjoined_said, 5_000, lexicon)  # it raised RecursionError
    assert tokens > 10_000


@pytest.mark.parametrize("mark", ['"', "“", "“‘", "(", "x"])
def test_long_runs_without_whitespace_are_cut_for_the_tokenizer(mark):
    text = "He said " + mark * 20_000 + " it works.\n\nNext paragraph."
    chunks = chunk_text(text, 1_000_000)
    assert "".join(chunks) == text
    assert max(len(word) for chunk in chunks for word in chunk.split()) <= MAX_WORD_CHARS
    assert chunk_text("He said “we agree” on Monday.\n\nMore.", 1_000_000) == [
        "He said “we agree” on Monday.\n\n",
        "More.",
    ]


def test_the_tokenizer_costs_linear_time_on_chunks_of_quotation_marks():
    tokenizer = spacy.blank("en").tokenizer

    def seconds(n: int) -> float:
        chunks = chunk_text("“" * n, 1_000_000)
        started = time.process_time()
        for chunk in chunks:
            tokenizer(chunk)
        return time.process_time() - started

    seconds(1_000)
    small, large = seconds(5_000), seconds(20_000)  # one 20,000-mark word took 30 s
    assert large <= 8 * small + 0.05, (small, large)


def test_the_parse_index_lets_its_doc_go(lexicon):
    import weakref

    doc, _ = said_chain(50)
    find_claims(doc, lexicon, [], [Span(doc, 0, len(doc), label=BODY)])
    assert ParseIndex.of(doc).work > 0
    gone, key = weakref.ref(doc), id(doc)
    del doc
    gc.collect()
    assert gone() is None and key not in ParseIndex._cache
