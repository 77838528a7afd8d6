"""Whether a description introduces someone or something new: its determiner says so.

"a senior official", "one aide", "another source", "At least one commentator", "a union", "no panel", "neither man": an
indefinite description is someone new, never the holder named before (:mod:`.descriptions`, :mod:`.organizations`).
"""

from __future__ import annotations

from spacy.tokens import Span

_OPENING = frozenset({"a", "an", "one", "another", "some", "several"})
_DETERMINERS = frozenset({"a", "an", "another", "any", "each", "every", "neither", "no"})


def _indefinite(mention: Span) -> bool:
    """A description introducing someone or something: "a senior official", "one aide", "another source"."""
    return mention[0].lower_ in _OPENING or any(
        (t.dep_ == "det" and t.lower_ in _DETERMINERS)
        or (t.dep_ == "nummod" and t.lower_ == "one")  # "At least one commentator"
        for t in mention.root.children
    )
