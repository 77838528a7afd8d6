"""Reading inputs: files, directories and stdin into :class:`Article` records.

The entry point is :func:`iter_articles`. It yields, in a deterministic order,
one :class:`Article` per article read, an :class:`InputError` per input that
could not be read, and a :class:`Skipped` per file passed over on purpose.
One bad input never stops the others; nothing here prints or exits.

Formats (chosen by file extension, case-insensitive):

* ``.txt``: the whole decoded file is one article, hard-wrapped paragraphs
  joined (:mod:`claimex.io.reflow`: a text that is not wrapped stays as is).
* ``.md``: Markdown read as Markdown (:mod:`claimex.io.markdown_text`: the
  words of headings, lists, emphasis, links and block quotations, one block
  to a paragraph, a paragraph's line endings spaces), then reflowed (code
  blocks); the front matter's ``title`` goes to ``meta`` and its ``date``
  to ``published``.
* ``.html`` ``.htm``: the page's main text (:mod:`claimex.io.html_extract`:
  trafilatura, precision over recall, no comments, no captions; its recall
  settings and jusText when the result looks wrong, and a warning on the
  Article when it still does), one line per paragraph; the page's date from
  its metadata becomes ``published``.  A page without an article yields an
  error.  Extraction runs in a helper process (:mod:`claimex.io.html_worker`),
  and a page not extracted within ``html_timeout`` seconds is an error.
* ``.pdf`` ``.docx``: the text layer (:mod:`claimex.io.documents`, the
  ``documents`` extra), reflowed like plain text.  A PDF without text (a
  scan) is an input error.
* ``.json``: one object or an array of objects; ``.jsonl``: one object per
  line (blank lines ignored), read line by line. Each object is one article.
* ``-``: one plain-text article read from stdin (no HTML or JSON parsing),
  reflowed like ``.txt``.

Limits: only regular files are read (a named pipe, a device or a socket is
an error, and opening one never blocks). A file, or stdin, larger than
``max_file_size`` bytes is an error (for ``.jsonl``, a line longer than
that); at most that much is ever read from an endless stream. NUL characters
(JSON ``\\u0000``) are dropped from the text and ids. File names are text:
bytes that are not UTF-8 appear as ``\\xNN`` in doc_ids and messages
(:func:`path_text`).

A file named as a PATH with an extension claimex does not read is an
:class:`InputError`; inside a directory such files are :class:`Skipped`.

Decoding (:func:`decode_bytes`): a byte order mark decides; otherwise strict
UTF-8; otherwise UTF-16/32 without BOM if the NUL-byte pattern says so;
otherwise a Western or Central European 8-bit code page (cp1252, latin-1,
iso-8859-15, cp1250) picked with charset-normalizer. Other encodings
(KOI8-R, Shift-JIS, ...) are misread unless ``encoding=`` names them.
Mojibake is then repaired with ftfy, changing nothing else (curly quotes,
ligatures, widths, Unicode normalization and HTML entities are left alone)
and ``\\r\\n`` / ``\\r`` become ``\\n``; plain text is then reflowed. The result
is "the article text as read": every offset claimex reports points into it.
Whole files (all but ``.jsonl``) are read into memory.
"""

from __future__ import annotations

import codecs
import errno
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import ftfy

from claimex.article import Article, InputError, Skipped
from claimex.io.documents import DocumentError, docx_text, pdf_text
from claimex.io.html_worker import ExtractionFailed, ExtractionTimeout, shared_extractor
from claimex.io.markdown_text import markdown_text
from claimex.io.reflow import reflow

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".pdf", ".docx")

STDIN_PATH = "-"
STDIN_SOURCE = "<stdin>"

NOT_TEXT = "not a text file (binary content)"
NO_HTML_ARTICLE = "no article text found in the HTML page"

DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024  # bytes per file (per line of a .jsonl, all of stdin)
DEFAULT_HTML_TIMEOUT = 60.0  # seconds to extract one HTML page's main text
_HEAD_BYTES = 64 * 1024  # what a .jsonl file's encoding is judged on
_SIZE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}

