"""Name text: the words of a name, and a name as the speaker column gives it.

The recognizer's PERSON spans carry debris, which is trimmed here: titles ("Councilor Wang Yi"), leading
lowercase or function words and prefixes ("speech Mrs. Clinton", "pro-Clinton"), verbs, possessives and what
follows them ("Clinton Said", "Hillary Clinton's Remarks"); it may stop at a hyphen ("Ban Ki" of "Ban Ki-moon")
or leave out given names before a quoted nickname ('Robert C. "Bobby" Scott').  Name words compare lowercase,
without initials, periods or curly apostrophes ("Donald J. Trump" = donald, trump; "F.B.I." = fbi).  A surname
may be another's misspelled by a letter (:func:`_one_letter_apart`: "McLenney" of "McClenney").

Limits: pure functions over tokens; which person a name means is the resolver's (:mod:`.resolver`), over the
article's names (:mod:`.mentions`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...lexicon import gender
from ...lexicon import words as lexicon_words
from ...lexicon.cues import SPEECH_VERBS
from ...lexicon.nouns import names_person
from ...lexicon.titles import TITLE_WORDS
from ..profiles import before_parenthesis

#: Abbreviated titles a name may begin with ("Mr.", "Sen."): no name words.
TITLES = lexicon_words("title_abbreviations")
_NAME_PARTICLES = lexicon_words("name_particles")  # lower-case words a name keeps ("de Gaulle")
_PREFIXES = lexicon_words("name_prefixes")  # "pro-Clinton"
_ORG_NAME_WORDS = lexicon_words("speaker_org_names")
_SUFFIXES = lexicon_words("name_suffix_tokens")
_OPENING_QUOTES = frozenset({'"', "“", "'", "‘"})
_CLOSING_QUOTES = frozenset({'"', "”", "'", "’"})


def _with_nickname(entity: Span) -> Span:
    """A person's name with the given names and quoted nickname the recognizer left out before it: "Scott" of
    'Rep. Robert C. "Bobby" Scott' is 'Robert C. "Bobby" Scott'."""
    doc, start = entity.doc, entity.start
    if entity.label_ != "PERSON" or start < 4:
        return entity
    closing, nickname, opening = doc[start - 1], doc[start - 2], doc[start - 3]
    if closing.text not in _CLOSING_QUOTES or opening.text not in _OPENING_QUOTES or not nickname.is_title:
        return entity
    first = start - 3
    while first > 0 and first > start - 6 and _given_name(doc[first - 1]):
        first -= 1
    return Span(doc, first, entity.end, label="PERSON") if first < start - 3 else entity


def _with_given_name(entity: Span) -> Span:
    """A one-word person's name with the given name the recognizer left out right before it: "Joseph" of
    "Amelize Joseph loves the school" is "Amelize Joseph" (the parser hangs the given name on the surname), and so
    after a title ("Bank of Canada Governor Tiff Macklem"), not after another proper noun ("Hurricane Sandy")."""
    doc, start = entity.doc, entity.start
    if entity.label_ != "PERSON" or len(entity) != 1 or start == 0:
        return entity
    given = doc[start - 1]
    if given.pos_ != "PROPN" or given.dep_ not in ("compound", "flat") or given.head.i != start:
        return entity
    person_noun = names_person(given.lower_)  # "Professor Nega": a title, not a given name
    before = doc[start - 2] if start > 1 else None
    titled = before is not None and before.lower_ in TITLE_WORDS | TITLES
    if not _given_name(given) or person_noun or given.ent_type_ or (before and before.pos_ == "PROPN" and not titled):
        return entity
    return Span(doc, start - 1, entity.end, label="PERSON")


def _given_name(token: Token) -> bool:
    """A capitalized name word or an initial ("Robert", "C."), not a title ("Rep.")."""
    initial = len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."
    return (
        (initial or (token.is_title and token.is_alpha))
        and token.lower_ not in TITLE_WORDS
        and token.lower_ not in TITLES
    )


def _word(token: Token) -> str:
    """A name word for comparison: lowercase, one apostrophe, no periods ("O’Neill" = "O'Neill", "F.B.I." = "FBI")."""
    return token.lower_.replace("’", "'").replace(".", "")


def _in_a_row(words: list[str], other: list[str]) -> bool:
    n = len(words)
    return any(other[i : i + n] == words for i in range(len(other) - n + 1))


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one letter changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _first_names_only(name: list[str], words: list[str]) -> bool:
    """Whether every word of ``name`` other than ``words`` is a first name ("Barack" of "Barack Obama")."""
    return all(w in words or gender.is_first_name(w) for w in name)


def _name_words(entity: Span) -> list[str]:
    """The words of a name, without initials ("Donald J. Trump" -> donald, trump)."""
    words = [w for w in (_word(t) for t in _name_tokens(entity)) if len(w) > 1 and any(c.isalpha() for c in w)]
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def _name_tokens(entity: Span) -> list[Token]:
    """The entity without leading titles ("Councilor Wang Yi" -> "Wang Yi") and recognizer debris."""
    tokens = [t for t in entity if t.lower_ not in TITLES]
    if entity.label_ == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in TITLE_WORDS:
            tokens = tokens[1:]
        tokens = without_debris(tokens)
    # The recognizer may take the possessive in: "Mary J. Blige’s upcoming show"; a person's name may follow
    # it ("Media Research Center’s Bozell").
    for k, token in enumerate(tokens):
        if k and (token.tag_ == "POS" or token.lower_ in ("'s", "’s")):
            after = without_debris(tokens[k + 1 :]) if entity.label_ == "PERSON" and k + 1 < len(tokens) else []
            tokens = after if after and all(t.is_title for t in after) else tokens[:k]
            break
    # ... and marks or a line break around a name: "”― Ana Ruiz\n".
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text != ".")):
        tokens = tokens[:-1]
    return tokens


def without_debris(tokens: list[Token]) -> list[Token]:
    """A person's name without the words that are no name: leading lowercase or function words, prefixes and
    participles ("speech Mrs. Clinton", "Beyond Trump", "pro-Clinton", a headline's "After Telling Jeb Bush"), and all
    from the first verb ("Clinton Said", "Tom Nides Thanked Clinton"), lowercase word or line break on."""
    while len(tokens) > 1 and (
        tokens[0].is_punct
        or tokens[0].is_space
        or tokens[0].is_lower
        or (tokens[0].is_stop and not gender.is_first_name(tokens[0].text))
        or tokens[0].lower_ in _PREFIXES
        or (tokens[0].lower_ in SPEECH_VERBS and not gender.is_first_name(tokens[0].text))  # "Hope Hicks"
        or (tokens[0].tag_ in ("VBG", "VBD", "VBN") and not gender.is_first_name(tokens[0].text))  # "After Telling"
    ):
        tokens = tokens[1:]
    for k, token in enumerate(tokens):
        if k == 0:
            continue
        lemma = token.lemma_.lower()
        if (
            token.is_space
            or token.tag_.startswith("VB")
            or (token.pos_ != "PROPN" and (lemma in SPEECH_VERBS or token.lower_ in SPEECH_VERBS))  # "Stevie Wonder"
            or (token.is_alpha and token.is_lower and token.lower_ not in _NAME_PARTICLES)
        ):
            return tokens[:k]
    return tokens


def _surname(tokens: list[Token]) -> str:
    """The last word of a person's name that is no suffix ("Trump" of "Donald Trump Jr.")."""
    words = [t for t in tokens if t.lower_ not in _SUFFIXES and not t.is_punct] or tokens
    return words[-1].text


def _hyphenated(token: Token) -> bool:
    """A word joined to the one before by a hyphen ("Ki-moon")."""
    doc = token.doc
    return token.i >= 1 and doc[token.i - 1].text in ("-", "\u2010", "\u2011") and not doc[token.i - 1].whitespace_


def name_text(entity: Span, label: str | None = None) -> str:
    """A name as the speaker column gives it: a person's (``label``, else the entity's) without titles and
    recognizer debris, run on over a hyphen the recognizer stopped at ("Ban Ki-moon"), a transcript's capitals in
    title case ("WALLACE" -> "Wallace"); any other name without its determiner, end marks and possessive
    ("the IMF's" -> "IMF")."""
    tokens = _name_tokens(entity)
    if (label or entity.label_) != "PERSON" or not tokens:
        return _without_determiner(_without_modifiers(before_parenthesis(entity)))
    doc = entity.doc
    end = tokens[-1].i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and _hyphenated(doc[end + 1]):
        end += 2  # the recognizer may stop at a hyphen: "Ban Ki" of "Ban Ki-moon"
    text = doc[tokens[0].i : end].text
    return text.title() if text.isupper() and len(text) > 3 else text  # a transcript's "WALLACE:" is Wallace


def _without_modifiers(entity: Span) -> Span:
    """An organization's or place's name without the lowercase adjectives the recognizer took in before it ("the
    federal Securities and Exchange Commission")."""
    start = entity.start
    while start < entity.end - 1 and entity.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    first = start
    while (
        start < entity.end - 1
        and entity.doc[start].pos_ == "ADJ"
        and entity.doc[start].is_lower
        and entity.doc[start].is_alpha
    ):
        start += 1
    if start == first or not (entity.doc[start].is_title or entity.doc[start].is_upper):
        return entity
    return entity.doc[start : entity.end]


def _without_determiner(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text
