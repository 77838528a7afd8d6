"""The main text of an HTML page, and a word when it looks wrong.

:func:`extract_html` runs trafilatura (precision settings, no comments) with
nesting deeper than :data:`MAX_DEPTH` flattened (libxml2 gives up at 256
levels and loses the rest of the page) and captions and credit lines pruned (``figcaption`` and elements whose class or
id names a caption or credit: their text is never a claim).  It then checks
the result against the page's *prose*: its visible text cut at block
elements, keeping the lines of ten words or more that end a sentence.  The
main text looks wrong when it holds no sentence, or when it is less than
:data:`MIN_PROSE_SHARE` of a page with at least :data:`MIN_PAGE_PROSE`
characters of prose (trafilatura returned a caption, a teaser or a menu).
Then trafilatura's recall settings are tried, then jusText (BSD), a second
extractor that keeps the paragraphs it does not judge boilerplate; the first
result that looks right is taken.  When none does, the richest in prose is
taken and :attr:`HtmlText.warning` says why, for the reader to report.

Limits: the check sees the page as served; text a script would load is not
there for any extractor.  Pages whose prose is mostly comments or related
articles can make a right extraction look short (a warning, not a failure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["HtmlText", "MIN_PAGE_PROSE", "MIN_PROSE_SHARE", "drop_captions", "extract_html", "page_prose"]

#: Main text shorter than this share of the page's prose looks like a miss.
MIN_PROSE_SHARE = 0.3
#: Pages with less prose than this (characters) are too small to judge by length.
MIN_PAGE_PROSE = 800

_CAPTIONS = [
    "//figcaption",
    "//*[contains(translate(@class, 'CAPTIONRDT', 'captionrdt'), 'caption')]",
    "//*[contains(translate(@class, 'CAPTIONRDT', 'captionrdt'), 'credit')]",
    "//*[contains(translate(@id, 'CAPTIONRDT', 'captionrdt'), 'caption')]",
]
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
_BLOCKS = (
    "p", "div", "li", "td", "th", "dd", "dt", "blockquote", "pre", "section", "article", "main", "header", "footer",
    "nav", "aside", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "ul", "ol", "table",
)  # fmt: skip
#: A script or style element's content longer than this is dropped before parsing (libxml2's limit is 10 MB).
MAX_CODE = 1_000_000
_CODE_START = re.compile(r"<(script|style)\b[^<>]{0,2000}>", re.IGNORECASE)  # bounded: linear on '<script<script'
_CODE_END = {"script": re.compile(r"</script\s*>", re.IGNORECASE), "style": re.compile(r"</style\s*>", re.IGNORECASE)}
#: Nesting deeper than this is flattened: libxml2 stops at 256 levels (unclosed ``<font>`` tags of an old forum page
#: reach it) and every word after that point was lost.
MAX_DEPTH = 200
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,30})\b[^<>]{0,2000}>")  # bounded: linear on '<a<a<a'
#: Elements that hold no others (void) or that the next of their kind closes (``<p>``, ``<li>``): no nesting.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr html head body p li dt dd tr td th "
    "option optgroup thead tbody tfoot colgroup caption rb rt rp".split()
)
_SENTENCE_END = re.compile(r"[.!?](?=[\"'”’)\]]*(?:\s|$))")
_PROSE_WORDS = 10  # a sentence: this many words on one line before a full stop, question or exclamation mark


@dataclass
class HtmlText:
    """The page's main text and metadata; ``warning`` when it still looks wrong after every extractor."""

    text: str
    date: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # title, author, url, sitename
    warning: str = ""


def extract_html(page: str) -> HtmlText | None:
    """The main text of a decoded page, or None when no extractor finds an article (see the module doc)."""
    page = _without_captions(_within_depth(_without_huge_code(page)))
    first = _trafilatura(page, recall=False)
    prose = page_prose(page)
    candidates = [_text_of(first)]
    if _looks_right(candidates[0], prose):
        return _result(first, candidates[0])
    candidates += [_text_of(_trafilatura(page, recall=True)), _justext(page)]
    for text in candidates[1:]:
        if _looks_right(text, prose):
            return _result(first, text)
    best = max(candidates, key=lambda text: (_prose_length(text), len(text.strip())))
    if not candidates[0].strip() and not prose:
        return None  # a page without an article (a menu, a cookie wall): what the fallbacks find is no better
    found = f"{len(best):,} characters" if _has_sentence(best) else "no sentence"
    warning = (
        f"the page's main text looks incomplete: {found} extracted of {prose:,} characters of prose on the page "
        "(trafilatura and jusText tried)"
    )
    return _result(first, best, warning)


