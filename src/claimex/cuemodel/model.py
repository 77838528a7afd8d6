"""The cue model at run time: which reporting constructions attribute a statement, and how far a statement runs.

A *construction* is a cue word with a speaker attached and a dependency
relation that carries the statement ("call" + ``prep:for`` in "X called for
Y", "praise" + ``dobj``, "believe" + ``ccomp``).  The speaker is a verb's
subject or agent (a passive with an agent offers its subject as the
statement: "the plan was criticized by X"), the subject of the copula of a
predicate adjective ("X is critical of Y") or noun ("X is a supporter of Y"),
and for a noun its possessor, else the subject of its light verb ("X voiced
support for Y") or of the verb its preposition hangs on ("X is in favor of Y").
The cue model is a logistic regression over features of a
construction: the lemma and relation, the speaker's kind (person, organization,
pronoun), the verb's tense and dependency, negation, modality, the statement's
length and first word.  Those other features let it generalize to cue words
it saw rarely or never ("X reckons that ...").  The ``claimex_attribution`` component fires a
construction its rules did not cover when the model's probability clears a
threshold (0.35, where 5-fold cross-validation on PolNeAR train gave the best
construction-level F1).

A second classifier learns a statement's *extent*: whether a dependency
subtree that ends the statement ("..., which he said was ...", "and warned
against ...") belongs to it, and whether a further complement of the cue to
its right ("knocked Rubio *on trade*", "said A *and let them know B*") does.
It is applied to every statement the rules and the construction model find.

Limits, plainly: the model sees the parse spaCy's model gives, so a misparsed
construction is learned as misparsed; a statement is a whole dependency
subtree, so discontinuous statements are learned only through their largest
part; statements whose cue is in another sentence are not constructions and
are never found this way.  An object that carries no message ("claimed a
victory", "emailed supporters", "unveiled the new actions") is kept as often
as the cue's other objects were attributed: features of the object's head
(its WordNet class, its lemma, either with the cue's lemma) did not tell these
from attributed objects ("unveiled a proposal", "tweeted a chart") in 5-fold
cross-validation on PolNeAR train, whose annotators attribute both kinds.

How the weights are learned is :mod:`claimex.cuemodel.train` (needs the ``train`` extra);
this module reads and applies them and needs nothing beyond spaCy.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from ..io.atomic import write_text_atomic
from ..lexicon.cues import SPEECH_NOUNS, SPEECH_VERBS
from ..nlp.syntax import RELATIVE_PRONOUNS, charge, finite_tag, subject_or_agent, subtree, subtree_ids, title_shaped

FORMAT_VERSION = 3  # 3 adds the extent classifier; 2 (without it) is still read
CUE_POS = ("VERB", "AUX", "NOUN", "ADJ")  # words a learned construction can hang on
_OPENERS = frozenset({"that", "to", "whether", "what", "how", "why", "if"})


@dataclass
class CueModel:
    """Weights of the construction classifier and of the extent classifier, plus the lemmas learned as cues."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    cue_lemmas: dict[str, frozenset[str]] = field(default_factory=dict)  # pos -> lemmas
    meta: dict = field(default_factory=dict)
    extent_weights: dict[str, float] = field(default_factory=dict)  # empty: statements keep the parse's extent
    extent_bias: float = 0.0

    def probability(self, token: Token, relation: str, statement: list[Token], speaker: Token) -> float:
        """How likely annotators would call this construction an attribution."""
        return _logistic(self.bias, self.weights, construction_features(token, relation, statement, speaker))

    def speaks(self, noun_lemma: str) -> bool:
        """Whether a noun as a construction's speaker made it likelier an attribution ("the poll found",
        "experts say"): its learned speaker weight is positive.  Unseen nouns do not speak."""
        return self.weights.get(f"speaker_lemma={noun_lemma}", 0.0) > 0.0

    def extend(self, cue: Token, relation: str, statement: list[Token]) -> list[Token]:
        """``statement`` without the trailing subtrees that do not belong to it, plus the cue's further
        complements that do (see :func:`trailing_units`, :func:`further_units`), in text order."""
        if not self.extent_weights or not statement:
            return statement

        def decide(kind: str, unit: Token) -> bool:
            return _logistic(self.extent_bias, self.extent_weights, extent_features(kind, unit, relation, cue)) > 0.5

        doc = cue.doc
        return [doc[i] for i in sorted(walk_extent(cue, statement, decide))]

    def to_json(self) -> str:
        # One feature per line: the file diffs well when the model is retrained.
        rows = ",\n".join(
            json.dumps([name, weight], ensure_ascii=False) for name, weight in sorted(self.weights.items())
        )
        extent = ",\n".join(
            json.dumps([name, weight], ensure_ascii=False) for name, weight in sorted(self.extent_weights.items())
        )
        head = {
            "format": FORMAT_VERSION,
            "meta": self.meta,
            "bias": self.bias,
            "cue_lemmas": {pos: sorted(lemmas) for pos, lemmas in sorted(self.cue_lemmas.items())},
            "extent_bias": self.extent_bias,
        }
        return (
            f'{json.dumps(head, sort_keys=True, ensure_ascii=False)[:-1]}, "weights": [\n{rows}\n],'
            f' "extent_weights": [\n{extent}\n]}}'
        )

    @classmethod
    def from_json(cls, text: str) -> CueModel:
        data = json.loads(text)
        if data.get("format") not in (2, FORMAT_VERSION):
            raise ValueError(f"cue model format {data.get('format')!r}; this claimex reads 2 and {FORMAT_VERSION}")
        return cls(
            dict(data["weights"]),
            data["bias"],
            {pos: frozenset(lemmas) for pos, lemmas in data.get("cue_lemmas", {}).items()},
            data.get("meta", {}),
            dict(data.get("extent_weights", [])),
            data.get("extent_bias", 0.0),
        )

    @classmethod
    def load(cls, path: Path | str) -> CueModel:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))

    def save(self, path: Path | str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, self.to_json() + "\n")


