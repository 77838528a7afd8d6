"""Direct quotations: pair quotation marks in an article's plain text.

Pure functions over plain text, no NLP.  Every offset points into the text
given.  Nothing here raises on odd input; the work is linear in the length
of the text (nesting is capped at :data:`MAX_DEPTH`).

Marks
-----
* Double marks open and close quotations: straight ``"``, curly ``“ ”``,
  low ``„`` (closed by ``“`` or ``”``), guillemets ``« »`` and reversed
  ``» «`` (German/Danish ``»so«``).  Straight ``"`` is read from its context:
  an opener when it follows the paragraph start, a space, an opening bracket
  or a dash and is followed by a non-space; a closer when it follows a
  non-space and is followed by a space, punctuation or the paragraph end;
  otherwise it closes an open straight quote or else opens one (alternation).
* Single marks ``‘ ’ ‚ ‹ › '`` are apostrophes most of the time (China’s,
  ’90s, O’Neill, rock ’n’ roll), and inside a double quotation they only
  nest (“He said ‘no’ to us”), which cannot move where the enclosing
  quotation ends; so they are part of the quoted text.  The exception is
  an article that sets its quotations in single marks (Canadian Press copy:
  ``'Nothing was decided,' Ford said.``), told by its own evidence: it has
  no double mark at all (``''`` counts as one), and some single-marked
  quotation closes right after ``, . ? !`` (an apostrophe never does).  In
  such an article, per paragraph, ``'`` or ``‘`` opens in opening position
  (not ``'90s``; ``’`` never opens: ’90s, ’n’), and ``'`` or ``’`` in
  closing position closes: after ``, . ? !`` always, after a word only if
  no such closer follows before the next opener (else it is a plural
  possessive: ``'The premiers' side is ready,'``).  Openers inside an open
  quotation are ignored, one word in marks closed after a word is a term
  or an elision (``'whistleblowers'``, rock 'n' roll) and no quotation,
  and an opener left open at the paragraph's end counts only when the next
  paragraph reopens with a single mark.  The marks are then read as “ and
  ” with the rules below.  Limits: an article mixing double marks with
  single-marked quotations (a headline in single marks over a body in
  double ones) gets only its double ones; an elision opening a word
  (``'em``, ``'til``) inside such an article can open a quotation that a
  later closer ends; a quotation's closer after a word is missed when a
  closer after punctuation follows before the next opener; a plural
  possessive in a paragraph whose quotation runs on unclosed to the next
  one ends that quotation there (``'We back the premiers' plan.¶'And…``).
* Nesting: an opener inside an open quotation nests (straight quotes inside
  curly ones and vice versa, curly inside guillemets...).  Only outermost
  quotations are reported; a closer of the outermost family closes it and
  every nested quote still open inside it.
* Sloppy mixing is tolerated: ``“...,"`` and ``"...”`` close (any of
  ``” " “`` can close a straight or curly quotation, the exact kind being
  preferred), and ``“`` in closing position (``“Yes“ she said``) closes.
* A second opener of the same kind inside an open quotation nests only if
  enough closers of that kind follow in the paragraph to close both;
  otherwise the first quotation was left open by mistake (“First, she
  said. “Second.”): it ends, unclosed, just before the new opener.
* Two apostrophes ``''`` (archive text, LaTeX-style news feeds) are a
  double mark: read as ``"`` at the first apostrophe when opening, at the
  second when closing, so the quotation's span covers both.  Three are a
  double mark and a nested single one (``'old-school,'''``): the double mark
  is the two on the quotation's outer side.
* A closer with no opener is ignored.  A quotation with no letter or digit
  in it (``""``, ``“ ... ”``) is dropped.

Paragraphs
----------
Scraped news text has one paragraph per line.  A quotation never crosses a
paragraph boundary unless one of these holds at the end of a paragraph
where it is still open:

1. *Reopening* (news style): the next paragraph starts with an opening mark
   of the quotation's own style (straight after straight, curly or low after
   curly, guillemet after guillemet).  The quotation continues there (the
   reopening mark is not part of the text) and ends at a closing mark in some
   later paragraph.  A mark of the other style opens a new quotation: a block
   quote set in straight marks holds speech in curly ones.
2. *Sloppy continuation* (seen in real data): the next paragraphs do not
   reopen, but within the next :data:`SLOPPY_MAX_PARAGRAPHS` paragraphs
   there is one that ends with a closing mark and holds no other double
   mark, and every paragraph between holds no double mark at all.  The
   quotation then runs through all of them, closed by that mark.  The limit
   keeps a stray closer far down the article from swallowing unrelated
   text, and any other double mark in between (a new quotation starting)
   cancels the join.

Otherwise the quotation ends unclosed (``closed=False``) at the end of its
paragraph.  A quotation opened inside brackets and left open ends, unclosed, where
they close (``(… a “scare quote.)``): it continues in no other paragraph.  Each paragraph a quotation spans gives one inner piece, trimmed
of whitespace (“ The United States... → the piece starts at "The").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .cleaning import paragraph_spans as split_paragraphs  # one definition of a paragraph

__all__ = ["Quotation", "find_quotations", "split_paragraphs", "MAX_DEPTH", "SLOPPY_MAX_PARAGRAPHS", "DOUBLE_MARKS"]

#: Deepest nesting tracked; further openers inside are ignored (keeps it linear).
MAX_DEPTH = 32
#: Sloppy continuation: the closing paragraph is at most this many paragraphs
#: after the one where the quotation was left open.
SLOPPY_MAX_PARAGRAPHS = 6

#: The marks that open and close quotations.
DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'  # " “ ” „ « »
_MARK_RE = re.compile(f"[{DOUBLE_MARKS}]")
_WORD_RE = re.compile(r"[^\W_]")

# Families of quotation (what opened it).
_CURLY, _LOW, _STRAIGHT, _GUIL, _RGUIL = range(5)

_SLOPPY_CLOSERS = {
    _CURLY: '”"“',
    _LOW: '”"“',
    _STRAIGHT: '”"“',
    _GUIL: "»",
    _RGUIL: "«",
}


@dataclass(frozen=True)
class Quotation:
    """One direct quotation (outermost marks only)."""

    start: int  # offset of the opening mark
    end: int  # one past the closing mark; for an unclosed one, the end of its last paragraph
    pieces: tuple[tuple[int, int], ...]  # inner text spans without marks, one per paragraph
    closed: bool  # False when no closing mark was found
    paragraphs: int  # number of paragraphs spanned

    @property
    def inner_start(self) -> int:
        return self.pieces[0][0]

    @property
    def inner_end(self) -> int:
        return self.pieces[-1][1]

    def inner_text(self, text: str, sep: str = "\n") -> str:
        """The quoted words without marks, pieces joined by ``sep``."""
        return sep.join(text[a:b] for a, b in self.pieces)


def _clean_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Caller's paragraph spans clipped, sorted, made disjoint and trimmed."""
    n = len(text)
    out: list[tuple[int, int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in spans):
        s, e = max(0, s), min(n, e)
        if out and s < out[-1][1]:
            s = out[-1][1]
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _cat(ch: str) -> str:
    return unicodedata.category(ch)


def _opening_before(prev: str | None) -> bool:
    return prev is None or prev.isspace() or _cat(prev) in ("Ps", "Pi", "Pd")


def _open_ctx(prev: str | None, nxt: str | None) -> bool:
    """Looks like an opening mark: after start/space/bracket/dash, before a non-space."""
    return _opening_before(prev) and nxt is not None and not nxt.isspace()


def _close_ctx(prev: str | None, nxt: str | None) -> bool:
    """Looks like a closing mark: after a non-space, before space/punctuation/end."""
    if _opening_before(prev):
        return False
    if nxt is None or nxt.isspace():
        return True
    c = _cat(nxt)
    return c[0] in "PS" and c not in ("Ps", "Pi")


class _Open:
    """The outermost quotation being read."""

    __slots__ = ("start", "first_para", "pieces", "inner_start")

    def __init__(self, start: int, para: int) -> None:
        self.start = start
        self.first_para = para
        self.pieces: list[tuple[int, int]] = []
        self.inner_start = start + 1


_DOUBLE_APOSTROPHE_RE = re.compile(r"(?<!')'''?(?!')")
_PAD = "\u200b"  # stands for the other apostrophe of ''; trimmed off like whitespace


def _double_apostrophes_as_marks(text: str) -> str:
    """``text`` with each ``''`` rewritten, same length, as ``"`` plus a pad on the quotation's inner side.

    Three apostrophes are a double mark and a single one nested inside it: ``'''Tis`` opens with the first
    two, ``the word 'old-school,'''`` closes with the last two; in neither position they are left alone."""
    if "''" not in text:
        return text
    chars = list(text)
    for m in _DOUBLE_APOSTROPHE_RE.finditer(text):
        i, j = m.start(), m.end()
        prev = text[i - 1] if i > 0 else None
        nxt = text[j] if j < len(text) else None
        if _open_ctx(prev, nxt):
            chars[i], chars[i + 1] = '"', _PAD
        elif j - i == 2:
            chars[i], chars[i + 1] = _PAD, '"'
        elif _close_ctx(prev, nxt):
            chars[j - 2], chars[j - 1] = _PAD, '"'
    return "".join(chars)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] == _PAD:
        a += 1
    while b > a and text[b - 1] == _PAD:
        b -= 1
    chunk = text[a:b]
    lead = len(chunk) - len(chunk.lstrip())
    if lead == len(chunk):
        return a, a
    return a + lead, b - (len(chunk) - len(chunk.rstrip()))


