"""Reported speech, the first pass: the clausal complement of a reporting verb ("X said (that) ...",
"... , X said", "X cited Y as saying ...", "This was stated by X": the sentence before), a noun cue with
its possessor ("X's statement that ..."), "according to X", and constructions learned from annotated news
(:mod:`claimex.cuemodel.model`), read sentence by sentence within a budget of work."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ...cuemodel.model import CUE_POS, apposed_title, speaker_of, statement_relations
from ...lexicon import words
from ..cleaning import BODY
from ..cues import CueLexicon
from ..keys import PARAGRAPHS
from ..syntax import (
    ParseIndex,
    WorkLimitReached,
    charge,
    climb,
    finite_tag,
    sentence_of,
    stranded_object,
    subject_or_agent,
    subtree,
    subtree_ids,
)
from .asides import without_trailing_aside
from .chains import chained_report
from .claim import (
    MIN_CUED_QUOTE_WORDS,
    Claim,
    Reading,
    _CuesByPosition,
    _mention,
    _strip_dateline,
    _trim,
    _trim_continuing,
)
from .continuations import continued_after_tag
from .reporters import (
    SETTING_OFF_MARKS,
    SUBJECTS,
    _has_subject,
    _name_start,
    _narrated_speaker,
    _narrates,
    _past_clitic,
    _past_dateline,
    _stranded_name,
    _verb_speaker,
    gerund_speaker,
    purpose_speaker,
    relayed_speech,
)

CONTENT_DEPS = ("ccomp", "parataxis")
_FRAMING_DEPS = frozenset({"advmod", "prep", "npadvmod", "advcl", "punct", "cc", "intj"})  # "Later,", "On the issues,"
_SPOKEN_TO = frozenset({"me", "him", "us", "them", "you"})  # a pronoun object, never a clause's lost subject
_WRITERS_PRONOUNS = frozenset({"i", "we", "you"})  # a speaker the writer is, or talks to: no aside of the writer's
# Verbs whose infinitive complement is the statement ("urged Congress to act").
DIRECTIVE_VERBS = words("directive_verbs")
_DIRECTIVE_PREPOSITIONS = words("directive_prepositions")
# A closing clause with these, or "even as", that reports something else is the narrator's contrast.
CONTRASTIVE_MARKS = frozenset({"while", "though", "although", "whereas"})
ANAPHORIC_SUBJECTS = frozenset({"this", "that", "it", "these", "those", "which"})
MAX_ADVERBIAL_GAP = 6  # "said after the convention he ...": words between the cue and its misparsed clause
# Pronouns that stand for what was said, not for someone the stance is about ("endorsed him").
_CONTENT_PRONOUNS = frozenset({"it", "this", "that", "so", "nothing", "something", "anything", "everything"})
_ASKED = words("asked_nouns")
_RESULTS = words("result_nouns")  # "conceded five goals", "claimed the title": won or given up in play
# "as X put it": verbs that report speech only with "it" as object inside an as-clause.
_PHRASING_VERBS = words("phrasing_verbs")
# "as Clinton told the Daily News": reporting verbs whose object is the one spoken to.
_ADDRESSEE_VERBS = words("addressee_verbs")
# "said during a visit that ...": adjuncts of when, where, on what occasion (see _that_clause_in).
_OCCASION_PREPOSITIONS = words("occasion_prepositions")
# "said the premiers, and ... stand": verbs whose noun object is a misparsed subject (see _subject_taken_for_object).
_CLAUSE_ONLY_VERBS = words("clause_only_verbs")
# ", adding she is ...": participles that go on with more of the same speech (see _continuing_participle).
_CONTINUING_VERBS = words("continuing_verbs")
_RELAYING_VERBS = words("relaying_verbs")  # "X quoted Y as saying": Y's words
# "in a news release that A" (see _object_taken_for_that): a work's noun, and the verbs that make a work.
_WORKS = words("works")
_MAKING_VERBS = words("making_verbs")
# What reading one sentence's cues may cost, in tokens handed out by subtree walks (ParseIndex.work):
# this many per token of the sentence, plus a fixed allowance.  PolNeAR train needs at most 22 per token
# (9 beyond the allowance; 31.5k sentences); a crafted sentence whose cues each walk most of it ("according to" 3,000 times,
# "A said B said C said ...") would need thousands: past the budget, the cue being read and the rest
# of the sentence's cues are left, so the time a text takes stays linear in its length.
WORK_PER_SENTENCE_TOKEN = 50
WORK_PER_SENTENCE = 1000


def reported_speech(reading: Reading, claims: list[Claim]) -> list[Claim]:
    """Pass: the claims of the cues of every sentence; the cue-only ones (a cue and a speaker, no statement)
    go to ``reading.cues`` for the quotations and blocks a cue introduces."""
    found: list[Claim] = []
    for sentence in _sentences(reading.doc):
        found += _reported_claims(sentence, reading.lexicon, reading.body, reading.in_quote)
    reading.cues = _CuesByPosition([c for c in found if c.start == c.end])
    return claims + [c for c in found if c.end > c.start]


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


def _contentless(statement: list[Token]) -> bool:
    """ "said nothing", "denied it", "did not say that": a pronoun standing for the content reports nothing
    a reader can use (what it stands for is a row of its own, or was never said); nor does "a question", nor a
    result of play ("conceded five goals")."""
    words = [t for t in statement if not (t.is_punct or t.is_space)]
    if len(words) == 1 and words[0].lower_ in _CONTENT_PRONOUNS:
        return True
    # "replying to a question": what the speaker was asked, nothing the speaker said
    rest = [t for t in words if t.pos_ != "DET"]
    if len(rest) == 1 and rest[0].lemma_.lower() in _ASKED:
        return True
    inside = {t.i for t in words}
    # the object, with the cue's own phrases the statement was extended by ("... in the draw on Saturday")
    roots = [t for t in words if (t.head.i not in inside or t.head.i == t.i) and t.dep_ != "prep"]
    return len(roots) == 1 and _result_of_play(roots[0])


def _result_of_play(noun: Token) -> bool:
    """ "conceded five goals in the draw", "claimed five league cups": a counted noun naming what is won, scored or
    given up in play (:data:`_RESULTS`) is a result, no statement.  Limits: only with a number; "proclaimed a goal
    of peace", "invoked the title of the book" are statements, and "claimed the title" stays one too."""
    counted = any(c.dep_ == "nummod" for c in noun.children)
    return counted and noun.pos_ == "NOUN" and noun.lemma_.lower() in _RESULTS


