"""A name written after an office and its portfolio: "Minister for Health Stephen Donnelly said", "The Minister for
Regional Development Shane Jones says", "Union Minister of State for Tourism G. Kishan Reddy has said".

Parliamentary news (the UK, Ireland, Australia, New Zealand, India, South Africa) puts the portfolio between the office
and the name.  The parser then makes the office the subject and the name the end of its for- or of-phrase, and the
recognizer often tags no name there, so the speaker would be "Minister".  :func:`portfolio_name_start` finds where such
a name starts.

Limits: only a run of capitalized words (and "and", "of", "the", "for") after a capitalized office word that is the
subject, ending right before its verb; the name must start with a known first name or an initial and be two words or
more ("Minister for Jobs and Enterprise said" names no one).  A portfolio that ends in a first name is misread.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import gender
from ..lexicon.titles import PERSON_TITLES, TITLE_LINKS

_JOINERS = TITLE_LINKS | {"and"}


def portfolio_name_start(head: Token) -> int:
    """Where the name starts in the portfolio phrase after office word ``head`` (see the module doc); 0 if there is
    none.  The parser hangs the name under the office (the office the subject: "Minister for Health Stephen Donnelly
    said") or the office under the name ("Union Minister of State for Tourism G. Kishan Reddy has said")."""
    doc = head.doc
    if head.lower_ not in PERSON_TITLES or not head.is_title or head.i + 1 >= len(doc):
        return 0
    link = doc[head.i + 1]
    if link.lower_ not in TITLE_LINKS or link.head.i != head.i:
        return 0
    if head.dep_ in ("nsubj", "nsubjpass") and head.right_edge.i + 1 == head.head.i:
        last = head.right_edge
    elif head.dep_ in ("nmod", "compound") and head.head.i > head.i and head.head.dep_ in ("nsubj", "nsubjpass"):
        last = head.head
    else:
        return 0
    words = doc[link.i + 1 : last.i + 1]
    if not all(t.is_title or t.lower_ in _JOINERS for t in words):
        return 0
    for token in words[1:-1]:  # a portfolio word first, then a name of two words or more
        if _starts_name(token):
            return token.i if all(t.is_title and t.pos_ == "PROPN" for t in doc[token.i : last.i + 1]) else 0
    return 0


def portfolio_name_end(head: Token) -> int:
    """Where the name after office word ``head``'s portfolio ends (see :func:`portfolio_name_start`); 0 if none."""
    if not portfolio_name_start(head):
        return 0
    return head.right_edge.i + 1 if head.dep_ in ("nsubj", "nsubjpass") else head.head.i + 1


def _starts_name(token: Token) -> bool:
    text = token.text
    initial = len(text) == 2 and text[0].isupper() and text[1] == "."
    return initial or gender.is_first_name(text)