def _finish(text: str, q: _Open, end: int | None, closed: bool, last_para: int, out: list[Quotation]) -> None:
    """Emit ``q`` (its pieces already added) unless it holds no word."""
    pieces = []
    for a, b in q.pieces:
        a, b = _trim(text, a, b)
        if a < b:
            pieces.append((a, b))
    if not pieces or not any(_WORD_RE.search(text, a, b) for a, b in pieces):
        return
    if end is None:
        end = pieces[-1][1]
    out.append(Quotation(q.start, end, tuple(pieces), closed, last_para - q.first_para + 1))


def _marks_by_paragraph(text: str, paras: list[tuple[int, int]]) -> list[list[int]]:
    result: list[list[int]] = [[] for _ in paras]
    i = 0
    for m in _MARK_RE.finditer(text):
        p = m.start()
        while i < len(paras) and paras[i][1] <= p:
            i += 1
        if i == len(paras):
            break
        if p >= paras[i][0]:
            result[i].append(p)
    return result


def _reopens(text: str, para: tuple[int, int], family: int) -> bool:
    """Does this paragraph start with a mark that reopens a continuing quotation?  Only a mark of the
    quotation's own style does: a curly “ after a paragraph left open by a straight " starts a new
    quotation (a block quote in straight marks holds speech in curly ones)."""
    s, e = para
    c = text[s]
    if c == '"':
        return family == _STRAIGHT
    if c in "“„":
        return family in (_CURLY, _LOW)
    if c in "«»":
        return family in (_GUIL, _RGUIL)  # French style reopens with »
    if c == "”":  # Swedish style ”...”; not a stray closer on its own line
        return family in (_CURLY, _LOW) and s + 1 < e and text[s + 1].isalnum()
    return False


