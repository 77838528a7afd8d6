"""Reading spaCy's dependency parse: who a reporting word's speaker is, and walks whose cost does not
grow with the tree's depth."""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Iterator, Sequence

import numpy
from spacy.attrs import HEAD, SENT_START
from spacy.tokens import Doc, Span, Token

# Verbs whose "it" subject is empty ("it seems that ..."); with any other verb "it" is a thing that speaks
# ("It says the campaign violated federal law": a lawsuit, a report).
RAISING_VERBS = frozenset({"be", "seem", "appear", "happen", "turn", "remain", "become", "look", "sound"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
_MARKS = frozenset({".", ",", ";", ":", "!", "?"})  # never a subject, whatever the parser hung there


def subject_or_agent(verb: Token) -> Token | None:
    """The speaker's head word of a verb: the agent of a passive, else the subject.

    A relative pronoun subject gives the noun it modifies; an expletive ("there is", "it
    seems that": "it" with a verb of :data:`RAISING_VERBS`) gives none.  Conjoined or participial verbs share their head's speaker:
    "He smiled and said ...", "..., saying ...".  Each verb's answer is kept for the Doc, so a chain of
    conjoined verbs is climbed once.
    """
    known = ParseIndex.of(verb.doc).speakers
    path = []
    for word in climb(verb):
        if word.i in known:
            found = known[word.i]
            break
        path.append(word.i)
        found, climbs = _own_speaker(word)
        if not climbs:
            break
    for i in path:
        known[i] = found
    return verb.doc[found] if found is not None else None


def _own_speaker(verb: Token) -> tuple[int | None, bool]:
    """The id of the speaker ``verb`` names itself, and whether, naming none, it takes its head's."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0].i, False
    # Two subjects are a misparse ("“... Full panic mode,” said Leslie Wimes"; "The economy, said Mayor Smith, is
    # ..."): the one whose words are next to the verb is right; a mark is none ("The world No. 1 said": "No" and the
    # period it lost both subjects).
    subject = min(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "csubj") and c.text not in _MARKS and not stranded_object(c, verb)
        ),
        key=lambda c: _words_apart(c, verb),
        default=None,
    )
    subject = subject or _contracted_perfect_subject(verb)
    if subject is not None:
        if subject.lower_ == "there" or (subject.lower_ == "it" and verb.lemma_ in RAISING_VERBS):
            return None, False  # "there is", "it seems that", "it is clear that": nobody speaks
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return (_predicated_of(verb.head, subject) or verb.head).i, False
        return subject.i, False
    if not (verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb):
        return None, False
    shared = _passive_subject_shared(verb)
    if shared is not None:
        return shared.i, False
    # a participle shares its head's speaker, a perfect one too ("..., having told reporters that ...")
    participle = verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.tag_ == "VBG" for c in verb.children)
    return None, not (verb.dep_ == "advcl" and not participle)


def _contracted_perfect_subject(verb: Token) -> Token | None:
    """ "He's said he'll fight": the parser read the contracted "has" as a passive "is" and the subject as a passive
    one; a participle with a finite clause is no passive ("he is said to" takes an infinitive), so its passive
    subject is its subject."""
    passive = [c.lower_ for c in verb.children if c.dep_ == "auxpass"]
    if passive not in (["'s"], ["’s"]) or not any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "It's been reported that ...", "It's said that ...": a passive, and no one speaks
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject if subject is not None and subject.lower_ not in ("it", "there") else None


def _words_apart(subject: Token, verb: Token) -> int:
    """Words between a verb and the nearest word of its subject's phrase (its head's, when the parser hung on it
    words from past the verb)."""
    if subject.i > verb.i:
        return subject.left_edge.i - verb.i if subject.left_edge.i > verb.i else subject.i - verb.i
    return verb.i - subject.right_edge.i if subject.right_edge.i < verb.i else verb.i - subject.i


def _passive_subject_shared(verb: Token) -> Token | None:
    """ "Trump was forced into damage control and said ...": an active verb coordinated with a passive one shares its
    subject, not its agent ("X was criticized by Y and said ...": X said it); None for any other verb."""
    if verb.dep_ != "conj" or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)


def stranded_object(subject: Token, verb: Token) -> bool:
    """ "Sanders called on Michigan Gov. Rick Snyder to resign": a "subject" right after a preposition of the verb that
    the parser left with no object is that preposition's object."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    return (
        before is not None
        and before.dep_ == "prep"
        and before.head.i == verb.i
        and before.i > verb.i
        and not any(c.dep_ in ("pobj", "pcomp") for c in before.children)
    )


