"""Ranking the antecedent of "he" and "she": a linear model over features of each earlier person.

For a pronoun, every earlier person whose gender agrees (see :mod:`claimex.speakers`) is a
candidate, described by :func:`candidate_features`: how many sentences back they were last named
(and whether in the same sentence), whether that mention was a subject, and the subject of a clause holding
the pronoun ("House Speaker Paul Ryan, despite admitting that he ..."), whether they spoke in an
earlier claim and in the latest one, how often the article named them before, whether their
gender is known to agree, whether that mention only modifies a noun ("the Clinton campaign"), and
whether a paragraph before ends by introducing them ("..., which concerns Henry Crespo, president of
the caucus."), whom news then quotes.  :class:`AntecedentRanker` scores each with learned weights; the best
score wins.

The shipped weights (``claimex.models``, ``antecedent_ranker.json``) are the hand-set
:data:`PRIOR_WEIGHTS` (its ``meta`` says why and what each new weight was checked against);
others are learned by
``claimex train-speakers`` (:mod:`claimex.speakermodel.train`) from the coreference chains of GUM's
train split, parsed and read by claimex itself; the ranker is the registered strategy
``claimex.antecedent_ranker.v1`` of the ``claimex_speakers`` component.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.util import registry

FORMAT_VERSION = 1
SHIPPED_MODEL = "antecedent_ranker.json"
WINDOW_SENTENCES = 8  # candidates named in the last sentences; beyond, only a known agreeing gender counts

#: Hand-set weights: the ranking before any training, and the one training replays articles with (so that
#: training does not depend on the ranker it replaces).
PRIOR_WEIGHTS = {
    "sentences_back": -8.0,
    "same_sentence": 0.0,
    "subject": 0.8,
    "subject_here": 2.0,
    "spoke": 0.6,
    "last_speaker": 1.5,
    "salience": 0.4,
    "gender_known": 1.2,
    "modifier": -1.0,
    "introduced": 3.0,
}

#: The features of a candidate, in the model's order.
FEATURES = (
    "sentences_back",
    "same_sentence",
    "subject",
    "subject_here",
    "spoke",
    "last_speaker",
    "salience",
    "gender_known",
    "modifier",
    "introduced",
)


def candidate_features(
    sentences_back: int,
    subject: bool,
    spoke: int,
    mentions: int,
    gender_known: bool,
    commands: bool = False,
    modifier: bool = False,
    introduced: bool = False,
) -> dict[str, float]:
    """The features of one candidate: ``spoke`` is 0 (never spoke), 1 (spoke earlier) or 2 (spoke in the
    latest claim); ``mentions`` counts the times the article named them before the pronoun; ``commands``: their
    latest mention is the subject of a clause holding the pronoun ("Ryan, despite admitting that he ...");
    ``modifier``: that mention modifies a common noun ("the Clinton campaign"); ``introduced``: it is the article's
    first mention of them, apposed to a noun for a person, the latest candidate's, in an earlier paragraph than the
    pronoun ("..., which concerns Henry Crespo, president of the caucus.¶ “No one ...,” he said.")."""
    back = max(min(sentences_back, WINDOW_SENTENCES), 0)
    return {
        "sentences_back": back / WINDOW_SENTENCES,
        "same_sentence": float(back == 0),
        "subject": float(subject),
        "subject_here": float(commands),
        "spoke": float(spoke >= 1),
        "last_speaker": float(spoke == 2),
        "salience": math.log1p(mentions),
        "gender_known": float(gender_known),
        "modifier": float(modifier),
        "introduced": float(introduced),
    }


@dataclass(frozen=True)
class AntecedentRanker:
    """A linear scorer of antecedent candidates: ``weights`` by feature name."""

    weights: dict[str, float]
    meta: dict = field(default_factory=dict)

    def score(self, features: dict[str, float]) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def to_json(self) -> str:
        weights = {name: round(self.weights.get(name, 0.0), 5) for name in FEATURES}
        return json.dumps({"format": FORMAT_VERSION, "weights": weights, "meta": self.meta}, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> AntecedentRanker:
        data = json.loads(text)
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"antecedent ranker format {data.get('format')!r}; this claimex reads {FORMAT_VERSION}")
        return cls({name: float(w) for name, w in data["weights"].items()}, data.get("meta", {}))

    def save(self, path: Path | str) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> AntecedentRanker:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


def shipped_ranker() -> AntecedentRanker:
    """The ranker trained on GUM's train split and shipped in ``claimex.models``."""
    return AntecedentRanker.from_json(resources.files("claimex.models").joinpath(SHIPPED_MODEL).read_text("utf-8"))


@registry.misc("claimex.antecedent_ranker.v1")
def make_antecedent_ranker(model_path: str = "") -> AntecedentRanker:
    """The learned antecedent ranker; ``model_path`` empty means the shipped one (``claimex train-speakers``)."""
    return AntecedentRanker.load(model_path) if model_path else shipped_ranker()