def _reported_claim(token: Token, lexicon: CueLexicon, in_quote: list[int]) -> Claim | None:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according_to(token)
    claim = None
    if token.pos_ in ("VERB", "AUX") and (lexicon.is_verb_cue(token.lemma_) or _phrasing(token, lexicon)):
        claim = _verb_claim(token, lexicon, in_quote)
    elif token.pos_ == "NOUN" and lexicon.is_noun_cue(token.lemma_):
        claim = _noun_claim(token, lexicon)
    if claim is None or claim.end == claim.start:
        claim = _learned_claim(token, lexicon) or claim
    return _before_aside(claim, lexicon, in_quote)


def _before_aside(claim: Claim | None, lexicon: CueLexicon, in_quote: list[int]) -> Claim | None:
    """The claim without the writer's trailing aside (", which ..."; see :mod:`.asides`) and, unless it is in pieces,
    without a reporting verb opening it, which becomes its cue ("continued to complain that A"; see :mod:`.chains`)."""
    if claim is None or claim.end == claim.start or claim.cue is None:
        return claim
    doc = claim.cue.doc
    charge(doc, claim.end - claim.start)
    tokens = list(doc[claim.start : claim.end])
    writer_speaks = claim.source is not None and claim.source.root.lower_ in _WRITERS_PRONOUNS
    kept = without_trailing_aside(tokens, lexicon, in_quote, writer_speaks=writer_speaks)
    chained = chained_report(kept, claim.cue[0], lexicon) if not claim.pieces else None
    if chained is not None:
        kept = [t for t in kept if t.i > chained.i]
        claim.cue = doc[chained.i : chained.i + 1]
    bounds = _trim(kept) if len(kept) < len(tokens) else None
    if bounds is not None:
        claim.start, claim.end = bounds
        claim.pieces = [(lo, min(hi, claim.end)) for lo, hi in claim.pieces if lo < claim.end]
        claim.pieces = claim.pieces if len(claim.pieces) > 1 else []
    return claim


def _learned_claim(token: Token, lexicon: CueLexicon) -> Claim | None:
    """A construction the cue model accepts: "X called for Y", "X praised Y", "X reckons that Y"."""
    if lexicon.model is None or token.pos_ not in CUE_POS:
        return None
    narrated = _narrated_speaker(token, lexicon) if token.pos_ in ("VERB", "AUX") else None
    speaker = _past_clitic(
        _past_dateline(narrated or speaker_of(token) or gerund_speaker(token) or purpose_speaker(token))
    )
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
    statement = sorted(statement + _coordinated_nouns(token, statement), key=lambda t: t.i)
    statement = _subject_taken_for_object(token, statement)
    if statement and statement[0].i < token.i < statement[-1].i:
        # "what employees called a “scheme”": the words before the cue are the speaker's own clause
        statement = [t for t in statement if t.i > token.i]
    bounds = _trim(statement)
    if bounds is None:
        return None
    start, end = bounds
    cue = token.doc[token.i : token.i + 1]
    return Claim(start, end, cue, _mention(speaker), "indirect", learned=True, probability=probability)


