"""Titled names the recognizer took for another kind of entity (issue 16): pure cases on hand-built Docs (a blank
pipeline, no model), the recognizer's entity marked by ``[LABEL: ...]``."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimex.api import extract_text
from claimex.nlp.entities import titled_names

VOCAB = spacy.blank("en").vocab
_MARK = re.compile(r"\[(\w+): ([^\]]+)\]|(\S+)")


def _doc(marked: str) -> Doc:
    words: list[str] = []
    spans = []
    for match in _MARK.finditer(marked):
        label, inside, word = match.groups()
        if word is not None:
            words.append(word)
            continue
        start = len(words)
        words.extend(inside.split())
        spans.append((start, len(words), label))
    doc = Doc(VOCAB, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    return doc


@pytest.mark.parametrize(
    ("marked", "entities"),
    [
        ("[WORK_OF_ART: Ontario Premier Doug Ford] said", [("Ontario", "GPE"), ("Doug Ford", "PERSON")]),
        ("[WORK_OF_ART: B.C. Premier David Eby] said", [("B.C.", "GPE"), ("David Eby", "PERSON")]),
        ("[WORK_OF_ART: Liberal Minister Jenny Kwan] said", [("Liberal", "ORG"), ("Jenny Kwan", "PERSON")]),
        ("[ORG: Private Jet Services] said", [("Private Jet Services", "ORG")]),  # a rank, then a body
        ("[ORG: Spokeswoman Haley Morris] said", [("Haley Morris", "PERSON")]),
        (
            "[WORK_OF_ART: Newfoundland and Labrador Premier Andrew Furey] said",
            [("Newfoundland and Labrador", "GPE"), ("Andrew Furey", "PERSON")],
        ),
        ("The [ORG: Taoiseach] said", []),  # a lone title after "the" names no one
        ("[PERSON: Taoiseach] [PERSON: Enda Kenny] said", [("Enda Kenny", "PERSON")]),  # a title before a name
        ("the [PERSON: Ashton] - under - Lyne MP added", [("Ashton - under - Lyne", "GPE")]),  # a hyphenated town
        # must stay as the recognizer tagged them
        ("[PERSON: Ban Ki] - moon said", [("Ban Ki", "PERSON")]),  # a hyphen inside a name
        ("[PERSON: King] said", [("King", "PERSON")]),  # a surname that is a title word
        ("Mr. [PERSON: King] said", [("King", "PERSON")]),
        ("[WORK_OF_ART: the King James Bible] says", [("the King James Bible", "WORK_OF_ART")]),
        ("[WORK_OF_ART: Manitoba Premier Wab Kinew] said", [("Manitoba Premier Wab Kinew", "WORK_OF_ART")]),
        ("[ORG: Premier Ford] said", [("Premier Ford", "ORG")]),  # one word: a surname or a company
        ("[ORG: Deputy Chief Constable] said", [("Deputy Chief Constable", "ORG")]),
        ("[PERSON: Mayor Greg Stanton] said", [("Mayor Greg Stanton", "PERSON")]),
        ("[ORG: Premier League Football] said", [("Premier League Football", "ORG")]),
    ],
)
def test_titled_names(marked, entities):
    assert [(e.text, e.label_) for e in titled_names(_doc(marked)).ents] == entities


@pytest.mark.parametrize(
    ("marked", "entities"),
    [
        # a place, a title and a name in one PERSON: the person is the words after the title
        ("[PERSON: Manitoba Premier Wab Kinew] said", [("Manitoba", "GPE"), ("Wab Kinew", "PERSON")]),
        # a province or country and a name after "of" or a title, as captions write them
        ("Premier of [PERSON: Manitoba Wab Kinew] ,", [("Manitoba", "GPE"), ("Wab Kinew", "PERSON")]),
        ("Premier of [ORG: Québec François Legault] ,", [("Québec", "GPE"), ("François Legault", "PERSON")]),
        ("Premier of [PERSON: New Brunswick Susan Holt] ,", [("New Brunswick", "GPE"), ("Susan Holt", "PERSON")]),
        # a party's word before a name
        (
            "fellow [PERSON: Conservative Brian Pallister] said",
            [("Conservative", "NORP"), ("Brian Pallister", "PERSON")],
        ),
        ("[PERSON: New Democrat Jenny Kwan] said", [("New Democrat", "NORP"), ("Jenny Kwan", "PERSON")]),
        # a place and the party it possesses
        (
            "by [ORG: Ontario ’s Progressive Conservative] premier",
            [("Ontario", "GPE"), ("Progressive Conservative", "NORP")],
        ),
        ("[PERSON: New Brunswick ’s Conservative] premier", [("New Brunswick", "GPE"), ("Conservative", "NORP")]),
        ("[ORG: McDonald ’s Liberal] wing", [("McDonald ’s Liberal", "ORG")]),  # must stay: no place
        # an office's name is no body
        ("from [ORG: the Minister of Public Safety and Solicitor General] , Mike", []),
        ("[ORG: Ministry of Finance] said", [("Ministry of Finance", "ORG")]),  # must stay: a body
        # a word qualifying the title after a body's name is the title's
        ("[ORG: AFN Regional] Chief Joanna Bernard", [("AFN", "ORG")]),
        ("[PERSON: Nishnawbe Aski Nation Grand] Chief Alvin", [("Nishnawbe Aski Nation", "ORG")]),
        ("[ORG: Republican National] Committee said", [("Republican National", "ORG")]),  # must stay: no title after
        # a province's abbreviation after a town and a comma
        ("in Welland , [PERSON: Ont] . Thursday", [("Ont", "GPE")]),
        ("in Welland , [ORG: Sask.] Thursday", [("Sask.", "GPE")]),
        # must stay as the recognizer tagged them
        ("[PERSON: Premier Wab Kinew] said", [("Premier Wab Kinew", "PERSON")]),  # no qualifier: the resolver's
        ("[PERSON: Georgia Mae Smith] said", [("Georgia Mae Smith", "PERSON")]),  # no "of" or title before it
        ("Premier of [PERSON: Manitoba Kinew] ,", [("Manitoba Kinew", "PERSON")]),  # one word left: no name
        ("[PERSON: Tory Lanez] sang", [("Tory Lanez", "PERSON")]),  # one word after the party's: a given name
        ("[PERSON: Green] said", [("Green", "PERSON")]),
        ("Smith , [PERSON: Mike] . Thursday", [("Mike", "PERSON")]),  # no place's abbreviation
        ("[PERSON: Ont] . Thursday", [("Ont", "PERSON")]),  # no comma after a place
    ],
)
def test_a_persons_name_with_other_words_folded_in(marked, entities):
    assert [(e.text, e.label_) for e in titled_names(_doc(marked)).ents] == entities


@pytest.mark.parametrize(
    ("marked", "entities"),
    [
        (
            "[PERSON: Josée St-Onge] spoke . [WORK_OF_ART: St-Onge] told",
            [("Josée St-Onge", "PERSON"), ("St-Onge", "PERSON")],
        ),
        # must stay as the recognizer tagged them
        (
            "[PERSON: Josée St-Onge] spoke . [WORK_OF_ART: Onge Rising] aired",
            [("Josée St-Onge", "PERSON"), ("Onge Rising", "WORK_OF_ART")],
        ),
        ("[PERSON: Doug Ford] spoke . [ORG: Ford] said", [("Doug Ford", "PERSON"), ("Ford", "ORG")]),  # the resolver's
    ],
)
def test_a_persons_name_taken_for_a_work(marked, entities):
    assert [(e.text, e.label_) for e in titled_names(_doc(marked)).ents] == entities


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will act,” Anita Anand said.", "Anita Anand"),  # a first name of the name data
        ("“We will act,” Jagmeet Singh said. Singh added that the bill would pass.", "Jagmeet Singh"),
        ("“We will act,” Gudie Hutchings said. Hutchings added that the bill would pass.", "Gudie Hutchings"),
    ],
    ids=["first-name", "surname-a-person-alone", "surname-recurring-alone"],
)
@pytest.mark.model
def test_an_untitled_name_after_a_quotation(nlp, text, speaker):
    assert speaker in [r["speaker"] for r in extract_text(text, nlp=nlp)]


@pytest.mark.parametrize(
    ("text", "quote_words", "speaker"),
    [
        (
            "OTTAWA — Jagmeet Singh apologized Friday for a comment. Singh said he felt bad.",
            "he felt bad",
            "Jagmeet Singh",
        ),
        # must stay: the recognizer found the person after the dateline, the title is no name
        ("LOS ANGELES — Actress Rosario Dawson said the campaign would go on.", "the campaign", "Rosario Dawson"),
        ("OTTAWA — Canada Post said the strike would end. The Post said mail would resume.", "strike", "Canada Post"),
    ],
    ids=["a-name-missed-after-a-dateline", "a-title-before-a-name-after-a-dateline", "a-body-after-a-dateline"],
)
@pytest.mark.model
def test_a_name_right_after_a_dateline(nlp, text, quote_words, speaker):
    assert [r["speaker"] for r in extract_text(text, nlp=nlp) if quote_words in r["quote"]] == [speaker]


@pytest.mark.parametrize(
    ("marked", "entities"),
    [
        ("[FAC: Pershing Square] puts limits", [("Pershing Square", "FAC")]),  # a place named after someone
        ("[WORK_OF_ART: The Big Short] was a hit", [("The Big Short", "WORK_OF_ART")]),
        ("[WORK_OF_ART: Zero Hedge] said", [("Zero Hedge", "WORK_OF_ART")]),  # no first name, no surname alone
    ],
)
def test_works_that_stay_works(marked, entities):
    assert [(e.text, e.label_) for e in titled_names(_doc(marked)).ents] == entities


@pytest.mark.parametrize(
    ("text", "quote_words", "speaker"),
    [
        (
            "NEW YORK (AP) -- Curtis McElhinney is getting more comfortable. "
            '"I just feel like I\'m getting better and better," McElhinney said.',
            "getting better",
            "Curtis McElhinney",
        ),
        (  # the recognizer took the first name for a brand and left the surname, another person's too, untagged
            "Donald Trump spoke first. On the last day of the convention, Ivanka Trump strode across the stage. Then "
            "she shattered party norms, pledging that her father would revolutionize support for working mothers.",
            "revolutionize",
            "Ivanka Trump",
        ),
        # must stay: a title before a surname is no first name
        ("Judge Berman said the sentence would stand. Berman said more later.", "the sentence", "Berman"),
    ],
    ids=["a-first-name-the-recognizer-cut-off", "a-first-name-taken-for-a-brand", "a-title-is-no-first-name"],
)
@pytest.mark.model
def test_a_first_name_before_a_one_word_name(nlp, text, quote_words, speaker):
    assert [r["speaker"] for r in extract_text(text, nlp=nlp) if quote_words in r["quote"]] == [speaker]


@pytest.mark.parametrize(
    ("text", "quote_words", "speaker", "speaker_type"),
    [
        # a first name the recognizer does not know, the name described as a person's: a person, whom "he" means
        (
            "Femi Adesina, the president's spokesman, said the workers must be paid. He added that salaries were late.",
            "salaries were late",
            "Femi Adesina",
            "PERSON",
        ),
        (
            "The president's spokesman, Femi Adesina, said the workers must be paid. He added that salaries were late.",
            "salaries were late",
            "Femi Adesina",
            "PERSON",
        ),
        # must stay: a body described as a body
        ("Bear Stearns, the investment bank, said the markets were calm.", "markets", "Bear Stearns", "ORG"),
    ],
    ids=["apposed-after", "apposed-before", "a-body-stays-a-body"],
)
@pytest.mark.model
def test_an_untagged_name_described_as_a_person(nlp, text, quote_words, speaker, speaker_type):
    rows = [r for r in extract_text(text, nlp=nlp) if quote_words in r["quote"]]
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [(speaker, speaker_type)]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a company the recognizer leaves untagged, which the next sentence calls "the company": an organization
        (
            "Pfizer said on Monday that sales had risen. The company said it would hire more workers next year.",
            [("Pfizer", "ORG"), ("Pfizer", "ORG")],
        ),
        (
            "Shopify said on Monday that sales had risen. The firm said it would hire more workers next year.",
            [("Shopify", "ORG"), ("Shopify", "ORG")],
        ),
        # must stay: a person of that name is named; another organization is named between them
        (
            "Ted Rogers founded the firm in 1960. Rogers said on Monday that sales had risen. "
            "The company said it would hire more workers.",
            [("Ted Rogers", "PERSON"), ("company", "OTHER")],
        ),
        (
            "Walmart said on Monday that sales had risen. Amazon also reported results. "
            "The company said it would hire more workers.",
            [("Walmart", "OTHER"), ("Amazon", "ORG"), ("Amazon", "ORG")],
        ),
    ],
    ids=["company", "firm", "a-person-of-that-name", "another-organization-between"],
)
@pytest.mark.model
def test_an_untagged_name_the_article_calls_an_organization(nlp, text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_text(text, nlp=nlp, kinds="all")] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a company the recognizer took for a person, which the next sentence calls a company: an organization
        (
            "Moderna said on Monday that its vaccine was 94 percent effective. "
            "The company said it would seek approval within weeks.",
            [("Moderna", "ORG"), ("Moderna", "ORG")],
        ),
        # must stay a person: a title, "he" next, an organization named just before ("the company" is its)
        (
            "President Xi Jinping said the talks went well. The group said it would meet again.",
            [("Xi Jinping", "PERSON"), ("group", "OTHER")],
        ),
        (
            "Xi Jinping said the talks went well. He added that trade would grow. The group said it would meet again.",
            [("Xi Jinping", "PERSON"), ("Xi Jinping", "PERSON"), ("group", "OTHER")],
        ),
        (
            "Acme Corp. cut 500 jobs on Monday. Johnson said the cuts were painful. "
            "The company said it would hire again next year.",
            [("Johnson", "PERSON"), ("Acme Corp.", "ORG")],
        ),
    ],
    ids=["company", "titled", "he-next", "an-organization-before"],
)
@pytest.mark.model
def test_a_name_tagged_person_the_article_calls_a_company(nlp, text, speakers):
    assert [(r["speaker"], r["speaker_type"]) for r in extract_text(text, nlp=nlp, kinds="all")] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # industry and institution nouns name the body the article named
        ("Pfizer said its vaccine works. The drugmaker said it would ship doses in December.", "Pfizer"),
        ("Walmart cut prices on Monday. The retailer said sales rose 4 percent.", "Walmart"),
        ("The Competition Bureau opened an inquiry. The watchdog said it would report in March.", "Competition Bureau"),
        ("Harvard said it would sue. The university said the rule was unlawful.", "Harvard"),
        (
            "The Gates Foundation gave $50 million. The foundation said the money would go to vaccines.",
            "Gates Foundation",
        ),
        # a company named with a title word in full is no titled person ("General" of "General Motors")
        ("General Motors will close three plants, the company said on Monday.", "General Motors"),
    ],
    ids=["drugmaker", "retailer", "watchdog", "university", "foundation", "general-motors"],
)
@pytest.mark.model
def test_a_body_noun_resolves_to_the_named_body(nlp, text, speaker):
    assert [r["speaker"] for r in extract_text(text, nlp=nlp, kinds="all")][-1] == speaker


@pytest.mark.parametrize(
    ("marked", "entities"),
    [
        # a name cut at its particles: joined, and the surname alone tagged where the article writes it
        (
            "[PERSON: Ursula von der] [GPE: Leyen] arrived . von der [GPE: Leyen] said",
            [("Ursula von der Leyen", "PERSON"), ("von der Leyen", "PERSON")],
        ),
        ("[PERSON: Bill de Blasio] spoke . de Blasio said", [("Bill de Blasio", "PERSON"), ("de Blasio", "PERSON")]),
        ("[PERSON: Bill de Blasio] spoke . De Blasio said", [("Bill de Blasio", "PERSON"), ("De Blasio", "PERSON")]),
        ("[PERSON: Charles] de Gaulle said", [("Charles de Gaulle", "PERSON")]),
        (
            "[PERSON: Charles] de Gaulle said . Mr. de Gaulle",
            [("Charles de Gaulle", "PERSON"), ("de Gaulle", "PERSON")],
        ),
        # must stay as the recognizer tagged them
        ("de Blasio said", []),  # no person named in full: nothing to go by
        ("[GPE: Rio de Janeiro] officials said", [("Rio de Janeiro", "GPE")]),  # a place's particle
        ("[PERSON: Maria] de la mañana", [("Maria", "PERSON")]),  # no capitalized word after the particles
    ],
)
def test_names_with_particles(marked, entities):
    assert [(e.text, e.label_) for e in titled_names(_doc(marked)).ents] == entities


@pytest.mark.model
def test_a_surname_with_particles_is_its_bearer(nlp):
    text = (
        'New York Mayor Bill de Blasio spoke on Monday. "We will not back down," de Blasio said. '
        'Later, Ursula von der Leyen arrived. "Europe is ready," von der Leyen said.'
    )
    assert [r["speaker"] for r in extract_text(text, nlp=nlp)] == ["Bill de Blasio", "Ursula von der Leyen"]
