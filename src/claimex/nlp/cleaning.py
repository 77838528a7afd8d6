"""Cleaning: tell the article's prose from the rest of a scraped page.

Scraped news mixes the story with navigation words, widgets, photo captions,
newsletter and cookie notices, editor's notes and corrections, and related-article
headlines.  claimex never rewrites the text (every offset
must point into the text as read); instead each paragraph gets a *kind*, and
only ``body`` paragraphs can hold claims.  Every paragraph is parsed on its
own, so a boilerplate line can never break or join a sentence.

The article's own headline, when the text opens with it, is a *title*: news
attributes claims there too ("Pence: Flowers won't be at debate", "Obama Says
Museum Will Tell of Suffering").  A headline further down (a related article,
a caption) is not.  Title case misleads a model trained on prose, so the model
reads the title in sentence case (:func:`sentence_case`), with the article's
own use of each word as the evidence.

Limits, plainly: the rules are typographic.  A one-line paragraph of prose
without final punctuation (up to 40 words) is taken for a headline or caption, and a caption
that ends with a full stop is taken for prose (it then rarely holds a
reporting cue, so it rarely yields a claim) unless it ends with the photo's credit ("... THE CANADIAN
PRESS/Chad Hipolito", "(AP Photo/Evan Vucci)"): that is a caption however long, and what it reports retells the
story's own report.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Characters that end a line (those str.splitlines() splits on).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_RE = re.compile(f"[^{LINE_BREAKS}]+")

BODY = "body"
BOILERPLATE = "boilerplate"
HEADER = "header"
HEADLINE = "headline"
CAPTION = "caption"
TITLE = "title"
#: Paragraph kinds that can hold claims.
READABLE = frozenset({BODY, TITLE})

# Lines a page template adds around every story; matched against a whole paragraph.
_BOILERPLATE = re.compile(
    r"""^(?:
        must\ read | more\ news | latest\ news | related(?:\ (?:news|articles?|stories|posts))? | read\ more.* |
        read\ the\ rest\ here\.? | advertisement | sponsored(?:\ content)? | share(?:\ this)?(?:\ article|\ story)?:? |
        share\ on\ \w+ | tweet | print | e-?mail | comments? | subscribe.* | sign\ up.* | follow\ us.* |
        liked\ it\?.* | become\ a\ patron.* | support\ us.* | click\ here.* | all\ rights\ reserved.* |
        (?:©|\(c\)|copyright)\ .* | (?:photo|image|picture|video)(?:\ credit)?:.* | getty\ images | ap\ photo.* |
        skip\ to\ (?:main\ )?content | (?:home|world|news|politics|business|sports?|opinion)(?:\s*[|/»>]\s*\w+)* |
        -?\d+(?:\.\d+)?\s*°?\s*[cf] | loading\.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# The publication's note on the article, not the story: "Editor's note: ...", "Correction: An earlier version of this
# article ...", "CLARIFICATION: ..." (a site may append the same note to every story).  Not "UPDATE:", which in a
# live report brings news.
_EDITORS_NOTE = re.compile(
    r"""^\W*(?:editor(?:['’]?s)?['’]?\ notes?|corrections?|clarifications?)\s*[:—–]""",
    re.IGNORECASE | re.VERBOSE,
)

# A page's notice to its reader: newsletter sign-ups, cookie and privacy notices ("By subscribing, you agree
# that your data will not be shared with any other party").  Told by the reader addressed ("you", "your")
# together with the notice's vocabulary, in a paragraph holding no quotation of four words or more.
_READER_NOTICE = re.compile(
    r"""\b(?:newsletters?|subscrib\w*|sign(?:ing)?[ -]up|unsubscrib\w*|cookies|opt[ -]out|third[ -]part(?:y|ies)
        |privacy\ (?:policy|notice|statement)|terms\ (?:of|and)\ (?:use|service|conditions)|your\ e-?mail(?:\ address)?
        |your\ (?:personal\ )?(?:data|details|information)\ (?:will|is|are|would)\ (?:never|not))\b""",
    re.IGNORECASE | re.VERBOSE,
)
_READER = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_QUOTATION = re.compile(r"[\"“]([^\"”]*)[\"”]")
MAX_NOTICE_WORDS = 80
# A transcript turn's label in capitals, the paragraph perhaps reopening a quoted transcript ("PENCE: ...",
# "\"MR. TRUMP: ...").
_TURN_LABEL = re.compile(r"""^["“]?(?:[A-Z][A-Z.'’-]*\s+){0,3}[A-Z][A-Z.'’-]+:\s""")
MIN_TRANSCRIPT_TURNS = 2

# A photo caption: a paragraph that ends with the photo's credit, the agency in capitals after a slash ("...
# Toronto, Monday, Dec. 16, 2024. THE CANADIAN PRESS/Nathan Denette"), a credit in brackets ("(Photo: THE CANADIAN
# PRESS/Chad Hipolito)", "(AP Photo/Evan Vucci)") or a photographer's name before the agency ("Ryan Remiorz/The
# Canadian Press files").  What a caption says someone said is the story's, told again in its own words.
_PHOTO_CREDIT = re.compile(
    r"""(?:\bTHE\ CANADIAN\ PRESS/[^\n]{0,80}
        |\((?:[A-Z][\w.]*\ )?Photos?(?:\ by)?[:/][^()\n]{0,80}\)
        |\b[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}/(?:The\ Canadian\ Press|The\ Associated\ Press|AP|Reuters|AFP
            |Getty\ Images|Bloomberg)(?:\ files?)?)\s*$""",
    re.VERBOSE,
)

# A line holding only a date, a time or a "date 2017-03-13 ... Register" stamp (not prose opening with "Date").
_HEADER = re.compile(
    r"""^(?:date\b\s*[:\d].*|\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm))?(?:\s*(?:gmt|utc|[a-z]{2,4}))?\s*(?:[+-]\s*\d{1,2})?
        |\d{1,2}\s+[a-z]+\.?\s+\d{4}|[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}.*)?
        |updated:?.*|published:?.*|posted:?.*)$""",
    re.IGNORECASE | re.VERBOSE,
)

# A scraper's date stamp opening a line that goes on with the page's words (" date 2023-01-02 KYIV, Ukraine (AP)
# — ...", " date 2024-12-06 Gaza ceasefire talks resume, Hamas says"): the stamp is a header, the rest a
# paragraph of its own.  A stamp followed by a word or two ("date 2017-03-13 Register") stays one header line.
_DATE_STAMP = re.compile(r"date\s+\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)", re.IGNORECASE)
MIN_WORDS_AFTER_STAMP = 3

# Prose ends like a sentence: full stop, question, exclamation, colon, ellipsis, possibly inside quotes/brackets.
_SENTENCE_END = re.compile(r"""[.!?:…][\"'”’»)\]]*\s*$""")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
MAX_HEADLINE_WORDS = 40  # a longer paragraph without final punctuation is prose cut off, not a headline
# Dashes that sign a quotation with its speaker's name ("“...” ― Sonya Herridge"): ― — – --
SIGNATURE_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "--"})
# Such a paragraph is prose, though no sentence ends the line.
_SIGNED_QUOTE = re.compile(
    r"""[.!?…,]["”’»]\s*(?:""" + "|".join(map(re.escape, sorted(SIGNATURE_DASHES))) + r""")\s*[^\W\d_][^.!?]{0,80}$"""
)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text``, stripped of surrounding whitespace.

    Scraped news puts one paragraph on a line; every line break ``str.splitlines``
    knows (U+2028 included) ends one.  Hard-wrapped text (a paragraph over several
    lines) is not rejoined here.
    """
    spans = []
    for match in _LINE_RE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def stamp_end(line: str) -> int:
    """Length of the date stamp opening ``line`` (up to the first word after it) when more than a word or two
    follow it, else 0."""
    match = _DATE_STAMP.match(line)
    if match is None or len(_WORD.findall(line[match.end() :])) < MIN_WORDS_AFTER_STAMP:
        return 0
    return match.end()


def _split_stamps(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """``spans`` with each line that opens with a date stamp cut in two: the stamp, and the rest."""
    out = []
    for start, end in spans:
        cut = stamp_end(text[start:end])
        out.extend(
            [(start, start + len(text[start : start + cut].rstrip())), (start + cut, end)] if cut else [(start, end)]
        )
    return out


def classify(paragraph: str) -> str:
    """The kind of one paragraph: body, boilerplate, caption, header or headline."""
    if _BOILERPLATE.match(paragraph) or _reader_notice(paragraph) or _EDITORS_NOTE.match(paragraph):
        return BOILERPLATE
    if _PHOTO_CREDIT.search(paragraph):
        return CAPTION
    if _HEADER.match(paragraph):
        return HEADER
    words = _WORD.findall(paragraph)
    if not _SENTENCE_END.search(paragraph) and not _SIGNED_QUOTE.search(paragraph) and len(words) <= MAX_HEADLINE_WORDS:
        return HEADLINE  # headlines, captions, widgets: no sentence ends here (a long text cut off is still prose)
    if len(words) <= 2:
        # "He said:" introduces the quotation below it; "Tags:" and a lone word are page furniture.
        return BODY if len(words) == 2 and paragraph.endswith(":") else BOILERPLATE
    if _is_title_case(words):
        return HEADLINE
    return BODY


def _reader_notice(paragraph: str) -> bool:
    """A newsletter, cookie or privacy notice addressed to the reader (not a quotation about one)."""
    if not (_READER_NOTICE.search(paragraph) and _READER.search(paragraph)):
        return False
    if len(_WORD.findall(paragraph)) > MAX_NOTICE_WORDS:
        return False
    return not any(len(quoted.split()) >= 4 for quoted in _QUOTATION.findall(paragraph))


def _is_title_case(words: list[str]) -> bool:
    """Headline style: short, and nearly every word of four letters or more capitalized."""
    long_words = [w for w in words if len(w) >= 4]
    if len(words) > 25 or len(long_words) < 3:
        return False
    capitalized = sum(w[0].isupper() for w in long_words)
    return capitalized >= 0.8 * len(long_words)


def classify_paragraphs(text: str) -> list[Paragraph]:
    """Every paragraph of ``text`` with its kind, in order; a headline opening the text is its title, and in a
    transcript (two paragraphs or more opening with a label in capitals, "WALLACE:") a labelled sentence
    is a turn, not a headline, however many names it holds."""
    spans = paragraph_spans(text)
    paragraphs = [Paragraph(start, end, classify(text[start:end])) for start, end in _split_stamps(spans, text)]
    turns = [k for k, p in enumerate(paragraphs) if _TURN_LABEL.match(text[p.start : p.end])]
    if len(turns) >= MIN_TRANSCRIPT_TURNS:
        # A transcript's short turn of names is no headline ("PENCE: And that's why Donald Trump is on his way
        # to the White House."): a sentence labelled like the other turns.
        for k in turns:
            paragraph = paragraphs[k]
            if k and paragraph.kind == HEADLINE and _SENTENCE_END.search(text[paragraph.start : paragraph.end]):
                paragraphs[k] = Paragraph(paragraph.start, paragraph.end, BODY)
    # The title opens the text, or follows the date stamp on the first line.
    first = 1 if spans and stamp_end(text[spans[0][0] : spans[0][1]]) else 0
    if len(paragraphs) > first and paragraphs[first].kind == HEADLINE:
        paragraphs[first] = Paragraph(paragraphs[first].start, paragraphs[first].end, TITLE)
    return paragraphs


def opening_title(text: str) -> tuple[int, int] | None:
    """Offsets of the text's title (a headline as its first paragraph, or after a date stamp opening the first
    line), if it opens with one."""
    for match in _LINE_RE.finditer(text):
        line = match.group()
        if line.strip():
            start = match.start() + len(line) - len(line.lstrip())
            end = start + len(line.strip())
            start += stamp_end(text[start:end])
            return (start, end) if classify(text[start:end]) == HEADLINE else None
    return None


def sentence_case(title: str, body: str) -> str:
    """``title`` with the capitals of headline style lowered, by the evidence of ``body``.

    A capitalized word of the title is lowered ("Says", "Debate", "A") when the body
    writes it in lower case more often than capitalized inside a sentence, or never
    writes it; names keep their capital ("Pence", "Wells Fargo").  The first word,
    "I" and words in capitals ("FBI") stay; a title with a word of four letters or
    more in lower case is in sentence case already and stays as it is.  Lengths are
    kept, so offsets hold.  Limits: a name the body never uses is lowered too.
    """
    if any(word[0].islower() for word in _WORD.findall(title) if len(word) >= 4):
        return title  # written in sentence case already ("Flynn says Trump ‘absolutely right’")
    words = [(m.start(), m.group()) for k, m in enumerate(_WORD.finditer(title)) if k and _lowerable(m.group())]
    wanted = {word.casefold() for _, word in words}
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    seen: set[str] = set()
    for match in _WORD.finditer(body):
        word = match.group()
        key = word.casefold()
        if key not in wanted:
            continue
        seen.add(key)
        if word[0].islower():
            lower[key] += 1
        elif not word.isupper() and not _opens_sentence(body, match.start()):
            capital[key] += 1
    chars = list(title)
    for start, word in words:
        key = word.casefold()
        lowered = word[0].lower()
        if (key not in seen or capital[key] < lower[key]) and len(lowered) == 1:  # "İ" lowers to two characters
            chars[start] = lowered
    return "".join(chars)


def _lowerable(word: str) -> bool:
    return word[0].isupper() and word != "I" and not (len(word) > 1 and word.isupper())


def _opens_sentence(text: str, start: int) -> bool:
    """The word at ``start`` is a sentence's first: after a sentence end, a line break or an opening quote."""
    before = text[max(0, start - 24) : start].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?:\n\r("
