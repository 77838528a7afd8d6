"""claimex's spaCy components: each annotates the Doc with one concern.

=========================  ===========================  ==================================
component                  requires                     assigns
=========================  ===========================  ==================================
``claimex_paragraphs``     (text only)                  ``doc.spans["claimex_paragraphs"]``
``claimex_quotations``     paragraphs                   ``doc.spans["claimex_quotations"]``
``claimex_attribution``    parse, quotations            ``doc.spans["claims"]``, ``Span._.cue``,
                                                        ``Span._.speaker``, ``Span._.quote_type``
``claimex_speakers``       entities, claims             ``Span._.speaker_name``, ``Span._.speaker_type``
``claimex_kinds``          parse, claims                ``Span._.claim_kind``
``claimex_confidence``     claims, speakers, kinds      ``Span._.confidence``
=========================  ===========================  ==================================

Claims are spans over the statement; a direct quotation's span excludes its
quotation marks.  Strategies (the cue lexicon) are injected by registered,
versioned names, so a config can swap them; the cue model is the attribution
component's state, saved with the pipeline (``nlp.to_disk``) and read back by
``spacy.load``.

The components annotate the Doc :func:`claimex.nlp.pipeline.annotate` builds
(each paragraph parsed on its own, an opening title in sentence case), so they
are run through :class:`claimex.ClaimExtractor` (or the API), never as
``nlp(text)``, which raises rather than give other claims.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, Self

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import registry

from ..cuemodel.confidence import ConfidenceModel, Layout, claim_features, shipped_model
from ..cuemodel.model import CueModel
from ..lexicon.acronyms import is_acronym
from ..speakermodel.descriptions import DescriptionRanker
from ..speakermodel.ranker import AntecedentRanker
from . import cleaning, quotes
from .attribution import find_claims
from .attribution.signatures import is_credit_line
from .conjunct_tense import repair_conjunct_tense
from .cues import DEFAULT_THRESHOLD, SHIPPED_MODEL, CueLexicon, shipped_cue_model
from .entities import titled_names
from .keys import CLAIMS, PARAGRAPHS, QUOTATIONS, READ_BY_CLAIMEX
from .kinds import KindLexicon, claim_kind, default_lexicon
from .nominal_roots import repair_nominal_roots
from .profiles import org_name, speaker_profile
from .role_heads import repair_role_heads
from .speakers import FIRST_PERSON, Speaker, SpeakerResolver
from .syntax import relative_pronoun
from .title_openings import repair_title_openings

CUE_MODEL_FILE = SHIPPED_MODEL  # cue_model.json, in the component's folder of a saved pipeline
CONFIDENCE_MODEL_FILE = "confidence_model.json"  # likewise, in claimex_confidence's folder


NOT_READ_BY_CLAIMEX = (
    "claimex's components annotate the Doc that claimex parses paragraph by paragraph, not nlp(text): use "
    "claimex.ClaimExtractor(nlp)(text) or claimex.extract_text(text, nlp=nlp)"
)


def _char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def mark_paragraphs(doc: Doc) -> Doc:
    """Marks each paragraph with its kind (body, boilerplate, header, headline)."""
    if not doc.user_data.get(READ_BY_CLAIMEX):
        raise ValueError(NOT_READ_BY_CLAIMEX)
    spans = []
    for paragraph in cleaning.classify_paragraphs(doc.text):
        span = _char_span(doc, paragraph.start, paragraph.end, paragraph.kind)
        if span is not None:
            spans.append(span)
    doc.spans[PARAGRAPHS] = SpanGroup(doc, name=PARAGRAPHS, spans=spans)
    return doc


def mark_quotations(doc: Doc) -> Doc:
    """Pairs quotation marks, across paragraphs where a quote runs on; spans exclude the marks."""
    paragraph_spans = [(p.start_char, p.end_char) for p in doc.spans.get(PARAGRAPHS, [])]
    spans = []
    for quotation in quotes.find_quotations(doc.text, paragraph_spans):
        end = _end_before_credit(doc, quotation)
        span = _inner_span(doc, quotation.inner_start, end, "closed" if quotation.closed else "open")
        if span is not None and len(span):
            spans.append(span)
    doc.spans[QUOTATIONS] = SpanGroup(doc, name=QUOTATIONS, spans=spans)
    return doc


def _inner_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The tokens of a quotation's words, without a token of marks that reaches past them (the tokenizer keeps
    the three apostrophes of "'old-school,'''" together: a nested closing mark and the quotation's own)."""
    span = _char_span(doc, start, end, label)
    if span is None:
        return None
    first, last = span.start, span.end
    if last - first > 1 and doc[last - 1].idx + len(doc[last - 1]) > end and _only_marks(doc[last - 1].text):
        last -= 1
    if last - first > 1 and doc[first].idx < start and _only_marks(doc[first].text):
        first += 1
    return span if (first, last) == (span.start, span.end) else Span(doc, first, last, label=label)


