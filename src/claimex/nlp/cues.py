"""The cue lexicon: which words attribute a statement (the lists of :mod:`claimex.lexicon.cues`), plus the cue model.

The lexicon is a registered strategy (``claimex.cue_lexicon.v1``) so another
lexicon, say one learned from annotated news, can be swapped in by name from
a pipeline config.  Limits, plainly: a cue is recognized by its lemma alone,
so "add" in "add two cups" is a cue candidate too; the attribution rules only
accept it when a statement and a speaker hang off it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token
from spacy.util import registry

from ..cuemodel.model import CueModel
from ..lexicon.cues import PHRASE_CUES, RELAYING_VERBS, SPEECH_NOUNS, SPEECH_VERBS

# A learned construction fires when the cue model's probability clears this: the
# best construction-level F1 in 5-fold cross-validation on PolNeAR train.
DEFAULT_THRESHOLD = 0.35
SHIPPED_MODEL = "cue_model.json"


@dataclass(frozen=True)
class CueLexicon:
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: dict[tuple[str, ...], str]
    relaying: frozenset[str]
    model: CueModel | None = None  # learned constructions, see claimex.cuemodel.model
    threshold: float = DEFAULT_THRESHOLD

    def is_verb_cue(self, lemma: str) -> bool:
        return lemma.lower() in self.verbs

    def is_noun_cue(self, lemma: str) -> bool:
        return lemma.lower() in self.nouns

    def extend(self, cue: Token, relation: str, statement: list[Token]) -> list[Token]:
        """The statement's extent as the cue model learned it; as parsed without a model."""
        if self.model is None:
            return statement
        return self.model.extend(cue, relation, statement)

    def speaks(self, noun_lemma: str) -> bool:
        """Whether the cue model learned this noun as a speaker's ("poll", "official"); False without a model."""
        return self.model is not None and self.model.speaks(noun_lemma)

    def learned(self, token: Token, relation: str, statement: list[Token], speaker: Token) -> float:
        """The cue model's probability that a construction attributes ``statement``; 0 without a model."""
        if self.model is None:
            return 0.0
        return self.model.probability(token, relation, statement, speaker)


@registry.misc("claimex.cue_lexicon.v1")
def make_default_lexicon() -> CueLexicon:
    """The built-in lexicon of English reporting verbs, nouns and phrases."""
    return CueLexicon(SPEECH_VERBS, SPEECH_NOUNS, dict(PHRASE_CUES), RELAYING_VERBS)


def shipped_cue_model() -> CueModel:
    """The cue model trained on PolNeAR's train split and shipped in ``claimex.models``."""
    text = resources.files("claimex.models").joinpath(SHIPPED_MODEL).read_text(encoding="utf-8")
    return CueModel.from_json(text)


@registry.misc("claimex.cue_lexicon.v3")
def make_learned_lexicon(model_path: str = "", threshold: float = DEFAULT_THRESHOLD) -> CueLexicon:
    """The built-in lexicon plus constructions learned from annotated news by a classifier.

    ``model_path`` empty means the shipped model (``claimex train-cues`` rebuilds it).
    """
    model = CueModel.load(model_path) if model_path else shipped_cue_model()
    return CueLexicon(SPEECH_VERBS, SPEECH_NOUNS, dict(PHRASE_CUES), RELAYING_VERBS, model, threshold)
