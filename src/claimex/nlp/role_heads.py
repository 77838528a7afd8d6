"""Role nouns the tagger took for another part of speech, given back the head of their noun phrase.

A description names its holder by a role noun after its modifiers: "the Spanish forward", "the WHO head", "the
31-year-old forward".  The tagger may take that noun for the adverb, verb or adjective it also is ("a step
forward", "to head home"), and the parser then ends the noun phrase before it: "the Spanish forward said" gets
the subject "the Spanish", "forward" an adverb of "said", and "said the WHO head" a clause "the WHO heads".  Every
reader of the parse downstream (the speaker's mention, its resolution, the role of the profile) then reads a
modifier, "Spanish", for the speaker.  :func:`repair_role_heads` makes such a word the noun it is there: a noun
(tag ``NN``), head of the noun phrase, with the words before it its modifiers; before a name ("Spanish forward
Alvaro Morata scored", "The WHO head Carlos Soler said", the name parsed the object of "head"), the name's title.
Three misparses of the same phrases go with it: a description the parser made a second subject beside the name
after it ("The Portuguese winger Carlos Soler said") is made that name's; a role noun written in lower case that
the tagger took for a name ("the Irish international said") a common noun; words a hyphen joins that the parser
made three subjects ("The Green co-leader said": "co", "-", "leader") one noun; and adjectives coordinated before
one noun ("Current and former officials said", parsed with "Current" the subject) its modifiers.

Only where the parse says the word ends a noun phrase: it follows a determiner's or possessor's modifiers ("the
Spanish", "a White House", "Brazil's") and nothing hangs on it but punctuation, and a verb, a name or a mark comes
next.  A common noun before it must name a person itself ("the veteran forward"; not "a step forward", "the way
forward"), an object's particle stays one ("move the Democratic Party forward"), and a verb-tagged word must come
after its verb ("said the WHO head"), not take an object but a name's.

Limits, plainly: the role nouns are those the lexicon knows (:func:`is_role_noun`; for a word tagged an adjective,
``adjective_role_nouns`` alone, as WordNet's person senses of "same" or "super" are no one's reading); a noun
phrase the tagger ends on another unknown word stays as parsed, and so does a role noun tagged a participle
("the accused").
"""

from __future__ import annotations

import functools

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, IS_ALPHA, IS_LOWER, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..lexicon import words
from ..lexicon.nouns import names_person, person_nouns
from ..lexicon.titles import TITLE_WORDS

_ROLE_NOUNS = words("role_nouns") | words("team_role_nouns")
#: Role nouns the tagger may tag adjectives where they head their phrase ("the Democratic hopeful").
_ADJECTIVE_ROLES = words("adjective_role_nouns")
#: Where a noun phrase hangs in its clause: the dependencies a description's head takes.
_NOMINAL = frozenset({"nsubj", "nsubjpass", "appos", "pobj", "dobj", "attr", "conj", "dative"})
#: How the parser hangs a role noun it took for another word on the phrase before it or on the verb.
_STRAY = frozenset({"advmod", "npadvmod", "amod", "dep", "acomp", "prt", "advcl", "oprd"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "appos", "pobj"})
#: The subjects of a clause a verb-tagged role noun heads ("said the WHO head" parsed as "the WHO heads").
_CLAUSES = frozenset({"ccomp", "conj", "parataxis", "advcl"})
#: Words of a noun phrase before its head.
_PREMODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod", "npadvmod", "advmod", "quantmod"})
_MODIFIER_TAGS = frozenset({"ADJ", "PROPN", "NOUN", "NUM"})
#: Comparatives, superlatives ("a bit longer", "the most"), participles ("the native-born", "hosted"): never a role
#: noun, whatever WordNet lists (Max Born, a host).
_NEVER_NOUN_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS", "VBN", "VBG", "VBD"})


def is_role_noun(word: str) -> bool:
    """Whether the lexicon knows ``word`` (lower case) as a noun for what a person is: a noun whose first sense is a
    person (WordNet), a title, or one of the role and team role nouns WordNet lacks ("midfielder", "winger")."""
    return word in _role_nouns()


@functools.cache
def _role_nouns() -> frozenset[str]:
    return _ROLE_NOUNS | TITLE_WORDS | person_nouns()


