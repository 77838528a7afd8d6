"""Incremental runs and the output lock (``claimex extract --incremental``).

Pure Python, no printing: :func:`claimex.api.extract_to` wires it into a run
(``incremental=True``), for the CLI and Python callers alike.

**State.** An incremental run keeps a SQLite file beside its output,
``<output>.claimex-state.sqlite`` (:func:`state_path`). For every input file
it stores the file's absolute path and doc_id base (together the key), size,
``mtime_ns``, the SHA-256 of its bytes, how many articles it held and the
rows they produced; plus the run-settings fingerprint
(:func:`settings_fingerprint`: claimex's version and a digest of its code and
data files, spaCy's version, the model's name, version and components, every
reading option, and whatever else the caller says changes rows) and the
SHA-256 of the output file last written.

**Planning** (:meth:`IncrementalRun.open`). The PATHs are expanded as a full
run would expand them. A file whose size and mtime match the state is trusted
and its rows reused; if either changed, its bytes are hashed: an equal hash
reuses the rows (and the new size/mtime are stored), another hash means the
file is processed again. A file whose stored mtime lies within 2 s of the
previous run's planning is hashed even if size and mtime match ("racy clean",
as in git: it may have changed again within the same mtime tick). New files are processed; files in the state but not
among the inputs any more are dropped. A different fingerprint (new model,
other ``--text-field``, other claimex code...) processes everything. Files
claimex does not read (unsupported extension) or that are not regular files
are always handed to the reader (which skips them or reports them), never
stored. Files that failed, even partly (one bad JSONL line), are not stored
either: they are read again on every run, so the exit code and ``--errors``
are those of a full run.

**Writing.** The output is always rewritten whole, atomically, from the reused
rows and the new ones, in the order of a full run (input order, then article
order), so its rows are those a non-incremental run would write. The state is
updated in one SQLite transaction committed only *after* the output has been
renamed into place (:meth:`IncrementalRun.commit`). A crash between the two
leaves the old state beside the new output: the next run sees the changed
inputs still differ from the state and processes them again, and since every
run rewrites the whole output from per-input rows, the output cannot drift
from the state. The output's hash is stored anyway, and
:attr:`IncrementalRun.output_intact` says whether the output on disk is the one
the state describes (if not, it is simply rewritten). A run stopped early
(``--fail-fast``) writes what it has but does not update the state. A
state claimex cannot use as expected (not an SQLite database, a foreign
schema, rows that are not the schema's, a symbolic link or a directory in
its place) is discarded with a warning (:attr:`IncrementalRun.warning`; a
directory is moved aside, never deleted) and everything processed.

**Lock** (:class:`OutputLock`). Any run writing a file takes an exclusive
``flock`` on ``<output>.lock`` for its whole duration; a second run on the
same output fails at once with :class:`OutputLocked` (or waits, ``wait=True``).
The lock file holds the holder's pid and is removed on release (a run killed
with SIGKILL leaves it behind; the kernel has dropped its lock, so it is
harmless and reused). Holding the lock, the run also removes temporary files
``.<name>.XXXXXXXX.tmp`` that a killed run left beside the output.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import fcntl
import hashlib
import json
import os
import re
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from . import __version__
from .errors import OutputLocked
from .io.paths import expand_paths, path_text
from .io.reading import SUPPORTED_EXTENSIONS
from .io.writing import UsageError
from .schema import COLUMN_NAMES, conform, to_json

STATE_SUFFIX = ".claimex-state.sqlite"
LOCK_SUFFIX = ".lock"
STATE_FORMAT = 1  # bump when the state's tables change: old states are then discarded

_HASH_CHUNK = 1 << 20
RACY_NS = 2 * 10**9


class IncrementalUsageError(ValueError):
    """--incremental cannot work with these arguments; the message says what to do."""


class LockUnusable(UsageError):
    """``<output>.lock`` is something claimex must not write through (a symbolic link, a directory...)."""


def state_path(output: str | Path) -> Path:
    """Where the state of incremental runs writing ``output`` lives."""
    output = Path(output)
    return output.with_name(output.name + STATE_SUFFIX)


def lock_path(output: str | Path) -> Path:
    output = Path(output)
    return output.with_name(output.name + LOCK_SUFFIX)


# --------------------------------------------------------------------------
# The lock


class OutputLock:
    """An exclusive, non-blocking (unless ``wait``) lock on ``<output>.lock``.

    Use as a context manager or call :meth:`acquire` / :meth:`release`.
    ``on_wait(pid)`` is called once when ``wait`` is true and the lock is
    busy, before blocking. Locks are per open file, so two runs in one
    process exclude each other too.
    """

    def __init__(self, output: str | Path, *, wait: bool = False, on_wait: Callable[[int | None], None] | None = None):
        self.output = Path(output)
        self.path = lock_path(output)
        self.wait = wait
        self.on_wait = on_wait
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            raise RuntimeError("lock already held")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        told = False
        while True:
            fd = self._open()
            try:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError as exc:
                    if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                        raise
                    pid = _read_pid(fd)
                    if not self.wait:
                        raise OutputLocked(self.output, pid) from None
                    if not told and self.on_wait is not None:
                        self.on_wait(pid)
                    told = True
                    fcntl.flock(fd, fcntl.LOCK_EX)
                # The holder removes the file before unlocking: make sure we
                # locked the file that is still at the path, else try again.
                try:
                    current = os.stat(self.path)
                except FileNotFoundError:
                    os.close(fd)
                    continue
                mine = os.fstat(fd)
                if (mine.st_dev, mine.st_ino) != (current.st_dev, current.st_ino):
                    os.close(fd)
                    continue
            except BaseException:
                with contextlib.suppress(OSError):
                    os.close(fd)
                raise
            break
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        remove_stale_temp_files(self.output)

    def _open(self) -> int:
        """The lock file, created if missing, never through a symbolic link (a planted
        ``OUT.lock -> important.txt`` would get the pid written into its target)."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(self.path, flags | getattr(os, "O_NONBLOCK", 0), 0o666)
        except OSError as exc:
            if exc.errno == errno.ELOOP or os.path.islink(self.path):
                raise LockUnusable(self._unusable("a symbolic link")) from None
            if exc.errno == errno.EISDIR:
                raise LockUnusable(self._unusable("a directory")) from None
            raise
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise LockUnusable(self._unusable("a special file (a pipe, socket or device)"))
        return fd

    def _unusable(self, what: str) -> str:
        return (
            f"{self.path} is {what}, not a claimex lock file: remove it (claimex never writes through it) and run again"
        )

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)  # while still locked: see acquire()
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def remove_stale_temp_files(output: str | Path) -> list[Path]:
    """Remove ``.NAME.XXXXXXXX.tmp`` files (see :mod:`claimex.io.writing`) beside ``output``.

    Call only while holding the output's lock: they are then leftovers of a
    killed run. Returns what was removed.
    """
    output = Path(output)
    pattern = re.compile(r"\." + re.escape(output.name) + r"\.[A-Za-z0-9_]{8}\.tmp")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(output.parent))
    except OSError:
        return removed
    for entry in entries:
        if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


