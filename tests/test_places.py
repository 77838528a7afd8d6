"""Places inside a country -> its ISO alpha-3 code (claimex.normalize.places)."""

from __future__ import annotations

import pytest

from claimex.normalize.places import place_country, region_country


@pytest.mark.parametrize(
    "name, code",
    [
        ("Ontario", "CAN"),  # a province (pycountry)
        ("New York", "USA"),  # a state
        ("Tokyo", "JPN"),  # a city (GeoNames)
        ("Portland", "USA"),  # not Jamaica's parish: only federal countries' regions are known by name
        ("Syria", "SYR"),  # a country is a country
        ("Beijing", "CHN"),  # a capital
        ("Punjab", ""),  # two countries' regions: ambiguous
        ("Calif.", "USA"),  # a state's AP abbreviation
        ("S.C.", "USA"),
        ("B.C.", "CAN"),  # a province's Canadian Press abbreviation
        ("Miss.", ""),  # an honorific before it is Mississippi
        ("Springfield Gardens", ""),  # unknown
        ("", ""),
    ],
)
def test_place_country(name, code):
    assert place_country(name) == code


@pytest.mark.parametrize(
    "name, code",
    [
        ("Saskatchewan", "CAN"),
        ("Nova Scotia", "CAN"),
        ("Québec", "CAN"),  # the accented spelling of ISO's "Quebec"
        ("Karnataka", "IND"),  # ISO's "Karnātaka" without its diacritic
        ("Tamil Nadu", "IND"),
        ("Gauteng", "ZAF"),  # a South African province
        ("Punjab", ""),  # India's and Pakistan's: ambiguous
        ("Texas", "USA"),
        ("Syria", "SYR"),
        ("Houston", ""),  # a city: no region
        ("Portland", ""),
        ("Montréal", ""),  # a city, accented or not
        ("", ""),
    ],
)
def test_region_country(name, code):
    assert region_country(name) == code
