"""Where claimex's annotations live on a Doc: span group keys and ``Span._`` extensions, named once.

Importing this module registers the extensions (idempotently); every module that reads or writes
them imports the names from here.
"""

from __future__ import annotations

from spacy.tokens import Span

PARAGRAPHS = "claimex_paragraphs"
QUOTATIONS = "claimex_quotations"
CLAIMS = "claims"

SPAN_EXTENSIONS = {
    "cue": None,  # Span of the reporting verb or phrase
    "speaker": None,  # Span of the speaker's words at the claim
    "quote_type": "",  # direct, indirect, mixed
    "speaker_name": "",  # canonical name
    "speaker_type": "",  # PERSON, ORG, GPE, NORP, OTHER
    "speaker_entity": None,  # Span of the fullest mention of the speaker's entity
    "continues": None,  # Span of the claim an uncued quotation continues
    "pieces": None,  # list of Spans when the statement is interrupted (“A,” she said, “B.”), else None
    "cue_probability": -1.0,  # the cue model's probability of a learned construction; -1 for the rules
    "floating": "",  # a floating quotation: how its speaker was guessed (claimex.nlp.conversation)
    "floating_distance": 0,  # paragraphs from that speaker's last claim or introduction
    "claim_kind": "",  # speech, thought, evidence or action (see claimex.nlp.kinds)
    "confidence": -1.0,  # probability that the claim is right (see claimex.cuemodel.confidence); -1 before it is judged
}
for _name, _default in SPAN_EXTENSIONS.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