# --------------------------------------------------------------------------
# The fingerprint


def settings_fingerprint(nlp, options=None, **extra) -> str:
    """A canonical JSON string of everything, besides the input, that decides the rows.

    ``options`` is the run's :class:`claimex.api.ReadOptions` (every field
    counts, so a field added later counts too); ``extra`` holds any other
    setting that changes rows (e.g. ``reference_date``), JSON-serializable or
    turned into ``str``. The output format and ``--excel`` are not part of
    it: they are applied when writing, to rows as stored.
    """
    import spacy

    meta = getattr(nlp, "meta", {}) or {}
    if options is None:
        read = {}
    elif dataclasses.is_dataclass(options) and not isinstance(options, type):
        read = dataclasses.asdict(options)
    else:
        read = dict(vars(options))
    settings = {
        "state_format": STATE_FORMAT,
        "claimex": __version__,
        "claimex_code": code_digest(),
        "spacy": spacy.__version__,
        "model": {
            "lang": meta.get("lang"),
            "name": meta.get("name"),
            "version": meta.get("version"),
            "pipeline": list(getattr(nlp, "pipe_names", [])),
            "claimex": meta.get("claimex"),  # how claimex configured it (e.g. the paragraph gate)
        },
        "read": read,
        "extra": extra,
    }
    return json.dumps(settings, sort_keys=True, default=str, ensure_ascii=True)


_CODE_DIGEST: str | None = None


