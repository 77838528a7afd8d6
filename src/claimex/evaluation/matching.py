"""Rows located in the gold articles and paired with gold attributions.

* A row's ``doc_id`` names a gold document exactly, or by the part after '#', its file name or its stem
  when exactly one gold document has it; rows naming none are ignored (and counted).
* A row is located by ``char_start``/``char_end`` in the article text as read, as trimmed positions.
* Pairs are taken greedily and one to one within an article: candidates whose contents match
  (:func:`~.spans.overlap_match`), best first (Dice overlap, then a right source, then document order).
* The **source is right** when a word (an alphanumeric token, compared case-insensitively, whole words
  only) of the predicted ``speaker_mention`` or ``speaker`` is a word of the gold Source text.  No stopword
  filtering: the README's rule is applied literally.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from .gold import GoldDocument
from .spans import overlap_match, trim_positions, words


def source_is_right(speaker_mention: str, speaker: str, gold_source: str) -> bool:
    """A word of the predicted mention or speaker is a word of the gold Source."""
    return bool((words(speaker_mention) | words(speaker)) & words(gold_source))


@dataclass
class Prediction:
    """A row of a gold document, located in its text (``positions``: trimmed; empty when it points at nothing)."""

    index: object  # the row's label in the predictions frame
    doc_id: str  # the gold doc_id it was matched to
    raw_doc_id: str
    char_start: int
    char_end: int
    speaker: str
    speaker_mention: str
    quote_type: str
    quote: str
    positions: tuple[int, ...] = ()


@dataclass
class MatchedPair:
    """A row paired with the gold attribution whose content it matches."""

    pred: int  # index into EvalReport._preds
    gold: tuple[int, int]  # (document index, attribution index)
    shared: int
    exact: bool
    source_right: bool


def _doc_key_variants(doc_id: str) -> list[str]:
    """Keys to try, in order: exact, after '#', file name, file stem."""
    doc_id = doc_id.strip()
    out = [doc_id]
    if "#" in doc_id:
        out.append(doc_id.rsplit("#", 1)[1])
    for v in list(out):
        name = re.split(r"[\\/]", v)[-1]
        out.append(name)
        stem = name.rsplit(".", 1)[0] if "." in name else name
        out.append(stem)
    seen, uniq = set(), []
    for v in out:
        if v and v not in seen:
            seen.add(v)
            uniq.append(v)
    return uniq


class _DocIndex:
    """Find the gold doc_id a prediction's doc_id names.

    Tried in order: exact doc_id; then, for the prediction's variants (the
    part after '#', the file name, the stem), a gold document whose own
    variants include it, provided exactly one does.
    """

    def __init__(self, gold: list[GoldDocument]):
        self.ids = {d.doc_id for d in gold}
        self.alias: dict[str, set[str]] = defaultdict(set)
        for d in gold:
            for key in _doc_key_variants(d.doc_id):
                self.alias[key].add(d.doc_id)
        self.cache: dict[str, str | None] = {}

    def find(self, doc_id: str) -> str | None:
        if doc_id not in self.cache:
            found = doc_id if doc_id in self.ids else None
            if found is None:
                for key in _doc_key_variants(doc_id):
                    hits = self.alias.get(key, ())
                    if len(hits) == 1:
                        found = next(iter(hits))
                        break
            self.cache[doc_id] = found
        return self.cache[doc_id]


def _str(v) -> str:
    if v is None:
        return ""
    try:
        if pd.isna(v):
            return ""
    except (TypeError, ValueError):
        pass
    return str(v)


def _int(v) -> int:
    try:
        if v is None or pd.isna(v):
            return -1
        return int(v)
    except (TypeError, ValueError):
        return -1


def located_predictions(
    predictions: pd.DataFrame | None, gold: list[GoldDocument]
) -> tuple[list[Prediction], dict[str, int], int]:
    """The rows of gold documents, located in their text (trimmed positions); the other rows'
    doc_ids with their counts; how many rows of gold documents lie outside the text."""
    docs_by_id = {d.doc_id: d for d in gold}
    index = _DocIndex(gold)
    preds: list[Prediction] = []
    ignored: dict[str, int] = {}
    n_unlocated = 0
    if predictions is None or not len(predictions):
        return preds, ignored, n_unlocated
    cols = set(predictions.columns)

    def col(name):
        return predictions[name] if name in cols else pd.Series([None] * len(predictions), index=predictions.index)

    names = ("doc_id", "char_start", "char_end", "speaker", "speaker_mention", "quote_type", "quote")
    for idx, raw_doc, cs, ce, spk, men, qt, quote in zip(predictions.index, *map(col, names), strict=True):
        raw = _str(raw_doc)
        doc_id = index.find(raw)
        if doc_id is None:
            ignored[raw] = ignored.get(raw, 0) + 1
            continue
        text = docs_by_id[doc_id].text
        s, e = _int(cs), _int(ce)
        p = Prediction(idx, doc_id, raw, s, e, _str(spk), _str(men), _str(qt).strip().lower(), _str(quote))
        if 0 <= s < e <= len(text):
            p.positions = trim_positions(text, [(s, e)])
        elif 0 <= s < len(text) and e > len(text):
            p.positions = trim_positions(text, [(s, len(text))])
        else:
            n_unlocated += 1
        preds.append(p)
    return preds, ignored, n_unlocated


def document_pairs(doc: GoldDocument, di: int, pis: list[int], preds: list[Prediction]) -> list[MatchedPair]:
    """Matched (prediction, gold attribution) pairs of one document: candidates best first (Dice
    overlap, then a right source, then document order), taken greedily one to one."""
    gold_pos = [frozenset(trim_positions(doc.text, a.content_spans)) for a in doc.attributions]
    cands = []
    for pi in pis:
        ppos = preds[pi].positions
        if not ppos:
            continue
        pset = frozenset(ppos)
        plo, phi = ppos[0], ppos[-1]
        for ai, a in enumerate(doc.attributions):
            gset = gold_pos[ai]
            if not gset or a.content_spans[-1][1] <= plo or a.content_spans[0][0] > phi:
                continue
            shared = len(pset & gset)
            if not overlap_match(shared, len(pset), len(gset)):
                continue
            right = source_is_right(preds[pi].speaker_mention, preds[pi].speaker, a.source_text)
            dice = 2 * shared / (len(pset) + len(gset))
            cands.append((-dice, not right, ai, pi, shared, pset == gset, right))
    cands.sort()
    pairs = []
    used_p, used_g = set(), set()
    for _neg, _nr, ai, pi, shared, exact, right in cands:
        if pi in used_p or ai in used_g:
            continue
        used_p.add(pi)
        used_g.add(ai)
        pairs.append(MatchedPair(pi, (di, ai), shared, exact, right))
    return pairs
