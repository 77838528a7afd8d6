"""The relations strategy: a relational description ("his ex-wife", "Rubio's spokesman") is the person the
article names in that relation (:mod:`.relations`).

The holder is the one the article states for the same owner ("his wife, Rakeyia Scott"; "his new wife" is not his
ex-wife), else, for a family noun, the member of its gender of a kin group the article names for the same owner
("my parents, James and Olive Meehan": "my father" is James Meehan), else the one other person named in full with
the owner's surname and of the noun's gender.  Who an owner word *is* comes from the resolver, by callables: a
pronoun's antecedent (``person_antecedent``), the writer of "my" (``writer``), and the people the article names
(``people``).

:class:`RelationResolver` reads the ties the article states once per article, on first use.  Limits: those of
:mod:`.relations` (no ties stated by a verb; a kin group's members named in full, by first names of known gender).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ...lexicon import gender
from .context import ArticleContext, PersonAntecedent
from .determiners import _indefinite
from .people import _Person
from .pronouns import FIRST_PERSON, PERSON_PRONOUNS
from .relations import KinGroup, Tie, owner_words, stated_kin_groups, stated_ties, tie_in
from .speaker import Speaker

Writer = Callable[[int], Speaker | None]  # a token outside quotations -> who writes "I" there
People = Callable[[], dict[str, _Person]]  # the people the article names, by fullest name


class RelationResolver:
    """The holders of the ties one article states (see the module doc), the ties read on first use."""

    def __init__(self, context: ArticleContext, person_antecedent: PersonAntecedent, writer: Writer, people: People):
        self.doc, self.layout, self.mentions, self.names = context.doc, context.layout, context.mentions, context.names
        self.genders = context.genders
        self._person_antecedent = person_antecedent
        self._writer = writer
        self._people_index = people
        self._ties: list[Tie] | None = None  # ties the article states the holder of (:mod:`.relations`)
        self._groups: list[KinGroup] | None = None  # kin groups the article names the members of

    def related(self, mention: Span) -> Speaker | None:
        """A relational description's holder (:mod:`.relations`): the one the article states for the same owner,
        else for a family noun the one other person named in full with the owner's surname and of its gender."""
        tie = tie_in(mention)
        if tie is None or _indefinite(mention):
            return None
        owner = self._tie_owner(tie.owner)
        holders: dict[str, Speaker] = {}
        others: set[str] = set()  # the owner, and holders of the tie's other kind ("his new wife" for "his ex-wife")
        if owner is not None:
            others.add(owner.name)
            if tie.single:
                holders = self._stated_holders(tie, owner, mention, others)
        if not holders and tie.kin and owner is not None:
            holders = self._group_member(tie, owner)  # "my parents, James and Olive Meehan ... my father"
        named = self.mentions.name_words(owner.entity) if owner is not None and owner.entity is not None else []
        named = named or owner_words(tie.owner)  # a name the recognizer missed: "Keith Lamont Scott's wife"
        if not holders and tie.kin and len(named) >= 2:
            holders = {name: s for name, s in self._relatives(named, tie).items() if name not in others}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _stated_holders(self, tie: Tie, owner: Speaker, mention: Span, others: set[str]) -> dict[str, Speaker]:
        """The people the article states hold ``tie`` to ``owner`` (the one apposed to the mention itself alone);
        adds to ``others`` those holding it with other modifiers."""
        if self._ties is None:
            self._ties = stated_ties(self.doc, (i for i, inside in enumerate(self.layout.quoted) if inside))
        holders: dict[str, Speaker] = {}
        selves: dict[str, Speaker] = {}
        for stated in self._ties:
            entity = self.mentions.at(stated.holder.i) if stated.holder is not None else None
            if entity is None or mention.start <= entity.start < mention.end or stated.relation != tie.relation:
                continue
            holder, other = self.names.fullest(entity, entity), self._tie_owner(stated.owner)
            if stated.noun.i == tie.noun.i:
                return {holder.name: holder}  # "his wife, Rakeyia Scott, said"
            if other is not None and other.name == owner.name:
                if stated.matches(tie):
                    holders[holder.name] = holder
                else:
                    others.add(holder.name)  # "his new wife" is not his ex-wife
            elif holder.name == owner.name and stated.matches(tie):  # "his brother", "his" taken for the brother
                selves[holder.name] = holder
        return holders or (selves if len(selves) == 1 else {})

    def _group_member(self, tie: Tie, owner: Speaker) -> dict[str, Speaker]:
        """The member of a kin group of the same owner holding ``tie``'s noun, by its gender: "my father" of "my
        parents, James and Olive Meehan" is James Meehan; none when two members or none have that gender."""
        if tie.gender is None:
            return {}
        if self._groups is None:
            self._groups = stated_kin_groups(self.doc, (i for i, inside in enumerate(self.layout.quoted) if inside))
        found: dict[str, Speaker] = {}
        for group in self._groups:
            if tie.relation not in group.kin:
                continue
            other = self._tie_owner(group.owner)
            if other is None or other.name != owner.name:
                continue
            fits = [name for name, sex in group.members if sex == tie.gender]
            if len(fits) == 1:
                found[fits[0]] = self._person_named(fits[0])
        return found

    def _person_named(self, name: str) -> Speaker:
        """A kin group's member as a speaker: the person the article names so, else the name as written."""
        person = self._people_index().get(name)
        return person.speaker if person is not None else Speaker(name, "PERSON")

    def _relatives(self, named: list[str], tie: Tie) -> dict[str, Speaker]:
        """The people named in full with the surname of ``named`` (someone else: other name words), of the gender
        of the tie's noun."""
        found = {}
        for name, person in self._people_index().items():
            words = self.mentions.name_words(person.speaker.entity) if person.speaker.entity is not None else []
            other = not (set(words) <= set(named) or set(named) <= set(words))
            agrees = gender.agrees(self.genders.of_speaker(person.speaker), tie.gender)
            if len(words) >= 2 and words[-1] == named[-1] and other and agrees:
                found[name] = person.speaker
        return found

    def _tie_owner(self, token: Token) -> Speaker | None:
        """The person a tie's owner word stands for: a pronoun's antecedent, the writer of "my", a named person."""
        if token.lower_ in PERSON_PRONOUNS:
            return self._person_antecedent(self.doc[token.i : token.i + 1], gender.PRONOUN_GENDER[token.lower_])
        if token.lower_ in FIRST_PERSON:
            return None if self.layout.quoted[token.i] else self._writer(token.i)
        entity = self.mentions.at(token.i)
        if entity is None or entity.label_ != "PERSON":
            return None
        speaker = self.names.fullest(entity, entity)
        return speaker if speaker.type == "PERSON" and not speaker.plural else None
