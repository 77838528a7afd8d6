"""``statement_id``: rows that quote the same statement share an id, across articles and outlets.

Two quotes are the same statement when their words are the same up to punctuation, quotation marks
and case (:func:`statement_words`), up to small edits (a word changed, added or dropped in ten:
:data:`MIN_SIMILARITY`), or when one of at least :data:`MIN_WORDS` words is contained, up to the same
small edits, in the other ("We will win." reprinted inside "We will win. We will win big.").

:class:`StatementIndex` scales to millions of rows without comparing all pairs: every distinct quote
of :data:`MIN_WORDS` words or more is cut into sentences, each sentence's word pairs are summarized
by a MinHash (datasketch, fixed seed), and a MinHash LSH index proposes the quotes that share a
similar sentence; only those pairs are compared word by word (rapidfuzz).  Groups are then formed
in two steps: quotes that are near copies of each other, then each contained quote, longest first,
joins the group of its containers only when they all lie in one group, so a slogan that many
different statements repeat ("Make America great again") links none of them.  A sentence in more than
:data:`MAX_QUOTES_A_SENTENCE` distinct quotes (boilerplate, a slogan), or one of that many variants of a
sentence, proposes no pair at all, so that the time to link stays linear however common a sentence is; quotes
that share nothing else are then left apart, and a quote made only of such sentences joins no group.

Shorter quotes ("No.", "We'll see", the object of "criticized Trump") are too common to be one
statement by their words alone: they share an id only with the same words from the same speaker in
the same article.

Ids are 16 hexadecimal digits, a hash of the group's smallest member (by hash of its words), so they
do not depend on input order or on how the work was split; a quote added to a group can change the
group's id only if its own hash is smaller.  Memory: per distinct quote of :data:`MIN_WORDS` words
or more, its words (about the quote's size) and its LSH keys (:data:`NUM_PERM` hash values a
sentence); per row, nothing.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

if TYPE_CHECKING:
    from datasketch import MinHash

MIN_WORDS = 6  # quotes with fewer words are one statement only for the same speaker
MIN_SIMILARITY = 0.9  # word-level similarity (1 - insertions and deletions / both lengths) of a near copy
NUM_PERM = 64  # MinHash permutations a sentence
LSH_THRESHOLD = 0.5  # the Jaccard similarity of word pairs the LSH is tuned to find
SEED = 1
# A sentence in more distinct quotes than this is boilerplate or a slogan: it proposes no pair (a slogan links no
# statements) and a quote made only of such sentences joins none by containment.  Without the bound, 4,000 quotes
# sharing a sentence took 300 s to link, the pairs growing with the square of their number.
MAX_QUOTES_A_SENTENCE = 100
SCHEME = "affine32"  # datasketch's hashing scheme, named so that ids never change with its default

_WORD = re.compile(r"\w+(?:'\w+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?;:\u2026])\s+|\s+\u2026\s+")


def statement_words(quote: str) -> tuple[str, ...]:
    """The quote's words, case-folded, without punctuation or quotation marks."""
    text = unicodedata.normalize("NFKC", quote).replace("\u2019", "'").replace("\u2018", "'").casefold()
    return tuple(_WORD.findall(text))


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:16]


def _sentences(quote: str) -> list[tuple[str, ...]]:
    pieces = [statement_words(piece) for piece in _SENTENCE_END.split(quote)]
    return [piece for piece in pieces if len(piece) >= 2]


