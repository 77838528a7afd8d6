"""An article's layout for speaker resolution: quotations and headlines, title, paragraphs, sentences."""

from __future__ import annotations

from spacy.tokens import Doc

from ..cleaning import HEADLINE, TITLE
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
