"""Score a claims table against gold quote attributions (PolNeAR or our JSONL form).

The scoring is the one fixed in ``shared/README.md`` ("How claimex is scored
on PolNeAR"):

* **Gold** is every attribution with both a Content and a Source.
* **Predicted** are the claims table's rows, located by ``doc_id`` and
  ``char_start``/``char_end`` in the article text as read.
* Both spans are **trimmed** first: whitespace, quotation marks (straight,
  curly, single, double, guillemets), punctuation and a leading word "that"
  are removed at both ends, repeatedly.  A discontinuous gold Content counts
  as the union of its fragments.
* A gold and a predicted content **match** when the characters they share
  are at least half of each (trimmed) span.  Matching is greedy and
  one-to-one within an article: candidate pairs are taken best first
  (Dice overlap, then a right source, then document order).
* An **exact** match is a matched pair whose trimmed spans are identical.
* The **source is right** when a word (an alphanumeric token, compared
  case-insensitively, whole words only) of the predicted ``speaker_mention``
  or ``speaker`` is a word of the gold Source text.  No stopword filtering:
  the README's rule is applied literally.
* **who-said-what**: matched rows whose source is right, over all predicted
  rows of gold documents (precision) and over all gold attributions (recall).
* **speaker resolved right** (with a speakers file such as PolNeAR dev's
  ``speakers.jsonl``, which names the entity a careful reader resolves each
  Source span to): among matched gold attributions whose source has an
  entity, the share whose row's ``speaker`` names that entity, equal up to
  case, punctuation, a leading "the", leading titles and honorifics ("Sen.",
  "President", "Mr."), a possessive and single-letter initials ("Donald J.
  Trump" = "Donald Trump"); overall and by the source's kind (name, surname,
  pronoun, relative, description, other).

Predictions whose ``doc_id`` names no gold document are ignored (and
counted).  Everything here is a pure function of its inputs: no printing.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..lexicon import words as lexicon_words

Span = tuple[int, int]

__all__ = [
    "GoldAttribution",
    "GoldDocument",
    "GoldSpeaker",
    "EvalReport",
    "load_speakers",
    "speaker_key",
    "same_speaker",
    "default_speakers_path",
    "load_brat_dir",
    "load_gold_jsonl",
    "load_gold",
    "score",
    "evaluate",
    "extract_for_gold",
    "trim_positions",
    "trim_span",
    "words",
    "source_is_right",
    "cue_category",
    "quote_style",
    "overlap_match",
]


# --------------------------------------------------------------------------
# Gold data
# --------------------------------------------------------------------------


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


@dataclass(frozen=True)
class GoldSpeaker:
    """Who one gold Source span is: the entity a careful reader resolves it to ("" when generic)."""

    doc: str  # the article's file stem
    start: int
    end: int
    source: str  # the Source span's words
    entity: str  # the fullest name the article gives, "" for a generic or unnamed source
    kind: str  # name, surname, pronoun, relative, description, other
    note: str = ""


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
        content = _merge(content)
        source = sorted(source)
        cue = sorted(cue)
        gold.append(_gold_attribution(doc_id, text, content, source, cue, ident))
    return gold, dropped


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping union of spans."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


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
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: invalid JSON: {exc}") from exc
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
        content = _merge(_json_spans(a.get("content"), text))
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


def load_speakers(path: Path | str) -> dict[tuple[str, int, int], GoldSpeaker]:
    """Load a speakers file (JSONL: ``doc``, ``start``, ``end``, ``source``, ``entity``, ``kind``, ``note``),
    keyed by (doc, start, end).  ``doc`` is the article's file name without its extension."""
    found: dict[tuple[str, int, int], GoldSpeaker] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                speaker = GoldSpeaker(
                    str(rec["doc"]),
                    int(rec["start"]),
                    int(rec["end"]),
                    str(rec.get("source", "")),
                    str(rec.get("entity") or ""),
                    str(rec.get("kind") or "other"),
                    str(rec.get("note") or ""),
                )
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{lineno}: not a speaker record: {exc}") from exc
            found[(speaker.doc, speaker.start, speaker.end)] = speaker
    return found


def default_speakers_path(gold: Path | str) -> Path | None:
    """``speakers.jsonl`` beside the gold (inside a brat directory, next to a JSONL file), if there is one."""
    gold = Path(gold)
    candidate = (gold if gold.is_dir() else gold.parent) / "speakers.jsonl"
    return candidate if candidate.is_file() else None


# --------------------------------------------------------------------------
# Span rules
# --------------------------------------------------------------------------

_QUOTES = "\"'“”‘’„‟‚‛«»‹›`´"
_DOUBLE_QUOTES = '"“”„‟«»'


def _trimmable(ch: str) -> bool:
    return ch.isspace() or ch in _QUOTES or unicodedata.category(ch).startswith("P")


def trim_positions(text: str, spans: Iterable[Span]) -> tuple[int, ...]:
    """The character positions of ``spans`` (their union) after trimming.

    Whitespace, quotation marks and punctuation are stripped from both ends,
    and a leading word "that" (any case), repeatedly until nothing changes.
    """
    pos = [i for s, e in _merge((max(0, s), min(len(text), e)) for s, e in spans) for i in range(s, e)]
    lo, hi = 0, len(pos)
    while True:
        start = (lo, hi)
        while lo < hi and _trimmable(text[pos[lo]]):
            lo += 1
        while hi > lo and _trimmable(text[pos[hi - 1]]):
            hi -= 1
        if hi - lo >= 4 and "".join(text[p] for p in pos[lo : lo + 4]).lower() == "that":
            after = text[pos[lo + 4]] if hi - lo > 4 else " "
            if not (after.isalnum() or after in "_'’"):
                lo += 4
        if (lo, hi) == start:
            return tuple(pos[lo:hi])


