"""Who said what: rules on spaCy's dependency parse that find attributed statements.

Pure functions from an annotated ``Doc`` to :class:`Claim` objects; the
``claimex_attribution`` component stores them on the Doc.  What is found:

* reported speech hanging off a reporting verb: the clausal complement of
  "X said (that) ...", "... , X said", "X told reporters ...", "X cited Y as
  saying ..." (the speaker is Y), "This was stated by X" (the statement is the
  sentence before), nouns such as "X's statement that ...";
* "according to X, ..." and "..., according to X": the rest of the clause;
* direct quotations with a cue in the same sentence, or introduced by a
  sentence ending in a colon ("Cruz continued:", whatever the verb); a
  quotation with no cue that continues the previous claim's paragraph (or the
  next one) is the same speaker's turn; a paragraph such a sentence introduces
  without quotation marks is quoted as a block ("Fox News reports:");
* transcript turns ("PENCE: Well, look, ...") and quotations signed with a dash
  and a name ("“...” ― Sonya Herridge"); in the article's title, "Pence: ..."
  and "...: Spokesperson";
* mixed quotes: reported speech that contains a quoted fragment, or is
  continued by a quotation right after it;
* constructions learned from annotated news (:mod:`claimex.cuemodel.model`) when the
  lexicon's rules find nothing: "X called for Y", "X praised Y for Z",
  "X's attack on Y", each fired when the cue model's probability clears a threshold.

A quotation interrupted by its attribution ("“A,” she said. “B.”") is one claim
in pieces, unless the narration between the pieces is longer than they are (a
row's offsets span its pieces): then each piece is a row of the same turn; a claim whose cue lies inside another claim's statement is part of
that statement, not a row of its own.

Limits, plainly: a claim needs a parse the rules can read, so a misparsed
sentence loses its claim or its boundaries; statements whose cue is far from
them (two sentences away) are missed, and so are headline-style "Poll: ..."
statements outside the title (other headlines never hold claims) and most noun cues without a
possessor; reported speech ends at a semicolon, and elsewhere where a
statement ends is learned (:mod:`claimex.cuemodel.model`'s extent classifier), so a
clause is kept or left out as annotators mostly did, not as this sentence
needs; a verb coordinated inside the statement is told from the
narrator's next report only by its tense ("said he would order A and warned
B") or by being a report itself; a short quotation with no cue (a scare
quote, a title) is never a claim, by design.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...cuemodel.model import CUE_POS, speaker_of, statement_relations
from ...lexicon.titles import TITLE_WORDS
from ..cleaning import BODY, SIGNATURE_DASHES, TITLE
from ..conversation import guess_speaker
from ..cues import CueLexicon
from ..keys import PARAGRAPHS
from ..kinds import reports_nothing
from ..syntax import (
    ParseIndex,
    WorkLimitReached,
    ancestors,
    charge,
    climb,
    finite_tag,
    sentence_of,
    subject_or_agent,
    subtree,
    subtree_ids,
)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "parataxis")
# Verbs whose infinitive complement is the statement ("urged Congress to act").
DIRECTIVE_VERBS = frozenset({"urge", "ask", "call", "promise", "vow", "pledge", "threaten", "warn", "demand", "advise"})
# A closing clause with these, or "even as", that reports something else is the narrator's contrast.
CONTRASTIVE_MARKS = frozenset({"while", "though", "although", "whereas"})
ANAPHORIC_SUBJECTS = frozenset({"this", "that", "it", "these", "those", "which"})
MAX_ADVERBIAL_GAP = 6  # "said after the convention he ...": words between the cue and its misparsed clause
MIN_CONTINUATION_WORDS = 4  # an uncued quotation shorter than this is a scare quote or a title
MIN_CUED_QUOTE_WORDS = 2
MAX_TITLE_WORDS = 8  # a title-case quotation this short is a name or a title, not speech
# Pronouns that stand for what was said, not for someone the stance is about ("endorsed him").
_CONTENT_PRONOUNS = frozenset({"it", "this", "that", "so", "nothing", "something", "anything", "everything"})
_ASKED = frozenset({"question", "query", "inquiry", "request"})  # what a speaker was asked, not said
_FUNCTION_POS = frozenset({"PART", "ADP", "DET", "CCONJ", "SCONJ", "AUX"})  # no statement on their own
MAX_LABEL_TOKENS = 4  # "PENCE:", "MR. TRUMP:", "Hillary Clinton:"
MAX_INTRODUCTION_WORDS = 6  # "17-year-old Jared Potts echoed:"
_NOT_INTRODUCERS = frozenset({"it", "this", "that", "there", "here", "what", "which", "who"})
_CLOSING_MARKS = "\"'”’»"  # may precede a signature dash in one token
MAX_SIGNATURE_TOKENS = 5  # "― Edwin G. Monroy"
MAX_DATELINE_TOKENS = 14  # "LOS ANGELES, Sept. 28 (UPI) —"
# What reading one sentence's cues may cost, in tokens handed out by subtree walks (ParseIndex.work):
# this many per token of the sentence, plus a fixed allowance.  PolNeAR train needs at most 22 per token
# (9 beyond the allowance; 31.5k sentences); a crafted sentence whose cues each walk most of it ("according to" 3,000 times,
# "A said B said C said ...") would need thousands: past the budget, the cue being read and the rest
# of the sentence's cues are left, so the time a text takes stays linear in its length.
WORK_PER_SENTENCE_TOKEN = 50
WORK_PER_SENTENCE = 1000
# Paragraph labels that are not speakers ("UPDATE: ...", "Photo: ...").
NOT_SPEAKER_LABELS = frozenset(
    """update updated note editor editors photo photos video watch related read see also more source sources credit
    correction caption transcript warning breaking exclusive listen advertisement image images file q a""".split()
)


@dataclass
class Claim:
    start: int  # token offsets of the statement in the Doc
    end: int
    cue: Span | None
    source: Span | None  # the speaker's mention
    quote_type: str  # direct, indirect or mixed
    quotations: list[int] = field(default_factory=list)  # indices into the quotation list it contains
    continues: Claim | None = None  # for an uncued quotation: the claim whose turn it continues
    pieces: list[tuple[int, int]] = field(default_factory=list)  # token spans of a statement in pieces, if interrupted
    learned: bool = False  # found by a learned construction rather than the built-in lexicon
    probability: float = -1.0  # the cue model's probability of a learned construction
    floating: str = ""  # how a floating quotation's speaker was guessed (see claimex.nlp.conversation)
    distance: int = 0  # paragraphs from that speaker's last claim or introduction


def find_claims(doc: Doc, lexicon: CueLexicon, quotations: list[Span], paragraphs: list[Span]) -> list[Claim]:
    """All claims in ``doc``, in text order.

    ``quotations`` are the inner spans of the direct quotations (without marks);
    ``paragraphs`` are the paragraphs that can hold claims (body paragraphs, see :mod:`claimex.nlp.cleaning`).
    """
    body = [False] * len(doc)
    for paragraph in paragraphs:
        body[paragraph.start : paragraph.end] = [True] * len(paragraph)
    in_quote = [-1] * len(doc)
    for qi, quote in enumerate(quotations):
        for i in range(quote.start, quote.end):
            in_quote[i] = qi
    reported = []
    for sentence in _sentences(doc):
        reported += _reported_claims(sentence, lexicon, body, in_quote)
    claims = _merge_quotations(doc, reported, quotations, in_quote, lexicon, body, paragraphs)
    claims += _labelled_turns(paragraphs, lexicon)
    claims += _block_quotations(doc, paragraphs, reported)
    claims = [c for c in claims if _says_something(doc[c.start : c.end]) and not _reports_nothing(doc, c)]
    claims.sort(key=lambda c: (c.start, c.end))
    return _drop_nested(_dedupe(claims))


def _reported_claims(sentence: Span, lexicon: CueLexicon, body: list[bool], in_quote: list[int]) -> list[Claim]:
    """The claims of the sentence's cues, in text order, read within the sentence's budget of work
    (:data:`WORK_PER_SENTENCE_TOKEN`): past it, a crafted sentence's remaining cues are not read."""
    index = ParseIndex.of(sentence.doc)
    index.limit = index.work + WORK_PER_SENTENCE + WORK_PER_SENTENCE_TOKEN * len(sentence)
    claims = []
    try:
        for token in sentence:
            if not body[token.i] or in_quote[token.i] >= 0:
                continue
            claim = _reported_claim(token, lexicon, in_quote)
            if claim is not None:  # a cue with a speaker but no statement may still introduce a quotation
                claims.append(claim)
    except WorkLimitReached:
        pass
    finally:
        index.limit = None
    return claims


