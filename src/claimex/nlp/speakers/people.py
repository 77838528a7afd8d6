"""The people an article names, and what it describes them as."""

from __future__ import annotations

from dataclasses import dataclass, field

from .speaker import Speaker


@dataclass
class _Person:
    """A person the article names: their speaker, mentions (token starts, in order; subject or not), and the role
    nouns and words describing them."""

    speaker: Speaker
    positions: list[int] = field(default_factory=list)
    subjects: list[bool] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    described_words: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)  # state, party, country keys (see claimex.nlp.attributes)
