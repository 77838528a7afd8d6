"""The readers of JSON exports: a ``.json`` file holds one object or an array of objects, a ``.jsonl`` file one
object a line (blank lines ignored), read line by line; each object is one article.

The text field is read as HTML when it holds markup (:mod:`claimex.io.markup_text`); a field holding a whole
saved page (a crawler's export) is read as a ``.html`` file is (:func:`claimex.io.html_reader.page_article`),
the object's own date before the page's."""

from __future__ import annotations

import codecs
import itertools
import json
import sys
from collections.abc import Iterator
from typing import BinaryIO

from claimex.article import Article, InputError
from claimex.io.dates import normalize_date
from claimex.io.decoding import NOT_TEXT, bom_encoding, decode_raw, looks_like_text, repair_text, valid_text
from claimex.io.html_reader import page_article
from claimex.io.limits import Unreadable, read_at_most, too_large
from claimex.io.markup_text import as_text, is_html_document
from claimex.io.read_settings import ReadSettings

_HEAD_BYTES = 64 * 1024  # what a .jsonl file's encoding is judged on


def _json_content(data: bytes, doc_id: str, source: str, options: ReadSettings) -> str | Article | InputError:
    """The decoded text of a JSON file; else the error, or an empty article for a blank file."""
    try:
        content = decode_raw(data, options.encoding)
    except ValueError as error:
        return InputError(source, str(error))
    if not content.strip():
        return Article(doc_id=doc_id, text="", source=source)
    return content


def json_articles(data: bytes, doc_id: str, source: str, options: ReadSettings) -> Iterator[Article | InputError]:
    """The articles of a ``.json`` file: one object, or an array of objects (an item not an object is an error)."""
    content = _json_content(data, doc_id, source, options)
    if not isinstance(content, str):
        yield content
        return
    value = _json_value(content, source, line=None)
    if isinstance(value, InputError):
        yield value
    elif isinstance(value, dict):
        yield _object_article(value, doc_id, source, options, position=None, line=None)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            if isinstance(item, dict):
                yield _object_article(item, doc_id, source, options, position=index, line=None)
            else:
                yield InputError(source, f"item {index} of the JSON array is not an object")
    else:
        yield InputError(source, "JSON file holds neither an object nor an array of objects")


def jsonl_articles(handle: BinaryIO, doc_id: str, source: str, options: ReadSettings) -> Iterator[Article | InputError]:
    """The articles of a ``.jsonl`` file, an object a line; a blank file is one empty article."""
    blank = True
    for number, line in _jsonl_lines(handle, source, options):
        if isinstance(line, InputError):
            blank = False
            yield line
            continue
        if not line.strip():
            continue
        blank = False
        value = _json_value(line, source, line=number)
        if isinstance(value, InputError):
            yield value
        elif isinstance(value, dict):
            yield _object_article(value, doc_id, source, options, position=number, line=number)
        else:
            yield InputError(source, "line is not a JSON object", line=number)
    if blank:
        yield Article(doc_id=doc_id, text="", source=source)


