"""Crafted worst cases: texts built to make a quadratic step show (run by hand; the tests use CASES too).

    .venv/bin/python bench/crafted.py [--size 16k] [--size 64k] [--case NAME ...] [--json FILE]

Each case is a text of ``--size`` characters (``k`` = 1,000), made by repeating a
unit between a prefix and a suffix.  Every case goes through the in-process API
(:func:`claimex.extract_text`: spaCy, claimex's components, records) with the
model loaded once, and is timed in CPU seconds of this process
(``time.process_time``), so other load on the machine barely moves the figures.
``normal`` is news-like prose of the same size: the linear reference.  Reported
per case and size: CPU seconds, milliseconds per 1,000 characters, the ratio to
``normal`` at that size, and rows found.  Linear steps keep ms per 1,000
characters flat as the size grows; a quadratic one doubles it with each
doubling of the size.

Before issue 21 (2026-11): "according to " x 3,000 (39 kB) took 6-10 minutes,
5,000 x "John SmithN said" 166 s, 20 kB of quotation marks 69 s.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

NORMAL = (
    "“We will not accept any delay in the talks,” said Maria Lopez, the finance minister of Spain. "
    "The World Bank said on Monday that the economy grew by three percent. Lopez told reporters in Madrid "
    "that the European Commission agreed. “It is done,” she added. The weather was fine in Paris.\n\n"
)

# name -> (prefix, unit, suffix): the text is prefix + unit * k + suffix, k as the size asks.
CASES: dict[str, tuple[str, str, str]] = {
    "normal": ("", NORMAL, ""),
    "according to, chained": ("", "according to ", ""),
    "according to X, siblings": ("", "according to Smith, ", "it rained."),
    "X said Y said ...": ("", "John Smith said ", ""),
    "and said, chained": ("He smiled ", "and said ", "it works."),
    "said that that ...": ("He said ", "that ", "it works."),
    "who said that ...": ("Smith, ", "who said that ", "it works."),
    "straight quotation marks": ("", '"', ""),
    "curly quotation marks": ("", "“", ""),
    "nested quotation marks": ("", "“‘", ""),
    "brackets": ("", "(", "he said it"),
    "unclosed quotations": ("", "“a ", ""),
    "quotation pairs": ("", "“a” ", ""),
    "cue and quotation pairs": ("", "He said “a” ", ""),
    "one turn of many pieces": ("“We agree,” he said. ", "“More words here now.” ", ""),
    "title-case headlines": ("", "Obama Says Museum Will Tell ", "\n\nObama spoke."),
    "commas after a cue": ("He said ", ", ", "it works."),
    "introductions and blocks": ("", "Fox News reports:\n\nThe plan works well enough for now.\n\n", ""),
    "speakers and pronouns": ("", "John Smith arrived. He said the plan works. ", ""),
}


# name -> the paragraph of person n: cases of many people, each named once, that a repeated unit cannot make.
PEOPLE_CASES: dict[str, Callable[[str, str], str]] = {
    "many people, pronouns": lambda first, last: (
        f"{first} {last}ski, a farmer, said the crop was good. {last}ski said it would rain. He added that she was right."
    ),
    "one surname, many people": lambda first, _: (
        f"{first} Smith, a farmer, said the crop was good. Smith said it would rain."
    ),
}
FIRST_NAMES = Path(__file__).resolve().parent.parent / "src" / "claimex" / "data" / "first_names.tsv"


def make(case: str, size: int) -> str:
    """The text of ``case``, about ``size`` characters long."""
    if case in PEOPLE_CASES:
        return _people(PEOPLE_CASES[case], size)
    prefix, unit, suffix = CASES[case]
    return prefix + unit * max(1, (size - len(prefix) - len(suffix)) // len(unit)) + suffix


def _people(paragraph: Callable[[str, str], str], size: int) -> str:
    """Paragraphs of ``paragraph`` for one person after another (names from the first-name data), ``size`` long."""
    rows = (line.split("\t")[0] for line in FIRST_NAMES.read_text(encoding="utf-8").splitlines())
    names = [name.title() for name in rows if name and not name.startswith("#")]
    paragraphs, length = [], 0
    for n in itertools.count():
        if length >= size:
            break
        paragraphs.append(paragraph(names[(101 * n) % len(names)], names[(7 * n + 3) % len(names)]))
        length += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def cpu_seconds(text: str, nlp) -> tuple[float, int]:
    """CPU seconds of this process to extract ``text``, and the rows found."""
    from claimex import extract_text

    started = time.process_time()
    rows = extract_text(text, nlp=nlp)
    return time.process_time() - started, len(rows)


def _size(value: str) -> int:
    return int(float(value[:-1]) * 1000) if value.lower().endswith("k") else int(value)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", type=_size, help="characters (16k, 64k ...); repeatable")
    parser.add_argument(
        "--case", action="append", choices=sorted([*CASES, *PEOPLE_CASES]), help="only these cases; repeatable"
    )
    parser.add_argument("--json", help="append the results as JSON lines to this file")
    args = parser.parse_args(argv)
    sizes = args.size or [16_000, 64_000]
    from claimex.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    cpu_seconds(make("normal", 2_000), nlp)  # warm up: first-call costs are not the text's
    normal = {size: cpu_seconds(make("normal", size), nlp)[0] for size in sizes}
    print(f"{'case':28} {'chars':>8} {'cpu s':>8} {'ms/kchar':>9} {'x normal':>9} {'rows':>6}")
    for case in args.case or [*CASES, *PEOPLE_CASES]:
        for size in sizes:
            seconds, rows = cpu_seconds(make(case, size), nlp)
            line = {"case": case, "chars": size, "cpu_s": round(seconds, 3), "rows": rows}
            line["x_normal"] = round(seconds / normal[size], 2) if normal[size] else None
            print(
                f"{case:28} {size:8d} {seconds:8.2f} {1000 * seconds / size * 1000:9.2f} "
                f"{line['x_normal']:9.2f} {rows:6d}",
                flush=True,
            )
            if args.json:
                with open(args.json, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    sys.exit(main())
