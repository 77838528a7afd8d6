"""Relational descriptions: someone named by a tie to another person.

"Keith Lamont Scott's wife", "his ex-wife", "the wife of Alan Grayson", "a spokesman for Rubio" describe their
holder by a relational noun (``lexicon/data/relational_nouns.txt``) and the person it ties them to, its *owner*
(a possessor, or the object of "of", "for", "to").  An article often states who holds such a tie, in apposition
or before the name: "his new wife, Dena Minning Grayson", "Ivana Trump, his ex-wife", "wife Ivana", "Rubio
spokesman Alex Conant".  Speaker resolution reads a relational description as that stated holder, when the
owners are the same person and the noun and its distinguishing modifiers agree ("his ex-wife" is not "his new
wife"); for a family noun (``kinship_nouns.txt``) with no stated holder, as the one other person named in full
with the owner's surname and of the noun's gender ("Keith Lamont Scott's wife" of "Rakeyia Scott").  A family
noun naming several relatives apposed to coordinated names (``kin_groups.tsv``: "my parents, James and Olive
Meehan") names its members ("James Meehan", "Olive Meehan"): a *kin group*, whose member of a singular kin noun's
gender is that noun's holder ("my father" of James Meehan), by first names (``first_names.tsv``).

Pure functions over the parse: who an owner token *is* is the relation resolver's business
(:class:`claimex.nlp.speakers.relation_resolution.RelationResolver`).  Limits, plainly: ties stated by a verb
("Rakeyia Scott is married to ...", "her husband was unarmed") are not read; a kin group's members must each be
named with a first name of known gender and share the last one's surname when named by first name only ("James and
Olive Meehan"), or the group names no one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...lexicon import gender
from ...lexicon import table as lexicon_table
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
#: Family nouns naming several relatives -> the kin nouns their members hold: "parents" -> father, mother.
_KIN_GROUPS: dict[str, frozenset[str]] = {
    plural: frozenset(member for p, member in lexicon_table("kin_groups") if p == plural)
    for plural, _ in lexicon_table("kin_groups")
}


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
        holder = named_holder(token)
        if tie is not None and holder is not None and holder.i != tie.owner.i:
            found.append(Tie(token, tie.relation, tie.modifiers, tie.owner, holder))
    return found


def named_holder(noun: Token) -> Token | None:
    """The person's name apposed to a relational noun, or the name it stands before."""
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
        return noun.head  # "Ivana Trump, his ex-wife"
    for child in noun.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return child  # "his wife, Rakeyia Scott"
    if noun.dep_ == "compound" and noun.i < noun.head.i and noun.head.ent_type_ == "PERSON":
        return noun.head  # "wife Ivana", "spokesman Alex Conant"
    return None


@dataclass(frozen=True)
class KinGroup:
    """A family noun naming several relatives ("my parents") of ``owner`` (the owner's head word), apposed to the
    names of its members: each a full name and the gender its first name has ("James Meehan", "male")."""

    noun: Token
    kin: frozenset[str]  # the kin nouns its members hold: {"father", "mother"} of "parents"
    owner: Token
    members: tuple[tuple[str, str], ...]


def stated_kin_groups(doc: Doc, skip: Iterable[int] = ()) -> list[KinGroup]:
    """Every kin group the article states, in text order: "my parents, James and Olive Meehan", "Tom and Jane
    Smith, his parents".  Only groups whose every member has a full name and a first name of known gender; family
    nouns at the positions in ``skip`` (inside quotations, say) are left out."""
    left_out = set(skip)
    found = []
    for token in doc:
        kin = _KIN_GROUPS.get(token.lemma_.lower())
        if kin is None or token.i in left_out or token.tag_ not in ("NNS", "NNPS"):
            continue
        owner = _owner(token)
        named = _named_members(token)
        if owner is not None and named is not None:
            found.append(KinGroup(token, kin, owner, named))
    return found


def _named_members(noun: Token) -> tuple[tuple[str, str], ...] | None:
    """The members a plural family noun's apposed names name, (full name, first name's gender) each, or None
    unless two or more are named and each has a full name and a first name of known gender."""
    first = noun.head if noun.dep_ == "appos" else next((c for c in noun.children if c.dep_ == "appos"), None)
    if first is None or first.pos_ != "PROPN" or not first.conjuncts:
        return None
    names = [_name_at(t) for t in (first, *first.conjuncts)]
    if any(t.pos_ != "PROPN" for t in first.conjuncts) or len(names[-1]) < 2:
        return None
    surname = names[-1][-1]
    members = []
    for words in names:
        full = words if len(words) >= 2 else [*words, surname]  # "James and Olive Meehan": James Meehan
        sex = gender.first_name_gender(full[0])
        if sex is None:
            return None
        members.append((" ".join(full), sex))
    return tuple(members)


def _name_at(token: Token) -> list[str]:
    """The words of the name a proper noun ends: its proper-noun compounds before it and itself."""
    start = min((c.i for c in token.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"), default=token.i)
    return [t.text for t in token.doc[start : token.i + 1]]