def _jsonl_lines(handle: BinaryIO, source: str, options: ReadSettings) -> Iterator[tuple[int, str | InputError]]:
    """A .jsonl file's numbered lines, decoded one at a time, or the error of a line or of the file.

    A line longer than ``max_file_size`` is an error and never held whole.
    UTF-16/32 files (which a byte ``\\n`` does not split) are decoded whole,
    the limit then applying to the file.
    """
    head = handle.read(_HEAD_BYTES)
    handle.seek(0)
    try:
        if not _splits_on_newline_bytes(head, options.encoding):
            content = decode_raw(read_at_most(handle, options.max_file_size), options.encoding)
            yield from enumerate(content.split("\n"), start=1)
            return
        if not looks_like_text(head.decode("utf-8", "replace")):
            raise ValueError(NOT_TEXT)
    except (ValueError, Unreadable, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        yield 0, InputError(source, reason)
        return
    for number, raw in _byte_lines(handle, options.max_file_size):
        if raw is None:
            yield number, InputError(source, too_large(options.max_file_size or 0, per="per line"), line=number)
            continue
        try:
            yield number, decode_raw(raw, options.encoding)
        except ValueError as error:
            yield number, InputError(source, str(error), line=number)


def _splits_on_newline_bytes(head: bytes, encoding: str | None) -> bool:
    """Whether each line of the file can be found by its ``\\n`` byte and decoded alone."""
    if encoding:
        try:
            return codecs.lookup(encoding).encode("\n")[0] == b"\n"
        except LookupError:
            return False  # decoding the whole file reports the unknown encoding once
    return bom_encoding(head) not in ("utf-16", "utf-32") and b"\x00" not in head


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


def _json_value(content: str, source: str, line: int | None) -> object:
    """The JSON value ``content`` holds, or the InputError saying why it is not JSON: at ``line`` of a .jsonl
    file, or (``line`` None) of a .json file at the line the parser names."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as error:
        where = line if line is not None else getattr(error, "lineno", None)
        return InputError(source, f"invalid JSON: {_json_reason(error)}", line=where)


def _json_reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if "integer string conversion" in str(error):  # Python's advice (sys.set_int_max_str_digits) is not the user's
        return f"a number of more than {sys.get_int_max_str_digits():,} digits"
    return error.msg if isinstance(error, json.JSONDecodeError) else str(error)


def _object_article(
    obj: dict, file_id: str, source: str, options: ReadSettings, position: int | None, line: int | None
) -> Article | InputError:
    """One JSON object as an Article; ``position`` is its line/index (None for a lone object)."""
    doc_id = _object_doc_id(field_value(obj, options.id_field), file_id, position)
    text = field_value(obj, options.text_field)
    if not isinstance(text, str):
        which = f"object {doc_id}" if position is not None else "the object"
        problem = "has no" if text is None else "has no string"
        return InputError(
            source,
            f"{which} {problem} field {options.text_field!r}; use --text-field to name the field holding the "
            "article text (a.b for a nested one, as content.rendered)",
            line=line,
        )
    text_key = options.text_field if options.text_field in obj else options.text_field.split(".")[0]
    meta = {key: value for key, value in obj.items() if key != text_key}
    published = ""
    raw_date = field_value(obj, options.date_field)
    if raw_date is not None and raw_date != "":
        published = normalize_date(raw_date)
        if not published:
            meta["date_raw"] = raw_date
    if is_html_document(text):
        return _page_object(text, doc_id, source, options, published, meta, line)
    return Article(doc_id=doc_id, text=as_text(repair_text(text)), source=source, published=published, meta=meta)


def _page_object(
    page: str, doc_id: str, source: str, options: ReadSettings, published: str, meta: dict, line: int | None
) -> Article | InputError:
    """An object whose text field holds a whole saved page: the page's article, the object's fields first."""
    article = page_article(page, doc_id, source, options)
    if isinstance(article, InputError):
        return InputError(source, f"object {doc_id}: {article.reason}", line=line)
    article.published = published or article.published
    article.meta = {**article.meta, **meta}
    article.warnings = [f"object {doc_id}: {warning}" for warning in article.warnings]
    return article


def field_value(obj: dict, name: str) -> object:
    """``obj[name]``; else, for a dotted name, the value down that path of nested objects (WordPress's
    ``content.rendered``); None where there is none."""
    if name in obj or "." not in name:
        return obj.get(name)
    value: object = obj
    for key in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _object_doc_id(raw_id: object, file_id: str, position: int | None) -> str:
    if isinstance(raw_id, (str, int, float)) and not isinstance(raw_id, bool) and (text_id := valid_text(str(raw_id))):
        return f"{file_id}#{text_id}"
    if position is None:
        return file_id
    return f"{file_id}#{position}"
