"""Descriptions: the role word, qualifiers and determiner of a mention, and what a holder must have.

A description ("the Indiana governor", "A spokeswoman for Hillary Clinton") is read as a role noun (in its
article's form: "Gov." is "governor"; "the lawmaker" may be a senator or a representative), the qualifiers that
narrow it to one holder ("Indiana", "GOP" = "Republican"), whether it is indefinite ("a senior official": someone
new), an office, an epithet of someone named before ("The GOP nominee") or a noun naming a body ("campaign",
"union").  The resolver (:mod:`.resolver`) matches these against the people the article describes
(:mod:`.people`).  Word lists are data in :mod:`claimex.lexicon`.

Limits: qualifiers are proper nouns and capitalized adjectives only ("the senior senator" has none); state,
party and country are compared as keys (:mod:`claimex.nlp.attributes`), nothing else is known of the world.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from ...lexicon import table as lexicon_table
from ...lexicon import words as lexicon_words
from ...lexicon.nouns import may_name_person, mostly_names_person, names_person
from ...lexicon.titles import HONORIFICS, TITLE_MODIFIERS, TITLE_WORDS
from ...speakermodel.descriptions import Description
from ..attributes import attributes
from .acronyms import ACRONYM_SKIP
from .grammar import _plural
from .organizations import ORG_KINDS
from .works import WORKS

#: Abbreviated and variant role words, as the article may write them before a name.
ROLE_FORMS = {row[0]: row[1] for row in lexicon_table("role_forms")}
#: Role nouns a description may use for several kinds of office holder ("the lawmaker" is a senator or a
#: representative).
ROLE_CLASSES = {noun: tuple(roles.split()) for noun, roles in lexicon_table("role_classes")}
#: Qualifier words that name the same thing ("the GOP nominee" is the "Republican nominee").
QUALIFIER_FORMS = {row[0]: row[1] for row in lexicon_table("qualifier_forms")}
#: Head nouns that make a name before them a speaker of its own: "the Trump campaign", "a Bloomberg poll".
COLLECTIVE_HEADS = lexicon_words("collective_heads")
_BODY_WORDS = lexicon_words("national_body_words")
#: Role nouns naming an office or title, held by one person at a time in a story's world ("the governor").
_PLAIN_OFFICES = (TITLE_WORDS - HONORIFICS) | set(ROLE_FORMS.values()) | set(ROLE_CLASSES)
#: Words before a title that make it another, lower office ("Vice President", "Lt. Gov.").
_RANK_MODIFIERS = lexicon_words("rank_modifiers")
_OFFICES = _PLAIN_OFFICES | {
    f"{ROLE_FORMS.get(rank, rank)} {office}" for rank in _RANK_MODIFIERS for office in _PLAIN_OFFICES
}
_FORMER = lexicon_words("former_words")  # who held a role before, not now
#: Person nouns naming a tie to someone else ("the spokesman", "the wife"): no epithet of the person just named.
_RELATIONAL = lexicon_words("relational_nouns")
_UNCHARACTERIZING = lexicon_words("uncharacterizing_modifiers")  # "the other candidate" is no epithet
_GROUP_ROLES = lexicon_words("group_role_nouns")  # "the band leader" is the band's, whoever the story is about
_AGE_UNITS = lexicon_words("age_units")  # "the 24-year-old": an age, no "old man"


def _role_form(token: Token) -> str:
    """A role word in its article's form ("Gov." -> "governor"), with a rank word before it that makes it another
    office ("Vice President" -> "vice president", "Lt. Gov." -> "lieutenant governor")."""
    word = token.lower_
    form = ROLE_FORMS[word] if word in ROLE_FORMS else ROLE_FORMS.get(token.lemma_.lower(), token.lemma_.lower())
    rank = _rank_before(token)
    return f"{rank} {form}" if rank and form in _PLAIN_OFFICES else form


def _rank_before(token: Token) -> str:
    """The rank word right before a title ("Vice", "Lt.", "deputy"; across a hyphen: "vice-president"), in its
    article's form, or ""."""
    k = token.i - 1
    if k >= 1 and token.doc[k].text == "-":
        k -= 1
    if k < 0:
        return ""
    word = token.doc[k].lower_
    return ROLE_FORMS.get(word, word) if word in _RANK_MODIFIERS else ""


