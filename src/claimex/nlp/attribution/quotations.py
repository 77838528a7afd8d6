"""Direct quotations, the second pass: reported speech over quotations (direct or mixed), then each
quotation no claim holds: signed with a dash, with a cue near it (in its sentences or a sentence ending in
a colon before it), the first piece of the turn its tag reports ("“A,” X said, “B.”"), continuing the previous
quoted turn (over the claims of that turn's tag: "“A,” X said, referring to Y. “B.”"), or floating (the
conversation's current speaker, :mod:`claimex.nlp.conversation`); the pieces of one turn in a paragraph joined."""

from __future__ import annotations

import bisect
import itertools

from spacy.tokens import Doc, Span, Token

from ...cuemodel.model import statement_relations
from ...lexicon import words
from ...lexicon.cues import SPEECH_VERBS
from ..conversation import guess_speaker, narrated_subject, same_speaker
from ..cues import CueLexicon
from ..syntax import ancestors, sentence_of, subject_or_agent, subtree, title_shaped
from .claim import MIN_CONTINUATION_WORDS, MIN_CUED_QUOTE_WORDS, Claim, Reading, _cue, _CuesByPosition, _mention, _trim
from .signatures import _credit_signature, _dash_signature, paragraph_signatures

CLOSING_PUNCTUATION = frozenset({".", ",", "!", "?"})  # written inside a closing mark: 'a “pact.”'
MAX_INTRODUCTION_WORDS = 6  # "17-year-old Jared Potts echoed:"
MAX_COLON_CLAUSE_WORDS = 12  # "Clinton shot back at the end of the debate:" before a quotation
NAME_OR_PRONOUN_TAGS = frozenset({"NNP", "NN", "PRP", "VBD", "VBZ"})  # an inverted "“Why?” asked Todd" too
# Subjects that introduce no one's words: a thing, a place, a question word, or the narration's "you", the reader
# ("You can watch the video below:").
_NOT_INTRODUCERS = frozenset({"it", "this", "that", "there", "here", "what", "which", "who", "you"})
# Arcs by which a cue's clause holds its speaker (and a description of them: "said X, who noted ...") and its
# adjuncts ("said, referring to ...", "said as she called for ..."): another cue under one is part of the tag.
_TAG_ARCS = frozenset({"nsubj", "nsubjpass", "agent", "advcl", "prep", "npadvmod"})
_ADJUNCT_ARCS = frozenset({"advcl", "prep", "npadvmod"})  # "said ..., after Y stated B": a report in the tag
_CONTINUING_VERBS = words("continuing_verbs")  # "said, adding that ...": more of the speech, not the tag
# "“A,” Const. Mark Fischer said": ranks whose period the parser may take for a sentence's end.
_RANK_ABBREVIATIONS = words("title_abbreviation_tokens")
_MAX_RANK_TAIL = 4  # tokens: closing marks, a space, the rank ("” Const.")


def direct_quotations(reading: Reading, reported: list[Claim]) -> list[Claim]:
    """Pass: the reported speech claims over quotations, then a claim for each quotation no claim holds
    (a dash signature, its cue nearby, the conversation's speaker, or the turn it continues), turns joined."""
    doc, quotations, in_quote = reading.doc, reading.quotations, reading.in_quote
    claims, used_quotes = _quoted_reports(reported, doc, quotations, in_quote)
    spoken = _ClaimsByStart(claims)  # the claims with a speaker, as they come
    signed = paragraph_signatures(doc, quotations, reading.paragraphs)
    for qi, quote in enumerate(quotations):
        spoken.add_new()
        if qi in used_quotes or not reading.body[quote.start]:
            continue
        claim = _quotation_claim(doc, qi, quote, in_quote, reading.cues, reading.lexicon)
        if claim is None:
            claim = _interrupted(doc, qi, quote, spoken) or _signed_with_its_paragraph(qi, quote, signed.get(qi))
        if claim is None:
            claim = _uncued_quotation(doc, qi, quote, claims, spoken, reading.paragraphs)
        if claim is not None:
            claims.append(claim)
            used_quotes.update(claim.quotations)  # a quotation a claim holds gets no claim of its own
    claims.sort(key=lambda c: (c.start, c.end))
    joined = _join_turns(doc, claims)
    _with_closing_marks(doc, joined, quotations, in_quote)
    return joined


