"""Country normalization: names, short forms, demonyms, capitals -> ISO alpha-3."""

from __future__ import annotations

import time
from pathlib import Path

import pycountry
import pytest

from claimex.normalize import ADJECTIVE_FORMS, countries_in, country_code, is_demonym
from claimex.normalize import countries as C

ALIASES = Path(C.__file__).resolve().parent.parent / "data" / "country_aliases.tsv"

# Sovereign states that are UN members = ISO 3166-1 minus these territories,
# observers and other non-members.
NON_UN = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM "
    "HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PSE PYF REU SGS SHN SJM SPM SXM "
    "TCA TKL TWN UMI VAT VGB VIR WLF".split()
)
UN_MEMBERS = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in NON_UN)
# UN members without a demonym of their own in the table (documented in its header).
NO_OWN_DEMONYM = {"COG", "DMA"}


@pytest.mark.parametrize(
    "name, code",
    [
        # pycountry names, official and common names
        ("Syria", "SYR"),
        ("Syrian Arab Republic", "SYR"),
        ("China", "CHN"),
        ("People's Republic of China", "CHN"),
        ("People’s Republic of China", "CHN"),
        ("Afghanistan", "AFG"),
        ("Iran", "IRN"),
        ("Islamic Republic of Iran", "IRN"),
        ("South Korea", "KOR"),
        ("Republic of Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo", "COG"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("St. Lucia", "LCA"),
        ("Saint Lucia", "LCA"),
        ("British Virgin Islands", "VGB"),
        ("Holy See", "VAT"),
        ("Taiwan", "TWN"),
        ("Hong Kong", "HKG"),
        ("Vietnam", "VNM"),
        ("Russian Federation", "RUS"),
        # short forms
        ("US", "USA"),
        ("U.S.", "USA"),
        ("U.S", "USA"),
        ("U.S.A.", "USA"),
        ("USA", "USA"),
        ("United States", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("Russia", "RUS"),
        ("Turkey", "TUR"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("DRC", "COD"),
        ("UAE", "ARE"),
        # demonyms / nationality adjectives
        ("Syrian", "SYR"),
        ("Syrians", "SYR"),
        ("Chinese", "CHN"),
        ("Turkish", "TUR"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Afghan", "AFG"),
        ("Pakistani", "PAK"),
        ("Pakistanis", "PAK"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("South African", "ZAF"),
        ("South Sudanese", "SSD"),
        ("Sudanese", "SDN"),
        ("Saudi", "SAU"),
        ("Emirati", "ARE"),
        ("Dutch", "NLD"),
        ("Swiss", "CHE"),
        ("Filipino", "PHL"),
        ("Czechs", "CZE"),
        # capitals standing for governments
        ("Beijing", "CHN"),
        ("Washington", "USA"),
        ("Washington, D.C.", "USA"),
        ("Moscow", "RUS"),
        ("Ankara", "TUR"),
        ("Damascus", "SYR"),
        ("Kabul", "AFG"),
        ("Islamabad", "PAK"),
        ("Tehran", "IRN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("New Delhi", "IND"),
        ("Taipei", "TWN"),
        # ambiguous names map to the country (documented limit)
        ("Georgia", "GEO"),
        ("Jordan", "JOR"),
        ("Chad", "TCD"),
        # clean-up: possessives, ALL CAPS, spaces
        ("China's", "CHN"),
        ("China’s", "CHN"),
        ("SYRIA", "SYR"),
        ("BEIJING", "CHN"),
        ("  Syria ", "SYR"),
    ],
)
def test_country_code(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    "name",
    [
        "",
        "Xinjiang",
        "Texas",
        "Crimea",
        "Homs",
        "Scotland",
        "Önal",
        "us",  # the pronoun
        "syria",  # case-sensitive
        "Uighur",
        "Muslim",
        "Turkic",
        "Korean",  # North or South?
        "Korea",
        "Kurdish",
        "Washington Post",
        "New Mexico",
        "Latin American",
        "East Turkestan",
        "Frankfurt am Main",
        "Male",  # capital of the Maldives, and an English word
        "Chinese Foreign Ministry",  # country_code wants a name; countries_in scans
    ],
)
def test_country_code_not_a_country(name: str) -> None:
    assert country_code(name) == ""


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Chinese Foreign Ministry", ["CHN"]),
        ("Xinjiang", []),
        ("Turkish-Syrian border", ["SYR", "TUR"]),
        ("U.S.", ["USA"]),
        ("the U.S.-led coalition and US troops", ["USA"]),
        ("Uighur", []),
        ("Muslim", []),
        ("a Turkic, mostly Muslim, people in Xinjiang", []),
        ("He told us about it", []),
        ("China and Afghanistan have decided", ["AFG", "CHN"]),
        ("China-Afghanistan inter-departmental mechanism", ["AFG", "CHN"]),
        ("Afghanistan and Pakistan", ["AFG", "PAK"]),
        ("threaten China’s security interests, and those of Turkey and Syria", ["CHN", "SYR", "TUR"]),
        ("Meeting with Turkish Deputy Foreign Minister Sedat Önal in Beijing", ["CHN", "TUR"]),
        ("BEIJING, November 6 (INP):", ["CHN"]),
        ("Papua New Guinea and Guinea-Bissau", ["GNB", "PNG"]),
        ("Sudanese and South Sudanese officials", ["SDN", "SSD"]),
        ("New Jersey, New Mexico and the Washington Post", []),
        ("Latin American leaders in the South China Sea", []),
        ("anti-American protests", ["USA"]),
        ("Syrians fled to Lebanon", ["LBN", "SYR"]),
        ("", []),
    ],
)
def test_countries_in_text(text: str, codes: list[str]) -> None:
    assert countries_in(text) == codes


def test_countries_in_with_entities() -> None:
    text = "Jordan Smith of the Chinese Foreign Ministry said Turkish-Syrian ties matter to Washington."
    entities = [
        ("Jordan Smith", "PERSON"),
        ("the Chinese Foreign Ministry", "ORG"),
        ("Turkish", "NORP"),
        ("Washington", "GPE"),
        ("Xinjiang", "GPE"),
        ("Uighur", "NORP"),
    ]
    # Jordan is a PERSON here; Syrian is found by the demonym scan.
    assert countries_in(text, entities) == ["CHN", "SYR", "TUR", "USA"]
    assert countries_in("Xinjiang", [("Xinjiang", "GPE")]) == []
    # With entities, bare names in the text count only through the entities.
    assert countries_in("Jordan said so.", [("Jordan", "PERSON")]) == []
    assert countries_in("Jordan said so.", []) == []
    assert countries_in("Jordan said so.") == ["JOR"]
    # ...but short forms and demonyms in the text are always scanned.
    assert countries_in("U.S. and Syrian officials", []) == ["SYR", "USA"]


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Syrian", True),
        ("Syrians", True),
        ("Chinese", True),
        ("Turkish", True),
        ("Afghan", True),
        ("Syria", False),
        ("Beijing", False),
        ("Uighur", False),
        ("Muslim", False),
        ("syrian", False),
        ("", False),
    ],
)
def test_is_demonym(word: str, expected: bool) -> None:
    assert is_demonym(word) is expected


def test_adjective_forms() -> None:
    assert {"Syrian", "Chinese", "Turkish", "American", "British", "Afghan", "Pakistani"} <= ADJECTIVE_FORMS
    assert "Syrians" not in ADJECTIVE_FORMS  # plurals: ask is_demonym
    assert all(is_demonym(w) for w in ADJECTIVE_FORMS)


def _table_rows() -> list[list[str]]:
    lines = ALIASES.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "rovenance" in "\n".join(line for line in lines if line.startswith("#"))
    body = [line for line in lines if line and not line.startswith("#")]
    assert body[0] == "alias\talpha3\tkind"
    return [line.split("\t") for line in body[1:]]


def test_alias_table_well_formed() -> None:
    rows = _table_rows()
    codes = {c.alpha_3 for c in pycountry.countries}
    aliases = [r[0] for r in rows]
    assert all(len(r) == 3 for r in rows)
    assert aliases == sorted(aliases, key=lambda a: (a.casefold(), a)), "table must stay sorted"
    assert len(aliases) == len(set(aliases)), "duplicate alias"
    for alias, alpha3, kind in rows:
        assert alias == alias.strip() and alias
        assert kind in {"demonym", "short", "capital", "name", "stop"}
        assert (alpha3 == "-") == (kind == "stop"), alias
        assert alpha3 == "-" or alpha3 in codes, alias


def test_every_un_member_has_a_demonym_and_a_capital_or_name() -> None:
    rows = _table_rows()
    with_demonym = {a3 for _, a3, kind in rows if kind == "demonym"}
    missing = set(UN_MEMBERS) - with_demonym - NO_OWN_DEMONYM
    assert len(UN_MEMBERS) == 193
    assert not missing, sorted(missing)
    # and every UN member's pycountry name resolves to it
    for c in pycountry.countries:
        if c.alpha_3 in UN_MEMBERS:
            assert country_code(c.name) == c.alpha_3, c.name


def test_scan_is_fast() -> None:
    countries_in("warm up")
    text = (
        "Foreign Ministry spokeswoman Hua Chunying said Monday that China is ready to reinforce "
        "anti-terrorist cooperation with Syria, Turkey and several other countries. "
    ) * 500
    start = time.perf_counter()
    assert countries_in(text) == ["CHN", "SYR", "TUR"]
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("All British Columbians are angry", "British", True),
        ("He lives in New Mexico now", "Mexico", True),
        ("West Papuans marched", "West", True),
        # must be False: the word names the country there
        ("All British troops left", "British", False),
        ("He lives in Mexico now", "Mexico", False),
        ("British Columbia", "Columbia", True),
    ],
)
def test_in_stop_phrase(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert C.in_stop_phrase(text, start, start + len(word)) is expected
