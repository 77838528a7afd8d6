"""Gender evidence: the gender an article gives a person (see :mod:`claimex.lexicon.gender`)."""

from __future__ import annotations

from spacy.tokens import Span

from ...lexicon import gender


def _honorific_gender(span: Span) -> str | None:
    """The gender an honorific at the start of ``span`` or right before it says ("Mr. Obama", "Ms. Lynch")."""
    doc = span.doc
    for i in (span.start, span.start - 1):
        if 0 <= i < len(doc):
            said = gender.HONORIFIC_GENDER.get(doc[i].lower_)
            if said:
                return said
    return None