def _sentences(doc: Doc) -> Iterable[Span]:
    """The parser's sentences, or the whole Doc as one when it has none (a Doc built by hand)."""
    return doc.sents if doc.has_annotation("SENT_START") else [doc[:]]


def _says_something(statement: Span) -> bool:
    """A statement needs a word of its own: not only marks ("“"), a clitic ("’s") or a lone particle ("to")."""
    words = [t for t in statement if t.is_alpha or t.like_num]
    return bool(words) and not (len(words) == 1 and words[0].pos_ in _FUNCTION_POS)


def _reports_nothing(doc: Doc, claim: Claim) -> bool:
    """ "declined to comment", "did not respond to requests for comment": a report that nothing was said."""
    return claim.cue is not None and reports_nothing(list(claim.cue), list(doc[claim.start : claim.end]))


def _contentless(statement: list[Token]) -> bool:
    """ "said nothing", "denied it", "did not say that": a pronoun standing for the content reports nothing
    a reader can use (what it stands for is a row of its own, or was never said); nor does "a question"."""
    words = [t for t in statement if not (t.is_punct or t.is_space)]
    if len(words) == 1 and words[0].lower_ in _CONTENT_PRONOUNS:
        return True
    # "replying to a question": what the speaker was asked, nothing the speaker said
    rest = [t for t in words if t.pos_ != "DET"]
    return len(rest) == 1 and rest[0].lemma_.lower() in _ASKED


def _drop_nested(claims: list[Claim]) -> list[Claim]:
    """A claim whose cue lies inside another claim's statement ("he said both sides agreed to meet",
    "she said he says ...") is part of that statement, not a row of its own; the statement of a
    learned construction does not swallow claims, except learned ones whose statement lies inside
    it.  Measured on PolNeAR train and dev, dropping nested claims gains more precision than it
    costs recall."""
    # A learned object construction ("rejected Pompeo's statement that ...") holds the inner claim
    # as its object, so it does not swallow it.  Linear in claims: prefix maxima of span ends.
    outer = sorted((c.start, c.end, id(c)) for c in claims if not c.learned)
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

    kept = [c for c in claims if not nested(c)]
    # A learned construction inside another claim's statement is a piece of that statement
    # ("ignored that a campaign is waged by the very groups they refuse to name": not also "to name").
    inside: set[int] = set()
    reach = -1  # the furthest statement end before, in (start, longest first, rules first) order
    for claim in sorted(kept, key=lambda c: (c.start, -c.end, c.learned)):
        if reach >= claim.end:
            inside.add(id(claim))
        reach = max(reach, claim.end)
    return [c for c in kept if not (c.learned and id(c) in inside)]


# --- reported speech -------------------------------------------------------


