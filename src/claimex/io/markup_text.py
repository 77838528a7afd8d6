"""Text fields that hold HTML: the body of a CMS or API export (WordPress's ``content.rendered``, a feed's
``content:encoded``), or a plain-text file of markup, read as HTML.

Read as it is, markup gives rows no reader wants: a speaker ``<a href="...">critics</a``, a statement
``"</p><p>“We will not wait,``.  :func:`holds_markup` tells a text that holds HTML elements from one
that merely shows a ``<`` (two tags of elements HTML knows, one of them closed or empty, such as
``</p>`` or ``<br>``); :func:`markup_text` gives its words as html-text (MIT) lays them out: a paragraph
per block element, separated by a blank line, inline elements run into the sentence, entities decoded,
scripts and styles dropped, and captions and credit lines (``figcaption``, a class naming a caption or
a credit) dropped, as for a page.  Text whose markup is all inline (a stray ``<a href>`` in text of a
paragraph a line, as scrapers leave it) keeps its own line breaks.  Text with no markup but HTML's character
references ("&#8220;", "&rsquo;", "&amp;", as exports escape titles and excerpts) has them decoded
(:func:`as_text`); "AT&T" and "&foo;" stay as written.

A whole page (:func:`is_html_document`: a doctype or an ``<html>`` element first, as a browser or a crawler
saves it) is not read here: the readers give it to the page reader (:mod:`claimex.io.html_reader`), which
drops the navigation, comments and footer around the article, as for a ``.html`` file.

Limits, plainly: a fragment is taken whole, with no boilerplate removal (an export's body is the article);
elements that are not HTML (PolNeAR's ``<tweet>``) stay as written; nesting deeper than libxml2's 256 levels
loses what is below.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Iterator
from functools import cache

from lxml.html import defs

__all__ = ["as_text", "holds_markup", "is_html_document", "markup_text"]

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,2000}?(/?)>")
# A character reference, ended by its semicolon: "&#8217;", "&#x2019;", "&amp;".
_REFERENCE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLANK_LINES = re.compile(r"\n[ \t\f]*(?:\n[ \t\f]*)+")
_EMPTY_ELEMENTS = frozenset({"br", "hr", "img", "wbr"})
# What a saved page opens with: an XML declaration and comments, then a doctype or the <html> element.
_DOCUMENT_START = re.compile(
    r"\ufeff?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*){0,5}(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL,
)


@cache
def _layout() -> frozenset[str]:
    """Elements html-text lays out as lines or paragraphs: with none, the text's own line breaks are its layout.
    (html-text is imported on the first text with markup: 50 ms a process that most runs need not pay.)"""
    import html_text

    return frozenset(html_text.NEWLINE_TAGS | html_text.DOUBLE_NEWLINE_TAGS)


def holds_markup(text: str) -> bool:
    """At least two tags of HTML elements, one of them a closing or an empty element's ("</p>", "<br>")."""
    if "<" not in text:
        return False
    closed = False
    for tags, (match, name) in enumerate(_html_tags(text), start=1):
        closed = closed or bool(match.group(1) or match.group(3)) or name in _EMPTY_ELEMENTS
        if tags >= 2 and closed:
            return True
    return False


def markup_text(text: str) -> str:
    """The words of HTML ``text``: a paragraph per block element, blank lines between (see the module doc).  Text
    whose markup is all inline (a stray link in one-paragraph-a-line text) keeps its own line breaks."""
    if not any(name in _layout() for _, name in _html_tags(text)):
        # one parse, the line breaks made elements: a blank line a paragraph's end, a line break a line's
        return _html_words("<p>" + _BLANK_LINES.sub("</p><p>", text).replace("\n", "<br>") + "</p>")
    return _html_words(text)


def _html_words(text: str) -> str:
    """html-text's layout of ``text``, captions and credit lines dropped; ``text`` itself if lxml cannot parse it."""
    import html_text
    from lxml.etree import ParserError

    from claimex.io.html_extract import drop_captions

    try:
        root = html_text.parse_html(text)
    except (ParserError, ValueError):
        return text
    drop_captions(root)
    return html_text.extract_text(root)


def _html_tags(text: str) -> Iterator[tuple[re.Match, str]]:
    """The tags of HTML elements in ``text``, in order, each with its element's name in lower case."""
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in defs.tags:
            yield match, name


def is_html_document(text: str) -> bool:
    """Whether ``text`` is a whole HTML page (it opens with a doctype or an ``<html>`` element), not a fragment."""
    return _DOCUMENT_START.match(text) is not None


def as_text(text: str) -> str:
    """``text`` read as HTML when it holds markup (:func:`holds_markup`); else with its character references
    decoded ("&#8220;", "&amp;", "&rsquo;": an export's escaped text); else as it is."""
    if holds_markup(text):
        return markup_text(text)
    if "&" in text and _REFERENCE.search(text):
        return _REFERENCE.sub(_decoded, text)
    return text


def _decoded(reference: re.Match) -> str:
    """A named reference HTML knows, or a numeric one, as its character; anything else as written ("&foo;")."""
    name = reference.group(1)
    if name[0] != "#" and name + ";" not in html.entities.html5:
        return reference.group(0)
    return html.unescape(reference.group(0))