def _subject_taken_for_object(cue: Token, statement: list[Token]) -> list[Token]:
    """ "Ford said the premiers, and the whole country along with them, stand united": the parser took the first
    part of a coordinated subject for the cue's object and hung the clause's verb on the cue as a conjunct, so the
    statement was "the premiers".  When the statement is a noun object of a verb that takes only clauses and the words after it
    are only a conjunction (and marks) before a conjunct verb's own subject, the statement runs on to the end of that
    verb's clause.  Not when the conjunct is in the past tense with no modal ("praised the premiers, and the
    country cheered"): the narrator's."""
    obj = next((t for t in statement if t.dep_ == "dobj" and t.head.i == cue.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or cue.lemma_.lower() not in _CLAUSE_ONLY_VERBS:
        return statement
    last = statement[-1].i
    verb = next((c for c in cue.children if c.dep_ == "conj" and c.i > last and c.pos_ in ("VERB", "AUX")), None)
    subject = None if verb is None else next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if verb is None or subject is None or (verb.tag_ in ("VBD", "VBN") and not _modal(verb)):
        return statement
    between = cue.doc[last + 1 : subject.left_edge.i]
    charge(cue.doc, len(between))
    if not any(t.dep_ == "cc" for t in between) or any(not (t.is_punct or t.dep_ == "cc") for t in between):
        return statement
    return statement + list(cue.doc[last + 1 : verb.right_edge.i + 1])


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
    source_head = _verb_speaker(verb, lexicon, in_quote)
    content = _whole_object(verb, _complement(verb))
    if content is None and verb.lemma_ in DIRECTIVE_VERBS:
        content = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    content = content if content is not None or source_head is None else _headline_statement(verb, source_head)
    if content is None and (
        (verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX")) or _reporting_as_clause(verb, lexicon)
    ):
        # "Terrorism is a public enemy, he said."; "As Politico reported, A", "A, as X put it, B"
        return _parenthetical(verb, source_head, lexicon)
    if content is None and source_head is not None:
        tag = _misread_tag(verb, source_head)
        if tag is not None:
            return _claim_around_tag(verb, source_head, tag)
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
        tokens = _addressee(verb, content) + _stranded_subject(verb, root, lexicon) + tokens
    if any(t.i == source_head.i for t in tokens) and source_head == _stranded_name(verb):
        # "Sanders, meanwhile, who sits at zero endorsements, said ...": the parser hung the speaker's words on a
        # complement; the statement is what it holds after the cue, else before the speaker ("A, Kennedy wrote").
        first = _name_start(source_head, sentence_of(verb).start)
        after = [t for t in tokens if t.i > verb.i]
        tokens = after if any(t.is_alpha for t in after) else [t for t in tokens if t.i < first]
    bounds = _trim(tokens)
    if bounds is None:
        return None
    start, end = bounds
    claim = Claim(start, end, verb.doc[verb.i : verb.i + 1], _mention(source_head), "indirect")
    claim.pieces = _around_tag(tokens, verb, source_head)
    return continued_after_tag(claim, verb)  # a claim already in pieces comes back as it is


def _around_tag(tokens: list[Token], verb: Token, speaker: Token) -> list[tuple[int, int]]:
    """The two pieces of a statement its tag interrupts, else []: "“A,” Trump said, “and B”" (the parser hung
    both clauses on the cue).  Only where a comma closes the first piece and nothing but the cue, its speaker's words
    and adverbs stands between the pieces; not "who Trump said betrayed ..." (a relative pronoun is no piece)."""
    doc = verb.doc
    pieces = _pieces_around(tokens, verb.i, verb.i + 1)
    if not pieces or sum(t.is_alpha for t in doc[pieces[0][0] : pieces[0][1]]) < 2:
        return []
    tag = doc[pieces[0][1] : pieces[1][0]]
    speaker_words = set(subtree_ids(speaker))
    if not any(t.text == "," for t in tag) or not all(
        t.is_punct or t.is_space or t.i == verb.i or t.i in speaker_words or (t.dep_ == "advmod" and t.head.i == verb.i)
        for t in tag
    ):
        return []
    return pieces


def _pieces_around(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """The statement's words before token ``start`` and from token ``end`` on as two pieces, [] unless both hold
    words; the second keeps the word carrying the sentence on over the tag (:func:`_trim_continuing`)."""
    before = _trim([t for t in tokens if t.i < start])
    after = _trim_continuing([t for t in tokens if t.i >= end])
    return [before, after] if before is not None and after is not None else []


def _misread_tag(verb: Token, speaker: Token) -> tuple[int, int] | None:
    """ "A, she said.", "The hashtag, Mr. Abboud said, accompanied ...", "A, Ontario Premier Doug Ford said hours
    after ...": the parser may hang a tag on the words before it (as a conjunct, an adverbial clause, a parataxis of
    a noun) or hang those words on the tag.  A finite cue whose subject phrase opens right after a comma (no
    conjunction before it), holding after it only when, where or to whom it was said (:func:`_adjunct_of_tag`), and
    ending its sentence or set off by a comma, is a tag; returns its token span from the comma on.  Not "..., and
    Ford said on Monday" nor "..., when he said", nor "..., he should have insisted on ...": clauses of their own.
    On PolNeAR train: 25 rows gained, 21 of them right; 14 lost, 8 of them right.
    """
    doc = verb.doc
    if verb.dep_ == "ROOT" or speaker.head.i != verb.i or speaker.i > verb.i:
        return None
    comma = speaker.left_edge.i - 1
    if comma < 1 or doc[comma].text != "," or doc[comma - 1].dep_ == "cc" or _coordinated_clause(verb):
        return None
    between = doc[speaker.right_edge.i + 1 : verb.i]
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(t.head.i != verb.i or t.dep_ != "advmod" for t in between):
        return None  # "..., she also said"; not "..., he should have insisted on ..."
    rights = list(verb.rights)
    if not all(_adjunct_of_tag(c) for c in rights):
        return None
    end = max((c.right_edge.i for c in rights), default=verb.i)
    sentence = sentence_of(verb)
    if all(t.is_punct or t.is_space for t in doc[end + 1 : sentence.end]):
        return comma, end + 1
    if doc[end].text == "," or (end + 1 < sentence.end and doc[end + 1].text == ","):
        return comma, end + 1
    return None


def _coordinated_clause(verb: Token) -> bool:
    """ "..., and though they speak no English, their smiles said a lot": a conjunct joined by a conjunction."""
    head = verb.head
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)


def _adjunct_of_tag(child: Token) -> bool:
    """What a tag may hold after its cue: when, where or to whom it was said ("told a Senate panel Wednesday",
    "said in an interview"), never what was said or done ("insisted on getting ...")."""
    if child.dep_ in ("punct", "npadvmod", "advmod"):
        return True
    if child.dep_ in ("dobj", "dative"):
        return child.head.lemma_ in _ADDRESSEE_VERBS
    return (
        child.dep_ == "prep"
        and child.lower_ in _OCCASION_PREPOSITIONS
        and not any(c.dep_ == "pcomp" for c in child.children)
    )


def _claim_around_tag(verb: Token, speaker: Token, tag: tuple[int, int]) -> Claim | None:
    """The sentence around a misread tag (:func:`_misread_tag`) is what was said, in two pieces when it goes on."""
    sentence = sentence_of(verb)
    before = _trim(list(verb.doc[sentence.start : tag[0]]))
    after = _trim(list(verb.doc[tag[1] : sentence.end]))
    if before is None:
        return None
    claim = Claim(before[0], before[1], verb.doc[verb.i : verb.i + 1], _mention(speaker), "indirect")
    if after is not None:
        claim.pieces = [before, after]
        claim.end = after[1]
    return claim


def _headline_statement(verb: Token, speaker: Token) -> Token | None:
    """ "Mayor's expense fiasco harming North Bay's reputation, councillor says": headline style drops the auxiliary,
    and the parser hangs the noun with its participle on the cue as a mere dependent; before the comma that opens
    the speaker, it is what was said."""
    head = next((c for c in verb.lefts if c.dep_ in ("dep", "npadvmod")), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.left_edge.i != sentence_of(verb).start:
        return None
    if not any(c.dep_ == "acl" and c.tag_ == "VBG" for c in head.children):
        return None
    comma = head.right_edge.i + 1
    return head if verb.doc[comma].text == "," and speaker.left_edge.i == comma + 1 else None


def _whole_object(verb: Token, clause: Token | None) -> Token | None:
    """ "rejected the notion that A", "cited polling data showing that A": a that-clause found inside the object
    (:func:`_complement`) belongs to it, and the whole object is the statement (PolNeAR train's gold has it 41 times
    of 56); not when the object is the one spoken to ("told a meeting of leaders that A": A is the statement)."""
    if clause is None or clause.head.i == verb.i or verb.lemma_ in _ADDRESSEE_VERBS:
        return clause
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i <= clause.i <= c.right_edge.i), None)
    return clause if obj is None or obj.pos_ in ("PRON", "PROPN") else obj


def _addressee(verb: Token, infinitive: Token) -> list[Token]:
    """ "urged the party to ax its superdelegates", "called on Congress to act": the one urged or asked, the object
    between a directive verb and its infinitive, opens the statement (so PolNeAR train's gold has it, 80 times of 110;
    after "on", 28 times of 34)."""
    if infinitive.dep_ != "xcomp" or infinitive.head.i != verb.i or verb.lemma_ not in DIRECTIVE_VERBS:
        return []
    between = [c for c in verb.children if verb.i < c.i < infinitive.i]
    obj = next((c for c in between if c.dep_ in ("dobj", "dative")), None)
    if obj is None:  # "called on Congress to act", "called for a special prosecutor to oversee ..."
        # the parser may take "on" for a particle that still holds the object ("called on fellow Republicans to")
        on = next((c for c in between if c.dep_ in ("prep", "prt") and c.lower_ in _DIRECTIVE_PREPOSITIONS), None)
        obj = _object_of(on, verb) if on is not None else None
    if obj is None or obj.ent_type_ in ("DATE", "TIME"):
        return []  # "promised Monday to begin ...", "called on Monday to ...": a time is no one urged
    return subtree(obj)


def _stranded_subject(verb: Token, clause: Token, lexicon: CueLexicon) -> list[Token]:
    """ "said about half of the adjustment reflected losses", "said the days when ... are gone", "said just because A
    did not mean B": the parser hung the reported clause's subject (or a clause opening it) on the cue, between the cue
    and a finite clause left with no subject; those words open the statement.  Only a block of the cue's dependents
    right before the clause, with no quotation mark, colon or semicolon; not a clause opened by "that" (what comes
    before it is the cue's: "said on Thursday that ..."), nor one that reports on its own ("touted A and promised B":
    a misparsed conjunct), nor after an adjunct of occasion ("in an interview ...") or the one spoken to ("told
    POLITICO the standards are ...": the block starts after them), nor the cue's own subject, an adverb ("told you a
    long time ago don't play ...") or a pronoun object.  On PolNeAR train it changes 25 rows: 23 read right, none
    wrong, 2 unclear."""
    if clause.dep_ != "ccomp" or clause.head.i != verb.i or clause.i < verb.i or _has_subject(clause):
        return []
    if finite_tag(clause) not in ("VBD", "VBZ", "VBP", "MD") or lexicon.is_verb_cue(clause.lemma_):
        return []  # "told them: do it": an imperative has no subject to find
    doc = verb.doc
    start = clause.left_edge.i
    charge(doc, verb.n_rights + clause.n_lefts)
    if any(c.dep_ == "mark" for c in clause.lefts):
        return []
    between = [c for c in verb.rights if c.i < start and not c.is_punct]
    if len(between) > 1 and between[0].dep_ in ("dobj", "dative") and verb.lemma_ in _ADDRESSEE_VERBS:
        between = between[1:]
    if not between or between[0].left_edge.i <= verb.i:
        return []
    if any(
        c.dep_ in ("dative", "agent", "advmod", *SUBJECTS)
        or (c.dep_ == "dobj" and c.lower_ in _SPOKEN_TO)
        or (c.dep_ == "prep" and c.lower_ in _OCCASION_PREPOSITIONS)
        for c in between
    ):
        return []  # "..., said Hany Farid, who ...", "told you a long time ago", "ask you, with your wines, how ..."
    block = doc[between[0].left_edge.i : start]
    charge(doc, len(block))
    if any(t.is_quote or t.text in (":", ";") for t in block):
        return []
    covered = {i for c in between for i in subtree_ids(c)}
    if any(t.i not in covered and not t.is_punct for t in block):
        return []  # words of something else between them
    return list(block)


def _object_of(preposition: Token, verb: Token) -> Token | None:
    """The object of a preposition of the verb, or, when the parser left it with none, the verb's "subject" right after
    it ("called on Michigan Gov. Rick Snyder to resign", with "Snyder" read as a second subject)."""
    obj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if obj is not None:
        return obj
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "nsubj" and c.left_edge.i == preposition.i + 1 and stranded_object(c, verb)
        ),
        None,
    )


