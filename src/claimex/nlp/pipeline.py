"""The spaCy stage: load a pipeline, add claimex's components, annotate articles.

Articles are cut into paragraph chunks that together give back the article
text exactly (an opening title is read in sentence case, its words put back
after); the model's components parse the chunks in batches of at most
:data:`BATCH_CHARS` characters, so a sentence never crosses a paragraph break,
and the chunks are joined into one Doc per article on which claimex's
components run.  Offsets in that Doc are offsets in the article text as read.
The batches run as ``nlp.pipe`` would run them, except that the attribute
ruler and the lemmatizer run as stand-ins that give the same annotations
(:mod:`claimex.nlp.standins`) and the models multiply with numpy's BLAS on one
thread (:mod:`claimex.nlp.blas`).

The paragraph gate (``claimex.paragraph_gate.v1``, on by default) runs the
parser, tagger and lemmatizer only on paragraphs that can hold a claim or
introduce a person; the others get entities and punctuation sentences (see
:class:`ParagraphGate`).  ``load_pipeline(gate=None)`` turns it off.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import Lemmatizer, Sentencizer
from spacy.tokens import Doc
from spacy.util import registry

from ..article import Article
from ..errors import ModelNotFound
from ..io.decoding import without_lone_surrogates
from ..lexicon import words as lexicon_words
from . import blas, cleaning, standins
from .components import CLAIMEX_COMPONENTS  # importing the module registers the factories
from .cues import CueLexicon
from .default_model import DEFAULT_MODEL, MODEL_ALIASES
from .keys import READ_BY_CLAIMEX

UNUSED_COMPONENTS = ("senter",)  # claimex relies on the parser's sentences
DEFAULT_GATE = "claimex.paragraph_gate.v1"
CONFIGURED = object()  # annotate(gate=...) default: the gate load_pipeline configured
META_KEY = "claimex"  # nlp.meta["claimex"]: {"model": ..., "gate": ...}, how to load the same pipeline again


def installed_models() -> list[str]:
    return sorted(spacy.util.get_installed_models())


def load_pipeline(
    model: str | Path | None = None, *, gate: str | None = DEFAULT_GATE, claimex_components: bool = True
) -> Language:
    """Load a spaCy pipeline by package name or path and add claimex's components.

    Nothing is downloaded: an unknown name raises :class:`ModelNotFound`
    naming the installed pipelines.  ``gate`` names the registered paragraph
    gate :func:`annotate` uses by default (``None``: the whole model on every
    paragraph).  ``claimex_components=False`` gives the model alone (training
    the cue model must not need the cue model).
    """
    name = str(model or DEFAULT_MODEL)
    path = Path(name).expanduser()
    if path.is_dir():
        target: str | Path = path
    elif spacy.util.is_package(name):
        target = name
    elif name in MODEL_ALIASES and spacy.util.is_package(MODEL_ALIASES[name]):
        target = MODEL_ALIASES[name]
    else:
        available = ", ".join(installed_models()) or "none"
        raise ModelNotFound(
            f"spaCy pipeline '{name}' is not installed and is not a directory; installed pipelines: {available}"
        )
    if gate is not None:
        registry.misc.get(gate)  # fail early on an unknown name
    # Without claimex's components, a pipeline saved with them loads without them too (train-cues needs the model alone).
    nlp = spacy.load(target, exclude=[*UNUSED_COMPONENTS, *(() if claimex_components else CLAIMEX_COMPONENTS)])
    blas.use_numpy_blas(nlp)
    _keep_title_abbreviations(nlp)
    _split_list_bullets(nlp)
    _split_glued_quotation_marks(nlp)
    for component in CLAIMEX_COMPONENTS if claimex_components else ():
        if component not in nlp.pipe_names:  # a pipeline saved with them (nlp.to_disk) has them already
            nlp.add_pipe(component)
    nlp.meta[META_KEY] = {"model": str(target), "gate": gate}
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """ "Sgt. Paul Boucher said": an abbreviated rank stays one token with its period, as "Gen." does, so that the
    parser does not end a sentence after "Sgt" (``lexicon/data/title_abbreviation_tokens.txt``)."""
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if add_special_case is None:
        return  # a custom tokenizer keeps its own rules
    for abbreviation in sorted(lexicon_words("title_abbreviation_tokens")):
        form = abbreviation[0].upper() + abbreviation[1:]
        add_special_case(form, [{ORTH: form}])


# A list's hyphen or bullet glued to the capitalized word after it ("-Philip Bump illustrates ...").
_BULLET_PREFIX = "^[-\u2022\u2023\u25aa*](?=[A-Z\u00c0-\u00d6\u00d8-\u00de])"


def _split_list_bullets(nlp: Language) -> None:
    """ "-Philip Bump illustrates how few voted": a list item's hyphen or bullet glued to its first word is a token
    of its own, so that the recognizer reads the name after it as a name ("-Philip" is no first name)."""
    rules = _with_rule(getattr(nlp.tokenizer, "prefix_search", None), _BULLET_PREFIX)
    if rules is not None:
        nlp.tokenizer.prefix_search = rules.search  # type: ignore[union-attr]


def _with_rule(rules, rule: str) -> re.Pattern | None:
    """The tokenizer's compiled rules (its ``prefix_search`` or ``infix_finditer``) with ``rule`` tried first; None
    when they are not a compiled pattern (a custom tokenizer keeps its own rules) or hold the rule already (a saved
    pipeline)."""
    pattern = getattr(getattr(rules, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or rule in pattern:
        return None
    return re.compile(f"{rule}|{pattern}")


# A comma or colon glued to the quotation mark it opens, and a double mark glued between punctuation and a word:
# "said,“Look", "raised,\"Katie Packer said", "campaign.”He said".
_GLUED_MARKS = '(?<=[^\\W\\d_])[,:;](?=["\u201c\u201d])|(?<=[,:;.!?])["\u201c\u201d](?=[^\\W\\d_])'


def _split_glued_quotation_marks(nlp: Language) -> None:
    """ "Ryan said,“Look, ...”", "... we have raised,\"Katie Packer said": text that lost the space around a quotation
    mark keeps the mark a token of its own, so that the quotation opens or closes where it does (else "said,“Look" is
    one word and the quotation has no cue)."""
    rules = _with_rule(getattr(nlp.tokenizer, "infix_finditer", None), _GLUED_MARKS)
    if rules is not None:
        nlp.tokenizer.infix_finditer = rules.finditer  # type: ignore[union-attr]


# --- paragraph gate ----------------------------------------------------------

# Double quotation marks of every style (the marks quotes.py pairs, and a few more).
QUOTE_CHARS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02\u300c\u300d\u300e\u300f'
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@dataclass
class ParagraphGate:
    """Which paragraphs get the whole model: those that can hold a claim.

    A paragraph can hold a claim when it has a double quotation mark of any
    style, or a word that is a form of a cue in the lexicon ("said", "told",
    "statements", "according").  Every paragraph first runs
    ``light_components`` (by default the entity recognizer, because speaker
    resolution looks for names all over the article); a paragraph that names
    an entity of ``parse_entities`` (a PERSON: where a speaker is introduced,
    "Green Party presidential candidate Jill Stein", which profiles read from
    the parse) gets the whole model too.  The others get
    sentence boundaries from punctuation, with each sentence as a flat tree
    (first token the root, the others attached to it with the label ``dep``),
    so ``Doc.from_docs`` and ``Token.sent`` work on the joined article.
    """

    cue_forms: frozenset[str]
    light_components: tuple[str, ...] = ("ner",)
    parse_entities: tuple[str, ...] = ("PERSON",)

    def __post_init__(self) -> None:
        self._sentencizer = Sentencizer()
        self._quote = re.compile(f"[{QUOTE_CHARS}]|''")  # '' : double apostrophes, read as a mark

    def needs_parse(self, text: str) -> bool:
        if self._quote.search(text):
            return True
        forms = self.cue_forms
        return any(word.lower() in forms for word in _WORD.findall(text))

    def introduces(self, doc: Doc) -> bool:
        """The paragraph names an entity of ``parse_entities``: speakers are described there ("spokeswoman Hua")."""
        return any(ent.label_ in self.parse_entities for ent in doc.ents)

    def finish(self, doc: Doc) -> Doc:
        """Punctuation sentences as flat trees on a paragraph the parser did not see."""
        if not len(doc):
            return doc
        doc = self._sentencizer(doc)
        heads = numpy.zeros((len(doc), 2), dtype="int64")
        heads[:, 1] = doc.vocab.strings.add("dep")
        root = doc.vocab.strings.add("ROOT")
        # Trailing whitespace (the paragraph break) stays with its sentence, as the parser leaves it.
        starts = [t.i for t in doc if t.i == 0 or (t.is_sent_start and not t.is_space)]
        for start, end in zip(starts, [*starts[1:], len(doc)], strict=True):
            heads[start:end, 0] = start - numpy.arange(start, end)
            heads[start, 1] = root
        doc.from_array([HEAD, DEP], heads.view("uint64"))  # type: ignore[arg-type]  # spaCy's stub: thinc's Ints2d
        return doc


def cue_forms(lexicon: CueLexicon, exceptions: dict[str, dict[str, list[str]]] | None = None) -> frozenset[str]:
    """Surface forms of the lexicon's cues: regular inflections, irregular ones from ``exceptions``."""
    forms: set[str] = set()
    for verb in lexicon.verbs:
        forms |= _verb_forms(verb)
    for noun in lexicon.nouns:
        forms |= {noun, noun + "s", noun + "es", noun[:-1] + "ies"}
    for phrase in lexicon.phrases:
        forms.add(phrase[0])
        forms |= set(phrase) - {"to", "by", "of", "in", "the", "as"}
    verbs, nouns = set(lexicon.verbs), set(lexicon.nouns)
    model = getattr(lexicon, "model", None)  # cue words learned from annotated news (cues.v3)
    for pos, lemmas in (getattr(model, "cue_lemmas", None) or {}).items():
        for lemma in lemmas:
            if pos in ("VERB", "AUX"):
                verbs.add(lemma)
                forms |= _verb_forms(lemma)
            elif pos in ("NOUN", "PROPN"):
                nouns.add(lemma)
                forms |= {lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies"}
            else:
                forms.add(lemma)
    for pos, lemmas in (("verb", verbs), ("noun", nouns)):
        for form, form_lemmas in (exceptions or {}).get(pos, {}).items():
            if any(lemma in lemmas for lemma in form_lemmas):
                forms.add(form)
    return frozenset(f.lower() for f in forms)


def _verb_forms(verb: str) -> set[str]:
    forms = {verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing"}
    if verb.endswith("e"):
        forms |= {verb[:-1] + "ing", verb[:-1] + "ed"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou":
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


@registry.misc("claimex.paragraph_gate.v1")
def make_paragraph_gate(
    light_components: Sequence[str] = ("ner",), parse_entities: Sequence[str] = ("PERSON",)
) -> Callable[[Language], ParagraphGate]:
    """The paragraph gate: the whole model on paragraphs that can hold a claim or name a person, the entity
    recognizer alone elsewhere.  ``light_components`` must not depend on the other components."""

    def build(nlp: Language) -> ParagraphGate:
        lexicon = _lexicon(nlp)
        return ParagraphGate(cue_forms(lexicon, lemma_exceptions(nlp)), tuple(light_components), tuple(parse_entities))

    return build


@registry.misc("claimex.paragraph_gate.none.v1")
def make_no_light_gate() -> Callable[[Language], ParagraphGate]:
    """Tokenization only outside claim paragraphs: no entities there (speakers lose their full names)."""

    def build(nlp: Language) -> ParagraphGate:
        return ParagraphGate(cue_forms(_lexicon(nlp), lemma_exceptions(nlp)), (), ())

    return build


def _lexicon(nlp: Language) -> CueLexicon:
    """The attribution component's cue lexicon (its cue model loaded once, by the component), else the
    lexicon its config names, else the built-in one."""
    if "claimex_attribution" in nlp.component_names:
        lexicon = getattr(nlp.get_pipe("claimex_attribution"), "lexicon", None)
        if isinstance(lexicon, CueLexicon):
            return lexicon
    config = nlp.config["components"].get("claimex_attribution", {}).get("lexicon")
    if config is None:
        return registry.misc.get("claimex.cue_lexicon.v1")()
    return registry.resolve({"lexicon": config})["lexicon"]


def lemma_exceptions(nlp: Language) -> dict:
    """The lemmatizer's irregular verb and noun forms (``{"verb": {form: [lemma]}, "noun": ...}``), for
    :func:`cue_forms`; empty without a lemmatizer."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lemmatizer = cast(Lemmatizer, nlp.get_pipe("lemmatizer"))  # a lookup lemmatizer, as in spaCy's English models
    table = lemmatizer.lookups.get_table("lemma_exc", {})
    return {pos: dict(table[pos]) for pos in ("verb", "noun") if pos in table}


_GATES: weakref.WeakKeyDictionary[Language, dict[str, ParagraphGate]] = weakref.WeakKeyDictionary()


def resolve_gate(nlp: Language, gate: str | ParagraphGate | None | object = CONFIGURED) -> ParagraphGate | None:
    """The gate object for ``gate`` (a registered name, a gate, ``None``, or the one ``nlp`` was loaded with)."""
    if gate is CONFIGURED:
        gate = nlp.meta.get(META_KEY, {}).get("gate")
    if gate is None or isinstance(gate, ParagraphGate):
        return gate
    name = str(gate)  # what is left: a registered gate's name
    built = _GATES.setdefault(nlp, {})
    if name not in built:
        built[name] = registry.misc.get(name)()(nlp)
    return built[name]


def model_components(nlp: Language) -> list[str]:
    return [name for name in nlp.pipe_names if name not in CLAIMEX_COMPONENTS]


# No news paragraph comes near this; a longer "paragraph" is a scrape gone wrong.
MAX_CHUNK_CHARS = 20_000
# spaCy's tokenizer strips a word's affixes one at a time, each time searching the rest of the word:
# its time grows with the square of a word's length (8,000 quotation marks in a row took 34 s).  No
# word of PolNeAR or the samples is longer than 87 characters; a longer run without whitespace is cut
# into chunks of this many characters, each tokenized on its own.
MAX_WORD_CHARS = 200
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


def chunk_text(text: str, max_length: int) -> list[str]:
    """Cut ``text`` at paragraph starts into chunks that concatenate back to ``text``.

    A paragraph longer than ``max_length`` or :data:`MAX_CHUNK_CHARS` is cut
    further after a sentence end (else at whitespace, else hard): spaCy never
    refuses it, and the parser's time and memory stay bounded (a 3 MB paragraph
    in one piece took minutes and GBs).  A run of more than :data:`MAX_WORD_CHARS`
    characters without whitespace is cut every that many characters.
    """
    max_length = min(max_length, MAX_CHUNK_CHARS)
    starts = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", text)]
    # A date stamp opening a line is parsed apart from the words after it (see cleaning.stamp_end).
    stamps = [(m.start(1), cleaning.stamp_end(m.group(1))) for m in re.finditer(r"(?m)^[ \t]*(date\b.*)", text)]
    starts += [start + length for start, length in stamps if length]
    words = [k for m in _LONG_WORD.finditer(text) for k in range(m.start() + MAX_WORD_CHARS, m.end(), MAX_WORD_CHARS)]
    cuts = sorted({0, *(s for s in starts if s > 0), *words})
    chunks = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    out = []
    for chunk in chunks:
        out.extend(_split_long(chunk, max_length))
    return [c for c in out if c]


def chunks_for_model(text: str, max_length: int) -> tuple[list[str], list[str]]:
    """The chunks of :func:`chunk_text`, and the same as the model reads them: an opening title in
    sentence case (see :func:`claimex.nlp.cleaning.sentence_case`; title case reads as a string of names).
    A chunk and its reading have the same length; :func:`as_read` puts the chunk's words back."""
    chunks = chunk_text(text, max_length)
    title = cleaning.opening_title(text)
    if not chunks or title is None or title[1] > len(chunks[0]):
        return chunks, chunks
    start, end = title
    first = chunks[0][:start] + cleaning.sentence_case(text[start:end], text[end:]) + chunks[0][end:]
    if len(first) != len(chunks[0]):  # never: sentence_case keeps lengths, and offsets depend on it
        return chunks, chunks
    return chunks, [first, *chunks[1:]]


# What the model's annotations of a recased chunk carry over to the chunk's own words.
_CARRIED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID]


def as_read(doc: Doc, text: str) -> Doc:
    """``doc``, made from a recased copy of ``text`` (see :func:`chunks_for_model`), with the words of ``text``."""
    if doc.text == text:
        return doc
    words = [text[t.idx : t.idx + len(t)] for t in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    restored.from_array(_CARRIED, doc.to_array(_CARRIED))  # type: ignore[arg-type]  # spaCy's stubs: to_array gives uint64
    return restored


_SENTENCE_END = re.compile(r"[.?!]\s")


def _split_long(chunk: str, limit: int) -> list[str]:
    """``chunk`` in pieces of at most ``limit`` characters: each cut after the last sentence end in the second
    half of the window, else after its last whitespace of any kind (a tab too: a line of a quotation and 100,000
    tabs was cut inside its sentence), else hard."""
    pieces = []
    while len(chunk) > limit:
        window = chunk[:limit]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window, limit // 2)), default=0)
        if not cut:
            cut = next((i + 1 for i in range(limit - 1, 0, -1) if window[i].isspace()), limit)
        pieces.append(chunk[:cut])
        chunk = chunk[cut:]
    pieces.append(chunk)
    return pieces


def annotate(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_articles: int = 64,
    n_process: int = 1,
    gate: str | ParagraphGate | None | object = CONFIGURED,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[tuple[Article, Doc]]:
    """Yield each article with its annotated Doc, in input order.

    ``gate`` picks the paragraphs that get the whole model (parser and all);
    by default the gate ``load_pipeline`` configured (see
    :func:`paragraph_gate`), ``None`` for the whole model everywhere.

    When spaCy raises on a batch, its articles are retried one by one: an
    article that fails alone goes to ``on_error(article, exc)`` (without
    ``on_error`` the exception propagates) and the others are yielded as usual.

    A text with lone surrogates (a Python string no file yields, but an API caller's may hold them) is read,
    and yielded, with each as U+FFFD: same length, so offsets hold.
    """
    gate = resolve_gate(nlp, gate)
    articles = (_valid_unicode(article) for article in articles)
    own = [(name, proc) for name, proc in nlp.pipeline if name in CLAIMEX_COMPONENTS]

    def finish(article: Article, make_doc: Callable[[], Doc]) -> Doc | None:
        """The article's Doc through claimex's components; None when it failed and was reported."""
        try:
            doc = make_doc()
            doc.user_data[READ_BY_CLAIMEX] = True  # read paragraph by paragraph: claimex's components may run
            for _, proc in own:
                doc = proc(doc)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(article, exc)
            return None
        return doc

    for group in _batched(articles, batch_articles):
        try:
            docs = _annotate_group(nlp, group, gate, n_process)
            makers = [(article, lambda doc=doc: doc) for article, doc in zip(group, docs, strict=True)]
            del docs
        except Exception:  # one bad article must not sink its batch: retry alone
            if len(group) == 1 and on_error is None:
                raise
            makers = [
                (article, lambda article=article: _annotate_group(nlp, [article], gate, 1)[0]) for article in group
            ]
        makers.reverse()  # taken from the end: each Doc is let go once its article is yielded
        while makers:
            article, make_doc = makers.pop()
            doc = finish(article, make_doc)
            del make_doc
            if doc is not None:
                yield article, doc
            doc = None


def _valid_unicode(article: Article) -> Article:
    text = without_lone_surrogates(article.text)
    return article if text is article.text else dataclasses.replace(article, text=text)


# Characters per ``nlp.pipe`` batch.  The model's working memory grows with the tokens in a batch
# (about 16 kB a token: tok2vec's layers, the parser's precomputed features), so 256 chunks of a
# giant article to a batch (up to 256 x 20,000 characters) took GBs.  News paragraphs (a few hundred
# characters) still go dozens to a batch: throughput on the dev corpus is the same as with 256.
BATCH_CHARS = MAX_CHUNK_CHARS
BATCH_CHUNKS = 256


def _annotate_group(nlp: Language, group: list[Article], gate: ParagraphGate | None, n_process: int) -> list[Doc]:
    """The model's annotations of each article of ``group``, one Doc per article, before claimex's components.

    Memory is bounded by the largest article, not by the batch: the model sees at most
    :data:`BATCH_CHARS` characters at a time, each chunk's ``doc.tensor`` (tok2vec's output, which
    nothing reads after the parse) is dropped once the chunk is parsed, and an article's chunk
    Docs are released as soon as they are joined.
    """
    counts: list[int] = []
    flat: list[str] = []
    as_written: dict[int, str] = {}  # position in ``flat`` -> the chunk's own text, where the model reads it recased
    for article in group:
        chunks, read = chunks_for_model(article.text, nlp.max_length)
        if chunks and read[0] != chunks[0]:  # only an opening title is read otherwise
            as_written[len(flat)] = chunks[0]
        counts.append(len(chunks))
        flat.extend(read)
    sizes = [len(chunk) for chunk in flat]
    parse_with = model_components(nlp)
    if gate is None:
        parsed = _pipe(nlp, parse_with, flat, sizes, n_process)
    else:
        # Pass 1: the light components (the entity recognizer) on every paragraph.
        light = [name for name in parse_with if name in gate.light_components]
        parsed = _pipe(nlp, light, flat, sizes, n_process)
        # Pass 2: the rest of the model on the paragraphs that can hold a claim or introduce a person.
        rest = [name for name in parse_with if name not in light]
        full = [i for i, doc in enumerate(parsed) if gate.needs_parse(flat[i]) or gate.introduces(doc)]
        if full and rest:
            done = _pipe(nlp, rest, [parsed[i] for i in full], [sizes[i] for i in full], n_process)
            for i, doc in zip(full, done, strict=True):
                parsed[i] = doc
            del done
        chosen = set(full)
        parsed = [doc if i in chosen else gate.finish(doc) for i, doc in enumerate(parsed)]
    for i, own in as_written.items():
        parsed[i] = as_read(parsed[i], own)
    del flat
    parsed.reverse()  # taken from the end: once an article's chunks are joined, the joined Doc is all that is kept
    out = []
    for count in counts:
        parts = [parsed.pop() for _ in range(count)]
        if not parts:
            out.append(nlp.make_doc(""))
        else:
            out.append(Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"]))  # type: ignore[call-arg]  # spaCy's stub lacks exclude
        del parts
    return out


def _pipe(nlp: Language, components: list[str], items: list, sizes: list[int], n_process: int) -> list[Doc]:
    """``items`` (texts or Docs of ``sizes`` characters) through ``components``, at most
    :data:`BATCH_CHARS` characters to a batch; each Doc without its ``tensor``.

    In this process the rule-based components run as their stand-ins (:mod:`claimex.nlp.standins`:
    the same annotations, less Python per token), with one BLAS thread (:mod:`claimex.nlp.blas`)."""
    if not items:
        return []
    if n_process > 1:  # one pool for all: a uniform batch size that keeps the longest chunks within budget
        batch_size = max(1, min(BATCH_CHUNKS, BATCH_CHARS // max(max(sizes), 1)))
        with nlp.select_pipes(enable=components):
            docs = list(nlp.pipe(items, batch_size=batch_size, n_process=n_process))
    else:
        steps = _steps(nlp, components)
        docs = []
        with blas.one_blas_thread():
            for start, end in _char_batches(sizes):
                docs.extend(_run_steps(nlp, steps, items[start:end]))
    for doc in docs:
        if doc.tensor.size:
            doc.tensor = numpy.zeros((0,), dtype="float32")
    return docs


# Per pipeline: component name -> (the component, what runs in its place: its stand-in or itself).
_STEPS: weakref.WeakKeyDictionary[Language, dict[str, tuple[Callable, Callable]]] = weakref.WeakKeyDictionary()


def _steps(nlp: Language, components: list[str]) -> list[tuple[str, Callable]]:
    """Each component, or its stand-in (built once per component; again if the pipeline's component changed)."""
    known = _STEPS.setdefault(nlp, {})
    steps = []
    for name in components:
        proc = nlp.get_pipe(name)
        if name not in known or known[name][0] is not proc:
            known[name] = (proc, standins.stand_in(proc) or proc)
        steps.append((name, known[name][1]))
    return steps


def prepare(nlp: Language) -> None:
    """Build now what :func:`annotate` builds on first use (the paragraph gate, the stand-ins), so that
    processes forked from ``nlp`` inherit them instead of each building its own."""
    resolve_gate(nlp)
    _steps(nlp, model_components(nlp))


def _run_steps(nlp: Language, steps: list[tuple[str, Callable]], items: list) -> list[Doc]:
    """One batch through ``steps`` as ``nlp.pipe`` runs it in one process (listeners see the same batch)."""
    docs = [nlp.make_doc(item) if isinstance(item, str) else item for item in items]
    for _, proc in steps:
        pipe = getattr(proc, "pipe", None)
        docs = list(pipe(docs, batch_size=len(docs))) if pipe is not None else [proc(doc) for doc in docs]
    return docs


def _char_batches(sizes: list[int]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` index ranges of consecutive items, each at most :data:`BATCH_CHARS` characters
    and :data:`BATCH_CHUNKS` items (an item longer than the budget alone)."""
    start = total = 0
    for i, size in enumerate(sizes):
        if i > start and (total + size > BATCH_CHARS or i - start >= BATCH_CHUNKS):
            yield start, i
            start, total = i, 0
        total += size
    if start < len(sizes):
        yield start, len(sizes)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
