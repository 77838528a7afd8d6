"""Learn the antecedent ranker of "he" and "she" from coreference chains (GUM's CoNLL files).

Each document of the train split is read by claimex itself (its text, one paragraph, through the
spaCy pipeline and claimex's components), and replayed through a :class:`SpeakerResolver` in text
order: before each claim's speaker is resolved, every "he"/"she" (and "him", "his", "her") before it
is a ranking problem.  Its candidates are the earlier people whose gender agrees, exactly as the
resolver finds them, each with :func:`claimex.speakermodel.ranker.candidate_features`; a candidate is right
when the mention the resolver saw (the person's latest name before the pronoun, or their latest claim)
lies in a mention of the pronoun's coreference chain.  A logistic regression over right and wrong
candidates gives the weights; problems without a right candidate, or with one candidate only, teach
nothing and are skipped.  5-fold cross-validation by document reports top-1 accuracy (the share of
problems whose best-scored candidate is right) of the learned weights and of the hand-set prior weights
(:data:`claimex.speakermodel.ranker.PRIOR_WEIGHTS`), with which the documents are replayed.

Limits, plainly: GUM marks no paragraphs (so the ``introduced`` feature, a paragraph ending by
introducing someone, never fires and learns nothing), and its genres (interviews, biographies, fiction, ...)
quote less than news, so "spoke" features are learned from fewer cases than recency and salience;
the labels inherit the recognizer's and parser's errors (a person the recognizer misses is no
candidate).  Deterministic: the same files and spaCy model give the same weights.

    claimex train-speakers ../shared/gum/coref   # needs pip install ".[train]" (scikit-learn)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..lexicon.gender import PRONOUN_GENDER
from .ranker import FEATURES, PRIOR_WEIGHTS, AntecedentRanker

TRAIN_HINT = 'training the antecedent ranker needs scikit-learn: pip install ".[train]"'
REGULARIZATION_C = 1.0
FOLDS = 5
_OPEN = re.compile(r"\(([a-z]+)-(\d+)")
_CLOSE = re.compile(r"([a-z]+)-(\d+)(?:-[^()\s]*)?\)")
P = TypeVar("P")  # a problem, as a trainer makes it


@dataclass
class CorefDocument:
    """One document of a CoNLL coreference file: its tokens, sentence starts and mentions."""

    name: str
    words: list[str]
    sentence_starts: list[int]
    mentions: list[tuple[int, int, str]]  # (first token, last token + 1, entity id)


def read_conll(path: Path | str) -> Iterator[CorefDocument]:
    """The documents of a GUM-style CoNLL file (``index<TAB>word<TAB>brackets``; a blank line ends a sentence)."""
    doc: CorefDocument | None = None
    stack: dict[str, list[int]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# begin document"):
            doc = CorefDocument(line.split()[-1], [], [0], [])
            stack = {}
        elif line.startswith("# end document"):
            if doc is not None and doc.words:
                yield doc
            doc = None
        elif doc is not None and not line.strip():
            if doc.sentence_starts[-1] != len(doc.words):
                doc.sentence_starts.append(len(doc.words))
        elif doc is not None and "\t" in line:
            _, word, brackets = (line.split("\t") + ["_", "_"])[:3]
            i = len(doc.words)
            doc.words.append(word)
            for _, entity in _OPEN.findall(brackets):
                stack.setdefault(entity, []).append(i)
            for _, entity in _CLOSE.findall(brackets):
                if stack.get(entity):
                    doc.mentions.append((stack[entity].pop(), i + 1, entity))
    if doc is not None and doc.words:
        yield doc


def train_split(coref_dir: Path | str, splits: Path | str | None = None) -> list[Path]:
    """GUM's train files: the ``.conll`` files of the documents ``splits.md`` lists under "## train" (beside
    ``coref_dir`` by default); without a splits file, every ``GUM_*.conll``."""
    coref_dir = Path(coref_dir)
    splits = Path(splits) if splits else coref_dir.parent / "splits.md"
    if not splits.is_file():
        return sorted(coref_dir.glob("GUM_*.conll"))
    sections = re.split(r"^## +", splits.read_text(encoding="utf-8"), flags=re.MULTILINE)
    train = next((section for section in sections if section.split("\n", 1)[0].strip() == "train"), "")
    names = re.findall(r"^\s*\*\s+(\S+)", train, flags=re.MULTILINE)
    return [coref_dir / f"{name}.conll" for name in names if (coref_dir / f"{name}.conll").is_file()]


def replayed_problems(
    document: CorefDocument, nlp, sampled: Callable[[Any], bool], problem_at: Callable[[Any, Any, list[int]], P]
) -> list[P]:
    """Read ``document`` as claimex reads an article and replay it through a :class:`SpeakerResolver` in text order:
    before each claim's speaker is resolved, every token before it that is ``sampled`` gives
    ``problem_at(resolver, token, gum_token)`` (``gum_token``: each Doc token's GUM word), kept when not empty."""
    from ..article import Article
    from ..nlp.keys import CLAIMS
    from ..nlp.pipeline import annotate
    from ..nlp.speakers import SpeakerResolver

    text, starts = _text_of(document.words, document.sentence_starts)
    ((_, doc),) = annotate(nlp, [Article(doc_id="gum", text=text)])  # as claimex reads an article
    gum_token = [_gum_index(starts, token.idx) for token in doc]
    resolver = SpeakerResolver(doc, AntecedentRanker(PRIOR_WEIGHTS))
    claims = sorted(doc.spans.get(CLAIMS, []), key=lambda c: c._.speaker.start if c._.speaker else c.start)
    tokens = [t for t in doc if sampled(t)]
    problems = []
    k = 0
    for claim in [*claims, None]:
        until = claim._.speaker.start if claim is not None and claim._.speaker is not None else len(doc)
        while k < len(tokens) and tokens[k].i < until:
            problem = problem_at(resolver, tokens[k], gum_token)
            if problem:
                problems.append(problem)
            k += 1
        if claim is not None:
            resolver.resolve(claim._.speaker)
    return problems


def problems_by_document(
    coref_dir: Path | str,
    nlp,
    problems_of: Callable[[CorefDocument, Any], list[P]],
    splits: Path | str | None = None,
    progress: Callable[[], None] | None = None,
) -> list[list[P]]:
    """``problems_of(document, nlp)`` for each document of GUM's train split, in order."""
    by_document = []
    for path in train_split(coref_dir, splits):
        for document in read_conll(path):
            by_document.append(problems_of(document, nlp))
            if progress is not None:
                progress()
    return by_document


def folds(by_document: list[list[P]]) -> Iterator[tuple[list[P], list[P]]]:
    """(train, test) problems of each of the ``FOLDS`` folds of cross-validation by document."""
    for fold in range(FOLDS):
        train = [p for k, problems in enumerate(by_document) if k % FOLDS != fold for p in problems]
        test = [p for k, problems in enumerate(by_document) if k % FOLDS == fold for p in problems]
        yield train, test


def logistic_regression(problems: list[list[tuple[dict[str, float], bool]]], names: tuple[str, ...], max_iter: int):
    """A logistic regression fitted to the candidates of ``problems``, right or wrong, their features read in the
    order of ``names`` (deterministic)."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise ImportError(TRAIN_HINT) from exc
    rows = [[features[name] for name in names] for problem in problems for features, _ in problem]
    labels = [int(right) for problem in problems for _, right in problem]
    model = LogisticRegression(C=REGULARIZATION_C, max_iter=max_iter)
    model.fit(rows, labels)
    return model


def corpus_meta(coref_dir: Path | str, nlp, by_document: list[list]) -> dict[str, Any]:
    """What a trained model says it was learned from: the corpus, the spaCy model and the number of documents and
    problems."""
    return {
        "corpus": f"{Path(coref_dir).name} train split",
        "spacy_model": f"{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}",
        "n_documents": len(by_document),
        "n_problems": sum(len(problems) for problems in by_document),
    }


def ranking_problems(document: CorefDocument, nlp) -> list[list[tuple[dict[str, float], bool]]]:
    """The pronoun ranking problems of one document, as the resolver sees them (see the module doc)."""
    chain_of: dict[int, set] = {}  # GUM token -> entity ids of the mentions holding it
    for first, last, entity in document.mentions:
        for i in range(first, last):
            chain_of.setdefault(i, set()).add(entity)
    return replayed_problems(
        document,
        nlp,
        _gendered_pronoun,
        lambda resolver, pronoun, gum_token: _problem(resolver, pronoun, chain_of, gum_token),
    )


def _gendered_pronoun(token) -> bool:
    return token.lower_ in PRONOUN_GENDER and token.pos_ == "PRON"


def _problem(resolver, pronoun, chain_of, gum_token) -> list[tuple[dict[str, float], bool]]:
    entities = chain_of.get(gum_token[pronoun.i], set())
    if not entities:
        return []
    found = []
    for features, position, _ in resolver.antecedent_candidates(pronoun.i, PRONOUN_GENDER[pronoun.lower_]):
        found.append((features, bool(chain_of.get(gum_token[position], set()) & entities)))
    if len(found) < 2 or not any(right for _, right in found):
        return []
    return found


def _text_of(words: list[str], sentence_starts: list[int]) -> tuple[str, list[int]]:
    """The document as one paragraph (words joined by spaces) and each word's start offset."""
    parts, starts, offset = [], [], 0
    for word in words:
        starts.append(offset)
        parts.append(word)
        offset += len(word) + 1
    return " ".join(parts), starts


def _gum_index(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return max(bisect_right(starts, offset) - 1, 0)


def fit(problems: list[list[tuple[dict[str, float], bool]]]) -> dict[str, float]:
    """Weights of a logistic regression over the candidates of ``problems`` (deterministic)."""
    model = logistic_regression(problems, FEATURES, max_iter=1000)
    return {name: float(w) for name, w in zip(FEATURES, model.coef_[0], strict=True)}


def top1(weights: dict[str, float], problems: list[list[tuple[dict[str, float], bool]]]) -> float:
    """The share of problems whose best-scored candidate is right."""
    ranker = AntecedentRanker(weights)
    right = sum(max(problem, key=lambda c: ranker.score(c[0]))[1] for problem in problems)
    return right / len(problems) if problems else 0.0


def train_antecedent_ranker(
    coref_dir: Path | str, nlp, *, splits: Path | str | None = None, progress: Callable[[], None] | None = None
) -> AntecedentRanker:
    """Read GUM's train split with ``nlp`` (claimex's pipeline) and fit the ranker (see the module doc)."""
    by_document = problems_by_document(coref_dir, nlp, ranking_problems, splits, progress)
    problems = [p for doc_problems in by_document for p in doc_problems]
    if not problems:
        raise ValueError("no pronoun with two or more candidates and a right one: is this a coreference corpus?")
    cv_learned, cv_before = _cross_validate(by_document)
    meta = {
        **corpus_meta(coref_dir, nlp, by_document),
        "n_candidates": sum(len(p) for p in problems),
        "cv_top1": round(cv_learned, 4),
        "cv_top1_prior_weights": round(cv_before, 4),
        "train_top1": round(top1(fit(problems), problems), 4),
    }
    return AntecedentRanker(fit(problems), meta)


def _cross_validate(by_document: list[list]) -> tuple[float, float]:
    """Top-1 accuracy of the learned weights in ``FOLDS``-fold cross-validation by document, and of the hand-set
    prior weights on the same problems."""
    right_learned = right_before = 0.0
    total = 0
    before = PRIOR_WEIGHTS
    for train, test in folds(by_document):
        if not train or not test:
            continue
        weights = fit(train)
        right_learned += top1(weights, test) * len(test)
        right_before += top1(before, test) * len(test)
        total += len(test)
    return (right_learned / total, right_before / total) if total else (0.0, 0.0)