def _coordinated(cue: Token, lexicon: CueLexicon, statement: list[Token]) -> list[Token]:
    """Conjuncts the parser hung on the cue after the statement: a second that-clause ("said A, but that
    B"), a noun ("went on about A and B"), or a verb with no subject of its own that reports nothing
    ("said she wanted A and let them know B"; not "said A, but declined to B", the narrator's contrast, nor "said
    they would miss the deadline, and requested another month", a verb in the cue's tense: :func:`_in_cue_tense`)."""
    if not statement or min(t.i for t in statement) < cue.i:
        return []  # "“A,” said X, who ..., and nominated ...": narration about the speaker
    last = max(t.i for t in statement)
    out = []
    for child in cue.children:
        if child.dep_ != "conj" or child.i <= last:
            continue
        if child.pos_ in ("VERB", "AUX") and not _has_that(child):
            verbs = [child] + [c for c in child.children if c.dep_ == "xcomp"]
            if any(lexicon.is_verb_cue(v.lemma_) for v in verbs):
                continue
            if _has_subject(child):
                if not _modal(child) or _modal(cue):
                    continue  # "said A, but critics disagree": the narrator's; not "..., but drones will be met"
            else:
                charge(cue.doc, cue.n_lefts + cue.n_rights)
                if any(c.dep_ == "cc" and c.lower_ == "but" and last < c.i < child.i for c in cue.children):
                    continue
                if _in_cue_tense(child, cue, statement):
                    continue
        elif child.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
            continue
        out += subtree(child)
    return out


