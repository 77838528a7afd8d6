"""Build ``src/claimex/lexicon/data/us_states.tsv`` (US state -> postal code and AP abbreviation) from the ``us`` package.

Source: the PyPI package ``us`` 4.0.0 (BSD 3-clause, Copyright (c) 2014, Sunlight Labs): its 50 states and the
District of Columbia, each with its name, postal code ("SC") and AP style abbreviation ("S.C."; the name itself
where AP writes it out: "Texas").  Speaker resolution reads it to match "the South Carolina senator" with
"Sen. Lindsey Graham (R-S.C.)".

    pip install us==4.0.0
    python scripts/build_us_states.py
"""

from __future__ import annotations

from pathlib import Path

import us

OUT = Path(__file__).resolve().parents[1] / "src" / "claimex" / "lexicon" / "data" / "us_states.tsv"
HEADER = """# US states and the District of Columbia: name, postal code, AP style abbreviation (the name where AP writes it out).
# Provenance: the PyPI package us 4.0.0 (BSD 3-clause, Copyright (c) 2014, Sunlight Labs). Built by scripts/build_us_states.py.
# Speaker resolution matches a description's state ("the South Carolina senator") with a party-state tag or an
# abbreviation describing a named person ("Sen. Lindsey Graham (R-S.C.)", "Rep. Paul Ryan, R-Wis.").
# Tab-separated: name, postal code, AP abbreviation; sorted by name. Loaded once by claimex.lexicon.table().
"""


def main() -> None:
    states = [*us.STATES, us.states.DC]
    lines = [f"{s.name}\t{s.abbr}\t{s.ap_abbr or s.name}\n" for s in sorted(states, key=lambda s: s.name)]
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} states -> {OUT}")


if __name__ == "__main__":
    main()
