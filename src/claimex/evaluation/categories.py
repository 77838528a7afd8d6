"""The classes the breakdowns count gold and rows by: a gold cue's category and a content's quote style.

Both are rough, read from the characters and words alone (no parse).
"""

from __future__ import annotations

from ..lexicon import words as lexicon_words
from .spans import DOUBLE_QUOTE_MARKS, QUOTE_MARKS, WORD, trimmable

_SAY = {"say", "says", "said", "saying"}

_REPORTING = lexicon_words("gold_reporting_words")


def _lemma_forms(tok: str) -> set[str]:
    forms = {tok}
    for suf, rep in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if tok.endswith(suf) and len(tok) > len(suf) + 2:
            forms.add(tok[: -len(suf)] + rep)
    # doubled consonant: "admitted" -> "admit"
    for f in list(forms):
        if len(f) > 3 and f[-1] == f[-2] and f[-1] not in "aeiou":
            forms.add(f[:-1])
    return forms


CUE_CATEGORIES = ("say", "according to", "other verb", "punctuation", "noun/other", "none")


def cue_category(cue_text: str) -> str:
    """Rough class of a gold cue: say, according to, other verb, punctuation, noun/other, none."""
    if not cue_text or not cue_text.strip():
        return "none"
    toks = [w.casefold() for w in WORD.findall(cue_text)]
    if not toks:
        return "punctuation"
    if any(t in _SAY for t in toks):
        return "say"
    if "according" in toks:
        return "according to"
    for t in toks:
        if _lemma_forms(t) & _REPORTING or (t.endswith("ed") and len(t) > 4):
            return "other verb"
    return "noun/other"


QUOTE_STYLES = ("direct", "indirect", "mixed")


def quote_style(content_text: str) -> str:
    """direct: opens and closes with a quotation mark (ignoring whitespace and other
    punctuation at the ends); mixed: holds a double quotation mark elsewhere; else indirect."""
    s = content_text
    lo, hi = 0, len(s)
    while lo < hi and (s[lo].isspace() or (trimmable(s[lo]) and s[lo] not in QUOTE_MARKS)):
        lo += 1
    while hi > lo and (s[hi - 1].isspace() or (trimmable(s[hi - 1]) and s[hi - 1] not in QUOTE_MARKS)):
        hi -= 1
    core = s[lo:hi]
    opens = "\"“„‟«‘'"
    closes = "\"”»’'"
    if len(core) >= 2 and core[0] in opens and core[-1] in closes:
        return "direct"
    if any(c in DOUBLE_QUOTE_MARKS or c == "‘" for c in core):
        return "mixed"
    return "indirect"
