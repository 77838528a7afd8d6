"""Learn the confidence model (:mod:`claimex.cuemodel.confidence`) from annotated news, out of fold.

The gold articles are parsed once, as ``claimex extract`` parses them (the paragraph gate on).  They
are cut into :data:`FOLDS` folds by their position in name order; for each fold a cue model is learned
from the other folds (:func:`claimex.cuemodel.train.learn_cue_model`) and claimex's components find the
fold's claims with it, so every row is one claimex would give on an article its cue model never saw.
Each row is labelled right when its statement matches a gold attribution and its source is right
(:func:`claimex.evaluation.who_said_what.score`), and described by :func:`claimex.cuemodel.confidence.claim_features`.

A logistic regression over those features gives each row an out-of-fold score (trained on the other
folds' rows; its regularization is the one whose out-of-fold scores have the least log loss); an
isotonic regression fitted on those scores maps a score to the share of rows that
are right; the model shipped is the logistic regression fitted on every row with that map.  Same
corpus, same spaCy model: same file.  Needs scikit-learn (``pip install ".[train]"``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..evaluation.gold import GoldDocument, load_gold
from ..evaluation.who_said_what import score
from ..lexicon.cues import PHRASE_CUES, RELAYING_VERBS, SPEECH_NOUNS, SPEECH_VERBS
from ..nlp.cues import DEFAULT_THRESHOLD, CueLexicon
from .confidence import ConfidenceModel, Layout, claim_features
from .train import TRAIN_HINT, learn_cue_model

FOLDS = 5
MIN_FEATURE_COUNT = 5  # rarer features carry noise, not evidence
REGULARIZATION_GRID = (0.03, 0.1, 0.3, 1.0)  # inverse strengths tried; the out-of-fold log loss picks one


def fold_of(position: int) -> int:
    return position % FOLDS


def parse_gold(documents: list[GoldDocument], nlp: Language, progress: Callable[[], None] | None = None) -> list[Doc]:
    """The model's parse of each gold article as ``claimex extract`` makes it, before claimex's components."""
    from ..article import Article
    from ..nlp.components import CLAIMEX_COMPONENTS
    from ..nlp.pipeline import annotate

    docs = []
    with nlp.select_pipes(disable=[name for name in CLAIMEX_COMPONENTS if name in nlp.pipe_names]):
        for _, doc in annotate(nlp, [Article(doc_id=d.doc_id, text=d.text) for d in documents]):
            docs.append(doc)
            if progress is not None:
                progress()
    return docs


def labelled_claims(
    documents: list[GoldDocument],
    docs: list[Doc],
    nlp: Language,
    progress: Callable[[], None] | None = None,
) -> list[tuple[list[str], int, int]]:
    """``(features, right, fold)`` of every claim claimex finds in the gold articles, out of fold."""
    examples: list[tuple[list[str], int, int]] = []
    for fold in range(FOLDS):
        held_out = [k for k in range(len(documents)) if fold_of(k) == fold]
        if not held_out:
            continue
        cue_model = learn_cue_model(
            (docs[k], documents[k].attributions) for k in range(len(documents)) if fold_of(k) != fold
        )
        lexicon = CueLexicon(
            SPEECH_VERBS, SPEECH_NOUNS, dict(PHRASE_CUES), RELAYING_VERBS, cue_model, DEFAULT_THRESHOLD
        )
        for k in held_out:
            examples += _labelled(documents[k], _claimex_components(nlp, lexicon)(docs[k]), fold)
            if progress is not None:
                progress()
    return examples


def _claimex_components(nlp: Language, lexicon: CueLexicon) -> Callable[[Doc], Doc]:
    """claimex's components up to the claims' kinds, as ``nlp`` has them, the attribution with ``lexicon``."""
    from ..nlp.components import make_attribution

    steps = [
        nlp.get_pipe("claimex_paragraphs"),
        nlp.get_pipe("claimex_quotations"),
        make_attribution(nlp, "claimex_attribution", lexicon, learned=True, threshold=DEFAULT_THRESHOLD),
        nlp.get_pipe("claimex_speakers"),
        nlp.get_pipe("claimex_kinds"),
    ]

    def run(doc: Doc) -> Doc:
        for step in steps:
            doc = step(doc)
        return doc

    return run


def _labelled(document: GoldDocument, doc: Doc, fold: int) -> list[tuple[list[str], int, int]]:
    from ..article import Article
    from ..nlp.keys import CLAIMS
    from ..records import doc_to_records
    from ..table import to_frame

    claims = list(doc.spans.get(CLAIMS, []))
    rows = doc_to_records(doc, Article(doc_id=document.doc_id, text=document.text))
    report = score(to_frame(rows), [document])
    right = {report._preds[pair.pred].index for pair in report._pairs if pair.source_right}
    layout = Layout.of(doc)
    return [(claim_features(claim, layout), int(k in right), fold) for k, claim in enumerate(claims)]


def fit_confidence(examples: list[tuple[list[str], int, int]], meta: dict | None = None) -> ConfidenceModel:
    """The logistic regression on every example, with the isotonic map fitted on out-of-fold scores
    (``examples`` carry their fold; a fold's scores come from a regression fitted on the others).  The
    regularization is the one of :data:`REGULARIZATION_GRID` whose out-of-fold scores have the least log loss."""
    try:
        from sklearn.isotonic import IsotonicRegression
    except ImportError as exc:
        raise ImportError(TRAIN_HINT) from exc
    labels = [label for _, label, _ in examples]
    if len(set(labels)) < 2:
        raise ValueError("the gold data needs both right and wrong rows to learn from")
    folds = sorted({f for _, _, f in examples})
    if len(folds) < 2 or any(len({y for _, y, f in examples if f != fold}) < 2 for fold in folds):
        raise ValueError(
            f"too little gold to learn out of fold: give {FOLDS} articles or more, with right and wrong rows"
        )
    regularization, scores = min(
        ((c, _out_of_fold(examples, c)) for c in REGULARIZATION_GRID), key=lambda pair: _log_loss(pair[1], labels)
    )
    isotonic = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(scores, labels)
    points = [
        (round(float(x), 6), round(float(y), 6))
        for x, y in zip(isotonic.X_thresholds_, isotonic.y_thresholds_, strict=True)
    ]
    weights, bias = _fit(examples, regularization)
    meta = dict(
        meta or {},
        n_rows=len(examples),
        n_right=sum(labels),
        folds=FOLDS,
        regularization=regularization,
        out_of_fold_log_loss=round(_log_loss(scores, labels), 5),
    )
    return ConfidenceModel(weights, bias, points, meta)


def _out_of_fold(examples: list[tuple[list[str], int, int]], regularization: float) -> list[float]:
    scores = [0.0] * len(examples)
    for fold in sorted({f for _, _, f in examples}):
        model = ConfidenceModel(*_fit([e for e in examples if e[2] != fold], regularization))
        for k, (features, _, f) in enumerate(examples):
            if f == fold:
                scores[k] = model.score(features)
    return scores


def _log_loss(scores: list[float], labels: list[int]) -> float:
    eps = 1e-6
    total = sum(
        -math.log(max(s, eps)) if y else -math.log(max(1 - s, eps)) for s, y in zip(scores, labels, strict=True)
    )
    return total / len(labels)


def _fit(examples: list[tuple[list[str], int, int]], regularization: float) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for features, _, _ in examples:
        for name in features:
            counts[name] = counts.get(name, 0) + 1
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(
        [{f: 1 for f in features if counts[f] >= MIN_FEATURE_COUNT} for features, _, _ in examples]
    )
    classifier = LogisticRegression(C=regularization, max_iter=5000)
    classifier.fit(matrix, [label for _, label, _ in examples])
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vectorizer.get_feature_names_out(), classifier.coef_[0], strict=True)
        if round(float(w), 5)
    }
    return weights, round(float(classifier.intercept_[0]), 5)


def train_confidence_model(
    gold_path: Path | str, nlp: Language, *, progress: Callable[[], None] | None = None
) -> ConfidenceModel:
    """Parse the gold articles with ``nlp`` (claimex's pipeline) and learn the confidence model out of fold.
    ``progress`` is called once per article parsed and once per article judged."""
    documents = load_gold(gold_path)
    docs = parse_gold(documents, nlp, progress)
    examples = labelled_claims(documents, docs, nlp, progress)
    meta = {
        "corpus": Path(gold_path).name,
        "spacy_model": f"{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}",
    }
    return fit_confidence(examples, meta)