# --- constructions -----------------------------------------------------------


def speaker_of(token: Token) -> Token | None:
    """The word a construction's speaker hangs on: subject or agent of a verb (or of the copula
    of a predicate adjective), possessor of a noun."""
    if token.pos_ == "NOUN":
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        # Without a possessor, the subject of the verb the noun hangs on holds the stance: a light verb
        # ("voiced support for X"), a copula ("X is a critic of Y"), or through a preposition ("is in favor of X").
        verb = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ in ("dobj", "attr") else None
        return subject_or_agent(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else None
    if token.pos_ == "ADJ":
        # "X is critical of Y", "X was confident that Y": the copula's subject holds the stance.
        return subject_or_agent(token.head) if token.dep_ == "acomp" and token.head.pos_ in ("VERB", "AUX") else None
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return subject_or_agent(token)


def statement_relations(token: Token) -> Iterable[tuple[str, list[Token]]]:
    """Each (relation, statement tokens) a cue word could attribute: its complements and objects.

    "called her 'a liar'", "praised X for Y": the object and its predicate together are the statement.
    """
    children = list(token.children)
    predicate = [c for c in children if c.dep_ == "oprd"]
    by_agent = any(c.dep_ == "agent" for c in children)
    if predicate and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in children):
        # "called Trump a “kook”": the parser may fold the object into its predicate; both are the statement
        yield "dobj", subtree(predicate[0])
    for child in children:
        if child.dep_ == "nsubjpass" and by_agent and child.lower_ not in RELATIVE_PRONOUNS:
            # "The plan was criticized by Democrats": the passive subject is what the agent criticized.
            yield "nsubjpass", subtree(child)
        elif child.dep_ in ("ccomp", "xcomp") and not apposed_title(child):
            yield child.dep_, subtree(child)
        elif child.dep_ == "dobj":
            # "praised X for Y", "described X as Y": the object's predicate belongs to the statement.
            charge(token.doc, len(children))
            tokens = subtree(child)
            for extra in predicate + [
                c for c in children if c.dep_ == "prep" and c.i > child.i and c.lower_ in ("for", "as")
            ]:
                tokens += subtree(extra)
            yield "dobj", sorted(tokens, key=lambda t: t.i)
        elif child.dep_ == "prep" and child.i > token.i:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                yield f"prep:{child.lower_}", [t for o in objects for t in subtree(o)]
        elif child.dep_ == "acl" and token.pos_ == "NOUN":
            yield "acl", subtree(child)
        elif child.dep_ == "advcl" and child.i > token.i and _for_infinitive(child):
            # "called for the United States to step up ...": "for" and its object's infinitive, parsed as a clause
            yield "prep:for", [t for t in subtree(child) if not (t.dep_ == "mark" and t.head.i == child.i)]