def _reported_claim(token: Token, lexicon: CueLexicon, in_quote: list[int]) -> Claim | None:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according_to(token)
    claim = None
    if token.pos_ in ("VERB", "AUX") and lexicon.is_verb_cue(token.lemma_):
        claim = _verb_claim(token, lexicon, in_quote)
    elif token.pos_ == "NOUN" and lexicon.is_noun_cue(token.lemma_):
        claim = _noun_claim(token, lexicon)
    if claim is None or claim.end == claim.start:
        claim = _learned_claim(token, lexicon) or claim
    return claim


def _learned_claim(token: Token, lexicon: CueLexicon) -> Claim | None:
    """A construction the cue model accepts: "X called for Y", "X praised Y", "X reckons that Y"."""
    if lexicon.model is None or token.pos_ not in CUE_POS:
        return None
    narrated = _narrated_speaker(token, lexicon) if token.pos_ in ("VERB", "AUX") else None
    speaker = _past_dateline(narrated or speaker_of(token))
    if speaker is None:
        return None
    statements = [
        (relation, lexicon.extend(token, relation, statement)) for relation, statement in statement_relations(token)
    ]
    accepted = [
        (probability, statement)
        for relation, statement in statements
        if not _contentless(statement)
        and (probability := lexicon.learned(token, relation, statement, speaker)) >= lexicon.threshold
    ]
    if not accepted:
        return None
    probability, best = max(accepted, key=lambda pair: pair[0])
    # "described X as Y": the object's statement holds the "as" phrase; take the one that holds the others.
    ids = {t.i for t in best}
    best = max((s for _, s in accepted if ids <= {t.i for t in s}), key=len)
    # "expressed doubt that X", "voiced confidence that X": the noun names the stance, X is the statement.
    # Not "rejected Pompeo's statement that X": X is Pompeo's, the whole object is what was rejected.
    obj = next((t for t in best if t.dep_ == "dobj" and t.head == token), None)
    if obj is not None and not any(c.dep_ == "poss" for c in obj.children):
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp") and _has_that(c)), None)
        best = subtree(clause) if clause is not None else best
    statement = _cut_at_cue_conjunct(token, best, lexicon)
    if statement and statement[0].i < token.i < statement[-1].i:
        # "what employees called a “scheme”": the words before the cue are the speaker's own clause
        statement = [t for t in statement if t.i > token.i]
    bounds = _trim(statement)
    if bounds is None:
        return None
    start, end = bounds
    cue = token.doc[token.i : token.i + 1]
    return Claim(start, end, cue, _mention(speaker), "indirect", learned=True, probability=probability)


def _according_to(token: Token) -> Claim | None:
    to = token.nbor()
    source = _according_source(token, to)
    if source is None:
        return None
    head = token.head if token.head != token else None
    if head is not None:
        clause = _clause_root(head)
        while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
            # "A rose 2%, B fell 1% and C held, according to X": the source vouches for every conjunct.
            clause = _clause_root(clause.head)
        skip = set(subtree_ids(token)) | {to.i}
        tokens = [t for t in subtree(clause) if t.i not in skip]
    else:
        # "According to X, the move reeks ...": the parser made "According" the root and hung the
        # statement somewhere under X; the statement is what follows the comma that closes X.
        doc = token.doc
        sentence = sentence_of(token)
        charge(doc, len(sentence))  # the scans of the sentence below
        comma = next((t for t in doc[source.end : sentence.end] if t.text == ","), None)
        opens = all(t.is_punct or t.is_space for t in doc[sentence.start : token.i])
        tokens = list(doc[comma.i + 1 : sentence.end]) if comma is not None and opens else []
        if sum(1 for t in tokens if t.is_alpha) < MIN_CUED_QUOTE_WORDS:
            return None  # "According to MSNBC, basically."
    bounds = _trim(tokens)
    if bounds is None:
        return None
    start, end = bounds
    cue = token.doc[token.i : to.i + 1]
    return Claim(start, end, cue, source, "indirect")


def _according_source(token: Token, to: Token) -> Span | None:
    """X in "according to X": the object of "to" (or of "according"), or a clause the parser read
    in its place ("according to show insiders", with "show" as a verb)."""
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
    if objects:
        return _mention(objects[0])
    clause = next((c for c in to.children if c.dep_ == "pcomp"), None)
    if clause is None:
        return None
    return token.doc[clause.left_edge.i : clause.right_edge.i + 1]


def _verb_claim(verb: Token, lexicon: CueLexicon, in_quote: list[int]) -> Claim | None:
    source_head = _relayed_speaker(verb, lexicon) or _narrated_speaker(verb, lexicon) or subject_or_agent(verb)
    source_head = _past_dateline(source_head)
    content = _complement(verb)
    if content is None and verb.lemma_ in DIRECTIVE_VERBS:
        content = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if content is None and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        # "Terrorism is a public enemy, he said."
        return _parenthetical(verb, source_head, lexicon)
    if content is None:
        if source_head is not None and _is_anaphoric_passive(verb):
            return _previous_sentence_claim(verb, source_head)
        # A cue with a speaker but no statement of its own: a quotation may supply one.
        if source_head is not None:
            return Claim(verb.i, verb.i, verb.doc[verb.i : verb.i + 1], _mention(source_head), "indirect")
        return None
    if source_head is None:
        return None
    if _comma_after(verb):
        # "He said, terrorism is ...": everything after the comma, however it was parsed.
        tokens = list(verb.doc[verb.i + 2 : sentence_of(verb).end])
        charge(verb.doc, len(tokens))
    else:
        root = _unnest(content, lexicon)
        tokens = lexicon.extend(root.head, root.dep_, _reported_clause(root, lexicon))
        tokens = _cut_at_cue_conjunct(verb, tokens, lexicon)
        tokens += _coordinated(verb, lexicon, tokens)
        if content.i < verb.i:
            tokens = _after_colon(tokens)
    bounds = _trim(tokens)
    if bounds is None:
        return None
    start, end = bounds
    return Claim(start, end, verb.doc[verb.i : verb.i + 1], _mention(source_head), "indirect")


