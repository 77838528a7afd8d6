"""What every speaker strategy reads of one article, built once by the resolver and shared.

The Doc, its layout (quotations, title, sentences, paragraphs), its entities by name word, the names strategy
and the gender evidence: the collaborators of :class:`~.resolver.SpeakerResolver` take one
:class:`ArticleContext` rather than each of these, and call back into the resolver only through the callables
typed here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .gender_evidence import GenderEvidence
from .layout import ArticleLayout
from .mentions import MentionIndex
from .name_resolution import NameResolver
from .speaker import Speaker

PersonAntecedent = Callable[[Span, str | None], Speaker | None]  # a pronoun, its gender -> the person it stands for


@dataclass(frozen=True)
class ArticleContext:
    """One article as the speaker strategies read it (see the module doc)."""

    doc: Doc
    layout: ArticleLayout
    mentions: MentionIndex
    names: NameResolver
    genders: GenderEvidence
