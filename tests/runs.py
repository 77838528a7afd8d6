"""Helpers for tests that run claimex in a subprocess and stop it mid-run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

SENTENCES = [
    "“We will not accept any delay in the talks,” said Maria Lopez, the finance minister of Spain.",
    "The ministry said on Monday that exports had grown for the third month in a row.",
    "According to the central bank, inflation will fall below three percent next year.",
    "“Our position has not changed,” the spokesman told reporters in Beijing.",
    "Analysts expect the decision to be delayed until the summer.",
]


def claimex_command() -> list[str]:
    beside = Path(sys.executable).parent / "claimex"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("claimex")
    return [found] if found else [sys.executable, "-c", "from claimex.cli import main; main()"]


def make_corpus(root: Path, n: int = 400) -> Path:
    """``n`` articles: too many for extract to finish before a test stops it."""
    root.mkdir()
    for i in range(n):
        paragraphs = [" ".join(SENTENCES[(i + j + k) % len(SENTENCES)] for k in range(3)) for j in range(6)]
        (root / f"{i:04d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    return root


def start_extract(args: list[str], writing: Callable[[], bool], what: str) -> subprocess.Popen:
    """Start ``claimex extract ARGS``; return once ``writing()`` holds (fail after 60 s or if claimex ends)."""
    process = subprocess.Popen(
        [*claimex_command(), "extract", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 60
    while not writing():
        if process.poll() is not None:
            pytest.fail(f"claimex ended before it {what}: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"claimex did not {what} within 60 s")
        time.sleep(0.05)
    return process