def _only_marks(text: str) -> bool:
    return all(ch in quotes.DOUBLE_MARKS or ch in "'‘’" for ch in text)


def _end_before_credit(doc: Doc, quotation: quotes.Quotation) -> int:
    """Where the quoted words end: the quotation's inner end, or the end of the paragraph before its last one when
    that last one, joined without a reopening mark, is a credit line set inside the closing mark
    ("\"… I never begrudged it.¶Bill Clinton.\"")."""
    if len(quotation.pieces) < 2:
        return quotation.inner_end
    start, end = quotation.pieces[-1]
    line_start = doc.text.rfind("\n", 0, start) + 1
    opening = doc.text[line_start:start]
    if "''" in opening or any(ch in quotes.DOUBLE_MARKS for ch in opening):
        return quotation.inner_end  # reopened: the paragraph is quoted words
    line = _char_span(doc, start, end)
    return quotation.pieces[-2][1] if line is not None and is_credit_line(line) else quotation.inner_end


class _JsonModel(Protocol):
    """What :class:`_SavedModel` needs of a model: JSON text both ways, an atomic save."""

    @classmethod
    def from_json(cls, text: str) -> Self: ...

    def to_json(self) -> str: ...

    def save(self, path: Path | str) -> None: ...


class _SavedModel:
    """spaCy's serialization for a component whose state is one model, saved as ``model_file`` (JSON) in the
    component's folder of a saved pipeline; the subclass says how to get and set the model."""

    model_file: str
    model_type: type[_JsonModel]

    def _saved(self):
        raise NotImplementedError

    def _restore(self, model) -> None:
        raise NotImplementedError

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        model = self._saved()
        return srsly.msgpack_dumps({self.model_file: model.to_json() if model is not None else None})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()):
        text = srsly.msgpack_loads(data).get(self.model_file)
        if text is not None:
            self._restore(self.model_type.from_json(text))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        model = self._saved()
        if model is not None:
            model.save(path / self.model_file)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()):
        file = Path(path) / self.model_file
        if file.exists():
            self._restore(self.model_type.from_json(file.read_text(encoding="utf-8")))
        return self


