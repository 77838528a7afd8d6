"""Score a claims table against gold quote attributions (PolNeAR or our JSONL form).

The scoring is the one fixed in ``shared/README.md`` ("How claimex is scored
on PolNeAR"):

* **Gold** is every attribution with both a Content and a Source.
* **Predicted** are the claims table's rows, located by ``doc_id`` and
  ``char_start``/``char_end`` in the article text as read.
* Both spans are **trimmed** first: whitespace, quotation marks (straight,
  curly, single, double, guillemets), punctuation and a leading word "that"
  are removed at both ends, repeatedly.  A discontinuous gold Content counts
  as the union of its fragments.
* A gold and a predicted content **match** when the characters they share
  are at least half of each (trimmed) span.  Matching is greedy and
  one-to-one within an article: candidate pairs are taken best first
  (Dice overlap, then a right source, then document order).
* An **exact** match is a matched pair whose trimmed spans are identical.
* The **source is right** when a word (an alphanumeric token, compared
  case-insensitively, whole words only) of the predicted ``speaker_mention``
  or ``speaker`` is a word of the gold Source text.  No stopword filtering:
  the README's rule is applied literally.
* **who-said-what**: matched rows whose source is right, over all predicted
  rows of gold documents (precision) and over all gold attributions (recall).
* **speaker resolved right** (with a speakers file such as PolNeAR dev's
  ``speakers.jsonl``, which names the entity a careful reader resolves each
  Source span to): among matched gold attributions whose source has an
  entity, the share whose row's ``speaker`` names that entity, equal up to
  case, punctuation, a leading "the", leading titles and honorifics ("Sen.",
  "President", "Mr."), a possessive and single-letter initials ("Donald J.
  Trump" = "Donald Trump"); overall and by the source's kind (name, surname,
  pronoun, relative, description, other).

Predictions whose ``doc_id`` names no gold document are ignored (and
counted).  Everything here is a pure function of its inputs: no printing.

This module gathers the public names of the modules that implement the scoring, one concern each
(see :mod:`claimex.evaluation`), so that ``from claimex.evaluation.scoring import ...`` keeps working.
"""

from __future__ import annotations

from .calibration import Calibration, CalibrationBin, calibration
from .categories import CUE_CATEGORIES, QUOTE_STYLES, cue_category, quote_style
from .evaluate import Evaluation, evaluate, evaluate_rows, extract_for_gold
from .gold import GoldAttribution, GoldDocument, load_brat_dir, load_gold, load_gold_jsonl
from .kinds import classify_gold, classify_gold_texts, select_kinds
from .matching import source_is_right
from .report import EvalReport
from .spans import Span, overlap_match, trim_positions, trim_span, words
from .speakers import SPEAKER_KINDS, GoldSpeaker, default_speakers_path, load_speakers, same_speaker, speaker_key
from .who_said_what import score

__all__ = [
    "GoldAttribution",
    "GoldDocument",
    "GoldSpeaker",
    "EvalReport",
    "load_speakers",
    "speaker_key",
    "same_speaker",
    "default_speakers_path",
    "load_brat_dir",
    "load_gold_jsonl",
    "load_gold",
    "score",
    "evaluate",
    "extract_for_gold",
    "trim_positions",
    "trim_span",
    "words",
    "source_is_right",
    "cue_category",
    "quote_style",
    "overlap_match",
    # public here before the split too, though not listed
    "Span",
    "CUE_CATEGORIES",
    "QUOTE_STYLES",
    "SPEAKER_KINDS",
    "classify_gold",
    "classify_gold_texts",
    "select_kinds",
    "Calibration",
    "CalibrationBin",
    "calibration",
    "Evaluation",
    "evaluate_rows",
]