def _predicated_of(noun: Token, relative: Token) -> Token | None:
    """The subject :func:`predicated_subject` gives for the antecedent of a relative pronoun ("Turkey is the only
    nation that ...").  Only for a common noun, or one listed with it, right before the relative pronoun: "the
    biggest donor to the super PAC that backed" leaves the parser's attachment in doubt."""
    before = relative.i - 1
    while before > 0 and (noun.doc[before].is_punct or noun.doc[before].is_space):  # a no-break space is a token
        before -= 1
    first = _first_listed(noun)
    if first.pos_ != "NOUN" or before not in _listed_with(first):
        return None
    return predicated_subject(first)


def _first_listed(noun: Token) -> Token:
    """The first of the nouns a noun is coordinated or apposed with ("a serial liar, rampant xenophobe, ...")."""
    while noun.dep_ in ("conj", "appos") and noun.head.i < noun.i:
        noun = noun.head
    return noun


def predicated_subject(noun: Token) -> Token | None:
    """The proper-noun subject a predicate noun, or one of coordinated ones, is said of with "to be" ("Trump is a
    liar and a birther": Trump for "birther"; "Trump incites violence and is a liar"), else None."""
    first = _first_listed(noun)
    if first.dep_ != "attr" or first.head.lemma_ != "be":
        return None
    verb = first.head
    subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
    while not subjects and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].pos_ != "PROPN" or subjects[0].i > first.i:
        return None
    return subjects[0]


def _listed_with(noun: Token) -> set[int]:
    """The ids of a noun and of the nouns coordinated or apposed to it, however deep ("a liar, rampant xenophobe,
    racist and bully": the parser may chain them through one another)."""
    ids, todo = set(), [noun]
    while todo:
        token = todo.pop()
        ids.add(token.i)
        todo.extend(c for c in token.children if c.dep_ in ("conj", "appos") and c.i not in ids)
    return ids


def relative_pronoun(cue: Token, antecedent: Token) -> Token | None:
    """The relative pronoun through which ``antecedent`` is the speaker of ``cue``, if it is.

    In "Will Smith, who said ..." (and "..., who smiled and said ...") the words naming the speaker
    at the claim are "who"; :func:`subject_or_agent` gives the noun it stands for.
    """
    for verb in climb(cue):
        if not (verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX")):
            break
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
    if verb.dep_ != "relcl" or verb.head != antecedent:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS), None)


def paragraph_opening(token: Token, within: int) -> int | None:
    """The first token of ``token``'s paragraph when it is at most ``within`` tokens back (where a dateline holding
    it would start), else None."""
    start = ParseIndex.of(token.doc).paragraph_start(token.i)
    return start if token.i - start <= within else None


def opens_paragraph(token: Token) -> bool:
    """Whether only spaces, among them a line break, or nothing come before ``token``."""
    return ParseIndex.of(token.doc).paragraph_start(token.i) == token.i


def climb(token: Token) -> Iterator[Token]:
    """``token``, then its head, its head's head ... up to the root, each step counted as work of
    :class:`ParseIndex` (a crafted tree may be thousands of levels deep)."""
    index = ParseIndex.of(token.doc)
    while True:
        index.charge(1)
        yield token
        if token.head == token:
            return
        token = token.head


def ancestors(token: Token) -> Iterator[Token]:
    """``token.ancestors``, each step counted (see :func:`climb`)."""
    steps = climb(token)
    next(steps)
    yield from steps


def finite_tag(verb: Token) -> str:
    """The tag of the word that carries tense: the first auxiliary ("would" in "would order"), else the verb.
    Kept for the Doc: a word with thousands of dependents is asked once."""
    known = ParseIndex.of(verb.doc).finite_tags
    if verb.i not in known:
        known[verb.i] = next((c.tag_ for c in verb.lefts if c.dep_ in ("aux", "auxpass")), verb.tag_)
    return known[verb.i]


# A subtree spanning fewer tokens than this is walked by spaCy itself: its cost, span times depth at
# most, stays small.  Wider ones (a long clause, or a crafted tree) go through the index.
SPACY_WALK_WIDTH = 128


