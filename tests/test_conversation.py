"""Floating quotations: a paragraph that is only a quotation goes to the conversation's speaker, or to nobody."""

import pytest

from claimex.api import extract_text


def turns(nlp, text):
    return [(r["speaker"], r["cue"], r["quote_type"], r["quote"]) for r in extract_text(text, nlp=nlp, kinds="all")]


# (article, [(speaker, first words of the floating quotation)]): each floating row is direct, with an empty cue.
FLOATING = {
    "introduced by the paragraph before": (
        "Alison Levine remembers her first expedition to the Himalayas. She was 29 and had never climbed above "
        "5,000 meters.\n\n“I was super-green. I did not even know how to tie the right knots.”\n",
        [("Alison Levine", "I was super-green.")],
    ),
    "the last speaker, narration about her between": (
        "“The mountain does not care who you are,” Alison Levine said on Monday.\n\n"
        "Levine later led the first American women's expedition to Everest in 2002.\n\n"
        "“We turned back 300 feet below the summit, and that taught me more than any success.”\n",
        [("Alison Levine", "We turned back")],
    ),
    "a dialogue follows the alternation": (
        "The two men met in the lobby of the hotel.\n\n"
        "“Where were you last night?” asked Tom Smith.\n\n"
        "“At home with my family,” Bill Jones said.\n\n"
        "“All night long, with nobody else there?”\n\n"
        "“Until noon the next day, yes, all of us.”\n",
        [("Tom Smith", "All night long"), ("Bill Jones", "Until noon")],
    ),
    "a dialogue told with pronouns": (
        "They met at the station on Friday.\n\n"
        "“Did you bring the tickets for the train?” she asked.\n\n"
        "“I left them at the hotel by mistake,” he said.\n\n"
        "“Then we will have to go back and get them now.”\n",
        [("she", "Then we will have to go back")],
    ),
    "the outer speaker, not one their statement reports on": (
        "The committee issued a statement apologizing to Sanders for the emails, which included staff members "
        "suggesting someone should question his faith.\n\n"
        "“We want to offer a deep and sincere apology to Senator Sanders and his supporters.”\n",
        [("committee", "We want to offer")],
    ),
    "closing a paragraph of narration about her": (
        "“Maybe I am just a little bit off,” Maxine Bennett said on Monday.\n\n"
        "Her daughter Beverly, 70 in June, will take over the store. But she does not plan to work at 97. "
        "“I don't think I'll live that long, and I don't want to.”\n",
        [("Beverly", "I don't think I'll live that long")],
    ),
    "closing narration that names nobody, after the last speaker": (
        "“The good Lord doesn't want me here yet,” Maxine Bennett said.\n\n"
        "It is hard to go anywhere when you are already in heaven. "
        "“I want to keep working until I fall down dead on the floor.”\n",
        [("Maxine Bennett", "I want to keep working")],
    ),
}


@pytest.mark.parametrize("case", sorted(FLOATING))
def test_a_floating_quotation_goes_to_the_conversations_speaker(nlp, case):
    text, expected = FLOATING[case]
    floating = [(speaker, quote) for speaker, cue, kind, quote in turns(nlp, text) if cue == "" and kind == "direct"]
    assert len(floating) == len(expected), floating
    for (speaker, quote), (want_speaker, want_start) in zip(floating, expected, strict=True):
        assert speaker == want_speaker and quote.startswith(want_start), (speaker, quote)


# Floating quotations nobody can be sure of: no row.
GIVE_UP = {
    "someone else acts between": (
        "“The plan will work,” Mayor Jane Brown said on Monday.\n\n"
        "Councilman Robert White voted against the plan and left the meeting early.\n\n"
        "The council meets again next week, with the budget and the parks on its agenda.\n\n"
        "“We will fight this all the way to the state supreme court.”\n"
    ),
    "too far from the last speaker": (
        "“The plan will work,” Mayor Jane Brown said on Monday.\n\n"
        "Brown spoke for an hour.\n\nBrown took questions.\n\nBrown left at noon.\n\nBrown went home.\n\n"
        "“We will fight this all the way to the state supreme court.”\n"
    ),
    "the paragraph before names two people": (
        "The race tightened on Monday.\n\n"
        "Jane Brown and Robert White both campaigned in the north of the state over the weekend.\n\n"
        "“We will win every county in the north and most of the south.”\n"
    ),
    "a dialogue of three speakers": (
        "The three candidates met in the studio.\n\n"
        "“Where do you stand on taxes?” asked Tom Smith.\n\n"
        "“Lower taxes for everyone,” Bill Jones said.\n\n"
        "“Higher taxes for the rich,” Ann Lee said.\n\n"
        "“And what about the deficit, then?”\n"
    ),
    "narration naming two people before it": (
        "“The race is over,” Craig Robinson said on Monday.\n\n"
        "Or maybe Jeb Bush, digital consultant Phil Musser says. "
        "“Several surveys suggest a second look is occurring for Jeb in New Hampshire.”\n"
    ),
    "narration about someone else after the last speaker": (
        "“The race is over,” Craig Robinson said on Monday.\n\n"
        "Dianne Bystrom and Phil Musser spoke at the forum later. "
        "“Several surveys suggest a second look is occurring for Jeb in New Hampshire.”\n"
    ),
    "narration about someone only a pronoun names": (
        "“The plan will work,” Mayor Jane Brown said on Monday.\n\n"
        "The council meets again next week. But she does not plan to attend the meeting. "
        "“I don't think anyone will listen to me there, and I will not go.”\n"
    ),
    "a scare quote closing narration": (
        "“The plan will work,” Mayor Jane Brown said on Monday.\n\n"
        "The council called it a plan for “the next generation of residents in town.”\n"
    ),
}


@pytest.mark.parametrize("case", sorted(GIVE_UP))
def test_a_floating_quotation_nobody_can_be_sure_of_is_no_row(nlp, case):
    assert [row for row in turns(nlp, GIVE_UP[case]) if row[1] == ""] == []