def _coordinated(cue: Token, lexicon: CueLexicon, statement: list[Token]) -> list[Token]:
    """Conjuncts the parser hung on the cue after the statement: a second that-clause ("said A, but that
    B"), a noun ("went on about A and B"), or a verb with no subject of its own that reports nothing
    ("said she wanted A and let them know B"; not "said A, but declined to B", the narrator's contrast)."""
    if not statement or min(t.i for t in statement) < cue.i:
        return []  # "“A,” said X, who ..., and nominated ...": narration about the speaker
    last = max(t.i for t in statement)
    out = []
    for child in cue.children:
        if child.dep_ != "conj" or child.i <= last:
            continue
        if child.pos_ in ("VERB", "AUX") and not _has_that(child):
            verbs = [child] + [c for c in child.children if c.dep_ == "xcomp"]
            if any(lexicon.is_verb_cue(v.lemma_) for v in verbs) or _has_subject(child):
                continue
            charge(cue.doc, cue.n_lefts + cue.n_rights)
            if any(c.dep_ == "cc" and c.lower_ == "but" and last < c.i < child.i for c in cue.children):
                continue
        elif child.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
            continue
        out += subtree(child)
    return out


def _after_colon(tokens: list[Token]) -> list[Token]:
    """ "X scolded him: “A,” she said": before the cue, what precedes a colon that opens a quotation
    is narration introducing it."""
    colon = max((k for k, t in enumerate(tokens[:-1]) if t.text == ":" and tokens[k + 1].is_quote), default=None)
    return tokens if colon is None else tokens[colon + 1 :]


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS + ("expl",) for c in verb.children)


def _narrates(conjunct: Token, cue: Token, lexicon: CueLexicon) -> bool:
    """ "said he would order a review and warned against hackers": a verb coordinated inside the statement,
    with no subject of its own, whose tense agrees with the cue's and not with the verb it is coordinated to,
    is the narrator going on about the speaker ("warned" goes with "said"), not part of what was said."""
    if conjunct.dep_ != "conj" or conjunct.pos_ not in ("VERB", "AUX") or conjunct.i < cue.i:
        return False
    if _has_subject(conjunct):
        return False
    tag = finite_tag(conjunct)
    if tag not in (finite_tag(cue), cue.tag_):
        return False
    # "said she regretted her remarks and promised to stay out of it": a second report is the narrator's too.
    reports = lexicon.is_verb_cue(conjunct.lemma_) and any(c.dep_ in ("ccomp", "xcomp") for c in conjunct.children)
    return reports or tag not in (finite_tag(conjunct.head), conjunct.head.tag_)


def _cut_at_cue_conjunct(cue: Token, tokens: list[Token], lexicon: CueLexicon) -> list[Token]:
    """The statement ends before a verb that :func:`_narrates`, and before its conjunction."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i in ids and _narrates(token, cue, lexicon):
            conjunctions = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            left = max(conjunctions, default=token.left_edge.i)
            return [t for t in tokens if t.i < left]
    return tokens


def _narrated_speaker(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The speaker of a cue that :func:`_narrates` after an earlier cue's statement: that cue's speaker."""
    cue = next((a for a in ancestors(verb) if a.pos_ in ("VERB", "AUX") and lexicon.is_verb_cue(a.lemma_)), None)
    if cue is None or not _narrates(verb, cue, lexicon):
        return None
    return subject_or_agent(cue)


def _reported_clause(root: Token, lexicon: CueLexicon) -> list[Token]:
    """The reported clause's words up to a semicolon: after it ("...; they only learned on Friday ...")
    the narrator speaks again.  So does a closing contrast that reports something else (", while
    22 percent said ...", ", even though many observers doubt ...")."""
    tokens = subtree(root)
    cut = next((k for k, t in enumerate(tokens) if t.text == ";" and k > 0), None)
    tokens = tokens if cut is None else tokens[:cut]
    doc = root.doc
    for child in root.rights:
        mark = next((c for c in child.children if c.dep_ == "mark"), None)
        if child.dep_ != "advcl" or mark is None or child.right_edge.i < tokens[-1].i - 1:
            continue
        contrast = mark.lower_ in CONTRASTIVE_MARKS or (mark.lower_ == "as" and doc[mark.i - 1].lower_ == "even")
        reports = any(t.pos_ == "VERB" and lexicon.is_verb_cue(t.lemma_) for t in subtree(child))
        left = child.left_edge.i
        if contrast and reports and doc[left - 1].text == ",":
            return [t for t in tokens if t.i < left]
    return tokens


def _complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp" and not _across_semicolon(child, verb):
            return child
    # "He told a meeting of leaders that few understood ...": the parser may hang the that-clause on the object.
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            for clause in subtree(child):
                if (
                    clause.dep_ in ("acl", "relcl", "ccomp")
                    and _has_that(clause)
                    and any(c.dep_ in SUBJECTS for c in clause.children)
                ):
                    return clause
    # "said after the convention he would not accept ...": a finite clause with its own subject and
    # no subordinating word is what was said, though the parser hung it on the verb as an adverbial.
    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and 0 < child.left_edge.i - verb.i <= MAX_ADVERBIAL_GAP
            and child.tag_ not in ("VBG", "VBN")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and not any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in child.children)
            and not _across_semicolon(child, verb)
        ):
            return child
    # "X said in a statement: the ministry ..." sometimes attaches the clause through "as saying".
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp":
                    return _complement(grandchild)
    return None


def _across_semicolon(clause: Token, verb: Token) -> bool:
    """A clause the parser hung on the verb across a semicolon is a sentence of its own, not what was said."""
    lo, hi = (clause.right_edge.i + 1, verb.i) if clause.i < verb.i else (verb.i + 1, clause.left_edge.i)
    charge(verb.doc, max(hi - lo, 0))
    return any(t.text == ";" for t in verb.doc[lo:hi])


