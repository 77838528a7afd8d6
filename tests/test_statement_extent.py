"""Where a reported statement starts and ends, table-driven on the real model: words PolNeAR's annotators keep in
the statement, and words that must stay out of it."""

import pytest

from claimex.api import extract_text


def statements(nlp, text):
    return [(r["speaker"], r["quote"]) for r in extract_text(text, nlp=nlp, kinds="all")]


# (text, speaker, the statement as a row must read)
KEPT = [
    # the one urged or asked, between a directive verb and its infinitive, opens the statement
    (
        "The senator urged the technology industry to do more about encryption.",
        "senator",
        "the technology industry to do more about encryption",
    ),
    (
        "Clinton asked the Justice Department to investigate whether the records were complete.",
        "Clinton",
        "the Justice Department to investigate whether the records were complete",
    ),
    (
        "The mayor urged residents to stay indoors during the storm.",
        "mayor",
        "residents to stay indoors during the storm",
    ),
    # "called on X to Y": the one called on, without the preposition
    (
        "The mayor called on Congress to pass the bill before the recess.",
        "mayor",
        "Congress to pass the bill before the recess",
    ),
    # "on" parsed as a particle holding the object
    (
        "In June, the senator called on fellow Republicans to unendorse Trump.",
        "senator",
        "fellow Republicans to unendorse Trump",
    ),
    # no object: the infinitive alone
    ("The governor urged to withdraw from the race.", "governor", "to withdraw from the race"),
    # a time misread as the object is no one urged
    (
        "Sanders promised Monday to begin taking executive action on immigration.",
        "Sanders",
        "to begin taking executive action on immigration",
    ),
    # a that-clause inside the object belongs to it: the whole object is the statement
    ("The senator rejected the notion that the bill was dead.", "senator", "the notion that the bill was dead"),
    (
        "The campaign dismissed accusations that it had broken election law.",
        "campaign",
        "accusations that it had broken election law",
    ),
    (
        "He cited polling data showing that voters were worried about inequality.",
        "He",
        "polling data showing that voters were worried about inequality",
    ),
    # ... unless the object is the one spoken to
    (
        "He told a meeting of party leaders that few voters understood the plan.",
        "He",
        "few voters understood the plan",
    ),
    ("She told reporters that the plan would fail.", "She", "the plan would fail"),
    # a statement that goes on after the tag interrupting it is one claim in two pieces
    (
        "The documents indicate, he said in a telephone interview, that the department worked with the foundation.",
        "he",
        "The documents indicate … that the department worked with the foundation",
    ),
    # ... not when the narrator goes on after the tag
    (
        "The talks were productive, the minister said, adding that both sides would meet again.",
        "minister",
        "The talks were productive",
    ),
    (
        "The talks were productive, the minister said on Monday, before leaving for Paris.",
        "minister",
        "The talks were productive",
    ),
    # a closing contrast that reports something else stays the narrator's
    (
        "Officials said the plan would cut costs, while 22 percent of voters said it would not.",
        "Officials",
        "the plan would cut costs",
    ),
    # a noun the parser coordinated with a learned construction's cue is more of what it is about
    (
        "She criticized him for repeated votes against the bill in the 1990s and his vote a decade ago to curtail"
        " liability.",
        "She",
        "him for repeated votes against the bill in the 1990s and his vote a decade ago to curtail liability",
    ),
    (
        "Trump blamed Clinton directly for the past decade and a half of foreign policies that have wrought turmoil.",
        "Trump",
        "Clinton directly for the past decade and a half of foreign policies that have wrought turmoil",
    ),
    # ... not a coordinated verb, the narrator's next report, nor anything past a semicolon
    ("The senator attacked the new tax plan and praised the governor for his courage.", "senator", "the new tax plan"),
    ("The senator attacked the new tax plan; and the governor, in turn, defended it.", "senator", "the new tax plan"),
    # a coordinated clause with a modal after the statement is the speaker's forecast, not the narrator's
    (
        "Basanta says it would be a last resort, but unauthorized aircraft and drones will be met by RCMP aircraft.",
        "Basanta",
        "it would be a last resort, but unauthorized aircraft and drones will be met by RCMP aircraft",
    ),
    # ... not when the cue has a modal too (the narrator forecasting), nor a clause without one
    (
        "Republicans will pledge to appoint strict judges, and they will also be under pressure to act fast.",
        "Republicans",
        "to appoint strict judges",
    ),
    ("The mayor said the plan would fail, but critics disagreed.", "mayor", "the plan would fail"),
    # a coordinated subject the parser split into the cue's "object" and a conjunct's subject
    (
        "Ford said the premiers, and the whole country along with them, stand united against the tariffs.",
        "Ford",
        "the premiers, and the whole country along with them, stand united against the tariffs",
    ),
    # ", adding B" hung on the reported clause: B is a statement of its own, of the same speaker
    (
        "The minister said the talks were productive, adding both sides would meet again.",
        "minister",
        "the talks were productive",
    ),
    (
        "The minister said the talks were productive, adding both sides would meet again.",
        "minister",
        "both sides would meet again",
    ),
    # "in a news release that A", with "that" read as a relative pronoun: A is what the release said
    ("The union said in a news release that talks have broken down.", "union", "talks have broken down"),
    # a headline's noun with its participle before ", X says": what was said
    (
        "Mayor's expense fiasco harming North Bay's reputation, councillor says\nThe mayor spent too much.",
        "councillor",
        "Mayor's expense fiasco harming North Bay's reputation",
    ),
    # a closing tag the parser hung on the clause before it as a conjunct
    (
        "All 13 of the premiers will remain united as “Team Canada” despite “chaos” in Ottawa, Ontario Premier Doug"
        " Ford said hours after the minister’s resignation.",
        "Doug Ford",
        "All 13 of the premiers will remain united as “Team Canada” despite “chaos” in Ottawa",
    ),
    # a closing tag the parser hung on the clause before it as an adverbial clause, with the one told after it
    (
        "The Internet has also made it possible for people with like-minded, if bogus, ideas and theories to organize"
        " into communities and reach others, she said.",
        "she",
        "The Internet has also made it possible for people with like-minded, if bogus, ideas and theories to organize"
        " into communities and reach others",
    ),
    (
        "This includes a special force to assist Kurdish Peshmerga, Defense Secretary Ash Carter told a Senate panel"
        " Wednesday.",
        "Ash Carter",
        "This includes a special force to assist Kurdish Peshmerga",
    ),
    # a tag inside the sentence, hung on a noun: the statement in two pieces
    (
        "The hashtag #RechercheParis, Mr. Abboud said, accompanied descriptions of loved ones sought.",
        "Abboud",
        "The hashtag #RechercheParis … accompanied descriptions of loved ones sought",
    ),
    # a statement in pieces loses the writer's trailing aside from its last piece, as a whole one does
    (
        "The difference now, he told me on Friday, is that he is the anchor of a straight news program, which makes"
        " him seem kinder to Mr. Trump than he would be as an opinion host.",
        "he",
        "The difference now … is that he is the anchor of a straight news program",
    ),
    # a cue with something of its own after it ("called over her shoulder, ...") is no tag of the words before it
    (
        "Dashing into a closed-door luncheon of senators, Senator Shelley Moore Capito, Republican of West Virginia,"
        " called over her shoulder, ''His comments are not helping.''",
        "Shelley Moore Capito",
        "His comments are not helping.",
    ),
    # "but declined to ...": the narrator's contrast, not part of what was said
    (
        "She said she would support the nominee, but declined to say whether she would campaign for him.",
        "She",
        "she would support the nominee",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", KEPT)
def test_the_statement_reads(nlp, text, speaker, statement):
    assert (speaker, statement) in statements(nlp, text)


# (text, words no row's statement may start with)
NOT_OPENING = [
    ("Sanders promised Monday to begin taking executive action on immigration.", "Monday"),
    ("The mayor called on Monday to raise the minimum wage.", "Monday"),
    # the object before the cue is the relative pronoun, never part of the statement's start
    ("The candidate whom the governor urged to withdraw said he would stay in the race.", "the governor"),
]


@pytest.mark.parametrize("text, opening", NOT_OPENING)
def test_the_statement_does_not_open_with(nlp, text, opening):
    assert not any(q.startswith(opening) for _, q in statements(nlp, text))


# The narration before a speaker that the parser hung on the cue as a second complement stays out when the clause
# right after the cue is what was said; a statement interrupted by its tag ("A, X said, that B") stays whole (in
# pieces, without the tag, where the parser hung the tag on it).
# (text, the rows as (speaker, statement))
AFTER_THE_CUE = [
    (
        "Fiorina was a microscopic planner - a former speechwriter said she demanded detailed analyses of her audiences.",
        [("former speechwriter", "she demanded detailed analyses of her audiences")],
    ),
    (
        "The union polled its members online last July: 1,409 teachers said they wanted to endorse Sanders.",
        [("1,409 teachers", "they wanted to endorse Sanders")],
    ),
    (
        "It is no surprise, Mr. Garin said, that Mrs. Clinton did better among African-Americans.",
        [("Garin", "It is no surprise … that Mrs. Clinton did better among African-Americans")],
    ),
    ("This campaign, he says, is different.", [("he", "This campaign … is different")]),
    # the second piece keeps the word that carries the sentence on over the tag, as "that" above
    (
        "He may not electrify a room the way he once did, she said, but he is still an effective advocate.",
        [("she", "He may not electrify a room the way he once did … but he is still an effective advocate")],
    ),
    (
        "A wall would not only stop criminals at the border, he said, but also the flow of illegal drugs.",
        [("he", "A wall would not only stop criminals at the border … but also the flow of illegal drugs")],
    ),
]


@pytest.mark.parametrize("text, rows", AFTER_THE_CUE)
def test_the_statement_starts_after_the_cue(nlp, text, rows):
    assert statements(nlp, text) == rows


# A relative clause that makes the work says nothing the work said.
NOT_SAID = [("The company commented in a statement that it posted on Monday.", "it posted on Monday")]


@pytest.mark.parametrize("text, words", NOT_SAID)
def test_a_clause_making_the_work_is_not_its_statement(nlp, text, words):
    assert not any(words in q for _, q in statements(nlp, text))


# A clause of its own after a comma is no tag of the clause before it.
NO_TAG = [
    (
        "The seven family members have lived in this suburb for three months, and though they speak barely a word of"
        " English, their smiles said a lot.",
        "their smiles",
    ),
]


@pytest.mark.parametrize("text, speaker", NO_TAG)
def test_a_clause_of_its_own_tags_nothing(nlp, text, speaker):
    assert not any(s == speaker for s, _ in statements(nlp, text))
