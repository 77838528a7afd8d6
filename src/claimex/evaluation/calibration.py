"""Calibration of the confidence column: how well a row's ``confidence`` predicts that it is right."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .report import EvalReport, round4


@dataclass
class CalibrationBin:
    n: int
    low: float  # lowest and highest confidence in the bin
    high: float
    mean_confidence: float
    share_right: float  # rows whose content matched and whose source is right


@dataclass
class Calibration:
    """How well ``confidence`` predicts that a row is right: rows in deciles of confidence (equal counts)."""

    bins: list[CalibrationBin]
    n_rows: int
    ece: float  # expected calibration error: the row-weighted mean of |mean confidence - share right| over the bins

    def to_dict(self) -> dict:
        return {
            "n_rows": self.n_rows,
            "ece": round4(self.ece),
            "deciles": [
                {
                    "n": b.n,
                    "low": round4(b.low),
                    "high": round4(b.high),
                    "mean_confidence": round4(b.mean_confidence),
                    "share_right": round4(b.share_right),
                }
                for b in self.bins
            ],
        }

    def table(self) -> tuple[list[str], list[list]]:
        headers = ["decile", "rows", "confidence from", "to", "mean confidence", "share right"]
        rows = [
            [k + 1, b.n, round4(b.low), round4(b.high), round4(b.mean_confidence), round4(b.share_right)]
            for k, b in enumerate(self.bins)
        ]
        return headers, rows


def calibration(report: EvalReport, predictions: pd.DataFrame, n_bins: int = 10) -> Calibration:
    """The calibration of ``predictions``' ``confidence`` against ``report``'s matching (a row is right when its
    content matched a gold attribution and its source is right).  Rows without a confidence (null) are left out."""
    right = {pair.pred for pair in report._pairs if pair.source_right}
    confidence = predictions["confidence"] if "confidence" in predictions.columns else None
    scored = []
    for i, pred in enumerate(report._preds):
        value = float(confidence.loc[pred.index]) if confidence is not None else math.nan
        if not math.isnan(value):
            scored.append((value, i in right))
    scored.sort(key=lambda pair: pair[0])  # ties stay in row order: right and wrong rows are not sorted apart
    bins = []
    for k in range(n_bins):
        chunk = scored[k * len(scored) // n_bins : (k + 1) * len(scored) // n_bins]
        if chunk:
            mean = sum(c for c, _ in chunk) / len(chunk)
            bins.append(
                CalibrationBin(len(chunk), chunk[0][0], chunk[-1][0], mean, sum(r for _, r in chunk) / len(chunk))
            )
    ece = sum(b.n * abs(b.mean_confidence - b.share_right) for b in bins) / len(scored) if scored else 0.0
    return Calibration(bins, len(scored), ece)
