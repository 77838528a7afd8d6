"""Files that appear whole or not at all: a temporary file beside the target, fsync, ``os.replace``.

The table writers (:mod:`claimex.io.writing`) and the HTML pages use these helpers, so every output
claimex writes keeps a previous file intact until the new one is complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically: temp file in its directory, fsync, ``os.replace``.

    On any failure (Ctrl-C included) the temp file is removed and a previous
    file at ``path`` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, new_file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def new_file_mode(target: Path, *, directory: bool = False) -> int:
    """The mode a file (or directory) replacing ``target`` gets: ``target``'s own, else what the umask allows."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)  # reading the umask means setting it; put it straight back
        os.umask(umask)
        return (0o777 if directory else 0o666) & ~umask


def fsync_dir(directory: Path) -> None:
    """Make the rename durable (best effort: not possible on every platform)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
