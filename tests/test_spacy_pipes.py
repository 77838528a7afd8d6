"""claimex's components as spaCy pipes: one way in (ClaimExtractor), saved with the pipeline, Docs serializable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from claimex.api import ClaimExtractor, extract_to, process
from claimex.article import Article
from claimex.cuemodel.model import CueModel
from claimex.records import doc_to_records
from claimex.schema import to_json

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
TEXTS = sorted(RAW.glob("*.txt"))
ROW_COLUMNS = ("char_start", "char_end", "quote", "speaker", "speaker_type", "cue", "quote_type", "speaker_country")


def _rows(rows: list[dict]) -> list[tuple]:
    return [tuple(row[c] for c in ROW_COLUMNS) for row in rows]


@pytest.mark.model
def test_nlp_of_a_text_is_refused_rather_than_giving_other_claims(nlp):
    with pytest.raises(ValueError, match="ClaimExtractor"):
        nlp("“We agree,” Hua Chunying said on Monday.")


@pytest.mark.model
def test_the_extractor_gives_the_rows_of_an_extraction(nlp):
    extractor = ClaimExtractor(nlp)
    for path in TEXTS:
        (result,) = process([path], nlp=nlp, kinds="all")  # the Doc holds claims of every kind
        text = result.article.text
        assert _rows(extractor.rows(text, kinds="all")) == _rows(result.records)
        doc = extractor(text)
        assert len(doc.spans["claims"]) == len(result.records)
        assert [c.start_char for c in doc.spans["claims"]] == [r["char_start"] for r in result.records]
        assert [c._.speaker_name for c in doc.spans["claims"]] == [r["speaker"] for r in result.records]


@pytest.mark.model
def test_docs_keep_their_claims_through_a_docbin(nlp):
    articles = [Article(path.name, path.read_text(encoding="utf-8")) for path in TEXTS]
    docs = list(ClaimExtractor(nlp).pipe(a.text for a in articles))
    expected = [doc_to_records(doc, article) for doc, article in zip(docs, articles, strict=True)]
    assert any(expected)
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    assert [doc_to_records(doc, article) for doc, article in zip(back, articles, strict=True)] == expected
    claim = next(c for doc in back for c in doc.spans["claims"] if c._.cue is not None)
    assert claim._.cue.doc is claim.doc and claim._.speaker_name


@pytest.mark.model
def test_the_cue_model_is_the_attribution_component_s_state_saved_with_the_pipeline(nlp, tmp_path):
    attribution = nlp.get_pipe("claimex_attribution")
    shipped = attribution.cue_model
    assert shipped is not None and shipped.weights
    own = CueModel({"lemma=say": 1.0}, -2.0, {"VERB": frozenset({"say"})}, {"corpus": "test"})
    attribution.cue_model = own
    try:
        nlp.to_disk(tmp_path / "pipeline")
    finally:
        attribution.cue_model = shipped
    assert (tmp_path / "pipeline" / "claimex_attribution" / "cue_model.json").exists()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe("claimex_attribution").cue_model == own
    assert loaded.pipe_names == nlp.pipe_names


@pytest.mark.model
def test_the_confidence_model_is_the_confidence_component_s_state_saved_with_the_pipeline(nlp, tmp_path):
    from claimex.cuemodel.confidence import ConfidenceModel

    component = nlp.get_pipe("claimex_confidence")
    shipped = component.model
    assert shipped is not None and shipped.weights
    own = ConfidenceModel({"quote_type=direct": 1.0}, -0.5, [(0.0, 0.1), (1.0, 0.9)], {"corpus": "test"})
    component.model = own
    try:
        nlp.to_disk(tmp_path / "pipeline")
    finally:
        component.model = shipped
    assert (tmp_path / "pipeline" / "claimex_confidence" / "confidence_model.json").exists()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe("claimex_confidence").model == own
    doc = ClaimExtractor(loaded)("“We agree on the plan,” Hua Chunying said on Monday.")
    assert all(0.1 <= claim._.confidence <= 0.9 for claim in doc.spans["claims"]) and len(doc.spans["claims"])


@pytest.mark.model
def test_the_cue_model_is_read_once_for_the_component_and_the_paragraph_gate(monkeypatch):
    from claimex.nlp.pipeline import load_pipeline

    reads = []
    real = CueModel.from_json.__func__
    monkeypatch.setattr(CueModel, "from_json", classmethod(lambda cls, text: reads.append(1) or real(cls, text)))
    ClaimExtractor(load_pipeline())("“We agree,” Hua Chunying said on Monday.")
    assert len(reads) == 1


SAVED_RUN = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])  # claimex not imported: its components come from the entry points
from claimex.api import ClaimExtractor, extract_to
from claimex.schema import to_json
extractor = ClaimExtractor(nlp)
texts = [open(path, encoding="utf-8").read() for path in sys.argv[3:]]
print(json.dumps([[to_json(row) for row in extractor.rows(text)] for text in texts]))
extract_to(sys.argv[3:], sys.argv[2], model=sys.argv[1])  # as claimex extract --model DIR
"""


@pytest.mark.model
@pytest.mark.subprocess
def test_a_saved_pipeline_gives_the_same_claims_in_a_fresh_process(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    done = subprocess.run(
        [sys.executable, "-c", SAVED_RUN, str(tmp_path / "pipeline"), str(tmp_path / "saved.csv"), *map(str, TEXTS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    fresh = json.loads(done.stdout)
    expected = [[to_json(row) for row in result.records] for result in process(TEXTS, nlp=nlp)]
    assert [_rows(rows) for rows in fresh] == [_rows(rows) for rows in expected]
    assert sum(map(len, fresh)) > 0
    extract_to(TEXTS, tmp_path / "here.csv", nlp=nlp)
    assert (tmp_path / "saved.csv").read_bytes() == (tmp_path / "here.csv").read_bytes()