def _in_cue_tense(verb: Token, cue: Token, statement: list[Token]) -> bool:
    """ "said they would miss the deadline, and requested another month": a verb coordinated with the cue, in the
    cue's tense and not in that of the statement's head, goes on about the speaker (as :func:`.reporters._narrates`)."""
    charge(cue.doc, len(statement))
    head = next((t for t in statement if t.head.i == cue.i and t.i > cue.i), None)
    tag = finite_tag(verb)
    return head is not None and tag == finite_tag(cue) and tag != finite_tag(head)


def _modal(verb: Token) -> bool:
    """ "will be met", "could be shot down": a clause with a modal is a forecast or a stance, which a narrator
    coordinating facts with "said" rarely makes; the speaker does (not after "will pledge A, and they will also
    be ...", where the narrator is the one forecasting)."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _coordinated_nouns(cue: Token, statement: list[Token]) -> list[Token]:
    """ "blasted the film and the books", "blamed him for A and B": a noun the parser coordinated with a learned
    construction's cue, right after its statement, is more of what the cue is about (a misparse of coordinated
    objects); a reporting verb's own statement gets them from :func:`_coordinated`.

    Limits, plainly: only "A and B", "A, and B", "A — but B" with nothing but marks and the conjunction between, never
    over a semicolon; a coordinated verb ("attacked A and praised B") stays the narrator's.  On PolNeAR train it
    changes 10 speech rows, whose gold goes on over the nouns 6 times and stops before them once."""
    if not statement or min(t.i for t in statement) < cue.i:
        return []
    last = max(t.i for t in statement)
    out: list[Token] = []
    for child in cue.children:
        if child.dep_ != "conj" or child.i <= last or child.pos_ not in ("NOUN", "PROPN"):
            continue
        between = cue.doc[last + 1 : child.left_edge.i]
        charge(cue.doc, len(between))
        if not any(t.dep_ == "cc" for t in between) or any(
            t.text == ";" or not (t.is_punct or t.is_space or t.dep_ == "cc") for t in between
        ):
            break  # only "A and B", "A, and B", "A — and B" right after the statement; a semicolon ends it
        out += subtree(child)
        last = child.right_edge.i
    return out


def _after_colon(tokens: list[Token]) -> list[Token]:
    """ "X scolded him: “A,” she said": before the cue, what precedes a colon that opens a quotation
    is narration introducing it."""
    colon = max((k for k, t in enumerate(tokens[:-1]) if t.text == ":" and tokens[k + 1].is_quote), default=None)
    return tokens if colon is None else tokens[colon + 1 :]


def _cut_at_cue_conjunct(cue: Token, tokens: list[Token], lexicon: CueLexicon) -> list[Token]:
    """The statement ends before a verb that :func:`_narrates`, and before its conjunction."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i in ids and _narrates(token, cue, lexicon):
            conjunctions = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            left = max(conjunctions, default=token.left_edge.i)
            return [t for t in tokens if t.i < left]
    return tokens