class StatementIndex:
    """Distinct quotes of a corpus, their groups, and each row's statement id (see the module doc)."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[str, ...]] = {}  # digest of the words -> words
        self._sentences: dict[str, list[tuple[str, ...]]] = {}
        self._quotes_of: dict[tuple[str, ...], int] = defaultdict(int)  # a sentence -> distinct quotes with it
        self._ids: dict[str, str] = {}

    def add(self, quote: str) -> None:
        words = statement_words(quote)
        if len(words) < MIN_WORDS:
            return
        digest = _digest(*words)
        if digest not in self._words:
            self._words[digest] = words
            # A sentence the quote repeats proposes no other pair, and each copy would meet all the others.
            self._sentences[digest] = list(dict.fromkeys(_sentences(quote))) or [words]
            for sentence in self._sentences[digest]:
                self._quotes_of[sentence] += 1

    def statement_id(self, quote: str, doc_id: str, speaker: str) -> str:
        """The id of the row's statement (after :meth:`link`); ``""`` for an empty quote."""
        words = statement_words(quote)
        if not words:
            return ""
        if len(words) >= MIN_WORDS:
            digest = _digest(*words)
            return self._ids.get(digest, digest)
        return _digest("short", doc_id, speaker, *words)

    def link(self) -> None:
        """Group the quotes seen (call once, after every :meth:`add`)."""
        digests = sorted(self._words)
        parent = {d: d for d in digests}

        def find(d: str) -> str:
            while parent[d] != d:
                parent[d] = parent[parent[d]]
                d = parent[d]
            return d

        def union(a: str, b: str) -> None:
            ra, rb = sorted((find(a), find(b)))
            parent[rb] = ra

        near, contained = self._compare(self._candidates(digests))
        for a, b in sorted(near):
            union(a, b)
        containers: dict[str, set[str]] = defaultdict(set)
        for short, long in contained:
            containers[short].add(long)
        for short in sorted(containers, key=lambda d: (-len(self._words[d]), d)):
            if all(self._common(sentence) for sentence in self._sentences[short]):
                continue  # a slogan: in too many quotes to tell which it belongs to
            groups = {find(long) for long in containers[short]}
            if len(groups) == 1:
                union(groups.pop(), short)
        self._ids = {d: find(d) for d in digests}
        self._sentences.clear()
        self._quotes_of.clear()

    def _common(self, sentence: tuple[str, ...]) -> bool:
        return self._quotes_of[sentence] > MAX_QUOTES_A_SENTENCE

    def _candidates(self, digests: list[str]) -> set[tuple[str, str]]:
        """Pairs of quotes with a similar sentence, proposed by MinHash LSH.

        Each sentence is looked up before it is inserted: a pair sharing an LSH band is found
        when the second of the two is looked up, whatever the order, and no MinHash is kept.
        """
        from datasketch import MinHashLSH  # imported on first need: datasketch loads scipy (about 0.4 s)

        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        pairs: set[tuple[str, str]] = set()
        for digest in digests:
            for number, sentence in enumerate(self._sentences[digest]):
                if self._common(sentence):
                    continue
                minhash = _minhash(sentence)
                similar = lsh.query(minhash)
                if len(similar) > MAX_QUOTES_A_SENTENCE:
                    continue  # one of many variants of a common sentence: no more pairs, and the buckets stop growing
                for key in similar:
                    other = key.split(":", 1)[0]
                    if other != digest:
                        pairs.add((other, digest) if other < digest else (digest, other))
                lsh.insert(f"{digest}:{number}", minhash, check_duplication=False)
        return pairs

    def _compare(self, pairs: set[tuple[str, str]]) -> tuple[list, list]:
        """Split candidate pairs into near copies and (short, long) containments; drop the rest."""
        near, contained = [], []
        for a, b in sorted(pairs):
            wa, wb = self._words[a], self._words[b]
            coded_a, coded_b = _encode(wa, wb)
            if Indel.normalized_similarity(coded_a, coded_b) >= MIN_SIMILARITY:
                near.append((a, b))
                continue
            short, long = (a, b) if len(wa) <= len(wb) else (b, a)
            needle, haystack = (coded_a, coded_b) if short == a else (coded_b, coded_a)
            if fuzz.partial_ratio(needle, haystack) >= 100 * MIN_SIMILARITY:
                contained.append((short, long))
        return near, contained


@functools.cache
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(words: tuple[str, ...]) -> MinHash:
    """The MinHash of a sentence's word pairs (its word, for a sentence of one)."""
    shingles = [f"{a} {b}".encode() for a, b in zip(words, words[1:], strict=False)] or [words[0].encode()]
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch(shingles)
    return minhash


def _encode(*texts: tuple[str, ...]) -> list[str]:
    """Each text as a string with one character a word, so that character edits are word edits."""
    codes: dict[str, str] = {}
    return ["".join(codes.setdefault(w, chr(0xE000 + len(codes))) for w in words) for words in texts]


__all__ = ["MIN_WORDS", "StatementIndex", "statement_words"]
