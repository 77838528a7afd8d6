"""Learn the cue model (:mod:`claimex.cuemodel.model`) from annotated news.

Only words claimex reads for cues are learned from: body paragraphs and the
title outside direct quotations (:func:`cue_positions`).  Labels come from gold
attributions: a construction is positive when its cue, speaker and statement
agree with an annotated one.  The extent classifier is fitted first, and the
constructions are labelled with the extended statements.

Retrain with ``claimex train-cues ../shared/polnear/train`` (needs
``pip install ".[train]"`` for scikit-learn; deterministic: same corpus, same
spaCy model, same weights).  Nothing in claimex's extraction imports this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.tokens import Doc, Token

from ..nlp import cleaning, quotes
from ..nlp.syntax import RELATIVE_PRONOUNS
from .model import (
    DROP,
    CueModel,
    construction_features,
    constructions,
    extent_features,
    speaker_of,
    statement_relations,
    walk_extent,
)

MIN_FEATURE_COUNT = 2  # features seen once carry noise, not evidence
MIN_CUE_POSITIVES = 2  # a lemma becomes a known cue (the paragraph gate parses it) after this many attributions
REGULARIZATION_C = 1.0
TRAIN_HINT = 'training the cue model needs scikit-learn: pip install ".[train]"'


def _content_ids(tokens: Iterable[Token]) -> set[int]:
    return {t.i for t in tokens if not (t.is_punct or t.is_space)}


def _agrees(predicted: set[int], gold: set[int]) -> bool:
    shared = len(predicted & gold)
    return bool(shared) and shared >= 0.5 * len(predicted) and shared >= 0.5 * len(gold)


def _token_ids(doc: Doc, spans) -> set[int]:
    ids: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            ids |= _content_ids(span)
    return ids


def cue_positions(doc: Doc) -> list[bool]:
    """Which tokens claimex reads as cues: those of body paragraphs and the title outside direct quotations
    (as :func:`claimex.nlp.attribution.find_claims` does), so the classifier learns from what it will judge."""
    paragraphs = cleaning.classify_paragraphs(doc.text)
    readable = [False] * (len(doc.text) + 1)
    for paragraph in paragraphs:
        if paragraph.kind in cleaning.READABLE:
            readable[paragraph.start : paragraph.end] = [True] * (paragraph.end - paragraph.start)
    for quotation in quotes.find_quotations(doc.text, [(p.start, p.end) for p in paragraphs]):
        start, end = quotation.inner_start, quotation.inner_end
        readable[start:end] = [False] * (end - start)
    return [readable[token.idx] for token in doc]


def extent_examples(doc: Doc, attributions: list) -> Iterable[tuple[list[str], int]]:
    """``(features, label)`` of the units of every construction whose cue and speaker agree with a gold
    attribution and whose statement overlaps its content: a trailing unit is positive when most of
    it lies outside the gold content, a further unit when most of it lies inside.  Units are
    judged in the order :meth:`CueModel.extend` judges them, up to the first one that stays."""
    for attribution in attributions:
        cue_ids = _token_ids(doc, attribution.cue_spans)
        content = _token_ids(doc, attribution.content_spans)
        source = _token_ids(doc, attribution.source_spans)
        if not content:
            continue
        for i in sorted(cue_ids):
            cue = doc[i]
            if cue.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            speaker = speaker_of(cue)
            if speaker is None or speaker.i not in source:
                continue
            for relation, statement in statement_relations(cue):
                if not _content_ids(statement) & content:
                    continue
                examples: list[tuple[list[str], int]] = []
                walk_extent(cue, statement, _labeller(cue, relation, content, examples))
                yield from examples
            break


def _labeller(
    cue: Token, relation: str, content: set[int], examples: list[tuple[list[str], int]]
) -> Callable[[str, Token], bool | None]:
    """A ``decide`` for :func:`walk_extent` that judges each unit by the gold ``content`` (most of a
    dropped unit outside it, most of an added unit inside) and records its example in ``examples``."""

    def label(kind: str, unit: Token) -> bool | None:
        words = _content_ids(unit.subtree)
        if not words:
            return None  # nothing to learn from
        inside = 2 * len(words & content) >= len(words)
        decision = not inside if kind == DROP else inside
        examples.append((extent_features(kind, unit, relation, cue), int(decision)))
        return decision

    return label


def learn_cue_model(pairs: Iterable[tuple[Doc, list]], meta: dict | None = None) -> CueModel:
    """Fit the extent classifier, then the construction classifier on the extended statements.

    ``pairs`` yields ``(doc, attributions)`` where each attribution has
    ``cue_spans``, ``content_spans`` and ``source_spans`` as character offsets
    (:class:`claimex.evaluation.gold.GoldAttribution`).
    """
    pairs = list(pairs)  # read twice: once per classifier
    extent = [example for doc, attributions in pairs for example in extent_examples(doc, attributions)]
    if len({label for _, label in extent}) == 2:
        extent_weights, extent_bias = _fit(extent)
    else:  # too little gold to tell: statements keep the parse's extent
        extent_weights, extent_bias = {}, 0.0
    model = CueModel(extent_weights=extent_weights, extent_bias=extent_bias)
    examples: list[tuple[list[str], int]] = []
    positives: dict[tuple[str, str], int] = {}
    for doc, attributions in pairs:
        gold = []
        for attribution in attributions:
            cue = _token_ids(doc, attribution.cue_spans)
            if cue:
                gold.append(
                    (cue, _token_ids(doc, attribution.content_spans), _token_ids(doc, attribution.source_spans))
                )
        read = cue_positions(doc)
        for token, relation, statement, speaker in constructions(doc):
            if not read[token.i]:
                continue
            statement = model.extend(token, relation, statement)
            content = _content_ids(statement)
            # Annotators mark a relative pronoun ("Bush, who announced ...") as the source; claimex names its antecedent.
            named = {speaker.i} | {
                c.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS
            }
            label = any(
                token.i in cue and named & source and _agrees(content, gold_content)
                for cue, gold_content, source in gold
            )
            examples.append((construction_features(token, relation, statement, speaker), int(label)))
            if label:
                key = ("VERB" if token.pos_ == "AUX" else token.pos_, token.lemma_.lower())
                positives[key] = positives.get(key, 0) + 1
    n_positive = sum(label for _, label in examples)
    meta = dict(
        meta or {}, n_docs=len(pairs), n_constructions=len(examples), n_positive=n_positive, n_extent_units=len(extent)
    )
    if n_positive in (0, len(examples)):
        raise ValueError("the gold data needs both attributed and unattributed constructions to learn from")
    model.weights, model.bias = _fit(examples)
    model.cue_lemmas = {
        pos: frozenset(lemma for (p, lemma), n in positives.items() if p == pos and n >= MIN_CUE_POSITIVES)
        for pos in sorted({p for (p, lemma), n in positives.items() if n >= MIN_CUE_POSITIVES})
    }
    model.meta = meta
    return model


def _fit(examples: list[tuple[list[str], int]]) -> tuple[dict[str, float], float]:
    """Logistic regression over binary features seen at least :data:`MIN_FEATURE_COUNT` times;
    weights rounded, so retraining on the same data gives the same file."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise ImportError(TRAIN_HINT) from exc
    counts: dict[str, int] = {}
    for features, _ in examples:
        for name in features:
            counts[name] = counts.get(name, 0) + 1
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(
        [{f: 1 for f in features if counts[f] >= MIN_FEATURE_COUNT} for features, _ in examples]
    )
    classifier = LogisticRegression(C=REGULARIZATION_C, max_iter=5000).fit(matrix, [label for _, label in examples])
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vectorizer.get_feature_names_out(), classifier.coef_[0], strict=True)
        if round(float(w), 5)
    }
    return weights, round(float(classifier.intercept_[0]), 5)


def train_cue_model(gold_path: Path | str, nlp, *, progress=None) -> CueModel:
    """Parse the gold articles with ``nlp``'s model components and fit the cue model.

    Every paragraph is parsed (no gating), so the model does not depend on
    claimex's speed settings.  ``progress`` is called once per article.
    """
    from spacy.tokens import Doc as _Doc

    from ..evaluation.gold import load_gold
    from ..nlp.pipeline import as_read, chunks_for_model, model_components

    documents = load_gold(gold_path)

    def pairs():
        with nlp.select_pipes(enable=model_components(nlp)):
            for document in documents:
                chunks, read = chunks_for_model(document.text, nlp.max_length)
                parts = [as_read(doc, own) for doc, own in zip(nlp.pipe(read), chunks, strict=True)]
                doc = _Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"]) if parts else nlp.make_doc("")
                if progress is not None:
                    progress()
                yield doc, document.attributions

    meta = {
        "corpus": Path(gold_path).name,
        "spacy_model": f"{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}",
    }
    return learn_cue_model(pairs(), meta)
