"""Names as the corpus pass compares them: a person's name in parts, an organization's name as a key.

Pure functions over strings, no spaCy.  :func:`person_name` splits "Sen. Hillary Rodham Clinton's"
into given names ``("hillary", "rodham")``, surname ``"clinton"`` and suffix ``""``, dropping titles
and honorifics (the honorific's gender is kept: "Mr." is male, "Mrs."/"Ms."/"Miss" female);
:func:`subsumes` says whether one person's name is a less specific form of another's
("Donald Trump" of "Donald J. Trump", "J. Comey" of "James B. Comey"); :func:`org_key` and
:func:`acronyms` give an organization's comparison key ("F.B.I." and "FBI" -> ``"fbi"``) and the
acronyms its full name can be written as ("Federal Bureau of Investigation" -> ``{"fbi"}``).

Limits, plainly: nicknames are different names ("Bill" is not "William", "Joe" not "Joseph");
a name written surname first ("Xi Jinping") is split like any other, which is harmless as long as
the corpus writes it the same way; particles ("van", "de", "bin") stay with the surname only when
written in lower case.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..lexicon import words
from ..lexicon.titles import TITLE_WORDS

#: Generational suffixes: "Donald Trump Jr." is not "Donald Trump".  ("V" is left out: an initial.)
SUFFIXES = words("name_suffixes")
MALE_HONORIFICS = frozenset({"mr"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss"})
#: Words an organization's acronym skips ("Bureau *of* Investigation").
ACRONYM_SKIPS = frozenset({"of", "the", "for", "and", "on", "in", "to", "at", "&"})
#: Pronouns the recognizer sometimes capitalizes into a speaker ("It", "We"): never a name.
PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their who which that this these those".split()
)

#: Forms of address and offices written before a name, besides claimex's title words.
EXTRA_TITLES = words("extra_titles")
_TITLE_KEYS = frozenset(word.rstrip(".") for word in TITLE_WORDS) | EXTRA_TITLES
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass(frozen=True)
class PersonName:
    """A person's name in comparable parts (case-folded, without dots)."""

    given: tuple[str, ...]  # first and middle names or initials, in order
    surname: str
    suffix: str = ""  # "jr", "sr", "ii", ...
    gender: str = ""  # "m" or "f" from an honorific written in the name, else ""

    @property
    def full(self) -> bool:
        """A given name and a surname (not a bare surname)."""
        return bool(self.given)

    @property
    def key(self) -> str:
        return " ".join((*self.given, self.surname, self.suffix)).strip()


def fold(text: str) -> str:
    """Case-folded, accents and dots dropped, typographic apostrophes straightened."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("\u2019", "'").replace(".", "").casefold()


def words_of(name: str) -> list[str]:
    """The name's words, without a trailing possessive, commas or brackets."""
    name = _POSSESSIVE.sub("", name.strip())
    return [w for w in re.split(r"[\s,()\[\]\"]+", name) if w]


def is_named(speaker: str) -> bool:
    """True if ``speaker`` is a name: it has a capitalized word or a digit and is not a pronoun."""
    words = words_of(speaker)
    if not words or (len(words) == 1 and _is_pronoun(words[0])):
        return False
    return any(w[0].isupper() or w[0].isdigit() for w in words)


def _is_pronoun(word: str) -> bool:
    """ "It", "we", "They" (not "US" or "U.S.", which are names)."""
    return word.lower() in PRONOUNS and not any(ch.isupper() for ch in word[1:])


def person_name(name: str) -> PersonName | None:
    """``name`` in parts, or None when nothing but titles is left ("the President")."""
    words = words_of(name)
    gender = ""
    while words and fold(words[0]) in _TITLE_KEYS | {"the"}:
        honorific = fold(words.pop(0))
        gender = gender or ("m" if honorific in MALE_HONORIFICS else "f" if honorific in FEMALE_HONORIFICS else "")
    suffix = ""
    if len(words) > 1 and fold(words[-1]) in SUFFIXES:
        suffix = fold(words.pop())
    if not words:
        return None
    # Lower-case particles before the last word belong to the surname ("Ludwig van Beethoven").
    cut = len(words) - 1
    while cut > 1 and words[cut - 1][:1].islower():
        cut -= 1
    given = tuple(_given_parts(words[:cut]))
    surname = " ".join(fold(w) for w in words[cut:])
    return PersonName(given=given, surname=surname, suffix=suffix, gender=gender)


def _given_parts(words: list[str]) -> list[str]:
    """Given names, an initial written "J.R." giving two initials."""
    parts: list[str] = []
    for word in words:
        if re.fullmatch(r"(?:[A-Za-z]\.){2,}", word):
            parts.extend(ch.casefold() for ch in word if ch.isalpha())
        else:
            parts.append(fold(word))
    return parts


def _part_within(short: str, full: str) -> bool:
    """A name part is within another if equal, or an initial of it."""
    return short == full or (len(short) == 1 and full.startswith(short))


def subsumes(full: PersonName, form: PersonName) -> bool:
    """True if ``form`` is ``full`` written with less: the same surname and suffix, the same first
    name (or its initial), and the first of ``full``'s middle names, or none (or their initials).

    >>> subsumes(person_name("Donald John Trump"), person_name("Donald J. Trump"))
    True
    >>> subsumes(person_name("Donald Trump Jr."), person_name("Donald Trump"))
    False
    >>> subsumes(person_name("George H. W. Bush"), person_name("George W. Bush"))
    False
    """
    if (form.surname, form.suffix) != (full.surname, full.suffix) or len(form.given) > len(full.given):
        return False
    return all(_part_within(part, other) for part, other in zip(form.given, full.given, strict=False))


def org_key(name: str) -> str:
    """An organization's comparison key: folded, without "the", dots, a possessive or "&"/"and" differences."""
    words = [fold(w) for w in words_of(name)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join("and" if w == "&" else w for w in words)


def acronyms(name: str) -> set[str]:
    """The acronyms a full organization name can be written as, folded: the initials of its
    capitalized words ("Federal Bureau of Investigation" -> fbi), and of all its words ("Department
    of Justice" -> doj).  Empty for a name of fewer than two words."""
    words = words_of(name)
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return set()
    capitalized = "".join(w[0] for w in words if w[0].isupper() and w.lower() not in ACRONYM_SKIPS)
    every = "".join(w[0] for w in words if w != "&")
    return {a.casefold() for a in (capitalized, every) if len(a) >= 2}
