"""claimex.extract_to: the one call behind `claimex extract`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimex.api import ClaimExtractor, ExtractSummary, NothingToRead, UsageError, extract_text, extract_to
from claimex.table import read_table
from wrapping import fold

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.mark.parametrize(
    "kwargs, needle",
    [
        ({"paths": ["nope/"]}, "no such file or directory: nope/"),
        ({"paths": ["-", "-"]}, "stdin (-) can be given only once"),
        ({"engine": "spark"}, "unknown engine 'spark'"),
        ({"scheduler": "tcp://127.0.0.1:1"}, "--scheduler needs --engine dask"),
        ({"output": "-", "incremental": True}, "--incremental keeps its state beside the output file"),
        ({"paths": ["-"], "incremental": True}, "--incremental cannot read stdin"),
        ({"fmt": "xls"}, "unknown format 'xls'"),
        ({"fmt": "xlsx"}, "--format xlsx conflicts with"),
        ({"output": "-", "fmt": "sqlite"}, "written to a file, not stdout"),
        ({"formula_guard": False, "output": "{tmp}/claims.db"}, "--no-formula-guard applies to CSV/TSV only"),
        ({"excel": True, "output": "{tmp}/claims.jsonl"}, "--excel applies to CSV/TSV only"),
        ({"partition_rows": 10}, "--partition-rows needs a directory output"),
    ],
)
def test_bad_arguments_fail_before_any_work(tmp_path, kwargs, needle):
    """Nothing is loaded (a model load would fail this unmarked test), locked or written."""
    arguments = {"paths": [str(RAW)], "output": "{tmp}/claims.csv"} | kwargs
    arguments["output"] = arguments["output"].replace("{tmp}", str(tmp_path))
    with pytest.raises(UsageError) as raised:
        extract_to(arguments.pop("paths"), arguments.pop("output"), **arguments)
    assert needle in str(raised.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
@pytest.mark.model
def test_a_run_writes_the_table_counts_it_and_reports_each_input(nlp, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for source in RAW.iterdir():
        (corpus / source.name).write_bytes(source.read_bytes())
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    (corpus / "notes.pptx").write_bytes(b"PK")
    seen = []
    out, errors = tmp_path / "out" / "claims.csv", tmp_path / "out" / "errors.jsonl"

    summary = extract_to([corpus], out, nlp=nlp, errors=errors, on_result=seen.append)

    assert isinstance(summary, ExtractSummary) and summary.format == "csv" and not summary.stopped
    table = read_table(out)
    assert summary.claims == len(table) > 0
    assert summary.articles == sum(1 for r in seen if r.article is not None and r.error is None) >= 5
    assert summary.speakers == table[table.speaker_id != ""].speaker_id.value_counts().to_dict()
    assert summary.countries == table[table.speaker_country != ""].speaker_country.value_counts().to_dict()
    assert [Path(e.source).name for e in summary.failed] == ["broken.json"]
    assert [Path(s.source).name for s in summary.skipped] == ["notes.pptx"]
    assert len(seen) == summary.articles + len(summary.failed) + len(summary.skipped)
    logged = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert logged == [e.to_dict() for e in summary.failed]
    assert not (tmp_path / "out" / "claims.csv.lock").exists()  # the lock is released


@pytest.mark.model
def test_fail_fast_stops_at_the_first_failed_input(nlp, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.json").write_text("{not json", encoding="utf-8")
    (corpus / "b.txt").write_text("“We agree,” Hua Chunying said on Monday.", encoding="utf-8")
    with pytest.raises(NothingToRead) as stopped:  # b.txt, after the failure, was not read: nothing to write
        extract_to([corpus], tmp_path / "claims.csv", nlp=nlp, fail_fast=True)
    summary = stopped.value.summary
    assert summary.stopped and len(summary.failed) == 1 and summary.articles == 0
    assert not (tmp_path / "claims.csv").exists()


@pytest.mark.model
def test_nothing_to_read_writes_nothing_and_keeps_the_previous_output(nlp, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "claims.csv"
    out.write_text("previous\n", encoding="utf-8")
    with pytest.raises(NothingToRead, match="no readable article among the inputs"):
        extract_to([tmp_path / "in"], out, nlp=nlp, errors=tmp_path / "errors.jsonl")
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert (tmp_path / "errors.jsonl").read_text(encoding="utf-8") == ""


@pytest.mark.model
def test_a_string_with_lone_surrogates_is_read_with_replacement_characters(nlp):
    text = 'Smith said the \ud800 plan was weak. "We will fight," Smith said.'
    rows = extract_text(text, nlp=nlp)
    assert [(r["quote"], r["char_start"], r["char_end"]) for r in rows] == [
        ("the \ufffd plan was weak", 11, 30),
        ("We will fight,", 33, 47),
    ]
    assert ClaimExtractor(nlp)(text).text == text.replace("\ud800", "\ufffd")


@pytest.mark.model
def test_a_hard_wrapped_string_is_read_as_a_wrapped_txt_file_is(nlp, tmp_path):
    """The Python API reflows as the file reader does; offsets still point into the string given."""
    article = (
        'Smith said the plan was weak and would cost the town far more than the council had promised. "We will'
        ' fight it in court and we will win," Smith said. Jones, the mayor, told reporters that the plan had'
        " been approved after a long debate and that work would start in the spring of next year."
    )
    wrapped = fold(article, 60)
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped, encoding="utf-8")

    rows = extract_text(wrapped, nlp=nlp)
    from_file = extract_to([path], tmp_path / "claims.csv", nlp=nlp)

    assert "\n" in wrapped and len(rows) == from_file.claims == 3
    for row in rows:
        assert " ".join(wrapped[row["char_start"] : row["char_end"]].split()) == " ".join(row["quote"].split())
