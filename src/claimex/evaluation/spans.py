"""The text rules of the scoring: spans as sets of characters, trimmed, and when two contents match.

* A discontinuous span counts as the union of its fragments (:func:`merge_spans`).
* Spans are **trimmed** before comparing (:func:`trim_positions`): whitespace, quotation marks (straight,
  curly, single, double, guillemets), punctuation and a leading word "that" are removed at both ends,
  repeatedly.
* A gold and a predicted content **match** when the characters they share are at least half of each
  (trimmed) span (:func:`overlap_match`).
* Words (:func:`words`) are alphanumeric tokens, case-folded: what the source and speaker rules compare.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

Span = tuple[int, int]

#: Quotation marks of every style, trimmed from a span's ends.
QUOTE_MARKS = "\"'“”‘’„‟‚‛«»‹›`´"

#: The double ones, which make a content's quote style mixed.
DOUBLE_QUOTE_MARKS = '"“”„‟«»'


def trimmable(ch: str) -> bool:
    """Whitespace, a quotation mark or punctuation: what trimming strips from a span's ends."""
    return ch.isspace() or ch in QUOTE_MARKS or unicodedata.category(ch).startswith("P")


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping union of spans."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def trim_positions(text: str, spans: Iterable[Span]) -> tuple[int, ...]:
    """The character positions of ``spans`` (their union) after trimming.

    Whitespace, quotation marks and punctuation are stripped from both ends,
    and a leading word "that" (any case), repeatedly until nothing changes.
    """
    pos = [i for s, e in merge_spans((max(0, s), min(len(text), e)) for s, e in spans) for i in range(s, e)]
    lo, hi = 0, len(pos)
    while True:
        start = (lo, hi)
        while lo < hi and trimmable(text[pos[lo]]):
            lo += 1
        while hi > lo and trimmable(text[pos[hi - 1]]):
            hi -= 1
        if hi - lo >= 4 and "".join(text[p] for p in pos[lo : lo + 4]).lower() == "that":
            after = text[pos[lo + 4]] if hi - lo > 4 else " "
            if not (after.isalnum() or after in "_'’"):
                lo += 4
        if (lo, hi) == start:
            return tuple(pos[lo:hi])


def trim_span(text: str, start: int, end: int) -> Span:
    """Trim one contiguous span; returns ``(start, end)`` (empty as ``(start, start)``)."""
    pos = trim_positions(text, [(start, end)])
    return (pos[0], pos[-1] + 1) if pos else (start, start)


def overlap_match(shared: int, n_pred: int, n_gold: int) -> bool:
    """The README's rule: shared characters are at least half of each span."""
    return n_pred > 0 and n_gold > 0 and 2 * shared >= n_pred and 2 * shared >= n_gold


#: A word as the source and speaker rules compare them.
WORD = re.compile(r"[^\W_]+")


def words(s: str) -> set[str]:
    """Alphanumeric tokens, case-folded."""
    return {w.casefold() for w in WORD.findall(s or "")}
