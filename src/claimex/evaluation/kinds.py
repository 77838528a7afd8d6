"""Claim kinds for the gold: each gold attribution classified as claimex classifies its claims (speech,
thought, evidence, action), and the rows and gold of chosen kinds."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .categories import quote_style
from .gold import GoldDocument
from .spans import Span


def classify_gold(document: GoldDocument, doc) -> None:
    """Set the kind of each of ``document``'s attributions (:attr:`GoldAttribution.kind`) with the function
    that classifies claims, :func:`claimex.nlp.kinds.claim_kind`, on ``doc``, the article as claimex parsed it:
    the words of the gold Cue, the gold Source (its first fragment), the gold Content and its quote style."""
    from ..nlp.kinds import claim_kind

    for attribution in document.attributions:
        cue = _tokens(doc, attribution.cue_spans)
        source = _tokens(doc, attribution.source_spans[:1])
        source_span = doc[source[0].i : source[-1].i + 1] if source else None
        statement = _tokens(doc, attribution.content_spans)
        attribution.kind = claim_kind(cue, source_span, statement, quote_style(attribution.content_text))


def classify_gold_texts(documents: list[GoldDocument], nlp) -> None:
    """Parse the gold articles as claimex does and classify their attributions (for a table scored as is)."""
    from ..article import Article
    from ..nlp.pipeline import annotate

    by_id = {d.doc_id: d for d in documents}
    for article, doc in annotate(nlp, [Article(doc_id=d.doc_id, text=d.text) for d in documents]):
        classify_gold(by_id[article.doc_id], doc)


def _tokens(doc, spans: list[Span]) -> list:
    tokens = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.extend(span)
    return tokens


def select_kinds(
    predictions: pd.DataFrame, gold: list[GoldDocument], kinds: Iterable[str]
) -> tuple[pd.DataFrame, list[GoldDocument]]:
    """The rows whose ``claim_kind`` is one of ``kinds`` and the gold attributions of those kinds (classified
    beforehand, see :func:`classify_gold`): the default output is scored against the speech gold."""
    kinds = frozenset(kinds)
    column = (
        predictions["claim_kind"] if "claim_kind" in predictions.columns else pd.Series("", index=predictions.index)
    )
    chosen = predictions[column.astype(str).isin(kinds)]
    documents = [
        GoldDocument(
            d.doc_id,
            d.text,
            [a for a in d.attributions if a.kind in kinds],
            d.n_without_source,
            d.annotator,
        )
        for d in gold
    ]
    return chosen, documents
