"""Word lists as reviewed data files (``lexicon/data/``), loaded once: reporting cues (:mod:`.cues`),
people's titles (:mod:`.titles`), and the lists of the rules that read them by name with :func:`words`
(attribution, claim kinds, profiles, speaker resolution, corpus names, evaluation).

A list is a ``.txt`` file, one entry a line, lower case and sorted, with ``#`` comments saying what
belongs in it; a table is a tab-separated ``.tsv`` file.  ``tests/test_lexicon.py`` checks the form,
so a change to a list is a one-line diff that a reviewer reads as data.
"""

from __future__ import annotations

import functools
from importlib import resources


def _lines(filename: str) -> list[str]:
    text = resources.files(__name__).joinpath("data", filename).read_text(encoding="utf-8")
    return [line.split("#", 1)[0].rstrip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


@functools.cache
def words(name: str) -> frozenset[str]:
    """The word list ``data/NAME.txt``."""
    return frozenset(line.strip() for line in _lines(f"{name}.txt"))


@functools.cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/NAME.tsv``, in file order, each a tuple of its tab-separated fields."""
    return tuple(tuple(line.split("\t")) for line in _lines(f"{name}.tsv"))
