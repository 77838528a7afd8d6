"""Noun phrases as news writes them, read the same way by the claim rules and the speaker resolver."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import words

# "one of the residents", "many of the protesters": a word naming part of a group, then the group after "of".
_PARTITIVE_HEADS = words("partitive_heads")


def partitive_of(head: Token) -> Token | None:
    """The "of" right after a word naming part of a group ("one of the residents", "many of the protesters"), else
    None.  Whether the parser hung it on that word is the caller's to check."""
    doc = head.doc
    if not (head.like_num or head.lower_ in _PARTITIVE_HEADS) or head.i + 1 >= len(doc):
        return None
    of = doc[head.i + 1]
    return of if of.lower_ == "of" else None