def _sloppy_close(text: str, paras: list[tuple[int, int]], marks: list[list[int]], pi: int, family: int) -> int | None:
    """Index of the paragraph closing a quotation left open in ``pi`` without reopening."""
    closers = _SLOPPY_CLOSERS[family]
    for j in range(pi + 1, min(pi + 1 + SLOPPY_MAX_PARAGRAPHS, len(paras))):
        pm = marks[j]
        if not pm:
            continue
        if len(pm) == 1 and pm[0] == paras[j][1] - 1 and text[pm[0]] in closers:
            return j
        return None
    return None


_OPENING_BRACKETS = "([{"
_CLOSING_BRACKETS = ")]}"


def _unopened_bracket(text: str, start: int, end: int) -> int | None:
    """Offset of the first closing bracket in ``text[start:end]`` that no bracket there opened, else None."""
    depth = 0
    for i in range(start, end):
        c = text[i]
        if c in _OPENING_BRACKETS:
            depth += 1
        elif c in _CLOSING_BRACKETS:
            if depth == 0:
                return i
            depth -= 1
    return None


#: Which marks can close a quotation of each family (counted before nesting a second opener of it).
_CLOSERS_OF = {_CURLY: "”", _LOW: "”“", _STRAIGHT: '"', _GUIL: "»", _RGUIL: "«"}

