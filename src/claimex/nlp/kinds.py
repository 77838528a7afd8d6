"""What kind of claim a row is: speech, thought, evidence or action (pure functions of the parse).

News attributes more than speech.  "Trump believes that ..." attributes a thought, "the poll found
..." a piece of evidence, "the senator backed the bill" an act or a stance.  Only the first is what
an analyst asking *who said what* wants, so every claim gets a kind and the default output keeps
speech alone:

* **speech**: what someone said or wrote: said, told, wrote, tweeted, announced, denied, warned,
  criticized, called for, "according to", and every direct quotation, transcript turn ("PENCE:"),
  colon introduction and signed quotation ("― Jane Doe");
* **thought**: beliefs, knowledge, perceptions, feelings about something, wishes and intentions:
  believes, thinks, knows, sees, wants, hopes, fears, expects, plans, "is confident that";
* **evidence**: what a thing shows or finds: a poll, a study, data or records that show, find,
  suggest or indicate ("records show", "the study found", "according to a new poll"), and what a
  demonstrative pronoun points at ("That suggests ...", the idiom "That said, ...");
* **action**: acts and stances: backed, voted, endorsed, supported, decided, refused to, sought,
  offered, pushed.

The kind is decided from the cue and its construction: the cue word's kind as listed in
``data/claim_kinds.tsv`` (lemmas of PolNeAR train's gold cues and of claimex's cue lexicon and cue
model), changed by the way the statement hangs on the cue ("agreed that ..." is speech, "agreed to
a deal" an action) and by the source ("she found that ..." is a thought, "the study found that ..."
evidence; the source nouns are listed in ``data/claim_sources.tsv``).  The same function
classifies gold attributions for ``claimex eval`` (:func:`claimex.evaluation.kinds.classify_gold`), so that
the default output is scored against the gold attributions of the same kind.

Limits, plainly: the kind is a word's usual sense in news, not this sentence's ("he showed the
letter to reporters" is an action, "he showed that he can win" is one too); a cue word that is
not listed takes its kind from the construction alone (a clause: speech, an infinitive: thought,
anything else: action); a verb of phase or raising ("continued to", "seems to") takes its infinitive's
kind, and a speech verb in the infinitive of a verb whose complement did not happen ("refused to say",
"wanted to know") that verb's kind, both only as the parser hangs the infinitive on the verb; a
multi-word cue is judged by its highest listed word other than a light verb ("issued a statement" by
"statement", "went on to say" by "say"), an unlisted word before a light verb.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..lexicon import words

if TYPE_CHECKING:  # the row options (parse_kinds) are checked without loading spaCy
    from spacy.tokens import Span, Token

SPEECH, THOUGHT, EVIDENCE, ACTION = "speech", "thought", "evidence", "action"
KINDS: tuple[str, ...] = (SPEECH, THOUGHT, EVIDENCE, ACTION)
DEFAULT_KINDS: frozenset[str] = frozenset({SPEECH})

# How a statement hangs on its cue (see :func:`relation`).
CLAUSE, INFINITIVE, OBJECT, OTHER = "clause", "to", "object", "other"
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "csubj"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative", "obj"})
_SKIPPED_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "det", "prt", "poss", "case", "punct", "mark"})
DATA, DOCUMENT = "data", "document"


@dataclass(frozen=True)
class CueKind:
    """One listed cue word: its kind, and what may change it."""

    kind: str
    evidence: bool = False  # with a thing as source (data or a document) the claim is evidence
    data: bool = False  # with data as source ("according to a poll") the claim is evidence
    light: bool = False  # a light verb: the cue's other words decide
    target: bool = False  # speaking about or at something: a bare noun phrase is its target, not its content
    by_relation: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class KindLexicon:
    cues: dict[str, CueKind]
    sources: dict[str, str]  # noun lemma -> DATA or DOCUMENT


def parse_cue_kinds(lines: Iterable[str]) -> dict[str, CueKind]:
    """``lemma<TAB>kind[<TAB>flag...]`` lines (``#`` comments) as a lemma -> :class:`CueKind` map."""
    cues: dict[str, CueKind] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind, *flags = line.rstrip("\n").split("\t")
        if kind not in KINDS or lemma in cues:
            raise ValueError(f"claim_kinds line {number}: {line!r} (unknown kind or a lemma listed twice)")
        by_relation = dict(flag.split("=", 1) for flag in flags if "=" in flag)
        if any(k not in KINDS for k in by_relation.values()):
            raise ValueError(f"claim_kinds line {number}: unknown kind in {line!r}")
        cues[lemma] = CueKind(
            kind, "evidence" in flags, "data" in flags, "light" in flags, "target" in flags, by_relation
        )
    return cues


def parse_sources(lines: Iterable[str]) -> dict[str, str]:
    sources: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind = line.rstrip("\n").split("\t")
        if kind not in (DATA, DOCUMENT) or lemma in sources:
            raise ValueError(f"claim_sources line {number}: {line!r} (unknown class or a noun listed twice)")
        sources[lemma] = kind
    return sources


@lru_cache(maxsize=1)
def default_lexicon() -> KindLexicon:
    """The lists shipped in ``claimex/data`` (read once)."""
    data = resources.files("claimex").joinpath("data")
    cues = parse_cue_kinds(data.joinpath("claim_kinds.tsv").read_text(encoding="utf-8").splitlines())
    sources = parse_sources(data.joinpath("claim_sources.tsv").read_text(encoding="utf-8").splitlines())
    return KindLexicon(cues, sources)


def parse_kinds(value: str | Iterable[str] | None) -> frozenset[str]:
    """``"speech,thought"``, ``["speech"]`` or ``"all"`` as a set of kinds; None: the default (speech).

    Raises ValueError naming the kinds there are on anything else."""
    if value is None:
        return DEFAULT_KINDS
    names = value.split(",") if isinstance(value, str) else list(value)
    names = [n.strip().lower() for n in names if n.strip()]
    if names == ["all"]:
        return frozenset(KINDS)
    unknown = [n for n in names if n not in KINDS]
    if unknown or not names:
        raise ValueError(f"unknown claim kind {', '.join(unknown) or '(none)'}: use {','.join(KINDS)} or all")
    return frozenset(names)


# --- the decision --------------------------------------------------------------


def claim_kind(
    cue: Sequence[Token] | None,
    source: Span | None,
    statement: Sequence[Token] | None,
    quote_type: str,
    lexicon: KindLexicon | None = None,
) -> str:
    """The kind of a claim from its cue's words, its source's words, its statement's words and quote type.

    ``cue`` may be a multi-word gold cue ("has said", "issued a statement describing"); without a
    word (a colon, a dash, no cue) and for a direct quotation the claim is speech, unless its cue is the
    infinitive of a verb whose complement did not happen ("wanted to know, “...”")."""
    lexicon = lexicon or default_lexicon()
    words = [t for t in cue or () if t.is_alpha]
    if not words:
        return SPEECH
    key = _key_word(words, lexicon)
    unrealized = _unrealized_by(key, lexicon)
    if unrealized:
        return unrealized  # "refused to say that A", "wanted to know, “...”": said by no one, even quoted
    if quote_type == "direct":
        return SPEECH
    if _demonstrative(source):
        return EVIDENCE  # "That suggests a lack of confidence", "That said, ...": a fact speaks, no one's words
    statement = statement or ()
    if reports_nothing(words, statement):
        return ACTION  # "declined to comment", "did not respond to requests for comment": no statement
    entry = lexicon.cues.get(_lemma(key))
    how = relation(key, statement)
    if entry is None:
        return fallback_kind(how)
    source_class = _source_class(source, lexicon)
    if (entry.evidence and source_class) or (entry.data and source_class == DATA):
        return EVIDENCE
    if source_class == DATA and entry.kind != SPEECH:
        return EVIDENCE  # "the poll has Clinton at 45 percent", "a survey gives ..."
    word = _deciding_complement(key, how, statement, entry, lexicon)
    if word is not None:  # "continued to insist that A", "issued a statement saying A": that word decides
        return claim_kind([word], source, [t for t in statement if t.i > word.i], quote_type, lexicon)
    kind = entry.by_relation.get(how, entry.by_relation.get(how.split(":")[0], entry.kind))
    if entry.target and kind == SPEECH and quote_type != "mixed" and _aimed_at(how, statement):
        return ACTION  # "attacked Machado", "spoke about the economy": what the words were aimed at
    return kind


# Verbs of phase and raising: their infinitive's verb decides the kind ("continued to invest billions").
_PHASE_VERBS = words("phase_verbs")
# Verbs whose infinitive complement did not take place ("refused to say", "wanted to know").
_UNREALIZED = words("unrealized_verbs")


def _unrealized_by(cue: Token, lexicon: KindLexicon) -> str:
    """The kind of the verb whose unrealized infinitive complement ``cue`` is ("refused to say that A":
    action, "wanted to know": thought), or "" when the cue is no such complement.  Only an infinitive
    (the parser's open complement, or a clausal one in the bare form: "wants voters to recall that A"),
    never a finite clause ("meaning he had not said that A" was said); a light verb's never."""
    head = cue.head
    infinitive = cue.dep_ == "xcomp" or (cue.dep_ == "ccomp" and cue.tag_ == "VB")  # "wants voters to recall"
    if not infinitive or head.i == cue.i or _lemma(head) not in _UNREALIZED:
        return ""
    entry = lexicon.cues.get(_lemma(head))
    return entry.kind if entry is not None and entry.kind != SPEECH else ACTION


def _aimed_at(how: str, statement: Sequence[Token]) -> bool:
    """The statement is a bare noun phrase the cue takes as its object ("attacked Machado") or through
    a preposition ("spoke about the economy"); "praised X for ...", "described X as ..." say something."""
    if how != OBJECT and not (how.startswith("prep:") and how not in ("prep:for", "prep:as")):
        return False
    ids = {t.i for t in statement}
    says = (t for t in statement if t.pos_ in ("VERB", "AUX") and not _in_noun_modifier(t, ids))
    predicate = (
        t
        for t in statement
        if (t.dep_ == "oprd" or (t.dep_ == "prep" and t.lower_ in ("as", "for")) or _unmarked_apposition(t))
        and not (t.head.i in ids and _in_noun_modifier(t.head, ids))
    )
    quoted = (t for t in statement if t.is_quote and not _possessive_mark(t))
    return not any(says) and not any(predicate) and not any(quoted)


def _in_noun_modifier(verb: Token, ids: set[int]) -> bool:
    """The verb modifies a noun, or is in a relative clause of the statement ("her campaign, which some
    have said has been lacklustre": "been" is the relative clause's too)."""
    if _modifies_noun(verb):
        return True
    token = verb
    for _ in range(len(ids)):  # a walk up the statement's own words: at most its length
        if token.head.i == token.i or token.head.i not in ids:
            return False
        token = token.head
        if token.dep_ == "relcl":
            return True
    return False


def _possessive_mark(token: Token) -> bool:
    """An apostrophe closing a possessive ("the authorities' planning"), attached to its word: no quotation."""
    doc = token.doc
    attached = token.i > 0 and not doc[token.i - 1].whitespace_
    return attached and (token.dep_ == "case" or token.tag_ == "POS")


def _content_clause(verb: Token) -> bool:
    """A noun's clause marked "that" ("concern that the bill would fail", "reports that he used ..."): what
    the noun holds, which says something; a relative clause has its "that" as an argument."""
    return verb.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _modifies_noun(verb: Token) -> bool:
    """A verb in a modifier of a noun, which says nothing of its own: "the plan that ...", "the public's help in
    locating X", "topics, including X".  Not a noun's content clause ("the notion that ..."), nor after "of", which the parser hangs on the noun where it is what was
    said ("accused the president of politicizing ...")."""
    if verb.dep_ in ("relcl", "acl", "amod"):
        return not _content_clause(verb)
    phrase = verb.head if verb.dep_ == "pcomp" else verb if verb.dep_ == "prep" else None
    return phrase is not None and phrase.lower_ != "of" and phrase.head.pos_ in ("NOUN", "PROPN", "PRON")


def _unmarked_apposition(token: Token) -> bool:
    """A determined noun phrase the parser apposed to the one before it with no mark between: the second
    object of a naming verb it misread ("called her son her hero", "called global warming a hoax")."""
    start = token.left_edge.i
    if token.dep_ != "appos" or start == 0 or token.doc[start - 1].is_punct:
        return False
    return any(c.dep_ in ("det", "poss") for c in token.children)  # not a name after a title ("rival Donald Trump")


# Words of a request for comment and of commenting itself: "to comment on the report", "requests for
# comment", "to say whether ...".  A statement of these words alone, what they are about aside, says nothing.
_COMMENT_WORDS = words("comment_words")
_NO_CONTENT_CUES = words("no_content_cues")
_SPEAKING_TERMS = words("speaking_terms")
_TERMS_PURPOSE = frozenset({"to", "because", "since", ","})  # "anonymity to discuss ...", "... because they were"
# Verbs that, withheld ("did not comment", "declined to elaborate"), report nothing whatever they are about.
_COMMENTING = words("commenting_verbs")
# Verbs that, withheld, report nothing when what follows is only a question ("declined to say whether ...").
_SPEAKING = _COMMENTING | words("speaking_verbs")
_TOPIC_PREPS = frozenset({"on", "about", "regarding", "over", "concerning", "to"})
_QUESTION_MARKS = frozenset({"whether", "if", "what", "why", "how", "who", "when", "where", "which"})


def reports_nothing(cue: Sequence[Token], statement: Sequence[Token]) -> bool:
    """A no-content report: "declined to comment (on the report)", "refused to say whether ...", "did
    not respond to requests for comment", "could not be reached for comment", "was not available for
    comment", "did not comment on ...".  Never a row, and never speech in the gold."""
    lemmas = {_lemma(t) for t in cue if t.is_alpha}
    if _speaking_terms(statement):
        return True  # "spoke on condition of anonymity because ...": the terms of speaking, not what was said
    if any(_withheld(t) for t in cue if _lemma(t) in _SPEAKING):
        first = next((t for t in statement if t.is_alpha), None)
        if lemmas & _COMMENTING or first is None or first.lower_ in _QUESTION_MARKS | _TOPIC_PREPS:
            return True  # "did not comment on the report", "declined to say whether ...": only a topic
    if not lemmas & _NO_CONTENT_CUES:
        return False
    words = [t for t in _without_topic(statement) if t.is_alpha and not t.is_stop]
    return all(_lemma(t) in _COMMENT_WORDS for t in words)


def _speaking_terms(statement: Sequence[Token]) -> bool:
    """The statement is the terms of speaking: the head noun of its opening phrase is one of ``speaking_terms``
    ("anonymity to discuss ..."), or "condition" of one ("the condition of anonymity because they were not
    authorized ..."), with nothing after it but what the terms are for ("anonymity on the internet" is a topic)."""
    ids = {t.i for t in statement}
    head = next((t for t in statement if t.head.i not in ids or t.head.i == t.i), None)  # the opening phrase's
    if head is None:
        return False
    if _lemma(head) == "condition":
        head = next((g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), head)
    if _lemma(head) not in _SPEAKING_TERMS:
        return False
    after = next((t for t in statement if t.i > head.i), None)  # what anonymity is for, or nothing
    return after is None or after.lower_ in _TERMS_PURPOSE


def _withheld(token: Token) -> bool:
    """The word is negated ("did not comment") or what someone declined or refused to do."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return token.dep_ == "xcomp" and _lemma(token.head) in ("decline", "refuse")


def _without_topic(statement: Sequence[Token]) -> list[Token]:
    """``statement`` without what commenting would have been about: prepositional objects ("on the
    report"), indirect questions ("whether ...") and possessors ("a reporter's") of its comment words."""
    ids = {t.i for t in statement}
    dropped: set[int] = set()
    for token in statement:
        if _lemma(token) not in _COMMENT_WORDS:
            continue
        for child in token.children:
            if child.i not in ids:
                continue
            question = child.dep_ in ("ccomp", "xcomp", "advcl") and any(
                g.lower_ in _QUESTION_MARKS for g in child.subtree
            )
            if (child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS) or question or child.dep_ == "poss":
                dropped |= {t.i for t in child.subtree}
    return [t for t in statement if t.i not in dropped]


def fallback_kind(how: str) -> str:
    """The kind of an unlisted cue word, from the construction: a clause is reported speech, an
    infinitive an intention, anything else an act."""
    return SPEECH if how == CLAUSE else THOUGHT if how == INFINITIVE else ACTION


def relation(cue: Token, statement: Sequence[Token]) -> str:
    """How ``statement`` hangs on ``cue``: ``clause``, ``to`` (an infinitive), ``object``,
    ``prep:WORD`` or ``other`` (it does not hang on the cue)."""
    ids = {t.i for t in statement if not (t.is_punct or t.is_space)}
    if not ids:
        return OTHER
    roots = [t for t in statement if t.i in ids and (t.head.i not in ids or t.head.i == t.i)]
    for root in roots:
        if root.head.i == cue.i and root.i != cue.i:
            if root.dep_ == "xcomp" or (root.dep_ in _CLAUSE_DEPS and root.tag_ == "VB"):
                return INFINITIVE
            if root.dep_ in _CLAUSE_DEPS:
                return CLAUSE
            if root.dep_ in _OBJECT_DEPS:
                return OBJECT
        if root.dep_ in ("pobj", "pcomp") and root.head.head.i == cue.i and root.head.dep_ in ("prep", "agent"):
            return f"prep:{root.head.lower_}"
        if root.head.dep_ in ("prep", "prt") and root.head.i == cue.i + 1 and root.head.head.i == cue.i:
            return f"prep:{root.head.lower_}"
    return OTHER


def _deciding_complement(
    key: Token, how: str, statement: Sequence[Token], entry: CueKind, lexicon: KindLexicon
) -> Token | None:
    """The word of the statement that decides the kind in place of the cue: the verb of a phase or raising
    verb's infinitive ("continued to invest billions"), or a light verb's listed object noun: one of
    another kind always ("cast their votes", "threw her support behind": acts; "laid out his plan": a
    thought), a speech noun only with a participle or a that-clause ("issued a statement saying A"; not
    "gave a speech": a bare noun says nothing; not a relative clause: "released a letter that says A"
    names the letter, whose words would open the statement)."""
    if how == INFINITIVE and _lemma(key) in _PHASE_VERBS:
        return _infinitive_verb(key, statement)
    if not (entry.light and how == OBJECT):
        return None
    noun = next((t for t in statement if t.head.i == key.i and t.dep_ in _OBJECT_DEPS), None)
    if noun is None or _lemma(noun) not in lexicon.cues or lexicon.cues[_lemma(noun)].light:
        return None
    says = any(c.dep_ == "ccomp" or (c.dep_ == "acl" and c.tag_ == "VBG") for c in noun.children)
    return noun if says or lexicon.cues[_lemma(noun)].kind != SPEECH else None


def _infinitive_verb(cue: Token, statement: Sequence[Token]) -> Token | None:
    """The verb of the infinitive ``statement`` that hangs on ``cue`` ("continued to invest billions": invest)."""
    return next(
        (t for t in statement if t.head.i == cue.i and t.i != cue.i and t.pos_ in ("VERB", "AUX") and t.i > cue.i),
        None,
    )


def _key_word(words: list[Token], lexicon: KindLexicon) -> Token:
    """The word of a cue that decides its kind: the highest listed word that is not a light verb,
    else the highest listed word, else the highest word."""
    ids = {t.i for t in words}

    def depth(token: Token) -> int:
        d = 0
        while token.head.i in ids and token.head.i != token.i and d < len(ids):
            token, d = token.head, d + 1
        return d

    ranked = sorted(words, key=lambda t: (t.dep_ in _SKIPPED_DEPS, depth(t), t.i))
    listed = [t for t in ranked if _lemma(t) in lexicon.cues]
    heavy = [t for t in listed if not lexicon.cues[_lemma(t)].light]
    # An unlisted noun, verb or adjective outranks a light verb ("'s bet is": "bet", not "is").
    unlisted = [t for t in ranked if _lemma(t) not in lexicon.cues and t.pos_ in ("NOUN", "VERB", "ADJ")]
    return (heavy or unlisted or listed or ranked)[0]


def _lemma(token: Token) -> str:
    lemma = (token.lemma_ or token.lower_).lower()
    return "accord" if token.lower_ == "according" else lemma


_DEMONSTRATIVES = frozenset({"that", "this"})


def _demonstrative(source: Span | None) -> bool:
    """A source that is a lone demonstrative pronoun ("That", "this"): it points at a fact or an event."""
    return source is not None and len(source) == 1 and source[0].lower_ in _DEMONSTRATIVES and source[0].tag_ == "DT"


def _source_class(source: Span | None, lexicon: KindLexicon) -> str:
    """DATA or DOCUMENT when the source is a thing ("a new poll", "court records"), else ""."""
    if source is None or not len(source):
        return ""
    root = source.root
    if root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or root.pos_ == "PRON":
        return ""
    return lexicon.sources.get(_lemma(root), "")
