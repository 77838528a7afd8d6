"""How sure a claim is: the probability that its row is right (its statement and its speaker).

Each claim is described by what the pipeline knows about how it was found (:func:`claim_features`):
the construction (a rule of the lexicon, a learned construction and the cue model's probability, a
transcript label, a signature, a quotation continuing a turn, a floating quotation), the quote type
and the claim's kind, the cue word, the speaker's mention (a name, a pronoun, a relative pronoun, a
description) and how it was resolved, the distance between the cue and the statement, the
statement's length, where the claim sits (title, body).  A logistic regression over those features,
trained on PolNeAR train with the rows claimex finds there (each row labelled right when its
statement matches a gold attribution and its source is right, as ``claimex eval`` scores), gives a
score; an isotonic map fitted on out-of-fold scores (5 folds by article, each with a cue model that
did not see it) turns the score into a probability.  ``claimex train-confidence`` rebuilds it
(:mod:`claimex.cuemodel.train_confidence`).

Limits, plainly: the probability is calibrated on PolNeAR's political news and its annotators'
notion of a right row (their statement boundaries included); on other news it is a ranking more than
a probability.  A right row whose statement PolNeAR did not annotate counts as wrong in training.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..io.atomic import write_text_atomic
from ..nlp.keys import CLAIMS, PARAGRAPHS
from ..nlp.syntax import relative_pronoun

FORMAT_VERSION = 1
SHIPPED_MODEL = "confidence_model.json"
_SIGNATURE_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "--"})
_PRONOUNS = frozenset("i we you he she it they this that who which".split())


@dataclass
class ConfidenceModel:
    """Weights of the logistic regression and the isotonic map from its score to a probability."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    calibration: list[tuple[float, float]] = field(default_factory=list)  # (score, probability), score ascending
    meta: dict = field(default_factory=dict)
    _xs: list[float] = field(default_factory=list, repr=False, compare=False)  # the calibration's scores

    def score(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def probability(self, features: list[str]) -> float:
        if len(self._xs) != len(self.calibration):
            self._xs = [x for x, _ in self.calibration]
        return calibrated(self.calibration, self.score(features), self._xs)

    def to_json(self) -> str:
        rows = ",\n".join(
            json.dumps([name, weight], ensure_ascii=False) for name, weight in sorted(self.weights.items())
        )
        points = ",\n".join(json.dumps([round(x, 6), round(y, 6)]) for x, y in self.calibration)
        head = {"format": FORMAT_VERSION, "meta": self.meta, "bias": self.bias}
        return (
            f'{json.dumps(head, sort_keys=True, ensure_ascii=False)[:-1]}, "weights": [\n{rows}\n],'
            f' "calibration": [\n{points}\n]}}'
        )

    @classmethod
    def from_json(cls, text: str) -> ConfidenceModel:
        data = json.loads(text)
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"confidence model format {data.get('format')!r}; this claimex reads {FORMAT_VERSION}")
        return cls(
            dict(data["weights"]),
            data["bias"],
            [(x, y) for x, y in data["calibration"]],
            data.get("meta", {}),
        )

    @classmethod
    def load(cls, path: Path | str) -> ConfidenceModel:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))

    def save(self, path: Path | str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, self.to_json() + "\n")


def calibrated(points: list[tuple[float, float]], score: float, xs: list[float] | None = None) -> float:
    """``score`` through the piecewise-linear map ``points`` (the identity without points); ``xs``: the
    points' scores, when the caller keeps them."""
    if not points:
        return score
    xs = xs if xs is not None else [x for x, _ in points]
    k = bisect_right(xs, score)
    if k == 0:
        return points[0][1]
    if k == len(points):
        return points[-1][1]
    (x0, y0), (x1, y1) = points[k - 1], points[k]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)


def shipped_model() -> ConfidenceModel | None:
    """The model trained on PolNeAR train and shipped in ``claimex.models``; None if it is not installed."""
    path = resources.files("claimex.models").joinpath(SHIPPED_MODEL)
    return ConfidenceModel.from_json(path.read_text(encoding="utf-8")) if path.is_file() else None


# --- features ----------------------------------------------------------------


def construction(claim: Span) -> str:
    """How the claim was found: ``floating`` (a quotation with no cue, given to the conversation's speaker),
    ``continuation`` (an uncued quotation continuing a turn), ``label`` (a transcript or title label),
    ``signature`` (a dash and a name), ``learned`` (the cue model), ``phrase`` ("according to"), ``rule``."""
    cue = claim._.cue
    if cue is None:
        return "floating"
    if claim._.continues is not None:
        return "continuation"
    text = cue.text.strip()
    if text == ":":
        return "label"
    if text.lstrip("\"'”’»") in _SIGNATURE_DASHES:
        return "signature"
    if claim._.cue_probability >= 0:
        return "learned"
    return "phrase" if len(cue) > 1 else "rule"


@dataclass(frozen=True)
class Layout:
    """What a claim's features read from the rest of its article, found once per article."""

    paragraph_starts: list[int]
    paragraph_kinds: list[str]
    claims_per_sentence: dict[int, int]  # sentence start -> claims starting in it

    @classmethod
    def of(cls, doc: Doc) -> Layout:
        paragraphs = list(doc.spans.get(PARAGRAPHS, []))
        per_sentence: dict[int, int] = {}
        for claim in doc.spans.get(CLAIMS, []):
            start = doc[claim.start].sent.start
            per_sentence[start] = per_sentence.get(start, 0) + 1
        return cls([p.start for p in paragraphs], [p.label_ for p in paragraphs], per_sentence)

    def paragraph(self, token: int) -> int:
        """The index of the paragraph holding ``token``: -1 before the first."""
        return bisect_right(self.paragraph_starts, token) - 1


