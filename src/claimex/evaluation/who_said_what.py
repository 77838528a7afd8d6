"""One scoring run of a claims table against gold: content (overlap and exact), who-said-what, their
breakdowns and, with a speakers file, the speaker resolution (:func:`score`, giving an :class:`~.report.EvalReport`).

**who-said-what**: matched rows whose source is right, over all predicted rows of gold documents
(precision) and over all gold attributions (recall).  An **exact** match is a matched pair whose trimmed
spans are identical.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from .categories import CUE_CATEGORIES, QUOTE_STYLES, cue_category, quote_style
from .gold import GoldDocument
from .matching import MatchedPair, Prediction, document_pairs, located_predictions
from .report import EvalReport
from .speakers import GoldSpeaker, gold_speakers, speaker_resolution


def _blank_pred_stats() -> dict:
    return {"n_pred": 0, "n_matched": 0, "n_source_right": 0}


def _blank_gold_stats() -> dict:
    return {"n_gold": 0, "n_matched": 0, "n_source_right": 0}


def score(
    predictions: pd.DataFrame,
    gold: list[GoldDocument],
    speakers: dict[tuple[str, int, int], GoldSpeaker] | None = None,
) -> EvalReport:
    """Score a claims table (``doc_id``, ``char_start``, ``char_end``, ``speaker``,
    ``speaker_mention``, ``quote_type`` are read; missing columns count as empty)
    against gold documents, and, given ``speakers`` (:func:`load_speakers`), the
    speaker resolution.  See the module docstring for the rules."""
    preds, ignored, n_unlocated = located_predictions(predictions, gold)
    doc_pos = {d.doc_id: i for i, d in enumerate(gold)}
    preds_by_doc: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(preds):
        preds_by_doc[doc_pos[p.doc_id]].append(i)
    pairs = [pair for di, pis in preds_by_doc.items() for pair in document_pairs(gold[di], di, pis, preds)]
    by_cue, by_style = _gold_breakdowns(gold, pairs)
    speaker_of = gold_speakers(gold, speakers or {})
    return EvalReport(
        n_gold=sum(len(d.attributions) for d in gold),
        n_pred=len(preds),
        n_pred_ignored=sum(ignored.values()),
        n_pred_unlocated=n_unlocated,
        n_matched=len(pairs),
        n_exact=sum(p.exact for p in pairs),
        n_source_right=sum(p.source_right for p in pairs),
        n_gold_docs=len(gold),
        n_docs_with_predictions=len(preds_by_doc),
        n_gold_without_source=sum(d.n_without_source for d in gold),
        by_quote_type=_quote_type_breakdown(preds, pairs),
        by_cue=by_cue,
        by_gold_style=by_style,
        speaker_resolved=speaker_resolution(pairs, preds, speaker_of) if speakers else {},
        _gold=gold,
        _preds=preds,
        _pairs=pairs,
        _ignored_doc_ids=sorted(ignored),
        _speaker_of=speaker_of,
    )


def _quote_type_breakdown(preds: list[Prediction], pairs: list[MatchedPair]) -> dict[str, dict]:
    """Precision by the predicted quote type."""
    by_qt: dict[str, dict] = {k: _blank_pred_stats() for k in QUOTE_STYLES}
    pair_by_pred = {p.pred: p for p in pairs}
    for i, p in enumerate(preds):
        key = p.quote_type if p.quote_type else "(empty)"
        st = by_qt.setdefault(key, _blank_pred_stats())
        st["n_pred"] += 1
        if i in pair_by_pred:
            st["n_matched"] += 1
            st["n_source_right"] += pair_by_pred[i].source_right
    for st in by_qt.values():
        st["content_precision"] = st["n_matched"] / st["n_pred"] if st["n_pred"] else 0.0
        st["who_said_what_precision"] = st["n_source_right"] / st["n_pred"] if st["n_pred"] else 0.0
    return by_qt


def _gold_breakdowns(gold: list[GoldDocument], pairs: list[MatchedPair]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Recall by the gold cue's category and by the gold content's style."""
    by_cue: dict[str, dict] = {k: _blank_gold_stats() for k in CUE_CATEGORIES}
    by_style: dict[str, dict] = {k: _blank_gold_stats() for k in QUOTE_STYLES}
    pair_by_gold = {p.gold: p for p in pairs}
    for di, doc in enumerate(gold):
        for ai, a in enumerate(doc.attributions):
            pair = pair_by_gold.get((di, ai))
            for st in (by_cue[cue_category(a.cue_text)], by_style[quote_style(a.content_text)]):
                st["n_gold"] += 1
                if pair:
                    st["n_matched"] += 1
                    st["n_source_right"] += pair.source_right
    for table in (by_cue, by_style):
        for st in table.values():
            st["content_recall"] = st["n_matched"] / st["n_gold"] if st["n_gold"] else 0.0
            st["who_said_what_recall"] = st["n_source_right"] / st["n_gold"] if st["n_gold"] else 0.0
    return by_cue, by_style
