"""The corpus pass in whole runs (issue 19): the same speaker_id and statement_id whatever runs the
per-article pass (one process, a pool, Dask), in an incremental run and in partitioned Parquet."""

from __future__ import annotations

import contextlib
import shutil
import socket
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from claimex.api import extract_to
from claimex.table import read_table

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
QUOTE = "“We will not accept any delay in the negotiations with our partners,”"
ARTICLES = {
    "a1.txt": f"Talks in Geneva ended without agreement on Monday.\n\n{QUOTE} said Donald J. Trump, the president "
    "of the United States.\n\nThe talks continue next week, officials said.\n",
    "a2.txt": f"The president spoke to reporters in Washington.\n\n{QUOTE} Donald Trump told reporters on Tuesday.\n\n"
    "The Federal Bureau of Investigation said it was reviewing the matter.\n",
}
LATE = (
    f"A short statement was issued late on Wednesday.\n\n{QUOTE} Donald Trump said.\n\n"
    "The F.B.I. said the review would take weeks.\n"
)


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "in"
    shutil.copytree(RAW, root)
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def ids(table: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(table.doc_id, table.speaker_id, table.statement_id, strict=True))


def by_doc(table: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    return table[table.doc_id == doc_id]


def test_a_run_links_speakers_and_statements_across_articles(nlp, corpus, tmp_path):
    extract_to([corpus], tmp_path / "claims.csv", nlp=nlp)
    table = read_table(tmp_path / "claims.csv")
    trump = pd.concat([by_doc(table, "a1.txt").iloc[:1], by_doc(table, "a2.txt").iloc[:1]])
    assert set(trump.speaker) == {"Donald J. Trump", "Donald Trump"}
    assert trump.speaker_id.nunique() == 1 and trump.statement_id.nunique() == 1
    assert (table.speaker_id != "").sum() > 0 and (table.statement_id != "").all()


def test_workers_give_the_same_ids(nlp, corpus, tmp_path):
    extract_to([corpus], tmp_path / "one.csv", nlp=nlp)
    extract_to([corpus], tmp_path / "two.csv", nlp=nlp, workers=2)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


@pytest.mark.slow
def test_dask_gives_the_same_ids(nlp, corpus, tmp_path):
    pytest.importorskip("distributed")
    extract_to([corpus], tmp_path / "local.csv", nlp=nlp)
    # Dask's default HTTP port taken (another cluster, another run): the engine's cluster asks for a free one
    with _port_held(8787), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        extract_to([corpus], tmp_path / "dask.csv", nlp=nlp, engine="dask", workers=2)
    assert (tmp_path / "local.csv").read_bytes() == (tmp_path / "dask.csv").read_bytes()
    assert not [w for w in caught if "8787" in str(w.message)]


@contextlib.contextmanager
def _port_held(port: int) -> Iterator[None]:
    with socket.socket() as held:
        with contextlib.suppress(OSError):  # already held by someone else: as good
            held.bind(("127.0.0.1", port))
            held.listen()
        yield


def test_partitioned_output_has_the_same_ids(nlp, corpus, tmp_path):
    extract_to([corpus], tmp_path / "claims.csv", nlp=nlp)
    extract_to([corpus], f"{tmp_path / 'parts'}/", nlp=nlp, partition_rows=5)
    assert ids(read_table(tmp_path / "parts", "parquet")) == ids(read_table(tmp_path / "claims.csv"))


def test_incremental_reruns_keep_the_ids_and_a_new_article_joins_them(nlp, corpus, tmp_path):
    out = tmp_path / "inc" / "claims.csv"
    extract_to([corpus], out, nlp=nlp, incremental=True)
    first = out.read_bytes()
    summary = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert summary.reprocessed == 0 and out.read_bytes() == first

    (corpus / "a3.txt").write_text(LATE, encoding="utf-8")
    summary = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert summary.reprocessed == 1
    table = read_table(out)
    first = by_doc(table, "a1.txt").iloc[0]
    late = by_doc(table, "a3.txt")
    assert (first.speaker, late.iloc[0].speaker) == ("Donald J. Trump", "Donald Trump")
    assert (late.iloc[0].speaker_id, late.iloc[0].statement_id) == (first.speaker_id, first.statement_id)
    assert set(by_doc(table, "a2.txt").speaker_id) & set(late.speaker_id) >= {"Federal Bureau of Investigation"}
    extract_to([corpus], tmp_path / "full.csv", nlp=nlp)  # the incremental table is the full run's
    assert out.read_bytes() == (tmp_path / "full.csv").read_bytes()