def _relayed_speaker(verb: Token, lexicon: CueLexicon) -> Token | None:
    """Y in "X cited / quoted / paraphrased Y as saying ..."."""
    if verb.lemma_ not in lexicon.relaying:
        return None
    has_as_saying = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children
    )
    if not has_as_saying:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def _is_anaphoric_passive(verb: Token) -> bool:
    """ "This was stated by X": the statement is what came before.  Only as a sentence of its own:
    in "he did not explain why it was mentioned by X", "it" is not the previous sentence."""
    if verb.dep_ != "ROOT":
        return False
    return any(c.dep_ == "nsubjpass" and c.lower_ in ANAPHORIC_SUBJECTS for c in verb.children) and any(
        c.dep_ == "agent" for c in verb.children
    )


def _previous_sentence_claim(verb: Token, source_head: Token) -> Claim | None:
    doc = verb.doc
    sentence = sentence_of(verb)
    if sentence.start == 0:
        return None
    previous = sentence_of(doc[sentence.start - 1])
    # Skip paragraph-break whitespace.
    while previous.start > 0 and not previous.text.strip():
        previous = sentence_of(doc[previous.start - 1])
    if not _in_body(previous):
        return None  # a title, caption or page furniture before it is not what was stated
    tokens = _strip_dateline(list(previous))
    bounds = _trim(tokens)
    if bounds is None:
        return None
    start, end = bounds
    return Claim(start, end, doc[verb.i : verb.i + 1], _mention(source_head), "indirect")


def _in_body(span: Span) -> bool:
    paragraphs = span.doc.spans.get(PARAGRAPHS)
    if paragraphs is None:  # no paragraph kinds: a Doc built by hand
        return True
    return any(p.label_ == BODY and p.start <= span.start < p.end for p in paragraphs)


def _parenthetical(verb: Token, source_head: Token | None, lexicon: CueLexicon) -> Claim | None:
    if source_head is None:
        return None
    skip = set(subtree_ids(verb))
    tokens = lexicon.extend(verb, "parataxis", [t for t in subtree(verb.head) if t.i not in skip])
    bounds = _trim(tokens)
    if bounds is None:
        return None
    start, end = bounds
    return Claim(start, end, verb.doc[verb.i : verb.i + 1], _mention(source_head), "indirect")


def _noun_claim(noun: Token, lexicon: CueLexicon) -> Claim | None:
    clause = next((c for c in noun.children if c.dep_ in ("ccomp", "acl") and _has_that(c)), None)
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    bounds = _trim(lexicon.extend(noun, clause.dep_, subtree(clause)))
    if bounds is None:
        return None
    start, end = bounds
    return Claim(start, end, noun.doc[noun.i : noun.i + 1], _mention(owner), "indirect")


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _unnest(content: Token, lexicon: CueLexicon) -> Token:
    """ "X said that A, Y said": the parser may hang A under the inner "Y said"; the statement is A."""
    if lexicon.is_verb_cue(content.lemma_) and any(c.dep_ in SUBJECTS for c in content.children):
        inner = next((c for c in content.children if c.dep_ == "ccomp" and c.i < content.i), None)
        if inner is not None:
            return inner
    return content


def _comma_after(verb: Token) -> bool:
    """The cue opens its sentence as "X said, ..." with the statement after the comma."""
    doc = verb.doc
    if verb.i + 2 >= sentence_of(verb).end or doc[verb.i + 1].text != ",":
        return False
    subject = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    if not subject:
        return False
    # The subject opens the sentence: after "“A,” she said, clapping" the words after the comma are narration.
    opening = next((t for t in sentence_of(verb) if not (t.is_space or t.is_punct)), None)
    return opening is not None and opening.i == subject[0].left_edge.i


def _clause_root(token: Token) -> Token:
    for step in climb(token):
        if step.dep_ in ("ROOT", "ccomp", "parataxis", "conj"):
            break
    return step  # the clause's head word, or the root


# --- direct quotations -----------------------------------------------------


def _merge_quotations(
    doc: Doc,
    reported: list[Claim],
    quotations: list[Span],
    in_quote: list[int],
    lexicon: CueLexicon,
    body: list[bool],
    paragraphs: list[Span],
) -> list[Claim]:
    """Reported speech over quotations, then a claim for each quotation no claim holds (its cue nearby,
    a dash signature, the conversation's speaker, or the turn it continues), turns joined."""
    cue_only = _CuesByPosition([c for c in reported if c.start == c.end])
    claims, used_quotes = _quoted_reports([c for c in reported if c.end > c.start], doc, quotations, in_quote)
    spoken = _ClaimsByStart(claims)  # the claims with a speaker, as they come
    for qi, quote in enumerate(quotations):
        spoken.add_new()
        if qi in used_quotes or not body[quote.start]:
            continue
        claim = _quotation_claim(doc, qi, quote, in_quote, cue_only, lexicon)
        if claim is None:
            claim = _uncued_quotation(doc, qi, quote, claims, spoken, paragraphs)
        if claim is not None:
            claims.append(claim)
            used_quotes.update(claim.quotations)  # a quotation a claim holds gets no claim of its own
    claims.sort(key=lambda c: (c.start, c.end))
    return _join_turns(doc, claims)