class WorkLimitReached(Exception):
    """The walks of a Doc went past :attr:`ParseIndex.limit`."""


class ParseIndex:
    """Subtree walks of a Doc in time linear in their size, and the count of tokens they hand out.

    spaCy's ``Token.subtree`` nests one generator per level and scans each node's span for its
    children, so a walk costs its size times the tree's depth, and a crafted text ("according to"
    3,000 times, "A said B said C said ...") makes trees thousands of levels deep.  A wide walk here
    goes through the tree as index lists, built on first need: the same tokens in the same order, in
    time linear in their number (a subtree without crossing arcs, the usual case, is a range of
    ids).  :attr:`work` counts the tokens every walk handed out (and other steps callers
    :meth:`charge`), and a walk that takes it past :attr:`limit` raises :class:`WorkLimitReached`, so
    that callers can bound what a crafted sentence costs them.  The parse must not change once
    walked (claimex's components only read it).
    """

    _cache: dict[int, ParseIndex] = {}  # id of a live Doc -> its index (the entry goes with the Doc)

    def __init__(self, doc: Doc):
        self._doc = weakref.ref(doc)  # never keeps the Doc alive
        self.work = 0  # tokens handed out by subtree walks so far
        self.limit: int | None = None  # past this much work, walks raise WorkLimitReached
        self.speakers: dict[int, int | None] = {}  # verb id -> its speaker's id (subject_or_agent)
        self.finite_tags: dict[int, str] = {}  # verb id -> finite_tag
        self.name_words: frozenset[str] | None = None  # last words of the Doc's PERSON and ORG entities
        self._sentence_starts: list[int] | None = None
        self._paragraph_starts: list[int] | None = None
        self._tree: _Tree | None = None
        self.dateline_ends: dict[int, int] = {}  # paragraph start -> the first token after its dateline

    def charge(self, amount: int) -> None:
        """Count ``amount`` steps of work; raises :class:`WorkLimitReached` past :attr:`limit`."""
        self.work += amount
        if self.limit is not None and self.work > self.limit:
            raise WorkLimitReached()

    @property
    def doc(self) -> Doc:
        doc = self._doc()
        assert doc is not None, "the Doc of a ParseIndex is gone"
        return doc

    @classmethod
    def of(cls, doc: Doc) -> ParseIndex:
        """The index of ``doc``, made on first use and dropped with the Doc."""
        key = id(doc)
        index = cls._cache.get(key)
        if index is None or index._doc() is not doc:
            index = cls._cache[key] = cls(doc)
            weakref.finalize(doc, cls._cache.pop, key, None)
        return index

    def subtree_ids(self, token: Token) -> Sequence[int]:
        """``[t.i for t in token.subtree]``."""
        if token.right_edge.i - token.left_edge.i < SPACY_WALK_WIDTH:
            ids: Sequence[int] = [t.i for t in token.subtree]
        else:
            ids = self._walk(token.i)
        self.charge(len(ids))
        return ids

    def subtree(self, token: Token) -> list[Token]:
        """``list(token.subtree)``."""
        if token.right_edge.i - token.left_edge.i < SPACY_WALK_WIDTH:
            tokens = list(token.subtree)
        else:
            ids = self._walk(token.i)
            doc = self.doc
            tokens = list(doc[ids.start : ids.stop]) if isinstance(ids, range) else [doc[i] for i in ids]
        self.charge(len(tokens))
        return tokens

    def sentence(self, start: int, end: int) -> Span:
        """``doc[start:end].sent``: from the last sentence start at or before ``start`` to the first one
        at or after ``end``."""
        if self._sentence_starts is None:
            starts = numpy.flatnonzero(self.doc.to_array(SENT_START) == 1).tolist()
            self._sentence_starts = starts if starts[:1] == [0] else [0, *starts]
        starts = self._sentence_starts
        first = starts[bisect.bisect_right(starts, start) - 1]
        k = bisect.bisect_left(starts, end)
        return self.doc[first : starts[k] if k < len(starts) else len(self.doc)]

    def paragraph_start(self, i: int) -> int:
        """The first token of token ``i``'s paragraph: the last token at or before it that only spaces, among them
        a line break, or nothing come before (built for the whole Doc on first need, one pass over its tokens)."""
        if self._paragraph_starts is None:
            starts, fresh, start = [], True, 0
            for token in self.doc:
                if fresh:
                    start = token.i
                starts.append(start)
                fresh = ("\n" in token.text or fresh) if token.is_space else False
            self._paragraph_starts = starts
        return self._paragraph_starts[i]

    def _walk(self, root: int) -> Sequence[int]:
        if self._tree is None:
            self._tree = _Tree(self.doc)
        return self._tree.subtree_ids(root)