def claim_features(claim: Span, layout: Layout | None = None) -> list[str]:
    """The confidence model's features of one claim, as strings ("name=value").  ``layout``: its article's
    (:meth:`Layout.of`), found again when not given."""
    layout = layout or Layout.of(claim.doc)
    paragraph = layout.paragraph(claim.start)
    cue = claim._.cue
    rule = construction(claim)
    quote_type = claim._.quote_type
    kind = claim._.claim_kind
    lemma = _cue_lemma(cue)
    mention = _mention_class(claim)
    doc = claim.doc
    words, sentences = _words_and_sentences(claim)
    first_sentence = doc[claim.start].sent
    features = [
        f"rule={rule}",
        f"qt={quote_type}",
        f"kind={kind}",
        f"rule|qt={rule}|{quote_type}",
        f"kind|qt={kind}|{quote_type}",
        f"cue={lemma}",
        f"cue|qt={lemma}|{quote_type}",
        f"mention={mention}",
        f"mention|qt={mention}|{quote_type}",
        f"resolved={_resolution(claim)}",
        f"speaker_type={claim._.speaker_type or 'none'}",
        f"length={_bucket(words, (3, 8, 20, 40))}",
        f"length|qt={_bucket(words, (3, 8, 20, 40))}|{quote_type}",
        f"sentences={_bucket(sentences, (1, 2, 4))}",
        f"pieces={_bucket(len(claim._.pieces or ()), (0, 2))}",
        f"paragraph={layout.paragraph_kinds[paragraph] if paragraph >= 0 else 'none'}",
        f"crowd={_bucket(layout.claims_per_sentence.get(first_sentence.start, 0), (1, 2))}",
    ]
    if claim._.floating:
        features += [
            f"floating={claim._.floating}",
            f"floating|distance={claim._.floating}|{claim._.floating_distance}",
        ]
    if rule == "learned":
        probability = claim._.cue_probability
        features.append(f"cue_probability={_bucket(probability, (0.45, 0.6, 0.75, 0.9))}")
    if cue is not None:
        gap, side = _gap(claim, cue)
        features += [f"gap={_bucket(gap, (0, 2, 5, 10))}", f"side={side}", f"side|qt={side}|{quote_type}"]
        features.append(f"cue_sentence={first_sentence.start <= cue.start < first_sentence.end}")
    if quote_type != "direct" and claim.start > 0 and doc[claim.start - 1].lower_ == "that":
        features.append("that")
    # the statement runs to its sentence's end, starts at its start
    ends = _only_marks(doc, range(claim.end, doc[claim.end - 1].sent.end))
    features.append(f"sentence_end|qt={ends}|{quote_type}")
    features.append(
        f"sentence_start|qt={_only_marks(doc, range(claim.start - 1, first_sentence.start - 1, -1))}|{quote_type}"
    )
    if mention is not None and claim._.speaker is not None and cue is not None:
        features.append(f"speaker_gap={_bucket(abs(claim._.speaker.root.i - cue.root.i), (1, 3, 8))}")
    features.append(f"paragraph_index={_bucket(paragraph + 1, (0, 1, 4))}")
    if claim.end < len(claim.doc) and claim[-1].is_punct:
        features.append("ends_punct")
    return features


def _cue_lemma(cue: Span | None) -> str:
    if cue is None:
        return "none"
    words = [t for t in cue if t.is_alpha]
    if not words:
        return "punct"
    return "according to" if words[0].lower_ == "according" else words[0].lemma_.lower()


def _mention_class(claim: Span) -> str:
    mention = claim._.speaker
    if mention is None or not len(mention):
        return "none"
    cue = claim._.cue
    if cue is not None and len(cue) == 1 and relative_pronoun(cue[0], mention.root) is not None:
        return "relative"
    root: Token = mention.root
    if root.lower_ in _PRONOUNS:
        return f"pronoun:{root.lower_}"
    if root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return root.ent_type_.lower() + (":named" if len(mention) > 1 else ":one")
    return root.pos_.lower() or "other"


def _resolution(claim: Span) -> str:
    """Whether the speaker was resolved beyond the words at the claim ("he" -> "Mike Pence")."""
    name = claim._.speaker_name
    mention = claim._.speaker
    if not name:
        return "none"
    if mention is None:
        return "inherited"
    words = {t.lower_ for t in mention if t.is_alpha}
    return "same" if {w.lower() for w in name.split()} <= words else "resolved"


def _gap(claim: Span, cue: Span) -> tuple[int, str]:
    if cue.end <= claim.start:
        return claim.start - cue.end, "before"
    if cue.start >= claim.end:
        return cue.start - claim.end, "after"
    return 0, "inside"


def _words_and_sentences(claim: Span) -> tuple[int, int]:
    """The claim's words and the sentences it spans, in one pass."""
    words, sentences = 0, 1
    for k, token in enumerate(claim):
        words += token.is_alpha
        sentences += k > 0 and bool(token.is_sent_start) and not token.is_space
    return words, sentences


def _only_marks(doc: Doc, positions: range) -> bool:
    """Nothing but punctuation and space at ``positions`` (looked at up to the first word)."""
    return all(doc[i].is_punct or doc[i].is_space for i in positions)


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"