class Attribution(_SavedModel):
    """``claimex_attribution``: finds claims, statements with their cue and the speaker's words.

    Its state is the cue lexicon: the word lists of the registered ``lexicon`` strategy and, when
    ``learned``, the cue model (:mod:`claimex.cuemodel.model`).  The model is the shipped one unless
    :meth:`initialize` is given another (``cue_model``, a file written by ``claimex train-cues``) or
    the component is loaded from a saved pipeline: :meth:`to_disk` writes it into the pipeline's
    folder (``claimex_attribution/cue_model.json``) and :meth:`from_disk` reads it back.  It is read
    once, when first needed.
    """

    model_file = CUE_MODEL_FILE
    model_type = CueModel

    def __init__(self, nlp: Language, name: str, *, lexicon: CueLexicon, learned: bool, threshold: float):
        self.name = name
        self.words = lexicon
        self.learned = learned
        self.threshold = threshold
        self._model = lexicon.model  # a strategy may bring its own (claimex.cue_lexicon.v3)
        self._lexicon: CueLexicon | None = None

    @property
    def cue_model(self) -> CueModel | None:
        if not self.learned:
            return None
        if self._model is None:
            self._model = shipped_cue_model()
        return self._model

    @cue_model.setter
    def cue_model(self, model: CueModel | None) -> None:
        self._model, self._lexicon = model, None

    @property
    def lexicon(self) -> CueLexicon:
        """The word lists with the cue model and threshold: what the attribution rules and the paragraph gate use."""
        if self._lexicon is None:
            self._lexicon = dataclasses.replace(self.words, model=self.cue_model, threshold=self.threshold)
        return self._lexicon

    def initialize(
        self, get_examples: Callable | None = None, *, nlp: Language | None = None, cue_model: str = ""
    ) -> None:
        """Use the cue model in the file ``cue_model`` (``[initialize.components.claimex_attribution]``), else the shipped one."""
        if self.learned:
            self.cue_model = CueModel.load(cue_model) if cue_model else shipped_cue_model()

    def __call__(self, doc: Doc) -> Doc:
        body = [p for p in doc.spans.get(PARAGRAPHS, []) if p.label_ in cleaning.READABLE]
        quotations = list(doc.spans.get(QUOTATIONS, []))
        spans = []
        by_claim = {}
        for claim in find_claims(doc, self.lexicon, quotations, body):
            span = doc[claim.start : claim.end]
            span._.cue = claim.cue
            span._.speaker = claim.source
            span._.quote_type = claim.quote_type
            span._.cue_probability = claim.probability
            span._.floating = claim.floating
            span._.floating_distance = claim.distance
            if claim.pieces:
                span._.pieces = [doc[start:end] for start, end in claim.pieces]
            by_claim[id(claim)] = span
            if claim.continues is not None:
                span._.continues = by_claim.get(id(claim.continues))
            spans.append(span)
        doc.spans[CLAIMS] = SpanGroup(doc, name=CLAIMS, spans=spans)
        return doc

    def _saved(self) -> CueModel | None:
        return self.cue_model

    def _restore(self, model: CueModel) -> None:
        self.cue_model = model


def entities(doc: Doc) -> Doc:
    """The entities component: parse repairs (main verbs taken for participles, conjuncts hung on the wrong verb, role
    nouns, opening offices) first, so that the title rules see their names."""
    return titled_names(repair_title_openings(repair_role_heads(repair_conjunct_tense(repair_nominal_roots(doc)))))


# The factories: paragraphs and quotations are plain functions, the attribution a class with its state
# (the cue model), the speakers a function of its registered antecedent ranker.
# pyproject's spacy_factories entry points name them, so spacy.load() of a saved pipeline finds them.


