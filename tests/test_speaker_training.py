"""The antecedent ranker (claimex.speakermodel.ranker) and its training from coreference chains (claimex.speakermodel.train)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.speakermodel.descriptions import (
    FEATURES as DESCRIPTION_FEATURES,
)
from claimex.speakermodel.descriptions import (
    Candidate,
    Description,
    DescriptionRanker,
    description_features,
    shipped_description_ranker,
)
from claimex.speakermodel.ranker import FEATURES, PRIOR_WEIGHTS, AntecedentRanker, candidate_features, shipped_ranker
from claimex.speakermodel.train import read_conll, train_antecedent_ranker, train_split
from claimex.speakermodel.train_descriptions import accuracy, best_threshold, train_description_ranker

CONLL = """# begin document GUM_news_test{n}
0\tMary\t(person-1
1\tJones\tperson-1)
2\tmet\t_
3\tAnna\t(person-2
4\tSmith\tperson-2)
5\tin\t_
6\tParis\t(place-3)
7\t.\t_

8\tShe\t(person-1)
9\tsaid\t_
10\tthe\t(abstract-4
11\ttalks\tabstract-4)
12\twent\t_
13\twell\t_
14\t.\t_

15\tSmith\t(person-2)
16\tsaid\t_
17\tshe\t(person-2)
18\tagreed\t_
19\t.\t_
# end document
""" + "\n".join(
    [
        "# begin document GUM_news_described{n}",
        *(
            f"{i}\t{word}\t{mark}"
            for i, (word, mark) in enumerate(
                [
                    ("Indiana", "(person-1"),
                    ("Gov.", "_"),
                    ("Mike", "_"),
                    ("Pence", "person-1)"),
                    ("spoke", "_"),
                    ("in", "_"),
                    ("Ohio", "(place-2)"),
                    (".", "_"),
                    ("The", "(person-1"),
                    ("governor", "person-1)"),
                    ("said", "_"),
                    ("the", "_"),
                    ("ticket", "_"),
                    ("was", "_"),
                    ("united", "_"),
                    (".", "_"),
                    ("The", "(person-3"),
                    ("man", "person-3)"),
                    ("welcomed", "_"),
                    ("him", "(person-1)"),
                    (".", "_"),
                ]
            )
        ),
        "# end document",
        "",
    ]
)


def _corpus(tmp_path, n: int = 6):
    coref = tmp_path / "coref"
    coref.mkdir()
    for k in range(n):
        (coref / f"GUM_news_test{k}.conll").write_text(CONLL.format(n=k), encoding="utf-8")
    (tmp_path / "splits.md").write_text(
        "# Splits\n\n## dev\n\n  * GUM_news_test5\n\n## train\n\n"
        + "".join(f"  * GUM_news_test{k}\n" for k in range(5)),
        encoding="utf-8",
    )
    return coref


def test_read_conll_mentions_and_sentences(tmp_path):
    doc, described = read_conll(_corpus(tmp_path, 1) / "GUM_news_test0.conll")
    assert described.name == "GUM_news_described0" and (8, 10, "1") in described.mentions
    assert doc.words[:2] == ["Mary", "Jones"] and doc.sentence_starts == [0, 8, 15]
    assert (0, 2, "1") in doc.mentions and (8, 9, "1") in doc.mentions and (17, 18, "2") in doc.mentions


def test_train_split_reads_the_train_section(tmp_path):
    coref = _corpus(tmp_path)
    assert [p.stem for p in train_split(coref)] == [f"GUM_news_test{k}" for k in range(5)]


def test_candidate_features_are_the_models():
    features = candidate_features(sentences_back=1, subject=True, spoke=2, mentions=3, gender_known=False)
    assert tuple(sorted(features)) == tuple(sorted(FEATURES))
    assert features["last_speaker"] == features["spoke"] == 1.0 and features["same_sentence"] == 0.0


def test_ranker_round_trip(tmp_path):
    ranker = AntecedentRanker({"subject": 1.5, "sentences_back": -2.0})
    ranker.save(tmp_path / "r.json")
    again = AntecedentRanker.load(tmp_path / "r.json")
    features = candidate_features(2, True, 0, 1, True)
    assert again.score(features) == pytest.approx(ranker.score(features))


def test_shipped_ranker_is_the_documented_prior():
    assert shipped_ranker().weights == PRIOR_WEIGHTS


def test_training_is_deterministic_and_reports_cross_validation(tmp_path, nlp):
    pytest.importorskip("sklearn")
    coref = _corpus(tmp_path)
    first = train_antecedent_ranker(coref, nlp)
    second = train_antecedent_ranker(coref, nlp)
    assert first.to_json() == second.to_json()
    assert first.meta["n_documents"] == 10 and first.meta["n_problems"] >= 5
    assert 0.0 <= first.meta["cv_top1"] <= 1.0
    assert set(first.weights) == set(FEATURES)


@pytest.mark.model
def test_train_speakers_cli(tmp_path):
    pytest.importorskip("sklearn")
    coref = _corpus(tmp_path)
    out = tmp_path / "ranker.json"
    described = tmp_path / "descriptions.json"
    result = CliRunner().invoke(app, ["train-speakers", str(coref), "-o", str(out), "-d", str(described), "-q"])
    assert result.exit_code == 0, result.output
    assert AntecedentRanker.load(out).meta["n_documents"] == 10
    assert DescriptionRanker.load(described).meta["n_documents"] == 10


def test_train_speakers_needs_a_directory(tmp_path):
    result = CliRunner().invoke(app, ["train-speakers", str(tmp_path / "missing")])
    assert result.exit_code == 2


# ---------------------------------------------------------------- the description ranker


def _candidate(**changed) -> Candidate:
    fields = {
        "role_match": False,
        "described": False,
        "qualifiers_described": 0.0,
        "gender": None,
        "sentences_away": 1,
        "cataphora": False,
        "possessor": False,
        "subject": True,
        "mentions": 3,
        "mention_share": 1.0,
        "spoke": 0,
    }
    return Candidate(**{**fields, **changed})


def test_description_features_are_the_models():
    described = Description(n_qualifiers=1, definite=True, possessed=False, subject=True, office=True)
    features = description_features(described, _candidate(gender="agrees"))
    assert tuple(sorted(features)) == tuple(sorted(DESCRIPTION_FEATURES))
    assert features["gender_agrees"] == 1.0 and features["qualifiers_described"] == 0.0
    assert features["mention_qualified"] == features["mention_office"] == 1.0


def test_shipped_description_ranker_prefers_the_described_person():
    ranker = shipped_description_ranker()
    described = Description(n_qualifiers=1, definite=True, possessed=False, subject=True, office=False)
    holder = description_features(
        described, _candidate(role_match=True, described=True, qualifiers_described=1.0, gender="agrees", spoke=2)
    )
    other = description_features(described, _candidate(described=True, sentences_away=12, mentions=1))
    assert ranker.probability(holder) > ranker.threshold > ranker.probability(other)
    assert ranker.meta["n_problems"] > 100  # trained on GUM, not a placeholder


def test_description_ranker_round_trip(tmp_path):
    ranker = DescriptionRanker({"role_match": 2.0, "distance": -1.0}, -0.5, 0.4, {"note": "test"})
    ranker.save(tmp_path / "d.json")
    again = DescriptionRanker.load(tmp_path / "d.json")
    features = description_features(
        Description(n_qualifiers=0, definite=True, possessed=False, subject=True, office=False), _candidate()
    )
    assert again.probability(features) == pytest.approx(ranker.probability(features))
    assert again.threshold == 0.4 and again.meta == {"note": "test"}


@pytest.mark.parametrize(
    "scored, threshold, expected",
    [
        ([(0.9, True, True), (0.2, False, False)], 0.5, 1.0),  # takes the right one, leaves the unnamed alone
        ([(0.9, False, True), (0.6, True, True)], 0.5, 0.5),  # a wrong best candidate is an error
        ([(0.3, True, True)], 0.5, 0.0),  # leaving a named person unresolved is an error
    ],
)
def test_accuracy_counts_right_people_and_right_refusals(scored, threshold, expected):
    assert accuracy(scored, threshold) == expected


def test_best_threshold_prefers_fewer_guesses_on_a_tie():
    assert best_threshold([(0.9, True, True), (0.1, False, False)]) == 0.9  # 0.15 ... 0.9 all score 1.0


@pytest.mark.model
def test_description_training_is_deterministic(tmp_path, nlp):
    pytest.importorskip("sklearn")
    coref = _corpus(tmp_path)
    first = train_description_ranker(coref, nlp)
    second = train_description_ranker(coref, nlp)
    assert first.to_json() == second.to_json()
    assert first.meta["n_with_right_candidate"] >= 5 and first.meta["n_problems"] > first.meta["n_with_right_candidate"]
    assert set(first.weights) == set(DESCRIPTION_FEATURES)
