"""Filters, the last passes: a claim must say something and report that something was said; claims
in text order, one per statement span, none nested in another's statement."""

from __future__ import annotations

import bisect
import itertools

from spacy.tokens import Doc, Span

from ...lexicon.cues import SPEECH_VERBS
from ..kinds import reports_nothing
from .claim import Claim, Reading

_FUNCTION_POS = frozenset({"PART", "ADP", "DET", "CCONJ", "SCONJ", "AUX"})  # no statement on their own


def keep_statements(reading: Reading, claims: list[Claim]) -> list[Claim]:
    """Pass: drop a claim whose statement has no word of its own, or that reports that nothing was said."""
    doc = reading.doc
    return [c for c in claims if says_something(doc[c.start : c.end]) and not _reports_nothing(doc, c)]


def in_text_order(reading: Reading, claims: list[Claim]) -> list[Claim]:
    """Pass: the claims by statement start, then end."""
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def dedupe(reading: Reading, claims: list[Claim]) -> list[Claim]:
    """Pass: one claim per statement span (see :func:`_dedupe`)."""
    return _dedupe(claims)


def drop_nested(reading: Reading, claims: list[Claim]) -> list[Claim]:
    """Pass: no claim whose cue lies inside another claim's statement (see :func:`_drop_nested`)."""
    return _drop_nested(claims)


def says_something(statement: Span) -> bool:
    """A statement needs a word of its own: not only marks ("“"), a clitic ("’s") or a lone particle ("to")."""
    words = [t for t in statement if t.is_alpha or t.like_num]
    return bool(words) and not (len(words) == 1 and words[0].pos_ in _FUNCTION_POS)


def _reports_nothing(doc: Doc, claim: Claim) -> bool:
    """ "declined to comment", "did not respond to requests for comment": a report that nothing was said."""
    return claim.cue is not None and reports_nothing(list(claim.cue), list(doc[claim.start : claim.end]))


def _drop_nested(claims: list[Claim]) -> list[Claim]:
    """A claim whose cue lies inside another claim's statement ("he said both sides agreed to meet",
    "she said he says ...") is part of that statement, not a row of its own; the statement of a
    learned construction does not swallow claims, except learned ones whose statement lies inside
    it, nor does an interview's answer (the claims it reports are rows of their own: "My staff cautioned
    me not to make that speech").  Measured on PolNeAR train and dev, dropping nested claims gains more
    precision than it costs recall."""
    # A learned object construction ("rejected Pompeo's statement that ...") holds the inner claim
    # as its object, so it does not swallow it.  Linear in claims: prefix maxima of span ends.
    outer = sorted((c.start, c.end, id(c)) for c in claims if not c.learned and c.holds_claims)
    starts = [start for start, _, _ in outer]
    best: list[tuple[tuple[int, int], tuple[int, int]]] = []  # two largest (end, id) among outer[: k + 1]
    first, second = (-1, 0), (-1, 0)
    for _, end, ident in outer:
        if end > first[0]:
            first, second = (end, ident), first
        elif end > second[0]:
            second = (end, ident)
        best.append((first, second))

    def nested(claim: Claim) -> bool:
        if claim.cue is None:
            return False
        k = bisect.bisect_right(starts, claim.cue.start) - 1
        if k < 0:
            return False
        first, second = best[k]
        end = first[0] if first[1] != id(claim) else second[0]
        return end > claim.cue.start

    tag = _in_tags(claims)
    kept = [c for c in claims if id(c) in tag or not nested(c)]
    # A learned construction inside another claim's statement is a piece of that statement
    # ("ignored that a campaign is waged by the very groups they refuse to name": not also "to name").
    inside: set[int] = set()
    reach = -1  # the furthest statement end before, in (start, longest first, rules first) order
    for claim in sorted(kept, key=lambda c: (c.start, -c.end, c.learned)):
        if reach >= claim.end:
            inside.add(id(claim))
        reach = max(reach, claim.end) if claim.holds_claims else reach
    return [c for c in kept if id(c) in tag or not (c.learned and id(c) in inside)]


def _in_tags(claims: list[Claim]) -> set[int]:
    """Ids of the claims that lie, cue and statement, between two pieces of another claim: in the tag that
    interrupts a turn ("“A,” X said, referring to Y. “B.”": "referring to Y" is X's claim of its own)."""
    gaps = sorted((end, start) for c in claims for (_, end), (start, _) in itertools.pairwise(c.pieces) if end < start)
    if not gaps:
        return set()
    gap_starts = [end for end, _ in gaps]
    found: set[int] = set()
    for claim in claims:
        if claim.cue is None:
            continue
        lo, hi = min(claim.start, claim.cue.start), max(claim.end, claim.cue.end)
        k = bisect.bisect_right(gap_starts, lo) - 1
        if k >= 0 and hi <= gaps[k][1]:
            found.add(id(claim))
    return found


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per statement span: the first with a speaker, unless another credits it and the first reports no
    speech ("saw A, according to X": X's statement, of which the museum is a part; but "Y said A, according to X"
    stays Y's: X only relays it)."""
    kept: dict[tuple[int, int], Claim] = {}
    for claim in claims:
        key = (claim.start, claim.end)
        known = kept.get(key)
        if known is None or _preferred(claim, known):
            kept[key] = claim
    return sorted(kept.values(), key=lambda c: (c.start, c.end))


def _preferred(claim: Claim, known: Claim) -> bool:
    if claim.source is None:
        return False
    return known.source is None or (_credit(claim) and not (_credit(known) or _speech(known)))


def _credit(claim: Claim) -> bool:
    return claim.cue is not None and claim.cue[0].lower_ == "according"


def _speech(claim: Claim) -> bool:
    return claim.cue is not None and claim.cue.root.lemma_.lower() in SPEECH_VERBS
