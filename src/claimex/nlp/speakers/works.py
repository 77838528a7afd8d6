"""Works that speak for their authors: "a new report by Politico", "Ivana Trump's brief".

A work's author is its possessor or a name compounded with it ("Politico's report", "A USA TODAY analysis"), the
object of "by" ("a study released by X"), or the subject of a verb making it ("The Security Council issued a
statement"); "the report" later is the latest such work's, in the last paragraphs.

Limits: the author must be named at the work; an author named only sentences before is not found.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...lexicon import words as lexicon_words
from ..profiles import entity_at

#: Works that speak for their authors: "Ivana Trump's brief", "a new report by Politico".
WORKS = lexicon_words("works")
#: Nouns of what someone says or writes, that speak as their possessor: "her account", "his remarks".
VOICED = lexicon_words("voiced_nouns")
#: Verbs whose subject makes their object: "The Security Council issued a statement".
_MAKING_VERBS = lexicon_words("making_verbs")
#: Verbs of coming to have or see a work: "an email obtained by Citizens United" is not its.
_OBTAINING_VERBS = lexicon_words("obtaining_verbs")
_WORK_PARAGRAPHS = 3  # "the report" is the one named in the last paragraphs


def _author(head: Token, entity: Span) -> Span | None:
    """The author of a work heading a mention: its possessor or compound ("the IMF report"), or "by X"."""
    if head.lemma_.lower() not in WORKS or entity.label_ not in ("PERSON", "ORG", "GPE"):
        return None
    root = entity.root
    if root.head.i == head.i and root.dep_ in ("poss", "compound"):
        return entity
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.i == head.i:
        return entity
    return None


def _author_token(work: Token) -> Token | None:
    """The word naming a work's author: its possessor or a name compounded with it ("Politico's report", "A USA
    TODAY analysis"), the object of "by" after it or after a participle ("a study released by X"; not "an email
    obtained by X"), a name after "from" ("A statement from the Prime Minister's Office"; not "a report from the
    scene"), or the subject of a verb making it ("X issued a statement")."""
    for child in work.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN"):
            return child
    for child in work.children:
        by = child if child.lower_ == "by" or _from_a_name(child) else None
        if by is None and child.dep_ == "acl" and child.lemma_.lower() not in _OBTAINING_VERBS:
            by = next((c for c in child.children if c.dep_ == "agent"), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is not None:
            return pobj
    verb = work.head
    if work.dep_ == "dobj" and verb.lemma_.lower() in _MAKING_VERBS:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _from_a_name(preposition: Token) -> bool:
    """ "from" with a named person, body or place for its object."""
    return preposition.lower_ == "from" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in preposition.children
    )


def _author_entity(named: Token) -> Span | None:
    """The name an author's word stands in: its entity, cut to the word's own phrase ("Politico" of a
    recognized "Politico, Democratic party"), or a capitalized compound no entity covers ("USA TODAY")."""
    doc = named.doc
    phrase = range(named.left_edge.i, named.i + 1) if named.dep_ == "compound" else None
    if phrase is not None and all(doc[i].is_title or doc[i].is_upper for i in phrase):
        entity = entity_at(named)
        if entity is None or entity.start > phrase.start:
            return Span(doc, phrase.start, phrase.stop, label="ORG")
    entity = entity_at(named)
    if entity is None or entity.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    start, end = max(entity.start, named.left_edge.i), min(entity.end, named.right_edge.i + 1)
    return entity if (start, end) == (entity.start, entity.end) else Span(doc, start, end, label=entity.label_)
