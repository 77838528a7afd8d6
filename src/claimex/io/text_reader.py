"""Readers of the formats read as text: plain text (``.txt`` and stdin), Markdown, PDF and DOCX.

Each takes a file's bytes and gives one Article, or the InputError saying why it could not be read.
Plain text is reflowed (:mod:`claimex.io.reflow`), and read as HTML first if it holds markup
(:mod:`claimex.io.markup_text`); a whole saved page goes to the page reader (:mod:`claimex.io.html_reader`),
which drops what surrounds the article, as for a ``.html`` file; Markdown is read as Markdown
(:mod:`claimex.io.markdown_text`), its front matter's ``title`` going to ``meta`` and its ``date`` to
``published``; PDF and DOCX give their text layer (:mod:`claimex.io.documents`), reflowed.
"""

from __future__ import annotations

import sys
from typing import BinaryIO

from claimex.article import Article, InputError
from claimex.io.dates import normalize_date
from claimex.io.decoding import decode_bytes, repair_text
from claimex.io.documents import DocumentError, docx_text, pdf_text
from claimex.io.html_reader import html_article
from claimex.io.limits import Unreadable, read_at_most
from claimex.io.markdown_text import markdown_text
from claimex.io.markup_text import as_text, is_html_document
from claimex.io.paths import STDIN_PATH, STDIN_SOURCE
from claimex.io.read_settings import ReadSettings
from claimex.io.reflow import reflow


def read_stdin(stdin: BinaryIO | None, options: ReadSettings) -> Article | InputError:
    """One plain-text article (or a saved HTML page) from ``stdin`` (default: the process's), within the size limit."""
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        return InputError(STDIN_SOURCE, "no standard input to read")
    try:
        data = read_at_most(stream, options.max_file_size)
    except Unreadable as problem:
        return InputError(STDIN_SOURCE, str(problem))
    except OSError as error:
        return InputError(STDIN_SOURCE, error.strerror or str(error))
    except ValueError as error:  # closed stream
        return InputError(STDIN_SOURCE, str(error))
    return plain_article(data, STDIN_PATH, STDIN_SOURCE, options)


def plain_article(data: bytes, doc_id: str, source: str, options: ReadSettings) -> Article | InputError:
    """A ``.txt`` file's bytes as one article, decoded, read as HTML if it holds markup, and reflowed; a whole
    saved page is read as a ``.html`` file is."""
    try:
        text = decode_bytes(data, options.encoding)
    except ValueError as error:
        return InputError(source, str(error))
    if is_html_document(text):
        return html_article(data, doc_id, source, options)
    return Article(doc_id=doc_id, text=reflow(as_text(text)), source=source)


def markdown_article(data: bytes, doc_id: str, source: str, encoding: str | None) -> Article | InputError:
    """A ``.md`` file's bytes as one article: its words read as Markdown, reflowed; its front matter's title and date."""
    try:
        document = markdown_text(decode_bytes(data, encoding))
    except ValueError as error:
        return InputError(source, str(error))
    meta = {"title": document.meta["title"]} if "title" in document.meta else {}
    published = normalize_date(document.meta.get("date", ""))
    if document.meta.get("date") and not published:
        meta["date_raw"] = document.meta["date"]
    return Article(doc_id=doc_id, text=reflow(document.text), source=source, published=published, meta=meta)


def document_article(data: bytes, doc_id: str, source: str, extension: str) -> Article | InputError:
    """A PDF or DOCX file's text layer, reflowed; an empty file is an empty article, as for .txt."""
    if not data.strip():
        return Article(doc_id=doc_id, text="", source=source)
    try:
        text = pdf_text(data) if extension == ".pdf" else docx_text(data)
    except DocumentError as error:
        return InputError(source, str(error))
    return Article(doc_id=doc_id, text=reflow(repair_text(text)), source=source)