#: What a mark may close: the families it closes exactly, then the ones it closes when sloppy.
_CloseAs = tuple[tuple[int, ...], tuple[int, ...]]


def _mark_roles(c: str, prev: str | None, nxt: str | None, stack: list[int]) -> tuple[_CloseAs | None, int | None]:
    """What mark ``c`` does here: close (families, exact ones first) or open (a family); (None, None): nothing."""
    if c == '"':
        oc, cc = _open_ctx(prev, nxt), _close_ctx(prev, nxt)
        if oc == cc:  # ambiguous: alternate
            cc = _STRAIGHT in stack
        return (((_STRAIGHT,), (_CURLY, _LOW)), None) if cc else (None, _STRAIGHT)
    if c == "“":
        # nothing follows it in its paragraph: it opens nothing, so it closes what is open ("They see that. “")
        closes = _close_ctx(prev, nxt) or (nxt is None and bool(stack))
        return (((_LOW, _CURLY), (_STRAIGHT,)), None) if closes else (None, _CURLY)
    if c == "”":
        if stack:
            return ((_CURLY, _LOW), (_STRAIGHT,)), None
        if _opening_before(prev) and nxt is not None and nxt.isalnum():
            return None, _CURLY  # Swedish ”...”
        return None, None
    if c == "„":
        return None, _LOW
    if c == "«":
        if _RGUIL in stack and not _opening_before(prev):
            return ((_RGUIL,), ()), None
        return None, _GUIL
    # »
    if stack:
        return ((_GUIL,), ()), None
    if _opening_before(prev) and nxt is not None and nxt.isalnum():
        return None, _RGUIL  # German/Danish »...«
    return None, None


def _innermost_of(stack: list[int], close_as: _CloseAs) -> int:
    """Index in ``stack`` of the innermost quotation the mark closes (exact families first); -1: none."""
    for families in close_as:
        for i in range(len(stack) - 1, -1, -1):
            if stack[i] in families:
                return i
    return -1


