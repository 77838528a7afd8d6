"""Block quotations, the fourth pass: a paragraph introduced by a sentence ending in a colon
("Fox News reports:") is quoted as a block, without quotation marks."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Span

from ..cleaning import BODY
from ..syntax import sentence_of
from .claim import MIN_CONTINUATION_WORDS, Claim, Reading, _alpha_words, _CuesByPosition, _trim
from .quotations import _introduction


def block_quotations(reading: Reading, claims: list[Claim]) -> list[Claim]:
    """Pass: the claims so far, then the block quotations the cue-only claims or an introduction open."""
    return claims + _block_quotations(reading.doc, reading.paragraphs, reading.cues)


def _block_quotations(doc: Doc, paragraphs: list[Span], cues: _CuesByPosition) -> list[Claim]:
    """A body paragraph that an introduction ("Fox News reports:", "Hewitt writes:") or a cue ending in a colon
    opens, with no quotation mark of its own at its start, is quoted as a block: the introducer's words."""
    blocks = []
    for before, block in itertools.pairwise(paragraphs):
        if before.label_ != BODY or block.label_ != BODY or not before.text.rstrip().endswith(":"):
            continue
        first = next((t for t in block if not t.is_space), None)
        if first is None or first.is_quote or not before.end <= block.start:
            continue
        sentence = sentence_of(doc[before.end - 1])
        cue = next(iter(cues.between(sentence.start, sentence.end)), None) or _introduction(sentence)
        bounds = _trim(list(block))
        if cue is None or bounds is None or _alpha_words(doc, *bounds) < MIN_CONTINUATION_WORDS:
            continue
        start, end = bounds
        blocks.append(Claim(start, end, cue.cue, cue.source, "direct"))
    return blocks
