"""The people a "he" or "she" may stand for, with what the antecedent ranker weighs of each.

Those named in the last sentences (by a name, an office noun with "the" whose holder the article names, a tie
whose holder it names, a surname the recognizer missed), and those who spoke in them, each with their latest
mention (:class:`_Latest`): how far back, a subject or not, the subject of a clause holding the pronoun, whether they
spoke, how often named, only a modifier ("the Clinton campaign"), introduced at the end of a paragraph before.
:class:`PersonCandidates` keeps its per-word answers, so a claim costs the same in a giant article as in a short one;
the resolver (:mod:`.resolver`) ranks the candidates and owns the history of claims it shares.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, insort
from collections.abc import Callable

from spacy.tokens import Span, Token

from ...lexicon import gender
from ...speakermodel.ranker import WINDOW_SENTENCES as _WINDOW_SENTENCES
from ...speakermodel.ranker import candidate_features
from .context import ArticleContext
from .descriptions import _OFFICES, _role_form
from .grammar import _commands, _is_subject, _plural, apposed_person_noun, modifies_noun
from .names import _word
from .pronouns import FIRST_PERSON
from .relations import named_holder, tie_at
from .speaker import Speaker

# How far back a pronoun looks: for a candidate known to agree, when none in the window does (on PolNeAR train the
# farthest found is 47 sentences back), and for the earlier claims of its candidates.  It bounds what a pronoun costs
# in a giant article.
FALLBACK_SENTENCES = 100

Described = Callable[[Span], Speaker | None]  # a description -> the person the article names as it


@dataclasses.dataclass(frozen=True)
class _Latest:
    """A person's latest mention before a pronoun: where (``position``) and its head word (``head``), whether it
    is a subject, the subject of a clause holding the pronoun (``commands``), whether they spoke (``spoke``: 0
    never, 1 earlier, 2 in the latest claim), and how many mentions they have in the window (``count``)."""

    speaker: Speaker
    position: int
    head: Token
    subject: bool
    commands: bool
    spoke: int
    count: int

    @classmethod
    def of(cls, speaker: Speaker, position: int, head: Token, at: int, old: _Latest | None) -> _Latest:
        """A mention by name or description at ``position`` (head word ``head``) of a pronoun at ``at``."""
        spoke, count = (old.spoke, old.count) if old is not None else (0, 0)
        return cls(speaker, position, head, _is_subject(head), _commands(head, at), spoke, count + 1)

    @classmethod
    def spoken(cls, speaker: Speaker, mention: Span, at: int, old: _Latest | None, spoke: int) -> _Latest:
        """The speaker of a claim (its speaker ``mention``) before a pronoun at ``at``: a subject, its latest mention
        unless they were named after it."""
        if old is None or mention.start >= old.position:
            return cls(
                speaker,
                mention.start,
                mention.root,
                True,
                _commands(mention.root, at),
                spoke,
                (old.count if old else 0) + 1,
            )
        return dataclasses.replace(old, subject=True, spoke=spoke, count=old.count + 1)


class PersonCandidates:
    """The candidates of the pronouns of one article (see the module doc); ``history`` is the resolver's list of
    earlier claims (mention, speaker, nested), read as it grows; ``holder`` and ``related`` resolve an office noun
    and a tie noun to the person the article names as them; ``person_positions`` gives where a person is named."""

    def __init__(
        self,
        context: ArticleContext,
        history: list[tuple[Span, Speaker, bool]],
        holder: Described,
        related: Described,
        person_positions: Callable[[str], list[int]],
    ):
        self.doc, self.layout, self.mentions = context.doc, context.layout, context.mentions
        self.names, self.genders = context.names, context.genders
        self.history = history
        self._holder, self._related_of, self._person_positions = holder, related, person_positions
        self._office_holders: dict[int, Speaker | None] = {}  # token -> _described_between
        self._unrecognized: dict[int, Speaker | None] = {}  # token -> _unrecognized_between
        self._related: dict[int, Speaker | None] = {}  # token -> _related_between
        self._history_by_start: list[tuple[int, int]] = []  # (mention start, index in history), sorted
        self._history_indexed = 0  # how many history entries _history_by_start holds

    def antecedent_candidates(self, at: int, wanted: str | None) -> list[tuple[dict[str, float], int, Speaker]]:
        """(features, latest position, speaker) of the people a "he"/"she" at token ``at`` may be: those named,
        described by an office or a tie ("my mother" of the mother the article names) or speaking in the last
        sentences whose gender agrees with ``wanted``, else, with no one there, the earlier ones known to agree (at most
        :data:`FALLBACK_SENTENCES` back).
        The writer's "I" is no one "she" outside quotations means."""
        for sentences, known_only in ((_WINDOW_SENTENCES, False), (FALLBACK_SENTENCES, True)):
            people = []
            for entry in self._people_before(at, sentences).values():
                known = self.genders.of_speaker(entry.speaker)
                if not entry.speaker.plural and gender.agrees(known, wanted) and not (known_only and known is None):
                    people.append((entry, known is not None))
            if people:
                return [
                    (self._features(entry, known, at, people), entry.position, entry.speaker) for entry, known in people
                ]
        return []

    def _features(self, entry: _Latest, known: bool, at: int, people: list[tuple[_Latest, bool]]) -> dict[str, float]:
        """The ranker's features of one candidate among ``people`` for a pronoun at token ``at``."""
        # Of the subjects of clauses holding the pronoun, the nearest ("The former president spoke after Mr. Trump
        # held a news conference in which he ...").
        nearest = max((other.position for other, _ in people if other.commands), default=-1)
        back = self.layout.sentence(at) - self.layout.sentence(entry.position)
        modifier = modifies_noun(entry.head)
        return candidate_features(
            back,
            entry.subject,
            entry.spoke,
            entry.count,
            known,
            entry.commands and entry.position == nearest,
            modifier,
            self._introduced(entry, at, people),
        )

    def _introduced(self, entry: _Latest, at: int, people: list[tuple[_Latest, bool]]) -> bool:
        """Whether a paragraph before the pronoun's ends by introducing the candidate: named last of ``people``, for
        the first time, apposed to a noun for a person (news then quotes them: "..., which concerns Henry Crespo,
        president of the caucus.¶ “No one is writing songs for Hillary ...,” he said.")."""
        return (
            entry.position == max(other.position for other, _ in people)
            and self.layout.paragraph(entry.position) < self.layout.paragraph(at)
            and apposed_person_noun(entry.head)
            and self._person_positions(entry.speaker.name)[:1] == [entry.position]
        )

    def _people_before(self, at: int, sentences: int) -> dict[str, _Latest]:
        """Persons named or speaking in the ``sentences`` sentences before token ``at``, by name, with their latest
        mention (see :class:`_Latest`)."""
        mentions = self.mentions
        first_sentence = max(self.layout.sentence(at) - sentences, 0)
        lo = self.layout.sentence_starts[first_sentence]
        found: dict[str, _Latest] = {}
        k = bisect_left(mentions.starts, lo)
        while k < len(mentions.entities) and mentions.entities[k].start < at:
            entity = mentions.entities[k]
            # A person's name the recognizer took for an organization counts too ("a hoarse-voiced Sanders").
            person = entity.label_ == "PERSON" or (entity.label_ == "ORG" and mentions.is_person_name(k))
            if person and mentions.named[k] and not _plural(entity.root):
                speaker = self.names.fullest(entity, entity)
                if speaker.type == "PERSON":
                    old = found.get(speaker.name)
                    found[speaker.name] = _Latest.of(speaker, entity.start, entity.root, at, old)
            k += 1
        described = [
            *self._described_between(lo, at),
            *self._related_between(lo, at),
            *self._unrecognized_between(lo, at),
        ]
        for token, speaker in described:
            old = found.get(speaker.name)
            if old is None or token.i > old.position:
                found[speaker.name] = _Latest.of(speaker, token.i, token, at, old)
            else:
                found[speaker.name] = dataclasses.replace(old, count=old.count + 1)
        self._add_speakers(found, lo, at)
        return found

    def _add_speakers(self, found: dict[str, _Latest], lo: int, at: int) -> None:
        """Add to ``found`` the people who spoke between tokens ``lo`` and ``at``, and count the earlier claims (at
        most :data:`FALLBACK_SENTENCES` back) of those already there."""
        last = next((n for n in range(len(self.history) - 1, -1, -1) if not self.history[n][2]), -1)
        bound = self.layout.sentence_starts[max(self.layout.sentence(at) - FALLBACK_SENTENCES, 0)]
        for n in self._claims_between(min(bound, lo), at):
            mention, speaker, nested = self.history[n]
            if nested or speaker.type != "PERSON":
                continue
            old = found.get(speaker.name)
            if (old is None and mention.start < lo) or self._writes(mention, at):
                continue
            found[speaker.name] = _Latest.spoken(speaker, mention, at, old, 2 if n == last else 1)

    def _claims_between(self, lo: int, at: int) -> list[int]:
        """The indexes in :attr:`history` of the claims whose speaker's mention starts between tokens ``lo`` and
        ``at``, in the order they were resolved (the history is indexed by position as it grows)."""
        for n in range(self._history_indexed, len(self.history)):
            insort(self._history_by_start, (self.history[n][0].start, n))
        self._history_indexed = len(self.history)
        index = self._history_by_start
        return sorted(n for _, n in index[bisect_left(index, (lo, -1)) : bisect_left(index, (at, -1))])

    def _writes(self, mention: Span, at: int) -> bool:
        """Whether ``mention`` is the writer's "I" outside quotations while token ``at`` is outside them too: there the
        writer is "I", never "he" or "she" ("I laughed and said ... To which she said" is someone else)."""
        return (
            mention.root.lower_ in FIRST_PERSON
            and not self.layout.quoted[mention.root.i]
            and at < len(self.doc)
            and not self.layout.quoted[at]
        )

    def _unrecognized_between(self, lo: int, at: int) -> list[tuple[Token, Speaker]]:
        """The people named between tokens ``lo`` and ``at`` by a name the recognizer missed there, which one person
        named in full bears ("Oz has been dogged by charges", with "Mehmet Oz" named before), outside quotations.
        Kept per word."""
        found = []
        for token in self.doc[lo:at]:
            if token.i not in self._unrecognized:
                speaker = None
                if token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and not self.layout.quoted[token.i]:
                    full = {
                        frozenset(self.mentions.words[k])
                        for k in self.mentions.holding_entities(frozenset([_word(token)]))
                    }
                    full = {name for name in full if len(name) >= 2}
                    named = self.names.named_unrecognized(self.doc[token.i : token.i + 1]) if len(full) == 1 else None
                    if named is not None and named.label_ == "PERSON":  # one person bears the name
                        speaker = self.names.fullest(named, self.doc[token.i : token.i + 1])
                self._unrecognized[token.i] = speaker if speaker is not None and speaker.type == "PERSON" else None
            person = self._unrecognized[token.i]
            if person is not None:
                found.append((token, person))
        return found

    def _related_between(self, lo: int, at: int) -> list[tuple[Token, Speaker]]:
        """The people a relational description names as a subject between tokens ``lo`` and ``at``, outside
        quotations ("My mother has softened with age" of the mother the article names), as :attr:`relations` finds
        them.  Kept per word."""
        return self._holders_between(self._related, lo, at, self._related_holder)

    def _related_holder(self, token: Token) -> Speaker | None:
        # "Santilli's attorney, Thomas Coan, argued" names its holder: the name is the mention that counts.
        unnamed = tie_at(token) is not None and named_holder(token) is None
        if unnamed and not self.layout.quoted[token.i] and _is_subject(token):
            return self._related_of(self.doc[token.left_edge.i : token.i + 1])
        return None

    def _described_between(self, lo: int, at: int) -> list[tuple[Token, Speaker]]:
        """The people an office noun with "the" names as a subject between tokens ``lo`` and ``at``, outside
        quotations ("the president" of "President Obama"), as :meth:`_holder` finds them.  Kept per word."""
        return self._holders_between(self._office_holders, lo, at, self._office_holder)

    def _office_holder(self, token: Token) -> Speaker | None:
        if (
            token.pos_ == "NOUN"
            and not token.ent_type_
            and not _plural(token)
            and not self.layout.quoted[token.i]
            and _role_form(token) in _OFFICES
            and _is_subject(token)
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        ):
            return self._holder(self.doc[token.left_edge.i : token.i + 1])
        return None

    def _holders_between(
        self, kept: dict[int, Speaker | None], lo: int, at: int, find: Callable[[Token], Speaker | None]
    ) -> list[tuple[Token, Speaker]]:
        """(word, person) for each word between tokens ``lo`` and ``at`` that ``find`` resolves to one person,
        each word's answer kept in ``kept``."""
        found = []
        for token in self.doc[lo:at]:
            if token.i not in kept:
                kept[token.i] = None  # asked again while its own description is resolved: no one yet
                speaker = find(token)
                person = speaker is not None and speaker.type == "PERSON" and not speaker.plural
                kept[token.i] = speaker if person else None
            holder = kept[token.i]
            if holder is not None:
                found.append((token, holder))
        return found
