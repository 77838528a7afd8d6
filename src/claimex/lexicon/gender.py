"""Grammatical gender of people named in an article: evidence for resolving "he" and "she".

Gender is an internal feature of speaker resolution, never a column.  A person's gender is
read from what the article itself says, strongest first:

* an honorific before a mention ("Mr. Obama", "Ms. Simonyan", "Mrs. Clinton"; ``data/honorific_gender.tsv``
  under ``lexicon/``);
* a gendered role noun describing them ("spokeswoman", "congressman", "his wife", "mother";
  ``data/noun_gender.tsv`` under ``lexicon/``);
* their first name (accents folded; a hyphenated name by its parts), from US Social Security baby-name counts
  (``data/first_names.tsv``: public domain data; see its header and ``scripts/build_first_names.py``).

Limits, plainly: a first name says what most people with that name were registered as at
birth in the United States; names rare there (many non-Western names) give no evidence, and a
name shared by both sexes ("Jean" in France, "Andrea" in Italy) may mislead; a hyphenated name whose parts
disagree ("Jean-Luc") gives none.  Unknown gender
agrees with either pronoun.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from . import table as lexicon_table

FEMALE = "f"
MALE = "m"

_FIRST_NAMES = Path(__file__).resolve().parent.parent / "data" / "first_names.tsv"

#: Pronouns (and their forms) that say a person's gender.
PRONOUN_GENDER = {
    "he": MALE,
    "him": MALE,
    "his": MALE,
    "himself": MALE,
    "she": FEMALE,
    "her": FEMALE,
    "hers": FEMALE,
    "herself": FEMALE,
}

#: The words of the gender tables (``data/*_gender.tsv``).
_SEXES = {"female": FEMALE, "male": MALE}


def _gender_table(name: str) -> dict[str, str]:
    return {word: _SEXES[sex] for word, sex in lexicon_table(name)}


#: Honorifics before a name (lowercase, with and without the period): ``data/honorific_gender.tsv``.
HONORIFIC_GENDER = _gender_table("honorific_gender")

#: Role and kinship nouns that say the gender of who they describe: ``data/noun_gender.tsv``.
NOUN_GENDER = _gender_table("noun_gender")


#: A first name at least this share of whose bearers have one sex decides; below it ("Jean", "Lindsey") the
#: article's own pronouns and honorifics may overrule it.
DECISIVE_SHARE = 0.99


@functools.cache
def _first_name_rows() -> dict[str, tuple[str, float]]:
    """First name -> (its gender, the share of its bearers of that gender)."""
    table = {}
    for line in _FIRST_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, sex, share = line.split("\t")
            table[name] = (FEMALE if sex == "F" else MALE, float(share))
    return table


def _parts(word: str) -> list[str]:
    """A first name's lookup forms: lowercase, without accents ("François" -> francois), each part of a hyphenated
    one ("Jean-Luc" -> jean, luc)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    return [part for part in folded.split("-") if part]


def first_name_gender(word: str) -> str | None:
    """The gender most people with first name ``word`` have in the name data, or None; a hyphenated name's only
    when its known parts agree ("Anne-Marie" f; "Jean-Luc" None: Jean is mostly a woman's name in the US data)."""
    rows = _first_name_rows()
    genders = {rows[part][0] for part in _parts(word) if part in rows}
    return next(iter(genders)) if len(genders) == 1 else None


def first_name_decides(word: str) -> bool:
    """Whether ``word``'s gender in the name data is all but certain (a share of at least :data:`DECISIVE_SHARE`):
    "Michelle" yes, "Jean" and "Lindsey" no (Jean Chrétien, Lindsey Graham)."""
    parts = _parts(word)
    rows = _first_name_rows()
    return len(parts) == 1 and parts[0] in rows and rows[parts[0]][1] >= DECISIVE_SHARE


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a first name of the name data, or a hyphenated one with a part that is ("Jean-François")."""
    return any(part in _first_name_rows() for part in _parts(word))


def agrees(gender: str | None, wanted: str | None) -> bool:
    """Unknown on either side agrees."""
    return gender is None or wanted is None or gender == wanted
