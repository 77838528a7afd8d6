"""A headline's description echoed in the lede: "Former DNC chairman calls for Clinton contingency plan." and then
"A former Democratic National Committee chairman says ... ," said Don Fowler': news titles describe someone by
the same role noun the first paragraph introduces them with, where the name follows.  Speaker resolution reads
the title's description as the lede's, once the lede's is resolved
(:meth:`claimex.nlp.speakers.SpeakerResolver._title_echo`).

Pure functions over the parse.  Limits, plainly: the lede must repeat the head noun ("doctor" is not
"physician"), and "former" must agree (a former chairman is not the one in office).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from ...lexicon import words as lexicon_words
from .relations import person_head

#: Words marking a role held before, not now ("former", "ex-").
FORMER = lexicon_words("former_words")


def lede_echo(mention: Span, start: int, end: int, quoted: Sequence[int]) -> Span | None:
    """The first description between tokens ``start`` and ``end`` (outside quotations: ``quoted[i]`` true) headed by
    the noun heading the title's ``mention``, singular, with "former" where the mention has it and only then;
    None if there is none."""
    head = person_head(mention)
    lemma = head.lemma_.lower()
    former = _former(mention)
    doc = mention.doc
    for token in doc[start:end]:
        if token.pos_ != "NOUN" or token.lemma_.lower() != lemma or quoted[token.i] or token.tag_ == "NNS":
            continue
        echo = doc[token.left_edge.i : token.i + 1]
        return echo if _former(echo) == former else None
    return None


def _former(span: Span) -> bool:
    return any(t.lower_ in FORMER for t in span)
