"""claimex extract --incremental, and the output lock every file-writing run takes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import claimex.api
from claimex.api import ReadOptions, extract_to, run_fingerprint
from claimex.cli import app
from claimex.incremental import (
    IncrementalRun,
    LockUnusable,
    OutputLock,
    OutputLocked,
    lock_path,
    settings_fingerprint,
    state_path,
)
from claimex.table import read_table

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
runner = CliRunner()
pytestmark = pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)

EXTRA_ARTICLE = (
    "Officials met on Monday.\n\n"
    "“We will not accept any delay,” said Maria Lopez, the finance minister of Spain.\n\n"
    "The talks continue, according to the spokesman."
)


@pytest.fixture
def extract(nlp, monkeypatch):
    """Run `claimex extract ARGS...` in-process, with the pipeline loaded once."""
    monkeypatch.setattr(claimex.api, "load_pipeline", lambda *args, **kwargs: nlp)

    def run(*args):
        return runner.invoke(app, ["extract", "-v", *map(str, args)])  # -v: the summary, stderr being no terminal

    return run


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "in"
    shutil.copytree(RAW, root)
    (root / "sub").mkdir()
    (root / "sub" / "extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    return root


def n_inputs(corpus: Path) -> int:
    return sum(1 for p in corpus.rglob("*") if p.is_file())


def incremental_line(output: str) -> str:
    return next(line for line in output.splitlines() if "incremental:" in line)


def full_run(extract, corpus, tmp_path) -> bytes:
    full = tmp_path / "full" / "claims.csv"
    result = extract(corpus, "-o", full, "-q")
    assert result.exit_code == 0, result.output
    return full.read_bytes()


def test_rerun_of_unchanged_inputs_reprocesses_nothing_and_writes_the_same_rows(extract, corpus, tmp_path):
    out = tmp_path / "out" / "claims.csv"
    n = n_inputs(corpus)
    first = extract(corpus, "-o", out, "--incremental")
    assert first.exit_code == 0, first.output
    assert f"{n} files processed, 0 unchanged, 0 removed" in incremental_line(first.output)
    written = out.read_bytes()
    assert written.count(b"\n") > 10
    assert written == full_run(extract, corpus, tmp_path)  # the rows (and bytes) of a full run
    assert state_path(out).exists()
    assert not lock_path(out).exists()  # released and removed

    again = extract(corpus, "-o", out, "--incremental")
    assert again.exit_code == 0, again.output
    assert f"0 files processed, {n} unchanged, 0 removed" in incremental_line(again.output)
    assert out.read_bytes() == written
    # the summary still counts every article and claim in the table
    assert first.output.splitlines()[0].split(" in ")[0] == again.output.splitlines()[0].split(" in ")[0]


@pytest.mark.parametrize("name", ["claims.tsv", "claims.jsonl", "claims.parquet", "claims.xlsx", "claims.db"])
def test_incremental_rows_are_a_full_run_s_in_every_format(extract, corpus, tmp_path, name):
    """Rows reused from the state come back with the schema's types (dates, lists) into every format."""
    out = tmp_path / "out" / name
    n = n_inputs(corpus)
    assert extract(corpus, "-o", out, "--incremental", "-q").exit_code == 0
    (corpus / "sub" / "extra.txt").write_text(EXTRA_ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    again = extract(corpus, "-o", out, "--incremental")
    assert again.exit_code == 0, again.output
    assert f"1 file processed, {n - 1} unchanged, 0 removed" in incremental_line(again.output)
    full = tmp_path / "full" / name
    assert extract(corpus, "-o", full, "-q").exit_code == 0
    incremental, whole = read_table(out), read_table(full)
    pd.testing.assert_frame_equal(incremental, whole)
    assert incremental.published.notna().any() and incremental.countries.map(len).gt(0).any()


def test_changed_new_deleted_and_touched_inputs(nlp, extract, corpus, tmp_path):
    out = tmp_path / "out" / "claims.jsonl"
    n = n_inputs(corpus)
    first = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert (first.reprocessed, first.unchanged, first.removed) == (n, 0, 0)

    changed = corpus / "003_cdc969f03aac275d.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n\n“This is new,” said Hua Chunying.\n", encoding="utf-8"
    )
    (corpus / "sample_export.jsonl").unlink()
    (corpus / "sub" / "new.md").write_text("“Prices will fall,” the central bank governor said.\n", encoding="utf-8")
    touched = corpus / "000_828e557ba36757b1.txt"
    info = touched.stat()
    os.utime(touched, ns=(info.st_atime_ns, info.st_mtime_ns - 3600 * 10**9))  # mtime only: same bytes

    second = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert (second.reprocessed, second.unchanged, second.removed) == (2, n - 2, 1)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    doc_ids = {row["doc_id"] for row in rows}
    assert not any(d.startswith("sample_export.jsonl") for d in doc_ids)
    assert "sub/new.md" in doc_ids
    assert any("This is new" in row["quote"] for row in rows)
    assert second.claims == len(rows)

    full = tmp_path / "full.jsonl"
    assert extract(corpus, "-o", full, "-q").exit_code == 0
    assert out.read_bytes() == full.read_bytes()  # same rows, same order as a full run

    # The touched file's new mtime was stored: the next plan trusts it without hashing.
    with IncrementalRun.open(out, [corpus], run_fingerprint(nlp, ReadOptions())) as run:
        entry = next(e for e in run.entries if e.file == touched)
        assert entry.action == "reuse" and not entry.stat_changed
        assert run.to_process == [] and run.output_intact

    third = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert (third.reprocessed, third.unchanged, third.removed) == (0, n, 0)
    assert out.read_bytes() == full.read_bytes()


