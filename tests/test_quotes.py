"""Tests for claimex.nlp.quotes: pairing quotation marks in plain text."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimex.nlp.quotes import Quotation, find_quotations, split_paragraphs

BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
DOUBLE_MARKS = '"“”„«»'
SINGLE_OPENERS = "'‘"
SINGLE_CLOSERS = "'’"

REAL_EXAMPLE = """He emphasized that there is no such thing as Mr. Pompeo’s so-called “detention camp” in Xinjiang.

“ The United States has used religious shackles to smear China’s policy. The Chinese side expressed strong dissatisfaction.

We have said many times that Xinjiang affairs are purely China’s internal affairs.

This is the best manifestation of respect for human rights.

We hope that the individual politicians of the United States will take off colored glasses.”
"""


def found(text: str) -> list[tuple[str, bool, int]]:
    """(inner text with pieces joined by newlines, closed, paragraphs) per quotation."""
    return [(q.inner_text(text), q.closed, q.paragraphs) for q in find_quotations(text)]


# (id, text, expected found(text))
CASES = [
    ("curly", "“We will win,” she said.", [("We will win,", True, 1)]),
    (
        "double-apostrophes",
        "''We will win,'' she said. ''It is time.''",
        [("We will win,", True, 1), ("It is time.", True, 1)],
    ),
    ("double-apostrophes-reopen", "''First part.\n''Second part.''", [("First part.\nSecond part.", True, 2)]),
    ("inches-are-not-quotes", "The screen is 15'' wide and light.", []),
    (
        "triple-apostrophe-closes-a-nested-single",
        "''I would use the word 'old-school,''' said Lee, who left. ''Humility counts.''",
        [("I would use the word 'old-school,'", True, 1), ("Humility counts.", True, 1)],
    ),
    (
        "triple-apostrophe-opens-a-nested-single",
        "He said: '''Tis the season,' they tell me.''",
        [("'Tis the season,' they tell me.", True, 1)],
    ),
    ("four-apostrophes-are-not-a-mark", "It was ''''odd'''' there.", []),
    ("straight", 'He said "we will win" on Monday.', [("we will win", True, 1)]),
    (
        "mixed-kinds-in-one-paragraph",
        'Lee said “yes” and Kim said "no" to it.',
        [("yes", True, 1), ("no", True, 1)],
    ),
    ("mixed-curly-open-straight-close", '“Hello," she said.', [("Hello,", True, 1)]),
    ("mixed-straight-open-curly-close", '"Hello,” she said.', [("Hello,", True, 1)]),
    (
        "interrupted-curly",
        "“I am here,” she said, “to stay.”",
        [("I am here,", True, 1), ("to stay.", True, 1)],
    ),
    (
        "interrupted-straight",
        '"I think," he said, "we\'re done."',
        [("I think,", True, 1), ("we're done.", True, 1)],
    ),
    ("colon-introduced", "The minister said: “Talks will resume.”", [("Talks will resume.", True, 1)]),
    ("colon-no-space-straight", 'The minister said:"Talks will resume."', [("Talks will resume.", True, 1)]),
    (
        "four-paragraphs-reopening",
        "“One.\n\n“Two.\n\n“Three.\n\n“Four,” he said.",
        [("One.\nTwo.\nThree.\nFour,", True, 4)],
    ),
    (
        "reopening-one-line-per-paragraph",
        'Intro.\n"First part.\n"Second part."\nOutro.',
        [("First part.\nSecond part.", True, 2)],
    ),
    (
        "three-paragraphs-straight-reopening",
        '"Alpha one.\n\n"Beta two.\n\n"Gamma three," he said.',
        [("Alpha one.\nBeta two.\nGamma three,", True, 3)],
    ),
    (
        "curly-does-not-reopen-straight",
        '"The report begins here.\n\n"It goes on.\n\n“We will win,” she said. The end."',
        [("The report begins here.\nIt goes on.", False, 2), ("We will win,", True, 1)],
    ),
    (
        "straight-does-not-reopen-curly",
        '“We will win.\n\n"Narration quoted from a paper."',
        [("We will win.", False, 1), ("Narration quoted from a paper.", True, 1)],
    ),
    (
        "curly-nested-in-straight-then-new-paragraph",
        '"He walked in, chanting “Yes! Yes!”\n\n“That is right,” she said.',
        [("He walked in, chanting “Yes! Yes!”", False, 1), ("That is right,", True, 1)],
    ),
    (
        "bracket-ends-a-quotation-opened-inside-it",
        "(It also tracks “family fortunes.)\n\n“The lists differ,” he said.",
        [("family fortunes.", False, 1), ("The lists differ,", True, 1)],
    ),
    (
        "brackets-inside-a-continued-quotation",
        "“We will (as promised) win.\n\n“Then rest,” he said.",
        [("We will (as promised) win.\nThen rest,", True, 2)],
    ),
    ("apostrophes-only", "China’s ’90s rock ’n’ roll: O’Neill don’t can't 'tis.", []),
    (
        "apostrophes-inside-quote",
        "“China’s ’90s were O’Neill’s, don’t forget,” he said.",
        [("China’s ’90s were O’Neill’s, don’t forget,", True, 1)],
    ),
    ("scare-quotes", "the so-called “detention camp” in Xinjiang", [("detention camp", True, 1)]),
    (
        "unclosed-at-paragraph-end",
        "She said “we will win and left.\nNothing more.",
        [("we will win and left.", False, 1)],
    ),
    ("unclosed-at-text-end", "He said “never again", [("never again", False, 1)]),
    ("opener-at-paragraph-end-closes", "“They see that. “\n\nMore text.", [("They see that.", True, 1)]),
    ("stray-closer", "This is a stray” closer.", []),
    ("stray-closer-then-quote", "Stray” here. “Real one.”", [("Real one.", True, 1)]),
    ("nested-single", "“He said ‘no’ to us,” she said.", [("He said ‘no’ to us,", True, 1)]),
    (
        "nested-straight-in-curly",
        '“He called it "nonsense" today,” she said.',
        [('He called it "nonsense" today,', True, 1)],
    ),
    (
        "nested-curly-in-straight",
        '"He called it “nonsense” today," she said.',
        [("He called it “nonsense” today,", True, 1)],
    ),
    (
        "nested-curly-in-a-straight-block-quote",
        '"The report said a doctor typed “ideation.”\n\n"It went on," it said.',
        [("The report said a doctor typed “ideation.”\nIt went on,", True, 2)],
    ),
    ("nested-curly-in-curly", "“He said “no” to us”", [("He said “no” to us", True, 1)]),
    ("guillemets", "Il a dit: «Nous gagnerons», dit-il.", [("Nous gagnerons", True, 1)]),
    ("guillemets-spaced", "Il a dit : « Nous gagnerons » hier.", [("Nous gagnerons", True, 1)]),
    ("guillemets-reversed", "»Wir schaffen das«, sagte sie.", [("Wir schaffen das", True, 1)]),
    ("low-german", "„Das ist gut“, sagte er.", [("Das ist gut", True, 1)]),
    ("empty-straight", 'He said "" nothing.', []),
    ("empty-curly", "He said “” nothing.", []),
    ("punctuation-only", "He said “...” and “ - ” then.", []),
    ("leading-space-trimmed", "“ The United States acted. ”", [("The United States acted.", True, 1)]),
    (
        "forgotten-closer-restarts",
        "“First, she said. “Second.”",
        [("First, she said.", False, 1), ("Second.", True, 1)],
    ),
    ("no-marks", "Just a plain sentence.\n\nAnd another.", []),
    ("empty-text", "", []),
    (
        "unclosed-does-not-swallow-next-paragraph",
        "He said “we will.\nShe said “no.”",
        [("we will.", False, 1), ("no.", True, 1)],
    ),
    (
        "sloppy-too-far-stays-unclosed",
        "“Open.\n" + "Plain.\n" * 6 + "Closed.”",
        [("Open.", False, 1)],
    ),
    (
        "sloppy-blocked-by-other-mark",
        "“Open.\nPlain with “another” quote.\nClosed.”",
        [("Open.", False, 1), ("another", True, 1)],
    ),
    (
        "real-example",
        REAL_EXAMPLE,
        [
            ("detention camp", True, 1),
            (
                "The United States has used religious shackles to smear China’s policy. "
                "The Chinese side expressed strong dissatisfaction.\n"
                "We have said many times that Xinjiang affairs are purely China’s internal affairs.\n"
                "This is the best manifestation of respect for human rights.\n"
                "We hope that the individual politicians of the United States will take off colored glasses.",
                True,
                4,
            ),
        ],
    ),
]


# Articles that set quotations in single marks (Canadian Press copy): (id, text, expected found(text)).
SINGLE_MARK_CASES = [
    (
        "straight-single-marks",
        "'The point is to build the certainty,' Carney said.\n'Nothing was carved in stone,' Ford said.",
        [("The point is to build the certainty,", True, 1), ("Nothing was carved in stone,", True, 1)],
    ),
    ("curly-single-marks", "‘We will win,’ she said.", [("We will win,", True, 1)]),
    (
        "headline",
        "'You are a very bad minister,' Conservative immigration critic says",
        [("You are a very bad minister,", True, 1)],
    ),
    (
        "apostrophes-inside-single-quotation",
        "'Canada's workers don't quit,' he said.",
        [("Canada's workers don't quit,", True, 1)],
    ),
    (
        "plural-possessive-inside-is-not-a-closer",
        "'The premiers' side is ready,' Ford said.",
        [("The premiers' side is ready,", True, 1)],
    ),
    (
        "closer-after-a-word-when-no-punctuation-closer-follows",
        "'Enough,' he said. She called it 'a bad idea' at the premiers' meeting.",
        [("Enough,", True, 1), ("a bad idea", True, 1)],
    ),
    (
        "closer-before-colon",
        "'Done,' he said.\nMORE | 'I guess we have money to blow': More fallout",
        [("Done,", True, 1), ("I guess we have money to blow", True, 1)],
    ),
    (
        "one-word-in-marks-is-a-term",
        "He cited 'whistleblowers' there. 'It is true,' he said.",
        [("It is true,", True, 1)],
    ),
    ("rock-n-roll", "He loves rock 'n' roll, he said. 'It's great,' he added.", [("It's great,", True, 1)]),
    ("year-elision", "In the '90s, he said, 'things were different.'", [("things were different.", True, 1)]),
    (
        "reopened-in-next-paragraph",
        "'We will fight.\n'And we will win,' he said.",
        [("We will fight.\nAnd we will win,", True, 2)],
    ),
    (
        "opener-left-open-without-reopening-is-an-apostrophe",
        "'Enough,' he said.\nGive 'em hell\nThe end.",
        [("Enough,", True, 1)],
    ),
]

# Single marks that must find nothing (or leave the double quotation as it is).
SINGLE_MARK_NOTHING = [
    ("apostrophes-and-possessives", "Canada's premiers’ side said the ’90s and rock ’n’ roll don't matter.", []),
    ("curly-elisions", "‘90s fans and the premiers’ side met.", []),
    ("no-closer-after-punctuation-no-evidence", "He said it was 'a bad idea' and left.", []),
    (
        "double-marks-win",
        "He said “she called it ‘fake news’ today” and 'no,' they said.",
        [("she called it ‘fake news’ today", True, 1)],
    ),
    (
        "straight-double-marks-win",
        "'Hello,' he said. \"Bye,\" she said.",
        [("Bye,", True, 1)],
    ),
    (
        "double-apostrophes-win",
        "''We will win,'' she said of the 'best' plan, 'again,' he said.",
        [("We will win,", True, 1)],
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    [c[1:] for c in SINGLE_MARK_CASES + SINGLE_MARK_NOTHING],
    ids=[c[0] for c in SINGLE_MARK_CASES + SINGLE_MARK_NOTHING],
)
def test_single_mark_quotations(text: str, expected: list) -> None:
    assert found(text) == expected
    check_invariants(text, find_quotations(text))


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_quotations(text: str, expected: list) -> None:
    assert found(text) == expected
    check_invariants(text, find_quotations(text))


def test_real_example_offsets() -> None:
    qs = find_quotations(REAL_EXAMPLE)
    assert len(qs) == 2
    long = qs[1]
    assert REAL_EXAMPLE[long.start] == "“"
    assert REAL_EXAMPLE[long.end - 1] == "”"
    assert long.end == REAL_EXAMPLE.rstrip().__len__()
    assert len(long.pieces) == 4 and long.paragraphs == 4
    assert REAL_EXAMPLE[long.inner_start :].startswith("The United States")
    assert REAL_EXAMPLE[: long.inner_end].endswith("colored glasses.")


def test_four_paragraph_quote_has_four_pieces() -> None:
    text = "Intro: \n“Alpha one.\n\n“Beta two.\n\n“Gamma three.\n\n“Delta four.” He left."
    (q,) = find_quotations(text)
    assert [text[a:b] for a, b in q.pieces] == ["Alpha one.", "Beta two.", "Gamma three.", "Delta four."]
    assert q.closed and q.paragraphs == 4
    assert q.start == text.index("“") and text[q.end - 1] == "”"


def test_unclosed_ends_at_paragraph_end() -> None:
    text = "He said “we will win   \nNext."
    (q,) = find_quotations(text)
    assert not q.closed
    assert q.end == text.index("win") + 3
    assert q.pieces == ((text.index("we"), q.end),)


def test_explicit_paragraph_spans() -> None:
    text = "A “b” c | “d e” f"
    spans = [(0, 7), (8, 17)]
    assert [text[q.start : q.end] for q in find_quotations(text, spans)] == ["“b”", "“d e”"]
    # text outside the spans is ignored; odd spans are clipped and tolerated
    assert find_quotations(text, [(8, 10)]) == []
    assert [text[q.start : q.end] for q in find_quotations(text, [(-5, 99), (3, 4)])] == ["“b”", "“d e”"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", []),
        ("one", [(0, 3)]),
        ("  one  \n\n\t two\r\nthree \u2028four", [(2, 5), (11, 14), (16, 21), (23, 27)]),
        ("\n \n\t\n", []),
    ],
    ids=["empty", "single", "mixed-breaks", "blank-only"],
)
def test_split_paragraphs(text: str, expected: list) -> None:
    assert split_paragraphs(text) == expected


def test_long_paragraph_with_random_marks_is_fast() -> None:
    rng = random.Random(1234)
    alphabet = "abcde fgh ij,.;" + DOUBLE_MARKS + "‘’'"
    text = "".join(rng.choice(alphabet) for _ in range(200_000))
    t0 = time.perf_counter()
    qs = find_quotations(text)
    assert time.perf_counter() - t0 < 5
    check_invariants(text, qs)


@pytest.mark.parametrize(
    "text",
    [
        "“" * 100_000 + "”" * 100_000,
        "“a " * 60_000,
        '"' * 200_000,
        "«a " * 30_000 + "»" * 30_000,
        "“x\n" * 50_000,
        "“open\n" + "plain\n" * 50_000 + "done”",
    ],
    ids=["deep-nesting", "many-restarts", "straight-run", "guillemet-nesting", "many-reopens", "many-lines"],
)
def test_pathological_inputs_are_fast(text: str) -> None:
    t0 = time.perf_counter()
    qs = find_quotations(text)
    assert time.perf_counter() - t0 < 5
    check_invariants(text, qs)


# --- properties


def check_invariants(text: str, qs: list[Quotation], default_spans: bool = True) -> None:
    prev_end = 0
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= prev_end, "sorted and non-overlapping"
        prev_end = q.end
        assert q.pieces and q.paragraphs >= 1
        assert text[q.start] in DOUBLE_MARKS + SINGLE_OPENERS or text[q.start : q.start + 2] == "''"
        last = q.start
        for a, b in q.pieces:
            assert q.start < a < b <= q.end
            assert a >= last
            last = b
            piece = text[a:b]
            assert piece == piece.strip()
            if default_spans:
                assert not any(ch in BREAKS for ch in piece)
        assert any(ch.isalnum() for a, b in q.pieces for ch in text[a:b])
        assert q.inner_start == q.pieces[0][0] and q.inner_end == q.pieces[-1][1]
        if q.closed:
            assert text[q.end - 1] in DOUBLE_MARKS + SINGLE_CLOSERS or text[q.end - 2 : q.end] == "''"


mark_heavy = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(DOUBLE_MARKS + "‘’‚‹›' \n\t.,:;!?()—-ab") + ["\r", "\u2028", "\xa0"]),
        st.characters(),
    ),
    max_size=300,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mark_heavy)
def test_property_never_raises_and_invariants_hold(text: str) -> None:
    check_invariants(text, find_quotations(text))


@settings(max_examples=200, deadline=None)
@given(
    mark_heavy,
    st.lists(st.tuples(st.integers(-10, 400), st.integers(-10, 400)), max_size=8),
)
def test_property_arbitrary_spans(text: str, spans: list[tuple[int, int]]) -> None:
    check_invariants(text, find_quotations(text, spans), default_spans=False)


quote_free = st.text(
    alphabet=st.characters(blacklist_characters=DOUBLE_MARKS + BREAKS, blacklist_categories=("Cs",)),
    min_size=1,
    max_size=80,
).filter(lambda s: any(ch.isalnum() for ch in s) and "''" not in s)  # two apostrophes are a double mark too


@settings(max_examples=300, deadline=None)
@given(quote_free, st.sampled_from(["He said ", "Officials said: ", "", "(", "So-called "]))
def test_property_wrapped_quote_found_exactly(inner: str, prefix: str) -> None:
    text = f"{prefix}“{inner}” on Monday."
    (q,) = find_quotations(text)
    start = len(prefix)
    assert (q.start, q.end, q.closed, q.paragraphs) == (start, start + len(inner) + 2, True, 1)
    stripped = inner.strip()
    lead = len(inner) - len(inner.lstrip())
    assert q.pieces == ((start + 1 + lead, start + 1 + lead + len(stripped)),)
