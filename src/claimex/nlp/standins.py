"""Faster stand-ins for the model's rule-based components: the same annotations, less Python per token.

spaCy's attribute ruler runs all of its patterns (179 in ``en_core_web_sm``)
through the Matcher on every token, and the rule lemmatizer visits every token
in Python: on PolNeAR dev they took 1.27 and 1.02 of claimex's 14.8 CPU
seconds.  Both outcomes depend on a few of the token's attributes only, so the
stand-ins work them out once per distinct combination and write them with
``Doc.from_array``:

* :class:`AttributeRules` (for an ``AttributeRuler``): a one-token pattern that
  only tests ORTH, LOWER, TAG, DEP or IS_SPACE for equality (or ``IN`` a list)
  is decided by those five values; the patterns a combination matches, and the
  attributes they set (later patterns win, as in the ruler), are computed once
  per combination.  Other patterns (several tokens, operators, other
  attributes) still go through spaCy's Matcher, in the ruler's order.
* :class:`RuleLemmatizer` (for a ``Lemmatizer`` in ``rule`` or ``lookup``
  mode): a lemma depends on the token's ORTH, POS and MORPH only (the key of
  spaCy's own rule cache), so the component itself lemmatizes each distinct
  triple once.

:func:`stand_in` gives the stand-in of a component, or ``None`` when it cannot
promise the same output (a ruler setting attributes other than TAG, POS,
MORPH, LEMMA and DEP; another lemmatizer mode; any other component): the caller
then runs the component itself.  ``tests/test_standins.py`` checks the outputs
against the components on hand-built cases and on real text.
"""

from __future__ import annotations

import re
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

# What a compiled pattern may test: the Matcher's key, the Doc.to_array column it reads.
_TESTED = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = tuple(_TESTED.values())
# What a ruler may set: written through arrays (POS, MORPH, LEMMA) or token by token (TAG, DEP).
_ARRAY_ATTRS = (POS, MORPH, LEMMA)
_TOKEN_ATTRS = (TAG, DEP)
MEMO_LIMIT = 1_000_000  # distinct token signatures remembered before starting afresh (bounded memory)

Effect = dict[int, int]  # attribute id -> value, as AttributeRuler.attrs holds them


def stand_in(component):
    """The stand-in for ``component``, or None when there is none that gives the same output."""
    if isinstance(component, AttributeRuler):
        return AttributeRules.build(component)
    if isinstance(component, Lemmatizer) and component.mode in ("rule", "lookup"):
        return RuleLemmatizer(component)
    return None


def _tests(token_pattern: dict) -> tuple[tuple[int, str, object], ...] | None:
    """``(column, test, operand)`` for a one-token pattern decided by the signature's values, else None.

    Tests as the Matcher makes them: equality and ``IN`` (a set of string ids), ``NOT_IN``, ``REGEX``
    (searched in the attribute's string), a boolean for IS_SPACE."""
    tests: list[tuple[int, str, object]] = []
    for key, value in token_pattern.items():
        if key not in _TESTED:
            return None
        column = _COLUMNS.index(_TESTED[key])
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((column, "in", frozenset({int(value)})))
        elif isinstance(value, str):
            tests.append((column, "in", frozenset({get_string_id(value)})))
        elif isinstance(value, dict) and len(value) == 1:
            ((operator, operand),) = value.items()
            if operator in ("IN", "NOT_IN") and all(isinstance(v, str) for v in operand):
                tests.append((column, operator.lower(), frozenset(get_string_id(v) for v in operand)))
            elif operator == "REGEX" and isinstance(operand, str):
                tests.append((column, "regex", re.compile(operand)))
            else:
                return None
        else:
            return None
    return tuple(tests)


def _passes(tests: tuple, signature: tuple, strings) -> bool:
    for column, test, operand in tests:
        value = signature[column]
        if test == "in":
            ok = value in operand
        elif test == "not_in":
            ok = value not in operand
        else:
            ok = bool(operand.search(strings[value]))
        if not ok:
            return False
    return True