class _Tree:
    """A Doc's dependency tree as flat index lists: children grouped by head, and per token its subtree's
    size, first and last id, and whether it (and every subtree in it) is a range of ids."""

    def __init__(self, doc: Doc):
        n = len(doc)
        heads = doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(n, dtype=numpy.int64)
        is_root = heads == numpy.arange(n)
        # One flat list, not a list per token (that would cost a garbage collection pass on large Docs).
        by_head = numpy.argsort(numpy.where(is_root, -1, heads), kind="stable")
        self.kids = by_head[int(is_root.sum()) :].tolist()
        self.kids_at = numpy.concatenate(([0], numpy.cumsum(numpy.bincount(heads[~is_root], minlength=n)))).tolist()
        order = numpy.flatnonzero(is_root).tolist()  # breadth first from the roots: parents before children
        for node in order:  # grows as it goes
            order.extend(self.kids[self.kids_at[node] : self.kids_at[node + 1]])
        head_of = heads.tolist()
        self.size, self.first, self.last = [1] * n, list(range(n)), list(range(n))
        self.ranged = [True] * n
        for node in reversed(order):  # children before parents
            head = head_of[node]
            if self.last[node] - self.first[node] + 1 != self.size[node]:
                self.ranged[node] = False
            if head != node:
                self.size[head] += self.size[node]
                self.first[head] = min(self.first[head], self.first[node])
                self.last[head] = max(self.last[head], self.last[node])
                self.ranged[head] = self.ranged[head] and self.ranged[node]

    def subtree_ids(self, root: int) -> Sequence[int]:
        """The ids of ``Token.subtree`` of token ``root``, in its order (left children's subtrees, the
        token, right children's subtrees)."""
        if self.ranged[root]:
            return range(self.first[root], self.last[root] + 1)
        out: list[int] = []
        stack: list[int] = [root]
        while stack:
            node = stack.pop()
            if node < 0:  # the token itself, after its left children's subtrees
                out.append(~node)
                continue
            kids = self.kids[self.kids_at[node] : self.kids_at[node + 1]]
            stack.extend(reversed([k for k in kids if k > node]))
            stack.append(~node)
            stack.extend(reversed([k for k in kids if k < node]))
        return out


def sentence_of(item: Token | Span) -> Span:
    """``item.sent`` (a token's, or a span's: from its first token's sentence to its last one's), found by
    bisection: spaCy scans the Doc from the item, a cost that grows with the sentence's length."""
    if isinstance(item, Token):
        return ParseIndex.of(item.doc).sentence(item.i, item.i + 1)
    return ParseIndex.of(item.doc).sentence(item.start, item.end)


def charge(doc: Doc, amount: int) -> None:
    """Count ``amount`` steps of work on ``doc`` (see :meth:`ParseIndex.charge`)."""
    ParseIndex.of(doc).charge(amount)


def subtree(token: Token) -> list[Token]:
    """``list(token.subtree)``, in time linear in its size (see :class:`ParseIndex`)."""
    return ParseIndex.of(token.doc).subtree(token)


def subtree_ids(token: Token) -> Sequence[int]:
    """``[t.i for t in token.subtree]``, in time linear in its size (see :class:`ParseIndex`)."""
    return ParseIndex.of(token.doc).subtree_ids(token)


MAX_TITLE_WORDS = 8  # a title-case quotation this short is a name or a title, not speech


def title_shaped(tokens: Span | Sequence[Token]) -> bool:
    """Whether quoted words are shaped as a title ("“The Steve Harvey Morning Show”", "“Make Your Kid a
    Millionaire”"): at most ``MAX_TITLE_WORDS`` words, the first and every content word capitalized, at least two
    content words, no exclamation or question ("USA! USA!" and "Absolutely not" are speech)."""
    words = [t for t in tokens if t.is_alpha]
    if not words or len(words) > MAX_TITLE_WORDS or any(t.text in ("!", "?") for t in tokens):
        return False
    content = [t for t in words if not t.is_stop]
    return words[0].is_title and len(content) >= 2 and all(t.is_title or t.is_upper for t in content)