def _reported_clause(root: Token, lexicon: CueLexicon) -> list[Token]:
    """The reported clause's words up to a semicolon: after it ("...; they only learned on Friday ...")
    the narrator speaks again.  So does a closing contrast that reports something else (", while
    22 percent said ...", ", even though many observers doubt ...")."""
    tokens = subtree(root)
    cut = next((k for k, t in enumerate(tokens) if t.text == ";" and k > 0), None)
    tokens = tokens if cut is None else tokens[:cut]
    doc = root.doc
    adding = _continuing_participle(root)
    if adding is not None:
        # "said she will not run again, adding she is a new mom": the participle's words are a statement of their own
        tokens = [t for t in tokens if t.i < adding.left_edge.i - 1]
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


def _continuing_participle(root: Token) -> Token | None:
    """ ", adding she is a new mom": a participle of a verb of going on (``continuing_verbs``) with a clause of its own,
    set off by a comma or a dash after a reported clause, which the parser hung on that clause (it reports more of
    the same speech; :func:`.reporters._continuing_speaker` gives it the report's speaker)."""
    for child in root.rights:
        if child.dep_ != "advcl" or child.tag_ != "VBG" or child.lemma_.lower() not in _CONTINUING_VERBS:
            continue
        mark = root.doc[child.left_edge.i - 1] if child.left_edge.i else child
        if mark.text in SETTING_OFF_MARKS and any(c.dep_ == "ccomp" for c in child.children):
            return child
    return None


