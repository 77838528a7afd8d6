"""Learn which reporting constructions attribute a statement, from annotated news.

The learned model is a table of *constructions*: a cue word's lemma, its part
of speech and the dependency relation that carries the statement ("call" +
``prep:for`` in "X called for Y", "praise" + ``dobj``, "disdain" + ``prep:for``).
For each construction it stores how often it occurs in the training articles
with a speaker attached (a subject, an agent, or a possessor for nouns) and
how often annotators marked it as an attribution with that statement and that
speaker.  Their ratio is the construction's precision estimate; the
``claimex_attribution`` component fires a construction when the estimate
clears a threshold.

Limits, plainly: the table knows only constructions seen in training; it sees
the parse that spaCy's model gives, so a construction the model misparses is
learned as misparsed; a statement is a whole dependency subtree, so
discontinuous statements are learned only through their largest part.

Retrain with ``claimex train-cues ../shared/polnear/train`` (deterministic:
same corpus, same spaCy model, same table).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc, Token

from .syntax import subject_or_agent

FORMAT_VERSION = 1
MIN_OCCURRENCES = 3  # constructions seen fewer times carry no usable estimate


@dataclass
class CueTable:
    """Precision estimates of reporting constructions, keyed ``(lemma, pos, relation)``."""

    counts: dict[tuple[str, str, str], tuple[int, int]] = field(default_factory=dict)  # (attributed, seen)
    meta: dict = field(default_factory=dict)

    def precision(self, lemma: str, pos: str, relation: str) -> float:
        attributed, seen = self.counts.get((lemma.lower(), pos, relation), (0, 0))
        if seen < MIN_OCCURRENCES:
            return 0.0
        return attributed / (seen + 1)  # add-one in the denominator: rare constructions are doubted

    def to_json(self) -> str:
        # One construction per line: the file diffs well when the table is retrained.
        rows = ",\n".join(
            json.dumps([lem, pos, rel, a, s], ensure_ascii=False)
            for (lem, pos, rel), (a, s) in sorted(self.counts.items())
        )
        head = json.dumps({"format": FORMAT_VERSION, "meta": self.meta}, sort_keys=True)[:-1]
        return f'{head}, "constructions": [\n{rows}\n]}}'


    @classmethod
    def from_json(cls, text: str) -> "CueTable":
        data = json.loads(text)
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"cue table format {data.get('format')!r}; this claimex reads {FORMAT_VERSION}")
        counts = {(lem, pos, rel): (a, s) for lem, pos, rel, a, s in data["constructions"]}
        return cls(counts, data.get("meta", {}))

    @classmethod
    def load(cls, path: Path | str) -> "CueTable":
        return cls.from_json(Path(path).read_text(encoding="utf-8"))

    def save(self, path: Path | str) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(self.to_json() + "\n", encoding="utf-8")
        tmp.replace(path)


# --- constructions -----------------------------------------------------------


def speaker_of(token: Token) -> Token | None:
    """The word a construction's speaker hangs on: subject or agent of a verb, possessor of a noun."""
    if token.pos_ == "NOUN":
        return next((c for c in token.children if c.dep_ == "poss"), None)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return subject_or_agent(token)


def statement_relations(token: Token) -> Iterable[tuple[str, list[Token]]]:
    """Each (relation, statement tokens) a cue word could attribute: its complements and objects.

    "called her 'a liar'", "praised X for Y": the object and its predicate together are the statement.
    """
    children = list(token.children)
    predicate = [c for c in children if c.dep_ == "oprd"]
    for child in children:
        if child.dep_ in ("ccomp", "xcomp"):
            yield child.dep_, list(child.subtree)
        elif child.dep_ == "dobj":
            # "praised X for Y", "described X as Y": the object's predicate belongs to the statement.
            tokens = list(child.subtree)
            for extra in predicate + [c for c in children if c.dep_ == "prep" and c.i > child.i and c.lower_ in ("for", "as")]:
                tokens += list(extra.subtree)
            yield "dobj", sorted(tokens, key=lambda t: t.i)
        elif child.dep_ == "prep" and child.i > token.i:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                yield f"prep:{child.lower_}", [t for o in objects for t in o.subtree]
        elif child.dep_ == "acl" and token.pos_ == "NOUN":
            yield "acl", list(child.subtree)


def _content_ids(tokens: Iterable[Token]) -> set[int]:
    return {t.i for t in tokens if not (t.is_punct or t.is_space)}


def _agrees(predicted: set[int], gold: set[int]) -> bool:
    shared = len(predicted & gold)
    return bool(shared) and shared >= 0.5 * len(predicted) and shared >= 0.5 * len(gold)


def _token_ids(doc: Doc, spans) -> set[int]:
    ids: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            ids |= _content_ids(span)
    return ids


def learn_cue_table(pairs: Iterable[tuple[Doc, list]], meta: dict | None = None) -> CueTable:
    """Count constructions in parsed Docs against their gold attributions.

    ``pairs`` yields ``(doc, attributions)`` where each attribution has
    ``cue_spans``, ``content_spans`` and ``source_spans`` as character offsets
    (:class:`claimex.evaluation.GoldAttribution`).
    """
    seen: Counter = Counter()
    attributed: Counter = Counter()
    n_docs = 0
    for doc, attributions in pairs:
        n_docs += 1
        gold = []
        for attribution in attributions:
            cue = _token_ids(doc, attribution.cue_spans)
            if cue:
                gold.append((cue, _token_ids(doc, attribution.content_spans), _token_ids(doc, attribution.source_spans)))
        for token in doc:
            if token.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            speaker = speaker_of(token)
            if speaker is None:
                continue
            for relation, tokens in statement_relations(token):
                key = (token.lemma_.lower(), token.pos_, relation)
                seen[key] += 1
                content = _content_ids(tokens)
                for cue, gold_content, gold_source in gold:
                    if token.i in cue and speaker.i in gold_source and _agrees(content, gold_content):
                        attributed[key] += 1
                        break
    counts = {key: (attributed[key], n) for key, n in seen.items() if attributed[key] or n >= MIN_OCCURRENCES}
    return CueTable(counts, dict(meta or {}, n_docs=n_docs))


def train_cue_table(gold_path: Path | str, nlp, *, progress=None) -> CueTable:
    """Parse the gold articles with ``nlp``'s model components and learn the cue table.

    Every paragraph is parsed (no gating), so the table does not depend on
    claimex's speed settings.  ``progress`` is called once per article.
    """
    from spacy.tokens import Doc as _Doc

    from .evaluation import load_gold
    from .pipeline import chunk_text, model_components

    documents = load_gold(gold_path)

    def pairs():
        with nlp.select_pipes(enable=model_components(nlp)):
            for document in documents:
                parts = list(nlp.pipe(chunk_text(document.text, nlp.max_length)))
                doc = _Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc("")
                if progress is not None:
                    progress()
                yield doc, document.attributions

    meta = {
        "corpus": Path(gold_path).name,
        "spacy_model": f"{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}",
    }
    return learn_cue_table(pairs(), meta)
