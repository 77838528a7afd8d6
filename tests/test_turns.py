"""Transcript turns over several paragraphs, table-driven on hand-built Docs (spacy.blank, no model)."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimex.nlp.attribution import Claim, Reading
from claimex.nlp.attribution.turns import labelled_turns
from claimex.nlp.cleaning import READABLE
from claimex.nlp.components import mark_paragraphs, mark_quotations
from claimex.nlp.cues import make_default_lexicon
from claimex.nlp.keys import PARAGRAPHS, QUOTATIONS, READ_BY_CLAIMEX

NLP = spacy.blank("en")
PERSONS = {"i": "1", "my": "1", "we": "1", "you": "2"}


def _reading(text: str) -> Reading:
    """The Doc of ``text`` with its paragraphs and quotations, its personal pronouns tagged as a tagger would."""
    doc = NLP(text)
    doc.user_data[READ_BY_CLAIMEX] = True
    mark_quotations(mark_paragraphs(doc))
    for token in doc:
        if token.lower_ in PERSONS:
            token.pos_ = "PRON"
            token.set_morph(f"Person={PERSONS[token.lower_]}|PronType=Prs")
    body = [p for p in doc.spans[PARAGRAPHS] if p.label_ in READABLE]
    return Reading.of(doc, make_default_lexicon(), list(doc.spans[QUOTATIONS]), body)


def _narration(doc: Doc, words: str) -> Claim:
    """A claim of the narrator's: "Pence said ...", its cue the sentence's root."""
    start = next(t.i for t in doc if doc[t.i : t.i + 2].text == words)
    speaker, cue = doc[start : start + 1], doc[start + 1 : start + 2]
    cue[0].dep_ = "ROOT"
    return Claim(cue.end, cue.end + 3, cue, speaker, "indirect")


QUOTED = (
    'Partial transcript as follows:\n\n"WALLACE: Do you really see those two as equivalent?\n\n'
    '"PENCE: Well, look, you know, Mark Cuban knows as much about security as I do about basketball.\n\n'
    '"But the truth is that Donald Trump has a unique way of talking to the American people.\n\n'
    '"Donald Trump is not about that. He is going to focus on the issues people care about.\n\n'
)
UNQUOTED = (
    "Partial transcript as follows:\n\nTAPPER: And obviously, you are supporting Donald Trump today.\n\n"
    "Specifically I have heard from a number of voters about the things he said. Do you think so?\n\n"
    "FALLIN: Well, I think the whole nation needs to work together on this.\n"
)


@pytest.mark.parametrize(
    "text, label, ends_with",
    [
        # a quoted transcript: each paragraph reopens the quotation, the answer runs on to the next label
        (QUOTED + '"WALLACE: Governor, I do not want to interrupt.', "PENCE", "issues people care about."),
        # ... and stops at a stage direction, between the turns or opening a paragraph
        (
            QUOTED + '"(CROSSTALK.)\n\n"WALLACE: Governor, I do not want to interrupt.',
            "PENCE",
            "issues people care about.",
        ),
        (
            QUOTED + '"[LAUGHTER] That is a good one, Governor Pence, said the host.',
            "PENCE",
            "issues people care about.",
        ),
        # ... at a closing credit
        (QUOTED + '"Follow Pam Key on Twitter @pamkeyNEN."', "PENCE", "issues people care about."),
        # ... and at a label that names no speaker
        (
            QUOTED + '"VIDEO: Hillary and Obama and Biden all told me it was a video.',
            "PENCE",
            "issues people care about.",
        ),
        # the label's own paragraph still ends the turn when the next one has a label of its own
        (QUOTED, "WALLACE", "those two as equivalent?"),
        # unquoted: a paragraph in the first or second person right before the next label continues the turn
        (UNQUOTED, "TAPPER", "Do you think so?"),
        (UNQUOTED, "FALLIN", "work together on this."),
        # ... and so do all the paragraphs of an answer in the first or second person up to the next label
        (
            "Transcript:\n\nSMITH: No. We do not have a policy on that.\n\n"
            "We have very clear policies on how we treat people.\n\n"
            "I think we did a reasonably good job of it. But that is it.\n\n"
            "HALL: So what kind of input did you get from people?\n",
            "SMITH",
            "But that is it.",
        ),
        # ... but not when one of them is the reporter's, in the third person
        (
            "Transcript:\n\nSMITH: No. We do not have a policy on that.\n\n"
            "We have very clear policies on how we treat people.\n\n"
            "The chairman paused for a long time before going on.\n\n"
            "HALL: So what kind of input did you get from people?\n",
            "SMITH",
            "policy on that.",
        ),
        # unquoted, the last turn: what follows may be the reporter's, so the turn ends with its paragraph
        (
            "Transcript:\n\nTAPPER: And obviously, you are supporting Donald Trump today.\n\n"
            "Specifically I have heard from a number of voters about the things he said.\n",
            "TAPPER",
            "Donald Trump today.",
        ),
        # unquoted, third-person narration between turns is no continuation
        (
            "Transcript:\n\nTAPPER: And obviously, you are supporting Donald Trump today.\n\n"
            "The governor paused for a long time before the answer came.\n\n"
            "FALLIN: Well, I think the whole nation needs to work together on this.\n",
            "TAPPER",
            "Donald Trump today.",
        ),
    ],
)
def test_a_turn_runs_on_to_where_its_speaker_stops(text, label, ends_with):
    reading = _reading(text)
    (turn,) = [c for c in labelled_turns(reading, []) if c.source is not None and c.source.text == label]
    assert reading.doc[turn.start : turn.end].text.endswith(ends_with.rstrip("?."))


def test_narration_naming_a_speaker_ends_a_quoted_turn():
    text = QUOTED.replace('"Donald Trump is not about that.', '"Pence said the campaign is not about that.')
    reading = _reading(text)
    narration = _narration(reading.doc, "Pence said")
    (turn,) = [c for c in labelled_turns(reading, [narration]) if c is not narration and c.source.text == "PENCE"]
    assert reading.doc[turn.start : turn.end].text.endswith("talking to the American people")


def test_a_title_label_runs_on_over_nothing():
    """A headline's "Pence: ..." paraphrases; the article's first quotation is no part of it."""
    text = "Pence: Flowers Won't Be at Debate\n\n\"Gennifer Flowers will not be attending the debate tomorrow night.\n"
    reading = _reading(text)
    reading.doc.ents = [Span(reading.doc, 0, 1, "PERSON")]  # "Pence", as the recognizer finds him
    (turn,) = labelled_turns(reading, [])
    assert reading.doc[turn.start : turn.end].text == "Flowers Won't Be at Debate"


@pytest.mark.parametrize("cued", [False, True])
def test_a_quotation_holding_a_label_gives_way_to_the_turn_unless_cued(cued):
    """A quoted transcript's paragraph read as a floating quotation (its speaker guessed) gives way to the
    labelled turn; a claim with a cue of its own stays."""
    text = 'The panel met on Saturday.\n\n"Chris Matthews: Seriously, seriously about this. Bernie will pay for it."\n'
    reading = _reading(text)
    chris = next(t.i for t in reading.doc if t.text == "Chris")
    reading.doc.ents = [Span(reading.doc, chris, chris + 2, "PERSON")]
    quote = reading.quotations[0]
    cue = reading.doc[0:1] if cued else None
    guessed = Claim(quote.start, quote.end, cue, reading.doc[1:2], "direct", [0])
    claims = labelled_turns(reading, [guessed])
    assert [c.source.text for c in claims] == (["panel", "Chris Matthews"] if cued else ["Chris Matthews"])


def _with_people(reading: Reading, *names: str) -> Reading:
    """``reading`` with each mention of ``names`` tagged PERSON, as the recognizer finds them."""
    doc, ents = reading.doc, []
    for name in sorted(names, key=len, reverse=True):  # "Gayle Lemmon" before "Lemmon" alone
        size = len(name.split())
        taken = {i for e in ents for i in range(e.start, e.end)}
        ents += [
            Span(doc, t.i, t.i + size, "PERSON")
            for t in doc
            if doc[t.i : t.i + size].text == name and not taken & set(range(t.i, t.i + size))
        ]
    doc.ents = sorted(ents, key=lambda e: e.start)
    return reading


INTERVIEW = (
    "Q&A with Gayle Lemmon\n\nGayle Lemmon is the author of a new book. Lemmon lives in Washington.\n\n"
    "Q: What inspired you to write the book?\n\n"
    "A: One of the soldiers called me and said you have to come to Syria.\n\n"
    "This is about women who took on men who bought and sold women.\n\n"
    "Q: How did you research the book?\n\n"
    "A: It was such a privilege to research this story, and I made seven trips.\n\n"
    "Learn more about the book at the author's website.\n"
)


@pytest.mark.parametrize(
    "text, people, answers",
    [
        # each answer is the interviewee's and runs on to the next question; the last one stops at its paragraph
        (
            INTERVIEW,
            ("Gayle Lemmon", "Lemmon"),
            [("Gayle Lemmon", "One of the soldiers", "bought and sold women"), ("Gayle Lemmon", "It was", "trips")],
        ),
        # two people named as often before the interview: whose answers they are is not sure
        (
            INTERVIEW.replace("with Gayle", "with").replace("Lemmon lives in", "Ann Lee lives in"),
            ("Gayle Lemmon", "Ann Lee"),
            [],
        ),
        # nobody named before it
        (INTERVIEW.replace("Gayle Lemmon", "the author").replace("Lemmon", "She"), (), []),
        # answers with no questions: no interview
        (INTERVIEW.replace("Q: ", ""), ("Gayle Lemmon", "Lemmon"), []),
    ],
)
def test_an_interviews_answers_are_its_interviewees(text, people, answers):
    reading = _with_people(_reading(text), *people)
    doc = reading.doc
    turns = [c for c in labelled_turns(reading, []) if c.cue is not None and c.cue.text == ":"]
    found = [(c.source.text, doc[c.start : c.end].text) for c in turns]
    assert len(found) == len(answers), found
    for (speaker, said), (want, starts, ends) in zip(found, answers, strict=True):
        assert speaker == want and said.startswith(starts) and said.endswith(ends), (speaker, said)


BROADCAST = (
    "Farmers face the worst drought in a century.\n\n"
    "PAUL LOCKYER, REPORTER: Past drying lakes and rivers, a truck hauls a special load of hay to the west.\n\n"
    "IAN 'BANJO' BURNS, APPIN STATION: Everybody is in the same boat and we are all losing sheep.\n\n"
    "PAUL LOCKYER: Feed is so scarce that this hay has come all the way from the coast.\n\n"
    "WOLF BLITZER, CNN ANCHOR: Are you getting any help from the government at all?\n\n"
    "Smith, a farmer from the west, said: we need rain more than anything else this year.\n"
)


@pytest.mark.parametrize(
    ("label", "found"),
    [
        ("IAN 'BANJO' BURNS", True),  # a role in capitals after the name, a nickname in quotes
        ("WOLF BLITZER", True),  # a host asks: a speaker
        ("PAUL LOCKYER", False),  # the report's own voice, also where the role is not repeated
        ("Smith", False),  # prose: no label in capitals
    ],
)
def test_a_broadcast_label_with_a_role(label, found):
    turns = labelled_turns(_reading(BROADCAST), [])
    assert any(c.source is not None and c.source.text == label for c in turns) is found


@pytest.mark.model
def test_a_label_in_capitals_names_a_person_in_title_case(nlp):
    from claimex.api import extract_text

    text = (
        "WOLF BLITZER, CNN ANCHOR: Are you getting any help from the government at all this year?\n\n"
        "REVEREND ALAN HOSKIN, ANGLICAN MINISTER: We can see that it is actually helping people a great deal.\n\n"
        "STAT OF THE WEEK: Forty-three million dollars went to subsidies for the port this year.\n"
    )
    rows = extract_text(text, nlp=nlp, kinds="all")
    speakers = {r["speaker"]: r["speaker_type"] for r in rows}
    assert speakers.get("Wolf Blitzer") == "PERSON"
    assert speakers.get("Alan Hoskin") == "PERSON"
    roles = {r["speaker"]: r["speaker_role"] for r in rows}
    assert roles["Wolf Blitzer"] == "CNN Anchor" and roles["Alan Hoskin"] == "Anglican Minister"
    assert "Stat Of The Week" not in speakers
