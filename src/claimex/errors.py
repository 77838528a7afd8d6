"""The errors a caller can act on, in one module that imports nothing heavy.

The command line catches these to print one line and exit 2 before any work, so it must be able to name them
without loading spaCy, pandas or pyarrow; the modules that raise them import them from here.
"""

from __future__ import annotations

from pathlib import Path


class UsageError(ValueError):
    """A bad output/format choice; the message says how to fix it."""


class ModelNotFound(LookupError):
    """The requested spaCy pipeline is neither installed nor a pipeline directory."""


class OutputLocked(RuntimeError):
    """Another claimex run holds the output's lock."""

    def __init__(self, output: str | Path, pid: int | None):
        self.output = str(output)
        self.pid = pid
        who = f"pid {pid}" if pid else "pid unknown"
        super().__init__(
            f"{self.output} is being written by another claimex run ({who}); wait for it (--wait) or choose another -o"
        )
