"""The result of one scoring run (:class:`EvalReport`): counts, figures, breakdowns, examples for error analysis."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .gold import GoldDocument
from .matching import MatchedPair, Prediction
from .speakers import GoldSpeaker, same_speaker


def prf(correct: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def round4(x):
    return round(float(x), 4)


def _snippet(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


@dataclass
class EvalReport:
    """Counts, scores, breakdowns and the matched pairs of one scoring run."""

    n_gold: int
    n_pred: int  # predicted rows of gold documents (precision denominator)
    n_pred_ignored: int  # rows whose doc_id names no gold document
    n_pred_unlocated: int  # rows of gold documents whose offsets point at nothing
    n_matched: int
    n_exact: int
    n_source_right: int
    n_gold_docs: int
    n_docs_with_predictions: int
    n_gold_without_source: int
    by_quote_type: dict[str, dict] = field(default_factory=dict)
    by_cue: dict[str, dict] = field(default_factory=dict)
    by_gold_style: dict[str, dict] = field(default_factory=dict)
    #: kind (and "all") -> {"n": matched sources with an entity, "n_right": rows naming it, "rate"};
    #: empty when scored without a speakers file.
    speaker_resolved: dict[str, dict] = field(default_factory=dict)
    _gold: list[GoldDocument] = field(default_factory=list, repr=False)
    _preds: list[Prediction] = field(default_factory=list, repr=False)
    _pairs: list[MatchedPair] = field(default_factory=list, repr=False)
    _ignored_doc_ids: list[str] = field(default_factory=list, repr=False)
    _speaker_of: dict[tuple[int, int], GoldSpeaker] = field(default_factory=dict, repr=False)

    # ---- headline figures -------------------------------------------------
    @property
    def content(self) -> tuple[float, float, float]:
        return prf(self.n_matched, self.n_pred, self.n_gold)

    @property
    def content_exact(self) -> tuple[float, float, float]:
        return prf(self.n_exact, self.n_pred, self.n_gold)

    @property
    def who_said_what(self) -> tuple[float, float, float]:
        return prf(self.n_source_right, self.n_pred, self.n_gold)

    @property
    def source_right_rate(self) -> float:
        return self.n_source_right / self.n_matched if self.n_matched else 0.0

    @property
    def content_f1(self) -> float:
        return self.content[2]

    @property
    def who_said_what_f1(self) -> float:
        return self.who_said_what[2]

    @property
    def speaker_resolved_right(self) -> float | None:
        """Speaker resolved right over all kinds, or None when scored without a speakers file."""
        overall = self.speaker_resolved.get("all")
        return overall["rate"] if overall else None

    def to_dict(self) -> dict:
        """JSON-able summary, figures rounded to 4 decimals."""
        cp, cr, cf = self.content
        ep, er, ef = self.content_exact
        wp, wr, wf = self.who_said_what
        return {
            "counts": {
                "n_gold": self.n_gold,
                "n_pred": self.n_pred,
                "n_pred_ignored": self.n_pred_ignored,
                "n_pred_unlocated": self.n_pred_unlocated,
                "n_matched": self.n_matched,
                "n_exact": self.n_exact,
                "n_source_right": self.n_source_right,
                "n_gold_docs": self.n_gold_docs,
                "n_docs_with_predictions": self.n_docs_with_predictions,
                "n_gold_without_source": self.n_gold_without_source,
            },
            "content": {"precision": round4(cp), "recall": round4(cr), "f1": round4(cf)},
            "content_exact": {"precision": round4(ep), "recall": round4(er), "f1": round4(ef)},
            "source_right_rate": round4(self.source_right_rate),
            "who_said_what": {"precision": round4(wp), "recall": round4(wr), "f1": round4(wf)},
            "by_quote_type": round_nested(self.by_quote_type),
            "by_cue": round_nested(self.by_cue),
            "by_gold_style": round_nested(self.by_gold_style),
            **({"speaker_resolved": round_nested(self.speaker_resolved)} if self.speaker_resolved else {}),
        }

    def rows(self) -> list[tuple[str, int | float]]:
        """Headline (label, value) pairs for a two-column table; floats rounded to 4."""
        cp, cr, cf = self.content
        ep, er, ef = self.content_exact
        wp, wr, wf = self.who_said_what
        return [
            ("gold attributions", self.n_gold),
            ("predicted rows", self.n_pred),
            ("predicted rows ignored (doc not in gold)", self.n_pred_ignored),
            ("contents matched", self.n_matched),
            ("contents exact", self.n_exact),
            ("sources right", self.n_source_right),
            ("content precision", round4(cp)),
            ("content recall", round4(cr)),
            ("content F1", round4(cf)),
            ("content exact precision", round4(ep)),
            ("content exact recall", round4(er)),
            ("content exact F1", round4(ef)),
            ("source right (of matched)", round4(self.source_right_rate)),
            ("who-said-what precision", round4(wp)),
            ("who-said-what recall", round4(wr)),
            ("who-said-what F1", round4(wf)),
            *([("speaker resolved right", round4(self.speaker_resolved_right))] if self.speaker_resolved else []),
        ]

    def breakdown_tables(self) -> dict[str, tuple[list[str], list[list]]]:
        """Breakdowns as ``{title: (headers, rows)}`` for the CLI to render."""
        out = {}
        heads = ["quote_type", "predicted", "matched", "source right", "content P", "who-said-what P"]
        out["by predicted quote_type (precision side)"] = (
            heads,
            [
                [
                    k,
                    v["n_pred"],
                    v["n_matched"],
                    v["n_source_right"],
                    round4(v["content_precision"]),
                    round4(v["who_said_what_precision"]),
                ]
                for k, v in self.by_quote_type.items()
            ],
        )
        for title, table, label in (
            ("by gold cue (recall side)", self.by_cue, "cue"),
            ("by gold quote style (recall side)", self.by_gold_style, "style"),
        ):
            out[title] = (
                [label, "gold", "matched", "source right", "content R", "who-said-what R"],
                [
                    [
                        k,
                        v["n_gold"],
                        v["n_matched"],
                        v["n_source_right"],
                        round4(v["content_recall"]),
                        round4(v["who_said_what_recall"]),
                    ]
                    for k, v in table.items()
                ],
            )
        if self.speaker_resolved:
            out["speaker resolved right, by gold source kind"] = (
                ["kind", "matched named sources", "resolved right", "rate"],
                [[k, v["n"], v["n_right"], round4(v["rate"])] for k, v in self.speaker_resolved.items()],
            )
        return out

    # ---- error analysis -----------------------------------------------------
    EXAMPLE_KINDS = ("missed", "spurious", "wrong_source", "correct", "ignored", "wrong_speaker")

    def _gold_dict(self, key: tuple[int, int]) -> dict:
        doc = self._gold[key[0]]
        a = doc.attributions[key[1]]
        return {
            "gold_content": _snippet(a.content_text),
            "gold_source": a.source_text,
            "gold_cue": a.cue_text,
            "gold_spans": a.content_spans,
        }

    def _pred_dict(self, i: int) -> dict:
        p = self._preds[i]
        doc = self._gold_by_id()[p.doc_id]
        return {
            "pred_row": p.index,
            "pred_quote": _snippet(doc.text[p.char_start : p.char_end] if p.positions else p.quote),
            "pred_speaker": p.speaker,
            "pred_speaker_mention": p.speaker_mention,
            "pred_span": (p.char_start, p.char_end),
        }

    def _gold_by_id(self) -> dict[str, GoldDocument]:
        return {d.doc_id: d for d in self._gold}

    def examples(self, kind: str, n: int | None = 10) -> list[dict]:
        """Examples for error analysis, in document order.

        ``kind``: ``missed`` (gold with no matching row), ``spurious`` (rows
        matching no gold), ``wrong_source`` (content matched, source wrong),
        ``correct`` (content matched, source right), ``ignored`` (doc_ids not
        in gold; one dict per doc_id), ``wrong_speaker`` (content matched, the
        gold source has an entity, the row's speaker does not name it).
        """
        if kind not in self.EXAMPLE_KINDS:
            raise ValueError(f"kind must be one of {', '.join(self.EXAMPLE_KINDS)}")
        out: list[dict] = []
        if kind == "ignored":
            out = [{"doc_id": d} for d in self._ignored_doc_ids]
        elif kind == "missed":
            matched = {p.gold for p in self._pairs}
            for di, doc in enumerate(self._gold):
                for ai in range(len(doc.attributions)):
                    if (di, ai) not in matched:
                        out.append({"doc_id": doc.doc_id, **self._gold_dict((di, ai))})
        elif kind == "wrong_speaker":
            for pair in sorted(self._pairs, key=lambda q: q.gold):
                gold_speaker = self._speaker_of.get(pair.gold)
                if gold_speaker is None or not gold_speaker.entity:
                    continue
                if not same_speaker(self._preds[pair.pred].speaker, gold_speaker.entity):
                    out.append(
                        {
                            "doc_id": self._gold[pair.gold[0]].doc_id,
                            "kind": gold_speaker.kind,
                            "gold_source": gold_speaker.source,
                            "gold_entity": gold_speaker.entity,
                            "gold_source_start": gold_speaker.start,
                            **self._pred_dict(pair.pred),
                        }
                    )
        elif kind == "spurious":
            matched_preds = {p.pred for p in self._pairs}
            for i, p in enumerate(self._preds):
                if i not in matched_preds:
                    out.append({"doc_id": p.doc_id, **self._pred_dict(i)})
        else:
            want = kind == "correct"
            for pair in sorted(self._pairs, key=lambda q: q.gold):
                if pair.source_right == want:
                    out.append(
                        {
                            "doc_id": self._gold[pair.gold[0]].doc_id,
                            "exact": pair.exact,
                            **self._gold_dict(pair.gold),
                            **self._pred_dict(pair.pred),
                        }
                    )
        return out if n is None else out[:n]

    def per_document(self) -> list[dict]:
        """Per gold document: gold, predicted, matched, source-right counts and F1s."""
        n_pred: defaultdict[str, int] = defaultdict(int)
        for p in self._preds:
            n_pred[p.doc_id] += 1
        n_match: defaultdict[str, int] = defaultdict(int)
        n_right: defaultdict[str, int] = defaultdict(int)
        for pair in self._pairs:
            d = self._gold[pair.gold[0]].doc_id
            n_match[d] += 1
            n_right[d] += pair.source_right
        out = []
        for doc in self._gold:
            d = doc.doc_id
            out.append(
                {
                    "doc_id": d,
                    "n_gold": len(doc.attributions),
                    "n_pred": n_pred[d],
                    "n_matched": n_match[d],
                    "n_source_right": n_right[d],
                    "content_f1": round4(prf(n_match[d], n_pred[d], len(doc.attributions))[2]),
                    "who_said_what_f1": round4(prf(n_right[d], n_pred[d], len(doc.attributions))[2]),
                }
            )
        return out


def round_nested(d: dict) -> dict:
    return {k: {kk: (round4(vv) if isinstance(vv, float) else vv) for kk, vv in v.items()} for k, v in d.items()}
