"""The cue model: its file format, its features, its scores, and learning it from annotated text."""

import json
from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc
from typer.testing import CliRunner

from claimex.cli import app
from claimex.cuemodel.model import CueModel, construction_features, constructions, statement_relations
from claimex.cuemodel.train import cue_positions, extent_examples
from claimex.nlp.cues import make_learned_lexicon, shipped_cue_model
from claimex.nlp.pipeline import load_pipeline
from handbuilt import doc_from_rows


def test_round_trip():
    model = CueModel(
        {"lemma=say": 2.5, "rel=dobj": -1.25},
        -0.5,
        {"VERB": frozenset({"say"})},
        {"corpus": "x"},
        {"k|dep=drop|relcl": 1.5},
        -0.75,
    )
    assert CueModel.from_json(model.to_json()) == model


def test_format_2_without_extent_is_read():
    model = CueModel.from_json(json.dumps({"format": 2, "bias": 0.5, "weights": [["lemma=say", 1.0]]}))
    assert model.weights == {"lemma=say": 1.0} and model.extent_weights == {}


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="format"):
        CueModel.from_json(json.dumps({"format": 99, "weights": []}))


def _parsed(words, heads, deps, pos, lemmas, tags=None, ents=None):
    """A hand-built parse on a blank pipeline: heads are absolute indices."""
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        tags=tags or [""] * len(words),
        ents=ents,
    )


