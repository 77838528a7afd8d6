"""A reported statement that goes on after the tag interrupting it: "The documents indicate, he said in a telephone
interview, that the two worked hand in hand"; "The middle fifth paid 8.9 percent, he said, and those in the bottom
fifth paid 0.8 percent".  The parser hangs the rest on the cue; the statement is one claim in two pieces.

Limits, plainly: only what the parser hung on the cue right after the comma that closes the tag, as a complement, an
object or a coordinated clause (PolNeAR train's gold keeps 7 of 7); a prepositional phrase there is mostly the tag's
own ("..., she said, in an implicit caution to ...") and an adverbial clause or a participle the narrator's
("..., he said, adding that ...", ", while ..."), so they stay out, and so does anything the parser hung elsewhere or
any quotation (:mod:`.quotations` joins a quoted turn's pieces).  Read on PolNeAR dev and train: 6 statements change,
all 6 right.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import charge, sentence_of
from .claim import Claim, _trim_continuing

# What the parser hangs on the cue that continues the statement after the tag.
CONTINUING_DEPS = frozenset({"cc", "conj", "ccomp", "dobj", "xcomp"})
_SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})


def continued_after_tag(claim: Claim, cue: Token) -> Claim:
    """``claim`` in two pieces when its statement, before ``cue``, goes on after the tag ("A, X said, B"); else as
    it is.  The tag is the cue with its speaker and adjuncts, up to the first comma after them."""
    if claim.end > cue.i or claim.pieces or claim.cue is None:
        return claim
    doc = cue.doc
    sentence = sentence_of(cue)
    speaker_end = max((c.right_edge.i for c in cue.rights if c.dep_ in _SPEAKER_DEPS), default=cue.i)
    charge(doc, sentence.end - speaker_end)
    comma = next((t.i for t in doc[speaker_end + 1 : sentence.end] if t.text in (",", ";", ":", ".")), None)
    if any(t.is_quote for t in doc[max(claim.start - 1, 0) : claim.end + 1]):
        return claim  # a quotation's turn goes on by quotations.py's rules
    if comma is None or doc[comma].text != "," or doc[claim.end].text != ",":
        return claim
    rest = [c for c in cue.rights if c.i > comma and c.dep_ != "punct"]
    if not rest or rest[0].left_edge.i != comma + 1 or any(c.dep_ not in CONTINUING_DEPS for c in rest):
        return claim
    if all(c.dep_ == "cc" for c in rest) or any(c.tag_ in ("VBG", "VBN") for c in rest):
        return claim  # "..., he said, adding A", "suggesting A": the narrator goes on
    charge(doc, rest[-1].right_edge.i - comma)
    if any(t.is_quote for t in doc[comma : rest[-1].right_edge.i + 1]):
        return claim
    bounds = _trim_continuing(list(doc[comma + 1 : rest[-1].right_edge.i + 1]))
    if bounds is None:
        return claim
    claim.pieces = [(claim.start, claim.end), bounds]
    claim.end = bounds[1]
    return claim