class _Scanner:
    """One pass over the paragraphs' marks, with the families of the open quotes (``stack[0]`` the
    outermost) and the outermost quotation being read (``cur``)."""

    def __init__(self, text: str, paras: list[tuple[int, int]]) -> None:
        self.text = text
        self.paras = paras
        self.marks = _marks_by_paragraph(text, paras)
        self.out: list[Quotation] = []
        self.stack: list[int] = []
        self.cur: _Open | None = None
        self.reopened = False  # the first mark of the next paragraph reopens ``cur``

    def scan(self) -> list[Quotation]:
        pi = 0
        while pi < len(self.paras):
            self._read_marks(pi)
            pi = pi + 1 if self.cur is None else self._carry_over(pi)
        return self.out

    def _read_marks(self, pi: int) -> None:
        """Each mark of paragraph ``pi`` closes, opens or nests a quotation, or is ignored."""
        text = self.text
        ps, pe = self.paras[pi]
        pm = self.marks[pi]
        remaining = Counter(text[p] for p in pm)  # marks not yet read in this paragraph
        first = 0
        if self.reopened:
            remaining[text[pm[0]]] -= 1
            first = 1
            self.reopened = False
        for pos in pm[first:]:
            c = text[pos]
            remaining[c] -= 1
            prev = text[pos - 1] if pos > ps else None
            nxt = text[pos + 1] if pos + 1 < pe else None
            close_as, open_as = _mark_roles(c, prev, nxt, self.stack)
            if close_as is not None:
                self._close(close_as, pos, pi)
            elif open_as is not None:
                self._open(open_as, pos, pi, remaining)

    def _close(self, close_as: _CloseAs, pos: int, pi: int) -> None:
        idx = _innermost_of(self.stack, close_as)
        if idx < 0:
            return  # stray closer
        del self.stack[idx:]
        if idx == 0:
            assert self.cur is not None
            self.cur.pieces.append((self.cur.inner_start, pos))
            _finish(self.text, self.cur, pos + 1, True, pi, self.out)
            self.cur = None

    def _open(self, family: int, pos: int, pi: int, remaining: Counter[str]) -> None:
        stack = self.stack
        if not stack:
            self.cur = _Open(pos, pi)
            stack.append(family)
            return
        if len(stack) >= MAX_DEPTH:
            return
        if family in stack and stack[0] == family:
            left = sum(remaining[mark] for mark in _CLOSERS_OF[family])
            if left < stack.count(family) + 1:
                # not enough closers to nest: the open quotation was never closed
                assert self.cur is not None
                self.cur.pieces.append((self.cur.inner_start, pos))
                _finish(self.text, self.cur, None, False, pi, self.out)
                self.cur = _Open(pos, pi)
                stack[:] = [family]
                return
        stack.append(family)

    def _carry_over(self, pi: int) -> int:
        """Paragraph ``pi`` ended with a quotation open: it reopens in the next paragraph, closes in a
        later one (sloppy continuation) or ends unclosed.  Returns the next paragraph to read."""
        cur, text, paras = self.cur, self.text, self.paras
        assert cur is not None
        pe = paras[pi][1]
        bracket = _unopened_bracket(text, cur.inner_start, pe)
        if bracket is not None:  # "(… a ''scare quote.')": opened inside brackets, it ends where they close
            cur.pieces.append((cur.inner_start, bracket))
            _finish(text, cur, None, False, pi, self.out)
            self.cur = None
            self.stack.clear()
            return pi + 1
        cur.pieces.append((cur.inner_start, pe))
        family = self.stack[0]
        if pi + 1 < len(paras) and _reopens(text, paras[pi + 1], family):
            del self.stack[1:]
            cur.inner_start = paras[pi + 1][0] + 1
            self.reopened = True
            return pi + 1
        j = _sloppy_close(text, paras, self.marks, pi, family)
        if j is not None:
            for m in range(pi + 1, j):
                cur.pieces.append(paras[m])
            closer = paras[j][1] - 1
            cur.pieces.append((paras[j][0], closer))
            _finish(text, cur, closer + 1, True, j, self.out)
            after = j + 1
        else:
            _finish(text, cur, pe, False, pi, self.out)
            after = pi + 1
        self.cur = None
        self.stack.clear()
        return after


_SINGLE_MARK_RE = re.compile("['\u2018\u2019]")  # ' ‘ ’
_SINGLE_OPENERS = "'\u2018"  # ’ at a word start is an elision (’90s, rock ’n’ roll), never an opener
_SINGLE_CLOSERS = "'\u2019"
_YEAR_ELISION_RE = re.compile(r"\d\d(?!\d)")  # '90s, '08
_QUOTE_END_PUNCTUATION = ",.?!"  # an apostrophe never follows these
_S_OPEN, _S_AFTER_PUNCT, _S_AFTER_WORD = range(3)