# She did not believe that taxes rise .
SHE = (
    ["She", "did", "not", "believe", "that", "taxes", "rise", "."],
    [3, 3, 3, 3, 6, 6, 3, 3],
    ["nsubj", "aux", "neg", "ROOT", "mark", "nsubj", "ccomp", "punct"],
    ["PRON", "AUX", "PART", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
    ["she", "do", "not", "believe", "that", "tax", "rise", "."],
)
# The chef may eat the cake .
CHEF = (
    ["The", "chef", "may", "eat", "the", "cake", "."],
    [1, 3, 3, 3, 5, 3, 3],
    ["det", "nsubj", "aux", "ROOT", "det", "dobj", "punct"],
    ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
    ["the", "chef", "may", "eat", "the", "cake", "."],
    ["DT", "NN", "MD", "VB", "DT", "NN", "."],
)
# Taxes rise , Warren said .  (the statement comes before its cue)
WARREN = (
    ["Taxes", "rise", ",", "Warren", "said", "."],
    [1, 4, 4, 4, 4, 4],
    ["nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct"],
    ["NOUN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"],
    ["tax", "rise", ",", "Warren", "say", "."],
    None,
    ["O", "O", "O", "B-PERSON", "O", "O"],
)


# She was critical of the plan .
CRITICAL = (
    ["She", "was", "critical", "of", "the", "plan", "."],
    [1, 1, 1, 2, 5, 3, 1],
    ["nsubj", "ROOT", "acomp", "prep", "det", "pobj", "punct"],
    ["PRON", "AUX", "ADJ", "ADP", "DET", "NOUN", "PUNCT"],
    ["she", "be", "critical", "of", "the", "plan", "."],
)


@pytest.mark.parametrize(
    "parse, present, absent",
    [
        (
            SHE,
            {
                "lemma|rel=believe|ccomp",
                "speaker=PRON",
                "pronoun=she",
                "first=that",
                "negated",
                "lexicon=True",
                "clause|rel=ccomp",
                "lemma|root=believe|VERB",
            },
            {"before|rel=ccomp", "quoted|rel=ccomp"},
        ),
        (
            CHEF,
            {
                "lemma|rel=eat|dobj",
                "speaker=NOUN",
                "modal=may",
                "lexicon=False",
                "first=other",
                "length=2-3",
                "speaker_lemma=chef",
                "lemma|root=eat|NOUN",
            },
            {"negated", "clause|rel=dobj"},
        ),
        (
            WARREN,
            {"lemma|rel=say|ccomp", "speaker=PERSON", "before|rel=ccomp", "rel|speaker=ccomp|PERSON"},
            {"pronoun=warren", "lender=say|ROOT"},
        ),
        # an adjective borrows its speaker from the copula
        (CRITICAL, {"lemma|rel=critical|prep:of", "pos=ADJ", "lender=be|acomp"}, {"clause|rel=prep:of"}),
    ],
)
def test_construction_features(parse, present, absent):
    found = list(constructions(_parsed(*parse)))
    assert len(found) == 1
    features = set(construction_features(*found[0]))
    assert present <= features
    assert not absent & features


@pytest.mark.parametrize(
    "parse",
    [
        # No speaker: an imperative has no subject, so it offers no construction.
        (
            ["Eat", "the", "cake", "."],
            [0, 2, 0, 0],
            ["ROOT", "det", "dobj", "punct"],
            ["VERB", "DET", "NOUN", "PUNCT"],
            ["eat", "the", "cake", "."],
        ),
        # No statement: an intransitive verb.
        (["He", "slept", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"], ["PRON", "VERB", "PUNCT"], ["he", "sleep", "."]),
    ],
)
def test_no_construction(parse):
    assert list(constructions(_parsed(*parse))) == []


@pytest.mark.parametrize(
    "parse, found",
    [
        # The plan was criticized by Democrats : the agent criticized the passive subject.
        (
            (
                ["The", "plan", "was", "criticized", "by", "Democrats", "."],
                [1, 3, 3, 3, 3, 4, 3],
                ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
                ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                ["the", "plan", "be", "criticize", "by", "Democrats", "."],
            ),
            [("criticized", "nsubjpass", "The plan", "Democrats")],
        ),
        # She was critical of the plan : the copula's subject holds the stance of its predicate adjective.
        (CRITICAL, [("critical", "prep:of", "the plan", "She")]),
        # She voiced support for the plan : the light verb's subject holds the noun's stance.
        (
            (
                ["She", "voiced", "support", "for", "the", "plan", "."],
                [1, 1, 1, 2, 5, 3, 1],
                ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
                ["PRON", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
                ["she", "voice", "support", "for", "the", "plan", "."],
            ),
            [("voiced", "dobj", "support for the plan", "She"), ("support", "prep:for", "the plan", "She")],
        ),
        # She is in favor of the plan : the noun's stance is the subject's of the verb its preposition hangs on.
        (
            (
                ["She", "is", "in", "favor", "of", "the", "plan", "."],
                [1, 1, 1, 2, 3, 6, 4, 1],
                ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "punct"],
                ["PRON", "AUX", "ADP", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
                ["she", "be", "in", "favor", "of", "the", "plan", "."],
            ),
            [("is", "prep:in", "favor of the plan", "She"), ("favor", "prep:of", "the plan", "She")],
        ),
        # The plan was criticized : no agent, so nobody to attribute it to.
        (
            (
                ["The", "plan", "was", "criticized", "."],
                [1, 3, 3, 3, 3],
                ["det", "nsubjpass", "auxpass", "ROOT", "punct"],
                ["DET", "NOUN", "AUX", "VERB", "PUNCT"],
                ["the", "plan", "be", "criticize", "."],
            ),
            [],
        ),
    ],
)
def test_passive_adjective_and_light_verb_constructions(parse, found):
    doc = _parsed(*parse)
    assert [(t.text, rel, " ".join(w.text for w in s), sp.text) for t, rel, s, sp in constructions(doc)] == found


# He said taxes rise , which aides denied .
DENIED = (
    ["He", "said", "taxes", "rise", ",", "which", "aides", "denied", "."],
    [1, 1, 3, 1, 3, 7, 7, 3, 1],
    ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "dobj", "nsubj", "relcl", "punct"],
    ["PRON", "VERB", "NOUN", "VERB", "PUNCT", "PRON", "NOUN", "VERB", "PUNCT"],
    ["he", "say", "tax", "rise", ",", "which", "aide", "deny", "."],
)
# He knocked Rubio on trade .
KNOCKED = (
    ["He", "knocked", "Rubio", "on", "trade", "."],
    [1, 1, 1, 1, 3, 1],
    ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
    ["PRON", "VERB", "PROPN", "ADP", "NOUN", "PUNCT"],
    ["he", "knock", "Rubio", "on", "trade", "."],
)
# He said taxes rise ; he left .
LEFT = (
    ["He", "said", "taxes", "rise", ";", "he", "left", "."],
    [1, 1, 3, 1, 1, 6, 1, 1],
    ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "nsubj", "conj", "punct"],
    ["PRON", "VERB", "NOUN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
    ["he", "say", "tax", "rise", ";", "he", "leave", "."],
)
EXTENT = CueModel(
    extent_weights={"k|dep=drop|relcl": 5.0, "k|dep=add|prep": 5.0, "k|dep=add|conj": 5.0}, extent_bias=-2.0
)


@pytest.mark.parametrize(
    "parse, model, statement",
    [
        (DENIED, EXTENT, "taxes rise ,"),  # a trailing relative clause that does not belong goes
        (DENIED, CueModel(), "taxes rise , which aides denied"),  # without extent weights: as parsed
        (KNOCKED, EXTENT, "Rubio on trade"),  # a further complement of the cue that belongs is added
        (KNOCKED, CueModel(), "Rubio"),
        (LEFT, EXTENT, "taxes rise"),  # never across a semicolon
    ],
)
def test_extend(parse, model, statement):
    token, relation, words, _ = next(iter(constructions(_parsed(*parse))))
    assert " ".join(t.text for t in model.extend(token, relation, words)) == statement


@dataclass
class _Gold:
    cue_spans: list
    content_spans: list
    source_spans: list


@pytest.mark.parametrize(
    "text, read, unread",
    [
        ("He said “we will win” on Monday.", {"He", "said", "Monday"}, {"we", "will", "win"}),
        # a boilerplate line is never read for cues
        ("Share this article\n\nThe minister said taxes rise.", {"minister", "said"}, {"Share", "article"}),
    ],
)
def test_cue_positions_are_the_words_claimex_reads_for_cues(text, read, unread):
    doc = spacy.blank("en")(text)
    positions = cue_positions(doc)
    assert {t.text for t in doc if positions[t.i]} >= read
    assert not {t.text for t in doc if positions[t.i]} & unread


def _spans(doc, *words):
    tokens = [t for t in doc if t.text in words]
    return [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]


def test_extent_examples_label_units_by_the_gold_content():
    doc = _parsed(*DENIED)
    gold = _Gold(_spans(doc, "said"), _spans(doc, "taxes", "rise"), _spans(doc, "He"))
    assert [(f[0], f[2], label) for f, label in extent_examples(doc, [gold])] == [("kind=drop", "k|dep=drop|relcl", 1)]
    doc = _parsed(*KNOCKED)
    gold = _Gold(_spans(doc, "knocked"), _spans(doc, "Rubio", "trade"), _spans(doc, "He"))
    assert [(f[0], f[2], label) for f, label in extent_examples(doc, [gold])] == [("kind=add", "k|dep=add|prep", 1)]
    gold = _Gold(_spans(doc, "knocked"), _spans(doc, "Rubio"), _spans(doc, "He"))
    assert [label for _, label in extent_examples(doc, [gold])] == [0]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None, gate=None, claimex_components=False)


@pytest.mark.parametrize(
    "text, cue, relation, low, high",
    [
        ("The minister said that taxes will rise next year.", "said", "ccomp", 0.5, 1.0),
        ("Senator Warren believes the bank broke the law.", "believes", "ccomp", 0.35, 1.0),
        ("The chef ate the cake on Monday.", "ate", "dobj", 0.0, 0.35),
        ("The company sold its factory in March.", "sold", "dobj", 0.0, 0.35),
    ],
)
def test_shipped_model_scores(nlp, text, cue, relation, low, high):
    model = shipped_cue_model()
    assert model.meta.get("corpus") == "train"
    doc = nlp(text)
    found = [(t, s, sp) for t, rel, s, sp in constructions(doc) if t.text == cue and rel == relation]
    assert found, [(t.text, rel) for t, rel, _, _ in constructions(doc)]
    token, statement, speaker = found[0]
    assert low <= model.probability(token, relation, statement, speaker) <= high


def test_shipped_model_knows_common_cue_words():
    model = shipped_cue_model()
    assert {"say", "tell", "believe"} <= model.cue_lemmas["VERB"]
    assert make_learned_lexicon().threshold == pytest.approx(0.35)


def _gold_jsonl(path):
    lines = []
    for i, (name, verb, obj) in enumerate(
        [
            ("Mary Jones", "praised", "the nurses"),
            ("Tom Lee", "praised", "the teachers"),
            ("Ann Ray", "praised", "the volunteers"),
            ("Bob Kay", "praised", "the police"),
            ("Sam Fox", "ate", "the cake"),
            ("Liz Poe", "ate", "the bread"),
            ("Ed Lum", "ate", "the soup"),
        ]
    ):
        text = f"{name} {verb} {obj} on Monday."
        attributions = []
        if verb == "praised":
            s = text.index(obj)
            attributions.append(
                {
                    "content": [s, s + len(obj)],
                    "source": [0, len(name)],
                    "cue": [len(name) + 1, len(name) + 1 + len(verb)],
                }
            )
        lines.append(json.dumps({"doc_id": f"{i}.txt", "text": text, "attributions": attributions}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.model
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
    model = CueModel.from_json(outputs[0])
    assert model.meta["n_docs"] == 7 and model.meta["n_positive"] == 4
    assert model.cue_lemmas == {"VERB": frozenset({"praise"})}
    assert model.weights["lemma=praise"] > 0 > model.weights["lemma=eat"]


def test_train_cues_missing_gold_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["train-cues", str(tmp_path / "nope")])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "lemma, speaks",
    [("poll", True), ("bombshell", False), ("never-seen", False)],
)
def test_a_noun_speaks_when_its_learned_speaker_weight_is_positive(lemma, speaks):
    model = CueModel(weights={"speaker_lemma=poll": 0.9, "speaker_lemma=bombshell": -0.02})
    assert model.speaks(lemma) is speaks


def test_no_noun_speaks_without_a_cue_model():
    from claimex.nlp.cues import make_default_lexicon

    assert make_default_lexicon().speaks("poll") is False


# "Graham called Trump a “kook”" as the parser often reads it: the object folded into the predicate (oprd).
_FOLDED = [
    ("Graham", 1, "nsubj", "PROPN", "graham"),
    ("called", 1, "ROOT", "VERB", "call"),
    ("Trump", 5, "nmod", "PROPN", "trump"),
    ("a", 5, "det", "DET", "a"),
    ("“", 5, "punct", "PUNCT", "“"),
    ("kook", 1, "oprd", "NOUN", "kook"),
    ("”", 5, "punct", "PUNCT", "”"),
]
# "She was called a hero": a passive's predicate describes its subject, no statement of a speaker.
_PASSIVE = [
    ("She", 2, "nsubjpass", "PRON", "she"),
    ("was", 2, "auxpass", "AUX", "be"),
    ("called", 2, "ROOT", "VERB", "call"),
    ("a", 4, "det", "DET", "a"),
    ("hero", 2, "oprd", "NOUN", "hero"),
]
# "Critics called the plan a disaster", parsed as it should be: one statement, the object and its predicate.
_PARSED = [
    ("Critics", 1, "nsubj", "NOUN", "critic"),
    ("called", 1, "ROOT", "VERB", "call"),
    ("the", 3, "det", "DET", "the"),
    ("plan", 1, "dobj", "NOUN", "plan"),
    ("a", 5, "det", "DET", "a"),
    ("disaster", 1, "oprd", "NOUN", "disaster"),
]


@pytest.mark.parametrize(
    ("rows", "relations"),
    [
        (_FOLDED, [("dobj", "Trump a “ kook ”")]),
        (_PARSED, [("dobj", "the plan a disaster")]),
        (_PASSIVE, []),  # must find nothing
    ],
    ids=["object-folded-into-predicate", "object-and-predicate", "passive"],
)
def test_the_statement_of_a_verb_with_a_predicate(rows, relations):
    doc = doc_from_rows(rows)
    verb = next(t for t in doc if t.lemma_ == "call")
    found = [(relation, " ".join(t.text for t in tokens)) for relation, tokens in statement_relations(verb)]
    assert found == relations
