"""The reader of HTML pages: the page decoded (its declared charset heeded), its main text extracted in a
helper process under a time limit (:mod:`claimex.io.html_worker`), its date from its metadata.

:func:`html_article` reads a ``.html`` file's bytes; :func:`page_article` a page already decoded, as a
``.txt`` file, stdin or a JSON field may hold one (:func:`claimex.io.markup_text.is_html_document`)."""

from __future__ import annotations

import re

from claimex.article import Article, InputError
from claimex.io.decoding import bom_encoding, decode_raw, repair_text, without_xml_controls
from claimex.io.html_worker import ExtractionFailed, ExtractionTimeout, shared_extractor
from claimex.io.read_settings import ReadSettings

NO_HTML_ARTICLE = "no article text found in the HTML page"

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def html_article(data: bytes, doc_id: str, source: str, options: ReadSettings) -> Article | InputError:
    """An HTML page's main text as one article; a page without one, or not extracted in time, is an error."""
    try:
        page = _decode_html(data, options.encoding)
    except ValueError as error:
        return InputError(source, str(error))
    return page_article(page, doc_id, source, options)


def page_article(page: str, doc_id: str, source: str, options: ReadSettings) -> Article | InputError:
    """A decoded HTML page's main text as one article, as :func:`html_article` gives it."""
    page = without_xml_controls(page)
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
    """Like :func:`decode_raw`, but a page that is neither UTF-8 nor has a BOM
    is first decoded with the charset its ``<meta>`` declares, if that works."""
    if encoding is None and bom_encoding(data) is None and not _is_utf8(data):
        declared = _declared_charset(data)
        if declared:
            try:
                return decode_raw(data, declared)
            except ValueError:
                pass
    return decode_raw(data, encoding)


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