def _quoted_reports(
    with_content: list[Claim], doc: Doc, quotations: list[Span], in_quote: list[int]
) -> tuple[list[Claim], set[int]]:
    """The reported speech claims, direct when quotations cover their statement and mixed when
    quotations are part of it; with the quotations they hold."""
    claims: list[Claim] = []
    used_quotes: set[int] = set()
    for claim in with_content:
        inside = {in_quote[i] for i in range(claim.start, claim.end) if in_quote[i] >= 0}
        if inside:
            covered = sum(1 for i in range(claim.start, claim.end) if in_quote[i] >= 0 or doc[i].is_punct)
            if covered >= claim.end - claim.start:
                quote = quotations[min(inside)]
                if len(inside) == 1:
                    claim.start, claim.end = quote.start, quote.end
                claim.quote_type = "direct"
            else:
                claim.quote_type = "mixed"
                claim.start = min(claim.start, *(quotations[q].start for q in inside))
                claim.end = max(claim.end, *(quotations[q].end for q in inside))
            claim.quotations = sorted(inside)
            used_quotes |= inside
        claims.append(claim)
    return claims, used_quotes


def _quotation_claim(
    doc: Doc, qi: int, quote: Span, in_quote: list[int], cue_only: _CuesByPosition, lexicon: CueLexicon
) -> Claim | None:
    """The claim of a quotation signed with a dash ("“A.” -- X") or said by a cue near it; None: neither."""
    words = sum(1 for t in quote if t.is_alpha)
    signature = _dash_signature(doc, quote)
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


def _uncued_quotation(
    doc: Doc, qi: int, quote: Span, claims: list[Claim], spoken: _ClaimsByStart, paragraphs: list[Span]
) -> Claim | None:
    """A quotation with no cue: floating (the conversation's current speaker) or continuing the turn
    before it; None when it names something, is too short, or has no speaker to give it."""
    words = sum(1 for t in quote if t.is_alpha)
    if not (words >= MIN_CONTINUATION_WORDS or (words and _whole_sentence(doc, quote))) or _names(doc, quote):
        return None
    guess = guess_speaker(doc, quote, claims, paragraphs)
    previous = spoken.before(quote.start)
    if guess is not None:  # a floating quotation: the conversation's current speaker, no cue
        turn = guess.turn if isinstance(guess.turn, Claim) else None
        floating = Claim(quote.start, quote.end, None, guess.source, "direct", [qi], continues=turn)
        floating.floating, floating.distance = guess.how, guess.distance
        return floating
    if previous is not None and _same_turn(doc, previous, quote):
        return Claim(quote.start, quote.end, previous.cue, previous.source, "direct", [qi], continues=previous)
    return None