@Language.factory(
    "claimex_entities", requires=["doc.ents"], assigns=["doc.ents", "token.tag", "token.pos", "token.dep", "token.head"]
)
def make_entities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The model's output corrected where claimex's readers depend on it: role nouns the tagger took for another
    word made the heads of their noun phrases (:mod:`claimex.nlp.role_heads`), names after an opening office given
    the parse of an apposition (:mod:`claimex.nlp.title_openings`), then titled names the recognizer took for another
    kind of entity given back to their person (:mod:`claimex.nlp.entities`)."""
    return entities


@Language.factory("claimex_paragraphs", assigns=["doc.spans"])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return mark_paragraphs


@Language.factory("claimex_quotations", requires=["doc.spans"], assigns=["doc.spans"])
def make_quotations(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return mark_quotations


@Language.factory(
    "claimex_attribution",
    default_config={"lexicon": {"@misc": "claimex.cue_lexicon.v1"}, "learned": True, "threshold": DEFAULT_THRESHOLD},
    requires=["token.dep", "token.lemma", "doc.spans"],
    assigns=[
        "doc.spans",
        "span._.cue",
        "span._.speaker",
        "span._.quote_type",
        "span._.cue_probability",
        "span._.floating",
    ],
)
def make_attribution(nlp: Language, name: str, lexicon: CueLexicon, learned: bool, threshold: float) -> Attribution:
    return Attribution(nlp, name, lexicon=lexicon, learned=learned, threshold=threshold)


@Language.factory(
    "claimex_speakers",
    default_config={
        "ranker": {"@misc": "claimex.antecedent_ranker.v1"},
        "descriptions": {"@misc": "claimex.description_ranker.v1"},
    },
    requires=["doc.ents", "doc.spans"],
    assigns=["span._.speaker_name", "span._.speaker_type", "span._.speaker_entity", "span._.speaker_org"],
)
def make_speakers(nlp: Language, name: str, ranker: AntecedentRanker, descriptions: DescriptionRanker):
    """Resolves each claim's speaker to the fullest name the article gives; ``ranker`` ranks a pronoun's
    antecedents, ``descriptions`` the people a description may mean (registered strategies:
    ``claimex.antecedent_ranker.v1``, ``claimex.description_ranker.v1``, learned by ``claimex train-speakers``)."""

    def speakers(doc: Doc) -> Doc:
        resolver = SpeakerResolver(doc, ranker, descriptions)
        claims = list(doc.spans.get(CLAIMS, []))
        enclosing = _enclosing_claims(claims)
        first_person = {id(c) for c in claims if id(c) in enclosing and c._.speaker[0].lower_ in FIRST_PERSON}
        # The title sums up the article: its speakers are resolved by the body ("…: Spokesperson"), and
        # are no antecedents for the body's pronouns; so its claims come last.  "I" inside a quotation is
        # resolved once the quotation's own speaker is.
        order = sorted(claims, key=lambda claim: (claim.start < resolver.title_end, id(claim) in first_person))
        for claim in order:
            continued = claim._.continues
            if continued is not None and continued._.speaker_name:
                claim._.speaker_name = continued._.speaker_name
                claim._.speaker_type = continued._.speaker_type
                claim._.speaker_entity = continued._.speaker_entity
                continue
            outer = enclosing.get(id(claim))
            quoting = None
            if outer is not None and id(claim) in first_person and outer._.speaker_name:
                quoting = Speaker(outer._.speaker_name, outer._.speaker_type, outer._.speaker_entity)
            speaker = resolver.resolve(_speaking_words(claim), quoting, nested=outer is not None)
            if claim.start < resolver.title_end and (speaker is None or speaker.type == "OTHER"):
                speaker = _body_speaker_of(claim, claims, resolver.title_end) or speaker
            if speaker is not None:
                claim._.speaker_name = speaker.name
                claim._.speaker_type = speaker.type
                claim._.speaker_entity = speaker.entity
        for claim in claims:
            claim._.speaker_org = _organization_named(claim, resolver)
        return doc

    return speakers


def _organization_named(claim: Span, resolver: SpeakerResolver) -> str:
    """The organization a person's descriptor names, as fully as the article names it, where the descriptor
    gives less: an acronym the article spells out ("IMF chief economist" -> International Monetary Fund) or a
    description of a body it names ("the council's president" -> Council of Ontario Universities); else ""."""
    if claim._.speaker_type != "PERSON":
        return ""
    profile = speaker_profile(claim)
    mention = profile.org_mention
    if mention is None or (profile.org and not is_acronym(profile.org)):
        return ""
    found = resolver.organization(mention, profile.org)
    return org_name(found) if found is not None else ""


_MIN_ECHO_WORDS = 3  # a title's quotation shorter than this may be anyone's words
_QUOTE_MARKS = frozenset("'\"‘’“”")


def _body_speaker_of(claim: Span, claims: list[Span], title_end: int) -> Speaker | None:
    """The speaker of the body's claim that quotes a title's quotation again ("‘Don't be fooled,’ says chief
    skeptical of Ottawa" ... "“Don't be fooled, ladies and gentlemen,” said Wallace Fox"), when the title describes
    them only: a named person or organization; else None."""
    words = _words_said(claim)
    if len(words) < _MIN_ECHO_WORDS or not _quoted(claim):  # a title's paraphrase may be anyone's
        return None
    for other in claims:
        if other.start < title_end or other._.speaker_type not in ("PERSON", "ORG"):
            continue
        said = _words_said(other)
        if any(said[k : k + len(words)] == words for k in range(len(said) - len(words) + 1)):
            return Speaker(other._.speaker_name, other._.speaker_type, other._.speaker_entity)
    return None


def _quoted(claim: Span) -> bool:
    """Whether a statement opens with a quotation mark (a title's single quotes too: "'Don't be fooled,' says")."""
    doc = claim.doc
    before = doc[claim.start - 1].text if claim.start else ""
    return claim.text[:1] in _QUOTE_MARKS or before[-1:] in _QUOTE_MARKS


def _words_said(claim: Span) -> list[str]:
    """A statement's words, lower case, without quotation marks and punctuation."""
    words = (t.lower_.strip("'\"‘’“”") for t in claim if not t.is_punct or t.lower_ in ("n't", "'s"))
    return [w for w in words if w]


def _speaking_words(claim: Span) -> Span | None:
    """The words to resolve a claim's speaker from: its mention, or the relative pronoun through which a list of
    names speaks ("Patti LaBelle and Stevie Wonder, who joked ...": the parser hangs the clause on the first name,
    the pronoun stands for the nearest)."""
    mention, cue = claim._.speaker, claim._.cue
    if mention is None or cue is None or len(cue) != 1 or mention.root.pos_ != "PROPN":
        return mention
    if not any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in mention.root.children):
        return mention
    pronoun = relative_pronoun(cue[0], mention.root)
    return mention.doc[pronoun.i : pronoun.i + 1] if pronoun is not None else mention


def _enclosing_claims(claims: list[Span]) -> dict[int, Span]:
    """id(claim) -> the claim whose statement holds its speaker's words ("“I believe that ...,” she said";
    "rejected Pompeo’s statement that ..."), for the claims nested so."""
    found = {}
    starts = [c.start for c in claims]
    for claim in claims:
        mention = claim._.speaker
        if mention is None or len(mention) == 0:
            continue
        last = bisect_right(starts, mention.start) - 1
        for k in range(last, max(last - 50, -1), -1):
            other = claims[k]
            if other is not claim and other.start <= mention.start < other.end:
                found[id(claim)] = other
                break
    return found


@registry.misc("claimex.claim_kinds.v1")
def make_kind_lexicon() -> KindLexicon:
    """The cue words' kinds and the things that can be a source, as listed in ``claimex/data``."""
    return default_lexicon()


@Language.factory(
    "claimex_kinds",
    default_config={"lexicon": {"@misc": "claimex.claim_kinds.v1"}},
    requires=["doc.spans", "token.dep", "token.lemma"],
    assigns=["span._.claim_kind"],
)
def make_kinds(nlp: Language, name: str, lexicon: KindLexicon):
    """Tells each claim's kind: speech, thought, evidence or action."""

    def kinds(doc: Doc) -> Doc:
        for claim in doc.spans.get(CLAIMS, []):
            claim._.claim_kind = claim_kind(claim._.cue, claim._.speaker, claim, claim._.quote_type, lexicon)
        return doc

    return kinds


class Confidence(_SavedModel):
    """``claimex_confidence``: gives each claim the probability that its row is right (statement and speaker).

    Its state is the confidence model (:mod:`claimex.cuemodel.confidence`): the shipped one unless
    :meth:`initialize` is given another (``confidence_model``, a file written by ``claimex
    train-confidence``) or the component is loaded from a saved pipeline: :meth:`to_disk` writes it
    into the pipeline's folder (``claimex_confidence/confidence_model.json``) and :meth:`from_disk`
    reads it back.  Without a model every confidence stays None (null).
    """

    model_file = CONFIDENCE_MODEL_FILE
    model_type = ConfidenceModel

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self._model: ConfidenceModel | None = None
        self._read = False  # the shipped model is read once, when first needed

    @property
    def model(self) -> ConfidenceModel | None:
        if not self._read:
            self._model, self._read = shipped_model(), True
        return self._model

    @model.setter
    def model(self, model: ConfidenceModel | None) -> None:
        self._model, self._read = model, True

    def initialize(
        self, get_examples: Callable | None = None, *, nlp: Language | None = None, confidence_model: str = ""
    ) -> None:
        """Use the model in the file ``confidence_model`` (``[initialize.components.claimex_confidence]``),
        else the shipped one."""
        self.model = ConfidenceModel.load(confidence_model) if confidence_model else shipped_model()

    def __call__(self, doc: Doc) -> Doc:
        model = self.model
        if model is not None:
            layout = Layout.of(doc)
            for claim in doc.spans.get(CLAIMS, []):
                claim._.confidence = model.probability(claim_features(claim, layout))
        return doc

    def _saved(self) -> ConfidenceModel | None:
        return self.model

    def _restore(self, model: ConfidenceModel) -> None:
        self.model = model


@Language.factory(
    "claimex_confidence",
    requires=["doc.spans", "span._.claim_kind", "span._.speaker_name"],
    assigns=["span._.confidence"],
)
def make_confidence(nlp: Language, name: str) -> Confidence:
    return Confidence(nlp, name)


CLAIMEX_COMPONENTS = (
    "claimex_entities",
    "claimex_paragraphs",
    "claimex_quotations",
    "claimex_attribution",
    "claimex_speakers",
    "claimex_kinds",
    "claimex_confidence",
)
