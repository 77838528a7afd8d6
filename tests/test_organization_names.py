"""Organization names run on over the complement the recognizer cut, and the names a body's description may be
(issue 16): pure cases on hand-built Docs (a blank pipeline, no model), with the recognizer's ORG span marked by
``[...]`` and other entities by ``{LABEL:...}``."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimex.nlp.speakers.organizations import coordinated_start, describes, extended_name

VOCAB = spacy.blank("en").vocab
_MARK = re.compile(r"\[([^\]]+)\]|\{(\w+):([^}]+)\}|(\S+)")


def _doc_with(marked: str) -> tuple[Doc, Span]:
    """The Doc of ``marked``'s words, its entities set, and the ``[...]`` ORG span."""
    words: list[str] = []
    spans: list[tuple[int, int, str]] = []
    marked_org = (0, 0)
    for match in _MARK.finditer(marked):
        org, label, labelled, word = match.groups()
        if word is not None:
            words.append(word)
            continue
        start = len(words)
        words.extend((org or labelled).split())
        spans.append((start, len(words), "ORG" if org else label))
        if org:
            marked_org = (start, len(words))
    doc = Doc(VOCAB, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    return doc, Span(doc, *marked_org, label="ORG")


CASES = [
    # run on over "for the ..." / "of ..." that belongs to the name
    ("A panel of [the U.S. Court of Appeals] for the {ORG:Sixth Circuit} ruled .", "for the Sixth Circuit"),
    ("Lawyers for [the Northeast Ohio Coalition] for the Homeless sued .", "for the Homeless"),
    ("Lawyers for [the U.S. District Court] for the {GPE:District of Columbia} sued .", "for the District of Columbia"),
    ("She spoke to [the Economic Club] of {GPE:Washington} on Monday .", "of Washington"),
    (
        "Judges of [the Court of Appeals] for the {ORG:Seventh Circuit} and {PERSON:William Pryor} ruled .",
        "for the Seventh Circuit",
    ),
    # the complement is another organization, a date, a person or not capitalized: the name stays
    ("He left [the GOP Committee] for the {ORG:Democratic Party} in May .", ""),
    ("A poll by [Edison Research] for the {ORG:Associated Press} showed .", ""),
    ("She told [the Union Council] on {DATE:Monday} that .", ""),
    ("He joined [the Teachers Union] of {PERSON:John Smith} fame .", ""),
    ("It asked [the Court] for the money .", ""),
    ("He told [the Economic Club] of the plan .", ""),
    # no organization's head noun in the name: never run on ("Secretary of State of the United States")
    ("He was [State] of the {GPE:United States} .", ""),
]


@pytest.mark.parametrize(("marked", "added"), CASES)
def test_extended_name(marked, added):
    doc, org = _doc_with(marked)
    extended = extended_name(org)
    assert doc[org.end : extended.end].text == added
    assert extended.start == org.start and extended.label_ == "ORG"


def _description(words: str, tags: str, pos: str) -> Span:
    """A noun phrase on a blank pipeline: its last word the head, every other word its child."""
    tokens = words.split()
    head = len(tokens) - 1
    doc = Doc(
        VOCAB,
        words=tokens,
        tags=tags.split(),
        pos=pos.split(),
        lemmas=[
            w.lower().removesuffix("s") if t == "NNS" else w.lower() for w, t in zip(tokens, tags.split(), strict=True)
        ],
        heads=[head] * len(tokens),
        deps=["det" if t == "DT" else "compound" for t in tags.split()[:-1]] + ["ROOT"],
    )
    return doc[:]


DESCRIBES = [
    # a body's description names an organization whose name holds its narrowing words
    ("the appeals court", "DT NN NN", "DET NOUN NOUN", "U.S. Court of Appeals for the Sixth Circuit", True),
    ("the court", "DT NN", "DET NOUN", "U.S. Court of Appeals", True),
    ("the House panel", "DT NNP NN", "DET PROPN NOUN", "House Oversight and Government Reform Committee", True),
    # ... and no other
    ("the district court", "DT NN NN", "DET NOUN NOUN", "U.S. Court of Appeals", False),
    ("the Senate panel", "DT NNP NN", "DET PROPN NOUN", "House Oversight and Government Reform Committee", False),
    # plurals are several bodies, not the one named
    ("other unions", "JJ NNS", "ADJ NOUN", "Association of Flight Attendants", False),
    ("recent polls", "JJ NNS", "ADJ NOUN", "Washington Post-ABC News poll", False),
    # other descriptions are not judged here
    ("the senator", "DT NN", "DET NOUN", "Lindsey Graham", True),
]


COORDINATED = [
    ("Fisheries and [Oceans Canada] said", "Fisheries and Oceans Canada"),
    ("Environment and [Climate Change Canada] said", "Environment and Climate Change Canada"),
    ("a new Immigration and [Customs Enforcement] rule", "Immigration and Customs Enforcement"),
    ("Health and [Human Services] said", "Health and Human Services"),
    # must stay as the recognizer found it
    ("{PERSON:Donald Trump} and [Republican National Committee] said", "Republican National Committee"),
    ("Critics and [Amnesty International] said", "Amnesty International"),  # a noun for people
    ("police and [Amnesty International] said", "Amnesty International"),  # not capitalized
    ("[Oceans Canada] said", "Oceans Canada"),
]


@pytest.mark.parametrize(("marked", "name"), COORDINATED)
def test_coordinated_start(marked, name):
    doc, org = _doc_with(marked)
    for token in doc:
        token.lemma_ = "critic" if token.text == "Critics" else token.lower_
    assert coordinated_start(org).text == name


@pytest.mark.parametrize(("words", "tags", "pos", "name", "expected"), DESCRIBES)
def test_describes(words, tags, pos, name, expected):
    assert describes(_description(words, tags, pos), name) is expected
