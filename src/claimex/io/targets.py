"""The paths a run writes, checked against what it reads before any work (issue 21).

Every path a command writes (``extract``'s ``-o``, ``--errors``, the incremental state and the lock;
``show -o``; ``stats --html``; ``train-cues -o``) is a :class:`Target`. :func:`check_targets` raises
:class:`~claimex.errors.UsageError`, naming both paths and the fix, when

* a target is an input: the same name, the same file through a link, or the same file by inode;
* a directory target (``-o DIR/``, replaced whole) is an input folder or holds an input;
* a target lies in an input folder with an extension claimex reads and no hidden part: the next run
  over that folder would read it as an input (``claims.jsonl`` inside the folder it came from);
* two targets are the same file;
* a folder the target would be written in is a file (``--errors out.csv/errors.jsonl``);
* a target is a device, a named pipe or a socket, or a link to one (``-o /dev/null -f csv``): an output is
  written beside it and renamed over it, which would put a plain file in place of ``/dev/null``;
* a target's name, with the temporary name it is first written under, is longer than its file system takes.

Only the PATH arguments are compared (a folder's files are not listed), so the check costs nothing
on large inputs. ``-`` (stdin, stdout) is never a path.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from .paths import STDIN_PATH
from .reading import SUPPORTED_EXTENSIONS

__all__ = ["Target", "check_targets"]


@dataclass(frozen=True)
class Target:
    """A path a run writes: ``role`` names it for the user (``-o``, ``--errors``, "the lock")."""

    path: str | Path
    role: str
    directory: bool = False  # replaced whole (``-o DIR/``)

    @property
    def name(self) -> str:
        return f"{self.role} {self.path}" if self.role.startswith("-") else f"{self.role} ({self.path})"


def check_targets(inputs: Sequence[str | Path], targets: Sequence[Target]) -> None:
    """Raise :class:`UsageError` when a target would overwrite, replace or later be read as an input,
    when two targets are one file, or when a target's folder is a file (see the module doc)."""
    paths = [str(p) for p in inputs if str(p) != STDIN_PATH]
    written = [t for t in targets if str(t.path) != STDIN_PATH]
    for target in written:
        _check_folder(target)
        _check_kind(target)
        _check_name_length(target)
        for given in paths:
            if problem := _clash(target, given):
                raise UsageError(problem)
    for k, first in enumerate(written):
        for second in written[k + 1 :]:
            if _same(Path(first.path), Path(second.path)):
                raise UsageError(f"{first.name} and {second.name} are the same file: give them different names")


def _clash(target: Target, given: str) -> str | None:
    """Why ``target`` may not be written next to the input PATH ``given``, or None."""
    path, source = Path(target.path), Path(given)
    if target.directory and _inside(source, path):
        return f"{target.name} holds the input {given}: it would be replaced; choose another directory"
    if _same(path, source):
        return f"{target.name} is the input {given}: it would be overwritten; write to another path"
    if source.is_dir() and not target.directory and _inside(path, source) and _read_in(path, source):
        if path.exists():
            return f"{target.name} is an input (in the folder {given}): it would be overwritten; write to another path"
        return (
            f"{target.name} lies in the input folder {given}: the next run over it would read the output "
            "as an input; write it elsewhere (or under a name starting with '.')"
        )
    return None


_SPECIAL = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
            (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))  # fmt: skip


def _check_kind(target: Target) -> None:
    """A target that is (or links to) a special file: refuse, never replace it with a plain file."""
    kind = _special_kind(target.path) if target.role != "the lock" else None  # the lock says so when taken
    if kind is not None:
        stream = " (for stdout use -o - and redirect it)" if target.role == "-o" else ""
        raise UsageError(f"{target.name} is {kind}, not a regular file: claimex writes whole files; "
                         f"give a file path{stream}")  # fmt: skip


def _special_kind(path: str | Path) -> str | None:
    """What ``path`` is when it is not a place for a plain file: a special file, or in /proc or /sys or a
    link into them (``/dev/stdout`` links to whatever the process's stdout is at the time)."""
    if any(hop.startswith(("/proc/", "/sys/")) for hop in _link_chain(path)):
        return "a file of the system (/proc, /sys)"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # absent (or unreadable: writing it reports why)
    return next((kind for test, kind in _SPECIAL if test(mode)), None)


_TEMPORARY_EXTRA = len(".") + len(".12345678.tmp")  # what mkstemp adds to a name written atomically


def _check_name_length(target: Target) -> None:
    """Fail now when the target's name (or the temporary one beside it) is too long to create."""
    name = os.fsencode(Path(target.path).name)
    folder = next((p for p in Path(os.path.abspath(target.path)).parents if p.is_dir()), Path("/"))
    try:
        most = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        most = 255
    if len(name) + _TEMPORARY_EXTRA > most:
        raise UsageError(
            f"{target.name}: the file name is too long ({len(name)} bytes; at most {most - _TEMPORARY_EXTRA} "
            "here, as claimex writes it under a temporary name first); choose a shorter name"
        )


def _link_chain(path: str | Path) -> list[str]:
    """``path`` and each path its symbolic links lead to, absolute, unresolved (at most 40 hops)."""
    chain = [os.path.abspath(path)]
    for _ in range(40):
        try:
            link = os.readlink(chain[-1])
        except OSError:
            break
        chain.append(os.path.normpath(os.path.join(os.path.dirname(chain[-1]), link)))
    return chain


def _check_folder(target: Target) -> None:
    """A folder the target would be written in exists as a file: fail now, not after the run."""
    for parent in Path(os.path.abspath(target.path)).parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"{target.name}: {parent} is a file, not a folder; choose another path")
            return


def _same(first: Path, second: Path) -> bool:
    """One file (or folder): by inode when both exist, else by the path with links resolved."""
    try:
        if first.exists() and second.exists():
            return os.path.samefile(first, second)
    except OSError:
        pass
    return os.path.realpath(first) == os.path.realpath(second)


def _inside(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or lies below it, links resolved."""
    inner, outer = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return inner == outer or outer in inner.parents


def _read_in(path: Path, folder: Path) -> bool:
    """A walk of ``folder`` would read ``path``: an extension claimex reads and no hidden part below it."""
    relative = Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
    hidden = any(part.startswith(".") for part in relative.parts)
    return not hidden and path.suffix.lower() in SUPPORTED_EXTENSIONS