def _complement(verb: Token) -> Token | None:
    clauses = [
        c for c in verb.children if c.dep_ == "ccomp" and not _across_semicolon(c, verb) and not apposed_title(c)
    ]
    if clauses:
        return _clause_right_after(verb, clauses) or clauses[0]
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
    # "told reporters during a visit to Scotland that he thinks ...": the parser may hang the that-clause on the
    # object of an adjunct of the cue (when, where, on what occasion it was said).
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i and child.lower_ in _OCCASION_PREPOSITIONS:
            said = _that_clause_in(child)
            if said is not None:
                return said
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
    # "he quoted Buhari to have said that ...", "quoted Buhari saying that ...": the speech verb's clause.
    if verb.lemma_.lower() in _RELAYING_VERBS:
        said = next((c for c in verb.children if relayed_speech(verb, c)), None)
        return _complement(said) if said is not None else None
    return None


def _clause_right_after(verb: Token, clauses: list[Token]) -> Token | None:
    """ "Fiorina was a planner - a former speechwriter said she demanded A", "... online: 1,409 teachers said they
    wanted A": the parser hung the narration before the speaker on the cue as a second complement; the clause right
    after the cue, with no punctuation between them, is what was said (PolNeAR train's gold starts there 17 times,
    never before the speaker; 13 rows more match).  Not when the clause before is quoted, nor when a comma or a colon
    closes the tag ("It is no surprise, Mr. Garin said, that A": the statement goes on after the tag, and
    :func:`~.continuations.continued_after_tag` reads it)."""
    before = next((c for c in clauses if c.i < verb.i), None)
    after = next((c for c in clauses if c.i > verb.i), None)
    if before is None or after is None:
        return None
    doc = verb.doc
    charge(doc, after.left_edge.i - before.left_edge.i)
    if any(t.is_punct for t in doc[verb.i + 1 : after.left_edge.i]):
        return None
    if any(t.is_quote for t in doc[before.left_edge.i : verb.i]):
        return None
    return after


def _that_clause_in(phrase: Token) -> Token | None:
    """A clause opened by "that" (as its mark, or misread as an adverb), with a subject of its own, hung on a noun of
    the noun phrases of ``phrase``: "during a visit to Scotland on Friday that he thinks ...", "in the early morning
    hours that A was ..."; not through a verb ("for making an issue out of the claim that ...")."""
    for clause in subtree(phrase):
        if clause.dep_ not in ("acl", "relcl") or not _through_nouns(clause.head, phrase):
            continue
        opener = clause.doc[clause.left_edge.i]
        if (
            opener.lower_ == "that"
            and opener.head.i == clause.i
            and (opener.dep_ in ("mark", "advmod") or _object_taken_for_that(opener, clause))
            and any(c.dep_ in SUBJECTS for c in clause.children)
        ):
            return clause
    return None


def _object_taken_for_that(that: Token, clause: Token) -> bool:
    """ "said in a news release that talks have broken down": the parser read "that" as a relative pronoun, the
    object of the clause on a work's noun; unless the clause makes or sends the work ("in a statement that he
    posted", ``making_verbs``), the clause is what the work said."""
    return that.dep_ == "dobj" and clause.head.lemma_.lower() in _WORKS and clause.lemma_.lower() not in _MAKING_VERBS


def _through_nouns(noun: Token, phrase: Token) -> bool:
    """``noun`` is a noun of the noun phrase ``phrase`` governs ("a visit", "one of a series of messages"), or of
    another adjunct of occasion joined to it ("on social media and in interviews"): not one behind another
    preposition ("in response to reports that ...": the reports are part of what was said)."""
    for step in climb(noun):
        if step.i == phrase.i:
            return True
        if (
            step.pos_ not in ("NOUN", "PROPN", "NUM")
            and step.lower_ != "of"
            and step.lower_ not in _OCCASION_PREPOSITIONS
        ):
            return False
    return False


def _across_semicolon(clause: Token, verb: Token) -> bool:
    """A clause the parser hung on the verb across a semicolon is a sentence of its own, not what was said."""
    lo, hi = (clause.right_edge.i + 1, verb.i) if clause.i < verb.i else (verb.i + 1, clause.left_edge.i)
    charge(verb.doc, max(hi - lo, 0))
    return any(t.text == ";" for t in verb.doc[lo:hi])


def _phrasing(verb: Token, lexicon: CueLexicon) -> bool:
    """ "as X put it": a verb of :data:`_PHRASING_VERBS` with "it" as object, in an as-clause."""
    return verb.lemma_.lower() in _PHRASING_VERBS and _reporting_as_clause(verb, lexicon)


