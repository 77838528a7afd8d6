"""Grammatical gender of people named in an article: evidence for resolving "he" and "she".

Gender is an internal feature of speaker resolution, never a column.  A person's gender is
read from what the article itself says, strongest first:

* an honorific before a mention ("Mr. Obama", "Ms. Simonyan", "Mrs. Clinton"; ``data/honorific_gender.tsv``
  under ``lexicon/``);
* a gendered role noun describing them ("spokeswoman", "congressman", "his wife", "mother";
  ``data/noun_gender.tsv`` under ``lexicon/``);
* their first name, from US Social Security baby-name counts (``data/first_names.tsv``: public
  domain data; see its header and ``scripts/build_first_names.py``).

Limits, plainly: a first name says what most people with that name were registered as at
birth in the United States; names rare there (many non-Western names) give no evidence, and a
name shared by both sexes ("Jean" in France, "Andrea" in Italy) may mislead.  Unknown gender
agrees with either pronoun.
"""

from __future__ import annotations

import functools
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


@functools.cache
def _first_names() -> dict[str, str]:
    table = {}
    for line in _FIRST_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, sex = line.split("\t")
            table[name] = FEMALE if sex == "F" else MALE
    return table


def first_name_gender(word: str) -> str | None:
    """The gender most people with first name ``word`` have in the name data, or None."""
    return _first_names().get(word.lower())


def agrees(gender: str | None, wanted: str | None) -> bool:
    """Unknown on either side agrees."""
    return gender is None or wanted is None or gender == wanted