def test_same_size_and_mtime_are_trusted_unless_racy(nlp, corpus, tmp_path):
    out = tmp_path / "claims.csv"
    target = corpus / "sub" / "extra.txt"
    old = target.stat().st_mtime_ns - 3600 * 10**9
    os.utime(target, ns=(old, old))
    extract_to([corpus], out, nlp=nlp, incremental=True)
    target.write_text(EXTRA_ARTICLE.replace("Maria", "Marta"), encoding="utf-8")  # same size
    os.utime(target, ns=(old, old))
    summary = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert summary.reprocessed == 0  # documented: size+mtime unchanged means unchanged
    assert b"Marta" not in out.read_bytes()
    os.utime(target, ns=(old, old + 10**9))
    summary = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert summary.reprocessed == 1
    assert b"Marta" in out.read_bytes()
    # A change right after a run, within the same mtime tick, is caught: recent mtimes are hashed.
    recent = target.stat().st_mtime_ns
    os.utime(target, ns=(recent, time.time_ns()))
    extract_to([corpus], out, nlp=nlp, incremental=True)
    stamp = target.stat().st_mtime_ns
    target.write_text(EXTRA_ARTICLE.replace("Maria", "Marie"), encoding="utf-8")  # same size
    os.utime(target, ns=(stamp, stamp))
    summary = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert summary.reprocessed == 1
    assert b"Marie" in out.read_bytes()


