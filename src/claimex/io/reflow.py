"""Reflow: join the lines of hard-wrapped paragraphs, as the writer meant them.

Plain text from e-mail, wire services, terminals and ``fold``/``fmt`` comes
with every paragraph cut into lines of at most some width (60-80 columns).
claimex reads a line break as the end of a paragraph (scraped news puts one
paragraph on a line), so wrapped text must be joined first: :func:`reflow`,
a pure function of the text.

Detection (:func:`wrap_width`).  A line is *full* when the next line's first
word would not have fitted on it within the width W.  A text is hard-wrapped
when W, its longest line that holds a blank and is followed by another line
of its block (but for the longest 2 %, which may be URLs or pasted lines;
headings and one-line paragraphs are often longer), lies between :data:`MIN_WIDTH` and
:data:`MAX_WIDTH`, and at least :data:`MIN_WRAPS` lines, and at least a
quarter of the line breaks inside blocks, follow full lines; or, in a text of
a paragraph or two, when every break follows a full line and a sentence goes
on in lower case on the next line.  Unwrapped text (one paragraph to a line)
fails this: its lines are as long as its paragraphs, and only the few
longest come near the longest.  Widths are counted in characters, or in UTF-8
bytes as GNU ``fold`` counts them, whichever the text fits better.  Wrappers
that balance lines (``fmt``) end lines early: the *slack*, how far short of W
a line may end and still count as full, is read off the lines that surely
continue (a sentence that goes on in lower case).  A text that is not wrapped
is returned unchanged (the same object).

Joining, in a wrapped text, between two lines of one block (blank lines and
form feeds end blocks; a block is never joined to the next):

* a line that starts a list item (``-``, ``*``, ``•``, ``1.``, ``(a)``), or
  is indented otherwise than the paragraph's previous line (a first-line
  indent, a block quotation), or more than the lines that surely continue a
  sentence in this text, starts a new paragraph; a dash or a number that a
  wrap put first on a line ("closer to" / "18. The") does not;
* after a full line the paragraph goes on;
* after a line that ends early (the next word would have fitted), the
  paragraph goes on only if the line ends inside a sentence and the next one
  continues it: it starts in lower case, or the line ends with a comma or a
  hyphen, or inside an open quotation or bracket.  Otherwise the writer ended
  the paragraph there (a headline, a byline, a dateline, a paragraph's end).

Two lines are joined with one space (the line's trailing and the next line's
leading blanks go), or with nothing after a hyphen between letters
(``well-`` + ``known``: ``textwrap`` breaks there).  Offsets claimex reports
point into the reflowed text.

Limits, plainly: a paragraph whose last line happens to be full is joined to
the next one when only a single line break separates them (no blank line):
PolNeAR train with one paragraph to a line, wrapped at 72, loses 9 % of its
paragraph breaks so (85 % of its paragraphs come back whole; with blank lines
between paragraphs, 99 %).  A text with
fewer than :data:`MIN_WRAPS` full lines is taken as written unless a sentence
visibly runs on; lines of nearly equal length (a list of headlines) can look
wrapped; a tab counts as one column; a word hyphenated across lines keeps its
hyphen ("inter-" + "national" gives "inter-national").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["MIN_WRAPS", "MIN_WIDTH", "reflow", "wrap_width"]

#: Fewer full lines than this are no evidence of wrapping.
MIN_WRAPS = 3
#: A "width" under this is a list of short lines, not wrapping; over this, paragraphs one to a line.
MIN_WIDTH, MAX_WIDTH = 25, 160
#: Share of the line breaks inside blocks that full lines must make (the others end paragraphs).
MIN_FULL_SHARE = 0.25
#: Lines that surely continue needed to measure how early a wrapper ends lines, and at most how early.
MIN_SLACK_EVIDENCE, MAX_SLACK_SHARE = 5, 0.2
#: Share of the lines of a text that may run past its width (an unbreakable URL, a pasted long line).
OVERLONG_SHARE = 0.02

# One line and the break that ends it: \n, or any break str.splitlines knows (a form feed ends a block).
_LINE = re.compile(r"([^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*)([\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]?)")
_BLOCK_BREAKS = frozenset("\x0c\x1c\x1d\x1e\u2029")  # form feed, separators, paragraph separator
_ITEM = re.compile(r"([-–—*+•‣◦▪]|\d{1,3}[.)]|\([a-zA-Z0-9]{1,3}\))[ \t]")  # a list item's marker
_BLANK = re.compile(r"[ \t]")  # where a line may be broken (a no-break space is not)
_SENTENCE_END = re.compile(r"""[.!?:…]["'”’»)\]]*$""")
_CONTINUES = re.compile(r",$|[^\W\d_]-$")  # a comma, a word broken at its hyphen
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_OPENING = frozenset("“«([")
_CLOSING = frozenset("”»)]")


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the line's first character in the text
    end: int  # offset after its last non-blank character
    words_start: int  # offset of its first non-blank character
    indent: int  # leading blanks
    next_break: str  # the break character after it ("" at the end of the text)
    size: int  # its extent up to its last non-blank character, in the text's unit (characters or bytes)
    first: int  # the extent of its first word (up to the first blank)
    spaced: bool  # it holds a blank between words (a line a wrap could have cut)
    kept_blank: bool  # it ends with a blank before its line break

    def blank(self) -> bool:
        return self.end <= self.words_start


