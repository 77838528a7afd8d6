"""One giant article through ``claimex extract``: wall time and peak memory (run by hand, not in CI).

    .venv/bin/python bench/giant.py [--size 600k] [--size 3M] [--kind mixed|flat] [--keep DIR]

Builds a synthetic article of ``--size`` characters (``k``/``M`` suffixes are
10**3 / 10**6) and runs ``claimex extract ARTICLE -o TMP/claims.csv -q`` on it
in a child process (the ``claimex`` next to this Python, i.e. the virtualenv's;
set ``PYTHONPATH`` to measure another source tree), one run per size.

Article kinds (both deterministic, seed 7):

* ``mixed`` (default): news-like paragraphs -- direct and indirect quotes,
  names with titles ("Foreign Ministry spokeswoman Hua Chunying"), pronouns,
  organizations, countries, dates, reporting verbs, and paragraphs with no
  claim at all -- for half the size, then the other half as ONE paragraph of
  such sentences with no line break (a scrape gone wrong);
* ``flat``: one paragraph repeating "The minister said the economy grew ..."
  (the article of the hostile-input test and of the original report).

Reported per run: characters, wall time (``time.perf_counter`` around the
child; it includes interpreter start and model load, about 2 s), the child's CPU
time (user + system, from ``os.wait4``: what to compare on a shared machine), peak RSS of
the child (``ru_maxrss`` from ``os.wait4``), rows written, and
milliseconds and kilobytes per 1,000 characters, so runs of different sizes
can be compared for linearity.  ``--json FILE`` appends the results as JSON lines.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLAIMEX = Path(sys.executable).with_name("claimex")

FIRST = ["Maria", "John", "Hua", "Wei", "Ahmed", "Olga", "Pierre", "Sarah", "Kenji", "Fatima", "David", "Elena"]
LAST = ["Lopez", "Smith", "Chunying", "Zhang", "Hassan", "Petrova", "Dubois", "Miller", "Tanaka", "Khan", "Brown"]
ROLES = [
    "Foreign Ministry spokeswoman",
    "Finance Minister",
    "President",
    "Senator",
    "the party leader",
    "the ambassador to China",
    "State Councilor",
    "a senior economist",
    "Defense Secretary",
    "Prime Minister",
]
ORGS = [
    "the World Bank",
    "Reuters",
    "the United Nations",
    "the Foreign Ministry",
    "the European Commission",
    "Greenpeace",
    "the Central Bank",
    "NATO",
    "the State Department",
    "the World Health Organization",
]
PLACES = ["China", "Spain", "France", "Syria", "Japan", "Germany", "Brazil", "Egypt", "Russia", "India", "Beijing"]
VERBS = ["said", "told reporters", "added", "warned", "stated", "insisted", "argued", "explained", "claimed"]
DAYS = ["on Monday", "on Tuesday", "last week", "on Wednesday", "in March", "on Friday", "yesterday"]
TOPICS = [
    "the talks will continue until an agreement is reached",
    "prices are expected to fall in the coming months",
    "the government has no plans to raise taxes this year",
    "the new rules would protect workers and consumers alike",
    "the decision was taken after long consultations with the allies",
    "the economy grew by three percent in the last quarter",
    "there is no evidence that the vaccine is unsafe",
    "the border will remain closed to all traffic for now",
]
FILLER = [
    "The meeting took place in a hotel near the airport and lasted several hours.",
    "Markets rose slightly after the announcement, with energy shares leading the gains.",
    "The region has seen repeated floods over the past decade, and many roads remain closed.",
    "Officials from both sides are expected to meet again before the end of the month.",
    "The report runs to more than two hundred pages and covers the years from 2010 to 2020.",
]


def _name(rnd: random.Random) -> str:
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def _sentence(rnd: random.Random) -> str:
    """One news sentence: a claim of some shape, or filler."""
    name, role, org, place = _name(rnd), rnd.choice(ROLES), rnd.choice(ORGS), rnd.choice(PLACES)
    verb, day, topic = rnd.choice(VERBS), rnd.choice(DAYS), rnd.choice(TOPICS)
    last = name.split()[1]
    shapes = [
        f"“{topic.capitalize()},” {role} {name} {verb} {day}.",
        f"{name}, {role.removeprefix('the ').removeprefix('a ')} of {place}, {verb} that {topic}.",
        f"According to {org}, {topic}.",
        f"“We will not accept this,” {last} {verb}. “{topic.capitalize()}.”",
        f"{org[0].upper()}{org[1:]} {verb} {day} that {topic}, but {place} disagreed.",
        f"He {verb} that {topic}.",
        f"Mr. {last} {verb} in an interview with {org} that {topic}.",
        rnd.choice(FILLER),
        rnd.choice(FILLER),
    ]
    return rnd.choice(shapes)


def build_article(size: int, kind: str = "mixed", seed: int = 7) -> str:
    """A synthetic article of exactly ``size`` characters."""
    rnd = random.Random(seed)
    if kind == "flat":
        sentence = "The minister said the economy grew by three percent in the last quarter of the year. "
        return (sentence * (size // len(sentence) + 1))[:size]
    parts = ["BEIJING, November 6 (INP): Talks resumed today.\n\n"]
    length = len(parts[0])
    while length < size // 2:  # news paragraphs of one to four sentences
        paragraph = " ".join(_sentence(rnd) for _ in range(rnd.randint(1, 4))) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    while length < size:  # then one paragraph without a break
        sentence = _sentence(rnd) + " "
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts)[:size]


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 10**3, "m": 10**6}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * factor)


def measure(path: Path, out_dir: Path) -> dict:
    """Run ``claimex extract`` on ``path`` in a child process; wall time, peak RSS, rows."""
    out = out_dir / "claims.csv"
    command = [str(CLAIMEX), "extract", str(path), "-o", str(out), "-q"]
    started = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"claimex extract failed ({child.returncode}):\n{stderr}")
    rows = 0
    if out.exists():
        with out.open(encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.DictReader(handle))
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),  # on a shared machine, compare this
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "rows": rows,
        "exit": child.returncode,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", help="article size, e.g. 600k or 3M (repeatable; default 600k)")
    parser.add_argument("--kind", choices=("mixed", "flat"), default="mixed")
    parser.add_argument("--keep", type=Path, help="write the articles here (and keep them) instead of a temp dir")
    parser.add_argument("--json", type=Path, help="append each result as a JSON line to this file")
    args = parser.parse_args(argv)
    sizes = [parse_size(s) for s in (args.size or ["600k"])]
    with tempfile.TemporaryDirectory(prefix="claimex-giant-") as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            article = where / f"giant-{args.kind}-{size}.txt"
            article.write_text(build_article(size, args.kind), encoding="utf-8")
            result = {
                "kind": args.kind,
                "chars": size,
                "pythonpath": os.environ.get("PYTHONPATH", ""),
                **measure(article, Path(tmp)),
            }
            result["ms_per_kchar"] = round(1000 * result["wall_s"] / (size / 1000), 2)
            result["kb_per_kchar"] = round(1024 * result["peak_rss_mb"] / (size / 1000), 1)
            print(
                f"{args.kind:5} {size / 1e6:6.2f} MB: {result['wall_s']:8.1f} s ({result['cpu_s']:.1f} s CPU), "
                f"peak RSS {result['peak_rss_mb']:6} MB,"
                f" {result['rows']} rows  ({result['ms_per_kchar']} ms and {result['kb_per_kchar']} kB per 1,000 chars)",
                flush=True,
            )
            if args.json:
                with args.json.open("a", encoding="utf-8") as handle:
                    handle.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
