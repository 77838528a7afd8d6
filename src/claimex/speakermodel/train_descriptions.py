"""Learn the description ranker (:mod:`claimex.speakermodel.descriptions`) from coreference chains (GUM's CoNLL files).

Each document of the train split is read by claimex itself and replayed through a :class:`SpeakerResolver` in
text order, as :mod:`claimex.speakermodel.train` does for pronouns.  Before each claim's speaker is resolved,
every description before it is a problem: a singular, not indefinite noun naming a person
(:mod:`claimex.lexicon.nouns`) heading a noun phrase of its own, in any position ("The Indiana governor said
...", "met his father"; not a title before a name, an apposition or a predicate: "English captain Harry Kane",
"Jay Hammond, the Republican governor", which the resolver's rules take).
Subjects alone, the descriptions most like claims' speakers, were too few (137 problems, 28 with a right
candidate) to learn from; the learned weights of both samples resolve PolNeAR dev's speakers alike.  A
description whose person is named inside its own phrase ("Tunisia's coach Nabil Maaloul") is left out: the
resolver's rules take those.  Its candidates are the people the resolver offers
(:meth:`SpeakerResolver.description_candidates`); a candidate is right when one of the entity mentions it was
built from lies in a mention of the description's coreference chain.  A description with no right candidate
(someone new, or never named) stays in: it teaches when to take no one.

A logistic regression over all (description, candidate) pairs gives the weights; the threshold a best
candidate needs is the one that resolves most problems right (the right person, or no one where no candidate
is right) in 5-fold cross-validation by document, where the accuracy is also reported.  Deterministic: the same
files and spaCy model give the same model.

Limits, plainly: GUM's descriptions of named people are few (its genres describe less than news does), so the
model is small and its weights coarse; the labels inherit the recognizer's and parser's errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..lexicon.nouns import names_person
from .descriptions import FEATURES, DescriptionRanker
from .train import CorefDocument, corpus_meta, folds, logistic_regression, problems_by_document, replayed_problems

Problem = list[tuple[dict[str, float], bool]]


def description_problems(document: CorefDocument, nlp) -> list[Problem]:
    """The description problems of one document, as the resolver sees them (see the module doc)."""
    chains: dict[int, list[tuple[int, str]]] = {}  # GUM token -> (mention length, entity) of mentions holding it
    for first, last, entity in document.mentions:
        for i in range(first, last):
            chains.setdefault(i, []).append((last - first, entity))
    return replayed_problems(
        document,
        nlp,
        _sampled,
        lambda resolver, head, gum_token: _problem(resolver, head, chains, gum_token, document.mentions),
    )


#: Positions where a person noun is no description of its own: a title before a name ("English captain Harry
#: Kane"), an apposition or a predicate of one ("Jay Hammond, the Republican governor"): the rules take those.
_NOT_DESCRIPTIONS = frozenset({"compound", "nmod", "amod", "appos", "attr", "npadvmod", "acomp", "oprd"})


def _sampled(token) -> bool:
    return token.pos_ == "NOUN" and token.dep_ not in _NOT_DESCRIPTIONS and names_person(token.lemma_)


def _problem(resolver, head, chains, gum_token, mentions) -> Problem:
    own = chains.get(gum_token[head.i])
    if not own:
        return []
    entity = min(own)[1]  # the innermost mention holding the head is the description's
    mention = head.doc[head.left_edge.i : head.i + 1]
    phrase = {gum_token[i] for i in range(head.left_edge.i, head.right_edge.i + 1)}
    head_at = gum_token[head.i]
    if any(e == entity and not f <= head_at < last and f in phrase and last - 1 in phrase for f, last, e in mentions):
        return []  # named inside its own phrase ("Tunisia's coach Nabil Maaloul"): the resolver's rules take it
    found = []
    for features, speaker, _ in resolver.description_candidates(mention):
        positions = resolver.person_positions(speaker.name)
        right = any(entity in (e for _, e in chains.get(gum_token[i], ())) for i in positions)
        found.append((features, right))
    return found


def fit(problems: list[Problem]) -> tuple[dict[str, float], float]:
    """Weights and bias of a logistic regression over the pairs of ``problems`` (deterministic)."""
    model = logistic_regression(problems, FEATURES, max_iter=2000)
    return {name: float(w) for name, w in zip(FEATURES, model.coef_[0], strict=True)}, float(model.intercept_[0])


def outcomes(ranker: DescriptionRanker, problems: list[Problem]) -> list[tuple[float, bool, bool]]:
    """Per problem: (the best candidate's probability, whether it is right, whether any candidate is right)."""
    found = []
    for problem in problems:
        best = max(problem, key=lambda c: ranker.probability(c[0]))
        found.append((ranker.probability(best[0]), best[1], any(right for _, right in problem)))
    return found


def accuracy(scored: list[tuple[float, bool, bool]], threshold: float) -> float:
    """The share of problems resolved right at ``threshold``: the right person taken, or no one where none is."""
    right = sum((best_right if p >= threshold else not any_right) for p, best_right, any_right in scored)
    return right / len(scored) if scored else 0.0


def best_threshold(scored: list[tuple[float, bool, bool]]) -> float:
    """The threshold (in steps of 0.05) that resolves most problems right; the higher on a tie (fewer guesses)."""
    steps = [k / 20 for k in range(1, 20)]
    return max(steps, key=lambda t: (accuracy(scored, t), t))


def train_description_ranker(
    coref_dir: Path | str, nlp, *, splits: Path | str | None = None, progress: Callable[[], None] | None = None
) -> DescriptionRanker:
    """Read GUM's train split with ``nlp`` (claimex's pipeline) and fit the ranker (see the module doc)."""
    by_document = problems_by_document(coref_dir, nlp, description_problems, splits, progress)
    problems = [p for doc_problems in by_document for p in doc_problems]
    labels = {right for problem in problems for _, right in problem}
    if labels != {True, False}:
        raise ValueError(
            "needs descriptions of named people and candidates they are not: is this a coreference corpus?"
        )
    scored = _cross_validated(by_document)
    threshold = best_threshold(scored)
    weights, bias = fit(problems)
    meta = {
        **corpus_meta(coref_dir, nlp, by_document),
        "n_with_right_candidate": sum(any(r for _, r in p) for p in problems),
        "n_candidates": sum(len(p) for p in problems),
        "cv_accuracy": round(accuracy(scored, threshold), 4),
        "cv_accuracy_taking_none": round(accuracy(scored, 1.01), 4),
        "cv_top1_with_right_candidate": round(
            sum(best for _, best, any_right in scored if any_right) / max(sum(a for _, _, a in scored), 1), 4
        ),
    }
    return DescriptionRanker(weights, bias, threshold, meta)


def _cross_validated(by_document: list[list[Problem]]) -> list[tuple[float, bool, bool]]:
    """Out-of-fold outcomes (see :func:`outcomes`) of ``FOLDS``-fold cross-validation by document."""
    scored = []
    for train, test in folds(by_document):
        if not test or not any(r for p in train for _, r in p):
            continue
        weights, bias = fit(train)
        scored += outcomes(DescriptionRanker(weights, bias, 0.5), test)
    return scored
