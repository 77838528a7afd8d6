"""--kinds and --min-confidence in extract, show and eval; eval's two scorings; train-confidence's errors."""

import json

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.table import read_table

runner = CliRunner()

ARTICLE = (
    "“We will defend our interests,” Foreign Minister Wang Yi said on Tuesday.\n\n"
    "Voters believe that the economy is getting worse. The senator backed the bill on Monday.\n\n"
    "A new poll found that most voters trust the minister.\n"
)


@pytest.fixture
def pipeline(nlp, monkeypatch):
    """Every command runs on the session's pipeline instead of loading the model again."""
    for target in ("claimex.api.load_pipeline", "claimex.nlp.pipeline.load_pipeline"):  # the CLI's is the latter
        monkeypatch.setattr(target, lambda *args, **kwargs: nlp)
    return nlp


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def extract(args, tmp_path):
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["extract", *args, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return read_table(out)


def test_extract_gives_speech_unless_asked(pipeline, article, tmp_path):
    default = extract([str(article)], tmp_path)
    assert list(default.claim_kind) == ["speech"] and list(default.cue) == ["say"]
    every = extract([str(article), "--kinds", "all"], tmp_path)
    assert set(every.claim_kind) == {"speech", "thought", "action", "evidence"}
    two = extract([str(article), "--kinds", "thought,evidence"], tmp_path)
    assert set(two.claim_kind) == {"thought", "evidence"}
    assert every.confidence.between(0, 1).all()


def test_min_confidence_keeps_the_surer_rows(pipeline, article, tmp_path):
    every = extract([str(article), "--kinds", "all"], tmp_path)
    floor = float(every.confidence.median())
    sure = extract([str(article), "--kinds", "all", "--min-confidence", str(floor)], tmp_path)
    assert 0 < len(sure) < len(every) or floor == every.confidence.min()
    assert (sure.confidence >= floor).all()


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--kinds", "gossip"],
            "--kinds 'gossip': unknown claim kind gossip: use speech,thought,evidence,action or all",
        ),
        (["--kinds", "speech,"], None),  # a trailing comma is forgiven
        (["--min-confidence", "1.5"], "--min-confidence 1.5: give a probability between 0 and 1"),
        (["--min-confidence", "-0.1"], "--min-confidence -0.1: give a probability between 0 and 1"),
    ],
)
def test_bad_selections_exit_2_before_any_work(article, tmp_path, args, message):
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["extract", str(article), "-o", str(out), "-q", "--model", "no_such_model", *args])
    if message is None:
        assert result.exit_code == 2 and "no_such_model" in result.output  # got as far as loading the model
    else:
        assert result.exit_code == 2 and message in result.output, result.output
        assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_show_shows_the_kinds_asked_for(pipeline, article):
    speech = runner.invoke(app, ["show", str(article)])
    every = runner.invoke(app, ["show", str(article), "--kinds", "all"])
    assert speech.exit_code == 0 and every.exit_code == 0, every.output
    assert "1 claim" in speech.output and "thought" not in speech.output
    assert "thought" in every.output and "evidence" in every.output and "confidence" in every.output


@pytest.fixture
def gold(tmp_path):
    """The article with three gold attributions: a speech, a thought and an action."""

    def at(words):
        start = ARTICLE.index(words)
        return [start, start + len(words)]

    attributions = [
        {"content": at("We will defend our interests"), "source": at("Foreign Minister Wang Yi"), "cue": at("said")},
        {"content": at("the economy is getting worse"), "source": at("Voters"), "cue": at("believe")},
        {"content": at("the bill"), "source": at("The senator"), "cue": at("backed")},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "a.txt", "text": ARTICLE, "attributions": attributions}) + "\n")
    return path


def test_eval_scores_both_ways_and_prints_the_calibration(pipeline, gold):
    result = runner.invoke(app, ["eval", str(gold)])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())  # the tables' titles wrap at the terminal's width
    assert "every kind of row against every gold attribution" in shown
    assert "rows of kind speech" in shown and "expected calibration error" in shown
    figures = json.loads(runner.invoke(app, ["eval", str(gold), "--json"]).stdout)
    assert figures["all_kinds"]["counts"]["n_gold"] == 3
    assert figures["selected"]["kinds"] == ["speech"] and figures["selected"]["counts"]["n_gold"] == 1
    assert figures["selected"]["who_said_what"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert figures["calibration"]["n_rows"] == figures["all_kinds"]["counts"]["n_pred"]
    wide = json.loads(runner.invoke(app, ["eval", str(gold), "--json", "--kinds", "speech,thought"]).stdout)
    assert wide["selected"]["counts"]["n_gold"] == 2


def test_eval_of_a_table_classifies_the_gold_too(pipeline, gold, article, tmp_path):
    table = tmp_path / "claims.csv"
    assert runner.invoke(app, ["extract", str(article), "-o", str(table), "-q", "--kinds", "all"]).exit_code == 0
    figures = json.loads(runner.invoke(app, ["eval", str(gold), "--table", str(table), "--json"]).stdout)
    assert figures["selected"]["counts"]["n_gold"] == 1 and figures["all_kinds"]["counts"]["n_gold"] == 3


def test_train_confidence_names_a_missing_gold(tmp_path):
    result = runner.invoke(app, ["train-confidence", str(tmp_path / "nope"), "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2 and "no such gold file or directory" in result.output


def _small_gold(path):
    """Ten short articles: each row claimex finds is right (said) or not in the gold (believes, backed)."""
    lines = []
    for k in range(10):
        text = (
            f"The mayor of Town{k} said that the bridge would open in {2020 + k}. "
            f"Residents believe that the traffic will get worse. The council backed the plan on Monday.\n\n"
            f"“We have waited long enough for this bridge,” resident Ann Lee{k} said.\n"
        )

        def at(words, text=text):
            start = text.index(words)
            return [start, start + len(words)]

        attributions = [
            {"content": at(f"the bridge would open in {2020 + k}"), "source": at("The mayor"), "cue": at("said")},
            {"content": at("We have waited long enough for this bridge"), "source": at(f"Ann Lee{k}"), "cue": [0, 0]},
        ]
        if k % 2:
            attributions.append(
                {"content": at("the traffic will get worse"), "source": at("Residents"), "cue": at("believe")}
            )
        lines.append(json.dumps({"doc_id": f"{k}.txt", "text": text, "attributions": attributions}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_train_confidence_learns_out_of_fold_and_deterministically(pipeline, tmp_path):
    gold = _small_gold(tmp_path / "gold.jsonl")
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    for out in (first, second):
        result = runner.invoke(app, ["train-confidence", str(gold), "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    model = json.loads(first.read_text())
    assert model["meta"]["folds"] == 5 and model["meta"]["n_rows"] >= 30 and model["calibration"]