def _join_turns(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """One claim per turn within a paragraph: "“A,” she said. “B.”" is one statement in two pieces.

    A quotation that continues a claim, or shares its cue, in the same paragraph
    joins that claim; a turn running into the next paragraph stays a new row.
    Reported speech is joined only by a quotation right after it ("X identified A as a
    reason. “B.”", then mixed): with narration between, the quotation is a row of its own.
    """
    joined: list[Claim] = []
    host: dict[int, Claim] = {}  # id of a joined claim -> the claim it joined
    said: dict[int, int] = {}  # id of a claim others joined -> characters of its pieces (see _said_length)
    quoted: dict[int, set[int]] = {}  # id of a claim others joined -> its quotations and theirs
    for claim in claims:
        if claim.continues is not None:
            claim.continues = host.get(id(claim.continues), claim.continues)
        previous = joined[-1] if joined else None
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
    for claim in joined:  # kept apart while joining: a turn of many pieces stays linear
        if id(claim) in quoted:
            claim.quotations = sorted(quoted[id(claim)])
    return joined


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
    """A short quotation in title case names something ("told “The Steve Harvey Morning Show”",
    "author of “Empire of the Fund”"); an exclamation or question in it is speech ("USA! USA!"), and
    so is a quotation of fewer than two content words ("Absolutely not")."""
    words = [t for t in quote if t.is_alpha]
    if not words or len(words) > MAX_TITLE_WORDS or any(t.text in ("!", "?") for t in quote):
        return False
    content = [t for t in words if not t.is_stop]
    return words[0].is_title and len(content) >= 2 and all(t.is_title or t.is_upper for t in content)


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
    # The closing mark and "she said" may fall into the next sentence segment.
    if hi < len(doc) and quote.end < len(doc) and doc[hi - 1].i <= quote.end:
        hi = sentence_of(doc[min(hi, len(doc) - 1)]).end
    candidates = [c for c in cues.between(lo, hi) if in_quote[_cue(c).start] < 0]
    if not candidates and lo > 0:
        previous = sentence_of(doc[lo - 1])
        if _ends_with_colon(previous):
            candidates = cues.between(previous.start, previous.end)
            introduction = None if candidates else _introduction(previous)
            candidates = candidates or ([introduction] if introduction is not None else [])
    if not candidates:
        introducer = _introducing_verb(doc, quote)
        candidates = [introducer] if introducer is not None else []
    if not candidates:
        return None
    return min(candidates, key=lambda c: min(abs(_cue(c).start - quote.start), abs(_cue(c).start - quote.end)))


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
    """ "Issa continued, “Yes. ...”": a finite verb with its subject before it, right before the quotation's
    comma or colon, introduces the quotation whatever the verb (a cue without statement)."""
    i = quote.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if i < 1 or doc[i].text not in (",", ":") or doc[i - 1].tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # a finite verb: a participle's subject is the parser's guess ("..., while chanting, “...”")
    verb = doc[i - 1]
    subject = subject_or_agent(verb)
    return _introduced_by(verb) if subject is not None and subject.i < verb.i else None


def _introduced_by(verb: Token) -> Claim | None:
    """The verb of an introduction as a cue without statement, its subject in its sentence the speaker;
    None for an empty subject ("Wait, it gets better:", "Here is how:")."""
    subject = subject_or_agent(verb)
    if subject is None or subject.lower_ in _NOT_INTRODUCERS or sentence_of(subject) != sentence_of(verb):
        return None
    return Claim(verb.i, verb.i, verb.doc[verb.i : verb.i + 1], _mention(subject), "indirect")


def _block_quotations(doc: Doc, paragraphs: list[Span], claims: list[Claim]) -> list[Claim]:
    """A body paragraph that an introduction ("Fox News reports:", "Hewitt writes:") or a cue ending in a colon
    opens, with no quotation mark of its own at its start, is quoted as a block: the introducer's words."""
    blocks = []
    cues = _CuesByPosition([c for c in claims if c.start == c.end])
    for before, block in itertools.pairwise(paragraphs):
        if before.label_ != BODY or block.label_ != BODY or not before.text.rstrip().endswith(":"):
            continue
        first = next((t for t in block if not t.is_space), None)
        if first is None or first.is_quote or not before.end <= block.start:
            continue
        sentence = sentence_of(doc[before.end - 1])
        cue = next(iter(cues.between(sentence.start, sentence.end)), None) or _introduction(sentence)
        bounds = _trim(list(block))
        if cue is None or bounds is None or _alpha_words(doc, *bounds) < MIN_CONTINUATION_WORDS:
            continue
        start, end = bounds
        blocks.append(Claim(start, end, cue.cue, cue.source, "direct"))
    return blocks


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


def _labelled_turns(paragraphs: list[Span], lexicon: CueLexicon) -> list[Claim]:
    """Transcript turns: a paragraph that opens with a speaker's label and a colon ("PENCE: Well, look, ...",
    "Hillary Clinton: ...") is that speaker's statement, up to the paragraph's end.

    The label is a name: up to four words, all capitals or a PERSON entity; datelines ("WASHINGTON:"),
    and labels such as "UPDATE:" or "Photo:" are not speakers.  In the article's title the label
    opens or closes it ("Pence: Flowers won't be at debate", "China to deepen cooperation: Spokesperson"),
    may also be an office, a body, a name the recognizer missed or a noun the cue model learned as a
    speaker's ("Poll:"), but not a kicker in capitals ("BOOM:"); what it labels is a headline's
    paraphrase, not a transcript.
    """
    claims = []
    for paragraph in paragraphs:
        doc = paragraph.doc
        title = paragraph.label_ == TITLE
        i = paragraph.start
        if i < paragraph.end and doc[i].is_quote:
            i += 1  # a transcript quoted as a whole: each paragraph reopens the quotation
        colon = next((k for k in range(i, min(i + MAX_LABEL_TOKENS + 1, paragraph.end)) if doc[k].text == ":"), None)
        if (
            colon is not None
            and colon > i
            and (_title_label(doc[i:colon], lexicon) if title else _speaker_label(doc[i:colon]))
        ):
            label, bounds = doc[i:colon], _trim(list(doc[colon + 1 : paragraph.end]))
        elif title and (signed := _signed_title(paragraph, lexicon)) is not None:
            colon, label = signed
            bounds = _trim(list(doc[paragraph.start : colon]))
        else:
            continue
        if bounds is None or _alpha_words(doc, *bounds) < MIN_CONTINUATION_WORDS:
            continue
        start, stop = bounds
        kind = "direct" if not title else "mixed" if any(t.is_quote for t in doc[start:stop]) else "indirect"
        claims.append(Claim(start, stop, doc[colon : colon + 1], label, kind))
    return claims


def _signed_title(title: Span, lexicon: CueLexicon) -> tuple[int, Span] | None:
    """(colon, label) of a title closed by its speaker's label: "…: Spokesperson", "…: Foreign Ministry"."""
    doc = title.doc
    end = title.end
    while end > title.start and (doc[end - 1].is_space or doc[end - 1].text == "."):
        end -= 1
    first = max(title.start, end - MAX_LABEL_TOKENS - 1)
    colon = next((k for k in range(end - 1, first - 1, -1) if doc[k].text == ":"), None)
    if colon is None or colon + 1 >= end or doc[colon - 1].lower_ in NOT_SPEAKER_LABELS:
        return None  # "…: AP" after "Photo" or "Credit" is a caption's credit, not a speaker
    label = doc[colon + 1 : end]
    return (colon, label) if _title_label(label, lexicon) else None


def _title_label(label: Span, lexicon: CueLexicon) -> bool:
    """A title's label may also be a name the recognizer missed ("Pence:"), an office ("…: Spokesperson"),
    a body ("Politifact:") or a noun the cue model learned as a speaker's ("Poll:", "Clinton camp:")."""
    words = _label_words(label)
    if words is None:
        return False
    if all(t.is_upper for t in words) and not any(t.ent_type_ for t in words):
        return False  # a kicker in capitals ("BOOM:", "FIX IS IN:"), where a transcript has names
    root = label.root
    # One capitalized word opening a title is often tagged a proper noun ("Bombshell:"): names of one word
    # are known by the article's entities (below).
    proper = all(t.pos_ == "PROPN" for t in words) and (len(words) > 1 or bool(root.ent_type_))
    if _speaker_label(label) or proper or root.lower_ in TITLE_WORDS:
        return True
    if root.ent_type_ == "ORG" or (root.pos_ == "NOUN" and lexicon.speaks(root.lemma_.lower())):
        return True
    # A name the parser took for a noun ("Sanders:"), known by the article's entities ("Bernie Sanders").
    names = [{t.lower_ for t in e} for e in label.doc.ents if e.label_ in ("PERSON", "ORG") and e.start >= label.end]
    return all(t.is_title for t in words) and any({t.lower_ for t in words} <= name for name in names)


def _label_words(label: Span) -> list[Token] | None:
    """The words of a label ("MR. TRUMP" without the abbreviation's stop), or None when it holds anything
    but words or names no speaker ("UPDATE", "Photo")."""
    words = [t for t in label if not (t.text == "." and t.i > label.start)]
    if not all(t.is_alpha for t in words) or any(t.lower_ in NOT_SPEAKER_LABELS for t in words):
        return None
    return words


def _speaker_label(label: Span) -> bool:
    words = _label_words(label)
    if words is None:
        return False
    if any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "NORP") for t in label):
        return False
    return all(t.is_upper and len(t.text) > 1 for t in words) or all(t.ent_type_ == "PERSON" for t in words)