def code_digest() -> str:
    """SHA-256 over claimex's own source and data files, so that a code change
    without a version bump still invalidates stored rows (computed once)."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        package = Path(__file__).resolve().parent
        digest = hashlib.sha256()
        files = [
            p
            for p in package.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
        ]
        for path in sorted(files, key=lambda p: p.relative_to(package).as_posix()):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        _CODE_DIGEST = digest.hexdigest()
    return _CODE_DIGEST


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------
# The state and one incremental run


@dataclass
class InputEntry:
    """One expanded input file and what the run does with it."""

    file: Path
    doc_id: str  # doc_id base, as :func:`claimex.io.paths.expand_paths` gives it
    key: str  # absolute path, as text (paths.path_text)
    action: str = "process"  # "reuse" or "process"
    cacheable: bool = True  # a regular file of a supported type
    size: int | None = None
    mtime_ns: int | None = None
    sha256: str | None = None
    stat_changed: bool = False  # reused although size/mtime changed (same hash)
    cached_rows: list[dict] | None = None
    cached_articles: int = 0

    @property
    def ident(self) -> tuple[str, str]:
        return (self.key, self.doc_id)


@dataclass
class _Outcome:
    rows: list[dict] = field(default_factory=list)
    articles: int = 0
    failed: bool = False


class IncrementalRun:
    """One incremental run on ``output``: the plan, then the results, then the commit.

    Typical use (the CLI's)::

        run = IncrementalRun.open(output, paths, fingerprint)
        results = run.track(process(paths, nlp=nlp, files=run.to_process))
        for result in results: ...                 # report errors, etc.
        with open_table_writer(output, fmt) as writer:
            writer.write(run.rows())
        run.commit()                               # after the output is in place
        run.close()

    Counters: :attr:`reprocessed` (files read and annotated again),
    :attr:`unchanged` (files whose stored rows were reused), :attr:`removed`
    (stored files no longer among the inputs), :attr:`reused_articles`.
    """

    def __init__(
        self,
        output: Path,
        entries: list[InputEntry],
        fingerprint: str,
        *,
        connection: sqlite3.Connection,
        reset: bool,
        removed_keys: list[tuple[str, str]],
        output_intact: bool,
    ):
        self.output = output
        self.entries = entries
        self.fingerprint = fingerprint
        self.reset = reset  # state discarded (new settings, corrupt or missing state)
        self.output_intact = output_intact
        self._connection = connection
        self._removed_keys = removed_keys
        self._outcomes: dict[tuple[str, str], _Outcome] = {}
        self._by_source: dict[str, list[InputEntry]] = {}
        self._unmapped_error = False
        self.complete = False
        self.planned_at_ns = time.time_ns()
        self.warning: str | None = None  # why the state found beside the output was discarded
        unique: dict[tuple[str, str], InputEntry] = {}
        for entry in entries:
            unique.setdefault(entry.ident, entry)
        self._unique = list(unique.values())
        self.to_process: list[tuple[Path, str]] = []
        for entry in self._unique:
            if entry.action == "process":
                self.to_process.append((entry.file, entry.doc_id))
                self._by_source.setdefault(path_text(entry.file), []).append(entry)  # as reading names it
                self._outcomes[entry.ident] = _Outcome()
        self.reprocessed = sum(1 for e in self._unique if e.action == "process" and e.cacheable)
        self.unchanged = sum(1 for e in self._unique if e.action == "reuse")
        self.removed = len(removed_keys)

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(cls, output: str | Path, paths: Sequence[str | Path], fingerprint: str) -> IncrementalRun:
        """Read the state beside ``output`` and plan the run over ``paths``.

        Raises :class:`IncrementalUsageError` for stdin among ``paths`` or
        ``output`` ``"-"``, and FileNotFoundError for a missing PATH.
        """
        if str(output) == "-":
            raise IncrementalUsageError("--incremental needs an output file, not stdout: use -o FILE")
        if any(str(p) == "-" for p in paths):
            raise IncrementalUsageError("--incremental cannot read stdin (-): give files or directories")
        output = Path(output)
        planned_at_ns = time.time_ns()
        entries = _expand(paths)
        connection, stored, meta, warning = _load_state(state_path(output), fingerprint)
        reset = meta.get("fingerprint") != fingerprint
        # A file modified within RACY_NS of the previous run's stat may have changed again
        # without its mtime moving ("racy clean", as in git): hash it even if size and mtime match.
        racy_from = int(meta.get("planned_at_ns") or 0) - RACY_NS  # checked by _load_state
        for entry in entries:
            _plan(entry, stored.get(entry.ident), racy_from)
        present = {entry.ident for entry in entries}
        removed = [] if reset else [ident for ident in stored if ident not in present]
        intact = bool(meta.get("output_sha256")) and _output_hash(output) == meta.get("output_sha256")
        run = cls(
            output, entries, fingerprint, connection=connection, reset=reset, removed_keys=removed, output_intact=intact
        )
        run.planned_at_ns = planned_at_ns
        run.warning = warning
        return run

    # -- results -----------------------------------------------------------
    def track(self, results: Iterable) -> Iterator:
        """Pass ``results`` (:class:`claimex.api.ArticleResult`) through, recording each.

        :attr:`complete` becomes true only if ``results`` is exhausted.
        """
        for result in results:
            self.record(result)
            yield result
        self.complete = True

    def record(self, result) -> None:
        """Note one result of processing :attr:`to_process`."""
        article = getattr(result, "article", None)
        error = getattr(result, "error", None)
        skipped = getattr(result, "skipped", None)
        if article is not None:
            entry = self._entry_for(getattr(article, "source", ""), getattr(article, "doc_id", ""))
            if entry is None:
                self._unmapped_error = self._unmapped_error or error is not None
                return
            outcome = self._outcomes[entry.ident]
            if error is not None:
                outcome.failed = True
            else:
                outcome.articles += 1
            outcome.rows.extend(conform(row) for row in (result.records or []))
            return
        problem = error if error is not None else skipped
        if problem is None:
            return
        candidates = self._by_source.get(str(getattr(problem, "source", "")))
        if not candidates:
            self._unmapped_error = self._unmapped_error or error is not None
            return
        for entry in candidates:  # the same file under two doc_ids: both count as failed
            self._outcomes[entry.ident].failed = True

    def _entry_for(self, source: str, doc_id: str) -> InputEntry | None:
        candidates = self._by_source.get(str(source), [])
        best = None
        for entry in candidates:
            matches = doc_id == entry.doc_id or doc_id.startswith(entry.doc_id + "#")
            if matches and (best is None or len(entry.doc_id) > len(best.doc_id)):
                best = entry
        if best is None and len(candidates) == 1:
            best = candidates[0]
        return best

    def rows(self) -> Iterator[dict]:
        """Every row of the output, in the order of a full run."""
        for entry in self.entries:
            if entry.action == "reuse":
                yield from entry.cached_rows or []
            else:
                outcome = self._outcomes.get(entry.ident)
                if outcome is not None:
                    yield from outcome.rows

    def _not_from_results(self) -> Iterator[tuple[InputEntry, list[dict], int]]:
        """Inputs in the table that no processing result stands for: reused ones, and
        repeats of an input given twice (processed once, written twice as in a full run)."""
        seen = set()
        for entry in self.entries:
            if entry.action == "reuse":
                yield entry, entry.cached_rows or [], entry.cached_articles
            elif entry.ident in seen:
                outcome = self._outcomes[entry.ident]
                yield entry, outcome.rows, outcome.articles
            else:
                seen.add(entry.ident)

    def reused_rows(self) -> Iterator[dict]:
        """The rows of :meth:`rows` that no result of this run carried (stored rows reused...)."""
        for _, rows, _ in self._not_from_results():
            yield from rows

    @property
    def reused_articles(self) -> int:
        """Articles in the table that no result of this run stands for (see :meth:`reused_rows`)."""
        return sum(articles for _, _, articles in self._not_from_results())

    @property
    def processed_articles(self) -> int:
        return sum(o.articles for o in self._outcomes.values())

    # -- committing --------------------------------------------------------
    def commit(self) -> str | None:
        """Store the run's outcome; call only after the output was written.

        Does nothing (returns None) if the run did not complete. Returns a
        message if the state could not be updated (the output stays valid;
        the next run then processes the changed inputs again), else None.
        """
        if not self.complete:
            return None
        output_hash = _output_hash(self.output)
        trust_new = not self._unmapped_error
        con = self._connection
        try:
            with _transaction(con):
                if self.reset:
                    con.execute("DELETE FROM inputs")
                    con.execute("DELETE FROM meta")
                con.executemany("DELETE FROM inputs WHERE path = ? AND doc_id = ?", self._removed_keys)
                for entry in self._unique:
                    if entry.action == "reuse":
                        if entry.stat_changed:
                            con.execute(
                                "UPDATE inputs SET size = ?, mtime_ns = ? WHERE path = ? AND doc_id = ?",
                                (entry.size, entry.mtime_ns, entry.key, entry.doc_id),
                            )
                        continue
                    outcome = self._outcomes[entry.ident]
                    if entry.cacheable and trust_new and not outcome.failed and entry.sha256:
                        con.execute(
                            "INSERT OR REPLACE INTO inputs (path, doc_id, size, mtime_ns, sha256, articles, rows) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (
                                entry.key,
                                entry.doc_id,
                                entry.size,
                                entry.mtime_ns,
                                entry.sha256,
                                outcome.articles,
                                json.dumps([to_json(row) for row in outcome.rows]),
                            ),
                        )
                    else:
                        con.execute("DELETE FROM inputs WHERE path = ? AND doc_id = ?", (entry.key, entry.doc_id))
                con.executemany(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("fingerprint", self.fingerprint),
                        ("output_sha256", output_hash or ""),
                        ("output", path_text(self.output)),
                        ("planned_at_ns", str(self.planned_at_ns)),
                    ],
                )
        except sqlite3.Error as exc:
            return f"could not update the incremental state {state_path(self.output)}: {exc}"
        return None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._connection.close()

    def __enter__(self) -> IncrementalRun:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (Ctrl-C included)."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        if exc_type is None:
            self.connection.execute("COMMIT")
        else:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
        return False


def _expand(paths: Sequence[str | Path]) -> list[InputEntry]:
    entries = []
    for file, doc_id in expand_paths(paths):
        assert file is not None  # stdin refused before
        entry = InputEntry(file=file, doc_id=doc_id, key=path_text(os.path.abspath(file)))
        if file.suffix.lower() not in SUPPORTED_EXTENSIONS:
            entry.cacheable = False
        else:
            try:
                info = os.stat(file)
            except OSError:
                entry.cacheable = False
            else:
                if stat.S_ISREG(info.st_mode):
                    entry.size, entry.mtime_ns = info.st_size, info.st_mtime_ns
                else:
                    entry.cacheable = False
        entries.append(entry)
    return entries


def _plan(entry: InputEntry, stored: _Stored | None, racy_from: int = 0) -> None:
    """Decide reuse or process; hash the file when needed (stat, then hash, then read)."""
    if not entry.cacheable:
        entry.action = "process"
        return
    if stored is not None:
        same_stat = stored.size == entry.size and stored.mtime_ns == entry.mtime_ns and stored.mtime_ns < racy_from
        if not same_stat:
            entry.sha256 = _hash_or_none(entry)
            if entry.sha256 is None:
                entry.action = "process"
                return
        if same_stat or entry.sha256 == stored.sha256:
            entry.action = "reuse"
            entry.cached_rows = stored.rows
            entry.sha256 = stored.sha256
            entry.stat_changed = (stored.size, stored.mtime_ns) != (entry.size, entry.mtime_ns)
            entry.cached_articles = stored.articles
            return
    if entry.sha256 is None:
        entry.sha256 = _hash_or_none(entry)
    entry.action = "process"


def _hash_or_none(entry: InputEntry) -> str | None:
    try:
        return file_sha256(entry.file)
    except OSError:
        entry.cacheable = False
        return None


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS inputs (path TEXT NOT NULL, doc_id TEXT NOT NULL, size INTEGER NOT NULL, "
    "mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, articles INTEGER NOT NULL, rows TEXT NOT NULL, "
    "PRIMARY KEY (path, doc_id))",
)


@dataclass
class _Stored:
    """One input as the state holds it."""

    size: int
    mtime_ns: int
    sha256: str
    articles: int
    rows: list[dict]


class _UnusableState(Exception):
    """The state file is not one claimex can use; the message says what it is instead."""


_TABLES = {"meta": ["key", "value"], "inputs": ["path", "doc_id", "size", "mtime_ns", "sha256", "articles", "rows"]}


def _load_state(path: Path, fingerprint: str) -> tuple[sqlite3.Connection, dict, dict, str | None]:
    """Open (creating if needed) the state: connection, stored inputs, meta, and a warning.

    A state claimex cannot use as expected (not an SQLite database, a foreign
    schema, rows of the wrong shape, a directory or a link in its place) is
    discarded, and the warning says so; stored inputs are read only when the
    state's fingerprint is ``fingerprint`` (otherwise all are processed anyway).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return (*_read_state(path, fingerprint), None)
    except _UnusableState as problem:
        aside = _discard_state(path)
        what = f"moved to {path_text(aside)}" if aside else "discarded"
        warning = f"the incremental state {path_text(path)} {problem}: {what}, every input is processed again"
    return (*_read_state(path, fingerprint), warning)


def _read_state(path: Path, fingerprint: str) -> tuple[sqlite3.Connection, dict, dict]:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        kinds = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a directory"))
        raise _UnusableState(f"is {next((k for test, k in kinds if test(info.st_mode)), 'a special file')}")
    connection = sqlite3.connect(path, isolation_level=None)  # transactions by hand
    try:
        _check_schema(connection)
        for statement in _SCHEMA:
            connection.execute(statement)
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        _check_meta(meta)
        stored = _stored_inputs(connection) if meta.get("fingerprint") == fingerprint else {}
        return connection, stored, meta
    except sqlite3.OperationalError:  # cannot open, locked, read-only...: not corruption
        connection.close()
        raise
    except sqlite3.DatabaseError:  # not a database, or a damaged one
        connection.close()
        raise _UnusableState("is not an SQLite database, or a damaged one") from None
    except _UnusableState:
        connection.close()
        raise


def _check_schema(connection: sqlite3.Connection) -> None:
    """Nothing but claimex's two tables (and their keys' indexes): no other table, view or trigger."""
    objects = list(connection.execute("SELECT type, name FROM sqlite_master"))
    foreign = [
        f"{kind} {name}"
        for kind, name in objects
        if not (kind == "table" and name in _TABLES) and not (kind == "index" and name.startswith("sqlite_autoindex_"))
    ]
    tables = {
        name: [column for (column,) in connection.execute("SELECT name FROM pragma_table_info(?)", (name,))]
        for kind, name in objects
        if kind == "table" and name in _TABLES
    }
    if foreign or any(columns != _TABLES[name] for name, columns in tables.items()):
        listed = ", ".join(foreign) or "tables of other columns"
        raise _UnusableState(f"is not a claimex state ({listed})")


def _check_meta(meta: dict) -> None:
    if not all(isinstance(value, str) for value in meta.values()) or not (meta.get("planned_at_ns") or "0").isdigit():
        raise _UnusableState("holds settings of the wrong form")


def _stored_inputs(connection: sqlite3.Connection) -> dict[tuple[str, str], _Stored]:
    """Every stored input, its rows parsed and checked against the schema."""
    stored = {}
    query = "SELECT path, doc_id, size, mtime_ns, sha256, articles, rows FROM inputs"
    for path, doc_id, size, mtime_ns, sha256, articles, rows in connection.execute(query):
        try:
            if not all(isinstance(v, int) for v in (size, mtime_ns, articles)) or not isinstance(sha256, str):
                raise ValueError("wrong types")
            stored[(path, doc_id)] = _Stored(size, mtime_ns, sha256, articles, _checked_rows(json.loads(rows)))
        except (TypeError, ValueError):
            raise _UnusableState(f"holds rows claimex cannot use (for {path_text(str(path))})") from None
    return stored


def _checked_rows(rows: object) -> list[dict]:
    """``rows`` if it is a list of rows with exactly the schema's columns (conformed); else ValueError."""
    if not isinstance(rows, list):
        raise ValueError("not a list of rows")
    columns = set(COLUMN_NAMES)
    if not all(isinstance(row, dict) and set(row) == columns for row in rows):
        raise ValueError("not the schema's columns")
    return [conform(row) for row in rows]


def _discard_state(path: Path) -> Path | None:
    """Remove what stands at the state's path; a directory is moved aside, never deleted (returns where)."""
    if path.is_dir() and not path.is_symlink():
        aside, n = path.with_name(path.name + ".discarded"), 1
        while os.path.lexists(aside):
            n += 1
            aside = path.with_name(f"{path.name}.discarded-{n}")
        os.rename(path, aside)
        return aside
    for leftover in (path, *(path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(leftover)
    return None


def _output_hash(output: Path) -> str | None:
    try:
        return file_sha256(output)
    except OSError:
        return None


# --------------------------------------------------------------------------
# The whole run, for Python callers


__all__ = [
    "STATE_SUFFIX",
    "LOCK_SUFFIX",
    "IncrementalUsageError",
    "OutputLocked",
    "OutputLock",
    "LockUnusable",
    "state_path",
    "lock_path",
    "remove_stale_temp_files",
    "settings_fingerprint",
    "code_digest",
    "file_sha256",
    "InputEntry",
    "IncrementalRun",
]
