"""Reporting cues: the verbs, nouns and phrases that attribute a statement.

The lexicon is a registered strategy (``claimex.cue_lexicon.v1``) so another
lexicon, say one learned from annotated news, can be swapped in by name from
a pipeline config.  Limits, plainly: a cue is recognized by its lemma alone,
so "add" in "add two cups" is a cue candidate too; the attribution rules only
accept it when a statement and a speaker hang off it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from spacy.util import registry

from .training import CueTable

# A learned construction fires when its estimated precision clears this.  Adding
# rows whose precision is p raises F1 while p exceeds about half the current F1;
# the estimates are conservative (strict matching), so 0.3 sits near that point.
DEFAULT_THRESHOLD = 0.3
SHIPPED_TABLE = "cue_table.json"

# Verbs of saying, reporting, stance and belief common in English news.
SPEECH_VERBS = frozenset(
    """
    say tell add note state declare announce explain insist stress emphasize emphasise underline
    reiterate repeat remark comment mention reply respond answer retort confirm deny acknowledge admit
    concede claim contend assert allege maintain argue suggest indicate point warn caution threaten
    promise pledge vow predict forecast estimate recall recount describe report write tweet post
    announce disclose reveal testify assure reassure urge call demand ask question wonder complain
    lament criticize criticise accuse charge blame praise hail welcome condemn reject dismiss
    tout boast brag joke quip observe conclude concur agree disagree counter object protest
    propose recommend advise caution inform notify signal hint imply speculate theorize
    believe think feel reckon expect hope fear worry doubt know guess consider
    quote cite paraphrase characterize characterise label brand dub
    estimate calculate find show
    """.split()
)

# Nouns that head a reported statement ("his statement that ...", "the ministry's claim that ...").
SPEECH_NOUNS = frozenset(
    """
    statement claim remark remarks comment comments announcement assertion allegation
    warning promise pledge argument insistence suggestion testimony report accusation
    belief view assessment admission denial declaration message
    """.split()
)

# Multi-word prepositional cues: the source is the object of the last word.
PHRASE_CUES = {
    ("according", "to"): "according to",
    ("in", "the", "words", "of"): "in the words of",
    ("quoted", "by"): "quoted by",
    ("as", "quoted", "by"): "quoted by",
}

# Verbs that attribute a paraphrase of someone else: "X cited Y as saying ...".
RELAYING_VERBS = frozenset({"quote", "cite", "paraphrase"})


@dataclass(frozen=True)
class CueLexicon:
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: dict[tuple[str, ...], str]
    relaying: frozenset[str]
    table: CueTable | None = None  # learned constructions, see claimex.training
    threshold: float = DEFAULT_THRESHOLD

    def is_verb_cue(self, lemma: str) -> bool:
        return lemma.lower() in self.verbs

    def is_noun_cue(self, lemma: str) -> bool:
        return lemma.lower() in self.nouns

    def learned(self, lemma: str, pos: str, relation: str) -> float:
        """The learned precision of a construction, 0 when unknown or no table is loaded."""
        if self.table is None:
            return 0.0
        return self.table.precision(lemma, pos, relation)


@registry.misc("claimex.cue_lexicon.v1")
def make_default_lexicon() -> CueLexicon:
    """The built-in lexicon of English reporting verbs, nouns and phrases."""
    return CueLexicon(SPEECH_VERBS, SPEECH_NOUNS, dict(PHRASE_CUES), RELAYING_VERBS)


def shipped_cue_table() -> CueTable:
    """The cue table trained on PolNeAR's train split and shipped in ``claimex.models``."""
    text = resources.files("claimex.models").joinpath(SHIPPED_TABLE).read_text(encoding="utf-8")
    return CueTable.from_json(text)


@registry.misc("claimex.cue_lexicon.v2")
def make_learned_lexicon(table_path: str = "", threshold: float = DEFAULT_THRESHOLD) -> CueLexicon:
    """The built-in lexicon plus constructions learned from annotated news.

    ``table_path`` empty means the shipped table (``claimex train-cues`` rebuilds it).
    """
    table = CueTable.load(table_path) if table_path else shipped_cue_table()
    return CueLexicon(SPEECH_VERBS, SPEECH_NOUNS, dict(PHRASE_CUES), RELAYING_VERBS, table, threshold)
