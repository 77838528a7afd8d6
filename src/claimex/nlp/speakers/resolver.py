"""The speaker resolver: one article's claims, in text order, each from its mention to the fullest speaker.

:class:`SpeakerResolver` coordinates the strategies the package doc describes, by what the mention is:

* **names** (``names``, a :class:`.name_resolution.NameResolver`): the fullest name of a named entity, the
  bearer of a shared surname, coordinated names ("A and B"), a name before a collective noun ("the Trump
  campaign"), a name the recognizer missed; every other strategy ends in it;
* **pronouns** (``_person_antecedent`` and after): "he"/"she" by the antecedent ranker over the people named or
  speaking in the last sentences (:meth:`antecedent_candidates`), "it", "they", "each", "I" of a letter's signer;
* **descriptions** (``_description`` and after): the holder of a role, the description ranker's person
  (:meth:`description_candidates`), an epithet, someone introduced next;
* **works** (``works``, a :class:`.work_resolution.WorkResolver`): data by their named source, polls and titled
  works under their fullest names, a work's author, what someone says or writes as its possessor ("her account");
* **bodies** (``bodies``, a :class:`.body_resolution.BodyResolver`): an organization noun ("the agency") for the
  one of that kind named before, "the state", "the campaign", a named description ("police", "the poll");
* **relations** (``relations``, a :class:`.relation_resolution.RelationResolver`): a relational description ("his
  ex-wife") for the person the article names in that relation.

Earlier claims inform later ones (``history``: who spoke last is salient to a pronoun).  What the strategies read
is built once per article by collaborators: :class:`.layout.ArticleLayout` (quotations, title, sentences,
paragraphs), :class:`.mentions.MentionIndex` (the named entities, by name word),
:class:`.gender_evidence.GenderEvidence` and :mod:`.people` (the people described, the holders of each role);
the parse and word questions are the functions of :mod:`.grammar`, :mod:`.names`, :mod:`.descriptions` and
:mod:`.works`.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ...lexicon import gender
from ...lexicon import table as lexicon_table
from ...lexicon import words as lexicon_words
from ...lexicon.acronyms import is_acronym
from ...lexicon.cues import SPEECH_VERBS
from ...lexicon.nouns import may_name_person, names_person
from ...lexicon.titles import HONORIFICS, PERSON_TITLES, TITLE_WORDS
from ...normalize.countries import is_demonym
from ...speakermodel.descriptions import Candidate, DescriptionRanker, description_features, shipped_description_ranker
from ...speakermodel.ranker import WINDOW_SENTENCES as _WINDOW_SENTENCES
from ...speakermodel.ranker import AntecedentRanker, shipped_ranker
from ..attributes import attributes, conflict
from ..phrases import partitive_of
from . import named_works
from .body_resolution import BodyResolver
from .candidates import PersonCandidates
from .context import ArticleContext
from .descriptions import (
    _FORMER,
    _OFFICES,
    _RELATIONAL,
    COLLECTIVE_HEADS,
    ROLE_CLASSES,
    _collective,
    _description,
    _epithet,
    _qualified,
    _qualifiers,
    _role_form,
    _share,
    _wanted,
    _words_of,
    age_epithet,
    person_noun_head,
    person_role_words,
    stated_age,
)
from .determiners import _indefinite
from .gender_evidence import GenderEvidence
from .grammar import (
    _apposed_below,
    _apposed_name,
    _governs,
    _is_subject,
    _named_example,
    _plural,
    _possessed_name_head,
    _relative_antecedent,
    _unrecognized_possessed_name,
    predicate_subject,
)
from .headlines import lede_echo, titled_in_lede
from .layout import ArticleLayout
from .mentions import MentionIndex
from .name_resolution import NameResolver, persons_body
from .names import (
    _ORG_NAME_WORDS,
    _name_tokens,
    _without_determiner,
    _word,
    name_text,
)
from .organizations import campaign_subject, place_of
from .people import RoleIndex, _Person, people_of, roles_of
from .pronouns import DISTRIBUTIVES, FIRST_PERSON, GROUP_PRONOUNS, PERSON_PRONOUNS, THING_PRONOUNS
from .relation_resolution import RelationResolver
from .relations import person_head, tied_to_person
from .speaker import Speaker
from .work_resolution import WorkResolver
from .works import WORKS, _author

_OFFICE_OF_WORDS = 5  # "the head of the World Health Organization": the of-phrase of an office written out
_CATAPHORA_SENTENCES = 2  # a description may name its holder in the next sentences
_EPITHET_SENTENCES = 3  # an epithet's person was named or spoke in the last sentences
_TITLE_SPAN = 3  # the place and title words before a name: "Wisconsin Gov." of "Wisconsin Gov. Scott Walker"
_NAMED_AFTER_WORDS = 6  # how far after a description a comma may set off its name ("..., at the time, John Herbst")
_EPITHET_CHAIN = 2  # how many epithets back a sentence's subject is followed ("The nominee ... . The governor")
_EPITHET_MARGIN = 1.0  # by how much the antecedent ranker must prefer them to the next person
#: Ranker features that tie a candidate to the description itself: its role noun, qualifiers, gender or possessor.
_PLACE_KEYS = ("state:", "country:")  # attribute keys of where an office is held
_DESCRIPTION_TIES = ("role_match", "qualifiers_described", "gender_agrees", "possessor")
_CAMPAIGN_ROLES = lexicon_words("campaign_roles")  # a race's roles: "the candidate" may be a senator
_ELECTED_OFFICES = lexicon_words("elected_offices")  # their holders run for office
_SPEAKING_TERMS = lexicon_words("speaking_terms")  # "on condition of anonymity": the speaker stays unnamed
#: Modifiers making an office another ("Vice President" is no "the president") -> the role nouns they do it to.
_OTHER_OFFICE_MODIFIERS = {row[0]: frozenset(row[1].split()) for row in lexicon_table("other_office_modifiers")}


@functools.cache
def _default_ranker() -> AntecedentRanker:
    return shipped_ranker()


@functools.cache
def _default_description_ranker() -> DescriptionRanker:
    return shipped_description_ranker()


_THIRD_GROUP = frozenset({"they", "them"})  # not "we": a writer's or a speaker's own group
_MAIN_CLAUSE_LINKS = frozenset({"ccomp", "conj", "parataxis"})


def _main_clause(verb: Token) -> bool:
    """Whether a verb heads its sentence's main clause, or a clause joined to it as a complement or coordinate (not
    one inside a phrase: "With Nusra fighters *playing* a larger role", "until voters *head* to the polls")."""
    while verb.dep_ in _MAIN_CLAUSE_LINKS and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


class SpeakerResolver:
    """Resolves speaker mentions of one article, in text order (earlier claims inform later ones).

    Every lookup is indexed once per article (entities by position, by name word, by the noun
    that describes them; sentences and paragraphs by start), so a claim costs the same in a giant
    article as in a short one, apart from the antecedent ranking's look back over a few sentences.
    ``layout``, ``mentions`` and ``genders`` are those indexes, ``names`` the names strategy; ``history`` the
    claims resolved so far.
    """

    def __init__(self, doc: Doc, ranker: AntecedentRanker | None = None, descriptions: DescriptionRanker | None = None):
        self.doc = doc
        self._ranker = ranker or _default_ranker()
        self._descriptions = descriptions or _default_description_ranker()
        self.layout = ArticleLayout(doc)
        self.mentions = MentionIndex(doc, self.layout)
        self.genders = GenderEvidence(doc, self.mentions, self.layout)
        self.names = NameResolver(doc, self.layout, self.mentions, self.genders)
        context = ArticleContext(doc, self.layout, self.mentions, self.names, self.genders)
        self.bodies = BodyResolver(context)
        self.works = WorkResolver(context, self._resolve, self._person_antecedent)
        self.relations = RelationResolver(context, self._person_antecedent, self._writer, self._people_index)
        self._people: dict[str, _Person] | None = None
        self._roles: RoleIndex | None = None
        self.history: list[tuple[Span, Speaker, bool]] = []  # (mention, resolved, nested) of earlier claims
        self.candidates = PersonCandidates(
            context, self.history, self._holder, self.relations.related, self.person_positions
        )
        self._last_by_lemma: dict[str, tuple[Span, Speaker]] = {}  # a mention's head lemma -> latest speaker
        self._subjects: dict[tuple[int, int], str | None] = {}  # (sentence, depth) -> its subject's person (memo)
        self._possessed: dict[str, int] | None = None  # a name's last word -> where a possessor first names it

    @property
    def title_end(self) -> int:
        """Where the article's title ends (0: none); its claims are resolved after the body's."""
        return self.layout.title_end

    # ------------------------------------------------------------------ entry point

    def resolve(self, mention: Span | None, enclosing: Speaker | None = None, nested: bool = False) -> Speaker | None:
        """The speaker ``mention`` names; ``enclosing`` is the speaker of a claim whose statement holds the
        mention ("I" inside a quotation is its speaker).  A ``nested`` claim (its speaker named inside another
        claim's statement: "rejected Pompeo's statement that ...") is no salient speaker for later pronouns."""
        if mention is None or len(mention) == 0:
            return None
        # "one of the residents": no one in particular of a group
        speaker = Speaker(mention.text, "OTHER") if _partitive(mention) else self._resolve(mention, enclosing)
        if speaker is not None:
            if speaker.type == "PERSON" and not speaker.plural:
                named = {t.lower_ for t in mention if t.pos_ == "PROPN" and t.lower_ in speaker.name.lower().split()}
                for role in [*person_role_words(mention), *named]:  # "MacNab" goes on with "J.J. MacNab"
                    self._last_by_lemma[role] = (mention, speaker)
            elif speaker.type != "OTHER":
                for token in mention:  # "GOP candidates" (the GOP) is none of them: no "the candidate" later
                    if token.pos_ in ("NOUN", "PROPN") and not (_plural(token) and names_person(token.lemma_)):
                        self._last_by_lemma[_role_form(token)] = (mention, speaker)
            elif _unnamed_person(mention):  # "The Palestinian official said ... , added the official": the same one
                self._last_by_lemma[_role_form(mention.root)] = (mention, speaker)
            self.history.append((mention, speaker, nested))
        return speaker

    def organization(self, mention: Span, written: str = "") -> Span | None:
        """The organization the words of a speaker's descriptor name where they name it in short: an acronym the
        article spells out ("IMF", ``written`` without "the" or a possessive -> International Monetary Fund) or a
        description of a body it names ("the council" of "the council's president"), as the entity of its
        fullest name; else None."""
        if is_acronym(written or mention.text):
            return self.mentions.acronym_of(written or mention.text)
        found = self.bodies.organization(mention)
        return found.entity if found is not None and found.type == "ORG" else None

    def _resolve(self, mention: Span, enclosing: Speaker | None) -> Speaker | None:
        head = mention.root
        word = head.lower_
        antecedent = _relative_antecedent(mention) or predicate_subject(mention)
        if antecedent is not None:  # "the Chicago Police Department, which said ..." speaks as its antecedent
            return self._resolve(antecedent, enclosing)
        if len(mention) == 1 or (len(mention) == 2 and mention[-1].tag_ == "POS"):
            if word in FIRST_PERSON and self.layout.quoted[head.i]:
                return enclosing or Speaker(mention.text, "OTHER")
            if word in ("i", "me", "my", "mine"):
                return self._writer(mention.start) or Speaker(mention.text, "OTHER")
            if word in PERSON_PRONOUNS:
                return self._person_antecedent(mention, gender.PRONOUN_GENDER.get(word))
            if word in THING_PRONOUNS:
                return self._thing_antecedent(mention) or Speaker(mention.text, "OTHER")
            if word in GROUP_PRONOUNS:
                return self._group_antecedent(mention) or Speaker(mention.text, "OTHER")
            if word in DISTRIBUTIVES:
                return self._pair_antecedent(mention) or Speaker(mention.text, "OTHER")
        names = self.names
        labelled = _label_name(mention) if len(mention) > 1 else None  # "IAN 'BANJO' BURNS, APPIN STATION:"
        if labelled is not None:
            named = names.named_unrecognized(mention)  # "PAUL LOCKYER:" after "Paul Lockyer reports."
            if named is None or (named.start <= mention.start and named.end >= mention.end - 1):
                return labelled  # the recognizer's own (mis)reading of the label, or nothing
            return names.fullest(named, mention)
        work_or_pair = names.one_name(mention) or self.works.named_work(mention) or names.coordinated(mention)
        if work_or_pair is not None:
            return work_or_pair
        entity = self.names.entity_in(mention)
        # A title-case headline's role noun is a proper noun to the parser: "Former White House Doctor Says".
        before = self.doc[head.i - 1] if head.i else head
        titled_role = (
            head.pos_ == "PROPN"
            and head.i == max((t.i for t in mention if not t.is_punct), default=head.i)  # not "CEO Carly Fiorina"
            and (names_person(head.lower_) or head.lower_ in PERSON_TITLES)  # "the Congress MLA"
            and (before.ent_type_ in ("GPE", "NORP") or not gender.is_first_name(before.text))  # a place's "Lyne"
        )
        common = head.pos_ == "NOUN" or titled_role
        if entity is not None and not entity.start <= head.i < entity.end and common:
            # "An attorney for Pagliano, Mark MacDougall" is MacDougall; "Ivana Trump's brief" speaks for her; "The
            # Trump campaign" speaks as itself; "the Indiana governor" is not Indiana.
            example = _named_example(head, entity)  # "Critics of the program, like Senators Grassley and Leahy"
            named = self.mentions.at(example.i) if example is not None else None
            named = named or self._apposed(head, entity) or _author(head, entity)
            if named is not None:  # "The Democratic candidates, Hillary Clinton and Bernie Sanders" are both
                return self.names.coordinated(self.doc[named.start : named.end]) or self.names.fullest(named, mention)
            apposed = self.names.apposed_to(mention)  # "Ban Ki-moon, the secretary general of the United Nations,"
            if apposed is not None and apposed.label_ == "PERSON":
                return self.names.fullest(apposed, mention)
            # "White House officials", "Toronto police" speak as the body; not "Canada’s 13 premiers"
            institution = self._institution(entity) and not (entity.label_ == "GPE" and entity.root.dep_ == "poss")
            if _plural(head) and institution and entity.root.head.i == head.i:
                return _places_body(entity, head) or self.names.fullest(entity, mention)
            return self.names.compound(mention, entity) or self._description(mention)
        return self._named(mention, entity)

    def _named(self, mention: Span, entity: Span | None) -> Speaker | None:
        """The speaker a mention names (``entity``: the entity in it, if any), or its description."""
        head = mention.root
        if entity is not None and head.pos_ == "PROPN" and head.lower_ in _ORG_NAME_WORDS and head.i >= entity.end:
            # The recognizer took a place for the name: "The Miami-Dade Police" with "Miami" a GPE.
            return Speaker(_without_determiner(self.doc[entity.start : head.i + 1]), "ORG")
        if entity is not None and _possessed_name_head(entity, head):
            return self.names.possessed_name(head)  # "Fox News' Megyn Kelly", her name missed by the recognizer
        if entity is not None:
            return self.names.named_after_modifier(mention, entity) or self._entity_speaker(entity, mention)
        if _unrecognized_possessed_name(head):
            return self.names.possessed_name(head)  # "The Hill’s Niall Stanage", both names missed by the recognizer
        named = self.names.apposed_to(mention) or self.names.named_unrecognized(mention)
        if named is not None:
            return self._entity_speaker(named, mention)
        return self._spelled_after_possessor(mention) or self._description(mention)

    def _entity_speaker(self, entity: Span, mention: Span) -> Speaker:
        """The fullest name of an entity; a lone word the recognizer took for a body may be a surname spelled out
        after its possessor earlier."""
        spelled = self._spelled_after_possessor(mention) if len(entity) == 1 and entity.label_ != "PERSON" else None
        return spelled or self.names.fullest(entity, mention)

    def _spelled_after_possessor(self, mention: Span) -> Speaker | None:
        """A lone surname the recognizer missed, whose full name an earlier sentence gives after its possessor
        ("Stanage said" after "The Hill’s Niall Stanage noted"), or None."""
        words = [t for t in mention if t.pos_ == "PROPN"]
        if len(words) != 1 or len(mention) > 2 or not words[0].is_title:
            return None
        if self._possessed is None:
            self._possessed = {}
            for token in self.doc:
                if _unrecognized_possessed_name(token):
                    self._possessed.setdefault(token.text, token.i)
        first = self._possessed.get(words[0].text)
        return self.names.possessed_name(self.doc[first]) if first is not None and first < mention.start else None

    def _institution(self, entity: Span) -> bool:
        """Whether a name is an institution's, whose officials speak as it ("White House officials"); not a
        nationality's ("Ukrainian officials"), though the recognizer may take the adjective for a place."""
        if entity.label_ not in ("ORG", "GPE") or self.mentions.type_of(entity) == "PERSON":
            return False
        return entity.root.pos_ != "ADJ" and not is_demonym(entity.text)

    def _apposed(self, head: Token, entity: Span) -> Span | None:
        """The name in apposition to a description's head: a person's (whatever the recognizer's label: "Legault's
        spokesperson, Ewan Sauves"), or a body's after a noun naming a body ("The union representing the workers,
        the United Steelworkers")."""
        person = entity.label_ == "PERSON" or self.mentions.type_of(entity) == "PERSON"
        named = _apposed_name(head, entity, person)
        if named is None and not person and entity.label_ == "ORG" and _collective(head) and not _plural(head):
            named = entity if _apposed_below(entity.root, head) else None
        return named

    # ------------------------------------------------------------------ pronouns

    def _person_antecedent(self, mention: Span, wanted: str | None) -> Speaker | None:
        """The best-ranked earlier person whose gender agrees with the pronoun's (see the module doc)."""
        candidates = self.antecedent_candidates(mention.start, wanted)
        if not candidates:
            return self._title_person(wanted)
        topic = _topic_span(mention)  # "As for Trump, he said": the topic, whoever spoke last
        named = [c for c in candidates if topic is not None and topic[0] <= c[1] < topic[1]]
        return max(named or candidates, key=lambda c: (self._ranker.score(c[0]), c[1]))[2]

    def _title_person(self, wanted: str | None) -> Speaker | None:
        """With nobody before a "he"/"she" in the body, the one person the title names, their gender agreeing
        ("TV Host Holly Willoughby Gets Emotional ... ¶ “It's been a tough one,” she told the outlet")."""
        end = self.layout.title_end
        people = [e for e in self.doc.ents if e.label_ == "PERSON" and e.end <= end] or _title_cased_names(
            self.doc[:end]
        )
        if len({e[-1].lower_ for e in people}) != 1:
            return None
        person = max(people, key=len)
        if not gender.agrees(self.genders.of(person) or gender.first_name_gender(person[0].text), wanted):
            return None
        return self.names.fullest(person, person) if person.label_ == "PERSON" else Speaker(person.text, "PERSON")

    def antecedent_candidates(self, at: int, wanted: str | None) -> list[tuple[dict[str, float], int, Speaker]]:
        """(features, latest position, speaker) of the people a "he"/"she" at token ``at`` may be
        (:meth:`.candidates.PersonCandidates.antecedent_candidates`)."""
        return self.candidates.antecedent_candidates(at, wanted)

    def _latest_claim(self, at: int) -> tuple[Span, Speaker] | None:
        """The mention and speaker of the latest claim before token ``at`` (not one nested in another's words)."""
        return next(((m, s) for m, s, nested in reversed(self.history) if not nested and m.start < at), None)

    def _thing_antecedent(self, mention: Span) -> Speaker | None:
        """ "it": the latest organization or place that spoke, else the latest named before it as a subject."""
        for earlier, speaker, nested in reversed(self.history):
            if nested:
                continue
            if earlier.start < mention.start and speaker.type in ("ORG", "GPE") and not speaker.plural:
                if self.layout.sentence(mention.start) - self.layout.sentence(earlier.start) <= _WINDOW_SENTENCES:
                    return speaker
                break
        return self._latest_entity(mention.start, ("ORG", "GPE"))

    def _group_antecedent(self, mention: Span) -> Speaker | None:
        """ "they": the people its own sentence opens with (:meth:`_people_subject_before`), else the latest pair or
        group that spoke, else the latest organization or group named before it."""
        people = self._people_subject_before(mention) if mention.root.lower_ in _THIRD_GROUP else None
        if people is not None:
            return people
        for earlier, speaker, nested in reversed(self.history):
            if (
                not nested
                and earlier.start < mention.start
                and (speaker.plural or speaker.type in ("ORG", "NORP", "GPE"))
            ):
                return speaker
        return self._latest_entity(mention.start, ("ORG", "GPE", "NORP"))

    def _people_subject_before(self, mention: Span) -> Speaker | None:
        """The nearest plural common noun naming people that is the subject of a clause holding "they" (or of its
        sentence's main clause) before it, as written up to its noun ("Researchers from Yale University are offering
        up an explanation: Before birth, they say, ..." are the researchers, not the university named in their
        phrase); None when there is none ("With Nusra fighters playing a larger role, they said": a phrase's
        subject)."""
        sentence = self.doc[mention.start].sent
        ancestors = {t.i for t in mention.root.ancestors} | {sentence.root.i}
        for token in reversed(self.doc[sentence.start : mention.start]):
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.tag_ == "NNS"
                and (token.head.i in ancestors or _main_clause(token.head))
                and not self.layout.quoted[token.i]
                and names_person(token.lemma_.lower())
            ):
                return Speaker(_without_determiner(self.doc[token.left_edge.i : token.i + 1]), "OTHER", plural=True)
        return None

    def _pair_antecedent(self, mention: Span) -> Speaker | None:
        """ "each", "both": the coordinated names subject of a clause holding it ("Donald Trump and Hillary Clinton
        vied ..., each touting their own experience"), else the pair that spoke in the same sentence, else None."""
        for verb in mention.root.ancestors:
            for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.i < mention.start):
                pair = self.names.coordinated(self.doc[subject.left_edge.i : subject.right_edge.i + 1])
                if pair is not None:
                    return pair
        for earlier, speaker, nested in reversed(self.history):
            if not nested and earlier.start < mention.start and speaker.plural and speaker.type == "PERSON":
                return speaker if self.layout.sentence(earlier.start) == self.layout.sentence(mention.start) else None
        return None

    def _latest_entity(self, at: int, labels: tuple[str, ...]) -> Speaker | None:
        mentions = self.mentions
        k = bisect_left(mentions.starts, at) - 1
        while k >= 0:
            entity = mentions.entities[k]
            # Not a name qualifying a person ("The former first lady and U.S. senator"; "Forbes magazine" is Forbes).
            head = entity.root.head
            modifier = (
                entity.root.dep_ in ("compound", "amod", "nmod")
                and head.pos_ == "NOUN"
                and names_person(head.lemma_.lower())
            )
            if entity.label_ in labels and mentions.named[k] and entity.root.pos_ != "ADJ" and not modifier:
                # "a statement from Saskatoon police, they confirmed": the place's body, not the place
                body = _places_body(entity, self.doc[entity.end]) if entity.end < len(self.doc) else None
                return body or self.names.fullest(entity, entity)
            k -= 1
        return None

    def _writer(self, at: int) -> Speaker | None:
        """Who writes "I" outside quotations: the signature closing a letter (a paragraph that is only a
        person's name) after it, else the person an op-ed's closing note presents ("Charlotte Meehan is ...")."""
        k = max(self.layout.paragraph(at), 0)
        for paragraph in self.layout.paragraphs[k + 1 : k + 12]:
            words = [t for t in paragraph if not (t.is_punct or t.is_space)]
            entity = self.mentions.at(words[0].i) if words else None
            if (
                entity is not None
                and entity.label_ == "PERSON"
                and all(entity.start <= t.i < entity.end for t in words)
            ):
                return Speaker(name_text(entity), "PERSON", entity)
        if self.layout.paragraphs:
            closing = [t for t in self.layout.paragraphs[-1] if not t.is_space]
            entity = self.mentions.at(closing[0].i) if closing else None
            after = self.doc[entity.end] if entity is not None and entity.end < len(self.doc) else None
            if entity is not None and entity.label_ == "PERSON" and after is not None and after.lemma_ == "be":
                return Speaker(name_text(entity), "PERSON", entity)
        return None

    # ------------------------------------------------------------------ descriptions

    def _description(self, mention: Span) -> Speaker:
        """A role or body: its named holder (see the module doc), else the description itself."""
        head = mention.root
        owners = self._owners_body(head)
        if owners is not None:
            return owners
        candidate = campaign_subject(
            mention, self.bodies.campaign_holders()
        )  # "Hillary Clinton plans ... . The campaign"
        if candidate is not None:
            holder = self.names.fullest(candidate, candidate)
            return Speaker(persons_body(_name_tokens(holder.entity or candidate), holder.name, head), "ORG")
        # A title-case headline's role noun may be parsed as an adjective: "Retired General Reveals ...".
        noun = head.pos_ in ("NOUN", "PROPN") or (head.is_title and names_person(head.lower_))
        if named_works.work_kind(head) is not None and _plural(head):
            return Speaker(_without_determiner(mention), "OTHER")  # "Recent polls" are not the one named
        group = self.names.named_group(mention)  # "The two Republican presidents" after Nixon and Reagan
        if group is not None:
            return group
        aged = self._epithet_antecedent(mention) if age_epithet(mention) else None  # "said the 24-year-old"
        if aged is not None:
            return aged
        if noun and not head.like_num:
            place = place_of(mention)  # "The city" of "The city of Phoenix is demanding"
            found = (
                (Speaker(place.text, "GPE", place) if place is not None else None)
                or self.relations.related(mention)
                or self.works.work_referent(mention)
                or self.works.work(mention)
                or self.works.possessor_voice(mention)
                or self.bodies.described(mention, self._holder(mention))
                or self._ranked_person(mention)
                or self._epithet_antecedent(mention)
                or self._topic_epithet(mention)
                or self._introduced_after(mention)
                or self._title_echo(mention)
                or self.bodies.organization(mention)
                or self.bodies.state(mention)
                or self.bodies.named_description(mention)
                or self.works.body_voice(mention, self._latest_claim(mention.start))
            )
            if found is not None:
                return found
        verb = next((t for t in mention if t.pos_ in ("VERB", "AUX") and t.i > mention.start), None)
        if verb is not None and verb.i - mention.start <= 3:  # debris: "Trump accused Holt of being a" is Trump
            trimmed = self.doc[mention.start : verb.i]
            named = self.names.named_unrecognized(trimmed) if all(t.pos_ == "PROPN" for t in trimmed) else None
            if named is not None and named.label_ == "PERSON":
                return self.names.fullest(named, trimmed)
        return Speaker(_without_determiner(_with_office_of(mention)), "OTHER")

    def _owners_body(self, head: Token) -> Speaker | None:
        """The campaign, team or office of the person a possessor names: "his campaign" -> "Carson campaign", "The
        premier's office" -> "Doug Ford's office" (the premier the article names)."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or head.lemma_.lower() not in COLLECTIVE_HEADS or _plural(head):
            return None
        if owner.lower_ in ("his", "her"):
            person = self._person_antecedent(self.doc[owner.i : owner.i + 1], gender.PRONOUN_GENDER[owner.lower_])
        elif owner.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children):
            person = self._holder(self.doc[owner.left_edge.i : owner.i + 1])
        else:
            return None
        if person is None or person.entity is None or person.type != "PERSON":
            return None
        campaigns = self.bodies.campaign_holders()
        return Speaker(persons_body(_name_tokens(person.entity), person.name, head, campaigns), "ORG")

    def _holder(self, mention: Span) -> Speaker | None:
        """The earlier speaker or person described with the mention's role noun and all its qualifiers."""
        mentions, head = self.mentions, mention.root
        role, qualifiers = _role_form(head), _qualifiers(mention)
        plural = _plural(head)  # "many diplomats" are not the one diplomat the article named
        indefinite = _indefinite(mention)  # "a senior official" is someone new, unless named right after
        earlier = None if indefinite else self._last_by_lemma.get(role)
        # "the campaign", "the district" are no person, nor is "the book" the one a descriptor calls a book
        thing = head.pos_ == "NOUN" and not (may_name_person(role) or role in _OFFICES)
        body = plural or _collective(head) or thing
        former = any(t.lower_ in _FORMER for t in mention)
        if (
            earlier is not None
            and not ((body and role not in WORKS) and earlier[1].type == "PERSON")  # "The ad" is its author's
            and not earlier[1].plural
            and not (earlier[1].type == "OTHER" and (plural or self._named_since(role, earlier[0], mention)))
            and qualifiers <= _qualifiers(earlier[0]) | _words_of(earlier[1].name)
            and not (former and not any(t.lower_ in _FORMER for t in earlier[0]))  # "the former president"
            and not _other_office(mention, _words_of(earlier[0].text))  # "the mayor" is no "Deputy Mayor"
            and _rank_words(mention) <= _words_of(earlier[0].text)  # "the vice presidential nominee" is no nominee
        ):
            return earlier[1]
        best = None
        later = None  # a news lede describes before it names: "A New York judge ... . Judge Frank Nervo said"
        horizon = self.layout.sentence(mention.start) + _CATAPHORA_SENTENCES
        person_noun = names_person(head.lemma_.lower())
        opening = mention[0].lower_ == "the" and person_noun and self.layout.opens_paragraph(mention)
        lede = self.layout.paragraph(mention.start) <= self.layout.paragraph(self.layout.title_end) + 1 or opening
        title = mention.end <= self.layout.opening_end() and person_noun  # "Campaign for Trump" is no person
        wanted, keys = _wanted(mention, qualifiers)
        fresh = self._fresh(mention) and not _anonymous(mention)
        for noun in ROLE_CLASSES.get(role, (role,)):
            for position, words, k in self._role_index().get(noun, ()):
                if conflict(keys, words) or (body and mentions.entities[k].label_ == "PERSON"):
                    continue
                # A later holder need not repeat the qualifiers: "The New York state attorney general is confirming
                # ... . But Attorney General Eric Schneiderman ..."
                ahead = position > mention.start and (
                    title or (lede and self.layout.sentence(position) <= horizon and fresh)
                )
                if not (_qualified(wanted, words) or ahead) or (former and not words & _FORMER):
                    continue  # a "former chairman" is not the one the article calls chairman now
                if _other_office(mention, words) or not _rank_words(mention) <= words:
                    continue  # "the president" is not the one the article calls "Vice President", nor the reverse
                if title:  # a title's description: the first holder the body names
                    if best is None or position < best[0]:
                        best = (position, k)
                elif position < mention.start and not indefinite:
                    if best is None or position > best[0]:
                        best = (position, k)
                elif later is None and self.layout.sentence(position) <= horizon and not plural and lede:
                    later = (position, k)
        chosen = best or later
        return (
            self.names.fullest(mentions.entities[chosen[1]], mentions.entities[chosen[1]])
            if chosen is not None
            else None
        )

    def _ranked_person(self, mention: Span) -> Speaker | None:
        """A definite description of a person ("The Indiana governor", "the New York businessman"): the person the
        description ranker (:mod:`claimex.speakermodel.descriptions`) finds likely enough, else None."""
        found = self.description_candidates(mention)
        if not found or self._introduced_unnamed(mention):
            return None
        best = max(found, key=lambda c: (self._descriptions.probability(c[0]), -c[2]))
        if not any(best[0][tie] for tie in _DESCRIPTION_TIES):
            return None  # salience alone: "the announcer" of an ad is not the candidate the story is about
        return best[1] if self._descriptions.probability(best[0]) >= self._descriptions.threshold else None

    def _epithet_antecedent(self, mention: Span) -> Speaker | None:
        """A definite epithet the article states of no one ("The GOP nominee complained ..." after a paragraph on
        Trump) read as a pronoun is: the person the antecedent ranker puts first among those named or speaking
        in the last sentences, when they lead the next one clearly (rivals it cannot be do not count: "President
        Barack Obama" is no "the Florida senator"), their gender agrees with the noun's, and nothing the article
        says of them conflicts (:meth:`_may_hold`: another state, party or country; only other offices).  A place
        the article does not state of them ("the New York businessman") must be stated of no one else ("Wisconsin
        Gov. Scott Walker"), and an office in a place ("the Vermont senator") is theirs only when the article gives
        them that office or they were just a subject (:meth:`_just_subject`); so is an epithet only its modifiers
        narrow ("the retired neurosurgeon", :func:`.descriptions._epithet`), and a bare office ("the candidate")
        only of a race or one the article gives them.
        Limits: no world knowledge, so an epithet of someone other than the salient person ("the Indiana
        governor" after a clause on Trump) is resolved only when salience points to them, and one the salient
        person does not hold is theirs if nothing else the article says rules it out."""
        head = mention.root
        owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        kind = _epithet(mention)
        if (
            kind is None
            or self._introduced_unnamed(mention)
            or self._named_after(mention)
            or any(self.mentions.names_person(t) for t in mention if t.i != head.i and t.i not in owner)
        ):
            return None  # "the Lincoln actor", "the Clinton aide": someone tied to the person named
        here = self.layout.sentence(mention.start)
        scored, commanded = self._epithet_scores(mention, range(head.left_edge.i, head.right_edge.i + 1))
        # The most salient person must fit it ("The FBI director chastised Clinton" after a paragraph on Trump is
        # someone else); rivals who cannot be it do not count ("Sen. Marco Rubio responded first, ripping into
        # President Barack Obama. ... the Florida senator said").
        fits = [entry for entry in scored if self._may_hold(entry[2].name, mention)]
        if scored and (not fits or fits[0] is not scored[0]):
            return None
        scored = fits
        if any(stated_age(t) for t in mention):  # "The 30-year-old netminder said": who the last sentence is about
            scored = [entry for entry in scored if self._just_subject(entry, here, mention.start)][:1]
        # The subject of a clause holding it is someone else; the other person its sentence names may be it.
        disjoint = commanded and bool(scored) and self.layout.sentence(scored[0][3]) == here
        if not scored or (len(scored) > 1 and scored[0][0] - scored[1][0] < _EPITHET_MARGIN):
            return None  # no clear topic
        if not (scored[0][1] or disjoint):
            return None  # the leading person was last named as a subject, or spoke
        if kind == "characterized" and not (
            disjoint or self._just_subject(scored[0], here, mention.start) or _far_ahead(scored)
        ):
            return None  # modifiers alone ("the retired neurosurgeon") are weaker: of the one just a subject, or of a
            # clear topic
        return scored[0][2] if self._leader_holds(mention, kind, scored[0]) else None

    def _leader_holds(self, mention: Span, kind: str, entry: tuple[float, float, Speaker, int]) -> bool:
        """Whether the clear leader of an epithet (see :meth:`_epithet_antecedent`) may hold its office and places."""
        here = self.layout.sentence(mention.start)
        keys, roles, office = _epithet_terms(mention)
        best = entry[2]
        person = self._people_index().get(best.name)
        holds = person is not None and bool(person.roles & roles)
        just = self._just_subject(entry, here, mention.start)
        if kind == "bare" and not (just and (roles & _CAMPAIGN_ROLES or holds)):
            return False  # "the mayor" after a sentence on Trump is someone else; "the candidate" is Trump
        places = {k for k in keys if not k.startswith("party:")}
        stated = person is not None and places <= person.attributes
        # "the Indiana governor" is not a Trump named only in a side clause
        return not (places and not stated) or not (
            self._placed_elsewhere(places, best) or (office and not holds and not just)
        )

    def _may_hold(self, name: str, mention: Span) -> bool:
        """Whether nothing the article says of the person named ``name`` rules out an epithet: another state, party
        or country than it states; for an office, only offices that are not it (see :func:`_offices_agree`), or
        that one without its lower rank ("the Republican vice presidential nominee" is not the one the article
        calls "the Republican presidential nominee"); or they are named inside it."""
        person = self._people_index().get(name)
        if person is None:
            return True
        head = mention.root
        keys, roles, office = _epithet_terms(mention)
        if conflict(keys, frozenset(person.attributes)) or any(
            head.left_edge.i <= i <= head.right_edge.i for i in person.positions
        ):
            return False
        if not office:
            return True
        if person.roles & roles and not _rank_words(mention) <= person.described_words:
            return False
        return _offices_agree(roles, person.roles & _OFFICES, any(t.lower_ in _FORMER for t in mention))

    def _topic_epithet(self, mention: Span) -> Speaker | None:
        """A definite epithet as the subject of its sentence's main clause, going on with the person the sentence
        before is about (:meth:`_sentence_subject`: "Mike Pence says ... .  The Republican vice presidential nominee
        was speaking Friday, hours after Trump unleashed a flurry of tweets ... .  The Indiana governor said") when
        nothing the article says of them rules it out, their gender agrees and the article gives its office or
        place to no one else ("former Gov. Jeb Bush" is no one else's "the governor").  Limits: no world knowledge;
        the sentence before must be about them in its main clause."""
        head = mention.root
        kind = _epithet(mention)
        here = self.layout.sentence(mention.start)
        if kind is None or here == 0 or not _opens_main_clause(head):
            return None
        if kind == "bare" or self._introduced_unnamed(mention) or self._named_after(mention):
            return None  # "the candidate" is an epithet only of a subject just named; a name after is its own
        if self._same_description_before(mention):
            return None  # "Ancelotti praised the Spanish forward. ... the Spanish forward said": not Ancelotti
        topic = self._sentence_subject(here - 1)
        if topic is None or topic not in self._people_index() or not self._may_hold(topic, mention):
            return None
        person = self._people_index()[topic]
        wanted, known = gender.NOUN_GENDER.get(head.lower_), self.genders.of_speaker(person.speaker)
        if wanted is not None and known is not None and wanted != known:
            return None
        keys, roles, office = _epithet_terms(mention)
        places = {k for k in keys if not k.startswith("party:")}
        if places and not places <= person.attributes and self._placed_elsewhere(places, person.speaker):
            return None
        others = (p for name, p in self._people_index().items() if name != topic)
        if office and any(p.roles & roles and not p.described_words & _FORMER for p in others):
            return None
        return person.speaker

    def _named_after(self, mention: Span) -> bool:
        """Whether a name closes the description's clause after a comma, which the parser did not appose to it
        ("wrote the American ambassador at the time, John E. Herbst.")."""
        end = min(mention.sent.end, mention.end + _NAMED_AFTER_WORDS)
        for token in self.doc[mention.end : end]:
            if token.pos_ in ("VERB", "AUX") or token.is_quote:
                return False
            if token.text == "," and token.i + 1 < len(self.doc):
                entity = self.mentions.at(token.i + 1)
                return (
                    entity is not None and entity.label_ == "PERSON" and entity.root.dep_ not in ("nsubj", "nsubjpass")
                )
        return False

    def _epithet_scores(self, mention: Span, phrase: range) -> tuple[list[tuple[float, float, Speaker, int]], bool]:
        """(score, subject, speaker, position) of the people named or speaking in the last sentences an epithet may
        be, best first, and whether the subject of a clause holding it was set aside: someone else ("Sanders advised
        her as the nominee"; "Graham called on Republicans to unendorse Trump after the billionaire estate mogul
        claimed" is not Graham)."""
        head = mention.root
        here = self.layout.sentence(mention.start)
        scored, commanded = [], False
        before = self._same_description_before(mention)
        for features, position, speaker in self.antecedent_candidates(
            mention.start, gender.NOUN_GENDER.get(head.lower_)
        ):
            back = here - self.layout.sentence(position)
            if (
                back == 0
                and features["subject"]
                and self._commands(position, head)
                and not self._coordinated(position, head)
            ):
                commanded = True
            elif back <= _EPITHET_SENTENCES and position not in phrase:
                if any(self._commands(position, earlier) for earlier in before):
                    continue  # "Ancelotti praised the Spanish forward. ... the Spanish forward said": someone else
                scored.append((self._ranker.score(features), features["subject"], speaker, position))
        scored.sort(key=lambda entry: entry[0], reverse=True)
        return scored, commanded

    def _same_description_before(self, mention: Span) -> list[Token]:
        """The heads of the same definite description (its noun and qualifiers) in the last sentences, outside
        quotations, an object there ("Ancelotti praised the Spanish forward"): whoever is an argument of a clause
        holding one is not the one it describes; not one said of its subject ("delivered her speech as the Democratic
        nominee", "is the nominee")."""
        head = mention.root
        lemma, qualifiers = head.lemma_.lower(), _qualifiers(mention)
        start = self.layout.sentence_starts[max(self.layout.sentence(mention.start) - _EPITHET_SENTENCES, 0)]
        return [
            token
            for token in self.doc[start : mention.start]
            if token.lemma_.lower() == lemma
            and token.pos_ == "NOUN"
            and not self.layout.quoted[token.i]
            and (token.dep_ in ("dobj", "dative") or (token.dep_ == "pobj" and token.head.lower_ not in ("as", "like")))
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and _qualifiers(self.doc[token.left_edge.i : token.i + 1]) == qualifiers
        ]

    def _placed_elsewhere(self, places: set[str], speaker: Speaker) -> bool:
        """Whether the article states an epithet's places ("the Wisconsin governor") of someone other than
        ``speaker`` ("Wisconsin Gov. Scott Walker", "Sen. Bernie Sanders (I-Vt.)")."""
        for name, person in self._people_index().items():
            if name == speaker.name:
                continue
            before = (self.doc[max(position - _TITLE_SPAN, 0) : position].text for position in person.positions)
            if places <= person.attributes or any(places <= attributes(text)[0] for text in before):
                return True
        return False

    def _just_subject(self, entry: tuple[float, float, Speaker, int], here: int, at: int) -> bool:
        """Whether the person of an epithet's ``entry`` (see :meth:`_epithet_scores`) was named or spoke as a subject
        in sentence ``here`` ("As far as whether Sanders still senses anger ..., the Vermont senator acknowledged"),
        or is what the sentence before is about (:meth:`_sentence_subject`); also when named as a subject of another
        clause of it whose main clause has an empty subject and no one else is named from there to token ``at``
        ("Yet it was unclear whether Sanders was ready to follow that script.  The Vermont senator emailed")."""
        position, speaker = entry[3], entry[2]
        entity = self.mentions.at(position)
        root = entity.root if entity is not None else self.doc[position]
        back = here - self.layout.sentence(position)
        if back == 0 or here == 0:
            return back == 0 and _is_subject(root)
        if self._sentence_subject(here - 1) == speaker.name:
            return True
        if back != 1 or not _is_subject(root):
            return False
        start = self.layout.sentence_starts[here - 1]
        subject = _main_subject(self.doc[start].sent.root)
        empty = subject is not None and subject.lower_ in ("it", "there") and not self.mentions.at(subject.i)
        others = (e for e in self.mentions.within(start, at) if e.label_ == "PERSON")
        return empty and all(self.names.fullest(e, e).name == speaker.name for e in others)

    def _sentence_subject(self, sentence: int, depth: int = 0) -> str | None:
        """The name of the person the main clause of a sentence has for its subject (or a coordinate clause's: '"Oh
        well, I don't wanna say so," Sanders responded'): a name, a claim's speaker ("he told supporters"), or an
        epithet going on with the sentence before's ("Mike Pence says ... .  The Republican vice presidential
        nominee was speaking Friday ... .  The Indiana governor said"; up to :data:`_EPITHET_CHAIN` back); else
        None."""
        if (sentence, depth) in self._subjects:
            return self._subjects[sentence, depth]
        root = self.doc[self.layout.sentence_starts[sentence]].sent.root
        found = None
        for subject in (_main_subject(verb) for verb in (root, *(c for c in root.children if c.dep_ == "conj"))):
            found = self._subject_name(subject, sentence, depth) if subject is not None else None
            if found is not None:
                break
        self._subjects[sentence, depth] = found
        return found

    def _subject_name(self, subject: Token, sentence: int, depth: int) -> str | None:
        """Who a subject word in a sentence is (see :meth:`_sentence_subject`), or None."""
        claimed = next((s for m, s, _ in self.history if m.root.i == subject.i), None)
        if claimed is not None:
            return claimed.name if claimed.type == "PERSON" else None
        entity = self.mentions.at(subject.i)
        if entity is not None and entity.label_ == "PERSON":
            return self.names.fullest(entity, entity).name
        if subject.is_title and subject.pos_ != "NOUN" and (entity is None or len(entity) == 1):
            return self._surname_bearer(subject.text)  # "Trump, appearing ..., cited": untagged, or tagged ORG
        if entity is not None:
            return None
        phrase = self.doc[subject.left_edge.i : subject.i + 1]
        if depth >= _EPITHET_CHAIN or sentence == 0 or subject.pos_ != "NOUN" or _epithet(phrase) is None:
            return None
        before = self._sentence_subject(sentence - 1, depth + 1)
        if before is None or not self._may_hold(before, phrase):
            return None
        person = self._people_index().get(before)
        wanted = gender.NOUN_GENDER.get(subject.lower_)
        known = self.genders.of_speaker(person.speaker) if person is not None else None
        return before if wanted is None or known is None or wanted == known else None

    def _surname_bearer(self, word: str) -> str | None:
        """The one person the article names in full with ``word`` for a surname, or None (none, or several)."""
        bearers = [name for name in self._people_index() if " " in name and name.rsplit(" ", 1)[-1] == word]
        return bearers[0] if len(bearers) == 1 else None

    def _introduced_unnamed(self, mention: Span) -> bool:
        """Whether the article introduced someone with the description's noun and no name in the last sentences
        ("One man in Manchester ... interrupted the candidate: ... the man shouted"): the definite description goes on
        with that unnamed person, not with someone named ("Jason Miller, a spokesman, ... the spokesman" is named)."""
        head = mention.root
        lemma = head.lemma_.lower()
        start = self.layout.sentence_starts[max(self.layout.sentence(mention.start) - _EPITHET_SENTENCES, 0)]
        for token in self.doc[start : mention.start]:
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or self.layout.quoted[token.i]:
                continue
            phrase = self.doc[token.left_edge.i : token.i + 1]
            if _indefinite(phrase) and not _named(token):
                return True
        return False

    def _introduced_after(self, mention: Span) -> Speaker | None:
        """A lede's description of someone new, named as the subject of the next sentences: "A former Democratic
        National Committee chairman says ... . “...,” said Don Fowler"; "Connecticut's tax commissioner says ... .
        Kevin Sullivan says ...".  Only in the title or lede, or opening a paragraph as a definite description; the
        person is the first one named in the next two sentences, as a subject, never named before, and nothing the
        article says of them conflicts (another role, state, party or country, the other gender)."""
        head = person_head(mention)  # "Member of House panel", parsed with "panel" for the head
        lemma = _role_form(head)
        relational = head.lower_ in _RELATIONAL or lemma in _RELATIONAL
        if _plural(head) or not names_person(head.lemma_.lower()) or (relational and tied_to_person(head)):
            return None  # "his wife", "the wife of a man shot" is someone's wife, not whoever is named next
        if any(self.mentions.names_person(t) for t in mention) or not self._introduces(mention):
            return None
        here = self.layout.sentence(mention.start)
        if not self._fresh(mention) or _anonymous(mention):
            return None
        after = self.mentions.within(
            mention.end, self.layout.sentence_starts[min(here + 1, len(self.layout.sentence_starts) - 1)]
        )
        named = next((e for e in after if e.label_ == "PERSON"), None)
        if named is not None and not any(t.pos_ in ("VERB", "AUX") for t in self.doc[mention.end : named.start]):
            return None  # "Sirius XM Vice President for news Dave Gorab": its name follows it
        _, keys = _wanted(mention, _qualifiers(mention))
        roles = set(ROLE_CLASSES.get(lemma, (lemma,)))
        former = any(t.lower_ in _FORMER for t in mention)
        # Those the title names are others ("Sanders will back Clinton, former rival says"), though the recognizer
        # may miss their names there; so is anyone named before the description.
        titled = {_word(t) for t in self.doc[: self.layout.opening_end()] if t.pos_ == "PROPN" or t.is_title}
        people = [p for p in self._people_index().values() if not titled & _words_of(p.speaker.name)]
        for person in people:
            first = person.positions[0]
            if first < mention.end or not here < self.layout.sentence(first) <= here + _CATAPHORA_SENTENCES:
                continue
            next_sentence = self.layout.sentence_starts[min(here + 1, len(self.layout.sentence_starts) - 1)]
            new = [p for p in people if p.positions[0] >= mention.end and next_sentence <= p.positions[0] < first]
            if not person.subjects[0] or new:
                return None  # the next person named is someone else: the description stays
            wanted = gender.NOUN_GENDER.get(head.lower_)
            known = self.genders.of_speaker(person.speaker)
            clash = wanted is not None and known is not None and known != wanted
            # A tie is no office: a "member of House panel" may be the one the article calls a representative; nor is
            # a party's or nation's member ("A House Republican": Rep. French Hill).
            other_role = person.roles and not person.roles & roles and not relational and head.ent_type_ != "NORP"
            # A "former governor" is not the one the article calls governor now ("Gov. Jim Smith").
            sitting = former and person.roles & roles and not person.described_words & _FORMER
            if clash or conflict(keys, frozenset(person.attributes)) or other_role or sitting:
                return None
            return person.speaker
        return None

    def _title_echo(self, mention: Span) -> Speaker | None:
        """A title's description as the person the lede's description with its head noun is (:mod:`.headlines`)."""
        end = self.layout.opening_end()
        if not end or mention.end > end or not self.layout.paragraphs:
            return None
        lede = self.layout.lede_end(end) or len(self.doc)
        titled = titled_in_lede(mention, end, max(lede, end), self.layout.quoted)  # "PM says": "Prime Minister X"
        if titled is not None:
            return self.names.fullest(titled, titled)
        echo = lede_echo(mention, end, max(lede, end), self.layout.quoted)
        found = self._description(echo) if echo is not None else None
        return found if found is not None and found.type == "PERSON" and not found.plural else None

    def _fresh(self, mention: Span) -> bool:
        """Whether no one is named (outside the title) in the paragraph before the mention or in its own paragraph
        before it: a description there introduces someone; after "Chris Christie ..." "the New Jersey governor" is an
        epithet of his, if anyone's; so is one after a claim a person made there ("The Republican vice presidential
        nominee was speaking ..., where he told supporters ... .  The Indiana governor said")."""
        paragraph = self.layout.paragraph(mention.start)
        lo = max(self.layout.paragraph_starts[max(paragraph - 1, 0)], self.layout.opening_end())
        if lo >= mention.start:
            return True
        spoke = any(lo <= m.start < mention.start and s.type == "PERSON" for m, s, _ in self.history)
        return not spoke and not self.mentions.named_between(lo, mention.start)

    def _introduces(self, mention: Span) -> bool:
        """Whether a description stands where news introduces someone it names next: in the title or the lede,
        or opening a paragraph as "the ..." or "Connecticut's ..." (a place's or body's, not a person's)."""
        if (
            mention.end <= self.layout.opening_end()
            or self.layout.paragraph(mention.start) <= self.layout.paragraph(self.layout.title_end) + 1
        ):
            return True
        owner = next((c for c in mention.root.children if c.dep_ == "poss"), None)
        owned = owner is not None and owner.ent_type_ in ("GPE", "ORG", "NORP")
        qualified = bool(_qualifiers(mention))  # "the candidate" mid-article is the one the story is about
        return (mention[0].lower_ == "the" or owned) and qualified and self.layout.opens_paragraph(mention)

    def _coordinated(self, position: int, head: Token) -> bool:
        """Whether the name at token ``position`` is the subject of a clause the one ``head`` is the subject of goes on
        from ("Christie unleashed withering attacks ..., and the New Jersey governor tripped up Rubio"): the same
        person, as in a sentence of its own."""
        entity = self.mentions.at(position)
        verb = (entity.root if entity is not None else self.doc[position]).head
        clause = head.head
        while clause.dep_ == "conj" and clause.head.i != clause.i and clause.i != verb.i:
            clause = clause.head
        return head.dep_ in ("nsubj", "nsubjpass") and clause.i == verb.i and head.head.i != verb.i

    def _commands(self, position: int, head: Token) -> bool:
        """Whether the name at token ``position`` is an argument of a word governing ``head`` (an epithet there
        means someone else: "Sanders offered advice to Clinton, as the Democratic nominee looks ..." is not
        Sanders)."""
        entity = self.mentions.at(position)
        return _governs(entity.root if entity is not None else self.doc[position], head)

    def description_candidates(self, mention: Span) -> list[tuple[dict[str, float], Speaker, int]]:
        """(features, speaker, sentences away) of each person a description may mean: the people the article names
        before it and, in the next sentences, after it; none named inside it ("Pagliano's lawyer" is not Pagliano);
        [] for what is no singular, specific description of a person ("a senior official", "protesters")."""
        head = mention.root
        if not person_noun_head(head) or _plural(head) or _indefinite(mention) or not names_person(head.lemma_):
            return []
        qualifiers = _qualifiers(mention)
        description = _description(mention, qualifiers)
        required, keys = _wanted(mention, qualifiers)
        roles = set(ROLE_CLASSES.get(_role_form(head), (_role_form(head),)))
        wanted = gender.NOUN_GENDER.get(head.lower_)
        former = any(t.lower_ in _FORMER for t in mention)
        here = self.layout.sentence(mention.start)
        people = self._people_index()
        if description.office:
            required = _unstated_places_dropped(required, people.values())
        most = max((len(p.positions) for p in people.values()), default=1)
        spoke = self._spoke_before(mention.start)
        possessor = self._pronoun_possessor(head)
        phrase = range(head.left_edge.i, head.right_edge.i + 1)  # "a spokeswoman for Hillary Clinton" is not she
        found = []
        for name, person in people.items():
            if any(i in phrase for i in person.positions):
                continue
            k = bisect_left(person.positions, mention.start) - 1
            if k >= 0:
                position, cataphora = person.positions[k], False
            else:
                position, cataphora = person.positions[0], True
                if self.layout.sentence(position) - here > _CATAPHORA_SENTENCES:
                    continue
            described = _share(required, person.described_words | person.attributes)
            if (described < 1.0 and required) or conflict(keys, frozenset(person.attributes)):
                continue  # "The French president" is no one the article never describes as French
            known = self.genders.of_speaker(person.speaker)
            agreement = None if wanted is None or known is None else ("agrees" if known == wanted else "clashes")
            if agreement == "clashes" or (description.office and not roles & person.roles):
                continue  # "the spokeswoman" is no man; "the senator" no one the article never calls a senator
            if former and not person.described_words & _FORMER:
                continue  # "the former president" is no one the article never calls former
            candidate = Candidate(
                role_match=bool(roles & person.roles),
                described=bool(person.roles),
                qualifiers_described=described,
                gender=agreement,
                sentences_away=abs(here - self.layout.sentence(position)),
                cataphora=cataphora,
                possessor=possessor is not None and possessor.name == name,
                subject=person.subjects[k if k >= 0 else 0],
                mentions=len(person.positions),
                mention_share=len(person.positions) / most,
                spoke=spoke.get(name, 0),
            )
            found.append((description_features(description, candidate), person.speaker, candidate.sentences_away))
        return found

    def _pronoun_possessor(self, head: Token) -> Speaker | None:
        """The person a possessive pronoun before a description's head stands for ("his lawyer"), or None."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in gender.PRONOUN_GENDER), None)
        return (
            self._person_antecedent(self.doc[owner.i : owner.i + 1], gender.PRONOUN_GENDER[owner.lower_])
            if owner is not None
            else None
        )

    def person_positions(self, name: str) -> list[int]:
        """The token starts of the entity mentions of the person named ``name`` (see :meth:`description_candidates`)."""
        person = self._people_index().get(name)
        return person.positions if person is not None else []

    def _spoke_before(self, at: int) -> dict[str, int]:
        """Speaker name -> 2 for the latest claim's speaker before token ``at``, 1 for earlier ones."""
        spoke: dict[str, int] = {}
        entries = [(m, s) for m, s, nested in self.history if not nested and m.start < at and s.type == "PERSON"]
        for n, (_, speaker) in enumerate(entries):
            spoke[speaker.name] = 2 if n == len(entries) - 1 else 1
        return spoke

    def _people_index(self) -> dict[str, _Person]:
        """The people the article names (:func:`.people.people_of`), built when a description first needs them."""
        if self._people is None:
            self._people = people_of(self.mentions, lambda entity: self.names.fullest(entity, entity))
        return self._people

    def _named_since(self, role: str, described: Span, mention: Span) -> bool:
        """Whether someone called by the role noun itself was named between an unnamed description of it and
        ``mention`` ("the judge ... Judge Berman ... the judge": Berman; a "Secretary of State" named between is no
        "official" the writer goes on with)."""
        return any(described.end <= position < mention.start for position, _, _ in self._role_index().get(role, ()))

    def _role_index(self) -> RoleIndex:
        """The holders of each role noun (:func:`.people.roles_of`), built when a description first needs them."""
        if self._roles is None:
            self._roles = roles_of(self.mentions)
        return self._roles


