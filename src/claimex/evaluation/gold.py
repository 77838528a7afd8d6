"""Gold attributions: a PolNeAR split (brat standoff) or claimex's JSONL form, read as :class:`GoldDocument` objects.

Gold is every attribution with both a Content and a Source; the others are only counted
(:attr:`GoldDocument.n_without_source`).  A discontinuous gold Content counts as the union of its fragments.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .spans import Span, merge_spans


@dataclass
class GoldAttribution:
    """One gold attribution: spans are ``(start, end)`` offsets into the article text."""

    doc_id: str
    content_spans: list[Span]
    source_spans: list[Span]
    source_text: str
    cue_text: str = ""
    cue_spans: list[Span] = field(default_factory=list)
    content_text: str = ""  # fragments joined by a space
    ann_id: str = ""  # brat E id, or "#i" for JSONL
    kind: str = ""  # speech, thought, evidence or action: see classify_gold


@dataclass
class GoldDocument:
    """An article and its gold attributions (only those with Content and Source)."""

    doc_id: str
    text: str
    attributions: list[GoldAttribution]
    n_without_source: int = 0  # attributions dropped for lacking a Source (or Content)
    annotator: str = ""  # brat: the annotator whose file was used


def _span_text(text: str, spans: list[Span]) -> str:
    return " ".join(text[s:e] for s, e in spans)


def _gold_attribution(
    doc_id: str, text: str, content: list[Span], source: list[Span], cue: list[Span], ann_id: str
) -> GoldAttribution:
    return GoldAttribution(
        doc_id=doc_id,
        content_spans=content,
        source_spans=source,
        source_text=_span_text(text, source),
        cue_text=_span_text(text, cue),
        cue_spans=cue,
        content_text=_span_text(text, content),
        ann_id=ann_id,
    )


def _parse_brat_spans(field_: str) -> list[Span]:
    spans = []
    for part in field_.split(";"):
        s, e = part.split()
        spans.append((int(s), int(e)))
    return spans


def _parse_ann(ann_text: str, doc_id: str, text: str) -> tuple[list[GoldAttribution], int]:
    """Parse one brat .ann file: T lines (possibly discontinuous) and E lines.

    E lines may name T lines defined later, so T lines are collected first.
    Lines that are neither (notes, continuation lines of a T text that holds a
    newline) are skipped.  Content2 fragments join the Content.
    """
    t_spans: dict[str, list[Span]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann_text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        ident = parts[0]
        if re.fullmatch(r"T\d+", ident):
            label_and_spans = parts[1].split(" ", 1)
            if len(label_and_spans) != 2:
                continue
            try:
                t_spans[ident] = _parse_brat_spans(label_and_spans[1])
            except ValueError:
                continue
        elif re.fullmatch(r"E\d+", ident):
            args = []
            for arg in parts[1].split():
                if ":" in arg:
                    role, ref = arg.split(":", 1)
                    args.append((role, ref))
            events.append((ident, args))

    gold: list[GoldAttribution] = []
    dropped = 0
    for ident, args in events:
        content: list[Span] = []
        source: list[Span] = []
        cue: list[Span] = []
        for role, ref in args:
            spans = t_spans.get(ref)
            if not spans:
                continue
            base = role.rstrip("0123456789")
            if base == "Content":
                content.extend(spans)
            elif base == "Source":
                source.extend(spans)
            elif base == "Cue":
                cue.extend(spans)
        if not content or not source:
            dropped += 1
            continue
        content = merge_spans(content)
        source = sorted(source)
        cue = sorted(cue)
        gold.append(_gold_attribution(doc_id, text, content, source, cue, ident))
    return gold, dropped


def _read_text(path: Path) -> str:
    # newline="" keeps "\r" so that offsets count every character of the file.
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def load_brat_dir(root: Path | str) -> list[GoldDocument]:
    """Load a PolNeAR split: ``root/text/NAME.txt`` and ``root/attributions/NAME_ANNOTATOR.ann``.

    ``doc_id`` is the text file's name (``NAME.txt``).  Where an article has
    several annotators, the first ``.ann`` file in name order is used.  An
    article without any ``.ann`` file gets no attributions.
    """
    root = Path(root)
    text_dir, ann_dir = root / "text", root / "attributions"
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted(ann_dir.glob("*.ann")):
        stem, sep, _annotator = ann.stem.rpartition("_")
        if sep:
            anns[stem].append(ann)
    docs = []
    for txt in sorted(text_dir.glob("*.txt")):
        text = _read_text(txt)
        files = sorted(anns.get(txt.stem, []), key=lambda p: p.name)
        if files:
            ann_text = files[0].read_text(encoding="utf-8")
            gold, dropped = _parse_ann(ann_text, txt.name, text)
            annotator = files[0].stem.rpartition("_")[2]
        else:
            gold, dropped, annotator = [], 0, ""
        docs.append(GoldDocument(txt.name, text, gold, dropped, annotator))
    return docs


def _json_spans(value, text: str) -> list[Span]:
    """``[start, end]`` or a list of such pairs, as offsets into ``text``; ValueError for anything else."""
    if value is None or value == []:
        return []
    pairs = [value] if isinstance(value, list) and isinstance(value[0], (int, float)) else value
    if not isinstance(pairs, list) or not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
        raise ValueError(f"a span must be [start, end] or a list of them, not {json.dumps(value)[:40]}")
    spans = []
    for start, end in pairs:
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            raise ValueError(f"span offsets must be whole numbers, not {json.dumps([start, end])[:40]}")
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span [{start}, {end}] lies outside the article's {len(text)} characters")
        spans.append((start, end))
    return spans


def jsonl_records(path: Path | str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of each non-blank line of a JSONL file; ValueError naming the line if one is
    not JSON."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: invalid JSON: {exc}") from exc
            except RecursionError:
                raise ValueError(f"{path}:{lineno}: invalid JSON: nested too deeply") from None


def load_gold_jsonl(path: Path | str) -> list[GoldDocument]:
    """Load gold in claimex's simple JSONL form, one article per line::

        {"doc_id": "a.txt", "text": "…",
         "attributions": [{"content": [start, end],
                           "source": [start, end] or null,
                           "cue": [start, end] or null}]}

    Offsets are character offsets into ``text`` (end exclusive).  A
    discontinuous span may be given as a list of pairs,
    ``[[s1, e1], [s2, e2]]``.  Attributions whose ``content`` or ``source``
    is null or missing are not gold (they are counted in
    ``GoldDocument.n_without_source``).  Blank lines are skipped.
    """
    docs = []
    for lineno, rec in jsonl_records(path):
        try:
            docs.append(_gold_record(rec))
        except ValueError as exc:
            raise ValueError(f"{path}:{lineno}: not a gold article: {exc}") from exc
    return docs


def _gold_record(rec: object) -> GoldDocument:
    """One line of gold JSONL; ValueError naming what is wrong with it."""
    if not isinstance(rec, dict):
        raise ValueError("a line must be a JSON object with doc_id, text and attributions")
    missing = [name for name in ("doc_id", "text") if name not in rec]
    if missing:
        raise ValueError(f"no field {missing[0]!r}")
    doc_id, text, attributions = str(rec["doc_id"]), rec["text"], rec.get("attributions", [])
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    if not isinstance(attributions, list) or not all(isinstance(a, dict) for a in attributions):
        raise ValueError("'attributions' must be a list of objects")
    gold, dropped = [], 0
    for i, a in enumerate(attributions):
        content = merge_spans(_json_spans(a.get("content"), text))
        source = sorted(_json_spans(a.get("source"), text))
        cue = sorted(_json_spans(a.get("cue"), text))
        if not content or not source:
            dropped += 1
            continue
        gold.append(_gold_attribution(doc_id, text, content, source, cue, f"#{i}"))
    return GoldDocument(doc_id, text, gold, dropped)


def load_gold(path: Path | str) -> list[GoldDocument]:
    """Load gold from a brat directory (holding ``attributions/``) or a ``.jsonl`` file."""
    path = Path(path)
    if path.is_dir():
        if (path / "attributions").is_dir() and (path / "text").is_dir():
            return load_brat_dir(path)
        raise ValueError(f"{path}: a gold directory needs text/ and attributions/")
    if path.suffix.lower() == ".jsonl" and path.is_file():
        return load_gold_jsonl(path)
    raise ValueError(f"{path}: gold must be a brat directory or a .jsonl file")
