"""The row columns beside speaker and statement: ``said_on_text``, ``countries`` and ``orgs`` of real claims."""

from __future__ import annotations

import pytest

from claimex.api import ClaimExtractor


@pytest.fixture(scope="module")
def extractor(nlp):
    return ClaimExtractor(nlp)


def _row(extractor: ClaimExtractor, text: str) -> dict:
    (row,) = extractor.rows(text, published="2024-02-21")
    return row


@pytest.mark.parametrize(
    "text, said_on_text",
    [
        ("Mayor Jane Brown said on Monday that the plan would fail.", "on Monday"),
        ("Mayor Jane Brown said Tuesday that the plan would fail.", "Tuesday"),
        ("Mayor Jane Brown said over the weekend that the plan would fail.", "over the weekend"),
        ("The minister said in Tuesday's budget update that taxes would rise.", "Tuesday"),
        ("During a May interview on CNBC, Mayor Jane Brown said that the plan would fail.", "May"),
        ("The council on Friday passed the budget and said that taxes would rise.", "on Friday"),
        # must give nothing: a span or another event is not the day it was said
        ("Mayor Jane Brown has said for years that the plan would fail.", ""),
        ("Mayor Jane Brown has said since 2009 that the plan would fail.", ""),
        ("Mayor Jane Brown said that the plan would fail.", ""),
        ("The minister said in the budget update that taxes would rise.", ""),
        ("Mayor Jane Brown resigned in 2015 and now says that the plan failed.", ""),  # another tense
        ("Over one 12-year stretch in the House, Mayor Jane Brown said that it worked.", ""),  # a duration
        ("NBC aired the video Friday, and Mayor Jane Brown said that the plan would fail.", ""),  # another subject
    ],
)
def test_said_on_text(extractor: ClaimExtractor, text: str, said_on_text: str) -> None:
    assert _row(extractor, text)["said_on_text"] == said_on_text


@pytest.mark.parametrize(
    "text, countries",
    [
        ("“The French government is wrong,” Premier Jane Brown said.", ["FRA"]),
        ("“Russian and Chinese hackers attacked us,” Premier Jane Brown said.", ["CHN", "RUS"]),
        ("“The U.S. will not punish Canada,” Premier Jane Brown said.", ["CAN", "USA"]),
        ("“People were against Northern Europeans or the Chinese,” Premier Jane Brown said.", ["CHN"]),
        ("“They claim the right to be called German,” Premier Jane Brown said.", ["DEU"]),
        # must give nothing: a language, a province's people
        ("“I am responsible to protect French, to protect our values,” Premier Jane Brown said.", []),
        ("“Our people speak English and French at home,” Premier Jane Brown said.", []),
        ("“All British Columbians are angry,” Premier Jane Brown said.", []),
    ],
)
def test_countries(extractor: ClaimExtractor, text: str, countries: list[str]) -> None:
    assert _row(extractor, text)["countries"] == countries


@pytest.mark.parametrize(
    "text, orgs",
    [
        ("“The Toronto Blue Jays' season is over,” Premier Jane Brown said.", ["Toronto Blue Jays"]),
        ("“The RCMP will investigate the leaks,” Premier Jane Brown said.", ["RCMP"]),
        # a headline the recognizer takes whole is no fuller name of the body
        (
            "Ottawa news\n\nCBC Exec Targets Opposition\nCBC President Catherine Tait said the CBC is a pillar of "
            "democracy.\n",
            ["CBC"],
        ),
        # must give nothing: an adjective, a disease, a law, a capital, a person
        ("“An Indigenous teen was hurt,” Premier Jane Brown said.", []),
        ("“COVID-19 cases are rising,” Premier Jane Brown said.", []),
        ("“The Youth Criminal Justice Act is too weak,” Premier Jane Brown said.", []),
        ("“Ottawa's approach is wrong,” Premier Jane Brown said.", []),
        ("Premier Mark Carney met them. “The deal is dead, Carney said, and we move on,” a source said.", []),
    ],
)
def test_orgs(extractor: ClaimExtractor, text: str, orgs: list[str]) -> None:
    assert _row(extractor, text)["orgs"] == orgs


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "role", "org"),
    [
        (
            "The chief executive of Acme Corp said profits would fall this year.",
            "chief executive of Acme Corp",
            "Acme Corp",
        ),
        ("A spokeswoman for YouTube said the video had been removed.", "spokeswoman for YouTube", "YouTube"),
        # a document is no holder of a role: its "of" phrase says nothing of one
        ("Early results of the exit poll by Edison Research show that voters were angry.", "", ""),
    ],
)
def test_a_descriptions_body_phrase_gives_its_organization(nlp, text, role, org):
    from claimex.api import extract_text

    (row,) = extract_text(text, nlp=nlp, kinds="all")
    assert (row["speaker_role"], row["speaker_org"]) == (role, org)
