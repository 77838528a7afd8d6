"""Reading spaCy's dependency parse: who a reporting word's speaker is."""

from __future__ import annotations

from spacy.tokens import Token

# Verbs whose "it" subject is empty ("it seems that ..."); with any other verb "it" is a thing that speaks
# ("It says the campaign violated federal law": a lawsuit, a report).
RAISING_VERBS = frozenset({"be", "seem", "appear", "happen", "turn", "remain", "become", "look", "sound"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def subject_or_agent(verb: Token) -> Token | None:
    """The speaker's head word of a verb: the agent of a passive, else the subject.

    A relative pronoun subject gives the noun it modifies; an expletive ("there is", "it
    seems that": "it" with a verb of :data:`RAISING_VERBS`) gives none.  Conjoined or participial verbs share their head's speaker:
    "He smiled and said ...", "..., saying ...".
    """
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    # Two subjects are a misparse ("“... Full panic mode,” said Leslie Wimes"): the one next to the verb is right.
    subject = min(
        (c for c in verb.children if c.dep_ in ("nsubj", "csubj")), key=lambda c: abs(c.i - verb.i), default=None
    )
    if subject is not None:
        if subject.lower_ == "there" or (subject.lower_ == "it" and verb.lemma_ in RAISING_VERBS):
            return None  # "there is", "it seems that", "it is clear that": nobody speaks
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return subject
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return subject_or_agent(verb.head)
    return None


def relative_pronoun(cue: Token, antecedent: Token) -> Token | None:
    """The relative pronoun through which ``antecedent`` is the speaker of ``cue``, if it is.

    In "Will Smith, who said ..." (and "..., who smiled and said ...") the words naming the speaker
    at the claim are "who"; :func:`subject_or_agent` gives the noun it stands for.
    """
    verb = cue
    while verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        verb = verb.head
    if verb.dep_ != "relcl" or verb.head != antecedent:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS), None)


def finite_tag(verb: Token) -> str:
    """The tag of the word that carries tense: the first auxiliary ("would" in "would order"), else the verb."""
    return next((c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb.tag_)