def _quoted_reports(
    with_content: list[Claim], doc: Doc, quotations: list[Span], in_quote: list[int]
) -> tuple[list[Claim], set[int]]:
    """The reported speech claims, direct when quotations cover their statement and mixed when
    quotations are part of it; with the quotations they hold."""
    claims: list[Claim] = []
    used_quotes: set[int] = set()
    for claim in with_content:
        said = [i for start, end in claim.pieces or [(claim.start, claim.end)] for i in range(start, end)]
        inside = {in_quote[i] for i in said if in_quote[i] >= 0}
        if inside:
            if all(in_quote[i] >= 0 or doc[i].is_punct for i in said):
                quote = quotations[min(inside)]
                if len(inside) == 1:
                    claim.start, claim.end = quote.start, quote.end
                    claim.pieces = []
                elif claim.pieces:  # "“A,” Leamer said, “b”": the quotations are its pieces, as a turn's
                    claim.pieces = [(quotations[q].start, quotations[q].end) for q in sorted(inside)]
                    claim.start, claim.end = claim.pieces[0][0], claim.pieces[-1][1]
                claim.quote_type = "direct"
            else:
                claim.quote_type = "mixed"
                claim.start = min(claim.start, *(quotations[q].start for q in inside))
                claim.end = max(claim.end, *(quotations[q].end for q in inside))
            claim.quotations = sorted(inside)
            used_quotes |= inside
        claims.append(claim)
    return claims, used_quotes


def _with_closing_marks(doc: Doc, claims: list[Claim], quotations: list[Span], in_quote: list[int]) -> None:
    """A mixed statement that ends inside a quotation it opens keeps the mark closing it, and the punctuation
    written before that mark: 'was “true.”', not 'was “true.'; 'a “pact.”', not 'a “pact'.  A last piece that is
    a whole quotation stays without its marks, as direct quotations are."""
    for claim in claims:
        end = claim.end
        if claim.quote_type != "mixed" or not 0 < end < len(doc) or in_quote[end - 1] < 0:
            continue
        last_start = claim.pieces[-1][0] if claim.pieces else claim.start
        if quotations[in_quote[end - 1]].start <= last_start:
            continue
        marks = 2 if doc[end].text in CLOSING_PUNCTUATION and end + 1 < len(doc) else 1
        closing = doc[end + marks - 1]
        if closing.is_quote and not any(t.whitespace_ for t in doc[end - 1 : end + marks - 1]):
            claim.end = end + marks
            if claim.pieces:
                claim.pieces[-1] = (claim.pieces[-1][0], claim.end)


def _quotation_claim(
    doc: Doc, qi: int, quote: Span, in_quote: list[int], cue_only: _CuesByPosition, lexicon: CueLexicon
) -> Claim | None:
    """The claim of a quotation signed with a dash ("“A.” -- X") or a credit line, or said by a cue near it;
    None: none of these."""
    words = sum(1 for t in quote if t.is_alpha)
    signature = _dash_signature(doc, quote) or _credit_signature(doc, quote)
    if signature is not None and words >= MIN_CUED_QUOTE_WORDS:
        dash, name = signature
        return Claim(quote.start, quote.end, dash, name, "direct", [qi])
    cue = _cue_near(doc, quote, cue_only, in_quote)
    if cue is None or words < MIN_CUED_QUOTE_WORDS or _title(quote):
        return None
    holding = _statement_holding(cue, quote, lexicon)
    if holding is None:
        return Claim(quote.start, quote.end, cue.cue, cue.source, "direct", [qi])
    # "called the frontrunner “ISIS’ best recruiter”": the quotation is part of what the cue reports
    start, end = holding
    inside = sorted({in_quote[i] for i in range(start, end) if in_quote[i] >= 0} | {qi})
    return Claim(start, end, cue.cue, cue.source, "mixed", inside)


