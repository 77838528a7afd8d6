"""Input paths: the PATH arguments expanded to files and their doc_id bases, in a stable order.

``-`` stands for stdin.  File names are text: bytes that are not UTF-8 appear as ``\\xNN`` in doc_ids and
messages (:func:`path_text`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from claimex.io.decoding import LONE_SURROGATE

STDIN_PATH = "-"
STDIN_SOURCE = "<stdin>"


def path_text(path: str | Path) -> str:
    """A path as text fit for a doc_id, a message or a UTF-8 file.

    Python reads a file name that is not UTF-8 with surrogate escapes, which
    no UTF-8 writer accepts; each such byte becomes ``\\xNN`` here (as in
    ``repr``), so ``caf\\xff.txt`` names the file whose name holds byte 0xFF.
    """
    text = os.fspath(path)
    if not LONE_SURROGATE.search(text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def check_paths(paths: Sequence[str | Path]) -> list[str]:
    """Return the PATH arguments that do not exist, as given (``-`` always exists).

    Call it before :func:`iter_articles` to fail early (the CLI exits 2);
    ``iter_articles`` itself reports a missing PATH as an :class:`InputError`.
    """
    return [str(p) for p in paths if str(p) != STDIN_PATH and not path_exists(p)]


def path_exists(path: str | Path) -> bool:
    """Path.exists(), but a path that cannot be checked (EACCES) counts as existing:
    reading it then reports the OS error."""
    try:
        return Path(path).exists()
    except OSError:
        return True


def expand_paths(paths: Sequence[str | Path]) -> Iterator[tuple[Path | None, str]]:
    """Yield ``(file, doc_id base)`` for every input file under ``paths``.

    Raises :class:`FileNotFoundError` for the first missing PATH at call time,
    before anything is yielded (this is a plain function returning an
    iterator). ``-`` yields ``(None, "-")`` for stdin. A file PATH yields its
    file name; a directory PATH yields every non-hidden regular file below it,
    recursively, as its POSIX path relative to the directory, sorted by path
    components. Hidden files and directories (name starting with ``.``) below
    a directory PATH are skipped; symlinked directories are not followed; they,
    special files (a named pipe) and dangling symlinks are yielded, so that
    reading lists them as skipped, or reports the missing target.
    Files of any extension are yielded. PATHs keep the order given;
    a directory that cannot be listed is yielded itself, so that reading it
    reports the OS error.
    """
    missing = check_paths(paths)
    if missing:
        raise FileNotFoundError(2, "no such file or directory", missing[0])
    return _expand_all(list(paths))


def _expand_all(paths: list[str | Path]) -> Iterator[tuple[Path | None, str]]:
    for given in paths:
        yield from expand_path(given)


def expand_path(given: str | Path) -> Iterator[tuple[Path | None, str]]:
    if str(given) == STDIN_PATH:
        yield None, STDIN_PATH
        return
    root = Path(given)
    if not is_directory(root):
        yield root, path_text(root.name)
        return
    for parts, file in sorted(_walk_directory(root, ())):
        yield file, path_text("/".join(parts))


def is_directory(path: Path) -> bool:
    """Path.is_dir(), but a path that cannot be checked (a name too long) is not: reading it reports why."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _walk_directory(directory: Path, parts: tuple[str, ...]) -> list[tuple[tuple[str, ...], Path]]:
    """List the non-hidden entries below ``directory`` that are not folders (unsorted)."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return [(parts, directory)]  # reading it reports why
    found: list[tuple[tuple[str, ...], Path]] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                found.extend(_walk_directory(path, parts + (entry.name,)))
            else:  # reading skips, with the reason, a link to a folder or a special file; a dangling link fails
                found.append((parts + (entry.name,), path))
        except OSError:
            found.append((parts + (entry.name,), path))
    return found
