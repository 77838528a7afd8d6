"""Gender evidence: the gender an article gives a person, from votes (see :mod:`claimex.lexicon.gender`).

A pronoun's antecedent, a description's holder and the bearer of a shared surname must agree in gender with what
the article says of the person: honorifics ("Mr. Obama", "Ms. Lynch": 3 votes each), gendered role nouns
describing them ("the congresswoman": 2), their own subject and possessive pronouns in sentences naming only them,
as the subject, outside quotations ("Christie said his plan ...": 2 each) and a gendered first name (1).  A
surname alone counts only its own mentions ("Mr. Obama" and "Michelle Obama" are two people).  A tie is no gender.

Limits: first names by a fixed list; no coreference model, so a pronoun in a sentence naming two people is no
vote.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...lexicon import gender
from ..profiles import honorific_gender
from .layout import ArticleLayout
from .mentions import MentionIndex
from .speaker import Speaker


class GenderEvidence:
    """The gender of each person an article names (None where the evidence is missing or tied), kept per name."""

    def __init__(self, doc: Doc, mentions: MentionIndex, layout: ArticleLayout):
        self.doc = doc
        self.mentions = mentions
        self.layout = layout
        self._genders: dict[tuple[str, ...], str | None] = {}
        self._honorifics: dict[frozenset[str], str | None] = {}  # name words -> honorific_gender_of

    def honorific_gender_of(self, words: list[str]) -> str | None:
        """The gender the honorifics before exactly these name words say, when they agree ("Mr. Obama").
        Kept per name: each of a name's mentions asks it, and each answer reads all of them."""
        key = frozenset(words)
        if key not in self._honorifics:
            said = {
                honorific_gender(self.mentions.entities[k])
                for k in self.mentions.holding_entities(key)
                if len(self.mentions.words[k]) == len(words)
            } - {None}
            self._honorifics[key] = next(iter(said)) if len(said) == 1 else None
        return self._honorifics[key]

    def of(self, entity: Span) -> str | None:
        """The gender the article gives the person named by ``entity`` (see :mod:`claimex.lexicon.gender`): the votes of
        honorifics, gendered descriptors, pronouns and the first name."""
        words = tuple(self.mentions.name_words(entity))
        if words not in self._genders:
            self._genders[words] = self._find_gender(words)
        return self._genders[words]

    def _find_gender(self, words: tuple[str, ...]) -> str | None:
        """What the article says of the person (:mod:`.person_evidence`) and the first name (1 vote)."""
        votes = self.mentions.evidence.gender_votes(words)
        if len(words) >= 2:
            named = gender.first_name_gender(words[0])
            if named:
                votes[named] += 1
        if not votes:
            return None
        (top, n), *rest = votes.most_common()
        return top if not rest or rest[0][1] < n else None

    def overrule(self, entity: Span, said: str) -> None:
        """Take ``said`` for the person's gender: an honorific at a mention resolved to them overrules a first name
        that does not decide ("Mr. Graham" of Lindsey Graham; see :meth:`firm`)."""
        self._genders[tuple(self.mentions.name_words(entity))] = said

    def firm(self, entity: Span) -> str | None:
        """The gender of :meth:`of`, unless it rests only on a first name that does not decide ("Jean Chrétien",
        "Lindsey Graham": no honorific, role noun or pronoun of the article's says so)."""
        words = tuple(self.mentions.name_words(entity))
        if (
            len(words) >= 2
            and not self.mentions.evidence.gender_votes(words)
            and not gender.first_name_decides(words[0])
        ):
            return None
        return self.of(entity)

    def of_speaker(self, speaker: Speaker) -> str | None:
        """The gender of a resolved speaker's fullest entity (None for one without: "A and B", a description)."""
        return self.of(speaker.entity) if speaker.entity is not None else None