def repair_role_heads(doc: Doc) -> Doc:
    """Give each role noun the tagger took for another word the head of its noun phrase, and a description set
    beside the name after it to that name (see the module doc).  Unparsed words (a paragraph the gate kept from the
    parser) are left alone."""
    for i in _candidates(doc):
        token = doc[int(i)]
        if token.dep_ and token.is_lower and token.is_alpha and token.pos_ not in ("NOUN", "PROPN", "AUX"):
            _repair(token)
        elif token.pos_ == "PROPN" and token.is_lower and token.is_alpha and not token.ent_type_:
            _lower_case_name(token)
        elif token.text == "-" and token.dep_ in _NOMINAL:
            _join_hyphenated(token)
        elif token.pos_ == "ADJ" and token.dep_ in ("nsubj", "nsubjpass"):
            _shared_noun(token)
        elif token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN":
            _describe_next_name(token)
    return doc


def _candidates(doc: Doc) -> numpy.ndarray:
    """The positions of the words some repair may start from, read from the Doc's arrays at once: role nouns (or
    their plurals) in lower case that the tagger took for another word or for a name, hyphens, adjective and noun
    subjects."""
    if not len(doc):
        return numpy.zeros(0, dtype=numpy.int64)
    columns = doc.to_array([DEP, POS, IS_ALPHA, IS_LOWER, ORTH, LOWER, ENT_IOB, ENT_TYPE]).astype(numpy.uint64)
    dep, pos, alpha, lower, orth, form, iob, label = (columns[:, k] for k in range(8))
    known = _role_ids()  # sorted: looked up, not sorted again with each Doc's words as numpy.isin would
    found = known[numpy.minimum(numpy.searchsorted(known, form), len(known) - 1)] == form
    roles = (dep != 0) & (alpha == 1) & (lower == 1) & found
    mistagged = roles & ~numpy.isin(pos, _ids("NOUN", "AUX"))
    subject = numpy.isin(dep, _ids("nsubj", "nsubjpass"))
    named_next = numpy.zeros(len(doc), dtype=bool)  # a person's name starts right after (ENT_IOB 3 is "B")
    named_next[:-1] = (iob[1:] == 3) & (label[1:] == get_string_id("PERSON"))
    subjects = subject & ((pos == get_string_id("ADJ")) | ((pos == get_string_id("NOUN")) & named_next))
    hyphens = orth == get_string_id("-")
    return numpy.flatnonzero(mistagged | subjects | hyphens)


def _ids(*names: str) -> list[int]:
    return [get_string_id(name) for name in names]  # a tag's or a dependency's symbol, as the arrays hold it


@functools.cache
def _role_ids() -> numpy.ndarray:
    """The hashes of the lower-case role words and their plurals (what spaCy's ``LOWER`` column holds)."""
    forms = _role_nouns() | _ADJECTIVE_ROLES
    return numpy.array(
        sorted({get_string_id(w) for w in forms} | {get_string_id(w + "s") for w in forms}), numpy.uint64
    )


def _repair(token: Token) -> None:
    if token.tag_ in _NEVER_NOUN_TAGS or not _role_word(token) or token.i == 0:
        return
    if any(c.dep_ in ("det", "poss") for c in token.children) and _heads_own_phrase(token):
        return
    before = token.doc[token.i - 1]
    if _verb_before_name(token, before):  # "The WHO head Carlos Soler said"
        return
    if not _ends_phrase(token) or _title_before_name(token, before):  # "Spanish forward Alvaro Morata scored"
        return
    if not _opened_phrase(before, token):
        return
    # "the Spanish forward (Carlos Soler) said", "according to the Spanish forward", "praised the Spanish forward"
    # (a nationality is no object alone); not "move the Democratic Party forward" (an object's particle)
    governors = (before, before.head, before.head.head if before.dep_ == "pobj" else before)
    modifier_only = before.pos_ == "ADJ" or before.ent_type_ == "NORP"
    if token.dep_ in _STRAY and token.head in governors and (before.dep_ in _SUBJECTS or modifier_only):
        _take_phrase(token, before)
    elif before.head == token and before.dep_ == "nsubj" and _clause_after_verb(token):  # "said the WHO head."
        before.dep_ = _modifier_dep(before)
        token.dep_ = "nsubj"
        _as_noun(token)


