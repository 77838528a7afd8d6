"""Claim kinds: speech, thought, evidence, action; table-driven on the real model, and the lists as data."""

import pytest
import spacy
from spacy.tokens import Doc

from claimex.api import extract_text
from claimex.article import Article
from claimex.evaluation.scoring import GoldAttribution, GoldDocument, classify_gold
from claimex.nlp.kinds import KINDS, _possessive_mark, default_lexicon, parse_cue_kinds, parse_kinds, parse_sources
from claimex.nlp.pipeline import annotate


def kinds_of(nlp, text):
    return [(r["cue"], r["claim_kind"]) for r in extract_text(text, nlp=nlp, kinds="all")]


# (text, cue lemma, kind)
KINDED = [
    # speech: what someone said or wrote
    ("The minister said that the talks would resume on Monday.", "say", "speech"),
    ("“We will win this state,” Trump told supporters in Ohio.", "tell", "speech"),
    ("The senator warned that the bill would raise taxes for millions.", "warn", "speech"),
    ("According to the ministry, the border will reopen next week.", "according to", "speech"),
    ("She tweeted that the debate had been rigged from the start.", "tweet", "speech"),
    ("The governor denied that he had known about the plan.", "deny", "speech"),
    ("Mr. Cruz criticized the deal as a gift to Iran.", "criticize", "speech"),
    ("The mayor called for a ban on fireworks in the city.", "call", "speech"),
    # thought: beliefs, knowledge, perceptions, wishes, intentions
    ("Trump believes that the election will be rigged against him.", "believe", "thought"),
    ("Most voters think the economy is getting worse this year.", "think", "thought"),
    ("The senator wants to cut taxes for small businesses.", "want", "thought"),
    ("Democrats fear that turnout will be low in the cities.", "fear", "thought"),
    ("She knows that the race is far from over.", "know", "thought"),
    ("Investigators found that the fire had been set on purpose.", "find", "thought"),
    # evidence: what a poll, a study, data or records show or find
    ("A new poll found that Clinton leads by five points in Ohio.", "find", "evidence"),
    ("Court records show that he was arrested twice in 2009.", "show", "evidence"),
    ("The study suggests that the drug lowers blood pressure in adults.", "suggest", "evidence"),
    ("According to a new poll, Clinton leads Trump by five points.", "according to", "evidence"),
    # action: acts and stances
    ("The union endorsed Hillary Clinton for president on Monday.", "endorse", "action"),
    ("Senate Republicans voted against the spending bill.", "vote", "action"),
    ("The governor refused to release his tax returns.", "refuse", "action"),
    ("Mr. Obama backed the trade deal with Asian nations.", "back", "action"),
    ("The Senate decided to delay the vote until next week.", "decide", "action"),
    # a speech verb aimed at someone, with no content of its own, is an act
    ("Donald Trump attacked Alicia Machado on Friday.", "attack", "action"),
    ("The campaign unveiled its first Spanish-language ad on Tuesday.", "unveil", "action"),
    ("Obama called both candidates on Tuesday night.", "call", "action"),
    ("The governor responded to the criticism on Monday.", "respond", "action"),
    ("Mitt Romney attacked his Republican rival Donald Trump on Monday.", "attack", "action"),
    # ... but naming it something says something, also where the parser apposed the two objects
    ("Trump called the trade deal a disaster for American workers.", "call", "speech"),
    ("The mother called her fallen son her hero before the service.", "call", "speech"),
    ("The governor responded that the criticism was unfair.", "respond", "speech"),
    # a speech verb in the infinitive of a verb whose complement did not take place reports no speech
    ("Trump refused to say that Jerusalem should be the undivided capital of Israel.", "say", "action"),
    ("Obama failed to explain why the strategy against the militants was working.", "explain", "action"),
    ("But he wanted to know, “How surprised are you that we woke up after Nevada?”", "know", "thought"),
    # ... but one a light verb or a verb of causing governs was said
    ("He went on to say that the economy was doing better than ever.", "say", "speech"),
    (
        "The early timing of the debate led Republicans to say that Democrats were protecting their candidate.",
        "say",
        "speech",
    ),
    # a verb of phase or raising takes the kind of its infinitive's verb
    ("Energy companies continue to invest billions each year in new oil fields.", "continue", "action"),
    ("Republicans continue to believe that the economy is weak.", "believe", "thought"),  # the chained verb is the cue
    ("The senator continued to insist that the deal was a dangerous mistake.", "insist", "speech"),
    # a light verb's object noun that carries a participle decides; a bare one says nothing
    # (the reporting verb the object's participle chains is the cue: "saying")
    ("The senator issued a statement saying that the vote was a disgrace.", "say", "speech"),
    ("The campaign released a statement on Monday.", "release", "action"),
    ("Hundreds of delegates cast their votes for other candidates.", "cast", "action"),
    # a verb of speaking aimed at a bare noun phrase names what it was aimed at, not what was said
    ("Cruz wrote an op-ed in the Washington Post on Monday.", "write", "action"),
    ("Clinton later asked reporters in the hall.", "ask", "action"),
    ("Cruz wrote that the plan would fail.", "write", "speech"),
    ("Clinton asked whether the plan would work.", "ask", "speech"),
    ("Michelle Fields tweeted a photograph of her bruised forearm.", "tweet", "action"),
    ("Huma Abedin emailed supporters on Monday evening.", "email", "action"),  # the object is the addressee
    ("Trump tweeted that the polls were rigged.", "tweet", "speech"),
    # a verb in a modifier of the noun phrase says nothing; a gerund after "of" may be what was said
    ("Police asked the public's help in locating a missing woman.", "ask", "action"),
    ("The premier addressed several topics, including housing and transportation.", "address", "action"),
    ("Republicans accused the president of politicizing the Orlando tragedy.", "accuse", "speech"),
    # ... and so does a verb in a relative clause of the noun phrase, however deep, and a possessive apostrophe
    # is no quotation mark; a noun's content clause ("the notion that ...") says something
    (
        "Olivia Chow defended her mayoral campaign, which some have said has been lacklustre after she was "
        "considered a front-runner.",
        "defend",
        "action",
    ),
    ("Some residents have criticised the authorities' planning and response.", "criticise", "action"),
    ("The mayor criticized the plan that the council approved on Monday.", "criticize", "action"),
    ("Environmentalists welcomed the decision as a watershed in the transition.", "welcome", "speech"),
    ("Mr. Bush rejected the notion that he was part of the Republican establishment.", "reject", "speech"),
    ("Critics called the councillors' plan 'a disaster' on Monday.", "call", "speech"),
    # airing an attitude: its bare object names the attitude, not words; its content clause says something
    ("Residents gathered in the park to voice their concerns about the recent efforts.", "voice", "action"),
    ("Tensions ran high as residents expressed their anger with elected officials.", "express", "action"),
    ("The senator expressed concern that the bill would fail.", "express", "speech"),
    ("The senator expressed concern that the bill failed.", "express", "speech"),
    # clarifying a bare noun phrase is speaking about it
    ("Keefe met the players on Wednesday to clarify his comments after the loss.", "clarify", "action"),
    ("The minister later clarified that the tax would not apply to farms.", "clarify", "speech"),
    # a demonstrative pronoun points at a fact: what it says or suggests is evidence, no one's statement
    (
        "It uses a network run by one of the intelligence agencies, officials said. That suggests a lack of "
        "confidence that the department's systems can be trusted.",
        "suggest",
        "evidence",
    ),
    ("Clinton will win the nomination. That said, a loss in this state would hurt her campaign.", "say", "evidence"),
    ("The senator spoke for an hour. That senator said the bill would fail.", "say", "speech"),
]


