"""Cleaning: each paragraph's kind, table-driven (only body paragraphs can hold claims)."""

import pytest

from claimex.nlp.cleaning import (
    BODY,
    BOILERPLATE,
    CAPTION,
    HEADER,
    HEADLINE,
    TITLE,
    classify,
    classify_paragraphs,
    opening_title,
    sentence_case,
)

LONG_CUT_OFF = " ".join(["The minister said the economy grew by three percent in the last quarter"] * 6)


@pytest.mark.parametrize(
    "paragraph, kind",
    [
        ("Must read", BOILERPLATE),
        ("Share this article", BOILERPLATE),
        ("Liked it? Take a second to support us on Patreon!", BOILERPLATE),
        ("Photo: Crowds gather outside the stadium", BOILERPLATE),
        ("-3 °C", BOILERPLATE),
        ("date 2017-03-13 Register 14:23 GMT +3", HEADER),
        ("China Urges Turkey To Back Fight Against Militants", HEADLINE),
        ("Foreign ministers meet in Ankara on Monday", HEADLINE),  # a caption: no sentence ends
        ("Foreign Ministry spokesperson Hua Chunying said China opposes the plan.", BODY),
        ("“Our town deserves better leaders than these two.” ― Maria Lopez", BODY),  # a signed quotation
        (LONG_CUT_OFF, BODY),
        ("He said:", BODY),  # introduces the quotation in the next paragraph
        ("Tags:", BOILERPLATE),
        # the publication's note on the article; an update in a live report is news
        ("Editor\u2019s note: Donald Trump is a serial liar who has pledged to ban all Muslims.", BOILERPLATE),
        ("Correction: An earlier version of this article misstated the date of the vote.", BOILERPLATE),
        ("CLARIFICATION: The first sentence has been clarified.", BOILERPLATE),
        ("UPDATE: The White House said on Tuesday that the talks would resume.", BODY),
        ("Correctional officers said the jail was full.", BODY),
        # a photo caption ends with the photo's credit, however long and however many sentences it holds
        (
            "Ontario Premier Doug Ford is swarmed by the media as they ask him about the resignation, in Toronto,"
            " Monday, Dec. 16, 2024. Ford says the premiers are united. THE CANADIAN PRESS/Nathan Denette",
            CAPTION,
        ),
        ("The CBC building is seen on Jan. 28, 2021 in Montreal. Ryan Remiorz/The Canadian Press files", CAPTION),
        ("Premier David Eby in Ottawa to discuss wildfires (Photo: THE CANADIAN PRESS/Chad Hipolito)", CAPTION),
        ("Trump speaks at a rally in Ohio on Monday. (AP Photo/Evan Vucci)", CAPTION),
        # ... not a sentence that names an agency, nor a credit opening a paragraph of prose
        ("He said the plan, first reported by The Canadian Press, would fail.", BODY),
        ("He said the figures came from Reuters/AP.", BODY),
        ("(File/Getty Images - image credit) Connor McDavid says the games have been low scoring.", BODY),
    ],
)
def test_classify(paragraph, kind):
    assert classify(paragraph) == kind


def test_paragraphs_cover_the_text_with_offsets():
    text = "Must read\n\nHua Chunying said China opposes the plan.\n"
    paragraphs = classify_paragraphs(text)
    assert [(text[p.start : p.end], p.kind) for p in paragraphs] == [
        ("Must read", BOILERPLATE),
        ("Hua Chunying said China opposes the plan.", BODY),
    ]


@pytest.mark.parametrize(
    "text, kinds",
    [
        # the headline the text opens with is its title; a headline further down is not
        (
            "Pence Says Flowers Won't Attend\n\nMike Pence said so.\n\nRelated Story Headline Here\n",
            [TITLE, BODY, HEADLINE],
        ),
        ("  \n\nTrump Urges Supporters To Vote\n\nHe spoke on Monday.", [TITLE, BODY]),
        # an opening caption, widget or date is no title, and nor is a headline after it
        ("17.5 C\n\nChina Seeks Turkey's Support\n\nChina has asked Turkey for help.", [BOILERPLATE, HEADLINE, BODY]),
        ("13 March 2017\n\nChina Ready to Cooperate\n\nThe ministry said so.", [HEADER, HEADLINE, BODY]),
        ("Hua Chunying said China opposes the plan.\n\nChina Opposes The Plan\n", [BODY, HEADLINE]),
        ("", []),
    ],
)
def test_the_opening_headline_is_the_title(text, kinds):
    assert [p.kind for p in classify_paragraphs(text)] == kinds
    title = next(((p.start, p.end) for p in classify_paragraphs(text) if p.kind == TITLE), None)
    assert opening_title(text) == title