@dataclass(frozen=True)
class _Wrap:
    width: int
    slack: int
    blocks: list[list[_Line]]
    indent: int | None = None  # the indentation of lines that continue a paragraph, when the text shows it


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _lines(text: str, unit: Callable[[str], int] = len) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        content, brk = match.group(1), match.group(2)
        if not content and not brk:
            break  # the empty match at the end
        start = match.start()
        kept_blank = content[-1:] in (" ", "\t")
        content = content.rstrip()
        words = content.lstrip()
        indent = len(content) - len(words)
        blank = _BLANK.search(words)
        first = words[: blank.start()] if blank else words
        lines.append(
            _Line(
                start,
                start + len(content),
                start + indent,
                indent,
                brk,
                unit(content),
                unit(first),
                bool(blank),
                kept_blank,
            )
        )
    return lines


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of non-blank lines; a blank line, a form feed or a paragraph separator ends a run."""
    blocks: list[list[_Line]] = [[]]
    for line in lines:
        if line.blank():
            blocks.append([])
            continue
        blocks[-1].append(line)
        if line.next_break in _BLOCK_BREAKS:
            blocks.append([])
    return [block for block in blocks if block]


def _full(line: _Line, following: _Line, width: int, slack: int = 0) -> bool:
    """The first word of ``following`` would not have fitted on ``line`` within ``width``, less ``slack``."""
    return line.size <= width and line.size + 1 + following.first > width - slack


def _runs_on(text: str, a: _Line, b: _Line) -> bool:
    """Line ``a`` ends inside a sentence that line ``b`` continues in lower case."""
    return not _SENTENCE_END.search(text, a.words_start, a.end) and text[b.words_start].islower()


def wrap_width(text: str) -> int | None:
    """The width ``text`` is hard-wrapped at, or None when it is not hard-wrapped (see the module doc)."""
    wrap = _detect(text)
    return wrap.width if wrap else None


def _detect(text: str) -> _Wrap | None:
    """How ``text`` is wrapped: counted in characters, or in UTF-8 bytes as ``fold`` counts them."""
    found = []
    for unit in (len,) if text.isascii() else (len, _utf8_size):
        blocks = _blocks(_lines(text, unit))
        width = _width(text, blocks)
        if width is not None:
            found.append((_count_full(blocks, width), width, blocks))
    if not found:
        return None
    _, width, blocks = max(found, key=lambda item: item[0])
    return _Wrap(width, _slack(text, blocks, width), blocks, _continuation_indent(text, blocks, width))


def _width(text: str, blocks: list[list[_Line]]) -> int | None:
    breaks = _breaks(blocks)
    lengths = sorted((a.size for a, _ in breaks if a.spaced), reverse=True)
    # The width is the longest line followed by another in its block (a heading or a one-line paragraph
    # may be longer) but for a few overlong ones: of those candidates, the one most lines fill.
    candidates = {w for w in lengths[: int(OVERLONG_SHARE * len(lengths)) + 1] if MIN_WIDTH <= w <= MAX_WIDTH}
    if not breaks or not candidates:
        return None
    full, width = max((_count_full(blocks, w), w) for w in candidates)
    if full >= MIN_WRAPS and full >= MIN_FULL_SHARE * len(breaks):
        return width
    # A paragraph or two: every line full, and a sentence that goes on in lower case on the next line.
    if full == len(breaks) and any(_runs_on(text, a, b) for a, b in breaks):
        return width
    return None


def _breaks(blocks: list[list[_Line]]) -> list[tuple[_Line, _Line]]:
    return [(a, b) for block in blocks for a, b in pairwise(block)]


def _count_full(blocks: list[list[_Line]], width: int) -> int:
    return sum(_full(a, b, width) for a, b in _breaks(blocks))


def _slack(text: str, blocks: list[list[_Line]], width: int) -> int:
    """How far short of the width a wrapped line may end: 0 for greedy wrapping (``fold``, ``textwrap``).

    Wrappers that balance lines (``fmt``, ``par``) and proportional type end lines early; how early is read
    off the lines that surely continue (a sentence going on in lower case): their 90th percentile.
    """
    breaks = _breaks(blocks)
    # fold -s leaves the blank at the end of the line, and breaks before a word that would end at the width.
    kept_blank = 2 * sum(a.kept_blank for a, _ in breaks) > len(breaks)
    room = sorted(width - a.size - 1 - b.first for a, b in breaks if a.size <= width and _runs_on(text, a, b))
    if len(room) < MIN_SLACK_EVIDENCE:
        return int(kept_blank)
    return max(int(kept_blank), min(room[int(0.9 * (len(room) - 1))] + 1, int(MAX_SLACK_SHARE * width)))


def _continuation_indent(text: str, blocks: list[list[_Line]], width: int) -> int | None:
    """The indentation most lines that surely continue a sentence have (0 for ``fold``, 4 for an indented text).

    Where first lines are indented and the wrapped lines not (scraped paragraphs, indented, then folded), a line
    indented more than that starts a paragraph even after a full line.
    """
    indents = Counter(b.indent for a, b in _breaks(blocks) if _full(a, b, width) and _runs_on(text, a, b))
    return indents.most_common(1)[0][0] if indents else None


def reflow(text: str, *, width: int | None = None, slack: int = 0) -> str:
    """``text`` with the lines of each hard-wrapped paragraph joined (see the module doc).

    ``width``: the width (in characters) the text is wrapped at; by default
    detected, with its slack (:func:`wrap_width`), and a text that is not
    wrapped comes back as is.  ``slack``: with a given width, the columns
    by which a line may end short of it and still count as full (for
    proportional type, where a character count only approximates a line's
    extent).  Blank lines and the line breaks kept stay as they are.
    """
    if width is None:
        wrap = _detect(text)
        if wrap is None:
            return text
    else:
        wrap = _Wrap(width, slack, _blocks(_lines(text)))
    pieces: list[str] = []
    position = 0
    for block in wrap.blocks:
        for a, b in _joins(text, block, wrap):
            pieces.append(text[position : a.end])
            hyphenated = _HYPHENATED.search(text, a.words_start, a.end) and text[b.words_start].isalpha()
            pieces.append("" if hyphenated else " ")
            position = b.words_start
    pieces.append(text[position:])
    return "".join(pieces)


def _joins(text: str, block: list[_Line], wrap: _Wrap) -> list[tuple[_Line, _Line]]:
    """The pairs of consecutive lines of ``block`` that belong to one paragraph."""
    joins = []
    first = block[0]  # the first line of the current paragraph
    opened = 0  # open quotation marks and brackets in the paragraph so far
    for a, b in pairwise(block):
        opened = _still_open(text[a.words_start : a.end], opened)
        if _continues(text, wrap, first, a, b, opened):
            joins.append((a, b))
        else:
            first, opened = b, 0
    return joins


def _continues(text: str, wrap: _Wrap, first: _Line, a: _Line, b: _Line, opened: int) -> bool:
    """Does line ``b`` go on with the paragraph that starts at line ``first`` and has reached line ``a``?"""
    line = text[a.words_start : a.end]
    full = _full(a, b, wrap.width, wrap.slack)
    if _starts_item(text, first, b, full, line):
        return False
    if a is not first and abs(b.indent - a.indent) > 1:
        return False  # a first-line indent, or the end of an indented passage
    if wrap.indent is not None and b.indent > wrap.indent + 1:
        return False  # indented as the text's first lines are, not as its continuation lines
    if full:
        return True
    if _SENTENCE_END.search(line):
        return False
    return _runs_on(text, a, b) or bool(_CONTINUES.search(line)) or opened > 0


def _starts_item(text: str, first: _Line, b: _Line, full: bool, line: str) -> bool:
    """Line ``b`` starts a list item: a bullet, number or dash that no wrap put there.

    A wrap may put a dash or a number first on a line ("closer to" / "18. The"): after a full line that
    ends inside a sentence, a marker starts an item only in a paragraph that opened with one of its kind.
    """
    kind = _marker(text, b)
    if kind is None:
        return False
    if not full or _SENTENCE_END.search(line):
        return True
    return _marker(text, first) == kind


def _marker(text: str, line: _Line) -> str | None:
    """The kind of list marker ``line`` starts with ("1" for numbers, else the mark), or None."""
    match = _ITEM.match(text, line.words_start, line.end + 1)
    if match is None:
        return None
    mark = match.group(1)
    return "1" if mark[0].isdigit() else "(" if mark[0] == "(" else mark


def _still_open(line: str, opened: int) -> int:
    """Double quotation marks and brackets left open after ``line``, given ``opened`` before it.

    Straight double quotes alternate; single quotes are not counted (’ is also the apostrophe).
    """
    for char in line:
        if char in _OPENING or (char == '"' and opened % 2 == 0):
            opened += 1
        elif char in _CLOSING or char == '"':
            opened = max(0, opened - 1)
    return opened
