"""Tests for claimex.evaluation.scoring: the PolNeAR scoring of shared/README.md."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from claimex.evaluation.scoring import (
    EvalReport,
    GoldAttribution,
    GoldDocument,
    cue_category,
    default_speakers_path,
    load_brat_dir,
    load_gold,
    load_gold_jsonl,
    load_speakers,
    overlap_match,
    quote_style,
    same_speaker,
    score,
    source_is_right,
    speaker_key,
    trim_positions,
    trim_span,
)

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "gold_sample.jsonl"


def trimmed(text: str) -> str:
    s, e = trim_span(text, 0, len(text))
    return text[s:e]


def doc(text: str, *attrs: tuple[tuple[int, int] | list, tuple[int, int], str], doc_id: str = "a.txt") -> GoldDocument:
    """Build a gold document; each attr is (content span or list of spans, source span, cue text)."""
    out = []
    for content, source, cue in attrs:
        spans = content if isinstance(content, list) else [content]
        out.append(
            GoldAttribution(
                doc_id,
                spans,
                [source],
                text[source[0] : source[1]],
                cue,
                content_text=" ".join(text[s:e] for s, e in spans),
            )
        )
    return GoldDocument(doc_id, text, out)


def preds(*rows: dict) -> pd.DataFrame:
    base = {"doc_id": "a.txt", "speaker": "", "speaker_mention": "", "quote_type": "direct", "quote": ""}
    return pd.DataFrame([{**base, **r} for r in rows])


def frame_from_gold(docs: list[GoldDocument], prefix: str = "") -> pd.DataFrame:
    rows = []
    for d in docs:
        for a in d.attributions:
            rows.append(
                {
                    "doc_id": prefix + d.doc_id,
                    "quote": a.content_text,
                    "speaker": "",
                    "speaker_mention": a.source_text,
                    "quote_type": quote_style(a.content_text),
                    "char_start": a.content_spans[0][0],
                    "char_end": a.content_spans[-1][1],
                }
            )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- trimming


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  hello world  ", "hello world"),
        ('"We are on schedule,"', "We are on schedule"),
        ("“It’s finished,”", "It’s finished"),
        ("‘single curly’", "single curly"),
        ("'single straight'", "single straight"),
        ("« guillemets »", "guillemets"),
        ("that the bridge will reopen.", "the bridge will reopen"),
        ("That, he said", "he said"),
        ("that “that is all.”", "is all"),  # repeated: that, quote, that
        (' "that it works" ', "it works"),  # that after a quote mark
        ("thatcher won", "thatcher won"),  # "that" only as a whole word
        ("that's fine", "that's fine"),
        ("that", ""),
        ("...!?", ""),
        ("— a dash —", "a dash"),
        ("inner, punctuation. stays", "inner, punctuation. stays"),
        ("ends with that", "ends with that"),  # only a leading "that"
    ],
)
def test_trim(raw, expected):
    assert trimmed(raw) == expected


def test_trim_discontinuous_union():
    text = '"Prices will fall," the minister said, "but not this year."'
    pos = trim_positions(text, [(39, 59), (0, 19)])
    got = "".join(text[p] for p in pos)
    assert got == 'Prices will fall,""but not this year'


# ---------------------------------------------------------------- overlap rule


@pytest.mark.parametrize(
    "shared, n_pred, n_gold, ok",
    [
        (5, 10, 10, True),  # exactly half of each
        (4, 10, 8, False),  # less than half of the prediction
        (5, 10, 11, False),  # less than half of the gold
        (10, 10, 20, True),
        (10, 30, 10, False),  # prediction three times the gold
        (0, 0, 0, False),
        (3, 3, 3, True),
    ],
)
def test_overlap_rule(shared, n_pred, n_gold, ok):
    assert overlap_match(shared, n_pred, n_gold) is ok


@pytest.mark.parametrize(
    "pred_span, matched",
    [
        ((0, 10), True),  # identical
        ((0, 5), True),  # exactly half of the gold, all of the prediction
        ((0, 4), False),  # under half of the gold
        ((5, 15), True),  # 5 of 10 each way
        ((5, 20), False),  # 5 shared, under half of the prediction's 15
    ],
)
def test_overlap_in_score(pred_span, matched):
    text = "abcdefghijklmnopqrst"  # no spaces or punctuation: every character counts
    gold = [doc(text, ((0, 10), (0, 1), "said"))]
    report = score(preds({"char_start": pred_span[0], "char_end": pred_span[1]}), gold)
    assert report.n_matched == int(matched)


def test_exactly_half_matches_less_does_not():
    text = "aaaa bbbb cccc dddd"
    gold = [doc(text, ((0, 9), (0, 1), "said"))]  # "aaaa bbbb": 9 chars
    # "bbbb cccc dddd" trimmed 14 chars, shares 4 -> no
    assert score(preds({"char_start": 5, "char_end": 19}), gold).n_matched == 0
    # "aaaa bbb" 8 chars... shares 8 of 9 -> yes
    assert score(preds({"char_start": 0, "char_end": 8}), gold).n_matched == 1
    # "bbbb cccc" 9 chars, shares "bbbb" 4 < 4.5 -> no
    assert score(preds({"char_start": 5, "char_end": 14}), gold).n_matched == 0
    text2 = "aaaabbbbcccc"
    gold2 = [doc(text2, ((0, 8), (0, 1), "said"))]
    # "bbbbcccc": shares 4 of 8 and 4 of 8 -> exactly half, matches
    assert score(preds({"char_start": 4, "char_end": 12}), gold2).n_matched == 1


def test_trimming_applies_before_overlap():
    text = 'He said that "the plan works." Then he left.'
    gold = [doc(text, ((8, 30), (0, 2), "said"))]  # that "the plan works."
    r = score(preds({"char_start": 14, "char_end": 28, "speaker_mention": "He"}), gold)  # the plan works
    assert (r.n_matched, r.n_exact, r.n_source_right) == (1, 1, 1)


# ---------------------------------------------------------------- greedy one-to-one


def test_two_predictions_one_gold():
    text = "The economy is strong and growing fast."
    gold = [doc(text, ((0, 38), (0, 3), "said"))]
    r = score(preds({"char_start": 0, "char_end": 38}, {"char_start": 0, "char_end": 37}), gold)
    assert r.n_pred == 2 and r.n_matched == 1
    assert r.content == pytest.approx((0.5, 1.0, 2 / 3))
    assert len(r.examples("spurious")) == 1


def test_greedy_takes_best_pair_first():
    text = "aaaaaaaaaa bbbbbbbbbb"
    gold = [doc(text, ((0, 10), (0, 1), "said"), ((0, 21), (0, 1), "said"))]
    # pred (0,10) is exact for gold 0, and also overlaps gold 1 (10 of 20); pred (0,21) exact for gold 1
    r = score(preds({"char_start": 0, "char_end": 21}, {"char_start": 0, "char_end": 10}), gold)
    assert r.n_matched == 2 and r.n_exact == 2


def test_one_prediction_two_golds():
    text = "aaaaaaaaaa"
    gold = [doc(text, ((0, 10), (0, 1), "said"), ((0, 10), (0, 1), "said"))]
    r = score(preds({"char_start": 0, "char_end": 10}), gold)
    assert r.n_matched == 1 and r.content == pytest.approx((1.0, 0.5, 2 / 3))


# ---------------------------------------------------------------- source rule


@pytest.mark.parametrize(
    "mention, speaker, gold_source, ok",
    [
        ("She", "Jane Smith", "Mayor Jane Smith", True),
        ("she", "", "She", True),  # case-insensitive
        ("SMITH", "", "Mayor Jane Smith", True),
        ("Smithers", "", "Mayor Jane Smith", False),  # whole words only
        ("Jan", "", "Jane", False),
        ("", "", "Jane", False),
        ("the spokesperson", "", "the source", True),  # README literally: any word, stopwords too
        ("Trump's aide", "", "Trump", True),  # apostrophe splits words
        ("", "Hua Chunying", "Hua", True),  # the canonical speaker counts too
    ],
)
def test_source_rule(mention, speaker, gold_source, ok):
    assert source_is_right(mention, speaker, gold_source) is ok


def test_who_said_what_counts_only_right_sources():
    text = "Smith said the bridge opens. Jones said taxes rise."
    gold = [doc(text, ((11, 27), (0, 5), "said"), ((40, 50), (29, 34), "said"))]
    r = score(
        preds(
            {"char_start": 11, "char_end": 27, "speaker_mention": "smith"},
            {"char_start": 40, "char_end": 50, "speaker_mention": "Smith", "quote_type": "indirect"},
        ),
        gold,
    )
    assert (r.n_matched, r.n_source_right) == (2, 1)
    assert r.source_right_rate == 0.5
    assert r.who_said_what == pytest.approx((0.5, 0.5, 0.5))
    assert r.by_quote_type["indirect"]["n_source_right"] == 0
    wrong = r.examples("wrong_source")
    assert len(wrong) == 1 and wrong[0]["gold_source"] == "Jones"


# ---------------------------------------------------------------- discontinuous spans


def test_discontinuous_gold_is_union():
    gold = load_gold_jsonl(SAMPLE)
    beta = next(d for d in gold if d.doc_id == "beta.txt")
    a = beta.attributions[0]
    assert a.content_spans == [(0, 19), (39, 59)]
    assert a.source_text == "the minister"
    # one fragment alone is under half of the union -> no match
    r = score(pd.DataFrame([{"doc_id": "beta.txt", "char_start": 0, "char_end": 19}]), [beta])
    assert r.n_matched == 0
    # the whole stretch matches (36 gold characters of 57)
    r = score(pd.DataFrame([{"doc_id": "beta.txt", "char_start": 0, "char_end": 59, "speaker": "minister"}]), [beta])
    assert (r.n_matched, r.n_exact, r.n_source_right) == (1, 0, 1)


# ---------------------------------------------------------------- brat parsing


def write_brat(root: Path, texts: dict[str, str], anns: dict[str, str]) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, t in texts.items():
        (root / "text" / name).write_text(t, encoding="utf-8")
    for name, a in anns.items():
        (root / "attributions" / name).write_text(a, encoding="utf-8")
    return root


BRAT_TEXT = 'Smith said "we win". Later, Jones noted that taxes rise\nand fall. Many fear it.'


def test_brat_parsing(tmp_path):
    t = BRAT_TEXT
    ann = (
        "\n".join(
            [
                # E line first: names T lines defined after it
                "E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3",
                "T1\tSource 0 5\tSmith",
                "T2\tCue 6 10\tsaid",
                'T3\tContent 11 19\t"we win"',
                "T4\tAttribution 6 10\tsaid",
                # discontinuous content whose text holds a newline (continuation line)
                f"T5\tContent 40 55;56 65\t{t[40:55]}",
                t[56:65],
                "T6\tSource 28 33\tJones",
                "T7\tCue 34 39\tnoted",
                "E2\tAttribution:T7 Cue:T7 Source:T6 Content:T5",
                "#1\tAnnotatorNotes T5\ta note",
                # no Source: not gold
                "T8\tCue 71 75\tfear",
                "T9\tContent 76 78\tit",
                "E3\tAttribution-no-source:T8 Cue:T8 Content:T9",
            ]
        )
        + "\n"
    )
    other = 'T1\tSource 0 5\tSmith\nT2\tContent 11 19\t"we win"\nE1\tSource:T1 Content:T2\n'
    root = write_brat(
        tmp_path / "dev",
        {"news_one.txt": t, "news_two.txt": "Nothing here."},
        {"news_one_aaaa.ann": ann, "news_one_bbbb.ann": other + "T3\tSource 28 33\tJones\n"},
    )
    docs = load_brat_dir(root)
    assert [d.doc_id for d in docs] == ["news_one.txt", "news_two.txt"]
    one, two = docs
    assert one.annotator == "aaaa"
    assert len(one.attributions) == 2 and one.n_without_source == 1
    a1, a2 = one.attributions
    assert (a1.source_text, a1.cue_text, a1.content_spans) == ("Smith", "said", [(11, 19)])
    assert a2.content_spans == [(40, 55), (56, 65)]
    assert a2.content_text == "that taxes rise and fall."
    assert a2.source_text == "Jones"
    assert two.attributions == []
    assert load_gold(root)[0].attributions == one.attributions


def test_brat_first_annotator_in_name_order(tmp_path):
    t = "Smith said we win."
    first = "T1\tSource 0 5\tSmith\nT2\tContent 11 17\twe win\nE1\tSource:T1 Content:T2\n"
    second = first + "T3\tContent 0 17\tSmith said we win\nE2\tSource:T1 Content:T3\n"
    root = write_brat(tmp_path / "x", {"doc.txt": t}, {"doc_ef2d.ann": second, "doc_4b22.ann": first})
    d = load_brat_dir(root)[0]
    assert d.annotator == "4b22" and len(d.attributions) == 1


def test_load_gold_dispatch(tmp_path):
    assert [d.doc_id for d in load_gold(SAMPLE)] == ["alpha.txt", "beta.txt"]
    with pytest.raises(ValueError):
        load_gold(tmp_path)
    (tmp_path / "x.csv").write_text("a\n")
    with pytest.raises(ValueError):
        load_gold(tmp_path / "x.csv")


def test_jsonl_sample():
    docs = load_gold_jsonl(SAMPLE)
    assert [len(d.attributions) for d in docs] == [2, 2]
    assert [d.n_without_source for d in docs] == [0, 1]
    alpha = docs[0]
    assert alpha.attributions[0].content_text == "that the bridge will reopen in May"
    assert alpha.attributions[0].source_text == "Mayor Jane Smith"
    assert docs[1].attributions[1].cue_text == "According to"


# ---------------------------------------------------------------- doc_id matching


@pytest.mark.parametrize(
    "pred_doc_id, found",
    [
        ("alpha.txt", True),
        ("dev/text/alpha.txt", True),
        ("C:\\data\\alpha.txt", True),
        ("alpha", True),
        ("articles.jsonl#alpha", True),
        ("gamma.txt", False),
        ("dev/text/alphabet.txt", False),
    ],
)
def test_doc_id_matching(pred_doc_id, found):
    gold = load_gold_jsonl(SAMPLE)
    r = score(
        pd.DataFrame([{"doc_id": pred_doc_id, "char_start": 22, "char_end": 56, "speaker_mention": "Smith"}]), gold
    )
    assert (r.n_pred, r.n_pred_ignored) == ((1, 0) if found else (0, 1))
    assert r.n_source_right == int(found)
    if not found:
        assert r.examples("ignored") == [{"doc_id": pred_doc_id}]


# ---------------------------------------------------------------- whole reports


def test_self_score_sample_is_perfect():
    gold = load_gold_jsonl(SAMPLE)
    r = score(frame_from_gold(gold, prefix="some/dir/"), gold)
    d = r.to_dict()
    assert d["content"]["f1"] == 1.0 and d["who_said_what"]["f1"] == 1.0
    assert d["counts"]["n_gold"] == 4
    assert d["counts"]["n_exact"] == 3  # the discontinuous content spans its gap too
    json.dumps(d)


@pytest.mark.model  # the gold's kinds are classified on its parse
@pytest.mark.parametrize("ext", [".csv", ".tsv", ".jsonl", ".parquet", ".xlsx", ".db"])
def test_eval_table_in_every_format_scores_the_same(tmp_path, ext):
    """`claimex eval --table` reads every format claimex writes back to the same typed table."""
    from typer.testing import CliRunner

    from claimex.cli import app
    from claimex.io.writing import open_table_writer

    gold = load_gold_jsonl(SAMPLE)
    table = tmp_path / f"claims{ext}"
    with open_table_writer(table, "sqlite" if ext == ".db" else ext[1:]) as writer:
        writer.write(frame_from_gold(gold, prefix="some/dir/").to_dict("records"))
    result = CliRunner().invoke(app, ["eval", str(SAMPLE), "--table", str(table), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["all_kinds"]["content"]["f1"] == 1.0 and figures["all_kinds"]["who_said_what"]["f1"] == 1.0
    assert figures["all_kinds"] == score(frame_from_gold(gold, prefix="some/dir/"), gold).to_dict()


def test_empty_predictions():
    gold = load_gold_jsonl(SAMPLE)
    for frame in (pd.DataFrame(), pd.DataFrame(columns=["doc_id", "char_start", "char_end"])):
        r = score(frame, gold)
        d = r.to_dict()
        assert d["content"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
        assert d["who_said_what"]["f1"] == 0.0 and d["source_right_rate"] == 0.0
        assert r.n_gold == 4 and len(r.examples("missed", None)) == 4
    r = score(pd.DataFrame(), [])
    assert r.to_dict()["content"]["f1"] == 0.0 and r.rows()


def test_unlocated_and_missing_columns():
    gold = load_gold_jsonl(SAMPLE)
    frame = pd.DataFrame(
        [
            {"doc_id": "alpha.txt", "char_start": -1, "char_end": -1},
            {"doc_id": "alpha.txt", "char_start": None, "char_end": None},
            {"doc_id": "alpha.txt", "char_start": 22, "char_end": 56},
        ]
    )
    r = score(frame, gold)
    assert (r.n_pred, r.n_pred_unlocated, r.n_matched, r.n_source_right) == (3, 2, 1, 0)
    assert r.by_quote_type["(empty)"]["n_pred"] == 3


def test_report_shapes():
    gold = load_gold_jsonl(SAMPLE)
    r = score(frame_from_gold(gold), gold)
    assert isinstance(r, EvalReport)
    labels = dict(r.rows())
    assert labels["content F1"] == 1.0 and labels["gold attributions"] == 4
    tables = r.breakdown_tables()
    assert all(len(h) == len(row) for h, rows in tables.values() for row in rows)
    per_doc = r.per_document()
    assert [p["doc_id"] for p in per_doc] == ["alpha.txt", "beta.txt"]
    assert all(p["content_f1"] == 1.0 for p in per_doc)
    assert len(r.examples("correct", None)) == 4 and r.examples("wrong_source") == []
    with pytest.raises(ValueError):
        r.examples("nonsense")
    d = r.to_dict()
    assert d["by_cue"]["say"]["n_gold"] == 2 and d["by_cue"]["according to"]["n_gold"] == 1
    assert d["by_gold_style"]["direct"]["n_gold"] == 2  # "We are on schedule," and the minister


# ---------------------------------------------------------------- categories


@pytest.mark.parametrize(
    "cue, cat",
    [
        ("said", "say"),
        ("Says", "say"),
        ("has said", "say"),
        ("said in a statement", "say"),
        ("according to", "according to"),
        ("According to", "according to"),
        ("told", "other verb"),
        ("wrote", "other verb"),
        ("argues", "other verb"),
        ("tweeted", "other verb"),
        ("admitted", "other verb"),
        ("believe", "other verb"),
        (":", "punctuation"),
        ("in", "noun/other"),
        ("statement", "noun/other"),
        ("", "none"),
    ],
)
def test_cue_category(cue, cat):
    assert cue_category(cue) == cat


@pytest.mark.parametrize(
    "content, style",
    [
        ('"We are on schedule,"', "direct"),
        ("“It’s finished,” “In my head, anyway.”", "direct"),
        (" ‘single’. ", "direct"),
        ("that the bridge will reopen", "indirect"),
        ("Clinton's plan is fine", "indirect"),
        ("Oz is “smart as hell,”", "mixed"),
        ("he would “keep the details” quiet", "mixed"),
    ],
)
def test_quote_style(content, style):
    assert quote_style(content) == style


# ---------------------------------------------------------------- the real dev set


def test_real_dev_set(polnear_dev):
    docs = load_gold(polnear_dev)
    assert len(docs) == 84
    n = sum(len(d.attributions) for d in docs)
    print(f"PolNeAR dev: {len(docs)} documents, {n} gold attributions with Content and Source")
    assert 1900 <= n <= 2193
    # every gold span points at the text it names
    for d in docs:
        for a in d.attributions:
            assert all(0 <= s < e <= len(d.text) for s, e in a.content_spans + a.source_spans)
    # gold against itself, one row per attribution from its first to its last fragment:
    # everything matches except contents a single row cannot cover (fragments far apart)
    # or that trim to nothing (a bare "that").
    r = score(frame_from_gold(docs, prefix="dev/text/"), docs)
    assert r.n_pred_ignored == 0 and r.n_pred == n
    assert r.content[2] > 0.99 and r.who_said_what[2] > 0.99
    for m in r.examples("missed", None):
        a_spans = m["gold_spans"]
        assert len(a_spans) > 1 or m["gold_content"].strip().lower() == "that"


# ---------------------------------------------------------------- speaker resolved right


@pytest.mark.parametrize(
    "predicted, entity, same",
    [
        ("Donald Trump", "Donald J. Trump", True),  # single-letter initials
        ("Sen. Bernie Sanders", "Bernie Sanders", True),  # titles and honorifics
        ("Mr. Obama", "Obama", True),
        ("President Obama", "Barack Obama", False),  # a surname is not the full name
        ("hillary clinton’s", "Hillary Clinton", True),  # case and a possessive
        ("F.B.I.", "FBI", True),  # periods inside a word
        ("New York Post", "The New York Post", True),  # a leading "the"
        ("James O'Neill", "James O’Neill", True),  # apostrophes
        ("Indiana", "Mike Pence", False),
        ("Trump campaign", "Donald Trump", False),
        ("Grassley", "Charles E. Grassley and Patrick J. Leahy", False),
        ("", "Mike Pence", False),
        ("the", "The", False),  # nothing left to compare names nothing
    ],
)
def test_same_speaker(predicted, entity, same):
    assert same_speaker(predicted, entity) is same


def test_speaker_key_drops_only_leading_titles():
    assert speaker_key("Gov. Mike Pence") == ("mike", "pence")
    assert speaker_key("Secretary of State John Kerry")[-2:] == ("john", "kerry")
    assert speaker_key("Bank of America") == ("bank", "of", "america")


def _speakers_file(tmp_path, *records: dict) -> Path:
    path = tmp_path / "speakers.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_speaker_resolution_by_kind(tmp_path):
    text = "Jane Smith said the bridge opens. She said taxes rise. Officials said no."
    gold = [
        doc(
            text,
            ((16, 32), (0, 10), "said"),
            ((43, 53), (34, 37), "said"),
            ((65, 67), (55, 64), "said"),
        )
    ]
    path = _speakers_file(
        tmp_path,
        {"doc": "a", "start": 0, "end": 10, "source": "Jane Smith", "entity": "Jane Smith", "kind": "name"},
        {"doc": "a", "start": 34, "end": 37, "source": "She", "entity": "Jane Smith", "kind": "pronoun"},
        {"doc": "a", "start": 55, "end": 64, "source": "Officials", "entity": "", "kind": "description"},
    )
    speakers = load_speakers(path)
    r = score(
        preds(
            {"char_start": 16, "char_end": 32, "speaker": "Jane Smith"},
            {"char_start": 43, "char_end": 53, "speaker": "Bob Jones"},
            {"char_start": 65, "char_end": 67, "speaker": "officials"},
        ),
        gold,
        speakers,
    )
    assert r.speaker_resolved["name"] == {"n": 1, "n_right": 1, "rate": 1.0}
    assert r.speaker_resolved["pronoun"] == {"n": 1, "n_right": 0, "rate": 0.0}
    assert r.speaker_resolved["description"]["n"] == 0  # a generic source has no entity to name
    assert r.speaker_resolved_right == 0.5
    assert r.to_dict()["speaker_resolved"]["all"] == {"n": 2, "n_right": 1, "rate": 0.5}
    assert ("speaker resolved right", 0.5) in r.rows()
    (wrong,) = r.examples("wrong_speaker")
    assert (wrong["kind"], wrong["gold_entity"], wrong["pred_speaker"]) == ("pronoun", "Jane Smith", "Bob Jones")


def test_no_speakers_file_no_speaker_figures():
    text = "Jane Smith said the bridge opens."
    r = score(preds({"char_start": 16, "char_end": 32}), [doc(text, ((16, 32), (0, 10), "said"))])
    assert r.speaker_resolved == {} and r.speaker_resolved_right is None
    assert "speaker_resolved" not in r.to_dict()


def test_default_speakers_path(tmp_path):
    (tmp_path / "gold").mkdir()
    assert default_speakers_path(tmp_path / "gold") is None
    _speakers_file(tmp_path / "gold")
    assert default_speakers_path(tmp_path / "gold") == tmp_path / "gold" / "speakers.jsonl"
    assert default_speakers_path(tmp_path / "gold" / "gold.jsonl") == tmp_path / "gold" / "speakers.jsonl"


def test_the_selected_kinds_are_scored_against_the_gold_of_those_kinds():
    from claimex.evaluation.scoring import GoldAttribution, GoldDocument, evaluate_rows

    text = "A" * 40
    gold = GoldDocument(
        "d.txt",
        text,
        [
            GoldAttribution("d.txt", [(0, 10)], [(0, 1)], "Smith", kind="speech"),
            GoldAttribution("d.txt", [(20, 30)], [(0, 1)], "Smith", kind="thought"),
        ],
    )
    rows = pd.DataFrame(
        {
            "doc_id": ["d.txt", "d.txt", "d.txt"],
            "char_start": [0, 20, 30],
            "char_end": [10, 30, 40],
            "speaker": ["Smith", "Smith", "Smith"],
            "speaker_mention": ["", "", ""],
            "claim_kind": ["speech", "thought", "speech"],
            "confidence": [0.9, 0.8, 0.2],
        }
    )
    default = evaluate_rows(rows, [gold])
    assert (default.all_kinds.n_gold, default.all_kinds.n_pred, default.all_kinds.n_source_right) == (2, 3, 2)
    assert (default.selected.n_gold, default.selected.n_pred, default.selected.n_source_right) == (1, 2, 1)
    sure = evaluate_rows(rows, [gold], kinds="all", min_confidence=0.5)
    assert (sure.selected.n_gold, sure.selected.n_pred, sure.selected.n_source_right) == (2, 2, 2)
    assert sure.to_dict()["selected"]["kinds"] == ["action", "evidence", "speech", "thought"]


@pytest.mark.parametrize(
    "line, message",
    [
        ("not json", "speakers.jsonl:2: invalid JSON"),
        ('{"doc": "a", "start": "x", "end": 3}', "speakers.jsonl:2: not a speaker record"),
        ('["a", 1, 2]', "speakers.jsonl:2: not a speaker record"),
        ('{"doc": "a"}', "speakers.jsonl:2: not a speaker record"),
    ],
)
def test_a_bad_speakers_line_is_named(tmp_path, line, message):
    path = tmp_path / "speakers.jsonl"
    path.write_text(
        '{"doc": "a", "start": 1, "end": 2, "entity": "X", "kind": "name"}\n' + line + "\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=message):
        load_speakers(path)
