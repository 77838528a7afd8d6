"""Which named person a definite description means: a logistic model over features of each candidate.

News refers back to the person it is about with epithets: "Indiana Gov. Mike Pence ... The Indiana governor
said", "Donald Trump ... The New York businessman says".  For such a description (a singular noun naming a
person, see :mod:`claimex.lexicon.nouns`), every person the article names is a candidate, described by
:func:`description_features`: whether the article describes them with the description's role noun and its
qualifiers ("Indiana"); whether the role noun's gender agrees with theirs (a person of the other gender, one
described without all of the description's qualifiers, or, for an office, without its role noun, is no
candidate: "the spokeswoman" is no man, "the French president" no one the article never calls French, "the
senator" no one it never calls a senator); how many sentences back they were last named (or forward: a lede describes before it
names); whether that mention was a subject; how often the article names them; whether they
spoke in an earlier claim or the latest one; and, of the description itself, whether it is definite,
possessed or a subject.  :class:`DescriptionRanker` gives each candidate a probability of being meant; the
best one is taken when its probability reaches the model's threshold, else the description stays as written.

The shipped model (``claimex.models``, ``description_ranker.json``) is learned by ``claimex train-speakers``
(:mod:`claimex.speakermodel.train`) from the coreference chains of GUM's train split; the ranker is the
registered strategy ``claimex.description_ranker.v1`` of the ``claimex_speakers`` component.  GUM marks no
paragraphs, so nothing here depends on them (a feature constant in training would shift every score at run time).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.util import registry

FORMAT_VERSION = 1
SHIPPED_MODEL = "description_ranker.json"
FAR_SENTENCES = 40  # sentence distances are scaled to this and capped

#: The features of a candidate, in the model's order.
FEATURES = (
    "role_match",
    "role_other",
    "qualifiers_described",
    "gender_agrees",
    "distance",
    "cataphora",
    "possessor",
    "subject",
    "salience",
    "most_named",
    "spoke",
    "last_speaker",
    "mention_definite",
    "mention_possessed",
    "mention_subject",
    "mention_qualified",
    "mention_office",
)


@dataclass(frozen=True)
class Candidate:
    """What the article says of one person, as seen from a description (see :func:`description_features`)."""

    role_match: bool  # described with the description's role noun (or one of its class)
    described: bool  # described with any role noun at all
    qualifiers_described: float  # share of the description's qualifiers among the words describing them
    gender: str | None  # agreement of the role noun's gender with theirs: "agrees", "clashes" or None
    sentences_away: int  # sentences from their nearest earlier mention (or, for cataphora, the first later one)
    cataphora: bool  # named only after the description
    possessor: bool  # the one "his" or "her" in the description is ("his father" is not he)
    subject: bool  # that mention is a subject
    mentions: int  # how often the article names them
    mention_share: float  # their mentions over the most-named person's
    spoke: int  # 0 never, 1 in an earlier claim, 2 in the latest one


@dataclass(frozen=True)
class Description:
    """What a description says of itself."""

    n_qualifiers: int
    definite: bool  # "the", "this", "that"
    possessed: bool  # "his", "Trump's"
    subject: bool
    office: bool  # the role noun is an office or title ("governor", "nominee"), not a common noun ("woman")


def description_features(description: Description, candidate: Candidate) -> dict[str, float]:
    """The model's features of one (description, candidate) pair."""
    away = max(min(candidate.sentences_away, FAR_SENTENCES), 0)
    return {
        "role_match": float(candidate.role_match),
        "role_other": float(candidate.described and not candidate.role_match),
        "qualifiers_described": candidate.qualifiers_described,
        "gender_agrees": float(candidate.gender == "agrees"),
        "distance": math.log1p(away) / math.log1p(FAR_SENTENCES),
        "cataphora": float(candidate.cataphora),
        "possessor": float(candidate.possessor),
        "subject": float(candidate.subject),
        "salience": math.log1p(candidate.mentions) / math.log1p(20),
        "most_named": float(candidate.mention_share >= 1.0),
        "spoke": float(candidate.spoke >= 1),
        "last_speaker": float(candidate.spoke == 2),
        "mention_definite": float(description.definite),
        "mention_possessed": float(description.possessed),
        "mention_subject": float(description.subject),
        "mention_qualified": float(description.n_qualifiers > 0),
        "mention_office": float(description.office),
    }


@dataclass(frozen=True)
class DescriptionRanker:
    """A logistic model of "this candidate is the person the description means": ``weights`` by feature name,
    ``bias``, and the probability a best candidate needs to be taken (``threshold``)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict = field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_json(self) -> str:
        weights = {name: round(self.weights.get(name, 0.0), 5) for name in FEATURES}
        return json.dumps(
            {
                "format": FORMAT_VERSION,
                "weights": weights,
                "bias": round(self.bias, 5),
                "threshold": round(self.threshold, 4),
                "meta": self.meta,
            },
            indent=1,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> DescriptionRanker:
        data = json.loads(text)
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"description ranker format {data.get('format')!r}; this claimex reads {FORMAT_VERSION}")
        weights = {name: float(w) for name, w in data["weights"].items()}
        return cls(weights, float(data["bias"]), float(data["threshold"]), data.get("meta", {}))

    def save(self, path: Path | str) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> DescriptionRanker:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


def shipped_description_ranker() -> DescriptionRanker:
    """The ranker trained on GUM's train split and shipped in ``claimex.models``."""
    text = resources.files("claimex.models").joinpath(SHIPPED_MODEL).read_text("utf-8")
    return DescriptionRanker.from_json(text)


@registry.misc("claimex.description_ranker.v1")
def make_description_ranker(model_path: str = "") -> DescriptionRanker:
    """The learned description ranker; ``model_path`` empty means the shipped one (``claimex train-speakers``)."""
    return DescriptionRanker.load(model_path) if model_path else shipped_description_ranker()