def _whole_sentence(doc: Doc, quote: Span) -> bool:
    """The quotation is a sentence of its own (“I would, Donald.”), not a scare quote inside narration."""
    before = doc[sentence_of(quote).start : quote.start]
    after = doc[quote.end : sentence_of(quote).end]
    return all(t.is_punct or t.is_space for t in before) and all(t.is_punct or t.is_space for t in after)


class _CuesByPosition:
    """Cue-only claims (a cue and a speaker, no statement) looked up by where their cue starts."""

    def __init__(self, cues: list[Claim]):
        self.cues = sorted(cues, key=lambda c: _cue(c).start)  # found in text order already: stays as it is
        self.starts = [_cue(c).start for c in self.cues]

    def between(self, lo: int, hi: int) -> list[Claim]:
        """The cues starting at ``lo`` up to ``hi`` (excluded), in text order."""
        return self.cues[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]


class _ClaimsByStart:
    """The claims with a speaker among a growing list, by start: the nearest one before a quotation
    (the first found of those that start last)."""

    def __init__(self, claims: list[Claim]):
        self.claims = claims
        self.seen = 0
        self.keys: list[tuple[int, int]] = []  # (start, position in claims), sorted

    def add_new(self) -> None:
        """Take in the claims appended since the last call."""
        for position in range(self.seen, len(self.claims)):
            if self.claims[position].source is not None:
                bisect.insort(self.keys, (self.claims[position].start, position))
        self.seen = len(self.claims)

    def before(self, start: int) -> Claim | None:
        k = bisect.bisect_left(self.keys, (start, -1))
        if k == 0:
            return None
        last_start = self.keys[k - 1][0]
        return self.claims[self.keys[bisect.bisect_left(self.keys, (last_start, -1))][1]]


def _same_turn(doc: Doc, previous: Claim, quote: Span) -> bool:
    """The uncued quotation follows the previous claim directly: same paragraph, or the next one."""
    between = doc[previous.end : quote.start].text
    return between.count("\n") <= 2 and len(between) < 400


# --- shared helpers --------------------------------------------------------


def _mention(head: Token) -> Span:
    """The speaker's words: the noun phrase up to its head, extended over a name it starts."""
    doc = head.doc
    left = head.left_edge.i
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    right = head.i + 1
    if head.ent_type_:
        while right < len(doc) and doc[right].ent_iob_ == "I":
            right += 1
    for child in head.rights:
        if child.dep_ in ("appos", "compound", "flat") and child.ent_type_ in ("PERSON", "ORG") and child.i >= right:
            right = child.right_edge.i + 1
            break
    if head.pos_ == "NOUN" and not head.ent_type_:
        # "the spokesperson of the Chinese Foreign Ministry Geng Shuang": the name is part of the mention.
        person_end = max((t.i + 1 for t in subtree(head) if t.i >= right and t.ent_type_ == "PERSON"), default=0)
        if person_end:
            right = person_end
    return doc[left:right]


def _cue(claim: Claim) -> Span:
    """The cue of a claim found from its cue (reported speech, a cue-only claim, an introduction)."""
    assert claim.cue is not None
    return claim.cue


def _trim(tokens: list[Token]) -> tuple[int, int] | None:
    tokens = _strip_dateline([t for t in tokens if not t.is_space])
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("that", "and", "but")) and not tokens[0].is_quote:
        tokens = tokens[1:]
    # A statement never ends with a conjunction: "says A and [says B]" leaves "and" behind.
    while tokens and ((tokens[-1].is_punct and not tokens[-1].is_quote) or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].i, tokens[-1].i + 1


def _alpha_words(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha)


def _strip_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a leading "BEIJING, November 6 (INP):" dateline."""
    if not tokens or not (tokens[0].is_upper and len(tokens[0].text) > 1):
        return tokens
    if not _opens_paragraph(tokens[0]):
        return tokens
    for k, token in enumerate(tokens[:MAX_DATELINE_TOKENS]):
        if (token.text.endswith(":") or token.text in ("—", "–", "--")) and k + 1 < len(tokens):
            return tokens[k + 1 :]
    return tokens


def _past_dateline(head: Token | None) -> Token | None:
    """The speaker's head word, unless the parser took the dateline for the subject: then the name
    it hung on the dateline ("CLEVELAND (UPI) — Gov. Mike Pence told ..."), or nobody."""
    if head is None or not _in_dateline(head):
        return head
    return next((c for c in head.children if c.dep_ == "appos" and not _in_dateline(c)), None)


def _in_dateline(token: Token) -> bool:
    """The token is part of a paragraph's opening dateline ("LOS ANGELES, Sept. 28 (UPI) —"), which the
    parser may read as the subject of the first verb; a dateline never speaks."""
    doc = token.doc
    start = token.i
    while (
        start > 0
        and not (doc[start - 1].is_space and "\n" in doc[start - 1].text)
        and token.i - start < MAX_DATELINE_TOKENS
    ):
        start -= 1
    if not _opens_paragraph(doc[start]):
        return False
    opening = list(doc[start : start + MAX_DATELINE_TOKENS])
    rest = _strip_dateline(opening)
    return len(rest) < len(opening) and token.i < rest[0].i


def _opens_paragraph(token: Token) -> bool:
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].is_space:
        if "\n" in doc[i].text:
            return True
        i -= 1
    return i < 0


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per statement span: keep the one with a speaker and the nearest cue."""
    kept: dict[tuple[int, int], Claim] = {}
    for claim in claims:
        key = (claim.start, claim.end)
        if key not in kept or (kept[key].source is None and claim.source is not None):
            kept[key] = claim
    return sorted(kept.values(), key=lambda c: (c.start, c.end))
