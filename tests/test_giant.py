"""A giant article costs memory in proportion to its size: bounded model batches, no retained chunk Docs or
tensors, and indexed (not scanned) entity lookups.  Times and peaks are measured by bench/giant.py, not here."""

from __future__ import annotations

import weakref

import claimex.nlp.pipeline as pipeline
from claimex.article import Article
from claimex.nlp.pipeline import annotate
from claimex.nlp.profiles import entity_at, span_ents
from claimex.records import doc_to_records

PARAGRAPH = (
    "“We will not accept any delay in the talks,” said Maria Lopez, the finance minister of Spain. "
    "The World Bank said on Monday that the economy grew by three percent. Lopez told reporters in Madrid "
    "that the European Commission agreed. “It is done,” she added. The weather was fine in Paris. "
)


def test_giant_paragraph_is_parsed_in_bounded_batches_and_chunks_are_let_go(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CHUNK_CHARS", 2_000)
    monkeypatch.setattr(pipeline, "BATCH_CHARS", 5_000)
    text = PARAGRAPH * 40  # ~16,000 characters in one paragraph: ~9 chunks
    batches: list[int] = []
    real_run = pipeline._run_steps

    def run_steps(nlp, steps, items):  # one model batch
        batches.append(sum(len(i) if isinstance(i, str) else len(i.text) for i in items))
        return real_run(nlp, steps, items)

    chunks: list[weakref.ref] = []
    tensors: list[int] = []

    class SpyDoc:
        @staticmethod
        def from_docs(docs, *args, **kwargs):
            chunks.extend(weakref.ref(d) for d in docs)
            tensors.extend(d.tensor.size for d in docs)
            return pipeline.__dict__["_spy_real_doc"].from_docs(docs, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_run_steps", run_steps)
    monkeypatch.setattr(pipeline, "_spy_real_doc", pipeline.Doc, raising=False)
    monkeypatch.setattr(pipeline, "Doc", SpyDoc)
    ((_, doc),) = annotate(nlp, [Article("giant", text)])
    assert doc.text == text
    assert len(chunks) > 4
    assert max(batches) <= 5_000 and len(batches) > 2  # several bounded batches, not one of every chunk
    assert set(tensors) == {0} and doc.tensor.size == 0  # tok2vec's output dropped once parsed
    assert all(ref() is None for ref in chunks)  # released by reference counting, without the cycle collector
    assert doc_to_records(doc, Article("giant", text))


def test_char_batches_respect_the_budget(monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_CHARS", 10)
    monkeypatch.setattr(pipeline, "BATCH_CHUNKS", 3)
    assert list(pipeline._char_batches([4, 4, 4, 30, 1, 1, 1, 1])) == [(0, 2), (2, 3), (3, 4), (4, 7), (7, 8)]
    assert list(pipeline._char_batches([])) == []


def test_entity_index_agrees_with_spacy(nlp):
    ((_, doc),) = annotate(nlp, [Article("a", PARAGRAPH * 3 + "\n\n" + PARAGRAPH)])
    assert len(doc.ents) > 5
    for start in range(0, len(doc), 7):
        for end in (start + 1, start + 9, start + 40):
            span = doc[start : min(end, len(doc))]
            assert [(e.start, e.end, e.label_) for e in span_ents(span)] == [
                (e.start, e.end, e.label_) for e in span.ents
            ]
    for token in doc:
        ent = entity_at(token)
        assert (ent.label_ if ent is not None else "") == token.ent_type_
