"""The learned cue table: its file format, its estimates, and learning it from annotated text."""

import json

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.cues import make_learned_lexicon, shipped_cue_table
from claimex.training import MIN_OCCURRENCES, CueTable


def test_round_trip():
    table = CueTable({("praise", "VERB", "dobj"): (5, 9), ("say", "VERB", "ccomp"): (90, 100)}, {"corpus": "x"})
    again = CueTable.from_json(table.to_json())
    assert again.counts == table.counts and again.meta == table.meta


@pytest.mark.parametrize(
    "counts, expected",
    [
        ((9, 9), 0.9),  # add-one in the denominator
        ((2, MIN_OCCURRENCES - 1), 0.0),  # too rare to estimate
        ((0, 50), 0.0),
    ],
)
def test_precision(counts, expected):
    table = CueTable({("note", "VERB", "ccomp"): counts})
    assert table.precision("Note", "VERB", "ccomp") == pytest.approx(expected)
    assert table.precision("note", "VERB", "dobj") == 0.0  # unknown construction


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="format"):
        CueTable.from_json(json.dumps({"format": 99, "constructions": []}))


def test_shipped_table_loads_offline_and_knows_common_cues():
    table = shipped_cue_table()
    assert table.meta.get("corpus") == "train"
    assert table.precision("say", "VERB", "ccomp") > 0.5
    assert table.precision("note", "VERB", "ccomp") > 0.5
    assert table.precision("eat", "VERB", "dobj") < 0.3
    lexicon = make_learned_lexicon()
    assert lexicon.learned("call", "VERB", "prep:for") >= lexicon.threshold


def _gold_jsonl(path):
    lines = []
    for i, (name, verb, obj) in enumerate(
        [("Mary Jones", "praised", "the nurses"), ("Tom Lee", "praised", "the teachers"),
         ("Ann Ray", "praised", "the volunteers"), ("Bob Kay", "praised", "the police"),
         ("Sam Fox", "ate", "the cake"), ("Liz Poe", "ate", "the bread"), ("Ed Lum", "ate", "the soup")]
    ):
        text = f"{name} {verb} {obj} on Monday."
        attributions = []
        if verb == "praised":
            s = text.index(obj)
            attributions.append({"content": [s, s + len(obj)], "source": [0, len(name)],
                                 "cue": [len(name) + 1, len(name) + 1 + len(verb)]})
        lines.append(json.dumps({"doc_id": f"{i}.txt", "text": text, "attributions": attributions}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_train_cues_command_learns_and_is_reproducible(tmp_path):
    gold = tmp_path / "gold.jsonl"
    _gold_jsonl(gold)
    runner = CliRunner()
    outputs = []
    for name in ("a.json", "b.json"):
        result = runner.invoke(app, ["train-cues", str(gold), "-o", str(tmp_path / name), "-q"])
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name).read_text())
    assert outputs[0] == outputs[1]
    table = CueTable.from_json(outputs[0])
    assert table.counts[("praise", "VERB", "dobj")] == (4, 4)
    assert table.counts[("eat", "VERB", "dobj")] == (0, 3)
    assert table.precision("praise", "VERB", "dobj") > table.precision("eat", "VERB", "dobj")


def test_train_cues_missing_gold_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["train-cues", str(tmp_path / "nope")])
    assert result.exit_code == 2
