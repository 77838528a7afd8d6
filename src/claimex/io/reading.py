"""Reading inputs: files, directories and stdin into :class:`Article` records.

The entry point is :func:`iter_articles`. It yields, in a deterministic order,
one :class:`Article` per article read, an :class:`InputError` per input that
could not be read, and a :class:`Skipped` per file passed over on purpose.
One bad input never stops the others; nothing here prints or exits.

Formats (chosen by file extension, case-insensitive):

* ``.txt``: the whole decoded file is one article, hard-wrapped paragraphs
  joined (:mod:`claimex.io.reflow`: a text that is not wrapped stays as is);
  HTML in it is read as HTML (:mod:`claimex.io.markup_text`), and a whole
  saved page (a doctype or ``<html>`` first) as a ``.html`` file is.
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
* ``-``: one article read from stdin, as a ``.txt`` file is (no JSON parsing):
  ``curl URL | claimex extract -`` reads the page.

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

This module picks the reader by extension; each concern has its module: :mod:`.paths` (expanding PATHs,
file names as text), :mod:`.limits` (sizes, regular files, why a file cannot be read), :mod:`.decoding`,
:mod:`.dates`, and the readers :mod:`.text_reader` (plain text, stdin, Markdown, PDF, DOCX),
:mod:`.html_reader` and :mod:`.json_reader`.  The public names of those modules that callers used from
here (``path_text``, ``decode_bytes``, ``normalize_date``, the limits, ...) are importable from here still.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from claimex.article import Article, InputError, Skipped
from claimex.io.dates import normalize_date
from claimex.io.decoding import MAX_CONTROL_SHARE, NOT_TEXT, decode_bytes, repair_text
from claimex.io.html_reader import NO_HTML_ARTICLE, html_article
from claimex.io.json_reader import json_articles, jsonl_articles
from claimex.io.limits import (
    DEFAULT_HTML_TIMEOUT,
    DEFAULT_MAX_FILE_SIZE,
    Unreadable,
    directory_problem,
    format_size,
    not_a_file,
    open_regular_file,
    parse_size,
    read_at_most,
    unreadable_reason,
)
from claimex.io.paths import (
    STDIN_PATH,
    STDIN_SOURCE,
    check_paths,
    expand_path,
    expand_paths,
    is_directory,
    path_exists,
    path_text,
)
from claimex.io.read_settings import ReadSettings
from claimex.io.text_reader import document_article, markdown_article, plain_article, read_stdin

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "iter_articles",
    "read_file",
    "unsupported_reason",
    # from the modules of each concern, importable from here as before
    "STDIN_PATH",
    "STDIN_SOURCE",
    "NOT_TEXT",
    "NO_HTML_ARTICLE",
    "DEFAULT_MAX_FILE_SIZE",
    "DEFAULT_HTML_TIMEOUT",
    "MAX_CONTROL_SHARE",
    "path_text",
    "parse_size",
    "format_size",
    "check_paths",
    "expand_paths",
    "normalize_date",
    "decode_bytes",
    "repair_text",
]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".pdf", ".docx")


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
    options = ReadSettings(text_field, id_field, date_field, encoding, max_file_size or None, html_timeout or None)
    stdin_used = False
    for given in paths:
        if str(given) == STDIN_PATH:
            if stdin_used:
                yield InputError(STDIN_SOURCE, "stdin given more than once; it was already read")
                continue
            stdin_used = True
            yield read_stdin(stdin, options)
            continue
        if not path_exists(given):
            yield InputError(path_text(given), "no such file or directory")
            continue
        explicit = not is_directory(Path(given))
        for file, doc_id in expand_path(given):
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
    options = ReadSettings(text_field, id_field, date_field, encoding, max_file_size or None, html_timeout or None)
    return _read_file(Path(file), doc_id, options)


def _read_file(
    file: Path, doc_id: str, options: ReadSettings, explicit: bool = False
) -> Iterator[Article | InputError | Skipped]:
    """``explicit``: the file was named as a PATH, so a format claimex does not read is an error, not a skip."""
    source = path_text(file)
    if not explicit and (reason := not_a_file(file)) is not None:
        yield Skipped(source, reason)
        return
    if is_directory(file):
        yield InputError(source, directory_problem(file))
        return
    extension = file.suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        yield (InputError if explicit else Skipped)(source, _unsupported_reason(extension))
        return
    try:
        handle = open_regular_file(file, None if extension == ".jsonl" else options.max_file_size)  # .jsonl: per line
    except (Unreadable, OSError) as error:
        yield InputError(source, unreadable_reason(file, error))
        return
    with handle:
        if extension == ".jsonl":
            yield from jsonl_articles(handle, doc_id, source, options)
            return
        try:
            data = read_at_most(handle, options.max_file_size)
        except (Unreadable, OSError) as error:
            yield InputError(source, unreadable_reason(file, error))
            return
    if extension == ".txt":
        yield plain_article(data, doc_id, source, options)
    elif extension == ".md":
        yield markdown_article(data, doc_id, source, options.encoding)
    elif extension in (".pdf", ".docx"):
        yield document_article(data, doc_id, source, extension)
    elif extension in (".html", ".htm"):
        yield html_article(data, doc_id, source, options)
    else:
        yield from json_articles(data, doc_id, source, options)


def unsupported_reason(path: str | Path) -> str | None:
    """Why claimex does not read the file ``path`` (by its extension), or None when it does."""
    extension = Path(path).suffix.lower()
    return None if extension in SUPPORTED_EXTENSIONS else _unsupported_reason(extension)


def _unsupported_reason(extension: str) -> str:
    readable = " ".join(SUPPORTED_EXTENSIONS)
    if not extension:
        return f"no file extension (claimex reads {readable})"
    return f"unsupported extension {path_text(extension)} (claimex reads {readable})"