class AttributeRules:
    """An ``AttributeRuler``'s patterns, one-token ones decided once per distinct token signature."""

    def __init__(
        self, ruler: AttributeRuler, columns: tuple, rules: list, fallback: Matcher | None, starts: list | None
    ) -> None:
        self.ruler = ruler
        self._columns = columns  # what a token's signature holds (Doc.to_array columns)
        self._rules = rules  # (precedence, tests), in precedence order
        # Candidates by tag: the rules that require one of a few tags are only tried on tokens with those tags.
        self._by_tag: dict[int, list] = {}
        self._any_tag: list = []
        tag = columns.index(TAG)
        for rule in rules:
            required = [operand for column, test, operand in rule[1] if column == tag and test == "in"]
            for value in required[0] if required else ():
                self._by_tag.setdefault(value, []).append(rule)
            if not required:
                self._any_tag.append(rule)
        self._tag = tag
        self._fallback = fallback  # spaCy's Matcher for the other patterns, keyed by precedence
        self._starts = starts  # tests of the fallback patterns' first tokens (None: some cannot be told)
        self._memo: dict[tuple, tuple] = {}  # signature -> (rules matched, may start a fallback, effect row)
        # Effects: what a set of matched rules does (later rules win), one row per distinct set.
        self._rows: dict[tuple[int, ...], int] = {}
        self._effects: list[Effect] = []
        self._tables: tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray] | None = None

    @classmethod
    def build(cls, ruler: AttributeRuler) -> AttributeRules | None:
        allowed = set(_ARRAY_ATTRS) | set(_TOKEN_ATTRS)
        if any(set(attrs) - allowed for attrs in ruler.attrs):
            return None
        rules, fallback, starts = [], Matcher(ruler.vocab), []
        for key, pattern in enumerate(ruler.patterns):  # a pattern's position is its precedence
            for alternative in cast(list[list[dict[str, Any]]], pattern["patterns"]):
                tests = _tests(alternative[0]) if alternative else None
                if len(alternative) == 1 and ruler.indices[key] in (0, -1) and tests is not None:
                    rules.append((key, tests))
                else:
                    fallback.add(str(key), [alternative])
                    starts.append(tests)
        # A token's signature: the columns some test reads (fewer columns, fewer distinct signatures).
        tested = [t for _, tests in rules for t in tests] + [t for tests in starts if tests for t in tests]
        used = sorted({column for column, _, _ in tested} | {_COLUMNS.index(TAG)})
        position = {column: k for k, column in enumerate(used)}

        def narrowed(tests):
            return None if tests is None else tuple((position[c], test, operand) for c, test, operand in tests)

        rules = [(key, narrowed(tests)) for key, tests in rules]
        starts = [narrowed(tests) for tests in starts]
        columns = tuple(_COLUMNS[c] for c in used)
        if not len(fallback):
            return cls(ruler, columns, rules, None, [])
        return cls(ruler, columns, rules, fallback, None if None in starts else starts)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings, memo = doc.vocab.strings, self._memo
        found = [
            memo.get(s) or self._learn(s, strings)
            for s in map(tuple, doc.to_array(list(self._columns)).reshape(len(doc), -1).tolist())
        ]
        rows = [row for _, _, row in found]
        if self._fallback is not None and (self._starts is None or any(start for _, start, _ in found)):
            matched: dict[int, set[int]] = {}
            for key, start, end in self._fallback(doc, allow_missing=True):
                precedence = int(strings[key])
                i = doc[start:end][self.ruler.indices[precedence]].i
                matched[i] = {*matched.get(i, found[i][0]), precedence}
            for i, keys in matched.items():
                rows[i] = self._row(tuple(sorted(keys)))
        self._apply(doc, numpy.asarray(rows, dtype=numpy.intp))
        return doc

    def _learn(self, signature: tuple, strings) -> tuple[tuple[int, ...], bool, int]:
        """The rules a token signature matches, whether it may start a fallback pattern, their effect's row."""
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        candidates = sorted(self._any_tag + self._by_tag.get(signature[self._tag], []), key=lambda rule: rule[0])
        keys = tuple(key for key, tests in candidates if _passes(tests, signature, strings))
        starts = any(_passes(tests, signature, strings) for tests in self._starts or ())
        known = self._memo[signature] = (keys, starts, self._row(keys))
        return known

    def _row(self, keys: tuple[int, ...]) -> int:
        row = self._rows.get(keys)
        if row is None:  # the ruler applies its matches in precedence order: later ones win
            effect: Effect = {}
            for key in keys:
                effect.update(self.ruler.attrs[key])
            row = self._rows[keys] = len(self._effects)
            self._effects.append(effect)
            self._tables = None
        return row

    def _apply(self, doc: Doc, rows: numpy.ndarray) -> None:
        """Each token's effect: POS, MORPH and LEMMA through one array, TAG and DEP token by token (rare)."""
        if self._tables is None:
            sets = numpy.array([[attr in e for attr in _ARRAY_ATTRS] for e in self._effects], dtype=bool)
            values = numpy.array([[e.get(attr, 0) for attr in _ARRAY_ATTRS] for e in self._effects], dtype="uint64")
            by_token = numpy.array([any(attr in e for attr in _TOKEN_ATTRS) for e in self._effects], dtype=bool)
            self._tables = (sets, values, by_token)
        sets, values, by_token = self._tables
        attrs: list[int | str] = list(_ARRAY_ATTRS)
        updated = numpy.where(sets[rows], values[rows], doc.to_array(attrs))
        doc.from_array(attrs, updated)  # type: ignore[arg-type]  # a numpy array; spaCy's stub says thinc Ints2d
        for i in numpy.flatnonzero(by_token[rows]).tolist():
            effect = self._effects[rows[i]]
            if TAG in effect:
                doc[i].tag = effect[TAG]
            if DEP in effect:
                doc[i].dep = effect[DEP]


class RuleLemmatizer:
    """A rule (or lookup) ``Lemmatizer`` that lemmatizes each distinct (ORTH, POS, MORPH) once.

    The lemmas come from a twin of the component (same class, vocabulary, mode and tables) whose
    ``lemma_index`` word lists are sets: the rule mode tests every candidate form for membership,
    a scan of some 20,000 words a time on the lists the model ships."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._lemmatize = _indexed_twin(lemmatizer).lemmatize
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        overwrite, memo, strings = self.lemmatizer.overwrite, self._memo, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                value = memo[key] = strings.add(self._lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array(LEMMA, numpy.asarray(lemmas, dtype="uint64"))  # type: ignore[arg-type]  # see above
        return doc


def _indexed_twin(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A new lemmatizer like ``lemmatizer``, its ``lemma_index`` lists as frozensets (the others shared)."""
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            table = Table(name=name, data={key: frozenset(words) for key, words in table.items()})
        lookups.set_table(name, table)
    twin = type(lemmatizer)(
        lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode, overwrite=lemmatizer.overwrite
    )
    twin.lookups = lookups
    return twin
