"""Dependency-tree predicates speaker resolution asks of a mention (spaCy's parse, English labels).

Subjects and plurals, coordination ("A, B and C"), whether a name governs a later word (the subject of a
clause holding a pronoun: "Paul Ryan, despite admitting that he ..."), apposition ("Ban Ki-moon, the secretary
general of the United Nations,"; "the election, Minyon Moore, a senior adviser"), the named examples of a group
("Critics, like Senators Grassley and Leahy"), a name after its possessor ("Fox News' Megyn Kelly"), and the
antecedent of a relative pronoun (after a list of names, the nearest: "Patti LaBelle and Stevie Wonder, who
joked").

Limits: as good as the parse; misparses the module knows are named where they are handled ("Ban Ki-moon, the
secretary general ..., vowed" with both as subjects of the verb).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...lexicon import gender
from ...lexicon import words as lexicon_words
from ...lexicon.nouns import GROUP, PERSON, noun_classes
from ...lexicon.titles import TITLE_WORDS
from ..syntax import predicated_subject
from .works import WORKS

_TITLE_QUALIFIERS = lexicon_words("title_qualifiers")  # "National" of "National Chief"


def _plural(noun: Token) -> bool:
    return noun.tag_ in ("NNS", "NNPS")


def _is_subject(token: Token) -> bool:
    """A subject, its possessor, or a name apposed to a subject title ("An energized President Joe Biden returned":
    the parser hangs the name on the title)."""
    if token.dep_ == "appos" and token.head.lower_ not in TITLE_WORDS:
        return False  # "Proposals from the front-runner, Hillary Clinton, to raise taxes": no subject
    if token.dep_ in ("poss", "appos"):
        return token.head.dep_ in ("nsubj", "nsubjpass") and (token.dep_ == "poss" or token.head.i < token.i)
    return token.dep_ in ("nsubj", "nsubjpass")


def _subject_or_its_owner(token: Token) -> bool:
    """A clause's subject, or a name owning or naming the subject's noun ("Reuters’ American depositary receipts
    fell", "Boeing shares rose"): what the sentence is about, for a later "the company" to go on with."""
    head = token.head
    owner = token.dep_ in ("nmod", "compound") and head.pos_ == "NOUN"  # a name may be tagged NOUN ("Reuters’")
    return _is_subject(token) or (owner and head.dep_ in ("nsubj", "nsubjpass"))


def opens_unparsed_sentence(name: Span) -> bool:
    """Whether a name opens a sentence the paragraph gate left unparsed (no tags, so no subject known): a
    sentence's first name is most often what it is about ("Reuters’ depositary receipts fell ... on Nasdaq")."""
    first = name[0]
    return not name.root.pos_ and (first.i == 0 or bool(first.is_sent_start) or first.nbor(-1).is_space)


def _conjuncts(head: Token) -> list[Token]:
    """The words coordinated with ``head`` ("A, B and C": B and C), in order."""
    found = []
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        conj = stack.pop()
        found.append(conj)
        stack.extend(c for c in conj.children if c.dep_ == "conj")
    return sorted(found, key=lambda t: t.i)


def _governs(word: Token, token: Token) -> bool:
    """Whether the word ``word`` depends on is above ``token`` in the parse (``word`` is an argument of a clause
    holding ``token``)."""
    return any(ancestor.i == word.head.i for ancestor in token.ancestors)


def _commands(name: Token, at: int) -> bool:
    """Whether a name (its head word) is the subject of a clause holding the token at ``at`` after it: "Paul Ryan,
    despite admitting that *he* ...", "Lauer faced criticism after *he* asked"; not a name inside what a pronoun
    said ("Trump is no conservative, *he* said")."""
    root = name
    while root.dep_ in ("appos", "compound") and root.head.i != root.i:
        root = root.head  # "former president Bill Clinton said"
    if at <= name.i or root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return _governs(root, name.doc[at])


def modifies_noun(name: Token) -> bool:
    """Whether a name (its head word) modifies a common noun rather than naming someone in the sentence ("the Clinton
    campaign", "a Trump rally")."""
    return name.dep_ == "compound" and name.head.pos_ == "NOUN"


def apposed_person_noun(name: Token) -> bool:
    """Whether a name (its head word) is followed by an apposed noun for a person, as news introduces someone
    ("Henry Crespo, president of the caucus"; not "her rival, Donald Trump", "Sen. Jeff Flake (R-Ariz.)" nor
    "Dirty Dancing, 98 Degrees and ..."). Limits: the parser's reading of the apposition."""
    return any(c.dep_ == "appos" and c.i > name.i and _person_noun(c) for c in name.children)


def _person_noun(noun: Token) -> bool:
    """A common noun whose most frequent sense is a person ("president", "delegate")."""
    return noun.pos_ == "NOUN" and noun_classes(noun.lemma_.lower())[:1] == PERSON


def _subject_before(head: Token, start: int) -> Token | None:
    """The other subject of a subject's verb, set off right before it by a comma: a misparsed apposition ("Ban
    Ki-moon, the secretary general of the United Nations, vowed", both subjects of "vowed"), else None."""
    doc = head.doc
    if head.dep_ != "nsubj" or start < 2 or doc[start - 1].text != ",":
        return None
    other = next((c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.i and c.i != head.i), None)
    return other if other is not None and other.i == start - 2 else None


def _apposed_below(token: Token, top: Token) -> bool:
    """Whether ``token`` is in apposition to ``top``, through name words only ("the election, Minyon Moore")."""
    apposed = False
    while token.i != top.i:
        if token.dep_ not in ("appos", "compound", "flat") or token.head.i == token.i:
            return False
        apposed = apposed or token.dep_ == "appos"
        token = token.head
    return apposed


def _possessed_name_head(possessor: Span, head: Token) -> bool:
    """Whether ``head`` ends a name right after the name possessing it ("Fox News' Megyn Kelly"; not "Fleming's
    ''The Fixers'' ", "Trump's potential VP")."""
    if head.pos_ != "PROPN" or possessor.root.dep_ != "poss" or possessor.root.head != head:
        return False
    between = possessor.doc[possessor.end : head.i]
    return all(t.tag_ == "POS" or (t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")) for t in between)


def _unrecognized_possessed_name(head: Token) -> bool:
    """Whether ``head`` ends a person's name a proper noun possesses, the recognizer missing both ("The Hill’s Niall
    Stanage"): led by a first name of the name data, its words proper nouns only (not "Pennsylvania’s Supreme
    Court", "Trump’s Mar-a-Lago")."""
    possessor = next((c for c in head.children if c.dep_ == "poss"), None)
    if head.pos_ != "PROPN" or possessor is None or possessor.pos_ != "PROPN":
        return False
    between = head.doc[possessor.i + 1 : head.i]
    if not all(
        t.dep_ == "case" or t.tag_ == "POS" or (t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")) for t in between
    ):
        return False
    name = [t for t in between if t.pos_ == "PROPN"]
    return bool(name) and gender.is_first_name(name[0].text)


def _apposed_name(head: Token, entity: Span, person: bool) -> Span | None:
    """A person (``person``: the entity names one, whatever its label) named after the description heading a
    mention, other than as the object of a preposition or a possessor ("His former business partner, Lawrence B.
    Cummings", "the spokesperson of the Foreign Ministry Geng Shuang"; not "a spokeswoman for Hillary Clinton")."""
    if not person or entity.root.i < head.i or entity.root.dep_ == "poss":
        return None
    if entity.root.dep_ in ("compound", "nmod", "amod") and entity.root.head.i != head.i:
        return None  # a name modifying another noun ("a narrator in the Clinton ad") names no one here
    if entity.root.dep_ == "pobj" and not _after_organization(entity):
        return None
    return entity


def _after_organization(entity: Span) -> bool:
    """A name right after an organization's, or after its title that follows one, both taken for one object ("of
    the Foreign Ministry Geng Shuang", "Assembly of First Nations National Chief RoseAnne Archibald")."""
    doc = entity.doc
    start = entity.start
    if start > 1 and doc[start - 1].lower_ in TITLE_WORDS and doc[start - 1].is_title:
        start -= 1
        if start > 1 and doc[start - 1].lower_ in _TITLE_QUALIFIERS and doc[start - 1].is_title:
            start -= 1  # "National" of "National Chief", which the recognizer may leave out of the body's name
    before = doc[start - 1] if start else None
    return before is not None and before.ent_type_ == "ORG" and entity.root.head.lower_ == "of"


#: Prepositions naming examples of a group ("Critics, like Senators Grassley and Leahy").
_EXAMPLE_PREPOSITIONS = lexicon_words("example_prepositions")


def _named_example(head: Token, entity: Span) -> Token | None:
    """The first name of the people or organizations a plural description gives as its examples, who speak for it
    ("Critics of the EB-5 program, like Senators Charles E. Grassley and Patrick J. Leahy"; "candidates, including
    Carly Fiorina and Ben Carson"), else None."""
    root = entity.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    prep = root.head
    if not _plural(head) or entity.label_ not in ("PERSON", "ORG") or root.dep_ != "pobj" or prep.head.i != head.i:
        return None
    such = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
    return root if ("such" if such else prep.lower_) in _EXAMPLE_PREPOSITIONS else None


def _relative_antecedent(mention: Span) -> Span | None:
    """The noun phrase a relative pronoun standing alone as a mention stands for ("who", "which", "that" heading
    a relative clause: "Mitch McConnell, who said ..."), without the clause itself; else None."""
    if len(mention) != 1 or mention[0].tag_ not in ("WP", "WDT"):
        return None
    doc = mention.doc
    before = mention.start - 1
    while before > 0 and doc[before].is_punct:
        before -= 1
    previous = doc[before] if before >= 0 and doc[before].pos_ in ("NOUN", "PROPN") else None
    noun = mention[0].head.head if mention[0].head.dep_ == "relcl" else previous
    if noun is not None and previous is not None and previous in _conjuncts(noun):
        noun = previous  # "Will Smith and Stevie Wonder, who said": the nearest of coordinated names
    if noun is None or noun.i >= mention.start or not _may_speak(noun):
        return None
    subject = _predicated_of(noun) if mention[0].lower_ == "who" else None
    if subject is not None:  # "Donald Trump is a serial liar and birther who has promised ...": Trump
        return doc[subject.left_edge.i : subject.i + 1]
    start = min((t.i for t in noun.lefts), default=noun.i)
    start = min(start, noun.left_edge.i) if noun.left_edge.i < noun.i else start
    return doc[start : noun.i + 1]


def predicate_subject(mention: Span) -> Span | None:
    """The named subject a predicate noun heading a relative clause's antecedent is said of ("Trump ... is a serial
    liar, rampant xenophobe and birther who has pledged ...": the one who pledged is Trump; not through "that",
    which the parser hangs on the wrong noun), else None."""
    head = mention.root
    relative = any(
        c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children) for c in head.children
    )
    subject = _predicated_of(head) if relative and head.pos_ == "NOUN" else None
    return mention.doc[subject.left_edge.i : subject.i + 1] if subject is not None else None


def _predicated_of(noun: Token) -> Token | None:
    """The named subject a singular predicate noun is said of (:func:`~claimex.nlp.syntax.predicated_subject`)."""
    return None if _plural(noun) else predicated_subject(noun)


def _may_speak(noun: Token) -> bool:
    """A name, or a noun naming a person, a group or a work ("the union, which said"; not "home, which")."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "PROPN"
        or bool(noun.ent_type_)
        or (noun.pos_ == "NOUN" and (lemma in WORKS or noun_classes(lemma)[:1] in (PERSON, GROUP)))
    )
