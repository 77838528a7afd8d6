"""Who said what, table-driven, on the real model: cases that must be found and cases that must find nothing."""

import pytest
import spacy
from spacy.tokens import Doc

from claimex.api import extract_text
from claimex.nlp.attribution.filters import says_something


def claims(nlp, text):
    return [(r["speaker"], r["cue"], r["quote_type"], r["quote"]) for r in extract_text(text, nlp=nlp, kinds="all")]


# (text, speaker, cue lemma, quote type, words the statement must contain)
FOUND = [
    (  # a result word without a count is still what was said ("proclaimed a goal of ...")
        "Donald Trump proclaimed a goal of peace through strength at the rally on Monday.",
        "Donald Trump",
        "proclaim",
        "indirect",
        "a goal of peace",
    ),
    (  # a counted result word in a clause is said, not played
        "Smith conceded that the five goals were his fault.",
        "Smith",
        "concede",
        "indirect",
        "the five goals were his fault",
    ),
    (  # the dateline's place is no part of the speaker's words, though the parser hangs them on it
        "RANGOON, Burma - Aung San Suu Kyi's political allies on Monday predicted an overwhelming victory in the vote.",
        "Aung San Suu Kyi's political allies",
        "predict",
        "indirect",
        "an overwhelming victory",
    ),
    (  # anonymity on the internet is a topic, not the terms of speaking
        "She said anonymity on the internet protects dissidents.",
        "She",
        "say",
        "indirect",
        "anonymity on the internet protects dissidents",
    ),
    (  # a dateline in capitals and a colon is no speaker's label: the sentence after it says who speaks
        "NEW DELHI: External Affairs Minister S Jaishankar has said that it is difficult to engage with Pakistan.",
        "S Jaishankar",
        "say",
        "indirect",
        "difficult to engage with Pakistan",
    ),
    (  # the parser hangs "he" under a contracted "’s" (has): the speaker is still "he", not "he’s"
        "Donald Trump spoke in Ohio on Monday. While he’s said he believes marriage is between a man and a woman, he "
        "supports the community.",
        "Donald Trump",
        "say",
        "indirect",
        "he believes marriage is between a man and a woman",
    ),
    (
        "Foreign Ministry spokeswoman Hua Chunying said on Monday that China opposes the deployment.",
        "Hua Chunying",
        "say",
        "indirect",
        "China opposes the deployment",
    ),
    ("The talks were productive, the minister said.", "minister", "say", "indirect", "The talks were productive"),
    # a clause before a semicolon is a sentence of its own, not what was said
    (
        "The vote was close; the senator says the bill will pass next month.",
        "senator",
        "say",
        "indirect",
        "the bill will pass next month",
    ),
    (
        "He said, the talks were productive and both sides agreed to meet again.",
        "He",
        "say",
        "indirect",
        "the talks were productive",
    ),
    (
        "According to the ministry, the two leaders discussed trade.",
        "ministry",
        "according to",
        "indirect",
        "the two leaders discussed trade",
    ),
    # the parser may make "According" the root, or read "show" in "show insiders" as a verb
    (
        "According to veteran pollster Ann Selzer, the race reeks of “complacency” and fatigue.",
        "Ann Selzer",
        "according to",
        "mixed",
        "the race reeks of “complacency” and fatigue",
    ),
    (
        "The host often mocked the contestants, according to show insiders.",
        "show insiders",
        "according to",
        "indirect",
        "The host often mocked the contestants",
    ),
    (
        "China respects the sovereignty of all nations. This was stated by Chinese Foreign Minister Wang Yi.",
        "Wang Yi",
        "state",
        "indirect",
        "China respects the sovereignty",
    ),
    # "it was mentioned by X" inside a wh-clause is not "This was stated by X": the sentence before stays its own
    (
        "Campaign spokesman Jason Miller told the Post that the leave policy would extend to single mothers. "
        "But he did not explain why a marriage rule is cited on the website or why it was mentioned by Ivanka Trump.",
        "Jason Miller",
        "tell",
        "indirect",
        "the leave policy would extend to single mothers",
    ),
    (
        "The newspaper cited Wang as saying that the two countries would deepen ties.",
        "Wang",
        "cite",
        "indirect",
        "the two countries would deepen ties",
    ),
    # the passive: the one quoted speaks, not the outlet that quoted them
    (
        "Wagner was quoted by Politico as saying that the bill would pass easily.",
        "Wagner",
        "quote",
        "indirect",
        "the bill would pass easily",
    ),
    (
        "Putin was quoted as saying the talks had failed.",
        "Putin",
        "quote",
        "indirect",
        "the talks had failed",
    ),
    # the speech verb right after the object, without "as" (Nigerian and Indian English): the object said it
    (
        "He quoted Buhari to have said that workers must be paid.",
        "Buhari",
        "quote",
        "indirect",
        "workers must be paid",
    ),
    (
        "The spokesman issued a statement on Monday. He quoted Buhari saying that workers must be paid.",
        "Buhari",
        "quote",
        "indirect",
        "workers must be paid",
    ),
    (
        "“How can anyone sleep soundly when workers have not been paid,” he quoted Buhari to have said.",
        "Buhari",
        "quote",
        "direct",
        "How can anyone sleep soundly",
    ),
    # not right after the object, or not a speech verb: whoever quoted speaks
    (
        "She quoted the Bible to make her point, saying that the poor must be helped.",
        "She",
        "say",
        "indirect",
        "the poor must be helped",
    ),
    (
        "The senator quoted Lincoln while arguing that the union must hold.",
        "senator",
        "argue",
        "indirect",
        "the union must hold",
    ),
    (
        "The governor told reporters the budget would be balanced next year.",
        "governor",
        "tell",
        "indirect",
        "the budget would be balanced",
    ),
    # the parser may hang the that-clause on the listener
    (
        "In Honolulu last week, he told a meeting of island leaders that few people understood the stakes better.",
        "he",
        "tell",
        "indirect",
        "few people understood the stakes better",
    ),
    # "it" with a reporting verb is a thing that speaks (a lawsuit, a report), not an empty subject
    (
        "The lawsuit was filed on Monday. It says the campaign violated federal law by using the images.",
        "It",
        "say",
        "indirect",
        "the campaign violated federal law",
    ),
    (
        "Prime Minister Theresa May warned that the deal could collapse.",
        "Theresa May",
        "warn",
        "indirect",
        "the deal could collapse",
    ),
    ("The minister's claim that taxes would fall was disputed.", "minister", "claim", "indirect", "taxes would fall"),
    # two subjects (one inside the quotation) are a misparse: the speaker is the one next to the cue
    (
        "“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a Florida activist.",
        "Leslie Wimes",
        "say",
        "direct",
        "Full panic mode",
    ),
    # ... and in an inverted tag inside the statement, the one whose words are next to the cue, not the statement's
    (
        "The economy, said Mayor Ana Ruiz, is stronger than it has been in years.",
        "Ana Ruiz",
        "say",
        "indirect",
        "The economy … is stronger",
    ),
    # a quotation in the paragraph after a two-word introduction
    (
        "The governor spoke after the vote.\n\nHe said:\n\n“We have a situation where families cannot pay their bills.”",
        "He",
        "say",
        "direct",
        "We have a situation where families",
    ),
    # a finite clause the parser hangs on the cue as an adverbial is what was said
    (
        "Trump said after the convention he would not accept the endorsement if it were offered.",
        "Trump",
        "say",
        "indirect",
        "he would not accept the endorsement",
    ),
    ("He added: “This is only the beginning of a long process.”", "He", "add", "direct", "This is only the beginning"),
    (
        "“We will not back down,” she said. “The people are with us.”",
        "she",
        "say",
        "direct",
        "We will not back down, … The people are with us.",
    ),
    ('"Prices will rise," said the economist.', "economist", "say", "direct", "Prices will rise"),
    # a short quotation that is a sentence of its own continues the turn
    (
        "“I would,” Melanie said to the television. “I would, Donald.”",
        "Melanie",
        "say",
        "direct",
        "I would, … I would, Donald.",
    ),
    # reported speech ends at a semicolon: the narrator speaks again after it
    (
        "Officials said the delay was not intentional; they learned of it only on Friday.",
        "Officials",
        "say",
        "indirect",
        "the delay was not intentional",
    ),
    # learned constructions (claimex.cuemodel.model): objects and prepositional complements of stance verbs
    (
        "Senator Elizabeth Warren called for an investigation into the bank.",
        "Elizabeth Warren",
        "call",
        "indirect",
        "an investigation into the bank",
    ),
    (  # "for X to do Y", which the parser reads as a clause marked by "for"
        "Hillary Clinton is calling for the United States to step up military efforts against the Islamic State.",
        "Hillary Clinton",
        "call",
        "indirect",
        "the United States to step up military efforts",
    ),
    (
        "Governor Chris Adams described the proposal as a disgrace to the state.",
        "Chris Adams",
        "describe",
        "indirect",
        "the proposal as a disgrace to the state",
    ),
    (
        "Mayor John Smith praised the firefighters for their courage.",
        "John Smith",
        "praise",
        "indirect",
        "the firefighters for their courage",
    ),
    # transcript turns: a paragraph opening with the speaker's label and a colon
    (
        "The moderator opened the segment on jobs.\n\nRADDATZ: Let me turn to the economy tonight.\n\n"
        "OKAFOR: Thank you. Our plan creates millions of new jobs in every state.",
        "OKAFOR",
        ":",
        "direct",
        "Our plan creates millions of new jobs",
    ),
    # a quotation signed with a dash and a name that closes its paragraph
    (
        "Readers wrote in.\n\n“I have never felt so worried about this country.” ― Ana Ruiz\n\n"
        "“No one I know wants a leader who insults their grandparents as criminals.” And that is all he has, "
        "“the root of all evil.” ― Maria Lopez",
        "Maria Lopez",
        "―",
        "direct",
        "No one I know wants a leader",  # the paragraph's signature signs its first quotation too
    ),
    (
        "Readers wrote in after the debate.\n\n“Our town deserves better leaders than these two candidates.” ― Maria Lopez"
        "\n\nOther readers disagreed.",
        "Maria Lopez",
        "―",
        "direct",
        "Our town deserves better leaders",
    ),
    (
        "Readers wrote in after the debate.\n\n"
        "“I have voted in every election since 1968 and never felt this worried.” — Harold Finch, a retired teacher.",
        "Harold Finch",
        "—",
        "direct",
        "I have voted in every election",
    ),
    # a passive with its agent: the agent criticized the passive subject
    ("The plan was criticized by Senator Elizabeth Warren.", "Elizabeth Warren", "criticize", "indirect", "The plan"),
    # a predicate adjective of stance: the copula's subject holds it
    (
        "Senator Elizabeth Warren was critical of the bank’s lending practices.",
        "Elizabeth Warren",
        "critical",
        "indirect",
        "the bank’s lending practices",
    ),
    (
        "Governor Chris Adams is confident that the bill will pass.",
        "Chris Adams",
        "confident",
        "indirect",
        "the bill will pass",
    ),
    # a stance noun without a possessor: the subject of its light verb holds it
    ("The mayor made no mention of the strike.", "mayor", "mention", "indirect", "the strike"),
    ("The mayor is a supporter of the new stadium.", "mayor", "supporter", "indirect", "the new stadium"),
    # a short quotation with fewer than two content words is speech, not a title
    ("“Absolutely not,” Clinton said.", "Clinton", "say", "direct", "Absolutely not"),
    # mixed: reported speech holding a quoted fragment
    (
        'The senator said the plan was "a disaster for working families" and should be dropped.',
        "senator",
        "say",
        "mixed",
        "a disaster for working families",
    ),
    # a quotation inside the cue's object: the object is part of what was said
    ("The senator called the bill “a disgrace.”", "senator", "call", "mixed", "the bill “a disgrace"),
    (
        "Sanders called his returns “very boring tax returns” because he is one of the poorest senators.",
        "Sanders",
        "call",
        "mixed",
        "his returns “very boring tax returns”",
    ),
    # a short "subject verb:" paragraph introduces the next one, quoted or as a block, whatever the verb
    (
        "Rasmussen had similar numbers.\n\nCaddell continued:\n\n“The health issue is very much a partisan issue.”",
        "Caddell",
        "continue",
        "direct",
        "The health issue is very much a partisan issue",
    ),
    (
        "The report came out on Monday.\n\nFox News reports:\n\n"
        "At least four classified emails had their markings changed to a category that shields them.",
        "Fox News",
        "report",
        "direct",
        "At least four classified emails had their markings changed",
    ),
    (
        "Issa was asked about the case on Monday.\n\n"
        "Issa continued, “Yes. For more than 15 years I have watched how attorneys look for cases.”",
        "Issa",
        "continue",
        "direct",
        "For more than 15 years",
    ),
    # "what X called Y": the words before the cue are X's clause, Y is the statement
    (
        "Wells Fargo ran what former employees have called a “fraudulent scheme” for years.",
        "former employees",
        "call",
        "mixed",
        "a “fraudulent scheme”",
    ),
    # "called X “Y”" where the parser folds the object into its predicate: the object and the words are the statement
    ("Graham called Trump a “kook” on Tuesday.", "Graham", "call", "mixed", "Trump a “kook”"),
    ("Graham called Trump “crazy” and said he would not vote for him.", "Graham", "call", "mixed", "Trump “crazy”"),
    # "“A,” said NAME" where the parser reads the name as an adverb, or ends the sentence at a title's abbreviation
    (
        "Officials met on Monday.\n\n“Having the file is valuable,” said Skelly, explaining he worked with them.",
        "Skelly",
        "say",
        "direct",
        "Having the file is valuable",
    ),
    (
        'Officials met on Monday.\n\n"We\'re already at war with ISIL," said Pentagon spokesman Navy Capt. Jeff Davis,'
        " who was asked about the need for a different strategy.",
        "Jeff Davis",
        "say",
        "direct",
        "We're already at war with ISIL",
    ),
    # a contracted "has" the parser read as a passive "is": a participle with a finite clause is no passive
    (
        "Ron Paul is a candidate. He's said he gets his ideas about monetary policy from a pro-gold speaker.",
        "Ron Paul",
        "say",
        "indirect",
        "he gets his ideas",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, quote_type, statement", FOUND)
def test_finds_the_claim(nlp, text, speaker, cue, quote_type, statement):
    found = claims(nlp, text)
    assert any(s == speaker and c == cue and t == quote_type and statement in q for s, c, t, q in found), found


NOTHING = [
    "The weather was cold and the roads were icy.",  # the article's own voice
    "He's said to have won the vote easily.",  # a passive "is said to": no one is named saying it
    "It's been reported that the senator will resign.",  # "has been reported": a passive with an empty "it"
    "The film “Gone with the Wind” was shown on Tuesday.",  # a title
    "Police said nothing.",  # a cue with no statement
    "It seems that the talks failed again on Monday.",  # an empty "it": nobody speaks
    "The so-called “detention camp” lies outside the city.",  # a scare quote
    "Must read\n\nShare this article\n\nLiked it? Take a second to support us on Patreon!",  # boilerplate
    "Talks between the “terrorist forces” and the army resumed in the spring.",  # scare quote
    "Officials met on Monday.\n\nUPDATE: The story has been revised to include new figures from the agency.",  # a label, not a speaker
    "Officials met on Monday.\n\nWASHINGTON: The Senate voted on the spending bill late on Friday night.",  # a dateline
    "Officials met on Monday.\n\nNEW DELHI: The cabinet approved the spending bill late on Friday night.",  # a dateline
    "Officials met on Monday.\n\nPhoto: Crowds gathered outside the stadium before the match began.",  # a caption label
    "The key question: will the council approve the new budget this week?",  # not a name
    "According to MSNBC, basically.",  # one word after "according to X" is no statement
    # a short title-case quotation is a title, not what the speaker said
    "Mr. Trump said so in an interview with “Fox and Friends.”",
    "The governor later told “Good Morning America.”",
    "The bridge was built by the army in 1950.",  # a passive agent of a deed, not of a stance
    "The team was ready for the match.",  # a predicate adjective that is no stance
    "The children played in the garden of the house.",  # a noun after a preposition that is no stance
    "He waited for the bus to arrive at the station.",  # "for X to do Y" after a verb of no stance
    "The building is a museum of modern art.",  # a predicate noun that is no stance
    "Officials met on Monday.\n\nTags:\n\n“Budget talks resume in the spring after a long delay.”",  # a label, not a cue
    # a colon paragraph without a speaking subject introduces no one's words
    "The report came out on Monday.\n\nWait, it gets better:\n\nAt least four emails had their markings changed.",
    "The report came out on Monday.\n\nAmong the findings:\n\nAt least four emails had their markings changed.",
    # the narration's "you" is the reader, not a speaker
    "The goalkeeper retired on Monday.\n\nYou can watch the video below:\n\nAt least four clubs had offered him a deal.",
    # "let's say": the writer's supposition, not an attribution ("'s" is "us")
    "Let's say an undergraduate degree will cost a fortune in 18 years.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_finds_nothing(nlp, text):
    assert claims(nlp, text) == []


# Never a row, of any kind: each text must give no row (the first paragraph of some is a statement that
# gives a row, so that the case is read in an article).
NEVER_A_ROW = {
    "no content": [
        "The company declined to comment on the report.",
        "A spokesman for the ministry refused to comment.",
        "Smith could not be reached for comment on Tuesday.",
        "The White House did not respond to requests for comment.",
        "The Clinton campaign did not immediately respond to a request for comment.",
        "Her lawyer was not available for comment.",
        "A spokeswoman declined to say whether the talks would resume.",
        "The campaign did not comment on the report.",
        "He declined to elaborate.",
        # the terms of speaking, not what was said
        "The Hamas official spoke on condition of anonymity because he was not authorized to discuss the talks.",
        "One former executive requested anonymity to avoid damaging his business relationships.",
    ],
    "titles of works": [
        "He also starred in “Once Upon A Time in Hollywood” last year, alongside Leonardo DiCaprio.",
        "The film, “Once Upon A Time in Hollywood,” opens on Friday in theaters across the country.",
        "She read from “The Audacity of Hope” at the library on Monday night.",
    ],
    "captions and credits": [
        "Syrian refugees arrive on the Greek island of Lesbos on Monday. Photo: AP",
        "Supporters cheer as the results come in. Credit: Reuters",
        "Hillary Clinton speaks at a rally in Des Moines, Iowa, on Monday. (Photo: Getty Images)",
    ],
    "newsletter and cookie notices": [
        "By subscribing, you agree that your data will not be shared with any other party.",
        "Sign up for our newsletter. We promise your data will not be shared with any other party.",
        "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
        "You can unsubscribe at any time. Read our privacy policy to learn how we use your email address.",
    ],
    "the publication's notes on the article": [
        "Editor\u2019s note: Donald Trump is a serial liar and bully who has repeatedly pledged to ban all Muslims.",
        "Correction: An earlier version of this article misstated the date. It was first declared by President Nixon.",
        "CLARIFICATION: The first sentence has been clarified to reflect that Fowler is calling for a process.",
    ],
    "results of play": [
        "The goalkeeper conceded five goals in the 5-5 draw with Swindon Town on Saturday.",
        "The defender also claimed five league cups and a Europa League title in 717 games for Chelsea.",
    ],
}


@pytest.mark.parametrize(
    "case, text", [(case, text) for case, texts in NEVER_A_ROW.items() for text in texts], ids=lambda v: v[:40]
)
def test_never_a_row(nlp, case, text):
    article = "“The plan will work,” the minister said on Monday.\n\n" + text + "\n"
    assert [q for _, _, _, q in claims(nlp, article)] == ["The plan will work,"], case


@pytest.mark.parametrize(
    "text",
    [
        'In his 2002 book, "Make Your Kid a Millionaire," McKinley suggested looking at your credit card bill.',
        "In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. McKinley suggested looking at your credit card bill.",
    ],
    ids=["straight-quotes", "doubled-apostrophes"],
)
def test_a_title_apposed_to_a_work_is_no_statement(nlp, text):
    """The parser hangs the title on the verb as its clause; the statement is the verb's own complement."""
    assert claims(nlp, text) == [("McKinley", "suggest", "indirect", "looking at your credit card bill")]


@pytest.mark.parametrize(
    "tag, not_speaker",
    [
        ("said a former aide to President George W. Bush.", "George W. Bush"),  # the aide speaks
        ("wrote a man calling himself Paul Smith.", "Paul Smith"),  # a clause, not a title, before the name
        ("said Leonard Burman of the Tax Policy Center.", "Tax Policy Center"),
    ],
)
def test_a_name_after_a_quoted_cue_is_taken_only_with_its_title(nlp, tag, not_speaker):
    found = claims(nlp, "Officials met on Monday.\n\n“The tax plan will not work for anyone,” " + tag)
    assert found and all(speaker != not_speaker for speaker, _, _, _ in found), found


def test_a_caption_signed_title_is_no_claim(nlp):
    text = "Syrian refugees arrive on the Greek island of Lesbos. Photo: AP\n\nThousands arrived, officials said.\n"
    assert [(s, q) for s, _, _, q in claims(nlp, text)] == [("officials", "Thousands arrived")]


def test_turn_continues_in_the_next_paragraph(nlp):
    text = (
        "“We will defend our interests,” Foreign Minister Wang Yi said on Tuesday.\n\n"
        "“No country should doubt our resolve to protect the people of this nation.”"
    )
    found = claims(nlp, text)
    assert [s for s, *_ in found] == ["Wang Yi", "Wang Yi"]


@pytest.mark.parametrize(
    "text, speaker, statement",
    [
        # a closing contrast that reports something else is the narrator's
        (
            "Officials said the plan would cut costs, even though many economists doubt that it will.",
            "Officials",
            "the plan would cut costs",
        ),
        # a verb whose tense goes with the cue, not with the statement's verb, is the narrator going on
        (
            "Trump said he would sign the bill and praised Republicans for passing it.",
            "Trump",
            "he would sign the bill",
        ),
        # so is a verb the parser coordinated with the cue itself, in the cue's tense and not the statement's
        (
            "A judge had ordered the department to release all of the emails by the end of January, but attorneys "
            "for the department said this week that they would miss the deadline, and requested another month.",
            "attorneys",
            "they would miss the deadline",
        ),
        # not one in another tense than the cue's: it may go on with what was said
        (
            "A judge had ordered the release of the emails, but attorneys for the department said this week that "
            "they would miss the deadline, and will ask for another month.",
            "attorneys",
            "they would miss the deadline, and will ask for another month",
        ),
        # the statement's subject, which the parser hung on the cue, opens it
        (
            "The budget office said about half of the higher adjustment in its deficit projections reflected revenue "
            "losses from the tax cuts.",
            "budget office",
            "about half of the higher adjustment in its deficit projections reflected revenue losses from the tax cuts",
        ),
        (
            "Judge Jane Stranch, in her dissent, said just because discrimination was not obvious did not mean it was "
            "not there.",
            "Jane Stranch",
            "just because discrimination was not obvious did not mean it was not there",
        ),
        (
            "He told POLITICO Florida the state's own standards are not perfect.",
            "He",
            "the state's own standards are not perfect",
        ),
        # not a time the cue was said at: an imperative has no subject to find
        ("I told you a long time ago don't play games with me.", "I", "don't play games with me"),
        # not the words before a "that" opening the clause, nor the object of a report of its own
        ("He said on Thursday that Trump needs to do more work.", "He", "Trump needs to do more work"),
        (
            "She has touted her husband's record and promised to put him in charge of the economy.",
            "She",
            "to put him in charge of the economy",
        ),
        # a second that-clause hung on the cue belongs to the statement
        (
            "She said the law was unfair, but that she would obey it.",
            "She",
            "the law was unfair, but that she would obey it",
        ),
        # a second report is a claim of its own, and no statement ends with its conjunction
        (
            "The governor says the budget is balanced and says she will cut taxes next year.",
            "governor",
            "the budget is balanced",
        ),
        (
            "The governor says the budget is balanced and says she will cut taxes next year.",
            "governor",
            "she will cut taxes next year",
        ),
        # the stance noun is not the statement; its that-clause is
        (
            "The senator expressed doubt that the bill would pass before the recess.",
            "senator",
            "the bill would pass before the recess",
        ),
        (
            "Sales rose 2 percent, exports fell 1 percent and imports held steady, according to the ministry.",
            "ministry",
            "Sales rose 2 percent, exports fell 1 percent and imports held steady",
        ),
        # the "that" introducing the clause goes; a "that" the statement is about stays
        (
            "The senator said that the bill would pass.",
            "senator",
            "the bill would pass",
        ),
        (
            "The senator said that's why the bill would pass.",
            "senator",
            "that's why the bill would pass",
        ),
        (
            "The senator said that was not the deal.",
            "senator",
            "that was not the deal",
        ),
        # the writer's framing before a tag that opens a quotation is no part of it
        (
            "He visited on Wednesday.\n\nLater, he said, “I don’t look into somebody else’s house.”",
            "he",
            "I don’t look into somebody else’s house.",
        ),
        (
            "He visited on Wednesday.\n\nOn the party's internal issues, he said, “I don’t look into that.”",
            "he",
            "I don’t look into that.",
        ),
        # but a subject before the tag is the statement's own (the tag in neither piece)
        ("Terrorism, he said, “is a public enemy.”", "he", "Terrorism … “is a public enemy.”"),
    ],
)
def test_where_the_statement_ends(nlp, text, speaker, statement):
    assert (speaker, statement) in [(s, q) for s, _, _, q in claims(nlp, text)]


@pytest.mark.parametrize(
    "text, statement",
    [
        # a mixed statement ending inside a quotation keeps its closing mark and the punctuation before it
        ("The senator called the bill “a disgrace.”", "the bill “a disgrace.”"),
        ('The senator called the bill "a disgrace."', 'the bill "a disgrace."'),
        ("Critics called the plan ''a giveaway.''", "the plan ''a giveaway.''"),
        # a statement ending outside its quotations: nothing added after it
        (
            "Sanders called his returns “very boring tax returns” because he is one of the poorest senators.",
            "his returns “very boring tax returns” because he is one of the poorest senators",
        ),
    ],
)
def test_a_mixed_statement_keeps_its_closing_mark(nlp, text, statement):
    assert statement in [q for _, _, quote_type, q in claims(nlp, text) if quote_type == "mixed"]


def test_a_dateline_never_speaks(nlp):
    text = (
        "LOS ANGELES, Sept. 28 (UPI) — In a preview clip for Mary J. Blige’s upcoming Apple Music show The 411, "
        "Blige sings Bruce Springsteen’s “American Skin” to Hillary Clinton.\n\n"
        "“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton."
    )
    found = claims(nlp, text)
    assert not [s for s, _, _, _ in found if "ANGELES" in s], found
    assert ("Mary J. Blige", "Promise mama you’ll keep your hands in sight,") in [(s, q) for s, _, _, q in found]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a dateline in capitalized words, ending in a country's or a region's name before the dash
        ("Metro Manila, Philippines – Malacañang rejected the claim that senators were targeted.", "Malacañang"),
        ("Lagos, Nigeria — Buhari rejected the claim that senators were targeted.", "Buhari"),
        ("Austin, Texas — Governor Greg Abbott said the state would sue.", "Greg Abbott"),
    ],
    ids=["city-and-country", "city-and-country-then-a-name", "city-and-state"],
)
def test_a_dateline_in_capitalized_words_never_speaks(nlp, text, speaker):
    assert [s for s, _, _, _ in claims(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("FBI Director James Comey — speaking in Washington — said the probe was over.", "James Comey"),
        ("NDP MP Charlie Angus (Timmins—James Bay) said the plan was a win for families.", "Charlie Angus"),
        ("NATO Secretary General Jens Stoltenberg — in Brussels — said allies would respond.", "Jens Stoltenberg"),
        ("OTTAWA — Health Minister Mark Holland said the plan would start in May.", "Mark Holland"),
        ("ST. LOUIS — Police Chief John Hayden said the suspect fled.", "John Hayden"),
    ],
    ids=["acronym-then-dashes", "acronym-then-a-dash-in-parentheses", "acronym-title", "dateline", "dotted-dateline"],
)
def test_an_acronym_opening_a_paragraph_is_no_dateline(nlp, text, speaker):
    assert speaker in [s for s, _, _, _ in claims(nlp, text)]


def test_signatures_glued_to_the_closing_mark(nlp):
    text = (
        "Readers wrote in after the debate.\n\n“Our town deserves better leaders than these two candidates.”― Maria Lopez"
        "\n“I will vote for the first time this year, and I am scared.”― Ana Ruiz\n"
    )
    assert [(s, c) for s, c, _, _ in claims(nlp, text)] == [("Maria Lopez", "”―"), ("Ana Ruiz", "”―")]


@pytest.mark.parametrize(
    "credit, speaker",
    [("Maria Lopez.", "Maria Lopez"), ("Ana Ruiz, Center for Budget Research.", "Ana Ruiz")],
    ids=["name", "name-and-organization"],
)
def test_credit_line_inside_the_closing_mark_names_the_speaker(nlp, credit, speaker):
    text = (
        "Readers wrote in after the debate.\n\n"
        f'"Our town deserves better leaders than these two candidates, and we will say so in November.\n{credit}"'
        "\n\nThe vote is next month."
    )
    found = [(s, q) for s, _, _, q in claims(nlp, text)]
    assert found == [
        (speaker, "Our town deserves better leaders than these two candidates, and we will say so in November.")
    ]


def test_a_sentence_ending_a_quotation_is_no_credit_line(nlp):
    text = (
        "Readers wrote in after the debate.\n\n"
        '"Our town deserves better leaders than these two candidates, Maria Lopez said.\nWe will vote anyway."'
    )
    assert all("We will vote anyway." in q for _, _, _, q in claims(nlp, text))


def test_speech_in_curly_marks_after_a_straight_block_quote_is_a_row_of_its_own(nlp):
    text = (
        'Jane Smith of the Gazette reports:\n\n"Mary Jones had waited for hours at the rally in June.\n\n'
        '"She was tired and hungry, but she stayed until the end.\n\n'
        "“I came to see him,” Jones said. “That is all.”\n\nThe rally ended at ten."
    )
    # the surname takes the full name the quoted excerpt gives
    assert ("Mary Jones", "I came to see him, … That is all.") in [(s, q) for s, _, _, q in claims(nlp, text)]


def test_a_quotation_reopened_in_each_paragraph_is_one_row(nlp):
    text = (
        "Senator Tom Reed spoke for an hour on Monday.\n\n“We will fight for every job in this state.\n\n"
        "“We will fight for every family.\n\n“And we will win,” Reed said."
    )
    found = [(s, q) for s, _, _, q in claims(nlp, text)]
    quote = "We will fight for every job in this state.\n\n“We will fight for every family.\n\n“And we will win,"
    assert found == [("Tom Reed", quote)]


def test_long_narration_between_pieces_makes_two_rows_of_one_turn(nlp):
    text = (
        "“The plan is a liability dump,” said Kevin Barrett, a lawyer at a firm in Charleston who represents "
        "the state's environmental regulators in the coal bankruptcy cases before the federal court. "
        "“It was destined to fail.”"
    )
    found = claims(nlp, text)
    assert [(s, q) for s, _, _, q in found] == [
        ("Kevin Barrett", "The plan is a liability dump,"),
        ("Kevin Barrett", "It was destined to fail."),
    ]


# A quotation after the tag of a quoted turn continues that turn, over the tag's own claims (a participle, a relative
# clause on the speaker, an adverbial clause of theirs), which keep their own complement; a participle that reports
# more of the speech ("adding that") is continued itself; another speaker's cue or narration about someone else
# starts another turn.  (text, rows as (speaker, cue, quote type, quote))
TURN_OVER_A_TAG = [
    (
        "“If there is anyone the party would like to see lose, it would be Ted Cruz,” Black said, referring to the "
        "Republican National Committee. “I am sure there are members of the establishment who would want something "
        "to happen to him.”",
        [
            (
                "Black",
                "say",
                "direct",
                "If there is anyone the party would like to see lose, it would be Ted Cruz, … I am sure there are "
                "members of the establishment who would want something to happen to him.",
            ),
            ("Black", "refer", "indirect", "the Republican National Committee"),
        ],
    ),
    (
        "“Revenues are up a little bit, and so are rounds,” said Steven Ekovich, who noted that prices had fallen. "
        "“Things are moving in the right direction, but slowly.”",
        [
            (
                "Steven Ekovich",
                "say",
                "direct",
                "Revenues are up a little bit, and so are rounds, … Things are moving in the right direction, but slowly.",
            ),
            ("Steven Ekovich", "note", "indirect", "prices had fallen"),
        ],
    ),
    (
        "“God will hold the slave drivers of our day accountable,” Francis said in a speech to workers, as he called "
        "for greater ethics in business. “The flow of capital cannot decide the flow and life of people.”",
        [
            (
                "Francis",
                "say",
                "direct",
                "God will hold the slave drivers of our day accountable, … The flow of capital cannot decide the flow "
                "and life of people.",
            ),
            ("Francis", "call", "indirect", "greater ethics in business"),
        ],
    ),
    (  # too much narration to join: the same turn, a row of its own, not the participle's
        "“That is the big question,” Clark said, noting he would support any of the other candidates if they won the "
        "nomination. “We have developed a pretty deep bench here.”",
        [
            ("Clark", "say", "direct", "That is the big question,"),
            ("Clark", "note", "indirect", "he would support any of the other candidates if they won the nomination"),
            ("Clark", "say", "direct", "We have developed a pretty deep bench here."),
        ],
    ),
    (
        "“I think I am going to have the delegates,” he said, adding that there should not be a focus on some "
        "artificial number. “I think that whoever gets the most delegates should win.”",
        [
            ("he", "say", "direct", "I think I am going to have the delegates,"),
            (
                "he",
                "add",
                "mixed",
                "there should not be a focus on some artificial number … I think that whoever gets the most delegates "
                "should win.",
            ),
        ],
    ),
    (
        "“We will win this state by ten points,” Smith said. “You will lose it by twenty,” Jones replied. “The voters "
        "have made up their minds.”",
        [
            ("Smith", "say", "direct", "We will win this state by ten points,"),
            ("Jones", "reply", "direct", "You will lose it by twenty, … The voters have made up their minds."),
        ],
    ),
    (
        "“We will win this state by ten points,” Smith said. Jones, who ran against him in 2012, told reporters the "
        "race was close. “The voters have not made up their minds.”",
        [
            ("Smith", "say", "direct", "We will win this state by ten points,"),
            ("Jones", "tell", "mixed", "the race was close … The voters have not made up their minds."),
        ],
    ),
    (  # another speaker's report in an adverbial clause of the tag: the quotation is the turn's, not that report's
        "“We are going to win so much,” Trump said after news outlets declared him the victor. “You are going to be "
        "so happy, so proud of this country.”",
        [
            (
                "Trump",
                "say",
                "direct",
                "We are going to win so much, … You are going to be so happy, so proud of this country.",
            ),
            ("news outlets", "declare", "indirect", "him the victor"),
        ],
    ),
    (
        "“They are not terminable at will,” Trump spokesperson Ron Lieberman told the Wall Street Journal in July, "
        "after de Blasio stated an interest in ending business with Trump. “These contracts are fully binding.”",
        [
            ("Ron Lieberman", "tell", "direct", "They are not terminable at will,"),
            ("Blasio", "state", "indirect", "an interest in ending business with Trump"),
            ("Ron Lieberman", "tell", "direct", "These contracts are fully binding."),
        ],
    ),
]


@pytest.mark.parametrize(
    "text, rows",
    TURN_OVER_A_TAG,
    ids=[
        "participle",
        "relative-clause",
        "adverbial-clause",
        "long-narration",
        "adding",
        "two-speakers",
        "narration",
        "another-speakers-report",
        "another-speakers-report-long-narration",
    ],
)
def test_a_quotation_after_a_tag_continues_the_quoted_turn(nlp, text, rows):
    assert claims(nlp, text) == rows


# "“A,” X said, “B.”": the piece before the tag is the first piece of the turn the tag reports, not a continuation of
# the claim before it; a quotation that is a sentence of its own before "He added, “C.”" stays with the turn before.
INTERRUPTED_TURN = [
    (
        "Along with her team, Bond has championed black women and girls who are challenging the status quo.\n\n"
        "“To all the black girls all over the world,” Bond said, “own your magic and rock your truth.”",
        [
            ("Bond", "champion", "indirect", "black women and girls who are challenging the status quo"),
            (
                "Bond",
                "say",
                "direct",
                "To all the black girls all over the world, … own your magic and rock your truth.",
            ),
        ],
    ),
    (
        "Robinson noted that three former nominees skipped the convention. “If the last three Republican nominees don't "
        "want to get on that stage,” Robinson said, “why would corporate brands want to align themselves with Trump?”",
        [
            ("Robinson", "note", "indirect", "three former nominees skipped the convention"),
            (
                "Robinson",
                "say",
                "direct",
                "If the last three Republican nominees don't want to get on that stage, … why would corporate brands "
                "want to align themselves with Trump?",
            ),
        ],
    ),
    (
        "“No matter how they explained their position, the state is falling apart,” he said in 2012. “Conflicts "
        "between the clans continue.” He added, “And you want us to repeat these mistakes?”",
        [
            (
                "he",
                "say",
                "direct",
                "No matter how they explained their position, the state is falling apart, … Conflicts between the clans "
                "continue.",
            ),
            ("He", "add", "direct", "And you want us to repeat these mistakes?"),
        ],
    ),
    (
        "Senators grilled the chief executive on Tuesday.\n\n“Every time you say that,” Tester said, referring to "
        "the 1 percent excuse, “you give ammunition to the people who want to break up the big banks.”",
        [
            (
                "Tester",
                "say",
                "direct",
                "Every time you say that, … you give ammunition to the people who want to break up the big banks.",
            ),
            ("Tester", "refer", "indirect", "the 1 percent excuse"),
        ],
    ),
    (
        # the parser makes the speaker after "said" the subject of "is": his words stay out of the statement
        "“The real risk here,” said Edward Leamer, an economist, “is that we are going to be attracting workers.”",
        [
            (
                "Edward Leamer",
                "say",
                "direct",
                "The real risk here, … is that we are going to be attracting workers.",
            ),
        ],
    ),
    (
        # a tag longer than what was said keeps the pieces apart (one character span per row), neither holding it
        "“The real risk here,” said Edward Leamer, an economist who is the director of the UCLA Anderson Forecast at "
        "the university, “is that we are going to be attracting workers.”",
        [
            ("Edward Leamer", "say", "direct", "The real risk here,"),
            ("Edward Leamer", "say", "direct", "is that we are going to be attracting workers."),
        ],
    ),
    (
        # the parser hangs both quoted clauses on "said": two pieces, the tag in neither
        "“I strongly support Paul Ryan,” Trump said, “and I fully support and endorse his re-election.”",
        [
            (
                "Trump",
                "say",
                "direct",
                "I strongly support Paul Ryan, … and I fully support and endorse his re-election.",
            )
        ],
    ),
]


@pytest.mark.parametrize(
    "text, rows",
    INTERRUPTED_TURN,
    ids=[
        "after-a-report",
        "after-a-note",
        "a-sentence-before",
        "over-a-participle",
        "speaker-parsed-as-subject",
        "speaker-parsed-as-subject-long-tag",
        "both-clauses-hung-on-the-cue",
    ],
)
def test_a_quotation_interrupted_by_its_tag_is_one_turn(nlp, text, rows):
    assert claims(nlp, text) == rows


REPORTED_THEN_QUOTED = (
    "Sen. Bernie Sanders identified young voters' exhaustion with bigotry as one of the reasons to back Clinton. "
)
QUOTED = "“The younger people are sick and tired of discrimination and racism.”"


def test_a_quotation_right_after_reported_speech_continues_it(nlp):
    assert claims(nlp, REPORTED_THEN_QUOTED + QUOTED) == [
        (
            "Bernie Sanders",
            "identify",
            "mixed",
            "young voters' exhaustion with bigotry as one of the reasons to back Clinton … "
            "The younger people are sick and tired of discrimination and racism.",
        )
    ]


def test_narration_between_reported_speech_and_a_quotation_keeps_them_apart(nlp):
    found = claims(nlp, REPORTED_THEN_QUOTED + "Voters in Ohio cheered loudly. " + QUOTED)
    assert [(s, t) for s, _, t, _ in found] == [("Bernie Sanders", "indirect"), ("Bernie Sanders", "direct")]


def test_a_participle_before_a_quotation_does_not_guess_its_subject(nlp):
    text = (
        "Small groups of protesters continued to call for more information about the fatal shooting, looping "
        "the streets around the stadium - where the Charlotte Panthers played the Minnesota Vikings - while "
        'chanting, "Hands up, don\'t shoot."'
    )
    assert ("Small groups", "call", "direct", "Hands up, don't shoot.") in claims(nlp, text)


def test_nested_report_is_part_of_the_statement(nlp):
    found = claims(nlp, "The mayor said residents believe the plan will fail.")
    assert [(s, c) for s, c, *_ in found] == [("mayor", "say")]


def test_a_possessive_pronoun_resolves_like_a_subject_pronoun(nlp):
    text = (
        "Donald Trump spoke in Ohio on Monday.\n\n"
        "His message was that the country needs law and order, and his claim that crime is rising was repeated by aides."
    )
    assert [(r["speaker"], r["speaker_mention"], r["cue"]) for r in extract_text(text, nlp=nlp, kinds="all")] == [
        ("Donald Trump", "his", "claim")
    ]


def test_pronoun_and_surname_resolve_to_the_full_name(nlp):
    text = (
        "Foreign Ministry spokeswoman Hua Chunying said China opposes the plan.\n\n"
        "She said the talks would continue.\n\nHua added that Beijing was ready to help."
    )
    assert {s for s, *_ in claims(nlp, text)} == {"Hua Chunying"}


NEVER_CRASH = [
    "“This quotation never closes, she said, and the article ends here",
    "He said: ”backwards marks“ and “unbalanced ones.",
    "“She told me ‘they said “nothing” at all’ yesterday,” he said.",
    "\u201c" * 200,
    '"' * 501,
    ("The minister said that the economy is growing. " * 400).strip(),  # one giant paragraph
    "",
    "\n\n\n",
]


@pytest.mark.parametrize("text", NEVER_CRASH, ids=range(len(NEVER_CRASH)))
def test_never_crashes(nlp, text):
    rows = extract_text(text, nlp=nlp, kinds="all")
    for row in rows:
        assert 0 <= row["char_start"] <= row["char_end"] <= len(text)


def test_reported_speech_stops_at_a_semicolon(nlp):
    found = claims(nlp, "Officials said the delay was not intentional; they learned of it only on Friday.")
    assert [q for _, _, _, q in found] == ["the delay was not intentional"]


def test_headline_names_do_not_become_speakers(nlp):
    # A title-case headline misleads the recognizer ("Obama Says" as a PERSON); body names are used instead.
    text = (
        "The museum opened on Saturday.\n\nObama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\n"
        "The president spoke there. Obama said the building would tell the story of the nation."
    )
    assert [s for s, _, _, _ in claims(nlp, text)] == ["Obama"]


# The article's title, read in sentence case: (text, speaker, cue, quote type, statement)
TITLE_CLAIMS = [
    (
        "Obama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\n"
        "The president opened the museum on Saturday. Barack Obama said the building would tell the story of the nation.",
        "Barack Obama",
        "say",
        "mixed",  # 'Suffering and Delight.' is a quotation: the article sets its quotations in single marks
        "African-American Museum Will Tell of 'Suffering and Delight",
    ),
    (
        "Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump ‘Reeks of Fear.’\n\n"
        "Rush Limbaugh spoke on his radio show on Monday about the debate.",
        "Rush Limbaugh",
        ":",
        "mixed",
        "Hillary Asking Moderator To Fact Check Trump ‘Reeks of Fear",
    ),
    # a name the parser takes for a noun, known by the body's "Bernie Sanders"
    (
        "Sanders: Clinton Needs To 'Get Away From All Of This Personality Stuff'\n\n"
        "Sen. Bernie Sanders spoke on MSNBC on Friday about the race.",
        "Bernie Sanders",
        ":",
        "mixed",
        "Clinton Needs To",
    ),
    # a noun the cue model learned as a speaker's
    (
        "Poll: Wealthy Voters Abandon Republican Party For Clinton\n\n"
        "A new poll released on Monday found that wealthy voters are turning away from the party.",
        "Poll",
        ":",
        "indirect",
        "Wealthy Voters Abandon Republican Party",
    ),
    # the label closes the title; the body names the office holder
    (
        "China, Afghanistan to deepen anti-terrorism cooperation: Spokesperson\n\n"
        "China and Afghanistan have decided to deepen their anti-terrorism cooperation.\n\n"
        "This was stated by the spokesperson of the Chinese Foreign Ministry Geng Shuang on Wednesday.\n\n"
        "He said, the two sides co-chaired the third meeting of the security dialogue.",
        "Geng Shuang",
        ":",
        "indirect",
        "China, Afghanistan to deepen anti-terrorism cooperation",
    ),
    # a label that opens with an abbreviated title
    (
        "Sen. Warren: Wells Fargo Chief Should Resign\n\nSen. Elizabeth Warren spoke at a hearing on Tuesday.",
        "Elizabeth Warren",
        ":",
        "indirect",
        "Wells Fargo Chief Should Resign",
    ),
    # a title written as a sentence, ending with a period
    (
        "Lynch: No outside influence on FBI probe into Clinton emails.\n\n"
        "WASHINGTON (AP) — Attorney General Loretta Lynch spoke to reporters on Sunday.",
        "Loretta Lynch",
        ":",
        "indirect",
        "No outside influence on FBI probe",
    ),
    # the label, then whom or what the words address before the colon
    (
        "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\n"
        "Hillary Clinton spoke to the group's members in Washington on Friday.",
        "Hillary Clinton",
        ":",
        "indirect",
        "Trump will reverse Roe v. Wade",
    ),
    (
        "Obama To Asians Worried About U.S. Election: It’s Going To Be OK.\n\n"
        "President Barack Obama spoke in Laos on Wednesday.",
        "Barack Obama",
        ":",
        "indirect",
        "It’s Going To Be OK",
    ),
    # a kicker in capitals before the label
    (
        "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.\n\nRoger Stone spoke on the radio on Monday.",
        "Roger Stone",
        ":",
        "indirect",
        "Don’t Trust the Voting Machines",
    ),
    # a short headline: its label is its cue
    (
        "Clinton: I support D.C. statehood.\n\nHillary Clinton spoke in Washington on Friday.",
        "Hillary Clinton",
        ":",
        "indirect",
        "I support D.C. statehood",
    ),
    # the parser ends a sentence inside the title (after the quotation's stop); a body whose name holds a kicker's word
    (
        "Carly Fiorina: 'Bill Clinton's fair game.'\n\nCarly Fiorina spoke on Monday.",
        "Carly Fiorina",
        ":",
        "mixed",
        "Bill Clinton's fair game.",
    ),
    (
        "Judicial Watch: State Department Hid Key Clinton Benghazi Email For Years.\n\n"
        "Judicial Watch released the email on Monday.",
        "Judicial Watch",
        ":",
        "indirect",
        "State Department Hid Key Clinton Benghazi Email For Years",
    ),
    (
        "Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says\n\n"
        "Sen. Lindsey Graham spoke in Columbia on Tuesday.",
        "Lindsey Graham",
        "say",
        "indirect",
        "Clean Energy",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, quote_type, statement", TITLE_CLAIMS)
def test_the_title_attributes_claims(nlp, text, speaker, cue, quote_type, statement):
    found = [c for c in claims(nlp, text) if c[3] in text.split("\n")[0]]
    assert any(s == speaker and c == cue and t == quote_type and statement in q for s, c, t, q in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a headline further down is a related article's, not this one's
        "Officials met on Monday.\n\nTrump Says Wall Will Be Built Soon\n\nThe council voted on the budget.",
        # a title whose colon labels no speaker
        "The Latest: Storm Hits Coast\n\nThe storm reached the coast on Monday.",
        "Breaking: Storm Hits Coast\n\nThe storm reached the coast on Monday.",
        "Storm Hits Coast: A Timeline\n\nThe storm reached the coast on Monday.",
        # a kicker, in capitals or not, is no speaker's label
        "BOOM: Storm Hits Coast Overnight\n\nThe storm reached the coast on Monday.",
        "Bombshell: Storm Hits Coast Overnight\n\nThe storm reached the coast on Monday.",
        # a first paragraph written as a sentence whose colon labels no speaker
        "Bottom line: the storm is coming to the coast.\n\nThe storm reached the coast on Monday.",
        "Editor’s note: This story has been updated with new figures.\n\nThe bill passed.",
        # a preposition after a word that labels no speaker; a kicker and nothing after it
        "Race to the bottom: why wages fall in the rust belt\n\nThe storm reached the coast on Monday.",
        "WATCH – Storm Hits Coast Overnight\n\nThe storm reached the coast on Monday.",
        "EXCLUSIVE: Storm Hits Coast Overnight\n\nThe storm reached the coast on Monday.",
    ],
)
def test_titles_that_attribute_nothing(nlp, text):
    assert [c for c in claims(nlp, text) if c[3] in text.split("\n")[0]] == []


def test_a_dash_that_does_not_close_the_paragraph_with_a_name_signs_nothing(nlp):
    # The chant is the crowd's (a learned "chant" construction); Trump, after the dash, said nothing.
    assert "Trump" not in {s for s, *_ in claims(nlp, "The crowd chanted “lock her up” — Trump smiled.")}


def test_a_cue_without_a_clause_introduces_its_sentences_quotations(nlp):
    # The parser reads "called Trump a ... liar" with two predicates and no object: no clause hangs on
    # "called", yet the cue and its speaker introduce the quotations of the sentence.
    text = (
        "Candidates traded insults on Tuesday.\n\nThe two men spent months lobbing pointed insults at one "
        'another. Cruz called Trump a "pathological liar" who is "utterly amoral," a "serial philanderer," '
        'a "bully" and a "narcissist at a level I don\'t think this country has ever seen."'
    )
    found = [claim for claim in claims(nlp, text) if claim[0] == "Cruz"]
    assert [(s, c) for s, c, _, _ in found] == [("Cruz", "call")]
    assert "pathological liar" in found[0][3] and "narcissist" in found[0][3]


@pytest.mark.parametrize(
    "text, mention, speaker",
    [
        # the words naming the speaker at the claim are the relative pronoun; the speaker is its antecedent
        (
            "The bill was praised by Senator Elizabeth Warren, who said that it would protect consumers.",
            "who",
            "Elizabeth Warren",
        ),
        (
            "Senator Elizabeth Warren said that the bill would protect consumers.",
            "Senator Elizabeth Warren",
            "Elizabeth Warren",
        ),
    ],
)
def test_a_relative_pronoun_names_the_speaker_at_the_claim(nlp, text, mention, speaker):
    rows = [r for r in extract_text(text, nlp=nlp, kinds="all") if r["cue"] == "say"]
    assert [(r["speaker_mention"], r["speaker"]) for r in rows] == [(mention, speaker)]


def test_a_plural_role_is_not_the_one_person_named_with_it(nlp):
    text = (
        "The country's top diplomat, Wang Yi, said China values its ties with Turkey.\n\n"
        "But many diplomats said that the group does not exist in any coherent form."
    )
    rows = extract_text(text, nlp=nlp, kinds="all")
    assert [r["speaker"] for r in rows] == ["Wang Yi", "many diplomats"]


@pytest.mark.parametrize(
    "text, cues",
    [
        # "they refuse to name" is a learned construction inside the mayor's statement: part of it, not a row
        ("The mayor ignored that a campaign is being waged by the very groups they refuse to name.", ["ignore"]),
        ("Critics fear the company will seek to get rid of the debts it owes to retired miners.", ["fear"]),
    ],
)
def test_a_learned_statement_inside_another_claims_statement_is_part_of_it(nlp, text, cues):
    assert [cue for _, cue, _, _ in claims(nlp, text)] == cues


@pytest.mark.parametrize(
    "text, cues",
    [
        # what the speaker was asked, or a pronoun standing for what was said, is no statement
        (
            "Replying to a question, the spokesperson rejected the minister’s statement that the camp exists.",
            ["reject"],
        ),
        ("Police said nothing.", []),
        ("The senator did not deny it.", []),
    ],
)
def test_a_statement_with_nothing_said_in_it_is_no_row(nlp, text, cues):
    assert [cue for _, cue, _, _ in claims(nlp, text)] == cues


def test_a_description_in_apposition_resolves_to_the_name_before_it(nlp):
    text = "The report was criticized by Megyn Kelly, the star anchor who questioned his respect for women in a debate."
    rows = [r for r in extract_text(text, nlp=nlp, kinds="all") if r["cue"] == "question"]
    assert [(r["speaker"], r["speaker_mention"]) for r in rows] == [("Megyn Kelly", "who")]


@pytest.mark.parametrize(
    "words, pos, says",
    [
        (["“"], ["PUNCT"], False),
        (["’s"], ["PART"], False),
        (["to"], ["PART"], False),
        (["him"], ["PRON"], True),  # "endorsed him": annotated stance
        (["2012"], ["NUM"], True),
        (["not", "quite", "there", "yet"], ["PART", "ADV", "ADV", "ADV"], True),
    ],
)
def test_a_statement_needs_a_word_of_its_own(words, pos, says):
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    assert says_something(doc[:]) is says


@pytest.mark.parametrize(
    "text, speaker, wrong",
    [
        (
            "Turkey is the only Muslim nation that has regularly expressed concern about the situation in Xinjiang.",
            "Turkey",
            "only Muslim nation",
        ),
        (
            "Donald Trump regularly incites political violence and is a serial liar and birther who has repeatedly "
            "pledged to ban all Muslims from entering the U.S.",
            "Donald Trump",
            "birther",
        ),
        # as HuffPost's editor's note writes it (here as prose: the note itself is no row), with no-break spaces the
        # parser reads as words of their own
        (
            "Donald Trump is a\u00a0serial liar,\u00a0rampant xenophobe, racist, misogynist,"
            " birther\u00a0and\u00a0bully\u00a0who has repeatedly pledged to ban all Muslims.",
            "Donald Trump",
            "rampant xenophobe",
        ),
    ],
)
def test_a_relative_clause_on_a_predicate_noun_speaks_for_the_subject(nlp, text, speaker, wrong):
    speakers = [s for s, _, _, _ in claims(nlp, text)]
    assert speaker in speakers and wrong not in speakers


def test_a_relative_clause_on_a_nearer_noun_stays_with_it(nlp):
    text = "Ms. Hendricks was the biggest donor to the super PAC that backed the presidential bid of Scott Walker."
    assert "Hendricks" not in {s for s, _, _, _ in claims(nlp, text)}


# "As X reported, A", "A, as X put it, B": the clause an as-clause of reporting hangs on is X's statement.
AS_CLAUSES = [
    (
        "As The Washington Post reported, the senator will need to win most of the remaining delegates.",
        "Washington Post",
        "report",
        "the senator will need to win most of the remaining delegates",
    ),
    (
        "As Ms. Simonyan put it in a statement in July, the network is providing a perspective viewers lack.",
        "Simonyan",
        "put",
        "the network is providing a perspective viewers lack",
    ),
    (
        "The plan, as Senator Smith noted on Monday, would cost billions of dollars over a decade.",
        "Smith",
        "note",
        "would cost billions of dollars over a decade",
    ),
    (  # the parser takes "cases" for the root noun of the sentence
        "However, as POLITICO has reported, cases that have led to charges included aggravating circumstances that "
        "were likely not present in Clinton’s case.",
        "POLITICO",
        "report",
        "cases that have led to charges",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, statement", AS_CLAUSES)
def test_an_as_clause_of_reporting_vouches_for_its_clause(nlp, text, speaker, cue, statement):
    found = claims(nlp, text)
    assert any(speaker in s and c == cue and statement in q for s, c, _, q in found), found


# As-clauses of time or manner: the clause they hang on is not the as-clause subject's statement.
AS_CLAUSES_OF_TIME = [
    ("Schilling did not back down, even as advocates called for his dismissal.", "did not back down"),  # content
    ("The crowd cheered loudly as he replied.", "cheered loudly"),  # not set off by a comma
    ("The party, as we know it, will not survive the election.", "will not survive"),  # an object of its own
    ("She smiled warmly, as she put on her coat.", "smiled warmly"),  # "put" without "it"
    # a clause that is a report of its own keeps its row: the as-clause makes none over it
    ("On the trail, Mrs. Clinton pledges to raise wages, as she put it on Wednesday.", "On the trail"),
]


@pytest.mark.parametrize("text, clause", AS_CLAUSES_OF_TIME)
def test_an_as_clause_of_time_attributes_nothing(nlp, text, clause):
    assert not any(clause in q for _, _, _, q in claims(nlp, text)), claims(nlp, text)


# A participle right after the comma that closes a report continues it: the report's speaker is its speaker,
# whatever the parser hung the participle on.
CONTINUING_PARTICIPLES = [
    (
        '"Bringing up the birther issue again is insane," Sanders said, going on to say that the country has spent '
        '"hundreds of years fighting against racism and sexism," young people do not want to see that.',
        "Sanders",
        "the country has spent",
    ),
    (
        '"The American people do not agree with Trump," Sanders said, suggesting a few questions, including, "Mr. Trump, '
        'do you really think that billionaires need a massive tax break?"',
        "Sanders",
        "do you really think",
    ),
    # the parser hangs the participle inside the reported clause ("be", "foreshadow"): still the reporter's
    (
        "Lewandowski rejected the idea that the developer would be a drag on the ticket, saying the huge crowds prove "
        "that Trump would energize the party.",
        "Lewandowski",
        "the huge crowds prove",
    ),
    (
        "Cruz warned that the incident could foreshadow the future with Iran, remarking that it showed the need to "
        "scrap the agreement.",
        "Cruz",
        "it showed the need",
    ),
    # a report inside what a speaker says: the participle after both continues the outer one
    (
        "She says the Liberal government believes a strong public broadcaster strengthens democracy and is promising "
        "to keep supporting it — adding she believes a Conservative government would destroy it.",
        "She",
        "a Conservative government would destroy it",
    ),
    # the comma that sets the participle off closes a quotation too
    (
        'Cardin stressed that "the way to proceed is to get Democrats and Republicans working together," suggesting '
        "that the only way to do that with this Congress might be to simply pass an unadorned renewal of the Iran "
        "Sanctions Act, which expires at the end of the year.",
        "Cardin",
        "the only way to do that",
    ),
    (
        "On the show the day before, she stated, “When I look at this, an absence of action by NATO would have "
        "probably turned Libya into Syria,” adding, “I think maybe 1,500 people were killed last year compared to "
        "probably 150,000 in Syria.”",
        "she",
        "1,500 people were killed",
    ),
    # a perfect participle is one too
    (
        "Prime Minister Christopher Luxon has again sought to defend his comments, having told Newstalk ZB the "
        "business leaders travelling with him were of high calibre.",
        "Christopher Luxon",
        "the business leaders travelling",
    ),
    (
        "Having announced that he would not send me to prison, Judge Berman gave me a stern lecture.",
        "Berman",
        "he would not send me to prison",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", CONTINUING_PARTICIPLES)
def test_a_participle_after_a_report_keeps_its_speaker(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(statement in q for _, _, _, q in found), found
    assert all(speaker in s for s, _, _, q in found if statement in q), found


# Not a continuation: the participle hangs on a clause of its own subject, coordinated with the report or
# adverbial to it, not inside what the report says.
OWN_CLAUSE_PARTICIPLES = [
    (
        "Protest groups say the restrictions are about visibility, and the civil liberties union has sued the city "
        "over the rules, saying they violate free-speech rights.",
        "civil liberties union",
        "they violate free-speech rights",
    ),
    (
        "Clinton asks as a maintenance guy walks in front of her, saying he is here to fix the holes in the wall.",
        "maintenance guy",
        "he is here to fix",
    ),
    # an outer report tagged after the participle does not take it over
    (
        'Trump welcomed the news that Kasich would quit, saying the Ohio Republican was "doing the right thing," '
        "CNN reported.",
        "Trump",
        "the Ohio Republican was",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", OWN_CLAUSE_PARTICIPLES)
def test_a_participle_on_a_clause_of_its_own_keeps_that_clauses_subject(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(statement in q for _, _, _, q in found), found
    assert all(speaker in s for s, _, _, q in found if statement in q), found


# An infinitive cue after the object of a verb of object control is the object's ("led some to speculate"); after
# the object of a verb of purpose ("used an expletive to describe") it stays the subject's.
CONTROLLED_INFINITIVES = [
    (
        "The abrupt announcement led some to speculate that disagreement over the campaign was to blame.",
        "some",
        "disagreement over the campaign",
    ),
    (
        "The killings have led many voters to say that race relations are growing worse.",
        "many voters",
        "race relations",
    ),
    ("The man used an expletive to describe what the mayor said about the police.", "man", "what the mayor said"),
    ("Sanders used the question to argue that the banks must be broken up.", "Sanders", "the banks must be broken"),
    ("The governor chose the capital to announce that taxes would fall next year.", "governor", "taxes would fall"),
]


@pytest.mark.parametrize("text, speaker, statement", CONTROLLED_INFINITIVES)
def test_an_infinitive_cue_after_an_object_of_control_is_the_objects(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(statement in q for _, _, _, q in found), found
    assert all(s == speaker for s, _, _, q in found if statement in q), found


# Not a continuation: the participle opens a clause of its own subject, or has a subject of its own.
def test_a_participle_opening_its_own_clause_keeps_that_clauses_subject(nlp):
    found = claims(nlp, "Walking into the room, the senator said the vote would be close.")
    assert [(s, q) for s, _, _, q in found] == [("senator", "the vote would be close")], found


# The parser takes a word of the quotation for the subject ("We", "I", "He"): the name right after the closing mark,
# set off by commas before the cue, is the speaker; a subject outside quotations stays.
NAMED_AFTER_QUOTATIONS = [
    (
        "“We were tremendously wrong to not have confronted him from the beginning,” Ramos, 58, told AFP in an "
        "interview in Mexico City on Monday.",
        "Ramos",
    ),
    (
        "''If Reagan had gone with Kemp, I would have been sitting in Siberia for a long time,'' Mr. Daniloff, now 81 "
        "and retired in Cambridge, Mass., said by telephone this week.",
        "Daniloff",
    ),
    (
        "''I had breakfast with Pinchuk. He will see you at the Brookings lunch,'' Melanne Verveer, a Ukrainian-American "
        "then working for the State Department, wrote in a June 2012 email to Mrs. Clinton.",
        "Melanne Verveer",
    ),
    ("The show “Saturday Night Live” said in a statement that the sketch would air again.", "show"),
]


@pytest.mark.parametrize("text, speaker", NAMED_AFTER_QUOTATIONS)
def test_a_name_after_a_quotation_speaks_rather_than_a_word_in_it(nlp, text, speaker):
    found = claims(nlp, text)
    assert found and all(s == speaker for s, _, _, _ in found), found


# A verb with its particle or adverb right before the quotation's comma or colon introduces it, whatever the verb.
INTRODUCING_PHRASAL_VERBS = [
    (
        'Clinton said she stood up against the banks. Sanders shot back, "Secretary Clinton called them out. Oh my '
        'goodness, they must have been really crushed by that."',
        "Secretary Clinton called them out",
        "shoot",
        "Sanders",
    ),
    (
        'The voter said she was frustrated.\n\nShe went on: "It is like a leaking house, and you call anybody to fix '
        'it except the plumber."',
        "It is like a leaking house",
        "go",
        "She",
    ),
]


@pytest.mark.parametrize("text, words, cue, speaker", INTRODUCING_PHRASAL_VERBS)
def test_a_verb_and_its_particle_before_a_quotation_introduce_it(nlp, text, words, cue, speaker):
    found = claims(nlp, text)
    assert any(s == speaker and c == cue for s, c, _, q in found if words in q), found


def test_a_particle_verb_with_no_quotation_introduces_nothing(nlp):
    found = claims(nlp, "Clinton said she stood up against the banks. The senator smiled back, and the crowd laughed.")
    assert [(s, c) for s, c, _, _ in found] == [("Clinton", "say")], found


# "“A,” she continued.": a finite verb with its subject right after the mark that closes a quotation opening its
# turn tags the quotation, whatever the verb; (text, words of the quotation, cue lemma, speaker)
TRAILING_VERBS = [
    (
        "Trump said the wall was negotiable.\n\n“Would it be negotiable about the 11 million people?” Hannity "
        "pressed. “Maybe let some people stay?”",
        "Would it be negotiable",
        "press",
        "Hannity",
    ),
    (
        "Obama spoke about the contributions of Muslims.\n\n“What sport is he talking about, and who? Is Obama "
        "profiling?” reacted Trump.",
        "What sport is he talking about",
        "react",
        "Trump",
    ),
    (
        "Warren said Trump University was a fraud.\n\n“Trump’s salespeople would focus on how much money people could "
        "come up with,” she continued. “And then they would push students to max out their credit cards.”",
        "Trump’s salespeople would focus",
        "continue",
        "she",
    ),
]


@pytest.mark.parametrize("text, words, cue, speaker", TRAILING_VERBS)
def test_a_verb_after_a_quotation_tags_it(nlp, text, words, cue, speaker):
    found = claims(nlp, text)
    assert any(s == speaker and c == cue for s, c, _, q in found if words in q), found


# Not a tag: the quotation is a title inside narration, a question or exclamation ends the sentence before a new
# subject, or the next paragraph's narration follows; (text, words of the quotation, who must not be its speaker)
NOT_TRAILING_VERBS = [
    ("Opponents jumped on it, too. On ABC News’s “This Week,” Rubio said that Democrats are scared.", "This Week", ""),
    (
        "Reagan was known for his hatred of what he called the Soviet “Evil Empire,” voiced in his famous demand in "
        "Berlin: “Mr. Gorbachev, tear down this wall!” Conservatives still praise his refusal to accept the division.",
        "tear down this wall",
        "Conservatives",
    ),
    (
        "The crowd gathered at noon.\n\n“Power to the people, now and forever!”\n\nThe group marched on toward the hall.",
        "Power to the people",
        "",
    ),
]


@pytest.mark.parametrize("text, words, not_speaker", NOT_TRAILING_VERBS)
def test_narration_after_a_quotation_does_not_tag_it(nlp, text, words, not_speaker):
    found = claims(nlp, text)
    if not_speaker:
        assert not any(s == not_speaker for s, _, _, q in found if words in q), found
    else:
        assert not any(words in q for _, _, _, q in found), found


# "Said Ellis: “...”": a cue opening its sentence before a name closed by a colon or comma names the speaker.
INVERTED_OPENINGS = [
    (
        "Ryan Ellis is a tax expert in Washington.\n\nSaid Ellis: “I don’t get the sense she’s the least bit "
        "interested in tax reform.”",
        "Ellis",
        "I don’t get the sense",
    ),
    (
        "The home was turned into a museum. Said Dorothy Poynter, “We were all so proud of him when he won.”",
        "Dorothy Poynter",
        "We were all so proud",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", INVERTED_OPENINGS)
def test_a_cue_opening_its_sentence_before_a_name_names_the_speaker(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(speaker in s and statement in q for s, _, _, q in found), found


def test_asked_before_a_question_names_no_speaker_of_its_own(nlp):
    found = claims(nlp, "Asked about the vote on Monday, Smith said the bill would pass easily in the spring.")
    assert [(s, q) for s, _, _, q in found] == [("Smith", "the bill would pass easily in the spring")], found


# "“A,” Flynn, a top surrogate, said ...": the name right after the closing mark is the speaker, even when the parser
# hangs it inside the quotation or takes a quoted title after the cue for the subject.
NAMED_AFTER_QUOTATIONS = [
    (
        "“He's absolutely right. There's a severe disconnect between this White House and frankly the president and "
        "our military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”",
        "Flynn",
        "absolutely right",
    ),
    (
        "“It is not the position that everything is hunky-dory,” Gene Sperling, a top outside Clinton adviser, said at "
        "a recent POLITICO event on the economy in Iowa.",
        "Gene Sperling",
        "everything is hunky-dory",
    ),
    # a mark that opens a title before the name stays in the mention's words
    (
        "“We were not ready for it,” the “Daily Show” host Trevor Noah said on Monday night.",
        "Trevor Noah",
        "We were not ready",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", NAMED_AFTER_QUOTATIONS)
def test_the_name_after_a_closing_mark_speaks(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(statement in q for _, _, _, q in found), found
    assert all(speaker in s for s, _, _, q in found if statement in q), found


# A speech tag inside its sentence: the name the parser hung on a noun of the statement is the speaker; a subject
# that opens its clause keeps its words.
SPEECH_TAG_NAMES = [
    (
        "To understand the real Dred Scott, Chief Justice Roberts said, one should visit this museum in Washington.",
        "Chief Justice Roberts",
    ),
    (
        "Ms. Hughes avoids the election, but their neighbor Benjamin Green, 83, says Washington needs a fix.",
        "their neighbor",
    ),
]


@pytest.mark.parametrize("text, mention", SPEECH_TAG_NAMES)
def test_the_name_of_a_speech_tag_inside_a_sentence(nlp, text, mention):
    mentions = [r["speaker_mention"] for r in extract_text(text, nlp=nlp, kinds="all")]
    assert any(m.startswith(mention) or m == mention for m in mentions), mentions


# A reporting verb the parser left with no subject: the name that opens its clause (the article knowing it as a
# person's or an organization's) speaks, past words set off by commas or brackets.  (text, speaker, statement)
STRANDED_SPEAKERS = [
    (  # the speaker read as the subject of a relative clause set off before the cue
        "Bernie Sanders has few endorsements. Sanders, meanwhile, who sits at zero such endorsements, said that fact "
        "speaks volumes about the race.",
        "Bernie Sanders",
        "fact speaks volumes about the race",
    ),
    (  # the name read as an apposition of the fronted phrase
        "Marcel Lehel Lazar pleaded guilty on Wednesday. As a part of his plea, Marcel Lehel Lazar, 44, said that he "
        "victimized nearly 100 Americans from his home overseas.",
        "Marcel Lehel Lazar",
        "he victimized nearly 100 Americans",
    ),
    (
        "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with Mr. Sanders "
        "on Tuesday.",
        "Harry Reid",
        "he spoke with Mr. Sanders on Tuesday",
    ),
    (  # a surname read as an adverb; the article names him in full before
        "Rep. David Jolly is running for the Senate.\n\nJolly said he would be cautious in restructuring federal "
        "education spending because he’d worry about creating further inefficiencies.",
        "David Jolly",
        "he would be cautious in restructuring federal education spending",
    ),
    (  # a surname opening a paragraph, read as an interjection
        "Retired U.S. Air Force Gen. Norman Ham is speaking out.\n\nHam went on to explain how he believes cuts to "
        "military spending left his hands tied.",
        "Norman Ham",
        "how he believes cuts to military spending",
    ),
    (  # a parenthesis between the name and the cue
        "Few politicians would ever admit this, but Sen. Chris Murphy (a Connecticut Democrat so boyish he has been "
        "mistaken for a junior staffer) says he was unfocused in the weeks after being elected.",
        "Chris Murphy",
        "he was unfocused",
    ),
    (  # a company named inside the speaker's relative clause is not the speaker
        "Scott Slinker runs a company. Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands "
        "find suppliers, said Mr. Trump was a candidate very much in the spirit of Silicon Valley.",
        "Scott Slinker",
        "Mr. Trump was a candidate",
    ),
    (  # the name in apposition to the description that opens the clause
        "Addressing committee members at the spring meeting here, many of them skeptical about Mr. Trump's candidacy, "
        "the campaign chief, Paul Manafort, bluntly suggested that the candidate's incendiary style amounted to an act.",
        "Paul Manafort",
        "the candidate's incendiary style amounted to an act",
    ),
    (  # a name not in title case, after a fronted phrase with a relative clause of its own
        "At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the club's 78-year-old president "
        "and general manager, suggested that the troubles of some of his competitors could be attributed to poor "
        "management.",
        "Jay DiPietro",
        "the troubles of some of his competitors could be attributed to poor management",
    ),
    (  # the name in apposition, not the one after a preposition before it
        "Hillary Clinton spoke. In a statement to the Observer, her senior policy adviser, Jake Sullivan, said the "
        "cooperation is strongest when Europe is united.",
        "Jake Sullivan",
        "the cooperation is strongest when Europe is united",
    ),
    (  # a description with a "who" clause the parser did not close before the cue
        "Rubio met donors in New Hampshire. One attendee, who like others spoke on the condition of anonymity to "
        "discuss the private meeting, said the message was that the race would not be over in February.",
        "One attendee",
        "the race would not be over in February",
    ),
    (
        "Although there is no such overlap with Sanders's team, a White House official who spoke anonymously to "
        "discuss internal strategy said Wednesday that there are discussions between the White House and the campaign.",
        "White House official",
        "there are discussions between the White House and the campaign",
    ),
    (  # the statement before the speaker
        "Two emails sent to Powell and 10 emails sent to aides who worked for Rice have been placed in secure storage, "
        "Patrick F. Kennedy, the undersecretary for management, wrote in a memo to the inspector general.",
        "Patrick F. Kennedy",
        "have been placed in secure storage",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", STRANDED_SPEAKERS)
def test_a_cue_without_a_subject_takes_the_name_opening_its_clause(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(s == speaker and statement in q and speaker not in q for s, _, _, q in found), found


# ... but not a name that does not open the clause, nor anyone where no name stands before the cue.
STRANDED_NOBODY = [
    "Asked about it, officials said nothing.",
    # the only name is the object of a preposition
    "The Observer ran the story. In a statement to the Observer, a senior adviser, who spoke on condition of "
    "anonymity, said the cooperation is strongest when Europe is united.",
    # one of two coordinated names is not the speaker
    "When terrorists are revealed as part of the second front of the radical Islamic terror war, Obama and Clinton "
    'call them "lone wolves."',
    # a description hung as an apposition on a place would be read as the place
    "At the townhall in Ho Chi Minh City, a young woman who had been an exchange student in Montana asked Obama what "
    "he thought of the prospects.",
]


@pytest.mark.parametrize("text", STRANDED_NOBODY)
def test_a_cue_without_a_subject_and_no_name_opening_its_clause_finds_nobody(nlp, text):
    assert claims(nlp, text) == []


def test_a_cue_with_a_subject_keeps_it(nlp):
    assert claims(nlp, "Many said the plan would fail.") == [("Many", "say", "indirect", "the plan would fail")]


# A report told twice, the cue before the quotation and again after it: one row, the quotation, the first
# speaker's.  Without a quotation the inner report stays part of the statement ("Officials said A, he said").
TOLD_TWICE = [
    (
        "Sen. Dianne Feinstein spoke. Asked Tuesday about Sullivan, Feinstein said \"I don't know anything about Jake "
        'Sullivan and the emails," she said.',
        [("Dianne Feinstein", "say", "direct", "I don't know anything about Jake Sullivan and the emails,")],
    ),
    ("Officials said the talks failed, he said.", [("he", "say", "indirect", "Officials said the talks failed")]),
]


@pytest.mark.parametrize("text, expected", TOLD_TWICE)
def test_a_report_told_twice_is_one_row(nlp, text, expected):
    assert claims(nlp, text) == expected


# A short clause opening its sentence and closed by a colon introduces the quotation after it as its subject's
# words, whatever the verb, wherever the parser hung it (it often takes the clause into the quotation).
COLON_CLAUSES = [
    (
        "Officials met on Monday.\n\nClinton shot back at the end of the debate: “I think that is exactly the wrong "
        "answer for this country.”",
        "Clinton",
        "exactly the wrong answer",
    ),
    (
        "Officials met on Monday.\n\nIn a Fox interview later that day, Trump went even further: “If he goes forward "
        "and loses, it's the end of his career.”",
        "Trump",
        "it's the end of his career",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", COLON_CLAUSES)
def test_a_clause_closed_by_a_colon_introduces_the_quotation(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(s == speaker and statement in q for s, _, _, q in found), found


def test_a_long_clause_before_a_colon_introduces_nothing_of_its_own(nlp):
    # two finite verbs before the colon: whose words follow is not the colon's to say
    text = (
        "Officials met on Monday.\n\nHe said the plan failed and she laughed about it at length: “That is simply "
        "not what happened here.”"
    )
    assert all(c != "laugh" for _, c, _, _ in claims(nlp, text))


def test_a_name_closed_by_a_colon_labels_the_quotation(nlp):
    text = (
        "Officials met on Monday.\n\nIndependent pollster Daron Shaw: “The race is tighter than anyone in the "
        "campaign expected it to be.”"
    )
    assert ("Daron Shaw", ":", "direct", "The race is tighter than anyone in the campaign expected it to be.") in [
        (s, c, t, q) for s, c, t, q in claims(nlp, text)
    ]


@pytest.mark.parametrize(
    "text, wrong",
    [
        # the name is not what the label names
        (
            "Officials met on Monday.\n\nSupporters of Hillary Clinton: “We are ready for her, and we have been.”",
            "Clinton",
        ),
    ],
)
def test_a_label_that_is_no_name_labels_nothing(nlp, text, wrong):
    assert all(wrong not in s for s, _, _, _ in claims(nlp, text))


# A gerund cue with no subject of its own, after "by", "after", "before", "in" ... on a verb: the verb's subject
# (the one a passive is about, not its agent) said it.
GERUND_REPORTS = [
    (
        "Trump landed himself in hot water last week by saying that the judge could not be impartial in the case.",
        "Trump",
        "say",
        "the judge could not be impartial in the case",
    ),
    (
        "After initially saying he would not advertise on television in the state, Mr. Sanders took to the airwaves.",
        "Sanders",
        "say",
        "he would not advertise on television",
    ),
    (
        "Sheppard presented a message about healing before explaining why she stands behind Clinton.",
        "Sheppard",
        "explain",
        "why she stands behind Clinton",
    ),
    (
        "The comedian was booed by supporters after telling them that they were being ridiculous.",
        "comedian",
        "tell",
        "they were being ridiculous",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, statement", GERUND_REPORTS)
def test_a_gerund_after_a_preposition_is_said_by_the_verbs_subject(nlp, text, speaker, cue, statement):
    found = claims(nlp, text)
    assert any(speaker in s and c == cue and statement in q for s, c, _, q in found), found


# A reporting participle that modifies a noun (a reduced relative clause) is said by that noun when it can speak; a
# work that is a verb's object, or an occasion after a preposition on a verb, speaks for the verb's subject.
PARTICIPLE_REPORTS = [
    (
        "More than 300,000 people signed a petition calling on the government to ban him from the country.",
        "petition",
        "call",
        "the government to ban him from the country",
    ),
    (
        "Police received several 911 calls saying shots had been fired inside the building.",
        "911 calls",
        "say",
        "shots had been fired inside the building",
    ),
    (
        "The senator issued a statement saying that the bill would hurt working families.",
        "senator",
        "say",
        "the bill would hurt working families",
    ),
    (
        "The mayor spoke at a news conference announcing that the city would sue the state.",
        "mayor",
        "announce",
        "the city would sue the state",
    ),
    ("Most voters said yes, with 40 percent saying she is not prepared for the job.", "40 percent", "say", "prepared"),
]


@pytest.mark.parametrize("text, speaker, cue, statement", PARTICIPLE_REPORTS)
def test_a_participle_on_a_noun_is_said_by_the_noun_or_its_issuer(nlp, text, speaker, cue, statement):
    found = claims(nlp, "Officials met on Monday.\n\n" + text)
    assert any(speaker in s and c == cue and statement in q for s, c, _, q in found), found


# Participles on nouns that cannot speak: no row of the participle's cue.
PARTICIPLES_OF_NOBODY = [
    ("Reporters watched a video of the rally showing the candidate on stage in Ohio.", "show"),
    ("He made the trip hoping that the talks would succeed.", "hope"),
]


@pytest.mark.parametrize("text, cue", PARTICIPLES_OF_NOBODY)
def test_a_participle_on_a_noun_that_cannot_speak_reports_nothing(nlp, text, cue):
    found = claims(nlp, "Officials met on Monday.\n\n" + text)
    assert not any(c == cue for _, c, _, _ in found), found


# Gerunds whose speaker is someone else, or nobody: no row of the gerund's cue.
GERUNDS_OF_OTHERS = [
    ("The senator criticized the governor for saying that the state budget was balanced.", "say"),  # the governor's
    ("She was stopped from saying that the vote had been rigged.", "say"),  # not said
    ("They reminded voters of the state's record in predicting winners.", "predict"),  # on a noun
    ("There is no inconsistency in saying I disagree with the administration.", "say"),  # nobody's
    # the means of a passive are its unnamed agent's, not the subject's
    ("Their hostility is often justified by arguing that Islam is incompatible with liberal values.", "argue"),
]


@pytest.mark.parametrize("text, cue", GERUNDS_OF_OTHERS)
def test_a_gerund_of_another_preposition_or_on_a_noun_is_not_the_subjects(nlp, text, cue):
    assert not any(c == cue for _, c, _, _ in claims(nlp, text)), claims(nlp, text)


# An infinitive of purpose with no subject of its own is said by the subject of the verb it hangs on (or, after a
# verb of sending, by the person sent).
PURPOSE_REPORTS = [
    (
        "Trump took the stage on Tuesday to acknowledge that the race was closer than expected.",
        "Trump",
        "acknowledge",
        "the race was closer than expected",
    ),
    (
        "Mr. Manafort invoked Ronald Reagan's polling deficit in 1980 to claim that the deficiencies were not permanent.",
        "Manafort",
        "claim",
        "the deficiencies were not permanent",
    ),
    ("Sanders went on television to say that the primary had been rigged.", "Sanders", "say", "had been rigged"),
    (
        "The senator delayed the vote in order to argue that the bill needed more work.",
        "senator",
        "argue",
        "the bill needed more work",
    ),
    (
        "Fox News sent a reporter to the streets to ask voters if the primary had been rigged.",
        "reporter",
        "ask",
        "if the primary had been rigged",
    ),
    (
        "The crisis has created a natural opening for the governor to argue that the state needs a new budget.",
        "governor",
        "argue",
        "the state needs a new budget",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, statement", PURPOSE_REPORTS)
def test_an_infinitive_of_purpose_is_said_by_the_verbs_subject(nlp, text, speaker, cue, statement):
    found = claims(nlp, "Officials met on Monday.\n\n" + text)
    assert any(speaker in s and c == cue and statement in q for s, c, _, q in found), found


# Infinitives whose understood subject is not the main verb's subject: the subject never says the cue.
PURPOSES_OF_OTHERS = [
    ("The governor urged the mayor to say that the bill was dead.", "say", "governor"),  # object control
    ("The committee changed the rules in order for members to say what they think.", "say", "committee"),
    ("The mayor announced a plan to say no to the developers.", "say", "mayor"),  # on a noun
    ("The report was released on Monday to argue that the policy had failed.", "argue", "report"),  # passive
    ("The senator sent an aide to the hearing to argue that the rule was illegal.", "argue", "senator"),  # sent
    ("The group has been lobbying other states to declare that the law is void.", "declare", "group"),
    ("Hundreds more showed up to hear the senator address demonstrators at the park.", "hear", "Hundreds"),  # an aim
    # "for X to": X is the infinitive's subject
    (
        "The crisis has created a natural opening for the governor to argue that the state needs a new budget.",
        "argue",
        "crisis",
    ),
]


@pytest.mark.parametrize("text, cue, subject", PURPOSES_OF_OTHERS)
def test_an_infinitive_with_another_understood_subject_is_not_the_subjects(nlp, text, cue, subject):
    found = claims(nlp, "Officials met on Monday.\n\n" + text)
    assert not any(c == cue and subject in s for s, c, _, _ in found), found


# "called on X to Y", "called for X to Y": the one urged opens the statement, and is never the speaker (the parser may
# leave "on" without its object and read the name after it as a second subject).
DIRECTIVES = [
    (
        "On Saturday, Sen. Bernie Sanders (I-Vt.) called on Michigan Gov. Rick Snyder (R) to resign over the crisis.",
        "Bernie Sanders",
        "Rick Snyder (R) to resign over the crisis",
    ),
    (
        "Trump called for a special prosecutor to oversee an investigation into the alleged relationship.",
        "Trump",
        "a special prosecutor to oversee an investigation",
    ),
    (
        "Sen. Bernie Sanders also called upon the U.S. to press China into forcing North Korea to abide by norms.",
        "Bernie Sanders",
        "the U.S. to press China",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", DIRECTIVES)
def test_the_one_urged_opens_the_statement(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(s == speaker and c == "call" and statement in q for s, c, _, q in found), found


def test_a_call_that_is_no_directive_attributes_nothing(nlp):
    assert claims(nlp, "The race was too close to call for much of the night.") == []


# A reporting verb coordinated with a passive one shares its subject, never its agent.
AFTER_A_PASSIVE = [
    (
        "FBI officials were angered by the deal and predicted it would affect the outcome of other cases.",
        "FBI",
        "deal",
    ),
    (
        "Silverman was joined on stage by Sen. Al Franken and joked that the crowd was being ridiculous.",
        "Silverman",
        "Franken",
    ),
    (
        "By the end of the day, Mr. Trump was forced into damage control and said that his words had been misconstrued.",
        "Trump",
        "",
    ),
]


@pytest.mark.parametrize("text, speaker, agent", AFTER_A_PASSIVE)
def test_a_cue_after_a_passive_shares_its_subject(nlp, text, speaker, agent):
    found = [(s, c) for s, c, _, _ in claims(nlp, text) if c not in ("anger", "join", "force")]
    assert any(speaker in s for s, _ in found), found
    assert not agent or not any(agent in s for s, _ in found), found


# A quotation closed by a comma and tagged after an abbreviated rank: the parser may end the sentence at the rank's
# period, and the tag in the next segment is still the quotation's.  (text, speaker, words of the statement)
RANK_AFTER_QUOTATION = [
    (
        "“The house appeared to be open, the garage door had been left open for a couple of days,” Const. Mark Fischer"
        " told Global News Wednesday.",
        "Mark Fischer",
        "the garage door had been left open",
    ),
    (
        "“We are asking anyone with video to come forward,” Supt. Jane Roe told reporters on Monday.",
        "Jane Roe",
        "anyone with video",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", RANK_AFTER_QUOTATION)
def test_a_quotation_tagged_after_a_rank_is_the_named_speakers(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(speaker in s and statement in q for s, _, _, q in found), found


def test_a_rank_closing_a_sentence_after_a_quotation_tags_nothing_else(nlp):
    # a quotation that closes its own sentence with a full stop is not tagged by the next one
    found = claims(nlp, "“We will not stop.” Const. Mark Fischer said police were called at noon.")
    assert not any("We will not stop" in q and "Fischer" in s for s, _, _, q in found), found


# "“A,” added another attendee.": the parser may take the speaker after an inverted verb of saying for its object.
# (text, speaker, words of the statement)
INVERTED_TAG_OBJECTS = [
    (
        "The council met on Monday.\n“More co-operation than ever before. I think that would make a huge"
        " difference,” added another attendee.",
        "another attendee",
        "a huge difference",
    ),
    (
        "“If anyone wonders why the probe is not complete, this report is Exhibit A,” added Gowdy.",
        "Gowdy",
        "Exhibit A",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", INVERTED_TAG_OBJECTS)
def test_an_inverted_tags_object_is_its_speaker(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(speaker in s and statement in q for s, _, _, q in found), found


def test_a_verb_with_more_than_an_object_after_a_quotation_tags_nothing(nlp):
    found = claims(nlp, "The council met on Monday.\n“We need more money,” added weight to the argument.")
    assert not any("weight" in s for s, _, _, _ in found), found


# A second clause's subject the parser coordinated with a noun of the first ("the deaths and police said"): the noun
# right before the subjectless verb is its speaker.  (text, speaker, words of the statement)
CONJOINED_SUBJECTS = [
    (
        "There was no concern for public safety in connection with the deaths and police said the homicide bureau is"
        " not investigating.",
        "police",
        "the homicide bureau is not investigating",
    ),
]


@pytest.mark.parametrize("text, speaker, statement", CONJOINED_SUBJECTS)
def test_a_subject_coordinated_into_the_clause_before_speaks(nlp, text, speaker, statement):
    found = claims(nlp, text)
    assert any(s == speaker and statement in q for s, _, _, q in found), found


def test_a_verb_with_its_own_subject_keeps_it(nlp):
    found = claims(nlp, "The mayor met the deaths' families and the chief said the bureau is not investigating.")
    assert not any(s == "families" for s, _, _, _ in found), found


@pytest.mark.parametrize(
    "text, statement",
    [
        # a dateline's dash, or a hyphen written for one, is no part of the statement
        ("KYIV - Russia launched a drone attack on Kyiv, Ukrainian officials said.", "Russia launched a drone attack"),
        ("KYIV (Reuters) - Russia launched a drone attack on Kyiv, officials said.", "Russia launched a drone attack"),
        (
            "KYIV, Ukraine (AP) — Russia launched a drone attack on Kyiv, officials said.",
            "Russia launched a drone attack",
        ),
        # a hyphen inside the place's name is no dash
        (
            "WILKES-BARRE, Pa. - Russia launched a drone attack on Kyiv, officials said.",
            "Russia launched a drone attack",
        ),
    ],
)
def test_a_dateline_opens_no_statement(nlp, text, statement):
    (found,) = claims(nlp, text)
    assert found[3].startswith(statement), found