def apposed_title(clause: Token) -> bool:
    """Whether a complement is a title in quotation marks apposed to the noun before it, which the parser hung on
    the verb, alone or with the phrase holding the noun ("In his book, “Make Your Kid a Millionaire,” McKinley
    suggested ..."): a name, no statement."""
    tokens = subtree(clause)
    doc = clause.doc
    opening = next((t.i for t in tokens if t.is_quote), tokens[0].i - 1)
    if opening < 2 or not doc[opening].is_quote or doc[opening - 1].text != "," or doc[opening - 2].pos_ != "NOUN":
        return False
    return title_shaped([t for t in tokens if t.i > opening])


def _for_infinitive(clause: Token) -> bool:
    """Whether ``clause`` is "for X to do Y": marked by "for", with an infinitive "to" and a subject of its own."""
    children = list(clause.children)
    return (
        any(c.dep_ == "mark" and c.lower_ == "for" for c in children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
    )


def constructions(doc: Doc) -> Iterable[tuple[Token, str, list[Token], Token]]:
    """Every ``(cue word, relation, statement tokens, speaker)`` the parse of ``doc`` offers."""
    for token in doc:
        if token.pos_ not in CUE_POS:
            continue
        speaker = speaker_of(token)
        if speaker is None:
            continue
        for relation, statement in statement_relations(token):
            yield token, relation, statement, speaker


# --- statement extent --------------------------------------------------------

DROP, ADD = "drop", "add"
_NOT_UNITS = frozenset({"punct", "nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "expl"})


def statement_root(cue: Token, statement: list[Token]) -> Token | None:
    """The statement's head word: the one hung on the cue, or on a word outside the statement."""
    ids = {t.i for t in statement}
    return next((t for t in statement if t.head.i == cue.i or t.head.i not in ids or t.head.i == t.i), None)


def trailing_units(root: Token | None) -> list[Token]:
    """The root's dependents to its right, last first: the subtrees that may end a statement and
    not belong to it ("..., which ...", "and warned ...")."""
    if root is None:
        return []
    return sorted((c for c in root.rights if c.dep_ != "punct"), key=lambda c: -c.i)


def further_units(cue: Token, statement: list[Token]) -> list[Token]:
    """The cue's dependents to the right of the statement, in order, up to a semicolon (after it
    the narrator speaks): complements that may belong to it ("knocked Rubio on trade")."""
    end = max(t.i for t in statement)
    units = []
    scanned = end + 1  # the words between the statement and the unit are read for a semicolon once
    for child in cue.rights:
        charge(cue.doc, 1)
        if child.i <= end or child.dep_ in _NOT_UNITS:
            continue
        charge(cue.doc, max(child.i - scanned, 0))
        if any(t.text == ";" for t in cue.doc[scanned : child.i]):
            break
        scanned = max(scanned, child.i)
        if child.lemma_.lower() in SPEECH_VERBS and any(c.dep_ in ("ccomp", "xcomp") for c in child.children):
            break  # "says A and says B": a report of its own is a claim of its own
        units.append(child)
    return units


def walk_extent(cue: Token, statement: list[Token], decide: Callable[[str, Token], bool | None]) -> set[int]:
    """The token ids the statement keeps.  Its trailing units are judged last first, and each one
    that ``decide(DROP, unit)`` lets go is dropped, until one stays (only the end can go); then the
    cue's further units in order, each that ``decide(ADD, unit)`` takes joining, until one does not.
    ``decide`` returning None passes a unit over without stopping.  One walk serves
    :meth:`CueModel.extend` and the labels of :func:`extent_examples`, so both judge the same units."""
    kept = {t.i for t in statement}
    for unit in trailing_units(statement_root(cue, statement)):
        charge(cue.doc, len(kept))
        unit_ids = set(subtree_ids(unit))
        if max(unit_ids) < max(kept):
            break
        goes = decide(DROP, unit)
        if goes is None:
            continue
        if not goes:
            break
        kept -= unit_ids
    for unit in further_units(cue, statement):
        joins = decide(ADD, unit)
        if joins is None:
            continue
        if not joins:
            break
        kept |= set(subtree_ids(unit))
    return kept


def extent_features(kind: str, unit: Token, relation: str, cue: Token) -> list[str]:
    """The extent classifier's features of one unit (a dependency subtree) of a statement."""
    words = subtree(unit)
    first = words[0]
    before = unit.doc[first.i - 1] if first.i > 0 else None
    comma = before is not None and before.text == ","
    opener = first.lower_ if first.is_stop else first.pos_
    relation = relation.split(":")[0]
    length = _length_bucket(len(words))
    features = [
        f"kind={kind}",
        f"dep={unit.dep_}",
        f"k|dep={kind}|{unit.dep_}",
        f"k|rel|dep={kind}|{relation}|{unit.dep_}",
        f"pos={unit.pos_}",
        f"tag={unit.tag_}",
        f"k|dep|tag={kind}|{unit.dep_}|{unit.tag_}",
        f"len={length}",
        f"k|dep|len={kind}|{unit.dep_}|{length}",
        f"comma={comma}",
        f"k|dep|comma={kind}|{unit.dep_}|{comma}",
        f"first={opener}",
        f"k|dep|first={kind}|{unit.dep_}|{opener}",
    ]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in unit.children):
        features.append(f"k|dep|subj={kind}|{unit.dep_}")  # a clause of its own
    if unit.lemma_.lower() in SPEECH_VERBS:
        features.append(f"k|dep|speech={kind}|{unit.dep_}")  # "... and warned that ..."
    if unit.dep_ == "prep":
        features.append(f"k|rel|prep={kind}|{relation}|{unit.lower_}")
    if unit.pos_ in ("VERB", "AUX"):
        # "said he would order A and warned B": a verb in the cue's tense goes with the cue
        tense = finite_tag(unit)
        features.append(f"k|dep|tense={kind}|{unit.dep_}|{tense == finite_tag(cue)}|{tense == finite_tag(unit.head)}")
    if any(t.is_quote for t in words):
        features.append(f"k|dep|quoted={kind}|{unit.dep_}")
    marker = next((c.lower_ for c in unit.children if c.dep_ in ("mark", "cc")), None)
    if marker:
        features.append(f"k|mark={kind}|{unit.dep_}|{marker}")
    return features


def _logistic(bias: float, weights: dict[str, float], features: list[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-z))


def _length_bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"


def construction_features(token: Token, relation: str, statement: list[Token], speaker: Token) -> list[str]:
    """The classifier's features of one construction, as strings ("name=value")."""
    lemma = token.lemma_.lower()
    kind = speaker.ent_type_ or ("PRON" if speaker.pos_ == "PRON" else speaker.pos_)
    length = _length_bucket(len(statement))
    first = statement[0].lower_ if statement else ""
    first = first if first in _OPENERS else "other"
    features = [
        f"lemma|rel={lemma}|{relation}",
        f"lemma={lemma}",
        f"rel={relation}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"head_dep={token.head.dep_}",
        f"suffix={lemma[-3:]}",
        f"speaker={kind}",
        f"speaker_dep={speaker.dep_}",
        f"rel|speaker={relation}|{kind}",
        f"lemma|speaker={lemma}|{kind}",
        f"rel|tag={relation}|{token.tag_}",
        f"length={length}",
        f"rel|length={relation}|{length}",
        f"first={first}",
        f"lemma|first={lemma}|{first}",
        f"lexicon={lemma in SPEECH_VERBS or lemma in SPEECH_NOUNS}",
    ]
    if speaker.pos_ == "PRON":
        features.append(f"pronoun={speaker.lower_}")
    if statement and statement[0].i < token.i:
        features.append(f"before|rel={relation}")
    root = next((t for t in statement if t.head.i == token.i), None)
    if root is not None:
        features.append(f"root|rel={root.pos_}|{relation}")
        features.append(f"lemma|root={lemma}|{root.pos_}")
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
            features.append(f"clause|rel={relation}")
    if any(t.is_quote for t in statement):
        features.append(f"quoted|rel={relation}")
    if speaker.pos_ == "NOUN":
        features.append(f"speaker_lemma={speaker.lemma_.lower()}")
    if token.pos_ in ("NOUN", "ADJ") and speaker.head != token:
        # the word that lends a noun or adjective its speaker: "voiced support", "in favor", "is critical"
        features.append(f"lender={token.head.lemma_.lower()}|{token.dep_}")
    if token.dep_ in ("xcomp", "conj", "advcl"):
        features.append(f"head|dep={token.head.lemma_.lower()}|{token.dep_}")
    for child in token.children:
        if child.dep_ == "neg":
            features.append("negated")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            features.append(f"modal={child.lemma_.lower()}")
    return features
