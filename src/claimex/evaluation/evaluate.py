"""``claimex eval``: a claims table (given, or claimex's own extraction of the gold articles) scored twice,
every row against all the gold and the rows asked for against the gold of their kinds, with the
calibration of its confidence (:class:`Evaluation`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .calibration import Calibration, calibration
from .gold import GoldDocument, load_gold
from .kinds import classify_gold, classify_gold_texts, select_kinds
from .report import EvalReport
from .speakers import GoldSpeaker, default_speakers_path, load_speakers
from .who_said_what import score


def evaluate(
    gold: Path | str,
    *,
    table: Path | str | None = None,
    nlp=None,
    model: str | None = None,
    speakers: Path | str | None = None,
    kinds: Iterable[str] | str | None = None,
    min_confidence: float = 0.0,
) -> Evaluation:
    """``claimex eval``: score the claims table ``table`` (else claimex's own extraction, with ``nlp`` or
    ``model``) against the gold attributions at ``gold`` (see :func:`load_gold`) both ways
    (:func:`evaluate_rows`), and the speakers against ``speakers`` (default: ``speakers.jsonl`` beside the
    gold, when there is one; see :func:`load_speakers`).  The gold's kinds come from claimex's parse of
    the gold articles, so the pipeline is loaded with a table too.  A missing or unreadable input raises
    :class:`~claimex.io.writing.UsageError` naming it."""
    from ..api import checked_row_filter
    from ..io.writing import UsageError
    from ..nlp.pipeline import load_pipeline
    from ..table import load_table

    selected = checked_row_filter(kinds, min_confidence)
    if not Path(gold).exists():
        raise UsageError(f"no such gold file or directory: {gold}")
    if table is not None and not Path(table).exists():
        raise UsageError(f"no such table: {table}")
    if speakers is not None and not Path(speakers).is_file():
        raise UsageError(f"no such speakers file: {speakers}")
    try:
        documents = load_gold(gold)
    except (OSError, ValueError) as exc:
        reason = str(exc) if str(exc).startswith(str(gold)) else f"{gold}: {exc}"
        raise UsageError(f"{reason} (see claimex eval in the README for the gold formats)") from exc
    speakers = speakers or default_speakers_path(gold)
    try:
        who = load_speakers(speakers) if speakers is not None else None
    except (OSError, ValueError) as exc:
        raise UsageError(f"{exc} (--speakers takes a JSONL file of doc, start, end, entity, kind)") from exc
    predictions = load_table(table) if table is not None else None
    nlp = nlp or load_pipeline(model)
    if predictions is None:
        predictions = extract_for_gold(documents, nlp)
    else:
        classify_gold_texts(documents, nlp)
    return evaluate_rows(predictions, documents, who, **selected)


def extract_for_gold(documents: list[GoldDocument], nlp, *, classify: bool = True) -> pd.DataFrame:
    """Run claimex on the gold documents' own texts and return the claims table, every kind of claim.

    With ``classify`` the gold attributions get their kind from the same parse (:func:`classify_gold`)."""
    from ..api import row_filter
    from ..article import Article
    from ..nlp.pipeline import annotate
    from ..records import doc_to_records
    from ..table import to_frame

    every_kind = row_filter("all")
    rows: list[dict] = []
    by_id = {d.doc_id: d for d in documents}
    for article, doc in annotate(nlp, [Article(doc_id=d.doc_id, text=d.text) for d in documents]):
        rows.extend(doc_to_records(doc, article, **every_kind))
        if classify:
            classify_gold(by_id[article.doc_id], doc)
    return to_frame(rows)


@dataclass
class Evaluation:
    """A claims table scored twice: every row against every gold attribution (``all_kinds``), and the
    output asked for (rows of ``kinds`` whose confidence is at least ``min_confidence``; by default speech)
    against the gold attributions of those kinds (``selected``); with the calibration of the confidence."""

    all_kinds: EvalReport
    selected: EvalReport
    kinds: frozenset[str]
    min_confidence: float
    calibration: Calibration  # every row's confidence against the all-kinds matching
    selected_calibration: Calibration

    def to_dict(self) -> dict:
        return {
            "all_kinds": self.all_kinds.to_dict(),
            "selected": {
                "kinds": sorted(self.kinds),
                "min_confidence": self.min_confidence,
                **self.selected.to_dict(),
                "calibration": self.selected_calibration.to_dict(),
            },
            "calibration": self.calibration.to_dict(),
        }


def evaluate_rows(
    predictions: pd.DataFrame,
    gold: list[GoldDocument],
    speakers: dict[tuple[str, int, int], GoldSpeaker] | None = None,
    *,
    kinds: Iterable[str] | str | None = None,
    min_confidence: float = 0.0,
) -> Evaluation:
    """Both scorings of ``predictions`` (every kind of row) against ``gold``, whose attributions carry their
    kind (:func:`classify_gold`, done by :func:`extract_for_gold` or :func:`classify_gold_texts`); the
    speaker resolution (``speakers``, see :func:`load_speakers`) with every kind."""
    from ..nlp.kinds import parse_kinds

    chosen = parse_kinds(kinds)
    every = score(predictions, gold, speakers)
    rows, documents = select_kinds(predictions, gold, chosen)
    if min_confidence > 0 and "confidence" in rows.columns:
        rows = rows[rows["confidence"] >= min_confidence]
    selected = score(rows, documents)
    return Evaluation(
        every,
        selected,
        chosen,
        min_confidence,
        calibration(every, predictions),
        calibration(selected, rows),
    )