@pytest.mark.parametrize("text, cue, kind", KINDED, ids=lambda v: v if isinstance(v, str) and len(v) < 15 else None)
def test_the_kind_of_a_claim(nlp, text, cue, kind):
    assert (cue, kind) in kinds_of(nlp, text)


def test_quotations_labels_and_signatures_are_speech(nlp):
    text = (
        "Officials met on Monday.\n\n"
        "PENCE: Well, look, I think the American people deserve better than this.\n\n"
        "“We believe in this country and its people,” Pence said.\n\n"
        "“It is time to act on climate change.” ― Jane Doe\n"
    )
    rows = extract_text(text, nlp=nlp, kinds="all")
    assert rows and {r["claim_kind"] for r in rows} == {"speech"}


def test_the_default_output_is_speech(nlp):
    text = "The minister said the talks would resume. Voters believe that the economy is weak."
    assert [r["cue"] for r in extract_text(text, nlp=nlp)] == ["say"]
    assert {r["cue"] for r in extract_text(text, nlp=nlp, kinds="speech,thought")} == {"say", "believe"}
    assert [r["cue"] for r in extract_text(text, nlp=nlp, kinds=["thought"])] == ["believe"]


def test_gold_attributions_are_classified_like_claims(nlp):
    text = "A new poll found that Clinton leads in Ohio. The senator has said that taxes are too high."
    poll, senator = text.index("A new poll"), text.index("The senator")

    def at(words):
        start = text.index(words)
        return [(start, start + len(words))]

    gold = GoldDocument(
        "a.txt",
        text,
        [
            GoldAttribution(
                "a.txt", at("Clinton leads in Ohio"), [(poll, poll + 10)], "A new poll", "found", at("found")
            ),
            GoldAttribution(
                "a.txt", at("taxes are too high"), [(senator, senator + 11)], "The senator", "has said", at("has said")
            ),
        ],
    )
    ((_, doc),) = annotate(nlp, [Article(doc_id="a.txt", text=text)])
    classify_gold(gold, doc)
    assert [a.kind for a in gold.attributions] == ["evidence", "speech"]