# Share of control characters (other than whitespace) above which decoded
# bytes are taken for binary content rather than text.
MAX_CONTROL_SHARE = 0.05

_WESTERN_CODE_PAGES = ["cp1252", "latin_1", "iso8859_15"]
_CENTRAL_EUROPEAN_CODE_PAGES = ["cp1250"]

_BOMS: tuple[tuple[bytes, str], ...] = (  # longest first: UTF-32 LE starts like UTF-16 LE
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,  # done by hand: ftfy would also turn U+2028 into \n
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc but whitespace
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ISO_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:I?B)?\s*", re.IGNORECASE)


# --------------------------------------------------------------------------
# Paths


def path_text(path: str | Path) -> str:
    """A path as text fit for a doc_id, a message or a UTF-8 file.

    Python reads a file name that is not UTF-8 with surrogate escapes, which
    no UTF-8 writer accepts; each such byte becomes ``\\xNN`` here (as in
    ``repr``), so ``caf\\xff.txt`` names the file whose name holds byte 0xFF.
    """
    text = os.fspath(path)
    if not _LONE_SURROGATE.search(text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


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


def check_paths(paths: Sequence[str | Path]) -> list[str]:
    """Return the PATH arguments that do not exist, as given (``-`` always exists).

    Call it before :func:`iter_articles` to fail early (the CLI exits 2);
    ``iter_articles`` itself reports a missing PATH as an :class:`InputError`.
    """
    return [str(p) for p in paths if str(p) != STDIN_PATH and not _exists(p)]


def _exists(path: str | Path) -> bool:
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
    a directory PATH are skipped; symlinked directories are not followed; a
    dangling symlink is yielded, so that reading it reports the missing target.
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
        yield from _expand_one(given)


def _expand_one(given: str | Path) -> Iterator[tuple[Path | None, str]]:
    if str(given) == STDIN_PATH:
        yield None, STDIN_PATH
        return
    root = Path(given)
    if not root.is_dir():
        yield root, path_text(root.name)
        return
    for parts, file in sorted(_walk_directory(root, ())):
        yield file, path_text("/".join(parts))


def _walk_directory(directory: Path, parts: tuple[str, ...]) -> list[tuple[tuple[str, ...], Path]]:
    """List the non-hidden regular files below ``directory`` (unsorted)."""
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
            elif entry.is_file() or (entry.is_symlink() and not path.exists()):
                found.append((parts + (entry.name,), path))  # a dangling link: reading it reports the missing target
        except OSError:
            found.append((parts + (entry.name,), path))
    return found


# --------------------------------------------------------------------------
# Articles


@dataclass(frozen=True)
class _Settings:
    """The reading options shared by every input of one run (see :func:`iter_articles`)."""

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    encoding: str | None = None
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE
    html_timeout: float | None = DEFAULT_HTML_TIMEOUT


def iter_articles(
    paths: Sequence[str | Path],
    *,
    text_field: str = "text",
    id_field: str = "id",
    date_field: str = "date",
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE,
    html_timeout: float | None = DEFAULT_HTML_TIMEOUT,
) -> Iterator[Article | InputError | Skipped]:
    """Yield the articles under ``paths``, with errors and skips in line.

    doc_ids: a file's path relative to its PATH (its name for a file PATH),
    ``FILE#ID`` for JSON/JSONL objects (``ID`` from ``id_field``, else the
    1-based line (JSONL) or index (JSON array)), ``-`` for stdin. doc_ids are
    not checked for uniqueness (the same file given twice, or duplicate JSON
    ids, repeat). A missing PATH yields an :class:`InputError` (use
    :func:`check_paths` to stop before reading). An empty or whitespace-only
    file yields one Article (text ``""`` for HTML/JSON/JSONL, the text as is
    for .txt/.md). ``encoding`` forces the decoding of every input.
    ``-`` is read once; a second ``-`` yields an InputError.
    ``max_file_size`` (bytes) and ``html_timeout`` (seconds) are the limits of
    the module doc; None (or 0) lifts them.
    """
    options = _Settings(text_field, id_field, date_field, encoding, max_file_size or None, html_timeout or None)
    stdin_used = False
    for given in paths:
        if str(given) == STDIN_PATH:
            if stdin_used:
                yield InputError(STDIN_SOURCE, "stdin given more than once; it was already read")
                continue
            stdin_used = True
            yield _read_stdin(stdin, options)
            continue
        if not _exists(given):
            yield InputError(path_text(given), "no such file or directory")
            continue
        explicit = not Path(given).is_dir()
        for file, doc_id in _expand_one(given):
            assert file is not None
            yield from _read_file(file, doc_id, options, explicit=explicit)


def read_file(
    file: str | Path,
    doc_id: str,
    *,
    text_field: str = "text",
    id_field: str = "id",
    date_field: str = "date",
    encoding: str | None = None,
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE,
    html_timeout: float | None = DEFAULT_HTML_TIMEOUT,
) -> Iterator[Article | InputError | Skipped]:
    """Yield what one file holds: Articles, or an InputError / Skipped.

    ``doc_id`` is the file's doc_id base (see :func:`expand_paths`); this is
    what :func:`iter_articles` does for each expanded file, with the same
    options. Never raises for a bad file.
    """
    options = _Settings(text_field, id_field, date_field, encoding, max_file_size or None, html_timeout or None)
    return _read_file(Path(file), doc_id, options)


class _Unreadable(Exception):
    """A file or stream claimex will not read; the message is the reason for the user."""


def _read_file(
    file: Path, doc_id: str, options: _Settings, explicit: bool = False
) -> Iterator[Article | InputError | Skipped]:
    """``explicit``: the file was named as a PATH, so a format claimex does not read is an error, not a skip."""
    source = path_text(file)
    if file.is_dir():
        yield InputError(source, _directory_problem(file))
        return
    extension = file.suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        yield (InputError if explicit else Skipped)(source, _unsupported_reason(extension))
        return
    try:
        handle = _open_regular_file(file, None if extension == ".jsonl" else options.max_file_size)  # .jsonl: per line
    except _Unreadable as problem:
        yield InputError(source, str(problem))
        return
    except OSError as error:
        yield InputError(source, _os_error_reason(file, error))
        return
    with handle:
        if extension == ".jsonl":
            yield from _jsonl_articles(handle, doc_id, source, options)
            return
        try:
            data = _read_at_most(handle, options.max_file_size)
        except _Unreadable as problem:
            yield InputError(source, str(problem))
            return
        except OSError as error:
            yield InputError(source, _os_error_reason(file, error))
            return
    if extension == ".txt":
        yield _plain_article(data, doc_id, source, options.encoding)
    elif extension == ".md":
        yield _markdown_article(data, doc_id, source, options.encoding)
    elif extension in (".pdf", ".docx"):
        yield _document_article(data, doc_id, source, extension)
    elif extension in (".html", ".htm"):
        yield _html_article(data, doc_id, source, options)
    else:
        yield from _json_articles(data, doc_id, source, options)


def _open_regular_file(file: Path, limit: int | None) -> BinaryIO:
    """Open ``file`` for reading if it is a regular file within ``limit``; raises _Unreadable or OSError.

    The open never blocks: ``O_NONBLOCK`` makes a named pipe without a writer
    open at once, and what was opened is checked, not what the path named a
    moment before.
    """
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    handle = os.fdopen(fd, "rb")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Unreadable(
                f"not a regular file ({_file_kind(info.st_mode)}); claimex reads files, or one article on stdin (-)"
            )
        if limit is not None and info.st_size > limit:
            raise _Unreadable(_too_large(limit, info.st_size))
    except BaseException:
        handle.close()
        raise
    return handle


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def _too_large(limit: int, size: int | None = None, per: str = "per input") -> str:
    amount = f"{format_size(size)}, more" if size is not None else "more"
    return f"{amount} than the limit of {format_size(limit)} {per} (raise it with --max-file-size SIZE, 0 for no limit)"


def _read_at_most(stream: BinaryIO, limit: int | None) -> bytes:
    """All of ``stream``, or _Unreadable once it holds more than ``limit`` bytes (an endless stream included)."""
    if limit is None:
        return stream.read()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _Unreadable(_too_large(limit))
    return data


def _os_error_reason(file: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT and file.is_symlink():
        target = path_text(os.readlink(file))
        return f"broken symbolic link: its target {target} does not exist (fix or remove the link)"
    if error.errno == errno.ENXIO:  # a socket: nothing to open
        return "not a regular file (a socket); claimex reads files, or one article on stdin (-)"
    return error.strerror or str(error)


def _directory_problem(directory: Path) -> str:
    """Why a directory met where a file was expected is an error (a race, or unlistable)."""
    try:
        with os.scandir(directory):
            pass
    except OSError as error:
        return f"cannot list directory: {error.strerror or error}"
    return "is a directory, not a file"


def unsupported_reason(path: str | Path) -> str | None:
    """Why claimex does not read the file ``path`` (by its extension), or None when it does."""
    extension = Path(path).suffix.lower()
    return None if extension in SUPPORTED_EXTENSIONS else _unsupported_reason(extension)


def _unsupported_reason(extension: str) -> str:
    readable = " ".join(SUPPORTED_EXTENSIONS)
    if not extension:
        return f"no file extension (claimex reads {readable})"
    return f"unsupported extension {path_text(extension)} (claimex reads {readable})"


def _read_stdin(stdin: BinaryIO | None, options: _Settings) -> Article | InputError:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        return InputError(STDIN_SOURCE, "no standard input to read")
    try:
        data = _read_at_most(stream, options.max_file_size)
    except _Unreadable as problem:
        return InputError(STDIN_SOURCE, str(problem))
    except OSError as error:
        return InputError(STDIN_SOURCE, error.strerror or str(error))
    except ValueError as error:  # closed stream
        return InputError(STDIN_SOURCE, str(error))
    return _plain_article(data, STDIN_PATH, STDIN_SOURCE, options.encoding)


def _plain_article(data: bytes, doc_id: str, source: str, encoding: str | None) -> Article | InputError:
    try:
        text = decode_bytes(data, encoding)
    except ValueError as error:
        return InputError(source, str(error))
    return Article(doc_id=doc_id, text=reflow(text), source=source)


def _markdown_article(data: bytes, doc_id: str, source: str, encoding: str | None) -> Article | InputError:
    try:
        document = markdown_text(decode_bytes(data, encoding))
    except ValueError as error:
        return InputError(source, str(error))
    meta = {"title": document.meta["title"]} if "title" in document.meta else {}
    published = normalize_date(document.meta.get("date", ""))
    if document.meta.get("date") and not published:
        meta["date_raw"] = document.meta["date"]
    return Article(doc_id=doc_id, text=reflow(document.text), source=source, published=published, meta=meta)


def _document_article(data: bytes, doc_id: str, source: str, extension: str) -> Article | InputError:
    """A PDF or DOCX file's text layer, reflowed; an empty file is an empty article, as for .txt."""
    if not data.strip():
        return Article(doc_id=doc_id, text="", source=source)
    try:
        text = pdf_text(data) if extension == ".pdf" else docx_text(data)
    except DocumentError as error:
        return InputError(source, str(error))
    return Article(doc_id=doc_id, text=reflow(repair_text(text)), source=source)


# --------------------------------------------------------------------------
# HTML


def _html_article(data: bytes, doc_id: str, source: str, options: _Settings) -> Article | InputError:
    try:
        page = _decode_html(data, options.encoding)
    except ValueError as error:
        return InputError(source, str(error))
    if not page.strip():
        return Article(doc_id=doc_id, text="", source=source)
    try:
        extracted = shared_extractor().extract(page, options.html_timeout)
    except ExtractionTimeout:
        return InputError(
            source,
            f"the HTML page's main text was not extracted within {options.html_timeout:g} s; the page is too large "
            "or too complex (raise the limit with --html-timeout SECONDS, 0 for none)",
        )
    except ExtractionFailed as error:  # trafilatura/lxml fail in many ways on broken pages
        return InputError(source, f"could not parse the HTML page: {error}")
    if extracted is None or not extracted.text.strip():
        return InputError(source, NO_HTML_ARTICLE)
    meta = {key: repair_text(value) for key, value in extracted.meta.items()}
    warnings = [extracted.warning] if extracted.warning else []
    text = repair_text(extracted.text)
    return Article(doc_id=doc_id, text=text, source=source, published=extracted.date, meta=meta, warnings=warnings)


def _decode_html(data: bytes, encoding: str | None) -> str:
    """Like :func:`_decode_raw`, but a page that is neither UTF-8 nor has a BOM
    is first decoded with the charset its ``<meta>`` declares, if that works."""
    if encoding is None and _bom_encoding(data) is None and not _is_utf8(data):
        declared = _declared_charset(data)
        if declared:
            try:
                return _decode_raw(data, declared)
            except ValueError:
                pass
    return _decode_raw(data, encoding)


def _declared_charset(data: bytes) -> str | None:
    """The charset of a ``<meta charset>`` / ``http-equiv`` tag in the first 4 KB.

    Latin-1 and ASCII labels mean cp1252, as in browsers.
    """
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match[1].decode("ascii").lower()
    if label in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        return "cp1252"
    return label


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --------------------------------------------------------------------------
# JSON and JSONL


def _json_content(data: bytes, doc_id: str, source: str, options: _Settings) -> str | Article | InputError:
    """The decoded text of a JSON file; else the error, or an empty article for a blank file."""
    try:
        content = _decode_raw(data, options.encoding)
    except ValueError as error:
        return InputError(source, str(error))
    if not content.strip():
        return Article(doc_id=doc_id, text="", source=source)
    return content


def _json_articles(data: bytes, doc_id: str, source: str, options: _Settings) -> Iterator[Article | InputError]:
    content = _json_content(data, doc_id, source, options)
    if not isinstance(content, str):
        yield content
        return
    try:
        value = json.loads(content)
    except (ValueError, RecursionError) as error:
        yield InputError(source, f"invalid JSON: {_json_reason(error)}", line=getattr(error, "lineno", None))
        return
    if isinstance(value, dict):
        yield _object_article(value, doc_id, source, options, position=None, line=None)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            if isinstance(item, dict):
                yield _object_article(item, doc_id, source, options, position=index, line=None)
            else:
                yield InputError(source, f"item {index} of the JSON array is not an object")
    else:
        yield InputError(source, "JSON file holds neither an object nor an array of objects")


def _jsonl_articles(handle: BinaryIO, doc_id: str, source: str, options: _Settings) -> Iterator[Article | InputError]:
    blank = True
    for number, line in _jsonl_lines(handle, source, options):
        if isinstance(line, InputError):
            blank = False
            yield line
            continue
        if not line.strip():
            continue
        blank = False
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as error:
            yield InputError(source, f"invalid JSON: {_json_reason(error)}", line=number)
            continue
        if isinstance(value, dict):
            yield _object_article(value, doc_id, source, options, position=number, line=number)
        else:
            yield InputError(source, "line is not a JSON object", line=number)
    if blank:
        yield Article(doc_id=doc_id, text="", source=source)


def _jsonl_lines(handle: BinaryIO, source: str, options: _Settings) -> Iterator[tuple[int, str | InputError]]:
    """A .jsonl file's numbered lines, decoded one at a time, or the error of a line or of the file.

    A line longer than ``max_file_size`` is an error and never held whole.
    UTF-16/32 files (which a byte ``\\n`` does not split) are decoded whole,
    the limit then applying to the file.
    """
    head = handle.read(_HEAD_BYTES)
    handle.seek(0)
    try:
        if not _splits_on_newline_bytes(head, options.encoding):
            content = _decode_raw(_read_at_most(handle, options.max_file_size), options.encoding)
            yield from enumerate(content.split("\n"), start=1)
            return
        if not _looks_like_text(head.decode("utf-8", "replace")):
            raise ValueError(NOT_TEXT)
    except (ValueError, _Unreadable, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        yield 0, InputError(source, reason)
        return
    for number, raw in _byte_lines(handle, options.max_file_size):
        if raw is None:
            yield number, InputError(source, _too_large(options.max_file_size or 0, per="per line"), line=number)
            continue
        try:
            yield number, _decode_raw(raw, options.encoding)
        except ValueError as error:
            yield number, InputError(source, str(error), line=number)


def _splits_on_newline_bytes(head: bytes, encoding: str | None) -> bool:
    """Whether each line of the file can be found by its ``\\n`` byte and decoded alone."""
    if encoding:
        try:
            return codecs.lookup(encoding).encode("\n")[0] == b"\n"
        except LookupError:
            return False  # decoding the whole file reports the unknown encoding once
    return _bom_encoding(head) not in ("utf-16", "utf-32") and b"\x00" not in head


def _byte_lines(handle: BinaryIO, limit: int | None) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines without their ``\\n``; None stands for a line over ``limit`` bytes, skipped unread."""
    for number in itertools.count(1):
        line = handle.readline(limit + 1 if limit is not None else -1)
        if not line:
            return
        if line.endswith(b"\n"):
            yield number, line[:-1]
        elif limit is not None and len(line) > limit:
            while (rest := handle.readline(_HEAD_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _json_reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return error.msg if isinstance(error, json.JSONDecodeError) else str(error)


def _object_article(
    obj: dict, file_id: str, source: str, options: _Settings, position: int | None, line: int | None
) -> Article | InputError:
    """One JSON object as an Article; ``position`` is its line/index (None for a lone object)."""
    doc_id = _object_doc_id(obj.get(options.id_field), file_id, position)
    text = obj.get(options.text_field)
    if not isinstance(text, str):
        where = f" (object {doc_id})" if position is not None else ""
        problem = "has no" if text is None else "has no string"
        return InputError(
            source,
            f"object{where} {problem} field {options.text_field!r}; "
            f"use --text-field to name the field holding the article text",
            line=line,
        )
    meta = {key: value for key, value in obj.items() if key != options.text_field}
    published = ""
    raw_date = obj.get(options.date_field)
    if raw_date is not None and raw_date != "":
        published = normalize_date(raw_date)
        if not published:
            meta["date_raw"] = raw_date
    return Article(doc_id=doc_id, text=repair_text(text), source=source, published=published, meta=meta)


def _object_doc_id(raw_id: object, file_id: str, position: int | None) -> str:
    if isinstance(raw_id, (str, int, float)) and not isinstance(raw_id, bool) and (text_id := _valid_text(str(raw_id))):
        return f"{file_id}#{text_id}"
    if position is None:
        return file_id
    return f"{file_id}#{position}"


def normalize_date(value: object) -> str:
    """Return ``value`` as ``YYYY-MM-DD``, or ``""`` when it is not a full date.

    Accepts ISO 8601 dates and date-times (the date as written, time zone
    not applied), ``date``/``datetime`` objects, and absolute English dates
    (``March 3, 2024``, RFC 2822) via dateparser; ambiguous numeric dates
    (``05/03/2024``) follow dateparser's English order. Relative dates
    ("yesterday"), partial dates ("March 2024") and numbers (epochs) give "".
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return ""
    text = value.strip()
    iso = _ISO_DATE_PREFIX.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return ""
    return _parse_absolute_date(text)


def _parse_absolute_date(text: str) -> str:
    import dateparser

    try:
        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser fails in odd ways on odd strings; such a date is unparseable
        return ""
    return parsed.date().isoformat() if parsed else ""


# --------------------------------------------------------------------------
# Decoding


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode a file's bytes into the article text as read (see module doc).

    ``encoding`` forces a codec (strict; a leading BOM is dropped). Raises
    ValueError, and only ValueError, with a reason fit for the user:
    ``not a text file (binary content)`` for NUL bytes outside UTF-16/32 or
    too many control characters, or why the bytes do not decode.
    """
    return repair_text(_decode_raw(data, encoding))


def repair_text(text: str) -> str:
    """Normalize line breaks to ``\\n`` and repair mojibake, nothing else.

    Lone surrogates (possible from JSON ``\\ud800`` escapes) become U+FFFD and
    NUL characters (JSON ``\\u0000``) are dropped (:func:`_valid_text`).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ftfy.fix_text(text, _MOJIBAKE_ONLY)
    return _valid_text(text)


def _valid_text(text: str) -> str:
    """``text`` without NUL characters and with lone surrogates as U+FFFD: text that every writer accepts."""
    return _LONE_SURROGATE.sub("\ufffd", text.replace("\x00", ""))


def _decode_raw(data: bytes, encoding: str | None = None) -> str:
    """Decode bytes to str without any repair; raises ValueError."""
    text = _decode_forced(data, encoding) if encoding else _decode_guessed(data)
    if not _looks_like_text(text):
        raise ValueError(NOT_TEXT)
    return text


def _decode_forced(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None
    except UnicodeError as error:
        raise ValueError(f"cannot decode as {encoding}: {_decode_reason(error)}") from None
    return text[1:] if text.startswith("\ufeff") else text


def _decode_guessed(data: bytes) -> str:
    bom_encoding = _bom_encoding(data)
    if bom_encoding:
        return _decode_with_bom(data, bom_encoding)
    if b"\x00" in data:
        text = _decode_wide_without_bom(data)
        if text is None:
            raise ValueError(NOT_TEXT)
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_code_page(data)


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _decode_with_bom(data: bytes, encoding: str) -> str:
    if encoding == "utf-32":
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            if data.startswith(b"\x00\x00"):
                raise ValueError("invalid UTF-32 (file starts with a UTF-32 byte order mark)") from None
            encoding = "utf-16"  # FF FE 00 00 may be a UTF-16 BOM and a NUL
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16"}[encoding]
        raise ValueError(
            f"invalid {name} (file starts with a {name} byte order mark): {_decode_reason(error)}"
        ) from None


def _decode_wide_without_bom(data: bytes) -> str | None:
    """UTF-32/UTF-16 text without a BOM, or None (then it is binary).

    Accepted only if NUL bytes sit where the high bytes of mostly-ASCII
    UTF-16/32 text would be and the bytes decode strictly.
    """
    for codec in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        if _nul_pattern_fits(data, codec):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    return None


def _nul_pattern_fits(data: bytes, codec: str) -> bool:
    """NULs (nearly) never in the low byte of a code unit: the shape of UTF-16/32 text."""
    width = 4 if codec.startswith("utf-32") else 2
    if len(data) % width:
        return False
    low_byte = 0 if codec.endswith("le") else width - 1
    nuls_in_low_byte = data[low_byte::width].count(0)
    return nuls_in_low_byte * 20 < data.count(0)


def _decode_code_page(data: bytes) -> str:
    """Non-UTF-8 bytes: the most plausible Western, then Central European code page."""
    from charset_normalizer import from_bytes

    for candidates in (_WESTERN_CODE_PAGES, _CENTRAL_EUROPEAN_CODE_PAGES):
        best = from_bytes(data, cp_isolation=candidates).best()
        if best is not None:
            return data.decode(best.encoding)
    # Too short or too odd for charset-normalizer: cp1252 if it can, else latin-1.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_like_text(text: str) -> bool:
    if "\x00" in text:
        return False
    return len(_CONTROL_CHAR.findall(text)) <= MAX_CONTROL_SHARE * len(text)


def _decode_reason(error: UnicodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"{error.reason} at byte {error.start}"
    return str(error)