@pytest.mark.parametrize(
    "text, pieces",
    [
        # a scraper's date stamp opening a line of the page: the stamp is a header, the rest its own paragraph
        (
            " date 2023-01-02 KYIV, Ukraine (AP) — Officials say drones attacked the city.",
            [("date 2023-01-02", HEADER), ("KYIV, Ukraine (AP) — Officials say drones attacked the city.", BODY)],
        ),
        # the rest, a headline, is the title
        (
            "date 2024-12-06 Gaza ceasefire talks resume, Hamas says\n\nA Hamas official said so.",
            [
                ("date 2024-12-06", HEADER),
                ("Gaza ceasefire talks resume, Hamas says", TITLE),
                ("A Hamas official said so.", BODY),
            ],
        ),
        # a stamp followed by a word or two stays one header; a stamp further down is no title's
        (
            " date 2017-03-13 Register\nThe ministry said so.",
            [("date 2017-03-13 Register", HEADER), ("The ministry said so.", BODY)],
        ),
        (
            "The ministry said so.\ndate 2019-05-12 Four ships were hit, officials said.",
            [
                ("The ministry said so.", BODY),
                ("date 2019-05-12", HEADER),
                ("Four ships were hit, officials said.", BODY),
            ],
        ),
        # "date" opening prose without a stamp is prose
        ("Date rape drugs are banned, the minister said.", [("Date rape drugs are banned, the minister said.", BODY)]),
    ],
)
def test_a_date_stamp_opening_a_line_is_cut_from_its_words(text, pieces):
    paragraphs = classify_paragraphs(text)
    assert [(text[p.start : p.end], p.kind) for p in paragraphs] == pieces
    title = next(((p.start, p.end) for p in paragraphs if p.kind == TITLE), None)
    assert opening_title(text) == title


@pytest.mark.parametrize(
    "text, kinds",
    [
        # a transcript's turn of names is a turn, quoted or not
        (
            'Partial transcript:\n\n"WALLACE: Governor, I have to ask.\n\n"PENCE: And That’s Why Donald Trump Wins The House.',
            [BODY, BODY, BODY],
        ),
        ("WALLACE: I have to ask.\n\nMR. PENCE: Donald Trump Will Take The White House.", [BODY, BODY]),
        # one labelled line is no transcript; a label in title case is not a transcript's; no sentence, no turn
        ("Intro line here.\n\nPENCE: Donald Trump Will Take The White House.", [BODY, HEADLINE]),
        (
            "The debate went on.\n\nPence: Donald Trump Will Win.\n\nKaine: Hillary Clinton Will Win.",
            [BODY, HEADLINE, HEADLINE],
        ),
        ("The debate went on.\n\nPENCE: I won.\n\nKAINE: Hillary Clinton Wins Virginia Again", [BODY, BODY, HEADLINE]),
    ],
)
def test_a_transcripts_turn_is_no_headline(text, kinds):
    assert [p.kind for p in classify_paragraphs(text)] == kinds


BODY_TEXT = (
    "Mike Pence said on Sunday that Gennifer Flowers would not be at the debate. The Clinton camp says "
    "it was a stunt, and Trump was mocking the camp, a FBI agent says. A reporter asked about it."
)


@pytest.mark.parametrize(
    "title, expected",
    [
        # words the body writes in lower case, or never writes, are lowered; names keep their capitals
        ("Pence Says Flowers Won't Be at Debate", "Pence says Flowers won't be at debate"),
        ("Trump Was ‘Mocking’ Clinton Camp", "Trump was ‘mocking’ Clinton camp"),
        # the first word, "I" and words in capitals stay
        ("Debate Is Off, I Hear, FBI Says", "Debate is off, I hear, FBI says"),
        # nothing to lower
        ("Pence and Flowers", "Pence and Flowers"),
        # a capital whose lower case is two characters stays, so offsets hold
        ("Mayor Of İstanbul Says Talks Resume", "Mayor of İstanbul says talks resume"),
        # in sentence case already: names the body never uses keep their capitals
        ("Donald Trump spoke in Ohio on Monday", "Donald Trump spoke in Ohio on Monday"),
        ("", ""),
    ],
)
def test_sentence_case_lowers_headline_capitals_by_the_bodys_evidence(title, expected):
    assert sentence_case(title, BODY_TEXT) == expected
    assert len(sentence_case(title, BODY_TEXT)) == len(title)


def test_sentence_case_counts_no_sentence_opening_capital_as_a_name():
    # "Debate" only opens sentences in the body, "debate" runs in it: a common word
    body = "Debate starts at nine. The debate will be long.\nDebate rules are strict."
    assert sentence_case("Pence Skips Debate", body) == "Pence skips debate"
