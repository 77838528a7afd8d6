"""Where claimex's annotations live on a Doc: span group keys and ``Span._`` extensions, named once.

Importing this module registers the extensions (idempotently); every module that reads or writes
them imports the names from here.

Extensions that point at other words of the Doc (the cue, the speaker's mention, ...) read and
write :class:`~spacy.tokens.Span` objects, but store plain token offsets (``SPAN_REFERENCES``), so
a Doc keeps them through ``DocBin(store_user_data=True)`` and ``Doc.to_bytes``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

PARAGRAPHS = "claimex_paragraphs"
QUOTATIONS = "claimex_quotations"
CLAIMS = "claims"
READ_BY_CLAIMEX = "claimex_read"  # doc.user_data key: the Doc was parsed paragraph by paragraph (pipeline.annotate)

SPAN_EXTENSIONS = {
    "quote_type": "",  # direct, indirect, mixed
    "speaker_name": "",  # canonical name
    "speaker_type": "",  # PERSON, ORG, GPE, NORP, OTHER
    "speaker_org": "",  # the organization a person's descriptor names, named in full ("" : the profile's words)
    "cue_probability": -1.0,  # the cue model's probability of a learned construction; -1 for the rules
    "floating": "",  # a floating quotation: how its speaker was guessed (claimex.nlp.conversation)
    "floating_distance": 0,  # paragraphs from that speaker's last claim or introduction
    "claim_kind": "",  # speech, thought, evidence or action (see claimex.nlp.kinds)
    "confidence": None,  # probability that the claim is right (see claimex.cuemodel.confidence); None before it is judged
}
SPAN_REFERENCES = {
    "cue": "the reporting verb or phrase",
    "speaker": "the speaker's words at the claim",
    "speaker_entity": "the fullest mention of the speaker's entity (with its entity label)",
    "continues": "the claim an uncued quotation continues",
}
SPAN_LISTS = {
    "pieces": "the pieces of a statement interrupted by its cue (“A,” she said, “B.”), else None",
}


def _stored(name: str) -> str:
    return f"{name}_at"


def _reference(name: str) -> tuple[Callable[[Span], Span | None], Callable[[Span, Span | None], None]]:
    def get(span: Span) -> Span | None:
        at = span._.get(_stored(name))
        return None if at is None else Span(span.doc, at[0], at[1], label=at[2])

    def set_(span: Span, value: Span | None) -> None:
        span._.set(_stored(name), None if value is None else (value.start, value.end, value.label_))

    return get, set_


def _span_list(name: str) -> tuple[Callable[[Span], list[Span] | None], Callable[[Span, Any], None]]:
    def get(span: Span) -> list[Span] | None:
        at = span._.get(_stored(name))
        return None if at is None else [span.doc[start:end] for start, end in at]

    def set_(span: Span, value: list[Span] | None) -> None:
        span._.set(_stored(name), None if value is None else [(piece.start, piece.end) for piece in value])

    return get, set_


def _register() -> None:
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, make in [*((n, _reference) for n in SPAN_REFERENCES), *((n, _span_list) for n in SPAN_LISTS)]:
        if not Span.has_extension(_stored(name)):
            Span.set_extension(_stored(name), default=None)  # token offsets (and label): plain values
        if not Span.has_extension(name):
            getter, setter = make(name)
            Span.set_extension(name, getter=getter, setter=setter)


_register()
