"""The bodies strategy: a description that means an organization, a campaign, a state or a named body.

* an **organization noun** ("the agency", "the union", "A House panel") is the organization of that kind the
  article names (:func:`.organizations.described_organization`), named in full;
* **"the state"** is the U.S. state named just before it (:func:`.organizations.described_state`);
* **"the campaign"** right after a sentence about a candidate is theirs, when the article names that person's
  campaign somewhere (:meth:`BodyResolver.campaign_holders`, read by the resolver);
* a **bare description** ("police", "the poll") is the one the article named before with that head noun and a
  name qualifying it ("Charlotte-Mecklenburg police", "the latest Reuters/Ipsos opinion poll").

:class:`BodyResolver` builds what these read (the organizations named, the named heads, the campaign holders)
once per article, on first use; :class:`.resolver.SpeakerResolver` decides when a description is asked.
Limits: the article's own names only; a body it never names stays the description.
"""

from __future__ import annotations

from spacy.tokens import Span

from .context import ArticleContext
from .descriptions import COLLECTIVE_HEADS, ORG_KINDS, _named_heads, _qualifiers
from .determiners import _indefinite
from .grammar import _plural, _subject_or_its_owner, opens_unparsed_sentence
from .organizations import (
    NamedOrganization,
    Setting,
    described_organization,
    described_state,
    describes,
    fullest_named,
    name_words,
)
from .speaker import Speaker


class BodyResolver:
    """The bodies a description of one article may mean (see the module doc), indexed on first use."""

    def __init__(self, context: ArticleContext):
        self.doc, self.layout, self.mentions, self.names = context.doc, context.layout, context.mentions, context.names
        self._named_heads: dict[str, list[tuple[int, str]]] | None = None
        self._organizations: list[NamedOrganization] | None = None  # organizations named, built on first use
        self._organization_speakers: dict[int, Speaker] = {}  # an organization's name token -> its speaker

    def organization(self, mention: Span) -> Speaker | None:
        """An organization noun ("the agency", "A House panel"): :func:`.organizations.described_organization`."""
        title = mention.end <= self.layout.opening_end()
        lede = self.layout.paragraph(mention.start) <= self.layout.paragraph(self.layout.title_end) + 1
        setting = Setting(self.layout.sentence(mention.start), self.layout.paragraph(mention.start), title, lede)
        found = described_organization(mention, self._named_organizations(), setting)
        return self._organization_speakers[found.position] if found is not None else None

    def _named_organizations(self) -> list[NamedOrganization]:
        """Every organization named outside quotations, in text order, built on first use."""
        if self._organizations is None:
            self._organizations = []
            for k, entity in enumerate(self.mentions.entities):
                if entity.label_ == "ORG" and self.mentions.named[k]:
                    speaker, i = self.names.fullest(entity, entity), entity.root.i
                    words = name_words(speaker.name) | name_words(entity.text)  # "RT" is a network, spelled out or not
                    about = _subject_or_its_owner(entity.root) or opens_unparsed_sentence(entity)
                    where = (i, self.layout.sentence(i), self.layout.paragraph(i), about)
                    self._organizations.append(NamedOrganization(*where, speaker.name, words, speaker.type == "ORG"))
                    self._organization_speakers[i] = speaker
        return self._organizations

    def state(self, mention: Span) -> Speaker | None:
        """ "the state": :func:`.organizations.described_state`."""
        state = described_state(mention)
        return self.names.fullest(state, mention) if state is not None else None

    def campaign_holders(self) -> frozenset[str]:
        """The surnames of the people whose campaign the article names (:func:`.organizations.campaign_holders`),
        found once per article by the names strategy, which also asks ("Clinton's team" is the "Clinton campaign")."""
        return self.names.campaigns()

    @staticmethod
    def described(mention: Span, found: Speaker | None) -> Speaker | None:
        """``found`` if the mention may describe it (a body's description: :func:`.organizations.describes`)."""
        return found if found is None or found.type == "PERSON" or describes(mention, found.name) else None

    def named_description(self, mention: Span) -> Speaker | None:
        """A bare description ("police", "the poll") is the one the article named before with that head noun
        and a name qualifying it ("Charlotte-Mecklenburg police", "the latest Reuters/Ipsos opinion poll")."""
        head = mention.root
        if self._named_heads is None:
            self._named_heads = _named_heads(self.doc, self.layout.quoted)
        lede = self.layout.paragraph(mention.start) <= self.layout.paragraph(self.layout.title_end) + 1
        sentences = (
            self.layout.sentence(mention.start),
            *(self.layout.sentence(i) for i, _ in self._named_heads.get(head.lemma_.lower(), ())),
        )
        fuller = fullest_named(mention, self._named_heads.get(head.lemma_.lower(), []), sentences, lede)
        if fuller is not None:  # "The Reuters/Ipsos poll", "A new poll" in a lede: "Reuters/Ipsos opinion poll"
            return Speaker(fuller, "ORG" if head.lemma_.lower() in COLLECTIVE_HEADS else "OTHER")
        if _qualifiers(mention) or _indefinite(mention) or any(t.dep_ == "poss" for t in head.children):
            return None
        if _plural(head) and head.lemma_.lower() != "police":
            return None  # "Companies", "recent polls": more than the one named
        found = None
        kind = head.lemma_.lower()
        named: list[tuple[int, str]] = self._named_heads.get(kind, [])
        for position, text in named:
            if position >= mention.start:
                break
            found = text
        body = kind in ORG_KINDS or kind in COLLECTIVE_HEADS or kind == "police"
        if found is None and body and len({text for _, text in named}) == 1:
            # The article's only one, named later: "police ... a Charlotte-Mecklenburg police officer".
            found = named[0][1]
        if found is None:
            return None
        return Speaker(found, "ORG" if body else "OTHER")
