"""Acronyms: whether a word is one, and the run of capitalized words whose initials spell it.

An acronym becomes the article's full name whose initials it is ("IMF" -> "International Monetary Fund"): an
organization entity's (:meth:`.mentions.MentionIndex.acronym_of`), else a run of capitalized words the recognizer
splits or misses (:func:`spelled_out`: "Immigration, Refugees and Citizenship Canada (IRCC)", "the Parliamentary
Budget Officer" for "the PBO").  Small words ("of", "and") may sit in the name with or without their letter
("Bank of Canada" is "BC" or "BOC").

Limits: an acronym two runs spell, or none, stays as written; no list of known acronyms.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...lexicon.acronyms import is_acronym
from ..profiles import entity_index

__all__ = ["ACRONYM_SKIP", "is_acronym", "spelled_out"]

# Small words a name may hold without their letter in its acronym ("Bank of Canada": "BC" or "BOC").
ACRONYM_SKIP = frozenset({"a", "an", "of", "and", "the", "for", "to", "on", "in", "&"})


def spelled_out(doc: Doc, letters: str) -> Span | None:
    """The one run of capitalized words in ``doc`` whose initials spell ``letters``, as an ORG span, or None.

    For names the recognizer splits or misses: "Immigration, Refugees and Citizenship Canada (IRCC)",
    "the Parliamentary Budget Officer" for "the PBO".  Small words ("and", "of") and commas may sit between
    the capitalized words; an acronym of three or more letters may be spelled by the end of a longer run
    ("Canada's Immigration, Refugees and Citizenship Canada").  Two different runs spelling it: None."""
    found: dict[str, Span] = {}
    for run in _capitalized_runs(doc):
        for span in _spelling_spans(doc, run, letters):
            found.setdefault(" ".join(span.text.split()), span)
    if len(found) != 1:
        return None
    span = next(iter(found.values()))
    return Span(doc, span.start, span.end, label="ORG")


def _capitalized_runs(doc: Doc) -> list[list[Token]]:
    """Maximal runs of title-case words, with small words and commas between them (each run ends on a
    title-case word); computed once per Doc."""
    memo = entity_index(doc).memo
    if "capitalized_runs" not in memo:
        runs: list[list[Token]] = []
        run: list[Token] = []
        for token in doc:
            if (
                (
                    token.is_alpha
                    and token.is_title
                    and not (run == [] and token.is_sent_start and token.lower_ in ACRONYM_SKIP)
                )
                or run
                and (token.lower_ in ACRONYM_SKIP or token.text == ",")
            ):
                run.append(token)
            else:
                if run:
                    runs.append(run)
                run = []
        if run:
            runs.append(run)
        memo["capitalized_runs"] = [trimmed for run in runs if (trimmed := _trim_run(run))]
    return memo["capitalized_runs"]


def _trim_run(run: list[Token]) -> list[Token]:
    while run and not (run[-1].is_alpha and run[-1].is_title):
        run = run[:-1]
    return run


def _spelling_spans(doc: Doc, run: list[Token], letters: str) -> list[Span]:
    """Spans of ``run`` (the whole run, or for three letters or more a tail of it) spelling ``letters``."""
    heads = [k for k, t in enumerate(run) if t.is_title and t.lower_ not in ACRONYM_SKIP]
    starts = heads if len(letters) >= 3 else heads[:1]
    spans = []
    for first in starts:
        if re.fullmatch(_initials_pattern(run[first:]), letters):
            spans.append(doc[run[first].i : run[-1].i + 1])
    return spans


def _initials_pattern(words: list[Token]) -> str:
    """A pattern of the initials ``words`` spell: each capitalized word's, a small word's if the acronym
    has it ("Bank of Canada" is "BC" or "BOC")."""
    parts = []
    for token in words:
        if token.lower_ in ACRONYM_SKIP and token.is_alpha:
            parts.append(f"{re.escape(token.text[0].upper())}?")
        elif token.is_alpha:
            parts.append(re.escape(token.text[0]))
    return "".join(parts)
