"""Measure the corpus pass (issue 19) on a corpus: its CPU time against the whole run's, the speaker
forms before and after, and every merge it makes, written out for reading.

    .venv/bin/python bench/corpus_pass.py ../shared/polnear/dev/text ../shared/polnear/train/text \\
        --merges bench/corpus_merges.tsv

The run is ``claimex.extract_to`` in this process, one worker (process CPU time, so other load on
the machine does not count); the pass is then timed alone on the table the run wrote (keys, linking,
ids).  The merges file lists each speaker form joined to another name (form, speaker_id, rows,
articles) and each statement whose rows differ in wording (statement_id, articles, the wordings).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from claimex.api import extract_to
from claimex.corpus import CorpusPass
from claimex.table import read_table


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--merges", type=Path, help="write the merges here (TSV)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.parquet"
        start = cpu()
        extract_to(args.paths, out, model=None)
        run_cpu = cpu() - start
        rows = read_table(out).to_dict("records")
    start = cpu()
    corpus = CorpusPass()
    corpus.add(rows)
    linked = list(corpus.apply(rows))
    pass_cpu = cpu() - start
    named = [r for r in linked if r["speaker_id"]]
    print(f"articles {len({r['doc_id'] for r in rows})}, rows {len(rows)}")
    print(f"run CPU {run_cpu:.1f} s, corpus pass CPU {pass_cpu:.2f} s ({100 * pass_cpu / run_cpu:.1f} % of the run)")
    print(
        f"named speakers: {len({r['speaker'] for r in named})} forms -> {len({r['speaker_id'] for r in named})} ids; "
        f"{sum(r['speaker'] != r['speaker_id'] for r in named)} rows named otherwise; "
        f"{len({r['speaker'] for r in linked})} speaker values in all"
    )
    docs = defaultdict(set)
    for r in linked:
        docs[r["statement_id"]].add(r["doc_id"])
    print(
        f"statements: {len(docs)} ids for {len({r['quote'] for r in linked})} distinct quotes; "
        f"{sum(len(d) > 1 for d in docs.values())} carried by two articles or more"
    )
    if args.merges:
        write_merges(args.merges, linked, docs)


def write_merges(path: Path, rows: list[dict], docs: dict) -> None:
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rows:
        if r["speaker_id"] and r["speaker"] != r["speaker_id"]:
            forms[(r["speaker"], r["speaker_id"])][r["doc_id"]] += 1
    wordings: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        wordings[r["statement_id"]][r["quote"]] += 1
    lines = ["kind\tform or statement_id\tjoined to\trows\tarticles\tverdict"]
    for (form, sid), per_doc in sorted(forms.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        lines.append(f"speaker\t{form}\t{sid}\t{sum(per_doc.values())}\t{len(per_doc)}\t")
    for sid, texts in sorted(wordings.items()):
        if len(texts) > 1:
            shown = " || ".join(" ".join(q.split()) for q in sorted(texts))
            lines.append(f"statement\t{sid}\t{shown}\t{sum(texts.values())}\t{len(docs[sid])}\t")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
