"""The local pool (--workers N): rows as one worker gives them, and a worker's death survived."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from claimex import api
from claimex.article import Article
from claimex.engines import local
from runs import claimex_command, make_corpus

TEXTS = [
    "“We oppose it,” Hua Chunying said on Monday.\n",
    "The minister told reporters that talks would resume.\n",
    "Nothing happened here today.\n",
    "According to officials, the border is closed.\n",
    "“It is over,” said Maria Lopez, the finance minister.\n",
]


def _articles(n: int = 20) -> list[Article]:
    return [Article(f"a{i:02d}", TEXTS[i % len(TEXTS)]) for i in range(n)]


def _run(nlp, articles, workers):
    return [(a.doc_id, rows, error) for a, rows, error in local.annotate_records(nlp, articles, workers=workers)]


def _poisoned(monkeypatch, poison: set[str], marker: Path | None = None):
    """Worker processes (forked: they inherit this patch) die by SIGKILL on a batch holding a poison article;
    with ``marker``, only the first time (the file records that it happened)."""
    records_for = local.records_for

    def dying(nlp, batch, records_kwargs=None):
        in_worker = os.getpid() != parent
        if in_worker and any(a.doc_id in poison for a in batch) and (marker is None or not marker.exists()):
            if marker is not None:
                marker.write_text("died", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGKILL)
        return records_for(nlp, batch, records_kwargs)

    parent = os.getpid()
    monkeypatch.setattr(local, "records_for", dying)


def test_two_workers_give_the_rows_of_one(nlp):
    articles = _articles()
    assert _run(nlp, articles, 2) == _run(nlp, articles, 1)


def test_an_article_that_kills_its_worker_twice_is_a_failed_input(nlp, monkeypatch):
    articles = _articles()
    expected = _run(nlp, articles, 1)
    _poisoned(monkeypatch, {"a09"})
    got = _run(nlp, articles, 2)
    assert [doc_id for doc_id, _, _ in got] == [a.doc_id for a in articles]  # every article, in input order
    for (doc_id, rows, error), (_, want_rows, _) in zip(got, expected, strict=True):
        if doc_id == "a09":
            assert rows == [] and error is not None
            assert error.source == "a09" and "died twice" in error.reason and "SIGKILL" in error.reason
        else:
            assert (rows, error) == (want_rows, None)  # the rest of its batch retried alone, rows unchanged


def test_a_worker_killed_once_costs_nothing(nlp, monkeypatch, tmp_path):
    articles = _articles()
    _poisoned(monkeypatch, {"a03"}, marker=tmp_path / "died")
    got = _run(nlp, articles, 2)
    assert (tmp_path / "died").exists()  # a worker did die
    monkeypatch.undo()
    assert got == _run(nlp, articles, 1)


def test_every_batch_killing_its_worker_still_ends(nlp, monkeypatch):
    articles = _articles(6)
    _poisoned(monkeypatch, {a.doc_id for a in articles})
    got = _run(nlp, articles, 2)
    assert [doc_id for doc_id, _, _ in got] == [a.doc_id for a in articles]
    assert all(error is not None and "died twice" in error.reason for _, _, error in got)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


def _start_with_workers(tmp_path: Path, articles: int = 200) -> tuple[subprocess.Popen, Path, list[int]]:
    """``claimex extract --workers 2`` on a corpus that takes a while; return once both workers run."""
    corpus = make_corpus(tmp_path / "in", n=articles)
    out = tmp_path / "out" / "claims.csv"
    out.parent.mkdir()
    process = subprocess.Popen(
        [*claimex_command(), "extract", str(corpus), "-o", str(out), "--workers", "2", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while len(_children(process.pid)) < 2:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no pool workers within 120 s"
        time.sleep(0.02)
    time.sleep(0.5)  # the workers have taken their first batches
    assert process.poll() is None, "the corpus was processed too fast to interrupt"
    return process, out, _children(process.pid)


@pytest.mark.subprocess
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the pool's workers through /proc")
def test_extract_survives_a_worker_killed_mid_run(tmp_path, nlp):
    """kill -9 of a pool worker: the run still finishes, exit 0, every row written; no temp file, no lock."""
    process, out, workers = _start_with_workers(tmp_path, articles=60)
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    with out.open(encoding="utf-8", newline="") as handle:
        written = [row["claim_id"] for row in csv.DictReader(handle)]
    expected = [row["claim_id"] for row in api.extract([str(tmp_path / "in")], nlp=nlp).to_dict("records")]
    assert written == expected and len(written) > 60
    assert sorted(p.name for p in out.parent.iterdir()) == ["claims.csv"]  # no temp file, no lock left


def _gone(pids: list[int], within: float = 30) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() and _state(pid) != "Z" for pid in pids):
            return True
        time.sleep(0.05)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


@pytest.mark.subprocess
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the pool's workers through /proc")
def test_ctrl_c_with_workers_exits_130_and_stops_them(tmp_path):
    process, out, workers = _start_with_workers(tmp_path)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    assert _gone(workers)
    assert sorted(p.name for p in out.parent.iterdir()) == []  # no output, no temp file, no lock


@pytest.mark.subprocess
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the pool's workers through /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    process, _, workers = _start_with_workers(tmp_path)
    process.kill()
    process.communicate(timeout=30)
    assert _gone(workers), "pool workers outlived their killed parent"