def trim_span(text: str, start: int, end: int) -> Span:
    """Trim one contiguous span; returns ``(start, end)`` (empty as ``(start, start)``)."""
    pos = trim_positions(text, [(start, end)])
    return (pos[0], pos[-1] + 1) if pos else (start, start)


def overlap_match(shared: int, n_pred: int, n_gold: int) -> bool:
    """The README's rule: shared characters are at least half of each span."""
    return n_pred > 0 and n_gold > 0 and 2 * shared >= n_pred and 2 * shared >= n_gold


_WORD = re.compile(r"[^\W_]+")


def words(s: str) -> set[str]:
    """Alphanumeric tokens, case-folded."""
    return {w.casefold() for w in _WORD.findall(s or "")}


def source_is_right(speaker_mention: str, speaker: str, gold_source: str) -> bool:
    """A word of the predicted mention or speaker is a word of the gold Source."""
    return bool((words(speaker_mention) | words(speaker)) & words(gold_source))


#: Words dropped from the front of a name before comparing speakers: titles, honorifics, offices.
_NAME_TITLES = lexicon_words("gold_name_titles")


def speaker_key(name: str) -> tuple[str, ...]:
    """A name's words for comparison: case-folded, without punctuation, a leading "the", leading titles and
    honorifics, a possessive, and single-letter initials ("The Hon. Donald J. Trump's" -> ("donald", "trump")).
    Periods and apostrophes inside a word are dropped ("F.B.I." -> "fbi")."""
    text = re.sub(r"['’]s\b", "", name or "")
    text = re.sub(r"(?<=\w)[.'’](?=\w)", "", text).replace(".", " ")
    found = [w.casefold() for w in _WORD.findall(text)]
    if found and found[0] == "the":
        found = found[1:]
    while len(found) > 1 and found[0] in _NAME_TITLES:
        found = found[1:]
    without_initials = [w for w in found if len(w) > 1]
    return tuple(without_initials or found)


def same_speaker(predicted: str, entity: str) -> bool:
    """Whether a row's ``speaker`` names the gold entity (see :func:`speaker_key`)."""
    key = speaker_key(predicted)
    return bool(key) and key == speaker_key(entity)


_SAY = {"say", "says", "said", "saying"}
_REPORTING = lexicon_words("gold_reporting_words")


def _lemma_forms(tok: str) -> set[str]:
    forms = {tok}
    for suf, rep in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if tok.endswith(suf) and len(tok) > len(suf) + 2:
            forms.add(tok[: -len(suf)] + rep)
    # doubled consonant: "admitted" -> "admit"
    for f in list(forms):
        if len(f) > 3 and f[-1] == f[-2] and f[-1] not in "aeiou":
            forms.add(f[:-1])
    return forms


CUE_CATEGORIES = ("say", "according to", "other verb", "punctuation", "noun/other", "none")


def cue_category(cue_text: str) -> str:
    """Rough class of a gold cue: say, according to, other verb, punctuation, noun/other, none."""
    if not cue_text or not cue_text.strip():
        return "none"
    toks = [w.casefold() for w in _WORD.findall(cue_text)]
    if not toks:
        return "punctuation"
    if any(t in _SAY for t in toks):
        return "say"
    if "according" in toks:
        return "according to"
    for t in toks:
        if _lemma_forms(t) & _REPORTING or (t.endswith("ed") and len(t) > 4):
            return "other verb"
    return "noun/other"


QUOTE_STYLES = ("direct", "indirect", "mixed")


def quote_style(content_text: str) -> str:
    """direct: opens and closes with a quotation mark (ignoring whitespace and other
    punctuation at the ends); mixed: holds a double quotation mark elsewhere; else indirect."""
    s = content_text
    lo, hi = 0, len(s)
    while lo < hi and (s[lo].isspace() or (_trimmable(s[lo]) and s[lo] not in _QUOTES)):
        lo += 1
    while hi > lo and (s[hi - 1].isspace() or (_trimmable(s[hi - 1]) and s[hi - 1] not in _QUOTES)):
        hi -= 1
    core = s[lo:hi]
    opens = "\"“„‟«‘'"
    closes = "\"”»’'"
    if len(core) >= 2 and core[0] in opens and core[-1] in closes:
        return "direct"
    if any(c in _DOUBLE_QUOTES or c == "‘" for c in core):
        return "mixed"
    return "indirect"


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


