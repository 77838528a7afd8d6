"""Relational descriptions: someone named by a tie to another person.

"Keith Lamont Scott's wife", "his ex-wife", "the wife of Alan Grayson", "a spokesman for Rubio" describe their
holder by a relational noun (``lexicon/data/relational_nouns.txt``) and the person it ties them to, its *owner*
(a possessor, or the object of "of", "for", "to").  An article often states who holds such a tie, in apposition
or before the name: "his new wife, Dena Minning Grayson", "Ivana Trump, his ex-wife", "wife Ivana", "Rubio
spokesman Alex Conant".  Speaker resolution reads a relational description as that stated holder, when the
owners are the same person and the noun and its distinguishing modifiers agree ("his ex-wife" is not "his new
wife"); for a family noun (``kinship_nouns.txt``) with no stated holder, as the one other person named in full
with the owner's surname and of the noun's gender ("Keith Lamont Scott's wife" of "Rakeyia Scott").

Pure functions over the parse: who an owner token *is* is the relation resolver's business
(:class:`claimex.nlp.speakers.relation_resolution.RelationResolver`).  Limits, plainly: ties stated by a verb
("Rakeyia Scott is married to ...", "her husband was unarmed") are not read, nor plural holders ("my parents,
James and Olive").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...lexicon import gender
from ...lexicon import words as lexicon_words
from ...lexicon.nouns import names_person

#: Person nouns naming someone by a tie to another person ("the wife", "the spokesman").
RELATIONAL = lexicon_words("relational_nouns")
#: Family nouns: a relative often shares the person's surname.
KINSHIP = lexicon_words("kinship_nouns")
#: Ties a person usually has many of ("his friend", "an aide"): another holder named is no evidence of this one.
_MANY_TIES = lexicon_words("many_ties")
#: Prepositions introducing a tie's owner: "the wife of", "a spokesman for", "an aide to".
_TIE_PREPOSITIONS = lexicon_words("tie_prepositions")
#: Modifiers telling two holders of one tie apart: "ex-wife", "new wife", "late father".
_TIE_MODIFIERS = lexicon_words("tie_modifiers")
_EX_PREFIX = "ex-"


@dataclass(frozen=True)
class Tie:
    """A relational noun at ``noun`` tying its holder to ``owner`` (the owner's head word), with the modifiers
    that tell its holders apart; ``holder`` is the head word of the person stated to hold it, if any."""

    noun: Token
    relation: str  # the noun's lemma without "ex-" ("wife")
    modifiers: frozenset[str]  # {"ex"}, {"new"}, ...
    owner: Token
    holder: Token | None = None

    @property
    def kin(self) -> bool:
        return self.relation in KINSHIP

    @property
    def single(self) -> bool:
        """Whether a person usually has one holder of this tie at a time, or few (a wife, a spokesman, a son)."""
        return self.relation not in _MANY_TIES

    @property
    def gender(self) -> str | None:
        return gender.NOUN_GENDER.get(self.relation)

    def matches(self, other: Tie) -> bool:
        """Whether ``other`` is the same tie, up to its owner: same noun, same distinguishing modifiers."""
        return self.relation == other.relation and self.modifiers == other.modifiers


def relation_of(noun: Token) -> str | None:
    """The relational noun ``noun`` is, without an "ex-" prefix ("ex-wife" -> "wife"), or None."""
    lemma = noun.lemma_.lower()
    if lemma.startswith(_EX_PREFIX):
        lemma = lemma[len(_EX_PREFIX) :]
    return (
        lemma if lemma in RELATIONAL and noun.pos_ in ("NOUN", "PROPN") and noun.tag_ not in ("NNS", "NNPS") else None
    )


def tie_in(mention: Span) -> Tie | None:
    """The tie a description states ("Keith Lamont Scott's wife", "his ex-wife", "the wife of a man shot"), or None
    when its head is no singular relational noun or names no owner ("the spokesman", "a mother of three")."""
    noun = mention.root
    if noun.lower_ == "ex" and noun.i + 2 < len(noun.doc) and noun.nbor(1).text == "-":
        noun = noun.nbor(2)  # "His ex-wife agreed", parsed with "ex" for its head
    return tie_at(noun)


def tie_at(noun: Token) -> Tie | None:
    """The tie of the relational noun ``noun`` to its owner: its possessor ("his", "Scott's"), the object of
    "of"/"for"/"to" (a person-like word, not "three"), or a name compounded before it ("Rubio spokesman")."""
    relation = relation_of(noun)
    if relation is None:
        return None
    prefix = noun.nbor(-2) if noun.i >= 2 and noun.nbor(-1).text == "-" and noun.nbor(-2).lower_ == "ex" else None
    owner = _owner(noun) or (_owner(prefix) if prefix is not None else None)  # "His" of "His ex-wife" on "ex"
    modifiers = _modifiers(noun) | ({"ex"} if prefix is not None else set())
    return Tie(noun, relation, frozenset(modifiers), owner) if owner is not None else None


def _owner(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _TIE_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "PRON", "NOUN")]
            if objects:
                return objects[0]
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.ent_type_ == "PERSON"]
    return compounds[-1] if compounds else None


def person_head(mention: Span) -> Token:
    """The person noun heading a description: its root, or a first word the parser took for a modifier of a later
    noun in a title-case headline ("Member of House panel says", parsed with "panel" for the head)."""
    root, first = mention.root, mention[0]
    person = first.pos_ in ("NOUN", "PROPN") and names_person(first.lower_) and not names_person(root.lemma_.lower())
    if person and first.i + 1 < mention.end and first.nbor(1).lower_ in _TIE_PREPOSITIONS:
        return first
    return root


def tied_to_person(noun: Token) -> bool:
    """Whether a relational noun's owner is a person ("his wife", "the wife of a man"), not a body ("Member of
    House panel") or no one ("the spokesman")."""
    tie = tie_at(noun)
    if tie is None:
        return False
    owner = tie.owner
    return owner.pos_ == "PRON" or owner.ent_type_ == "PERSON" or names_person(owner.lemma_.lower())


def owner_words(owner: Token) -> list[str]:
    """The name an owner word ends, as written ("Keith Lamont Scott" of "Keith Lamont Scott's wife"), lower case;
    [] for no proper noun."""
    if owner.pos_ != "PROPN":
        return []
    start = min((c.i for c in owner.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"), default=owner.i)
    return [t.lower_ for t in owner.doc[start : owner.i + 1]]


def _modifiers(noun: Token) -> frozenset[str]:
    found = {c.lower_.rstrip("-") for c in noun.children if c.lower_ in _TIE_MODIFIERS}
    if noun.lower_.startswith(_EX_PREFIX):
        found.add("ex")  # "ex-wife" as one token
    return frozenset(found)


def stated_ties(doc: Doc, skip: Iterable[int] = ()) -> list[Tie]:
    """Every tie the article states the holder of, by name, in text order: "his wife, Rakeyia Scott", "Ivana Trump,
    his ex-wife", "wife Ivana", "Rubio spokesman Alex Conant".  Relational nouns at the positions in ``skip``
    (inside quotations, say) are left out."""
    left_out = set(skip)
    found = []
    for token in doc:
        if token.i in left_out or relation_of(token) is None:
            continue
        tie = tie_at(token)
        holder = _named_holder(token)
        if tie is not None and holder is not None and holder.i != tie.owner.i:
            found.append(Tie(token, tie.relation, tie.modifiers, tie.owner, holder))
    return found


def _named_holder(noun: Token) -> Token | None:
    """The person's name apposed to a relational noun, or the name it stands before."""
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
        return noun.head  # "Ivana Trump, his ex-wife"
    for child in noun.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return child  # "his wife, Rakeyia Scott"
    if noun.dep_ == "compound" and noun.i < noun.head.i and noun.head.ent_type_ == "PERSON":
        return noun.head  # "wife Ivana", "spokesman Alex Conant"
    return None