def test_changed_settings_reprocess_everything(nlp, extract, corpus, tmp_path):
    out = tmp_path / "claims.csv"
    n = n_inputs(corpus)
    assert extract(corpus, "-o", out, "--incremental", "-q").exit_code == 0
    other = extract(corpus, "-o", out, "--incremental", "--date-field", "published_at")
    assert other.exit_code == 0, other.output
    assert f"{n} files processed, 0 unchanged" in incremental_line(other.output)
    same = extract(corpus, "-o", out, "--incremental", "--date-field", "published_at")
    assert f"0 files processed, {n} unchanged" in incremental_line(same.output)
    # the format and --excel are applied at writing: not settings of the rows
    excel = extract(corpus, "-o", out, "--incremental", "--date-field", "published_at", "--excel")
    assert f"0 files processed, {n} unchanged" in incremental_line(excel.output)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    # any extra setting (e.g. a reference date) and the model's identity count
    assert (
        extract_to(
            [corpus],
            out,
            nlp=nlp,
            incremental=True,
            options=ReadOptions(date_field="published_at", reference_date=date(2024, 1, 1)),
        ).reprocessed
        == n
    )

    class FakeModel:
        def __init__(self, version):
            self.meta = {**nlp.meta, "version": version}
            self.pipe_names = nlp.pipe_names

    assert settings_fingerprint(FakeModel("3.8.0"), ReadOptions()) != settings_fingerprint(
        FakeModel("3.8.1"), ReadOptions()
    )
    assert settings_fingerprint(nlp, ReadOptions()) != settings_fingerprint(nlp, ReadOptions(encoding="cp1252"))
    # the rows asked for count too
    assert run_fingerprint(nlp, ReadOptions()) != run_fingerprint(nlp, ReadOptions(), kinds="all")
    assert run_fingerprint(nlp, ReadOptions()) != run_fingerprint(nlp, ReadOptions(), min_confidence=0.5)


def test_failed_inputs_are_not_stored_and_fail_again(extract, corpus, tmp_path):
    (corpus / "bad.jsonl").write_text(
        '{"id": "a", "text": "“Rates stay,” the governor said."}\n{not json\n', encoding="utf-8"
    )
    out, errors = tmp_path / "claims.csv", tmp_path / "errors.jsonl"
    for _ in range(2):
        result = extract(corpus, "-o", out, "--incremental", "--errors", errors)
        assert result.exit_code == 1, result.output
        assert "bad.jsonl:2: invalid JSON" in result.output
        assert [json.loads(line)["line"] for line in errors.read_text().splitlines()] == [2]
        assert b"bad.jsonl#a" in out.read_bytes()  # the good line's rows are in the table
    assert "1 file processed" in incremental_line(result.output)


def test_output_written_but_state_not_committed_is_repaired(nlp, extract, corpus, tmp_path, monkeypatch):
    out = tmp_path / "claims.csv"
    extract_to([corpus], out, nlp=nlp, incremental=True)
    changed = corpus / "sub" / "extra.txt"
    changed.write_text(
        EXTRA_ARTICLE + "\n\n“We will publish the full budget next week,” said Maria Lopez.\n", encoding="utf-8"
    )
    with monkeypatch.context() as patch:  # as if killed right after the output's rename
        patch.setattr(IncrementalRun, "commit", lambda self: None)
        extract_to([corpus], out, nlp=nlp, incremental=True)
    with IncrementalRun.open(out, [corpus], run_fingerprint(nlp, ReadOptions())) as run:
        assert not run.output_intact
        assert [doc_id for _, doc_id in run.to_process] == ["sub/extra.txt"]
    summary = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert summary.reprocessed == 1
    assert out.read_bytes() == full_run(extract, corpus, tmp_path)


