"""A headline's description echoed in the lede: "Former DNC chairman calls for Clinton contingency plan." and then
"A former Democratic National Committee chairman says ... ," said Don Fowler': news titles describe someone by
the same role noun the first paragraph introduces them with, where the name follows.  Speaker resolution reads
the title's description as the lede's, once the lede's is resolved
(:meth:`claimex.nlp.speakers.SpeakerResolver._title_echo`).  A title's abbreviated title ("PM says ...") is the
person the lede gives that title in full ("Prime Minister Mark Carney said"; ``lexicon/data/headline_titles.tsv``).

Pure functions over the parse.  Limits, plainly: the lede must repeat the head noun ("doctor" is not
"physician"), and "former" must agree (a former chairman is not the one in office).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from ...lexicon import table as lexicon_table
from ...lexicon import words as lexicon_words
from ...lexicon.titles import TITLE_WORDS
from .relations import person_head

#: Words marking a role held before, not now ("former", "ex-").
FORMER = lexicon_words("former_words")
#: A headline's abbreviated titles, in full ("pm" -> "prime minister").
_TITLES = {row[0]: row[1].split() for row in lexicon_table("headline_titles")}


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


def titled_in_lede(mention: Span, start: int, end: int, quoted: Sequence[int]) -> Span | None:
    """The person a title's abbreviated title names ("PM says ..."): the first PERSON entity between tokens ``start``
    and ``end`` (outside quotations) right after that title in full ("Prime Minister Mark Carney", not "Deputy Prime
    Minister Chrystia Freeland"); else None."""
    words = [t for t in mention if not (t.is_punct or t.lower_ == "the")]
    title = _TITLES.get(words[0].lower_) if len(words) == 1 else None
    if title is None:
        return None
    doc = mention.doc
    for token in doc[start:end]:
        if token.ent_iob_ != "B" or token.ent_type_ != "PERSON" or quoted[token.i] or token.i < start + len(title):
            continue
        opening = token.i - len(title)
        qualified = opening > 0 and doc[opening - 1].lower_ in TITLE_WORDS  # "Deputy Prime Minister" is no PM
        if [t.lower_ for t in doc[opening : token.i]] == title and not qualified:
            return next(e for e in doc.ents if e.start == token.i)
    return None


def _former(span: Span) -> bool:
    return any(t.lower_ in FORMER for t in span)
