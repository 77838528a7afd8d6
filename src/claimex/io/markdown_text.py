"""Markdown read as Markdown: the text a reader sees, one block to a paragraph.

:func:`markdown_text` parses with markdown-it-py (CommonMark, with GFM
tables and strikethrough) and keeps the words: headings, list items,
emphasis, links and inline code become their text (a link's address and a
list's markers go), block quotations and code blocks keep their text,
tables give one line per row with cells joined by `` | ``, raw HTML gives
the text of its elements, and images (their alt text is a caption, never a
claim), horizontal rules and HTML comments give nothing.  Blocks are
separated by blank lines.  A line ending inside a paragraph is a space (as
CommonMark renders it: a writer's Markdown is hard-wrapped, or puts one
sentence to a line); a hard break (two trailing spaces, a backslash,
``<br>``) stays a line break.

A leading YAML front matter block (``---`` ... ``---``) is not text: its
``title`` and ``date`` lines (``key: value``) come back apart.

Limits: nested constructs are flattened (a list inside a block quotation
is just its items' text), nesting too deep for Python's recursion limit
(thousands of levels) gives the text as written, markers and all, footnotes, definition lists and other extensions
beyond tables are read as plain paragraphs, front matter values are read
as single-line strings, not as YAML, and a ``.md`` file that is not really
Markdown but scraped text with one paragraph to a line (no blank lines)
is read as Markdown would render it: one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

__all__ = ["MarkdownDocument", "markdown_text"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_TEXT_BLOCKS = ("paragraph_open", "heading_open")  # their inline token holds the block's words
_CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class MarkdownDocument:
    text: str
    meta: dict[str, str] = field(default_factory=dict)  # front matter fields: "title", "date"


@cache
def _parser():
    from markdown_it import MarkdownIt

    # CommonMark's preset stops at 20 levels of nesting and drops the rest of the document (a list nested ten deep
    # lost every paragraph after it); Python's recursion limit is the bound instead (see markdown_text).
    return MarkdownIt("commonmark", {"html": True, "maxNesting": 1_000_000}).enable(["table", "strikethrough"])


def markdown_text(source: str) -> MarkdownDocument:
    """The text of the Markdown document ``source`` and its front matter's title and date."""
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(source)
    if front:
        for key, value in _FRONT_FIELD.findall(front.group(1)):
            if key.lower() in ("title", "date") and value:
                meta[key.lower()] = value.strip("\"'")
        source = source[front.end() :]
    blocks = []
    row: list[str] = []
    try:
        tokens = _parser().parse(source)
    except RecursionError:  # nesting thousands deep ("> > > ..."): the text as written, markers and all
        return MarkdownDocument(source.strip() + "\n" if source.strip() else "", meta)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            words = _inline_text(token.children or [])
            if tokens[index - 1].type in _TEXT_BLOCKS:
                blocks.append(words)
            else:  # a table cell
                row.append(" ".join(words.split()))
        elif token.type == "tr_close":
            blocks.append(_CELL_SEPARATOR.join(row))
            row = []
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif token.type == "html_block":
            blocks.append(_html_text(token.content))
    kept = [block.strip() for block in blocks if block.strip()]
    return MarkdownDocument("\n\n".join(kept) + "\n" if kept else "", meta)


def _inline_text(children) -> str:
    pieces = []
    for child in children:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type == "softbreak":  # a line ending inside a paragraph: a space, as CommonMark renders it
            pieces.append(" ")
        elif child.type == "hardbreak" or (child.type == "html_inline" and child.content[:3] == "<br"):
            pieces.append("\n")
        # emphasis, links and other tags give nothing but their children's text; an image gives nothing
    return "".join(pieces)


def _html_text(html: str) -> str:
    """The text of a raw HTML block (scripts, styles and comments dropped)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for element in root.xpath("//script|//style|//comment()"):
        element.drop_tree()  # keeps the text that follows it
    return root.text_content()