def _qualifier_form(token: Token) -> str:
    word = token.lower_.replace("’", "'")
    return QUALIFIER_FORMS.get(word, word)


def _words_of(text: str) -> frozenset[str]:
    return frozenset(QUALIFIER_FORMS.get(w, w) for w in text.lower().replace("’", "'").replace("'s", "").split())


def _role_words(descriptor: list[Token]) -> list[Token]:
    """The nouns (and title words) of a descriptor that say what its holder is: not those of a phrase inside it
    ("Richard Curtin, director of the *survey*"; "Pagliano's lawyer" is a lawyer, not a Pagliano)."""
    inside = {t.i for t in descriptor}
    found = []
    for token in descriptor:
        if not (token.pos_ in ("NOUN", "PROPN") or token.lower_ in ROLE_FORMS):
            continue
        ancestor, nested = token.head, False
        while ancestor.i in inside and ancestor.i != ancestor.head.i:
            if ancestor.pos_ == "ADP" or ancestor.dep_ == "poss" or token.dep_ == "poss":
                nested = True
                break
            ancestor = ancestor.head
        # an object inside the descriptor is another's ("director of the survey"); the noun a name is apposed to
        # may be an object itself ("a letter to the judge, Arthur Engoron")
        inner_object = token.dep_ == "pobj" and token.head.i in inside
        if not nested and not inner_object and token.dep_ != "poss" and not _other_conjunct(token, inside):
            found.append(token)
    return found


def _other_conjunct(token: Token, inside: set[int]) -> bool:
    """Whether a noun is coordinated with a later one of its own determiner, who is someone else: "the president"
    of "the president and the first lady, Michelle Obama" (the name goes with the nearer noun); "the actor and
    director" is one person."""
    return any(c.dep_ == "conj" and c.i in inside and any(d.dep_ == "det" for d in c.children) for c in token.children)


def person_role_words(mention: Span) -> list[str]:
    """The role nouns (in their article's form) a mention resolved to one person gives them, for a later "the
    governor" to go on with: its own words naming a person or an office ("Indiana Gov. Mike Pence", "the
    governor"); none of a coordination ("the president and the first lady, Michelle Obama" gives "president" to
    no one of them), of a possessor or of an object ("The congressman's spokesman" is no congressman), nor a
    noun naming no person ("the district GOP chairman" is no district)."""
    if any(c.dep_ == "conj" for c in mention.root.children):
        return []
    words = _role_words(list(mention))
    root = mention.root  # its own dependency ("by the spokesperson of ...": an object) ties it to no one else
    if root.pos_ in ("NOUN", "PROPN") and all(t.i != root.i for t in words):
        words.insert(0, root)
    roles = []
    for token in words:
        role = _role_form(token)
        # not a name ("Miller" of "Jason Miller", "Indiana"), a title word only qualifying an office ("State")
        if role in _OFFICES - TITLE_MODIFIERS or (
            token.pos_ == "NOUN" and not token.ent_type_ and may_name_person(role)
        ):
            roles.append(role)
    if mention.root.lemma_.lower() in WORKS:  # "A memorable Hillary Clinton ad" ... "The ad" is hers still
        roles.append(mention.root.lemma_.lower())
    return roles


def _qualified(qualifiers: frozenset[str], words: frozenset[str]) -> bool:
    """Whether a holder's descriptor ``words`` has every qualifier of a description, an acronym matching
    initials of the descriptor's words ("the DNC chairman" for "Democratic National Committee chairman")."""
    missing = qualifiers - words
    if not missing:
        return True
    initials = Counter(w[0] for w in words if w[:1].isalpha() and w not in ACRONYM_SKIP)
    return all(2 <= len(q) <= 5 and q.isalpha() and not Counter(q) - initials for q in missing)


