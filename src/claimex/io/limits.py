"""The limits on what is read, and why a file cannot be read.

Only regular files are read (a named pipe, a device or a socket is an error, and opening one never
blocks).  A file, or stdin, larger than the size limit is an error; at most that much is ever read from
an endless stream.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from claimex.io.paths import path_text

DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024  # bytes per file (per line of a .jsonl, all of stdin)
DEFAULT_HTML_TIMEOUT = 60.0  # seconds to extract one HTML page's main text

_SIZE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:I?B)?\s*", re.IGNORECASE)


def parse_size(value: str) -> int | None:
    """A size such as ``32M``, ``500k``, ``1.5G`` or ``20000`` (bytes) in bytes; ``0`` gives None (no limit).

    K, M, G and T are powers of 1024; a trailing ``B`` or ``iB`` is allowed.
    Raises ValueError naming the expected form.
    """
    match = _SIZE.fullmatch(value)
    if not match:
        raise ValueError(
            f"{value!r} is not a size: give bytes, or a number with K, M or G (e.g. 32M), or 0 for no limit"
        )
    size = int(float(match[1]) * _SIZE_UNITS[match[2].upper()])
    return size or None


def format_size(size: int) -> str:
    """``33554432`` -> ``32 MB`` (powers of 1024, as :func:`parse_size` reads them)."""
    for unit in ("T", "G", "M", "K"):
        scale = _SIZE_UNITS[unit]
        if size >= scale:
            return f"{size / scale:.4g} {unit}B"
    return f"{size} bytes"


class Unreadable(Exception):
    """A file or stream claimex will not read; the message is the reason for the user."""


def open_regular_file(file: Path, limit: int | None) -> BinaryIO:
    """Open ``file`` for reading if it is a regular file within ``limit``; raises Unreadable or OSError.

    The open never blocks: ``O_NONBLOCK`` makes a named pipe without a writer
    open at once, and what was opened is checked, not what the path named a
    moment before.
    """
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    handle = os.fdopen(fd, "rb")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(
                f"not a regular file ({_file_kind(info.st_mode)}); claimex reads files, or one article on stdin (-)"
            )
        if limit is not None and info.st_size > limit:
            raise Unreadable(too_large(limit, info.st_size))
    except BaseException:
        handle.close()
        raise
    return handle


def not_a_file(file: Path) -> str | None:
    """Why a folder's entry ``file`` is no input (a link to a folder, a special file), or None; never blocks."""
    try:
        mode = os.stat(file).st_mode
    except OSError:
        return None  # reading it reports why (a dangling link)
    if stat.S_ISDIR(mode):  # a folder met here is a race, reported when read; a link to one is not followed
        return (
            "a link to a folder (links to folders are not followed; name it as a PATH to read it)"
            if file.is_symlink()
            else None
        )
    return None if stat.S_ISREG(mode) else f"not a regular file ({_file_kind(mode)})"


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "a special file")


def too_large(limit: int, size: int | None = None, per: str = "per input") -> str:
    amount = f"{format_size(size)}, more" if size is not None else "more"
    return f"{amount} than the limit of {format_size(limit)} {per} (raise it with --max-file-size SIZE, 0 for no limit)"


def read_at_most(stream: BinaryIO, limit: int | None) -> bytes:
    """All of ``stream``, or Unreadable once it holds more than ``limit`` bytes (an endless stream included)."""
    if limit is None:
        return stream.read()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise Unreadable(too_large(limit))
    return data


def unreadable_reason(file: Path, error: Unreadable | OSError) -> str:
    """Why ``file`` could not be opened or read, for the user."""
    return str(error) if isinstance(error, Unreadable) else _os_error_reason(file, error)


def _os_error_reason(file: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT and file.is_symlink():
        target = path_text(os.readlink(file))
        return f"broken symbolic link: its target {target} does not exist (fix or remove the link)"
    if error.errno == errno.ENXIO:  # a socket: nothing to open
        return "not a regular file (a socket); claimex reads files, or one article on stdin (-)"
    return error.strerror or str(error)


def directory_problem(directory: Path) -> str:
    """Why a directory met where a file was expected is an error (a race, or unlistable)."""
    try:
        with os.scandir(directory):
            pass
    except OSError as error:
        return f"cannot list directory: {error.strerror or error}"
    return "is a directory, not a file"