def _epithet_terms(mention: Span) -> tuple[frozenset[str], set[str], bool]:
    """(the state, party and country keys, the role nouns, whether an office) of an epithet."""
    role = _role_form(mention.root)
    _, keys = _wanted(mention, _qualifiers(mention))
    return keys, set(ROLE_CLASSES.get(role, (role,))), role in _OFFICES


def _rank_words(mention: Span) -> frozenset[str]:
    """The words of a description that make its office a lower one ("vice" of "the vice presidential nominee",
    "deputy" of "the deputy mayor"; :data:`_OTHER_OFFICE_MODIFIERS`)."""
    role = _role_form(mention.root)
    return frozenset(t.lower_ for t in mention if {"*", role} & _OTHER_OFFICE_MODIFIERS.get(t.lower_, frozenset()))


def _opens_main_clause(head: Token) -> bool:
    """Whether a noun is the subject of its sentence's main clause or of a coordinate of it ("..., and the senator
    said"), also of a speech verb the parser coordinated inside what the main clause's speech verb reports ("She said
    fathers would not be eligible, and when pressed, the 34-year-old mother of three replied"); not of a clause
    inside another ("Trump said that the former president lied")."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    speech = verb.dep_ == "conj" and verb.lemma_.lower() in SPEECH_VERBS
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ROOT":
        return True
    return speech and verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.lemma_.lower() in SPEECH_VERBS


#: Words before a name in a transcript label that are no part of it ("REVEREND ALAN HOSKIN:").
_LABEL_TITLES = TITLE_WORDS | HONORIFICS | lexicon_words("extra_titles")

#: Dependencies the parser gives a clause's detached subject ("Trump, appearing ..., cited").
_DETACHED_SUBJECT_DEPS = frozenset({"advcl", "npadvmod", "dep", "nmod", "appos"})


def _label_name(mention: Span) -> Speaker | None:
    """A transcript label's name in capitals, two words or more before its colon or its role's comma ("WOLF
    BLITZER:", "REVEREND ALAN HOSKIN, ANGLICAN MINISTER:"), as a person's name in title case without titles
    ("Alan Hoskin"): the recognizer reads capitals poorly (often as an organization).  Limits: a body's label in
    capitals ("UN SPOKESMAN:") would be taken for a person's name; the titles list decides what is dropped."""
    doc = mention.doc
    after = doc[mention.end].text if mention.end < len(doc) else ""
    words = [t for t in mention if not t.is_quote]
    if after not in (":", ",") or not all(t.is_alpha and t.is_upper and len(t) > 1 for t in words):
        return None
    if any(t.is_stop and not gender.is_first_name(t.text.title()) for t in words):
        return None  # "STAT OF THE WEEK:", "FIX IS IN:": no name ("WILL SMITH:" is one)
    while len(words) > 2 and (words[0].lower_ in _LABEL_TITLES):
        words = words[1:]
    if len(words) < 2 or mention.start and not doc[mention.start - 1].is_space:
        return None  # a label opens its paragraph
    return Speaker(doc[words[0].i : words[-1].i + 1].text.title(), "PERSON")


def _main_subject(verb: Token) -> Token | None:
    """The subject (or empty "it", "there") of a clause's verb, or None; without one, a proper noun opening the
    clause and set off by a comma, which the parser hung on the verb as a modifier ("Trump, appearing after Clinton
    at the forum, cited problems": Trump an ``advcl``)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is not None:
        return subject
    opening = next((c for c in verb.children if c.i < verb.i), None)
    if (
        opening is not None
        and (opening.pos_ == "PROPN" or opening.is_title)  # "Trump" may be tagged ADJ there
        and opening.dep_ in _DETACHED_SUBJECT_DEPS
        and opening.left_edge.i == verb.sent.start
        and opening.i + 1 < verb.i
        and opening.nbor().text == ","
    ):
        return opening
    return None


def _offices_agree(wanted: set[str], held: set[str], former: bool) -> bool:
    """Whether an epithet's office (``wanted``) may be a person's whom the article gives the offices ``held``: one
    of them, or none, or a race's role beside an elected office ("Texas Sen. Ted Cruz" is "the GOP presidential
    candidate"; a "GOP nominee" may be "the Vermont senator", not "the FBI director"), or a past office of one they
    call only a candidate (``former``: "the former secretary" may be the Democratic nominee)."""
    if not held or wanted & held or (former and held <= _CAMPAIGN_ROLES):
        return True
    both = wanted | held
    race = all(r in _CAMPAIGN_ROLES or r.rsplit(" ", 1)[-1] in _ELECTED_OFFICES for r in both)  # "vice president"
    return race and bool(both & _CAMPAIGN_ROLES)


def _other_office(mention: Span, words: frozenset[str]) -> bool:
    """Whether a holder's descriptor ``words`` make the office another than the description's: a modifier of
    :data:`_OTHER_OFFICE_MODIFIERS` for its role noun that the description lacks ("the president" of "Vice President
    Joe Biden", "the minister" of "Chief Minister M.K. Stalin")."""
    role = _role_form(mention.root)
    own = {t.lower_ for t in mention}
    return any(
        word in _OTHER_OFFICE_MODIFIERS and word not in own and ({"*", role} & _OTHER_OFFICE_MODIFIERS[word])
        for word in words
    )


def _unstated_places_dropped(required: frozenset[str], people: Iterable[_Person]) -> frozenset[str]:
    """An office's state or country that the article says of no one it names is the reader's knowledge, not a
    requirement: "the Vermont senator" may be the "Sen. Bernie Sanders" of an article that never names Vermont (the
    office itself is still required, and a holder stated of another state is still excluded)."""
    stated = {key for person in people for key in person.attributes}
    return frozenset(k for k in required if not (k.startswith(_PLACE_KEYS) and k not in stated))


def _places_body(entity: Span, head: Token) -> Speaker | None:
    """ "Toronto police": a place's body named by a collective noun right after it speaks as the body, not the place."""
    if entity.label_ != "GPE" or head.lower_ not in _ORG_NAME_WORDS or entity.end != head.i:
        return None
    return Speaker(_without_determiner(head.doc[entity.start : head.i + 1]), "ORG")


def _with_office_of(mention: Span) -> Span:
    """A person's description as written, with the of-phrase that completes its office ("the secretary of state",
    "the head of the agency", "his chief of staff"): short, no clause in it; else the mention."""
    head, doc = mention.root, mention.doc
    if mention.end >= len(doc) or not names_person(head.lemma_.lower()):
        return mention
    of = doc[mention.end]
    if of.lower_ != "of" or of.head.i != head.i:
        return mention
    end = of.right_edge.i + 1
    phrase = doc[of.i + 1 : end]
    if not 0 < len(phrase) <= _OFFICE_OF_WORDS or any(
        t.pos_ in ("VERB", "AUX") or t.is_punct or t.tag_ == "POS" for t in phrase
    ):
        return mention
    return doc[mention.start : end]


def _partitive(mention: Span) -> bool:
    """ "one of the hundreds of residents", "some of his supporters": a part of a group named after "of", with no
    name in apposition ("One of his advisers, Tad Devine" is Devine)."""
    of = partitive_of(mention.root)
    return of is not None and of.i < mention.end and not any(t.dep_ == "appos" or t.text == "," for t in mention)


def _far_ahead(scored: list) -> bool:
    """Whether the antecedent ranker puts the first person ahead of the next (or, alone, of no one: score 0) by twice
    the margin an epithet needs: the clear topic a characterizing epithet ("the real estate tycoon") may go on with
    though they were not the subject just before."""
    rival = scored[1][0] if len(scored) > 1 else 0.0
    return scored[0][0] - rival >= 2 * _EPITHET_MARGIN


def _named(noun: Token) -> bool:
    """Whether a person noun is given a name: apposed to one or by one ("Jason Miller, a spokesman"; "a spokesman,
    Jason Miller"), or said of one ("Miller is a spokesman")."""
    related = [*noun.children, noun.head]
    if noun.dep_ == "attr":
        related += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return any(t.ent_type_ == "PERSON" and (t.dep_ == "appos" or t is noun.head or t.dep_ == "nsubj") for t in related)


def _title_cased_names(title: Span) -> list[Span]:
    """Names the recognizer misses in a title-case headline: a known first name and the capitalized word after
    it ("TV Host Holly Willoughby Gets Emotional")."""
    doc = title.doc
    names: list[Span] = []
    for t in title[:-1]:
        after = doc[t.i + 1]
        named = t.is_title and after.is_title and after.is_alpha and after.lower_ not in TITLE_WORDS
        if named and gender.is_first_name(t.text) and not (names and names[-1].end > t.i):  # not "Willoughby Gets"
            names.append(Span(doc, t.i, t.i + 2, "NAME"))
    return names


def _topic_span(pronoun: Span) -> tuple[int, int] | None:
    """The tokens of the topic a sentence opens with when the pronoun follows it right away: "As for Trump, he
    said" (Trump), else None."""
    doc = pronoun.doc
    sentence = doc[pronoun.start].sent
    words = [t.lower_ for t in doc[sentence.start : sentence.start + 2]]
    comma = pronoun.start - 1
    if words != ["as", "for"] or comma <= sentence.start + 2 or doc[comma].text != ",":
        return None
    return sentence.start + 2, comma


def _anonymous(mention: Span) -> bool:
    """Whether the sentence says the described speaker stays unnamed ("a senior official told Reuters on condition
    of anonymity", "spoke on condition of anonymity because he was not authorized to ..."): no one named after it is
    that speaker."""
    return any(t.lemma_.lower() in _SPEAKING_TERMS for t in mention.sent)


def _unnamed_person(mention: Span) -> bool:
    """A description of one person the article does not name ("The Palestinian official", "a Hamas official"), whom
    a later "the official" goes on with: a determiner, then words without punctuation; not a tie to someone ("a
    friend" is not "her friend")."""
    head = mention.root
    lemma = head.lemma_.lower()
    if len(mention) < 2 or mention[0].pos_ != "DET" or mention[0].lower_ in ("what", "which", "whose"):
        return False
    if any(t.is_punct for t in mention) or head.lower_ in _RELATIONAL or lemma in _RELATIONAL:
        return False
    return head.pos_ == "NOUN" and not _plural(head) and names_person(lemma)