def _prf(correct: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _r4(x):
    return round(float(x), 4)


def _snippet(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


@dataclass
class _Pred:
    index: object  # the row's label in the predictions frame
    doc_id: str  # the gold doc_id it was matched to
    raw_doc_id: str
    char_start: int
    char_end: int
    speaker: str
    speaker_mention: str
    quote_type: str
    quote: str
    positions: tuple[int, ...] = ()


@dataclass
class _Pair:
    pred: int  # index into EvalReport._preds
    gold: tuple[int, int]  # (document index, attribution index)
    shared: int
    exact: bool
    source_right: bool


@dataclass
class EvalReport:
    """Counts, scores, breakdowns and the matched pairs of one scoring run."""

    n_gold: int
    n_pred: int  # predicted rows of gold documents (precision denominator)
    n_pred_ignored: int  # rows whose doc_id names no gold document
    n_pred_unlocated: int  # rows of gold documents whose offsets point at nothing
    n_matched: int
    n_exact: int
    n_source_right: int
    n_gold_docs: int
    n_docs_with_predictions: int
    n_gold_without_source: int
    by_quote_type: dict[str, dict] = field(default_factory=dict)
    by_cue: dict[str, dict] = field(default_factory=dict)
    by_gold_style: dict[str, dict] = field(default_factory=dict)
    #: kind (and "all") -> {"n": matched sources with an entity, "n_right": rows naming it, "rate"};
    #: empty when scored without a speakers file.
    speaker_resolved: dict[str, dict] = field(default_factory=dict)
    _gold: list[GoldDocument] = field(default_factory=list, repr=False)
    _preds: list[_Pred] = field(default_factory=list, repr=False)
    _pairs: list[_Pair] = field(default_factory=list, repr=False)
    _ignored_doc_ids: list[str] = field(default_factory=list, repr=False)
    _speaker_of: dict[tuple[int, int], GoldSpeaker] = field(default_factory=dict, repr=False)

    # ---- headline figures -------------------------------------------------
    @property
    def content(self) -> tuple[float, float, float]:
        return _prf(self.n_matched, self.n_pred, self.n_gold)

    @property
    def content_exact(self) -> tuple[float, float, float]:
        return _prf(self.n_exact, self.n_pred, self.n_gold)

    @property
    def who_said_what(self) -> tuple[float, float, float]:
        return _prf(self.n_source_right, self.n_pred, self.n_gold)

    @property
    def source_right_rate(self) -> float:
        return self.n_source_right / self.n_matched if self.n_matched else 0.0

    @property
    def content_f1(self) -> float:
        return self.content[2]

    @property
    def who_said_what_f1(self) -> float:
        return self.who_said_what[2]

    @property
    def speaker_resolved_right(self) -> float | None:
        """Speaker resolved right over all kinds, or None when scored without a speakers file."""
        overall = self.speaker_resolved.get("all")
        return overall["rate"] if overall else None

    def to_dict(self) -> dict:
        """JSON-able summary, figures rounded to 4 decimals."""
        cp, cr, cf = self.content
        ep, er, ef = self.content_exact
        wp, wr, wf = self.who_said_what
        return {
            "counts": {
                "n_gold": self.n_gold,
                "n_pred": self.n_pred,
                "n_pred_ignored": self.n_pred_ignored,
                "n_pred_unlocated": self.n_pred_unlocated,
                "n_matched": self.n_matched,
                "n_exact": self.n_exact,
                "n_source_right": self.n_source_right,
                "n_gold_docs": self.n_gold_docs,
                "n_docs_with_predictions": self.n_docs_with_predictions,
                "n_gold_without_source": self.n_gold_without_source,
            },
            "content": {"precision": _r4(cp), "recall": _r4(cr), "f1": _r4(cf)},
            "content_exact": {"precision": _r4(ep), "recall": _r4(er), "f1": _r4(ef)},
            "source_right_rate": _r4(self.source_right_rate),
            "who_said_what": {"precision": _r4(wp), "recall": _r4(wr), "f1": _r4(wf)},
            "by_quote_type": _round_nested(self.by_quote_type),
            "by_cue": _round_nested(self.by_cue),
            "by_gold_style": _round_nested(self.by_gold_style),
            **({"speaker_resolved": _round_nested(self.speaker_resolved)} if self.speaker_resolved else {}),
        }

    def rows(self) -> list[tuple[str, int | float]]:
        """Headline (label, value) pairs for a two-column table; floats rounded to 4."""
        cp, cr, cf = self.content
        ep, er, ef = self.content_exact
        wp, wr, wf = self.who_said_what
        return [
            ("gold attributions", self.n_gold),
            ("predicted rows", self.n_pred),
            ("predicted rows ignored (doc not in gold)", self.n_pred_ignored),
            ("contents matched", self.n_matched),
            ("contents exact", self.n_exact),
            ("sources right", self.n_source_right),
            ("content precision", _r4(cp)),
            ("content recall", _r4(cr)),
            ("content F1", _r4(cf)),
            ("content exact precision", _r4(ep)),
            ("content exact recall", _r4(er)),
            ("content exact F1", _r4(ef)),
            ("source right (of matched)", _r4(self.source_right_rate)),
            ("who-said-what precision", _r4(wp)),
            ("who-said-what recall", _r4(wr)),
            ("who-said-what F1", _r4(wf)),
            *([("speaker resolved right", _r4(self.speaker_resolved_right))] if self.speaker_resolved else []),
        ]

    def breakdown_tables(self) -> dict[str, tuple[list[str], list[list]]]:
        """Breakdowns as ``{title: (headers, rows)}`` for the CLI to render."""
        out = {}
        heads = ["quote_type", "predicted", "matched", "source right", "content P", "who-said-what P"]
        out["by predicted quote_type (precision side)"] = (
            heads,
            [
                [
                    k,
                    v["n_pred"],
                    v["n_matched"],
                    v["n_source_right"],
                    _r4(v["content_precision"]),
                    _r4(v["who_said_what_precision"]),
                ]
                for k, v in self.by_quote_type.items()
            ],
        )
        for title, table, label in (
            ("by gold cue (recall side)", self.by_cue, "cue"),
            ("by gold quote style (recall side)", self.by_gold_style, "style"),
        ):
            out[title] = (
                [label, "gold", "matched", "source right", "content R", "who-said-what R"],
                [
                    [
                        k,
                        v["n_gold"],
                        v["n_matched"],
                        v["n_source_right"],
                        _r4(v["content_recall"]),
                        _r4(v["who_said_what_recall"]),
                    ]
                    for k, v in table.items()
                ],
            )
        if self.speaker_resolved:
            out["speaker resolved right, by gold source kind"] = (
                ["kind", "matched named sources", "resolved right", "rate"],
                [[k, v["n"], v["n_right"], _r4(v["rate"])] for k, v in self.speaker_resolved.items()],
            )
        return out

    # ---- error analysis -----------------------------------------------------
    EXAMPLE_KINDS = ("missed", "spurious", "wrong_source", "correct", "ignored", "wrong_speaker")

    def _gold_dict(self, key: tuple[int, int]) -> dict:
        doc = self._gold[key[0]]
        a = doc.attributions[key[1]]
        return {
            "gold_content": _snippet(a.content_text),
            "gold_source": a.source_text,
            "gold_cue": a.cue_text,
            "gold_spans": a.content_spans,
        }

    def _pred_dict(self, i: int) -> dict:
        p = self._preds[i]
        doc = self._gold_by_id()[p.doc_id]
        return {
            "pred_row": p.index,
            "pred_quote": _snippet(doc.text[p.char_start : p.char_end] if p.positions else p.quote),
            "pred_speaker": p.speaker,
            "pred_speaker_mention": p.speaker_mention,
            "pred_span": (p.char_start, p.char_end),
        }

    def _gold_by_id(self) -> dict[str, GoldDocument]:
        return {d.doc_id: d for d in self._gold}

    def examples(self, kind: str, n: int | None = 10) -> list[dict]:
        """Examples for error analysis, in document order.

        ``kind``: ``missed`` (gold with no matching row), ``spurious`` (rows
        matching no gold), ``wrong_source`` (content matched, source wrong),
        ``correct`` (content matched, source right), ``ignored`` (doc_ids not
        in gold; one dict per doc_id), ``wrong_speaker`` (content matched, the
        gold source has an entity, the row's speaker does not name it).
        """
        if kind not in self.EXAMPLE_KINDS:
            raise ValueError(f"kind must be one of {', '.join(self.EXAMPLE_KINDS)}")
        out: list[dict] = []
        if kind == "ignored":
            out = [{"doc_id": d} for d in self._ignored_doc_ids]
        elif kind == "missed":
            matched = {p.gold for p in self._pairs}
            for di, doc in enumerate(self._gold):
                for ai in range(len(doc.attributions)):
                    if (di, ai) not in matched:
                        out.append({"doc_id": doc.doc_id, **self._gold_dict((di, ai))})
        elif kind == "wrong_speaker":
            for pair in sorted(self._pairs, key=lambda q: q.gold):
                gold_speaker = self._speaker_of.get(pair.gold)
                if gold_speaker is None or not gold_speaker.entity:
                    continue
                if not same_speaker(self._preds[pair.pred].speaker, gold_speaker.entity):
                    out.append(
                        {
                            "doc_id": self._gold[pair.gold[0]].doc_id,
                            "kind": gold_speaker.kind,
                            "gold_source": gold_speaker.source,
                            "gold_entity": gold_speaker.entity,
                            "gold_source_start": gold_speaker.start,
                            **self._pred_dict(pair.pred),
                        }
                    )
        elif kind == "spurious":
            matched_preds = {p.pred for p in self._pairs}
            for i, p in enumerate(self._preds):
                if i not in matched_preds:
                    out.append({"doc_id": p.doc_id, **self._pred_dict(i)})
        else:
            want = kind == "correct"
            for pair in sorted(self._pairs, key=lambda q: q.gold):
                if pair.source_right == want:
                    out.append(
                        {
                            "doc_id": self._gold[pair.gold[0]].doc_id,
                            "exact": pair.exact,
                            **self._gold_dict(pair.gold),
                            **self._pred_dict(pair.pred),
                        }
                    )
        return out if n is None else out[:n]

    def per_document(self) -> list[dict]:
        """Per gold document: gold, predicted, matched, source-right counts and F1s."""
        n_pred: defaultdict[str, int] = defaultdict(int)
        for p in self._preds:
            n_pred[p.doc_id] += 1
        n_match: defaultdict[str, int] = defaultdict(int)
        n_right: defaultdict[str, int] = defaultdict(int)
        for pair in self._pairs:
            d = self._gold[pair.gold[0]].doc_id
            n_match[d] += 1
            n_right[d] += pair.source_right
        out = []
        for doc in self._gold:
            d = doc.doc_id
            out.append(
                {
                    "doc_id": d,
                    "n_gold": len(doc.attributions),
                    "n_pred": n_pred[d],
                    "n_matched": n_match[d],
                    "n_source_right": n_right[d],
                    "content_f1": _r4(_prf(n_match[d], n_pred[d], len(doc.attributions))[2]),
                    "who_said_what_f1": _r4(_prf(n_right[d], n_pred[d], len(doc.attributions))[2]),
                }
            )
        return out


def _round_nested(d: dict) -> dict:
    return {k: {kk: (_r4(vv) if isinstance(vv, float) else vv) for kk, vv in v.items()} for k, v in d.items()}


def _doc_key_variants(doc_id: str) -> list[str]:
    """Keys to try, in order: exact, after '#', file name, file stem."""
    doc_id = doc_id.strip()
    out = [doc_id]
    if "#" in doc_id:
        out.append(doc_id.rsplit("#", 1)[1])
    for v in list(out):
        name = re.split(r"[\\/]", v)[-1]
        out.append(name)
        stem = name.rsplit(".", 1)[0] if "." in name else name
        out.append(stem)
    seen, uniq = set(), []
    for v in out:
        if v and v not in seen:
            seen.add(v)
            uniq.append(v)
    return uniq


class _DocIndex:
    """Find the gold doc_id a prediction's doc_id names.

    Tried in order: exact doc_id; then, for the prediction's variants (the
    part after '#', the file name, the stem), a gold document whose own
    variants include it, provided exactly one does.
    """

    def __init__(self, gold: list[GoldDocument]):
        self.ids = {d.doc_id for d in gold}
        self.alias: dict[str, set[str]] = defaultdict(set)
        for d in gold:
            for key in _doc_key_variants(d.doc_id):
                self.alias[key].add(d.doc_id)
        self.cache: dict[str, str | None] = {}

    def find(self, doc_id: str) -> str | None:
        if doc_id not in self.cache:
            found = doc_id if doc_id in self.ids else None
            if found is None:
                for key in _doc_key_variants(doc_id):
                    hits = self.alias.get(key, ())
                    if len(hits) == 1:
                        found = next(iter(hits))
                        break
            self.cache[doc_id] = found
        return self.cache[doc_id]


def _str(v) -> str:
    if v is None:
        return ""
    try:
        if pd.isna(v):
            return ""
    except (TypeError, ValueError):
        pass
    return str(v)


def _int(v) -> int:
    try:
        if v is None or pd.isna(v):
            return -1
        return int(v)
    except (TypeError, ValueError):
        return -1


def _blank_pred_stats() -> dict:
    return {"n_pred": 0, "n_matched": 0, "n_source_right": 0}


def _blank_gold_stats() -> dict:
    return {"n_gold": 0, "n_matched": 0, "n_source_right": 0}


def score(
    predictions: pd.DataFrame,
    gold: list[GoldDocument],
    speakers: dict[tuple[str, int, int], GoldSpeaker] | None = None,
) -> EvalReport:
    """Score a claims table (``doc_id``, ``char_start``, ``char_end``, ``speaker``,
    ``speaker_mention``, ``quote_type`` are read; missing columns count as empty)
    against gold documents, and, given ``speakers`` (:func:`load_speakers`), the
    speaker resolution.  See the module docstring for the rules."""
    preds, ignored, n_unlocated = _located_predictions(predictions, gold)
    doc_pos = {d.doc_id: i for i, d in enumerate(gold)}
    preds_by_doc: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(preds):
        preds_by_doc[doc_pos[p.doc_id]].append(i)
    pairs = [pair for di, pis in preds_by_doc.items() for pair in _document_pairs(gold[di], di, pis, preds)]
    by_cue, by_style = _gold_breakdowns(gold, pairs)
    speaker_of = _gold_speakers(gold, speakers or {})
    return EvalReport(
        n_gold=sum(len(d.attributions) for d in gold),
        n_pred=len(preds),
        n_pred_ignored=sum(ignored.values()),
        n_pred_unlocated=n_unlocated,
        n_matched=len(pairs),
        n_exact=sum(p.exact for p in pairs),
        n_source_right=sum(p.source_right for p in pairs),
        n_gold_docs=len(gold),
        n_docs_with_predictions=len(preds_by_doc),
        n_gold_without_source=sum(d.n_without_source for d in gold),
        by_quote_type=_quote_type_breakdown(preds, pairs),
        by_cue=by_cue,
        by_gold_style=by_style,
        speaker_resolved=_speaker_resolution(pairs, preds, speaker_of) if speakers else {},
        _gold=gold,
        _preds=preds,
        _pairs=pairs,
        _ignored_doc_ids=sorted(ignored),
        _speaker_of=speaker_of,
    )


def _located_predictions(
    predictions: pd.DataFrame | None, gold: list[GoldDocument]
) -> tuple[list[_Pred], dict[str, int], int]:
    """The rows of gold documents, located in their text (trimmed positions); the other rows'
    doc_ids with their counts; how many rows of gold documents lie outside the text."""
    docs_by_id = {d.doc_id: d for d in gold}
    index = _DocIndex(gold)
    preds: list[_Pred] = []
    ignored: dict[str, int] = {}
    n_unlocated = 0
    if predictions is None or not len(predictions):
        return preds, ignored, n_unlocated
    cols = set(predictions.columns)

    def col(name):
        return predictions[name] if name in cols else pd.Series([None] * len(predictions), index=predictions.index)

    names = ("doc_id", "char_start", "char_end", "speaker", "speaker_mention", "quote_type", "quote")
    for idx, raw_doc, cs, ce, spk, men, qt, quote in zip(predictions.index, *map(col, names), strict=True):
        raw = _str(raw_doc)
        doc_id = index.find(raw)
        if doc_id is None:
            ignored[raw] = ignored.get(raw, 0) + 1
            continue
        text = docs_by_id[doc_id].text
        s, e = _int(cs), _int(ce)
        p = _Pred(idx, doc_id, raw, s, e, _str(spk), _str(men), _str(qt).strip().lower(), _str(quote))
        if 0 <= s < e <= len(text):
            p.positions = trim_positions(text, [(s, e)])
        elif 0 <= s < len(text) and e > len(text):
            p.positions = trim_positions(text, [(s, len(text))])
        else:
            n_unlocated += 1
        preds.append(p)
    return preds, ignored, n_unlocated


def _document_pairs(doc: GoldDocument, di: int, pis: list[int], preds: list[_Pred]) -> list[_Pair]:
    """Matched (prediction, gold attribution) pairs of one document: candidates best first (Dice
    overlap, then a right source, then document order), taken greedily one to one."""
    gold_pos = [frozenset(trim_positions(doc.text, a.content_spans)) for a in doc.attributions]
    cands = []
    for pi in pis:
        ppos = preds[pi].positions
        if not ppos:
            continue
        pset = frozenset(ppos)
        plo, phi = ppos[0], ppos[-1]
        for ai, a in enumerate(doc.attributions):
            gset = gold_pos[ai]
            if not gset or a.content_spans[-1][1] <= plo or a.content_spans[0][0] > phi:
                continue
            shared = len(pset & gset)
            if not overlap_match(shared, len(pset), len(gset)):
                continue
            right = source_is_right(preds[pi].speaker_mention, preds[pi].speaker, a.source_text)
            dice = 2 * shared / (len(pset) + len(gset))
            cands.append((-dice, not right, ai, pi, shared, pset == gset, right))
    cands.sort()
    pairs = []
    used_p, used_g = set(), set()
    for _neg, _nr, ai, pi, shared, exact, right in cands:
        if pi in used_p or ai in used_g:
            continue
        used_p.add(pi)
        used_g.add(ai)
        pairs.append(_Pair(pi, (di, ai), shared, exact, right))
    return pairs


def _quote_type_breakdown(preds: list[_Pred], pairs: list[_Pair]) -> dict[str, dict]:
    """Precision by the predicted quote type."""
    by_qt: dict[str, dict] = {k: _blank_pred_stats() for k in QUOTE_STYLES}
    pair_by_pred = {p.pred: p for p in pairs}
    for i, p in enumerate(preds):
        key = p.quote_type if p.quote_type else "(empty)"
        st = by_qt.setdefault(key, _blank_pred_stats())
        st["n_pred"] += 1
        if i in pair_by_pred:
            st["n_matched"] += 1
            st["n_source_right"] += pair_by_pred[i].source_right
    for st in by_qt.values():
        st["content_precision"] = st["n_matched"] / st["n_pred"] if st["n_pred"] else 0.0
        st["who_said_what_precision"] = st["n_source_right"] / st["n_pred"] if st["n_pred"] else 0.0
    return by_qt


def _gold_breakdowns(gold: list[GoldDocument], pairs: list[_Pair]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Recall by the gold cue's category and by the gold content's style."""
    by_cue: dict[str, dict] = {k: _blank_gold_stats() for k in CUE_CATEGORIES}
    by_style: dict[str, dict] = {k: _blank_gold_stats() for k in QUOTE_STYLES}
    pair_by_gold = {p.gold: p for p in pairs}
    for di, doc in enumerate(gold):
        for ai, a in enumerate(doc.attributions):
            pair = pair_by_gold.get((di, ai))
            for st in (by_cue[cue_category(a.cue_text)], by_style[quote_style(a.content_text)]):
                st["n_gold"] += 1
                if pair:
                    st["n_matched"] += 1
                    st["n_source_right"] += pair.source_right
    for table in (by_cue, by_style):
        for st in table.values():
            st["content_recall"] = st["n_matched"] / st["n_gold"] if st["n_gold"] else 0.0
            st["who_said_what_recall"] = st["n_source_right"] / st["n_gold"] if st["n_gold"] else 0.0
    return by_cue, by_style


SPEAKER_KINDS = ("name", "surname", "pronoun", "relative", "description", "other")


def _gold_speakers(
    gold: list[GoldDocument], speakers: dict[tuple[str, int, int], GoldSpeaker]
) -> dict[tuple[int, int], GoldSpeaker]:
    """(document index, attribution index) -> the speaker record of its Source span (by doc_id or its stem)."""
    found = {}
    for di, doc in enumerate(gold):
        names = dict.fromkeys([doc.doc_id, doc.doc_id.rsplit(".", 1)[0]])
        for ai, a in enumerate(doc.attributions):
            start, end = a.source_spans[0][0], a.source_spans[-1][1]
            record = next((speakers[(n, start, end)] for n in names if (n, start, end) in speakers), None)
            if record is not None:
                found[(di, ai)] = record
    return found


def _speaker_resolution(pairs: list[_Pair], preds: list[_Pred], speaker_of: dict) -> dict[str, dict]:
    """Speaker resolved right by gold source kind, and over all ("all")."""
    table: dict[str, dict[str, float]] = {k: {"n": 0, "n_right": 0} for k in (*SPEAKER_KINDS, "all")}
    for pair in pairs:
        record = speaker_of.get(pair.gold)
        if record is None or not record.entity:
            continue
        right = same_speaker(preds[pair.pred].speaker, record.entity)
        for key in (record.kind, "all"):
            st = table.setdefault(key, {"n": 0, "n_right": 0})
            st["n"] += 1
            st["n_right"] += right
    for st in table.values():
        st["rate"] = st["n_right"] / st["n"] if st["n"] else 0.0
    return table


def evaluate(
    gold: Path | str,
    *,
    table: Path | str | None = None,
    nlp=None,
    model: str | None = None,
    speakers: Path | str | None = None,
    kinds: Iterable[str] | str | None = None,
    min_confidence: float = 0.0,
) -> Evaluation:
    """``claimex eval``: score the claims table ``table`` (else claimex's own extraction, with ``nlp`` or
    ``model``) against the gold attributions at ``gold`` (see :func:`load_gold`) both ways
    (:func:`evaluate_rows`), and the speakers against ``speakers`` (default: ``speakers.jsonl`` beside the
    gold, when there is one; see :func:`load_speakers`).  The gold's kinds come from claimex's parse of
    the gold articles, so the pipeline is loaded with a table too.  A missing or unreadable input raises
    :class:`~claimex.io.writing.UsageError` naming it."""
    from ..api import checked_row_filter
    from ..io.writing import UsageError
    from ..nlp.pipeline import load_pipeline
    from ..table import load_table

    selected = checked_row_filter(kinds, min_confidence)
    if not Path(gold).exists():
        raise UsageError(f"no such gold file or directory: {gold}")
    if table is not None and not Path(table).exists():
        raise UsageError(f"no such table: {table}")
    if speakers is not None and not Path(speakers).is_file():
        raise UsageError(f"no such speakers file: {speakers}")
    try:
        documents = load_gold(gold)
    except (OSError, ValueError) as exc:
        reason = str(exc) if str(exc).startswith(str(gold)) else f"{gold}: {exc}"
        raise UsageError(f"{reason} (see claimex eval in the README for the gold formats)") from exc
    speakers = speakers or default_speakers_path(gold)
    try:
        who = load_speakers(speakers) if speakers is not None else None
    except (OSError, ValueError) as exc:
        raise UsageError(f"{exc} (--speakers takes a JSONL file of doc, start, end, entity, kind)") from exc
    predictions = load_table(table) if table is not None else None
    nlp = nlp or load_pipeline(model)
    if predictions is None:
        predictions = extract_for_gold(documents, nlp)
    else:
        classify_gold_texts(documents, nlp)
    return evaluate_rows(predictions, documents, who, **selected)


def extract_for_gold(documents: list[GoldDocument], nlp, *, classify: bool = True) -> pd.DataFrame:
    """Run claimex on the gold documents' own texts and return the claims table, every kind of claim.

    With ``classify`` the gold attributions get their kind from the same parse (:func:`classify_gold`)."""
    from ..api import row_filter
    from ..article import Article
    from ..nlp.pipeline import annotate
    from ..records import doc_to_records
    from ..table import to_frame

    every_kind = row_filter("all")
    rows: list[dict] = []
    by_id = {d.doc_id: d for d in documents}
    for article, doc in annotate(nlp, [Article(doc_id=d.doc_id, text=d.text) for d in documents]):
        rows.extend(doc_to_records(doc, article, **every_kind))
        if classify:
            classify_gold(by_id[article.doc_id], doc)
    return to_frame(rows)


# --------------------------------------------------------------------------
# Claim kinds: the gold classified as the claims are
# --------------------------------------------------------------------------


def classify_gold(document: GoldDocument, doc) -> None:
    """Set the kind of each of ``document``'s attributions (:attr:`GoldAttribution.kind`) with the function
    that classifies claims, :func:`claimex.nlp.kinds.claim_kind`, on ``doc``, the article as claimex parsed it:
    the words of the gold Cue, the gold Source (its first fragment), the gold Content and its quote style."""
    from ..nlp.kinds import claim_kind

    for attribution in document.attributions:
        cue = _tokens(doc, attribution.cue_spans)
        source = _tokens(doc, attribution.source_spans[:1])
        source_span = doc[source[0].i : source[-1].i + 1] if source else None
        statement = _tokens(doc, attribution.content_spans)
        attribution.kind = claim_kind(cue, source_span, statement, quote_style(attribution.content_text))


def classify_gold_texts(documents: list[GoldDocument], nlp) -> None:
    """Parse the gold articles as claimex does and classify their attributions (for a table scored as is)."""
    from ..article import Article
    from ..nlp.pipeline import annotate

    by_id = {d.doc_id: d for d in documents}
    for article, doc in annotate(nlp, [Article(doc_id=d.doc_id, text=d.text) for d in documents]):
        classify_gold(by_id[article.doc_id], doc)


def _tokens(doc, spans: list[Span]) -> list:
    tokens = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.extend(span)
    return tokens


def select_kinds(
    predictions: pd.DataFrame, gold: list[GoldDocument], kinds: Iterable[str]
) -> tuple[pd.DataFrame, list[GoldDocument]]:
    """The rows whose ``claim_kind`` is one of ``kinds`` and the gold attributions of those kinds (classified
    beforehand, see :func:`classify_gold`): the default output is scored against the speech gold."""
    kinds = frozenset(kinds)
    column = (
        predictions["claim_kind"] if "claim_kind" in predictions.columns else pd.Series("", index=predictions.index)
    )
    chosen = predictions[column.astype(str).isin(kinds)]
    documents = [
        GoldDocument(
            d.doc_id,
            d.text,
            [a for a in d.attributions if a.kind in kinds],
            d.n_without_source,
            d.annotator,
        )
        for d in gold
    ]
    return chosen, documents


# --------------------------------------------------------------------------
# Calibration of the confidence column
# --------------------------------------------------------------------------


@dataclass
class CalibrationBin:
    n: int
    low: float  # lowest and highest confidence in the bin
    high: float
    mean_confidence: float
    share_right: float  # rows whose content matched and whose source is right


@dataclass
class Calibration:
    """How well ``confidence`` predicts that a row is right: rows in deciles of confidence (equal counts)."""

    bins: list[CalibrationBin]
    n_rows: int
    ece: float  # expected calibration error: the row-weighted mean of |mean confidence - share right| over the bins

    def to_dict(self) -> dict:
        return {
            "n_rows": self.n_rows,
            "ece": _r4(self.ece),
            "deciles": [
                {
                    "n": b.n,
                    "low": _r4(b.low),
                    "high": _r4(b.high),
                    "mean_confidence": _r4(b.mean_confidence),
                    "share_right": _r4(b.share_right),
                }
                for b in self.bins
            ],
        }

    def table(self) -> tuple[list[str], list[list]]:
        headers = ["decile", "rows", "confidence from", "to", "mean confidence", "share right"]
        rows = [
            [k + 1, b.n, _r4(b.low), _r4(b.high), _r4(b.mean_confidence), _r4(b.share_right)]
            for k, b in enumerate(self.bins)
        ]
        return headers, rows


def calibration(report: EvalReport, predictions: pd.DataFrame, n_bins: int = 10) -> Calibration:
    """The calibration of ``predictions``' ``confidence`` against ``report``'s matching (a row is right when its
    content matched a gold attribution and its source is right).  Rows without a confidence (null) are left out."""
    right = {pair.pred for pair in report._pairs if pair.source_right}
    confidence = predictions["confidence"] if "confidence" in predictions.columns else None
    scored = []
    for i, pred in enumerate(report._preds):
        value = float(confidence.loc[pred.index]) if confidence is not None else math.nan
        if not math.isnan(value):
            scored.append((value, i in right))
    scored.sort(key=lambda pair: pair[0])  # ties stay in row order: right and wrong rows are not sorted apart
    bins = []
    for k in range(n_bins):
        chunk = scored[k * len(scored) // n_bins : (k + 1) * len(scored) // n_bins]
        if chunk:
            mean = sum(c for c, _ in chunk) / len(chunk)
            bins.append(
                CalibrationBin(len(chunk), chunk[0][0], chunk[-1][0], mean, sum(r for _, r in chunk) / len(chunk))
            )
    ece = sum(b.n * abs(b.mean_confidence - b.share_right) for b in bins) / len(scored) if scored else 0.0
    return Calibration(bins, len(scored), ece)


# --------------------------------------------------------------------------
# The two scorings of ``claimex eval``
# --------------------------------------------------------------------------


@dataclass
class Evaluation:
    """A claims table scored twice: every row against every gold attribution (``all_kinds``), and the
    output asked for (rows of ``kinds`` whose confidence is at least ``min_confidence``; by default speech)
    against the gold attributions of those kinds (``selected``); with the calibration of the confidence."""

    all_kinds: EvalReport
    selected: EvalReport
    kinds: frozenset[str]
    min_confidence: float
    calibration: Calibration  # every row's confidence against the all-kinds matching
    selected_calibration: Calibration

    def to_dict(self) -> dict:
        return {
            "all_kinds": self.all_kinds.to_dict(),
            "selected": {
                "kinds": sorted(self.kinds),
                "min_confidence": self.min_confidence,
                **self.selected.to_dict(),
                "calibration": self.selected_calibration.to_dict(),
            },
            "calibration": self.calibration.to_dict(),
        }


def evaluate_rows(
    predictions: pd.DataFrame,
    gold: list[GoldDocument],
    speakers: dict[tuple[str, int, int], GoldSpeaker] | None = None,
    *,
    kinds: Iterable[str] | str | None = None,
    min_confidence: float = 0.0,
) -> Evaluation:
    """Both scorings of ``predictions`` (every kind of row) against ``gold``, whose attributions carry their
    kind (:func:`classify_gold`, done by :func:`extract_for_gold` or :func:`classify_gold_texts`); the
    speaker resolution (``speakers``, see :func:`load_speakers`) with every kind."""
    from ..nlp.kinds import parse_kinds

    chosen = parse_kinds(kinds)
    every = score(predictions, gold, speakers)
    rows, documents = select_kinds(predictions, gold, chosen)
    if min_confidence > 0 and "confidence" in rows.columns:
        rows = rows[rows["confidence"] >= min_confidence]
    selected = score(rows, documents)
    return Evaluation(
        every,
        selected,
        chosen,
        min_confidence,
        calibration(every, predictions),
        calibration(selected, rows),
    )