def _interrupted(doc: Doc, qi: int, quote: Span, spoken: _ClaimsByStart) -> Claim | None:
    """ "“A,” X said, “B.”", "“A,” X said, referring to Y, “B.”": a quotation right before the tag of the claim that
    reports the next quotation is that turn's first piece (its cue and speaker); None when anything but the tag (the
    cue, the speaker's words and what they hold, what hangs on the cue) and marks lies between, when the quotation
    is too short, a title or inside narration (:func:`_opens_turn`), or does not end in a comma in the tag's
    sentence."""
    after = spoken.turn_of(spoken.after(quote.end))  # a claim in the tag ("referring to Y") stands for its turn
    if after is None or after.cue is None or after.source is None or after.quote_type == "indirect":
        return None
    if not quote.end <= after.cue.start < after.cue.end <= after.start:
        return None
    if sum(1 for t in quote if t.is_alpha) < MIN_CUED_QUOTE_WORDS or _title(quote) or not _opens_turn(doc, quote):
        return None
    if doc[quote.end - 1].text != "," or sentence_of(after.cue) != sentence_of(doc[quote.end - 1]):
        return None  # "“A.” He added, “B.”": a sentence of its own, not a piece the tag interrupts
    tag = {t.i for span in (after.cue, after.source) for t in span} | {t.i for t in subtree(after.source.root)}
    between = doc[quote.end : after.start]
    if "\n" in between.text or any(
        not (t.is_punct or t.is_space or t.i in tag or _hangs_on(t, after.cue.root)) for t in between
    ):
        return None
    return Claim(quote.start, quote.end, after.cue, after.source, "direct", [qi])


def _hangs_on(token: Token, cue: Token) -> bool:
    """Whether ``token`` is part of what the cue governs: its speaker's words, its adjuncts, a participle."""
    return any(head.i == cue.i for head in ancestors(token))


def _signed_with_its_paragraph(qi: int, quote: Span, signature: tuple[Span, Span] | None) -> Claim | None:
    """A quotation of a paragraph a dash signature closes, after another quotation (``signature``, see
    :func:`.signatures.paragraph_signatures`)."""
    if signature is None or sum(1 for t in quote if t.is_alpha) < MIN_CUED_QUOTE_WORDS:
        return None
    dash, name = signature
    return Claim(quote.start, quote.end, dash, name, "direct", [qi])


def _uncued_quotation(
    doc: Doc, qi: int, quote: Span, claims: list[Claim], spoken: _ClaimsByStart, paragraphs: list[Span]
) -> Claim | None:
    """A quotation with no cue: floating (the conversation's current speaker) or continuing the turn
    before it; None when it names something, is too short, or has no speaker to give it."""
    words = sum(1 for t in quote if t.is_alpha)
    if not (words >= MIN_CONTINUATION_WORDS or (words and _whole_sentence(doc, quote))) or _names(doc, quote):
        return None
    guess = guess_speaker(doc, quote, claims, paragraphs)
    # "“A,” X said, referring to Y. “B.”": B continues what X said, not the reference
    previous = spoken.turn_of(spoken.before(quote.start))
    previous = _quoted_turn_over(previous, spoken.by_cue) or previous
    if guess is not None:  # a floating quotation: the conversation's current speaker, no cue
        turn = guess.turn if isinstance(guess.turn, Claim) else None
        floating = Claim(quote.start, quote.end, None, guess.source, "direct", [qi], continues=turn)
        floating.floating, floating.distance = guess.how, guess.distance
        return floating
    if (
        previous is not None
        and _same_turn(doc, previous, quote)
        and not _narrated_by_another(doc, quote, previous, paragraphs)
    ):
        return Claim(quote.start, quote.end, previous.cue, previous.source, "direct", [qi], continues=previous)
    return None


def _narrated_by_another(doc: Doc, quote: Span, previous: Claim, paragraphs: list[Span]) -> bool:
    """The quotation closes a paragraph whose narration names someone else as its subject ("Iowa State
    University's Dianne Bystrom agreed. “...”" after Craig Robinson's claim): not Robinson's turn going on."""
    subject = narrated_subject(doc, quote, paragraphs)
    return subject is not None and not same_speaker(subject, previous.source)


