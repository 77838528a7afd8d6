"""Who each gold source is, and the score **speaker resolved right**.

A speakers file (such as PolNeAR dev's ``speakers.jsonl``) names the entity a careful reader resolves
each Source span to.  Among matched gold attributions whose source has an entity, a row's ``speaker`` is
right when it names that entity, equal up to case, punctuation, a leading "the", leading titles and
honorifics ("Sen.", "President", "Mr."), a possessive and single-letter initials ("Donald J. Trump" =
"Donald Trump"); the share is given overall and by the source's kind (name, surname, pronoun, relative,
description, other).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..lexicon import words as lexicon_words
from .gold import GoldDocument, jsonl_records
from .matching import MatchedPair, Prediction
from .spans import WORD


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


def load_speakers(path: Path | str) -> dict[tuple[str, int, int], GoldSpeaker]:
    """Load a speakers file (JSONL: ``doc``, ``start``, ``end``, ``source``, ``entity``, ``kind``, ``note``),
    keyed by (doc, start, end).  ``doc`` is the article's file name without its extension."""
    found: dict[tuple[str, int, int], GoldSpeaker] = {}
    for lineno, rec in jsonl_records(path):
        try:
            speaker = GoldSpeaker(
                str(rec["doc"]),
                int(rec["start"]),
                int(rec["end"]),
                str(rec.get("source", "")),
                str(rec.get("entity") or ""),
                str(rec.get("kind") or "other"),
                str(rec.get("note") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{lineno}: not a speaker record: {exc}") from exc
        found[(speaker.doc, speaker.start, speaker.end)] = speaker
    return found


def default_speakers_path(gold: Path | str) -> Path | None:
    """``speakers.jsonl`` beside the gold (inside a brat directory, next to a JSONL file), if there is one."""
    gold = Path(gold)
    candidate = (gold if gold.is_dir() else gold.parent) / "speakers.jsonl"
    return candidate if candidate.is_file() else None


#: Words dropped from the front of a name before comparing speakers: titles, honorifics, offices.
_NAME_TITLES = lexicon_words("gold_name_titles")


def speaker_key(name: str) -> tuple[str, ...]:
    """A name's words for comparison: case-folded, without punctuation, a leading "the", leading titles and
    honorifics, a possessive, and single-letter initials ("The Hon. Donald J. Trump's" -> ("donald", "trump")).
    Periods and apostrophes inside a word are dropped ("F.B.I." -> "fbi")."""
    text = re.sub(r"['’]s\b", "", name or "")
    text = re.sub(r"(?<=\w)[.'’](?=\w)", "", text).replace(".", " ")
    found = [w.casefold() for w in WORD.findall(text)]
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


SPEAKER_KINDS = ("name", "surname", "pronoun", "relative", "description", "other")


def gold_speakers(
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


def speaker_resolution(pairs: list[MatchedPair], preds: list[Prediction], speaker_of: dict) -> dict[str, dict]:
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
