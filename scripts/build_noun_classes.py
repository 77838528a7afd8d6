"""Build ``src/claimex/data/noun_classes.tsv`` (common noun -> what it names: a person, a group, a message) from WordNet.

Source: Princeton WordNet 3.0 (WordNet 3.0 licence: use, copy, modify and distribute for any purpose, with the
copyright notice kept; see the data file's header), as Debian's ``wordnet-base`` package installs it
(``/usr/share/wordnet``).  Only the noun index and data files are read.

    apt-get install wordnet-base
    python scripts/build_noun_classes.py [--wordnet /usr/share/wordnet] [--senses 3]

Each noun's first ``--senses`` senses (WordNet orders them by frequency) are looked up in the data file, whose
lexicographer file says what a sense names: ``noun.person`` (P: "governor", "mother"), ``noun.group`` (G: "union",
"network", "bank"'s second sense), ``noun.communication`` (C: "report", "ad", "statement").  Kept: single-word
nouns with such a sense, as the sequence of their senses' classes (``-`` for any other class), first sense first.
Sorted and deterministic.
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "claimex" / "data" / "noun_classes.tsv"
CLASSES = {"18": "P", "14": "G", "10": "C"}  # lexicographer file numbers: noun.person, noun.group, noun.communication
HEADER = """# noun_classes.tsv: common noun (lowercase) -> the classes of its first {senses} WordNet senses, most frequent first:
# P a person (noun.person), G a group or organization (noun.group), C a message or document (noun.communication),
# - anything else. Only nouns with a P, G or C sense are listed.
# Provenance: WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved. Used under the WordNet 3.0
# licence (permission to use, copy, modify and distribute for any purpose without fee, this notice kept; THE DATABASE
# IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED).
# Built by scripts/build_noun_classes.py from Debian's wordnet-base.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--senses", type=int, default=3)
    args = parser.parse_args()
    index, data = args.wordnet / "index.noun", args.wordnet / "data.noun"
    if not index.is_file() or not data.is_file():
        raise SystemExit(f"no WordNet noun files in {args.wordnet}: apt-get install wordnet-base first")
    lexfile = {}
    for line in data.read_text(encoding="latin-1").splitlines():
        if line and not line.startswith(" "):
            offset, number = line.split(" ", 2)[:2]
            lexfile[offset] = number
    lines = []
    for line in index.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        lemma, senses = fields[0], int(fields[2])
        if not lemma.replace("-", "").isalpha() or not lemma.islower():
            continue
        offsets = fields[-senses:][: args.senses]
        classes = "".join(CLASSES.get(lexfile.get(offset, ""), "-") for offset in offsets)
        if classes.strip("-"):
            lines.append(f"{lemma}\t{classes}\n")
    OUT.write_text(HEADER.format(senses=args.senses) + "".join(sorted(lines)), encoding="utf-8")
    print(f"{len(lines)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
