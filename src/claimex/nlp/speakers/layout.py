"""An article's layout as speaker resolution reads it: quotations and headlines, title, paragraphs, sentences.

Names inside quotations are what someone called them ("Crooked Hillary Clinton"), not their names, and names in
headlines are title case, which the recognizer misreads: both count as quoted.  The title comes before the names
it uses ("…: Spokesperson" is resolved by the body); a one-sentence first paragraph of twenty words or fewer is a
title too (a headline ending in a period).  Sentences and paragraphs are found by bisection over their starts.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..cleaning import BODY, HEADLINE, TITLE
from ..keys import PARAGRAPHS, QUOTATIONS

_HEADLINE_WORDS = 20  # a one-sentence first paragraph this short is the title


def _layout(doc: Doc) -> tuple[bytearray, int, list[int]]:
    """(tokens inside quotations or headlines, the title's end, paragraph starts) of ``doc``."""
    quoted = bytearray(len(doc))
    for q in doc.spans.get(QUOTATIONS, []):
        quoted[q.start : q.end] = b"\x01" * (q.end - q.start)
    title_end = 0  # the title comes before the names it uses: "…: Spokesperson" is resolved by the body
    starts = []
    for paragraph in doc.spans.get(PARAGRAPHS, []):
        starts.append(paragraph.start)
        if paragraph.label_ == HEADLINE:
            quoted[paragraph.start : paragraph.end] = b"\x01" * len(paragraph)
        elif paragraph.label_ == TITLE:
            title_end = paragraph.end
    return quoted, title_end, sorted(starts) or [0]


class ArticleLayout:
    """Where one article's quotations, title, paragraphs and sentences are, built once per Doc."""

    def __init__(self, doc: Doc):
        quoted, title_end, paragraph_starts = _layout(doc)
        self.quoted = quoted  # 1 for tokens inside quotations or headlines
        self.title_end = title_end  # 0 where the article has no title
        self.paragraph_starts = paragraph_starts
        self.paragraphs = sorted(doc.spans.get(PARAGRAPHS, []), key=lambda p: p.start)
        self.sentence_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]

    def sentence(self, i: int) -> int:
        """The index of the sentence holding token ``i``."""
        return bisect_right(self.sentence_starts, i) - 1

    def paragraph(self, i: int) -> int:
        """The index of the paragraph holding token ``i`` (-1 before the first)."""
        return bisect_right(self.paragraph_starts, i) - 1

    def opening_end(self) -> int:
        """Where the article's title ends: the detected title's end, else the end of a first paragraph that is one
        short sentence (a headline ending in a period: "Judge rejects New York Times request.")."""
        if self.title_end or not self.paragraphs:
            return self.title_end
        first = self.paragraphs[0]
        one_sentence = self.sentence(first.start) == self.sentence(first.end - 1)
        if not one_sentence or len(first) > 3 * _HEADLINE_WORDS or len(self.paragraphs) < 2:
            return 0  # checked before counting words: a giant first paragraph is asked by every description
        words = [t for t in first if not (t.is_punct or t.is_space)]
        return first.end if len(words) <= _HEADLINE_WORDS else 0

    def lede_end(self, after: int) -> int | None:
        """The end of the first body paragraph starting at or after token ``after``: the lede, past the captions,
        credits and page furniture a scraped page puts between title and story; None if there is none."""
        return next((p.end for p in self.paragraphs if p.start >= after and p.label_ == BODY), None)

    def opens_paragraph(self, mention: Span) -> bool:
        """Whether the mention is in the first sentence of its paragraph (where news introduces someone)."""
        start = self.paragraph_starts[max(self.paragraph(mention.start), 0)]
        return self.sentence(mention.start) == self.sentence(start)
