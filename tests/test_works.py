"""Works and data as speakers (issue 16): a poll under its fullest name, a titled work under its title, data as
their named source, and a description ("the poll", "The study", "the film") as the work the article named.

Model cases run a short article through the whole pipeline and look up the claim whose quote holds the given
words; "not" cases give a speaker the row must NOT say.  Pure cases build Docs by hand.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.nlp.speakers import named_works as works
from claimex.nlp.speakers.named_works import NamedWork
from speaking import row_quoting


def _speaker(nlp, text: str, quote_words: str) -> str:
    return row_quoting(nlp, text, quote_words)["speaker"]


RESOLVED = [
    pytest.param(
        "A study from Harvard University found that the tax would hurt growth.",
        "the tax would hurt growth",
        "Harvard University",
        id="a-work-from-a-named-body",
    ),
    pytest.param(
        "The Washington Post ran a feature on Saturday about a Trump supporter.\n\n"
        "The piece said that she had spent time in a hospital.",
        "she had spent time in a hospital",
        "Washington Post",
        id="the-piece-after-a-feature-an-outlet-ran",
    ),
    pytest.param(
        "The Washington Post ran a feature on Saturday about a Trump supporter.\n\n"
        "The woman said she had been in a hospital.\n\nShe said her friends were surprised.\n\nHer boyfriend watched the convention with her.\n\nThe crowd cheered for a long time.\n\n"
        "The article said that she remained hopeful about the election.",
        "she remained hopeful",
        "Washington Post",
        id="the-article-far-after-the-one-piece-with-an-author",
    ),
    pytest.param(
        "Clinton and Trump are tied, according to a new Washington Post-ABC News national poll.",
        "Clinton and Trump are tied",
        "Washington Post-ABC News national poll",
        id="dates-and-determiners-drop-descriptive-words-stay",
    ),
    pytest.param(
        "Voters were removed from the rolls, according to a recent Reuters survey of voter lists. "
        "The study found that Democratic neighborhoods lost the most voters.",
        "Democratic neighborhoods lost the most voters",
        "Reuters survey of voter lists",
        id="the-study-after-a-named-survey",
    ),
    pytest.param(
        "The Real Clear Politics average of polls taken over the past two weeks shows Clinton leading Trump.",
        "Clinton leading Trump",
        "Real Clear Politics average of polls",
        id="short-of-complement-kept",
    ),
    pytest.param(
        "The latest Reuters/Ipsos opinion poll released Friday shows Clinton ahead by five points. "
        "The Reuters/Ipsos poll showed Clinton doing better than in other polls.",
        "Clinton doing better",
        "Reuters/Ipsos opinion poll",
        id="named-shorter-later-takes-the-fullest-name",
    ),
    pytest.param(
        "Data from the 2014 American Community Survey show that women represented 41 percent of the workforce.",
        "women represented 41 percent",
        "2014 American Community Survey",
        id="data-speak-as-their-source",
    ),
    pytest.param(
        "Wages barely moved in Ohio, according to data from the Labor Department.",
        "Wages barely moved",
        "Labor Department",
        id="according-to-data-from-a-source",
    ),
    pytest.param(
        "The Clinton campaign released a new ad on Monday. The 30-second spot, titled “Arrogant,” says that "
        "Trump is unfit to be president.",
        "Trump is unfit",
        "Arrogant",
        id="a-titled-spot-is-its-title",
    ),
    pytest.param(
        "RNC targets Kaine.\n\nA web video by the Republican National Committee references four cases in which "
        "Kaine defended people accused of murder.\n\nThe ad also mentions Percy Walton, a death row inmate.\n\n"
        "The clip says Kaine has a passion for defending the wrong people.",
        "has a passion for defending",
        "Republican National Committee",
        id="the-clip-is-the-video-of-its-author",
    ),
    pytest.param(
        "Poll: Sanders Leads Clinton Nationally.\n\nFor the first time, a poll shows Sanders leading Clinton "
        "nationally.\n\nA Fox News poll, conducted last week, shows Sanders with 47 percent.\n\nThe results arrive "
        "one day after a CNN/ORC poll showed a tie in Nevada.",
        "Sanders Leads Clinton Nationally",
        "Fox News poll",
        id="a-headline-poll-is-the-first-the-body-names",
    ),
    pytest.param(
        "Poll: Sanders Leads Clinton Nationally.\n\nFor the first time, a poll shows Sanders leading Clinton "
        "nationally.\n\nA Fox News poll, conducted last week, shows Sanders with 47 percent.",
        "Sanders leading Clinton",
        "Fox News poll",
        id="an-opening-poll-is-named-in-the-next-sentences",
    ),
    pytest.param(
        "The director makes this clear in her new documentary “13th.” The film, which debuts on Friday, shows "
        "how the amendment left a loophole.",
        "the amendment left a loophole",
        "13th",
        id="the-film-is-the-titled-documentary",
    ),
    pytest.param(
        "The director makes this clear in her new documentary “13th.” The film ― which weaves together the voices "
        "of expert historians and activists like Angela Davis and author Michelle Alexander, among others ― explains "
        "America’s historical treatment of black people.",
        "historical treatment of black people",
        "13th",
        id="a-dash-the-parser-takes-for-the-subject-is-not-the-speaker",
    ),
]


# What someone says or writes, possessed, speaks as its possessor (a person's pronoun or a name).
POSSESSED = [
    pytest.param(
        "Dr. Connie Mariano was the White House physician in 1998. According to her account, she insisted that "
        "the first lady go to the hospital.",
        "the first lady go to the hospital",
        "Connie Mariano",
        id="her-account",
    ),
    pytest.param(
        "Ivana Trump opposed the unsealing of the files. Her submission to the court noted that published reports "
        "had already described the case.",
        "published reports had already described the case",
        "Ivana Trump",
        id="her-submission",
    ),
    pytest.param(
        "Kenneth Starr spoke in Philadelphia on Monday. Starr's remarks suggested that he regretted the inquiry.",
        "he regretted the inquiry",
        "Kenneth Starr",
        id="a-name's-plural-remarks",
    ),
]

NOT_POSSESSED = [
    pytest.param(
        "Kenneth Starr spoke in Philadelphia on Monday. The remarks suggested that he regretted the inquiry.",
        "he regretted the inquiry",
        "Kenneth Starr",
        id="no-possessor",
    ),
    pytest.param(
        "The dollar rose against the yen on Monday. Its reaction suggests that traders expect higher rates.",
        "traders expect higher rates",
        "dollar",
        id="its-is-no-person",
    ),
    pytest.param(
        "Donald Trump won Florida on Tuesday. Meanwhile, Trump's official campaign account said that Megyn Kelly "
        "was biased.",
        "Megyn Kelly was biased",
        "Donald Trump",
        id="a-campaign-account-is-the-campaign's",
    ),
    pytest.param(
        "Hillary Clinton spoke in Ohio on Monday. A spokeswoman for Clinton said that the campaign would go on.",
        "the campaign would go on",
        "Hillary Clinton",
        id="a-spokeswoman-for-someone-is-not-them",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quote_words", "speaker"), POSSESSED)
def test_possessed_voice_speaks_as_possessor(nlp, text, quote_words, speaker):
    assert _speaker(nlp, text, quote_words) == speaker


@pytest.mark.model
@pytest.mark.parametrize(("text", "quote_words", "wrong"), NOT_POSSESSED)
def test_possessed_voice_not_resolved(nlp, text, quote_words, wrong):
    assert _speaker(nlp, text, quote_words) != wrong


@pytest.mark.model
@pytest.mark.parametrize(("text", "quote_words", "speaker"), RESOLVED)
def test_resolved(nlp, text, quote_words, speaker):
    assert _speaker(nlp, text, quote_words) == speaker


NOT_RESOLVED = [
    pytest.param(
        "A report from the scene said three people were hurt.",
        "three people were hurt",
        "scene",
        id="a-work-from-a-place-no-name-is-its-own",
    ),
    pytest.param(
        "The Washington Post ran a feature on Saturday about a Trump supporter.\n\n"
        "The woman said she had been in a hospital.\n\nShe said her friends were surprised.\n\nHer boyfriend watched the convention with her.\n\nThe crowd cheered for a long time.\n\n"
        "An article in a local paper described her family.\n\n"
        "The article said that she remained hopeful about the election.",
        "she remained hopeful",
        "Washington Post",
        id="an-indefinite-article-between-may-be-the-one-meant",
    ),
    pytest.param(
        "Wages barely moved, according to data from the past decade.",
        "Wages barely moved",
        "past decade",
        id="data-from-a-time-is-no-source",
    ),
    pytest.param(
        "A Quinnipiac University poll released Monday shows Clinton ahead in Florida. "
        "Polls show that voters remain divided on trade.",
        "voters remain divided on trade",
        "Quinnipiac University poll",
        id="plural-polls-are-not-the-named-one",
    ),
    pytest.param(
        "A Quinnipiac University poll released Monday shows Clinton ahead in Florida. "
        "Another poll shows that Trump leads in Ohio.",
        "Trump leads in Ohio",
        "Quinnipiac University poll",
        id="another-poll-is-another",
    ),
    # a work or outlet the article names nowhere speaks as the organization quoted just before, but not here
    pytest.param(
        "The Times said Pentagon spokesman Peter Cook provided a written statement on Monday.\n\n"
        "The statement said that Carter had stopped the practice.",
        "Carter had stopped the practice",
        "New York Times",
        id="a-work-the-claim-is-about-is-someone-else-s",
    ),
    pytest.param(
        "Senator Elizabeth Warren said the plan was bad.\n\nThe report said that costs would rise.",
        "costs would rise",
        "Elizabeth Warren",
        id="a-person's-claim-before-gives-no-author",
    ),
]

# A work or outlet the article names nowhere, as a speaker: the organization whose claim came just before.
BODY_VOICE = [
    pytest.param(
        "The State Department Refugee Processing Center said that most of the refugees are Sunni Muslims.\n\n"
        "According to the data, Christians make up less than 1 percent of the refugees.",
        "Christians make up less than 1 percent",
        "State Department Refugee Processing Center",
        id="according-to-the-data",
    ),
    pytest.param(
        "The New York Daily News reported that the gun laws in France had failed.\n\nThe outlet noted that both "
        "candidates had cited the same studies.",
        "both candidates had cited the same studies",
        "New York Daily News",
        id="the-outlet",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quote_words", "speaker"), BODY_VOICE)
def test_a_body_speaks_for_its_work(nlp, text, quote_words, speaker):
    assert _speaker(nlp, text, quote_words) == speaker


@pytest.mark.model
@pytest.mark.parametrize(("text", "quote_words", "wrong"), NOT_RESOLVED)
def test_not_resolved(nlp, text, quote_words, wrong):
    assert _speaker(nlp, text, quote_words) != wrong


FULLEST = [
    ("Reuters/Ipsos poll", ["Reuters/Ipsos opinion poll"], "Reuters/Ipsos opinion poll"),
    ("CNN poll", ["CNN/ORC poll"], "CNN/ORC poll"),
    (
        "POLITICO’s Battleground States average",
        ["Battleground States average"],
        "POLITICO’s Battleground States average",
    ),
    ("CNN poll", ["CNN survey"], "CNN poll"),  # another noun: another work
    ("Fox poll", ["Fox News poll", "Fox national poll"], "Fox national poll"),  # among equals, the nearest
    ("Quinnipiac poll", ["Marist poll"], "Quinnipiac poll"),  # nothing holds its words
]


@pytest.mark.parametrize(("name", "others", "fullest"), FULLEST)
def test_fullest_name(name, others, fullest):
    named = [NamedWork(10 * (k + 1), "poll", other) for k, other in enumerate(others)]
    assert works.fullest(NamedWork(30, "poll", name), named) == fullest


def test_titles_stay_as_they_are():
    titled = NamedWork(5, "ad", "Arrogant", titled=True)
    assert works.fullest(titled, [NamedWork(1, "ad", "Arrogant Clinton", titled=True)]) == "Arrogant"


def _doc(
    words: list[str],
    tags: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str] | None = None,
    pos_of: dict[str, str] | None = None,
) -> Doc:
    pos = {"DT": "DET", "JJ": "ADJ", "NNP": "PROPN", "NN": "NOUN", "NNS": "NOUN", "IN": "ADP", "HYPH": "PUNCT"}
    pos |= {"POS": "PART", **(pos_of or {})}
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[w not in "-“" and nxt not in "-”,." for w, nxt in zip(words, [*words[1:], ""], strict=True)],
        tags=tags,
        pos=[pos[t] for t in tags],
        heads=heads,
        deps=deps,
        lemmas=[w.lower().rstrip("s") if t == "NNS" else w.lower() for w, t in zip(words, tags, strict=True)],
        ents=ents,
    )


SPEAKING_NAMES = [
    # a new Washington Post-ABC News national poll
    (
        ["a", "new", "Washington", "Post", "-", "ABC", "News", "national", "poll"],
        ["DT", "JJ", "NNP", "NNP", "HYPH", "NNP", "NNP", "JJ", "NN"],
        [8, 8, 6, 6, 6, 6, 8, 8, 8],
        ["det", "amod", "nmod", "nmod", "punct", "nmod", "nmod", "amod", "ROOT"],
        "Washington Post-ABC News national poll",
    ),
    # the survey of voter lists: no name, no speaking name
    (
        ["the", "survey", "of", "voter", "lists"],
        ["DT", "NN", "IN", "NN", "NNS"],
        [1, 1, 1, 4, 2],
        ["det", "ROOT", "prep", "compound", "pobj"],
        None,
    ),
    # a new poll
    (["a", "new", "poll"], ["DT", "JJ", "NN"], [2, 2, 2], ["det", "amod", "ROOT"], None),
    # the Real Clear Politics polling average: the name hangs from "polling"
    (
        ["the", "Real", "Clear", "Politics", "polling", "average"],
        ["DT", "NNP", "NNP", "NNP", "NN", "JJ"],
        [5, 2, 4, 4, 5, 5],
        ["det", "compound", "compound", "compound", "compound", "ROOT"],
        "Real Clear Politics polling average",
    ),
    # polls of voters: plural
    (["Gallup", "polls"], ["NNP", "NNS"], [1, 1], ["compound", "ROOT"], None),
    # the "the" inside a name stays: a USA TODAY/Rock the Vote survey
    (
        ["a", "Rock", "the", "Vote", "survey"],
        ["DT", "NNP", "DT", "NNP", "NN"],
        [4, 4, 3, 1, 4],
        ["det", "compound", "det", "dobj", "ROOT"],
        "Rock the Vote survey",
    ),
]


def test_a_date_is_no_publisher():
    doc = _doc(
        ["Monday", "’s", "poll"], ["NNP", "POS", "NN"], [2, 0, 2], ["poss", "case", "ROOT"], ["B-DATE", "O", "O"]
    )
    assert works.speaking_name(doc[2]) is None


@pytest.mark.parametrize(("words", "tags", "heads", "deps", "name"), SPEAKING_NAMES)
def test_speaking_name(words, tags, heads, deps, name):
    doc = _doc(words, tags, heads, deps)
    head = next(t for t in doc if t.dep_ == "ROOT")
    assert works.speaking_name(head) == name


REFERENTS = [
    # (mention words, tags, heads, deps, works named, opening, expected position or None)
    (["the", "poll"], ["DT", "NN"], [1, 1], ["det", "ROOT"], [NamedWork(0, "poll", "CBS poll")], False, 0),
    (["the", "study"], ["DT", "NN"], [1, 1], ["det", "ROOT"], [NamedWork(0, "poll", "Reuters survey")], False, 0),
    (["the", "poll"], ["DT", "NN"], [1, 1], ["det", "ROOT"], [NamedWork(0, "ad", "Arrogant", True)], False, None),
    (["the", "polls"], ["DT", "NNS"], [1, 1], ["det", "ROOT"], [NamedWork(0, "poll", "CBS poll")], False, None),
    (["another", "poll"], ["DT", "NN"], [1, 1], ["det", "ROOT"], [NamedWork(0, "poll", "CBS poll")], False, None),
    (["a", "poll"], ["DT", "NN"], [1, 1], ["det", "ROOT"], [NamedWork(0, "poll", "CBS poll")], False, None),
]


@pytest.mark.parametrize(("words", "tags", "heads", "deps", "named", "opening", "expected"), REFERENTS)
def test_referent(words, tags, heads, deps, named, opening, expected):
    outer = [0 if d == "ROOT" else h + 1 for h, d in zip(heads, deps, strict=True)]  # the mention hangs from "x"
    doc = _doc(["x", *words], ["NN", *tags], [0, *outer], ["ROOT", *("dobj" if d == "ROOT" else d for d in deps)])
    mention = doc[1:]
    found = works.referent(mention, named, lambda i: 0, lambda i: 0, opening)
    assert (found.position if found is not None else None) == expected


TITLES = [
    # The 30-second spot, titled “Arrogant,” says
    (
        ["The", "spot", ",", "titled", "“", "Arrogant", ",", "”", "says"],
        ["DT", "NN", ",", "VBN", "``", "NNP", ",", "''", "VBZ"],
        [1, 8, 1, 1, 5, 3, 5, 5, 8],
        ["det", "nsubj", "punct", "acl", "punct", "oprd", "punct", "punct", "ROOT"],
        "Arrogant",
    ),
    # the advertisement “unmistakably and wrongfully” suggests: quoted words, no title
    (
        ["the", "advertisement", "“", "unmistakably", "and", "wrongfully", "”", "suggests"],
        ["DT", "NN", "``", "RB", "CC", "RB", "''", "VBZ"],
        [1, 7, 7, 7, 3, 3, 7, 7],
        ["det", "nsubj", "punct", "advmod", "cc", "conj", "punct", "ROOT"],
        None,
    ),
    # the report, “We find ...”: a quotation after a comma is no title
    (
        ["the", "report", ",", "“", "We", "find"],
        ["DT", "NN", ",", "``", "PRP", "VBP"],
        [1, 5, 5, 5, 5, 5],
        ["det", "nsubj", "punct", "punct", "nsubj", "ROOT"],
        None,
    ),
]


@pytest.mark.parametrize(("words", "tags", "heads", "deps", "title"), TITLES)
def test_title_of(words, tags, heads, deps, title):
    more = {"VBN": "VERB", "VBZ": "VERB", "VBP": "VERB", ",": "PUNCT", "``": "PUNCT", "''": "PUNCT"}
    more |= {"RB": "ADV", "CC": "CCONJ", "PRP": "PRON"}
    doc = _doc(words, tags, heads, deps, pos_of=more)
    assert works.title_of(doc[1]) == title
