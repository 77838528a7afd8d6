"""A sentence's main verb the parser took for a participle after its subject's appositive or relative clause:
"Beruff, a Scott ally, called Florida's standards "strong."", "Stuart Stevens, who served as Mitt Romney's chief
strategist during the 2012 campaign, called Trump's statements "childish."", "The image of a boy, dazed and
bloodied, reverberated around the world".

After a long subject set off by commas, the parser often tags the verb a past participle (VBN) and hangs it on the
nearest noun as a reduced relative clause (``acl``); the subject then becomes the root of a sentence without a verb,
and nobody says anything.  :func:`repair_nominal_roots` makes such a verb the sentence's root again, with the noun
that was the root for its subject.

Limits, plainly: only where the parser left the sentence without a verbal root, the subject opening it; the verb must
follow a comma, have no subject, no "by" agent and no auxiliary of its own, and no comma may follow its clause
(", led by Meles Zenawi, set about rebuilding" keeps "led" a participle and repairs "set").  A
participle phrase closing a verbless headline ("Casino revenue up slightly, helped by betting") has its agent and is
left alone; one without an agent would be misread.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
_OWN_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "agent", "auxpass", "aux", "expl"})


def repair_nominal_roots(doc: Doc) -> Doc:
    """Make each main verb taken for a participle (see the module doc) its sentence's root, the old root its subject."""
    for sentence in list(doc.sents):
        verb = detached_main_verb(sentence)
        if verb is not None:
            _reparse(sentence.root, verb)
    return doc


def detached_main_verb(sentence: Span) -> Token | None:
    """The verb of ``sentence`` the parser hung on a noun as a participle though it is the main verb, or None."""
    root = sentence.root
    if root.pos_ not in ("NOUN", "PROPN") or root.left_edge.i != sentence.start:
        return None
    last_comma = max((t.i for t in sentence if t.text == ","), default=-1)  # one pass: a crafted sentence is long
    for token in sentence[root.i - sentence.start + 1 :]:
        if _main_verb_taken_for_participle(token) and token.right_edge.i >= last_comma:
            return token  # no comma after its clause closes it as an aside (", dazed and bloodied, reverberated")
    return None


def _main_verb_taken_for_participle(token: Token) -> bool:
    """Whether ``token`` is a participle-tagged verb after a comma, with no arguments of a clause of its own."""
    doc = token.doc
    return (
        token.dep_ == "acl"
        and token.pos_ == "VERB"
        and token.tag_ in _PARTICIPLE_TAGS
        and token.i > 0
        and doc[token.i - 1].text == ","
        and not any(child.dep_ in _OWN_ARGUMENTS for child in token.children)
    )


def _reparse(root: Token, verb: Token) -> None:
    """``verb`` the root, finite; ``root`` its subject; what ``root`` held after the verb, the verb's."""
    after = [child for child in root.children if child.i > verb.i]
    verb.head = verb
    verb.dep_ = "ROOT"
    verb.tag_ = "VBD"
    root.head = verb
    root.dep_ = "nsubj"
    for child in after:
        child.head = verb
        if child.pos_ == "ADJ":
            child.dep_ = "oprd"  # "called Florida's standards "strong.""
    # A noun the parser made the participle's predicate is the verb's object ("called Florida's standards").
    predicates = [child for child in verb.children if child.dep_ == "oprd"]
    has_object = any(child.dep_ == "dobj" for child in verb.children)
    if predicates and predicates[0].pos_ in ("NOUN", "PROPN", "PRON") and not has_object:
        predicates[0].dep_ = "dobj"