def _qualifiers(mention: Span) -> frozenset[str]:
    """The words that narrow a description down to one holder: proper nouns and capitalized adjectives
    ("the *Indiana* governor", "the *GOP* nominee", "a spokeswoman for Hillary *Clinton*")."""
    head = mention.root
    found = set()
    for token in mention:
        if token.i == head.i or token.is_punct or token.tag_ == "POS":
            continue
        capitalized_adjective = token.pos_ == "ADJ" and token.is_title
        if token.pos_ == "PROPN" or (capitalized_adjective and (token.i > mention.start or token.ent_type_)):
            found.add(_qualifier_form(token))
    return frozenset(found)


def _description(mention: Span, qualifiers: frozenset[str]) -> Description:
    """What the description ranker reads of a description itself: its qualifiers, determiner, possessor,
    position and whether its noun names an office."""
    head = mention.root
    return Description(
        n_qualifiers=len(qualifiers),
        definite=any(t.lower_ in ("the", "this", "that") for t in mention[:2]),
        possessed=any(c.dep_ == "poss" for c in head.children),
        subject=head.dep_ in ("nsubj", "nsubjpass"),
        office=_role_form(head) in _OFFICES,
    )


def _wanted(mention: Span, qualifiers: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(what a holder's descriptor must state, the state, party and country keys among it) of a description: its
    qualifiers with those stating a state, party or country as keys ("the South Carolina senator" wants
    ``state:SC``, which "Sen. Lindsey Graham (R-S.C.)" states)."""
    keys, covered = attributes(mention.text)
    covered_forms = {QUALIFIER_FORMS.get(w, w) for w in covered} | covered
    return frozenset(q for q in qualifiers if q not in covered_forms) | keys, keys


def _collective(noun: Token) -> bool:
    """A noun naming a body or a group's effort ("campaign", "union", "bank"), never one person."""
    lemma = noun.lemma_.lower()
    return lemma in COLLECTIVE_HEADS or lemma in ORG_KINDS


def _epithet(mention: Span) -> str | None:
    """Whether a description is a definite description of one person that may be an epithet of someone named before,
    and how strong: "named" ("the Indiana governor", "The GOP nominee", "Obama's former campaign strategist", "the
    former secretary": a name's qualifier, a named owner or an office's past holder), "characterized" (a person noun
    only its modifiers narrow: "the retired neurosurgeon", "the real estate mogul", an age: "the 34-year-old mother
    of three"), "bare" (an office alone, "the candidate", "the governor": the weakest, see the resolver), else None:
    "a senator", "his lawyer", "the spokeswoman", "the 34-year-old mother of the victim" (a tie to someone else), a
    bare noun ("the woman"), an office with other words and no name's qualifier ("the attorney general"), a role in a
    group ("the band leader"), modifiers that only tell someone from others present ("the other candidate")."""
    head = mention.root
    if age_epithet(mention):
        return "characterized"
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    # "Obama's former campaign strategist" is not Obama, and may be the one the story is about
    named_owner = owner is not None and owner.pos_ == "PROPN" and owner.ent_type_ == "PERSON"
    if (mention[0].lower_ != "the" and not named_owner) or not person_noun_head(head) or _plural(head):
        return None
    relational = head.lower_ in _RELATIONAL or head.lemma_.lower() in _RELATIONAL
    if (owner is not None and not named_owner) or (relational and not _aged_parent(head)):
        return None
    if not _person_epithet_noun(head.lemma_.lower()):
        return None
    office = _role_form(head) in _OFFICES
    # "The former secretary" names one past holder of an office, as a name's qualifier narrows "the GOP nominee"
    former_office = office and any(t.lower_ in _FORMER for t in mention)
    if named_owner or _qualifiers(mention) or former_office:
        return "named"
    group_role = head.lemma_.lower() in _GROUP_ROLES
    if len(mention) == 2 and office and not group_role:
        return "bare"  # "the governor", "the candidate": of the one just a subject, if no one else holds it
    return "characterized" if not (office or group_role) and _characterized(head) else None


def _person_epithet_noun(lemma: str) -> bool:
    """Whether a noun may head an epithet of a person: its first sense a person's, or most of its first senses
    ("the billionaire estate mogul", "the shooter") unless it is a word for a public body ("the port authority")."""
    return names_person(lemma) or (mostly_names_person(lemma) and lemma not in _BODY_WORDS)


def _aged_parent(head: Token) -> bool:
    """Whether a relational noun is said of its holder by an age, tied to no one else: "the 34-year-old mother (of
    three)", not "the 34-year-old mother of the victim"."""
    ties = [c for c in head.children if c.dep_ == "prep" and not all(t.like_num for t in list(c.subtree)[1:])]
    return not ties and any(stated_age(t) for c in head.lefts for t in c.subtree)


def stated_age(token: Token) -> bool:
    """Whether an adjective states an age: the "old" of "24-year-old", "eight-month-old" (not "the old man")."""
    return token.lower_ == "old" and any(c.lemma_.lower() in _AGE_UNITS for c in token.children)


def age_epithet(mention: Span) -> bool:
    """Whether a mention is a definite age standing for a person: "the 24-year-old" (its head the adjective "old",
    no noun after it).  Limits: read only with "the"; "a 24-year-old" is someone new."""
    return mention[0].lower_ == "the" and stated_age(mention.root) and mention.root.i == mention.end - 1


def person_noun_head(head: Token) -> bool:
    """Whether a description's head word is a common noun, or an abbreviation the tagger takes for a name that names
    a person ("the Toronto *MP*", "the Facebook *CEO*"), or a party's or nation's member ("the Florida *Republican*")."""
    if head.pos_ == "NOUN":
        return True
    member = head.ent_type_ == "NORP" or head.is_upper
    return head.pos_ == "PROPN" and member and names_person(head.lower_)


def _characterized(head: Token) -> bool:
    """Whether modifiers before a person noun say who its one holder is ("the retired neurosurgeon", "the gambling
    tycoon", "the 34-year-old mother"), none of them only telling someone from others present ("the other man")."""
    modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")]
    return bool(modifiers) and not any(
        t.lower_ in _UNCHARACTERIZING and not stated_age(t) for m in modifiers for t in m.subtree
    )


def _share(qualifiers: frozenset[str], words: set[str]) -> float:
    return len(qualifiers & words) / len(qualifiers) if qualifiers else 0.0


def _named_heads(doc: Doc, quoted: bytearray) -> dict[str, list[tuple[int, str]]]:
    """Head lemma -> (position, words) of every common noun the article qualifies with a name, in text order:
    "Charlotte-Mecklenburg police", "Reuters/Ipsos opinion poll" (without determiners and adjectives before
    the name)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for token in doc:
        if token.pos_ != "NOUN" or quoted[token.i] or (_plural(token) and token.lemma_.lower() != "police"):
            continue
        names = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
        start = min((t.i for c in names for t in c.subtree), default=_flat_name_start(token))
        if start >= token.i:
            continue
        span = doc[start : token.i + 1]
        if any(t.is_space or t.is_punct and t.text not in ("-", "/", ".") for t in span):
            continue
        found.setdefault(token.lemma_.lower(), []).append((token.i, span.text))
    return found


def _flat_name_start(noun: Token) -> int:
    """Where a name starts that the parser attached beside a compound noun, not to it ("a Charlotte-Mecklenburg
    police officer": all three compounds of "officer"): the run of proper nouns and hyphens right before it."""
    i = noun.i
    if noun.dep_ != "compound":
        return i
    doc = noun.doc
    while i > 0 and doc[i - 1].dep_ in ("compound", "punct") and i - 1 < doc[i - 1].head.i <= noun.head.i:
        if not (doc[i - 1].pos_ == "PROPN" or doc[i - 1].text in ("-", "/")):
            break
        i -= 1
    while i < noun.i and doc[i].is_punct:
        i += 1
    return i