def _without_huge_code(page: str) -> str:
    """The page with the content of each script or style element over :data:`MAX_CODE` characters removed:
    libxml2 stops at a text node of 10 MB, and the page's text after it was lost.  Linear: an element
    never closed ends the page (as in a browser); smaller ones stay (JSON-LD holds the page's metadata)."""
    if len(page) <= MAX_CODE:
        return page
    pieces, position = [], 0
    while (opening := _CODE_START.search(page, position)) is not None:
        closing = _CODE_END[opening.group(1).lower()].search(page, opening.end())
        end = closing.start() if closing is not None else len(page)
        keep = end - opening.end() <= MAX_CODE
        pieces.append(page[position:end] if keep else page[position : opening.end()])
        position = end
    pieces.append(page[position:])
    return "".join(pieces)


def _within_depth(page: str) -> str:
    """The page with the tags that open deeper than :data:`MAX_DEPTH` levels dropped, and the closing tags that
    match them; as it is when none does.  Linear: a stack of at most that many open elements, the content of
    scripts and styles skipped; a closing tag with no open element of its name is left to the parser."""
    stack: list[str] = []
    dropped: dict[str, int] = {}
    spans: list[tuple[int, int]] = []  # tags to remove
    position = 0
    while (tag := _TAG.search(page, position)) is not None:
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in _CODE_END and not closing:
            end = _CODE_END[name].search(page, position)
            position = end.end() if end is not None else len(page)
        elif name in _FLAT or tag.group(0).endswith("/>"):
            continue
        elif not closing and len(stack) >= MAX_DEPTH:
            dropped[name] = dropped.get(name, 0) + 1
            spans.append(tag.span())
        elif not closing:
            stack.append(name)
        elif dropped.get(name):
            dropped[name] -= 1
            spans.append(tag.span())
        elif name in stack:
            while stack.pop() != name:
                pass
    if not spans:
        return page
    kept = [page[end:start] for (_, end), (start, _) in zip([(0, 0), *spans], [*spans, (len(page), 0)], strict=True)]
    return "".join(kept)


def _without_captions(page: str) -> str:
    """The page without captions and credit lines (see the module doc); as it is if lxml cannot parse it."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(page)
    except (ParserError, ValueError):
        return page
    if not drop_captions(root):
        return page
    return lxml.html.tostring(root, encoding="unicode")


def drop_captions(root) -> bool:
    """Remove the captions and credit lines (see the module doc) from the lxml tree ``root``; whether there were any."""
    captions = [element for xpath in _CAPTIONS for element in root.xpath(xpath)]
    for element in captions:
        if element.getparent() is not None:
            element.drop_tree()
    return bool(captions)


def _trafilatura(page: str, recall: bool):
    import trafilatura

    return trafilatura.bare_extraction(
        page,
        include_comments=False,
        favor_precision=not recall,
        favor_recall=recall,
        with_metadata=True,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": "%Y-%m-%d",
            "max_date": "2099-12-31",
        },
    )


def _justext(page: str) -> str:
    import justext

    try:
        paragraphs = justext.justext(page, justext.get_stoplist("English"))
    except Exception:  # jusText gives up on pages it cannot parse: no second opinion then
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate and not p.is_heading)


def _text_of(document) -> str:
    return (document.text or "") if document is not None else ""


def _result(document, text: str, warning: str = "") -> HtmlText:
    meta = {
        key: value
        for key in ("title", "author", "url", "sitename")
        if isinstance(value := getattr(document, key, None), str) and value
    }
    date = getattr(document, "date", "")
    return HtmlText(text, date if isinstance(date, str) else "", meta, warning)


def _looks_right(text: str, prose: int) -> bool:
    if not _has_sentence(text):
        return False
    return prose < MIN_PAGE_PROSE or len(text) >= MIN_PROSE_SHARE * prose


def page_prose(page: str) -> int:
    """Characters of prose in the page's visible text: lines of ten words or more that end a sentence."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(page)
    except (ParserError, ValueError):
        return 0
    for element in list(root.iter(*_INVISIBLE)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter(*_BLOCKS):  # a line of its own for each block
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return _prose_length(root.text_content())


def _prose_length(text: str) -> int:
    return sum(len(line) for line in (" ".join(raw.split()) for raw in text.split("\n")) if _has_sentence(line))


def _has_sentence(text: str) -> bool:
    """Some line of ``text`` has a sentence end with :data:`_PROSE_WORDS` words before it (linear time)."""
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if len(text[start : end.start()].rpartition("\n")[2].split()) >= _PROSE_WORDS:
            return True
        start = end.end()
    return False
