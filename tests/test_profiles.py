"""Speaker profiles (issue 4): role, organization and country, with the real spaCy model.

Each case is a short article run through the whole pipeline (claimex.extract_text);
the row of the named speaker must carry the expected role, org and country.
Cases marked "nothing" must find no role / org / country where the text gives none.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from claimex.api import extract, extract_text

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


def _row(nlp, text: str, speaker: str) -> dict:
    rows = extract_text(text, nlp=nlp)
    found = [r for r in rows if r["speaker"] == speaker]
    assert found, f"no claim by {speaker!r}: {[(r['speaker'], r['quote']) for r in rows]}"
    return found[0]


PROFILE_CASES = [
    # --- titles before the name
    pytest.param(
        "Foreign Ministry spokeswoman Hua Chunying said on Monday that China is ready to cooperate with Syria.",
        "Hua Chunying",
        "PERSON",
        "Foreign Ministry spokeswoman",
        "Foreign Ministry",
        "",
        id="title-org-no-dateline-no-country",
    ),
    pytest.param(
        "BEIJING (Sputnik) — Foreign Ministry spokeswoman Hua Chunying said on Monday that China is ready "
        "to cooperate with Syria.",
        "Hua Chunying",
        "PERSON",
        "Foreign Ministry spokeswoman",
        "Foreign Ministry",
        "CHN",
        id="government-body-takes-dateline-country",
    ),
    pytest.param(
        "Syrian President Bashar Assad said that the army would win the war.",
        "Bashar Assad",
        "PERSON",
        "President",
        "",
        "SYR",
        id="nationality-adjective-to-country",
    ),
    pytest.param(
        "Chinese Foreign Ministry spokesperson Geng Shuang said that the talks were useful.",
        "Geng Shuang",
        "PERSON",
        "Foreign Ministry spokesperson",
        "Foreign Ministry",
        "CHN",
        id="nationality-dropped-rest-is-role",
    ),
    pytest.param(
        "Russian Foreign Minister Sergei Lavrov said the talks would go on.",
        "Sergei Lavrov",
        "PERSON",
        "Foreign Minister",
        "",
        "RUS",
        id="minister",
    ),
    pytest.param(
        "Iranian Vice-President Eshaq Jahangiri said the sanctions would fail.",
        "Eshaq Jahangiri",
        "PERSON",
        "Vice-President",
        "",
        "IRN",
        id="hyphenated-title-kept",
    ),
    # --- "the spokesperson of the X Name": the article's wording, nationality to the country
    pytest.param(
        "China and Afghanistan have decided to deepen their cooperation.\n\nThis was stated by the spokesperson "
        "of the Chinese Foreign Ministry Geng Shuang at a regular news briefing here on Wednesday.",
        "Geng Shuang",
        "PERSON",
        "spokesperson of the Foreign Ministry",
        "Foreign Ministry",
        "CHN",
        id="role-of-org-keeps-inner-the",
    ),
    # --- appositions
    pytest.param(
        "According to Imad Moustapha, the Syrian ambassador to China, approximately 5,000 Chinese militants "
        "fight in Syria.",
        "Imad Moustapha",
        "PERSON",
        "ambassador to China",
        "",
        "SYR",
        id="apposition-host-country-is-not-the-speakers",
    ),
    pytest.param(
        "According to Imad Moustapha, the Syrian ambassador to\u00a0 China, approximately 5,000 Chinese "
        "militants fight in Syria.",
        "Imad Moustapha",
        "PERSON",
        "ambassador to China",
        "",
        "SYR",
        id="single-spaces-across-odd-whitespace",
    ),
    pytest.param(
        "Meeting with Turkish Deputy Foreign Minister Sedat Önal in Beijing, the Chinese government’s top "
        "diplomat, State Councilor Wang Yi, said that China sets great store on its ties with Turkey.",
        "Wang Yi",
        "PERSON",
        "State Councilor",
        "",
        "CHN",
        id="office-title-over-description-country-from-apposition",
    ),
    pytest.param(
        "The head of the UN agency, Filippo Grandi, said the camps were full.",
        "Filippo Grandi",
        "PERSON",
        "head of the UN agency",
        "UN",
        "",
        id="head-noun-with-org",
    ),
    # --- a person NER folded into an ORG with the end of the title
    pytest.param(
        "Replying to a question, the spokesperson rejected US Secretary of State Pompeo’s statement that "
        "there is any detention camp in Xinjiang.",
        "Pompeo",
        "PERSON",
        "Secretary of State",
        "",
        "USA",
        id="title-folded-into-org-is-a-person",
    ),
    pytest.param(
        "Secretary of State Mike Pompeo visited Berlin.\n\nThe spokesperson rejected US Secretary of State "
        "Pompeo’s statement that there is any detention camp in Xinjiang.",
        "Mike Pompeo",
        "PERSON",
        "Secretary of State",
        "",
        "USA",
        id="title-folded-into-org-takes-fullest-name",
    ),
    # --- countries and organizations as speakers
    pytest.param(
        "Beijing says its de-radicalization efforts in Xinjiang have brought unprecedented stability.",
        "Beijing",
        "GPE",
        "",
        "",
        "CHN",
        id="capital-speaks-for-country",
    ),
    pytest.param(
        "Turkish authorities have claimed that the required action had been undertaken.",
        "Turkish authorities",
        "OTHER",
        "authorities",
        "",
        "TUR",  # the group speaks, not the nationality
        id="nationality-speaker",
    ),
    pytest.param(
        "China has called on Turkey to support its fight against militants, Reuters reported.",
        "Reuters",
        "ORG",
        "",
        "Reuters",
        "",
        id="org-speaker-without-country",
    ),
    pytest.param(
        "According to China's Foreign Ministry, the talks went well.",
        "Foreign Ministry",
        "ORG",
        "",
        "Foreign Ministry",
        "CHN",
        id="org-owner-country",
    ),
    pytest.param(
        "The plan was rejected by China's Foreign Ministry, which said it was illegal.",
        "Foreign Ministry",
        "ORG",
        "",
        "Foreign Ministry",
        "CHN",
        id="org-owner-country-after-preposition",
    ),
    pytest.param(
        "Sen. Lindsey Graham (R-S.C.) said that the plan was bad.",
        "Lindsey Graham",
        "PERSON",
        "Sen.",
        "",
        "USA",
        id="party-and-state-tag-gives-country",
    ),
    pytest.param(
        "Rep. Adam Schiff, D-Calif., said that the plan was bad.",
        "Adam Schiff",
        "PERSON",
        "Rep.",
        "",
        "USA",
        id="party-and-state-tag-between-commas",
    ),
    pytest.param(
        "S.C. Sen. Jane Smith said that the plan was bad.",
        "Jane Smith",
        "PERSON",
        "S.C. Sen.",
        "",
        "USA",
        id="state-abbreviation-in-the-role",
    ),
    # --- must find nothing
    pytest.param(
        "John Smith (D) said that the plan was bad.",
        "John Smith",
        "PERSON",
        "",
        "",
        "",
        id="nothing-a-party-without-a-state-gives-no-country",
    ),
    pytest.param(
        "Supporters have questioned the health of John Smith, who is 70. Smith said the plan would fail.",
        "John Smith",
        "PERSON",
        "",
        "",
        "",
        id="nothing-a-noun-for-no-person-is-no-role",
    ),
    pytest.param(
        "Worries have dogged 68-year-old Jane Smith since March. Smith said the plan would fail.",
        "Jane Smith",
        "PERSON",
        "",
        "",
        "",
        id="nothing-an-age-is-no-role",
    ),
    pytest.param(
        "John Smith said the plan would fail.",
        "John Smith",
        "PERSON",
        "",
        "",
        "",
        id="nothing-bare-name",
    ),
    pytest.param(
        "Mr. Smith said the plan would fail.",
        "Smith",
        "PERSON",
        "",
        "",
        "",
        id="nothing-honorific-is-no-role",
    ),
    pytest.param(
        "Xinjiang governor Shohrat Zakir said the training centers would close soon.",
        "Shohrat Zakir",
        "PERSON",
        "Xinjiang governor",
        "",
        "",
        id="nothing-region-is-no-country",
    ),
    pytest.param(
        "The State Department said the sanctions would stay in place.",
        "State Department",
        "ORG",
        "",
        "State Department",
        "",
        id="nothing-org-starting-with-title-word-stays-org",
    ),
    pytest.param(
        "Larry King said the show would go on.",
        "Larry King",
        "PERSON",
        "",
        "",
        "",
        id="nothing-title-word-inside-a-name",
    ),
    pytest.param(
        "Mike Smith, an aide who accompanied her to Burma in 2011, said the trip went well.",
        "Mike Smith",
        "PERSON",
        "aide",  # the relative clause is not part of the role
        "",
        "",
        id="nothing-country-in-a-clause-is-not-the-speakers",
    ),
    pytest.param(
        "Queen City officials said the curfew would be lifted.",
        "Queen City",
        "GPE",
        "",
        "",
        "",
        id="nothing-place-with-title-word-stays-a-place",
    ),
    pytest.param(
        "Retired Lt. Gen. Michael Flynn said the deal was bad.",
        "Michael Flynn",
        "PERSON",
        "Retired Lt. Gen.",
        "",
        "",
        id="abbreviation-periods-kept",
    ),
    pytest.param(
        "The company's chief executive, Jane Roe, said profits would rise.",
        "Jane Roe",
        "PERSON",
        "chief executive",
        "",
        "",
        id="nothing-no-country-without-support",
    ),
    # --- a place inside a country, in the role (issue 16)
    pytest.param(
        "New York Gov. Andrew Cuomo said the state would reopen.",
        "Andrew Cuomo",
        "PERSON",
        "New York Gov.",
        "",
        "USA",
        id="state-in-the-role",
    ),
    pytest.param(
        "According to Sportsnet's Elliotte Friedman, both sides agreed to a contract.",
        "Elliotte Friedman",
        "PERSON",
        "",
        "Sportsnet",
        "",
        id="an-outlet-owning-a-name-whatever-its-entity-kind",
    ),
    # --- a team's role: the place or name before it is the team, no country
    pytest.param(
        "Toronto manager John Schneider said the team would be fine.",
        "John Schneider",
        "PERSON",
        "Toronto manager",
        "Toronto",
        "",
        id="a-city-before-a-team-role-is-the-team",
    ),
    pytest.param(
        "Maple Leafs head coach Craig Berube said the team would be fine.",
        "Craig Berube",
        "PERSON",
        "Maple Leafs head coach",
        "Maple Leafs",
        "",
        id="a-team-before-a-head-coach",
    ),
    pytest.param(
        "Curt Schilling, a former All-Star pitcher, said the team would be fine.",
        "Curt Schilling",
        "PERSON",
        "former All-Star pitcher",
        "",
        "",
        id="an-award-joined-by-a-hyphen-is-no-team",
    ),
    pytest.param(
        "Ontario Premier Doug Ford said the border should stay closed.",
        "Doug Ford",
        "PERSON",
        "Ontario Premier",
        "",
        "CAN",
        id="province-the-recognizer-missed",
    ),
    pytest.param(
        "A Tokyo-based analyst, Kenji Sato, said the yen would weaken.",
        "Kenji Sato",
        "PERSON",
        "Tokyo-based analyst",  # the place gives the country and stays in the role, joined to "-based"
        "",
        "JPN",
        id="a-place-based-role-keeps-its-place",
    ),
    pytest.param(
        "A U.S.-based analyst, Jane Ruiz, said the yen would weaken.",
        "Jane Ruiz",
        "PERSON",
        "U.S.-based analyst",  # "U.S.-based" is one token: the place before "-based" gives the country
        "",
        "USA",
        id="a-place-with-periods-glued-to-based",
    ),
    # a noun the parser apposed to a name after a fronted preposition is the clause's missing subject, no role
    pytest.param(
        "For Hillary Clinton, Britain's emotionally charged uprising against the European Union is the sort of "
        "victory that she fears. Mrs. Clinton said the vote was a warning.",
        "Hillary Clinton",
        "PERSON",
        "",
        "",
        "",
        id="a-fronted-prepositions-apposition-is-the-missing-subject",
    ),
    pytest.param(
        "According to Jane Ruiz, a professor at Yale, the vote was a warning.",
        "Jane Ruiz",
        "PERSON",
        "professor at Yale",
        "Yale",
        "",
        id="an-apposition-after-a-fronted-preposition-with-a-subject-after-it",
    ),
    pytest.param(
        "At the heart of the trouble, according to Dennis Ross, a former special envoy, was a decision by Mr. Obama.",
        "Dennis Ross",
        "PERSON",
        "former special envoy",
        "",
        "",
        id="an-apposed-person-noun-stays-a-role-before-an-inverted-subject",
    ),
    pytest.param(
        "A web-based analyst, Jane Ruiz, said the yen would weaken.",
        "Jane Ruiz",
        "PERSON",
        "web-based analyst",
        "",
        "",
        id="no-place-before-based",
    ),
    # a hyphenated nationality is the last word's; the first is an origin ("Mexican-American" is American)
    pytest.param(
        "Mexican-American judge Gonzalo Curiel said the case would go to trial.",
        "Gonzalo Curiel",
        "PERSON",
        "judge",
        "",
        "USA",
        id="a-hyphenated-nationality-is-the-last-words",
    ),
    pytest.param(
        "Chinese-Canadian businessman David Wong said the market was cooling.",
        "David Wong",
        "PERSON",
        "businessman",
        "",
        "CAN",
        id="chinese-canadian-is-canadian",
    ),
    # a birthplace is no nationality: it stays in the role and gives no country
    pytest.param(
        "Indian-born economist Raghuram Rajan said rates would fall.",
        "Raghuram Rajan",
        "PERSON",
        "Indian-born economist",
        "",
        "",
        id="a-birthplace-gives-no-country",
    ),
    pytest.param(
        "RCMP Cpl. Jane MacDonald said officers had responded to the protest.",
        "Jane MacDonald",
        "PERSON",
        "RCMP Cpl.",  # "Cpl." one token: spaCy's tokenizer split it and ended the sentence after "Cpl"
        "RCMP",
        "",
        id="an-abbreviated-rank-stays-with-its-name",
    ),
    pytest.param(
        "Det. Sgt. Jane Roe said the case was still open.",
        "Jane Roe",
        "PERSON",
        "Det. Sgt.",
        "",
        "",
        id="two-abbreviated-ranks",
    ),
    pytest.param(
        "Nova Scotia Premier Tim Houston said the tax should pause.",
        "Tim Houston",
        "PERSON",
        "Nova Scotia Premier",
        "",
        "CAN",
        id="province-of-two-words-the-recognizer-took-for-a-name",
    ),
    pytest.param(
        "Saskatchewan Premier Scott Moe said the tax should pause.",
        "Scott Moe",
        "PERSON",
        "Saskatchewan Premier",
        "",
        "CAN",
        id="province-of-one-word-the-recognizer-took-for-a-name",
    ),
    pytest.param(
        "Newfoundland and Labrador Premier Andrew Furey said the tax should pause.",
        "Andrew Furey",
        "PERSON",
        "Labrador Premier",  # the parser hangs "Newfoundland and" elsewhere
        "",
        "CAN",
        id="province-joined-by-and-the-parser-split",
    ),
    pytest.param(
        "Georgia Gov. Brian Kemp said the state would reopen.",
        "Brian Kemp",
        "PERSON",
        "Georgia Gov.",
        "",
        "USA",
        id="a-us-state-with-a-countrys-name-before-a-states-office",
    ),
    pytest.param(
        "New Jersey Gov. Phil Murphy said the bill was modest.",
        "Phil Murphy",
        "PERSON",
        "New Jersey Gov.",
        "",
        "USA",
        id="a-us-state-ending-in-a-countrys-name-is-no-country",
    ),
    pytest.param(
        "A spokesman for the Republican Party of New Mexico, John Smith, said the budget was too large.",
        "John Smith",
        "PERSON",
        "spokesman for the Republican Party of New Mexico",
        "Republican Party of New Mexico",
        "USA",
        id="a-us-state-ending-in-a-countrys-name-inside-a-partys-name",
    ),
    pytest.param(
        "Sen. Raphael Warnock, a Georgia Democrat, said the contrast was sharp.",
        "Raphael Warnock",
        "PERSON",
        "Sen.",
        "",
        "USA",
        id="a-us-state-with-a-countrys-name-before-a-party-word",
    ),
    pytest.param(
        "Republican Gov. Doug Ducey said there had been too much attention on masks.",
        "Doug Ducey",
        "PERSON",
        "Republican Gov.",
        "",
        "USA",
        id="a-us-partys-word-before-a-states-office",
    ),
    pytest.param(
        "Democratic Party leader Yukio Hatoyama said the bill was dead.",
        "Yukio Hatoyama",
        "PERSON",
        "Democratic Party leader",
        "Democratic Party",
        "",
        id="nothing-a-party-word-before-no-us-office-gives-no-country",
    ),
    pytest.param(
        "The Washington Post’s Ishaan Tharoor wrote that the deal was fragile.",
        "Ishaan Tharoor",
        "PERSON",
        "",
        "Washington Post",
        "",
        id="an-outlets-curly-possessive-is-no-part-of-its-name",
    ),
    pytest.param(
        "“It’s unanimous,” councilmember Mark Levine said of the council’s vote.",
        "Mark Levine",
        "PERSON",
        "councilmember",
        "",
        "",
        id="nothing-of-the-quotation-before-a-title-goes-to-the-role",
    ),
    pytest.param(
        "Georgia President Salome Zourabichvili said the talks went well.",
        "Salome Zourabichvili",
        "PERSON",
        "President",
        "",
        "GEO",
        id="the-country-before-an-office-it-has",
    ),
    pytest.param(
        "Houston Mayor Sylvester Turner said the city would reopen.",
        "Sylvester Turner",
        "PERSON",
        "Houston Mayor",
        "",
        "USA",
        id="a-city-before-a-title",
    ),
    pytest.param(
        "Dr. Ahmed Ali, a surgeon at the Turkish Friendship Hospital in Gaza, said supplies had run out.",
        "Ahmed Ali",
        "PERSON",
        "surgeon at the Turkish Friendship Hospital in Gaza",
        "",
        "",
        id="nothing-country-word-in-a-hospitals-name",
    ),
    pytest.param(
        "China’s foreign ministry said the talks went well.",
        "China’s foreign ministry",
        "ORG",
        "",
        "China’s foreign ministry",
        "CHN",
        id="owner-of-a-body-the-recognizer-missed",
    ),
    # --- "of" or "with" a body right after the name
    pytest.param(
        "“This is a correction, not a crash,” said Michael O'Hanlon of the Brookings Institution.",
        "Michael O'Hanlon",
        "PERSON",
        "",
        "Brookings Institution",
        "",
        id="of-a-body-after-the-name",
    ),
    pytest.param(
        "Sgt. Paul Boucher of the Ontario Provincial Police said officers would enforce the rules.",
        "Paul Boucher",
        "PERSON",
        "Sgt.",
        "Ontario Provincial Police",
        "",
        id="of-a-police-force-after-a-ranked-name",
    ),
    pytest.param(
        "John Smith with the Sierra Club said the river was dirty.",
        "John Smith",
        "PERSON",
        "",
        "Sierra Club",
        "",
        id="with-a-body-after-the-name",
    ),
    pytest.param(
        "Laurence Tribe was a mentor to Barack Obama at Harvard Law School. Obama said the court was wrong.",
        "Barack Obama",
        "PERSON",
        "",
        "",
        "",
        id="nothing-a-place-at-which-someone-was",
    ),
    pytest.param(
        "A spokesman for the ACLU, John Doe, said the law was unconstitutional.",
        "John Doe",
        "PERSON",
        "spokesman for the ACLU",
        "ACLU",
        "",
        id="a-name-hung-on-the-body-is-apposed-to-the-role-noun-before-it",
    ),
    pytest.param(
        "NDP MP Charlie Angus (Timmins—James Bay) said the plan was a win for families.",
        "Charlie Angus",
        "PERSON",
        "NDP MP",
        "NDP",
        "CAN",
        id="a-riding-in-parentheses-is-no-role",
    ),
    # --- a portfolio is no organization; a proper name keeps its country word
    pytest.param(
        "A spokesperson for Housing Minister Sean Fraser said the minister would meet with mayors next week.",
        "spokesperson for Housing Minister Sean Fraser",
        "OTHER",
        "spokesperson for Housing Minister Sean Fraser",
        "",
        "",
        id="nothing-a-ministers-portfolio",
    ),
    pytest.param(
        "Treasury Secretary Janet Yellen said the banks were sound.",
        "Janet Yellen",
        "PERSON",
        "Treasury Secretary",
        "",
        "",
        id="nothing-a-secretarys-portfolio",
    ),
    pytest.param(
        "UN Secretary-General António Guterres said the talks would resume.",
        "António Guterres",
        "PERSON",
        "UN Secretary-General",
        "UN",
        "",
        id="a-secretary-general-keeps-the-body",
    ),
    pytest.param(
        "James Pethokoukis of the American Enterprise Institute wrote that taxes were too high.",
        "James Pethokoukis",
        "PERSON",
        "",
        "American Enterprise Institute",
        "",
        id="a-country-word-of-a-proper-name-stays-in-it",
    ),
    pytest.param(
        "The Canadian Federation of Independent Business said small firms were struggling.",
        "Canadian Federation of Independent Business",
        "ORG",
        "",
        "Canadian Federation of Independent Business",
        "",
        id="a-country-word-of-an-organization-speaking-stays-in-its-name",
    ),
    # a possessor after a preposition is the article's wording; one inside a name is part of it
    pytest.param(
        "Mark Zandi, an economist at Moody's Analytics, said the economy was slowing.",
        "Mark Zandi",
        "PERSON",
        "economist at Moody's Analytics",
        "Moody's Analytics",
        "",
        id="a-possessive-inside-a-name-stays",
    ),
    pytest.param(
        "Tad Devine, a strategist for Gore's 2000 presidential campaign, said the race was close.",
        "Tad Devine",
        "PERSON",
        "strategist for Gore's 2000 presidential campaign",
        "",
        "",
        id="a-possessor-after-a-preposition-stays-in-the-role",
    ),
    # --- possessors of a role
    pytest.param(
        "“Everything was discussed,” said Blaine Higgs, New Brunswick’s Conservative premier and the chair of the "
        "meeting from the premiers’ side.",
        "Blaine Higgs",
        "PERSON",
        "New Brunswick’s Conservative premier and chair of the meeting from the premiers’ side",
        "",
        "CAN",
        id="a-province-possessing-the-role-gives-the-country-and-stays-in-it",
    ),
    pytest.param(
        "The one sour note was sounded by Ontario’s Progressive Conservative premier, Doug Ford. “It is wrong,” Ford "
        "said.",
        "Doug Ford",
        "PERSON",
        "Ontario’s Progressive Conservative premier",
        "",
        "CAN",
        id="a-province-and-its-party-are-no-organization",
    ),
    pytest.param(
        "“We lost,” said Mark Penn, a strategist for Clinton's 2008 campaign.",
        "Mark Penn",
        "PERSON",
        "strategist for Clinton's 2008 campaign",
        "",
        "",
        id="a-possessor-inside-a-phrase-of-the-role-stays",
    ),
    pytest.param(
        "“We will talk,” said Wang Yi, the Chinese government’s top diplomat.",
        "Wang Yi",
        "PERSON",
        "top diplomat",
        "",
        "CHN",
        id="nothing-a-possessor-before-the-role-that-is-no-place-goes",
    ),
    pytest.param(
        "The Minister of Finance, Bill Morneau, said the deficit would shrink.",
        "Bill Morneau",
        "PERSON",
        "Minister of Finance",
        "",
        "",
        id="a-capitalized-title-a-name-is-apposed-to",
    ),
    pytest.param(
        "VICTORIA - A statement from the Minister of Public Safety and Solicitor General, Mike Farnworth, says the "
        "allegations are disturbing.",
        "Mike Farnworth",
        "PERSON",
        "Minister of Public Safety and Solicitor General",
        "",
        "",
        id="an-offices-name-is-no-organization",
    ),
    pytest.param(
        "“That was a good speech you gave last night, Mr. President,” Representative Steve Cohen, Democrat of "
        "Tennessee, told Mr. Obama.",
        "Steve Cohen",
        "PERSON",
        "Representative",
        "",
        "USA",
        id="nothing-a-title-the-speaker-addresses-is-not-theirs",
    ),
    pytest.param(
        "BURNABY, B.C. — Cst. Mike Kalanj said officers were called to the home at 2 a.m.",
        "Mike Kalanj",
        "PERSON",
        "Cst.",
        "",
        "CAN",
        id="a-dateline-hung-on-the-name-is-no-role-nor-org-but-a-last-resort-country",
    ),
    pytest.param(
        "Nathaniel Erskine-Smith, the Liberal MP for Beaches—East York, said the bill would pass.",
        "Nathaniel Erskine-Smith",
        "PERSON",
        "Liberal MP for Beaches—East York",
        "",
        "",
        id="a-ridings-dash-joins-its-names",
    ),
    pytest.param(
        "AFN Regional Chief Joanna Bernard said the ministers must answer.",
        "Joanna Bernard",
        "PERSON",
        "AFN Regional Chief",
        "AFN",
        "",
        id="a-word-qualifying-the-title-is-no-part-of-the-body",
    ),
    pytest.param(
        "Premier of Manitoba Wab Kinew, left to right, Prime Minister Mark Carney, Minister of Intergovernmental "
        "Affairs of Canada Dominic LeBlanc, Premier of Québec François Legault, during the meeting.\n"
        "“We will build,” Carney said.",
        "Mark Carney",
        "PERSON",
        "Prime Minister",
        "",
        "CAN",
        id="nothing-a-captions-next-titled-person-describes-no-one-before",
    ),
    pytest.param(
        "“We battled hard,” said Darnell Nurse, a veteran Oilers defenceman.",
        "Darnell Nurse",
        "PERSON",
        "veteran Oilers defenceman",
        "Oilers",
        "",
        id="a-players-position-is-a-role",
    ),
    pytest.param(
        "“We need answers,” said Rachel Notley, the NDP MLA for Edmonton-Strathcona.",
        "Rachel Notley",
        "PERSON",
        "NDP MLA for Edmonton-Strathcona",
        "",
        "CAN",
        id="a-provincial-members-title-is-a-role",
    ),
    pytest.param(
        "Michael Steele, the former head of the Republican National Committee. Steele said the party would split.",
        "Michael Steele",
        "PERSON",
        "former head of the Republican National Committee",
        "Republican National Committee",
        "USA",
        id="nothing-a-period-runs-no-descriptor-on",
    ),
    # --- an organization before the title that the recognizer missed
    pytest.param(
        "(Bloomberg) -- Federal Reserve Chair Jerome Powell said inflation had picked up.",
        "Jerome Powell",
        "PERSON",
        "Federal Reserve Chair",
        "Federal Reserve",
        "",
        id="capitalized-run-ending-in-an-organization-word",
    ),
    pytest.param(
        "The World Health Organization (WHO) held a briefing. “The number of deaths has more than doubled,” said "
        "WHO Director-General Dr Tedros Adhanom Ghebreyesus.",
        "Tedros Adhanom Ghebreyesus",
        "PERSON",
        "WHO Director-General",
        "World Health Organization",
        "",
        id="an-acronym-the-article-spells-out-tagged-as-a-pronoun",
    ),
    pytest.param(
        "Labor Secretary Tom Perez said that jobs grew.",
        "Tom Perez",
        "PERSON",
        "Labor Secretary",
        "",
        "",
        id="nothing-one-capitalized-word-is-a-portfolio",
    ),
    # --- a generic body noun in the role: the organization the story just named as a subject
    pytest.param(
        "Spirit AeroSystems said it is cooperating with investigators. “Spirit is supporting Boeing’s efforts,” "
        "company spokesperson Joe Buccino said in a statement.",
        "Joe Buccino",
        "PERSON",
        "company spokesperson",
        "Spirit AeroSystems",
        "",
        id="company-spokesperson-speaks-for-the-company-just-named-not-one-in-a-quotation",
    ),
    pytest.param(
        "Working America, a labor-affiliated group, found considerable support for Mr. Trump. But Matt Morrison, the "
        "group's deputy director, said that many voters were receptive.",
        "Matt Morrison",
        "PERSON",
        "deputy director",
        "Working America",
        "",
        id="the-groups-director-is-the-group-just-named",
    ),
    pytest.param(
        "Prices rose in May. A company spokesman, Joe Doe, said that the plan was fine.",
        "Joe Doe",
        "PERSON",
        "company spokesman",
        "",
        "",
        id="nothing-no-company-named-before",
    ),
    pytest.param(
        "WHO Director-General Dr Tedros Adhanom Ghebreyesus said that the number of deaths had doubled.",
        "Tedros Adhanom Ghebreyesus",
        "PERSON",
        "WHO Director-General",
        "",
        "",
        id="nothing-an-acronym-the-article-does-not-spell-out",
    ),
    pytest.param(
        "Minister for Health Stephen Donnelly said he would publish the report.",
        "Stephen Donnelly",
        "PERSON",
        "Minister for Health",
        "",
        "",
        id="an-office-and-its-portfolio-before-a-name",
    ),
    pytest.param(
        "Union Minister of State for Tourism G. Kishan Reddy has said that the road would be built.",
        "G. Kishan Reddy",
        "PERSON",
        "Union Minister of State for Tourism",
        "",
        "IND",
        id="an-office-and-its-portfolio-hung-under-the-name",
    ),
    # --- where it was said is no part of the role; when they held it is
    pytest.param(
        "After the meeting, Femi Adesina, Buhari’s spokesman in a statement said the President asked how the "
        "governors sleep.",
        "Femi Adesina",
        "PERSON",
        "spokesman",
        "",
        "",
        id="an-occasion-hung-on-the-role-noun",
    ),
    pytest.param(
        "John Smith, a presenter on BBC Radio, said the talks failed.",
        "John Smith",
        "PERSON",
        "presenter on BBC Radio",
        "BBC Radio",
        "",
        id="a-stations-name-after-on-stays",
    ),
    pytest.param(
        "Tim Pawlenty, a Republican presidential candidate in 2012, said the talks failed.",
        "Tim Pawlenty",
        "PERSON",
        "Republican presidential candidate in 2012",
        "",
        "USA",
        id="a-year-after-in-stays",
    ),
    # --- an office opening the sentence, a comma, the name (the apposition left open)
    pytest.param(
        "Executive Director of the Centre for Democratic Development, Kojo Asante said the vote was free.",
        "Kojo Asante",
        "PERSON",
        "Executive Director of the Centre for Democratic Development",
        "Centre for Democratic Development",
        "",
        id="an-opening-office-and-a-name-the-recognizer-ran-into-it",
    ),
    pytest.param(
        "Minister for Information, Kwame Asante stated that the comment was the official position.",
        "Kwame Asante",
        "PERSON",
        "Minister for Information",
        "",
        "",
        id="an-opening-office-and-an-untagged-name",
    ),
    pytest.param(
        "Deputy Minister for Information, Nana Ama Dokua Asiamah Adjei stated that the comment was the official "
        "position of the government.",
        "Nana Ama Dokua Asiamah Adjei",
        "PERSON",
        "Deputy Minister for Information",
        "",
        "",
        id="an-opening-office-and-a-name-the-parser-split-off",
    ),
    pytest.param(
        "Chief Executive Officer of the Ghana Ports and Harbours Authority, Michael Luguje, said the port would open.",
        "Michael Luguje",
        "PERSON",
        "Chief Executive Officer of the Ghana Ports and Harbours Authority",
        "Ports and Harbours Authority",
        "GHA",
        id="an-opening-office-not-in-the-title-list",
    ),
    pytest.param(
        "Head of the Presidential Secretariat and Cabinet Secretary, Dr. Roger Luncheon has come out in defense of "
        'the minister.\n\n"The Minister says he stands on his word," Dr. Luncheon said.',
        "Roger Luncheon",
        "PERSON",
        "Head of the Presidential Secretariat and Cabinet Secretary",
        "Presidential Secretariat",
        "",
        id="an-opening-office-describes-the-later-speaker",
    ),
    pytest.param(
        "CHICO, Calif. - Bernie Sanders said the crowd was huge.",
        "Bernie Sanders",
        "PERSON",
        "",
        "",
        "USA",
        id="nothing-a-datelines-place-is-no-office",
    ),
    pytest.param(
        "The head of Mercury, Vin Weber, said he would not support the nominee.",
        "Vin Weber",
        "PERSON",
        "head of Mercury",
        "Mercury",
        "",
        id="a-firm-after-a-role-noun-is-no-office",
    ),
    pytest.param(
        "Labour MP David Lammy said the figures were shocking.",
        "David Lammy",
        "PERSON",
        "Labour MP",
        "",
        "",
        id="a-members-title-is-a-role",
    ),
    pytest.param(
        "Taoiseach Enda Kenny said the talks were useful.",
        "Enda Kenny",
        "PERSON",
        "Taoiseach",
        "",
        "IRL",
        id="an-office-only-one-country-has-gives-its-country",
    ),
    pytest.param(
        "Chhattisgarh Chief Minister Bhupesh Baghel said the Centre had failed.",
        "Bhupesh Baghel",
        "PERSON",
        "Chhattisgarh Chief Minister",
        "",
        "IND",
        id="a-state-the-recognizer-took-for-a-body-before-a-title-is-a-place",
    ),
    pytest.param(
        "Labour minister Jane Smith said the plan would work.",
        "Jane Smith",
        "PERSON",
        "Labour minister",
        "Labour",
        "",
        id="an-office-many-countries-have-gives-no-country",
    ),
    pytest.param(  # "Mrs. Clinton" is another Clinton: her description is not his
        "Bill Clinton spoke first. Many voters disliked Mrs. Clinton, the first working mother to serve as first lady. "
        "Bill Clinton said he devoted his candidacy to the middle class.",
        "Bill Clinton",
        "PERSON",
        "",
        "",
        "",
        id="a-surname-after-an-honorific-of-the-other-gender-describes-another-person",
    ),
    pytest.param(  # must stay: the honorific agrees
        "Hillary Clinton spoke first. Mrs. Clinton, the former secretary of state, said the plan would work.",
        "Hillary Clinton",
        "PERSON",
        "former secretary of state",
        "",
        "USA",
        id="a-surname-after-an-honorific-of-the-same-gender-describes-the-person",
    ),
    # --- a country from a party only one country has, or from the country the article is about
    pytest.param(
        "Democratic pollster Celinda Lake said the numbers were soft.",
        "Celinda Lake",
        "PERSON",
        "Democratic pollster",
        "",
        "USA",
        id="a-party-only-one-country-has-gives-its-country",
    ),
    pytest.param(  # must find nothing: Britain and Canada both have Conservatives
        "Conservative Leader Pierre Poilievre said the carbon tax must go.",
        "Pierre Poilievre",
        "PERSON",
        "Conservative Leader",
        "",
        "",
        id="nothing-a-party-several-countries-have",
    ),
    pytest.param(  # a party several countries have, in a story filed from one of their capitals
        "OTTAWA — Conservative Leader Pierre Poilievre said the carbon tax must go.",
        "Pierre Poilievre",
        "PERSON",
        "Conservative Leader",
        "",
        "CAN",
        id="a-party-several-countries-have-in-a-story-about-one",
    ),
    pytest.param(  # must find nothing: the party word is another body's name
        "Simon Rosenberg, president of the New Democrat Network think tank, said it was close.",
        "Simon Rosenberg",
        "PERSON",
        "president of the New Democrat Network think tank",
        "New Democrat Network",
        "",
        id="nothing-a-party-word-in-another-bodys-name",
    ),
    pytest.param(
        "Voters in Iowa and New Hampshire go first. Sen. Ted Cruz said the plan was bad.",
        "Ted Cruz",
        "PERSON",
        "Sen.",
        "",
        "USA",
        id="a-public-office-serves-the-country-whose-states-the-article-names",
    ),
    pytest.param(  # must find nothing: no place tells which country's senate
        "Sen. Ted Cruz said the plan was bad.",
        "Ted Cruz",
        "PERSON",
        "Sen.",
        "",
        "",
        id="nothing-a-public-office-in-an-article-about-no-country",
    ),
    pytest.param(  # must find nothing: states of two countries
        "Trade between Texas and Ontario grew. Sen. Jane Doe said the plan was bad.",
        "Jane Doe",
        "PERSON",
        "Sen.",
        "",
        "",
        id="nothing-a-public-office-in-an-article-about-two-countries",
    ),
    pytest.param(  # must find nothing: an international body's office
        "Voters in Iowa and New Hampshire go first. World Bank President David Malpass said growth would slow.",
        "David Malpass",
        "PERSON",
        "World Bank President",
        "World Bank",
        "",
        id="nothing-an-office-of-a-body-that-is-no-states",
    ),
    pytest.param(  # the dateline's city is a hint that a province named in a role confirms
        "TORONTO — Ontario Premier Doug Ford announced a freeze. Colleges Minister Jill Dunlop said the province "
        "would pay.",
        "Jill Dunlop",
        "PERSON",
        "Colleges Minister",
        "",
        "CAN",
        id="a-datelines-city-and-a-province-named-in-a-role",
    ),
    pytest.param(  # must find nothing: a city many countries have, alone
        "VICTORIA — Colleges Minister Jill Dunlop said the province would pay.",
        "Jill Dunlop",
        "PERSON",
        "Colleges Minister",
        "",
        "",
        id="nothing-a-datelines-city-alone",
    ),
    pytest.param(  # must find nothing: a body's president is no public office
        "Voters in Iowa and New Hampshire go first. The Iowa Council of Universities met. The council's "
        "president, Steve Orsini, said the panel called for more.",
        "Steve Orsini",
        "PERSON",
        "president",
        "Iowa Council of Universities",
        "",
        id="nothing-the-president-of-a-body",
    ),
    pytest.param(
        "PARIS, Texas — Mayor Jane Doe said the town would rebuild.",
        "Jane Doe",
        "PERSON",
        "Mayor",
        "",
        "USA",
        id="a-datelines-state-after-its-city",
    ),
    pytest.param(
        "YANGON, Myanmar — Voters in Rakhine and Shan queued for hours. Secretary of State John Kerry said the vote "
        "was historic.",
        "John Kerry",
        "PERSON",
        "Secretary of State",
        "",
        "USA",
        id="an-office-only-one-country-has-wherever-the-story-is-filed",
    ),
    pytest.param(  # must find nothing of the US: a portfolio follows
        "Secretary of State for Health Jeremy Hunt said the service would cope.",
        "Jeremy Hunt",
        "PERSON",
        "Secretary of State for Health",
        "",
        "",
        id="nothing-of-the-us-a-secretary-of-state-for-a-portfolio",
    ),
    # --- an organization's country from its name or from the country the article is about
    pytest.param(
        "The New York Times reported that the plan would fail.",
        "New York Times",
        "ORG",
        "",
        "New York Times",
        "USA",
        id="a-city-opening-a-bodys-name",
    ),
    pytest.param(
        "Voters in Iowa and New Hampshire go first. The Supreme Court said the law would stand.",
        "Supreme Court",
        "ORG",
        "",
        "Supreme Court",
        "USA",
        id="a-state-body-of-the-country-the-article-is-about",
    ),
    pytest.param(  # must find nothing: no place tells which country's court
        "The Supreme Court said the law would stand.",
        "Supreme Court",
        "ORG",
        "",
        "Supreme Court",
        "",
        id="nothing-a-state-body-in-an-article-about-no-country",
    ),
    pytest.param(  # must find nothing: an international body is no country's
        "Voters in Iowa and New Hampshire go first. The European Commission said the deal would stand.",
        "European Commission",
        "ORG",
        "",
        "European Commission",
        "",
        id="nothing-an-international-body",
    ),
    # --- an organization the descriptor names in short is named as the article names it in full
    pytest.param(
        "The International Monetary Fund cut its global forecast on Tuesday. IMF chief economist Pierre-Olivier "
        "Gourinchas said growth would slow.",
        "Pierre-Olivier Gourinchas",
        "PERSON",
        "IMF chief economist",
        "International Monetary Fund",
        "",
        id="an-acronym-in-the-role-is-the-organization-it-spells",
    ),
    pytest.param(
        "The Council of Ontario Universities said it welcomed the funding. The council's president, Steve Orsini, "
        "said the panel called for more.",
        "Steve Orsini",
        "PERSON",
        "president",
        "Council of Ontario Universities",
        "",
        id="a-body-owning-the-role-is-the-one-the-article-names",
    ),
    pytest.param(
        "Toyota Motor Corp. said on Monday it would recall 1.2 million vehicles. Koji Sato, chief executive of the "
        "automaker, said safety came first.",
        "Koji Sato",
        "PERSON",
        "chief executive of the automaker",
        "Toyota Motor Corp.",
        "",
        id="a-body-the-role-is-of-is-the-company-the-article-names",
    ),
    pytest.param(  # must find nothing: the company is never named
        "Sales rose for a third quarter. The company's chief executive, Albert Bourla, said demand was rising.",
        "Albert Bourla",
        "PERSON",
        "chief executive",
        "",
        "",
        id="nothing-a-body-the-article-never-names",
    ),
    pytest.param(  # must find nothing: a state is no organization
        "Arizona voted for the plan. The state's campaign chairman, Phil Lovas, said he had not seen the letter.",
        "Phil Lovas",
        "PERSON",
        "campaign chairman",
        "",
        "",
        id="nothing-a-place-owning-the-role",
    ),
    pytest.param(  # must stay: "CNN" spells no name the article gives; "CNN International" only holds it
        "The debate aired on CNN International. CNN anchor Jake Tapper said the candidates were ready.",
        "Jake Tapper",
        "PERSON",
        "CNN anchor",
        "CNN",
        "",
        id="an-acronym-a-longer-name-only-holds-stays",
    ),
    pytest.param(  # "Trump" alone is the Trump named in full more often
        "Melania Trump spoke first. Rubio and Cruz are fighting for second place behind winner Trump. Donald Trump won "
        "South Carolina. Donald Trump said it was great. Melania Trump said she was proud. Donald Trump left.",
        "Melania Trump",
        "PERSON",
        "",
        "",
        "",
        id="a-surname-alone-does-not-describe-the-person-named-less-often",
    ),
    pytest.param(  # "Mr. Obama" counts for him: "President Obama" is his title, not Michelle Obama's
        "Barack Obama spoke. President Obama is rolling out a plan. The first lady, Michelle Obama, was there. "
        "Mr. Obama said it was good.",
        "Barack Obama",
        "PERSON",
        "President",
        "",
        "",
        id="a-surname-alone-describes-the-person-an-honorific-calls-by-it",
    ),
]


@pytest.mark.parametrize("text, speaker, kind, role, org, country", PROFILE_CASES)
def test_profile(nlp, text, speaker, kind, role, org, country):
    row = _row(nlp, text, speaker)
    assert (row["speaker_type"], row["speaker_role"], row["speaker_org"], row["speaker_country"]) == (
        kind,
        role,
        org,
        country,
    )


def test_roles_have_single_spaces(nlp):
    text = "According to Imad Moustapha, the Syrian   ambassador to\u00a0\u00a0China, 5,000 militants fight in Syria."
    for row in extract_text(text, nlp=nlp):
        role = row["speaker_role"]
        assert role == " ".join(role.split()), role


# ------------------------------------------------------------ data/raw ("Done when")

DONE_WHEN = [
    ("Geng Shuang", "CHN", "spokesperson of the Foreign Ministry"),
    ("Bashar Assad", "SYR", "President"),
    ("Imad Moustapha", "SYR", "ambassador to China"),
    ("Wang Yi", "CHN", "State Councilor"),
    ("Sedat Önal", "TUR", "Deputy Foreign Minister"),
    ("Hua Chunying", "CHN", "Foreign Ministry spokeswoman"),
]


@pytest.fixture(scope="module")
def raw(nlp):
    return extract([RAW], nlp=nlp)


@pytest.mark.parametrize("speaker, country, role", DONE_WHEN)
def test_raw_speakers(raw, speaker, country, role):
    rows = raw[raw.speaker == speaker]
    assert len(rows), speaker
    assert set(rows.speaker_country) == {country}
    assert set(rows.speaker_role) == {role}


def test_raw_pompeo_is_a_person(raw):
    rows = raw[raw.speaker_mention.str.contains("Pompeo", regex=False)]
    assert len(rows)
    assert set(rows.speaker) == {"Pompeo"}
    assert set(rows.speaker_type) == {"PERSON"}
    assert set(rows.speaker_role) == {"Secretary of State"}
    assert set(rows.speaker_country) == {"USA"}


def test_raw_hua_said_monday(raw):
    hua = raw[(raw.speaker == "Hua Chunying") & (raw.said_on_text.str.contains("Monday"))]
    assert len(hua) >= 1
    assert set(hua.said_on) == {pd.Timestamp("2017-03-13")}
    assert set(hua.published) == {pd.Timestamp("2017-03-13")}


@pytest.mark.parametrize("doc_id", ["000_828e557ba36757b1.txt", "004_db2cb2ddc648b9a8.txt"])
def test_raw_undated_articles_get_no_year(raw, doc_id):
    rows = raw[raw.doc_id == doc_id]
    assert len(rows)
    assert rows.published.isna().all()
    assert rows.said_on.isna().all()


def test_raw_reference_date_dates_the_dateline(nlp):
    frame = extract([RAW / "000_828e557ba36757b1.txt"], nlp=nlp, reference_date=date(2020, 12, 31))
    # The latest November 6 on or before the reference that was a Wednesday ("here on Wednesday").
    assert set(frame.published) == {pd.Timestamp("2019-11-06")}
    undated = extract([RAW / "004_db2cb2ddc648b9a8.txt"], nlp=nlp, reference_date=date(2020, 12, 31))
    assert undated.published.isna().all()  # no dateline: the reference is not a publication date
