"""An HTML page's main text (:func:`claimex.io.html_extract.extract_html`), in a helper process under a time limit.

trafilatura's time grows faster than a page's size (a 16 MB page took 92 s,
a 50 MB one did not finish), and a stuck C extension cannot be interrupted
from inside the process. So :class:`HtmlExtractor` runs the extraction, its
fallbacks included, in a helper process (``python -m`` this module, started on
first use and kept for the next pages): a page that takes longer than the time
limit has its helper killed (a fresh one serves the next page) and comes back
as :class:`ExtractionTimeout`; a helper that dies (out of memory, a crash)
gives :class:`ExtractionFailed`. The helper is a plain subprocess, not a
``multiprocessing`` child, so it neither inherits the caller's threads nor
re-runs the caller's ``__main__``.

Protocol on the helper's stdin/stdout: frames of an 8-byte big-endian length
and a pickle; the helper sends ``b"ready"`` once it has imported the
extractors, then answers each page with ``("ok", HtmlText or None)`` or
``("error", message)``. Only this module's own helper is ever unpickled.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

from claimex.io.html_extract import HtmlText, extract_html

_LENGTH = struct.Struct(">Q")
_READY = b"ready"
_STARTUP_SECONDS = 300.0  # importing trafilatura on a loaded machine; a bound, not an expectation


class ExtractionTimeout(Exception):
    """The page was not extracted within the time limit."""


class ExtractionFailed(Exception):
    """The extractor raised an error or its process died; the message says which."""


class HtmlExtractor:
    """Extracts pages in a helper process, one at a time, each within ``timeout`` seconds."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None

    def extract(self, page: str, timeout: float | None) -> HtmlText | None:
        """:func:`claimex.io.html_extract.extract_html` of ``page`` in the helper; ``timeout`` None or 0: no limit.

        Raises :class:`ExtractionTimeout` or :class:`ExtractionFailed`.
        """
        request = pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)
        process = self._ready_process()
        try:
            _send(process, request)
        except OSError:  # the helper died while idle: one fresh start
            self.close()
            process = self._ready_process()
            _send(process, request)
        deadline = time.monotonic() + timeout if timeout else None
        try:
            status, value = pickle.loads(_receive(process, deadline))
        except ExtractionTimeout:
            self.close()
            raise
        except ExtractionFailed:
            self.close()
            raise
        if status != "ok":
            raise ExtractionFailed(value)
        return value

    def helper_pid(self, *, start: bool = False) -> int | None:
        """The helper process's id (started first if ``start``), or None when none runs."""
        if start:
            self._ready_process()
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def close(self) -> None:
        """Stop the helper (killed if busy); the next :meth:`extract` starts another."""
        process, self._process = self._process, None
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # a broken pipe to a dead helper
                    stream.close()
        if process.poll() is None:
            process.kill()
        process.wait()

    def _ready_process(self) -> subprocess.Popen:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self.close()
        process = subprocess.Popen(
            [sys.executable, "-m", __spec__.name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=_child_environment(),
        )
        self._process = process
        try:
            greeting = _receive(process, time.monotonic() + _STARTUP_SECONDS)
        except (ExtractionTimeout, ExtractionFailed) as error:
            self.close()
            raise ExtractionFailed(f"the HTML extraction process did not start ({error})") from None
        if greeting != _READY:
            self.close()
            raise ExtractionFailed("the HTML extraction process did not start")
        return process


def _child_environment() -> dict[str, str]:
    """The caller's environment, with claimex's own folder first on the path (a source checkout runs too)."""
    package_root = str(Path(__file__).resolve().parents[len(__spec__.name.split(".")) - 1])
    inherited = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": package_root + (os.pathsep + inherited if inherited else "")}


def _send(process: subprocess.Popen, payload: bytes) -> None:
    assert process.stdin is not None
    process.stdin.write(_LENGTH.pack(len(payload)) + payload)
    process.stdin.flush()


def _receive(process: subprocess.Popen, deadline: float | None) -> bytes:
    assert process.stdout is not None
    fd = process.stdout.fileno()
    (length,) = _LENGTH.unpack(_read_exactly(process, fd, _LENGTH.size, deadline))
    return _read_exactly(process, fd, length, deadline)


def _read_exactly(process: subprocess.Popen, fd: int, size: int, deadline: float | None) -> bytes:
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0 or not poller.poll(wait * 1000):
                raise ExtractionTimeout()
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise ExtractionFailed(_death(process))
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _death(process: subprocess.Popen) -> str:
    try:
        code = process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        return "the HTML extraction process stopped answering"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the HTML extraction process was killed ({name}; out of memory?)"
    return f"the HTML extraction process ended (exit code {code})"


_SHARED: tuple[int, HtmlExtractor] | None = None


def shared_extractor() -> HtmlExtractor:
    """This process's extractor (a forked child gets its own), stopped at exit."""
    global _SHARED
    if _SHARED is None or _SHARED[0] != os.getpid():
        _SHARED = (os.getpid(), HtmlExtractor())
        atexit.register(_SHARED[1].close)
    return _SHARED[1]


def _serve() -> None:
    """The helper's loop: read a page, answer with its fields, until stdin closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print from a library goes to stderr, never into the protocol
    requests = sys.stdin.buffer
    import justext  # noqa: F401  (imported before the clock starts)
    import trafilatura  # noqa: F401

    _write_frame(replies, _READY)
    while header := requests.read(_LENGTH.size):
        if len(header) < _LENGTH.size:
            return
        page = pickle.loads(requests.read(_LENGTH.unpack(header)[0]))
        reply: tuple[str, HtmlText | str | None]
        try:
            reply = ("ok", extract_html(page))
        except Exception as error:  # trafilatura/lxml fail in many ways on broken pages
            reply = ("error", str(error) or type(error).__name__)
        _write_frame(replies, pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))


def _write_frame(stream, payload: bytes) -> None:
    stream.write(_LENGTH.pack(len(payload)) + payload)
    stream.flush()


if __name__ == "__main__":
    _serve()