def _join_turns(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """One claim per turn within a paragraph: "“A,” she said. “B.”" is one statement in two pieces.

    A quotation that continues a claim, or shares its cue, in the same paragraph
    joins that claim, over the claims in its tag (:func:`_turn_before`); a turn running into the next
    paragraph stays a new row.
    Reported speech is joined only by a quotation right after it ("X identified A as a
    reason. “B.”", then mixed): with narration between, the quotation is a row of its own.
    """
    joined: list[Claim] = []
    host: dict[int, Claim] = {}  # id of a joined claim -> the claim it joined
    said: dict[int, int] = {}  # id of a claim others joined -> characters of its pieces (see _said_length)
    quoted: dict[int, set[int]] = {}  # id of a claim others joined -> its quotations and theirs
    by_cue = _by_cue(claims)
    by_cue_start: dict[int, Claim] = {}  # where a cue starts -> the latest claim of it kept so far
    for claim in claims:
        if claim.continues is not None:
            claim.continues = host.get(id(claim.continues), claim.continues)
        shared = by_cue_start.get(claim.cue.start) if claim.cue is not None else None
        previous = _turn_before(claim, claim.continues or shared, joined, by_cue)
        if previous is not None and claim.quote_type == "direct":
            same_turn = claim.continues is previous or (
                claim.cue is not None and previous.cue is not None and claim.cue.start == previous.cue.start
            )
            between = doc[previous.end : claim.start]
            if previous.quote_type == "indirect" and not all(t.is_punct or t.is_space for t in between):
                same_turn = False  # reported speech is continued by a quotation right after it, or not at all
            if same_turn and "\n" not in between.text:
                so_far = said.get(id(previous))
                if so_far is None:
                    so_far = _said_length(doc, previous)
                claim_said = len(doc[claim.start : claim.end].text)
                if _narration(between, previous) <= so_far + claim_said:
                    if not previous.pieces:
                        previous.pieces.append((previous.start, previous.end))
                    if previous.quote_type == "indirect":
                        previous.quote_type = "mixed"  # "identified X as a reason. “The younger people are …”"
                    previous.pieces.append((claim.start, claim.end))
                    previous.end = max(previous.end, claim.end)
                    said[id(previous)] = so_far + claim_said
                    quoted.setdefault(id(previous), set(previous.quotations)).update(claim.quotations)
                    host[id(claim)] = previous
                    continue
        joined.append(claim)
        if claim.cue is not None:
            by_cue_start[claim.cue.start] = claim
    for claim in joined:  # kept apart while joining: a turn of many pieces stays linear
        if id(claim) in quoted:
            claim.quotations = sorted(quoted[id(claim)])
    return joined


def _by_cue(claims: list[Claim]) -> dict[int, Claim]:
    """The claims with a speaker by the head word of their cue (the one that starts last, for a shared cue)."""
    by_cue: dict[int, Claim] = {}
    for claim in claims:
        if claim.source is not None:
            _index_cue(by_cue, claim)
    return by_cue


def _index_cue(by_cue: dict[int, Claim], claim: Claim) -> None:
    """Enter ``claim`` under the head word of its cue unless a claim of that cue starting later is there."""
    if claim.cue is not None:
        known = by_cue.get(claim.cue.root.i)
        if known is None or known.start < claim.start:
            by_cue[claim.cue.root.i] = claim


def _turn_before(claim: Claim, turn: Claim | None, joined: list[Claim], by_cue: dict[int, Claim]) -> Claim | None:
    """The claim ``claim`` may join: the last one, or ``turn`` (the one it continues or shares its cue with) when
    the claims after that turn are all in its tag ("“A,” X said, referring to Y. “B.”": B joins A over the
    reference to Y)."""
    last = joined[-1] if joined else None
    if turn is None or turn.cue is None or last is None or turn is last:
        return last
    for other in reversed(joined):
        if other is turn:
            return turn
        governor: Claim | None = other
        while governor is not None and (governor.cue is None or governor.cue.root != turn.cue.root):
            # any claim of a cue stands for its tag, and so does another's report in an adjunct of it
            governor = _tag_governor(governor, by_cue) or _quoted_turn_over(governor, by_cue)
        if governor is None:
            return last
    return last


def _narration(between: Span, claim: Claim) -> int:
    """Characters between two pieces of a turn other than its cue and speaker ("said X" is not narration)."""
    own = {t.i for span in (claim.cue, claim.source) if span is not None for t in span}
    return sum(len(t.text_with_ws) for t in between if t.i not in own)


def _said_length(doc: Doc, previous: Claim) -> int:
    """Characters of the statement a turn holds so far; with the next piece's, what a joined turn would
    hold.  A row's offsets span its pieces, so the narration between them may be no longer than what
    was said: after "“A,” said X, an associate professor at … and the editor of …", the next quotation
    is a row of its own (the same turn)."""
    pieces = previous.pieces or [(previous.start, previous.end)]
    return sum(len(doc[start:end].text) for start, end in pieces)


def _title(quote: Span) -> bool:
    """A short quotation in title case names something ("told “The Steve Harvey Morning Show”", "author of “Empire
    of the Fund”"): :func:`~claimex.nlp.syntax.title_shaped`."""
    return title_shaped(quote)


def _names(doc: Doc, quote: Span) -> bool:
    """A quotation that names something rather than says it: a title ("in “Once Upon A Time in Hollywood”"),
    or the object of a preposition or a determiner ("starred in “the wolf of wall street”")."""
    if _title(quote):
        return True
    i = quote.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    return i >= 0 and doc[i].pos_ in ("ADP", "DET") and sentence_of(doc[i]).start == sentence_of(quote).start


def _statement_holding(cue: Claim, quote: Span, lexicon: CueLexicon) -> tuple[int, int] | None:
    """(start, end) of the cue's complement or object when it holds the quotation and words of its own,
    else None (the quotation is the whole statement, or outside the cue's phrase)."""
    token = _cue(cue)[0]
    words = [t.i for t in quote if not (t.is_punct or t.is_space)]
    if not words:
        return None
    for relation, statement in statement_relations(token):
        ids = {t.i for t in statement}
        if words[0] in ids and words[-1] in ids:
            bounds = _trim(lexicon.extend(token, relation, statement))
            if bounds is None or bounds[0] <= token.i < bounds[1]:
                return None  # "what former employees called a “scheme”": a statement never spans its cue
            start, end = bounds
            return (start, end) if start < quote.start - 1 or end > quote.end + 1 else None
    return None


def _cue_near(doc: Doc, quote: Span, cues: _CuesByPosition, in_quote: list[int]) -> Claim | None:
    """The speaker-bearing cue in the quotation's sentences, or in a sentence ending with a colon before it."""
    first = sentence_of(doc[quote.start])
    last = sentence_of(doc[quote.end - 1])
    lo, hi = first.start, last.end
    # The closing mark and "she said" may fall into the next sentence segment, and so may the speaker after a rank
    # the parser took for a sentence's end ("“A,” Const. Mark Fischer told Global News": a break after "Const.").
    if hi < len(doc) and quote.end < len(doc) and (doc[hi - 1].i <= quote.end or _rank_ends(doc[quote.end : hi])):
        hi = sentence_of(doc[min(hi, len(doc) - 1)]).end
    candidates = [c for c in cues.between(lo, hi) if in_quote[_cue(c).start] < 0]
    if not candidates and lo > 0:
        previous = sentence_of(doc[lo - 1])
        if _ends_with_colon(previous):
            candidates = cues.between(previous.start, previous.end)
            introduction = None if candidates else _introduction(previous)
            candidates = candidates or ([introduction] if introduction is not None else [])
    if not candidates:
        introducer = _introducing_verb(doc, quote) or _trailing_verb(doc, quote)
        candidates = [introducer] if introducer is not None else []
    if not candidates:
        return None
    return min(candidates, key=lambda c: min(abs(_cue(c).start - quote.start), abs(_cue(c).start - quote.end)))


def _rank_ends(tail: Span) -> bool:
    """The words after a quotation up to its sentence's end are marks and an abbreviated rank ("” Const.")."""
    # A few tokens at most: the tail may be the rest of a giant sentence (a run of unclosed quotation marks).
    if not 0 < len(tail) <= _MAX_RANK_TAIL or tail[-1].lower_ not in _RANK_ABBREVIATIONS:
        return False
    return all(t.is_punct or t.is_space for t in tail[:-1])


def _introduction(sentence: Span) -> Claim | None:
    """ "Cruz continued:", "17-year-old Jared Potts echoed:": a short sentence of a subject and its verb that
    ends in a colon introduces what follows as the subject's words, whatever the verb (a cue without statement)."""
    if not _ends_with_colon(sentence) or sentence.root.pos_ != "VERB":
        return None
    words = (t for t in sentence if not (t.is_punct or t.is_space))
    if sum(1 for _ in itertools.islice(words, MAX_INTRODUCTION_WORDS + 1)) > MAX_INTRODUCTION_WORDS:
        return None
    return _introduced_by(sentence.root)


def _ends_with_colon(span: Span) -> bool:
    """``span.text.rstrip().endswith(":")``, read from the end (a quotation after a long sentence asks it
    again and again)."""
    last = next((t for t in reversed(span) if t.text.strip()), None)
    return last is not None and last.text.rstrip().endswith(":")


def _introducing_verb(doc: Doc, quote: Span) -> Claim | None:
    """ "Issa continued, “Yes. ...”", "Sanders shot back, “...”": a finite verb with its subject before it, right
    before the quotation's comma or colon (or before its particle or adverb there), introduces the quotation whatever
    the verb (a cue without statement)."""
    i = quote.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if i < 2 or doc[i].text not in (",", ":"):
        return None
    verb = doc[i - 1]
    if verb.dep_ in ("prt", "advmod") and verb.head.i == i - 2:
        verb = verb.head  # "Sanders shot back, “...”", "Kelly responded quickly: “...”"
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        # a finite verb: a participle's subject is the parser's guess ("..., while chanting, “...”"); before a
        # colon, the one verb of a short clause opening the sentence ("Clinton shot back at the end of it: “...”")
        clause_verb = _colon_clause_verb(doc, i) if doc[i].text == ":" else None
        if clause_verb is None:
            return _colon_label(doc, i) if doc[i].text == ":" else None
        verb = clause_verb
    subject = subject_or_agent(verb)
    return _introduced_by(verb) if subject is not None and subject.i < verb.i else None


def _colon_clause_verb(doc: Doc, colon: int) -> Token | None:
    """The verb of the clause a colon closes before a quotation, when the clause opens its sentence, is short
    (:data:`MAX_COLON_CLAUSE_WORDS`) and has one finite verb with a subject of its own before it ("Trump boomed at
    the rally: “...”"; not "He said the plan failed and she laughed: “...”")."""
    start = _sentence_start_within(doc, colon, MAX_COLON_CLAUSE_WORDS)
    if start is None:
        return None
    clause = doc[start:colon]
    if sum(t.is_alpha for t in clause) > MAX_COLON_CLAUSE_WORDS:
        return None
    verbs = [t for t in clause if t.tag_ in ("VBD", "VBZ", "VBP")]
    if len(verbs) != 1 or verbs[0].pos_ != "VERB":
        return None
    subject = next((c for c in verbs[0].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return verbs[0] if subject is not None and start <= subject.i < verbs[0].i else None


def _sentence_start_within(doc: Doc, at: int, limit: int) -> int | None:
    """Where the sentence holding token ``at`` starts, when that is at most ``limit`` tokens before it, else None
    (a long sentence is not scanned back for every quotation after a colon)."""
    start = at
    while start > 0 and not doc[start].is_sent_start and at - start <= limit:
        start -= 1
    return start if start == 0 or doc[start].is_sent_start else None


def _colon_label(doc: Doc, colon: int) -> Claim | None:
    """A name, with the words describing it, that opens its sentence and a colon closes before a quotation labels
    the quotation as its words ("Independent pollster Daron Shaw: “...”", "– Carl Bialik: “...”"); no verb
    among them, at most :data:`MAX_INTRODUCTION_WORDS` words, the name a PERSON right before the colon whose
    noun phrase the words are."""
    last = doc[colon - 1]
    if last.ent_type_ != "PERSON" or doc[colon].ent_iob_ == "I":
        return None
    first = colon - 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    entity = doc[first:colon]
    start = _sentence_start_within(doc, first, MAX_INTRODUCTION_WORDS)
    if start is None:
        return None  # more words before the name than a label holds
    label = doc[start:colon]
    if sum(t.is_alpha for t in label) > MAX_INTRODUCTION_WORDS or any(t.pos_ in ("VERB", "AUX") for t in label):
        return None
    words = {t.i for t in subtree(entity.root)}
    if any(t.is_alpha and t.i not in words for t in label):
        return None  # the name is not what the label names: "Supporters of Hillary Clinton: “...”"
    if _speech_verb_form(label[0].lower_):
        return None  # "Stated Stone:", "Continued Stone:": an inverted tag the recognizer took into the name
    return Claim(colon, colon, doc[colon : colon + 1], _mention(entity.root), "indirect")


def _speech_verb_form(word: str) -> bool:
    """Whether a lower-case word is a verb of saying, bare or inflected ("stated", "says", "added")."""
    return any(form in SPEECH_VERBS for form in (word, word[:-1], word[:-2]))


def _trailing_verb(doc: Doc, quote: Span) -> Claim | None:
    """ "“A,” she continued.", "“A!” Oliver barked.", "“A,” recalled Mr. Rhodes.": a finite verb right after the
    mark that closes a quotation ending in a comma, question or exclamation mark, its subject right before it
    (opening right after the mark) or right after it, tags the quotation whatever the verb (a cue without
    statement).  None when the words after the mark are not such a subject and verb, or open the next paragraph,
    when the verb has a complement of its own, or when the quotation does not open a turn (:func:`_opens_turn`)."""
    if quote.end >= len(doc) or doc[quote.end - 1].text not in (",", "?", "!") or not _opens_turn(doc, quote):
        return None
    after = quote.end
    while after < len(doc) and (doc[after].is_quote or doc[after].is_space):
        if "\n" in doc[after].text:
            return None  # the next paragraph's narration
        after += 1
    if after == quote.end or after >= len(doc) or doc[after].is_punct:
        return None  # no closing mark: a scare quote ends here, not a turn
    if doc[quote.end - 1].text != "," and doc[after].is_title and doc[after].tag_ not in NAME_OR_PRONOUN_TAGS:
        # "“... this wall!” Conservatives still praise ...": a question or exclamation may end the sentence; a name
        # or a pronoun after it is the speaker's ("“Why?” Hannity pressed": the parser may tag it NN)
        return None
    verb = next((t for t in doc[after : after + MAX_INTRODUCTION_WORDS] if t.tag_ in ("VBD", "VBZ", "VBP")), None)
    if verb is None or verb.pos_ != "VERB":
        return None  # "“A,” an idea that was ...": a copula or an auxiliary tags nothing
    subject = subject_or_agent(verb) or _inverted_object(verb, after)
    if subject is None or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # "“This Week,” Rubio said that ...": the verb's own complement is its statement
    before = subject.i < verb.i and subject.left_edge.i == after
    inverted = verb.i == after and subject.left_edge.i == verb.i + 1
    return _introduced_by(verb, subject) if before or inverted else None


def _inverted_object(verb: Token, after: int) -> Token | None:
    """ "“A,” added another attendee.": the parser may take the speaker after an inverted verb of saying for its
    object; a noun right after the verb, ending the sentence, is the speaker (not "“A,” added weight to ...")."""
    if verb.i != after or not _speech_verb_form(verb.lower_):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    end = obj.right_edge.i + 1
    return obj if end >= len(verb.doc) or verb.doc[end].is_punct else None


def _opens_turn(doc: Doc, quote: Span) -> bool:
    """The quotation opens its sentence, or follows a colon or a dash ("the plan was unserious - “A,” she said"),
    rather than words of the narration ("On ABC's “This Week,” Rubio said", "a self-described “geeky kid,”")."""
    i = quote.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    return i < sentence_of(quote).start or doc[i].text in (":", "—", "–", "-", "--")


def _introduced_by(verb: Token, subject: Token | None = None) -> Claim | None:
    """The verb of an introduction as a cue without statement, its subject (or ``subject``) in its sentence the
    speaker; None for an empty subject ("Wait, it gets better:", "Here is how:")."""
    subject = subject or subject_or_agent(verb)
    if subject is None or subject.lower_ in _NOT_INTRODUCERS or sentence_of(subject) != sentence_of(verb):
        return None
    return Claim(verb.i, verb.i, verb.doc[verb.i : verb.i + 1], _mention(subject), "indirect")


def _whole_sentence(doc: Doc, quote: Span) -> bool:
    """The quotation is a sentence of its own (“I would, Donald.”), not a scare quote inside narration."""
    before = doc[sentence_of(quote).start : quote.start]
    after = doc[quote.end : sentence_of(quote).end]
    return all(t.is_punct or t.is_space for t in before) and all(t.is_punct or t.is_space for t in after)


class _ClaimsByStart:
    """The claims with a speaker among a growing list, by start: the nearest one before a quotation
    (the first found of those that start last)."""

    def __init__(self, claims: list[Claim]):
        self.claims = claims
        self.seen = 0
        self.keys: list[tuple[int, int]] = []  # (start, position in claims), sorted
        self.by_cue: dict[int, Claim] = {}  # the head word of a cue -> the claim of it that starts last

    def add_new(self) -> None:
        """Take in the claims appended since the last call."""
        for position in range(self.seen, len(self.claims)):
            claim = self.claims[position]
            if claim.source is not None:
                bisect.insort(self.keys, (claim.start, position))
                _index_cue(self.by_cue, claim)
        self.seen = len(self.claims)

    def turn_of(self, claim: Claim | None) -> Claim | None:
        """The turn whose tag holds ``claim`` (climbing :func:`_tag_governor`), else ``claim`` itself."""
        while claim is not None and (governor := _tag_governor(claim, self.by_cue)) is not None:
            claim = governor
        return claim

    def after(self, start: int) -> Claim | None:
        """The first claim that starts at ``start`` or later."""
        k = bisect.bisect_left(self.keys, (start, -1))
        return self.claims[self.keys[k][1]] if k < len(self.keys) else None

    def before(self, start: int) -> Claim | None:
        k = bisect.bisect_left(self.keys, (start, -1))
        if k == 0:
            return None
        last_start = self.keys[k - 1][0]
        return self.claims[self.keys[bisect.bisect_left(self.keys, (last_start, -1))][1]]


def _tag_governor(claim: Claim, by_cue: dict[int, Claim]) -> Claim | None:
    """The claim whose cue governs the cue of ``claim`` through the tag's arcs (:data:`_TAG_ARCS`): the
    nearest cue above it in the parse, when the arc right under that cue is one of them ("said, referring to
    ...", "said X, who noted ..."), said by the same speaker (:func:`_same_speaker`); None for a cue in another's
    statement or object, with a speaker of its own, with no cue above it, or that reports more of the speech
    ("said, adding that ...": :data:`_CONTINUING_VERBS`)."""
    if claim.cue is None or claim.cue.root.lemma_.lower() in _CONTINUING_VERBS:
        return None
    child = claim.cue.root
    for head in ancestors(child):
        governor = by_cue.get(head.i)
        if governor is not None and governor is not claim:
            quoted = governor.quote_type != "indirect"  # the tag of a quotation, not a participle's report
            return governor if quoted and child.dep_ in _TAG_ARCS and _same_speaker(claim, governor) else None
        child = head
    return None


def _quoted_turn_over(claim: Claim | None, by_cue: dict[int, Claim]) -> Claim | None:
    """The quoted turn whose cue holds the cue of ``claim`` in an adverbial clause or phrase with another speaker of
    its own ("“A,” X told the Journal, after Y stated B. “C.”": a quotation after it goes on with X's turn, not Y's
    report); None when there is none (:func:`_tag_governor` takes the adjuncts of the turn's own speaker), and for
    "according to Y", which relays the whole turn."""
    if claim is None or claim.cue is None or claim.cue[0].lower_ == "according":
        return None
    child = claim.cue.root
    for head in ancestors(child):
        governor = by_cue.get(head.i)
        if governor is not None and governor is not claim:
            adjunct = child.dep_ in _ADJUNCT_ARCS and not _same_speaker(claim, governor)
            return governor if adjunct and governor.quote_type != "indirect" else None
        child = head
    return None


def _same_speaker(adjunct: Claim, governor: Claim) -> bool:
    """The adjunct's speaker is the governing cue's, as written: the same word ("said, referring to": the
    participle's subject is the verb's), or a personal pronoun ("said as she called for"); not another
    subject of its own ("asked when Trump shot back")."""
    if adjunct.source is None or governor.source is None:
        return False
    word, other = adjunct.source.root, governor.source.root
    return word.i == other.i or word.lower_ == other.lower_ or word.tag_ == "PRP"


def _same_turn(doc: Doc, previous: Claim, quote: Span) -> bool:
    """The uncued quotation follows the previous claim directly: same paragraph, or the next one."""
    between = doc[previous.end : quote.start].text
    return between.count("\n") <= 2 and len(between) < 400