def test_failed_write_leaves_output_and_state_as_they_were(nlp, corpus, tmp_path, monkeypatch):
    out = tmp_path / "claims.csv"
    extract_to([corpus], out, nlp=nlp, incremental=True)
    before_output = out.read_bytes()
    before_state = sqlite3.connect(state_path(out)).execute("SELECT path, doc_id, sha256 FROM inputs").fetchall()
    (corpus / "late.txt").write_text("“Too late,” the minister said.\n", encoding="utf-8")

    def disk_full(self, *args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("claimex.io.writing.TableWriter._commit", disk_full)
    with pytest.raises(OSError):
        extract_to([corpus], out, nlp=nlp, incremental=True)
    assert out.read_bytes() == before_output
    after_state = sqlite3.connect(state_path(out)).execute("SELECT path, doc_id, sha256 FROM inputs").fetchall()
    assert after_state == before_state


def test_corrupt_state_is_discarded(nlp, extract, corpus, tmp_path):
    out = tmp_path / "claims.csv"
    state_path(out).write_bytes(b"this is not a database" * 100)
    result = extract(corpus, "-o", out, "--incremental")
    assert result.exit_code == 0, result.output
    assert f"{n_inputs(corpus)} files processed" in incremental_line(result.output)
    assert extract_to([corpus], out, nlp=nlp, incremental=True).reprocessed == 0


def test_incremental_needs_an_output_file_and_no_stdin(extract, corpus, tmp_path):
    result = extract(corpus, "-o", "-", "--incremental")
    assert result.exit_code == 2
    assert "--incremental" in result.output and "-o FILE" in result.output
    result = extract("-", "-o", tmp_path / "c.csv", "--incremental")
    assert result.exit_code == 2
    assert "stdin" in result.output


# -- the lock ------------------------------------------------------------------


def test_second_run_on_the_same_output_is_refused(extract, corpus, tmp_path):
    out = tmp_path / "claims.csv"
    out.write_text("previous\n")
    with OutputLock(out):
        result = extract(corpus, "-o", out)  # any run writing a file, not only --incremental
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1
        assert f"{out} is being written by another claimex run (pid {os.getpid()})" in lines[0]
        assert "choose another -o" in lines[0]
        assert out.read_text() == "previous\n"
    assert extract(corpus, "-o", out, "-q").exit_code == 0


@pytest.mark.subprocess
def test_lock_held_by_another_process(extract, corpus, tmp_path):
    out = tmp_path / "claims.csv"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom claimex.incremental import OutputLock\n"
            "lock = OutputLock(sys.argv[1]); lock.acquire(); print('locked', flush=True); time.sleep(60)",
            str(out),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputLocked) as caught:
            OutputLock(out).acquire()
        assert caught.value.pid == holder.pid
        result = extract(corpus, "-o", out, "--incremental")
        assert result.exit_code == 2
        assert f"(pid {holder.pid})" in result.output
    finally:
        holder.kill()
        holder.wait()
    # the holder died without cleaning up: its lock file is stale and harmless
    assert lock_path(out).exists()
    result = extract(corpus, "-o", out, "--incremental", "-q")
    assert result.exit_code == 0, result.output
    assert not lock_path(out).exists()


def test_wait_waits_for_the_other_run(extract, corpus, tmp_path):
    out = tmp_path / "claims.csv"
    lock = OutputLock(out)
    lock.acquire()
    timer = threading.Timer(0.5, lock.release)
    timer.start()
    try:
        started = time.monotonic()
        result = extract(corpus / "sub", "-o", out, "--wait")
        assert result.exit_code == 0, result.output
        assert "waiting for another claimex run" in result.output
        assert time.monotonic() - started >= 0.4
    finally:
        timer.cancel()
        lock.release()


def test_stale_temp_files_of_a_killed_run_are_removed(extract, corpus, tmp_path):
    out = tmp_path / "claims.csv"
    stale = tmp_path / ".claims.csv.ab12cd_9.tmp"
    stale.write_text("half a table")
    other = tmp_path / ".claims.csv.x.csv.ab12cd_9.tmp"  # another output's: left alone
    other.write_text("not ours")
    lock_path(out).write_text("999999999\n")  # a lock file nobody holds
    result = extract(corpus / "sub", "-o", out, "-q")
    assert result.exit_code == 0, result.output
    assert not stale.exists() and other.exists()
    assert not lock_path(out).exists()