def _single_mark_roles(text: str, para: tuple[int, int]) -> list[tuple[int, int]]:
    """(offset, role) of each single mark of the paragraph that could open or close a quotation."""
    ps, pe = para
    roles = []
    for m in _SINGLE_MARK_RE.finditer(text, ps, pe):
        pos, c = m.start(), m.group()
        prev = text[pos - 1] if pos > ps else None
        nxt = text[pos + 1] if pos + 1 < pe else None
        if c in _SINGLE_OPENERS and _open_ctx(prev, nxt) and not _YEAR_ELISION_RE.match(text, pos + 1, pe):
            roles.append((pos, _S_OPEN))
        elif c in _SINGLE_CLOSERS and _close_ctx(prev, nxt):
            roles.append(
                (pos, _S_AFTER_PUNCT if prev is not None and prev in _QUOTE_END_PUNCTUATION else _S_AFTER_WORD)
            )
    return roles


def _closes_here(roles: list[tuple[int, int]], k: int) -> bool:
    """Does the closer after a word at ``roles[k]`` close the open quotation?  Not when a closer after
    punctuation follows before the next opener: then it is a plural possessive ('The premiers' side is
    ready,')."""
    for _, role in roles[k + 1 :]:
        if role == _S_OPEN:
            return True
        if role == _S_AFTER_PUNCT:
            return False
    return True


def _pair_single_marks(roles: list[tuple[int, int]]) -> tuple[list[tuple[int, int, int]], int | None]:
    """(opener, closer, closer's role) pairs of one paragraph, and the opener still open at its end."""
    pairs = []
    opener: int | None = None
    for k, (pos, role) in enumerate(roles):
        if opener is None:
            opener = pos if role == _S_OPEN else None
        elif role == _S_AFTER_PUNCT or (role == _S_AFTER_WORD and _closes_here(roles, k)):
            pairs.append((opener, pos, role))
            opener = None
    return pairs, opener


def _single_marks_as_double(text: str, paras: list[tuple[int, int]]) -> str:
    """``text`` with single quotation marks rewritten, same length, as “ and ”, in an article that uses no
    double mark and closes at least one single-marked quotation after punctuation ('Enough,' he said)."""
    if _MARK_RE.search(text) or not _SINGLE_MARK_RE.search(text):
        return text
    chars = list(text)
    evidence = False
    continuing = False  # the previous paragraph ended inside a quotation that this one may reopen
    for pi, para in enumerate(paras):
        roles = _single_mark_roles(text, para)
        pairs, left_open = _pair_single_marks(roles)
        if continuing and roles and roles[0] == (para[0], _S_OPEN):
            chars[para[0]] = "\u201c"
        for opener, closer, role in pairs:
            if role == _S_AFTER_WORD and not any(ch.isspace() for ch in text[opener:closer]):
                continue  # one word in marks: a term ('whistleblowers'), or rock 'n' roll
            evidence = evidence or role == _S_AFTER_PUNCT
            chars[opener], chars[closer] = "\u201c", "\u201d"
        nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
        continuing = left_open is not None and nxt is not None and text[nxt] in _SINGLE_OPENERS
        if continuing and left_open is not None:
            chars[left_open] = "\u201c"
    return "".join(chars) if evidence else text


def find_quotations(text: str, paragraph_spans: Sequence[tuple[int, int]] | None = None) -> list[Quotation]:
    """Direct quotations in ``text``, in order, never overlapping.

    ``paragraph_spans`` defaults to :func:`split_paragraphs`; text outside
    every span is ignored.  See the module docstring for the rules.
    """
    if not text:
        return []
    text = _double_apostrophes_as_marks(text)  # same offsets
    paras = split_paragraphs(text) if paragraph_spans is None else _clean_spans(text, paragraph_spans)
    out = _Scanner(_single_marks_as_double(text, paras), paras).scan()
    if _PAD in text:  # a mark read from '' spans both apostrophes
        out = [_whole_apostrophe_marks(text, q) for q in out]
    return out


def _whole_apostrophe_marks(view: str, q: Quotation) -> Quotation:
    start = q.start - 1 if q.start > 0 and view[q.start - 1] == _PAD and view[q.start] == '"' else q.start
    end = q.end
    if q.closed and end < len(view) and view[end] == _PAD and view[end - 1] == '"':
        end += 1
    return q if (start, end) == (q.start, q.end) else replace(q, start=start, end=end)