@pytest.mark.parametrize(
    "words, spaces, tags, at, possessive",
    [
        (["the", "authorities", "'", "planning"], [True, False, True, False], ["DT", "NNS", "POS", "NN"], 2, True),
        (["Obama", "’s", "plan"], [False, True, False], ["NNP", "POS", "NN"], 1, True),
        # an opening quotation mark the tagger took for a possessive is apart from the word before
        (
            ["called", "it", "'", "top", "secret", "'"],
            [True, True, False, True, False, False],
            ["VBD", "PRP", "POS", "JJ", "NN", "''"],
            2,
            False,
        ),
        (["said", "'", "carnage", "'"], [True, False, False, False], ["VBD", "``", "NN", "''"], 3, False),
    ],
)
def test_a_possessive_apostrophe_is_no_quotation_mark(words, spaces, tags, at, possessive):
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, tags=tags)
    assert _possessive_mark(doc[at]) is possessive


def test_the_lists_parse_and_use_only_known_kinds():
    lexicon = default_lexicon()
    assert {entry.kind for entry in lexicon.cues.values()} <= set(KINDS)
    assert lexicon.cues["say"].kind == "speech" and lexicon.cues["believe"].kind == "thought"
    assert lexicon.cues["endorse"].kind == "action" and lexicon.cues["show"].evidence
    assert lexicon.sources["poll"] == "data" and lexicon.sources["email"] == "document"


@pytest.mark.parametrize(
    "lines",
    [
        ["say\tspeech", "say\tthought"],  # listed twice
        ["say\tgossip"],  # no such kind
        ["agree\tspeech\tto=chatter"],  # no such kind after a relation
    ],
)
def test_a_bad_cue_list_is_refused(lines):
    with pytest.raises(ValueError):
        parse_cue_kinds(lines)


def test_a_bad_source_list_is_refused():
    with pytest.raises(ValueError):
        parse_sources(["poll\tdata", "poll\tdocument"])


@pytest.mark.parametrize(
    "value, kinds",
    [
        (None, {"speech"}),
        ("all", set(KINDS)),
        ("speech,thought", {"speech", "thought"}),
        (" Evidence , action ", {"evidence", "action"}),
        (["speech"], {"speech"}),
    ],
)
def test_kinds_are_parsed(value, kinds):
    assert parse_kinds(value) == kinds


@pytest.mark.parametrize("value", ["speeches", "speech,gossip", "", ","])
def test_unknown_kinds_name_the_kinds_there_are(value):
    with pytest.raises(ValueError, match="speech,thought,evidence,action or all"):
        parse_kinds(value)