@pytest.mark.parametrize("planted", ["symlink", "dangling symlink", "directory", "fifo"])
def test_a_planted_lock_path_is_never_written_through(extract, corpus, tmp_path, planted):
    out = tmp_path / "out" / "claims.csv"
    out.parent.mkdir()
    important = tmp_path / "important.txt"
    important.write_text("precious\n")
    if planted == "symlink":
        os.symlink("../important.txt", lock_path(out))
    elif planted == "dangling symlink":
        os.symlink("../created.txt", lock_path(out))
    elif planted == "directory":
        lock_path(out).mkdir()
    else:
        os.mkfifo(lock_path(out))
    result = extract(corpus / "sub", "-o", out)
    assert result.exit_code == 2, result.output
    what = {"symlink": "a symbolic link", "dangling symlink": "a symbolic link", "directory": "a directory"}
    line = f"claimex: error: {lock_path(out)} is {what.get(planted, 'a special file')}"
    assert result.output.startswith(line), result.output
    assert "remove it" in result.output and len(result.output.strip().splitlines()) == 1
    assert important.read_text() == "precious\n" and not (tmp_path / "created.txt").exists()
    assert not out.exists()
    with pytest.raises(LockUnusable):
        OutputLock(out).acquire()


def _wrong_rows(state: Path) -> None:
    with sqlite3.connect(state) as con:
        con.execute("""UPDATE inputs SET rows = '[{"x": 1}]'""")


def _rows_not_a_list(state: Path) -> None:
    with sqlite3.connect(state) as con:
        con.execute("""UPDATE inputs SET rows = '{"speaker": "A"}'""")


def _wrong_types(state: Path) -> None:
    with sqlite3.connect(state) as con:
        con.execute("UPDATE inputs SET articles = 'many'")


def _bad_meta(state: Path) -> None:
    with sqlite3.connect(state) as con:
        con.execute("UPDATE meta SET value = 'soon' WHERE key = 'planned_at_ns'")


def _foreign_schema(state: Path) -> None:
    state.unlink()
    with sqlite3.connect(state) as con:
        con.execute("CREATE TABLE inputs (path TEXT, size INTEGER)")


def _trigger(state: Path) -> None:
    with sqlite3.connect(state) as con:
        con.execute("CREATE TRIGGER t AFTER INSERT ON inputs BEGIN DELETE FROM meta; END")


def _folder(state: Path) -> None:
    state.unlink()
    state.mkdir()
    (state / "notes.txt").write_text("mine")


def _symlink(state: Path) -> None:
    target = state.with_name("elsewhere.sqlite")
    state.rename(target)
    state.symlink_to(target.name)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_wrong_rows, "holds rows claimex cannot use"),
        (_rows_not_a_list, "holds rows claimex cannot use"),
        (_wrong_types, "holds rows claimex cannot use"),
        (_bad_meta, "holds settings of the wrong form"),
        (_foreign_schema, "is not a claimex state (tables of other columns)"),
        (_trigger, "is not a claimex state (trigger t)"),
        (_folder, "is a directory"),
        (_symlink, "is a symbolic link"),
    ],
)
def test_a_state_claimex_cannot_use_is_discarded_with_a_warning(nlp, extract, corpus, tmp_path, damage, reason):
    out = tmp_path / "claims.csv"
    assert extract(corpus, "-o", out, "--incremental", "-q").exit_code == 0
    state = state_path(out)
    elsewhere = state.with_name("elsewhere.sqlite")
    damage(state)
    kept = elsewhere.read_bytes() if elsewhere.exists() else None
    result = extract(corpus, "-o", out, "--incremental")
    assert result.exit_code == 0, result.output
    warning = f"claimex: warning: the incremental state {state} {reason}"
    assert warning in result.output, result.output
    assert f"{n_inputs(corpus)} files processed, 0 unchanged" in incremental_line(result.output)
    assert out.read_bytes() == full_run(extract, corpus, tmp_path)
    if damage is _folder:
        assert "moved to" in result.output
        assert (state.with_name(state.name + ".discarded") / "notes.txt").read_text() == "mine"
    if kept is not None:
        assert elsewhere.read_bytes() == kept  # the link was removed, never written through
    assert state.is_file() and not state.is_symlink()
    summary = extract_to([corpus], out, nlp=nlp, incremental=True)
    assert (summary.reprocessed, summary.state_warning) == (0, None)