def _heads_own_phrase(token: Token) -> bool:
    """ "said the 31-year-old forward", "The 31-year-old forward Carlos Soler said": a role noun with its own
    determiner, mistagged only, made a noun (and the name's, when the parser set it beside one); whether it was.  Not
    "the most conservative" (an adjective's degree), "the nomination heads to" (a verb's complement)."""
    if any(c.dep_ == "advmod" or (c.i > token.i and token.pos_ == "VERB" and not c.is_punct) for c in token.children):
        return False
    if token.dep_ in _NOMINAL or (token.dep_ in _STRAY and _describe_next_name(token)):
        _as_noun(token)
        return True
    return False


def _role_word(token: Token) -> bool:
    """Whether a word the tagger did not take for a noun is a role noun as written: one of ``adjective_role_nouns``
    for an adjective; else a role noun (:func:`is_role_noun`), or the plural of one ("heads")."""
    word = token.lower_
    if token.pos_ == "ADJ":
        return word in _ADJECTIVE_ROLES
    return is_role_noun(word) or (word.endswith("s") and is_role_noun(word[:-1]))


def _lower_case_name(token: Token) -> None:
    """ "the Irish international said", "the hedge fund titan earns": a role noun written in lower case after a
    determiner, the subject or in apposition, is a common noun, whatever the tagger made of it (the resolver would
    take the name before it for the speaker: "Irish")."""
    word = token.lower_
    if token.dep_ not in ("nsubj", "nsubjpass", "appos") or not (word in _ADJECTIVE_ROLES or is_role_noun(word)):
        return
    if any(c.dep_ == "det" for c in token.children):
        _as_noun(token)


