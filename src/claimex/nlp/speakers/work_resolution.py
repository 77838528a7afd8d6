"""The works strategy: a work speaks for its author, under its own name or title, or as its data's source.

* **data from a source** speak as the source ("Data from the 2014 American Community Survey"), resolved as any
  mention is (the ``resolve`` callable the resolver passes);
* a **poll or titled work** speaks under its fullest name or title (:mod:`.named_works`), and a description of
  one ("the poll", "the film") is the latest named one, unless a work of its kind with a named author comes
  between;
* a **work with an author** speaks for them: the one the article gives it ("a new report by Politico", "A USA
  TODAY analysis", "her submission", the author of "his" by the ``person_antecedent`` callable), else, for "the
  report", the author of the latest such work in the paragraphs before (:mod:`.works`);
* **what someone says or writes**, possessed by a person's pronoun or a name ("her account", "Starr's remarks",
  "his first videos"), speaks as its possessor, resolved as any mention is.

:class:`WorkResolver` builds the works named and their authors once per article, on first use;
:class:`.resolver.SpeakerResolver` decides when a mention is asked.  Limits: works are known by their head noun
only (see :mod:`.named_works` and :mod:`.works`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ...lexicon import gender
from ...lexicon import words as lexicon_words
from ..syntax import subject_or_agent
from . import named_works
from .context import ArticleContext, PersonAntecedent
from .descriptions import COLLECTIVE_HEADS, _qualifiers
from .determiners import _indefinite
from .grammar import _conjuncts, _plural
from .organizations import ORG_KINDS
from .speaker import Speaker
from .works import _WORK_PARAGRAPHS, VOICED, WORKS, _author_entity, _author_token

_PERSON_POSSESSIVES = frozenset({"his", "her", "my"})  # a person's: "her account", "my letter" (the writer's)

PUBLICATIONS = lexicon_words("publication_nouns")
_PUBLISHING_VERBS = lexicon_words(
    "publishing_verbs"
)  # "X tweeted": "the tweet" later is X's  # "the website" speaks as the body behind it
_DEFINITE = frozenset({"the", "this"})

Resolve = Callable[[Span, Speaker | None], Speaker | None]  # a mention, its enclosing speaker -> its speaker


class WorkResolver:
    """The works of one article and who speaks for them (see the module doc), indexed on first use."""

    def __init__(self, context: ArticleContext, resolve: Resolve, person_antecedent: PersonAntecedent):
        self.doc, self.layout, self.mentions, self.names = context.doc, context.layout, context.mentions, context.names
        self._resolve = resolve
        self._person_antecedent = person_antecedent
        self._authors: dict[int, tuple[str, Speaker]] | None = None
        self._works: list[named_works.NamedWork] | None = None  # works named under their own name or title

    def named_work(self, mention: Span) -> Speaker | None:
        """Data speak as their named source; a poll under its own name, a work under its title (:mod:`.named_works`)."""
        source = named_works.data_source(mention.root)
        if source is not None:
            return self._resolve(self.doc[source.left_edge.i : source.right_edge.i + 1], None)
        work = named_works.own_name(mention.root) if mention.root.pos_ in ("NOUN", "ADJ") else None
        if work is None:
            return None
        return Speaker(named_works.fullest(work, self._named_works()), "OTHER" if work.titled else "ORG")

    def _named_works(self) -> list[named_works.NamedWork]:
        if self._works is None:
            self._works = named_works.named_works(self.doc, self.layout.quoted)
        return self._works

    def work_referent(self, mention: Span) -> Speaker | None:
        """A description of a work named under its own name or title (:func:`.named_works.referent`), unless a work of
        its kind with a named author comes between (that author speaks: see :meth:`work`)."""
        opening = self.layout.paragraph(mention.start) <= self.layout.paragraph(self.layout.title_end) + 1
        named = self._named_works()
        title = mention.end <= self.layout.opening_end()
        found = named_works.referent(mention, named, self.layout.paragraph, self.layout.sentence, opening, title)
        if found is None:
            return None
        kind = named_works.work_kind(mention.root)
        lo, hi = sorted((found.position, mention.start))
        if any(lo < i < hi and named_works.work_kind(self.doc[i]) == kind for i in self._work_authors()):
            return None  # "a Reuters survey ... a study by Justin Levitt ... The study": Levitt's
        return Speaker(named_works.fullest(found, named), "OTHER" if found.titled else "ORG")

    def work(self, mention: Span) -> Speaker | None:
        """A work speaks for its author: the one the article gives it ("a new report by Politico", "A USA TODAY
        analysis", "her submission", "The Security Council issued a statement"), else, for "the report", the
        author of the latest such work in the paragraphs before ("A web video by the RNC ... The ad")."""
        head = mention.root
        if head.lemma_.lower() not in WORKS or _plural(head):
            return None
        authors = self._work_authors()
        if head.i in authors:
            return authors[head.i][1]
        if _indefinite(mention) or _qualifiers(mention):
            return None
        paragraph = self.layout.paragraph(mention.start)
        same_kind = named_works.kind_of(head.lemma_.lower())  # "A web video by the RNC ... The clip"
        found = None
        for i, (lemma, author) in authors.items():
            if i >= mention.start:
                break
            kind = named_works.kind_of(lemma)
            near = self.layout.paragraph(i) >= paragraph - (_WORK_PARAGRAPHS if kind == same_kind else 1)
            if near and (kind == same_kind or found is None or found[0] != same_kind):
                found = (kind, author)
        return found[1] if found is not None else self._sole_work(mention, same_kind)

    def _sole_work(self, mention: Span, kind: str) -> Speaker | None:
        """The author of the one work of ``kind`` the article gives an author before the mention, however far back
        (an article about a piece: "The Washington Post ran a feature ... . The article closes with"), unless an
        indefinite work of that kind comes between ("a new report"): that one may be meant."""
        earlier = [(i, author) for i, (lemma, author) in self._work_authors().items() if i < mention.start]
        of_kind = [(i, author) for i, author in earlier if named_works.kind_of(self.doc[i].lemma_.lower()) == kind]
        if len({author.name for _, author in of_kind}) != 1:
            return None
        between = self.doc[of_kind[-1][0] + 1 : mention.start]
        if any(
            t.pos_ == "NOUN"
            and named_works.kind_of(t.lemma_.lower()) == kind
            and _indefinite(self.doc[t.left_edge.i : t.i + 1])
            for t in between
        ):
            return None
        return of_kind[-1][1]

    def body_voice(self, mention: Span, latest: tuple[Span, Speaker] | None) -> Speaker | None:
        """A definite description of a work, data or an outlet the article names nowhere ("the data", "The
        website"): the organization whose claim (``latest``: the mention and speaker of the claim before it) came
        just before, in that paragraph or the one before ("The State Department Refugee Processing Center said
        ... . According to the data"; "Zero Hedge asked ... . The website noted").  None after a person's claim,
        for a qualified description ("the new report"), a plural one, or one whose noun came after that claim's
        speaker (a work the claim is about, by someone else).  Limits: a work of someone the article never quotes
        goes to the organization quoted just before."""
        head = mention.root
        nouns = (head.lemma_.lower(), head.lower_)
        if latest is None or mention[0].lower_ not in _DEFINITE or _qualifiers(mention) or not _speaking(head):
            return None
        if not any(n in WORKS or n in named_works.DATA_NOUNS or n in PUBLICATIONS for n in nouns):
            return None
        if _plural(head) and head.lower_ not in named_works.DATA_NOUNS:
            return None
        earlier, speaker = latest
        if self.layout.paragraph(mention.start) - self.layout.paragraph(earlier.start) > 1:
            return None
        lemma = head.lemma_.lower()
        if any(t.lemma_.lower() == lemma for t in self.doc[earlier.start : mention.start]):
            return None  # "The Times said Cook provided a written statement ... . the statement": Cook's
        return speaker if speaker.type == "ORG" and not speaker.plural else None

    def possessor_voice(self, mention: Span) -> Speaker | None:
        """What someone says or writes, possessed by a person's pronoun or a name, speaks as its possessor: "her
        account" (the "she" it means), "my letter" (the writer), "Starr's remarks", "USA TODAY's reporting".
        None for another possessor ("its reaction", "their analysis", "the campaign's statement": the antecedents
        of these are often no speaker), one that resolves to no one, or an account of a body ("Trump's official
        campaign account" is his campaign's)."""
        head = mention.root
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or (lemma not in VOICED and lemma not in WORKS):
            return None
        if any(c.dep_ == "compound" and c.lemma_.lower() in COLLECTIVE_HEADS for c in head.children):
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or not (owner.lower_ in _PERSON_POSSESSIVES or owner.pos_ == "PROPN" or _body_noun(owner)):
            return None
        speaker = self._resolve(self.doc[owner.left_edge.i : owner.i + 1], None)
        if speaker is not None and _body_noun(owner) and speaker.type != "ORG":
            return None  # "the company's annual report" is a named company's, or no one's
        return speaker if speaker is not None and speaker.type != "OTHER" else None

    def _work_authors(self) -> dict[int, tuple[str, Speaker]]:
        """Token of every work the article names outside quotations -> (its noun, its author), in text order."""
        if self._authors is None:
            self._authors = {}
            for token in self.doc:
                lemma = token.lemma_.lower()
                if self.layout.quoted[token.i] or lemma not in WORKS:
                    continue
                if token.pos_ == "NOUN":
                    author = self._author_of(token)
                elif token.pos_ == "VERB" and lemma in _PUBLISHING_VERBS:
                    author = self._publisher(token)
                else:
                    continue
                if author is not None:
                    self._authors[token.i] = (lemma, author)
        return self._authors

    def _publisher(self, verb: Token) -> Speaker | None:
        """The named subject of "tweeted", "posted": the author of "the tweet" read later."""
        subject = subject_or_agent(verb)
        if subject is None or subject.pos_ == "PRON":
            return None
        speaker = self._resolve(self.doc[subject.left_edge.i : subject.i + 1], None)
        return speaker if speaker is not None and speaker.type in ("PERSON", "ORG") else None

    def _author_of(self, work: Token) -> Speaker | None:
        for child in work.children:
            if child.dep_ == "poss" and child.lower_ in ("his", "her"):
                return self._person_antecedent(self.doc[child.i : child.i + 1], gender.PRONOUN_GENDER[child.lower_])
        named = _author_token(work)
        entity = _author_entity(named) if named is not None else None
        if entity is None:
            return None
        others = [self.mentions.at(c.i) for c in _conjuncts(entity.root)]
        if others and all(o is not None and o.label_ in ("PERSON", "ORG") for o in others):
            names = [self.names.fullest(e, e).name for e in (entity, *others) if e is not None]
            return Speaker(" and ".join(dict.fromkeys(names)), entity.label_, None, plural=True)
        return self.names.fullest(entity, entity)


def _speaking(head: Token) -> bool:
    """Whether a description stands where a speaker does: a subject, or the object of "according to" (not "the
    leak of the report, which concluded ...")."""
    if head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"


def _body_noun(owner: Token) -> bool:
    """A definite noun naming a kind of body as a possessor ("the ride-hailing company's annual report", "the
    agency's statement"): the body the article named before writes it (not "the campaign's": a collective head)."""
    definite = any(c.lower_ in _DEFINITE for c in owner.children if c.dep_ == "det")
    return owner.pos_ == "NOUN" and definite and not _plural(owner) and owner.lemma_.lower() in ORG_KINDS
