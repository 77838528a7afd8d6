"""Confidence: the model's file, its calibration map, the features of a claim, learning and scoring it."""

import pandas as pd
import pytest

from claimex.api import extract_text
from claimex.article import Article
from claimex.cuemodel.confidence import ConfidenceModel, calibrated, claim_features, construction, shipped_model
from claimex.cuemodel.train_confidence import fit_confidence
from claimex.evaluation.scoring import GoldAttribution, GoldDocument, calibration, score
from claimex.nlp.pipeline import annotate


def test_the_model_file_round_trips(tmp_path):
    model = ConfidenceModel({"rule=rule": 0.5, "qt=direct": 1.25}, -0.5, [(0.1, 0.2), (0.9, 0.95)], {"corpus": "x"})
    model.save(tmp_path / "m.json")
    again = ConfidenceModel.load(tmp_path / "m.json")
    assert again == model and again.to_json() == model.to_json()


def test_a_model_of_another_format_is_refused():
    with pytest.raises(ValueError, match="format"):
        ConfidenceModel.from_json('{"format": 99, "bias": 0, "weights": [], "calibration": []}')


@pytest.mark.parametrize(
    "score, probability",
    [(0.0, 0.2), (0.1, 0.2), (0.5, 0.575), (0.9, 0.95), (1.0, 0.95)],
)
def test_the_calibration_map_is_piecewise_linear_and_clipped(score, probability):
    assert calibrated([(0.1, 0.2), (0.9, 0.95)], score) == pytest.approx(probability)


def test_without_points_the_score_is_the_probability():
    assert calibrated([], 0.37) == 0.37


def test_learning_ranks_right_rows_above_wrong_ones_and_is_deterministic():
    examples = [(["rule=rule", "qt=direct"], 1, k % 5) for k in range(60)]
    examples += [(["rule=floating", "qt=direct"], k % 4 == 0, k % 5) for k in range(60)]
    examples = [(features, int(label), fold) for features, label, fold in examples]
    model = fit_confidence(examples)
    assert fit_confidence(examples).to_json() == model.to_json()
    sure, unsure = model.probability(["rule=rule", "qt=direct"]), model.probability(["rule=floating", "qt=direct"])
    assert 0.0 <= unsure < sure <= 1.0
    assert sure > 0.8 and unsure < 0.5
    xs = [x for x, _ in model.calibration]
    ys = [y for _, y in model.calibration]
    assert xs == sorted(xs) and ys == sorted(ys)  # isotonic: the map never goes down


def test_learning_needs_right_and_wrong_rows():
    with pytest.raises(ValueError, match="both right and wrong"):
        fit_confidence([(["a"], 1, k % 5) for k in range(10)])


def test_every_row_has_a_probability_from_the_shipped_model(nlp):
    assert shipped_model() is not None
    text = (
        "“We will defend our interests,” Foreign Minister Wang Yi said on Tuesday.\n\n"
        "Officials believe that the talks will fail. The senator backed the bill.\n"
    )
    rows = extract_text(text, nlp=nlp, kinds="all")
    assert rows and all(0.0 <= r["confidence"] <= 1.0 for r in rows)


def test_a_claims_features_say_how_it_was_found(nlp):
    text = (
        "“The mountain does not care who you are,” Alison Levine said on Monday.\n\n"
        "“We turned back 300 feet below the summit, and that taught me more than any success.”\n"
    )
    ((_, doc),) = annotate(nlp, [Article(doc_id="a", text=text)])
    said, floating = doc.spans["claims"]
    assert construction(said) == "rule" and construction(floating) == "floating"
    features = claim_features(floating)
    assert "rule=floating" in features and "qt=direct" in features and "floating=last speaker" in features
    assert "mention=person:named" in claim_features(said)


def test_calibration_counts_right_rows_per_decile():
    text = "abcdefghij" * 10
    gold = GoldDocument(
        "d.txt", text, [GoldAttribution("d.txt", [(10 * k, 10 * k + 10)], [(0, 1)], "Smith") for k in range(10)]
    )
    rows = pd.DataFrame(
        {
            "doc_id": ["d.txt"] * 10,
            "char_start": [10 * k for k in range(10)],
            "char_end": [10 * k + 10 for k in range(10)],
            "speaker": ["Smith"] * 5 + ["Jones"] * 5,  # the first five right, the last five wrong
            "speaker_mention": [""] * 10,
            "confidence": [0.95, 0.9, 0.85, 0.8, 0.75, 0.3, 0.25, 0.2, 0.15, 0.1],
        }
    )
    result = calibration(score(rows, [gold]), rows, n_bins=2)
    assert [b.n for b in result.bins] == [5, 5]
    assert [b.share_right for b in result.bins] == [0.0, 1.0]
    assert result.bins[0].mean_confidence == pytest.approx(0.2) and result.bins[1].mean_confidence == pytest.approx(
        0.85
    )
    assert result.ece == pytest.approx((0.2 + 0.15) / 2)