def _title_before_name(token: Token, before: Token) -> bool:
    """ "Spanish forward Alvaro Morata scored": a role noun between a name's modifier and the name, which the parser
    hung elsewhere, is the name's title (its compound, the modifier its own); whether it was."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None or after.ent_iob_ != "B" or after.ent_type_ != "PERSON" or token.dep_ not in _STRAY:
        return False
    end = after.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    name = doc[after.i : end].root
    if before.head != name or before.dep_ not in ("amod", "compound", "nmod") or any(token.children):
        return False
    token.head = name
    token.dep_ = "compound"
    before.head = token
    _as_noun(token)
    return True


def _verb_before_name(token: Token, before: Token) -> bool:
    """ "The WHO head Carlos Soler said ...", parsed "The WHO heads Carlos Soler" with "said" its complement: a
    verb-tagged role noun whose object is the name right after it, the reporting verb right after the name without
    a subject of its own, is the name's title, and the name the verb's subject; whether it was."""
    if token.tag_ not in ("VB", "VBP", "VBZ") or before.head != token or before.dep_ != "nsubj":
        return False
    name = next((c for c in token.rights if c.dep_ == "dobj" and c.left_edge.i == token.i + 1), None)
    if name is None or name.ent_type_ != "PERSON" or not _opened_phrase(before, token):
        return False
    verb = next((c for c in token.rights if c.i == name.right_edge.i + 1 and c.pos_ == "VERB"), None)
    if (
        verb is None
        or verb.dep_ not in ("ccomp", "conj")
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return False
    if any(c.i > token.i and c not in (name, verb) and not c.is_punct for c in token.children):
        return False
    rooted = token.head == token
    verb.dep_ = token.dep_
    verb.head = verb if rooted else token.head
    name.head = verb
    name.dep_ = "nsubj"
    token.head = name
    token.dep_ = "compound"
    before.dep_ = _modifier_dep(before)
    for mark in [c for c in token.rights if c.is_punct]:
        mark.head = verb
    _as_noun(token)
    return True


def _join_hyphenated(hyphen: Token) -> None:
    """ "The Green co-leader said", parsed with "co", "-" and "leader" three subjects of "said" (or three nouns in
    apposition, three objects): the words a hyphen joins (no space on either side) before a lower-case word are one
    noun, the last its head."""
    doc = hyphen.doc
    if hyphen.i == 0 or hyphen.i + 1 >= len(doc) or hyphen.whitespace_ or doc[hyphen.i - 1].whitespace_:
        return
    left, right = doc[hyphen.i - 1], doc[hyphen.i + 1]
    if not (left.head == hyphen.head == right.head and left.dep_ == hyphen.dep_ == right.dep_) or not right.is_lower:
        return  # not a name's halves ("Kim Min-Woo")
    left.head = right
    left.dep_ = "compound"
    hyphen.head = right
    hyphen.dep_ = "punct"


def _shared_noun(adjective: Token) -> None:
    """ "Current and former officials said", parsed with "Current" the subject and "officials" its conjunct: two
    adjectives coordinated before one noun qualify it, and the noun is the subject."""
    noun = next((c for c in adjective.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or not any(c.dep_ == "cc" and c.i < noun.i for c in adjective.children):
        return
    if not any(c.dep_ == "amod" and adjective.i < c.i < noun.i for c in noun.children):
        return  # "Much of Beck's ire": no adjective of the noun coordinated with it
    noun.dep_ = adjective.dep_
    noun.head = adjective.head
    adjective.head = noun
    adjective.dep_ = "amod"


def _ends_phrase(token: Token) -> bool:
    """Whether nothing but punctuation hangs to the right of a word and a verb, a name, a mark or the end follows
    it: the end of a noun phrase, not a word heading one ("a former head of state") or a verb with its object."""
    if any(c.i > token.i and not c.is_punct for c in token.children):
        return False
    doc = token.doc
    if token.i + 1 == len(doc):
        return True
    after = doc[token.i + 1]
    return after.is_punct or after.is_space or after.pos_ in ("VERB", "AUX") or after.ent_type_ == "PERSON"


def _opened_phrase(modifier: Token, noun: Token) -> bool:
    """Whether a word is the last modifier of a noun phrase a determiner or possessor opens ("the Spanish", "a White
    House", "Brazil's"; the determiner may hang on the noun after it), a common noun among them only one naming a
    person ("the veteran"; not "a step")."""
    named = modifier.ent_type_ in ("ORG", "NORP", "GPE")  # "the WHO head", whatever the tagger made of "WHO"
    if not (modifier.pos_ in _MODIFIER_TAGS or named) or modifier.tag_ in _NEVER_NOUN_TAGS:
        return False
    if modifier.pos_ == "NOUN" and not names_person(modifier.lemma_.lower()):
        return False
    first = modifier.doc[min(modifier.left_edge.i, noun.left_edge.i)]
    return first.i < modifier.i and (first.dep_ in ("det", "poss") or first.tag_ in ("DT", "PRP$"))


def _clause_after_verb(token: Token) -> bool:
    """Whether a verb-tagged word heads a clause after the verb it hangs on with nothing but its subject's words
    before it ("said the WHO head."): an inverted subject, not a clause of its own."""
    head = token.head
    if token.dep_ not in _CLAUSES or head.pos_ != "VERB" or head.i > token.i or token.tag_ not in ("VB", "VBP", "VBZ"):
        return False
    return all(c.dep_ in _PREMODIFIERS or c.dep_ == "nsubj" or c.is_punct for c in token.children)


def _take_phrase(noun: Token, modifier: Token) -> None:
    """Make ``noun`` the head of the phrase ``modifier`` headed: it takes the modifier's place in the clause and its
    other dependents, and the modifier hangs on it."""
    dependents = [c for c in modifier.children if c.i != noun.i]
    noun.dep_ = modifier.dep_
    noun.head = modifier.head
    modifier.head = noun
    modifier.dep_ = _modifier_dep(modifier)
    for child in dependents:
        child.head = noun
    _as_noun(noun)


def _modifier_dep(modifier: Token) -> str:
    if modifier.pos_ == "ADJ":
        return "amod"
    return "nummod" if modifier.pos_ == "NUM" else "compound"


def _as_noun(token: Token) -> None:
    token.pos_ = "NOUN"
    plural = token.lower_.endswith("s") and not is_role_noun(token.lower_)
    token.tag_ = "NNS" if plural else "NN"
    word = token.lower_
    token.lemma_ = word[:-1] if token.tag_ == "NNS" and is_role_noun(word[:-1]) else word


def _describe_next_name(description: Token) -> bool:
    """ "The Portuguese winger Carlos Soler said": a description whose role noun the parser made a subject (or a
    modifier) of the verb beside the name right after it, its subject, is that name's: made a compound of it, as
    the parser hangs "Portuguese winger" in "Portuguese winger Carlos Soler said"; not "The pride Mr. Cruz feels"
    (no role noun).  Whether it was."""
    doc = description.doc
    if description.i + 1 >= len(doc) or description.tag_ == "NNS" or not is_role_noun(description.lemma_.lower()):
        return False  # a plural one ("Democratic presidential candidates Hillary Clinton and ...") is of them all
    verb = description.head
    name = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i > description.i and c.left_edge.i == description.i + 1
        ),
        None,
    )
    if name is None or name.ent_type_ != "PERSON" or doc[description.i + 1].ent_iob_ != "B":
        return False
    description.head = name
    description.dep_ = "compound"
    return True
