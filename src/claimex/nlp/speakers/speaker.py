"""The value speaker resolution returns: a speaker's name, type, fullest entity and number."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span


@dataclass(frozen=True)
class Speaker:
    name: str
    type: str  # PERSON, ORG, GPE, NORP or OTHER
    entity: Span | None = None  # the fullest mention of the entity in the article
    plural: bool = False  # two or more people or a group ("A and B")
