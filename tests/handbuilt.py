"""Docs built by hand from parse rows, for tests that need a parse but no model."""

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab


def doc_from_rows(rows) -> Doc:
    """A Doc from rows of (word, head id, dependency, coarse tag, lemma), or of (word, head id, dependency, coarse
    tag, fine tag, lemma)."""
    columns = list(zip(*rows, strict=True))
    words, heads, deps, pos = columns[:4]
    tags = columns[4] if len(columns) == 6 else None
    return Doc(
        _VOCAB,
        words=list(words),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos),
        tags=list(tags) if tags is not None else None,
        lemmas=list(columns[-1]),
    )
