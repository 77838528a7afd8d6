"""Signatures: a quotation signed with a dash and a name ("“...” ― Sonya Herridge"), used by the
quotation pass."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..cleaning import SIGNATURE_DASHES

_CLOSING_MARKS = "\"'”’»"  # may precede a signature dash in one token
MAX_SIGNATURE_TOKENS = 5  # "― Edwin G. Monroy"


def _dash_signature(doc: Doc, quote: Span) -> tuple[Span, Span] | None:
    """(dash, name) when a name after a dash closes the quotation's paragraph: "“…” ― Sonya Herridge"."""
    i = quote.end
    while i < len(doc) and (doc[i].is_quote or doc[i].text in (".", ",") or _inline_space(doc[i])):
        i += 1
    if i >= len(doc) or not _signature_dash(doc[i].text):
        return None
    dash = i
    i += 1
    while i < len(doc) and _inline_space(doc[i]):
        i += 1
    start = i
    while i < len(doc) and i - start < MAX_SIGNATURE_TOKENS and _name_word(doc[i]):
        i += 1
    if i == start or (i - start < 2 and doc[start].ent_type_ != "PERSON"):
        return None
    # The name ends the paragraph, or a description follows it ("― Jane Doe, 42, a nurse").
    if i < len(doc) and not (doc[i].is_space and "\n" in doc[i].text) and doc[i].text not in (".", ","):
        return None
    return doc[dash : dash + 1], doc[start:i]


def _signature_dash(text: str) -> bool:
    """A dash, or a closing mark and a dash the tokenizer left in one token ("”―")."""
    return text.lstrip(_CLOSING_MARKS) in SIGNATURE_DASHES


def _inline_space(token: Token) -> bool:
    return token.is_space and "\n" not in token.text


def _name_word(token: Token) -> bool:
    """A capitalized word or an initial ("G.", "N") of a name."""
    text = token.text
    return text[:1].isupper() and (token.is_alpha or (len(text) == 2 and text[1] == "."))