def _reporting_as_clause(verb: Token, lexicon: CueLexicon) -> bool:
    """ "As Politico reported, A", "A, as X noted, B", "as she put it": an adverbial clause opened by "as", set off
    by commas, that reports nothing of its own vouches for the clause it hangs on.  Not a clause of time ("even as
    advocates called for his dismissal", "as he replied", "news as we know it"): one with content of its own (an
    object other than "it" or the one spoken to, a complement, what the cue model takes for a statement), or not
    set off, or passive with a subject ("as he's known by"); nor on a clause that is a report of its own
    ("pledges to A, as she put it": the pledge is the row)."""
    head = verb.head
    clause = head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT"  # a root noun: the parser missed the verb
    if verb.dep_ != "advcl" or not clause or head.i == verb.i or lexicon.is_verb_cue(head.lemma_):
        return False
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i), None)
    if mark is None or not _set_off(verb.doc, mark.i, verb.right_edge.i):
        return False
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if lemma in _PHRASING_VERBS:
        if [o.lower_ for o in objects] != ["it"]:
            return False  # "as she put on her coat"
    elif objects and lemma not in _ADDRESSEE_VERBS:
        return False  # "as we know it", "as he announced his run"
    if any(c.dep_ in ("ccomp", "xcomp", "attr", "acomp", "oprd", "nsubjpass") for c in verb.children):
        return False
    speaker = subject_or_agent(verb)
    return speaker is None or not any(
        relation.startswith("prep:") and lexicon.learned(verb, relation, statement, speaker) >= lexicon.threshold
        for relation, statement in statement_relations(verb)
    )


def _set_off(doc: Doc, first: int, last: int) -> bool:
    """The words first..last stand between punctuation (or open the sentence), quotation marks aside."""
    before = first - 1
    while before >= 0 and doc[before].is_quote:
        before -= 1
    while last > first and doc[last].is_punct:  # the parser may hang the closing comma on the clause
        last -= 1
    after = last + 1
    while after < len(doc) and doc[after].is_quote:
        after += 1
    opens = before < sentence_of(doc[first]).start
    return (opens or doc[before].is_punct) and after < len(doc) and doc[after].is_punct


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
    for other in (c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.i != source_head.i):
        skip -= set(subtree_ids(other))  # "The economy, said Mayor Smith, is ...": the statement's subject
    speaker = set(subtree_ids(source_head))
    if source_head.i not in skip and (min(speaker) == verb.i + 1 or max(speaker) == verb.i - 1):
        skip |= speaker  # "“The risk,” said Edward Leamer, “is ...”": the parser made him the subject of "is"
    tokens = lexicon.extend(verb, "parataxis", [t for t in subtree(verb.head) if t.i not in skip])
    tag = verb.doc[min(skip) : max(skip) + 1]
    tokens = _quotation_after_tag(tokens, tag)
    bounds = _trim(tokens)
    if bounds is None:
        return None
    start, end = bounds
    claim = Claim(start, end, verb.doc[verb.i : verb.i + 1], _mention(source_head), "indirect")
    # "This campaign, he says, is different", "“A,” Leamer said, “b”": the tag is no part of it
    claim.pieces = _pieces_around(tokens, tag.start, tag.end)
    return continued_after_tag(claim, verb)  # a claim already in pieces comes back as it is


def _quotation_after_tag(tokens: list[Token], tag: Span) -> list[Token]:
    """The words after the tag when it opens a quotation and nothing before it is quoted ("Later, he said, “I
    don’t ...”", "On the issues, he said, “...”": the words before are the writer's); else ``tokens``."""
    doc = tag.doc
    opens = tag[-1].is_quote or (tag.end < len(doc) and doc[tag.end].is_quote)
    before = [t for t in tokens if t.i < tag.start]
    if not opens or not before or any(t.is_quote for t in before):
        return tokens
    ids = {t.i for t in before}
    framing = all(t.dep_ in _FRAMING_DEPS for t in before if t.head.i not in ids)  # not "Terrorism, he said, “is ...”"
    return [t for t in tokens if t.i >= tag.end] if framing else tokens


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
    """ "X said that A, Y said": the parser may hang A under the inner "Y said"; the statement is A.  So it is
    when the report is told twice, the cue before the statement and again after it ("Feinstein said “A,” she
    said"): A hangs under the inner cue, before the outer one."""
    if lexicon.is_verb_cue(content.lemma_) and any(c.dep_ in SUBJECTS for c in content.children):
        inner = next((c for c in content.children if c.dep_ == "ccomp" and c.i < content.i), None)
        if inner is None and content.head.i > content.i and _opens_quotation(content):
            inner = next((c for c in content.children if c.dep_ == "ccomp" and c.i < content.head.i), None)
        if inner is not None:
            return inner
    return content


def _opens_quotation(verb: Token) -> bool:
    """The cue is followed by a quotation mark, right after it or after a comma or colon ("said, “...")."""
    doc = verb.doc
    after = [doc[k] for k in range(verb.i + 1, min(verb.i + 3, len(doc)))]
    if after and after[0].text in (",", ":"):
        after = after[1:]
    return bool(after) and after[0].is_quote


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
