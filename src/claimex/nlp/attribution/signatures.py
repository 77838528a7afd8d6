"""Signatures: a quotation signed with a dash and a name ("“...” ― Sonya Herridge"), or with a credit line
inside its marks ("\"... I never begrudged it.¶Bill Clinton.\""), used by the quotation pass."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..cleaning import SIGNATURE_DASHES

_CLOSING_MARKS = "\"'”’»"  # may precede a signature dash in one token
MAX_SIGNATURE_TOKENS = 5  # "― Edwin G. Monroy"
MAX_CREDIT_WORDS = 8  # "Dean Baker, Center for Economic and Policy Research."


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


def paragraph_signatures(doc: Doc, quotations: list[Span], paragraphs: list[Span]) -> dict[int, tuple[Span, Span]]:
    """Quotation index -> (dash, name) of the dash signature closing its paragraph after the paragraph's last
    quotation, which signs every quotation of the paragraph ("“A ...” And that's all he has “B.” ― Christina Lastra"
    signs A too), for the quotations before that last one.  One pass over both lists, in text order."""
    signed: dict[int, tuple[Span, Span]] = {}
    k = 0
    for paragraph in paragraphs:
        inside = []
        while k < len(quotations) and quotations[k].start < paragraph.end:
            if quotations[k].start >= paragraph.start and quotations[k].end <= paragraph.end:
                inside.append(k)
            k += 1
        if len(inside) < 2:
            continue
        last = quotations[inside[-1]]
        signature = _dash_signature(doc, last)
        if signature is not None:
            signed.update((qi, signature) for qi in inside[:-1] if quotations[qi].end <= last.start)
    return signed


def _signature_dash(text: str) -> bool:
    """A dash, or a closing mark and a dash the tokenizer left in one token ("”―")."""
    return text.lstrip(_CLOSING_MARKS) in SIGNATURE_DASHES


def _inline_space(token: Token) -> bool:
    return token.is_space and "\n" not in token.text


def _name_word(token: Token) -> bool:
    """A capitalized word or an initial ("G.", "N") of a name."""
    text = token.text
    return text[:1].isupper() and (token.is_alpha or (len(text) == 2 and text[1] == "."))


def is_credit_line(line: Span) -> bool:
    """A line naming who said the quotation above it ("Bill Clinton.", "Amy Pope, deputy homeland security
    advisor."): a few words opening with a capital, no verb, no sentence inside.  Only asked of the last line
    of a quotation that runs on without reopening marks, where a credit is set inside the closing mark."""
    words = [t for t in line if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_CREDIT_WORDS or not words[0].text[:1].isupper():
        return False
    if any(t.text in ("?", "!", ";", ":") for t in line) or any(t.is_sent_start for t in words[1:]):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in words)


def _credit_signature(doc: Doc, quote: Span) -> tuple[Span, Span] | None:
    """(closing mark, name) when the line after the quotation's paragraph is a credit naming a person and ends
    with the closing mark: "\"... I never begrudged it.¶Bill Clinton.\"" (the quotation ends before the credit)."""
    i = quote.end
    while i < len(doc) and (doc[i].is_punct and not doc[i].is_quote or _inline_space(doc[i])):
        i += 1
    if i >= len(doc) or not (doc[i].is_space and doc[i].text.count("\n") == 1):
        return None
    start = i + 1
    end = start
    while end < len(doc) and not doc[end].is_space and not doc[end].is_quote:
        end += 1
    if end >= len(doc) or not doc[end].is_quote or (end + 1 < len(doc) and "\n" not in doc[end + 1].text):
        return None
    line = doc[start:end]
    if not is_credit_line(line):
        return None
    person = next((e for e in line.ents if e.label_ == "PERSON"), None) or _leading_name(line)
    return (doc[end : end + 1], person) if person is not None else None


def _leading_name(line: Span) -> Span | None:
    """A name the recognizer missed opening a credit: two or more proper nouns up to a comma or the end
    ("Ana Ruiz, Center for Budget Research.")."""
    k = 0
    while k < len(line) and line[k].pos_ == "PROPN" and _name_word(line[k]):
        k += 1
    if k < 2 or (k < len(line) and line[k].text not in (",", ".")):
        return None
    return line[:k]
