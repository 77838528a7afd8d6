"""A run killed (SIGKILL) or interrupted (Ctrl-C) mid-way leaves the previous output as it was."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from claimex.incremental import OutputLock, lock_path, state_path
from runs import make_corpus, start_extract

pytestmark = [pytest.mark.model, pytest.mark.subprocess]

PREVIOUS = "claim_id,doc_id\nprevious,run\n"


def start_mid_run(tmp_path: Path, *extra: str):
    """Start extract on a corpus too big to finish soon; return once rows are being written."""
    corpus = make_corpus(tmp_path / "in")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "claims.csv"
    out.write_text(PREVIOUS, encoding="utf-8")
    # The writer has opened its temp file.
    process = start_extract(
        [str(corpus), "-o", str(out), *extra],
        lambda: any(p.name.endswith(".tmp") for p in out_dir.iterdir()),
        "started writing",
    )
    time.sleep(0.5)
    assert process.poll() is None, "the corpus was processed too fast to interrupt"
    return process, out


def visible(directory: Path) -> set[str]:
    return {p.name for p in directory.iterdir() if not p.name.startswith(".")}


def test_sigkill_leaves_the_previous_output_intact(tmp_path):
    process, out = start_mid_run(tmp_path)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert out.read_text(encoding="utf-8") == PREVIOUS
    # no half-written table under a visible name: at most the (harmless) stale lock file
    assert visible(out.parent) <= {out.name, lock_path(out).name}
    # the next run takes the stale lock and removes the killed run's hidden temp file
    assert any(p.name.endswith(".tmp") for p in out.parent.iterdir())
    with OutputLock(out):
        assert not any(p.name.endswith(".tmp") for p in out.parent.iterdir())
    assert visible(out.parent) == {out.name}


def test_ctrl_c_exits_130_without_traceback_or_output(tmp_path):
    process, out = start_mid_run(tmp_path, "--incremental")
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "interrupted" in stderr
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert not any(p.name.endswith(".tmp") for p in out.parent.iterdir())
    assert not lock_path(out).exists()
    # the state records nothing of the interrupted run
    if state_path(out).exists():
        import sqlite3

        assert sqlite3.connect(state_path(out)).execute("SELECT COUNT(*) FROM inputs").fetchone() == (0,)
